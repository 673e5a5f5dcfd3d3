"""Posters: every province's fits one A4 page, its QR codes decode to deep links the bot
understands, and it says what the knowledge says."""

from __future__ import annotations

import asyncio
import os
import re
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pypdfium2 as pdfium
import pytest
import zxingcpp
from botapi import BOT_USERNAME, TOKEN, FakeBotAPI

from bot.__main__ import main
from bot.core.engine import Engine
from bot.core.knowledge import Knowledge
from bot.ops.poster import LINE_CONTACT, make_poster

A4 = (595.3, 841.9)  # points
START_PARAMETER = r"[A-Za-z0-9_-]{1,64}"  # what Telegram accepts after ?start=


def read_poster(path: Path) -> tuple[str, list[str]]:
    """The one page's text and the links of the QR codes seen on it, rendered at 144 dpi."""
    pdf = pdfium.PdfDocument(path)
    assert len(pdf) == 1, f"{path.name}: {len(pdf)} pages"
    page = pdf[0]
    assert tuple(round(side, 1) for side in page.get_size()) == A4
    text = page.get_textpage().get_text_range()
    links = [code.text for code in zxingcpp.read_barcodes(page.render(scale=2).to_pil())]
    pdf.close()
    return text, links


def payload(link: str) -> str:
    """The /start payload of a t.me deep link to our bot."""
    parts = urlsplit(link)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "t.me", f"/{BOT_USERNAME}")
    [value] = parse_qs(parts.query)["start"]
    assert re.fullmatch(START_PARAMETER, value)
    return value


def test_every_province_has_a_one_page_poster_with_working_links(
    kb: Knowledge, engine: Engine, tmp_path: Path
) -> None:
    line = kb.contacts[LINE_CONTACT]
    assert len(kb.provinces) == 13
    for province in kb.provinces.values():
        path = tmp_path / f"{province.id}.pdf"
        make_poster(kb, BOT_USERNAME, province.id, path)
        text, links = read_poster(path)
        assert sorted(payload(link) for link in links) == ["linea100", f"provincia_{province.id}"]
        line_card = engine.deep_link("linea100")
        assert line_card is not None and line.phone in line_card.text
        card = engine.deep_link(f"provincia_{province.id}")
        assert card is not None and card.text == engine.province_card(province.id).text
        flat = " ".join(text.split())
        for fact in (line.name, f"Llame al {line.phone}", line.hours, *line.languages):
            assert fact in flat, (province.id, fact)
        assert province.name in flat
        for service in kb.services.values():
            n = kb.count(service.id, province.id)
            assert (f"{n} {service.name}" in flat) == (n > 0), (province.id, service.id)


def test_a_service_poster_links_to_that_service_in_the_province(
    kb: Knowledge, engine: Engine, workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BOT_USERNAME", f"@{BOT_USERNAME}")
    out = workdir / "cartel.pdf"
    args = ["cartel", "--provincia", "chucuito", "--servicio", "car", "--salida", str(out)]
    assert main(args) == 0
    text, links = read_poster(out)
    assert sorted(payload(link) for link in links) == ["car_chucuito", "linea100"]
    card = engine.deep_link("car_chucuito")
    assert card is not None and card.intent == "locate" and "Chucuito" in card.text
    assert "No hay CAR en la provincia" in " ".join(text.split())  # Chucuito has none


def test_poster_errors_are_explained(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["cartel", "--provincia", "lima"]) == 2
    assert "Provincia desconocida: lima" in capsys.readouterr().err
    assert main(["cartel", "--provincia", "puno", "--servicio", "spa"]) == 2
    assert "Servicio desconocido: spa" in capsys.readouterr().err
    assert main(["cartel", "--provincia", "puno"]) == 2
    assert "Falta BOT_USERNAME" in capsys.readouterr().err
    assert list(workdir.iterdir()) == []


def test_a_poster_that_does_not_fit_one_page_is_refused(
    workdir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("BOT_USERNAME", BOT_USERNAME)
    many = [f"{n} servicios de ejemplo" for n in range(80)]
    monkeypatch.setattr("bot.ops.poster.province_offer", lambda *args: many)
    assert main(["cartel", "--provincia", "puno"]) == 1
    assert "no cabe en una página" in capsys.readouterr().err
    assert list(workdir.iterdir()) == []


async def test_without_bot_username_the_name_comes_from_getme(
    api: FakeBotAPI, workdir: Path
) -> None:
    env = {**os.environ, "TELEGRAM_BOT_TOKEN": TOKEN, "BOT_API_BASE_URL": api.base_url}
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "cartel",
        "--provincia",
        "lampa",
        cwd=workdir,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await process.communicate()
    assert process.returncode == 0, err.decode()
    assert TOKEN not in out.decode() + err.decode()
    assert [c.method for c in api.calls] == ["getMe"]
    _, links = read_poster(workdir / "cartel_lampa.pdf")
    assert sorted(payload(link) for link in links) == ["linea100", "provincia_lampa"]
