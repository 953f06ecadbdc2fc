"""End to end (issue 18) through a real LSP client: a name typed at the start of a row is
completed to `code  official name`, the row is then clean of C301/C302, and workspace/symbol
finds rows and catalogue codes.

    scripts/test-e2e.sh
"""
import asyncio

from lsprotocol import types
from pytest_lsp import LanguageClient

from support import ROOT, client, locate  # noqa: F401  (client is a fixture)

URI = (ROOT / "names-e2e.juesuan").as_uri()
HEAD = "部门 测试局\n年度 2024\n单位 万元\n\n"
TABLE = ("表 公开03 支出决算表\n合计  10.00  10.00\n210  卫生健康支出  10.00  10.00\n"
         "21015  医疗保障管理事务  10.00  10.00\n2101501  行政运行  10.00  10.00\n")


async def diagnostics_of(client: LanguageClient, version: int):
    while True:
        params = await asyncio.wait_for(client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), 30)
        if params.uri == URI and params.version == version:
            return params.diagnostics


async def test_typed_name_becomes_code_and_official_name(client: LanguageClient):
    text = HEAD + TABLE
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=URI, language_id="juesuan", version=1, text=text)))
    await diagnostics_of(client, 1)
    # Type 一般行政 on a new row, one character at a time, as an editor sends it.
    row = len(text.split("\n")) - 1  # the empty line after the last row
    typed = ""
    version = 1
    for ch in "一般行政":
        version += 1
        position = types.Position(line=row, character=len(typed))
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=URI, version=version),
            content_changes=[types.TextDocumentContentChangePartial(range=types.Range(start=position, end=position), text=ch)]))
        typed += ch
    result = await client.text_document_completion_async(types.CompletionParams(
        text_document=types.TextDocumentIdentifier(uri=URI), position=types.Position(line=row, character=len(typed))))
    items = sorted(result.items, key=lambda item: item.sort_text)
    first = items[0]
    assert first.label == "2101502 一般行政管理事务"  # the child of 21015, written just above
    assert first.text_edit.new_text == "2101502  一般行政管理事务"
    assert first.text_edit.range.start == types.Position(line=row, character=0)
    # Accept it: the editor applies the edit; the row then has the official name.
    version += 1
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=URI, version=version),
        content_changes=[types.TextDocumentContentChangePartial(range=first.text_edit.range, text=first.text_edit.new_text + "  0.00  0.00")]))
    diagnostics = await diagnostics_of(client, version)
    assert not [d for d in diagnostics if d.code in ("C301", "C302") and d.range.start.line == row], diagnostics
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=URI), position=types.Position(line=row, character=2)))
    assert "2101502 一般行政管理事务" in hover.contents.value and "已核实" in hover.contents.value


async def test_workspace_symbol(client: LanguageClient):
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=URI, language_id="juesuan", version=1, text=HEAD + TABLE)))
    await diagnostics_of(client, 1)
    symbols = await client.workspace_symbol_async(types.WorkspaceSymbolParams(query="行政运行"))
    names = [s.name for s in symbols]
    assert names[0] == "2101501 行政运行"
    assert symbols[0].location.uri == URI
    assert symbols[0].location.range.start == locate(HEAD + TABLE, "2101501")
    assert "2010101 行政运行" in names
    unused = next(s for s in symbols if s.name == "2010101 行政运行")
    assert unused.container_name.endswith("（本报告未用）")
    assert unused.location.range.start == locate(HEAD + TABLE, "表 公开03")
