#!/bin/bash
# Bounded fuzz runs: libFuzzer on the engine's instance parser, every importer through the
# binary (import_fuzz.py), then the deterministic mutation suites (Tests/FuzzTests: instance
# parser and config loader), SECONDS each.
# Usage: Tests/fuzz/run.sh [SECONDS] [--skip-suites]   (default 10; make fuzz passes more;
#        make test passes --skip-suites: its `swift test` already ran the suites briefly)
# A crash leaves its input in .build/fuzz/ (libFuzzer) or names its seed (TANDEM_FUZZ_SEED).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
SECONDS_EACH=${1:-10}
out=$root/.build/fuzz
mkdir -p "$out/corpus"
rm -f "$out"/crash-* "$out"/timeout-* "$out"/leak-* "$out"/oom-*
sources=("$root"/Sources/AssignmentSolver/*.swift "$here/InstanceParserFuzzer.swift")
if [ ! -x "$out/instance-parser-fuzzer" ] || [ -n "$(find "${sources[@]}" -newer "$out/instance-parser-fuzzer")" ]; then
    swiftc -sanitize=fuzzer,address -parse-as-library -module-name AssignmentSolver -Onone -g \
        "${sources[@]}" -o "$out/instance-parser-fuzzer" 2>&1 | { grep -v "Cannot export local symbol '__asan" || true; }
    # (gold warns about each ASan helper symbol; harmless for a test binary)
    [ -x "$out/instance-parser-fuzzer" ]
fi
# Seeds: well-formed instances from the tests' shapes.
printf '2 3 4\r\n1 2 7\n0 0 5\n0 1\t3\n1 0 0\n\n' > "$out/corpus/seed-crlf"
printf '1 1 1\n0 0 1000000000' > "$out/corpus/seed-limit"
printf '3 3 4\n0 0 1\n1 1 2\n2 2 3\n0 2 9\n' > "$out/corpus/seed-sparse"
(cd "$out" && ./instance-parser-fuzzer -max_total_time="$SECONDS_EACH" -max_len=4096 -timeout=10 \
    -print_final_stats=1 corpus 2>&1 | grep -E "^(stat::number_of_executed_units|stat::peak_rss|==[0-9]+==|SUMMARY|#[0-9]+ +DONE)" || true)
# libFuzzer exits non-zero and writes crash-* / leak-* / timeout-* on a finding.
if ls "$out"/crash-* "$out"/timeout-* "$out"/leak-* "$out"/oom-* >/dev/null 2>&1; then
    echo "fuzz: libFuzzer found inputs that break the instance parser: $(ls "$out"/crash-* "$out"/timeout-* "$out"/leak-* 2>/dev/null)"
    exit 1
fi
echo "fuzz: libFuzzer on the instance parser: no crash in ${SECONDS_EACH} s"
# Every importer through the real binary (mutated CSV and XLSX exports, `import --dry-run`).
if [ -x "$root/.build/debug/tandem" ] && "$root/.build/debug/tandem" import --help 2>/dev/null | grep -q "tandem import"; then
    (cd "$out" && TANDEM_CONFIG=${TANDEM_CONFIG:-$root/config} python3 "$here/import_fuzz.py" "$root/.build/debug/tandem" "$SECONDS_EACH")
else
    echo "fuzz: importers skipped: no .build/debug/tandem with \`tandem import\` (run swift build first)"
fi
[ "${2:-}" = --skip-suites ] && exit 0
cd "$root"
TANDEM_FUZZ_SECONDS=$SECONDS_EACH swift test --filter FuzzTests 2>&1 | tail -4
