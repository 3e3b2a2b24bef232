#!/bin/bash
# Issue 8, forms and the : line: a dispatcher working in Chinese files a request through pick
# lists with a full-width quantity and a date shorthand; the : line recalls and completes.
BIN=$1; . "$(dirname "$0")/lib.sh"
make_db 40

start_ready 80 24 --as dispatcher --lang zh
wait_for "共 "
send n
wait_for "登记需求"
wait_for "▸ 防护消毒物资"          # the categories, listed before anything is typed
screen | grep -qF "normal" && fail "an English default on a Chinese form"
wait_for "普通"
enterprise=$(screen | grep -oE "为 E[0-9]+" | head -1 | cut -c 5-)
[ -n "$enterprise" ] || fail "no enterprise in the form's title"
send Tab
type_text "口"
wait_for "▸ 口罩"                  # filtered as you type
send Enter                         # picks the item; its category is filled
wait_for "类别      防护消毒物资"      # the item filled its category
type_text "３００"                  # full-width digits from a Chinese input method
send Tab
wait_for "▸ 个"
send Down
wait_for "▸ 箱"
send Enter
send Up                            # priority: 普通 → 高
wait_for "▸ 高"
send Enter
type_text "+3"
wait_for "即 20"
send Enter
wait_for "已登记需求 R"
code=$(screen | grep -oE "已登记需求 R[0-9]+" | head -1 | cut -d' ' -f2)
shown=$(cli request show "$code" --lang en)
echo "$shown" | grep -q "masks" || fail "$code is not masks: $shown"
echo "$shown" | grep -qE "300 boxes|300 box" || fail "$code is not 300 boxes: $shown"
echo "$shown" | grep -q "$enterprise" || fail "$code is not for $enterprise: $shown"

# The : line: Tab completes an alias and a record code, ↑ recalls the last line.
send :
type_text "显"
send Tab
wait_for ":显示 "
type_text "$code"
wait_for "用法：:显示"
send Enter
wait_for "$code"
send Escape
send :
send Up
wait_for ":显示 $code"
send Escape
quit_console

fresh_server
start_ready 120 40 --as dispatcher --lang en
wait_for " shown"                  # the queue is loaded and a row is focused
send n
wait_for "New request for"
wait_for "normal"
send Tab
type_text "glo"
wait_for "▸ gloves"
send Enter
type_text "０．５"
send Tab Tab C-u                   # the unit left empty for now; clear the default priority
type_text "urg"
send Enter
type_text "12-05"
wait_for "that is "
send Tab
wait_for "fields to fix"           # no unit yet: the form says so and files nothing
send BTab BTab BTab
wait_for "▸ pieces"
send Enter                         # an empty required field: Enter picks the highlighted unit
wait_for "Unit        pieces"
send Enter
wait_for "filed request R"
quit_console
