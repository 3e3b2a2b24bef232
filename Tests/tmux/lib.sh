# Helpers for the console's end-to-end tests: the real binary in a tmux pane of fixed size,
# keys sent with send-keys, the screen read with capture-pane. Sourced by the role scripts.
set -u
BIN=${BIN:?set BIN to the tandem binary}
SOCKET="tandem-e2e-$$"
WORK=$(mktemp -d /tmp/tandem-e2e.XXXXXX)
DB="$WORK/tandem.sqlite"
# The repo's config/ (the same as the built-in one), so that ~/.config/tandem or /etc/tandem on
# this machine cannot change what the tests see.
export TANDEM_CONFIG=${TANDEM_CONFIG:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../../config" && pwd)}
export LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color
export SWIFT_BACKTRACE=interactive=no

t() { tmux -L "$SOCKET" "$@"; }
# fresh_server: stops this test's tmux server and uses a new one (a server that is still
# shutting down must not receive the next session).
SERVERS=0
fresh_server() { t kill-server 2>/dev/null; SERVERS=$((SERVERS + 1)); SOCKET="tandem-e2e-$$-$SERVERS"; }
cleanup() { t kill-server 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

fail() { echo "FAIL: $*" >&2; echo "---- screen ----" >&2; screen >&2 2>/dev/null; exit 1; }

make_db() { "$BIN" init --db "$DB" --demo --scale "${1:-40}" >/dev/null || fail "tandem init"; }

# start_console WIDTH HEIGHT ARGS...: runs `tandem console ARGS` in a fresh pane.
start_console() {
    local w=$1 h=$2; shift 2
    t new-session -d -s e2e -x "$w" -y "$h" \
        "env TANDEM_CONFIG=$TANDEM_CONFIG LANG=$LANG LC_ALL=$LC_ALL TERM=$TERM SWIFT_BACKTRACE=interactive=no $BIN console --db $DB $*; echo EXIT=\$?; sleep 30"
}

# start_ready WIDTH HEIGHT ARGS...: start_console, then waits until the whole city is read (the
# status bar shows the time of the last change instead of "loading the whole city…"), so that
# the keys the script presses next are not refused as "still loading".
start_ready() {
    start_console "$@"
    local i=0
    while [ $i -lt 600 ]; do
        screen | head -1 | grep -qE "数据更新|data changed" && return 0
        sleep 0.05; i=$((i + 1))
    done
    fail "the console never finished reading the city"
}

screen() { t capture-pane -p -t e2e; }
send() { t send-keys -t e2e "$@"; }
# type TEXT: sends literal text.
type_text() { t send-keys -t e2e -l "$1"; }

# wait_for TEXT [SECONDS]: waits until the screen shows TEXT (no fixed sleeps).
wait_for() {
    local text=$1 limit=${2:-10} i=0
    while [ $i -lt $((limit * 20)) ]; do
        screen | grep -qF -- "$text" && return 0
        sleep 0.05; i=$((i + 1))
    done
    fail "screen never showed: $text"
}

wait_gone() {
    local text=$1 limit=${2:-10} i=0
    while [ $i -lt $((limit * 20)) ]; do
        screen | grep -qF -- "$text" || return 0
        sleep 0.05; i=$((i + 1))
    done
    fail "screen still shows: $text"
}

# The line the terminal cursor is on (the focused row).
cursor_line() {
    local y; y=$(t display -p -t e2e '#{cursor_y}')
    screen | sed -n "$((y + 1))p"
}

# move_down: presses j and waits until the focused row is another one (or the list ends).
move_down() {
    local before; before=$(cursor_line)
    send j
    local i=0
    while [ $i -lt 20 ] && [ "$(cursor_line)" = "$before" ]; do sleep 0.05; i=$((i + 1)); done
}

cli() { "$BIN" "$@" --db "$DB"; }

# quit_console: q, then the shell line after the console shows its exit status.
quit_console() {
    send q
    wait_for "EXIT=0"
    [ "$(t display -p -t e2e '#{alternate_on}')" = 0 ] || fail "alternate screen still on after quit"
}
