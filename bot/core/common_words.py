"""The common Spanish words that the typo corrector leaves as written
(``knowledge/model/common_words.txt``, written by ``train/common_words.py``), kept as sorted
CRC-32 fingerprints: 4 bytes a word instead of a set of strings (30 000 words, 120 KB instead
of 4 MB). Two words sharing a fingerprint only cost a typo left uncorrected."""

from __future__ import annotations

import zlib
from array import array
from bisect import bisect_left
from pathlib import Path

COMMON_WORDS_FILE = Path("model") / "common_words.txt"


def read_common_words(directory: Path) -> array[int]:
    """The fingerprints of the words in the knowledge's list (none when there is no list)."""
    path = directory / COMMON_WORDS_FILE
    if not path.is_file():
        return array("I")
    lines = path.read_text(encoding="utf-8").splitlines()
    return array("I", sorted({_fingerprint(w) for w in lines if w and not w.startswith("#")}))


def is_common(fingerprints: array[int], word: str) -> bool:
    """Whether ``word`` (normalised) is in the list."""
    key = _fingerprint(word)
    i = bisect_left(fingerprints, key)
    return i < len(fingerprints) and fingerprints[i] == key


def _fingerprint(word: str) -> int:
    return zlib.crc32(word.encode("utf-8"))
