"""How requests leave and updates are worked through: Telegram's flood limits with retries,
and updates of different chats handled at the same time, each chat's in order."""

from __future__ import annotations

import asyncio
import logging
import warnings
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

from telegram import Update
from telegram.error import NetworkError, RetryAfter
from telegram.ext import AIORateLimiter, BaseUpdateProcessor

logger = logging.getLogger(__name__)

Result = bool | dict[str, Any] | list[dict[str, Any]]
WIDE = 1 << 20  # PTB's semaphore: wider than any queue of updates


def one_line(error: BaseException, limit: int = 200) -> str:
    """``Type: message`` on one short line (Telegram's descriptions never hold user text)."""
    text = " ".join(str(error).split())
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


class QuietFault(logging.Filter):
    """PTB logs an error page it cannot parse (a proxy's HTML 502) with a traceback before it
    raises the NetworkError that we log on one line: drop that record."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("Can not load invalid JSON data")


def quiet_ptb_faults() -> None:
    """Install ``QuietFault`` on PTB's request logger (once); silence the deprecation warning
    PTB 22 raises from inside its own ``RetryAfter`` on every 429."""
    ptb = logging.getLogger("telegram.request.BaseRequest")
    if not any(isinstance(f, QuietFault) for f in ptb.filters):
        ptb.addFilter(QuietFault())
    warnings.filterwarnings(
        "ignore", message=r".*attribute `retry_after` will be of type", category=Warning
    )


class PatientRateLimiter(AIORateLimiter):
    """PTB's ``AIORateLimiter`` (Telegram's ~30 messages/s overall and 20/min per group),
    retrying what Telegram asks to retry (429 with ``retry_after``, up to ``max_retries``
    times; meanwhile every other request waits) and a server error (5xx, refused connection)
    ``server_retries`` times after ``server_pause`` seconds. A timeout is not retried: the
    request may have been carried out. One log line per fault, never a traceback."""

    def __init__(
        self,
        *,
        max_retries: int = 3,
        server_retries: int = 1,
        server_pause: float = 0.5,
        limit: bool = True,
    ) -> None:
        if limit:
            super().__init__(max_retries=max_retries)
        else:  # only for the load benchmark: no flood limits, the same retries
            super().__init__(overall_max_rate=0, group_max_rate=0, max_retries=max_retries)
        self.server_retries = server_retries
        self.server_pause = server_pause

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, Result]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> Result:
        max_retries = rate_limit_args or self._max_retries
        chat_id = data.get("chat_id")
        group: int | str | bool = False
        try:
            number = int(chat_id)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            number = 0
        if number < 0 or (isinstance(chat_id, str) and not number):
            group = number or str(chat_id)
        limited = 0
        failed = 0
        while True:
            try:
                return await self._run_request(
                    chat=chat_id is not None,
                    group=group,
                    allow_paid_broadcast=bool(data.get("allow_paid_broadcast", False)),
                    callback=callback,
                    args=args,
                    kwargs=kwargs,
                )
            except RetryAfter as exc:
                if limited >= max_retries:
                    raise
                limited += 1
                # As PTB's own limiter does: the public property warns about int seconds.
                seconds = exc._retry_after.total_seconds()
                logger.warning(
                    "Telegram asked to wait %ss (%s); retry %d of %d",
                    seconds,
                    endpoint,
                    limited,
                    max_retries,
                )
                self._retry_after_event.clear()
                try:
                    await asyncio.sleep(seconds + 0.1)
                finally:
                    self._retry_after_event.set()
            except NetworkError as exc:
                if type(exc) is not NetworkError or failed >= self.server_retries:
                    raise
                failed += 1
                logger.warning("Telegram failed (%s, %s); retrying once", endpoint, one_line(exc))
                await asyncio.sleep(self.server_pause)


def chat_key(update: object) -> tuple[str, int] | None:
    """What orders updates: the chat, else the user (inline queries); None for neither."""
    if not isinstance(update, Update):
        return None
    if update.effective_chat is not None:
        return ("chat", update.effective_chat.id)
    if update.effective_user is not None:
        return ("user", update.effective_user.id)
    return None


class PerChatProcessor(BaseUpdateProcessor):
    """Up to ``limit`` updates at once, but one chat's updates one after the other in the
    order they came (the conversation context and the order of replies depend on it).

    PTB's own semaphore (taken before ``do_process_update``) is made wide (so PTB reports
    ``max_concurrent_updates`` as ``WIDE``), and the ``limit`` places are counted here once
    the chat's turn has come: an update waiting for its chat holds no place, so a busy or
    flooding chat delays no other chat."""

    def __init__(self, limit: int) -> None:
        super().__init__(WIDE if limit > 1 else 1)
        self.limit = limit
        self._places = asyncio.BoundedSemaphore(limit)
        self._locks: dict[tuple[str, int], asyncio.Lock] = {}
        self._waiting: dict[tuple[str, int], int] = {}

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        key = chat_key(update)
        if key is None:
            async with self._places:
                await coroutine
            return
        lock = self._locks.setdefault(key, asyncio.Lock())
        self._waiting[key] = self._waiting.get(key, 0) + 1
        try:
            async with lock, self._places:
                await coroutine
        finally:
            self._waiting[key] -= 1
            if not self._waiting[key]:
                del self._waiting[key]
                del self._locks[key]

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to tear down."""
