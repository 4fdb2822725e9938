"""``/person``: a person's films by role, with autocomplete."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord.bot import NO_PINGS, FilmBotBase
from bot.discord.choices import find_person, person_choices
from bot.discord.embeds import person_embed, person_page_count, unknown_text
from bot.discord.pagination import send_pages


class PersonCog(commands.Cog):
    def __init__(self, bot: FilmBotBase) -> None:
        self.bot = bot

    @app_commands.command(name="person", description="Show a person's films, by role")
    @app_commands.describe(name="The person's name (pick one from the list, or type it)")
    async def person(self, interaction: discord.Interaction, name: app_commands.Range[str, 1, 300]):
        match = await find_person(self.bot.store.catalog, name)
        if match.person is not None:
            person = match.person
            await send_pages(
                interaction, lambda page: person_embed(person, page), person_page_count(person)
            )
            return
        text = unknown_text("anyone called", name, match.suggestions)
        await interaction.response.send_message(text, ephemeral=True, allowed_mentions=NO_PINGS)

    @person.autocomplete("name")
    async def person_name(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return await person_choices(self.bot.store.catalog, current)


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(PersonCog(bot))  # type: ignore[arg-type]
