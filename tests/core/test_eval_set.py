"""The labelled evaluation set: well formed, broad enough, and every danger case caught."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from bot.core.engine import Engine
from bot.core.knowledge import Knowledge
from bot.evaluate import Case, load_cases, load_known_failures, run_cases

EVAL_DIR = Path(__file__).resolve().parents[1] / "eval"


@pytest.fixture(scope="module")
def cases() -> list[tuple[str, Case]]:
    return load_cases([EVAL_DIR])


def _intents(case: Case) -> list[str]:
    if case.intent is None:
        return []
    return case.intent if isinstance(case.intent, list) else [case.intent]


def test_every_emergency_is_caught(engine: Engine, cases: list[tuple[str, Case]]) -> None:
    """Every emergency of the set, but the known failures listed beside it."""
    known = load_known_failures([EVAL_DIR])
    danger = [(src, c) for src, c in cases if _intents(c) == ["emergency"] and c.key not in known]
    assert len(danger) >= 40
    missed = [
        f"{r.source}: {r.case.q!r} -> {r.answer.intent}"
        for r in run_cases(engine, danger)
        if r.answer.intent != "emergency"
    ]
    assert not missed, "\n".join(missed)
    for r in run_cases(engine, danger):
        assert "100" in r.answer.text.splitlines()[1]


def test_set_is_broad(kb: Knowledge, cases: list[tuple[str, Case]]) -> None:
    assert len(cases) >= 300
    singles = [c.key for src, c in cases if "." not in src.split("#")[1]]  # not conversation turns
    assert len(set(singles)) == len(singles), "duplicate questions"
    per_intent = Counter(i for _, c in cases for i in _intents(c)[:1])
    assert per_intent["unknown"] >= 30 and per_intent["stats"] >= 30
    assert per_intent["emergency"] >= 40
    services = {
        s
        for _, c in cases
        for s in ([c.service] if isinstance(c.service, str) else c.service or [])
    }
    assert services >= set(kb.services)
    assert {c.province for _, c in cases if c.province} >= set(kb.provinces)


def test_labels_name_real_ids(kb: Knowledge, cases: list[tuple[str, Case]]) -> None:
    for src, c in cases:
        named = [c.service] if isinstance(c.service, str) else list(c.service or [])
        for sid in [*named, *c.services_include, *c.services_any]:
            assert sid in kb.services, f"{src}: {sid}"
        assert c.province is None or c.province in kb.provinces, src
