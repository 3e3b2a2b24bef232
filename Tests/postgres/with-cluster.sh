#!/bin/bash
# Runs COMMAND… inside a throwaway PostgreSQL cluster (pg_virtualenv: PGHOST, PGPORT, PGUSER,
# PGPASSWORD set for libpq, the cluster dropped afterwards) that listens on 127.0.0.1 and
# 127.0.0.2 and admits password logins from both: two client addresses on this one machine, as
# operators on two hosts would be (bench/stress/run-postgres.sh). Must run as root (pg_hba.conf).
# Usage: Tests/postgres/with-cluster.sh COMMAND…
set -eu
exec pg_virtualenv -o "listen_addresses=127.0.0.1,127.0.0.2" bash -c '
    hba=$(psql -X -At -c "SHOW hba_file")
    echo "host all all 127.0.0.2/32 scram-sha-256" >>"$hba"
    psql -X -q -At -c "SELECT pg_reload_conf()" >/dev/null
    exec "$@"' with-cluster "$@"
