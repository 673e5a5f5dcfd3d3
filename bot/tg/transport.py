"""The HTTP client of the bot: PTB's ``BaseRequest`` on aiohttp instead of httpx.

Measured with ``bench/bench_load.py`` on the 2-core machine, httpx (with httpcore's per-request
scans of its pool) costs about 2.7 ms of CPU per reply, aiohttp about 1 ms: a third of the
CPU per message. Parameters go as a JSON body (multipart only with files): cheaper than the
url-encoded form PTB's own client sends. Behaviour is PTB's: a timeout is ``TimedOut``, any
other failure of the connection is ``NetworkError``, HTTP error statuses are left to PTB
(``BadRequest``, ``Forbidden``, ``RetryAfter`` ...). aiohttp logs no URL, so the token (part
of every URL) never reaches the log.
"""

from __future__ import annotations

import json
import re
from typing import Any

import aiohttp
from telegram._utils.defaultvalue import DefaultValue
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

Timeout = float | None
TOKEN_IN_URL = re.compile(r"/(?:file/)?bot[^/\s]+/")  # an error about a URL must not show it
JSON = {"Content-Type": "application/json"}


class AiohttpRequest(BaseRequest):
    """Up to ``pool`` connections to the Bot API. Timeouts in seconds: ``connect`` (with the
    wait for a free connection, ``pool``), ``read`` (between bytes of the answer; PTB adds the
    long-polling time for getUpdates), ``write`` (a cap on sending the request)."""

    def __init__(
        self,
        pool: int,
        *,
        connect_timeout: Timeout = 5.0,
        read_timeout: Timeout = 10.0,
        write_timeout: Timeout = 10.0,
        pool_timeout: Timeout = 5.0,
    ) -> None:
        self._pool = pool
        self._connect = connect_timeout
        self._read = read_timeout
        self._write = write_timeout
        self._pool_timeout = pool_timeout
        self._session: aiohttp.ClientSession | None = None

    @property
    def read_timeout(self) -> float | None:
        return self._read

    async def initialize(self) -> None:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=self._pool, ttl_dns_cache=300),
                headers={"User-Agent": self.USER_AGENT},
                raise_for_status=False,
                auto_decompress=True,
            )

    async def shutdown(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()
        self._session = None

    def _timeout(self, given: Any, default: Timeout) -> Timeout:
        return default if isinstance(given, DefaultValue) else given

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = BaseRequest.DEFAULT_NONE,
        write_timeout: Any = BaseRequest.DEFAULT_NONE,
        connect_timeout: Any = BaseRequest.DEFAULT_NONE,
        pool_timeout: Any = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        if self._session is None:
            raise RuntimeError("This AiohttpRequest is not initialized")
        read = self._timeout(read_timeout, self._read)
        write = self._timeout(write_timeout, self._write)
        connect = self._timeout(connect_timeout, self._connect)
        pool = self._timeout(pool_timeout, self._pool_timeout)
        acquire = None if connect is None or pool is None else connect + pool
        timeout = aiohttp.ClientTimeout(
            total=_total(acquire, write, read), connect=acquire, sock_read=read
        )
        data: aiohttp.FormData | bytes | None = None
        headers = None
        if request_data is not None:
            files = request_data.multipart_data if request_data.contains_files else None
            if files:
                form = aiohttp.FormData()
                for name, value in request_data.json_parameters.items():
                    form.add_field(name, value)
                for name, (filename, content, mimetype) in files.items():
                    form.add_field(name, content, filename=filename, content_type=mimetype)
                data = form
            else:
                data = json.dumps(request_data.parameters).encode()
                headers = JSON
        try:
            async with self._session.request(
                method, url, data=data, headers=headers, timeout=timeout
            ) as response:
                return response.status, await response.read()
        except TimeoutError as exc:  # also aiohttp's ServerTimeoutError
            raise TimedOut from exc
        except aiohttp.ClientError as exc:
            message = TOKEN_IN_URL.sub("/bot[oculto]/", str(exc))
            raise NetworkError(f"aiohttp.{type(exc).__name__}: {message}") from exc


def _total(*parts: Timeout) -> float | None:
    """A cap on the whole request: every phase at its longest."""
    if any(part is None for part in parts):
        return None
    return sum(part for part in parts if part is not None)
