"""``python -m bot cartel``: a printable A4 poster (PDF) for one province.

Línea 100 large, what the province has, and QR codes with the bot's deep links. Every fact
comes from the knowledge. segno makes the QR codes, reportlab the PDF (the ``posters``
extra); both are imported only here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from bot.core.knowledge import Contact, Knowledge

if TYPE_CHECKING:
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Flowable, Table

LINE_CONTACT = "linea_100"  # the contact id the bot always gives (knowledge/contacts.yaml)
LINE_PAYLOAD = "linea100"  # its /start payload
QR_SIZE = 160  # points: 5.6 cm, readable from a metre away
MARGIN = 40
WIDTH = 210 / 25.4 * 72 - 2 * MARGIN  # of the text on an A4 page


class PosterError(Exception):
    """The poster cannot be made; ``str()`` is the message for people."""


@dataclass(frozen=True, slots=True)
class Link:
    """A QR code of the poster: its caption and the deep link it opens."""

    caption: str
    url: str


def deep_link(username: str, payload: str) -> str:
    """The t.me link that opens the bot with ``/start payload``."""
    return f"https://t.me/{username}?start={payload}"


def poster_links(
    kb: Knowledge, username: str, province: str, service: str | None = None
) -> list[Link]:
    """The poster's QR codes: Línea 100, then the province (or the service there)."""
    line = kb.contacts[LINE_CONTACT]
    place = kb.provinces[province].name
    if service is None:
        local = Link(f"Servicios en {place}", deep_link(username, f"provincia_{province}"))
    else:
        name = _short(kb, service)
        local = Link(f"{name} en {place}", deep_link(username, f"{service}_{province}"))
    return [Link(f"{line.name}: ayuda ahora", deep_link(username, LINE_PAYLOAD)), local]


def _short(kb: Knowledge, service: str) -> str:
    known = kb.services[service]
    return known.acronym or known.name


def _spoken_list(items: Sequence[str]) -> str:
    """The items as said in Spanish: "a, b y c"."""
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} y {items[-1]}"


def line_facts(line: Contact) -> list[str]:
    """What the poster says about Línea 100, from the knowledge."""
    facts = [f"Llame al {line.phone}"]
    facts.append(f"{'Gratuita · ' if line.free else ''}{line.hours}")
    if line.languages:
        facts.append(f"Atención en {_spoken_list(line.languages)}")
    return facts


def province_offer(kb: Knowledge, province: str, service: str | None) -> list[str]:
    """One line per service the province has (the chosen one first), or the absence of the
    chosen one."""
    lines = []
    if service is not None and not kb.count(service, province):
        lines.append(
            f"No hay {_short(kb, service)} en la provincia: "
            "pregunte en el bot dónde está el más cercano."
        )
    ordered = sorted(kb.services.values(), key=lambda s: s.id != service)
    for known in ordered:
        n = kb.count(known.id, province)
        if n:
            lines.append(f"{n} {known.name}" + (f" ({known.acronym})" if known.acronym else ""))
    return lines


def _styles() -> dict[str, ParagraphStyle]:
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.styles import ParagraphStyle

    def style(name: str, size: float, bold: bool = False, **extra: Any) -> ParagraphStyle:
        font = "Helvetica-Bold" if bold else "Helvetica"
        return ParagraphStyle(name, fontName=font, fontSize=size, leading=size * 1.2, **extra)

    return {
        "title": style("title", 22, bold=True, alignment=TA_CENTER, spaceAfter=10),
        "line": style("line", 60, bold=True, alignment=TA_CENTER, spaceAfter=8),
        "call": style("call", 26, bold=True, alignment=TA_CENTER, spaceAfter=4),
        "fact": style("fact", 15, alignment=TA_CENTER, spaceAfter=3),
        "small": style("small", 10, alignment=TA_CENTER),
        "heading": style("heading", 15, bold=True, spaceBefore=12, spaceAfter=4),
        "item": style("item", 11.5, leftIndent=12, spaceAfter=1),
    }


def _qr(url: str, size: float) -> Drawing:
    """A vector QR code (reportlab drawing), runs of dark modules as one rectangle each."""
    import segno
    from reportlab.graphics.shapes import Drawing, Rect
    from reportlab.lib.colors import black

    rows = [list(row) for row in segno.make_qr(url, error="m").matrix_iter(border=4)]
    module = size / len(rows)
    drawing = Drawing(size, size)
    for y, row in enumerate(rows):
        x = 0
        for dark, run in groupby(row):
            width = len(list(run))
            if dark:
                rect = Rect(x * module, size - (y + 1) * module, width * module, module)
                rect.fillColor, rect.strokeColor = black, None
                drawing.add(rect)
            x += width
    return drawing


def _qr_table(links: Sequence[Link], styles: dict[str, ParagraphStyle]) -> Table:
    from reportlab.platypus import Paragraph, Table

    cells = [
        [
            _qr(link.url, QR_SIZE),
            Paragraph(f"<b>{escape(link.caption)}</b>", styles["fact"]),
            Paragraph(escape(link.url.removeprefix("https://")), styles["small"]),
        ]
        for link in links
    ]
    return Table([cells], colWidths=[WIDTH / len(links)] * len(links))


def _line_box(line: Contact, styles: dict[str, ParagraphStyle]) -> Table:
    """Línea 100 in a red frame: its name in large type, then how to call it."""
    from reportlab.lib.colors import HexColor
    from reportlab.platypus import Paragraph, Table

    rows = [[Paragraph(escape(line.name), styles["line"])]]
    for number, fact in enumerate(line_facts(line)):
        rows.append([Paragraph(escape(fact), styles["call" if number == 0 else "fact"])])
    box = Table(rows)
    box.setStyle(
        [("BOX", (0, 0), (-1, -1), 3, HexColor("#c0392b")), ("TOPPADDING", (0, 0), (-1, 0), 12)]
    )
    return box


def _story(kb: Knowledge, username: str, province: str, service: str | None) -> list[Flowable]:
    """The poster's content, top to bottom."""
    from reportlab.platypus import Paragraph, Spacer

    styles = _styles()
    line = kb.contacts[LINE_CONTACT]
    name = kb.provinces[province].name
    others = [c for c in kb.contacts.values() if c.id != LINE_CONTACT]
    scan = f"Escanee con la cámara del teléfono: se abre el bot @{username} en Telegram."
    return [
        Paragraph(escape(f"Servicios de protección en la provincia de {name}"), styles["title"]),
        _line_box(line, styles),
        Spacer(1, 6),
        Paragraph(escape(line.description), styles["small"]),
        # the other telephones on one line, so that a province with many services still fits
        # one page (the firemen and the SAMU joined them in round 50)
        Paragraph(escape(" · ".join(f"{c.name}: {c.phone}" for c in others)), styles["fact"]),
        Paragraph(escape(f"En la provincia de {name} hay:"), styles["heading"]),
        *(
            Paragraph(escape(item), styles["item"])
            for item in province_offer(kb, province, service)
        ),
        Spacer(1, 14),
        _qr_table(poster_links(kb, username, province, service), styles),
        Paragraph(escape(scan), styles["small"]),
    ]


def make_poster(
    kb: Knowledge, username: str, province: str, path: Path, service: str | None = None
) -> None:
    """Write the poster of ``province`` (and ``service``) to ``path``: one A4 page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    name = kb.provinces[province].name
    document = SimpleDocTemplate(
        str(path),
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=f"Cartel: {name}",
        invariant=True,
    )
    document.build(_story(kb, username, province, service))
    if document.page != 1:
        path.unlink()
        raise PosterError(f"El cartel de {name} no cabe en una página.")
