"""Our Bot API server refuses what Telegram refuses; the bot copes with long answers and errors."""

from __future__ import annotations

from typing import Any

import pytest
from botapi import USER_ID, FakeBotAPI, parse_html, visible
from telegram.error import BadRequest

from bot.core.model import Answer, Suggestion
from bot.tg.common import ENGINE, LINEA_100, split_html


@pytest.mark.parametrize(
    "text",
    [
        "<b>abierto",
        "<b><i>cruzado</b></i>",
        "<div>no</div>",
        "a < b",
        "Tom & Jerry",
        "&nbsp;",
        "<br/>",
        '<span class="x">no</span>',
        "<a>sin href</a>",
        "</b>",
    ],
)
def test_bad_html_is_refused(text: str) -> None:
    with pytest.raises(Exception, match="can't parse entities"):
        parse_html(text)


def test_good_html_parses() -> None:
    text = (
        '<b>a</b> <strong>b</strong> <i>c</i> <a href="https://x.pe">d</a> '
        '<tg-spoiler>e</tg-spoiler> <span class="tg-spoiler">f</span> '
        "<blockquote>g</blockquote> <pre><code>h</code></pre> &lt;&gt;&amp;&quot; &#241;"
    )
    assert parse_html(text).endswith('<>&" ñ')


async def test_server_refusals_reach_the_bot(app: Any, api: FakeBotAPI) -> None:
    await api.reply_to(api.text_message("/start"))  # the chat exists now
    bot = app.bot
    with pytest.raises(BadRequest, match="too long"):
        await bot.send_message(USER_ID, "a" * 4097)
    with pytest.raises(BadRequest, match="parse entities"):
        await bot.send_message(USER_ID, "<b>x")
    sent = await bot.send_message(USER_ID, "<b>hola</b>")
    with pytest.raises(BadRequest, match="not modified"):
        await bot.edit_message_text("<b>hola</b>", USER_ID, sent.message_id)
    with pytest.raises(BadRequest, match="not found"):
        await bot.delete_message(USER_ID, 9999)
    assert await bot.send_message(USER_ID, "a" * 4096)


def test_split_html_keeps_pieces_valid() -> None:
    paragraph = "<b>Servicio</b>: " + "texto largo " * 30
    text = "\n\n".join(f"{paragraph} {n}" for n in range(40))
    pieces = split_html(text)
    assert len(pieces) > 1
    assert all(len(p) <= 4096 for p in pieces)
    for piece in pieces:
        parse_html(piece)
    assert "".join(pieces).replace("\n", "") == text.replace("\n", "")


async def test_a_long_answer_is_sent_in_valid_pieces(
    app: Any, api: FakeBotAPI, monkeypatch: pytest.MonkeyPatch
) -> None:
    long_html = "\n\n".join(f"<b>Párrafo {n}</b> " + "palabra " * 60 for n in range(30))
    answer = Answer(
        intent="overview",
        services=(),
        province=None,
        district=None,
        text="",
        html=long_html,
        suggestions=(Suggestion("Más", "cem puno"),),
    )
    monkeypatch.setattr(app.bot_data[ENGINE], "reply", lambda text, context=None: answer)
    api.push(api.text_message("todo"))
    calls = await api.wait_for("sendMessage", 2)
    api.push(api.text_message("/privacidad"))  # a sentinel: updates run in order
    await api.wait_for("sendMessage", mark=0, where=lambda c: "Privacidad" in c.text)
    pieces = [c for c in api.since(0, "sendMessage") if "Párrafo" in c.text]
    assert len(pieces) >= 2 and all(c.ok for c in pieces)
    assert not pieces[0].buttons and pieces[-1].callback_data == ["q:0"]
    assert calls[0].ok


async def test_an_error_is_logged_and_answered_with_linea_100(
    app: Any, api: FakeBotAPI, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(text: str, context: object = None) -> Answer:
        raise RuntimeError("boom")

    monkeypatch.setattr(app.bot_data[ENGINE], "reply", broken)
    secret = "texto privado de la persona"
    [call] = await api.reply_to(api.text_message(secret))
    assert visible(call) == visible_text(LINEA_100, call)
    assert secret not in caplog.text and str(USER_ID) not in caplog.text
    assert "RuntimeError" in caplog.text


def visible_text(fragment: str, call: Any) -> str:
    """The whole apology; it must contain the Línea 100 line."""
    assert fragment in call.text
    return visible(call)
