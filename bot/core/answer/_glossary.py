"""Glossary cards: the list of terms, and one term."""

from __future__ import annotations

from bot.core.answer._render import b, esc, fill, fill_text, make_answer
from bot.core.knowledge import Knowledge
from bot.core.model import Answer


def term_lines(kb: Knowledge, term_id: str) -> list[str]:
    """A term, its definition and its source."""
    t = kb.glossary[term_id]
    lines = [f"📖 {b(t.term)}: {esc(t.definition)}"]
    if t.source:
        lines.append(fill(kb.responses.sources.source, source=t.source))
    return lines


def glossary_list(kb: Knowledge) -> Answer:
    lines = [fill(kb.responses.chat.glossary), *(f"• {b(t.term)}" for t in kb.glossary.values())]
    return make_answer("describe", lines, title=fill_text(kb.responses.titles.glossary))


def term(kb: Knowledge, term_id: str) -> Answer:
    t = kb.glossary[term_id]
    services = (t.service,) if t.service else ()
    return make_answer("describe", term_lines(kb, term_id), services=services, title=t.term)
