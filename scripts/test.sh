#!/usr/bin/env bash
# Runs every test of the project: the Swift suites, then the end-to-end tests that drive the
# built binary through real clients (Python LSP client, Neovim, Emacs, VS Code client under Node).
# Installs what those need (apt-get, pip into a virtual environment) on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== swift build"
swift build --build-tests

echo "== swift test"
swift test --skip-build 2>&1 | tee .build/swift-test.log
grep -Eq "Executed [0-9]+ tests?, with 0 failures" .build/swift-test.log

status=0
# The Swift suites passed above; each script below is one more stage.
passed=1
failed=0
if [ -x scripts/test-e2e.sh ]; then
    echo "== end-to-end: language server through a Python LSP client"
    if scripts/test-e2e.sh; then passed=$((passed + 1)); else failed=$((failed + 1)); status=1; fi
fi
if [ -x scripts/test-import-formats.sh ]; then
    echo "== import of PDF and .docx files"
    if scripts/test-import-formats.sh; then passed=$((passed + 1)); else failed=$((failed + 1)); status=1; fi
fi
if [ -x scripts/test-editors.sh ]; then
    echo "== editors and grammar"
    if scripts/test-editors.sh; then passed=$((passed + 1)); else failed=$((failed + 1)); status=1; fi
fi
if [ -x scripts/test-html.sh ]; then
    echo "== review page: lint --format html rendered by headless Chromium (screenshots in .build/artifacts/)"
    if scripts/test-html.sh; then passed=$((passed + 1)); else failed=$((failed + 1)); status=1; fi
fi
if [ -x scripts/test-render.sh ]; then
    echo "== render: juesuan render → Chromium PDF → pdftotext → import round trip (artefacts in .build/artifacts/render/)"
    if scripts/test-render.sh; then passed=$((passed + 1)); else failed=$((failed + 1)); status=1; fi
fi
if [ -x scripts/test-install.sh ]; then
    echo "== install: static release build into a temporary prefix, run without the toolchain"
    if scripts/test-install.sh; then passed=$((passed + 1)); else failed=$((failed + 1)); status=1; fi
fi
if [ -x scripts/test-fuzz.sh ]; then
    echo "== fuzz: extreme numbers for 60 s"
    if scripts/test-fuzz.sh 60; then passed=$((passed + 1)); else failed=$((failed + 1)); status=1; fi
fi
echo "== summary (the Swift suites and each end-to-end script)"
echo "stages: $passed passed, $failed failed"
exit $status
