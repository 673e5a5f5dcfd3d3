"""CPU of the Telegram layer alone per update, without network, server or core (not a test).

    python bench/bench_layer.py [--rounds 3] [--updates 2000] [CHECKOUT ...]

Each checkout (default: this one; e.g. also a worktree of main, to compare old and new) runs
in a process of its own, in turn, ``--rounds`` times: its ``build_application`` with a
transport that answers at once in memory (getMe, sendMessage with a message id and a date,
anything else ``true``), the core's answers computed beforehand, and private text messages
of 500 chats (questions of ``tests/eval``) handed to ``Application.process_update`` one after
the other. What is left is the layer's own Python: reading each update into PTB objects,
PTB's dispatch, our handlers, the per-chat memory, the keyboards, PTB's request path and the
JSON of each request and answer; not aiohttp, not the event loop's I/O. Printed: the process
CPU per update, the best of 5 passes of ``--updates`` per round, and the median of the rounds.
Much steadier than ``make bench-load`` on a shared machine, so that small changes show.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
TOKEN = "123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11"
ME = {"id": 999, "is_bot": True, "first_name": "Bot", "username": "bench_bot"}
CHATS = 500
PASSES = 5


async def _measure(root: Path, updates: int) -> float:
    """Seconds of CPU per update of the layer of the checkout at ``root`` (imported)."""
    from telegram import Update
    from telegram.request import BaseRequest

    from bot.config import Settings
    from bot.core.engine import Engine
    from bot.core.knowledge import load_knowledge
    from bot.evaluate import load_cases
    from bot.tg import app as tg_app

    class InMemory(BaseRequest):
        sent = 0

        async def initialize(self) -> None:
            pass

        async def shutdown(self) -> None:
            pass

        @property
        def read_timeout(self) -> float:
            return 1.0

        async def do_request(self, url: str, method: str, request_data: Any = None, **_: Any):  # type: ignore[no-untyped-def]
            endpoint = url.rsplit("/", 1)[1]
            body = json.dumps(request_data.parameters if request_data is not None else {})
            result: object = True
            if endpoint == "getMe":
                result = ME
            elif endpoint == "sendMessage":
                sent = json.loads(body)
                InMemory.sent += 1
                chat = {"id": sent["chat_id"], "type": "private", "first_name": "A"}
                result = {"message_id": 10**6 + InMemory.sent, "date": int(time.time())}
                result |= {"chat": chat, "from": ME, "text": sent["text"][:50]}
            return 200, json.dumps({"ok": True, "result": result}).encode()

    engine = Engine(load_knowledge(root / "knowledge"))
    answers = {}
    for _, case in load_cases([root / "tests" / "eval"]):
        text = case.q
        if text.strip() and not text.startswith("/"):
            answer = engine.reply(text)
            if len(answer.html) <= 4000:  # one message per update
                answers[text] = answer
    Engine.reply = lambda self, text, context=None: answers[text]  # type: ignore[method-assign]
    texts = sorted(answers)
    tg_app.AiohttpRequest = lambda *args, **kwargs: InMemory()  # type: ignore[assignment,misc]
    rng = random.Random(7)

    def update(update_id: int) -> dict[str, Any]:
        chat = 100_000 + update_id % CHATS
        person = {"id": chat, "is_bot": False, "first_name": "A"}
        message = {"message_id": update_id, "date": int(time.time()), "text": rng.choice(texts)}
        message |= {"chat": {"id": chat, "type": "private", "first_name": "A"}, "from": person}
        return {"update_id": update_id, "message": message}

    with tempfile.TemporaryDirectory() as data:
        settings = Settings(
            _env_file=None,
            telegram_bot_token=TOKEN,
            bot_api_base_url="http://127.0.0.1:9",
            log_level="WARNING",
            data_dir=Path(data),
            flood_messages=1000,  # every update answered: no chat's flood held back
        )
        application = tg_app.build_application(settings, engine, flood_limits=False)
        await application.initialize()
        assert application.post_init is not None
        await application.post_init(application)
        try:
            for update_id in range(1, CHATS + 1):  # every chat seen once: a warm-up
                await application.process_update(Update.de_json(update(update_id), application.bot))
            best = float("inf")
            for round_ in range(PASSES):
                first = (round_ + 1) * 10 * updates
                raw = [update(first + i) for i in range(updates)]
                cpu = time.process_time()
                for item in raw:
                    await application.process_update(Update.de_json(item, application.bot))
                best = min(best, (time.process_time() - cpu) / updates)
        finally:
            if application.post_shutdown is not None:
                await application.post_shutdown(application)
            await application.shutdown()
    return best


def _child(root: Path, updates: int) -> None:
    sys.path.insert(0, str(root))
    import bot

    assert bot.__file__ is not None and bot.__file__.startswith(str(root)), bot.__file__
    print(asyncio.run(_measure(root, updates)))


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("checkouts", nargs="*", type=Path, default=[ROOT])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--updates", type=int, default=2000, help="per pass")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        _child(args.child.resolve(), args.updates)
        return 0
    found: dict[Path, list[float]] = {}
    for round_ in range(1, args.rounds + 1):
        for checkout in args.checkouts:
            root = checkout.resolve()
            command = [sys.executable, __file__, "--child", str(root), "--updates"]
            done = subprocess.run(
                [*command, str(args.updates)], capture_output=True, text=True, check=True
            )
            seconds = float(done.stdout.split()[-1])
            found.setdefault(root, []).append(seconds)
            print(f"round {round_}: {root}: {seconds * 1e6:.0f} us per update", flush=True)
    for root, values in found.items():
        print(f"median of {len(values)}: {root}: {statistics.median(values) * 1e6:.0f} us")
    return 0


if __name__ == "__main__":
    sys.exit(main())
