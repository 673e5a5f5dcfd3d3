"""The overview card: the services of a province or of the department, by who runs them."""

from __future__ import annotations

from collections.abc import Sequence

from bot.core.answer._lines import (
    breakdown,
    department_phrase,
    discrepancy,
    full_name,
    linea100_line,
    named_as_department,
    place_intro,
    province_for,
    province_phrase,
    short_name,
    source_line,
    with_place,
    with_services,
)
from bot.core.answer._locate import ranked
from bot.core.answer._render import Html, b, esc, fill, fill_text, join_es, suggest
from bot.core.knowledge import Knowledge, Operation, Province
from bot.core.model import Answer
from bot.core.query import Query

OPERATIONS: tuple[Operation, ...] = ("mimp", "coordinated")


def overview(kb: Knowledge, query: Query) -> Answer:
    """Every service of the place named (or of the department), of the kinds asked for."""
    r = kb.responses
    prov = province_for(kb, query.place)
    others = [p for o in query.other_places if (p := province_for(kb, o)) and p != prov]
    if prov is not None and others:
        return compare_places(kb, query, unique_provinces([prov, *others]))
    operations = [op for t in query.terms if (op := kb.glossary[t].operation) is not None] or list(
        OPERATIONS
    )
    lines = place_intro(kb, query.place, query.alternatives)
    if prov is None:  # "¿qué provincia tiene más servicios (del MIMP)?"
        kinds = [s.id for s in kb.services.values() if s.operation in operations]
        totals = {p.name: sum(kb.count(s, p.id) for s in kinds) for p in kb.provinces.values()}
        lines += ranked(kb, fill_text(r.parts.all_services), totals, query.asks)
    where = province_phrase(kb, prov) if prov else department_phrase(kb)
    capital = fill(r.places.capital, capital=prov.capital) if prov else ""
    lines.append(fill(r.overview.heading, place=where, capital=capital))
    rows, services = service_rows(kb, prov, operations)
    details = [] if query.full else rows
    lines.extend(rows if query.full else compact_rows(kb, prov, operations, services))
    if prov is not None and named_as_department(query):
        lines += _department_too(kb, operations)
    linea100 = linea100_line(kb)
    lines.append(fill(r.contacts.for_department, linea100=linea100) if prov else linea100)
    what_is = r.suggestions.what_is
    suggestions = [suggest(what_is, service=short_name(kb, sid)) for sid in services[:3]]
    if prov is None:
        suggestions.append(suggest(r.suggestions.services_in, province=r.example_place))
    lines.append(source_line(kb))
    query = with_services(query, services)
    title = fill_text(r.titles.overview, place=prov.name if prov else kb.department.name)
    return with_place(kb, query, "overview", lines, suggestions, title, details)


def compact_rows(
    kb: Knowledge, prov: Province | None, operations: Sequence[Operation], shown: Sequence[str]
) -> list[str]:
    """The ``shown`` services on one line per group, for a phone: "Servicios que opera el
    MIMP: CEM 3 · ER 1"."""
    lines: list[str] = []
    counts = [(sid, kb.count(sid, prov.id) if prov else kb.total(sid)) for sid in shown]
    for operation in operations:
        items = [
            short_name(kb, sid) + (f" {n}" if n else "")
            for sid, n in counts
            if kb.services[sid].operation == operation
        ]
        if items:
            heading = _heading(kb, operation, prov)
            services = " · ".join(items)
            lines.append(fill(kb.responses.overview.compact, heading=heading, services=services))
            lines.extend(_table_note(kb, operation) if prov is None else [])
    return lines


def unique_provinces(provinces: Sequence[Province]) -> list[Province]:
    return list({p.id: p for p in provinces}.values())


def compare_places(kb: Knowledge, query: Query, provinces: Sequence[Province]) -> Answer:
    """The services of two or more provinces side by side (the one with most or least
    first, if asked), one line per province; one line per service as the details."""
    r = kb.responses
    names = [p.name for p in provinces]
    services = [s.id for s in kb.services.values() if any(kb.count(s.id, p.id) for p in provinces)]
    totals = {p.name: sum(kb.count(sid, p.id) for sid in services) for p in provinces}
    lines = ranked(kb, fill_text(r.parts.all_services), totals, query.asks)
    lines.append(fill(r.parts.compare_places, places=join_es(names)))
    for p in provinces:
        here = " · ".join(
            f"{short_name(kb, sid)} {n}" for sid in services if (n := kb.count(sid, p.id))
        )
        lines.append(fill(r.parts.place_row, place=p.name, services=here))
    details = []
    for sid in services:
        counts = " · ".join(f"{p.name} {kb.count(sid, p.id)}" for p in provinces)
        details.append(fill(r.parts.compare_row, service=short_name(kb, sid), counts=counts))
    lines.append(fill(r.contacts.for_department, linea100=linea100_line(kb)))
    lines.append(source_line(kb))
    suggestions = [suggest(r.suggestions.services_in, province=name) for name in names]
    title = fill_text(r.titles.overview, place=join_es(names))
    query = with_services(query, services)
    return with_place(kb, query, "overview", lines, suggestions, title, details)


def province_lines(kb: Knowledge, prov: Province) -> list[str]:
    """A province, its services with counts, and Línea 100."""
    r = kb.responses
    capital = fill(r.places.capital, capital=prov.capital)
    return [
        fill(r.overview.province, province=prov.name, capital=capital),
        *service_rows(kb, prov)[0],
        fill(r.contacts.for_department, linea100=linea100_line(kb)),
    ]


def service_rows(
    kb: Knowledge, prov: Province | None, operations: Sequence[Operation] = OPERATIONS
) -> tuple[list[str], list[str]]:
    """Services of a province (or of the department), grouped by who runs them; the lines,
    and the ids of the services shown."""
    lines: list[str] = []
    shown: list[str] = []
    for operation in operations:
        rows = []
        for s in kb.services.values():
            if s.operation != operation:
                continue
            n = kb.count(s.id, prov.id) if prov else kb.total(s.id)
            if prov is not None and not n:
                continue
            shown.append(s.id)
            rows += _service_row(kb, s.id, n, prov)
        if rows:
            lines.append(_heading(kb, operation, prov))
            lines.extend(rows)
            if prov is None:
                lines.extend(_table_note(kb, operation))
    return lines, shown


def _service_row(kb: Knowledge, sid: str, n: int, prov: Province | None) -> list[str]:
    name = short_name(kb, sid) if prov else full_name(kb, sid)
    detail = breakdown(kb, kb.coverage[sid], prov.id) if prov else ""
    rows = [f"• {esc(name)}" + (f": {n}" if n else "") + (f" ({esc(detail)})" if detail else "")]
    note = discrepancy(kb, sid, prov.id) if prov else None
    if note:
        rows.append(f"  {note}")
    return rows


def _department_too(kb: Knowledge, operations: Sequence[Operation]) -> list[str]:
    """The department's totals by group, on one line, when the province named alone bears
    its name ("¿qué servicios hay en Puno?"), with the consolidated table's where it
    differs."""
    totals = Html(" · ".join(_heading(kb, op, None) for op in operations))
    line = fill(kb.responses.overview.department_too, department=kb.department.name, totals=totals)
    notes = [note.strip() for op in operations for note in _table_note(kb, op)]
    return [Html(" ".join([line, *notes]))]


def _heading(kb: Knowledge, operation: Operation, prov: Province | None) -> Html:
    """A group's title, with the sum of the counts listed under it."""
    heading = b(fill_text(kb.responses.operations.of(operation)))
    ours = [s.id for s in kb.services.values() if s.operation == operation]
    total = sum(kb.count(sid, prov.id) if prov else kb.total(sid) for sid in ours)
    if total:
        return fill(kb.responses.overview.with_total, heading=heading, total=total)
    return heading


def _table_note(kb: Knowledge, operation: Operation) -> list[str]:
    """The seed's consolidated table, when its total is not the sum listed (Puno's leaves
    the CONADIS centre out): its total and the services it leaves out."""
    tables = [t for t in kb.consolidated if t.operation == operation]
    counted = {sid for t in tables for sid in t.totals}
    left_out = [
        short_name(kb, s.id)
        for s in kb.services.values()
        if s.operation == operation and kb.total(s.id) and s.id not in counted
    ]
    if not tables or not left_out:
        return []
    table = sum(t.total for t in tables)
    return [fill(kb.responses.overview.table_differs, table=table, services=join_es(left_out))]
