"""``python -m bot eval``: score labelled question sets against the engine.

Every case must pass except those listed in a ``known_failures.yaml`` beside the cases;
a listed case that passes must leave the list. Cases marked ``harm: true`` must also start
with Línea 100 (in the first three lines) and never be answered as ``unknown``."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from bot.console import load_or_report
from bot.core.engine import Engine
from bot.core.model import INTENTS, Answer, Intent
from bot.core.text import fold, join_digit_groups


class Case(BaseModel):
    """One labelled question; unlisted keys are not checked."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    q: str = Field(min_length=1)
    intent: Intent | list[Intent] | None = None
    service: str | list[str] | None = None
    services_include: list[str] = []
    services_any: list[str] = []
    province: str | None = None
    contains: list[str] = []
    harm: bool | None = None
    before: list[str] = []  # the earlier turns of a conversation, asked first, in order

    @property
    def key(self) -> str:
        """How known_failures.yaml names the case: its question, after its earlier turns."""
        return " → ".join([*self.before, self.q])


@dataclass(frozen=True, slots=True)
class Result:
    case: Case
    source: str
    answer: Answer
    problems: tuple[str, ...]


def _as_list(value: str | list[Any] | None) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def comparable(text: str) -> str:
    """Case-, accent- and digit-grouping-insensitive form for ``contains``."""
    return " ".join(join_digit_groups(fold(text)).split())


def check_case(case: Case, answer: Answer) -> tuple[str, ...]:
    problems: list[str] = []
    intents = _as_list(case.intent)
    if intents and answer.intent not in intents:
        problems.append(f"intent {answer.intent!r}, se esperaba {intents}")
    services = _as_list(case.service)
    first = answer.services[0] if answer.services else None
    if services and first not in services:
        problems.append(f"servicio {first!r}, se esperaba {services}")
    missing = [s for s in case.services_include if s not in answer.services]
    if missing:
        problems.append(f"faltan servicios {missing} en {list(answer.services)}")
    if case.services_any and not set(case.services_any) & set(answer.services):
        problems.append(f"ninguno de {case.services_any} en {list(answer.services)}")
    if case.province is not None and answer.province != case.province:
        problems.append(f"provincia {answer.province!r}, se esperaba {case.province!r}")
    if case.harm:
        problems.extend(harm_problems(answer))
    text = comparable(answer.text)
    for needle in case.contains:
        if comparable(needle) not in text:
            problems.append(f"el texto no contiene {needle!r}")
    return tuple(problems)


SAFETY_LINES = 3  # Línea 100 within the first lines of an answer about harm


def harm_problems(answer: Answer) -> list[str]:
    """What an answer to a message about harm to a person lacks."""
    problems = []
    if answer.intent == "unknown":
        problems.append("daño a una persona respondido como 'unknown'")
    if not any("100" in line for line in answer.text.splitlines()[:SAFETY_LINES]):
        problems.append(f"la Línea 100 no está en las {SAFETY_LINES} primeras líneas")
    return problems


KNOWN_FAILURES = "known_failures.yaml"


class KnownFailure(BaseModel):
    """A case that fails today, kept visible: the question and why it fails."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    q: str = Field(min_length=1)
    why: str = Field(min_length=1)


def _files(paths: Iterable[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        files.extend(sorted(path.glob("*.yaml")) if path.is_dir() else [path])
    return [f for f in files if f.name != KNOWN_FAILURES]


def _yaml_list(file: Path) -> list[Any]:
    data = yaml.safe_load(file.read_text(encoding="utf-8")) or []
    if not isinstance(data, list):
        raise ValueError(f"{file}: se esperaba una lista")
    return data


def load_cases(paths: Iterable[Path]) -> list[tuple[str, Case]]:
    """Every case of the given files (folders are searched for ``*.yaml``). An item with
    ``turns`` is a conversation: each turn is a case asked after the turns before it."""
    cases: list[tuple[str, Case]] = []
    for file in _files(paths):
        for i, item in enumerate(_yaml_list(file), start=1):
            turns = item.get("turns") if isinstance(item, dict) else None
            try:
                if turns is None:
                    cases.append((f"{file.name}#{i}", Case.model_validate(item)))
                    continue
                asked: list[str] = []
                for t, turn in enumerate(turns, start=1):
                    case = Case.model_validate({**turn, "before": list(asked)})
                    cases.append((f"{file.name}#{i}.{t}", case))
                    asked.append(case.q)
            except (ValidationError, TypeError) as exc:
                message = exc.errors()[0]["msg"] if isinstance(exc, ValidationError) else exc
                raise ValueError(f"{file.name}, caso {i}: {message}") from None
    return cases


def load_known_failures(paths: Iterable[Path]) -> dict[str, str]:
    """The known failures listed in the given folders, question -> why."""
    known: dict[str, str] = {}
    for path in paths:
        file = path / KNOWN_FAILURES if path.is_dir() else path.parent / KNOWN_FAILURES
        if file.is_file():
            for i, item in enumerate(_yaml_list(file), start=1):
                try:
                    entry = KnownFailure.model_validate(item)
                except ValidationError as exc:
                    raise ValueError(f"{file.name}, caso {i}: {exc.errors()[0]['msg']}") from None
                known[entry.q] = entry.why
    return known


def run_cases(engine: Engine, cases: list[tuple[str, Case]]) -> list[Result]:
    results = []
    for source, case in cases:
        context = None
        for earlier in case.before:  # a conversation: its earlier turns, as a person sent them
            context = engine.reply(earlier, context).context
        answer = engine.reply(case.q, context)
        results.append(Result(case, source, answer, check_case(case, answer)))
    return results


def _expected_intent(case: Case) -> str:
    intents = _as_list(case.intent)
    return intents[0] if intents else "(sin intent)"


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a run found: accuracy, and the failures that are not (or no longer) known."""

    accuracy: float
    new_failures: tuple[Result, ...]
    fixed: tuple[str, ...]


def report(results: list[Result], known: dict[str, str], *, quiet: bool = False) -> Outcome:
    """Print accuracy per intent, safety figures and the failures; return the outcome."""
    total: Counter[str] = Counter()
    passed: Counter[str] = Counter()
    for r in results:
        key = _expected_intent(r.case)
        total[key] += 1
        passed[key] += not r.problems
    new = tuple(r for r in results if r.problems and r.case.key not in known)
    failing = {r.case.key for r in results if r.problems}
    asked = {r.case.key for r in results}
    fixed = tuple(q for q in known if q in asked and q not in failing)
    if not quiet:
        for r in results:
            if r.problems:
                label = "fallo conocido" if r.case.key in known else "FALLO"
                print(f"{label} {r.source} [{r.answer.rule}]: {r.case.key!r}")
                for problem in r.problems:
                    print(f"    - {problem}")
    print("\nPrecisión por intent:")
    for key in [*INTENTS, "(sin intent)"]:
        if total[key]:
            print(f"  {key:<12} {passed[key]:>4}/{total[key]:<4} {passed[key] / total[key]:.1%}")
    ok, n = sum(passed.values()), sum(total.values())
    accuracy = ok / n if n else 0.0
    print(f"Total: {ok}/{n} = {accuracy:.1%}")
    _safety_report(results)
    known_here = len([q for q in known if q in failing])
    print(f"Fallos conocidos (known_failures.yaml): {known_here}; fallos nuevos: {len(new)}")
    for q in fixed:
        print(f"ARREGLADO, quítelo de known_failures.yaml: {q!r}")
    return Outcome(accuracy, new, fixed)


def _safety_report(results: list[Result]) -> None:
    """Línea 100 first for harm, harm never unknown, and non-emergencies kept calm."""
    harmed = [r for r in results if r.case.harm]
    if harmed:
        safe = sum(not harm_problems(r.answer) for r in harmed)
        unknown = sum(r.answer.intent == "unknown" for r in harmed)
        print(
            f"Daño a una persona: Línea 100 al inicio en {safe}/{len(harmed)} "
            f"({safe / len(harmed):.1%}); respondidos como unknown: {unknown}"
        )
    calm = [r for r in results if r.case.intent and "emergency" not in _as_list(r.case.intent)]
    alarms = sum(r.answer.intent == "emergency" for r in calm)
    if calm:
        print(f"Falsas alarmas: {alarms}/{len(calm)} no emergencias tomadas por emergencia")


def evaluate_command(knowledge: Path, files: list[Path], *, quiet: bool) -> int:
    kb = load_or_report(knowledge)
    if kb is None:
        return 1
    try:
        cases = load_cases(files)
        known = load_known_failures(files)
    except (OSError, ValueError, yaml.YAMLError) as exc:
        print(f"Error en el conjunto de evaluación: {exc}", file=sys.stderr)
        return 2
    if not cases:
        print("No hay casos que evaluar.", file=sys.stderr)
        return 2
    outcome = report(run_cases(Engine(kb), cases), known, quiet=quiet)
    return 1 if outcome.new_failures or outcome.fixed else 0
