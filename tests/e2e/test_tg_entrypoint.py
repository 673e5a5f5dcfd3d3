"""The real entry point ``python -m bot run`` in a subprocess: polling, SIGTERM, webhook,
kill -9 and restarts, a refused token, an unreachable or hanging Bot API, what a supervisor
sees, and the exit codes for bad configuration and bad knowledge."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections import Counter
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

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


# A stop takes at most 5 s by construction (3 s for replies in progress, 1 s to confirm);
# one more for a loaded machine.
STOP_BOUND = 6.0


async def ended(process: asyncio.subprocess.Process) -> tuple[int, str]:
    """Wait (at most STOP_BOUND seconds) for the process to end: its exit code and log."""
    _, stderr = await asyncio.wait_for(process.communicate(), timeout=STOP_BOUND)
    assert process.returncode is not None
    return process.returncode, stderr.decode()


async def stop(process: asyncio.subprocess.Process, sig: int = signal.SIGTERM) -> tuple[int, str]:
    """SIGTERM (or ``sig``): the exit code and the log, within STOP_BOUND seconds."""
    process.send_signal(sig)
    return await ended(process)


async def test_polling_answers_and_stops_on_sigterm(tmp_path: Path, api: FakeBotAPI) -> None:
    async with bot_process(tmp_path, api) as process:
        await api.wait_for("getUpdates", mark=0, timeout=20, where=lambda c: "timeout" in c.params)
        assert api.since(0, "setMyCommands") and api.since(0, "deleteWebhook")
        [call] = await api.reply_to(api.text_message("¿Dónde hay un CEM en Lampa?"))
        assert call.ok and "Lampa" in visible(call) and call.params["chat_id"] == USER_ID
        code, log = await stop(process)
    assert code == 0, log
    assert TOKEN not in log and TOKEN.split(":")[1] not in log
    assert "Lampa" not in log  # no message text in the log
    assert "Traceback" not in log and "ERROR" not in log, log


async def test_sigint_finishes_replies_and_a_restart_answers_nothing_twice(
    tmp_path: Path, api: FakeBotAPI
) -> None:
    """SIGINT while a reply is in flight (Telegram slow to answer it) and the others are
    answered: the slow one too is answered before the exit; the restarted bot
    (stopped with SIGTERM) answers only what is new."""
    chats = [8000 + n for n in range(4)]
    async with bot_process(tmp_path, api) as process:
        await api.wait_for("getUpdates", mark=0, timeout=20, where=lambda c: "timeout" in c.params)
        api.slow_next("sendMessage", 0.6, chat_id=chats[0])
        for chat in chats:
            api.push(api.text_message("/emergencia", chat_id=chat, user_id=chat))
        await api.wait_for("sendMessage", 3, where=lambda c: c.params["chat_id"] != chats[0])
        assert not [c for c in api.since(0, "sendMessage") if c.params["chat_id"] == chats[0]]
        code, log = await stop(process, signal.SIGINT)
    assert code == 0, log
    assert "Traceback" not in log and "ERROR" not in log and "KeyboardInterrupt" not in log, log
    first_run = [c.params["chat_id"] for c in api.since(0, "sendMessage") if c.ok]
    assert sorted(first_run) == chats  # the slow one too
    async with bot_process(tmp_path, api) as process:
        [call] = await api.reply_to(api.text_message("/emergencia", chat_id=8100, user_id=8100))
        assert call.ok
        code, log = await stop(process, signal.SIGTERM)
    assert code == 0, log
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
        code, log = await stop(process)
    assert code == 0, log
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


WITH_TOKEN = {"TELEGRAM_BOT_TOKEN": TOKEN}


@pytest.mark.parametrize(
    ("env", "line"),
    [
        ({}, "Falta TELEGRAM_BOT_TOKEN"),
        ({"TELEGRAM_BOT_TOKEN": "not-a-token"}, "TELEGRAM_BOT_TOKEN: no tiene la forma"),
        ({**WITH_TOKEN, "WEBHOOK_URL": "https://x.example/h"}, "WEBHOOK_SECRET es obligatorio"),
        (
            {**WITH_TOKEN, "WEBHOOK_URL": "http://x.example/h", "WEBHOOK_SECRET": "s3cret"},
            "WEBHOOK_URL: debe ser una URL https://",  # Telegram posts only to HTTPS
        ),
        ({**WITH_TOKEN, "WEBHOOK_PORT": "ochenta"}, "WEBHOOK_PORT: debe ser un número entero"),
        ({**WITH_TOKEN, "WEBHOOK_PORT": "0"}, "WEBHOOK_PORT: debe ser mayor o igual que 1"),
        ({**WITH_TOKEN, "ADMIN_IDS": "1,dos"}, "ADMIN_IDS: debe ser una lista de números"),
        ({**WITH_TOKEN, "BOT_API_BASE_URL": "ftp://x"}, "BOT_API_BASE_URL: debe ser una URL"),
        ({**WITH_TOKEN, "LOG_LEVEL": "MUCHO"}, "LOG_LEVEL: debe ser uno de estos valores"),
        ({**WITH_TOKEN, "FLOOD_SECONDS": "-1"}, "FLOOD_SECONDS: debe ser mayor que 0"),
        ({**WITH_TOKEN, "BOT_API_TIMEOUT": "mucho"}, "BOT_API_TIMEOUT: debe ser un número"),
    ],
)
def test_bad_configuration_exits_2_with_one_line_in_spanish(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    env: dict[str, str],
    line: str,
) -> None:
    assert _run_with(monkeypatch, tmp_path, **env) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and line in err, err
    assert "Traceback" not in err and "not-a-token" not in err
    assert "Input should" not in err and "Value error" not in err  # not pydantic's English


def test_a_dotenv_not_in_utf8_exits_2_with_one_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dotenv = f"TELEGRAM_BOT_TOKEN={TOKEN}\nADMIN_IDS=1 # José\n".encode("cp1252")
    (tmp_path / ".env").write_bytes(dotenv)  # saved as "ANSI" by Notepad
    assert _run_with(monkeypatch, tmp_path) == 2
    err = capsys.readouterr().err
    assert err == "El archivo .env no está en UTF-8: guárdelo como UTF-8.\n"


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


async def serving_started(api: FakeBotAPI) -> None:
    """The bot polls (a start takes a second or two: imports, knowledge)."""
    await api.wait_for("getUpdates", mark=0, timeout=20)


@pytest.mark.parametrize(("status", "words"), [(401, "Unauthorized"), (404, "Not Found")])
async def test_a_refused_get_updates_exits_2_at_once(
    tmp_path: Path, api: FakeBotAPI, status: int, words: str
) -> None:
    """The token is revoked (401) or BOT_API_BASE_URL is no Bot API (404) while polling:
    the bot exits at once with a clear line rather than stay alive and deaf."""
    async with bot_process(tmp_path, api) as process:
        await serving_started(api)
        api.fail_next("getUpdates", status, words)
        api.push(api.text_message("/emergencia"))  # ends the long poll; the next is refused
        code, log = await ended(process)
    assert code == 2, log
    last = log.strip().splitlines()[-1]
    assert last.startswith("Telegram rechazó TELEGRAM_BOT_TOKEN") and words in last
    assert TOKEN.split(":")[1][:4] not in log and "Traceback" not in log


async def test_kill_9_loses_no_update(tmp_path: Path, api: FakeBotAPI) -> None:
    """kill -9 while 120 updates are being answered (Telegram slow to take the replies):
    the restarted bot answers every one left; the few answered twice were in flight."""
    chats = list(range(50_000, 50_120))
    api.slow_next("sendMessage", 0.1, times=120)
    async with bot_process(tmp_path, api) as process:
        await serving_started(api)
        for chat in chats:
            api.push(api.text_message("/emergencia", chat_id=chat, user_id=chat))
        await api.wait_for("sendMessage", 20, mark=0, timeout=20, where=lambda c: c.ok)
        process.kill()
        await process.wait()
    assert len(set(api.answered_chats())) < len(chats)  # the kill came in the middle
    api.heal()
    async with bot_process(tmp_path, api) as process:
        await api.wait_until(lambda: set(api.answered_chats()) == set(chats), timeout=30)
        code, log = await stop(process)
    assert code == 0, log
    twice = [chat for chat, n in Counter(api.answered_chats()).items() if n > 1]
    assert len(twice) <= 32  # CONCURRENT_UPDATES: sent, not yet on record at the kill


async def post_update(
    session: aiohttp.ClientSession, url: str, update: dict[str, Any]
) -> int | None:
    """POST an update as Telegram does: its status, or None when the connection broke."""
    headers = {"X-Telegram-Bot-Api-Secret-Token": "s3cret-Token_1"}
    for _ in range(200):  # the server may still be starting
        try:
            async with session.post(url, json=update, headers=headers) as response:
                return response.status
        except aiohttp.ClientConnectorError:
            await asyncio.sleep(0.05)
        except aiohttp.ClientError:
            return None
    raise AssertionError("the webhook server never listened")


def webhook_env(port: int) -> dict[str, str]:
    return {
        "WEBHOOK_URL": f"{PUBLIC}/hook",
        "WEBHOOK_SECRET": "s3cret-Token_1",
        "WEBHOOK_LISTEN": "127.0.0.1",
        "WEBHOOK_PORT": str(port),
    }


async def test_kill_9_in_webhook_mode_acknowledges_only_answered_updates(
    tmp_path: Path, api: FakeBotAPI
) -> None:
    """Telegram forgets an update at the 200: after kill -9, every update that got one was
    answered, and Telegram's new tries of the others are answered by the restarted bot."""
    chats = list(range(60_000, 60_040))
    updates = [
        {"update_id": n, **api.text_message("/emergencia", chat_id=chat, user_id=chat)}
        for n, chat in enumerate(chats, start=1)
    ]
    api.slow_next("sendMessage", 0.2, times=40)
    port = free_port()
    async with aiohttp.ClientSession() as session:
        async with bot_process(tmp_path, api, **webhook_env(port)) as process:
            url = f"http://127.0.0.1:{port}/hook"
            posts = [asyncio.ensure_future(post_update(session, url, u)) for u in updates]
            await api.wait_for("sendMessage", 10, mark=0, timeout=20, where=lambda c: c.ok)
            process.kill()
            await process.wait()
            statuses = await asyncio.gather(*posts)
        acknowledged = {
            u["message"]["chat"]["id"] for u, s in zip(updates, statuses, strict=True) if s == 200
        }
        assert acknowledged <= set(api.answered_chats())  # no 200 without its answer
        assert len(acknowledged) < len(chats)  # the kill came in the middle
        api.heal()
        port = free_port()
        async with bot_process(tmp_path, api, **webhook_env(port)) as process:
            url = f"http://127.0.0.1:{port}/hook"
            again = [u for u, s in zip(updates, statuses, strict=True) if s != 200]
            statuses = await asyncio.gather(*(post_update(session, url, u) for u in again))
            assert set(statuses) == {200}
            code, log = await stop(process)
    assert code == 0, log
    assert set(api.answered_chats()) == set(chats)


async def test_the_bot_waits_for_an_unreachable_bot_api(tmp_path: Path) -> None:
    """The Bot API cannot be reached at start: the bot says so once and tries again until
    it can, then serves."""
    api = FakeBotAPI(TOKEN)
    api.port = free_port()  # nobody listens there yet
    async with bot_process(tmp_path, api) as process:
        assert process.stderr is not None
        async with asyncio.timeout(20):
            line = b""
            while b"The Bot API fails" not in line:
                line = await process.stderr.readline()
                assert line, "the bot ended instead of waiting for the Bot API"
        await api.start(api.port)
        try:
            await serving_started(api)
            [call] = await api.reply_to(api.text_message("/emergencia"))
            assert call.ok
            code, log = await stop(process)
        finally:
            await api.stop()
    assert code == 0, log


async def test_sigterm_while_the_bot_api_hangs_stops_at_once(
    tmp_path: Path, api: FakeBotAPI
) -> None:
    """The Bot API stops answering (a reply and getUpdates hang, BOT_API_TIMEOUT is 30 s):
    SIGTERM still ends the bot within the bound; the reply is left for Telegram."""
    async with bot_process(tmp_path, api, BOT_API_TIMEOUT="30") as process:
        await serving_started(api)
        api.slow_next("sendMessage", 60)
        api.slow_next("getUpdates", 60, times=10)
        api.push(api.text_message("/emergencia"))
        await api.wait_delayed(2)  # the reply and the next getUpdates hang
        code, log = await stop(process)
    assert code == 0, log
    assert "1 updates left for Telegram" in log
    assert not api.answered_chats()


async def test_a_supervisor_sees_the_bot_alive_and_polling(tmp_path: Path, api: FakeBotAPI) -> None:
    """systemd's notifications (READY=1, WATCHDOG=1 after getUpdates, STOPPING=1) and the
    heartbeat file the Docker health check reads."""
    address = str(tmp_path / "notify")
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.bind(address)
        sock.setblocking(False)
        loop = asyncio.get_running_loop()
        data = tmp_path / "data"
        async with bot_process(tmp_path, api, NOTIFY_SOCKET=address, DATA_DIR=str(data)) as bot:
            async with asyncio.timeout(20):
                first = [await loop.sock_recv(sock, 100) for _ in range(2)]
            assert first == [b"READY=1", b"WATCHDOG=1"]
            assert healthy(data)
            code, log = await stop(bot)
        assert await loop.sock_recv(sock, 100) == b"STOPPING=1"
    assert code == 0, log
    stale = time.time() - 150
    os.utime(data / "alive", (stale, stale))  # no getUpdates for 2.5 minutes
    assert not healthy(data)
    (data / "alive").unlink()
    assert not healthy(data)


def healthy(data: Path) -> bool:
    """The Dockerfile's HEALTHCHECK command, run as Docker runs it."""
    line = next(
        line
        for line in (REPO / "deploy" / "Dockerfile").read_text().splitlines()
        if line.strip().startswith('CMD ["sh"')
    )
    command = json.loads(line.strip().removeprefix("CMD "))
    env = {"PATH": os.environ["PATH"], "DATA_DIR": str(data)}
    return subprocess.run(command, env=env, check=False).returncode == 0
