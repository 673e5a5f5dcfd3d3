"""The console chat: the same conversation as on Telegram, with suggestions as text."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest


def test_more_information_and_the_place_kept(
    workdir: Path,
    capsys: pytest.CaptureFixture[str],
    console_chat: Callable[[list[str]], int],
) -> None:
    turns = ["¿Dónde hay un CEM?", "más información", "vivo en ilave", "anoche me golpeó"]
    assert console_chat(turns) == 0
    out = capsys.readouterr().out
    assert "servicios de Puno" in out.splitlines()[0]  # the department of the knowledge
    assert "Sugerencias: Más información" in out
    assert "Chucuito: 3 (1 CEM regular y 2 CEM en comisaría)" in out
    last = out[out.rindex("🚨") :]  # the emergency answer, the last one
    assert last.index("105") < last.index("El Collao")
