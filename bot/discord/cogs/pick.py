"""``/random``: one film picked at random within filters, and "🎲 Another" for the next."""

from __future__ import annotations

import random

import discord
from discord import app_commands
from discord.ext import commands
from discord.utils import escape_markdown

from bot.answering.wanted import genre_named
from bot.discord.bot import FilmBotBase, reply_privately
from bot.discord.choices import genre_choices, prequel_label
from bot.discord.cogs.browse import STATUS_CHOICES
from bot.discord.embeds import clamp, film_embed, fit
from bot.discord.pagination import OwnerView
from bot.store.discovery import (
    FilmQuery,
    FilterError,
    nothing_found,
    query_from_options,
    random_films,
)
from bot.store.live import Store

AUTHOR_MAX = 256


class RandomPicks:
    """Films of one query at random, none shown twice until every one has been."""

    def __init__(self, store: Store, query: FilmQuery, rng: random.Random | None = None) -> None:
        self.store = store
        self.query = query
        self.rng = rng or random.Random()
        self.shown: list[int] = []
        self.round = 1

    async def next(self) -> discord.Embed | None:
        """The next film's card, or None when the query matches no film at all."""
        catalog = self.store.catalog
        picked = await random_films(catalog, self.query, self.rng, exclude=self.shown)
        if not picked and self.shown:
            # every film of the pool has been shown: start a new round, the last one aside
            self.shown = self.shown[-1:]
            self.round += 1
            picked = await random_films(catalog, self.query, self.rng, exclude=self.shown)
        if not picked:
            return None
        film = await catalog.film(picked[0].id)
        if film is None:  # gone in a reload between the pick and now
            return None
        self.shown.append(film.id)
        embed = film_embed(film, follows=await prequel_label(catalog, film))
        heading = f"🎲 Random pick: {self.query.describe()}"
        if self.round > 1:
            heading += f" (round {self.round}: every film was shown once)"
        embed.set_author(name=clamp(heading, AUTHOR_MAX))
        return fit(embed)


class AnotherView(OwnerView):
    """The "🎲 Another" button, for the member who asked."""

    def __init__(self, picks: RandomPicks, owner_id: int) -> None:
        super().__init__(owner_id)
        self.picks = picks

    @discord.ui.button(label="🎲 Another", style=discord.ButtonStyle.primary)
    async def another(self, interaction: discord.Interaction, _: discord.ui.Button) -> None:
        embed = await self.picks.next()
        if embed is None:
            await interaction.response.send_message(
                "No film matches any more (the catalog was reloaded).", ephemeral=True
            )
            return
        await interaction.response.edit_message(embed=embed, view=self)


class RandomCog(commands.Cog):
    def __init__(self, bot: FilmBotBase) -> None:
        self.bot = bot

    @app_commands.command(name="random", description="A film picked at random: what to watch?")
    @app_commands.describe(
        genre="Only this genre (pick one from the list, or type it)",
        year="A year (1999), a decade (1990s, 90s) or a range (1990-1999)",
        status="Pick among films with this status (default: released films only)",
    )
    @app_commands.choices(status=STATUS_CHOICES)
    async def random(
        self,
        interaction: discord.Interaction,
        genre: app_commands.Range[str, 1, 100] | None = None,
        year: app_commands.Range[str, 1, 40] | None = None,
        status: app_commands.Choice[str] | None = None,
    ) -> None:
        try:
            query = query_from_options(
                genre=await genre_named(self.bot.store.catalog, genre),
                year=year,
                status=status.value if status else None,
                default_statuses=("released",),
            )
        except FilterError as exc:
            await reply_privately(interaction, escape_markdown(str(exc)))
            return
        picks = RandomPicks(self.bot.store, query)
        embed = await picks.next()
        if embed is None:
            text = await nothing_found(self.bot.store.catalog, query)
            await reply_privately(interaction, escape_markdown(text))
            return
        view = AnotherView(picks, interaction.user.id)
        await interaction.response.send_message(embed=embed, view=view)
        view.message = await interaction.original_response()

    @random.autocomplete("genre")
    async def random_genre(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return await genre_choices(self.bot.store.catalog, current)


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(RandomCog(bot))  # type: ignore[arg-type]
