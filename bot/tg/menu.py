"""Callback buttons: the main menu and browsing (edited in place), routed by the codec."""

from __future__ import annotations

from telegram import Update

from bot.tg import chat, erase, keyboards, referral
from bot.tg.commands import PROVINCES_PROMPT, SERVICES_PROMPT, welcome
from bot.tg.common import (
    STALE_BUTTON,
    Ctx,
    answer_markup,
    answer_query,
    engine,
    knowledge,
    show,
)
from bot.tg.keyboards import MENU_BACK, Callback, back_row


async def on_callback(update: Update, context: Ctx) -> None:
    """Every callback button: decode and validate, then route; anything else gets a polite no."""
    query = update.callback_query
    if query is None:
        return
    decoded = keyboards.decode(query.data, knowledge(context))
    if decoded is None:
        await answer_query(update, STALE_BUTTON)
        return
    if decoded.kind == "suggestion":
        await chat.on_suggestion(update, context, decoded.first)
        return
    await answer_query(update)
    await route(update, context, decoded)


async def route(update: Update, context: Ctx, callback: Callback) -> None:
    """Show what a validated callback asks for."""
    core = engine(context)
    kb = knowledge(context)
    first, second = callback.first, callback.second
    if callback.kind == "service":
        card = core.service_card(first)
        rows = [back_row(("Servicios", keyboards.menu_data("svc")), MENU_BACK)]
        await show(update, context, card.html, answer_markup(context, card, rows))
    elif callback.kind == "province":
        card = core.province_card(first)
        rows = [back_row(("Provincias", keyboards.menu_data("prov")), MENU_BACK)]
        await show(update, context, card.html, answer_markup(context, card, rows))
    elif callback.kind == "term":
        card = core.glossary_term(first)
        rows = [back_row(("Glosario", keyboards.menu_data("glo")), MENU_BACK)]
        await show(update, context, card.html, answer_markup(context, card, rows))
    elif callback.kind == "referral" and second:
        await referral.choose_province(update, context, first, second)
    elif callback.kind == "referral":
        await referral.choose_situation(update, context, first)
    elif first == "main":
        await show(update, context, welcome(kb), keyboards.main_menu())
    elif first == "emg":
        card = core.emergency_card()
        await show(update, context, card.html, answer_markup(context, card, [back_row(MENU_BACK)]))
    elif first == "svc":
        await show(update, context, SERVICES_PROMPT, keyboards.services_menu(kb))
    elif first == "prov":
        await show(update, context, PROVINCES_PROMPT, keyboards.provinces_menu(kb))
    elif first == "ref":
        await referral.show_situations(update, context)
    elif first == "glo":
        card = core.glossary_card()
        await show(update, context, card.html, keyboards.glossary_menu(kb))
    elif first == "del" and update.effective_chat is not None:
        if update.effective_chat.type == "private":
            await erase.erase_chat(context, update.effective_chat.id)
        else:
            await show(update, context, erase.GROUP_REFUSAL, keyboards.main_menu())
