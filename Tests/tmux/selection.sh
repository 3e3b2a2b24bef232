#!/bin/bash
# Issue 8, bug 2: the cursor follows the record by code across search and reload; when the
# record leaves the list the cursor moves to a neighbour and says so, and x names its request.
BIN=$1; . "$(dirname "$0")/lib.sh"
make_db 40
# An unfinished request Rk whose code starts other unfinished ones' codes (Rk0…Rk9).
active=$(cli request list --lang en | grep -o "^R[0-9]*" | sort -u)
short=""; long=""
for code in $active; do
    other=$(echo "$active" | grep -m1 "^${code}[0-9]$") || continue
    short=$code; long=$other; break
done
[ -n "$short" ] || fail "no unfinished request whose code starts another's"
# wait_cursor CODE: waits until the focused row shows CODE.
wait_cursor() {
    for i in $(seq 1 100); do cursor_line | grep -q " $1 " && return 0; sleep 0.05; done
    fail "the cursor never reached $1 (it is on: $(cursor_line))"
}

start_ready 100 30 --as dispatcher --lang zh
wait_for "共 "
# Focus the longer code, then search for the shorter one: the exact code wins.
send /
type_text "$long"
send Enter
wait_cursor "$long"
send Escape
wait_gone "搜索："
wait_cursor "$long"
send /
type_text "$short"
send Enter
wait_cursor "$short"

# Another operator finishes it: the console says where the cursor went.
cli request done "$short" >/dev/null || fail "tandem request done $short"
wait_for "$short 已完成，不在当前列表中；光标移到 "
neighbour=$(screen | grep -o "光标移到 R[0-9]*" | head -1 | grep -o "R[0-9]*")
wait_cursor "$neighbour"
send x
wait_for "完成需求：$neighbour"
send Escape
quit_console
