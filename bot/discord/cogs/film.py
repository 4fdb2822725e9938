"""``/film``: a film's card, with autocomplete and a paginated cast."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord.bot import NO_PINGS, FilmBotBase
from bot.discord.choices import find_film, prequel_label, title_choices
from bot.discord.embeds import cast_page_count, film_embed, film_match_text
from bot.discord.pagination import send_pages


class FilmCog(commands.Cog):
    def __init__(self, bot: FilmBotBase) -> None:
        self.bot = bot

    @app_commands.command(name="film", description="Show what the catalog knows about a film")
    @app_commands.describe(title="The film's title (pick one from the list, or type it)")
    async def film(self, interaction: discord.Interaction, title: app_commands.Range[str, 1, 300]):
        catalog = self.bot.store.catalog
        match = await find_film(catalog, title)
        if match.film is not None:
            film = match.film
            follows = await prequel_label(catalog, film)
            await send_pages(
                interaction,
                lambda page: film_embed(film, page, follows=follows),
                cast_page_count(film),
            )
            return
        await interaction.response.send_message(
            film_match_text(match, title), ephemeral=True, allowed_mentions=NO_PINGS
        )

    @film.autocomplete("title")
    async def film_title(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return await title_choices(self.bot.store.catalog, current)


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(FilmCog(bot))  # type: ignore[arg-type]
