"""The ledger of updates: which are being answered and which were answered.

Delivery is at least once. Telegram forgets an update only when the bot confirms it (a
getUpdates with a higher offset, or a 200 to the webhook request), and the bot confirms only
what it has answered, so after a crash, a ``kill -9`` or a stop that cut a reply short,
Telegram delivers the rest again. An update answered but not yet confirmed when the bot died
would then be answered twice: the ids of answered updates (only the ids, nothing personal) are
appended to a small file in ``DATA_DIR``, read back at start, and such an update is skipped.
Each id is written with one ``write`` as soon as its update is answered, so it survives a
crash of the process (not a power cut: there is no fsync; then a few answers may repeat).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
from pathlib import Path

logger = logging.getLogger(__name__)

FILE = "answered_update_ids"
# Ids remembered below the highest answered one: far more than the bot ever holds unconfirmed
# (100 updates of one getUpdates, or the webhook's connections), so the file stays small.
KEEP = 1000


class Ledger:
    """Updates being answered (with a future each: True once answered, False if the bot
    stopped first) and the recently answered ones, on disk in ``folder``."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)  # the bot's user only
        self.path = folder / FILE
        self._answered: set[int] = set()
        if self.path.exists():
            for line in self.path.read_text(encoding="ascii", errors="replace").split():
                if line.isdigit():  # a line torn by a crash is ignored
                    self._answered.add(int(line))
        self._pending: dict[int, asyncio.Future[bool]] = {}
        self.finished = 0  # updates answered (or skipped) since the start
        self._target = 0
        self._moved = asyncio.Event()
        self._fd = -1
        self._failing = False
        self._compact()

    def answered(self, update_id: int) -> bool:
        """Whether the update was answered (in this run or before a restart)."""
        return update_id in self._answered

    def pending(self, update_id: int) -> asyncio.Future[bool] | None:
        """The future of an update being answered, else None."""
        return self._pending.get(update_id)

    @property
    def held(self) -> int:
        """How many updates are being answered."""
        return len(self._pending)

    def lowest_pending(self) -> int | None:
        """The oldest update still being answered (Telegram must not forget it yet)."""
        return min(self._pending, default=None)

    def begin(self, update_id: int) -> asyncio.Future[bool]:
        """An update is taken in."""
        future = self._pending[update_id] = asyncio.get_running_loop().create_future()
        return future

    def finish(self, update_id: int) -> None:
        """An update is answered (or skipped on purpose): on record, and may be confirmed."""
        future = self._pending.pop(update_id, None)
        if future is not None and not future.done():
            future.set_result(True)
        if update_id not in self._answered:
            self._answered.add(update_id)
            self._record(update_id)
        self.finished += 1
        if self.finished >= self._target:
            self._moved.set()

    def _record(self, update_id: int) -> None:
        """Append the id to the file (compacted now and then). A failed write (disk full...)
        is one log line until writing works again, never a failed reply: a restart may then
        answer some updates twice."""
        try:
            os.write(self._fd, b"%d\n" % update_id)
            if len(self._answered) > 2 * KEEP:
                self._compact()
        except OSError as exc:
            if not self._failing:
                logger.warning("Answered ids not recorded (%s)", exc.strerror or exc)
            self._failing = True
        else:
            self._failing = False

    async def progress(self, target: int, timeout: float) -> None:
        """Wait until ``finished`` reaches ``target``, for at most ``timeout`` seconds."""
        if self.finished >= target:
            return
        self._target = target
        self._moved.clear()
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(timeout):
                await self._moved.wait()

    def abandon(self) -> None:
        """The bot stops: updates not answered by now stay for Telegram to deliver again."""
        for future in self._pending.values():
            if not future.done():
                future.set_result(False)

    def close(self) -> None:
        """Close the file."""
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1

    def _compact(self) -> None:
        """Keep the last KEEP ids (Telegram never delivers older ones again), rewriting the
        file atomically, and append to the new file."""
        if self._answered:
            floor = max(self._answered) - KEEP
            self._answered = {i for i in self._answered if i > floor}
        fresh = self.path.with_suffix(".new")
        fresh.write_text("".join(f"{i}\n" for i in sorted(self._answered)), encoding="ascii")
        os.replace(fresh, self.path)
        self.close()
        self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CLOEXEC)
