#!/bin/bash
# Terminal discipline: restore on SIGTERM, SIGHUP, SIGINT and a fatal signal (SIGSEGV); clear refusals with no TTY, a
# non-UTF-8 locale or an unknown TERM.
BIN=$1; . "$(dirname "$0")/lib.sh"
make_db 10

for sig in TERM HUP INT SEGV; do
    start_ready 90 26 --as dispatcher --lang en
    wait_for "Requests"
    # The pane runs `sh -c "env … tandem console …; echo EXIT=$?"`: the console is the shell's child.
    pid=$(pgrep -P "$(t display -p -t e2e '#{pane_pid}')" | head -1)
    [ -n "$pid" ] || fail "console process not found"
    kill -s $sig "$pid"
    wait_for "EXIT=" 15
    [ "$(t display -p -t e2e '#{alternate_on}')" = 0 ] || fail "alternate screen left on after SIG$sig"
    [ "$(t display -p -t e2e '#{cursor_flag}')" = 1 ] || fail "cursor hidden after SIG$sig"
    fresh_server
done

"$BIN" console --db "$DB" --lang en </dev/null >"$WORK/out" 2>&1 && fail "console without a TTY exited 0"
grep -q "needs a terminal" "$WORK/out" || fail "no-TTY message missing: $(cat "$WORK/out")"

fresh_server
t new-session -d -s e2e -x 90 -y 26 "env TANDEM_CONFIG=$TANDEM_CONFIG LANG=C LC_ALL=C TERM=xterm $BIN console --db $DB --lang en; echo EXIT=\$?; sleep 30"
wait_for "not UTF-8"
wait_for "EXIT=2"
fresh_server
t new-session -d -s e2e -x 90 -y 26 "env TANDEM_CONFIG=$TANDEM_CONFIG LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=no-such-terminal $BIN console --db $DB --lang en; echo EXIT=\$?; sleep 30"
wait_for "unknown terminal type"
wait_for "EXIT=2"
