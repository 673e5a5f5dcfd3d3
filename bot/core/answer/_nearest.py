"""The nearest card, for a shared location: nearest district capital, its province's
services, and the nearest CEM."""

from __future__ import annotations

from bot.core.answer._geo import FAR_KM, nearest_district, nearest_with
from bot.core.answer._lines import source_line
from bot.core.answer._overview import province_lines
from bot.core.answer._render import fill, fill_text, make_answer, suggest
from bot.core.knowledge import Knowledge
from bot.core.model import Answer, Context


def nearest(kb: Knowledge, latitude: float, longitude: float) -> Answer:
    r = kb.responses
    district, km = nearest_district(kb, latitude, longitude)
    prov = kb.provinces[district.province]
    lines: list[str] = []
    if km > FAR_KM:
        lines.append(fill(r.nearest.far, km=round(km), department=kb.department.name))
    lines.append(
        fill(
            r.nearest.closest,
            capital=district.capital,
            district=district.name,
            province=prov.name,
            km=round(km),
        )
    )
    lines.extend(province_lines(kb, prov))
    near = nearest_with(kb, "cem", (latitude, longitude)) if not kb.count("cem", prov.id) else None
    if near:
        lines.append(fill(r.nearest.cem, province=near[0].name, km=round(near[1])))
    lines.append(source_line(kb, fill_text(r.sources.coordinates, source=kb.places_source)))
    return make_answer(
        "overview",
        lines,
        services=[s for s in kb.services if kb.count(s, prov.id)],
        province=prov.id,
        district=district.ubigeo,
        title=fill_text(r.titles.nearest, place=district.capital),
        suggestions=[suggest(r.suggestions.where_cem_in, province=prov.name)],
        context=Context(intent="overview", province=prov.id, district=district.ubigeo),
    )
