"""Logging of the Telegram layer: plain lines on stderr, one line per fault, and secrets never
shown, not even in part (an error page may echo a request path holding the token, and any
message may be cut short before it reaches the log)."""

from __future__ import annotations

import logging
import warnings

HIDDEN = "[oculto]"
# A piece of a secret this long or longer is hidden wherever it starts a secret: a message cut
# in the middle of the token shows at most MIN_PIECE - 1 of its characters.
MIN_PIECE = 4

_secrets: list[str] = []


def hide(*secrets: str) -> None:
    """Hide these secrets (and every long enough beginning of them) from now on. A token is
    hidden by its secret part (after the colon; the bot id before it is public)."""
    for secret in secrets:
        secret = secret.partition(":")[2] or secret
        if secret and secret not in _secrets:
            _secrets.append(secret)


def redact(text: str) -> str:
    """``text`` with every secret, and every piece of MIN_PIECE or more characters that begins
    one, replaced by ``[oculto]``."""
    for secret in _secrets:
        head = secret[:MIN_PIECE]
        start = text.find(head)
        while start != -1:
            end = start + len(head)
            while end < len(text) and end - start < len(secret):
                if text[end] != secret[end - start]:
                    break
                end += 1
            text = text[:start] + HIDDEN + text[end:]
            start = text.find(head, start + len(HIDDEN))
    return text


def one_line(error: BaseException, limit: int = 200) -> str:
    """``Type: message`` on one short line, secrets hidden before it is cut (Telegram's
    descriptions never hold user text)."""
    text = redact(" ".join(str(error).split()))
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


class Redact(logging.Filter):
    """Hide the secrets in every record, its arguments and its traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not _secrets:
            return True
        record.msg = redact(record.getMessage())
        record.args = None
        if record.exc_info:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
            record.exc_info = None
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        return True


class QuietFault(logging.Filter):
    """PTB logs an error page it cannot parse (a proxy's HTML 502) with a traceback before it
    raises the NetworkError that we log on one line: drop that record."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("Can not load invalid JSON data")


def quiet_ptb_faults() -> None:
    """Install ``QuietFault`` on PTB's request logger (once); silence the deprecation warning
    PTB 22 raises from inside its own ``RetryAfter`` on every 429."""
    ptb = logging.getLogger("telegram.request.BaseRequest")
    if not any(isinstance(f, QuietFault) for f in ptb.filters):
        ptb.addFilter(QuietFault())
    warnings.filterwarnings(
        "ignore", message=r".*attribute `retry_after` will be of type", category=Warning
    )


def configure_logging(level: str, secrets: tuple[str, ...] = ()) -> None:
    """Plain logging to stderr, secrets hidden; ``httpx`` at WARNING (its URLs would hold the
    token; the bot's own client, aiohttp, logs no URL) and PTB at INFO at most (its DEBUG
    records hold message texts next to chat ids)."""
    hide(*secrets)
    logging.basicConfig(
        level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s", force=True
    )
    for handler in logging.getLogger().handlers:
        handler.addFilter(Redact())
    for name in ("httpx", "httpcore"):
        logging.getLogger(name).setLevel(logging.WARNING)
    logging.getLogger("telegram").setLevel(max(logging.getLevelName(level), logging.INFO))
