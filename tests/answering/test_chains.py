"""Questions that go through films: a person's films and what is true of them."""

from __future__ import annotations

import pytest

from tests.answering.conftest import (
    HEAT_KB,
    MERGED_HEAT,
    MERGED_HEAT_MANNS,
    ask,
    assert_no_note,
    assert_noted,
)


async def test_two_hop_chains(catalog) -> None:
    directors = await ask(catalog, "who directed the films starring Tom Hanks")
    assert directors.answers == ["Nora Ephron", "Robert Zemeckis"]
    assert directors.text.startswith(
        "Films Tom Hanks appears in: Sleepless in Seattle (1993), You've Got Mail (1998) and "
        "Cast Away (2000). Directed by Nora Ephron and Robert Zemeckis."
    )
    years = await ask(catalog, "the films acted by Meg Ryan were released in which years")
    assert years.answers == ["1993", "1998"]
    assert years.text.endswith("Years: 1993 and 1998.")
    genres = await ask(catalog, "what genres are the films directed by nora ephron")
    assert genres.answers == ["Romantic comedy"]
    same = await ask(catalog, "which movies share the same director of Sleepless in Seattle")
    assert same.answers == ["You've Got Mail"]
    costars = await ask(catalog, "who co-starred with Meg Ryan")
    assert costars.answers == ["Tom Hanks"]


async def test_films_with_two_people_are_the_films_they_share(catalog) -> None:
    reply = await ask(catalog, "films with tom hanks and meg ryan")
    assert reply.answers == ["Sleepless in Seattle", "You've Got Mail"]
    assert "credited together" in reply.text


@pytest.mark.parametrize(
    ("question", "answers"),
    [
        ("Meg Ryan's co-stars", ["Tom Hanks"]),
        ("which actors appeared with meg ryan", ["Tom Hanks"]),
        ("directors of Tom Hanks's films", ["Nora Ephron", "Robert Zemeckis"]),
        ("actors in Nora Ephron's films", ["Tom Hanks", "Meg Ryan"]),
        ("which directors has tom hanks worked with", ["Nora Ephron", "Robert Zemeckis"]),
        ("in which years did meg ryan have films", ["1993", "1998"]),
        ("what else did the director of sleepless in seattle make", ["You've Got Mail"]),
        ("films sharing actors with cast away", ["Sleepless in Seattle", "You've Got Mail"]),
    ],
)
async def test_two_hop_questions_asked_other_ways(catalog, question, answers) -> None:
    assert (await ask(catalog, question)).answers == answers


@pytest.mark.parametrize(
    ("question", "answers"),
    [
        ("which persons wrote the films with Meg Ryan", ["Nora Ephron", "Jeff Arch"]),
        ("which people directed films that tom hanks was in", ["Nora Ephron", "Robert Zemeckis"]),
        ("which movies were directed by the director of you've got mail", ["Sleepless in Seattle"]),
        ("who co-wrote films with jeff arch", ["Nora Ephron"]),
    ],
)
async def test_the_cast_and_a_films_credit_said_in_other_words(catalog, question, answers) -> None:
    assert (await ask(catalog, question)).answers == answers


SHARED_TITLES = """\
films:
  - {title: Storm, year: 1950, directors: [Ann Lee], genres: [Western]}
  - {title: Storm, year: 1990, directors: [Ann Lee], genres: [Western]}
  - {title: Storm, year: 2010, directors: [Ann Lee], genres: [Western]}
  - {title: Quiet Harbour, year: 2005, directors: [Ann Lee], genres: [Drama],
     cast: [Bo Park], languages: [Korean]}
  - {title: Night Shift, year: 1995, directors: [Ann Lee, Cy Vance], writers: [Cy Vance],
     genres: [Drama]}
  - {title: Open Road, year: 1996, directors: [Cy Vance], writers: [Cy Vance], cast: [Cy Vance]}
  - {title: Red Sky, year: 1997, directors: [Dee Moss]}
  - {title: Blue Sky, year: 1998, directors: [Dee Moss]}
  - {title: Last Light, year: 2001, directors: [Dee Moss], writers: [Eve Stone],
     cast: [Eve Stone]}
  - {title: Dark Water, year: 2002, writers: [Gil Ford], languages: [French]}
"""


async def test_a_credit_on_a_title_several_films_share_counts_less(catalog_of) -> None:
    catalog = await catalog_of(SHARED_TITLES)
    # three films called Storm may be one film's facts kept three times: her films with
    # titles of their own come first
    years = await ask(catalog, "when were the films directed by ann lee released")
    assert years.answers[:2] == ["1995", "2005"]
    assert set(years.answers) == {"1950", "1990", "1995", "2005", "2010"}
    genres = await ask(catalog, "what genres are the films directed by ann lee")
    assert genres.answers == ["Drama", "Western"]  # two films against one, not three


async def test_people_reached_through_films_sharing_a_title_count_those_films_less(
    catalog_of,
) -> None:
    catalog = await catalog_of(
        """\
films:
  - {title: Storm, year: 1950, directors: [Ann Lee], cast: [Al Ray, Cy Vance]}
  - {title: Storm, year: 1990, directors: [Ann Lee], cast: [Al Ray]}
  - {title: Storm, year: 2010, directors: [Ann Lee], cast: [Al Ray]}
  - {title: Night Shift, year: 1995, directors: [Ann Lee], cast: [Bo Park]}
  - {title: Open Road, year: 1996, directors: [Ann Lee], cast: [Bo Park, Cy Vance]}
"""
    )
    # the three films called Storm may be one film's facts kept three times: Al Ray is on
    # one film, Cy Vance on one and a third, Bo Park on two
    reply = await ask(catalog, "who acted in the films directed by ann lee")
    assert reply.answers == ["Bo Park", "Cy Vance", "Al Ray"]


async def test_films_sharing_a_director_are_the_directors_other_films(catalog_of) -> None:
    catalog = await catalog_of(SHARED_TITLES)
    # Night Shift has two directors; Ann Lee only directs, Cy Vance also writes and acts
    same = await ask(catalog, "the director of last light also directed which films")
    assert same.answers == ["Red Sky", "Blue Sky"]


async def test_films_sharing_a_credit_with_a_title_of_their_own_come_first(catalog_of) -> None:
    catalog = await catalog_of(SHARED_TITLES)
    # Ann Lee's three films called Storm may be one film's facts kept three times
    same = await ask(catalog, "the director of quiet harbour also directed which films")
    assert same.answers == ["Night Shift", "Storm"]
    assert "Night Shift (1995), Storm (1950), Storm (1990) and Storm (2010)" in same.text


async def test_films_reached_through_several_people_count_a_persons_shared_title_less(
    catalog_of,
) -> None:
    catalog = await catalog_of(
        """\
films:
  - {title: Night Shift, year: 1995, writers: [Cy Vance, Eve Stone]}
  - {title: Storm, year: 1950, writers: [Cy Vance]}
  - {title: Storm, year: 1990, writers: [Cy Vance]}
  - {title: Open Road, year: 1996, writers: [Cy Vance]}
  - {title: Red Sky, year: 1997, writers: [Eve Stone, Cy Vance]}
"""
    )
    # both writers reach Red Sky; Cy Vance's two films called Storm may be one film's
    # facts kept twice: each is half a film of his, Open Road a whole one
    same = await ask(catalog, "the screenwriter of night shift also wrote which films")
    assert same.answers == ["Red Sky", "Open Road", "Storm"]


async def test_two_directors_tied_on_films_the_director_first(catalog_of) -> None:
    catalog = await catalog_of(
        """\
films:
  - {title: Night Shift, year: 1995, directors: [Cy Vance, Ann Lee], writers: [Hal Roe]}
  - {title: Open Road, year: 1996, writers: [Cy Vance], cast: [Cy Vance]}
  - {title: Storm, year: 1950, directors: [Ann Lee]}
"""
    )
    reply = await ask(catalog, "who directed the films written by hal roe")
    assert reply.answers == ["Ann Lee", "Cy Vance"]


async def test_a_person_asked_in_a_role_they_never_had_is_answered_from_their_films(
    catalog_of,
) -> None:
    catalog = await catalog_of(SHARED_TITLES)
    reply = await ask(catalog, "what languages are the films directed by gil ford in")
    assert reply.answers == ["French"]
    assert reply.text.startswith(
        "Gil Ford directed no films in the catalog; Gil Ford is credited as writer on 1 film: "
        "Dark Water (2002)."
    )
    films = await ask(catalog, "what films did gil ford direct")
    assert films.answers == ["Dark Water"]
    assert films.text.startswith("Gil Ford directed no films in the catalog")
    nothing = await ask(catalog, "what films did bo park direct")
    assert nothing.text.startswith("Bo Park directed no films in the catalog")


async def test_a_number_after_a_credit_is_a_title_not_a_year(catalog_of) -> None:
    catalog = await catalog_of(
        """\
films:
  - {title: "1911", year: 2011, directors: [Jackie Chan]}
  - {title: Police Story, year: 1985, directors: [Jackie Chan]}
  - {title: Other, year: 1911, directors: [Jane Roe]}
  - {title: "21", year: 2008, cast: [Jim Sturgess]}
  - {title: Heartless, year: 2009, cast: [Jim Sturgess]}
"""
    )
    same = await ask(catalog, "the director of 1911 also directed which movies")
    assert same.answers == ["Police Story"]
    actor = await ask(catalog, "which films have the same actor of 21")
    assert actor.answers == ["Heartless"]
    year = await ask(catalog, "films from 1911")
    assert year.answers == ["Other"]


async def test_the_person_asked_about_is_not_counted_among_the_tied_answers(catalog_of) -> None:
    catalog = await catalog_of(
        """\
films:
  - {title: One Lie, year: 2009, directors: [Rick Gale, Amy Star, Mat Rob], writers: [Rick Gale]}
  - {title: Junction, year: 2010, directors: [Rick Gale], writers: [Rick Gale]}
  - {title: Big Hit, year: 2003, cast: [Amy Star]}
  - {title: Old Hit, year: 2001, cast: [Amy Star]}
  - {title: Shorts, year: 2012, directors: [Mat Rob]}
"""
    )
    reply = await ask(catalog, "who directed the films written by rick gale")
    assert reply.answers == ["Mat Rob", "Amy Star"]


MISSING_CREDITS = """\
films:
  - {title: Up North, year: 2009, writers: [Jay Reit, Walt Kern], cast: [Gus Clay],
     tags: [travel, jay reit, gus clay]}
  - {title: Juno Bay, year: 2007, directors: [Jay Reit], genres: [Comedy]}
  - {title: Smoke Signals, year: 2005, directors: [Jay Reit]}
  - {title: Spy Games, year: 2002, directors: [Gus Clay], cast: [Gus Clay]}
  - {title: Night Bus, year: 2010, writers: [Walt Kern], cast: [Ida Moon]}
  - {title: Low Tide, year: 2012, directors: [Walt Kern]}
  - {title: Pen Pals, year: 2011, writers: [Ola Fenn]}
  - {title: Ink Runs, year: 2013, cast: [Ola Fenn], genres: [Drama]}
"""


async def test_a_film_without_the_credit_asked_goes_through_the_people_its_tags_name(
    catalog_of,
) -> None:
    catalog = await catalog_of(MISSING_CREDITS)
    reply = await ask(catalog, "the director of up north also directed which movies")
    # of the two people its tags name, the one who mostly directs comes first
    assert reply.answers == ["Smoke Signals", "Juno Bay", "Spy Games"]
    assert reply.text.startswith(
        "The catalog names no director for Up North (2009); it is tagged Jay Reit and Gus Clay, "
        "who directed Smoke Signals (2005), Juno Bay (2007) and Spy Games (2002)."
    )


async def test_a_film_without_the_credit_or_tags_goes_through_its_other_credits(
    catalog_of,
) -> None:
    catalog = await catalog_of(MISSING_CREDITS)
    reply = await ask(catalog, "which films share the same director of night bus")
    assert reply.answers == ["Low Tide"]
    assert reply.text == (
        "The catalog names no director for Night Bus (2010); it credits Walt Kern in another "
        "role, who directed Low Tide (2012)."
    )
    named = await ask(catalog, "which films share the same director of juno bay")
    assert named.answers == ["Smoke Signals"]
    none = await ask(catalog, "which films share the same director of pen pals")
    assert none.answers == []
    assert none.text == "The catalog names no director for Pen Pals (2011)."


async def test_films_in_the_role_asked_lacking_the_fact_give_the_persons_other_films(
    catalog_of,
) -> None:
    catalog = await catalog_of(MISSING_CREDITS)
    reply = await ask(catalog, "what genres are the films written by ola fenn")
    assert reply.answers == ["Drama"]
    assert reply.text == (
        "Films Ola Fenn wrote: Pen Pals (2011). The catalog has no genre for them; other films "
        "Ola Fenn is credited on: Ink Runs (2013). Genre: Drama."
    )
    none = await ask(catalog, "what genres are the films written by walt kern")
    assert none.answers == []
    assert none.text == "The catalog has no genre for the films of Walt Kern."


WAR = """\
films:
  - {title: Full Metal Jacket, year: 1987, directors: [Stanley Kubrick], genres: [War]}
  - {title: Paths of Glory, year: 1957, directors: [Stanley Kubrick], genres: [War]}
"""


async def test_who_made_a_title_the_catalog_lacks_is_not_answered_with_a_genres_films(
    catalog_of,
) -> None:
    films = await catalog_of(WAR)
    for question in ("who directed star wars", "who composed the music for star wars"):
        reply = await ask(films, question)
        assert reply.kind == "not_found", reply.text
        assert "Full Metal Jacket" not in reply.text
    # said as films' genre, the genre is still asked for
    for question in ("who directs war films", "who acted in wars"):
        assert "Full Metal Jacket" in (await ask(films, question)).answers


@pytest.mark.parametrize("question", ["star wars", "Star Wars movie", "star wars flick"])
async def test_a_title_opened_by_a_credit_word_is_not_read_as_a_genre(catalog_of, question) -> None:
    reply = await ask(await catalog_of(WAR), question)
    assert reply.kind == "not_found", reply.text
    assert "“star wars”" in reply.text
    assert "Full Metal Jacket" not in reply.text


@pytest.mark.parametrize(
    ("facts", "question"),
    [
        (WAR, "star wars cast"),
        (WAR, "cast of star wars"),
        (
            "films:\n  - {title: Spaceballs, year: 1987, tags: [star wars, parody]}\n",
            "star wars cast",
        ),
    ],
)
async def test_the_cast_of_a_title_the_catalog_lacks_is_not_a_list_of_films(
    catalog_of, facts, question
) -> None:
    reply = await ask(await catalog_of(facts), question)
    assert reply.kind == "not_found", reply.text
    assert "“star wars”" in reply.text, reply.text


MADE_TOGETHER = """\
films:
  - title: Saving Private Ryan
    year: 1998
    directors: Steven Spielberg
    producers: [Steven Spielberg]
    cast: [Tom Hanks, Matt Damon]
    sources: [x]
  - {title: Jaws, year: 1975, directors: Steven Spielberg, sources: [x]}
  - {title: Big, year: 1988, directors: Penny Marshall, cast: [Tom Hanks], sources: [x]}
  - {title: Together, year: 2000, directors: Lukas Moodysson, sources: [x]}
"""


@pytest.mark.parametrize(
    "question",
    [
        "which films did spielberg and tom hanks make together",
        "what movies have steven spielberg and tom hanks made",
        "did spielberg and tom hanks make any films together",
    ],
)
async def test_films_two_people_made_together_are_those_they_share_in_any_roles(
    catalog_of, question
) -> None:
    catalog = await catalog_of(MADE_TOGETHER)
    reply = await ask(catalog, question)
    assert reply.answers == ["Saving Private Ryan"], reply.text
    assert reply.text.endswith(
        "Steven Spielberg and Tom Hanks are credited together on Saving Private Ryan (1998). "
        "Steven Spielberg as director and producer; Tom Hanks in the cast."
    ), reply.text


async def test_people_who_made_no_film_together_are_said_to_share_none(catalog_of) -> None:
    catalog = await catalog_of(MADE_TOGETHER)
    reply = await ask(catalog, "which films did penny marshall and matt damon make together")
    assert reply.answers == []
    assert reply.text == (
        "The catalog has no films where Penny Marshall and Matt Damon are credited together."
    )


async def test_people_alike_in_the_films_they_share_are_said_so_once(catalog_of) -> None:
    catalog = await catalog_of(MADE_TOGETHER)
    reply = await ask(catalog, "what films did tom hanks and matt damon make together")
    assert reply.text.endswith("Saving Private Ryan (1998). Both in the cast."), reply.text


async def test_the_stories_of_a_persons_films_are_headed_synopses(catalog_of) -> None:
    catalog = await catalog_of(
        "films:\n"
        "  - {title: Big, year: 1988, cast: [Tom Hanks], synopsis: A boy wakes up grown.}\n"
        "  - {title: Splash, year: 1984, cast: [Tom Hanks], synopsis: A man loves a mermaid.}\n"
    )
    reply = await ask(catalog, "synopsis of tom hanks movies")
    assert "Synopses: " in reply.text, reply.text


async def test_a_persons_films_whose_facts_a_source_merged_are_said_to_be_merged(
    metaqa_catalog,
) -> None:
    catalog = await metaqa_catalog(
        HEAT_KB + "Collateral|has_genre|Thriller\nThief|directed_by|Michael Mann\n"
        "Thief|release_year|1981\nThief|starred_actors|James Caan\n"
    )
    merged = MERGED_HEAT.format("the") + ", so some of those films may not be "
    for question, whose in [
        ("what films did michael mann direct", "Michael Mann's."),
        ("movies with al pacino", "Al Pacino's."),
        ("what genres are the films michael mann directed", "Michael Mann's."),
    ]:
        reply = await ask(catalog, question)
        assert "Heat (1972)" in reply.text and "Heat (1995)" in reply.text, reply.text
        assert reply.text.count("Note:") == 1, reply.text
        assert reply.text.endswith(merged + whose), reply.text
    # a list without a merged film has no note
    await assert_no_note(catalog, ["movies with james caan"])


async def test_a_given_name_before_and_a_whole_name_shares_its_surname(metaqa_catalog) -> None:
    catalog = await metaqa_catalog(
        "Fargo|directed_by|Joel Coen\nFargo|directed_by|Ethan Coen\nFargo|release_year|1996\n"
        "Blood Simple|directed_by|Joel Coen\nBlood Simple|release_year|1984\n"
        "The Sixth Sense|starred_actors|Haley Joel\nThe Sixth Sense|release_year|1999\n"
    )
    reply = await ask(catalog, "joel and ethan coen films")
    assert reply.text == (
        "(Reading “joel” as “Joel Coen”.) Joel Coen and Ethan Coen are credited together on "
        "Fargo (1996). Both as director."
    ), reply.text


async def test_films_sharing_a_credit_with_a_merged_film_say_which_facts_were_merged(
    metaqa_catalog,
) -> None:
    catalog = await metaqa_catalog(
        HEAT_KB + "Thief|directed_by|Michael Mann\nThief|release_year|1981\n"
        "Thief|starred_actors|James Caan\nThe Gambler|starred_actors|James Caan\n"
        "The Gambler|release_year|1974\n"
    )
    said = (
        "Heat (1972) and Heat (1995): directed by Michael Mann, who is also credited on "
        "Thief (1981) and Collateral (2004)."
    )
    await assert_noted(
        catalog, [("what else did the director of heat make", said)], MERGED_HEAT_MANNS
    )
    # films reached through films no source merged have no note
    await assert_no_note(catalog, ["what else did the star of thief make"])


PAIRED = """\
films:
  - {title: Sleepless in Seattle, year: 1993, genres: [Romantic comedy],
     cast: [Tom Hanks, Meg Ryan]}
  - {title: Joe Versus the Volcano, year: 1990, genres: [Comedy], cast: [Tom Hanks, Meg Ryan]}
  - {title: Ithaca, year: 2015, genres: [Drama], directors: [Meg Ryan], cast: [Tom Hanks]}
  - {title: Big, year: 1988, genres: [Comedy], cast: [Tom Hanks]}
"""


@pytest.mark.parametrize(
    ("question", "answers", "said"),
    [
        (
            "tom hanks and meg ryan comedies",
            ["Joe Versus the Volcano", "Sleepless in Seattle"],
            "Tom Hanks and Meg Ryan are credited together on 2 comedy films: ",
        ),
        (
            "dramas with tom hanks and meg ryan",
            ["Ithaca"],
            "Tom Hanks and Meg Ryan are credited together on 1 drama film: Ithaca (2015).",
        ),
        (
            "tom hanks and meg ryan westerns",
            [],
            "The catalog has no western films where Tom Hanks and Meg Ryan are credited "
            "together; they are on ",
        ),
    ],
)
async def test_films_two_people_share_of_a_genre_are_those_of_it(
    catalog_of, question, answers, said
) -> None:
    reply = await ask(await catalog_of(PAIRED), question)
    assert reply.answers == answers, reply.text
    assert said in reply.text
    assert "Big (1988)" not in reply.text
