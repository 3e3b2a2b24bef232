#!/bin/bash
# Issue 8, the lead's path: a branch lead records 120 then 180 of 300 masks on their own
# screen, sees the delivery notes, finds the finished request among the done ones (apart,
# below a heading), and reads its whole history; then the same screen in English at 80x24.
BIN=$1; . "$(dirname "$0")/lib.sh"
make_db 40

start_ready 120 40 --as lead1 --lang zh
wait_for "我的突击队："
wait_for "已送达"
enterprise=$(screen | grep -o "单位 *E[0-9]*" | head -1 | grep -o "E[0-9]*")
[ -n "$enterprise" ] || fail "lead1 has no enterprise on screen"
code=$(cli request add "$enterprise" --category ppe --item masks --quantity 300 --unit piece --priority urgent | grep -o "R[0-9]*" | head -1)
[ -n "$code" ] || fail "could not file the masks request"
wait_for " $code "
for i in $(seq 1 40); do cursor_line | grep -q " $code " && break; move_down; done
cursor_line | grep -q " $code " || fail "cannot focus $code"
cursor_line | grep -q "0/300 个" || fail "the unit is not named in Chinese: $(cursor_line)"

send d
wait_for "登记送达：$code"
wait_for "剩余 300"
type_text "120"
send Tab
type_text "第一批口罩送到车间"
send Enter
wait_for "120/300 个"
wait_for "+120 第一批口罩送到车间"
cursor_line | grep -q " $code " || fail "the cursor left $code after the first delivery"

send d
wait_for "剩余 180"
type_text "180"
send Tab
type_text "第二批口罩"
send Enter
wait_for "300/300 个"
cli request show "$code" --format json | grep -q '"done"' || fail "$code is not done after 300 of 300"
# Done: listed apart, below the heading, and the cursor still on it.
wait_for "── 已完成、已取消（"
heading=$(screen | grep -n "── 已完成、已取消（" | cut -d: -f1)
row=$(screen | grep -n " $code " | head -1 | cut -d: -f1)
[ "$row" -gt "$heading" ] || fail "$code is not below the done heading"
cursor_line | grep -q " $code " || fail "the cursor left $code when it was done"
wait_for "送达 2 笔"

# The whole history: both deliveries with their notes, every change, counted.
send Enter
wait_for "送达记录（共 2 笔）"
seen1=0; seen2=0; changes=0
for i in $(seq 1 20); do
    s=$(screen)
    echo "$s" | grep -q "+120 个 第一批口罩送到车间" && seen1=1
    echo "$s" | grep -q "+180 个 第二批口罩" && seen2=1
    echo "$s" | grep -q "操作记录（共 " && changes=1
    echo "$s" | grep -q "还有" || break
    send PageDown
    sleep 0.1
done
[ $seen1 = 1 ] && [ $seen2 = 1 ] || fail "history misses a delivery: 120=$seen1 180=$seen2"
[ $changes = 1 ] || fail "no counted changes in the history"
screen | grep -qE "piece|--over|tandem " && fail "English or CLI syntax on a Chinese screen"
send Escape
wait_gone "送达记录（共"
quit_console

fresh_server
start_ready 80 24 --as lead1 --lang en
wait_for "My branch:"
wait_for "── Done and cancelled ("
wait_for "300/300 pieces"
quit_console
