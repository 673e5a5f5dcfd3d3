"""The office's commands: ``demanda`` (the demand report) and ``cartel`` (a poster).

Each imports its heavy library (matplotlib, reportlab, segno, telegram) only when used.
"""

from __future__ import annotations

import asyncio
import sys
from datetime import date
from pathlib import Path

from bot.config import ConfigError, LocalSettings, Settings, load_local_settings, load_settings
from bot.console import load_or_report, token_configured
from bot.core.knowledge import Knowledge
from bot.ops.counters import counters_path, read_counts
from bot.ops.report import report_text, summarize, write_csv


def _fail(message: str, code: int = 2) -> int:
    print(message, file=sys.stderr)
    return code


def _unknown(what: str, value: str, known: list[str]) -> str:
    """The message for an unknown id: "Provincia desconocida: lima. Opciones: ..."."""
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


async def _username_from_telegram(settings: Settings) -> str:
    """The bot's username, from getMe."""
    from telegram import Bot

    from bot.tg.transport import AiohttpRequest

    root = settings.bot_api_base_url
    bot = Bot(
        settings.telegram_bot_token.get_secret_value(),
        base_url=f"{root}/bot",
        base_file_url=f"{root}/file/bot",
        request=AiohttpRequest(1),
        get_updates_request=AiohttpRequest(1),
    )
    async with bot:
        return bot.username


def _username(settings: LocalSettings) -> str | None:
    """BOT_USERNAME, else getMe when a token is set; None (and why, printed) when neither."""
    if settings.bot_username:
        return settings.bot_username
    if not token_configured():
        print(
            "Falta BOT_USERNAME (o TELEGRAM_BOT_TOKEN para preguntarlo a Telegram).",
            file=sys.stderr,
        )
        return None
    from telegram.error import TelegramError

    try:
        return asyncio.run(_username_from_telegram(load_settings()))
    except ConfigError as exc:
        print(exc, file=sys.stderr)
    except TelegramError as exc:
        print(f"Telegram no dio el nombre del bot: {type(exc).__name__}: {exc}", file=sys.stderr)
    return None


def _check_ids(kb: Knowledge, province: str, service: str | None) -> str | None:
    if province not in kb.provinces:
        return _unknown("Provincia desconocida", province, list(kb.provinces))
    if service is not None and service not in kb.services:
        return _unknown("Servicio desconocido", service, list(kb.services))
    return None


def poster_command(knowledge: Path, province: str, service: str | None, output: Path | None) -> int:
    """``python -m bot cartel``: write one province's poster."""
    kb = load_or_report(knowledge)
    if kb is None:
        return 1
    problem = _check_ids(kb, province, service)
    if problem is not None:
        return _fail(problem)
    settings = _local_settings()
    username = _username(settings) if settings is not None else None
    if username is None:
        return 2
    from bot.ops.poster import PosterError, make_poster

    path = output or Path(f"cartel_{province}{f'_{service}' if service else ''}.pdf")
    try:
        make_poster(kb, username, province, path, service)
    except ImportError:
        return _fail("Para los carteles instale el extra posters: pip install -e '.[posters]'", 1)
    except PosterError as exc:
        return _fail(str(exc), 1)
    print(f"Cartel: {path}")
    return 0
