"""The real knowledge reproduces the seed; broken copies are refused with a clear message."""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.core.knowledge import DEFAULT_KNOWLEDGE_DIR, Knowledge, KnowledgeError, load_knowledge
from bot.core.text import fold

UBIGEO_CSV = Path(__file__).resolve().parents[3] / "shared" / "reference" / "puno_ubigeo.csv"

SERVICE_IDS = [
    "cem",
    "estrategia_rural",
    "linea_100",
    "sau",
    "car",
    "cedif",
    "educadores_calle",
    "adopcion",
    "upe",
    "mi60",
    "conadis",
    "demuna",
    "ciam",
    "oredis",
    "juguemos",
    "ponte_en_modo_ninez",
    "beneficencia",
]
PROVINCE_IDS = [
    "puno",
    "azangaro",
    "carabaya",
    "chucuito",
    "el_collao",
    "huancane",
    "lampa",
    "melgar",
    "moho",
    "san_antonio_de_putina",
    "san_roman",
    "sandia",
    "yunguyo",
]


def test_fixed_ids(kb: Knowledge) -> None:
    assert list(kb.services) == SERVICE_IDS
    assert list(kb.provinces) == PROVINCE_IDS


@pytest.mark.parametrize(
    ("service", "total"),
    [
        ("cem", 20),
        ("estrategia_rural", 4),
        ("car", 4),
        ("educadores_calle", 4),
        ("demuna", 107),
        ("ciam", 75),
        ("beneficencia", 7),
        ("cedif", 1),
        ("adopcion", 1),
        ("upe", 1),
        ("sau", 1),
        ("oredis", 1),
        ("conadis", 1),
    ],
)
def test_department_totals(kb: Knowledge, service: str, total: int) -> None:
    assert kb.total(service) == total


def test_cem_breakdown(kb: Knowledge) -> None:
    counts = kb.coverage["cem"].counts
    assert sum(c.count for c in counts if c.kind == "regular") == 13
    assert sum(c.count for c in counts if c.kind == "comisaria") == 7
    assert kb.count("cem", "chucuito") == 3
    assert kb.count("cem", "puno") == 2
    assert kb.count("cem", "yunguyo") == 2


def test_seed_inconsistency_is_kept(kb: Knowledge) -> None:
    assert kb.consolidated_count("cem", "puno") == 3
    assert kb.consolidated_count("cem", "yunguyo") == 1
    assert len(kb.warnings) == 2
    assert any("Puno" in w for w in kb.warnings)
    assert any("Yunguyo" in w for w in kb.warnings)


def test_consolidated_totals(kb: Knowledge) -> None:
    totals = {t.id: t.total for t in kb.consolidated}
    assert totals == {"operados": 36, "coordinados": 190}
    operated = sum(kb.total(s) for s in kb.consolidated[0].totals)
    coordinated = sum(kb.total(s) for s in kb.consolidated[1].totals)
    assert (operated, coordinated) == (36, 190)


def test_named_sites(kb: Knowledge) -> None:
    sites = {
        (c.province, s.name, s.district)
        for c in kb.coverage["estrategia_rural"].counts
        for s in c.sites
    }
    assert sites == {
        ("chucuito", "Huacullani", "210403"),
        ("puno", "PIAS Lago Titicaca", "210101"),
        ("carabaya", "Coasa", "210304"),
        ("carabaya", "Corani", "210305"),
    }
    cedif = kb.coverage["cedif"].counts[0]
    assert (cedif.province, cedif.sites[0].name) == ("chucuito", "CEDIF Juli")


@pytest.mark.skipif(not UBIGEO_CSV.is_file(), reason="shared reference not beside the repo")
def test_gazetteer_matches_inei() -> None:
    kb = load_knowledge()
    rows = list(csv.DictReader(UBIGEO_CSV.open(encoding="utf-8")))
    assert len(rows) == len(kb.districts) == 110
    for row in rows:
        d = kb.districts[row["ubigeo"]]
        assert d.name == row["district"]
        assert d.capital == row["capital"]
        assert fold(kb.provinces[d.province].name) == fold(row["province"])
        assert d.latitude == pytest.approx(float(row["latitude"]), abs=1e-6)
        assert d.longitude == pytest.approx(float(row["longitude"]), abs=1e-6)
    per_province = {p: sum(d.province == p for d in kb.districts.values()) for p in kb.provinces}
    assert per_province["puno"] == 15 and per_province["chucuito"] == 7
    assert len(per_province) == 13


def test_real_ambiguities_are_explicit(kb: Knowledge) -> None:
    santa_rosa = [d for d in kb.districts.values() if d.name == "Santa Rosa"]
    assert {kb.provinces[d.province].id for d in santa_rosa} == {"el_collao", "melgar"}
    chucuito = [d for d in kb.districts.values() if d.name == "Chucuito"]
    assert [d.province for d in chucuito] == ["puno"]


# --- broken copies -----------------------------------------------------------------------


def _broken(tmp_path: Path, file: str, edit: Callable[[str], str]) -> Path:
    target = tmp_path / "knowledge"
    shutil.copytree(DEFAULT_KNOWLEDGE_DIR, target)
    path = target / file
    original = path.read_text(encoding="utf-8")
    changed = edit(original)
    assert changed != original, "the edit must change the file"
    path.write_text(changed, encoding="utf-8")
    return target


BROKEN = {
    "yaml syntax": ("services.yaml", lambda s: s.replace("services:", "services: [", 1), "YAML"),
    "unknown key": (
        "locations.yaml",
        lambda s: s.replace(
            "    label: Estrategia Rural (ER)",
            "    label: Estrategia Rural (ER)\n    colour: red",
            1,
        ),
        "clave desconocida",
    ),
    "negative count": (
        "locations.yaml",
        lambda s: s.replace("{province: moho, count: 4}", "{province: moho, count: -4}", 1),
        "negativo",
    ),
    "unknown province": (
        "locations.yaml",
        lambda s: s.replace("{province: sandia, count: 10}", "{province: sandya, count: 10}", 1),
        "provincia desconocida",
    ),
    "duplicate id": (
        "glossary.yaml",
        lambda s: s.replace("- id: pam\n", "- id: nna\n", 1),
        "repetido",
    ),
    "duplicate question about the bot": (
        "practical.yaml",
        lambda s: s.replace("  - id: borrar\n", "  - id: guarda\n", 1),
        "repetido",
    ),
    "duplicate victim": (
        "harm.yaml",
        lambda s: s.replace("\n  - id: discapacidad\n", "\n  - id: nna\n", 1),
        "repetido",
    ),
    "missing description": (
        "services.yaml",
        lambda s: _drop_first_description(s),
        "description",
    ),
    "a word place that is no place": (
        "lexicon.yaml",
        lambda s: s.replace("word_places: [chupa,", "word_places: [chupo,", 1),
        "no es el nombre de una provincia ni de un distrito",
    ),
    "a month past december": (
        "lexicon.yaml",
        lambda s: s.replace("diciembre: 12}", "diciembre: 13}", 1),
        "no puede ser mayor que 12",
    ),
    "a month before january": (
        "lexicon.yaml",
        lambda s: s.replace("{enero: 1,", "{enero: 0,", 1),
        "no puede ser menor que 1",
    ),
    "a noun place that is no place": (
        "lexicon.yaml",
        lambda s: s.replace("noun_places: [puno,", "noun_places: [punio,", 1),
        "no es el nombre de una provincia ni de un distrito",
    ),
    "unknown victim for an act": (
        "harm.yaml",
        lambda s: s.replace("only_for: [nna]", "only_for: [ninos]", 1),
        "víctima desconocida",
    ),
    "template syntax in a name": (
        "services.yaml",
        lambda s: s.replace("      - llamo a la linea", "      - (llamo|marco) a la linea", 1),
        "formato no válido",
    ),
    "bad template in the disclosures": (
        "harm.yaml",
        lambda s: s.replace("\n  - (me|nos|le|les) (conto|", "\n  - (me|nos|le|les (conto|", 1),
        "plantilla no válida",
    ),
    "bad template in a grammar list": (
        "lexicon.yaml",
        lambda s: s.replace("    - escribo por (mi|su) (", "    - escribo por (mi|su (", 1),
        "plantilla no válida",
    ),
    "unknown signal for a second part": (
        "intents.yaml",
        lambda s: s.replace("stats: [cue_stats, figures]", "stats: [cue_stats, figuras]", 1),
        "señal desconocida",
    ),
    "unknown service in a location": (
        "locations.yaml",
        lambda s: s.replace("- service: cedif", "- service: cedeef", 1),
        "servicio desconocido",
    ),
}


def _drop_first_description(text: str) -> str:
    lines = text.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.lstrip().startswith("description:"))
    end = start + 1
    while end < len(lines) and lines[end].startswith(
        " " * (len(lines[start]) - len(lines[start].lstrip()) + 2)
    ):
        end += 1
    return "".join(lines[:start] + lines[end:])


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_copy_is_refused(tmp_path: Path, case: str) -> None:
    file, edit, words = BROKEN[case]
    directory = _broken(tmp_path, file, edit)
    with pytest.raises(KnowledgeError) as err:
        load_knowledge(directory)
    message = str(err.value)
    assert message.startswith(file), message
    assert words in message, message
    if case != "yaml syntax":
        assert "línea" in message and "entrada" in message, message


def test_check_command_ok() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "bot", "check"], capture_output=True, text=True, check=False
    )
    assert out.returncode == 0, out.stderr
    assert "servicios: 17" in out.stdout
    assert "distritos: 110" in out.stdout
    assert "aviso:" in out.stdout


def test_check_command_broken(tmp_path: Path) -> None:
    directory = _broken(tmp_path, *BROKEN["negative count"][:2])
    out = subprocess.run(
        [sys.executable, "-m", "bot", "check", "--knowledge", str(directory)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 1
    assert "locations.yaml" in out.stderr and "Traceback" not in out.stderr


def test_missing_directory(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeError, match="no existe"):
        load_knowledge(tmp_path / "nothing")


def test_a_file_not_saved_as_utf8_is_one_line(tmp_path: Path) -> None:
    directory = tmp_path / "knowledge"
    shutil.copytree(DEFAULT_KNOWLEDGE_DIR, directory)
    with (directory / "glossary.yaml").open("ab") as f:
        f.write("# café\n".encode("latin-1"))  # as Notepad's "ANSI" saves it
    with pytest.raises(
        KnowledgeError, match=r"glossary\.yaml, línea \d+: el archivo no está en UTF-8"
    ):
        load_knowledge(directory)
