"""The harm and calm messages a round lists as data (``tests/core/phrases/*.yaml``: ``harm``
read as harm, Línea 100 first; ``calm`` and ``no_case`` read as no harm; ``no_case`` neither
an emergency nor a referral chosen by a gate of the model; ``places``, each message with the
province its case is in)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.core.engine import Engine

PHRASES = Path(__file__).parent / "phrases"


def _listed(kind: str) -> list[Any]:
    """Every message listed under ``kind``, named by its file."""
    return [
        pytest.param(text, id=f"{path.stem}-{i}")
        for path in sorted(PHRASES.glob("*.yaml"))
        for i, text in enumerate(yaml.safe_load(path.read_text(encoding="utf-8")).get(kind, []))
    ]


@pytest.mark.parametrize("text", _listed("harm"))
def test_listed_harm_is_read(read_as_meant: Callable[..., None], text: str) -> None:
    read_as_meant(text, harmful=True)


@pytest.mark.parametrize("text", _listed("calm") + _listed("no_case"))
def test_listed_calm_messages_read_no_harm(read_as_meant: Callable[..., None], text: str) -> None:
    read_as_meant(text, harmful=False)


@pytest.mark.parametrize("text", _listed("no_case"))
def test_listed_calm_messages_are_no_case(engine: Engine, text: str) -> None:
    assert engine.reply(text).intent not in ("emergency", "referral"), text


@pytest.mark.parametrize("case", _listed("places"))
def test_listed_places_are_the_cases(engine: Engine, case: dict[str, str]) -> None:
    assert engine.reply(case["q"]).province == case["province"], case["q"]
