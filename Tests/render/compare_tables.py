#!/usr/bin/env python3
"""Compares the standard tables (codes, labels, figures) of two .juesuan files: the source of a
rendered report and what `juesuan import` read back from its PDF text.

usage: compare_tables.py SOURCE IMPORTED [--expect FILE] [--name NAME]

Prints, per table, the rows of the source found again (row = side, code, label, figures; an
unwritten trailing cell counts as the empty cell `-`) and the rows the import has that the source
has not. With --expect, the lines `NAME 公开NN` of FILE name the tables that must round-trip
exactly (every row, no extra row); the exit status is 1 when one of them does not.
"""
import re
import sys
from collections import Counter

BLOCK = re.compile(r"^(表|说明|绩效|名词解释|核对)(\s|$)")
FIGURE = re.compile(r"^(-|--|---|—|－|[+-]?[0-9][0-9,]*(\.[0-9]+)?%?|[+-]?\.[0-9]+%?)$")
EMPTY = {"-", "--", "---", "—", "－"}


def table_id(word):
    m = re.match(r"^公开0?(\d{1,2})表?$", word)
    return f"公开{int(m.group(1)):02d}" if m else word


def parse(path):
    tables = {}
    current = None
    side = ""
    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.rstrip("\n")
            text = re.sub(r"(^|\s)//.*$", "", line).strip()
            if not text:
                continue
            if BLOCK.match(text):
                if text.startswith("表"):
                    words = text.split()
                    current = table_id(words[1]) if len(words) > 1 else None
                    side = ""
                    if current is not None:
                        tables.setdefault(current, [])
                else:
                    current = None
                continue
            if current is None:
                continue
            if text in ("收入", "支出"):
                side = text
                continue
            if text.startswith("列 ") or text == "列":
                continue
            words = text.split()
            figures = []
            while words and FIGURE.match(words[-1]):
                figures.insert(0, words.pop())
            code = ""
            if words and re.fullmatch(r"\d{3,7}", words[0]):
                code = words.pop(0)
            label = "".join(words)
            figures = ["-" if x in EMPTY else x for x in figures]
            while figures and figures[-1] == "-":
                figures.pop()
            tables[current].append((side, code, label, tuple(figures)))
    return tables


def main():
    args = sys.argv[1:]
    expect_file = None
    name = None
    if "--expect" in args:
        k = args.index("--expect"); expect_file = args[k + 1]; del args[k:k + 2]
    if "--name" in args:
        k = args.index("--name"); name = args[k + 1]; del args[k:k + 2]
    source_path, imported_path = args
    name = name or source_path
    source = parse(source_path)
    imported = parse(imported_path)
    expected = set()
    if expect_file:
        with open(expect_file, encoding="utf-8") as f:
            for line in f:
                parts = line.split("#")[0].split()
                if len(parts) == 2 and parts[0] == name:
                    expected.add(parts[1])
    full = []
    failed = []
    total_rows = matched_rows = 0
    for tid in sorted(t for t in source if t.startswith("公开")):
        rows = source[tid]
        got = Counter(imported.get(tid, []))
        want = Counter(rows)
        found = sum((want & got).values())
        extra = got - want
        missing = want - got
        total_rows += len(rows)
        matched_rows += found
        exact = not missing and not extra
        (full if exact else failed).append(tid)
        print(f"  {tid}: {found}/{len(rows)} 行一致" + ("" if not extra else f"，导入多出 {sum(extra.values())} 行") + ("  ✓" if exact else ""))
        if not exact:
            for row in list(missing.elements())[:3]:
                print(f"      缺：{row}")
            for row in list(extra.elements())[:3]:
                print(f"      多：{row}")
    print(f"  {name}: {len(full)}/{len(full) + len(failed)} 张表完全一致，{matched_rows}/{total_rows} 行一致")
    regressions = sorted(expected - set(full))
    if regressions:
        print(f"  回退：{name} 的 {' '.join(regressions)} 应当完全一致", file=sys.stderr)
        return 1
    newly = sorted(set(full) - expected)
    if expect_file and newly:
        print(f"  新增一致（可写入期望文件）：{' '.join(newly)}")
    print(f"RESULT {name} tables={len(full)}/{len(full) + len(failed)} rows={matched_rows}/{total_rows} full={','.join(full)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
