"""The read side: one built store file, opened read-only, and the look-ups the bot makes."""

from __future__ import annotations

import asyncio
import heapq
import json
import re
import sqlite3
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import cache, partial
from operator import attrgetter, itemgetter
from pathlib import Path
from typing import Any, TypeVar

import aiosqlite
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from bot.catalog.schema import SHARED_TITLE_TAG
from bot.store.dates import When, parse_when
from bot.store.indexes import (
    ARTICLE_REST_MIN,
    ARTICLES,
    NAME_CHANGES_KEPT,
    SLICE_ITEMS,
    CreditIndex,
    FilmPeople,
    FilmShelf,
    NameChange,
    NameIndex,
    PeopleIndex,
    PersonName,
    TitleGrams,
    TitleIndex,
    drop,
    title_grams,
    without_article,
    without_articles,
)
from bot.store.rows import key_of
from bot.text import norm

_Index = TypeVar("_Index")

ROLES = ("director", "writer", "producer", "composer", "cast")
PREFIX_BUCKET_MAX = 32
SHORT_PREFIX = 3  # typed texts this short match many titles: their completions are kept
SHORT_PREFIX_CACHE = 8192
TYPO_CANDIDATES = 200  # titles sharing the most rare letter triples with a misspelt one
SAME_START_MOST = 1000  # titles that begin like a misspelt text, compared with it
BARE_HITS_KEPT = 4096  # titles without their article whose films are kept, looked up
GRAM_POSTINGS_MOST = 3000  # titles looked at through a misspelt text's rarest triples
GRAM_POSTINGS_ALIKE = 1000  # the same, among the titles that begin with its first letter
RARE_GRAMS = 6
QUICK_IDS_MOST = 64  # films looked up by id on the event loop's thread, at most, at once
# films whose credits or values are read on the event loop's thread, at most (an index
# range each: a few milliseconds at most, less than the trips to the database thread)
QUICK_FILMS_MOST = 2000
# credits read at a time into the credit index: each slice is taken apart in one call in
# C on the event loop's thread, which holds it for as long
CREDIT_ROWS_READ = SLICE_ITEMS


@dataclass(frozen=True, slots=True)
class SourceRecord:
    url: str | None
    text: str | None
    note: str | None

    @property
    def label(self) -> str:
        return self.text or self.url or ""


@dataclass(frozen=True, slots=True)
class CreditRecord:
    person_id: int
    person: str
    role: str
    character: str | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class FilmSummary:
    """Enough of a film to name it in a list."""

    id: int
    slug: str
    title: str
    year: int | None
    status: str
    rating: float | None = None  # IMDb rating, when the catalog has it as a number
    votes: int | None = None  # IMDb votes, likewise

    @property
    def label(self) -> str:
        return f"{self.title} ({self.year})" if self.year else self.title

    @property
    def renown(self) -> tuple[int, float, int]:
        """Sort key, best known first: most votes, then best rating, then oldest."""
        return (-(self.votes or 0), -(self.rating or 0.0), self.year or 0)

    @property
    def confirmed(self) -> bool:
        return self.status == "released"


@dataclass(frozen=True)
class FilmRecord:
    """Everything the catalog holds about one film."""

    summary: FilmSummary
    follows: str | None = None
    runtime_minutes: int | None = None
    release_date: str | None = None
    synopsis: str | None = None
    tagline: str | None = None
    trailer: str | None = None
    imdb_rating: str | None = None
    imdb_votes: str | None = None
    file: str = ""
    credits: tuple[CreditRecord, ...] = ()
    values: dict[str, tuple[str, ...]] = field(default_factory=dict)
    sources: tuple[SourceRecord, ...] = ()
    trivia: tuple[str, ...] = ()
    poster: str | None = None  # an image URL, shown as the card's thumbnail

    def __getattr__(self, name: str) -> object:
        return getattr(self.summary, name)

    @property
    def label(self) -> str:
        return self.summary.label

    def people(self, role: str) -> list[CreditRecord]:
        return [c for c in self.credits if c.role == role]

    def names(self, role: str) -> list[str]:
        return [c.person for c in self.credits if c.role == role]

    def listed(self, kind: str) -> tuple[str, ...]:
        return self.values.get(kind, ())

    @property
    def merged(self) -> bool:
        """Whether its source gave it the facts of every film of its title, merged (the
        importer tags it ``SHARED_TITLE_TAG``)."""
        return SHARED_TITLE_TAG in self.listed("tag")

    def shown(self, kind: str) -> list[str]:
        """The values of a kind said to people as what the film is: without the mark of
        merged facts (``SHARED_TITLE_TAG``), which a note says in words instead."""
        return [value for value in self.listed(kind) if value != SHARED_TITLE_TAG]


@dataclass(frozen=True, slots=True)
class PersonCredit:
    film: FilmSummary
    role: str
    character: str | None
    note: str | None


def has_renown(films: Iterable[FilmSummary]) -> bool:
    """Whether votes or ratings say which of these films are best known."""
    return any(f.votes or f.rating for f in films)


KNOWN_FOR = 4  # best-known films named for a person
ROLE_RANK = {"director": 0, "cast": 1, "writer": 2, "composer": 3, "producer": 4}


@dataclass(frozen=True)
class PersonRecord:
    id: int
    name: str
    born: str | None
    aliases: tuple[str, ...]
    credits: tuple[PersonCredit, ...]
    died: str | None = None  # like ``born``: YYYY-MM-DD, or YYYY when only the year is known

    @property
    def birth(self) -> When | None:
        """The birth date, or the year alone when that is all the catalog has."""
        return parse_when(self.born)

    @property
    def death(self) -> When | None:
        """The date of death, or its year; ``None`` when the catalog records none."""
        return parse_when(self.died)

    def films(self, role: str | None = None) -> list[FilmSummary]:
        seen: dict[int, FilmSummary] = {}
        for credit in self.credits:
            if role is None or credit.role == role:
                seen.setdefault(credit.film.id, credit.film)
        return list(seen.values())

    def known_for(self, limit: int = KNOWN_FOR) -> list[FilmSummary]:
        """The best-known films: most voted and best rated first, released before claimed,
        directing and acting before other roles, then the newest."""
        best: dict[int, tuple[FilmSummary, int]] = {}
        for credit in self.credits:
            rank = ROLE_RANK.get(credit.role, len(ROLE_RANK))
            held = best.get(credit.film.id)
            if held is None or rank < held[1]:
                best[credit.film.id] = (credit.film, rank)
        ranked = sorted(
            best.values(),
            key=lambda item: (
                item[0].renown[:2],
                not item[0].confirmed,
                item[1],
                -(item[0].year or 0),
            ),
        )
        return [film for film, _ in ranked[:limit]]


@dataclass(frozen=True, slots=True)
class NameHit:
    """A normalised name found in the catalog: a film, a person, a character or a value."""

    norm: str
    kind: str
    ref: int
    display: str


@dataclass(frozen=True, slots=True)
class PeopleCredits:
    """Films crediting some people in a role: their ids oldest first (``film_ids``: lists
    of thousands are filtered, keyed and ordered by id without reading each film), the
    films of any of those ids (``films_of``; ``films``: all of them, in that order), each
    film's normalised title by its id (a mapping, or the film shelf's list of title keys,
    which film ids index: no copy made of thousands), and the credits (``pairs``: film
    id, person id), made when first asked for (many questions need the films alone: no
    pair made for each of thousands); and those of some film ids whose title another film
    may have too (``may_share``: only their titles need comparing; all of them when the
    catalog cannot tell)."""

    films_of: Callable[[list[int]], list[FilmSummary]]
    title_norms: Mapping[int, str] | Sequence[str | None]
    film_ids: list[int]
    credits: Callable[[], list[tuple[int, int]]]
    may_share: Callable[[list[int]], list[int]] = list

    @property
    def films(self) -> list[FilmSummary]:
        return self.films_of(self.film_ids)

    @property
    def pairs(self) -> list[tuple[int, int]]:
        return self.credits()


@dataclass(frozen=True, slots=True)
class CatalogStats:
    films: int
    people: int
    credits: int
    files: int
    unconfirmed: int


_FILM_COLUMNS = "id, slug, title, year, status, rating, votes"
_FILM_COLUMNS_OF_F = "f.id, f.slug, f.title, f.year, f.status, f.rating, f.votes"
# A film's stored key is its title's normal form, or the title in lower case when that
# is empty (a title with no letter or digit of the normal form): then not a normal form.
_WORDLESS = re.compile(r"^[^0-9a-z]*$")
_SHARED_TITLE_NORM = norm(SHARED_TITLE_TAG)  # the tag's stored norm
# The films' own rows, by key: ``+norm`` keeps SQLite from reading every film so tagged
# through the values' index instead (thousands of rows in a big catalog, for a few films).
MERGED_SQL = (
    "SELECT film_id FROM film_values WHERE film_id IN ({marks}) AND kind = 'tag' AND +norm = ?"
)
SUMMARY_COLUMNS = 7  # the leading columns of a row that make a FilmSummary

_BY_YEAR_AND_TITLE = attrgetter("year", "title")
_BY_TITLE = attrgetter("title")
_ID = attrgetter("id")
_YEAR = attrgetter("year")
_FILM_SHELF_ROWS = f"SELECT {_FILM_COLUMNS}, norm FROM films"
# oldest first (as ``oldest_first_key``), sorted by SQLite, off the event loop's GIL
_FILM_SHELF_QUERY = _FILM_SHELF_ROWS + " ORDER BY year IS NULL, year, title"
_FILM_SHELF_QUERY_OF_IDS = _FILM_SHELF_ROWS + " WHERE id IN ({marks})"
_FILMS_OF_KEYS = "SELECT id FROM films WHERE norm IN ({marks})"  # of title keys but ''
# One role's credits, each as one number (``indexes.FILM_BITS``), in the person index's order
_CREDITS_OF_ROLE = "SELECT (person_id << 32) | film_id FROM credits WHERE role = ?"
# One role's credits as ``film id << 32 | person id``, by film then billing order
_FILM_CREDITS_OF_ROLE = (
    "SELECT (film_id << 32) | person_id FROM credits WHERE role = ? ORDER BY film_id, position"
)
_CREDITS_OF_FILMS = (  # each film's in billing order (the credits' own order)
    "SELECT role, person_id, film_id FROM credits WHERE film_id IN ({marks}) "
    "ORDER BY film_id, role, position"
)
# Reads a row of each table a catalog has (a file that is not one fails it), counting none:
# opening a catalog at each reload costs the same whatever its size.
_IS_CATALOG = "SELECT " + ", ".join(
    f"EXISTS (SELECT 1 FROM {table})" for table in ("meta", "files", "films", "people", "credits")
)


def _title_key(stored: str) -> str:
    """A film's title key from its stored key: a wordless title's is empty."""
    return stored if _WORDLESS.search(stored) is None else ""


def _shelved(rows: Iterable[tuple]) -> Iterable[tuple[int, str, FilmSummary]]:
    """``(film id, title key, summary)`` of ``_FILM_SHELF_QUERY`` rows, the statuses and
    years (few and repeated) shared rather than one copy per film."""
    shared: dict[object, object] = {}
    for row in rows:
        status = shared.setdefault(row[4], row[4])
        year = shared.setdefault(row[3], row[3])
        film = FilmSummary(row[0], row[1], row[2], year, status, row[5], row[6])  # type: ignore[arg-type]
        yield row[0], _title_key(row[SUMMARY_COLUMNS]), film


# The in-memory indexes of every catalog are built on this one thread, in turn. A thread
# started while a build holds the GIL stalls the event loop that starts it (it waits for
# the new thread to get the GIL, then for the GIL back, each a switch interval or more);
# the loop's default executor starts one whenever a build is handed over before the
# thread that ran the previous one has counted itself idle.
_BUILDER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="index-builder")
_R = TypeVar("_R")


async def _off_loop(work: Callable[..., _R], *args: Any) -> _R:
    """``work(*args)`` on the index builder's thread, the event loop free meanwhile."""
    return await asyncio.get_running_loop().run_in_executor(_BUILDER, partial(work, *args))


def _built(build: Callable[[list[tuple]], _Index], rows: list[tuple]) -> _Index:
    """``build`` of ``rows``, the rows then dropped a slice at a time (in this thread): a
    big list freed at once holds the GIL, and the event loop waits, while each is freed."""
    try:
        return build(rows)
    finally:
        drop(rows)


def _film_shelf(rows: list[tuple]) -> FilmShelf[FilmSummary]:
    return FilmShelf.of(_shelved(rows), oldest_first_key)


def oldest_first_key(film: FilmSummary) -> tuple[bool, int, str]:
    """The key that sorts films oldest first (as :func:`_oldest_first`): by year, then by
    title; films without a year last."""
    return film.year is None, film.year or 0, film.title


# A film's renown (``bot.store.indexes.Renown``), from the films table ``f``
_RENOWN = "-coalesce(f.votes, 0), -coalesce(f.rating, 0.0), coalesce(f.year, 0)"
# (norm, film id, 1 if without its article else 0, renown): ``indexes.Standing``
_TITLE_ROWS = f"SELECT {{}}, n.ref, {{}}, {_RENOWN} FROM names n JOIN films f ON f.id = n.ref"
_ARTICLE = "substr(n.norm, 1, instr(n.norm, ' '))"  # the first word and its space ('' if one)
# Every film name, and those that begin with an article again without it (as
# ``indexes.without_article``), sorted by SQLite, off the event loop's GIL.
_TITLE_INDEX_QUERY = (
    _TITLE_ROWS.format("n.norm", 0)
    + " WHERE n.kind = 'film' UNION ALL "
    + _TITLE_ROWS.format("substr(n.norm, instr(n.norm, ' ') + 1)", 1)
    + f" WHERE n.kind = 'film' AND {_ARTICLE} IN ({', '.join(repr(a + ' ') for a in ARTICLES)})"
    + f" AND length(n.norm) - instr(n.norm, ' ') >= {ARTICLE_REST_MIN}"
    + " ORDER BY 1, 2"
)

_FILM_QUERY = """
SELECT f.id, f.slug, f.title, f.year, f.status, f.rating, f.votes, f.follows,
       f.runtime_minutes, f.release_date, f.synopsis, f.tagline, f.trailer, f.imdb_rating,
       f.imdb_votes, files.display, f.poster,
       (SELECT json_group_array(json_array(person_id, name, role, character, note)) FROM
           (SELECT c.person_id, p.name, c.role, c.character, c.note FROM credits c
            JOIN people p ON p.id = c.person_id WHERE c.film_id = f.id
            ORDER BY c.role, c.position)),
       (SELECT json_group_array(json_array(kind, value)) FROM
           (SELECT kind, value FROM film_values WHERE film_id = f.id ORDER BY kind, position)),
       (SELECT json_group_array(json_array(url, text, note)) FROM
           (SELECT url, text, note FROM sources WHERE film_id = f.id ORDER BY position)),
       (SELECT json_group_array(text) FROM
           (SELECT text FROM trivia WHERE film_id = f.id ORDER BY position))
FROM films f JOIN files ON files.id = f.file_id WHERE f.id = ?
"""


class Catalog:
    """A read-only view of one state of the store.

    Its connection holds one read transaction for the catalog's whole life: an in-place
    reload that commits meanwhile is not seen by it (write-ahead log), only by the next
    catalog, which the store swaps in. Requests that took this catalog are answered from
    one state of the store throughout.
    """

    def __init__(self, db: aiosqlite.Connection, path: Path, store_id: str, generation: int):
        self._db = db
        self._quick: sqlite3.Connection | None = None  # the same snapshot, read on this thread
        self.path = path
        self.store_id = store_id
        self.generation = generation
        self._titles: TitleIndex | None = None
        self._short_prefixes: dict[tuple[str, int], list[int]] = {}  # the widest ranges
        self._bare_hits: dict[str, list[NameHit]] = {}  # of titles without their article
        self._grams: TitleGrams | None = None
        self._people: PeopleIndex | None = None
        self._names: NameIndex | None = None
        self._shelf: FilmShelf[FilmSummary] | None = None
        self._credits: CreditIndex | None = None
        self._film_people: FilmPeople | None = None
        self._stats: CatalogStats | None = None
        self._titles_lock = asyncio.Lock()

    @classmethod
    async def open(cls, path: Path) -> Catalog:
        db = await aiosqlite.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None)
        try:
            await db.execute("PRAGMA query_only = ON")
            # Read through its own page cache (64 MiB: this connection serves the long
            # reads), not a map of the file: the quick connection maps it, and a second map
            # would count the same pages twice in the bot's memory.
            await db.execute("PRAGMA cache_size = -65536")
            await db.execute("PRAGMA mmap_size = 0")
            await db.execute("BEGIN")  # this catalog's snapshot starts with the first read
            meta = dict(await db.execute_fetchall("SELECT key, value FROM meta"))
            await db.execute_fetchall(_IS_CATALOG)  # fails here, not later, if not a catalog
        except Exception:
            await db.close()
            raise
        catalog = cls(db, path, str(meta.get("store_id", "")), int(meta.get("generation", 0)))
        catalog._quick = _same_snapshot(path, meta)
        return catalog

    async def close(self) -> None:
        if self._quick is not None:
            self._quick.close()
            self._quick = None
        await self._db.close()

    # --- films -------------------------------------------------------------------------
    async def film(self, film_id: int) -> FilmRecord | None:
        """Everything about one film, in one query (credits and lists come back as JSON)."""
        rows = await self._keyed(_FILM_QUERY, (film_id,))
        row = rows[0] if rows else None
        if row is None:
            return None
        summary = FilmSummary(*row[:SUMMARY_COLUMNS])
        rest = row[SUMMARY_COLUMNS:]
        credits = tuple(CreditRecord(*c) for c in json.loads(rest[10]))
        values: dict[str, list[str]] = {}
        for kind, value in json.loads(rest[11]):
            values.setdefault(kind, []).append(value)
        return FilmRecord(
            summary,
            *rest[:8],
            file=rest[8],
            poster=rest[9],
            credits=credits,
            values={k: tuple(v) for k, v in values.items()},
            sources=tuple(SourceRecord(*r) for r in json.loads(rest[12])),
            trivia=tuple(json.loads(rest[13])),
        )

    async def film_by_slug(self, slug: str) -> FilmRecord | None:
        rows = await self._keyed("SELECT id FROM films WHERE slug = ?", (slug,))
        return await self.film(rows[0][0]) if rows else None

    def remembered(self, film_ids: Iterable[int]) -> list[FilmSummary] | None:
        """The different films of ``film_ids`` that the catalog has, from memory, in that
        order; None until the film shelf is built (:meth:`summaries` reads them then)."""
        shelf = self._shelf
        return None if shelf is None else shelf.all_of(list(dict.fromkeys(film_ids)))

    def sort_titles(self, films: Iterable[FilmSummary]) -> list[str]:
        """Each film's stored title key (the films table's ``norm``, which orders films by
        title), from memory when the film shelf holds it."""
        keys = self._shelf.keys if self._shelf is not None else None
        if keys is None:
            return [key_of(f.title) for f in films]
        return [keys[f.id] or key_of(f.title) for f in films]

    async def summaries(self, film_ids: Iterable[int]) -> list[FilmSummary]:
        ids = list(dict.fromkeys(film_ids))
        if not ids:
            return []
        if self._shelf is not None:
            return self._shelf.all_of(ids)
        found: dict[int, FilmSummary] = {}
        for chunk in _chunks(ids, 500):
            sql = f"SELECT {_FILM_COLUMNS} FROM films WHERE id IN ({','.join('?' * len(chunk))})"
            if len(chunk) <= QUICK_IDS_MOST:
                rows = await self._keyed(sql, chunk)
            else:
                rows = await self._all(sql, chunk)
            for row in rows:
                found[row[0]] = FilmSummary(*row)
        return [found[i] for i in ids if i in found]

    async def films_titled(self, title: str) -> list[FilmSummary]:
        """Films whose title or alias normalises to the same text, best known first
        (most votes, then best rating, then oldest); when none does, those whose title is
        the text after an article (``ARTICLES``)."""
        key = norm(title)
        rows = await self._keyed(
            "SELECT DISTINCT ref FROM names WHERE norm = ? AND kind = 'film'", (key,)
        )
        if not rows and key:  # typed without its article: "godfather" for "The Godfather"
            rows = await self._keyed(
                "SELECT DISTINCT ref FROM names WHERE kind = 'film' AND norm IN "
                f"({','.join('?' * len(ARTICLES))})",
                [f"{article} {key}" for article in ARTICLES],
            )
        films = await self.summaries(r[0] for r in rows)
        return sorted(films, key=lambda f: (f.renown, f.title))

    async def titled_without_article(
        self, keys: Iterable[str], keep: Callable[[str], bool] | None = None
    ) -> list[NameHit]:
        """The film names that are one of ``keys`` after a leading article (``ARTICLES``),
        as people type them: "dark knight" for The Dark Knight; of those ``keep`` keeps,
        when given. Each hit's ``norm`` is the title's whole normal form."""
        titles = self._titles
        if titles is None:  # before the title index is built: every key is looked up
            keys = [key for key in keys if len(key) >= ARTICLE_REST_MIN]
            return await self._titled_after_article([k for k in keys if keep is None or keep(k)])
        # Most texts are no such title; those that are, common words among them ("the
        # man"), are looked up once in this catalog's life.
        keys = [k for k in titles.bare.intersection(keys) if keep is None or keep(k)]
        known = self._bare_hits
        found = {key: known[key] for key in keys if key in known}
        missing = [key for key in keys if key not in found]
        if missing:
            fresh: dict[str, list[NameHit]] = {key: [] for key in missing}
            for hit in await self._titled_after_article(missing):
                fresh[hit.norm.partition(" ")[2]].append(hit)
            if len(known) + len(fresh) > BARE_HITS_KEPT:
                known.clear()
            known.update(fresh)
            found.update(fresh)
        return [hit for key in keys for hit in found[key]]

    async def _titled_after_article(self, keys: list[str]) -> list[NameHit]:
        """The film names that are an article and one of ``keys``."""
        names = await self.lookup_names(
            [f"{article} {key}" for key in keys for article in ARTICLES]
        )
        return [hit for hit in names if hit.kind == "film"]

    async def closest_title_without_article(
        self, key: str, max_edits: int
    ) -> tuple[int, str, str] | None:
        """The title without its article nearest to ``key`` ("dark knigth": "dark knight"),
        as :meth:`closest_name` gives a name: ``(edits, norm, display)``, the display the
        whole title's. Only titles that begin with ``key``'s first letter, of a length
        within ``max_edits`` of its, are compared; None before the title index is built."""
        titles = self._titles
        if titles is None or max_edits < 0 or len(key) <= ARTICLE_REST_MIN:
            return None
        best: tuple[int, str] | None = None
        cutoff = max_edits
        for length in sorted(
            range(len(key) - max_edits, len(key) + max_edits + 1), key=lambda n: abs(n - len(key))
        ):
            bucket = titles.bare_by_start.get((key[:1], length))
            if not bucket or abs(length - len(key)) > cutoff:
                continue
            found = process.extractOne(key, bucket, scorer=OSA.distance, score_cutoff=cutoff)
            if found is not None and (best is None or found[1] < best[0]):
                best = int(found[1]), found[0]
                cutoff = best[0] - 1
                if cutoff < 0:
                    break
        if best is None:
            return None
        hits = await self.titled_without_article([best[1]])
        return (best[0], best[1], min(hit.display for hit in hits)) if hits else None

    async def complete_titles(self, text: str, limit: int = 25) -> list[FilmSummary]:
        """Titles for autocomplete: prefix matches first, then fuzzy ones (typos).

        Prefixes come from the in-memory title index (sorted, so a prefix is a range);
        typos from the few titles that share the most letter triples with the text.
        """
        key = norm(text)
        titles = self._titles
        if titles is None:  # still being built after a start: the store's name index serves
            return await self._complete_from_store(key, limit)
        if not key:
            return await self.summaries(titles.first(limit))
        ids = self._short_prefixes.get((key, limit)) if len(key) <= SHORT_PREFIX else None
        if ids is None:
            ids = titles.prefixed(key, limit)
            if len(key) <= SHORT_PREFIX and len(self._short_prefixes) < SHORT_PREFIX_CACHE:
                self._short_prefixes[(key, limit)] = ids  # this catalog never changes
        ids = list(ids)
        if len(ids) < limit:
            seen = set(ids)
            for fid in await self.fuzzy_titles(key, limit, same_start=True, taken=seen):
                if fid not in seen:
                    ids.append(fid)
                    seen.add(fid)
        return await self.summaries(ids[:limit])

    async def _complete_from_store(self, key: str, limit: int) -> list[FilmSummary]:
        """Prefix matches from the store's sorted names (the first ones, ranked), those after
        an article too ("godf" begins The Godfather), as the title index ranks them; then
        typos."""
        starts = [key, *(f"{article} {key}" for article in ARTICLES)] if key else [key]
        ranges = " UNION ALL ".join(
            f"SELECT * FROM (SELECT n.norm, {bare}, n.ref, {_RENOWN} FROM names n JOIN films f"
            " ON f.id = n.ref WHERE n.kind = 'film' AND n.norm >= ? AND n.norm < ?"
            " ORDER BY n.norm LIMIT ?)"
            for bare in [0] + [1] * (len(starts) - 1)
        )
        rows = await self._all(
            ranges, [v for start in starts for v in (start, start + "\uffff", limit * 4)]
        )
        ranked = []
        for name, bare, ref, *renown in rows:
            typed = (without_article(name) or name) if bare else name
            ranked.append((len(typed), typed, bare, *renown, ref))
        ranked.sort()
        ids = list(dict.fromkeys(r[-1] for r in ranked))[:limit]
        if key and len(ids) < limit:
            typos = await self.fuzzy_titles(key, limit, same_start=True, taken=set(ids))
            ids += [f for f in typos if f not in ids]
        return await self.summaries(ids[:limit])

    async def fuzzy_titles(
        self,
        key: str,
        limit: int = 10,
        cutoff: float = 70,
        *,
        same_start: bool = False,
        taken: AbstractSet[int] = frozenset(),
    ) -> list[int]:
        """Films whose title is close to ``key``, typos included (best first).

        A short typed text is compared with title beginnings of about its own length, so
        "alitta batle" finds "Alita: Battle Angel" while it is being typed; a long one with
        whole titles. Only the titles that begin like ``key`` and those that share the most
        rare letter triples with it are compared. ``same_start`` prefers titles that begin
        with ``key``'s first character (all candidates count when none of those is close
        enough, unless films were already offered, ``taken``: titles begin with ``key``, so
        its first letter is right); the titles that begin like ``key`` are then compared
        first, and when enough of them are close (``limit``, less the films of ``taken``,
        that they do not count), the triples are not looked at.
        """
        if not key:
            return []

        def hits(chosen: Sequence[tuple[str, int]], alike: bool = False) -> list[TypoHit]:
            return self.typo_hits(key, chosen, limit, cutoff, alike=alike)

        def ranked(found: list[TypoHit]) -> list[int]:
            return self.ranked_titles(found, limit)

        if same_start and self._titles is not None:
            near = self._titles.near_titles(key, SAME_START_MOST)
            bare = (near.bare_names, near.bare_refs)
            found = _typo_hits(key, near.names, near.refs, limit, cutoff, bare=bare)
            if len(found) >= limit - len(taken):  # else too few for enough films
                best = ranked(found)
                if len(set(best).difference(taken)) >= limit - len(taken):
                    return best
            alike = await self._sharing_titles(key, first=key[:1])
            if self._grams is None:  # the store's index counts all titles
                alike = {c for c in alike if c[0][:1] == key[:1]}
            found += hits(near.others(alike), alike=True)
            if found or taken:
                return ranked(found)
            # None begins alike: any will do (those that begin alike are not close enough).
            sharing = await self._sharing_titles(key)
            return ranked(hits(near.others(sharing)))
        candidates = await self.title_candidates(key)
        found = []
        if same_start:
            found = hits([c for c in candidates if c[0][:1] == key[:1]], alike=True)
        return ranked(found or hits(candidates))

    @staticmethod
    def typo_hits(
        key: str,
        candidates: Sequence[tuple[str, int]],
        limit: int,
        cutoff: float,
        *,
        alike: bool = False,
    ) -> list[TypoHit]:
        """The titles :meth:`fuzzy_titles` finds comparing ``key`` with ``candidates``
        (its :meth:`title_candidates`, sorted), before it ranks their films (``ranked_titles``):
        at most ``2 * limit``, best first. Those of a higher ``cutoff``, or of a smaller
        ``limit``, are the first of these. ``alike``: all candidates begin with ``key``'s
        first character."""
        names = list(map(itemgetter(0), candidates))
        refs = list(map(itemgetter(1), candidates))
        return _typo_hits(key, names, refs, limit, cutoff, alike)

    @staticmethod
    def ranked_titles(found: list[TypoHit], limit: int) -> list[int]:
        """The ``limit`` films of the titles ``found`` closest to what was typed: by score,
        then titles as they are before those without their article, then alphabetically,
        then by film; each film at its closest title."""
        # two stable sorts keyed in C, rather than one with a Python key for every title
        ordered = sorted(found, key=_AFTER_SCORE)
        ordered.sort(key=_SCORE, reverse=True)
        return list(dict.fromkeys(map(_FILM, ordered)))[:limit]

    async def title_candidates(self, key: str) -> list[tuple[str, int]]:
        """``(norm, film id)`` of the titles a misspelt ``key`` may mean, sorted.

        Those that begin like ``key`` (people seldom slip on the first letters), and those
        that share the most of its rarest letter triples.
        """
        titles = self._titles
        found = titles.near(key, SAME_START_MOST) if titles is not None else []
        # ``near``'s titles are mostly a range of the sorted ones: sorted with the others
        # after them in about one pass, rather than from no order
        return sorted(dict.fromkeys([*found, *await self._sharing_titles(key)]))

    async def titles_with_word(self, word: str) -> list[tuple[str, int]]:
        """``(norm, film id)`` of the titles that have ``word`` as one of their words, among
        those sharing the most of its letter triples: found for a rare word ("totoro" in
        My Neighbor Totoro), not every title of a common one."""
        return sorted(
            (name, ref)
            for name, ref in await self._sharing_titles(word)
            if f" {word} " in f" {name} "
        )

    async def _sharing_titles(self, key: str, first: str | None = None) -> set[tuple[str, int]]:
        """``(norm, film id)`` of the titles that share the most of ``key``'s rarest letter
        triples, wherever a slip is: a slip changes a few triples, and the triples no title
        has are the slips themselves.

        With ``first``, among the titles that begin with it, when the in-memory triples are
        built: a letter's titles are a fraction of all, so fewer of them are counted for as
        many triples (the store's index counts all titles, for the caller to keep those).
        """
        grams = sorted(title_grams(key))
        if not grams:
            return set()
        index = self._grams
        if index is not None:
            most = GRAM_POSTINGS_MOST if first is None else GRAM_POSTINGS_ALIKE
            rare = _rarest([(g, index.docs(g, first)) for g in grams], most)
            return index.sharing(rare, TYPO_CANDIDATES, first)
        marks = ",".join("?" * len(grams))
        counts = await self._all(
            f"SELECT gram, docs FROM title_gram_docs WHERE gram IN ({marks})", grams
        )
        rare = _rarest(counts)
        if not rare:
            return set()
        hits = " UNION ALL ".join(
            "SELECT rowid AS id FROM title_grams WHERE title_grams MATCH ?" for _ in rare
        )
        rows = await self._all(
            f"WITH hits AS ({hits}), best AS (SELECT id, count(*) AS shared FROM hits "
            "GROUP BY id ORDER BY shared DESC, id LIMIT ?) "
            "SELECT n.norm, n.ref FROM best JOIN names n ON n.rowid = best.id",
            [*('"' + term.replace('"', '""') + '"' for term in rare), TYPO_CANDIDATES],
        )
        return {(name, ref) for name, ref in rows}

    async def fuzzy_people(self, key: str, limit: int = 5, cutoff: float = 80) -> list[NameHit]:
        """People whose name (or alias) is close to ``key``, typos included."""
        return [hit for hit, _ in await self.scored_people(key, limit, cutoff)]

    async def scored_people(
        self, key: str, limit: int = 5, cutoff: float = 80
    ) -> list[tuple[NameHit, float]]:
        """:meth:`fuzzy_people` with how close each is (0 to 100), closest first: those
        of a higher ``cutoff``, or fewer of them, are the first of these."""
        people = await self._people_index()
        if not key or not people.hits:
            return []
        return [(_hit(person), score) for person, score in people.scored(key, limit, cutoff)]

    async def people_by_surname(self, surname: str) -> list[NameHit]:
        """People whose name ends with the word ``surname`` ("kubrick")."""
        people = await self._people_index()
        return [_hit(p) for p in people.surnames.get(surname, [])]

    async def people_by_first_name(self, first_name: str) -> list[NameHit]:
        """People whose name starts with the word ``first_name`` ("keanu")."""
        people = await self._people_index()
        return [_hit(p) for p in people.first_names.get(first_name, [])]

    async def closest_surname(self, typed: str, max_edits: int) -> str | None:
        """The surname nearest to ``typed`` ("speilberg" → "spielberg"), at most
        ``max_edits`` slips away, when one surname is nearest."""
        people = await self._people_index()
        found = process.extract(
            typed, people.surnames.keys(), scorer=OSA.distance, score_cutoff=max_edits, limit=2
        )
        if not found or (len(found) > 1 and found[1][1] == found[0][1]):
            return None
        return found[0][0]

    async def known_words(self) -> AbstractSet[str]:
        """Every word of every name in the catalog (titles, people, characters, values)."""
        return (await self._name_index()).word_counts.keys()

    async def closest_name(self, key: str, max_edits: int) -> tuple[int, str, str] | None:
        """The catalog name nearest to ``key``, as ``(edits, norm, display)``.

        Edits count inserted, dropped, changed and swapped letters; names further than
        ``max_edits`` are not considered. Only names that begin with ``key``'s first
        character are compared (people rarely mistype the first letter), and only those
        whose length is within ``max_edits`` of it, so a look-up scans a handful of names.
        """
        index = await self._name_index()
        best = index.closest(key, max_edits)
        if best is None:
            return None
        edits, name = best
        shown = index.display(name)
        assert shown is not None  # the name was found among the index's names
        return edits, name, shown

    async def warm(self, previous: Catalog | None = None, *, derive_only: bool = False) -> None:
        """Build the title index now, so no member's first autocomplete pays for it.

        With ``previous`` (the catalog this one replaces, after an in-place reload), the
        index is the previous one changed by the reload's delta. ``derive_only`` builds it
        only that way (quick), leaving a full build to later.
        """
        # Derived under the indexes' lock: a request meanwhile waits for it, not builds anew.
        async with self._titles_lock:
            if self._titles is None and previous is not None and previous._titles is not None:
                changes = await self._changes_since(previous)
                if changes is not None:
                    added = [c.ref for c in changes if c.added and c.kind == "film"]
                    sql = f"SELECT f.id, {_RENOWN} FROM films f WHERE f.id IN ({{marks}})"
                    renown = {r[0]: tuple(r[1:]) for r in await self._in_chunks(sql, added)}
                    base = previous._titles
                    self._titles = await _off_loop(base.changed, changes, renown)
        if not derive_only:
            await self._title_index()

    async def warm_rest(self, previous: Catalog | None = None) -> None:
        """Build the other indexes (films by id, people and the letters of their names,
        every name and the texts of the names of each first letter, title triples; titles
        if not yet built)."""
        await self._title_index()
        changes = await self._changes_since(previous) if previous is not None else None
        if changes is not None and previous is not None:
            async with self._titles_lock:  # requests meanwhile wait for these, not build anew
                await self._derive_rest(previous, changes)
        await self._index("_shelf", _FILM_SHELF_QUERY, _film_shelf)
        people = await self._people_index()
        await _off_loop(people.count_letters)
        names = await self._name_index()
        await _off_loop(names.learn_letters)
        await self._gram_index()
        await self._credit_index()
        await self._film_people_index()
        titles = await self._title_index()
        await _off_loop(titles.learn_starts, SAME_START_MOST)

    async def _derive_rest(self, previous: Catalog, changes: list[NameChange]) -> None:
        """The indexes but titles, from ``previous``'s and the names changed since."""
        touched = list(dict.fromkeys(c.ref for c in changes if c.kind == "film"))
        if self._shelf is None and previous._shelf:
            rows = list(_shelved(await self._in_chunks(_FILM_SHELF_QUERY_OF_IDS, touched)))
            keys = list(dict.fromkeys(key for _, key, _ in rows if key))
            alike = [r[0] for r in await self._in_chunks(_FILMS_OF_KEYS, keys)]
            shelf = previous._shelf
            self._shelf = await _off_loop(shelf.changed, touched, rows, alike)
        credits = previous._credits
        if self._credits is None and credits is not None and not credits.folds(set(touched)):
            rows = await self._in_chunks(_CREDITS_OF_FILMS, touched)
            self._credits = credits.changed(touched, rows)
            if self._film_people is None and previous._film_people is not None:
                self._film_people = previous._film_people.changed(touched, rows)
        if self._people is None and previous._people:
            self._people = await _off_loop(previous._people.changed, changes)
        if self._names is None and previous._names:
            norms = list(dict.fromkeys(c.norm for c in changes))
            now: dict[str, str | None] = dict.fromkeys(norms)
            now.update(
                await self._in_chunks(
                    "SELECT norm, min(display) FROM names WHERE norm IN ({marks}) GROUP BY norm",
                    norms,
                )
            )
            self._names = await _off_loop(previous._names.changed, now)
        if self._grams is None and previous._grams:
            titles = list(dict.fromkeys((c.norm, c.ref) for c in changes if c.kind == "film"))
            rows = await self._in_chunks(
                "SELECT rowid, norm, ref FROM names WHERE kind = 'film' AND ref IN ({marks})",
                list(dict.fromkeys(ref for _, ref in titles)),
            )
            keys = set(titles)
            now_rows = [(name, ref) for _, name, ref in sorted(rows) if (name, ref) in keys]
            self._grams = await _off_loop(previous._grams.changed, titles, now_rows)

    async def _changes_since(self, previous: Catalog) -> list[NameChange] | None:
        """The names added and removed since ``previous``, or None when not known."""
        if previous.store_id != self.store_id or previous.generation > self.generation:
            return None
        if previous.generation < self.generation - NAME_CHANGES_KEPT:
            return None  # the log no longer goes back that far
        rows = await self._all(
            "SELECT added, norm, kind, ref, display FROM name_changes "
            "WHERE generation > ? ORDER BY rowid",
            (previous.generation,),
        )
        return [NameChange(bool(added), *rest) for added, *rest in rows]

    async def _name_index(self) -> NameIndex:
        return await self._index(
            "_names",
            "SELECT norm, min(display) FROM names GROUP BY norm ORDER BY norm",
            NameIndex.of,
        )

    async def _title_index(self) -> TitleIndex:
        return await self._index(
            "_titles",
            _TITLE_INDEX_QUERY,
            TitleIndex.of,
        )

    async def _gram_index(self) -> TitleGrams:
        return await self._index(
            "_grams",
            "SELECT norm, ref FROM names WHERE kind = 'film' ORDER BY rowid",
            TitleGrams.of,
        )

    async def _people_index(self) -> PeopleIndex:
        return await self._index(
            "_people",
            "SELECT norm, kind, ref, display FROM names WHERE kind = 'person' ORDER BY norm, ref",
            PeopleIndex.of,
        )

    async def _credit_index(self) -> CreditIndex:
        """The credit index, built once by the first caller."""
        if self._credits is None:
            async with self._titles_lock:
                if self._credits is None:
                    roles = await self._each_role(_CREDITS_OF_ROLE, CreditIndex.role_of)
                    (total,) = await self._all("SELECT count(*) FROM credits")
                    every_role = total[0] == sum(len(people) for people, _ in roles.values())
                    self._credits = CreditIndex(roles, every_role=every_role)
        return self._credits

    async def _film_people_index(self) -> FilmPeople:
        """Each film's people by role, built once by the first caller."""
        if self._film_people is None:
            async with self._titles_lock:
                if self._film_people is None:
                    roles = await self._each_role(_FILM_CREDITS_OF_ROLE, FilmPeople.role_of)
                    self._film_people = FilmPeople(roles)
        return self._film_people

    async def _each_role(
        self, sql: str, build: Callable[[array[int]], _Index]
    ) -> dict[str, _Index]:
        """``build`` of each role's credits, the numbers ``sql`` gives for the role, read a
        slice at a time (not a row object for each of millions held at once), built off
        the event loop."""
        roles = {}
        for role in ROLES:
            credits = array("q")
            async with self._db.execute(sql, (role,)) as cursor:
                while rows := await cursor.fetchmany(CREDIT_ROWS_READ):
                    credits.extend(map(itemgetter(0), rows))
            roles[role] = await _off_loop(build, credits)
        return roles

    async def _index(self, attr: str, sql: str, build: Callable[[list[tuple]], _Index]) -> _Index:
        """The in-memory index kept in ``attr``, built once from the rows of ``sql`` (off the
        event loop) by the first caller; later callers wait for it rather than build again."""
        index = getattr(self, attr)
        if index is None:
            async with self._titles_lock:
                index = getattr(self, attr)
                if index is None:
                    index = await _off_loop(_built, build, await self._all(sql))
                    setattr(self, attr, index)
        return index

    # --- people --------------------------------------------------------------------------

    async def most_credited(self, role: str | None, limit: int) -> list[tuple[int, int]]:
        """``(person id, films)`` of the people credited on the most released films (in
        ``role``, else in any), the most first, then by id.

        From the credit index, in a worker thread a slice at a time (the event loop keeps
        turning): each person's credits counted, then the exact count of released films
        taken for the most credited, down the list until no one further can reach the
        ``limit``-th count (the credits counted bound the films from above).
        """
        index = await self._credit_index()
        shelf = self._shelf
        roles = [r for r in ((role,) if role is not None else ROLES) if r in index.roles]
        if shelf is None or (role is None and not index.every_role):
            return await self._most_credited_read(role, limit)
        return await asyncio.to_thread(_most_credited, index, shelf, roles, limit)

    async def _most_credited_read(self, role: str | None, limit: int) -> list[tuple[int, int]]:
        """:meth:`most_credited` read from the store, where the indexes are not made."""
        role_is = "c.role = ? AND " if role is not None else ""
        return [
            (int(pid), int(n))
            for pid, n in await self._all(
                "SELECT c.person_id, count(DISTINCT c.film_id) AS n FROM credits c "
                f"JOIN films f ON f.id = c.film_id WHERE {role_is}f.status = 'released' "
                "GROUP BY c.person_id ORDER BY n DESC, c.person_id LIMIT ?",
                (*([role] if role is not None else []), limit),
            )
        ]

    async def person_name(self, person_id: int) -> str | None:
        """A person's name alone, without their credits."""
        rows = await self._keyed("SELECT name FROM people WHERE id = ?", (person_id,))
        return rows[0][0] if rows else None

    async def person(self, person_id: int) -> PersonRecord | None:
        row = await self._one("SELECT id, name, born, died FROM people WHERE id = ?", (person_id,))
        if row is None:
            return None
        aliases = tuple(
            r[0]
            for r in await self._all(
                "SELECT display FROM names WHERE kind = 'person' AND ref = ? AND norm != ?",
                (person_id, norm(row[1])),
            )
        )
        credits = tuple(
            PersonCredit(FilmSummary(*r[:7]), r[7], r[8], r[9])
            for r in await self._all(
                "SELECT f.id, f.slug, f.title, f.year, f.status, f.rating, f.votes, "
                "c.role, c.character, c.note "
                "FROM credits c JOIN films f ON f.id = c.film_id WHERE c.person_id = ? "
                "ORDER BY f.year IS NULL, f.year, f.title",
                (person_id,),
            )
        )
        return PersonRecord(row[0], row[1], row[2], aliases, credits, died=row[3])

    async def complete_people(self, text: str, limit: int = 25) -> list[tuple[int, str]]:
        key = norm(text)
        rows = await self._all(
            "SELECT ref, display FROM names WHERE kind = 'person' AND norm >= ? AND norm < ? "
            "ORDER BY length(norm), norm LIMIT ?",
            (key, key + "\uffff", limit),
        )
        seen: dict[int, str] = {}
        for ref, display in rows:
            seen.setdefault(ref, display)
        return list(seen.items())

    async def people_named(self, name: str) -> list[int]:
        rows = await self._all(
            "SELECT DISTINCT ref FROM names WHERE norm = ? AND kind = 'person'", (norm(name),)
        )
        return [r[0] for r in rows]

    async def cast_as(self, character_norm: str) -> list[tuple[FilmSummary, CreditRecord]]:
        """Who plays a character (by normalised name), in every film that has it."""
        rows = await self._all(
            "SELECT f.id, f.slug, f.title, f.year, f.status, f.rating, f.votes, p.id, p.name, "
            "c.character, c.note FROM credits c JOIN films f ON f.id = c.film_id "
            "JOIN people p ON p.id = c.person_id "
            "WHERE c.character_norm = ? ORDER BY f.year IS NULL, f.year",
            (character_norm,),
        )
        return [(FilmSummary(*r[:7]), CreditRecord(r[7], r[8], "cast", r[9], r[10])) for r in rows]

    async def characters_with_word(self, word: str, limit: int = 50) -> list[str]:
        """Normalised character names that have ``word`` among their words ("jack" →
        "jack dawson"), for a character asked by part of the name."""
        pattern = "% " + word.replace("%", "").replace("_", "") + " %"
        rows = await self._all(
            "SELECT DISTINCT character_norm FROM credits WHERE character_norm IS NOT NULL "
            "AND ' ' || character_norm || ' ' LIKE ? LIMIT ?",
            (pattern, limit),
        )
        return [r[0] for r in rows]

    async def films_following(self, slug: str) -> list[FilmSummary]:
        """The films whose ``follows`` names ``slug`` (its sequels), oldest first."""
        rows = await self._all(
            f"SELECT {_FILM_COLUMNS} FROM films WHERE follows = ? ORDER BY year IS NULL, year",
            (slug,),
        )
        return [FilmSummary(*row) for row in rows]

    async def sequels(self, limit: int) -> tuple[list[FilmSummary], int]:
        """Up to ``limit`` films that follow another (sequels), oldest first, undated
        ones last; and how many there are."""
        rows = await self._all(
            f"SELECT {_FILM_COLUMNS}, count(*) OVER () FROM films WHERE follows IS NOT NULL "
            "ORDER BY year IS NULL, year, id LIMIT ?",
            (limit,),
        )  # one read of the films, counted as they are found
        return [FilmSummary(*row[:-1]) for row in rows], rows[0][-1] if rows else 0

    async def films_with_status(self, statuses: Sequence[str]) -> list[FilmSummary]:
        """Films in any of ``statuses`` (statuses other than released), undated ones last."""
        marks = ",".join("?" * len(statuses))
        rows = await self._all(  # "!= 'released'" lets the partial index films_status serve
            f"SELECT {_FILM_COLUMNS} FROM films WHERE status IN ({marks}) "
            "AND status != 'released' ORDER BY year IS NULL, year, title",
            list(statuses),
        )
        return [FilmSummary(*row) for row in rows]

    async def films_with_value(self, kind: str, value_norm: str) -> list[FilmSummary]:
        rows = await self._all(
            "SELECT film_id FROM film_values WHERE kind = ? AND norm = ?", (kind, value_norm)
        )
        return await self.summaries(r[0] for r in rows)

    # --- batches, for questions that hop through many films ----------------------------------

    async def people_of_films(
        self, film_ids: Sequence[int], role: str
    ) -> list[tuple[int, int, str]]:
        """``(film id, person id, name)`` credited in ``role``, in film then billing order;
        the credits from memory once the films' people are (no query over many films)."""
        index = self._film_people
        if index is not None and role in ROLES:
            pairs = index.credits(dict.fromkeys(film_ids), role)
        else:
            pairs = await self._in_film_order(
                "SELECT c.film_id, c.person_id FROM json_each(?) w CROSS JOIN credits c "
                "ON c.film_id = w.value AND c.role = ? ORDER BY w.key, c.position",
                film_ids,
                role,
            )
        people = list(dict.fromkeys(map(itemgetter(1), pairs)))
        read = self._keyed if len(people) <= QUICK_FILMS_MOST else self._all
        names = dict(  # each person's name read once, however many of the films they are on
            await read(
                "SELECT id, name FROM people WHERE id IN (SELECT value FROM json_each(?))",
                [json.dumps(people)],
            )
        )
        if len(names) < len(people):  # a person the people table lacks: left out
            pairs = [(film_id, pid) for film_id, pid in pairs if pid in names]
        pids = list(map(itemgetter(1), pairs))
        films = map(itemgetter(0), pairs)
        return list(zip(films, pids, map(names.__getitem__, pids), strict=True))

    async def films_of_people(
        self, person_ids: Sequence[int], role: str | None = None
    ) -> list[FilmSummary]:
        """Films crediting any of ``person_ids`` (in ``role`` if given), oldest first."""
        ids = list(dict.fromkeys(person_ids))
        shelf = self._shelf
        index = self._credits
        if shelf is not None and index is not None and (role in ROLES or index.every_role):
            return shelf.in_order(index.film_ids(ids, role))
        if shelf is not None:
            sql = "SELECT DISTINCT film_id FROM credits WHERE person_id IN ({marks})"
            if role is not None:
                sql += " AND role = ?"
            rows = await self._credit_rows(sql, ids, (role,) if role is not None else ())
            return shelf.in_order(list(map(itemgetter(0), rows)))
        found: dict[int, FilmSummary] = {}
        for chunk in _chunks(ids, 500):
            marks = ",".join("?" * len(chunk))
            sql = (
                "SELECT DISTINCT f.id, f.slug, f.title, f.year, f.status, f.rating, f.votes "
                "FROM credits c "
                f"JOIN films f ON f.id = c.film_id WHERE c.person_id IN ({marks})"
            )
            params: list[object] = list(chunk)
            if role is not None:
                sql += " AND c.role = ?"
                params.append(role)
            for row in await self._all(sql, params):
                found[row[0]] = FilmSummary(*row)
        return _oldest_first(found.values())

    async def role_shares(self, person_ids: Sequence[int], role: str) -> dict[int, float]:
        """Each person's share of their credits that are in ``role`` (0 to 1): how much
        of a director, a writer, an actor each one is; from memory when the credit index
        holds every role (no trip to the database thread)."""
        ids = list(dict.fromkeys(person_ids))
        index = self._credits
        if index is not None and index.every_role:
            return {pid: index.role_share(pid, role) for pid in ids}
        counts: dict[int, list[int]] = {pid: [0, 0] for pid in ids}
        for chunk in _chunks(ids, 500):
            marks = ",".join("?" * len(chunk))
            for pid, credited, total in await self._all(
                "SELECT person_id, sum(role = ?), count(*) FROM credits "
                f"WHERE person_id IN ({marks}) GROUP BY person_id",
                [role, *chunk],
            ):
                counts[pid] = [credited, total]
        return {
            pid: credited / total if total else 0.0 for pid, (credited, total) in counts.items()
        }

    async def credits_of_people(self, person_ids: Sequence[int], role: str) -> PeopleCredits:
        """Every credit of ``person_ids`` in ``role``, with its film, in one query: what
        :meth:`films_of_people` and then :meth:`people_of_films` on those films give."""
        ids = list(dict.fromkeys(person_ids))
        shelf = self._shelf
        index = self._credits
        if shelf is not None and index is not None and role in ROLES:
            film_ids = shelf.order_of(index.film_ids(ids, role))
            credits = cache(partial(index.credits, ids, role))
            return PeopleCredits(shelf.all_of, shelf.keys, film_ids, credits, shelf.may_share)
        if shelf is not None:
            pairs = await self._credit_rows(
                "SELECT film_id, person_id FROM credits WHERE person_id IN ({marks}) AND role = ?",
                ids,
                (role,),
            )
            film_ids = shelf.order_of(list(map(itemgetter(0), pairs)))
            return PeopleCredits(shelf.all_of, shelf.keys, film_ids, lambda: pairs, shelf.may_share)
        found: dict[int, FilmSummary] = {}
        keys = {}
        pairs = []
        for chunk in _chunks(ids, 500):
            marks = ",".join("?" * len(chunk))
            for row in await self._all(
                f"SELECT {_FILM_COLUMNS_OF_F}, f.norm, c.person_id FROM credits c "
                f"JOIN films f ON f.id = c.film_id WHERE c.role = ? AND c.person_id IN ({marks})",
                [role, *chunk],
            ):
                film_id = row[0]
                if film_id not in found:
                    found[film_id] = FilmSummary(*row[:SUMMARY_COLUMNS])
                    keys[film_id] = _title_key(row[SUMMARY_COLUMNS])
                pairs.append((film_id, row[-1]))
        films = _oldest_first(found.values())
        film_of = found.__getitem__
        return PeopleCredits(
            lambda ids: list(map(film_of, ids)), keys, list(map(_ID, films)), lambda: pairs
        )

    def labels_differ(self, film_ids: Iterable[int]) -> bool:
        """Whether the different films of ``film_ids`` have labels that all differ, as
        the film shelf tells from their places in its order (films share a place only
        when they share their title and year), without reading the films; False when it
        cannot tell."""
        shelf = self._shelf
        return shelf is not None and shelf.placed_apart(film_ids)

    def shared_title_keys(self, films: Sequence[FilmSummary]) -> dict[int, str]:
        """The title keys (a title's normal form: the same for films sharing a title) of
        those of ``films`` whose title another film of the catalog may have too, from
        memory when the films are (the others' titles are their own: no key read); every
        film's when the catalog cannot tell."""
        shelf = self._shelf
        if shelf is not None:
            return shelf.keys_of(shelf.may_share(list(map(_ID, films))))
        return {f.id: _title_key(norm(f.title)) for f in films}

    async def merged_films(self, film_ids: Sequence[int]) -> list[int]:
        """Those of ``film_ids`` whose source gave them the facts of every film of their
        title, merged (tagged ``SHARED_TITLE_TAG``). Only films whose title another film
        may have too are looked at (from memory when the film shelf is built): a few rows
        by key."""
        ids = list(dict.fromkeys(film_ids))
        shelf = self._shelf
        if shelf is not None:
            ids = shelf.may_share(ids)
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        rows = await self._keyed(MERGED_SQL.format(marks=marks), [*ids, _SHARED_TITLE_NORM])
        tagged = set(map(itemgetter(0), rows))
        return [film_id for film_id in ids if film_id in tagged]

    async def _credit_rows(
        self, sql: str, person_ids: list[int], after: tuple[object, ...]
    ) -> list[tuple]:
        """Rows of ``sql`` (a query the credits' person index answers alone, taking the
        people in place of ``{marks}`` and then ``after``), read on this thread when the
        catalog can: an index range per person, quicker than a trip to the database
        thread."""
        rows: list[tuple] = []
        for chunk in _chunks(person_ids, 500):
            marks = ",".join("?" * len(chunk))
            rows += await self._keyed(sql.format(marks=marks), [*chunk, *after])
        return rows

    async def values_of_films(self, film_ids: Sequence[int], kind: str) -> list[tuple[int, str]]:
        """``(film id, value)`` of one kind (genre, language, tag…), in film order."""
        return await self._in_film_order(
            "SELECT v.film_id, v.value FROM json_each(?) w CROSS JOIN film_values v "
            "ON v.film_id = w.value AND v.kind = ? ORDER BY w.key, v.position",
            film_ids,
            kind,
        )

    async def _in_film_order(self, sql: str, film_ids: Sequence[int], kind: str) -> list[tuple]:
        """Rows of ``sql`` for many films, in one query that SQLite sorts (the films' order,
        then their rows' positions), off the event loop's GIL.

        ``sql`` takes the film ids as a JSON array (``json_each``: a film's place in the
        order is its ``key``), then ``kind``.
        """
        ids = list(dict.fromkeys(film_ids))
        if not ids:
            return []
        read = self._keyed if len(ids) <= QUICK_FILMS_MOST else self._all
        return await read(sql, [json.dumps(ids), kind])

    # --- names -----------------------------------------------------------------------------

    async def lookup_names(self, norms: Sequence[str]) -> list[NameHit]:
        """Every catalog name equal to one of ``norms`` (exact, normalised)."""
        asked = dict.fromkeys(norms)
        asked.pop("", None)
        names = self._names
        if names is not None:  # most texts looked up are no name: only names are read
            known = names.among(asked)
            keys = [key for key in asked if key in known]
        else:
            keys = list(asked)
        hits: list[NameHit] = []
        for chunk in _chunks(keys, 500):
            marks = ",".join("?" * len(chunk))
            rows = await self._keyed(  # an index look-up per name: no trip to the db thread
                f"SELECT norm, kind, ref, display FROM names WHERE norm IN ({marks})", chunk
            )
            hits.extend(NameHit(*r) for r in rows)
        return hits

    async def stats(self) -> CatalogStats:
        """The catalog's counts: read once (they never change in its snapshot), since
        counting a big catalog's credits reads every row of an index."""
        if self._stats is None:
            row = await self._one(
                "SELECT (SELECT count(*) FROM films), (SELECT count(*) FROM people), "
                "(SELECT count(*) FROM credits), (SELECT count(*) FROM files), "
                "(SELECT count(*) FROM films WHERE status != 'released')"
            )
            assert row is not None
            self._stats = CatalogStats(*row)
        return self._stats

    async def file_count(self) -> int:
        row = await self._one("SELECT count(*) FROM files")
        return int(row[0]) if row else 0

    async def select(self, sql: str, params: Sequence[object] = ()) -> list[tuple]:
        """Rows of a read-only query, for the store's other modules (``discovery``)."""
        return await self._all(sql, params)

    # --- plumbing ------------------------------------------------------------------------

    async def _one(self, sql: str, params: Sequence[object] = ()) -> tuple | None:
        """The first row of a query that returns at most a few."""
        rows = await self._all(sql, params)
        return rows[0] if rows else None

    async def _in_chunks(self, sql: str, values: Sequence[object]) -> list[tuple]:
        """Rows of ``sql`` for many values, which it takes in place of ``{marks}``."""
        rows: list[tuple] = []
        for chunk in _chunks(list(values), 500):
            rows += await self._all(sql.format(marks=",".join("?" * len(chunk))), chunk)
        return rows

    async def _keyed(self, sql: str, params: Sequence[object]) -> list[tuple]:
        """Rows of a look-up of a few rows by key: read on the event loop's thread, which
        costs less than a trip to the database thread (and waits for no other query)."""
        if self._quick is not None:
            return self._quick.execute(sql, params).fetchall()
        return await self._all(sql, params)

    async def _all(self, sql: str, params: Sequence[object] = ()) -> list[tuple]:
        # One trip to the database thread (execute, fetch and close together).
        return list(await self._db.execute_fetchall(sql, params))


def _most_credited(
    index: CreditIndex, shelf: FilmShelf, roles: list[str], limit: int
) -> list[tuple[int, int]]:
    """:meth:`Catalog.most_credited` from the credit index and the shelf, off the loop."""
    bound: Counter[int] = Counter()  # each person's credits: at least their released films
    for role in roles:
        people = index.roles[role][0]
        for at in range(0, len(people), SLICE_ITEMS):
            bound.update(people[at : at + SLICE_ITEMS])
    for (role, person_id), films in index.added.items():  # credits a reload added
        if role in roles:
            bound[person_id] += len(films)
    exact: list[tuple[int, int]] = []  # (-films, person id)
    wanted = limit * 4
    while True:
        ranked = heapq.nlargest(wanted, bound.items(), key=itemgetter(1))
        for person_id, most in ranked[len(exact) :]:
            if len(exact) >= limit and most < -sorted(exact)[limit - 1][0]:
                return [(pid, -n) for n, pid in sorted(exact)[:limit]]
            released = {
                film_id
                for role in roles
                for film_id in index.films(person_id, role)
                if (film := shelf.get(film_id)) is not None and film.confirmed
            }
            if released:
                exact.append((-len(released), person_id))
        if len(ranked) < wanted:  # everyone counted
            return [(pid, -n) for n, pid in sorted(exact)[:limit]]
        wanted *= 4


def _same_snapshot(path: Path, meta: dict[str, str]) -> sqlite3.Connection | None:
    """A second read-only connection for look-ups of a few rows by key, made on the event
    loop's thread (each costs less than a trip to the database thread), reading the same
    state of the store as ``meta`` says the catalog's connection reads; None when it
    cannot (a reload committed in between)."""
    try:
        quick = sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None)
    except sqlite3.Error:
        return None
    try:
        quick.execute("PRAGMA query_only = ON")
        quick.execute("PRAGMA mmap_size = 268435456")
        quick.execute("BEGIN")  # held for the catalog's life, like the catalog's own
        if dict(quick.execute("SELECT key, value FROM meta").fetchall()) == meta:
            return quick
    except sqlite3.Error:
        pass
    quick.close()
    return None


def _oldest_first(films: Iterable[FilmSummary]) -> list[FilmSummary]:
    """By year, then by title; films without a year last."""
    films = list(films)
    if None not in map(_YEAR, films):
        return sorted(films, key=_BY_YEAR_AND_TITLE)
    dated, undated = [], []
    for film in films:
        (undated if film.year is None else dated).append(film)
    dated.sort(key=_BY_YEAR_AND_TITLE)
    undated.sort(key=_BY_TITLE)
    return dated + undated


TypoHit = tuple[float, str, int, int]
"""A title close to a typed text: ``(score, norm, film id, 1 if without its article)``."""
_SCORE = itemgetter(0)
_AFTER_SCORE = itemgetter(3, 1, 2)  # without its article, norm, film id
_FILM = itemgetter(2)


def _typo_hits(
    key: str,
    names: list[str],
    refs: Sequence[int],
    limit: int,
    cutoff: float,
    alike: bool = False,
    bare: tuple[list[str], list[int]] | None = None,
) -> list[TypoHit]:
    """The titles ``names`` (of the films ``refs``; sorted, unless ``bare`` is given)
    closest to ``key``, at least ``cutoff`` close, the ``2 * limit`` best (by score, then
    in their order).

    A short typed text is compared with title beginnings of about its own length. Each
    title that begins with an article is compared without it too, as people type it
    ("fodfather"), after titles as they are that are as close; ``alike``: all begin with
    ``key``'s first character; ``bare``: those without their article, when known.
    """
    bucket = -(-len(key) // 4) * 4 + 4
    cut = None if bucket > PREFIX_BUCKET_MAX else bucket
    if bare is None:
        bare = without_articles(names, refs, key[:1] if alike else "", ordered=True)
    bare_names, bare_refs = bare
    found = process.extract(
        key,
        names + bare_names,
        scorer=fuzz.QRatio,
        # each title as it begins, cut as it is compared (cutting the typed text leaves
        # it as it is): not a list of them all made first
        processor=None if cut is None else itemgetter(slice(cut)),
        limit=limit * 2,
        score_cutoff=cutoff,
    )
    bare_from = len(names)
    return [
        (score, names[i], refs[i], 0)
        if i < bare_from
        else (score, bare_names[i - bare_from], bare_refs[i - bare_from], 1)
        for _, score, i in found
    ]


def _rarest(counts: Iterable[tuple[str, int]], most: int = GRAM_POSTINGS_MOST) -> list[str]:
    """The rarest of a text's letter triples (given with how many titles have each) that
    together name at most ``most`` titles."""
    rare: list[str] = []
    postings = 0
    for doc, term in sorted((doc, term) for term, doc in counts if doc):
        if postings + doc > most or len(rare) >= RARE_GRAMS:
            break
        rare.append(term)
        postings += doc
    return rare


def _hit(person: PersonName) -> NameHit:
    return NameHit(person.norm, person.kind, person.ref, person.display)


def _chunks(items: list, size: int) -> Iterable[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
