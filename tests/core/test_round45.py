"""Round 45: an animal killed by lightning or for a feast, a check-up that falls due, a
neighbour taken for a theft, animals shut in, a party and its hangover, a score, a visit
announced, a tenant put out for the rent, frost on a whole field (no person harmed); a father
told he is a burden, an ex who says she will end like a woman killed, a baby shaken hard, a
story on TV that is the writer's own (harm); the writer living in peace after the one who
harmed left (past)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.core.engine import Engine


@pytest.mark.parametrize(
    "text",
    [
        "la helada mato a mis ovejas en Mazocruz, hay algun apoyo del gobierno?",
        "carnearon un cordero para el bautizo de mi sobrino en Acora",
        "a mi esposa le toca la consulta del dentista el lunes en la posta de Juli",
        "al burro chucaro lo encerraron en el corral de la comunidad",
        "me pegue una gran parranda en los carnavales de Juliaca, hoy muerto de sueno",
        "mi cuñada dijo que van a venir a la boda desde Arequipa, donde alojamos a tanta gente",
        "la casera del cuartito nos echo por no pagar, ya estamos en otro lado, y la garantia?",
    ],
)
def test_no_person_harms_here(read_as_meant: Callable[..., None], text: str) -> None:
    read_as_meant(text, harmful=False)


@pytest.mark.parametrize(
    "text",
    [
        "mi cuñado le dijo a mi suegro que es una carga y que mejor se vaya de la casa",
        "mi exenamorado me escribe que si no regreso con el voy a terminar como la de las noticias",
        "mi conviviente zarandeo fuerte a la bebita porque no dejaba de llorar",
        "en la telenovela el esposo le grita y le quita la plata, me pasa lo mismo que a mi",
        # review 45: a killing told with "los" and shots, beside the football idiom's words
        "a mis dos sobrinos los mataron anoche en la cancha de Ayaviri, les dispararon",
        # -ir verbs typed without the accent, beside a place
        "mi conviviente me agredio ayer en la noche, vivo en Ayaviri",
        "mi papa le escupia en la cara a mi mama, ahora estamos en Juli",
    ],
)
def test_harm_opens_with_linea_100(read_as_meant: Callable[..., None], text: str) -> None:
    read_as_meant(text, harmful=True)


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
