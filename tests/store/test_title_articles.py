"""Titles are found by their words without a leading article, as people type them."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.discord.choices import find_film, title_choices
from bot.store import Store
from bot.store.indexes import without_article
from tests.conftest import WriteFacts

FILMS = """
films:
  - {title: The Matrix, year: 1999, imdb_votes: 2000000, imdb_rating: 8.7, sources: [https://example.org/1]}
  - {title: Marci X, year: 2003, imdb_votes: 5000, imdb_rating: 2.9, sources: [https://example.org/2]}
  - {title: Masti, year: 2004, imdb_votes: 3000, imdb_rating: 6.1, sources: [https://example.org/3]}
  - {title: The Godfather, year: 1972, imdb_votes: 2000000, imdb_rating: 9.2, sources: [https://example.org/4]}
  - {title: 3 Godfathers, year: 1948, imdb_votes: 10000, imdb_rating: 7.0, sources: [https://example.org/5]}
  - {title: Disco Godfather, year: 1979, imdb_votes: 900, imdb_rating: 5.0, sources: [https://example.org/6]}
  - {title: Star Wars, year: 1977, imdb_votes: 1400000, imdb_rating: 8.6, sources: [https://example.org/7]}
  - {title: Star Maps, year: 1997, imdb_votes: 600, imdb_rating: 5.6, sources: [https://example.org/8]}
  - {title: La Bamba, year: 1987, imdb_votes: 40000, imdb_rating: 6.9, sources: [https://example.org/9]}
  - {title: Die Hard, year: 1988, imdb_votes: 900000, imdb_rating: 8.2, sources: [https://example.org/10]}
  - {title: War, year: 2007, imdb_votes: 90000, imdb_rating: 6.2, sources: [https://example.org/12]}
  - {title: The War, year: 1994, imdb_votes: 95000, imdb_rating: 6.7, sources: [https://example.org/13]}
  - {title: A Beautiful Mind, year: 2001, imdb_votes: 1000000, imdb_rating: 8.2, sources: [https://example.org/11]}
"""


@pytest.fixture
async def store(write_facts: WriteFacts, tmp_path: Path):
    live = Store(write_facts(films=FILMS), tmp_path / "c.db")
    await live.open()
    await live.warmed()
    yield live
    await live.close()


async def _first(store: Store, typed: str, count: int = 3) -> list[str]:
    return [choice.name for choice in await title_choices(store.catalog, typed)][:count]


@pytest.mark.parametrize(
    ("typed", "first"),
    [
        ("matrix", "The Matrix (1999)"),
        ("matr", "The Matrix (1999)"),
        ("the matrix", "The Matrix (1999)"),
        ("godfather", "The Godfather (1972)"),
        ("godfathr", "The Godfather (1972)"),
        ("star wars", "Star Wars (1977)"),
        ("bamba", "La Bamba (1987)"),
        ("beautiful m", "A Beautiful Mind (2001)"),
    ],
)
async def test_a_title_is_offered_first_typed_without_its_article(
    store: Store, typed: str, first: str
) -> None:
    assert (await _first(store, typed))[0] == first


async def test_titles_without_an_article_are_still_offered(store: Store) -> None:
    assert "Marci X (2003)" in await _first(store, "mar")
    assert await _first(store, "3 god") == ["3 Godfathers (1948)"]
    assert (await _first(store, "star m"))[0] == "Star Maps (1997)"
    # "die" begins English titles as a word of its own: not dropped
    assert await _first(store, "hard") == []


async def test_a_title_as_it_is_comes_before_one_without_its_article(store: Store) -> None:
    assert await _first(store, "war", 2) == ["War (2007)", "The War (1994)"]
    assert await _first(store, "the war", 1) == ["The War (1994)"]


async def test_film_by_title_typed_without_its_article(store: Store) -> None:
    match = await find_film(store.catalog, "godfather")
    assert match.film is not None and match.film.title == "The Godfather"
    match = await find_film(store.catalog, "matrix")
    assert match.film is not None and match.film.title == "The Matrix"


def test_only_a_leading_article_is_dropped() -> None:
    assert without_article("the matrix") == "matrix"
    assert without_article("le cercle rouge") == "cercle rouge"
    assert without_article("die hard") is None
    assert without_article("theatre") is None
    assert without_article("a i") is None  # too little left to be a title
    assert without_article("matrix the") is None


async def test_titles_are_offered_without_their_article_before_the_index_is_built(
    store: Store,
) -> None:
    catalog = store.catalog
    titles, catalog._titles = catalog._titles, None  # as just after a start: the store serves
    try:
        assert (await _first(store, "godf"))[0] == "The Godfather (1972)"
        assert (await _first(store, "matrix"))[0] == "The Matrix (1999)"
        assert await _first(store, "war", 2) == ["War (2007)", "The War (1994)"]
        assert await _first(store, "3 god") == ["3 Godfathers (1948)"]
    finally:
        catalog._titles = titles
