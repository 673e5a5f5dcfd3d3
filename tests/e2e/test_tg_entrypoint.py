"""The real entry point ``python -m bot run`` in a subprocess: polling, SIGTERM, webhook,
and the exit codes for bad configuration and bad knowledge."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import aiohttp
import pytest
from botapi import ENV, TOKEN, USER_ID, FakeBotAPI, visible
from harness import PUBLIC, free_port

from bot.tg.app import run

REPO = Path(__file__).resolve().parents[2]


@asynccontextmanager
async def bot_process(
    tmp_path: Path, api: FakeBotAPI, **extra: str
) -> AsyncIterator[asyncio.subprocess.Process]:
    env = {k: v for k, v in os.environ.items() if k not in ENV}
    env.update(
        TELEGRAM_BOT_TOKEN=TOKEN,
        BOT_API_BASE_URL=api.base_url,
        LOG_LEVEL="INFO",
        PYTHONPATH=str(REPO),
    )
    env.update(extra)
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "run",
        cwd=tmp_path,  # no stray .env
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        yield process
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()


async def stop(
    process: asyncio.subprocess.Process, sig: int = signal.SIGTERM
) -> tuple[int, float, str]:
    """SIGTERM (or ``sig``); return the exit code, the seconds it took and the log."""
    started = time.monotonic()
    process.send_signal(sig)
    _, stderr = await asyncio.wait_for(process.communicate(), timeout=10)
    assert process.returncode is not None
    return process.returncode, time.monotonic() - started, stderr.decode()


async def test_polling_answers_and_stops_on_sigterm(tmp_path: Path, api: FakeBotAPI) -> None:
    async with bot_process(tmp_path, api) as process:
        await api.wait_for("getUpdates", mark=0, timeout=20, where=lambda c: "timeout" in c.params)
        assert api.since(0, "setMyCommands") and api.since(0, "deleteWebhook")
        [call] = await api.reply_to(api.text_message("¿Dónde hay un CEM en Lampa?"))
        assert call.ok and "Lampa" in visible(call) and call.params["chat_id"] == USER_ID
        code, seconds, log = await stop(process)
    assert code == 0, log
    assert seconds < 2.0, f"took {seconds:.2f}s"
    assert TOKEN not in log and TOKEN.split(":")[1] not in log
    assert "Lampa" not in log  # no message text in the log
    assert "Traceback" not in log and "ERROR" not in log, log


async def test_sigint_finishes_replies_and_a_restart_answers_nothing_twice(
    tmp_path: Path, api: FakeBotAPI
) -> None:
    """SIGINT while a reply is in flight (Telegram slow to answer it) and the others are
    answered: the slow one too is answered before the exit, within 2 s; the restarted bot
    (stopped with SIGTERM) answers only what is new."""
    chats = [8000 + n for n in range(4)]
    async with bot_process(tmp_path, api) as process:
        await api.wait_for("getUpdates", mark=0, timeout=20, where=lambda c: "timeout" in c.params)
        api.slow_next("sendMessage", 0.6, chat_id=chats[0])
        for chat in chats:
            api.push(api.text_message("/emergencia", chat_id=chat, user_id=chat))
        await api.wait_for("sendMessage", 3, where=lambda c: c.params["chat_id"] != chats[0])
        assert not [c for c in api.since(0, "sendMessage") if c.params["chat_id"] == chats[0]]
        code, seconds, log = await stop(process, signal.SIGINT)
    assert code == 0, log
    assert seconds < 2.0, f"took {seconds:.2f}s"
    assert "Traceback" not in log and "ERROR" not in log and "KeyboardInterrupt" not in log, log
    first_run = [c.params["chat_id"] for c in api.since(0, "sendMessage") if c.ok]
    assert sorted(first_run) == chats  # the slow one too
    async with bot_process(tmp_path, api) as process:
        [call] = await api.reply_to(api.text_message("/emergencia", chat_id=8100, user_id=8100))
        assert call.ok
        code, seconds, log = await stop(process, signal.SIGTERM)
    assert code == 0 and seconds < 2.0, log
    answered = sorted(c.params["chat_id"] for c in api.since(0, "sendMessage") if c.ok)
    assert answered == [*chats, 8100]  # each once, none again after the restart


async def test_webhook_checks_the_secret(tmp_path: Path, api: FakeBotAPI) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}/hook"
    async with bot_process(
        tmp_path,
        api,
        WEBHOOK_URL=f"{PUBLIC}/hook",
        WEBHOOK_SECRET="s3cret-Token_1",
        WEBHOOK_LISTEN="127.0.0.1",
        WEBHOOK_PORT=str(port),
    ) as process:
        [hook] = await api.wait_for("setWebhook", mark=0, timeout=20)
        assert hook.params["url"] == f"{PUBLIC}/hook"
        assert hook.params["secret_token"] == "s3cret-Token_1"
        update = {"update_id": 1, **api.text_message("/emergencia")}
        refused = 0
        async with aiohttp.ClientSession() as session:
            for _ in range(100):  # the webhook server starts right after setWebhook
                try:
                    async with session.post(url, json=update) as response:
                        refused = response.status
                    break
                except aiohttp.ClientConnectionError:
                    await asyncio.sleep(0.05)
            assert refused == 403
            wrong = {"X-Telegram-Bot-Api-Secret-Token": "wrong"}
            async with session.post(url, json=update, headers=wrong) as response:
                assert response.status == 403
            mark = len(api.calls)
            right = {"X-Telegram-Bot-Api-Secret-Token": "s3cret-Token_1"}
            async with session.post(url, json=update, headers=right) as response:
                assert response.status == 200
        [call] = await api.wait_for("sendMessage", mark=mark)
        assert "100" in visible(call)
        assert not api.since(0, "getUpdates")
        code, seconds, log = await stop(process)
    assert code == 0, log
    assert seconds < 2.0, f"took {seconds:.2f}s"
    assert "Traceback" not in log and "ERROR" not in log, log


async def test_token_refused_by_telegram_exits_2(tmp_path: Path, api: FakeBotAPI) -> None:
    other = TOKEN.replace("123456789", "987654321")
    async with bot_process(tmp_path, api, TELEGRAM_BOT_TOKEN=other) as process:
        _, stderr = await asyncio.wait_for(process.communicate(), timeout=20)
    assert process.returncode == 2
    last = stderr.decode().strip().splitlines()[-1]
    assert "TELEGRAM_BOT_TOKEN" in last and other not in stderr.decode()


def _run_with(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, **env: str) -> int:
    for name in ENV:
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.chdir(tmp_path)
    return run()


@pytest.mark.parametrize(
    ("env", "names"),
    [
        ({}, "TELEGRAM_BOT_TOKEN"),
        ({"TELEGRAM_BOT_TOKEN": "not-a-token"}, "TELEGRAM_BOT_TOKEN"),
        ({"TELEGRAM_BOT_TOKEN": TOKEN, "WEBHOOK_URL": "https://x.example/h"}, "WEBHOOK_SECRET"),
        ({"TELEGRAM_BOT_TOKEN": TOKEN, "WEBHOOK_PORT": "ochenta"}, "WEBHOOK_PORT"),
        ({"TELEGRAM_BOT_TOKEN": TOKEN, "ADMIN_IDS": "1,dos"}, "ADMIN_IDS"),
        ({"TELEGRAM_BOT_TOKEN": TOKEN, "BOT_API_BASE_URL": "ftp://x"}, "BOT_API_BASE_URL"),
        ({"TELEGRAM_BOT_TOKEN": TOKEN, "LOG_LEVEL": "MUCHO"}, "LOG_LEVEL"),
    ],
)
def test_bad_configuration_exits_2_with_one_line(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    env: dict[str, str],
    names: str,
) -> None:
    assert _run_with(monkeypatch, tmp_path, **env) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and names in err
    assert "Traceback" not in err and "not-a-token" not in err


def test_token_from_dotenv_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / ".env").write_text("TELEGRAM_BOT_TOKEN=123:bad\n", encoding="utf-8")
    assert _run_with(monkeypatch, tmp_path) == 2
    assert "TELEGRAM_BOT_TOKEN" in capsys.readouterr().err


def test_bad_knowledge_exits_1(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "vacio"
    empty.mkdir()
    code = _run_with(monkeypatch, tmp_path, TELEGRAM_BOT_TOKEN=TOKEN, KNOWLEDGE_DIR=str(empty))
    assert code == 1
    err = capsys.readouterr().err
    assert "conocimiento" in err and "Traceback" not in err
