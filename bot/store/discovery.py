"""Finding films to watch: browse by genre, years, person and status; pick at random; find
films like one. Discord-free: the cogs, the console and the answering engine call these.

The API:

- :class:`FilmQuery` says which films (genre, years, person and role, statuses, tag); an
  empty query is every film.
- :func:`parse_years` reads ``1999``, ``1990s``, ``90s``, ``the nineties``, ``1990-1999``.
- :func:`browse` returns one :class:`FilmPage` of a query in a sort of :data:`SORTS`, with
  the total count.
- :func:`random_films` picks films at random (an injectable ``random.Random``), never one of
  ``exclude``; an empty list means the pool is used up.
- :func:`similar_films` ranks the films that share the most with one film, each with its
  reasons ("same director: Michael Mann").
- :func:`genre_names`, :func:`nearest_genres` and :func:`nearest_people` offer the names a
  filter can take (for autocomplete, and for "nothing found, did you mean …").
- :func:`query_from_options` turns what a member or the console typed into a query,
  :func:`nothing_found` words an empty result, :func:`film_line` one film of a list.

- :func:`warm` prepares the per-catalog counts; the live store calls it after each swap.

No call loads the whole catalog to show a page: a page walks an index in the sort order
(a genre's films by year along the values index, which carries each film's year) and stops
after it, or, when the narrowest filter's films are fewer than the walk would read, takes
just those: their ids from the store, the films from the catalog's film shelf in memory,
ordered there (or, before the shelf is built, the films' rows fetched and sorted by the
store). Totals come from per-catalog counts by genre, year and status, built once per
catalog (it never changes). A random pick jumps to a random film id and takes the next
match, so films after a long stretch without matches come up a little more often.
"""

from __future__ import annotations

import asyncio
import heapq
import json
import random
import re
import sqlite3
import weakref
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import compress
from operator import itemgetter
from typing import NamedTuple

from rapidfuzz import fuzz, process

from bot.catalog.schema import STATUSES
from bot.store.catalog import SUMMARY_COLUMNS, Catalog, FilmRecord, FilmSummary
from bot.store.rows import key_of

FIRST_YEAR, LAST_YEAR = 1870, 2100
PAGE_SIZE = 10
# A tag with fewer films than this may drive a search (counting further is not worth it).
SMALL_SET = 2000
# How many rows of an index walk cost as much as one row fetched by id and sorted.
WALK_COST = 1.0
# What a film listed from memory (its id read, tested and ordered) costs, in rows fetched
# by id and sorted; and what listing costs whatever the films (a trip for the ids).
LIST_COST = 0.5
LIST_START_COST = 100


# --- years -------------------------------------------------------------------------------


class FilterError(ValueError):
    """A filter the catalog cannot take as typed; the message is for the user."""


class YearsError(FilterError):
    """A text that is not a year, a decade or a range of years."""


@dataclass(frozen=True, slots=True)
class Years:
    """An inclusive range of years."""

    first: int
    last: int

    def __str__(self) -> str:
        if self.first == self.last:
            return str(self.first)
        if self.first % 10 == 0 and self.last == self.first + 9:
            return f"the {self.first}s"
        return f"{self.first}–{self.last}"

    def __contains__(self, year: object) -> bool:
        return isinstance(year, int) and self.first <= year <= self.last


_DECADE_WORDS = {
    "noughties": 2000,
    "aughts": 2000,
    "twenties": 1920,
    "thirties": 1930,
    "forties": 1940,
    "fifties": 1950,
    "sixties": 1960,
    "seventies": 1970,
    "eighties": 1980,
    "nineties": 1990,
}
_YEAR = re.compile(r"(\d{4})")
_DECADE = re.compile(r"(\d{4})s|'?(\d0)s")
_RANGE = re.compile(r"(\d{4})\s*(?:-|–|—|to|until)\s*(\d{4}|\d{2})")
YEARS_HELP = "a year (1999), a decade (1990s, 90s, the nineties) or a range (1990-1999)"


def parse_years(text: str) -> Years:
    """``1999``, ``1990s``, ``90s``, ``the nineties``, ``1990-1999`` (or ``1990-99``) → Years.

    Two-digit decades are of the 1900s but for ``00s`` and ``10s``. Raises
    :class:`YearsError` with a message for the user for anything else.
    """
    raw = text.strip()
    key = re.sub(r"^(the|in the|in)\s+", "", raw.lower()).strip()
    years: Years | None = None
    if match := _RANGE.fullmatch(key):
        first, end = int(match.group(1)), match.group(2)
        last = int(end) if len(end) == 4 else first // 100 * 100 + int(end)
        years = Years(first, last)
    elif match := _YEAR.fullmatch(key):
        years = Years(int(key), int(key))
    elif match := _DECADE.fullmatch(key):
        if match.group(1):
            start = int(match.group(1))
            if start % 10:
                raise YearsError(
                    f"'{raw}' is not a decade: decades start at a round year, as 1990s"
                )
        else:
            tens = int(match.group(2))
            start = (2000 if tens < 20 else 1900) + tens
        years = Years(start, start + 9)
    elif key in _DECADE_WORDS:
        years = Years(_DECADE_WORDS[key], _DECADE_WORDS[key] + 9)
    if years is None:
        raise YearsError(f"'{raw[:40]}' is not {YEARS_HELP}")
    if years.first > years.last:
        raise YearsError(f"'{raw}' ends before it starts: write the earlier year first")
    if years.first < FIRST_YEAR or years.last > LAST_YEAR:
        raise YearsError(f"'{raw}' is outside {FIRST_YEAR}–{LAST_YEAR}")
    return years


@dataclass(frozen=True, slots=True)
class Minutes:
    """An inclusive range of running times, in minutes."""

    first: int
    last: int

    def __str__(self) -> str:
        if self.first <= 0:
            return f"under {self.last + 1} minutes"
        if self.last >= MOST_MINUTES:
            return f"over {self.first - 1} minutes"
        return f"{self.first}–{self.last} minutes"


MOST_MINUTES = 100_000  # a running time no film has: an open upper end


# --- queries -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FilmQuery:
    """Which films: every given filter must hold; an empty query is every film.

    ``genre`` and ``tag`` match a film's genres and tags by their normal form
    ("science fiction" finds "Science Fiction"). ``person`` is a name (or alias) matched the
    same way, or give ``person_ids``; ``role`` (director, writer, producer, composer, cast)
    narrows the credit. ``statuses`` empty means any status.
    """

    genre: str | None = None
    years: Years | None = None
    person: str | None = None
    person_ids: tuple[int, ...] = ()
    role: str | None = None
    statuses: tuple[str, ...] = ()
    tag: str | None = None
    language: str | None = None  # a language the film is in, matched like ``genre``
    also_genres: tuple[str, ...] = ()  # genres the film has too, beside ``genre``
    # each of these groups of people ids credited too (one of each group), in ``role``
    every_of: tuple[tuple[int, ...], ...] = ()
    without_ids: tuple[int, ...] = ()  # none of these people credited, in any role
    without_language: str | None = None  # a language the film is not in ("not in english")
    country: str | None = None  # a country the film is from, matched like ``genre``
    minutes: Minutes | None = None  # the film's running time is in this range
    without_films: tuple[int, ...] = ()  # none of these films

    def describe(self) -> str:
        """The filters in words: ``genre drama, the 1990s, with Tom Hanks, status rumored``."""
        parts = []
        if self.genre:
            parts.append(f"genre {' and '.join((self.genre, *self.also_genres))}")
        if self.tag:
            parts.append(f"tag {self.tag}")
        if self.country:
            parts.append(f"from {self.country}")
        if self.years:
            parts.append(str(self.years))
        if self.minutes:
            parts.append(str(self.minutes))
        if self.person:
            parts.append(f"{self.role or 'with'} {self.person}")
        if self.statuses and set(self.statuses) != set(STATUSES):
            parts.append("status " + " or ".join(self.statuses))
        return ", ".join(parts) or "every film"


def _newest_key(film: FilmSummary, title: str = "") -> tuple:
    return (film.year is None, -(film.year or 0), -film.id)


def _oldest_key(film: FilmSummary, title: str = "") -> tuple:
    return (film.year is None, film.year or 0, film.id)


def _title_key(film: FilmSummary, title: str) -> tuple:
    return (title, film.year is not None, film.year or 0, film.id)


def _rating_key(film: FilmSummary, title: str = "") -> tuple:
    return _best_first(film.rating, film.votes, film)


def _votes_key(film: FilmSummary, title: str = "") -> tuple:
    return _best_first(film.votes, film.rating, film)


def _best_first(value: float | None, tie: float | None, film: FilmSummary) -> tuple:
    """Highest ``value`` first, then highest ``tie``; films without a value after, newest
    first (as those without ``tie``)."""
    if value is None:
        return (True, 0, False, 0, *_newest_key(film))
    return (False, -value, tie is None, -(tie or 0), *_newest_key(film))


class Sort(NamedTuple):
    """How a sort orders films: ``column`` (films that have it first), then ``then``."""

    column: str | None
    order: str  # ORDER BY over films aliased f
    index: str  # the index walked for this order
    then: str = "f.year DESC, f.id DESC"  # films without ``column``: newest first
    by_value_year: str | None = None  # the same order along a genre's values, by year
    # ``order`` in one ORDER BY with the films lacking ``column`` (which tie in it)
    with_lacking: str | None = None
    # the same order of films in memory, by a film and its stored title key (``norm``)
    key: Callable[[FilmSummary, str], tuple] | None = None


SORTS: dict[str, Sort] = {
    "newest": Sort(
        None,
        "f.year DESC, f.id DESC",
        "films_year",
        by_value_year="v.year DESC, v.film_id DESC",
        key=_newest_key,
    ),
    "oldest": Sort(
        None,
        "f.year ASC NULLS LAST, f.id",
        "films_year",
        by_value_year="v.year NULLS LAST, v.film_id",
        key=_oldest_key,
    ),
    "title": Sort(None, "f.norm, f.year, f.id", "films_norm", key=_title_key),
    "rating": Sort(
        "rating",
        "f.rating DESC, f.votes DESC",
        "films_rating",
        with_lacking="f.rating DESC, CASE WHEN f.rating IS NOT NULL THEN f.votes END DESC",
        key=_rating_key,
    ),
    "votes": Sort(
        "votes",
        "f.votes DESC, f.rating DESC",
        "films_votes",
        with_lacking="f.votes DESC, CASE WHEN f.votes IS NOT NULL THEN f.rating END DESC",
        key=_votes_key,
    ),
    "longest": Sort("runtime_minutes", "f.runtime_minutes DESC", "films_runtime"),
    "shortest": Sort("runtime_minutes", "f.runtime_minutes ASC", "films_runtime"),
}
"""``newest`` (the default), ``oldest``, ``title``, ``rating`` (best first), ``votes`` (most
popular), ``longest`` and ``shortest`` (runtime). Films without a rating, votes or runtime
come after those that have one, newest first."""

_SUMMARY = "f.id, f.slug, f.title, f.year, f.status, f.rating, f.votes"


@dataclass(frozen=True)
class FilmPage:
    """One page of a query's films, with the total and each film's directors."""

    films: list[FilmSummary]
    total: int
    offset: int
    limit: int
    directors: dict[int, tuple[str, ...]] = field(default_factory=dict)

    @property
    def page(self) -> int:
        """This page's number, from 1."""
        return self.offset // self.limit + 1 if self.limit else 1

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.limit)) if self.limit else 1


class _Condition(NamedTuple):
    """One filter on films ``f``; ``ids`` (when set) selects the same films by an index,
    and ``size`` is how many films that holds."""

    test: str
    params: list[object]
    ids: str | None = None
    size: int = 0
    ids_params: list[object] | None = None  # when ``ids`` takes others than ``test``
    by_year: str | None = None  # FROM … WHERE that walks the same films in year order
    holds: Callable[[FilmSummary], bool] | None = None  # the same test on a film in memory


class _Filter(NamedTuple):
    conditions: list[_Condition]
    driver: _Condition | None  # the narrowest condition that can list its films
    years_size: int | None  # films in the query's years, when it has years

    @property
    def driver_size(self) -> int:
        return self.driver.size if self.driver else 0


async def browse(
    catalog: Catalog,
    query: FilmQuery | None = None,
    sort: str = "newest",
    limit: int = PAGE_SIZE,
    offset: int = 0,
) -> FilmPage:
    """One page of the films ``query`` matches, in ``sort`` order (see :data:`SORTS`)."""
    if sort not in SORTS:
        raise ValueError(f"unknown sort {sort!r}: one of {', '.join(SORTS)}")
    query = query or FilmQuery()
    limit, offset = max(0, limit), max(0, offset)
    flt = await _filter(catalog, query)
    order = SORTS[sort]
    total = await _count(catalog, query, flt) if flt.driver_size else None
    listed = await _listed(catalog, flt, order, offset + limit, total)
    if listed is not None:
        total, films = listed[0], listed[1][offset:]
    else:
        total = await _count(catalog, query, flt) if total is None else total
        if total == 0 or offset >= total or limit == 0:
            return FilmPage([], total, offset, limit)
        rows = await _page_rows(catalog, flt, order, limit, offset, total)
        films = [FilmSummary(*r[:SUMMARY_COLUMNS]) for r in rows]
    if not films or limit == 0:
        return FilmPage([], total, offset, limit)
    directors: dict[int, list[str]] = {f.id: [] for f in films}
    for film_id, _, name in await catalog.people_of_films(list(directors), "director"):
        directors[film_id].append(name)
    return FilmPage(films, total, offset, limit, {k: tuple(v) for k, v in directors.items()})


async def count_films(catalog: Catalog, query: FilmQuery | None = None) -> int:
    """How many films ``query`` matches."""
    query = query or FilmQuery()
    return await _count(catalog, query, await _filter(catalog, query))


async def _filter(catalog: Catalog, query: FilmQuery) -> _Filter:
    """The query as conditions on films ``f``; the narrowest of them can drive the search."""
    facets = await _facets(catalog)
    conditions: list[_Condition] = []
    if span := query.years:
        conditions.append(
            _Condition(
                "f.year BETWEEN ? AND ?",
                [span.first, span.last],
                "SELECT id FROM films WHERE year BETWEEN ? AND ?",
                facets.count(FilmQuery(years=span)),
                holds=lambda film: film.year in span,
            )
        )
    valued = [("genre", query.genre), *(("genre", g) for g in query.also_genres)]
    others = [("tag", query.tag), ("language", query.language), ("country", query.country)]
    for kind, value in [*valued, *others]:
        if value:
            # a film's values carry its year: the films of a genre and years are one range
            # of the values index, in year order
            within = [kind, key_of(value)]
            years = ""
            if query.years:
                years = " AND year BETWEEN ? AND ?"
                within += [query.years.first, query.years.last]
            if kind == "genre":
                size = facets.count(FilmQuery(genre=value, years=query.years))
            else:
                size = await _bounded_count(catalog, within, years, SMALL_SET)
            conditions.append(
                _Condition(
                    "EXISTS (SELECT 1 FROM film_values v WHERE v.film_id = f.id "
                    "AND v.kind = ? AND v.norm = ?)",
                    [kind, key_of(value)],
                    f"SELECT film_id FROM film_values WHERE kind = ? AND norm = ?{years}",
                    size,
                    within,
                    "film_values v CROSS JOIN films f ON f.id = v.film_id "
                    f"WHERE v.kind = ? AND v.norm = ?{years.replace('year', 'v.year')}",
                )
            )
    people = await _person_ids(catalog, query)
    # "with Tom Hanks" (any of the people found by the name); "with Tom Hanks and Meg
    # Ryan": one condition for each of them
    for group in ([people] if people is not None else []) + list(query.every_of):
        conditions.append(_credited(group, query.role))
    if query.without_ids:
        marks = ",".join("?" * len(query.without_ids))
        conditions.append(
            _Condition(
                f"NOT EXISTS (SELECT 1 FROM credits c WHERE c.film_id = f.id "
                f"AND c.person_id IN ({marks}))",
                list(query.without_ids),
            )
        )
    if query.without_language:  # of the films whose languages are known, not in it
        conditions.append(
            _Condition(
                "EXISTS (SELECT 1 FROM film_values v WHERE v.film_id = f.id "
                "AND v.kind = 'language') AND NOT EXISTS (SELECT 1 FROM film_values v "
                "WHERE v.film_id = f.id AND v.kind = 'language' AND v.norm = ?)",
                [key_of(query.without_language)],
            )
        )
    if query.minutes:  # the films with a running time are in the runtime index, by it
        within = [query.minutes.first, query.minutes.last]
        ids = "SELECT id FROM films WHERE runtime_minutes BETWEEN ? AND ?"
        size = await catalog.select(f"SELECT count(*) FROM ({ids} LIMIT ?)", [*within, SMALL_SET])
        conditions.append(
            _Condition("f.runtime_minutes BETWEEN ? AND ?", within, ids, int(size[0][0]))
        )
    if query.without_films:
        left = frozenset(query.without_films)
        conditions.append(
            _Condition(
                f"f.id NOT IN ({','.join('?' * len(left))})",
                list(left),
                holds=lambda film: film.id not in left,
            )
        )
    if query.statuses:  # tested last: a walk tests the others from its index, this one
        conditions.append(_status_condition(query.statuses, facets))  # from the film's row
    drivers = [c for c in conditions if c.ids is not None]
    driver = min(drivers, key=lambda c: c.size) if drivers else None
    years_size = conditions[0].size if query.years else None
    return _Filter(conditions, driver, years_size)


def _credited(people: Sequence[int], role: str | None) -> _Condition:
    """Films crediting one of ``people`` (in ``role``, if given)."""
    marks = ",".join("?" * len(people)) or "NULL"
    role_is = " AND c.role = ?" if role else ""
    return _Condition(
        f"EXISTS (SELECT 1 FROM credits c WHERE c.film_id = f.id "
        f"AND c.person_id IN ({marks}){role_is})",
        [*people, *([role] if role else [])],
        f"SELECT film_id FROM credits c WHERE c.person_id IN ({marks}){role_is}",
        0,  # a person's films are few
    )


def _status_condition(statuses: tuple[str, ...], facets: _Facets) -> _Condition:
    marks = ",".join("?" * len(statuses))
    ids = None
    if "released" not in statuses:  # the unreleased few have their own index
        ids = f"SELECT id FROM films WHERE status != 'released' AND status IN ({marks})"
    return _Condition(
        f"f.status IN ({marks})",
        list(statuses),
        ids,
        facets.count(FilmQuery(statuses=statuses)),
        holds=lambda film: film.status in statuses,
    )


async def _person_ids(catalog: Catalog, query: FilmQuery) -> list[int] | None:
    if query.person_ids:
        return list(query.person_ids)
    if query.person:
        return await catalog.people_named(query.person)
    return None


async def _bounded_count(catalog: Catalog, within: list[object], years: str, limit: int) -> int:
    """How many films have the value (in the years), counting no further than ``limit``."""
    rows = await catalog.select(
        "SELECT count(*) FROM (SELECT 1 FROM film_values WHERE kind = ? AND norm = ?"
        f"{years} LIMIT ?)",
        (*within, limit),
    )
    return int(rows[0][0])


async def _count(catalog: Catalog, query: FilmQuery, flt: _Filter) -> int:
    if not (
        query.tag
        or query.person
        or query.person_ids
        or query.every_of
        or query.without_ids
        or query.language
        or query.without_language
        or query.also_genres
        or query.country
        or query.minutes
        or query.without_films
    ):
        return (await _facets(catalog)).count(query)
    driven = flt.driver is not None  # counting visits every match: start from the fewest
    rows = await catalog.select(
        "SELECT count(*) FROM films f" + _where(flt, driven=driven), _params(flt, driven=driven)
    )
    return int(rows[0][0])


def _where(
    flt: _Filter,
    *,
    driven: bool,
    extra: Sequence[str] = (),
    skip: _Condition | None = None,
    joiner: str = " WHERE ",
) -> str:
    """The WHERE clause; ``driven`` starts from the narrowest condition's own index;
    ``skip`` leaves out a condition the FROM clause already applies."""
    tests = [
        f"f.id IN ({c.ids})" if driven and c is flt.driver else c.test
        for c in flt.conditions
        if c is not skip
    ]
    tests += extra
    return joiner + " AND ".join(tests) if tests else ""


def _params(flt: _Filter, *, driven: bool = False, skip: _Condition | None = None) -> list[object]:
    """The parameters of :func:`_where`'s clause, in order."""
    params: list[object] = []
    for c in flt.conditions:
        if c is skip:
            continue
        params += (c.ids_params or c.params) if driven and c is flt.driver else c.params
    return params


async def _page_rows(
    catalog: Catalog, flt: _Filter, sort: Sort, limit: int, offset: int, total: int
) -> list[tuple]:
    # Walking an index in sort order visits about films/total rows per match shown: cheap
    # when matches are common. When the narrowest filter holds few films, fetching and
    # sorting those is cheaper.
    driven = await _driven(catalog, flt, total, offset + limit, sort)
    walk = _year_walk(flt, sort)
    if walk is not None and not (driven and flt.driver is not walk):
        return await _walk_by_year(catalog, flt, walk, sort, limit, offset)
    params = _params(flt, driven=driven)
    if sort.column is None or driven:
        # few films: one sort, those without the sort's value last
        order = sort.order
        if sort.column is not None:
            order = f"f.{sort.column} IS NULL, {sort.with_lacking or sort.order}, {sort.then}"
        sql = f"SELECT {_SUMMARY} FROM films f {_indexed(sort.index, driven)}"
        sql += _where(flt, driven=driven) + f" ORDER BY {order} LIMIT ? OFFSET ?"
        return await catalog.select(sql, [*params, limit, offset])
    # many: the films that have the sort's value, walked by its index; then the others,
    # newest first (a partial index holds only the films that have the value)
    have = (
        f"SELECT * FROM (SELECT {_SUMMARY} FROM films f INDEXED BY {sort.index}"
        f"{_where(flt, driven=False, extra=[f'f.{sort.column} IS NOT NULL'])} "
        f"ORDER BY {sort.order}, {sort.then})"
    )
    lacking = f"f.{sort.column} IS NULL"
    walk = _year_walk(flt, SORTS["newest"])
    if walk is not None:  # the others along their genre's values, by year
        lack = (
            f"SELECT * FROM (SELECT {_SUMMARY} FROM {walk.by_year}"
            f"{_where(flt, driven=False, skip=walk, extra=[lacking], joiner=' AND ')} "
            f"ORDER BY {SORTS['newest'].by_value_year})"
        )
        lack_params = [*(walk.ids_params or walk.params), *_params(flt, skip=walk)]
    else:
        lack = (
            f"SELECT * FROM (SELECT {_SUMMARY} FROM films f INDEXED BY films_year"
            f"{_where(flt, driven=False, extra=[lacking])} ORDER BY {sort.then})"
        )
        lack_params = params
    return await catalog.select(
        f"{have} UNION ALL {lack} LIMIT ? OFFSET ?", [*params, *lack_params, limit, offset]
    )


async def _listed(
    catalog: Catalog, flt: _Filter, sort: Sort, wanted: int, total: int | None
) -> tuple[int, list[FilmSummary]] | None:
    """How many films match and the first ``wanted`` of them in order, from the driver's
    film ids and the films in memory, when that is cheaper than walking an index (None
    when it is not, or the films are not in memory)."""
    driver = flt.driver
    if driver is None or driver.ids is None or sort.key is None:
        return None
    tests = [c.holds for c in flt.conditions if c is not driver]
    if None in tests or _year_walk(flt, sort) is driver:  # a walk reads just the page
        return None
    if total is not None and not await _driven(
        catalog, flt, total, wanted, sort, LIST_COST, LIST_START_COST
    ):
        return None
    # the ids as one JSON list: quicker to read than a row each
    sql = f"WITH driver(id) AS ({driver.ids}) SELECT json_group_array(id) FROM driver"
    rows = await catalog.select(sql, driver.ids_params or driver.params)
    films = catalog.remembered(json.loads(rows[0][0]))
    if films is None:
        return None
    for test in tests:
        films = list(filter(test, films))
    return len(films), _first(catalog, films, sort, wanted)


def _first(
    catalog: Catalog, films: list[FilmSummary], sort: Sort, wanted: int
) -> list[FilmSummary]:
    """The first ``wanted`` of ``films`` in ``sort`` order."""
    if sort.key is _title_key:
        titles = catalog.sort_titles(films)
        if 0 < wanted < len(films):  # only the films up to the wanted-th title need ordering
            last = heapq.nsmallest(wanted, titles)[-1]
            kept = [title <= last for title in titles]
            films, titles = list(compress(films, kept)), list(compress(titles, kept))
    else:
        titles = [""] * len(films)
    # The indexes give films oldest first: taken newest first, an order by newest (that
    # of the films without a rating or votes too) seldom changes the heap's top.
    keys = map(sort.key, reversed(films), reversed(titles))
    ranked = heapq.nsmallest(wanted, zip(keys, reversed(films), strict=True))
    return list(map(itemgetter(1), ranked))


def _year_walk(flt: _Filter, sort: Sort) -> _Condition | None:
    """For newest or oldest first, the narrowest genre or tag, whose films can be walked in
    year order along the values index (so a page reads about as many rows as it shows)."""
    if sort.by_value_year is None:
        return None
    walks = [c for c in flt.conditions if c.by_year is not None]
    return min(walks, key=lambda c: c.size) if walks else None


async def _walk_by_year(
    catalog: Catalog, flt: _Filter, walk: _Condition, sort: Sort, limit: int, offset: int
) -> list[tuple]:
    sql = f"SELECT {_SUMMARY} FROM {walk.by_year}"
    sql += _where(flt, driven=False, skip=walk, joiner=" AND ")
    sql += f" ORDER BY {sort.by_value_year} LIMIT ? OFFSET ?"
    params = [*(walk.ids_params or walk.params), *_params(flt, skip=walk), limit, offset]
    return await catalog.select(sql, params)


async def _driven(
    catalog: Catalog,
    flt: _Filter,
    total: int,
    wanted: int,
    sort: Sort | None = None,
    row_cost: float = 1.0,
    start_cost: float = 0.0,
) -> bool:
    """Whether to start from the narrowest filter's films rather than walk an index, when
    starting from them costs ``row_cost`` a film (of a film fetched by id and sorted) and
    ``start_cost`` more."""
    if flt.driver is None:
        return False
    walk_cost = await _walk_cost(catalog, flt, total, wanted, sort or SORTS["oldest"])
    return flt.driver_size * row_cost + start_cost <= walk_cost * WALK_COST


async def _walk_cost(catalog: Catalog, flt: _Filter, total: int, wanted: int, sort: Sort) -> float:
    """About how many rows a walk in ``sort`` order reads to find ``wanted`` matches."""
    # A walk reads about domain/total rows per match it keeps, where the domain is what
    # the walked index covers (a genre's films, or the query's years, when walking by
    # year); starting from the driver reads each of the driver's films once, and sorts them.
    domain = (await _facets(catalog)).films
    walk = _year_walk(flt, sort)
    if walk is not None:
        domain = walk.size
    elif flt.years_size is not None and sort.index == "films_year":
        domain = flt.years_size
    cost = wanted * domain / max(total, 1)
    if sort.column is not None:
        # when few films have the sort's value, the walk reads those, then the others
        # newest first
        lacking = await _walk_cost(catalog, flt, total, wanted, SORTS["newest"])
        if lacking < cost:
            cost = min(cost, await _with_value(catalog, sort, int(cost)) + lacking)
    return cost


_WITH_VALUE: weakref.WeakKeyDictionary[Catalog, dict[str, int]] = weakref.WeakKeyDictionary()


async def _with_value(catalog: Catalog, sort: Sort, most: int) -> int:
    """How many films have the sort's value, counting no further than ``most`` (a count
    that ends before it is the catalog's, kept)."""
    known = _WITH_VALUE.setdefault(catalog, {})
    if sort.index in known:
        return min(known[sort.index], most)
    rows = await catalog.select(
        f"SELECT count(*) FROM (SELECT 1 FROM films INDEXED BY {sort.index} "
        f"WHERE {sort.column} IS NOT NULL LIMIT ?)",
        (most,),
    )
    count = int(rows[0][0])
    if count < most:
        known[sort.index] = count
    return count


def _indexed(index: str, driven: bool) -> str:
    return "" if driven else f"INDEXED BY {index}"


# --- counts by genre, year and status ----------------------------------------------------


@dataclass(frozen=True)
class _Facets:
    """How many films there are of each (year, status), and of each (genre, year, status)."""

    films: int
    by_year: dict[tuple[int | None, str], int]
    by_genre: dict[str, dict[tuple[int | None, str], int]]
    first_id: int
    last_id: int

    def count(self, query: FilmQuery) -> int:
        cells = self.by_genre.get(key_of(query.genre), {}) if query.genre else self.by_year
        statuses = set(query.statuses) if query.statuses else None
        years = query.years
        return sum(
            n
            for (year, status), n in cells.items()
            if (statuses is None or status in statuses) and (years is None or year in years)
        )


_FACETS: weakref.WeakKeyDictionary[Catalog, _Facets] = weakref.WeakKeyDictionary()
# one lock per catalog, made on first use inside the event loop that serves it
_FACETS_LOCKS: weakref.WeakKeyDictionary[Catalog, asyncio.Lock] = weakref.WeakKeyDictionary()


async def _facets(catalog: Catalog, previous: Catalog | None = None) -> _Facets:
    facets = _FACETS.get(catalog)
    if facets is None:
        async with _FACETS_LOCKS.setdefault(catalog, asyncio.Lock()):
            facets = _FACETS.get(catalog)
            if facets is None:
                facets = await _changed_facets(catalog, previous) if previous else None
                facets = _FACETS[catalog] = facets or await _count_facets(catalog)
    return facets


async def warm(catalog: Catalog, previous: Catalog | None = None) -> None:
    """Count films by genre, year and status now, so no member's first browse pays for it:
    from the counts of ``previous`` (the catalog it replaces) and the films a reload
    changed, when that catalog still has them."""
    await _facets(catalog, previous)


async def _changed_facets(catalog: Catalog, previous: Catalog) -> _Facets | None:
    """The counts of ``previous`` with the films a reload changed counted again: those it
    removed as ``previous`` has them, those it added as ``catalog`` has them."""
    before = _FACETS.get(previous)
    if before is None:
        return None
    try:
        changes = await catalog._changes_since(previous)
        if changes is None:
            return None
        touched = sorted({change.ref for change in changes if change.kind == "film"})
        gone = await _films_facets(previous, touched)
        came = await _films_facets(catalog, touched)
        ids = await catalog.select(
            "SELECT (SELECT min(id) FROM films), (SELECT max(id) FROM films)"
        )
    except (sqlite3.Error, ValueError):  # the previous catalog closed meanwhile
        return None
    by_year = dict(before.by_year)
    by_genre = {genre: dict(cells) for genre, cells in before.by_genre.items()}
    for rows, step in ((gone, -1), (came, 1)):
        for year, status, genres in rows:
            cell = (year, status)
            by_year[cell] = by_year.get(cell, 0) + step
            for genre in genres:
                cells = by_genre.setdefault(genre, {})
                cells[cell] = cells.get(cell, 0) + step
    by_year = {cell: n for cell, n in by_year.items() if n}
    by_genre = {
        genre: kept
        for genre, cells in by_genre.items()
        if (kept := {c: n for c, n in cells.items() if n})
    }
    first, last = ids[0]
    return _Facets(sum(by_year.values()), by_year, by_genre, first or 0, last or 0)


async def _films_facets(
    catalog: Catalog, film_ids: list[int]
) -> list[tuple[int | None, str, list[str]]]:
    """The year, status and genres of each of ``film_ids`` that ``catalog`` has."""
    films: dict[int, tuple[int | None, str, list[str]]] = {}
    for start in range(0, len(film_ids), 500):
        chunk = film_ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for film_id, year, status in await catalog.select(
            f"SELECT id, year, status FROM films WHERE id IN ({marks})", chunk
        ):
            films[film_id] = (year, status, [])
        for film_id, genre in await catalog.select(
            f"SELECT film_id, norm FROM film_values WHERE kind = 'genre' AND film_id IN ({marks})",
            chunk,
        ):
            films[film_id][2].append(genre)
    return list(films.values())


async def _count_facets(catalog: Catalog) -> _Facets:
    years = await catalog.select("SELECT year, status, count(*) FROM films GROUP BY year, status")
    genres = await catalog.select(
        "SELECT v.norm, f.year, f.status, count(*) FROM film_values v "
        "JOIN films f ON f.id = v.film_id WHERE v.kind = 'genre' GROUP BY v.norm, f.year, f.status"
    )
    by_genre: dict[str, dict[tuple[int | None, str], int]] = {}
    for genre, year, status, n in genres:
        by_genre.setdefault(genre, {})[(year, status)] = n
    by_year = {(year, status): n for year, status, n in years}
    # two subqueries: SQLite reads min() and max() of the row id directly only one at a time
    ids = await catalog.select("SELECT (SELECT min(id) FROM films), (SELECT max(id) FROM films)")
    first, last = ids[0]
    return _Facets(sum(by_year.values()), by_year, by_genre, first or 0, last or 0)


# --- random ------------------------------------------------------------------------------


async def random_films(
    catalog: Catalog,
    query: FilmQuery | None = None,
    rng: random.Random | None = None,
    exclude: Collection[int] = (),
    count: int = 1,
) -> list[FilmSummary]:
    """Up to ``count`` films ``query`` matches, at random, none of them in ``exclude``.

    Returns fewer (none) when the pool is used up; a caller that keeps excluding what it
    showed gets every film once before any film twice.
    """
    query = query or FilmQuery()
    rng = rng or random.Random()
    flt = await _filter(catalog, query)
    driven = flt.driver is not None
    if not driven or flt.driver_size:  # else few (a person's films): listed, not counted
        total = await _count(catalog, query, flt)
        if total == 0:
            return []
        films = (await _facets(catalog)).films
        # Listing the matches costs a row each; a jump to a random film id costs about
        # films/total rows to reach the next match. Few matches are listed, many jumped to.
        listing = flt.driver_size if driven else total if query.years else films
        if films / total * 4 * WALK_COST < listing:
            return await _random_walk(catalog, flt, rng, list(exclude), count, total)
    sql = "SELECT f.id FROM films f" + _where(flt, driven=driven)
    skip = set(exclude)
    rows = await catalog.select(sql, _params(flt, driven=driven))
    pool = [r[0] for r in rows if r[0] not in skip]
    return await catalog.summaries(rng.sample(pool, min(count, len(pool))))


async def _random_walk(
    catalog: Catalog, flt: _Filter, rng: random.Random, shown: list[int], count: int, total: int
) -> list[FilmSummary]:
    """Many matches: jump to a random film id and take the first match from there on
    (wrapping round to the start), so a pick reads a short stretch of the films."""
    facets = await _facets(catalog)
    skip = set(shown)
    chosen: list[FilmSummary] = []
    for _ in range(count * 4):
        if len(chosen) >= count or len(skip) >= total:
            break
        start = rng.randint(facets.first_id, facets.last_id)
        recent = (shown + [f.id for f in chosen])[-500:]  # a repeat beyond these is retried
        not_shown = [f"f.id NOT IN ({','.join('?' * len(recent))})"] if recent else []
        # from the jump onwards, else from the start: the second half runs only if needed
        halves = [
            f"SELECT * FROM (SELECT {_SUMMARY} FROM films f NOT INDEXED"
            f"{_where(flt, driven=False, extra=[f'f.id {side} ?', *not_shown])} "
            "ORDER BY f.id LIMIT 1)"
            for side in (">=", "<")
        ]
        params = [*_params(flt), start, *recent]
        rows = await catalog.select(" UNION ALL ".join(halves) + " LIMIT 1", params * 2)
        if rows and rows[0][0] not in skip:
            chosen.append(FilmSummary(*rows[0][:SUMMARY_COLUMNS]))
            skip.add(rows[0][0])
    return chosen


# --- similar -----------------------------------------------------------------------------

WEIGHTS = {"director": 3.0, "writer": 2.0, "lead": 2.5, "cast": 1.0, "composer": 1.5}
VALUE_WEIGHTS = {"genre": 0.75, "tag": 1.0, "setting": 1.0}
LEADS = 3  # the first billed cast members are the leads
CANDIDATES_PER_VALUE = 100  # films taken per shared tag or setting
FILMS_PER_PERSON = 30  # films taken per shared person and role (billed highest)


class SimilarFilm(NamedTuple):
    """A film like the one asked about, how alike (higher is closer) and why."""

    film: FilmSummary
    score: float
    reasons: tuple[str, ...]


async def similar_films(
    catalog: Catalog, film_id: int | FilmRecord, limit: int = 10
) -> list[SimilarFilm]:
    """Films that share the most with ``film_id`` (or a film already read): director,
    writers, cast (leads weigh more), composer, genres, tags and setting. Best first; ties
    go to the better known."""
    film = await catalog.film(film_id) if isinstance(film_id, int) else film_id
    if film is None:
        return []
    scores: dict[int, float] = {}
    reasons: dict[int, dict[str, list[str]]] = {}

    def credit(fid: int, reason: str, what: str, weight: float) -> None:
        scores[fid] = scores.get(fid, 0.0) + weight
        named = reasons.setdefault(fid, {}).setdefault(reason, [])
        if what not in named:
            named.append(what)

    await _shared(catalog, film, credit)
    if len(scores) < limit * 3:
        await _same_genres(catalog, film, scores, limit * 5)
    await _genre_overlap(catalog, film, scores, credit, limit)
    ranked = sorted(scores, key=lambda fid: -scores[fid])[: limit * 3]
    summaries = {f.id: f for f in await catalog.summaries(ranked)}
    for twin in _merged_with(film, summaries.values()):
        del summaries[twin]
    best = sorted(
        (fid for fid in ranked if fid in summaries),
        key=lambda fid: (-scores[fid], summaries[fid].renown),
    )[:limit]
    return [
        SimilarFilm(summaries[fid], round(scores[fid], 2), _reasons(reasons.get(fid, {})))
        for fid in best
    ]


def _merged_with(film: FilmRecord, others: Iterable[FilmSummary]) -> list[int]:
    """The ids of ``others`` whose facts a source gave merged with ``film``'s, under one
    title (``SHARED_TITLE_TAG``): what they share is the merge, not a likeness."""
    if not film.merged:
        return []
    title = key_of(film.title)
    return [other.id for other in others if key_of(other.title) == title]


async def _shared(catalog: Catalog, film: FilmRecord, credit) -> None:
    """Credit the films that share a person (in the same role), a tag or a setting, all
    read in one query."""
    # a prolific person's other films are many: those they are billed highest in count
    parts = [
        "SELECT film_id, role, position, other_position, person_id FROM ("
        "SELECT other.film_id, mine.role, mine.position, other.position AS other_position, "
        "mine.person_id, row_number() OVER (PARTITION BY mine.person_id, mine.role "
        "ORDER BY other.position, other.film_id DESC) AS rank "
        "FROM credits mine JOIN credits other ON other.person_id = mine.person_id "
        "WHERE mine.film_id = ? AND other.film_id != mine.film_id "
        "AND mine.role != 'producer' AND other.role = mine.role) WHERE rank <= ?"
    ]
    params: list[object] = [film.id, FILMS_PER_PERSON]
    # a tag that names one of the film's people says nothing its credits do not
    people = {key_of(c.person) for c in film.credits}
    picks = [
        (kind, value)
        for kind in ("tag", "setting")
        for value in film.shown(kind)
        if key_of(value) not in people
    ]
    for index, (kind, value) in enumerate(picks):
        parts.append(
            "SELECT * FROM (SELECT film_id, 'value', ?, 0, 0 FROM film_values "
            "WHERE kind = ? AND norm = ? AND film_id != ? LIMIT ?)"
        )
        params += [index, kind, key_of(value), film.id, CANDIDATES_PER_VALUE]
    names = {c.person_id: c.person for c in film.credits}
    for other, role, position, other_position, person_id in await catalog.select(
        " UNION ALL ".join(parts), params
    ):
        if role == "value":
            kind, value = picks[position]
            credit(other, kind, value, VALUE_WEIGHTS[kind])
        elif role == "cast" and position < LEADS and other_position < LEADS:
            credit(other, "same lead", names[person_id], WEIGHTS["lead"])
        elif role == "cast":
            credit(other, "shared cast", names[person_id], WEIGHTS["cast"])
        else:
            credit(other, f"same {role}", names[person_id], WEIGHTS[role])


async def _same_genres(catalog: Catalog, film, scores: dict[int, float], limit: int) -> None:
    """Few films share a person or tag: the newest films of the same first genre join in."""
    genres = film.listed("genre")
    if not genres:
        return
    query = FilmQuery(genre=genres[0])
    flt = await _filter(catalog, query)
    total = await _count(catalog, query, flt)
    for row in await _page_rows(catalog, flt, SORTS["newest"], limit + 1, 0, total):
        if row[0] != film.id:
            scores.setdefault(row[0], 0.0)


async def _genre_overlap(
    catalog: Catalog, film, scores: dict[int, float], credit, limit: int
) -> None:
    mine = {key_of(g): g for g in film.listed("genre")}
    if not mine or not scores:
        return
    # only candidates that sharing every genre would lift into the top ones are looked at
    ranked = sorted(scores, key=lambda fid: -scores[fid])
    bar = scores[ranked[min(len(ranked), limit) - 1]] - VALUE_WEIGHTS["genre"] * len(mine)
    top = [fid for fid in ranked[:300] if scores[fid] >= bar]
    for fid, genre in await catalog.values_of_films(top, "genre"):
        if key_of(genre) in mine:
            credit(fid, "genres", mine[key_of(genre)].lower(), VALUE_WEIGHTS["genre"])


_REASON_ORDER = (
    "same director",
    "same writer",
    "same lead",
    "shared cast",
    "same composer",
    "genres",
    "tag",
    "setting",
)
_REASON_LABELS = {"same writer": "same writer", "tag": "tags", "setting": "set in"}


def _reasons(found: dict[str, list[str]]) -> tuple[str, ...]:
    ordered = sorted(found, key=lambda r: _REASON_ORDER.index(r))
    return tuple(f"{_REASON_LABELS.get(r, r)}: {', '.join(found[r][:3])}" for r in ordered)


# --- names a filter can take -------------------------------------------------------------

_VALUES: weakref.WeakKeyDictionary[Catalog, dict[str, list[tuple[str, str]]]] = (
    weakref.WeakKeyDictionary()
)


async def value_names(catalog: Catalog, kind: str) -> list[tuple[str, str]]:
    """Every value of a kind in the catalog (genres, settings, companies, …): its normal
    form and its name, in the order of the normal forms; read once a catalog."""
    known = _VALUES.setdefault(catalog, {})
    names = known.get(kind)
    if names is None:
        rows = await catalog.select(
            "SELECT norm, min(display) FROM names WHERE kind = ? GROUP BY norm ORDER BY norm",
            (kind,),
        )
        names = known[kind] = [(row[0], row[1]) for row in rows]
    return names


async def genre_names(catalog: Catalog) -> list[str]:
    """Every genre in the catalog, by name."""
    return [name for _, name in await value_names(catalog, "genre")]


async def nearest_genres(catalog: Catalog, text: str, limit: int = 25) -> list[str]:
    """Genres for what has been typed: those that start with it, then the closest (typos)."""
    names = await genre_names(catalog)
    key = key_of(text) if text.strip() else ""
    if not key:
        return names[:limit]
    found = [n for n in names if key_of(n).startswith(key)]
    close = process.extract(
        key, [key_of(n) for n in names], scorer=fuzz.WRatio, limit=limit, score_cutoff=60
    )
    for _, _, index in close:
        if names[index] not in found:
            found.append(names[index])
    return found[:limit]


async def nearest_people(catalog: Catalog, text: str, limit: int = 25) -> list[tuple[int, str]]:
    """People for what has been typed, as ``(id, name)``: names that start with it, then the
    closest (typos), then people whose surname it is."""
    found = dict(await catalog.complete_people(text, limit=limit))
    key = key_of(text) if text.strip() else ""
    if key and len(found) < limit:
        for hit in await catalog.fuzzy_people(key, limit=limit):
            found.setdefault(hit.ref, hit.display)
        for hit in await catalog.people_by_surname(key.split()[-1]):
            found.setdefault(hit.ref, hit.display)
    return list(found.items())[:limit]


# --- typed options, and what is said back ------------------------------------------------


def query_from_options(
    *,
    genre: str | None = None,
    year: str | None = None,
    person: str | None = None,
    status: str | None = None,
    default_statuses: tuple[str, ...] = (),
) -> FilmQuery:
    """The query for options as typed (``/browse``, ``film-bot browse``): ``year`` in any
    form :func:`parse_years` reads, ``status`` one of the statuses (else
    ``default_statuses``). Raises :class:`FilterError` naming what is wrong."""
    statuses = default_statuses
    if status is not None and status.strip():
        wanted = status.strip().lower().replace(" ", "-").replace("rumoured", "rumored")
        if wanted not in STATUSES:
            raise FilterError(f"'{status[:40]}' is not a status: one of {', '.join(STATUSES)}")
        statuses = (wanted,)
    return FilmQuery(
        genre=(genre or "").strip() or None,
        years=parse_years(year) if year is not None and year.strip() else None,
        person=(person or "").strip() or None,
        statuses=statuses,
    )


async def nothing_found(catalog: Catalog, query: FilmQuery) -> str:
    """Why a query found no film: the filters, and the nearest genres or names to one that
    the catalog does not know ("No genre is called “dramma”. Did you mean Drama?")."""
    text = f"No films for {query.describe()}."
    if query.genre and key_of(query.genre) not in {key_of(g) for g in await genre_names(catalog)}:
        near = await nearest_genres(catalog, query.genre, limit=3)
        known = f" Did you mean {' or '.join(near)}?" if near else ""
        return f"No genre is called “{query.genre}”.{known}"
    if query.person and not await catalog.people_named(query.person):
        near_people = [name for _, name in await nearest_people(catalog, query.person, limit=3)]
        known = f" Did you mean {' or '.join(near_people)}?" if near_people else ""
        return f"I know nobody called “{query.person}”.{known}"
    filters = sum(bool(x) for x in (query.genre, query.years, query.person, query.statuses))
    return text + (" Try fewer filters." if filters > 1 else "")


# What a list sorted by a film's value says when none of its films has the value
_NONE_HAS = {"rating": "none has a rating", "votes": "none has votes"}


def sort_said(first: FilmPage, sort: str) -> str:
    """How a list whose first page is ``first`` is said to be sorted: by ``sort``, or, when
    its first film lacks the value sorted by (films that have it come first: none has it),
    newest first, said why ("newest (none has a rating)")."""
    column = SORTS[sort].column if sort in SORTS else None
    lacking = _NONE_HAS.get(column or "")
    if lacking and first.films and getattr(first.films[0], column or "") is None:
        return f"newest ({lacking})"
    return sort


def film_line(film: FilmSummary, directors: Sequence[str] = ()) -> str:
    """``Heat (1995) · Michael Mann · ★ 8.3``; a film not released says so."""
    parts = [film.label]
    if directors:
        parts.append(", ".join(directors[:2]) + (" …" if len(directors) > 2 else ""))
    if film.rating is not None:
        parts.append(f"★ {film.rating:g}")
    if not film.confirmed:
        parts.append(f"⚠ {film.status}")
    return " · ".join(parts)
