"""The bot's HTTP client (aiohttp under PTB's BaseRequest): PTB's errors for timeouts and
failed connections, no token in an error message, form and file uploads as PTB sends them."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator
from typing import Any

import pytest
import pytest_asyncio
from aiohttp import web
from botapi import TOKEN
from telegram import InputFile
from telegram.error import NetworkError, TimedOut
from telegram.request import RequestData
from telegram.request._requestparameter import RequestParameter

from bot.tg.transport import AiohttpRequest


@pytest_asyncio.fixture
async def echo() -> AsyncIterator[tuple[str, dict[str, Any]]]:
    """A server that answers what it got, or sleeps when asked to."""
    seen: dict[str, Any] = {}

    async def handle(request: web.Request) -> web.Response:
        if request.path.endswith("/slow"):
            await asyncio.sleep(2)
        form = await request.post()
        seen.update(
            {
                key: (value.filename, value.file.read()) if hasattr(value, "file") else value
                for key, value in form.items()
            }
        )
        return web.json_response({"ok": True, "result": True})

    app = web.Application()
    app.router.add_post("/{tail:.*}", handle)
    runner = web.AppRunner(app, access_log=None, handler_cancellation=True)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    yield f"http://127.0.0.1:{port}/bot{TOKEN}", seen
    await runner.cleanup()


async def test_parameters_and_files_are_sent(echo: tuple[str, dict[str, Any]]) -> None:
    base, seen = echo
    request = AiohttpRequest(4)
    await request.initialize()
    try:
        data = RequestData(
            [
                RequestParameter.from_input("chat_id", 5),
                RequestParameter.from_input("text", "hola & <b>"),
                RequestParameter.from_input("document", InputFile(b"%PDF-1", filename="a.pdf")),
            ]
        )
        status, body = await request.do_request(f"{base}/sendDocument", "POST", data)
        assert status == 200 and b'"ok": true' in body
        assert seen["chat_id"] == "5" and seen["text"] == "hola & <b>"
        assert seen["document"] == ("a.pdf", b"%PDF-1")
    finally:
        await request.shutdown()


async def test_a_slow_answer_is_timed_out(echo: tuple[str, dict[str, Any]]) -> None:
    base, _ = echo
    request = AiohttpRequest(4, read_timeout=0.2)
    await request.initialize()
    try:
        with pytest.raises(TimedOut):
            await request.do_request(f"{base}/slow", "POST", RequestData([]))
        status, _ = await request.do_request(f"{base}/getMe", "POST", RequestData([]))
        assert status == 200  # the session still works
    finally:
        await request.shutdown()


async def test_a_refused_connection_is_a_network_error_without_the_token() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # nobody listens there once closed
    request = AiohttpRequest(4)
    await request.initialize()
    try:
        with pytest.raises(NetworkError) as caught:
            await request.do_request(f"http://127.0.0.1:{port}/bot{TOKEN}/getMe", "POST")
        assert type(caught.value) is NetworkError
        assert TOKEN not in str(caught.value) and TOKEN.split(":")[1] not in str(caught.value)
    finally:
        await request.shutdown()


async def test_not_initialized_is_refused() -> None:
    with pytest.raises(RuntimeError):
        await AiohttpRequest(1).do_request("http://127.0.0.1:9/x", "POST")
