"""A person named by their surname alone, as people say it in chat: beside a title ("did
spielberg direct jaws"), shared with others of that name, the same as a tag, or misspelt."""

from __future__ import annotations

import pytest

from tests.answering.conftest import ask

PEOPLE = """\
films:
  - title: Jaws
    year: 1975
    directors: [Steven Spielberg]
    cast: [Roy Scheider]
    tags: [shark, spielberg]
    sources: [https://example.org/jaws]
  - title: Big
    year: 1988
    directors: [Penny Marshall]
    writers: [Anne Spielberg, Gary Ross]
    cast: [Tom Hanks]
    sources: [https://example.org/big]
  - title: The Shining
    year: 1980
    directors: [Stanley Kubrick]
    cast: [Jack Nicholson]
    sources: [https://example.org/shining]
  - title: Barry Lyndon
    year: 1975
    directors: [Stanley Kubrick]
    sources: [https://example.org/barry]
  - title: The Fellowship of the Ring
    year: 2001
    directors: [Peter Jackson]
    composer: [Howard Shore]
    sources: [https://example.org/ring]
  - title: Alive
    year: 1993
    directors: [Frank Marshall]
    cast: [Ethan Hawke]
    sources: [https://example.org/alive]
  - {title: The Terminator, year: 1984, directors: [James Cameron], sources: [https://example.org/t]}
  - {title: Aliens, year: 1986, directors: [James Cameron], sources: [https://example.org/a]}
  - {title: Titanic, year: 1997, directors: [James Cameron], sources: [https://example.org/ti]}
  - {title: Open Season 2, year: 2008, directors: [Cody Cameron], sources: [https://example.org/o]}
  - {title: Big Mommas, year: 2011, cast: [Kirk Cameron], sources: [https://example.org/b]}
  - title: Inception
    year: 2010
    directors: [Christopher Nolan]
    composer: [Hans Zimmer]
    sources: [https://example.org/inception]
"""


@pytest.fixture
async def people(catalog_of):
    return await catalog_of(PEOPLE)


@pytest.mark.parametrize(
    ("question", "said"),
    [
        (
            "did spielberg direct the shining",
            "No: The Shining (1980) was directed by Stanley Kubrick.",
        ),
        ("did spielberg direct jaws?", "Yes: Steven Spielberg directed Jaws (1975)."),
        ("did spielberg write big", "Yes: Anne Spielberg wrote Big (1988)."),
    ],
)
async def test_a_surname_two_people_share_is_the_one_credited_in_the_role_asked(
    people, question, said
) -> None:
    # "spielberg" is also a tag of Jaws: asked of a credit, it is the person
    reply = await ask(people, question)
    assert reply.text.endswith(said), reply.text


async def test_a_shared_surname_is_the_one_with_far_more_films_in_the_role_asked(people) -> None:
    reply = await ask(people, "films directed by cameron")
    assert reply.text.startswith("(Reading “cameron” as “James Cameron”.)"), reply.text
    assert reply.answers == ["The Terminator", "Aliens", "Titanic"]


async def test_a_shared_surname_with_no_role_asked_is_not_guessed(people) -> None:
    reply = await ask(people, "was spielberg in jaws")
    assert "Yes" not in reply.text


async def test_a_tag_asked_for_is_still_the_tag(people) -> None:
    reply = await ask(people, "films tagged spielberg")
    assert reply.answers == ["Jaws"]


@pytest.mark.parametrize(
    ("question", "person"),
    [
        ("kubrik films", "Stanley Kubrick"),
        ("nolen movies", "Christopher Nolan"),
        ("zimer movies", "Hans Zimmer"),
    ],
)
async def test_a_short_misspelt_surname_alone_is_read(people, question, person) -> None:
    reply = await ask(people, question)
    assert reply.kind == "answer", reply.text
    assert reply.text.startswith(f"(Reading “{question.split()[0]}” as “{person}”.)")


@pytest.mark.parametrize("question", ["short films", "shire films", "hanx movies"])
async def test_an_english_word_or_a_very_short_word_is_not_read_as_a_misspelt_surname(
    people, question
) -> None:
    reply = await ask(people, question)
    assert "Reading" not in reply.text
    assert "Howard Shore" not in reply.answers


async def test_a_yes_or_no_about_a_person_is_not_read_as_a_credit_without_a_word_for_one(
    people,
) -> None:
    # "alive" names the film Alive: without "in", "star" or "direct" no credit is asked
    alive = await ask(people, "is jack nicholson alive")
    assert alive.answers != ["no"]
    assert "Alive (1993)" not in alive.text
    yes = await ask(people, "is jack nicholson in the movie the shining")
    assert yes.text == "Yes: Jack Nicholson is in The Shining (1980)."
