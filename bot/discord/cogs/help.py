"""``/help``: every command, example questions, and for catalog admins how to reload."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord.bot import FilmBotBase
from bot.discord.checks import may_use_facts
from bot.discord.embeds import help_embed


class HelpCog(commands.Cog):
    def __init__(self, bot: FilmBotBase) -> None:
        self.bot = bot

    @app_commands.command(name="help", description="What film-bot can do, with examples")
    async def help(self, interaction: discord.Interaction) -> None:
        admin = may_use_facts(interaction)
        await interaction.response.send_message(embed=help_embed(admin=admin), ephemeral=True)


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(HelpCog(bot))  # type: ignore[arg-type]
