"""``python -m bot demanda``: the sections, the small-cell rule, the CSV and the chart."""

from __future__ import annotations

import csv
import re
import sys
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest
from PIL import Image

from bot.__main__ import main
from bot.ops.counters import CounterStore, counters_path
from bot.ops.demand import Cell

MONDAY = date.today() - timedelta(days=date.today().weekday() + 14)  # two weeks ago


def cell(day: date = MONDAY, **fields: object) -> Cell:
    values: dict[str, object] = {
        "channel": "private",
        "intent": "locate",
        "service": "",
        "province": "",
        "danger": False,
        "unmet": False,
    }
    values.update(fields)
    return Cell(day=day, **values)  # type: ignore[arg-type]


# Lampa·CEM 6 over two days, Moho·CAR 5 (none in Moho: unmet), Yunguyo·DEMUNA 4 (hidden),
# danger 7 in the first week and 3 in the second, 5 unknown of 30 messages.
COUNTS = Counter(
    {
        cell(service="cem", province="lampa"): 4,
        cell(MONDAY + timedelta(days=1), service="cem", province="lampa"): 2,
        cell(service="car", province="moho", unmet=True): 5,
        cell(service="demuna", province="yunguyo", channel="group"): 4,
        cell(intent="emergency", danger=True): 7,
        cell(MONDAY + timedelta(days=8), intent="emergency", danger=True, province="puno"): 3,
        cell(intent="unknown", channel="inline"): 5,
    }
)


@pytest.fixture
def counted(workdir: Path) -> Path:
    path = counters_path(workdir / "data")
    CounterStore(path, retention_days=400).write(COUNTS)
    return path


def demanda(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["demanda", *args])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def section(text: str, title: str) -> str:
    """The lines of one section of the report (up to the next blank line)."""
    return text.split(title, 1)[1].split("\n\n", 1)[0]


def has_row(text: str, pattern: str) -> bool:
    """Whether a line of ``text`` ends with ``pattern`` (a regular expression)."""
    return re.search(pattern + "$", text, re.MULTILINE) is not None


def test_the_report(counted: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = demanda(capsys)
    assert code == 0
    last = MONDAY + timedelta(days=8)
    assert f"Demanda anónima del {MONDAY} al {last} (todas las provincias)." in out
    assert "Mensajes respondidos: 30." in out
    assert "No entendidos (unknown): 17 % (5 de 30)." in out
    asked = section(out, "Preguntas por provincia y servicio")
    assert has_row(asked, r"Lampa +CEM +6")
    assert has_row(asked, r"Moho +CAR +5")
    danger = section(out, "Mensajes sobre peligro por semana")
    assert has_row(danger, rf"{MONDAY} +7")
    assert has_row(danger, rf"{MONDAY + timedelta(weeks=1)} +menos de 5")
    unmet = section(out, "Demanda sin oferta")
    assert has_row(unmet, r"Moho +CAR +5 +0 +4")  # asked 5 times; none in Moho, 4 in the department
    assert "Lampa" not in unmet


def test_a_cell_under_5_is_never_shown_nor_exported(
    counted: Path, workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table, chart = workdir / "tabla.csv", workdir / "grafico.png"
    code, out = demanda(capsys, "--csv", str(table), "--grafico", str(chart))
    assert code == 0
    assert "Yunguyo" not in out and "DEMUNA" not in out  # 4 messages
    assert has_row(out, rf"{MONDAY + timedelta(weeks=1)} +menos de 5")  # 3
    with table.open(encoding="utf-8") as rows:
        exported = list(csv.reader(rows))
    assert exported == [
        [
            "provincia",
            "servicio",
            "mensajes",
            "sin_oferta",
            "en_la_provincia",
            "en_el_departamento",
        ],
        ["lampa", "cem", "6", "", "1", "20"],
        ["moho", "car", "5", "5", "0", "4"],
    ]
    assert chart.read_bytes().startswith(b"\x89PNG")
    with Image.open(chart) as image:
        assert image.size == (800, 700)


def test_a_period_and_a_province(counted: Path, capsys: pytest.CaptureFixture[str]) -> None:
    second = MONDAY + timedelta(days=1)
    code, out = demanda(capsys, "--desde", str(second), "--hasta", str(second))
    assert code == 0
    assert f"del {second} al {second}" in out
    assert "Menos de 5 mensajes en el período" in out and "Lampa" not in out
    code, out = demanda(capsys, "--provincia", "moho")
    assert code == 0 and "(provincia de Moho)" in out
    assert has_row(out, r"Moho +CAR +5") and "Lampa" not in out


def test_nothing_counted_yet(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = demanda(capsys)
    assert code == 0
    assert "No hay mensajes contados en el período" in out
    assert not (workdir / "data").exists()


def test_wrong_arguments_are_explained(counted: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = demanda(capsys, "--provincia", "lima")
    assert code == 2 and "Provincia desconocida: lima" in out and "chucuito" in out
    code, out = demanda(capsys, "--desde", "2025-03-02", "--hasta", "2025-03-01")
    assert code == 2 and "posterior" in out
    with pytest.raises(SystemExit):
        main(["demanda", "--desde", "2025-13-01"])
    assert "fecha inválida: 2025-13-01" in capsys.readouterr().err


def test_the_report_works_without_the_chart_library(
    counted: Path,
    workdir: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # as if the extra were not installed
    code, out = demanda(capsys, "--grafico", str(workdir / "g.png"))
    assert code == 1
    assert "Preguntas por provincia y servicio" in out
    assert "instale el extra chart" in out
    assert not (workdir / "g.png").exists()
