#!/usr/bin/env bash
# Installs juesuan under PREFIX (default ~/.local), no sudo:
#   PREFIX/bin/juesuan                         release build, Swift runtime linked in statically
#   PREFIX/share/juesuan/                      README, LICENSE, docs, grammar, the VS Code .vsix
#   PREFIX/share/nvim/site/pack/juesuan/start/juesuan   the Neovim plugin (on Neovim's path for ~/.local)
#   PREFIX/share/emacs/site-lisp/juesuan-mode.el        the Emacs mode
# Usage: scripts/install.sh [PREFIX]      Environment: JUESUAN_SKIP_BUILD=1 installs the binary
# already at .build/release/juesuan (it must be a static build).
set -euo pipefail
cd "$(dirname "$0")/.."
PREFIX="${1:-$HOME/.local}"
case "$PREFIX" in /*) ;; *) PREFIX="$PWD/$PREFIX" ;; esac

if [ "${JUESUAN_SKIP_BUILD:-}" != 1 ]; then
    echo "install: building (swift build -c release --static-swift-stdlib) …"
    swift build -c release --static-swift-stdlib --product juesuan
fi
BIN=.build/release/juesuan
if ldd "$BIN" 2>/dev/null | grep -Eq 'lib(swift|Foundation|dispatch|BlocksRuntime|_FoundationICU)'; then
    echo "install: $BIN still needs the Swift runtime (not a --static-swift-stdlib build):" >&2
    ldd "$BIN" | grep -E 'lib(swift|Foundation|dispatch|BlocksRuntime|_FoundationICU)' >&2
    exit 1
fi

SHARE="$PREFIX/share/juesuan"
NVIM="$PREFIX/share/nvim/site/pack/juesuan/start/juesuan"
ELISP="$PREFIX/share/emacs/site-lisp"
mkdir -p "$PREFIX/bin" "$SHARE" "$NVIM" "$ELISP"
# Write the binary beside its destination, then rename: a running server keeps its old file.
install -m 755 "$BIN" "$PREFIX/bin/.juesuan.new"
mv -f "$PREFIX/bin/.juesuan.new" "$PREFIX/bin/juesuan"

install -m 644 README.md LICENSE "$SHARE/"
rm -rf "$SHARE/docs" "$SHARE/grammar" "$NVIM"
cp -R docs "$SHARE/docs"
mkdir -p "$SHARE/grammar" "$NVIM"
install -m 644 grammar/juesuan.tmLanguage.json grammar/juesuan.ebnf grammar/DECISIONS.md "$SHARE/grammar/"
# The Neovim plugin without its tests.
for part in ftdetect ftplugin lua plugin syntax; do cp -R "editors/nvim/$part" "$NVIM/"; done
install -m 644 editors/emacs/juesuan-mode.el "$ELISP/"
VSIX=""
if command -v python3 >/dev/null 2>&1; then
    python3 scripts/package-vscode.py --out "$SHARE" >/dev/null && VSIX=$(ls "$SHARE"/juesuan-*.vsix | tail -n 1)
fi

echo "install: $("$PREFIX/bin/juesuan" --version) → $PREFIX/bin/juesuan"
case ":$PATH:" in
    *":$PREFIX/bin:"*) ;;
    *) echo "install: $PREFIX/bin is not on PATH; add to your shell profile:  export PATH=\"$PREFIX/bin:\$PATH\"" ;;
esac
echo "install: Neovim plugin → $NVIM"
[ "$PREFIX" = "$HOME/.local" ] || echo "         (add to init.lua:  vim.opt.packpath:append('$PREFIX/share/nvim/site'))"
echo "install: Emacs mode → $ELISP/juesuan-mode.el   (init.el: (add-to-list 'load-path \"$ELISP\") (require 'juesuan-mode))"
[ -n "$VSIX" ] && echo "install: VS Code → code --install-extension $VSIX"
exit 0
