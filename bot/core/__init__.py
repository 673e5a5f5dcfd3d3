"""Pure core: no Telegram imports here."""
