#!/usr/bin/env python3
"""Runs Tandem's `engine solve` and the reference solvers on generated
instances, checks that all optimal costs agree, and prints a Markdown table of
median times (solve only, and Tandem's whole process including parsing) with
the ratios Tandem / fastest reference.  Called by bench/engine/run.sh."""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time

# name: (gen.py arguments, reference solvers, reference solvers only with --all-refs)
INSTANCES = {
    "d1000": (["dense", "--rows", "1000"], ["scipy", "lapjv", "ortools-lsa"], []),
    "d2000": (["dense", "--rows", "2000"], ["scipy", "lapjv", "ortools-lsa"], []),
    "d4000": (["dense", "--rows", "4000"], ["scipy", "lapjv", "ortools-lsa"], []),
    "s10k": (["sparse", "--rows", "10000", "--k", "30"], ["scipy-sparse", "lapmod", "ortools-lsa"], []),
    "s50k": (["sparse", "--rows", "50000", "--k", "30"], ["lapmod", "ortools-lsa"], ["scipy-sparse"]),
    "s100k": (["sparse", "--rows", "100000", "--k", "30"], ["ortools-lsa"], ["scipy-sparse", "lapmod"]),
    "s200k": (["sparse", "--rows", "200000", "--k", "30"], ["ortools-lsa"], ["scipy-sparse", "lapmod"]),
    # shapes for checking costs against the references (rectangular both ways, radius graphs,
    # tight k-nearest graphs with fallback edges, nearly square)
    "r3000x2500": (["sparse", "--rows", "3000", "--cols", "2500", "--k", "10"], ["scipy", "ortools-mcf"], []),
    "r2500x3000": (["sparse", "--rows", "2500", "--cols", "3000", "--k", "10"], ["scipy", "ortools-mcf"], []),
    "d300x500": (["dense", "--rows", "300", "--cols", "500"], ["scipy", "ortools-mcf"], []),
    "d500x300": (["dense", "--rows", "500", "--cols", "300"], ["scipy", "ortools-mcf"], []),
    "radius4000x3000": (["sparse", "--rows", "4000", "--cols", "3000", "--radius", "3000"],
                        ["scipy", "ortools-mcf"], []),
    "s5000k3": (["sparse", "--rows", "5000", "--k", "3"], ["scipy", "lapjv", "ortools-lsa"], []),
    "r6000x5950k6": (["sparse", "--rows", "6000", "--cols", "5950", "--k", "6"], ["scipy", "ortools-mcf"], []),
}
SIZES = {
    "small": ["d1000", "d2000", "s10k", "s50k"],
    "full": ["d2000", "d4000", "s10k", "s50k", "s100k", "s200k"],
    "verify": ["r3000x2500", "r2500x3000", "d300x500", "d500x300", "radius4000x3000", "s5000k3", "r6000x5950k6"],
}


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def generate(name, shared, out):
    path = os.path.join(out, f"{name}.txt")
    if not os.path.exists(path):
        log(f"bench: generating {path}")
        args = INSTANCES[name][0]
        subprocess.run([sys.executable, os.path.join(shared, "gen.py"), *args, "--seed", "1", "--out", path],
                       check=True, stdout=subprocess.DEVNULL)
    return path


def run_tandem(tandem, path, repeat):
    solves, wholes, cost = [], [], None
    for _ in range(repeat):
        t = time.perf_counter()
        p = subprocess.run([tandem, "engine", "solve", path, "--time"], capture_output=True, text=True)
        whole = time.perf_counter() - t
        if p.returncode != 0:
            raise RuntimeError(f"tandem failed ({p.returncode}): {p.stderr.strip()}")
        out = dict(line.split(" ", 1) for line in p.stdout.splitlines() if " " in line)
        err = dict(line.split(" ", 1) for line in p.stderr.splitlines() if " " in line)
        this_cost = int(out["cost"])
        if cost is not None and this_cost != cost:
            raise RuntimeError(f"tandem cost differs between runs: {cost} vs {this_cost}")
        cost = this_cost
        solves.append(float(err["solve_seconds"]))
        wholes.append(whole)
    return cost, statistics.median(solves), statistics.median(wholes)


def run_references(shared, path, solvers, repeat):
    p = subprocess.run([sys.executable, os.path.join(shared, "solve_ref.py"), path, "--solver", ",".join(solvers),
                        "--repeat", str(repeat), "--single-if-over", "20", "--json"],
                       capture_output=True, text=True)
    results = {}
    for line in p.stdout.splitlines():
        if line.startswith("{"):
            r = json.loads(line)
            if "error" in r:
                log(f"bench: {r['solver']}: {r['error']}")
            else:
                results[r["solver"]] = (int(r["cost"]), float(r["solve_s"]))
    if p.returncode == 2:
        raise RuntimeError(f"reference solvers disagree on {path}:\n{p.stdout}")
    return results


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--tandem", required=True)
    ap.add_argument("--shared", required=True, help="folder holding gen.py and solve_ref.py")
    ap.add_argument("--out", required=True)
    ap.add_argument("--sizes", default="full")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--all-refs", action="store_true", default=os.environ.get("BENCH_ALL_REFS") == "1",
                    help="also run the slow references (SciPy and lapmod on large sparse instances)")
    a = ap.parse_args()
    names = SIZES.get(a.sizes, [s.strip() for s in a.sizes.split(",") if s.strip()])
    for n in names:
        if n not in INSTANCES:
            ap.error(f"unknown size {n}; choose from {', '.join(INSTANCES)} or small/full")

    rows, mismatches = [], []
    for name in names:
        path = generate(name, a.shared, a.out)
        _, refs, slow_refs = INSTANCES[name]
        solvers = refs + (slow_refs if a.all_refs else [])
        log(f"bench: {name}: tandem")
        cost, solve, whole = run_tandem(a.tandem, path, a.repeat)
        log(f"bench: {name}: references {','.join(solvers)}")
        ref = run_references(a.shared, path, solvers, a.repeat)
        for solver, (ref_cost, _) in ref.items():
            if ref_cost != cost:
                mismatches.append(f"{name}: tandem {cost} != {solver} {ref_cost}")
        if not ref:
            mismatches.append(f"{name}: no reference solver produced a result")
            continue
        fastest = min(ref, key=lambda s: ref[s][1])
        best = ref[fastest][1]
        rows.append((name, cost, solve, whole, fastest, best, ref))

    header = ("| instance | optimal cost | Tandem solve | Tandem whole process | fastest reference | "
              "solve ratio | process ratio | all references (solve) |")
    lines = [header, "|---|---|---|---|---|---|---|---|"]
    for name, cost, solve, whole, fastest, best, ref in rows:
        others = ", ".join(f"{s} {t:.3f} s" for s, (_, t) in sorted(ref.items(), key=lambda kv: kv[1][1]))
        lines.append(f"| {name} | {cost} | {solve:.3f} s | {whole:.3f} s | {fastest} {best:.3f} s | "
                     f"{solve / best:.2f} | {whole / best:.2f} | {others} |")
    table = "\n".join(lines)
    print(table)
    with open(os.path.join(a.out, "results.md"), "w") as f:
        f.write(table + "\n")
    if mismatches:
        print("COST MISMATCH:\n" + "\n".join(mismatches))
        return 1
    print(f"all costs agree ({len(rows)} instances; medians of {a.repeat}; "
          "ratios: Tandem / fastest reference solve time)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
