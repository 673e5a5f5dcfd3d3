"""Round 34: someone else's case told by one who first says where they come from, a slap
that is no district, the department's total beside a province, a bare count and a goodbye
after a case. The round's harm and calm phrases are data: ``tests/core/phrases/round34.yaml``."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.core.engine import Engine
from bot.core.model import Answer


@pytest.mark.parametrize(
    ("text", "province"),
    [
        # the case is where the daughter is, not where her mother comes from
        (
            "soy de Azangaro y mi hija de 16 esta en una academia en Juliaca, ayer salio con un"
            " chico y hasta ahora no vuelve, q hago",
            "san_roman",
        ),
        (
            "soy de Puno pero trabajo en una escuela de Cojata, una alumna me conto que su tio le"
            " hace cosas, a quien aviso?",
            "huancane",
        ),
        # the origin named again is the case's place
        (
            "soy de ilave. mi hija de 19 tiene un enamorado q la insulta y le prohibe estudiar en"
            " puno. en ilave hay psicologo gratis o solo en puno?",
            "el_collao",
        ),
        # the writer's own case keeps the place the writer comes from
        ("soy de Lampa, mi esposo me pega cuando toma, fuimos a Juliaca a la feria", "lampa"),
    ],
)
def test_where_the_writer_comes_from_yields_to_the_case(
    engine: Engine, text: str, province: str
) -> None:
    assert engine.reply(text).province == province


def test_a_slap_is_not_a_district(engine: Engine) -> None:
    answer = engine.reply("soy de zepita, mi vecino le dio un manazo a su bebe y esta vomitando")
    assert answer.province == "chucuito"
    assert engine.reply("vivo en Mañazo, mi esposo me pega").province == "puno"


def test_the_department_named_beside_a_province_gets_its_total(engine: Engine) -> None:
    answer = engine.reply(
        "soy comisario de una comisaria en Azangaro, cuantos CEM funcionan en la region Puno?"
    )
    assert answer.province == "azangaro"
    assert "13 CEM regular y 7 CEM en comisaría" in answer.text
    # a province alone keeps its own count
    assert "departamento" not in engine.reply("cuantos CEM hay en Azangaro?").text


def test_a_bare_count_after_a_place_keeps_it(talk: Callable[..., Answer], engine: Engine) -> None:
    answer = talk("q servicios hay en huancane", "cuantos cem tiene?")
    assert (answer.intent, answer.rule, answer.province) == ("locate", "gate:follow_up", "huancane")
    # asked first, it is the whole department's
    assert engine.reply("cuantos cem tiene?").province is None


def test_thanks_after_a_case_is_a_goodbye_with_the_safety_line(talk: Callable[..., Answer]) -> None:
    answer = talk(
        "soy profesora en Putina, un alumno vino con quemaduras y dice q su mama le quema",
        "cuantas demunas hay en putina?",
        "ok gracias, hoy mismo voy",
    )
    assert answer.intent == "greeting"
    assert "Línea 100" in answer.text
    # thanks beside a question is still a follow-up
    asked = talk("cuantas demunas hay en putina?", "gracias, y en ayaviri?")
    assert (asked.intent, asked.province) == ("locate", "melgar")
