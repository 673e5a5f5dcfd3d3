"""Red team 28: frontline workers. A nurse's, a teacher's or a police officer's case is read
(clinical words for bruises, a patient's age, a minor with an adult partner), their procedure
questions get the service's description or the route, and "auxiliar" is no cry for help."""

from __future__ import annotations

import pytest

from bot.core.engine import Engine


@pytest.mark.parametrize(
    ("text", "act"),
    [
        ("atendi a una señora que presenta equimosis en los brazos y el cuello", "golpes"),
        ("pcte de 15 gestante, vive con su enamorado de 24", "convivencia_menor"),
        ("la ficha de valoracion de riesgo salio severo, que hacemos", "riesgo_severo"),
    ],
)
def test_workers_cases_are_read(engine: Engine, text: str, act: str) -> None:
    assert act in engine.understanding.read(text).harm.acts


def test_an_auxiliar_is_no_cry_for_help(engine: Engine) -> None:
    signals = engine.understanding.read("soy auxiliar de educacion en un colegio de lampa")
    assert "pedido_auxilio" not in signals.harm.acts


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("un alumno viene con marcas de correa, llamo a la demuna o a la comisaria?", "referral"),
        ("la UPE necesita oficio o denuncia previa para recibir un caso?", "describe"),
        ("como se llama al 100 si la señora no tiene celular?", "describe"),
    ],
)
def test_workers_questions(engine: Engine, text: str, intent: str) -> None:
    assert engine.reply(text).intent == intent
