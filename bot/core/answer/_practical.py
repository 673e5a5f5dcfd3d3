"""The practical card: the practical questions asked about a service (practical.yaml),
answered from the data or named as missing with who knows, then where it is; and the same
questions asked beside a case, after its card."""

from __future__ import annotations

from dataclasses import replace

from bot.core.answer._describe import offers_line, service_line
from bot.core.answer._lines import (
    bot_lines,
    count_sentence,
    full_name,
    linea100_line,
    place_intro,
    province_for,
    province_phrase,
    short_name,
    source_line,
    with_place,
)
from bot.core.answer._referral import sited
from bot.core.answer._render import fill, fill_text, join_es, plain, suggest
from bot.core.knowledge import Knowledge, Site, TopicField
from bot.core.model import Answer
from bot.core.query import Place, Query


def practical(kb: Knowledge, query: Query) -> Answer:
    """The topics asked about the service, then where it is."""
    sid = query.services[0]
    name = short_name(kb, sid)
    lines = topic_lines(kb, sid, query.topics, query.place)
    lines += default_lines(kb, sid, query.topics, query.place, lines)
    if query.described == sid:  # "¿el CEDIF hace eso?": what the seed says it offers
        lines.append(offers_line(kb, sid))
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


def with_topics(kb: Knowledge, answer: Answer, query: Query) -> Answer:
    """A case's card, then what the service named is when that is asked ("¿qué es la UPE y
    puede ayudar?"), or what the data says of the practical questions asked beside it ("¿es
    gratis?", "¿me atienden en aimara?"), about the service named before it in its sentence,
    else the default service for a topic asked alone (languages: Línea 100), else the
    service named, else the case's first one. What the data lacks is said only of a topic
    asked as a question ("¿es confidencial?"), not of one merely told ("mi cel tiene poca
    batería"): one line, with who knows."""
    if not (query.topics or query.described or query.bot_topics):
        return answer
    situation = kb.situations[query.situation] if query.situation else None
    default = kb.practical.default_service
    # the case's own service: the first of its situation with a site somewhere (no Mi60+)
    counted = [s for s in (situation.services if situation else ()) if kb.total(s)]
    own = next(iter(counted), default)
    named = dict(query.topic_services)
    # a topic the case's answers already answer ("con sus hijas e hijos" of the refuge)
    cases = [query.situation, *query.needs] if query.situation else []
    covered = {c for sit in cases for c in kb.situations[sit].covers}
    about: dict[str, list[str]] = {}
    for topic in (t for t in kb.practical.topics if t.id in query.topics):
        alone = default if topic.alone else None
        sid = named.get(topic.id) or alone or query.topic_service or own
        if topic.id in covered or (topic.field == "phone" and topic.id not in named):
            continue  # "¿a qué número llamo?": the card opens with the Línea 100's number
        about.setdefault(sid, []).append(topic.id)
    lines: list[str] = []
    for sid, topics in about.items():
        found = topic_lines(kb, sid, tuple(topics), query.place, asked=query.asked_topics)
        lines += found + default_lines(kb, sid, tuple(topics), query.place, lines + found)
    if query.described is not None:
        lines.insert(0, service_line(kb, query.described))
    lines += bot_lines(kb, query.bot_topics)  # "¿quién lee esto? mi esposo revisa mi celular"
    joined = "\n".join([answer.html, *lines])
    return replace(answer, html=joined, text=plain(joined))


def topic_lines(
    kb: Knowledge,
    sid: str,
    topics: tuple[str, ...],
    place: Place | None,
    *,
    asked: tuple[str, ...] | None = None,
) -> list[str]:
    """One line per topic the data answers, and one line for all it does not (of those
    ``asked``, when given)."""
    texts = kb.practical
    name = short_name(kb, sid)
    local = _local_name(kb, sid, place)
    where = fill_text(texts.place, place=local) if local else ""
    lines: list[str] = []
    unknown: list[str] = []
    for topic in (t for t in texts.topics if t.id in topics):
        value = topic_value(kb, topic.field, sid, place) if topic.field else None
        if value is None or topic.known is None:
            if asked is None or topic.id in asked:
                unknown.append(topic.what)
        elif (line := fill(topic.known, service=name, place=where, value=value)) not in lines:
            lines.append(line)  # two topics of one field ("número", "teléfono"): one line
    if unknown:
        what = " ni ".join(dict.fromkeys(unknown))
        lines.append(fill(texts.missing, what=what, service=name, place=where))
    return lines


def default_lines(
    kb: Knowledge, sid: str, topics: tuple[str, ...], place: Place | None, said: list[str]
) -> list[str]:
    """For a topic that may be asked alone ("¿atienden en aimara?") and that the data does
    not answer for ``sid``, what it says of the default service (the Línea 100 speaks
    quechua and aimara), unless already said."""
    default = kb.practical.default_service
    if sid == default:
        return []
    lines = []
    for topic in (t for t in kb.practical.topics if t.id in topics and t.alone):
        if topic.field is not None and topic_value(kb, topic.field, sid, place) is None:
            lines += [
                x for x in topic_lines(kb, default, (topic.id,), None, asked=()) if x not in said
            ]
    return lines


def _local_name(kb: Knowledge, sid: str, place: Place | None) -> str | None:
    """The place a practical line names the service by, only where it has a site: the
    district named when a site of it is there or the district is its province's capital
    ("CEM de Ilave"), else its province ("CEM de la provincia de Puno" for Capachica); none
    for a service with no site in that province or none to walk into ("Línea 100", "Mi60+",
    "UPE" in Juliaca): the line must not send anyone to an office that is not there."""
    prov = province_for(kb, place)
    if place is None or prov is None or not sited(kb, sid) or not kb.count(sid, prov.id):
        return None
    if place.kind != "district":
        return prov.name
    districts = {
        s.district for c in kb.coverage[sid].counts if c.province == prov.id for s in c.sites
    }
    if place.key in districts or (place.key == prov.capital_district and not districts - {None}):
        return place.name
    return province_phrase(kb, prov)


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
