"""People: born, age on a given day, who someone is, their first and latest film."""

from __future__ import annotations

from datetime import date

import pytest

from bot.answering.engine import answer
from tests.answering.conftest import (
    HEAT_KB,
    MERGED_HEAT_MANNS,
    assert_no_note,
    assert_noted,
)

PEOPLE = """\
films:
  - title: Speed
    year: 1994
    cast: [{person: Keanu Reeves, role: Jack Traven}]
    directors: Jan de Bont
  - title: Point Break
    year: 1991
    cast: [{person: Keanu Reeves, role: Johnny Utah}]
    directors: Kathryn Bigelow
  - title: John Wick
    year: 2014
    cast: [{person: Keanu Reeves, role: John Wick}]
    imdb_rating: 7.4
    imdb_votes: 700000
  - title: The Long Goodbye Again
    year: 2031
    status: announced
    cast: [Keanu Reeves]
    directors: Keanu Reeves
    sources: [{text: A trade-press announcement}]
  - title: Fury Road
    year: 2015
    composer: Tom Holkenborg
  - title: Dr. Strangelove
    year: 1964
    directors: Stanley Kubrick
  - title: Eyes Wide Shut
    year: 1999
    directors: Stanley Kubrick
    writers: [Stanley Kubrick]
  - title: Psycho
    year: 1960
    composer: Bernard Herrmann
people:
  - {name: Keanu Reeves, born: 1964-09-02}
  - {name: Tom Holkenborg, aliases: [Junkie XL], born: 1967}
  - {name: Stanley Kubrick, born: 1928-07-26}
  - {name: Bernard Herrmann, born: 1911-06-29, died: 1975-12-24}
"""
TODAY = date(2026, 6, 15)


@pytest.fixture
async def people(catalog_of):
    return await catalog_of(PEOPLE)


async def ask(catalog, question: str, today: date = TODAY):
    return await answer(question, catalog, today=today)


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("when was keanu reeves born", "Keanu Reeves was born on 2 September 1964."),
        ("keanu reeves birthday?", "Keanu Reeves was born on 2 September 1964."),
        ("whens junkie xl's date of birth", "Tom Holkenborg was born in 1967."),
        ("kubrick birthday", "Stanley Kubrick was born on 26 July 1928."),
    ],
)
async def test_when_someone_was_born(people, question: str, said: str) -> None:
    assert said in (await ask(people, question)).text


async def test_age_is_counted_to_the_given_day(people) -> None:
    before = await ask(people, "how old is keanu reeves", today=date(2026, 9, 1))
    assert before.answers == ["61"] and before.text.startswith("Keanu Reeves is 61")
    on = await ask(people, "keanu reeves age", today=date(2026, 9, 2))
    assert on.answers == ["62"]


async def test_an_age_from_a_birth_year_alone_gives_both_possibilities(people) -> None:
    reply = await ask(people, "how old is junkie xl")
    assert reply.answers == ["58", "59"]
    assert "the catalog has the year only" in reply.text


async def test_an_unknown_birth_date_is_said_not_guessed(people) -> None:
    reply = await ask(people, "when was jan de bont born")
    assert reply.answers == []
    assert reply.text.startswith("The catalog has no birth date for Jan de Bont.")
    assert "Speed (1994)" in reply.text


async def test_who_is_someone_names_other_names_birth_roles_and_films(people) -> None:
    reply = await ask(people, "who is junkie xl")
    assert reply.text.startswith("Tom Holkenborg (also known as Junkie XL), born in 1967.")
    assert "scored 1 film" in reply.text and "Fury Road (2015)" in reply.text
    kubrick = await ask(people, "tell me about stanley kubrick")
    assert "directed 2 films and wrote 1" in kubrick.text


async def test_who_is_lists_the_best_known_films_first(people) -> None:
    reply = await ask(people, "who is keanu reeves")
    assert "Best known here for John Wick (2014), Speed (1994), Point Break (1991)" in reply.text
    unranked = await ask(people, "who is stanley kubrick")
    assert "Films here include Eyes Wide Shut (1999) and Dr. Strangelove (1964)." in unranked.text


async def test_first_and_latest_film_any_role_or_the_role_asked(people) -> None:
    first = await ask(people, "what was keanu reeves first movie")
    assert first.answers == ["Point Break"]
    assert "is Point Break (1991), of 4 from 1991 to 2031" in first.text
    latest = await ask(people, "keanu reeves latest film")
    assert latest.answers == ["John Wick"]
    assert "Not released yet: The Long Goodbye Again (2031) [announced]" in latest.text
    directed = await ask(people, "the first film keanu reeves directed")
    assert directed.answers == ["The Long Goodbye Again"]
    assert "It is announced, not a released film" in directed.text
    assert (await ask(people, "kubrick's first film")).answers == ["Dr. Strangelove"]
    assert (await ask(people, "most recent kubrick movie")).answers == ["Eyes Wide Shut"]


async def test_a_persons_films_are_still_listed_when_no_person_fact_is_asked(people) -> None:
    reply = await ask(people, "what films did keanu reeves star in")
    assert reply.answers == ["Point Break", "Speed", "John Wick", "The Long Goodbye Again"]


async def test_an_age_past_a_hundred_is_what_they_would_be_not_what_they_are(people) -> None:
    reply = await ask(people, "how old is kubrick", today=date(2030, 1, 1))
    assert reply.text.endswith("so would be 101 today; the catalog has no date of death.")


@pytest.mark.parametrize(
    "question",
    ["how old is bernard herrmann", "when did herrmann die", "is bernard herrmann alive"],
)
async def test_someone_who_died_is_given_their_death_and_age_at_death(people, question) -> None:
    reply = await ask(people, question)
    assert reply.answers == ["24 December 1975"]
    assert reply.text.endswith(
        "Bernard Herrmann died on 24 December 1975, aged 64 (born on 29 June 1911)."
    )


async def test_a_death_the_catalog_does_not_record_is_not_guessed(people) -> None:
    reply = await ask(people, "is keanu reeves still alive")
    assert reply.answers == []
    assert reply.text == (
        "The catalog has no date of death for Keanu Reeves (born on 2 September 1964)."
    )


async def test_a_death_asked_in_words_that_are_titles_too_is_still_the_death(catalog_of) -> None:
    titled = PEOPLE.replace(
        "films:\n",
        "films:\n  - {title: Alive, year: 1993, directors: [Frank Marshall]}\n"
        "  - {title: Still Alice, year: 2014, directors: [Richard Glatzer]}\n",
        1,
    )
    catalog = await catalog_of(titled)
    reply = await ask(catalog, "is keanu reeves still alive")
    assert reply.text == (
        "The catalog has no date of death for Keanu Reeves (born on 2 September 1964)."
    )


async def test_birth_and_who_is_name_the_date_of_death(people) -> None:
    born = await ask(people, "when was bernard herrmann born")
    assert born.text == "Bernard Herrmann was born on 29 June 1911 and died on 24 December 1975."
    who = await ask(people, "who is bernard herrmann")
    assert who.text.startswith("Bernard Herrmann, born 29 June 1911, died 24 December 1975.")


@pytest.mark.parametrize(
    ("question", "answers", "said"),
    [
        (
            "how old was keanu reeves in speed",
            ["29", "30"],
            "Keanu Reeves was 29 or 30 when Speed (1994) came out (born on 2 September 1964).",
        ),
        (
            "how old is keanu reeves in the long goodbye again",
            ["66", "67"],
            "Keanu Reeves would be 66 or 67 in 2031, the year the catalog gives for The Long "
            "Goodbye Again (2031) (born on 2 September 1964). The Long Goodbye Again (2031) is "
            "announced",
        ),
    ],
)
async def test_an_age_in_a_film_is_counted_to_when_it_came_out(
    people, question, answers, said
) -> None:
    reply = await ask(people, question)
    assert reply.answers == answers
    assert reply.text.startswith(said), reply.text


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("bernard herrmann still with us?", "Bernard Herrmann died on 24 December 1975"),
        ("did bernard herrmann pass away", "Bernard Herrmann died on 24 December 1975"),
        ("keanu reeves dob", "Keanu Reeves was born on 2 September 1964."),
        ("keanu reeves b day", "Keanu Reeves was born on 2 September 1964."),
        ("keanu reeves birthdate", "Keanu Reeves was born on 2 September 1964."),
        ("keanu reeves years old", "Keanu Reeves is 61"),
        ("kubrick's debut movie", "Dr. Strangelove (1964)"),
        ("keanu reeves starting roles", "Point Break (1991)"),
        ("keanu reeves current projects", "The Long Goodbye Again (2031)"),
        ("tell me about junkie xl", "Tom Holkenborg (also known as Junkie XL), born in 1967."),
    ],
)
async def test_each_way_of_asking_of_a_person_is_read(people, question: str, said: str) -> None:
    # the words asking of a person are found by one search before each kind of fact is
    # looked for: a word of each kind, in its rarer forms, still reaches its fact
    assert said in (await ask(people, question)).text


async def test_who_someone_is_and_their_first_or_latest_film_say_which_facts_were_merged(
    metaqa_catalog,
) -> None:
    catalog = await metaqa_catalog(
        HEAT_KB + "Thief|directed_by|Michael Mann\nThief|release_year|1981\n"
        "Thief|starred_actors|James Caan\n"
    )
    asked = [
        ("who is michael mann", "Michael Mann. In the catalog, Michael Mann directed 4 films."),
        ("what was michael mann's first film", "Michael Mann's first film in the catalog is"),
        ("latest michael mann movie", "Michael Mann's latest film in the catalog is Collateral"),
    ]
    await assert_noted(catalog, asked, MERGED_HEAT_MANNS)
    # someone none of whose films a source merged has no note
    await assert_no_note(catalog, ["who is james caan", "james caan's first film"])


async def test_an_age_in_a_title_two_films_share_is_in_the_one_they_are_in(catalog_of) -> None:
    catalog = await catalog_of(
        """\
films:
  - {title: Heat, year: 1986, cast: [Burt Reynolds], sources: [x]}
  - {title: Heat, year: 1995, release_date: 1995-12-15, cast: [Robert De Niro], sources: [x]}
people:
  - {name: Robert De Niro, born: 1943-08-17}
"""
    )
    reply = await ask(catalog, "how old was de niro in heat")
    assert reply.answers == ["52"], reply.text
    assert "Heat (1995)" in reply.text and "1986" not in reply.text


async def test_an_age_in_a_film_the_catalog_lacks_says_so_before_the_age(people) -> None:
    reply = await ask(people, "how old was keanu reeves in the matrix")
    assert reply.text == (
        "The catalog has no film called “the matrix”, so I can't say how old Keanu Reeves "
        "was in it. Keanu Reeves is 61: born on 2 September 1964."
    )
    # a time after "in" is no film
    for question in ("how old was keanu reeves in 1990", "how old is keanu reeves now"):
        assert (await ask(people, question)).text.startswith("Keanu Reeves is 61")
