"""Running the real Application in-process against our Bot API server, the way ``run()`` does
(shared by the end-to-end tests and the load benchmark)."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from typing import Any

from botapi import TOKEN, FakeBotAPI

from bot.config import Settings
from bot.core.knowledge import Knowledge
from bot.tg.app import ALLOWED_UPDATES, build_application, polling_error
from bot.tg.common import App
from bot.tg.serve import serve_polling, serve_webhook

ERRORS = "test_errors"  # bot_data key: every error that reached the error handlers (tests)


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
    """Settings for a bot that talks to ``api`` (or a base URL), ``values`` overriding."""
    base = api if isinstance(api, str) else api.base_url
    fields: dict[str, Any] = {"telegram_bot_token": TOKEN, "bot_api_base_url": base}
    fields.update(values)
    return Settings(_env_file=None, **fields)


def make_app(settings: Settings, kb: Knowledge, **options: Any) -> App:
    return build_application(settings, kb, **options)


@contextlib.asynccontextmanager
async def serving(application: App, settings: Settings | None = None) -> AsyncIterator[App]:
    """Serve ``application`` (polling, or webhook when ``settings`` has a webhook URL) until
    the block ends; then the graceful stop of SIGTERM."""
    stop = asyncio.Event()
    ready = asyncio.Event()

    async def is_ready() -> None:
        ready.set()

    if settings is not None and settings.webhook_url:
        serve = serve_webhook(
            application, settings, stop, allowed_updates=list(ALLOWED_UPDATES), ready=is_ready
        )
    else:
        serve = serve_polling(
            application,
            stop,
            allowed_updates=list(ALLOWED_UPDATES),
            timeout=5,
            error_callback=polling_error,
            ready=is_ready,
        )
    task = asyncio.create_task(serve)
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
