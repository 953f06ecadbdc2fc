#!/usr/bin/env bash
# Before/after figures of the core (issue 15, session 4), from one run, for two builds:
#   scripts/bench-core-compare.sh OLD_DIR NEW_DIR
# Each directory holds release builds of `juesuan` and `juesuan-bench` (the latter with the
# thread-CPU column of `--repeat`). Prints: parse, parse + model and analysis of the 1 MB
# generated report with prose (best of 30 / 30 / 8), `juesuan lint` on 1, 2, 4 and 8 MB of it
# (best wall of 5, 3 for 8 MB, with the user+sys CPU of that run), and a folder of 1,000
# reports (500 of 8.6 KB, 500 of 30 KB) on one core (`taskset -c 0`) and on both, with the
# load of the machine before and after.
set -u
OLD=$1
NEW=$2
DATA=$(mktemp -d /tmp/juesuan-bench-compare.XXXXXX)
trap 'rm -rf "$DATA"' EXIT
cd "$DATA"
for size in 1 2 4 8; do "$NEW/juesuan-bench" --write-prose $size r$size.juesuan; done
"$NEW/juesuan-bench" --write-prose 0.01 small.juesuan
"$NEW/juesuan-bench" --write-prose 0.03 medium.juesuan
mkdir folder
for i in $(seq 1 500); do cp small.juesuan folder/small-$i.juesuan; cp medium.juesuan folder/medium-$i.juesuan; done

echo "start $(date -u +%H:%M:%S) UTC, load average $(cut -d' ' -f1-3 /proc/loadavg), cores $(nproc)"
top -bn1 | sed -n '8,10p'
# Best wall time of N runs of a command (ms), and the user+sys CPU time of that run (ms).
best() {
python3 - "$@" <<'PY'
import resource, subprocess, sys, time
n, command = int(sys.argv[1]), sys.argv[2:]
best = None
for _ in range(n):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    if best is None or wall < best[0]: best = (wall, cpu)
print(f"{best[0] * 1000:.0f} {best[1] * 1000:.0f}")
PY
}
for stage in parse model analysis; do
    n=30; [ $stage = analysis ] && n=8
    for which in OLD NEW; do dir=${!which}; echo "$which $($dir/juesuan-bench --repeat $stage $n r1.juesuan)"; done
done
for size in 1 2 4 8; do
    n=5; [ $size = 8 ] && n=3
    for which in OLD NEW; do
        dir=${!which}
        read -r wall cpu < <(best $n "$dir/juesuan" lint r$size.juesuan)
        echo "$which lint ${size} MB ($(stat -c %s r$size.juesuan) bytes): wall $wall ms, user+sys $cpu ms"
    done
done
for which in OLD NEW; do
    dir=${!which}
    read -r wall1 cpu1 < <(best 3 taskset -c 0 "$dir/juesuan" lint folder)
    read -r wall2 cpu2 < <(best 3 "$dir/juesuan" lint folder)
    echo "$which folder (1,000 files, $(cat folder/*.juesuan | wc -c) bytes): one core $wall1 ms (user+sys $cpu1), both cores $wall2 ms (user+sys $cpu2)"
done
echo "end $(date -u +%H:%M:%S) UTC, load average $(cut -d' ' -f1-3 /proc/loadavg)"
