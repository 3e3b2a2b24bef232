#!/bin/bash
# Issue 8, bug 1: a pair is made only of the two records picked with Space; after a pair
# nothing is armed (p changes nothing; Enter only reads the highlighted record, as on every
# screen); a pair the engine questions asks first.
# Tried at 100×30 in Chinese and at 80×24 in English.
BIN=$1; . "$(dirname "$0")/lib.sh"
make_db 40
pairings() { cli log --lang en | grep -c "  paired  "; }

start_ready 100 30 --as dispatcher --lang zh
wait_for "需求队列"
send 2
wait_for "空闲突击队"
send p
wait_for "先用空格选定一支突击队"
send Space
wait_for "已选定：B"
send Space
wait_for "将结对："
pair=$(screen | grep -o "将结对：B[0-9]* .* ↔ E[0-9]*" | head -1)
branch=$(echo "$pair" | grep -o "B[0-9]*" | head -1)
enterprise=$(echo "$pair" | grep -o "E[0-9]*" | tail -1)
send p
# Either it pairs at once or, for a pair the engine questions, it asks first.
for i in $(seq 1 100); do screen | grep -qE "［需确认］结对|已结对：" && break; sleep 0.05; done
if screen | grep -q "［需确认］结对"; then
    screen | grep -q "警告：" || fail "the confirmation names no reason"
    send Enter
fi
wait_for "已结对：突击队 $branch ↔ 单位 $enterprise"
before=$(pairings)
# The highlighted rows are not picked: nothing is armed.
send p
wait_for "不可用（结对）"
send Enter
wait_for "详情 — "
send Escape
wait_for "空闲突击队"
[ "$(pairings)" = "$before" ] || fail "p or Enter after a pair wrote another pairing"
screen | grep -q "将结对：" && fail "a pair is armed after pairing"
quit_console

fresh_server
start_ready 80 24 --as dispatcher --lang en
wait_for "Requests"
send 2
wait_for "Free branches"
send Space
wait_for "Picked: B"
wait_for "now pick an enterprise"
send Space
wait_for "Would pair: "
quit_console
