"""Bad input through the PTB layer: hostile texts, every kind of message a person or a chat
can send. Each gets a sensible reply or is ignored by design, never a crash (the ``app``
fixture fails a test when anything reaches the error handler)."""

from __future__ import annotations

from typing import Any

import pytest
from botapi import USER_ID, FakeBotAPI, visible

from bot.tg.chat import ONLY_TEXT

HOSTILE = [
    "😀😀😀🆘🆘",
    "ayuda\x00\x01\x02\x07\x1b[31m\x7f",
    "\u202eollebaZ\u202c ¿dónde hay un CEM?",
    "مرحبا، أين يوجد مركز الطوارئ؟",
    "<b>&</b> <script>alert(1)</script> &amp; &lt;i&gt;",
    "a" * 4096,
    "¿" + "¡!?.,;:…" * 500,
    "?!?!...",
    "1234567890 " * 300,
    "supercalifragilisticoespialidoso" * 100,
    "\u200b\u200c\u200d\ufeff",
    "Ｃ Ｅ Ｍ　ｅｎ　Ｌａｍｐａ",
    "\ud7ff\U0010ffff\U0001f9ff",
    "me pegan 😭😭 <ayuda> & auxilio",
    "/",
    "   \n\t  ",
]


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
async def test_hostile_text_gets_a_valid_answer(app: Any, api: FakeBotAPI, text: str) -> None:
    [call] = await api.reply_to(api.text_message(text))
    assert call.ok, call.error  # our server parses the HTML as strictly as Telegram does
    assert visible(call).strip()
    assert call.params["chat_id"] == USER_ID


async def test_danger_among_noise_still_gets_linea_100_first(app: Any, api: FakeBotAPI) -> None:
    [call] = await api.reply_to(api.text_message("me pegan 😭😭 <ayuda> & auxilio"))
    assert "Línea 100" in visible(call)[:300]


@pytest.mark.parametrize(
    "kind", ["sticker", "photo", "voice", "audio", "video", "document", "contact", "dice"]
)
async def test_media_without_caption_gets_the_hint(app: Any, api: FakeBotAPI, kind: str) -> None:
    [call] = await api.reply_to(api.media_message(kind))
    assert call.ok and call.text == ONLY_TEXT


async def test_video_note_gets_the_hint(app: Any, api: FakeBotAPI) -> None:
    [call] = await api.reply_to(api.media_message("video_note"))
    assert call.text == ONLY_TEXT


@pytest.mark.parametrize("caption", ["", "   "])
async def test_empty_caption_gets_the_hint(app: Any, api: FakeBotAPI, caption: str) -> None:
    [call] = await api.reply_to(api.media_message("photo", caption))
    assert call.text == ONLY_TEXT


async def test_a_caption_is_the_question(app: Any, api: FakeBotAPI) -> None:
    [call] = await api.reply_to(api.media_message("photo", "¿Dónde hay un CEM en Lampa?"))
    assert "Lampa" in visible(call) and "CEM" in visible(call)
    [danger] = await api.reply_to(api.media_message("photo", "mi esposo me pegó, ayuda"))
    assert "Línea 100" in visible(danger)[:300]


async def test_forwarded_text_is_answered(app: Any, api: FakeBotAPI) -> None:
    [call] = await api.reply_to(api.forwarded("¿qué es la DEMUNA?"))
    assert "DEMUNA" in visible(call)


async def test_ignored_by_design(app: Any, api: FakeBotAPI) -> None:
    """Edited messages (the first version was answered), channel posts, media in groups,
    a sticker and an edit in a group: no reply, no error."""
    [first] = await api.reply_to(api.text_message("¿Dónde hay un CEM en Puno?"))
    mark = len(api.calls)
    api.push(api.edited(api.text_message("¿Dónde hay un CEM en Lampa?"), "cambiado"))
    api.push(api.channel_post("¿Dónde hay un CEM en Lampa?"))
    api.push(api.channel_post("/start"))
    group = -1009990001
    api.push(api.media_message("photo", "¿Dónde hay un CEM en Lampa?", chat_id=group))
    api.push(api.media_message("sticker", chat_id=group))
    api.push(api.edited(api.text_message("/start", chat_id=group), "/ayuda"))
    # a sentinel from another chat, then one from the same person: both answered
    [other] = await api.reply_to(api.text_message("/privacidad", chat_id=777, user_id=777))
    [again] = await api.reply_to(api.text_message("/privacidad"))
    sent = api.since(mark, "sendMessage")
    assert sorted(c.params["chat_id"] for c in sent) == sorted([777, USER_ID])
    assert other.ok and again.ok and first.ok
    assert not [c for c in api.since(mark) if c.method != "sendMessage"]
    assert app.chat_data.get(-1001234567, {}) == {}  # nothing remembered about the channel


async def test_a_user_without_username_or_language(app: Any, api: FakeBotAPI) -> None:
    update = api.text_message("/start")
    sender = update["message"]["from"]
    assert "username" not in sender
    del sender["language_code"]
    [call] = await api.reply_to(update)
    assert call.ok and "m:svc" in call.callback_data


async def test_a_message_without_sender_in_a_group(app: Any, api: FakeBotAPI) -> None:
    """An anonymous group administrator writes as the group itself (sender_chat)."""
    group = -1009990001
    update = api.text_message("/emergencia", chat_id=group)
    del update["message"]["from"]
    update["message"]["sender_chat"] = update["message"]["chat"]
    [call] = await api.reply_to(update)
    assert call.params["chat_id"] == group and "100" in visible(call)


async def test_an_unknown_command_gets_the_help(app: Any, api: FakeBotAPI) -> None:
    [call] = await api.reply_to(api.text_message("/hackear todo"))
    assert call.ok and "Línea 100" in visible(call)
