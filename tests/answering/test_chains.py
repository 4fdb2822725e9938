"""Questions that go through films: a person's films and what is true of them."""

from __future__ import annotations

import pytest

from tests.answering.conftest import ask


async def test_two_hop_chains(catalog) -> None:
    directors = await ask(catalog, "who directed the films starring Tom Hanks")
    assert directors.answers == ["Nora Ephron", "Robert Zemeckis"]
    assert directors.text.startswith(
        "Films Tom Hanks appears in: Sleepless in Seattle (1993), You've Got Mail (1998) and "
        "Cast Away (2000). Directed by Nora Ephron and Robert Zemeckis."
    )
    years = await ask(catalog, "the films acted by Meg Ryan were released in which years")
    assert years.answers == ["1993", "1998"]
    assert years.text.endswith("Years: 1993 and 1998.")
    genres = await ask(catalog, "what genres are the films directed by nora ephron")
    assert genres.answers == ["Romantic comedy"]
    same = await ask(catalog, "which movies share the same director of Sleepless in Seattle")
    assert same.answers == ["You've Got Mail"]
    costars = await ask(catalog, "who co-starred with Meg Ryan")
    assert costars.answers == ["Tom Hanks"]


async def test_films_with_two_people_are_the_films_they_share(catalog) -> None:
    reply = await ask(catalog, "films with tom hanks and meg ryan")
    assert reply.answers == ["Sleepless in Seattle", "You've Got Mail"]
    assert "credited together" in reply.text


@pytest.mark.parametrize(
    ("question", "answers"),
    [
        ("Meg Ryan's co-stars", ["Tom Hanks"]),
        ("which actors appeared with meg ryan", ["Tom Hanks"]),
        ("directors of Tom Hanks's films", ["Nora Ephron", "Robert Zemeckis"]),
        ("actors in Nora Ephron's films", ["Tom Hanks", "Meg Ryan"]),
        ("which directors has tom hanks worked with", ["Nora Ephron", "Robert Zemeckis"]),
        ("in which years did meg ryan have films", ["1993", "1998"]),
        ("what else did the director of sleepless in seattle make", ["You've Got Mail"]),
        ("films sharing actors with cast away", ["Sleepless in Seattle", "You've Got Mail"]),
    ],
)
async def test_two_hop_questions_asked_other_ways(catalog, question, answers) -> None:
    assert (await ask(catalog, question)).answers == answers


@pytest.mark.parametrize(
    ("question", "answers"),
    [
        ("which persons wrote the films with Meg Ryan", ["Nora Ephron", "Jeff Arch"]),
        ("which people directed films that tom hanks was in", ["Nora Ephron", "Robert Zemeckis"]),
        ("which movies were directed by the director of you've got mail", ["Sleepless in Seattle"]),
        ("who co-wrote films with jeff arch", ["Nora Ephron"]),
    ],
)
async def test_the_cast_and_a_films_credit_said_in_other_words(catalog, question, answers) -> None:
    assert (await ask(catalog, question)).answers == answers
