"""Run-time settings of the Telegram bot, from the environment or a ``.env`` file."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Literal, TypeVar
from urllib.parse import urlsplit

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from bot.core.knowledge import DEFAULT_KNOWLEDGE_DIR

# What BotFather hands out: "<bot id>:<35 characters of [A-Za-z0-9_-]>".
TOKEN_PATTERN = re.compile(r"^[0-9]{1,20}:[A-Za-z0-9_-]{30,64}$")
# What Telegram accepts as a webhook secret token.
SECRET_PATTERN = re.compile(r"^[A-Za-z0-9_-]{1,256}$")
# What Telegram accepts as a username.
USERNAME_PATTERN = re.compile(r"^[A-Za-z][A-Za-z0-9_]{4,31}$")

S = TypeVar("S", bound="LocalSettings")
LogLevel = Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"]


class ConfigError(Exception):
    """The configuration is missing or malformed; ``str()`` is one line for people."""


# Pydantic's messages, in Spanish, by error type ({...} from the error's context).
MESSAGES = {
    "int_parsing": "debe ser un número entero",
    "int_from_float": "debe ser un número entero",
    "int_type": "debe ser un número entero",
    "bool_parsing": "debe ser true o false",
    "float_parsing": "debe ser un número",
    "float_type": "debe ser un número",
    "finite_number": "debe ser un número finito",
    "greater_than": "debe ser mayor que {gt}",
    "greater_than_equal": "debe ser mayor o igual que {ge}",
    "less_than": "debe ser menor que {lt}",
    "less_than_equal": "debe ser menor o igual que {le}",
    "literal_error": "debe ser uno de estos valores: {expected}",
    "path_type": "debe ser la ruta de una carpeta",
    "string_type": "debe ser texto",
}


def _url(value: str, schemes: tuple[str, ...]) -> str:
    parts = urlsplit(value)
    if parts.scheme not in schemes or not parts.netloc:
        raise ValueError(f"debe ser una URL {' o '.join(f'{s}://' for s in schemes)}")
    return value


class LocalSettings(BaseSettings):
    """The settings that need no token: the data folder, the demand counters and the bot's
    username (read also by the console chat, ``demanda`` and ``cartel``)."""

    model_config = SettingsConfigDict(
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
        case_sensitive=False,
        hide_input_in_errors=True,
    )

    # The bot's small records (the anonymous demand counters, the ids of answered updates,
    # the heartbeat): nothing personal.
    data_dir: Path = Path("data")
    # The anonymous demand counters (see README, "Demand counters"): on unless false.
    counters: bool = True
    counters_retention_days: int = Field(default=400, ge=1, le=3650)
    # The bot's @username for the posters' links (else asked with getMe when a token is set).
    bot_username: str | None = None

    @field_validator("bot_username", mode="before")
    @classmethod
    def _bot_username(cls, value: object) -> object:
        if isinstance(value, str):
            value = value.strip().removeprefix("@")
            if not value:
                return None
            if not USERNAME_PATTERN.match(value):
                raise ValueError(
                    "no es un nombre de usuario de Telegram (5 a 32 letras, números o _)"
                )
        return value


class Settings(LocalSettings):
    """Every setting of ``python -m bot run``; names are the environment variables."""

    telegram_bot_token: SecretStr
    bot_api_base_url: str = "https://api.telegram.org"
    webhook_url: str | None = None
    webhook_secret: SecretStr | None = None
    webhook_listen: str = "0.0.0.0"
    webhook_port: int = Field(default=8443, ge=1, le=65535)
    admin_ids: Annotated[tuple[int, ...], NoDecode] = ()
    knowledge_dir: Path = DEFAULT_KNOWLEDGE_DIR
    log_level: LogLevel = "INFO"
    # Seconds before the neutral confirmation of /borrar deletes itself.
    erase_notice_seconds: float = Field(default=10.0, ge=0, le=3600)
    # Seconds to wait for an answer of the Bot API (read and write timeouts of a request).
    bot_api_timeout: float = Field(default=10.0, gt=0, le=300)
    # Updates handled at the same time (different chats; one chat's updates stay in order).
    concurrent_updates: int = Field(default=32, ge=1, le=1024)
    # Flood control: at most FLOOD_MESSAGES answered messages per chat in FLOOD_SECONDS.
    flood_messages: int = Field(default=5, ge=1, le=1000)
    flood_seconds: float = Field(default=2.0, gt=0, le=3600)
    # Prometheus metrics on http://METRICS_LISTEN:METRICS_PORT/metrics when the port is set.
    metrics_port: int | None = Field(default=None, ge=1, le=65535)
    metrics_listen: str = "127.0.0.1"

    @field_validator("telegram_bot_token")
    @classmethod
    def _token(cls, value: SecretStr) -> SecretStr:
        token = value.get_secret_value().strip()
        if not token:
            raise ValueError("está vacío (pegue el token que le dio @BotFather)")
        if not TOKEN_PATTERN.match(token):
            raise ValueError("no tiene la forma de un token de @BotFather (123456:ABC-DEF...)")
        return SecretStr(token)

    @field_validator("bot_api_base_url")
    @classmethod
    def _base_url(cls, value: str) -> str:
        return _url(value.strip(), ("http", "https")).rstrip("/")

    @field_validator("webhook_url", mode="before")
    @classmethod
    def _webhook_url(cls, value: object) -> object:
        if isinstance(value, str):
            value = value.strip()
            # Telegram posts updates only to HTTPS addresses.
            return _url(value, ("https",)) if value else None
        return value

    @field_validator("webhook_secret", mode="before")
    @classmethod
    def _webhook_secret(cls, value: object) -> object:
        if isinstance(value, str):
            value = value.strip()
            if not value:
                return None
            if not SECRET_PATTERN.match(value):
                raise ValueError("solo admite letras, números, '_' y '-' (1 a 256 caracteres)")
        return value

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _admin_ids(cls, value: object) -> object:
        if isinstance(value, int):
            return (value,)
        if isinstance(value, str):
            items = [item.strip() for item in value.split(",") if item.strip()]
            if not all(re.fullmatch(r"-?[0-9]+", item) for item in items):
                raise ValueError("debe ser una lista de números separados por comas")
            return tuple(int(item) for item in items)
        return value

    @field_validator("log_level", mode="before")
    @classmethod
    def _log_level(cls, value: object) -> object:
        return value.strip().upper() if isinstance(value, str) else value

    @model_validator(mode="after")
    def _webhook_needs_secret(self) -> Settings:
        if self.webhook_url and self.webhook_secret is None:
            raise ValueError("WEBHOOK_SECRET es obligatorio cuando WEBHOOK_URL está definido")
        return self

    @property
    def webhook_path(self) -> str:
        """The path part of ``WEBHOOK_URL`` without the leading slash (PTB's ``url_path``)."""
        return urlsplit(self.webhook_url or "").path.lstrip("/")


def _describe(error: ValidationError) -> str:
    first = error.errors()[0]
    loc = first.get("loc") or ()
    name = str(loc[0]).upper() if loc else ""
    kind = first.get("type", "")
    if kind in MESSAGES:
        message = MESSAGES[kind].format(**first.get("ctx", {}))
    elif kind == "value_error":  # our validators' own messages, in Spanish
        message = str(first.get("msg", "")).removeprefix("Value error, ")
    else:
        message = "valor no válido"
    if kind == "missing":
        if name == "TELEGRAM_BOT_TOKEN":
            return (
                "Falta TELEGRAM_BOT_TOKEN: póngalo en el entorno o en .env "
                "(el token que da @BotFather)."
            )
        return f"Falta la variable {name}."
    if not name:
        return f"Configuración inválida: {message}"
    return f"Configuración inválida: {name}: {message}"


def _load(kind: type[S], env_file: str | None) -> S:
    try:
        return kind(_env_file=env_file)
    except ValidationError as exc:
        raise ConfigError(_describe(exc)) from None
    except UnicodeDecodeError:
        raise ConfigError(f"El archivo {env_file} no está en UTF-8: guárdelo como UTF-8.") from None
    except OSError as exc:
        raise ConfigError(f"No se pudo leer {env_file}: {exc.strerror or exc}.") from None


def load_settings(env_file: str | None = ".env") -> Settings:
    """Read the settings; raise ``ConfigError`` with one clear line when something is wrong."""
    return _load(Settings, env_file)


def load_local_settings(env_file: str | None = ".env") -> LocalSettings:
    """Read the settings that need no token, as ``load_settings``."""
    return _load(LocalSettings, env_file)
