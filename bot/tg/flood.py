"""Flood control: a chat that writes faster than a few messages a second is slowed down with
one polite notice; its further messages in the window are ignored. Other chats are not
delayed, and a message about danger is never dropped. Memory only, per chat."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal, cast

from telegram import Update
from telegram.ext import ApplicationHandlerStop

from bot.tg.common import (
    LINEA_100,
    Ctx,
    addressed_text,
    chat_memory,
    command,
    engine,
    is_private,
    reply,
    urgent,
)

FLOOD = "flood"  # bot_data key: the FloodGate
ADMITTED = "flood_admitted"  # chat_data: list[float], the answered messages' times (at most
# ``limit``: a list of five floats takes 120 bytes of each chat's memory, a deque 760)
DROPPED = "flood_dropped"  # chat_data: float, time of the last ignored message

SLOW_DOWN = (
    "Recibí varios mensajes seguidos. Por favor, espere unos segundos y escríbame de nuevo; "
    "le responderé. " + LINEA_100
)

Verdict = Literal["notice", "drop"]


@dataclass
class FloodGate:
    """At most ``limit`` answered messages per chat in any ``window`` seconds (a sliding
    window over the chat's answered messages). Past that, the first ignored message of an
    episode gets the notice; an episode ends after ``window`` seconds without ignored
    messages. ``clock`` is monotonic and can be replaced in tests."""

    limit: int = 5
    window: float = 2.0
    clock: Callable[[], float] = field(default=time.monotonic)

    def _recent(self, moment: float, now: float) -> bool:
        return now - moment < self.window

    def _expire(self, admitted: list[float], now: float) -> None:
        while admitted and not self._recent(admitted[0], now):
            del admitted[0]

    def admit(self, memory: dict[str, Any]) -> bool:
        """Count a message of the chat whose memory this is if the window has room for it."""
        now = self.clock()
        admitted = cast("list[float] | None", memory.get(ADMITTED))
        if admitted is None:
            admitted = memory[ADMITTED] = []
        self._expire(admitted, now)
        if len(admitted) < self.limit:
            admitted.append(now)
            return True
        return False

    def force(self, memory: dict[str, Any]) -> None:
        """Count a message that is answered although the window is full (danger)."""
        admitted = memory.setdefault(ADMITTED, [])
        admitted.append(self.clock())

    def hold(self, memory: dict[str, Any]) -> Verdict:
        """A message held back: the first of an episode gets the notice, the rest nothing."""
        now = self.clock()
        last = memory.get(DROPPED)
        memory[DROPPED] = now
        if isinstance(last, int | float) and self._recent(last, now):
            return "drop"
        return "notice"

    def prune(self, memory: dict[str, Any], now: float) -> None:
        """Forget the chat's bookkeeping that is out of the window at ``now``."""
        admitted = cast("list[float] | None", memory.get(ADMITTED))
        if admitted is not None:
            self._expire(admitted, now)
            if not admitted:
                del memory[ADMITTED]
        last = memory.get(DROPPED)
        if isinstance(last, int | float) and not self._recent(last, now):
            del memory[DROPPED]


def _for_the_bot(update: Update, context: Ctx) -> bool:
    """Whether the bot would answer this message: anything in a private chat; in a group a
    command not addressed to another bot, a mention, a reply to the bot."""
    message = update.message
    if message is None:
        return False
    if is_private(update):
        return True
    named = command(message.text or "")
    if named is not None:
        return named[1] in ("", (context.bot.username or "").lower())
    return message.text is not None and addressed_text(update, context) is not None


async def guard(update: Update, context: Ctx) -> None:
    """Runs before the handlers that answer a message; stops the ones it holds back."""
    gate = context.bot_data.get(FLOOD)
    if not isinstance(gate, FloodGate) or update.effective_chat is None:
        return
    if not _for_the_bot(update, context):
        return
    memory = chat_memory(context)
    if gate.admit(memory):
        return
    if urgent(update, engine(context)):
        gate.force(memory)
        return
    if gate.hold(memory) == "notice":
        await reply(update, context, SLOW_DOWN)
    raise ApplicationHandlerStop
