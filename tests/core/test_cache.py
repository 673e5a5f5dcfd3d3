"""The engine cache: a start reads the built engine when nothing changed, builds it again
when a knowledge file changed, and works without a usable cache."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.core.cache import cached_engine, digest
from bot.core.knowledge import DEFAULT_KNOWLEDGE_DIR, KnowledgeError

QUESTION = "mi esposo me pega, hay cem en ilave"


@pytest.fixture
def knowledge(tmp_path: Path) -> Path:
    folder = tmp_path / "knowledge"
    shutil.copytree(DEFAULT_KNOWLEDGE_DIR, folder)
    return folder


def test_a_second_start_reads_the_cache(
    knowledge: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    built = cached_engine(knowledge, cache)
    assert len(list(cache.glob("engine-*.pickle"))) == 1

    def no_building(directory: Path) -> None:
        raise AssertionError("built again")

    monkeypatch.setattr("bot.core.cache.load_knowledge", no_building)
    read = cached_engine(knowledge, cache)
    assert read is not built
    assert read.reply(QUESTION).text == built.reply(QUESTION).text


def test_the_cache_leaves_out_what_only_builds_the_matchers(
    knowledge: Path, tmp_path: Path
) -> None:
    """The parsed templates and the phrases' words are left out of the file; the engine
    read back answers as the one built (harm, places below the district, Quechua, typos)."""
    cache = tmp_path / "cache"
    built = cached_engine(knowledge, cache)
    read = cached_engine(knowledge, cache)
    assert built.kb.templates and not read.kb.templates
    assert built.kb.localities and not read.kb.localities
    assert not read.understanding.lexicons._normal
    for question in (
        QUESTION,
        "hay demuna en la rinconada",
        "qosay maqawan sapa tuta, vivo en ilave",
        "mi bescino le pega a su esposa",
        "cuantos casos atendio el cem en 2022",
    ):
        assert read.reply(question).text == built.reply(question).text


def test_a_changed_file_builds_and_validates_again(knowledge: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cached_engine(knowledge, cache)
    before = digest(knowledge)
    services = knowledge / "services.yaml"
    services.write_text(services.read_text() + "\nbroken: [\n")
    assert digest(knowledge) != before
    with pytest.raises(KnowledgeError):
        cached_engine(knowledge, cache)


def test_an_unusable_cache_is_ignored(knowledge: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    assert cached_engine(knowledge, blocked / "cache").reply(QUESTION).harm
    cache = tmp_path / "cache"
    cached_engine(knowledge, cache)
    [saved] = cache.glob("engine-*.pickle")
    saved.write_bytes(b"torn")
    assert cached_engine(knowledge, cache).reply(QUESTION).harm
    assert saved.read_bytes() != b"torn"  # written again


def test_a_file_not_in_utf8_gives_the_usual_error(knowledge: Path, tmp_path: Path) -> None:
    (knowledge / "services.yaml").write_bytes(b"\xff\xfe not utf-8")
    with pytest.raises(KnowledgeError, match=r"services\.yaml"):
        cached_engine(knowledge, tmp_path / "cache")
