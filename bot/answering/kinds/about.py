"""About a film: "tell me something interesting about Parasite" (trivia), "what is Jaws
about" (synopsis, else tags), "tell me about Spirited Away", and sequels both ways ("is
there a sequel to Alien", "what came before Avatar: Fire and Ash", "is there a prequel")."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from dataclasses import replace

from bot.answering.context import Context
from bot.answering.kinds.relations import read, who_made
from bot.answering.lexicon import (
    RELATION_BY_NAME,
    SEQUEL_NUMBERS,
    SEQUEL_PARTS,
    TRIVIA,
    english_word,
    words,
)
from bot.answering.linking import Mention
from bot.answering.reply import (
    Answer,
    claims_note,
    film_list,
    marked_label,
    per_film,
    status_note,
)
from bot.store.catalog import Catalog, FilmRecord, FilmSummary, oldest_first_key
from bot.store.indexes import without_article
from bot.text import norm

TELL_ABOUT = re.compile(
    r"^(?:(?:can you |could you |pls |please )?tell me|what do you know|info\w*|anything|"
    r"know anything|give me info\w*)\b.*\b(?:about|on)\b"
)
_EARLIER = re.compile(
    r"\b(?:prequel|before|previous|preceding|earlier|follows?\b(?! ?ups?)|"
    r"sequel (?:of|to) (?:what|which)|sequel (?:of|to)$|came (?:out )?first)\b"
)
_LATER = words(r"after|next|following|later|continu\w*|part (?:2|two|ii)")
_SEQUEL = RELATION_BY_NAME["sequel"]
_SYNOPSIS = RELATION_BY_NAME["synopsis"]


async def reply(ctx: Context) -> Answer | None:
    """Trivia, the story, or the films before and after, of the films a question names."""
    kinds = {kind for _, kind in ctx.topics()}
    if "film" not in kinds or "person" in kinds:
        return None
    if len(ctx.mentions) > 1 and (asked := _order_titles(ctx)):
        # "what comes after toy story", "next toy story film": not the films After, Next
        ctx = replace(ctx, mentions=[m for m in ctx.mentions if m not in asked])
    outside = ctx.key_outside()
    if TRIVIA.search(outside):
        return await _per_film(ctx, _trivia)
    relation = ctx.relation()
    asked = relation.name if relation is not None else None
    before_or_after = _EARLIER.search(outside) or _LATER.search(outside)
    if asked == "sequel" or (asked in (None, "year") and before_or_after and not ctx.year()):
        return await _per_film(ctx, _sequels)
    if asked == "synopsis" or (asked is None and TELL_ABOUT.search(ctx.key)):
        return await _per_film(ctx, _story)
    return None


def _order_titles(ctx: Context) -> list[Mention]:
    """One-word titles that are words of order ("after", "next", "before") said just
    before another film's title: the question's words, not films."""
    starts = {m.start for m in ctx.mentions if m.has("film")}
    return [
        m
        for m in ctx.mentions
        if m.size == 1
        and m.end in starts
        and (_LATER.fullmatch(ctx.tokens[m.start]) or _EARLIER.fullmatch(ctx.tokens[m.start]))
    ]


Telling = Callable[[Context, FilmRecord], Awaitable[tuple[list[str], str]]]


async def _per_film(ctx: Context, say: Telling) -> Answer | None:
    films = await ctx.films()
    if not films:
        return None
    answers: list[str] = []
    lines: list[str] = []
    records: list[FilmRecord] = []
    for summary in films:
        record = await ctx.catalog.film(summary.id)
        assert record is not None
        records.append(record)
        values, sentence = await say(ctx, record)
        answers.extend(values)
        lines.append(sentence)
    # trivia names the merge itself, where the importer noted it
    text = per_film(films, lines, [] if say is _trivia else records)
    return Answer(ctx.question, list(dict.fromkeys(answers)), text, films=films)


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
        parts.append(f"{film.label} follows {marked_label(earlier.summary)}.")
    if later:
        parts.append(f"{film.label} is followed by {film_list(later)}.")
    if earlier is not None and not asks_earlier:
        parts.append(f"{film.label} follows {marked_label(earlier.summary)}.")
    recorded = earlier if asks_earlier else later
    alike = [] if recorded else await _sharing_the_title(ctx, film.summary, earlier=asks_earlier)
    if alike:  # not recorded as sequels: offered as films of the same title, never as such
        which = f"film that {film.label} follows" if asks_earlier else f"sequel to {film.label}"
        parts.insert(
            0,
            f"The catalog records no {which}, but it has {film_list(alike)}, "
            f"which share{'s' if len(alike) == 1 else ''} the title.",
        )
        return [f.title for f in alike], " ".join(parts) + claims_note(alike)
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


SAME_TITLE_READ = 100  # titles read that begin with a film's title, to find its namesakes
_SUBTITLE = re.compile(r"\s*[:\-–]\s")


async def _sharing_the_title(
    ctx: Context, film: FilmSummary, *, earlier: bool = False
) -> list[FilmSummary]:
    """Films after ``film`` (or before it, with ``earlier``) whose title is the same title
    with a number ("Toy Story 2", "Rocky IV", "The Godfather Part II") or a subtitle
    ("Alien: Resurrection"), or without them (Toy Story, before Toy Story 3), oldest first."""
    found = []
    for other in await films_of_the_title(ctx.catalog, film):
        if norm(other.title) == norm(film.title):
            # the same title again is a remake or a namesake, not a film of a series
            continue
        if film.year is None or other.year is None:
            continue  # which came first is not known
        if (other.year < film.year) if earlier else (other.year > film.year):
            found.append(other)
    return found


async def films_of_the_title(catalog: Catalog, film: FilmSummary) -> list[FilmSummary]:
    """The films whose title is ``film``'s without its number or subtitle, or that title
    with one ("Toy Story", "Toy Story 2", "Toy Story 3"), ``film`` included, oldest first
    (those of no known year last)."""
    base = _without_number(film.title)
    found = [
        other
        for other in await catalog.complete_titles(base, SAME_TITLE_READ)
        if _same_title(base, other.title)
    ]
    return sorted(found, key=oldest_first_key)


def _without_number(title: str) -> str:
    """A title without the number or subtitle that may follow it: "Toy Story" for "Toy
    Story 3", "Alien" for "Alien: Resurrection"; else the title."""
    subtitled = _SUBTITLE.search(title)
    if subtitled:
        return title[: subtitled.start()]
    words = title.split()
    if len(words) > 1 and words[-1].casefold() in SEQUEL_NUMBERS:
        words = words[:-1]
        if len(words) > 1 and words[-1].casefold() in SEQUEL_PARTS:
            words = words[:-1]
    return " ".join(words)


def _same_title(base: str, title: str) -> bool:
    """Whether ``title`` is ``base``, or it with a number or a subtitle after it."""
    if norm(title) == norm(base):
        return True
    if not title.casefold().startswith(base.casefold()):
        return False
    rest = title[len(base) :]
    if _SUBTITLE.match(rest):
        return True
    words = rest.casefold().split()
    if words and words[0] in SEQUEL_PARTS:
        words = words[1:]
    return len(words) == 1 and words[0] in SEQUEL_NUMBERS


def _noted(film: FilmRecord, sentence: str) -> str:
    """What is said of a film that is not released is followed by its status and source."""
    note = status_note(film)
    return f"{sentence} {note}" if note else sentence


TITLE_WORD_MIN = 5  # shorter words are not read as a title said by one of its words


async def word_of_a_title(word: str, catalog: Catalog) -> tuple[str, str] | None:
    """The one title a word no dictionary has is a word of ("totoro": My Neighbor Totoro),
    said for short; ``None`` for a word of several titles or an English word."""
    if len(word) < TITLE_WORD_MIN or await english_word(word):
        return None
    titles = await catalog.titles_with_word(word)
    films = await catalog.summaries(dict.fromkeys(ref for _, ref in titles))
    if len({norm(film.title) for film in films}) != 1:
        return None
    return word, films[0].title


async def title_of_subtitle(said: str, catalog: Catalog) -> str | None:
    """The one title whose words after its colon are ``said``, with their article or
    without ("the way of water", "way of water": Avatar: The Way of Water), said for short;
    ``None`` when no title or several have them so."""
    said = without_article(said) or said
    if " " not in said:
        return None  # one word of a title is read by :func:`word_of_a_title`
    candidates = [ref for name, ref in await catalog.title_candidates(said) if name.endswith(said)]
    titles = set()
    for film in await catalog.summaries(dict.fromkeys(candidates)):
        _, colon, after = film.title.partition(": ")
        if colon and (without_article(norm(after)) or norm(after)) == said:
            titles.add(film.title)
    return titles.pop() if len(titles) == 1 else None


async def title_of_character(word: str, catalog: Catalog) -> str | None:
    """The title a character's name is a word of, when it is the one title the word is in
    (:func:`word_of_a_title`) and the character is of that film ("totoro": My Neighbor
    Totoro, whose Totoro it is); else ``None``."""
    said = await word_of_a_title(word, catalog)
    if said is None:
        return None
    films = {film.title for film, _ in await catalog.cast_as(word)}
    return said[1] if said[1] in films else None
