"""Compile the core's hot modules with mypyc (``make native``; ``make setup`` runs it).

    python scripts/build_native.py          # compile, next to the sources
    python scripts/build_native.py --clean  # remove the compiled modules

Writes ``bot/core/<module>.cpython-*.so`` for each module of ``bot.core._native.NATIVE``,
the shared ``bot/core/_native__mypyc.*.so``, and the digest of the sources compiled. Without
a C compiler it says so and leaves the core as plain Python (exit 0: the bot works either
way, slower)."""

from __future__ import annotations

import argparse
import importlib.util
import subprocess
import sys
import tempfile
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]


def _load_native() -> ModuleType:
    """``bot/core/_native.py`` alone: importing the package would warn that the build is
    stale, which is why this runs."""
    spec = importlib.util.spec_from_file_location("_native", ROOT / "bot/core/_native.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_native = _load_native()

# what mypyc needs of the project's mypy settings: libraries without type hints
MYPY = """[mypy]
plugins = pydantic.mypy
[mypy-rapidfuzz.*,Stemmer]
ignore_missing_imports = True
"""
SETUP = """
from setuptools import setup
from mypyc.build import mypycify
setup(name="bot-native", ext_modules=mypycify({paths!r}, group_name="bot.core._native",
      opt_level="3"), script_args=["build_ext", "--inplace", "--build-temp", {temp!r},
      "--build-lib", {temp!r}])
"""


def clean() -> None:
    for path in _native.CORE.glob("*.so"):
        path.unlink()
    _native.DIGEST_FILE.unlink(missing_ok=True)


def build() -> int:
    clean()
    paths = [f"bot/core/{name}.py" for name in _native.NATIVE]
    digest = _native.sources_digest()
    # built in a folder of its own (the project's pyproject.toml is not for this setup),
    # where ``bot`` is the project's: the modules land beside their sources
    with tempfile.TemporaryDirectory() as temp:
        (Path(temp) / "bot").symlink_to(ROOT / "bot")
        (Path(temp) / "mypy.ini").write_text(MYPY)
        script = SETUP.format(paths=paths, temp=f"{temp}/build")
        done = subprocess.run(
            [sys.executable, "-c", script], cwd=temp, capture_output=True, text=True
        )
    if done.returncode != 0:
        clean()
        tail = (done.stderr or done.stdout).strip().splitlines()[-3:]
        print("Core not compiled (it runs as plain Python, slower):", *tail, sep="\n  ")
        return 0
    _native.DIGEST_FILE.write_text(digest + "\n")
    print(f"Core compiled: {', '.join(_native.NATIVE)}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clean", action="store_true", help="remove the compiled modules")
    if parser.parse_args().clean:
        clean()
        return 0
    return build()


if __name__ == "__main__":
    sys.exit(main())
