"""The Discord side: the bot, its cogs, embeds, pagination and checks."""

from bot.discord.bot import FilmBot, ShardedFilmBot, create_bot

__all__ = ["FilmBot", "ShardedFilmBot", "create_bot"]
