"""Shared pieces of the Telegram layer: data keys, per-chat memory, sending and tracking."""

from __future__ import annotations

import asyncio
import logging
import math
import time
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, cast

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.constants import ChatType, MessageLimit
from telegram.error import BadRequest
from telegram.ext import Application, ContextTypes

from bot.config import Settings
from bot.core.engine import Engine
from bot.core.knowledge import Knowledge
from bot.core.model import CONTEXT_TTL_SECONDS, Answer, Context, Suggestion
from bot.tg import keyboards
from bot.tg.delivery import one_line

logger = logging.getLogger(__name__)

App = Application[Any, Any, Any, Any, Any, Any]
Ctx = ContextTypes.DEFAULT_TYPE

# --- context.bot_data keys -------------------------------------------------------------------
ENGINE = "engine"  # bot.core.engine.Engine
SETTINGS = "settings"  # bot.config.Settings
KNOWLEDGE = "knowledge"  # a preloaded Knowledge, consumed by post_init
PENDING = "pending_deletions"  # set[asyncio.Task[None]]: self-deleting confirmations

# --- context.chat_data keys (memory only, never on disk) -------------------------------------
CONTEXT = "context"  # bot.core.model.Context of the last answer
SUGGESTIONS = "suggestions"  # dict[int, str]: remembered suggestion queries by index
NEXT_SUGGESTION = "next_suggestion"  # int: the next suggestion index
REFERRAL = "referral"  # str: the situation id while waiting for a typed place
LAST_SEEN = "last_seen"  # float (monotonic): the last update of this chat
TRACKED = "tracked"  # dict[int, float]: message id -> unix time, for /borrar

FORGET_AFTER = CONTEXT_TTL_SECONDS
TRACK_WINDOW = 48 * 3600
MAX_TRACKED = 1000
MAX_SUGGESTIONS = 30

STALE_BUTTON = "Esta opción ya no está disponible. Escriba /start para ver el menú."
LINEA_100 = "Si está en peligro, llame gratis a la <b>Línea 100</b> (24 horas)."


def engine(context: Ctx) -> Engine:
    """The engine loaded by post_init."""
    return cast(Engine, context.bot_data[ENGINE])


def knowledge(context: Ctx) -> Knowledge:
    """The knowledge behind the engine."""
    return engine(context).kb


def settings(context: Ctx) -> Settings:
    """The settings the application was built with."""
    return cast(Settings, context.bot_data[SETTINGS])


def chat_memory(context: Ctx) -> dict[str, Any]:
    """This chat's in-memory data (an empty throwaway dict when there is no chat)."""
    data = context.chat_data
    return cast(dict[str, Any], data) if data is not None else {}


def forget(memory: dict[str, Any]) -> None:
    """Forget what the conversation was about (not the message ids kept for /borrar)."""
    for key in (CONTEXT, SUGGESTIONS, NEXT_SUGGESTION, REFERRAL):
        memory.pop(key, None)


def idle_seconds(memory: dict[str, Any], now: float) -> float:
    """Seconds since the chat's last update (monotonic ``now``; infinite when none)."""
    last = memory.get(LAST_SEEN)
    return now - last if isinstance(last, float) else math.inf


def touch(memory: dict[str, Any], now: float | None = None) -> None:
    """Note activity; forget the conversation after 30 minutes of silence."""
    now = time.monotonic() if now is None else now
    if idle_seconds(memory, now) > FORGET_AFTER:
        forget(memory)
    memory[LAST_SEEN] = now


def current_context(memory: dict[str, Any], now: float | None = None) -> Context | None:
    """The chat's context, or None when there is none or it expired (and is dropped)."""
    ctx = memory.get(CONTEXT)
    if isinstance(ctx, Context) and not ctx.expired(now):
        return ctx
    memory.pop(CONTEXT, None)
    return None


def is_private(update: Update) -> bool:
    """Whether the update comes from a private chat."""
    chat = update.effective_chat
    return chat is not None and chat.type == ChatType.PRIVATE


# --- message tracking for /borrar ----------------------------------------------------------


def track(memory: dict[str, Any], message: Message | None) -> None:
    """Remember a private chat message id and its date (nothing else) for /borrar."""
    if message is None or message.chat.type != ChatType.PRIVATE:
        return
    tracked: dict[int, float] = memory.setdefault(TRACKED, {})
    tracked[message.message_id] = message.date.timestamp()
    if len(tracked) > MAX_TRACKED:
        prune_tracked(memory)
        while len(tracked) > MAX_TRACKED:
            del tracked[next(iter(tracked))]


def prune_tracked(memory: dict[str, Any], now: float | None = None) -> None:
    """Forget the tracked message ids older than TRACK_WINDOW (unix time ``now``), and the
    record itself when none is left."""
    tracked: dict[int, float] = memory.get(TRACKED, {})
    cutoff = (time.time() if now is None else now) - TRACK_WINDOW
    for mid in [m for m, sent in tracked.items() if sent < cutoff]:
        del tracked[mid]
    if not tracked:
        memory.pop(TRACKED, None)


# --- sending ---------------------------------------------------------------------------------


def split_html(html: str, limit: int = MessageLimit.MAX_TEXT_LENGTH) -> list[str]:
    """Cut a long HTML text at paragraph or line boundaries into pieces under ``limit``."""
    if len(html) <= limit:
        return [html]
    units: list[tuple[str, str]] = []
    for block in html.split("\n\n"):
        if len(block) <= limit:
            units.append(("\n\n", block))
        else:
            units.extend(
                ("\n\n" if i == 0 else "\n", line) for i, line in enumerate(block.split("\n"))
            )
    pieces: list[str] = []
    current = ""
    for separator, unit in units:
        part = unit
        while len(part) > limit:
            if current:
                pieces.append(current)
                current = ""
            pieces.append(part[:limit])
            part = part[limit:]
        joined = f"{current}{separator}{part}" if current else part
        if len(joined) > limit:
            pieces.append(current)
            current = part
        else:
            current = joined
    if current:
        pieces.append(current)
    return [p for p in pieces if p.strip()]


def remember_suggestions(
    memory: dict[str, Any], suggestions: Sequence[Suggestion]
) -> list[list[InlineKeyboardButton]]:
    """Buttons for the core's suggestions; their queries stay in this chat's memory."""
    if not suggestions:
        return []
    remembered: dict[int, str] = memory.setdefault(SUGGESTIONS, {})
    index = {query: i for i, query in remembered.items()}
    buttons = []
    for suggestion in suggestions:
        number = index.get(suggestion.query)
        if number is None:
            number = int(memory.get(NEXT_SUGGESTION, 0))
            memory[NEXT_SUGGESTION] = number + 1
            remembered[number] = suggestion.query
            index[suggestion.query] = number
        buttons.append(keyboards.button(suggestion.label, keyboards.suggestion_data(number)))
    while len(remembered) > MAX_SUGGESTIONS:
        del remembered[next(iter(remembered))]
    return [[b] for b in buttons]


def answer_markup(
    context: Ctx,
    answer: Answer,
    extra: Sequence[Sequence[InlineKeyboardButton]] = (),
) -> InlineKeyboardMarkup | None:
    """The core's suggestions as buttons, then ``extra`` rows (back buttons)."""
    return keyboards.markup(
        [*remember_suggestions(chat_memory(context), answer.suggestions), *extra]
    )


async def send(
    context: Ctx,
    chat_id: int,
    html: str,
    reply_markup: InlineKeyboardMarkup | None = None,
) -> Message | None:
    """Send HTML (split when too long, the keyboard on the last piece) and track it."""
    memory = chat_memory(context)
    last: Message | None = None
    pieces = split_html(html)
    for number, piece in enumerate(pieces, start=1):
        last = await context.bot.send_message(
            chat_id, piece, reply_markup=reply_markup if number == len(pieces) else None
        )
        track(memory, last)
    return last


async def reply(
    update: Update,
    context: Ctx,
    html: str,
    reply_markup: InlineKeyboardMarkup | None = None,
) -> Message | None:
    """Send HTML to the chat of ``update``."""
    chat = update.effective_chat
    if chat is None:
        return None
    return await send(context, chat.id, html, reply_markup)


async def reply_answer(
    update: Update,
    context: Ctx,
    answer: Answer,
    extra: Sequence[Sequence[InlineKeyboardButton]] = (),
) -> Message | None:
    """Send a core answer with its suggestion buttons."""
    return await reply(update, context, answer.html, answer_markup(context, answer, extra))


async def show(
    update: Update,
    context: Ctx,
    html: str,
    reply_markup: InlineKeyboardMarkup | None = None,
) -> None:
    """Edit the message of a callback in place (or send a new one when that is impossible)."""
    query = update.callback_query
    message = query.message if query else None
    pieces = split_html(html)
    if isinstance(message, Message) and len(pieces) == 1:
        try:
            await message.edit_text(html, reply_markup=reply_markup)
            return
        except BadRequest as exc:
            if "not modified" in str(exc).lower():  # a button pressed twice
                logger.info("Edit not needed: the message is not modified")
                return
            # e.g. the message was deleted or is too old to edit: show it anew
            logger.info("Edit refused, sending a new message: %s", one_line(exc))
    await reply(update, context, html, reply_markup)


async def answer_query(update: Update, text: str | None = None) -> None:
    """Acknowledge a button press; a query Telegram considers too old (the bot was busy or
    restarting) is only logged: what the button asks for is still shown."""
    query = update.callback_query
    if query is None:
        return
    try:
        await query.answer(text)
    except BadRequest as exc:
        words = str(exc).lower()
        if "query is too old" not in words and "query id is invalid" not in words:
            raise
        logger.info("Button acknowledged too late: the query is too old")


def schedule(context: Ctx, delay: float, action: Callable[[], Awaitable[None]]) -> None:
    """Run ``action()`` after ``delay`` seconds, without holding up shutdown (see post_stop)."""

    async def later() -> None:
        await asyncio.sleep(delay)
        await action()

    pending: set[asyncio.Task[None]] = context.bot_data.setdefault(PENDING, set())
    task = asyncio.get_running_loop().create_task(later())
    pending.add(task)
    task.add_done_callback(pending.discard)


def addressed_text(update: Update, context: Ctx) -> str | None:
    """The text of a message meant for the bot, without the bot's @mention.

    In private chats every message is; in groups only mentions of the bot and replies to it.
    None when the message is not for the bot.
    """
    message = update.message
    if message is None:
        return None
    text = message.text or ""
    if is_private(update):
        return text
    me = context.bot
    username = (me.username or "").lower()
    addressed = False
    replied = message.reply_to_message
    if replied is not None and replied.from_user is not None and replied.from_user.id == me.id:
        addressed = True
    for entity, value in message.parse_entities(["mention", "text_mention"]).items():
        if (entity.type == "mention" and value[1:].lower() == username and username) or (
            entity.user is not None and entity.user.id == me.id
        ):
            addressed = True
            if entity.type == "mention":
                text = text.replace(value, " ")
    return " ".join(text.split()) if addressed else None
