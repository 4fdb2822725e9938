"""``/ask`` and chat: free-form questions, answered by the same engine as ``film-bot ask``."""

from __future__ import annotations

import logging
import re
import time
from collections import OrderedDict

import discord
from discord import app_commands
from discord.ext import commands
from discord.utils import escape_markdown

from bot.answering.engine import MAX_QUESTION_CHARS, answer
from bot.answering.reply import Answer
from bot.discord.bot import NO_PINGS, FilmBotBase
from bot.discord.embeds import answer_embed, clamp, help_embed

log = logging.getLogger("film_bot.discord.ask")

MESSAGE_MAX = 2000
FOLLOW_UP_S = 900.0  # an answer older than this is not what "it" or "he" stands for
REMEMBERED = 2048  # conversations (a person in a channel) whose last answer is kept

Conversation = tuple[int | None, int]  # (channel id, user id)


def _ask_cooldown(interaction: discord.Interaction) -> app_commands.Cooldown | None:
    seconds = getattr(interaction.client, "ask_cooldown_s", 0.0)
    return app_commands.Cooldown(1, seconds) if seconds > 0 else None


class AskCog(commands.Cog):
    def __init__(self, bot: FilmBotBase) -> None:
        self.bot = bot
        self._chat_cooldown = commands.CooldownMapping.from_cooldown(
            1, max(bot.ask_cooldown_s, 0.0), commands.BucketType.user
        )
        self._said: OrderedDict[Conversation, tuple[float, Answer]] = OrderedDict()

    async def _answer(self, question: str, conversation: Conversation) -> Answer:
        """The answer, "it" or "he" standing for what this person's last answer in this
        channel was about, if it came recently."""
        said = self._said.get(conversation)
        previous = said[1] if said and time.monotonic() - said[0] < FOLLOW_UP_S else None
        reply = await answer(question, self.bot.store.catalog, previous=previous)
        if reply.kind == "answer":
            self._said[conversation] = (time.monotonic(), reply)
            self._said.move_to_end(conversation)
            while len(self._said) > REMEMBERED:
                self._said.popitem(last=False)
        return reply

    @app_commands.command(name="ask", description="Ask a question about films in your own words")
    @app_commands.describe(
        question='e.g. "who directed Heat?" or "films with Tom Hanks and Meg Ryan"'
    )
    @app_commands.checks.dynamic_cooldown(_ask_cooldown, key=lambda i: i.user.id)
    async def ask(
        self,
        interaction: discord.Interaction,
        question: app_commands.Range[str, 1, MAX_QUESTION_CHARS],
    ) -> None:
        reply = await self._answer(question, (interaction.channel_id, interaction.user.id))
        await interaction.response.send_message(
            embed=answer_embed(question, reply),
            ephemeral=not reply.found,
            allowed_mentions=NO_PINGS,
        )

    @commands.Cog.listener("on_message")
    async def answer_chat(self, message: discord.Message) -> None:
        """A message that mentions the bot, or any DM, is a question."""
        me = self.bot.user  # type: ignore[attr-defined]
        if message.author.bot or me is None:
            return
        is_dm = message.guild is None
        if not is_dm and me not in message.mentions:
            return
        self.bot.track_request()  # a stop lets the reply go out
        question = strip_mention(message.content, me.id)
        if not question:
            await message.reply(
                embed=help_embed(admin=False), allowed_mentions=NO_PINGS, mention_author=False
            )
            return
        if self.bot.ask_cooldown_s > 0 and (
            retry := self._chat_cooldown.update_rate_limit(message)
        ):
            text = f"Easy there: you can ask again in {retry:.0f} s."
        else:
            reply = await self._answer(question, (message.channel.id, message.author.id))
            text = escape_markdown(reply.text)  # plain text: titles may hold * or _
        await message.reply(
            clamp(text, MESSAGE_MAX), allowed_mentions=NO_PINGS, mention_author=False
        )


def strip_mention(content: str, bot_id: int) -> str:
    """The question without the bot's own mention(s)."""
    return re.sub(rf"<@!?{bot_id}>", " ", content).strip()


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(AskCog(bot))  # type: ignore[arg-type]
