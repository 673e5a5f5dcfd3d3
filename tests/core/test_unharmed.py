"""Saying that nobody was hurt (lexicon.yaml ``unharmed``) makes a calm message no case to
refer; harm told beside it is still read, and a need told after it ("no hay maltrato pero…")
is still a case."""

from __future__ import annotations

import pytest

from bot.core.engine import Engine


@pytest.mark.parametrize(
    "text",
    [
        "me robaron la billetera en el mercado, no me hicieron daño, donde denuncio el robo?",
        "mi hija esta triste pero bien desde que termino con su enamorado, es normal?",
        # an older adult cared for: the model's "someone's case" gate does not take it either
        "mi abuelito de 68 vive bien con nosotros, no le falta nada, como va a pension 65",
    ],
)
def test_nobody_hurt_is_no_case(engine: Engine, text: str) -> None:
    assert engine.understanding.read(text).unharmed
    assert engine.reply(text).intent not in ("referral", "emergency")


def test_harm_beside_it_is_still_read(engine: Engine) -> None:
    answer = engine.reply("mi esposo me pego ayer, no me hizo nada grave pero tengo miedo")
    assert answer.intent in ("referral", "emergency")


def test_a_need_after_it_is_a_case(engine: Engine) -> None:
    text = "no hay maltrato pero el niño de mi vecina esta muy descuidado, llega sin comer"
    assert not engine.understanding.read(text).unharmed
