"""Answers that serve the need: the direct answer of a situation, services reached by a
call, practical questions answered from the data or named as missing, figures the summary
lacks (issue 10)."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from telegram_html import parse_html

from bot.core.engine import Engine
from bot.core.knowledge import DEFAULT_KNOWLEDGE_DIR, Knowledge, KnowledgeError, load_knowledge
from bot.evaluate import comparable


def _lines(engine: Engine, text: str) -> list[str]:
    return engine.reply(text).text.splitlines()


# -- needs -------------------------------------------------------------------------------


def test_shelter_is_the_refuge_through_the_cem_and_car_only_for_children(engine: Engine) -> None:
    answer = engine.reply("hay casa refugio en puno?")
    text = comparable(answer.text)
    assert answer.intent == "referral" and answer.services[0] == "cem"
    assert "hogar de refugio temporal" in text and "car son solo para ninas" in text
    assert answer.text.splitlines()[0].startswith("📞 Línea 100")


def test_a_woman_leaving_with_her_children_hears_of_the_refuge(engine: Engine) -> None:
    lines = _lines(engine, "me quiero separar pero no tengo donde ir con mis wawas, hay albergue?")
    assert any("Línea 100" in line for line in lines[:3])
    assert any("Hogar de Refugio Temporal" in line for line in lines)


def test_reporting_names_the_police_and_the_cem_of_the_place(engine: Engine) -> None:
    answer = engine.reply("donde denuncio violencia en juliaca")
    text = comparable(answer.text)
    assert answer.province == "san_roman"
    assert "comisaria" in text and "105" in text and "2 en san roman" in text
    assert "km" not in text


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("necesito abogado gratis", "defensa judicial"),
        ("necesito un psicologo por lo que me hizo mi pareja", "consejeria psicologica"),
    ],
)
def test_lawyer_and_psychologist_are_the_cem(engine: Engine, text: str, words: str) -> None:
    answer = engine.reply(text)
    assert answer.services[0] == "cem"
    assert words in comparable(answer.text)


def test_services_reached_by_a_call_never_give_a_distance(engine: Engine) -> None:
    for text in (
        "donde esta el SAU mas cercano, estoy en juliaca",
        "hay estrategia rural en azangaro",
    ):
        assert " km" not in engine.reply(text).text
    referral = engine.referral_card("violencia", "san_roman").text
    assert " km" not in referral and "llamando a la Línea 100" in referral


def test_a_child_raped_goes_to_cem_upe_demuna_and_police(engine: Engine) -> None:
    answer = engine.reply("niña de 13 embarazada por violación del padrastro, a dónde la mando")
    assert {"cem", "upe", "demuna"} <= set(answer.services)
    assert answer.text.splitlines()[0].startswith("📞 Línea 100")
    assert "105" in answer.text


@pytest.mark.parametrize("text", ["tengo vergüenza de ir", "😢😢😢", "ya no puedo más"])
def test_distress_gets_a_warm_reply_with_linea_100_first(engine: Engine, text: str) -> None:
    answer = engine.reply(text)
    assert answer.intent != "unknown"
    assert any(line.startswith("📞 Línea 100") for line in answer.text.splitlines()[:2])
    assert "no tiene que pasarlo a solas" in answer.text


# -- practical questions --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "service", "first"),
    [
        ("el cem es gratis?", "cem", "✅ CEM: sí, es gratuito."),
        ("soy varón, ¿el CEM me atiende?", "cem", "👥 CEM: atiende a víctimas de violencia"),
        ("hablo aymara, ¿me van a entender?", "linea_100", "🗣️ Línea 100: atiende en"),
    ],
)
def test_practical_questions_answered_from_the_data(
    engine: Engine, text: str, service: str, first: str
) -> None:
    answer = engine.reply(text)
    assert answer.rule == "gate:practical"
    assert answer.services[0] == service
    assert any(line.startswith(first) for line in answer.text.splitlines()[:3])


def test_what_the_data_lacks_is_said_with_who_knows(engine: Engine) -> None:
    answer = engine.reply("cual es la direccion y el horario del cem de ilave")
    assert answer.text.splitlines()[0] == (
        "ℹ️ CEM de Ilave: no tengo la dirección ni el horario; "
        "la Línea 100 (marque 100, gratis, 24 horas) se lo puede decir."
    )
    assert "1 CEM regular" in answer.text


def test_a_question_about_something_else_is_not_practical(engine: Engine) -> None:
    for text in (
        "a qué hora cierra la municipalidad de ilave",
        "qué hace la dirección de protección especial",
    ):
        assert engine.understand(text).rule != "gate:practical"


def _with_site_details(tmp_path: Path, details: str) -> Path:
    target = tmp_path / "knowledge"
    shutil.copytree(DEFAULT_KNOWLEDGE_DIR, target)
    path = target / "locations.yaml"
    site = '{name: UPE Puno, district: "210101"}'
    text = path.read_text(encoding="utf-8")
    assert site in text
    path.write_text(text.replace(site, site[:-1] + ", " + details + "}", 1), encoding="utf-8")
    return target


def test_site_details_are_shown_escaped_when_present(tmp_path: Path) -> None:
    details = 'address: "Jr. Lima 1 <b> & Co", phone: "051 000000", hours: "8:00 a 16:15"'
    engine = Engine(load_knowledge(_with_site_details(tmp_path, details)))
    answer = engine.reply("direccion, telefono y horario de la upe de puno")
    assert "UPE Puno: Jr. Lima 1 <b> & Co" in answer.text
    assert "&lt;b&gt; &amp; Co" in answer.html
    assert "051 000000" in answer.text and "8:00 a 16:15" in answer.text
    assert "no tengo" not in answer.text
    parse_html(answer.html)


def test_a_wrong_site_detail_names_file_line_and_entry(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeError) as err:
        load_knowledge(_with_site_details(tmp_path, 'phone: ""'))
    message = str(err.value)
    assert message.startswith("locations.yaml, línea"), message
    assert re.search(
        r"entrada coverage\[\d+\] \(upe\)\.counts\[\d+\] \(puno\)\.sites\[\d+\]\.phone", message
    )


def test_an_unknown_contact_of_a_situation_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "knowledge"
    shutil.copytree(DEFAULT_KNOWLEDGE_DIR, target)
    path = target / "situations.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("contacts: [policia]", "contacts: [guardacostas]", 1), "utf-8")
    with pytest.raises(KnowledgeError, match=r"situations\.yaml, línea \d+: .*guardacostas"):
        load_knowledge(target)


# -- figures the summary lacks ------------------------------------------------------------------


def test_missing_figures_are_named(engine: Engine) -> None:
    assert (
        "no tiene cifras de feminicidios" in engine.reply("cuantos feminicidios hubo en puno").text
    )
    answer = engine.reply("casos atendidos por el cem en 2024")
    assert answer.text.splitlines()[0].startswith("ℹ️ El resumen no tiene cifras de 2024")
    assert "4 551" in answer.text


def test_the_years_of_the_data_and_their_source(engine: Engine, kb: Knowledge) -> None:
    text = engine.reply("¿De qué año son los datos?").text
    assert all(period.lower() in text for period in kb.periods.values())
    assert f"Resumen ejecutivo MIMP {kb.department.name}" in text


def test_the_console_answers_practical_follow_ups(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    console_chat: Callable[[list[str]], int],
) -> None:
    monkeypatch.setenv("COUNTERS", "false")
    monkeypatch.setenv("DATA_DIR", str(tmp_path))
    assert console_chat(["hay cem en ilave?", "y es gratis?", "a que hora atiende?"]) == 0
    out = capsys.readouterr().out
    assert "✅ CEM: sí, es gratuito." in out
    assert "CEM de Ilave: no tengo el horario" in out
