"""Where updates come in, for polling and the webhook alike.

Each update is read on its own: one that PTB cannot read, or whose fields have the wrong
types, is skipped with one log line (its id only) and counted as answered, so that Telegram
forgets it instead of sending it for ever. Updates already answered (the ledger) are
skipped. An update that has to wait for a place is classified, and urgent chats (danger) go
first; each chat's updates stay in order.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any, cast

from telegram import Update

from bot.tg.common import App
from bot.tg.delivery import PerChatProcessor, chat_key
from bot.tg.ledger import Ledger

logger = logging.getLogger(__name__)


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
