"""knowledge/responses.yaml: loaded strictly, every text used, every placeholder filled."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from dataclasses import fields, is_dataclass, replace
from pathlib import Path
from typing import Any, get_args, get_type_hints

import pytest
import yaml

from bot.core.engine import Engine
from bot.core.knowledge import (
    DEFAULT_KNOWLEDGE_DIR,
    Knowledge,
    KnowledgeError,
    Responses,
    SuggestionText,
    Uses,
    load_knowledge,
)
from bot.core.query import Query
from bot.evaluate import load_cases


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / "knowledge"
    shutil.copytree(DEFAULT_KNOWLEDGE_DIR, target)
    return target


def _edit(directory: Path, old: str, new: str, file: str = "responses.yaml") -> Path:
    path = directory / file
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return directory


BROKEN = {
    "unknown placeholder": (
        '  district: "📍 {district} está en {province}."',
        '  district: "📍 {ciudad} está en {province}."',
        "entrada emergency.district: marcador desconocido {ciudad}",
    ),
    "placeholder of another text": (
        'where_cem: {label: "¿Dónde hay un CEM?", query: "dónde hay un CEM"}',
        'where_cem: {label: "¿Dónde hay un CEM?", query: "dónde hay un CEM en {province}"}',
        "entrada suggestions.where_cem: marcador desconocido {province}",
    ),
    "missing text": (
        '  closing: "Usted no tiene la culpa. Si puede, vaya a un lugar seguro."\n',
        "",
        "entrada emergency.closing: falta este campo obligatorio",
    ),
    "unknown text": (
        '  offers: "Ofrece:"',
        '  offers: "Ofrece:"\n  offer: "Ofrece:"',
        "entrada describe.offer: clave desconocida",
    ),
    "unclosed bold": (
        '"📖 <b>Glosario</b>"',
        '"📖 <b>Glosario"',
        "entrada chat.glossary: etiqueta <b> sin cerrar",
    ),
    "markup in a plain text": (
        '  greeting: "Hola"',
        '  greeting: "<b>Hola</b>"',
        "entrada titles.greeting: este texto va sin formato",
    ),
    "raw angle bracket": ('"Ofrece:"', '"Ofrece <3:"', "entrada describe.offers: use solo"),
    "lone brace": ('"Ofrece:"', '"Ofrece: {"', "entrada describe.offers: llave"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_responses_are_refused_with_file_line_and_entry(tmp_path: Path, case: str) -> None:
    old, new, words = BROKEN[case]
    directory = _edit(_copy(tmp_path), old, new)
    with pytest.raises(KnowledgeError) as err:
        load_knowledge(directory)
    message = str(err.value)
    assert message.startswith("responses.yaml, línea "), message
    assert words in message, message
    assert "\n" not in message


def test_unknown_placeholder_names_its_line(tmp_path: Path) -> None:
    directory = _edit(_copy(tmp_path), "{district} está en", "{ciudad} está en")
    lines = (directory / "responses.yaml").read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(lines, 1) if "{ciudad}" in text)
    with pytest.raises(KnowledgeError, match=re.escape(f"responses.yaml, línea {line}: ")):
        load_knowledge(directory)


def test_check_command_gives_one_line(tmp_path: Path) -> None:
    directory = _edit(_copy(tmp_path), "{district} está en", "{ciudad} está en")
    out = subprocess.run(
        [sys.executable, "-m", "bot", "check", "--knowledge", str(directory)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 1
    assert len(out.stderr.strip().splitlines()) == 1, out.stderr
    assert "responses.yaml, línea" in out.stderr and "{ciudad}" in out.stderr


def test_missing_file_is_refused(tmp_path: Path) -> None:
    directory = _copy(tmp_path)
    (directory / "responses.yaml").unlink()
    with pytest.raises(KnowledgeError, match=re.escape("responses.yaml: falta el archivo")):
        load_knowledge(directory)


def test_violence_flag(kb: Knowledge, tmp_path: Path) -> None:
    flagged = [s.id for s in kb.services.values() if s.violence]
    assert flagged == ["cem", "estrategia_rural", "linea_100", "sau"]
    directory = _edit(_copy(tmp_path), "violence: true", "violence: tal vez", "services.yaml")
    with pytest.raises(KnowledgeError, match=r"services.yaml, línea \d+: entrada services\[1\]"):
        load_knowledge(directory)


def test_texts_come_from_the_file(tmp_path: Path) -> None:
    directory = _copy(tmp_path)
    _edit(directory, "Usted no tiene la culpa.", "No es su culpa.")
    _edit(directory, 'example_place: "Juliaca"', 'example_place: "Ilave"')
    engine = Engine(load_knowledge(directory))
    assert engine.emergency_card().text.endswith(
        "No es su culpa. Si puede, vaya a un lugar seguro."
    )
    queries = [s.query for s in engine.reply("qué servicios hay").suggestions]
    assert "qué servicios hay en Ilave" in queries


def _groups(group: type[Any], data: dict[str, Any]) -> None:
    """Append every declared placeholder to every text of ``data`` (in place)."""
    hints = get_type_hints(group, include_extras=True)
    for name in (f.name for f in fields(group)):
        kind, *metadata = get_args(hints[name]) or (hints[name],)
        uses = next((m for m in metadata if isinstance(m, Uses)), Uses())
        extra = "".join(f" {{{n}}}" for n in uses.names.split())
        value = data[name]
        if kind is SuggestionText:
            data[name] = {k: v + extra for k, v in value.items()}
        elif is_dataclass(kind):
            _groups(kind, value)  # type: ignore[arg-type]
        elif isinstance(value, str):
            data[name] = value + extra


def _without_some_sites(kb: Knowledge) -> Knowledge:
    """No CEM in Lampa and no UPE anywhere, for the lines about what is missing."""
    cem, upe = kb.coverage["cem"], kb.coverage["upe"]
    coverage = {
        **kb.coverage,
        "cem": replace(cem, counts=[c for c in cem.counts if c.province != "lampa"]),
        "upe": replace(upe, counts=[replace(c, count=0) for c in upe.counts]),
    }
    return replace(kb, coverage=coverage)


def test_the_code_fills_every_declared_placeholder(tmp_path: Path, kb: Knowledge) -> None:
    """With every text using all its placeholders, every card still renders."""
    directory = _copy(tmp_path)
    path = directory / "responses.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    _groups(Responses, data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    engine = Engine(_without_some_sites(load_knowledge(directory)))
    assert "{" not in engine.emergency_card().html
    for sid in kb.services:
        engine.service_card(sid)
    for pid in kb.provinces:
        engine.province_card(pid)
    for situation in kb.situations:
        for pid in (None, "puno", "lampa"):
            engine.referral_card(situation, pid)
    for term in kb.glossary:
        engine.glossary_term(term)
    engine.help_card()
    engine.glossary_card()
    engine.nearest_card(-12.0464, -77.0428)  # far away
    engine.nearest_card(-15.36, -70.37)  # Lampa, here without a CEM
    engine.compose(Query(text="", normalized="", intent="stats"))  # figures of what?
    questions = [case.q for _, case in load_cases([Path(__file__).parents[1] / "eval"])]
    for question in questions:
        answer = engine.reply(question)
        assert answer.html and answer.title is not None
