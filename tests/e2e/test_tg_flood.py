"""Flood control: more than FLOOD_MESSAGES (5) in FLOOD_SECONDS (2) from one chat gets one
polite notice and the rest of the window is ignored; other chats are not delayed; danger,
/emergencia and /borrar always go through."""

from __future__ import annotations

from typing import Any

from botapi import GROUP_ID, USER_ID, FakeBotAPI, visible
from harness import settled

from bot.tg.flood import FLOOD, SLOW_DOWN, FloodGate

OTHER = 5550777


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def freeze(app: Any) -> Clock:
    clock = Clock()
    gate: FloodGate = app.bot_data[FLOOD]
    assert (gate.limit, gate.window) == (5, 2.0)  # the defaults of Settings
    gate.clock = clock
    return clock


def to(api: FakeBotAPI, chat_id: int) -> list[str]:
    return [c.text for c in api.since(0, "sendMessage") if c.params["chat_id"] == chat_id]


def test_the_window_slides_and_the_notice_comes_once_per_episode() -> None:
    clock = Clock()
    gate = FloodGate(limit=3, window=2.0, clock=clock)
    memory: dict[str, Any] = {}
    assert [gate.admit(memory) for _ in range(3)] == [True] * 3
    assert not gate.admit(memory)
    assert gate.hold(memory) == "notice"
    clock.now += 1.0
    assert not gate.admit(memory) and gate.hold(memory) == "drop"
    clock.now += 1.0  # the first three are 2 s old: room again
    assert gate.admit(memory)
    assert [gate.admit(memory) for _ in range(3)] == [True, True, False]
    assert gate.hold(memory) == "drop"  # the same episode (last ignored 1 s ago)
    clock.now += 2.5
    assert gate.admit(memory)
    clock.now += 0.1
    assert [gate.admit(memory) for _ in range(3)] == [True, True, False]
    assert gate.hold(memory) == "notice"  # a new episode
    assert isinstance(memory["flood_admitted"], list) and len(memory["flood_admitted"]) <= 3


async def test_a_flood_gets_one_notice_and_other_chats_go_on(app: Any, api: FakeBotAPI) -> None:
    clock = freeze(app)
    for n in range(9):
        api.push(api.text_message(f"hola {n}"))
    api.push(api.text_message("/ayuda", chat_id=OTHER, user_id=OTHER))
    await settled(app, api)
    clock.now += 2.0
    [later] = await api.reply_to(api.text_message("¿Dónde hay un CEM en Lampa?"))
    assert "Lampa" in visible(later)
    texts = to(api, USER_ID)
    assert len(texts) == 7 and texts.count(SLOW_DOWN) == 1
    assert texts.index(SLOW_DOWN) == 5  # after the five answers
    assert "Por favor, espere" in SLOW_DOWN and "Línea 100" in SLOW_DOWN
    assert len(to(api, OTHER)) == 1


async def test_danger_is_never_dropped(app: Any, api: FakeBotAPI) -> None:
    freeze(app)
    for n in range(6):
        api.push(api.text_message(f"/privacidad {n}"))
    api.push(api.text_message("mi esposo me está pegando, ayuda"))
    api.push(api.media_message("photo", "me va a matar"))
    api.push(api.text_message("/emergencia"))
    api.push(api.text_message("hola"))
    calls = await api.wait_for(
        "sendMessage", 9, mark=0, where=lambda c: c.params["chat_id"] == USER_ID
    )
    texts = [visible(c) for c in calls]
    assert texts[5] == visible_notice()
    assert all("Línea 100" in t[:300] for t in texts[6:9])  # the three about danger
    [erased] = await api.reply_to(api.text_message("/borrar"))  # erasing always goes through
    assert "Listo" in visible(erased)
    assert [c.text for c in api.since(0, "sendMessage")].count(SLOW_DOWN) == 1


def visible_notice() -> str:
    return SLOW_DOWN.replace("<b>", "").replace("</b>", "")


async def test_stickers_and_commands_count_too(app: Any, api: FakeBotAPI) -> None:
    freeze(app)
    for _ in range(4):
        api.push(api.media_message("sticker"))
    for _ in range(4):
        api.push(api.text_message("/start"))
    await api.wait_for("sendMessage", 6, mark=0)
    [sentinel] = await api.reply_to(api.text_message("/ayuda", chat_id=OTHER, user_id=OTHER))
    assert sentinel.ok
    assert to(api, USER_ID).count(SLOW_DOWN) == 1 and len(to(api, USER_ID)) == 6


async def test_group_chatter_not_for_the_bot_is_not_counted(app: Any, api: FakeBotAPI) -> None:
    freeze(app)
    for n in range(12):
        api.push(api.text_message(f"conversación del grupo {n}", chat_id=GROUP_ID))
    [answer] = await api.reply_to(api.text_message("/emergencia", chat_id=GROUP_ID))
    assert "100" in visible(answer)
    assert to(api, GROUP_ID) == [answer.text]


async def test_commands_for_another_bot_in_a_group_are_not_counted(
    app: Any, api: FakeBotAPI
) -> None:
    """``/start@other_bot`` is not for this bot: no notice, however many come."""
    freeze(app)
    for _ in range(8):
        api.push(api.text_message("/start@OtroBot", chat_id=GROUP_ID))
    api.push(api.text_message("/emergencia", chat_id=GROUP_ID))
    [answer] = await api.wait_for("sendMessage", mark=0, where=lambda c: c.text != SLOW_DOWN)
    assert "Policía" in visible(answer)
    assert to(api, GROUP_ID) == [answer.text]  # the group's messages come in order
