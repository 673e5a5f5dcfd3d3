"""Command line: ``python -m bot [run | chat | ask | check | eval | demanda | cartel]``.

The chat, ask, check and eval paths never import ``telegram`` (fast start-up); ``demanda``
and ``cartel`` import their libraries only when they run.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path

from bot.core.knowledge import DEFAULT_KNOWLEDGE_DIR


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"fecha inválida: {text} (use AAAA-MM-DD)") from None


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--knowledge",
        type=Path,
        default=DEFAULT_KNOWLEDGE_DIR,
        help=f"carpeta de conocimiento (por defecto {DEFAULT_KNOWLEDGE_DIR})",
    )
    parser = argparse.ArgumentParser(
        prog="python -m bot",
        description="Bot de servicios de protección del MIMP (el departamento de knowledge/).",
    )
    sub = parser.add_subparsers(dest="command")
    sub.add_parser(
        "start",
        parents=[common],
        help="Telegram si hay token configurado; si no, el chat de consola",
    )
    sub.add_parser("run", help="el bot de Telegram (requiere TELEGRAM_BOT_TOKEN)")
    sub.add_parser("chat", parents=[common], help="conversación en la consola")
    ask = sub.add_parser(
        "ask", parents=[common], help="responde una pregunta (o una por línea con '-')"
    )
    ask.add_argument("--json", action="store_true", help="una respuesta JSON por línea")
    ask.add_argument("question", nargs="+", help="la pregunta, o '-' para leer de stdin")
    sub.add_parser(
        "check", parents=[common], help="valida la carpeta de conocimiento y muestra un resumen"
    )
    ev = sub.add_parser(
        "eval", parents=[common], help="mide la comprensión sobre conjuntos etiquetados"
    )
    ev.add_argument("files", nargs="+", type=Path, help="archivos YAML o carpetas")
    ev.add_argument("--quiet", action="store_true", help="no listar cada fallo")
    demand = sub.add_parser(
        "demanda", parents=[common], help="informe anónimo de la demanda (contadores por día)"
    )
    demand.add_argument("--desde", type=_day, metavar="AAAA-MM-DD", help="primer día")
    demand.add_argument("--hasta", type=_day, metavar="AAAA-MM-DD", help="último día")
    demand.add_argument("--provincia", metavar="ID", help="solo esta provincia (p. ej. chucuito)")
    demand.add_argument("--csv", type=Path, metavar="ARCHIVO", help="la tabla en CSV")
    demand.add_argument("--grafico", type=Path, metavar="ARCHIVO.png", help="gráfico PNG")
    poster = sub.add_parser(
        "cartel", parents=[common], help="cartel A4 (PDF) con Línea 100 y códigos QR del bot"
    )
    poster.add_argument("--provincia", required=True, metavar="ID", help="p. ej. chucuito")
    poster.add_argument("--servicio", metavar="ID", help="destacar un servicio (p. ej. cem)")
    poster.add_argument(
        "--salida", type=Path, metavar="ARCHIVO.pdf", help="por defecto cartel_<provincia>.pdf"
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    knowledge: Path = getattr(args, "knowledge", DEFAULT_KNOWLEDGE_DIR)
    command = args.command or "start"
    if command == "start":
        from bot.console import token_configured

        command = "run" if token_configured() else "chat"
    if command == "run":
        from bot.tg.app import run

        return run()
    from bot import console

    if command == "check":
        return console.check(knowledge)
    if command == "chat":
        return console.chat(knowledge)
    if command == "ask":
        return console.ask(knowledge, args.question, as_json=args.json)
    if command == "eval":
        from bot.evaluate import evaluate_command

        return evaluate_command(knowledge, args.files, quiet=args.quiet)
    if command == "demanda":
        from bot.ops.cli import demand_command

        return demand_command(
            knowledge, args.desde, args.hasta, args.provincia, args.csv, args.grafico
        )
    if command == "cartel":
        from bot.ops.cli import poster_command

        return poster_command(knowledge, args.provincia, args.servicio, args.salida)
    raise AssertionError(command)


def _quiet_main() -> int:
    """``main``, ending quietly when the reader of the output goes away (``ask ... | head``)."""
    try:
        return main()
    except BrokenPipeError:
        # nothing left to say, and nowhere to say it: the interpreter's own flush at exit must
        # not fail either (the Python documentation's recipe for SIGPIPE)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(_quiet_main())
