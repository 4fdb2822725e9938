"""Films by their status: "which films are unconfirmed", "list unreleased films"; and the
films that follow another: "which films are sequels"."""

from __future__ import annotations

import re

from bot.answering.context import Context
from bot.answering.lexicon import ASKS_FILMS, words
from bot.answering.reply import (
    SHOWN_FILMS,
    STATUS_PHRASES,
    Answer,
    claims_note,
    film_list,
    films_found,
)

_STATUS_WORDS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (words(r"unconfirmed|rumou?red|fake|unofficial"), ("unconfirmed", "rumored")),
    (words(r"announced|planned"), ("announced",)),
    (words(r"in production|being made|filming"), ("in-production",)),
    (
        words(
            r"unreleased|not (?:yet |been )*(?:released|out)|upcoming|coming soon|future|"
            r"(?:coming|come) out soon|out soon|releasing soon|"
            r"(?:films?|movies?|anything|something|whats) (?:are |is )?coming out"
        ),
        ("announced", "in-production", "rumored", "unconfirmed"),
    ),
)

# Other ways of asking for films: "any movies in production?", "what's in production"
_ASKS = re.compile(
    r"\b(?:films?|movies?|flicks?|pictures?|anything|something)\b|^(?:what|whats|which|any)\b"
)


# The sequels of every film asked for: "which films are sequels", "how many sequels are there"
_ALL_SEQUELS = re.compile(
    r"^(?:(?:which|what|list|show me|name|any|all|how many)"
    r"(?: (?:the|of the|films?|movies?|are|is|there|in))* )?sequels?"
    r"(?: (?:are there|in the catalog|do you (?:know|have)|films?|movies?))*$"
)


async def _sequels(ctx: Context) -> Answer:
    """The catalog's films that follow another, oldest first, unreleased ones marked."""
    films, total = await ctx.catalog.sequels(SHOWN_FILMS)
    if not films:
        return Answer(ctx.question, [], "The catalog records no film as following another.")
    text = films_found("films that follow another in the catalog", films, total)
    return Answer(ctx.question, [f.title for f in films], text + claims_note(films), films=films)


def is_status_word(word: str) -> bool:
    """Whether a word asks for films by their status ("unreleased", "upcoming")."""
    return any(pattern.search(word) for pattern, _ in _STATUS_WORDS)


async def reply(ctx: Context) -> Answer | None:
    """The films with the status the question asks for, when it names no film or person."""
    if any(m.has("film", "person") for m in ctx.mentions):
        return None
    if _ALL_SEQUELS.match(ctx.key):  # by their ``follows``, not a tag "sequel"
        return await _sequels(ctx)
    if not (ASKS_FILMS.search(ctx.key) or _ASKS.search(ctx.key)):
        return None
    statuses = next((found for pattern, found in _STATUS_WORDS if pattern.search(ctx.key)), None)
    if statuses is None:
        return None
    films = await ctx.catalog.films_with_status(statuses)
    shown = (
        "not released yet"
        if len(statuses) > 2
        else " or ".join(dict.fromkeys(STATUS_PHRASES[s][0] for s in statuses))
    )
    if not films:
        return Answer(ctx.question, [], f"The catalog has no films that are {shown}.")
    text = f"Films that are {shown}: {film_list(films, 30)}. Their credits are claims."
    return Answer(ctx.question, [f.title for f in films], text, films=films)
