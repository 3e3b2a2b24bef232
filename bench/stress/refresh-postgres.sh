#!/bin/bash
# Refresh across hosts on PostgreSQL: a console logged in from 127.0.0.2 as the city supervisor
# (in tmux, as a person would have it) and a dispatcher's `tandem` from 127.0.0.1 recording a
# delivery; measured from the writer's exit (its commit is before) to the moment the console's
# status bar shows the new time of the last change. Prints each of RUNS times and the median.
# Run inside Tests/postgres/with-cluster.sh (root). Usage: refresh-postgres.sh [RUNS] [SCALE] [BIN]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
RUNS=${1:-7}; SCALE=${2:-300}
BIN=$(cd "$(dirname "${3:-$here/../../.build/debug/tandem}")" && pwd)/$(basename "${3:-tandem}")
export TANDEM_CONFIG=${TANDEM_CONFIG:-$here/../../config} LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color
work=$(mktemp -d /tmp/tandem-refresh-pg.XXXXXX)
db=tandem_refresh_$$
socket=tandem-refresh-$$
cleanup() { tmux -L "$socket" kill-server 2>/dev/null || true; dropdb --if-exists "$db" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
createdb "$db"
"$BIN" init --demo --scale "$SCALE" --db "postgresql:///$db" --lang en >/dev/null
. "$here/../lib/pgpass.sh"
write_pgpass "$db" "$work/pgpass" dispatcher supervisor
port=${PGPORT:-5432}
tmux -L "$socket" new-session -d -x 120 -y 40 \
    "env -u PGPASSWORD -u PGUSER -u PGHOST PGPASSFILE=$work/pgpass TANDEM_CONFIG=$TANDEM_CONFIG $BIN console --lang en \
     --db postgresql://supervisor@127.0.0.2:$port/$db; sleep 30"
bar() { tmux -L "$socket" capture-pane -p | head -1; }
now() { date +%s%N; }
for i in $(seq 1 100); do bar | grep -q "data changed" && break; sleep 0.1; done
bar | grep -q "data changed" || { echo "the console did not start:"; tmux -L "$socket" capture-pane -p; exit 1; }
request=$(psql -X -At -d "$db" -c "SELECT number FROM request WHERE status IN ('open', 'in_progress') AND quantity - delivered >= $RUNS ORDER BY number LIMIT 1")
times=()
for run in $(seq 1 "$RUNS"); do
    sleep 1.2   # the bar shows the change's time to the second: the next change must show another
    before=$(bar)
    PGPASSFILE=$work/pgpass env -u PGPASSWORD -u PGUSER -u PGHOST "$BIN" request deliver "R$request" 1 --lang en \
        --db "postgresql://dispatcher@127.0.0.1:$port/$db" >/dev/null
    committed=$(now)
    while [ "$(bar)" = "$before" ]; do
        [ $(( ($(now) - committed) / 1000000 )) -gt 10000 ] && { echo "no refresh within 10 s"; exit 1; }
        sleep 0.01
    done
    ms=$(( ($(now) - committed) / 1000000 ))
    times+=("$ms")
    echo "run $run: ${ms} ms"
done
median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p")
echo "refresh across hosts (scale $SCALE, $(psql -X -At -d "$db" -c 'SELECT count(*) FROM enterprise') enterprises): median ${median} ms of $RUNS, load average $(cut -d' ' -f1-3 /proc/loadavg)"
