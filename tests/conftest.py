"""Shared fixtures: the real knowledge, loaded once per test session; a temporary data
folder for the whole session."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.core.engine import Engine
from bot.core.knowledge import Knowledge, load_knowledge


@pytest.fixture(scope="session")
def kb() -> Knowledge:
    return load_knowledge()


@pytest.fixture(scope="session")
def engine(kb: Knowledge) -> Engine:
    return Engine(kb)


@pytest.fixture(scope="session", autouse=True)
def session_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """DATA_DIR and the engine cache in temporary folders: no test writes the repository's
    ``data/`` or the user's cache."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DATA_DIR", str(tmp_path_factory.mktemp("data")))
        patch.setenv("BOT_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        yield
