#!/usr/bin/env python3
"""SIGKILL `tandem` at random moments of writes, `init --demo --force` over the demo city,
`suggest --apply`, `import enterprises` of a 2 000-row file and (when this build has it)
`backup`, then prove nothing broke.

Usage: crash.py BIN DB KILLS [SEED]

After every kill (and every run that finished first):
  - the database opens, for Python's sqlite3 and for `tandem log`;
  - every invariant holds (bench/lib/invariants.py), `tandem check` passes when it exists;
  - nothing committed is lost: every audit event there before is still there, unchanged,
    and so is every record (a killed command's effect is all or nothing: the data is as
    before with no new event, or the command's whole change is there with its events);
  - a command that exited 0 left its whole effect;
  - `init --force` left either the old city untouched or a complete new one;
  - `suggest --apply` paired either none or all of the proposals a dry run made just before;
  - `import` added either none or all of the file's enterprises, each with its event, and the
    import's own event;
  - `backup` left the live database untouched and, when it exited 0, a copy equal to it.
Exit 1 if any of it fails.
"""
import hashlib
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "lib"))
sys.path.insert(0, os.path.join(here, "..", "stress"))
import invariants  # noqa: E402
import tandem_cli  # noqa: E402
from stress import hot_records, random_command, reason  # noqa: E402

ENV = tandem_cli.ENV
DATA_TABLES = ("branch", "enterprise", "operator", "pairing", "request", "delivery")
SCALE = "300"
IMPORT_ROWS = 2000


def import_file(path, iteration):
    """A CSV of IMPORT_ROWS enterprises no earlier import named, as an office would list them."""
    with open(path, "w", encoding="utf-8") as out:
        out.write("name,district,kind,disabled_employees\n")
        for row in range(IMPORT_ROWS):
            out.write(f"压测单位{iteration}-{row},nanchuan,enterprise,{row % 50}\n")


def state(path):
    """The audit events in order, and one digest of every data table."""
    with invariants.opened(path) as db:
        audit = db.execute("SELECT * FROM audit_event ORDER BY id").fetchall()
        digest = hashlib.sha256()
        for table in DATA_TABLES:
            for row in db.execute(f"SELECT * FROM {table} ORDER BY rowid"):
                digest.update(repr(row).encode())
        counts = {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in DATA_TABLES}
    return audit, digest.hexdigest(), counts


def run(bin_path, argv, db_path):
    return subprocess.run([bin_path, *argv, "--db", db_path, "--lang", "en"], capture_output=True, text=True, env=ENV)


def victim(bin_path, argv, db_path, delay):
    """Starts the command and SIGKILLs it after `delay` seconds unless it finished: (killed, exit code, seconds, stderr)."""
    started = time.perf_counter()
    process = subprocess.Popen([bin_path, *argv, "--db", db_path, "--lang", "en"], stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, env=ENV)
    try:
        _, stderr = process.communicate(timeout=delay)
        return False, process.returncode, time.perf_counter() - started, stderr.decode(errors="replace")
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGKILL)
        process.communicate()
        return True, -9, time.perf_counter() - started, ""


def main():
    bin_path, db_path, kills_wanted = sys.argv[1], sys.argv[2], int(sys.argv[3])
    rng = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 1976)
    has_backup = tandem_cli.has(bin_path, "backup")
    has_check = tandem_cli.has(bin_path, "check")
    _, _, demo_counts = state(db_path)
    has_import = tandem_cli.has(bin_path, "import")
    kinds = (["write"] * 5 + ["init"] * 2 + ["suggest"] * 2 + (["backup"] * 2 if has_backup else [])
             + (["import"] * 2 if has_import else []))
    # CRASH_KINDS=init (or write,suggest,…) kills only those kinds, to look at one closely.
    only = [k for k in os.environ.get("CRASH_KINDS", "").split(",") if k]
    if only:
        kinds = [k for k in kinds if k in only] or kinds
    # How long each kind takes when left alone: the kill moment is drawn over that span.
    duration = Counter({"write": 0.3, "init": 2.0, "suggest": 2.0, "backup": 0.5, "import": 2.0})
    kills, finished, refusals, hot_journals, problems = Counter(), Counter(), Counter(), Counter(), []
    iteration = 0
    hot = hot_records(db_path, rng)
    while sum(kills.values()) < kills_wanted:
        iteration += 1
        kind = rng.choice(kinds)
        audit_before, digest_before, _ = state(db_path)
        with invariants.opened(db_path) as db:
            base = invariants.baseline(db)
        proposals = None
        backup_path = db_path + ".backup"
        if kind == "write":
            # The login a stress writer would act as is not needed: every kill here runs as the
            # file's administrator, who may do all of these.
            label, argv, _ = random_command(rng, hot)
        elif kind == "init":
            label, argv = "init --demo --force", ["init", "--demo", "--force", "--scale", SCALE]
        elif kind == "suggest":
            dry = run(bin_path, ["suggest", "--format", "json"], db_path)
            proposals = len(json.loads(dry.stdout)["proposals"]) if dry.returncode == 0 else None
            label, argv = "suggest --apply", ["suggest", "--apply"]
        elif kind == "import":
            csv_path = os.path.join(os.path.dirname(db_path), "import.csv")
            import_file(csv_path, iteration)
            label, argv = "import enterprises", ["import", "enterprises", csv_path]
        else:
            for leftover in (backup_path, backup_path + "-wal", backup_path + "-shm", backup_path + "-journal"):
                if os.path.exists(leftover):
                    os.remove(leftover)
            label, argv = "backup", ["backup", backup_path]
        killed, code, seconds, stderr = victim(bin_path, argv, db_path, rng.uniform(0, duration[kind] * 1.3))
        if killed:
            kills[label] += 1
            # Killed before the end: the usual duration may be longer (a loaded host), so widen
            # the span a little, until some runs finish and the kills cover the whole command.
            duration[kind] = min(duration[kind] * 1.1, 30)
        else:
            finished[f"{label}: exit {code}"] += 1
            duration[kind] = max(duration[kind] * 0.7 + seconds * 0.3, 0.05)
        where = f"#{iteration} {label} ({'killed' if killed else f'exit {code}'})"
        if not killed and code != 0:
            refusals[f"{label}: {reason(stderr)}"] += 1
        if not killed and code not in (0, 1):
            problems.append(f"{where}: crashed")

        # A kill inside a rollback-journal transaction leaves a hot journal: SQLite rolls it back
        # at the next writable open, but a read-only opener (a supervisor on a read-only mount)
        # cannot open the file until then. `init --force` writes no rollback journal beside the
        # target (the old file leaves WAL with its journal in memory; the new one is made WAL
        # before it is renamed into place), so one after a killed init is a violation.
        if os.path.exists(db_path + "-journal") and os.path.getsize(db_path + "-journal") > 0:
            hot_journals[label] += 1
            if kind == "init":
                problems.append(f"{where}: a hot -journal was left beside the database")
        # The database opens for Tandem (first, as an operator would), then for SQLite.
        opened = run(bin_path, ["log", "--limit", "1"], db_path)
        if opened.returncode != 0:
            problems.append(f"{where}: `tandem log` fails: {opened.stderr.strip()[:200]}")
        try:
            audit_after, digest_after, counts_after = state(db_path)
        except sqlite3.Error as error:
            problems.append(f"{where}: database does not open after `tandem log`: {error}")
            break

        replaced = bool(audit_after) and bool(audit_before) and audit_after[0] != audit_before[0]
        if kind == "init" and replaced:
            # A complete new city, or it is not acceptable.
            if counts_after != demo_counts:
                problems.append(f"{where}: new city incomplete: {counts_after} (expected {demo_counts})")
            if [e[3] for e in audit_after] != ["demo.load"] and "demo.load" not in [e[3] for e in audit_after]:
                problems.append(f"{where}: new city without its demo.load event")
            with invariants.opened(db_path) as db:
                problems += [f"{where}: {v}" for v in invariants.violations(db)]
            hot = hot_records(db_path, rng)
        else:
            if kind == "init" and not killed and code == 0:
                problems.append(f"{where}: init --force exited 0 but the old city is still there")
            # Nothing committed lost: every event before is still there, unchanged.
            if audit_after[:len(audit_before)] != audit_before:
                problems.append(f"{where}: committed audit events changed or lost")
            added = audit_after[len(audit_before):]
            if digest_after != digest_before and not added:
                problems.append(f"{where}: data changed without an audit event")
            if kind == "write" and len(added) > 1:
                problems.append(f"{where}: one command added {len(added)} events")
            if not killed and code != 0 and added:
                problems.append(f"{where}: refused but added {len(added)} events")
            if kind == "write" and not killed and code == 0 and len(added) != 1:
                problems.append(f"{where}: exited 0 but added {len(added)} events")
            if kind == "suggest":
                paired = sum(1 for e in added if e[3] == "pair")
                if proposals is not None and paired not in (0, proposals):
                    problems.append(f"{where}: {paired} of {proposals} proposals applied (all or nothing)")
                if not killed and code == 0 and proposals is not None and paired != proposals:
                    problems.append(f"{where}: exited 0 with {paired} of {proposals} proposals applied")
            if kind == "import":
                if len(added) not in (0, IMPORT_ROWS + 1):
                    problems.append(f"{where}: {len(added)} events, neither none nor the whole file's {IMPORT_ROWS + 1}")
                if not killed and code == 0 and len(added) != IMPORT_ROWS + 1:
                    problems.append(f"{where}: exited 0 with {len(added)} of {IMPORT_ROWS + 1} events")
            if kind == "backup":
                if added or digest_after != digest_before:
                    problems.append(f"{where}: backup changed the live database")
                if not killed and code == 0:
                    try:
                        copy_audit, copy_digest, _ = state(backup_path)
                        if copy_digest != digest_after or copy_audit != audit_after:
                            problems.append(f"{where}: backup differs from the database")
                    except sqlite3.Error as error:
                        problems.append(f"{where}: backup does not open: {error}")
            with invariants.opened(db_path) as db:
                problems += [f"{where}: {v}" for v in invariants.violations(db, base)]
        if has_check:
            for name, ok, output in tandem_cli.checks(bin_path, db_path):
                if not ok:
                    problems.append(f"{where}: {name}: {output[:300]}")
        if len(problems) > 20:
            break

    leftovers = sorted(f for f in os.listdir(os.path.dirname(db_path) or ".")
                       if f != os.path.basename(db_path) and not f.startswith(os.path.basename(db_path) + ".backup")
                       and not f.endswith(("-wal", "-shm")))
    print(f"crashtest: {sum(kills.values())} SIGKILLs in {iteration} runs"
          f"{'' if has_backup else ' (this build has no `tandem backup`)'}"
          f"{'' if has_check else ' (no `tandem check`: invariants checked by bench/lib only)'}")
    print("  killed:   " + ", ".join(f"{k} {v}" for k, v in sorted(kills.items())))
    print("  finished: " + (", ".join(f"{k} {v}" for k, v in sorted(finished.items())) or "none"))
    for text, count in refusals.most_common():
        print(f"    refused {count:4d}  {text}")
    if hot_journals:
        print("  non-empty -journal left beside the database (opened by the next Tandem command, which a"
              " read-only opener could not have done first): " + ", ".join(f"{k} {v}" for k, v in sorted(hot_journals.items())))
    if leftovers:
        print(f"  files left beside the database by killed runs: {', '.join(leftovers[:10])}")
    print(f"  violations {len(problems)}")
    for problem in problems:
        print("  violation:", problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
