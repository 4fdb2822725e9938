"""Facts the catalog never keeps (awards, money, where to watch) are said to be missing,
not answered as another question."""

from __future__ import annotations

import pytest

from tests.answering.conftest import ask


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("how many oscars did cast away win", "has no awards for Cast Away (2000)"),
        ("did cast away win anything", "has no awards for Cast Away (2000)"),
        ("was cast away nominated for an academy award", "has no awards for Cast Away (2000)"),
        ("how much did cast away make", "has no box office or budget figures for Cast Away"),
        ("what was the budget of cast away", "has no box office or budget figures for Cast Away"),
        ("cast away box office", "has no box office or budget figures for Cast Away (2000)"),
        ("where can i stream cast away", "has no word on where to watch Cast Away (2000)"),
        ("is cast away on netflix", "has no word on where to watch Cast Away (2000)"),
        ("who won the oscar for best picture in 1994", "has no awards:"),
        ("where was cast away filmed", "has no filming locations for Cast Away (2000)"),
        ("cast away filming locations", "has no filming locations for Cast Away (2000)"),
        ("where was gladiator shot", "has no filming locations:"),
    ],
)
async def test_what_the_catalog_never_keeps_is_said_to_be_missing(
    catalog, question: str, said: str
) -> None:
    reply = await ask(catalog, question)
    assert said in reply.text
    assert reply.answers == []
    assert "Robert Zemeckis" not in reply.text  # "make" is not read as who made it


@pytest.mark.parametrize(
    ("question", "answers"),
    [
        ("who made cast away", ["Robert Zemeckis"]),
        ("what films did nora ephron make", ["Sleepless in Seattle", "You've Got Mail"]),
        ("who directed heat 1995", ["Michael Mann"]),
    ],
)
async def test_questions_of_what_it_keeps_are_answered_as_before(
    catalog, question: str, answers: list[str]
) -> None:
    assert (await ask(catalog, question)).answers == answers


AWARD_TITLES = """\
films:
  - {title: Oscar, year: 1991, directors: [John Landis], cast: [Sylvester Stallone]}
  - {title: Emmy, year: 2005, directors: [Jane Roe]}
  - {title: Titanic, year: 1997, directors: [James Cameron], cast: [Leonardo DiCaprio]}
"""


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("did leonardo dicaprio win an oscar", "The catalog has no awards:"),
        ("has james cameron won any oscars", "The catalog has no awards:"),
        ("how many oscars did titanic win", "The catalog has no awards for Titanic (1997):"),
        ("did titanic win a golden globe", "The catalog has no awards for Titanic (1997):"),
        ("which films won the oscar", "The catalog has no awards:"),
        ("emmys won by leonardo dicaprio", "The catalog has no awards:"),
    ],
)
async def test_an_award_named_in_a_question_of_awards_is_not_the_film_of_its_name(
    catalog_of, question, said
) -> None:
    catalog = await catalog_of(AWARD_TITLES)
    reply = await ask(catalog, question)
    assert reply.text.startswith(said), reply.text
    assert "Oscar (1991)" not in reply.text and "Emmy (2005)" not in reply.text


@pytest.mark.parametrize(
    ("question", "answers"),
    [("who directed oscar", ["John Landis"]), ("who starred in oscar", ["Sylvester Stallone"])],
)
async def test_the_film_oscar_is_still_asked_about_by_its_title(
    catalog_of, question, answers
) -> None:
    catalog = await catalog_of(AWARD_TITLES)
    assert (await ask(catalog, question)).answers == answers


async def test_where_a_film_was_made_is_still_its_country(catalog_of) -> None:
    catalog = await catalog_of(
        "films:\n  - {title: Cast Away, year: 2000, countries: [United States]}\n"
    )
    reply = await ask(catalog, "where was cast away made")
    assert reply.text == "Cast Away (2000): from United States."


@pytest.mark.parametrize(
    "question", ["who is keanu reeves married to", "is keanu reeves married", "who is keanu dating"]
)
async def test_a_private_life_asked_of_someone_is_said_not_kept(catalog_of, question) -> None:
    catalog = await catalog_of(
        "films:\n  - {title: Speed, year: 1994, cast: [Keanu Reeves]}\n"
        "  - {title: Married to It, year: 1991, directors: [Arthur Hiller]}\n"
    )
    reply = await ask(catalog, question)
    assert "The catalog has no word on the private life of Keanu Reeves" in reply.text
    assert reply.answers == []
    # a title with the word is still asked about
    assert (await ask(catalog, "who directed married to it")).answers == ["Arthur Hiller"]


@pytest.mark.parametrize(
    "question",
    ["is jaws based on a book", "is jaws a true story", "who wrote the book jaws is based on"],
)
async def test_what_a_film_is_based_on_is_said_not_kept(catalog_of, question) -> None:
    catalog = await catalog_of(
        "films:\n  - {title: Jaws, year: 1975, writers: [Peter Benchley, Carl Gottlieb]}\n"
    )
    reply = await ask(catalog, question)
    assert reply.text.startswith("The catalog has no word on what Jaws (1975) is based on")
    assert (await ask(catalog, "who wrote jaws")).answers == ["Peter Benchley", "Carl Gottlieb"]


TOLD_IN_TRIVIA = """\
films:
  - title: Titanic
    year: 1997
    trivia:
      - It won eleven Academy Awards, including Best Picture.
      - Its sets were built in Rosarito, Mexico.
    sources: [x]
  - title: El Mariachi
    year: 1992
    trivia:
      - Made for about $7,000, it was bought by Columbia Pictures.
    sources: [x]
  - title: Saga II
    status: rumored
    trivia: [Said to be based on a novel.]
    sources: [{text: A fan forum}]
"""


@pytest.mark.parametrize(
    ("question", "said"),
    [
        (
            "did titanic win any oscars",
            "From the catalog's trivia for Titanic (1997): It won eleven Academy Awards, "
            "including Best Picture.",
        ),
        (
            "budget of el mariachi",
            "From the catalog's trivia for El Mariachi (1992): Made for about $7,000, it was "
            "bought by Columbia Pictures.",
        ),
    ],
)
async def test_what_a_films_trivia_says_of_a_fact_never_kept_is_said(
    catalog_of, question, said
) -> None:
    reply = await ask(await catalog_of(TOLD_IN_TRIVIA), question)
    assert reply.text == said


async def test_trivia_that_says_nothing_of_what_is_asked_is_not_given(catalog_of) -> None:
    catalog = await catalog_of(TOLD_IN_TRIVIA)
    money = await ask(catalog, "how much did titanic make")
    assert money.text.startswith("The catalog has no box office or budget figures for Titanic")
    # an unreleased film's trivia is a claim
    claimed = await ask(catalog, "is saga ii based on a book")
    assert claimed.text.startswith("From the catalog's trivia for Saga II: Said to be based")
    assert "This is a claim, not a confirmed fact" in claimed.text
