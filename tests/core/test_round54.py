"""Round 54: a worker who names their role before a case; cases disguised inside a play, an
exam or a meme, and stories said to be real after all; missing, pregnant and sold children
told in few words; idioms of school and of a parent's visits; a place written with its eñe."""

from __future__ import annotations

import pytest

from bot.core.engine import Engine


def _safety_first(text: str) -> bool:
    return "Línea 100" in "\n".join(text.splitlines()[:3])


@pytest.mark.parametrize(
    "text",
    [
        "soy enfermera, una paciente de 14 años llega con moretones en la espalda, Ilave",
        "profe aca: un alumno de 8 viene con marcas de correa en las piernas, Azangaro",
        "les escribe la tutora del 3ro B, una alumna tiene quemaduras en los brazos",
    ],
)
def test_a_workers_case_without_danger_now_is_a_referral(engine: Engine, text: str) -> None:
    answer = engine.reply(text)
    assert answer.intent == "referral", (text, answer.intent, answer.rule)
    assert _safety_first(answer.text), answer.text


def test_a_role_said_last_is_no_office(engine: Engine) -> None:
    answer = engine.reply(
        "hay convocatoria para trabajar en la municipalidad de Juliaca? soy enfermera"
    )
    assert answer.intent == "unknown", (answer.intent, answer.rule)


def test_a_workers_own_harm_stays_an_emergency(engine: Engine) -> None:
    answer = engine.reply("soy docente y mi esposo me pega todas las noches cuando llega borracho")
    assert answer.intent == "emergency", (answer.intent, answer.rule)


@pytest.mark.parametrize(
    "text",
    [
        "jaja mira el meme de 'te voy a pegar si no me respondes' xd",
        "montamos una obra con el elenco del colegio: en el tercer acto el esposo golpea a la "
        "protagonista. que servicio del MIMP nombramos al final?",
        "supuesto del examen de familia: una abuela es abandonada por sus hijos. que servicio "
        "del MIMP corresponde?",
        "mi hija esta jalando ingles, hay clases gratis en Puno?",
        "ya van 2 dias perdido mi celular en el mercado de Juliaca",
        "mi hijo de 15 años anda perdido en los juegos en red, no estudia nada",
    ],
)
def test_violence_in_a_play_an_exam_a_meme_or_an_idiom_is_no_emergency(
    engine: Engine, text: str
) -> None:
    answer = engine.reply(text)
    assert answer.intent != "emergency", (text, answer.intent, answer.rule)


@pytest.mark.parametrize(
    "text",
    [
        # a child pregnant or sold, told in few words
        "13 anitos embarazada y nadie dice quien fue",
        "una señora vende a su wawa de un mes por 300 soles en la feria de Ilave",
        # a story said to be real after all
        "dije que era para una tarea pero en verdad es mi vecina, su esposo la golpea cada noche",
        "la obra de teatro la escribi sobre una niña que su padrastro encierra sin comer, pero "
        "es la hija de mi vecina, vive en Juli",
        "pregunto por una amiga cuyo esposo la amenaza con cuchillo, bueno, soy yo",
    ],
)
def test_a_child_pregnant_or_sold_or_a_story_said_real_is_harm(engine: Engine, text: str) -> None:
    answer = engine.reply(text)
    assert answer.intent in ("emergency", "referral"), (text, answer.intent, answer.rule)
    assert _safety_first(answer.text), answer.text


def test_a_disguising_hypothetical_does_not_hide_self_harm(engine: Engine) -> None:
    answer = engine.reply("hipoteticamente si una quiere tomar las pastillas ahorita que hace")
    assert answer.intent == "emergency", (answer.intent, answer.rule)


def test_a_child_put_in_icy_water_as_punishment_is_an_emergency(engine: Engine) -> None:
    answer = engine.reply("su madrastra lo castiga metiendolo al agua fria del rio a mi sobrino")
    assert answer.intent == "emergency", (answer.intent, answer.rule)


def test_where_to_tell_a_case_is_asked_with_para_avisar(engine: Engine) -> None:
    answer = engine.reply(
        "el profe de mi hijo castiga a los niños dejandolos sin recreo y les grita feo. "
        "hay DEMUNA en Lampa para avisar?"
    )
    assert answer.intent == "referral", (answer.intent, answer.rule)
    assert "demuna" in answer.services, answer.services


def test_a_word_place_written_with_its_ene_is_the_district(engine: Engine) -> None:
    query = engine.understand("la abuelita vive sola y ya no tiene que comer. Muñani")
    assert query.place is not None and query.place.key == "210208", query.place
    assert engine.reply("wañuyta munani").intent == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        # a child lost for days, told in few words
        "mi nieta 13 años perdida, Ayaviri",
        "esta perdido hace tres dias mi hijo, no contesta nada",
        "sobrina de 16 desaparecida, 4 dias desaparecida ya",
        # harm beside the round's new frames, idioms and roles
        "en el elenco de diablada el caporal le pego a una chica de 14 en el ensayo",
        "se lleva a mi hija los domingos y ya no la devuelve, se la llevo a Bolivia",
        "soy el tutor legal de mi nieta, su padrastro la viola cuando me voy a la chacra",
        "hicimos un quiz en tutoria y una alumna de 11 marco que su tio la toca cuando esta sola",
        "mi hijito de 4 años perdido en la feria de Ilave, tiene chompa azul",
    ],
)
def test_a_child_lost_or_harm_beside_the_rounds_new_words_is_an_emergency(
    engine: Engine, text: str
) -> None:
    answer = engine.reply(text)
    assert answer.intent == "emergency", (text, answer.intent, answer.rule)


@pytest.mark.parametrize(
    ("text", "province"),
    [
        (
            "soy de Ilave, vine a Juliaca a estudiar y mi enamorado me pega en el cuarto",
            "san_roman",
        ),
        (
            "mi sobrina de Azangaro ahora me escribe que esta en una cantina en Putina y no la "
            "dejan salir",
            "san_antonio_de_putina",
        ),
        (
            "la señora es de Moho, sus hijitos estan solos en el cuarto que alquila aqui en Lampa "
            "desde ayer",
            "lampa",
        ),
    ],
)
def test_the_case_is_where_the_person_is_now(engine: Engine, text: str, province: str) -> None:
    answer = engine.reply(text)
    assert answer.province == province, (text, answer.province, answer.rule)
