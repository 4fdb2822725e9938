"""Characters: who plays a role (all or part of its name, voices too), whom a person plays,
one character across films."""

from __future__ import annotations

import pytest

from tests.answering.conftest import ask

ROLES = """\
films:
  - title: Titanic
    year: 1997
    cast: [{person: Leonardo DiCaprio, role: Jack Dawson}, {person: Kate Winslet, role: Rose}]
  - title: The Shining
    year: 1980
    cast: [{person: Jack Nicholson, role: Jack Torrance}]
  - title: Alien
    year: 1979
    cast: [{person: Sigourney Weaver, role: Ellen Ripley}]
  - title: Aliens
    year: 1986
    cast: [{person: Sigourney Weaver, role: Ellen Ripley}]
  - title: Avatar
    year: 2009
    cast: [{person: Sigourney Weaver, role: Grace Augustine}]
  - title: Heat
    year: 1995
    cast: [{person: Robert De Niro, role: Neil McCauley}, {person: Al Pacino, role: Vincent Hanna}]
  - title: Toy Story
    year: 1995
    cast: [{person: Tom Hanks, role: Woody, note: voice}]
  - title: Full Metal Jacket
    year: 1987
    cast: [{person: Vincent D'Onofrio, role: Private Leonard "Gomer Pyle" Lawrence}]
"""


async def test_who_plays_a_role_and_which_role_a_person_plays(catalog) -> None:
    assert (await ask(catalog, "who plays Annie Reed")).answers == ["Meg Ryan"]
    reply = await ask(catalog, "what role does tom hanks play in cast away")
    assert reply.answers == ["Chuck Noland"]


@pytest.fixture
async def roles(catalog_of):
    return await catalog_of(ROLES)


@pytest.mark.parametrize(
    ("question", "answers", "said"),
    [
        (
            "who played jack in titanic",
            ["Leonardo DiCaprio"],
            "Leonardo DiCaprio plays Jack Dawson in Titanic (1997).",
        ),
        ("who played jack in the shining", ["Jack Nicholson"], "Jack Torrance"),
        ("who played gomer pyle", ["Vincent D'Onofrio"], 'Private Leonard "Gomer Pyle" Lawrence'),
        ("who was ripley played by", ["Sigourney Weaver"], "Ellen Ripley in Alien (1979) and"),
    ],
)
async def test_a_character_asked_by_part_of_the_name(roles, question, answers, said) -> None:
    reply = await ask(roles, question)
    assert reply.answers == answers
    assert said in reply.text


async def test_a_part_of_a_name_shared_by_characters_names_them_all(roles) -> None:
    reply = await ask(roles, "who played jack")
    assert reply.answers == ["Leonardo DiCaprio", "Jack Nicholson"]


async def test_a_voice_role_is_said_as_a_voice(roles) -> None:
    reply = await ask(roles, "who voices woody in toy story")
    assert reply.text == "Tom Hanks voices Woody in Toy Story (1995)."


@pytest.mark.parametrize(
    ("question", "character"),
    [
        ("al pacinos character in heat", "Vincent Hanna"),
        ("what role does de niro have in heat", "Neil McCauley"),
        ("what's the name of leonardo's character in titanic", "Jack Dawson"),
        ("who did kate winslet play in titanic", "Rose"),
    ],
)
async def test_a_persons_character_in_a_film(roles, question: str, character: str) -> None:
    assert (await ask(roles, question)).answers == [character]


async def test_one_character_across_films(roles) -> None:
    reply = await ask(roles, "which films does sigourney weaver play ripley in")
    assert reply.answers == ["Alien", "Aliens"]
    assert reply.text == "Sigourney Weaver plays Ellen Ripley in Alien (1979) and Aliens (1986)."


async def test_which_films_a_person_played_in_lists_every_film(roles) -> None:
    reply = await ask(roles, "what films did sigourney weaver play in")
    assert reply.answers == ["Alien", "Aliens", "Avatar"]


async def test_a_character_that_is_not_there_is_not_guessed(roles) -> None:
    reply = await ask(roles, "who played rose in the shining")
    assert "Kate Winslet" not in reply.text


@pytest.mark.parametrize(
    ("question", "films", "said"),
    [
        ("what movie has woody in it", ["Toy Story"], "Tom Hanks voices Woody in Toy Story"),
        ("which films is ellen ripley in", ["Alien", "Aliens"], "Sigourney Weaver plays Ellen"),
    ],
)
async def test_the_films_a_character_is_in(roles, question, films, said) -> None:
    reply = await ask(roles, question)
    assert reply.answers == films, reply.text
    assert reply.text.startswith(said)


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("woody", "Woody is a character in Toy Story (1995), voiced by Tom Hanks."),
        ("woody movies", "Woody is a character in Toy Story (1995), voiced by Tom Hanks."),
        (
            "ellen ripley films",
            "Ellen Ripley is a character in Alien (1979) and Aliens (1986), played by "
            "Sigourney Weaver.",
        ),
        (
            "ripley",
            "Ellen Ripley is a character in Alien (1979) and Aliens (1986), played by "
            "Sigourney Weaver.",
        ),
    ],
)
async def test_a_character_named_alone_is_said_with_its_films_and_who_plays_it(
    roles, question, said
) -> None:
    reply = await ask(roles, question)
    assert reply.text == said
    assert reply.answers == [said.split(" by ")[1].rstrip(".")]


async def test_a_character_of_an_unreleased_film_is_said_as_a_claim(catalog) -> None:
    reply = await ask(catalog, "nova")
    assert reply.text.startswith("Edward Norton plays Nova in Alita: Battle Angel 2 (2025).")
    assert "claim" in reply.text


NO_CHARACTERS = """\
films:
  - {title: Toy Story, year: 1995, cast: [Tom Hanks, Tim Allen]}
  - {title: The Voices, year: 2014, cast: [Ryan Reynolds]}
  - {title: Voices of a Distant Star, year: 2003, directors: [Makoto Shinkai]}
  - {title: The Wood, year: 1999, cast: [Omar Epps]}
  - {title: Jack, year: 1996, cast: [Robin Williams]}
"""


@pytest.mark.parametrize(
    "question", ["who is the voice of woody", "who voiced woody", "who voices buzz in toy story"]
)
async def test_who_voices_a_character_where_no_characters_are_kept_says_so(
    catalog_of, question
) -> None:
    catalog = await catalog_of(NO_CHARACTERS)
    reply = await ask(catalog, question)
    assert reply.text.startswith("This catalog has no characters"), reply.text
    assert "The Voices" not in reply.text and reply.answers == []


async def test_a_title_with_voices_in_it_is_still_the_film(catalog_of) -> None:
    catalog = await catalog_of(NO_CHARACTERS)
    reply = await ask(catalog, "who directed voices of a distant star")
    assert reply.answers == ["Makoto Shinkai"]


async def test_part_of_several_characters_names_said_alone_says_each(roles) -> None:
    reply = await ask(roles, "jack")
    assert reply.text == (
        "Jack Torrance is a character in The Shining (1980), played by Jack Nicholson. "
        "Jack Dawson is a character in Titanic (1997), played by Leonardo DiCaprio."
    )
    assert (await ask(roles, "gandalf")).kind == "not_found"


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("who plays woody", "who plays “woody”."),
        ("who played the part of woody", "who plays “woody”."),
        ("who played jack in toy story", "who plays “jack” in toy story."),
        ("who is playing buzz", "who plays “buzz”."),
    ],
)
async def test_who_plays_a_character_where_no_characters_are_kept_says_so(
    catalog_of, question, said
) -> None:
    catalog = await catalog_of(NO_CHARACTERS)
    reply = await ask(catalog, question)
    assert reply.text.startswith("This catalog has no characters"), reply.text
    assert reply.text.endswith(said), reply.text
    assert "The Wood" not in reply.text and reply.answers == []


@pytest.mark.parametrize(
    ("question", "cast"),
    [
        ("who played in toy story", "Tim Allen"),
        ("who plays in the voices", "Ryan Reynolds"),
        ("who played the voices", "Ryan Reynolds"),  # a whole title: the film
        ("who played jack", "Robin Williams"),
    ],
)
async def test_who_played_in_a_film_where_no_characters_are_kept_is_its_cast(
    catalog_of, question, cast
) -> None:
    catalog = await catalog_of(NO_CHARACTERS)
    reply = await ask(catalog, question)
    assert cast in reply.text and "no characters" not in reply.text, reply.text


BIRDS = """\
films:
  - {title: The Birds, year: 1963, directors: Alfred Hitchcock, cast: [Tippi Hedren]}
  - title: Titanic
    year: 1997
    cast: [{person: Kate Winslet, role: Rose}, {person: Billy Zane, role: Cal Hockley}]
"""


async def test_a_character_the_catalog_lacks_is_not_read_as_a_title_near_it(catalog_of) -> None:
    catalog = await catalog_of(BIRDS)
    reply = await ask(catalog, "who played the bride in kill bill")
    assert reply.kind == "not_found"
    assert "“kill bill”" in reply.text
    assert "The Birds" not in reply.text
    titanic = await ask(catalog, "who played the bride in titanic")
    assert "The Birds" not in titanic.text
    assert "Titanic (1997)" in titanic.text


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("who plays batman in the dark knight rises", "dark knight rises"),
        ("who plays gandalf in the lord of the rings", "lord of the rings"),
    ],
)
async def test_a_film_the_catalog_lacks_a_character_is_asked_in_is_said_back_whole(
    catalog_of, question, said
) -> None:
    reply = await ask(await catalog_of(BIRDS), question)
    assert reply.kind == "not_found"
    assert f"called “{said}”" in reply.text, reply.text


async def test_a_misspelt_character_or_film_in_who_played_is_still_read_so(catalog_of) -> None:
    catalog = await catalog_of(BIRDS)
    assert (await ask(catalog, "who played cal hockly in titanic")).answers == ["Billy Zane"]
    assert (await ask(catalog, "who plays rose in titanc")).answers == ["Kate Winslet"]
    assert "Tippi Hedren" in (await ask(catalog, "who played in the brids")).text


async def test_a_crew_credit_asked_of_a_name_is_of_the_film_not_the_character(catalog_of) -> None:
    catalog = await catalog_of(
        """films:
  - title: "Alita: Battle Angel"
    year: 2019
    aliases: [Alita]
    directors: [Robert Rodriguez]
    cast: [{person: Rosa Salazar, role: Alita}]
"""
    )
    reply = await ask(catalog, "who is the director of alita")
    assert "Robert Rodriguez" in reply.text and "Rosa Salazar" not in reply.text
    # the character is still who plays it when no crew credit is asked
    assert "Rosa Salazar" in (await ask(catalog, "who is alita")).text


@pytest.mark.parametrize(
    ("question", "typed"),
    [("who played the shark in titanic", "shark"), ("who played batman in titanic", "batman")],
)
async def test_a_character_a_film_lacks_is_said_missing_with_those_it_has(
    roles, question, typed
) -> None:
    reply = await ask(roles, question)
    assert reply.answers == []
    assert reply.text == (
        f"The catalog has no character “{typed}” in Titanic (1997); its characters are "
        "Jack Dawson (Leonardo DiCaprio) and Rose (Kate Winslet)."
    )


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("how old was leo in titanic", "(Reading “leo” as “Leonardo DiCaprio”.)"),
        ("who did leo play in titanic", "Leonardo DiCaprio plays Jack Dawson in Titanic (1997)."),
        ("who did sig play in alien", "Sigourney Weaver plays Ellen Ripley in Alien (1979)."),
    ],
)
async def test_a_given_name_said_for_short_is_the_one_person_of_the_film_it_has(
    roles, question, said
) -> None:
    reply = await ask(roles, question)
    assert said in reply.text


async def test_a_characters_name_beside_a_film_is_not_read_as_a_persons(roles) -> None:
    reply = await ask(roles, "who played jack in the shining")
    assert reply.text == "Jack Nicholson plays Jack Torrance in The Shining (1980)."


async def test_a_character_of_another_film_is_said_missing_from_the_film_named(roles) -> None:
    reply = await ask(roles, "who plays jack dawson in the shining")
    assert reply.answers == []
    assert reply.text.startswith(
        "The catalog has no character “jack dawson” in The Shining (1980); its character is "
        "Jack Torrance (Jack Nicholson)."
    ), reply.text


TOY_STORY = """\
films:
  - title: Toy Story
    year: 1995
    cast:
      - {person: Tom Hanks, role: Woody, note: voice}
      - {person: Tim Allen, role: Buzz Lightyear, note: voice}
  - title: When Harry Met Sally...
    year: 1989
    cast: [{person: Billy Crystal, role: Harry Burns}, {person: Meg Ryan, role: Sally Albright}]
  - title: Speed
    year: 1994
    cast: [{person: Jeff Daniels, role: Harry Temple}]
"""


@pytest.mark.parametrize(
    ("question", "said"),
    [
        (
            "who plays woody and buzz",
            "Tom Hanks voices Woody and Tim Allen voices Buzz Lightyear in Toy Story (1995).",
        ),
        (
            "who voices woody and buzz in toy story",
            "Tom Hanks voices Woody and Tim Allen voices Buzz Lightyear in Toy Story (1995).",
        ),
        (
            "who voices Buzz Lightyear & Woody",
            "Tim Allen voices Buzz Lightyear and Tom Hanks voices Woody in Toy Story (1995).",
        ),
        # the film that has them both, not Speed's Harry Temple
        (
            "who played harry and sally",
            "Billy Crystal plays Harry Burns and Meg Ryan plays Sally Albright in When Harry "
            "Met Sally... (1989).",
        ),
        (
            "who plays woody and gandalf",
            "Tom Hanks voices Woody in Toy Story (1995). The catalog has no character “gandalf”.",
        ),
        (
            "who played woody and buzz in speed",
            "The catalog has no character “woody” or “buzz” in Speed (1994); its character is "
            "Harry Temple (Jeff Daniels).",
        ),
    ],
)
async def test_characters_asked_together_are_each_answered(catalog_of, question, said) -> None:
    reply = await ask(await catalog_of(TOY_STORY), question)
    assert reply.text == said


TOTORO = """\
films:
  - title: My Neighbor Totoro
    year: 1988
    directors: [Hayao Miyazaki]
    cast:
      - {person: Hitoshi Takagi, role: Totoro, note: voice}
  - {title: Spirited Away, year: 2001, directors: [Hayao Miyazaki]}
"""


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("who voiced totoro", "Hitoshi Takagi voices Totoro in My Neighbor Totoro (1988)."),
        ("who directed totoro", "My Neighbor Totoro (1988): directed by Hayao Miyazaki."),
        ("totoro director", "My Neighbor Totoro (1988): directed by Hayao Miyazaki."),
        ("who made spirited away and totoro", "My Neighbor Totoro (1988)"),
    ],
)
async def test_a_character_named_as_a_word_of_its_films_title_is_the_character_or_the_film(
    catalog_of, question, said
) -> None:
    reply = await ask(await catalog_of(TOTORO), question)
    assert said in reply.text, reply.text


@pytest.mark.parametrize(
    "question", ["something like totoro", "movies like totoro", "films similar to totoro"]
)
async def test_films_like_a_character_said_for_its_films_title_are_like_the_film(
    catalog_of, question
) -> None:
    reply = await ask(await catalog_of(TOTORO), question)
    assert reply.text == (
        "(Reading “totoro” as “My Neighbor Totoro”.) If you liked My Neighbor Totoro (1988), "
        "try Spirited Away (2001) (same director: Hayao Miyazaki)."
    )


@pytest.mark.parametrize(
    "question", ["whos in totoro", "who is in totoro", "cast of totoro", "totoro cast"]
)
async def test_the_cast_of_a_character_said_for_its_films_title_is_the_films(
    catalog_of, question
) -> None:
    reply = await ask(await catalog_of(TOTORO), question)
    assert reply.text == (
        "(Reading “totoro” as “My Neighbor Totoro”.) My Neighbor Totoro (1988): starring "
        "Hitoshi Takagi (Totoro)."
    )


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("who plays totoro", "Hitoshi Takagi voices Totoro in My Neighbor Totoro (1988)."),
        ("totoro", "Totoro is a character in My Neighbor Totoro (1988), voiced by Hitoshi Takagi."),
        # a character whose name is no word of its film's title stays the character
        ("something like woody", "Woody is a character in Toy Story (1995), voiced by Tom Hanks."),
    ],
)
async def test_a_character_asked_as_one_stays_the_character(catalog_of, question, said) -> None:
    films = await catalog_of(TOTORO + ROLES.removeprefix("films:\n"))
    assert (await ask(films, question)).text == said


GUMP = """\
films:
  - title: Forrest Gump
    year: 1994
    cast:
      - {person: Tom Hanks, role: Forrest Gump}
      - {person: Robin Wright, role: Jenny Curran}
      - {person: Gary Sinise, role: Lieutenant Dan Taylor}
    sources: [x]
  - title: Alita
    year: 2019
    cast:
      - {person: Rosa Salazar, role: Alita}
      - {person: Christoph Waltz, role: Dr. Dyson Ido}
    sources: [x]
"""


@pytest.mark.parametrize(
    ("question", "said"),
    [
        # a word of a character in a film whose title is a character's name too
        ("who played jenny in forrest gump", "Robin Wright plays Jenny Curran in Forrest Gump"),
        ("who played ido in alita", "Christoph Waltz plays Dr. Dyson Ido in Alita"),
        ("who played forrest in forrest gump", "Tom Hanks plays Forrest Gump in Forrest Gump"),
        ("who played forrest gump", "Tom Hanks plays Forrest Gump in Forrest Gump"),
        # a title before the name typed short, or whole
        ("who played lt. dan in forrest gump", "Gary Sinise plays Lieutenant Dan Taylor"),
        ("who played lt dan", "Gary Sinise plays Lieutenant Dan Taylor"),
        ("who played doctor ido", "Christoph Waltz plays Dr. Dyson Ido"),
    ],
)
async def test_part_of_a_characters_name_in_a_film_named_like_a_character(
    catalog_of, question, said
) -> None:
    reply = await ask(await catalog_of(GUMP), question)
    assert reply.text.startswith(said), reply.text


@pytest.mark.parametrize("question", ["who was in forrest gump", "whos in forrest gump"])
async def test_who_is_in_a_film_named_like_its_character_is_its_cast(catalog_of, question) -> None:
    reply = await ask(await catalog_of(GUMP), question)
    assert reply.text.startswith(
        "Forrest Gump (1994): starring Tom Hanks (Forrest Gump), Robin Wright (Jenny Curran)"
    ), reply.text


async def test_who_played_a_film_named_after_its_character_is_that_character(catalog_of) -> None:
    catalog = await catalog_of(
        """\
films:
  - title: Marnie
    year: 1964
    cast:
      - {person: Sean Connery, role: Mark Rutland}
      - {person: Tippi Hedren, role: Marnie Edgar}
    sources: [x]
  - {title: Psycho, year: 1960, cast: [Anthony Perkins], sources: [x]}
"""
    )
    marnie = await ask(catalog, "who played marnie")
    assert marnie.text.startswith("Tippi Hedren plays Marnie Edgar in Marnie (1964)."), marnie.text
    how_old = await ask(catalog, "how old was tippi hedren in marnie")
    assert "Tippi Hedren plays" not in how_old.text
    # a title no character is named after: the film, as before
    psycho = await ask(catalog, "who played psycho")
    assert psycho.text.startswith("Psycho (1960)"), psycho.text


@pytest.mark.parametrize(
    "question",
    ["whats up with gandalf", "who is gandalf", "who played gandalf", "tell me about gandalf"],
)
async def test_a_character_the_catalog_lacks_is_said_to_be_unknown(roles, question) -> None:
    reply = await ask(roles, question)
    assert reply.kind == "not_found"
    assert reply.text.startswith(
        "I couldn't find a film, person or character I know called “gandalf”."
    ), reply.text


@pytest.mark.parametrize(
    "question",
    [
        "who voiced shrek",
        "who voices shrek",
        "who is the voice of shrek",
        "voice actor for shrek",
        "who portrayed shrek",
        "whos the voice actor of shrek",
        "whos the voice of shrek?",
    ],
)
async def test_the_words_asking_who_voices_a_character_are_not_said_as_its_name(
    roles, question
) -> None:
    reply = await ask(roles, question)
    assert reply.kind == "not_found"
    assert reply.text.startswith(
        "I couldn't find a film, person or character I know called “shrek”."
    ), reply.text


async def test_a_catalog_without_characters_is_not_said_to_lack_a_character(catalog_of) -> None:
    films = await catalog_of("films:\n  - {title: Heat, year: 1995, cast: [Al Pacino]}\n")
    reply = await ask(films, "who is gandalf")
    assert reply.text.startswith("I couldn't find a film or person I know called “gandalf”.")


@pytest.mark.parametrize(
    "question", ["whats up with the weather", "tell me about dinosaurs", "whats ur favourite food"]
)
async def test_ordinary_words_asked_about_are_not_taken_for_a_character(roles, question) -> None:
    reply = await ask(roles, question)
    assert reply.text.startswith("I only know about films, so I can't help with that one."), (
        reply.text
    )


async def test_the_cast_of_films_named_by_a_characters_name_is_not_the_character(catalog) -> None:
    reply = await ask(catalog, "who was in all of the alita movies")
    assert reply.text.startswith(
        "Rosa Salazar appears in both Alita: Battle Angel (2019) and Alita: Battle Angel 2 (2025) "
        "[unconfirmed]."
    ), reply.text


ORDINARY_WORDS = """\
films:
  - title: "Dr. Strangelove"
    year: 1964
    directors: [Stanley Kubrick]
    cast: [{person: Peter Sellers, role: President Merkin Muffley}]
    sources: [x]
  - title: Desperado
    year: 1995
    directors: [Robert Rodriguez]
    cast: [{person: Cheech Marin, role: Short Bartender}]
    sources: [x]
  - {title: Aliens, year: 1986, cast: [{person: Carrie Henn, role: Newt}], sources: [x]}
"""


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("who is the president", "I only know about films, so I can't help with that one. "),
        ("tell me the news", "I only know about films, so I can't help with that one. "),
        ("something short", "The catalog has no running times for the films, so it cannot "),
        ("something short to watch", "The catalog has no running times for the films"),
        ("short films", "The catalog has no running times for the films"),
    ],
)
async def test_an_everyday_word_in_a_characters_name_is_not_the_character(
    catalog_of, question, said
) -> None:
    reply = await ask(await catalog_of(ORDINARY_WORDS), question)
    assert reply.text.startswith(said), reply.text
    read = reply.text.split("e.g.")[0]  # not the example questions after
    assert "Bartender" not in read and "Muffley" not in read and "Newt" not in read


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("who plays the president in dr strangelove", "Peter Sellers plays President Merkin "),
        ("who plays the president", "Peter Sellers plays President Merkin Muffley"),
        ("who is newt", "Carrie Henn plays Newt in Aliens (1986)."),
        ("who played the bartender", "Cheech Marin plays Short Bartender in Desperado"),
    ],
)
async def test_a_character_asked_as_one_is_still_found(catalog_of, question, said) -> None:
    reply = await ask(await catalog_of(ORDINARY_WORDS), question)
    assert reply.text.startswith(said), reply.text
