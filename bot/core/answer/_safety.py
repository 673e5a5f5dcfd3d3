"""Safety first: which answers open with Línea 100, and how.

- An emergency answer is the emergency card: Línea 100, then the Police.
- Any other answer to a message about harm to a person (``Query.harm``: told by the phrases of
  harm.yaml, or suspected by the statistical model) opens with Línea 100 and a short line that
  believes the person; when the harm is happening now, with the emergency lines (Línea 100 and
  the Police); when only the model suspects harm, or an earlier turn of the conversation told
  of it, with the Línea 100 line alone. The card
  follows as it is, without a second Línea 100 line.
- Calm answers keep what their card says (the violence services and the unknown, greeting and
  help answers carry Línea 100; figures and other services name their source).
"""

from __future__ import annotations

from dataclasses import replace

from bot.core.answer._lines import contact_line, linea100_line, police_line
from bot.core.answer._render import plain
from bot.core.knowledge import Knowledge
from bot.core.model import Answer
from bot.core.query import Query

OPENING_LINES = 3
MENTAL_HEALTH = "salud_mental"  # contacts.yaml: the line for someone who thinks of dying


def safety_first(answer: Answer, query: Query, kb: Knowledge) -> Answer:
    """The answer with the safety lines first, for a message about harm to a person (texts
    in responses.yaml, ``emergency``); with the mental-health line when someone thinks of
    taking their life, and one line in English for a message in English."""
    harm = query.harm
    linea100 = linea100_line(kb)
    if "autolesion" in query.harm_kinds and MENTAL_HEALTH in kb.contacts:
        answer = _after(answer, linea100, contact_line(kb, MENTAL_HEALTH))
    texts = kb.responses.emergency
    if query.english and (harm or answer.intent == "emergency"):
        answer = _after(answer, linea100, texts.english)
    if (
        answer.intent == "emergency"
        or not harm
        or (harm == "earlier" and _opens_with(answer, linea100))
    ):
        return answer
    if harm == "now":
        lines = [texts.heading, linea100, police_line(kb)]
    elif harm in ("suspected", "earlier"):  # the model's guess, or an earlier turn: the line
        lines = [linea100]
    else:
        care = texts.care_past if harm == "past" else texts.care_ongoing
        lines = [linea100, texts.care_other if query.for_someone else care]
    body = [line for line in answer.html.split("\n") if line not in lines]
    html = "\n".join([*lines, "", *body])
    return replace(answer, html=html, text=plain(html))


def _opens_with(answer: Answer, line: str) -> bool:
    """Whether one of the first lines of the answer carries ``line`` ("gracias": the
    greeting already offers Línea 100)."""
    return any(line in first for first in answer.html.split("\n")[:OPENING_LINES])


def _after(answer: Answer, line: str, extra: str) -> Answer:
    """The answer with ``extra`` right after ``line`` (or first, when ``line`` is not in it)."""
    lines = answer.html.split("\n")
    at = lines.index(line) + 1 if line in lines else 0
    html = "\n".join([*lines[:at], extra, *lines[at:]])
    return replace(answer, html=html, text=plain(html))
