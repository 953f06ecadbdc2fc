#!/usr/bin/env python3
"""Memory of one large document: open, first diagnostics, peak, close (issue 17).

Usage: scripts/bench-close.py [--binary .build/release/juesuan] [--megabytes 20]

Drives `juesuan lsp` over pipes: warms the server with a small report (opened and closed),
takes the resident memory (VmRSS) as the baseline, opens a generated report of at least
--megabytes MB (scripts/lsp_bench_report.py), times didOpen → first publishDiagnostics,
reads the peak (VmHWM), closes it and reads VmRSS again after the server settles.
"""
import argparse
import importlib.util
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lsp_bench_report  # noqa: E402

spec = importlib.util.spec_from_file_location("lsp_bench", os.path.join(HERE, "lsp-bench.py"))
lsp_bench = importlib.util.module_from_spec(spec)
spec.loader.exec_module(lsp_bench)


def status(pid, key):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1])
    return -1


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(os.path.dirname(HERE), ".build/release/juesuan"))
    parser.add_argument("--megabytes", type=int, default=20)
    args = parser.parse_args()
    client = lsp_bench.Client([args.binary, "lsp"])
    client.request("initialize", {"processId": None, "rootUri": None, "capabilities": {}})
    client.notify("initialized", {})
    warm = lsp_bench_report.generate(minimum_lines=200)
    client.notify("textDocument/didOpen", {"textDocument": {"uri": "file:///warm.juesuan", "languageId": "juesuan", "version": 1, "text": warm}})
    client.wait_diagnostics(1)
    client.notify("textDocument/didClose", {"textDocument": {"uri": "file:///warm.juesuan"}})
    time.sleep(1)
    before = status(client.proc.pid, "VmRSS")

    lines = 20000
    text = lsp_bench_report.generate(minimum_lines=lines)
    while len(text.encode("utf-8")) < args.megabytes * 1_000_000:
        lines = int(lines * args.megabytes * 1_000_000 / len(text.encode("utf-8")) * 1.02) + 1
        text = lsp_bench_report.generate(minimum_lines=lines)
    size = len(text.encode("utf-8"))
    start = client.notify("textDocument/didOpen", {"textDocument": {"uri": "file:///big.juesuan", "languageId": "juesuan", "version": 1, "text": text}})
    end, body = client.wait_diagnostics(1)
    first = end - start
    findings = len(body["params"]["diagnostics"])
    _, hover = client.request("textDocument/hover", {"textDocument": {"uri": "file:///big.juesuan"}, "position": {"line": 10, "character": 3}})
    peak = status(client.proc.pid, "VmHWM")
    opened = status(client.proc.pid, "VmRSS")
    client.notify("textDocument/didClose", {"textDocument": {"uri": "file:///big.juesuan"}})
    after = opened
    deadline = time.time() + 20
    while time.time() < deadline:
        time.sleep(0.5)
        after = status(client.proc.pid, "VmRSS")
        if after <= before * 1.2:
            break
    client.request("shutdown", None)
    client.notify("exit", None)
    print(f"document: {size / 1e6:.1f} MB, {text.count(chr(10))} lines, {findings} findings")
    print(f"didOpen → first publishDiagnostics: {first:.2f} s")
    print(f"VmRSS before open: {before / 1024:.0f} MiB; open: {opened / 1024:.0f} MiB; peak VmHWM: {peak / 1024:.0f} MiB")
    print(f"VmRSS after close: {after / 1024:.0f} MiB ({after / before:.2f} × before open)")


if __name__ == "__main__":
    main()
