"""Round 45: the writer living in peace after the one who harmed left (past), a protection
order she has (no figure), figures of a service asked by the staff of another, practical
follow-ups. The round's harm and calm messages are listed in ``phrases/round45.yaml``."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.core.engine import Engine


def test_the_one_who_harmed_left_and_she_lives_in_peace_is_past(
    read_as_meant: Callable[..., None],
) -> None:
    text = (
        "mi marido me maltrataba pero se fue a Arequipa el año pasado, ya vivimos tranquilos con"
        " mis hijos en Juli, igual quiero denunciarlo, a donde voy"
    )
    read_as_meant(text, harmful=True, intent="referral")


def test_a_protection_order_she_has_is_no_figure(read_as_meant: Callable[..., None]) -> None:
    text = (
        "el juez me dio medidas de proteccion y mi ex igual se para en la puerta de mi casa en"
        " Ayaviri todas las noches, que hago"
    )
    read_as_meant(text, harmful=True)


def test_figures_of_a_service_asked_by_the_staff_of_another(engine: Engine) -> None:
    answer = engine.reply(
        "trabajo en el CIAM de Ayaviri, para mi reporte: cuantas resoluciones directorales emitio"
        " el Mi60+ en el 2022?"
    )
    assert answer.intent == "stats"
    assert answer.services[0] == "mi60"


@pytest.mark.parametrize(
    ("first", "then", "intent"),
    [
        # a cue of "where" inside a practical topic is the topic's: what the service is like
        ("que es la demuna", "y cuanto cobran por atender?", "describe"),
        ("hay ciam en ayaviri?", "y atiende en la tarde?", "describe"),
        # a topic of where ("where: true" in practical.yaml) asks where the service is
        ("que es la oredis", "y la direccion?", "locate"),
    ],
)
def test_a_practical_follow_up_keeps_what_it_asks(
    engine: Engine, first: str, then: str, intent: str
) -> None:
    answer = engine.reply(then, engine.reply(first).context)
    assert answer.intent == intent
    assert answer.rule == "gate:practical"
