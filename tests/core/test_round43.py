"""Round 43: harm said without the writer's pronoun or with the age said after (sextortion,
bruises a neighbour sees, a girl made to live with a man, a head shaved as punishment);
chosen or agreed acts that are no case (a trip with permission, a doctor's order, a savings
circle, a drill); a place signed at the end of a message, "el puño" that is not Puno, the
person's place said "allá" or with the verb left out, "Allá en mi pueblo, ¿…?"; safe said as
"ya salí de eso"; whether a service visits the home."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.core.engine import Engine
from bot.core.knowledge import Locality
from bot.core.localities import Localities


@pytest.mark.parametrize(
    "text",
    [
        "tiene mi foto y dice q la sube al facebook si no le yapeo 300 soles",
        "a la señora de la esquina se le ve golpeada otra vez, su marido llega borracho",
        "la obligaron a juntarse con un señor de 40, mi prima 15 nomas tiene",
        "en el internado le cortaron el pelo como castigo a mi sobrina, no quiere volver",
        "a mi tio lo dejaron solito en la choza sin frazada, 85 años tiene",
        "mi cuñado no deja salir a mi hermana ni a la posta y ella esta con fiebre",
    ],
)
def test_harm_without_the_writers_pronoun_opens_with_linea_100(
    read_as_meant: Callable[..., None], text: str
) -> None:
    read_as_meant(text, harmful=True)


def test_bleeding_for_hours_is_now(read_as_meant: Callable[..., None]) -> None:
    text = "mi cuñada esta sangrando desde la madrugada y su esposo no la lleva al hospital"
    read_as_meant(text, harmful=True, intent="emergency")


@pytest.mark.parametrize(
    "text",
    [
        "se llevaron a mi hijo de 12 a Arequipa en viaje de promocion, que es la UPE?",
        "el medico no me deja salir por la operacion, hay CIAM en Lampa?",
        "la plata de la junta que me toco la guarde para mi negocio, donde queda el CEM?",
        "nos dejaron encerrados en el salon por el simulacro, cuantas DEMUNA hay en Puno?",
        "tengo marcas en el brazo porque me pusieron la vacuna, es normal?",
        "mi hermano llego con el ojo hinchado, peleo en el torneo de karate y gano",
        "mi compañero de karate me golpeo en el entrenamiento, hay CEM en Juli?",
    ],
)
def test_a_chosen_or_agreed_act_is_no_emergency(engine: Engine, text: str) -> None:
    assert engine.reply(text).intent != "emergency"


@pytest.mark.parametrize(
    ("text", "province"),
    [
        # a centro poblado signed at the end, with no "en" before it
        ("mi esposo me encerro y se llevo la llave, ayudenme, Jayllihuaya", "puno"),
        # "el puño" is the fist, the place is Desaguadero
        ("mi pareja me pego con el puño anoche, vivo en Desaguadero", "chucuito"),
        # the person of the case "allá", or with the verb left out
        ("vivo en Juliaca, el caso es de mi tia que esta alla en Moho, su esposo le pega", "moho"),
        ("yo vivo en Puno y mi hermana en Ayaviri, su pareja la golpea cada semana", "melgar"),
    ],
)
def test_the_case_is_placed_where_the_person_is(engine: Engine, text: str, province: str) -> None:
    assert engine.reply(text).province == province


def test_a_place_word_that_is_ordinary_is_no_place_at_the_end(engine: Engine) -> None:
    answer = engine.reply("vivo en Ilave, mi esposo me grita cuando chupa")
    assert answer.province == "el_collao"


def test_localities_at_the_end_need_a_name_of_no_ordinary_word() -> None:
    places = [Locality("Jayllihuaya", "210101"), Locality("Esperanza", "210101")]
    index = Localities(places, ["en"])
    signed = index.find(["ayuda", "jayllihuaya"], lambda w: w == "esperanza")
    assert [h.name for h in signed] == ["Jayllihuaya"]
    assert index.find(["ayuda", "esperanza"], lambda w: w == "esperanza") == []
    assert index.find(["jayllihuaya", "ayuda"], lambda w: False) == []  # not at the end


def test_alla_before_the_question_asks_about_the_family_place(engine: Engine) -> None:
    answer = engine.reply("trabajo en Puno, mis papas son de Moho. Alla en el pueblo, ¿hay CIAM?")
    assert answer.intent == "locate" and answer.province == "moho"


def test_out_of_it_now_is_a_referral(read_as_meant: Callable[..., None]) -> None:
    text = (
        "de chica me hicieron trabajar en una cantina en la Rinconada, ya sali de eso y vivo en"
        " Puno, quiero un psicologo"
    )
    read_as_meant(text, harmful=True, intent="referral")


def test_a_home_visit_asked_is_answered_honestly(engine: Engine) -> None:
    first = engine.reply("la DEMUNA de Ilave puede venir hasta mi casa?").text.splitlines()[0]
    assert "DEMUNA de Ilave" in first and "visita a domicilio" in first and "Línea 100" in first


def test_coursework_said_as_the_reason_is_no_question_out_of_scope(engine: Engine) -> None:
    answer = engine.reply("¿donde atiende la UPE? es para un trabajo de la universidad")
    assert answer.intent in ("locate", "describe") and "upe" in answer.services


def test_a_supposed_case_asked_about_a_service_is_no_case(engine: Engine) -> None:
    # the harm supposed ("por ejemplo si…") of no one in particular; with "mi hijo" it is a case
    assert engine.understanding.read(
        "la demuna que ve? por ejemplo si un docente maltrata a un estudiante"
    ).harm.framed
    assert engine.reply("por ejemplo si un profe le pega a mi hijo, donde denuncio").intent in (
        "emergency",
        "referral",
    )


@pytest.mark.parametrize(
    ("text", "harmful"),
    [
        (
            "leimos Yawar Fiesta en clase y hay partes donde golpean a los indios, es violencia?",
            False,
        ),
        ("los hinchas de los dos equipos se agarraron a golpes en el estadio de Juliaca", False),
        ("leimos los mensajes de mi hija y un señor le pide fotos sin ropa", True),
        ("los hinchas se agarraron a golpes y mi esposo llego y me pego", True),
    ],
)
def test_a_book_read_or_fans_fighting_frame_only_what_is_nobodys_case(
    read_as_meant: Callable[..., None], text: str, harmful: bool
) -> None:
    read_as_meant(text, harmful=harmful)


def test_needs_listed_for_a_place_ask_what_it_has(engine: Engine) -> None:
    answer = engine.reply("en Lampa que ayuda hay del estado para violencia, niños y abuelitos?")
    assert answer.intent == "overview" and answer.province == "lampa"
