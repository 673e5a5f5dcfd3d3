"""Serving: long polling or the webhook, at least once (``inbox``, ``polling``, ``webhook``,
``ledger``), until told to stop; then a stop within five seconds.

A stop (SIGTERM, SIGINT) takes no new update, gives those in progress ``GRACE`` seconds,
cancels the rest (not confirmed: Telegram delivers them again) and confirms what was
answered, whatever is waiting (a 429, an outage, a Bot API that hangs).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Awaitable, Callable
from typing import Protocol

from bot.config import Settings
from bot.tg.alive import Heartbeat
from bot.tg.common import App
from bot.tg.delivery import PerChatProcessor
from bot.tg.inbox import Inbox
from bot.tg.ledger import Ledger
from bot.tg.polling import Polling

logger = logging.getLogger(__name__)

GRACE = 3.0  # seconds the updates in progress get to be answered at a stop

Ready = Callable[[], Awaitable[None]]


class Receiver(Protocol):
    """How updates reach the bot: polling or the webhook."""

    async def open(self) -> None:
        """Get ready (delete or register the webhook, listen)."""

    async def receive(self) -> None:
        """Take updates in until cancelled."""

    async def close(self) -> None:
        """After the stop: confirm what was answered, or close the server."""


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
    receiver: Receiver
    if settings.webhook_url:
        from bot.tg.webhook import Webhook  # aiohttp's server only when it serves

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
