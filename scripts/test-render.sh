#!/usr/bin/env bash
# `juesuan render` round trip: each example and imported seed is rendered to HTML, printed to PDF
# by headless Chromium (Debian's chromium), turned back into text by `pdftotext -layout` (Debian's
# poppler-utils) and read by `juesuan import`; Tests/render/compare_tables.py compares the
# standard tables (codes, labels, figures) with the source's.
#
# The tables listed in Tests/render/roundtrip-expected.txt (today every standard table, see
# docs/render.md) must round-trip exactly (a regression fails); others are printed with what differs. Keeps the PDFs, the texts and a PNG of the 公开01 page in
# .build/artifacts/render/. Expects the binary built:  swift build --product juesuan
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.build/debug/juesuan
if [ ! -x "$BIN" ]; then
    echo "test-render: no binary at $BIN — build it first: swift build --product juesuan" >&2
    exit 2
fi
CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$CHROMIUM" ] || ! command -v pdftotext >/dev/null || ! command -v pdftoppm >/dev/null; then
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium poppler-utils
    CHROMIUM=$(command -v chromium)
fi
out=.build/artifacts/render
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
chrome() { timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run \
    --user-data-dir="$tmp/profile" --hide-scrollbars "$@" 2>/dev/null; }

status=0
summary=""
# The comparison itself: a source against itself is alike in every table; one figure changed in
# 公开02 (a table the expectations list) must fail.
self=$(python3 Tests/render/compare_tables.py examples/zhushan-2024.juesuan examples/zhushan-2024.juesuan --name zhushan-2024 | grep '^RESULT')
case $self in *"tables=10/10 rows=133/133"*) ;; *) echo "test-render: compare_tables.py: the example differs from itself: $self" >&2; status=1 ;; esac
sed '0,/^208      社会保障和就业支出                  23.10/s//208      社会保障和就业支出                  23.11/' examples/zhushan-2024.juesuan > "$tmp/changed.juesuan"
if python3 Tests/render/compare_tables.py examples/zhushan-2024.juesuan "$tmp/changed.juesuan" --name zhushan-2024 \
        --expect Tests/render/roundtrip-expected.txt >/dev/null 2>&1; then
    echo "test-render: compare_tables.py did not notice a changed figure" >&2; status=1
fi
for source in examples/zhushan-2024.juesuan examples/imported/*.juesuan; do
    name=$(basename "$source" .juesuan)
    echo "== $source"
    # Deterministic: two renderings give the same bytes.
    "$BIN" render --no-config --allow-errors "$source" -o "$out/$name.html" 2>/dev/null
    "$BIN" render --no-config --allow-errors "$source" -o "$tmp/$name.again.html" 2>/dev/null
    cmp -s "$out/$name.html" "$tmp/$name.again.html" || { echo "test-render: $source renders differently twice" >&2; status=1; }
    chrome --no-pdf-header-footer --print-to-pdf="$out/$name.pdf" "file://$(pwd)/$out/$name.html" >/dev/null
    [ -s "$out/$name.pdf" ] || { echo "test-render: no PDF for $source" >&2; status=1; continue; }
    # pdftotext separates pages with a form feed; the importer reads lines.
    pdftotext -layout "$out/$name.pdf" - | tr '\f' '\n' > "$out/$name.txt"
    "$BIN" import -q "$out/$name.txt" -o "$out/$name.imported.juesuan"
    python3 Tests/render/compare_tables.py "$source" "$out/$name.imported.juesuan" --name "$name" \
        --expect Tests/render/roundtrip-expected.txt | tee "$tmp/compare.txt" || status=1
    summary+=$(grep '^RESULT' "$tmp/compare.txt" || true)$'\n'
done

# The Word document: a valid zip (CRC of each entry checked by Python's zipfile), well-formed
# WordprocessingML holding every figure of the example's tables.
"$BIN" render --no-config --allow-errors examples/zhushan-2024.juesuan -o "$out/zhushan-2024.docx" 2>/dev/null
python3 - "$out/zhushan-2024.docx" examples/zhushan-2024.juesuan <<'PY' || status=1
import sys, zipfile, xml.dom.minidom
sys.path.insert(0, "Tests/render")
from compare_tables import parse
archive = zipfile.ZipFile(sys.argv[1])
assert archive.testzip() is None, "bad CRC"
texts = []
for name in archive.namelist():
    dom = xml.dom.minidom.parseString(archive.read(name))
    texts += [node.firstChild.data for node in dom.getElementsByTagName("w:t") if node.firstChild]
texts = set(texts)
missing = [(t, r) for t, rows in parse(sys.argv[2]).items() for r in rows for f in r[3] if f not in texts]
assert not missing, f"figures missing from the .docx: {missing[:5]}"
print(f"docx: {len(archive.namelist())} parts, every table figure present")
PY

# A PNG of the printed 公开01 page of the example (the page that holds its title after the 目录).
pages=$(pdfinfo "$out/zhushan-2024.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
page=""
for k in $(seq 1 "${pages:-0}"); do
    if pdftotext -f "$k" -l "$k" -layout "$out/zhushan-2024.pdf" - | grep -q "公开01表$"; then page=$k; break; fi
done
if [ -n "$page" ]; then
    pdftoppm -f "$page" -l "$page" -png -r 90 -singlefile "$out/zhushan-2024.pdf" "$out/gongkai01"
fi
[ -s "$out/gongkai01.png" ] || { echo "test-render: no PNG of the 公开01 page" >&2; status=1; }

echo "== round trip today (tables exactly alike / rows alike):"
printf '%s' "$summary"
[ $status = 0 ] && echo "test-render: ok — HTML, PDF, text and the 公开01 page in $out/"
exit $status
