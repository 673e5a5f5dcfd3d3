"""Pieces several cards share: names, places, the Línea 100 and source lines, counts."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from functools import wraps

from bot.core.answer._render import (
    Html,
    esc,
    fill,
    fill_text,
    join_es,
    make_answer,
    suggest,
    unique,
)
from bot.core.knowledge import Coverage, Knowledge, Province, ProvinceCount
from bot.core.model import Answer, Context, Intent, Suggestion
from bot.core.query import Place, Query

POLICE = "policia"  # contacts.yaml


def short_name(kb: Knowledge, service_id: str) -> str:
    s = kb.services[service_id]
    return s.acronym or s.name


def counted_name(kb: Knowledge, service_id: str, n: int) -> str:
    """The name after a count: the acronym ("7 CEM"), else the plural of the name when more
    than one ("7 Sociedades de Beneficencia")."""
    s = kb.services[service_id]
    return s.plural if n != 1 and s.plural and not s.acronym else short_name(kb, service_id)


def full_name(kb: Knowledge, service_id: str) -> str:
    s = kb.services[service_id]
    return f"{s.name} ({s.acronym})" if s.acronym and s.acronym != s.name else s.name


def per_knowledge(build: Callable[[Knowledge], Html]) -> Callable[[Knowledge], Html]:
    """``build``, a line that depends on the knowledge alone, made once per knowledge (the
    last one used is kept): most answers say the Línea 100 line twice."""
    last: list[tuple[Knowledge, Html]] = []

    @wraps(build)
    def line(kb: Knowledge) -> Html:
        made = last[0] if last else None
        if made is None or made[0] is not kb:
            made = (kb, build(kb))
            last[:] = [made]
        return made[1]

    return line


@per_knowledge
def linea100_line(kb: Knowledge) -> Html:
    r = kb.responses.contacts
    c = kb.contacts["linea_100"]
    langs = [lang for lang in c.languages if lang.lower() != r.own_language.lower()]
    return fill(
        r.linea100,
        name=c.name,
        phone=c.phone,
        free=fill(r.free) if c.free else "",
        hours=c.hours,
        languages=fill(r.languages, languages=join_es(langs)) if langs else "",
    )


def contact_line(kb: Knowledge, contact_id: str) -> Html:
    """A telephone of contacts.yaml: the Police, or another (the mental-health line)."""
    r = kb.responses.contacts
    c = kb.contacts[contact_id]
    template = r.police if contact_id == POLICE else r.other
    return fill(template, name=c.name, phone=c.phone, hours=c.hours)


def other_contacts(kb: Knowledge, query: Query | None) -> tuple[str, ...]:
    """The telephones of contacts.yaml for an emergency that is no harm done by a person
    (lexicon ``other_emergencies``: the firemen of a fire), none if the message tells none."""
    other = kb.lexicon.other_emergencies.get(query.other_emergency or "") if query else None
    return tuple(other.contacts) if other else ()


@per_knowledge
def police_line(kb: Knowledge) -> Html:
    return contact_line(kb, POLICE)


def need_lines(kb: Knowledge, situation_id: str | None) -> list[str]:
    """The direct answer of a situation (``answer`` in situations.yaml), if it has one."""
    answer = kb.situations[situation_id].answer if situation_id else None
    return [esc(answer)] if answer else []


def source_line(kb: Knowledge, source: str | None = None) -> Html:
    """The source of what was said; the executive summary is always named."""
    r = kb.responses.sources
    summary = fill_text(r.summary, department=kb.department.name)
    if source is None or r.summary_mark.lower() in source.lower():
        return fill(r.source, source=source or summary)
    return fill(r.source_and_summary, source=source, summary=summary)


def province_phrase(kb: Knowledge, province: Province) -> str:
    """ "la provincia de Lampa"."""
    return fill_text(kb.responses.places.province, province=province.name)


def department_phrase(kb: Knowledge) -> str:
    """ "el departamento de Puno"."""
    return fill_text(kb.responses.places.department, department=kb.department.name)


def place_label(kb: Knowledge, place: Place) -> str:
    """A place with its kind, and for a district its province."""
    r = kb.responses.places
    if place.kind == "province":
        return fill_text(r.province, province=place.name)
    if place.kind == "district":
        prov = kb.province_of(place.key)
        return fill_text(r.district, district=place.name, province=prov.name)
    return fill_text(r.department, department=place.name)


def province_for(kb: Knowledge, place: Place | None) -> Province | None:
    """The province of a province or district; None for the department or no place."""
    if place is None:
        return None
    if place.kind == "province":
        return kb.provinces[place.key]
    if place.kind == "district":
        return kb.province_of(place.key)
    return None


def district_of(place: Place | None) -> str | None:
    """The ubigeo of a place that is a district."""
    return place.key if place is not None and place.kind == "district" else None


def named_as_department(query: Query) -> bool:
    """The place was named by a name that is also the department's, alone ("¿cuántos CEM
    hay en Puno?"), or the department is named too ("soy comisario en Azángaro: ¿cuántos CEM
    hay en la región Puno?"): the department may be what is asked about."""
    return any(p.kind == "department" for p in (*query.alternatives, *query.other_places))


def place_intro(kb: Knowledge, place: Place | None, alternatives: Sequence[Place]) -> list[str]:
    """Which province a district belongs to, and the reading taken for ambiguous names."""
    r = kb.responses.places
    lines: list[str] = []
    if place is not None and place.kind == "district":
        d = kb.districts[place.key]
        capital = fill(r.capital, capital=d.capital) if d.capital != d.name else ""
        province = province_phrase(kb, kb.provinces[d.province])
        lines.append(fill(r.district_intro, district=d.name, capital=capital, province=province))
    others = [a for a in alternatives if a.kind != "department"]
    if place is not None and others:
        names = join_es([place_label(kb, a) for a in others])
        lines.append(fill(r.alternatives, place=place_label(kb, place), others=names))
    return lines


def did_you_mean(kb: Knowledge, query: Query) -> list[str]:
    """Say which name a typo was read as, so that a wrong guess is visible at once."""
    names = []
    for typed, kind, key in query.corrections:
        if kind == "service":
            name = short_name(kb, key)
        elif kind == "province":
            name = kb.provinces[key].name
        else:
            name = kb.districts[key].name
        names.append(fill_text(kb.responses.places.corrected, name=name, typed=typed))
    if not names:
        return []
    return [fill(kb.responses.places.did_you_mean, names=join_es(unique(names)))]


def breakdown(kb: Knowledge, coverage: Coverage, province_id: str) -> str:
    """ "1 CEM regular y 2 CEM en comisaría", and the named sites."""
    rows = [c for c in coverage.counts if c.province == province_id and c.count]
    parts: list[str] = []
    if coverage.kinds and rows:
        labels = {k.id: k.label for k in coverage.kinds}
        parts.append(join_es([f"{r.count} {labels[r.kind or '']}" for r in rows]))
    if names := site_names(kb, rows):
        parts.append(join_es(names))
    return "; ".join(parts)


def site_names(kb: Knowledge, rows: Iterable[ProvinceCount]) -> list[str]:
    """The named sites of ``rows``, each with its district when its name is another."""
    names = []
    for site in (s for r in rows for s in r.sites):
        district = kb.districts[site.district].name if site.district else site.name
        if district == site.name:
            names.append(site.name)
        else:
            template = kb.responses.places.site_in_district
            names.append(fill_text(template, site=site.name, district=district))
    return names


def discrepancy(kb: Knowledge, service_id: str, province_id: str) -> Html | None:
    """A note when the seed's consolidated table gives another count than its listing."""
    table = kb.consolidated_count(service_id, province_id)
    listed = kb.count(service_id, province_id)
    if table is None or table == listed:
        return None
    province = kb.provinces[province_id].name
    return fill(kb.responses.counts.discrepancy, table=table, province=province, listed=listed)


def count_sentence(kb: Knowledge, service_id: str, prov: Province) -> Html:
    """How many of a service a province has, by kind or with its named sites."""
    r = kb.responses.counts
    coverage = kb.coverage[service_id]
    n = kb.count(service_id, prov.id)
    name = counted_name(kb, service_id, n)
    province = province_phrase(kb, prov)
    if n == 0:
        return fill(r.none, province=province, service=name)
    kinds = {c.kind for c in coverage.counts if c.province == prov.id and c.count}
    if len(kinds) == 1 and None not in kinds:
        # a single kind: "1 CEM regular", not "1 CEM: 1 CEM regular"
        name = next(k.label for k in coverage.kinds if k.id in kinds)
        detail = join_es(
            [s.name for c in coverage.counts if c.province == prov.id for s in c.sites]
        )
    else:
        detail = breakdown(kb, coverage, prov.id)
    detail_html = Html(f": {esc(detail)}") if detail else ""
    return fill(r.some, province=province, count=n, service=name, detail=detail_html)


def kinds_line(kb: Knowledge, service_id: str, asks: frozenset[str]) -> list[str]:
    """For a comparison of a service's kinds ("CEM regular vs en comisaría"): how many of each,
    and that the summary does not explain the difference."""
    if "compare" not in asks or len(kb.coverage[service_id].kinds) < 2:
        return []
    return [
        fill(kb.responses.parts.kinds_not_explained, kinds=join_es(kind_counts(kb, service_id)))
    ]


def kind_counts(kb: Knowledge, service_id: str) -> list[str]:
    """A service's count in the department by kind: "13 CEM regular", "7 CEM en comisaría"."""
    coverage = kb.coverage[service_id]
    return [
        f"{sum(c.count for c in coverage.counts if c.kind == k.id)} {k.label}"
        for k in coverage.kinds
    ]


def with_services(query: Query, services: Sequence[str]) -> Query:
    return replace(query, services=tuple(services))


SITED = frozenset({"locate", "stats"})  # answers about a service's sites and figures


def extremes(counts: Mapping[str, int], asks: frozenset[str]) -> list[tuple[str, int, list[str]]]:
    """For "most" and then "least", when asked: the extreme count among ``counts`` (by place)
    and every place that has it."""
    found = []
    for ask, pick in (("most", max), ("least", min)):
        if ask in asks and counts:
            n = pick(counts.values())
            found.append((ask, n, [place for place, c in counts.items() if c == n]))
    return found


def _place_for_next(kb: Knowledge, sid: str, asks: frozenset[str]) -> str | None:
    """The province of a service in the whole department, for what is asked next: the one
    province that has it (the CEDIF, in Chucuito), or the one with most (or least) of it when
    that was asked ("¿qué provincia tiene más DEMUNA?"); none when several tie."""
    counts = {p.id: n for p in kb.provinces.values() if (n := kb.count(sid, p.id))}
    if len(counts) == 1:
        return next(iter(counts))
    ranked = extremes(counts, asks)
    tied = ranked[0][2] if ranked else []
    return tied[0] if len(tied) == 1 else None


def with_place(
    kb: Knowledge,
    query: Query,
    intent: Intent,
    lines: Sequence[str],
    suggestions: Sequence[Suggestion],
    title: str,
    details: Sequence[str] = (),
) -> Answer:
    """An answer about the query's services and place, after any "Entendí" line for typos;
    on a phone, the ``details`` and what passes ``max_lines`` wait behind a "Más información"
    button (the whole answer shows them before its last line, the source)."""
    prov = province_for(kb, query.place)
    province = prov.id if prov else None
    if province is None and intent in SITED and query.services:
        province = _place_for_next(kb, query.services[0], query.asks)
    district = district_of(query.place)
    shown = [*did_you_mean(kb, query), *(line for line in lines if line)]
    if query.full:
        shown[-1:-1] = details
        rest: list[str] = []
    else:
        shown, rest = phone_cut(kb, shown)
        rest += details
    if rest:
        suggestions = [suggest(kb.responses.suggestions.more), *suggestions]
    return make_answer(
        intent,
        shown,
        services=query.services,
        province=province,
        district=district,
        title=title,
        suggestions=suggestions,
        confidence=query.confidence,
        context=Context(
            intent=intent,
            services=query.services,
            province=province,
            district=district,
            period=query.period,
            situation=query.situation,
            more="\n".join(rest),
        ),
    )


def phone_cut(kb: Knowledge, lines: list[str]) -> tuple[list[str], list[str]]:
    """The lines shown at once and the rest: at most ``max_lines``, always with the Línea 100
    lines and the last line (the source); a heading is not left without its items."""
    limit = kb.responses.max_lines
    if len(lines) <= limit:
        return lines, []
    linea100 = linea100_line(kb)
    kept = {i for i, line in enumerate(lines) if linea100 in line} | {len(lines) - 1}
    room = max(limit - len(kept), 1)
    head = [i for i in range(len(lines)) if i not in kept][:room]
    while len(head) > 1 and _introduces_bullets(lines, head[-1]):
        head.pop()
    shown = sorted({*head, *kept})
    return [lines[i] for i in shown], [line for i, line in enumerate(lines) if i not in shown]


def _introduces_bullets(lines: Sequence[str], i: int) -> bool:
    """A line that introduces the bullets right after it ("Ofrece:")."""
    bullet = ("•", "◦", " ")
    return (
        not lines[i].startswith(bullet) and i + 1 < len(lines) and lines[i + 1].startswith(bullet)
    )


def bot_lines(kb: Knowledge, topics: tuple[str, ...]) -> list[str]:
    """The answers to the questions about the bot itself asked (practical.yaml bot_topics)."""
    return [fill(t.answer) for t in kb.practical.bot_topics if t.id in topics]
