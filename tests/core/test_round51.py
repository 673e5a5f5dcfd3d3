"""Round 51: when it happens — safe at a relative's today, a stabbing or a rape told before
"ya está donde su mamá" still urgent —, people talking to the bot (a first message, privacy,
help), and what a boss, a timetable or a film "kill". The round's harm and calm messages are
listed in ``phrases/round51.yaml``."""

from __future__ import annotations

import pytest

from bot.core.engine import Engine

CALL_105 = "105"


def _top(text: str) -> str:
    return "\n".join(text.splitlines()[:3])


def test_a_case_at_her_sisters_today_is_referred(engine: Engine) -> None:
    answer = engine.reply(
        "soy promotora de salud en Vilquechico, a una comunera su esposo la golpea cada"
        " sabado que se emborracha, hoy esta donde su hermana, a donde la mando?"
    )
    assert answer.intent == "referral", (answer.intent, answer.rule)
    assert "Línea 100" in _top(answer.text), answer.text
    assert "cem" in answer.services, answer.services


@pytest.mark.parametrize(
    "text",
    [
        "su conviviente la acuchillo anoche, ya esta donde su mama",
        "mi padrastro me violo, ahorita ya estoy en casa con el",
        "mi hija tomo veneno por lo que le hace su papa, ahorita ya esta mejor",
        "me escape pero ahorita ya estoy en casa otra vez con el y me va a pegar",
    ],
)
def test_danger_told_before_a_loose_mark_of_safety_stays_urgent(engine: Engine, text: str) -> None:
    answer = engine.reply(text)
    assert answer.intent == "emergency", (text, answer.intent, answer.rule)


def test_child_support_is_no_older_adults_pension(engine: Engine) -> None:
    answer = engine.reply(
        "el papa de mi wawa no le deposita su pensioncita de alimentos hace un año"
    )
    assert "mi60" not in answer.services[:2], answer.services


def test_the_upe_said_of_men_who_take_children_is_no_question(engine: Engine) -> None:
    answer = engine.reply("unos tipos dicen que son de la upe y se estan llevando a los ninos")
    assert answer.intent == "emergency", (answer.intent, answer.rule)


def test_a_partner_who_kills_for_being_late_is_no_idiom(engine: Engine) -> None:
    answer = engine.reply("mi marido me mata si llego tarde de la feria, ya me ha pegado antes")
    assert answer.intent == "emergency", (answer.intent, answer.rule)


def test_a_first_message_given_by_an_office_gets_the_help_card(engine: Engine) -> None:
    answer = engine.reply("buenas, en la muni de Lampa me pasaron este numero")
    assert answer.intent == "help", (answer.intent, answer.rule)


def test_a_first_message_with_a_question_gets_its_answer(engine: Engine) -> None:
    answer = engine.reply("hola, me pasaron este numero, hay CEM en Ayaviri?")
    assert answer.intent == "locate", (answer.intent, answer.rule)
    assert answer.services[:1] == ("cem",), answer.services


def test_confidentiality_asked_of_no_service_is_the_line_100s(engine: Engine) -> None:
    answer = engine.reply("se puede llamar sin decir mi nombre? en mi pueblo todos hablan")
    assert answer.intent == "describe", (answer.intent, answer.rule)
    assert answer.services[:1] == ("linea_100",), answer.services


def test_a_story_said_to_be_fiction_is_no_case(engine: Engine) -> None:
    told = (
        "en la serie el esposo la encierra y la golpea. ya se que es serie nomas, que hace el cem?"
    )
    assert engine.reply(told).intent != "emergency"
    real = engine.reply("ya se que no es una serie, mi esposo me encierra y me golpea")
    assert real.intent == "emergency", (real.intent, real.rule)
    assert CALL_105 in real.text


def test_the_bot_that_does_not_answer_is_no_missing_person(engine: Engine) -> None:
    assert engine.reply("hace media hora te escribo y no contestas").intent != "emergency"
    missing = engine.reply("mi hijo de 12 salio al colegio y no contesta hasta ahora")
    assert missing.intent == "emergency", (missing.intent, missing.rule)


@pytest.mark.parametrize(
    "text",
    [
        "tengo 15 años, el año pasado mi padrastro me pegaba, vivo con mi tia, donde denuncio?",
        "soy menor de edad, mi papa me pegaba con la correa, ya vivo con mi abuela, a donde voy",
    ],
)
def test_a_young_writers_own_case_is_a_childs(engine: Engine, text: str) -> None:
    answer = engine.reply(text)
    assert answer.intent == "referral", (answer.intent, answer.rule)
    assert answer.services[:1] in (("demuna",), ("upe",)), answer.services


def test_a_mothers_own_case_with_her_children_named_stays_hers(engine: Engine) -> None:
    answer = engine.reply("mi esposo me pegaba delante de mis hijos, ya me separe, donde denuncio?")
    assert answer.services[:1] == ("cem",), answer.services


@pytest.mark.parametrize(
    "text",
    [
        "tengo 12 años de casada y mi esposo me humilla, ya me separe, donde denuncio?",
        "tengo 16 y mi enamorado me pego el sabado, ya no lo veo, a donde voy a denunciar",
        "soy menor que mi esposo y me insultaba, ya me separe, donde puedo ir",
    ],
)
def test_years_married_or_a_partner_keep_the_womans_case(engine: Engine, text: str) -> None:
    answer = engine.reply(text)
    assert answer.services[:1] == ("cem",), (text, answer.services)
