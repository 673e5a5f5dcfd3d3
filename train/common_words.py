"""Write ``knowledge/model/common_words.txt`` (``make train``): the common Spanish words (zipf
frequency at least ``MIN_ZIPF`` in wordfreq's Spanish list, about one in a million words or
more), normalised as the bot reads them. The typo corrector never "corrects" such a word into
a vocabulary word: "acusando" is not "abusando", "negar" is not "pegar", "no parecen" is not
"no aparecen". Same wordfreq version, same file."""

from __future__ import annotations

from importlib.metadata import version
from pathlib import Path

import wordfreq

from bot.core.common_words import COMMON_WORDS_FILE
from bot.core.knowledge import DEFAULT_KNOWLEDGE_DIR
from bot.core.lexicons import MIN_FUZZY_LEN
from bot.core.text import normalize

MIN_ZIPF = 3.0
LIST_SIZE = 200_000  # wordfreq's list is cut far below MIN_ZIPF


def common_words() -> list[str]:
    """The common words, normalised, sorted (shorter ones are never corrected by distance)."""
    found = set()
    for word in wordfreq.top_n_list("es", LIST_SIZE):
        if wordfreq.zipf_frequency(word, "es") < MIN_ZIPF:
            break
        form = normalize(word)
        if form.isalpha() and len(form) >= MIN_FUZZY_LEN:
            found.add(form)
    return sorted(found)


def main() -> None:
    words = common_words()
    header = (
        f"# Palabras comunes del castellano (wordfreq {version('wordfreq')}, zipf >= "
        f"{MIN_ZIPF}): el corrector de erratas no las cambia. Generado por "
        "train/common_words.py (make train); no lo edite a mano.\n"
    )
    path = Path(DEFAULT_KNOWLEDGE_DIR) / COMMON_WORDS_FILE
    path.write_text(header + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{path}: {len(words)} palabras")


if __name__ == "__main__":
    main()
