#!/usr/bin/env bash
# Benchmark of `tandem suggest` (issue 3's budget: under 1 s on a `--demo --scale 20000` city,
# building the candidate graph included), and of what pruning the candidate graph costs in
# quality: on a city small enough for the complete graph, the pruned graph's optimum is compared
# with the exact one. Usage: bench/suggest/run.sh [SCALE] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
SCALE=${1:-20000}
RUNS=${2:-5}
OUT=bench/out
mkdir -p "$OUT"
swift build -c release --product tandem --scratch-path .build-release >/dev/null
BIN=.build-release/release/tandem
DB="$OUT/suggest-$SCALE.sqlite"
[ -f "$DB" ] || "$BIN" init --demo --scale "$SCALE" --db "$DB" >/dev/null

echo "tandem suggest on --demo --scale $SCALE ($RUNS runs; load average $(cut -d' ' -f1-3 /proc/loadavg))"
for i in $(seq "$RUNS"); do
    /usr/bin/time -f "process_seconds %e user_seconds %U max_rss_kb %M" \
        "$BIN" suggest --db "$DB" --format json --timing 2>&1 >/dev/null | tr ' ' '\n' | paste - - 
done | python3 -c '
import sys, statistics
values = {}
for line in sys.stdin:
    parts = line.split()
    if len(parts) == 2:
        values.setdefault(parts[0], []).append(float(parts[1]))
order = ["suggest_load_seconds", "suggest_graph_seconds", "suggest_solve_seconds", "suggest_total_seconds",
         "process_seconds", "user_seconds", "max_rss_kb"]
for key in order:
    if key in values:
        v = values[key]
        print(f"  {key:24} median {statistics.median(v):10.3f}   min {min(v):10.3f}   max {max(v):10.3f}")
'

SMALL="$OUT/suggest-3000.sqlite"
[ -f "$SMALL" ] || "$BIN" init --demo --scale 3000 --db "$SMALL" >/dev/null
"$BIN" suggest --db "$SMALL" --format json > "$OUT/plan-complete.json"
"$BIN" suggest --db "$SMALL" --format json --complete-graph-limit 1000 > "$OUT/plan-pruned.json"
python3 - "$OUT/plan-complete.json" "$OUT/plan-pruned.json" <<'PY'
import json, sys
def objective(path):
    plan = json.load(open(path))
    # The solver's objective: pairs first, then the sum of (pair cost - enterprise urgency).
    return plan, len(plan["proposals"]), sum(p["explanation"]["cost"] - p["explanation"]["urgency"] for p in plan["proposals"])
complete, n1, o1 = objective(sys.argv[1])
pruned, n2, o2 = objective(sys.argv[2])
print(f"quality on --scale 3000: complete graph {complete['candidateEdges']} edges -> {n1} pairs, objective {o1}")
print(f"                         pruned graph   {pruned['candidateEdges']} edges -> {n2} pairs, objective {o2}")
print(f"                         pruned is {100.0 * (o2 - o1) / abs(o1):.2f}% of |objective| above the exact optimum")
PY
