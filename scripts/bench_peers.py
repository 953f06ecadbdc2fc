#!/usr/bin/env python3
"""Juesuan against peers, side by side: lint throughput and language-server latency.

Usage: scripts/bench_peers.py --juesuan .build/release/juesuan --report FILE --venv .venv-bench

  - writes a TOML file and a beancount ledger of about the report's size (valid, realistic:
    the same budget lines as tables / transactions),
  - lint throughput in MB/s (best of 3): `juesuan lint`, `taplo lint`, `bean-check`, and the
    raw-scan limit `wc -m`, each also as a ratio to Juesuan,
  - open → diagnostics and completion latency of `juesuan lsp`, `taplo lsp stdio` and
    `beancount-lsp` on those files (the LSP client of scripts/lsp-bench.py).
A peer that is not installed is reported as such and skipped.
"""
import argparse
import importlib.util
import os
import queue
import random
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("lsp_bench", os.path.join(HERE, "lsp-bench.py"))
lsp_bench = importlib.util.module_from_spec(spec)
spec.loader.exec_module(lsp_bench)


def codes_and_names(report):
    """(code, name) pairs from the report's rows, to give the peers' files the same content."""
    rows = []
    for line in open(report, encoding="utf-8"):
        parts = line.split()
        if len(parts) >= 3 and parts[0].isdigit():
            rows.append((parts[0], parts[1]))
        if len(rows) >= 5000:
            break
    return rows or [("2080505", "机关事业单位基本养老保险缴费支出")]


def write_toml(path, size, rows):
    rng = random.Random(2024)
    out = ['title = "部门决算"', 'department = "测试局"', "year = 2024", 'unit = "万元"', ""]
    n = 0
    total = 0
    while total < size:
        code, name = rows[n % len(rows)]
        basic, project = rng.randint(0, 500000) / 100, rng.randint(0, 500000) / 100
        block = (f'[[rows]]\nid = {n}\ncode = "{code}"\nname = "{name}"\n'
                 f"total = {basic + project:.2f}\nbasic = {basic:.2f}\nproject = {project:.2f}\n"
                 f'notes = ["决算数", "{name}"]\n\n')
        out.append(block)
        total += len(block.encode())
        n += 1
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out))


def write_ledger(path, size, rows):
    rng = random.Random(2024)
    accounts = sorted({f"Expenses:C{code}" for code, _ in rows[:400]})
    out = ['option "title" "部门决算"', 'option "operating_currency" "CNY"', "",
           "2024-01-01 open Assets:Treasury CNY", "2024-01-01 open Income:Appropriation CNY"]
    out += [f"2024-01-01 open {a} CNY" for a in accounts]
    out.append("")
    total = sum(len(l.encode()) + 1 for l in out)
    n = 0
    while total < size:
        code, name = rows[n % len(rows)]
        account = f"Expenses:C{code}" if f"Expenses:C{code}" in accounts else accounts[n % len(accounts)]
        amount = rng.randint(1, 5000000) / 100
        day = 1 + n % 28
        month = 1 + (n // 28) % 12
        block = (f'2024-{month:02d}-{day:02d} * "财政" "{name} {n}"\n'
                 f"  {account}  {amount:.2f} CNY\n  Assets:Treasury\n\n")
        out.append(block)
        total += len(block.encode())
        n += 1
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out))


def best_of(argv, runs=3, ok=(0, 1)):
    best = None
    for _ in range(runs):
        start = time.perf_counter()
        result = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        elapsed = time.perf_counter() - start
        if result.returncode not in ok:
            return None, result.stderr.decode(errors="replace")[-300:]
        best = elapsed if best is None else min(best, elapsed)
    return best, ""


class PeerClient(lsp_bench.Client):
    """lsp-bench's client, answering the server's own requests (configuration, registration)."""

    def __init__(self, argv, cwd=None):
        self.cwd = cwd
        super().__init__(argv)

    def wait_for(self, predicate, timeout):
        deadline = time.perf_counter() + timeout
        while True:
            left = deadline - time.perf_counter()
            if left <= 0:
                return None, None
            try:
                end, body = self.notifications.get(timeout=left)
            except queue.Empty:
                return None, None
            if "id" in body and "method" in body:  # a request from the server
                result = [None] * len(body.get("params", {}).get("items", [])) if body["method"] == "workspace/configuration" else None
                self.send({"jsonrpc": "2.0", "id": body["id"], "result": result})
                continue
            if predicate(body):
                return end, body

    def request_with_timeout(self, method, params, timeout=60):
        rid = self.next_id
        self.next_id += 1
        start = self.send({"jsonrpc": "2.0", "id": rid, "method": method, "params": params})
        deadline = time.perf_counter() + timeout
        while True:
            with self.cond:
                if rid in self.responses:
                    end, body = self.responses.pop(rid)
                    return (end - start) * 1000, body
            # Serve requests from the server while waiting.
            self.wait_for(lambda b: False, 0.01)
            if time.perf_counter() > deadline or self.proc.poll() is not None:
                return None, None


def lsp_latency(name, argv, path, language, completion_positions, init_options=None, runs=20):
    uri = "file://" + os.path.abspath(path)
    text = open(path, encoding="utf-8").read()
    try:
        client = PeerClient(argv)
    except OSError as error:
        return f"{name}: cannot start ({error})"
    root = "file://" + os.path.dirname(os.path.abspath(path))
    ms, body = client.request_with_timeout("initialize", {
        "processId": os.getpid(), "rootUri": root, "workspaceFolders": [{"uri": root, "name": "bench"}],
        "capabilities": {"textDocument": {"publishDiagnostics": {}, "completion": {"completionItem": {"snippetSupport": False}}},
                         "workspace": {"configuration": True}},
        "initializationOptions": init_options or {}})
    if body is None:
        status = client.proc.poll()
        client.proc.kill()
        if status is not None:
            return f"{name}: exited at once with status {status} (no language server in this build): skipped"
        return f"{name}: no answer to initialize"
    client.notify("initialized", {})
    start = client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": language, "version": 1, "text": text}})
    is_diagnostics = lambda b: b.get("method") == "textDocument/publishDiagnostics" and b["params"].get("uri") == uri
    end, diag = client.wait_for(is_diagnostics, 60)
    open_ms = (end - start) * 1000 if end else None
    note = ""
    if end is None:  # some servers check only on save
        start = client.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
        end, diag = client.wait_for(is_diagnostics, 60)
        open_ms = (end - start) * 1000 if end else None
        note = "none on open within 60 s; after didSave" if end else "none on open or save within 60 s"
    completion = []
    for k in range(runs):
        line, character = completion_positions[k % len(completion_positions)]
        ms, body = client.request_with_timeout("textDocument/completion", {"textDocument": {"uri": uri}, "position": {"line": line, "character": character}})
        if ms is None:
            break
        completion.append(ms)
    peak = client.peak_memory_kb()
    try:
        client.request_with_timeout("shutdown", None, timeout=10)
        client.notify("exit", None)
        client.proc.wait(5)
    except Exception:
        client.proc.kill()
    return {"open_ms": open_ms, "diagnostics": len(diag["params"]["diagnostics"]) if diag else None,
            "completion_p50": lsp_bench.percentile(completion, 50) if completion else None,
            "completion_p99": lsp_bench.percentile(completion, 99) if completion else None, "peak_mib": peak / 1024, "note": note}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--juesuan", required=True)
    parser.add_argument("--report", required=True)
    parser.add_argument("--venv", default=".venv-bench")
    args = parser.parse_args()
    size = os.path.getsize(args.report)
    rows = codes_and_names(args.report)
    work = tempfile.mkdtemp(prefix="juesuan-peers-")
    toml, ledger = os.path.join(work, "report.toml"), os.path.join(work, "ledger.beancount")
    write_toml(toml, size, rows)
    write_ledger(ledger, size, rows)
    report = os.path.join(work, "report.juesuan")
    shutil.copy(args.report, report)
    taplo = os.path.join(args.venv, "bin", "taplo")
    bean_check = os.path.join(args.venv, "bin", "bean-check")
    bean_lsp = os.path.join(args.venv, "bin", "beancount-lsp")

    print(f"files: report.juesuan {size} B, report.toml {os.path.getsize(toml)} B, ledger.beancount {os.path.getsize(ledger)} B")
    print("\nlint throughput (best of 3)")
    lint = [("juesuan lint", [args.juesuan, "lint", report], report),
            ("taplo lint", [taplo, "lint", "--no-schema", toml], toml),
            ("bean-check", [bean_check, ledger], ledger),
            ("wc -m (raw scan)", ["wc", "-m", report], report)]
    base = None
    for name, argv, path in lint:
        if not os.path.exists(argv[0]) and shutil.which(argv[0]) is None:
            print(f"  {name:<18} not installed: skipped")
            continue
        seconds, error = best_of(argv, ok=(0, 1) if "juesuan" in name else (0,))
        if seconds is None:
            print(f"  {name:<18} failed: {error.strip()}")
            continue
        mbs = os.path.getsize(path) / 1048576 / seconds
        if base is None:
            base = mbs
        print(f"  {name:<18} {seconds * 1000:9.1f} ms  {mbs:8.2f} MB/s   ×{mbs / base:.3f} of Juesuan")

    print("\nlanguage servers: didOpen → publishDiagnostics, completion p50/p99 (20 requests), peak RSS")
    jlines = open(report, encoding="utf-8").read().split("\n")
    jpos = [(i, 4) for i, l in enumerate(jlines) if l[:7].isdigit()][:: max(1, len(jlines) // 400)][:20] or [(0, 0)]
    tlines = open(toml, encoding="utf-8").read().split("\n")
    tpos = [(i, 0) for i, l in enumerate(tlines) if l.startswith("notes")][:: max(1, len(tlines) // 400)][:20] or [(0, 0)]
    blines = open(ledger, encoding="utf-8").read().split("\n")
    bpos = [(i, 11) for i, l in enumerate(blines) if l.startswith("  Expenses:")][:: max(1, len(blines) // 400)][:20] or [(0, 0)]
    servers = [("juesuan lsp", [args.juesuan, "lsp"], report, "juesuan", jpos, None),
               ("taplo lsp", [taplo, "lsp", "stdio"], toml, "toml", tpos, None),
               ("beancount-lsp", [bean_lsp, "--stdio"], ledger, "beancount", bpos, {"journal_file": ledger})]
    base_open = base_completion = None
    for name, argv, path, language, positions, options in servers:
        if not os.path.exists(argv[0]):
            print(f"  {name:<15} not installed: skipped")
            continue
        result = lsp_latency(name, argv, path, language, positions, options)
        if isinstance(result, str):
            print("  " + result)
            continue
        if base_open is None:
            base_open, base_completion = result["open_ms"], result["completion_p50"]
        def fmt(v):
            return "  n/a   " if v is None else f"{v:8.1f}"
        ratio_open = f"×{result['open_ms'] / base_open:.1f}" if result["open_ms"] and base_open else "—"
        ratio_completion = f"×{result['completion_p50'] / base_completion:.1f}" if result["completion_p50"] and base_completion else "—"
        print(f"  {name:<15} open→diagnostics {fmt(result['open_ms'])} ms ({result['diagnostics']} diagnostics, {ratio_open} Juesuan)"
              f"   completion p50 {fmt(result['completion_p50'])} ms p99 {fmt(result['completion_p99'])} ms ({ratio_completion})"
              f"   peak {result['peak_mib']:.0f} MiB" + (f"   [{result['note']}]" if result["note"] else ""))
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
