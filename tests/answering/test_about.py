"""About a film: trivia picked with the given randomness, the story, sequels both ways."""

from __future__ import annotations

import random

import pytest

from bot.answering.engine import answer
from bot.store.discovery import similar_films
from tests.answering.conftest import ask

SAGA = """\
films:
  - title: Parasite
    year: 2019
    id: parasite
    synopsis: A poor family schemes its way into the household of a wealthy one.
    trivia:
      - The first film not in English to win the Academy Award for Best Picture.
      - Its house was a set built for the film.
      - Bong Joon-ho storyboarded every shot.
  - title: Quiet Film
    year: 2001
    synopsis: Nothing happens, beautifully.
  - title: Saga
    year: 1990
    id: saga-1990
  - title: Saga II
    year: 1994
    id: saga-ii
    follows: saga-1990
  - title: Saga III
    year: 2031
    status: announced
    follows: saga-ii
    sources: [{text: A studio press release}]
"""


@pytest.fixture
async def saga(catalog_of):
    return await catalog_of(SAGA)


@pytest.mark.parametrize(
    "question",
    [
        "tell me something interesting about parasite",
        "fun fact about parasite",
        "any trivia on parasite?",
        "interesting facts about parasite",
    ],
)
async def test_trivia_is_one_of_the_films_facts(saga, question: str) -> None:
    reply = await answer(question, saga, rng=random.Random(1))
    assert reply.text.startswith("About Parasite (2019): ")
    assert reply.answers[0] in reply.text
    assert "The catalog has 2 more; ask again for another." in reply.text


@pytest.mark.parametrize(
    "question", ["tell me a fun fact about parasite", "any fun facts on parasite"]
)
async def test_the_words_asking_for_trivia_are_no_titles(catalog_of, question: str) -> None:
    # "fun" and "fact" are not the films Fun and Face (a slip away from "fact")
    films = await catalog_of(SAGA + "  - {title: Fun, year: 1994}\n  - {title: Face, year: 1997}\n")
    reply = await answer(question, films, rng=random.Random(1))
    assert reply.text.startswith("About Parasite (2019): "), reply.text
    assert "Fun" not in reply.text and "Face" not in reply.text


async def test_trivia_varies_with_the_randomness_and_is_stable_with_a_seed(saga) -> None:
    question = "fun fact about parasite"
    seen = {
        (await answer(question, saga, rng=random.Random(seed))).answers[0] for seed in range(20)
    }
    assert len(seen) == 3
    first = await answer(question, saga, rng=random.Random(7))
    again = await answer(question, saga, rng=random.Random(7))
    assert first.text == again.text


async def test_no_trivia_is_said_and_the_story_offered_instead(saga) -> None:
    reply = await ask(saga, "tell me a fun fact about quiet film")
    assert reply.answers == []
    assert reply.text == (
        "The catalog has no trivia for Quiet Film (2001). What it is about: Nothing happens, "
        "beautifully."
    )


async def test_what_a_film_is_about_and_tell_me_about(saga) -> None:
    story = await ask(saga, "whats parasite about")
    assert story.answers == ["A poor family schemes its way into the household of a wealthy one."]
    told = await ask(saga, "tell me about parasite")
    assert told.text.startswith("Parasite (2019). A poor family schemes")


@pytest.mark.parametrize(
    ("question", "first", "said"),
    [
        ("what came before saga ii", "Saga", "Saga II (1994) follows Saga (1990)."),
        ("is there a prequel to saga ii", "Saga", "Saga II (1994) follows Saga (1990)."),
        ("what comes after saga", "Saga II", "Saga (1990) is followed by Saga II (1994)."),
        ("whats next after saga ii", "Saga III", "followed by Saga III (2031) [announced]"),
        # "a sequel to" ending the question asks what it follows, not its sequels
        ("what is saga ii a sequel to", "Saga", "Saga II (1994) follows Saga (1990)."),
    ],
)
async def test_sequels_both_ways(saga, question: str, first: str, said: str) -> None:
    reply = await ask(saga, question)
    assert reply.answers[0] == first
    assert said in reply.text
    assert "knows no" not in reply.text


async def test_an_unreleased_sequel_is_a_claim(saga) -> None:
    reply = await ask(saga, "what came before saga iii")
    assert reply.answers == ["Saga II"]
    assert "Saga III (2031) is announced" in reply.text and "A studio press release" in reply.text
    nothing = await ask(saga, "is there a prequel to saga")
    assert nothing.text.startswith("The catalog knows no film that Saga (1990) follows.")


async def test_what_a_film_is_about_falls_back_to_its_tags(brazil) -> None:
    reply = await ask(brazil, "what is brazil about")
    assert reply.answers == ["script", "dystopia"]
    assert (
        reply.text
        == "The catalog has no synopsis for Brazil (1985); it is tagged script and dystopia."
    )


async def test_sequels_and_what_a_film_follows(catalog) -> None:
    sequel = await ask(catalog, "is there a sequel to alita battle angel")
    assert sequel.answers == ["Alita: Battle Angel 2"]
    assert sequel.text.startswith(
        "Alita: Battle Angel (2019) is followed by Alita: Battle Angel 2 (2025) [unconfirmed]."
    )
    earlier = await ask(catalog, "what does alita battle angel 2 follow")
    assert earlier.answers == ["Alita: Battle Angel"]
    assert "is unconfirmed" in earlier.text
    none = await ask(catalog, "is there a follow-up to cast away")
    assert none.answers == []
    assert none.text == "The catalog knows no sequel or earlier film for Cast Away (2000)."


NAMESAKES = """\
films:
  - {title: Toy Story, year: 1995, sources: [x]}
  - {title: Toy Story 2, year: 1999, sources: [x]}
  - {title: Toy Story 3, year: 2010, sources: [x]}
  - {title: Toy Story Treats, year: 1996, sources: [x]}
  - {title: Rocky, year: 1976, sources: [x]}
  - {title: Rocky Part II, year: 1979, sources: [x]}
  - {title: "Rocky: The Return", year: 1982, sources: [x]}
  - {title: Heat, year: 1972, sources: [x]}
  - {title: Heat, year: 1995, sources: [x]}
  - {title: Alien, year: 1979, sources: [x]}
  - {title: Aliens, year: 1986, follows: alien-1979, sources: [x]}
  - {title: Alien 3, year: 1992, sources: [x]}
  - {title: After, year: 2019, sources: [x]}
  - {title: Next, year: 2007, sources: [x]}
"""


@pytest.mark.parametrize(
    ("question", "answers", "said"),
    [
        (
            "is there a sequel to toy story",
            ["Toy Story 2", "Toy Story 3"],
            "The catalog records no sequel to Toy Story (1995), but it has Toy Story 2 (1999) "
            "and Toy Story 3 (2010), which share the title.",
        ),
        (
            "what came before toy story 3",
            ["Toy Story", "Toy Story 2"],
            "The catalog records no film that Toy Story 3 (2010) follows, but it has Toy Story "
            "(1995) and Toy Story 2 (1999), which share the title.",
        ),
        (
            "what comes after toy story",
            ["Toy Story 2", "Toy Story 3"],
            "The catalog records no sequel to Toy Story (1995), but it has Toy Story 2 (1999) "
            "and Toy Story 3 (2010), which share the title.",
        ),
        (
            "next toy story movie",
            ["Toy Story 2", "Toy Story 3"],
            "The catalog records no sequel to Toy Story (1995), but it has Toy Story 2 (1999) "
            "and Toy Story 3 (2010), which share the title.",
        ),
        (
            "rocky sequels",
            ["Rocky Part II", "Rocky: The Return"],
            "The catalog records no sequel to Rocky (1976), but it has Rocky Part II (1979) "
            "and Rocky: The Return (1982), which share the title.",
        ),
    ],
)
async def test_films_sharing_a_title_are_offered_as_such_where_no_sequel_is_recorded(
    catalog_of, question, answers, said
) -> None:
    catalog = await catalog_of(NAMESAKES)
    reply = await ask(catalog, question)
    assert (reply.answers, reply.text) == (answers, said)


async def test_a_recorded_sequel_is_said_as_recorded_and_a_remake_is_no_sequel(
    catalog_of,
) -> None:
    catalog = await catalog_of(NAMESAKES)
    alien = await ask(catalog, "is there a sequel to alien")
    assert alien.text == "Alien (1979) is followed by Aliens (1986)."
    heat = await ask(catalog, "heat sequel")
    assert heat.answers == []
    assert "Heat (1972)" in heat.text and "knows no sequel" in heat.text


@pytest.mark.parametrize(
    ("question", "said"),
    [
        (
            "is there a toy story 4",
            "The catalog has no film called “Toy Story 4”; it has Toy Story (1995), "
            "Toy Story 2 (1999) and Toy Story 3 (2010).",
        ),
        (
            "who starred in toy story part iv",
            "The catalog has no film called “Toy Story Part IV”; it has Toy Story (1995), "
            "Toy Story 2 (1999) and Toy Story 3 (2010).",
        ),
        (
            "when did rocky 3 come out",
            "The catalog has no film called “Rocky 3”; it has Rocky (1976), "
            "Rocky Part II (1979) and Rocky: The Return (1982).",
        ),
        (
            "who directed alien 4",
            "The catalog has no film called “Alien 4”; it has Alien (1979) and Alien 3 (1992).",
        ),
        (
            "heat 2 cast",
            "The catalog has no film called “Heat 2”; it has Heat (1972) and Heat (1995).",
        ),
    ],
)
async def test_a_numbered_title_the_catalog_lacks_is_said_with_the_films_of_the_title(
    catalog_of, question, said
) -> None:
    catalog = await catalog_of(NAMESAKES)
    reply = await ask(catalog, question)
    assert reply.kind == "not_found" and reply.answers == [], reply.text
    assert reply.text == said


async def test_a_film_of_the_title_not_released_is_offered_with_its_status(catalog_of) -> None:
    catalog = await catalog_of(
        """\
films:
  - {title: Dune, year: 1984, sources: [x]}
  - {title: "Dune: Part Two", year: 2024, sources: [x]}
  - {title: Dune 3, year: 2026, status: announced, sources: [x]}
"""
    )
    reply = await ask(catalog, "is there a dune 4")
    assert reply.text == (
        "The catalog has no film called “Dune 4”; it has Dune (1984), "
        "Dune: Part Two (2024) and Dune 3 (2026) [announced]."
    )


@pytest.mark.parametrize(
    "question",
    [
        "sequel to the lord of the rings",
        "is there a sequel to the lord of the rings",
        "whats the sequel to lord of the rings",
        "the lord of the rings sequel",
        "what is the sequel after the lord of the rings",
        "prequel before the lord of the rings",
    ],
)
async def test_a_sequel_asked_of_a_film_the_catalog_lacks_is_not_the_films_tagged_sequel(
    catalog_of, question
) -> None:
    tagged = SAGA.replace("    follows: saga-ii\n", "    follows: saga-ii\n    tags: [sequel]\n")
    reply = await ask(await catalog_of(tagged), question)
    assert reply.kind == "not_found", reply.text
    assert "“lord of the rings”" in reply.text
    assert "Saga III" not in reply.text


async def test_sequels_after_a_time_are_the_films_tagged_sequel(catalog_of) -> None:
    tagged = SAGA.replace("    follows: saga-ii\n", "    follows: saga-ii\n    tags: [sequel]\n")
    reply = await ask(await catalog_of(tagged), "sequels after the 90s")
    assert "Saga III" in reply.text, reply.text


MERGED_KB = (
    "Heat|release_year|1972\nHeat|release_year|1995\nHeat|has_tags|police\n"
    "Heat|directed_by|Michael Mann\n"
    "Collateral|directed_by|Michael Mann\nCollateral|release_year|2004\n"
    "Double Trouble|release_year|1967\nDouble Trouble|release_year|1992\n"
    "Double Trouble|starred_actors|Elvis Presley\n"
    "It's Alive|release_year|1974\nIt's Alive|release_year|2009\n"
    "It's Alive|directed_by|Larry Cohen\n"
)
MERGED_HEAT_NOTE = (
    " Note: the source lists the facts once for every film titled “Heat”, without saying "
    "which belongs to which film."
)


async def test_the_mark_of_merged_facts_is_not_told_as_a_tag(metaqa_catalog) -> None:
    catalog = await metaqa_catalog(MERGED_KB)
    about = await ask(catalog, "whats heat about")
    assert "it is tagged police." in about.text and "shared title" not in about.text
    assert "Note: the source lists" in about.text  # the note says it in words
    tags = await ask(catalog, "tags of heat")
    assert "shared title" not in tags.text and "police" in tags.answers
    bare = await ask(catalog, "what is double trouble about")
    assert "The catalog has no synopsis for Double Trouble (1967)." in bare.text
    assert "tagged" not in bare.text and "shared title" not in bare.answers


async def test_films_are_not_alike_for_facts_a_source_merged(metaqa_catalog) -> None:
    catalog = await metaqa_catalog(MERGED_KB)
    (heat, _), (alive, _) = [await catalog.films_titled(title) for title in ("heat", "it's alive")]
    # neither for the mark nor for the facts the source gave both films of their title
    similar = await similar_films(catalog, heat.id)
    assert [s.film.title for s in similar] == ["Collateral"]
    assert similar[0].reasons == ("same director: Michael Mann",)
    assert await similar_films(catalog, alive.id) == []
    # what they share may be another film's: the reply says so, when either film is merged
    for question in ["movies like heat", "something like collateral"]:
        reply = await ask(catalog, question)
        assert reply.text.startswith("If you liked") and reply.text.endswith(MERGED_HEAT_NOTE)
    assert "Note:" not in (await ask(catalog, "movies like double trouble")).text  # no pick


async def test_its_before_a_title_is_the_title_s_own_word_not_a_possessive(catalog_of) -> None:
    # "what is its" is no possessive of the film What Is It?: "its alive" is the title
    catalog = await catalog_of(
        """\
films:
  - title: What Is It?
    year: 2005
    synopsis: A young man's journey through his own mind.
    sources: [https://example.org/what-is-it]
  - title: It's Alive
    year: 1974
    synopsis: A newborn turns out to be a killer.
    sources: [https://example.org/its-alive]
  - title: Alive
    year: 1993
    synopsis: Survivors of a plane crash in the Andes.
    sources: [https://example.org/alive]
"""
    )
    reply = await answer("what is its alive about", catalog)
    assert "It's Alive (1974)" in reply.text and "newborn" in reply.text
    assert "Andes" not in reply.text
    reply = await answer("what is it's alive about", catalog)
    assert "It's Alive (1974)" in reply.text and "Andes" not in reply.text
    reply = await answer("who directed what is it", catalog)
    assert "What Is It? (2005)" in reply.text
