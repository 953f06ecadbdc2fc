#!/bin/sh
# Sets up the end-to-end tests: a venv with pytest and pytest-lsp (which brings pygls and
# lsprotocol), and the debug build of juesuan that the tests drive over stdio.
# Run from the repository root:  scripts/e2e-setup.sh && .venv/bin/pytest Tests/e2e
set -eu
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/pip install --quiet pytest==8.3.5 pytest-lsp==1.0.0
swift build --product juesuan
# The tests: scripts/test-e2e.sh (installs the same venv on first use).
