"""Inline mode (``@bot cem lampa`` in any chat): article results from the core."""

from __future__ import annotations

from telegram import (
    InlineQueryResultArticle,
    InlineQueryResultsButton,
    InputTextMessageContent,
    Update,
)
from telegram.constants import InlineQueryLimit, ParseMode

from bot.core.model import Answer
from bot.ops import hooks
from bot.tg.common import Ctx, engine, split_html
from bot.tg.keyboards import label

CACHE_SECONDS = 30
MAX_RESULTS = 5
OPEN_CHAT = "Abrir el chat con el bot"
START_PARAMETER = "inline"
TITLE = "Servicios MIMP {department}"  # an answer without title nor text (never expected)


def _article(number: int, answer: Answer, department: str) -> InlineQueryResultArticle:
    lines = [line.strip() for line in answer.text.splitlines() if line.strip()]
    title = answer.title or (lines[0] if lines else TITLE.format(department=department))
    rest = [line for line in lines if line != title]
    return InlineQueryResultArticle(
        id=str(number),
        title=label(title, 64),
        description=label(" ".join(rest), 120) if rest else None,
        input_message_content=InputTextMessageContent(
            split_html(answer.html)[0], parse_mode=ParseMode.HTML
        ),
    )


async def on_inline_query(update: Update, context: Ctx) -> None:
    """Answer an inline query; an empty one offers Línea 100 and the emergency card."""
    inline = update.inline_query
    if inline is None:
        return
    text = inline.query[: InlineQueryLimit.MAX_QUERY_LENGTH]
    core = engine(context)
    answers = core.inline_results(text, limit=MAX_RESULTS)
    department = core.kb.department.name
    await inline.answer(
        [_article(number, answer, department) for number, answer in enumerate(answers)],
        cache_time=CACHE_SECONDS,
        is_personal=True,
        button=InlineQueryResultsButton(text=OPEN_CHAT, start_parameter=START_PARAMETER),
    )
    if text.strip():
        hooks.answered(update, context, answers[0])
