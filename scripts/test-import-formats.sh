#!/usr/bin/env bash
# `juesuan import` of PDF and Word files: makes a .docx and a PDF of each seed (python-docx,
# reportlab with the WenQuanYi font), imports them and checks that they give the same tables and 绩效
# blocks as the text, then
# runs `juesuan import x.pdf | juesuan lint -` end to end. Installs poppler-utils and the font with
# apt-get, the Python packages into .venv-import.
# Expects the binary built:  swift build --product juesuan
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.build/debug/juesuan
[ -x "$bin" ] || { echo "test-import-formats: build first: swift build --product juesuan" >&2; exit 2; }
font=/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc
if ! command -v pdftotext >/dev/null || [ ! -f "$font" ]; then
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
    $SUDO apt-get install -y -qq poppler-utils fonts-wqy-zenhei >/dev/null || { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq poppler-utils fonts-wqy-zenhei >/dev/null; }
fi
if [ ! -x .venv-import/bin/python ] || ! .venv-import/bin/python -c "import docx, reportlab" 2>/dev/null; then
    python3 -m venv .venv-import
    .venv-import/bin/pip install --quiet --disable-pip-version-check python-docx==1.2.0 reportlab==4.2.5
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Every seed: 001 (Hebei self-evaluations), 002 (2022+ layout, 10 tables), 003 (部门整体 table one cell
# a line), 004 (section scorecards in prose).
for number in 001 002 003 004; do
    seed=$(ls examples/seeds/${number}_*.txt)
    .venv-import/bin/python Tests/import-formats/make_documents.py "$seed" "$work/$number.docx" "$work/$number.pdf" "$font"
    "$bin" import -q "$seed" -o "$work/$number-text.juesuan"
    "$bin" import -q "$work/$number.docx" -o "$work/$number-docx.juesuan"
    "$bin" import -q "$work/$number.pdf" -o "$work/$number-pdf.juesuan"
    echo "== seed $number: .docx against text"
    .venv-import/bin/python Tests/import-formats/compare_tables.py "$work/$number-text.juesuan" "$work/$number-docx.juesuan"
    echo "== seed $number: PDF against text"
    .venv-import/bin/python Tests/import-formats/compare_tables.py "$work/$number-text.juesuan" "$work/$number-pdf.juesuan"
    # The same figures placed, from each kind of file.
    for kind in docx pdf; do
        a=$("$bin" import "$seed" 2>&1 >/dev/null | grep "已归位")
        b=$("$bin" import "$work/$number.$kind" 2>&1 >/dev/null | grep "已归位")
        [ "$a" = "$b" ] || { echo "seed $number: coverage from .$kind differs: $b (text: $a)"; exit 1; }
    done
    echo "   coverage: $a"
done
echo "== juesuan import x.pdf | juesuan lint -"
set +e
"$bin" import "$work/002.pdf" 2>"$work/summary.txt" | "$bin" lint - >"$work/lint.txt"
status=${PIPESTATUS[1]}
set -e
grep -q "标准表 10 张" "$work/summary.txt" || { echo "PDF import summary lacks the 10 tables:"; cat "$work/summary.txt"; exit 1; }
# lint exits 0 (clean) or 1 (findings); 2 would be a usage or input error.
[ "$status" -le 1 ] || { echo "lint failed with status $status"; exit 1; }
grep -q "A2\|P6\|T8\|N5" "$work/lint.txt" || { echo "lint of the imported PDF found nothing"; exit 1; }
# A PDF without pdftotext on PATH: a clear message and status 2.
set +e
PATH=/nonexistent "$bin" import "$work/002.pdf" >/dev/null 2>"$work/missing.txt"
status=$?
set -e
[ "$status" = 2 ] && grep -q "poppler-utils" "$work/missing.txt" || { echo "no clear message without pdftotext"; cat "$work/missing.txt"; exit 1; }
echo "test-import-formats: ok"
