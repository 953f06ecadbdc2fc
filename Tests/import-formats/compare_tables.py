"""Compares the tables and the self-evaluation (绩效) blocks of two imported .juesuan documents.

compare_tables.py TEXT.juesuan OTHER.juesuan [--rows-only]
Every table (id, columns, rows with their figures and side) is the same; rows are compared in
order, or as a sorted list with --any-order (公开06's groups: a PDF loses which printed group an
entry stood in, not the entry). --rows-only: only the row labels.
"""
import sys


def tables(path, rows_only, any_order=False):
    result = {}
    current = None
    side = ""
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("表 "):
                current = line.split()[1]
                result[current] = []
                side = ""
                continue
            if line.startswith("绩效 "):
                # All 绩效 blocks as one list: their name, money, goals, indicators and totals.
                current = "绩效"
                result.setdefault(current, [])
                result[current].append(line.split("  //")[0])
                continue
            if current == "绩效":
                if not line.strip():
                    current = None
                elif not line.lstrip().startswith("//"):
                    result[current].append(line.split("  //")[0])
                continue
            if current is None:
                continue
            if not line.strip():
                current = None
                continue
            if line.lstrip().startswith("//"):
                continue
            body = line.split("  //")[0]
            if body.strip() in ("收入", "支出"):
                side = body.strip()
            words = body.split()
            if rows_only:
                words = [w for w in words if not (w[0].isdigit() or w in "-—")][:1]
            result[current].append(side + "|" + " ".join(words))
    if any_order:
        result = {k: sorted(v) for k, v in result.items()}
    return result


def main():
    rows_only = "--rows-only" in sys.argv
    any_order = "--any-order" in sys.argv
    a = tables(sys.argv[1], rows_only, any_order)
    b = tables(sys.argv[2], rows_only, any_order)
    problems = []
    for table in a:
        if table not in b:
            problems.append(f"{table}: missing")
        elif a[table] != b[table]:
            for k, (x, y) in enumerate(zip(a[table], b[table])):
                if x != y:
                    problems.append(f"{table} row {k + 1}: {x!r} != {y!r}")
                    break
            else:
                problems.append(f"{table}: {len(a[table])} rows != {len(b[table])} rows")
    for table in b:
        if table not in a:
            problems.append(f"{table}: extra")
    print(f"{sum(len(v) for v in a.values())} rows in {len(a)} tables compared; {len(problems)} differences")
    for p in problems:
        print("  " + p)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
