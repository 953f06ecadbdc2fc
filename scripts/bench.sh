#!/usr/bin/env bash
# Benchmarks, run by hand (not in CI): release build, then
#   1. juesuan-bench: parse / model / check throughput on a generated report, edit latency;
#   2. scaling: `juesuan lint` time and peak memory on 1×, 2×, 4×, 8× of a generated report;
#   3. the LSP latency benchmark (scripts/lsp-bench.py);
#   4. peers side by side (scripts/bench_peers.py): lint MB/s of juesuan, taplo, bean-check and
#      `wc -m`, and open→diagnostics / completion latency of the three language servers.
#      The peers are installed from PyPI into .venv-bench (taplo, beancount, beancount-lsp);
#      a peer that cannot be installed is reported and skipped.
#
#   scripts/bench.sh [base-megabytes]      default 4 (so 4, 8, 16, 32 MB in the scaling table)
#   BENCH_SKIP_PEERS=1 BENCH_SKIP_LSP=1    leave parts out
set -euo pipefail
cd "$(dirname "$0")/.."
BASE=${1:-4}
OUT=$(mktemp -d /tmp/juesuan-bench.XXXXXX)
trap 'rm -rf "$OUT"' EXIT

echo "== release build"
swift build -c release --product juesuan 2>&1 | tail -1
swift build -c release --product juesuan-bench 2>&1 | tail -1
BIN=$(swift build -c release --show-bin-path)
J=$BIN/juesuan

echo; echo "== juesuan-bench ($BASE MB)"
"$BIN/juesuan-bench" "$BASE"

echo; echo "== scaling: juesuan lint on a generated report (best of 3; peak RSS of that run)"
printf '%-6s %10s %10s %10s %9s %12s %12s\n' size bytes lines seconds MB/s "peak MiB" "s per 1×"
first=""
for factor in 1 2 4 8; do
    mb=$(python3 -c "print($BASE * $factor)")
    file=$OUT/report-$factor.juesuan
    "$BIN/juesuan-bench" --write "$mb" "$file"
    bytes=$(stat -c %s "$file")
    lines=$(wc -l < "$file")
    best=""; best_rss=""
    for run in 1 2 3; do
        /usr/bin/time -f "%e %M" -o "$OUT/time" "$J" lint "$file" > /dev/null || true
        read -r seconds rss < "$OUT/time"
        if [ -z "$best" ] || python3 -c "import sys; sys.exit(0 if $seconds < $best else 1)"; then best=$seconds; best_rss=$rss; fi
    done
    [ -z "$first" ] && first=$best
    python3 - "$factor" "$bytes" "$lines" "$best" "$best_rss" "$first" <<'PY'
import sys
factor, size, lines, seconds, rss, first = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5]), float(sys.argv[6])
seconds = max(seconds, 0.005)
print(f"{factor + '×':<6} {size:>10} {lines:>10} {seconds:>10.2f} {size / 1048576 / seconds:>9.1f} {rss / 1024:>12.0f} {seconds / max(first, 0.005):>12.2f}")
PY
done
echo "(linear growth: the last column ≈ the factor; MB/s and MiB per MB stay flat)"

if [ "${BENCH_SKIP_LSP:-0}" != 1 ]; then
    echo; echo "== LSP latency (scripts/lsp-bench.py)"
    python3 scripts/lsp-bench.py --binary "$J"
fi

if [ "${BENCH_SKIP_PEERS:-0}" != 1 ]; then
    echo; echo "== peers (taplo, beancount, beancount-lsp from PyPI in .venv-bench)"
    if [ ! -x .venv-bench/bin/python ]; then python3 -m venv .venv-bench; fi
    for package in taplo beancount beancount-lsp; do
        if ! .venv-bench/bin/pip show -q "$package" > /dev/null 2>&1; then
            .venv-bench/bin/pip install -q "$package" > "$OUT/pip-$package.log" 2>&1 \
                || echo "   $package could not be installed: $(tail -1 "$OUT/pip-$package.log")"
        fi
    done
    echo "   versions: $(.venv-bench/bin/pip list 2>/dev/null | grep -iE '^(taplo|beancount|beancount-lsp) ' | tr -s ' ' | tr '\n' ';')"
    python3 scripts/bench_peers.py --juesuan "$J" --report "$OUT/report-1.juesuan" --venv .venv-bench
fi
