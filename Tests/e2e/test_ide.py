"""End-to-end tests of the IDE features (issue 6) through a real LSP client (pytest-lsp):
quick fixes, formatting and the outline, against the built `juesuan lsp`.

    scripts/e2e-setup.sh && .venv/bin/pytest Tests/e2e
"""
import asyncio
import pathlib

import pytest_lsp
from lsprotocol import types
from pytest_lsp import LanguageClient

from support import ROOT, client, locate  # noqa: F401  (client is a fixture)

PATH = ROOT / "examples" / "deliberate-errors.juesuan"
TEXT = PATH.read_text(encoding="utf-8")
URI = PATH.as_uri()


async def open_document(client: LanguageClient, text: str = TEXT, version: int = 1):
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=URI, language_id="juesuan", version=version, text=text)))
    while True:
        params = await asyncio.wait_for(client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), 30)
        if params.uri == URI and params.version == version:
            return params.diagnostics


def apply_edits(text: str, edits: list[types.TextEdit]) -> str:
    """Applies LSP edits (UTF-16 positions) to `text`, last first."""
    lines = text.split("\n")

    def offset(position: types.Position) -> int:
        before = sum(len(line) + 1 for line in lines[:position.line])
        line = lines[position.line] if position.line < len(lines) else ""
        units, index = 0, 0
        while units < position.character and index < len(line):
            units += 2 if ord(line[index]) > 0xFFFF else 1
            index += 1
        return before + index

    spans = sorted(((offset(e.range.start), offset(e.range.end), e.new_text) for e in edits), reverse=True)
    for start, end, new in spans:
        text = text[:start] + new + text[end:]
    return text


async def test_quick_fix_writes_the_computed_total_and_the_error_goes_away(client: LanguageClient):
    diagnostics = await open_document(client)
    [a201] = [d for d in diagnostics if d.code == "A201" and d.range.start.line == 27]
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=URI), range=a201.range,
        context=types.CodeActionContext(diagnostics=[a201])))
    preferred = [a for a in actions if a.is_preferred]
    assert len(preferred) == 1
    fix = preferred[0]
    assert fix.kind == types.CodeActionKind.QuickFix
    assert fix.diagnostics[0].code == "A201"
    [edit] = fix.edit.changes[URI]
    assert edit.new_text == "400.50" and edit.range == a201.range
    allow = [a for a in actions if a.title.startswith("在此处允许 A201")]
    assert allow and allow[0].edit.changes[URI][0].new_text == "// juesuan: allow A201\n"
    # Apply the fix as the editor would: the A201 and the A203 on that row disappear.
    fixed = apply_edits(TEXT, [edit])
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=URI, version=2),
        content_changes=[types.TextDocumentContentChangePartial(range=edit.range, text=edit.new_text)]))
    while True:
        params = await asyncio.wait_for(client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), 30)
        if params.version == 2:
            break
    assert not [d for d in params.diagnostics if d.range.start.line == 27 and d.code in ("A201", "A203")]
    assert "900.50  500.00  400.50" in fixed


async def test_formatting_aligns_a_table_and_is_idempotent(client: LanguageClient):
    text = ("部门 测试局\n年度 2024\n\n\n表 公开09 财政拨款“三公”经费支出决算表\n列 全年预算数 决算数\n"
            "合计 5.00 4.00\n1.因公出国（境）费 0.00 0.00\n2.公务用车购置及运行维护费 2.00 1.50\n"
            "（1）公务用车购置费 0.00 0.00\n（2）公务用车运行维护费 2.00 1.50\n3.公务接待费 3.00 2.50\n")
    await open_document(client, text)
    options = types.FormattingOptions(tab_size=4, insert_spaces=True)
    edits = await client.text_document_formatting_async(types.DocumentFormattingParams(
        text_document=types.TextDocumentIdentifier(uri=URI), options=options))
    assert edits
    formatted = apply_edits(text, edits)
    rows = formatted.split("\n")
    # Figures right-aligned: every row's last figure ends in the same display column.
    def width(s: str) -> int:
        import unicodedata
        return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
    table = [r for r in rows if r and r[0] in "合1（23"]
    assert len({width(r) for r in table}) == 1, table
    # Only blanks changed.
    assert formatted.replace(" ", "").replace("\n", "") == text.replace(" ", "").replace("\n", "")
    # Idempotent: formatting the result changes nothing.
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=URI, version=2),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=formatted)]))
    again = await client.text_document_formatting_async(types.DocumentFormattingParams(
        text_document=types.TextDocumentIdentifier(uri=URI), options=options))
    assert not again


async def test_outline_lists_blocks_with_rows_as_children(client: LanguageClient):
    await open_document(client)
    symbols = await client.text_document_document_symbol_async(types.DocumentSymbolParams(
        text_document=types.TextDocumentIdentifier(uri=URI)))
    assert all(isinstance(s, types.DocumentSymbol) for s in symbols)
    names = [s.name for s in symbols]
    assert names[0] == "表头"
    assert "公开03 支出决算表" in names and "名词解释" in names
    table = next(s for s in symbols if s.name == "公开03 支出决算表")
    assert table.kind == types.SymbolKind.Struct
    rows = {c.name: c for c in table.children}
    assert "2101501 行政运行" in rows
    assert rows["2101501 行政运行"].selection_range.start == locate(TEXT, "2101501")
    glossary = next(s for s in symbols if s.name == "名词解释")
    assert [c.name for c in glossary.children][:2] == ["基本支出", "项目支出"]
    table01 = next(s for s in symbols if s.name.startswith("公开01"))
    assert [c.name for c in table01.children] == ["收入方", "支出方"]
    folding = await client.text_document_folding_range_async(types.FoldingRangeParams(
        text_document=types.TextDocumentIdentifier(uri=URI)))
    assert any(r.start_line == 21 and r.end_line == 33 for r in folding)
