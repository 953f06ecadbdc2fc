#!/usr/bin/env python3
"""Checks that a consistent report stays silent when its 说明 are reworded.

    python3 scripts/probe-reword.py [--binary PATH] REPORT.juesuan [...]

Each report is copied once per substitution below that its 说明 text holds (every occurrence
replaced, titles kept), and each copy is linted. A copy that has an error or warning the report
does not have is printed with them: a wording the prose reader misreads (or a substitution that
does not keep the meaning — read them). The substitutions are ordinary equivalents of
finance officers' wordings: 上年 / 上一年度 / 去年, 分别为 / 依次为, 占比 / 所占比重为, ….

By hand while working on the prose reader (not in CI): ~40 ms a copy.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# (words, their replacement): each keeps the meaning in any sentence that holds the words.
SUBSTITUTIONS = [
    ("比上年度的", "较上年度的"), ("比上年度的", "比2023年度的"), ("较上年", "比上年"), ("比上年", "较2023年"),
    ("比上年增加", "同比增加"), ("比上年减少", "同比减少"), ("较上年增加", "同比增加"),
    ("增加了", "增加"), ("增加", "增长"), ("增幅为", "增长"), ("增幅为", "增长率为"), ("增长", "上升"),
    ("降幅为", "下降"), ("下降", "降低"), ("减少", "下降"),
    ("占比", "占比为"), ("占比", "所占比重为"), ("所占比重为", "占比"), ("占比为", "比重为"), ("占比", "的比重为"),
    ("支出决算为", "决算数为"), ("决算数", "支出决算"), ("年初预算为", "年初预算数为"),
    ("完成年初预算的", "决算数为年初预算的"), ("完成年初预算的", "为年初预算的"), ("决算数为年初预算的", "完成年初预算的"),
    ("全年共接待", "共接待"), ("共接待", "接待"),
    ("本局", "本部门"), ("本局", "我局"), ("本部门", "本单位"), ("我委", "本委"), ("本委", "我委"),
    ("其中：", "其中"), ("其中", "其中，"), ("分别为", "依次为"), ("均为", "都是"), ("各为", "分别为"),
    ("主要原因是", "主要是"), ("主要是", "原因是"), ("万元，", "万元,"), ("，占", "，占比"),
    ("本年收入合计", "本年收入"), ("本年支出合计", "本年支出"),
    ("2024年度", "2024年"), ("2024年度", "本年度"), ("上年度", "2023年度"), ("上年", "去年"), ("上年", "上一年度"),
    ("“三公”经费", "三公经费"), ("“三公”经费", '"三公"经费'), ("公务用车购置及运行维护费", "公务用车购置及运维费"),
    ("（一）", "一、"),
    ("收入总计", "收入总额"), ("支出总计", "支出总额"), ("本年收入合计", "收入总额"), ("本年支出合计", "支出总额"),
]


# The words that open a block at the start of a line (language.md §2): a 说明 block's text runs
# to the next of them; only that text is reworded (not its title, not a table's rows).
BLOCK_KEYWORDS = ("表", "说明", "绩效", "名词解释", "校验", "部门", "年度", "单位", "预算代码", "容差", "科目")


def in_prose(lines):
    inside, marks = False, []
    for line in lines:
        word = line.split(" ", 1)[0].split("\u3000", 1)[0]
        if word in BLOCK_KEYWORDS:
            inside = word == "说明"
            marks.append(False)
        else:
            marks.append(inside)
    return marks


def serious(binary, path):
    run = subprocess.run([binary, "lint", "--format", "json", path], capture_output=True, text=True)
    document = json.loads(run.stdout)
    return {(d["code"], d["line"], d["message"]) for f in document["files"] for d in f["diagnostics"]
            if d["severity"] in ("error", "warning")}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/release/juesuan"))
    parser.add_argument("reports", nargs="+")
    args = parser.parse_args()
    copies = raising = 0
    with tempfile.TemporaryDirectory() as folder:
        copy = os.path.join(folder, "reworded.juesuan")
        for report in args.reports:
            lines = open(report, encoding="utf-8").read().split("\n")
            prose = in_prose(lines)
            before = {(code, message) for code, _, message in serious(args.binary, report)}
            for words, replacement in SUBSTITUTIONS:
                if not any(words in line for line, inside in zip(lines, prose) if inside):
                    continue
                copies += 1
                reworded = [line.replace(words, replacement) if inside else line for line, inside in zip(lines, prose)]
                with open(copy, "w", encoding="utf-8") as out:
                    out.write("\n".join(reworded))
                new = sorted((code, line, message) for code, line, message in serious(args.binary, copy) if (code, message) not in before)
                if new:
                    raising += 1
                    print(f"{os.path.basename(report)}: {words} → {replacement}")
                    for code, line, message in new[:4]:
                        print(f"    {code} line {line}: {message}")
    print(f"{copies} reworded copies, {raising} raising an error or warning the report does not")
    return 0


if __name__ == "__main__":
    sys.exit(main())
