"""Round 44: what keeps people in or hits them without being a person (the weather, a strike,
the economy); someone taken to a hospital, held in a jail, a herd shut in; safe now when the
police took the one who harmed or she is in a parish; an older adult left in a hut without
blankets; a baby's papers taken; the place where the person is now (a hospital, a house where
she works) over where she comes from; a month the summary has no figures of."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest

from bot.core.answer._stats import missing_lines
from bot.core.engine import Engine


@pytest.mark.parametrize(
    "text",
    [
        "la granizada no nos deja salir de la comunidad desde el lunes, hay CIAM en Huancane?",
        "la crisis nos golpea feo a los comerciantes de Juliaca, que es la DEMUNA?",
        "el huayco no los deja pasar a los de Sandia, cuando abren la carretera",
        "lo tienen preso en el penal de Juliaca a mi compadre por robar una moto",
        "encerraron a las ovejas de mi abuela en el corral municipal, cuanto es la multa",
    ],
)
def test_no_person_harms_here(read_as_meant: Callable[..., None], text: str) -> None:
    read_as_meant(text, harmful=False)


@pytest.mark.parametrize(
    "text",
    [
        # a partner named after the cause is the one who harms (review 44)
        "desde la pandemia no me deja salir mi esposo, ni a ver a mi mama",
        "la economia nos golpea y encima mi papa nos golpea cuando toma",
        # an older adult left in a hut, found in the cold, a baby's papers taken
        "mis tios dejaron a mi abuelito en una chocita sin frazadas alla en la puna",
        "a la abuelita la encontramos sin abrigo anoche, temblando, vive sola",
        "mi suegra se llevo la partida de nacimiento de mi bebe, dice que lo va a regalar",
    ],
)
def test_harm_beside_the_new_idioms_opens_with_linea_100(
    read_as_meant: Callable[..., None], text: str
) -> None:
    read_as_meant(text, harmful=True)


def test_the_police_took_him_and_she_is_at_her_mothers_is_past(
    read_as_meant: Callable[..., None],
) -> None:
    text = (
        "el domingo su pareja la golpeo en Ayaviri, la policia ya se lo llevo detenido y ella"
        " esta en la casa de su mama, a donde la llevo para que la atienda una psicologa"
    )
    read_as_meant(text, harmful=True, intent="referral")


def test_a_girl_who_shuts_herself_in_is_no_one_shut_in(engine: Engine) -> None:
    text = "desde que termino con su enamorado mi hija se encierra en su cuarto, que es el CEDIF?"
    assert not engine.understanding.read(text).harm.present


@pytest.mark.parametrize(
    ("text", "province"),
    [
        ("mi prima esta en el hospital de Ilave, su esposo la quemo, ella es de Juli", "el_collao"),
        (
            "una chica de Moho trabaja como empleada en una casa de Puno y no la dejan salir",
            "puno",
        ),
    ],
)
def test_the_case_is_where_the_person_is_now(engine: Engine, text: str, province: str) -> None:
    assert engine.reply(text).province == province


def test_a_month_without_figures_is_said_first(engine: Engine) -> None:
    first = engine.reply("cuantos casos atendio el CEM en marzo del 2023").text.splitlines()[0]
    assert "marzo 2023" in first and "enero 2023" in first
    january = engine.reply("cuantos casos atendio el CEM en enero de 2023").text
    assert "no tiene cifras" not in january


def test_a_month_is_read_as_a_message_writes_it(engine: Engine) -> None:
    # the lexicon's names are compared as the message's words are: "Setiembre" is "setiembre"
    kb = engine.kb
    spelled = replace(kb, lexicon=replace(kb.lexicon, months={"Setiembre": 9}))
    query = engine.understanding.understand("cuantos casos atendio el CEM en setiembre de 2022")
    assert "setiembre 2022" in missing_lines(spelled, query)[-1]
