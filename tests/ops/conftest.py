"""Fixtures of the ops tests: our Bot API server, a free port, a clean working directory."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from botapi import ENV


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty working directory (no stray .env) and no bot setting from the environment
    but DATA_DIR, set to ``data`` inside it."""
    for name in ENV:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATA_DIR", str(tmp_path / "data"))
    return tmp_path


@pytest.fixture
def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port
