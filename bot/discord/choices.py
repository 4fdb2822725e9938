"""What the commands offer while typing (titles, people, genres), and how a typed value is
resolved.

Plain functions over a :class:`Catalog`, so the benchmark measures exactly what Discord runs.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from discord import app_commands

from bot.store.catalog import Catalog, FilmRecord, FilmSummary, PersonRecord
from bot.store.discovery import nearest_genres, nearest_people
from bot.text import norm

CHOICES_MAX = 25
CHOICE_TEXT_MAX = 100
FILM_VALUE_PREFIX = "film:"
FILM_ID_PREFIX = "film#"
PERSON_VALUE_PREFIX = "person:"


def _fit(text: str) -> str:
    return text if len(text) <= CHOICE_TEXT_MAX else text[: CHOICE_TEXT_MAX - 1] + "…"


def film_choice_name(film: FilmSummary) -> str:
    """``Heat (1995)``; a film that is not released says so: ``Alita 2 (2025) · unconfirmed``."""
    suffix = f" ({film.year})" if film.year else ""
    status = "" if film.confirmed else f" · {film.status}"
    room = CHOICE_TEXT_MAX - len(suffix) - len(status)
    title = film.title if len(film.title) <= room else film.title[: room - 1] + "…"
    return f"{title}{suffix}{status}"


async def title_choices(catalog: Catalog, current: str) -> list[app_commands.Choice[str]]:
    """Up to 25 films for what has been typed: prefix matches, then typo-tolerant ones."""
    films = await catalog.complete_titles(current[:200], limit=CHOICES_MAX)
    return [
        app_commands.Choice(name=film_choice_name(film), value=film_value(film)) for film in films
    ]


def film_value(film: FilmSummary) -> str:
    """The value a choice submits: the stable slug, or the row id when the slug is too long."""
    value = FILM_VALUE_PREFIX + film.slug
    return value if len(value) <= CHOICE_TEXT_MAX else f"{FILM_ID_PREFIX}{film.id}"


async def person_choices(catalog: Catalog, current: str) -> list[app_commands.Choice[str]]:
    """Up to 25 people for what has been typed: name beginnings, then typo-tolerant ones."""
    people = await nearest_people(catalog, current[:200], limit=CHOICES_MAX)
    return [
        app_commands.Choice(name=_fit(name), value=_fit(f"{PERSON_VALUE_PREFIX}{pid}"))
        for pid, name in people
    ]


async def genre_choices(catalog: Catalog, current: str) -> list[app_commands.Choice[str]]:
    """Up to 25 genres for what has been typed, typos included."""
    genres = await nearest_genres(catalog, current[:200], limit=CHOICES_MAX)
    return [app_commands.Choice(name=_fit(g), value=_fit(g)) for g in genres]


async def person_name(catalog: Catalog, value: str) -> str:
    """The name behind a chosen ``person:ID`` value; typed text as it is."""
    text = value.strip()
    if text.startswith(PERSON_VALUE_PREFIX) and text[len(PERSON_VALUE_PREFIX) :].isdigit():
        person = await catalog.person(int(text[len(PERSON_VALUE_PREFIX) :]))
        if person is not None:
            return person.name
    return text


async def prequel_label(catalog: Catalog, film: FilmRecord) -> str | None:
    """The label of the film ``film`` is a sequel to, for its card."""
    prequel = await catalog.film_by_slug(film.follows) if film.follows else None
    return prequel.label if prequel else None


@dataclass
class FilmMatch:
    """A typed title resolved: one film, several that share it, or suggestions."""

    film: FilmRecord | None = None
    candidates: list[FilmSummary] = field(default_factory=list)
    suggestions: list[FilmSummary] = field(default_factory=list)


async def find_film(catalog: Catalog, text: str) -> FilmMatch:
    """Resolve a chosen autocomplete value or free text to a film."""
    text = text.strip()[:300]
    if text.startswith(FILM_ID_PREFIX) and text[len(FILM_ID_PREFIX) :].isdigit():
        film = await catalog.film(int(text[len(FILM_ID_PREFIX) :]))
        if film is not None:
            return FilmMatch(film=film)
    if text.startswith(FILM_VALUE_PREFIX):
        film = await catalog.film_by_slug(text[len(FILM_VALUE_PREFIX) :])
        if film is not None:
            return FilmMatch(film=film)
        text = text[len(FILM_VALUE_PREFIX) :]
    film = await catalog.film_by_slug(text)
    if film is not None:
        return FilmMatch(film=film)
    titled = await catalog.films_titled(text)
    if len(titled) == 1:
        return FilmMatch(film=await catalog.film(titled[0].id))
    if titled:
        return FilmMatch(candidates=titled)
    return FilmMatch(suggestions=await catalog.complete_titles(text, limit=5))


@dataclass
class PersonMatch:
    person: PersonRecord | None = None
    candidates: list[PersonRecord] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)


async def find_person(catalog: Catalog, text: str) -> PersonMatch:
    """Resolve a chosen autocomplete value or a typed name to a person."""
    text = text.strip()[:300]
    if text.startswith(PERSON_VALUE_PREFIX) and text[len(PERSON_VALUE_PREFIX) :].isdigit():
        person = await catalog.person(int(text[len(PERSON_VALUE_PREFIX) :]))
        if person is not None:
            return PersonMatch(person=person)
    ids = await catalog.people_named(text)
    people = [p for p in [await catalog.person(i) for i in ids[:10]] if p is not None]
    if len(people) == 1:
        return PersonMatch(person=people[0])
    if people:
        return PersonMatch(candidates=people)
    close = [name for _, name in await catalog.complete_people(text, limit=5)]
    if not close:  # a misspelt name: the people whose names are nearest
        close = [hit.display for hit in await catalog.fuzzy_people(norm(text), limit=5)]
    return PersonMatch(suggestions=close)
