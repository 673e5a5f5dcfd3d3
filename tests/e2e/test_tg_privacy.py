"""Secrets and privacy: nothing a person writes, nor the token, nor user ids reach the log,
even at DEBUG; nothing is written to disk but update ids and the heartbeat in DATA_DIR; the
webhook refuses what is not Telegram's."""

from __future__ import annotations

import asyncio
import json
import logging
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from botapi import TOKEN, USER_ID, FakeBotAPI, visible
from harness import local_url, make_app, make_settings, serving, settled, webhook_settings

from bot.core.knowledge import Knowledge
from bot.tg.logs import MIN_PIECE, configure_logging

SECRET = "webhook-Secret_123"
OTHER = 5550777
# What people write in the session: none of it may reach a log record.
WRITTEN = [
    "¿Dónde hay un CEM en Chucuito? Soy Rosa Quispe",
    "¿y en Lampa?",
    "mi esposo me está pegando, ayuda por favor",
    "vivo en el jirón Lima 123 de Juliaca",
]
INLINE = "cem azangaro para mi vecina"
WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC


class Capture(logging.Handler):
    """Every record that reaches the root logger, with its formatted message, arguments
    and traceback."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []
        self.texts: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)
        parts = [str(record.msg), record.getMessage(), repr(record.args)]
        if record.exc_info:
            parts.append(logging.Formatter().formatException(record.exc_info))
        if record.exc_text:
            parts.append(record.exc_text)
        self.texts.append(" ".join(parts))


@pytest.fixture
def debug_log() -> Iterator[Capture]:
    """The logging of ``run()`` at LOG_LEVEL=DEBUG, then ours on the root logger."""
    root = logging.getLogger()
    saved = (root.level, list(root.handlers))
    names = ("httpx", "httpcore", "telegram")
    levels = {name: logging.getLogger(name).level for name in names}
    configure_logging("DEBUG", (TOKEN,))
    capture = Capture()
    root.addHandler(capture)
    try:
        yield capture
    finally:
        root.handlers[:] = saved[1]
        root.setLevel(saved[0])
        for name, level in levels.items():
            logging.getLogger(name).setLevel(level)


_writes: list[str] | None = None


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if _writes is None or event != "open":
        return
    path, mode, flags = args
    writing = (isinstance(mode, str) and any(c in mode for c in "wax+")) or (
        mode is None and isinstance(flags, int) and flags & WRITE_FLAGS
    )
    if writing and not str(path).startswith("/dev/"):
        _writes.append(f"{path} ({mode or flags})")


sys.addaudithook(_audit)  # gated: records only while a test sets _writes


@pytest.fixture
def disk_writes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every file opened for writing (by any code in this process) while the test runs,
    with a fresh empty working directory."""
    global _writes
    work = tmp_path / "cwd"
    work.mkdir()
    monkeypatch.chdir(work)
    _writes = []
    try:
        yield _writes
    finally:
        _writes = None
    assert not list(work.iterdir()), "something was written in the working directory"


async def test_a_whole_session_leaves_no_trace(
    api: FakeBotAPI,
    kb: Knowledge,
    clean_env: pytest.MonkeyPatch,
    debug_log: Capture,
    disk_writes: list[str],
) -> None:
    settings = make_settings(api, log_level="DEBUG", erase_notice_seconds=0.1)
    async with serving(make_app(settings, kb)) as app:
        [menu] = await api.reply_to(api.text_message("/start"))
        for text in WRITTEN:
            [call] = await api.reply_to(api.text_message(text))
            assert call.ok
        await api.press(menu.result, "m:prov")
        await api.press(menu.result, "p:lampa")
        api.push(api.inline_query(INLINE))
        await api.wait_for("answerInlineQuery")
        await api.reply_to(api.text_message("/ayuda", chat_id=OTHER, user_id=OTHER))
        await api.reply_to(api.media_message("photo", "foto de mis moretones, me pegó"))
        [notice] = await api.reply_to(api.text_message("/borrar"))
        gone = notice.result["message_id"]
        await api.wait_for("deleteMessage", where=lambda c: c.params["message_id"] == gone)
        await settled(app, api)
    assert "Línea 100" in visible(api.since(0, "sendMessage")[3])
    assert debug_log.records, "nothing was logged at all: the capture is broken"
    assert logging.getLogger("bot").isEnabledFor(logging.DEBUG)
    secrets = [TOKEN, TOKEN.split(":")[1]]
    private = [*WRITTEN, INLINE, "moretones", "Rosa Quispe", "jirón Lima"]
    ids = [str(USER_ID), str(OTHER)]
    for text in debug_log.texts:
        assert not [s for s in secrets if s in text], text
        assert not [p for p in private if p in text], text
        assert not [i for i in ids if i in text], text  # no user id, let alone next to a text
    data = settings.data_dir
    assert disk_writes and all(w.startswith(f"{data}/") for w in disk_writes), disk_writes
    names = sorted(p.name for p in data.iterdir())  # the counters: tests/ops
    assert names == ["alive", "answered_update_ids", "demanda.sqlite3"]
    assert (data / "alive").read_bytes() == b""
    ids_only = (data / "answered_update_ids").read_text(encoding="ascii").split()
    assert ids_only and all(line.isdigit() for line in ids_only)


async def post(
    session: aiohttp.ClientSession, url: str, body: bytes, secret: str | None = SECRET, **kw: Any
) -> int:
    headers = {"Content-Type": kw.pop("content_type", "application/json")}
    if secret is not None:
        headers["X-Telegram-Bot-Api-Secret-Token"] = secret
    async with session.post(url, data=body, headers=headers, **kw) as response:
        return response.status


async def test_the_webhook_refuses_what_is_not_an_update(
    api: FakeBotAPI, kb: Knowledge, clean_env: pytest.MonkeyPatch, debug_log: Capture
) -> None:
    settings = webhook_settings(api, SECRET, "/tg/hook")
    url = local_url(settings)
    update = api.text_message("¿Dónde hay un CEM en Lampa?")
    good = json.dumps({"update_id": 1, **update}).encode()
    huge = b'{"update_id": 2, "message": {"text": "' + b"a" * (1536 * 1024) + b'"}}'
    async with serving(make_app(settings, kb)), aiohttp.ClientSession() as session:
        [hook] = await api.wait_for("setWebhook", mark=0)
        assert hook.params["secret_token"] == SECRET
        assert hook.params["url"] == "https://bot.example.org/tg/hook"
        assert await post(session, url, good, secret=None) == 403
        assert await post(session, url, good, secret="WrongGuess-987") == 403
        assert await post(session, url, good, secret=SECRET[:-1]) == 403
        assert await post(session, url, b"no es json", secret=None) == 403  # secret first
        assert await post(session, url, b"no es json") == 400
        assert await post(session, url, b"\xff\xfe\x00basura") == 400
        assert await post(session, url, b"[1, 2, 3]") == 400
        assert await post(session, url, b'{"update_id": "1"}') == 400
        deep = b'{"update_id": 4, "message": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
        assert await post(session, url, deep) == 400  # nested too deep for json: not a 500
        # an update PTB cannot read: skipped (Telegram would send it again and again)
        assert await post(session, url, b'{"update_id": 3, "message": 5}') == 200
        assert await post(session, url, good, content_type="text/plain") == 415
        assert await post(session, url, huge) == 413
        async with session.get(url) as response:
            assert response.status == 405
        mark = len(api.calls)
        assert await post(session, url, good) == 200  # and it keeps serving
        [call] = await api.wait_for("sendMessage", mark=mark)
        assert "Lampa" in visible(call)
        assert not api.since(0, "getUpdates")
    refusals = [r for r in debug_log.records if "refused" in r.getMessage()]
    assert len(refusals) == 11  # one line each (not for the GET)
    [skipped] = [r for r in debug_log.records if "skipped" in r.getMessage()]
    assert skipped.getMessage() == "Update 3 skipped: it cannot be read (AttributeError)"
    assert [r for r in refusals if "(413): body too large" in r.getMessage()]
    for text in debug_log.texts:
        assert SECRET not in text and "WrongGuess" not in text and "Lampa" not in text, text
        assert "no es json" not in text and "aaaa" not in text, text


async def test_stop_during_webhook_traffic_answers_every_accepted_update(
    api: FakeBotAPI, kb: Knowledge, clean_env: pytest.MonkeyPatch
) -> None:
    settings = webhook_settings(api, SECRET)
    url = local_url(settings)
    chats = [7000 + n for n in range(5)]
    api.slow_next("sendMessage", 0.3, chat_id=chats[0])
    async with serving(make_app(settings, kb)), aiohttp.ClientSession() as session:
        for number, chat in enumerate(chats, start=1):
            body = {"update_id": number, **api.text_message("/emergencia", chat_id=chat)}
            assert await post(session, url, json.dumps(body).encode()) == 200
    answered = sorted(c.params["chat_id"] for c in api.since(0, "sendMessage") if c.ok)
    assert answered == chats
    await asyncio.sleep(0)


@pytest.mark.parametrize("filler", [95, 110, 124])
async def test_an_error_page_echoing_the_token_leaks_no_piece_of_it(
    api: FakeBotAPI,
    kb: Knowledge,
    clean_env: pytest.MonkeyPatch,
    debug_log: Capture,
    filler: int,
) -> None:
    """A proxy's error page shows the request's path, token included, at a place where the
    one-line log of the fault is cut (32, 17 or 3 characters of the secret before the cut)."""
    api.fail_next("sendMessage", 400, echo=filler)
    async with serving(make_app(make_settings(api), kb)):
        api.push(api.text_message("/emergencia"))
        await api.wait_for("sendMessage", 2)  # the refused reply, then the apology
    faults = [r.getMessage() for r in debug_log.records if "Bot API fault" in r.getMessage()]
    assert faults and "/bot123456789:[oc" in faults[0] and len(faults[0]) < 300
    secret = TOKEN.split(":")[1]
    pieces = {secret[:n] for n in range(MIN_PIECE, len(secret) + 1)}
    for text in debug_log.texts:
        assert not [piece for piece in pieces if piece in text], text
