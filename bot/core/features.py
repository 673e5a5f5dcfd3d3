"""The features the statistical model reads: words, word pairs, pieces of words, and the
rule signals (names, places, cues, parts of harm), so that the model learns from both the
wording and what the knowledge recognised. Training (``train/train.py``) and the running
bot call the same function."""

from __future__ import annotations

from functools import lru_cache
from itertools import pairwise

from bot.core.classifier import FEATURE_VERSION, Classifier, Opinion
from bot.core.signals import Signals

# bump FEATURE_VERSION whenever ``features`` changes
__all__ = ["FEATURE_VERSION", "features", "opinion_of"]
MAX_WORDS = 120  # a long story is read up to here: enough to know what it asks, and fast
CHAR_SIZES = (3, 4)


def features(s: Signals) -> list[str]:
    """Every feature of a message, as strings; repeated ones count once."""
    words = s.words[:MAX_WORDS]
    out = _pairs(words)
    for word in dict.fromkeys(words):  # a repeated word adds no new feature
        out += _word_features(word)
    out += _signal_features(s)
    return list(dict.fromkeys(out))


def opinion_of(model: Classifier, s: Signals) -> Opinion:
    """``model.opinion(model.known(features(s)))``, with each word's known pieces kept from
    one message to the next."""
    words = s.words[:MAX_WORDS]
    known = model.known([*_pairs(words), *_signal_features(s)])
    for word in dict.fromkeys(words):
        known.update(_known_pieces(model, word))
    return model.opinion(known)


def _pairs(words: tuple[str, ...]) -> list[str]:
    return [f"b:{a}_{b}" for a, b in pairwise(words)]


@lru_cache(maxsize=8192)  # the indexes of the pieces the model knows of a word: ~100 bytes
def _known_pieces(model: Classifier, word: str) -> tuple[int, ...]:
    """The pieces of a word that the model knows."""
    return tuple(model.known(_word_features(word)))


def _word_features(word: str) -> tuple[str, ...]:
    """The word itself and its pieces of 3 and 4 letters ("<pe", "peg", "ega", "ga>"...)."""
    padded = f"<{word}>"
    pieces = [f"c:{padded[i : i + n]}" for n in CHAR_SIZES for i in range(len(padded) - n + 1)]
    return (f"w:{word}", *pieces)


def _signal_features(s: Signals) -> list[str]:
    harm = s.harm
    out = [f"s:service={x}" for x in s.services[:3]]
    out += [f"s:term={x}" for x in s.terms[:3]]
    out += [f"s:situation={x}" for x in s.situations[:2]]
    out += [f"s:cue={x}" for x in sorted(s.cues)]
    out += [f"s:greeting={x}" for x in sorted(s.greeting)]
    out += [f"s:act={x}" for x in harm.acts]
    out += [f"s:harm={x}" for x in sorted(harm.categories)]
    out += [f"s:victim={x}" for x in harm.victims]
    flags = {
        "service": bool(s.services),
        "term": bool(s.terms),
        "place": s.place is not None,
        "period": bool(s.periods),
        "indicator": bool(s.indicators),
        "situation": bool(s.situations),
        "asks_sites": s.asks_sites,
        "oos": bool(s.oos_words),
        "elsewhere": s.elsewhere,
        "affiliation": s.affiliation,
        "harm": harm.present,
        "harm_personal": harm.personal,
        "harm_first": harm.first_person,
        "harm_framed": harm.framed,
        f"harm_time={harm.time}": bool(harm.time),
        f"harm_level={harm.level}": bool(harm.level),
    }
    out += [f"s:{name}" for name, on in flags.items() if on]
    size = "short" if s.content_words <= 3 else "mid" if s.content_words <= 12 else "long"
    out.append(f"s:len={size}")
    return out
