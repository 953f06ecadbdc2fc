#!/usr/bin/env bash
# The HTML review page (`juesuan lint --format html`) rendered by a real browser: installs
# Debian's chromium when missing, writes the page for the example reports, lets headless Chromium
# run its script and dump the DOM (desktop and phone width), checks every finding sits at its cell
# (Tests/html/check_review_page.py), and keeps screenshots as CI artefacts in .build/artifacts/.
# Expects the binary built:  swift build --product juesuan
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.build/debug/juesuan
if [ ! -x "$BIN" ]; then
    echo "test-html: no binary at $BIN — build it first: swift build --product juesuan" >&2
    exit 2
fi
CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$CHROMIUM" ]; then
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium
    CHROMIUM=$(command -v chromium)
fi
out=.build/artifacts
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/reports/imported"
cp examples/zhushan-2024.juesuan examples/deliberate-errors.juesuan "$tmp/reports/"
cp examples/imported/*.juesuan "$tmp/reports/imported/"

set +e
"$BIN" lint --no-config --format html -o "$out/review.html" "$tmp/reports" 2> "$tmp/lint.err"
status=$?
"$BIN" lint --no-config --format json "$tmp/reports" > "$out/review.json" 2>/dev/null
set -e
[ "$status" = 1 ] || { cat "$tmp/lint.err"; echo "test-html: lint exited $status, expected 1 (the examples have errors)" >&2; exit 1; }
grep -q "已写入" "$tmp/lint.err" || { echo "test-html: no confirmation on stderr" >&2; exit 1; }

page="file://$(cd "$out" && pwd)/review.html"
chrome() { timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run \
    --user-data-dir="$tmp/profile" --hide-scrollbars "$@" 2>/dev/null; }
chrome --window-size=1280,900 --virtual-time-budget=5000 --dump-dom "$page" > "$out/review.dom.html"
chrome --window-size=412,915 --virtual-time-budget=5000 --dump-dom "$page" > "$out/review.phone.dom.html"
python3 Tests/html/check_review_page.py "$out/review.json" "$out/review.dom.html" "$out/review.phone.dom.html"

chrome --window-size=1280,2400 --screenshot="$out/review-desktop.png" "$page" >/dev/null
chrome --window-size=412,2400 --screenshot="$out/review-phone.png" "$page" >/dev/null
for png in "$out/review-desktop.png" "$out/review-phone.png"; do
    [ -s "$png" ] || { echo "test-html: no screenshot $png" >&2; exit 1; }
done
echo "test-html: ok — page, DOM and screenshots in $out/"
