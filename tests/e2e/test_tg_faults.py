"""Faults of the Bot API, injected by our server: the bot retries what Telegram asks to
retry, keeps running, answers the next update, logs one line per fault (no traceback), and
answers every update once, also across a restart."""

from __future__ import annotations

import asyncio
import logging
import time
from collections import Counter
from typing import Any

import pytest
from botapi import (
    DELETE_NOT_FOUND,
    NOT_MODIFIED,
    QUERY_TOO_OLD,
    USER_ID,
    FakeBotAPI,
    visible,
)
from harness import ERRORS, make_app, make_settings, serving

from bot.core.knowledge import Knowledge
from bot.tg.app import SORRY

OTHER = 5550777  # another person


@pytest.fixture
def log(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.INFO)
    return caplog


def fault_lines(log: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    """Records of the bot and PTB at WARNING or above (the faults), none with a traceback."""
    records = [r for r in log.records if r.levelno >= logging.WARNING]
    assert not [r for r in log.records if r.exc_info or r.exc_text], "a traceback was logged"
    return records


def errors(app: Any) -> list[BaseException]:
    return list(app.bot_data.get(ERRORS, []))


async def sentinel(api: FakeBotAPI, chat_id: int = OTHER) -> None:
    """Another person's message is answered: the bot still runs."""
    [call] = await api.reply_to(api.text_message("/privacidad", chat_id=chat_id, user_id=chat_id))
    assert call.ok


async def test_fault_429_is_retried_after_retry_after(
    app: Any, api: FakeBotAPI, log: pytest.LogCaptureFixture
) -> None:
    api.fail_next("sendMessage", 429, retry_after=1)
    started = time.monotonic()
    api.push(api.text_message("/emergencia"))
    refused, sent = await api.wait_for("sendMessage", 2)
    assert refused.error and "retry after 1" in refused.error
    assert sent.ok and "100" in visible(sent)
    assert time.monotonic() - started >= 1.0  # waited as Telegram asked
    [line] = fault_lines(log)
    assert "wait 1" in line.getMessage()
    assert not errors(app)
    await sentinel(api)


@pytest.mark.parametrize(("status", "html"), [(500, False), (502, True)])
async def test_fault_5xx_is_retried_until_the_api_answers(
    app: Any, api: FakeBotAPI, log: pytest.LogCaptureFixture, status: int, html: bool
) -> None:
    api.fail_next("sendMessage", status, html=html, times=3)
    calls = await api.reply_to(api.text_message("/emergencia"), 4)
    assert [c.ok for c in calls] == [False, False, False, True]
    assert "100" in visible(calls[-1])
    await _record(log, "answers again")
    [down] = fault_lines(log)  # one line when the outage starts, not one per try
    assert "The Bot API fails" in down.getMessage() and len(down.getMessage()) < 300
    assert not errors(app)
    await sentinel(api)


async def test_an_outage_holds_replies_and_answers_danger_first(
    app: Any, api: FakeBotAPI, log: pytest.LogCaptureFixture
) -> None:
    """The API goes down while A is answered; B and C ask, then D tells of danger. When the
    API is back, D's answer goes first, then the others; nothing is dropped."""
    a, b, c, d = 9101, 9102, 9103, 9104
    api.fail_next("sendMessage", 502, html=True, times=10_000)  # down until healed
    api.push(api.text_message("¿Dónde hay un CEM en Lampa?", chat_id=a, user_id=a))
    await api.wait_for("sendMessage", where=lambda call: not call.ok)
    for chat in (b, c):
        api.push(api.text_message("¿qué es la DEMUNA?", chat_id=chat, user_id=chat))
    api.push(api.text_message("mi esposo me pega, ayuda", chat_id=d, user_id=d))
    # D keeps trying while the others wait for it
    await api.wait_for("sendMessage", mark=0, where=lambda call: call.params["chat_id"] == d)
    api.heal()
    answered = await api.wait_for("sendMessage", 4, mark=0, where=lambda call: call.ok)
    assert answered[0].params["chat_id"] == d and "Línea 100" in visible(answered[0])
    assert sorted(call.params["chat_id"] for call in answered[1:]) == [a, b, c]
    assert not errors(app)


async def test_fault_outage_longer_than_the_limit_drops_one_reply_with_a_line(
    app: Any, api: FakeBotAPI, log: pytest.LogCaptureFixture
) -> None:
    app.bot.rate_limiter.outage.give_up_after = 0.3
    api.fail_next("sendMessage", 502, times=10_000)
    api.push(api.text_message("/emergencia"))
    await api.wait_for("sendMessage", 3, where=lambda call: not call.ok)
    [gave_up] = await _record(log, "gave up")
    api.heal()
    await sentinel(api)
    assert "outage" in gave_up.getMessage()
    assert [r for r in log.records if "Bot API fault on update" in r.getMessage()]


async def _record(log: pytest.LogCaptureFixture, words: str) -> list[logging.LogRecord]:
    """The log records holding ``words``, once there is one."""
    async with asyncio.timeout(5):
        while not [r for r in log.records if words in r.getMessage()]:
            await asyncio.sleep(0.01)
    return [r for r in log.records if words in r.getMessage()]


@pytest.mark.env(BOT_API_TIMEOUT="0.4")
async def test_fault_slow_answer_times_out_without_delaying_others(
    app: Any, api: FakeBotAPI, log: pytest.LogCaptureFixture
) -> None:
    api.slow_next("sendMessage", 1.5, chat_id=USER_ID)
    started = time.monotonic()
    api.push(api.text_message("¿Dónde hay un CEM en Lampa?"))
    api.push(api.text_message("/ayuda", chat_id=OTHER, user_id=OTHER))
    [other] = await api.wait_for("sendMessage", where=lambda c: c.ok)
    assert other.params["chat_id"] == OTHER
    assert time.monotonic() - started < 1.0  # not behind the slow chat (1.5 s)
    await api.wait_for("sendMessage", where=lambda c: c.params["chat_id"] == USER_ID)
    await asyncio.sleep(0.1)
    [line] = fault_lines(log)
    assert "TimedOut" in line.getMessage()
    # the same chat is answered again
    [again] = await api.reply_to(api.text_message("/emergencia"))
    assert again.ok and again.params["chat_id"] == USER_ID


async def test_fault_403_blocked_by_the_user(
    app: Any, api: FakeBotAPI, log: pytest.LogCaptureFixture
) -> None:
    api.fail_next("sendMessage", 403)
    [blocked] = await api.reply_to(api.text_message("/start"))
    assert not blocked.ok
    await sentinel(api)
    [line] = fault_lines(log)
    assert "Forbidden" in line.getMessage() and "blocked" in line.getMessage()
    assert [c.params["chat_id"] for c in api.since(0, "sendMessage")].count(USER_ID) == 1


async def test_fault_message_is_not_modified(
    app: Any, api: FakeBotAPI, log: pytest.LogCaptureFixture
) -> None:
    [menu] = await api.reply_to(api.text_message("/start"))
    api.fail_next("editMessageText", 400, NOT_MODIFIED)
    api.push(api.callback(menu.result, "m:svc"))
    [ack] = await api.wait_for("answerCallbackQuery")
    [edit] = await api.wait_for("editMessageText")
    assert ack.ok and not edit.ok
    await sentinel(api)
    assert not api.since(0, "sendMessage")[1:-1]  # no new message, no apology
    assert not fault_lines(log) and not errors(app)
    assert [r for r in log.records if "not modified" in r.getMessage()]


async def test_fault_message_to_delete_not_found(
    app: Any, api: FakeBotAPI, log: pytest.LogCaptureFixture
) -> None:
    await api.reply_to(api.text_message("/start"))
    await api.reply_to(api.text_message("/ayuda"))
    api.fail_next("deleteMessage", 400, DELETE_NOT_FOUND)
    [notice] = await api.reply_to(api.text_message("/borrar"))
    assert "Listo" in visible(notice)
    deletions = api.since(api.mark, "deleteMessage")
    assert len(deletions) == 5 and sum(not c.ok for c in deletions) == 1
    lines = [r for r in log.records if "could not be deleted" in r.getMessage()]
    assert len(lines) == 1 and "not found" in lines[0].getMessage()
    assert not fault_lines(log) and not errors(app)


async def test_fault_callback_query_is_too_old(
    app: Any, api: FakeBotAPI, log: pytest.LogCaptureFixture
) -> None:
    [menu] = await api.reply_to(api.text_message("/start"))
    api.fail_next("answerCallbackQuery", 400, QUERY_TOO_OLD)
    api.push(api.callback(menu.result, "m:prov"))
    [ack] = await api.wait_for("answerCallbackQuery")
    [edit] = await api.wait_for("editMessageText")
    assert not ack.ok and edit.ok and "p:puno" in edit.callback_data  # still shown
    assert len([r for r in log.records if "too old" in r.getMessage()]) == 1
    assert not fault_lines(log) and not errors(app)


async def test_fault_inline_query_is_too_old(
    app: Any, api: FakeBotAPI, log: pytest.LogCaptureFixture
) -> None:
    api.fail_next("answerInlineQuery", 400, QUERY_TOO_OLD)
    api.push(api.inline_query("cem lampa"))
    [late] = await api.wait_for("answerInlineQuery")
    assert not late.ok
    await sentinel(api)
    [line] = fault_lines(log)
    assert "BadRequest" in line.getMessage() and "too old" in line.getMessage()
    assert not [c for c in api.since(0, "sendMessage") if SORRY in c.text]


async def test_fault_get_updates_502_polling_goes_on(
    app: Any, api: FakeBotAPI, log: pytest.LogCaptureFixture
) -> None:
    api.fail_next("getUpdates", 502, html=True)
    api.push(api.text_message("/start", chat_id=OTHER, user_id=OTHER))  # ends the long poll
    await api.wait_for("getUpdates", where=lambda c: not c.ok)
    await api.wait_for("sendMessage", mark=0, where=lambda c: c.params["chat_id"] == OTHER)
    api.push(api.text_message("/start"))
    await api.wait_for("sendMessage", where=lambda c: c.params["chat_id"] == USER_ID)
    [line] = fault_lines(log)
    assert "getUpdates failed" in line.getMessage()
    assert Counter(c.params["chat_id"] for c in api.since(0, "sendMessage")) == {
        OTHER: 1,
        USER_ID: 1,
    }


async def test_one_chat_in_order_while_others_go_ahead(app: Any, api: FakeBotAPI) -> None:
    """Updates are handled concurrently, but one chat's in the order they came: the follow-up
    waits for the slow first answer and keeps its context; another chat is not delayed."""
    api.slow_next("sendMessage", 0.4, chat_id=USER_ID)
    api.push(api.text_message("¿Dónde hay un CEM en Chucuito?"))
    api.push(api.text_message("¿y en Lampa?"))
    api.push(api.text_message("/ayuda", chat_id=OTHER, user_id=OTHER))
    calls = await api.wait_for("sendMessage", 3, mark=0, timeout=5)
    assert [c.params["chat_id"] for c in calls] == [OTHER, USER_ID, USER_ID]
    first, follow = calls[1], calls[2]
    assert "Chucuito" in visible(first)
    assert "Lampa" in visible(follow) and "CEM" in visible(follow)


async def test_no_update_is_answered_twice_across_a_restart(
    api: FakeBotAPI, kb: Knowledge, clean_env: pytest.MonkeyPatch
) -> None:
    """Stop (as on SIGTERM) while a reply is in flight (Telegram slow to take it) and the
    others are answered: the slow one is answered before the stop, which then confirms
    everything; the next run starts after them."""
    settings = make_settings(api)
    chats = [6000 + n for n in range(6)]
    async with serving(make_app(settings, kb)):
        await sentinel(api, 5999)
        api.slow_next("sendMessage", 0.3, chat_id=chats[0])
        pushed = [api.push(api.text_message("/emergencia", chat_id=c, user_id=c)) for c in chats]
        last = pushed[-1]["update_id"]
        await api.wait_for("sendMessage", 5, where=lambda c: c.ok)  # all but the slow one
        # not confirmed: the slow one is not answered yet
        offsets = [int(c.params.get("offset") or 0) for c in api.since(0, "getUpdates")]
        assert max(offsets) <= last
    in_flight = api.since(0, "sendMessage")
    assert Counter(c.params["chat_id"] for c in in_flight if c.ok) == Counter([5999, *chats])
    # on stop, a last getUpdates (no long polling) confirmed everything answered
    assert [
        c
        for c in api.since(0, "getUpdates")
        if c.ok and int(c.params.get("timeout", -1)) == 0 and int(c.params["offset"]) > last
    ]
    # a new Application, as after a restart
    async with serving(make_app(settings, kb)):
        await sentinel(api, 6100)
        await asyncio.sleep(0.2)
    answered = Counter(c.params["chat_id"] for c in api.since(0, "sendMessage"))
    assert answered == Counter([5999, *chats, 6100])  # each once
    assert not api.updates or api.updates[0]["update_id"] > last
