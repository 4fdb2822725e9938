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
