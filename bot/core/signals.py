"""From the words of a message to ``Signals``: the names, places, cue words and parts of harm
found in it, before any intent is chosen."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from bot.core.knowledge import Knowledge
from bot.core.lexicons import Lexicons
from bot.core.localities import LocalityHit
from bot.core.matcher import Hit, Words
from bot.core.query import HarmTime, Place
from bot.core.text import fold, normalize

CORRECTED_NAMES = frozenset({"service", "province", "district"})
NAME_KINDS = frozenset({"service", "term", "province", "district", "department", "period"})
CUE_KINDS = frozenset(
    {
        "affiliation",
        "visited",
        "residence",
        "greeting",
        "oos",
        "oos_asked",
        "elsewhere",
        "cue",
        "indicator",
        "ask",
        "calm",
        "unharmed",
        "accused",
        "new_topic",
        "amend",
        "turn",
    }
)
# the sentence of each word of a message, and the sentences written as questions
Sentences = tuple[Sequence[int], frozenset[int]]
MARK_KINDS = frozenset(
    {
        "time",
        "held",
        "frame",
        "first",
        "joke",
        "told",
        "role",
        "audience",
        "closer",
        "opener",
        "real",
        "return",
        "admission",
    }
)
ENGLISH_WORDS = 2  # English words that make a message English
RESIDENCE_GAP = 4  # words between "vivo en" and the place: "vivo en la comunidad de Crucero"
# the keys of lexicon ``residence``, best first: whose home is the case's place (the
# writer's, and where the writer works, not in someone else's case; a relative's, after the
# household's, and the family's not in the writer's own; where one is about to go; last,
# where the writer is, "aquí en…")
RESIDENCE_RANKS_OTHERS = ("person", "household", "relative", "family", "going", "here")
RESIDENCE_RANKS_OWN = ("writer", "moved", "going", "workplace", "household", "person", "here")
WRITERS = frozenset({"writer", "moved", "workplace"})  # where the writer lives, works or studies
# where the writer lives now, for one who "sigue allá"
HOMES = frozenset({"writer", "moved", "workplace", "household"})
PLACE_KINDS = frozenset({"province", "district", "department"})
# the kinds of names an amendment replaces, and how far after it the new name may come
AMENDED_KINDS = (PLACE_KINDS, frozenset({"service"}), frozenset({"period"}))
AMEND_AFTER = 20
MAX_PLACES = 12  # the places a message names that are read: more is a list, not a question
_REPEATED_END = re.compile(r"([a-z])\1+\W*$")


@dataclass(frozen=True, slots=True)
class HarmReading:
    """The parts of harm found in a message (``harm.yaml``)."""

    acts: tuple[str, ...] = ()
    categories: frozenset[str] = frozenset()
    victims: tuple[str, ...] = ()
    level: str = ""  # the gravest act's level: "grave", "normal" or "low"
    personal: bool = False  # the writer's own case: "me pega", "mi hija", "mi vecina"
    specific: bool = False  # about someone in particular: personal, "una abuelita", "su hijo"
    first_person: bool = False  # the writer is the one harmed: "me pega", "¡ayuda!"
    to_writer: bool = False  # so in so many words: "me pega", not "mi yerno le pega"
    framed: bool = False  # homework, news, a training: a story that is not a case
    time: HarmTime = ""
    stated_now: bool = False  # "ahora mismo", "está pegando", a shout: now in so many words
    joked: bool = False  # every act said laughing, of a category that laughter lowers
    by_writer: bool = False  # the writer did it and wants to stop: "le pegué, me siento mal"
    # the victims the writer says they are, harmed themself ("tengo 14, mi papá me pega")
    writer_is: tuple[str, ...] = ()

    @property
    def present(self) -> bool:
        """Harm to a real person: not a story framed as news or homework (unless it is said
        to happen now), and, for the acts of low level, about someone in particular."""
        return (
            bool(self.acts)
            and not (self.framed and not self.personal and not self.stated_now)
            and (self.level != "low" or self.specific)
        )


@dataclass(frozen=True, slots=True)
class Signals:
    """Everything found in a message; the decision reads only this."""

    text: str
    normalized: str
    words: tuple[str, ...]
    services: tuple[str, ...]
    own_services: frozenset[str]
    terms: tuple[str, ...]
    programmes: tuple[str, ...]
    periods: tuple[str, ...]
    indicators: tuple[str, ...]
    situations: tuple[str, ...]
    situation_words: int
    named_only_situation: bool  # the situation is only a term's name ("¿qué es PAM?")
    place: Place | None
    locality: str | None  # the centro poblado or barrio the place was read from
    alternatives: tuple[Place, ...]
    other_places: tuple[Place, ...]
    cues: frozenset[str]
    cue_weight: dict[str, float]
    greeting: frozenset[str]
    oos_words: int
    oos_next_to_name: bool
    # of them, in the sentences told before the first that asks ("fuimos a la FIESTA de San
    # Francisco… ¿dónde queda el CIAM?"); another department is never only told
    oos_told: int
    # of them and of out_of_scope_asked, in the sentences that ask while another tells a calm
    # family matter ("¿a qué hora atiende el JUZGADO? tengo audiencia de tenencia"), and those of
    # out_of_scope_asked where no situation is told; none when a service is named
    oos_asked: int
    elsewhere: bool
    asked_elsewhere: bool
    affiliation: bool
    asks_sites: bool
    content_words: int
    unexplained: int
    unexplained_asked: int
    fuzzy_service: bool
    corrections: tuple[tuple[str, str, str], ...]
    people: bool  # a person is named (a victim, an agent) or the writer speaks of themself
    victims: tuple[str, ...]  # the victims of harm.yaml named, first named first
    english: bool  # written (also) in English
    topics: tuple[str, ...]  # practical questions (practical.yaml), outside names
    # a topic that asks where the service is ("¿cómo llego?": ``where`` in practical.yaml)
    topic_of_where: bool = False
    # the topics asked in a question ("...?", "quisiera saber..."), not merely told ("mi cel
    # tiene poca batería"), and the service named before each in its sentence
    asked_topics: tuple[str, ...] = ()
    topic_services: tuple[tuple[str, str], ...] = ()
    bot_topics: tuple[str, ...] = ()  # questions about the bot itself (practical.yaml)
    harm: HarmReading = field(default_factory=HarmReading)
    asks: frozenset[str] = frozenset()  # answer_cues of lexicon.yaml: "most", "here"...
    framed: bool = False  # homework, a novel, the news, a training, and no real person harmed
    # a story closed ("…, así dice el huayno", "…, era sueño nomás") and no harm told after it:
    # a frame the model's suspicion does not overrule (its words are the story's)
    closed: bool = False
    asking: bool = True  # a sentence asks: written as a question or with "quisiera saber"...
    unharmed: bool = False  # "no me hicieron daño", "no hay violencia": nobody was hurt
    accused: bool = False  # "mi vecino me denunció": the writer is the one reported
    new_topic: bool = False  # "otra cosa, …": not about what was told before
    # harm told after "en realidad lo que pasa es que…": the point of the message, not a
    # question about a service asked before it
    turned: bool = False
    # a fire, a fall, a landslide (lexicon other_emergencies): the first named
    other_emergency: str | None = None
    opens_follow_up: bool = False  # "y …": the first word of a follow-up (``follow_openers``)

    @property
    def situation(self) -> str | None:
        return self.situations[0] if self.situations else None


def read_signals(
    lex: Lexicons,
    text: str,
    normalized: str,
    raw_words: list[str],
    words: list[str],
    sentences: Sentences,
) -> Signals:
    """The signals of a message whose words were corrected into ``words``; ``sentences``
    gives the sentence of each word and the sentences written as questions."""
    kb = lex.kb
    fuzzy_at = {i for i, (a, b) in enumerate(zip(raw_words, words, strict=True)) if a != b}
    message = Words(words)
    plain = lex.plain.find(message)
    named = [h for h in plain if h.kind in NAME_KINDS]
    # a situation read across a gap keeps the place named in it ("vive EN ILAVE solito")
    places = _Spans(h for h in named if h.kind in PLACE_KINDS)
    situated = lex.situations.find(message)
    around = [h for h in situated if h.kind == "situation" and not places.over(h.start, h.end)]
    names = [
        Hit(h.kind, h.key, h.start, h.end, any(i in fuzzy_at for i in range(h.start, h.end)))
        for h in _select_spans([*named, *around])
    ]
    lowered = text.lower()
    spelled = frozenset(n for w, n in lex.spelled_places.items() if w in lowered)
    names = [h for h in names if not _a_word_not_a_place(lex, h, words, spelled)]
    names, found = _with_localities(names, lex.localities.find(raw_words, lex.ordinary))
    corrections = tuple(
        (" ".join(raw_words[h.start : h.end]), h.kind, h.key)
        for h in names
        if h.fuzzy and h.kind in CORRECTED_NAMES
    )
    cues = [h for h in plain if h.kind in CUE_KINDS]
    # a weak place keeps the subject its name also says ("un traje para la Candelaria")
    weak = frozenset(
        (h.start, h.end) for h in found if " ".join(words[h.start : h.end]) in lex.weak_places
    )
    names, cues = _settle_overlaps(names, cues, weak)
    # not a word that only sounds like another department ("se queda CALLAO": callado)
    cues = [
        h
        for h in cues
        if not (h.kind == "elsewhere" and h.start and words[h.start - 1] in lex.not_elsewhere)
        and not (h.kind == "amend" and h.start and words[h.start - 1] in lex.not_amending)
    ]
    names = _amended(names, [h for h in cues if h.kind == "amend"])
    asks = _asking_sentences(plain, sentences)
    asking = _asking(sentences, asks)
    marks = [h for h in plain if h.kind in MARK_KINDS]
    found_harm = _without_names([*_said_last(lex.harm.find(message), len(words)), *marks], names)
    harm_hits, story_end = _outside_stories(
        lex,
        _without_idioms(
            [
                h
                for h in found_harm
                if not (h.kind == "act" and h.start and words[h.start - 1] in lex.negations)
                and not _vocative(h, cues, words)
            ]
        ),
        words,
        sentences[0],
    )
    turned = _turned(cues, harm_hits)
    if turned and asks:
        # the place of the harm told after "pd:", not the one of the question before it ("el
        # CEDIF de Juli recibe bebés? pd: mi cuñado le da correazos… yo vivo al costado en
        # Nuñoa"); not one told before it (review 50: "vivo en Juliaca. en realidad lo que
        # pasa es que mi esposo me pega desde que vinimos de Ayaviri")
        turns = [h for h in cues if h.kind == "turn"]
        names = _amended(names, turns, (PLACE_KINDS,), len(words), asking)
    # an out-of-scope word inside an idiom or a practical topic is not what is asked, nor a
    # cue of "where" inside a practical topic ("¿ATIENDE EN la noche?", "¿CUÁNTO cobran?")
    topic_hits = [h for h in plain if h.kind in ("topic", "bot_topic")]
    # (an act done to a beast is what is asked: "le pega a su perro, ¿dónde denuncio maltrato
    # animal?")
    idioms = [h for h in found_harm if h.kind == "idiom" and h.key != "beast"]
    not_where = [h for h in topic_hits if h.key not in lex.where_topics]
    cues = _cues_asked(cues, [*topic_hits, *idioms], not_where)
    # (not a word of where one was sent: "lo MANDAN A pastear" says nothing asked)
    said = [h for h in cues if h.kind != "visited"]
    bot_hits = [h for h in topic_hits if h.kind == "bot_topic"]
    explained = {i for h in (*names, *said, *harm_hits, *bot_hits) for i in range(h.start, h.end)}
    unexplained = [
        i
        for i, w in enumerate(words)
        if i not in explained and w not in lex.stopwords and not w.isdigit()
    ]
    services = _asked_first(names, cues, asking)
    own = _writers_services(names, cues)
    situation_hits = [h for h in names if h.kind == "situation"]
    situations = sorted(
        _unique(h.key for h in situation_hits), key=lambda s: kb.situations[s].priority
    )
    if own and (situations or set(services) - own):
        # "le escribo de la DEMUNA...": the writer's service is not what is asked about,
        # unless named again ("soy la responsable de la DEMUNA… ¿qué casos ve la DEMUNA?")
        mine = own - _writers_services(names, cues, apart=True)
        services = [s for s in services if s not in mine]
    terms = _unique(h.key for h in names if h.kind == "term")
    loud = shouted(lex, text) and not any(h.kind == "calm" for h in cues)
    # the word before each person named, read once for the harm and for its frame
    before = _before_people(lex, harm_hits, words)
    harm = _harm(lex, harm_hits, words, loud, before)
    # a story closed, and no case told after it (``_told_after``): the model's suspicion is
    # the story's
    closed = (
        story_end >= 0
        and not harm.present
        and not _told_after(lex, [h for h in harm_hits if h.start >= story_end], words)
    )
    if harm.present:
        # "me mandaron de la comisaría al CEM… me violaron": where she was sent is not what is
        # asked, unless named again ("…¿el CEM atiende domingos?")
        # (review 47b: not one named in a sentence that asks, "…y en el CEM me atienden sin
        # denuncia?")
        unasked = [h for h in names if sentences[0][h.start] not in asks]
        visited = _writers_services(unasked, cues, kind="visited")
        again = _writers_services(names, cues, kind="visited", apart=True)
        services = [s for s in services if s not in visited - again]
    # where the writer lives is not the case's place when the case is someone else's
    # _harm read them when harm is told; else not a person named only inside a subject the
    # bot does not cover ("la pensión 65", "Qali Warma")
    victims = harm.victims or _named_victims(_outside_oos(harm_hits, cues), words, lex.determiners)
    # "le escribo por mi papá… mi hermano me botó": the case is the papá's (grammar ``behalf``)
    behalf = next(_said_at(words, lex.behalf), None) is not None
    others = bool(victims) and (not harm.to_writer or behalf)
    if harm.acts:  # a calm situation is not named beside harm told ("quiero separarme, me pega")
        situations = [s for s in situations if not kb.situations[s].calm_only]
    if harm.present:  # "¿dónde denuncio?" beside harm told: that situation too
        told = _unique([*situations, *(h.key for h in situated if h.kind == "case_situation")])
        situations = sorted(told, key=lambda s: kb.situations[s].priority)
    situations = _victims_first(kb, situations, victims)
    # whose home is the case's place, best first: in someone else's case that person's ("mi
    # abuelita vive sola en Muñani"), then the household's ("vivimos en Juliaca"), then the
    # family's; in the writer's own case the writer's, the household's, then another's
    # (not where the one who harms lives: "él vive en Juliaca", lexicon residence "agent")
    ranks = RESIDENCE_RANKS_OTHERS if others else RESIDENCE_RANKS_OWN
    agents = _ends(cues, "agent")
    homes = _homes(cues, agents | _ends(cues, "offer"))
    # "atendí a una abuelita de Mañazo": where she is from, when no place is said to be where
    # she lives ("una señora de Mañazo que vive en Juliaca": Juliaca)
    origins = _origins(lex, harm_hits, words, victims) if others and harm.present else []
    homes["here"] = _here(homes.get("here", []), names, origins)
    residence = [homes.get(key, []) for key in ranks]
    offices = [h.end for h in names if h.kind == "service" and h.key in own]
    place, alternatives, other_places = _place(
        lex,
        names,
        words,
        residence,
        frozenset((h.start, h.end) for h in found),
        offices,
        None if harm.present else _asked_not_home(asking, cues, others),
        origins,
        _points_back(cues, words, asking),
        # (in a case, where it happened says the case's place: "mis papás viven en Chucuito…
        # yo vivo en Juliaca… ¿qué CEM le corresponde a ese lugar?")
        None
        if harm.present
        else next((h.start for h in cues if h.kind == "ask" and h.key == "there"), None),
        others and harm.present,
        weak
        | _places_after(names, agents)
        | _campuses(lex, names, words, residence)
        | _on_routes(lex, names, words),
        _of_elsewhere(lex, names, cues, words, sentences[0], found, text),
        [end for key in HOMES for end in homes.get(key, [])]
        if (victims and _left_behind(lex, words, harm_hits))
        or (not harm.present and _asks_there(lex, words, sentences))
        else None,
    )
    named_locality = next(
        (h.name for h in found if place is not None and place.key in h.districts), None
    )
    programmes = {s.programme for s in kb.services.values()}
    topics = _topics(plain)
    asked_topics, topic_services = _asked(plain, topics, names, sentences[0], asks)
    # another department named beside a place of Puno ("la salida a Cusco, Juliaca") is a road,
    # not a question about elsewhere
    oos = [h for h in cues if h.kind == "oos" or (h.kind == "elsewhere" and place is None)]
    first_ask = min(asks, default=0)  # the sentences before it tell, they do not ask
    return Signals(
        text=text,
        normalized=normalized,
        words=tuple(words),
        services=tuple(services),
        own_services=frozenset(own),
        terms=tuple(terms),
        programmes=tuple(t for t in terms if t in programmes and kb.glossary[t].operation is None),
        periods=tuple(_unique(h.key for h in names if h.kind == "period")),
        indicators=tuple(_unique(h.key for h in cues if h.kind == "indicator")),
        situations=tuple(situations),
        situation_words=_covered(situation_hits),
        named_only_situation=all(
            any(_overlaps(h, t) for t in names if t.kind == "term") for h in situation_hits
        ),
        place=place,
        locality=named_locality,
        alternatives=alternatives,
        other_places=other_places,
        cues=frozenset(h.key for h in cues if h.kind == "cue"),
        cue_weight=_cue_weights(cues, asking),
        greeting=frozenset(h.key for h in cues if h.kind == "greeting"),
        asking=bool(asks),
        unharmed=any(h.kind == "unharmed" for h in cues),
        accused=any(h.kind == "accused" for h in cues),
        new_topic=any(h.kind == "new_topic" for h in cues),
        turned=turned,
        other_emergency=next((h.key for h in plain if h.kind == "other_emergency"), None),
        opens_follow_up=bool(words) and words[0] in lex.follow_openers,
        oos_words=_covered(oos),
        oos_told=_covered(h for h in oos if h.kind == "oos" and sentences[0][h.start] < first_ask),
        oos_asked=0
        if services
        else _covered(_asked_outside(kb, cues, sentences, asks, situations)),
        oos_next_to_name=_next_to_a_name(cues, names),
        elsewhere=any(h.kind == "elsewhere" for h in cues),
        asked_elsewhere=_asked_elsewhere(lex, names, cues, words, sentences[0], asking),
        affiliation=_affiliated(cues, names, len(words)),
        asks_sites=_asks_sites(lex, words, [h for h in names if asking(h.start)]),
        content_words=sum(w not in lex.stopwords for w in words),
        unexplained=len(unexplained),
        # (in the sentences that ask, when some do: a story told before the question is not
        # what is asked, "me vine a San Juan del Oro para la cosecha… ¿qué servicios hay en
        # Sandia?")
        unexplained_asked=sum(asking(i) for i in unexplained) if asks else len(unexplained),
        fuzzy_service=any(h.fuzzy for h in names if h.kind == "service"),
        corrections=corrections,
        people=any(h.kind in ("victim", "agent", "first") for h in harm_hits),
        victims=victims,
        english=len(lex.english.intersection(raw_words)) >= ENGLISH_WORDS,
        topics=topics,
        topic_of_where=any(x in lex.where_topics for x in topics),
        asked_topics=asked_topics,
        topic_services=topic_services,
        bot_topics=tuple(dict.fromkeys(h.key for h in bot_hits)),
        harm=harm,
        asks=frozenset(h.key for h in cues if h.kind == "ask"),
        framed=_framed(lex, harm, marks, before) or closed,
        closed=closed,
    )


def _topics(plain: list[Hit]) -> tuple[str, ...]:
    """The practical questions of a message, outside the names of services and terms ("la
    dirección" asks an address; "la Dirección de Protección Especial" does not)."""
    names = [h for h in plain if h.kind in ("service", "term")]
    topics = [h for h in plain if h.kind == "topic"]
    return tuple(
        dict.fromkeys(
            h.key for h in topics if not any(n.start < h.end and h.start < n.end for n in names)
        )
    )


def _asked(
    plain: list[Hit], told: Sequence[str], names: list[Hit], ids: Sequence[int], asking: set[int]
) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    """The practical topics asked (in one of the sentences ``asking``) and, for each topic,
    the service named last before it in its sentence, else first after it ("el CEM me queda
    lejos, ¿la Línea 100 atiende en quechua?": the Línea 100's languages); ``told``: the
    message's topics; ``ids``: the sentence of each word."""
    topics = [h for h in plain if h.kind == "topic" and h.key in told]
    if not topics:
        return (), ()
    services = [h for h in names if h.kind == "service"]
    asked: list[str] = []
    about: dict[str, str] = {}
    for topic in topics:
        where = ids[topic.start]
        if where in asking:
            asked.append(topic.key)
        here = [h for h in services if ids[h.start] == where]
        before = [h for h in here if h.start < topic.start]
        named = before[-1] if before else next(iter(here), None)
        if named is not None:
            about.setdefault(topic.key, named.key)
    return tuple(dict.fromkeys(asked)), tuple(about.items())


def shouted(lex: Lexicons, text: str) -> bool:
    """A call for help written loudly: "ayudaaa", "AYUDA", "¡auxilio!"."""
    lowered = text.lower()  # each word's first letters lowered are in it: most texts end here
    if not any(head in lowered for head in lex.shouted_heads):
        return False
    exclaimed = "!" in text or "¡" in text
    for raw in text.split():
        if raw[:3].lower() not in lex.shouted_heads:
            continue
        word = normalize(raw)
        if word in lex.shouted and (exclaimed or raw.isupper() or _REPEATED_END.search(fold(raw))):
            return True
    return False


# -- harm ---------------------------------------------------------------------------------


LEVELS = ("low", "normal", "grave")


def _harm(
    lex: Lexicons, hits: list[Hit], words: Sequence[str], loud: bool, before: list[str]
) -> HarmReading:
    """The harm told by ``hits``; ``before``: the word before each person (``_before_people``)."""
    named = {h.key for h in hits if h.kind == "victim"}
    act_hits = [h for h in hits if h.kind == "act" and _for_these(lex, h.key, named)]
    acts = _unique(h.key for h in act_hits)
    # "mi jefe me va a matar si llego tarde jaja": a threat said laughing is of level low;
    # not "mi ex dice que me va a matar jaja, tengo miedo" (laughter, and it is serious)
    jokes = {h.key for h in hits if h.kind == "joke"}
    joking = lex.joke_categories if jokes == {"joke"} else frozenset()
    levels = ["low" if lex.act_category.get(a) in joking else lex.act_level[a] for a in acts]
    if loud:
        acts.append("shouted")
        levels.append("normal")
    if not acts:
        return HarmReading()
    level = max(levels, key=LEVELS.index)
    # a time word inside a frame is the frame's: "no tenemos caso AHORITA"
    frames_at = _Spans(h for h in hits if h.kind == "frame")
    time_hits = _outermost([h for h in hits if h.kind == "time" and not frames_at.hold(h)])
    time_hits = _after_held(lex, hits, time_hits, act_hits, words)
    marks = {h.key for h in time_hits if h.key not in ("safe", "still")}
    if _still_after_past(lex, time_hits, act_hits, words):
        marks.add("still")
    serious = level == "grave" or any(lex.act_category.get(a) == "sexual" for a in acts)
    if _safe_after(time_hits, act_hits, serious):
        marks.add("safe")
    acts_at = _Spans(act_hits)
    mine = [f for f in hits if f.kind == "first" and acts_at.over(f.start, f.end)]
    first = bool(mine) or loud
    # "me pega", "pega a mí y a mis hijos", "se quedó con mi casa" are done to the writer; "mi
    # yerno le pega a mi nieto" is not ("mi" before a person only says whose)
    people_at = {  # a person's word: "nieto", not the "cuando" of "cuando toma"
        h.start
        for h in hits
        if h.kind in ("victim", "agent") and words[h.start] not in lex.stopwords
    }
    writer_harmed = loud or any(
        words[f.start] not in lex.mine or f.end not in people_at for f in mine
    )
    # "pega a mis hijos y a mí": the writer named after the act, as one more of its objects
    writer_harmed = writer_harmed or any(
        f.kind == "first"
        and words[f.start] == "mi"
        and tuple(words[max(0, f.start - 2) : f.start]) in lex.also_objects
        and f.end not in people_at
        and any(a.start < f.start for a in act_hits)
        for f in hits
    )
    personal = first or any(w in lex.mine for w in before)
    specific = (
        personal
        or any(w in lex.singular for w in before)
        or _marked_particular(lex, hits, words)
        or _counted(lex, hits, words)
    )
    return HarmReading(
        acts=tuple(acts),
        categories=frozenset(lex.act_category.get(a, "pedido") for a in acts),
        victims=_victims(hits, words, lex.determiners, writer_harmed=writer_harmed),
        to_writer=writer_harmed,
        level=level,
        personal=personal,
        specific=specific,
        first_person=first,
        # a frame, unless someone told the writer ("en la charla una alumna me contó que…")
        framed=_frames(lex, hits, before, act_hits, words, writer_harmed)
        and not any(h.kind == "told" for h in hits),
        time=_harm_time(marks, level, loud, lasting=bool(lex.lasting.intersection(acts))),
        stated_now="now" in marks or loud,
        joked=bool(acts) and all(lex.act_category.get(a) in joking for a in acts),
        by_writer=not writer_harmed and any(h.kind == "admission" for h in hits),
        writer_is=_young_writer(hits) if writer_harmed else (),
    )


def _young_writer(hits: list[Hit]) -> tuple[str, ...]:
    """The victims the writer says they are ("tengo 14 años y mi papá…"), unless a partner or
    an ex is named ("tengo 17 y mi enamorado me pegó": dating violence, the CEM's case)."""
    if any(h.kind == "partner" for h in hits):
        return ()
    return tuple(_unique(h.key for h in hits if h.kind == "writer"))


STILL_REACH = 6  # words from "desde entonces" to the harm it says goes on


def _still_after_past(
    lex: Lexicons, time_hits: list[Hit], act_hits: list[Hit], words: Sequence[str]
) -> bool:
    """Harm going on since then, said after every mark of the past: "regresó hace dos meses y
    DESDE ENTONCES toma y ME PEGA", or going on as one writes ("separados hace meses… se
    escapó pero él LA ESTÁ BUSCANDO con un palo"); not what followed a past harm ("el año
    pasado le pegó el profesor y desde entonces se orina en la cama, tiene miedo": fear is
    no act done to him), nor harm denied in between (harm.yaml ``still_denials``: "hace ya
    meses que NO me pega")."""
    last_past = max((h.start for h in time_hits if h.key == "past"), default=-1)
    done = [a.start for a in act_hits if lex.act_category.get(a.key) != "pedido"]
    return any(
        h.key in ("still", "ongoing")
        and h.start > last_past
        and any(
            h.end <= a <= h.end + STILL_REACH and lex.still_denials.isdisjoint(words[h.end : a])
            for a in done
        )
        for h in time_hits
    )


def _for_these(lex: Lexicons, act: str, victims: set[str]) -> bool:
    """An act that counts only beside some victims ("vende dulces en": a child) names one."""
    only = lex.act_victims.get(act)
    return only is None or bool(only & victims)


def _after_held(
    lex: Lexicons, hits: list[Hit], time_hits: list[Hit], act_hits: list[Hit], words: Sequence[str]
) -> list[Hit]:
    """The time marks but a bare "now" (harm.yaml ``bare_now``) said after the one who harms is
    held (``held``) and before a mark of safety, when the hold is told after every act and not
    undone (``released``: let go, denied, past): "el ya está en el penal. AHORITA la wawa está
    con su abuelita y está tranquila" says where she is, no danger. Not "ya está detenido pero
    ahorita su hermano me está amenazando" (harm after), "no está detenido, ahorita está
    tomando", nor a danger described ("ya está preso, pero su hermano está afuera esperando")."""
    held = [h.start for h in hits if h.kind == "held" and h.key == "held"]
    if not held or not act_hits:
        return time_hits
    last = max(held)
    if any(a.start > last for a in act_hits) or any(
        h.kind == "held" and h.key == "released" and h.end > last for h in hits
    ):
        return time_hits
    safe = [h.start for h in time_hits if h.key == "safe"]
    return [
        h
        for h in time_hits
        if not (
            h.key == "now"
            and h.start > last
            and " ".join(words[h.start : h.end]) in lex.bare_now
            and any(at > h.start for at in safe)
        )
    ]


def _safe_after(time_hits: list[Hit], act_hits: list[Hit], serious: bool) -> bool:
    """Safe now ("ya está en casa") counts only when said after the harm: after every act and
    every mark of harm going on or happening now, but the ones it holds ("ya vino la policía y
    se lo llevaron"). "Ya me escapé, me está buscando con un cuchillo" is not safe. A day
    named after it with no harm after it is the writer's plan, not the harm's time ("está
    tranquila con su hermana, ¿el CEM la puede recibir hoy mismo?"), unless the harm is
    ``serious``, grave or sexual (a little girl abused, "¿a quién acudimos hoy mismo?")."""
    safe = [h for h in time_hits if h.key == "safe"]
    if not safe:
        return False
    last = max(h.start for h in safe)
    recent_counts = serious or any(h.start > last for h in act_hits)
    kinds = {"now", "ongoing", "still", *(("recent",) if recent_counts else ())}
    told = [*act_hits, *(h for h in time_hits if h.key in kinds)]
    held = [h for h in told if any(_inside(h, s) for s in safe)]
    return all(h.start < last for h in told if h not in held)


def _marked_particular(lex: Lexicons, hits: list[Hit], words: Sequence[str]) -> bool:
    """A victim's word ends in a mark of someone in particular (Aymara "achachilaXA",
    Quechua "mamaY": ``grammar.particular_endings``)."""
    ends = lex.particular_endings
    return bool(ends) and any(h.kind == "victim" and words[h.end - 1].endswith(ends) for h in hits)


def _counted(lex: Lexicons, hits: list[Hit], words: Sequence[str]) -> bool:
    """A victim's word right after a few counted (grammar ``counted``: "DOS hermanitos",
    "CUATRO alumnos"): children seen, not children in general; not one who harms ("tres
    docentes")."""
    return any(h.kind == "victim" and h.start and words[h.start - 1] in lex.counted for h in hits)


def _before_people(lex: Lexicons, hits: list[Hit], words: Sequence[str]) -> list[str]:
    """The word before each person named ("MI hija", "UNA abuelita", "SU esposo"); not of a
    person inside a frame, who asks for the story ("MI profesora nos dejó una tarea"), nor of
    one of the writer's family who watches, hears or plays it (``_audience``; not "mi ex
    TIENE un video mío": one who harms)."""
    frames = _Spans([h for h in hits if h.kind == "frame"])
    return [
        words[h.start - 1]
        for h in hits
        if h.kind in ("victim", "agent")
        and h.start > 0
        and not frames.over(h.start, h.end)
        and not (h.kind == "victim" and _audience(lex, h, hits, words))
    ]


AUDIENCE_GAP = 3  # "mi hija [de 10 años] vio": words between the person and the verb


def _audience(lex: Lexicons, person: Hit, hits: list[Hit], words: Sequence[str]) -> bool:
    """A person who watches, hears, reads or plays a story (harm.yaml ``audiences``: "mi hija
    VIO una serie de una chica secuestrada", "mi hijo JUEGA free fire"): the verb follows the
    person, a frame follows the verb, no act is told before the frame ("mi hija vio que su
    padrastro le pegaba a su mamá en la tele" is a case) nor after it beside the story
    (``_told_apart``: "veía la tele CUANDO la golpearon"), nobody of a family harms after it
    ("mi hija veía la tele cuando SU padrastro le pegó"), and someone in particular harms
    after it only inside the story (grammar ``story_links``: "una novela DONDE el esposo le
    pega"; "veía la tele cuando UN vecino entró y la tocó" is a case, "charlas para padres"
    names nobody)."""
    for verb in hits:
        if verb.kind != "audience" or not 0 <= verb.start - person.end <= AUDIENCE_GAP:
            continue
        frame = next(  # after the verb, or beginning with it ("EXPONE el lunes sobre")
            (
                h
                for h in hits
                if h.kind == "frame" and verb.start <= h.start <= verb.end + AUDIENCE_GAP
            ),
            None,
        )
        if frame is None:
            continue
        linked = bool(lex.story_links.intersection(words[frame.end : frame.end + 2]))
        real = lex.mine | (lex.whose if linked else lex.singular)
        return not any(
            (h.kind == "act" and person.end <= h.start < frame.start)
            or (
                h.kind == "act"
                and h.start >= frame.end
                and _told_apart(lex, words, frame, h, linked=linked)
            )
            or (h.kind == "agent" and h.start >= frame.end and words[h.start - 1] in real)
            for h in hits
        )
    return False


def _told_apart(
    lex: Lexicons, words: Sequence[str], frame: Hit, act: Hit, *, linked: bool = False
) -> bool:
    """An act told after a story as what happened beside it, not in it: a word or a new
    subject between them (grammar ``story_breaks``: "veía la tele CUANDO la golpearon",
    "tiene tarea de ciencias Y UN vecino la toca"), one of the writer's own ("escucha la radio
    encerrado, MIS tíos no le dan de comer"), or, when no content follows the frame
    (``linked``: "una novela DONDE el esposo le pega y la encierra"), a pronoun before an act
    above the low level and not after words said in the story (``story_turns``: "juega free
    fire Y LE ofrecen diamantes a cambio de fotos"; not "juega free fire y les GRITA 'te voy a
    matar'", ``story_quotes``); not "una serie de una chica secuestrada"."""
    between = words[frame.end : act.start]
    pairs = {" ".join(words[i : i + 2]) for i in range(frame.end, act.start)}
    turned = (
        not linked
        and bool(lex.story_turns & pairs)
        and lex.act_level.get(act.key) != "low"
        and not lex.story_quotes.intersection(between)
    )
    return (
        turned
        or bool(lex.story_breaks.intersection(between) or lex.story_breaks & pairs)
        or bool(lex.mine.intersection(between))
    )


def _framed(lex: Lexicons, harm: HarmReading, marks: list[Hit], before: list[str]) -> bool:
    """Homework, a novel, the news, a training: a frame, and nobody of the writer's own
    ("mi hija") named nor harmed, nor grave harm told of someone in particular ("en la
    radio dijeron que un niño de mi barrio desapareció": the model's gates judge it; "un
    trabajo sobre la trata de personas" is homework); ``before``: as ``_before_people``."""
    own = any(w in lex.mine for w in before)
    quiet = not harm.present and not (harm.level == "grave" and harm.specific)
    return quiet and not own and _frames(lex, marks, before)


ANIMAL_GAP = 5  # words after an act within which an animal named is what it was done to
REASON_GAP = 4  # words from a punishment's reason to the frame it names: "cuando no HACE LA tarea"


def _frames(
    lex: Lexicons,
    marks: list[Hit],
    before: list[str],
    acts: Sequence[Hit] = (),
    words: Sequence[str] = (),
    to_writer: bool = False,
) -> bool:
    """A frame among the hits; a kind of case asked about ("para los casos de", harm.yaml
    ``case_kinds``) only while nobody in particular is named ("para los casos de maltrato: EL
    vecino encierra a sus hijos", "UNA señora le pega a su nieta" are cases; "adultos mayores
    abandonados por sus hijos" is a kind); an animal (``animals``) only when named before the
    first act or right after one ("mi perro fue envenenado", "le pegó a mi perro"), not
    further on ("su papá le pega con chicote cuando no termina de pastear las alpacas"), and
    before the acts only while none is done to the writer (``to_writer``: "la nevada mató
    crías de alpaca… la semana pasada me empujó contra la pirca");
    none that is what a punishment told before it is for (``_a_reason``: "le quema las manos
    con la plancha cuando no hace la tarea"); ``before``: the word before each person named
    (``_before_people``)."""
    particular = any(w in lex.mine or w in lex.particular for w in before)

    def counts(h: Hit) -> bool:
        if h.key == "kind":
            return not particular
        if h.key == "animal":
            first = min((a.start for a in acts), default=h.start + 1)
            told_before = h.start < first and not to_writer
            return told_before or any(0 <= h.start - a.end < ANIMAL_GAP for a in acts)
        return not _a_reason(lex, h, acts, words)

    return any(h.kind == "frame" and counts(h) for h in marks)


def _a_reason(lex: Lexicons, frame: Hit, acts: Sequence[Hit], words: Sequence[str]) -> bool:
    """The frame is what an act told before it punishes: a reason (grammar ``reasons``:
    "cuando no", "porque no", "por no") between the act and the frame, at most
    ``REASON_GAP`` words before it ("le quema las manos con la plancha CUANDO NO hace la
    tarea"); not "su papá le pega a su mamá cuando llega borracho, es para mi tarea"."""
    for act in acts:
        after = words[act.end : frame.start]  # the reason: after the act, near the frame
        ends = range(max(0, frame.start - act.end - REASON_GAP), frame.start - act.end + 1)
        if any(_said_before(after, end, lex.reasons) for end in ends):
            return True
    return False


def _said_last(hits: list[Hit], size: int) -> list[Hit]:
    """The hits, a victim named only by a message's last words (harm.yaml ``last``: "…, tengo
    14") read as that victim there when an act is told, and dropped elsewhere ("tengo 14
    ovejas") or with no act ("quiero entrar al elenco de morenada, tengo 14": review 47b)."""
    acted = any(h.kind == "act" for h in hits)
    return [
        Hit("victim", h.key, h.start, h.end) if h.kind == "victim_last" else h
        for h in hits
        if h.kind != "victim_last" or (h.end == size and acted)
    ]


STORY_KINDS = frozenset({"act", "victim", "agent", "first", "time"})


def _outside_stories(
    lex: Lexicons, hits: list[Hit], words: Sequence[str], ids: Sequence[int]
) -> tuple[list[Hit], int]:
    """The hits but the stories told as stories, and where the last that hid an act ends (-1:
    none).
    A closer (harm.yaml ``story_closers``: "me pegaste borracho…, ASÍ DICE EL HUAYNO", "…,
    ERA SUEÑO NOMÁS") ends a story: its acts and people, told before the closer in its
    sentence, or in the sentence before when the closer opens its own, are no case; what was
    told before that and what follows it are read. Not a closer right after one of grammar
    ``closer_blockers`` ("NO era sueño", "ES UNA pesadilla nomás vivir con él"). An opener
    (``story_openers``: "anoche SOÑÉ QUE…", "TE CUENTO LA NOVELA: …") starts one that runs to
    the end of its sentence. Neither when the writer's own is named as the one who harms
    before an act in its sentence (``_own_agent_first``: "MI EX me manda audios cantando esa
    canción que dice te voy a matar"; a dream excepted: "soñé que mi esposo me pegaba"), nor
    when the message then says the story is real (``real_stories``: "…, pero no es solo
    sueño", "así es mi vida") or that someone lives it (``disclosures``: "pasa lo mismo que a
    mí")."""
    real = [h.start for h in hits if h.kind in ("real", "told")]
    closers = [
        h
        for h in hits
        if h.kind == "closer" and not (h.start and words[h.start - 1] in lex.closer_blockers)
    ]
    # each story: its mark, where it was told, and where it ends (a closer's end, an opener's
    # span's end)
    told = [(c, _story_span(hits, ids, c), c.end) for c in closers]
    opened = [(o, _opened_span(hits, ids, o)) for o in hits if o.kind == "opener"]
    told += [(o, span, span[1]) for o, span in opened]
    spans: list[tuple[int, int]] = []
    story_end = -1
    for mark, span, end in told:
        if any(r >= mark.start for r in real):
            continue
        whole = (min(span[0], ids.index(ids[mark.start])), span[1])  # and its sentence
        if mark.key != "dream" and _own_agent_first(lex, hits, words, whole):
            continue
        spans.append(span)
        if any(h.kind == "act" and span[0] <= h.start < span[1] for h in hits):
            story_end = max(story_end, end)
    kept = [
        h
        for h in hits
        if (h.kind != "closer" or h in closers)
        and not (h.kind in STORY_KINDS and any(a <= h.start and h.end <= b for a, b in spans))
    ]
    return kept, story_end


# the times that bring a story back to the writer's life (harm.yaml ``time``; "now" also
# names what happens in the story: "sangrando")
LIFE_TIMES = frozenset({"recent", "help_now", "ongoing", "still"})


def _opened_span(hits: list[Hit], ids: Sequence[int], opener: Hit) -> tuple[int, int]:
    """Where the story an opener starts is told: from the opener to its sentence's end, or
    to words that come back to the writer's life (harm.yaml ``story_returns``: "soñé que me
    mataba Y HOY me amenazó"; a time of it, ``LIFE_TIMES``: "…, cuando desperté mi esposo me
    estaba ahorcando"), not to a time inside the story ("la dejó sangrando")."""
    end = opener.end
    while end < len(ids) and ids[end] == ids[opener.start]:
        end += 1
    cuts = (
        h.start
        for h in hits
        if (h.kind == "return" or (h.kind == "time" and h.key in LIFE_TIMES))
        and h.start >= opener.end
    )
    return opener.start, min([end, *cuts])


def _own_agent_first(
    lex: Lexicons, hits: list[Hit], words: Sequence[str], span: tuple[int, int]
) -> bool:
    """The writer's own named as the one who harms before an act, in a story's span: "MI
    esposo me pega siempre. Así dice el huayno…" is the writer's case (review 47c); a song
    says "borracho me pegaste", an audience comes after ("…no nos perdemos ni un capítulo con
    mi esposo")."""
    start, end = span
    acts = [h.start for h in hits if h.kind == "act" and start <= h.start < end]
    return any(
        h.kind == "agent"
        and start <= h.start < end
        and h.start
        and words[h.start - 1] in lex.mine
        and any(h.start < a for a in acts)
        for h in hits
    )


def _told_after(lex: Lexicons, after: list[Hit], words: Sequence[str]) -> bool:
    """A case told after a story's closer: an act, or one who harms and the writer as an
    object ("…era un sueño nomás, le dije a mi mamá, pero mi TÍO sí ME toca"); not the
    writer watching ("mi hermanito me estaba mirando")."""
    writer = any(h.kind == "first" and words[h.start] not in lex.mine for h in after)
    return any(h.kind == "act" for h in after) or (writer and any(h.kind == "agent" for h in after))


def _story_span(hits: list[Hit], ids: Sequence[int], closer: Hit) -> tuple[int, int]:
    """Where the story a closer ends was told: its sentence up to it, or the sentence before
    when the closer opens its own ("me pegaste borracho… Así dice el huayno")."""
    sentence = ids[closer.start]
    start = ids.index(sentence)
    if closer.start == start and sentence > 0 and sentence - 1 in ids:
        start = ids.index(sentence - 1)
    return start, closer.start


def _vocative(hit: Hit, cues: list[Hit], words: Sequence[str]) -> bool:
    """A person's word that addresses the bot beside the greeting that opens the message
    ("allillanchu mamita", "señorita, buenas noches"): not someone in the story, unless an
    age follows it ("hola, niño de 8 años trabaja en la mina": the child of the story)."""
    if hit.kind != "victim" or hit.end - hit.start != 1:
        return False
    if any(w[:1].isdigit() for w in words[hit.end : hit.end + 2]):
        return False
    greetings = [h for h in cues if h.kind == "greeting"]
    return any(g.start == 0 and g.end == hit.start for g in greetings) or (
        hit.start == 0 and any(g.start == hit.end for g in greetings)
    )


def _victims(
    hits: list[Hit],
    words: Sequence[str],
    determiners: frozenset[str],
    *,
    writer_harmed: bool = True,
) -> tuple[str, ...]:
    """The victims named: first the ones the harm is done to ("le quitaron su terreno A mi
    awicha"), then in the order named; "una señora mayor" is an older adult, not the woman
    its first word names; not the writer's own childhood ("cuando era niña": a past mark),
    nor who the writer is when the harm is done to others ("soy abuela, mi yerno se lleva a
    mi nieto a trabajar": the child's case)."""
    hidden = [h for h in hits if h.kind == "time" and h.key == "past"]
    if not writer_harmed:
        hidden += [h for h in hits if h.kind == "role"]
    outside = _Spans(hidden)
    named = _outermost([h for h in hits if h.kind == "victim" and not outside.over(h.start, h.end)])
    named.sort(key=lambda h: (not _after_a(h.start, words, determiners), h.start))
    return tuple(_unique(h.key for h in named))


def _named_victims(
    hits: list[Hit], words: Sequence[str], determiners: frozenset[str]
) -> tuple[str, ...]:
    """The victims named when no harm is read: the writer's role ("soy abuela, cuido a mis
    3 nietos") only when nobody else is named ("soy abuela de 80 y vivo sola")."""
    return _victims(hits, words, determiners, writer_harmed=False) or _victims(
        hits, words, determiners
    )


def _victims_first(kb: Knowledge, situations: list[str], victims: Sequence[str]) -> list[str]:
    """The situations named, lowest priority first; when that first one is another person's
    (an older adult's, a child's; not a trait such as a disability), the first victim named
    whose situation is named too leads ("un niño que sus papás dejaron con la abuelita": the
    child's case, not the grandmother's). When no victim's situation is named, the first
    victim's own one counts as named, and leads if its priority is higher ("mi awicha vive
    solita": an older adult alone, not a child); not harm's own (a woman alone is not, for
    that, a case of violence)."""
    of = {v.id: v.situation for v in kb.harm.victims}
    persons = {v.situation for v in kb.harm.victims if not v.trait}
    if not situations or situations[0] not in persons:
        return situations
    named = next((of[v] for v in victims if of.get(v) in situations), None)
    own = next((of[v] for v in victims if of.get(v) in persons - {kb.harm.situation}), None)
    first = kb.situations[situations[0]].priority
    lead = named or (own if own and kb.situations[own].priority < first else situations[0])
    return [lead, *(s for s in situations if s != lead)]


def _after_a(start: int, words: Sequence[str], determiners: frozenset[str]) -> bool:
    """The word is the object of the harm: "a mi awicha", "a su hijo", "a la niña", "a sus 3
    hijitos" (the vecina who leaves them is not: "la vecina deja a sus 3 hijitos encerrados")."""
    before = list(words[max(0, start - 3) : start])
    if "a" in before[-2:]:
        return True
    return len(before) == 3 and before[0] == "a" and all(w in determiners for w in before[1:])


def _harm_time(marks: set[str], level: str, loud: bool, *, lasting: bool = False) -> HarmTime:
    """When the harm happens, from the time marks found: "now" wins, then "safe" (she is
    safe now), "recent", "past" (not for an act that lasts: "no contesta", nor when harm goes
    on since then: ``_still_after_past``), "¿qué hago?"
    (not for acts of low level), "grave"."""
    if "now" in marks or loud:
        return "now"
    if "safe" in marks:
        return "past"
    if "recent" in marks:
        return "now"
    if "past" in marks and not lasting and "still" not in marks:
        return "past"
    if ("help_now" in marks and level != "low") or level == "grave":
        return "now"
    return "ongoing"


def _inside(inner: Hit, outer: Hit) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


def _outermost(hits: list[Hit]) -> list[Hit]:
    """The hits not inside a longer one ("ahorita está bien" hides "ahorita")."""
    spans = _Spans(hits)
    return [
        h
        for h in hits
        if not any(
            _inside(h, o) and (o.end - o.start) > (h.end - h.start)
            for o in spans.over(h.start, h.end)
        )
    ]


# -- places -------------------------------------------------------------------------------


def _place(
    lex: Lexicons,
    hits: list[Hit],
    words: Sequence[str],
    residence: Sequence[Sequence[int]] = (),
    localities: frozenset[tuple[int, int]] = frozenset(),
    offices: Sequence[int] = (),
    asked: Callable[[int], bool] | None = None,
    origins: Sequence[int] = (),
    here: bool = False,
    there: int | None = None,
    defer_origins: bool = False,
    weak: frozenset[tuple[int, int]] = frozenset(),
    abroad: frozenset[tuple[int, int]] = frozenset(),
    behind: Sequence[int] | None = None,
) -> tuple[Place | None, tuple[Place, ...], tuple[Place, ...]]:
    """The reading taken for the place named (the first, or the first said to be where the
    person is now: "soy de Moho pero vivo en Puno"; not the writer's own office when the whole
    department is asked about: "laboro en la beneficencia de Ayaviri, ¿cuántas hay en todo
    Puno?"; with ``asked``, the first named in a sentence that asks: "estudio en la UNA Puno.
    ¿Cuántos CEM hay en El Collao?"), the other readings of that name, and the first reading
    of every other place named ("en Puno y San Román"). ``origins``: where a person harmed is
    from ("una abuelita de Mañazo"), taken only when no place is said to be where one lives;
    with ``defer_origins`` (someone else's case), where the writer comes from yields to the
    next place named (``_past_origin``).
    A place after a road's words (grammar ``roads``: "el paradero de la salida a Puno, en
    Juliaca") is where the road leads, and one said not to be meant (``not_this_place``: "no
    el de Ollachea") is not, and a weak place (``weak``, the spans of grammar ``weak_places``:
    "estudio en la UNA", where one studies or works; of places where the one who harms went or
    lives; of a city named with its university) is not the case's: each taken only when no
    other place is named. A name of Puno said to be another department's (``abroad``:
    "Cerro Colorado, Arequipa") is no place of Puno.
    A place after ``same_place`` words says which the one before is ("Crucero, pero
    el de Pomata"). With ``behind`` (someone "sigue allá", or a place asked "allá"; the ends
    of the writer's words of residence), the first place away from the writer's (``_away``).
    A word that points to the place named last (``there``: where "esa provincia" is said), that
    place, whatever else says where one lives."""
    kb = lex.kb
    by_span: dict[tuple[int, int], list[Hit]] = defaultdict(list)
    for h in hits:
        if h.kind in PLACE_KINDS:
            by_span[(h.start, h.end)].append(h)
    readings: list[list[Place]] = []
    spans: list[tuple[int, int]] = []
    now_at: int | None = None
    now_rank = len(residence)
    origin_at: int | None = None
    writer_from: list[int] = []  # readings said where the writer comes from ("soy de Lampa")
    roads: list[tuple[list[Place], tuple[int, int]]] = []
    unmeant: list[tuple[list[Place], tuple[int, int]]] = []
    for start, end in sorted(by_span)[:MAX_PLACES]:
        if (start, end) in abroad:
            continue
        if reading := _readings(lex, by_span[(start, end)], words, start, end):
            if " ".join(words[max(0, start - 2) : start]) in lex.roads or (start, end) in weak:
                # "la salida a Puno, en Juliaca"; "estudio en la UNA… en Ilave"
                roads.append((reading, (start, end)))
                continue
            if _said_before(words, start, lex.not_this_place):
                unmeant.append((reading, (start, end)))  # "no el de Ollachea"
                continue
            if spans and tuple(words[spans[-1][1] : start]) in lex.same_place:
                # "Aguas Calientes, el de Acora": the reading of the place before in this one
                readings[-1] = _reading_in(kb, readings[-1], reading[0]) or reading
                continue
            rank = next(
                (r for r, ends in enumerate(residence) if _follows(start, ends, RESIDENCE_GAP)),
                now_rank,
            )
            if rank < now_rank:  # the first place after the best-ranked words of residence
                now_at, now_rank = len(readings), rank
            if origin_at is None and _follows(start, origins, RESIDENCE_GAP):
                origin_at = len(readings)
            if (defer_origins or behind is not None) and _from_origin(lex, words, start):
                writer_from.append(len(readings))
            readings.append(reading)
            spans.append((start, end))
    named = len(readings)  # the places named plainly, before roads and weak places
    for reading, span in roads:  # a road is named after where it leads, a weak place last
        readings.append(reading)
        spans.append(span)
    if not readings:  # "¿y no en Lampa?": only places said not to be meant, then those
        readings, spans, unmeant = [r for r, _ in unmeant], [s for _, s in unmeant], []
    if not readings:
        return None, (), ()
    lead = origin_at if now_at is None else now_at
    away = None if behind is None else _away(kb, readings[:named], spans, behind, writer_from)
    if away is not None:
        lead = away
    if lead is None and writer_from[:1] == [0]:
        lead = _past_origin(kb, readings[:named], writer_from)
    at_office = _follows(spans[0][0], offices, 1)
    if not lead and at_office and any(r[0].kind == "department" for r in readings[1:]):
        readings.append(readings.pop(0))
        spans.append(spans.pop(0))
    elif asked is not None and not at_office and (lead is None or not here):
        # a place asked about wins over where one lives ("vivimos en Macusani, nos vamos a
        # Azángaro: ¿qué servicios hay en Azángaro?"), unless the question points back to it
        # ("vivo en Sandia, ¿hay CEM ahí o tengo que bajar hasta Juliaca?")
        lead = _asked_place(lex, words, spans, asked) or lead
    if there is not None:
        lead = max((i for i, span in enumerate(spans[:named]) if span[1] <= there), default=lead)
    if lead:
        readings.insert(0, readings.pop(lead))
        spans.insert(0, spans.pop(lead))
    for reading, span in unmeant:  # never the place, whatever asks or follows
        readings.append(reading)
        spans.append(span)
    first = readings[0]
    # another place named is read in the first one when it can be ("cuántos CIAM hay en
    # Melgar y si el de Santa Rosa...": Santa Rosa of Melgar, not of El Collao), not one said
    # not to be meant ("Santa Rosa, no la de Melgar")
    pairs = zip(readings[1:], spans[1:], strict=True)
    later = [(_in_place(kb, r, first[0]), span) for r, span in pairs]
    others = list(dict.fromkeys(p for p, _ in later if p != first[0]))
    after: dict[Place, list[int]] = defaultdict(list)  # where each is named, every time
    for p, span in later:
        after[p].append(span[0])
    unmeant_spans = {span for _, span in unmeant}
    unmeant_places = {p for p, span in later if span in unmeant_spans}
    anchors = [p for p in others if p not in unmeant_places]  # the places that may say which
    for other in anchors:
        if picked := _reading_in(kb, first, other):
            others.remove(other)
            return picked[0], tuple(p for p in first if p != picked[0]), tuple(others)
    # "urb. Santa María, Juliaca", "Camicachi en Platería": a centro poblado (a list that
    # names many places alike) right before a district or province is in that one
    if spans[0] in localities:
        for other in anchors:
            if other.kind != "department" and any(
                0 <= start - spans[0][1] <= 1 for start in after[other]
            ):
                others.remove(other)
                return other, tuple(first), tuple(others)
    return first[0], tuple(first[1:]), tuple(others)


def _away(
    kb: Knowledge,
    readings: list[list[Place]],
    spans: list[tuple[int, int]],
    home_ends: Sequence[int],
    origins: list[int],
) -> int | None:
    """Someone "sigue allá": the first place that is not the writer's nor lies in it (nor
    it in that place), where the writer lives now ("me vine de Huancané a Puno… mi sobrinita
    sigue allá": Huancané), else where the writer comes from ("somos de Huancané… ella sigue
    allá": the other)."""
    now = (
        i
        for i, (start, _) in enumerate(spans[: len(readings)])
        if _follows(start, home_ends, RESIDENCE_GAP)
    )
    home = next(now, origins[0] if origins else None)
    if home is None:
        return None
    return next(
        (i for i, r in enumerate(readings) if not _overlap(kb, r[0], readings[home][0])), None
    )


def _overlap(kb: Knowledge, a: Place, b: Place) -> bool:
    """One place is the other or lies in it ("Huatasani, en Huancané")."""
    return (
        a == b
        or "department" in (a.kind, b.kind)
        or b.key == _province_of(kb, a)
        or a.key == _province_of(kb, b)
    )


def _past_origin(kb: Knowledge, readings: list[list[Place]], origins: list[int]) -> int | None:
    """In someone else's case told by one who first says where they come from, the next
    place named ("soy de Azángaro y mi hija estudia en Juliaca": Juliaca), unless the origin's
    province is named again ("soy de Ilave… ¿en Ilave hay psicólogo?")."""
    home = _province_of(kb, readings[0][0])
    later = [i for i in range(1, len(readings)) if i not in origins]
    if not later or any(_province_of(kb, readings[i][0]) == home for i in range(1, len(readings))):
        return None
    return later[0]


def _province_of(kb: Knowledge, place: Place) -> str:
    """The province a place lies in (a province is its own; the department, its id)."""
    return kb.districts[place.key].province if place.kind == "district" else place.key


def _in_place(kb: Knowledge, readings: list[Place], anchor: Place) -> Place:
    """The reading of a place name that lies in ``anchor``, else its most likely one."""
    inside = _reading_in(kb, readings, anchor) if len(readings) > 1 else []
    return inside[0] if inside else readings[0]


def _reading_in(kb: Knowledge, readings: list[Place], other: Place) -> list[Place]:
    """The readings of a place that lie in ``other`` ("Santa Rosa de Melgar", "Chucuito,
    Puno", "Ullacachi, Ilave"), else in the province of the district ``other``."""
    if other.kind == "department":
        return []
    districts = [p for p in readings if p.kind == "district"]
    inside = [p for p in districts if other.key in (p.key, kb.districts[p.key].province)]
    if inside or other.kind != "district":
        return inside
    province = kb.districts[other.key].province
    return [p for p in districts if kb.districts[p.key].province == province]


def _readings(
    lex: Lexicons, here: list[Hit], words: Sequence[str], start: int, end: int
) -> list[Place]:
    """Every reading of the place name at ``start:end`` (its ``here`` hits), the most likely
    first; only those of the kind a word beside it says ("el distrito de Puno")."""
    kb = lex.kb
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
    wanted = _level_said(lex, words, start, end)
    said = [p for p in options if p.kind == wanted]  # "la provincia de Puno": that one only
    return said or options


def _level_said(lex: Lexicons, words: Sequence[str], start: int, end: int) -> str | None:
    """The kind of place a word beside the name at ``start:end`` says ("el distrito de
    Puno", "Puno provincia", "todo Puno"), if any; the level above it when a question word
    comes first ("¿en qué distrito de Chucuito…?": the province)."""
    at = start - 1
    if at > 0 and words[at] == "de":
        at -= 1
    before = lex.place_levels.get(words[at]) if at >= 0 else None
    if before is not None and at > 0 and words[at - 1] in lex.which:
        return lex.level_above.get(before, before)
    after = words[end] if end < len(words) else ""
    return before or lex.place_levels.get(after)


def _origins(
    lex: Lexicons, hits: list[Hit], words: Sequence[str], victims: Sequence[str]
) -> list[int]:
    """Where the place of a victim named may follow: right after the victim's word and a
    word of ``person_place`` ("una abuelita DE Mañazo", "mi amiga DE Desaguadero")."""
    return [
        h.end
        for h in hits
        if h.kind == "victim"
        and h.key in victims
        and h.end < len(words)
        and words[h.end] in lex.person_place
    ]


def _points_back(cues: list[Hit], words: Sequence[str], asking: Callable[[int], bool]) -> bool:
    """A word of a sentence that asks for the place said before ("¿hay CEM ahí?", "en la
    provincia"), not one that names its own ("en la provincia de Azángaro"), nor one said
    before the question ("mi tesis sobre las DEMUNA de mi provincia. ¿Cuántas hay en la
    provincia de Azángaro?")."""
    return any(
        h.kind == "ask"
        and h.key == "here"
        and asking(h.start)
        and "de" not in words[h.end : h.end + 1]
        for h in cues
    )


def _asked_not_home(
    asking: Callable[[int], bool], cues: list[Hit], others: bool
) -> Callable[[int], bool]:
    """``asking``, but not where the writer says they live, work or study when the case is
    someone else's ("mi hermana vive en Azángaro… Yo vivo en Juliaca, ¿a dónde reporto esto?")."""
    homes = [h.end for h in cues if h.kind == "residence" and h.key in WRITERS and others]
    return lambda i: asking(i) and not _follows(i, homes, RESIDENCE_GAP)


def _from_origin(lex: Lexicons, words: Sequence[str], start: int) -> bool:
    """Whether the place at ``start`` is where the writer comes from ("aunque soy de
    Juliaca"), an article between allowed."""
    j = start
    while j > 0 and words[j - 1] in lex.localities.articles:
        j -= 1
    return _said_before(words, j, lex.origins)


def _homes(cues: list[Hit], unhomed: set[int]) -> dict[str, list[int]]:
    """Where each kind of words of residence (lexicon ``residence``) ends, but where
    ``unhomed`` ones end: the one who harms' ("él vive en") and a job offered somewhere, the
    bait ("trabajo de niñera en" is no workplace), no one's home."""
    homes: dict[str, list[int]] = defaultdict(list)
    for h in cues:
        if h.kind == "residence" and h.end not in unhomed:
            homes[h.key].append(h.end)
    return homes


def _here(ends: Sequence[int], names: list[Hit], origins: Sequence[int]) -> list[int]:
    """The ends of the writer's "aquí en" that say where the case is: none where the person
    is said to come from somewhere ("mi hermana de Azángaro… yo vivo aquí en Juliaca"), nor
    right before a department's name ("acá en Puno hay oficina?": the region)."""
    if origins:
        return []
    regional = {h.start for h in names if h.kind == "department"}
    return [end for end in ends if end not in regional]


def _ends(cues: list[Hit], key: str) -> set[int]:
    """Where the words of residence of one kind end."""
    return {h.end for h in cues if h.kind == "residence" and h.key == key}


def _campuses(
    lex: Lexicons, names: list[Hit], words: Sequence[str], residence: Sequence[Sequence[int]]
) -> frozenset[tuple[int, int]]:
    """The spans of cities named with their university (grammar ``institutions``: "la UNA
    Puno"), where one studies, unless said to be where someone is ("mi hermano estudia en la
    UNA Puno")."""
    return frozenset(
        (h.start, h.end)
        for h in names
        if h.kind in PLACE_KINDS
        and _said_before(words, h.start, lex.institutions)
        and not any(_follows(h.start, ends, RESIDENCE_GAP) for ends in residence)
    )


def _of_elsewhere(
    lex: Lexicons,
    names: list[Hit],
    cues: list[Hit],
    words: Sequence[str],
    ids: Sequence[int],
    localities: list[LocalityHit],
    text: str,
) -> frozenset[tuple[int, int]]:
    """The spans of Puno's names followed, in their sentence, by another department's
    ("Cerro Colorado, Arequipa", "Miraflores de Arequipa", "Desaguadero lado boliviano"):
    that department's places, not Puno's. A district or a province only after grammar
    ``elsewhere_links`` ("Taraco de Bolivia"; not "vivo en Ilave, Arequipa es lejos") or
    before a side of the border (``elsewhere_sides``); none a route's ("el bus Juliaca
    Arequipa") nor where one arrives from there ("me vine a Juliaca de Arequipa"), nor a link
    after a comma ("vivo en Juliaca, de Arequipa me vine": review 48b)."""
    others = [h for h in cues if h.kind == "elsewhere"]
    if not others:
        return frozenset()
    found = {(f.start, f.end) for f in localities}
    folded = fold(text)
    spans = set()
    for h in names:
        if h.kind not in ("province", "district") or (
            h.start and (words[h.start - 1] in lex.routes or words[h.start - 1] in lex.arrivals)
        ):
            continue
        for other in others:
            if other.start < h.end or ids[other.start] != ids[h.start]:
                continue
            between = " ".join(words[h.end : other.start])
            side = words[other.start] in lex.elsewhere_sides
            if (between in lex.elsewhere_links and not _comma_after(folded, words[h.end - 1])) or (
                not between and (side or (h.start, h.end) in found)
            ):
                spans.add((h.start, h.end))
    return frozenset(spans)


def _asked_elsewhere(
    lex: Lexicons,
    names: list[Hit],
    cues: list[Hit],
    words: Sequence[str],
    ids: Sequence[int],
    asking: Callable[[int], bool],
) -> bool:
    """A service asked for in another department, a place of Puno named or not: the last
    service asked ("me atendieron en el CEM de Lima… ¿dónde queda el CEM aquí?" asks for
    Puno's) is joined to that department's name in its sentence by grammar
    ``service_to_elsewhere`` ("¿hay CEM EN Tacna o solo acá en Puno?", "el CEM DE Arequipa")
    or the other way round by ``elsewhere_to_service`` after ``elsewhere_asked_in`` ("EN
    Sicuani HAY CEM…"; not "vengo de Cusco, hay CEM?"), and to no place of Puno so ("iba al
    CIAM en Arequipa… ¿en Melgar también hay CIAM?")."""
    asked = [s for s in names if s.kind == "service" and asking(s.start)]
    if not asked:
        return False
    last = max(s.start for s in asked)
    places = [p for p in (*cues, *names) if p.kind == "elsewhere" or p.kind in PLACE_KINDS]
    reach = lex.link_words  # the words a link may have: no slice of a long message joined
    joined = [
        p.kind == "elsewhere"
        for s in asked
        if s.start == last
        for p in places
        if ids[p.start] == ids[s.start]
        and (
            (
                0 <= p.start - s.end <= reach
                and " ".join(words[s.end : p.start]) in lex.service_to_elsewhere
            )
            or (
                0 <= s.start - p.end <= reach
                and " ".join(words[p.end : s.start]) in lex.elsewhere_to_service
                and (p.kind != "elsewhere" or _said_before(words, p.start, lex.asked_in))
            )
        )
    ]
    return bool(joined) and all(joined)


def _comma_after(folded: str, word: str) -> bool:
    """Whether ``word`` (normalised) is written with a comma right after it in ``folded``,
    the message's text folded once (``fold``)."""
    return re.search(rf"\b{re.escape(word)}\s*,", folded) is not None


def _on_routes(lex: Lexicons, names: list[Hit], words: Sequence[str]) -> frozenset[tuple[int, int]]:
    """The spans of a route's two places, the first right after grammar ``routes`` ("soy
    chofer de la ruta Juliaca Puno… en el paradero de Caracoto"): weak places."""
    places = sorted((h.start, h.end) for h in names if h.kind in ("province", "district"))
    firsts = [span for span in places if span[0] and words[span[0] - 1] in lex.routes]
    ends = {end for _, end in firsts}
    return frozenset([*firsts, *(span for span in places if span[0] in ends)])


def _places_after(names: list[Hit], ends: Iterable[int]) -> frozenset[tuple[int, int]]:
    """The spans of the places named right after words of residence of the one who harms
    ("mi esposo se volvió a Juliaca y me dejó en Ilave"): weak places, where the case is not."""
    return frozenset(
        (h.start, h.end)
        for h in names
        if h.kind in ("province", "district") and _follows(h.start, ends, RESIDENCE_GAP)
    )


def _left_behind(lex: Lexicons, words: Sequence[str], hits: list[Hit]) -> bool:
    """Someone stays far from the writer (grammar ``left_behind``: "mi sobrinita sigue
    allá"), not the one who harms ("el padrastro sigue allá en Moho", grammar
    ``left_behind_not``: "él sigue viviendo allá"). Read only where a victim is named: in the
    writer's own case "él sigue viviendo allá" is the one who harms."""
    agents = {h.end for h in hits if h.kind == "agent"}
    return any(
        at not in agents and (at == 0 or words[at - 1] not in lex.left_behind_not)
        for at in _said_at(words, lex.left_behind)
    )


def _asks_there(lex: Lexicons, words: Sequence[str], sentences: Sentences) -> bool:
    """A sentence written as a question asks about a place far from the writer's (grammar
    ``there``: "mis papás viven en Huancané… ¿Allá hay CIAM?"), or one that opens with it
    right before the question ("Allá en mi pueblo, ¿hay CEM?"); read where no harm is told,
    whose "allá" is where it happened ("allá él me encerraba")."""
    ids, questions = sentences
    return any(
        ids[at] in questions or (ids[at] + 1 in questions and (at == 0 or ids[at - 1] != ids[at]))
        for at in _said_at(words, lex.there)
    )


def _said_at(
    words: Sequence[str], phrases: Mapping[str, tuple[tuple[str, ...], ...]]
) -> Iterator[int]:
    """Where each of ``phrases`` (by first word, ``Lexicons``) is said in ``words`` (the
    position of its first word)."""
    for at, word in enumerate(words):
        for p in phrases.get(word, ()):
            if tuple(words[at : at + len(p)]) == p:
                yield at


def _said_before(words: Sequence[str], at: int, phrases: Iterable[tuple[str, ...]]) -> bool:
    """Whether the words right before ``at`` are one of ``phrases`` ("no el de" Ollachea)."""
    return any(tuple(words[max(0, at - len(p)) : at]) == p for p in phrases)


def _asked_place(
    lex: Lexicons, words: Sequence[str], spans: list[tuple[int, int]], asked: Callable[[int], bool]
) -> int:
    """The index of the first place named in a sentence that asks, when it is not the first
    place named ("estudio en la UNA Puno. ¿Cuántos CEM hay en El Collao?"); 0 otherwise. The
    department's own name said alone ("soy de Ilave, ¿ya funciona en Puno?") may be the
    whole department or its province: it does not move the place; nor does where the writer
    comes from ("Estoy en Ilave. ¿Me atienden aunque soy de Juliaca?")."""
    own = normalize(lex.kb.department.name)
    for i, (start, end) in enumerate(spans):
        if not asked(start) or _from_origin(lex, words, start):
            continue
        plain = " ".join(words[start:end]) == own and not _level_said(lex, words, start, end)
        return 0 if plain else i
    return 0


# -- hits ---------------------------------------------------------------------------------


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


TOLD_CUE = 0.5  # a cue in a sentence that tells, not asks, when another sentence asks


def _cue_weights(cues: list[Hit], asking: Callable[[int], bool]) -> dict[str, float]:
    """For each intent, how many of its cues the message has (one inside another counts
    once: "a dónde derivo" is one cue, not also "a dónde"); a cue in a sentence that only
    tells ("sé que en Corani hay Estrategia Rural. ¿Atienden casos de niños?") counts less."""
    weights: dict[str, float] = defaultdict(float)
    for h in _outermost([h for h in cues if h.kind == "cue"]):
        weights[h.key] += 1 if asking(h.start) else TOLD_CUE
    return dict(weights)


def _asking_sentences(plain: list[Hit], sentences: Sentences) -> set[int]:
    """The sentences that ask: written as a question, or with a word of ``asking``
    ("quisiera saber", "cuánto")."""
    ids, questions = sentences
    return set(questions) | {ids[h.start] for h in plain if h.kind == "asking"}


def _asking(sentences: Sentences, asks: set[int]) -> Callable[[int], bool]:
    """Whether the word at a position lies in one of the sentences that ask, ``asks``; every
    word does in a message of one sentence, or where none is written as a question ("...?",
    "¿...")."""
    ids, questions = sentences
    if not questions or len(set(ids)) < 2:
        return lambda i: True
    return lambda i: ids[i] in asks


def _asked_outside(
    kb: Knowledge, cues: list[Hit], sentences: Sentences, asks: set[int], situations: Sequence[str]
) -> Iterator[Hit]:
    """The words of other subjects asked apart from a calm family matter told (situations
    ``outside_asked``: "¿a qué hora atiende el juzgado? tengo audiencia de tenencia"), not from a
    report or a harm ("¿a qué hora atiende la fiscalía? quiero denunciar a mi esposo"); those of
    ``out_of_scope_asked`` anywhere in a message that tells no situation ("¿a qué hora atiende
    el juzgado de familia los sábados?")."""
    ids, questions = sentences
    calm = bool(situations) and all(kb.situations[s].outside_asked for s in situations)
    apart = calm and not asks.issuperset(ids)  # another sentence only tells
    for h in cues:
        if (h.kind == "oos_asked" and not situations) or (
            apart and h.kind in ("oos", "oos_asked") and ids[h.start] in questions
        ):
            yield h


def _covered(hits: Iterable[Hit]) -> int:
    """How many words of the message the hits cover."""
    return len({i for h in hits for i in range(h.start, h.end)})


class _Spans:
    """Hits by the positions they cover, to find the ones overlapping a span quickly."""

    def __init__(self, hits: Iterable[Hit]) -> None:
        self.at: dict[int, list[Hit]] = defaultdict(list)
        for h in hits:
            for i in range(h.start, h.end):
                self.at[i].append(h)

    def over(self, start: int, end: int) -> list[Hit]:
        """The hits covering any position of ``start:end``, each once."""
        at = self.at
        if end - start == 1 or not at:  # most hits are one word long
            return list(dict.fromkeys(at.get(start, ())))
        found: dict[Hit, None] = {}
        for i in range(start, end):
            found.update(dict.fromkeys(at.get(i, ())))
        return list(found)

    def hold(self, hit: Hit) -> bool:
        """Whether one of the hits covers ``hit`` whole."""
        return any(_inside(hit, outer) for outer in self.over(hit.start, hit.end))


def _overlaps(a: Hit | LocalityHit, b: Hit | LocalityHit) -> bool:
    return a.start < b.end and b.start < a.end


def _follows(position: int, ends: Iterable[int], most: int) -> bool:
    """The word at ``position`` comes at most ``most`` words after one of ``ends`` (the ends
    of "vivo en", "le escribo de", a question's cue...)."""
    return any(0 <= position - end <= most for end in ends)


def gap(a: Hit, b: Hit) -> int:
    """Words between two hits (0 when they touch or overlap)."""
    return max(a.start - b.end, b.start - a.end, 0)


def _next_to_a_name(cues: list[Hit], names: list[Hit]) -> bool:
    """An out-of-scope word right next to a service or term ("alquilan car", "car wash")."""
    return any(
        gap(o, e) <= 1
        for o in cues
        if o.kind == "oos"
        for e in names
        if e.kind in ("service", "term")
    )


def _asks_sites(lex: Lexicons, words: Sequence[str], names: list[Hit]) -> bool:
    """A service named right after "cuántos", "hay", "existe" (articles between)."""
    for h in names:
        if h.kind != "service":
            continue
        i = h.start - 1
        while i >= 0 and words[i] in lex.articles:
            i -= 1
        if i >= 0 and words[i] in lex.site_questions:
            return True
    return False


def _a_word_not_a_place(
    lex: Lexicons, h: Hit, words: Sequence[str], spelled: frozenset[str]
) -> bool:
    """A place whose name is also a common word ("cuando chupa", "sus cabañas"), without a
    place word before it ("en Chupa") or its eñe written (``spelled``: "…no tiene ni leña.
    Muñani"), or a noun after an article or a possessive ("con el puño"), but for a place
    word before "mi" or "el" (``noun_place_markers``: "aquí en mi Puno", "¿hay CEM en el
    Puno?"; not "de su puño y letra")."""
    name = " ".join(words[h.start : h.end])
    before = words[h.start - 1] if h.start else ""
    if h.kind in PLACE_KINDS and name in lex.noun_places:
        far = words[h.start - 2] if h.start >= 2 else ""
        said = before in lex.noun_place_markers and far in lex.place_markers
        return before in lex.noun_markers and not said
    if h.kind not in ("district", "province") or name not in lex.word_places:
        return False
    if name in spelled and before not in lex.noun_markers:  # not "me dio un mañazo"
        return False
    return before not in lex.place_markers


ASKED_GAP = 3  # words between a question's cue and the service it asks about


def _asked_first(names: list[Hit], cues: list[Hit], asking: Callable[[int], bool]) -> list[str]:
    """The services named, first the first one a question asks about ("algunos casos van al
    SAU y otros quedan en el CEM… ¿qué es la UPE?": the UPE), else the first named in a
    sentence that asks ("Coordino un CIAM. ¿Cuántas personas atendió Mi60+ en 2022?"), then
    in the order named."""
    named = [h for h in names if h.kind == "service"]
    cued = [h.end for h in cues if h.kind == "cue"]
    asked = [h for h in named if _follows(h.start, cued, ASKED_GAP)]
    asked = asked or [h for h in named if asking(h.start)]
    return _unique(h.key for h in [*asked[:1], *named])


def _affiliated(cues: list[Hit], names: list[Hit], length: int) -> bool:
    """The writer speaks for an office ("soy de la DEMUNA", "trabajo en el hospital", "soy
    docente, una alumna…"), not of where they come from ("somos de Juli"), nor says last who
    they are ("¿hay convocatoria CAS en el MIMP? soy psicóloga")."""
    places = {h.start for h in names if h.kind in PLACE_KINDS}
    return any(h.kind == "affiliation" and h.end not in places and h.end < length for h in cues)


def _writers_services(
    names: list[Hit], cues: list[Hit], *, apart: bool = False, kind: str = "affiliation"
) -> set[str]:
    """Services named right after "le escribo de", "trabajo en" (one word between at most);
    with ``apart``, those named anywhere else; with ``kind`` "visited", right after "me
    mandaron al", "fui a la"."""
    ends = [h.end for h in cues if h.kind == kind]
    return {h.key for h in names if h.kind == "service" and _follows(h.start, ends, 1) != apart}


def _with_localities(
    names: list[Hit], found: list[LocalityHit]
) -> tuple[list[Hit], list[LocalityHit]]:
    """Names and localities together: a locality wins over the shorter names inside it
    ("20 de Enero" is not the period "enero", "Alto Puno" not the province), and over a name
    as long read from a typo (Capano, as written, is not the district Capazo); a name it
    overlaps otherwise wins over it. Each locality is read as its districts."""
    kept: list[LocalityHit] = []
    named = _Spans(names)
    for loc in found:
        near = named.over(loc.start, loc.end)
        inside = [h for h in near if loc.start <= h.start and h.end <= loc.end]
        clash = [h for h in near if h not in inside]
        if clash or any(h.end - h.start >= loc.end - loc.start and not h.fuzzy for h in inside):
            continue
        names = [h for h in names if h not in inside]
        kept.append(loc)
    read = [Hit("district", d, loc.start, loc.end) for loc in kept for d in loc.districts]
    return sorted([*names, *read], key=lambda h: h.start), kept


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


def _without_idioms(hits: list[Hit]) -> list[Hit]:
    """An idiom hides the acts it shares a word with ("me mata el frío", "les dimos una
    paliza al otro equipo") unless the act holds it whole and goes on after it ("el veneno
    para las ratas PERO ES PARA MÍ"; not "mi papá me regaló mis ovejas", whose idiom ends the
    act), and is no signal itself; an act hides the frame words inside it
    ("difunden mi VIDEO íntimo" is the harm, not a story seen in a video)."""
    idioms = _Spans([h for h in hits if h.kind == "idiom"])
    acts = _Spans([h for h in hits if h.kind == "act" and not _idiom_over(idioms, h)])
    return [
        h
        for h in hits
        if h.kind != "idiom"
        and not (h.kind == "act" and _idiom_over(idioms, h))
        and not (h.kind == "frame" and acts.hold(h))
    ]


def _idiom_over(idioms: _Spans, act: Hit) -> bool:
    """An idiom shares a word with the act and the act does not hold it and go on after it."""
    return any(
        not (act.start <= i.start and i.end < act.end) for i in idioms.over(act.start, act.end)
    )


def _cues_asked(cues: list[Hit], holders: list[Hit], topics: list[Hit]) -> list[Hit]:
    """The cues but an out-of-scope word held by one of ``holders``: an idiom ("el EXAMEN de
    admisión me va a matar jaja, ¿el CAR qué edades recibe?": an aside, not the question) or
    a practical topic ("y si no tiene DNI, ¿puede inscribirse?" asks the requirements; "¿dónde
    saco el DNI?" stays out of scope); and but a cue of where a service is held by one of
    ``topics`` ("¿la Línea 100 atiende en la noche?" asks the hours, not where)."""
    held, topical = _Spans(holders), _Spans(topics)
    return [
        c
        for c in cues
        if not (c.kind == "oos" and held.hold(c)) and not (c.key == "locate" and topical.hold(c))
    ]


def _outside_oos(harm: list[Hit], cues: list[Hit]) -> list[Hit]:
    """The harm hits but the victims inside an out-of-scope phrase."""
    oos = _Spans(c for c in cues if c.kind == "oos")
    return [h for h in harm if not (h.kind == "victim" and oos.hold(h))]


def _without_names(harm: list[Hit], names: list[Hit]) -> list[Hit]:
    """A service or term name hides the harm words inside it ("Servicio de Atención
    Urgente", "Centro Emergencia Mujer"), not a phrase around it ("ya vino la policía")."""
    titled = _Spans(n for n in names if n.kind in ("service", "term"))
    return [h for h in harm if not titled.hold(h)]


def _turned(cues: list[Hit], harm_hits: list[Hit]) -> bool:
    """An act of harm told after the writer turns to the real problem ("pd:", "en realidad lo
    que pasa es que…")."""
    turns = [h.end for h in cues if h.kind == "turn"]
    return bool(turns) and any(h.kind == "act" and h.start >= min(turns) for h in harm_hits)


def _amended(
    names: list[Hit],
    amends: list[Hit],
    kinds_amended: Sequence[frozenset[str]] = AMENDED_KINDS,
    within: int = AMEND_AFTER,
    asked: Callable[[int], bool] | None = None,
) -> list[Hit]:
    """The names a writer took back: before each amendment ("no perdón", "quise decir", "me
    equivoqué"), the last name of each of ``kinds_amended`` (a place, a service, a period)
    that another name of the same kind follows within ``within`` words ("¿cuántos CIAM hay en
    Sandia? no perdón, quise decir Carabaya": Sandia goes; "la DEMUNA, digo, el CEM": the
    DEMUNA goes); with ``asked``, only a name of a sentence that asks."""
    dropped: set[tuple[int, int]] = set()  # the spans taken back (a locality's districts)
    for amend in amends:
        for kinds in kinds_amended:
            same = [h for h in names if h.kind in kinds]
            before = [h for h in same if h.end <= amend.start and (asked is None or asked(h.start))]
            after = [h for h in same if amend.end <= h.start <= amend.end + within]
            if not (before and after):
                continue
            last = max(before, key=lambda h: h.end)
            if min(after, key=lambda h: h.start).key != last.key:  # the same again: none
                dropped.add((last.start, last.end))
    return [h for h in names if (h.start, h.end) not in dropped] if dropped else names


def _settle_overlaps(
    names: list[Hit], cues: list[Hit], weak: frozenset[tuple[int, int]] = frozenset()
) -> tuple[list[Hit], list[Hit]]:
    """Resolve words claimed both by a name and by a cue.

    A service or term name hides the greeting words inside it; a longer phrase hides a
    shorter one of another meaning ("cuánto cuesta" is not "cuántos", "cuánto gana" is out
    of scope); an out-of-scope phrase longer than the name it contains wins over it ("car
    wash"), a shorter one loses ("pensión de alimentos"), but not inside a weak place
    (``weak``: the spans of the places of grammar ``weak_places``), where both stay ("la
    Candelaria" is a place and a fiesta).
    """
    titles = _Spans(h for h in names if h.kind in ("service", "term"))
    named = _Spans(names)
    all_cues = _Spans(cues)
    cues = [
        c
        for c in cues
        if not any(
            o.kind in ("cue", "oos", "greeting", "indicator")
            and (o.kind, o.key) != (c.kind, c.key)
            and o.end - o.start > c.end - c.start
            for o in all_cues.over(c.start, c.end)
        )
    ]
    kept: list[Hit] = []
    dropped: set[Hit] = set()
    for cue in cues:
        if cue.kind == "greeting" and titles.over(cue.start, cue.end):
            continue
        if cue.kind == "oos" and not any(s <= cue.start and cue.end <= e for s, e in weak):
            inside = named.over(cue.start, cue.end)
            longest = max((e.end - e.start for e in inside), default=0)
            if inside and longest >= cue.end - cue.start:
                continue
            dropped.update(inside)
        if cue.kind == "cue":  # "qué servicio del MIMP atiende a…": no question about the MIMP
            dropped.update(
                t for t in titles.over(cue.start, cue.end) if t.kind == "term" and _inside(t, cue)
            )
        kept.append(cue)
    return [e for e in names if e not in dropped], kept
