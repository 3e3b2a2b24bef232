#!/bin/bash
# 80×24 is usable for every role (footer and status bar intact, Chinese columns aligned);
# below it a clear notice, and back again on resize.
BIN=$1; . "$(dirname "$0")/lib.sh"
make_db 20
for who in dispatcher lead1 supervisor; do
    for lang in zh en; do
        start_ready 80 24 --as $who --lang $lang
        if [ $lang = zh ]; then wait_for "q 退出"; wait_for "数据更新"; else wait_for "q quit"; wait_for "data changed"; fi
        wait_for "▶"
        # The terminal cursor is on the focused row (marked ▶) for screen readers.
        cursor_line | grep -q "▶" || fail "the cursor is not on the focused row"
        send "?"
        if [ $lang = zh ]; then help="屏的按键"; else help="Keys of the"; fi
        wait_for "$help"
        send Escape
        wait_gone "$help"
        t resize-window -t e2e -x 79 -y 24
        if [ $lang = zh ]; then wait_for "终端太小"; else wait_for "Terminal too small"; fi
        t resize-window -t e2e -x 80 -y 24
        wait_for "▶"
        quit_console
        fresh_server
    done
done
