"""Generates a large, consistent .juesuan report for the LSP benchmark (scripts/lsp-bench.py).

The report has the standard tables 公开01–10 built from the example's figures, then as many
custom tables of functional-code rows (every 类/款/项 of the embedded catalogue, with sums
that hold) and narrative sections as it takes to reach the requested number of lines.
"""
import os
import random

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def load_codes():
    codes = []
    with open(os.path.join(ROOT, "data", "functional-codes.tsv"), encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 2 and parts[0].isdigit():
                codes.append((parts[0], parts[1]))
    return codes


def code_table(title, codes, rng):
    """A custom table of code rows whose parents equal the sum of their children."""
    values = {}
    for code, _ in codes:
        if len(code) == 7:
            values[code] = (rng.randint(0, 50000), rng.randint(0, 50000))
    for length in (5, 3):
        for code, _ in codes:
            if len(code) == length:
                kids = [v for c, v in values.items() if len(c) == length + 2 and c.startswith(code)]
                values[code] = (sum(k[0] for k in kids), sum(k[1] for k in kids)) if kids else (rng.randint(0, 50000), rng.randint(0, 50000))
    top = [values[c] for c, _ in codes if len(c) == 3]
    lines = [f"表 {title}", "列 合计 基本支出 项目支出 ; 合计 = 基本支出 + 项目支出"]
    a = sum(t[0] for t in top)
    b = sum(t[1] for t in top)
    lines.append(f"合计  {(a + b) / 100:.2f}  {a / 100:.2f}  {b / 100:.2f}")
    for code, name in codes:
        x, y = values[code]
        lines.append(f"{code}  {name}  {(x + y) / 100:.2f}  {x / 100:.2f}  {y / 100:.2f}")
    return lines


def generate(minimum_lines=20000, seed=2024):
    rng = random.Random(seed)
    with open(os.path.join(ROOT, "examples", "zhushan-2024.juesuan"), encoding="utf-8") as f:
        base = f.read().rstrip("\n").split("\n")
    codes = load_codes()
    lines = list(base)
    n = 1
    while len(lines) < minimum_lines:
        lines.append("")
        lines += code_table(f"附表{n} 分项目支出明细", codes, rng)
        lines.append("")
        lines.append(f"说明 附{n}、分项目支出情况说明")
        for k in range(20):
            lines.append(f"本年支出合计363.59万元，其中：基本支出199.58万元，占54.89%；项目支出164.02万元，占45.11%。第{k}段。")
        n += 1
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    import sys
    text = generate(int(sys.argv[1]) if len(sys.argv) > 1 else 20000)
    sys.stdout.write(text)
