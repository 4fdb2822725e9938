"""The words of questions: music is the composer's, and the unusual relation words machine
translation and loose speech use still name the right relation."""

from __future__ import annotations

import pytest

from bot.answering.engine import _question_word
from bot.answering.lexicon import RELATIONS, is_relation_word, phrase_positions
from tests.answering.conftest import ask


@pytest.mark.parametrize(
    "question",
    [
        "who wrote the music for alita battle angel",
        "who wrote the score for alita battle angel",
        "alita battle angel soundtrack by who",
        "who did the music in alita battle angel",
        "which person was the creator of alita battle angel's music",
        "who made the soundtrack of alita battle angel",
    ],
)
async def test_music_is_the_composers_never_the_writers(catalog, question: str) -> None:
    reply = await ask(catalog, question)
    assert reply.answers == ["Tom Holkenborg"], reply.text
    assert "James Cameron" not in reply.text


@pytest.mark.parametrize(
    "question",
    [
        "who is the manager of cast away",
        "which person headed cast away",
        "who led the movie cast away",
        "who helmed cast away",
        "who is the head of cast away",
        "who was in charge of cast away",
        "the film cast away was led by whom",
    ],
)
async def test_words_for_directing(catalog, question: str) -> None:
    assert (await ask(catalog, question)).answers == ["Robert Zemeckis"]


@pytest.mark.parametrize(
    "question",
    [
        "who are the players in sleepless in seattle",
        "who are the performers in sleepless in seattle",
        "which was in the film sleepless in seattle",
        "who took part in the movie sleepless in seattle",
        "who are the protagonists of sleepless in seattle",
        "who is the lead in sleepless in seattle",
        "who is the main actor in sleepless in seattle",
        "main cast of sleepless in seattle",
        "who leads the cast of sleepless in seattle",
        "who headlines sleepless in seattle",
        "who stars in sleepless in seattle",
        "who's in sleepless in seattle",
    ],
)
async def test_words_for_the_cast(catalog, question: str) -> None:
    assert (await ask(catalog, question)).answers == ["Tom Hanks", "Meg Ryan"]


@pytest.mark.parametrize(
    "question",
    [
        "you can name a film made by nora ephron",
        "what is a film by nora ephron",
        "which films did nora ephron lead",
        "what movies were headed by nora ephron",
    ],
)
async def test_a_film_by_someone_is_one_they_directed(catalog, question: str) -> None:
    assert (await ask(catalog, question)).answers == ["Sleepless in Seattle", "You've Got Mail"]


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("when did the film sleepless in seattle appear", "1993"),
        ("in what year was cast away issued", "2000"),
        ("which films did jeff arch write the story for", "Sleepless in Seattle"),
        ("what movies deal with bookshop", "You've Got Mail"),
    ],
)
async def test_the_opening_or_the_more_specific_phrase_decides(catalog, question, first) -> None:
    assert (await ask(catalog, question)).answers[0] == first


async def test_a_title_made_of_a_relation_word_is_not_a_second_topic(catalog_of) -> None:
    films = await catalog_of(
        """\
films:
  - {title: The Players, year: 2012, cast: [Jean Dujardin]}
  - {title: Seven Sinners, year: 1940, cast: [Marlene Dietrich, John Wayne]}
"""
    )
    reply = await ask(films, "who are the players in seven sinners")
    assert reply.answers == ["Marlene Dietrich", "John Wayne"]


async def test_made_by_someone_who_directed_nothing_is_the_films_they_are_in(catalog) -> None:
    reply = await ask(catalog, "what movies did meg ryan make")
    assert reply.answers == ["Sleepless in Seattle", "You've Got Mail"]


@pytest.mark.parametrize(
    "word",
    [
        *"directed director helmed wrote written screenplay music score scores scored".split(),
        *"cast starring stars plays played playing lead leads leading genre genres".split(),
        *"country studio tagged runtime rated rating votes status real year when plot".split(),
        *"story synopsis sequel prequel trailer tagline language produced made make".split(),
        *"heat the who film movies directs actor actors in it play plays in".split(),
        *"imdb head headed compose composers written by taglines whens".split(),
    ],
)
def test_a_word_is_a_relation_word_when_one_relation_has_it_whole(word: str) -> None:
    # the relations' keywords are tried together: the same as each relation in turn
    expected = any(relation.pattern.fullmatch(word) for relation in RELATIONS)
    assert is_relation_word(word) is expected


def test_what_a_phrase_leaves_open_is_not_part_of_it() -> None:
    # "what … about": the words between are the film asked about, not the phrase
    assert phrase_positions("what topics is the last of the mohicaans about") == {0, 1, 8}
    assert phrase_positions("where was heat made") == {0, 1, 3}


async def test_a_misspelt_title_inside_what_is_about_is_read_as_the_title(catalog) -> None:
    reply = await ask(catalog, "what topics is sleepless in seatle about")
    assert reply.text.startswith("(Reading “sleepless in seatle” as “Sleepless in Seattle”.)")


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("who direced cast away", "Robert Zemeckis"),
        ("who starrd in cast away", "Tom Hanks"),
        ("when was cast away relased", "2000"),
        ("who writes sleepless in seattle", "Nora Ephron"),
        ("wat r the films tom hanks was in", "Sleepless in Seattle"),
    ],
)
async def test_a_question_word_typed_with_a_slip_is_read(catalog, question, first) -> None:
    assert (await ask(catalog, question)).answers[0] == first


async def test_an_english_word_near_a_question_word_is_not_read_as_it() -> None:
    # "writes" is a word, not a slip in "writer"
    assert await _question_word("direced") == "directed"
    assert await _question_word("writes") == "writes"
    assert await _question_word("hanks") == "hanks"


async def test_a_chat_spelling_a_name_has_is_read_unless_that_name_is_asked(catalog_of) -> None:
    catalog = await catalog_of(
        "films:\n  - {title: Full Metal Jacket, year: 1987, cast: [R. Lee Ermey], "
        "genres: [War], sources: [https://example.org/fmj]}\n"
    )
    counted = await ask(catalog, "how many movies r there")  # "r" is also in "R. Lee Ermey"
    assert counted.text.startswith("The catalog has 1 film")
    credited = await ask(catalog, "what films is r lee ermey in")
    assert credited.answers == ["Full Metal Jacket"]
