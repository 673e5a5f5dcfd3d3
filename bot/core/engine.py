"""The one way in for every front end: understand a text, compose an answer."""

from __future__ import annotations

from dataclasses import replace

from bot.core.answer import Composer, safety_first
from bot.core.knowledge import Knowledge
from bot.core.model import Answer, Context
from bot.core.query import CASES, TOLD, Place, Query
from bot.core.understand import Understanding


class Engine:
    """Understanding and answers over one loaded ``Knowledge``."""

    def __init__(self, kb: Knowledge) -> None:
        self.kb = kb
        self.understanding = Understanding(kb)
        self.composer = Composer(kb)

    def understand(self, text: str, context: Context | None = None) -> Query:
        return self.understanding.understand(text, context)

    def reply(self, text: str, context: Context | None = None, *, full: bool = False) -> Answer:
        """Answer a free Spanish question; ``answer.context`` is the context for the next turn.
        ``full``: the whole answer, nothing behind "Más información" (inline results)."""
        query = self.understand(text, context)
        if query.full != full:
            query = replace(query, full=full)
        answer = safety_first(self.compose(query), query, self.kb)
        # harm told in this conversation is kept while it goes on (a turn the model only
        # suspects does not forget it; one it suspects and answers as a case is kept too:
        # gate:model_harm, gate:model_case)
        earlier = context.harm if context is not None and not context.expired() else ""
        case = query.harm == "suspected" and query.intent in CASES
        harm = query.harm if query.harm in TOLD or case else earlier
        told = replace(answer.context, harm=harm)
        if context is not None and told.province is None and query.place is None:
            # "¿qué es el CIAM?" names no place: the conversation's stays ("¿cuántos hay ahí?")
            told = with_earlier_place(told, context)
        return replace(answer, harm=query.harm, rule=query.rule, context=told)

    def compose(self, query: Query) -> Answer:
        return self.composer.compose(query)

    def _query(self, intent: str, **kwargs: object) -> Query:
        """A query built by a menu or a link: the whole answer, nothing behind a button."""
        return Query(text="", normalized="", intent=intent, full=True, **kwargs)  # type: ignore[arg-type]

    def _province(self, province_id: str) -> Place:
        return Place("province", province_id, self.kb.provinces[province_id].name)

    def service_card(self, service_id: str) -> Answer:
        """What a service is and the provinces that have it, with counts."""
        describe = self.compose(self._query("describe", services=(service_id,)))
        where = self.composer.locate(self._query("locate", services=(service_id,)))
        html_text = describe.html + "\n\n" + where.html
        return self.composer.answer(
            "describe",
            [html_text],
            services=(service_id,),
            title=describe.title,
            suggestions=describe.suggestions,
        )

    def province_card(self, province_id: str) -> Answer:
        """Every service in a province, with counts."""
        return self.composer.overview(self._query("overview", place=self._province(province_id)))

    def emergency_card(self) -> Answer:
        """Línea 100 first, then the Police."""
        return self.composer.emergency()

    def help_card(self) -> Answer:
        """What the bot can do, with Línea 100."""
        return self.composer.help()

    def glossary_card(self) -> Answer:
        """The list of glossary terms."""
        return self.composer.glossary_list()

    def glossary_term(self, term_id: str) -> Answer:
        """One glossary term."""
        return self.composer.term(term_id)

    def referral_card(self, situation_id: str, province_id: str | None) -> Answer:
        """Services of a province that take a situation, plus Línea 100 / SAU where they apply."""
        place = self._province(province_id) if province_id else None
        return self.composer.referral(self._query("referral", situation=situation_id, place=place))

    def nearest_card(self, latitude: float, longitude: float) -> Answer:
        """Nearest district capital, its province, what exists there, and the nearest CEM."""
        return self.composer.nearest(latitude, longitude)

    def deep_link(self, payload: str) -> Answer | None:
        """``/start`` payloads: a service id, ``provincia_<id>``, ``<service>_<province>``,
        ``emergencia``; None when the payload is not understood."""
        kb = self.kb
        payload = payload.strip().lower()
        if payload in ("emergencia", "emergency"):
            return self.emergency_card()
        aliases = {"linea100": "linea_100"}
        payload = aliases.get(payload, payload)
        if payload in kb.services:
            return self.service_card(payload)
        if payload.startswith("provincia_") and payload[len("provincia_") :] in kb.provinces:
            return self.province_card(payload[len("provincia_") :])
        if payload in kb.provinces:
            return self.province_card(payload)
        for sid in sorted(kb.services, key=len, reverse=True):
            prefix = aliases.get(sid, sid) + "_"
            if payload.startswith(prefix) and payload[len(prefix) :] in kb.provinces:
                query = self._query(
                    "locate", services=(sid,), place=self._province(payload[len(prefix) :])
                )
                return self.compose(query)
        return None

    def inline_results(self, query: str, limit: int = 5) -> list[Answer]:
        """Distinct answers for inline mode (service in a province, service, glossary term)."""
        if not query.strip():
            return [self.emergency_card(), self.service_card("linea_100")][:limit]
        first = self.reply(query, full=True)
        results = [first]
        if first.intent == "emergency":
            results.append(self.service_card("linea_100"))
        for sid in first.services[:2]:
            if first.intent != "describe" or sid != first.services[0]:
                results.append(self.service_card(sid))
        if first.province and first.intent != "overview":
            results.append(self.province_card(first.province))
        seen: set[str] = set()
        unique = []
        for answer in results:
            if answer.html not in seen:
                seen.add(answer.html)
                unique.append(answer)
        return unique[:limit]


def with_earlier_place(told: Context, earlier: Context) -> Context:
    """The next turn's context with the place of the earlier one, unless that expired."""
    if earlier.expired():
        return told
    return replace(told, province=earlier.province, district=earlier.district)
