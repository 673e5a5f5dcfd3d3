"""Round 50: which part of a message counts — a place, a service or a year taken back ("no
perdón, en Yunguyo"), harm told after "en realidad lo que pasa es que…" or "pd:", a place
pointed back to ("esa provincia"), a long story before a plain question — and a disability
that yields to violence told (the CEM first, the disability's services after). The round's
harm and calm messages are listed in ``phrases/round50.yaml``."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.core.engine import Engine
from bot.core.knowledge import DEFAULT_KNOWLEDGE_DIR, KnowledgeError, load_knowledge


@pytest.mark.parametrize(
    ("text", "province"),
    [
        ("¿hay DEMUNA en Ilave? no perdon, quise decir en Yunguyo", "yunguyo"),
        ("que servicios hay en Lampa... ah no, me equivoque, es Melgar", "melgar"),
        ("perdon por molestar, hay CEM en Lampa?", "lampa"),
    ],
)
def test_a_place_taken_back_gives_way_to_the_one_said_after(
    engine: Engine, text: str, province: str
) -> None:
    assert engine.reply(text).province == province, text


def test_a_service_taken_back_gives_way_to_the_one_said_after(engine: Engine) -> None:
    answer = engine.reply("cuantos casos atendio el CAR, digo el CEM, en 2022?")
    assert answer.intent == "stats", (answer.intent, answer.rule)
    assert answer.services[:1] == ("cem",), answer.services


def test_a_disability_yields_to_violence_told(engine: Engine) -> None:
    answer = engine.reply(
        "soy ciego, mi hermano me pego con un palo el mes pasado, ya vivo solo en Ilave, a"
        " donde voy para que me orienten?"
    )
    assert answer.services[:1] == ("cem",), answer.services
    assert {"conadis", "oredis"} & set(answer.services), answer.services


def test_a_disability_keeps_its_own_services_where_no_violence_is_told(engine: Engine) -> None:
    answer = engine.reply(
        "mi hijo tiene autismo, donde lo inscribo en el registro de discapacidad?"
    )
    assert answer.services[:1] in (("conadis",), ("oredis",)), answer.services


def test_harm_told_after_the_real_problem_is_the_point(engine: Engine) -> None:
    turned = engine.reply(
        "el CIAM de Azangaro atiende los sabados? bueno, en realidad lo que pasa es que mi"
        " hermano le quita toda la pension a mi papa y no le deja ni para comer"
    )
    assert turned.intent == "referral", (turned.intent, turned.rule)
    assert "100" in "\n".join(turned.text.splitlines()[:3]), turned.text


def test_the_place_of_harm_after_a_postscript_is_the_cases(engine: Engine) -> None:
    answer = engine.reply(
        "el CEDIF de Ilave recibe niños de 2 años? pd: mi vecino le pega a su hijito con la"
        " correa todas las noches, yo vivo al lado en Acora y lo escucho llorar"
    )
    assert answer.province == "puno", (answer.province, answer.rule)


def test_that_province_is_the_one_named_last(engine: Engine) -> None:
    answer = engine.reply(
        "soy de Puno, pero en marzo me mudo a Ayaviri por trabajo. que servicios hay en esa"
        " provincia?"
    )
    assert (answer.intent, answer.province) == ("overview", "melgar"), answer.rule


def test_a_long_story_before_a_plain_question_does_not_hide_it(engine: Engine) -> None:
    answer = engine.reply(
        "Buenas noches, recien llegue de viaje, el bus se malogro en Pucara y llegamos tarde,"
        " mis hijos estan cansados y la maleta se mojo con la lluvia. Por cierto, ¿que"
        " servicios del MIMP hay en la provincia de Azangaro?"
    )
    assert (answer.intent, answer.province) == ("overview", "azangaro"), answer.rule


@pytest.mark.parametrize(
    "text",
    [
        "no se a quien contarle esto, me da verguenza lo que me paso",
        "es sobre mi padrastro y lo que me hace cuando mi mama no esta",
    ],
)
def test_a_veiled_disclosure_starts_with_linea_100(engine: Engine, text: str) -> None:
    answer = engine.reply(text)
    assert answer.intent in ("referral", "emergency"), (text, answer.intent, answer.rule)
    assert "100" in "\n".join(answer.text.splitlines()[:3]), answer.text


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("hay una fuga de gas en la cocina del restaurante de al lado, huele fuertisimo", "116"),
        ("un huaico tapo la carretera a Sandia y el bus esta atrapado desde la mañana", "116"),
        ("mi tio se cayo del andamio en la obra, esta en el suelo y no se mueve", "106"),
    ],
)
def test_an_emergency_of_no_violence_gets_its_telephones(
    engine: Engine, text: str, phone: str
) -> None:
    answer = engine.reply(text)
    assert phone in answer.text, answer.text
    assert "no tengo información" not in answer.text, answer.text


def test_a_fire_set_by_a_person_is_harm_with_the_firemen_after_the_police(engine: Engine) -> None:
    answer = engine.reply(
        "mi esposo prendio fuego a la casa con nosotros adentro, se esta quemando el techo"
    )
    assert answer.intent == "emergency", (answer.intent, answer.rule)
    lines = answer.text.splitlines()
    assert "100" in "\n".join(lines[:3]) and "116" in answer.text, answer.text


def test_harm_of_no_one_after_a_postscript_leaves_the_question_answered(engine: Engine) -> None:
    answer = engine.reply(
        "donde queda la demuna de juli? pd: dicen que pegar a los hijos es delito, es cierto?"
    )
    assert answer.intent == "locate", (answer.intent, answer.rule)


def test_an_unknown_contact_of_an_other_emergency_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "knowledge"
    shutil.copytree(DEFAULT_KNOWLEDGE_DIR, target)
    path = target / "lexicon.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("contacts: [bomberos, policia]", "contacts: [guardacostas]", 1))
    with pytest.raises(KnowledgeError, match=r"lexicon\.yaml, línea \d+: .*guardacostas"):
        load_knowledge(target)
