"""A quick path through validation for facts written in their plain form.

Most facts files, and every imported one, write each value in its usual form: text for
names, whole numbers for years, lists for lists. For those, checking each value here is
several times cheaper than building the schema's models, and gives the same facts. Any
value this module is not sure about (a number standing for a name, a year in quotes, an
unknown key, anything out of range) makes ``plain_facts`` return None, and the file goes
through the full model validation (``bot.catalog.schema``), which accepts it or says
precisely what is wrong. So this path never accepts what the schema refuses, nor reads a
value differently (``tests/catalog/test_plain.py`` checks both against the models).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from types import SimpleNamespace
from typing import Any

from bot.catalog.schema import (
    FILM_KEYS,
    MAX_LIST,
    MAX_NAME,
    MAX_TEXT,
    PERSON_KEYS,
    STATUSES,
    FilmIdentity,
)

_FILM_KEYS = frozenset(FILM_KEYS)
_PERSON_KEYS = frozenset(PERSON_KEYS)
_CAST_KEYS = frozenset(("person", "role", "note"))
_SOURCE_KEYS = frozenset(("url", "text", "note"))
_FILE_KEYS = frozenset(("imported", "films", "people"))
_STATUSES = frozenset(STATUSES)
_REQUIRED = frozenset(("title", "status"))
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_URL = re.compile(r"https?://\S+")
_URL_START = re.compile(r"https?://")
_IMDB_ID = re.compile(r"tt[0-9]{7,12}")
_NAME_LISTS = ("aliases", "companies", "genres", "languages", "countries", "setting", "tags")
_PERSON_LISTS = ("directors", "writers", "producers", "composer")
_OPTIONAL_TEXTS = ("synopsis", "tagline")
_OPTIONAL_URLS = ("trailer", "poster")
_MAX_FILMS = 100_000
_MAX_SOURCES = 200
_MAX_TRIVIA = 500


class Unsure(Exception):
    """A value not in its plain form: the full validation decides."""


class PlainFilm(FilmIdentity, SimpleNamespace):
    """A film that passed the quick checks; read like :class:`bot.catalog.schema.Film`."""


class PlainPerson(SimpleNamespace):
    """An entry of ``people:`` that passed the quick checks; read like ``Person``."""


_FILM_DEFAULTS: dict[str, Any] = {
    key: [] if key in (*_NAME_LISTS, *_PERSON_LISTS, "cast", "sources", "trivia") else None
    for key in FILM_KEYS
}
_FILM_DEFAULTS["status"] = "released"


def plain_facts(value: Any) -> tuple[list[PlainFilm], list[PlainPerson], str | None] | None:
    """The films, people and importer of a file's content when every value is in its
    plain form, else None (the full validation then decides)."""
    try:
        films, people, imported = plain_sections(value)
        return [_film(film) for film in films], [plain_person(p) for p in people], imported
    except Unsure:
        return None


def plain_sections(value: Any) -> tuple[list[Any], list[Any], str | None]:
    """A file's films and people as written (to be checked one by one), and its importer
    checked; raises ``Unsure`` when the file's shape is not the plain one."""
    if type(value) is not dict:
        raise Unsure
    keys = value.keys()
    if not keys & _FILE_KEYS:
        if not keys & _FILM_KEYS:
            raise Unsure
        return [value], [], None
    if not keys <= _FILE_KEYS:
        raise Unsure
    films = _listed(value.get("films", []), _MAX_FILMS)
    people = _listed(value.get("people", []), _MAX_FILMS)
    imported = value.get("imported")
    return films, people, None if imported is None else plain_name(imported)


def _listed(value: Any, most: int) -> list[Any]:
    if type(value) is not list or len(value) > most:
        raise Unsure
    return value


def _checked_fields(value: Any) -> dict[str, Any]:
    """A film's fields that hold a value, each checked, in a new mapping: a cast member as
    ``(person, role, note)``, a source as ``(url, text, note)``. Raises ``Unsure`` for a
    value not in its plain form."""
    if type(value) is not dict or not value.keys() <= _FILM_KEYS or "title" not in value:
        raise Unsure
    fields = {}
    for key, item in value.items():
        if item is not None:
            fields[key] = FIELD_CHECKS[key](item)
        elif key in _REQUIRED:
            raise Unsure
        # None stands for an absent value in every other field (an empty list for lists)
    return fields


def _film(value: Any) -> PlainFilm:
    fields = _checked_fields(value)
    film = PlainFilm(**_FILM_DEFAULTS)
    vars(film).update(fields)
    film.cast = [SimpleNamespace(person=p, role=r, note=n) for p, r, n in film.cast]
    film.sources = [SimpleNamespace(url=u, text=t, note=n) for u, t, n in film.sources]
    return film


def plain_person(value: Any) -> PlainPerson:
    """An entry of ``people:``, checked; raises ``Unsure`` for a value not in its plain form."""
    if type(value) is not dict or not value.keys() <= _PERSON_KEYS or "name" not in value:
        raise Unsure
    return PlainPerson(
        name=plain_name(value["name"]),
        aliases=_names(value.get("aliases")),
        born=_life_date(value.get("born")),
        died=_life_date(value.get("died")),
    )


def _text(value: Any, most: int) -> str:
    """``value`` when it is text as the schema takes it (not empty, not padded, not too
    long)."""
    if type(value) is not str or not 0 < len(value) <= most or value.strip() != value:
        raise Unsure
    return value


def _texts(values: Sequence[Any], most: int) -> Sequence[str]:
    """``values`` when each is text as the schema takes it."""
    for value in values:
        _text(value, most)
    return values


def plain_name(value: Any) -> str:
    """``value`` when it is a name as the schema takes it, else ``Unsure`` is raised."""
    return _text(value, MAX_NAME)


def _long_text(value: Any) -> str:
    return _text(value, MAX_TEXT)


def _matching(pattern: re.Pattern[str], most: int) -> Any:
    def check(value: Any) -> str:
        if type(value) is not str or len(value) > most or not pattern.fullmatch(value):
            raise Unsure
        return value

    return check


_slug = _matching(_SLUG, 120)
_url = _matching(_URL, 2000)
_imdb_id = _matching(_IMDB_ID, 20)


def as_list(value: Any, most: int) -> list[Any]:
    """A list field's items (a single one standing for the list), at most ``most``."""
    if value is None:
        return []
    if type(value) is list:
        if len(value) > most:
            raise Unsure
        return value
    if type(value) in (str, dict):
        return [value]
    raise Unsure


def _names(value: Any) -> list[str]:
    return _texts(as_list(value, MAX_LIST), MAX_NAME)  # type: ignore[return-value]


def _whole(low: int, high: int) -> Any:
    def check(value: Any) -> int:
        if type(value) is not int or not low <= value <= high:
            raise Unsure
        return value

    return check


def _status(value: Any) -> str:
    if type(value) is not str or value not in _STATUSES:
        raise Unsure
    return value


def _date(value: Any) -> dt.date:
    if type(value) is not dt.date:
        raise Unsure
    return value


def _life_date(value: Any) -> dt.date | int | None:
    if value is None or type(value) is dt.date:
        return value
    return _whole(1800, 2100)(value)


def _cast(value: Any) -> list[tuple[str, str | None, str | None]]:
    return [cast_member(item) for item in as_list(value, MAX_LIST)]


def cast_member(item: Any) -> tuple[str, str | None, str | None]:
    """A cast member, checked, as ``(person, role, note)``."""
    if type(item) is str:
        return plain_name(item), None, None
    if type(item) is not dict or not item.keys() <= _CAST_KEYS:
        raise Unsure
    role, note = item.get("role"), item.get("note")
    return (
        plain_name(item.get("person")),
        None if role is None else plain_name(role),
        None if note is None else _long_text(note),
    )


def _sources(value: Any) -> list[tuple[str | None, str | None, str | None]]:
    return [source(item) for item in as_list(value, _MAX_SOURCES)]


def source(item: Any) -> tuple[str | None, str | None, str | None]:
    """A source, checked, as ``(url, text, note)``."""
    if type(item) is str:
        if _URL_START.match(item):
            return _url(item), None, None
        return None, _long_text(item), None
    if type(item) is not dict or not item.keys() <= _SOURCE_KEYS:
        raise Unsure
    url, text, note = item.get("url"), item.get("text"), item.get("note")
    if url is None and text is None:
        raise Unsure  # a source needs a url or a text: the full validation says so
    return (
        None if url is None else _url(url),
        None if text is None else _long_text(text),
        None if note is None else _long_text(note),
    )


def _rating(value: Any) -> float | str:
    if type(value) is float and 0 <= value <= 10:
        return value
    return plain_name(value)


def _votes(value: Any) -> int | str:
    if type(value) is int and value >= 0:
        return value
    return plain_name(value)


# Each film field's check: its value in its plain form, else ``Unsure`` is raised.
FIELD_CHECKS: dict[str, Any] = {
    "id": _slug,
    "title": plain_name,
    "year": _whole(1870, 2100),
    "status": _status,
    "sources": _sources,
    "follows": _slug,
    "cast": _cast,
    "runtime_minutes": _whole(1, 10000),
    "release_date": _date,
    "trivia": lambda value: _texts(as_list(value, _MAX_TRIVIA), MAX_TEXT),
    "imdb_rating": _rating,
    "imdb_votes": _votes,
    "imdb_id": _imdb_id,
    **dict.fromkeys(_NAME_LISTS, _names),
    **dict.fromkeys(_PERSON_LISTS, _names),
    **dict.fromkeys(_OPTIONAL_TEXTS, _long_text),
    **dict.fromkeys(_OPTIONAL_URLS, _url),
}
assert FIELD_CHECKS.keys() == _FILM_KEYS
