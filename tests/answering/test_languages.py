"""Films asked in a language, with a genre, a time or alone: "french comedies", "korean
films from 2019", "films in german" (which the catalog may have none of)."""

from __future__ import annotations

import pytest

from tests.answering.conftest import ask

SPOKEN = """\
films:
  - {title: Parasite, year: 2019, genres: [Thriller], languages: [Korean]}
  - {title: Oldboy, year: 2003, genres: [Thriller], languages: [Korean]}
  - {title: Alita, year: 2019, genres: [Action], languages: [English]}
  - {title: Heat, year: 1995, genres: [Thriller], languages: [English]}
  - {title: Spirited Away, year: 2001, genres: [Animation], languages: [Japanese]}
  - {title: Toy Story, year: 1995, genres: [Animation, Comedy], languages: [English]}
"""


@pytest.mark.parametrize(
    ("question", "answers", "said"),
    [
        ("korean films from 2019", ["Parasite"], "Films in Korean from 2019 (1): Parasite (2019)."),
        ("korean thrillers", ["Oldboy", "Parasite"], "Thriller films in Korean (2): "),
        ("japanese animated films", ["Spirited Away"], "Animation films in Japanese (1): "),
        ("english thrillers", ["Heat"], "Thriller films in English (1): Heat (1995)."),
        ("french comedies", [], "The catalog has no comedy films in French."),
        ("films in german", [], "The catalog has no films in German."),
        ("french films from the 90s", [], "The catalog has no films in French from the 1990s."),
    ],
)
async def test_films_asked_in_a_language_are_only_those_in_it(
    catalog_of, question, answers, said
) -> None:
    reply = await ask(await catalog_of(SPOKEN), question)
    assert reply.answers == answers, reply.text
    assert said in reply.text, reply.text


async def test_a_pick_in_a_language_the_catalog_lacks_says_there_is_none(catalog_of) -> None:
    reply = await ask(await catalog_of(SPOKEN), "recommend a french film")
    assert reply.answers == []
    assert reply.text == "The catalog has no released films in French to suggest."


NOT_IN = """\
films:
  - {title: Heat, year: 1995, languages: [English, Spanish], genres: [Crime], sources: [x]}
  - {title: Parasite, year: 2019, languages: [Korean], genres: [Comedy], sources: [x]}
  - {title: Amelie, year: 2001, languages: [French], genres: [Comedy], sources: [x]}
  - {title: Tbd, year: 2030, status: announced, sources: [{text: A studio}]}
"""


@pytest.mark.parametrize(
    ("question", "answers"),
    [
        ("movies not in english", ["Amelie", "Parasite"]),
        ("non english films", ["Amelie", "Parasite"]),
        ("movies that arent in english", ["Amelie", "Parasite"]),
        ("comedies not in french", ["Parasite"]),
        # not said: the films in it, as ever
        ("films in english", ["Heat"]),
    ],
)
async def test_films_not_in_a_language_are_those_in_others(catalog_of, question, answers) -> None:
    # a film whose languages the catalog lacks is not said to be in another
    reply = await ask(await catalog_of(NOT_IN), question)
    assert sorted(reply.answers) == answers, reply.text


@pytest.mark.parametrize(
    ("question", "answers"),
    [
        ("animated comedies", ["Toy Story"]),
        ("action horror movies", ["Aliens"]),
        ("crime dramas from the 90s", ["Heat"]),
        ("comedy dramas", []),
    ],
)
async def test_films_of_two_genres_said_alone_have_both(catalog_of, question, answers) -> None:
    catalog = await catalog_of(
        """\
films:
  - {title: Toy Story, year: 1995, genres: [Animation, Comedy], sources: [x]}
  - {title: Up, year: 2009, genres: [Animation, Adventure], sources: [x]}
  - {title: Airplane!, year: 1980, genres: [Comedy], sources: [x]}
  - {title: Aliens, year: 1986, genres: [Action, Horror], sources: [x]}
  - {title: Psycho, year: 1960, genres: [Horror], sources: [x]}
  - {title: Heat, year: 1995, genres: [Crime, Drama], sources: [x]}
  - {title: The Godfather, year: 1972, genres: [Crime, Drama], sources: [x]}
"""
    )
    reply = await ask(catalog, question)
    assert reply.answers == answers, reply.text
