"""The office's commands: ``demanda`` (the demand report).

The chart's library (matplotlib) is imported only when a chart is asked for.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from bot.config import ConfigError, LocalSettings, load_local_settings
from bot.console import load_or_report
from bot.ops.counters import counters_path, read_counts
from bot.ops.report import report_text, summarize, write_csv


def _fail(message: str, code: int = 2) -> int:
    print(message, file=sys.stderr)
    return code


def _unknown(what: str, value: str, known: list[str]) -> str:
    """ "Provincia desconocida: lima. Opciones: puno, ..."."""
    return f"{what}: {value}. Opciones: {', '.join(known)}."


def _local_settings() -> LocalSettings | None:
    try:
        return load_local_settings()
    except ConfigError as exc:
        print(exc, file=sys.stderr)
        return None


def demand_command(
    knowledge: Path,
    since: date | None,
    until: date | None,
    province: str | None,
    csv_path: Path | None,
    chart_path: Path | None,
) -> int:
    """``python -m bot demanda``: print the report; optionally the CSV table and the chart."""
    kb = load_or_report(knowledge)
    settings = _local_settings()
    if kb is None or settings is None:
        return 1 if kb is None else 2
    if province is not None and province not in kb.provinces:
        return _fail(_unknown("Provincia desconocida", province, list(kb.provinces)))
    if since and until and since > until:
        return _fail("La fecha --desde es posterior a --hasta.")
    path = counters_path(settings.data_dir)
    demand = summarize(read_counts(path, since, until, province), since, until)
    if demand is None:
        off = "" if settings.counters else " (COUNTERS está desactivado)"
        print(f"No hay mensajes contados en el período en {path}{off}.")
        return 0
    print(report_text(demand, kb, province))
    if csv_path is not None:
        write_csv(demand, kb, csv_path)
        print(f"\nTabla CSV: {csv_path}")
    if chart_path is not None:
        from bot.ops.chart import draw_chart

        try:
            draw_chart(demand, kb, chart_path)
        except ImportError:
            return _fail("Para el gráfico instale el extra chart: pip install -e '.[chart]'", 1)
        print(f"Gráfico: {chart_path}")
    return 0
