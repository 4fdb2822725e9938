"""The people credited on the most films: "who has been in the most movies", "which
director has the most films"."""

from __future__ import annotations

import pytest

from tests.answering.conftest import ask

CREDITS = """\
films:
  - {title: Duel, year: 1971, directors: [Steven Spielberg], cast: [Dennis Weaver]}
  - {title: Jaws, year: 1975, directors: [Steven Spielberg], cast: [Roy Scheider, Robert Shaw]}
  - {title: Hook, year: 1991, directors: [Steven Spielberg], cast: [Robin Williams]}
  - {title: Big, year: 1988, directors: [Penny Marshall], cast: [Tom Hanks, Robert Loggia]}
  - {title: Splash, year: 1984, directors: [Ron Howard], cast: [Tom Hanks]}
  - {title: Sorcerer, year: 1977, directors: [William Friedkin], cast: [Roy Scheider]}
  - title: Untitled Hanks Film
    year: 2030
    status: announced
    directors: [Ron Howard]
    cast: [Tom Hanks]
    sources: [https://example.org/announced]
"""


@pytest.mark.parametrize(
    ("question", "answers", "said"),
    [
        (
            "which director has the most movies",
            ["Steven Spielberg"],
            "Steven Spielberg directed the most released films in the catalog: 3 films. "
            "Then come Penny Marshall (1), Ron Howard (1) and William Friedkin (1).",
        ),
        (
            "who has been in the most films",
            ["Roy Scheider", "Tom Hanks"],
            "Roy Scheider and Tom Hanks are in the cast of the most released films in the "
            "catalog: 2 films each. Then come ",
        ),
        ("most prolific actor", ["Roy Scheider", "Tom Hanks"], "2 films each"),
        ("who has the most credits", ["Steven Spielberg"], "is credited on the most"),
    ],
)
async def test_the_most_credited_people_are_said_with_their_count(
    catalog_of, question, answers, said
) -> None:
    reply = await ask(await catalog_of(CREDITS), question)
    assert sorted(reply.answers) == answers, reply.text
    assert said in reply.text


async def test_an_unreleased_film_is_not_counted(catalog_of) -> None:
    # Ron Howard's announced film would give him two
    reply = await ask(await catalog_of(CREDITS), "which director has the most movies")
    assert "Ron Howard (1)" in reply.text


async def test_the_most_films_with_someone_are_that_persons_not_the_catalogs(catalog_of) -> None:
    reply = await ask(await catalog_of(CREDITS), "who has been in the most films with tom hanks")
    assert "the most released films in the catalog" not in reply.text


@pytest.mark.parametrize(
    ("question", "answers", "said"),
    [
        (
            "who has tom hanks worked with the most",
            ["Ron Howard"],
            "Ron Howard is credited on the most of Tom Hanks's released films: 2 (Splash (1984) "
            "and Apollo 13 (1995)). Then come Daryl Hannah (1), Kevin Bacon (1) and Penny "
            "Marshall (1).",
        ),
        (
            "who has roy scheider worked with the most",
            ["Steven Spielberg"],
            "Steven Spielberg is credited on the most of Roy Scheider's released films: 1",
        ),
        (
            "who did scheider work with the most",  # a surname before the question's end
            ["Steven Spielberg"],
            "Steven Spielberg is credited on the most of Roy Scheider's released films: 1",
        ),
        (
            "who directed the most steven spielberg movies",
            [],
            "No director is credited on any of Steven Spielberg's released films in the catalog.",
        ),
    ],
)
async def test_someones_most_frequent_collaborators_are_counted_on_their_released_films(
    catalog_of, question, answers, said
) -> None:
    reply = await ask(await catalog_of(COLLABORATORS), question)
    assert reply.answers == answers, reply.text
    assert said in reply.text


COLLABORATORS = """\
films:
  - {title: Splash, year: 1984, directors: [Ron Howard], cast: [Tom Hanks, Daryl Hannah]}
  - {title: Apollo 13, year: 1995, directors: [Ron Howard], cast: [Tom Hanks, Kevin Bacon]}
  - {title: Big, year: 1988, directors: [Penny Marshall], cast: [Tom Hanks]}
  - {title: Jaws, year: 1975, directors: [Steven Spielberg], cast: [Roy Scheider]}
"""
