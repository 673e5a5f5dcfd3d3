"""Round 53: what a court, a notary or a private lawyer does, asked beside a family situation;
harm verbs in an everyday meaning; and (below) the round's other cases."""

from __future__ import annotations

import pytest

from bot.core.engine import Engine


@pytest.mark.parametrize(
    "text",
    [
        "tengo la tenencia de mi hijo. a que hora atiende el juzgado de paz de Ilave?",
        "nos separamos bien y ya firmamos lo de los niños. cuanto demora el juicio de divorcio?",
        "ya nos separamos y todo esta acordado. en que horario atiende la notaria de Juli?",
    ],
)
def test_a_legal_matter_asked_beside_a_family_situation_is_outside(
    engine: Engine, text: str
) -> None:
    answer = engine.reply(text)
    assert answer.intent == "unknown", (text, answer.intent, answer.rule)


def test_a_service_named_beside_the_legal_matter_is_still_answered(engine: Engine) -> None:
    answer = engine.reply(
        "tengo audiencia de alimentos la otra semana. la DEMUNA de Juli me puede orientar?"
    )
    assert answer.intent in ("locate", "describe", "referral"), (answer.intent, answer.rule)
    assert "demuna" in answer.services, answer.services


def test_harm_beside_a_legal_question_is_still_harm(engine: Engine) -> None:
    answer = engine.reply(
        "mi esposo me pega y no da para los niños. cuanto cobra un abogado particular?"
    )
    assert answer.intent in ("emergency", "referral"), (answer.intent, answer.rule)
    assert "Línea 100" in "\n".join(answer.text.splitlines()[:3])


@pytest.mark.parametrize(
    "text",
    [
        "el banco nos ahorca con la cuota, ya no sabemos que hacer",
        "mi jefa me mata con tantos pedidos esta semana en la tienda de Ilave",
        "me estan siguiendo miles en instagram desde el video del carnaval",
        "mi papa me va a matar si llego tarde otra vez al ensayo jaja",
        "a mi cuñada se la llevaron anoche a la posta para su parto, ya nacio el bebe",
    ],
)
def test_harm_verbs_in_an_everyday_meaning_are_no_emergency(engine: Engine, text: str) -> None:
    answer = engine.reply(text)
    assert answer.intent != "emergency", (text, answer.intent, answer.rule)


@pytest.mark.parametrize(
    "text",
    [
        "me estan siguiendo un monton de tipos cuando salgo del colegio",
        "un señor me esta siguiendo en tiktok y me escribe cosas feas",
        "mi esposo me ahorca con la correa cuando toma",
        "se la llevaron a la fuerza y no la dejan salir, ayuda",
        "mi ex dice que me va a matar si no vuelvo con el",
    ],
)
def test_the_same_verbs_said_of_real_harm_stay_urgent(engine: Engine, text: str) -> None:
    answer = engine.reply(text)
    assert answer.intent == "emergency", (text, answer.intent, answer.rule)


@pytest.mark.parametrize(
    "text",
    [
        "mi prima se vino con sus wawas a mi casa en Ilave, su esposo la pego anoche pero el no"
        " sabe que esta aqui. donde hay CEM?",
        "a mi nieto le pego su padrastro, se queda con su abuela y esta bien cuidado. la DEMUNA"
        " puede ver que el padrastro no se lo lleve?",
        "un niño que dormia en el terminal ahora esta en la casa de mi comadre, lo encontramos"
        " ayer, dice que su mama lo boto. a quien avisamos?",
    ],
)
def test_harm_told_with_where_the_person_is_safe_now_is_a_case(engine: Engine, text: str) -> None:
    answer = engine.reply(text)
    assert answer.intent in ("referral", "locate", "describe"), (text, answer.intent, answer.rule)
    assert "Línea 100" in "\n".join(answer.text.splitlines()[:3]), answer.text


@pytest.mark.parametrize(
    "text",
    [
        "mi hija esta bien cuidada pero su papa la viene a buscar hoy con un cuchillo",
        "el no sabe que estamos aqui pero ya esta afuera gritando que nos va a matar",
        "lo encontramos ayer golpeado en la calle, su papa le pega y hoy lo va a buscar",
    ],
)
def test_danger_told_after_a_mark_of_safety_stays_urgent(engine: Engine, text: str) -> None:
    answer = engine.reply(text)
    assert answer.intent == "emergency", (text, answer.intent, answer.rule)


@pytest.mark.parametrize(
    "text",
    [
        "cuanto cobra un abogado? quiero denunciar a mi esposo por violencia",
        "mi ex no le pasa pension a mi hijo, como se calcula la pension?",
        "el monto de la pension lo pone la demuna?",
        "como hago para vigilar que el papa no se lo lleve",
    ],
)
def test_what_the_services_do_is_never_outside_review_53(engine: Engine, text: str) -> None:
    answer = engine.reply(text)
    assert answer.intent != "unknown", (text, answer.intent, answer.rule)


@pytest.mark.parametrize(
    "text",
    [
        "mi sobrinito vive con su padrastro que le pega, no esta bien cuidado",
        "a mi hija de 13 años se la llevaron a otro pueblo para su parto, el señor que la"
        " embarazo tiene 40",
        "me esta siguiendo un adulto con 3 cuentas en tiktok y me pide fotos",
    ],
)
def test_the_new_phrases_do_not_hide_harm_review_53(engine: Engine, text: str) -> None:
    answer = engine.reply(text)
    assert answer.intent == "emergency", (text, answer.intent, answer.rule)


def test_a_court_asked_alone_is_outside(engine: Engine) -> None:
    answer = engine.reply("buenas, hasta que hora atiende el juzgado de familia de Ayaviri?")
    assert answer.intent == "unknown", (answer.intent, answer.rule)


def test_a_hearing_after_a_report_of_a_partner_is_the_womans_case(engine: Engine) -> None:
    answer = engine.reply(
        "por la denuncia que puse el mes pasado contra mi conviviente tengo audiencia en el"
        " juzgado de familia de Ilave, quien me puede defender gratis?"
    )
    assert answer.intent == "referral", (answer.intent, answer.rule)
    assert answer.services[:1] == ("cem",), answer.services
    assert "Línea 100" in "\n".join(answer.text.splitlines()[:3]), answer.text


@pytest.mark.parametrize(
    "text",
    [
        "a que hora atiende la fiscalia? quiero denunciar a mi esposo",
        "que dias atiende el juzgado de paz? quiero poner denuncia por violencia familiar",
        "el juzgado de familia me dio medidas de proteccion, quien las hace cumplir?",
        "me citaron al juzgado por la denuncia que puse, cuanto tiempo dura la audiencia?",
        "el abuso prescribe? tengo 16 y mi padrastro todavia me toca",
    ],
)
def test_a_court_asked_beside_a_report_is_the_reports_review_53b(engine: Engine, text: str) -> None:
    answer = engine.reply(text)
    assert answer.intent in ("referral", "emergency"), (text, answer.intent, answer.rule)
    assert "Línea 100" in "\n".join(answer.text.splitlines()[:3]), answer.text


def test_one_of_many_followers_who_follows_her_is_harm_review_53b(engine: Engine) -> None:
    answer = engine.reply(
        "me estan siguiendo un monton en tiktok y uno de ellos me sigue hasta mi casa"
    )
    assert answer.intent == "emergency", (answer.intent, answer.rule)
