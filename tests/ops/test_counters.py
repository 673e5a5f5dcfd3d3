"""The demand counters: what a message counts as, the SQLite store, the off switch and the
console channel."""

from __future__ import annotations

import asyncio
import sqlite3
from collections import Counter
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest

from bot.config import LocalSettings
from bot.core.engine import Engine
from bot.core.knowledge import Knowledge
from bot.ops.counters import CounterStore, counter_store, counters_path, read_counts
from bot.ops.demand import Cell, cell_of, is_danger

DAY = date.today()


def cell(**fields: object) -> Cell:
    values: dict[str, object] = {
        "day": DAY,
        "channel": "private",
        "intent": "locate",
        "service": "cem",
        "province": "lampa",
        "danger": False,
        "unmet": False,
    }
    values.update(fields)
    return Cell(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "intent", "service", "province", "danger", "unmet"),
    [
        ("¿Dónde hay un CEM en Lampa?", "locate", "cem", "lampa", False, False),
        ("¿Hay un CAR en Moho?", "locate", "car", "moho", False, True),  # none in Moho
        ("línea 100 en lampa", "locate", "linea_100", "lampa", False, False),  # no sites at all
        ("mi esposo me está pegando", "emergency", "", "", True, False),
        ("que servicios hay en moho", "overview", "", "moho", False, False),
        ("quiero pizza", "unknown", "", "", False, False),
    ],
)
def test_what_a_message_counts_as(
    engine: Engine,
    kb: Knowledge,
    text: str,
    intent: str,
    service: str,
    province: str,
    danger: bool,
    unmet: bool,
) -> None:
    answer = engine.reply(text)
    assert is_danger(answer) is danger
    counted = cell_of(answer, "console", kb, DAY)
    assert counted == cell(
        channel="console",
        intent=intent,
        service=service,
        province=province,
        danger=danger,
        unmet=unmet,
    )


def test_counts_are_kept_in_memory_until_written(tmp_path: Path) -> None:
    path = counters_path(tmp_path / "data")
    store = CounterStore(path, retention_days=400)
    for _ in range(3):
        store.add(cell())
    store.add(cell(channel="group"))
    assert not path.exists()
    store.flush()
    store.add(cell())
    store.flush()
    assert sorted(read_counts(path), key=lambda row: row[0].channel) == [
        (cell(channel="group"), 1),
        (cell(), 4),
    ]


def test_reading_by_period_and_province(tmp_path: Path) -> None:
    path = tmp_path / "counts.sqlite3"
    store = CounterStore(path, retention_days=400)
    batch = Counter(
        {
            cell(day=DAY): 2,
            cell(day=DAY + timedelta(days=1), province="moho"): 3,
            cell(day=DAY + timedelta(days=2)): 5,
        }
    )
    store.write(batch, today=DAY + timedelta(days=2))
    assert [n for _, n in read_counts(path, since=DAY + timedelta(days=1))] == [3, 5]
    assert [n for _, n in read_counts(path, until=DAY + timedelta(days=1))] == [2, 3]
    assert [n for _, n in read_counts(path, province="lampa")] == [2, 5]
    assert read_counts(tmp_path / "none.sqlite3") == []
    assert not (tmp_path / "none.sqlite3").exists()


def test_days_past_the_retention_are_dropped(tmp_path: Path) -> None:
    path = tmp_path / "counts.sqlite3"
    store = CounterStore(path, retention_days=30)
    old, kept = DAY - timedelta(days=30), DAY - timedelta(days=29)
    store.write(Counter({cell(day=old): 7, cell(day=kept): 8}), today=DAY)
    assert read_counts(path) == [(cell(day=kept), 8)]


def test_the_table_refuses_anything_but_a_cell(tmp_path: Path) -> None:
    """Even a bug could not store a text or a time of day: the schema checks every value."""
    path = tmp_path / "counts.sqlite3"
    CounterStore(path, retention_days=400).write(Counter())  # creates the table
    good = (DAY.isoformat(), "private", "locate", "cem", "lampa", 0, 0, 1)
    bad = [
        (f"{DAY} 10:31", *good[1:]),
        (good[0], "telegram", *good[2:]),
        (*good[:2], "Locate", *good[3:]),
        (*good[:3], "Soy Rosa", *good[4:]),
        (*good[:4], "5550001", *good[5:]),
        (*good[:5], 2, *good[6:]),
    ]
    with sqlite3.connect(path) as db:
        db.execute("INSERT INTO counts VALUES (?, ?, ?, ?, ?, ?, ?, ?)", good)
        for row in bad:
            with pytest.raises(sqlite3.IntegrityError):
                db.execute("INSERT INTO counts VALUES (?, ?, ?, ?, ?, ?, ?, ?)", row)


async def test_a_failed_write_keeps_the_counts_for_the_next_try(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    store = CounterStore(blocker / "counts.sqlite3", retention_days=400)
    store.add(cell())
    await store.flush_off_loop()  # cannot create the folder: a file is in the way
    blocker.unlink()
    store.add(cell())
    await store.flush_off_loop()
    assert read_counts(blocker / "counts.sqlite3") == [(cell(), 2)]


async def test_the_writer_writes_in_the_background(tmp_path: Path) -> None:
    path = tmp_path / "counts.sqlite3"
    store = CounterStore(path, retention_days=400)
    writer = asyncio.create_task(store.flush_every(seconds=0))
    store.add(cell())
    async with asyncio.timeout(5):
        while not path.exists() or not _committed(path):
            await asyncio.sleep(0.01)
    writer.cancel()
    assert read_counts(path) == [(cell(), 1)]


def _committed(path: Path) -> bool:
    try:
        return bool(read_counts(path))
    except sqlite3.OperationalError:  # the table is being created
        return False


def test_one_setting_turns_the_counters_off(tmp_path: Path) -> None:
    settings = LocalSettings(_env_file=None, data_dir=tmp_path, counters=False)
    assert counter_store(settings) is None
    on = counter_store(LocalSettings(_env_file=None, data_dir=tmp_path))
    assert on is not None and on.path == tmp_path / "demanda.sqlite3"
    assert on.retention == timedelta(days=400)


def test_the_console_chat_counts_in_its_own_channel(
    workdir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    console_chat: Callable[[list[str]], int],
) -> None:
    assert console_chat(["¿Dónde hay un CEM en Lampa?", "mi esposo me está pegando"]) == 0
    assert "Lampa" in capsys.readouterr().out
    counted = read_counts(counters_path(workdir / "data"))
    assert sorted((c.channel, c.intent, c.service, c.province, n) for c, n in counted) == [
        ("console", "emergency", "", "lampa", 1),  # the place said before
        ("console", "locate", "cem", "lampa", 1),
    ]
    monkeypatch.setenv("COUNTERS", "false")
    assert console_chat(["¿Dónde hay un CEM en Lampa?"]) == 0
    assert sum(n for _, n in read_counts(counters_path(workdir / "data"))) == 2
