"""Round 48: places of another department that share a name with Puno's, a route's places,
words written with digits for letters, and a story opened before it is told. The round's harm
and calm messages are listed in ``phrases/round48.yaml``."""

from __future__ import annotations

import pytest

from bot.core.engine import Engine


@pytest.mark.parametrize(
    "text",
    [
        "hay CIAM en Miraflores de Arequipa? mi abuelita vive por alla",
        "donde queda la DEMUNA de Bellavista, Callao",
        "en Taraco de Bolivia hay oficina de la mujer?",
    ],
)
def test_a_name_of_puno_said_of_another_department_is_elsewhere(engine: Engine, text: str) -> None:
    answer = engine.reply(text)
    assert answer.intent == "unknown", (text, answer.intent, answer.rule)
    assert answer.province is None, (text, answer.province)


def test_the_same_name_in_puno_is_still_puno(engine: Engine) -> None:
    answer = engine.reply("hay CIAM en Taraco? mi abuelita vive alla")
    assert answer.province == "huancane", (answer.province, answer.rule)


def test_a_route_is_no_other_department_and_yields_to_the_place_of_the_case(
    engine: Engine,
) -> None:
    road = engine.reply("soy chofer del bus Juliaca Arequipa, donde queda el CEM de Juliaca?")
    assert road.province == "san_roman" and road.rule != "gate:elsewhere", (road.rule,)
    case = engine.reply(
        "manejo la combi de la ruta Puno Juliaca y en el paradero de Caracoto un señor"
        " le jalaba del pelo a su esposa"
    )
    assert case.province == "san_roman", (case.province, case.rule)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("m3 p3g4", ("me", "pega")),
        ("t3ng0 mi3d0", ("tengo", "miedo")),
        ("4to de secundaria", ("4", "to", "de", "secundaria")),
        ("la linea100", ("la", "linea", "100")),
    ],
)
def test_digits_for_letters_are_read_as_the_words_they_spell(
    engine: Engine, text: str, words: tuple[str, ...]
) -> None:
    assert engine.understanding.read(text).words == words


def test_a_dream_hides_its_acts_but_not_what_follows_it(engine: Engine) -> None:
    dream = engine.understanding.read("anoche sone que mi esposo me pegaba, que significa?")
    assert not dream.harm.present and dream.framed, dream.harm
    woke = engine.understanding.read(
        "anoche sone que mi esposo me pegaba y hoy me pego con el cinturon"
    )
    assert woke.harm.present, woke.harm


@pytest.mark.parametrize(
    ("text", "province"),
    [
        ("vivo en Ilave, Arequipa es muy lejos, donde hay CEM aca?", "el_collao"),
        ("me vine a Juliaca de Arequipa, donde queda el CEM?", "san_roman"),
        ("mi hijito se queda callao en el colegio, donde hay DEMUNA en Puno?", "puno"),
    ],
)
def test_a_district_beside_another_department_stays_in_puno(
    engine: Engine, text: str, province: str
) -> None:
    answer = engine.reply(text)
    assert answer.province == province, (text, answer.province, answer.rule)


def test_a_link_after_a_comma_starts_another_clause(engine: Engine) -> None:
    answer = engine.reply("vivo en Juliaca, de Arequipa me vine hace 2 años, donde hay CEM?")
    assert answer.province == "san_roman", (answer.province, answer.rule)
