"""The ``Composer``: picks the card for a ``Query``, and gives each card to the front ends."""

from __future__ import annotations

from dataclasses import replace

from bot.core.answer._describe import describe
from bot.core.answer._emergency import emergency
from bot.core.answer._glossary import glossary_list, term
from bot.core.answer._lines import other_contacts
from bot.core.answer._locate import locate
from bot.core.answer._menu import greeting, help_menu, more, unknown
from bot.core.answer._nearest import nearest
from bot.core.answer._overview import overview
from bot.core.answer._practical import practical, with_topics
from bot.core.answer._referral import referral
from bot.core.answer._render import both, make_answer
from bot.core.answer._stats import stats
from bot.core.knowledge import Knowledge
from bot.core.model import Answer
from bot.core.query import Place, Query


class Composer:
    """Turns a ``Query`` (or a menu request) into an ``Answer``."""

    answer = staticmethod(make_answer)

    def __init__(self, kb: Knowledge) -> None:
        self.kb = kb

    def compose(self, query: Query) -> Answer:
        """The card for the query's intent (``unknown`` when the intent lacks what it needs),
        then the card of its second part, if it has one that can be answered."""
        card = self._card(query)
        if query.also is None or card.intent != query.intent:
            return card
        second = self._card(replace(query, intent=query.also, also=None))
        return both(card, second) if second.intent == query.also else card

    def _card(self, query: Query) -> Answer:
        if query.more is not None:
            return more(self.kb, query)
        match query.intent:
            case "emergency":
                card = self.emergency(
                    query.place,
                    query.situation,
                    query.for_someone,
                    asked=query.services,
                    needs=query.needs,
                    contacts=other_contacts(self.kb, query),
                )
                return with_topics(self.kb, card, query)
            case "describe" | "locate" if query.topics and query.services:
                return self.practical(query)
            case "locate" if query.services:
                return self.locate(query)
            case "describe" if query.services or query.terms:
                return self.describe(query)
            case "stats":
                return self.stats(query)
            case "overview":
                return self.overview(query)
            case "referral" if query.situation:
                return with_topics(self.kb, self.referral(query), query)
            case "greeting":
                return self.greeting(query)
            case "help":
                return self.help(query.bot_topics)
            case _:
                return self.unknown(query)

    def emergency(
        self,
        place: Place | None = None,
        situation: str | None = None,
        for_someone: bool = False,
        asked: tuple[str, ...] = (),
        needs: tuple[str, ...] = (),
        contacts: tuple[str, ...] = (),
    ) -> Answer:
        return emergency(self.kb, place, situation, for_someone, asked, needs, contacts)

    def locate(self, query: Query) -> Answer:
        return locate(self.kb, query)

    def describe(self, query: Query) -> Answer:
        return describe(self.kb, query)

    def practical(self, query: Query) -> Answer:
        return practical(self.kb, query)

    def stats(self, query: Query) -> Answer:
        return stats(self.kb, query)

    def overview(self, query: Query) -> Answer:
        return overview(self.kb, query)

    def referral(self, query: Query) -> Answer:
        return referral(self.kb, query)

    def greeting(self, query: Query) -> Answer:
        return greeting(self.kb, query)

    def help(self, bot_topics: tuple[str, ...] = ()) -> Answer:
        return help_menu(self.kb, bot_topics)

    def unknown(self, query: Query | None = None) -> Answer:
        return unknown(self.kb, query)

    def nearest(self, latitude: float, longitude: float) -> Answer:
        return nearest(self.kb, latitude, longitude)

    def glossary_list(self) -> Answer:
        return glossary_list(self.kb)

    def term(self, term_id: str) -> Answer:
        return term(self.kb, term_id)
