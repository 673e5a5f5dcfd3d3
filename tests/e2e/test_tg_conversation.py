"""Free text, follow-ups, location, inline mode, groups, guided referral and /borrar."""

from __future__ import annotations

import asyncio
import time
from typing import Any

from botapi import BOT_ID, BOT_USERNAME, GROUP_ID, USER_ID, FakeBotAPI, visible

from bot.core.model import Context
from bot.tg.common import CONTEXT, LAST_SEEN, SUGGESTIONS


async def test_free_text_and_follow_up(app: Any, api: FakeBotAPI) -> None:
    [first] = await api.reply_to(api.text_message("¿Dónde hay un CEM en Chucuito?"))
    assert "Chucuito" in visible(first) and "CEM" in visible(first)
    assert any(d.startswith("q:") for d in first.callback_data)
    [follow] = await api.reply_to(api.text_message("¿y en Lampa?"))
    assert "Lampa" in visible(follow) and "CEM" in visible(follow)


async def test_context_is_forgotten_after_30_minutes(app: Any, api: FakeBotAPI) -> None:
    await api.reply_to(api.text_message("¿Dónde hay un CEM en Chucuito?"))
    memory = app.chat_data[USER_ID]
    old: Context = memory[CONTEXT]
    memory[CONTEXT] = Context(
        intent=old.intent,
        services=old.services,
        province=old.province,
        created=time.monotonic() - 31 * 60,
    )
    [follow] = await api.reply_to(api.text_message("¿y en Lampa?"))
    assert follow.ok
    # without the old context "¿y en Lampa?" is about Lampa in general, not about the CEM
    assert memory[CONTEXT].intent != "locate"


async def test_silence_of_30_minutes_forgets_the_conversation(app: Any, api: FakeBotAPI) -> None:
    await api.reply_to(api.text_message("¿Dónde hay un CEM en Chucuito?"))
    memory = app.chat_data[USER_ID]
    assert memory[SUGGESTIONS]
    memory[LAST_SEEN] -= 31 * 60
    [follow] = await api.reply_to(api.text_message("¿y en Lampa?"))
    assert memory[CONTEXT].intent != "locate"
    assert follow.ok


async def test_emergency_text_gets_linea_100_first(app: Any, api: FakeBotAPI) -> None:
    [call] = await api.reply_to(api.text_message("ayuda mi esposo me esta pegando"))
    text = visible(call)
    assert "Línea 100" in text
    assert text.index("100") < 200


async def test_shared_location(app: Any, api: FakeBotAPI) -> None:
    [call] = await api.reply_to(api.location_message(-15.84, -70.02))
    text = visible(call)
    assert "Puno" in text and "CEM" in text


async def test_inline_query_with_text(app: Any, api: FakeBotAPI) -> None:
    api.push(api.inline_query("cem lampa"))
    [call] = await api.wait_for("answerInlineQuery")
    assert call.ok, call.error
    results = call.params["results"]
    assert results and all(r["type"] == "article" for r in results)
    assert any("Lampa" in r["title"] for r in results)
    assert call.params["is_personal"] is True
    assert 0 < call.params["cache_time"] <= 300
    assert call.params["button"]["start_parameter"]
    assert all(r["input_message_content"]["parse_mode"] == "HTML" for r in results)


async def test_inline_query_empty_offers_linea_100(app: Any, api: FakeBotAPI) -> None:
    api.push(api.inline_query(""))
    [call] = await api.wait_for("answerInlineQuery")
    assert call.ok, call.error
    first = call.params["results"][0]
    assert "100" in first["input_message_content"]["message_text"]
    assert any("Línea 100" in r["title"] for r in call.params["results"])


async def test_group_message_is_ignored(app: Any, api: FakeBotAPI) -> None:
    mark = len(api.calls)
    api.push(api.text_message("¿Dónde hay un CEM en Lampa?", chat_id=GROUP_ID))
    api.push(api.location_message(-15.84, -70.02, chat_id=GROUP_ID))
    api.push(api.text_message("hola @otro_usuario", chat_id=GROUP_ID))
    [sentinel] = await api.reply_to(api.text_message("/ayuda"))
    assert [c.params["chat_id"] for c in api.since(mark)] == [USER_ID]
    assert sentinel.ok


async def test_group_mention_reply_and_command_are_answered(app: Any, api: FakeBotAPI) -> None:
    [mention] = await api.reply_to(
        api.text_message(f"@{BOT_USERNAME} ¿dónde hay un CEM en Lampa?", chat_id=GROUP_ID)
    )
    assert mention.params["chat_id"] == GROUP_ID and "Lampa" in visible(mention)
    reply_to = {**mention.result, "from": {"id": BOT_ID, "is_bot": True, "first_name": "B"}}
    [answer] = await api.reply_to(
        api.text_message("¿y en Chucuito?", chat_id=GROUP_ID, reply_to=reply_to)
    )
    assert "Chucuito" in visible(answer)
    [command] = await api.reply_to(
        api.text_message(f"/emergencia@{BOT_USERNAME}", chat_id=GROUP_ID)
    )
    assert "100" in visible(command)
    [danger] = await api.reply_to(
        api.text_message(f"@{BOT_USERNAME} me quieren matar", chat_id=GROUP_ID)
    )
    assert "Línea 100" in visible(danger)[:300]


async def test_group_command_for_another_bot_is_ignored(app: Any, api: FakeBotAPI) -> None:
    mark = len(api.calls)
    api.push(api.text_message("/start@OtroBot", chat_id=GROUP_ID))
    await api.reply_to(api.text_message("/ayuda"))
    assert [c.params["chat_id"] for c in api.since(mark)] == [USER_ID]


async def test_referral_with_buttons_for_every_situation(
    app: Any, api: FakeBotAPI, kb: Any
) -> None:
    [start] = await api.reply_to(api.text_message("/derivar"))
    for situation in kb.situations:
        provinces = await api.press(start.result, f"r:{situation}")
        assert f"r:{situation}:puno" in provinces.callback_data
        card = await api.press(start.result, f"r:{situation}:puno")
        assert "Puno" in visible(card)
        assert card.callback_data[-2:] == [f"r:{situation}", "m:main"]


async def test_referral_with_a_typed_district(app: Any, api: FakeBotAPI) -> None:
    [start] = await api.reply_to(api.text_message("/derivar"))
    prompt = await api.press(start.result, "r:violencia")
    assert "r:violencia:chucuito" in prompt.callback_data
    [card] = await api.reply_to(api.text_message("Juli"))  # a district capital of Chucuito
    text = visible(card)
    assert "Chucuito" in text and "CEM" in text and "100" in text
    assert "r:violencia" in card.callback_data
    # the referral is over: the next text is a normal question
    [normal] = await api.reply_to(api.text_message("¿qué es la DEMUNA?"))
    assert "DEMUNA" in visible(normal)


async def test_referral_unknown_place_asks_again(app: Any, api: FakeBotAPI) -> None:
    [start] = await api.reply_to(api.text_message("/derivar"))
    await api.press(start.result, "r:violencia")
    [again] = await api.reply_to(api.text_message("xyzzy"))
    assert "r:violencia:lampa" in again.callback_data
    [card] = await api.reply_to(api.text_message("Lampa"))
    assert "Lampa" in visible(card)


async def test_referral_emergency_comes_first(app: Any, api: FakeBotAPI) -> None:
    [start] = await api.reply_to(api.text_message("/derivar"))
    await api.press(start.result, "r:violencia")
    [emergency] = await api.reply_to(api.text_message("me está pegando ahora, tengo miedo"))
    assert "Línea 100" in visible(emergency)[:300]
    # still waiting for the place
    [card] = await api.reply_to(api.text_message("Azángaro"))
    assert "Azángaro" in visible(card)


async def test_referral_place_with_danger_after_a_case(app: Any, api: FakeBotAPI) -> None:
    """A place typed after a case is the referral's place; one said with danger ("ya viene")
    gets the emergency card first, then the referral card."""
    [start] = await api.reply_to(api.text_message("/derivar"))
    await api.press(start.result, "r:violencia")
    await api.reply_to(api.text_message("me está pegando ahora, tengo miedo"))
    emergency, card = await api.reply_to(api.text_message("estoy en Ilave, ya viene"), 2)
    assert "105" in visible(emergency) and "Línea 100" in visible(emergency)[:300]
    assert "El Collao" in visible(card)


async def test_referral_emergency_with_a_place(app: Any, api: FakeBotAPI) -> None:
    [start] = await api.reply_to(api.text_message("/derivar"))
    await api.press(start.result, "r:violencia")
    emergency, card = await api.reply_to(api.text_message("me están pegando, estoy en Lampa"), 2)
    assert "Línea 100" in visible(emergency)[:300]
    assert "Lampa" in visible(card)


async def test_referral_cancel(app: Any, api: FakeBotAPI) -> None:
    [start] = await api.reply_to(api.text_message("/derivar"))
    await api.press(start.result, "r:violencia")
    [cancelled] = await api.reply_to(api.text_message("/cancelar"))
    assert "m:ref" in cancelled.callback_data
    assert "dej" in visible(cancelled)
    # typed text is a normal question again, not a place for the referral
    [normal] = await api.reply_to(api.text_message("xyzzy"))
    assert "r:violencia:lampa" not in normal.callback_data


async def test_borrar_deletes_both_sides_of_the_last_48_hours(app: Any, api: FakeBotAPI) -> None:
    old = api.text_message("un mensaje antiguo", date=int(time.time()) - 49 * 3600)
    await api.reply_to(old)
    await api.reply_to(api.text_message("¿Dónde hay un CEM en Puno?"))
    [menu] = await api.reply_to(api.text_message("/start"))
    # a group conversation is not touched
    await api.reply_to(api.text_message("/ayuda", chat_id=GROUP_ID))
    present = api.message_ids(USER_ID)
    old_id = old["message"]["message_id"]
    assert old_id in present
    mark = len(api.calls)
    api.push(api.text_message("/borrar"))
    borrar_id = present[-1] + 1
    [notice] = await api.wait_for("sendMessage", mark=mark)
    deletions = api.since(mark, "deleteMessage")
    deleted = [c.params["message_id"] for c in deletions]
    assert sorted(deleted) == sorted([*(m for m in present if m != old_id), borrar_id])
    assert all(c.ok and c.params["chat_id"] == USER_ID for c in deletions)
    assert api.message_ids(USER_ID) == [old_id, notice.result["message_id"]]
    assert "Listo" in visible(notice) and not notice.buttons
    # the neutral notice deletes itself shortly after
    [gone] = await api.wait_for(
        "deleteMessage",
        mark=mark,
        where=lambda c: c.params["message_id"] == notice.result["message_id"],
    )
    assert gone.ok and api.message_ids(USER_ID) == [old_id]
    assert menu.ok


async def test_borrar_from_the_menu_forgets_the_context(app: Any, api: FakeBotAPI) -> None:
    await api.reply_to(api.text_message("¿Dónde hay un CEM en Chucuito?"))
    [menu] = await api.reply_to(api.text_message("/start"))
    mark = len(api.calls)
    api.push(api.callback(menu.result, "m:del"))
    [notice] = await api.wait_for("sendMessage", mark=mark)
    assert "Listo" in visible(notice)
    assert CONTEXT not in app.chat_data[USER_ID]
    await api.wait_for(
        "deleteMessage", where=lambda c: c.params["message_id"] == notice.result["message_id"]
    )
    assert api.message_ids(USER_ID) == []


async def test_borrar_in_a_group_deletes_nothing(app: Any, api: FakeBotAPI) -> None:
    [call] = await api.reply_to(api.text_message("/borrar", chat_id=GROUP_ID))
    assert call.params["chat_id"] == GROUP_ID
    await asyncio.sleep(0)
    assert not api.since(0, "deleteMessage")


async def test_other_media_in_private_gets_a_hint(app: Any, api: FakeBotAPI) -> None:
    update = api.text_message("x")
    message = update["message"]
    del message["text"]
    message["sticker"] = {
        "file_id": "f",
        "file_unique_id": "u",
        "width": 1,
        "height": 1,
        "is_animated": False,
        "is_video": False,
        "type": "regular",
    }
    [call] = await api.reply_to(update)
    assert "Línea 100" in visible(call)


async def test_practical_follow_ups_and_a_need(app: Any, api: FakeBotAPI) -> None:
    [first] = await api.reply_to(api.text_message("hay cem en ilave?"))
    assert "El Collao" in visible(first)
    [free] = await api.reply_to(api.text_message("y es gratis?"))
    assert visible(free).startswith("✅ CEM: sí, es gratuito.")
    [hours] = await api.reply_to(api.text_message("a que hora atiende?"))
    assert "CEM de Ilave: no tengo el horario" in visible(hours)
    assert "Línea 100" in visible(hours)
    [shelter] = await api.reply_to(api.text_message("hay casa refugio en puno?"))
    text = visible(shelter)
    assert text.index("Línea 100") < text.index("Hogar de Refugio Temporal")


async def test_more_information_button_gives_the_rest(app: Any, api: FakeBotAPI) -> None:
    [first] = await api.reply_to(api.text_message("¿Dónde hay un CEM?"))
    assert "20 CEM" in visible(first) and "Chucuito: 3 (" not in visible(first)
    more = dict(first.buttons)["Más información"]
    api.push(api.callback(first.result, more))
    [rest] = await api.wait_for("sendMessage")
    assert "Chucuito: 3 (1 CEM regular y 2 CEM en comisaría)" in visible(rest)


async def test_more_information_under_an_older_answer_is_that_answers(
    app: Any, api: FakeBotAPI
) -> None:
    [first] = await api.reply_to(api.text_message("¿Dónde hay un CEM?"))
    [second] = await api.reply_to(api.text_message("compara Puno y San Román"))
    assert dict(second.buttons)["Más información"] != dict(first.buttons)["Más información"]
    api.push(api.callback(first.result, dict(first.buttons)["Más información"]))
    [rest] = await api.wait_for("sendMessage")
    assert "Chucuito: 3 (1 CEM regular y 2 CEM en comisaría)" in visible(rest)
    assert "DEMUNA: Puno 15" not in visible(rest)


async def test_emergency_keeps_the_place_said_before(app: Any, api: FakeBotAPI) -> None:
    await api.reply_to(api.text_message("vivo en ilave"))
    [call] = await api.reply_to(api.text_message("anoche me golpeó"))
    text = visible(call)
    assert text.index("100") < text.index("El Collao")


async def test_a_button_under_an_older_answer_keeps_harm_told_since(
    app: Any, api: FakeBotAPI
) -> None:
    [first] = await api.reply_to(api.text_message("¿Dónde hay un CEM?"))
    [call] = await api.reply_to(api.text_message("mi pareja me pega y me amenaza con matarme"))
    assert visible(call).index("100") < visible(call).index("105")
    api.push(api.callback(first.result, dict(first.buttons)["Más información"]))
    [rest] = await api.wait_for("sendMessage")
    assert "100" in "\n".join(visible(rest).splitlines()[:3])
    [after] = await api.reply_to(api.text_message("¿a dónde voy?"))
    assert "100" in "\n".join(visible(after).splitlines()[:3])
