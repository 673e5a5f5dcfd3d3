"""Someone of the writer's family who watches, hears or plays a story (harm.yaml
``audiences``) is its public, not its victim; the same family with harm of their own, or
with a relative harming them after the story, is still a case. A frame word inside an act
("difunden mi video íntimo") is the harm, not a story."""

from __future__ import annotations

import pytest

from bot.core.engine import Engine


@pytest.mark.parametrize(
    "text",
    [
        "mi hija vio una serie en netflix de una chica secuestrada y ahora tiene miedo, es normal?",
        "mi hija de 10 vio en youtube algo de trata de personas, como le explico?",
        "mi mama escucho en la radio lo de las chicas rescatadas, hay albergues para ellas?",
        "mi hijo de 9 juega free fire y grita te mato jaja, el CEDIF tiene escuela de padres?",
    ],
)
def test_family_watching_a_story_is_no_case(engine: Engine, text: str) -> None:
    answer = engine.reply(text)
    assert answer.intent != "emergency", answer.rule


@pytest.mark.parametrize(
    "text",
    [
        "mi hija estaba viendo la tele cuando su padrastro le pego con la correa",
        "mi hijo estaba jugando free fire y su papa le rompio la cabeza",
        "mi hija vio una serie y despues me conto que su tio la toca",
        "mi hija estaba viendo tele cuando un vecino entro y la toco",
        "mi hija miraba la novela y el tio entro borracho y le pego",
        "me escriben q si no pago 800 soles difunden mi video intimo a mis contactos",
    ],
)
def test_harm_beside_a_story_is_a_case(engine: Engine, text: str) -> None:
    answer = engine.reply(text)
    assert answer.intent in ("emergency", "referral"), answer.rule
    assert "100" in "\n".join(answer.text.splitlines()[:3])


def test_minors_serving_miners_is_trafficking(engine: Engine) -> None:
    answer = engine.reply("la señora de la pension tiene chicas menores que atienden a los mineros")
    assert answer.intent == "emergency", answer.rule
    signals = engine.understanding.read(
        "mi esposa me insulta delante de mis hijos, el CEM atiende a hombres?"
    )
    assert "explotacion_menor" not in signals.harm.acts


def test_one_who_harms_is_no_audience(engine: Engine) -> None:
    text = "mi ex tiene un video mio y dice q si no regreso con el se lo pasa a mi familia"
    assert engine.reply(text).intent in ("emergency", "referral")


def test_a_child_presenting_a_topic_is_no_case(engine: Engine) -> None:
    text = "mi hija expone el viernes sobre trata de personas, la linea 100 ve trata tambien?"
    assert engine.reply(text).intent != "emergency"
