"""Films listed by their status."""

from __future__ import annotations

import pytest

from tests.answering.conftest import ask


async def test_films_listed_by_status(catalog) -> None:
    unconfirmed = await ask(catalog, "which films are unconfirmed")
    assert unconfirmed.answers == ["Alita: Battle Angel 2"]
    unreleased = await ask(catalog, "list unreleased films")
    assert unreleased.answers == ["Alita: Battle Angel 2"]
    assert unreleased.text.startswith("Films that are not released yet: Alita: Battle Angel 2")
    announced = await ask(catalog, "which films are announced")
    assert announced.answers == []
    assert announced.text == "The catalog has no films that are announced."
    filming = await ask(catalog, "which films are in production")
    assert filming.text == "The catalog has no films that are in production."


async def test_statuses_asked_the_way_people_chat(catalog) -> None:
    filming = await ask(catalog, "any movies in production?")
    assert filming.text == "The catalog has no films that are in production."
    unreleased = await ask(catalog, "anything unreleased?")
    assert unreleased.answers == ["Alita: Battle Angel 2"]
    named = await ask(catalog, "is alita battle angel 2 in production")
    assert named.films and named.films[0].title == "Alita: Battle Angel 2"


@pytest.mark.parametrize(
    "question",
    ["any movies coming out soon", "whats coming out soon", "what movies are coming out"],
)
async def test_what_is_coming_out_lists_the_films_not_released_yet(catalog, question) -> None:
    reply = await ask(catalog, question)
    assert reply.answers == ["Alita: Battle Angel 2"]
    assert reply.text.startswith("Films that are not released yet: Alita: Battle Angel 2")


async def test_when_a_film_the_catalog_lacks_is_coming_out_is_not_the_list(catalog) -> None:
    reply = await ask(catalog, "what year is gladiator coming out")
    assert reply.kind == "not_found"
    assert "“gladiator”" in reply.text


async def test_a_fact_the_catalog_lacks_of_an_unreleased_film_is_no_claim(catalog_of) -> None:
    catalog = await catalog_of(
        """\
films:
  - title: Saga IV
    status: announced
    directors: [Ann Lee]
    sources: [{text: A studio announcement}]
"""
    )
    lacking = await ask(catalog, "who is in saga iv")
    assert lacking.text == (
        "The catalog lists no cast for Saga IV. Saga IV is announced (it has not been "
        "released yet). Source: A studio announcement."
    )
    # what it has of the film is said as a claim
    director = await ask(catalog, "who directed saga iv")
    assert "This is a claim, not a confirmed fact" in director.text


@pytest.mark.parametrize(
    "question", ["which films are sequels", "all sequels", "list the sequels", "any sequels"]
)
async def test_sequels_are_the_films_that_follow_another(catalog_of, question) -> None:
    catalog = await catalog_of(
        """\
films:
  - {id: saga, title: Saga, year: 1990, tags: [sequel], sources: [x]}
  - {title: Saga II, year: 1994, follows: saga, sources: [x]}
  - {title: Saga III, status: announced, follows: saga, sources: [{text: A studio}]}
"""
    )
    reply = await ask(catalog, question)
    assert reply.answers == ["Saga II", "Saga III"], reply.text
    assert reply.text.startswith(
        "Films that follow another in the catalog (2): Saga II (1994) and Saga III [announced]."
    )
