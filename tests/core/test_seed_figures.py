"""Every figure of the seed is in the knowledge, exactly once, and nothing else is.

The table below is copied by hand from the seed (``../shared/seeds/000_abdad1383a79531c.txt``,
"Resumen ejecutivo del departamento de Puno"), not generated from ``figures.yaml``: a figure
mistyped in the YAML, or one invented there, makes this test fail.
"""

from __future__ import annotations

import pytest

from bot.core.knowledge import Figure, Knowledge, load_knowledge
from bot.core.text import fold

AURORA = "Programa Nacional AURORA"
INABIF = "Programa Integral Nacional para el Bienestar Familiar – INABIF"
DGA = "Dirección General de Adopciones – DGA"
DPE = "Dirección de Protección Especial – DPE"
DPAM = "Dirección de Personas Adultas Mayores – DPAM"
CONADIS = "Consejo Nacional para la Integración de la Persona con Discapacidad – CONADIS"

# (service, period, value, a distinctive word of the seed's label, the seed's "Fuente:")
SEED_FIGURES = [
    # 1.1 Centro Emergencia Mujer – CEM
    ("cem", "2022", 4551, "casos atendidos", AURORA),
    ("cem", "2022", 222395, "actividades", AURORA),
    ("cem", "2022", 3932, "preventiva", AURORA),
    ("cem", "2022", 67869, "personas", AURORA),
    ("cem", "2023-01", 156, "casos atendidos", AURORA),
    ("cem", "2023-01", 14484, "actividades", AURORA),
    ("cem", "2023-01", 105, "preventiva", AURORA),
    ("cem", "2023-01", 676, "personas", AURORA),
    # 1.2 Estrategia Rural – ER
    ("estrategia_rural", "2022", 195, "derivados", AURORA),
    ("estrategia_rural", "2023-01", 3, "derivados", AURORA),
    # 1.3 Línea 100
    ("linea_100", "2022", 4348, "telefonicas", AURORA),
    ("linea_100", "2023-01", 290, "telefonicas", AURORA),
    # 1.4 Servicio de Atención Urgente – SAU
    ("sau", "2022", 448, "derivados", AURORA),
    ("sau", "2023-01", 31, "derivados", AURORA),
    # 2.1 Centros de Acogida Residencial – CAR NNA
    ("car", "2022", 190, "adolescentes", INABIF),
    ("car", "2023-01", 96, "adolescentes", INABIF),
    # 2.2 Centro de Desarrollo Integral de la Familia – CEDIF
    ("cedif", "2022", 261, "usuari", INABIF),
    ("cedif", "2023-01", 167, "usuari", INABIF),
    # 2.3 Educadores de Calle
    ("educadores_calle", "2022", 484, "adolescentes", INABIF),
    ("educadores_calle", "2023-01", 358, "adolescentes", INABIF),
    # III. Unidad de Adopción – UA
    ("adopcion", "2022", 2, "adoptad", DGA),
    ("adopcion", "2023-01", 0, "adoptad", DGA),
    # 4.1 Unidad de Protección Especial – UPE
    ("upe", "2022", 423, "ingresados", DPE),
    ("upe", "2023-01", 23, "ingresados", DPE),
    # 5.1 Servicio Mi60+
    ("mi60", "2022", 12, "pam atendidas", DPAM),
    ("mi60", "2022", 12, "resoluciones directorales", DPAM),
    ("mi60", "2023-01", 0, "pam atendidas", DPAM),
    ("mi60", "2023-01", 2, "resoluciones directorales", DPAM),
    # VI. Registro Nacional de la Persona con Discapacidad – CONADIS
    ("conadis", "2022", 2580, "inscritas", CONADIS),
    ("conadis", "2023-01", 149, "inscritas", CONADIS),
]


@pytest.fixture(scope="module")
def kb() -> Knowledge:
    return load_knowledge()


def _matches(kb: Knowledge, service: str, period: str, word: str) -> list[Figure]:
    return [
        f
        for f in kb.figures
        if f.service == service and f.period == period and fold(word) in fold(f.label)
    ]


@pytest.mark.parametrize(("service", "period", "value", "word", "source"), SEED_FIGURES)
def test_seed_figure_is_in_the_knowledge(
    kb: Knowledge, service: str, period: str, value: int, word: str, source: str
) -> None:
    found = _matches(kb, service, period, word)
    assert len(found) == 1, f"{service} {period} «{word}»: {found}"
    figure = found[0]
    assert figure.value == value
    assert figure.source == source
    assert figure.source == kb.services[service].source
    assert figure.period in kb.periods


def test_no_figure_beyond_the_seed(kb: Knowledge) -> None:
    assert len(kb.figures) == len(SEED_FIGURES)
    seed = sorted((s, p, v) for s, p, v, _, _ in SEED_FIGURES)
    assert sorted((f.service, f.period, f.value) for f in kb.figures) == seed


def test_periods_are_the_seeds(kb: Knowledge) -> None:
    assert dict(kb.periods) == {"2022": "Año 2022", "2023-01": "Enero 2023"}


def test_every_service_with_figures_has_both_periods(kb: Knowledge) -> None:
    for service in {s for s, *_ in SEED_FIGURES}:
        assert {f.period for f in kb.figures_for(service)} == {"2022", "2023-01"}
