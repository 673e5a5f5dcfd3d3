"""The memory sweep: every few minutes each chat's memory loses what has expired (the
conversation after 30 minutes of silence, a context older than its TTL, message ids older
than 48 hours, flood bookkeeping out of its window), and a chat with nothing left, or idle
for longer than 48 hours, is dropped entirely. Memory only; no JobQueue."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Mapping, MutableMapping
from typing import Any

from telegram.ext import Application

from bot.tg.common import (
    FORGET_AFTER,
    LAST_SEEN,
    TRACK_WINDOW,
    App,
    current_context,
    forget,
    idle_seconds,
    prune_tracked,
)
from bot.tg.flood import FLOOD, FloodGate

logger = logging.getLogger(__name__)

SWEEP_SECONDS = 300.0  # between two sweeps
SWEEPER = "sweeper"  # bot_data key: the asyncio.Task of the sweep loop
TASK_NAME = "memory sweep"

# Without persistence PTB 22 still notes the id of every chat and user it served (or whose
# data was dropped) for a persistence update, and never empties these sets.
PERSISTENCE_MARKS = (
    "_chat_ids_to_be_updated_in_persistence",
    "_chat_ids_to_be_deleted_in_persistence",
    "_user_ids_to_be_updated_in_persistence",
    "_user_ids_to_be_deleted_in_persistence",
)

Chats = MutableMapping[int, dict[str, Any]]


def _sweep_chat(memory: dict[str, Any], now: float, wall: float, gate: FloodGate) -> bool:
    """Forget what expired in one chat's memory; True when the chat can go entirely (idle
    longer than TRACK_WINDOW, or longer than FORGET_AFTER with nothing left)."""
    idle = idle_seconds(memory, now)
    if idle > TRACK_WINDOW:
        return True
    if idle > FORGET_AFTER:
        forget(memory)
    else:
        current_context(memory, now)
    prune_tracked(memory, wall)
    gate.prune(memory, now)
    return idle > FORGET_AFTER and memory.keys() <= {LAST_SEEN}


def _sweep_chats(
    memories: Mapping[int, dict[str, Any]],
    drop: Callable[[int], object],
    now: float,
    wall: float,
    gate: FloodGate,
) -> int:
    stale: list[int] = []
    errors: list[str] = []
    for chat_id, memory in list(memories.items()):
        try:
            if _sweep_chat(memory, now, wall, gate):
                stale.append(chat_id)
        except Exception as exc:  # a shape this code never writes: forget rather than keep
            errors.append(type(exc).__name__)
            stale.append(chat_id)
    for chat_id in stale:
        drop(chat_id)
    if errors:
        logger.warning(
            "Memory sweep: %d chats in an unexpected state were dropped (%s)",
            len(errors),
            errors[0],
        )
    return len(stale)


def sweep(chats: App | Chats, now: float | None = None, wall: float | None = None) -> int:
    """Sweep every chat's memory once; return how many chats were dropped.

    ``now`` is monotonic time (last updates, contexts, flood control), ``wall`` unix time
    (tracked message ids); both default to the clocks. An Application's chats are dropped
    with ``drop_chat_data``, its flood window is its FloodGate's, and the chat and user ids
    PTB keeps for a persistence it does not have are forgotten; a plain mapping gets the
    default flood window."""
    now = time.monotonic() if now is None else now
    wall = time.time() if wall is None else wall
    if not isinstance(chats, Application):
        return _sweep_chats(chats, chats.__delitem__, now, wall, FloodGate())
    gate = chats.bot_data.get(FLOOD)
    gate = gate if isinstance(gate, FloodGate) else FloodGate()
    dropped = _sweep_chats(chats.chat_data, chats.drop_chat_data, now, wall, gate)
    if chats.persistence is None:
        for name in PERSISTENCE_MARKS:
            getattr(chats, name).clear()
    return dropped


async def sweep_forever(application: App, interval: float) -> None:
    """Sweep ``application`` every ``interval`` seconds; a failed sweep is one log line
    (the exception's type only: its message might name a chat) and the loop goes on."""
    while True:
        await asyncio.sleep(interval)
        try:
            dropped = sweep(application)
        except Exception as exc:
            logger.error("Memory sweep failed (%s); the next in %ss", type(exc).__name__, interval)
        else:
            logger.debug(
                "Memory sweep: %d chats dropped, %d kept", dropped, len(application.chat_data)
            )


def start(application: App) -> None:
    """Start the sweep loop (post_init). A plain task: one of ``application.create_task``
    made while running would make ``Application.stop()`` wait for a loop that never ends."""
    task = asyncio.get_running_loop().create_task(
        sweep_forever(application, SWEEP_SECONDS), name=TASK_NAME
    )
    application.bot_data[SWEEPER] = task


async def stop(application: App) -> None:
    """End the sweep loop, if it runs (post_shutdown)."""
    task = application.bot_data.pop(SWEEPER, None)
    if isinstance(task, asyncio.Task):
        task.cancel()
        await asyncio.wait({task})
