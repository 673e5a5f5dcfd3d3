"""The core still starts fast: ``ask`` imports none of the ops libraries; the bot warns when
BOT_USERNAME (the posters' links) is another bot."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import pytest
from botapi import BOT_USERNAME, FakeBotAPI
from harness import make_app, make_settings, serving

from bot.core.knowledge import Knowledge

HEAVY = ("matplotlib", "reportlab", "segno", "prometheus_client", "sqlite3", "bot.ops.counters")
PROBE = (
    "import sys\n"
    "from bot.__main__ import main\n"
    "main(['ask', '¿Dónde hay un CEM en Lampa?'])\n"
    f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))\n"
)


def test_ask_imports_none_of_the_ops_libraries(workdir: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True, cwd=workdir
    )
    *answer, imported = done.stdout.strip().splitlines()
    assert "Lampa" in "\n".join(answer)
    assert imported == "[]"


@pytest.mark.parametrize(("username", "warned"), [(BOT_USERNAME, False), ("OtroBot", True)])
async def test_a_bot_username_of_another_bot_is_reported(
    api: FakeBotAPI,
    kb: Knowledge,
    workdir: Path,
    caplog: pytest.LogCaptureFixture,
    username: str,
    warned: bool,
) -> None:
    settings = make_settings(api, data_dir=workdir / "data", bot_username=username)
    with caplog.at_level(logging.WARNING, logger="bot.ops.hooks"):
        async with serving(make_app(settings, kb)):
            pass
    assert any("BOT_USERNAME" in r.getMessage() for r in caplog.records) is warned
