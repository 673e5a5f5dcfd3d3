"""Serving: long polling or a webhook, at least once, until told to stop; then a stop within
a few seconds.

Updates arrive through the ``Inbox``: each is read on its own (one that PTB cannot read, or
whose fields have the wrong types, is skipped with one log line and confirmed, never retried
for ever), checked against the ``Ledger`` (answered ones are skipped), classified when it
would have to wait (danger goes first), and queued for PTB. Telegram is told an update is done
only once it is answered: polling asks getUpdates from the oldest update still in progress, so
the bot holds at most 100 updates past it (Telegram's limit per getUpdates; the rest wait at
Telegram, safe across a crash); the webhook answers each request when its update is answered.

A stop (SIGTERM, SIGINT) takes no new update, gives those in progress ``GRACE`` seconds,
cancels the rest (Telegram delivers them again) and confirms what was answered: it ends
within about four seconds whatever is waiting (a 429, an outage, a slow Bot API).

Webhook mode uses a small aiohttp server of our own (aiohttp is already the bot's HTTP
client): PTB's tornado server reads bodies up to 100 MB before it checks the secret and
answers a body that is not JSON with a 500. This one checks the secret first, in constant
time, refuses bodies over ``MAX_BODY`` bytes (413), answers 4xx to anything that is not an
update, logs one line per refusal and never a body.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import json
import logging
import signal
from collections.abc import Awaitable, Callable
from typing import Any, cast

from aiohttp import web
from telegram import Update
from telegram.error import InvalidToken, RetryAfter, TelegramError

from bot.config import Settings
from bot.tg.alive import Heartbeat
from bot.tg.common import App
from bot.tg.delivery import PerChatProcessor, chat_key
from bot.tg.ledger import Ledger
from bot.tg.logs import one_line

logger = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
MAX_BODY = 1024 * 1024  # an update is at most a few tens of kB
BATCH = 100  # Telegram's most updates per getUpdates
POLL_PAUSE = 0.5  # seconds between two getUpdates while updates are in progress, at most
GRACE = 3.0  # seconds the updates in progress get to be answered at a stop
CONFIRM_SECONDS = 1.0  # for the last getUpdates that confirms what was answered
PAUSES = (1.0, 2.0, 4.0, 8.0, 15.0, 30.0)  # between failed getUpdates
BEAT_SECONDS = 10.0  # between two heartbeats of the webhook server

Ready = Callable[[], Awaitable[None]]


def _readable(update: Update) -> bool:
    """Whether the fields the handlers read have their types (PTB does not check them)."""
    message = update.effective_message
    if message is not None and not (
        isinstance(message.text, str | None)
        and isinstance(message.caption, str | None)
        and type(message.chat.id) is int
        and isinstance(message.chat.type, str)
    ):
        return False
    user = update.effective_user
    query = update.callback_query
    inline = update.inline_query
    return (
        (user is None or type(user.id) is int)
        and (query is None or isinstance(query.data, str | None))
        and (inline is None or isinstance(inline.query, str))
    )


class Inbox:
    """Where updates come in, for both modes."""

    def __init__(self, application: App, ledger: Ledger) -> None:
        self.application = application
        self.ledger = ledger
        self.processor = cast(PerChatProcessor, application.update_processor)
        self.closed = False

    def read(self, raw: dict[str, Any]) -> Update | None:
        """The update, or None when it cannot be read: then it is skipped (answered, so
        confirmed) with one log line that holds nothing of it but its id."""
        update_id: int = raw["update_id"]
        why = "wrong types"
        try:
            update = Update.de_json(raw, self.application.bot)
            if _readable(update):
                return update
        except Exception as exc:  # whatever PTB raises on a malformed update
            why = type(exc).__name__
        logger.warning("Update %d skipped: it cannot be read (%s)", update_id, why)
        self.ledger.finish(update_id)
        return None

    def admit(self, updates: list[Update]) -> list[asyncio.Future[bool]]:
        """Take updates in and queue them for PTB. An update that has to wait for a place is
        classified; urgent chats go first (each chat's updates stay in order)."""
        futures = []
        first: set[object] = set()
        for update in updates:
            futures.append(self.ledger.begin(update.update_id))
            if self.ledger.held > self.processor.limit and self.processor.urgent(update):
                first.add(chat_key(update))
        if first:
            updates = sorted(updates, key=lambda u: chat_key(u) not in first)
        for update in updates:
            self.application.update_queue.put_nowait(update)
        return futures

    async def deliver(self, raw: dict[str, Any]) -> bool:
        """A webhook update: True once it is answered (or was, or is skipped), False when the
        bot stopped first. The same update_id twice is answered once."""
        update_id: int = raw["update_id"]
        if self.ledger.answered(update_id):
            return True
        future = self.ledger.pending(update_id)
        if future is None:
            update = self.read(raw)
            if update is None:
                return True
            [future] = self.admit([update])
        return await asyncio.shield(future)


def _pause(failures: int, error: TelegramError) -> float:
    if isinstance(error, RetryAfter):
        return error._retry_after.total_seconds()  # the public property warns
    return PAUSES[min(failures, len(PAUSES)) - 1]


class Polling:
    """getUpdates from the oldest update in progress, long polling ``timeout`` seconds when
    none is."""

    def __init__(
        self,
        inbox: Inbox,
        heartbeat: Heartbeat,
        settings: Settings,
        allowed_updates: list[str],
        timeout: int,
    ) -> None:
        self.inbox = inbox
        self.ledger = inbox.ledger
        self.bot = inbox.application.bot
        self.heartbeat = heartbeat
        self.timeout = timeout
        self.allowed_updates = allowed_updates
        self.read_timeout = settings.bot_api_timeout
        self.highest: int | None = None
        self.asked: int | None = None  # the offset of the last getUpdates

    def offset(self) -> int | None:
        """Telegram forgets the updates below this one."""
        lowest = self.ledger.lowest_pending()
        if lowest is not None:
            return lowest
        return None if self.highest is None else self.highest + 1

    async def _get(self, offset: int | None, timeout: int, limit: int = BATCH) -> Any:
        self.asked = offset
        data = {
            "offset": offset,
            "limit": limit,
            "timeout": timeout,
            "allowed_updates": self.allowed_updates,
        }
        return await self.bot._post("getUpdates", data, read_timeout=self.read_timeout + timeout)

    async def open(self) -> None:
        """No webhook: getUpdates works only without one."""
        await self.bot.delete_webhook()

    async def receive(self) -> None:
        """Poll until cancelled; raise ``InvalidToken`` on a 401 or 404 (the token is refused,
        or BOT_API_BASE_URL is no Bot API): never alive and deaf."""
        failures = 0
        while True:
            held = self.ledger.held
            if held:  # half of them answered, or a moment: then the offset moves
                await self.ledger.progress(self.ledger.finished + (held + 1) // 2, POLL_PAUSE)
            try:
                raw = await self._get(self.offset(), 0 if self.ledger.held else self.timeout)
                if not isinstance(raw, list):
                    raise TelegramError("getUpdates did not answer a list")
            except InvalidToken:
                raise
            except TelegramError as exc:
                failures += 1
                seconds = _pause(failures, exc)
                logger.warning("getUpdates failed (%s); again in %ss", one_line(exc), seconds)
                await asyncio.sleep(seconds)
                continue
            if failures:
                logger.info("getUpdates works again")
                failures = 0
            self.heartbeat.beat()
            self._take(raw)

    def _take(self, raw: list[Any]) -> None:
        fresh = []
        for item in raw:
            update_id = item.get("update_id") if isinstance(item, dict) else None
            if type(update_id) is not int:
                logger.warning("An update without update_id skipped")
                continue
            self.highest = max(update_id, self.highest or update_id)
            if self.ledger.answered(update_id) or self.ledger.pending(update_id):
                continue
            update = self.inbox.read(item)
            if update is not None:
                fresh.append(update)
        self.inbox.admit(fresh)

    async def close(self) -> None:
        """Confirm what was answered since the last getUpdates (if the Bot API answers at
        once; else the ledger keeps it from being answered twice after a restart)."""
        offset = self.offset()
        if offset is None or offset == self.asked:
            return
        with contextlib.suppress(TelegramError, TimeoutError):
            async with asyncio.timeout(CONFIRM_SECONDS):
                await self._get(offset, 0, limit=1)


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


async def _until(stop: asyncio.Event, awaitable: Awaitable[None]) -> bool:
    """Await ``awaitable`` unless ``stop`` is set first (then cancel it): True when it ended
    (its exception raised), False when stopped."""
    task = asyncio.ensure_future(awaitable)
    stopped = asyncio.ensure_future(stop.wait())
    await asyncio.wait({task, stopped}, return_when=asyncio.FIRST_COMPLETED)
    stopped.cancel()
    if task.done():
        task.result()
        return True
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task
    return False


async def _drain(application: App, ledger: Ledger, processor: PerChatProcessor) -> None:
    """Give the updates in progress GRACE seconds; cancel the rest, which stay unconfirmed."""
    await ledger.progress(ledger.finished + ledger.held, GRACE)
    if not ledger.held:
        return
    queue = application.update_queue
    while not queue.empty():  # taken in, not started: nothing to cancel
        queue.get_nowait()
        queue.task_done()
    processor.cancel()
    logger.warning("Stopping: %d updates left for Telegram to deliver again", ledger.held)


async def _stop(application: App, started: bool) -> None:
    """As PTB's ``run_polling``: post_stop only after a start, post_shutdown always; the
    HTTP sessions closed also when the start failed half-way (PTB's shutdown skips them)."""
    try:
        if started:
            await application.stop()
            if application.post_stop is not None:
                await application.post_stop(application)
        await application.shutdown()
        await application.bot.shutdown()
    finally:
        if application.post_shutdown is not None:
            await application.post_shutdown(application)


async def serve(
    application: App,
    settings: Settings,
    stop: asyncio.Event,
    *,
    allowed_updates: list[str],
    poll_timeout: int,
    ready: Ready | None = None,
) -> None:
    """Serve ``application`` (webhook when ``WEBHOOK_URL`` is set, else long polling of
    ``poll_timeout`` seconds) until ``stop`` is set; raise what makes it impossible (a
    refused token: ``InvalidToken``...)."""
    ledger = Ledger(settings.data_dir)
    heartbeat = Heartbeat(settings.data_dir)
    inbox = Inbox(application, ledger)
    inbox.processor.done = ledger.finish
    receiver: Polling | Webhook
    if settings.webhook_url:
        receiver = Webhook(inbox, heartbeat, settings, allowed_updates)
    else:
        receiver = Polling(inbox, heartbeat, settings, allowed_updates, poll_timeout)
    started = False

    async def begin() -> None:
        # While the Bot API cannot be reached, getMe and the rest wait in the rate limiter
        # (delivery.Outage); a refused token is raised at once.
        await application.initialize()
        if application.post_init is not None:
            await application.post_init(application)
        await receiver.open()

    try:
        if not await _until(stop, begin()):
            return
        await application.start()
        started = True
        receiving = asyncio.ensure_future(receiver.receive())
        try:
            if ready is not None:
                await ready()
            heartbeat.ready()
            await _until(stop, receiving)
        finally:
            heartbeat.stopping()
            inbox.closed = True
            if not receiving.done():
                receiving.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await receiving
            await _drain(application, ledger, inbox.processor)
            ledger.abandon()
    finally:
        await receiver.close()
        ledger.close()
        await _stop(application, started)


def run_until_signal(serve: Callable[[asyncio.Event], Awaitable[None]]) -> None:
    """Run ``serve(stop)`` in a new event loop; SIGINT and SIGTERM set ``stop``."""

    async def main() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
        await serve(stop)

    asyncio.run(main())
