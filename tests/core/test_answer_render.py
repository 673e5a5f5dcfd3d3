"""Rendering helpers of the answers: escaping, Spanish formatting, fixed texts, ``Answer``."""

from __future__ import annotations

import pytest

from bot.core.answer._render import (
    Html,
    b,
    esc,
    fill,
    fill_text,
    join_es,
    make_answer,
    number,
    plain,
    suggest,
    unique,
)
from bot.core.knowledge import SuggestionText
from bot.core.model import Context, Suggestion


def test_esc_escapes_markup_but_not_quotes() -> None:
    assert esc("<b>A & B</b> \"c\" 'd'") == "&lt;b&gt;A &amp; B&lt;/b&gt; \"c\" 'd'"
    assert esc(4551) == "4551"


def test_esc_keeps_html_as_it_is() -> None:
    done = esc("a & b")
    assert isinstance(done, Html)
    assert esc(done) == "a &amp; b"  # never escaped twice
    assert esc(Html("<i>x</i>")) == "<i>x</i>"


def test_bold() -> None:
    assert b("CEM & DEMUNA") == "<b>CEM &amp; DEMUNA</b>"


def test_fill_escapes_values_and_keeps_the_template_markup() -> None:
    text = fill("<b>{name}</b>: {n}{extra}", name="A<B", n=3, extra=Html(" <i>ok</i>"))
    assert text == "<b>A&lt;B</b>: 3 <i>ok</i>"
    assert isinstance(text, Html)
    assert fill("{{literal}} {x}", x="&") == "{literal} &amp;"


def test_fill_text_is_plain() -> None:
    assert fill_text("Servicios en {place}", place="A & B") == "Servicios en A & B"


def test_plain_drops_tags_and_unescapes() -> None:
    assert plain("<b>A &amp; B</b> &lt;3 <i>x</i>") == "A & B <3 x"


@pytest.mark.parametrize(
    ("n", "text"),
    [(0, "0"), (999, "999"), (4551, "4 551"), (222395, "222 395"), (10**6, "1 000 000")],
)
def test_number_groups_digits_with_spaces(n: int, text: str) -> None:
    assert number(n) == text


@pytest.mark.parametrize(
    ("items", "text"),
    [([], ""), (["a"], "a"), (["a", "b"], "a y b"), (["a", "b", "c"], "a, b y c")],
)
def test_join_es(items: list[str], text: str) -> None:
    assert join_es(items) == text


def test_unique_keeps_the_first_order() -> None:
    assert unique(["b", "a", "b", "c", "a"]) == ["b", "a", "c"]


def test_suggest_fills_label_and_query_without_escaping() -> None:
    button = SuggestionText(label="¿Qué es {service}?", query="qué es {service}")
    assert suggest(button, service="A&B") == Suggestion("¿Qué es A&B?", "qué es A&B")


def test_make_answer_drops_empty_lines_and_derives_text_and_context() -> None:
    answer = make_answer(
        "locate", ["<b>Uno</b> &amp; dos", "", "tres"], services=["cem"], province="lampa"
    )
    assert answer.html == "<b>Uno</b> &amp; dos\ntres"
    assert answer.text == "Uno & dos\ntres"
    assert answer.services == ("cem",)
    assert answer.context.intent == "locate"
    assert answer.context.services == ("cem",)
    assert answer.context.province == "lampa"


def test_make_answer_keeps_a_given_context() -> None:
    assert (
        make_answer("unknown", ["x"], province="puno", context=Context()).context.province is None
    )
