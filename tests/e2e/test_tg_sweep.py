"""The memory sweep: expired conversation context, old message ids and flood bookkeeping are
forgotten, idle chats disappear from memory entirely, and the loop lives and dies with the
application."""

from __future__ import annotations

import asyncio
import logging
import socket
import time
from collections.abc import Callable
from typing import Any

import pytest
from botapi import GROUP_ID, USER_ID, FakeBotAPI, visible
from harness import make_app, make_settings, serving, settled

from bot.core.knowledge import Knowledge
from bot.core.model import Context
from bot.tg import sweeper
from bot.tg.common import (
    CONTEXT,
    LAST_SEEN,
    NEXT_SUGGESTION,
    REFERRAL,
    SUGGESTIONS,
    TRACK_WINDOW,
    TRACKED,
)
from bot.tg.flood import ADMITTED, DROPPED

NOW = 500_000.0  # monotonic
WALL = 1_750_000_000.0  # unix time
HOUR = 3600.0
BROKEN = 5550999
NOWHERE = "http://127.0.0.1:9"  # an Application that is built but never talks to anyone


async def until(condition: Callable[[], bool], timeout: float = 3.0) -> None:
    async with asyncio.timeout(timeout):
        while not condition():
            await asyncio.sleep(0.01)


def test_sweep_forgets_what_expired_and_drops_idle_chats(caplog: pytest.LogCaptureFixture) -> None:
    chats: dict[int, dict[str, Any]] = {
        1: {  # active 5 minutes ago
            LAST_SEEN: NOW - 300,
            CONTEXT: Context(created=NOW - 600),
            SUGGESTIONS: {0: "cem puno"},
            NEXT_SUGGESTION: 1,
            TRACKED: {10: WALL - HOUR, 11: WALL - TRACK_WINDOW - 1},
            ADMITTED: [NOW - 300],
            DROPPED: NOW - 300,
        },
        2: {  # active a minute ago, the context is older than its TTL
            LAST_SEEN: NOW - 60,
            CONTEXT: Context(created=NOW - 31 * 60),
            REFERRAL: "violencia",
            ADMITTED: [NOW - 3, NOW - 1],
        },
        3: {  # silent for an hour: the conversation goes, the ids for /borrar stay
            LAST_SEEN: NOW - HOUR,
            CONTEXT: Context(created=NOW - HOUR),
            SUGGESTIONS: {0: "cem puno"},
            NEXT_SUGGESTION: 1,
            REFERRAL: "",
            TRACKED: {20: WALL - HOUR},
            "something_else": 1,
        },
        GROUP_ID: {LAST_SEEN: NOW - HOUR, CONTEXT: Context(created=NOW - HOUR)},  # nothing left
        -5: {LAST_SEEN: NOW - 60},  # a group that is still talking
        6: {LAST_SEEN: NOW - TRACK_WINDOW - 60, "something_else": 1},  # idle over 48 hours
        7: {},  # never seen
        BROKEN: {LAST_SEEN: NOW - 60, TRACKED: "not what the bot writes"},
    }
    with caplog.at_level(logging.DEBUG, logger="bot.tg.sweeper"):
        dropped = sweeper.sweep(chats, NOW, WALL)
    assert dropped == 4
    assert sorted(chats) == [-5, 1, 2, 3]
    assert chats[1].keys() == {LAST_SEEN, CONTEXT, SUGGESTIONS, NEXT_SUGGESTION, TRACKED}
    assert chats[1][TRACKED] == {10: WALL - HOUR}
    assert chats[2].keys() == {LAST_SEEN, REFERRAL, ADMITTED}  # the context expired
    assert list(chats[2][ADMITTED]) == [NOW - 1]  # out of the default 2 s window: gone
    assert chats[3] == {LAST_SEEN: NOW - HOUR, TRACKED: {20: WALL - HOUR}, "something_else": 1}
    assert chats[-5] == {LAST_SEEN: NOW - 60}
    [warning] = caplog.records
    assert warning.levelno == logging.WARNING and "1 chats" in warning.getMessage()
    assert str(BROKEN) not in warning.getMessage()
    assert sweeper.sweep(chats, NOW, WALL) == 0  # a second sweep finds nothing more


def test_sweep_of_an_application(kb: Knowledge, clean_env: pytest.MonkeyPatch) -> None:
    """Chats go with drop_chat_data, the flood window is the application's, and the ids PTB
    keeps for a persistence the bot does not have are forgotten."""
    app = make_app(make_settings(NOWHERE, flood_seconds=60), kb)
    app.chat_data[USER_ID].update({LAST_SEEN: NOW - 60, ADMITTED: [NOW - 30]})
    app.chat_data[GROUP_ID].update({LAST_SEEN: NOW - TRACK_WINDOW - 1})
    app.mark_data_for_update_persistence(chat_ids=[USER_ID, GROUP_ID], user_ids=USER_ID)
    app.drop_chat_data(12345)
    assert all(getattr(app, name) for name in sweeper.PERSISTENCE_MARKS[:3])
    assert sweeper.sweep(app, NOW, WALL) == 1
    assert list(app.chat_data) == [USER_ID]
    assert list(app.chat_data[USER_ID][ADMITTED]) == [NOW - 30]  # within 60 s
    assert [name for name in sweeper.PERSISTENCE_MARKS if getattr(app, name)] == []


async def test_a_failed_sweep_is_one_line_and_the_loop_goes_on(
    kb: Knowledge, clean_env: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    app = make_app(make_settings(NOWHERE), kb)
    swept: list[object] = []

    def sweep(chats: object) -> int:
        swept.append(chats)
        if len(swept) == 1:
            raise KeyError(f"chat {USER_ID}: ¿Dónde hay un CEM?")
        return 0

    caplog.set_level(logging.DEBUG, logger="bot.tg.sweeper")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(sweeper, "sweep", sweep)
        loop = asyncio.create_task(sweeper.sweep_forever(app, 0.01))
        await until(lambda: len(swept) >= 3)
        loop.cancel()
        await asyncio.wait({loop})
    assert all(chats is app for chats in swept)
    [failure] = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert failure.levelno == logging.ERROR and failure.exc_info is None
    assert "KeyError" in failure.getMessage() and "\n" not in failure.getMessage()
    for record in caplog.records:
        assert str(USER_ID) not in record.getMessage() and "CEM" not in record.getMessage()
    assert len([r for r in caplog.records if r.levelno == logging.DEBUG]) >= 2


class Later:
    """The clocks of the sweeper module, ``offset`` seconds ahead of the real ones."""

    def __init__(self) -> None:
        self.offset = 0.0

    def monotonic(self) -> float:
        return time.monotonic() + self.offset

    def time(self) -> float:
        return time.time() + self.offset


async def test_a_chat_disappears_from_memory_once_the_sweep_finds_it_idle(
    api: FakeBotAPI, kb: Knowledge, clean_env: pytest.MonkeyPatch, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Through the real Application, sweeping every 20 ms with clocks moved ahead: 31 minutes
    later the conversation is forgotten, 49 hours later the chat is gone."""
    later = Later()
    monkeypatch.setattr(sweeper, "SWEEP_SECONDS", 0.02)
    monkeypatch.setattr(sweeper, "time", later)
    async with asyncio.timeout(10), serving(make_app(make_settings(api), kb)) as app:
        await api.reply_to(api.text_message("¿Dónde hay un CEM en Chucuito?"))
        await settled(app, api)
        memory = app.chat_data[USER_ID]
        kept = {LAST_SEEN, CONTEXT, SUGGESTIONS, NEXT_SUGGESTION, TRACKED}
        assert kept <= memory.keys()
        await asyncio.sleep(0.1)  # a few sweeps: nothing expired yet
        assert kept <= memory.keys() and app.chat_data[USER_ID] is memory

        later.offset = 31 * 60
        await until(lambda: CONTEXT not in memory)
        assert memory.keys() == {LAST_SEEN, TRACKED}  # the ids for /borrar stay
        assert USER_ID in app.chat_data

        later.offset = 49 * HOUR
        await until(lambda: USER_ID not in app.chat_data)
        assert not app.chat_data and not app.user_data
        assert [name for name in sweeper.PERSISTENCE_MARKS if getattr(app, name)] == []

        later.offset = 0.0
        [follow] = await api.reply_to(api.text_message("¿y en Lampa?"))
        assert "Lampa" in visible(follow)
        # a new conversation: without the old context this is not about the CEM any more
        assert app.chat_data[USER_ID][CONTEXT].intent != "locate"


async def test_the_sweep_loop_ends_with_the_application(
    api: FakeBotAPI, kb: Knowledge, clean_env: pytest.MonkeyPatch
) -> None:
    async with asyncio.timeout(5):  # a loop that is not stopped would hold up the stop
        async with serving(make_app(make_settings(api), kb)) as app:
            loop = app.bot_data[sweeper.SWEEPER]
            assert isinstance(loop, asyncio.Task) and not loop.done()
            stopping = time.monotonic()
    assert time.monotonic() - stopping < 1.0
    assert loop.cancelled() and sweeper.SWEEPER not in app.bot_data


async def test_the_sweep_loop_ends_when_the_start_fails_after_post_init(
    api: FakeBotAPI, kb: Knowledge, clean_env: pytest.MonkeyPatch
) -> None:
    with socket.socket() as busy:  # the webhook port is taken
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        settings = make_settings(
            api,
            webhook_url="https://bot.example.org/hook",
            webhook_secret="s3cret-Token_1",
            webhook_listen="127.0.0.1",
            webhook_port=port,
        )
        async with asyncio.timeout(5):
            with pytest.raises(OSError):
                async with serving(make_app(settings, kb)):
                    pass
    assert api.since(0, "setMyCommands")  # post_init ran
    assert not [t for t in asyncio.all_tasks() if t.get_name() == sweeper.TASK_NAME]
