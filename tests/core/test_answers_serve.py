"""Answers that serve the person in a long message with a case, a place and a practical
question (red team 22): the need asked is answered, the victim keeps their own services, a
practical line never names an office that is not there, and what is asked as a question is
answered even when the data lacks it."""

from __future__ import annotations

import pytest

from bot.core.engine import Engine
from bot.evaluate import comparable


def _text(engine: Engine, message: str) -> str:
    return comparable(engine.reply(message).text)


# -- needs beside a case -----------------------------------------------------------------------


def test_where_to_report_is_answered_beside_harm_only(engine: Engine) -> None:
    told = engine.reply(
        "a mi cunada su marido la patea cuando toma, como denuncia ella? vive en Lampa"
    )
    assert "comisaria" in comparable(told.text) and "fiscalia" in comparable(told.text)
    # the same words after a stolen phone are no case (case_phrases of situations.yaml)
    calm = engine.understand("me quitaron la billetera en el terminal, donde denuncio")
    assert calm.situation != "denuncia" and calm.intent != "referral"


def test_an_older_adult_keeps_their_services_and_the_need_is_answered(engine: Engine) -> None:
    answer = engine.reply(
        "mi abuelito de 83 vive en Caracoto y mi tio le pega, donde se denuncia eso?"
    )
    assert {"mi60", "ciam"} & set(answer.services)
    assert "comisaria" in comparable(answer.text)


def test_two_needs_beside_a_case_both_get_their_answer(engine: Engine) -> None:
    text = _text(
        engine,
        "mi vecina de Pilcuyo es golpeada por su pareja, donde puede denunciar? "
        "hay abogado gratis?",
    )
    assert "comisaria" in text and "defensa judicial" in text


# -- the victim's own services ---------------------------------------------------------------------


def test_someone_elses_child_beaten_is_the_childs_case(engine: Engine) -> None:
    answer = engine.reply(
        "el vecino de Ayaviri golpea a su hijito de 7 con la correa casi todos los dias"
    )
    assert "demuna" in answer.services and answer.context.situation == "maltrato_nna"


def test_a_mother_beaten_before_her_children_is_her_own_case(engine: Engine) -> None:
    query = engine.understand("mi conviviente me golpea delante de mis hijos, vivo en Azangaro")
    assert query.situation == "violencia"


def test_a_girl_gone_with_her_boyfriend_is_reported_at_once(engine: Engine) -> None:
    answer = engine.reply("mi hija de 14 se fue con su enamorado hace dos dias, somos de Ayaviri")
    assert "sin esperar 24 horas" in comparable(answer.text)


@pytest.mark.parametrize(
    "message",
    [
        "ahorita un borracho esta zamaqueando a su esposa en la calle de Juli",
        "un hombre esta arrastrando a una señora de los pelos en el mercado de Ilave",
    ],
)
def test_assault_seen_now_is_an_emergency(engine: Engine, message: str) -> None:
    answer = engine.reply(message)
    assert answer.intent == "emergency" and "105" in answer.text.splitlines()[2]


# -- practical questions ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "wrong"),
    [
        ("a que hora atiende el cem, vivo en Platería", "cem de plateria:"),
        ("direccion de la upe, soy de Juliaca", "upe de juliaca"),
        ("que requisitos pide la unidad de adopcion? vivimos en Ayaviri", "ua de ayaviri"),
    ],
)
def test_a_practical_line_names_no_office_that_is_not_there(
    engine: Engine, message: str, wrong: str
) -> None:
    assert wrong not in _text(engine, message)


def test_a_line_of_the_line_100_names_no_place(engine: Engine) -> None:
    answer = engine.reply("mi esposo me pega, vivo en Coata, a que numero llamo?")
    assert "linea 100 de" not in comparable(answer.text)


def test_a_question_asked_beside_a_case_is_answered_when_the_data_lacks_it(engine: Engine) -> None:
    text = _text(
        engine,
        "mi pareja me pego ayer, estoy en Ilave. si voy al cem, el se va a enterar? "
        "es confidencial?",
    )
    assert "no tengo informacion sobre la confidencialidad" in text


def test_the_topic_is_about_the_service_named_in_its_sentence(engine: Engine) -> None:
    text = _text(
        engine,
        "mi esposo me tiro contra la pared, vivo en Vilque. El CEM me queda lejos. "
        "en la linea 100 hablan quechua?",
    )
    assert "linea 100: atiende en castellano, quechua y aimara" in text


def test_a_language_the_service_data_lacks_names_the_line_100s(engine: Engine) -> None:
    text = _text(engine, "el cem de ayaviri atiende en aimara?")
    assert "cem de ayaviri: no tengo los idiomas" in text
    assert "linea 100: atiende en castellano, quechua y aimara" in text


def test_what_a_service_offers_is_said_when_asked_beside_a_practical_question(
    engine: Engine,
) -> None:
    text = _text(engine, "el CEDIF hace talleres de escuela para padres? hay que pagar?")
    assert "escuela para padres" in text and "si cobra" in text


def test_a_second_place_is_read_in_the_first(engine: Engine) -> None:
    answer = engine.reply("cuantas DEMUNA hay en Melgar y si la de Santa Rosa funciona")
    assert "el collao" not in comparable(answer.text) and answer.province == "melgar"


def test_what_a_need_answers_is_not_said_missing(engine: Engine) -> None:
    text = _text(
        engine,
        "mi esposo me boto anoche, estoy en Juli con mis dos wawas. hay refugio? "
        "puedo ir con mis hijos?",
    )
    assert "hogar de refugio temporal" in text and "puede ir con sus hijos" not in text


def test_the_number_asked_beside_a_case_is_the_cards_own(engine: Engine) -> None:
    text = _text(engine, "ahorita mi pareja me esta golpeando en Azangaro, a que numero llamo?")
    assert "105" in text and "no tengo el telefono" not in text


# -- the department's name said alone ------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "department_line"),
    [
        # "Puno" alone: the province, and the department's total too, for either reading
        ("cuantos cem hay en puno", "en todo el departamento de puno: 20 cem"),
        ("que servicios hay en puno", "en todo el departamento de puno: servicios que opera"),
        # a level said: that reading only
        ("cuantos cem hay en la provincia de puno", None),
        ("que servicios hay en la provincia de puno", None),
    ],
)
def test_the_department_name_alone_gets_the_department_total_too(
    engine: Engine, message: str, department_line: str | None
) -> None:
    text = _text(engine, message)
    assert "la provincia de puno" in text
    if department_line is None:
        assert "en todo el departamento de puno:" not in text
    else:
        assert department_line in text
