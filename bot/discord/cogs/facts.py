"""``/facts reload|check|stats``: catalog administration, checked by the bot itself."""

from __future__ import annotations

import asyncio
import io
import logging
import time

import discord
from discord import app_commands
from discord.ext import commands

from bot.catalog.loader import check_directory
from bot.discord.bot import NO_PINGS, FilmBotBase
from bot.discord.checks import admin_policy, catalog_admin
from bot.discord.embeds import Health, check_embed, error_lines, reload_embed, stats_embed

log = logging.getLogger("film_bot.discord.facts")

ERRORS_INLINE = 15


def _errors_file(lines: list[str]) -> discord.File:
    data = ("\n".join(lines) + "\n").encode()
    return discord.File(io.BytesIO(data), filename="facts-problems.txt")


@app_commands.default_permissions(manage_guild=True)
@app_commands.guild_only()
class FactsCog(commands.GroupCog, group_name="facts", group_description="Manage the film catalog"):
    def __init__(self, bot: FilmBotBase) -> None:
        self.bot = bot
        super().__init__()

    @app_commands.command(name="reload", description="Reload the facts files (admins)")
    @catalog_admin()
    async def reload(self, interaction: discord.Interaction) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        store = self.bot.store
        log.info("reload requested by user %s", interaction.user.id)
        report = await store.reload()
        if report.ok:
            log.info(
                "reload: %d added, %d changed, %d removed",
                report.added_count,
                report.changed_count,
                report.removed_count,
            )
        elif not report.in_progress:
            log.warning("reload refused: %d problem(s) in the facts files", len(report.errors))
        lines = error_lines(report.errors)
        extra = {"file": _errors_file(lines)} if len(lines) > ERRORS_INLINE else {}
        await interaction.followup.send(
            embed=reload_embed(report, shown_errors=ERRORS_INLINE),
            ephemeral=True,
            allowed_mentions=NO_PINGS,
            **extra,
        )

    @app_commands.command(name="check", description="Validate the facts files without loading them")
    @catalog_admin()
    async def check(self, interaction: discord.Interaction) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        store = self.bot.store
        result = await asyncio.to_thread(
            check_directory,
            store.facts_dir,
            store.display_root,
            store.max_file_bytes,
            store.workers,
        )
        lines = error_lines(result.errors)
        extra = {"file": _errors_file(lines)} if len(lines) > ERRORS_INLINE else {}
        await interaction.followup.send(
            embed=check_embed(result.errors, result.files, result.films),
            ephemeral=True,
            allowed_mentions=NO_PINGS,
            **extra,
        )

    @app_commands.command(name="stats", description="Count the films, people and files served")
    @catalog_admin()
    async def stats(self, interaction: discord.Interaction) -> None:
        store = self.bot.store
        stats = await store.catalog.stats()
        embed = stats_embed(
            stats,
            facts_dir=store.display_root,
            reloading=store.reloading,
            health=self._health(interaction),
        )
        await interaction.response.send_message(embed=embed, ephemeral=True)

    def _health(self, interaction: discord.Interaction) -> Health:
        store, now = self.bot.store, time.time()
        client: commands.Bot = self.bot  # type: ignore[assignment]
        return Health(
            uptime_s=now - self.bot.started_at,
            catalog_age_s=None if store.loaded_at is None else now - store.loaded_at,
            last_reload=store.last_report,
            last_reload_age_s=None if store.last_report_at is None else now - store.last_report_at,
            latency_s=client.latency,
            shard=_shard_of(client, interaction.guild),
        )


def _shard_of(client: commands.Bot, guild: discord.Guild | None) -> str:
    """``1 of 4``: the shard that serves this server; ``none`` for an unsharded bot."""
    if not client.shard_count or client.shard_count <= 1 or guild is None:
        return "none"
    return f"{guild.shard_id} of {client.shard_count}"


async def setup(bot: commands.Bot) -> None:
    # With admin servers set, /facts is registered there only (and refused elsewhere).
    guilds = [discord.Object(id=g) for g in sorted(admin_policy(bot).guild_ids)]
    await bot.add_cog(FactsCog(bot), **({"guilds": guilds} if guilds else {}))  # type: ignore[arg-type]
