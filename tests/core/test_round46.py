"""Round 46: which institutions a place has, asked in the register of official letters;
harm in words the lexicon missed (a typed "persigio", the wound told by the part of the body,
what the partner did left unsaid) and their calm look-alikes."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.core.engine import Engine


@pytest.mark.parametrize(
    "text",
    [
        "sírvase indicar qué organismos públicos intervienen en el distrito de Pusi",
        "agradeceré me informen las entidades de protección existentes en la provincia de Moho",
        "soy teniente gobernador, qué instituciones de protección existen en la provincia de Lampa",
    ],
)
def test_institutions_of_a_place_asked_formally_are_its_services(engine: Engine, text: str) -> None:
    answer = engine.reply(text)
    assert answer.intent in ("overview", "locate"), (text, answer.rule)


@pytest.mark.parametrize(
    "text",
    [
        # "persiguió" typed "persigio"
        "un señor la persigio a mi sobrina desde la feria hasta su casa en Azangaro",
        "un tipo la persigio a mi hija del colegio, que hago",
        "mi hija de 15 no quiere regresar sola del colegio porque un tipo la sigue",
        # the wound told by the part of the body it left
        "mi conviviente me dejo la espalda hinchada con el cinturon, estoy en Ilave",
        "el papa de mis hijos le dejo el brazo cortado a mi hermana con una botella",
        # what the partner did, left unsaid
        "lo que le hizo su padrastro a mi prima nadie lo sabe todavia, a donde la llevo",
        # review 46: a place on the road where someone was killed, a healer who hit
        "en la bajada del puente lo mataron a mi primo anoche",
        "mi esposo que es doctor me dejo la cara morada de un golpe",
        # told to the writer after a training on it
        "nos capacitaron sobre tocamientos y despues una alumna me conto que su tio la toca",
    ],
)
def test_harm_in_these_words_opens_with_linea_100(
    read_as_meant: Callable[..., None], text: str
) -> None:
    read_as_meant(text, harmful=True)


@pytest.mark.parametrize(
    "text",
    [
        "el perro de la vecina le persigue a mi hijo cuando va a la escuela",
        "el señor la sigue visitando a mi abuelita cada domingo, hay CIAM en Ilave?",
        "el sol de la feria me dejo la cara quemada, que crema uso",
        # an animal's blood in a ritual, a house on fire by itself, an animal that chases,
        # a kick in a game, a history lesson, the climb that "killed"
        "en la ch'alla de agosto con su sangre rociamos la chacra, mi tio mato el cordero",
        "se quemo la chocita de mi abuela por el fogon, felizmente nadie estaba adentro",
        "de niño me correteaba un ganso en la casa de mi abuelo, ahora me rio",
        "en la pichanga del domingo un rival le dio un codazo a mi primo, cosas del futbol",
        "a Tupac Katari lo mataron jalado por caballos en 1781, es para mi tarea",
        "ufff me mato la caminata hasta la comunidad, tres horas de subida",
        # an association asks what a place has, for a group or for the day it sees harm
        "somos del club de madres, si alguna vez vemos maltrato a los niños a quien avisamos",
        "que hay en Yunguyo para proteger a las señoras del maltrato, para pegarlo en el local",
        # the verb of a training
        "el cem nos capacito sobre acoso y tocamientos en el colegio, que otros servicios hay",
    ],
)
def test_no_person_harms_here(read_as_meant: Callable[..., None], text: str) -> None:
    read_as_meant(text, harmful=False)


@pytest.mark.parametrize(
    "text",
    [
        # a man met online who wants to see a girl, or asks her to keep it secret
        "mi hija de 13 chatea con un señor y el le dijo que todo esto queda entre los dos",
        "a mi sobrina de 12 un tipo que conocio en free fire la quiere ver este sabado",
    ],
)
def test_grooming_opens_with_linea_100(read_as_meant: Callable[..., None], text: str) -> None:
    read_as_meant(text, harmful=True)


@pytest.mark.parametrize(
    "text",
    [
        "a mi tia la golpeo su esposo el domingo, ahora esta en mi casa tranquila, a donde vamos",
        # the one who harmed held; a child back to school
        "mi cuñado le pego a mi hermana y ya se encuentra detenido, a donde la llevamos",
        # a report: her age between, and her fear of going home alone
        "atendimos a una señora de 63 años agredida por su yerno, el ya se encuentra detenido"
        " y ella no quiere volver sola a su casa, que servicio la acompaña",
        "a mi sobrino lo hacian trabajar en la mina, ahora vive con su abuela y va al colegio,"
        " que servicio lo puede acompañar",
    ],
)
def test_safe_now_is_a_case_to_refer(read_as_meant: Callable[..., None], text: str) -> None:
    read_as_meant(text, harmful=True, intent="referral")


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("va a granizar mañana en Ayaviri? queremos sacar a los niños a la feria", "unknown"),
        ("la DEMUNA es solo para los niños o tambien ve a los adolescentes?", "describe"),
        ("que instituciones del estado trabajan aqui en Nuñoa para los abuelitos?", "overview"),
    ],
)
def test_the_weather_whom_a_service_is_for_and_what_works_in_a_place(
    engine: Engine, text: str, intent: str
) -> None:
    assert engine.reply(text).intent == intent, text
