"""Guided referral: situation → province (buttons or a typed place) → the services."""

from __future__ import annotations

import html

from telegram import InlineKeyboardButton, Update
from telegram.ext import ApplicationHandlerStop

from bot.core.decide import CASE_PLACE
from bot.ops import hooks
from bot.tg import keyboards
from bot.tg.common import (
    CONTEXT,
    REFERRAL,
    Ctx,
    addressed_text,
    answer_markup,
    chat_memory,
    current_context,
    engine,
    knowledge,
    reply,
    reply_answer,
    show,
)
from bot.tg.keyboards import MENU_BACK, back_row

SITUATION_PROMPT = "<b>¿A dónde derivo?</b>\n¿Qué situación quiere derivar? Elija una:"
UNKNOWN_PLACE = (
    "No reconocí ese lugar. Elija la provincia o escriba el nombre del distrito o del pueblo."
)
CANCELLED = "Listo, dejé la derivación. ¿En qué más le ayudo?"
NOTHING_TO_CANCEL = "No hay nada en curso. ¿En qué le ayudo?"


def _province_prompt(label: str) -> str:
    return (
        f"<b>{html.escape(label)}</b>\n"
        "¿En qué provincia? Elija una, o escriba el distrito o el pueblo."
    )


def _card_rows(situation_id: str) -> list[list[InlineKeyboardButton]]:
    return [back_row(("Otra provincia", keyboards.referral_data(situation_id)), MENU_BACK)]


async def derivar_command(update: Update, context: Ctx) -> None:
    """/derivar: start the guided referral."""
    chat_memory(context)[REFERRAL] = ""
    await reply(update, context, SITUATION_PROMPT, keyboards.situations_menu(knowledge(context)))


async def show_situations(update: Update, context: Ctx) -> None:
    """Menu entry ¿A dónde derivo?: the situations, in place."""
    chat_memory(context)[REFERRAL] = ""
    await show(update, context, SITUATION_PROMPT, keyboards.situations_menu(knowledge(context)))


async def choose_situation(update: Update, context: Ctx, situation_id: str) -> None:
    """A situation was chosen: ask for the province."""
    chat_memory(context)[REFERRAL] = situation_id
    kb = knowledge(context)
    await show(
        update,
        context,
        _province_prompt(kb.situations[situation_id].label),
        keyboards.referral_provinces_menu(kb, situation_id),
    )


async def choose_province(
    update: Update, context: Ctx, situation_id: str, province_id: str
) -> None:
    """Situation and province chosen: the referral card, in place."""
    chat_memory(context).pop(REFERRAL, None)
    card = engine(context).referral_card(situation_id, province_id)
    await show(update, context, card.html, answer_markup(context, card, _card_rows(situation_id)))


async def typed_place(update: Update, context: Ctx) -> None:
    """While a referral waits for a province, read the typed place (before free chat)."""
    memory = chat_memory(context)
    situation_id = memory.get(REFERRAL)
    if not situation_id:
        return
    text = addressed_text(update, context)
    if text is None:
        return
    kb = knowledge(context)
    if situation_id not in kb.situations:
        memory.pop(REFERRAL, None)
        return
    answer = engine(context).reply(text, current_context(memory))
    memory[CONTEXT] = answer.context
    # a place alone after a case told here is this referral's place, not a new emergency;
    # not where the message itself suggests danger ("estoy en Ilave, ya viene": harm
    # "suspected"), which gets the emergency card first
    place_only = answer.rule == CASE_PLACE and answer.harm == "earlier"
    if answer.intent == "emergency" and not place_only:
        # Danger first: the emergency answer (Línea 100) before anything else.
        await reply_answer(update, context, answer)
        hooks.answered(update, context, answer)
        if answer.province is None:
            raise ApplicationHandlerStop
    elif answer.province is None:
        if answer.intent == "unknown":
            menu = keyboards.referral_provinces_menu(kb, situation_id)
            await reply(update, context, UNKNOWN_PLACE, menu)
        else:
            # Another question: leave the referral and answer it.
            memory.pop(REFERRAL, None)
            await reply_answer(update, context, answer)
            hooks.answered(update, context, answer)
        raise ApplicationHandlerStop
    memory.pop(REFERRAL, None)
    card = engine(context).referral_card(situation_id, answer.province)
    await reply_answer(update, context, card, _card_rows(situation_id))
    raise ApplicationHandlerStop


async def cancel_command(update: Update, context: Ctx) -> None:
    """/cancelar: leave the guided referral."""
    memory = chat_memory(context)
    text = CANCELLED if REFERRAL in memory else NOTHING_TO_CANCEL
    memory.pop(REFERRAL, None)
    await reply(update, context, text, keyboards.main_menu())
