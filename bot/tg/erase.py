"""/borrar: delete this private chat's messages of the last 48 hours, both sides."""

from __future__ import annotations

import logging
from typing import Any

from telegram import Update
from telegram.error import TelegramError

from bot.tg.common import (
    TRACKED,
    Ctx,
    chat_memory,
    forget,
    is_private,
    prune_tracked,
    reply,
    schedule,
    send_text,
    settings,
    touch,
    track,
)
from bot.tg.logs import one_line

logger = logging.getLogger(__name__)

NOTICE = "Listo."
GROUP_REFUSAL = "Solo borro mensajes en el chat privado conmigo."


async def note_update(update: Update, context: Ctx) -> None:
    """Note activity and track incoming private message ids (runs before every handler).

    Only for what the bot handles: an edited message or a channel post leaves no trace."""
    if update.effective_chat is None or (update.message is None and update.callback_query is None):
        return
    memory = chat_memory(context)
    touch(memory)
    message = update.message
    if message is not None and is_private(update):
        track(memory, message.message_id, message.date.timestamp())


async def erase_chat(context: Ctx, chat_id: int) -> None:
    """Delete the tracked messages of the last 48 hours, forget everything, leave a notice."""
    memory = chat_memory(context)
    prune_tracked(memory)  # Telegram refuses to delete older messages
    tracked: dict[int, float] = memory.pop(TRACKED, {})
    for message_id in sorted(tracked):
        try:
            await context.bot.delete_message(chat_id, message_id)
        except TelegramError as exc:  # already deleted by the person, too old...
            logger.info("A message could not be deleted: %s", one_line(exc))
    forget(memory)
    notice = await send_text(context.bot, chat_id, NOTICE)
    notice_id: int = notice["message_id"]
    track(memory, notice_id, notice["date"])
    bot = context.bot

    async def delete_notice() -> None:
        try:
            await bot.delete_message(chat_id, notice_id)
        except TelegramError as exc:
            logger.info("The /borrar notice could not be deleted: %s", one_line(exc))
        remembered: dict[int, Any] = memory.get(TRACKED, {})
        remembered.pop(notice_id, None)

    schedule(context, settings(context).erase_notice_seconds, delete_notice)


async def erase_command(update: Update, context: Ctx) -> None:
    """/borrar: erase this private conversation."""
    chat = update.effective_chat
    if chat is None:
        return
    if not is_private(update):
        await reply(update, context, GROUP_REFUSAL)
        return
    await erase_chat(context, chat.id)
