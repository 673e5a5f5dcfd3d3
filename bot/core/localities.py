"""Places below the district: the centros poblados of the INEI list and the barrios people name
("vivo en la comunidad de Copani", "en Llavini"). Each is read as its district.

There are about nine thousand names, many of them also ordinary words ("Esperanza",
"Bellavista"), so a name counts only right after a word that announces a place ("en", "de",
"comunidad", "barrio"...; articles may stand between), or as a message's last words when none
of them is an ordinary word (a place signed at the end), and a name that is ordinary words
("centro", "posta", "club de madres": ``not_places`` in the lexicon) never counts; a
centro poblado named like a common word (``stopwords``) does not count either, a barrio does
(its name was written down because people use it: "Huajsapata").
Where several districts share a name, the one where it is a town (urban) comes first. The
index is a dictionary by first word, built in a few milliseconds; the typed words are
searched, not the corrected ones, so that a name is never "corrected" into something else."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from bot.core.knowledge import Locality
from bot.core.text import normalize


@dataclass(frozen=True, slots=True)
class LocalityHit:
    """A locality named at ``words[start:end]``, and every district that has that name."""

    name: str
    districts: tuple[str, ...]
    start: int
    end: int


_Named = tuple[str, tuple[str, ...]]  # a locality's name and every district that has it


class Localities:
    """The index of localities by the first word of their names."""

    # the arguments may be left out only by ``pickle``: compiled, the class is unpickled by
    # calling it without arguments, then ``__setstate__``
    def __init__(
        self,
        localities: Iterable[Locality] = (),
        markers: Iterable[str] = (),
        ordinary: Iterable[str] = (),
        articles: Iterable[str] = (),
        common: Iterable[str] = (),
    ) -> None:
        self.markers = frozenset(markers)
        self.articles = frozenset(articles)
        ordinary = frozenset(ordinary)
        common = frozenset(common)
        entries: dict[tuple[str, ...], tuple[str, dict[str, None]]] = {}
        # urban centros poblados and barrios first: a shared name is most likely the town
        for place in sorted(localities, key=lambda p: not (p.urban or p.barrio)):
            key = _words(place.name)
            said = " ".join(key)
            if key and said not in ordinary and (place.barrio or said not in common):
                _, districts = entries.setdefault(key, (place.name, {}))
                districts[place.district] = None
        # the names by their words, and the lengths of the names of each first word, longest
        # first
        self._names: dict[tuple[str, ...], _Named] = {}
        lengths: dict[str, set[int]] = defaultdict(set)
        for key, (name, districts) in entries.items():
            self._names[key] = name, tuple(districts)
            lengths[key[0]].add(len(key))
        self._lengths = {first: tuple(sorted(n, reverse=True)) for first, n in lengths.items()}

    # listed, not taken from ``__dict__``: compiled (``make native``) the class has none
    def __getstate__(self) -> tuple[object, ...]:
        return self.markers, self.articles, self._names, self._lengths

    def __setstate__(self, state: tuple[Any, ...]) -> None:
        self.markers, self.articles, self._names, self._lengths = state

    def find(self, words: Sequence[str], ordinary: Callable[[str], bool]) -> list[LocalityHit]:
        """The localities named after a place word, or as the message's last words when none
        of them is an ``ordinary`` word (a place signed at the end: "…no puedo salir,
        Jayllihuaya"; not "…me golpea cuando chupa"), the longest name at each place."""
        hits: list[LocalityHit] = []
        i = 0
        while i < len(words):
            named = words[i] in self._lengths
            hit = self._at(words, i) if named else None
            if hit is not None and not self._announced(words, i):
                signed = hit.end == len(words) and not any(map(ordinary, words[i : hit.end]))
                hit = hit if signed else None
            if hit is None:
                i += 1
            else:
                hits.append(hit)
                i = hit.end
        return hits

    def _at(self, words: Sequence[str], i: int) -> LocalityHit | None:
        for size in self._lengths[words[i]]:
            if i + size <= len(words) and (found := self._names.get(tuple(words[i : i + size]))):
                return LocalityHit(*found, i, i + size)
        return None

    def _announced(self, words: Sequence[str], i: int) -> bool:
        j = i - 1
        while j >= 0 and words[j] in self.articles:
            j -= 1
        return j >= 0 and words[j] in self.markers


def _words(name: str) -> tuple[str, ...]:
    lowered = name.lower()
    if lowered.isascii() and lowered.replace(" ", "").isalnum():
        return tuple(lowered.split())
    return tuple(normalize(name).split())
