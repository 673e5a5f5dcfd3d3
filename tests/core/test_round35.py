"""Round 35: the age a service takes; a referral's services in the order its card shows them;
the department's few sites named; an animal named further on that no longer frames a child's
case; la UNA and la Candelaria as weak places. The round's harm and calm phrases, and where
the person at risk is (called from, sleeps now, is made to work, stayed), are data:
``tests/core/phrases/round35.yaml``."""

from __future__ import annotations

from bot.core.engine import Engine


def test_the_age_a_service_takes_is_answered(engine: Engine) -> None:
    answer = engine.reply("el cedif de juli desde que edad reciben a los niños?")
    assert "6 meses a 11 años" in answer.text
    assert "60 años a más" in engine.reply("el centro de dia de juli hasta que edad").text


def test_a_referral_names_the_service_asked_first(engine: Engine) -> None:
    # harm that is over: the service asked comes before the situation's own, in the text and
    # in the answer's services
    answer = engine.reply(
        "una vecina fue golpeada por su esposo el año pasado y ya se separo, sus hijos"
        " necesitan apoyo, la DEMUNA la puede ayudar?"
    )
    assert answer.intent == "referral"
    assert answer.services[:2] == ("demuna", "cem")
    assert answer.text.index("(DEMUNA)") < answer.text.index("(CEM)")


def test_the_department_total_names_its_few_sites(engine: Engine) -> None:
    text = engine.reply("Estrategia Rural en que distritos interviene en Puno?").text
    assert "4 ER (Huacullani, PIAS Lago Titicaca (distrito de Puno), Coasa y Corani)" in text
    # many sites, or sites without names: the count alone
    assert "4 CAR." in engine.reply("cuantos car hay en puno").text


def test_an_animal_named_further_on_does_not_frame_harm_to_a_child(engine: Engine) -> None:
    # the alpacas come long after the beating: a child's case, not something done to a herd
    answer = engine.reply(
        "soy profesora en Putina, un alumno de 13 llega con marcas en los brazos, dice que su"
        " papa le pega con chicote cuando no termina de pastear las alpacas"
    )
    assert answer.intent in ("emergency", "referral")
    assert "Línea 100" in "".join(answer.text.split("\n")[:3])
    # what is done to an animal, named before or right after the act, is no case
    for text in (
        "mi perro fue envenenado por el vecino en Ilave, donde denuncio",
        "el vecino le pego con un palo a mi perrito, eso se denuncia?",
    ):
        assert engine.reply(text).intent != "emergency", text


def test_the_una_is_puno_unless_another_place_is_named(engine: Engine) -> None:
    # "la UNA" alone is the university's seat in Puno; "una" alone is no place
    assert engine.reply("mi ex esta rondando mi cuarto por la UNA, tengo miedo").province == "puno"
    assert engine.reply("vivo en una comunidad y mi esposo me pega").province is None
    # where one studies yields to the place the question is about
    answer = engine.reply(
        "trabajo de la UNA sobre violencia en Yunguyo: cuantos CEM tiene Yunguyo?"
    )
    assert answer.province == "yunguyo"


def test_the_candelaria_is_puno_unless_another_place_is_named(engine: Engine) -> None:
    answer = engine.reply(
        "a mi sobrina de 14 se la llevo un tipo mayor en su moto despues del ensayo de la"
        " candelaria y no contesta"
    )
    assert answer.province == "puno"
    # another town's fiesta: that town
    text = "en la fiesta de la Candelaria de Juli mi esposo me pego, hay CEM en Juli?"
    assert engine.reply(text).province == "chucuito"


def test_the_writers_office_is_not_what_is_asked_unless_named_again(engine: Engine) -> None:
    # one in charge of a DEMUNA who asks which CEM takes the district's cases
    answer = engine.reply(
        "soy el nuevo responsable de la DEMUNA de Tinicachi en Yunguyo, a que CEM corresponde"
        " derivar los casos de violencia de nuestro distrito?"
    )
    assert answer.services[0] == "cem"
    # the office named again is asked about
    answer = engine.reply(
        "soy la nueva responsable de la DEMUNA de Ocuviri, que casos ve la DEMUNA y cuales se"
        " derivan al CEM?"
    )
    assert answer.services[0] == "demuna"
