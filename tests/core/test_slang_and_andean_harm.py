"""Harm told with Peruvian slang, with Quechua and Aymara verbs of hitting, insulting and
abandoning (andean.yaml: AMLQ, MINEDU Qosqo-Qullaw and Qullawa Aymara, Callo), by what the
body does out of fear, or as a threat in slang; and the calm sentences that share their words
(a boxing match, a cat, a dance with whips, the threshing, a bee sting)."""

from __future__ import annotations

import pytest

from bot.core.engine import Engine


@pytest.mark.parametrize(
    ("text", "act"),
    [
        # saqmay (AMLQ, MINEDU): puñetes, with -wa- (to me) or "le dio un saqma"
        ("mi conviviente saqmawanku con sus hermanos", "golpes"),
        ("el borracho le dio un saqma a su señora en la feria", "golpes"),
        # waqtay (AMLQ): only with -wa- or the whip named
        ("padrastroy waqtawan", "golpes"),
        ("tayta waqtan chicotewan a mis hermanitos", "golpes"),
        # q'asuy and p'anay (AMLQ): with -wa- or with a stick
        ("suegray q'asuwan", "golpes"),
        ("mi tio q'asun palowan a su wawa", "golpes"),
        ("qosay p'anawanku", "golpes"),
        # k'amiy (AMLQ, MINEDU): insulting
        ("sapa p'unchay k'amipayawan mi esposo", "psicologica"),
        # jawq'aña (MINEDU Qullawa, Callo): hitting with a stick
        ("tatajaxa jawq'jitu", "golpes"),
        ("mi kullaka jawq'atawa", "golpes"),
        # jaytaña (Callo): abandoned, of a person named
        ("awichaxa jaytatawa en su casita de Conima", "abandono"),
        # Peruvian slang for hitting
        ("mi cuñado la mechonea delante de sus hijos", "golpes"),
        ("su marido la trompea cuando pierde en el juego", "golpes"),
        ("me dieron de palos por no pagar la cuota de la fiesta", "golpes"),
        ("mi mama me sono con el cable de la licuadora", "golpes"),
        ("le dejo la ceja partida de un cabezazo", "golpes"),
        ("tiene el ojo como una palta desde el sabado", "golpes"),
        ("le tapa la nariz con la mano para que no llore", "golpes"),
        ("el abuelo le hundio la cabeza en la acequia por desobediente", "golpes"),
        ("la niñera zarandea a la bebita cuando no se duerme", "golpes"),
        ("tiene la espalda con verdugones", "golpes"),
        ("mi hermano apaga sus puchos en el brazo de mi sobrino", "golpes"),
        # threats in slang
        ("dice que si lo denuncio me rompe la cara", "amenazas"),
        ("si me separo me encuentra donde sea, eso me dijo", "amenazas"),
        ("mi ex dice que me va a borrar del mapa", "amenaza_muerte"),
        # money taken, stalking, a drunk return feared
        ("mi marido nos quita todito lo que gana mi hija en el mercado", "economica"),
        ("no nos da ni para la leche de la wawa", "economica"),
        ("su ex anda merodeando su casa cada madrugada", "acoso"),
        ("tengo que salir antes que vuelva otra vez borracho", "alcohol"),
        # fear told by the body
        ("mi hijita se mete debajo de la cama cuando llega su papa", "miedo"),
        ("a los niños les tiembla el cuerpo cuando llega el", "miedo"),
        ("mi sobrino se pone a temblar cuando lo ve a su padrastro", "miedo"),
        # pornography shown to a child, even with "videos" (a frame word) in it
        ("el primo de 20 le enseña fotos porno a mi nena", "sexual"),
    ],
)
def test_slang_and_andean_harm_is_read_as_its_act(engine: Engine, text: str, act: str) -> None:
    assert act in engine.understanding.read(text).harm.acts


@pytest.mark.parametrize(
    "text",
    [
        "mi esposo me saqmawan cada vez que llega",
        "qosay waqtawan correawan, ayudenme",
        "el padrino le muestra videos cochinos a mi hijita",
    ],
)
def test_new_harm_opens_with_linea_100(engine: Engine, text: str) -> None:
    answer = engine.reply(text)
    assert answer.intent in ("emergency", "referral")
    assert "Línea 100" in "\n".join(answer.text.splitlines()[:3])


@pytest.mark.parametrize(
    "text",
    [
        # the words themselves asked about, or their other senses
        "saqma significa puñete no?",
        "los abuelos p'anan la cebada en la era",
        "waqtan aycha es carne de costillar",
        "kamisaki jilata",
        # idioms that share the act's words
        "en el torneo de box lo trompearon en cada round",
        "me mordio el perro del vecino",
        "hubo chicotazos en la danza de carnaval, es costumbre",
        "en la trilla sacuden la quinua con palo",
        "mi hermano me quita el celular para jugar toda la tarde",
        "tengo el ojo como berenjena por la picadura de un zancudo",
        "este problema me rompe la cabeza",
        "los niños se esconden debajo de la cama cuando juegan",
    ],
)
def test_calm_sentences_with_the_same_words_are_not_harm(engine: Engine, text: str) -> None:
    assert not engine.understanding.read(text).harm.present


def test_chat_word_compa_is_not_corrected_into_a_harm_word(engine: Engine) -> None:
    # new harm vocabulary must not pull "compa" (compañero) towards it
    assert engine.understanding.read("con mi compa vamos al CEDIF de Juli").harm.acts == ()
