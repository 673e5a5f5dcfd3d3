"""Harm said indirectly: Quechua and Aymara words read from the dictionaries (andean.yaml),
wishing to die said sideways, a team's "paliza", a homework instruction shouted, a district
that is also a Quechua word, an animal shelter."""

from __future__ import annotations

import pytest

from bot.core.engine import Engine


@pytest.mark.parametrize(
    ("text", "act"),
    [
        # chinkay (AMLQ): a daughter lost; chhaqaña (MINEDU aimara): a sister gone
        ("ususiy chinkarqan qayna p'unchaw, manaraq kutimunchu", "no_vuelve"),
        ("mi kullaka chhaqatawa desde el domingo", "no_vuelve"),
        # qechuy (AMLQ): her children took her field
        ("mamayta churinkuna chakranta qechunku", "economica"),
        # wisq'ay (AMLQ), jist'antaña (Callo): shut in
        ("mi hija esta wisq'asqa en la casa de su suegra", "encierro"),
        ("una tawaqu esta jist'antata en un cuarto", "encierro"),
        # usuchaña (Callo): hurt
        ("el papa de mis sobrinos los usucha con la correa", "golpes"),
        # wañuy munay (AMLQ): wanting to die
        ("wañuyta munani, ya no se que hacer", "autolesion"),
        # Spanish said sideways
        ("dice que mejor seria morirse porque nadie la quiere", "autolesion"),
    ],
)
def test_andean_and_sideways_words_are_read_as_their_act(
    engine: Engine, text: str, act: str
) -> None:
    assert act in engine.understanding.read(text).harm.acts


def test_a_lost_thing_in_quechua_names_nobody(engine: Engine) -> None:
    # chinkay is also "to lose a thing": as a disappearance it counts only for a person named
    assert not engine.understanding.read("celularniy chinkakapun mercadopi").harm.present


def test_an_older_adult_alone_in_quechua_is_a_case_never_unknown(engine: Engine) -> None:
    text = "ñoqa sapallay kashani Azangaro ladopi, churiykuna manam hamunkuchu. 80 watayoq kani"
    signals = engine.understanding.read(text)
    assert "adulto_mayor" in signals.victims
    assert signals.harm.present
    answer = engine.reply(text)
    assert answer.intent != "unknown"
    assert "Línea 100" in "\n".join(answer.text.splitlines()[:3])


def test_being_alone_is_harm_only_for_an_older_adult(engine: Engine) -> None:
    assert not engine.understanding.read("sapallay kashani wasipi").harm.present


def test_a_team_that_took_a_beating_is_not_harm(engine: Engine) -> None:
    calm = engine.understanding.read("el Binacional recibio una paliza anoche 4-0")
    assert not calm.harm.present
    assert engine.understanding.read("mi esposo le dio una paliza a mi hijo").harm.present


def test_a_shouted_homework_instruction_is_calm(engine: Engine) -> None:
    text = "tarea: explicar que es la trata de personas y a que numero se llama, ayudaaa"
    assert engine.reply(text).intent != "emergency"
    assert engine.reply("AYUDAAA mi papa le esta pegando a mi mama").intent == "emergency"


def test_munani_is_quechua_for_i_want_unless_a_place_word_comes_first(engine: Engine) -> None:
    place = engine.understanding.read("wañuyta munani, estoy en Ayaviri").place
    assert place is not None and engine.kb.districts[place.key].province == "melgar"
    place = engine.understanding.read("vivo en Muñani").place
    assert place is not None and engine.kb.districts[place.key].province == "azangaro"


def test_an_animal_shelter_is_out_of_scope(engine: Engine) -> None:
    text = "mi gata tuvo crias, hay algun albergue de animales en Puno?"
    assert engine.reply(text).intent == "unknown"
