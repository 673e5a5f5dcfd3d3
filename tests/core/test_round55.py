"""Round 55: which place is the case's when a message names several — back home, left with
someone, about to go, with whom, a live-in worker's house, "aquí en…"; acts denied by the one
who would do them, and harm still read behind a softened denial, a POV or a forwarded alert;
a radio spot quoted."""

from __future__ import annotations

import pytest

from bot.core.engine import Engine


def _safety_first(text: str) -> bool:
    return "Línea 100" in "\n".join(text.splitlines()[:3])


@pytest.mark.parametrize(
    ("text", "province"),
    [
        # back home, the place said after it
        (
            "estuve trabajando en Juliaca en una polleria, ya regrese a Lampa donde mi papa. "
            "mi hermano le insulta y le quita su plata a mi papa, a donde vamos",
            "lampa",
        ),
        ("hace dos semanas regrese a mi comunidad a Nuñoa, mi ex de Juliaca me amenaza", "melgar"),
        # left with a parent, where the writer works is not the case's place
        (
            "mis hijitos se quedaron con su papa en Macusani y el les pega con la correa, yo "
            "estoy trabajando en Juliaca",
            "carabaya",
        ),
        # about to go, the place asked there
        (
            "mi sobrina de 16 de Juli se va el lunes a Juliaca, un tipo le ofrecio trabajo en "
            "una discoteca, si le pasa algo alla a quien llamamos",
            "san_roman",
        ),
        # with whom, said by the writer
        (
            "mi hermanita es de Ayaviri pero vive con mi otra tia en Huancane y esa tia le pega "
            "con palo",
            "huancane",
        ),
        (
            "mis hijitos se quedaron con su abuelo en Putina, el los deja sin comer y yo estoy "
            "en Arequipa",
            "san_antonio_de_putina",
        ),
        # "aquí en…", where the writer is, before where the child comes from
        (
            "una niña de unos 10 años de Cojata vende dulces sola toda la noche aqui en Juliaca, "
            "dice que su tia la manda",
            "san_roman",
        ),
        # a live-in domestic worker, where she works and lives
        (
            "mi hija de 15 es de Moho, trabaja de empleada cama adentro en una casa en Juliaca "
            "y la patrona no le deja salir ni le paga",
            "san_roman",
        ),
        # "aquí en" said before where the person is from: the person's place
        (
            "aqui en Juliaca estoy, mi hermana de Ayaviri me llamo llorando, su esposo la esta "
            "pegando",
            "melgar",
        ),
        # "aquí en" said after where the person comes from: still the person's place
        ("mi hermana de Azangaro la pega su esposo, yo vivo aqui en Juliaca", "azangaro"),
        # where the one who harms stays is not the case's place
        ("el agresor se queda en Azangaro, mi hermana esta en Juliaca en mi casa", "san_roman"),
        # where one goes tomorrow yields to where the person is now
        (
            "se va mañana a Juliaca mi hija, ahora esta en Azangaro y su pareja la esta golpeando",
            "azangaro",
        ),
    ],
)
def test_the_case_is_where_the_person_is_now(engine: Engine, text: str, province: str) -> None:
    answer = engine.reply(text)
    assert answer.province == province, (text, answer.province, answer.rule)
    assert _safety_first(answer.text), answer.text


def test_the_department_after_aqui_en_is_no_place_of_the_writer(engine: Engine) -> None:
    answer = engine.reply(
        "me regrese de Tacna y ahora estoy en Ayaviri con mi papa que tiene discapacidad. "
        "aca en Puno donde se saca el carnet del CONADIS?"
    )
    assert answer.province != "puno", (answer.province, answer.rule)


@pytest.mark.parametrize(
    "text",
    [
        "a mis hijos nunca les he pegado, pero quiero saber si el CEDIF tiene escuela para padres",
        "no quiero terminar pegandoles a mis wawas como hacia mi papa, el CEDIF tiene talleres?",
        "mis hijos no me abandonaron como dicen los vecinos, solo quiero saber que es un CIAM",
    ],
)
def test_an_act_denied_is_no_case(engine: Engine, text: str) -> None:
    answer = engine.reply(text)
    assert answer.intent in ("describe", "locate"), (text, answer.intent, answer.rule)


@pytest.mark.parametrize(
    "text",
    [
        "mi esposo ya no me pega, ahora le pega a mi hija de 6 años",
        "mi pareja nunca me habia pegado hasta anoche, me reventó la boca",
        "mi esposo no me pega pero me insulta y no me deja salir de la casa",
        "mi esposo nunca me ha pegado tanto como ayer, que servicios hay en Puno",
        "mi esposo no me pega tanto como antes, que servicios hay en Juliaca",
        "pov tu pareja te pega. asi vivo yo. que servicios hay en Ayaviri",
        "reenvia a 10 grupos: se busca a Maria de 14 años, desaparecida en Juli desde el lunes",
    ],
)
def test_harm_said_with_a_no_a_pov_or_a_chain_is_still_harm(engine: Engine, text: str) -> None:
    answer = engine.reply(text)
    assert answer.intent in ("emergency", "referral"), (text, answer.intent, answer.rule)
    assert _safety_first(answer.text), answer.text


def test_a_radio_spot_quoted_is_no_case(engine: Engine) -> None:
    answer = engine.reply(
        "vamos a grabar un spot para la radio de Ilave que dice 'si te pegan, llama'. "
        "la linea 100 atiende en aimara?"
    )
    assert answer.intent == "describe", (answer.intent, answer.rule)
