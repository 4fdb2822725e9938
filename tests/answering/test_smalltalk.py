"""Small talk and off-topic questions: a short friendly reply, and real film questions,
even about films called "Hello" or "Help!", still answered."""

from __future__ import annotations

import random

import pytest

from bot.answering.engine import answer

FILMS = """\
films:
  - {title: Help!, year: 1965, directors: Richard Lester, cast: [{person: John Lennon, role: John}]}
  - {title: Hello, year: 2008, directors: Ann Other, tags: [ok]}
"""


@pytest.fixture
async def films(catalog_of):
    return await catalog_of(FILMS)


async def ask(catalog, question: str):
    return await answer(question, catalog, rng=random.Random(3))


@pytest.mark.parametrize(
    "question", ["hi", "hello there", "hey bot", "good morning!", "Yo", "gm everyone"]
)
async def test_a_greeting_gets_a_greeting_and_example_questions(films, question) -> None:
    reply = await ask(films, question)
    assert reply.text.startswith("Hi! I answer questions about films. Try ")
    assert '"who directed ' in reply.text
    assert reply.answers == []


@pytest.mark.parametrize(
    "question",
    [
        "thanks!",
        "thx",
        "ty bot",
        "thank you so much",
        "ok thanks",
        "okay thank you!",
        "oh cool thx",
    ],
)
async def test_thanks_gets_a_welcome(films, question: str) -> None:
    assert (await ask(films, question)).text.startswith("You're welcome!")


@pytest.mark.parametrize(
    "question",
    ["help", "what can you do?", "how do i use this bot", "what should i ask", "who r u"],
)
async def test_help_says_what_to_ask_with_questions_this_catalog_answers(films, question):
    reply = await ask(films, question)
    assert reply.kind == "help"
    assert reply.text.startswith("Ask me about films and the people who make them, e.g. ")
    assert "Help! (1965)" not in reply.text


@pytest.mark.parametrize(
    "question", ["what's the weather like today", "tell me a joke", "whats ur favourite food"]
)
async def test_off_topic_questions_get_a_polite_word_on_what_the_bot_does(films, question):
    reply = await ask(films, question)
    assert reply.text.startswith("I only know about films, so I can't help with that one.")


@pytest.mark.parametrize(
    ("question", "what", "name"),
    [
        # who someone is may be asked of a character too, where the catalog keeps them
        ("who is peter gent", "film, person or character", "peter gent"),
        ("whos jimmy piersall?", "film, person or character", "jimmy piersall"),
        ("blade runner", "film or person", "blade runner"),  # looked up, not another subject
        ("the dark knight", "film or person", "dark knight"),
    ],
)
async def test_someone_the_catalog_does_not_know_is_not_taken_for_small_talk(
    films, question, what, name
):
    reply = await ask(films, question)
    assert reply.kind == "not_found"
    assert reply.text.startswith(f"I couldn't find a {what} I know called “{name}”.")


async def test_films_called_hello_and_help_are_still_answered_when_asked_about(films) -> None:
    assert (await ask(films, "who directed help!")).answers == ["Richard Lester"]
    assert (await ask(films, "who directed hello")).answers == ["Ann Other"]
    assert (await ask(films, "who plays john in help")).answers == ["John Lennon"]


async def test_a_misspelt_film_question_is_not_taken_for_small_talk(films) -> None:
    reply = await ask(films, "who directed helpp")
    assert "Richard Lester" in reply.text


async def test_small_talk_is_not_read_as_a_misspelt_name(catalog_of) -> None:
    films = await catalog_of("films:\n  - {title: Big, year: 1988, cast: [Tom Hanks]}\n")
    assert (await ask(films, "thanks!")).text.startswith("You're welcome!")


@pytest.mark.parametrize(
    "question",
    [
        "whats ur fav movie",
        "what's your favourite film?",
        "what are ur top 3 movies",
        "what r your favorite films of all time",
        "what movies do u like",
    ],
)
async def test_asked_its_favourite_film_it_offers_a_released_one(films, question) -> None:
    reply = await ask(films, question)
    assert reply.kind == "chat"
    assert reply.text.startswith("I don't watch films myself, so I have no favourite; but ")
    assert reply.films and reply.films[0].status == "released"
    assert reply.films[0].label in reply.text


@pytest.mark.parametrize("question", ["lol", "LOL", "ok", "ok lol", "lmaooo", "hmm", "oh", "nvm"])
async def test_a_reaction_alone_is_small_talk_not_a_title_or_tag(catalog_of, question) -> None:
    films = await catalog_of(
        "films:\n  - {title: LOL, year: 2012, directors: Lisa Azuelos, tags: [ok]}\n"
        "  - {title: Hmm, year: 2001, directors: Ann Other}\n"
    )
    reply = await ask(films, question)
    assert reply.kind == "chat"
    assert reply.text == "Anything else? Ask me about a film or the people in it."
    assert reply.films == []


async def test_a_film_called_like_a_reaction_is_still_answered_when_asked_about(catalog_of):
    films = await catalog_of("films:\n  - {title: LOL, year: 2012, directors: Lisa Azuelos}\n")
    assert (await ask(films, "who directed lol")).answers == ["Lisa Azuelos"]
    assert "Lisa Azuelos" in (await ask(films, "the movie lol")).text


@pytest.mark.parametrize(
    "question", ["bye", "good night!", "gn", "cya", "ok bye", "see you later", "thanks bye"]
)
async def test_a_farewell_gets_a_goodbye(films, question: str) -> None:
    reply = await ask(films, question)
    assert reply.kind == "chat"
    assert reply.text == "Bye! Ask me about films any time."


async def test_a_film_called_goodbye_is_still_answered_when_asked_about(catalog_of) -> None:
    films = await catalog_of("films:\n  - {title: Goodbye, year: 2010, directors: Ann Other}\n")
    assert (await ask(films, "who directed goodbye")).answers == ["Ann Other"]


_COMMON_TITLES = """\
films:
  - {title: It, year: 2017, directors: Andy Muschietti}
  - {title: Up, year: 2009, directors: Pete Docter}
  - {title: "Avatar: The Way of Water", year: 2022, directors: James Cameron}
  - {title: Speed, year: 1994, directors: Jan de Bont}
"""


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("stfu", "Sorry that didn't help. Ask me about a film or the people in it, e.g. "),
        ("ur dumb", "Sorry that didn't help. "),
        ("you're so useless lol", "Sorry that didn't help. "),
        ("this bot sucks", "Sorry that didn't help. "),
        ("shut up", "Sorry that didn't help. "),  # not the film Up
        ("how are you?", "All good here, thanks! Ask me about films, e.g. "),
        ("hows it going", "All good here, thanks! "),  # not the film It
        ("whats the weather", "I only know about films, so I can't help with that one. "),
        ("hows the weather in new york today", "I only know about films, so I can't help "),
        ("what time is it", "I only know about films, so I can't help with that one. "),
        ("is it going to rain", "I only know about films, so I can't help with that one. "),
    ],
)
async def test_chat_to_the_bot_is_answered_as_chat_not_looked_up(catalog_of, question, said):
    reply = await ask(await catalog_of(_COMMON_TITLES), question)
    assert reply.kind == "chat"
    assert reply.text.startswith(said), reply.text
    assert reply.films == [] and reply.suggestions == []
    assert "Water" not in reply.text.split("e.g.")[0]


@pytest.mark.parametrize(
    ("question", "director"),
    [
        ("who directed it", "Andy Muschietti"),
        ("up", "Pete Docter"),
        ("speed", "Jan de Bont"),
        ("what is it about", None),
        ("who directed avatar the way of water", "James Cameron"),
    ],
)
async def test_titles_that_are_common_words_are_still_titles(catalog_of, question, director):
    reply = await ask(await catalog_of(_COMMON_TITLES), question)
    assert reply.kind != "chat", reply.text
    if director is not None:
        assert director in reply.text


@pytest.mark.parametrize(
    "question",
    [
        "wats the wether",
        "whats the weather in tokyo",
        "whats the wether like in paris today",
        "whats the capital of france",
        "what is the population of japan",
        "who is the president of france",
        "tell me the news",
        "any news",
    ],
)
async def test_other_subjects_typed_loosely_get_a_polite_word(catalog_of, question) -> None:
    reply = await ask(await catalog_of(_COMMON_TITLES), question)
    assert reply.kind == "chat", reply.text
    assert reply.text.startswith("I only know about films, so I can't help with that one.")


@pytest.mark.parametrize(
    "question",
    [
        "do you have feelings",
        "are you a robot",
        "are you alive?",
        "do you like me",
        "r u a bot",
        "whats your name",
    ],
)
async def test_questions_about_the_bot_itself_get_small_talk(films, question) -> None:
    reply = await ask(films, question)
    assert reply.kind == "chat", reply.text
    assert reply.text.startswith(
        "I'm just a bot that answers questions about films, with no feelings or life of my "
        "own. Ask me about a film or the people in it, e.g. "
    )


async def test_whether_the_catalog_has_a_film_is_still_asked(catalog_of) -> None:
    # "do you have …" of the catalog, beside "do you have feelings" of the bot
    reply = await ask(await catalog_of(_COMMON_TITLES), "do you have speed")
    assert reply.text == "Yes: the catalog has Speed (1994)."
