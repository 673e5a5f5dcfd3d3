"""Shared fixtures: the real knowledge, loaded once per test session; a temporary data
folder for the whole session; the console chat typed given lines; our Bot API server."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator

import pytest
import pytest_asyncio
from botapi import TOKEN, FakeBotAPI

from bot import console
from bot.core.engine import Engine
from bot.core.knowledge import DEFAULT_KNOWLEDGE_DIR, Knowledge, load_knowledge
from bot.core.model import Answer, Context
from bot.evaluate import harm_problems


@pytest.fixture(scope="session")
def kb() -> Knowledge:
    return load_knowledge()


@pytest.fixture(scope="session")
def engine(kb: Knowledge) -> Engine:
    return Engine(kb)


@pytest.fixture(scope="session")
def talk(engine: Engine) -> Callable[..., Answer]:
    """The answer to the last of some turns of one conversation, after the others."""

    def reply(*turns: str) -> Answer:
        context: Context | None = None
        answers = []
        for text in turns:
            answers.append(engine.reply(text, context))
            context = answers[-1].context
        return answers[-1]

    return reply


@pytest.fixture(scope="session")
def read_as_meant(engine: Engine) -> Callable[..., None]:
    """A check of a listed message: harm to a person is never `unknown` and has Línea 100 in
    the first lines of its answer (and the intent given, if one is); a calm look-alike has no
    harm read at all."""

    def check(text: str, harmful: bool, intent: str | None = None) -> None:
        if harmful:
            answer = engine.reply(text)
            assert not harm_problems(answer), text
            assert intent in (None, answer.intent), text
        else:
            assert not engine.understanding.read(text).harm.present, text

    return check


@pytest.fixture(scope="session", autouse=True)
def session_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """DATA_DIR and the engine cache in temporary folders: no test writes the repository's
    ``data/`` or the user's cache."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DATA_DIR", str(tmp_path_factory.mktemp("data")))
        patch.setenv("BOT_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        yield


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


@pytest_asyncio.fixture
async def api() -> AsyncIterator[FakeBotAPI]:
    """Our Bot API server on 127.0.0.1, for the Telegram and ops tests."""
    server = FakeBotAPI(TOKEN)
    await server.start()
    yield server
    await server.stop()
