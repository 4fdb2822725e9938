"""Films by when they came out: years, decades and ranges, with genres and people."""

from __future__ import annotations

import pytest

from tests.answering.conftest import ask


@pytest.mark.parametrize(
    ("question", "films"),
    [
        ("films from the 90s", ["Sleepless in Seattle", "Heat", "You've Got Mail"]),
        ("what came out in 1993", ["Sleepless in Seattle"]),
        ("romcoms from the nineties", ["Sleepless in Seattle", "You've Got Mail"]),
        ("kubrick films from the 80s", ["The Shining", "Full Metal Jacket"]),
        ("films before 1990", ["The Shining", "Heat", "Full Metal Jacket"]),
        ("movies between 1998 and 2000", ["You've Got Mail", "Cast Away"]),
        ("tom hanks movies after 1995", ["You've Got Mail", "Cast Away"]),
        ("meg movies from the 90s", ["Sleepless in Seattle", "You've Got Mail"]),
    ],
)
async def test_films_of_a_time_oldest_first(catalog, question: str, films: list[str]) -> None:
    reply = await ask(catalog, question)
    assert reply.answers == films


async def test_the_reply_says_the_time_back_with_the_count(catalog) -> None:
    reply = await ask(catalog, "80s movies")
    assert reply.text == (
        "Films from the 1980s (3): The Shining (1980), Heat (1986) and Full Metal Jacket (1987)."
    )


async def test_an_unreleased_film_of_the_time_is_marked_as_a_claim(catalog) -> None:
    reply = await ask(catalog, "films since 2010")
    assert "Alita: Battle Angel 2 (2025) [unconfirmed]" in reply.text
    assert "claims" in reply.text


async def test_a_time_with_no_films_says_so(catalog) -> None:
    reply = await ask(catalog, "films from 1930")
    assert reply.answers == []
    assert reply.text == "The catalog has no films from 1930."


async def test_a_year_after_a_title_still_picks_out_the_film(catalog) -> None:
    reply = await ask(catalog, "who directed heat 1986")
    assert reply.answers == ["Dick Richards"]
