#!/bin/bash
# Dispatcher's main path: pair a branch with an enterprise by picking both, then read and
# accept an engine proposal (Enter reads it, a accepts); both pairings are checked in the database through the CLI.
BIN=$1; . "$(dirname "$0")/lib.sh"
make_db 40
start_ready 100 30 --as dispatcher --lang zh
wait_for "需求队列"
wait_for "共 "
cursor_line | grep -q "▶" || fail "cursor is not on the focused row"

send 2
wait_for "空闲突击队"
send Space
send Space
wait_for "将结对："
pair=$(screen | grep -o "将结对：B[0-9]* .* ↔ E[0-9]*" | head -1)
branch=$(echo "$pair" | grep -o "B[0-9]*" | head -1)
enterprise=$(echo "$pair" | grep -o "E[0-9]*" | tail -1)
send p
# A pair the engine questions (out of reach, gaps) asks first.
for i in $(seq 1 100); do screen | grep -qE "［需确认］结对|已结对：" && break; sleep 0.05; done
screen | grep -q "［需确认］结对" && send Enter
wait_for "已结对：突击队 $branch ↔ 单位 $enterprise"
cli enterprise show "$enterprise" | grep -q "$branch" || fail "database has no pairing $branch ↔ $enterprise"

send 3
wait_for "个结对"
proposal=$(cursor_line)
pb=$(echo "$proposal" | grep -o "B[0-9]*" | head -1)
pe=$(echo "$proposal" | grep -o "E[0-9]*" | head -1)
[ -n "$pb" ] && [ -n "$pe" ] || fail "no proposal under the cursor"
screen | grep -q "理由：" || fail "proposal has no explanation"
# Enter reads the proposed enterprise; only a accepts.
send Enter
wait_for "详情 — 单位 $pe"
send Escape
wait_for "理由："
cli enterprise show "$pe" | grep -q "$pb" && fail "Enter on a proposal paired $pb ↔ $pe"
send a
wait_for "已结对：突击队 $pb ↔ 单位 $pe"
cli enterprise show "$pe" | grep -q "$pb" || fail "database has no pairing $pb ↔ $pe"

# The same through the command line, and a refusal shown in one line.
send :
type_text "pair $pb $pe"
send Enter
wait_for "错误："
quit_console
