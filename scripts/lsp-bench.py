#!/usr/bin/env python3
"""LSP latency benchmark: drives `juesuan lsp` over pipes on a generated report.

Usage: scripts/lsp-bench.py [--binary .build/release/juesuan] [--lines 20000] [--edits 200]

Measures, on a generated report of at least --lines lines (scripts/lsp_bench_report.py):
  - initialize round trip,
  - didOpen → publishDiagnostics,
  - one-character didChange → publishDiagnostics for that version (p50/p99 over --edits): a
    figure typed wrong, then right again, so the report keeps a usual number of findings; then
    --edits/2 wrong figures left in (findings accumulating), reported on their own row,
  - completion and hover latency (p50/p99),
  - hover, completion, semantic tokens (delta), inlay hints, code actions, document symbols and
    folding sent right after a one-character edit, before its diagnostics, in bursts of three
    keystrokes in one place with a pause between places (issue 15), each with the time its
    handler took in the server (wall clock and its thread's CPU time, from the server's trace):
    the rest of the client's figure is reading, queueing and writing the message, and waiting
    for a core,
  - completion while typing a name at the start of a new row (issue 18): each keystroke is a
    didChange followed at once by a completion request, as an editor sends them; and the same
    completions again once the report is analysed,
  - peak memory of the server (VmHWM from /proc/<pid>/status).
Only the standard library is used, so the figures include nothing but the server and the pipe.
"""
import argparse
import gc
import json
import os
import queue
import re
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lsp_bench_report  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class Client:
    def __init__(self, argv, stderr=None, env=None):
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env,
                                     stderr=open(stderr or os.environ.get("BENCH_STDERR", os.devnull), "w"))
        self.responses = {}
        self.notifications = queue.Queue()
        self.cond = threading.Condition()
        self.next_id = 1
        threading.Thread(target=self.read_loop, daemon=True).start()

    def read_loop(self):
        out = self.proc.stdout
        while True:
            header = b""
            while not header.endswith(b"\r\n\r\n"):
                c = out.read(1)
                if not c:
                    return
                header += c
            length = int([l for l in header.split(b"\r\n") if l.lower().startswith(b"content-length")][0].split(b":")[1])
            raw = out.read(length)
            now = time.perf_counter()  # the server's answer is complete; parsing it is the client's time
            body = json.loads(raw)
            if "id" in body and "method" not in body:
                with self.cond:
                    self.responses[body["id"]] = (now, body)
                    self.cond.notify_all()
            else:
                self.notifications.put((now, body))

    def send(self, obj):
        data = json.dumps(obj, ensure_ascii=False).encode("utf-8")
        # Timed before the write: the reply can be read (and timed) before the write returns.
        start = time.perf_counter()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(data) + data)
        self.proc.stdin.flush()
        return start

    def request(self, method, params):
        rid = self.next_id
        self.next_id += 1
        start = self.send({"jsonrpc": "2.0", "id": rid, "method": method, "params": params})
        with self.cond:
            while rid not in self.responses:
                self.cond.wait(30)
            end, body = self.responses.pop(rid)
        return (end - start) * 1000, body

    def notify(self, method, params):
        return self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def wait_diagnostics(self, version):
        while True:
            end, body = self.notifications.get(timeout=60)
            if body.get("method") == "textDocument/publishDiagnostics" and body["params"].get("version") == version:
                return end, body

    def peak_memory_kb(self):
        with open(f"/proc/{self.proc.pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
        return -1


def percentile(values, p):
    values = sorted(values)
    k = min(len(values) - 1, max(0, int(round(p / 100 * (len(values) - 1)))))
    return values[k]


def utf16_len(s):
    return len(s.encode("utf-16-le")) // 2


# (row to type after, text typed one character at a time, code the first item must insert)
NAMES = [
    ("21015    医疗保障管理事务", "一般行政", "2101502"),
    ("2080505  机关事业单位", "养老保险缴费", "2080505"),
    ("30101  基本工资", "办公费", "30201"),
    ("2210201  住房公积金", "提租补贴", "2210202"),
    ("21015    医疗保障管理事务", "21015信息化", "2101504"),
    ("20805    行政事业单位养老支出", "其他", None),
    ("21015    医疗保障管理事务", "行政运行", None),
]


def trace_lines(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        return len(f.readlines())


def completion_times(path, skip):
    """Server-side completion times (ms) logged after the first `skip` lines of the trace."""
    with open(path, encoding="utf-8", errors="replace") as f:
        lines = f.readlines()[skip:]
    # Lines read "juesuan lsp: [monotonic ms] completion in URI vN in T ms".
    return [float(l.split(" in ")[-1].split()[0]) for l in lines if re.search(r"lsp: (\[[0-9.]+\] )?completion in ", l)]


def request_times(path, start, end):
    """Per method, the server's own (wall, thread CPU) ms for each request it logged between
    lines `start` and `end` of the trace: how much of the client's figure is the handler."""
    with open(path, encoding="utf-8", errors="replace") as f:
        lines = f.readlines()[start:end]
    times = {}
    for line in lines:
        match = re.search(r"request textDocument/(\S+) \(.*?\) in ([0-9.]+) ms \(([0-9.]+) ms on its thread\)", line)
        if match:
            times.setdefault(match.group(1), []).append((float(match.group(2)), float(match.group(3))))
    return times


def type_names(client, uri, lines, version, settle=False, repeats=3):
    """Types each name into a new row below its anchor row, one character per didChange, asking
    for completion after every character (at once, as editors do; with `settle`, once the quick
    diagnostics of that keystroke are in, so the re-check does not share the CPU with the
    completion); then asks again once the server had time to analyse the whole report.
    Returns (typing latencies, analysed latencies, names whose first item was checked, version)."""
    typing, analysed, checked = [], [], 0
    for repeat in range(repeats):
        for anchor, name, expected in NAMES:
            line_no = next(i for i, l in enumerate(lines) if l.startswith(anchor))
            end = utf16_len(lines[line_no])
            version += 1
            client.notify("textDocument/didChange", {
                "textDocument": {"uri": uri, "version": version},
                "contentChanges": [{"range": {"start": {"line": line_no, "character": end}, "end": {"line": line_no, "character": end}}, "text": "\n"}]})
            row = line_no + 1
            typed = ""
            body = None
            for ch in name:
                version += 1
                col = utf16_len(typed)
                client.notify("textDocument/didChange", {
                    "textDocument": {"uri": uri, "version": version},
                    "contentChanges": [{"range": {"start": {"line": row, "character": col}, "end": {"line": row, "character": col}}, "text": ch}]})
                typed += ch
                if settle:
                    client.wait_diagnostics(version)
                ms, body = client.request("textDocument/completion", {"textDocument": {"uri": uri}, "position": {"line": row, "character": utf16_len(typed)}})
                typing.append(ms)
            items = sorted(body["result"]["items"], key=lambda item: item["sortText"])
            if expected is not None:
                assert items and items[0]["textEdit"]["newText"].split()[0] == expected, (name, items[:3])
                checked += 1
            time.sleep(0.6)  # the typing pause, then the full analysis of this version
            for _ in range(5):
                ms, _ = client.request("textDocument/completion", {"textDocument": {"uri": uri}, "position": {"line": row, "character": utf16_len(typed)}})
                analysed.append(ms)
            # Remove the typed row again.
            version += 1
            client.notify("textDocument/didChange", {
                "textDocument": {"uri": uri, "version": version},
                "contentChanges": [{"range": {"start": {"line": line_no, "character": end}, "end": {"line": row, "character": utf16_len(typed)}}, "text": ""}]})
    return typing, analysed, checked, version


def main():
    # The client's cyclic garbage collector, run while it parses a large answer (semantic tokens:
    # 500,000 numbers), stops its reader for tens of milliseconds: a pause of this client, not
    # of the server, which the latencies would otherwise include at random.
    gc.disable()
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "juesuan"))
    parser.add_argument("--lines", type=int, default=20000)
    parser.add_argument("--edits", type=int, default=200)
    # Requests right after a keystroke, per kind: 100 makes the p99 the second-worst, not the worst.
    parser.add_argument("--after-keystroke", type=int, default=100)
    args = parser.parse_args()

    text = lsp_bench_report.generate(args.lines)
    lines = text.split("\n")
    uri = "file:///bench/generated.juesuan"
    print(f"report: {len(lines) - 1} lines, {len(text.encode('utf-8'))} bytes; server: {args.binary}")

    # The server's own time per completion, from its trace (JUESUAN_LSP_TRACE=1): what the
    # client-side figures add to it is the pipe, the queue behind other messages, and Python.
    trace_path = os.path.join(tempfile.mkdtemp(prefix="lsp-bench-"), "trace.log")
    client = Client([args.binary, "lsp"], stderr=trace_path, env=dict(os.environ, JUESUAN_LSP_TRACE="1"))
    init_ms, _ = client.request("initialize", {"processId": os.getpid(), "rootUri": None, "capabilities": {}})
    client.notify("initialized", {})

    start = client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "juesuan", "version": 1, "text": text}})
    end, first = client.wait_diagnostics(1)
    open_ms = (end - start) * 1000

    # One-character edits: a digit of a figure in code rows spread over the document is typed
    # wrong, then right again (each a keystroke), so the report keeps the findings a report
    # being written has. Then the same edits without the correction, findings accumulating.
    rows = [i for i, l in enumerate(lines) if l[:7].isdigit() and len(l.split()) >= 4]
    version = 1

    def replace_last_digit(line_no, new):
        nonlocal version
        line = lines[line_no]
        col = len(line) - 1  # last digit of the last cell
        lines[line_no] = line[:col] + new
        version += 1
        character = utf16_len(line[:col])
        start = client.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": version},
            "contentChanges": [{"range": {"start": {"line": line_no, "character": character},
                                          "end": {"line": line_no, "character": character + 1}}, "text": new}]})
        return start, line[col]

    edit_ms = []
    for k in range(args.edits // 2):
        line_no = rows[(k * 7919) % len(rows)]
        original = lines[line_no][-1]
        for new in ("7" if original != "7" else "3", original):
            start, _ = replace_last_digit(line_no, new)
            end, _ = client.wait_diagnostics(version)
            edit_ms.append((end - start) * 1000)
    accumulating_ms = []
    for k in range(args.edits // 2):
        line_no = rows[(k * 7919 + 17) % len(rows)]
        start, _ = replace_last_digit(line_no, "7" if lines[line_no][-1] != "7" else "3")
        end, body = client.wait_diagnostics(version)
        accumulating_ms.append((end - start) * 1000)
    accumulated = len(body["params"]["diagnostics"])
    # Back to the report as generated (one change of the whole text), analysed in full.
    lines = text.split("\n")
    version += 1
    client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]})
    client.wait_diagnostics(version)

    completion_ms = []
    hover_ms = []
    for k in range(args.edits):
        line_no = rows[(k * 104729) % len(rows)]
        line = lines[line_no]
        ms, body = client.request("textDocument/completion", {"textDocument": {"uri": uri}, "position": {"line": line_no, "character": 4}})
        assert body.get("result", {}).get("items"), body
        completion_ms.append(ms)
        ms, body = client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": line_no, "character": 2}})
        assert body.get("result"), body
        hover_ms.append(ms)
        target = line.rfind(" ") + 2
        ms, body = client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": line_no, "character": utf16_len(line[:target])}})
        hover_ms.append(ms)

    # Requests sent right after a keystroke, as an editor sends them (issue 15). A user types a
    # few characters in one place, then moves elsewhere (a pause longer than the server's typing
    # pause of 0.25 s): bursts of three one-character edits to a figure, each followed at once
    # by a request (the kinds in turn), before that edit's diagnostics are in.
    kinds = ["hover", "completion", "semanticTokens/full/delta", "inlayHint", "codeAction", "documentSymbol", "foldingRange"]
    after_keystroke = {name: [] for name in kinds}
    keystroke_trace_from = trace_lines(trace_path)
    _, body = client.request("textDocument/semanticTokens/full", {"textDocument": {"uri": uri}})
    result_id = body["result"]["resultId"]
    k = 0
    for burst in range((args.after_keystroke * len(kinds) + 2) // 3):
        time.sleep(0.4)  # moving to the next place
        line_no = rows[(burst * 6151) % len(rows)]
        original = lines[line_no][-1]
        for _ in range(3):
            kind = kinds[k % len(kinds)]
            k += 1
            line = lines[line_no]
            col = len(line) - 1
            new = "7" if line[col] != "7" else "3"
            lines[line_no] = line[:col] + new
            version += 1
            character = utf16_len(line[:col])
            client.notify("textDocument/didChange", {
                "textDocument": {"uri": uri, "version": version},
                "contentChanges": [{"range": {"start": {"line": line_no, "character": character},
                                              "end": {"line": line_no, "character": character + 1}}, "text": new}]})
            doc = {"uri": uri}
            here = {"start": {"line": line_no, "character": 0}, "end": {"line": line_no, "character": character}}
            if kind == "hover":
                ms, body = client.request("textDocument/hover", {"textDocument": doc, "position": {"line": line_no, "character": 2}})
                assert body.get("result"), body
            elif kind == "completion":
                ms, body = client.request("textDocument/completion", {"textDocument": doc, "position": {"line": line_no, "character": 4}})
            elif kind == "semanticTokens/full/delta":
                ms, body = client.request("textDocument/semanticTokens/full/delta", {"textDocument": doc, "previousResultId": result_id})
                result_id = body["result"]["resultId"]
            elif kind == "inlayHint":
                ms, body = client.request("textDocument/inlayHint", {"textDocument": doc, "range": {
                    "start": {"line": max(0, line_no - 40), "character": 0}, "end": {"line": line_no + 40, "character": 0}}})
            elif kind == "codeAction":
                ms, body = client.request("textDocument/codeAction", {"textDocument": doc, "range": here, "context": {"diagnostics": []}})
            elif kind == "documentSymbol":
                ms, body = client.request("textDocument/documentSymbol", {"textDocument": doc})
            else:
                ms, body = client.request("textDocument/foldingRange", {"textDocument": doc})
            assert "error" not in body, body
            after_keystroke[kind].append(ms)
            client.wait_diagnostics(version)
        # The user corrects the figure before moving on (not measured).
        replace_last_digit(line_no, original)
        client.wait_diagnostics(version)

    typing_from = trace_lines(trace_path)
    keystroke_server = request_times(trace_path, keystroke_trace_from, typing_from)
    typing_ms, analysed_ms, names_checked, version = type_names(client, uri, lines, version)
    settled_ms, analysed_2, names_2, version = type_names(client, uri, lines, version, settle=True)
    analysed_ms += analysed_2
    names_checked += names_2

    server_name_ms = completion_times(trace_path, typing_from)

    peak = client.peak_memory_kb()
    client.request("shutdown", None)
    client.notify("exit", None)
    code = client.proc.wait(10)

    def row(name, values):
        print(f"{name:<46} p50 {percentile(values, 50):8.2f} ms   p99 {percentile(values, 99):8.2f} ms   max {max(values):8.2f} ms   (n={len(values)})")

    print(f"{'initialize round trip':<46} {init_ms:8.2f} ms")
    print(f"{'didOpen → diagnostics':<46} {open_ms:8.2f} ms   ({len(first['params']['diagnostics'])} diagnostics)")
    row("didChange (1 char) → diagnostics", edit_ms)
    row(f"  same, findings accumulating to {accumulated}", accumulating_ms)
    row("completion", completion_ms)
    row("hover", hover_ms)
    for kind, values in after_keystroke.items():
        row(f"{kind} right after a keystroke", values)
        server = keystroke_server.get(kind, [])
        if server:
            row("  its handler (wall, trace)", [wall for wall, _ in server])
            row("  its handler (thread CPU, trace)", [cpu for _, cpu in server])
    if os.environ.get("BENCH_SHOW_ORDER"):
        for kind, values in after_keystroke.items():
            print(kind, " ".join(f"{v:.1f}" for v in values))
    row("completion while typing a name", typing_ms)
    row("  same, after the keystroke's re-check", settled_ms)
    row("completion by name (analysed)", analysed_ms)
    if server_name_ms:
        row("  by name, server time (trace)", server_name_ms)
    print(f"{'names typed (first item checked)':<46} {names_checked}")
    print(f"{'peak memory (VmHWM)':<46} {peak / 1024:8.1f} MiB")
    print(f"exit code {code}")


if __name__ == "__main__":
    main()
