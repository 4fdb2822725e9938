"""Titles typed without their article in chat ("cast of matrix", "who directed dark
knight"): the film, not a keyword inside or equal to the words, unless films with that
keyword are asked for."""

from __future__ import annotations

import pytest

from tests.answering.conftest import ask

FILMS = """\
films:
  - title: The Matrix
    year: 1999
    directors: [Lana Wachowski]
    cast: [Keanu Reeves]
    genres: [Action]
    tags: [matrix, cyberpunk]
    sources: [https://example.org/matrix]
  - title: The Dark Knight
    year: 2008
    directors: [Christopher Nolan]
    cast: [Christian Bale]
    genres: [Crime]
    tags: [dark, batman]
    sources: [https://example.org/knight]
  - title: Near Dark
    year: 1987
    directors: [Kathryn Bigelow]
    genres: [Horror]
    tags: [dark, vampire]
    sources: [https://example.org/near]
  - title: The Godfather
    year: 1972
    directors: [Francis Ford Coppola]
    cast: [Al Pacino]
    tags: [mafia]
    sources: [https://example.org/godfather]
  - title: The Godfather Part II
    year: 1974
    directors: [Francis Ford Coppola]
    cast: [Robert De Niro]
    sources: [https://example.org/godfather2]
  - title: 3 Godfathers
    year: 1948
    directors: [John Ford]
    sources: [https://example.org/3godfathers]
  - title: The Shining
    year: 1980
    directors: [Stanley Kubrick]
    sources: [https://example.org/shining]
  - title: Everyone Says I Love You
    year: 1996
    directors: [Woody Allen]
    tags: [singing]
    sources: [https://example.org/everyone]
  - title: The Swan
    year: 1956
    directors: [Charles Vidor]
    writers: [John Dighton]
    sources: [https://example.org/swan]
  - title: The Mark
    year: 1961
    directors: [Guy Green]
    cast: [Mark Hamill]
    writers: [Sidney Buchman]
    sources: [https://example.org/mark]
  - title: The Sun
    year: 2005
    directors: [Aleksandr Sokurov]
    sources: [https://example.org/sun]
  - title: The Words
    year: 2012
    directors: [Brian Klugman]
    sources: [https://example.org/words]
  - title: War
    year: 2007
    directors: [Philip G. Atwell]
    sources: [https://example.org/war]
  - title: The War
    year: 1994
    directors: [Jon Avnet]
    sources: [https://example.org/the-war]
"""


@pytest.fixture
async def films(catalog_of):
    return await catalog_of(FILMS)


@pytest.mark.parametrize(
    ("question", "answers"),
    [
        ("cast of matrix", ["Keanu Reeves"]),
        ("who starred in matrix?", ["Keanu Reeves"]),
        ("who directed dark knight", ["Christopher Nolan"]),
        ("what genre is dark knight", ["Crime"]),
        ("dark knight director", ["Christopher Nolan"]),
        ("who was in godfather", ["Al Pacino"]),
        ("godfather's director", ["Francis Ford Coppola"]),
    ],
)
async def test_a_title_typed_without_its_article_is_the_film(films, question, answers) -> None:
    reply = await ask(films, question)
    assert reply.answers == answers


async def test_a_release_asked_of_a_title_without_its_article(films) -> None:
    reply = await ask(films, "when was matrix released")
    assert "1999" in reply.text
    assert not reply.text.startswith("Films for")


async def test_films_like_a_title_without_its_article_are_not_films_of_a_word_in_it(
    films,
) -> None:
    reply = await ask(films, "movies like dark knight")
    assert reply.kind == "answer"
    assert "The Dark Knight" in reply.text
    assert not reply.text.startswith("Films for")


@pytest.mark.parametrize(
    ("question", "films_listed"),
    [
        ("films about matrix", {"The Matrix"}),
        ("movies tagged dark", {"The Dark Knight", "Near Dark"}),
        ("films about dark", {"The Dark Knight", "Near Dark"}),
    ],
)
async def test_a_keyword_asked_for_still_lists_its_films(films, question, films_listed) -> None:
    reply = await ask(films, question)
    assert set(reply.answers) == films_listed


async def test_a_title_as_it_is_comes_before_one_without_its_article(films) -> None:
    assert (await ask(films, "who directed war")).answers == ["Philip G. Atwell"]
    assert (await ask(films, "who directed the war")).answers == ["Jon Avnet"]


@pytest.mark.parametrize(
    ("question", "answers", "read_as"),
    [
        ("fodfather cast", ["Al Pacino"], "The Godfather"),  # even the first letter
        ("who directed godfahter", ["Francis Ford Coppola"], "The Godfather"),
        ("who directed dark knigth", ["Christopher Nolan"], "The Dark Knight"),
        ("dakr knight cast", ["Christian Bale"], None),
        # a title a slip away comes before a keyword two slips away ("singing")
        ("shinning director", ["Stanley Kubrick"], "The Shining"),
    ],
)
async def test_a_slip_in_a_title_typed_without_its_article_is_read(
    films, question, answers, read_as
) -> None:
    await films.warm()
    reply = await ask(films, question)
    assert reply.answers == answers
    if read_as is not None:
        assert f"as “{read_as}”" in reply.text


@pytest.mark.parametrize(
    "question",
    [
        "what films did Susan Swan write",  # a name with capitals: not The Swan
        "who directed the films written by mark mcmanus",  # not The Mark, then a stray word
        "when were the movies of Sunu Gonera released",  # "sunu" is no slip in The Sun
        "what films did woody swan write",  # after a given name: a surname, not The Swan
    ],
)
async def test_a_name_the_catalog_lacks_is_not_a_title_without_its_article(films, question) -> None:
    await films.warm()
    reply = await ask(films, question)
    assert reply.kind == "not_found"
    assert reply.answers == []


async def test_a_title_without_its_article_typed_with_capitals_is_the_film(films) -> None:
    assert (await ask(films, "Who directed Dark Knight?")).answers == ["Christopher Nolan"]
    assert (await ask(films, "Who wrote Swan")).answers == ["John Dighton"]


@pytest.mark.parametrize(
    ("question", "answers"),
    [
        ("godfather part 2 cast", ["Robert De Niro"]),
        ("who starred in godfather part ii", ["Robert De Niro"]),
        ("who starred in godfather", ["Al Pacino"]),
    ],
)
async def test_words_after_a_title_without_its_article_make_a_longer_title(
    films, question, answers
) -> None:
    assert (await ask(films, question)).answers == answers


@pytest.mark.parametrize(
    "typed",
    [
        "godfather 2",
        "godfather pt 2",
        "godfather pt. ii",
        "godfather part two",
        "the godfather 2",
        "The Godfather II",
        "the godfather chapter 2",
        "the godfather prt ii",  # a slip in "part", the article typed
        "the godfather part ll",  # the numeral typed with two l's
    ],
)
async def test_a_sequel_number_typed_any_way_is_the_sequel(films, typed) -> None:
    reply = await ask(films, f"who starred in {typed}?")
    assert reply.answers == ["Robert De Niro"], reply.text
    as_read = " ".join(typed.lower().replace(".", "").split())
    assert reply.text.startswith(f"(Reading “{as_read}” as “The Godfather Part II”.)")


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("the godfather 3", "The Godfather 3"),
        ("godfather part iii", "The Godfather Part III"),
        ("godfather pt. three", "The Godfather Part Three"),
    ],
)
async def test_a_sequel_the_catalog_lacks_is_said_missing_with_the_films_of_its_title(
    films, typed, said
) -> None:
    reply = await ask(films, f"who starred in {typed}")
    assert reply.kind == "not_found"
    assert reply.answers == []
    assert reply.text == (
        f"The catalog has no film called “{said}”; it has The Godfather (1972) and "
        "The Godfather Part II (1974)."
    )
    assert "Al Pacino" not in reply.text


@pytest.mark.parametrize(
    ("typed", "as_read"),
    [
        ("godfahter 2", "godfahter 2"),
        ("the godfahter part 2", "the godfahter part 2"),
        ("godfahter pt ii", "godfahter pt ii"),
    ],
)
async def test_a_misspelt_title_with_a_sequel_number_is_the_sequel(films, typed, as_read) -> None:
    reply = await ask(films, f"who starred in {typed}")
    assert reply.answers == ["Robert De Niro"], reply.text
    assert reply.text.startswith(f"(Reading “{as_read}” as “The Godfather Part II”.)")


async def test_a_misspelt_title_with_a_number_the_catalog_lacks_is_said_missing(films) -> None:
    reply = await ask(films, "who starred in the godfahter 3")
    assert reply.kind == "not_found", reply.text
    assert reply.text == (
        "The catalog has no film called “The Godfather 3”; it has The Godfather (1972) and "
        "The Godfather Part II (1974)."
    )


async def test_a_misspelt_title_read_into_a_longer_one_says_the_longer(catalog_of) -> None:
    catalog = await catalog_of(
        """\
films:
  - {title: The Terminator, year: 1984, directors: [James Cameron], sources: [x]}
  - title: "Terminator 2: Judgment Day"
    year: 1991
    aliases: [Terminator 2]
    directors: [James Cameron]
    cast: [Edward Furlong]
    sources: [x]
"""
    )
    reply = await ask(catalog, "who starred in the terminater 2")
    assert reply.answers == ["Edward Furlong"], reply.text
    assert reply.text.startswith("(Reading “the terminater 2” as “Terminator 2: Judgment Day”.)")


async def test_words_of_a_relation_are_not_a_title_without_its_article(films) -> None:
    reply = await ask(films, "which words describe matrix")
    assert "cyberpunk" in reply.answers
    assert "The Words" not in reply.text


async def test_a_title_without_its_article_before_a_word_the_catalog_lacks(films) -> None:
    reply = await ask(films, "godfather imdb director")
    assert reply.answers == ["Francis Ford Coppola"]


GENRE_TITLES = """\
films:
  - {title: The Comedy, year: 2012, directors: [Rick Alverson], genres: [Drama], sources: [https://example.org/c]}
  - {title: War, year: 2007, directors: [Philip G. Atwell], genres: [Action], sources: [https://example.org/w]}
  - {title: Airplane!, year: 1980, directors: [Jim Abrahams], genres: [Comedy], sources: [https://example.org/a]}
  - {title: Paths of Glory, year: 1957, directors: [Stanley Kubrick], genres: [War], sources: [https://example.org/p]}
"""


async def test_a_genre_is_the_genre_not_a_title_it_may_be_part_of(catalog_of) -> None:
    catalog = await catalog_of(GENRE_TITLES)
    # "comedy" is The Comedy without its article, and a genre: the genre is asked for
    assert (await ask(catalog, "random comedy")).answers == ["Airplane!"]
    assert (await ask(catalog, "recommend a comedy")).answers == ["Airplane!"]
    # a genre before "films" is the genre, though a film has it as its whole title
    assert (await ask(catalog, "war films")).answers == ["Paths of Glory"]
    # asked about as a film, the title is still the film
    assert (await ask(catalog, "who directed war")).answers == ["Philip G. Atwell"]
    assert (await ask(catalog, "who directed the comedy")).answers == ["Rick Alverson"]


SUBTITLED = """\
films:
  - {title: "Avatar: The Way of Water", year: 2022, directors: [James Cameron], sources: [x]}
  - {title: "Alita: Battle Angel", year: 2019, directors: [Robert Rodriguez], sources: [x]}
  - {title: "Alien: Resurrection", year: 1997, directors: [Jean-Pierre Jeunet], sources: [x]}
  - {title: "Sea Stories: Battle Angel", year: 2001, directors: [Ann Other], sources: [x]}
"""


@pytest.mark.parametrize(
    ("question", "said", "answers"),
    [
        ("who directed the way of water", "the way of water", ["James Cameron"]),
        ("the way of water", "the way of water", ["Avatar: The Way of Water (2022)"]),
        ("when did the way of water come out", "the way of water", ["2022"]),
        ("who directed way of water", "way of water", ["James Cameron"]),
    ],
)
async def test_the_words_after_a_titles_colon_said_alone_are_the_film(
    catalog_of, question, said, answers
) -> None:
    catalog = await catalog_of(SUBTITLED)
    reply = await ask(catalog, question)
    assert reply.text.startswith(f"(Reading “{said}” as “Avatar: The Way of Water”.)"), reply.text
    assert reply.answers == answers, reply.text


async def test_words_two_titles_have_after_their_colon_are_neither(catalog_of) -> None:
    catalog = await catalog_of(SUBTITLED)
    reply = await ask(catalog, "who directed battle angel")
    assert reply.kind == "not_found", reply.text
    assert "Robert Rodriguez" not in reply.answers
