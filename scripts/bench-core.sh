#!/usr/bin/env bash
# The core figures of issue 15, from one run (by hand, not in CI; release build):
#   1. juesuan-bench 1: parse / model / check throughput on a 1 MB table-only report;
#   2. `juesuan lint` and parse alone on the 1 MB generated report WITH prose (a 说明 per table);
#   3. `juesuan lint` on 1, 2, 4 and 8 MB of that report (time ÷ the 1 MB time);
#   4. a folder of 1,000 small reports on one core (taskset -c 0) and on every core;
#   5. small documents: analyses per second (the analysis fuzz target's workload, without ASan).
#
#   scripts/bench-core.sh        (best of 5 runs for lint, of 3 for the scaling and the folder)
#   BEFORE=/path/to/old/juesuan scripts/bench-core.sh    also time that binary's lint (2–4)
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=$(mktemp -d /tmp/juesuan-bench-core.XXXXXX)
trap 'rm -rf "$OUT"' EXIT

swift build -c release --product juesuan 2>&1 | tail -1
swift build -c release --product juesuan-bench 2>&1 | tail -1
BIN=$(swift build -c release --show-bin-path)
J=$BIN/juesuan
echo "cores: $(nproc), load average: $(cut -d' ' -f1-3 /proc/loadavg)"

# Best wall time in seconds of N runs of a command (output discarded).
best() {
    local n=$1; shift
    python3 - "$n" "$@" <<'PY'
import subprocess, sys, time
n, command = int(sys.argv[1]), sys.argv[2:]
best = min((lambda s: (subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL), time.perf_counter() - s)[1])(time.perf_counter()) for _ in range(n))
print(f"{best:.4f}")
PY
}

echo; echo "== 1. juesuan-bench 1 (table-only report)"
"$BIN/juesuan-bench" 1 | head -4

echo; echo "== 2. the 1 MB report with prose"
"$BIN/juesuan-bench" --write-prose 1 "$OUT/p1.juesuan"
bytes=$(stat -c %s "$OUT/p1.juesuan")
for binary in "$J" ${BEFORE:+"$BEFORE"}; do
    seconds=$(best 5 "$binary" lint "$OUT/p1.juesuan")
    python3 -c "print(f'$(basename "$(dirname "$binary")")/$(basename "$binary") lint: {$bytes} bytes, {$seconds * 1000:.0f} ms, {$bytes / 1048576 / $seconds:.1f} MB/s')"
done
"$BIN/juesuan-bench" --repeat parse 20 "$OUT/p1.juesuan"
# For information: the parse as `juesuan lint` runs it (two threads from 256 KB).
"$BIN/juesuan-bench" --repeat parse-lint 20 "$OUT/p1.juesuan"
# The same with each tree freed after the clock stops, as lint and the server free theirs aside.
"$BIN/juesuan-bench" --repeat parse-kept 20 "$OUT/p1.juesuan"
"$BIN/juesuan-bench" --repeat model 20 "$OUT/p1.juesuan"

echo; echo "== 3. juesuan lint on 1–8 MB with prose (best of 3)"
for binary in "$J" ${BEFORE:+"$BEFORE"}; do
    echo "$binary"
    first=""
    for size in 1 2 4 8; do
        file=$OUT/p$size.juesuan
        [ -f "$file" ] || "$BIN/juesuan-bench" --write-prose "$size" "$file"
        seconds=$(best 3 "$binary" lint "$file")
        [ -z "$first" ] && first=$seconds
        python3 -c "print(f'{$size} MB: {$(stat -c %s "$file")} bytes, {$seconds * 1000:.0f} ms, {$(stat -c %s "$file") / 1048576 / $seconds:.1f} MB/s, × the 1 MB time {$seconds / $first:.2f}')"
    done
done

echo; echo "== 4. a folder of 1,000 small reports"
mkdir "$OUT/folder"
"$BIN/juesuan-bench" --write-prose 0.01 "$OUT/small.juesuan"
for i in $(seq 1 500); do
    cp "$OUT/small.juesuan" "$OUT/folder/generated-$i.juesuan"
    cp examples/deliberate-errors.juesuan "$OUT/folder/errors-$i.juesuan"
done
folder_bytes=$(cat "$OUT"/folder/*.juesuan | wc -c)
for binary in "$J" ${BEFORE:+"$BEFORE"}; do
    one=$(best 3 taskset -c 0 "$binary" lint "$OUT/folder")
    all=$(best 3 "$binary" lint "$OUT/folder")
    python3 -c "print(f'$binary: {$folder_bytes} bytes in 1,000 files: one core {$one * 1000:.0f} ms, every core {$all * 1000:.0f} ms, speed-up {$one / $all:.2f}×')"
done

echo; echo "== 5. small documents (release, no sanitizer)"
"$BIN/juesuan-bench" --small "$OUT/small.juesuan" examples/deliberate-errors.juesuan examples/zhushan-2024.juesuan
