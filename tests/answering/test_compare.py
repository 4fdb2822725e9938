"""Two films or two people compared: "which is older, jaws or alien", "is the godfather
longer than casablanca", "who directed more films, kubrick or hitchcock"."""

from __future__ import annotations

import pytest

from tests.answering.conftest import ask

PAIRS = """\
people:
  - {name: Alfred Hitchcock, born: 1899-08-13}
  - {name: Stanley Kubrick, born: 1928-07-26}
films:
  - {title: Jaws, year: 1975, runtime_minutes: 124, directors: [Steven Spielberg], sources: [https://example.org/j]}
  - {title: Alien, year: 1979, runtime_minutes: 117, directors: [Ridley Scott], sources: [https://example.org/a]}
  - {title: The Godfather, year: 1972, runtime_minutes: 175, sources: [https://example.org/g]}
  - {title: Casablanca, year: 1942, directors: [Michael Curtiz], sources: [https://example.org/c]}
  - {title: The Shining, year: 1980, directors: [Stanley Kubrick], sources: [https://example.org/s]}
  - {title: Barry Lyndon, year: 1975, directors: [Stanley Kubrick], sources: [https://example.org/b]}
  - {title: Psycho, year: 1960, directors: [Alfred Hitchcock], sources: [https://example.org/p]}
  - {title: Vertigo, year: 1958, directors: [Alfred Hitchcock], sources: [https://example.org/v]}
  - {title: The Birds, year: 1963, directors: [Alfred Hitchcock], sources: [https://example.org/bi]}
  - title: Jaws 19
    year: 2031
    status: rumored
    directors: [Stanley Kubrick]
    sources: [{text: A fan forum}]
"""


@pytest.fixture
async def pairs(catalog_of):
    return await catalog_of(PAIRS)


@pytest.mark.parametrize(
    "question",
    [
        "which is older, jaws or alien",
        "which came out first jaws or alien?",
        "jaws or alien, which is older",
        "which one is newer: alien or jaws",
        "is jaws or alien older",
        "was alien or jaws newer?",
    ],
)
async def test_which_of_two_films_is_older_or_newer(pairs, question) -> None:
    reply = await ask(pairs, question)
    assert reply.kind == "answer"
    assert reply.answers == (["Alien"] if "newer" in question else ["Jaws"])
    assert "1975" in reply.text and "1979" in reply.text


async def test_a_yes_or_no_comparison_says_both_facts(pairs) -> None:
    reply = await ask(pairs, "is the godfather longer than jaws")
    assert reply.text.startswith("Yes")
    assert "175 minutes" in reply.text and "124 minutes" in reply.text
    reply = await ask(pairs, "is alien longer than jaws?")
    assert reply.text.startswith("No")


async def test_a_fact_the_catalog_lacks_is_said_rather_than_guessed(pairs) -> None:
    reply = await ask(pairs, "is the godfather longer than casablanca")
    assert "no running time for Casablanca (1942)" in reply.text
    assert not reply.text.startswith(("Yes", "No"))


async def test_who_made_more_films_counts_released_films_in_the_role(pairs) -> None:
    reply = await ask(pairs, "who directed more films, kubrick or hitchcock")
    assert reply.answers == ["Alfred Hitchcock"]
    # the rumored film is not counted
    assert reply.text.endswith("released films: 3, to 2 for Stanley Kubrick.")


async def test_which_of_two_people_is_older(pairs) -> None:
    reply = await ask(pairs, "who is older hitchcock or kubrick")
    assert reply.answers == ["Alfred Hitchcock"]
    assert "1899" in reply.text and "1928" in reply.text
    reply = await ask(pairs, "is kubrick older than hitchcock")
    assert reply.text.startswith("No")


async def test_an_unreleased_films_year_is_said_to_be_a_claim(pairs) -> None:
    reply = await ask(pairs, "which is newer, jaws or jaws 19")
    assert reply.answers == ["Jaws 19"]
    assert "[rumored]" in reply.text and "claim" in reply.text


async def test_a_side_the_catalog_lacks_is_said_back(pairs) -> None:
    reply = await ask(pairs, "which is older, jaws or blade runner")
    assert reply.kind == "not_found"
    assert "“blade runner”" in reply.text
    assert "Jaws (1975)" in reply.text


async def test_a_year_is_not_taken_for_a_film_to_compare(pairs) -> None:
    reply = await ask(pairs, "is jaws older than 1980")
    assert "1980" not in reply.answers


@pytest.mark.parametrize(
    "question",
    ["wich is older jaws or alien", "whats older, jaws or alien", "jaws vs alien which is older"],
)
async def test_a_comparison_typed_loosely(pairs, question) -> None:
    reply = await ask(pairs, question)
    assert reply.answers == ["Jaws"]


async def test_whether_one_of_two_people_made_more_films(pairs) -> None:
    reply = await ask(pairs, "did kubrick or hitchcock direct more films")
    assert reply.answers == ["Alfred Hitchcock"]
    assert "3" in reply.text and "2" in reply.text


@pytest.mark.parametrize(
    "question", ["which is older, jaws or gladiator", "is jaws or gladiator older"]
)
async def test_a_side_the_catalog_lacks_is_said_not_compared(pairs, question) -> None:
    reply = await ask(pairs, question)
    assert reply.kind == "not_found"
    assert reply.text == (
        "I couldn't find a film or person I know called “gladiator”, so I can't compare it "
        "with Jaws (1975)."
    )


async def test_two_people_with_as_many_films_are_said_to_have_as_many(catalog_of, pairs) -> None:
    catalog = await catalog_of(
        PAIRS.replace("directors: [Alfred Hitchcock], sources: [https://example.org/bi]", "")
    )
    reply = await ask(catalog, "who directed more movies kubrick or hitchcock")
    assert reply.answers == []
    assert reply.text == (
        "Neither: in the catalog's released films, Stanley Kubrick and Alfred Hitchcock "
        "directed 2 each."
    )
    asked = await ask(catalog, "did kubrick direct more films than hitchcock")
    assert asked.text.startswith("No: in the catalog's released films, "), asked.text
    # credits in any role: one person's said with a verb for one
    credited = await ask(pairs, "who has more films kubrick or hitchcock")
    assert credited.text.startswith("Alfred Hitchcock is credited on more"), credited.text


@pytest.mark.parametrize(
    ("question", "said"),
    [
        (
            "age gap between hitchcock and kubrick",
            "Alfred Hitchcock is 28 years older than Stanley Kubrick: Alfred Hitchcock was born "
            "13 August 1899, Stanley Kubrick 26 July 1928.",
        ),
        ("whats the age difference between kubrick and hitchcock", "Alfred Hitchcock is 28 years"),
        ("how much older is hitchcock than kubrick?", "Alfred Hitchcock is 28 years older"),
        (  # the births in the order the sentence names the two
            "how much younger is kubrick than hitchcock",
            "Stanley Kubrick is 28 years younger than Alfred Hitchcock: Stanley Kubrick was born "
            "26 July 1928, Alfred Hitchcock 13 August 1899.",
        ),
        ("kubrick and hitchcock age gap", "Alfred Hitchcock is 28 years older"),
    ],
)
async def test_an_age_gap_is_the_years_between_two_births(pairs, question, said) -> None:
    reply = await ask(pairs, question)
    assert reply.text.startswith(said), reply.text
    assert reply.answers == ["28"]


async def test_an_age_gap_from_a_year_of_birth_is_about_so_many_years(catalog_of) -> None:
    catalog = await catalog_of(
        PAIRS.replace("people:\n", "people:\n  - {name: Ridley Scott, born: 1937}\n")
    )
    reply = await ask(catalog, "age gap between ridley scott and kubrick")
    assert reply.text == (
        "Stanley Kubrick is about 9 years older than Ridley Scott (the catalog has the year of "
        "birth only): Stanley Kubrick was born 26 July 1928, Ridley Scott 1937."
    )


async def test_an_age_gap_with_someone_born_on_no_known_date_says_so(pairs) -> None:
    reply = await ask(pairs, "how much older is hitchcock than michael curtiz")
    assert reply.text == "The catalog has no birth date for Michael Curtiz, so I can't say."
    assert reply.answers == []
