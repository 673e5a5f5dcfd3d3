"""A built engine kept on disk, so that a start reads it instead of building it again.

Building the engine (validating every knowledge file, compiling the phrase automata, the
9 000 place names, the model) costs most of a cold start; unpickling it costs a fraction.
The cache file is named by a digest of every knowledge file, of the core's source code and
of the Python, pydantic and PyYAML versions, and of whether the core runs compiled, so any
change to them builds (and validates) afresh.
It holds only the knowledge, nothing a user wrote. A cache that cannot be read or written is
ignored: the engine is then built as without it.
"""

from __future__ import annotations

import copyreg
import gc
import hashlib
import importlib.util
import logging
import os
import pickle
import sys
import tempfile
import types
from pathlib import Path
from typing import Any, BinaryIO

import Stemmer

from bot.core import _native
from bot.core.engine import Engine
from bot.core.knowledge import load_knowledge

logger = logging.getLogger(__name__)

CACHE_ENV = "BOT_CACHE_DIR"  # where the console's cache lives; empty: no cache
CACHE_FOLDER = "cache"  # the Telegram bot's cache: this folder of its data folder
PREFIX = "engine-"
CORE = Path(__file__).parent


def _mapping_proxy(items: dict[Any, Any]) -> types.MappingProxyType[Any, Any]:
    return types.MappingProxyType(items)


copyreg.pickle(types.MappingProxyType, lambda m: (_mapping_proxy, (dict(m),)))


def default_cache_dir() -> Path | None:
    """``$BOT_CACHE_DIR`` (empty: no cache), else the user's cache folder."""
    if CACHE_ENV in os.environ:
        value = os.environ[CACHE_ENV]
        return Path(value) if value else None
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "bot-engine"


# the file of each validating library that states its version, read without importing it
VERSION_FILES = (("pydantic", "version.py"), ("yaml", "__init__.py"))


def digest(directory: Path) -> str:
    """What the engine is built from: the knowledge files, the core's code, and the versions
    of Python and of the libraries whose output it holds (validation, YAML, word roots)."""
    # a compiled core (``_native``) pickles its classes otherwise than the plain one
    h = hashlib.sha256(f"{sys.version}|{Stemmer.version()}|{_native.compiled()}".encode())
    for package, name in VERSION_FILES:
        spec = importlib.util.find_spec(package)
        if spec is None or spec.origin is None:
            raise OSError(f"{package} is not installed")
        h.update(Path(spec.origin).with_name(name).read_bytes())
    for root, pattern in ((directory, "*"), (CORE, "*.py")):
        for path in sorted(p for p in root.rglob(pattern) if p.is_file()):
            h.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()[:32]


def cached_engine(directory: Path, cache_dir: Path | None = None) -> Engine:
    """The engine of a knowledge folder, from the cache when nothing changed; otherwise
    built (``load_knowledge`` validates it and raises ``KnowledgeError``) and cached."""
    cache_dir = default_cache_dir() if cache_dir is None else cache_dir
    path = _cache_file(directory, cache_dir) if cache_dir else None
    if path is not None and (engine := _read(path)) is not None:
        return engine
    engine = Engine(load_knowledge(directory))
    if path is not None:
        _write(path, engine)
    return engine


def _cache_file(directory: Path, cache_dir: Path) -> Path | None:
    """The cache file of this knowledge and code; None when a file cannot be read (building
    then says which, in the usual one line)."""
    try:
        return cache_dir / f"{PREFIX}{digest(directory)}.pickle"
    except OSError:
        return None


def _read(path: Path) -> Engine | None:
    try:
        with path.open("rb") as f:
            engine = _load_without_collections(f)
    except FileNotFoundError:
        return None
    except Exception:  # a torn or foreign file: build instead
        logger.warning("Engine cache unreadable; building the engine")
        return None
    return engine if isinstance(engine, Engine) else None


def _load_without_collections(f: BinaryIO) -> object:
    """Unpickle with the garbage collector paused: the engine is hundreds of thousands of
    new containers, and a collection each few thousand of them made the load half again as
    long (about 90 -> 60 ms)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return pickle.load(f)
    finally:
        if enabled:
            gc.enable()


def _write(path: Path, engine: Engine) -> None:
    """Write atomically; drop the caches of older knowledge or code."""
    tmp: Path | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as f:
            tmp = Path(f.name)
            pickle.dump(engine, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        stale = [*path.parent.glob(f"{PREFIX}*.pickle"), *path.parent.glob("*.tmp")]
        for old in stale:  # older caches, and what a killed start left half written
            if old != path:
                old.unlink(missing_ok=True)
    except Exception:  # never a reason not to start: the next start builds it again
        logger.warning("Engine cache not written; the next start builds the engine again")
        if tmp is not None:
            tmp.unlink(missing_ok=True)
