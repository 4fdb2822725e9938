"""Films to watch: "recommend a sci-fi movie", "what should we watch tonight", "something
like The Matrix", "give me a random animated film".

One film with the reason it fits, and a couple more; the choice varies between asks (the
context's ``rng``). A film that is not released is never offered as something to watch.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

from bot.answering.context import Context
from bot.answering.kinds.time import runtimes_lacking
from bot.answering.lexicon import LIKED_BEFORE
from bot.answering.linking import Mention
from bot.answering.reply import Answer, film_list, join_names, merged_films_note
from bot.answering.wanted import (
    genre_words,
    is_keyword,
    is_of_genre,
    people_left_out,
    wanted_films,
    words_of_genre,
    year_span,
)
from bot.answering.whole_title import title_to_the_end
from bot.store.catalog import FilmSummary
from bot.store.discovery import FilmQuery, SimilarFilm, random_films, similar_films
from bot.store.indexes import ARTICLES
from bot.text import norm

OFFERED = 3  # films in one reply: the pick and two more
SIMILAR_POOL = 6  # the closest films a "like X" pick is drawn from
_GOOD = r"(?:good|great|decent|solid|fun)"  # "a decent war film": one worth watching
_PICK = re.compile(
    r"\b(?:recommend\w*|suggest\w*|recs?|random|surprise me|"
    r"(?:pick|roll) (?:a|me|us|one|something)|"
    r"(?:should|shall|can|could) (?:i|we|u) (?:watch|see)|"
    r"(?:wanna|want to|gonna|going to|like to|i want) (?:watch|see)|"
    r"(?:something|anything|films?|movies?|good) to watch|tonight|movie night|any good|"
    r"what (?:to|do i|do we|can i|can we) watch|"
    r"(?:choose|grab|get) (?:me |us )?(?:a|one|some) (?:\w+ )?(?:film|movie|flick)s?|"
    r"(?:im|i am|so|really|kinda|bit) bored|"
    r"(?:need|want|looking for|find me) (?:a|an|some) (?:\w+ ){0,2}(?:film|movie|flick)s?|"
    rf"a {_GOOD} (?:\w+ ){{0,2}}(?:film|movie|flick)|worth watching|"
    # "give me a good comedy", "whats a good thriller", "a good western": one film of a kind
    r"(?:give|show) me (?:a|an|one)|^(?:(?:what is|whats|is there|any ?one know|know) )?(?:a|an) "
    rf"{_GOOD} "
    r"(?!(?:director|actor|actress|writer|composer|producer|person|year)s?$)(?:\w+ )?\w+$)\b"
)
# A film asked for at random, of the films a relation names too ("random film by hitchcock")
_AT_RANDOM = re.compile(
    r"\b(?:random(?:ly)?|surprise me|pick (?:a|me|one|something)|roll (?:me |us )?(?:a|one))\b"
)
# "is X any good", "is X worth watching": whether one film is, not a request for one
_ASKS_OF_ONE = re.compile(r"^(?:is|isnt|was|are) (?!there\b)")
# "about" followed by words that named nothing the catalog knows (no mention: no "_")
_UNKNOWN_TOPIC = re.compile(r"\babout ((?:[a-z][\w'-]* ?){1,4})$")
# "something like X", "films similar to X", "similar movies to X", "if you liked X", X named
# as typed (no "_")
_LIKE_SPAN = re.compile(
    r"\b(?:(?:something|anything|stuff|films?|movies?|flicks?|more|others?|ones?) "
    r"(?:like|similar to)|similar(?: films?| movies?| flicks?| ones?| stuff)? to|"
    r"(?:i|we|u|you) (?:liked|loved|enjoyed)|the vein of|same vibe as) ((?:[\w'-]+ ?){1,8})"
)


async def reply(ctx: Context) -> Answer | None:
    """A film to watch, like a named film or matching the question's genre, people, years."""
    liked = _liked_film(ctx)
    if liked is not None:
        return await _like(ctx, liked)
    unknown_liked = _unknown_liked(ctx)
    if unknown_liked:
        return await _like_unknown(ctx, unknown_liked)
    if not _PICK.search(_asked(ctx)):
        return None
    wanted = await wanted_films(ctx, statuses=("released",))
    if wanted.films or (
        _asks_a_relation(ctx)
        and not (wanted.genre or wanted.span)
        and not _AT_RANDOM.search(_asked(ctx))  # "random film by hitchcock": one of them
    ):
        return None
    if _ASKS_OF_ONE.match(ctx.key) and wanted.query == FilmQuery(statuses=("released",)):
        return None  # "is barbie worth watching": of a film the catalog lacks, not a pick
    # "recommend an action comedy with jackie chan": the query has both genres
    films = await random_films(ctx.catalog, wanted.query, ctx.rng, count=OFFERED)
    if not films:
        text = f"The catalog has no released {wanted.describe()} to suggest."
        if wanted.minutes is not None:  # "something short": how many running times it has
            text = await runtimes_lacking(ctx, wanted, text, found_none=True)
        return Answer(ctx.question, [], text)
    first = films[0]
    text = f"How about {first.label}? {await _why(ctx, first, wanted.people)}"
    unknown = _UNKNOWN_TOPIC.search(ctx.key_outside())
    if unknown is not None:  # "a movie about dinosaurs": no film is tagged so
        text = (
            f"I don't know which films are about {unknown.group(1)} (no film in the catalog "
            f"is tagged with it), so here is a pick anyway. {text}"
        )
    if len(films) > 1:
        text += f" Or try {film_list(films[1:])}."
    return Answer(ctx.question, [f.title for f in films], text, films=films)


# Words asking for a film to watch that are titles too ("what should i watch": not The Watch)
_ASKING_VERBS = frozenset("watch see bored".split())


def _asked(ctx: Context) -> str:
    """The question with every mentioned name blanked out (``key_outside``: a word each,
    names never overlapping) but those that are one word asking for a film to watch."""
    words = ctx.key_outside().split(" ")
    for mention in ctx.mentions:
        if mention.size == 1 and ctx.tokens[mention.start] in _ASKING_VERBS:
            words[mention.start] = ctx.tokens[mention.start]
    return " ".join(words)


def _asks_a_relation(ctx: Context) -> bool:
    """Whether the question names what its films are the way a relation question does:
    "a movie about dystopia" (a tag), "a film directed by Kubrick", "movies starring Tom
    Hanks". With nothing else asked (a genre, years) those are answered with every such
    film (:mod:`.chains`), not a pick; "a Kubrick film", "something with Keanu Reeves"
    stay picks."""
    topics = ctx.topics()
    if any(kind == "tag" for _, kind in topics):
        return True
    people = [m for m, kind in topics if kind == "person"]
    return bool(people) and any(
        r.role is not None and 0 < people[0].start - pos <= 2 for pos, r in ctx.occurrences()
    )


def _liked_film(ctx: Context) -> Mention | None:
    """The film in "something like X", "films similar to X", "if I liked X", and in "i
    loved X" when a film to watch is asked too ("i loved alien what else should i watch")."""
    for mention in ctx.mentions:
        before = " ".join(ctx.tokens[: mention.start])
        if mention.has("film") and (
            LIKED_BEFORE.search(before) or (_LOVED.search(before) and _PICK.search(_asked(ctx)))
        ):
            return mention
    return None


_LOVED = re.compile(r"\b(?:i|we) (?:really )?(?:liked|loved|enjoyed)$")


def _unknown_liked(ctx: Context) -> str:
    """The words of "something like X", "i liked X" when X names nothing the catalog
    knows: up to the first question word ("i liked inception what else": "inception")."""
    match = _LIKE_SPAN.search(ctx.key_outside())
    if match is None:
        return ""
    words = match.group(1).split()
    if "_" not in words and (title := title_to_the_end(words)):
        return title  # "movies like the lord of the rings": “lord of the rings”
    start = 1 if words[0] in ARTICLES else 0
    end = next((i for i in range(start, len(words)) if is_keyword(words[i])), len(words))
    named = words[:end] if end > start else []
    return "" if "_" in named else " ".join(named)


async def _like_unknown(ctx: Context, named: str) -> Answer:
    """The catalog has no film called ``named``: say so, and the titles nearest to it."""
    near = await ctx.catalog.summaries(await ctx.catalog.fuzzy_titles(named, limit=3, cutoff=60))
    suggestions = [film.label for film in near]
    text = f"I don't know a film called “{named}”, so I can't tell what is like it."
    if suggestions:
        text += f" Did you mean {join_names(suggestions)}?"
    else:
        text += ' Ask for a genre or a person instead, e.g. "a good sci-fi movie".'
    return Answer(ctx.question, [], text, kind="not_found", suggestions=suggestions)


async def _like(ctx: Context, mention: Mention) -> Answer:
    ids = {h.ref for h in mention.of_kind("film")}
    named = await _best_known_first(ctx, [f for f in await ctx.films() if f.id in ids])
    source = named[0]
    others = (
        f" ({len(named)} films are called {source.title}; this is the {source.year or 'undated'}"
        f" one: add the year for another.)"
        if len(named) > 1
        else ""
    )
    when = _when_wanted(ctx, mention, source)
    left_out = people_left_out(ctx)  # "like speed but not with keanu"
    genre = _genre_wanted(ctx, mention)  # "like jaws but funnier"
    narrowed = when is not None or bool(left_out) or genre is not None
    similar = await similar_films(
        ctx.catalog, source.id, limit=SIMILAR_POOL * (8 if narrowed else 2)
    )
    pool = [s for s in similar if s.film.confirmed and s.film.id != source.id]
    if when is not None:
        pool = [s for s in pool if s.film.year is not None and when[0](s.film.year)]
    without = ""
    if left_out:
        skipped = {f.id for f in await ctx.catalog.films_of_people(list(left_out))}
        pool = [s for s in pool if s.film.id not in skipped]
        without = f" without {join_names(list(left_out.values()))}"
    kind = ""
    if genre is not None:
        said_as = words_of_genre(genre) or (genre,)
        listed = await ctx.catalog.values_of_films([s.film.id for s in pool], "genre")
        of_genre = {i for i, g in listed if any(is_of_genre(norm(g), w) for w in said_as)}
        pool = [s for s in pool if s.film.id in of_genre]
        kind = f" {genre}"
    pool = pool[:SIMILAR_POOL]
    if not pool:
        said = f" {when[1]}" if when is not None else ""
        text = f"The catalog has no released{kind} film{said}{without} that shares much with "
        return Answer(ctx.question, [], f"{text}{source.label}.{others}")
    picks = _drawn(pool, ctx.rng)
    said = [f"{p.film.label} ({'; '.join(p.reasons[:2])})" for p in picks]
    these = f" these{kind and f'{kind} films'}{without}:" if kind or without else ""
    text = f"If you liked {source.label}, try{these} "
    text += f"{join_names(said)}.{others}"
    films = [p.film for p in picks]
    text += await merged_films_note(ctx.catalog, [source, *films])  # what they share
    return Answer(ctx.question, [f.title for f in films], text, films=films)


# "like jaws but funnier": more of a genre than the film liked, as the genre's common word
_MORE_OF = {"funnier": "funny", "scarier": "scary", "creepier": "creepy", "spookier": "spooky"}


def _genre_wanted(ctx: Context, liked: Mention) -> str | None:
    """The genre a "like X" pick asks of the films, outside X's title ("like jaws but
    funnier", "horror movies like alien", "something like heat but a comedy"), in its
    normal form."""
    outside = [t for i, t in enumerate(ctx.tokens) if i not in liked.positions]
    found = genre_words(" ".join(_MORE_OF.get(t, t) for t in outside))
    return found[0][0] if found else None


_NEWER = re.compile(r"\b(?:newer|more recent|recent|modern)\b")
_OLDER = re.compile(r"\b(?:older|old school|classic)\b")


def _when_wanted(
    ctx: Context, liked: Mention, source: FilmSummary
) -> tuple[Callable[[int], bool], str] | None:
    """What a "like X" pick asks of the films' years, outside X's title ("like jaws but
    newer", "something like alien from the 90s"): a test of a year and how to say it."""
    outside = " ".join(t for i, t in enumerate(ctx.tokens) if i not in liked.positions)
    span = year_span(outside)
    if span is not None and span.first == span.last == source.year:
        span = None  # "movies like heat 1986": the year says which Heat
    if span is not None:
        return span.years.__contains__, span.words
    if source.year is None:
        return None
    made = source.year
    if _NEWER.search(outside):
        return (lambda year: year > made), f"newer than {made}"
    if _OLDER.search(outside):
        return (lambda year: year < made), f"older than {made}"
    return None


async def _best_known_first(ctx: Context, films: list[FilmSummary]) -> list[FilmSummary]:
    """Films sharing a title, the one people most likely mean first: the most votes, then
    the best rating, then the oldest; when the catalog has neither for any of them, the
    one it knows most about (the most credits and listed values)."""
    if len(films) < 2:
        return films
    if any(f.votes or f.rating for f in films):
        return sorted(films, key=lambda f: f.renown)
    facts: dict[int, int] = {}
    for film in films:
        record = await ctx.catalog.film(film.id)
        if record is not None:
            facts[film.id] = len(record.credits) + sum(map(len, record.values.values()))
    return sorted(films, key=lambda f: -facts.get(f.id, 0))


def _drawn(pool: list[SimilarFilm], rng: random.Random) -> list[SimilarFilm]:
    """A few of the pool, the closer films likelier, in the pool's order."""
    left = list(range(len(pool)))
    chosen: list[int] = []
    while left and len(chosen) < OFFERED:
        at = rng.choices(left, weights=[pool[i].score or 0.1 for i in left])[0]
        chosen.append(at)
        left.remove(at)
    return [pool[i] for i in sorted(chosen)]


async def _why(ctx: Context, film: FilmSummary, asked: tuple[str, ...] = ()) -> str:
    """What the film is: its genres, director and leads, the people ``asked`` for first
    among them ("a movie with sigourney weaver": her, though she is billed third)."""
    record = await ctx.catalog.film(film.id)
    if record is None:
        return ""
    parts = []
    genres = [g.lower() for g in record.listed("genre")]
    if genres:
        parts.append(f"It's {join_names(genres)}")
    directors = record.names("director")
    if directors:
        parts.append(f"directed by {join_names(directors)}")
    cast = sorted(record.names("cast"), key=lambda name: name not in asked)[:2]
    if cast:
        parts.append(f"with {join_names(cast)}")
    if not parts:
        return ""
    said = ", ".join(parts)
    return f"{said[0].upper()}{said[1:]}."
