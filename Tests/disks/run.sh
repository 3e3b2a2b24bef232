#!/usr/bin/env bash
# Read-only and failing disks, with the real `tandem` binary:
#  - reading commands and the console work on a database the user may only read: read-only
#    file, read-only folder (no -wal/-shm: opened immutable), read-only mount; changes are
#    refused as read-only and change nothing;
#  - a full disk (a small tmpfs) says "disk full" in the user's language and loses nothing committed;
#  - a database held by another operator is waited for with a visible notice, not an error.
# Needs root (a throwaway account, because root ignores file modes, and mounts); cleans up on exit.
#   usage: sudo bash Tests/disks/run.sh [path/to/tandem]
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
[ "$(id -u)" -eq 0 ] || { echo "disks: skipped (needs root)"; exit 0; }
command -v sqlite3 >/dev/null || { echo "disks: needs the sqlite3 command (apt-get install sqlite3)"; exit 1; }
BUILT=${1:-$ROOT/.build/debug/tandem}
READER=tdm_reader
WORK=/tmp/tandem-disks-test
export LANG=C.UTF-8 SWIFT_BACKTRACE=enable=no
unset TANDEM_DB XDG_DATA_HOME

cleanup() {
  mountpoint -q "$WORK/romount" && umount "$WORK/romount"
  mountpoint -q "$WORK/full" && umount "$WORK/full"
  id -u $READER >/dev/null 2>&1 && userdel $READER 2>/dev/null
  rm -rf "$WORK"
}
cleanup
trap cleanup EXIT
mkdir -p "$WORK/bin" "$WORK/ro" "$WORK/romount" "$WORK/full" "$WORK/busy"
cp "$BUILT" "$WORK/bin/tandem"; cp -r "$ROOT/config" "$WORK/config"; chmod -R a+rX "$WORK"
export TANDEM_CONFIG=$WORK/config
TANDEM=$WORK/bin/tandem
useradd --no-create-home --shell /usr/sbin/nologin $READER
chown $READER "$WORK/ro"

failures=0
pass() { echo "  ok   $1"; }
fail() { echo "  FAIL $1"; failures=$((failures + 1)); }
check() { local name=$1; shift; if out=$("$@" 2>&1); then pass "$name"; else fail "$name: $out"; fi; }
# refuse_with NAME TEXT COMMAND...: the command fails and says TEXT.
refuse_with() {
  local name=$1 text=$2; shift 2
  if out=$("$@" 2>&1); then fail "$name (it succeeded)"; elif grep -q -- "$text" <<<"$out"; then pass "$name"; else fail "$name: $out"; fi
}
reader() { runuser -u $READER -- env TANDEM_CONFIG="$TANDEM_CONFIG" LANG=$LANG "$@"; }
DB=$WORK/ro/t.sqlite

echo "disks: read-only databases (as $READER, who owns the database)"
check "init" reader "$TANDEM" init --db "$DB"
check "add a branch" reader "$TANDEM" branch add --name 永川突击队 --district yongchuan --headcount 4 --db "$DB"
check "add an enterprise" reader "$TANDEM" enterprise add --name 永川花椒基地 --district yongchuan --db "$DB"
reading_commands() {  # reading_commands LABEL DB RUNNER...
  local label=$1 db=$2; shift 2
  for command in "branch list" "enterprise show E1" "coverage" "log" "suggest" "request list"; do
    # shellcheck disable=SC2086
    check "$label: tandem $command" "$@" "$TANDEM" $command --db "$db"
  done
  check "$label: the console opens and draws (headless benchmark)" "$@" "$TANDEM" console --benchmark --db "$db"
  refuse_with "$label: a change is refused as read-only" "read-only" "$@" "$TANDEM" branch add --name x队 --district beibei --headcount 2 --db "$db"
  refuse_with "$label: suggest --apply is refused as read-only" "read-only" "$@" "$TANDEM" suggest --apply --db "$db"
}
chmod 0444 "$DB"
reading_commands "read-only file" "$DB" reader
chmod 0644 "$DB"
check "writable again: the read-only session's -wal/-shm do not get in the way" \
  reader "$TANDEM" branch edit B1 --headcount 5 --db "$DB"
chmod 0555 "$WORK/ro"
reading_commands "read-only folder with -wal/-shm" "$DB" reader
chmod 0755 "$WORK/ro"
check "a writer's session closes and takes its -wal/-shm with it" reader "$TANDEM" branch list --db "$DB"
[ ! -e "$DB-wal" ] && [ ! -e "$DB-shm" ] && pass "no -wal/-shm beside the file" || fail "-wal/-shm still present"
chmod 0555 "$WORK/ro"
reading_commands "read-only folder without -wal/-shm (immutable)" "$DB" reader
chmod 0755 "$WORK/ro"
mount --bind "$WORK/ro" "$WORK/romount" && mount -o remount,bind,ro "$WORK/romount"
if mountpoint -q "$WORK/romount"; then
  reading_commands "read-only mount" "$WORK/romount/t.sqlite" reader
  umount "$WORK/romount"
else
  echo "  skip read-only mount: bind mounts unavailable"
fi
after=$(reader "$TANDEM" branch list --db "$DB" --format csv | grep -c 突击队)
[ "$after" = 1 ] && pass "nothing was changed by the refused commands" || fail "branch list has $after branches"

echo "disks: a full disk"
if mount -t tmpfs -o size=1m tmpfs "$WORK/full"; then
  FULL=$WORK/full/t.sqlite
  check "init on a 1 MB disk" "$TANDEM" init --db "$FULL"
  # Fill the disk, then give back a little room: a few changes fit, then it is full.
  dd if=/dev/zero of="$WORK/full/filler" bs=4k 2>/dev/null
  truncate -s -64k "$WORK/full/filler"
  saved=0 message=""
  for i in $(seq 1 200); do
    if out=$("$TANDEM" enterprise add --name "满盘单位$i" --district beibei --db "$FULL" 2>&1); then saved=$((saved + 1))
    else message=$out; break; fi
  done
  grep -q "disk full" <<<"$message" && pass "the refusal says disk full after $saved saved changes" || fail "after $saved changes: $message"
  zh=$("$TANDEM" enterprise add --name 中文满盘 --district beibei --db "$FULL" --lang zh 2>&1)
  grep -q "磁盘已满" <<<"$zh" && pass "in Chinese: 磁盘已满" || fail "Chinese message: $zh"
  listed=$("$TANDEM" enterprise list --db "$FULL" --format csv 2>&1 | grep -c 满盘单位)
  [ "$listed" = "$saved" ] && pass "all $saved committed enterprises are there" || fail "$listed listed, $saved committed"
  rm -f "$WORK/full/filler"
  check "with room again, changes work" "$TANDEM" enterprise add --name 空间恢复 --district beibei --db "$FULL"
  integrity=$(sqlite3 "$FULL" "PRAGMA integrity_check" 2>&1)
  [ "$integrity" = ok ] && pass "integrity check: ok" || fail "integrity: $integrity"
  umount "$WORK/full"
else
  echo "  skip full disk: tmpfs mounts unavailable"
fi

echo "disks: a database held by another operator"
BUSY=$WORK/busy/t.sqlite
check "init" "$TANDEM" init --db "$BUSY"
{ echo "BEGIN IMMEDIATE;"; sleep 2; echo "COMMIT;"; } | sqlite3 "$BUSY" &
holder=$!
sleep 0.5
started=$(date +%s.%N)
if out=$("$TANDEM" branch add --name 等待突击队 --district beibei --headcount 3 --db "$BUSY" 2>&1); then
  waited=$(python3 -c "import time; print(round(time.time() - $started, 1))")
  grep -q "waiting for another operator" <<<"$out" && pass "a busy database is waited for, visibly (${waited}s): $(head -1 <<<"$out")" \
    || fail "no waiting notice: $out"
else
  fail "a busy database gave an error: $out"
fi
wait $holder

if [ $failures -eq 0 ]; then echo "disks: all checks passed"; else echo "disks: $failures check(s) failed"; exit 1; fi
