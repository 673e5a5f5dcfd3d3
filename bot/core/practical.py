"""Practical questions about a service ("¿es gratis?", "¿hablan aimara?", "¿a qué hora
abre?"), the topics of ``knowledge/practical.yaml``: read after the intent is decided. A calm
question that asks one, about a service or about nothing the bot knows, is answered by the
practical card (``gate:practical``); harm, referrals, figures and overviews keep their card."""

from __future__ import annotations

from dataclasses import replace

from bot.core.knowledge import Knowledge
from bot.core.query import Query

RULE = "gate:practical"
ELSEWHERE = "gate:elsewhere"
ASKABLE = frozenset({"describe", "locate", "unknown", "greeting", "help"})
ABOUT_SERVICE = frozenset({"describe", "locate"})


def practical(query: Query, topics: tuple[str, ...], kb: Knowledge) -> Query:
    """The query with the practical topics it asks, about the service named (or, for a
    topic asked ``alone``, the default service of practical.yaml)."""
    if not topics or query.intent not in ASKABLE or query.harm in ("now", "ongoing", "past"):
        return query
    if query.rule == ELSEWHERE:  # "teléfono de la DEMUNA de Cusco"
        return query
    alone = any(t.alone for t in kb.practical.topics if t.id in topics)
    if not query.services and (query.out_of_scope or not alone):
        return query
    services = query.services or (kb.practical.default_service,)
    intent = query.intent if query.intent in ABOUT_SERVICE else "describe"
    return replace(query, intent=intent, services=services, topics=topics, rule=RULE)
