"""From ``Signals`` to a ``Query``: hard gates first (harm before anything), then the intent
with the highest score in the table of ``knowledge/intents.yaml``; ties go to the intent the
model finds more likely, then to the one listed first. ``Query.rule`` names the gate or score
that decided."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import cast

from bot.core.classifier import Opinion
from bot.core.knowledge import IntentScore, Knowledge
from bot.core.model import Context, Intent
from bot.core.query import CASES, HarmTime, Place, Query
from bot.core.signals import Signals

SHORT = 4  # content words: a short message
LISTED = 3  # services named that make a list of what a place has
FOLLOW_EXTRA = 2  # content words more for a follow-up that opens as one ("y …")
QUIET_INTENTS = frozenset({"unknown", "greeting", "help"})
# what a question about services is answered with, which a case told beside it may overrule
SERVICE_INTENTS = frozenset({"describe", "locate", "overview"})
FOLLOW_INTENTS = frozenset({"locate", "stats", "overview", "referral", "describe"})
FOLLOW_CUES = frozenset({"locate", "describe", "stats", "overview"})
SITE_INTENTS = frozenset({"locate", "stats", "overview"})  # answers that count sites in a place
BARE = 2  # content words of a follow-up that says nothing but what it asks ("¿cuántos CEM tiene?")
RANKING = frozenset({"most", "least"})
# harm that a question about a service may be answered beside (harm.yaml categories)
WORDS_AND_MONEY = frozenset({"economica", "psicologica"})
# a cry for help or fear alone (harm.yaml category "pedido"): not a relative's case told
CRY = frozenset({"pedido"})
# the rule of a message that only says where, after a case ("estoy en Juliaca"); the guided
# referral of the Telegram layer reads it as its place
CASE_PLACE = "gate:case_place"
CASE_PRACTICAL = "gate:case_practical"  # a practical question about a case told earlier
OTHER_EMERGENCY = "gate:other_emergency"  # a fire, a fall, a landslide: its telephones
# every rule ``decide`` can record; a test checks that each one fires
RULES = (
    "gate:harm_now",
    "gate:harm_by_writer",
    "gate:harm_case",
    "gate:harm_ongoing",
    "gate:case_question",
    "gate:elsewhere",
    OTHER_EMERGENCY,
    "gate:more",
    "gate:case_follow_up",
    CASE_PRACTICAL,
    CASE_PLACE,
    "gate:follow_up",
    "gate:harm_not_unknown",
    "gate:model_harm",
    "gate:model_case",
    "gate:model_referral",
    "gate:model_told_case",
    "gate:practical",  # set after the decision, by practical.py
    *(f"score:{i}" for i in ("locate", "describe", "stats", "overview", "referral")),
    *(f"score:{i}" for i in ("greeting", "help", "unknown")),
)


def signal_values(s: Signals, kb: Knowledge, opinion: Opinion | None) -> dict[str, float]:
    """The numbers the intents table weighs, by signal name."""
    figures = {f.service for f in kb.figures}
    operations = {t.id for t in kb.glossary.values() if t.operation is not None}
    values: dict[str, float] = {
        "service": float(bool(s.services)),
        "figures": float(bool(set(s.services) & figures)),
        "term": float(bool(set(s.terms) - operations)),
        "operation": float(bool(set(s.terms) & operations)),
        "programme": float(bool(s.programmes)),
        "place": float(s.place is not None),
        "period": float(bool(s.periods)),
        "indicator": float(bool(s.indicators)),
        "situation": float(bool(s.situations)),
        "asks_sites": float(s.asks_sites),
        "asks_count": float("count" in s.asks),  # "¿cuántos…?", "las cifras"
        # three services or more named: what a place has ("CEM, DEMUNA, CIAM… lo que haya")
        "services_listed": float(len(s.services) >= LISTED),
        # two needs or more named where no harm is told: what a place has for them ("¿qué hay
        # en Moho para violencia, niños, abuelitos?")
        "situations_listed": float(len(s.situations) >= 2 and not s.harm.present),
        "named_only": float(bool(s.situations) and s.named_only_situation),
        "greeting": float(bool(s.greeting)),
        # thanks, and nothing asked ("gracias, ya tiene su carnet de CONADIS")
        "thanks_only": float("thanks" in s.greeting and not s.asking and not s.harm.present),
        # nobody hurt, said ("me robaron el celular, no me hicieron daño"), and no harm read
        "unharmed": float(s.unharmed and not s.harm.present),
        "short": float(s.content_words <= SHORT),
        # nothing but signs ("??", "..."): the person does not know what to ask
        "wordless": float(not s.words),
        # a question about the bot itself ("¿quién lee esto?", practical.yaml bot_topics)
        "about_bot": float(bool(s.bot_topics)),
        "oos": float(s.oos_words - (s.oos_told if _story_then_question(s, kb, opinion) else 0)),
        "oos_name": float(s.oos_next_to_name),
        "oos_asked": float(s.oos_asked),
        # a question about a named service ("¿el CEDIF es gratis?", "¿qué es el SAU?")
        "service_question": float(_service_question(s)),
        "harm": float(s.harm.present),
        # someone's case handed on: a person named and a referral cue ("¿a quién aviso?")
        "person_case": float(bool(s.victims) and "referral" in s.cues),
        "harm_past": float(s.harm.present and s.harm.time == "past"),
        "framed": float(s.framed),
        "unexplained": float(s.unexplained),
        "unexplained_asked": float(s.unexplained_asked),
    }
    for intent in ("locate", "describe", "stats", "overview", "referral", "help"):
        values[f"cue_{intent}"] = float(s.cue_weight.get(intent, 0))
    for intent, p in (opinion.intents if opinion else {}).items():
        values[f"model_{intent}"] = p
    return values


def score(table: Sequence[IntentScore], values: Mapping[str, float]) -> dict[str, float]:
    """The score of every intent whose required signals are present (any one of them)."""
    scores: dict[str, float] = {}
    for row in table:
        if row.requires and not any(values.get(r, 0.0) for r in row.requires):
            continue
        scores[row.id] = row.base + sum(w * values.get(k, 0.0) for k, w in row.weights.items())
    return scores


def best(
    table: Sequence[IntentScore], scores: Mapping[str, float], opinion: Opinion | None = None
) -> Intent:
    """The highest score; a tie (to a hundredth) goes to the intent the model finds more
    likely, then to the one listed first in the table."""
    order: dict[str, int] = {row.id: i for i, row in enumerate(table)}
    likely = opinion.intents if opinion else {}
    return cast(
        Intent,
        max(scores, key=lambda i: (round(scores[i], 2), likely.get(i, 0.0), -order[i])),
    )


def decide(
    s: Signals,
    kb: Knowledge,
    context: Context | None,
    opinion: Opinion | None,
) -> Query:
    """The intent of a message and everything the answer needs."""
    s = _told_in_pieces(s, kb, context)
    values = signal_values(s, kb, opinion)
    scores = score(kb.intents, values)
    services = list(s.services)
    situation = s.situation
    place = s.place
    periods = list(s.periods)
    harm = s.harm
    gate = _gate(s)
    if gate is not None and gate[0] == "emergency" and _model_referral(s, kb, opinion):
        gate = "referral", "gate:model_referral"
    follow_up = False
    more: str | None = None
    if gate is not None:
        intent, rule = gate
    elif _other_emergency(s) and not _suspects(s, opinion):
        # a fire, a fall, a landslide, no harm done by a person: its telephones (where the
        # model suspects harm to someone named, its gates decide, the telephones after)
        intent, rule = "unknown", OTHER_EMERGENCY
    elif context is not None and _asks_more(s, context):
        intent, rule, more = context.intent or "unknown", "gate:more", context.more
        services, place = list(context.services), _context_place(kb, context)
    elif context is not None and _asks_where_to(s, context):
        intent, rule = "referral", "gate:case_follow_up"
        situation, place = context.situation, place or _context_place(kb, context)
    elif context is not None and _gives_place(s, context):
        # "estoy en Juliaca" after an emergency: the same card, there
        intent, rule, situation = cast(Intent, context.intent), CASE_PLACE, context.situation
    elif (
        s.elsewhere
        and (place is None or s.asked_elsewhere)
        and not (s.victims and _suspects(s, opinion))
    ):
        # "¿hay CEM en Arequipa?", "¿hay CEM en Tacna o solo acá en Puno?"; not "mis papás se
        # fueron a Arequipa y mi hermanito está solo"
        intent, rule = "unknown", "gate:elsewhere"
    elif (inherited := _follow_up(s, kb, context)) is not None:
        intent, services, situation, place, periods = inherited
        rule, follow_up = "gate:follow_up", True
    else:
        intent = best(kb.intents, scores, opinion)
        if intent == "describe" and not (services or s.terms):
            # homework, a novel: "¿qué servicio atiende la trata?", the services of that harm;
            # never for grave harm to someone ("en la radio dijeron que un niño de mi barrio
            # desapareció")
            grave_case = s.harm.level == "grave" and s.harm.specific
            services = _services_told(s, kb) if not grave_case else []
            if not services:
                intent = best(
                    kb.intents, {i: v for i, v in scores.items() if i != "describe"}, opinion
                )
        rule = f"score:{intent}"
    # harm told, or grave harm to someone in particular told by one who helps beside a frame
    # said of something else (a teniente: "un comunero le pegó con un palo… escuché en la
    # radio que ya no se puede conciliar"): never "no tengo información"
    helped = s.affiliation and harm.level == "grave" and harm.specific
    if intent in QUIET_INTENTS and (harm.present or helped):
        intent = "emergency" if harm.present and harm.time != "past" else "referral"
        rule = "gate:harm_not_unknown"
    # the model's harm counts where a person is named: "dónde hay un CEM" names nobody
    suspected = _suspects(s, opinion) and not harm.present and not s.closed
    # (not a practical question about a service: "¿hablan quechua? mi esposo solo habla
    # quechua" after the Línea 100's card is answered as asked, Línea 100 first)
    # (nor a calm situation, "quiero separarme", beside harm the model reads: "…él me fuerza a
    # estar con él cuando toma")
    calm = situation is not None and kb.situations[situation].calm_only
    unasked = intent in QUIET_INTENTS or _unasked(s, intent) or calm
    if suspected and opinion is not None and unasked and not _practical_question(s, context):
        if opinion.intents.get("emergency", 0.0) >= kb.model_harm_gate and not _worry_about_case(
            s, context
        ):
            intent, rule = "emergency", "gate:model_harm"
            # the case, for what is asked next: the acts' or the victim's, else harm's own
            situation = (
                situation or _act_situation(s, kb) or _victim_situation(s, kb) or kb.harm.situation
            )
        elif intent in ("unknown", "help") and _model_case(s, kb, opinion):
            intent, rule = "referral", "gate:model_case"
            if not s.victims:  # the writer's own case: its act's situation, else harm's own
                situation = situation or _act_situation(s, kb) or kb.harm.situation
    elif suspected and intent in SERVICE_INTENTS and _told_case(s, kb, opinion, context):
        intent, rule = "referral", "gate:model_told_case"
    if harm.present and not follow_up:
        situation = _harm_situation(s, kb, situation)
    # harm told earlier in the conversation keeps Línea 100 first and the place said
    earlier = _harm_told_earlier(context)
    if earlier and context is not None and intent == "unknown" and _about_the_case(s):
        situation = situation or context.situation or kb.harm.situation
        if not harm.present and _asks_on_its_own(s, kb):
            # a practical question about the case's service ("¿y si no tengo DNI igual me
            # atienden?", "¿es gratis?"): its answer, Línea 100 first, not the card again
            intent, rule = "describe", CASE_PRACTICAL
            services = list(kb.situations[situation].services)
        else:
            # what follows a case told earlier is about it: never "no tengo información";
            # after an emergency ("la policía dice que espere 24 horas") the danger is not over
            intent = "emergency" if context.intent == "emergency" else "referral"
            rule = "gate:case_follow_up"
    # a case's answer names the place of the conversation when the message names none
    # ("vivo en Ilave", then "anoche me golpeó")
    if place is None and (bool(s.asks & {"here", "there"}) or intent in CASES or earlier):
        place = _context_place(kb, context)
    if intent == "referral" and situation is None:
        situation = _act_situation(s, kb) or (
            _victim_situation(s, kb) if not services else _taken_by(services[0], kb)
        )
    if intent == "locate" and not services and situation:
        services = list(kb.situations[situation].services)
    if intent == "referral" and situation:
        # (the services of a trait that yielded to the harm come after the case's own)
        yielded = [x for y in sorted(_yielding(s, kb)) for x in kb.situations[y].services]
        services = list(dict.fromkeys([*services, *kb.situations[situation].services, *yielded]))
    if intent == "stats" and s.indicators:
        # none named: the services that have a figure of what is counted; the first named has
        # no figures at all ("soy del CIAM: ¿cuántas resoluciones directorales dio el Mi60+?"):
        # those that have one of what is counted come first
        counted_by = _counting(kb, s.indicators)
        if not services or not kb.figures_for(services[0]):
            services = sorted(services, key=lambda x: x not in counted_by) or counted_by
    if intent == "stats" and not (services or s.indicators) and context and not context.expired():
        # "¿cuántos niños atendieron en enero 2023?" after an answer about the CAR: its figures
        services = list(context.services[:1])
    return Query(
        text=s.text,
        normalized=s.normalized,
        intent=intent,
        services=tuple(services),
        place=place,
        locality=s.locality if place == s.place else None,
        alternatives=s.alternatives if place == s.place else (),
        other_places=s.other_places,
        periods=tuple(periods),
        indicators=s.indicators,
        situation=situation,
        needs=_needs(s, kb, situation) if intent in CASES else (),
        terms=s.terms,
        bot_topics=s.bot_topics,
        harm=_harm_time(s, bool(suspected), earlier),
        harm_kinds=tuple(sorted(harm.categories)) if harm.present else (),
        victims=harm.victims,
        # (the writer who harms tells of someone else's harm too: no "no es su culpa")
        for_someone=harm.present
        and bool(harm.victims)
        and (not harm.first_person or harm.by_writer),
        english=s.english,
        out_of_scope=bool(s.oos_words),
        other_emergency=s.other_emergency,
        corrections=s.corrections,
        asks=s.asks,
        more=more,
        follow_up=follow_up,
        also=_second_part(kb, intent, rule, scores, values),
        confidence=_confidence(s, intent, scores),
        rule=rule,
    )


def _second_part(
    kb: Knowledge, intent: str, rule: str, scores: Mapping[str, float], values: Mapping[str, float]
) -> Intent | None:
    """The other part of a question of two ("¿qué es la UPE y dónde queda?"): an intent of
    ``second_part`` that the scores did not choose, with all the signals it needs there and
    at least ``min_score``; the highest such. After a case's card, whatever decided it, only
    those of ``after_case`` (the figure asked beside harm told)."""
    part = kb.second_part
    if part is None:
        return None
    if intent in CASES:
        further: dict[str, list[str]] = {i: needs for i, needs in part.after_case.items()}
    elif rule.startswith("score:") and intent in part.intents:
        further = {i: [] for i in part.intents}
    else:
        return None
    others = [
        i
        for i, needs in part.intents.items()
        if i != intent
        and i in further
        and all(values.get(n) for n in (*needs, *further[i]))
        and scores.get(i, -1.0) >= part.min_score
    ]
    return cast(Intent, max(others, key=lambda i: scores[i])) if others else None


def _story_then_question(s: Signals, kb: Knowledge, opinion: Opinion | None) -> bool:
    """A calm story told before a question about a named service ("fuimos a la fiesta de San
    Francisco… ¿dónde queda el CIAM de Ayaviri?") or about what a place has ("…me vine a San
    Juan del Oro para la cosecha de café… ¿qué servicios hay en Sandia?"): its out-of-scope
    words are the story's, not what is asked; not where harm may be told (no act read, the
    model's harm below ``story_harm_gate``) nor another department named ("me voy a Cusco…
    ¿qué CEM hay?")."""
    harm = opinion.harm if opinion is not None else 0.0
    asked = bool(s.services) or (s.place is not None and s.cue_weight.get("overview", 0) >= 1)
    return asked and not (s.harm.acts or s.elsewhere) and harm < kb.story_harm_gate


def _other_emergency(s: Signals) -> bool:
    """An emergency that is no harm done by a person ("se está quemando la casa del vecino",
    "mi abuelita se cayó y no se puede parar"): no act of harm read, no service of the bot
    named ("¿la Línea 100 atiende accidentes de tránsito?" is asked of it), no overview or
    figure asked ("por el derrumbe no puedo ir a Juliaca, ¿qué servicios hay en Lampa?")."""
    asked_of_the_bot = (
        any(s.cue_weight.get(i, 0) >= 1 for i in ("overview", "stats"))
        or bool(s.periods or s.indicators)
        or "count" in s.asks
    )
    return (
        s.other_emergency is not None
        and not s.harm.acts
        and not s.services
        and not asked_of_the_bot
        and not s.framed  # a thesis, the news, a drill, a first-aid course
    )


def _suspects(s: Signals, opinion: Opinion | None) -> bool:
    """The model suspects harm, and the message names a person."""
    return opinion is not None and opinion.suspects_harm and s.people


def _model_referral(s: Signals, kb: Knowledge, opinion: Opinion | None) -> bool:
    """Harm that is not grave and not said to be happening now, which the model reads, with
    at least ``model_referral_gate``, as a case to refer ("ya me vine donde mi mamá", bullying
    at school, a boss who harasses): a referral, its Línea 100 line first."""
    if opinion is None or s.harm.level == "grave" or s.harm.stated_now:
        return False
    return opinion.intents.get("referral", 0.0) >= kb.model_referral_gate


def _about_the_case(s: Signals) -> bool:
    """After a case told earlier, a message with nothing the bot does not cover, or a short
    one whatever it names ("¿y si no tengo ni pal pasaje?"), unless it says it changes the
    subject ("otra cosa, ¿dónde saco el DNI?")."""
    return not s.new_topic and (not s.oos_words or s.content_words <= SHORT)


def _asks_on_its_own(s: Signals, kb: Knowledge) -> bool:
    """A practical question that, after a case, is answered on its own (``after_case`` in
    practical.yaml: "¿es gratis?", "¿y si no tengo DNI?"), not one the case's card answers
    ("¿a qué número llamo?")."""
    own = {t.id for t in kb.practical.topics if t.after_case}
    return any(topic in own for topic in s.asked_topics)


def _harm_told_earlier(context: Context | None) -> bool:
    """An earlier turn of the conversation, still current, told of harm to a person."""
    return context is not None and bool(context.harm) and not context.expired()


def _worry_about_case(s: Signals, context: Context | None) -> bool:
    """A short question after a case told earlier in the conversation, with no harm of its
    own ("¿y si no me quieren atender?", "¿y no me van a juzgar por las fotos?"): a worry
    about that case, which the model echoes, not a new emergency; the case's own card or the
    question's answer follows, Línea 100 first."""
    return _harm_told_earlier(context) and s.asking and s.content_words <= SHORT and not s.harm.acts


def _unasked(s: Signals, intent: str) -> bool:
    """An intent the scores chose that a story about someone does not ask for: a person
    named, more than a short statement, and no cue of that intent nor service or term
    ("mi hermana de 14 vive con un hombre de 35 en Juliaca" names only a place; "mi mamá
    vive en Ilave" is a short statement)."""
    story = bool(s.victims) and s.content_words > SHORT
    return story and intent not in s.cues and not (s.services or s.terms)


def _told_case(s: Signals, kb: Knowledge, opinion: Opinion | None, context: Context | None) -> bool:
    """A case told beside a question about services ("una adolescente de 15… embarazada de
    su tío… ¿qué servicio puede acogerla?"): a victim named, and the model sure of harm
    (``model_own_case_gate``) and of a case, to refer or at once (``model_referral_gate``);
    not where all is said to be well, nor a practical question of a service (its hours, its
    address)."""
    if opinion is None or not s.victims or s.unharmed or _practical_question(s, context):
        return False
    sure = opinion.harm >= kb.model_own_case_gate
    case = opinion.intents.get("referral", 0.0) + opinion.intents.get("emergency", 0.0)
    return sure and case >= kb.model_referral_gate


def _practical_question(s: Signals, context: Context | None) -> bool:
    """A practical question ("¿hablan aymara?", "¿hasta qué hora?") of a service named, or
    of the one the last answer was about, and no situation told."""
    if not s.asked_topics or s.situations:
        return False
    if s.services:
        return True
    if context is None or context.expired():
        return False
    return context.intent in ("describe", "locate") and bool(context.services)


def _model_case(s: Signals, kb: Knowledge, opinion: Opinion) -> bool:
    """Harm likely, and someone's case, never "no sé" nor the menu: a child, a woman, an
    older adult named (whatever else is named: "mis papás se fueron a Arequipa", "¿para qué
    es este bot?"); or the writer's own, told of someone who does it to them ("el dueño me
    grababa en la ducha", "si no me dejo tocar me descuenta el sueldo"), when the model takes
    it for a case and its harm reaches ``model_own_case_gate``. Not where all is said to be
    well ("vive bien con nosotros, no le falta nada")."""
    if s.unharmed:
        return False
    if s.victims:
        sure = opinion.harm >= kb.model_case_gate
        # (what is asked apart from a calm family matter told: "tengo la tenencia de mi hijo.
        # ¿a qué hora atiende el juzgado?"; not a court asked alone, review 53b)
        outside = bool(s.oos_words) or bool(s.oos_asked and s.situations)
        return not outside or _a_case(opinion) or bool(s.elsewhere and s.situations) or sure
    own = s.people and not s.accused  # not the writer reported: "mi vecino me denunció"
    return own and _a_case(opinion) and opinion.harm >= kb.model_own_case_gate


def _a_case(opinion: Opinion) -> bool:
    """The model takes the message for someone's case (an emergency or a referral), whatever
    else it mentions ("el colegio", "el teléfono")."""
    return max(opinion.intents, key=opinion.intents.__getitem__) in ("emergency", "referral")


def _service_question(s: Signals) -> bool:
    """A question about a named service ("¿el CEM atiende a varones?", "¿qué es el SAU?"),
    not where it is or where to go; or a practical one about it ("¿el CEM de Azángaro en
    qué horario atiende?") whatever else the message asks."""
    return _asks_about_service(s) or bool(s.services and s.topics)


def _asks_about_service(s: Signals) -> bool:
    """What a named service is or does, not where it is or where to go."""
    return bool(s.services) and "describe" in s.cues and not s.cues & {"referral", "locate"}


def _asks_of_a_service(s: Signals) -> bool:
    """Where a named service is or what it does, not where to go with a case."""
    asks = s.asks_sites or bool(s.cues & {"locate", "describe"})
    return bool(s.services) and asks and "referral" not in s.cues


def _gate(s: Signals) -> tuple[Intent, str] | None:
    """Harm first: the writer's own harm of someone, admitted to stop it (a case to refer),
    harm happening now (or grave), a case told by someone who helps or of low level
    (abandonment, money, control), or harm that is still going on. Harm going on
    told beside a question about a service is left to the scores: the answer to that
    question, after the safety lines."""
    harm = s.harm
    if not harm.present or harm.time == "past":
        return None
    own_only = harm.level != "grave" and "sexual" not in harm.categories and not harm.stated_now
    if harm.by_writer and own_only:
        # the writer hit the child and wants to stop ("ayer le pegué con la correa, no quiero
        # volver a hacerlo"): the child's case to refer, not a call to the police; not beside
        # sexual harm or harm said to happen now, whoever does it ("yo le pego a mi hija pero
        # su padrastro la viola", "…pero mi esposo ahorita le está pegando a mi hija")
        return "referral", "gate:harm_by_writer"
    if harm.time == "now":
        return "emergency", "gate:harm_now"
    # a question about a service first, then "en realidad lo que pasa es que…" and harm: the
    # harm is the point, its card first ("¿qué es la UPE? bueno, en realidad mis vecinos dejan
    # a sus hijitos solos toda la semana"), not the answer to the question
    service_asked = _asks_of_a_service(s) and not (s.turned and harm.specific and not harm.joked)
    if (harm.categories <= WORDS_AND_MONEY or harm.joked) and service_asked:
        # "¿hay CIAM en Azángaro? mis hermanos le quitaron sus terrenos", "mi jefe me va a
        # matar si llego tarde jaja, ¿la DEMUNA atiende sábados?": the answer to it (not for
        # neglect: "lo dejaron solo y sin comer" is a case to refer)
        return None
    if not harm.specific and service_asked:
        # harm told of no one in particular ("muchos papás castigan con chicote", "varias
        # mujeres no saben a dónde ir cuando el esposo las maltrata") beside a question about
        # a service: the answer to it, after the safety lines
        return None
    # one who helps: asks where to take a case, or speaks for an office, but not of their own
    # ("soy la tutora de MI sobrina, su papá la viola", "soy enfermera… a MI hermana su esposo
    # la golpea": review 54)
    helper = not harm.first_person and (
        "referral" in s.cues or (s.affiliation and not harm.personal)
    )
    # a question about a service gets its answer (a nurse: "¿la Línea 100 atiende en aimara?"
    # about the women she sees), but a child abused sexually keeps the case's card
    asked = (
        _asks_about_service(s)
        and not s.turned
        and not ("sexual" in harm.categories and "nna" in s.victims)
    )
    if helper and asked:
        return None
    if helper or harm.level == "low":
        return "referral", "gate:harm_case"
    kin = harm.personal and bool(harm.categories - CRY)
    if asked and (harm.to_writer or kin) and s.topics and not harm.joked:
        # the writer's own harm going on, or a relative's, is a case to refer, a practical
        # question answered after it ("mi esposo toma y me pega, ¿en el CEM puedo ir con mis
        # hijos?", "mi tía está con moretones, su marido la golpea, ¿el CEM atiende gratis?")
        return "referral", "gate:case_question"
    if asked:
        return None
    return "emergency", "gate:harm_ongoing"


def _services_told(s: Signals, kb: Knowledge) -> list[str]:
    """The services of the situation named, or of the harm told (framed as homework or news)."""
    situation = s.situation or (_harm_situation(s, kb, None) if s.harm.acts else None)
    return list(kb.situations[situation].services) if situation else []


def _harm_situation(s: Signals, kb: Knowledge, named: str | None) -> str:
    """The referral situation of the harm told: the first victim's (for the categories it
    covers) and the act's, beside the one the message names; the lowest priority wins (harm
    that says none: the default situation of harm.yaml)."""
    categories = s.harm.categories
    # the young writer harmed is the first victim ("vivo con mi abuelita…, tengo 14")
    ids = [*s.harm.writer_is, *(v for v in s.harm.victims if v not in s.harm.writer_is)]
    victims = [v for first in ids for v in kb.harm.victims if v.id == first]
    # a trait of the one harmed that yields to this harm ("soy sorda, mi ex me pegaba"): the
    # harm's own case (the CEM), even where the trait is named; its services come after
    traits = _yielding(s, kb)
    if traits:
        named = None if named in traits else named
        victims = [v for v in victims if v.situation not in traits or not v.trait]
    victim = victims[0] if victims else None
    young = victim is not None and victim.id in s.harm.writer_is
    if young:
        # the young writer's own case, not that of whom they live with ("tengo 16, mi padrastro
        # me pegaba, ahora vivo con mi abuela")
        named = None if named in {v.situation for v in kb.harm.victims if v != victim} else named
    found = [named] if named else []
    # the victim's own situations for the harm told (a child beaten or abused: the child's
    # case), for someone else's case or the young writer's ("tengo 14, mi papá me pega"); not
    # "me pega delante de mis hijos", the writer's own
    theirs = victim is not None and (not s.harm.first_person or young)
    by_kind = (
        [own for kind, own in victim.by_category.items() if kind in categories]
        if victim is not None and theirs
        else []
    )
    if victim is not None:
        if named and victim.situation == named:
            return named  # the message names its victim's own case: "le pegan, es bullying"
        if not victim.categories or categories & set(victim.categories):
            found.append(victim.situation)
        found += by_kind
    if (act := _act_situation(s, kb)) is not None:
        found.append(act)
    chosen = min(found, key=lambda sit: kb.situations[sit].priority, default=kb.harm.situation)
    if (
        chosen == named
        and kb.situations[chosen].answer is not None
        and victim is not None
        and theirs
    ):
        # a need ("¿dónde denuncio?") beside the case of someone else of the same priority (an
        # older adult's), or the young writer's own ("tengo 14… ¿dónde denuncio?"): the
        # victim's services, and the need's answer said too (``needs``)
        level = kb.situations[chosen].priority
        own = [victim.situation, *(by_kind if young else [])]
        return next((o for o in own if o in found and kb.situations[o].priority == level), chosen)
    return chosen


def _yielding(s: Signals, kb: Knowledge) -> set[str]:
    """The situations of the traits of the one harmed (harm.yaml victims ``trait``) that
    yield to the harm told (``yields_to``)."""
    return {
        v.situation
        for v in kb.harm.victims
        if v.trait and v.id in s.harm.victims and s.harm.categories & set(v.yields_to)
    }


def _needs(s: Signals, kb: Knowledge, situation: str | None) -> tuple[str, ...]:
    """The needs named beside the case's situation, whose direct answers follow its own
    (not one its answer already covers: a child's sexual abuse says where to report), and
    the help of one who harms and wants to stop (harm.yaml ``admission_situation``)."""
    covered = set(kb.situations[situation].covers) if situation else set()
    own = kb.harm.admission_situation if s.harm.by_writer else None
    return tuple(
        n
        for n in dict.fromkeys([*s.situations, *([own] if own else [])])
        if n != situation and n not in covered and kb.situations[n].answer is not None
    )


def _act_situation(s: Signals, kb: Knowledge) -> str | None:
    """The referral situation of the acts read, even where they do not make harm ("niños de 8
    años cargando adobes en una ladrillera": nobody in particular, still child labour)."""
    found = [a.situation for a in kb.harm.acts if a.id in s.harm.acts and a.situation]
    return min(found, key=lambda sit: kb.situations[sit].priority, default=None)


def _victim_situation(s: Signals, kb: Knowledge) -> str | None:
    """The referral situation of the first person named, when nothing else says one."""
    victims = {v.id: v.situation for v in kb.harm.victims}
    return victims.get(s.victims[0]) if s.victims else None


def _taken_by(service: str, kb: Knowledge) -> str | None:
    """The first situation whose services include this one ("adoptar": adopción)."""
    return next((sit.id for sit in kb.situations.values() if service in sit.services), None)


def _follow_up(
    s: Signals, kb: Knowledge, context: Context | None
) -> tuple[Intent, list[str], str | None, Place | None, list[str]] | None:
    """A short message that leans on the last answer: "¿y en Lampa?" (another place), "¿y en
    2022?" (another period), "¿y el SAU?" (another service), "¿y dónde queda?", "¿cuántas?",
    "¿atiende en quechua?" (another question about the same service). A complete question,
    one that names what it asks about and how, is answered on its own."""
    if context is None or context.expired() or context.intent not in FOLLOW_INTENTS:
        return None
    if "thanks" in s.greeting and not s.asking:
        return None  # "ok gracias, hoy mismo voy": a goodbye, nothing asked
    asking = s.cues & FOLLOW_CUES
    # "¿cuántos adultos mayores atendió?": the people counted, not a situation to refer;
    # "¿atiende a abuelitos?": whom the service of the last answer serves
    counted = asking == {"stats"} and not s.services and not s.terms
    serves = asking == {"describe"} and not s.services and not s.terms and bool(context.services)
    # "¿el CIAM es para su mamá?", then "ella tiene 70 años y vive en Lampa": the person the
    # last answer's service is for, and where, with nothing asked and no harm told
    meant_for = (
        context.intent in ("describe", "locate")
        and not (s.cues or s.services or s.terms or s.harm.present)
        and bool(s.victims and context.services)
        and any(context.services[0] in kb.situations[sit].services for sit in s.situations)
    )
    named = bool(s.services or s.terms or (s.situations and not (counted or serves or meant_for)))
    ranking = s.asks & RANKING  # "¿y cuál tiene menos?": among all provinces
    complete = named and bool(s.place or asking or s.periods or s.asks_sites)
    # "¿y cuántas DEMUNA?" after what Sandia has: complete, but it opens as a follow-up, asks
    # for sites and names no place, so the last answer's place holds (not "¿y la beneficencia
    # en cuántas provincias está?")
    # (or says nothing else: "¿cuántos CEM tiene?")
    bare = s.opens_follow_up or s.content_words <= BARE
    leans = bare and s.asks_sites and not s.place and context.intent in SITE_INTENTS
    if s.content_words > _short(s) or (complete and not leans):
        return None
    if not named and not (s.place or s.periods or asking or ranking):
        return None
    if "overview" in asking and (s.place or context.intent == "overview"):
        return None  # "¿qué servicios hay en Pomata?": what exists in a place, asked anew
    services = list(s.services) if s.services else list(context.services)
    situation = s.situation if named else context.situation
    place = s.place or (None if ranking else _context_place(kb, context))
    periods = list(s.periods) or ([context.period] if context.period else [])
    intent: Intent = context.intent
    # "¿cuál de esos ve casos de violencia?" after a list: the services of that situation
    chooses = bool(s.situations) and not (s.services or s.terms or s.periods or asking)
    if (s.indicators and not chooses) or (s.periods and "locate" in asking):
        # "¿y cuántos casos atendió?", "¿y cuántos en enero 2023?": a figure; of the services
        # of the last answer, those that have it ("¿y cuántos casos derivaron?" after a list)
        asking = (asking - {"locate"}) | {"stats"}
        counted_by = _counting(kb, s.indicators)
        services = [x for x in services if x in counted_by] or services
    for cue in ("overview", "stats", "locate", "describe"):
        if cue in asking:
            intent = cue
            break
    else:
        if (intent == "describe" and s.place) or (intent == "overview" and s.services):
            intent = "locate"  # "¿y en Lampa?" after a description, "¿y el SAU?" after a list
        elif intent == "overview" and chooses:
            intent = "referral"
    if intent != "stats":
        periods = list(s.periods)
    if intent == "overview" or (intent == "referral" and chooses):
        services = []  # a list's services are not asked about again; the situation's are
    return intent, services, situation, place, periods


def _counting(kb: Knowledge, indicators: Sequence[str]) -> list[str]:
    """The services with a figure of one of ``indicators``, in the figures' order."""
    return list(dict.fromkeys(f.service for f in kb.figures if f.indicator in indicators))


def _short(s: Signals) -> int:
    """The content words a follow-up may have: a few more when it opens as one ("y solo
    enero de 2023, ¿cuántos fueron?": lexicon ``follow_openers``)."""
    return SHORT + FOLLOW_EXTRA if s.opens_follow_up else SHORT


def _told_in_pieces(s: Signals, kb: Knowledge, context: Context | None) -> Signals:
    """A case told in pieces: "mi abuelita vive sola en Zepita", then "mis tíos le quitaron
    su terreno": an act told of nobody named, not the writer, right after a case (an
    emergency or a referral) is done to the person of that case: someone in particular (an
    act of level low counts), of the case's own kind (the older adult's, not the default).
    Not an act in a story (a frame), nor one whose victim the message names."""
    harm = s.harm
    if (
        context is None
        or not _harm_told_earlier(context)
        or context.intent not in CASES
        or context.situation is None
        or not harm.acts
        or harm.victims
        or harm.first_person
        or harm.framed
    ):
        return s
    victim = next(
        (
            v.id
            for v in kb.harm.victims
            if not v.trait
            and (v.situation == context.situation or context.situation in v.by_category.values())
        ),
        None,
    )
    victims = (victim,) if victim is not None else ()
    told = replace(harm, specific=True, victims=victims)
    return replace(s, harm=told, victims=s.victims or victims)


def _harm_time(s: Signals, suspected: bool, earlier: bool) -> HarmTime:
    """When the harm of the message happens; "suspected" when only the model sees it,
    "earlier" when an earlier turn told of it."""
    if s.harm.present:
        return s.harm.time
    return "suspected" if suspected else "earlier" if earlier else ""


def _asks_where_to(s: Signals, context: Context) -> bool:
    """After a case (an emergency or a referral), a short "¿a dónde la llevo?", "¿a quién
    aviso?" that names no service nor situation: the same case, to refer."""
    case = context.intent in CASES and context.situation is not None
    # "¿dónde saco el DNI de mi hermanito?" asks where, but about a subject the bot does not
    # cover: another subject, not the case ("¿a dónde lo llevo?" still is, whatever it names)
    where = "locate" in s.cues and not s.oos_words
    asks = ("referral" in s.cues or where) and s.content_words <= SHORT
    named = s.services or s.terms or s.situations
    return case and asks and not named and not context.expired()


def _gives_place(s: Signals, context: Context) -> bool:
    """After a case (an emergency or a referral), a short message that only says where
    ("estoy en Juliaca", "vivimos en Huancané"): the same case, in that place."""
    case = context.intent in CASES and context.situation is not None
    named = s.services or s.terms or s.situations or s.periods or s.indicators
    only = s.content_words <= SHORT and not (s.cues - {"locate"})
    return case and s.place is not None and only and not named and not context.expired()


def _context_place(kb: Knowledge, context: Context | None) -> Place | None:
    """The place the conversation was about: its district, else its province."""
    if context is None or context.expired() or context.province is None:
        return None
    if context.province not in kb.provinces:  # the knowledge was reloaded without it
        return None
    if context.district is not None and context.district in kb.districts:
        d = kb.districts[context.district]
        return Place("district", d.ubigeo, d.name)
    return Place("province", context.province, kb.provinces[context.province].name)


def _asks_more(s: Signals, context: Context) -> bool:
    """The message only asks for the rest of the last answer ("más información"); not after
    an emergency card, whose lines are all shown (read as any other message, it keeps the
    safety lines first)."""
    named = s.services or s.terms or s.place or s.situations
    after = context.intent is not None and context.intent != "emergency"
    return "more" in s.asks and not named and not context.expired() and after


def _confidence(s: Signals, intent: str, scores: Mapping[str, float]) -> float:
    if intent == "unknown":
        return 0.9 if s.oos_words else 0.3
    return 0.8 if s.fuzzy_service else 1.0
