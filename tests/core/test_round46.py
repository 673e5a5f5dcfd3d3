"""Round 46: which institutions a place has, asked in the register of official letters; a
case safe now (its harm read, referred); the weather, whom a service is for and what works in
a place. The round's harm and calm messages are listed in ``phrases/round46.yaml``."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.core.engine import Engine


@pytest.mark.parametrize(
    "text",
    [
        "sírvase indicar qué organismos públicos intervienen en el distrito de Pusi",
        "agradeceré me informen las entidades de protección existentes en la provincia de Moho",
        "soy teniente gobernador, qué instituciones de protección existen en la provincia de Lampa",
    ],
)
def test_institutions_of_a_place_asked_formally_are_its_services(engine: Engine, text: str) -> None:
    answer = engine.reply(text)
    assert answer.intent in ("overview", "locate"), (text, answer.rule)


@pytest.mark.parametrize(
    "text",
    [
        "a mi tia la golpeo su esposo el domingo, ahora esta en mi casa tranquila, a donde vamos",
        # the one who harmed held; a child back to school
        "mi cuñado le pego a mi hermana y ya se encuentra detenido, a donde la llevamos",
        # a report: her age between, and her fear of going home alone
        "atendimos a una señora de 63 años agredida por su yerno, el ya se encuentra detenido"
        " y ella no quiere volver sola a su casa, que servicio la acompaña",
        "a mi sobrino lo hacian trabajar en la mina, ahora vive con su abuela y va al colegio,"
        " que servicio lo puede acompañar",
    ],
)
def test_safe_now_is_a_case_to_refer(read_as_meant: Callable[..., None], text: str) -> None:
    read_as_meant(text, harmful=True, intent="referral")


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("va a granizar mañana en Ayaviri? queremos sacar a los niños a la feria", "unknown"),
        ("la DEMUNA es solo para los niños o tambien ve a los adolescentes?", "describe"),
        ("que instituciones del estado trabajan aqui en Nuñoa para los abuelitos?", "overview"),
    ],
)
def test_the_weather_whom_a_service_is_for_and_what_works_in_a_place(
    engine: Engine, text: str, intent: str
) -> None:
    assert engine.reply(text).intent == intent, text
