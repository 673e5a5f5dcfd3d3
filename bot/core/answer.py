"""Compose answers in short Spanish ("usted") only from the knowledge.

Each answer is written once as Telegram-safe HTML, every dynamic value escaped; the plain text
is derived from it, so both always say the same.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from bot.core.knowledge import Coverage, Knowledge, Operation, Province, Service
from bot.core.model import Answer, Context, Intent, Suggestion
from bot.core.query import Place, Query
from bot.core.text import fold

_TAG = re.compile(r"<[^>]+>")

OPERATIONS: tuple[Operation, ...] = ("mimp", "coordinated")
OPERATION_HEADINGS = {
    "mimp": "Servicios que opera el MIMP",
    "coordinated": "En coordinación con gobiernos regionales y locales",
}
FAR_KM = 60.0  # farther than this from every district capital: outside the department

VIOLENCE_SERVICES = frozenset({"cem", "estrategia_rural", "sau", "linea_100"})


def esc(value: object) -> str:
    return html.escape(str(value), quote=False)


def b(value: object) -> str:
    return f"<b>{esc(value)}</b>"


def plain(html_text: str) -> str:
    """The plain-text form of an answer's HTML."""
    return html.unescape(_TAG.sub("", html_text))


def number(n: int) -> str:
    """Spanish digit grouping as in the seed: 4 551, 222 395."""
    return f"{n:,}".replace(",", " ")


def join_es(items: Sequence[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " y " + items[-1]


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance between two points."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


class Composer:
    """Turns a ``Query`` (or a menu request) into an ``Answer``."""

    def __init__(self, kb: Knowledge) -> None:
        self.kb = kb

    # -- small pieces ----------------------------------------------------------------------

    def short_name(self, service_id: str) -> str:
        s = self.kb.services[service_id]
        return s.acronym or s.name

    def full_name(self, service_id: str) -> str:
        s = self.kb.services[service_id]
        return f"{s.name} ({s.acronym})" if s.acronym and s.acronym != s.name else s.name

    def linea100_line(self) -> str:
        c = self.kb.contacts["linea_100"]
        langs = [lang for lang in c.languages if lang.lower() != "castellano"]
        extra = f"; también en {esc(join_es(langs))}" if langs else ""
        free = "gratuita, " if c.free else ""
        return f"📞 {b(c.name)}: marque {b(c.phone)} ({free}{esc(c.hours)}{extra})."

    def police_line(self) -> str:
        c = self.kb.contacts["policia"]
        return f"🚓 {b(c.name)}: marque {b(c.phone)} ({esc(c.hours)})."

    def source_line(self, source: str | None = None) -> str:
        """The source of what was said; the executive summary is always named."""
        summary = f"Resumen ejecutivo del departamento de {self.kb.department.name} (MIMP)"
        if source is None or "resumen ejecutivo" in source.lower():
            return f"<i>Fuente: {esc(source or summary)}.</i>"
        return f"<i>Fuente: {esc(source)}. {esc(summary)}.</i>"

    def province_phrase(self, province: Province) -> str:
        return f"la provincia de {province.name}"

    def place_intro(self, place: Place | None, alternatives: Sequence[Place]) -> list[str]:
        """Which province a district belongs to, and the reading taken for ambiguous names."""
        lines: list[str] = []
        if place is not None and place.kind == "district":
            d = self.kb.districts[place.key]
            prov = self.kb.provinces[d.province]
            capital = f" (capital: {esc(d.capital)})" if d.capital != d.name else ""
            lines.append(
                f"📍 {b(d.name)}{capital} es un distrito de {b(self.province_phrase(prov))}. "
                "El resumen da las cifras por provincia."
            )
        others = [a for a in alternatives if a.kind != "department"]
        if place is not None and others:
            names = join_es([self.place_label(a) for a in others])
            lines.append(f"ℹ️ Entendí {esc(self.place_label(place))}; también existe {esc(names)}.")
        return lines

    def did_you_mean(self, query: Query) -> list[str]:
        """Say which name a typo was read as, so that a wrong guess is visible at once."""
        names = []
        for typed, kind, key in query.corrections:
            if kind == "service":
                name = self.short_name(key)
            elif kind == "province":
                name = self.kb.provinces[key].name
            else:
                name = self.kb.districts[key].name
            names.append(f"«{name}» (usted escribió «{typed}»)")
        return [f"🔎 Entendí {esc(join_es(list(dict.fromkeys(names))))}."] if names else []

    def place_label(self, place: Place) -> str:
        if place.kind == "province":
            return f"la provincia de {place.name}"
        if place.kind == "district":
            prov = self.kb.province_of(place.key)
            return f"el distrito de {place.name} (provincia de {prov.name})"
        return f"el departamento de {place.name}"

    def province_for(self, place: Place | None) -> Province | None:
        if place is None:
            return None
        if place.kind == "province":
            return self.kb.provinces[place.key]
        if place.kind == "district":
            return self.kb.province_of(place.key)
        return None

    def coords(self, place: Place | Province) -> tuple[float, float]:
        if isinstance(place, Province):
            d = self.kb.districts[place.capital_district]
        elif place.kind == "district":
            d = self.kb.districts[place.key]
        else:
            d = self.kb.districts[self.kb.provinces[place.key].capital_district]
        return d.latitude, d.longitude

    def nearest_with(
        self, service_id: str, origin: tuple[float, float], exclude: str | None = None
    ) -> tuple[Province, float] | None:
        """The province whose capital is nearest to ``origin`` and that has the service."""
        best: tuple[Province, float] | None = None
        for prov in self.kb.provinces.values():
            if prov.id == exclude or self.kb.count(service_id, prov.id) == 0:
                continue
            dist = distance_km(*origin, *self.coords(prov))
            if best is None or dist < best[1]:
                best = (prov, dist)
        return best

    def breakdown(self, coverage: Coverage, province_id: str) -> str:
        """ "1 CEM regular y 2 CEM en comisaría", and the named sites."""
        rows = [c for c in coverage.counts if c.province == province_id and c.count]
        parts: list[str] = []
        if coverage.kinds and len(rows) > 0:
            labels = {k.id: k.label for k in coverage.kinds}
            parts.append(join_es([f"{r.count} {labels[r.kind or '']}" for r in rows]))
        sites = [s for r in rows for s in r.sites]
        if sites:
            names = []
            for site in sites:
                if site.district and self.kb.districts[site.district].name != site.name:
                    names.append(
                        f"{site.name} (distrito de {self.kb.districts[site.district].name})"
                    )
                else:
                    names.append(site.name)
            parts.append(join_es(names))
        return "; ".join(parts)

    def discrepancy(self, service_id: str, province_id: str) -> str | None:
        table = self.kb.consolidated_count(service_id, province_id)
        listed = self.kb.count(service_id, province_id)
        if table is None or table == listed:
            return None
        return (
            f"⚠️ Nota: el cuadro consolidado del mismo resumen indica {table} para "
            f"{esc(self.kb.provinces[province_id].name)}; aquí se usa el detalle por tipo "
            f"({listed}). El total del departamento es el mismo en ambos."
        )

    def answer(
        self,
        intent: Intent,
        lines: Iterable[str],
        *,
        services: Sequence[str] = (),
        province: str | None = None,
        district: str | None = None,
        title: str = "",
        suggestions: Sequence[Suggestion] = (),
        confidence: float = 1.0,
        context: Context | None = None,
    ) -> Answer:
        html_text = "\n".join(line for line in lines if line)
        return Answer(
            intent=intent,
            services=tuple(services),
            province=province,
            district=district,
            text=plain(html_text),
            html=html_text,
            title=title,
            suggestions=tuple(suggestions),
            confidence=confidence,
            context=context
            or Context(
                intent=intent, services=tuple(services), province=province, district=district
            ),
        )

    # -- cards -------------------------------------------------------------------------------

    def emergency(self, place: Place | None = None, situation: str | None = None) -> Answer:
        lines = [
            "🚨 <b>Si usted o alguien está en peligro ahora, pida ayuda de inmediato.</b>",
            self.linea100_line(),
            self.police_line(),
        ]
        prov = self.province_for(place)
        if prov is not None:
            lines.append("")
            if place is not None and place.kind == "district":
                lines.append(f"📍 {esc(place.name)} está en {esc(self.province_phrase(prov))}.")
            lines.append(self.count_sentence("cem", prov))
        lines.append("")
        lines.append("Usted no tiene la culpa. Si puede, vaya a un lugar seguro.")
        return self.answer(
            "emergency",
            lines,
            services=("linea_100", "cem"),
            province=prov.id if prov else None,
            district=_district(place),
            title="Emergencia: Línea 100 y Policía 105",
            suggestions=[
                Suggestion(
                    "¿Dónde hay un CEM?",
                    f"dónde hay un CEM en {prov.name}" if prov else "dónde hay un CEM",
                ),
                Suggestion("¿Qué es la Línea 100?", "qué es la Línea 100"),
            ],
            context=Context(
                intent="emergency",
                services=("cem",),
                province=prov.id if prov else None,
                situation=situation,
            ),
        )

    def count_sentence(self, service_id: str, prov: Province) -> str:
        coverage = self.kb.coverage[service_id]
        n = self.kb.count(service_id, prov.id)
        name = self.short_name(service_id)
        if n == 0:
            return f"En {esc(self.province_phrase(prov))} no hay {esc(name)} según el resumen."
        kinds = {c.kind for c in coverage.counts if c.province == prov.id and c.count}
        if len(kinds) == 1 and None not in kinds:
            # a single kind: "1 CEM regular", not "1 CEM: 1 CEM regular"
            name = next(k.label for k in coverage.kinds if k.id in kinds)
            sites = [s.name for c in coverage.counts if c.province == prov.id for s in c.sites]
            detail = f": {esc(join_es(sites))}" if sites else ""
        else:
            detail = self.breakdown(coverage, prov.id)
            detail = f": {esc(detail)}" if detail else ""
        return f"🏢 En {esc(self.province_phrase(prov))} hay {b(f'{n} {name}')}{detail}."

    def sites_in(self, place: Place | None, service_id: str) -> dict[str, str]:
        """Services that take the same cases as ``service_id`` and have a named site in the
        district named, by id, with their label ("Estrategia Rural (ER)" in Corani)."""
        if place is None or place.kind != "district":
            return {}
        related = {
            other
            for sit in self.kb.situations.values()
            if service_id in sit.services
            for other in sit.services
            if other != service_id
        }
        return {
            cov.service: self.full_name(cov.service)
            + ("" if fold(site.name) == fold(place.name) else f" ({site.name})")
            for cov in self.kb.coverage.values()
            if cov.service in related
            for count in cov.counts
            for site in count.sites
            if site.district == place.key
        }

    def locate(self, query: Query) -> Answer:
        if query.situation and len(query.services) > 1:
            # "¿Dónde atienden a personas con discapacidad en Juliaca?": every service that
            # takes the case, as a referral would list them
            return replace(self.referral(query), intent="locate")
        service_id = query.services[0]
        kb = self.kb
        coverage = kb.coverage[service_id]
        service = kb.services[service_id]
        prov = self.province_for(query.place)
        lines = self.place_intro(query.place, query.alternatives)
        suggestions: list[Suggestion] = []
        if not coverage.counts:
            lines.append(
                f"{b(self.full_name(service_id))}: {esc(coverage.note or service.description)}"
            )
            if service.how_to_reach:
                lines.append(esc(service.how_to_reach))
        elif prov is None:
            total = kb.total(service_id)
            kinds = ""
            if coverage.kinds:
                per_kind = [
                    f"{sum(c.count for c in coverage.counts if c.kind == k.id)} {k.label}"
                    for k in coverage.kinds
                ]
                kinds = f" ({esc(join_es(per_kind))})"
            lines.append(
                f"🏢 En el departamento de {esc(kb.department.name)} hay "
                f"{b(f'{total} {self.short_name(service_id)}')}{kinds}:"
            )
            for p in kb.provinces.values():
                n = kb.count(service_id, p.id)
                if n:
                    detail = self.breakdown(coverage, p.id)
                    lines.append(f"• {esc(p.name)}: {n}" + (f" ({esc(detail)})" if detail else ""))
            suggestions.append(
                Suggestion("¿En qué provincia?", f"{self.short_name(service_id)} en Juliaca")
            )
        else:
            lines.append(self.count_sentence(service_id, prov))
            here = self.sites_in(query.place, service_id)
            if here and query.place is not None:
                lines.append(
                    f"📌 En el distrito de {esc(query.place.name)} también funciona: "
                    f"{esc(join_es(list(here.values())))}."
                )
                query = _replace_services(query, [*query.services, *here])
            for other in query.other_places:
                other_prov = self.province_for(other)
                if other_prov is not None and other_prov != prov:
                    lines.append(self.count_sentence(service_id, other_prov))
            note = self.discrepancy(service_id, prov.id)
            if note:
                lines.append(note)
            elsewhere = [self.province_for(o) for o in query.other_places]
            if kb.count(service_id, prov.id) == 0 and not any(
                p is not None and kb.count(service_id, p.id) for p in elsewhere
            ):
                near = self.nearest_with(
                    service_id, self.coords(query.place or prov), exclude=prov.id
                )
                if near:
                    p2, km = near
                    there = f"{kb.count(service_id, p2.id)} {self.short_name(service_id)}"
                    lines.append(
                        f"➡️ Lo más cercano: {b(there)} "
                        f"en {esc(self.province_phrase(p2))} (capital {esc(p2.capital)}, "
                        f"a unos {round(km)} km en línea recta)."
                    )
                    suggestions.append(
                        Suggestion(
                            f"{self.short_name(service_id)} en {p2.name}",
                            f"{self.short_name(service_id)} en {p2.name}",
                        )
                    )
        if service_id in VIOLENCE_SERVICES or (
            prov and kb.count(service_id, prov.id) == 0 and service_id == "cem"
        ):
            lines.append(self.linea100_line())
        lines.append(self.source_line(coverage.source))
        for alt in query.alternatives:
            if alt.kind == "district":
                suggestions.append(
                    Suggestion(
                        f"Distrito de {alt.name}",
                        f"{self.short_name(service_id)} en el distrito de {alt.name}",
                    )
                )
            elif alt.kind == "province":
                suggestions.append(
                    Suggestion(
                        f"Provincia de {alt.name}",
                        f"{self.short_name(service_id)} en la provincia de {alt.name}",
                    )
                )
            else:
                suggestions.append(
                    Suggestion(
                        f"Todo {alt.name}", f"{self.short_name(service_id)} en el departamento"
                    )
                )
        suggestions.append(
            Suggestion(
                f"¿Qué es {self.short_name(service_id)}?", f"qué es {self.short_name(service_id)}"
            )
        )
        return self._with_place(
            query,
            "locate",
            lines,
            suggestions,
            f"{self.short_name(service_id)} en {prov.name if prov else kb.department.name}",
        )

    def _with_place(
        self,
        query: Query,
        intent: Intent,
        lines: list[str],
        suggestions: list[Suggestion],
        title: str,
    ) -> Answer:
        prov = self.province_for(query.place)
        district = _district(query.place)
        return self.answer(
            intent,
            [*self.did_you_mean(query), *lines],
            services=query.services,
            province=prov.id if prov else None,
            district=district,
            title=title,
            suggestions=suggestions,
            confidence=query.confidence,
            context=Context(
                intent=intent,
                services=query.services,
                province=prov.id if prov else None,
                district=district,
                period=query.period,
                situation=query.situation,
            ),
        )

    def describe_service(self, service_id: str) -> list[str]:
        kb = self.kb
        s: Service = kb.services[service_id]
        lines = [f"ℹ️ {b(self.full_name(service_id))}", esc(s.description)]
        if fold(s.serves) not in fold(s.description):
            lines.append(f"👥 Para: {esc(s.serves)}.")
        if s.offers:
            lines.append("Ofrece:")
            lines.extend(f"• {esc(o)}" for o in s.offers)
        facts = []
        if s.free:
            facts.append("es gratuito")
        if s.hours:
            facts.append(f"atiende {s.hours}")
        if facts:
            lines.append(f"✅ {esc(join_es(facts)).capitalize()}.")
        if s.how_to_reach:
            lines.append(f"📞 {esc(s.how_to_reach)}")
        programme = kb.glossary.get(s.programme)
        managed = (
            "lo opera el MIMP"
            if s.operation == "mimp"
            else "se brinda en coordinación con gobiernos regionales y locales"
        )
        if programme:
            lines.append(f"🏛️ A cargo de: {esc(programme.term)}; {esc(managed)}.")
        if s.note:
            lines.append(f"⚠️ {esc(s.note)}")
        total = kb.total(service_id)
        if total:
            provinces = [p.name for p in kb.provinces.values() if kb.count(service_id, p.id)]
            where = join_es(provinces) if len(provinces) <= 4 else f"{len(provinces)} provincias"
            lines.append(
                f"🏢 En el departamento de {esc(kb.department.name)}: {b(total)}, en {esc(where)}."
            )
        return lines

    def describe(self, query: Query) -> Answer:
        kb = self.kb
        lines: list[str] = []
        suggestions: list[Suggestion] = []
        title = ""
        programmes = [t for t in query.terms if any(s.programme == t for s in kb.services.values())]
        if programmes and all(kb.services[s].programme in programmes for s in query.services):
            return self.programme(query, programmes[0])
        if query.services:
            sid = query.services[0]
            lines = self.describe_service(sid)
            prov = self.province_for(query.place)
            if prov is not None and kb.coverage[sid].counts:
                lines += self.place_intro(query.place, query.alternatives)
                lines.append(self.count_sentence(sid, prov))
            if sid in VIOLENCE_SERVICES and sid != "linea_100":
                lines.append(self.linea100_line())
            lines.append(self.source_line(kb.services[sid].source))
            name = self.short_name(sid)
            title = self.full_name(sid)
            if kb.total(sid):
                suggestions.append(Suggestion(f"¿Dónde hay {name}?", f"dónde hay {name}"))
            if kb.figures_for(sid):
                suggestions.append(Suggestion(f"Cifras de {name}", f"cifras de {name}"))
        for term_id in query.terms:
            lines.extend(self.term_lines(term_id))
            title = title or kb.glossary[term_id].term
        return self._with_place(query, "describe", lines, suggestions, title)

    def programme(self, query: Query, term_id: str) -> Answer:
        """A programme or office, and the services it runs in the department."""
        kb = self.kb
        lines = self.term_lines(term_id)
        run = [s for s in kb.services.values() if s.programme == term_id]
        lines.append(f"En el departamento de {esc(kb.department.name)} tiene a su cargo:")
        for s in run:
            total = kb.total(s.id)
            lines.append(f"• {esc(self.full_name(s.id))}" + (f": {total}" if total else ""))
        suggestions = [
            Suggestion(f"¿Qué es {self.short_name(s.id)}?", f"qué es {self.short_name(s.id)}")
            for s in run[:3]
        ]
        query = _replace_services(query, [s.id for s in run])
        return self._with_place(query, "describe", lines, suggestions, kb.glossary[term_id].term)

    def term_lines(self, term_id: str) -> list[str]:
        t = self.kb.glossary[term_id]
        lines = [f"📖 {b(t.term)}: {esc(t.definition)}"]
        if t.source:
            lines.append(f"<i>Fuente: {esc(t.source)}.</i>")
        return lines

    def stats(self, query: Query) -> Answer:
        kb = self.kb
        lines: list[str] = []
        suggestions: list[Suggestion] = []
        sid = query.services[0] if query.services else None
        if sid is None:
            with_figures = _unique_list(f.service for f in kb.figures)
            lines.append(
                "📊 El resumen tiene cifras de 2022 y de enero de 2023 para: "
                + esc(join_es([self.short_name(s) for s in with_figures]))
                + "."
            )
            lines.append(
                "Dígame de qué servicio, por ejemplo: «casos atendidos por el CEM en 2022»."
            )
            return self._with_place(
                query, "stats", lines, [Suggestion("Cifras del CEM", "cifras del CEM")], "Cifras"
            )
        figures = kb.figures_for(sid)
        if not figures:
            lines.append(f"📊 El resumen no da cifras de atención de {b(self.full_name(sid))}.")
            total = kb.total(sid)
            if total:
                lines.append(f"Sí indica cuántos hay: {b(total)} en el departamento.")
            lines.append(self.source_line(kb.coverage[sid].source))
            return self._with_place(
                query,
                "stats",
                lines,
                [
                    Suggestion(
                        f"¿Dónde hay {self.short_name(sid)}?", f"dónde hay {self.short_name(sid)}"
                    )
                ],
                self.full_name(sid),
            )
        prov = self.province_for(query.place)
        if prov is not None:
            lines.append(
                "ℹ️ Las cifras del resumen son de todo el departamento de "
                f"{esc(kb.department.name)}, no por provincia."
            )
        asked = [f for f in figures if f.indicator in query.indicators]
        figures = tuple(asked) or figures
        available = list(dict.fromkeys(f.period for f in figures))
        periods = [p for p in query.periods if p in available] or available
        lines.append(f"📊 {b(self.full_name(sid))}, departamento de {esc(kb.department.name)}:")
        for period in periods:
            lines.append(f"<b>{esc(kb.periods[period])}</b>")
            for f in figures:
                if f.period == period:
                    lines.append(f"• {b(number(f.value))} {esc(f.label)}")
        lines.append(self.source_line(figures[0].source))
        other = [p for p in kb.periods if p not in periods]
        for p in other:
            suggestions.append(
                Suggestion(kb.periods[p], f"cifras de {self.short_name(sid)} {kb.periods[p]}")
            )
        return self._with_place(
            query, "stats", lines, suggestions, f"Cifras de {self.short_name(sid)}"
        )

    def service_rows(
        self, prov: Province | None, operations: Sequence[Operation] = OPERATIONS
    ) -> tuple[list[str], list[str]]:
        """Services of a province (or of the department), grouped by who runs them."""
        kb = self.kb
        lines: list[str] = []
        shown: list[str] = []
        for operation in operations:
            rows = []
            for s in kb.services.values():
                if s.operation != operation:
                    continue
                n = kb.count(s.id, prov.id) if prov else kb.total(s.id)
                if prov is not None and not n:
                    continue
                shown.append(s.id)
                name = self.short_name(s.id) if prov else self.full_name(s.id)
                detail = self.breakdown(kb.coverage[s.id], prov.id) if prov else ""
                rows.append(
                    f"• {esc(name)}"
                    + (f": {n}" if n else "")
                    + (f" ({esc(detail)})" if detail else "")
                )
                note = self.discrepancy(s.id, prov.id) if prov else None
                if note:
                    rows.append(f"  {note}")
            if rows:
                heading = f"<b>{esc(OPERATION_HEADINGS[operation])}</b>"
                totals = [t.total for t in kb.consolidated if t.operation == operation]
                if prov is None and totals:  # the seed's consolidated table gives the sum
                    heading += f" ({b(sum(totals))} en total)"
                lines.append(heading)
                lines.extend(rows)
        return lines, shown

    def province_lines(self, prov: Province) -> list[str]:
        lines = [f"🗺️ {b(f'Provincia de {prov.name}')} (capital: {esc(prov.capital)})"]
        lines.extend(self.service_rows(prov)[0])
        lines.append("Para todo el departamento: " + self.linea100_line())
        return lines

    def overview(self, query: Query) -> Answer:
        kb = self.kb
        prov = self.province_for(query.place)
        operations = [
            op for t in query.terms if (op := kb.glossary[t].operation) is not None
        ] or list(OPERATIONS)
        lines = self.place_intro(query.place, query.alternatives)
        where = (
            f"la provincia de {prov.name}" if prov else f"el departamento de {kb.department.name}"
        )
        lines.append(
            f"🗺️ Servicios en {b(where)}"
            + (f" (capital: {esc(prov.capital)})" if prov else "")
            + ":"
        )
        rows, services = self.service_rows(prov, operations)
        lines.extend(rows)
        lines.append(("Para todo el departamento: " if prov else "") + self.linea100_line())
        suggestions = [
            Suggestion(f"¿Qué es {self.short_name(sid)}?", f"qué es {self.short_name(sid)}")
            for sid in services[:3]
        ]
        if prov is None:
            suggestions.append(Suggestion("Servicios en Juliaca", "qué servicios hay en Juliaca"))
        lines.append(self.source_line())
        query = _replace_services(query, services)
        return self._with_place(
            query,
            "overview",
            lines,
            suggestions,
            f"Servicios en {prov.name if prov else kb.department.name}",
        )

    def referral(self, query: Query) -> Answer:
        kb = self.kb
        situation = kb.situations[query.situation] if query.situation else None
        prov = self.province_for(query.place)
        lines: list[str] = []
        if situation is None:
            return self.help()
        if situation.id == "violencia" or query.danger:
            lines.append(self.linea100_line())
        lines.extend(self.place_intro(query.place, query.alternatives))
        lines.append(f"🧭 {b(situation.label)}")
        anchor = query.place or prov
        origin = self.coords(anchor) if anchor is not None else None
        for sid in situation.services:
            lines.append(self.referral_line(sid, prov, origin))
        for sid in situation.also:
            if sid == "linea_100" and (situation.id == "violencia" or query.danger):
                continue
            lines.append(self.referral_line(sid, prov, origin, secondary=True))
        if prov is None:
            lines.append("Dígame la provincia, el distrito o la ciudad para decirle qué hay allí.")
        lines.append(self.source_line())
        suggestions = [
            Suggestion(f"¿Qué es {self.short_name(sid)}?", f"qué es {self.short_name(sid)}")
            for sid in situation.services[:2]
        ]
        services = _unique_list([*situation.services, *situation.also])
        query = _replace_services(query, services)
        return self._with_place(query, "referral", lines, suggestions, situation.label)

    def referral_line(
        self,
        sid: str,
        prov: Province | None,
        origin: tuple[float, float] | None,
        secondary: bool = False,
    ) -> str:
        kb = self.kb
        name = self.full_name(sid)
        bullet = "◦" if secondary else "•"
        coverage = kb.coverage[sid]
        if not coverage.counts:
            how = kb.services[sid].how_to_reach or coverage.note or ""
            return f"{bullet} {b(name)}: {esc(how)}"
        if prov is None:
            return f"{bullet} {b(name)}: {kb.total(sid)} en el departamento."
        n = kb.count(sid, prov.id)
        if n:
            detail = self.breakdown(coverage, prov.id)
            return (
                f"{bullet} {b(name)}: {n} en {esc(prov.name)}"
                + (f" ({esc(detail)})" if detail else "")
                + "."
            )
        near = self.nearest_with(sid, origin or self.coords(prov), exclude=prov.id)
        if near is None:
            return f"{bullet} {b(name)}: no hay en {esc(prov.name)}."
        p2, km = near
        return (
            f"{bullet} {b(name)}: no hay en {esc(prov.name)}; el más cercano está en "
            f"{esc(p2.name)} ({kb.count(sid, p2.id)}, a unos {round(km)} km)."
        )

    def greeting(self, query: Query) -> Answer:
        words = set(query.normalized.split())
        lex = self.kb.lexicon
        if words & {w for t in lex.thanks for w in t.split()}:
            first = "Con gusto. Si necesita algo más, escríbame."
        elif words & {w for t in lex.farewells for w in t.split()}:
            first = "Hasta pronto. Cuídese."
        else:
            first = (
                "Hola. Le informo sobre los servicios de protección del MIMP en el "
                f"departamento de {esc(self.kb.department.name)}: dónde están, qué hacen y a "
                "dónde acudir."
            )
        lines = [first, "Si usted o alguien está en peligro: " + self.linea100_line()]
        return self.answer("greeting", lines, title="Hola", suggestions=self.menu_suggestions())

    def menu_suggestions(self) -> list[Suggestion]:
        return [
            Suggestion("Emergencia", "emergencia"),
            Suggestion("¿Dónde hay un CEM?", "dónde hay un CEM"),
            Suggestion("¿A dónde derivo un caso?", "a dónde derivo un caso de violencia"),
        ]

    def help(self) -> Answer:
        lines = [
            "🚨 Si usted o alguien está en peligro ahora:",
            self.linea100_line(),
            self.police_line(),
            "",
            "🤖 También puedo ayudarle con:",
            "• Dónde hay un servicio: «¿Hay CEM en Juliaca?»",
            "• Qué hace un servicio: «¿Qué es la DEMUNA?»",
            "• Qué servicios hay en un lugar: «¿Qué hay en Ilave?»",
            "• A dónde derivar un caso: «¿A dónde derivo un caso de violencia en Lampa?»",
            "• Cifras de 2022 y enero de 2023: «¿Cuántos casos atendió el CEM en 2022?»",
        ]
        return self.answer("help", lines, title="Ayuda", suggestions=self.menu_suggestions())

    def unknown(self, query: Query | None = None) -> Answer:
        lines = [
            "Lo siento, no tengo información sobre eso. Solo conozco los servicios de protección "
            f"del MIMP en el departamento de {esc(self.kb.department.name)}.",
            "Puedo decirle dónde hay un servicio, qué hace, qué hay en una provincia o a dónde "
            "derivar un caso.",
            "Si usted o alguien está en peligro: " + self.linea100_line(),
        ]
        suggestions = self.menu_suggestions()
        prov = self.province_for(query.place) if query else None
        district = _district(query.place) if query else None
        if prov is not None:  # the place was understood: offer what exists there
            lines.insert(2, f"Sí puedo decirle qué servicios hay en {esc(prov.name)}.")
            suggestions.insert(
                0, Suggestion(f"Servicios en {prov.name}", f"qué servicios hay en {prov.name}")
            )
        return self.answer(
            "unknown",
            lines,
            province=prov.id if prov else None,
            district=district,
            title="Sin información",
            suggestions=suggestions,
            confidence=query.confidence if query else 0.3,
            context=Context(),
        )

    def nearest(self, latitude: float, longitude: float) -> Answer:
        """What exists around a shared location: nearest district capital and nearest CEM."""
        kb = self.kb
        district, km = min(
            (
                (d, distance_km(latitude, longitude, d.latitude, d.longitude))
                for d in kb.districts.values()
            ),
            key=lambda pair: pair[1],
        )
        prov = kb.provinces[district.province]
        place = Place("district", district.ubigeo, district.name)
        lines: list[str] = []
        if km > FAR_KM:
            lines.append(
                f"⚠️ Su ubicación está a unos {round(km)} km del distrito más cercano del "
                f"departamento de {esc(kb.department.name)}; solo conozco los servicios de allí."
            )
        lines.append(
            f"📍 Lo más cercano: {b(district.capital)}, distrito de {esc(district.name)}, "
            f"provincia de {esc(prov.name)} (a unos {round(km)} km)."
        )
        lines.extend(self.province_lines(prov))
        if kb.count("cem", prov.id) == 0:
            near = self.nearest_with("cem", (latitude, longitude))
            if near:
                lines.append(
                    f"🏢 CEM más cercano: provincia de {esc(near[0].name)} "
                    f"(a unos {round(near[1])} km)."
                )
        lines.append(self.source_line(f"coordenadas de las capitales: {kb.places_source}"))
        services = [s for s in kb.services if kb.count(s, prov.id)]
        return self.answer(
            "overview",
            lines,
            services=services,
            province=prov.id,
            district=district.ubigeo,
            title=f"Servicios cerca de {district.capital}",
            suggestions=[Suggestion("¿Dónde hay un CEM?", f"dónde hay un CEM en {prov.name}")],
            context=Context(intent="overview", province=prov.id, district=place.key),
        )

    def glossary_list(self) -> Answer:
        lines = ["📖 <b>Glosario</b>"]
        for t in self.kb.glossary.values():
            lines.append(f"• {b(t.term)}")
        return self.answer("describe", lines, title="Glosario")

    def term(self, term_id: str) -> Answer:
        t = self.kb.glossary[term_id]
        services = (t.service,) if t.service else ()
        return self.answer("describe", self.term_lines(term_id), services=services, title=t.term)


def _unique_list(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _district(place: Place | None) -> str | None:
    """The ubigeo of a place that is a district."""
    return place.key if place is not None and place.kind == "district" else None


def _replace_services(query: Query, services: Sequence[str]) -> Query:
    return replace(query, services=tuple(services))
