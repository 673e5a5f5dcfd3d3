"""Understanding and answers, through the engine's one way in."""

from __future__ import annotations

import time

import pytest
from telegram_html import parse_html

from bot.core.answer import safety_first
from bot.core.engine import Engine
from bot.core.knowledge import Knowledge
from bot.core.model import CONTEXT_TTL_SECONDS, Context
from bot.core.query import Query
from bot.evaluate import comparable


def assert_valid_html(text: str) -> None:
    parse_html(text)


def test_design_card_cem_chucuito(engine: Engine) -> None:
    answer = engine.reply("¿Dónde hay un CEM en Chucuito?")
    assert answer.intent == "locate"
    assert answer.services[0] == "cem"
    assert answer.province == "chucuito"
    text = comparable(answer.text)
    assert "3 cem" in text
    assert "1 cem regular" in text and "2 cem en comisaria" in text
    # the other reading of "Chucuito" (a district of Puno province) is offered
    assert "distrito de chucuito" in text
    assert any("Chucuito" in s.label for s in answer.suggestions)


@pytest.mark.parametrize("question", ["Línea 100", "linea cien", "SAU"])
def test_design_card_services(engine: Engine, question: str) -> None:
    answer = engine.reply(question)
    assert answer.intent == "describe"
    assert answer.services[0] in ("linea_100", "sau")
    assert "100" in answer.text


def test_district_names_its_province(engine: Engine) -> None:
    answer = engine.reply("un cem x juliaca?")
    assert (answer.intent, answer.services[0], answer.province) == ("locate", "cem", "san_roman")
    assert answer.district == "211101"
    assert "San Román" in answer.text


def test_none_here_names_nearest(engine: Engine) -> None:
    answer = engine.reply("hay CAR en Lampa?")
    assert answer.intent == "locate" and answer.province == "lampa"
    assert "no hay" in answer.text.lower()
    assert "San Román" in answer.text or "Puno" in answer.text


def test_seed_inconsistency_is_mentioned(engine: Engine) -> None:
    answer = engine.reply("cuantos CEM hay en Puno")
    assert "consolidado" in answer.text


def test_emergency_first_line_is_linea_100(engine: Engine) -> None:
    answer = engine.reply("mi pareja me pega")
    assert answer.intent == "emergency"
    first_lines = answer.text.splitlines()[:2]
    assert any("100" in line for line in first_lines)
    assert "105" in answer.text


def test_emergency_with_place_gives_cem(engine: Engine) -> None:
    answer = engine.reply("me esta golpeando estoy en ilave")
    assert answer.intent == "emergency" and answer.province == "el_collao"
    assert "CEM" in answer.text


def test_emergency_names_the_victims_service_where_the_place_has_it(engine: Engine) -> None:
    child = engine.reply(
        "mi hermanito de 5 esta solo llorando en la casa en Puno, mi mama no vuelve"
    )
    assert child.intent == "emergency" and child.services[:2] == ("linea_100", "cem")
    assert "upe" in child.services and "UPE Puno" in child.text
    woman = engine.reply("me esta golpeando estoy en ilave")
    assert woman.services == ("linea_100", "cem")


def test_a_referral_also_answers_the_service_asked_first(engine: Engine) -> None:
    answer = engine.reply(
        "mi ex me pegaba hace años, ya estoy tranquila, pero no pasa alimentos a mis hijos."
        " hay DEMUNA en Yunguyo?"
    )
    assert answer.intent == "referral" and "demuna" in answer.services
    services = [line for line in answer.text.splitlines() if line.startswith("•")]
    assert "DEMUNA" in services[0] and "Yunguyo" in services[0]


def test_a_case_going_on_keeps_its_service_before_the_ones_asked(engine: Engine) -> None:
    answer = engine.reply(
        "a una señora su esposo la golpea en Azangaro, hay CIAM, DEMUNA, CEDIF o UPE alli?"
        " a donde la derivo"
    )
    assert answer.intent == "referral"
    services = [line for line in answer.text.splitlines() if line.startswith("•")]
    assert "CEM" in services[0] and any("CIAM" in line for line in services[1:])


def test_emergency_also_counts_the_services_asked(engine: Engine) -> None:
    answer = engine.reply(
        "su hijo le pega a mi vecina de nicasio y le quita su plata, hay ciam en lampa"
    )
    assert answer.intent == "emergency" and "ciam" in answer.services
    assert "En la provincia de Lampa hay 5 CIAM" in answer.text
    # Mi60+ has no office: the team goes to the older adult
    older = engine.reply("mi abuelito de 80 esta encerrado con candado por su hijo en ayaviri")
    assert "mi60" in older.services and "acude a los lugares" in older.text
    phone = engine.reply("mi esposo me esta pegando ahorita, hay linea 100 en ilave?")
    assert phone.services == ("linea_100", "cem") and "no hay Línea 100" not in phone.text


@pytest.mark.parametrize(
    "text",
    [
        "mi hermano mayor me manosea de noche y mi mama no me cree",
        "estoy encerrada en el cuarto, mi cel tiene poca bateria, estoy en lampa",
        "un señor mayor en el paradero de Juliaca dice que sus hijos lo dejaron, ya es de noche",
    ],
)
def test_a_case_card_says_nothing_of_what_the_data_lacks(engine: Engine, text: str) -> None:
    answer = engine.reply(text)
    assert answer.intent in ("emergency", "referral") and "no tengo" not in answer.text
    assert "Mi60+ de" not in answer.text  # no site of it anywhere: never "Mi60+ de Juliaca"


def test_stats_have_period_and_source(engine: Engine) -> None:
    answer = engine.reply("cuantos casos atendio el cem en 2022")
    assert answer.intent == "stats"
    text = comparable(answer.text)
    assert "4551" in text and "2022" in text and "fuente" in text


def test_unknown_is_honest_and_gives_linea_100(engine: Engine) -> None:
    answer = engine.reply("cuanto cuesta un carro en juliaca")
    assert answer.intent == "unknown"
    assert answer.services == ()
    assert "100" in answer.text


def test_unknown_never_says_no_information_to_a_message_that_may_tell_of_harm(
    engine: Engine,
) -> None:
    text = "quisiera irme lejos y que nadie me encuentre"
    query = Query(text=text, normalized=text, intent="unknown", harm="suspected")
    answer = safety_first(engine.compose(query), query, engine.kb)
    assert "100" in answer.text.splitlines()[0]
    assert "no tengo información" not in answer.text
    assert answer.text.count("Línea 100: marque 100") == 1


def test_follow_up_keeps_service(engine: Engine) -> None:
    first = engine.reply("¿Dónde hay un CEM en Chucuito?")
    second = engine.reply("¿y en Lampa?", first.context)
    assert (second.intent, second.services[0], second.province) == ("locate", "cem", "lampa")
    third = engine.reply("y cuantos casos atendio?", second.context)
    assert third.intent == "stats" and third.services[0] == "cem"


def test_whom_a_service_serves_is_asked_of_the_last_one(engine: Engine) -> None:
    first = engine.reply("¿qué hace el CEDIF?")
    second = engine.reply("¿y atiende a abuelitos?", first.context)
    assert (second.intent, second.services[:1]) == ("describe", ("cedif",))


def test_a_case_the_model_suspects_keeps_linea_100_first_after(engine: Engine) -> None:
    first = engine.reply(
        "mi abuelito en azángaro vive solo y su hijo le vendio sus animales sin preguntarle"
    )
    assert first.harm in ("suspected", "ongoing") and first.intent == "referral"
    second = engine.reply("¿atienden los fines de semana?", first.context)
    assert "100" in "".join(second.text.splitlines()[:3])


def test_a_longer_figures_question_asks_of_the_last_service(engine: Engine) -> None:
    first = engine.reply("¿cuántos CAR hay en el departamento?")
    second = engine.reply("¿cuántos niños atendieron en enero de 2023?", first.context)
    assert (second.intent, second.services[:1]) == ("stats", ("car",))


def test_a_service_in_one_province_is_located_there(engine: Engine) -> None:
    assert engine.reply("¿dónde queda el CEDIF?").province == "chucuito"


def test_a_service_of_a_programme_is_described_itself(engine: Engine) -> None:
    answer = engine.reply("¿qué es la Estrategia Rural del programa AURORA?")
    assert answer.services[0] == "estrategia_rural"


def test_a_description_gives_the_figures_of_the_period_asked(engine: Engine) -> None:
    answer = engine.reply("expliqueme qué es el CEM, qué brinda y cuántos casos atendió en 2022")
    assert answer.intent == "describe" and "4 551" in answer.text


def test_expired_context_is_ignored(engine: Engine) -> None:
    # older than the time to live whatever the clock reads (a machine just booted reads little)
    created = time.monotonic() - CONTEXT_TTL_SECONDS - 1
    old = Context(intent="locate", services=("cem",), province="puno", created=created)
    assert engine.reply("¿y en Lampa?", old).intent == "overview"


def test_short_acronyms_do_not_swallow_words(engine: Engine) -> None:
    assert engine.reply("que hay en carabaya").services[:1] != ("car",)
    assert engine.reply("que servicios hay en carabaya").province == "carabaya"


@pytest.mark.parametrize(
    "question",
    [
        "¿Dónde hay un CEM en Chucuito?",
        "<b>hola</b> & adios",
        "mi pareja me pega",
        "que es el inabif",
        "qué hay en Ilave",
        "a donde derivo un caso de violencia en lampa",
        "cifras de línea 100",
    ],
)
def test_html_is_valid(engine: Engine, question: str) -> None:
    answer = engine.reply(question)
    assert_valid_html(answer.html)
    assert "<b>hola" not in answer.html


def test_cards(engine: Engine, kb: Knowledge) -> None:
    for sid in kb.services:
        card = engine.service_card(sid)
        assert_valid_html(card.html)
        assert card.services[0] == sid
    for pid in kb.provinces:
        card = engine.province_card(pid)
        assert_valid_html(card.html)
        assert card.province == pid
    for sit in kb.situations:
        card = engine.referral_card(sit, "lampa")
        assert_valid_html(card.html)
    assert "100" in engine.emergency_card().text.splitlines()[1]


def test_deep_links(engine: Engine) -> None:
    assert engine.deep_link("emergencia").intent == "emergency"  # type: ignore[union-attr]
    assert engine.deep_link("linea100").services[0] == "linea_100"  # type: ignore[union-attr]
    answer = engine.deep_link("cem_chucuito")
    assert answer is not None and answer.province == "chucuito" and answer.services[0] == "cem"
    answer = engine.deep_link("provincia_chucuito")
    assert answer is not None and answer.province == "chucuito"
    assert engine.deep_link("nada_de_esto") is None


def test_nearest_card(engine: Engine) -> None:
    # Juliaca's plaza
    answer = engine.nearest_card(-15.4997, -70.1331)
    assert answer.province == "san_roman" and answer.district == "211101"
    far = engine.nearest_card(-12.0464, -77.0428)  # Lima
    assert "km" in far.text


def test_inline_results(engine: Engine) -> None:
    empty = engine.inline_results("")
    assert empty and empty[0].intent == "emergency"
    results = engine.inline_results("cem lampa")
    assert results[0].province == "lampa"
    assert len({r.html for r in results}) == len(results)


def test_typo_is_shown_as_read(engine: Engine) -> None:
    answer = engine.reply("dnde ay un cem en asangaro")
    assert answer.province == "azangaro"
    assert "usted escribió «asangaro»" in answer.text


@pytest.mark.parametrize(
    ("word", "read"),
    [
        ("acusando", "acusando"),  # a common word, not "abusando"
        ("negar", "negar"),  # not "pegar"
        ("parecen", "parecen"),  # not "aparecen"
        ("sien", "cien"),  # written as it sounds: "linea sien"
        ("asangaro", "azangaro"),
        ("violensia", "violencia"),
        # a Quechua word is no typo of a near form of andean.yaml: "llakiwan" (with sorrow) is
        # not "llamiwan" (he touches me), "hatarinchu" (does not get up) not "tarinchu"
        ("llakiwan", "llakiwan"),
        ("hatarinchu", "hatarinchu"),
        ("waqashanku", "waqashanku"),
    ],
)
def test_typos_but_not_common_words_are_corrected(engine: Engine, word: str, read: str) -> None:
    assert engine.understanding.lexicons.correct(word) == read


def test_several_places_in_one_question(engine: Engine) -> None:
    answer = engine.reply("hay SAU en juliaca o solo en puno")
    assert answer.province == "san_roman"
    assert "San Román" in answer.text and "provincia de Puno hay 1 SAU" in answer.text


def test_province_named_picks_the_district(engine: Engine) -> None:
    answer = engine.reply("cem en santa rosa de melgar")
    assert (answer.province, answer.district) == ("melgar", "210808")


def test_district_named_picks_the_centro_poblado(engine: Engine) -> None:
    # Ullacachi is a centro poblado of Acora (Puno) and of Ilave (El Collao)
    assert engine.reply("vivo en ullacachi").province == "puno"
    answer = engine.reply("vivo en la comunidad de ullacachi ilave, hay cem?")
    assert (answer.province, answer.district) == ("el_collao", "210501")
    # Santa María is a centro poblado of San Miguel, the district beside Juliaca
    assert engine.reply("vivo en la urb Santa Maria juliaca, hay cem").province == "san_roman"


@pytest.mark.parametrize(
    ("question", "province"),
    [
        ("vivo en Camicachi en Plateria, hay demuna", "puno"),  # Camicachi: only Ilave's
        ("vivo en el barrio Bellavista de Juliaca, hay cem", "san_roman"),
        ("soy del club de madres de Cuyocuyo, que servicios hay", "sandia"),  # not a place
        ("de la parcialidad de Chila Chambilla en Juli, hay cem", "chucuito"),
    ],
)
def test_place_named_after_a_centro_poblado_wins(
    engine: Engine, question: str, province: str
) -> None:
    assert engine.reply(question).province == province


@pytest.mark.parametrize(
    "question",
    [
        "quiero adoptar un perrito en juliaca",
        "cuanto gana un psicologo del cem",
        "car wash en juliaca",
    ],
)
def test_words_shared_with_services_out_of_scope(engine: Engine, question: str) -> None:
    answer = engine.reply(question)
    assert answer.intent == "unknown" and "100" in answer.text


def test_third_party_case_is_a_referral_with_linea_100_first(engine: Engine) -> None:
    answer = engine.reply(
        "Soy profesora, una alumna me contó que su papá le pega. ¿A dónde la derivo?"
    )
    assert answer.intent == "referral"
    assert "100" in answer.text.splitlines()[0]
    assert "cem" in answer.services


def test_severe_danger_of_another_person_is_an_emergency(engine: Engine) -> None:
    # a referral question, but the danger is grave and happening: emergency first
    answer = engine.reply("se llevaron a la fuerza a una alumna en un carro, ¿a quién aviso?")
    assert answer.intent == "emergency"
    assert "100" in answer.text.splitlines()[1]
    # told as something of the past, the same words are a case to refer
    past = engine.reply("hace años se la llevaron a la fuerza, ¿a dónde la derivo?")
    assert past.intent == "referral"


def test_the_writers_own_service_is_not_the_subject(engine: Engine) -> None:
    answer = engine.reply(
        "le escribo de la DEMUNA de Pilcuyo, tenemos una señora víctima de violencia, "
        "¿dónde le dan apoyo psicológico?"
    )
    assert answer.services[0] == "cem" and "demuna" not in answer.services
    assert answer.province == "el_collao"
    # named alone, the writer's service is still what the question is about
    alone = engine.reply("trabajo en el CEM, ¿cuántos casos atendió en 2022?")
    assert alone.intent == "stats" and alone.services[0] == "cem"


def test_a_name_without_acronym_is_counted_in_the_plural(engine: Engine) -> None:
    many = engine.reply("cuantas sociedades de beneficencia hay en todo Puno")
    assert "7 Sociedades de Beneficencia" in many.text
    one = engine.reply("hay beneficencia en lampa")
    assert "1 Sociedad de Beneficencia" in one.text
    assert "20 CEM" in engine.reply("cuantos CEM hay en todo Puno").text


def test_a_count_of_sites_is_not_a_figure(engine: Engine) -> None:
    answer = engine.reply("cuántos CIAM hay en Melgar, mi papá quiere hacer actividades")
    assert answer.intent == "locate" and answer.province == "melgar"


def test_a_district_names_the_other_services_sited_there(engine: Engine) -> None:
    answer = engine.reply("el CEM queda lejos de Corani")
    assert answer.services[0] == "cem" and "estrategia_rural" in answer.services
    assert "distrito de Corani también funciona: Estrategia Rural" in answer.text


def test_describe_with_a_place_gives_its_count(engine: Engine) -> None:
    answer = engine.reply("¿el CEM de Ilave es gratis?")
    assert answer.intent == "describe" and answer.province == "el_collao"
    assert "provincia de El Collao hay 1 CEM" in answer.text


def test_unknown_keeps_the_place_and_offers_it(engine: Engine) -> None:
    answer = engine.reply("cuánto está el alquiler de un cuarto en Juliaca")
    assert answer.intent == "unknown" and answer.province == "san_roman"
    assert answer.suggestions[0].label == "Servicios en San Román"
    assert engine.reply(answer.suggestions[0].query).intent == "overview"


@pytest.mark.parametrize(
    "question", ["kamisaraki hermanita buenos días", "sullpayki, gracias por la ayuda, chau"]
)
def test_quechua_and_aymara_greetings(engine: Engine, question: str) -> None:
    assert engine.reply(question).intent == "greeting"


def test_follow_up_with_another_service_keeps_the_question(engine: Engine) -> None:
    first = engine.reply("cuántos casos atendió el CEM en 2022")
    second = engine.reply("¿y la Línea 100?", first.context)
    assert (second.intent, second.services[0]) == ("stats", "linea_100")
    assert "2022" in second.text and "4 348" in second.text
    where = engine.reply("¿hay CEM en Juli?")
    other = engine.reply("¿y la DEMUNA?", where.context)
    assert (other.intent, other.services[0], other.province) == ("locate", "demuna", "chucuito")


@pytest.mark.parametrize(
    "question",
    [
        "En la capacitación sobre maltrato infantil mencionaron la DEMUNA, ¿qué hace?",
        "¿A cuántas personas llegaron las campañas contra la violencia en 2022?",
        "si no voy al CEM hoy, ¿puedo ir mañana?",
    ],
)
def test_violence_words_out_of_danger_are_not_an_emergency(engine: Engine, question: str) -> None:
    assert engine.reply(question).intent != "emergency"


def test_only_light_words_fit_inside_a_danger_phrase(engine: Engine) -> None:
    assert engine.reply("me está pegando otra vez").intent == "emergency"
    assert engine.reply("me acaban de violar").intent == "emergency"


def test_a_story_with_a_question_about_a_service_is_described(engine: Engine) -> None:
    answer = engine.reply(
        "Anoche vi una película donde el esposo mataba a golpes a su esposa, "
        "¿la Línea 100 cobra la llamada?"
    )
    assert (answer.intent, answer.services[0]) == ("describe", "linea_100")


def test_department_overview_gives_the_consolidated_totals(engine: Engine) -> None:
    text = engine.reply("¿cuántos servicios opera directamente el MIMP en todo el departamento?")
    assert "(37 en total)" in text.text and "(190 en total)" in text.text
    # the seed's table says 36: it leaves the CONADIS centre out, and the answer says so
    assert "da 36: no cuenta CONADIS" in text.text


def test_a_worker_with_a_case_in_hand_refers_it(engine: Engine) -> None:
    answer = engine.reply(
        "policía de Cabana: tenemos un adolescente que se escapó de su casa porque lo "
        "maltratan y no quiere volver"
    )
    assert answer.intent == "referral"
    grave = engine.reply("tenemos una menor que refiere violación anoche, necesitamos apoyo ya")
    assert grave.intent == "emergency"


def test_a_misspelt_ordinary_word_is_not_read_as_danger(engine: Engine) -> None:
    answer = engine.reply("la tiene pasteando ovejas todo el día y no va al colegio")
    assert answer.intent != "emergency"


def test_harm_told_of_someone_else_speaks_to_whoever_helps(engine: Engine) -> None:
    kb = engine.kb
    texts = kb.responses.emergency
    own = engine.reply("mi esposo me pega cuando toma").text
    other = engine.reply("mi vecino está golpeando a su esposa ahorita en Ilave").text
    assert "no tiene la culpa" in own and texts.closing_other not in own
    assert texts.closing_other in other and "no tiene la culpa" not in other
    told = engine.reply(
        "soy docente en Moho, una alumna me contó que su padrastro la toca, a dónde la derivo"
    ).text
    assert texts.care_other in "\n".join(told.splitlines()[:3])


def test_a_list_of_services_beside_a_situation_is_counted_one_by_one(engine: Engine) -> None:
    answer = engine.reply(
        "para el informe contra la violencia: cuántos CEM tiene Azángaro y cuántas DEMUNA y CIAM"
    )
    assert answer.intent == "locate"
    assert all(f"{n} {s}" in answer.text for n, s in (("13", "DEMUNA"), ("8", "CIAM")))


def test_a_turn_without_a_place_keeps_the_conversations(engine: Engine) -> None:
    first = engine.reply("qué servicios hay en San Antonio de Putina")
    second = engine.reply("qué es el CIAM", first.context)
    third = engine.reply("cuántos hay ahí", second.context)
    assert third.province == "san_antonio_de_putina"


@pytest.mark.parametrize(
    ("question", "parts"),
    [
        ("que es la upe y donde queda", ("Instancia administrativa", "hay 1 UPE")),
        ("donde queda el cem de juliaca y cuantos casos atendio en 2022", ("4 551", "San Román")),
    ],
)
def test_a_question_of_two_parts_gets_both(
    engine: Engine, question: str, parts: tuple[str, str]
) -> None:
    answer = engine.reply(question)
    assert all(p in answer.text for p in parts)
    assert answer.text.count("Fuente:") == 1  # the source the two share, once


def test_a_question_of_one_part_gets_one(engine: Engine) -> None:
    assert engine.understand("que es el cem").also is None
    assert engine.understand("numero de actividades en atencion del CEM en 2022").also is None


def test_a_missing_person_is_reported_at_once(engine: Engine) -> None:
    # Ley 29685, D. Leg. 1428: no 24 hours to wait (situations.yaml "desaparicion")
    first = engine.reply("mi hija de 13 no llega desde ayer del colegio")
    assert first.intent == "emergency" and "sin esperar 24 horas" in first.text
    then = engine.reply("la policia dice que hay que esperar 24 horas", first.context)
    assert "sin esperar 24 horas" in then.text and "100" in then.text.splitlines()[0]
    # without the 24 hours, the police's "hay que esperar" after any case: other places
    # that take the complaint, never a disappearance it was not
    abuse = engine.reply("mi nieta de 12 dice que su padrastro le toca en las noches")
    wait = engine.reply("la policia dice que hay que esperar", abuse.context)
    assert "fiscalía" in wait.text and "desaparición" not in wait.text
    # a ransom call is extortion, not a disappearance to report
    ransom = engine.reply("dicen que tienen a mi hijo y piden 2000 soles para que no le hagan nada")
    assert ransom.intent == "emergency" and "desaparición" not in ransom.text


def test_which_number_to_call_is_the_linea_100(engine: Engine) -> None:
    answer = engine.reply("hago un afiche contra la violencia a la mujer, q numero gratuito pongo?")
    assert answer.services == ("linea_100",) and "☎️ Línea 100: 100" in answer.text


@pytest.mark.parametrize(
    "text",
    [
        # laughter beside a threat that says it is serious keeps the emergency card
        "mi ex me amenaza con matarme xd ya no se que hacer",
        "mi papa me dijo que me va a matar jaja q hago",
        "mi pareja me amenaza de muerte jaja, vivo en juliaca con mis hijos",
        "ese chiste me mato jaja pero mi ex me dijo q me va a matar si lo dejo",
        # "cuento", "hay que actuar" are said by whoever asks for help, not only homework
        "le cuento que a la vecina su esposo le pega todas las noches y la deja encerrada",
        "hay que actuar, el vecino esta golpeando a su señora y los niños lloran",
    ],
)
def test_serious_harm_keeps_the_emergency_card(engine: Engine, text: str) -> None:
    answer = engine.reply(text)
    assert answer.intent == "emergency" and "100" in answer.text.splitlines()[1]


def test_a_person_with_an_age_beside_the_greeting_is_the_victim(engine: Engine) -> None:
    answer = engine.reply("buenas tardes adolescente de 15 años vive con un señor de 30 en Juliaca")
    assert answer.intent == "emergency"


def test_a_refused_complaint_is_not_a_missing_person(engine: Engine) -> None:
    answer = engine.reply(
        "mi esposo me pega y fui a la comisaria pero no me quieren recibir la denuncia"
    )
    assert answer.intent == "emergency" and "desaparición" not in answer.text


def test_emergency_without_a_place_still_answers_the_service_asked(engine: Engine) -> None:
    answer = engine.reply("mi abuelita esta encerrada por mi tio, hay cem?")
    assert answer.intent == "emergency" and "Centro Emergencia Mujer" in answer.text


def test_a_question_of_two_parts_says_each_line_once(engine: Engine) -> None:
    lines = [
        line
        for line in engine.reply("que es el CEM y cuantos hay en puno").text.splitlines()
        if line
    ]
    assert len(lines) == len(set(lines))


@pytest.mark.parametrize(
    "text",
    [
        "hasta ahora no llega la pension 65 de mi abuelita, a donde voy",
        "todavia no llega el bono de mi mama, que hago",
        "mi hijo hasta ahora no aparece en la lista del colegio",
    ],
)
def test_money_or_a_list_that_does_not_arrive_is_no_missing_person(
    engine: Engine, text: str
) -> None:
    answer = engine.reply(text)
    assert answer.intent != "emergency" and "desaparición" not in answer.text


@pytest.mark.parametrize(
    "text",
    [
        # a partner named otherwise, or a threat that silences, is serious though laughed
        "jaja mi novio me dijo que me va a matar si lo dejo",
        "xd mi exmarido dijo que me mata si me ve con otro",
        "jaja q risa mi tio dice que me va a matar si cuento lo que me hace",
        # what a girl told the writer is a real person's harm, whatever the frame
        "en la charla una alumna de segundo contó que su papá la viola",
        "en el debate una adolescente contó que su padrastro la viola",
    ],
)
def test_laughed_or_framed_harm_that_is_real_keeps_the_emergency_card(
    engine: Engine, text: str
) -> None:
    answer = engine.reply(text)
    assert answer.intent == "emergency" and "100" in answer.text.splitlines()[1]


def test_the_police_number_is_the_105(engine: Engine) -> None:
    answer = engine.reply("a que numero llamo para la policia")
    assert "105" in answer.text
    lines = [line for line in answer.text.splitlines() if line]
    assert len(lines) == len(set(lines))


def test_the_province_with_most_is_the_place_of_what_is_asked_next(engine: Engine) -> None:
    most = engine.reply("que provincia tiene mas demunas")
    assert most.province == "puno"
    after = engine.reply("y cuantos ciam hay ahi?", most.context)
    assert after.province == "puno"
    # a tie names no province
    assert engine.reply("que provincia tiene menos cem").province is None
