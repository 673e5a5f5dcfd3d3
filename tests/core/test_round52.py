"""Round 52: a service asked for in another department beside a place of Puno, the follow-up
that names a place of Puno after it, and (below) the round's other cases."""

from __future__ import annotations

import pytest

from bot.core.engine import Engine


@pytest.mark.parametrize(
    "text",
    [
        "mi tia se muda a moquegua, alla en moquegua hay CEM o solo aca en juliaca?",
        "cuantas demunas tiene el cusco? yo vivo en ayaviri pero trabajo alla",
        "en espinar hay ciam? mi papa vive en santa rosa de melgar y se va para alla",
    ],
)
def test_a_service_asked_for_elsewhere_is_not_answered_for_puno(engine: Engine, text: str) -> None:
    answer = engine.reply(text)
    assert answer.intent == "unknown", (text, answer.intent, answer.rule)
    assert answer.rule == "gate:elsewhere", answer.rule


@pytest.mark.parametrize(
    "text",
    [
        "mi mama iba al cem en tacna, ahora vive en ilave, en ilave tambien hay cem?",
        "antes vivia en lima, hay demuna en yunguyo?",
        "soy de arequipa, cuantos cem hay en puno?",
    ],
)
def test_puno_asked_after_another_department_is_answered(engine: Engine, text: str) -> None:
    answer = engine.reply(text)
    assert answer.intent == "locate", (text, answer.intent, answer.rule)


def test_a_place_of_puno_after_a_question_about_elsewhere_keeps_the_service(
    engine: Engine,
) -> None:
    first = engine.reply("en arequipa hay demuna? me voy a vivir alla")
    assert first.intent == "unknown", (first.intent, first.rule)
    then = engine.reply("¿y en Lampa?", first.context)
    assert then.intent == "locate", (then.intent, then.rule)
    assert then.services[:1] == ("demuna",), then.services


@pytest.mark.parametrize(
    "text",
    [
        "tengo medidas de proteccion, mi ex me dice que hoy me va a desfigurar, la policia"
        " puede venir?",
        "dice que me va a echar acido si no le devuelvo a los chicos, que hago",
        "se separaron hace meses, ella se fue donde su tia pero el la esta buscando con un"
        " cuchillo",
        "nos separamos hace un año pero ahorita el esta buscandola con un machete por el barrio",
    ],
)
def test_threats_to_the_face_and_a_hunt_going_on_are_urgent(engine: Engine, text: str) -> None:
    answer = engine.reply(text)
    assert answer.intent == "emergency", (text, answer.intent, answer.rule)
    assert "Línea 100" in "\n".join(answer.text.splitlines()[:3]), answer.text


def test_past_harm_then_a_life_going_on_stays_a_referral(engine: Engine) -> None:
    answer = engine.reply(
        "hace dos años mi pareja me pegaba con un palo, ahora estoy trabajando en Juliaca"
        " y vivo tranquila, quiero denunciarlo, a donde voy?"
    )
    assert answer.intent == "referral", (answer.intent, answer.rule)


@pytest.mark.parametrize(
    "text",
    [
        "a mi prima su conviviente le reventó la boca, ya lo detuvieron y ahorita ella esta a"
        " salvo en mi cuarto, que institucion le da abogado?",
        "mi cuñado le pego a mi hermana, ya esta en la carceleta de Ilave, ahorita ella esta"
        " mejor, a donde la llevo para su denuncia?",
    ],
)
def test_a_now_after_the_one_who_harms_is_held_is_no_danger(engine: Engine, text: str) -> None:
    answer = engine.reply(text)
    assert answer.intent == "referral", (text, answer.intent, answer.rule)
    assert "Línea 100" in "\n".join(answer.text.splitlines()[:3]), answer.text


@pytest.mark.parametrize(
    "text",
    [
        "mi esposo me pego, ya esta detenido pero ahorita su hermano me esta amenazando",
        "mi esposo me pego, lo detuvieron pero ya lo soltaron y ahorita esta tomando en la casa",
        "en el micro un cobrador me toco y me quede muda del susto",
    ],
)
def test_harm_after_a_hold_or_a_touch_told_with_a_freeze_stays_harm(
    engine: Engine, text: str
) -> None:
    answer = engine.reply(text)
    assert answer.intent == "emergency", (text, answer.intent, answer.rule)


def test_a_turn_to_stay_is_no_touch(engine: Engine) -> None:
    answer = engine.reply("ayer me toco quedarme de guardia en la posta, hay CEM en Ilave?")
    assert answer.intent == "locate", (answer.intent, answer.rule)


@pytest.mark.parametrize(
    "text",
    [
        "me voy a separar de mi esposo sin pelear, donde nos orientan en Azangaro?",
        "ya no vivimos juntos, queremos poner por escrito las visitas de los chicos, a donde"
        " vamos?",
    ],
)
def test_parents_who_separate_calmly_are_sent_to_the_demuna(engine: Engine, text: str) -> None:
    answer = engine.reply(text)
    assert answer.intent == "referral", (text, answer.intent, answer.rule)
    assert answer.services[:1] == ("demuna",), answer.services


def test_a_faenas_record_is_no_family_agreement(engine: Engine) -> None:
    answer = engine.reply("firmamos el acta de la faena en la comunidad, a que hora es la feria?")
    assert "demuna" not in answer.services, answer.services


def test_a_rumour_asked_about_is_no_case(engine: Engine) -> None:
    answer = engine.reply(
        "en el grupo de la feria dicen que la DEMUNA se lleva a los niños si los castigas,"
        " es verdad o es chisme?"
    )
    assert answer.intent == "describe", (answer.intent, answer.rule)


@pytest.mark.parametrize(
    "text",
    [
        "me llego esta cadena: mi hija de 12 desaparecio ayer en juliaca, compartan por favor,"
        " yo soy su mama",
        "dicen que mi vecino le pega a su esposa todas las noches, sera verdad o es chisme? yo"
        " escucho gritos",
    ],
)
def test_harm_of_ones_own_or_heard_beside_a_rumour_stays_harm(engine: Engine, text: str) -> None:
    answer = engine.reply(text)
    assert answer.intent == "emergency", (text, answer.intent, answer.rule)


def test_much_fear_of_an_exam_is_no_emergency(engine: Engine) -> None:
    answer = engine.reply("tengo muchisimo miedo y nervios por la sustentacion, no puedo dormir")
    assert answer.intent != "emergency", (answer.intent, answer.rule)


@pytest.mark.parametrize(
    "text",
    [
        "me pego y todavia no esta detenido, ahorita esta tomando en la tienda",
        "me pegaba, estuvo en la carcel, ahorita esta en la puerta gritando",
        "me pego, lo tuvieron detenido un dia, ahorita ya regreso a la casa",
        "me violo, ya esta preso, pero ahorita su hermano esta afuera esperandome",
        "la golpeo, el ya esta detenido, ahorita ella no puede respirar bien",
        "me pegaba, fue detenido, ahorita ya esta en la casa otra vez esperandome",
        "mi hermanito de 9 se escapo porque mi papa lo quema, ahorita esta conmigo, que es la UPE?",
    ],
)
def test_a_hold_denied_past_or_undone_or_danger_described_stays_urgent(
    engine: Engine, text: str
) -> None:
    answer = engine.reply(text)
    assert answer.intent == "emergency", (text, answer.intent, answer.rule)


@pytest.mark.parametrize(
    "text",
    [
        "vengo de arequipa, hay demuna? estoy en ilave",
        "me atendieron en el cem de cusco pero ahora vivo en juliaca, donde queda el cem aqui?",
    ],
)
def test_where_one_comes_from_is_not_the_place_asked(engine: Engine, text: str) -> None:
    answer = engine.reply(text)
    assert answer.intent == "locate", (text, answer.intent, answer.rule)


def test_the_line_100_comes_before_the_place_in_an_answer_about_elsewhere(
    engine: Engine,
) -> None:
    answer = engine.reply("hay cem en arequipa o solo aca en juliaca?")
    assert answer.rule == "gate:elsewhere", answer.rule
    assert "Línea 100" in "\n".join(answer.text.splitlines()[:3]), answer.text


@pytest.mark.parametrize(
    "text",
    [
        "le van a echar acido al techo para sacar el oxido",
        "esa crema me va a desfigurar? me salieron granos",
        "me voy a desfigurar con este corte jajaja",
        "el año pasado me pegaba, hace ya meses que no me pega, donde queda el cem?",
    ],
)
def test_acid_for_things_a_cream_or_harm_denied_are_no_emergency(engine: Engine, text: str) -> None:
    answer = engine.reply(text)
    assert answer.intent != "emergency", (text, answer.intent, answer.rule)


@pytest.mark.parametrize(
    "text",
    [
        "hace años mi tio me tocaba, ahora esta tocando a mi primita",
        "mi sobrina de 14 se fue a tacna con un señor que le ofrecio trabajo, que hago?",
    ],
)
def test_abuse_going_on_now_and_a_lure_acted_on_are_urgent(engine: Engine, text: str) -> None:
    answer = engine.reply(text)
    assert answer.intent == "emergency", (text, answer.intent, answer.rule)


@pytest.mark.parametrize(
    "text",
    [
        "mi pareja le pego a mi hijo, ahorita esta con su papa en la casa",
        "me golpeo anoche, ahorita estoy mejor pero el regresa esta noche",
        "dicen que es chisme pero yo la escuche gritar y hoy la vi golpeada, es mi vecina",
        "quiero separarme de mi conviviente, el me fuerza a estar con el cuando toma",
    ],
)
def test_review_52b_dangers_stay_urgent(engine: Engine, text: str) -> None:
    answer = engine.reply(text)
    assert answer.intent == "emergency", (text, answer.intent, answer.rule)


def test_a_prison_visit_is_no_family_agreement(engine: Engine) -> None:
    answer = engine.reply("que dias son de visita en el penal de juliaca?")
    assert "demuna" not in answer.services, answer.services


def test_a_death_threat_pasted_after_me_llego_is_harm(engine: Engine) -> None:
    answer = engine.reply("me llego este mensaje de un numero raro: te voy a matar, sera broma?")
    assert answer.intent == "emergency", (answer.intent, answer.rule)
