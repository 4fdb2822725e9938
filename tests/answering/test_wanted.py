"""Reading what films a question asks for: years, decades and ranges, genre words, orders."""

from __future__ import annotations

import re

import pytest

from bot.answering.wanted import ORDERS, count_asked, genre_words, order_asked, year_span
from bot.text import norm


@pytest.mark.parametrize(
    ("question", "first", "last", "words"),
    [
        ("films from 1999", 1999, 1999, "from 1999"),
        ("80s horror", 1980, 1989, "from the 1980s"),
        ("cameron films from the 1990s", 1990, 1999, "from the 1990s"),
        ("movies from the nineties", 1990, 1999, "from the 1990s"),
        ("anything from the '90s", 1990, 1999, "from the 1990s"),
        ("films before 1970", None, 1969, "before 1970"),
        ("movies between 1990 and 2000", 1990, 2000, "from 1990 to 2000"),
        ("sci fi since 2010", 2010, None, "from 2010 on"),
        ("movies after 2000", 2001, None, "from 2001 on"),
        ("films before the 80s", None, 1979, "before 1980"),
        ("films 1990-1995", 1990, 1995, "from 1990 to 1995"),
        ("films from 2010 onwards", 2010, None, "from 2010 on"),
        ("noughties comedies", 2000, 2009, "from the 2000s"),
        ("movies from the early 90s", 1990, 1993, "from 1990 to 1993"),
        ("late eighties horror", 1986, 1989, "from 1986 to 1989"),
        ("what movies were out in 97", 1997, 1997, "from 1997"),
        ("films from 05", 2005, 2005, "from 2005"),
    ],
)
def test_years_are_read_as_people_write_them(
    question: str, first: int | None, last: int | None, words: str
) -> None:
    span = year_span(norm(question))
    assert span is not None
    assert (span.first, span.last, span.words) == (first, last, words)


@pytest.mark.parametrize(
    ("decade", "first"),
    [
        ("twenties", 1920),
        ("thirties", 1930),
        ("forties", 1940),
        ("fifties", 1950),
        ("sixties", 1960),
        ("seventies", 1970),
        ("eighties", 1980),
        ("nineties", 1990),
        ("noughties", 2000),
        ("aughts", 2000),
    ],
)
def test_a_decade_said_in_words_alone_is_read(decade: str, first: int) -> None:
    span = year_span(norm(f"what movies came out in the {decade}?"))
    assert span is not None
    assert (span.first, span.last) == (first, first + 9)


def test_a_question_without_years_has_no_span() -> None:
    assert year_span(norm("who directed heat")) is None
    assert year_span(norm("top 3 sci fi movies")) is None
    assert year_span(norm("a film in 90 minutes")) is None


def test_the_span_knows_which_words_it_took() -> None:
    key = norm("horror movies from the 1960s please")
    span = year_span(key)
    assert span is not None
    assert [key.split()[i] for i in sorted(span.positions(key))] == ["from", "the", "1960s"]


@pytest.mark.parametrize(
    ("question", "genre"),
    [
        ("recommend me a sci-fi movie", "science fiction"),
        ("i wanna watch something scary", "horror"),
        ("latest romcom", "romantic comedy"),
        ("give me a random animated film", "animation"),
    ],
)
def test_genre_words_mean_the_genre(question: str, genre: str) -> None:
    assert [g for g, *_ in genre_words(norm(question))] == [genre]


@pytest.mark.parametrize(
    ("question", "order", "count"),
    [
        ("what are the best kubrick films?", "rating", None),
        ("kubrick's first film", "oldest", None),
        ("most recent sci-fi movie", "newest", None),
        ("top 3 sci fi movies", "rating", 3),
        ("five best horror films", "rating", 5),
        ("whats the longest movie", "longest", None),
        ("shortest film?", "shortest", None),
        ("the best known films", "votes", None),
        ("when does alita 2 come out", None, None),
    ],
)
def test_orders_and_counts(question: str, order: str | None, count: int | None) -> None:
    key = norm(question)
    assert (order_asked(key), count_asked(key)) == (order, count)


@pytest.mark.parametrize(
    ("phrase", "order"),
    [
        (phrase, order)
        for pattern, order in ORDERS
        for phrase in re.sub(r"\\b|\(\?:|\)", "", pattern.pattern).split("|")
    ],
)
def test_every_phrase_of_an_order_asks_it(phrase: str, order: str) -> None:
    assert order_asked(norm(f"which are the {phrase} comedies?")) == order
