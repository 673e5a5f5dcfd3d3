"""The practical card: the practical questions asked about a service (practical.yaml),
answered from the data or named as missing with who knows, then where it is."""

from __future__ import annotations

from bot.core.answer._lines import (
    count_sentence,
    full_name,
    linea100_line,
    place_intro,
    province_for,
    short_name,
    source_line,
    with_place,
)
from bot.core.answer._render import fill, fill_text, join_es, suggest
from bot.core.knowledge import Knowledge, Site, TopicField
from bot.core.model import Answer
from bot.core.query import Place, Query


def practical(kb: Knowledge, query: Query) -> Answer:
    """One line per topic the data answers, one line for all it does not."""
    sid = query.services[0]
    texts = kb.practical
    name = short_name(kb, sid)
    place = fill_text(texts.place, place=query.place.name) if query.place else ""
    lines: list[str] = []
    missing: list[str] = []
    for topic in (t for t in texts.topics if t.id in query.topics):
        value = topic_value(kb, topic.field, sid, query.place) if topic.field else None
        if value is None or topic.known is None:
            missing.append(topic.what)
        else:
            lines.append(fill(topic.known, service=name, place=place, value=value))
    if missing:
        lines.append(fill(texts.missing, what=" ni ".join(missing), service=name, place=place))
    prov = province_for(kb, query.place)
    if prov is not None and kb.coverage[sid].counts:
        lines += place_intro(kb, query.place, query.alternatives)
        lines.append(count_sentence(kb, sid, prov))
    if kb.services[sid].violence and sid != "linea_100":
        lines.append(linea100_line(kb))
    contact = next((c for c in kb.contacts.values() if c.service == sid), None)
    lines.append(source_line(kb, contact.source if contact else kb.services[sid].source))
    suggestions = [suggest(kb.responses.suggestions.what_is, service=name)]
    return with_place(kb, query, query.intent, lines, suggestions, full_name(kb, sid))


def topic_value(kb: Knowledge, field: TopicField, sid: str, place: Place | None) -> str | None:
    """What the data says of a service, for a practical question: the sites of the place
    named first, then the service (services.yaml), then its telephone (contacts.yaml)."""
    service = kb.services[sid]
    contact = next((c for c in kb.contacts.values() if c.service == sid), None)
    sites = [v for s in sites_of(kb, sid, place) if (v := _site_value(s, field))]
    if sites:
        return join_es(sites)
    match field:
        case "free":
            return "" if service.free or (contact and contact.free) else None
        case "serves":
            return service.serves
        case "languages":
            return join_es(contact.languages) if contact and contact.languages else None
        case "hours":
            return service.hours or (contact.hours if contact else None)
        case "phone":
            return contact.phone if contact else None
    return None


def _site_value(site: Site, field: TopicField) -> str | None:
    if field == "languages":
        return join_es(site.languages) or None
    if field in ("address", "phone", "hours"):
        value: str | None = getattr(site, field)
        return f"{site.name}: {value}" if value else None
    return None


def sites_of(kb: Knowledge, sid: str, place: Place | None) -> list[Site]:
    """The named sites of a service in the place named (every site, with no place)."""
    prov = province_for(kb, place)
    district = place.key if place is not None and place.kind == "district" else None
    return [
        site
        for count in kb.coverage[sid].counts
        if prov is None or count.province == prov.id
        for site in count.sites
        if district is None or site.district in (None, district)
    ]
