"""Delivery: updates PTB cannot read are skipped, never wedge polling; danger is answered
first; a 429 pauses only its chat; nothing is lost on a crash or a stop (at least once, and
the ledger of answered ids keeps repeats rare); the webhook answers a repeated update once."""

from __future__ import annotations

import asyncio
import logging
import os
import shutil
from typing import Any

import aiohttp
import pytest
from botapi import GROUP_ID, USER_ID, FakeBotAPI, visible
from harness import local_url, make_app, make_settings, serving, webhook_settings

from bot.core.knowledge import Knowledge
from bot.tg import alive, serve
from bot.tg.app import SORRY
from bot.tg.common import SETTINGS
from bot.tg.ledger import FILE

DANGER = "mi esposo me está pegando, ayuda"
QUESTION = "¿Dónde hay un CEM en Lampa?"
SECRET = "webhook-Secret_123"


@pytest.fixture
def short_grace(monkeypatch: pytest.MonkeyPatch) -> None:
    """A stop gives replies in progress 0.5 s instead of 3 (these tests wait it out)."""
    monkeypatch.setattr(serve, "GRACE", 0.5)


def unreadable(api: FakeBotAPI) -> list[dict[str, Any]]:
    """Updates PTB cannot read, or whose fields have the wrong types."""
    no_id, string_date, number = (api.text_message("Soy Rosa, ayuda") for _ in range(3))
    del no_id["message"]["message_id"]
    string_date["message"]["date"] = "ayer"
    number["message"]["text"] = 987654
    return [no_id, string_date, number]


async def test_updates_ptb_cannot_read_are_skipped_and_polling_goes_on(
    app: Any, api: FakeBotAPI, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    bad = [api.push(update)["update_id"] for update in unreadable(api)]
    [call] = await api.reply_to(api.text_message(QUESTION, chat_id=777, user_id=777))
    assert "Lampa" in visible(call)
    [again] = await api.reply_to(api.text_message("/emergencia"))  # the same person
    assert again.ok
    skipped = [r.getMessage() for r in caplog.records if "skipped" in r.getMessage()]
    assert skipped == [
        f"Update {bad[0]} skipped: it cannot be read (TypeError)",
        f"Update {bad[1]} skipped: it cannot be read (TypeError)",
        f"Update {bad[2]} skipped: it cannot be read (wrong types)",
    ]
    for record in caplog.records:  # nothing of the updates but their ids
        message = record.getMessage()
        assert "Rosa" not in message and str(USER_ID) not in message and "987654" not in message
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(api.since(0, "getUpdates")) < 12  # no spinning on the bad ones
    assert max(int(c.params.get("offset") or 0) for c in api.since(0, "getUpdates")) > bad[-1]


async def test_danger_is_answered_before_the_updates_waiting(app: Any, api: FakeBotAPI) -> None:
    """80 questions from 80 chats wait when a message about danger comes: it is answered
    first."""
    for chat in range(20_000, 20_080):
        api.push(api.text_message(QUESTION, chat_id=chat, user_id=chat))
    api.push(api.text_message(DANGER, chat_id=30_000, user_id=30_000))
    calls = await api.wait_for("sendMessage", 81, mark=0, timeout=20)
    assert calls[0].params["chat_id"] == 30_000 and "Línea 100" in visible(calls[0])
    assert all(c.ok for c in calls)


async def test_danger_takes_the_first_free_place(app: Any, api: FakeBotAPI) -> None:
    """Every place is taken by a slow reply and 8 more wait when danger comes in a later
    getUpdates: it gets the first place that frees, before the 8."""
    api.slow_next("sendMessage", 1.0, times=32)
    for chat in range(20_000, 20_040):
        api.push(api.text_message(QUESTION, chat_id=chat, user_id=chat))
    await api.wait_delayed(32)
    api.push(api.text_message(DANGER, chat_id=30_000, user_id=30_000))
    calls = await api.wait_for("sendMessage", 41, mark=0, timeout=20, where=lambda c: c.ok)
    order = [c.params["chat_id"] for c in calls]
    assert order.index(30_000) < min(order.index(chat) for chat in range(20_032, 20_040))


async def test_a_429_pauses_only_its_chat_and_a_stop_does_not_wait_for_it(
    api: FakeBotAPI, kb: Knowledge, clean_env: pytest.MonkeyPatch, short_grace: None
) -> None:
    """A group over its limit gets retry_after=30: a private message about danger is
    answered at once, and a stop then ends without waiting the 30 s (the group's update is
    left for Telegram to deliver again)."""
    api.fail_next("sendMessage", 429, retry_after=30, chat_id=GROUP_ID)
    async with asyncio.timeout(10), serving(make_app(make_settings(api), kb)):
        api.push(api.text_message("/emergencia", chat_id=GROUP_ID))
        await api.wait_for("sendMessage", where=lambda c: c.params["chat_id"] == GROUP_ID)
        [private] = await api.reply_to(api.text_message(DANGER))
        assert private.ok and private.params["chat_id"] == USER_ID
    group = [c for c in api.since(0, "sendMessage") if c.params["chat_id"] == GROUP_ID]
    assert len(group) == 1 and not group[0].ok  # never retried: the stop came first
    confirmed = max(int(c.params.get("offset") or 0) for c in api.since(0, "getUpdates"))
    assert api.updates[0]["update_id"] == confirmed  # the group's update, for next time


async def test_an_answered_update_on_record_is_not_answered_again(
    api: FakeBotAPI, kb: Knowledge, clean_env: pytest.MonkeyPatch
) -> None:
    """After a crash Telegram delivers again what was answered but not confirmed: the ids
    on record in DATA_DIR are skipped (and confirmed)."""
    settings = make_settings(api)
    settings.data_dir.mkdir()
    (settings.data_dir / FILE).write_text("1\n2\n", encoding="ascii")
    for chat in (101, 102, 103):
        api.push(api.text_message("/emergencia", chat_id=chat, user_id=chat))
    async with serving(make_app(settings, kb)):
        await api.wait_for("sendMessage", mark=0)
        await api.wait_for("getUpdates", mark=0, where=lambda c: c.params.get("offset") == 4)
    assert [c.params["chat_id"] for c in api.since(0, "sendMessage")] == [103]
    assert (settings.data_dir / FILE).read_text(encoding="ascii").split() == ["1", "2", "3"]


async def post(session: aiohttp.ClientSession, url: str, update: dict[str, Any]) -> int:
    headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
    async with session.post(url, json=update, headers=headers) as response:
        return response.status


async def test_the_webhook_answers_a_repeated_update_once(
    api: FakeBotAPI, kb: Knowledge, clean_env: pytest.MonkeyPatch
) -> None:
    """Telegram sends an update again when it got no 200 in time: answered once, whether
    the first is still being answered or already was."""
    settings = webhook_settings(api, SECRET)
    url = local_url(settings)
    update = {"update_id": 7, **api.text_message(QUESTION)}
    api.slow_next("sendMessage", 0.3)
    async with serving(make_app(settings, kb)), aiohttp.ClientSession() as session:
        statuses = await asyncio.gather(post(session, url, update), post(session, url, update))
        assert statuses == [200, 200]
        assert await post(session, url, update) == 200
    [call] = api.since(0, "sendMessage")
    assert call.ok and "Lampa" in visible(call)


async def test_the_webhook_says_200_only_for_answered_updates(
    api: FakeBotAPI, kb: Knowledge, clean_env: pytest.MonkeyPatch, short_grace: None
) -> None:
    """Telegram forgets an update at the 200: it comes only once the reply is sent. A stop
    with replies still waiting answers them 503, so Telegram delivers them again."""
    settings = webhook_settings(api, SECRET)
    url = local_url(settings)
    api.fail_next("sendMessage", 502, times=10_000, chat_id=4242)  # this chat's replies fail
    updates = [
        {"update_id": n, **api.text_message("/emergencia", chat_id=chat, user_id=chat)}
        for n, chat in enumerate((4241, 4242, 4243), start=1)
    ]
    async with aiohttp.ClientSession() as session:
        async with serving(make_app(settings, kb)):
            posts = [asyncio.ensure_future(post(session, url, u)) for u in updates]
            await api.wait_for("sendMessage", 2, mark=0, where=lambda c: c.ok)
            await api.wait_for("sendMessage", mark=0, where=lambda c: not c.ok)
        statuses = await asyncio.gather(*posts)
    assert statuses == [200, 503, 200]
    answered = sorted(c.params["chat_id"] for c in api.since(0, "sendMessage") if c.ok)
    assert answered == [4241, 4243]


async def test_a_restart_answers_what_a_stop_left(
    api: FakeBotAPI, kb: Knowledge, clean_env: pytest.MonkeyPatch, short_grace: None
) -> None:
    """A stop while Telegram is slow leaves replies unanswered: they are not confirmed, and
    the next run answers them; each update is answered once."""
    settings = make_settings(api)
    chats = list(range(40_000, 40_060))
    api.slow_next("sendMessage", 5.0, times=32)
    async with asyncio.timeout(10), serving(make_app(settings, kb)):
        for chat in chats:
            api.push(api.text_message("/emergencia", chat_id=chat, user_id=chat))
        await api.wait_delayed(32)
    assert not api.answered_chats()
    api.heal()
    async with serving(make_app(settings, kb)):
        await api.wait_for("sendMessage", 60, mark=0, timeout=10, where=lambda c: c.ok)
    assert sorted(api.answered_chats()) == chats
    assert api.updates == []  # all confirmed


async def test_a_get_updates_without_update_ids_is_a_failed_one(
    app: Any, api: FakeBotAPI, caplog: pytest.LogCaptureFixture
) -> None:
    """A broken proxy answers getUpdates with items that have no update_id: one line, a
    pause, then polling goes on (no spinning on it)."""
    answer = api._m_getUpdates

    async def broken(params: dict[str, Any]) -> list[dict[str, Any]]:
        del api._m_getUpdates  # once
        return [{"message": {"text": "hola"}}]

    api._m_getUpdates = broken  # type: ignore[method-assign]
    api.push(api.text_message("/ayuda"))  # ends the long poll in progress
    [call] = await api.wait_for("sendMessage", timeout=10)
    assert call.ok and api._m_getUpdates == answer
    [line] = [r.getMessage() for r in caplog.records if "getUpdates failed" in r.getMessage()]
    assert "no update with an update_id" in line


async def test_a_full_disk_costs_the_record_not_the_replies(
    app: Any, api: FakeBotAPI, caplog: pytest.LogCaptureFixture
) -> None:
    """The answered ids cannot be written (ENOSPC): the replies go on, one line says it."""
    ledger = app.update_processor.done.__self__
    full = os.open("/dev/full", os.O_WRONLY)
    os.close(ledger._fd)
    ledger._fd = full
    for text in ("/ayuda", QUESTION, "/privacidad"):
        [call] = await api.reply_to(api.text_message(text))
        assert call.ok and SORRY not in call.text
    lines = [r.getMessage() for r in caplog.records if "not recorded" in r.getMessage()]
    assert lines == ["Answered ids not recorded (No space left on device)"]


async def test_a_data_folder_removed_while_serving_costs_the_heartbeat_only(
    app: Any, api: FakeBotAPI, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(alive, "EVERY", 0.0)  # a heartbeat after every getUpdates
    shutil.rmtree(app.bot_data[SETTINGS].data_dir)
    [call] = await api.reply_to(api.text_message("/ayuda"))
    assert call.ok
    [again] = await api.reply_to(api.text_message("/privacidad"))
    assert again.ok
    assert [r for r in caplog.records if "Heartbeat file not touched" in r.getMessage()]
