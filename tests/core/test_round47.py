"""Round 47: names as a phone's dictation splits them, and services where one was sent. The
round's harm and calm messages are listed in ``phrases/round47.yaml``."""

from __future__ import annotations

import pytest

from bot.core.engine import Engine


@pytest.mark.parametrize(
    ("text", "service", "province"),
    [
        ("donde queda el ce eme de juan cane", "cem", "huancane"),
        ("hay si am en a sangaro para mi abuelita", "ciam", "azangaro"),
        ("que servicios tiene el se dif de juli", "cedif", "chucuito"),
        ("el sa u atiende en macu sani", "sau", "carabaya"),
    ],
)
def test_names_split_by_dictation_are_read(
    engine: Engine, text: str, service: str, province: str
) -> None:
    answer = engine.reply(text)
    assert answer.services[:1] == (service,), (text, answer.rule, answer.services)
    assert answer.province == province, (text, answer.province)


def test_a_service_one_was_sent_to_is_not_the_question(engine: Engine) -> None:
    text = (
        "me mandaron de la comisaria al CEM de Azangaro y ya estaba cerrado, mi esposo me"
        " pateo la semana pasada, ahora vivo con mi hermana"
    )
    answer = engine.reply(text)
    assert answer.intent == "referral", (answer.intent, answer.rule)
    assert "100" in answer.text.splitlines()[0]


def test_a_service_one_was_sent_to_and_asked_again_is_answered(engine: Engine) -> None:
    text = "me mandaron al CEM de Ilave porque mi ex me pego, el CEM de Ilave atiende sabados?"
    answer = engine.reply(text)
    assert answer.services[:1] == ("cem",), (answer.rule, answer.services)


def test_a_calm_story_before_a_question_about_a_service_gets_its_answer(engine: Engine) -> None:
    text = (
        "El domingo fuimos al campeonato de futbol en Ilave, mi equipo gano y despues comimos"
        " trucha en la feria. Mi abuelita vino con nosotros y se canso mucho. ¿En Ilave hay"
        " CIAM para que ella vaya a sus talleres?"
    )
    answer = engine.reply(text)
    assert answer.intent == "locate", (answer.intent, answer.rule)
    assert answer.services[:1] == ("ciam",)
