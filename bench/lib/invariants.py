#!/usr/bin/env python3
"""Tandem's invariants, checked straight on the SQLite file (python3's sqlite3 module), or on a
PostgreSQL database named by a `postgresql://` URL (through psql, see pgsql.py).

Used by bench/stress and bench/crash so they are useful on their own, before and beside
`tandem check` / `tandem log --verify`.

    invariants.py baseline DB OUT.json   remember where the records and the audit log stand now
    invariants.py check DB [BASE.json]   print every violation; exit 1 if there is one

The demo city is loaded with one `demo.load` event, not one event per row, so the
"every record has its audit event" checks only cover what changed after the baseline.
"""
import json
import sqlite3
import sys
from collections import Counter
from contextlib import contextmanager

import pgsql


def connect(path):
    if pgsql.is_url(path):
        return pgsql.PsqlDatabase(path)
    # Read-only and without creating -wal/-shm beside a file we only inspect.
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
    db.execute("PRAGMA busy_timeout = 30000")
    return db


@contextmanager
def opened(path):
    """A connection closed on leaving (sqlite3's own `with` only commits), so no reader lingers."""
    db = connect(path)
    try:
        yield db
    finally:
        db.close()


def baseline(db):
    one = lambda sql: db.execute(sql).fetchone()[0] or 0
    return {
        "audit_max": one("SELECT max(id) FROM audit_event"),
        "audit_count": one("SELECT count(*) FROM audit_event"),
        "pairing_max": one("SELECT max(id) FROM pairing"),
        "request_max": one("SELECT max(number) FROM request"),
        "delivery_max": one("SELECT max(id) FROM delivery"),
        "ended_pairings": [r[0] for r in db.execute("SELECT id FROM pairing WHERE ended_at IS NOT NULL")],
    }


def audit_subjects(db, after_id):
    """(action, subject) of the events after `after_id`, subject as "B1 E2" or "R3", whether the
    audit table names its subject in one text column (schema v1) or in number columns (v2)."""
    postgres = isinstance(db, pgsql.PsqlDatabase)
    columns = set() if postgres else {row[1] for row in db.execute("PRAGMA table_info(audit_event)")}
    if "subject" in columns:
        return db.execute("SELECT action, subject FROM audit_event WHERE id > ?", (after_id,)).fetchall()
    found = []
    for action, branch, enterprise, request in db.execute(
            "SELECT action, branch_number, enterprise_number, request_number FROM audit_event WHERE id > ?", (after_id,)):
        if action in ("pair", "unpair"):
            found.append((action, f"B{branch} E{enterprise}"))
        elif request is not None:
            found.append((action, f"R{request}"))
        else:
            found.append((action, f"E{enterprise}" if enterprise is not None else f"B{branch}"))
    return found


def violations(db, base=None):
    found = []
    add = found.append
    # SQLite's own checks; PostgreSQL enforces its foreign keys itself (`tandem check` looks too).
    if not isinstance(db, pgsql.PsqlDatabase):
        integrity = [r[0] for r in db.execute("PRAGMA integrity_check")]
        if integrity != ["ok"]:
            add("integrity_check: " + "; ".join(integrity[:5]))
        for table, rowid, parent, _ in db.execute("PRAGMA foreign_key_check"):
            add(f"foreign key: {table} row {rowid} points to a missing {parent}")
        if db.execute("PRAGMA application_id").fetchone()[0] != 0x544E444D:
            add("application_id is not Tandem's")
    for column, kind in (("branch_number", "branch"), ("enterprise_number", "enterprise")):
        for number, count in db.execute(
                f"SELECT {column}, count(*) FROM pairing WHERE ended_at IS NULL GROUP BY {column} HAVING count(*) > 1"):
            add(f"{kind} {number} has {count} active pairings")
    for number, delivered, total in db.execute("""
            SELECT r.number, r.delivered, coalesce(sum(d.quantity), 0) FROM request r
            LEFT JOIN delivery d ON d.request_number = r.number GROUP BY r.number HAVING r.delivered != coalesce(sum(d.quantity), 0)"""):
        add(f"R{number}: delivered {delivered} but its deliveries sum to {total}")
    for number, status, delivered, completed in db.execute(
            "SELECT number, status, delivered, completed FROM request"):
        if (status == "done") != (completed is not None):
            add(f"R{number}: status {status} with completed {completed!r}")
        if status == "open" and delivered != 0:
            add(f"R{number}: open with {delivered} delivered")
        if status == "in_progress" and delivered == 0:
            add(f"R{number}: in progress with nothing delivered")
    if base is None:
        return found
    seen = Counter(audit_subjects(db, base["audit_max"]))
    for pid, b, e, ended in db.execute("SELECT id, branch_number, enterprise_number, ended_at FROM pairing"):
        subject = f"B{b} E{e}"
        if pid > base["pairing_max"] and seen[("pair", subject)] == 0:
            add(f"pairing {pid} ({subject}) has no 'pair' audit event")
        if ended is not None and pid not in base["ended_pairings"] and seen[("unpair", subject)] == 0:
            add(f"pairing {pid} ({subject}) ended without an 'unpair' audit event")
    for (number,) in db.execute("SELECT number FROM request WHERE number > ?", (base["request_max"],)):
        if seen[("request.add", f"R{number}")] != 1:
            add(f"R{number} has {seen[('request.add', f'R{number}')]} 'request.add' events (1 expected)")
    for number, count in db.execute(
            "SELECT request_number, count(*) FROM delivery WHERE id > ? GROUP BY request_number", (base["delivery_max"],)):
        if seen[("request.deliver", f"R{number}")] != count:
            add(f"R{number}: {count} new deliveries but {seen[('request.deliver', f'R{number}')]} 'request.deliver' events")
    return found


def main(argv):
    if len(argv) >= 4 and argv[1] == "baseline":
        with opened(argv[2]) as db, open(argv[3], "w") as out:
            json.dump(baseline(db), out)
        return 0
    if len(argv) >= 3 and argv[1] == "check":
        base = json.load(open(argv[3])) if len(argv) > 3 else None
        with opened(argv[2]) as db:
            found = violations(db, base)
        for line in found:
            print("violation:", line)
        return 1 if found else 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
