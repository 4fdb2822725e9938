"""Counting: "how many films did Kubrick direct", "number of films starring Meg Ryan", "how
many movies are there"."""

from __future__ import annotations

import re

from bot.answering.context import Context
from bot.answering.kinds import chains, relations
from bot.answering.kinds.ranking import series_of
from bot.answering.reply import Answer, claims_note, film_list

_ASKING = r"^(?:how many|the number of|number of|count(?: the)?)"
_HOW_MANY = re.compile(_ASKING + r"\b")
# "how many avatar movies are there": a film named just before "films", nothing else asked
_OF_A_SERIES = re.compile(
    _ASKING + r" _(?: _)* (?:films|movies)(?: (?:are there|do (?:you|u) (?:know|have)))? ?$"
)
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
    if _OF_A_SERIES.search(ctx.key_outside()) and (series := await _series(ctx)):
        return series
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


async def _series(ctx: Context) -> Answer | None:
    """ "how many avatar movies are there": the films of the one film's series named."""
    named = [m for m in ctx.mentions if m.has("film")]
    if len(named) != 1 or len(ctx.mentions) != 1 or named[0].has("person"):
        return None
    films = await ctx.films()
    series = await series_of(ctx, films[0].slug) if films else []
    if len(series) < 2:
        return None
    waiting = sum(not f.confirmed for f in series)
    text = f"{len(series)} films of the series are in the catalog"
    text += f" ({waiting} not released yet)" if waiting else ""
    text += f": {film_list(series)}." + claims_note(series)
    return Answer(ctx.question, [str(len(series))], text, films=series)


async def _the_catalog(ctx: Context) -> Answer:
    """The films of the whole catalog, counted, with how many are not released."""
    stats = await ctx.catalog.stats()
    text = f"The catalog has {stats.films} films"
    if stats.unconfirmed:
        text += f", {stats.unconfirmed} of them not released (their facts are claims)"
    return Answer(ctx.question, [str(stats.films)], text + ".")
