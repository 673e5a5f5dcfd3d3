"""Commands and deep links, through the real Application and our Bot API server."""

from __future__ import annotations

from typing import Any

import pytest
from botapi import USER_ID, FakeBotAPI, visible

from bot.tg.commands import COMMANDS

ALL_COMMANDS = [
    "start",
    "ayuda",
    "emergencia",
    "servicios",
    "provincias",
    "derivar",
    "glosario",
    "borrar",
    "privacidad",
    "cancelar",
]


async def test_start_up_sets_the_spanish_command_list(app: Any, api: FakeBotAPI) -> None:
    [call] = await api.wait_for("setMyCommands", mark=0)
    names = [c["command"] for c in call.params["commands"]]
    assert sorted(names) == sorted(ALL_COMMANDS)
    assert len(COMMANDS) == len(ALL_COMMANDS)
    assert all(c["description"] for c in call.params["commands"])
    assert api.since(0, "getMe")


async def test_start_shows_welcome_and_main_menu(app: Any, api: FakeBotAPI) -> None:
    [call] = await api.reply_to(api.text_message("/start"))
    assert call.ok and call.params["chat_id"] == USER_ID
    assert call.params["parse_mode"] == "HTML"
    assert "Línea 100" in visible(call)
    labels = [text for text, _ in call.buttons]
    assert labels == [
        "🚨 Emergencia",
        "Servicios",
        "Provincias",
        "¿A dónde derivo?",
        "Glosario",
        "Borrar conversación",
    ]
    assert all(len(data.encode()) <= 64 for data in call.callback_data)


@pytest.mark.parametrize(
    ("payload", "expect"),
    [
        ("linea100", "100"),
        ("emergencia", "100"),
        ("cem", "CEM"),
        ("provincia_chucuito", "Chucuito"),
        ("cem_chucuito", "Chucuito"),
    ],
)
async def test_deep_links_open_an_answer(
    app: Any, api: FakeBotAPI, payload: str, expect: str
) -> None:
    [call] = await api.reply_to(api.text_message(f"/start {payload}"))
    assert call.ok
    assert expect in visible(call)
    assert "m:main" in call.callback_data  # a way to the menu
    # not the generic welcome
    assert "Borrar conversación" not in [t for t, _ in call.buttons]


async def test_unknown_deep_link_falls_back_to_the_welcome(app: Any, api: FakeBotAPI) -> None:
    [call] = await api.reply_to(api.text_message("/start qr_desconocido"))
    assert "m:del" in call.callback_data and "Línea 100" in visible(call)


async def test_cem_chucuito_deep_link_counts(app: Any, api: FakeBotAPI) -> None:
    [call] = await api.reply_to(api.text_message("/start cem_chucuito"))
    assert "3" in visible(call) and "CEM" in visible(call)


async def test_emergencia_puts_linea_100_first(app: Any, api: FakeBotAPI) -> None:
    [call] = await api.reply_to(api.text_message("/emergencia"))
    text = visible(call)
    assert "Línea 100" in text and "100" in text
    assert text.index("100") < text.index("105")


async def test_ayuda(app: Any, api: FakeBotAPI) -> None:
    [call] = await api.reply_to(api.text_message("/ayuda"))
    assert "100" in visible(call)
    assert "m:main" in call.callback_data


async def test_servicios_lists_every_service(app: Any, api: FakeBotAPI, kb: Any) -> None:
    [call] = await api.reply_to(api.text_message("/servicios"))
    data = call.callback_data
    assert [d for d in data if d.startswith("s:")] == [f"s:{sid}" for sid in kb.services]
    assert "m:main" in data


async def test_provincias_lists_every_province(app: Any, api: FakeBotAPI, kb: Any) -> None:
    [call] = await api.reply_to(api.text_message("/provincias"))
    data = call.callback_data
    assert [d for d in data if d.startswith("p:")] == [f"p:{pid}" for pid in kb.provinces]


async def test_glosario_lists_terms(app: Any, api: FakeBotAPI, kb: Any) -> None:
    [call] = await api.reply_to(api.text_message("/glosario"))
    terms = [d for d in call.callback_data if d.startswith("g:")]
    assert terms and all(d[2:] in kb.glossary for d in terms)


async def test_derivar_offers_the_situations(app: Any, api: FakeBotAPI, kb: Any) -> None:
    [call] = await api.reply_to(api.text_message("/derivar"))
    assert [d for d in call.callback_data if d.startswith("r:")] == [
        f"r:{sid}" for sid, s in kb.situations.items() if s.menu
    ]


async def test_privacidad(app: Any, api: FakeBotAPI) -> None:
    [call] = await api.reply_to(api.text_message("/privacidad"))
    text = visible(call)
    assert "30 minutos" in text and "disco" in text


async def test_cancelar_without_anything_running(app: Any, api: FakeBotAPI) -> None:
    [call] = await api.reply_to(api.text_message("/cancelar"))
    assert call.ok and "m:svc" in call.callback_data  # the main menu


async def test_recargar_only_for_administrators(app: Any, api: FakeBotAPI) -> None:
    [reloaded] = await api.reply_to(api.text_message("/recargar", chat_id=42, user_id=42))
    assert "recargado" in visible(reloaded)
    # for anybody else it is just an unknown command (see test_tg_knowledge.py)
    [refused] = await api.reply_to(api.text_message("/recargar"))
    assert "recargado" not in visible(refused) and "recarg" not in refused.text
