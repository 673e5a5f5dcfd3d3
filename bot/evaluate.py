"""``python -m bot eval``: score labelled question sets against the engine."""

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
    text = comparable(answer.text)
    for needle in case.contains:
        if comparable(needle) not in text:
            problems.append(f"el texto no contiene {needle!r}")
    return tuple(problems)


def load_cases(paths: Iterable[Path]) -> list[tuple[str, Case]]:
    """Every case of the given files (folders are searched for ``*.yaml``)."""
    files: list[Path] = []
    for path in paths:
        files.extend(sorted(path.glob("*.yaml")) if path.is_dir() else [path])
    cases: list[tuple[str, Case]] = []
    for file in files:
        data = yaml.safe_load(file.read_text(encoding="utf-8")) or []
        if not isinstance(data, list):
            raise ValueError(f"{file}: se esperaba una lista de casos")
        for i, item in enumerate(data, start=1):
            try:
                cases.append((f"{file.name}#{i}", Case.model_validate(item)))
            except ValidationError as exc:
                raise ValueError(f"{file.name}, caso {i}: {exc.errors()[0]['msg']}") from None
    return cases


def run_cases(engine: Engine, cases: list[tuple[str, Case]]) -> list[Result]:
    results = []
    for source, case in cases:
        answer = engine.reply(case.q)
        results.append(Result(case, source, answer, check_case(case, answer)))
    return results


def _expected_intent(case: Case) -> str:
    intents = _as_list(case.intent)
    return intents[0] if intents else "(sin intent)"


def report(results: list[Result], *, quiet: bool = False) -> float:
    """Print accuracy per intent and every failure; return the overall accuracy."""
    total: Counter[str] = Counter()
    passed: Counter[str] = Counter()
    for r in results:
        key = _expected_intent(r.case)
        total[key] += 1
        passed[key] += not r.problems
    if not quiet:
        for r in results:
            if r.problems:
                print(f"FALLO {r.source}: {r.case.q!r}")
                for problem in r.problems:
                    print(f"    - {problem}")
    print("\nPrecisión por intent:")
    for key in [*INTENTS, "(sin intent)"]:
        if total[key]:
            print(f"  {key:<12} {passed[key]:>4}/{total[key]:<4} {passed[key] / total[key]:.1%}")
    ok, n = sum(passed.values()), sum(total.values())
    accuracy = ok / n if n else 0.0
    print(f"Total: {ok}/{n} = {accuracy:.1%}")
    return accuracy


def evaluate_command(knowledge: Path, files: list[Path], minimum: float, *, quiet: bool) -> int:
    kb = load_or_report(knowledge)
    if kb is None:
        return 1
    try:
        cases = load_cases(files)
    except (OSError, ValueError, yaml.YAMLError) as exc:
        print(f"Error en el conjunto de evaluación: {exc}", file=sys.stderr)
        return 2
    if not cases:
        print("No hay casos que evaluar.", file=sys.stderr)
        return 2
    accuracy = report(run_cases(Engine(kb), cases), quiet=quiet)
    if accuracy < minimum:
        print(f"Por debajo del mínimo {minimum:.1%}", file=sys.stderr)
        return 1
    return 0
