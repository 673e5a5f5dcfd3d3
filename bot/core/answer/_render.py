"""Rendering helpers: HTML escaping, Spanish formatting, filling fixed texts, the ``Answer``.

An answer is written once as Telegram-safe HTML; its plain text is derived from it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from bot.core.knowledge import SuggestionText
from bot.core.model import Answer, Context, Intent, Suggestion

_TAG = re.compile(r"<[^>]+>")


class Html(str):
    """Text that is already HTML: ``esc`` and ``fill`` insert it as it is."""

    __slots__ = ()


def esc(value: object) -> Html:
    """``value`` as HTML text; ``Html`` is kept as it is."""
    if isinstance(value, Html):
        return value
    return Html(html.escape(str(value), quote=False))


def b(value: object) -> Html:
    return Html(f"<b>{esc(value)}</b>")


def fill(template: str, **values: object) -> Html:
    """An HTML text of ``responses.yaml`` with its {placeholders}, every value escaped."""
    return Html(template.format_map({k: esc(v) for k, v in values.items()}))


def fill_text(template: str, **values: object) -> str:
    """A plain text of ``responses.yaml`` (title, button, phrase) with its {placeholders}."""
    return template.format_map(values)


def plain(html_text: str) -> str:
    """The plain-text form of an answer's HTML."""
    return html.unescape(_TAG.sub("", html_text))


def number(n: int) -> str:
    """Spanish digit grouping as in the seed: 4 551, 222 395."""
    return f"{n:,}".replace(",", " ")


def join_es(items: Sequence[str]) -> str:
    """ "a, b y c"."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " y " + items[-1]


def unique(items: Iterable[str]) -> list[str]:
    """``items`` without repeats, in order."""
    return list(dict.fromkeys(items))


def make_answer(
    intent: Intent,
    lines: Iterable[str],
    *,
    services: Sequence[str] = (),
    province: str | None = None,
    district: str | None = None,
    title: str = "",
    suggestions: Sequence[Suggestion] = (),
    confidence: float = 1.0,
    context: Context | None = None,
) -> Answer:
    """An ``Answer`` of HTML ``lines`` (empty ones dropped); the context defaults to what it
    is about."""
    html_text = "\n".join(line for line in lines if line)
    return Answer(
        intent=intent,
        services=tuple(services),
        province=province,
        district=district,
        text=plain(html_text),
        html=html_text,
        title=title,
        suggestions=tuple(suggestions),
        confidence=confidence,
        context=context
        or Context(intent=intent, services=tuple(services), province=province, district=district),
    )


def suggest(button: SuggestionText, **values: object) -> Suggestion:
    """A suggestion button of ``responses.yaml`` with its {placeholders}."""
    return Suggestion(fill_text(button.label, **values), fill_text(button.query, **values))


def both(first: Answer, second: Answer) -> Answer:
    """The answers to the two parts of a question, in order, as one: a source line the two
    share is said once, at the end, and a line the first already said is not repeated ("En
    la provincia de Puno hay 2 CEM", the Línea 100's); buttons and context are the first
    part's."""
    lines, more = first.html.split("\n"), second.html.split("\n")
    if lines[-1] == more[-1]:
        lines.pop()
    said = {line for line in lines if line.strip()}
    more = [line for line in more if not line.strip() or line not in said]
    joined = "\n".join([*lines, "", *more])
    return replace(
        first,
        html=joined,
        text=plain(joined),
        services=tuple(unique([*first.services, *second.services])),
    )
