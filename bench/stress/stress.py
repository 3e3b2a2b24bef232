#!/usr/bin/env python3
"""N writers x M random write operations racing on a few hot records.

Usage: stress.py BIN DB N M [SEED]
DB is a SQLite file or, on PostgreSQL, the owner's `postgresql://` URL of the database; then
STRESS_PG_HOSTS (e.g. "127.0.0.1 127.0.0.2") names the addresses the writers connect from in
turn, as operators on different hosts would, STRESS_PG_PORT the port and STRESS_PG_DATABASE the
database, and every writer logs in as its own operator's database role (password from
$PGPASSFILE), so that the row-level security policies judge each operation.
Half of the writers (STRESS_CONSOLE_WRITERS to choose another number) are console sessions:
each is one long-running `tandem console --headless-script -` (the console's own state machine
and store path, driven by `:` commands and keys on standard input, one outcome line back per
line), as a dispatcher or a branch lead; the others run one `tandem` CLI process per operation.
Prints ops/s, p50/p99 latency, refusals by reason, then checks every invariant (bench/lib)
and, when this build has them, `tandem check` and `tandem log --verify`. Exit 1 on any
violation, crash (signal or exit code other than 0/1 from a refused command, a console session
that dies or exits non-zero) or mismatch between successful operations and audit events added.
"""
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from multiprocessing import Pool

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import invariants  # noqa: E402
import tandem_cli  # noqa: E402

ENV = tandem_cli.ENV
POSTGRES_HOSTS = os.environ.get("STRESS_PG_HOSTS", "").split()


def writer_target(db_path, index, login):
    """(database, environment, arguments) for writer `index` acting as `login`, or as itself
    when `login` is None: on SQLite the file, and `--as` for another operator (the OS account is
    an admin); on PostgreSQL a login of that operator's own role (a dispatcher's when None) from
    one of the hosts in turn."""
    if not POSTGRES_HOSTS:
        return db_path, ENV, ["--as", login] if login else []
    login = login or "dispatcher"
    host = POSTGRES_HOSTS[index % len(POSTGRES_HOSTS)]
    url = f"postgresql://{login}@{host}:{os.environ['STRESS_PG_PORT']}/{os.environ['STRESS_PG_DATABASE']}"
    env = {k: v for k, v in ENV.items() if k not in ("PGPASSWORD", "PGUSER", "PGHOST", "PGDATABASE")}
    return url, env, []


def hot_records(db_path, rng=None):
    """A few branches, enterprises and requests everybody targets, and the leads who may touch them."""
    with invariants.opened(db_path) as db:
        return choose_hot(db)


def choose_hot(db):
    paired = db.execute("""SELECT p.branch_number, p.enterprise_number, o.login FROM pairing p
                           JOIN operator o ON o.role = 'lead' AND o.branch_number = p.branch_number
                           JOIN branch b ON b.number = p.branch_number AND b.active
                           WHERE p.ended_at IS NULL ORDER BY p.id LIMIT 3""").fetchall()
    free_branches = [r[0] for r in db.execute("""SELECT number FROM branch WHERE active AND number NOT IN
                        (SELECT branch_number FROM pairing WHERE ended_at IS NULL) ORDER BY number LIMIT 3""")]
    free_enterprises = [r[0] for r in db.execute("""SELECT number FROM enterprise WHERE number NOT IN
                        (SELECT enterprise_number FROM pairing WHERE ended_at IS NULL) ORDER BY number LIMIT 3""")]
    enterprises = [e for _, e, _ in paired] + free_enterprises
    requests = [r[0] for r in db.execute(
        f"SELECT number FROM request WHERE enterprise_number IN ({','.join('?' * len(enterprises))}) ORDER BY number LIMIT 8",
        enterprises)]
    item = db.execute("SELECT category, item, unit FROM request LIMIT 1").fetchone()
    return {
        "branches": [b for b, _, _ in paired] + free_branches,
        "enterprises": enterprises,
        "requests": requests,
        "leads": {e: login for _, e, login in paired},
        "item": item,
    }


def random_command(rng, hot):
    e = f"E{rng.choice(hot['enterprises'])}"
    b = f"B{rng.choice(hot['branches'])}"
    r = f"R{rng.choice(hot['requests'])}" if hot["requests"] else None
    category, item, unit = hot["item"]
    choices = [
        ("pair", ["pair", b, e]),
        ("unpair", ["unpair", rng.choice([b, e]), "--reason", "stress"]),
        ("request add", ["request", "add", e, "--category", category, "--item", item,
                         "--quantity", str(rng.randint(1, 50)), "--unit", unit]),
        ("enterprise edit", ["enterprise", "edit", e, "--phone", f"0{rng.randint(10**9, 10**10 - 1)}"]),
    ]
    if r:
        choices += [
            ("deliver", ["request", "deliver", r, str(rng.randint(1, 20))]),
            ("done", ["request", "done", r]),
            ("cancel", ["request", "cancel", r, "--reason", "stress"]),
            ("reopen", ["request", "reopen", r, "--reason", "stress"]),
        ]
    if hot["leads"]:
        number, login = rng.choice(sorted(hot["leads"].items()))
        choices.append(("resumption", ["enterprise", "edit", f"E{number}", "--resumption", f"{rng.randint(0, 100)}%"], login))
    kind, argv, *login = rng.choice(choices)
    return kind, argv, (login[0] if login else None)


def reason(stderr):
    """The refusal's first line with its numbers and codes blanked, so equal reasons group."""
    line = next((l for l in stderr.splitlines() if l.strip()), "(no message)")
    line = re.sub(r"\b[BER]\d+\b", "X", line)
    return re.sub(r"\d+(\.\d+)?", "#", line)[:110]


def worker(args):
    bin_path, db_path, count, seed, hot, index = args
    rng = random.Random(seed)
    results = []
    for _ in range(count):
        kind, argv, login = random_command(rng, hot)
        target, env, acting = writer_target(db_path, index, login)
        started = time.perf_counter()
        done = subprocess.run([bin_path, *argv, *acting, "--db", target, "--lang", "en"], capture_output=True, text=True, env=env)
        results.append((kind, done.returncode, time.perf_counter() - started,
                        reason(done.stderr) if done.returncode else ""))
    return results


def random_console_operation(rng, hot, lead_enterprise):
    """A console operation as the script lines that make it (a form, when one opens, is submitted)."""
    r = f"R{rng.choice(hot['requests'])}" if hot["requests"] else None
    category, item, unit = hot["item"]
    if lead_enterprise is not None:
        e = f"E{lead_enterprise}"
        choices = [("resumption", [f":resume {e} {rng.randint(1, 99)}%"]),
                   ("request add", [f":file {e} {category} {item} {rng.randint(1, 50)} {unit}"])]
    else:
        e = f"E{rng.choice(hot['enterprises'])}"
        b = f"B{rng.choice(hot['branches'])}"
        choices = [("pair", [f":pair {b} {e}"]),
                   ("unpair", [f":unpair {rng.choice([b, e])} stress"]),
                   ("request add", [f":file {e} {category} {item} {rng.randint(1, 50)} {unit}"]),
                   ("resumption", [f":resume {e} {rng.randint(1, 99)}%"])]
    if r:
        choices += [("deliver", [f":deliver {r} {rng.randint(1, 20)}"]), ("done", [f":done {r}"])]
    kind, lines = rng.choice(choices)
    return "console " + kind, lines


class ConsoleSession:
    """One `tandem console --headless-script -`: a line in, an outcome line out."""

    def __init__(self, bin_path, db_path, login, index):
        self.stderr = tempfile.TemporaryFile()
        target, env, acting = writer_target(db_path, index, login)
        self.process = subprocess.Popen(
            [bin_path, "console", "--headless-script", "-", "--db", target, "--lang", "en", *acting],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.stderr, text=True, bufsize=1, env=env)

    def send(self, line):
        """(outcome, form open, message), or None when the session died."""
        try:
            self.process.stdin.write(line + "\n")
            self.process.stdin.flush()
        except BrokenPipeError:
            return None
        reply = self.process.stdout.readline()
        if not reply:
            return None
        outcome, form, message = (reply.rstrip("\n").split("\t", 2) + ["", ""])[:3]
        return outcome, form == "form", message

    def operation(self, lines):
        """Runs one operation: (exit-code-like status, refusal reason). 0 applied, 1 refused, 2 died."""
        for line in lines:
            result = self.send(line)
            if result is None:
                return 2, "console session died"
            outcome, form, message = result
            if form:
                # The command opened its form (unpair, file): submit it as the user would.
                result = self.send("keys Enter")
                if result is None:
                    return 2, "console session died"
                outcome, form, message = result
                if form:
                    self.send("keys Esc")
                    return 1, reason(message)
            if outcome != "applied":
                return 1, reason(message or outcome)
        return 0, ""

    def close(self):
        """The session's exit code and what it wrote on stderr (waits for others are said there)."""
        try:
            self.process.stdin.close()
        except BrokenPipeError:
            pass
        code = self.process.wait()
        self.stderr.seek(0)
        return code, self.stderr.read().decode(errors="replace")


def console_worker(args):
    bin_path, db_path, count, seed, hot, lead, index = args
    rng = random.Random(seed)
    login, enterprise = lead if lead else ("dispatcher", None)
    session = ConsoleSession(bin_path, db_path, login, index)
    results = []
    for _ in range(count):
        kind, lines = random_console_operation(rng, hot, enterprise)
        started = time.perf_counter()
        status, why = session.operation(lines)
        results.append((kind, status, time.perf_counter() - started, why))
        if status == 2:
            break
    code, stderr = session.close()
    if code != 0:
        results.append(("console session", code if code not in (0, 1) else 3, 0.0, stderr.strip()[-300:]))
    return results


def run_writer(args):
    return console_worker(args[1:]) if args[0] == "console" else worker(args[1:])


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def main():
    bin_path, db_path, writers, ops = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    seed = int(sys.argv[5]) if len(sys.argv) > 5 else 2020
    rng = random.Random(seed)
    hot = hot_records(db_path, rng)
    with invariants.opened(db_path) as db:
        base = invariants.baseline(db)
    consoles = int(os.environ.get("STRESS_CONSOLE_WRITERS", writers // 2))
    leads = sorted((login, e) for e, login in hot["leads"].items())
    jobs = []
    for i in range(writers):
        if i < consoles:
            # Every other console session is a branch lead working on their own enterprise.
            lead = leads[(i // 2) % len(leads)] if i % 2 == 1 and leads else None
            jobs.append(("console", bin_path, db_path, ops, seed * 1000 + i, hot, lead, i))
        else:
            jobs.append(("cli", bin_path, db_path, ops, seed * 1000 + i, hot, i))
    started = time.perf_counter()
    with Pool(writers) as pool:
        batches = pool.map(run_writer, jobs)
    elapsed = time.perf_counter() - started
    results = [r for batch in batches for r in batch]
    latencies = [r[2] for r in results]
    succeeded = Counter(r[0] for r in results if r[1] == 0)
    refused = Counter(r[3] for r in results if r[1] == 1)
    crashed = Counter(f"{r[0]}: exit {r[1]}" + (f" ({r[3][:200]})" if r[0].startswith("console") else "")
                      for r in results if r[1] not in (0, 1))
    load = os.getloadavg()
    where = f" from {len(POSTGRES_HOSTS)} hosts ({', '.join(POSTGRES_HOSTS)}) on PostgreSQL" if POSTGRES_HOSTS else ""
    print(f"stress: {writers} writers ({writers - consoles} CLI, {consoles} console sessions{where}) x {ops} operations "
          f"on {len(hot['enterprises'])} enterprises, "
          f"{len(hot['branches'])} branches, {len(hot['requests'])} requests (hot)")
    print(f"  {len(results)} operations in {elapsed:.1f} s: {len(results) / elapsed:.1f} ops/s, "
          f"latency p50 {percentile(latencies, 0.5) * 1000:.0f} ms, p99 {percentile(latencies, 0.99) * 1000:.0f} ms, "
          f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    print(f"  succeeded {sum(succeeded.values())}: " + ", ".join(f"{k} {v}" for k, v in sorted(succeeded.items())))
    print(f"  refused {sum(refused.values())}:")
    for text, count in refused.most_common():
        print(f"    {count:6d}  {text}")
    problems = [f"crashed or unexpected exit: {k} ({v}x)" for k, v in crashed.items()]
    # Not refusals a user should ever see: the store must wait for, or retry after, other writers.
    transient = ("locked", "busy", "could not serialize", "deadlock", "database failed", "could not read", "permission denied",
                 "row-level security")
    locked = sum(v for k, v in refused.items() if any(word in k.lower() for word in transient))
    if locked:
        problems.append(f"{locked} operations failed with a database error (locked, busy, serialization, permission)")
    with invariants.opened(db_path) as db:
        problems += invariants.violations(db, base)
        added = db.execute("SELECT count(*) FROM audit_event WHERE id > ?", (base["audit_max"],)).fetchone()[0]
    if added != sum(succeeded.values()):
        problems.append(f"{sum(succeeded.values())} successful operations but {added} audit events added")
    for name, ok, output in tandem_cli.checks(bin_path, db_path):
        print(f"  {name}: {'ok' if ok else 'FAILED'}")
        if not ok:
            problems.append(f"{name}: {output[:500]}")
    print(f"  audit events added {added}; violations {len(problems)}")
    for problem in problems:
        print("  violation:", problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
