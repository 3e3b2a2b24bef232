#!/usr/bin/env bash
# The shared-host mode on this machine, as the README's "Shared host" section sets it up:
# three OS accounts (admin, dispatcher, lead) work through the setgid `tandem` binary, none of
# them can read or write the database file directly, and the audit names the real account.
# Needs root (it creates accounts, a group and a folder); removes them all on exit, and first
# removes whatever an interrupted earlier run left.
#   usage: sudo bash Tests/sharedhost/run.sh
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
[ "$(id -u)" -eq 0 ] || { echo "sharedhost: skipped (needs root)"; exit 0; }
command -v sqlite3 >/dev/null || { echo "sharedhost: needs the sqlite3 command (apt-get install sqlite3)"; exit 1; }

GROUP=tdmtest
ADMIN=tdm_admin DISPATCHER=tdm_dispatch LEAD=tdm_lead
SHARED_DIR=/var/lib/tandem-sharedhost-test
PREFIX=/opt/tandem-sharedhost-test
DB=$SHARED_DIR/tandem.sqlite
TANDEM=$PREFIX/bin/tandem
export LANG=C.UTF-8 SWIFT_BACKTRACE=enable=no
unset TANDEM_DB TANDEM_CONFIG XDG_DATA_HOME

cleanup() {
  for account in $ADMIN $DISPATCHER $LEAD; do id -u "$account" >/dev/null 2>&1 && userdel "$account" 2>/dev/null; done
  getent group $GROUP >/dev/null && groupdel $GROUP 2>/dev/null
  rm -rf "$SHARED_DIR" "$PREFIX"
}
cleanup
trap cleanup EXIT

failures=0
pass() { echo "  ok   $1"; }
fail() { echo "  FAIL $1"; failures=$((failures + 1)); }
# check NAME COMMAND...: the command must succeed.
check() { local name=$1; shift; if out=$("$@" 2>&1); then pass "$name"; else fail "$name: $out"; fi; }
# refuse NAME COMMAND...: the command must fail.
refuse() { local name=$1; shift; if out=$("$@" 2>&1); then fail "$name (it succeeded: $out)"; else pass "$name"; fi; }
as() { local who=$1; shift; runuser -u "$who" -- "$@"; }

echo "sharedhost: install into $PREFIX, shared folder $SHARED_DIR, group $GROUP"
binary_build=debug
[ -x "$ROOT/.build/debug/tandem" ] || { echo "build first: swift build"; exit 1; }
make -C "$ROOT" --no-print-directory install-shared-host BUILD=$binary_build PREFIX=$PREFIX SHARED_DIR=$SHARED_DIR \
  TANDEM_GROUP=$GROUP >/dev/null || { echo "make install-shared-host failed"; exit 1; }
chmod 755 "$PREFIX"
for account in $ADMIN $DISPATCHER $LEAD; do useradd --no-create-home --shell /usr/sbin/nologin "$account"; done

[ "$(stat -c '%a %U %G' "$TANDEM")" = "2755 root $GROUP" ] && pass "binary is setgid $GROUP (2755)" || fail "binary mode $(stat -c '%a %U %G' "$TANDEM")"
[ "$(stat -c '%a %U %G' "$SHARED_DIR")" = "3770 root $GROUP" ] && pass "folder is root:$GROUP 3770" || fail "folder mode $(stat -c '%a %U %G' "$SHARED_DIR")"

echo "root creates the shared database and registers the operators"
check "init as root (default path from the installation)" "$TANDEM" init
for file in "$DB" "$DB-wal" "$DB-shm"; do
  [ "$(stat -c '%a %U %G' "$file" 2>/dev/null)" = "660 root $GROUP" ] && pass "$(basename "$file") is root:$GROUP 0660" \
    || fail "$(basename "$file"): $(stat -c '%a %U %G' "$file" 2>&1)"
done
check "add admin" "$TANDEM" operator add $ADMIN --role admin
check "add dispatcher" "$TANDEM" operator add $DISPATCHER --role dispatcher
check "add a branch" "$TANDEM" branch add --name 南川突击队 --district nanchuan --headcount 6
check "add lead of B1" "$TANDEM" operator add $LEAD --role lead:B1

echo "each account works through tandem"
check "dispatcher adds an enterprise" as $DISPATCHER "$TANDEM" enterprise add --name 九叶青花椒基地 --district nanchuan
check "dispatcher pairs B1 with E1" as $DISPATCHER "$TANDEM" pair B1 E1
check "lead files a request for E1" as $LEAD "$TANDEM" request add E1 --category ppe --item masks --quantity 100 --unit piece
check "admin lists operators" as $ADMIN "$TANDEM" operator list
check "admin acts for the dispatcher" as $ADMIN "$TANDEM" enterprise add --name 代办单位 --district beibei --as $DISPATCHER
refuse "lead may not pair (rules hold)" as $LEAD "$TANDEM" pair B1 E2

echo "the audit names the real account"
log=$("$TANDEM" log --format csv --lang en 2>&1)
grep -q "$DISPATCHER,enterprise added" <<<"$log" && pass "dispatcher's change is recorded as $DISPATCHER" || fail "no $DISPATCHER event: $log"
grep -q "$LEAD,request filed" <<<"$log" && pass "lead's request is recorded as $LEAD" || fail "no $LEAD event: $log"
grep -q "$ADMIN as $DISPATCHER" <<<"$log" && pass "admin acting --as is recorded as '$ADMIN as $DISPATCHER'" || fail "no '$ADMIN as $DISPATCHER': $log"

echo "nobody reaches the file directly"
for account in $ADMIN $DISPATCHER $LEAD; do
  refuse "$account cannot read the database file" as $account cat "$DB"
  refuse "$account cannot list the shared folder" as $account ls "$SHARED_DIR"
done
refuse "lead cannot grant themself admin with sqlite3" as $LEAD sqlite3 "$DB" "UPDATE operator SET role = 'admin' WHERE login = '$LEAD'"
refuse "lead cannot append to the -wal file" as $LEAD sh -c "echo forged >> '$DB-wal'"
refuse "lead cannot delete the database" as $LEAD rm -f "$DB"
[ "$("$TANDEM" operator show $LEAD --format json | grep -c '"admin"')" = 0 ] && pass "lead is still a lead" || fail "lead became admin"

for file in "$DB" "$DB-wal" "$DB-shm"; do
  [ "$(stat -c '%a %U' "$file" 2>/dev/null)" = "660 root" ] && pass "after the operators' work $(basename "$file") is still root's, 0660" \
    || fail "$(basename "$file") after use: $(stat -c '%a %U %G' "$file" 2>&1)"
done

echo "the setgid binary does not lend its group"
cp "$DB" "$PREFIX/copy.sqlite"; chgrp $GROUP "$PREFIX/copy.sqlite"; chmod 660 "$PREFIX/copy.sqlite"
refuse "--db outside the shared folder gets no group rights" as $LEAD "$TANDEM" operator list --db "$PREFIX/copy.sqlite"
ln -sf "$DB" "$PREFIX/link.sqlite"
check "a symlink to the shared database is the shared database" as $LEAD "$TANDEM" request list --db "$PREFIX/link.sqlite"
refuse "--config is refused for the shared database" as $LEAD "$TANDEM" branch list --config /tmp
check "\$TANDEM_CONFIG is ignored for the shared database" as $LEAD env TANDEM_CONFIG=/nonexistent "$TANDEM" branch list
# A lead's own ~/.config/tandem (here through XDG_CONFIG_HOME) is not read either: only /etc/tandem overrides.
mkdir -p "$PREFIX/lead-config/tandem"; printf 'per_km: ten\n' > "$PREFIX/lead-config/tandem/engine.yaml"; chmod -R a+rX "$PREFIX/lead-config"
check "a lead's XDG_CONFIG_HOME is ignored for the shared database" as $LEAD env XDG_CONFIG_HOME="$PREFIX/lead-config" "$TANDEM" branch list
out=$(as $LEAD env XDG_CONFIG_HOME="$PREFIX/lead-config" TANDEM_CONFIG=/nonexistent "$TANDEM" config show --lang en 2>&1)
if grep -q "^shared database: each file comes from /etc/tandem" <<<"$out" && grep -Eq "^engine\.yaml +built-in|^engine\.yaml +/etc/tandem/" <<<"$out"; then
  pass "config show says the shared database reads only /etc/tandem"
else fail "config show for the shared database: $out"; fi
check "\$USER does not change who you are" as $LEAD env USER=$ADMIN LOGNAME=$ADMIN "$TANDEM" request list
refuse "...so a lead claiming to be admin still cannot add operators" as $LEAD env USER=$ADMIN "$TANDEM" operator add x --role admin
refuse "an operator cannot create a shared database" as $ADMIN "$TANDEM" init --db "$SHARED_DIR/other.sqlite"
out=$(setpriv --reuid 54321 --regid 54321 --clear-groups env USER=$ADMIN "$TANDEM" branch list 2>&1)
if [ $? -ne 0 ] && grep -q "no user entry" <<<"$out"; then pass "an account without a passwd entry is refused"; else fail "uid without passwd entry: $out"; fi

if [ $failures -eq 0 ]; then echo "sharedhost: all checks passed"; else echo "sharedhost: $failures check(s) failed"; exit 1; fi
