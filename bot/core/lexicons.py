"""The lexicons built once from the knowledge: matchers for names, cue words and harm, and
the vocabulary that typos are corrected towards."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from bot.core.common_words import is_common
from bot.core.knowledge import Knowledge
from bot.core.localities import Localities
from bot.core.matcher import ANY, NUMBER, Entry, Matcher, forms
from bot.core.templates import Choice, Item, Pattern, expand, parse
from bot.core.text import MAX_KNOWN_LEN, normalize, phonetic, split_clitics, stem

MIN_FUZZY_LEN = 5  # shorter words are never corrected by edit distance ("juli", "car"...)
MIN_PHONETIC_LEN = 4  # nor, below this, by sound
MAX_CORRECTIONS_CACHED = 20000
MIN_JOINED = 6  # a split word is joined again only into a word this long
MIN_PIECE = 3  # the unknown piece of a misheard name: "se DIF" (not "ps", "sa")
MIN_PLACE_JOINED = 8  # two words the bot knows, only into a place's name this long
NAME_JOIN_KINDS = frozenset({"service", "term", "province", "district"})
# three or more letters, each alone between spaces: "c e m"
_SPELLED = re.compile(r"(?<!\S)(?:[^\W\d_] ){2,}[^\W\d_](?!\S)")
# digits written for letters, inside a word or after its letters ("p3g4", "y0"); not a word's
# leading digits ("4to", "2do": ordinals and measures)
_LEET = re.compile(r"[^\W\d_]+[0134579][\w]*|[0134579]+[^\W\d_]*[0134579][\w]*", re.IGNORECASE)
_LEET_LETTERS = str.maketrans("0134579", "oieasgt")
MAX_TOKENS_CACHED = 20000  # a message's tokens whose words are kept (``token_words``)
# Typos are corrected only towards names (services, places, terms, situations) and harm
# words: correcting towards common question words does more harm than good.
CORRECTION_KINDS = frozenset(
    {"service", "province", "district", "department", "term", "situation", "act", "indicator"}
)


def _normalized(words: Iterable[str]) -> frozenset[str]:
    """Words of the knowledge, normalised as the words of a message are."""
    return frozenset(normalize(w) for w in words)


def _phrases(templates: Iterable[str], rules: Mapping[str, str]) -> frozenset[tuple[str, ...]]:
    """Phrases of the knowledge as word tuples, normalised ("y a" -> ("y", "a")), each
    template expanded ("(escribo|consulto) por mi (papa|mama)": four phrases)."""
    return frozenset(tuple(normalize(p).split()) for t in templates for p in expand(t, rules))


def _by_first(phrases: Iterable[tuple[str, ...]]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Phrases as word tuples by their first word: a message's words find theirs at once."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for p in sorted(phrases):
        index.setdefault(p[0], []).append(p)
    return {first: tuple(ps) for first, ps in index.items()}


class Lexicons:
    """Matchers over the knowledge's phrases, and the typo corrector."""

    def __init__(self, kb: Knowledge) -> None:
        self.kb = kb
        lex = kb.lexicon
        self.abbreviations = dict(lex.abbreviations)
        self.emoji = dict(lex.emoji)
        one = "|".join(re.escape(e) for e in sorted(self.emoji, key=len, reverse=True))
        self._emoji_one = re.compile(one) if one else None
        self._emoji_run = re.compile(rf"(?:{one})(?:\s*(?:{one}))*") if one else None
        self.stopwords = _normalized(lex.stopwords)
        self.shouted = _normalized(lex.shouted)
        self.shouted_heads = frozenset(w[:3] for w in self.shouted)  # "ayu", "aux", "soc"
        self.light = _normalized(lex.gap_words)
        self.english = _normalized(lex.english_words)
        self._normal: dict[str, tuple[str, ...]] = {}
        names = list(self._name_entries())
        # with the phrases of a situation that count only beside harm told ("¿dónde
        # denuncio?"), of kind "case_situation": one pass for both
        situations = [*self._situation_entries(), *self._situation_entries(case=True)]
        cues = list(self._cue_entries())
        harm = list(self._harm_entries())
        marks = list(self._mark_entries())
        # words as written, no gaps: names, cues, time and other marks, practical topics
        self.plain = Matcher([*names, *cues, *marks, *self._topic_entries()])
        self.situations = Matcher(situations, gaps="any")
        self.harm = Matcher(harm, by_root=True, gaps="light", light=self.light)
        markers = [w for m in lex.place_markers for w in [" ".join(normalize(m).split())]]
        # ordinary words, and places outside the department (Sicuani is also a centro poblado)
        ordinary = [normalize(w) for w in [*lex.not_places, *lex.other_places]]
        grammar = lex.grammar
        rules = lex.expansion_rules
        self.articles = _normalized(grammar.articles)
        self.mine = _normalized(grammar.mine)
        self.particular = _normalized(grammar.particular)
        self.whose = _normalized(grammar.whose)
        self.story_links = _normalized(grammar.story_links)
        self.story_breaks = _normalized(grammar.story_breaks)
        self.reasons = _phrases(grammar.reasons, rules)
        self.closer_blockers = _normalized(grammar.closer_blockers)
        self.story_turns = _normalized(grammar.story_turns)
        self.story_quotes = _normalized(grammar.story_quotes)
        self.roads = _normalized(grammar.roads)
        self.institutions = _phrases(grammar.institutions, rules)
        self.weak_places = _normalized(grammar.weak_places)
        self.elsewhere_links = _normalized(grammar.elsewhere_links)
        self.elsewhere_sides = _normalized(grammar.elsewhere_sides)
        self.service_to_elsewhere = _normalized(grammar.service_to_elsewhere)
        self.elsewhere_to_service = _normalized(grammar.elsewhere_to_service)
        self.asked_in = _phrases(grammar.elsewhere_asked_in, rules)
        self.link_words = max(
            (len(w.split()) for w in (*self.service_to_elsewhere, *self.elsewhere_to_service)),
            default=0,
        )
        self.arrivals = _normalized(grammar.arrivals)
        self.not_elsewhere = _normalized(grammar.not_elsewhere)
        self.not_amending = _normalized(grammar.not_amending)
        self.routes = _normalized(grammar.routes)
        self.same_place = _phrases(grammar.same_place, rules)
        self.not_this_place = _phrases(grammar.not_this_place, rules)
        self.singular = self.particular | self.whose
        self.particular_endings = tuple(_normalized(grammar.particular_endings))
        self.counted = _normalized(grammar.counted)
        # the words between "a" and the person it names as the object: "a sus 3 hijitos"
        self.determiners = self.articles | self.mine | self.singular | self.counted
        self.site_questions = _normalized(grammar.site_questions)
        self.also_objects = _phrases(grammar.also_objects, rules)
        self.person_place = _normalized(grammar.person_place)
        self.place_levels = {normalize(w): level for w, level in grammar.place_levels.items()}
        self.which = _normalized(grammar.which)
        self.level_above = dict(grammar.level_above)
        self.origins = _phrases(grammar.origins, rules)
        # said anywhere in a message (signals ``_said_at``): by first word
        self.left_behind = _by_first(_phrases(grammar.left_behind, rules))
        self.there = _by_first(_phrases(grammar.there, rules))
        self.behalf = _by_first(_phrases(grammar.behalf, rules))
        self.left_behind_not = _normalized(grammar.left_behind_not)
        definite = [normalize(w) for w in grammar.definite]
        self.localities = Localities(kb.localities, markers, ordinary, definite, self.stopwords)
        self.place_markers = frozenset(markers)
        self.word_places = _normalized(lex.word_places)
        # those written with their eñe ("muñani", "mañazo"), so no common word ("munani"): each
        # as written, lowercase, with the name it is read as
        self.spelled_places = {
            d.name.lower(): normalize(d.name)
            for d in kb.districts.values()
            if normalize(d.name) in self.word_places and normalize(d.name) != d.name.lower()
        }
        self.noun_places = _normalized(lex.noun_places)
        self.noun_markers = _normalized(lex.noun_markers)
        self.noun_place_markers = _normalized(lex.noun_place_markers)
        self.not_signed = _normalized(lex.not_signed)
        self.follow_openers = _normalized(lex.follow_openers)
        self.place_suffixes = tuple(normalize(s) for s in lex.place_suffixes)
        self.place_names = frozenset(
            normalize(name)
            for name in [
                *(p.name for p in kb.provinces.values()),
                *(d.name for d in kb.districts.values()),
            ]
        )
        self.negations = _normalized(kb.harm.negations)
        # the practical topics that ask where a service is ("dirección", "cómo llego")
        self.where_topics = frozenset(t.id for t in kb.practical.topics if t.where)
        self.act_category = {a.id: a.category for a in kb.harm.acts}
        self.act_level = {a.id: a.level for a in kb.harm.acts}
        self.joke_categories = frozenset(kb.harm.jokes.categories if kb.harm.jokes else ())
        self.lasting = frozenset(a.id for a in kb.harm.acts if a.lasting)
        self.bare_now = _normalized(kb.harm.bare_now)
        self.still_denials = _normalized(kb.harm.still_denials)
        self.act_victims = {a.id: frozenset(a.only_for) for a in kb.harm.acts if a.only_for}
        matchers = (self.plain, self.situations, self.harm)
        self.vocabulary = frozenset(w for m in matchers for w in m.words if w != ANY) | self.light
        self._prefixes = tuple(w[:-1] for w in self.vocabulary if w.endswith("*"))
        self.vocabulary |= {w[1:] for w in self.vocabulary if w.startswith("=")}
        targets = {
            w
            for e in (*names, *situations, *harm)
            if e.kind in CORRECTION_KINDS
            for w in words_of(e.pattern)
            if len(w) >= MIN_FUZZY_LEN and not w.endswith("*") and not w.isdigit()
        }
        self._vocab_list = sorted(targets - self.stopwords - self._andean_only())
        # the words a dictated message may split in two ("huan cane", "a menazo")
        self._joinable = frozenset(
            w for w in (*self.vocabulary, *self.place_names) if len(w) >= MIN_JOINED and w.isalpha()
        )
        # the one-word names of services, terms and places a dictated split may stand for,
        # even short or misheard ("se dif": CEDIF, "juan cane": Huancané, "sa u": SAU)
        self._name_words = frozenset(
            e.pattern[0]
            for e in names
            if e.kind in NAME_JOIN_KINDS
            and len(e.pattern) == 1
            and isinstance(e.pattern[0], str)
            and len(e.pattern[0]) >= MIN_PIECE
            and e.pattern[0].isalpha()
        )
        self._by_sound: dict[str, str] = {}
        for w in sorted(self.vocabulary | self.stopwords, key=lambda w: (len(w), w)):
            if not w.endswith("*") and w.isalpha():
                self._by_sound.setdefault(phonetic(w), w)
        # a word with the root of a harm word is never "corrected" into another word
        self._harm_roots = frozenset(stem(w) for w in self.harm.words if len(w) > 3)
        self._corrections: dict[str, str] = {}
        self._misheard: dict[str, bool] = {}
        self._name_list = sorted(self._name_words)
        self._tokens: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
        self._ordinary_words = self.vocabulary | self.not_signed | self.stopwords

    # the corrections and tokens hold words of messages: never kept on disk; the phrases'
    # words (``_normal``) serve only to build the matchers, which hold them
    def __getstate__(self) -> dict[str, object]:
        return {**self.__dict__, "_corrections": {}, "_misheard": {}, "_tokens": {}, "_normal": {}}

    def emoji_as_words(self, text: str) -> str:
        """The emoji of lexicon.yaml read as their words ("😢" is "llanto"); a run of them
        ("😢😢😢") is read as each word once."""
        if self._emoji_run is None or self._emoji_one is None or text.isascii():
            return text
        one = self._emoji_one

        def words(run: re.Match[str]) -> str:
            return " " + " ".join(dict.fromkeys(self.emoji[e] for e in one.findall(run[0]))) + " "

        return self._emoji_run.sub(words, text)

    def token_words(self, token: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """A token of a message (``text.tokens``) as its normalised words, and as those words
        with their pronouns apart (kept per token, but for very long ones)."""
        found = self._tokens.get(token)
        if found is None:
            said = self._unleet(token) or normalize(token, self.abbreviations, limit=None).split()
            found = (tuple(said), tuple(split_clitics(said)))
            if len(token) <= MAX_KNOWN_LEN:
                if len(self._tokens) > MAX_TOKENS_CACHED:
                    self._tokens.clear()
                self._tokens[token] = found
        return found

    def _unleet(self, token: str) -> list[str] | None:
        """A word written with digits for letters ("p3g4", "mied0", "53rv1c10s": pega, miedo,
        servicios), as its words when they are all words the bot knows; not an ordinal or a
        measure ("4to", "24h", "mi60")."""
        if token.isalpha() or token.isdigit() or not _LEET.fullmatch(token):
            return None
        said = normalize(token.translate(_LEET_LETTERS), self.abbreviations).split()
        return said if said and all(self._known(w) for w in said) else None

    # -- entries ---------------------------------------------------------------------------

    def normal_word(self, word: str) -> tuple[str, ...]:
        """A lexicon word normalised like a message's words ("matarla" is "la matar"); a
        word ending in ``*`` stays a prefix, ``*`` alone stands for any word, ``#`` for any
        number."""
        if word not in self._normal:
            if word in (NUMBER, ANY):
                words = [word]
            elif word.endswith("*"):
                words = [w + "*" for w in normalize(word[:-1]).split()[-1:]]
            elif word.startswith("="):
                words = ["=" + w for w in normalize(word[1:]).split()]
            else:
                words = split_clitics(normalize(word, self.abbreviations).split())
            self._normal[word] = tuple(words)
        return self._normal[word]

    def pattern(self, text: str, template: bool = True) -> Pattern:
        """A lexicon phrase as a pattern of normalised words (names are not templates)."""
        parsed = self.kb.templates.get(text) if template else None
        if parsed is None:
            parsed = parse(text) if template else tuple(text.split())
        return self._normalised(parsed)

    def _normalised(self, pattern: Pattern) -> Pattern:
        items: list[Item] = []
        for item in pattern:
            if isinstance(item, Choice):
                items.append(Choice(tuple(self._normalised(o) for o in item.options)))
            else:
                items.extend(self.normal_word(item))
        return tuple(items)

    def _entries(self, raw: Iterable[tuple[str, str, str]], template: bool) -> Iterable[Entry]:
        seen: set[Entry] = set()
        for kind, key, text in raw:
            entry = Entry(kind, key, self.pattern(text, template))
            if entry.pattern and entry not in seen:
                seen.add(entry)
                yield entry

    def _name_entries(self) -> Iterable[Entry]:
        kb = self.kb
        raw: list[tuple[str, str, str]] = []
        for s in kb.services.values():
            raw += [("service", s.id, name) for name in (s.name, s.acronym, *s.aliases) if name]
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
            raw += [("province", p.id, name) for name in (p.name, *p.aliases)]
        for d in kb.districts.values():
            raw += [("district", d.ubigeo, name) for name in (d.name, d.capital, *d.aliases)]
        dep = kb.department
        raw += [("department", dep.id, name) for name in (dep.name, *dep.aliases)]
        names = list(self._entries(raw, template=False))
        periods = [
            ("period", period, name)
            for period, texts in kb.lexicon.periods.items()
            for name in texts
        ]
        return [*names, *self._entries(periods, template=True)]

    def _situation_entries(self, *, case: bool = False) -> Iterable[Entry]:
        return self._entries(
            (
                ("case_situation" if case else "situation", sit.id, name)
                for sit in self.kb.situations.values()
                for name in (sit.case_phrases if case else sit.phrases)
            ),
            template=True,
        )

    def _topic_entries(self) -> Iterable[Entry]:
        """The practical questions of practical.yaml ("¿es gratis?", "¿hablan aimara?"), and
        those about the bot itself ("¿quién lee esto?")."""
        practical = self.kb.practical
        topics = (("topic", t.id, p) for t in practical.topics for p in t.phrases)
        bot = (("bot_topic", t.id, p) for t in practical.bot_topics for p in t.phrases)
        asking = (("asking", "asking", p) for p in practical.asking)
        return self._entries((*topics, *bot, *asking), True)

    def _cue_entries(self) -> Iterable[Entry]:
        lex = self.kb.lexicon
        groups: list[tuple[str, str, Iterable[str]]] = [
            ("affiliation", "affiliation", lex.affiliation),
            ("visited", "visited", lex.visited),
            ("greeting", "greeting", [*lex.greetings, *self._andean("greeting")]),
            ("greeting", "thanks", [*lex.thanks, *self._andean("thanks")]),
            ("greeting", "farewell", [*lex.farewells, *self._andean("farewell")]),
            ("oos", "oos", lex.out_of_scope),
            ("oos_asked", "oos_asked", lex.out_of_scope_asked),
            ("elsewhere", "elsewhere", lex.other_places),
            ("calm", "calm", lex.calm_shouts),
            ("unharmed", "unharmed", lex.unharmed),
            ("accused", "accused", lex.accused),
            ("new_topic", "new_topic", lex.topic_changes),
            ("amend", "amend", lex.amendments),
            ("turn", "turn", lex.real_problem),
        ]
        groups += [("cue", intent, cues) for intent, cues in lex.intent_cues.items()]
        groups += [("ask", ask, cues) for ask, cues in lex.answer_cues.items()]
        groups += [("indicator", ident, names) for ident, names in lex.indicators.items()]
        groups += [("residence", who, texts) for who, texts in lex.residence.items()]
        groups += [("other_emergency", k, e.phrases) for k, e in lex.other_emergencies.items()]
        return self._entries(((k, key, t) for k, key, texts in groups for t in texts), True)

    def _harm_entries(self) -> Iterable[Entry]:
        harm = self.kb.harm
        groups: list[tuple[str, str, Iterable[str]]] = [
            ("act", act.id, act.phrases) for act in harm.acts
        ]
        groups += [("act", act.id, self._andean(f"act:{act.id}")) for act in harm.acts]
        groups += [
            ("victim", v.id, [*v.phrases, *self._andean(f"victim:{v.id}")]) for v in harm.victims
        ]
        groups += [("victim_last", v.id, v.last) for v in harm.victims]
        groups += [("writer", v.id, v.writer) for v in harm.victims]
        groups.append(("agent", "agent", [*harm.agents, *self._andean("agent")]))
        groups.append(("partner", "partner", harm.partners))
        groups.append(("idiom", "idiom", harm.idioms))
        groups.append(("idiom", "beast", harm.beasts))
        return self._entries(((k, key, t) for k, key, texts in groups for t in texts), True)

    def _andean_only(self) -> set[str]:
        """The words of the Quechua and Aymara forms that no Spanish phrase of harm.yaml has:
        no typo is corrected towards them, since a word a letter or two away is most often
        another word of those languages ("llakiwan", with sorrow, is not "llamiwan", he
        touches me)."""
        harm = self.kb.harm
        spanish = [
            *(p for a in harm.acts for p in a.phrases),
            *(p for v in harm.victims for p in v.phrases),
            *harm.agents,
        ]
        andean = (f for word in self.kb.andean for f in word.forms)
        return self._words(andean) - self._words(spanish)

    def _words(self, texts: Iterable[str]) -> set[str]:
        return {w for t in texts for w in words_of(self.pattern(t))}

    def _andean(self, role: str) -> list[str]:
        """The spellings of the Quechua and Aymara words read in this role."""
        return [form for word in self.kb.andean if word.role == role for form in word.forms]

    def _mark_entries(self) -> Iterable[Entry]:
        """Time, frames and first person: matched as written (not "pegaba" for "pegando")."""
        harm = self.kb.harm
        groups: list[tuple[str, str, Iterable[str]]] = [
            ("time", mark, texts) for mark, texts in harm.time.items()
        ]
        groups += [("frame", "frame", harm.frames), ("first", "first", harm.first_person)]
        groups.append(("frame", "kind", harm.case_kinds))  # "para los casos de"
        groups.append(("frame", "animal", harm.animals))  # "el zorro", "mi perro"
        groups.append(("told", "told", harm.disclosures))
        groups.append(("held", "held", harm.held))
        groups.append(("held", "released", harm.released))
        groups.append(("audience", "audience", harm.audiences))
        groups.append(("closer", "closer", harm.story_closers))
        groups.append(("opener", "story", harm.story_openers))
        groups.append(("opener", "dream", harm.dream_openers))
        groups.append(("real", "real", harm.real_stories))
        groups.append(("return", "return", harm.story_returns))
        groups.append(("admission", "admission", harm.admissions))
        groups.append(("role", "role", harm.writer_roles))
        groups.append(("joke", "joke", harm.jokes.phrases if harm.jokes else []))
        groups.append(("joke", "serious", harm.jokes.serious if harm.jokes else []))
        return self._entries(((k, key, t) for k, key, texts in groups for t in texts), True)

    # -- typos -----------------------------------------------------------------------------

    def rejoin(self, words: list[str], ids: list[int]) -> tuple[list[str], list[int]]:
        """A word that dictation split in two, joined again ("cem en huan cane": Huancané,
        "me a menazo": amenazó): two neighbours of one sentence, not both words the bot knows
        (not "mal trata", two words), whose join is a word of the lexicons or a place and the
        second longer than a letter (not "atendí a"), or whose join is, sounds like or is a
        letter from the one-word name of a service, a term or a place ("juan cane", "se dif",
        "sa u"); never with a harm word (``_joins``)."""
        known = [self._known(w) for w in words]
        i, out, out_ids = 0, [], []
        while i < len(words):
            if (
                i + 1 < len(words)
                and ids[i] == ids[i + 1]
                and self._joins(words[i], words[i + 1], known[i], known[i + 1])
            ):
                out.append(words[i] + words[i + 1])
                out_ids.append(ids[i])
                i += 2
                continue
            out.append(words[i])
            out_ids.append(ids[i])
            i += 1
        return out, out_ids

    def _joins(self, first: str, second: str, first_known: bool, second_known: bool) -> bool:
        joined = first + second
        if first_known and second_known:
            # two words that make a long place's name ("tira pata": Tirapata), not a harm
            # word ("mi esposo me tira pata cuando toma", review 47)
            return (
                len(joined) >= MIN_PLACE_JOINED
                and joined in self.place_names
                and not (self._harmful(first) or self._harmful(second))
            )
        if not joined.isalpha():
            return False
        if (len(second) > 1 and joined in self._joinable) or joined in self._name_words:
            return True  # a word of the lexicons, or a name as written ("pu no", "sa u")
        # a name misheard ("juan cane", "a sangaro", "se dif"): the unknown piece long enough
        # to carry it, and no harm word in either (review 47: "el ps mata a su mujer" is no
        # Pomata, "co mata" no Coata)
        piece = second if first_known else first
        if len(piece) < MIN_PIECE or self._harmful(first) or self._harmful(second):
            return False
        return self._misheard_name(joined)

    def _misheard_name(self, joined: str) -> bool:
        """A split word's join that sounds like, or is a letter from, the one-word name of a
        service, term or place ("asangaro": Azángaro, "juancane": Huancané); compared with
        those names only, and kept per word."""
        found = self._misheard.get(joined)
        if found is None:
            if len(self._misheard) > MAX_CORRECTIONS_CACHED:
                self._misheard.clear()
            found = self._misheard[joined] = self._by_sound.get(
                phonetic(joined)
            ) in self._name_words or (
                len(joined) >= MIN_FUZZY_LEN and _nearest(joined, self._name_list, 1) is not None
            )
        return found

    def _harmful(self, word: str) -> bool:
        return len(word) > 3 and stem(word) in self._harm_roots

    def spelled_as_words(self, text: str) -> str:
        """A word spelled letter by letter ("hay c e m en Pucará", "la D E M U N A") written
        as the word, when its letters make a word of the lexicons."""
        if " " not in text:
            return text
        return _SPELLED.sub(self._spelled, text)

    def _spelled(self, match: re.Match[str]) -> str:
        word = match.group(0).replace(" ", "")
        return word if normalize(word) in self.vocabulary else match.group(0)

    def _known(self, word: str) -> bool:
        """A word the bot knows: of its lexicons, a place, a common Spanish word or a
        stopword ("lave", "rape": short words the list of common words leaves out)."""
        return word in self.place_names or self.ordinary(word)

    def ordinary(self, word: str) -> bool:
        """A word of the bot's lexicons or a common Spanish word ("chupa", "esperanza"), or a
        person's name that is also a place's (lexicon ``not_signed``: "…Rosa Quispe")."""
        return word in self._ordinary_words or is_common(self.kb.common_words, word)

    def correct(self, word: str) -> str:
        """The vocabulary word a typo most likely meant, or the word itself (kept per
        word)."""
        corrected = self._corrections.get(word)
        if corrected is None:
            if len(self._corrections) > MAX_CORRECTIONS_CACHED:
                self._corrections.clear()
            corrected = self._corrections[word] = self._correction(word)
        return corrected

    def _correction(self, word: str) -> str:
        if (
            len(word) < MIN_PHONETIC_LEN
            or any(form in self.vocabulary for form in forms(word))
            or word + "s" in self.vocabulary  # a singular: the plural's phrase does not hold it
            or word + "es" in self.vocabulary
            or word in self.stopwords
            or not word.isalpha()
            or word.startswith(self._prefixes)
        ):
            return word
        # a place with a case ending first: "Juliacan" is Juliaca, though "Juliaca" is a word
        # of harm.yaml ("radio Juliaca") and its root is kept from correction
        place = self._place_in(word)
        if place is not None or stem(word) in self._harm_roots:
            return place or word
        return self._closest(word) or word

    def _place_in(self, word: str) -> str | None:
        """A place with a Quechua or Aymara case ending ("Macusanipi": in Macusani,
        "Punomanta": from Puno), as the place."""
        for suffix in self.place_suffixes:
            if word.endswith(suffix) and word[: -len(suffix)] in self.place_names:
                return word[: -len(suffix)]
        return None

    def _closest(self, word: str) -> str | None:
        same_sound = self._by_sound.get(phonetic(word))
        if same_sound is not None or len(word) < MIN_FUZZY_LEN:
            return same_sound  # "linea sien": a word written as it sounds, even a real one
        if is_common(self.kb.common_words, word):
            return None  # a real word is no typo of a near one: "acusando" is not "abusando"
        return _nearest(word, self._vocab_list, 1 if len(word) <= 8 else 2)


def _nearest(word: str, choices: Sequence[str], limit: int) -> str | None:
    """The choice at most ``limit`` edits (OSA) from ``word``, the nearest first."""
    from rapidfuzz import process  # here: most starts never correct a word by distance
    from rapidfuzz.distance import OSA

    best = process.extractOne(word, choices, scorer=OSA.distance, score_cutoff=limit)
    return best[0] if best else None


def words_of(pattern: Pattern) -> Iterable[str]:
    """Every word a pattern holds, in any of its choices."""
    for item in pattern:
        if isinstance(item, Choice):
            for option in item.options:
                yield from words_of(option)
        else:
            yield item
