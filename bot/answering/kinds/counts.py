"""Counting: "how many films did Kubrick direct", "number of films starring Meg Ryan", "how
many movies are there"."""

from __future__ import annotations

import re

from bot.answering.context import Context
from bot.answering.kinds import chains, relations
from bot.answering.reply import Answer

_ASKING = r"^(?:how many|the number of|number of|count(?: the)?)"
_HOW_MANY = re.compile(_ASKING + r"\b")
# the whole catalog: "how many movies are there", "how many films do you know"
_ALL_FILMS = re.compile(
    _ASKING + r" (?:films|movies)"
    r"(?: (?:are there|do (?:you|u) (?:know|have)|"
    r"(?:are )?in (?:the|your) (?:catalog|database)))* ?$"
)


async def reply(ctx: Context) -> Answer | None:
    """The films (or names) the question would list, counted."""
    if not _HOW_MANY.search(ctx.key):
        return None
    listed = await chains.reply(ctx) or await relations.reply(ctx)
    if listed is None and _ALL_FILMS.search(ctx.key) and not ctx.mentions:
        return await _the_catalog(ctx)
    if listed is None or listed.kind != "answer":
        return listed
    counted = list(dict.fromkeys(listed.answers)) if not listed.films else listed.films
    number = len(counted)
    return Answer(
        ctx.question,
        [str(number)],
        f"{number}. {listed.text}",
        films=listed.films,
        people=listed.people,
    )


async def _the_catalog(ctx: Context) -> Answer:
    """The films of the whole catalog, counted, with how many are not released."""
    stats = await ctx.catalog.stats()
    text = f"The catalog has {stats.films} films"
    if stats.unconfirmed:
        text += f", {stats.unconfirmed} of them not released (their facts are claims)"
    return Answer(ctx.question, [str(stats.films)], text + ".")
