#!/bin/bash
# Issue 8, bug 4: a branch lead opens the whole history of their enterprise (`:show E…`, and
# Enter on a request): every delivery, counted and scrollable, none cut at 20.
BIN=$1; . "$(dirname "$0")/lib.sh"
make_db 40

start_ready 100 30 --as lead1 --lang zh
wait_for "我的突击队："
wait_for "已送达"
enterprise=$(screen | grep -o "单位 *E[0-9]*" | head -1 | grep -o "E[0-9]*")
[ -n "$enterprise" ] || fail "lead1 has no enterprise on screen"
# An unfinished request of it with at least 25 left: 25 deliveries of 1, numbered in their notes.
code=""
for c in $(screen | grep -o "^▶\? *R[0-9]*" | grep -o "R[0-9]*"); do
    json=$(cli request show "$c" --format json)
    echo "$json" | grep -qE '"(open|in_progress)"' || continue
    left=$(echo "$json" | python3 -c 'import json,sys; r=json.load(sys.stdin)["request"]; print(int(r["quantity"]-r["delivered"]))')
    [ "$left" -ge 25 ] && { code=$c; break; }
done
[ -n "$code" ] || fail "no request of $enterprise with 25 left"
before=$(cli request show "$code" --format json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["deliveries"]))')
for n in $(seq 1 25); do cli request deliver "$code" 1 --note "第${n}车" >/dev/null || fail "deliver $n"; done
total=$((before + 25))
wait_for "$code"
send :
type_text "show $enterprise"
send Enter
wait_for "详情 — 单位 $enterprise"
wait_for "还有"
# Scroll through everything: both the first and the 25th delivery show, and the count is whole.
seen1=0; seen25=0; counted=0
for i in $(seq 1 40); do
    s=$(screen)
    echo "$s" | grep -q " 第1车 " && seen1=1
    echo "$s" | grep -q " 第25车 " && seen25=1
    echo "$s" | grep -q "送达记录（共 " && counted=1
    echo "$s" | grep -q "还有" || break
    send PageDown
    sleep 0.1
done
[ $counted = 1 ] || fail "no delivery count"
[ $seen1 = 1 ] && [ $seen25 = 1 ] || fail "history cut: first=$seen1 25th=$seen25"
send Escape
wait_gone "详情 — "
quit_console

fresh_server
start_ready 80 24 --as lead1 --lang en
wait_for "My branch:"
send :
type_text "show $code"
send Enter
wait_for "Details — Request $code"
wait_for "Deliveries ("
wait_for "more · "
send G
wait_gone "more · "
send Escape
wait_gone "Details — "
quit_console
