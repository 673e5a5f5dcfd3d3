"""Practical questions about a service ("¿es gratis?", "¿hablan aimara?", "¿a qué hora
abre?"), the topics of ``knowledge/practical.yaml``: read after the intent is decided. A calm
question that asks one, about a service named or the last answer's, is answered by the
practical card (``gate:practical``); a case (harm, a referral) keeps its card, and the topics
follow it; figures and overviews keep theirs."""

from __future__ import annotations

from dataclasses import replace

from bot.core.decide import CASE_PRACTICAL, OTHER_EMERGENCY, QUIET_INTENTS
from bot.core.knowledge import Knowledge
from bot.core.model import Context, Intent
from bot.core.query import CASES, TOLD, Query
from bot.core.signals import Signals

RULE = "gate:practical"
ELSEWHERE = "gate:elsewhere"
ABOUT_SERVICE = frozenset({"describe", "locate"})
ASKABLE = ABOUT_SERVICE | QUIET_INTENTS


def practical(
    query: Query, signals: Signals, kb: Knowledge, context: Context | None = None
) -> Query:
    """The query with the practical topics it asks, about the service named, else the one
    the last answer was about ("¿y es gratis?"), else, for a topic asked ``alone``, the
    default service of practical.yaml. Beside a case the case keeps its card, and the topics
    follow it, about the service named, else the default one for a topic asked alone ("hablo
    aimara, ¿me van a entender?"), else the case's own."""
    if query.bot_topics and query.intent in QUIET_INTENTS:
        return query  # asked of the bot itself ("¿esto es anónimo?"), not of a service
    topics = signals.topics
    alone = any(t.alone for t in kb.practical.topics if t.id in topics)
    # not where a term is named: "¿a qué número llamo para la policía?" is the 105's, said by
    # the term's description, not the Línea 100's phone
    default = (kb.practical.default_service,) if alone and not signals.terms else ()
    named = next(iter(signals.services), None)
    if query.intent in CASES and named and "describe" in signals.cues and not topics:
        # "¿qué es la UPE y puede ayudar en un caso así?": the case, then what the UPE is
        query = replace(query, described=named)
    if topics and (query.intent in CASES or query.harm in TOLD):
        return replace(
            query,
            topics=topics,
            topic_service=named,
            asked_topics=signals.asked_topics,
            topic_services=signals.topic_services,
        )
    if not topics or query.intent not in ASKABLE:
        return query
    if query.rule in (ELSEWHERE, OTHER_EMERGENCY) or (not query.services and query.out_of_scope):
        # "teléfono de la DEMUNA de Cusco", "¿cuánto cuesta un carro?", "¿el número de los
        # bomberos?" (its card gives it)
        return query
    # the service named, the last answer's (after a case: the case's own, not the card's
    # Línea 100), the default one for a topic asked alone ("¿qué número pongo en el afiche?"),
    # else the ones the decision found
    after_case = query.rule == CASE_PRACTICAL
    earlier = () if after_case else _earlier(context)
    services = tuple(signals.services) or earlier or default or query.services
    if not services:
        return query
    # where it is, when asked outside the topic ("¿dónde queda y cobran?") or by a topic of
    # where ("la dirección"); else what it is like ("¿y cuánto se demora en llegar?" after
    # "¿hay CEM en Moho?")
    where = signals.asks_sites or "locate" in signals.cues or signals.topic_of_where
    intent: Intent = "locate" if query.intent == "locate" and where else "describe"
    # "¿el CEDIF hace escuela para padres? ¿es gratis?": what it offers too, when the message
    # names a situation the service takes
    takes = any(services[0] in kb.situations[s].services for s in signals.situations)
    described = services[0] if "describe" in signals.cues and signals.services and takes else None
    rule = CASE_PRACTICAL if after_case else RULE
    return replace(
        query, intent=intent, services=services, topics=topics, described=described, rule=rule
    )


def _earlier(context: Context | None) -> tuple[str, ...]:
    """The service the last answer was about, while the conversation is fresh."""
    if context is None or context.expired() or context.intent in QUIET_INTENTS:
        return ()
    return context.services[:1]
