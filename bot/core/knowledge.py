"""The knowledge's records (``knowledge/*.yaml``, typed) and ``Knowledge``, their read-only index.

The records are plain frozen dataclasses: a built engine unpickles without any validation
library. ``bot.core.loader`` validates the files against them (the ``Rule`` and ``Uses`` of
their fields, unknown keys refused) and checks every cross-reference; any problem raises
``KnowledgeError`` naming the file, the entry (path inside the file) and the line: the bot
never runs on half-loaded data.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from types import MappingProxyType
from typing import Annotated, Any, ClassVar, Literal, NamedTuple

from bot.core.classifier import Classifier
from bot.core.model import INTENTS
from bot.core.templates import Pattern

DEFAULT_KNOWLEDGE_DIR = Path(__file__).resolve().parents[2] / "knowledge"


class Rule:
    """A constraint of a field (pydantic's ``Field`` arguments: ``pattern``, ``min_length``,
    ``ge``, ``le``), applied when the loader validates a file."""

    __slots__ = ("constraints",)

    def __init__(self, **constraints: object) -> None:
        self.constraints = constraints

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic import Field

        return handler(Annotated[source, Field(**self.constraints)])  # type: ignore[call-overload]


Id = Annotated[str, Rule(pattern=r"^[a-z0-9]+(_[a-z0-9]+)*$")]
Ubigeo = Annotated[str, Rule(pattern=r"^\d{6}$")]
Period = Annotated[str, Rule(pattern=r"^(19|20)\d{2}(-(0[1-9]|1[0-2]))?$")]
Text = Annotated[str, Rule(min_length=1)]
# a name as written (an alias): no template syntax, which only phrases and cues take
Name = Annotated[str, Rule(min_length=1, pattern=r"^[^()|\[\]<>*=]+$")]
Count = Annotated[int, Rule(ge=0)]
Operation = Literal["mimp", "coordinated"]


class KnowledgeError(Exception):
    """The knowledge directory is invalid; ``str()`` is the message for people."""


class _Record:
    """Base of the records: unknown keys refused, whitespace around texts stripped. Records
    are compared as objects, not field by field, and print as objects (``eq=False,
    repr=False``): nothing compares them, and the methods that dataclasses would write for
    42 classes cost a fifth of the core's import at each start."""

    __pydantic_config__: ClassVar[dict[str, Any]] = {
        "extra": "forbid",
        "str_strip_whitespace": True,
    }


# --- services.yaml -----------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class Service(_Record):
    """One public service: what it is, who runs it, who it serves, how to reach it."""

    id: Id
    name: Text
    acronym: str | None = None
    plural: Text | None = None  # the name counted, without an acronym: "7 Sociedades de ..."
    aliases: Annotated[list[Name], Rule(min_length=1)]
    programme: Id
    operation: Operation
    serves: Text
    description: Text
    offers: list[Text] = field(default_factory=list)
    how_to_reach: str | None = None
    free: bool | None = None
    hours: str | None = None
    note: str | None = None
    violence: bool = False  # takes cases of violence: answers about it carry Línea 100
    walk_in: bool = True  # False: nobody walks in (a team, an intervention): how_to_reach says how
    source: Text


# --- locations.yaml ----------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class Site(_Record):
    """A named place where a service works (e.g. "CEDIF Juli", "PIAS Lago Titicaca"), with
    what the ministry adds about it (all optional)."""

    name: Text
    district: Ubigeo | None = None
    address: Text | None = None
    phone: Text | None = None
    hours: Text | None = None
    languages: list[Text] = field(default_factory=list)


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class Kind(_Record):
    id: Id
    label: Text
    stated_total: Count | None = None


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class ProvinceCount(_Record):
    province: Id
    count: Count
    kind: Id | None = None
    sites: list[Site] = field(default_factory=list)


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class Coverage(_Record):
    """How many sites of a service each province has, as the seed's detailed listing gives it."""

    service: Id
    department: Id
    label: Text
    stated_total: Count | None = None
    kinds: list[Kind] = field(default_factory=list)
    counts: list[ProvinceCount] = field(default_factory=list)
    note: str | None = None
    source: Text


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class TableRow(_Record):
    province: Id
    counts: dict[Id, Count]
    total: Count


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class ConsolidatedTable(_Record):
    """One of the seed's consolidated tables, kept as printed (for cross-checks and totals)."""

    id: Id
    department: Id
    title: Text
    operation: Operation
    rows: list[TableRow]
    totals: dict[Id, Count]
    total: Count


# --- figures.yaml ------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class Figure(_Record):
    """One number of the seed: service, indicator, period, value, label and source."""

    service: Id
    indicator: Id
    label: Text
    period: Period
    value: Count
    source: Text


# --- glossary.yaml -----------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class Term(_Record):
    id: Id
    term: Text
    aliases: list[Name] = field(default_factory=list)
    definition: Text
    service: Id | None = None
    operation: Operation | None = None
    source: str | None = None


# --- contacts.yaml -----------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class Contact(_Record):
    id: Id
    name: Text
    phone: Text
    free: bool
    hours: Text
    languages: list[Text] = field(default_factory=list)
    description: Text
    service: Id | None = None
    source: Text


# --- places.yaml -------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class Department(_Record):
    id: Id
    name: Text
    ubigeo: Annotated[str, Rule(pattern=r"^\d{2}$")]
    aliases: list[Name] = field(default_factory=list)


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class Province(_Record):
    id: Id
    ubigeo: Annotated[str, Rule(pattern=r"^\d{4}$")]
    name: Text
    department: Id
    capital: Text
    capital_district: Ubigeo
    aliases: list[Name] = field(default_factory=list)


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class District(_Record):
    ubigeo: Ubigeo
    name: Text
    province: Id
    capital: Text
    latitude: Annotated[float, Rule(ge=-90, le=90)]
    longitude: Annotated[float, Rule(ge=-180, le=180)]
    aliases: list[Name] = field(default_factory=list)


# --- situations.yaml ---------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class Situation(_Record):
    """A kind of case for referrals ("a dónde derivo ...") and the services that take it."""

    id: Id
    label: Text
    phrases: Annotated[list[Text], Rule(min_length=1)]
    services: Annotated[list[Id], Rule(min_length=1)]
    also: list[Id] = field(default_factory=list)
    # phrases that name the situation only beside harm told to a person ("¿dónde denuncio?")
    case_phrases: list[Text] = field(default_factory=list)
    # needs (situations) and practical topics its answer already answers: not said again
    covers: list[Id] = field(default_factory=list)
    priority: Annotated[int, Rule(ge=0)] = 5
    menu: bool = True
    urgent: bool = False  # harm to a person: the answer opens with Línea 100
    # named only where no harm is told ("nos estamos separando" is the DEMUNA's; "quiero
    # separarme, él me obliga…" is the harm's case)
    calm_only: bool = False
    # a calm family matter: a court's or a lawyer's matter asked apart beside it is outside
    # (signal oos_asked; "¿a qué hora atiende el juzgado? tengo audiencia de tenencia")
    outside_asked: bool = False
    answer: Text | None = None  # the direct answer, first (plain text)
    # telephones of contacts.yaml shown too (the Police, 105)
    contacts: list[Id] = field(default_factory=list)
    source: Text | None = None  # where the answer comes from, when not the summary


# --- lexicon.yaml ------------------------------------------------------------------------


# words that shape the answer, not its intent: the province with most or least of a service,
# a comparison, the rest of the last answer, the place of the last answer ("ahí")
AnswerCue = Literal["most", "least", "compare", "more", "here", "there", "count"]


PlaceLevel = Literal["district", "province", "department"]
# whose home (or whose move) words of residence say: lexicon ``residence``
ResidenceKey = Literal[
    "writer",
    "moved",
    "workplace",
    "person",
    "relative",
    "household",
    "family",
    "going",
    "here",
    "agent",
    "offer",
]


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class Grammar(_Record):
    """The small words of the language that the reading of a message relies on."""

    articles: list[Text]  # "¿hay UN CEM…?": between "hay" and a service
    definite: list[Text]  # "en LA Rinconada": between a place word and a place
    mine: list[Text]  # "MI hija": the writer's own
    particular: list[Text]  # "UNA señora", "ESTE vecino": someone in particular
    whose: list[Text]  # "SU hija": someone's, not said whose
    # "una serie DONDE…", "una serie DE una chica…": what follows tells the story's content
    story_links: list[Text] = field(default_factory=list)
    # "veía la tele CUANDO la golpearon", "juega free fire Y LE piden fotos": what follows is
    # told beside the story, not in it
    story_breaks: list[Text] = field(default_factory=list)
    # "juega free fire Y LE piden fotos": a pronoun right before an act after a story
    story_turns: list[Text] = field(default_factory=list)
    # "juega free fire y les GRITA 'te voy a matar'": the words said in the story
    story_quotes: list[Text] = field(default_factory=list)
    # "la SALIDA A Puno", "la CARRETERA A Ananea": the place after it is where a road leads
    roads: list[Text] = field(default_factory=list)
    institutions: list[Text] = field(default_factory=list)  # "la UNA Puno": a weak place
    # "la UNA", "la UNAJ": a place named where one studies or works, taken only when no other is
    weak_places: list[Text] = field(default_factory=list)
    # "Aguas Calientes, EL DE Acora": the place after it says which one the place before is
    same_place: list[Text] = field(default_factory=list)
    # "NO EL DE Ollachea", "NO LA DE Yunguyo": the place after it is not the one meant
    not_this_place: list[Text] = field(default_factory=list)
    # "Cerro Colorado, Arequipa", "Miraflores DE Arequipa": the words between a name of Puno
    # and another department's that make the name that department's place
    elsewhere_links: list[Text] = field(default_factory=list)
    # "Desaguadero LADO boliviano": a side of the border right after a district's name
    elsewhere_sides: list[Text] = field(default_factory=list)
    # "¿hay CEM EN Tacna?", "en Sicuani HAY CEM": the words between a service and another
    # department's name, either way round, that ask for the service there
    service_to_elsewhere: list[Text] = field(default_factory=list)
    elsewhere_to_service: list[Text] = field(default_factory=list)
    # before another department's name, it is where the service is asked for ("EN Sicuani hay
    # CEM"; not "vengo de Cusco, hay CEM?")
    elsewhere_asked_in: list[Text] = field(default_factory=list)
    # "me vine A Juliaca de Arequipa": where one arrives, not another department's place
    arrivals: list[Text] = field(default_factory=list)
    # "se queda callao": a word before another department's name that makes it no place
    not_elsewhere: list[Text] = field(default_factory=list)
    # "le DIGO a mi mamá", "te DIGO la verdad": a word before an amendment that makes it none
    not_amending: list[Text] = field(default_factory=list)
    # "el BUS Juliaca Arequipa", "la CARRETERA Juliaca Cusco": a route's first place, taken only
    # when no other is named, and never another department's place
    routes: list[Text] = field(default_factory=list)
    # "achachilaXA", "mamaY": a person word's ending that says someone in particular
    particular_endings: list[Text] = field(default_factory=list)
    # "DOS hermanitos duermen en el cajero": a few victims counted are someone in particular
    counted: list[Text] = field(default_factory=list)
    # "le quema las manos CUANDO NO hace la tarea": what a punishment is for; a frame a few
    # words after it is the reason, not a story's frame
    reasons: list[Text] = field(default_factory=list)
    # "NO era sueño", "ES UNA pesadilla nomás vivir con él": a word right before a story's
    # closer that makes it part of another phrase
    closer_blockers: list[Text] = field(default_factory=list)
    site_questions: list[Text]  # "CUÁNTOS CEM", "HAY CEM": a question about sites
    also_objects: list[Text]  # "pega a mis hijos Y A mí": one more object of the act
    place_levels: dict[Text, PlaceLevel]  # "distrito de Puno": the district
    # "¿EN QUÉ distrito de Chucuito…?": a question for a place inside the one named, whose
    # level is then the one above: the words before the level word, and the level above each
    which: list[Text] = field(default_factory=list)
    level_above: dict[PlaceLevel, PlaceLevel] = field(default_factory=dict)
    person_place: list[Text]  # "una abuelita DE Mañazo": where a person named is from
    origins: list[Text]  # "aunque SOY DE Juliaca": where the writer comes from, not asked about
    # "me vine de Huancané a Puno… mi sobrinita SIGUE ALLÁ": someone stayed where one came from
    left_behind: list[Text] = field(default_factory=list)
    # "trabajo en Juliaca, mis papás viven en Huancané: ¿ALLÁ hay CIAM?": a place asked far
    # from the writer's
    there: list[Text] = field(default_factory=list)
    behalf: list[Text] = field(default_factory=list)  # "le escribo POR MI papá": whose case
    left_behind_not: list[Text] = field(default_factory=list)  # "ÉL sigue allá": who harms


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class OtherEmergency(_Record):
    """An emergency that is no harm done by a person (a fire, a fall, a landslide): the
    telephones of contacts.yaml that help, instead of "no tengo información"."""

    contacts: Annotated[list[Id], Rule(min_length=1)]
    phrases: Annotated[list[Text], Rule(min_length=1)]


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class Lexicon(_Record):
    """Words of the users' language: the understanding reads these, nothing is hard-coded.

    Every phrase list may use templates (``(a|b)``, ``[a]``, ``<rule>``) with the rules of
    ``expansion_rules``; the loader expands them."""

    expansion_rules: dict[Id, Text] = field(default_factory=dict)
    abbreviations: dict[Text, str]
    # an emoji read as words ("😢": "llorando")
    emoji: dict[Text, Text] = field(default_factory=dict)
    gap_words: list[Text] = field(default_factory=list)
    shouted: list[Text] = field(default_factory=list)
    calm_shouts: list[Text] = field(default_factory=list)  # "¡ayuda con mi tarea!": no danger
    unharmed: list[Text] = field(default_factory=list)  # "no me hicieron daño": nobody hurt
    accused: list[Text] = field(default_factory=list)  # "me denunció": the writer is reported
    # "otra cosa, ¿dónde saco el DNI?": what follows is not about the case told before
    topic_changes: list[Text] = field(default_factory=list)
    # "¿hay CEM en Ayaviri? no perdón, en Azángaro": the name said after it replaces the one
    # of the same kind said just before
    amendments: list[Text] = field(default_factory=list)
    # "¿qué es la UPE? bueno, en realidad lo que pasa es que…": what follows is the point
    real_problem: list[Text] = field(default_factory=list)
    # a fire, a fall, a landslide: no harm done by a person, the telephones that help
    other_emergencies: dict[Id, OtherEmergency] = field(default_factory=dict)
    place_suffixes: list[str] = field(default_factory=list)  # "Macusanipi": in Macusani
    intent_cues: dict[
        Literal["locate", "describe", "stats", "overview", "referral", "help"], list[Text]
    ]
    answer_cues: dict[AnswerCue, list[Text]] = field(default_factory=dict)
    greetings: list[Text]
    thanks: list[Text]
    farewells: list[Text]
    out_of_scope: list[Text]
    # matters of other institutions, outside only where asked apart from a calm family matter
    # or where no situation is told (oos_asked)
    out_of_scope_asked: list[Text] = field(default_factory=list)
    other_places: list[Text] = field(default_factory=list)
    place_markers: list[Text] = field(default_factory=list)
    not_places: list[Text] = field(default_factory=list)
    word_places: list[Text] = field(default_factory=list)
    noun_places: list[Text] = field(default_factory=list)  # "con el puño": not Puno
    noun_markers: list[Text] = field(default_factory=list)
    noun_place_markers: list[Text] = field(default_factory=list)  # "en MI Puno": the city
    # "…me pega, Rosa Quispe": people's names, never a place signed at a message's end
    not_signed: list[Text] = field(default_factory=list)
    # "Y solo enero de 2023, ¿cuántos fueron?": the first words of a follow-up (a few more
    # words are then allowed in it)
    follow_openers: list[Text] = field(default_factory=list)
    english_words: list[Text] = field(default_factory=list)
    affiliation: list[Text] = field(default_factory=list)
    # "me mandaron AL CEM", "fui A LA DEMUNA": a service where one was sent or went, not the
    # one asked about when harm is told
    visited: list[Text] = field(default_factory=list)
    residence: dict[ResidenceKey, list[Text]] = field(default_factory=dict)
    indicators: dict[Id, list[Text]] = field(default_factory=dict)
    periods: dict[Period, list[Text]]
    # the months' names, for a month asked that the summary has no figures of ("febrero de
    # 2023" when it has only January)
    months: dict[Text, Annotated[int, Rule(ge=1, le=12)]] = field(default_factory=dict)
    stopwords: list[Text]
    grammar: Grammar

    def __post_init__(self) -> None:
        for intent, cues in self.intent_cues.items():
            if not cues:
                raise ValueError(f"intent_cues.{intent} is empty")


# --- harm.yaml -----------------------------------------------------------------------------

HarmCategory = Literal[
    "fisica",
    "sexual",
    "psicologica",
    "amenaza",
    "economica",
    "abandono",
    "trata",
    "desaparicion",
    "acoso",
    "digital",
    "autolesion",
    "encierro",
    "pedido",
]
TimeMark = Literal["now", "recent", "help_now", "ongoing", "still", "past", "safe"]
HarmLevel = Literal["grave", "normal", "low"]


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class HarmAct(_Record):
    """Something done to a person (hitting, threats, abuse...), in phrases matched by root."""

    id: Id
    category: HarmCategory
    level: HarmLevel = "normal"
    # a state that goes on ("no contesta", "me quiero morir"): "hace meses" elsewhere in the
    # message does not make it past; only a safe-now mark does
    lasting: bool = False
    only_for: list[Id] = field(default_factory=list)  # counts only beside these victims
    situation: Id | None = None
    phrases: Annotated[list[Text], Rule(min_length=1)]


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class HarmVictim(_Record):
    """A kind of person harmed, and the referral situation for harm done to them."""

    id: Id
    situation: Id
    categories: list[HarmCategory] = field(default_factory=list)  # empty: harm of every category
    # the victim's own situation for harm of a category ("sexual" to a child: its own case)
    by_category: dict[HarmCategory, Id] = field(default_factory=dict)
    trait: bool = False  # a trait of the person named (a disability), not another person
    # harm of these categories done to a person with the trait is that harm's own case first
    # (a deaf woman beaten: the CEM), the trait's services after
    yields_to: list[HarmCategory] = field(default_factory=list)
    phrases: Annotated[list[Text], Rule(min_length=1)]
    # phrases that name this victim only as a message's last words ("…, tengo 14")
    last: list[Text] = field(default_factory=list)
    # phrases with which the writer says they are this victim ("tengo 13 años", "soy menor de
    # edad"): harm told in the first person is then this victim's own case
    writer: list[Text] = field(default_factory=list)


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class Jokes(_Record):
    """Laughter ("jaja", "xd"): harm of these categories said with it is of level low (a
    case referred, Línea 100 first; not the emergency card), unless the message also says
    it is serious (``serious``: "no es broma", "tengo miedo", a partner's threat)."""

    categories: Annotated[list[HarmCategory], Rule(min_length=1)]
    phrases: Annotated[list[Text], Rule(min_length=1)]
    serious: list[Text] = field(default_factory=list)


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class Harm(_Record):
    """The parts harm is recognised from: acts, victims, agents, time, and frames that say a
    story is not a case (homework, news, a training)."""

    situation: Id  # the referral situation of harm that names no other
    admission_situation: Id | None = None  # answered after the case of one who harms (admissions)
    acts: Annotated[list[HarmAct], Rule(min_length=1)]
    victims: list[HarmVictim] = field(default_factory=list)
    agents: list[Text] = field(default_factory=list)
    # a partner or an ex who harms: a young writer's case with one is dating violence (the
    # CEM), not a child's own case (harm.yaml ``partners``)
    partners: list[Text] = field(default_factory=list)
    time: dict[TimeMark, list[Text]] = field(default_factory=dict)
    # the one who harms held ("ya está detenido"), and the hold undone ("lo soltaron", "no está
    # detenido"): a bare "now" between a hold and a mark of safety, no harm told after, says
    # where the one harmed is (signals ``_after_held``)
    held: list[Text] = field(default_factory=list)
    released: list[Text] = field(default_factory=list)
    bare_now: list[Text] = field(default_factory=list)  # "ahorita": a time word, no danger told
    # between a mark of harm going on and the act, harm denied: "hace meses que NO me pega"
    still_denials: list[Text] = field(default_factory=list)
    frames: list[Text] = field(default_factory=list)
    case_kinds: list[Text] = field(default_factory=list)  # a frame unless someone is harmed
    animals: list[Text] = field(default_factory=list)  # a frame unless far after the harm
    disclosures: list[Text] = field(default_factory=list)  # "me contó que": no frame then
    audiences: list[Text] = field(default_factory=list)  # "mi hija vio una serie": no case
    story_closers: list[Text] = field(default_factory=list)  # "…, así dice el huayno"
    story_openers: list[Text] = field(default_factory=list)  # "te cuento la novela: …"
    dream_openers: list[Text] = field(default_factory=list)  # "anoche soñé que…"
    real_stories: list[Text] = field(default_factory=list)  # "…, así es mi vida"
    story_returns: list[Text] = field(default_factory=list)  # "soñé que… y HOY me pegó"
    admissions: list[Text] = field(default_factory=list)  # "le pegué, no quiero volver a hacerlo"
    writer_roles: list[Text] = field(default_factory=list)  # "soy abuela": not the victim
    first_person: list[Text] = field(default_factory=list)
    negations: list[Text] = field(default_factory=list)  # "crianza sin golpes": no act
    idioms: list[Text] = field(default_factory=list)  # "me mata el frío": no act inside
    beasts: list[Text] = field(default_factory=list)  # "le pega a su caballo": no act, asked
    jokes: Jokes | None = None  # laughter that makes a threat a joke, maybe


# --- centros_poblados.yaml, barrios.yaml ---------------------------------------------------


class Locality(NamedTuple):
    """A place below the district: a centro poblado or a barrio, and its district (a tuple:
    there are some 9 000, and the engine cache unpickles tuples fast)."""

    name: str
    district: str
    barrio: bool = False
    urban: bool = False


# --- andean.yaml ---------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class AndeanWord(_Record):
    """A Quechua or Aymara word people mix into Spanish, with what the bot reads it as."""

    word: Text
    forms: Annotated[list[Text], Rule(min_length=1)]
    language: Annotated[list[Literal["quechua", "aimara"]], Rule(min_length=1)]
    meaning: Text
    role: Annotated[
        str, Rule(pattern=r"^(victim:[a-z_]+|agent|act:[a-z_]+|greeting|thanks|farewell)$")
    ]
    sources: Annotated[list[Id], Rule(min_length=1)]
    note: str | None = None


# --- intents.yaml --------------------------------------------------------------------------

SIGNAL_NAMES = frozenset(
    {
        "service",
        "figures",
        "term",
        "programme",
        "operation",
        "place",
        "period",
        "indicator",
        "situation",
        "asks_sites",
        "asks_count",
        "services_listed",
        "situations_listed",
        "named_only",
        "cue_locate",
        "cue_describe",
        "cue_stats",
        "cue_overview",
        "cue_referral",
        "cue_help",
        "greeting",
        "thanks_only",
        "unharmed",
        "short",
        "wordless",
        "about_bot",
        "oos",
        "oos_name",
        "oos_asked",
        "harm",
        "harm_past",
        "person_case",
        "service_question",
        "framed",
        "unexplained",
        "unexplained_asked",
        *(f"model_{i}" for i in INTENTS),
    }
)
Signal = Annotated[str, Rule(pattern=r"^[a-z_]+$")]


def _known_signals(names: Iterable[str]) -> None:
    """Refuse a signal that ``decide.signal_values`` does not give."""
    unknown = sorted(set(names) - SIGNAL_NAMES)
    if unknown:
        raise ValueError(f"señal desconocida: {', '.join(unknown)}")


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class SecondPart(_Record):
    """A question of two parts ("¿qué es la UPE y dónde queda?"): the intents that may be
    answered together, with the signals each needs (all of them) to be the second part, and
    the score it must reach; ``after_case``: those that may also follow a case's card, with
    the further signals they need there ("¿cuántas llamadas recibió la Línea 100 en enero?
    yo llamé por mi suegro que me manosea")."""

    intents: dict[Literal["locate", "describe", "stats"], list[Signal]]
    min_score: float
    after_case: dict[Literal["locate", "describe", "stats"], list[Signal]] = field(
        default_factory=dict
    )

    def __post_init__(self) -> None:
        _known_signals(
            s for needs in (*self.intents.values(), *self.after_case.values()) for s in needs
        )
        if missing := sorted(set(self.after_case) - set(self.intents)):
            raise ValueError(f"after_case sin sus señales en intents: {', '.join(missing)}")


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class IntentScore(_Record):
    """How one intent is scored: the signals it requires (any one) and their weights."""

    id: Literal[
        "locate", "describe", "stats", "overview", "referral", "greeting", "help", "unknown"
    ]
    requires: list[Signal]
    base: float = 0.0
    weights: dict[Signal, float]

    def __post_init__(self) -> None:
        _known_signals([*self.requires, *self.weights])


# --- responses.yaml ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Uses:
    """Field metadata of a fixed text: the {placeholders} it may use, and whether it is HTML
    (``<b>``, ``<i>``) or plain text (titles, buttons, phrases escaped where they are used).
    The loader refuses a text that breaks them (``bot.core.loader.check_texts``)."""

    names: str = ""
    markup: bool = True

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from bot.core.loader import check_texts

        return check_texts(self, source, handler)


class _Texts(_Record):
    """A group of fixed texts, each with its ``Uses``; whitespace kept as written."""

    __pydantic_config__: ClassVar[dict[str, Any]] = {
        "extra": "forbid",
        "str_strip_whitespace": False,
    }


Html = Annotated[Text, Uses()]
Plain = Annotated[Text, Uses(markup=False)]


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class SuggestionText(_Record):
    """A follow-up button (plain text): what it shows and the question it sends."""

    label: Text
    query: Text


Button = Annotated[SuggestionText, Uses()]


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class ByOperation(_Texts):
    mimp: Plain
    coordinated: Plain

    def of(self, operation: Operation) -> str:
        return self.mimp if operation == "mimp" else self.coordinated


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class ContactTexts(_Texts):
    linea100: Annotated[Text, Uses("name phone free hours languages")]
    free: Html
    languages: Annotated[Text, Uses("languages")]
    own_language: Plain
    police: Annotated[Text, Uses("name phone hours")]
    other: Annotated[Text, Uses("name phone hours")]
    in_danger: Annotated[Text, Uses("linea100")]
    for_department: Annotated[Text, Uses("linea100")]


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class SourceTexts(_Texts):
    source: Annotated[Text, Uses("source")]
    source_and_summary: Annotated[Text, Uses("source summary")]
    summary: Annotated[Text, Uses("department", markup=False)]
    summary_mark: Plain
    coordinates: Annotated[Text, Uses("source", markup=False)]


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class PlaceTexts(_Texts):
    province: Annotated[Text, Uses("province", markup=False)]
    district: Annotated[Text, Uses("district province", markup=False)]
    department: Annotated[Text, Uses("department", markup=False)]
    site_in_district: Annotated[Text, Uses("site district", markup=False)]
    provinces: Annotated[Text, Uses("count", markup=False)]
    capital: Annotated[Text, Uses("capital")]
    district_intro: Annotated[Text, Uses("district capital province")]
    alternatives: Annotated[Text, Uses("place others")]
    corrected: Annotated[Text, Uses("name typed", markup=False)]
    did_you_mean: Annotated[Text, Uses("names")]


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class CountTexts(_Texts):
    none: Annotated[Text, Uses("province service")]
    some: Annotated[Text, Uses("province count service detail")]
    discrepancy: Annotated[Text, Uses("table province listed")]
    department: Annotated[Text, Uses("department count service kinds")]
    department_too: Annotated[Text, Uses("department count service kinds")]
    also_here: Annotated[Text, Uses("district services")]
    nearest: Annotated[Text, Uses("count service province capital km")]


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class EmergencyTexts(_Texts):
    heading: Html
    district: Annotated[Text, Uses("district province")]
    closing: Html
    closing_other: Html
    care_ongoing: Html
    care_past: Html
    care_other: Html
    english: Html


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class DescribeTexts(_Texts):
    serves: Annotated[Text, Uses("serves")]
    offers: Html
    free: Plain
    hours: Annotated[Text, Uses("hours", markup=False)]
    facts: Annotated[Text, Uses("facts")]
    managed_by: Annotated[Text, Uses("programme managed")]
    in_department: Annotated[Text, Uses("department total provinces")]
    programme: Annotated[Text, Uses("department")]


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class StatsTexts(_Texts):
    which_service: Annotated[Text, Uses("department periods services")]
    no_indicator: Annotated[Text, Uses("what")]
    no_period: Annotated[Text, Uses("years periods")]
    ask_service: Html
    no_figures: Annotated[Text, Uses("service")]
    how_many: Annotated[Text, Uses("total")]
    not_by_province: Annotated[Text, Uses("department")]
    heading: Annotated[Text, Uses("service department")]


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class OverviewTexts(_Texts):
    heading: Annotated[Text, Uses("place capital")]
    with_total: Annotated[Text, Uses("heading total")]
    table_differs: Annotated[Text, Uses("table services")]
    compact: Annotated[Text, Uses("heading services")]
    department_too: Annotated[Text, Uses("department totals")]
    province: Annotated[Text, Uses("province capital")]


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class PartsTexts(_Texts):
    most: Annotated[Text, Uses("service provinces count")]
    all_services: Plain
    least: Annotated[Text, Uses("service provinces count")]
    compare_places: Annotated[Text, Uses("places")]
    compare_row: Annotated[Text, Uses("service counts")]
    place_row: Annotated[Text, Uses("place services")]
    compare_services: Html
    kinds_not_explained: Annotated[Text, Uses("kinds")]
    no_more: Html


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class ReferralTexts(_Texts):
    ask_place: Html
    department: Annotated[Text, Uses("bullet service count")]
    province: Annotated[Text, Uses("bullet service province count detail")]
    none: Annotated[Text, Uses("bullet service province")]
    nearest: Annotated[Text, Uses("bullet service province nearest count km")]


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class ChatTexts(_Texts):
    hello: Annotated[Text, Uses("department")]
    thanks: Html
    farewell: Html
    help_heading: Html
    help_intro: Html
    help_topics: Annotated[list[Text], Rule(min_length=1), Uses()]
    sorry: Annotated[Text, Uses("department")]
    unsure: Html  # instead of "sorry" when the message may tell of harm (the model's guess)
    # before the telephones of an emergency that is no harm done by a person
    other_emergency: Html
    can_do: Html
    place: Annotated[Text, Uses("province")]
    glossary: Html


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class NearestTexts(_Texts):
    far: Annotated[Text, Uses("km department")]
    closest: Annotated[Text, Uses("capital district province km")]
    cem: Annotated[Text, Uses("province km")]


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class TitleTexts(_Texts):
    emergency: Plain
    locate: Annotated[Text, Uses("service place", markup=False)]
    stats: Plain
    stats_service: Annotated[Text, Uses("service", markup=False)]
    overview: Annotated[Text, Uses("place", markup=False)]
    nearest: Annotated[Text, Uses("place", markup=False)]
    greeting: Plain
    help: Plain
    unknown: Plain
    glossary: Plain


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class SuggestionTexts(_Texts):
    emergency: Button
    where_cem: Button
    where_cem_in: Annotated[SuggestionText, Uses("province")]
    linea100: Button
    referral: Button
    what_is: Annotated[SuggestionText, Uses("service")]
    where_is: Annotated[SuggestionText, Uses("service")]
    figures: Annotated[SuggestionText, Uses("service")]
    figures_cem: Button
    period: Annotated[SuggestionText, Uses("service period")]
    which_province: Annotated[SuggestionText, Uses("service place")]
    service_in: Annotated[SuggestionText, Uses("service province")]
    district: Annotated[SuggestionText, Uses("service district")]
    province: Annotated[SuggestionText, Uses("service province")]
    department: Annotated[SuggestionText, Uses("service department")]
    services_in: Annotated[SuggestionText, Uses("province")]
    more: Button


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class Responses(_Texts):
    """Every fixed text of the answers (``knowledge/responses.yaml``)."""

    example_place: Plain
    max_lines: Annotated[int, Rule(ge=3)] = 6
    operations: ByOperation
    managed: ByOperation
    contacts: ContactTexts
    sources: SourceTexts
    places: PlaceTexts
    counts: CountTexts
    emergency: EmergencyTexts
    describe: DescribeTexts
    stats: StatsTexts
    overview: OverviewTexts
    parts: PartsTexts
    referral: ReferralTexts
    chat: ChatTexts
    nearest: NearestTexts
    titles: TitleTexts
    suggestions: SuggestionTexts


# --- practical.yaml ----------------------------------------------------------------------

TopicField = Literal["free", "serves", "languages", "hours", "address", "phone"]


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class Topic(_Texts):
    """A practical question about a service ("¿es gratis?", "¿hablan aimara?"), and where
    its answer comes from (``field``); without a field the data never says."""

    id: Id
    phrases: Annotated[list[Text], Rule(min_length=1), Uses()]
    field: TopicField | None = None
    known: Annotated[Text | None, Uses("service place value")] = None
    what: Plain
    alone: bool = False  # asked without a service, it is about the default service
    # it asks where the service is ("dirección", "cómo llego"): a cue of "where" said in it
    # still counts; in any other topic it is the topic's ("¿atiende en la noche?")
    where: bool = False
    # asked after a case told earlier, answered on its own (Línea 100 first), not with the
    # case's card again ("¿y es gratis?" after "mi esposo me pega")
    after_case: bool = False

    def __post_init__(self) -> None:
        if (self.field is None) != (self.known is None):
            raise ValueError("'known' va con 'field', y solo con 'field'")


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class BotTopic(_Texts):
    """A question about the bot itself ("¿quién lee esto?", "¿guardan los mensajes?"), and
    its answer: what the bot is and does, never a service's data."""

    id: Id
    phrases: Annotated[list[Text], Rule(min_length=1), Uses()]
    answer: Html


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class PracticalFile(_Texts):
    default_service: Id
    place: Annotated[Text, Uses("place", markup=False)]
    missing: Annotated[Text, Uses("what service place")]
    topics: list[Topic]
    bot_topics: list[BotTopic] = field(default_factory=list)
    # words that make a sentence a question without "?" ("quisiera saber", "cuánto")
    asking: Annotated[list[Text], Uses()] = field(default_factory=list)


# --- the index -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Knowledge:
    """Everything the bot knows, validated and read-only."""

    directory: Path
    department: Department
    services: Mapping[str, Service]
    coverage: Mapping[str, Coverage]
    consolidated: tuple[ConsolidatedTable, ...]
    figures: tuple[Figure, ...]
    periods: Mapping[str, str]
    not_in_summary: Mapping[str, str]  # indicator -> its name, for figures the summary lacks
    glossary: Mapping[str, Term]
    contacts: Mapping[str, Contact]
    provinces: Mapping[str, Province]
    districts: Mapping[str, District]
    situations: Mapping[str, Situation]
    practical: PracticalFile
    lexicon: Lexicon
    harm: Harm
    andean: tuple[AndeanWord, ...]
    localities: tuple[Locality, ...]
    intents: tuple[IntentScore, ...]
    model_harm_gate: float
    model_referral_gate: float
    model_case_gate: float
    model_own_case_gate: float
    story_harm_gate: float
    second_part: SecondPart | None
    templates: Mapping[str, Pattern]  # every phrase template, parsed
    model: Classifier | None
    common_words: array[int]  # fingerprints of the words the corrector leaves (common_words.py)
    places_source: str
    responses: Responses
    warnings: tuple[str, ...]

    # The parsed templates and the localities serve only to build the matchers and the
    # index of places (``Lexicons``); a cached engine's are built, so the cache leaves them
    # out (~150 000 objects, ~10 MB in memory, a third of the time to read the cache). Read
    # back, both are empty: nothing reads them once the matchers are built. The state is
    # the fields' values in order, as a slotted dataclass's own pair has it: its
    # ``__setstate__`` (added by ``dataclass``) reads it back.
    def __getstate__(self) -> list[object]:
        built: dict[str, object] = {"templates": MappingProxyType({}), "localities": ()}
        return [built.get(f.name, getattr(self, f.name)) for f in fields(self)]

    def count(self, service_id: str, province_id: str) -> int:
        """Sites of a service in a province, from the detailed listing."""
        coverage = self.coverage.get(service_id)
        if coverage is None:
            return 0
        return sum(c.count for c in coverage.counts if c.province == province_id)

    def total(self, service_id: str) -> int:
        """Sites of a service in the whole department, from the detailed listing."""
        coverage = self.coverage.get(service_id)
        return sum(c.count for c in coverage.counts) if coverage else 0

    def consolidated_count(self, service_id: str, province_id: str) -> int | None:
        """The consolidated table's figure, or None when no table has that service."""
        for table in self.consolidated:
            if service_id in table.totals:
                for row in table.rows:
                    if row.province == province_id:
                        return row.counts.get(service_id, 0)
                return 0
        return None

    def figures_for(self, service_id: str) -> tuple[Figure, ...]:
        return tuple(f for f in self.figures if f.service == service_id)

    def province_of(self, ubigeo: str) -> Province:
        return self.provinces[self.districts[ubigeo].province]

    def summary(self) -> dict[str, int]:
        return {
            "servicios": len(self.services),
            "provincias": len(self.provinces),
            "distritos": len(self.districts),
            "ubicaciones": sum(len(c.counts) for c in self.coverage.values()),
            "cifras": len(self.figures),
            "términos del glosario": len(self.glossary),
            "contactos": len(self.contacts),
            "situaciones": len(self.situations),
        }


def load_knowledge(directory: Path = DEFAULT_KNOWLEDGE_DIR, *, strict: bool = False) -> Knowledge:
    """Load and validate a knowledge folder (``bot.core.loader.load``, imported only now:
    reading a built engine needs no validation)."""
    from bot.core.loader import load

    return load(directory, strict=strict)
