"""Free text: the core's answer and buttons from its suggestions; follow-ups use the context."""

from __future__ import annotations

from dataclasses import replace

from telegram import Update

from bot.core.model import Context
from bot.ops import hooks
from bot.tg.common import (
    CONTEXT,
    LINEA_100,
    STALE_BUTTON,
    SUGGESTIONS,
    Ctx,
    addressed_text,
    answer_query,
    chat_memory,
    current_context,
    engine,
    is_private,
    reply,
    reply_answer,
)

ONLY_TEXT = "Por ahora solo entiendo texto y ubicaciones. " + LINEA_100


async def answer_text(
    update: Update, context: Ctx, text: str, asked_after: Context | None = None
) -> None:
    """Ask the core and send its answer; keep the new context for follow-ups. ``asked_after``:
    the context of the answer a suggestion button belongs to (else the chat's last one); harm
    told since that answer is kept all the same."""
    memory = chat_memory(context)
    latest = current_context(memory)
    earlier = asked_after if asked_after is not None and not asked_after.expired() else latest
    if earlier is not None and latest is not None and latest.harm and not earlier.harm:
        earlier = replace(earlier, harm=latest.harm)
    answer = engine(context).reply(text, earlier)
    memory[CONTEXT] = answer.context
    await reply_answer(update, context, answer)
    hooks.answered(update, context, answer)


async def on_text(update: Update, context: Ctx) -> None:
    """A text message: answered in private chats, in groups only when meant for the bot."""
    text = addressed_text(update, context)
    if text is None:
        return
    if not text.strip():
        await reply_answer(update, context, engine(context).help_card())
        return
    await answer_text(update, context, text)


async def on_unknown_command(update: Update, context: Ctx) -> None:
    """A command the bot does not have (in a private chat): what it can do."""
    await reply_answer(update, context, engine(context).help_card())


async def on_caption(update: Update, context: Ctx) -> None:
    """A photo, video or document with a caption (private chat): the caption is the question;
    an empty caption gets the hint that only text is understood."""
    message = update.message
    caption = (message.caption or "") if message is not None else ""
    if not caption.strip():
        await on_other(update, context)
        return
    await answer_text(update, context, caption)


async def on_other(update: Update, context: Ctx) -> None:
    """Photos, voice notes, stickers... in a private chat: say what the bot understands."""
    if is_private(update):
        await reply(update, context, ONLY_TEXT)


async def on_suggestion(update: Update, context: Ctx, index: str) -> None:
    """A suggestion button: its remembered query goes to the core like typed text."""
    query = update.callback_query
    if query is None:
        return
    remembered: dict[int, tuple[str, Context]] = chat_memory(context).get(SUGGESTIONS, {})
    if int(index) not in remembered:
        await answer_query(update, STALE_BUTTON)
        return
    text, asked_after = remembered[int(index)]
    await answer_query(update)
    await answer_text(update, context, text, asked_after)
