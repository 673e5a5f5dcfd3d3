"""Inline keyboards and the compact, validated callback-data codec.

Callback data (at most 64 bytes, Telegram's limit):

- ``m:<action>``          main menu and its entries (``m:main``, ``m:svc``, ``m:prov`` ...)
- ``s:<service>``         a service card
- ``p:<province>``        a province card
- ``g:<term>``            a glossary term
- ``r:<situation>``       guided referral: situation chosen, ask for the province
- ``r:<situation>:<province>``  guided referral: the card
- ``q:<n>``               the n-th suggestion remembered for this chat

``decode`` checks every id against the loaded knowledge: stale or forged data gives ``None``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.core.knowledge import Knowledge

MAX_CALLBACK_BYTES = 64
MAX_LABEL = 40

MenuAction = Literal["main", "emg", "svc", "prov", "ref", "glo", "del"]
MENU_ACTIONS: tuple[MenuAction, ...] = ("main", "emg", "svc", "prov", "ref", "glo", "del")
Kind = Literal["menu", "service", "province", "term", "referral", "suggestion"]
# An inline keyboard as Telegram's JSON: {"inline_keyboard": [[{"text": ..., "callback_data":
# ...}, ...], ...]}, sent as it is.
Keyboard = dict[str, Any]

_ID = re.compile(r"^[a-z0-9]+(?:_[a-z0-9]+)*$")
_INDEX = re.compile(r"^[0-9]{1,9}$")


@dataclass(frozen=True, slots=True)
class Callback:
    """A decoded, validated callback: its kind and up to two arguments."""

    kind: Kind
    first: str = ""
    second: str = ""


def _checked(data: str) -> str:
    if len(data.encode("utf-8")) > MAX_CALLBACK_BYTES:
        raise ValueError(f"callback data over {MAX_CALLBACK_BYTES} bytes: {data!r}")
    return data


def menu_data(action: MenuAction) -> str:
    """Callback data of a main-menu entry."""
    return _checked(f"m:{action}")


def service_data(service_id: str) -> str:
    """Callback data of a service card."""
    return _checked(f"s:{service_id}")


def province_data(province_id: str) -> str:
    """Callback data of a province card."""
    return _checked(f"p:{province_id}")


def term_data(term_id: str) -> str:
    """Callback data of a glossary term."""
    return _checked(f"g:{term_id}")


def referral_data(situation_id: str, province_id: str | None = None) -> str:
    """Callback data of a referral step."""
    if province_id is None:
        return _checked(f"r:{situation_id}")
    return _checked(f"r:{situation_id}:{province_id}")


def suggestion_data(index: int) -> str:
    """Callback data of a remembered suggestion."""
    return _checked(f"q:{index}")


def decode(data: object, kb: Knowledge) -> Callback | None:
    """The callback behind ``data``, or None when it is malformed, stale or forged."""
    if not isinstance(data, str) or len(data.encode("utf-8")) > MAX_CALLBACK_BYTES:
        return None
    prefix, _, rest = data.partition(":")
    parts = rest.split(":")
    if prefix == "m" and len(parts) == 1 and parts[0] in MENU_ACTIONS:
        return Callback("menu", parts[0])
    if prefix == "q" and len(parts) == 1 and _INDEX.match(parts[0]):
        return Callback("suggestion", parts[0])
    if not all(_ID.match(part) for part in parts):
        return None
    if prefix == "s" and len(parts) == 1 and parts[0] in kb.services:
        return Callback("service", parts[0])
    if prefix == "p" and len(parts) == 1 and parts[0] in kb.provinces:
        return Callback("province", parts[0])
    if prefix == "g" and len(parts) == 1 and parts[0] in kb.glossary:
        return Callback("term", parts[0])
    if prefix == "r" and parts[0] in kb.situations:
        if len(parts) == 1:
            return Callback("referral", parts[0])
        if len(parts) == 2 and parts[1] in kb.provinces:
            return Callback("referral", parts[0], parts[1])
    return None


# --- keyboards ------------------------------------------------------------------------------


def label(text: str, limit: int = MAX_LABEL) -> str:
    """A button label no longer than ``limit`` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def button(text: str, data: str) -> InlineKeyboardButton:
    """One callback button."""
    return InlineKeyboardButton(label(text), callback_data=data)


def json_button(text: str, data: str) -> dict[str, str]:
    """One callback button as Telegram's JSON (what ``button(...).to_dict()`` gives)."""
    return {"text": label(text), "callback_data": data}


def keyboard(layout: Sequence[Sequence[dict[str, Any]]]) -> Keyboard | None:
    """An inline keyboard of JSON buttons, or None when there is no button."""
    cleaned = [list(row) for row in layout if row]
    return {"inline_keyboard": cleaned} if cleaned else None


def rows(buttons: Iterable[InlineKeyboardButton], per_row: int) -> list[list[InlineKeyboardButton]]:
    """Buttons laid out ``per_row`` to a row."""
    items = list(buttons)
    return [items[i : i + per_row] for i in range(0, len(items), per_row)]


def markup(
    layout: Sequence[Sequence[InlineKeyboardButton]],
) -> InlineKeyboardMarkup | None:
    """An inline keyboard, or None when there is no button."""
    cleaned = [list(row) for row in layout if row]
    return InlineKeyboardMarkup(cleaned) if cleaned else None


def back_row(*targets: tuple[str, str]) -> list[InlineKeyboardButton]:
    """A row of back buttons: (label, callback data)."""
    return [button(f"« {text}", data) for text, data in targets]


MENU_BACK = ("Menú", "m:main")


def main_menu() -> InlineKeyboardMarkup:
    """Emergencia, Servicios, Provincias, ¿A dónde derivo?, Glosario, Borrar conversación."""
    return InlineKeyboardMarkup(
        [
            [button("🚨 Emergencia", menu_data("emg"))],
            [button("Servicios", menu_data("svc")), button("Provincias", menu_data("prov"))],
            [button("¿A dónde derivo?", menu_data("ref")), button("Glosario", menu_data("glo"))],
            [button("Borrar conversación", menu_data("del"))],
        ]
    )


def _service_label(kb: Knowledge, service_id: str) -> str:
    service = kb.services[service_id]
    return service.acronym or service.name


def services_menu(kb: Knowledge) -> InlineKeyboardMarkup:
    """One button per service, in the knowledge's order, and the way back."""
    buttons = [button(_service_label(kb, sid), service_data(sid)) for sid in kb.services]
    return InlineKeyboardMarkup([*rows(buttons, 2), back_row(MENU_BACK)])


def provinces_menu(kb: Knowledge) -> InlineKeyboardMarkup:
    """One button per province, in the knowledge's order, and the way back."""
    buttons = [button(p.name, province_data(pid)) for pid, p in kb.provinces.items()]
    return InlineKeyboardMarkup([*rows(buttons, 3), back_row(MENU_BACK)])


def glossary_menu(kb: Knowledge) -> InlineKeyboardMarkup:
    """One button per glossary term that fits in callback data, and the way back."""
    buttons = []
    for tid, term in kb.glossary.items():
        try:
            buttons.append(button(term.term, term_data(tid)))
        except ValueError:
            continue
    return InlineKeyboardMarkup([*rows(buttons, 2), back_row(MENU_BACK)])


def situations_menu(kb: Knowledge) -> InlineKeyboardMarkup:
    """One button per referral situation, and the way back."""
    buttons = [button(s.label, referral_data(sid)) for sid, s in kb.situations.items() if s.menu]
    return InlineKeyboardMarkup([*rows(buttons, 1), back_row(MENU_BACK)])


def referral_provinces_menu(kb: Knowledge, situation_id: str) -> InlineKeyboardMarkup:
    """The provinces for a referral, and the way back to the situations."""
    buttons = [button(p.name, referral_data(situation_id, pid)) for pid, p in kb.provinces.items()]
    return InlineKeyboardMarkup(
        [*rows(buttons, 3), back_row(("Situaciones", menu_data("ref")), MENU_BACK)]
    )
