"""Running the real Application in-process against our Bot API server, the way ``run()`` does
(shared by the end-to-end tests and the load benchmark)."""

from __future__ import annotations

import asyncio
import contextlib
import socket
from collections.abc import AsyncIterator
from typing import Any

from botapi import TOKEN, FakeBotAPI

from bot.config import Settings
from bot.core.engine import Engine
from bot.core.knowledge import Knowledge
from bot.tg.app import ALLOWED_UPDATES, build_application
from bot.tg.common import SETTINGS, App
from bot.tg.serve import serve

ERRORS = "test_errors"  # bot_data key: every error that reached the error handlers (tests)
PUBLIC = "https://bot.example.org"  # the public address a webhook test registers (unreached)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def webhook_settings(api: FakeBotAPI, secret: str, path: str = "/hook", **values: Any) -> Settings:
    """Settings for webhook mode: Telegram is given ``PUBLIC + path``, the bot listens on a
    free local port (``local_url`` gives where to post)."""
    return make_settings(
        api,
        webhook_url=PUBLIC + path,
        webhook_secret=secret,
        webhook_listen="127.0.0.1",
        webhook_port=free_port(),
        **values,
    )


def local_url(settings: Settings) -> str:
    """Where the webhook server of ``settings`` listens, as a URL."""
    return f"http://127.0.0.1:{settings.webhook_port}/{settings.webhook_path}"


async def settled(application: App, api: FakeBotAPI, timeout: float = 5.0) -> None:
    """Wait until the bot has fetched every update pushed so far (its next getUpdates
    confirms them) and handled them all (PTB marks each done after its handlers ran)."""
    if api.updates:
        last = api.updates[-1]["update_id"]
        await api.wait_for(
            "getUpdates",
            mark=0,
            timeout=timeout,
            where=lambda c: int(c.params.get("offset", 0)) > last,
        )
    async with asyncio.timeout(timeout):
        await application.update_queue.join()


def make_settings(api: FakeBotAPI | str, **values: Any) -> Settings:
    """Settings for a bot that talks to ``api`` (or a base URL), ``values`` overriding the
    environment (where the ``clean_env`` fixture puts DATA_DIR in the test's folder)."""
    base = api if isinstance(api, str) else api.base_url
    fields: dict[str, Any] = {"telegram_bot_token": TOKEN, "bot_api_base_url": base}
    fields.update(values)
    return Settings(_env_file=None, **fields)


_ENGINES: dict[int, tuple[Knowledge, Engine]] = {}


def make_app(settings: Settings, kb: Knowledge, **options: Any) -> App:
    """The bot's Application, with one Engine per knowledge for the whole session (building
    one takes about a tenth of a second)."""
    if id(kb) not in _ENGINES:
        _ENGINES[id(kb)] = (kb, Engine(kb))
    return build_application(settings, _ENGINES[id(kb)][1], **options)


@contextlib.asynccontextmanager
async def serving(application: App) -> AsyncIterator[App]:
    """Serve ``application`` as ``run()`` does (polling, or webhook when its settings have a
    webhook URL) until the block ends; then the graceful stop of SIGTERM."""
    stop = asyncio.Event()
    ready = asyncio.Event()

    async def is_ready() -> None:
        ready.set()

    settings: Settings = application.bot_data[SETTINGS]
    task = asyncio.create_task(
        serve(
            application,
            settings,
            stop,
            allowed_updates=list(ALLOWED_UPDATES),
            poll_timeout=5,
            ready=is_ready,
        )
    )
    waiter = asyncio.create_task(ready.wait())
    await asyncio.wait([task, waiter], return_when=asyncio.FIRST_COMPLETED)
    if task.done():
        waiter.cancel()
        task.result()  # raises what made the start fail
    try:
        yield application
    finally:
        stop.set()
        await task
