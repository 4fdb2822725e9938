"""Process concerns: logging, building the bot from settings, running and syncing it."""

from __future__ import annotations

import asyncio
import json
import logging
import sys
from typing import Any

import discord
from discord.ext import commands

from bot.catalog.errors import CatalogInvalid
from bot.config import Settings
from bot.discord.bot import create_bot, sync_tree

log = logging.getLogger("film_bot")


class KeyValueFormatter(logging.Formatter):
    """One line per record: time, level, logger, then the message as a JSON string."""

    def format(self, record: logging.LogRecord) -> str:
        line = (
            f"ts={self.formatTime(record, '%Y-%m-%dT%H:%M:%S')} level={record.levelname} "
            f"logger={record.name} msg={json.dumps(record.getMessage(), ensure_ascii=False)}"
        )
        if record.exc_info:
            line += " exc=" + json.dumps(self.formatException(record.exc_info))
        return line


def setup_logging(level: str) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(KeyValueFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    logging.getLogger("discord").setLevel(max(logging.INFO, root.level))


def bot_from_settings(settings: Settings, **overrides: Any) -> commands.Bot:
    return create_bot(
        settings.facts_dir,
        settings.resolved_db_path(),
        admin_role_ids=settings.admin_role_ids,
        owner_ids=settings.owner_ids,
        admin_guild_ids=settings.admin_guild_ids,
        ask_cooldown_s=settings.ask_cooldown_s,
        shard_count=settings.shard_count,
        shard_ids=settings.shard_ids or None,
        max_file_bytes=settings.max_file_bytes,
        workers=settings.workers,
        **overrides,
    )


def _token(settings: Settings) -> str:
    assert settings.discord_token is not None
    return settings.discord_token.get_secret_value().strip()


def run_bot(settings: Settings) -> int:
    """Run until stopped; the store is closed on the way out. Returns an exit code."""
    setup_logging(settings.log_level)
    bot = bot_from_settings(settings)
    try:
        bot.run(_token(settings), log_handler=None)
    except discord.LoginFailure:
        log.error("Discord refused the token: check DISCORD_TOKEN")
        return 2
    except CatalogInvalid as exc:
        for error in exc.errors[:50]:
            log.error("%s", error)
        log.error("no catalog to serve: fix the facts files above and start again")
        return 1
    except discord.PrivilegedIntentsRequired:
        log.error("Discord refused the requested intents")
        return 2
    return 0


def sync_commands(settings: Settings, guild_id: int | None) -> int:
    """Log in, register the slash commands (in one guild, or globally) and leave."""
    setup_logging(settings.log_level)

    async def run() -> int:
        bot = bot_from_settings(settings)
        async with bot:
            try:
                await bot.login(_token(settings))
            except discord.LoginFailure:
                log.error("Discord refused the token: check DISCORD_TOKEN")
                return 2
            synced = await sync_tree(bot, guild_id)
        for guild, commands_there in synced:
            where = f"guild {guild}" if guild else "all guilds (may take up to an hour)"
            names = ", ".join(f"/{c.name}" for c in commands_there)
            print(f"synced {len(commands_there)} commands to {where}: {names}")
        return 0

    return asyncio.run(run())
