#!/usr/bin/env bash
# Renders `tandem report coverage --format html` of a demo city in headless Chromium and checks
# what a leader would see: the rendered DOM text (groups, a blind-spot district, the overdue count)
# and a screenshot that is not blank.
# Usage: bash Tests/browser/report.sh [path/to/tandem]
set -euo pipefail
TANDEM=$(realpath "${1:-.build/debug/tandem}")
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export TANDEM_CONFIG="$ROOT/config" TANDEM_DB="$WORK/demo.sqlite"
fail() { echo "report.sh: FAIL: $*" >&2; exit 1; }

command -v chromium >/dev/null || fail "chromium is not installed (make test installs it)"
"$TANDEM" init --demo --scale 150 --seed 2020 >/dev/null
"$TANDEM" report coverage --format html --lang zh --out "$WORK/coverage.html" >/dev/null
"$TANDEM" coverage --by district --format json --lang zh > "$WORK/districts.json"
"$TANDEM" coverage --format json --lang zh > "$WORK/groups.json"

browser() { timeout 120 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$WORK/profile" "$@" 2>/dev/null; }
browser --dump-dom "file://$WORK/coverage.html" > "$WORK/dom.html"
browser --window-size=1280,1600 --screenshot="$WORK/coverage.png" "file://$WORK/coverage.html" >/dev/null

python3 - "$WORK" <<'PY'
import html, json, re, sys, zlib, struct
work = sys.argv[1]
dom = open(f"{work}/dom.html", encoding="utf-8").read()
text = html.unescape(re.sub(r"<[^>]+>", " ", dom))
groups = [r for r in json.load(open(f"{work}/groups.json")) if r["scope"] == "group"]
city = next(r for r in json.load(open(f"{work}/groups.json")) if r["scope"] == "city")
districts = json.load(open(f"{work}/districts.json"))
problems = []
for g in groups:
    if g["name"] not in text: problems.append(f"group {g['name']} not in the rendered page")
blind = [d["name"] for d in districts if d.get("blindSpotDistrict")]
if not blind: problems.append("the demo city should have a blind-spot district")
for name in blind:
    if not re.search(re.escape(name) + r"\s+\S+\s+\d+\s+0\s+0%\s+! 盲区", text):
        problems.append(f"blind-spot district {name} not marked in the table")
if f"逾期需求：共{city['overdue']}条" not in text: problems.append(f"overdue count {city['overdue']} not in the page")
if dom.count('role="img"') < 4: problems.append("expected four charts with role=img")
if "<script" in dom: problems.append("the page must need no script")

# The screenshot: a PNG with many colours, not a blank page (decoded with zlib, no PIL needed).
data = open(f"{work}/coverage.png", "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
pos, chunks = 8, {}
idat = b""
while pos < len(data):
    length, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + length]
    if kind == b"IHDR": width, height, depth, colour = struct.unpack(">IIBB", body[:10])
    if kind == b"IDAT": idat += body
    pos += 12 + length
raw = zlib.decompress(idat)
channels = {2: 3, 6: 4}[colour]
stride = width * channels
colours, prev = set(), bytearray(stride)
for y in range(min(height, 800)):  # the top of the page: header, figures, charts
    f = raw[y * (stride + 1)]
    line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
    for i in range(stride):
        a = line[i - channels] if i >= channels else 0
        b, c = prev[i], prev[i - channels] if i >= channels else 0
        if f == 1: line[i] = (line[i] + a) & 255
        elif f == 2: line[i] = (line[i] + b) & 255
        elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
        elif f == 4:
            p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    if y % 4 == 0:
        for x in range(0, stride, channels * 4): colours.add(bytes(line[x:x + 3]))
    prev = line
if len(colours) < 20: problems.append(f"screenshot looks blank: {len(colours)} colours")
if problems:
    print("\n".join("report.sh: FAIL: " + p for p in problems), file=sys.stderr); sys.exit(1)
print(f"report.sh: ok — {len(groups)} groups, blind spots {', '.join(blind)}, {city['overdue']} overdue, "
      f"screenshot {width}x{height} with {len(colours)} colours")
PY
