"""Idioms and frames must not swallow the real case that shares their words, and acts must
not fire on the calm sentences around a kitchen, a school or a nursery. Each sentence is
written for these tests, not taken from an evaluation set."""

from __future__ import annotations

import pytest

from bot.core.engine import Engine


@pytest.mark.parametrize(
    "text",
    [
        # a fight of the couple, not a boxing ring
        "cada vez que discutimos mi marido me trompea en cada pelea, vivo en Acora",
        # touching "la parte", not the part of a school project
        "el esposo de mi tia me toca la parte de abajo cuando se queda a dormir",
        "su abuelastro le tocó la parte íntima a mi sobrinita",
        # the weather said beside the beating, not striking the fields
        "con esta helada igual golpea a mi cuñada cada noche",
        "en plena granizada golpearon a mi papá unos borrachos en la esquina",
        # abducted to be taken away, not friends taking one out
        "a mi sobrina la secuestraron para ir a trabajar a una mina de Ananea",
        "dicen que a la chica la secuestraron para salir por Desaguadero a Bolivia",
        # a femicide at a dance or a match
        "su conviviente la mató en el baile del aniversario de la comunidad",
        # whips given to the writer at the carnival, out of jealousy
        "mi enamorado me dio chicotazos en el carnaval porque bailé con mi primo",
        # a neighbour who beats, whom people call a legend's name
        "un señor de mi barrio pega a su mujer cada noche, le dicen pishtaco",
        # the debt for food and room held against the pay of a minor
        "tengo 16, la señora del restaurante dice que le debo la comida y el cuarto y no me paga",
    ],
)
def test_idioms_do_not_hide_the_real_case(engine: Engine, text: str) -> None:
    understood = engine.understanding.read(text)
    assert understood.harm.present, text
    answer = engine.reply(text)
    assert answer.intent in ("emergency", "referral")
    assert "Línea 100" in "\n".join(answer.text.splitlines()[:3])


@pytest.mark.parametrize(
    "text",
    [
        # Quechua "perderse" with -yku- and the reflexive -chiku- (AMLQ chinkachikuy)
        "ususiy chinkaykun feria p'unchaw",
        "churiy chinkachikapun kunan tutamanta",
    ],
)
def test_quechua_forms_of_getting_lost_are_a_disappearance(engine: Engine, text: str) -> None:
    harm = engine.understanding.read(text).harm
    assert harm.present, text
    assert harm.level == "grave"


@pytest.mark.parametrize(
    "text",
    [
        "mi abuelita le pone la olla a la tushpa desde las cinco",
        "la técnica le pone agua caliente al lavador para el baño del bebé",
        "mi tío apaga el pucho en el cenicero de la tienda",
        "me rompí la madre ensayando para el concurso de sikuris",
        "me tiemblan las manos cuando llega el examen de admisión",
        "mis sobrinos juegan solitos en la calle hasta que oscurece en verano, es tranquilo",
        "la guagua me rasguñó la cara cuando le cambiaba el pañal",
        "me abandonó mi novio por otra, estoy triste nomás",
        "mi cuñada dejó un bebé con mi suegra porque trabaja en la feria",
        "vendo ropita para bebé en una caja de regalo, hay delivery a Juliaca?",
        "en el colegio me tocó la parte del CEM en el trabajo grupal",
        "en su pelea de box a mi hermano lo trompearon en cada pelea del campeonato",
    ],
)
def test_calm_sentences_stay_calm(engine: Engine, text: str) -> None:
    assert not engine.understanding.read(text).harm.present, text


def test_a_newborn_found_in_a_box_is_grave(engine: Engine) -> None:
    text = "vimos una bebita recién nacida en una bolsa al lado del puente"
    understood = engine.understanding.read(text)
    assert understood.harm.present
    assert understood.harm.level == "grave"


def test_where_the_victim_lives_beats_where_she_is_from(engine: Engine) -> None:
    text = "atendí a una abuelita de Capachica que vive en Ayaviri, su nieto le quita la plata"
    assert _province_read(engine, text) == "melgar"


def test_where_the_victim_is_from_still_counts_alone(engine: Engine) -> None:
    text = "atendí a una abuelita de Capachica, su nieto le quita la plata, a dónde la derivo"
    assert _province_read(engine, text) == "puno"


def _province_read(engine: Engine, text: str) -> str:
    place = engine.understanding.read(text).place
    assert place is not None
    if place.kind == "province":
        return place.key
    return engine.kb.districts[place.key].province
