#!/bin/bash
# Import benchmark: 20 000 enterprises, then 100 000 requests (GB18030 CSV with Chinese
# headers, requests naming their enterprise by name and district) into a fresh database,
# each file as one `tandem import` (plan, report, one transaction with an audit event per
# record). Prints the wall time of each run and the median of RUNS runs; the budget is 5 s.
# Usage: bench/import/run.sh [PATH/TO/tandem] [ENTERPRISES] [RUNS]   (default: release build, 20000, 5)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
COUNT=${2:-20000}
RUNS=${3:-5}
if [ -n "${1:-}" ]; then
    BIN=$1
else
    (cd "$here/../.." && swift build -c release --product tandem >/dev/null)
    BIN=$here/../../.build/release/tandem
fi
export TANDEM_CONFIG=${TANDEM_CONFIG:-$here/../../config}
work=$(mktemp -d /tmp/tandem-bench-import.XXXXXX)
trap 'rm -rf "$work"' EXIT
python3 "$here/generate.py" "$work" "$COUNT"
echo "files: $(($(wc -l < "$work/enterprises.csv") - 1)) enterprises, $(($(wc -l < "$work/requests.csv") - 1)) requests (GB18030 CSV)"
# Milliseconds since the epoch (bash arithmetic, no bc needed).
now() { echo $(($(date +%s%N) / 1000000)); }
secs() { awk -v ms="$1" 'BEGIN { printf "%.2f", ms / 1000 }'; }
totals=()
for run in $(seq 1 "$RUNS"); do
    rm -f "$work"/bench.sqlite*
    "$BIN" init --db "$work/bench.sqlite" >/dev/null
    t0=$(now)
    "$BIN" import enterprises "$work/enterprises.csv" --db "$work/bench.sqlite" --lang en >"$work/e.out"
    t1=$(now)
    "$BIN" import requests "$work/requests.csv" --db "$work/bench.sqlite" --lang en >"$work/r.out"
    t2=$(now)
    totals+=("$((t2 - t0))")
    echo "run $run: enterprises $(secs $((t1 - t0))) s, requests $(secs $((t2 - t1))) s, total $(secs $((t2 - t0))) s ($(tail -1 "$work/r.out"))"
done
# The same files again change nothing: the second import of each is all "unchanged".
t0=$(now)
"$BIN" import enterprises "$work/enterprises.csv" --db "$work/bench.sqlite" --lang en | tail -1
"$BIN" import requests "$work/requests.csv" --db "$work/bench.sqlite" --lang en | tail -1
echo "re-import of both files (nothing to change): $(secs $(($(now) - t0))) s"
median=$(printf '%s\n' "${totals[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
echo "median total of $RUNS runs: $(secs "$median") s (budget 5 s), load average $(cut -d' ' -f1-3 /proc/loadavg)"
