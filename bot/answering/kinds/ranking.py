"""Films in an order: "the oldest movie", "newest horror film", "the best Kubrick films",
"top 3 sci fi movies", "most popular film", "the longest movie".

Ratings, votes and running times come from the catalog when it has them; when it has none
for the films asked about, the reply says so and how it lists them instead. A person's own
first or latest film is answered by :mod:`bot.answering.kinds.people`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from bot.answering.context import Context
from bot.answering.kinds.relations import SERIES_LIMIT, read, series_of
from bot.answering.reply import (
    Answer,
    claims_note,
    film_list,
    films_found,
    join_names,
    merged_note,
)
from bot.answering.wanted import (
    Wanted,
    count_asked,
    kinds_included,
    kinds_of_genre,
    listing_order,
    order_asked,
    wanted_films,
)
from bot.store.catalog import FilmSummary, oldest_first_key
from bot.store.discovery import browse
from bot.text import norm

LISTED = 10  # films in a list when the question does not say how many
_FILMS = re.compile(r"\b(?:films?|movies?|flicks?|ones?|pictures?|anything|something)\b")
_WORDS = {"rating": "best rated", "votes": "most popular"}  # other sorts are said as named
_LACKS = {
    "rating": "no ratings",
    "votes": "no votes or other popularity figures",
    "longest": "no running times",
    "shortest": "no running times",
}


async def reply(ctx: Context) -> Answer | None:
    """Films matching the question's genre, people and years, in the order it asks for."""
    counted = _count_not_a_title(ctx)
    listing = listing_order(counted.key_outside())  # "kubrick films newest first"
    sort = listing or order_asked(counted.key_outside())
    if sort is None:
        return await _series_named(ctx) if _A_SERIES.match(ctx.key_outside()) else None
    ctx = counted
    wanted = await wanted_films(ctx, statuses=("released",))
    if wanted.films:
        if sort in ("oldest", "newest") and _FILMS.search(ctx.key_outside()):
            return await _in_series(ctx, sort)
        if sort in ("oldest", "newest") and _said_of_a_title(ctx, wanted):
            return await _fact_of_series_film(ctx, sort)
        if sort in ("oldest", "newest") and _order_before_title(ctx, wanted):
            return await _in_series(ctx, sort)  # "whats the latest avatar"
        return None
    if not (_FILMS.search(ctx.key) or wanted.genre or wanted.people):
        return None
    if (
        sort in ("oldest", "newest")
        and wanted.people
        and not (wanted.genre or wanted.span or listing)
    ):
        return None  # a person's first or latest film
    many = count_asked(ctx.key_outside()) or (LISTED if wanted.plural or listing else 1)
    # "top 3 comedies": of the genre's kinds too (romantic comedies), said so
    kinds = (
        []
        if wanted.more_genres or not wanted.genre
        else await kinds_of_genre(ctx.catalog, wanted.genre)
    )
    films, total, included = await _in_sort_order(ctx, wanted, kinds, sort, max(many, 3))
    if not films:
        return Answer(ctx.question, [], f"The catalog has no released {wanted.describe()}.")
    ranked = _Ranked(wanted, kinds, included)
    if sort in _LACKS:
        answer = await _by_measure(ctx, ranked, sort, films, many, total)
        named = answer.films
    else:
        answer, named = _in_order(ctx, ranked, sort, films, many), films
    answer.text += await merged_note(ctx.catalog, named, wanted.people)
    return answer


@dataclass(frozen=True)
class _Ranked:
    """The films a ranking is of: those ``wanted`` asks for and of the ``kinds`` of its
    genre, and how they are said ("comedy films, romantic comedies included")."""

    wanted: Wanted
    kinds: list[str]
    included: list[str]  # the kinds that add films

    @property
    def described(self) -> str:
        return self.wanted.describe() + kinds_included(self.included)

    @property
    def in_the_catalog(self) -> str:
        """``comedy films, romantic comedies included, in the catalog``."""
        return self.described + ("," if self.included else "") + " in the catalog"


async def _in_sort_order(
    ctx: Context, wanted: Wanted, kinds: list[str], sort: str, limit: int
) -> tuple[list[FilmSummary], int | None, list[str]]:
    """The first ``limit`` films ``wanted`` asks for or of a kind of its genre, in ``sort``
    order; how many there are (None when films of several genres may be counted twice);
    and the kinds that add films."""
    page = await browse(ctx.catalog, wanted.query, sort=sort, limit=limit)
    if not kinds:
        return page.films, page.total, []
    films = {f.id: f for f in page.films}
    whole, total, included = page.total == len(page.films), page.total, []
    for kind in kinds:
        more = await browse(ctx.catalog, replace(wanted.query, genre=kind), sort=sort, limit=limit)
        added = [f for f in more.films if f.id not in films]
        if added or more.total > len(more.films):
            included.append(kind)
        films.update((f.id, f) for f in added)
        whole, total = whole and more.total == len(more.films), total + more.total
    if sort in ("longest", "shortest"):
        minutes = {i: await _measure(ctx, f, sort) for i, f in films.items()}
        sign = -1 if sort == "longest" else 1
        ordered = sorted(films.values(), key=lambda f: _last_if_none(minutes[f.id], sign))
    else:
        ordered = sorted(films.values(), key=_SORT_KEYS[sort])
    return ordered[:limit], len(films) if whole else None, included


def _last_if_none(value: float | int | None, sign: int) -> tuple[bool, float]:
    return value is None, sign * (value or 0)


# How browse orders films (``discovery.SORTS``), for films of several genres put together
_SORT_KEYS: dict[str, Callable[[FilmSummary], tuple]] = {
    "newest": lambda f: (f.year is None, -(f.year or 0), -f.id),
    "oldest": lambda f: (f.year is None, f.year or 0, f.id),
    "title": lambda f: (norm(f.title), f.year or 0, f.id),
    "rating": lambda f: (*_last_if_none(f.rating, -1), -(f.votes or 0)),
    "votes": lambda f: (*_last_if_none(f.votes, -1), -(f.rating or 0)),
}


def _count_not_a_title(ctx: Context) -> Context:
    """The question without a film named by how many films it asks for: in "top 10
    comedies" or "10 best westerns" the number is a count, not the film *10*, and in "top 5
    horror movies" the words are a count, not the film *Top Five*."""
    tokens = ctx.tokens

    def is_count(start: int, end: int) -> bool:
        if end - start > 1:  # the whole name a count, with the films it counts after it
            return end < len(tokens) and count_asked(" ".join(tokens[start:end])) is not None
        around = " ".join(tokens[max(0, start - 1) : end + 1])
        return count_asked(around) is not None

    kept = [m for m in ctx.mentions if not is_count(m.start, m.end)]
    return ctx if len(kept) == len(ctx.mentions) else replace(ctx, mentions=kept)


def _in_order(
    ctx: Context, ranked: _Ranked, sort: str, films: list[FilmSummary], many: int
) -> Answer:
    shown = films[:many]
    described = ranked.described
    if many == 1:
        said = _WORDS.get(sort, sort)
        text = f"The {said} of the {ranked.in_the_catalog} is {shown[0].label}."
        if len(films) > 1:
            text += f" Then come {film_list(films[1:])}."
    else:
        text = f"{described[0].upper()}{described[1:]}, {sort} first: {film_list(shown)}."
    return Answer(ctx.question, [f.title for f in shown], text + claims_note(shown), films=shown)


async def _by_measure(
    ctx: Context,
    ranked: _Ranked,
    sort: str,
    films: list[FilmSummary],
    many: int,
    total: int | None,
) -> Answer:
    """Films ranked by rating, votes or running time, for as many as the catalog has it."""
    measured = [(f, value) for f in films if (value := await _measure(ctx, f, sort)) is not None]
    described = ranked.described
    if not measured:
        which = "any of its films" if described == "films" else f"the {described}"
        text = f"The catalog has {_LACKS[sort]} for {which}, so it cannot rank them that way"
        if many == 1 and described == "films":
            return Answer(ctx.question, [], f"{text}.")
        limit = LISTED if many == 1 else many
        shown, _, _ = await _in_sort_order(ctx, ranked.wanted, ranked.kinds, "oldest", limit)
        text += f"; here they are by year: {film_list(shown)}."
        return Answer(ctx.question, [f.title for f in shown], text, films=shown)
    shown = [f for f, _ in measured[:many]]
    said = join_names([f"{f.label}, {_said(sort, value)}" for f, value in measured[:many]])
    text = f"The {_WORDS.get(sort, sort)} of the {ranked.in_the_catalog}: {said}."
    if len(measured) < len(films):  # the films that have the measure come first
        have = _LACKS[sort].removeprefix("no ")
        these = f"these {total} films" if total is not None else "them"
        text += f" The catalog has {have} for only {len(measured)} of {these}."
    return Answer(ctx.question, [f.title for f in shown], text + claims_note(shown), films=shown)


async def _measure(ctx: Context, film: FilmSummary, sort: str) -> float | int | None:
    if sort == "rating":
        return film.rating
    if sort == "votes":
        return film.votes
    record = await ctx.catalog.film(film.id)
    return record.runtime_minutes if record is not None else None


def _said(sort: str, value: float | int) -> str:
    if sort == "rating":
        return f"rated {value}"
    if sort == "votes":
        return f"{value:,} votes"
    return f"{value} minutes"


async def _in_series(ctx: Context, sort: str) -> Answer | None:
    """The first or latest released film of the series a named film belongs to ("the newest
    avatar movie", "the first terminator film"), through what each film follows."""
    picked = await _series_pick(ctx, sort)
    if picked is None:
        return None
    film, series = picked
    which = "first" if sort == "oldest" else "latest released"
    text = f"The {which} film of the series in the catalog is {film.label}: {film_list(series)}."
    text += claims_note(series)
    return Answer(ctx.question, [film.title], text, films=[film])


async def _series_pick(ctx: Context, sort: str) -> tuple[FilmSummary, list[FilmSummary]] | None:
    """The first or latest released film of the named film's series, and the series."""
    named = await ctx.films()
    if not named:
        return None
    series = await series_of(ctx, named[0].slug)
    released = [f for f in series if f.confirmed and f.year is not None]
    if len(series) < 2 or not released:
        return None
    return (released[0] if sort == "oldest" else released[-1]), series


# "avatar movies", "the terminator films", "all the godfather movies": a title, then films
# "avatar movies", "list all the alien films", "what are the terminator movies in order",
# "what order should i watch the alien movies in": the series, oldest first
_A_SERIES = re.compile(
    r"^(?:(?:list|show me|name|what are|whats|(?:in )?what order (?:should i|do i|to) watch)"
    r"(?: all)? )?(?:all )?(?:the )?_(?: _)* (?:films|movies|series|franchise)"
    r"(?: in (?:order|release order|order of release))?(?: in)?$"
)


async def _series_named(ctx: Context) -> Answer | None:
    """The films of a named film's series ("avatar movies"), else of the tag that has the
    title's name ("batman movies", where a catalog's tags name series)."""
    named = [m for m in ctx.mentions if ctx.topic_kind(m) == "film"]
    if len(ctx.mentions) != 1 or not named:
        return None  # "war movies": the genre, not the film War's series
    films = await ctx.films()
    series = await series_of(ctx, films[0].slug) if films else []
    what = f"films of the {series[0].title.removeprefix('The ')} series" if series else ""
    if len(series) < 2:
        tags = named[0].of_kind("tag")
        series = await ctx.catalog.films_with_value("tag", tags[0].norm) if tags else []
        series = sorted(series, key=oldest_first_key)
        what = f"films about {tags[0].display}" if tags else ""
    if len(series) < 2:
        return await _no_series(ctx, films)
    return Answer(ctx.question, [f.title for f in series], films_found(what, series), films=series)


async def _no_series(ctx: Context, films: list[FilmSummary]) -> Answer | None:
    """ "the toy story movies in order" where the catalog records no sequel or prequel of
    the one Toy Story: said so, with the films whose titles begin with its title, if any
    (never called its sequels)."""
    if len(films) != 1:
        return None
    film = films[0]
    key = f"{norm(film.title)} "
    alike = [
        f
        for f in await ctx.catalog.complete_titles(film.title, SERIES_LIMIT)
        if norm(f.title).startswith(key)
    ]
    if not alike:
        text = (
            f"The catalog has only {film.label} of that name, and records no sequel or "
            "prequel of it."
        )
        return Answer(ctx.question, [film.title], text, films=[film])
    shown = sorted([film, *alike], key=oldest_first_key)
    text = (
        f"The catalog records no sequel or prequel of {film.label}; the films whose titles "
        f"begin with {film.title}: {film_list(shown)}."
    )
    return Answer(ctx.question, [f.title for f in shown], text, films=shown)


_ORDER_WORDS = frozenset("first original new newest latest last recent".split())


def _order_before_title(ctx: Context, wanted: Wanted) -> bool:
    """Whether an order word comes just before the one title named ("the latest avatar")."""
    if len(wanted.films) != 1:
        return False
    start = wanted.films[0].start
    return start > 0 and ctx.tokens[start - 1] in _ORDER_WORDS


def _said_of_a_title(ctx: Context, wanted: Wanted) -> bool:
    """Whether an order word comes just before the one title named, and a fact of a film is
    asked ("who's in the new avatar", "who directed the first terminator")."""
    return ctx.relation() is not None and _order_before_title(ctx, wanted)


async def _fact_of_series_film(ctx: Context, sort: str) -> Answer | None:
    """The fact asked of the first or latest released film of a named film's series."""
    relation = ctx.relation()
    picked = await _series_pick(ctx, sort) if relation is not None else None
    if relation is None or picked is None:
        return None
    film, series = picked
    record = await ctx.catalog.film(film.id)
    if record is None:
        return None
    values, sentence = read(record, relation)
    which = "first" if sort == "oldest" else "latest released"
    text = f"The {which} film of the series in the catalog is {film.label}. {sentence}"
    later = [f for f in series[series.index(film) + 1 :] if not f.confirmed]
    if sort == "newest" and later:
        their = "their" if len(later) > 1 else "its"
        text += f" Not released yet: {film_list(later)}; {their} facts are claims."
    return Answer(ctx.question, values, text, films=[film])
