"""One facts file → the rows the store keeps, prepared where the file is parsed.

Parsing workers hand the build plain tuples rather than validated models: tuples cross the
process boundary several times faster, and the store writer is left with little more than
numbering films and people. Rows point at films by their index in the file; the writer
turns indexes into ids.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import itertools
import marshal
import operator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from bot.catalog.loader import (
    DEFAULT_MAX_FILE_BYTES,
    FileOutcome,
    FileRef,
    ParsedFile,
    parse_bytes,
    parse_file,
)
from bot.catalog.plain import PlainFilm, PlainPerson
from bot.catalog.schema import Film, Person
from bot.text import norm

VALUE_FIELDS = {
    "genre": "genres",
    "language": "languages",
    "country": "countries",
    "company": "companies",
    "setting": "setting",
    "tag": "tags",
}
ROLE_FIELDS = {
    "director": "directors",
    "writer": "writers",
    "producer": "producers",
    "composer": "composer",
}


class FilmRow(NamedTuple):
    """A film's own columns, in the store's order (id, file and position come later)."""

    slug: str
    title: str
    norm: str
    year: int | None
    status: str
    follows: str | None
    runtime_minutes: int | None
    release_date: str | None
    synopsis: str | None
    tagline: str | None
    trailer: str | None
    imdb_rating: str | None
    imdb_votes: str | None
    imdb_id: str | None
    rating: float | None
    votes: int | None
    poster: str | None
    digest: str

    @property
    def label(self) -> str:
        return f"{self.title} ({self.year})" if self.year else self.title


@dataclass(slots=True)
class FileRows(FileOutcome):
    """Everything one facts file adds to the store, or what is wrong with the file."""

    films: list[FilmRow] = field(default_factory=list)
    # (film index, person key, person name, role, character, character key, note, position)
    credits: list[tuple] = field(default_factory=list)
    # (film index, kind, value, key, position, film's year); kind "alias" for other titles
    values: list[tuple] = field(default_factory=list)
    sources: list[tuple] = field(default_factory=list)  # (film index, position, url, text, note)
    trivia: list[tuple] = field(default_factory=list)  # (film index, position, text)
    film_names: list[tuple] = field(default_factory=list)  # (film index, key, title)
    # (film index, key, kind, display) of the characters and values films name
    names: list[tuple] = field(default_factory=list)
    # (name, key, born, died, ((alias key, alias), ...)) for each entry of ``people:``
    people: list[tuple] = field(default_factory=list)
    imported: str | None = None  # the importer that wrote the file, if one did
    # Whether the tables of rows (FILM_TABLES) hold each table's values one after the
    # other, a row every ``ROW_WIDTHS[table]`` of them: as they cross to the writing
    # process, which hands them on to SQLite as they are (the unpickling, the freeing and
    # the regrouping into statements of a tuple a row cost it more than the rest).
    flat: bool = False

    @property
    def file_columns(self) -> tuple[str, str, str, int, int, str | None]:
        """The file's row in the store: path, display, sha256, size, films, importer."""
        return self.rel, self.display, self.sha256, self.size, len(self.films), self.imported

    def __getstate__(self) -> dict[str, Any]:
        # Films cross to the writing process as plain tuples: a named tuple is pickled and
        # unpickled through a Python call each, several times slower.
        state = {name: getattr(self, name) for name in _FIELDS}
        state["films"] = list(map(tuple, self.films))
        state.update((name, self.values_of(name)) for name in FILM_TABLES)
        state["flat"] = True
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        state["films"] = list(map(tuple.__new__, itertools.repeat(FilmRow), state["films"]))
        for name, value in state.items():
            setattr(self, name, value)

    def values_of(self, table: str) -> list:
        """The values of ``table``'s rows, one row after the other."""
        rows = getattr(self, table)
        return rows if self.flat else list(itertools.chain.from_iterable(rows))

    def rows_of(self, table: str) -> list[tuple]:
        """``table``'s rows, a tuple each."""
        rows = getattr(self, table)
        return list(zip(*[iter(rows)] * ROW_WIDTHS[table], strict=True)) if self.flat else rows

    def renumbered(self, films: list[int]) -> FileRows:
        """The rows of the ``films`` named (by index, in order) alone, numbered from 0 in
        that order: what a reload writes of a file of which some films are kept."""
        rank = {index: number for number, index in enumerate(films)}
        tables = {
            name: [(rank[row[0]], *row[1:]) for row in self.rows_of(name) if row[0] in rank]
            for name in FILM_TABLES
        }
        films_kept = [self.films[i] for i in films]
        return dataclasses.replace(self, films=films_kept, flat=False, **tables)

    def add_film(self, film: Film | PlainFilm) -> None:
        # A film's fields are read from its dict once: an attribute of a validated film is
        # looked up through its class first, several times the cost of a dict's item.
        facts = vars(film)
        index = len(self.films)
        credits, values, names, film_names = self.credits, self.values, self.names, self.film_names
        title, year = facts["title"], facts["year"]
        title_key = _title_key(title)
        sources, trivia = self.sources, self.trivia
        first_credit, first_value = len(credits), len(values)
        first_source, first_trivia = len(sources), len(trivia)
        film_names.append((index, title_key, title))
        for pos, alias in enumerate(facts["aliases"]):
            values.append((index, "alias", alias, norm(alias), pos, year))
            film_names.append((index, key_of(alias), title))
        add_credit = credits.append
        for role, attr in ROLE_FIELDS.items():
            people = facts[attr]
            if not people:  # most films name few of the roles, and few kinds of values
                continue
            for pos, name in enumerate(people):
                add_credit((index, key_of(name), name, role, None, None, None, pos))
        for pos, member in enumerate(facts["cast"]):
            character = member.role
            character_key = norm(character) if character else None
            person = member.person
            add_credit(
                (index, key_of(person), person, "cast", character, character_key, member.note, pos)
            )
            if character_key:
                names.append((index, character_key, "character", character))
        for kind, attr in VALUE_FIELDS.items():
            listed = facts[attr]
            if not listed:
                continue
            for pos, value in enumerate(listed):
                value_key = key_of(value)
                values.append((index, kind, value, value_key, pos, year))
                names.append((index, value_key, kind, value))
        for pos, src in enumerate(facts["sources"]):
            sources.append((index, pos, src.url, src.text, src.note))
        for pos, text in enumerate(facts["trivia"]):
            trivia.append((index, pos, text))
        columns = _film_columns(film.slug, facts, title_key)
        # The film's content hash, to tell a changed film on reload: of its rows, which
        # hold every fact of the film however it was validated (not where it stands).
        rows = [
            *map(_BUT_INDEX, credits[first_credit:]),
            *map(_BUT_INDEX, values[first_value:]),
            *map(_BUT_INDEX, sources[first_source:]),
            *map(_BUT_INDEX, trivia[first_trivia:]),
        ]
        # Made as a plain tuple is (a named tuple's own constructor is a Python call).
        self.films.append(tuple.__new__(FilmRow, (*columns, facts_digest((columns, rows)))))

    def add_person(self, person: Person | PlainPerson) -> None:
        aliases = tuple((key_of(alias), alias) for alias in person.aliases)
        born, died = _when(person.born), _when(person.died)
        self.people.append((person.name, key_of(person.name), born, died, aliases))


_FIELDS = tuple(f.name for f in dataclasses.fields(FileRows))
ROW_WIDTHS = {"credits": 8, "values": 6, "sources": 5, "trivia": 3, "film_names": 3, "names": 4}
FILM_TABLES = tuple(ROW_WIDTHS)
"""The tables of rows that point at a film of the file, by its index in their first column."""


def facts_digest(facts: tuple) -> str:
    """A hash of a film's facts (tuples and lists of text, numbers and None).

    Serialised with marshal's first format, which writes every value in full (no
    references to values seen before, no mark for interned text): the same facts give the
    same bytes in any process, several times quicker than their ``repr``.
    """
    try:
        data = marshal.dumps(facts, 0)
    except ValueError:  # a value marshal cannot write: its text stands for it
        data = repr(facts).encode()
    return hashlib.blake2b(data, digest_size=16).hexdigest()


_BUT_INDEX = operator.itemgetter(slice(1, None))  # a row without its film's index


@lru_cache(maxsize=65536)
def key_of(name: str) -> str:
    """The store's lookup key for a name (its normal form, or lower case if that is empty)."""
    return norm(name) or name.lower()


def prepare_file(ref: FileRef, max_bytes: int = DEFAULT_MAX_FILE_BYTES) -> FileRows:
    """Parse, validate and turn one facts file into rows. Never raises for bad content."""
    return rows_of(parse_file(ref, max_bytes))


def rows_of(parsed: ParsedFile) -> FileRows:
    """The rows of a parsed file (none, with its problems, when it has any)."""
    rows = FileRows(
        parsed.rel, parsed.display, parsed.sha256, parsed.size, parsed.errors, parsed.path
    )
    rows.imported = parsed.imported
    for film in parsed.films:
        rows.add_film(film)
    for person in parsed.people:
        rows.add_person(person)
    return rows


_SAMPLE = b"""\
title: Heat
year: 1995
directors: [Michael Mann]
cast: [{person: Al Pacino, role: Vincent Hanna}]
genres: [Crime]
sources: [https://en.wikipedia.org/wiki/Heat_(1995_film)]
"""


def warm_up() -> None:
    """Run one small file through reading, validation and rows, so that the first real
    build of a fresh build process does not pay for first-use set-up."""
    rows_of(parse_bytes(FileRef(Path("sample.yaml"), "sample.yaml", "sample.yaml"), _SAMPLE))


def _film_columns(slug: str, facts: dict[str, Any], title_key: str) -> tuple:
    """The film's own columns, but its digest, from its fields."""
    release_date, rating, votes = facts["release_date"], facts["imdb_rating"], facts["imdb_votes"]
    return (
        slug,
        facts["title"],
        title_key,
        facts["year"],
        facts["status"],
        facts["follows"],
        facts["runtime_minutes"],
        None if release_date is None else release_date.isoformat(),
        facts["synopsis"],
        facts["tagline"],
        facts["trailer"],
        None if rating is None else str(rating),
        None if votes is None else str(votes),
        facts["imdb_id"],
        rating if type(rating) is float else None,
        votes if type(votes) is int else None,
        facts["poster"],
    )


def _title_key(title: str) -> str:
    """``key_of`` a film's title, without its cache: titles seldom repeat, and would only
    push out of it the names that do."""
    return _norm(title) or title.lower()


_norm = norm.__wrapped__  # type: ignore[attr-defined]


def _when(value: dt.date | int | None) -> str | None:
    """A date as ``YYYY-MM-DD``, a year alone as ``YYYY``."""
    return (
        value.isoformat() if isinstance(value, dt.date) else None if value is None else str(value)
    )
