"""Fixtures of the ops tests: our Bot API server, a free port, a clean working directory."""

from __future__ import annotations

import socket
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest
import pytest_asyncio
from botapi import ENV, TOKEN, FakeBotAPI

from bot import console
from bot.core.knowledge import DEFAULT_KNOWLEDGE_DIR


@pytest_asyncio.fixture
async def api() -> AsyncIterator[FakeBotAPI]:
    server = FakeBotAPI(TOKEN)
    await server.start()
    yield server
    await server.stop()


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty working directory (no stray .env) and no bot setting from the environment
    but DATA_DIR, set to ``data`` inside it."""
    for name in ENV:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATA_DIR", str(tmp_path / "data"))
    return tmp_path


@pytest.fixture
def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture
def console_chat(monkeypatch: pytest.MonkeyPatch) -> Callable[[list[str]], int]:
    """The console chat of the default knowledge, typed the given lines; its exit code."""

    def chat(lines: list[str]) -> int:
        typed = iter(lines)

        def fake_input(prompt: str = "") -> str:
            try:
                return next(typed)
            except StopIteration:
                raise EOFError from None

        monkeypatch.setattr("builtins.input", fake_input)
        return console.chat(DEFAULT_KNOWLEDGE_DIR)

    return chat
