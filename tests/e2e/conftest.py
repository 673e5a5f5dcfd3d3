"""Fixtures: our Bot API server on a free port, and the real Application polling it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from botapi import ENV, TOKEN, FakeBotAPI
from harness import ERRORS, make_app, serving

from bot.config import load_settings
from bot.core.knowledge import Knowledge
from bot.tg.app import SORRY

FAST = (0.05, 0.1, 0.2)  # seconds between tries through an outage, in the tests


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "env(**settings): more settings for the app fixture")


async def _note_error(update: object, context: Any) -> None:
    context.bot_data.setdefault(ERRORS, []).append(context.error)


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> pytest.MonkeyPatch:
    """No bot setting leaks in from the developer's environment; DATA_DIR is the test's."""
    for name in ENV:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DATA_DIR", str(tmp_path / "data"))
    return monkeypatch


@pytest_asyncio.fixture
async def app(
    api: FakeBotAPI,
    clean_env: pytest.MonkeyPatch,
    kb: Knowledge,
    request: pytest.FixtureRequest,
) -> AsyncIterator[Any]:
    """The real Application, configured through Settings, polling our server, stopped as on
    SIGTERM. A test may set more settings with ``@pytest.mark.env(NAME="value")``."""
    clean_env.setenv("TELEGRAM_BOT_TOKEN", TOKEN)
    clean_env.setenv("BOT_API_BASE_URL", api.base_url)
    clean_env.setenv("ERASE_NOTICE_SECONDS", "0.3")
    clean_env.setenv("ADMIN_IDS", "42")
    for marker in request.node.iter_markers("env"):
        for name, value in marker.kwargs.items():
            clean_env.setenv(name, str(value))
    application = make_app(load_settings(env_file=None), kb)
    application.add_error_handler(_note_error)
    application.bot.rate_limiter.outage.pauses = FAST  # outages of a test last a moment
    async with serving(application):
        yield application
    name = request.node.name
    if "error" not in name and "fault" not in name:  # no handler failed, not even silently
        apologies = [c for c in api.since(0, "sendMessage") if SORRY in c.text]
        assert not apologies, "a handler raised; see the log"
        errors = application.bot_data.get(ERRORS, [])
        assert not errors, f"errors reached the error handler: {errors!r}"
