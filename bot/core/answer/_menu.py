"""Conversation cards: greeting, help menu, and the honest "no tengo información"."""

from __future__ import annotations

from bot.core.answer._lines import (
    bot_lines,
    contact_line,
    district_of,
    linea100_line,
    other_contacts,
    police_line,
    province_for,
)
from bot.core.answer._render import fill, fill_text, make_answer, suggest
from bot.core.knowledge import Knowledge
from bot.core.model import Answer, Context, Suggestion
from bot.core.practical import ELSEWHERE
from bot.core.query import Query


def menu_suggestions(kb: Knowledge) -> list[Suggestion]:
    s = kb.responses.suggestions
    return [suggest(s.emergency), suggest(s.where_cem), suggest(s.referral)]


def greeting(kb: Knowledge, query: Query) -> Answer:
    """Hello, thanks or goodbye, with Línea 100."""
    r = kb.responses
    words = set(query.normalized.split())
    lex = kb.lexicon
    if words & {w for t in lex.thanks for w in t.split()}:
        first = fill(r.chat.thanks)
    elif words & {w for t in lex.farewells for w in t.split()}:
        first = fill(r.chat.farewell)
    else:
        first = fill(r.chat.hello, department=kb.department.name)
    lines = [first, fill(r.contacts.in_danger, linea100=linea100_line(kb))]
    suggestions = menu_suggestions(kb)
    prov = province_for(kb, query.place)
    if prov is not None:  # "hola, soy de Ilave": what exists there, and the place kept
        suggestions.insert(0, suggest(r.suggestions.services_in, province=prov.name))
    return make_answer(
        "greeting",
        lines,
        province=prov.id if prov else None,
        district=district_of(query.place),
        title=fill_text(r.titles.greeting),
        suggestions=suggestions,
    )


def help_menu(kb: Knowledge, bot_topics: tuple[str, ...] = ()) -> Answer:
    """The answers to the questions about the bot asked, if any; Línea 100 and the Police,
    then what the bot can do."""
    r = kb.responses
    lines = [
        *bot_lines(kb, bot_topics),
        fill(r.chat.help_heading),
        linea100_line(kb),
        police_line(kb),
        fill(r.chat.help_intro),
        *(f"• {fill(topic)}" for topic in r.chat.help_topics),
    ]
    title = fill_text(r.titles.help)
    return make_answer("help", lines, title=title, suggestions=menu_suggestions(kb))


def _unknown_context(query: Query | None, province: str | None, district: str | None) -> Context:
    """No follow-up leans on "no tengo información", but the place said is kept, and the
    services asked for in another department: "¿hay CIAM en Arequipa?" → "¿y en Moho?"."""
    if query is not None and query.rule == ELSEWHERE and query.services:
        return Context("locate", query.services, province, district)
    return Context(province=province, district=district)


def unknown(kb: Knowledge, query: Query | None = None) -> Answer:
    """What the bot knows, Línea 100, and what exists in the place understood, if any; to a
    message that may tell of harm, no "no tengo información" but an open door."""
    r = kb.responses
    unsure = query is not None and query.harm == "suspected"
    # a fire, a fall, a landslide: the telephones that help
    contacts = other_contacts(kb, query)
    phones = (
        [fill(r.chat.other_emergency), *(contact_line(kb, c) for c in contacts)] if contacts else []
    )
    if phones and not (query and query.harm):  # and the Línea 100 if someone harms
        lines = [*phones, fill(r.contacts.in_danger, linea100=linea100_line(kb))]
    elif unsure:  # safety_first opens it with the Línea 100
        lines = [fill(r.chat.unsure), *phones, fill(r.chat.can_do)]
    else:
        lines = [fill(r.chat.sorry, department=kb.department.name), fill(r.chat.can_do)]
        if query is None or not query.harm:  # else safety_first opens it with the Línea 100
            lines.append(fill(r.contacts.in_danger, linea100=linea100_line(kb)))
    suggestions = menu_suggestions(kb)
    prov = province_for(kb, query.place) if query else None
    if prov is not None and not contacts:  # the place was understood: what exists there
        lines.insert(3, fill(r.chat.place, province=prov.name))  # after the Línea 100
        suggestions.insert(0, suggest(r.suggestions.services_in, province=prov.name))
    district = district_of(query.place) if query else None
    return make_answer(
        "unknown",
        lines,
        province=prov.id if prov else None,
        district=district,
        title=fill_text(r.titles.unknown),
        suggestions=suggestions,
        confidence=query.confidence if query else 0.3,
        context=_unknown_context(query, prov.id if prov else None, district),
    )


def more(kb: Knowledge, query: Query) -> Answer:
    """The rest of the last answer ("Más información"), or that nothing is left."""
    lines = query.more.split("\n") if query.more else [fill(kb.responses.parts.no_more)]
    prov = province_for(kb, query.place)
    province, district = (prov.id if prov else None), district_of(query.place)
    return make_answer(
        query.intent,
        lines,
        services=query.services,
        province=province,
        district=district,
        suggestions=menu_suggestions(kb),
        context=Context(
            intent=query.intent, services=query.services, province=province, district=district
        ),
    )
