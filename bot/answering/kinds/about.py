"""About a film: "tell me something interesting about Parasite" (trivia), "what is Jaws
about" (synopsis, else tags), "tell me about Spirited Away", and sequels both ways ("is
there a sequel to Alien", "what came before Avatar: Fire and Ash", "is there a prequel")."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable

from bot.answering.context import Context
from bot.answering.kinds.relations import read, who_made
from bot.answering.lexicon import RELATION_BY_NAME, words
from bot.answering.reply import Answer, claims_note, film_list, per_film, status_note
from bot.store.catalog import FilmRecord, FilmSummary

_TRIVIA = words(
    r"trivia|fun ?facts?|facts?|interesting|did you know|behind the scenes|"
    r"(?:something|anything|things?) (?:cool|fun|neat|new|surprising|i (?:might )?not know)"
)
_TELL_ABOUT = re.compile(
    r"^(?:(?:can you |could you |pls |please )?tell me|what do you know|info\w*|anything|"
    r"know anything|give me info\w*)\b.*\b(?:about|on)\b"
)
_EARLIER = re.compile(
    r"\b(?:prequel|before|previous|preceding|earlier|follows?\b(?! ?ups?)|"
    r"sequel (?:of|to) (?:what|which)|came (?:out )?first)\b"
)
_LATER = words(r"after|next|following|later|continu\w*|part (?:2|two|ii)")
_SEQUEL = RELATION_BY_NAME["sequel"]
_SYNOPSIS = RELATION_BY_NAME["synopsis"]


async def reply(ctx: Context) -> Answer | None:
    """Trivia, the story, or the films before and after, of the films a question names."""
    kinds = {kind for _, kind in ctx.topics()}
    if "film" not in kinds or "person" in kinds:
        return None
    outside = ctx.key_outside()
    if _TRIVIA.search(outside):
        return await _per_film(ctx, _trivia)
    relation = ctx.relation()
    asked = relation.name if relation is not None else None
    before_or_after = _EARLIER.search(outside) or _LATER.search(outside)
    if asked == "sequel" or (asked in (None, "year") and before_or_after and not ctx.year()):
        return await _per_film(ctx, _sequels)
    if asked == "synopsis" or (asked is None and _TELL_ABOUT.search(ctx.key)):
        return await _per_film(ctx, _story)
    return None


Telling = Callable[[Context, FilmRecord], Awaitable[tuple[list[str], str]]]


async def _per_film(ctx: Context, say: Telling) -> Answer | None:
    films = await ctx.films()
    if not films:
        return None
    answers: list[str] = []
    lines: list[str] = []
    for summary in films:
        record = await ctx.catalog.film(summary.id)
        assert record is not None
        values, sentence = await say(ctx, record)
        answers.extend(values)
        lines.append(sentence)
    return Answer(ctx.question, list(dict.fromkeys(answers)), per_film(films, lines), films=films)


async def _trivia(ctx: Context, film: FilmRecord) -> tuple[list[str], str]:
    """One piece of the film's trivia, picked at random, and how many more there are."""
    if not film.trivia:
        text = f"The catalog has no trivia for {film.label}."
        if film.synopsis:  # the next best thing to tell
            text += f" What it is about: {film.synopsis}"
        return [], _noted(film, text)
    fact = ctx.rng.choice(film.trivia)
    more = len(film.trivia) - 1
    text = f"About {film.label}: {fact}"
    if more:
        text += f" (The catalog has {more} more; ask again for another.)"
    return [fact], _noted(film, text)


async def _story(ctx: Context, film: FilmRecord) -> tuple[list[str], str]:
    """The synopsis, else the tags; asked as "tell me about", who made it and who is in it."""
    values, sentence = read(film, _SYNOPSIS)
    if ctx.relation() is _SYNOPSIS:
        return values, _noted(film, sentence)
    text = who_made(film)
    if film.synopsis:
        text += f" {film.synopsis}"
    return ([film.synopsis] if film.synopsis else [film.label]), _noted(film, text)


async def _sequels(ctx: Context, film: FilmRecord) -> tuple[list[str], str]:
    """The films that follow ``film``, and the one it follows, with their status; the
    direction asked comes first."""
    later = await ctx.catalog.films_following(film.summary.slug)
    earlier = await ctx.catalog.film_by_slug(film.follows) if film.follows else None
    asks_earlier = bool(_EARLIER.search(ctx.key_outside()))
    parts: list[str] = []
    if earlier is not None and asks_earlier:
        parts.append(f"{film.label} follows {_label(earlier.summary)}.")
    if later:
        parts.append(f"{film.label} is followed by {film_list(later)}.")
    if earlier is not None and not asks_earlier:
        parts.append(f"{film.label} follows {_label(earlier.summary)}.")
    if not parts:
        return [], f"The catalog knows no sequel or earlier film for {film.label}."
    if asks_earlier and earlier is None:
        parts.insert(0, f"The catalog knows no film that {film.label} follows.")
    if not asks_earlier and not later:
        parts.insert(0, f"The catalog knows no sequel to {film.label}.")
    shown = [*later, *([earlier.summary] if earlier is not None else [])]
    note = status_note(film) or claims_note(shown)
    after = [f.title for f in later]
    before = [earlier.summary.title] if earlier is not None else []
    answers = before + after if asks_earlier else after + before
    return answers, " ".join(parts) + (f" {note.strip()}" if note else "")


def _label(film: FilmSummary) -> str:
    return film.label + ("" if film.confirmed else f" [{film.status}]")


def _noted(film: FilmRecord, sentence: str) -> str:
    """What is said of a film that is not released is followed by its status and source."""
    note = status_note(film)
    return f"{sentence} {note}" if note else sentence
