"""Pure core: no Telegram imports here."""

from bot.core import _native

_native.guard()
