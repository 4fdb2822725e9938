"""One fact of one film, and the honesty rules for films that are not released."""

from __future__ import annotations

import pytest

from tests.answering.conftest import HEAT_KB, ask, assert_no_note


@pytest.mark.parametrize(
    ("question", "first", "in_text"),
    [
        ("who directed heat", "Dick Richards", "Heat (1995): directed by Michael Mann"),
        ("what year did sleepless in seattle come out", "1993", "came out in 1993"),
        ("what genre is cast away", "Drama", "Cast Away (2000): genres Drama"),
        ("which language is Sleepless in Seattle in", "English", "in English"),
        ("who wrote sleepless in seattle", "Nora Ephron", "written by Nora Ephron and Jeff Arch"),
        ("who composed the music for alita battle angel", "Tom Holkenborg", "music by"),
        ("who is in up", "Ed Asner", "starring Ed Asner (Carl Fredricksen)"),
        ("what films did nora ephron direct", "Sleepless in Seattle", "Nora Ephron directed"),
        ("which movies are romantic comedies", "Sleepless in Seattle", "You've Got Mail"),
        ("list dramas", "Cast Away", "Drama films (1): Cast Away (2000)."),
        ("what movies are about bookshop", "You've Got Mail", "Films about bookshop ("),
    ],
)
async def test_one_hop_questions_in_both_directions(catalog, question, first, in_text) -> None:
    reply = await ask(catalog, question)
    assert reply.answers[0] == first, reply.text
    assert in_text in reply.text


async def test_an_unconfirmed_film_is_always_a_claim_with_its_source(catalog) -> None:
    for question in ("who directed alita battle angel 2", "who plays nova in alita battle angel 2"):
        reply = await ask(catalog, question)
        assert "This is a claim, not a confirmed fact" in reply.text, reply.text
        assert "Promotional text of a fan-made concept trailer" in reply.text
    status = await ask(catalog, "is alita battle angel 2 real?")
    assert status.answers == ["unconfirmed"]


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("how would people rate Brazil", "good"),
        ("what do people think of brazil", "good"),
        ("what is popular opinion about Brazil", "good"),
        ("what rating would people give brazil", "good"),
        ("what was the popularity rating of Brazil", "famous"),
        ("how popular was brazil", "famous"),
    ],
)
async def test_opinion_and_popularity_questions(brazil, question: str, first: str) -> None:
    assert (await ask(brazil, question)).answers == [first]


async def test_release_questions_about_an_unreleased_film_never_say_it_came_out(catalog) -> None:
    released = await ask(catalog, "has alita battle angel 2 been released?")
    assert released.answers == ["unconfirmed"]
    assert (await ask(catalog, "is cast away out yet")).answers == ["released"]
    when = await ask(catalog, "when does alita battle angel 2 come out")
    assert when.answers == ["2025"]
    assert "is said to come out in 2025" in when.text and "came out" not in when.text
    assert "This is a claim, not a confirmed fact" in when.text


@pytest.mark.parametrize(
    ("question", "answers"),
    [
        ("who made brazil", ["Terry Gilliam"]),
        ("who was behind the camera on Brazil", ["Terry Gilliam"]),
        ("who played in the last ride", ["Jesse James"]),
        ("films about dystopia", ["Brazil"]),
        ("recommend a movie about dystopia", ["Brazil"]),
        ("who directed dystopia", ["Jane Roe"]),
    ],
)
async def test_more_ways_to_ask(brazil, question: str, answers: list[str]) -> None:
    assert (await ask(brazil, question)).answers == answers


async def test_where_the_facts_come_from(catalog) -> None:
    reply = await ask(catalog, "what is the source for alita battle angel 2")
    assert reply.answers == ["Promotional text of a fan-made concept trailer"]
    assert "is unconfirmed" in reply.text
    assert (await ask(catalog, "sources for cast away")).answers == ["https://example.org/castaway"]


async def test_release_questions_ask_the_status_and_when_asks_the_year(catalog) -> None:
    assert (await ask(catalog, "did alita battle angel 2 come out")).answers == ["unconfirmed"]
    assert (await ask(catalog, "was cast away released")).answers == ["released"]
    assert (await ask(catalog, "when was cast away released")).answers == ["2000"]
    assert (await ask(catalog, "who produced alita battle angel")).answers[0] == "James Cameron"


async def test_tagline_and_trailer_are_read_or_said_missing(catalog_of) -> None:
    films = await catalog_of(
        """\
films:
  - {title: Jaws, year: 1975, tagline: "Don't go in the water.", trailer: https://example.org/t}
  - {title: Heat, year: 1995}
"""
    )
    assert (await ask(films, "whats the tagline of jaws")).answers == ["Don't go in the water."]
    assert (await ask(films, "is there a trailer for jaws")).answers == ["https://example.org/t"]
    missing = await ask(films, "what's the tagline of heat")
    assert missing.answers == [] and missing.text == "The catalog has no tagline for Heat (1995)."


@pytest.mark.parametrize(
    "question", ["what are some movies about vampires", "what are the films about vampires"]
)
async def test_films_about_a_tag_asked_with_a_few_words_before_films(catalog_of, question) -> None:
    catalog = await catalog_of(
        """\
films:
  - {title: Vampires, year: 1998, tags: [vampires], sources: [x]}
  - {title: Dracula, year: 1931, tags: [vampires], sources: [x]}
  - {title: Nosferatu, year: 1922, tags: [vampires], sources: [x]}
"""
    )
    reply = await ask(catalog, question)
    assert reply.answers == ["Nosferatu", "Dracula", "Vampires"], reply.text
    about = await ask(catalog, "what is the movie vampires about")
    assert not about.text.startswith("Films about"), about.text


RATED = """\
films:
  - {title: The Dark Knight, year: 2008, imdb_rating: 9.0, sources: [x]}
  - {title: The Mob, year: 1951, sources: [x]}
  - {title: Jaws, year: 1975, composer: John Williams, sources: [x]}
"""


@pytest.mark.parametrize(
    ("question", "answers", "said"),
    [
        (
            "whats the imdb rating of the dark knight",
            ["9.0"],
            "The Dark Knight (2008) is rated 9.0 on IMDb.",
        ),
        ("the dark knight imdb score", ["9.0"], "The Dark Knight (2008) is rated 9.0 on IMDb."),
        ("imdb rating for jaws", [], "The catalog has no IMDb rating for Jaws (1975)."),
        (
            "what's the rotten tomatoes score of the dark knight",
            ["9.0"],
            "The catalog has no Rotten Tomatoes rating for The Dark Knight (2008); the only "
            "ratings it keeps are IMDb's: The Dark Knight (2008) is rated 9.0 on IMDb.",
        ),
        (
            "jaws metacritic",
            [],
            "The catalog has no Metacritic rating for Jaws (1975); the only ratings it keeps "
            "are IMDb's, and it has none for this film.",
        ),
    ],
)
async def test_the_rating_sites_named_are_words_of_the_question_not_titles(
    catalog_of, question, answers, said
) -> None:
    catalog = await catalog_of(RATED)
    reply = await ask(catalog, question)
    assert (reply.answers, reply.text) == (answers, said)
    assert "The Mob" not in reply.text


async def test_a_score_said_alone_is_still_the_music(catalog_of) -> None:
    catalog = await catalog_of(RATED)
    reply = await ask(catalog, "who composed the score for jaws")
    assert reply.answers == ["John Williams"]


async def test_a_rating_site_is_not_echoed_as_a_name_not_found(catalog_of) -> None:
    catalog = await catalog_of(RATED)
    reply = await ask(catalog, "the rotten tomatoes rating of inception")
    assert reply.kind == "not_found"
    assert "“inception”" in reply.text


_SHARED_PEOPLE = """\
films:
  - {title: Titanic, year: 1997, directors: [James Cameron], cast: [Kate Winslet], sources: [x]}
  - {title: Avatar, year: 2009, directors: [James Cameron], cast: [Sam Worthington], sources: [x]}
  - {title: Heat, year: 1995, directors: [Michael Mann], cast: [Al Pacino], sources: [x]}
  - {title: Heat, year: 1986, directors: [Dick Richards], cast: [Burt Reynolds], sources: [x]}
  - {title: Collateral, year: 2004, directors: [Michael Mann], cast: [Tom Cruise], sources: [x]}
  - {title: Avatar 5, year: 2031, status: announced, directors: [James Cameron], sources: [x]}
"""


@pytest.mark.parametrize(
    ("question", "answers", "said"),
    [
        (
            "who directed both titanic and avatar",
            ["James Cameron"],
            "James Cameron directed both Titanic (1997) and Avatar (2009).\n",
        ),
        (  # a title two films share counts once, either of them
            "which director do heat and collateral have in common",
            ["Michael Mann"],
            "Michael Mann directed both Heat and Collateral (2004).\n",
        ),
        (
            "what actors are in both heat and collateral",
            [],
            "No one is in the cast of both Heat and Collateral (2004) in the catalog.\n",
        ),
        (  # a film not released: its credits are claims
            "who directed both avatar and avatar 5",
            ["James Cameron"],
            "James Cameron directed both Avatar (2009) and Avatar 5 (2031) [announced]. Films "
            "marked in brackets are not released; their credits are claims.\n",
        ),
    ],
)
async def test_people_several_films_share_are_said_before_each_films_own(
    catalog_of, question, answers, said
) -> None:
    catalog = await catalog_of(_SHARED_PEOPLE)
    reply = await ask(catalog, question)
    assert reply.answers == answers, reply.text
    assert reply.text.startswith(said), reply.text


_SERIES = """\
films:
  - title: The Terminator
    year: 1984
    directors: [James Cameron]
    cast: [Arnold Schwarzenegger, Michael Biehn, Linda Hamilton]
    sources: [x]
  - title: "Terminator 2: Judgment Day"
    year: 1991
    follows: the-terminator-1984
    directors: [James Cameron]
    cast: [Arnold Schwarzenegger, Linda Hamilton, Edward Furlong]
    sources: [x]
  - title: Terminator 3
    year: 2031
    status: announced
    follows: terminator-2-judgment-day-1991
    sources: [x]
"""


@pytest.mark.parametrize(
    ("question", "answers", "said"),
    [
        (
            "what actors are in both terminator movies",
            ["Arnold Schwarzenegger", "Linda Hamilton"],
            "Arnold Schwarzenegger and Linda Hamilton appear in both The Terminator (1984) and "
            "Terminator 2: Judgment Day (1991).\n",
        ),
        (
            "who directed all the terminator films",
            ["James Cameron"],
            "James Cameron directed both The Terminator (1984) and Terminator 2: Judgment Day "
            "(1991).\n",
        ),
    ],
)
async def test_people_the_films_of_a_series_share_are_said_before_each_films_own(
    catalog_of, question, answers, said
) -> None:
    reply = await ask(await catalog_of(_SERIES), question)
    assert reply.answers == answers, reply.text
    assert reply.text.startswith(said), reply.text
    # each film of the series is said, the one whose credits the catalog does not know too
    assert reply.text.endswith(
        " for Terminator 3 (2031). Terminator 3 (2031) is announced (it has not been released "
        "yet). Source: x."
    ), reply.text


async def test_films_named_together_without_both_are_answered_each_alone(catalog_of) -> None:
    catalog = await catalog_of(_SHARED_PEOPLE)
    reply = await ask(catalog, "who directed titanic and avatar")
    assert (
        reply.text
        == "Titanic (1997): directed by James Cameron.\nAvatar (2009): directed by James Cameron."
    )


async def test_facts_a_source_merged_for_films_of_one_title_are_said_to_be_merged(
    metaqa_catalog,
) -> None:
    catalog = await metaqa_catalog(HEAT_KB)
    merged = "Note: the source lists these facts once for every film titled “Heat”"
    for question in ("who directed heat", "whats heat", "what genre is heat"):
        reply = await ask(catalog, question)
        assert reply.text.count(merged) == 1, reply.text
        assert "Heat (1972)" in reply.text and "Heat (1995)" in reply.text
    # each film's year is its own; a film whose facts were not merged has no note
    await assert_no_note(catalog, ["when did heat come out", "who directed collateral"])


_IN_COMMON = """\
films:
  - title: Heat
    year: 1995
    directors: [Michael Mann]
    writers: [Michael Mann]
    cast: [Al Pacino, Jon Voight]
    genres: [Crime, Thriller]
    setting: [Los Angeles]
    countries: [United States]
    sources: [x]
  - {title: Heat, year: 1986, directors: [Dick Richards], genres: [Action, Crime], sources: [x]}
  - title: Collateral
    year: 2004
    directors: [Michael Mann]
    writers: [Stuart Beattie]
    cast: [Tom Cruise, Jon Voight]
    genres: [Crime, Thriller]
    setting: [Los Angeles]
    countries: [United States]
    sources: [x]
  - {title: Casablanca, year: 1942, directors: [Michael Curtiz], genres: [Romance], sources: [x]}
  - {title: Avatar 5, year: 2031, status: announced, directors: [Michael Mann], sources: [x]}
"""


@pytest.mark.parametrize(
    ("question", "said"),
    [
        (  # of the two films called Heat, the one with the most in common
            "what do heat and collateral have in common",
            "What Heat (1995) and Collateral (2004) have in common: Michael Mann directed both; "
            "Jon Voight appears in both; both are crime and thriller films; both are set in Los "
            "Angeles; both are from the United States.",
        ),
        (
            "what does heat 1986 share with collateral??",
            "What Heat (1986) and Collateral (2004) have in common: both are crime films.",
        ),
        (
            "what do casablanca and collateral have in common",
            "Casablanca (1942) and Collateral (2004) have nothing in common in the catalog: no "
            "one is credited on both in the same role, and they share no genre, setting, tag, "
            "company, language or country.",
        ),
        (  # a film not released: what it shares is a claim
            "what do collateral and avatar 5 have in common",
            "What Collateral (2004) and Avatar 5 (2031) [announced] have in common: Michael Mann "
            "directed both. Films marked in brackets are not released; their credits are claims.",
        ),
    ],
)
async def test_what_films_have_in_common_is_all_they_share(catalog_of, question, said) -> None:
    reply = await ask(await catalog_of(_IN_COMMON), question)
    assert reply.text == said
