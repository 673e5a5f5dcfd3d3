"""A small Telegram Bot API server of our own (aiohttp, 127.0.0.1) for end-to-end tests.

It serves the methods the bot uses, records every call (method and parsed parameters),
refuses what Telegram refuses (too long text, HTML that does not parse, edits that change
nothing, unknown messages, bad callback data ...), lets a test inject updates and await the
bot's next calls, and injects the faults of the real Bot API on request (``fail_next``:
429 with retry_after, 5xx, 403, 400 refusals, a slow answer).
"""

from __future__ import annotations

import asyncio
import html
import itertools
import json
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web
from telegram_html import ApiError, parse_html

TOKEN = "123456789:AAE2e-TestToken_abcdefghijklmnopqrst"  # shaped like a real one, fake
# Every setting of bot.config.Settings: tests clear them so nothing leaks in. DATA_DIR too:
# tests/conftest.py points it to a folder for the whole session, and a test that serves
# needs one of its own (the ledger of answered update ids must not leak between tests).
ENV = (
    "TELEGRAM_BOT_TOKEN",
    "BOT_API_BASE_URL",
    "WEBHOOK_URL",
    "WEBHOOK_SECRET",
    "WEBHOOK_LISTEN",
    "WEBHOOK_PORT",
    "ADMIN_IDS",
    "KNOWLEDGE_DIR",
    "DATA_DIR",
    "LOG_LEVEL",
    "ERASE_NOTICE_SECONDS",
    "BOT_API_TIMEOUT",
    "CONCURRENT_UPDATES",
    "FLOOD_MESSAGES",
    "FLOOD_SECONDS",
    "COUNTERS",
    "COUNTERS_RETENTION_DAYS",
    "BOT_USERNAME",
    "METRICS_PORT",
    "METRICS_LISTEN",
)
BOT_ID = 7000001
BOT_USERNAME = "PunoServiciosTestBot"
USER_ID = 5550001
GROUP_ID = -1009990001

MAX_TEXT = 4096
DELETE_WINDOW = 48 * 3600

# Parameters that are plain strings in PTB's form data; everything else is JSON-encoded.
STRING_PARAMS = {
    "text",
    "parse_mode",
    "callback_query_id",
    "inline_query_id",
    "url",
    "secret_token",
    "action",
    "language_code",
    "next_offset",
    "caption",
    "ip_address",
}


def plain_text(text: str, parse_mode: str | None) -> str:
    """Check a message text as Telegram does and return what the user sees."""
    if parse_mode is not None and parse_mode.upper() == "HTML":
        shown = parse_html(text)
    elif parse_mode:
        raise ApiError(f"Bad Request: unsupported parse_mode {parse_mode!r} in this fake")
    else:
        shown = text
    if not shown.strip():
        raise ApiError("Bad Request: message text is empty")
    if len(shown) > MAX_TEXT:
        raise ApiError("Bad Request: message is too long")
    return shown


def check_markup(markup: Any) -> None:
    """Inline keyboards: non-empty button texts, callback data of 1 to 64 bytes."""
    if markup is None:
        return
    if not isinstance(markup, dict) or not isinstance(markup.get("inline_keyboard"), list):
        raise ApiError("Bad Request: can't parse reply keyboard markup JSON object")
    count = 0
    for row in markup["inline_keyboard"]:
        if not isinstance(row, list):
            raise ApiError("Bad Request: can't parse inline keyboard button row")
        for button in row:
            count += 1
            if not isinstance(button, dict) or not str(button.get("text", "")).strip():
                raise ApiError("Bad Request: text buttons are unallowed in the inline keyboard")
            data = button.get("callback_data")
            if data is not None and not (1 <= len(str(data).encode()) <= 64):
                raise ApiError("Bad Request: BUTTON_DATA_INVALID")
            kinds = {
                "callback_data",
                "url",
                "switch_inline_query",
                "switch_inline_query_current_chat",
            }
            if not kinds & button.keys():
                raise ApiError("Bad Request: can't find field in inline keyboard button")
    if count > 100:
        raise ApiError("Bad Request: reply markup is too long")


@dataclass
class Call:
    """One request of the bot: method, parsed parameters, and what the server answered."""

    method: str
    params: dict[str, Any]
    ok: bool = True
    error: str | None = None
    result: Any = None

    @property
    def text(self) -> str:
        return str(self.params.get("text", ""))

    @property
    def buttons(self) -> list[tuple[str, str]]:
        """(text, callback_data) of every inline button, row by row."""
        markup = self.params.get("reply_markup") or {}
        return [
            (str(b.get("text")), str(b.get("callback_data", "")))
            for row in markup.get("inline_keyboard", [])
            for b in row
        ]

    @property
    def callback_data(self) -> list[str]:
        return [data for _, data in self.buttons]


# What Telegram says with each kind of fault (descriptions as the real Bot API words them).
FAULTS = {
    429: "Too Many Requests: retry after {retry_after}",
    500: "Internal Server Error",
    502: "Bad Gateway",
    403: "Forbidden: bot was blocked by the user",
}
NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup "
    "are exactly the same as a current content and reply markup of the message"
)
DELETE_NOT_FOUND = "Bad Request: message to delete not found"
QUERY_TOO_OLD = "Bad Request: query is too old and response timeout expired or query ID is invalid"
NGINX_502 = (
    "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
    "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n"
    "</body>\r\n</html>\r\n"
)


@dataclass
class Fault:
    """What the server does instead of (or before) answering one call of a method."""

    status: int = 0  # 0: answer normally (after the delay)
    description: str = ""
    retry_after: int | None = None
    delay: float = 0.0  # seconds before answering: past the bot's timeout it gives up
    html: bool = False  # an HTML error page (as a proxy in front of Telegram sends), not JSON
    chat_id: int | None = None  # only for a call about this chat
    echo: int | None = None  # an error page showing the request's path after this many "x"


@dataclass
class Stored:
    """A message of a chat, as the server keeps it."""

    message: dict[str, Any]
    from_bot: bool


@dataclass
class FakeBotAPI:
    """The fake server; ``base_url`` is what BOT_API_BASE_URL points at."""

    token: str
    calls: list[Call] = field(default_factory=list)
    updates: list[dict[str, Any]] = field(default_factory=list)
    webhook: dict[str, Any] = field(default_factory=dict)
    port: int = 0

    def __post_init__(self) -> None:
        self._changed = asyncio.Condition()
        self._update_ids = itertools.count(1)
        self._query_ids = itertools.count(1)
        self._message_ids: dict[int, itertools.count[int]] = {}
        self._messages: dict[tuple[int, int], Stored] = {}
        self._chats: dict[int, dict[str, Any]] = {}
        self._callbacks: dict[str, bool] = {}  # id -> answered
        self._inline: dict[str, bool] = {}
        self._runner: web.AppRunner | None = None
        self._faults: dict[str, list[Fault]] = {}
        self.delayed: list[Call] = []  # calls a slow answer was started for
        self.mark = 0
        self.me = {
            "id": BOT_ID,
            "is_bot": True,
            "first_name": "Servicios Puno",
            "username": BOT_USERNAME,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": True,
        }

    # --- server ------------------------------------------------------------------------------

    async def start(self, port: int = 0) -> None:
        app = web.Application()
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        self._runner = web.AppRunner(app, access_log=None, handler_cancellation=True)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", port)
        await site.start()
        server = site._server
        assert server is not None
        self.port = server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def _params(self, request: web.Request) -> dict[str, Any]:
        raw: dict[str, Any] = dict(request.query)
        if request.can_read_body:
            if request.content_type == "application/json":
                body = await request.json()
                raw.update(body if isinstance(body, dict) else {})
                return raw
            form = await request.post()
            raw.update({k: v for k, v in form.items() if isinstance(v, str)})
        params: dict[str, Any] = {}
        for key, value in raw.items():
            if isinstance(value, str) and key not in STRING_PARAMS:
                try:
                    params[key] = json.loads(value)
                    continue
                except ValueError:
                    pass
            params[key] = value
        return params

    async def _handle(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        if request.match_info["token"] != self.token:
            return web.json_response(
                {"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401
            )
        params = await self._params(request)
        call = Call(method, params)
        fault = self._take_fault(method, params)
        if fault is not None:
            refused = await self._fault(call, fault, request.path)
            if refused is not None:
                return refused
        handler: Callable[[dict[str, Any]], Any] | None = getattr(self, f"_m_{method}", None)
        early = method == "getUpdates"  # long polling: visible as soon as it arrives
        if early:
            await self._record(call)
        try:
            if handler is None:
                raise ApiError("Not Found", 404)
            result = handler(params)
            if asyncio.iscoroutine(result):
                result = await result
        except ApiError as exc:
            call.ok, call.error = False, exc.description
            if not early:
                await self._record(call)
            return web.json_response(
                {"ok": False, "error_code": exc.code, "description": exc.description},
                status=exc.code,
            )
        call.result = result
        if not early:
            await self._record(call)
        return web.json_response({"ok": True, "result": result})

    # --- faults ------------------------------------------------------------------------------

    def fail_next(
        self,
        method: str,
        status: int = 500,
        description: str | None = None,
        *,
        retry_after: int | None = None,
        delay: float = 0.0,
        html: bool = False,
        times: int = 1,
        chat_id: int | None = None,
        echo: int | None = None,
    ) -> None:
        """The next ``times`` calls of ``method`` (about ``chat_id`` if given) fail with
        ``status`` (Telegram's words for it unless ``description``); ``status=0`` with a
        ``delay`` is a slow answer; ``echo`` answers a proxy's error page that shows the
        request's path (the token in it) after ``echo`` characters."""
        if description is None:
            description = FAULTS.get(status, "").format(retry_after=retry_after)
        fault = Fault(status, description, retry_after, delay, html, chat_id, echo)
        self._faults.setdefault(method, []).extend([fault] * times)

    def heal(self) -> None:
        """No more faults: the Bot API is back."""
        self._faults.clear()

    def slow_next(
        self, method: str, seconds: float, times: int = 1, chat_id: int | None = None
    ) -> None:
        """The next ``times`` calls of ``method`` are answered after ``seconds``."""
        self.fail_next(method, 0, "", delay=seconds, times=times, chat_id=chat_id)

    def _take_fault(self, method: str, params: dict[str, Any]) -> Fault | None:
        faults = self._faults.get(method, [])
        for number, fault in enumerate(faults):
            if fault.chat_id is None or str(fault.chat_id) == str(params.get("chat_id")):
                return faults.pop(number)
        return None

    def faults_left(self) -> int:
        return sum(len(f) for f in self._faults.values())

    async def _fault(self, call: Call, fault: Fault, path: str) -> web.Response | None:
        """Apply a fault: None to go on and answer normally (a delay only)."""
        if fault.delay:
            async with self._changed:  # seen by wait_delayed as it starts
                self.delayed.append(call)
                self._changed.notify_all()
            try:
                await asyncio.sleep(fault.delay)
            except asyncio.CancelledError:  # the bot gave up waiting
                call.ok, call.error = False, "the client gave up (timeout)"
                self.calls.append(call)
                asyncio.get_running_loop().create_task(self._notify())
                raise
        if not fault.status:
            return None
        call.ok, call.error = False, fault.description or str(fault.status)
        await self._record(call)
        if fault.echo is not None:  # as Apache, Squid or a custom nginx page do
            page = f"<html><p>{'x' * fault.echo}{path}</p></html>"
            return web.Response(status=fault.status, text=page, content_type="text/html")
        if fault.html:
            return web.Response(status=fault.status, text=NGINX_502, content_type="text/html")
        body: dict[str, Any] = {
            "ok": False,
            "error_code": fault.status,
            "description": fault.description,
        }
        if fault.retry_after is not None:
            body["parameters"] = {"retry_after": fault.retry_after}
        return web.json_response(body, status=fault.status)

    async def _record(self, call: Call) -> None:
        async with self._changed:
            self.calls.append(call)
            self._changed.notify_all()

    # --- waiting -----------------------------------------------------------------------------

    def since(self, mark: int | None = None, method: str | None = None) -> list[Call]:
        """Calls of ``method`` after ``mark`` (default: the last injected update);
        without a method, every call except getUpdates."""
        start = self.mark if mark is None else mark
        if method is None:
            return [c for c in self.calls[start:] if c.method != "getUpdates"]
        return [c for c in self.calls[start:] if c.method == method]

    async def wait_for(
        self,
        method: str,
        count: int = 1,
        *,
        mark: int | None = None,
        timeout: float = 5.0,
        where: Callable[[Call], bool] | None = None,
    ) -> list[Call]:
        """Wait for ``count`` calls of ``method`` after ``mark``; return them in order."""

        def found() -> list[Call]:
            return [c for c in self.since(mark, method) if where is None or where(c)]

        try:
            async with asyncio.timeout(timeout), self._changed:
                await self._changed.wait_for(lambda: len(found()) >= count)
        except TimeoutError:
            seen = [(c.method, c.error) for c in self.since(mark)]
            raise AssertionError(
                f"no {count} x {method} within {timeout}s; calls: {seen}"
            ) from None
        return found()[:count]

    async def wait_delayed(self, count: int, timeout: float = 5.0) -> None:
        """Wait until ``count`` slow answers (``slow_next``) have started."""
        await self.wait_until(lambda: len(self.delayed) >= count, timeout)

    async def wait_until(self, ready: Callable[[], bool], timeout: float = 5.0) -> None:
        """Wait until ``ready()`` holds (asked after every call)."""
        async with asyncio.timeout(timeout), self._changed:
            await self._changed.wait_for(ready)

    def answered_chats(self) -> list[int]:
        """The chat of every message sent, in order."""
        return [int(c.params["chat_id"]) for c in self.since(0, "sendMessage") if c.ok]

    async def reply_to(self, update: dict[str, Any], count: int = 1) -> list[Call]:
        """Inject an update and wait for ``count`` sendMessage calls."""
        self.push(update)
        return await self.wait_for("sendMessage", count)

    async def press(self, message: dict[str, Any], data: str) -> Call:
        """Press a button under a bot message; wait for the answer and the in-place edit."""
        self.push(self.callback(message, data))
        [ack] = await self.wait_for("answerCallbackQuery")
        assert ack.ok, ack.error
        [edit] = await self.wait_for("editMessageText")
        assert edit.ok, edit.error
        assert edit.params["message_id"] == message["message_id"]
        return edit

    # --- chats and messages ------------------------------------------------------------------

    def _chat(self, chat_id: int, kind: str | None = None) -> dict[str, Any]:
        if chat_id not in self._chats:
            if kind == "channel":
                self._chats[chat_id] = {"id": chat_id, "type": "channel", "title": "Noticias"}
            elif chat_id > 0:
                self._chats[chat_id] = {"id": chat_id, "type": "private", "first_name": "Ana"}
            else:
                self._chats[chat_id] = {"id": chat_id, "type": "supergroup", "title": "Red local"}
        return self._chats[chat_id]

    def _new_message(
        self, chat_id: int, sender: dict[str, Any], from_bot: bool, date: int | None = None
    ) -> dict[str, Any]:
        counter = self._message_ids.setdefault(chat_id, itertools.count(1))
        message = {
            "message_id": next(counter),
            "date": int(time.time()) if date is None else date,
            "chat": self._chat(chat_id),
            "from": sender,
        }
        self._messages[(chat_id, message["message_id"])] = Stored(message, from_bot)
        return message

    def user(self, user_id: int = USER_ID) -> dict[str, Any]:
        return {"id": user_id, "is_bot": False, "first_name": "Ana", "language_code": "es"}

    def message(self, chat_id: int, message_id: int) -> dict[str, Any] | None:
        stored = self._messages.get((chat_id, message_id))
        return stored.message if stored else None

    def message_ids(self, chat_id: int) -> list[int]:
        """Ids of the messages of a chat still present (not deleted)."""
        return sorted(mid for (cid, mid) in self._messages if cid == chat_id)

    def push(self, update_body: dict[str, Any]) -> dict[str, Any]:
        """Queue an update (gets its update_id) and set the mark for wait_for."""
        update = {"update_id": next(self._update_ids), **update_body}
        self.mark = len(self.calls)
        self.updates.append(update)
        asyncio.get_running_loop().create_task(self._notify())
        return update

    async def _notify(self) -> None:
        async with self._changed:
            self._changed.notify_all()

    def text_message(
        self,
        text: str,
        *,
        chat_id: int = USER_ID,
        user_id: int = USER_ID,
        date: int | None = None,
        reply_to: dict[str, Any] | None = None,
        entities: Iterable[dict[str, Any]] = (),
    ) -> dict[str, Any]:
        """A message update from a person; commands and @mentions get their entities."""
        message = self._new_message(chat_id, self.user(user_id), False, date)
        message["text"] = text
        found = list(entities)
        command = re.match(r"^/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?", text)
        if command:
            found.append({"type": "bot_command", "offset": 0, "length": command.end()})
        for mention in re.finditer(r"@[A-Za-z0-9_]{5,32}", text):
            if not command or mention.start() >= command.end():
                found.append(
                    {"type": "mention", "offset": mention.start(), "length": len(mention[0])}
                )
        if found:
            message["entities"] = found
        if reply_to is not None:
            message["reply_to_message"] = reply_to
        return {"message": message}

    def media_message(
        self,
        kind: str,
        caption: str | None = None,
        *,
        chat_id: int = USER_ID,
        user_id: int = USER_ID,
    ) -> dict[str, Any]:
        """A sticker, photo, voice note, video, audio, document, contact or dice, with an
        optional caption."""
        message = self._new_message(chat_id, self.user(user_id), False)
        file = {"file_id": f"f-{kind}", "file_unique_id": f"u-{kind}"}
        media: dict[str, Any] = {
            "sticker": {
                **file,
                "width": 512,
                "height": 512,
                "is_animated": False,
                "is_video": False,
                "type": "regular",
                "emoji": "😀",
            },
            "photo": [{**file, "width": 90, "height": 90}, {**file, "width": 800, "height": 600}],
            "voice": {**file, "duration": 4, "mime_type": "audio/ogg"},
            "audio": {**file, "duration": 60},
            "video": {**file, "width": 640, "height": 480, "duration": 5},
            "video_note": {**file, "length": 240, "duration": 5},
            "document": {**file, "file_name": "informe.pdf", "mime_type": "application/pdf"},
            "contact": {"phone_number": "+51 951 000 000", "first_name": "Rosa"},
            "dice": {"emoji": "🎲", "value": 4},
        }
        message[kind] = media[kind]
        if caption is not None:
            message["caption"] = caption
        return {"message": message}

    def edited(self, update: dict[str, Any], text: str) -> dict[str, Any]:
        """The person edits a message they sent (an ``edited_message`` update)."""
        message = dict(update["message"])
        message["text"] = text
        message["edit_date"] = int(time.time())
        return {"edited_message": message}

    def forwarded(self, text: str, *, chat_id: int = USER_ID) -> dict[str, Any]:
        """A text forwarded from another person (who hides their account)."""
        update = self.text_message(text, chat_id=chat_id)
        update["message"]["forward_origin"] = {
            "type": "hidden_user",
            "date": int(time.time()) - 3600,
            "sender_user_name": "Rosa",
        }
        return update

    def channel_post(self, text: str, chat_id: int = -1001234567) -> dict[str, Any]:
        """A post in a channel where the bot is an administrator (no sender)."""
        chat = self._chat(chat_id, "channel")
        counter = self._message_ids.setdefault(chat_id, itertools.count(1))
        post = {
            "message_id": next(counter),
            "date": int(time.time()),
            "chat": chat,
            "sender_chat": chat,
            "text": text,
        }
        return {"channel_post": post}

    def location_message(
        self, latitude: float, longitude: float, *, chat_id: int = USER_ID
    ) -> dict[str, Any]:
        message = self._new_message(chat_id, self.user(), False)
        message["location"] = {"latitude": latitude, "longitude": longitude}
        return {"message": message}

    def callback(self, message: dict[str, Any] | None, data: str) -> dict[str, Any]:
        """The person presses a button with ``data`` under ``message`` (a bot message)."""
        query_id = f"cq{next(self._query_ids)}"
        self._callbacks[query_id] = False
        body: dict[str, Any] = {
            "id": query_id,
            "from": self.user(),
            "chat_instance": "ci-1",
            "data": data,
        }
        if message is not None:
            current = self.message(message["chat"]["id"], message["message_id"])
            body["message"] = _public(current or message)
        return {"callback_query": body}

    def inline_query(self, query: str) -> dict[str, Any]:
        query_id = f"iq{next(self._query_ids)}"
        self._inline[query_id] = False
        return {
            "inline_query": {
                "id": query_id,
                "from": self.user(),
                "query": query,
                "offset": "",
                "chat_type": "sender",
            }
        }

    # --- methods -----------------------------------------------------------------------------

    def _m_getMe(self, params: dict[str, Any]) -> dict[str, Any]:
        return self.me

    def _m_logOut(self, params: dict[str, Any]) -> bool:
        return True

    def _m_close(self, params: dict[str, Any]) -> bool:
        return True

    def _m_setWebhook(self, params: dict[str, Any]) -> bool:
        url = params.get("url", "")
        if url and not re.match(r"^https?://", url):
            raise ApiError("Bad Request: bad webhook: invalid URL")
        self.webhook = {"url": url, "secret_token": params.get("secret_token")}
        return True

    def _m_deleteWebhook(self, params: dict[str, Any]) -> bool:
        self.webhook = {}
        if params.get("drop_pending_updates"):
            self.updates.clear()
        return True

    def _m_getWebhookInfo(self, params: dict[str, Any]) -> dict[str, Any]:
        return {
            "url": self.webhook.get("url", ""),
            "has_custom_certificate": False,
            "pending_update_count": 0 if self.webhook else len(self.updates),
        }

    def _m_setMyCommands(self, params: dict[str, Any]) -> bool:
        commands = params.get("commands")
        if not isinstance(commands, list) or not 0 < len(commands) <= 100:
            raise ApiError("Bad Request: commands must be a non-empty array")
        for item in commands:
            name = str(item.get("command", ""))
            description = str(item.get("description", ""))
            if not re.fullmatch(r"[a-z0-9_]{1,32}", name):
                raise ApiError("Bad Request: BOT_COMMAND_INVALID")
            if not 1 <= len(description) <= 256:
                raise ApiError("Bad Request: BOT_COMMAND_DESCRIPTION_INVALID")
        return True

    async def _m_getUpdates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        offset = int(params.get("offset") or 0)
        limit = int(params.get("limit") or 100)
        timeout = float(params.get("timeout") or 0)
        if self.webhook.get("url"):
            raise ApiError("Conflict: can't use getUpdates method while webhook is active", 409)
        if offset:
            self.updates = [u for u in self.updates if u["update_id"] >= offset]

        def pending() -> list[dict[str, Any]]:
            return [u for u in self.updates if u["update_id"] >= offset][:limit]

        if not pending() and timeout > 0:
            try:
                async with asyncio.timeout(timeout), self._changed:
                    await self._changed.wait_for(lambda: bool(pending()))
            except TimeoutError:
                pass
        return pending()

    def _m_sendMessage(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id = int(params.get("chat_id", 0))
        if chat_id not in self._chats:
            raise ApiError("Bad Request: chat not found")
        text = str(params.get("text", ""))
        shown = plain_text(text, params.get("parse_mode"))
        check_markup(params.get("reply_markup"))
        message = self._new_message(chat_id, self.me, True)
        message["text"] = shown
        message["raw_text"] = text  # not Bot API; lets tests compare what was sent
        if params.get("reply_markup"):
            message["reply_markup"] = params["reply_markup"]
        return _public(message)

    def _m_editMessageText(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id = int(params.get("chat_id", 0))
        stored = self._messages.get((chat_id, int(params.get("message_id", 0))))
        if stored is None:
            raise ApiError("Bad Request: message to edit not found")
        if not stored.from_bot:
            raise ApiError("Bad Request: message can't be edited")
        text = str(params.get("text", ""))
        shown = plain_text(text, params.get("parse_mode"))
        markup = params.get("reply_markup")
        check_markup(markup)
        message = stored.message
        if message.get("raw_text") == text and message.get("reply_markup") == markup:
            raise ApiError(
                "Bad Request: message is not modified: specified new message content and "
                "reply markup are exactly the same as a current content and reply markup "
                "of the message"
            )
        message["text"], message["raw_text"] = shown, text
        message["edit_date"] = int(time.time())
        if markup:
            message["reply_markup"] = markup
        else:
            message.pop("reply_markup", None)
        return _public(message)

    def _m_deleteMessage(self, params: dict[str, Any]) -> bool:
        key = (int(params.get("chat_id", 0)), int(params.get("message_id", 0)))
        stored = self._messages.get(key)
        if stored is None:
            raise ApiError("Bad Request: message to delete not found")
        if time.time() - stored.message["date"] > DELETE_WINDOW:
            raise ApiError("Bad Request: message can't be deleted")
        del self._messages[key]
        return True

    def _m_answerCallbackQuery(self, params: dict[str, Any]) -> bool:
        query_id = str(params.get("callback_query_id", ""))
        if self._callbacks.get(query_id, True):
            raise ApiError(
                "Bad Request: query is too old and response timeout expired or query ID is invalid"
            )
        if len(str(params.get("text", ""))) > 200:
            raise ApiError("Bad Request: MESSAGE_TOO_LONG")
        self._callbacks[query_id] = True
        return True

    def _m_answerInlineQuery(self, params: dict[str, Any]) -> bool:
        query_id = str(params.get("inline_query_id", ""))
        if self._inline.get(query_id, True):
            raise ApiError(
                "Bad Request: query is too old and response timeout expired or query ID is invalid"
            )
        results = params.get("results")
        if not isinstance(results, list) or len(results) > 50:
            raise ApiError("Bad Request: RESULTS_TOO_MUCH")
        ids = [str(r.get("id", "")) for r in results]
        if len(set(ids)) != len(ids) or not all(1 <= len(i.encode()) <= 64 for i in ids):
            raise ApiError("Bad Request: RESULT_ID_DUPLICATE")
        for result in results:
            if result.get("type") != "article" or not result.get("title"):
                raise ApiError("Bad Request: RESULT_TYPE_INVALID")
            content = result.get("input_message_content") or {}
            plain_text(str(content.get("message_text", "")), content.get("parse_mode"))
            check_markup(result.get("reply_markup"))
        button = params.get("button")
        if button is not None and not re.fullmatch(
            r"[A-Za-z0-9_-]{1,64}", str(button.get("start_parameter", ""))
        ):
            raise ApiError("Bad Request: START_PARAM_INVALID")
        self._inline[query_id] = True
        return True

    def _m_sendChatAction(self, params: dict[str, Any]) -> bool:
        return True


def _public(message: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in message.items() if k != "raw_text"}


def visible(call: Call) -> str:
    """What the person sees of a sendMessage/editMessageText call (tags removed)."""
    return html.unescape(re.sub(r"<[^>]+>", "", call.text))
