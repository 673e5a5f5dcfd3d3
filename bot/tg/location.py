"""A shared location: nearest district capital, its province, what is there, nearest CEM."""

from __future__ import annotations

from telegram import Update

from bot.tg.common import Ctx, addressed_text, engine, reply_answer


async def on_location(update: Update, context: Ctx) -> None:
    """Answer a shared location (in groups only when it replies to the bot)."""
    message = update.message
    if message is None or message.location is None:
        return
    if addressed_text(update, context) is None:
        return
    answer = engine(context).nearest_card(message.location.latitude, message.location.longitude)
    await reply_answer(update, context, answer)
