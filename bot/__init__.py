"""film-bot: answers questions about films from a curated, sourced YAML catalog."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = ["create_bot"]
__version__ = "0.1.0"

if TYPE_CHECKING:
    from discord.ext import commands


def create_bot(*args: Any, **kwargs: Any) -> commands.Bot:
    """Build the unstarted Discord bot (see :func:`bot.discord.create_bot`)."""
    from bot.discord import create_bot as _create_bot

    return _create_bot(*args, **kwargs)
