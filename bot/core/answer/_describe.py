"""The describe card: what a service is, what a term means, what a programme runs."""

from __future__ import annotations

from bot.core.answer._glossary import term_lines
from bot.core.answer._lines import (
    count_sentence,
    full_name,
    linea100_line,
    place_intro,
    province_for,
    short_name,
    source_line,
    with_place,
    with_services,
)
from bot.core.answer._render import Html, b, esc, fill, fill_text, join_es, suggest
from bot.core.knowledge import Knowledge
from bot.core.model import Answer, Suggestion
from bot.core.query import Query
from bot.core.text import fold


def describe(kb: Knowledge, query: Query) -> Answer:
    """The first service asked about (with its count in the place named), then the terms."""
    programmes = [t for t in query.terms if any(s.programme == t for s in kb.services.values())]
    if programmes and all(kb.services[s].programme in programmes for s in query.services):
        return programme(kb, query, programmes[0])
    lines: list[str] = []
    suggestions: list[Suggestion] = []
    title = ""
    if query.services:
        sid = query.services[0]
        lines, suggestions = _service(kb, query, sid)
        title = full_name(kb, sid)
    for term_id in query.terms:
        lines.extend(term_lines(kb, term_id))
        title = title or kb.glossary[term_id].term
    return with_place(kb, query, "describe", lines, suggestions, title)


def _service(kb: Knowledge, query: Query, sid: str) -> tuple[list[str], list[Suggestion]]:
    lines = describe_service(kb, sid)
    prov = province_for(kb, query.place)
    if prov is not None and kb.coverage[sid].counts:
        lines += place_intro(kb, query.place, query.alternatives)
        lines.append(count_sentence(kb, sid, prov))
    if kb.services[sid].violence and sid != "linea_100":
        lines.append(linea100_line(kb))
    lines.append(source_line(kb, kb.services[sid].source))
    s = kb.responses.suggestions
    name = short_name(kb, sid)
    suggestions = []
    if kb.total(sid):
        suggestions.append(suggest(s.where_is, service=name))
    if kb.figures_for(sid):
        suggestions.append(suggest(s.figures, service=name))
    return lines, suggestions


def describe_service(kb: Knowledge, service_id: str) -> list[str]:
    """A service as the seed describes it: free and when, what it is, who it serves, what it
    offers, where it is."""
    r = kb.responses.describe
    s = kb.services[service_id]
    lines = [f"ℹ️ {b(full_name(kb, service_id))}"]
    facts = [fill_text(r.free)] if s.free else []
    if s.hours:
        facts.append(fill_text(r.hours, hours=s.hours))
    if facts:  # free, and when: what a person asks first
        lines.append(fill(r.facts, facts=Html(esc(join_es(facts)).capitalize())))
    lines.append(esc(s.description))
    if fold(s.serves) not in fold(s.description):
        lines.append(fill(r.serves, serves=s.serves))
    if s.offers:
        lines.append(fill(r.offers))
        lines.extend(f"• {esc(o)}" for o in s.offers)
    if s.how_to_reach:
        lines.append(f"📞 {esc(s.how_to_reach)}")
    programme = kb.glossary.get(s.programme)
    if programme:
        managed = fill_text(kb.responses.managed.of(s.operation))
        lines.append(fill(r.managed_by, programme=programme.term, managed=managed))
    if s.note:
        lines.append(f"⚠️ {esc(s.note)}")
    total = kb.total(service_id)
    if total:
        provinces = [p.name for p in kb.provinces.values() if kb.count(service_id, p.id)]
        where = (
            join_es(provinces)
            if len(provinces) <= 4
            else fill_text(kb.responses.places.provinces, count=len(provinces))
        )
        department = kb.department.name
        lines.append(fill(r.in_department, department=department, total=total, provinces=where))
    return lines


def programme(kb: Knowledge, query: Query, term_id: str) -> Answer:
    """A programme or office, and the services it runs in the department."""
    lines = term_lines(kb, term_id)
    run = [s for s in kb.services.values() if s.programme == term_id]
    lines.append(fill(kb.responses.describe.programme, department=kb.department.name))
    for s in run:
        total = kb.total(s.id)
        lines.append(f"• {esc(full_name(kb, s.id))}" + (f": {total}" if total else ""))
    what_is = kb.responses.suggestions.what_is
    suggestions = [suggest(what_is, service=short_name(kb, s.id)) for s in run[:3]]
    query = with_services(query, [s.id for s in run])
    return with_place(kb, query, "describe", lines, suggestions, kb.glossary[term_id].term)
