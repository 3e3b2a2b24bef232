#!/bin/bash
# Supervisor's main path: coverage by group with bar charts, drill down group → district →
# a blind-spot enterprise → its history. Also: live refresh from another process, the map,
# resize to too small and back.
BIN=$1; . "$(dirname "$0")/lib.sh"
make_db 40
start_ready 100 30 --as supervisor --lang zh
wait_for "覆盖情况"
wait_for "第1组"
screen | grep -q "█" || fail "no bar chart"
screen | grep -q "只读" || fail "status bar does not say read-only"

send Enter
wait_for "全市 › "
# Move to a district with blind spots (marked with !).
for i in $(seq 1 6); do
    cursor_line | grep -q "!" && break
    move_down
done
cursor_line | grep -q "!" || fail "no district with blind spots in group 1"
send Enter
wait_for "本区突击队"
cursor_line | grep -q "!盲区" || fail "first enterprise is not a blind spot"
enterprise=$(cursor_line | grep -o "E[0-9]*" | head -1)
send Enter
wait_for "› $enterprise"
wait_for "!盲区：有需求但无突击队"
wait_for "结对历史（共 "

# Live refresh: another process pairs it; the history shows the branch within a second.
free=$(cli branch list --free --format csv | awk -F, 'NR == 2 {print $1}')
cli pair "$free" "$enterprise" >/dev/null || fail "could not pair from the CLI"
wait_for "当前突击队：$free" 3

send BSpace BSpace BSpace
wait_for "第10组"
send 2
wait_for "图例"
t resize-window -t e2e -x 60 -y 20
wait_for "终端太小"
t resize-window -t e2e -x 100 -y 30
wait_for "图例"
quit_console
