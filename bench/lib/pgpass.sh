# Sourced by the PostgreSQL harnesses. write_pgpass DATABASE FILE LOGIN…: gives each operator's
# role a random password and writes it to the pgpass FILE (mode 0600), so that the harness's
# writers log in as those roles over TCP as from another host, with no password on a command line.
write_pgpass() {
    local database=$1 file=$2 login secret
    shift 2
    for login in "$@"; do
        secret=$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
        psql -X -q -d "$database" -c "ALTER ROLE \"$login\" PASSWORD '$secret'"
        echo "*:*:$database:$login:$secret" >>"$file"
    done
    chmod 600 "$file"
}
