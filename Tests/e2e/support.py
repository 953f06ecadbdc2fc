"""What the end-to-end tests share: the server under test, its client fixture, positions."""
import pathlib

import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = ROOT / ".build" / "debug" / "juesuan"
CONFIG = ClientServerConfig(server_command=[str(BINARY), "lsp"])


@pytest_lsp.fixture(config=CONFIG)
async def client(lsp_client: LanguageClient):
    await lsp_client.initialize_session(types.InitializeParams(capabilities=types.ClientCapabilities()))
    yield
    await lsp_client.shutdown_session()


def locate(text: str, needle: str, add: int = 0) -> types.Position:
    """Line and UTF-16 column of the first `needle` in `text` (plus `add` characters)."""
    for number, line in enumerate(text.split("\n")):
        index = line.find(needle)
        if index >= 0:
            prefix = line[:index] + needle[:add]
            return types.Position(line=number, character=len(prefix.encode("utf-16-le")) // 2)
    raise AssertionError(f"{needle!r} not found")
