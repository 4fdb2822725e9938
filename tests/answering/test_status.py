"""Films listed by their status."""

from __future__ import annotations

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
