"""Round 41: where the person of a letter is when it tells a move ("de X a Y", "se regresó a",
someone who "sigue allá"), a case told for someone else, a city named with its university, a
workplace said in the past or a post one was moved to; harm told by its traces (hiding, injuries
hidden), work offered to a child; a worker's choice of office; calm look-alikes (farm beasts,
matches with a score, study that "kills")."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.core.engine import Engine


@pytest.mark.parametrize(
    ("text", "province"),
    [
        # the writer came from one place to another: the case is where the writer is now
        (
            "tengo 15 me vine de ilave a puno para estudiar y vivo con mi tio, el me toca en las"
            " noches y dice que nadie me va a creer",
            "puno",
        ),
        # a child taken, a woman gone to live, a sister gone back: where each is now
        (
            "el papa de mi hija se la llevo de Puno a Cabana hace un mes y ahora la veo con"
            " moretones en los brazos",
            "san_roman",
        ),
        (
            "mi prima se fue de Ilave a vivir a Pomata con su pareja y ahora tiene la cara"
            " hinchada, dice que se cayo",
            "chucuito",
        ),
        (
            "mi hermana vivia conmigo en Puno pero hace dos meses se regreso a Huancane con su"
            " conviviente, ayer me llamo llorando porque le pego",
            "huancane",
        ),
        # someone who stays far from the writer: the first place away from the writer's
        (
            "me vine de Moho a Juliaca a trabajar pero mi sobrina de 10 sigue alla con su"
            " padrastro y me conto que le pega con chicote",
            "moho",
        ),
        (
            "somos de Azangaro, a mi hija le ofrecieron trabajo en Macusani y ahora la tienen"
            " lavando platos hasta la madrugada sin pagarle, sigue alla y no puede salir",
            "carabaya",
        ),
        # the one who harms stays there, the victim is here
        (
            "una chica de 17 que trabaja en mi casa aqui en Puno, es de Conima, me conto que su"
            " padrastro abuso de ella de niña, el padrastro sigue alla en Moho",
            "puno",
        ),
        # written for someone else, though the writer was also thrown out
        (
            "le escribo por mi mama que vive en Asillo, mi hermano le quita su pension y cuando"
            " reclame me boto a mi tambien, yo estoy trabajando en Juliaca",
            "azangaro",
        ),
        # a university's city is where the writer studies; a relative studying there is there
        (
            "soy estudiante de la UNA Puno y mi tesis es sobre violencia en Azangaro, que"
            " servicios hay alla",
            "azangaro",
        ),
        (
            "mi hermano de 20 estudia en la UNA Puno, es de Ayaviri, desde el sabado no contesta"
            " y sus amigos dicen que no volvio de una fiesta",
            "puno",
        ),
        # a worker's letter: where the girl comes from, not the hospital's city
        (
            "soy obstetra del hospital de Juliaca, atendimos a una adolescente de 14 procedente"
            " del distrito de Santa Rosa de Melgar, el embarazo es de su padrastro",
            "melgar",
        ),
        # where one worked before, and the post one was moved to
        (
            "trabajaba de profesora en Ilave y me trasladaron a Yunguyo, cuantas DEMUNA hay en"
            " la provincia?",
            "yunguyo",
        ),
    ],
)
def test_the_place_of_a_letter_that_tells_a_move(engine: Engine, text: str, province: str) -> None:
    assert engine.reply(text).province == province, text


@pytest.mark.parametrize(
    "text",
    [
        "mis hijitos se esconden debajo la cama cuando llega su papa borracho",
        "como tapo los moretones del brazo para ir al trabajo, no quiero que me pregunten",
        "tengo el ojo morado y un diente flojo, dice que no lo va a volver a hacer",
        "mi esposo dice que me va a romper las piernas si salgo sola",
        "el auxiliar del colegio las toca a las niñas de primaria y les dice que es su secreto",
        "un señor le ofrecio trabajo a mi hija de 15 en Arequipa, dice que le paga bien",
        "mi hijo de 13 no regresa del colegio desde ayer y no contesta",
        "hay un niñito llorando solo en la calle y ya es de noche",
    ],
)
def test_harm_told_by_its_traces_is_a_case(read_as_meant: Callable[..., None], text: str) -> None:
    read_as_meant(text, harmful=True)


@pytest.mark.parametrize(
    "text",
    [
        "el toro me pateo cuando lo amarraba, me duele la rodilla, sera grave?",
        "en el campeonato de box mi primo le abrio la ceja a su rival, que buena pelea",
        "en los carnavales se agarran a golpes con globos de agua, a que hora es el desfile?",
        "el binacional perdio 3 a 0, que paliza nos dieron",
        "la trigonometria me esta matando, manana es el examen",
        "es para una entrevista de ciencias sociales: antes pegarle a la esposa era normal?",
    ],
)
def test_look_alikes_are_not_emergencies(engine: Engine, text: str) -> None:
    assert engine.understand(text).intent != "emergency", text


@pytest.mark.parametrize(
    "text",
    [
        "encontramos a una niña de 8 sola en el terminal, a quien la entregamos?",
        "mi ex no me deja ver a mi hijo hace un mes, voy a la demuna o al juzgado?",
        "una alumna me conto que su tio le pega, debo ir al cem o lo ve la demuna?",
    ],
)
def test_a_choice_of_office_for_a_case_is_a_referral(engine: Engine, text: str) -> None:
    assert engine.understand(text).intent in ("referral", "emergency"), text
