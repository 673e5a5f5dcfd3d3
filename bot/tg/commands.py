"""Commands: /start (with deep links), /ayuda, /emergencia, /servicios, /provincias,
/glosario, /privacidad and the administrators' /recargar."""

from __future__ import annotations

import asyncio
import html
import logging

from telegram import BotCommand, Update

from bot.core.cache import CACHE_FOLDER, cached_engine
from bot.core.knowledge import Knowledge, KnowledgeError
from bot.ops.demand import privacy_note
from bot.tg import chat, keyboards
from bot.tg.common import (
    ENGINE,
    LINEA_100,
    REFERRAL,
    Ctx,
    chat_memory,
    engine,
    is_private,
    knowledge,
    reply,
    reply_answer,
    settings,
    settle_memory,
)

logger = logging.getLogger(__name__)

WELCOME = (
    "Hola. Le informo sobre los servicios de protección del MIMP en {department}: "
    "dónde están y qué hacen.\n"
    "{linea_100}\n\n"
    "Escriba su pregunta (por ejemplo: <i>¿Dónde hay un CEM en Lampa?</i>) "
    "o elija una opción:"
)
SERVICES_PROMPT = "<b>Servicios</b>\nElija un servicio:"
PROVINCES_PROMPT = "<b>Provincias</b>\nElija una provincia:"
PRIVACY = (
    "<b>Privacidad</b>\n"
    "• No guardo datos personales: ni su nombre, ni su número, ni lo que escribe.\n"
    "• Para entender su siguiente pregunta recuerdo de qué hablamos, solo en memoria, "
    "y lo olvido a los 30 minutos.\n"
    "• Con /borrar elimino los mensajes de este chat de las últimas 48 horas.\n"
)

# The public command list, in Spanish (set with set_my_commands in post_init).
COMMANDS: tuple[BotCommand, ...] = (
    BotCommand("start", "Menú principal"),
    BotCommand("emergencia", "Ayuda inmediata: Línea 100 y Policía"),
    BotCommand("servicios", "Servicios del MIMP en {department}"),
    BotCommand("provincias", "Servicios por provincia"),
    BotCommand("derivar", "¿A dónde derivo un caso?"),
    BotCommand("glosario", "Siglas y términos"),
    BotCommand("ayuda", "Qué puedo hacer"),
    BotCommand("borrar", "Borrar esta conversación"),
    BotCommand("privacidad", "Qué guardo (nada personal)"),
    BotCommand("cancelar", "Cancelar lo que está en curso"),
)


def welcome(kb: Knowledge) -> str:
    """The /start text, naming the department of the knowledge."""
    return WELCOME.format(department=html.escape(kb.department.name), linea_100=LINEA_100)


def command_list(kb: Knowledge) -> list[BotCommand]:
    """The public command list, naming the department of the knowledge."""
    name = kb.department.name
    return [BotCommand(c.command, c.description.format(department=name)) for c in COMMANDS]


MENU_BUTTON = [keyboards.button("☰ Menú", keyboards.menu_data("main"))]


async def start_command(update: Update, context: Ctx) -> None:
    """/start: welcome and main menu; a deep-link payload opens its answer directly."""
    chat_memory(context).pop(REFERRAL, None)
    if context.args:
        answer = engine(context).deep_link(context.args[0])
        if answer is not None:
            await reply_answer(update, context, answer, [MENU_BUTTON])
            return
    await reply(update, context, welcome(knowledge(context)), keyboards.main_menu())


async def help_command(update: Update, context: Ctx) -> None:
    """/ayuda: what the bot can do."""
    await reply_answer(update, context, engine(context).help_card(), [MENU_BUTTON])


async def emergency_command(update: Update, context: Ctx) -> None:
    """/emergencia: Línea 100 first, then the Police."""
    await reply_answer(update, context, engine(context).emergency_card())


async def services_command(update: Update, context: Ctx) -> None:
    """/servicios: the list of services as buttons."""
    await reply(update, context, SERVICES_PROMPT, keyboards.services_menu(knowledge(context)))


async def provinces_command(update: Update, context: Ctx) -> None:
    """/provincias: the list of provinces as buttons."""
    await reply(update, context, PROVINCES_PROMPT, keyboards.provinces_menu(knowledge(context)))


async def glossary_command(update: Update, context: Ctx) -> None:
    """/glosario: the glossary terms as buttons."""
    card = engine(context).glossary_card()
    menu = keyboards.glossary_menu(knowledge(context))
    await reply(update, context, card.html, menu)


async def privacy_command(update: Update, context: Ctx) -> None:
    """/privacidad: what the bot keeps, in plain words."""
    await reply(update, context, PRIVACY + privacy_note(settings(context).counters))


async def reload_command(update: Update, context: Ctx) -> None:
    """/recargar (administrators only): reload the knowledge without restarting."""
    user = update.effective_user
    if user is None or user.id not in settings(context).admin_ids:
        # For everybody else it does not exist: the same as any unknown command.
        if is_private(update):
            await chat.on_unknown_command(update, context)
        return
    folder = settings(context).knowledge_dir
    try:
        cache = settings(context).data_dir / CACHE_FOLDER
        fresh = await asyncio.to_thread(cached_engine, folder, cache)
    except KnowledgeError as exc:
        logger.warning("Knowledge reload failed; keeping the loaded knowledge")
        await reply(update, context, f"No recargué: {html.escape(str(exc))}")
        return
    # Atomic: handlers already running keep the engine they hold, the next ones get the new.
    context.bot_data[ENGINE] = fresh
    settle_memory()
    counts = ", ".join(f"{n} {name}" for name, n in fresh.kb.summary().items())
    logger.info("Knowledge reloaded")
    await reply(update, context, f"Conocimiento recargado: {html.escape(counts)}.")
