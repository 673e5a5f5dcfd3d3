"""Property-based tests: any text up to 4096 characters gives a valid, safe answer."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from telegram_html import parse_html

from bot.core.engine import Engine
from bot.core.model import INTENTS, Context


def assert_safe(engine: Engine, text: str, context: Context | None = None) -> None:
    answer = engine.reply(text, context)
    assert answer.intent in INTENTS
    assert answer.text.strip()
    assert len(answer.html) < 4096
    shown = parse_html(answer.html)  # raises on anything Telegram would refuse
    assert shown == answer.text
    for service in answer.services:
        assert service in engine.kb.services


MARKUP = st.sampled_from(
    ["<b>", "</b>", "&", "&amp;", "<a href='x'>", "<script>", "<!--", "]]>", "<i>", "&#0;"]
)
WORDS = st.sampled_from(
    [
        "cem",
        "CEM",
        "Juliaca",
        "chucuito",
        "me pega",
        "ayudaaa",
        "línea 100",
        "2022",
        "¿y en",
        "santa rosa",
        "car",
        "cien",
        "4 551",
        "demuna",
        "?",
        "!!",
        "\u202e",
        "\x00",
        "🙏",
        "ñ",
    ]
)
MIXED = st.lists(st.one_of(WORDS, MARKUP, st.text(max_size=20)), max_size=30).map(" ".join)


@settings(max_examples=7000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(max_size=4096))
def test_any_unicode_text(engine: Engine, text: str) -> None:
    assert_safe(engine, text)


@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=MIXED)
def test_markup_and_known_words(engine: Engine, text: str) -> None:
    assert_safe(engine, text)
    assert_safe(engine, text, Context(intent="locate", services=("cem",), province="lampa"))


@settings(max_examples=200, deadline=None)
@given(
    text=st.one_of(
        st.text(alphabet="!?.,;:-_ ()[]{}", max_size=200),
        st.text(alphabet="0123456789 ", max_size=200),
        st.text(alphabet="aeiouxyzñ", min_size=500, max_size=4096),
    )
)
def test_degenerate_inputs(engine: Engine, text: str) -> None:
    assert_safe(engine, text)
