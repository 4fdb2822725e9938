"""Who may curate the catalog, decided by the bot for every request.

One catalog serves every server the bot is in, so *Manage Server* in any one of them is not
enough to reload it: ``/facts`` is accepted only in the admin servers
(``FILM_BOT_ADMIN_GUILD_IDS``), from members with the rights there, or from the owners.

``default_permissions`` only hides ``/facts`` in the client; a server can change it and a
crafted request can skip it, so each admin command also passes :func:`catalog_admin`, and
anything else that needs to know (``/help`` showing the admin commands) asks
:func:`may_use_facts`.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any, TypeVar

import discord
from discord import app_commands

T = TypeVar("T", bound=Callable[..., Any])

ADMIN_GUILDS_SETTING = "FILM_BOT_ADMIN_GUILD_IDS"


class NotCatalogAdmin(app_commands.CheckFailure):
    """Raised when someone without the rights runs an admin command."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class AdminPolicy:
    """Who curates: the admin servers, and admins besides members with Manage Server."""

    role_ids: frozenset[int] = frozenset()
    owner_ids: frozenset[int] = frozenset()
    guild_ids: frozenset[int] = frozenset()

    @classmethod
    def of(
        cls,
        role_ids: Collection[int] = (),
        owner_ids: Collection[int] = (),
        guild_ids: Collection[int] = (),
    ) -> AdminPolicy:
        return cls(frozenset(role_ids), frozenset(owner_ids), frozenset(guild_ids))

    def refusal(self, interaction: discord.Interaction) -> str | None:
        """Why this user may not use ``/facts`` here, or None when they may."""
        user = interaction.user
        if user.id in self.owner_ids:
            return None
        guild = interaction.guild
        if guild is None or not isinstance(user, discord.Member):
            return "The /facts commands can only be used in a server."
        if not self._has_rights(guild, user):
            return "You need the Manage Server permission (or a catalog admin role) to do that."
        if self.guild_ids and guild.id not in self.guild_ids:
            return (
                "The catalog is shared by every server this bot is in, so it is curated only "
                f"from the admin servers named in {ADMIN_GUILDS_SETTING}; this server is not "
                "one of them."
            )
        if not self.guild_ids and _serves_several_servers(interaction.client):
            return (
                "The catalog is shared by every server this bot is in, so /facts is off until "
                f"the bot's operator names the servers that curate it in {ADMIN_GUILDS_SETTING}."
            )
        return None

    def _has_rights(self, guild: discord.Guild, member: discord.Member) -> bool:
        if guild.owner_id == member.id:
            return True
        permissions = member.guild_permissions
        if permissions.manage_guild or permissions.administrator:
            return True
        return any(role.id in self.role_ids for role in member.roles)


def _serves_several_servers(client: discord.Client) -> bool:
    # A sharded bot sees only its own shards' servers, but is in many by definition.
    return len(client.guilds) > 1 or (client.shard_count or 1) > 1


def admin_policy(client: discord.Client) -> AdminPolicy:
    """The policy the bot was created with (a default one for a bare client)."""
    policy = getattr(client, "admin_policy", None)
    return policy if isinstance(policy, AdminPolicy) else AdminPolicy()


def facts_refusal(interaction: discord.Interaction) -> str | None:
    """Why ``interaction.user`` may not use ``/facts`` where the interaction comes from,
    worded for them; None when they may."""
    return admin_policy(interaction.client).refusal(interaction)


def may_use_facts(interaction: discord.Interaction) -> bool:
    """May this member use ``/facts`` here? The one answer the commands and ``/help`` share."""
    return facts_refusal(interaction) is None


def catalog_admin() -> Callable[[T], T]:
    """An app-command check that refuses anyone :func:`may_use_facts` does not allow."""

    async def predicate(interaction: discord.Interaction) -> bool:
        reason = facts_refusal(interaction)
        if reason is not None:
            raise NotCatalogAdmin(reason)
        return True

    return app_commands.check(predicate)
