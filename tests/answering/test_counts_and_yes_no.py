"""Counting films, and yes/no questions about a credit."""

from __future__ import annotations

import pytest

from tests.answering.conftest import HEAT_KB, MERGED_HEAT, ask, assert_noted


async def test_counts_and_yes_no_questions(catalog) -> None:
    count = await ask(catalog, "how many movies did stanley kubrick direct")
    assert count.answers == ["2"]
    yes = await ask(catalog, "did nora ephron direct you've got mail?")
    assert yes.answers == ["yes"]
    no = await ask(catalog, "did robert zemeckis direct sleepless in seattle")
    assert no.answers == ["no"]
    assert "directed by Nora Ephron" in no.text


@pytest.mark.parametrize(
    ("question", "said"),
    [
        (
            "did zemeckis direct sleepless in seattle",
            "No: Sleepless in Seattle (1993) was directed by Nora Ephron.",
        ),
        ("did kubrick direct the shining", "Yes: Stanley Kubrick directed The Shining (1980)."),
        ("did kubrick direct shining", "Yes: Stanley Kubrick directed The Shining (1980)."),
        ("was hanks in cast away", "Yes: Tom Hanks is in Cast Away (2000) as Chuck Noland."),
        ("did pacino star in heat", "Yes: Al Pacino is in Heat (1995) as Vincent Hanna."),
    ],
)
async def test_a_surname_said_alone_is_the_one_person_of_that_name(catalog, question, said) -> None:
    reply = await ask(catalog, question)
    assert reply.text.endswith(said), reply.text
    assert reply.text.startswith("(Reading “")


async def test_a_credit_asked_without_a_role_is_any_credit(catalog) -> None:
    no = await ask(catalog, "was tom hanks in heat")
    assert no.answers == ["no"]
    assert "Tom Hanks is not credited on Heat (1995), directed by Michael Mann" in no.text
    assert "Heat (1986)" in no.text  # both films of the title are said no of


@pytest.mark.parametrize(
    ("question", "answers", "said"),
    [
        (
            "is sleepless in seattle a romantic comedy",
            ["yes"],
            "Yes: Sleepless in Seattle (1993) is a romantic comedy film.",
        ),
        ("is cast away a comedy?", ["no"], "No: Cast Away (2000) is a drama film."),
        ("is up animated", ["yes"], "Yes: Up (2009) is an animation film."),
        ("was cast away released in 2000", ["yes"], "Yes: Cast Away came out in 2000."),
        ("did cast away come out in 1999", ["no"], "No: Cast Away came out in 2000."),
        ("was heat released in 1986", ["yes"], "Yes: Heat came out in 1986."),
        ("did cast away come out in 99", ["no"], "No: Cast Away came out in 2000."),
        ("was cast away released in the 2000s", ["yes"], "Yes: Cast Away came out in 2000."),
        (
            "was you've got mail released before 2000",
            ["yes"],
            "Yes: You've Got Mail came out in 1998.",
        ),
    ],
)
async def test_a_genre_or_a_year_asked_yes_or_no(catalog, question, answers, said) -> None:
    reply = await ask(catalog, question)
    assert (reply.answers, reply.text) == (answers, said)


async def test_a_year_asked_of_an_unreleased_film_is_a_claim(catalog) -> None:
    reply = await ask(catalog, "was alita battle angel 2 released in 2025")
    assert reply.text.startswith("Yes: Alita: Battle Angel 2 is said to come out in 2025.")
    assert "This is a claim, not a confirmed fact" in reply.text


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


async def test_how_many_films_of_a_series_counts_the_series_with_the_unreleased_marked(
    catalog_of,
) -> None:
    catalog = await catalog_of(
        """\
films:
  - {title: Avatar, year: 2009, sources: [x]}
  - {title: "Avatar: The Way of Water", year: 2022, follows: avatar-2009, sources: [x]}
  - title: Avatar 4
    status: announced
    follows: avatar-the-way-of-water-2022
    sources: [x]
"""
    )
    reply = await ask(catalog, "how many avatar movies are there")
    assert reply.answers == ["3"]
    assert reply.text.startswith("3 films of the series are in the catalog (1 not released yet)")
    assert "Avatar 4 [announced]" in reply.text


@pytest.mark.parametrize(
    ("question", "answers", "said"),
    [
        (
            "how many movies did stanley kubrick direct",
            ["2"],
            "Stanley Kubrick directed 2 films in the catalog: The Shining (1980) and "
            "Full Metal Jacket (1987).",
        ),
        (
            "how many films has tom hanks been in",
            ["3"],
            "Tom Hanks appears in 3 films in the catalog: Sleepless in Seattle (1993), "
            "You've Got Mail (1998) "
            "and Cast Away (2000).",
        ),
        (
            "number of films starring meg ryan",
            ["2"],
            "Meg Ryan appears in 2 films in the catalog: Sleepless in Seattle (1993) and "
            "You've Got Mail (1998).",
        ),
        (
            "how many films did tom hanks and meg ryan make together",
            ["2"],
            "Tom Hanks and Meg Ryan are credited together on 2 films in the catalog: "
            "Sleepless in Seattle (1993) and You've Got Mail (1998). Both in the cast.",
        ),
        (
            "how many films did nora ephron write",
            ["1"],
            "Nora Ephron wrote 1 film in the catalog: Sleepless in Seattle (1993).",
        ),
    ],
)
async def test_a_count_of_films_is_said_in_the_sentence_listing_them(
    catalog, question, answers, said
) -> None:
    reply = await ask(catalog, question)
    assert (reply.answers, reply.text) == (answers, said)


async def test_a_count_of_the_names_on_a_film_says_what_it_counts(catalog) -> None:
    reply = await ask(catalog, "how many writers does sleepless in seattle have")
    assert reply.answers == ["2"]
    assert reply.text.startswith("The catalog lists 2 writers. Sleepless in Seattle (1993): ")
    assert not reply.text.startswith("1")


async def test_a_count_of_nothing_says_so_without_a_number_before_it(catalog) -> None:
    reply = await ask(catalog, "how many films did ed asner and meg ryan make together")
    assert reply.answers == []
    assert reply.text.startswith("The catalog has no films where Ed Asner and Meg Ryan")


async def test_a_count_of_a_persons_films_of_some_years_counts_those_years_only(catalog) -> None:
    reply = await ask(catalog, "how many tom hanks movies are from the 90s")
    assert reply.answers == ["2"]
    assert reply.text.startswith("Films with Tom Hanks from the 1990s (2): ")
    assert "Cast Away" not in reply.text


async def test_a_count_of_a_persons_films_after_a_film_counts_those_after_it(catalog) -> None:
    reply = await ask(catalog, "how many films has tom hanks been in since sleepless in seattle")
    assert reply.answers == ["2"]
    assert reply.text.startswith("Films starring Tom Hanks since Sleepless in Seattle (1993) (2): ")
    # who made it said between "since" and the film, as a listing reads it
    said = await ask(
        catalog, "how many films has tom hanks made since he was in sleepless in seattle"
    )
    assert said.answers == ["2"], said.text
    assert said.text.startswith("Films with Tom Hanks since Sleepless in Seattle (1993) (2): ")


async def test_films_a_person_made_of_some_years_are_in_any_role_when_none_directed(
    catalog,
) -> None:
    reply = await ask(catalog, "how many films did tom hanks make before 1999")
    assert reply.answers == ["2"]
    assert reply.text.startswith("Films with Tom Hanks before 1999 (2): ")


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("how many minutes is up", "Up (2009) runs 96 minutes."),
        ("how many hours long is up", "Up (2009) runs 96 minutes."),
        ("how many years ago did up come out", "Up came out in 2009."),
        ("how many sequels does up have", "Up (2009) is followed by Up Again (2012)."),
    ],
)
async def test_a_how_many_asking_one_fact_is_answered_without_a_count_before_it(
    catalog_of, question, said
) -> None:
    catalog = await catalog_of(
        """\
films:
  - {title: Up, year: 2009, runtime_minutes: 96, sources: [x]}
  - {title: Up Again, year: 2012, follows: up-2009, sources: [x]}
"""
    )
    reply = await ask(catalog, question)
    assert reply.text == said


ROLES = """\
films:
  - {title: Night Shift, year: 1995, directors: [Ann Lee], cast: [Bo Park, Cy Vance]}
  - {title: Open Road, year: 1996, directors: [Dee Moss], cast: [Bo Park]}
  - {title: Dark Water, year: 2002, directors: [Dee Moss], writers: [Cy Vance]}
"""


@pytest.mark.parametrize(
    "question",
    ["how many films did bo park direct", "how many movies has bo park directed"],
)
async def test_a_count_of_a_role_never_had_is_none_with_the_other_films_said(
    catalog_of, question
) -> None:
    catalog = await catalog_of(ROLES)
    reply = await ask(catalog, question)
    assert reply.answers == ["0"]
    assert reply.text == (
        "Bo Park directed no films in the catalog; Bo Park is in the cast of 2 films: "
        "Night Shift (1995) and Open Road (1996)."
    )


async def test_whether_someone_had_a_role_they_never_had_is_no(catalog_of) -> None:
    catalog = await catalog_of(ROLES)
    reply = await ask(catalog, "did cy vance direct anything")
    assert reply.text == (
        "No: Cy Vance directed no films in the catalog; Cy Vance is credited as writer and "
        "in the cast on 2 films: Night Shift (1995) and Dark Water (2002)."
    )
    # a role they had is counted as before
    count = await ask(catalog, "how many films did dee moss direct")
    assert count.answers == ["2"]
    assert count.text.startswith("Dee Moss directed 2 films in the catalog: ")


async def test_whether_someone_had_a_role_they_had_is_yes(catalog_of) -> None:
    catalog = await catalog_of(ROLES)
    reply = await ask(catalog, "did dee moss direct anything")
    assert reply.text == "Yes: Dee Moss directed Open Road (1996) and Dark Water (2002)."
    together = await ask(catalog, "did bo park and cy vance work together")
    assert together.text.startswith("Yes: Bo Park and Cy Vance are credited together on ")
    apart = await ask(catalog, "did ann lee and dee moss work together")
    assert apart.text.startswith("No: The catalog has no films where Ann Lee and Dee Moss ")
    # not asked whether: no verdict
    listed = await ask(catalog, "what did dee moss direct")
    assert listed.text.startswith("Dee Moss directed ")


SPOKEN = """\
films:
  - {title: Parasite, year: 2019, languages: [Korean], countries: [South Korea]}
  - {title: Amelie, year: 2001, languages: [French], countries: [France]}
  - {title: Jaws, year: 1975, directors: [Steven Spielberg]}
"""


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("is parasite korean", "Yes: Parasite (2019) is in Korean, from South Korea."),
        ("is amelie in korean", "No: Amelie (2001) is in French, from France."),
        ("is jaws french", "The catalog has no language for Jaws (1975)."),
    ],
)
async def test_whether_a_film_is_in_a_language_says_its_languages(
    catalog_of, question, said
) -> None:
    catalog = await catalog_of(SPOKEN)
    assert (await ask(catalog, question)).text == said


@pytest.mark.parametrize(
    ("question", "answers", "said"),
    [
        # a language no film in the catalog is in is still a language asked
        ("is parasite spanish", ["no"], "No: Parasite (2019) is in Korean, from South Korea."),
        # the catalog has no language for Jaws: neither yes nor no
        ("is jaws french", [], "The catalog has no language for Jaws (1975)."),
        ("is jaws a comedy", [], "The catalog has no genre for Jaws (1975)."),
    ],
)
async def test_a_yes_or_no_is_said_only_from_what_the_catalog_has(
    catalog_of, question, answers, said
) -> None:
    reply = await ask(await catalog_of(SPOKEN), question)
    assert (reply.answers, reply.text) == (answers, said)


COMPANIES = """films:
  - {title: Up, year: 2009, companies: [Pixar Animation Studios, Walt Disney Pictures]}
  - {title: Jaws, year: 1975, companies: [Universal Pictures]}
  - {title: Heat, year: 1995}
"""


@pytest.mark.parametrize(
    ("question", "answers", "said"),
    [
        ("is up a pixar movie", ["yes"], "is from Pixar Animation Studios and Walt Disney"),
        ("is jaws a pixar film", ["no"], "No: Jaws (1975) is from Universal Pictures."),
        ("is heat a pixar movie", [], "The catalog has no company for Heat (1995)."),
        ("is up a disney movie", ["yes"], "is from Pixar Animation Studios and Walt Disney"),
        ("is jaws a disney film", ["no"], "No: Jaws (1975) is from Universal Pictures."),
    ],
)
async def test_whether_a_film_is_from_a_company_said_for_short_says_its_companies(
    catalog_of, question, answers, said
) -> None:
    reply = await ask(await catalog_of(COMPANIES), question)
    assert reply.answers == answers, reply.text
    assert said in reply.text


async def test_together_is_the_film_only_when_said_as_one(catalog_of) -> None:
    catalog = await catalog_of(
        ROLES + "  - {title: Together, year: 2000, directors: [Lukas Moodysson]}\n"
    )
    reply = await ask(catalog, "was bo park in together")
    assert reply.text.startswith("No: Bo Park is not credited on Together (2000)")
    reply = await ask(catalog, "did bo park and zed quill ever act together")
    assert "Together (2000)" not in reply.text


@pytest.mark.parametrize(
    ("question", "said"),
    [("was tom hanks in big", "“big”"), ("was tom hanks in the green mile", "“green mile”")],
)
async def test_whether_someone_was_in_a_film_the_catalog_lacks_is_not_yes(
    catalog_of, question, said
) -> None:
    catalog = await catalog_of(
        "films:\n  - {title: Cast Away, year: 2000, cast: [Tom Hanks]}\n"
        "  - {title: Heat, year: 1995, cast: [Al Pacino]}\n"
    )
    reply = await ask(catalog, question)
    assert reply.kind == "not_found", reply.text
    assert said in reply.text
    assert "Cast Away" not in reply.text


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("is gladiator a comedy", "gladiator"),
        ("Is Gladiator a drama movie?", "gladiator"),
        ("was gladiator a comedy film", "gladiator"),
        ("is gladiatr drama", "gladiatr"),
        ("is the gladiator a drama flick", "gladiator"),
    ],
)
async def test_a_genre_asked_of_a_film_the_catalog_lacks_says_so(catalog, question, said) -> None:
    reply = await ask(catalog, question)
    assert reply.kind == "not_found", reply.text
    assert f"“{said}”" in reply.text
    assert "Cast Away" not in reply.answers  # not the genre's films


async def test_a_yes_or_no_of_facts_a_source_merged_says_they_were_merged(metaqa_catalog) -> None:
    catalog = await metaqa_catalog(HEAT_KB)
    asked = [
        ("did michael mann direct heat", "Yes: Michael Mann directed Heat (1972)."),
        ("was al pacino in heat", "Yes: Al Pacino is in Heat (1972)."),
        ("is heat a crime film", "Yes: Heat (1972) is a crime film."),
    ]
    await assert_noted(catalog, asked, MERGED_HEAT.format("these") + ".")
    # each film's year is its own; a film whose facts were not merged has no note
    for question in ["was heat released in 1995", "did michael mann direct collateral"]:
        reply = await ask(catalog, question)
        assert reply.answers == ["yes"] and "Note:" not in reply.text, reply.text


@pytest.mark.parametrize(
    ("question", "answers", "said"),
    [
        (
            "was tom hanks and meg ryan in sleepless in seattle",
            ["yes"],
            "Yes: Tom Hanks (Sam Baldwin) and Meg Ryan (Annie Reed) are in "
            "Sleepless in Seattle (1993).",
        ),
        (
            "was al pacino and tom hanks in heat",
            ["no"],
            "No: Tom Hanks is not credited on Heat (1995); Al Pacino is in it as Vincent Hanna.",
        ),
        (
            "was tom hanks or al pacino in sleepless in seattle",
            ["yes"],
            "Yes: Tom Hanks is in Sleepless in Seattle (1993) as Sam Baldwin; Al Pacino is not.",
        ),
        ("did cameron and kubrick direct the shining", ["no"], "was directed by Stanley Kubrick."),
        ("did cameron or kubrick direct the shining", ["yes"], "Yes: Stanley Kubrick directed "),
    ],
)
async def test_a_credit_asked_of_several_people_is_said_of_each(
    catalog, question, answers, said
) -> None:
    reply = await ask(catalog, question)
    assert reply.answers == answers, reply.text
    assert said in reply.text


async def test_a_credit_of_several_people_says_what_each_did(catalog_of) -> None:
    catalog = await catalog_of(ROLES)
    both = await ask(catalog, "were bo park and cy vance in night shift")
    assert both.text == "Yes: Bo Park and Cy Vance are in Night Shift (1995)."
    roles = await ask(catalog, "did dee moss and cy vance work on dark water")
    assert roles.text == "Yes: Dee Moss directed Dark Water (2002), and Cy Vance wrote it."
    made = await ask(catalog, "did dee moss and cy vance make dark water")  # "make": direct
    assert made.text == "No: Dark Water (2002) was directed by Dee Moss."
    either = await ask(catalog, "was ann lee or dee moss in open road")
    assert either.answers == ["yes"]
    assert either.text == "Yes: Dee Moss directed Open Road (1996); Ann Lee is not."
    neither = await ask(catalog, "was ann lee or cy vance in open road")
    assert neither.answers == ["no"]
    assert neither.text.startswith(
        "No: neither Ann Lee nor Cy Vance is credited on Open Road (1996)"
    )


SOLO = ROLES + "  - {title: Solo Act, year: 2001, directors: [Eve Stone], writers: [Eve Stone]}\n"


@pytest.mark.parametrize(
    ("question", "answers", "said"),
    [
        (
            "did eve stone write and direct solo act",
            ["yes"],
            "Yes: Eve Stone wrote and directed Solo Act (2001).",
        ),
        (
            "did dee moss write and direct dark water",
            ["no"],
            "No: Dark Water (2002): Dee Moss directed it; it was written by Cy Vance.",
        ),
        (
            "did cy vance direct and write night shift",
            ["no"],
            "No: Night Shift (1995): it was directed by Ann Lee; the catalog names no writer.",
        ),
    ],
)
async def test_several_roles_asked_of_one_person_are_each_checked(
    catalog_of, question, answers, said
) -> None:
    reply = await ask(await catalog_of(SOLO), question)
    assert reply.answers == answers, reply.text
    assert reply.text == said


@pytest.mark.parametrize(
    "question",
    [
        "was bo park in true lies",
        "did dee moss direct true lies",
        "did bo park star in the abyss",
        "has dee moss directed true lies",
    ],
)
async def test_a_credit_asked_on_a_film_the_catalog_lacks_says_it_lacks_it(
    catalog_of, question
) -> None:
    reply = await ask(await catalog_of(SOLO), question)
    assert reply.kind == "not_found", reply.text
    assert reply.answers == []
    assert reply.text.startswith("I couldn't find a film or person I know called “")
    assert "“true lies”" in reply.text or "“abyss”" in reply.text


TWO_HEATS = """\
films:
  - title: Heat
    year: 1995
    directors: [Michael Mann]
    cast: [Al Pacino]
    genres: [Crime, Thriller]
    sources: [x]
  - {title: Heat, year: 1986, directors: [Dick Richards], cast: [Burt Reynolds], sources: [x]}
  - title: Marnie
    year: 1964
    directors: [Alfred Hitchcock]
    genres: [Psychological thriller, Drama]
    sources: [x]
"""


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("did michael mann direct heat 1986", "No: Heat (1986) was directed by Dick Richards."),
        ("did michael mann direct heat 1995", "Yes: Michael Mann directed Heat (1995)."),
        ("was al pacino in heat 1986", "No: Al Pacino is not credited on Heat (1986)"),
        # no year said: of the two, the one it is true of
        ("did michael mann direct heat", "Yes: Michael Mann directed Heat (1995)."),
    ],
)
async def test_a_year_said_with_a_title_asks_of_that_film(catalog_of, question, said) -> None:
    reply = await ask(await catalog_of(TWO_HEATS), question)
    assert reply.text.startswith(said), reply.text


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("is marnie a thriller", "Yes: Marnie (1964) is a psychological thriller film."),
        ("is marnie a drama", "Yes: Marnie (1964) is a drama film."),
        ("is marnie a comedy", "No: Marnie (1964) is a psychological thriller and drama film."),
    ],
)
async def test_a_kind_of_a_genre_is_of_the_genre(catalog_of, question, said) -> None:
    reply = await ask(await catalog_of(TWO_HEATS), question)
    assert reply.text == said


@pytest.mark.parametrize(
    ("question", "said"),
    [
        (
            "is marnie a drama or a thriller",
            "Marnie (1964) is a drama and psychological thriller film.",
        ),
        ("is marnie drama or comedy", "Marnie (1964) is a drama film, not a comedy film."),
        (
            "is marnie a comedy or a western?",
            "Marnie (1964) is not a comedy or western film: it is a psychological thriller and "
            "drama film.",
        ),
        # each film of the title, one with no genre said so
        (
            "is heat crime or sci fi",
            "Heat (1995) is a crime film, not a science fiction film. The catalog has no genre "
            "for Heat (1986).",
        ),
        (
            "is marnie a drama and a thriller",
            "Yes: Marnie (1964) is a drama and psychological thriller film.",
        ),
        ("is marnie a drama and a comedy", "No: Marnie (1964) is a drama film, not a comedy film."),
    ],
)
async def test_genres_asked_either_or_are_each_answered(catalog_of, question, said) -> None:
    reply = await ask(await catalog_of(TWO_HEATS), question)
    assert reply.text == said


async def test_names_counted_on_a_title_films_share_are_counted_for_each(catalog) -> None:
    reply = await ask(catalog, "how many actors are in heat")
    said = "The catalog lists 1 cast member for Heat (1986) and 2 for Heat (1995). "
    assert reply.text.startswith(said), reply.text
    assert reply.answers == ["1", "2"]
    # a year said: the one film, counted alone
    one = await ask(catalog, "how many actors are in heat 1995")
    assert one.answers == ["2"] and one.text.startswith("The catalog lists 2 cast members. ")


_VERBS = """\
films:
  - title: The Terminator
    year: 1984
    directors: [James Cameron]
    writers: [James Cameron, Gale Anne Hurd]
    cast: [{person: Arnold Schwarzenegger, role: The Terminator}]
    sources: [x]
  - {title: Speed, year: 1994, directors: [Jan de Bont], cast: [Keanu Reeves], sources: [x]}
  - {title: The Rite, year: 2011, cast: [Anthony Hopkins], sources: [x]}
"""


@pytest.mark.parametrize(
    ("question", "said"),
    [
        (
            "did cameron rite the terminator",
            "(Reading “cameron” as “James Cameron”, “rite” as “write”.) Yes: James Cameron wrote "
            "The Terminator (1984).",
        ),
        (
            "did james cameron derect the terminator?",
            "(Reading “derect” as “direct”.) Yes: James Cameron directed The Terminator (1984).",
        ),
        (
            "did keanu reeves direkt speed",
            "(Reading “direkt” as “direct”.) No: Speed (1994) was directed by Jan de Bont.",
        ),
        (
            "did keanu reeves stared in speed",
            "(Reading “stared” as “starred”.) Yes: Keanu Reeves is in Speed (1994).",
        ),
    ],
)
async def test_a_misspelt_verb_of_a_credit_is_read_as_the_verb_and_said_so(
    catalog_of, question, said
) -> None:
    reply = await ask(await catalog_of(_VERBS), question)
    assert reply.text == said


async def test_a_title_like_a_misspelt_verb_is_still_the_title(catalog_of) -> None:
    reply = await ask(await catalog_of(_VERBS), "was anthony hopkins in the rite")
    assert reply.text == "Yes: Anthony Hopkins is in The Rite (2011)."


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("is marnie psychological thriller drama", "Yes: Marnie (1964) is a psychological "),
        ("is marnie a drama comedy film", "No: Marnie (1964) is a drama film, not a comedy "),
        ("is heat a sci fi crime movie", "No: Heat (1995) is a crime film, not a science "),
    ],
)
async def test_genres_said_side_by_side_are_each_checked(catalog_of, question, said) -> None:
    # "is alien sci fi horror": both genres, as if said with "and"
    reply = await ask(await catalog_of(TWO_HEATS), question)
    assert reply.text.startswith(said), reply.text
