"""Counting films, and yes/no questions about a credit."""

from __future__ import annotations

from tests.answering.conftest import ask


async def test_counts_and_yes_no_questions(catalog) -> None:
    count = await ask(catalog, "how many movies did stanley kubrick direct")
    assert count.answers == ["2"]
    yes = await ask(catalog, "did nora ephron direct you've got mail?")
    assert yes.answers == ["yes"]
    no = await ask(catalog, "did robert zemeckis direct sleepless in seattle")
    assert no.answers == ["no"]
    assert "directed by Nora Ephron" in no.text
