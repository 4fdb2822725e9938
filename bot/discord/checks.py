"""Who may run the admin commands, decided by the bot for every request.

``default_permissions`` only hides ``/facts`` in the client; a server can change it and a
crafted request can skip it, so each admin command also passes :func:`catalog_admin`.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any, TypeVar

import discord
from discord import app_commands

T = TypeVar("T", bound=Callable[..., Any])


class NotCatalogAdmin(app_commands.CheckFailure):
    """Raised when someone without the rights runs an admin command."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class AdminPolicy:
    """Configured admins besides members with the Manage Server permission."""

    role_ids: frozenset[int] = frozenset()
    owner_ids: frozenset[int] = frozenset()

    @classmethod
    def of(cls, role_ids: Collection[int] = (), owner_ids: Collection[int] = ()) -> AdminPolicy:
        return cls(frozenset(role_ids), frozenset(owner_ids))

    def allows(self, interaction: discord.Interaction) -> bool:
        """True for a configured owner, or in a server for Manage Server or an admin role."""
        user = interaction.user
        if user.id in self.owner_ids:
            return True
        if interaction.guild is None or not isinstance(user, discord.Member):
            return False
        if interaction.guild.owner_id == user.id:
            return True
        if user.guild_permissions.manage_guild or user.guild_permissions.administrator:
            return True
        return any(role.id in self.role_ids for role in user.roles)


def may_use_facts(interaction: discord.Interaction) -> bool:
    """May this member use ``/facts`` here? The one answer the commands and ``/help`` share."""
    policy: AdminPolicy = getattr(interaction.client, "admin_policy", AdminPolicy())
    return policy.allows(interaction)


def catalog_admin() -> Callable[[T], T]:
    """An app-command check that refuses anyone the bot's :class:`AdminPolicy` does not allow."""

    async def predicate(interaction: discord.Interaction) -> bool:
        if may_use_facts(interaction):
            return True
        if interaction.guild is None:
            raise NotCatalogAdmin("The /facts commands can only be used in a server.")
        raise NotCatalogAdmin(
            "You need the Manage Server permission (or a catalog admin role) to do that."
        )

    return app_commands.check(predicate)
