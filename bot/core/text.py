"""Normalisation of what people type: case, accents, punctuation, repeated letters, numbers."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from functools import lru_cache

import Stemmer  # PyStemmer: the Snowball stemmers, compiled

# each pattern begins with what it matches, not with a look behind, so that a search skips
# to the characters that can start a match: "(?<!\d)\d" written as "\d(?<!\d\d)"
_DIGIT_GROUPS = re.compile(r"(\d(?<!\d\d)\d{0,2})((?:[ .,\u00a0\u202f]\d{3})+)(?!\d)")
_WORD = re.compile(r"[a-z0-9+]+")
_REPEATS = re.compile(r"([a-z])\1{2,}")
_DOUBLED_END = re.compile(r"([aeiou])\1+\b")
_LETTER_DIGIT = re.compile(r"(?<=[a-z])(?=\d)|(?<=\d)(?=[a-z])")
# an apostrophe inside a word is part of it: Quechua and Aymara "wikch'uy", "yanapt'ita"
_APOSTROPHE = re.compile("['\u2019\u02bc`](?<=[a-z].)(?=[a-z])")


# Invisible characters inside words ("c\u200bem") are dropped; Cyrillic and Greek letters
# that look like Latin ones ("сем" typed on a Cyrillic keyboard layout) read as Latin.
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
# the combining marks (accents) left by NFKD decomposition
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_LOOKALIKES = str.maketrans("аеорсухкмтвніј" + "αεορτυικνμ", "aeopcyxkmtbhij" + "aeoptuikvm")
# a text is translated only when it has one of them: "¿" alone makes a text not ASCII
_LOOKALIKE = re.compile("[" + "".join(map(chr, _LOOKALIKES)) + "]")


def fold(text: str) -> str:
    """Lower case, no accents, "ñ" as "n", no invisible characters, look-alike letters as
    Latin: the form every comparison uses."""
    decomposed = unicodedata.normalize("NFKD", _INVISIBLE.sub("", text.casefold()))
    if decomposed.isascii():
        return decomposed
    plain = _COMBINING.sub("", decomposed)
    return plain.translate(_LOOKALIKES) if _LOOKALIKE.search(plain) else plain


def join_digit_groups(text: str) -> str:
    """ "4 551" and "222.395" become "4551" and "222395"."""
    return _DIGIT_GROUPS.sub(lambda m: m.group(1) + re.sub(r"\D", "", m.group(2)), text)


def tokens(text: str) -> list[str]:
    """The words of a text folded, without punctuation, not yet squeezed."""
    return _WORD.findall(_APOSTROPHE.sub("", join_digit_groups(fold(text))))


def _clean(text: str) -> str:  # not cached: people's messages are not kept once answered
    return " ".join(
        [_squeeze_known(w) if len(w) <= MAX_KNOWN_LEN else _squeeze(w) for w in tokens(text)]
    )


def _squeeze(word: str) -> str:
    """A word without its letters repeated for emphasis, its digits apart from its letters."""
    word = _REPEATS.sub(r"\1", word)
    word = _DOUBLED_END.sub(r"\1", word)
    return _LETTER_DIGIT.sub(" ", word)


MAX_KNOWN_LEN = 30  # longer words (4 096 "a") are squeezed each time, never kept
_squeeze_known = lru_cache(maxsize=16384)(_squeeze)  # words recur: each squeezed once


MAX_CHARS = 4096  # a message is read up to here (Telegram's own limit)


def normalize(
    text: str, abbreviations: Mapping[str, str] | None = None, *, limit: int | None = MAX_CHARS
) -> str:
    """Fold, drop punctuation, squeeze repeated letters and expand chat abbreviations (of the
    first ``limit`` characters)."""
    cleaned = _clean(text[:limit])
    if not abbreviations:
        return cleaned
    tokens = cleaned.split()
    return " ".join(map(abbreviations.get, tokens, tokens))


_PHONETIC = (
    (re.compile(r"qu(?=[ei])"), "k"),
    (re.compile(r"c(?=[ei])"), "s"),
    (re.compile(r"z"), "s"),
    (re.compile(r"c"), "k"),
    (re.compile(r"ll"), "y"),
    (re.compile(r"v"), "b"),
    (re.compile(r"w"), "u"),
    (re.compile(r"y(?![aeiou])"), "i"),
    (re.compile(r"(?<!c)h"), ""),
    (re.compile(r"([a-z])\1"), r"\1"),
)


def phonetic(word: str) -> str:
    """A key under which Spanish spellings that sound alike meet: "caye"/"calle",
    "ogar"/"hogar", "sien"/"cien", "keda"/"queda", "adopsion"/"adopcion"."""
    for pattern, replacement in _PHONETIC:
        word = pattern.sub(replacement, word)
    return word


_STEMMER = Stemmer.Stemmer("spanish")
# A pronoun attached to an infinitive or a gerund: "matarla", "pegándome", "golpearle".
# "te" and "se" are left out: "muerte" and "parte" are not verbs.
_ENCLITIC = re.compile(r"^([a-z]{2,}(?:ar|er|ir|ando|iendo))(me|le|les|lo|la|los|las|nos)$")


@lru_cache(maxsize=16384)
def stem(word: str) -> str:
    """The root under which a word's inflections meet (Snowball, Spanish):
    pega, pegó, pegaba, pegando -> "peg"; abusado, abusaron -> "abus".

    One final "e" more is dropped, because Snowball keeps it in some forms of a verb only
    (golpea -> "golpe", golpearon -> "golp"); "-cion" gets back the accent Snowball expects.
    """
    root: str = _STEMMER.stemWord(word[:-4] + "ción" if word.endswith("cion") else word)
    return root[:-1] if len(root) > 3 and root.endswith("e") else root


def split_clitics(words: list[str]) -> list[str]:
    """Attached pronouns stand before their verb, as when written apart:
    "quiere matarla" -> "quiere la matar", "pegandome" -> "me pegando"."""
    out: list[str] = []
    for word in words:
        match = _ENCLITIC.match(word) if len(word) > 5 else None
        if match:
            out += [match.group(2), match.group(1)]
        else:
            out.append(word)
    return out
