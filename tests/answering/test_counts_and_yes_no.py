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


async def test_the_whole_catalog_is_counted_with_what_is_not_released(catalog) -> None:
    stats = await catalog.stats()
    for question in (
        "how many movies are there",
        "how many films do you know?",
        "how many films do u have",
    ):
        reply = await ask(catalog, question)
        assert reply.answers == [str(stats.films)]
        assert reply.text == (
            f"The catalog has {stats.films} films, 1 of them not released (their facts are claims)."
        )
    # counting what a person did is not counting the catalog
    assert (await ask(catalog, "how many movies are there with tom hanks")).answers != [
        str(stats.films)
    ]
