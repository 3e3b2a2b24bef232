#!/bin/bash
# Many operators on one PostgreSQL database from two "hosts": N writers x M random write
# operations (as bench/stress/run.sh: half headless console sessions, half CLI processes), each
# writer logging in over TCP as its own operator's database role (a password in a pgpass file,
# as from another host), from 127.0.0.1 and 127.0.0.2 in turn, so that the server sees two
# client addresses and the row-level security policies judge every operation; then every
# invariant, the audit trail, `tandem check` and `tandem log --verify`, as the owner.
# Needs a server listening on both addresses whose pg_hba admits them (see
# Tests/postgres/with-cluster.sh, which makes such a throwaway cluster), and PGHOST/PGPORT/PGUSER
# (PGPASSWORD) naming an owner that may create databases and roles.
# Usage: bench/stress/run-postgres.sh [N] [M] [PATH/TO/tandem]   (default 50 20 .build/debug/tandem)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
N=${1:-50}; M=${2:-20}
BIN=${3:-$here/../../.build/debug/tandem}
export TANDEM_CONFIG=${TANDEM_CONFIG:-$here/../../config}
work=$(mktemp -d /tmp/tandem-stress-pg.XXXXXX)
db=tandem_stress_$$
cleanup() { dropdb --if-exists "$db" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
createdb "$db"
"$BIN" init --demo --scale 300 --db "postgresql:///$db" --lang en >/dev/null
. "$here/../lib/pgpass.sh"
write_pgpass "$db" "$work/pgpass" $(psql -X -At -d "$db" -c "SELECT login FROM operator WHERE role <> 'admin'")
export PGPASSFILE=$work/pgpass STRESS_PG_HOSTS="127.0.0.1 127.0.0.2" STRESS_PG_DATABASE=$db STRESS_PG_PORT=${PGPORT:-5432}
python3 "$here/stress.py" "$BIN" "postgresql:///$db" "$N" "$M"
