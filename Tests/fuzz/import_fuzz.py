#!/usr/bin/env python3
"""Bounded fuzz run of every importer through the real binary: mutated CSV and XLSX exports of a
small demo city go to `tandem import KIND FILE --dry-run`. A refusal (exit 1 with a message) is the
contract for bad input; a signal, a Swift runtime trap or any other exit code is a failure.

Usage: import_fuzz.py BIN SECONDS [SEED]
"""
import os
import random
import subprocess
import sys
import tempfile
import time

KINDS = ["enterprises", "branches", "requests", "operators"]
TOKENS = [b"-1", b"0", b"99999999999999999999", b"1e309", b"nan", b"\x00", b"\xe2\x80\xae", b"\xef\xbb\xbf", b'"',
          b'""', b",", b";", b"\r", b"\n", b"\r\n", b"=1+1", b"@SUM(A1)", b"\xff\xfe", b"\xc3", b"2026-02-30",
          b"1999-01-01", b"E", b"B0", b"R-3", "工".encode(), b"a" * 3000]


def mutate(rng, data):
    data = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        choice = rng.randrange(7)
        if choice == 0 and data:
            data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
        elif choice == 1:
            position = rng.randrange(len(data) + 1)
            data[position:position] = rng.choice(TOKENS)
        elif choice == 2 and data:
            start = rng.randrange(len(data))
            del data[start:start + rng.randint(1, 32)]
        elif choice == 3 and data:
            start = rng.randrange(len(data))
            data[rng.randrange(len(data) + 1):0] = data[start:start + rng.randint(1, 200)]
        elif choice == 4 and data:
            del data[rng.randrange(len(data)):]
        elif choice == 5:
            lines = bytes(data).split(b"\n")
            i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
            data = bytearray(b"\n".join(lines))
        else:
            # A cell replaced by a token: the column parsers are where values overflow.
            cells = bytes(data).split(b",")
            cells[rng.randrange(len(cells))] = rng.choice(TOKENS)
            data = bytearray(b",".join(cells))
    return bytes(data)


def main():
    bin_path, seconds = sys.argv[1], float(sys.argv[2])
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 2020)
    env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8")
    with tempfile.TemporaryDirectory(prefix="tandem-import-fuzz.") as work:
        db = os.path.join(work, "fuzz.sqlite")
        subprocess.run([bin_path, "init", "--demo", "--scale", "20", "--db", db], check=True, capture_output=True, env=env)
        seeds = []
        for kind in KINDS:
            for fmt in ("csv", "xlsx"):
                out = os.path.join(work, f"seed-{kind}.{fmt}")
                done = subprocess.run([bin_path, "export", kind, "--format", fmt, "--out", out, "--db", db],
                                      capture_output=True, env=env)
                if done.returncode == 0:
                    seeds.append((kind, fmt, open(out, "rb").read()))
        if not seeds:
            print("import fuzz: this build exports nothing to mutate", file=sys.stderr)
            return 1
        deadline, runs, refused, failures = time.monotonic() + seconds, 0, 0, []
        while time.monotonic() < deadline:
            kind, fmt, data = rng.choice(seeds)
            path = os.path.join(work, f"input.{fmt}")
            mutated = mutate(rng, data)
            with open(path, "wb") as f:
                f.write(mutated)
            done = subprocess.run([bin_path, "import", kind, path, "--dry-run", "--db", db, "--lang", "en"],
                                  capture_output=True, env=env)
            runs += 1
            stderr = done.stderr.decode(errors="replace")
            if done.returncode not in (0, 1) or "Fatal error" in stderr or (done.returncode == 1 and not stderr.strip()):
                keep = os.path.join(os.getcwd(), f"import-fuzz-failure-{runs}.{fmt}")
                with open(keep, "wb") as f:
                    f.write(mutated)
                failures.append(f"import {kind} {keep}: exit {done.returncode}: {stderr.strip()[:300]}")
            elif done.returncode == 1:
                refused += 1
        print(f"fuzz: {runs} mutated CSV/XLSX imports ({refused} refused with a message), {len(failures)} crashes")
        for failure in failures[:10]:
            print("  failure:", failure)
        return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
