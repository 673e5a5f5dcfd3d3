"""Load benchmark of the whole Telegram stack (not a test): a burst of updates from many chats
through the real ``Application`` (handlers, engine, rate limiter, HTTP client) against our local
Bot API server (``tests/e2e/botapi.py``), in polling and in webhook mode.

    python bench/bench_load.py [--chats 500] [--per-chat 4] [--inflight 32]
                               [--limited 300] [--modes polling,webhook]

The bot runs in this process; the Bot API server and the load generator run in a second
process (one per run), so each has a core of its own. The generator keeps at most
``--inflight`` updates waiting for their reply (``--inflight 0``: all at once, a pure burst):
in polling mode it queues them on the server, where the bot fetches them with getUpdates; in
webhook mode it POSTs them to the bot's webhook server with the secret header. Latency runs
from the moment an update is queued (or its POST starts) to the moment the bot's sendMessage
for it reaches the server; the figures are replies per second, p50/p99 latency and the bot
process's peak RSS. Every run is bounded (``--deadline`` seconds) and only 127.0.0.1 is used.

Telegram's flood limits (~30 messages/s overall, applied by PTB's AIORateLimiter, kept in
production) cap any real bot at about 30 replies/s: the main runs lift them
(``build_application(flood_limits=False)``, retries kept); ``--limited N`` measures N updates
with them, as in production.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import os
import platform
import random
import resource
import socket
import statistics
import sys
import time
from collections import deque
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
for extra in (ROOT, ROOT / "tests", ROOT / "tests" / "e2e"):
    if str(extra) not in sys.path:
        sys.path.insert(0, str(extra))

SECRET = "bench-Secret_1"
FIRST_CHAT = 100_000


# --- the Bot API server and load generator (second process) ---------------------------------


def _server_process(conn: Connection, plan: dict[str, Any]) -> None:
    asyncio.run(_serve_and_load(conn, plan))


async def _serve_and_load(conn: Connection, plan: dict[str, Any]) -> None:
    from botapi import TOKEN, Call, FakeBotAPI

    class BenchAPI(FakeBotAPI):
        """Our Bot API server, timing each sendMessage as it arrives; keeps no call list."""

        def __post_init__(self) -> None:
            super().__post_init__()
            self.waiting: dict[int, deque[int]] = {}  # chat -> update ids, in order
            self.injected: dict[int, float] = {}
            self.replied: dict[int, float] = {}
            self.failures = 0
            self.free: asyncio.Semaphore | None = None
            self.all_done = asyncio.Event()
            self.expected = 0

        def _m_sendMessage(self, params: dict[str, Any]) -> dict[str, Any]:
            arrived = time.monotonic()
            chat = int(params.get("chat_id", 0))
            queue = self.waiting.get(chat)
            if queue:
                self.replied[queue.popleft()] = arrived
                if self.free is not None:
                    self.free.release()
                if len(self.replied) >= self.expected:
                    self.all_done.set()
            return super()._m_sendMessage(params)

        async def _record(self, call: Call) -> None:
            if not call.ok and call.method != "getUpdates":
                self.failures += 1

    api = BenchAPI(TOKEN)
    await api.start()
    conn.send({"port": api.port})
    go = await asyncio.to_thread(conn.recv)  # the bot is up
    texts: list[str] = plan["texts"]
    chats, per_chat = plan["chats"], plan["per_chat"]
    webhook: str | None = go.get("webhook")
    total = chats * per_chat
    inflight = plan["inflight"] or total
    rng = random.Random(7)
    # round after round: every chat's first message, then every chat's second...
    updates = []
    for round_ in range(per_chat):
        for chat in range(FIRST_CHAT, FIRST_CHAT + chats):
            text = rng.choice(texts)
            update = api.text_message(text, chat_id=chat, user_id=chat)
            update = {"update_id": round_ * chats + chat - FIRST_CHAT + 1, **update}
            updates.append(update)
            api.waiting.setdefault(chat, deque()).append(update["update_id"])
    api.expected = total
    api.free = asyncio.Semaphore(inflight)
    session = None
    posts: set[asyncio.Task[None]] = set()
    if webhook:
        import aiohttp

        session = aiohttp.ClientSession(
            connector=aiohttp.TCPConnector(limit=min(inflight, 100)),
            headers={"X-Telegram-Bot-Api-Secret-Token": SECRET},
        )

    async def post(update: dict[str, Any]) -> None:
        assert session is not None and webhook is not None
        async with session.post(webhook, json=update) as response:
            if response.status != 200:
                api.failures += 1

    started = time.monotonic()
    deadline = started + plan["deadline"]
    try:
        async with asyncio.timeout(plan["deadline"]):
            for update in updates:
                await api.free.acquire()
                api.injected[update["update_id"]] = time.monotonic()
                if webhook:
                    task = asyncio.create_task(post(update))
                    posts.add(task)
                    task.add_done_callback(posts.discard)
                else:
                    api.updates.append(update)
                    asyncio.get_running_loop().create_task(api._notify())
            await api.all_done.wait()
    except TimeoutError:
        pass
    finished = max(api.replied.values(), default=time.monotonic())
    if posts:
        await asyncio.gather(*posts, return_exceptions=True)
    if session is not None:
        await session.close()
    latencies = [(api.replied[u] - api.injected[u]) * 1000 for u in api.replied]
    conn.send(
        {
            "updates": total,
            "replies": len(api.replied),
            "failures": api.failures,
            "seconds": finished - started,
            "latencies_ms": latencies,
            "timed_out": time.monotonic() >= deadline,
            "server_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "server_cpu_s": sum(os.times()[:2]),
        }
    )
    await asyncio.to_thread(conn.recv)  # the bot has stopped (serve its last getUpdates)
    await api.stop()


# --- the bot (this process) ------------------------------------------------------------------


@dataclass
class Figures:
    mode: str
    limits: bool
    updates: int
    replies: int
    failures: int
    per_second: float
    p50_ms: float
    p99_ms: float
    max_ms: float
    bot_rss_mb: float
    timed_out: bool
    bot_cpu_per_reply_ms: float = 0.0
    server_cpu_s: float = 0.0

    def line(self) -> str:
        limits = "Telegram limits" if self.limits else "no flood limits"
        late = "  TIMED OUT" if self.timed_out else ""
        return (
            f"{self.mode:8} {limits:16} {self.replies:5}/{self.updates:<5} replies "
            f"{self.per_second:7.0f}/s  p50 {self.p50_ms:7.1f} ms  p99 {self.p99_ms:7.1f} ms  "
            f"max {self.max_ms:7.1f} ms  failures {self.failures}  "
            f"bot peak RSS {self.bot_rss_mb:5.1f} MB  "
            f"bot CPU {self.bot_cpu_per_reply_ms:.2f} ms/reply  "
            f"server CPU {self.server_cpu_s:.1f} s{late}"
        )


def _percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _questions() -> list[str]:
    """The evaluation set (a realistic mix: typos, places, danger, out of scope), keeping the
    questions answered in one message so that each update has exactly one reply."""
    from bot.core.engine import Engine
    from bot.core.knowledge import load_knowledge
    from bot.evaluate import load_cases

    engine = Engine(load_knowledge())
    texts = []
    for _, case in load_cases([ROOT / "tests" / "eval"]):
        answer = engine.reply(case.q)
        if len(answer.html) <= 4000 and case.q.strip() and not case.q.startswith("/"):
            texts.append(case.q)
    return texts


async def _one_run(
    mode: str, limits: bool, chats: int, per_chat: int, inflight: int, args: argparse.Namespace
) -> Figures:
    from harness import make_settings, serving

    from bot.tg.app import build_application

    plan = {
        "texts": args.texts,
        "chats": chats,
        "per_chat": per_chat,
        "inflight": inflight,
        "deadline": args.deadline,
    }
    context = multiprocessing.get_context("spawn")
    mine, theirs = context.Pipe()
    server = context.Process(target=_server_process, args=(theirs, plan), daemon=True)
    server.start()
    try:
        port = (await asyncio.to_thread(mine.recv))["port"]
        base = f"http://127.0.0.1:{port}"
        values: dict[str, Any] = {"log_level": "WARNING"}
        webhook = None
        if mode == "webhook":
            hook_port = _free_port()
            webhook = f"http://127.0.0.1:{hook_port}/hook"
            values.update(
                webhook_url=webhook,
                webhook_secret=SECRET,
                webhook_listen="127.0.0.1",
                webhook_port=hook_port,
            )
        settings = make_settings(base, **values)
        application = build_application(settings, args.kb, flood_limits=limits)
        async with serving(application, settings if webhook else None):
            cpu = sum(os.times()[:2])
            mine.send({"webhook": webhook})
            result = await asyncio.wait_for(asyncio.to_thread(mine.recv), args.deadline + 30)
            cpu = sum(os.times()[:2]) - cpu
        mine.send("stopped")
    finally:
        server.join(timeout=10)
        if server.is_alive():
            server.kill()
    latencies = result["latencies_ms"]
    return Figures(
        mode=mode,
        limits=limits,
        updates=result["updates"],
        replies=result["replies"],
        failures=result["failures"],
        per_second=result["replies"] / result["seconds"] if result["seconds"] > 0 else 0.0,
        p50_ms=statistics.median(latencies) if latencies else float("nan"),
        p99_ms=_percentile(latencies, 0.99),
        max_ms=max(latencies, default=float("nan")),
        bot_rss_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        timed_out=result["timed_out"],
        bot_cpu_per_reply_ms=cpu * 1000 / max(1, result["replies"]),
        server_cpu_s=result["server_cpu_s"],
    )


async def _main(args: argparse.Namespace) -> list[Figures]:
    import logging

    logging.basicConfig(level=logging.WARNING)
    logging.getLogger("telegram").setLevel(logging.WARNING)
    logging.getLogger("httpx").setLevel(logging.WARNING)
    figures = []
    for mode in args.modes.split(","):
        # a short warm-up of this mode (first answers to new words, connections)
        await _one_run(mode, False, 100, 1, args.inflight, args)
        for burst, inflight in ((False, args.inflight), (True, 0)):
            if burst and not args.burst:
                continue
            result = await _one_run(mode, False, args.chats, args.per_chat, inflight, args)
            result.mode = f"{mode}{' burst' if burst else ''}"
            print(result.line(), flush=True)
            figures.append(result)
        if args.limited:
            chats = max(1, args.limited // args.per_chat)
            result = await _one_run(mode, True, chats, args.per_chat, args.inflight, args)
            print(result.line(), flush=True)
            figures.append(result)
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--chats", type=int, default=500)
    parser.add_argument("--per-chat", type=int, default=4, help="messages per chat (< 5)")
    parser.add_argument(
        "--inflight", type=int, default=32, help="updates waiting for a reply at most"
    )
    parser.add_argument("--burst", action=argparse.BooleanOptionalAction, default=True)
    parser.add_argument(
        "--limited", type=int, default=300, help="updates to measure with Telegram's limits"
    )
    parser.add_argument("--modes", default="polling,webhook")
    parser.add_argument("--deadline", type=float, default=120.0, help="seconds per run")
    args = parser.parse_args()
    # chosen in a throwaway process: the engine used to choose them stays out of the bot's RSS
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        args.texts = pool.apply(_questions)
    from bot.core.knowledge import load_knowledge

    args.kb = load_knowledge()  # once, as the bot does
    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}; {args.chats} chats x {args.per_chat} messages, "
        f"at most {args.inflight} waiting (and a pure burst); {len(args.texts)} questions "
        "from tests/eval",
        flush=True,
    )
    figures = asyncio.run(_main(args))
    print(json.dumps([f.__dict__ for f in figures]))
    print(
        "bot peak RSS is the peak of this process so far (ru_maxrss): run one mode alone "
        "(--modes polling) for its own peak"
    )
    return 0 if all(f.replies == f.updates and not f.failures for f in figures) else 1


if __name__ == "__main__":
    sys.exit(main())
