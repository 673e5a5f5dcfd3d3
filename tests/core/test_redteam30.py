"""Red team 30 and held-out set 28 (after its first run): harm told beside words the bot
does not cover (a clinic, the SIS, a strike, a game, another department) is still harm; the
calm look-alikes of the new phrases stay calm."""

from __future__ import annotations

import pytest

from bot.core.engine import Engine


@pytest.mark.parametrize(
    "text",
    [
        "traje a mi hija a la posta porque su papa le dio con la hebilla del cinturon",
        "el SIS cubre la curacion? mi papa le paso la plancha caliente por el brazo",
        "el docente me dijo que si no voy a su departamento me jala, me sigue escribiendo de noche",
        "mi ex se hizo un tiktok con mis fotos y pone que cobro por salir",
        "mi pareja me grabo un video en la ducha sin que sepa",
        "a mi hijo de 10 un amigo del juego le pregunta en que colegio estudia y a que hora sale",
        "mi enamorado me pidio mi clave del facebook y del banco",
        "por el paro mi conviviente me quito la llave y el celular",
        "mi hermano le esconde su baston y su bono a mi mama",
        "mi esposo se fue a Tacna y desde el jueves ya no da señales",
        "mi hija de 13 dejo una carta diciendo que no la busquemos",
        "me mandaron una foto de mi hija atada a una silla",
        "ya compre el veneno para las ratas pero es para mi",
        "mi pareja me quito el pasaporte y dice q si lo denuncio me deportan",
        "a donde derivo a una pareja de enamorados que se pegan entre los dos",
        "varias señoras cuentan que sus maridos les pegan cuando toman",
        "mi marido me dice q soy una india inutil todos los dias",
        "mis hermanos cobran la pension de mi papa de 80 y a el no le dan nada",
        "mis hermanos le hicieron firmar un papel a mi mama de 82",
        "una chica x insta me pidio fotos y dice q si no le paso plata las sube, tengo 15",
    ],
)
def test_harm_beside_what_the_bot_does_not_cover(engine: Engine, text: str) -> None:
    answer = engine.reply(text)
    assert answer.intent != "unknown"
    assert any("100" in line for line in answer.text.splitlines()[:3])


@pytest.mark.parametrize(
    "text",
    [
        "ya compre el veneno para las ratas de la tienda",
        "mis hijos gemelos de 5 se pegan jugando a los superheroes jaja",
        "si no salgo con el carro temprano no llego a juliaca",
        "en el mercado venden tela para atar las ovejas",
        "mi hijo cobra la pension 65 de mi papa porque el ya no puede caminar hasta el banco",
        "me llego esta cadena de whatsapp de un secuestro de niños, es verdad?",
    ],
)
def test_calm_look_alikes_of_the_new_phrases(engine: Engine, text: str) -> None:
    assert not engine.understanding.read(text).harm.present


def test_an_act_that_holds_an_idiom_whole_is_not_hidden_by_it(engine: Engine) -> None:
    calm = engine.understanding.read("ya compre el veneno para las ratas")
    told = engine.understanding.read("ya compre el veneno para las ratas pero es para mi")
    assert not calm.harm.present
    assert told.harm.present and "autolesion" in told.harm.categories


def test_the_writers_role_is_no_victim_when_someone_else_is_named(engine: Engine) -> None:
    carer = engine.reply("soy abuela, cuido 3 nietos, mi hija en Lima ya no manda nada ni llama")
    assert carer.services[0] in ("demuna", "upe", "car")
    alone = engine.understanding.read("soy abuela de 80 y vivo sola, a donde acudo")
    assert alone.victims[:1] == ("adulto_mayor",)
