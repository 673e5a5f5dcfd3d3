"""Shared fixtures: the real knowledge, loaded once per test session."""

from __future__ import annotations

import pytest

from bot.core.engine import Engine
from bot.core.knowledge import Knowledge, load_knowledge


@pytest.fixture(scope="session")
def kb() -> Knowledge:
    return load_knowledge()


@pytest.fixture(scope="session")
def engine(kb: Knowledge) -> Engine:
    return Engine(kb)
