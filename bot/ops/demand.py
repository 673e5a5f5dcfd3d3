"""What an answer counts as: the one cell of the demand counters it adds to.

A cell holds only values from closed sets (the day, the channel, the intent, ids of the
knowledge, yes/no flags): never a text, an id of a person or chat, or a time of day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from bot.core.knowledge import Knowledge
from bot.core.model import Answer, Intent

Channel = Literal["private", "group", "inline", "console"]
CHANNELS: tuple[Channel, ...] = ("private", "group", "inline", "console")
OFFER_INTENTS: tuple[Intent, ...] = ("emergency", "overview")


@dataclass(frozen=True, slots=True)
class Cell:
    """One counter: messages of a day with the same meaning. ``service`` and ``province``
    are knowledge ids or ``""`` when none was understood."""

    day: date
    channel: Channel
    intent: Intent
    service: str
    province: str
    danger: bool
    unmet: bool


def is_danger(answer: Answer) -> bool:
    """Whether the message was about danger (today: the core answered an emergency)."""
    return answer.intent == "emergency"


def asked_service(answer: Answer) -> str | None:
    """The service the message asked about: the answer's most relevant one, except where
    the answer's services are the bot's offer, not the question (what an emergency answer
    gives, a province's inventory)."""
    if answer.intent in OFFER_INTENTS or not answer.services:
        return None
    return answer.services[0]


def is_unmet(kb: Knowledge, service: str | None, province: str | None) -> bool:
    """A service asked for in a province that has none of it (services that have no site
    anywhere, such as a phone line, are never unmet)."""
    return bool(service and province and kb.total(service) and not kb.count(service, province))


def cell_of(answer: Answer, channel: Channel, kb: Knowledge, day: date) -> Cell:
    """The cell ``answer`` counts in; ids the knowledge does not know become ``""``."""
    service = asked_service(answer)
    service = service if service in kb.services else None
    province = answer.province if answer.province in kb.provinces else None
    return Cell(
        day=day,
        channel=channel,
        intent=answer.intent,
        service=service or "",
        province=province or "",
        danger=is_danger(answer),
        unmet=is_unmet(kb, service, province),
    )


# The ledger of answered updates (bot/tg/ledger.py), always on disk.
ANSWERED_IDS = "un número interno por mensaje respondido, para no perder ni repetir respuestas"


def privacy_note(counting: bool) -> str:
    """What ``/privacidad`` says about the disk (the same as the README)."""
    if not counting:
        return f"• En disco solo guardo {ANSWERED_IDS}: nada de usted ni de lo que escribe."
    return (
        "• En disco solo guardo cuentas anónimas por día: cuántos mensajes hubo de cada tipo "
        "de pregunta, servicio y provincia, si eran sobre una emergencia y si llegaron por "
        f"chat privado, grupo o en línea; y {ANSWERED_IDS}. Nunca el texto, su nombre, su "
        "número ni la hora."
    )
