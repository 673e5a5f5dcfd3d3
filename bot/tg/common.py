"""Shared pieces of the Telegram layer: data keys, per-chat memory, sending and tracking."""

from __future__ import annotations

import asyncio
import gc
import logging
import math
import time
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, cast

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.constants import ChatType, MessageLimit, ParseMode
from telegram.error import BadRequest
from telegram.ext import Application, ContextTypes

from bot.config import Settings
from bot.core.engine import Engine
from bot.core.knowledge import Knowledge
from bot.core.model import CONTEXT_TTL_SECONDS, Answer, Context
from bot.tg import keyboards
from bot.tg.logs import one_line

logger = logging.getLogger(__name__)

App = Application[Any, Any, Any, Any, Any, Any]
# A keyboard as PTB's object or as Telegram's JSON (``keyboards.keyboard``).
Markup = InlineKeyboardMarkup | dict[str, Any]
Ctx = ContextTypes.DEFAULT_TYPE

# --- context.bot_data keys -------------------------------------------------------------------
ENGINE = "engine"  # bot.core.engine.Engine
SETTINGS = "settings"  # bot.config.Settings
PENDING = "pending_deletions"  # set[asyncio.Task[None]]: self-deleting confirmations

# --- context.chat_data keys (memory only, never on disk) -------------------------------------
CONTEXT = "context"  # bot.core.model.Context of the last answer
# dict[int, tuple[str, Context]]: remembered suggestion queries by index, each with the
# context of the answer it came with ("Más información" under an older answer is that one's)
SUGGESTIONS = "suggestions"
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

# Commands answered first and even in a flood: help now, and erasing the chat (someone may
# be looking).
URGENT_COMMANDS = frozenset({"emergencia", "borrar"})


def danger(core: Engine, text: str) -> bool:
    """Whether a text tells of danger (an emergency, or harm happening now: the core's own
    ``Query.danger``): the one place the Telegram layer asks it."""
    query = core.understand(text)
    return query.intent == "emergency" or query.danger


def command(text: str) -> tuple[str, str] | None:
    """``(name, bot)`` of a command text (``/start@other_bot x`` gives ``("start",
    "other_bot")``, the bot empty when not named), or None when the text is no command."""
    if not text.startswith("/"):
        return None
    head = text[1:].split(maxsplit=1)[0] if text[1:2].strip() else ""
    name, _, bot = head.partition("@")
    return name.lower(), bot.lower()


def urgent(update: Update, core: Engine) -> bool:
    """An update answered first, and even in a flood: a message about danger, /emergencia,
    /borrar, the Emergencia button."""
    query = update.callback_query
    if query is not None:
        return query.data == keyboards.menu_data("emg")
    message = update.message
    if message is None:
        return False
    text = message.text or message.caption or ""
    named = command(text)
    if named is not None:
        return named[0] in URGENT_COMMANDS
    return bool(text.strip()) and danger(core, text)


# What the system says, in the words of the knowledge errors.
def settle_memory() -> None:
    """Collect, then move every object alive (knowledge, engine, PTB) out of the garbage
    collector's way: a full collection then takes about 2 ms instead of 25 ms (call once the
    engine is built). The engine holds no reference cycles, so a replaced one is still freed."""
    gc.collect()
    gc.freeze()


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


def track(memory: dict[str, Any], message_id: int, date: float) -> None:
    """Remember a private chat message's id and date (unix time; nothing else) for /borrar."""
    tracked: dict[int, float] = memory.setdefault(TRACKED, {})
    tracked[message_id] = date
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


def remember_suggestions(memory: dict[str, Any], answer: Answer) -> list[tuple[str, str]]:
    """(label, callback data) of an answer's suggestions; their queries stay in this chat's
    memory with the answer's context, so that a button asks about its own answer."""
    if not answer.suggestions:
        return []
    remembered: dict[int, tuple[str, Context]] = memory.setdefault(SUGGESTIONS, {})
    buttons = []
    for suggestion in answer.suggestions:
        number = int(memory.get(NEXT_SUGGESTION, 0))
        memory[NEXT_SUGGESTION] = number + 1
        remembered[number] = (suggestion.query, answer.context)
        buttons.append((suggestion.label, keyboards.suggestion_data(number)))
    while len(remembered) > MAX_SUGGESTIONS:
        del remembered[next(iter(remembered))]
    return buttons


def answer_markup(
    context: Ctx,
    answer: Answer,
    extra: Sequence[Sequence[InlineKeyboardButton]] = (),
) -> InlineKeyboardMarkup | None:
    """The core's suggestions as buttons, then ``extra`` rows (back buttons)."""
    suggested = remember_suggestions(chat_memory(context), answer)
    return keyboards.markup([*([keyboards.button(*b)] for b in suggested), *extra])


def answer_keyboard(
    context: Ctx,
    answer: Answer,
    extra: Sequence[Sequence[InlineKeyboardButton]] = (),
) -> keyboards.Keyboard | None:
    """``answer_markup`` as Telegram's JSON, for a new message: no PTB object is built for
    the buttons of every answer (nor turned back into JSON)."""
    suggested = remember_suggestions(chat_memory(context), answer)
    return keyboards.keyboard(
        [
            *([keyboards.json_button(*b)] for b in suggested),
            *([b.to_dict() for b in row] for row in extra),
        ]
    )


async def send_text(
    bot: Bot, chat_id: int, html: str, reply_markup: Markup | None = None
) -> dict[str, Any]:
    """sendMessage, returning Telegram's JSON: the bot needs only the new message's id, date
    and chat type, so no PTB ``Message`` is built from it. Through the rate limiter like
    every request."""
    data = {"chat_id": chat_id, "text": html, "parse_mode": ParseMode.HTML}
    if reply_markup is not None:
        data["reply_markup"] = reply_markup
    result: dict[str, Any] = await bot._post("sendMessage", data)
    return result


async def send(
    context: Ctx,
    chat_id: int,
    html: str,
    reply_markup: Markup | None = None,
) -> None:
    """Send HTML (split when too long, the keyboard on the last piece); track what is sent
    to a private chat."""
    memory = chat_memory(context)
    pieces = split_html(html)
    for number, piece in enumerate(pieces, start=1):
        sent = await send_text(
            context.bot, chat_id, piece, reply_markup if number == len(pieces) else None
        )
        if sent["chat"]["type"] == ChatType.PRIVATE:
            track(memory, sent["message_id"], sent["date"])


async def reply(
    update: Update,
    context: Ctx,
    html: str,
    reply_markup: Markup | None = None,
) -> None:
    """Send HTML to the chat of ``update``."""
    chat = update.effective_chat
    if chat is not None:
        await send(context, chat.id, html, reply_markup)


async def reply_answer(
    update: Update,
    context: Ctx,
    answer: Answer,
    extra: Sequence[Sequence[InlineKeyboardButton]] = (),
) -> None:
    """Send a core answer with its suggestion buttons."""
    await reply(update, context, answer.html, answer_keyboard(context, answer, extra))


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
