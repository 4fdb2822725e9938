"""``/similar``: the films that share the most with one, and what they share."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.answering.reply import merged_films_note
from bot.discord.bot import FilmBotBase, reply_privately
from bot.discord.choices import find_film, title_choices
from bot.discord.embeds import film_match_text, similar_embed
from bot.store.catalog import Catalog, FilmRecord
from bot.store.discovery import similar_films

SIMILAR_MAX = 10


class SimilarCog(commands.Cog):
    def __init__(self, bot: FilmBotBase) -> None:
        self.bot = bot

    @app_commands.command(name="similar", description="Films like one you name")
    @app_commands.describe(title="The film's title (pick one from the list, or type it)")
    async def similar(
        self, interaction: discord.Interaction, title: app_commands.Range[str, 1, 300]
    ) -> None:
        catalog = self.bot.store.catalog
        match = await find_film(catalog, title)
        if match.film is None:
            await reply_privately(interaction, film_match_text(match, title))
            return
        await interaction.response.send_message(embed=await similar_card(catalog, match.film))

    @similar.autocomplete("title")
    async def similar_title(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return await title_choices(self.bot.store.catalog, current)


async def similar_card(catalog: Catalog, film: FilmRecord) -> discord.Embed:
    """``/similar``'s reply on a film: the films like it, what they share, and whether
    that may be another film's (merged facts)."""
    found = await similar_films(catalog, film, limit=SIMILAR_MAX)
    note = await merged_films_note(catalog, [film.summary, *(s.film for s in found)])
    return similar_embed(film.summary, found, note.strip())


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(SimilarCog(bot))  # type: ignore[arg-type]
