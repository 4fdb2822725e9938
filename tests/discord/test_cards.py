"""Richer cards: a person's age or life years and best-known films; a film's poster."""

from __future__ import annotations

import datetime as dt
import textwrap

import pytest

from bot.cards import life_line
from bot.catalog.loader import check_directory

CARDS = textwrap.dedent(
    """\
    films:
      - title: Psycho
        year: 1960
        directors: Alfred Hitchcock
        composer: Bernard Herrmann
        poster: https://upload.wikimedia.org/wikipedia/en/b/b9/Psycho_%281960%29.png
        imdb_rating: 8.5
        imdb_votes: 750000
        sources: [https://en.wikipedia.org/wiki/Psycho_(1960_film)]
      - title: Vertigo
        year: 1958
        directors: Alfred Hitchcock
        composer: Bernard Herrmann
        imdb_rating: 8.2
        imdb_votes: 430000
        sources: [https://en.wikipedia.org/wiki/Vertigo_(film)]
      - title: The Birds
        year: 1963
        directors: Alfred Hitchcock
        sources: [https://en.wikipedia.org/wiki/The_Birds_(film)]
      - title: Rope
        year: 1948
        directors: Alfred Hitchcock
        cast: [James Stewart]
        sources: [https://en.wikipedia.org/wiki/Rope_(film)]
    people:
      - {name: Alfred Hitchcock, born: 1899-08-13, died: 1980-04-29}
      - {name: James Stewart, born: 1908}
    """
)


@pytest.fixture
def simcord_bot(make_bot, write_facts):
    return make_bot(write_facts(cards=CARDS))


async def test_a_person_card_shows_life_years_and_best_known_films(channel, member) -> None:
    result = await member.slash(channel, "person", name="alfred hitchcock")
    about = result.response.embeds[0].description.splitlines()
    assert about == [
        "Born 13 August 1899, died 29 April 1980 (aged 80)",
        "Known for Psycho (1960), Vertigo (1958), The Birds (1963), Rope (1948)",
    ]


async def test_a_living_persons_card_shows_their_age(channel, member) -> None:
    result = await member.slash(channel, "person", name="James Stewart")
    years = dt.date.today().year - 1908
    assert result.response.embeds[0].description.splitlines()[0] == (
        f"Born 1908 (age {years - 1} or {years})"
    )


def test_ages_count_whole_years_to_today() -> None:
    today = dt.date(2026, 11, 25)
    assert life_line("1964-09-02", None, today) == "Born 2 September 1964 (age 62)"
    assert life_line("1964-12-31", None, today) == "Born 31 December 1964 (age 61)"
    assert life_line("1911-06-29", "1975-12-24", today) == (
        "Born 29 June 1911, died 24 December 1975 (aged 64)"
    )
    assert life_line(None, None, today) is None


async def test_a_film_card_shows_its_poster_as_the_thumbnail(channel, member) -> None:
    result = await member.slash(channel, "film", title="Psycho")
    embed = result.response.embeds[0]
    assert embed.thumbnail.url.startswith("https://upload.wikimedia.org/")
    other = await member.slash(channel, "film", title="Vertigo")
    assert not other.response.embeds[0].thumbnail.url


def test_a_poster_must_be_a_web_address(write_facts) -> None:
    facts = write_facts(
        bad="title: Psycho\nposter: file:///etc/passwd\nsources: [https://example.org]\n"
    )
    result = check_directory(facts)
    assert [(e.line, "poster" in e.message) for e in result.errors] == [(2, True)]
