#!/bin/bash
# Many operators on one database: N writers x M random write operations (pair, unpair,
# request add/deliver/done/cancel/reopen, enterprise edit, a lead's resumption update) racing on
# a few hot records of a demo city, half of the writers headless console sessions
# (`tandem console --headless-script -`), the others CLI processes; then every invariant, the
# audit trail, `tandem check` and `tandem log --verify`. Exit non-zero on any violation.
# Usage: bench/stress/run.sh [N] [M] [PATH/TO/tandem]   (default 8 2000 .build/debug/tandem)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
N=${1:-8}; M=${2:-2000}
BIN=${3:-$here/../../.build/debug/tandem}
export TANDEM_CONFIG=${TANDEM_CONFIG:-$here/../../config}
work=$(mktemp -d /tmp/tandem-stress.XXXXXX)
trap 'rm -rf "$work"' EXIT
"$BIN" init --demo --scale 300 --db "$work/stress.sqlite" --lang en >/dev/null
python3 "$here/stress.py" "$BIN" "$work/stress.sqlite" "$N" "$M"
