"""The describe card: what a service is, what a term means, what a programme runs."""

from __future__ import annotations

from bot.core.answer._glossary import term_lines
from bot.core.answer._lines import (
    count_sentence,
    full_name,
    kinds_line,
    linea100_line,
    place_intro,
    province_for,
    short_name,
    source_line,
    with_place,
    with_services,
)
from bot.core.answer._render import Html, b, esc, fill, fill_text, join_es, suggest
from bot.core.answer._stats import asked_figures
from bot.core.knowledge import Knowledge
from bot.core.model import Answer, Suggestion
from bot.core.query import Query
from bot.core.text import fold


def describe(kb: Knowledge, query: Query) -> Answer:
    """The first service asked about (with its count in the place named), then the terms."""
    programmes = [t for t in query.terms if any(s.programme == t for s in kb.services.values())]
    ours = all(kb.services[s].programme in programmes for s in query.services)
    if programmes and ours and len(query.services) != 1:  # "la ER del programa AURORA": the ER
        return programme(kb, query, programmes[0])
    if len(query.services) > 1:
        return several(kb, query)
    lines: list[str] = []
    details: list[str] = []
    suggestions: list[Suggestion] = []
    title = ""
    if query.services:
        sid = query.services[0]
        lines, details, suggestions = _service(kb, query, sid)
        lines[1:1] = asked_figures(kb, query, sid)  # "… y cuántos casos atendió en 2022"
        title = full_name(kb, sid)
    for term_id in query.terms:
        lines.extend(term_lines(kb, term_id))
        title = title or kb.glossary[term_id].term
    return with_place(kb, query, "describe", lines, suggestions, title, details)


def several(kb: Knowledge, query: Query) -> Answer:
    """Two or more services ("diferencia entre DEMUNA y UPE"): one line each, what the seed
    does not say, and every service's whole card behind "Más información"."""
    r = kb.responses
    lines: list[str] = []
    details: list[str] = []
    for sid in query.services:
        first, more = describe_service(kb, sid)
        lines.append(first[0])
        details += [*first[1:], *more]
    if "compare" in query.asks:
        lines.append(fill(r.parts.compare_services))
    if any(kb.services[sid].violence for sid in query.services):
        lines.append(linea100_line(kb))
    lines.append(source_line(kb))
    names = [short_name(kb, sid) for sid in query.services]
    suggestions = [suggest(r.suggestions.where_is, service=name) for name in names]
    return with_place(kb, query, "describe", lines, suggestions, join_es(names), details)


def _service(
    kb: Knowledge, query: Query, sid: str
) -> tuple[list[str], list[str], list[Suggestion]]:
    """A service's card: its lines (the count in the place named first), its details, its
    suggestions."""
    lines, details = describe_service(kb, sid)
    lines = kinds_line(kb, sid, query.asks) + lines
    prov = province_for(kb, query.place)
    if prov is not None and kb.coverage[sid].counts:
        here = [count_sentence(kb, sid, prov), *place_intro(kb, query.place, query.alternatives)]
        lines = here + lines
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
    return lines, details, suggestions


def service_line(kb: Knowledge, service_id: str) -> str:
    """ "ℹ️ <b>Unidad de Protección Especial (UPE)</b>: what the seed says it is"."""
    return f"ℹ️ {b(full_name(kb, service_id))}: {esc(kb.services[service_id].description)}"


def offers_line(kb: Knowledge, service_id: str) -> str:
    """What a service offers, on one line ("Ofrece: ..."), else what it is."""
    offers = kb.services[service_id].offers
    if not offers:
        return service_line(kb, service_id)
    return f"{fill(kb.responses.describe.offers)} {esc('; '.join(offers))}."


def describe_service(kb: Knowledge, service_id: str) -> tuple[list[str], list[str]]:
    """A service as the seed describes it: what it is and, first of all, whether it is free
    and when; who it serves, what it offers, how to reach it; and as details, who runs it."""
    r = kb.responses.describe
    s = kb.services[service_id]
    lines = [service_line(kb, service_id)]
    details: list[str] = []
    facts = [fill_text(r.free)] if s.free else []
    if s.hours:
        facts.append(fill_text(r.hours, hours=s.hours))
    if facts:  # free, and when: what a person asks first
        lines.append(fill(r.facts, facts=Html(esc(join_es(facts)).capitalize())))
    if fold(s.serves) not in fold(s.description):
        lines.append(fill(r.serves, serves=s.serves))
    if s.offers:  # on one line: on a phone, a paragraph reads better than a long list
        lines.append(f"{fill(r.offers)} {esc('; '.join(s.offers))}.")
    if s.how_to_reach:
        lines.append(f"📞 {esc(s.how_to_reach)}")
    programme = kb.glossary.get(s.programme)
    if programme:
        managed = fill_text(kb.responses.managed.of(s.operation))
        details.append(fill(r.managed_by, programme=programme.term, managed=managed))
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
    return lines, details


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
