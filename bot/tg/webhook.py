"""The webhook: a small aiohttp server of our own, registered with Telegram.

At least once: a request is answered 200 (Telegram then forgets the update) only once its
update is answered; 503 when the bot stops first, so that Telegram delivers it again. The
same update_id twice is answered once. aiohttp is already the bot's HTTP client; PTB's
tornado server reads bodies up to 100 MB before it checks the secret and answers a body that
is not JSON with a 500. This one checks the secret first, in constant time, refuses bodies
over ``MAX_BODY`` bytes (413), answers 4xx to anything that is not an update (also JSON
nested too deep), logs one line per refusal and never a body. Imported only in webhook mode.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
from typing import cast

from aiohttp import web

from bot.config import Settings
from bot.tg.alive import Heartbeat
from bot.tg.inbox import Inbox

logger = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
MAX_BODY = 1024 * 1024  # an update is at most a few tens of kB
BEAT_SECONDS = 10.0  # between two heartbeats while the server is open


class Webhook:
    """Our webhook server, registered with Telegram."""

    def __init__(
        self, inbox: Inbox, heartbeat: Heartbeat, settings: Settings, allowed_updates: list[str]
    ) -> None:
        assert settings.webhook_url is not None and settings.webhook_secret is not None
        self.inbox = inbox
        self.heartbeat = heartbeat
        self.settings = settings
        self.allowed_updates = allowed_updates
        self.secret = settings.webhook_secret.get_secret_value()
        self.server = webhook_server(inbox, settings.webhook_path, self.secret)

    async def open(self) -> None:
        """Listen, then register the webhook."""
        settings = self.settings
        await self.server.setup()
        await web.TCPSite(self.server, settings.webhook_listen, settings.webhook_port).start()
        await self.inbox.application.bot.set_webhook(
            cast(str, settings.webhook_url),
            secret_token=self.secret,
            allowed_updates=self.allowed_updates,
        )

    async def receive(self) -> None:
        """Beat while the server serves, until cancelled."""
        while True:
            self.heartbeat.beat()
            await asyncio.sleep(BEAT_SECONDS)

    async def close(self) -> None:
        """Close the server, if it was set up (requests still waiting were answered 503)."""
        if self.server.server is not None:
            await self.server.cleanup()


INBOX = web.AppKey("inbox", Inbox)
SECRET = web.AppKey("secret", bytes)


def _refuse(status: int, why: str) -> web.Response:
    logger.warning("Webhook request refused (%d): %s", status, why)
    return web.Response(status=status)


async def _update(request: web.Request) -> web.Response:
    """POST <path>: one update from Telegram; 200 once it is answered, 503 when the bot
    stops before (Telegram then delivers it again)."""
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
    except (ValueError, RecursionError):  # also bytes that are not UTF-8, or nested too deep
        return _refuse(400, "body is not JSON")
    if not isinstance(data, dict) or type(data.get("update_id")) is not int:
        return _refuse(400, "not an update")
    inbox = request.app[INBOX]
    if inbox.closed or not await inbox.deliver(data):
        return web.Response(status=503)
    return web.Response(status=200)


def webhook_server(inbox: Inbox, path: str, secret: str) -> web.AppRunner:
    """The HTTP server for ``POST /<path>`` (other methods: 405, other paths: 404), without
    access log (each update would be a line with the sender's address)."""
    app = web.Application(client_max_size=MAX_BODY)
    app[INBOX] = inbox
    app[SECRET] = secret.encode()
    app.router.add_post(f"/{path.lstrip('/')}", _update)
    return web.AppRunner(app, access_log=None, handle_signals=False, shutdown_timeout=1.0)
