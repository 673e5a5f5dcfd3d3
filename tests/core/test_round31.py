"""Development set 52 and held-out set 32: which of two places of one name is meant ("el de
Acora, no el de Ollachea")."""

from __future__ import annotations

from bot.core.engine import Engine


def test_the_place_after_el_de_says_which_one_is_meant(engine: Engine) -> None:
    # a centro poblado of Acora, whatever the writer thinks of Ollachea
    hot = engine.understanding.read("soy de Aguas Calientes, el de Acora, no el de Ollachea")
    assert hot.place is not None and hot.place.name == "Acora"
    # a Crucero not in the list: the district named after it is the place
    crossing = engine.understanding.read("vivimos en Crucero, pero el de Pomata")
    assert crossing.place is not None and crossing.place.name == "Pomata"
    # without those words the district of Carabaya stays the reading
    plain = engine.understanding.read("vivimos en Crucero")
    assert plain.place is not None and plain.place.name == "Crucero"


def test_a_place_said_not_to_be_meant_is_never_the_place(engine: Engine) -> None:
    signals = engine.understanding.read("vivo en Juliaca, no en Puno, hay cem?")
    assert signals.place is not None and signals.place.name == "Juliaca"
    first = engine.understanding.read("no en Puno sino en Ilave, donde queda el cem")
    assert first.place is not None and first.place.name == "Ilave"
    # alone, it is still the place named
    alone = engine.understanding.read("y no en Lampa?")
    assert alone.place is not None and alone.place.name == "Lampa"


def test_a_place_said_not_to_be_meant_does_not_say_which_one_is(engine: Engine) -> None:
    # Santa Rosa of El Collao, not of Melgar, which the message rules out
    signals = engine.understanding.read("vivo en Santa Rosa, no la de Melgar, hay demuna?")
    assert signals.place is not None
    assert engine.kb.districts[signals.place.key].province != "melgar"
