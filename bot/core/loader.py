"""Reading and validating ``knowledge/*.yaml`` into the records of ``bot.core.knowledge``.

Every file is validated against its record types with pydantic (unknown keys refused), then
every cross-reference is checked. Any problem raises ``KnowledgeError`` naming the file, the
entry (path inside the file) and the line. Only a start that builds the engine imports this.
"""

from __future__ import annotations

import errno
import math
import re
import string
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import Annotated, Any, TypeVar

import yaml
from pydantic import TypeAdapter, ValidationError
from pydantic_core import core_schema

from bot.core.classifier import Classifier, ModelError
from bot.core.common_words import read_common_words
from bot.core.knowledge import (
    DEFAULT_KNOWLEDGE_DIR,
    AndeanWord,
    ConsolidatedTable,
    Contact,
    Coverage,
    Department,
    District,
    Figure,
    Harm,
    Id,
    IntentScore,
    Knowledge,
    KnowledgeError,
    Lexicon,
    Locality,
    Period,
    PracticalFile,
    Province,
    Responses,
    Rule,
    SecondPart,
    Service,
    Situation,
    SuggestionText,
    Term,
    Text,
    Ubigeo,
    Uses,
    _Record,
)
from bot.core.matcher import forms
from bot.core.templates import Pattern, TemplateError, expand, parse
from bot.core.text import normalize

# --- fixed texts ---------------------------------------------------------------------------

_TAG = re.compile(r"<(/?)([bi])>")
_ENTITY = re.compile(r"&(amp|lt|gt|quot);")


def _text_error(text: str, uses: Uses) -> str | None:
    """What is wrong with one fixed text, or None (Telegram refuses broken HTML)."""
    try:
        fields = [(f, s, c) for _, f, s, c in string.Formatter().parse(text) if f is not None]
    except ValueError:
        return "llave { o } sin pareja (para escribir una llave, póngala dos veces)"
    allowed = uses.names.split()
    for name, spec, conversion in fields:
        if name not in allowed or spec or conversion:
            known = ", ".join(f"{{{n}}}" for n in sorted(allowed)) or "ninguno"
            return f"marcador desconocido {{{name}}} (este texto admite: {known})"
    if not uses.markup:
        return "este texto va sin formato (<b>, <i>)" if _TAG.search(text) else None
    open_tags: list[str] = []
    for closing, tag in _TAG.findall(text):
        if not closing:
            open_tags.append(tag)
        elif not open_tags or open_tags.pop() != tag:
            return f"etiqueta </{tag}> sin su <{tag}>"
    if open_tags:
        return f"etiqueta <{open_tags[-1]}> sin cerrar"
    if any(c in _ENTITY.sub("", _TAG.sub("", text)) for c in "<>&"):
        return "use solo <b>…</b> y <i>…</i>; escriba < > & como &lt; &gt; &amp;"
    return None


def check_texts(uses: Uses, source: Any, handler: Any) -> core_schema.CoreSchema:
    """The schema of a field with ``Uses``: its own, then every text of its value checked (a
    text, a list of texts, or a button, whose label and query are plain text)."""

    def check(value: Any) -> Any:
        if isinstance(value, SuggestionText):
            texts, rules = [value.label, value.query], replace(uses, markup=False)
        else:
            texts = value if isinstance(value, list) else [value] if isinstance(value, str) else []
            rules = uses
        for text in (t for t in texts if isinstance(t, str)):
            error = _text_error(text, rules)
            if error:
                raise ValueError(error)
        return value

    return core_schema.no_info_after_validator_function(check, handler(source))


# --- the files -----------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class ServicesFile(_Record):
    department: Id
    services: list[Service]


@dataclass(frozen=True, kw_only=True)
class LocationsFile(_Record):
    coverage: list[Coverage]
    consolidated: list[ConsolidatedTable]


@dataclass(frozen=True, kw_only=True)
class FiguresFile(_Record):
    department: Id
    periods: dict[Period, Text]
    # figures people ask for that the summary lacks
    not_in_summary: dict[Id, Text] = field(default_factory=dict)
    figures: list[Figure]


@dataclass(frozen=True, kw_only=True)
class GlossaryFile(_Record):
    terms: list[Term]


@dataclass(frozen=True, kw_only=True)
class ContactsFile(_Record):
    contacts: list[Contact]


@dataclass(frozen=True, kw_only=True)
class PlacesFile(_Record):
    source: Text
    departments: list[Department]
    provinces: list[Province]
    districts: list[District]


@dataclass(frozen=True, kw_only=True)
class SituationsFile(_Record):
    situations: list[Situation]


@dataclass(frozen=True, kw_only=True)
class IntentsFile(_Record):
    model_harm_gate: Annotated[float, Rule(ge=0, le=1)] = 0.8
    model_referral_gate: Annotated[float, Rule(ge=0, le=1)] = 1.0
    model_case_gate: Annotated[float, Rule(ge=0, le=1)] = 1.0
    model_own_case_gate: Annotated[float, Rule(ge=0, le=1)] = 1.0
    story_harm_gate: Annotated[float, Rule(ge=0, le=1)] = 0.0
    second_part: SecondPart | None = None
    intents: Annotated[list[IntentScore], Rule(min_length=1)]


@dataclass(frozen=True, kw_only=True)
class WordSource(_Record):
    id: Id
    title: Text
    address: Text


@dataclass(frozen=True, kw_only=True)
class AndeanFile(_Record):
    sources: list[WordSource]
    words: list[AndeanWord]


@dataclass(frozen=True, kw_only=True)
class CentrosPobladosFile(_Record):
    """Generated by scripts/make_localities.py: per district, its names joined by "|"."""

    source: Text
    districts: dict[Ubigeo, Text]
    urban: dict[Ubigeo, Text] = field(default_factory=dict)


@dataclass(frozen=True, kw_only=True)
class Barrio(_Record):
    name: Text
    aliases: list[Text] = field(default_factory=list)
    district: Ubigeo
    kind: Text
    source: Text
    note: str | None = None


@dataclass(frozen=True, kw_only=True)
class BarriosFile(_Record):
    barrios: list[Barrio]


# --- loading ---------------------------------------------------------------------------------

M = TypeVar("M")
T = TypeVar("T")

FILES = {
    "services": "services.yaml",
    "locations": "locations.yaml",
    "figures": "figures.yaml",
    "glossary": "glossary.yaml",
    "contacts": "contacts.yaml",
    "places": "places.yaml",
    "situations": "situations.yaml",
    "lexicon": "lexicon.yaml",
    "harm": "harm.yaml",
    "intents": "intents.yaml",
    "andean": "andean.yaml",
    "centros_poblados": "centros_poblados.yaml",
    "barrios": "barrios.yaml",
    "responses": "responses.yaml",
    "practical": "practical.yaml",
}


def _line_of(node: yaml.Node | None, loc: Sequence[int | str]) -> int | None:
    """The 1-based line of the YAML node at ``loc``, or of its deepest existing parent."""
    if node is None:
        return None
    line = node.start_mark.line + 1
    for key in loc:
        child: yaml.Node | None = None
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                if k.value == key:
                    child = v
                    break
        elif (
            isinstance(node, yaml.SequenceNode)
            and isinstance(key, int)
            and 0 <= key < len(node.value)
        ):
            child = node.value[key]
        if child is None:
            break
        node = child
        line = node.start_mark.line + 1
    return line


def _entry_name(data: Any, loc: Sequence[int | str]) -> str:
    """A readable path like ``services[3] (id: cem).aliases``."""
    parts: list[str] = []
    current = data
    for key in loc:
        if isinstance(key, int):
            label = f"[{key + 1}]"
            item = current[key] if isinstance(current, list) and key < len(current) else None
            if isinstance(item, dict):
                ident = item.get("id") or item.get("ubigeo") or item.get("service")
                ident = ident or item.get("province") or item.get("term")
                if ident is not None:
                    label += f" ({ident})"
            parts.append(label)
            current = item
        else:
            parts.append(("." if parts else "") + str(key))
            current = current.get(key) if isinstance(current, dict) else None
    return "".join(parts) or "(raíz del archivo)"


def _where(path: Path, node: yaml.Node | None, data: Any, loc: Sequence[int | str]) -> str:
    line = _line_of(node, loc)
    at = f", línea {line}" if line else ""
    return f"{path.name}{at}: entrada {_entry_name(data, loc)}"


class _Lazy:
    """The node tree of a file, composed only when an error needs a line number."""

    def __init__(self, text: str) -> None:
        self.text = text

    def node(self) -> yaml.Node | None:
        return yaml.compose(self.text, Loader=yaml.SafeLoader)


UNREADABLE = {
    errno.EACCES: "no hay permiso para leer el archivo",
    errno.EISDIR: "es una carpeta, no un archivo",
}
_FastLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _frozen(items: Iterable[tuple[str, T]]) -> Mapping[str, T]:
    return MappingProxyType(dict(items))


_ADAPTERS: dict[type[Any], TypeAdapter[Any]] = {}


def _adapter(model: type[M]) -> TypeAdapter[M]:
    """The validator of a file's record type, built once."""
    if model not in _ADAPTERS:
        _ADAPTERS[model] = TypeAdapter(model)
    return _ADAPTERS[model]


def _read(path: Path, model: type[M]) -> tuple[M, _Lazy, Any]:
    if not path.is_file():
        raise KnowledgeError(f"{path.name}: falta el archivo en {path.parent}")
    try:
        data_bytes = path.read_bytes()
        text = data_bytes.decode("utf-8")
    except UnicodeDecodeError as bad:  # e.g. saved as "ANSI" by Notepad
        line = data_bytes.count(b"\n", 0, bad.start) + 1
        raise KnowledgeError(
            f"{path.name}, línea {line}: el archivo no está en UTF-8 "
            "(guárdelo con la codificación UTF-8)"
        ) from None
    except OSError as exc:
        why = UNREADABLE.get(exc.errno or 0, exc.strerror or type(exc).__name__)
        raise KnowledgeError(f"{path.name}: {why}") from None
    try:
        data = yaml.load(text, Loader=_FastLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f", línea {mark.line + 1}, columna {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise KnowledgeError(f"{path.name}{at}: el YAML no es válido ({problem})") from None
    try:
        return _adapter(model).validate_python(data), _Lazy(text), data
    except ValidationError as exc:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        first = exc.errors()[0]
        loc = [p for p in first["loc"] if isinstance(p, (int, str))]
        more = len(exc.errors()) - 1
        extra = f" (y {more} error(es) más)" if more else ""
        raise KnowledgeError(f"{_where(path, node, data, loc)}: {_message(first)}{extra}") from None


def _message(error: Mapping[str, Any]) -> str:
    kind = error.get("type", "")
    if kind == "unexpected_keyword_argument":  # a key that no field of the record has
        return "clave desconocida (revise la ortografía)"
    if kind == "missing":
        return "falta este campo obligatorio"
    if kind == "greater_than_equal":
        least = error.get("ctx", {}).get("ge", 0)
        if least == 0:
            return f"el número no puede ser negativo (valor: {error.get('input')!r})"
        return f"el número no puede ser menor que {least} (valor: {error.get('input')!r})"
    if kind == "less_than_equal":
        most = error.get("ctx", {}).get("le")
        return f"el número no puede ser mayor que {most} (valor: {error.get('input')!r})"
    if kind == "string_pattern_mismatch":
        return f"formato no válido: {error.get('input')!r}"
    if kind == "too_short":
        return "no puede estar vacío"
    if kind == "string_too_short":
        return "el texto no puede estar vacío"
    if kind == "dataclass_type":  # worded as when the records were pydantic models
        name = error.get("ctx", {}).get("class_name")
        value = error.get("input")
        return f"Input should be a valid dictionary or instance of {name} (valor: {value!r})"
    if kind == "value_error":
        return str(error.get("msg", "valor no válido")).removeprefix("Value error, ")
    return f"{error.get('msg', 'valor no válido')} (valor: {error.get('input')!r})"


class _Refs:
    """Collects the first cross-reference error with its place in the file."""

    def __init__(self, path: Path, source: _Lazy, data: Any) -> None:
        self.path, self.source, self.data = path, source, data

    def fail(self, loc: Sequence[int | str], message: str) -> None:
        where = _where(self.path, self.source.node(), self.data, loc)
        raise KnowledgeError(f"{where}: {message}")

    def require(self, ok: bool, loc: Sequence[int | str], message: str) -> None:
        if not ok:
            self.fail(loc, message)

    def unique(self, ids: Sequence[str], section: str, what: str) -> None:
        seen: set[str] = set()
        for i, ident in enumerate(ids):
            self.require(ident not in seen, [section, i], f"{what} repetido: {ident!r}")
            seen.add(ident)


def load(directory: Path = DEFAULT_KNOWLEDGE_DIR, *, strict: bool = False) -> Knowledge:
    """Load and validate every knowledge file; raise ``KnowledgeError`` on the first problem.

    ``strict`` also lists every phrase of every template, to refuse a phrase that two entries
    of one list stand for (``python -m bot check``; too slow for every start)."""
    directory = Path(directory)
    if not directory.is_dir():
        raise KnowledgeError(f"{directory}: no existe la carpeta de conocimiento")
    services_f, s_node, s_data = _read(directory / FILES["services"], ServicesFile)
    places_f, p_node, p_data = _read(directory / FILES["places"], PlacesFile)
    locations_f, l_node, l_data = _read(directory / FILES["locations"], LocationsFile)
    figures_f, f_node, f_data = _read(directory / FILES["figures"], FiguresFile)
    glossary_f, g_node, g_data = _read(directory / FILES["glossary"], GlossaryFile)
    contacts_f, c_node, c_data = _read(directory / FILES["contacts"], ContactsFile)
    situations_f, t_node, t_data = _read(directory / FILES["situations"], SituationsFile)
    lexicon, x_node, x_data = _read(directory / FILES["lexicon"], Lexicon)
    harm, h_node, h_data = _read(directory / FILES["harm"], Harm)
    intents_f, i_node, i_data = _read(directory / FILES["intents"], IntentsFile)
    andean_f, a_node, a_data = _read(directory / FILES["andean"], AndeanFile)
    centros_f, cp_node, cp_data = _read(directory / FILES["centros_poblados"], CentrosPobladosFile)
    barrios_f, b_node, b_data = _read(directory / FILES["barrios"], BarriosFile)
    responses = _read(directory / FILES["responses"], Responses)[0]
    practical, q_node, q_data = _read(directory / FILES["practical"], PracticalFile)
    _Refs(directory / FILES["intents"], i_node, i_data).unique(
        [i.id for i in intents_f.intents], "intents", "intención"
    )
    templates = _Templates(lexicon.expansion_rules, expand_all=strict)
    templates.check(x_data, _Refs(directory / FILES["lexicon"], x_node, x_data))
    templates.check(h_data, _Refs(directory / FILES["harm"], h_node, h_data))
    templates.check(t_data, _Refs(directory / FILES["situations"], t_node, t_data))
    templates.check(q_data, _Refs(directory / FILES["practical"], q_node, q_data))

    # places
    refs = _Refs(directory / FILES["places"], p_node, p_data)
    departments = {d.id: d for d in places_f.departments}
    refs.unique([d.id for d in places_f.departments], "departments", "departamento")
    refs.unique([p.id for p in places_f.provinces], "provinces", "id de provincia")
    refs.unique([d.ubigeo for d in places_f.districts], "districts", "ubigeo")
    provinces = {p.id: p for p in places_f.provinces}
    districts = {d.ubigeo: d for d in places_f.districts}
    for i, prov in enumerate(places_f.provinces):
        refs.require(
            prov.department in departments,
            ["provinces", i, "department"],
            f"departamento desconocido: {prov.department!r}",
        )
        refs.require(
            prov.capital_district in districts,
            ["provinces", i, "capital_district"],
            f"distrito desconocido: {prov.capital_district!r}",
        )
    for i, dist in enumerate(places_f.districts):
        refs.require(
            dist.province in provinces,
            ["districts", i, "province"],
            f"provincia desconocida: {dist.province!r}",
        )
        refs.require(
            dist.ubigeo.startswith(provinces[dist.province].ubigeo),
            ["districts", i, "ubigeo"],
            f"el ubigeo {dist.ubigeo} no corresponde a la provincia {dist.province!r}",
        )
        refs.require(
            math.isfinite(dist.latitude) and math.isfinite(dist.longitude),
            ["districts", i],
            "coordenadas no válidas",
        )
    if len(departments) != 1:
        refs.fail(["departments"], "por ahora se admite exactamente un departamento")
    department = places_f.departments[0]

    # services
    refs = _Refs(directory / FILES["services"], s_node, s_data)
    refs.require(
        services_f.department == department.id,
        ["department"],
        f"departamento desconocido: {services_f.department!r}",
    )
    refs.unique([s.id for s in services_f.services], "services", "id de servicio")
    services = {s.id: s for s in services_f.services}
    for i, service in enumerate(services_f.services):
        refs.require(
            service.walk_in or bool(service.how_to_reach),
            ["services", i, "how_to_reach"],
            "falta: un servicio con walk_in: false dice aquí cómo se llega a él",
        )

    def check_service(r: _Refs, ident: str | None, loc: Sequence[int | str]) -> None:
        if ident is not None:
            r.require(ident in services, loc, f"servicio desconocido: {ident!r}")

    def check_province(r: _Refs, ident: str, loc: Sequence[int | str]) -> None:
        r.require(ident in provinces, loc, f"provincia desconocida: {ident!r}")

    def check_department(r: _Refs, ident: str, loc: Sequence[int | str]) -> None:
        r.require(ident in departments, loc, f"departamento desconocido: {ident!r}")

    # locations
    refs = _Refs(directory / FILES["locations"], l_node, l_data)
    refs.unique([c.service for c in locations_f.coverage], "coverage", "servicio")
    for i, cov in enumerate(locations_f.coverage):
        check_service(refs, cov.service, ["coverage", i, "service"])
        check_department(refs, cov.department, ["coverage", i, "department"])
        kinds = {k.id for k in cov.kinds}
        for j, pc in enumerate(cov.counts):
            check_province(refs, pc.province, ["coverage", i, "counts", j, "province"])
            if pc.kind is not None or kinds:
                refs.require(
                    pc.kind in kinds,
                    ["coverage", i, "counts", j, "kind"],
                    f"tipo desconocido: {pc.kind!r} (tipos: {', '.join(sorted(kinds))})",
                )
            for k, site in enumerate(pc.sites):
                if site.district is not None:
                    loc: list[int | str] = ["coverage", i, "counts", j, "sites", k, "district"]
                    refs.require(
                        site.district in districts
                        and districts[site.district].province == pc.province,
                        loc,
                        f"distrito desconocido o de otra provincia: {site.district!r}",
                    )
    for i, table in enumerate(locations_f.consolidated):
        check_department(refs, table.department, ["consolidated", i, "department"])
        for ident in table.totals:
            check_service(refs, ident, ["consolidated", i, "totals", ident])
        for j, row in enumerate(table.rows):
            check_province(refs, row.province, ["consolidated", i, "rows", j, "province"])
            for ident in row.counts:
                refs.require(
                    ident in table.totals,
                    ["consolidated", i, "rows", j, "counts", ident],
                    f"servicio fuera de las columnas de la tabla: {ident!r}",
                )
    missing = [s for s in services if s not in {c.service for c in locations_f.coverage}]
    if missing:
        refs.fail(["coverage"], f"faltan servicios: {', '.join(missing)}")

    # figures
    refs = _Refs(directory / FILES["figures"], f_node, f_data)
    for i, fig in enumerate(figures_f.figures):
        check_service(refs, fig.service, ["figures", i, "service"])
        refs.require(
            fig.period in figures_f.periods,
            ["figures", i, "period"],
            f"periodo sin descripción en 'periods': {fig.period!r}",
        )
    keys = [f"{f.service}/{f.indicator}/{f.period}" for f in figures_f.figures]
    refs.unique(keys, "figures", "cifra")
    refs = _Refs(directory / FILES["lexicon"], x_node, x_data)
    indicators = {f.indicator for f in figures_f.figures} | set(figures_f.not_in_summary)
    for ident in lexicon.indicators:
        refs.require(
            ident in indicators,
            ["indicators", ident],
            f"indicador que no está en figures.yaml (ni en not_in_summary): {ident!r}",
        )
    for ident in lexicon.periods:
        refs.require(
            ident in figures_f.periods,
            ["periods", ident],
            f"periodo que no está en figures.yaml: {ident!r}",
        )
    contact_ids = {c.id for c in contacts_f.contacts}
    for key, emergency in lexicon.other_emergencies.items():
        for j, ident in enumerate(emergency.contacts):
            refs.require(
                ident in contact_ids,
                ["other_emergencies", key, "contacts", j],
                f"contacto desconocido: {ident!r}",
            )
    place_names = {normalize(p.name) for p in places_f.provinces}
    place_names |= {normalize(d.name) for d in places_f.districts}
    for key, names in (("word_places", lexicon.word_places), ("noun_places", lexicon.noun_places)):
        for i, name in enumerate(names):
            refs.require(
                not place_names.isdisjoint(forms(normalize(name))),  # "cabanas": Cabana
                [key, i],
                f"no es el nombre de una provincia ni de un distrito: {name!r}",
            )

    # places below the district
    refs = _Refs(directory / FILES["centros_poblados"], cp_node, cp_data)
    for ubigeo in centros_f.districts:
        refs.require(ubigeo in districts, ["districts", ubigeo], f"distrito desconocido: {ubigeo}")
    refs = _Refs(directory / FILES["barrios"], b_node, b_data)
    for i, barrio in enumerate(barrios_f.barrios):
        refs.require(
            barrio.district in districts,
            ["barrios", i, "district"],
            f"distrito desconocido: {barrio.district}",
        )
    urban = {(u, n) for u, names in centros_f.urban.items() for n in names.split("|")}
    localities = [
        Locality(name, ubigeo, urban=(ubigeo, name) in urban)
        for ubigeo, names in centros_f.districts.items()
        for name in names.split("|")
    ]
    localities += [
        Locality(name, b.district, barrio=True)
        for b in barrios_f.barrios
        for name in (b.name, *b.aliases)
    ]

    # andean words
    refs = _Refs(directory / FILES["andean"], a_node, a_data)
    refs.unique([w.id for w in andean_f.sources], "sources", "fuente")
    cited = {w.id for w in andean_f.sources}
    roles = {f"victim:{v.id}" for v in harm.victims} | {f"act:{a.id}" for a in harm.acts}
    roles |= {"agent", "greeting", "thanks", "farewell"}
    for i, word in enumerate(andean_f.words):
        refs.require(word.role in roles, ["words", i, "role"], f"papel desconocido: {word.role!r}")
        for j, source in enumerate(word.sources):
            refs.require(
                source in cited, ["words", i, "sources", j], f"fuente desconocida: {source!r}"
            )

    # glossary
    refs = _Refs(directory / FILES["glossary"], g_node, g_data)
    refs.unique([t.id for t in glossary_f.terms], "terms", "id de término")
    for i, term in enumerate(glossary_f.terms):
        check_service(refs, term.service, ["terms", i, "service"])

    # contacts
    refs = _Refs(directory / FILES["contacts"], c_node, c_data)
    refs.unique([c.id for c in contacts_f.contacts], "contacts", "id de contacto")
    for i, contact in enumerate(contacts_f.contacts):
        check_service(refs, contact.service, ["contacts", i, "service"])

    # situations
    refs = _Refs(directory / FILES["situations"], t_node, t_data)
    refs.unique([t.id for t in situations_f.situations], "situations", "id de situación")
    situation_ids = {t.id for t in situations_f.situations}
    harm_refs = _Refs(directory / FILES["harm"], h_node, h_data)
    harm_refs.unique([a.id for a in harm.acts], "acts", "id de acto")
    harm_refs.unique([v.id for v in harm.victims], "victims", "id de víctima")
    harm_refs.require(
        harm.situation in situation_ids,
        ["situation"],
        f"situación desconocida: {harm.situation!r}",
    )
    harm_refs.require(
        harm.admission_situation is None or harm.admission_situation in situation_ids,
        ["admission_situation"],
        f"situación desconocida: {harm.admission_situation!r}",
    )
    victim_ids = {v.id for v in harm.victims}
    for i, act in enumerate(harm.acts):
        harm_refs.require(
            act.situation is None or act.situation in situation_ids,
            ["acts", i, "situation"],
            f"situación desconocida: {act.situation!r}",
        )
        for j, who in enumerate(act.only_for):
            harm_refs.require(
                who in victim_ids, ["acts", i, "only_for", j], f"víctima desconocida: {who!r}"
            )
    for i, victim in enumerate(harm.victims):
        harm_refs.require(
            victim.situation in situation_ids,
            ["victims", i, "situation"],
            f"situación desconocida: {victim.situation!r}",
        )
        for category, own in victim.by_category.items():
            harm_refs.require(
                own in situation_ids,
                ["victims", i, "by_category", category],
                f"situación desconocida: {own!r}",
            )
    for i, sit in enumerate(situations_f.situations):
        for j, ident in enumerate(sit.contacts):
            refs.require(
                ident in {c.id for c in contacts_f.contacts},
                ["situations", i, "contacts", j],
                f"contacto desconocido: {ident!r}",
            )
        for j, ident in enumerate([*sit.services, *sit.also]):
            key = "services" if j < len(sit.services) else "also"
            idx = j if j < len(sit.services) else j - len(sit.services)
            check_service(refs, ident, ["situations", i, key, idx])
        for j, ident in enumerate(sit.covers):
            refs.require(
                ident in situation_ids or ident in {t.id for t in practical.topics},
                ["situations", i, "covers", j],
                f"situación o tema desconocido: {ident!r}",
            )

    refs = _Refs(directory / FILES["practical"], q_node, q_data)
    refs.unique([t.id for t in practical.topics], "topics", "id de tema")
    refs.unique([t.id for t in practical.bot_topics], "bot_topics", "id de tema del bot")
    check_service(refs, practical.default_service, ["default_service"])

    kb = Knowledge(
        directory=directory,
        department=department,
        services=_frozen(services.items()),
        coverage=_frozen((c.service, c) for c in locations_f.coverage),
        consolidated=tuple(locations_f.consolidated),
        figures=tuple(figures_f.figures),
        periods=_frozen(figures_f.periods.items()),
        not_in_summary=_frozen(figures_f.not_in_summary.items()),
        glossary=_frozen((t.id, t) for t in glossary_f.terms),
        contacts=_frozen((c.id, c) for c in contacts_f.contacts),
        provinces=_frozen(provinces.items()),
        districts=_frozen(districts.items()),
        situations=_frozen((s.id, s) for s in situations_f.situations),
        practical=practical,
        lexicon=lexicon,
        harm=harm,
        andean=tuple(andean_f.words),
        localities=tuple(localities),
        intents=tuple(intents_f.intents),
        model_harm_gate=intents_f.model_harm_gate,
        model_referral_gate=intents_f.model_referral_gate,
        model_case_gate=intents_f.model_case_gate,
        model_own_case_gate=intents_f.model_own_case_gate,
        story_harm_gate=intents_f.story_harm_gate,
        second_part=intents_f.second_part,
        templates=MappingProxyType(templates.parsed),
        model=_model(directory),
        common_words=read_common_words(directory),
        places_source=places_f.source,
        responses=responses,
        warnings=(),
    )
    warnings = _consistency(kb, _Refs(directory / FILES["locations"], l_node, l_data))
    return replace(kb, warnings=warnings)


PHRASE_LISTS = frozenset(
    {
        "phrases",
        "last",
        "writer",
        "case_phrases",
        "asking",
        "gap_words",
        "shouted",
        "calm_shouts",
        "unharmed",
        "accused",
        "topic_changes",
        "amendments",
        "real_problem",
        "greetings",
        "thanks",
        "farewells",
        "out_of_scope",
        "out_of_scope_asked",
        "other_places",
        "affiliation",
        "visited",
        "agents",
        "partners",
        "held",
        "released",
        "frames",
        "case_kinds",
        "animals",
        "disclosures",
        "audiences",
        "story_closers",
        "story_openers",
        "dream_openers",
        "real_stories",
        "story_returns",
        "admissions",
        "writer_roles",
        "first_person",
        "negations",
        "idioms",
        "beasts",
        "serious",
        # grammar phrases read as word sequences (``Lexicons``)
        "reasons",
        "institutions",
        "same_place",
        "not_this_place",
        "also_objects",
        "origins",
        "left_behind",
        "there",
        "behalf",
    }
)
PHRASE_MAPS = frozenset(
    {"intent_cues", "answer_cues", "indicators", "periods", "time", "residence"}
)


class _Templates:
    """Every phrase template of the knowledge, parsed once; a template that cannot be read,
    or an entry written twice in one list, is an error naming its entry. With ``expand``,
    also a phrase that two entries of one list both stand for (``check``)."""

    def __init__(self, rules: Mapping[str, str], expand_all: bool) -> None:
        self.rules, self.expand_all = rules, expand_all
        self.parsed: dict[str, Pattern] = {}

    def check(self, data: Any, refs: _Refs, loc: list[int | str] | None = None) -> None:
        loc = loc or []
        if isinstance(data, dict):
            for key, value in data.items():
                listed = key in PHRASE_LISTS or (bool(loc) and loc[-1] in PHRASE_MAPS)
                if isinstance(value, list) and listed:
                    self._list(value, [*loc, key], refs)
                else:
                    self.check(value, refs, [*loc, key])
        elif isinstance(data, list):
            for i, item in enumerate(data):
                self.check(item, refs, [*loc, i])

    def _list(self, items: list[Any], loc: list[int | str], refs: _Refs) -> None:
        entries: dict[str, int] = {}
        phrases: dict[str, int] = {}
        for i, item in enumerate(items):
            if not isinstance(item, str):
                continue  # the schema says what is wrong with it
            key = " ".join(item.split())
            if key in entries:
                refs.fail([*loc, i], f"entrada repetida (ya está en la entrada {entries[key] + 1})")
            entries[key] = i
            try:
                self.parsed[item] = parse(item, self.rules)
                listed = expand(item, self.rules) if self.expand_all else []
            except TemplateError as exc:
                refs.fail([*loc, i], f"plantilla no válida: {exc}")
            for phrase in listed:
                if phrase in phrases and phrases[phrase] != i:
                    refs.fail(
                        [*loc, i],
                        f"frase repetida: {phrase!r} (ya está en la entrada {phrases[phrase] + 1})",
                    )
                phrases[phrase] = i


def _model(directory: Path) -> Classifier | None:
    try:
        return Classifier.load(directory)
    except ModelError as exc:
        raise KnowledgeError(str(exc)) from None


def _consistency(kb: Knowledge, refs: _Refs) -> tuple[str, ...]:
    """Check the tables' own sums (errors) and report where the seed disagrees with itself."""
    warnings: list[str] = []
    for i, table in enumerate(kb.consolidated):
        column: dict[str, int] = defaultdict(int)
        for j, row in enumerate(table.rows):
            refs.require(
                sum(row.counts.values()) == row.total,
                ["consolidated", i, "rows", j, "total"],
                f"el total de la fila ({row.total}) no es la suma de sus columnas "
                f"({sum(row.counts.values())})",
            )
            for ident, n in row.counts.items():
                column[ident] += n
        for ident, n in table.totals.items():
            refs.require(
                column[ident] == n,
                ["consolidated", i, "totals", ident],
                f"el total de {ident} ({n}) no es la suma de las provincias ({column[ident]})",
            )
        refs.require(
            sum(table.totals.values()) == table.total,
            ["consolidated", i, "total"],
            f"el total general ({table.total}) no es la suma de las columnas",
        )
    for i, cov in enumerate(kb.coverage.values()):
        if cov.stated_total is not None:
            refs.require(
                kb.total(cov.service) == cov.stated_total,
                ["coverage", i, "stated_total"],
                f"el total indicado ({cov.stated_total}) no es la suma por provincias "
                f"({kb.total(cov.service)})",
            )
        for kind in cov.kinds:
            got = sum(c.count for c in cov.counts if c.kind == kind.id)
            if kind.stated_total is not None:
                refs.require(
                    got == kind.stated_total,
                    ["coverage", i, "kinds"],
                    f"el total de {kind.label} ({kind.stated_total}) no es la suma ({got})",
                )
        for province in kb.provinces:
            table_n = kb.consolidated_count(cov.service, province)
            listed = kb.count(cov.service, province)
            if table_n is not None and table_n != listed:
                warnings.append(
                    f"{cov.label} en {kb.provinces[province].name}: el detalle del resumen "
                    f"indica {listed} y el cuadro consolidado {table_n}"
                )
    return tuple(warnings)
