"""End-to-end tests: the built `juesuan lsp` binary driven over stdio by a real LSP client
(pytest-lsp / pygls from PyPI).

Setup and run, from the repository root:
    scripts/e2e-setup.sh
    .venv/bin/pytest Tests/e2e
"""
import asyncio
import pathlib

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import LanguageClient

from support import CONFIG, ROOT, client, locate  # noqa: F401  (client is a fixture)

EXAMPLE_PATH = "examples/zhushan-2024.juesuan"
EXAMPLE = (ROOT / EXAMPLE_PATH).read_text(encoding="utf-8")
URI = (ROOT / EXAMPLE_PATH).as_uri()


async def open_example(client: LanguageClient, text: str = EXAMPLE, version: int = 1):
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=URI, language_id="juesuan", version=version, text=text)))
    return await diagnostics_for(client, version)


async def diagnostics_for(client: LanguageClient, version: int):
    while True:
        params = await asyncio.wait_for(client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), 30)
        if params.uri == URI and params.version == version:
            return params.diagnostics


def change(client: LanguageClient, version: int, start: types.Position, end: types.Position, text: str):
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=URI, version=version),
        content_changes=[types.TextDocumentContentChangePartial(range=types.Range(start=start, end=end), text=text)]))


async def test_opening_the_example_publishes_its_diagnostics(client: LanguageClient):
    diagnostics = await open_example(client)
    infos = [d for d in diagnostics if d.code == "A290"]
    assert infos and all(d.severity == types.DiagnosticSeverity.Information for d in infos)
    assert all(d.source == "juesuan" for d in diagnostics)
    [c302] = [d for d in diagnostics if d.code == "C302"]
    assert c302.severity == types.DiagnosticSeverity.Warning
    assert c302.range.start == locate(EXAMPLE, "公务员医疗补助缴款")
    assert c302.range.end == locate(EXAMPLE, "公务员医疗补助缴款", add=9)
    assert EXAMPLE.split("\n")[c302.range.start.line].startswith("30111")
    assert c302.code_description.href.endswith("docs/rules.md#c302")
    assert "juesuan.invalid" not in c302.code_description.href
    assert infos[0].related_information, "a rounded total points at its addends"
    # The example's one real error: a share in its 绩效 narrative (N502).
    assert [d.code for d in diagnostics if d.severity == types.DiagnosticSeverity.Error] == ["N502"]


async def test_editing_a_number_publishes_new_diagnostics(client: LanguageClient):
    await open_example(client)
    # 公开03: 2101506 医疗保障经办事务 13.40 → 14.40; its 款 21015 no longer adds up.
    start = locate(EXAMPLE, "13.40    0.00   13.40")
    change(client, 2, start, types.Position(line=start.line, character=start.character + 2), "14")
    diagnostics = await diagnostics_for(client, 2)
    errors = [d for d in diagnostics if d.severity == types.DiagnosticSeverity.Error and d.code != "N502"]
    assert errors and all(str(d.code).startswith("A2") for d in errors), errors
    assert any(d.code == "A201" and "285.01" in d.message for d in errors)
    a201 = next(d for d in errors if d.code == "A201")
    assert len(a201.related_information) == 3


async def completion_labels(client: LanguageClient, typed: str):
    # A new row in 公开02, after 21015's last 项.
    anchor = locate(EXAMPLE, "2101599  其他医疗保障管理事务支出            75.98   75.98")
    text = EXAMPLE.split("\n")
    text.insert(anchor.line + 1, typed)
    await open_example(client, "\n".join(text))
    result = await client.text_document_completion_async(types.CompletionParams(
        text_document=types.TextDocumentIdentifier(uri=URI),
        position=types.Position(line=anchor.line + 1, character=len(typed))))
    assert isinstance(result, types.CompletionList)
    return result


async def test_completing_2101_lists_its_kuan(client: LanguageClient):
    result = await completion_labels(client, "2101")
    items = {i.label: i for i in result.items}
    assert {"21011", "21012", "21015"} <= items.keys()
    item = items["21015"]
    assert item.text_edit.new_text == "21015  医疗保障管理事务"
    assert item.text_edit.range.start.character == 0 and item.text_edit.range.end.character == 4


async def test_completing_21015_lists_its_xiang(client: LanguageClient):
    result = await completion_labels(client, "21015")
    items = {i.label: i for i in result.items}
    assert {"2101501", "2101506", "2101599"} <= items.keys()
    assert items["2101501"].text_edit.new_text == "2101501  行政运行"


async def test_hover_on_a_glossary_term_in_prose_and_on_a_code(client: LanguageClient):
    await open_example(client)
    # 基本支出 in the narrative; the report defines it in its own 名词解释.
    prose = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=URI), position=locate(EXAMPLE, "其中：基本支出", add=4)))
    # The fixture's client declares no hover contentFormat: plain text, no Markdown marks.
    assert prose.contents.kind == types.MarkupKind.PlainText
    assert prose.contents.value.startswith("基本支出\n")
    assert "**" not in prose.contents.value
    assert "为保障机构正常运转" in prose.contents.value
    # 经营收入 is not in the report's glossary: the standard one answers.
    code = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=URI), position=locate(EXAMPLE, "2101501", add=3)))
    assert code.contents.value.startswith("2101501 行政运行\n")
    assert "210 卫生健康支出 › 21015 医疗保障管理事务 › 2101501 行政运行" in code.contents.value


async def test_malformed_input_then_a_valid_request_is_answered(client: LanguageClient):
    await open_example(client)
    writer = client.protocol.writer
    writer.write(b'Content-Length: 10\r\n\r\n{"id": 1,}')           # bad JSON: ParseError, id null
    writer.write(b"Content-Length: nonsense\r\n\r\n")               # bad header: resynchronised
    writer.write(b"Content-Length: 2\r\n\r\n[]")                     # not a message: InvalidRequest
    hover = await asyncio.wait_for(client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=URI), position=locate(EXAMPLE, "21015", add=1))), 10)
    assert "医疗保障管理事务" in hover.contents.value


async def test_clean_shutdown_exits_with_zero():
    client = await CONFIG.start()
    try:
        result = await client.initialize_session(types.InitializeParams(
            capabilities=types.ClientCapabilities(general=types.GeneralClientCapabilities(position_encodings=["utf-8", "utf-16"]))))
        assert result.capabilities.position_encoding == "utf-8"
        assert result.capabilities.hover_provider
        await client.shutdown_session()
        assert client._server.returncode == 0
    finally:
        await client.stop()
