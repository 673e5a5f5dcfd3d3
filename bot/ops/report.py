"""``python -m bot demanda``: the demand of a period, in Spanish.

A figure under ``MIN_CELL`` is never shown or exported: a table leaves its row out, the
weekly series says "menos de 5".
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from bot.core.knowledge import Knowledge
from bot.ops.demand import Cell

MIN_CELL = 5
HIDDEN = f"menos de {MIN_CELL}"
CSV_HEADER = (
    "provincia",
    "servicio",
    "mensajes",
    "sin_oferta",
    "en_la_provincia",
    "en_el_departamento",
)


@dataclass(frozen=True, slots=True)
class Demand:
    """The counts of a period, small cells included (hidden only when shown)."""

    first: date
    last: date
    total: int
    asked: Counter[tuple[str, str]]  # (province, service); at least one of them known
    unmet: Counter[tuple[str, str]]
    danger: Counter[date]  # by the Monday of the week
    unknown: int


@dataclass(frozen=True, slots=True)
class Asked:
    """A row of the province × service table, with the seed's counts (None: not a place or
    not a service)."""

    province: str
    service: str
    messages: int
    unmet: int
    here: int | None
    department: int | None


def figure(n: int) -> str:
    """``n``, or "menos de 5" for a small cell."""
    return str(n) if n >= MIN_CELL else HIDDEN


def monday(day: date) -> date:
    """The Monday of ``day``'s week."""
    return day - timedelta(days=day.weekday())


def summarize(
    counts: Iterable[tuple[Cell, int]], since: date | None, until: date | None
) -> Demand | None:
    """Add up the cells; None when nothing was counted."""
    total = 0
    asked: Counter[tuple[str, str]] = Counter()
    unmet: Counter[tuple[str, str]] = Counter()
    danger: Counter[date] = Counter()
    unknown = 0
    days: set[date] = set()
    for cell, n in counts:
        days.add(cell.day)
        total += n
        if cell.service or cell.province:
            asked[cell.province, cell.service] += n
        if cell.unmet:
            unmet[cell.province, cell.service] += n
        if cell.danger:
            danger[monday(cell.day)] += n
        if cell.intent == "unknown":
            unknown += n
    if not days:
        return None
    return Demand(
        first=since or min(days),
        last=until or max(days),
        total=total,
        asked=asked,
        unmet=unmet,
        danger=danger,
        unknown=unknown,
    )


def province_name(kb: Knowledge, province: str) -> str:
    if not province:
        return "(sin provincia)"
    place = kb.provinces.get(province)
    return place.name if place else province


def service_name(kb: Knowledge, service: str) -> str:
    if not service:
        return "(sin servicio)"
    known = kb.services.get(service)
    return (known.acronym or known.name) if known else service


def asked_rows(demand: Demand, kb: Knowledge) -> list[Asked]:
    """The province × service cells of at least ``MIN_CELL`` messages, largest first."""
    rows = []
    for (province, service), n in demand.asked.items():
        if n < MIN_CELL:
            continue
        located = bool(province and service)
        rows.append(
            Asked(
                province=province,
                service=service,
                messages=n,
                unmet=demand.unmet[province, service],
                here=kb.count(service, province) if located else None,
                department=kb.total(service) if service else None,
            )
        )
    return sorted(rows, key=lambda r: (-r.messages, r.province, r.service))


def weeks(demand: Demand) -> list[date]:
    """The Mondays of the period's weeks."""
    start, end = monday(demand.first), monday(demand.last)
    return [start + timedelta(weeks=k) for k in range((end - start).days // 7 + 1)]


def _table(header: Sequence[str], rows: Sequence[Sequence[str]], names: int = 2) -> list[str]:
    """Columns padded to their width: the first ``names`` left-aligned, the others (figures)
    right-aligned."""
    if not rows:
        return [f"  (ninguna cifra de {MIN_CELL} o más)"]
    widths = [max(len(row[i]) for row in (header, *rows)) for i in range(len(header))]
    return [
        "  "
        + "  ".join(
            cell.ljust(w) if i < names else cell.rjust(w)
            for i, (cell, w) in enumerate(zip(row, widths, strict=True))
        ).rstrip()
        for row in (header, *rows)
    ]


def report_text(demand: Demand, kb: Knowledge, province: str | None = None) -> str:
    """The report in Spanish."""
    where = f"provincia de {province_name(kb, province)}" if province else "todas las provincias"
    heading = f"Demanda anónima del {demand.first} al {demand.last} ({where})."
    if demand.total < MIN_CELL:
        return (
            f"{heading}\nMenos de {MIN_CELL} mensajes en el período: no se muestra ninguna cifra."
        )
    rows = asked_rows(demand, kb)
    lines = [
        heading,
        f"Las cifras menores que {MIN_CELL} no se muestran.",
        "",
        f"Mensajes respondidos: {demand.total}.",
        f"No entendidos (unknown): {_share(demand.unknown, demand.total)}.",
        "",
        "Preguntas por provincia y servicio",
        *_table(
            ("provincia", "servicio", "mensajes"),
            [
                (province_name(kb, r.province), service_name(kb, r.service), str(r.messages))
                for r in rows
            ],
        ),
        "",
        "Mensajes sobre peligro por semana",
        *_table(
            ("semana del", "mensajes"),
            [(str(week), figure(demand.danger[week])) for week in weeks(demand)],
            names=1,
        ),
        "",
        "Demanda sin oferta: servicios pedidos en una provincia que no los tiene",
        *_table(
            ("provincia", "servicio", "pedidos", "hay en la provincia", "en el departamento"),
            [
                (
                    province_name(kb, r.province),
                    service_name(kb, r.service),
                    str(r.unmet),
                    str(r.here),
                    str(r.department),
                )
                for r in rows
                if r.unmet >= MIN_CELL
            ],
        ),
    ]
    return "\n".join(lines)


def _share(part: int, whole: int) -> str:
    if part < MIN_CELL:
        return f"{HIDDEN} de {whole}"
    return f"{round(100 * part / whole)} % ({part} de {whole})"


def write_csv(demand: Demand, kb: Knowledge, path: Path) -> None:
    """The province × service table (ids), with unmet demand and the seed's counts."""
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(CSV_HEADER)
        for r in asked_rows(demand, kb):
            unmet = r.unmet if r.unmet >= MIN_CELL else ""
            writer.writerow((r.province, r.service, r.messages, unmet, r.here, r.department))
