"""How a supervisor knows the bot is alive and receiving updates.

``beat()`` is called after every successful getUpdates (polling) and every few seconds while
the webhook server is open. It touches ``DATA_DIR/alive`` (at most every ``EVERY`` seconds):
a health check only has to ask whether that file changed in the last minute (the
Dockerfile's ``HEALTHCHECK``). Under systemd (``Type=notify``, ``NOTIFY_SOCKET`` set) it also
sends ``WATCHDOG=1``, after ``READY=1`` at the start and before ``STOPPING=1`` at the stop, so
that ``WatchdogSec=`` restarts a bot that stopped receiving.
"""

from __future__ import annotations

import logging
import os
import socket
import time
from pathlib import Path

logger = logging.getLogger(__name__)

FILE = "alive"
EVERY = 5.0  # seconds between two touches of the file at most


class Heartbeat:
    """The heartbeat file in ``folder`` and systemd's notification socket, if any."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / FILE
        self._last = -EVERY

    def ready(self) -> None:
        """The bot serves: tell systemd, and beat."""
        _notify(b"READY=1")
        self.beat()

    def beat(self) -> None:
        """Updates can reach the bot."""
        now = time.monotonic()
        if now - self._last < EVERY:
            return
        self._last = now
        try:
            self.path.touch()
        except OSError as exc:  # the health check will say it; the bot goes on
            logger.warning("Heartbeat file not touched: %s", exc.strerror or exc)
        _notify(b"WATCHDOG=1")

    def stopping(self) -> None:
        """The bot stops: tell systemd (a stop is not a hang)."""
        _notify(b"STOPPING=1")


def _notify(message: bytes) -> None:
    """Send ``message`` to systemd's notification socket when there is one."""
    address = os.environ.get("NOTIFY_SOCKET", "")
    if not address:
        return
    if address.startswith("@"):  # an abstract socket
        address = "\0" + address[1:]
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC) as sock:
            sock.sendto(message, address)
    except OSError as exc:
        logger.warning("systemd notification failed: %s", exc.strerror or type(exc).__name__)
