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
from collections.abc import Callable
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
    read_file,
    validated,
)
from bot.catalog.plain import (
    FIELD_CHECKS,
    PlainFilm,
    PlainPerson,
    Unsure,
    as_list,
    cast_member,
    plain_name,
    plain_person,
    plain_sections,
)
from bot.catalog.schema import FILM_KEYS, MAX_LIST, Film, Person, slugify
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
        """Add a validated film's rows."""
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
        columns = _film_columns(film.slug, facts.get, title_key)
        self._add_film_row(columns, first_credit, first_value, first_source, first_trivia)

    def add_plain_film(self, film: Any, keys: NameKeys) -> None:
        """Add a film's rows straight from its mapping as the file gives it, each value
        checked as ``bot.catalog.plain`` checks it, in the walk that makes its rows (no
        film object in between). Raises ``Unsure`` for a value not in its plain form: the
        file's rows are then dropped, and the full validation decides."""
        if type(film) is not dict or not film.keys() <= _FILM_FIELDS:
            raise Unsure
        get = film.get
        title, year = plain_name(get("title")), get("year")
        for key in film.keys() & _SINGLE_FIELDS:
            if film[key] is not None:
                FIELD_CHECKS[key](film[key])
            elif key == "status":
                raise Unsure
        index = len(self.films)
        credits, values, names, film_names = self.credits, self.values, self.names, self.film_names
        title_key = _title_key(title)
        sources, trivia = self.sources, self.trivia
        first_credit, first_value = len(credits), len(values)
        first_source, first_trivia = len(sources), len(trivia)
        film_names.append((index, title_key, title))
        for pos, alias in enumerate(as_list(get("aliases"), MAX_LIST)):
            key = keys[alias]  # the alias checked as a name first
            values.append((index, "alias", alias, norm(alias), pos, year))
            film_names.append((index, key, title))
        add_credit = credits.append
        for role, attr in ROLE_FIELDS.items():
            people = get(attr)
            if people is None:  # most films name few of the roles, and few kinds of values
                continue
            for pos, name in enumerate(as_list(people, MAX_LIST)):
                add_credit((index, keys[name], name, role, None, None, None, pos))
        for pos, member in enumerate(as_list(get("cast"), MAX_LIST)):
            # Most members are a person alone: ``{person: Al Pacino}`` or ``Al Pacino``.
            if type(member) is dict:
                person = member.get("person") if len(member) == 1 else None
            else:
                person = member if type(member) is str else None
            if person is not None:
                add_credit((index, keys[person], person, "cast", None, None, None, pos))
                continue
            person, character, note = cast_member(member)
            character_key = norm(character) if character else None
            add_credit((index, keys[person], person, "cast", character, character_key, note, pos))
            if character_key:
                names.append((index, character_key, "character", character))
        for kind, attr in VALUE_FIELDS.items():
            listed = get(attr)
            if listed is None:
                continue
            for pos, value in enumerate(as_list(listed, MAX_LIST)):
                value_key = keys[value]
                values.append((index, kind, value, value_key, pos, year))
                names.append((index, value_key, kind, value))
        listed = get("sources")
        if listed is not None:
            for pos, (url, text, note) in enumerate(FIELD_CHECKS["sources"](listed)):
                sources.append((index, pos, url, text, note))
        listed = get("trivia")
        if listed is not None:
            for pos, text in enumerate(FIELD_CHECKS["trivia"](listed)):
                trivia.append((index, pos, text))
        columns = _film_columns(get("id") or slugify(title, year), get, title_key)
        self._add_film_row(columns, first_credit, first_value, first_source, first_trivia)

    def _add_film_row(self, columns: tuple, *firsts: int) -> None:
        """Add a film's own row, ``columns`` and the digest of them and of its rows in
        the tables of credits, values, sources and trivia (from ``firsts`` on in each)."""
        # The film's content hash, to tell a changed film on reload: of its rows, which
        # hold every fact of the film however it was validated (not where it stands).
        first_credit, first_value, first_source, first_trivia = firsts
        rows = [
            *map(_BUT_INDEX, self.credits[first_credit:]),
            *map(_BUT_INDEX, self.values[first_value:]),
            *map(_BUT_INDEX, self.sources[first_source:]),
            *map(_BUT_INDEX, self.trivia[first_trivia:]),
        ]
        # Made as a plain tuple is (a named tuple's own constructor is a Python call).
        self.films.append(tuple.__new__(FilmRow, (*columns, facts_digest((columns, rows)))))

    def add_person(self, person: Person | PlainPerson) -> None:
        """Add an entry of ``people:``."""
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
    read = read_file(ref, max_bytes)
    if read.doc is not None and not read.doc.duplicates:
        rows = plain_rows(read.parsed, read.doc.value)
        if rows is not None:
            return rows
    return rows_of(validated(read))


def plain_rows(outcome: FileOutcome, value: Any) -> FileRows | None:
    """The rows of a file's content when every value is in its plain form, each film's
    made straight from its mapping; else None, and the full validation decides."""
    rows = _rows_for(outcome)
    keys = NameKeys()
    try:
        films, people, rows.imported = plain_sections(value)
        for film in films:
            rows.add_plain_film(film, keys)
        for person in people:
            rows.add_person(plain_person(person))
    except Unsure:
        return None
    except TypeError:  # a list or mapping where a name belongs, looked up as one
        return None
    return rows


def rows_of(parsed: ParsedFile) -> FileRows:
    """The rows of a parsed file (none, with its problems, when it has any)."""
    rows = _rows_for(parsed)
    rows.imported = parsed.imported
    for film in parsed.films:
        rows.add_film(film)
    for person in parsed.people:
        rows.add_person(person)
    return rows


def _rows_for(outcome: FileOutcome) -> FileRows:
    return FileRows(
        outcome.rel, outcome.display, outcome.sha256, outcome.size, outcome.errors, outcome.path
    )


class NameKeys(dict[str, str]):
    """The store's key of each name the films of a file give, each name checked as a
    name in its plain form when first met (``Unsure`` is raised if it is not): names
    repeat from film to film, and are then neither checked nor keyed again."""

    def __missing__(self, name: str) -> str:
        key = self[name] = key_of(plain_name(name))
        return key


_LIST_FIELDS = frozenset(("aliases", "cast", "sources", "trivia", *ROLE_FIELDS.values()))
_FILM_FIELDS = frozenset(FILM_KEYS)
# The fields of a film that are neither lists nor its title: checked one by one.
_SINGLE_FIELDS = _FILM_FIELDS - _LIST_FIELDS - {*VALUE_FIELDS.values(), "title"}


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


def _film_columns(slug: str, get: Callable[[str], Any], title_key: str) -> tuple:
    """The film's own columns, but its digest, from ``get`` of its fields (None for
    those it does not give)."""
    release_date, rating, votes = get("release_date"), get("imdb_rating"), get("imdb_votes")
    return (
        slug,
        get("title"),
        title_key,
        get("year"),
        get("status") or "released",
        get("follows"),
        get("runtime_minutes"),
        None if release_date is None else release_date.isoformat(),
        get("synopsis"),
        get("tagline"),
        get("trailer"),
        None if rating is None else str(rating),
        None if votes is None else str(votes),
        get("imdb_id"),
        rating if type(rating) is float else None,
        votes if type(votes) is int else None,
        get("poster"),
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
