"""Phrases added after held-out set 26 and development set 38 were scored: harm they told
that slipped (a kidnapping said with the person after the verb, giving things away, a
pregnant girl's age after the word) is read, and the calm uses they showed stay calm."""

from __future__ import annotations

import pytest

from bot.core.engine import Engine


@pytest.mark.parametrize(
    ("text", "act"),
    [
        ("dicen que tienen secuestrada a mi hermana y piden plata", "secuestro"),
        ("unos señores tienen retenido a su hijo en un campamento", "secuestro"),
        ("mi primo esta regalando sus cosas a sus amigos desde ayer", "autolesion"),
        ("en la posta tenemos una embarazada de 13 años", "sexual"),
        ("mi alumna viene con moretones en los brazos desde el lunes", "golpes"),
        ("una adolescente de 15 vino con su conviviente de 32 años", "convivencia_menor"),
    ],
)
def test_harm_is_read(engine: Engine, text: str, act: str) -> None:
    harm = engine.understanding.read(text).harm
    assert act in harm.acts, harm.acts


@pytest.mark.parametrize(
    "text",
    [
        "nos esta matando la sequia, no hay pasto para las llamas",
        "se me parte la cabeza con tanto ruido de la fiesta",
        "mi sobrina expone manana sobre feminicidio, que cifras hay en puno?",
    ],
)
def test_calm_stays_calm(engine: Engine, text: str) -> None:
    assert engine.reply(text).intent != "emergency"


@pytest.mark.parametrize(
    ("text", "province"),
    [
        ("hay cem en lunar de oro?", "san_antonio_de_putina"),
        ("vivo en la isla de taquile, que servicios hay", "puno"),
        ("estudio en la UANCV, hay cem cerca?", "san_roman"),
    ],
)
def test_places_people_name(engine: Engine, text: str, province: str) -> None:
    assert engine.reply(text).context.province == province


def test_a_child_humiliated_is_the_childs_own_case(engine: Engine) -> None:
    answer = engine.reply("el profesor le grita inutil a mi hija delante de sus compañeros")
    assert "demuna" in answer.services, answer.services


@pytest.mark.parametrize(
    ("text", "province"),
    [
        ("una señora grita en el paradero de la salida a Puno en Juliaca", "san_roman"),
        ("trabajo en la carretera a Ananea pero vivo en Azangaro, hay cem?", "azangaro"),
        ("vendo en la salida a Huancane, hay demuna?", "huancane"),
    ],
)
def test_a_road_is_named_after_where_it_leads(engine: Engine, text: str, province: str) -> None:
    assert engine.reply(text).context.province == province


@pytest.mark.parametrize(
    "text",
    ["mis hijos ya no me visitan y estoy sola", "wawaykuna manam watukamuwanchu, sapallay kashani"],
)
def test_a_parent_children_do_not_visit_is_an_older_adult(engine: Engine, text: str) -> None:
    signals = engine.understanding.read(text)
    assert "adulto_mayor" in signals.victims
    assert engine.reply(text).intent in ("referral", "emergency")
