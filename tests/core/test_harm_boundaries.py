"""Where harm phrases end: real cases that idioms, frames and safe-now marks must not
swallow, calm messages that the new phrases must not alarm, and the place a question asks
about, which must not move away from the writer."""

from __future__ import annotations

import pytest

from bot.core.engine import Engine


@pytest.mark.parametrize(
    "text",
    [
        # the work that "kills" is an idiom only with its article, not where the aggressor
        # comes from
        "cuando llega del trabajo me mata a golpes",
        "mi esposo sale de su turno y me mata a golpes, estoy en juliaca",
        # "no aparece" of a person said without a kinship word
        "no aparece desde ayer",
        "no aparece mi hermano desde el sabado",
        "mi papa con alzheimer salio y no aparece",
    ],
)
def test_harm_an_idiom_or_a_narrowed_phrase_no_longer_hides(engine: Engine, text: str) -> None:
    harm = engine.understanding.read(text).harm
    assert harm.present
    assert harm.time == "now"


@pytest.mark.parametrize(
    "text",
    [
        # "está ahora con un señor": not safe (only with her own family)
        "mi hija de 15 no llega desde ayer, esta ahora con un senor que conocio por facebook",
        "la chica que le pegaban esta ahora donde su pareja otra vez",
        # "ya no se aparece por la casa": a son missing, not an aggressor gone
        "mi hijo de 15 ya no se aparece por la casa, hace 4 dias",
        # what still happens after what no longer does
        "mi esposo me pega y me amenaza, ya no se acerca a los ninos pero a mi si",
    ],
)
def test_a_safe_mark_does_not_swallow_harm_still_going_on(engine: Engine, text: str) -> None:
    harm = engine.understanding.read(text).harm
    assert harm.present
    assert harm.time != "past"


@pytest.mark.parametrize(
    "text",
    [
        "ya van tres dias que no sabemos nada del tramite en la demuna",
        "van dos semanas que no sabemos nada de la denuncia, la comisaria no avisa",
        "no vale la pena seguir esperando en el cem, atienden muy lento",
        "no vale la pena seguir con el tramite de la pension",
        "ya compre las pastillas para la presion de mi mama, donde queda el ciam",
        "ya consegui veneno para los ratones de la chacra",
        "ya compre raticida para el almacen",
        "la curandera le soba la pierna a mi abuelita, hay ciam en ilave",
        "la profesora nos hace quedar despues de clases para reforzamiento",
        "se necesitan senoritas para la comparsa de la candelaria",
        "la demuna busca senoritas para el voluntariado",
        "gane un viaje con pasajes pagados a lima",
        "en la muni dijeron que era para atender a los usuarios del ciam, que horario tiene",
        "el dueno del cuarto dice que le debo el cuarto, que hago",
        "no puedo ir hasta que me paguen el sueldo, a que hora cierra la demuna",
        "el documento lo tienen bajo llave en la municipalidad",
        "las fotos las tienen bajo llave en el archivo de la demuna",
        "el dueno tiene mis papeles del carro, puedo denunciar en el cem?",
        "fotos en bikini de la playa, eso es delito?",
        # the language misspelt is not qechuy (to dispossess), nor a lost phone a person gone
        "mi mama solo habla qechua, el cem tiene traductor",
        "churiy chinkachin celularninta",
        "wisqasqa kashan tienda, a que hora abre el cem",
    ],
)
def test_calm_messages_the_new_phrases_took_for_harm(engine: Engine, text: str) -> None:
    assert not engine.understanding.read(text).harm.present


@pytest.mark.parametrize(
    "text",
    [
        # a team's "paliza" is an idiom for a club, not for a boy in the team
        "mi hijo en el equipo recibio una paliza de su entrenador",
        "ya no quiero vivir, ya compre veneno para matarme",
        "no vale la pena seguir viviendo",
        "ya compre las pastillas, perdonenme",
        "el profe me hace quedar despues de clase y me agarra la pierna",
        "el sobador me soba los senos cuando mi mama sale",
        "se necesitan senoritas para trabajar en la rinconada, mi hija de 16 quiere ir",
        "a mi prima le ofrecieron trabajo de ninera en Lima con pasaje pagado",
        "a mi hermana de 16 la llevaron a la rinconada diciendo que era para trabajar de cocinera",
        "dicen que le debo el cuarto y no me dejan salir",
        "a mi abuelita la tienen bajo llave en su cuarto",
        "ya van dos semanas que no sabemos nada de mi hermana",
    ],
)
def test_the_narrowed_phrases_still_read_the_real_case(engine: Engine, text: str) -> None:
    assert engine.understanding.read(text).harm.present


@pytest.mark.parametrize(
    ("text", "province"),
    [
        # where the writer comes from, said in the question, is not the place asked about
        ("Estoy en Ilave. ¿Me atienden aunque soy de Juliaca?", "el_collao"),
        # the place a question asks about still leads
        ("Soy de Ilave. ¿Hay CEM en Juliaca?", "san_roman"),
        ("Estudio en la UNA Puno. ¿Cuántos CEM hay en El Collao?", "el_collao"),
    ],
)
def test_an_origin_in_the_question_does_not_move_the_place(
    engine: Engine, text: str, province: str
) -> None:
    place = engine.understanding.read(text).place
    assert place is not None
    kb = engine.kb
    read = place.key if place.kind == "province" else kb.districts[place.key].province
    assert read == province


@pytest.mark.parametrize(
    "text",
    [
        "el papa de mi compañero le quema las manos con la plancha cuando no hace la tarea",
        "su papa le pega con la correa por no hacer su tarea",
        "su mama la encierra en el cuarto si no termina la tarea",
    ],
)
def test_a_frame_that_a_punishment_is_for_is_no_frame(engine: Engine, text: str) -> None:
    """Homework named as what a punishment is for ("cuando no hace la tarea") is the reason,
    not a story told for homework (grammar ``reasons``)."""
    harm = engine.understanding.read(text).harm
    assert harm.present
    assert not harm.framed


@pytest.mark.parametrize(
    "text",
    [
        "para mi tarea: por que no se debe pegar a los niños?",
        "en mi tarea de comunicacion tengo que explicar por que el maltrato infantil es delito",
        "su papa le pega a su mama cuando llega borracho, es una escena de la novela para mi tarea",
    ],
)
def test_homework_told_before_or_far_after_the_act_still_frames(engine: Engine, text: str) -> None:
    assert not engine.understanding.read(text).harm.present


@pytest.mark.parametrize(
    "text",
    [
        "cuando llega una senora golpeada la mandamos al cem o a la comisaria? "
        "es para saber el procedimiento, no tenemos caso ahorita",
        "si llega una mujer con golpes a la posta a donde la derivo, no tenemos ningun caso "
        "en este momento",
    ],
)
def test_a_time_word_inside_a_frame_is_the_frame_s(engine: Engine, text: str) -> None:
    """ "Ahorita" in "no tenemos caso ahorita" says when there is no case, not when harm
    happens: a worker's procedure question, not an emergency."""
    harm = engine.understanding.read(text).harm
    assert not harm.stated_now
    assert engine.reply(text).intent != "emergency"


def test_a_time_word_outside_the_frame_still_counts(engine: Engine) -> None:
    text = "no es un caso hipotetico, ahorita mi vecino le esta pegando a su esposa"
    assert engine.understanding.read(text).harm.stated_now
    assert engine.reply(text).intent == "emergency"
