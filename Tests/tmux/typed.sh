#!/bin/bash
# Issue 8, bug 3: a typed command asks what its key asks (:done as x), and proposals that the
# data has overtaken are refused, typed or pressed, until r recomputes them.
BIN=$1; . "$(dirname "$0")/lib.sh"
make_db 40
pairings() { cli log --lang en | grep -c "  paired  "; }
# An unfinished request with nothing delivered yet.
code=$(cli request list --lang en | grep -E "^R[0-9]+ " | awk '$0 ~ / open$/ {print $1; exit}')
[ -n "$code" ] || fail "no open request"

start_ready 100 30 --as dispatcher --lang zh
wait_for "共 "
send :
type_text "done $code"
send Enter
wait_for "［需确认］完成需求：$code"
wait_for "注意：尚有"
send Escape
wait_for "已取消"
cli request show "$code" --format json | grep -q '"done"' && fail ":done closed $code without asking"

send 3
wait_for "个结对"
# Another operator records a delivery: the proposals are out of date.
cli request deliver "$code" 1 >/dev/null || fail "tandem request deliver"
wait_for "数据已变化"
before=$(pairings)
send a
wait_for "建议已过时（数据已变化），请按 r 重新计算"
send 1
wait_for "[1 需求队列]"
send :
type_text "accept 1"
send Enter
wait_for "不能接受建议：建议已过时"
[ "$(pairings)" = "$before" ] || fail "an out-of-date proposal was accepted"
quit_console

fresh_server
start_ready 80 24 --as dispatcher --lang en
wait_for "Requests"
send 3
wait_for "proposed pairing"
cli request deliver "$code" 1 >/dev/null || fail "tandem request deliver"
wait_for "data changed:"
send :
type_text "accept 1"
send Enter
wait_for "the proposals are out of date, press r"
quit_console
