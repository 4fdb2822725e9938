"""Two questions in one message: both answered, "it" and "he" read as what the first
was about, and nothing split that is one question."""

from __future__ import annotations

import pytest

from bot.answering.compound import answer_both, split
from tests.answering.conftest import ask


@pytest.mark.parametrize(
    ("question", "parts"),
    [
        (
            "who directed Cast Away and when was it released?",
            ("who directed cast away", "when was it released?"),
        ),
        (
            "when was up released, and also who directed it",
            ("when was up released", "who directed it"),
        ),
        ("what films did tom hanks and meg ryan make", None),  # two names, one question
        ("heat and who", None),  # too short a half to be a question
        ("who directed heat and when?", ("who directed heat", "when?")),  # but "when" is one
    ],
)
def test_a_message_is_split_only_before_a_second_question(question, parts) -> None:
    assert split(question) == parts


async def test_both_questions_are_answered_with_it_as_the_first_film(catalog) -> None:
    reply = await ask(catalog, "who directed cast away and when was it released")
    assert reply.kind == "answer"
    assert reply.answers == ["Robert Zemeckis", "2000"]
    first, second = reply.text.split("\n")
    assert "Robert Zemeckis" in first and "2000" in second


async def test_he_is_the_one_person_the_first_answer_found(catalog) -> None:
    reply = await ask(catalog, "who directed up and what else did he direct")
    assert reply.answers[0] == "Pete Docter"
    assert "Pete Docter" in reply.text.split("\n")[1]
    reply = await ask(catalog, "what films is meg ryan in and who directed them")
    assert reply.kind == "answer"
    assert {"Sleepless in Seattle", "You've Got Mail"} <= set(reply.answers)


async def test_it_standing_for_two_titles_is_not_guessed(catalog) -> None:
    asked: list[str] = []

    async def asking(part: str):
        asked.append(part)
        return await ask(catalog, part)

    question = "who directed sleepless in seattle and the shining and who starred in it"
    parts = split(question)
    assert parts is not None
    assert await answer_both(question, parts, asking, catalog) is None  # asked whole
    assert asked == ["who directed sleepless in seattle and the shining"]
    both = await ask(catalog, "who directed heat and who starred in it")
    assert "Al Pacino" in both.text and "Burt Reynolds" in both.text  # "it" is both Heats


async def test_films_named_apart_are_not_said_to_share_a_title(catalog) -> None:
    reply = await ask(catalog, "who directed sleepless in seattle and the shining")
    assert "match that title" not in reply.text
    assert {"Nora Ephron", "Stanley Kubrick"} <= set(reply.answers)
    shared = await ask(catalog, "who directed heat")
    assert shared.text.startswith("2 films match that title:")


@pytest.mark.parametrize(
    ("question", "answers"),
    [
        ("who directed cast away and who starred", ["Robert Zemeckis", "Tom Hanks"]),
        ("when did up come out and who directed", ["2009", "Pete Docter"]),
        ("who directed cast away and when", ["Robert Zemeckis", "2000"]),
    ],
)
async def test_a_second_question_naming_nothing_asks_of_the_first_film(
    catalog, question, answers
) -> None:
    reply = await ask(catalog, question)
    assert reply.kind == "answer"
    assert reply.answers == answers
    assert len(reply.text.split("\n")) == 2
