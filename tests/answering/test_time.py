"""Films by when they came out: years, decades and ranges, with genres and people."""

from __future__ import annotations

from datetime import date

import pytest

from bot.answering.engine import answer
from bot.store.live import Store
from tests.answering.conftest import (
    HEAT_KB,
    MERGED_HEAT_MANNS,
    ask,
    assert_no_note,
    assert_noted,
)


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
        ("kubrick 80s", ["The Shining", "Full Metal Jacket"]),
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


NAMED_BY_YEARS = """\
films:
  - {title: Broadway Melody of 1936, year: 1935, directors: [Roy Del Ruth],
     sources: [https://example.org/bm]}
  - {title: Born to Dance, year: 1936, directors: [Roy Del Ruth], tags: [1920s],
     sources: [https://example.org/btd]}
  - {title: Zelig, year: 1983, tags: [1920s], sources: [https://example.org/zelig]}
  - {title: "2001", year: 1968, sources: [https://example.org/2001]}
  - {title: Spy Kids, year: 2001, sources: [https://example.org/spy]}
"""


@pytest.fixture
async def named_by_years(write_facts, tmp_path):
    store = Store(write_facts("years", films=NAMED_BY_YEARS), tmp_path / "y.db")
    await store.open()
    yield store.catalog
    await store.close()


async def test_a_year_inside_a_title_is_the_title(named_by_years) -> None:
    reply = await ask(
        named_by_years, "which movies have the same director of broadway melody of 1936"
    )
    assert reply.answers == ["Born to Dance"]


async def test_a_tag_that_looks_like_a_decade_is_the_tag(named_by_years) -> None:
    reply = await ask(named_by_years, "which films are about 1920s")
    assert set(reply.answers) == {"Born to Dance", "Zelig"}


async def test_a_title_that_is_a_year_gives_way_to_the_time_when_said_as_one(
    named_by_years,
) -> None:
    assert (await ask(named_by_years, "movies from 2001")).answers == ["Spy Kids"]
    assert (await ask(named_by_years, "what year did 2001 come out")).answers == ["1968"]


async def test_films_from_the_same_year_as_a_film(write_facts, tmp_path) -> None:
    facts = write_facts(
        "same",
        films="""\
        films:
          - {title: The Matrix, year: 1999, sources: [https://example.org/m]}
          - {title: Eyes Wide Shut, year: 1999, sources: [https://example.org/e]}
          - {title: Titanic, year: 1997, sources: [https://example.org/t]}
        """,
    )
    store = Store(facts, tmp_path / "s.db")
    await store.open()
    try:
        same = await ask(store.catalog, "which films came out the same year as the matrix")
        alone = await ask(store.catalog, "movies from the same year as titanic")
    finally:
        await store.close()
    assert same.answers == ["Eyes Wide Shut"]
    assert same.text == "Films from 1999, the year of The Matrix (1999): Eyes Wide Shut (1999)."
    assert (
        alone.text == "No other film in the catalog came out in 1997, the year of Titanic (1997)."
    )


@pytest.mark.parametrize(
    ("question", "films"),
    [
        ("romcom movies", ["Sleepless in Seattle", "You've Got Mail"]),
        ("rom coms", ["Sleepless in Seattle", "You've Got Mail"]),
        ("cartoons", ["Up"]),
        ("animated films", ["Up"]),
    ],
)
async def test_a_genre_said_in_everyday_words_lists_its_films_oldest_first(
    catalog, question: str, films: list[str]
) -> None:
    reply = await ask(catalog, question)
    assert reply.answers == films


async def test_a_genre_said_alone_is_said_back_with_the_count(catalog) -> None:
    reply = await ask(catalog, "romcom movies")
    assert reply.text == (
        "Romantic comedy films (2): Sleepless in Seattle (1993) and You've Got Mail (1998)."
    )


@pytest.mark.parametrize("question", ["scary movies", "westerns", "horror films"])
async def test_a_genre_the_catalog_lacks_is_said_to_have_no_films(catalog, question: str) -> None:
    reply = await ask(catalog, question)
    assert reply.answers == []
    assert reply.text.startswith("The catalog has no ") and reply.text.endswith(" films.")


async def test_a_genre_list_is_worded_like_a_genre_list_of_a_time(catalog) -> None:
    by_genre = await ask(catalog, "which movies are romantic comedies")
    by_time = await ask(catalog, "romantic comedies from the 90s")
    listed = "(2): Sleepless in Seattle (1993) and You've Got Mail (1998)."
    assert by_genre.text == f"Romantic comedy films {listed}"
    assert by_time.text == f"Romantic comedy films from the 1990s {listed}"


async def test_a_long_list_of_films_with_a_value_is_counted_oldest_first(tmp_path) -> None:
    facts = tmp_path / "facts"
    facts.mkdir()
    films = [
        f"  - {{title: Comedy {n}, year: {2030 - n}, genres: [Comedy], sources: [x]}}"
        for n in range(30)
    ]
    (facts / "many.yaml").write_text("films:\n" + "\n".join(films) + "\n")
    store = Store(facts, tmp_path / "many.db")
    await store.open()
    try:
        reply = await ask(store.catalog, "comedies")
    finally:
        await store.close()
    assert reply.text.startswith("Comedy films (30): Comedy 29 (2001), Comedy 28 (2002), ")
    assert reply.text.endswith(" 5 more are not shown.")
    assert len(reply.answers) == 30


@pytest.mark.parametrize("question", ["list all movies", "what films do you have"])
async def test_every_film_of_the_catalog_is_listed_oldest_first(catalog, question) -> None:
    reply = await ask(catalog, question)
    assert reply.text.startswith("Films in the catalog ("), reply.text
    assert reply.answers[:2] == ["The Shining", "Heat"]


@pytest.mark.parametrize(
    ("question", "said"),
    [
        (
            "tom hanks movies after sleepless in seattle",
            "Films with Tom Hanks after Sleepless in Seattle (1993) (2): You've Got Mail (1998) "
            "and Cast Away (2000).",
        ),
        (
            "what did kubrick direct before full metal jacket",
            "Films directed by Stanley Kubrick before Full Metal Jacket (1987) (1): "
            "The Shining (1980).",
        ),
        (
            "tom hanks films since the movie you've got mail",
            "Films with Tom Hanks since You've Got Mail (1998) (1): Cast Away (2000).",
        ),
        (
            "what did tom hanks make before cast away",
            "Films with Tom Hanks before Cast Away (2000) (2): Sleepless in Seattle (1993) and "
            "You've Got Mail (1998).",
        ),
        (
            "what did kubrick direct after full metal jacket",
            "The catalog has no films directed by Stanley Kubrick after Full Metal Jacket (1987).",
        ),
        (  # who made it, and how, said between "before" and the film
            "what did kubrick direct before he made full metal jacket",
            "Films directed by Stanley Kubrick before Full Metal Jacket (1987) (1): "
            "The Shining (1980).",
        ),
        (
            "tom hanks movies after he was in sleepless in seattle",
            "Films with Tom Hanks after Sleepless in Seattle (1993) (2): You've Got Mail (1998) "
            "and Cast Away (2000).",
        ),
        (
            "what did tom hanks make before making the movie cast away",
            "Films with Tom Hanks before Cast Away (2000) (2): Sleepless in Seattle (1993) and "
            "You've Got Mail (1998).",
        ),
    ],
)
async def test_a_persons_films_before_or_after_a_film_are_those_of_the_years_around_it(
    catalog, question, said
) -> None:
    reply = await ask(catalog, question)
    assert reply.text.endswith(said), reply.text


async def test_a_title_said_before_films_of_some_years_may_be_a_surname(catalog_of) -> None:
    catalog = await catalog_of(
        """\
films:
  - {title: Hitchcock, year: 2012, directors: [Sacha Gervasi], sources: [x]}
  - {title: Rear Window, year: 1954, directors: [Alfred Hitchcock], sources: [x]}
  - {title: Vertigo, year: 1958, directors: [Alfred Hitchcock], sources: [x]}
  - {title: Psycho, year: 1960, directors: [Alfred Hitchcock], sources: [x]}
"""
    )
    reply = await ask(catalog, "hitchcock films from the 50s")
    assert reply.answers == ["Rear Window", "Vertigo"], reply.text
    film = await ask(catalog, "who directed hitchcock")
    assert film.answers == ["Sacha Gervasi"]


async def test_a_decade_said_of_films_is_the_time_though_a_tag_has_it(catalog_of) -> None:
    catalog = await catalog_of(
        """\
films:
  - {title: Big, year: 1988, cast: [Tom Hanks], tags: [90s], sources: [x]}
  - {title: Forrest Gump, year: 1994, cast: [Tom Hanks], sources: [x]}
  - {title: Cast Away, year: 2000, cast: [Tom Hanks], sources: [x]}
"""
    )
    reply = await ask(catalog, "tom hanks 90s movies")
    assert reply.answers == ["Forrest Gump"], reply.text


@pytest.mark.parametrize(
    ("question", "today", "films"),
    [
        ("films from last year", date(1994, 5, 1), ["Sleepless in Seattle"]),
        ("what came out this year", date(1998, 1, 2), ["You've Got Mail"]),
        ("tom hanks movies since last year", date(1999, 3, 3), ["You've Got Mail", "Cast Away"]),
    ],
)
async def test_a_year_said_from_today_is_that_year(catalog, question, today, films) -> None:
    reply = await answer(question, catalog, today=today)
    assert reply.answers == films


async def test_a_title_that_begins_like_a_year_from_today_stays_a_title(catalog_of) -> None:
    films = await catalog_of(
        "films:\n  - {title: Last Year at Marienbad, year: 1961, directors: Alain Resnais}\n"
        "  - {title: Later On, year: 2025, directors: Ann Other}\n"
    )
    reply = await answer("films in last year at marienbad", films, today=date(2026, 1, 1))
    assert "Last Year at Marienbad (1961)" in reply.text
    assert "Later On" not in reply.text


async def test_a_title_the_catalog_lacks_that_begins_like_a_year_is_said_unknown(
    catalog_of,
) -> None:
    films = await catalog_of("films:\n  - {title: Later On, year: 2025, directors: Ann Other}\n")
    reply = await answer("films in last year at marienbad", films, today=date(2026, 1, 1))
    assert reply.kind == "not_found"
    assert "marienbad" in reply.text
    assert "from 2025" not in reply.text


async def test_someones_films_by_time_genre_or_rank_say_which_facts_were_merged(
    metaqa_catalog,
) -> None:
    catalog = await metaqa_catalog(
        HEAT_KB + "Collateral|has_genre|Crime\nThief|directed_by|Michael Mann\n"
        "Thief|release_year|1981\nThief|has_genre|Drama\n"
    )
    asked = [
        ("michael mann movies before 2000", "Films with Michael Mann before 2000 (3): Heat"),
        ("michael mann crime films", "Crime films with Michael Mann (3): Heat (1972)"),
        ("best michael mann films", "The catalog has no ratings for the films with Michael"),
    ]
    await assert_noted(catalog, asked, MERGED_HEAT_MANNS)
    # a list of someone's films without a merged film has no note
    await assert_no_note(catalog, ["michael mann movies since 2000"])
