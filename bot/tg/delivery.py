"""How updates are worked through and replies leave.

Updates of different chats are handled at the same time, each chat's in order, and chats with
an urgent update (danger) get the free places first. Replies respect Telegram's flood limits;
a 429 pauses only the chat (or method) Telegram named; while the Bot API is down, replies wait
and try again after growing pauses (bounded), urgent ones first.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Coroutine
from contextvars import ContextVar
from typing import Any

from telegram import Update
from telegram.error import NetworkError, RetryAfter, TimedOut
from telegram.ext import AIORateLimiter, BaseUpdateProcessor

from bot.tg.logs import one_line

logger = logging.getLogger(__name__)

Result = bool | dict[str, Any] | list[dict[str, Any]]
Key = tuple[str, int]
WIDE = 1 << 20  # PTB's semaphore: wider than any queue of updates

# Whether the update being handled in this task is urgent: asked (and then classified) only
# when it matters, by the rate limiter while the Bot API is down. Set by PerChatProcessor.
URGENT: ContextVar[Callable[[], bool]] = ContextVar("urgent", default=lambda: False)

# Seconds between tries while the Bot API is down, then the last one again and again.
PAUSES = (0.5, 1.0, 2.0, 4.0, 8.0, 15.0)
GIVE_UP_AFTER = 600.0  # seconds a reply keeps trying through an outage


def retryable(error: BaseException) -> bool:
    """A failure of the connection or of the server (5xx, refused, reset, timed out): the
    same request may work later. A timed-out reply may have arrived, so it may arrive twice;
    that is the price of not losing it."""
    return type(error) in (NetworkError, TimedOut)


class Outage:
    """Replies during an outage of the Bot API. A reply that fails marks the API down; while
    it is down, replies (new ones too) wait ``pauses`` (growing) or until another reply gets
    through, and replies that are not urgent also wait while an urgent one is waiting, so that
    danger answers go first when the API is back. Each reply gives up ``give_up_after``
    seconds after its first failure. Two log lines per outage: when it starts and when it
    ends."""

    def __init__(
        self, pauses: tuple[float, ...] = PAUSES, give_up_after: float = GIVE_UP_AFTER
    ) -> None:
        self.pauses = pauses
        self.give_up_after = give_up_after
        self._up = asyncio.Event()
        self._up.set()
        self._since = 0.0
        self._urgent = 0  # urgent replies waiting for the API
        self._calm = asyncio.Event()  # set when none is
        self._calm.set()

    async def send(
        self, call: Callable[[], Awaitable[Result]], urgent: Callable[[], bool]
    ) -> Result:
        """``call()`` until it works, or fails for another reason, or for too long;
        ``urgent()`` is asked once the API is down."""
        failed_at: float | None = None
        tries = 0
        counted = False
        try:
            while True:
                if not self._up.is_set():
                    if not counted and urgent():
                        counted = True
                        self._urgent += 1
                        self._calm.clear()
                    await self._turn(counted, tries)
                try:
                    result = await call()
                except NetworkError as exc:
                    if not retryable(exc):
                        raise
                    now = time.monotonic()
                    failed_at = failed_at or now
                    if now - failed_at >= self.give_up_after:
                        logger.warning("A reply gave up after %.0f s of outage", now - failed_at)
                        raise
                    self._down(exc)
                    tries += 1
                    continue
                self._back()
                return result
        finally:
            if counted:
                self._urgent -= 1
                if not self._urgent:
                    self._calm.set()

    async def _turn(self, urgent: bool, tries: int) -> None:
        pause = self.pauses[min(tries, len(self.pauses) - 1)]
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(pause):
                await self._up.wait()
        if not urgent:
            await self._calm.wait()

    def _down(self, error: BaseException) -> None:
        if self._up.is_set():
            self._up.clear()
            self._since = time.monotonic()
            logger.warning("The Bot API fails (%s); requests wait and try again", one_line(error))

    def _back(self) -> None:
        if not self._up.is_set():
            self._up.set()
            logger.info("The Bot API answers again after %.1f s", time.monotonic() - self._since)


class PatientRateLimiter(AIORateLimiter):
    """PTB's ``AIORateLimiter`` (Telegram's ~30 messages/s overall and 20/min per group),
    retrying what Telegram asks to retry, for the chat (or, without a chat, the method) it
    named only: a 429 with ``retry_after`` pauses that chat, up to ``max_retries`` times, and
    every other chat goes on. Through an outage, ``Outage``. One log line per fault, never a
    traceback."""

    def __init__(self, *, max_retries: int = 3, limit: bool = True) -> None:
        if limit:
            super().__init__(max_retries=max_retries)
        else:  # only for the load benchmark: no flood limits, the same retries
            super().__init__(overall_max_rate=0, group_max_rate=0, max_retries=max_retries)
        self.outage = Outage()
        self._paused: dict[object, float] = {}  # chat or method -> monotonic end of its pause

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, Result]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> Result:
        chat_id = data.get("chat_id")
        group: int | str | bool = False
        try:
            number = int(chat_id)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            number = 0
        if number < 0 or (isinstance(chat_id, str) and not number):
            group = number or str(chat_id)
        key = endpoint if chat_id is None else chat_id
        retries = rate_limit_args or self._max_retries

        async def run() -> Result:
            return await self._run_request(
                chat=chat_id is not None,
                group=group,
                allow_paid_broadcast=bool(data.get("allow_paid_broadcast", False)),
                callback=callback,
                args=args,
                kwargs=kwargs,
            )

        return await self.outage.send(lambda: self._paced(key, run, retries), URGENT.get())

    async def _paced(
        self, key: object, run: Callable[[], Awaitable[Result]], retries: int
    ) -> Result:
        """``run()`` after the pause Telegram asked of ``key``, if any; on a 429, pause
        ``key`` and try again, up to ``retries`` times."""
        limited = 0
        while True:
            end = self._paused.get(key)
            if end is not None:
                await asyncio.sleep(end - time.monotonic())
                if self._paused.get(key) == end:
                    del self._paused[key]
            try:
                return await run()
            except RetryAfter as exc:
                if limited >= retries:
                    raise
                limited += 1
                # As PTB's own limiter does: the public property warns about int seconds.
                seconds = exc._retry_after.total_seconds()
                logger.warning(
                    "Telegram asked to wait %ss for one chat; retry %d of %d",
                    seconds,
                    limited,
                    retries,
                )
                self._paused[key] = time.monotonic() + seconds + 0.1


def chat_key(update: object) -> Key | None:
    """What orders updates: the chat, else the user (inline queries); None for neither."""
    if not isinstance(update, Update):
        return None
    if update.effective_chat is not None:
        return ("chat", update.effective_chat.id)
    if update.effective_user is not None:
        return ("user", update.effective_user.id)
    return None


class Places:
    """``size`` places; a freed place goes to the longest-waiting update of an urgent chat
    (one in ``urgent``), else to the longest-waiting update."""

    def __init__(self, size: int, urgent: Counter[Key | None]) -> None:
        self._free = size
        self._urgent = urgent
        self._waiting: dict[asyncio.Future[None], Key | None] = {}

    async def take(self, key: Key | None) -> None:
        if self._free and not self._waiting:
            self._free -= 1
            return
        future = asyncio.get_running_loop().create_future()
        self._waiting[future] = key
        try:
            await future
        except asyncio.CancelledError:
            if self._waiting.pop(future, None) is None:  # the place was handed over
                self.give_back()
            raise

    def give_back(self) -> None:
        chosen = None
        for future, key in self._waiting.items():
            if future.done():  # cancelled: its task takes it out
                continue
            if chosen is None:
                chosen = future
            if not self._urgent or key in self._urgent:
                chosen = future
                break
        if chosen is None:
            self._free += 1
            return
        del self._waiting[chosen]
        chosen.set_result(None)


class PerChatProcessor(BaseUpdateProcessor):
    """Up to ``limit`` updates at once, but one chat's updates one after the other in the
    order they came (the conversation context and the order of replies depend on it). A chat
    with an urgent update gets free places first, and its replies go first through an
    outage; ``classify(update)`` says whether an update is urgent, and is asked only when
    that matters (the update has to wait for a place, or the Bot API is down).

    PTB's own semaphore (taken before ``do_process_update``) is made wide (so PTB reports
    ``max_concurrent_updates`` as ``WIDE``), and the ``limit`` places are counted here once
    the chat's turn has come: an update waiting for its chat holds no place, so a busy or
    flooding chat delays no other chat. ``done(update_id)`` is called when an update has been
    handled (its errors included); ``cancel()`` ends every update still in progress."""

    def __init__(self, limit: int) -> None:
        super().__init__(WIDE if limit > 1 else 1)
        self.limit = limit
        self.classify: Callable[[Update], bool] = lambda update: False
        self.done: Callable[[int], None] = lambda update_id: None
        self._urgent: Counter[Key | None] = Counter()  # chats with an urgent update
        self._verdicts: dict[int, bool] = {}  # update id -> urgent, once asked
        self._places = Places(limit, self._urgent)
        self._locks: dict[Key, asyncio.Lock] = {}
        self._waiting: Counter[Key] = Counter()
        self._tasks: set[asyncio.Task[Any]] = set()

    def urgent(self, update: Update) -> bool:
        """Whether the update's chat has an urgent update (this one is classified now if it
        was not yet); the chat keeps priority until that update is handled."""
        key = chat_key(update)
        if update.update_id not in self._verdicts:
            verdict = self._verdicts[update.update_id] = self.classify(update)
            if verdict:
                self._urgent[key] += 1
        return key in self._urgent

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        key = chat_key(update)
        update_id = update.update_id if isinstance(update, Update) else None
        task = asyncio.current_task()
        if task is not None:
            self._tasks.add(task)
        lock = self._locks.setdefault(key, asyncio.Lock()) if key else asyncio.Lock()
        if key:
            self._waiting[key] += 1
        try:
            async with lock:
                await self._places.take(key)
                try:
                    if isinstance(update, Update):
                        URGENT.set(lambda: self.urgent(update))
                    await coroutine
                finally:
                    self._places.give_back()
            if update_id is not None:
                self.done(update_id)
        finally:
            if isinstance(coroutine, Coroutine):
                coroutine.close()  # never started when cancelled while waiting
            if task is not None:
                self._tasks.discard(task)
            if update_id is not None and self._verdicts.pop(update_id, False):
                self._urgent[key] -= 1
                if not self._urgent[key]:
                    del self._urgent[key]
            if key:
                self._waiting[key] -= 1
                if not self._waiting[key]:
                    del self._waiting[key]
                    del self._locks[key]

    def cancel(self) -> None:
        """Cancel every update still in progress (the bot is stopping)."""
        for task in self._tasks:
            task.cancel()

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to tear down."""
