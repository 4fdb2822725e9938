"""``/browse``: the catalog's films by genre, years, person and status, ten a page."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands
from discord.utils import escape_markdown

from bot.answering.wanted import genre_named
from bot.catalog.schema import STATUSES
from bot.discord.bot import FilmBotBase, reply_privately
from bot.discord.choices import genre_choices, person_choices, person_name
from bot.discord.embeds import browse_embed
from bot.discord.pagination import send_pages
from bot.store.discovery import (
    PAGE_SIZE,
    FilterError,
    browse,
    nothing_found,
    query_from_options,
    sort_said,
)

BROWSE_SORTS = ("newest", "oldest", "title", "rating")
STATUS_CHOICES = [app_commands.Choice(name=s, value=s) for s in STATUSES]


class BrowseCog(commands.Cog):
    def __init__(self, bot: FilmBotBase) -> None:
        self.bot = bot

    @app_commands.command(name="browse", description="List films by genre, years or person")
    @app_commands.describe(
        genre="A genre (pick one from the list, or type it)",
        year="A year (1999), a decade (1990s, 90s) or a range (1990-1999)",
        person="Someone who made or played in the films",
        status="Only films with this status",
        sort="The order: newest (default), oldest, title or rating",
    )
    @app_commands.choices(
        status=STATUS_CHOICES,
        sort=[app_commands.Choice(name=s, value=s) for s in BROWSE_SORTS],
    )
    async def browse(
        self,
        interaction: discord.Interaction,
        genre: app_commands.Range[str, 1, 100] | None = None,
        year: app_commands.Range[str, 1, 40] | None = None,
        person: app_commands.Range[str, 1, 300] | None = None,
        status: app_commands.Choice[str] | None = None,
        sort: app_commands.Choice[str] | None = None,
    ) -> None:
        catalog = self.bot.store.catalog
        try:
            query = query_from_options(
                genre=await genre_named(catalog, genre),
                year=year,
                person=await person_name(catalog, person) if person else None,
                status=status.value if status else None,
            )
        except FilterError as exc:
            await reply_privately(interaction, escape_markdown(str(exc)))
            return
        order = sort.value if sort else "newest"
        first = await browse(catalog, query, order)
        if not first.films:
            await reply_privately(interaction, escape_markdown(await nothing_found(catalog, query)))
            return

        said = sort_said(first, order)

        async def render(index: int) -> discord.Embed:
            page = first
            if index:
                # the catalog being served now: a reload may have swapped it since
                page = await browse(self.bot.store.catalog, query, order, offset=index * PAGE_SIZE)
            return browse_embed(page, query, said)

        await send_pages(interaction, render, first.pages)

    @browse.autocomplete("genre")
    async def browse_genre(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return await genre_choices(self.bot.store.catalog, current)

    @browse.autocomplete("person")
    async def browse_person(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return await person_choices(self.bot.store.catalog, current)


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(BrowseCog(bot))  # type: ignore[arg-type]
