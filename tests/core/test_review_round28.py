"""Review of round 28: real harm told beside a story a relative watches, plays or does as
homework (the audiences of harm.yaml), which the story hid; and calm messages that a new act
(a pregnancy's weeks, marks with their cause, an adult daughter's husband, an office that
holds someone, serving miners, giving things away, leaving a town, a family visit, a parent's
rule, one's own account) alarmed."""

from __future__ import annotations

import pytest

from bot.core.engine import Engine


@pytest.mark.parametrize(
    "text",
    [
        # told beside the story, not in it: "cuando", "porque", "ahí", "de repente"
        "mi hija estaba haciendo su tarea cuando la violaron",
        "mi hija estaba haciendo su tarea de matematica cuando el padrastro entro y la toco",
        "mi hija miraba la novela de las 8 cuando el padrastro le pego",
        "mi hija estaba viendo la tele cuando entraron y la secuestraron",
        "mi hijo estaba jugando free fire cuando se lo llevaron en un carro",
        "mi mama escuchaba la radio cuando la atacaron con un cuchillo",
        "mi hija expone sobre bullying porque a ella le pegan en el colegio",
        "mi hija tiene un taller de danza y ahi el profesor la manosea",
        "mi hija miraba la novela y de repente el padrastro la jalo del pelo",
        # a new subject after "y" or "con"
        "mi hija tiene tarea de ciencias y un vecino la llama a su casa y la toca",
        "mi hija veia una serie de netflix y un hombre entro y la violo",
        "mi hija ve la novela de la tarde y el padrastro le pega",
        "mi nieta veia la tele y el viejo de al lado la manoseo",
        "mi hija hace tarea de matematicas con un profesor particular que la toca",
        # a pronoun before the act, nothing of the story after the frame
        "mi hija hace su tarea y la tocan",
        "mi hijo tiene un libro y lo amarran a la cama",
        "mi hijo juega free fire y le piden fotos sin ropa",
        "mi hijo juega free fire en la cabina y le ofrecen diamantes a cambio de fotos",
        "mi hija estaba viendo la tele y se la llevaron unos tipos en una camioneta",
        # the writer's own family, or the writer told
        "mi abuelito escucha la radio encerrado, mis tios no le dan de comer",
        "mi hija vio una serie de trata y me dijo que a ella le ofrecieron trabajo por facebook",
    ],
)
def test_harm_beside_a_story_is_read(engine: Engine, text: str) -> None:
    assert engine.understanding.read(text).harm.present


@pytest.mark.parametrize(
    "text",
    [
        "mi hijo juega free fire y les grita 'te voy a matar' a sus amigos, eso es normal? jaja",
        "mi hijo juega free fire con sus amigos y se gritan te mato",
        "mi hija vio una novela donde el esposo le pega y la encierra, es normal que llore",
        "mi hija vio una serie en netflix de una chica secuestrada y ahora tiene miedo de ir sola",
    ],
)
def test_a_story_watched_or_played_is_still_no_case(engine: Engine, text: str) -> None:
    assert not engine.understanding.read(text).harm.present


@pytest.mark.parametrize(
    "text",
    [
        "estoy embarazada de 12 semanas, donde me atienden gratis",
        "soy gestante de 14 semanas, el cem me puede ayudar con mi control",
        "mi hijo viene con marcas en las piernas de las picaduras de zancudo",
        "mi hijo tiene cortes en la cara por el frio, que crema uso",
        "mi abuelo tiene heridas en las piernas por la diabetes",
        "mi hijo viene con heridas en las rodillas del futbol",
        "mi hija de 25 años y su esposo de 30 años viven en juliaca, quieren adoptar",
        "mi hija mayor y su esposo de 32 años tienen un bebe, hay cuna mas en juliaca",
        "la comisaria tiene retenido a mi hijo por no tener dni",
        "el hospital tiene retenida a mi mama hasta que paguemos la cuenta",
        "mi hija atiende a los mineros en nuestra pension de menu en la rinconada",
        "los niños del colegio acompañan a los mineros en el desfile del aniversario",
        "regalo mis cosas a mis primos porque me mudo a lima",
        "mi hijo esta regalando sus cosas a sus amigos porque ya le quedan chicas",
        "ya no quiero estar aqui en juliaca, quiero volver a mi pueblo",
        "ya no quiero estar aqui, quiero regresar a mi comunidad",
        "tengo pastillas guardadas del año pasado, se pueden tomar todavia",
        "tengo la soga guardada en el corral para amarrar las vacas",
        "que sentido tiene vivir en puno si no hay trabajo jaja",
        "este domingo me lanzo del puente haciendo puenting con mis amigos",
        "ya me despedi en mi estado de whatsapp porque me voy de viaje",
        "la abuela quiere verse con su nieta en navidad",
        "la psicologa de la demuna quiere verse con mi hijo, para que es",
        "mi hijo de 14 ya tiene voz de hombre mayor, es normal",
        "mi hija siempre le cuenta a su mama lo que le paso en el colegio",
        "si no le pago 200 soles lo manda a infocorp, que hago",
        "prende la camara en pijama para la clase virtual dice la profe",
        "mi ex me tiene bloqueada en todas sus redes, como le pido la pension de alimentos",
        "mi mama solo me deja usar el celular cuando ella esta",
        "mi esposo entra a su facebook todas las noches",
        "mi hijo me borro a mis contactos sin querer, como los recupero",
    ],
)
def test_calm_a_new_act_no_longer_alarms(engine: Engine, text: str) -> None:
    assert not engine.understanding.read(text).harm.present


@pytest.mark.parametrize(
    "text",
    [
        "tengo una gestante de 14 años, el papa del bebe es un señor de 40",
        "mi hija de 15 vive con su conviviente de 30 años en la rinconada",
        "unos tipos dicen que tienen retenido a mi hijo en la mina y piden oro para soltarlo",
        "la señora de la pension tiene chicas menores que atienden a los mineros",
        "mi sobrina de 14 atiende a los mineros en la cantina hasta la madrugada",
        "mi hermano regalo sus cosas a sus amigos y se despidio de todos",
        "ya no quiero estar aqui, nadie me quiere, tengo pastillas guardadas",
        "un tal me escribe por tiktok y quiere verse con mi hija de 13 en la plaza",
        "mi hija chatea con uno que dice tener 14 pero en los audios tiene voz de hombre mayor",
        "si no le yapeo 200 soles se las manda a mi mama",
        "mi hijo juega roblox y un adulto le pide que prenda la camara en pijama",
        "mi conviviente me tiene bloqueada de todas mis redes",
        "mi ex entra a mi facebook y escribe como si fuera yo",
        "el papa de mi hija entra a su facebook sin permiso y le escribe a sus amigos",
    ],
)
def test_the_narrowed_acts_still_count(engine: Engine, text: str) -> None:
    assert engine.understanding.read(text).harm.present


@pytest.mark.parametrize(
    "text",
    ["mi ija estava asiendo su tarea y su padrasto la toco", "el profesor le toca las piernas"],
)
def test_review_28_misses_now_read(engine: Engine, text: str) -> None:
    assert engine.reply(text).intent in ("emergency", "referral")


def test_a_body_examined_is_no_abuse(engine: Engine) -> None:
    text = "el doctor le toca el pecho para escuchar su respiracion"
    assert not engine.understanding.read(text).harm.acts
