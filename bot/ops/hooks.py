"""The few calls the Telegram layer makes: ``start`` and ``stop`` with the bot, ``note_update``
for each update, ``answered`` for each message the core answered, ``failed`` for each error.

Counting costs the reply path one addition in memory; the counters are written every few
minutes in a worker thread, and at stop.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, cast

from telegram import Update

from bot.config import Settings
from bot.core.model import Answer
from bot.ops.counters import CounterStore, counter_store
from bot.ops.demand import Cell, Channel, cell_of
from bot.tg.common import SETTINGS, App, Ctx, is_private, knowledge

if TYPE_CHECKING:
    from aiohttp import web

    from bot.ops.metrics import Metrics

logger = logging.getLogger(__name__)

OPS = "ops"  # bot_data key: the Ops of this application
INLINE_SETTLE_SECONDS = 2.0  # an inline query is counted once its person stops typing
UPDATE_KINDS = ("message", "callback_query", "inline_query")

_started: ContextVar[float | None] = ContextVar("update_started", default=None)


@dataclass
class Ops:
    """What runs beside the bot: the counters, their writer, the metrics and their server.

    ``typing`` holds, for two seconds and in memory only, the counter cell of the inline
    query each person (by Telegram id) is still typing: Telegram sends one query at each
    pause, and only the final one counts."""

    store: CounterStore | None = None
    metrics: Metrics | None = None
    writer: asyncio.Task[None] | None = None
    server: web.AppRunner | None = None
    typing: dict[int, tuple[asyncio.TimerHandle, Cell]] = field(default_factory=dict)


def _ops(context: Ctx) -> Ops | None:
    return cast(Ops | None, context.bot_data.get(OPS))


async def start(application: App) -> None:
    """Start the counters' writer and, with METRICS_PORT, the metrics server."""
    settings: Settings = application.bot_data[SETTINGS]
    me = application.bot.username
    if settings.bot_username and settings.bot_username.lower() != me.lower():
        logger.warning("BOT_USERNAME is not this bot's username (%s): posters link elsewhere", me)
    ops = application.bot_data[OPS] = Ops()
    ops.store = counter_store(settings)
    if ops.store is not None:
        ops.writer = asyncio.create_task(ops.store.flush_every())
    if settings.metrics_port is not None:
        from bot.ops.metrics import Metrics

        ops.metrics = Metrics()
        ops.server = await ops.metrics.serve(settings.metrics_listen, settings.metrics_port)
        logger.info("Metrics on %s:%s", settings.metrics_listen, settings.metrics_port)


async def stop(application: App) -> None:
    """Write the last counts and stop the metrics server."""
    ops: Ops | None = application.bot_data.pop(OPS, None)
    if ops is None:
        return
    if ops.writer is not None:
        ops.writer.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await ops.writer
    if ops.store is not None:
        for handle, cell in ops.typing.values():
            handle.cancel()
            ops.store.add(cell)
        await ops.store.flush_off_loop()
    if ops.server is not None:
        await ops.server.cleanup()


async def note_update(update: Update, context: Ctx) -> None:
    """Every update: the start of its handling (for the latency) and its kind."""
    _started.set(time.monotonic())
    ops = _ops(context)
    if ops is not None and ops.metrics is not None:
        kind = next((k for k in UPDATE_KINDS if getattr(update, k) is not None), "other")
        ops.metrics.updates.labels(kind).inc()


def channel_of(update: Update) -> Channel:
    """Where the answer went."""
    if update.inline_query is not None:
        return "inline"
    return "private" if is_private(update) else "group"


def answered(update: Update, context: Ctx, answer: Answer) -> None:
    """A message the core answered, just sent: count it."""
    ops = _ops(context)
    if ops is None:
        return
    channel = channel_of(update)
    if ops.metrics is not None:
        ops.metrics.replies.labels(channel).inc()
        ops.metrics.intents.labels(answer.intent).inc()
        started = _started.get()
        if started is not None:
            ops.metrics.latency.observe(time.monotonic() - started)
    if ops.store is None:
        return
    cell = cell_of(answer, channel, knowledge(context), date.today())
    person = update.effective_user
    if channel == "inline" and person is not None:
        _count_when_settled(ops, ops.store, person.id, cell)
    else:
        ops.store.add(cell)


def _count_when_settled(ops: Ops, store: CounterStore, person: int, cell: Cell) -> None:
    """Count ``cell`` unless the same person sends another inline query within the pause."""
    previous = ops.typing.pop(person, None)
    if previous is not None:
        previous[0].cancel()

    def settled() -> None:
        store.add(ops.typing.pop(person)[1])

    handle = asyncio.get_running_loop().call_later(INLINE_SETTLE_SECONDS, settled)
    ops.typing[person] = (handle, cell)


def failed(context: Ctx, error: BaseException | None) -> None:
    """An error while handling an update, by its class."""
    ops = _ops(context)
    if ops is not None and ops.metrics is not None and error is not None:
        ops.metrics.failures.labels(type(error).__name__).inc()
