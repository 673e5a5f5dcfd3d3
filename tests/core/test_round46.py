"""Round 46: which institutions a place has, asked in the register of official letters."""

from __future__ import annotations

import pytest

from bot.core.engine import Engine


@pytest.mark.parametrize(
    "text",
    [
        "sírvase indicar qué organismos públicos intervienen en el distrito de Pusi",
        "agradeceré me informen las entidades de protección existentes en la provincia de Moho",
        "soy teniente gobernador, qué instituciones de protección existen en la provincia de Lampa?",
    ],
)
def test_institutions_of_a_place_asked_formally_are_its_services(
    engine: Engine, text: str
) -> None:
    answer = engine.reply(text)
    assert answer.intent in ("overview", "locate"), (text, answer.rule)
