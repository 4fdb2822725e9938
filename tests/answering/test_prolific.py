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
