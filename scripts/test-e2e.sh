#!/usr/bin/env bash
# End-to-end tests of the language server: the built binary driven over stdio by a real LSP
# client from PyPI (pytest-lsp, on pygls), installed into .venv on first use.
# Expects the server already built:  swift build --product juesuan
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .build/debug/juesuan ]; then
    echo "test-e2e: no server binary at .build/debug/juesuan — build it first: swift build --product juesuan" >&2
    exit 2
fi
if [ ! -x .venv/bin/pytest ] || ! .venv/bin/python -c "import pytest_lsp" 2>/dev/null; then
    python3 -m venv .venv
    .venv/bin/pip install --quiet --disable-pip-version-check pytest==8.3.5 pytest-lsp==1.0.0
fi
.venv/bin/pytest -q Tests/e2e
