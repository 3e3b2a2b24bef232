#!/bin/bash
# Issue 11's "Done when", as a new user would try it: a PostgreSQL database, and two terminals
# logged in as two different OS accounts, each its own database role by peer authentication
# (no password, no --as). The branch lead records the seeds' Nanchuan masks, 120 then 180 of
# 300, in their console; the dispatcher's console on the other terminal sees each delivery; the
# audit names the lead's account; psql as the lead cannot touch another enterprise's request.
# Run inside Tests/postgres/with-cluster.sh, as root (it makes OS accounts and removes them).
# Usage: Tests/postgres/with-cluster.sh bash Tests/postgres/two-accounts.sh PATH/TO/tandem
set -uo pipefail
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
[ "$(id -u)" -eq 0 ] || { echo "two-accounts: skipped (needs root)"; exit 0; }
LEAD=tpg_lead DISPATCHER=tpg_dispatch
PREFIX=/opt/tandem-pg-accounts-test
db=tandem_accounts_$$
socket=tandem-accounts-$$
export LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color SWIFT_BACKTRACE=enable=no
unset TANDEM_CONFIG
cleanup() {
    tmux -L "$socket" kill-server 2>/dev/null
    for account in $LEAD $DISPATCHER; do id -u "$account" >/dev/null 2>&1 && userdel "$account" 2>/dev/null; done
    dropdb --if-exists "$db" 2>/dev/null
    rm -rf "$PREFIX"
}
cleanup
trap cleanup EXIT
t() { tmux -L "$socket" "$@"; }
fail() { echo "FAIL: $*"; for pane in lead dispatcher; do echo "---- $pane ----"; t capture-pane -p -t $pane 2>/dev/null; done; exit 1; }
screen() { t capture-pane -p -t "$1"; }
wait_for() {  # PANE TEXT [SECONDS]
    local i=0
    while [ $i -lt $(( ${3:-10} * 20 )) ]; do screen "$1" | grep -qF -- "$2" && return 0; sleep 0.05; i=$((i + 1)); done
    fail "$1 never showed: $2"
}

# The binary where other accounts can run it, as `make install` would put it.
install -D -m 755 "$BIN" "$PREFIX/bin/tandem"
TANDEM=$PREFIX/bin/tandem
for account in $LEAD $DISPATCHER; do useradd --no-create-home --shell /usr/sbin/nologin "$account"; done

# The owner (the cluster's superuser here) creates the demo city and registers both accounts;
# `operator add` makes each a login role of the same name.
createdb "$db" || fail "createdb"
"$TANDEM" init --demo --scale 20 --db "postgresql:///$db" --lang en >/dev/null || fail "init --demo"
"$TANDEM" operator add $DISPATCHER --role dispatcher --name 调度员 --db "postgresql:///$db" >/dev/null || fail "operator add dispatcher"
"$TANDEM" operator add $LEAD --role lead:B1 --name 南川突击队长 --db "postgresql:///$db" >/dev/null || fail "operator add lead"
enterprise=$(psql -X -At -d "$db" -c "SELECT enterprise_number FROM pairing WHERE branch_number = 1 AND ended_at IS NULL")
[ "$enterprise" = 2 ] || fail "B1 is not paired with E2 (南川九叶青花椒基地) in the demo city: $enterprise"
masks=$(psql -X -At -d "$db" -c "SELECT number FROM request WHERE enterprise_number = 2 AND item = 'masks' AND quantity = 300000")
[ -n "$masks" ] || fail "no request for 300 masks at E2"

# Peer authentication over the local socket: the OS account is the database role.
sockets=$(psql -X -At -d "$db" -c "SHOW unix_socket_directories" | cut -d, -f1)
url="postgresql:///$db?host=$sockets&port=${PGPORT:-5432}"
as() { local who=$1; shift; echo "runuser -u $who -- env -u PGHOST -u PGUSER -u PGPASSWORD -u PGPORT LANG=C.UTF-8 TERM=xterm-256color $*"; }
t new-session -d -s lead -x 120 -y 40 "$(as $LEAD "$TANDEM" console --lang zh --db "'$url'"); echo EXIT=\$?; sleep 30"
t new-session -d -s dispatcher -x 120 -y 40 "$(as $DISPATCHER "$TANDEM" console --lang en --db "'$url'"); echo EXIT=\$?; sleep 30"
wait_for lead "我的突击队：B1" 20
wait_for lead "数据更新" 20
wait_for dispatcher "dispatcher · 调度员" 20
wait_for dispatcher "data changed" 20

# The dispatcher keeps R<masks> in view: search for its code.
t send-keys -t dispatcher "/" ; t send-keys -t dispatcher -l "R$masks"; t send-keys -t dispatcher Enter
wait_for dispatcher "0/300"

# The lead focuses the masks and records 120, then 180.
for i in $(seq 1 10); do
    y=$(t display -p -t lead '#{cursor_y}')
    screen lead | sed -n "$((y + 1))p" | grep -q "R$masks " && break
    t send-keys -t lead j; sleep 0.2
done
t send-keys -t lead d
wait_for lead "登记送达：R$masks"
t send-keys -t lead -l "120"; t send-keys -t lead Tab; t send-keys -t lead -l "第一批口罩"; t send-keys -t lead Enter
wait_for lead "120/300 个"
wait_for dispatcher "120/300" 5
t send-keys -t lead d
wait_for lead "剩余 180"
t send-keys -t lead -l "180"; t send-keys -t lead Enter
wait_for lead "300/300 个"
# Done: the dispatcher's list of unfinished requests no longer holds it.
for i in $(seq 1 100); do screen dispatcher | grep -q " R$masks  " || break; sleep 0.05; done
screen dispatcher | grep -q " R$masks  " && fail "the dispatcher still lists R$masks as unfinished"

# The audit names the lead's own account; nobody typed --as.
events=$(psql -X -At -d "$db" -c "SELECT operator_login FROM audit_event WHERE action = 'request.deliver' AND request_number = $masks ORDER BY id")
[ "$events" = "$(printf '%s\n%s' $LEAD $LEAD)" ] || fail "the deliveries are recorded as: $events"
[ "$(psql -X -At -d "$db" -c "SELECT status FROM request WHERE number = $masks")" = done ] || fail "R$masks is not done"

# psql as the lead, by the same peer authentication: another enterprise's request is out of reach.
other=$(psql -X -At -d "$db" -c "SELECT number FROM request WHERE enterprise_number <> 2 AND status = 'open' ORDER BY number LIMIT 1")
changed=$(runuser -u $LEAD -- env -u PGHOST -u PGUSER -u PGPASSWORD -u PGPORT psql -X -At \
    "host=$sockets port=${PGPORT:-5432} dbname=$db" -c "UPDATE request SET status = 'cancelled' WHERE number = $other" 2>&1)
[ "$changed" = "UPDATE 0" ] || fail "psql as the lead changed another enterprise's request: $changed"
[ "$(psql -X -At -d "$db" -c "SELECT status FROM request WHERE number = $other")" = open ] || fail "R$other changed"

t send-keys -t lead q; t send-keys -t dispatcher q
wait_for lead "EXIT=0"; wait_for dispatcher "EXIT=0"
"$TANDEM" check --db "postgresql:///$db" --lang en | grep -q "database intact" || fail "tandem check"
echo "two-accounts: ok (lead $LEAD and dispatcher $DISPATCHER by peer authentication; 120 + 180 of 300 masks seen across consoles)"
