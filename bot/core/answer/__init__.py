"""Compose answers in short Spanish ("usted") only from the knowledge.

Each answer is written once as Telegram-safe HTML, every dynamic value escaped; the plain text
is derived from it, so both always say the same. Fixed texts come from
``knowledge/responses.yaml``; the code only fills their {placeholders}.

- ``_render``: escaping, Spanish formatting, filling fixed texts, building an ``Answer``;
- ``_geo``: distances and the nearest province or district;
- ``_lines``: pieces several cards share (names, places, Línea 100, sources, counts);
- one module per card (``_emergency``, ``_locate``, ``_describe``, ``_glossary``, ``_stats``,
  ``_overview``, ``_referral``, ``_menu``, ``_nearest``, ``_practical``);
- ``_safety``: which answers open with Línea 100 (and the Police), for all cards at once;
- ``_composer``: the ``Composer`` the ``Engine`` calls.
"""

from bot.core.answer._composer import Composer
from bot.core.answer._safety import safety_first

__all__ = ["Composer", "safety_first"]
