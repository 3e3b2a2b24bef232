#!/bin/bash
# Console responsiveness on `tandem init --demo --scale 20000` (20 000 enterprises, 20 000
# branches, about 100 000 requests): first frame, key press to frame (p50/p99), incremental
# search and filters over every request, live-refresh reload, resident memory.
# Headless: the same state machine, runtime and cell-grid rendering as the real console.
# Usage: bench/console/run.sh [PATH/TO/tandem] [SCALE]   (default: builds .build/release/tandem; 20000)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
SCALE=${2:-20000}
if [ -n "${1:-}" ]; then
    BIN=$1
else
    # Timings only mean something in an optimised build: build it when none is given.
    (cd "$here/../.." && swift build -c release --product tandem >/dev/null)
    BIN=$here/../../.build/release/tandem
fi
export TANDEM_CONFIG=${TANDEM_CONFIG:-$here/../../config}
work=$(mktemp -d /tmp/tandem-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
"$BIN" init --db "$work/bench.sqlite" --demo --scale "$SCALE" >/dev/null
"$BIN" console --benchmark --db "$work/bench.sqlite"
