"""The emergency card: Línea 100 and the Police first, then the sites of the place named: the
service of harm (the CEM), the one for this victim (the UPE for a child without care, the
CIAM for an older adult) where the place has it, the victim's service that has no office
(Mi60+ goes to the older adult), and those the message asks about ("¿hay CIAM en Lampa?")."""

from __future__ import annotations

from bot.core.answer._geo import coords
from bot.core.answer._lines import (
    POLICE,
    contact_line,
    count_sentence,
    district_of,
    linea100_line,
    need_lines,
    police_line,
    province_for,
    province_phrase,
)
from bot.core.answer._referral import referral_line, sited
from bot.core.answer._render import fill, fill_text, make_answer, suggest
from bot.core.knowledge import Knowledge, Province
from bot.core.model import Answer, Context
from bot.core.query import Place


def emergency(
    kb: Knowledge,
    place: Place | None = None,
    situation: str | None = None,
    for_someone: bool = False,
    asked: tuple[str, ...] = (),
    needs: tuple[str, ...] = (),
    contacts: tuple[str, ...] = (),
) -> Answer:
    """The emergency card: Línea 100, the Police (and the other ``contacts``: the firemen of
    a fire), what the case needs (and the other ``needs`` asked), its services and the ones
    ``asked`` in the province; its last line speaks to the person in danger or,
    ``for_someone``, to whoever writes for them."""
    r = kb.responses
    lines: list[str] = [fill(r.emergency.heading), linea100_line(kb), police_line(kb)]
    lines += [contact_line(kb, c) for c in contacts if c != POLICE]
    for need in (situation, *needs):
        lines.extend(need_lines(kb, need))
    prov = province_for(kb, place)
    services = _services(kb, situation, prov)
    # the case's own service where it has no site to walk into (Mi60+ goes to the older
    # adult), and the services asked about; not the Línea 100, whose line comes first, nor
    # a service whose count in the province is said below (without a province none is: "mi
    # tío la tiene encerrada, ¿hay CEM?" gets the CEM's line)
    own = kb.situations[situation].services[:1] if situation is not None else []
    counted = services if prov is not None else ()
    more = [s for s in own if s in kb.coverage and not sited(kb, s)] + list(asked)
    extra = tuple(
        s for s in dict.fromkeys(more) if s in kb.coverage and s not in ("linea_100", *counted)
    )
    if prov is not None:
        if place is not None and place.kind == "district":
            province = province_phrase(kb, prov)
            lines.append(fill(r.emergency.district, district=place.name, province=province))
        lines += [count_sentence(kb, s, prov) for s in services]
    origin = coords(kb, place) if place else None
    lines += [
        count_sentence(kb, s, prov) if prov and sited(kb, s) else referral_line(kb, s, prov, origin)
        for s in extra
    ]
    lines.append(fill(r.emergency.closing_other if for_someone else r.emergency.closing))
    s = r.suggestions
    where_cem = suggest(s.where_cem_in, province=prov.name) if prov else suggest(s.where_cem)
    province_id = prov.id if prov else None
    return make_answer(
        "emergency",
        lines,
        services=tuple(dict.fromkeys(("linea_100", *services, *extra))),
        province=province_id,
        district=district_of(place),
        title=fill_text(r.titles.emergency),
        suggestions=[where_cem, suggest(s.linea100)],
        context=Context(
            intent="emergency", services=services[:1], province=province_id, situation=situation
        ),
    )


def _services(kb: Knowledge, situation: str | None, prov: Province | None) -> tuple[str, ...]:
    """The first service of harm's own situation (the CEM), then the first service of the
    case's situation that the province has (no Mi60+ in the province: its CIAM)."""
    first = kb.situations[kb.harm.situation].services[0]
    own = kb.situations[situation].services if situation is not None else []
    where = [s for s in own if s in kb.coverage and prov is not None and kb.count(s, prov.id)]
    return tuple(dict.fromkeys([first, *where[:1]]))
