"""Knowledge at run time: a bad folder at start exits 1 with the ``check`` message (also a
file that cannot be read: not UTF-8, no permission); ``/recargar`` swaps the engine
atomically for administrators, keeps the old knowledge when a file is broken and says why;
for anybody else it is just an unknown command."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
from botapi import ENV, GROUP_ID, TOKEN, FakeBotAPI, visible

from bot import console
from bot.core.knowledge import DEFAULT_KNOWLEDGE_DIR
from bot.tg.app import run
from bot.tg.common import ENGINE

ADMIN = 42  # ADMIN_IDS of the app fixture
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def folder(tmp_path: Path, clean_env: pytest.MonkeyPatch) -> Path:
    """A copy of the knowledge that the app fixture reloads from."""
    copy = tmp_path / "knowledge"
    shutil.copytree(DEFAULT_KNOWLEDGE_DIR, copy)
    clean_env.setenv("KNOWLEDGE_DIR", str(copy))
    return copy


def break_a_figure(folder: Path) -> None:
    figures = folder / "figures.yaml"
    text = figures.read_text(encoding="utf-8")
    figures.write_text(re.sub(r"value: \d+", "value: -4", text, count=1), encoding="utf-8")


async def test_recargar_swaps_the_engine(folder: Path, app: Any, api: FakeBotAPI) -> None:
    old = app.bot_data[ENGINE]
    [reloaded] = await api.reply_to(api.text_message("/recargar", chat_id=ADMIN, user_id=ADMIN))
    assert "Conocimiento recargado" in visible(reloaded) and "servic" in visible(reloaded)
    new = app.bot_data[ENGINE]
    assert new is not old and new.kb is not old.kb
    assert new.kb.directory == folder
    [answer] = await api.reply_to(api.text_message("¿Dónde hay un CEM en Lampa?"))
    assert "Lampa" in visible(answer)


async def test_recargar_with_a_broken_file_keeps_the_old_knowledge(
    folder: Path, app: Any, api: FakeBotAPI
) -> None:
    old = app.bot_data[ENGINE]
    break_a_figure(folder)
    [refused] = await api.reply_to(api.text_message("/recargar", chat_id=ADMIN, user_id=ADMIN))
    text = visible(refused)
    assert text.startswith("No recargué")
    assert "figures.yaml, línea" in text and "negativo" in text  # what is wrong, and where
    assert app.bot_data[ENGINE] is old
    [answer] = await api.reply_to(api.text_message("¿Dónde hay un CEM en Lampa?"))
    assert "Lampa" in visible(answer)  # still in service
    shutil.copy(DEFAULT_KNOWLEDGE_DIR / "figures.yaml", folder / "figures.yaml")
    [fixed] = await api.reply_to(api.text_message("/recargar", chat_id=ADMIN, user_id=ADMIN))
    assert "recargado" in visible(fixed) and app.bot_data[ENGINE] is not old


async def test_recargar_is_an_unknown_command_for_others(app: Any, api: FakeBotAPI) -> None:
    old = app.bot_data[ENGINE]
    [unknown] = await api.reply_to(api.text_message("/nada"))
    [refused] = await api.reply_to(api.text_message("/recargar"))
    assert refused.text == unknown.text  # nothing tells the command exists
    assert [t for t, _ in refused.buttons] == [t for t, _ in unknown.buttons]
    assert app.bot_data[ENGINE] is old
    # in a group, like any command the bot does not have: silence
    mark = len(api.calls)
    api.push(api.text_message("/recargar", chat_id=GROUP_ID))
    api.push(api.text_message("/nada", chat_id=GROUP_ID))
    await api.reply_to(api.text_message("/privacidad"))
    assert [c.params["chat_id"] for c in api.since(mark)] == [5550001]


def test_invalid_knowledge_at_start_exits_1_with_the_check_message(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "knowledge"
    shutil.copytree(DEFAULT_KNOWLEDGE_DIR, broken)
    break_a_figure(broken)
    assert console.check(broken) == 1
    expected = capsys.readouterr().err
    for name in ENV:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TOKEN)
    monkeypatch.setenv("BOT_API_BASE_URL", "http://127.0.0.1:9")  # never reached
    monkeypatch.setenv("KNOWLEDGE_DIR", str(broken))
    monkeypatch.chdir(tmp_path)
    assert run() == 1
    err = capsys.readouterr().err
    assert err == expected and err.count("\n") == 1
    assert err.startswith("Error en el conocimiento: figures.yaml, línea ")


def save_as_ansi(folder: Path) -> None:
    """services.yaml saved as "ANSI" (cp1252) by Notepad: its accents are not UTF-8."""
    services = folder / "services.yaml"
    services.write_bytes(services.read_text(encoding="utf-8").encode("cp1252", "replace"))


def first_accent_line(folder: Path) -> int:
    text = (folder / "services.yaml").read_text(encoding="cp1252")
    return next(n for n, line in enumerate(text.splitlines(), 1) if not line.isascii())


def test_a_knowledge_file_not_in_utf8_at_start_is_one_line_naming_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "knowledge"
    shutil.copytree(DEFAULT_KNOWLEDGE_DIR, broken)
    save_as_ansi(broken)
    for name in ENV:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TOKEN)
    monkeypatch.setenv("KNOWLEDGE_DIR", str(broken))
    monkeypatch.chdir(tmp_path)
    assert run() == 1
    line = first_accent_line(broken)
    assert capsys.readouterr().err == (
        f"Error en el conocimiento: services.yaml, línea {line}: el archivo no está en UTF-8 "
        "(guárdelo con la codificación UTF-8)\n"
    )


def test_a_knowledge_file_of_mode_000_at_start_is_one_line_naming_it() -> None:
    """``python -m bot run`` as a user who may not read services.yaml (as nobody, through
    setpriv, when the tests run as root: root reads any file)."""
    command = [sys.executable, "-m", "bot", "run"]
    if os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("running as root without setpriv")
        command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *command]
    base = Path(tempfile.mkdtemp(prefix="knowledge-"))  # tmp_path is closed to others
    try:
        base.chmod(0o755)
        broken = base / "knowledge"
        shutil.copytree(DEFAULT_KNOWLEDGE_DIR, broken)
        (broken / "services.yaml").chmod(0)
        env = {
            "PATH": os.environ["PATH"],
            "PYTHONPATH": str(REPO),
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "KNOWLEDGE_DIR": str(broken),
        }
        done = subprocess.run(command, cwd=base, env=env, capture_output=True, timeout=60)
    finally:
        shutil.rmtree(base)
    assert done.returncode == 1, done.stderr
    assert done.stderr.decode() == (
        "Error en el conocimiento: services.yaml: no hay permiso para leer el archivo\n"
    )


async def test_recargar_with_a_file_not_in_utf8_says_which(
    folder: Path, app: Any, api: FakeBotAPI
) -> None:
    old = app.bot_data[ENGINE]
    save_as_ansi(folder)
    [refused] = await api.reply_to(api.text_message("/recargar", chat_id=ADMIN, user_id=ADMIN))
    line = first_accent_line(folder)
    assert visible(refused).startswith(
        f"No recargué: services.yaml, línea {line}: el archivo no está en UTF-8"
    )
    assert app.bot_data[ENGINE] is old
