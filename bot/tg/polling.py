"""Long polling, at least once: getUpdates from the oldest update still being answered.

Telegram forgets every update below the offset of a getUpdates, so the offset never passes
an update in progress: the bot holds at most 100 updates past it (Telegram's most per
getUpdates) and the rest wait at Telegram, safe across a crash. While updates are in
progress, getUpdates asks again once half of them are answered, or after ``POLL_PAUSE``
seconds (then without long polling: the updates in progress come back at once, and are
skipped). A failed getUpdates is one log line and a growing pause; a 401 or 404 (the token
is refused) is raised: the bot must not stay alive and deaf.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any

from telegram.error import InvalidToken, RetryAfter, TelegramError

from bot.config import Settings
from bot.tg.alive import Heartbeat
from bot.tg.inbox import Inbox
from bot.tg.logs import one_line

logger = logging.getLogger(__name__)

BATCH = 100  # Telegram's most updates per getUpdates
POLL_PAUSE = 0.5  # seconds between two getUpdates while updates are in progress, at most
CONFIRM_SECONDS = 1.0  # for the last getUpdates that confirms what was answered
PAUSES = (1.0, 2.0, 4.0, 8.0, 15.0, 30.0)  # between failed getUpdates


def _identified(item: object) -> bool:
    """Whether an item of getUpdates has an update_id (Telegram's always do)."""
    return isinstance(item, dict) and type(item.get("update_id")) is int


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
                if not isinstance(raw, list) or (raw and not any(map(_identified, raw))):
                    raise TelegramError("getUpdates answered no update with an update_id")
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
            if not _identified(item):
                logger.warning("An update without update_id skipped")
                continue
            update_id: int = item["update_id"]
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
