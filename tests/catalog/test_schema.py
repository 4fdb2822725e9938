"""The facts schema: what a film may say, and the defaults it gets."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from bot.catalog.schema import FactsFile, Film, slugify


def test_a_minimal_film_is_released_with_a_derived_id() -> None:
    film = Film.model_validate({"title": "Marnie", "year": 1964})
    assert film.status == "released"
    assert film.confirmed
    assert film.slug == "marnie-1964"


def test_single_values_stand_for_lists() -> None:
    film = Film.model_validate(
        {
            "title": "Heat",
            "directors": "Michael Mann",
            "composer": "Elliot Goldenthal",
            "cast": "Al Pacino",
            "sources": "https://en.wikipedia.org/wiki/Heat_(1995_film)",
        }
    )
    assert film.directors == ["Michael Mann"]
    assert film.composer == ["Elliot Goldenthal"]
    assert film.cast[0].person == "Al Pacino" and film.cast[0].role is None
    assert film.sources[0].url == "https://en.wikipedia.org/wiki/Heat_(1995_film)"


def test_a_text_source_is_not_taken_for_a_url() -> None:
    film = Film.model_validate(
        {"title": "X", "sources": ["promotional text", {"url": "https://a.b/c", "note": "n"}]}
    )
    assert film.sources[0].text == "promotional text" and film.sources[0].url is None
    assert film.sources[1].note == "n"


def test_numeric_titles_are_text() -> None:
    assert Film.model_validate({"title": 1917, "year": 2019}).title == "1917"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("year", "abc"),
        ("year", True),
        ("year", 1500),
        ("status", "maybe"),
        ("runtime_minutes", -3),
        ("title", "x" * 301),
        ("id", "Not A Slug"),
        ("trailer", "javascript:alert(1)"),
        ("bogus", 1),
    ],
)
def test_bad_values_are_refused(field: str, value: object) -> None:
    data = {"title": "Heat", field: value}
    with pytest.raises(ValidationError):
        Film.model_validate(data)


@pytest.mark.parametrize(
    "people",
    [
        {"cast": 42},
        {"cast": ["Al Pacino", 42]},
        {"cast": [{"person": 42, "role": "Neil"}]},
        {"directors": 7},
        {"writers": ["Michael Mann", 12]},
        {"producers": 5},
        {"composer": 8.5},
    ],
)
def test_a_bare_number_is_not_a_person(people: dict[str, object]) -> None:
    with pytest.raises(ValidationError, match="a person's name must be text, got the number"):
        Film.model_validate({"title": 1917, **people})


def test_a_number_in_quotes_is_a_name_and_people_entries_need_words() -> None:
    assert Film.model_validate({"title": "Heat", "cast": "42"}).cast[0].person == "42"
    with pytest.raises(ValidationError, match="got the number 99"):
        FactsFile.model_validate({"people": [{"name": 99}]})


def test_a_source_needs_a_url_or_a_text() -> None:
    with pytest.raises(ValidationError, match="a source needs a url or a text"):
        Film.model_validate({"title": "X", "sources": [{"note": "only a note"}]})


def test_a_file_holds_films_and_people() -> None:
    facts = FactsFile.model_validate(
        {
            "films": [{"title": "A"}, {"title": "B", "year": 2000}],
            "people": [
                {"name": "Tom Holkenborg", "aliases": ["Junkie XL"], "born": dt.date(1967, 12, 8)}
            ],
        }
    )
    assert [f.slug for f in facts.films] == ["a", "b-2000"]
    assert facts.people[0].aliases == ["Junkie XL"]


@pytest.mark.parametrize(
    ("title", "year", "slug"),
    [
        ("Alita: Battle Angel", 2019, "alita-battle-angel-2019"),
        ("Amélie", None, "amelie"),
        ("2001: A Space Odyssey", 1968, "2001-a-space-odyssey-1968"),
        ("$", None, "film"),
    ],
)
def test_slugify(title: str, year: int | None, slug: str) -> None:
    assert slugify(title, year) == slug
