"""The stats card: a service's figures by period, or what the summary has figures for;
first, the figures asked for that the summary lacks (another year, femicides)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from bot.core.answer._lines import full_name, province_for, short_name, source_line, with_place
from bot.core.answer._render import b, esc, fill, fill_text, join_es, number, suggest, unique
from bot.core.knowledge import Figure, Knowledge
from bot.core.model import Answer
from bot.core.query import Query
from bot.core.text import normalize

YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


def stats(kb: Knowledge, query: Query) -> Answer:
    """The figures asked for (indicators, periods) of the first service, department-wide."""
    sid = query.services[0] if query.services else None
    if sid is None:
        return _which_service(kb, query)
    if len(query.services) > 1:
        return _several(kb, query)
    figures, periods = _asked(kb, query, sid)
    if not figures:
        return _no_figures(kb, query, sid)
    r = kb.responses
    lines = [
        *missing_lines(kb, query),
        fill(r.stats.heading, service=full_name(kb, sid), department=kb.department.name),
    ]
    if province_for(kb, query.place) is not None:  # after the figures' heading: a caveat
        lines.append(fill(r.stats.not_by_province, department=kb.department.name))
    rows: list[str] = []
    for period in periods:
        rows.append(b(kb.periods[period]))
        rows.extend(f"• {b(number(f.value))} {esc(f.label)}" for f in figures if f.period == period)
    if len(lines) + len(rows) + 1 > kb.responses.max_lines and not query.full:
        # on a phone, one line a period: "Año 2022: 4 551 casos atendidos · 3 932 acciones"
        rows = [_period_line(kb, period, figures) for period in periods]
    lines += rows
    lines.append(source_line(kb, figures[0].source))
    name = short_name(kb, sid)
    suggestions = [
        suggest(r.suggestions.period, service=name, period=kb.periods[p])
        for p in kb.periods
        if p not in periods
    ]
    title = fill_text(r.titles.stats_service, service=name)
    return with_place(kb, query, "stats", lines, suggestions, title)


def missing_lines(kb: Knowledge, query: Query) -> list[str]:
    """What the summary lacks of what was asked: figures it has none of (not_in_summary of
    figures.yaml), and years that are none of its periods."""
    r = kb.responses.stats
    lines: list[str] = [
        fill(r.no_indicator, what=kb.not_in_summary[i])
        for i in query.indicators
        if i in kb.not_in_summary
    ]
    months = _missing_months(kb, query.normalized)
    years = [
        y
        for y in unique(YEAR.findall(query.normalized))
        if not any(p.startswith(y) for p in kb.periods) and not any(m.endswith(y) for m in months)
    ]
    if months or years:
        missing = join_es([*months, *years])
        lines.append(fill(r.no_period, years=missing, periods=periods_phrase(kb)))
    return lines


def _missing_months(kb: Knowledge, text: str) -> list[str]:
    """The months of a year asked ("febrero de 2023") that are none of the summary's periods
    ("2023-01"), as "febrero 2023"."""
    pattern, numbers = _months(tuple(kb.lexicon.months.items()))
    return unique(
        f"{name} {year}"
        for name, year in pattern.findall(text)
        if f"{year}-{numbers[name]:02d}" not in kb.periods
    )


@lru_cache(maxsize=4)
def _months(months: tuple[tuple[str, int], ...]) -> tuple[re.Pattern[str], dict[str, int]]:
    """The months' names, normalised as a message's words are ("Setiembre" is "setiembre"),
    with their numbers, and the pattern of a month's name and a year after it, "de" or "del"
    between or not."""
    numbers = {normalize(name): number for name, number in months}
    alternatives = "|".join(map(re.escape, numbers)) or "(?!)"
    pattern = re.compile(rf"\b({alternatives})\s+(?:del?\s+)?((?:19|20)\d{{2}})\b")
    return pattern, numbers


def periods_phrase(kb: Knowledge) -> str:
    """The summary's periods: "año 2022 y enero 2023"."""
    return join_es([p.lower() for p in kb.periods.values()])


def _asked(kb: Knowledge, query: Query, sid: str) -> tuple[tuple[Figure, ...], list[str]]:
    """A service's figures of the indicators asked for (all, if none of them), and the
    periods asked for that have figures (all, if none)."""
    figures = kb.figures_for(sid)
    figures = tuple(f for f in figures if f.indicator in query.indicators) or figures
    available = unique(f.period for f in figures)
    return figures, [p for p in query.periods if p in available] or available


def asked_figures(kb: Knowledge, query: Query, sid: str) -> list[str]:
    """A service's figures for the periods a message names ("¿qué es el SAU y cuántos casos
    derivó en 2022?"), one line a period; none when it names no period."""
    if not query.periods:
        return []
    figures, periods = _asked(kb, query, sid)
    return [_period_line(kb, p, figures) for p in periods if p in query.periods]


def _several(kb: Knowledge, query: Query) -> Answer:
    """The figures of two or more services ("¿quién atendió más casos, el CEM o el SAU?"),
    one line a period, or that the summary has none for one of them."""
    r = kb.responses
    lines: list[str] = []
    for sid in query.services:
        figures, periods = _asked(kb, query, sid)
        if not figures:
            lines.append(fill(r.stats.no_figures, service=full_name(kb, sid)))
            continue
        heading = fill(r.stats.heading, service=full_name(kb, sid), department=kb.department.name)
        lines += [heading, *(_period_line(kb, period, figures) for period in periods)]
    lines.append(source_line(kb))
    names = [short_name(kb, sid) for sid in query.services]
    suggestions = [suggest(r.suggestions.figures, service=name) for name in names]
    return with_place(kb, query, "stats", lines, suggestions, join_es(names))


def _period_line(kb: Knowledge, period: str, figures: Sequence[Figure]) -> str:
    """A period's figures on one line."""
    items = [f"{b(number(f.value))} {esc(f.label)}" for f in figures if f.period == period]
    return f"{b(kb.periods[period])}: " + " · ".join(items)


def _which_service(kb: Knowledge, query: Query) -> Answer:
    r = kb.responses
    names = [short_name(kb, s) for s in unique(f.service for f in kb.figures)]
    lines: list[str] = [
        *missing_lines(kb, query),
        fill(
            r.stats.which_service,
            department=kb.department.name,
            periods=periods_phrase(kb),
            services=join_es(names),
        ),
        fill(r.stats.ask_service),
        source_line(kb),
    ]
    suggestions = [suggest(r.suggestions.figures_cem)]
    return with_place(kb, query, "stats", lines, suggestions, fill_text(r.titles.stats))


def _no_figures(kb: Knowledge, query: Query, sid: str) -> Answer:
    r = kb.responses
    lines = [fill(r.stats.no_figures, service=full_name(kb, sid))]
    total = kb.total(sid)
    if total:
        lines.append(fill(r.stats.how_many, total=total))
    lines.append(source_line(kb, kb.coverage[sid].source))
    suggestions = [suggest(r.suggestions.where_is, service=short_name(kb, sid))]
    return with_place(kb, query, "stats", lines, suggestions, full_name(kb, sid))
