"""Films to watch: a pick with its reason, varied between asks, never an unreleased film."""

from __future__ import annotations

import random

import pytest

from bot.answering.engine import answer


async def pick(catalog, question: str, seed: int = 1):
    return await answer(question, catalog, rng=random.Random(seed))


async def test_a_genre_pick_says_why(catalog) -> None:
    reply = await pick(catalog, "recommend me a romcom")
    assert set(reply.answers) == {"Sleepless in Seattle", "You've Got Mail"}
    assert reply.text.startswith(f"How about {reply.films[0].label}? It's romantic comedy")


async def test_picks_vary_between_asks(catalog) -> None:
    firsts = {
        (await pick(catalog, "what should we watch tonight?", seed)).answers[0] for seed in range(8)
    }
    assert len(firsts) >= 3


async def test_the_same_dice_give_the_same_pick(catalog) -> None:
    one = await pick(catalog, "give me a random film", seed=5)
    two = await pick(catalog, "give me a random film", seed=5)
    assert one.text == two.text


async def test_an_unreleased_film_is_never_offered(catalog) -> None:
    for seed in range(20):
        for question in ("pick a random film", "something like alita battle angel"):
            reply = await pick(catalog, question, seed)
            assert all(film.confirmed for film in reply.films), reply.text
            assert "Alita: Battle Angel 2" not in reply.text


async def test_something_like_a_film_gives_what_they_share(catalog) -> None:
    reply = await pick(catalog, "something like sleepless in seattle")
    assert reply.answers[0] == "You've Got Mail"
    assert "Tom Hanks" in reply.text or "Nora Ephron" in reply.text
    assert "Sleepless in Seattle" not in reply.answers


async def test_a_film_someone_loved_asking_what_to_watch_is_something_like_it(catalog) -> None:
    reply = await pick(catalog, "i loved sleepless in seattle what else should i watch")
    assert reply.text.startswith("If you liked Sleepless in Seattle (1993), try ")
    # said without asking for a film to watch, it is no pick
    assert "If you liked" not in (await pick(catalog, "i loved sleepless in seattle")).text


async def test_a_pick_with_nothing_to_offer_says_so(catalog) -> None:
    reply = await pick(catalog, "recommend a horror movie")
    assert reply.answers == []


async def test_like_a_title_two_films_share_says_so(catalog) -> None:
    reply = await pick(catalog, "movies like heat")
    assert "2 films are called Heat; this is the 1995 one: add the year for another" in reply.text
    assert "Heat" not in reply.answers


async def test_like_a_shared_title_takes_the_best_known_film(catalog_of) -> None:
    catalog = await catalog_of(
        """films:
  - {title: Heat, year: 1986, directors: [Dick Richards], imdb_votes: 9000, imdb_rating: 5.0}
  - {title: Heat, year: 1995, directors: [Michael Mann], imdb_votes: 600000, imdb_rating: 8.3}
  - {title: Thief, year: 1981, directors: [Michael Mann], imdb_votes: 30000}
"""
    )
    reply = await pick(catalog, "movies like heat")
    assert reply.text.startswith("If you liked Heat (1995), try Thief (1981)")
    older = await pick(catalog, "movies like heat 1986")
    assert older.text.startswith(
        "The catalog has no released film that shares much with Heat (1986)"
    )


async def test_a_pick_asked_through_a_relation_lists_every_such_film(catalog) -> None:
    about = await pick(catalog, "recommend a movie about bookshop")
    assert about.answers == ["You've Got Mail"]
    assert not about.text.startswith("How about")
    directed = await pick(catalog, "suggest a film directed by nora ephron")
    assert directed.answers == ["Sleepless in Seattle", "You've Got Mail"]
    assert not directed.text.startswith("How about")


async def test_a_pick_naming_a_person_without_a_relation_stays_a_pick(catalog) -> None:
    reply = await pick(catalog, "suggest something with tom hanks")
    assert reply.text.startswith("How about")
    from_years = await pick(catalog, "suggest a film directed by nora ephron from the 90s")
    assert from_years.text.startswith("How about")


@pytest.mark.parametrize(
    "question",
    [
        "random film directed by nora ephron",
        "random movie by nora ephron",
        "pick a film directed by nora ephron",
        "random movie about bookshop",
    ],
)
async def test_a_film_at_random_of_a_relation_is_one_pick_not_the_list(catalog, question) -> None:
    for seed in range(4):
        reply = await pick(catalog, question, seed)
        assert reply.text.startswith(f"How about {reply.films[0].label}? "), reply.text
        assert set(reply.answers) <= {"Sleepless in Seattle", "You've Got Mail"}


BILLED_THIRD = """\
films:
  - {title: Ghostbusters, year: 1984, genres: [Comedy],
     cast: [Bill Murray, Dan Aykroyd, Sigourney Weaver]}
"""


async def test_a_pick_with_someone_names_them_among_the_cast(catalog_of) -> None:
    catalog = await catalog_of(BILLED_THIRD)
    reply = await pick(catalog, "recommend me a movie with sigourney weaver")
    assert reply.text == (
        "How about Ghostbusters (1984)? It's comedy, with Sigourney Weaver and Bill Murray."
    )


async def test_a_pick_about_an_unknown_topic_says_it_does_not_know_it(catalog) -> None:
    unknown = await pick(catalog, "recommend a movie about dinosaurs")
    assert unknown.text.startswith("I don't know which films are about dinosaurs")
    assert unknown.answers  # still a pick, said to be one
    known = await pick(catalog, "recommend a sci-fi movie")
    assert "I don't know" not in known.text


async def test_like_a_film_the_catalog_lacks_says_so_instead_of_a_random_pick(catalog) -> None:
    for question, named in (
        ("something like blade runner", "blade runner"),
        ("recommend me movies similar to the dark knight", "the dark knight"),
        ("i liked inception what else", "inception"),
        ("movies like the lord of the rings", "lord of the rings"),
        ("films similar to the silence of the lambs", "silence of the lambs"),
    ):
        reply = await pick(catalog, question)
        assert reply.kind == "not_found", reply.text
        assert reply.answers == [] and reply.films == []
        assert reply.text.startswith(f"I don't know a film called “{named}”"), reply.text


@pytest.mark.parametrize("question", ["similar movies to heat 1995", "similar films to heat 1995"])
async def test_similar_films_to_a_title_are_films_like_it(catalog_of, question) -> None:
    catalog = await catalog_of(
        """films:
  - {title: Heat, year: 1995, directors: [Michael Mann], imdb_votes: 600000}
  - {title: Thief, year: 1981, directors: [Michael Mann], imdb_votes: 30000}
"""
    )
    reply = await pick(catalog, question)
    assert reply.text.startswith("If you liked Heat (1995), try Thief (1981)"), reply.text


async def test_like_a_film_the_catalog_lacks_suggests_the_nearest_titles(catalog) -> None:
    reply = await pick(catalog, "anything like sleepless in new york")
    assert reply.kind == "not_found"
    assert "Sleepless in Seattle (1993)" in reply.suggestions
    assert "Did you mean Sleepless in Seattle (1993)" in reply.text


async def test_like_a_film_but_newer_or_from_a_time_picks_only_films_of_those_years(
    catalog_of,
) -> None:
    catalog = await catalog_of(
        """films:
  - {title: Jaws, year: 1975, directors: [Steven Spielberg], genres: [Thriller]}
  - {title: Duel, year: 1971, directors: [Steven Spielberg], genres: [Thriller]}
  - {title: Jurassic Park, year: 1993, directors: [Steven Spielberg], genres: [Thriller]}
  - {title: Speed, year: 1994, genres: [Thriller]}
  - {title: The Birds, year: 1963, genres: [Thriller]}
"""
    )
    for seed in range(5):
        newer = await pick(catalog, "films like jaws but newer", seed)
        assert newer.answers and set(newer.answers) <= {"Jurassic Park", "Speed"}, newer.text
        older = await pick(catalog, "something like jaws but older", seed)
        assert older.answers and set(older.answers) <= {"Duel", "The Birds"}, older.text
    nineties = await pick(catalog, "something like jaws from the 90s")
    assert set(nineties.answers) <= {"Jurassic Park", "Speed"}
    none = await pick(catalog, "something like jaws from the 2010s")
    assert none.text.startswith(
        "The catalog has no released film from the 2010s that shares much with Jaws (1975)"
    )


SHARED_LEADS = """\
films:
  - {title: Speed, year: 1994, genres: [Action], cast: [Keanu Reeves, Sandra Bullock]}
  - {title: Point Break, year: 1991, genres: [Action], cast: [Keanu Reeves, Patrick Swayze]}
  - {title: The Net, year: 1995, genres: [Thriller], cast: [Sandra Bullock]}
  - {title: Die Hard, year: 1988, genres: [Action], cast: [Bruce Willis]}
  - {title: Ghost, year: 1990, genres: [Drama], cast: [Patrick Swayze]}
"""


@pytest.mark.parametrize(
    ("question", "left_out", "allowed"),
    [
        ("films like speed but not with keanu reeves", "Keanu Reeves", {"The Net", "Die Hard"}),
        (
            "something like speed without sandra bullock",
            "Sandra Bullock",
            {"Point Break", "Die Hard"},
        ),
        (
            "movies like speed but no keanu reeves or sandra bullock",
            "Keanu Reeves and Sandra Bullock",
            {"Die Hard"},
        ),
    ],
)
async def test_like_a_film_without_someone_picks_none_of_their_films(
    catalog_of, question, left_out, allowed
) -> None:
    catalog = await catalog_of(SHARED_LEADS)
    for seed in range(4):
        reply = await pick(catalog, question, seed)
        assert reply.answers and set(reply.answers) <= allowed, reply.text
        assert f"try these without {left_out}: " in reply.text


async def test_like_a_film_without_everyone_it_shares_with_is_said_to_have_none(
    catalog_of,
) -> None:
    catalog = await catalog_of(SHARED_LEADS)
    reply = await pick(catalog, "something like ghost without patrick swayze")
    assert reply.answers == []
    assert reply.text == (
        "The catalog has no released film without Patrick Swayze that shares much with "
        "Ghost (1990)."
    )


LIKE_JAWS = """\
films:
  - {title: Jaws, year: 1975, directors: [Steven Spielberg], genres: [Thriller, Adventure]}
  - {title: Jurassic Park, year: 1993, directors: [Steven Spielberg], genres: [Adventure]}
  - {title: 1941, year: 1979, directors: [Steven Spielberg], genres: [Comedy, War]}
  - {title: Arachnophobia, year: 1990, genres: [Horror, Comedy, Thriller]}
  - {title: Alien, year: 1979, genres: [Horror, Science fiction]}
  - {title: Tootsie, year: 1982, genres: [Romantic comedy]}
"""


@pytest.mark.parametrize(
    ("question", "said", "allowed"),
    [
        ("smth like jaws but funnier", "comedy", {"1941", "Arachnophobia"}),
        ("like jaws but funny", "comedy", {"1941", "Arachnophobia"}),
        ("something like jaws but scarier", "horror", {"Arachnophobia"}),
        ("horror movies like jaws", "horror", {"Arachnophobia"}),
    ],
)
async def test_like_a_film_but_of_a_genre_picks_only_films_of_it(
    catalog_of, question, said, allowed
) -> None:
    catalog = await catalog_of(LIKE_JAWS)
    for seed in range(4):
        reply = await pick(catalog, question, seed)
        assert reply.answers and set(reply.answers) <= allowed, reply.text
        assert reply.text.startswith(f"If you liked Jaws (1975), try these {said} films: ")


async def test_like_a_film_of_a_genre_nothing_like_it_has_is_said_to_have_none(
    catalog_of,
) -> None:
    catalog = await catalog_of(LIKE_JAWS)
    reply = await pick(catalog, "something like tootsie but scarier")
    assert reply.answers == []
    assert reply.text == (
        "The catalog has no released horror film that shares much with Tootsie (1982)."
    )


GENRES_AS_TITLES = """\
films:
  - {title: Western, year: 1997, directors: Manuel Poirier, genres: [Drama]}
  - {title: Unforgiven, year: 1992, directors: Clint Eastwood, genres: [Western]}
  - {title: The Comedy, year: 2012, directors: Rick Alverson, genres: [Drama]}
  - {title: Jaws, year: 1975, directors: Steven Spielberg, genres: [Thriller]}
  - {title: Airplane!, year: 1980, directors: Jim Abrahams, genres: [Comedy]}
"""


@pytest.mark.parametrize(
    "question",
    [
        "recommend a western",
        "random western",
        "give me a random western pls",
        "a good western",
        "whats a decent western",
        "a solid western film",
    ],
)
async def test_a_genre_asked_for_as_one_film_is_the_genre_not_the_film_of_its_name(
    catalog_of, question: str
) -> None:
    catalog = await catalog_of(GENRES_AS_TITLES)
    reply = await pick(catalog, question)
    assert reply.answers == ["Unforgiven"]
    assert (await pick(catalog, "who directed western")).answers == ["Manuel Poirier"]


@pytest.mark.parametrize(
    "question",
    ["whats good to watch", "what to watch", "what do we watch tonight", "choose a movie"],
)
async def test_asking_what_to_watch_in_other_words_is_a_pick(catalog_of, question: str) -> None:
    catalog = await catalog_of(GENRES_AS_TITLES)
    reply = await pick(catalog, question)
    assert reply.text.startswith(f"How about {reply.films[0].label}?"), reply.text
    assert {"Western", "Unforgiven", "The Comedy", "Jaws", "Airplane!"} >= set(reply.answers)


@pytest.mark.parametrize(
    "question", ["roll a western", "get me a western movie", "roll me a western"]
)
async def test_a_film_rolled_or_got_of_a_genre_is_one_pick_of_it(catalog_of, question: str) -> None:
    catalog = await catalog_of(GENRES_AS_TITLES)
    reply = await pick(catalog, question)
    assert reply.answers == ["Unforgiven"], reply.text
    assert reply.text.startswith("How about Unforgiven (1992)?")


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("is jaws a comedy", "No: Jaws (1975) is a thriller film."),
        ("is unforgiven a western?", "Yes: Unforgiven (1992) is a western film."),
        ("is western a drama", "Yes: Western (1997) is a drama film."),
    ],
)
async def test_is_a_film_of_a_genre_that_is_also_a_title_checks_the_genre(
    catalog_of, question: str, said: str
) -> None:
    catalog = await catalog_of(GENRES_AS_TITLES)
    assert (await pick(catalog, question)).text == said


@pytest.mark.parametrize("question", ["a good comedy", "a great comedy movie", "an good comedy"])
async def test_one_good_film_of_a_genre_asked_for_is_a_pick_not_the_whole_genre(
    catalog_of, question: str
) -> None:
    catalog = await catalog_of(GENRES_AS_TITLES)
    reply = await pick(catalog, question)
    assert reply.answers == ["Airplane!"]
    assert reply.text.startswith("How about Airplane! (1980)? It's comedy")


async def test_whether_a_film_is_good_is_still_its_rating(catalog_of) -> None:
    catalog = await catalog_of(GENRES_AS_TITLES)
    reply = await pick(catalog, "is western good")
    assert "Western (1997)" in reply.text
    assert reply.answers != ["Unforgiven"]


WATCH = """\
films:
  - {title: The Watch, year: 2012, directors: Akiva Schaffer, genres: [Comedy]}
  - {title: Airplane!, year: 1980, directors: Jim Abrahams, genres: [Comedy]}
"""


@pytest.mark.parametrize("question", ["what should i watch", "im bored", "so bored lol"])
async def test_asking_what_to_watch_is_a_pick_even_where_watch_is_a_title(
    catalog_of, question: str
) -> None:
    catalog = await catalog_of(WATCH)
    reply = await pick(catalog, question)
    assert reply.text.startswith("How about ")
    assert set(reply.answers) == {"The Watch", "Airplane!"}


async def test_the_film_the_watch_is_still_asked_about_by_its_title(catalog_of) -> None:
    catalog = await catalog_of(WATCH)
    assert (await pick(catalog, "who directed the watch")).answers == ["Akiva Schaffer"]


WORDS_AS_NAMES = """\
films:
  - {title: Good, year: 2008, directors: [Vicente Amorim], genres: [Drama]}
  - {title: The Watch, year: 2012, directors: [Akiva Schaffer], genres: [Comedy]}
  - {title: The Matrix, year: 1999, directors: [Lana Wachowski], genres: [Action]}
  - {title: Snow Flower, year: 2011, writers: [Lisa See], genres: [Drama], tags: [great]}
  - {title: Halloween, year: 1978, directors: [John Carpenter], genres: [Horror]}
  - {title: Flicka, year: 2006, directors: [Michael Mayer], genres: [Family]}
"""


@pytest.mark.parametrize(
    ("question", "genre"),
    [
        ("a good movie", None),
        ("a great horror", "Horror"),
        ("what should we see", None),
        ("rec me a horror flick pls", "Horror"),
    ],
)
async def test_words_asking_for_a_film_are_not_names_of_the_catalog(
    catalog_of, question, genre
) -> None:
    catalog = await catalog_of(WORDS_AS_NAMES)
    reply = await pick(catalog, question)
    assert reply.text.startswith("How about "), reply.text
    assert "Lisa See" not in reply.text and "about great" not in reply.text
    if genre is not None:
        assert reply.answers == ["Halloween"]


async def test_a_title_in_words_asking_for_films_beside_another_is_not_asked_of(
    catalog_of,
) -> None:
    catalog = await catalog_of(WORDS_AS_NAMES)
    reply = await pick(catalog, "should i watch the matrix")
    assert reply.answers and "The Watch" not in reply.text
    assert "The Matrix (1999)" in reply.text
    # the title alone is still the title
    assert "Akiva Schaffer" in (await pick(catalog, "who directed the watch")).text
