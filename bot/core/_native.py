"""The core's hot modules compiled to C with mypyc (``make native``), and the guard that
keeps a stale build from running.

``make`` compiles the modules of ``NATIVE`` next to their sources (``matcher.cpython-*.so``
beside ``matcher.py``); Python then imports the compiled module first. The build writes the
digest of the sources it compiled to ``DIGEST_FILE``. When a source changed since (edited
without running ``make``), every compiled module is ignored and the sources run instead, said
once in the log at INFO level (a command's output stays as it is): compiled modules call each
other directly, so one stale module would bring its old code into the others. Without a C
compiler nothing is compiled and the core runs as plain Python, slower (README, "Speed and
memory of the core")."""

from __future__ import annotations

import hashlib
import importlib.util
import logging
import sys
from importlib.machinery import ModuleSpec
from pathlib import Path

logger = logging.getLogger(__name__)

CORE = Path(__file__).parent
PACKAGE = __name__.rpartition(".")[0]
# the modules where a message's words are walked and scored: compiled, about twice as fast
NATIVE = ("matcher", "signals", "decide", "features", "text", "localities")
DIGEST_FILE = CORE / "_native.digest"


def sources_digest() -> str:
    """The digest of the sources of ``NATIVE``."""
    h = hashlib.sha256()
    for name in NATIVE:
        h.update((CORE / f"{name}.py").read_bytes())
    return h.hexdigest()


def built() -> bool:
    """Whether a build of the current sources is there."""
    try:
        return DIGEST_FILE.read_text().strip() == sources_digest()
    except OSError:
        return False


def compiled() -> bool:
    """Whether the compiled modules are the ones running."""
    module = sys.modules.get(f"{PACKAGE}.{NATIVE[0]}")
    return module is not None and not str(module.__file__).endswith(".py")


class _Sources:
    """An import finder that loads the modules of ``NATIVE`` from their sources."""

    @staticmethod
    def find_spec(name: str, path: object = None, target: object = None) -> ModuleSpec | None:
        package, _, short = name.rpartition(".")
        if package != PACKAGE or short not in NATIVE:
            return None
        return importlib.util.spec_from_file_location(name, CORE / f"{short}.py")


def guard() -> None:
    """Run the sources instead of a stale build (see the module's docstring)."""
    if not DIGEST_FILE.exists() or built():
        return
    logger.info("Compiled core older than its sources: running the sources (run make)")
    sys.meta_path.insert(0, _Sources())
