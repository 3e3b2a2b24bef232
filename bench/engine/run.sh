#!/usr/bin/env bash
# Pairing-engine benchmark: Tandem's solver against the reference solvers
# (SciPy, lap, OR-Tools) on the same generated instances; checks that every
# optimal cost agrees and prints median times and ratios.
#
# Usage (from the repository root):  bench/engine/run.sh
#   BENCH_SIZES=small      quick subset (dense 1000², dense 2000², sparse 10k, 50k)
#   BENCH_SIZES=full       default: dense 2000², 4000², sparse 10k, 50k, 100k, 200k (k = 30)
#   BENCH_SIZES=verify     rectangular, radius and tight instances: costs against SciPy / OR-Tools
#   BENCH_SIZES=d2000,s10k any comma-separated names (see INSTANCES in bench.py)
#   BENCH_REPEAT=3         runs per solver (median reported)
#   TANDEM_SHARED=../shared  where gen.py and solve_ref.py live (bench/ inside it)
#   TANDEM_BIN=path        use this tandem binary instead of building one
#   BENCH_ALL_REFS=1       also run SciPy / lapmod on the large sparse instances (minutes)
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo_root"
shared="${TANDEM_SHARED:-../shared}"
if [[ ! -f "$shared/bench/gen.py" ]]; then
    echo "bench: $shared/bench/gen.py not found (set TANDEM_SHARED)" >&2
    exit 1
fi

venv="bench/.venv"
if [[ ! -x "$venv/bin/python" ]]; then
    echo "bench: creating $venv" >&2
    python3 -m venv "$venv"
fi
if ! "$venv/bin/python" -c "import numpy, scipy, lap, ortools" 2>/dev/null; then
    echo "bench: installing numpy scipy lap ortools into $venv" >&2
    "$venv/bin/pip" install --quiet numpy scipy lap ortools
fi

if [[ -n "${TANDEM_BIN:-}" ]]; then
    tandem="$TANDEM_BIN"   # an already built tandem (skips the release build)
else
    echo "bench: building tandem (release)" >&2
    swift build -c release --scratch-path .build-release --product tandem >&2
    tandem="$(swift build -c release --scratch-path .build-release --show-bin-path)/tandem"
fi

mkdir -p bench/out
exec "$venv/bin/python" bench/engine/bench.py \
    --tandem "$tandem" --shared "$shared/bench" --out bench/out \
    --sizes "${BENCH_SIZES:-full}" --repeat "${BENCH_REPEAT:-3}"
