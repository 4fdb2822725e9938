"""Films with every person named, with either, or without someone: "tom hanks and meg ryan
movies from the 90s", "comedies without tom hanks", "movies with tom hanks but not meg
ryan"."""

from __future__ import annotations

import pytest

from tests.answering.conftest import ask

PAIRED = """\
films:
  - {title: Sleepless in Seattle, year: 1993, genres: [Romantic comedy],
     cast: [Tom Hanks, Meg Ryan]}
  - {title: Joe Versus the Volcano, year: 1990, genres: [Comedy], cast: [Tom Hanks, Meg Ryan]}
  - {title: Big, year: 1988, genres: [Comedy], cast: [Tom Hanks]}
  - {title: Philadelphia, year: 1993, genres: [Drama], cast: [Tom Hanks]}
  - {title: French Kiss, year: 1995, genres: [Comedy], cast: [Meg Ryan]}
  - {title: Clueless, year: 1995, genres: [Comedy], cast: [Alicia Silverstone]}
  - {title: The Terminator, year: 1984, directors: [James Cameron],
     cast: [Arnold Schwarzenegger]}
  - {title: Aliens, year: 1986, directors: [James Cameron], cast: [Sigourney Weaver]}
"""


@pytest.mark.parametrize(
    ("question", "answers", "said"),
    [
        (
            "tom hanks and meg ryan movies from the 90s",
            ["Joe Versus the Volcano", "Sleepless in Seattle"],
            "Films with Tom Hanks and Meg Ryan from the 1990s (2): ",
        ),
        (
            "tom hanks or meg ryan movies from the 90s",
            ["Joe Versus the Volcano", "Sleepless in Seattle", "Philadelphia", "French Kiss"],
            "Films with Tom Hanks or Meg Ryan from the 1990s (4): ",
        ),
        (
            "90s movies without tom hanks",
            ["French Kiss", "Clueless"],
            "Films without Tom Hanks from the 1990s (2): ",
        ),
        (
            "comedies without tom hanks",
            ["Clueless", "French Kiss"],
            "Comedy films without Tom Hanks (2): Clueless (1995) and French Kiss (1995).",
        ),
        (
            "comedies without tom hanks or meg ryan",
            ["Clueless"],
            "Comedy films without Tom Hanks or Meg Ryan (1): Clueless (1995).",
        ),
        (
            "tom hanks comedies w/o meg ryan",  # as chat says it
            ["Big"],
            "Comedy films with Tom Hanks but not Meg Ryan (1): Big (1988).",
        ),
        (
            "tom hanks comedies without meg ryan",
            ["Big"],
            "Comedy films with Tom Hanks but not Meg Ryan (1): Big (1988).",
        ),
    ],
)
async def test_films_of_a_time_or_genre_with_each_either_or_none_of_the_people_named(
    catalog_of, question, answers, said
) -> None:
    reply = await ask(await catalog_of(PAIRED), question)
    assert reply.answers == answers, reply.text
    assert said in reply.text, reply.text


@pytest.mark.parametrize(
    ("question", "answers", "said"),
    [
        (
            "movies with tom hanks but not meg ryan",
            ["Big", "Philadelphia"],
            "Tom Hanks (without Meg Ryan) is credited on Big (1988) and Philadelphia (1993).",
        ),
        (
            "cameron films without schwarzenegger",
            ["Aliens"],
            "James Cameron (without Arnold Schwarzenegger) is credited on Aliens (1986).",
        ),
    ],
)
async def test_a_persons_films_without_someone_leave_out_that_persons(
    catalog_of, question, answers, said
) -> None:
    reply = await ask(await catalog_of(PAIRED), question)
    assert reply.answers == answers, reply.text
    assert reply.text.endswith(said), reply.text


@pytest.mark.parametrize(
    ("question", "answers"),
    [
        (
            "tom hanks movies except big",
            ["Joe Versus the Volcano", "Philadelphia", "Sleepless in Seattle"],
        ),
        (
            "tom hanks films other than big",
            ["Joe Versus the Volcano", "Philadelphia", "Sleepless in Seattle"],
        ),
        (
            "what was tom hanks in besides big and philadelphia",
            ["Joe Versus the Volcano", "Sleepless in Seattle"],
        ),
    ],
)
async def test_a_persons_films_but_those_left_out(catalog_of, question, answers) -> None:
    reply = await ask(await catalog_of(PAIRED), question)
    assert sorted(reply.answers) == answers, reply.text
    assert "(leaving out Big" in reply.text


async def test_a_genre_without_the_only_person_named_is_the_genres_other_films(catalog_of) -> None:
    reply = await ask(await catalog_of(PAIRED), "comedy without tom hanks")
    assert reply.answers == ["Clueless", "French Kiss"], reply.text


async def test_no_said_before_a_sentence_leaves_nobody_out(catalog_of) -> None:
    reply = await ask(await catalog_of(PAIRED), "no i meant tom hanks movies")
    assert "Big" in reply.answers and "without" not in reply.text, reply.text
