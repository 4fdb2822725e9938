"""Lists of films narrowed the ways chat narrows them: two genres said alone ("sci fi
horror"), either of two people ("spielberg or cameron movies"), a film left out ("keanu films
that aren't john wick"), before or after a film ("movies older than jaws"), old ("old
movies"), a country ("british thrillers") and a running time ("a short comedy")."""

from __future__ import annotations

import pytest

from tests.answering.conftest import ask

FILMS = """\
films:
  - {title: Psycho, year: 1960, genres: [Horror, Thriller], directors: [Alfred Hitchcock],
     countries: [United States], runtime_minutes: 109}
  - {title: Jaws, year: 1975, genres: [Thriller], directors: [Steven Spielberg],
     countries: [United States], runtime_minutes: 124}
  - {title: Alien, year: 1979, genres: [Science fiction, Horror], directors: [Ridley Scott],
     countries: [United Kingdom, United States], runtime_minutes: 117}
  - {title: Aliens, year: 1986, genres: [Science fiction, Horror, Action],
     directors: [James Cameron], countries: [United Kingdom, United States]}
  - {title: Jurassic Park, year: 1993, genres: [Science fiction, Adventure],
     directors: [Steven Spielberg], countries: [United States], runtime_minutes: 127}
  - {title: Speed, year: 1994, genres: [Action, Thriller], cast: [Keanu Reeves],
     countries: [United States], runtime_minutes: 116}
  - {title: Titanic, year: 1997, genres: [Romance, Drama], directors: [James Cameron],
     countries: [United States], runtime_minutes: 195}
  - {title: The Matrix, year: 1999, genres: [Science fiction, Action], cast: [Keanu Reeves],
     countries: [United States, Australia], runtime_minutes: 136}
  - {title: Spirited Away, year: 2001, genres: [Animation, Fantasy],
     countries: [Japan], runtime_minutes: 125}
  - {title: Shaun of the Dead, year: 2004, genres: [Comedy, Horror],
     countries: [United Kingdom], runtime_minutes: 99}
  - {title: John Wick, year: 2014, genres: [Action, Thriller], cast: [Keanu Reeves],
     countries: [United States]}
  - {title: Paddington, year: 2014, genres: [Comedy, Family], countries: [United Kingdom]}
"""


@pytest.fixture
async def films(catalog_of):
    return await catalog_of(FILMS)


@pytest.mark.parametrize("question", ["sci fi horror", "scifi horror", "horror sci fi"])
async def test_two_genres_said_alone_are_the_films_of_both(films, question) -> None:
    reply = await ask(films, question)
    assert reply.answers == ["Alien", "Aliens"], reply.text
    assert reply.text.startswith("Horror and science fiction films (2): "), reply.text


async def test_either_of_two_people_lists_each_ones_films(films) -> None:
    reply = await ask(films, "spielberg or cameron movies")
    assert reply.text == (
        "(Reading “spielberg” as “Steven Spielberg”, “cameron” as “James Cameron”.) "
        "Steven Spielberg is credited on Jaws (1975) and Jurassic Park (1993); "
        "James Cameron is credited on Aliens (1986) and Titanic (1997)."
    )
    both = await ask(films, "spielberg and cameron movies")  # together: none
    assert both.answers == []


@pytest.mark.parametrize(
    ("question", "answers"),
    [
        ("keanu films that arent john wick", ["Speed", "The Matrix"]),
        ("keanu films that aren't the matrix", ["Speed", "John Wick"]),
        ("sci fi movies except alien", ["Aliens", "Jurassic Park", "The Matrix"]),
        ("keanu movies from the 90s other than speed", ["The Matrix"]),
    ],
)
async def test_a_film_left_out_is_not_listed(films, question, answers) -> None:
    reply = await ask(films, question)
    assert reply.answers == answers, reply.text


async def test_a_genres_films_but_one_say_which_is_left_out(films) -> None:
    reply = await ask(films, "horror movies besides psycho")
    assert reply.text == (
        "Horror films other than Psycho (3): Alien (1979), Aliens (1986) and "
        "Shaun of the Dead (2004)."
    )


@pytest.mark.parametrize(
    ("question", "said", "answers"),
    [
        ("movies older than jaws", "Films before Jaws (1975) (1): ", ["Psycho"]),
        ("films before alien", "Films before Alien (1979) (2): ", ["Psycho", "Jaws"]),
        (
            "films newer than the matrix",
            "Films after The Matrix (1999) (4): ",
            ["Spirited Away", "Shaun of the Dead", "John Wick", "Paddington"],
        ),
        ("horror movies after alien", "Horror films after Alien (1979) (2): ", None),
    ],
)
async def test_films_before_or_after_a_film_are_those_of_the_years_before_or_after_it(
    films, question, said, answers
) -> None:
    reply = await ask(films, question)
    assert reply.text.startswith(said), reply.text
    if answers is not None:
        assert reply.answers == answers


async def test_a_film_said_after_before_alone_is_still_its_prequel(films) -> None:
    reply = await ask(films, "what came before aliens")
    assert reply.answers != ["Psycho", "Jaws", "Alien"], reply.text


@pytest.mark.parametrize("question", ["old movies", "some old films", "classic movies"])
async def test_old_films_are_those_before_1970_said_so(films, question) -> None:
    reply = await ask(films, question)
    word = question.split()[-2]
    assert reply.text == f"(Reading “{word}” as before 1970.) Films before 1970 (1): Psycho (1960)."


async def test_old_in_a_title_the_catalog_lacks_stays_part_of_it(films) -> None:
    reply = await ask(films, "who directed no country for old men")
    assert "old men" in reply.text, reply.text


@pytest.mark.parametrize(
    ("question", "said", "answers"),
    [
        (
            "british movies",
            "Films from the United Kingdom (4): ",
            ["Alien", "Aliens", "Shaun of the Dead", "Paddington"],
        ),
        ("british comedies", "Comedy films from the United Kingdom (2): ", None),
        ("horror films from the uk", "Horror films from the United Kingdom (3): ", None),
        ("films from japan", "Films from Japan (1): Spirited Away (2001).", ["Spirited Away"]),
        (
            "australian action movies",
            "(Reading “australian” as “Australia”.) Action films from Australia (1): ",
            ["The Matrix"],
        ),
        ("american thrillers from the 90s", "Thriller films from the United States from ", None),
    ],
)
async def test_a_country_narrows_a_list_of_films(films, question, said, answers) -> None:
    reply = await ask(films, question)
    assert reply.text.startswith(said), reply.text
    if answers is not None:
        assert reply.answers == answers


async def test_a_country_with_no_film_says_so(films) -> None:
    reply = await ask(films, "mexican movies")
    assert reply.answers == []
    assert reply.text == "The catalog has no films from Mexico."


@pytest.mark.parametrize(
    ("question", "said", "answers"),
    [
        ("horror movies under 2 hours", "Horror films under 120 minutes (3): ", None),
        ("a short comedy", "Comedy films under 100 minutes (1): ", ["Shaun of the Dead"]),
        ("long movies", "Films over 150 minutes (1): ", ["Titanic"]),
        ("thrillers longer than 120 minutes", "Thriller films over 120 minutes (1): ", ["Jaws"]),
    ],
)
async def test_a_running_time_narrows_a_list_and_says_the_bound(
    films, question, said, answers
) -> None:
    reply = await ask(films, question)
    assert reply.text.startswith(said), reply.text
    if answers is not None:
        assert reply.answers == answers


async def test_films_without_a_running_time_are_said_to_be_unknown(films) -> None:
    reply = await ask(films, "comedies under 90 minutes")
    assert reply.text == (
        "The catalog has no comedy films under 90 minutes; it has running times for only 1 "
        "of the 2 comedy films."
    )
    reply = await ask(films, "action movies under 2 hours")
    assert reply.text.endswith("The catalog has running times for only 2 of the 4 action films.")


SHORT_NAMED = """\
films:
  - {title: Desperado, year: 1995, genres: [Action], runtime_minutes: 104,
     cast: [{person: Cheech Marin, role: Short Bartender}]}
  - {title: Shaun of the Dead, year: 2004, genres: [Comedy, Horror], runtime_minutes: 99}
  - {title: Paddington, year: 2014, genres: [Comedy, Family]}
"""


@pytest.mark.parametrize(
    "question", ["something short to watch", "smth short", "a short movie", "a short one"]
)
async def test_short_said_of_a_film_is_its_length_not_a_character(catalog_of, question) -> None:
    reply = await ask(await catalog_of(SHORT_NAMED), question)
    assert reply.text.startswith("Films under 100 minutes (1): Shaun of the Dead (2004)."), (
        reply.text
    )
    assert "Short Bartender" not in reply.text


async def test_a_character_named_short_is_still_found(catalog_of) -> None:
    catalog = await catalog_of(SHORT_NAMED)
    reply = await ask(catalog, "who plays short bartender")
    assert reply.text == "Cheech Marin plays Short Bartender in Desperado (1995)."


async def test_a_short_pick_says_how_many_running_times_are_kept(catalog_of) -> None:
    catalog = await catalog_of(SHORT_NAMED.replace("runtime_minutes: 99", "runtime_minutes: 101"))
    reply = await ask(catalog, "recommend me something short")
    assert reply.answers == []
    assert reply.text == (
        "The catalog has no released films under 100 minutes to suggest; it has running "
        "times for only 2 of the 3 films."
    )
