"""From a free Spanish message to a ``Query``: entities found in lexicons built from the
knowledge, then an intent chosen by explicit rules (danger always first)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.core.knowledge import Knowledge
from bot.core.model import Context, Intent
from bot.core.text import fold, normalize, phonetic

MAX_GAP = 2  # words allowed between the words of a danger or situation phrase
MIN_FUZZY_LEN = 5  # shorter words are never corrected by edit distance ("juli", "car"...)
MIN_PHONETIC_LEN = 4  # nor, below this, by sound

PLACE_WORDS = {
    "distrito": "district",
    "provincia": "province",
    "departamento": "department",
    "region": "department",
}
CORRECTED_NAMES = frozenset({"service", "province", "district"})
STRONG_CUES = frozenset({"locate", "stats", "referral", "overview"})
FIRST_PERSON = frozenset({"me", "mi", "nos", "estoy", "estamos", "yo", "ayudeme", "ayudame"})
# "¿cuántos CEM hay...?", "¿hay un CEM...?": a question about the sites of a service
SITE_QUESTION = frozenset({"cuantos", "hay", "existe", "existen"})
ARTICLES = frozenset({"un", "una", "unos", "unas", "algun", "alguna", "el", "la", "los", "las"})
CORRECTION_KINDS = frozenset(
    {"service", "province", "district", "department", "term", "situation", "danger", "indicator"}
)
_REPEATED_END = re.compile(r"([a-z])\1+\W*$")


@dataclass(frozen=True, slots=True)
class Phrase:
    kind: str
    key: str
    words: tuple[str, ...]
    gaps: Literal["", "light", "any"] = ""  # "light": only the lexicon's gap words between


@dataclass(frozen=True, slots=True)
class Hit:
    kind: str
    key: str
    start: int
    end: int
    fuzzy: bool = False


@dataclass(frozen=True, slots=True)
class Place:
    """One reading of a place name: a province, a district (ubigeo) or the department."""

    kind: str
    key: str
    name: str


@dataclass(frozen=True, slots=True)
class Query:
    """What a message asks, before any answer is composed."""

    text: str
    normalized: str
    intent: Intent
    services: tuple[str, ...] = ()
    place: Place | None = None
    alternatives: tuple[Place, ...] = ()
    other_places: tuple[Place, ...] = ()
    periods: tuple[str, ...] = ()
    indicators: tuple[str, ...] = ()
    situation: str | None = None
    terms: tuple[str, ...] = ()
    danger: bool = False
    out_of_scope: bool = False
    corrections: tuple[tuple[str, str, str], ...] = ()  # (as typed, kind, id) of typo'd names
    follow_up: bool = False
    confidence: float = 1.0

    @property
    def period(self) -> str | None:
        return self.periods[0] if self.periods else None


def _forms(word: str) -> tuple[str, ...]:
    """The word and its singular forms: "demunas" also reads as "demuna"."""
    if len(word) > 3 and word.endswith("es"):
        return (word, word[:-1], word[:-2])
    if len(word) > 3 and word.endswith("s"):
        return (word, word[:-1])
    return (word,)


def _word_matches(word: str, forms: tuple[str, ...], pattern: str) -> bool:
    """Whether a word (with its ``_forms``) matches a lexicon word or ``prefix*`` pattern."""
    if pattern.endswith("*"):
        return word.startswith(pattern[:-1])
    return pattern in forms


class Matcher:
    """Finds phrases in a list of words: contiguous, or with small gaps for cue phrases."""

    def __init__(self, phrases: Sequence[Phrase], light: frozenset[str] = frozenset()) -> None:
        self._light = light
        self._by_first: dict[str, list[Phrase]] = defaultdict(list)
        wild_first: list[Phrase] = []
        for phrase in phrases:
            if phrase.words[0].endswith("*"):
                wild_first.append(phrase)
            else:
                self._by_first[phrase.words[0]].append(phrase)
        # phrases that start with a prefix pattern, by the first letters every prefix has
        self._head = min((len(p.words[0]) - 1 for p in wild_first), default=1)
        self._wild_by_head: dict[str, list[Phrase]] = defaultdict(list)
        for phrase in wild_first:
            self._wild_by_head[phrase.words[0][: self._head]].append(phrase)

    def find(self, words: Sequence[str]) -> list[Hit]:
        forms = [_forms(w) for w in words]
        hits: list[Hit] = []
        for i, word in enumerate(words):
            candidates = [p for form in forms[i] for p in self._by_first.get(form, ())]
            wild = [
                p
                for p in self._wild_by_head.get(word[: self._head], ())
                if word.startswith(p.words[0][:-1])
            ]
            for phrase in (*candidates, *wild):
                end = self._match_rest(words, forms, i + 1, phrase)
                if end is not None:
                    hits.append(Hit(phrase.kind, phrase.key, i, end))
        return hits

    def _match_rest(
        self, words: Sequence[str], forms: Sequence[tuple[str, ...]], pos: int, phrase: Phrase
    ) -> int | None:
        for pattern in phrase.words[1:]:
            limit = min(len(words), pos + 1 + (MAX_GAP if phrase.gaps else 0))
            for j in range(pos, limit):
                if _word_matches(words[j], forms[j], pattern):
                    pos = j + 1
                    break
                if phrase.gaps == "light" and words[j] not in self._light:
                    return None
            else:
                return None
        return pos


class Understanding:
    """Lexicons built once from the knowledge; ``understand`` is then pure and fast."""

    def __init__(self, kb: Knowledge) -> None:
        self.kb = kb
        lex = kb.lexicon
        self.abbreviations = dict(lex.abbreviations)
        self.stopwords = frozenset(normalize(w) for w in lex.stopwords)
        self.shouted = frozenset(normalize(w) for w in lex.shouted)
        self.with_figures = frozenset(f.service for f in kb.figures)
        self.programmes = frozenset(
            s.programme for s in kb.services.values() if kb.glossary[s.programme].operation is None
        )
        entity_phrases = list(self._entity_phrases())
        cue_phrases = list(self._cue_phrases())
        self.entities = Matcher(entity_phrases)
        light = frozenset(normalize(w) for w in lex.gap_words)
        self.cues = Matcher(cue_phrases, light)
        known = {w for p in (*entity_phrases, *cue_phrases) for w in p.words} | light
        # Typos are corrected only towards names (services, places, terms, situations) and
        # danger words: correcting towards common question words does more harm than good.
        targets = {
            w
            for p in (*entity_phrases, *cue_phrases)
            if p.kind in CORRECTION_KINDS
            for w in p.words
            if len(w) >= MIN_FUZZY_LEN and not w.endswith("*") and not w.isdigit()
        }
        self.vocabulary = frozenset(known)
        self._prefixes = tuple(
            w[:-1] for p in (*entity_phrases, *cue_phrases) for w in p.words if w.endswith("*")
        )
        self._vocab_list = sorted(targets - self.stopwords)
        self._by_sound: dict[str, str] = {}
        for w in sorted(known | self.stopwords, key=lambda w: (len(w), w)):
            if not w.endswith("*") and w.isalpha():
                self._by_sound.setdefault(phonetic(w), w)
        self._corrections: dict[str, str | None] = {}

    # -- lexicons ------------------------------------------------------------------------

    def _phrase(
        self, kind: str, key: str, text: str, gaps: Literal["", "light", "any"] = ""
    ) -> Phrase | None:
        """A lexicon phrase; a word ending in ``*`` stays a prefix pattern."""
        words: list[str] = []
        for raw in text.split():
            star = "*" if raw.endswith("*") else ""
            words.extend(w + star for w in normalize(raw.rstrip("*"), self.abbreviations).split())
        return Phrase(kind, key, tuple(words), gaps) if words else None

    def _entity_phrases(self) -> Iterable[Phrase]:
        kb = self.kb
        raw: list[tuple[str, str, str]] = []
        for s in kb.services.values():
            for name in (s.name, s.acronym, *s.aliases):
                if name:
                    raw.append(("service", s.id, name))
        place_words = {
            w
            for d in kb.districts.values()
            for name in (d.name, d.capital)
            for w in normalize(name).split()
        }
        for cov in kb.coverage.values():
            for count in cov.counts:
                for site in count.sites:
                    # "PIAS Lago Titicaca" names the service; in "CEDIF Juli" the place is read
                    if not set(normalize(site.name).split()) & place_words:
                        raw.append(("service", cov.service, site.name))
        for t in kb.glossary.values():
            for name in (t.term, t.id.replace("_", " "), *t.aliases):
                raw.append(("service" if t.service else "term", t.service or t.id, name))
        for p in kb.provinces.values():
            for name in (p.name, *p.aliases):
                raw.append(("province", p.id, name))
        for d in kb.districts.values():
            for name in (d.name, d.capital, *d.aliases):
                raw.append(("district", d.ubigeo, name))
        dep = kb.department
        for name in (dep.name, *dep.aliases):
            raw.append(("department", dep.id, name))
        for sit in kb.situations.values():
            for name in sit.phrases:
                raw.append(("situation", sit.id, name))
        for period, names in kb.lexicon.periods.items():
            for name in names:
                raw.append(("period", period, name))
        seen: set[tuple[str, str, tuple[str, ...]]] = set()
        for kind, key, text in raw:
            phrase = self._phrase(kind, key, text, gaps="any" if kind == "situation" else "")
            if phrase and (kind, key, phrase.words) not in seen:
                seen.add((kind, key, phrase.words))
                yield phrase

    def _cue_phrases(self) -> Iterable[Phrase]:
        lex = self.kb.lexicon
        groups: list[tuple[str, str, Iterable[str]]] = [
            ("danger", "danger", lex.danger),
            ("danger", "severe", lex.severe),
            ("affiliation", "affiliation", lex.affiliation),
            ("greeting", "greeting", lex.greetings),
            ("greeting", "thanks", lex.thanks),
            ("greeting", "farewell", lex.farewells),
            ("oos", "oos", lex.out_of_scope),
        ]
        groups += [("cue", intent, cues) for intent, cues in lex.intent_cues.items()]
        groups += [("indicator", ident, names) for ident, names in lex.indicators.items()]
        groups += [("elsewhere", "elsewhere", lex.other_places), ("past", "past", lex.past)]
        groups += [("now", "now", lex.now)]
        for kind, key, texts in groups:
            for text in texts:
                phrase = self._phrase(kind, key, text, gaps="light" if kind == "danger" else "")
                if phrase:
                    yield phrase

    def _takes(self, situation: str) -> set[str]:
        """The services that take a situation, also those only mentioned with it."""
        sit = self.kb.situations[situation]
        return {*sit.services, *sit.also}

    # -- words ---------------------------------------------------------------------------

    def correct(self, word: str) -> str:
        """The vocabulary word a typo most likely meant, or the word itself."""
        if (
            len(word) < MIN_PHONETIC_LEN
            or any(form in self.vocabulary for form in _forms(word))
            or word + "s" in self.vocabulary  # a singular: the plural's phrase does not hold it
            or word + "es" in self.vocabulary
            or word in self.stopwords
            or not word.isalpha()
            or word.startswith(self._prefixes)
        ):
            return word
        if word not in self._corrections:
            if len(self._corrections) > 20000:
                self._corrections.clear()
            self._corrections[word] = self._closest(word)
        return self._corrections[word] or word

    def _closest(self, word: str) -> str | None:
        same_sound = self._by_sound.get(phonetic(word))
        if same_sound is not None or len(word) < MIN_FUZZY_LEN:
            return same_sound
        limit = 1 if len(word) <= 8 else 2
        best = process.extractOne(word, self._vocab_list, scorer=OSA.distance, score_cutoff=limit)
        return best[0] if best else None

    # -- the query -----------------------------------------------------------------------

    def understand(self, text: str, context: Context | None = None) -> Query:
        normalized = normalize(text, self.abbreviations)
        raw_words = normalized.split()
        words = [self.correct(w) for w in raw_words]
        fuzzy_at = {i for i, (a, b) in enumerate(zip(raw_words, words, strict=True)) if a != b}
        entity_hits = [
            Hit(h.kind, h.key, h.start, h.end, any(i in fuzzy_at for i in range(h.start, h.end)))
            for h in _select_spans(self.entities.find(words))
        ]
        corrections = tuple(
            (" ".join(raw_words[h.start : h.end]), h.kind, h.key)
            for h in entity_hits
            if h.fuzzy and h.kind in CORRECTED_NAMES
        )
        entity_hits, cue_hits = _settle_overlaps(entity_hits, self.cues.find(words))
        if self._shouted(text):
            cue_hits.append(Hit("danger", "shouted", 0, 0))
        explained = {i for h in (*entity_hits, *cue_hits) for i in range(h.start, h.end)}
        unexplained = [
            w
            for i, w in enumerate(words)
            if i not in explained and w not in self.stopwords and not w.isdigit()
        ]
        return self._decide(
            text, normalized, words, entity_hits, cue_hits, corrections, context, unexplained
        )

    def _shouted(self, text: str) -> bool:
        """A call for help written loudly: "ayudaaa", "AYUDA", "¡auxilio!"."""
        exclaimed = "!" in text or "¡" in text
        for raw in text.split():
            word = normalize(raw)
            if word in self.shouted and (
                exclaimed or raw.isupper() or _REPEATED_END.search(fold(raw))
            ):
                return True
        return False

    def _decide(
        self,
        text: str,
        normalized: str,
        words: list[str],
        entities: list[Hit],
        cues: list[Hit],
        corrections: tuple[tuple[str, str, str], ...],
        context: Context | None,
        unexplained: list[str],
    ) -> Query:
        kb = self.kb
        services = _unique(h.key for h in entities if h.kind == "service")
        own = _writers_services(entities, cues)
        terms = _unique(h.key for h in entities if h.kind == "term")
        periods = _unique(h.key for h in entities if h.kind == "period")
        situations = sorted(
            _unique(h.key for h in entities if h.kind == "situation"),
            key=lambda s: kb.situations[s].priority,
        )
        place, alternatives, other_places = self._place(entities, words)
        cue = {h.key for h in cues if h.kind == "cue"}
        greeting = {h.key for h in cues if h.kind == "greeting"}
        danger = any(h.kind == "danger" for h in cues)
        oos = any(h.kind in ("oos", "elsewhere") for h in cues)
        elsewhere = any(h.kind == "elsewhere" for h in cues)
        past = any(h.kind == "past" for h in cues)
        indicators = _unique(h.key for h in cues if h.kind == "indicator")
        programmes = [t for t in terms if t in self.programmes]
        asking = bool(cue & {"locate", "describe", "stats", "overview", "referral"})
        fuzzy = any(h.fuzzy for h in entities if h.kind == "service")
        situation = situations[0] if situations else None
        if own and (situation or set(services) - own):
            # "le escribo de la DEMUNA...": the writer's service is not what is asked about
            services = [s for s in services if s not in own]
        content_words = [w for w in words if w not in self.stopwords]
        weight = _cue_weights(cues)
        # the situation is only a term's name ("¿qué quiere decir PAM?")
        named_only = all(
            any(_overlaps(h, t) for t in entities if t.kind == "term")
            for h in entities
            if h.kind == "situation"
        )
        oos_words = _covered(cues, "oos")
        asked = sum(weight.values())
        asks_sites = _asks_sites(words, entities)
        if (
            not services
            and not (situations and not periods)
            and indicators
            and ("stats" in cue or periods or len(content_words) <= 4)
        ):
            services = [
                f.service for ident in indicators for f in kb.figures if f.indicator == ident
            ]
            services = _unique(services)

        follow_up = False
        if context is not None and not context.expired() and not danger:
            inherits = not services and not terms and not situation
            short = len(content_words) <= 4
            # "¿y el SAU?" after a question about the CEM: the same question, another service
            switches = (
                services
                and short
                and not (cue or terms or situation)
                and context.intent in ("locate", "stats", "describe")
            )
            if (
                inherits
                and short
                and (place or periods or "stats" in cue)
                and context.intent in ("locate", "stats", "overview", "referral", "describe")
            ) or switches:
                follow_up = True
                if not switches:
                    services = list(context.services)
                    situation = context.situation
                if place is None and context.province:
                    place = Place("province", context.province, kb.provinces[context.province].name)
                    if context.district is not None and context.district in kb.districts:
                        d = kb.districts[context.district]
                        place = Place("district", d.ubigeo, d.name)
                if not periods and context.period and ("stats" in cue or switches):
                    periods = [context.period]

        danger_words = {w for h in cues if h.kind == "danger" for w in words[h.start : h.end]}
        first_person = bool(danger_words & FIRST_PERSON) or any(
            h.key == "shouted" for h in cues if h.kind == "danger"
        )
        now = any(h.kind == "now" for h in cues)
        severe = any(h.kind == "danger" and h.key == "severe" for h in cues)
        helped_case = (
            not now
            and not (severe and not past)
            and (("referral" in cue and not first_person) or (past and asking))
        )
        if danger and helped_case and situation is None and not services:
            situation = kb.lexicon.danger_situation
        intent: Intent
        if danger and not helped_case:
            intent = "emergency"
        elif elsewhere and not place:
            intent = "unknown"
        elif follow_up and context is not None and context.intent is not None:
            intent = context.intent
            if "stats" in cue and services:
                intent = "stats"
            elif intent == "describe" and place:
                intent = "locate"
        elif oos and not (
            (situation and (cue or danger or _covered(entities, "situation") > oos_words))
            or (
                (services or terms)
                and (
                    (
                        not _next_to_a_name(cues, entities)
                        and (asks_sites or (cue & STRONG_CUES and asked >= oos_words))
                    )
                    or asked > oos_words
                )
            )
            or (place and "overview" in cue)
        ):
            intent = "unknown"
        elif services and asks_sites and not periods:
            intent = "locate"
        elif (
            services
            and ("stats" in cue or periods or indicators)
            and not ("locate" in cue and "stats" not in cue and not (indicators or periods))
            and not (weight["locate"] > weight["stats"] and not (periods or indicators))
            and not ("referral" in cue and "stats" not in cue and not periods)
            and not (
                weight["describe"] > weight["stats"] and not periods and "cuantos" not in words
            )
            and not ("referral" in cue and situation and not periods)
            and not ("describe" in cue and "stats" not in cue and not periods)
        ):
            intent = "stats"
        elif (
            "overview" in cue
            and not services
            and (place or not (situation or programmes))
            and not (situation and "referral" in cue)
        ):
            intent = "overview"
        elif place and not cue and not services and terms and set(terms) <= self.programmes:
            intent = "overview"  # "Carabaya MIMP": what the ministry has there
        elif terms and not services and (not situation or ("describe" in cue and named_only)):
            intent = "describe"
        elif (
            services
            and situation
            and not place
            and cue & {"describe", "overview"}
            and (not set(services) & self._takes(situation) or (past and "referral" not in cue))
        ):
            # "¿qué servicios tiene el CEDIF? mi mamá tiene 70 años, ¿puede ir?": the service
            # named does not take such a case; what it is and whom it serves answers that
            intent = "describe"
        elif situation and ("referral" in cue or danger or past):
            intent = "referral"
        elif services and weight["describe"] and weight["describe"] > weight["locate"]:
            intent = "describe"
        elif services and (place or "locate" in cue or "referral" in cue):
            intent = "locate"
        elif situation and not services and "locate" in cue:
            intent = "locate"
            services = list(kb.situations[situation].services)
        elif situation and not services:
            intent = "referral"
        elif services or terms:
            intent = "describe"
        elif (place or "overview" in cue) and len(unexplained) <= 1:
            intent = "overview"
        elif "help" in cue:
            intent = "help"
        elif greeting and (len(content_words) <= 3 or (not cue and len(unexplained) <= 3)):
            intent = "greeting"
        elif "stats" in cue and len(content_words) <= 3:
            intent = "stats"
        else:
            intent = "unknown"

        if intent == "referral" and situation:
            services = _unique([*services, *kb.situations[situation].services])
        if intent == "stats":  # the services the seed has figures for first
            services.sort(key=lambda s: s not in self.with_figures)
        if intent == "describe" and len(services) > 1:  # the one the question is next to first
            describing = [h for h in cues if h.kind == "cue" and h.key == "describe"]
            services.sort(key=lambda s: _distance(s, entities, describing))
        if intent == "describe" and terms:
            run_by_term = [s.id for t in terms for s in kb.services.values() if s.programme == t]
            services = _unique([*services, *run_by_term])
        confidence = 1.0
        if fuzzy:
            confidence -= 0.2
        if intent == "unknown":
            confidence = 0.9 if oos else 0.3
        return Query(
            text=text,
            normalized=normalized,
            intent=intent,
            services=tuple(services),
            place=place,
            alternatives=alternatives,
            other_places=other_places,
            periods=tuple(periods),
            indicators=tuple(indicators),
            situation=situation,
            terms=tuple(terms),
            danger=danger,
            out_of_scope=oos,
            corrections=corrections,
            follow_up=follow_up,
            confidence=max(0.0, confidence),
        )

    def _place(
        self, hits: list[Hit], words: Sequence[str]
    ) -> tuple[Place | None, tuple[Place, ...], tuple[Place, ...]]:
        """The reading taken for the first place named, the other readings of that name,
        and the first reading of every other place named ("en Puno y San Román")."""
        spans = sorted(
            {(h.start, h.end) for h in hits if h.kind in ("province", "district", "department")}
        )
        readings = [self._readings(hits, words, start, end) for start, end in spans]
        readings = [r for r in readings if r]
        if not readings:
            return None, (), ()
        first = readings[0]
        others = [r[0] for r in readings[1:] if r[0] != first[0]]
        # "Santa Rosa de Melgar", "Chucuito, Puno": the province named picks the district
        for other in others:
            if other.kind != "province":
                continue
            inside = [
                p
                for p in first
                if p.kind == "district" and self.kb.districts[p.key].province == other.key
            ]
            if inside:
                first = [inside[0], *(p for p in first if p != inside[0])]
                others.remove(other)
                break
        return first[0], tuple(first[1:]), tuple(others)

    def _readings(self, hits: list[Hit], words: Sequence[str], start: int, end: int) -> list[Place]:
        """Every reading of the place name at ``start:end``, the most likely first."""
        kb = self.kb
        here = [h for h in hits if (h.start, h.end) == (start, end)]
        options: list[Place] = [
            Place("province", h.key, kb.provinces[h.key].name) for h in here if h.kind == "province"
        ]
        for h in here:
            if h.kind != "district":
                continue
            d = kb.districts[h.key]
            capital_of_named_province = any(
                p.key == d.province and kb.provinces[p.key].capital_district == d.ubigeo
                for p in options
            )
            if not capital_of_named_province:
                options.append(Place("district", d.ubigeo, d.name))
        if any(h.kind == "department" for h in here):
            options.append(Place("department", kb.department.id, kb.department.name))
        before = words[start - 1] if start > 0 else ""
        if before == "de" and start > 1:
            before = words[start - 2]
        after = words[end] if end < len(words) else ""
        wanted = PLACE_WORDS.get(before) or PLACE_WORDS.get(after)
        options.sort(key=lambda p: p.kind != wanted)
        return options


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _cue_weights(cues: list[Hit]) -> dict[str, int]:
    """For each intent, how many words of the message its cues cover."""
    intents = {h.key for h in cues if h.kind == "cue"}
    return defaultdict(
        int, {key: _covered([h for h in cues if h.key == key], "cue") for key in intents}
    )


def _distance(service: str, entities: list[Hit], cues: list[Hit]) -> int:
    """Words between a mention of the service and the nearest of the cues."""
    return min(
        (_gap(h, c) for h in entities if h.kind == "service" and h.key == service for c in cues),
        default=len(entities) + 1000,
    )


def _next_to_a_name(cues: list[Hit], entities: list[Hit]) -> bool:
    """An out-of-scope word right next to a service or term ("alquilan car", "car wash")."""
    return any(
        _gap(o, e) <= 1
        for o in cues
        if o.kind == "oos"
        for e in entities
        if e.kind in ("service", "term")
    )


def _covered(hits: list[Hit], kind: str) -> int:
    """How many words of the message hits of this kind cover."""
    return len({i for h in hits if h.kind == kind for i in range(h.start, h.end)})


def _asks_sites(words: Sequence[str], entities: list[Hit]) -> bool:
    """A service named right after "cuántos", "hay", "existe" (articles between)."""
    for h in entities:
        if h.kind != "service":
            continue
        i = h.start - 1
        while i >= 0 and words[i] in ARTICLES:
            i -= 1
        if i >= 0 and words[i] in SITE_QUESTION:
            return True
    return False


def _writers_services(entities: list[Hit], cues: list[Hit]) -> set[str]:
    """Services named right after "le escribo de", "trabajo en" (one word between at most)."""
    ends = [h.end for h in cues if h.kind == "affiliation"]
    return {
        h.key
        for h in entities
        if h.kind == "service" and any(0 <= h.start - end <= 1 for end in ends)
    }


def _select_spans(hits: list[Hit]) -> list[Hit]:
    """Longest spans first, no overlaps; every reading of a chosen span is kept."""
    by_span: dict[tuple[int, int], list[Hit]] = defaultdict(list)
    for h in hits:
        by_span[(h.start, h.end)].append(h)
    taken: set[int] = set()
    chosen: list[Hit] = []
    for (start, end), group in sorted(
        by_span.items(), key=lambda kv: (kv[0][0] - kv[0][1], kv[0][0])
    ):
        if any(i in taken for i in range(start, end)):
            continue
        taken.update(range(start, end))
        chosen.extend(group)
    return sorted(chosen, key=lambda h: h.start)


def _overlaps(a: Hit, b: Hit) -> bool:
    return a.start < b.end and b.start < a.end


def _gap(a: Hit, b: Hit) -> int:
    """Words between two hits (0 when they touch or overlap)."""
    return max(a.start - b.end, b.start - a.end, 0)


def _settle_overlaps(entities: list[Hit], cues: list[Hit]) -> tuple[list[Hit], list[Hit]]:
    """Resolve words claimed both by a name and by a cue.

    A service or term name hides the danger and greeting words inside it ("Servicio de
    Atención Urgente", "Centro Emergencia Mujer"); a longer phrase hides a shorter one of
    another meaning ("cuánto cuesta" is not "cuántos", "cuánto gana" is out of scope), danger
    words excepted; an out-of-scope phrase longer than the name it contains wins over it
    ("car wash"), a shorter one loses ("pensión de alimentos").
    """
    names = [h for h in entities if h.kind in ("service", "term")]
    cues = [
        c
        for c in cues
        if c.kind == "danger"
        or not any(
            o.kind in ("cue", "oos", "greeting", "indicator")
            and (o.kind, o.key) != (c.kind, c.key)
            and _overlaps(c, o)
            and o.end - o.start > c.end - c.start
            for o in cues
        )
    ]
    kept_cues: list[Hit] = []
    dropped: set[Hit] = set()
    for cue in cues:
        if cue.kind in ("danger", "greeting") and any(_overlaps(cue, n) for n in names):
            continue
        if cue.kind == "oos":
            inside = [e for e in entities if _overlaps(cue, e)]
            longest = max((e.end - e.start for e in inside), default=0)
            if inside and longest >= cue.end - cue.start:
                continue
            dropped.update(inside)
        kept_cues.append(cue)
    return [e for e in entities if e not in dropped], kept_cues
