"""Prometheus metrics: scraped from the running bot with METRICS_PORT, read with the official
client's parser; gone when the bot stops."""

from __future__ import annotations

import asyncio
import socket
from pathlib import Path

import aiohttp
import pytest
from botapi import FakeBotAPI
from harness import make_app, make_settings, serving, settled
from prometheus_client.parser import text_string_to_metric_families

from bot.core.knowledge import Knowledge

PERSON, BLOCKED = 4440001, 4440002


async def scrape(url: str) -> str:
    async with aiohttp.ClientSession() as session, session.get(url) as response:
        assert response.status == 200
        assert response.headers["Content-Type"].startswith("text/plain")
        return await response.text()


def samples(body: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(body)
        for sample in family.samples
    }


async def test_metrics_are_served_while_the_bot_runs(
    api: FakeBotAPI, kb: Knowledge, workdir: Path, free_port: int
) -> None:
    settings = make_settings(api, data_dir=workdir / "data", metrics_port=free_port)
    url = f"http://127.0.0.1:{free_port}/metrics"
    async with serving(make_app(settings, kb)) as app:
        await api.reply_to(api.text_message("¿Dónde hay un CEM en Lampa?", chat_id=PERSON))
        await api.reply_to(api.text_message("mi esposo me está pegando", chat_id=PERSON))
        [menu] = await api.reply_to(api.text_message("/start", chat_id=PERSON))
        await api.press(menu.result, "m:prov")
        api.fail_next("sendMessage", 403, chat_id=BLOCKED)  # this person blocked the bot
        api.push(api.text_message("hola", chat_id=BLOCKED, user_id=BLOCKED))
        await settled(app, api)
        body = await scrape(url)
    found = samples(body)
    assert found["bot_updates_total", (("kind", "message"),)] == 4
    assert found["bot_updates_total", (("kind", "callback_query"),)] == 1
    assert found["bot_replies_total", (("channel", "private"),)] == 2
    assert found["bot_messages_total", (("intent", "locate"),)] == 1
    assert found["bot_messages_total", (("intent", "emergency"),)] == 1
    assert found["bot_failures_total", (("kind", "Forbidden"),)] == 1
    assert found["bot_reply_seconds_count", ()] == 2
    assert found["bot_reply_seconds_bucket", (("le", "+Inf"),)] == 2
    assert found["bot_reply_seconds_sum", ()] > 0
    assert ("process_resident_memory_bytes", ()) in found
    for private in (str(PERSON), str(BLOCKED), "Lampa", "pegando", "hola"):
        assert private not in body
    with pytest.raises(aiohttp.ClientConnectionError):
        await scrape(url)  # stopped with the bot


async def test_no_metrics_server_without_metrics_port(
    api: FakeBotAPI, kb: Knowledge, workdir: Path, free_port: int
) -> None:
    async with serving(make_app(make_settings(api, data_dir=workdir / "data"), kb)) as app:
        await api.reply_to(api.text_message("¿Dónde hay un CEM en Lampa?"))
        await settled(app, api)
        with pytest.raises(aiohttp.ClientConnectionError):
            await scrape(f"http://127.0.0.1:{free_port}/metrics")


async def test_a_taken_metrics_port_stops_the_start_cleanly(
    api: FakeBotAPI, kb: Knowledge, workdir: Path, free_port: int
) -> None:
    settings = make_settings(api, data_dir=workdir / "data", metrics_port=free_port)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", free_port))
        taken.listen()
        with pytest.raises(OSError):
            async with serving(make_app(settings, kb)):
                pass
    assert not [t for t in asyncio.all_tasks() if "flush_every" in repr(t)]
