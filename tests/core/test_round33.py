"""Round 33: harm going on since a past day, the writer's own harm beside a practical
question, a helper's grave case beside a frame, follow-ups that keep the place. The round's
harm and calm phrases are data: ``tests/core/phrases/round33.yaml``."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.core.engine import Engine
from bot.core.model import Answer


@pytest.mark.parametrize(
    ("text", "when"),
    [
        # harm that began back then and goes on since
        ("mi esposo regreso hace dos meses y desde entonces toma y me pega", "ongoing"),
        ("hace un año me separe y desde ahi mi ex me amenaza por whatsapp", "ongoing"),
        # what followed a past harm is not the harm going on
        ("el año pasado un profesor le pego y desde entonces tiene miedo", "past"),
        ("desde entonces me pega, eso fue hace años y ya me separe", "past"),
    ],
)
def test_harm_going_on_since_a_past_day(engine: Engine, text: str, when: str) -> None:
    assert engine.understand(text).harm == when


def test_the_writers_own_harm_beside_a_practical_question_is_a_case(engine: Engine) -> None:
    # the case's card (Línea 100 first), the practical question answered after it
    answer = engine.reply("mi esposo toma y me pega siempre, ¿en el CEM hablan quechua?")
    assert (answer.intent, answer.rule) == ("referral", "gate:case_question")
    assert "Línea 100" in answer.text.splitlines()[0]
    assert "quechua" in answer.text.split("\n", 2)[2]
    # a nurse asking for the women she sees gets the answer to her question
    nurse = (
        "soy enfermera, varias señoras me cuentan que sus esposos les pegan, ¿el CEM habla quechua?"
    )
    assert engine.understand(nurse).rule != "gate:case_question"


def test_grave_harm_told_by_one_who_helps_beside_a_frame_is_a_case(engine: Engine) -> None:
    # the radio frames the law, not the beating; she is safe now at her mother's
    text = (
        "soy teniente gobernador de Huacullani. la semana pasada un comunero le pego a su esposa"
        " con un palo, tiene la cabeza cosida. escuche en la radio que ya no se puede conciliar."
        " ella ahorita esta en la casa de su mama. a donde la llevamos?"
    )
    answer = engine.reply(text)
    assert answer.intent == "referral"
    assert "Línea 100" in answer.text.splitlines()[0]
    # a film's story is not a case, whoever watches it
    novel = "en la novela el esposo la encierra y le pega, q serie tan fuerte"
    assert engine.reply(novel).intent == "unknown"


def test_a_follow_up_that_asks_for_sites_keeps_the_last_place(talk: Callable[..., Answer]) -> None:
    answer = talk("q servicios del mimp hay en sandia", "y cuantas demunas?")
    assert (answer.intent, answer.province) == ("locate", "sandia")
    # not one that asks across provinces
    across = talk(
        "q tiene el ministerio en ayaviri", "y la beneficencia en cuantas provincias esta"
    )
    assert "7" in across.text


def test_the_month_written_short_and_a_request_for_information(
    talk: Callable[..., Answer], engine: Engine
) -> None:
    answer = talk("educadores de calle cuantos niños atendio en 2022", "y ene del 23?")
    assert (answer.intent, answer.services[:1]) == ("stats", ("educadores_calle",))
    assert engine.understand("q info me puedes dar?").intent == "help"
