#!/bin/bash
# SIGKILLs at random moments of writes, `init --demo --force`, `suggest --apply`, `import` and `backup`;
# after each, the database opens, every invariant holds and nothing committed is lost.
# Usage: bench/crash/run.sh [KILLS] [PATH/TO/tandem]   (default 100 .build/debug/tandem)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
KILLS=${1:-100}
BIN=${2:-$here/../../.build/debug/tandem}
export TANDEM_CONFIG=${TANDEM_CONFIG:-$here/../../config}
work=$(mktemp -d /tmp/tandem-crash.XXXXXX)
trap 'rm -rf "$work"' EXIT
"$BIN" init --demo --scale 300 --db "$work/crash.sqlite" --lang en >/dev/null
python3 "$here/crash.py" "$BIN" "$work/crash.sqlite" "$KILLS"
