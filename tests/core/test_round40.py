"""Round 40: an animal named before the acts frames them only while none is done to the
writer; "sin que se entere" asks about confidentiality; where the person of a long letter is
when it names several places (at a relative's, on holiday, sent away to herd, a son away, a
job offered as bait, "no está en X sino en Y", the writer's home village)."""

from __future__ import annotations

import pytest

from bot.core.engine import Engine


def test_an_animal_before_harm_to_the_writer_frames_nothing(engine: Engine) -> None:
    answer = engine.reply(
        "le escribo desde corani, la nevada nos ha matado varias crias de alpaca. mi esposo"
        " regresa tomado y la semana pasada me empujo contra la pirca del corral, tengo el"
        " brazo morado. hay una estrategia rural aqui?"
    )
    assert answer.intent in ("emergency", "referral")
    assert "Línea 100" in "".join(answer.text.split("\n")[:3])
    reading = engine.understanding.read(
        "la nevada nos ha matado varias crias de alpaca. la semana pasada mi esposo me empujo"
        " contra la pirca y tengo el brazo morado"
    ).harm
    assert reading.to_writer and not reading.framed
    # harm to an animal told before the act, nobody else harmed: no case
    for text in (
        "mi gatito tiene miedo desde q los chicos del barrio lo patearon, como lo calmo",
        "mi perro fue envenenado por el vecino en Ilave, donde denuncio",
    ):
        assert engine.reply(text).intent != "emergency", text


def test_without_anyone_knowing_is_a_question_of_confidentiality(engine: Engine) -> None:
    query = engine.understand("mi esposo me grita, el CEM me puede ayudar sin que se entere?")
    assert "confidencial" in query.topics
    assert "confidencial" in engine.understand("hay psicologo sin que sepa mi familia").topics


@pytest.mark.parametrize(
    ("text", "province"),
    [
        # at a relative's after fleeing, not the town fled from
        (
            "el lunes me escape de Yunguyo con mis hijos y ahora estoy en la casa de mi hermana"
            " en Juli, mi esposo me pegaba",
            "chucuito",
        ),
        # on holiday where the writer is now, not where the writer studies
        (
            "estudio en juliaca pero estoy de vacaciones en macusani, un profesor me hacia"
            " cosas cuando estaba en el colegio",
            "carabaya",
        ),
        # come to work there, not where the writer came from
        (
            "tengo 15, me vine de azangaro a trabajar en una mina por ituata, el señor no me"
            " paga y nos pega con manguera",
            "carabaya",
        ),
        # a child sent away to herd
        (
            "vivo en puno. mi sobrina de 13 es de ilave y la mandaron a pastear alpacas donde"
            " una familia en conduriri, la señora le pega con chicote",
            "el_collao",
        ),
        # a son away is not where his mother is
        (
            "soy tecnico de salud en macusani, encontramos a una abuelita sola y sin comida, su"
            " hijo se fue a la mina de Ananea hace meses y no vuelve",
            "carabaya",
        ),
        # the job offered is the bait; where they live is the place
        (
            "a mi hija de 16 una señora le ofrece trabajo de anfitriona en juliaca, quiere irse"
            " mañana, vivimos en putina, me da miedo que sea trata",
            "san_antonio_de_putina",
        ),
        # the writer's home village in a case of someone else
        (
            "vivo en Juliaca pero los fines de semana voy a mi pueblo en Vilque Chico, ahi un"
            " vecino deja a su hijito amarrado en el corral",
            "huancane",
        ),
        (
            "mi hija de 15 vive conmigo en jayllihuaya y un chico de juliaca la extorsiona con"
            " fotos",
            "puno",
        ),
    ],
)
def test_where_the_person_of_a_letter_is(engine: Engine, text: str, province: str) -> None:
    answer = engine.reply(text)
    assert answer.province == province, answer.rule


def test_the_city_of_puno_is_the_district(engine: Engine) -> None:
    answer = engine.reply(
        "vivimos en Juli y queremos adoptar. es cierto que la unidad de adopcion esta en la"
        " ciudad de Puno?"
    )
    assert answer.province == "puno"
