"""Load benchmark of the whole Telegram stack (not a test), side by side in one run: the bot,
the bot without each of its three leaner-per-reply changes, and a bare PTB echo bot on the
same aiohttp transport, under the same load, against our Bot API server
(``tests/e2e/botapi.py``).

    python bench/bench_load.py [--chats 500] [--per-chat 4] [--inflight 32]
                               [--queued 5000] [--queued-chats 1000] [--limited 300]
                               [--repeat 3] [--only echo,bot,...]
                               [--profile FILE] [--profile-run bot]

``make bench-load`` runs every run three times, interleaved, and keeps the medians (the
machine is shared and noisy). Each run has three processes: the Bot API server with the
load generator, the bot (or the echo bot), and this one, which starts them and prints the
figures. The generator keeps at
most ``--inflight`` updates waiting for their reply: in polling mode it queues them on the
server, where the bot fetches them with getUpdates; in webhook mode it POSTs them to the
bot's webhook server with the secret header. Latency runs from the moment an update is
queued (or its POST starts) to the moment its reply reaches the server. CPU is the bot
process's own, while the load runs (after a warm-up of 300 updates); RSS is that process's,
when the measure starts and at its peak (the bot process imports nothing of the tests).
Every run is bounded (``--deadline`` seconds) and only 127.0.0.1 is used.

The runs:
- ``echo``: a bare PTB echo bot (``reply_text`` of the text), PTB's own polling, 32
  concurrent updates, the bot's ``AiohttpRequest`` transport;
- ``bot``: the bot, polling, as in production but without Telegram's flood limits;
- ``bot-form-bodies``, ``bot-ptb-message``, ``bot-no-gc-freeze``: the bot without one
  of its leaner-per-reply changes (url-encoded request bodies as PTB sends them; a PTB
  ``Message`` built from each sendMessage result; no ``gc.freeze()`` after start-up), and
  ``bot-none-of-the-three`` without any of them;
- ``bot-core-cached``: the bot with the core's answers computed once per text (the
  warm-up and earlier rounds computed them), which leaves the Telegram layer's own cost;
- ``bot-webhook``: the bot in webhook mode;
- ``bot-queued``: ``--queued`` updates from ``--queued-chats`` chats waiting at the server
  before the bot starts (its peak RSS);
- ``bot-telegram-limits``: ``--limited`` updates with Telegram's flood limits on, as in
  production (about 30 replies a second);
- ``baseline``, ``baseline-queued`` (with ``--baseline DIR``): the bot of another checkout
  (e.g. ``git worktree add --detach ../base main``) as ``bot`` and ``bot-queued``, so that
  old and new are measured in the same run, under the same load.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import multiprocessing
import os
import platform
import random
import resource
import statistics
import sys
import tempfile
import time
from collections import deque
from dataclasses import asdict, dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
for extra in (ROOT, ROOT / "tests", ROOT / "tests" / "e2e"):
    if str(extra) not in sys.path:
        sys.path.insert(0, str(extra))

SECRET = "bench-Secret_1"
FIRST_CHAT = 100_000
WARM_UP = 300  # updates (from chats of their own) before the measure starts
TARGETS = {"cpu_ms": 0.55, "echo_ratio": 0.6, "p99_ms": 35.0, "queued_rss_mb": 80.0}


def _cpu() -> float:
    return sum(os.times()[:2])


def _rss_mb() -> float:
    """This process's peak RSS."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _rss_now_mb() -> float:
    """This process's RSS now (Linux)."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


# --- the Bot API server and the load generator (a process) -----------------------------------


def _server_process(conn: Connection, plan: dict[str, Any]) -> None:
    asyncio.run(_serve_and_load(conn, plan))


def _updates(api: Any, chats: range, per_chat: int, texts: list[str], first_id: int) -> list[Any]:
    """Round after round: every chat's first message, then every chat's second..."""
    rng = random.Random(7)
    updates = []
    for round_ in range(per_chat):
        for chat in chats:
            update = api.text_message(rng.choice(texts), chat_id=chat, user_id=chat)
            updates.append(
                {"update_id": first_id + round_ * len(chats) + chat - chats[0], **update}
            )
    return updates


async def _serve_and_load(conn: Connection, plan: dict[str, Any]) -> None:
    import aiohttp
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
            self.done = asyncio.Event()
            self.expected = 0

        def _m_sendMessage(self, params: dict[str, Any]) -> dict[str, Any]:
            queue = self.waiting.get(int(params.get("chat_id", 0)))
            if queue:
                self.replied[queue.popleft()] = time.monotonic()
                if self.free is not None:
                    self.free.release()
                if len(self.replied) >= self.expected:
                    self.done.set()
            return super()._m_sendMessage(params)

        async def _record(self, call: Call) -> None:
            if not call.ok and call.method != "getUpdates":
                self.failures += 1

    api = BenchAPI(TOKEN)
    await api.start()
    texts: list[str] = plan["texts"]
    warm = _updates(api, range(1, WARM_UP + 1), 1, texts, 1)
    chats = range(FIRST_CHAT, FIRST_CHAT + plan["chats"])
    load = _updates(api, chats, plan["per_chat"], texts, len(warm) + 1)
    for update in warm + load:
        chat = update["message"]["chat"]["id"]
        api.waiting.setdefault(chat, deque()).append(update["update_id"])
    conn.send({"port": api.port})
    webhook: str | None = (await asyncio.to_thread(conn.recv))["webhook"]  # the bot is up
    session = None
    if webhook:
        session = aiohttp.ClientSession(
            connector=aiohttp.TCPConnector(limit=100),
            headers={"X-Telegram-Bot-Api-Secret-Token": SECRET},
        )
    posts: set[asyncio.Task[None]] = set()

    async def post(update: dict[str, Any]) -> None:
        assert session is not None and webhook is not None
        async with session.post(webhook, json=update) as response:
            if response.status != 200:
                api.failures += 1

    async def inject(updates: list[dict[str, Any]], inflight: int) -> None:
        """Keep ``inflight`` waiting (0: all at once, queued on the server) until all are
        answered."""
        api.expected = len(api.replied) + len(updates)
        api.done.clear()
        if not inflight:
            now = time.monotonic()
            api.injected.update((u["update_id"], now) for u in updates)
            api.updates.extend(updates)
            asyncio.get_running_loop().create_task(api._notify())
        else:
            api.free = asyncio.Semaphore(inflight)
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
        await api.done.wait()

    timed_out = False
    try:
        async with asyncio.timeout(plan["deadline"]):
            await inject(warm, 32)
            conn.send("warm")
            await asyncio.to_thread(conn.recv)  # the bot noted its CPU time
            started = time.monotonic()
            await inject(load, plan["inflight"])
    except TimeoutError:
        timed_out = True
    replies = [u["update_id"] for u in load if u["update_id"] in api.replied]
    finished = max((api.replied[u] for u in replies), default=time.monotonic())
    if posts:
        await asyncio.gather(*posts, return_exceptions=True)
    if session is not None:
        await session.close()
    latencies = [(api.replied[u] - api.injected[u]) * 1000 for u in replies]
    conn.send(
        {
            "updates": len(load),
            "replies": len(replies),
            "failures": api.failures,
            "seconds": finished - started,
            "latencies_ms": latencies,
            "timed_out": timed_out,
        }
    )
    await asyncio.to_thread(conn.recv)  # the bot has stopped (serve its last getUpdates)
    await api.stop()


# --- the bot (a process) ---------------------------------------------------------------------


def _bot_process(conn: Connection, job: dict[str, Any]) -> None:
    if job.get("root"):  # another checkout's bot (--baseline): imported from there
        sys.path.insert(0, job["root"])
        assert "bot" not in sys.modules
        import bot

        assert bot.__file__ is not None and bot.__file__.startswith(job["root"]), bot.__file__
    asyncio.run(_run_bot(conn, job))


def _without(change: str, texts: list[str]) -> None:
    """Undo one leaner-per-reply change in this process (the measure of what it saves), or
    take the core's work out (``core``)."""
    from bot.tg import app, common, transport

    if change == "json":  # PTB's url-encoded form instead of a JSON body

        class FormRequest(transport.AiohttpRequest):
            async def do_request(self, url: str, method: str, request_data: Any = None, **kw: Any):  # type: ignore[no-untyped-def]
                if request_data is None or request_data.contains_files:
                    return await super().do_request(url, method, request_data, **kw)
                session = self._session
                assert session is not None
                form = request_data.json_parameters
                async with session.request(method, url, data=form) as response:
                    return response.status, await response.read()

        transport.AiohttpRequest = FormRequest  # type: ignore[misc]
        app.AiohttpRequest = FormRequest  # type: ignore[misc]
    elif change == "message":  # a PTB Message built from every sendMessage result

        async def send_text(bot: Any, chat_id: int, html: str, reply_markup: Any = None) -> Any:
            sent = await bot.send_message(chat_id, html, reply_markup=reply_markup)
            return {
                "message_id": sent.message_id,
                "date": sent.date.timestamp(),
                "chat": {"type": sent.chat.type},
            }

        common.send_text = send_text  # type: ignore[assignment]
    elif change == "freeze":
        app.settle_memory = lambda: None  # type: ignore[assignment]
    elif change == "core":  # the core's answers computed beforehand: the layer's own cost
        from bot.core.engine import Engine
        from bot.core.knowledge import load_knowledge

        engine = Engine(load_knowledge())
        answers = {text: engine.reply(text) for text in texts}
        Engine.reply = lambda self, text, context=None: answers[text]  # type: ignore[method-assign]


def _engine(knowledge: Path, cache: str) -> Any:
    """The engine as ``python -m bot run`` gets it: from the engine cache, which the parent
    filled beforehand (a start after the first; a checkout without the cache builds it)."""
    try:
        from bot.core.cache import cached_engine
    except ImportError:
        from bot.core.engine import Engine
        from bot.core.knowledge import load_knowledge

        return Engine(load_knowledge(knowledge))
    return cached_engine(knowledge, Path(cache))


def _fill_cache(root: str | None, cache: str) -> None:
    """Build each checkout's engine once into the cache (in a throwaway process)."""
    if root:
        sys.path.insert(0, root)
    from bot.core.knowledge import DEFAULT_KNOWLEDGE_DIR

    _engine(DEFAULT_KNOWLEDGE_DIR, cache)


def _echo_application(settings: Any) -> Any:
    """A bare PTB echo bot on the bot's transport (PTB's own polling and processing)."""
    from telegram import Update
    from telegram.ext import ApplicationBuilder, MessageHandler, filters

    from bot.tg.transport import AiohttpRequest

    async def echo(update: Update, context: Any) -> None:
        assert update.message is not None and update.message.text is not None
        await update.message.reply_text(update.message.text)

    application = (
        ApplicationBuilder()
        .token(settings.telegram_bot_token.get_secret_value())
        .base_url(f"{settings.bot_api_base_url}/bot")
        .request(AiohttpRequest(settings.concurrent_updates + 8))
        .get_updates_request(AiohttpRequest(2))
        .concurrent_updates(settings.concurrent_updates)
        .build()
    )
    application.add_handler(MessageHandler(filters.TEXT, echo))
    return application


async def _run_bot(conn: Connection, job: dict[str, Any]) -> None:
    import cProfile
    import logging

    from bot.config import Settings
    from bot.tg.app import build_application

    logging.basicConfig(level=logging.WARNING)
    collections: list[float] = []
    started: list[float] = []

    def timed(phase: str, info: dict[str, int]) -> None:  # full collections only
        if info["generation"] == 2:
            if phase == "start":
                started.append(time.perf_counter())
            elif started:
                collections.append((time.perf_counter() - started.pop()) * 1000)

    gc.callbacks.append(timed)
    variant, profile = job["variant"], job["profile"]
    for change in variant.split("+")[1:]:
        _without(change, job["texts"])
    with tempfile.TemporaryDirectory() as data:
        settings = Settings(
            _env_file=None,
            telegram_bot_token=job["token"],
            bot_api_base_url=job["base"],
            log_level="WARNING",
            data_dir=Path(data),
            **job["webhook"],
        )
        if variant == "echo":
            application = _echo_application(settings)
            serve = _serve_echo(application)
        else:
            limits = variant.startswith("limited")
            engine = _engine(settings.knowledge_dir, job["cache"])
            application = build_application(settings, engine, flood_limits=limits)
            serve = _serve_bot(application, settings)
        async with serve:
            conn.send("ready")
            await asyncio.to_thread(conn.recv)  # warmed up
            collections.clear()
            profiler = cProfile.Profile() if profile else None
            rss_start = _rss_now_mb()
            cpu = _cpu()
            if profiler is not None:
                profiler.enable()
            conn.send("measuring")
            await asyncio.to_thread(conn.recv)  # the load is over
            cpu = _cpu() - cpu
            if profiler is not None:
                profiler.disable()
                profiler.dump_stats(profile)
    conn.send(
        {
            "cpu_s": cpu,
            "rss_mb": _rss_mb(),
            "rss_start_mb": rss_start,
            "full_collections": len(collections),
            "max_collection_ms": max(collections, default=0.0),
        }
    )


def _serve_bot(application: Any, settings: Any) -> Any:
    """The bot served as ``python -m bot run`` serves it (no test helper imported here: the
    RSS is the bot's)."""
    import contextlib

    from bot.tg.app import ALLOWED_UPDATES, POLL_TIMEOUT
    from bot.tg.serve import serve

    @contextlib.asynccontextmanager
    async def serving() -> Any:
        stop, ready = asyncio.Event(), asyncio.Event()

        async def is_ready() -> None:
            ready.set()

        options = {"allowed_updates": list(ALLOWED_UPDATES), "poll_timeout": POLL_TIMEOUT}
        task = asyncio.create_task(serve(application, settings, stop, ready=is_ready, **options))
        await ready.wait()
        yield
        stop.set()
        await task

    return serving()


def _serve_echo(application: Any) -> Any:
    import contextlib

    @contextlib.asynccontextmanager
    async def serving() -> Any:
        async with application:
            assert application.updater is not None
            await application.updater.start_polling(timeout=10, poll_interval=0)
            await application.start()
            yield
            await application.updater.stop()
            await application.stop()

    return serving()


# --- one run, all runs (this process) --------------------------------------------------------


@dataclass
class Figures:
    run: str
    updates: int
    replies: int
    failures: int
    per_second: float
    p50_ms: float
    p99_ms: float
    max_ms: float
    cpu_ms: float  # of the bot process, per reply
    rss_mb: float  # peak of the bot process
    rss_start_mb: float  # of the bot process when the measure starts (after the warm-up)
    full_collections: int
    max_collection_ms: float
    timed_out: bool

    def line(self) -> str:
        late = "  TIMED OUT" if self.timed_out else ""
        return (
            f"{self.run:24} {self.replies:5}/{self.updates:<5} {self.per_second:6.0f}/s  "
            f"p50 {self.p50_ms:7.1f} ms  p99 {self.p99_ms:7.1f} ms  max {self.max_ms:7.1f} ms  "
            f"CPU {self.cpu_ms:5.2f} ms/reply  RSS {self.rss_start_mb:5.1f} -> "
            f"{self.rss_mb:5.1f} MB  "
            f"full gc {self.full_collections} (max {self.max_collection_ms:4.1f} ms)  "
            f"failures {self.failures}{late}"
        )


def _percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _one_run(
    name: str,
    variant: str,
    mode: str,
    plan: dict[str, Any],
    profile: str | None = None,
    root: str | None = None,
) -> Figures:
    from harness import free_port

    context = multiprocessing.get_context("spawn")
    to_server, server_end = context.Pipe()
    to_bot, bot_end = context.Pipe()
    server = context.Process(target=_server_process, args=(server_end, plan), daemon=True)
    server.start()
    bot = None
    try:
        port = to_server.recv()["port"]
        webhook: dict[str, Any] = {}
        url = None
        if mode == "webhook":
            hook = free_port()
            url = f"http://127.0.0.1:{hook}/hook"
            webhook = {
                "webhook_url": "https://bot.example.org/hook",
                "webhook_secret": SECRET,
                "webhook_listen": "127.0.0.1",
                "webhook_port": hook,
            }
        base = f"http://127.0.0.1:{port}"
        from botapi import TOKEN

        job = {"variant": variant, "base": base, "webhook": webhook, "profile": profile}
        job["root"], job["cache"] = root, plan["cache"]
        job["token"] = TOKEN
        bot = context.Process(target=_bot_process, args=(bot_end, {**job, "texts": plan["texts"]}))
        bot.start()
        _expect(to_bot, "ready", plan["deadline"])
        to_server.send({"webhook": url})
        _expect(to_server, "warm", plan["deadline"])
        to_bot.send("go")
        _expect(to_bot, "measuring", 30)
        to_server.send("go")
        result = _receive(to_server, plan["deadline"] + 30)
        to_bot.send("stop")
        own = _receive(to_bot, 30)
        to_server.send("stopped")
    finally:
        for process in (server, bot):
            if process is not None:
                process.join(timeout=10)
                if process.is_alive():
                    process.kill()
    latencies = result["latencies_ms"]
    return Figures(
        run=name,
        updates=result["updates"],
        replies=result["replies"],
        failures=result["failures"],
        per_second=result["replies"] / result["seconds"] if result["seconds"] > 0 else 0.0,
        p50_ms=statistics.median(latencies) if latencies else float("nan"),
        p99_ms=_percentile(latencies, 0.99),
        max_ms=max(latencies, default=float("nan")),
        cpu_ms=own["cpu_s"] * 1000 / max(1, result["replies"]),
        rss_mb=own["rss_mb"],
        rss_start_mb=own["rss_start_mb"],
        full_collections=own["full_collections"],
        max_collection_ms=own["max_collection_ms"],
        timed_out=result["timed_out"],
    )


def _median(results: list[Figures]) -> Figures:
    """Every figure's median over the rounds (a shared machine is noisy)."""
    fields = {}
    for name, value in asdict(results[0]).items():
        if isinstance(value, int | float) and not isinstance(value, bool):
            fields[name] = statistics.median(getattr(r, name) for r in results)
        else:
            fields[name] = value
    fields["timed_out"] = any(r.timed_out for r in results)
    return Figures(**fields)


def _receive(conn: Connection, seconds: float) -> Any:
    if not conn.poll(seconds):
        raise TimeoutError("a benchmark process did not answer")
    return conn.recv()


def _expect(conn: Connection, word: str, seconds: float) -> None:
    got = _receive(conn, seconds)
    if got != word:
        raise RuntimeError(f"expected {word!r}, got {got!r}")


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


def _ratio(rounds: dict[str, list[Figures]], name: str) -> float:
    """The median over the rounds of ``name``'s replies a second over the echo bot's in the
    same round: other work on the machine changes both alike within a round, not across."""
    pairs = zip(rounds[name], rounds["echo"], strict=False)
    ratios = [r.per_second / e.per_second for r, e in pairs if e.per_second]
    return statistics.median(ratios) if ratios else float("nan")


def _verdicts(figures: dict[str, Figures], rounds: dict[str, list[Figures]]) -> list[str]:
    bot, echo = figures["bot"], figures["echo"]
    queued = figures.get("bot-queued")
    ratio = _ratio(rounds, "bot")
    lines = [
        f"bot/echo throughput ratio: {ratio:.2f} (median of the rounds' ratios; medians bot "
        f"{bot.per_second:.0f}/s, echo {echo.per_second:.0f}/s); CPU per reply: bot "
        f"{bot.cpu_ms:.2f} ms, echo {echo.cpu_ms:.2f} ms ({bot.cpu_ms / echo.cpu_ms:.2f}x, "
        f"so at most {echo.cpu_ms / bot.cpu_ms:.2f}x its throughput when CPU-bound)",
    ]
    checks: list[tuple[str, bool]] = [
        (
            f"CPU per reply {bot.cpu_ms:.2f} ms <= {TARGETS['cpu_ms']} ms",
            bot.cpu_ms <= TARGETS["cpu_ms"],
        ),
        (
            f"throughput {ratio:.2f}x the echo bot's >= {TARGETS['echo_ratio']}x",
            ratio >= TARGETS["echo_ratio"],
        ),
        (
            f"p99 {bot.p99_ms:.1f} ms with <= 32 waiting <= {TARGETS['p99_ms']} ms",
            bot.p99_ms <= TARGETS["p99_ms"],
        ),
    ]
    if queued is not None:
        checks.append(
            (
                f"peak RSS {queued.rss_mb:.1f} MB with {queued.updates} queued "
                f"<= {TARGETS['queued_rss_mb']} MB",
                queued.rss_mb <= TARGETS["queued_rss_mb"],
            )
        )
    lines += [f"  {'met    ' if ok else 'NOT met'}  {text}" for text, ok in checks]
    old = figures.get("baseline")
    if old is not None:
        old_ratio = _ratio(rounds, "baseline")
        lines.append(
            f"baseline -> this checkout: CPU per reply {old.cpu_ms:.2f} -> {bot.cpu_ms:.2f} ms, "
            f"throughput {old_ratio:.2f}x -> {ratio:.2f}x the echo bot's, p99 {old.p99_ms:.0f} "
            f"-> {bot.p99_ms:.0f} ms"
        )
        old_queued = figures.get("baseline-queued")
        if old_queued is not None and queued is not None:
            lines.append(
                f"  peak RSS with {queued.updates} queued {old_queued.rss_mb:.1f} -> "
                f"{queued.rss_mb:.1f} MB (when the measure starts: {old_queued.rss_start_mb:.1f} "
                f"-> {queued.rss_start_mb:.1f} MB)"
            )
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--chats", type=int, default=500)
    parser.add_argument("--per-chat", type=int, default=4, help="messages per chat (< 5)")
    parser.add_argument("--inflight", type=int, default=32, help="updates waiting at most")
    parser.add_argument("--queued", type=int, default=5000, help="0: no queued run")
    parser.add_argument("--queued-chats", type=int, default=1000)
    parser.add_argument("--limited", type=int, default=300, help="0: no run with limits")
    parser.add_argument("--deadline", type=float, default=120.0, help="seconds per run")
    parser.add_argument("--only", help="run names, comma-separated (default: all)")
    parser.add_argument("--profile", help="cProfile stats of one run's bot process to this file")
    parser.add_argument(
        "--profile-run", default="bot-core-cached", help="the run --profile profiles"
    )
    parser.add_argument("--repeat", type=int, default=1, help="rounds; the medians are kept")
    parser.add_argument(
        "--baseline",
        help="another checkout (e.g. a worktree of main): its bot runs beside this one "
        "(runs baseline, baseline-queued) under the same load, to compare old and new",
    )
    args = parser.parse_args()
    # chosen in a throwaway process: the engine used to choose them stays out of the way
    cache = tempfile.TemporaryDirectory(prefix="bench-engine-")
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        texts = pool.apply(_questions)
    for root in dict.fromkeys((None, args.baseline)):  # a process each: modules never mix
        with multiprocessing.get_context("spawn").Pool(1) as pool:
            pool.apply(_fill_cache, (root, cache.name))
    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}; {args.chats} chats x {args.per_chat} messages, at most "
        f"{args.inflight} waiting; {len(texts)} questions from tests/eval",
        flush=True,
    )
    steady = {"chats": args.chats, "per_chat": args.per_chat, "inflight": args.inflight}
    queued_per_chat = max(1, args.queued // args.queued_chats)
    runs: list[tuple[str, str, str, dict[str, Any]]] = [
        ("echo", "echo", "polling", steady),
        ("bot", "bot", "polling", steady),
        *([("baseline", "bot", "polling", steady)] if args.baseline else []),
        ("bot-form-bodies", "bot+json", "polling", steady),
        ("bot-ptb-message", "bot+message", "polling", steady),
        ("bot-no-gc-freeze", "bot+freeze", "polling", steady),
        ("bot-none-of-the-three", "bot+json+message+freeze", "polling", steady),
        ("bot-core-cached", "bot+core", "polling", steady),
        ("bot-webhook", "bot", "webhook", steady),
    ]
    if args.queued:
        queued = {"chats": args.queued_chats, "per_chat": queued_per_chat, "inflight": 0}
        runs.append(("bot-queued", "bot", "polling", queued))
        if args.baseline:
            runs.append(("baseline-queued", "bot", "polling", queued))
    if args.limited:
        limited = {"chats": max(1, args.limited // args.per_chat), "per_chat": args.per_chat}
        runs.append(("bot-telegram-limits", "limited", "polling", {**limited, "inflight": 32}))
    only = set(args.only.split(",")) if args.only else None
    rounds: dict[str, list[Figures]] = {}
    for round_ in range(1, args.repeat + 1):
        if args.repeat > 1:
            print(f"Round {round_} of {args.repeat}", flush=True)
        for name, variant, mode, load in runs:
            if only is not None and name not in only:
                continue
            plan = {**load, "texts": texts, "deadline": args.deadline, "cache": cache.name}
            profile = args.profile if name == args.profile_run else None
            root = args.baseline if name.startswith("baseline") else None
            figures = _one_run(name, variant, mode, plan, profile, root)
            rounds.setdefault(name, []).append(figures)
            print(figures.line(), flush=True)
    figures = {name: _median(results) for name, results in rounds.items()}
    if args.repeat > 1:
        print(f"Medians of {args.repeat} rounds:")
        for median in figures.values():
            print(median.line())
    if "bot" in figures and "echo" in figures:
        for line in _verdicts(figures, rounds):
            print(line)
    print(json.dumps([asdict(f) for f in figures.values()]))
    runs_done = [f for results in rounds.values() for f in results]
    complete = all(f.replies == f.updates and not f.failures for f in runs_done)
    return 0 if complete else 1


if __name__ == "__main__":
    sys.exit(main())
