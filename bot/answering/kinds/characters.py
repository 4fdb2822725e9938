"""Characters: "who plays Nova in Alita: Battle Angel 2", "what role does Tom Hanks play in
Cast Away"."""

from __future__ import annotations

import re

from bot.answering.context import Context
from bot.answering.reply import Answer, with_status
from bot.store.catalog import FilmSummary

_PLAYS = re.compile(
    r"\b(?:who|which actor|which actress)\b.*\b(?:plays?|played|playing|voices?|"
    r"voiced|portray\w*|is)\b"
)
_ROLE_OF = re.compile(
    r"\b(?:what|which|who)\b.*\b(?:role|character|part|does .* play|did .* "
    r"play)\b"
)


async def reply(ctx: Context) -> Answer | None:
    """Who plays a named character, else which character a named person plays."""
    return await _who_plays(ctx) or await _role_of_person(ctx)


async def _who_plays(ctx: Context) -> Answer | None:
    characters = ctx.characters()
    if not characters or not _PLAYS.search(ctx.key):
        return None
    films = {f.id for f in await ctx.films()}
    lines: list[str] = []
    answers: list[str] = []
    about: list[FilmSummary] = []
    for mention in characters:
        for film, credit in await ctx.catalog.cast_as(mention.norm):
            if films and film.id not in films:
                continue
            record = await ctx.catalog.film(film.id)
            assert record is not None
            answers.append(credit.person)
            about.append(film)
            sentence = f"{credit.person} plays {credit.character} in {film.label}."
            lines.append(with_status(record, sentence))
    if not answers:
        return None
    return Answer(ctx.question, list(dict.fromkeys(answers)), " ".join(lines), films=about)


async def _role_of_person(ctx: Context) -> Answer | None:
    people = ctx.person_ids()
    if not people or not _ROLE_OF.search(ctx.key):
        return None
    films = {f.id for f in await ctx.films()}
    answers: list[str] = []
    lines: list[str] = []
    about: list[FilmSummary] = []
    for pid in people:
        person = await ctx.catalog.person(pid)
        if person is None:
            continue
        for credit in person.credits:
            if credit.role != "cast" or not credit.character:
                continue
            if films and credit.film.id not in films:
                continue
            record = await ctx.catalog.film(credit.film.id)
            assert record is not None
            answers.append(credit.character)
            about.append(credit.film)
            sentence = f"{person.name} plays {credit.character} in {credit.film.label}."
            lines.append(with_status(record, sentence))
    if not answers:
        return None
    return Answer(ctx.question, list(dict.fromkeys(answers)), " ".join(lines), films=about)
