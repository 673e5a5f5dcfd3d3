"""Issue 10: context that steps aside or helps, answers of several parts, phone-first."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.core.engine import Engine
from bot.core.model import Answer

# -- context --------------------------------------------------------------------------------


def test_a_new_overview_question_is_not_a_follow_up(talk: Callable[..., Answer]) -> None:
    answer = talk("para qué sirve la demuna", "que servicios hay en pomata")
    assert (answer.intent, answer.province, answer.rule) == (
        "overview",
        "chucuito",
        "score:overview",
    )


def test_an_overview_follow_up_without_a_place_keeps_the_place(talk: Callable[..., Answer]) -> None:
    answer = talk("hay cem en lampa", "y qué servicios hay?")
    assert (answer.intent, answer.province) == ("overview", "lampa")


def test_choosing_from_a_list_by_situation_refers_there(talk: Callable[..., Answer]) -> None:
    answer = talk("que servicios hay en moho", "cual de esos ve casos de violencia?")
    assert (answer.intent, answer.province, answer.rule) == ("referral", "moho", "gate:follow_up")
    assert answer.services[0] == "cem"


def test_emergency_uses_the_place_said_before(talk: Callable[..., Answer]) -> None:
    answer = talk("vivo en ilave", "anoche me golpeó")
    assert (answer.intent, answer.province) == ("emergency", "el_collao")
    assert answer.text.index("100") < answer.text.index("El Collao")


def test_here_is_the_place_said_before(talk: Callable[..., Answer]) -> None:
    answer = talk("qué servicios hay en juli", "cuántos ciam hay ahí")
    assert (answer.intent, answer.services[0], answer.province) == ("locate", "ciam", "chucuito")


def test_a_ranking_follow_up_is_asked_of_every_province(talk: Callable[..., Answer]) -> None:
    answer = talk("en huancane cuantos ciam funcionan", "y cuál es la provincia con menos?")
    # not Huancane's: the department's ranking, whose one province is kept for what is next
    assert answer.province == "el_collao" and "Menos CIAM: El Collao (2)" in answer.text


# -- several parts --------------------------------------------------------------------------


def test_two_services_in_one_place(engine: Engine) -> None:
    answer = engine.reply("hay CAR y educadores de calle en Azángaro?")
    assert "no hay CAR" in answer.text and "no hay Educadores de Calle" in answer.text


def test_two_places_side_by_side(engine: Engine) -> None:
    answer = engine.reply("compara Puno y San Román")
    first, places = answer.text.splitlines()[:2], answer.text.splitlines()[1:3]
    assert "Puno y San Román" in first[0]
    assert places[0].startswith("• Puno: CEM 2") and places[1].startswith("• San Román: CEM 2")


def test_two_services_compared_say_what_the_seed_lacks(engine: Engine) -> None:
    answer = engine.reply("diferencia entre DEMUNA y UPE")
    assert set(answer.services) >= {"demuna", "upe"} and "no los compara" in answer.text


def test_two_kinds_of_a_service(engine: Engine) -> None:
    answer = engine.reply("CEM regular vs en comisaría")
    assert "13 CEM regular y 7 CEM en comisaría" in answer.text and "no explica" in answer.text


@pytest.mark.parametrize(
    ("question", "line"),
    [
        ("¿qué provincia tiene más CEM?", "Más CEM: Chucuito (3)."),
        ("¿qué provincia tiene menos DEMUNA?", "Menos DEMUNA: El Collao y Moho (4)."),
    ],
)
def test_the_province_with_most_or_least_comes_first(
    engine: Engine, question: str, line: str
) -> None:
    assert engine.reply(question).text.splitlines()[0].endswith(line)


# -- phone-first ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    ["dónde hay un CEM", "que es el cem", "que servicios hay en puno", "cifras del cem"],
)
def test_common_answers_fit_a_phone(engine: Engine, question: str) -> None:
    answer = engine.reply(question)
    assert len(answer.text.splitlines()) <= engine.kb.responses.max_lines
    assert answer.text.splitlines()[-1].startswith("Fuente:")


def test_more_information_gives_the_rest_once(engine: Engine) -> None:
    first = engine.reply("que servicios hay en chucuito")
    assert first.suggestions[0].label == "Más información"
    rest = engine.reply(first.suggestions[0].query, first.context)
    assert rest.rule == "gate:more" and "CEDIF Juli" in rest.text
    again = engine.reply(first.suggestions[0].query, rest.context)
    assert "No tengo más información" in again.text


def test_menu_cards_are_whole(engine: Engine) -> None:
    card = engine.province_card("chucuito")
    assert "CEDIF Juli" in card.text and not card.context.more


def test_the_overview_items_add_up_and_the_table_is_explained(engine: Engine) -> None:
    text = engine.reply("que servicios hay en el departamento").text
    assert "(37 en total)" in text and "da 36: no cuenta CONADIS" in text


def test_harm_told_earlier_keeps_linea_100_first_and_the_place(talk: Callable[..., Answer]) -> None:
    answer = talk("vivo en ilave", "mi esposo me pega", "qué es la demuna")
    assert answer.harm == "earlier" and answer.province == "el_collao"
    assert "Línea 100" in answer.text.splitlines()[0]
    thanks = talk("mi esposo me pega", "gracias")
    assert thanks.text.count("Línea 100") == 1  # the greeting already offers it


def test_a_service_named_after_an_overview_is_located(talk: Callable[..., Answer]) -> None:
    answer = talk("en juliaca qué servicios del mimp funcionan", "y el SAU?")
    assert (answer.intent, answer.services[0], answer.province) == ("locate", "sau", "san_roman")


def test_inline_results_are_whole(engine: Engine) -> None:
    first = engine.inline_results("servicios en chucuito")[0]
    assert "CEDIF Juli" in first.text and not first.context.more


def test_figures_of_two_services(engine: Engine) -> None:
    answer = engine.reply("que atendio mas casos el 2022, el cem o el sau")
    assert "4 551" in answer.text and "448" in answer.text


def test_a_whole_service_card_lists_each_province_once(engine: Engine) -> None:
    text = engine.service_card("cem").text
    assert "• Chucuito: 3" in text and "Chucuito 3 ·" not in text
