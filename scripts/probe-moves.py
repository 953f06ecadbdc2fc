#!/usr/bin/env python3
"""Counts which figures of a report's prose the checker would catch if they were wrong.

    python3 scripts/probe-moves.py [--binary PATH] [--all] [--step ones|last] REPORT.juesuan [...]

A report written consistently (no error or warning) is copied once per figure of its 说明
sections, with that figure moved by one in its ones digit (363.59 → 364.59, 43% → 44%,
14人 → 15人; `--step last`: in its last digit, 363.59 → 363.60), and each copy is linted. A move is *found* when the copy has an error
or warning the report does not have. Prints each missed figure with its sentence (each found
one too with --all), then the totals. Not every figure can be caught — a staff count with no
table to compare with is free text — so the list of misses is for reading, not a score to
drive to zero. A report that is not silent as written is probed too (its findings are listed
first): a move is then found when it adds an error or warning on a line, or of a code, that the
report did not have.

By hand while working on the prose reader (not in CI): ~40 ms a copy.
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BLOCK = re.compile(r"^(表|说明|绩效|名词解释|校验|table|text|perf|glossary|check)(\s|$)")
# A figure: digits with optional thousands separators and decimals (not part of a longer word
# of ASCII letters or digits, not a year: a four-digit integer followed by 年).
FIGURE = re.compile(r"(?<![0-9A-Za-z.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![0-9A-Za-z]|年|月|日)")
# Not figures: an item's number at the start of a line (`1.`, `2、`), and 单价100万元 (a name).
NOT_FIGURE = re.compile(r"^\s*[（(]?\d+[.、）)]|单价\d+万元")


def findings(binary, path):
    run = subprocess.run([binary, "lint", "--format", "json", path], capture_output=True, text=True)
    try:
        document = json.loads(run.stdout)
    except json.JSONDecodeError:
        sys.exit(f"{binary} lint gave no JSON for {path}: {run.stderr.strip()}")
    files = document["files"] if isinstance(document, dict) and "files" in document else document
    result = []
    for file in files if isinstance(files, list) else [files]:
        for finding in file.get("diagnostics", file.get("findings", [])):
            if finding.get("severity") in ("error", "warning"):
                result.append((finding.get("code"), finding.get("line", finding.get("range", {}).get("start", {}).get("line")),
                               finding.get("message")))
    return result


def prose_figures(lines):
    """(line index, start, end) of each figure in 说明 lines."""
    inside = False
    for index, line in enumerate(lines):
        if BLOCK.match(line):
            inside = line.startswith(("说明", "text"))
            continue
        if not inside or line.lstrip().startswith("//"):
            continue
        skipped = [range(m.start(), m.end()) for m in NOT_FIGURE.finditer(line)]
        for match in FIGURE.finditer(line):
            if not any(match.start() in span for span in skipped):
                yield index, match.start(), match.end()


def moved(text, step):
    """The figure one unit higher in its last digit (`last`) or in its ones (`ones`: 412.36 →
    413.36, the slip of a typist; the last digit's unit is often within the rounding the
    checker must forgive). Keeps separators and decimals."""
    digits = text.replace(",", "").replace(".", "")
    decimals = len(text.split(".")[1]) if "." in text else 0
    value = str(int(digits) + (10 ** decimals if step == "ones" else 1)).rjust(len(digits), "0")
    whole, fraction = (value[:-decimals], value[-decimals:]) if decimals else (value, "")
    if "," in text:
        whole = f"{int(whole):,}"
    return whole + ("." + fraction if decimals else "")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "juesuan"))
    parser.add_argument("--all", action="store_true", help="print the found figures too")
    parser.add_argument("--step", choices=["ones", "last"], default="ones",
                        help="move each figure by one in its ones digit (default) or in its last digit")
    parser.add_argument("reports", nargs="+")
    options = parser.parse_args()
    total_found = total = 0
    for report in options.reports:
        with open(report, encoding="utf-8") as file:
            lines = file.read().split("\n")
        base = findings(options.binary, report)
        if base:
            print(f"{report}: not silent as written:")
            for code, line, message in base:
                print(f"  {code} line {line}: {message}")
        known = collections.Counter((code, line) for code, line, _ in base)
        found = count = 0
        with tempfile.TemporaryDirectory() as work:
            copy = os.path.join(work, "moved.juesuan")
            for index, start, end in prose_figures(lines):
                figure = lines[index][start:end]
                changed = list(lines)
                changed[index] = lines[index][:start] + moved(figure, options.step) + lines[index][end:]
                with open(copy, "w", encoding="utf-8") as file:
                    file.write("\n".join(changed))
                caught = [f for f in findings(options.binary, copy) if known[(f[0], f[1])] == 0]
                count += 1
                context = lines[index][max(0, start - 24):end + 12]
                if caught:
                    found += 1
                    if options.all:
                        print(f"  found  {index + 1}: {figure} → {moved(figure, options.step)}  …{context}…  ({caught[0][0]})")
                else:
                    print(f"  MISSED {index + 1}: {figure} → {moved(figure, options.step)}  …{context}…")
        print(f"{report}: {found} of {count} moved figures found")
        total_found += found
        total += count
    if len(options.reports) > 1:
        print(f"all: {total_found} of {total}")


if __name__ == "__main__":
    main()
