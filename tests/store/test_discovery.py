"""Finding films: browse by filters and sorts, random picks, similar films, year forms."""

from __future__ import annotations

import random
import re
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.store import Store, discovery
from bot.store.catalog import Catalog
from bot.store.discovery import (
    MOST_MINUTES,
    SORTS,
    FilmQuery,
    Minutes,
    Years,
    YearsError,
    browse,
    nearest_genres,
    nearest_people,
    parse_years,
    random_films,
    similar_films,
)
from tests.conftest import WriteFacts

SRC = "sources: [https://example.org/film]"

FILMS = f"""\
films:
  - title: The Matrix
    year: 1999
    directors: [Lana Wachowski, Lilly Wachowski]
    writers: [Lana Wachowski, Lilly Wachowski]
    cast: [Keanu Reeves, Laurence Fishburne, Carrie-Anne Moss, Hugo Weaving]
    composer: Don Davis
    genres: [Action, Science Fiction]
    tags: [cyberpunk]
    runtime_minutes: 136
    imdb_rating: 8.7
    imdb_votes: 2000000
    {SRC}
  - title: The Matrix Reloaded
    year: 2003
    directors: [Lana Wachowski, Lilly Wachowski]
    cast: [Keanu Reeves, Laurence Fishburne, Carrie-Anne Moss]
    composer: Don Davis
    genres: [Action, Science Fiction]
    tags: [cyberpunk]
    runtime_minutes: 138
    imdb_rating: 7.2
    imdb_votes: 600000
    {SRC}
  - title: John Wick
    year: 2014
    directors: Chad Stahelski
    cast: [Keanu Reeves, Michael Nyqvist]
    genres: [Action, Thriller]
    runtime_minutes: 101
    imdb_rating: 7.4
    imdb_votes: 700000
    {SRC}
  - title: Speed
    year: 1994
    directors: Jan de Bont
    cast: [Keanu Reeves, Dennis Hopper, Sandra Bullock]
    genres: [Action, Thriller]
    runtime_minutes: 116
    {SRC}
  - title: Heat
    year: 1995
    directors: Michael Mann
    cast: [Al Pacino, Robert De Niro, Val Kilmer]
    genres: [Crime, Thriller]
    runtime_minutes: 170
    imdb_rating: 8.3
    imdb_votes: 700000
    {SRC}
  - title: Heat
    year: 1986
    directors: Dick Richards
    cast: [Burt Reynolds]
    genres: [Action, Thriller]
    imdb_rating: 4.6
    imdb_votes: 5000
    {SRC}
  - title: Collateral
    year: 2004
    directors: Michael Mann
    cast: [Tom Cruise, Jamie Foxx]
    genres: [Crime, Thriller]
    setting: [Los Angeles]
    {SRC}
  - title: Thief
    year: 1981
    directors: Michael Mann
    cast: [James Caan]
    genres: [Crime]
    imdb_rating: good
    {SRC}
  - title: Constantine 2
    year: 2027
    status: announced
    cast: [Keanu Reeves]
    genres: [Fantasy]
    {SRC}
  - title: Untitled Heist Film
    status: rumored
    directors: Michael Mann
    genres: [Crime]
    {SRC}
people:
  - {{name: Keanu Reeves, aliases: [Keanu]}}
"""


@pytest.fixture
async def catalog(write_facts: WriteFacts, tmp_path: Path) -> AsyncIterator:
    store = Store(write_facts(films=FILMS), tmp_path / "catalog.db")
    await store.open()
    await store.warmed()  # the films are in memory, as a served catalog's soon are
    try:
        yield store.catalog
    finally:
        await store.close()


def labels(films) -> list[str]:
    return [f.label for f in films]


@pytest.fixture(params=["few", "many", "listed"])
def plan(request, monkeypatch) -> str:
    """Every way a page is found: sorting a filter's few films, walking an index (both
    before the films are in memory), or listing a filter's films from memory."""
    if request.param == "listed":
        monkeypatch.setattr(discovery, "LIST_COST", 0.0)
        monkeypatch.setattr(discovery, "LIST_START_COST", 0.0)
    else:
        monkeypatch.setattr(Catalog, "remembered", lambda self, film_ids: None)
    if request.param == "many":
        monkeypatch.setattr(discovery, "SMALL_SET", -1)
        monkeypatch.setattr(discovery, "WALK_COST", 0.0)
    return request.param


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("1999", 1999, 1999),
        ("1990s", 1990, 1999),
        ("90s", 1990, 1999),
        ("'80s", 1980, 1989),
        ("00s", 2000, 2009),
        ("the nineties", 1990, 1999),
        ("The Eighties", 1980, 1989),
        ("1990-1999", 1990, 1999),
        ("1990 – 1995", 1990, 1995),
        ("1995 to 2005", 1995, 2005),
        ("1990-99", 1990, 1999),
    ],
)
def test_years_are_read_as_people_write_them(text: str, first: int, last: int) -> None:
    assert parse_years(text) == Years(first, last)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("last year", "is not a year (1999), a decade"),
        ("1995s", "decades start at a round year"),
        ("1999-1990", "ends before it starts"),
        ("1700", "outside 1870–2100"),
        ("", "is not a year"),
    ],
)
def test_anything_else_is_refused_with_the_forms_that_work(text: str, message: str) -> None:
    with pytest.raises(YearsError, match=re.escape(message)):
        parse_years(text)


def test_year_ranges_say_what_they_are() -> None:
    assert [str(Years(1990, 1999)), str(Years(1999, 1999)), str(Years(1995, 2004))] == [
        "the 1990s",
        "1999",
        "1995–2004",
    ]


async def test_no_filter_lists_the_newest_films_first_with_the_total(catalog, plan) -> None:
    page = await browse(catalog, limit=3)
    assert labels(page.films) == ["Constantine 2 (2027)", "John Wick (2014)", "Collateral (2004)"]
    assert (page.total, page.page, page.pages) == (10, 1, 4)
    last = await browse(catalog, limit=3, offset=9)
    assert labels(last.films) == ["Untitled Heist Film"]  # undated films come last
    assert last.page == 4


async def test_filters_combine_and_match_names_loosely(catalog, plan) -> None:
    page = await browse(catalog, FilmQuery(genre="ACTION", years=parse_years("90s")))
    assert labels(page.films) == ["The Matrix (1999)", "Speed (1994)"]
    assert page.total == 2
    page = await browse(catalog, FilmQuery(genre="science fiction"), sort="oldest")
    assert labels(page.films) == ["The Matrix (1999)", "The Matrix Reloaded (2003)"]


async def test_films_of_several_genres_have_each_of_them(catalog) -> None:
    query = FilmQuery(genre="Thriller", also_genres=("crime",))
    page = await browse(catalog, query, sort="oldest")
    both = {film.id for film in page.films}
    thrillers = await browse(catalog, FilmQuery(genre="Thriller"), limit=50)
    crime = await browse(catalog, FilmQuery(genre="Crime"), limit=50)
    assert both == {f.id for f in thrillers.films} & {f.id for f in crime.films}
    assert page.total == len(both) > 0
    assert "genre Thriller and crime" in query.describe()
    # a genre no film has with the others: none
    assert (await browse(catalog, FilmQuery(genre="Crime", also_genres=("Fantasy",)))).total == 0


async def test_a_running_time_filter_keeps_the_films_of_that_length(catalog, plan) -> None:
    query = FilmQuery(genre="action", minutes=Minutes(0, 119))
    page = await browse(catalog, query, sort="oldest")
    assert labels(page.films) == ["Speed (1994)", "John Wick (2014)"]
    assert page.total == 2
    longer = await browse(catalog, FilmQuery(minutes=Minutes(137, MOST_MINUTES)), sort="oldest")
    assert labels(longer.films) == ["Heat (1995)", "The Matrix Reloaded (2003)"]  # not 1986's
    assert "under 120 minutes" in query.describe()


async def test_films_left_out_are_not_listed_or_counted(catalog, plan) -> None:
    matrix = (await browse(catalog, FilmQuery(genre="science fiction"), sort="oldest")).films[0]
    query = FilmQuery(person="keanu", without_films=(matrix.id,))
    page = await browse(catalog, query, sort="oldest")
    assert "The Matrix (1999)" not in labels(page.films)
    assert page.total == 4


async def test_a_person_filter_finds_their_films_by_name_alias_and_role(catalog, plan) -> None:
    page = await browse(catalog, FilmQuery(person="keanu"), sort="oldest")
    assert labels(page.films)[:2] == ["Speed (1994)", "The Matrix (1999)"]
    assert page.total == 5
    directed = await browse(catalog, FilmQuery(person="Michael Mann", role="director"))
    assert labels(directed.films) == [
        "Collateral (2004)",
        "Heat (1995)",
        "Thief (1981)",
        "Untitled Heist Film",
    ]
    assert directed.directors[directed.films[0].id] == ("Michael Mann",)
    acted = await browse(catalog, FilmQuery(person="Michael Mann", role="cast"))
    assert acted.total == 0 and acted.films == []


async def test_statuses_and_tags_narrow_the_list(catalog, plan) -> None:
    page = await browse(catalog, FilmQuery(statuses=("rumored", "announced")))
    assert labels(page.films) == ["Constantine 2 (2027)", "Untitled Heist Film"]
    released = await browse(catalog, FilmQuery(person="Keanu Reeves", statuses=("released",)))
    assert "Constantine 2 (2027)" not in labels(released.films) and released.total == 4
    tagged = await browse(catalog, FilmQuery(tag="Cyberpunk"))
    assert labels(tagged.films) == ["The Matrix Reloaded (2003)", "The Matrix (1999)"]


@pytest.mark.parametrize(
    ("sort", "first"),
    [
        ("rating", ["The Matrix", "Heat 1995", "John Wick", "The Matrix Reloaded"]),
        ("votes", ["The Matrix", "Heat 1995", "John Wick", "The Matrix Reloaded"]),  # ties: rating
        ("longest", ["Heat 1995", "The Matrix Reloaded", "The Matrix", "Speed"]),
        ("shortest", ["John Wick", "Speed", "The Matrix", "The Matrix Reloaded"]),
        ("title", ["Collateral", "Constantine 2", "Heat 1986", "Heat 1995"]),
        ("oldest", ["Thief", "Heat 1986", "Speed", "Heat 1995"]),
    ],
)
async def test_every_sort_orders_films_and_puts_unknown_values_last(
    catalog, plan, sort: str, first: list[str]
) -> None:
    page = await browse(catalog, sort=sort, limit=10)
    shown = [f"{f.title} {f.year}" if f.title == "Heat" else f.title for f in page.films]
    assert shown[:4] == first
    if sort in ("rating", "votes"):
        # unrated films follow, newest first; "good" is a word, not a rating
        assert shown[5:] == ["Constantine 2", "Collateral", "Speed", "Thief", "Untitled Heist Film"]


@pytest.mark.parametrize("sort", discovery.SORTS)
async def test_a_filter_orders_its_films_as_the_whole_catalog_is_ordered(
    catalog, plan, sort: str
) -> None:
    every = await browse(catalog, sort=sort, limit=20)
    dated = await browse(catalog, FilmQuery(years=Years(1870, 2100)), sort=sort, limit=20)
    assert labels(dated.films) == [f.label for f in every.films if f.year is not None]
    assert dated.total == every.total - 1
    second = await browse(catalog, FilmQuery(years=Years(1870, 2100)), sort, limit=3, offset=3)
    assert second.films == dated.films[3:6] and second.page == 2
    released = await browse(catalog, FilmQuery(person="keanu", statuses=("released",)), sort)
    keanu = {"Speed", "The Matrix", "The Matrix Reloaded", "John Wick"}
    assert labels(released.films) == [f.label for f in every.films if f.title in keanu]


# Titles whose stored keys order otherwise than their letters (accents, wordless, other
# scripts), ratings that tie, films without votes or a year.
ALIKE = "\n".join(
    f"  - {{title: {title}, {extra}genres: [Drama], directors: [Jane Doe], {SRC}}}"
    for title, extra in [
        ("Éclair", "year: 1990, "),
        ("Zorro", "year: 1990, imdb_rating: 7.0, "),
        ("Амели", "year: 2001, imdb_rating: 7.0, imdb_votes: 10, "),
        ("'!!!'", "year: 2002, imdb_votes: 50, "),
        ("Eternal Sunshine", "year: 2004, imdb_rating: 8.3, imdb_votes: 1000000, "),
        ("Heat", "year: 1995, imdb_rating: 8.3, imdb_votes: 700000, "),
        ("Heat", "imdb_rating: 8.3, "),
        ("Heat", "year: 1986, imdb_rating: 8.3, imdb_votes: 900000, "),
        ("Dune", "year: 2027, status: announced, "),
    ]
)


async def test_films_listed_from_memory_come_in_the_order_the_store_sorts_them(
    write_facts: WriteFacts, tmp_path: Path, monkeypatch
) -> None:
    store = Store(write_facts(films=f"films:\n{ALIKE}\n"), tmp_path / "alike.db")
    await store.open()
    await store.warmed()
    queries = [
        FilmQuery(genre="drama", statuses=("released",)),
        FilmQuery(years=Years(1870, 2100)),
        FilmQuery(person="Jane Doe"),
    ]
    calls = [(query, sort, offset) for query in queries for sort in SORTS for offset in (0, 3)]
    try:
        monkeypatch.setattr(discovery, "LIST_COST", 0.0)
        monkeypatch.setattr(discovery, "LIST_START_COST", 0.0)
        listed = [await browse(store.catalog, q, sort, 4, offset) for q, sort, offset in calls]
        monkeypatch.setattr(Catalog, "remembered", lambda self, film_ids: None)
        stored = [await browse(store.catalog, q, sort, 4, offset) for q, sort, offset in calls]
        by_rating = await browse(store.catalog, FilmQuery(person="Jane Doe"), "rating")
    finally:
        await store.close()
    assert listed == stored
    assert {page.total for page in listed} == {8, 9}
    # the unrated come newest first, whatever their votes
    assert [(f.title, f.year) for f in by_rating.films] == [
        ("Eternal Sunshine", 2004),
        ("Heat", 1986),
        ("Heat", 1995),
        ("Heat", None),
        ("Амели", 2001),
        ("Zorro", 1990),
        ("Dune", 2027),
        ("!!!", 2002),
        ("Éclair", 1990),
    ]


async def test_a_filter_that_matches_nothing_gives_an_empty_page(catalog, plan) -> None:
    page = await browse(catalog, FilmQuery(genre="Western"))
    assert (page.films, page.total, page.pages) == ([], 0, 1)
    with pytest.raises(ValueError, match="unknown sort 'best'"):
        await browse(catalog, sort="best")


async def test_summaries_carry_rating_and_votes_and_shared_titles_come_best_known_first(
    catalog,
) -> None:
    heat = await catalog.films_titled("heat")
    assert labels(heat) == ["Heat (1995)", "Heat (1986)"]
    assert (heat[0].rating, heat[0].votes) == (8.3, 700000)
    completed = await catalog.complete_titles("heat")
    assert labels(completed)[:2] == ["Heat (1995)", "Heat (1986)"]


async def test_random_picks_never_repeat_until_the_pool_is_used_up(catalog, plan) -> None:
    rng = random.Random(7)
    query = FilmQuery(genre="action", statuses=("released",))
    shown: list[int] = []
    for _ in range(5):
        (film,) = await random_films(catalog, query, rng, exclude=shown)
        shown.append(film.id)
    assert len(set(shown)) == 5
    assert await random_films(catalog, query, rng, exclude=shown) == []
    everything = await random_films(catalog, FilmQuery(statuses=("released",)), rng, count=20)
    assert len(everything) == 8
    assert all(f.status == "released" for f in everything)


async def test_random_picks_of_a_persons_films_are_theirs_each_once(catalog, plan) -> None:
    query = FilmQuery(person="Keanu Reeves", statuses=("released",))
    theirs = {f.id for f in (await browse(catalog, query, limit=50)).films}
    rng = random.Random(5)
    shown: list[int] = []
    for _ in range(len(theirs)):
        (film,) = await random_films(catalog, query, rng, exclude=shown)
        shown.append(film.id)
    assert set(shown) == theirs and len(theirs) > 1
    assert await random_films(catalog, query, rng, exclude=shown) == []
    nobody = FilmQuery(person="Keanu Reeves", genre="fantasy", statuses=("released",))
    assert await random_films(catalog, nobody, rng) == []


async def test_random_picks_follow_the_generator(catalog, plan) -> None:
    first = await random_films(catalog, rng=random.Random(3), count=3)
    again = await random_films(catalog, rng=random.Random(3), count=3)
    assert labels(first) == labels(again) and len(first) == 3


async def test_similar_films_rank_what_they_share_and_say_why(catalog) -> None:
    (matrix,) = await catalog.films_titled("the matrix")
    similar = await similar_films(catalog, matrix.id, limit=3)
    film, score, reasons = similar[0]
    assert film.label == "The Matrix Reloaded (2003)"
    assert reasons[:2] == (
        "same director: Lana Wachowski, Lilly Wachowski",
        "same lead: Keanu Reeves, Laurence Fishburne, Carrie-Anne Moss",
    )
    assert "genres: action, science fiction" in reasons
    assert labels(f for f, _, _ in similar[1:]) == ["John Wick (2014)", "Speed (1994)"]
    assert similar[1].reasons == ("same lead: Keanu Reeves", "genres: action")
    assert score > similar[1].score > 0
    assert matrix.id not in [f.id for f, _, _ in similar]


async def test_similar_films_fall_back_on_genres_and_settings(catalog) -> None:
    (collateral,) = await catalog.films_titled("collateral")
    similar = await similar_films(catalog, collateral.id)
    assert similar[0].film.label == "Heat (1995)"
    assert similar[0].reasons == ("same director: Michael Mann", "genres: crime, thriller")
    assert all(s.reasons for s in similar)
    assert await similar_films(catalog, 10_000) == []


async def test_genre_and_people_names_are_offered_typos_included(catalog) -> None:
    assert (await nearest_genres(catalog, ""))[:3] == ["Action", "Crime", "Fantasy"]
    assert (await nearest_genres(catalog, "thriler"))[0] == "Thriller"
    assert (await nearest_genres(catalog, "sci"))[0] == "Science Fiction"
    people = [name for _, name in await nearest_people(catalog, "keanu reevs")]
    assert people[0] == "Keanu Reeves"
    assert len(await nearest_people(catalog, "", limit=25)) <= 25


async def test_counts_after_a_reload_come_from_the_previous_ones_and_match_a_fresh_count(
    write_facts: WriteFacts, tmp_path: Path, monkeypatch
) -> None:
    facts = write_facts(films=FILMS)
    store = Store(facts, tmp_path / "catalog.db")
    await store.open()
    try:
        await store.warmed()
        before = await browse(store.catalog, FilmQuery(genre="science fiction"))
        counted = []
        count = discovery._count_facets

        async def spy(catalog):
            counted.append(catalog)
            return await count(catalog)

        monkeypatch.setattr(discovery, "_count_facets", spy)
        edited = FILMS.replace("year: 1999", "year: 2001", 1).replace("Science Fiction", "Drama", 1)
        (facts / "films.yaml").write_text(edited)
        assert (await store.reload()).ok
        await store.warmed()

        assert counted == []  # derived, not counted again
        assert discovery._FACETS[store.catalog] == await count(store.catalog)
        after = await browse(store.catalog, FilmQuery(genre="science fiction"))
        assert after.total == before.total - 1
    finally:
        await store.close()
