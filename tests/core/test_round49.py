"""Round 49: safe now in the hands of one who helps or of kin, the writer who harms and wants
to stop, acts done to a beast, a case only supposed, an absent father, and where the case is
when the writer is elsewhere. The round's harm and calm messages are listed in
``phrases/round49.yaml``."""

from __future__ import annotations

import pytest

from bot.core.engine import Engine


@pytest.mark.parametrize(
    "text",
    [
        "soy obstetra de la posta de Ollachea, atendimos a una joven que su pareja le dio un"
        " puñete el domingo, ahorita esta aqui en la posta con su mama. a donde la derivo?",
        "la policia la dejo con su tia en Azangaro despues que el padrastro la toco, que"
        " servicio le puede dar psicologo?",
        "me escape con mis hijos porque me pegaba, ahora estamos en casa de mi comadre en Ilave,"
        " donde pido ayuda para la pension?",
    ],
)
def test_harm_safe_now_with_one_who_helps_is_a_case_to_refer(engine: Engine, text: str) -> None:
    answer = engine.reply(text)
    assert answer.intent == "referral", (text, answer.intent, answer.rule)
    assert "100" in "\n".join(answer.text.splitlines()[:3]), answer.text


def test_safe_where_he_knows_the_place_is_not_safe(engine: Engine) -> None:
    answer = engine.reply(
        "ayer me amenazo con un cuchillo, ahora estoy en casa de mi hermana en Juli pero el"
        " sabe donde vivo"
    )
    assert answer.intent == "emergency", (answer.intent, answer.rule)


@pytest.mark.parametrize(
    "text",
    [
        "anoche le pegue a mi hijo con la correa y me siento mal, no quiero volver a hacerlo",
        "yo les grito y les pego a mis hijos cuando llego cansada, quiero dejar de pegarles",
    ],
)
def test_the_writer_who_harms_and_wants_to_stop_gets_the_childs_case(
    engine: Engine, text: str
) -> None:
    answer = engine.reply(text)
    assert (answer.intent, answer.rule) == ("referral", "gate:harm_by_writer"), text
    assert "100" in "\n".join(answer.text.splitlines()[:3]), answer.text


def test_the_writer_harmed_while_hitting_back_is_still_in_danger(engine: Engine) -> None:
    answer = engine.reply("le pegue a mi esposo porque me estaba ahorcando, estoy en Ayaviri")
    assert answer.intent == "emergency", (answer.intent, answer.rule)


def test_a_beast_beaten_is_no_harm(engine: Engine) -> None:
    beast = engine.understanding.read("el señor de al lado le pega a su burro con un palo")
    assert not beast.harm.present, beast.harm
    answer = engine.reply("mi tio le pega a sus vacas con un chicote, eso esta bien?")
    assert answer.intent != "emergency", (answer.intent, answer.rule)


def test_a_father_who_does_not_show_up_is_no_missing_person(engine: Engine) -> None:
    signals = engine.understanding.read(
        "mi prima murio y dejo dos wawas, el papa no aparece, mi abuela los cuida en Pomata"
    )
    assert "desaparicion" not in signals.harm.categories, signals.harm


@pytest.mark.parametrize(
    "text", ["mi esposo me\npega todos los dias", "mi ex me dijo. te voy a matar si sales"]
)
def test_harm_split_by_a_line_break_or_a_stray_period_is_still_read(
    engine: Engine, text: str
) -> None:
    assert engine.understanding.read(text).harm.present, text


@pytest.mark.parametrize(
    ("text", "province"),
    [
        (
            "estoy en Juliaca y mi hermana me escribe desde Ayaviri que su esposo la esta"
            " golpeando ahorita",
            "melgar",
        ),
        ("vivo en Puno, mi sobrinita esta con su padrastro en Ilave y la maltrata", "el_collao"),
        ("volvi de Buenos Aires a Putina y mi papa le pega a mi mama", "san_antonio_de_putina"),
    ],
)
def test_the_case_is_where_the_relative_is(engine: Engine, text: str, province: str) -> None:
    answer = engine.reply(text)
    assert answer.province == province, (text, answer.province, answer.rule)


def test_a_situation_read_across_a_gap_keeps_the_place_inside_it(engine: Engine) -> None:
    answer = engine.reply("mi abuelita vive en Cabana solita y sus hijos no la visitan")
    assert answer.province == "san_roman", (answer.province, answer.rule)
    denied = engine.reply("en la comisaria de Moho no me quisieron recibir la denuncia")
    assert denied.province == "moho", (denied.province, denied.rule)


def test_going_alone_to_a_service_is_no_child_left_alone(engine: Engine) -> None:
    signals = engine.understanding.read("mi hija de 16 puede ir solita al CEM de Lampa?")
    assert "nna_sin_cuidados" not in signals.situations, signals.situations


@pytest.mark.parametrize(
    "text",
    [
        "antes me pegaba cuando tomaba, hace años, pero el sigue igual y antier me rompio el labio",
        "hace 8 años que lo deje pero todavia me sigue buscando, ayer me espero en la puerta",
        "me escape a Lampa donde mi tia pero el ya sabe donde estoy y dice que viene esta noche",
    ],
)
def test_old_harm_that_goes_on_or_comes_back_is_an_emergency(engine: Engine, text: str) -> None:
    answer = engine.reply(text)
    assert answer.intent == "emergency", (text, answer.intent, answer.rule)


def test_sexual_harm_beside_the_writers_admission_stays_an_emergency(engine: Engine) -> None:
    answer = engine.reply("yo le grito a mi hija, me arrepiento, pero su padrastro la viola")
    assert answer.intent == "emergency", (answer.intent, answer.rule)


def test_harm_said_to_happen_now_beside_an_admission_stays_an_emergency(engine: Engine) -> None:
    answer = engine.reply(
        "le grite a mi hijo y me arrepiento, pero ahorita mi esposo le esta pegando a mi hija"
    )
    assert answer.intent == "emergency", (answer.intent, answer.rule)
