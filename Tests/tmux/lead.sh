#!/bin/bash
# Branch lead's main path: record a partial delivery on a request of "my enterprise", then
# finish it; checked in the database. Another branch's request shows its keys disabled.
BIN=$1; . "$(dirname "$0")/lib.sh"
make_db 40
start_ready 100 30 --as lead1 --lang zh
wait_for "我的突击队：B1"
wait_for "已送达"
# Find an active request with at least 2 left.
for i in $(seq 1 10); do
    line=$(cursor_line)
    code=$(echo "$line" | grep -o "R[0-9]*" | head -1)
    if echo "$line" | grep -qE "待办|进行中"; then
        send d
        wait_for "登记送达：$code"
        left=$(screen | grep -o "剩余 [0-9]*" | head -1 | grep -o "[0-9]*")
        [ "${left:-0}" -ge 2 ] && break
        send Escape
        wait_gone "登记送达："
    fi
    move_down
done
[ "${left:-0}" -ge 2 ] || fail "no request with 2 or more left"
part=$((left / 2))
type_text "$part"
send Tab
type_text "村民上山帮忙"
send Enter
wait_for "$code 送达 $part"
cli request show "$code" --format json | grep -q '"in_progress"' || fail "$code is not in progress after a partial delivery"

send x
wait_for "完成需求：$code"
wait_for "注意：尚有"
send Enter
wait_for "需求 $code 已完成"
cli request show "$code" --format json | grep -q '"done"' || fail "$code is not done"

# Another branch's work: visibly disabled, with the reason.
send 2
wait_for "[2 需求队列]"
for i in $(seq 1 30); do
    screen | grep -q "✗ 不能办理此需求" && break
    move_down
done
wait_for "✗ 不能办理此需求"
screen | tail -1 | grep -q "d 送达✗" || fail "deliver key is not shown disabled"
quit_console
