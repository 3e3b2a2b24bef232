#!/bin/bash
# A busy database: another writer holds SQLite's write lock while the console makes a change.
# The console shows "waiting for another operator…" on its message line instead of an error,
# and the change goes through once the lock is released.
BIN=$1; . "$(dirname "$0")/lib.sh"
make_db 10
start_ready 100 30 --as dispatcher --lang en
wait_for "Requests"
wait_for " shown"

# The other writer: an open write transaction (BEGIN IMMEDIATE) until $WORK/hold is removed.
touch "$WORK/hold"
python3 - "$DB" "$WORK/hold" "$WORK/holding" <<'PY' &
import os, sqlite3, sys, time
db, hold, holding = sys.argv[1:4]
connection = sqlite3.connect(db, isolation_level=None, timeout=30)
connection.execute("BEGIN IMMEDIATE")
open(holding, "w").close()
deadline = time.time() + 60
while os.path.exists(hold) and time.time() < deadline:
    time.sleep(0.05)
connection.execute("COMMIT")
PY
holder=$!
i=0; while [ ! -e "$WORK/holding" ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
[ -e "$WORK/holding" ] || fail "the other writer never took the lock"

before=$(cli enterprise show E1 --lang en | grep -i resumption)
send :
type_text "resume E1 37%"
send Enter
wait_for "waiting for another operator…" 10
cli enterprise show E1 --lang en | grep -qi "37%" && fail "the change was written while the lock was held"

rm -f "$WORK/hold"
wait $holder || fail "the other writer failed"
wait_gone "waiting for another operator…" 15
i=0; until cli enterprise show E1 --lang en | grep -qi "37%"; do
    [ $i -lt 100 ] || fail "the change never went through after the lock was released (was: $before)"
    sleep 0.05; i=$((i + 1))
done
screen | grep -qi "error:" && fail "an error was shown"
quit_console
