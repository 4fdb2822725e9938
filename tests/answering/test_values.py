"""Films by a place they are set in or a company that made them, the name said for short
("new york" for New York City, "ghibli" for Studio Ghibli), and a place the catalog has no
film in said to be missing."""

from __future__ import annotations

import pytest

from tests.answering.conftest import ask

PLACES = """\
films:
  - {title: Annie Hall, year: 1977, setting: [New York City], sources: [x]}
  - {title: Manhattan, year: 1979, setting: [New York City], sources: [x]}
  - {title: Jaws, year: 1975, setting: [Amity Island], sources: [x]}
  - {title: Totoro, year: 1988, companies: [Studio Ghibli], sources: [x]}
  - {title: Vertigo, year: 1958, companies: [Paramount Pictures], sources: [x]}
  - {title: Parasite, year: 2019, sources: [x]}
  - {title: Heat, year: 1995, setting: [Los Angeles], sources: [x]}
"""


@pytest.fixture
async def places(catalog_of):
    return await catalog_of(PLACES)


@pytest.mark.parametrize(
    ("question", "typed", "name", "films"),
    [
        ("films set in new york", "new york", "New York City", ["Annie Hall", "Manhattan"]),
        ("ghibli movies", "ghibli", "Studio Ghibli", ["Totoro"]),
        ("paramount films", "paramount", "Paramount Pictures", ["Vertigo"]),
        ("movies set in LA", "la", "Los Angeles", ["Heat"]),
        ("films set in nyc", "nyc", "New York City", ["Annie Hall", "Manhattan"]),
    ],
)
async def test_a_place_or_company_said_for_short_is_read_as_its_name(
    places, question, typed, name, films
) -> None:
    reply = await ask(places, question)
    assert reply.text.startswith(f"(Reading “{typed}” as “{name}”.)"), reply.text
    assert reply.answers == films


async def test_new_before_a_place_is_not_read_as_newest(places) -> None:
    reply = await ask(places, "movies set in new york")
    assert reply.answers == ["Annie Hall", "Manhattan"]
    assert "newest" not in reply.text


async def test_a_common_word_at_the_end_of_a_name_is_not_read_as_it(places) -> None:
    reply = await ask(places, "films set on an island")
    assert "Amity Island" not in reply.text


async def test_a_place_no_film_is_set_in_is_said_to_be_missing(places) -> None:
    reply = await ask(places, "films set in paris")
    assert reply.kind == "not_found"
    assert reply.text == "The catalog has no film set in “paris”."
    assert "Parasite" not in reply.text


@pytest.mark.parametrize("question", ["where is jaws set", "wheres jaws set"])
async def test_where_a_film_is_set_is_its_setting(places, question) -> None:
    reply = await ask(places, question)
    assert reply.text == "Jaws (1975): set in Amity Island."
