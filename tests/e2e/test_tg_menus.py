"""Main menu, browsing in place, back buttons, forged and stale callback data."""

from __future__ import annotations

from typing import Any

import pytest
from botapi import FakeBotAPI, visible

MENU = ["m:emg", "m:svc", "m:prov", "m:ref", "m:glo", "m:del"]


async def menu_message(api: FakeBotAPI) -> dict[str, Any]:
    [call] = await api.reply_to(api.text_message("/start"))
    assert call.callback_data == MENU
    message: dict[str, Any] = call.result
    return message


async def test_services_path_and_back(app: Any, api: FakeBotAPI, kb: Any) -> None:
    message = await menu_message(api)
    listing = await api.press(message, "m:svc")
    assert [d for d in listing.callback_data if d.startswith("s:")] == [
        f"s:{s}" for s in kb.services
    ]
    card = await api.press(message, "s:cem")
    assert "CEM" in visible(card)
    assert card.callback_data[-2:] == ["m:svc", "m:main"]
    assert all(len(d.encode()) <= 64 for d in card.callback_data)
    back = await api.press(message, "m:svc")
    assert back.text == listing.text and back.buttons == listing.buttons
    home = await api.press(message, "m:main")
    assert home.callback_data == MENU
    assert not api.since(0, "sendMessage")[1:]  # browsing never sent a new message


async def test_provinces_path_and_back(app: Any, api: FakeBotAPI, kb: Any) -> None:
    message = await menu_message(api)
    listing = await api.press(message, "m:prov")
    assert [d for d in listing.callback_data if d.startswith("p:")] == [
        f"p:{p}" for p in kb.provinces
    ]
    card = await api.press(message, "p:lampa")
    assert "Lampa" in visible(card)
    assert card.callback_data[-2:] == ["m:prov", "m:main"]
    back = await api.press(message, "m:prov")
    assert back.buttons == listing.buttons


async def test_every_service_and_province_card_is_valid(app: Any, api: FakeBotAPI, kb: Any) -> None:
    """Every card parses as Telegram HTML and fits (the server refuses otherwise)."""
    message = await menu_message(api)
    for data in [f"s:{s}" for s in kb.services] + [f"p:{p}" for p in kb.provinces]:
        card = await api.press(message, data)
        assert card.ok


async def test_emergency_from_the_menu(app: Any, api: FakeBotAPI) -> None:
    message = await menu_message(api)
    card = await api.press(message, "m:emg")
    assert "Línea 100" in visible(card)
    assert card.callback_data[-1] == "m:main"
    home = await api.press(message, "m:main")
    assert home.callback_data == MENU


async def test_glossary_path_and_back(app: Any, api: FakeBotAPI, kb: Any) -> None:
    message = await menu_message(api)
    listing = await api.press(message, "m:glo")
    terms = [d for d in listing.callback_data if d.startswith("g:")]
    assert len(terms) == len(kb.glossary)
    term = await api.press(message, "g:cem")
    assert "CEM" in visible(term)
    assert term.callback_data[-2:] == ["m:glo", "m:main"]
    back = await api.press(message, "m:glo")
    assert back.buttons == listing.buttons


async def test_referral_from_the_menu(app: Any, api: FakeBotAPI, kb: Any) -> None:
    message = await menu_message(api)
    situations = await api.press(message, "m:ref")
    assert [d for d in situations.callback_data if d.startswith("r:")] == [
        f"r:{sid}" for sid, s in kb.situations.items() if s.menu
    ]
    provinces = await api.press(message, "r:violencia")
    assert "r:violencia:lampa" in provinces.callback_data
    assert provinces.callback_data[-2:] == ["m:ref", "m:main"]
    card = await api.press(message, "r:violencia:lampa")
    assert "Lampa" in visible(card) and "100" in visible(card)
    assert card.callback_data[-2:] == ["r:violencia", "m:main"]
    again = await api.press(message, "r:violencia")
    assert again.buttons == provinces.buttons


async def test_pressing_the_same_button_twice_is_harmless(app: Any, api: FakeBotAPI) -> None:
    message = await menu_message(api)
    await api.press(message, "m:svc")
    api.push(api.callback(message, "m:svc"))
    [ack] = await api.wait_for("answerCallbackQuery")
    [edit] = await api.wait_for("editMessageText")
    assert ack.ok and not edit.ok and "not modified" in (edit.error or "")
    sentinel = len(api.calls)
    await api.reply_to(api.text_message("/ayuda"))
    assert [c.method for c in api.since(sentinel)] == ["sendMessage"]  # no apology sent


@pytest.mark.parametrize(
    "data",
    [
        "zzz",
        "s:nope",
        "p:marte",
        "g:no_such_term",
        "r:violencia:marte",
        "r:nada",
        "m:evil",
        "q:999",
        "q:-1",
        "s:cem:extra",
        "p:../../etc",
        "x" * 64,
    ],
)
async def test_forged_or_stale_callback_gets_a_polite_answer(
    app: Any, api: FakeBotAPI, data: str
) -> None:
    message = await menu_message(api)
    api.push(api.callback(message, data))
    [ack] = await api.wait_for("answerCallbackQuery")
    assert ack.ok and "/start" in ack.params.get("text", "")
    sentinel = len(api.calls)
    await api.reply_to(api.text_message("/ayuda"))
    assert [c.method for c in api.since(sentinel)] == ["sendMessage"]
    assert not api.since(0, "editMessageText")


async def test_suggestion_buttons_ask_the_core(app: Any, api: FakeBotAPI) -> None:
    [answer] = await api.reply_to(api.text_message("¿Dónde hay un CEM en Chucuito?"))
    suggestions = [d for d in answer.callback_data if d.startswith("q:")]
    assert suggestions
    api.push(api.callback(answer.result, suggestions[0]))
    [ack] = await api.wait_for("answerCallbackQuery")
    [follow] = await api.wait_for("sendMessage")
    assert ack.ok and follow.ok and follow.text != answer.text
