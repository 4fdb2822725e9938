"""Films to watch: a pick with its reason, varied between asks, never an unreleased film."""

from __future__ import annotations

import random

from bot.answering.engine import answer


async def pick(catalog, question: str, seed: int = 1):
    return await answer(question, catalog, rng=random.Random(seed))


async def test_a_genre_pick_says_why(catalog) -> None:
    reply = await pick(catalog, "recommend me a romcom")
    assert set(reply.answers) == {"Sleepless in Seattle", "You've Got Mail"}
    assert reply.text.startswith(f"How about {reply.films[0].label}? It's romantic comedy")


async def test_picks_vary_between_asks(catalog) -> None:
    firsts = {
        (await pick(catalog, "what should we watch tonight?", seed)).answers[0] for seed in range(8)
    }
    assert len(firsts) >= 3


async def test_the_same_dice_give_the_same_pick(catalog) -> None:
    one = await pick(catalog, "give me a random film", seed=5)
    two = await pick(catalog, "give me a random film", seed=5)
    assert one.text == two.text


async def test_an_unreleased_film_is_never_offered(catalog) -> None:
    for seed in range(20):
        for question in ("pick a random film", "something like alita battle angel"):
            reply = await pick(catalog, question, seed)
            assert all(film.confirmed for film in reply.films), reply.text
            assert "Alita: Battle Angel 2" not in reply.text


async def test_something_like_a_film_gives_what_they_share(catalog) -> None:
    reply = await pick(catalog, "something like sleepless in seattle")
    assert reply.answers[0] == "You've Got Mail"
    assert "Tom Hanks" in reply.text or "Nora Ephron" in reply.text
    assert "Sleepless in Seattle" not in reply.answers


async def test_a_pick_with_nothing_to_offer_says_so(catalog) -> None:
    reply = await pick(catalog, "recommend a horror movie")
    assert reply.answers == []


async def test_like_a_title_two_films_share_says_so(catalog) -> None:
    reply = await pick(catalog, "movies like heat")
    assert "2 films are called Heat: add the year for another" in reply.text
    assert "Heat" not in reply.answers
