"""The locate card: where a service is, in the department or in the place named."""

from __future__ import annotations

from dataclasses import replace

from bot.core.answer._geo import coords, nearest_with
from bot.core.answer._lines import (
    breakdown,
    count_sentence,
    counted_name,
    discrepancy,
    extremes,
    full_name,
    kind_counts,
    kinds_line,
    linea100_line,
    named_as_department,
    place_intro,
    province_for,
    province_phrase,
    short_name,
    site_names,
    source_line,
    with_place,
    with_services,
)
from bot.core.answer._referral import referral
from bot.core.answer._render import Html, b, esc, fill, fill_text, join_es, suggest
from bot.core.knowledge import Knowledge, Province, Situation
from bot.core.model import Answer, Suggestion
from bot.core.query import Place, Query
from bot.core.text import fold

SHORT_LIST = 4  # provinces listed at once; more wait behind "Más información"


def locate(kb: Knowledge, query: Query) -> Answer:
    """Where the first service asked about is, with the nearest one when the place has none."""
    situation = kb.situations[query.situation] if query.situation else None
    if situation and (situation.answer or _the_situations(query.services, situation)):
        # "¿Dónde atienden a personas con discapacidad en Juliaca?": every service that
        # takes the case, as a referral would list them; a need ("busco un refugio") is
        # answered first. A list of other services ("cuántos CEM, DEMUNA y CIAM", beside
        # "contra la violencia") is counted one by one below.
        return replace(referral(kb, query), intent="locate")
    r = kb.responses
    sid, asked = query.services[0], query.services
    name = short_name(kb, sid)
    coverage = kb.coverage[sid]
    prov = province_for(kb, query.place)
    suggestions: list[Suggestion] = []
    details: list[str] = []
    if not coverage.counts:
        lines = _without_sites(kb, sid)
    elif prov is None:
        lines, details = _department_answer(kb, query, sid)
        which = r.suggestions.which_province
        suggestions.append(suggest(which, service=name, place=r.example_place))
    else:
        lines, suggestions, query = _in_province(kb, query, prov)
    if prov is not None and named_as_department(query):
        lines.append(_department_total(kb, sid, r.counts.department_too, sites=True))
    places = [prov, *_elsewhere(kb, query, prov)] if prov else []
    for other in (o for o in asked[1:] if kb.coverage[o].counts):
        lines += [count_sentence(kb, other, p) for p in places] or _in_department(kb, other)[0]
    lines[1:1] = place_intro(kb, query.place, query.alternatives)  # after the answer
    service = kb.services[sid]
    if coverage.counts and not service.walk_in:  # a team or an intervention: how it is reached
        lines.append(esc(service.how_to_reach or ""))
    if kb.services[sid].violence or (prov and kb.count(sid, prov.id) == 0 and sid == "cem"):
        lines.append(linea100_line(kb))
    lines.append(source_line(kb, coverage.source))
    suggestions += [_alternative(kb, name, alt) for alt in query.alternatives]
    suggestions.append(suggest(r.suggestions.what_is, service=name))
    title = fill_text(
        r.titles.locate, service=name, place=prov.name if prov else kb.department.name
    )
    return with_place(kb, query, "locate", lines, suggestions, title, details)


def _department_total(kb: Knowledge, sid: str, template: str, sites: bool = False) -> Html:
    """The department's total of a service, by kind, in ``template`` (``counts``); with
    ``sites``, a service without kinds names its few sites instead ("4 ER (Huacullani, PIAS
    Lago Titicaca, Coasa y Corani)": the districts it works in)."""
    total = kb.total(sid)
    return fill(
        template,
        department=kb.department.name,
        count=total,
        service=counted_name(kb, sid, total),
        kinds=_kinds(kb, sid) or (_sites(kb, sid, total) if sites else ""),
    )


def _sites(kb: Knowledge, sid: str, total: int) -> Html | str:
    """Every site of a service in parentheses, when each is named and they are few."""
    names = site_names(kb, kb.coverage[sid].counts)
    return Html(f" ({esc(join_es(names))})") if len(names) == total <= SHORT_LIST else ""


def _department_answer(kb: Knowledge, query: Query, sid: str) -> tuple[list[str], list[str]]:
    """A service in the whole department: the province with most or least, if asked, its
    kinds, if compared, and the count; and the details."""
    counts = {p.name: n for p in kb.provinces.values() if (n := kb.count(sid, p.id))}
    lines = ranked(kb, short_name(kb, sid), counts, query.asks) + kinds_line(kb, sid, query.asks)
    shown, details = _in_department(kb, sid, query.full)
    return lines + shown, details


def ranked(kb: Knowledge, name: str, counts: dict[str, int], asks: frozenset[str]) -> list[str]:
    """The place with most or least of something (``counts`` by place name), every tie
    named: "¿qué provincia tiene más CEM?", "¿cuál tiene menos, Puno o Juliaca?"."""
    parts = kb.responses.parts
    templates = {"most": parts.most, "least": parts.least}
    return [
        fill(templates[ask], service=name, provinces=join_es(names), count=n)
        for ask, n, names in extremes(counts, asks)
    ]


def _without_sites(kb: Knowledge, sid: str) -> list[str]:
    """A service with no sites (a phone line, a team): what it is and how to reach it."""
    service = kb.services[sid]
    lines = [f"{b(full_name(kb, sid))}: {esc(kb.coverage[sid].note or service.description)}"]
    if service.how_to_reach:
        lines.append(esc(service.how_to_reach))
    return lines


def _kinds(kb: Knowledge, sid: str) -> Html | str:
    """The department's total of a service by kind, in parentheses, or nothing."""
    per_kind = kind_counts(kb, sid)
    return Html(f" ({esc(join_es(per_kind))})") if per_kind else ""


def _in_department(kb: Knowledge, sid: str, full: bool = False) -> tuple[list[str], list[str]]:
    """The department's total, by kind, and the provinces that have the service: one line
    each when they are few, else on one line, with one line each as the details."""
    lines: list[str] = [_department_total(kb, sid, kb.responses.counts.department)]
    rows, detailed = [], False
    for p in kb.provinces.values():
        n = kb.count(sid, p.id)
        if n:
            detail = breakdown(kb, kb.coverage[sid], p.id)
            detailed = detailed or bool(detail)
            rows.append(f"• {esc(p.name)}: {n}" + (f" ({esc(detail)})" if detail else ""))
    if len(rows) <= SHORT_LIST or full:
        return lines + rows, []
    counts = [f"{p.name} {n}" for p in kb.provinces.values() if (n := kb.count(sid, p.id))]
    # the rows add the kinds and sites, if any, to the counts on one line
    return [*lines, esc(" · ".join(counts))], rows if detailed else []


def _in_province(
    kb: Knowledge, query: Query, prov: Province
) -> tuple[list[str], list[Suggestion], Query]:
    """The count in the province (and the other places named), services that take the same
    cases in the district, and the nearest province when none has it (how to reach it, for a
    service nobody walks in to); the query then also names those services."""
    sid = query.services[0]
    elsewhere = _elsewhere(kb, query, prov)
    counts = {p.name: kb.count(sid, p.id) for p in [prov, *elsewhere]}
    lines = ranked(kb, short_name(kb, sid), counts, query.asks) if elsewhere else []
    lines.append(count_sentence(kb, sid, prov))
    here = sites_in(kb, query.place, sid)
    if here and query.place is not None:
        services = join_es(list(here.values()))
        lines.append(
            fill(kb.responses.counts.also_here, district=query.place.name, services=services)
        )
        query = with_services(query, [*query.services, *here])
    lines.extend(count_sentence(kb, sid, p) for p in elsewhere)
    note = discrepancy(kb, sid, prov.id)
    if note:
        lines.append(note)
    suggestions: list[Suggestion] = []
    none_here = kb.count(sid, prov.id) == 0 and not any(
        p is not None and kb.count(sid, p.id) for p in elsewhere
    )
    if none_here and kb.services[sid].walk_in:
        near = nearest_with(kb, sid, coords(kb, query.place or prov), exclude=prov.id)
        if near:
            lines.append(_nearest_line(kb, sid, *near))
            name = short_name(kb, sid)
            suggestions.append(
                suggest(kb.responses.suggestions.service_in, service=name, province=near[0].name)
            )
    return lines, suggestions, query


def _elsewhere(kb: Knowledge, query: Query, prov: Province) -> list[Province]:
    """The other provinces the message names ("en Juliaca y en Puno")."""
    return [p for o in query.other_places if (p := province_for(kb, o)) and p != prov]


def _nearest_line(kb: Knowledge, sid: str, prov: Province, km: float) -> Html:
    return fill(
        kb.responses.counts.nearest,
        count=kb.count(sid, prov.id),
        service=short_name(kb, sid),
        province=province_phrase(kb, prov),
        capital=prov.capital,
        km=round(km),
    )


def _alternative(kb: Knowledge, service: str, alt: Place) -> Suggestion:
    """The same question about another place of the same name."""
    s = kb.responses.suggestions
    if alt.kind == "district":
        return suggest(s.district, service=service, district=alt.name)
    if alt.kind == "province":
        return suggest(s.province, service=service, province=alt.name)
    return suggest(s.department, service=service, department=alt.name)


def sites_in(kb: Knowledge, place: Place | None, service_id: str) -> dict[str, str]:
    """Services that take the same cases as ``service_id`` and have a named site in the
    district named, by id, with their label ("Estrategia Rural (ER)" in Corani)."""
    if place is None or place.kind != "district":
        return {}
    related = {
        other
        for sit in kb.situations.values()
        if service_id in sit.services
        for other in sit.services
        if other != service_id
    }
    return {
        cov.service: full_name(kb, cov.service)
        + ("" if fold(site.name) == fold(place.name) else f" ({site.name})")
        for cov in kb.coverage.values()
        if cov.service in related
        for count in cov.counts
        for site in count.sites
        if site.district == place.key
    }


def _the_situations(services: tuple[str, ...], situation: Situation) -> bool:
    """Several services, at most one of them not the situation's own ("los albergues" beside
    adopting): its card lists them. Two or more others make a list to count one by one."""
    others = set(services) - {*situation.services, *situation.also}
    return len(services) > 1 and len(others) < 2
