"""Values that travel between the core and every front end (Telegram, console, ask, eval)."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Literal

Intent = Literal[
    "emergency",
    "locate",
    "describe",
    "stats",
    "overview",
    "referral",
    "greeting",
    "help",
    "unknown",
]
INTENTS: tuple[Intent, ...] = (
    "emergency",
    "locate",
    "describe",
    "stats",
    "overview",
    "referral",
    "greeting",
    "help",
    "unknown",
)

CONTEXT_TTL_SECONDS = 30 * 60


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A follow-up a UI can offer as a button: ``query`` is fed back to the core as typed text."""

    label: str
    query: str


@dataclass(frozen=True, slots=True)
class Context:
    """What the last turn was about, so that "¿y en Lampa?" can be understood."""

    intent: Intent | None = None
    services: tuple[str, ...] = ()
    province: str | None = None
    district: str | None = None
    period: str | None = None
    situation: str | None = None
    more: str = ""  # the rest of the answer (HTML) behind its "Más información" button
    harm: str = ""  # harm told in this conversation ("past", "ongoing", "now"): Línea 100 stays
    created: float = field(default_factory=time.monotonic)

    def expired(self, now: float | None = None, ttl: float = CONTEXT_TTL_SECONDS) -> bool:
        """True when the context is older than ``ttl`` seconds."""
        return ((time.monotonic() if now is None else now) - self.created) > ttl


@dataclass(frozen=True, slots=True)
class Answer:
    """A reply composed only from the knowledge."""

    intent: Intent
    services: tuple[str, ...]
    province: str | None
    district: str | None
    text: str
    html: str
    title: str = ""
    suggestions: tuple[Suggestion, ...] = ()
    confidence: float = 1.0
    context: Context = field(default_factory=Context)
    harm: str = ""  # harm to a person in the message: "", "past", "ongoing" or "now"
    rule: str = ""  # the gate or score that chose the intent

    def as_json(self) -> dict[str, object]:
        """The JSON shape of ``python -m bot ask --json``."""
        return {
            "intent": self.intent,
            "services": list(self.services),
            "province": self.province,
            "district": self.district,
            "text": self.text,
            "title": self.title,
            "confidence": round(self.confidence, 3),
            "harm": self.harm,
            "rule": self.rule,
            "suggestions": [{"label": s.label, "query": s.query} for s in self.suggestions],
        }
