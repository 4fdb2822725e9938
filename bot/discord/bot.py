"""The Discord bot: a thin adapter that puts the catalog's handlers behind slash commands."""

from __future__ import annotations

import asyncio
import logging
import time
import traceback
from collections.abc import Collection, Sequence
from pathlib import Path
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.answering.lexicon import read_english
from bot.catalog.loader import DEFAULT_MAX_FILE_BYTES
from bot.discord.checks import AdminPolicy, NotCatalogAdmin, admin_policy
from bot.store.live import ReloadReport, Store

log = logging.getLogger("film_bot.discord")

COGS = (
    "bot.discord.cogs.film",
    "bot.discord.cogs.person",
    "bot.discord.cogs.ask",
    "bot.discord.cogs.facts",
    "bot.discord.cogs.browse",
    "bot.discord.cogs.pick",
    "bot.discord.cogs.similar",
    "bot.discord.cogs.help",
)

NO_PINGS = discord.AllowedMentions.none()
STOPPING_REPLY = "The bot is restarting; ask again in a moment."


def bot_intents() -> discord.Intents:
    """Only what the bot uses: guilds for commands and permissions, messages that mention it
    and DMs (no privileged message-content intent: mentions and DMs carry their text)."""
    intents = discord.Intents.none()
    intents.guilds = True
    intents.guild_messages = True
    intents.dm_messages = True
    return intents


class FilmBotBase:
    """What the sharded and unsharded bots share; mixed into a ``commands.Bot`` class."""

    store: Store
    admin_policy: AdminPolicy
    ask_cooldown_s: float
    sync_commands: bool
    sync_guild_id: int | None
    started_at: float
    stopping: bool
    _requests: set[asyncio.Task[object]]

    def _setup_film_bot(
        self,
        store: Store,
        *,
        admin_policy: AdminPolicy,
        ask_cooldown_s: float,
        sync_commands: bool,
        sync_guild_id: int | None,
    ) -> None:
        self.store = store
        self.admin_policy = admin_policy
        self.ask_cooldown_s = ask_cooldown_s
        self.sync_commands = sync_commands
        self.sync_guild_id = sync_guild_id
        self.started_at = time.time()
        self.stopping = False
        self._requests = set()
        self.dictionary_read: asyncio.Task[None] | None = None

    def track_request(self) -> None:
        """Count the running task as a request in flight: a stop lets it finish."""
        task = asyncio.current_task()
        if task is not None:
            self._requests.add(task)
            task.add_done_callback(self._requests.discard)

    async def finish_requests(self, timeout: float) -> int:
        """Take no new requests; give those in flight ``timeout`` s to finish.

        Returns how many were still running when the time was up.
        """
        self.stopping = True
        running = {t for t in self._requests if not t.done() and t is not asyncio.current_task()}
        if not running:
            return 0
        _, unfinished = await asyncio.wait(running, timeout=timeout)
        return len(unfinished)

    async def open_catalog(self) -> ReloadReport:
        """Load the catalog to serve; raises ``CatalogInvalid`` when there is none."""
        report = await self.store.open()
        if not report.ok:  # a good load is logged by the store
            log.warning(
                "facts files have %d problem(s); serving the last good catalog",
                len(report.errors),
            )
            for error in report.errors[:50]:
                log.warning("%s", error)
        return report

    async def setup_hook(self) -> None:
        bot: commands.Bot = self  # type: ignore[assignment]
        if not self.store.is_open:  # the launcher opens it before connecting
            await self.open_catalog()
        # The dictionary that tells English words from misspelt names is read in the
        # background, so that the first question that needs it does not wait for it.
        self.dictionary_read = asyncio.create_task(asyncio.to_thread(read_english))
        for name in COGS:
            if name not in bot.extensions:  # a login retried after setup began
                await bot.load_extension(name)
        if self.sync_commands:
            await sync_tree(bot, self.sync_guild_id)

    async def on_message(self, message: discord.Message) -> None:
        """No prefix commands: chat is handled by the ask cog's listener."""

    async def on_app_command_error(
        self, interaction: discord.Interaction, error: app_commands.AppCommandError
    ) -> None:
        """One place for command failures: a short, kind reply; the traceback in the log."""
        if isinstance(error, NotCatalogAdmin):
            log.info(
                "refused /%s for user %s: %s",
                interaction.command.qualified_name if interaction.command else "?",
                interaction.user.id,
                error.reason,
            )
            text = error.reason
        elif isinstance(error, app_commands.CommandOnCooldown):
            text = f"Easy there: you can ask again in {error.retry_after:.0f} s."
        elif isinstance(error, app_commands.CheckFailure):
            text = "You can't use this command here."
        else:
            original = getattr(error, "original", error)
            log.error(
                "command /%s failed\n%s",
                interaction.command.qualified_name if interaction.command else "?",
                "".join(traceback.format_exception(original)),
            )
            text = "Something went wrong while answering; the problem has been logged."
        await reply_privately(interaction, text)

    async def close(self) -> None:
        try:
            await super().close()  # type: ignore[misc]
        finally:  # even when closing the connection is cut short
            await self.store.close()


class FilmCommandTree(app_commands.CommandTree):
    """Counts the commands in flight, turns new ones away once the bot is stopping, and
    sends every command failure to the bot's one error handler."""

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        client: FilmBotBase = self.client  # type: ignore[assignment]
        if not client.stopping:
            client.track_request()
            return True
        if interaction.type is discord.InteractionType.application_command:
            await reply_privately(interaction, STOPPING_REPLY)
        return False

    async def on_error(
        self, interaction: discord.Interaction, error: app_commands.AppCommandError
    ) -> None:
        await self.client.on_app_command_error(interaction, error)  # type: ignore[attr-defined]


class FilmBot(FilmBotBase, commands.Bot):
    """film-bot on one connection (one process, all guilds, or one shard set)."""


class ShardedFilmBot(FilmBotBase, commands.AutoShardedBot):
    """film-bot running several shards in one process."""


async def reply_privately(interaction: discord.Interaction, text: str) -> None:
    """An ephemeral message, whether or not the interaction was answered already."""
    try:
        if interaction.response.is_done():
            await interaction.followup.send(text, ephemeral=True, allowed_mentions=NO_PINGS)
        else:
            await interaction.response.send_message(text, ephemeral=True, allowed_mentions=NO_PINGS)
    except discord.HTTPException:
        log.warning("could not tell user %s about an error", interaction.user.id)


Synced = list[tuple[int | None, list[app_commands.AppCommand]]]


async def sync_tree(bot: commands.Bot, guild_id: int | None) -> Synced:
    """Register the slash commands with Discord: in one guild at once, or globally.

    Globally, the commands for everyone go everywhere and ``/facts`` only to the admin
    servers, when some are set. Returns ``(guild id or None for global, commands)`` pairs.
    """
    if guild_id is not None:
        guild = discord.Object(id=guild_id)
        bot.tree.copy_global_to(guild=guild)
        synced = await bot.tree.sync(guild=guild)
        log.info("synced %d commands to guild %s", len(synced), guild_id)
        return [(guild_id, synced)]
    done: Synced = [(None, await bot.tree.sync())]
    log.info("synced %d commands globally", len(done[0][1]))
    for admin_guild in sorted(admin_policy(bot).guild_ids):
        synced = await bot.tree.sync(guild=discord.Object(id=admin_guild))
        log.info("synced %d commands to admin guild %s", len(synced), admin_guild)
        done.append((admin_guild, synced))
    return done


def _without_voice_warnings() -> None:
    # A text-only bot: discord.py's warnings that voice support is missing (PyNaCl, davey)
    # mean nothing here. They are switched off at the flags discord.py keeps for them, so
    # every other warning still shows.
    for flag in ("warn_nacl", "warn_dave"):
        if hasattr(discord.VoiceClient, flag):
            setattr(discord.VoiceClient, flag, False)


def _shown_name(facts_dir: Path | str) -> str:
    return Path(facts_dir).resolve().name or "facts"


def create_bot(
    facts_dir: Path | str = "facts",
    db_path: Path | str | None = None,
    *,
    admin_role_ids: Collection[int] = (),
    owner_ids: Collection[int] = (),
    admin_guild_ids: Collection[int] = (),
    ask_cooldown_s: float = 3.0,
    shard_count: int | None = None,
    shard_ids: Sequence[int] | None = None,
    sync_commands: bool = False,
    sync_guild_id: int | None = None,
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES,
    workers: int | None = None,
    display_root: str | None = None,
    **options: Any,
) -> commands.Bot:
    """The unstarted bot; its catalog is loaded in ``setup_hook``.

    ``db_path`` None or ``":memory:"`` builds the store in a temporary file. Several
    ``shard_ids`` (or a shard count with no ids) make an ``AutoShardedBot``; one shard id
    runs that shard alone. Commands are synced at start only with ``sync_commands=True``
    (tests and development); in production use ``film-bot sync`` once.

    ``/facts`` is accepted only in the ``admin_guild_ids`` servers when given (see
    :mod:`bot.discord.checks`). Replies name facts files under ``display_root``, by default
    the facts directory's own name, so they never show where the files are on the host.
    """
    store = Store(
        facts_dir,
        db_path,
        display_root=display_root if display_root is not None else _shown_name(facts_dir),
        max_file_bytes=max_file_bytes,
        workers=workers,
    )
    kwargs: dict[str, Any] = {
        "command_prefix": commands.when_mentioned,
        "help_command": None,
        "intents": bot_intents(),
        "allowed_mentions": NO_PINGS,
        "tree_cls": FilmCommandTree,
        **options,
    }
    ids = list(shard_ids or [])
    if shard_count is not None and len(ids) != 1:
        cls: type[commands.Bot] = ShardedFilmBot
        kwargs["shard_count"] = shard_count
        if ids:
            kwargs["shard_ids"] = ids
    else:
        cls = FilmBot
        if shard_count is not None:
            kwargs.update(shard_count=shard_count, shard_id=ids[0])
    _without_voice_warnings()
    bot = cls(**kwargs)
    bot._setup_film_bot(  # type: ignore[attr-defined]
        store,
        admin_policy=AdminPolicy.of(admin_role_ids, owner_ids, admin_guild_ids),
        ask_cooldown_s=ask_cooldown_s,
        sync_commands=sync_commands,
        sync_guild_id=sync_guild_id,
    )
    return bot
