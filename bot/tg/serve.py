"""Serving: long polling or a webhook, until told to stop, then a graceful stop.

Both modes stop the same way: no new updates, every update already acknowledged to Telegram
(fetched by getUpdates and confirmed by a last getUpdates with the next offset, or answered
200 on the webhook) is handled before the Application stops, so none is lost and none is
handled twice after a restart.

Webhook mode uses a small aiohttp server of our own (aiohttp is already the bot's HTTP
client): PTB's tornado server reads bodies up to 100 MB before it checks the secret and
answers a body that is not JSON with a 500. This one checks the secret first, in constant
time, refuses bodies over ``MAX_BODY`` bytes (413), answers 4xx to anything that is not an
update, logs one line per refusal and never a body, and queues each update as PTB's does.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import signal
from collections.abc import Awaitable, Callable
from typing import cast

from aiohttp import web
from telegram import Update
from telegram.error import TelegramError

from bot.config import Settings
from bot.tg.common import App

logger = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
MAX_BODY = 1024 * 1024  # an update is at most a few tens of kB


APPLICATION = web.AppKey("application", object)  # the PTB Application
SECRET = web.AppKey("secret", bytes)


def _refuse(status: int, why: str) -> web.Response:
    logger.warning("Webhook request refused (%d): %s", status, why)
    return web.Response(status=status)


async def _update(request: web.Request) -> web.Response:
    """POST <path>: one update from Telegram."""
    token = request.headers.get(SECRET_HEADER, "").encode()
    if not hmac.compare_digest(token, request.app[SECRET]):
        return _refuse(403, "missing or wrong secret token")
    if request.content_type != "application/json":
        return _refuse(415, "not JSON")
    try:
        body = await request.read()
    except web.HTTPRequestEntityTooLarge:
        return _refuse(413, "body too large")
    try:
        data = json.loads(body)
    except ValueError:  # also bytes that are not UTF-8
        return _refuse(400, "body is not JSON")
    if not isinstance(data, dict) or type(data.get("update_id")) is not int:
        return _refuse(400, "not an update")
    application = cast(App, request.app[APPLICATION])
    try:
        update = Update.de_json(data, application.bot)
    except Exception as exc:  # anything malformed is refused, not raised
        return _refuse(400, f"malformed update ({type(exc).__name__})")
    await application.update_queue.put(update)
    return web.Response(status=200)


def webhook_server(application: App, path: str, secret: str) -> web.AppRunner:
    """The HTTP server for ``POST /<path>`` (other methods: 405, other paths: 404), without
    access log (each update would be a line with the sender's address)."""
    app = web.Application(client_max_size=MAX_BODY)
    app[APPLICATION] = application
    app[SECRET] = secret.encode()
    app.router.add_post(f"/{path.lstrip('/')}", _update)
    return web.AppRunner(app, access_log=None, handle_signals=False, shutdown_timeout=1.0)


async def _initialize(application: App) -> None:
    """``application.initialize()``; when it fails (a token Telegram refuses), close the
    HTTP sessions it opened, which PTB's shutdown would skip."""
    try:
        await application.initialize()
    except BaseException:
        await application.bot.shutdown()
        raise


async def _stop(application: App, started: bool) -> None:
    """As PTB's ``run_polling``: post_stop only after a start, post_shutdown always."""
    try:
        if application.updater is not None and application.updater.running:
            await application.updater.stop()
        if started:
            await application.stop()
            if application.post_stop is not None:
                await application.post_stop(application)
        await application.shutdown()
    finally:
        if application.post_shutdown is not None:
            await application.post_shutdown(application)


async def _serve(
    application: App,
    stop: asyncio.Event,
    receive: Callable[[], Awaitable[None]],
    ready: Callable[[], Awaitable[None]] | None,
    close: Callable[[], Awaitable[None]] | None = None,
) -> None:
    """The life cycle both modes share: initialize, post_init, ``receive()`` (start taking
    updates), start and serve until ``stop`` is set; then ``close()`` (take no more) and the
    graceful stop."""
    await _initialize(application)
    started = False
    try:
        if application.post_init is not None:
            await application.post_init(application)
        await receive()
        await application.start()
        started = True
        if ready is not None:
            await ready()
        await stop.wait()
    finally:
        if close is not None:
            await close()
        await _stop(application, started)


async def serve_polling(
    application: App,
    stop: asyncio.Event,
    *,
    allowed_updates: list[str],
    timeout: int,
    error_callback: Callable[[TelegramError], None],
    ready: Callable[[], Awaitable[None]] | None = None,
) -> None:
    """Long polling until ``stop`` is set (what PTB's ``run_polling`` does, with our one-line
    log for a failed getUpdates instead of PTB's traceback)."""
    updater = application.updater
    assert updater is not None

    async def receive() -> None:
        await updater.start_polling(
            timeout=timeout,
            poll_interval=0,
            allowed_updates=allowed_updates,
            error_callback=error_callback,
        )

    await _serve(application, stop, receive, ready)


async def serve_webhook(
    application: App,
    settings: Settings,
    stop: asyncio.Event,
    *,
    allowed_updates: list[str],
    ready: Callable[[], Awaitable[None]] | None = None,
) -> None:
    """Listen, register the webhook, serve until ``stop`` is set; then refuse new requests
    and answer every update already accepted."""
    assert settings.webhook_url is not None and settings.webhook_secret is not None
    url = settings.webhook_url
    secret = settings.webhook_secret.get_secret_value()
    server = webhook_server(application, settings.webhook_path, secret)

    async def receive() -> None:
        await server.setup()
        await web.TCPSite(server, settings.webhook_listen, settings.webhook_port).start()
        await application.bot.set_webhook(url, secret_token=secret, allowed_updates=allowed_updates)

    async def close() -> None:  # no new requests; those being read are finished
        await server.cleanup()

    await _serve(application, stop, receive, ready, close)


def run_until_signal(serve: Callable[[asyncio.Event], Awaitable[None]]) -> None:
    """Run ``serve(stop)`` in a new event loop; SIGINT and SIGTERM set ``stop``."""

    async def main() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
        await serve(stop)

    asyncio.run(main())
