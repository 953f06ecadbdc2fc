#!/usr/bin/env python3
"""Every figure of issue 15's "Done means" from one run, as a Markdown section for
docs/benchmarks.md (by hand, not in CI; about six minutes on two cores).

    python3 scripts/bench-issue15.py [--fuzz-seconds 60] [--skip-fuzz]

Runs, one after the other on a quiet machine:
  1. scripts/lsp-bench.py      the server on the 20,000-line report with prose (edits in tables of
                               ~1,650 code rows, requests right after a keystroke);
  2. scripts/bench-core.sh     `juesuan lint` and the parse on the 1 MB report with prose, 1–8 MB,
                               a folder of 1,000 reports on one core and on both;
  3. the analysis fuzz target  with AddressSanitizer (.build-fuzz, scripts/fuzz.sh's build) and,
                               when built, without it (.build-fuzz-plain), each for --fuzz-seconds
                               from its seed corpus (as scripts/fuzz.sh makes it: the same on every
                               clone), with scripts/fuzz.sh's options; for information, without it
                               on a copy of the corpus grown in .build-fuzz as well; and the
                               checker alone on the same seed corpus (`juesuan-bench --corpus`),
                               without libFuzzer's bookkeeping or a sanitizer.
The criterion is the build without AddressSanitizer: with it, libFuzzer and the sanitizer take
two thirds of an execution (perf, docs/benchmarks.md, session 37), so that row is for information.
Then prints each criterion with its figure and whether it is met. The raw outputs go to
stderr, so `… > section.md` keeps only the section.
"""
import argparse
import datetime
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


FAILED = []  # (command, exit status) of the parts that failed: their figures are "not measured"


def run(command, **kwargs):
    """Runs a command from the repository root; its output goes to stderr as it is read."""
    print(f"$ {' '.join(command)}", file=sys.stderr, flush=True)
    process = subprocess.run(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, **kwargs)
    sys.stderr.write(process.stdout)
    sys.stderr.flush()
    if process.returncode != 0:
        FAILED.append((" ".join(command), process.returncode))
    return process.stdout


def number(pattern, text, group=1):
    match = re.search(pattern, text, re.MULTILINE)
    return float(match.group(group).replace(",", "")) if match else None


def p99(label, text):
    """The p99 of an lsp-bench line that starts with `label`."""
    return number(r"^\s*" + re.escape(label) + r"\s+p50\s+[\d.]+ ms\s+p99\s+([\d.]+) ms", text)


def fuzz(binary, seconds, work, corpus=None):
    """Executions a second of the analysis target, on its seed corpus as scripts/fuzz.sh makes it
    (the same on every clone), or on a copy of `corpus` (one machine's history)."""
    if not os.path.exists(binary):
        return None, "not built"
    copy = tempfile.mkdtemp(prefix="corpus-", dir=work)
    if corpus is None:
        run(["bash", "scripts/fuzz.sh", "0", "analysis"], env=dict(os.environ, FUZZ_SEEDS_TO=copy))
        origin = f"its seed corpus ({len(os.listdir(copy)):,} inputs)"
    else:
        shutil.copytree(corpus, copy, dirs_exist_ok=True)
        origin = f"a copy of the corpus grown in .build-fuzz ({len(os.listdir(corpus)):,} inputs)"
    options = [f"-max_total_time={seconds}", "-timeout=20", "-rss_limit_mb=3072", "-max_len=4096",
               "-print_final_stats=1", f"-artifact_prefix={work}/", "-dict=Fuzz/dict/analysis.dict"]
    env = dict(os.environ, SWIFT_BACKTRACE="enable=no", ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=1")
    output = run([binary, *options, copy], env=env)
    rate = number(r"stat::average_exec_per_sec:\s+(\d+)", output)
    executions = number(r"stat::number_of_executed_units:\s+(\d+)", output)
    status = [line for line in output.splitlines() if line.startswith("#") and "cov: " in line]
    coverage = number(r"cov: (\d+)", status[-1]) if status else None
    detail = f"{executions:,.0f} executions in {seconds} s from {origin}" if executions is not None else "no statistics"
    if coverage is not None:
        detail += f", coverage {coverage:,.0f} edges"
    return rate, detail


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--fuzz-seconds", type=int, default=60)
    parser.add_argument("--skip-fuzz", action="store_true")
    args = parser.parse_args()

    started = datetime.datetime.now(datetime.timezone.utc)
    load_before = open("/proc/loadavg").read().split()[:3]
    run(["swift", "build", "-c", "release"])
    run(["swift", "build", "-c", "release", "--product", "juesuan-bench"])
    binary = os.path.join(ROOT, ".build", "release", "juesuan")
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT, capture_output=True, text=True).stdout.strip()

    lsp = run([sys.executable, "scripts/lsp-bench.py", "--binary", binary])
    core = run(["bash", "scripts/bench-core.sh"])
    rates = {}
    checker_alone = ""
    grown_rate = None  # for information: the rate also depends on the corpus (libFuzzer's bookkeeping grows with it)
    if not args.skip_fuzz:
        work = tempfile.mkdtemp(prefix="bench-issue15-")
        try:
            asan = os.path.join(ROOT, ".build-fuzz", "bin", "fuzz-analysis")
            plain = os.path.join(ROOT, ".build-fuzz-plain", "bin", "fuzz-analysis")
            grown = os.path.join(ROOT, ".build-fuzz", "corpus", "analysis")
            rates["with AddressSanitizer"] = fuzz(asan, args.fuzz_seconds, work)
            rates["without it (`FUZZ_SANITIZERS=fuzzer`)"] = fuzz(plain, args.fuzz_seconds, work)
            if os.path.isdir(grown):
                grown_rate = fuzz(plain, args.fuzz_seconds, work, corpus=grown)
            seeds = tempfile.mkdtemp(prefix="seeds-", dir=work)
            run(["bash", "scripts/fuzz.sh", "0", "analysis"], env=dict(os.environ, FUZZ_SEEDS_TO=seeds))
            checker_alone = run([os.path.join(ROOT, ".build", "release", "juesuan-bench"), "--corpus", "5", seeds])
        finally:
            shutil.rmtree(work, ignore_errors=True)
    finished = datetime.datetime.now(datetime.timezone.utc)
    load_after = open("/proc/loadavg").read().split()[:3]

    rows = []  # (criterion, figure, met: True/False/None)

    def check(criterion, value, limit, unit, at_most=True, fmt="{:.2f}"):
        if value is None:
            rows.append((criterion, "not measured", None))
        else:
            rows.append((criterion, fmt.format(value) + unit, value <= limit if at_most else value >= limit))

    check("didOpen → first diagnostics ≤ 50 ms", number(r"^didOpen → diagnostics\s+([\d.]+) ms", lsp), 50, " ms")
    check("keystroke → diagnostics p99 ≤ 10 ms (tables of ~1,650 rows)", p99("didChange (1 char) → diagnostics", lsp), 10, " ms")
    check("the same, findings accumulating, p99 ≤ 10 ms", p99("same, findings accumulating to 215", lsp), 10, " ms")
    for label in ["hover", "completion", "semanticTokens/full/delta", "inlayHint", "codeAction", "documentSymbol"]:
        check(f"{label} right after a keystroke p99 ≤ 5 ms", p99(f"{label} right after a keystroke", lsp), 5, " ms")
    check("`juesuan lint` ≥ 30 MB/s on the 1 MB report with prose (best of 5)",
          number(r"release/juesuan lint: \d+ bytes, \d+ ms, ([\d.]+) MB/s", core), 30, " MB/s", at_most=False, fmt="{:.1f}")
    check("parse alone ≥ 150 MB/s (best of 20)", number(r"^parse: best [\d.]+ ms, ([\d.]+) MB/s", core), 150, " MB/s",
          at_most=False, fmt="{:.0f}")
    two_threads = number(r"^parse-lint: best [\d.]+ ms, ([\d.]+) MB/s", core)
    if two_threads is not None:
        rows.append(("for information: the parse as `juesuan lint` runs it, on two threads (best of 20)", f"{two_threads:.0f} MB/s", None))
    check("8 MB ≤ 9 × the 1 MB time", number(r"^8 MB: .*× the 1 MB time ([\d.]+)", core), 9, " ×")
    check("a folder of 1,000 reports ≥ 1.7 × the one-core rate", number(r"speed-up ([\d.]+)×", core), 1.7, " ×", at_most=False)
    for build, (rate, detail) in rates.items():
        criterion = "without" in build  # with AddressSanitizer, libFuzzer and the sanitizer take most of the time
        label = f"analysis fuzz target ≥ 1,000 executions/s, {build}" if criterion \
            else f"for information: the analysis fuzz target {build}"
        rows.append((label, f"{rate:,.0f}/s ({detail})" if rate is not None else detail,
                     None if rate is None or not criterion else rate >= 1000))
    alone = re.search(r"corpus: ([\d]+) inputs, (\d+) bytes, .* ([\d.]+) µs an input, (\d+) analyses/s", checker_alone)
    if alone:
        rows.append(("for information: the checker alone on the same seed corpus (`juesuan-bench --corpus`, best of 5 rounds)",
                     f"{float(alone.group(3)):,.0f} µs an input, {int(alone.group(4)):,} analyses/s", None))
    if grown_rate is not None and grown_rate[0] is not None:
        rows.append(("for information: without AddressSanitizer, on a grown corpus", f"{grown_rate[0]:,.0f}/s ({grown_rate[1]})", None))

    print(f"### Issue 15 from one run (`scripts/bench-issue15.py`, {started:%Y-%m-%d %H:%M}–{finished:%H:%M} UTC)")
    print()
    print(f"Commit {commit}{' with uncommitted changes' if dirty else ''}, release build; {os.cpu_count()} cores; "
          f"load average {' '.join(load_before)} before, {' '.join(load_after)} after.")
    print()
    print("| criterion | this run | met |")
    print("|---|---|---|")
    for criterion, figure, met in rows:
        print(f"| {criterion} | {figure} | {'yes' if met else 'no' if met is not None else '—'} |")
    print()
    met = sum(1 for _, _, m in rows if m)
    print(f"{met} of {sum(1 for _, _, m in rows if m is not None)} met.")
    for command, status in FAILED:
        print(f"\n**`{command}` failed (exit status {status}); its output is on stderr.**")


if __name__ == "__main__":
    main()
