"""The PTB ``Application``: building, handlers, lifecycle, error handling and ``run()``."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sys
from typing import cast

from telegram import Update
from telegram.constants import ParseMode, UpdateType
from telegram.error import BadRequest, InvalidToken, TelegramError
from telegram.ext import (
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    Defaults,
    InlineQueryHandler,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot.config import ConfigError, Settings, load_settings
from bot.core.cache import CACHE_FOLDER, cached_engine
from bot.core.engine import Engine
from bot.core.knowledge import KnowledgeError
from bot.ops import hooks
from bot.tg import chat, commands, erase, flood, inline, location, menu, referral, sweeper
from bot.tg.common import (
    ENGINE,
    LINEA_100,
    PENDING,
    SETTINGS,
    App,
    Ctx,
    is_private,
    settle_memory,
    urgent,
)
from bot.tg.delivery import PatientRateLimiter, PerChatProcessor
from bot.tg.logs import configure_logging, one_line, quiet_ptb_faults, redact
from bot.tg.serve import run_until_signal, serve
from bot.tg.transport import AiohttpRequest

logger = logging.getLogger(__name__)

ALLOWED_UPDATES = [UpdateType.MESSAGE, UpdateType.CALLBACK_QUERY, UpdateType.INLINE_QUERY]
SORRY = "Perdón, algo falló. Intente de nuevo. " + LINEA_100
POLL_TIMEOUT = 10  # seconds of long polling per getUpdates

# One handler group runs before the rest: metrics, tracking, flood control, the referral's
# typed place (one handler rather than a group each: PTB's dispatch costs per group).
BEFORE_GROUP = -1
TEXT = filters.UpdateType.MESSAGE & filters.TEXT & ~filters.COMMAND


async def before(update: Update, context: Ctx) -> None:
    """Every update, before it is answered: counted, noted for /borrar; a message goes
    through flood control (which stops the ones it holds back), a text to a referral waiting
    for its province (which stops the ones it answers)."""
    await hooks.note_update(update, context)
    await erase.note_update(update, context)
    if update.message is None:
        return
    await flood.guard(update, context)
    if TEXT.check_update(update):
        await referral.typed_place(update, context)


def setup(application: App) -> None:
    """Register every handler (called once, from ``build_application``)."""
    add = application.add_handler
    add(TypeHandler(Update, before), group=BEFORE_GROUP)

    # free text first: most updates are, and it matches no command
    add(MessageHandler(TEXT, chat.on_text))
    for names, callback in (
        (["start"], commands.start_command),
        (["ayuda", "help"], commands.help_command),
        (["emergencia"], commands.emergency_command),
        (["servicios"], commands.services_command),
        (["provincias"], commands.provinces_command),
        (["derivar"], referral.derivar_command),
        (["glosario"], commands.glossary_command),
        (["borrar"], erase.erase_command),
        (["privacidad"], commands.privacy_command),
        (["cancelar"], referral.cancel_command),
        (["recargar"], commands.reload_command),
    ):
        # new messages only: CommandHandler would answer an edited command again
        add(CommandHandler(names, callback, filters.UpdateType.MESSAGE))
    add(CallbackQueryHandler(menu.on_callback))
    add(InlineQueryHandler(inline.on_inline_query))
    add(MessageHandler(filters.UpdateType.MESSAGE & filters.LOCATION, location.on_location))
    private = filters.UpdateType.MESSAGE & filters.ChatType.PRIVATE
    add(MessageHandler(private & filters.COMMAND, chat.on_unknown_command))
    add(MessageHandler(private & filters.CAPTION, chat.on_caption))
    # anything else a person sends (sticker, photo, voice, contact, dice...), not service notes
    add(MessageHandler(private & ~filters.StatusUpdate.ALL, chat.on_other))
    application.add_error_handler(on_error)


async def post_init(application: App) -> None:
    """Settle the memory (everything is built), set the command list and start the memory
    sweep and the counters (and metrics)."""
    settle_memory()
    await application.bot.set_my_commands(commands.command_list(application.bot_data[ENGINE].kb))
    sweeper.start(application)
    await hooks.start(application)


async def post_stop(application: App) -> None:
    """Cancel pending self-deletions so that shutdown is immediate."""
    pending: set[asyncio.Task[None]] = application.bot_data.get(PENDING, set())
    for task in list(pending):
        task.cancel()
    if pending:
        await asyncio.gather(*pending, return_exceptions=True)


async def post_shutdown(application: App) -> None:
    """Stop the memory sweep and write the last counts (also when the start failed after
    post_init)."""
    await sweeper.stop(application)
    await hooks.stop(application)


async def on_error(update: object, context: Ctx) -> None:
    """Log the error (never the message text or the user) and apologise in private chats.

    A fault of the Bot API (blocked by the user, timeout, 5xx after the retry, a refusal)
    is one line without a traceback; only a refusal (400: our message was wrong) gets the
    apology, the others would fail the same way or arrive twice. Anything else is a bug:
    its traceback and the apology."""
    error = context.error
    hooks.failed(context, error)
    update_id = update.update_id if isinstance(update, Update) else None
    private_chat = (
        update.effective_chat
        if isinstance(update, Update) and update.effective_chat is not None and is_private(update)
        else None
    )
    if isinstance(error, TelegramError):
        logger.warning("Bot API fault on update %s: %s", update_id, one_line(error))
        if not isinstance(error, BadRequest):
            return
    else:
        logger.error(
            "Error while handling update %s: %s",
            update_id,
            type(error).__name__,
            exc_info=error,
        )
    if private_chat is not None:
        with contextlib.suppress(TelegramError):
            await context.bot.send_message(private_chat.id, SORRY)


def build_application(settings: Settings, engine: Engine, *, flood_limits: bool = True) -> App:
    """The configured Application, answering with ``engine``.

    ``flood_limits=False`` lifts Telegram's flood limits from the rate limiter (its retries
    stay): only for the load benchmark against a local server, never in production."""
    quiet_ptb_faults()
    root = settings.bot_api_base_url
    timeouts = {
        "connect_timeout": min(5.0, settings.bot_api_timeout),
        "read_timeout": settings.bot_api_timeout,
        "write_timeout": settings.bot_api_timeout,
        "pool_timeout": min(5.0, settings.bot_api_timeout),
    }
    application: App = (
        ApplicationBuilder()
        .token(settings.telegram_bot_token.get_secret_value())
        .base_url(f"{root}/bot")
        .base_file_url(f"{root}/file/bot")
        .defaults(Defaults(parse_mode=ParseMode.HTML))
        .rate_limiter(PatientRateLimiter(limit=flood_limits))
        .concurrent_updates(PerChatProcessor(settings.concurrent_updates))
        # a connection for each update in progress and a few more (scheduled deletions)
        .request(AiohttpRequest(settings.concurrent_updates + 8, **timeouts))
        .get_updates_request(AiohttpRequest(2, **timeouts))
        .updater(None)  # our own polling (bot/tg/serve.py): at least once
        .job_queue(None)
        .post_init(post_init)
        .post_stop(post_stop)
        .post_shutdown(post_shutdown)
        .build()
    )
    processor = cast(PerChatProcessor, application.update_processor)
    processor.classify = lambda update: urgent(update, application.bot_data[ENGINE])
    application.bot_data[SETTINGS] = settings
    application.bot_data[flood.FLOOD] = flood.FloodGate(
        limit=settings.flood_messages, window=settings.flood_seconds
    )
    application.bot_data[ENGINE] = engine
    setup(application)
    return application


def run() -> int:
    """``python -m bot run``: 0 after a clean stop; 2 on bad configuration or a token Telegram
    refuses (also later, on a getUpdates: the bot exits rather than stay deaf); 1 on bad
    knowledge or another failure to start."""
    try:
        settings = load_settings()
    except ConfigError as exc:
        print(exc, file=sys.stderr)
        return 2
    token = settings.telegram_bot_token.get_secret_value()
    webhook_secret = settings.webhook_secret.get_secret_value() if settings.webhook_secret else ""
    configure_logging(settings.log_level, (token, webhook_secret))
    try:
        engine = cached_engine(settings.knowledge_dir, settings.data_dir / CACHE_FOLDER)
    except KnowledgeError as exc:
        print(f"Error en el conocimiento: {exc}", file=sys.stderr)
        return 1
    application = build_application(settings, engine)
    mode = "webhook" if settings.webhook_url else "polling"
    logger.info("Starting in %s mode", mode)
    try:
        run_until_signal(
            lambda stop: serve(
                application,
                settings,
                stop,
                allowed_updates=list(ALLOWED_UPDATES),
                poll_timeout=POLL_TIMEOUT,
            )
        )
    except InvalidToken as exc:
        print(
            f"Telegram rechazó TELEGRAM_BOT_TOKEN ({one_line(exc)}): revíselo en @BotFather "
            "(o BOT_API_BASE_URL no es un servidor de la Bot API).",
            file=sys.stderr,
        )
        return 2
    except KnowledgeError as exc:
        print(f"Error en el conocimiento: {exc}", file=sys.stderr)
        return 1
    except TelegramError as exc:
        print(f"No se pudo iniciar el bot: {one_line(exc)}", file=sys.stderr)
        return 1
    except OSError as exc:  # e.g. WEBHOOK_PORT in use, DATA_DIR not writable
        where = f" ({exc.filename})" if exc.filename else ""
        why = redact(exc.strerror or str(exc))
        print(f"No se pudo iniciar el bot: {why}{where}", file=sys.stderr)
        return 1
    logger.info("Stopped")
    return 0
