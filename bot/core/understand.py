"""From a free Spanish message to a ``Query``: normalise and correct the words, read the
signals (names, places, cues, harm), ask the statistical model for a second opinion, then
decide (``decide.py``)."""

from __future__ import annotations

import re
from typing import TypeVar

from bot.core.classifier import Opinion
from bot.core.decide import decide
from bot.core.features import opinion_of
from bot.core.knowledge import Knowledge
from bot.core.lexicons import Lexicons
from bot.core.model import Context
from bot.core.practical import practical
from bot.core.query import Query
from bot.core.signals import Signals, read_signals
from bot.core.text import MAX_CHARS, tokens

T = TypeVar("T")


class Understanding:
    """Lexicons built once from the knowledge; ``understand`` is then pure and fast."""

    def __init__(self, kb: Knowledge) -> None:
        self.kb = kb
        self.lexicons = Lexicons(kb)

    def read(self, text: str) -> Signals:
        """The signals of a message, before any decision."""
        lex = self.lexicons
        normalized, every_word, ids, questions = _words_and_sentences(lex, text)
        raw_words, word_ids = lex.rejoin(_bounded(every_word), _bounded(ids))
        words = [lex.correct(w) for w in raw_words]
        sentences = (word_ids, questions)
        return read_signals(lex, text, normalized, raw_words, words, sentences)

    def opinion(self, signals: Signals) -> Opinion | None:
        """The statistical model's opinion, when the knowledge ships a model."""
        model = self.kb.model
        return opinion_of(model, signals) if model is not None else None

    def understand(self, text: str, context: Context | None = None) -> Query:
        signals = self.read(text)
        query = decide(signals, self.kb, context, self.opinion(signals))
        return practical(query, signals, self.kb, context)


HEAD_WORDS, TAIL_WORDS = 160, 60
# a sentence ends at ".", "!" or "?" followed by a space, at a line break, or before "¿"
# (the look behind comes after the first space: a search then skips to the spaces)
_SENTENCE_END = re.compile(r"\s(?<=[.!?]\s)\s*|\n+|(?=¿)")
SENTENCE_MARK = "qxfinq"  # a word normalisation keeps as it is, between two sentences


def _words_and_sentences(
    lex: Lexicons, text: str
) -> tuple[str, list[str], list[int], frozenset[int]]:
    """A message normalised (its emoji read as words), its words with their pronouns apart,
    the sentence of each word, and the sentences written as questions ("...?", "¿..."):
    which question a practical topic is asked in. The sentences are joined by a word of
    their own, so that the message is normalised once."""
    pieces = _SENTENCE_END.split(lex.spelled_as_words(lex.emoji_as_words(text)[:MAX_CHARS]))
    questions = frozenset(
        i for i, p in enumerate(pieces) if p.strip().endswith("?") or p.strip().startswith("¿")
    )
    said: list[str] = []
    words: list[str] = []
    ids: list[int] = []
    sentence = 0
    for token in tokens(f" {SENTENCE_MARK} ".join(pieces)):
        normal, apart = lex.token_words(token)
        said += normal
        for word in apart:
            if word == SENTENCE_MARK:
                sentence += 1
            else:
                words.append(word)
                ids.append(sentence)
    normalized = " ".join(w for w in said if w != SENTENCE_MARK)
    return normalized, words, ids, questions


def _bounded(words: list[T]) -> list[T]:
    """A very long message is read by its beginning and its end (220 words, about 1 300
    characters: a long story's case and its question), so that no message costs more than a
    few milliseconds."""
    if len(words) <= HEAD_WORDS + TAIL_WORDS:
        return words
    return words[:HEAD_WORDS] + words[-TAIL_WORDS:]
