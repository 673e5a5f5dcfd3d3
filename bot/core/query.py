"""What a message asks, once understood: the value the answers are composed from."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from bot.core.model import Intent

HarmTime = Literal["", "past", "ongoing", "now", "suspected", "earlier"]
TOLD: frozenset[HarmTime] = frozenset({"past", "ongoing", "now"})  # harm the message tells
CASES = frozenset({"emergency", "referral"})  # answers about someone's case


@dataclass(frozen=True, slots=True)
class Place:
    """One reading of a place name: a province, a district (ubigeo) or the department."""

    kind: str
    key: str
    name: str


@dataclass(frozen=True, slots=True)
class Query:
    """What a message asks, before any answer is composed.

    ``harm`` is when harm to a person happens in the message ("" none, "past", "ongoing",
    "now"), "suspected" when only the statistical model sees it, "earlier" when none is in the
    message but an earlier turn of the conversation told of harm; ``rule`` names the gate or
    score that chose the intent (shown by ``eval``)."""

    text: str
    normalized: str
    intent: Intent
    services: tuple[str, ...] = ()
    place: Place | None = None
    alternatives: tuple[Place, ...] = ()
    other_places: tuple[Place, ...] = ()
    locality: str | None = None  # a centro poblado or barrio named, as written in the knowledge
    periods: tuple[str, ...] = ()
    indicators: tuple[str, ...] = ()
    situation: str | None = None
    # beside a case, the other needs named whose direct answer is said too ("¿dónde denuncio?
    # ¿el abogado es gratis?"): situations of situations.yaml with an ``answer``
    needs: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()  # practical questions of practical.yaml ("gratuito", "horario")
    topic_service: str | None = None  # beside a case: the service the topics are about
    # beside a case: the topics asked as questions (what the data lacks of them is said),
    # and the service named before each in its sentence
    asked_topics: tuple[str, ...] = ()
    topic_services: tuple[tuple[str, str], ...] = ()
    described: str | None = None  # beside a case: the service asked what it is or does
    bot_topics: tuple[str, ...] = ()  # questions about the bot itself (practical.yaml)
    harm: HarmTime = ""
    harm_kinds: tuple[str, ...] = ()  # the categories of harm.yaml told ("fisica", "autolesion")
    victims: tuple[str, ...] = ()
    for_someone: bool = False  # harm told of someone else: the lines speak to whoever helps
    english: bool = False
    out_of_scope: bool = False
    other_emergency: str | None = None  # lexicon other_emergencies: a fire, a fall, a landslide
    corrections: tuple[tuple[str, str, str], ...] = ()  # (as typed, kind, id) of typo'd names
    asks: frozenset[str] = frozenset()  # answer_cues of lexicon.yaml: "most", "compare"...
    more: str | None = None  # "más información": the rest of the last answer (HTML), or ""
    full: bool = False  # the whole answer, nothing behind "Más información" (menus, inline)
    follow_up: bool = False
    also: Intent | None = None  # the second part of a question of two (intents.yaml)
    confidence: float = 1.0
    rule: str = ""

    @property
    def period(self) -> str | None:
        return self.periods[0] if self.periods else None

    @property
    def danger(self) -> bool:
        """Harm that is happening, or has just happened: the Police come first too."""
        return self.harm == "now"
