"""Round 56: questions about the bot itself (who reads, whether it keeps the messages, what it
costs, voice notes, languages, complaints) answered first, alone or after a case's card; a
child made to drink, a touch told in the progressive, a grade for a date, a child kept
selling: harm read; and the look-alikes that stay calm."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.core.engine import Engine
from bot.core.knowledge import Knowledge


def _answer_of(kb: Knowledge, topic: str) -> str:
    return next(t.answer for t in kb.practical.bot_topics if t.id == topic)


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("una pregunta: quien revisa los mensajes de este chat?", "quien_lee"),
        ("buenas noches, usted es una persona o un programa?", "quien_lee"),
        ("ustedes guardan mis mensajes o se borran solos", "guarda"),
        ("hay que pagar para preguntarte cosas?", "costo"),
        ("a media noche tambien respondes?", "horario_bot"),
        ("entiendes aymara? escribo mejor en aymara", "idiomas_bot"),
        ("te puedo mandar un audio mejor?", "audios"),
        ("que chat tan malo, no sirves para nada", "queja"),
        ("esto es del estado o de una ong?", "quien_hizo"),
    ],
)
def test_a_question_about_the_bot_is_answered_first(
    engine: Engine, kb: Knowledge, text: str, topic: str
) -> None:
    answer = engine.reply(text)
    assert answer.intent == "help", text
    assert answer.rule == "score:help", text
    # (after the Línea 100 where the model suspects harm: "¿guardan mis mensajes?")
    assert _answer_of(kb, topic) in answer.text.splitlines()[:3], text


def test_beside_a_case_the_card_comes_first_then_the_bot(engine: Engine, kb: Knowledge) -> None:
    answer = engine.reply("me lees? mi cuñado golpea a mi hermana todas las noches en Ilave")
    lines = answer.text.splitlines()
    assert answer.intent == "emergency"
    assert "Línea 100" in "\n".join(lines[:3])
    assert lines[-1] == _answer_of(kb, "quien_lee")


@pytest.mark.parametrize(
    "text",
    [
        # a service's practice, not the bot's
        "el CEM guarda en secreto lo que uno cuenta?",
        "quien atiende en la DEMUNA de Juli los sabados?",
        # "who do I talk to" about something else
        "no me dieron mi constancia en la municipalidad, con quien hablo?",
        # said of a person, not of the bot
        "mi esposo es malo pero no me pega, que hace el CEDIF?",
        # review 56b: of a service or a complaint, not of the bot
        "usted puede llamar al 105 aunque no tenga saldo?",
        "la policia puede ver mis mensajes de whatsapp si denuncio?",
        "se puede escribir con faltas en la denuncia?",
        "la linea 100 solo es para informar o tambien mandan ayuda?",
    ],
)
def test_look_alikes_are_not_about_the_bot(engine: Engine, text: str) -> None:
    assert not engine.understanding.read(text).bot_topics, text


@pytest.mark.parametrize(
    "text",
    [
        "mi tio le hace tomar trago a mi primito de 7 en cada fiesta",
        "cuando venia del colegio en la custer un viejo me estaba frotando por atras, tengo 13",
        "mi profesor de mate dice que si no voy a su casa me desaprueba, tengo 14",
        "mi madrina me tiene cargando bultos en el mercado desde las 4 y no me deja ir al "
        "colegio, tengo 12",
        # review 56: still harm beside the round's idioms and homework shouts
        "le dimos una paliza al ratero en el partido y lo dejamos tirado, sera que se muere?",
        "van a secuestrar a mi hija para la fiesta si no les pago la deuda",
        "AYUDAAA el profe me pidio una exposicion a solas en su oficina y me quiere besar",
        # held-out 83 (after its sealed run): a wish to die beside the news that woke it
        "desde que escuche en la radio lo de ese caso me acuerdo de lo que me paso y ya no "
        "quiero vivir",
        # review 56b
        "el de la bota nueva me estuvo rozando en la custer",
        "le di una golpiza a mi compañero en el examen porque no me dejo copiar, ahora esta en "
        "la posta",
        "con quien estoy hablando? un señor de la combi me sigue todos los dias hasta el colegio",
    ],
)
def test_harm_without_the_usual_verbs(engine: Engine, text: str) -> None:
    answer = engine.reply(text)
    assert answer.intent in ("emergency", "referral"), text
    assert "Línea 100" in "\n".join(answer.text.splitlines()[:3]), text


@pytest.mark.parametrize(
    "text",
    [
        "las sandalias nuevas me estaban rozando en la procesion, donde hay un CIAM en Puno",
        "en la fiesta del pueblo nos dieron cerveza hasta que se acabo, que es la UPE",
        # review 56: rubbed, not in a journey ("mi abuela me estuvo frotando con mentol")
        "mi abuela me estuvo frotando el pecho con mentol por la tos, que es el CIAM",
        "le di una paliza a mi tio en las cartas jaja, que hace la DEMUNA",
        # review 56b: homework photos, a kitchen left dirty
        "la profe me pide fotos del mural, si no le mando sube las del otro grupo",
        "tengo fotos de como me dejo mi esposo la cocina jaja, que es el CEM",
    ],
)
def test_their_calm_look_alikes(read_as_meant: Callable[..., None], text: str) -> None:
    read_as_meant(text, harmful=False)
