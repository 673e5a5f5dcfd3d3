"""Red team 29: conversations. A case told in pieces keeps its person ("mi abuelita vive sola
en Zepita", then "mis tíos le quitaron su terreno"); a short worry after a case is about it,
not a new emergency the model echoes; "¿dónde saco el DNI?" after a case is another subject;
"ella tiene 70 años y vive en Lampa" after a question about the CIAM is where the CIAM is
asked for; an Aymara place with its locative ending ("Juliacan") is the place."""

from __future__ import annotations

from bot.core.engine import Engine
from bot.core.model import Answer


def converse(engine: Engine, *turns: str) -> list[Answer]:
    answers: list[Answer] = []
    context = None
    for turn in turns:
        answer = engine.reply(turn, context)
        answers.append(answer)
        context = answer.context
    return answers


def test_an_act_told_after_the_person_is_that_persons_case(engine: Engine) -> None:
    first, second = converse(
        engine,
        "mi abuelita vive sola en zepita",
        "mis tios le quitaron su terreno y ya no le llevan comida",
    )
    assert first.intent == "referral"
    assert second.intent == "referral"
    assert second.rule == "gate:harm_case"
    assert second.services[0] == "mi60"
    assert second.province == "chucuito"
    assert any("100" in line for line in second.text.splitlines()[:3])


def test_the_same_act_alone_is_nobodys_case(engine: Engine) -> None:
    # without the earlier turn nobody in particular is named: not read as harm
    answer = engine.reply("mis tios le quitaron su terreno y ya no le llevan comida")
    assert answer.harm != "ongoing"


def test_an_act_in_pieces_keeps_a_named_victim_of_its_own(engine: Engine) -> None:
    # the message names its own victim (a child): its case, not the earlier woman's
    *_, last = converse(engine, "es sobre mi vecina", "le pega a su hijo de 6 con correa")
    assert last.intent == "emergency"
    assert last.harm == "ongoing"


def test_a_worry_after_a_case_is_no_new_emergency(engine: Engine) -> None:
    *_, last = converse(
        engine,
        "hace un año mi enamorado me obligo a estar con el en una fiesta en Ayaviri, ya no lo "
        "veo. donde me pueden ayudar con un psicologo?",
        "cuanto cuesta?",
        "y si no me quieren atender?",
    )
    assert last.intent in ("describe", "referral")
    assert any("100" in line for line in last.text.splitlines()[:3])


def test_a_short_danger_after_an_emergency_stays_one(engine: Engine) -> None:
    *_, last = converse(engine, "mi esposo me esta golpeando, ayuda", "y si viene otra vez?")
    assert last.intent == "emergency"


def test_another_subject_after_an_emergency(engine: Engine) -> None:
    *_, last = converse(
        engine,
        "mi papa le esta pegando a mi mama ahorita",
        "ya se fue, ya se calmo",
        "otra cosa, donde saco el dni de mi hermanito?",
    )
    assert last.intent == "unknown"
    assert last.rule != "gate:case_follow_up"


def test_where_to_take_someone_after_a_case_is_still_the_case(engine: Engine) -> None:
    # "paro" is an out-of-scope word (a strike), "lo llevo" asks where to take the child
    *_, last = converse(
        engine,
        "mi vecino le esta pegando a su hijo con palo en la calle",
        "estamos en moho",
        "ya paro. a donde lo llevo al niño?",
    )
    assert last.intent == "referral"
    assert last.rule == "gate:case_follow_up"


def test_the_person_a_service_is_for_and_where(engine: Engine) -> None:
    _, second, third = converse(
        engine,
        "mi esposo quiere saber si el ciam es para su mama",
        "ella tiene 70 años y vive en lampa",
        "cuantos hay alla?",
    )
    assert (second.intent, second.rule) == ("locate", "gate:follow_up")
    assert second.services[0] == "ciam"
    assert second.province == "lampa"
    assert third.intent == "locate"
    assert third.services[0] == "ciam"
    assert "5" in third.text


def test_a_person_after_a_case_is_not_a_new_question(engine: Engine) -> None:
    # after a case (a referral), the person's age is still that case, not a place to locate
    _, second = converse(engine, "mi abuelito", "tiene 85 años")
    assert second.intent == "referral"
    assert second.services[0] == "mi60"


def test_an_aymara_place_with_its_locative_ending(engine: Engine) -> None:
    assert engine.understanding.read("juliacan jakasta").place is not None
    *_, last = converse(engine, "chachajax nuwitu", "juliacan jakasta")
    assert last.intent == "emergency"
    assert last.province == "san_roman"


def test_a_common_word_is_not_a_place_with_an_ending(engine: Engine) -> None:
    # "chupan" (they drink) is a word, not Chupa with -n
    assert engine.understanding.read("mis hermanos chupan todos los dias").place is None


def test_the_hours_asked_as_a_short_follow_up(engine: Engine) -> None:
    answers = converse(
        engine, "la linea 100 es gratis?", "y de noche?", "y los domingos tambien?", "y en aimara?"
    )
    for answer in answers:
        assert answer.intent == "describe"
        assert answer.services[0] == "linea_100"


def test_a_team_that_goes_out_at_night_is_asked_about(engine: Engine) -> None:
    *_, last = converse(
        engine,
        "hay un niño de 8 vendiendo caramelos solo a las 11 de la noche en el parque pino de puno",
        "los educadores de calle salen de noche?",
    )
    assert last.intent == "describe"
    assert last.services[0] == "educadores_calle"


def test_a_choice_among_a_list(engine: Engine) -> None:
    *_, last = converse(
        engine,
        "que servicios hay en san roman",
        "cual de esos es para niños?",
        "y cual atiende violencia contra la mujer?",
    )
    assert last.intent == "referral"
    assert last.services[0] == "cem"
    assert last.province == "san_roman"


def test_harm_told_in_new_words(engine: Engine) -> None:
    read = engine.understanding.read
    assert "no_vuelve" in read("gracias, pero mi hija sigue sin llegar desde ayer").harm.acts
    assert "sextorsion" in read("le pide mas fotos o dice que las va a publicar").harm.acts
    older = read("mi hermano le quita la pension a mi papa y lo deja sin comer")
    assert older.victims[0] == "adulto_mayor"
    # child support is no older adult's pension
    assert "adulto_mayor" not in read("mi expareja no le pasa la pension a mi hijo").victims


def test_the_province_said_before(engine: Engine) -> None:
    *_, last = converse(
        engine, "buenas, soy promotora de salud en putina", "cuantas demunas hay en la provincia?"
    )
    assert last.intent == "locate"
    assert last.province == "san_antonio_de_putina"


def test_a_story_told_day_and_night_asks_no_hours(engine: Engine) -> None:
    # "de día y de noche", "los sábados y los domingos" in a case are when it happens
    for text in (
        "mi esposo me pega los sabados y los domingos cuando toma, que hago?",
        "mi papa trabaja de dia y de noche nos pega, a quien aviso?",
        "un alumno de 12 trabaja de noche cargando bultos en el mercado, a donde se informa",
    ):
        assert "horario" not in engine.reply(text).text
