"""Settings: one typed object, read from the environment and an optional ``.env`` file."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(Path.home(), ".cache")
    return Path(base) / "film-bot"


def default_db_path(facts_dir: Path) -> Path:
    """A cache file per facts directory, e.g. ``~/.cache/film-bot/facts-1a2b3c4d.db``."""
    resolved = str(Path(facts_dir).resolve())
    tag = hashlib.sha256(resolved.encode()).hexdigest()[:8]
    return default_cache_dir() / f"{Path(resolved).name or 'facts'}-{tag}.db"


class Settings(BaseSettings):
    """Everything film-bot reads from its environment (see ``.env.example``)."""

    model_config = SettingsConfigDict(
        env_file=".env",
        env_file_encoding="utf-8",
        env_ignore_empty=True,
        extra="ignore",
        populate_by_name=True,
    )

    discord_token: SecretStr | None = Field(default=None, validation_alias="DISCORD_TOKEN")
    facts_dir: Path = Field(default=Path("facts"), validation_alias="FILM_BOT_FACTS_DIR")
    db_path: str | None = Field(default=None, validation_alias="FILM_BOT_DB_PATH")
    log_level: str = Field(default="INFO", validation_alias="FILM_BOT_LOG_LEVEL")
    log_format: Literal["text", "json"] = Field(
        default="text", validation_alias="FILM_BOT_LOG_FORMAT"
    )
    max_file_mb: float = Field(default=8.0, gt=0, le=1024, validation_alias="FILM_BOT_MAX_FILE_MB")
    workers: int | None = Field(default=None, ge=1, le=64, validation_alias="FILM_BOT_WORKERS")
    dev_guild: int | None = Field(default=None, validation_alias="FILM_BOT_DEV_GUILD")
    admin_role_ids: Annotated[list[int], NoDecode] = Field(
        default_factory=list, validation_alias="FILM_BOT_ADMIN_ROLE_IDS"
    )
    owner_ids: Annotated[list[int], NoDecode] = Field(
        default_factory=list, validation_alias="FILM_BOT_OWNER_IDS"
    )
    admin_guild_ids: Annotated[list[int], NoDecode] = Field(
        default_factory=list, validation_alias="FILM_BOT_ADMIN_GUILD_IDS"
    )
    shard_count: int | None = Field(default=None, ge=1, validation_alias="FILM_BOT_SHARD_COUNT")
    shard_ids: Annotated[list[int], NoDecode] = Field(
        default_factory=list, validation_alias="FILM_BOT_SHARD_IDS"
    )
    ask_cooldown_s: float = Field(default=3.0, ge=0, validation_alias="FILM_BOT_ASK_COOLDOWN_S")

    @field_validator("admin_role_ids", "owner_ids", "admin_guild_ids", "shard_ids", mode="before")
    @classmethod
    def _id_list(cls, value: object) -> object:
        if isinstance(value, str):
            return [int(part) for part in value.replace(",", " ").split()]
        return value

    @field_validator("log_level")
    @classmethod
    def _level(cls, value: str) -> str:
        level = value.upper()
        if level not in ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"):
            raise ValueError("must be DEBUG, INFO, WARNING, ERROR or CRITICAL")
        return level

    @property
    def max_file_bytes(self) -> int:
        return int(self.max_file_mb * 1024 * 1024)

    def resolved_db_path(self) -> Path | str:
        """The store file: as configured, ``:memory:``, or a cache file per facts dir."""
        if self.db_path == ":memory:":
            return ":memory:"
        if self.db_path:
            return Path(self.db_path).expanduser()
        return default_db_path(self.facts_dir)
