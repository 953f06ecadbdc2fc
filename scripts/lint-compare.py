#!/usr/bin/env python3
"""`juesuan lint` of the same files by several binaries, run in turn (issue 15, session 8).

On a shared machine whose speed changes within minutes, figures taken one binary after the
other compare the minutes, not the binaries: this runs each binary once per round, round after
round, and prints per binary and file the best and median wall time and the median CPU time
(user + system, from the kernel's accounting of the child).

    scripts/lint-compare.py OLD_JUESUAN,NEW_JUESUAN FILE... [--runs 25]
"""
import argparse
import os
import resource
import statistics
import subprocess
import time


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binaries", help="comma-separated juesuan binaries")
    parser.add_argument("files", nargs="+")
    parser.add_argument("--runs", type=int, default=25)
    args = parser.parse_args()
    binaries = args.binaries.split(",")
    for path in args.files:
        results = {binary: [] for binary in binaries}
        for _ in range(args.runs):
            for binary in binaries:
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                start = time.perf_counter()
                subprocess.run([binary, "lint", path], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                wall = time.perf_counter() - start
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
                results[binary].append((wall * 1000, cpu * 1000))
        megabytes = os.path.getsize(path) / 1_048_576
        for binary in binaries:
            walls = [r[0] for r in results[binary]]
            cpus = [r[1] for r in results[binary]]
            print(f"{os.path.basename(path)}  {binary}: wall best {min(walls):.1f} ms ({megabytes / min(walls) * 1000:.1f} MB/s), "
                  f"median {statistics.median(walls):.1f} ms; CPU median {statistics.median(cpus):.1f} ms")


if __name__ == "__main__":
    main()
