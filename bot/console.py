"""Console front ends: ``check``, ``ask`` and ``chat``; no Telegram here."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from bot.core.cache import cached_engine
from bot.core.engine import Engine
from bot.core.knowledge import Knowledge, KnowledgeError, load_knowledge
from bot.core.model import Context
from bot.ops.demand import cell_of

if TYPE_CHECKING:
    from bot.ops.counters import CounterStore


def load_or_report(directory: Path, *, strict: bool = False) -> Knowledge | None:
    """Load the knowledge, or print the clear error (no traceback) and return None."""
    try:
        return load_knowledge(directory, strict=strict)
    except KnowledgeError as exc:
        print(f"Error en el conocimiento: {exc}", file=sys.stderr)
        return None


def engine_or_report(directory: Path) -> Engine | None:
    """The engine (from the cache when nothing changed), or print the clear error."""
    try:
        return cached_engine(directory)
    except KnowledgeError as exc:
        print(f"Error en el conocimiento: {exc}", file=sys.stderr)
        return None


def check(directory: Path) -> int:
    kb = load_or_report(directory, strict=True)
    if kb is None:
        return 1
    print(f"Conocimiento válido: {kb.directory}")
    for name, n in kb.summary().items():
        print(f"  {name}: {n}")
    for warning in kb.warnings:
        print(f"  aviso: {warning}")
    return 0


def _questions(args: list[str]) -> Iterable[str]:
    if args == ["-"]:
        for line in sys.stdin:
            line = line.rstrip("\n")
            if line.strip():
                yield line
    else:
        yield " ".join(args)


def ask(directory: Path, args: list[str], *, as_json: bool) -> int:
    engine = engine_or_report(directory)
    if engine is None:
        return 1
    for question in _questions(args):
        answer = engine.reply(question)
        if as_json:
            print(json.dumps(answer.as_json(), ensure_ascii=False), flush=True)
        else:
            print(answer.text, flush=True)
    return 0


def chat(directory: Path) -> int:
    engine = engine_or_report(directory)
    if engine is None:
        return 1
    from bot.config import ConfigError, load_local_settings
    from bot.ops.counters import counter_store

    try:
        store = counter_store(load_local_settings())
    except ConfigError as exc:
        print(exc, file=sys.stderr)
        return 2
    try:
        return _converse(engine, store)
    finally:
        if store is not None:
            store.flush()


def _converse(engine: Engine, store: CounterStore | None) -> int:
    """The console conversation; each answer is counted in ``store`` (channel console)."""
    department = engine.kb.department.name
    print(
        f"Chat de consola del bot de servicios de {department} (sin token de Telegram "
        "configurado).\nEscriba su pregunta; 'salir' o Ctrl-D para terminar.\n"
    )
    context: Context | None = None
    while True:
        try:
            line = input("> ")
        except (EOFError, KeyboardInterrupt):
            print()
            return 0
        if line.strip().lower() in ("salir", "exit", "quit"):
            return 0
        if not line.strip():
            continue
        answer = engine.reply(line, context)
        context = answer.context
        if store is not None:
            store.add(cell_of(answer, "console", engine.kb, date.today()))
        print(answer.text)
        if answer.suggestions:
            print("  Sugerencias: " + " | ".join(s.label for s in answer.suggestions))
        print()


def token_configured() -> bool:
    """Whether a Telegram token is set in the environment or in ``.env``."""
    if os.environ.get("TELEGRAM_BOT_TOKEN"):
        return True
    env_file = Path(".env")
    if env_file.is_file():
        for line in env_file.read_text(encoding="utf-8").splitlines():
            key, _, value = line.partition("=")
            if key.strip() == "TELEGRAM_BOT_TOKEN" and value.strip().strip("'\""):
                return True
    return False
