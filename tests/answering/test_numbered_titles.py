"""A number in a title typed another way than the catalog writes it: in figures, in words or
in roman numerals ("oceans 12" is Ocean's Twelve, "twelve angry men" 12 Angry Men)."""

from __future__ import annotations

import pytest

from tests.answering.conftest import ask

NUMBERED = """\
films:
  - {title: Ocean's Eleven, year: 2001, directors: [Steven Soderbergh], sources: [https://example.org/o1]}
  - {title: Ocean's 11, year: 1960, directors: [Lewis Milestone], sources: [https://example.org/o2]}
  - {title: Ocean's Twelve, year: 2004, directors: [Steven Soderbergh], sources: [https://example.org/o3]}
  - {title: Oceans, year: 2009, directors: [Jacques Perrin], sources: [https://example.org/o4]}
  - {title: 12 Angry Men, year: 1957, directors: [Sidney Lumet], sources: [https://example.org/a]}
  - {title: Twelve, year: 2010, directors: [Joel Schumacher], sources: [https://example.org/t]}
  - {title: The Men, year: 1950, directors: [Fred Zinnemann], sources: [https://example.org/m]}
  - {title: Seven Samurai, year: 1954, directors: [Akira Kurosawa], sources: [https://example.org/s]}
  - {title: 3 Godfathers, year: 1948, directors: [John Ford], sources: [https://example.org/g]}
  - {title: Henry V, year: 1989, directors: [Kenneth Branagh], sources: [https://example.org/h]}
  - {title: Malcolm X, year: 1992, directors: [Spike Lee], cast: [Denzel Washington], sources: [https://example.org/x]}
  - {title: 10, year: 1979, directors: [Blake Edwards], genres: [Comedy], sources: [https://example.org/10]}
  - {title: Airplane!, year: 1980, directors: [Jim Abrahams], genres: [Comedy], sources: [https://example.org/ap]}
  - {title: The 39 Steps, year: 1935, directors: [Alfred Hitchcock], sources: [https://example.org/39]}
  - {title: Nine, year: 2009, directors: [Rob Marshall], sources: [https://example.org/9]}
  - {title: 22 Jump Street, year: 2014, directors: [Phil Lord], sources: [https://example.org/22]}
"""


@pytest.fixture
async def numbered(catalog_of):
    return await catalog_of(NUMBERED)


@pytest.mark.parametrize(
    ("question", "answers"),
    [
        # the figure typed, the word in the title; not Oceans and 12 apart
        ("who directed oceans 12", ["Steven Soderbergh"]),
        # the word typed, the figure in the title; not Twelve and The Men apart
        ("who directed twelve angry men", ["Sidney Lumet"]),
        ("who directed 7 samurai", ["Akira Kurosawa"]),
        ("who directed the 7 samurai", ["Akira Kurosawa"]),
        ("who directed three godfathers", ["John Ford"]),
        # a figure for a roman numeral
        ("who directed henry 5", ["Kenneth Branagh"]),
        ("who directed henry five", ["Kenneth Branagh"]),
        # numbers past twenty, in two words
        ("who directed the thirty nine steps", ["Alfred Hitchcock"]),
        ("who directed twenty two jump street", ["Phil Lord"]),
        # a title typed as the catalog writes it is that film, not the other way of writing it
        ("who directed oceans 11", ["Lewis Milestone"]),
        ("who directed oceans eleven", ["Steven Soderbergh"]),
        ("who directed 12 angry men", ["Sidney Lumet"]),
        ("who directed malcolm x", ["Spike Lee"]),
    ],
)
async def test_a_number_in_a_title_is_found_in_figures_words_or_roman_numerals(
    numbered, question, answers
) -> None:
    reply = await ask(numbered, question)
    assert reply.answers == answers, reply.text


async def test_a_number_written_otherwise_names_no_film_the_question_does_not(numbered) -> None:
    # how many films a ranking asks for stays a count, in figures or in words
    for question in ("top 2 comedies", "top two comedies"):
        reply = await ask(numbered, question)
        assert "10 (1979)" in reply.text and "Airplane! (1980)" in reply.text, reply.text
    # a number typed beside words of no title is no film
    reply = await ask(numbered, "who directed oceans 14")
    assert "Steven Soderbergh" not in reply.answers, reply.text


RUN_ON = """\
films:
  - {title: The Matrix, year: 1999, directors: Lana Wachowski, cast: [Keanu Reeves]}
  - {title: Jaws, year: 1975, directors: Steven Spielberg, cast: [Roy Scheider]}
  - {title: Titanic, year: 1997, directors: James Cameron, cast: [Kate Winslet]}
"""


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("when did the matrix reloaded come out", "The Matrix Reloaded"),
        ("who starred in the matrix resurrections", "The Matrix Resurrections"),
        ("whos in jaws the revenge", "Jaws The Revenge"),
    ],
)
async def test_a_title_with_words_after_it_the_catalog_lacks_is_a_film_it_lacks(
    catalog_of, question: str, said: str
) -> None:
    catalog = await catalog_of(RUN_ON)
    reply = await ask(catalog, question)
    assert reply.kind == "not_found"
    assert reply.text.startswith(f"The catalog has no film called “{said}”; it has ")


@pytest.mark.parametrize(
    ("question", "answers"),
    [
        ("who starred in jaws originally", ["Roy Scheider"]),
        ("when did the matrix come out", ["1999"]),
        ("was titanic sad", ["Titanic (1997)"]),
    ],
)
async def test_words_after_a_title_that_are_not_more_of_a_title_still_ask_of_it(
    catalog_of, question: str, answers: list[str]
) -> None:
    reply = await ask((await catalog_of(RUN_ON)), question)
    assert reply.kind == "answer"
    assert reply.answers == answers
