#!/usr/bin/env bash
# Runs every editor and grammar test: the TextMate grammar under textmate-grammar-python, the
# formal grammar against the parser's keywords, Neovim and Emacs end to end (headless), and the
# VS Code client under Node's test runner (with a stand-in vscode module) plus the .vsix.
#
# Installs what they need on a fresh Debian machine: neovim, emacs-nox, elpa-eglot (apt-get,
# as root or through passwordless sudo) and textmate-grammar-python (pip, into .venv-editors).
# Expects the server already built:  swift build --product juesuan
#
#   scripts/test-editors.sh
# Environment: JUESUAN_BIN (default .build/debug/juesuan), JUESUAN_SKIP_INSTALL=1 (no apt/pip).
# The last line is the summary:  editors: N passed, M failed
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

BIN=${JUESUAN_BIN:-$ROOT/.build/debug/juesuan}
case $BIN in /*) ;; *) BIN=$ROOT/$BIN ;; esac
if [ ! -x "$BIN" ]; then
    echo "test-editors: no server binary at $BIN — build it first: swift build --product juesuan" >&2
    echo "editors: 0 passed, 1 failed"
    exit 2
fi
export JUESUAN_BIN=$BIN

VENV=$ROOT/.venv-editors
TEXTMATE_PIN="textmate-grammar-python==0.6.1"

install_apt() {
    local missing=()
    command -v nvim >/dev/null 2>&1 || missing+=(neovim)
    command -v emacs >/dev/null 2>&1 || missing+=(emacs-nox)
    ls -d /usr/share/emacs/site-lisp/elpa/eglot-* >/dev/null 2>&1 || missing+=(elpa-eglot)
    command -v node >/dev/null 2>&1 || missing+=(nodejs)
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo -n"; else
            echo "test-editors: cannot install ${missing[*]} (not root, no passwordless sudo); their tests will skip" >&2
            return 0
        fi
    fi
    echo "== apt-get install ${missing[*]}"
    $sudo apt-get update -qq >/dev/null 2>&1 || true
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
        || echo "test-editors: apt-get install ${missing[*]} failed; their tests will skip" >&2
}

install_venv() {
    if [ ! -x "$VENV/bin/python" ]; then
        echo "== python venv at .venv-editors"
        python3 -m venv "$VENV" || return 1
    fi
    if ! "$VENV/bin/python" -c "import textmate_grammar, onigurumacffi" 2>/dev/null; then
        echo "== pip install $TEXTMATE_PIN"
        "$VENV/bin/pip" install --quiet --disable-pip-version-check "$TEXTMATE_PIN" || return 1
    fi
}

if [ "${JUESUAN_SKIP_INSTALL:-0}" != 1 ]; then
    install_apt
    install_venv || echo "test-editors: could not set up $VENV; grammar tests will skip" >&2
fi
PYTHON=$VENV/bin/python
[ -x "$PYTHON" ] || PYTHON=python3

echo "== tools: $(nvim --version 2>/dev/null | head -1 || echo 'no nvim'); $(emacs --version 2>/dev/null | head -1 || echo 'no emacs'); node $(node --version 2>/dev/null || echo 'missing')"

passed=0
failed=0
skipped=0

echo "== grammar, Neovim and Emacs (Python unittest)"
py_log=$(mktemp)
"$PYTHON" Tests/editors/run.py 2>&1 | tee "$py_log"
summary=$(grep -E '^python: [0-9]+ passed, [0-9]+ failed, [0-9]+ skipped$' "$py_log" | tail -1)
if [ -n "$summary" ]; then
    read -r p f s <<<"$(echo "$summary" | sed -E 's/^python: ([0-9]+) passed, ([0-9]+) failed, ([0-9]+) skipped$/\1 \2 \3/')"
    passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
else
    echo "test-editors: the Python tests did not finish" >&2
    failed=$((failed + 1))
fi
rm -f "$py_log"

echo "== VS Code extension (node --test)"
if command -v node >/dev/null 2>&1; then
    node_log=$(mktemp)
    (cd editors/vscode && PYTHON=python3 node --test --test-reporter=tap test/*.test.js) 2>&1 | tee "$node_log" \
        | grep -E '^(not )?ok |^# (SKIP|tests|pass|fail|skipped)|^ +(not ok|# SKIP)' || true
    count() { grep -E "^# $1 [0-9]+$" "$node_log" | tail -1 | awk '{print $3}'; }
    p=$(count pass); f=$(count fail); s=$(count skipped)
    if [ -n "$p" ] && [ -n "$f" ]; then
        passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + ${s:-0}))
        [ "$f" -gt 0 ] && grep -E -A30 '^ *not ok ' "$node_log" | head -80
    else
        echo "test-editors: node --test did not finish" >&2
        tail -30 "$node_log"
        failed=$((failed + 1))
    fi
    rm -f "$node_log"
else
    echo "test-editors: node is missing; the VS Code tests cannot run" >&2
    failed=$((failed + 1))
fi

[ "$skipped" -gt 0 ] && echo "(${skipped} skipped — see the reasons above)"
echo "editors: ${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ]
