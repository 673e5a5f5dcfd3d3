"""Fixtures: our Bot API server on a free port, and the real Application polling it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
import pytest_asyncio
from botapi import ENV, TOKEN, FakeBotAPI

from bot.config import load_settings
from bot.core.knowledge import Knowledge
from bot.tg.app import ALLOWED_UPDATES, SORRY, build_application


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    """No bot setting leaks in from the developer's environment."""
    for name in ENV:
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


@pytest_asyncio.fixture
async def api() -> AsyncIterator[FakeBotAPI]:
    server = FakeBotAPI(TOKEN)
    await server.start()
    yield server
    await server.stop()


@pytest_asyncio.fixture
async def app(
    api: FakeBotAPI,
    clean_env: pytest.MonkeyPatch,
    kb: Knowledge,
    request: pytest.FixtureRequest,
) -> AsyncIterator[Any]:
    """The real Application, configured through Settings, polling our server."""
    clean_env.setenv("TELEGRAM_BOT_TOKEN", TOKEN)
    clean_env.setenv("BOT_API_BASE_URL", api.base_url)
    clean_env.setenv("ERASE_NOTICE_SECONDS", "0.3")
    clean_env.setenv("ADMIN_IDS", "42")
    application = build_application(load_settings(env_file=None), kb)
    await application.initialize()
    assert application.post_init is not None
    await application.post_init(application)
    assert application.updater is not None
    await application.updater.start_polling(
        timeout=5, poll_interval=0, allowed_updates=ALLOWED_UPDATES
    )
    await application.start()
    try:
        yield application
        if "error" not in request.node.name:  # no handler failed silently
            apologies = [c for c in api.since(0, "sendMessage") if SORRY in c.text]
            assert not apologies, "a handler raised; see the log"
    finally:
        await application.updater.stop()
        await application.stop()
        if application.post_stop is not None:
            await application.post_stop(application)
        await application.shutdown()
