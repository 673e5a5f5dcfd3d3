"""The demand counters in SQLite (``DATA_DIR/demanda.sqlite3``).

A reply only adds one to a cell in memory; the counts are written in batches, off the event
loop, and days older than the retention are dropped at each write. The table's columns are
the cell's fields and the count: nothing else is ever stored.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections import Counter
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import date, timedelta
from pathlib import Path
from typing import cast

from bot.config import LocalSettings
from bot.core.model import Intent
from bot.ops.demand import CHANNELS, Cell, Channel

logger = logging.getLogger(__name__)

FILE_NAME = "demanda.sqlite3"
FLUSH_SECONDS = 300.0
# An id of the knowledge (a letter first, then letters, digits and _) or "" (none).
_ID = "({0} = '' OR {0} GLOB '[a-z]*' AND {0} NOT GLOB '*[^a-z0-9_]*' AND length({0}) <= 40)"
SCHEMA = f"""
CREATE TABLE IF NOT EXISTS counts (
    day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    channel TEXT NOT NULL CHECK (channel IN ({", ".join(f"'{c}'" for c in CHANNELS)})),
    intent TEXT NOT NULL CHECK ({_ID.format("intent")} AND intent <> ''),
    service TEXT NOT NULL CHECK ({_ID.format("service")}),
    province TEXT NOT NULL CHECK ({_ID.format("province")}),
    danger INTEGER NOT NULL CHECK (danger IN (0, 1)),
    unmet INTEGER NOT NULL CHECK (unmet IN (0, 1)),
    n INTEGER NOT NULL CHECK (n > 0),
    PRIMARY KEY (day, channel, intent, service, province, danger, unmet)
) WITHOUT ROWID
"""
UPSERT = """
INSERT INTO counts VALUES (?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (day, channel, intent, service, province, danger, unmet)
DO UPDATE SET n = n + excluded.n
"""
COLUMNS = "day, channel, intent, service, province, danger, unmet, n"

Row = tuple[str, str, str, str, str, int, int, int]


def counters_path(data_dir: Path) -> Path:
    """The counters' file in the data folder."""
    return data_dir / FILE_NAME


def counter_store(settings: LocalSettings) -> CounterStore | None:
    """The counters of the configured data folder; None when COUNTERS is off."""
    if not settings.counters:
        return None
    return CounterStore(counters_path(settings.data_dir), settings.counters_retention_days)


@contextmanager
def _open(path: Path, *, read_only: bool = False) -> Iterator[sqlite3.Connection]:
    """A connection in one transaction; read-only never creates the file."""
    target = f"{path.resolve().as_uri()}?mode=ro" if read_only else str(path)
    with closing(sqlite3.connect(target, timeout=10, uri=read_only)) as db, db:
        yield db


def _row(cell: Cell, n: int) -> Row:
    return (
        cell.day.isoformat(),
        cell.channel,
        cell.intent,
        cell.service,
        cell.province,
        int(cell.danger),
        int(cell.unmet),
        n,
    )


def _cell(row: Row) -> tuple[Cell, int]:
    day, channel, intent, service, province, danger, unmet, n = row
    cell = Cell(
        date.fromisoformat(day),
        cast(Channel, channel),
        cast(Intent, intent),
        service,
        province,
        bool(danger),
        bool(unmet),
    )
    return cell, n


class CounterStore:
    """Counts in memory, written to ``path`` by ``flush`` (or ``take`` then ``write``, to
    write in another thread). ``add`` and ``take`` belong to one thread."""

    def __init__(self, path: Path, retention_days: int) -> None:
        self.path = path
        self.retention = timedelta(days=retention_days)
        self._pending: Counter[Cell] = Counter()

    def add(self, cell: Cell) -> None:
        """Count one message (in memory only)."""
        self._pending[cell] += 1

    def take(self) -> Counter[Cell]:
        """Hand over the counts not yet written."""
        batch, self._pending = self._pending, Counter()
        return batch

    def write(self, batch: Counter[Cell], today: date | None = None) -> None:
        """Add ``batch`` to the file and drop the days past the retention."""
        cutoff = (today or date.today()) - self.retention
        self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)  # the bot's user only
        with _open(self.path) as db:
            db.execute(SCHEMA)
            db.executemany(UPSERT, [_row(cell, n) for cell, n in batch.items()])
            db.execute("DELETE FROM counts WHERE day <= ?", (cutoff.isoformat(),))

    def _written(self, batch: Counter[Cell]) -> bool:
        """Write ``batch``; False, with a warning, when the file cannot be written."""
        try:
            self.write(batch)
        except (sqlite3.Error, OSError) as exc:
            logger.warning("Demand counters not written, kept for the next try: %s", exc)
            return False
        return True

    def flush(self) -> None:
        """Write what was counted, here and now (on failure keep it for the next try)."""
        batch = self.take()
        if batch and not self._written(batch):
            self._pending.update(batch)

    async def flush_off_loop(self) -> None:
        """``flush`` in a worker thread."""
        batch = self.take()
        if batch and not await asyncio.to_thread(self._written, batch):
            self._pending.update(batch)

    async def flush_every(self, seconds: float = FLUSH_SECONDS) -> None:
        """Write every ``seconds`` until cancelled."""
        while True:
            await asyncio.sleep(seconds)
            await self.flush_off_loop()


def read_counts(
    path: Path,
    since: date | None = None,
    until: date | None = None,
    province: str | None = None,
) -> list[tuple[Cell, int]]:
    """The stored cells of the days from ``since`` to ``until`` (both included), of one
    province or all; nothing when the file does not exist yet."""
    if not path.exists():
        return []
    query = f"SELECT {COLUMNS} FROM counts WHERE day >= ? AND day <= ?"
    params = [(since or date.min).isoformat(), (until or date.max).isoformat()]
    if province is not None:
        query += " AND province = ?"
        params.append(province)
    with _open(path, read_only=True) as db:
        return [_cell(row) for row in db.execute(query + " ORDER BY day", params)]
