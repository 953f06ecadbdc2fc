#!/usr/bin/env bash
# Tests scripts/install.sh: installs into a temporary prefix (HOME pointed at an empty directory,
# which must stay empty), then checks that the installed binary stands alone — ldd lists no Swift
# runtime library, and `juesuan lint`, `juesuan lsp` and `juesuan lsp --help` run from the prefix
# with the toolchain's directory hidden (an empty tmpfs mounted over it in a private mount
# namespace; where that is not permitted, the dynamic loader's log must name no toolchain file).
# Builds the release binary (swift build -c release --static-swift-stdlib) unless
# JUESUAN_SKIP_BUILD=1 and .build/release/juesuan is already a static build.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
prefix="$tmp/prefix with space"
home="$tmp/home"
mkdir -p "$home"
fail() { echo "test-install: FAIL: $*" >&2; exit 1; }
pass() { echo "test-install: ok: $*"; }

# The build itself (SwiftPM keeps caches in the real HOME), then the install with an empty HOME.
if [ "${JUESUAN_SKIP_BUILD:-}" != 1 ]; then
    swift build -c release --static-swift-stdlib --product juesuan
fi
HOME="$home" JUESUAN_SKIP_BUILD=1 scripts/install.sh "$prefix" > "$tmp/install.log" || { cat "$tmp/install.log"; fail "install.sh failed"; }
bin="$prefix/bin/juesuan"
[ -x "$bin" ] || fail "no $bin"
[ -z "$(ls -A "$home")" ] || fail "install.sh wrote into HOME: $(ls -A "$home")"
for file in share/juesuan/LICENSE share/juesuan/README.md share/juesuan/docs/lint.md share/juesuan/docs/rules.md share/juesuan/grammar/juesuan.tmLanguage.json \
            share/nvim/site/pack/juesuan/start/juesuan/plugin/juesuan.lua share/nvim/site/pack/juesuan/start/juesuan/syntax/juesuan.vim \
            share/emacs/site-lisp/juesuan-mode.el; do
    [ -f "$prefix/$file" ] || fail "missing $file"
done
[ ! -e "$prefix/share/nvim/site/pack/juesuan/start/juesuan/test" ] || fail "the Neovim tests were installed"
if command -v python3 >/dev/null; then ls "$prefix"/share/juesuan/juesuan-*.vsix >/dev/null || fail "no .vsix"; fi
pass "files in place, nothing outside the prefix"

# No Swift runtime library needed.
if ldd "$bin" | grep -E 'lib(swift|Foundation|dispatch|BlocksRuntime|_FoundationICU)'; then fail "ldd lists Swift runtime libraries"; fi
toolchain=$(dirname "$(dirname "$(readlink -f "$(command -v swift)")")")
if readelf -d "$bin" | grep -E 'R(UN)?PATH' | grep -F "$toolchain"; then fail "the binary's run path names the toolchain"; fi
pass "ldd: $(ldd "$bin" | awk '{print $1}' | tr '\n' ' ')"

# Run from the prefix with the toolchain out of reach.
if unshare -m --propagation private true 2>/dev/null && unshare -m --propagation private sh -c "mount -t tmpfs tmpfs '$toolchain'" 2>/dev/null; then
    isolated() { unshare -m --propagation private sh -c 'mount -t tmpfs tmpfs "$0" && exec env -i PATH=/usr/bin:/bin "$@"' "$toolchain" "$@"; }
    hidden=$(unshare -m --propagation private sh -c 'mount -t tmpfs tmpfs "$0" && ls -A "$0" | wc -l' "$toolchain")
    [ "$hidden" = 0 ] || fail "could not hide $toolchain"
    how="with $toolchain hidden"
else
    isolated() { env -i PATH=/usr/bin:/bin "$@"; }
    if env -i LD_DEBUG=libs "$bin" --version 2>&1 | grep -F "$toolchain"; then fail "the loader opened toolchain files"; fi
    how="(no mount namespace here; the loader opened nothing under $toolchain)"
fi

version=$(isolated "$bin" --version) || fail "--version failed"
[[ "$version" =~ ^juesuan\ [0-9]+\.[0-9]+\.[0-9]+$ ]] || fail "--version printed '$version'"
pass "$version $how"

cp examples/deliberate-errors.juesuan "$tmp/report.juesuan"
set +e
isolated "$bin" lint --no-color "$tmp/report.juesuan" > "$tmp/lint.out" 2>&1
status=$?
set -e
[ "$status" = 1 ] || { cat "$tmp/lint.out"; fail "lint exited $status, expected 1"; }
grep -q 'error\[A205\]' "$tmp/lint.out" || fail "lint output lacks A205"
grep -q '应为下级科目之和 400.50' "$tmp/lint.out" || fail "lint output lacks the A201 message"
pass "juesuan lint from the prefix"

frame() { printf 'Content-Length: %d\r\n\r\n%s' "$(printf '%s' "$1" | wc -c)" "$1"; }
{
    frame '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"rootUri":null,"capabilities":{}}}'
    frame '{"jsonrpc":"2.0","method":"initialized","params":{}}'
    frame '{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///tmp/x.juesuan","languageId":"juesuan","version":1,"text":"部门 局\n年度 2024\n\n表 公开05\n合计 9.00 1.00 2.00\n"}}}'
    frame '{"jsonrpc":"2.0","id":3,"method":"textDocument/diagnostic","params":{"textDocument":{"uri":"file:///tmp/x.juesuan"}}}'
    frame '{"jsonrpc":"2.0","id":2,"method":"shutdown"}'
    frame '{"jsonrpc":"2.0","method":"exit"}'
} > "$tmp/lsp.in"
set +e
isolated timeout 20 "$bin" lsp < "$tmp/lsp.in" > "$tmp/lsp.out" 2> "$tmp/lsp.err"
status=$?
set -e
[ "$status" = 0 ] || { cat "$tmp/lsp.err"; fail "lsp exited $status"; }
grep -q '"capabilities"' "$tmp/lsp.out" || fail "no initialize result"
grep -q '"id":2' "$tmp/lsp.out" || fail "no shutdown result"
# Rule links point to the installed documentation (offline), not to the network.
grep -q 'file://[^"]*/share/juesuan/docs/rules.md#a203' "$tmp/lsp.out" || { cat "$tmp/lsp.out"; fail "diagnostics do not link to the installed docs/rules.md"; }
pass "juesuan lsp from the prefix (initialize, pulled diagnostics linking to the installed rules, shutdown, exit → 0)"

# `lsp --help` answers at once even with a stdin that never ends.
set +e
mkfifo "$tmp/never"
exec 3<>"$tmp/never"    # open for reading and writing: a stdin that never ends and never has data
isolated timeout 10 "$bin" lsp --help <&3 > "$tmp/help.out" 2>&1
status=$?
exec 3>&-
set -e
[ "$status" = 0 ] || fail "lsp --help exited $status (124 = it waited)"
grep -q 'juesuan lsp' "$tmp/help.out" || fail "lsp --help printed no help"
pass "juesuan lsp --help"
echo "test-install: all passed"
