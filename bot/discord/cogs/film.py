"""``/film``: a film's card, with autocomplete and a paginated cast."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands
from discord.utils import escape_markdown

from bot.discord.bot import NO_PINGS, FilmBotBase
from bot.discord.choices import film_choice_name, find_film, title_choices
from bot.discord.embeds import cast_page_count, film_embed, unknown_text
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
            prequel = await catalog.film_by_slug(film.follows) if film.follows else None
            follows = prequel.label if prequel else None
            await send_pages(
                interaction,
                lambda page: film_embed(film, page, follows=follows),
                cast_page_count(film),
            )
            return
        if match.candidates:
            listed = "\n".join(
                f"• {escape_markdown(film_choice_name(f))}" for f in match.candidates
            )
            text = (
                f"{len(match.candidates)} films are called that:\n{listed}\n"
                "Pick one from the list as you type to see its card."
            )
        else:
            suggestions = [film_choice_name(f) for f in match.suggestions]
            text = unknown_text("a film called", title, suggestions)
        await interaction.response.send_message(text, ephemeral=True, allowed_mentions=NO_PINGS)

    @film.autocomplete("title")
    async def film_title(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return await title_choices(self.bot.store.catalog, current)


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(FilmCog(bot))  # type: ignore[arg-type]
