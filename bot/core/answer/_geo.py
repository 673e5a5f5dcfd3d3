"""Geography: great-circle distances, coordinates of places, the nearest province or district."""

from __future__ import annotations

import math

from bot.core.knowledge import District, Knowledge, Province
from bot.core.query import Place

FAR_KM = 60.0  # farther than this from every district capital: outside the department


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance between two points."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def coords(kb: Knowledge, place: Place | Province) -> tuple[float, float]:
    """A district's capital, or a province's (also for a province named as a place)."""
    if isinstance(place, Province):
        d = kb.districts[place.capital_district]
    elif place.kind == "district":
        d = kb.districts[place.key]
    else:
        d = kb.districts[kb.provinces[place.key].capital_district]
    return d.latitude, d.longitude


def nearest_with(
    kb: Knowledge, service_id: str, origin: tuple[float, float], exclude: str | None = None
) -> tuple[Province, float] | None:
    """The province whose capital is nearest to ``origin`` and that has the service."""
    best: tuple[Province, float] | None = None
    for prov in kb.provinces.values():
        if prov.id == exclude or kb.count(service_id, prov.id) == 0:
            continue
        dist = distance_km(*origin, *coords(kb, prov))
        if best is None or dist < best[1]:
            best = (prov, dist)
    return best


def nearest_district(kb: Knowledge, latitude: float, longitude: float) -> tuple[District, float]:
    """The district whose capital is nearest to a point, and its distance."""
    return min(
        (
            (d, distance_km(latitude, longitude, d.latitude, d.longitude))
            for d in kb.districts.values()
        ),
        key=lambda pair: pair[1],
    )
