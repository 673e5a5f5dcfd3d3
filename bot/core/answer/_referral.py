"""The referral card: the services that take a situation, in the province named or nearest."""

from __future__ import annotations

from bot.core.answer._geo import coords, nearest_with
from bot.core.answer._lines import (
    breakdown,
    contact_line,
    full_name,
    linea100_line,
    need_lines,
    place_intro,
    province_for,
    short_name,
    source_line,
    with_place,
    with_services,
)
from bot.core.answer._menu import help_menu
from bot.core.answer._render import Html, b, esc, fill, suggest, unique
from bot.core.knowledge import Knowledge, Province
from bot.core.model import Answer
from bot.core.query import Query


def referral(kb: Knowledge, query: Query) -> Answer:
    """Línea 100 first for harm or danger, then the direct answer of the situation (if it has
    one), one line per service of the situation and the telephones it names."""
    if not query.situation:
        return help_menu(kb)
    situation = kb.situations[query.situation]
    prov = province_for(kb, query.place)
    urgent = situation.urgent or query.danger
    lines: list[str] = [linea100_line(kb)] if urgent else []
    for need in (situation.id, *query.needs):
        lines.extend(need_lines(kb, need))
    lines.extend(place_intro(kb, query.place, query.alternatives))
    lines.append(f"🧭 {b(situation.label)}")
    anchor = query.place or prov
    origin = coords(kb, anchor) if anchor is not None else None
    # a service the message names beside its case ("¿hay DEMUNA en Yunguyo?", "¿la DEMUNA de
    # Ayaviri hace escuela de padres?") comes first; while the harm goes on, after the case's
    # first service ("a una señora la golpean, ¿hay CIAM, DEMUNA o CEDIF?": the CEM stays in
    # sight)
    apart = {*situation.also, "linea_100"}
    asked = [sid for sid in query.services if sid not in apart and sid in kb.coverage]
    lead = list(situation.services[:1]) if query.harm not in ("", "past") else []
    shown = unique([*lead, *asked, *situation.services])
    lines.extend(
        referral_line(kb, sid, prov, origin) for sid in shown if not (sid == "linea_100" and urgent)
    )
    lines.extend(
        referral_line(kb, sid, prov, origin, secondary=True)
        for sid in situation.also
        if not (sid == "linea_100" and urgent)
    )
    lines.extend(contact_line(kb, c) for c in situation.contacts)
    if prov is None and any(kb.coverage[sid].counts for sid in situation.services):
        lines.append(fill(kb.responses.referral.ask_place))
    sources = [kb.situations[n].source for n in (situation.id, *query.needs)]
    lines.append(source_line(kb, next((x for x in sources if x), None)))
    what_is = kb.responses.suggestions.what_is
    suggestions = [suggest(what_is, service=short_name(kb, sid)) for sid in situation.services[:2]]
    query = with_services(query, unique([*shown, *situation.also]))
    return with_place(kb, query, "referral", lines, suggestions, situation.label)


def referral_line(
    kb: Knowledge,
    sid: str,
    prov: Province | None,
    origin: tuple[float, float] | None,
    secondary: bool = False,
) -> str:
    """A service for a referral: how to reach it, or how many there are and where."""
    r = kb.responses.referral
    name = full_name(kb, sid)
    bullet = "◦" if secondary else "•"
    coverage = kb.coverage[sid]
    service = kb.services[sid]
    if not sited(kb, sid):
        how = service.how_to_reach or coverage.note or ""
        return f"{bullet} {b(name)}: {esc(how)}"
    if prov is None:
        return fill(r.department, bullet=bullet, service=name, count=kb.total(sid))
    n = kb.count(sid, prov.id)
    if n:
        detail = breakdown(kb, coverage, prov.id)
        detail_html = Html(f" ({esc(detail)})") if detail else ""
        return fill(
            r.province, bullet=bullet, service=name, count=n, province=prov.name, detail=detail_html
        )
    near = nearest_with(kb, sid, origin or coords(kb, prov), exclude=prov.id)
    if near is None:
        return fill(r.none, bullet=bullet, service=name, province=prov.name)
    p2, km = near
    return fill(
        r.nearest,
        bullet=bullet,
        service=name,
        province=prov.name,
        nearest=p2.name,
        count=kb.count(sid, p2.id),
        km=round(km),
    )


def sited(kb: Knowledge, sid: str) -> bool:
    """Whether the service has sites a person can walk into (else: how to reach it)."""
    return bool(kb.coverage[sid].counts) and kb.services[sid].walk_in
