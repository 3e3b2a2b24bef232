#!/bin/bash
# Runs every console end-to-end script against an already built binary.
# Usage: Tests/tmux/run-all.sh PATH/TO/tandem
# Prints one line per script and a final "N passed, M failed"; exits non-zero on any failure.
set -u
BIN=${1:?usage: run-all.sh PATH/TO/tandem}
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
command -v tmux >/dev/null || { echo "tmux is required"; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
passed=0; failed=0
for script in dispatcher lead leadmasks supervisor layout terminal waiting pairing selection typed history a11y forms; do
    if out=$(bash "$here/$script.sh" "$BIN" 2>&1); then
        echo "ok   $script"; passed=$((passed + 1))
    else
        echo "FAIL $script"; echo "$out" | sed 's/^/     /'; failed=$((failed + 1))
    fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
