"""Economic violence told through what a person owns (animals, a loom, papers, a stall),
threats against it, and a relative gone without news: harm, with the Línea 100 first; the
same words about one's own sale or a slow procedure stay calm."""

from __future__ import annotations

import pytest

from bot.core.engine import Engine


@pytest.mark.parametrize(
    "text",
    [
        "mi esposo vendio mis ovejas y mi telar y no me da nada",
        "mi esposo se quedo con mis alpacas y la casa cuando me fui a Tacna",
        "mi yerno le quito sus vacas a mi mama",
        "soy hombre, mi ex se llevo los papeles de la casa y mi ganado",
        "mi esposa se llevo los papeles del terreno y se fue a Bolivia con los ninos",
        "mi pareja rompio mi DNI y mi partida para que no pueda trabajar",
        "mi ex me manda audios diciendo que va a quemar mi puesto del mercado",
        "mi hijo de 15 se fue a las minas y hace 2 semanas no sabemos nada",
    ],
)
def test_harm_to_what_a_person_owns_or_a_relative_without_news(engine: Engine, text: str) -> None:
    assert engine.understanding.read(text).harm.present
    answer = engine.reply(text)
    assert answer.intent != "unknown"
    assert any("100" in line for line in answer.text.splitlines()[:3])


@pytest.mark.parametrize(
    "text",
    [
        "vendi mis alpacas para pagar el colegio, hay ciam en macusani",
        "mi papa vendio sus ovejas en la feria de ilave, cuantos cem hay",
        "rompi mi dni sin querer, donde saco otro",
        "el dueno tiene los papeles del carro, que hago",
        "hace 2 semanas no sabemos nada del tramite de la demuna",
    ],
)
def test_the_same_words_about_ones_own_things_stay_calm(engine: Engine, text: str) -> None:
    assert not engine.understanding.read(text).harm.present


@pytest.mark.parametrize(
    ("text", "harm"),
    [
        # money taken, photos threatened (not a bank's fees)
        ("me quita toda la plata", True),
        ("mi esposo me quita toda la plata que gano en el mercado", True),
        ("el banco me quita toda la plata con sus comisiones", False),
        ("van a exponer mis fotos si no pago", True),
        # held-out set 25's two harm messages answered unknown at its first run
        (
            "el dueño del restaurante tiene a una chiquita de 11 años lavando platos de noche",
            True,
        ),
        ("ese hombre pasa por mi casa cada noche y se queda mirando por la ventana", True),
        # and calm ones it took for emergencies
        ("mi equipo le metio una paliza al Mannucci 4 a 0, los matamos 😂", False),
        ("el partido fue una guerra, nos rompieron la cara en la cancha", False),
        ("me mata este dolor de muela, donde hay dentista en Putina?", False),
        ("en historia vimos como mataron a Atahualpa en Cajamarca", False),
        # the same words in real harm
        ("mi esposo me mata a golpes, este dolor de cabeza no se me pasa", True),
        ("mi cuñado dice que a mi hermano lo matamos si habla", True),
        # laughter written with emoji is laughter: a threat said laughing is a joke...
        (
            "mi esposa me va a matar si no llego a la cena 😂😂, la linea 100 atiende 24 horas?",
            True,
        ),
        # ...unless someone is afraid, and never for a beating
        ("mi esposo me va a matar 😂 tengo miedo", True),
        ("me pega 😂", True),
        # history and procedures told
        ("en los 80 los senderistas mataban a las autoridades en la plaza", False),
        ("dice su libro que a los ladrones los castigaban con la muerte", False),
        ("este tramite me esta matando, que es conadis", False),
        ("los senderistas mataron a mi papa", True),
        # grooming by a teacher, told by a friend (set 22's first run)
        (
            "el profe de educacion fisica le manda mensajes a mi amiga diciendole q es bonita "
            "y q se quede despues de clase sola",
            True,
        ),
        ("el profe nos dijo que nos quedemos despues de clase para reforzamiento", False),
        ("el profe le manda mensajes al grupo del salon diciendo que mañana no hay clases", False),
    ],
)
def test_harm_or_calm_read_as_such(engine: Engine, text: str, harm: bool) -> None:
    assert engine.understanding.read(text).harm.present is harm
