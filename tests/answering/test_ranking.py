"""Films in an order: oldest, newest, best rated, most popular, longest; honest about what
the catalog does not have."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.store.live import Store
from tests.answering.conftest import ask

RATED = """\
films:
  - {title: Drive, year: 2011, genres: [Crime], imdb_rating: 7.8, imdb_votes: 700000,
     runtime_minutes: 100, sources: [https://example.org/drive]}
  - {title: Thief, year: 1981, genres: [Crime], imdb_rating: 7.3, imdb_votes: 30000,
     runtime_minutes: 123, sources: [https://example.org/thief]}
  - {title: Manhunter, year: 1986, genres: [Crime, Thriller], imdb_rating: 7.2,
     imdb_votes: 80000, sources: [https://example.org/manhunter]}
  - {title: Ali, year: 2001, genres: [Drama], sources: [https://example.org/ali]}
"""


@pytest.fixture
async def rated(write_facts, tmp_path: Path):
    store = Store(write_facts("rated", rated=RATED), tmp_path / "r.db")
    await store.open()
    yield store.catalog
    await store.close()


async def test_the_oldest_film_and_the_next_ones(catalog) -> None:
    reply = await ask(catalog, "whats the oldest movie u have")
    assert reply.answers == ["The Shining"]
    assert reply.text.startswith("The oldest of the films in the catalog is The Shining (1980).")


async def test_the_newest_film_is_a_released_one(catalog) -> None:
    reply = await ask(catalog, "newest film")
    assert reply.answers == ["Alita: Battle Angel"]
    assert "Alita: Battle Angel 2" not in reply.text


async def test_a_list_in_order_with_a_genre_and_a_time(catalog) -> None:
    reply = await ask(catalog, "latest romcoms from the 90s")
    assert reply.answers == ["You've Got Mail", "Sleepless in Seattle"]


async def test_best_without_ratings_says_so_and_how_it_lists_them(catalog) -> None:
    reply = await ask(catalog, "what are the best kubrick films?")
    assert reply.answers == ["The Shining", "Full Metal Jacket"]
    assert "no ratings" in reply.text and "by year" in reply.text


async def test_best_rated_films_with_their_ratings(rated) -> None:
    reply = await ask(rated, "top 2 crime films")
    assert reply.answers == ["Drive", "Thief"]
    assert "Drive (2011), rated 7.8" in reply.text


@pytest.mark.parametrize("question", ["top 5 crime movies", "top five crime films"])
async def test_a_count_that_is_also_a_title_asks_for_that_many_films(
    catalog_of, question: str
) -> None:
    catalog = await catalog_of(
        RATED + "  - {title: Top Five, year: 2014, genres: [Comedy], "
        "sources: [https://example.org/top-five]}\n"
    )
    reply = await ask(catalog, question)
    assert reply.answers == ["Drive", "Thief", "Manhunter"]
    assert "Top Five" not in reply.text
    assert (await ask(catalog, "who directed top five")).answers != reply.answers
    assert (await ask(catalog, "when did top five come out")).answers == ["2014"]


async def test_most_popular_is_by_votes(rated) -> None:
    reply = await ask(rated, "most popular crime movies")
    assert reply.answers == ["Drive", "Manhunter", "Thief"]
    assert "700,000 votes" in reply.text


async def test_longest_says_how_few_films_have_a_running_time(rated) -> None:
    reply = await ask(rated, "longest movie")
    assert reply.answers == ["Thief"]
    assert "123 minutes" in reply.text
    assert "running times for only 2 of these 4 films" in reply.text


async def test_a_persons_first_film_is_answered_once_by_the_people_kind(catalog) -> None:
    reply = await ask(catalog, "kubrick's first film")
    assert reply.answers == ["The Shining"]
    assert "first film" in reply.text


@pytest.mark.parametrize("question", ["whats the latest alita movie", "whats the latest alita"])
async def test_the_latest_of_a_series_is_its_latest_released_film(catalog, question) -> None:
    reply = await ask(catalog, question)
    assert reply.answers == ["Alita: Battle Angel"]
    assert "Alita: Battle Angel 2 (2025) [unconfirmed]" in reply.text
    assert "claims" in reply.text


async def test_the_best_of_a_year_without_ratings_lists_that_year(catalog) -> None:
    reply = await ask(catalog, "whats the best movie from 1993")
    assert reply.answers == ["Sleepless in Seattle"]
    assert "no ratings" in reply.text


SERIES = """\
films:
  - {title: Avatar, year: 2009, directors: [James Cameron], cast: [Sam Worthington], sources: [x]}
  - title: "Avatar: The Way of Water"
    year: 2022
    follows: avatar-2009
    directors: [James Cameron]
    cast: [Kate Winslet]
    sources: [x]
  - {title: Avatar 4, status: announced, follows: avatar-the-way-of-water-2022, sources: [x]}
"""


@pytest.mark.parametrize(
    ("question", "answers", "film"),
    [
        ("who's in the new avatar", ["Kate Winslet"], "Avatar: The Way of Water (2022)"),
        ("who was in the first avatar", ["Sam Worthington"], "Avatar (2009)"),
    ],
)
async def test_a_fact_of_the_first_or_latest_released_film_of_a_series(
    catalog_of, question, answers, film
) -> None:
    catalog = await catalog_of(SERIES)
    reply = await ask(catalog, question)
    assert reply.answers == answers, reply.text
    assert reply.text.startswith(f"The {'first' if 'first' in question else 'latest released'} ")
    assert film in reply.text
    if "new" in question:  # the announced one is named, as a claim
        assert reply.text.endswith("Not released yet: Avatar 4 [announced]; its facts are claims.")


@pytest.mark.parametrize(
    "question",
    [
        "avatar movies",
        "all the avatar films",
        "what are the avatar movies in order",
        "avatar films in order of release",
        "what order should i watch the avatar movies in",
    ],
)
async def test_a_title_then_films_lists_its_series_with_the_unreleased_marked(
    catalog_of, question
) -> None:
    catalog = await catalog_of(SERIES)
    reply = await ask(catalog, question)
    assert reply.answers == ["Avatar", "Avatar: The Way of Water", "Avatar 4"], reply.text
    assert reply.text.startswith("Films of the Avatar series (3): Avatar (2009), ")
    assert "Avatar 4 [announced]" in reply.text and "are claims" in reply.text


async def test_a_title_then_films_lists_the_tag_of_that_name_without_a_series(catalog_of) -> None:
    catalog = await catalog_of(
        """films:
  - {title: Batman, year: 1989, tags: [batman], sources: [x]}
  - {title: Batman Returns, year: 1992, tags: [batman], sources: [x]}
  - {title: The Dark Knight, year: 2008, tags: [batman], sources: [x]}
"""
    )
    reply = await ask(catalog, "batman movies")
    assert reply.answers == ["Batman", "Batman Returns", "The Dark Knight"], reply.text


async def test_a_title_then_films_without_a_series_says_there_is_none(catalog_of) -> None:
    catalog = await catalog_of(
        """films:
  - {title: Toy Story, year: 1995, sources: [x]}
  - {title: Jaws, year: 1975, sources: [x]}
  - {title: Jaws 2, year: 1978, sources: [x]}
  - {title: The Order, year: 2003, sources: [x]}
"""
    )
    # "in order" asks the order: not the film The Order
    reply = await ask(catalog, "what are the toy story movies in order")
    assert reply.text == (
        "The catalog has only Toy Story (1995) of that name, and records no sequel or prequel "
        "of it."
    )
    # films of a title that begins the same are said as such, never as sequels
    reply = await ask(catalog, "list all the jaws films")
    assert reply.text == (
        "The catalog records no sequel or prequel of Jaws (1975); the films whose titles begin "
        "with Jaws: Jaws (1975) and Jaws 2 (1978)."
    )


@pytest.mark.parametrize(
    ("question", "films"),
    [("war movies", ["Wings", "War"]), ("westerns", ["Stagecoach", "Western"])],
)
async def test_a_genre_before_films_or_in_the_plural_is_the_genre_not_a_title(
    catalog_of, question, films
) -> None:
    catalog = await catalog_of(
        """films:
  - {title: Wings, year: 1927, genres: [War], sources: [x]}
  - {title: War, year: 2007, genres: [War], tags: [war], sources: [x]}
  - {title: Platoon, year: 1986, tags: [war], sources: [x]}
  - {title: Stagecoach, year: 1939, genres: [Western], sources: [x]}
  - {title: Western, year: 1997, genres: [Western, Drama], sources: [x]}
"""
    )
    reply = await ask(catalog, question)
    assert reply.answers == films, reply.text


async def test_how_many_films_are_asked_for_is_not_the_film_of_that_title(
    write_facts, tmp_path: Path
) -> None:
    numbered = RATED + '  - {title: "2", year: 2009, sources: [https://example.org/2]}\n'
    store = Store(write_facts("numbered", rated=numbered), tmp_path / "n.db")
    await store.open()
    try:
        for question in ("top 2 crime films", "2 best crime movies", "best 2 crime films"):
            reply = await ask(store.catalog, question)
            assert reply.answers == ["Drive", "Thief"], question
        reply = await ask(store.catalog, "when did 2 come out")
        assert reply.text == "2 came out in 2009."
    finally:
        await store.close()


KINDS = """\
films:
  - {title: Airplane!, year: 1980, genres: [Comedy], imdb_rating: 7.7, imdb_votes: 250000,
     runtime_minutes: 88, sources: [https://example.org/airplane]}
  - {title: When Harry Met Sally..., year: 1989, genres: [Romantic comedy], imdb_rating: 7.7,
     imdb_votes: 230000, runtime_minutes: 95, sources: [https://example.org/harry]}
  - {title: Annie Hall, year: 1977, genres: [Romantic comedy, Comedy], imdb_rating: 8.0,
     imdb_votes: 280000, runtime_minutes: 93, sources: [https://example.org/annie]}
  - {title: Dr. Strangelove, year: 1964, genres: [Black comedy], imdb_rating: 8.4,
     imdb_votes: 500000, runtime_minutes: 102, sources: [https://example.org/strangelove]}
  - {title: Clue, year: 1985, genres: [Comedy], imdb_rating: 7.2, imdb_votes: 100000,
     runtime_minutes: 94, sources: [https://example.org/clue]}
  - {title: Heat, year: 1995, genres: [Crime], imdb_rating: 8.3, imdb_votes: 700000,
     runtime_minutes: 170, sources: [https://example.org/heat]}
"""


@pytest.mark.parametrize(
    ("question", "answers", "said"),
    [
        (
            "top 3 comedies",
            ["Dr. Strangelove", "Annie Hall", "Airplane!"],
            "The best rated of the comedy films, black comedies and romantic comedies "
            "included, in the catalog: Dr. Strangelove (1964), rated 8.4, Annie Hall (1977), "
            "rated 8.0 and Airplane! (1980), rated 7.7.",
        ),
        (
            # equal ratings in the order of their votes, as within one genre
            "highest rated comedies",
            ["Dr. Strangelove", "Annie Hall", "Airplane!", "When Harry Met Sally...", "Clue"],
            "The best rated of the comedy films, black comedies and romantic comedies included",
        ),
        (
            "longest comedy",
            ["Dr. Strangelove"],
            "The longest of the comedy films, black comedies and romantic comedies included",
        ),
        (
            "newest comedies",
            ["When Harry Met Sally...", "Clue", "Airplane!", "Annie Hall", "Dr. Strangelove"],
            "Comedy films, black comedies and romantic comedies included, newest first: ",
        ),
        (
            "the oldest comedy",
            ["Dr. Strangelove"],
            "The oldest of the comedy films, black comedies and romantic comedies included, "
            "in the catalog is Dr. Strangelove (1964).",
        ),
        # a kind of a genre alone is ranked alone
        ("best romantic comedies", ["Annie Hall", "When Harry Met Sally..."], "romantic comedy"),
    ],
)
async def test_a_ranking_of_a_genre_includes_its_kinds_and_says_so(
    catalog_of, question, answers, said
) -> None:
    catalog = await catalog_of(KINDS)
    reply = await ask(catalog, question)
    assert reply.answers == answers, reply.text
    assert reply.text.startswith(said) if said[0].isupper() else said in reply.text, reply.text


@pytest.mark.parametrize(("question", "many"), [("top seven films", 7), ("eleven best movies", 11)])
async def test_how_many_films_a_ranking_asks_for_in_words(catalog_of, question, many) -> None:
    catalog = await catalog_of(
        "films:\n"
        + "".join(
            f"  - {{title: Film {n}, year: {1980 + n}, imdb_rating: {n / 2}, "
            f"sources: [https://example.org/{n}]}}\n"
            for n in range(1, 15)
        )
    )
    reply = await ask(catalog, question)
    assert reply.answers == [f"Film {n}" for n in range(14, 14 - many, -1)], reply.text


ORDERED = """\
films:
  - {title: Duel, year: 1971, directors: [Steven Spielberg]}
  - {title: Jaws, year: 1975, directors: [Steven Spielberg]}
  - {title: Hook, year: 1991, directors: [Steven Spielberg]}
  - {title: Big, year: 1988, directors: [Penny Marshall]}
"""


@pytest.mark.parametrize(
    ("question", "answers", "said"),
    [
        ("spielberg films newest first", ["Hook", "Jaws", "Duel"], "newest first"),
        ("list steven spielberg movies newest to oldest", ["Hook", "Jaws", "Duel"], "newest first"),
        ("steven spielberg films oldest first", ["Duel", "Jaws", "Hook"], "oldest first"),
        ("spielberg movies in chronological order", ["Duel", "Jaws", "Hook"], "oldest first"),
        (
            "spielberg films in reverse chronological order",
            ["Hook", "Jaws", "Duel"],
            "newest first",
        ),
    ],
)
async def test_a_persons_films_in_an_order_are_all_of_them_in_it(
    catalog_of, question, answers, said
) -> None:
    reply = await ask(await catalog_of(ORDERED), question)
    assert reply.answers == answers, reply.text
    assert f"Films with Steven Spielberg, {said}: " in reply.text


async def test_a_persons_first_or_latest_film_is_still_one_film(catalog_of) -> None:
    catalog = await catalog_of(ORDERED)
    first = await ask(catalog, "what was spielberg's first film")
    assert first.text.endswith(
        "Steven Spielberg's first film in the catalog is Duel (1971), of 3 from 1971 to 1991."
    ), first.text
    latest = await ask(catalog, "spielberg's latest movie")
    assert "latest film in the catalog is Hook (1991)" in latest.text


@pytest.mark.parametrize("question", ["crime films ranked", "rank the crime movies"])
async def test_films_asked_ranked_are_in_rating_order(rated, question) -> None:
    reply = await ask(rated, question)
    assert reply.answers == ["Drive", "Thief", "Manhunter"], reply.text


@pytest.mark.parametrize("question", ["rank kubrick films", "kubrick movies ranked"])
async def test_films_asked_ranked_without_ratings_say_so(catalog, question) -> None:
    reply = await ask(catalog, question)
    assert "no ratings" in reply.text and "by year" in reply.text, reply.text
    assert "Reading “rank" not in reply.text


SCARY = """\
films:
  - {title: Alien, year: 1979, genres: [Horror], imdb_rating: 8.5, sources: [https://example.org/a]}
  - {title: It, year: 2017, genres: [Horror], imdb_rating: 7.3, sources: [https://example.org/i]}
  - {title: Airplane!, year: 1980, genres: [Comedy], imdb_rating: 7.7, sources: [https://example.org/p]}
"""


@pytest.mark.parametrize(
    ("question", "first"),
    [("whats the scariest movie", "Alien"), ("funniest film you know", "Airplane!")],
)
async def test_the_scariest_or_funniest_film_is_the_best_rated_of_its_genre(
    catalog_of, question, first
) -> None:
    reply = await ask(await catalog_of(SCARY), question)
    assert reply.answers[:1] == [first], reply.text
    assert reply.text.startswith("The best rated of the "), reply.text
