#!/bin/bash
# Accessibility as a screen reader meets it: in the real terminal, at 80×24 and 120×40 and in
# both languages, the cursor is on the line to be read — the help line as ↓ reaches it, the
# warning of a confirm dialog, the focused district's details on the map (whose first arrow
# moves), and "terminal too small".
BIN=$1; . "$(dirname "$0")/lib.sh"
make_db 40

# cursor_waits TEXT: waits until the cursor's line shows TEXT.
cursor_waits() {
    local text=$1 i=0
    while [ $i -lt 200 ]; do
        cursor_line | grep -qF -- "$text" && return 0
        sleep 0.05; i=$((i + 1))
    done
    fail "cursor line never showed: $text (it is: $(cursor_line))"
}

for size in "80 24" "120 40"; do
    for lang in zh en; do
        set -- $size
        w=$1; h=$2
        if [ $lang = zh ]; then keys="按键"; warn="注意"; tiny="终端太小"; info="需帮扶"; else keys="Keys of the"; warn="warning"; tiny="Terminal too small"; info="in need"; fi

        fresh_server
        start_ready "$w" "$h" --as dispatcher --lang $lang
        wait_for "R1"
        send '?'
        cursor_waits "$keys"
        send Down
        cursor_waits "↑/k"
        send Down
        cursor_waits "↓/j"
        send Escape
        wait_gone "$keys"
        # A request with nothing delivered: finishing it warns, and the cursor is on the warning.
        send x
        cursor_waits "$warn"
        send Escape
        t resize-window -t e2e -x 60 -y 20
        cursor_waits "$tiny"
        t resize-window -t e2e -x "$w" -y "$h"
        wait_gone "$tiny"
        quit_console

        fresh_server
        start_ready "$w" "$h" --as supervisor --lang $lang
        wait_for "%"
        send 2
        cursor_waits "$info"
        first=$(cursor_line)
        send Right
        i=0
        while [ $i -lt 40 ] && [ "$(cursor_line)" = "$first" ]; do sleep 0.05; i=$((i + 1)); done
        [ "$(cursor_line)" != "$first" ] || fail "the map's first arrow did not move ($lang ${w}x$h)"
        cursor_line | grep -qF "$info" || fail "map cursor is not on the district's details: $(cursor_line)"
        quit_console
    done
done
