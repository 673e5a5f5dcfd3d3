"""``demanda --grafico``: the report as a small PNG (matplotlib, the ``chart`` extra)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from bot.core.knowledge import Knowledge
from bot.ops.report import MIN_CELL, Demand, asked_rows, province_name, service_name, weeks

TOP = 12  # bars of the province × service panel (all the unmet ones, at least)
SUPPLIED, UNSUPPLIED, DANGER = "#4477aa", "#ee6677", "#555555"  # colour-blind safe


def draw_chart(demand: Demand, kb: Knowledge, path: Path) -> None:
    """Two panels: the most asked province × service cells (red where the province has
    none of the service) and the messages about danger per week; cells under 5 are left
    out."""
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch
    from matplotlib.ticker import MaxNLocator

    figure = Figure(figsize=(8, 7), dpi=100, layout="constrained")
    asked, danger = figure.subplots(2, 1, height_ratios=(3, 2))

    rows = asked_rows(demand, kb)
    unsupplied = [r for r in rows if r.here == 0]
    rows = unsupplied + [r for r in rows if r.here != 0][: max(TOP - len(unsupplied), 0)]
    rows.sort(key=lambda r: r.messages)  # the largest on top
    asked.barh(
        [f"{province_name(kb, r.province)} · {service_name(kb, r.service)}" for r in rows],
        [r.messages for r in rows],
        color=[UNSUPPLIED if r.here == 0 else SUPPLIED for r in rows],
    )
    asked.set_title("Preguntas por provincia y servicio")
    asked.set_xlabel("mensajes")
    asked.xaxis.set_major_locator(MaxNLocator(integer=True))
    asked.legend(
        handles=[
            Patch(color=SUPPLIED, label="los demás"),
            Patch(color=UNSUPPLIED, label="no hay en la provincia"),
        ],
        loc="lower right",
    )

    mondays = weeks(demand)
    shown = [week for week in mondays if demand.danger[week] >= MIN_CELL]
    danger.bar(shown, [demand.danger[week] for week in shown], width=6, align="edge", color=DANGER)
    danger.set_xlim(mondays[0], mondays[-1] + timedelta(days=7))
    ticks = mondays[:: -(-len(mondays) // 8)]  # at most 8 labels: day/month of Mondays
    danger.set_xticks(ticks, [f"{week:%d/%m}" for week in ticks])
    danger.yaxis.set_major_locator(MaxNLocator(integer=True))
    danger.set_title(f"Mensajes sobre peligro por semana (sin barra: menos de {MIN_CELL})")
    danger.set_ylabel("mensajes")
    figure.suptitle(f"Demanda anónima del {demand.first} al {demand.last}")
    figure.savefig(path, format="png")
