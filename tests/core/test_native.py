"""The compiled core: a stale build never runs, and compiled or not the engine survives the
cache."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot.core import _native

ROOT = Path(__file__).resolve().parents[2]
WHICH = "import bot.core.matcher as m, bot.core._native as n; print(m.__file__, n.compiled())"


def _copy(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "bot", tmp_path / "bot", ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path


def _which(folder: Path) -> str:
    done = subprocess.run(
        [sys.executable, "-c", WHICH], cwd=folder, capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def test_the_digest_follows_every_compiled_source() -> None:
    assert len(_native.sources_digest()) == 64
    assert all((_native.CORE / f"{name}.py").exists() for name in _native.NATIVE)


@pytest.mark.skipif(not _native.built(), reason="the core is not compiled here (no C compiler)")
def test_a_build_of_the_current_sources_runs_compiled(tmp_path: Path) -> None:
    assert _which(_copy(tmp_path)).endswith("True")


def test_a_stale_build_is_ignored_and_the_sources_run(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    source = folder / "bot" / "core" / "text.py"
    source.write_text(source.read_text() + "\n# edited after the build\n")
    (folder / "bot" / "core" / "_native.digest").write_text("0" * 64 + "\n")
    path, compiled = _which(folder).split()
    assert path.endswith("matcher.py")
    assert compiled == "False"
