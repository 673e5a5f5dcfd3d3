"""Safety first: which answers open with Línea 100, and how.

- An emergency answer is the emergency card: Línea 100, then the Police.
- Any other answer to a message about harm to a person (``Query.harm``: told by the phrases of
  harm.yaml, or suspected by the statistical model) opens with Línea 100 and a short line that
  believes the person; when the harm is happening now, with the emergency lines (Línea 100 and
  the Police). The card follows as it is, without a second Línea 100 line.
- Calm answers keep what their card says (the violence services and the unknown, greeting and
  help answers carry Línea 100; figures and other services name their source).
"""

from __future__ import annotations

from dataclasses import replace

from bot.core.answer import Composer, plain
from bot.core.model import Answer

URGENT = "🚨 <b>Si usted o alguien está en peligro ahora, pida ayuda de inmediato.</b>"
CARE = {
    "now": "",
    "ongoing": "💬 Lo que cuenta es serio y no es su culpa. Puede llamar cuando quiera.",
    "past": "💬 Lamento lo que pasó. No es su culpa, y todavía puede recibir ayuda.",
}


def safety_first(answer: Answer, harm: str, composer: Composer) -> Answer:
    """The answer with the safety lines first, for a message about harm to a person."""
    if answer.intent == "emergency" or not harm:
        return answer
    linea100 = composer.linea100_line()
    now = [URGENT, linea100, composer.police_line()]
    lines = now if harm == "now" else [linea100, CARE[harm]]
    body = [line for line in answer.html.split("\n") if line != linea100]
    html = "\n".join([*lines, "", *body])
    return replace(answer, html=html, text=plain(html))
