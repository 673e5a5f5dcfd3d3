"""End to end: the real bot, polling our Bot API server, counts what it answers; after the
stop ``python -m bot demanda`` reads the counters back. Nothing personal reaches the file."""

from __future__ import annotations

import re
import sqlite3
import stat
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from botapi import BOT_USERNAME, GROUP_ID, USER_ID, FakeBotAPI, visible
from harness import make_app, make_settings, serving, settled

from bot.__main__ import main
from bot.core.knowledge import Knowledge
from bot.core.model import INTENTS
from bot.ops.counters import counters_path, read_counts
from bot.ops.demand import CHANNELS


async def ask(api: FakeBotAPI, text: str, chat: int) -> None:
    [call] = await api.reply_to(api.text_message(text, chat_id=chat, user_id=chat))
    assert call.ok


async def inline_typing(api: FakeBotAPI, *queries: str) -> None:
    """One person types an inline query: Telegram sends one at each pause."""
    mark = len(api.calls)
    for query in queries:
        api.push(api.inline_query(query))
    await api.wait_for("answerInlineQuery", len(queries), mark=mark)


async def test_counters_written_by_the_bot_are_read_back_by_demanda(
    api: FakeBotAPI, kb: Knowledge, workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = make_settings(api, data_dir=workdir / "data")
    async with serving(make_app(settings, kb)) as app:
        for n in range(6):
            await ask(api, "¿Dónde hay un CEM en Lampa?", 8000 + n)
        for n in range(5):
            await ask(api, "¿Hay un CAR en Moho?", 8010 + n)  # Moho has none
        for n in range(4):
            await ask(api, "¿Hay DEMUNA en Yunguyo?", 8020 + n)  # under 5: never shown
        for n in range(4):
            await ask(api, "mi esposo me está pegando", 8030 + n)
        [start] = await api.reply_to(api.text_message("/derivar", chat_id=8040, user_id=8040))
        await api.press(start.result, "r:violencia")
        await ask(api, "me está pegando ahora, tengo miedo", 8040)  # danger during a referral
        await ask(api, "Azángaro", 8040)  # the referral's place: not a question
        await ask(api, f"@{BOT_USERNAME} ¿hay DEMUNA en Puno?", GROUP_ID)
        api.push(api.text_message("¿y el CEM de Lampa?", chat_id=GROUP_ID))  # not for the bot
        await inline_typing(api, "c", "cem", "cem lampa")  # counted once, as "cem lampa"
        await ask(api, "/ayuda", 8050)  # commands and buttons are not counted
        await settled(app, api)
        assert not counters_path(workdir / "data").exists()  # written in batches, at the latest
    channels: Counter[str] = Counter()
    for cell, n in read_counts(counters_path(workdir / "data")):
        channels[cell.channel] += n
    assert channels == {"private": 20, "group": 1, "inline": 1}
    assert main(["demanda"]) == 0
    out = capsys.readouterr().out
    today = date.today()
    assert f"del {today} al {today}" in out
    assert "Mensajes respondidos: 22." in out
    assert re.search(r"^  Lampa +CEM +7$", out, re.MULTILINE)  # 6 in private chats, 1 inline
    assert re.search(r"^  Moho +CAR +5 +0 +4$", out, re.MULTILINE)  # unmet, beside the seed
    assert "Yunguyo" not in out and "DEMUNA" not in out
    assert re.search(r"^  \d{4}-\d\d-\d\d +5$", out, re.MULTILINE)  # danger this week
    assert "No entendidos (unknown): menos de 5 de 22." in out


PERSON, OTHER = 987654321, 123456789
GROUP = -1001987654321
WRITTEN = [
    "Soy Rosa Quispe Mamani, DNI 45879632, mi celular es 951234567",
    "mi esposo Juan Condori me pega, vivo en el jirón Lima 123 de Juliaca",
    "¿Dónde hay un CEM en Chucuito? escríbame a rosa.quispe@gmail.com",
    "mi hija Lucía Apaza tiene 7 años y la maltratan en la casa 45B",
]
SECRETS = [
    *WRITTEN,
    "Rosa",
    "Quispe",
    "Mamani",
    "Condori",
    "Lucía",
    "Lucia",
    "Apaza",
    "jirón",
    "gmail",
    "45879632",
    "951234567",
    "45B",
    str(PERSON),
    str(OTHER),
    str(USER_ID),
    str(GROUP),
    str(-GROUP),
    "Ana",  # the first name Telegram sends with every update
]


async def test_no_text_id_or_time_of_day_reaches_the_counters_file(
    api: FakeBotAPI, kb: Knowledge, workdir: Path
) -> None:
    data = workdir / "data"
    async with serving(make_app(make_settings(api, data_dir=data), kb)) as app:
        for text in WRITTEN:
            await ask(api, text, PERSON)
            await ask(api, text, OTHER)
            await ask(api, f"@{BOT_USERNAME} {text}", GROUP)
        await inline_typing(api, WRITTEN[2])
        await settled(app, api)
    # with the Telegram layer's ids of answered updates and its heartbeat (issue 11)
    files = sorted(f.name for f in data.iterdir())
    assert files == ["alive", "answered_update_ids", "demanda.sqlite3"]
    assert stat.S_IMODE(data.stat().st_mode) == 0o700  # the bot's user alone
    raw = counters_path(data).read_bytes()
    for secret in SECRETS:
        assert secret.encode() not in raw, secret
    assert not re.search(rb"\d\d:\d\d", raw), "a time of day"
    assert not re.search(rb"\d{9}", raw), "a long number (an id, a phone, a timestamp)"
    with sqlite3.connect(counters_path(data)) as db:
        tables = db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
        columns = [c[1] for c in db.execute("PRAGMA table_info(counts)")]
        rows = db.execute("SELECT * FROM counts").fetchall()
    assert tables == [("counts",)]
    assert columns == ["day", "channel", "intent", "service", "province", "danger", "unmet", "n"]
    assert sum(row[-1] for row in rows) == 13
    for day, channel, intent, service, province, danger, unmet, n in rows:
        assert day == date.today().isoformat()
        assert channel in CHANNELS and intent in INTENTS
        assert service in ("", *kb.services) and province in ("", *kb.provinces)
        assert danger in (0, 1) and unmet in (0, 1) and n > 0


@pytest.mark.parametrize("counting", [True, False])
async def test_privacidad_says_what_is_kept_and_off_means_no_counters(
    api: FakeBotAPI, kb: Knowledge, workdir: Path, counting: bool
) -> None:
    data = workdir / "data"
    settings = make_settings(api, data_dir=data, counters=counting)
    async with serving(make_app(settings, kb)) as app:
        [privacy] = await api.reply_to(api.text_message("/privacidad"))
        await ask(api, "¿Dónde hay un CEM en Lampa?", 8000)
        await settled(app, api)
    text = visible(privacy)
    if counting:
        assert "cuentas anónimas por día" in text and "Nunca el texto" in text
        assert counters_path(data).exists()
    else:
        assert "un número interno por mensaje respondido" in text and "cuentas" not in text
        assert not counters_path(data).exists()
