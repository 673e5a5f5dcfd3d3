"""The overview card: the services of a province or of the department, by who runs them."""

from __future__ import annotations

from collections.abc import Sequence

from bot.core.answer._lines import (
    breakdown,
    department_phrase,
    discrepancy,
    full_name,
    linea100_line,
    place_intro,
    province_for,
    province_phrase,
    short_name,
    source_line,
    with_place,
    with_services,
)
from bot.core.answer._render import Html, b, esc, fill, fill_text, suggest
from bot.core.knowledge import Knowledge, Operation, Province
from bot.core.model import Answer
from bot.core.query import Query

OPERATIONS: tuple[Operation, ...] = ("mimp", "coordinated")


def overview(kb: Knowledge, query: Query) -> Answer:
    """Every service of the place named (or of the department), of the kinds asked for."""
    r = kb.responses
    prov = province_for(kb, query.place)
    operations = [op for t in query.terms if (op := kb.glossary[t].operation) is not None] or list(
        OPERATIONS
    )
    lines = place_intro(kb, query.place, query.alternatives)
    where = province_phrase(kb, prov) if prov else department_phrase(kb)
    capital = fill(r.places.capital, capital=prov.capital) if prov else ""
    lines.append(fill(r.overview.heading, place=where, capital=capital))
    rows, services = service_rows(kb, prov, operations)
    lines.extend(rows)
    linea100 = linea100_line(kb)
    lines.append(fill(r.contacts.for_department, linea100=linea100) if prov else linea100)
    what_is = r.suggestions.what_is
    suggestions = [suggest(what_is, service=short_name(kb, sid)) for sid in services[:3]]
    if prov is None:
        suggestions.append(suggest(r.suggestions.services_in, province=r.example_place))
    lines.append(source_line(kb))
    query = with_services(query, services)
    title = fill_text(r.titles.overview, place=prov.name if prov else kb.department.name)
    return with_place(kb, query, "overview", lines, suggestions, title)


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
    return lines, shown


def _service_row(kb: Knowledge, sid: str, n: int, prov: Province | None) -> list[str]:
    name = short_name(kb, sid) if prov else full_name(kb, sid)
    detail = breakdown(kb, kb.coverage[sid], prov.id) if prov else ""
    rows = [f"• {esc(name)}" + (f": {n}" if n else "") + (f" ({esc(detail)})" if detail else "")]
    note = discrepancy(kb, sid, prov.id) if prov else None
    if note:
        rows.append(f"  {note}")
    return rows


def _heading(kb: Knowledge, operation: Operation, prov: Province | None) -> Html:
    heading = b(fill_text(kb.responses.operations.of(operation)))
    totals = [t.total for t in kb.consolidated if t.operation == operation]
    if prov is None and totals:  # the seed's consolidated table gives the sum
        return fill(kb.responses.overview.with_total, heading=heading, total=sum(totals))
    return heading
