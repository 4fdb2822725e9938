"""The answering engine: every question form over a tiny catalog, and the honesty rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answering.engine import MAX_QUESTION_CHARS, answer
from bot.store.live import Store
from tests.conftest import ALITA, ALITA_2, HEAT

MORE = """\
films:
  - title: Sleepless in Seattle
    year: 1993
    directors: Nora Ephron
    writers: [Nora Ephron, Jeff Arch]
    cast: [{person: Tom Hanks, role: Sam Baldwin}, {person: Meg Ryan, role: Annie Reed}]
    genres: [Romantic comedy]
    languages: [English]
    sources: [https://example.org/sleepless]
  - title: You've Got Mail
    year: 1998
    directors: Nora Ephron
    cast: [{person: Tom Hanks, role: Joe Fox}, {person: Meg Ryan, role: Kathleen Kelly}]
    genres: [Romantic comedy]
    tags: [bookshop]
    sources: [https://example.org/mail]
  - title: Cast Away
    year: 2000
    directors: Robert Zemeckis
    cast: [{person: Tom Hanks, role: Chuck Noland}]
    genres: [Drama]
    sources: [https://example.org/castaway]
  - title: Up
    year: 2009
    directors: Pete Docter
    cast: [{person: Ed Asner, role: Carl Fredricksen}]
    genres: [Animation]
    sources: [https://example.org/up]
  - title: The Shining
    year: 1980
    directors: Stanley Kubrick
    cast: [Jack Nicholson]
    sources: [https://example.org/shining]
  - title: Full Metal Jacket
    year: 1987
    directors: Stanley Kubrick
    sources: [https://example.org/fmj]
"""


@pytest.fixture
async def catalog(write_facts, tmp_path: Path):
    store = Store(write_facts(alita=ALITA, alita2=ALITA_2, heat=HEAT, more=MORE), tmp_path / "c.db")
    await store.open()
    yield store.catalog
    await store.close()


async def ask(catalog, question: str):
    return await answer(question, catalog)


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
        ("list dramas", "Cast Away", "Films for Drama: Cast Away (2000)"),
        ("what movies are about bookshop", "You've Got Mail", "Films for bookshop"),
    ],
)
async def test_one_hop_questions_in_both_directions(catalog, question, first, in_text) -> None:
    reply = await ask(catalog, question)
    assert reply.answers[0] == first, reply.text
    assert in_text in reply.text


async def test_who_plays_a_role_and_which_role_a_person_plays(catalog) -> None:
    assert (await ask(catalog, "who plays Annie Reed")).answers == ["Meg Ryan"]
    reply = await ask(catalog, "what role does tom hanks play in cast away")
    assert reply.answers == ["Chuck Noland"]


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


async def test_counts_and_yes_no_questions(catalog) -> None:
    count = await ask(catalog, "how many movies did stanley kubrick direct")
    assert count.answers == ["2"]
    yes = await ask(catalog, "did nora ephron direct you've got mail?")
    assert yes.answers == ["yes"]
    no = await ask(catalog, "did robert zemeckis direct sleepless in seattle")
    assert no.answers == ["no"]
    assert "directed by Nora Ephron" in no.text


async def test_a_year_narrows_a_shared_title(catalog) -> None:
    reply = await ask(catalog, "who directed heat 1995")
    assert reply.answers == ["Michael Mann"]


async def test_typos_and_surnames_are_read_and_said(catalog) -> None:
    typo = await ask(catalog, "who directed alitta battle angle")
    assert typo.answers == ["Robert Rodriguez"]
    assert typo.text.startswith("(Reading “alitta battle angle” as “Alita: Battle Angel”.)")
    surname = await ask(catalog, "what films did kubrick direct")
    assert surname.answers == ["The Shining", "Full Metal Jacket"]


async def test_common_word_titles_are_found_only_when_nothing_else_is_named(catalog) -> None:
    assert (await ask(catalog, "who directed up")).answers == ["Pete Docter"]
    reply = await ask(catalog, "what films did tom hanks star in")
    assert "Up" not in reply.answers


async def test_an_unconfirmed_film_is_always_a_claim_with_its_source(catalog) -> None:
    for question in ("who directed alita battle angel 2", "who plays nova in alita battle angel 2"):
        reply = await ask(catalog, question)
        assert "This is a claim, not a confirmed fact" in reply.text, reply.text
        assert "Promotional text of a fan-made concept trailer" in reply.text
    status = await ask(catalog, "is alita battle angel 2 real?")
    assert status.answers == ["unconfirmed"]


async def test_nothing_matches_says_so_and_suggests_never_invents(catalog) -> None:
    reply = await ask(catalog, "who directed Sleepless in Seatle and the frobnicator")
    assert reply.kind in ("answer", "not_found")
    missing = await ask(catalog, "who directed Zorblax Quuux")
    assert missing.kind == "not_found"
    assert missing.answers == []
    assert missing.text.startswith("I couldn't find a film or person I know")


async def test_hostile_questions_get_bounded_polite_answers(catalog) -> None:
    long = await ask(catalog, "who directed heat " * 10_000)
    assert long.kind == "rejected" and f"under {MAX_QUESTION_CHARS}" in long.text
    empty = await ask(catalog, "   \x00\x07  ")
    assert empty.kind == "help"
    zalgo = await ask(catalog, "w̴̡̛h̷o̸ d̷i̶r̷e̴c̸t̵e̷d̵ h̶e̴a̶t̷" + "\u0301" * 400)
    assert zalgo.kind in ("answer", "not_found", "help")
    sql = await ask(catalog, "who directed heat'; DROP TABLE films; --")
    assert "Michael Mann" in sql.text
    assert (await ask(catalog, "who directed heat")).answers


BRAZIL = """\
title: Brazil
year: 1985
directors: Terry Gilliam
writers: [Terry Gilliam, Tom Stoppard, Charles McKeown]
tags: [script, dystopia]
imdb_rating: good
imdb_votes: famous
sources: [https://example.org/brazil]
"""


LOOKALIKES = """\
films:
  - {title: In Time, year: 2011, cast: [Justin Timberlake]}
  - {title: Time Changer, year: 2002, cast: [Gavin MacLeod]}
  - {title: Tarzan the Ape Man, year: 1932, cast: [Johnny Weissmuller]}
  - {title: "Tarzan, the Ape Man", year: 1981, cast: [Bo Derek]}
  - {title: Jesse James, year: 1939, writers: [Nunnally Johnson], cast: [Tyrone Power]}
  - {title: The Last Ride, year: 2004, cast: [Jesse James]}
  - {title: Dystopia, year: 2010, directors: [Jane Roe]}
  - {title: The Family, year: 2013, directors: [Luc Besson]}
  - {title: The Family Stone, year: 2005, directors: [Thomas Bezucha]}
"""


@pytest.fixture
async def brazil(write_facts, tmp_path: Path):
    store = Store(write_facts("brazil", brazil=BRAZIL, more=LOOKALIKES), tmp_path / "b.db")
    await store.open()
    yield store.catalog
    await store.close()


async def test_a_relation_word_that_is_also_a_tag_stays_the_relation(brazil) -> None:
    writers = await ask(brazil, "who is the creator of the film script for Brazil")
    assert writers.answers == ["Terry Gilliam", "Tom Stoppard", "Charles McKeown"]
    tagged = await ask(brazil, "what movies are about script")
    assert tagged.answers == ["Brazil"]


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


async def test_between_equally_long_names_the_one_with_more_words_of_its_own_wins(
    brazil,
) -> None:
    assert (await ask(brazil, "who stars in time changer")).answers == ["Gavin MacLeod"]
    assert (await ask(brazil, "who stars in in time")).answers == ["Justin Timberlake"]


async def test_a_title_typed_exactly_comes_first_among_lookalikes(brazil) -> None:
    comma = await ask(brazil, "Tarzan, the Ape Man, when was it released")
    assert comma.answers == ["1981", "1932"]
    plain = await ask(brazil, "when was tarzan the ape man released")
    assert plain.answers == ["1932", "1981"]


async def test_a_name_followed_by_written_by_is_the_film(brazil) -> None:
    film = await ask(brazil, "who was Jesse James written by")
    assert film.answers == ["Nunnally Johnson"]
    person = await ask(brazil, "what films has Jesse James acted in")
    assert person.answers == ["The Last Ride"]
    assert (await ask(brazil, "what does Jesse James appear in")).answers == ["The Last Ride"]


async def test_a_misspelt_name_among_named_things_is_read_and_said(catalog) -> None:
    genre = await ask(catalog, "what genre is sleepless in seatle")
    assert genre.answers == ["Romantic comedy"]
    assert genre.text.startswith("(Reading “sleepless in seatle” as “Sleepless in Seattle”.)")
    person = await ask(catalog, "did tom hnaks star in cast away")
    assert person.answers == ["yes"]
    assert "“tom hnaks” as “Tom Hanks”" in person.text


async def test_question_words_and_far_off_words_are_not_read_as_typos(catalog) -> None:
    sort = await ask(catalog, "what sort of film is cast away")
    assert sort.answers == ["Drama"] and "Reading" not in sort.text
    far = await ask(catalog, "who directed cast away qwertyuiop")
    assert far.answers == ["Robert Zemeckis"] and "Reading" not in far.text


async def test_possessives_and_contractions(catalog) -> None:
    assert (await ask(catalog, "Cast Away's director")).answers == ["Robert Zemeckis"]
    films = await ask(catalog, "Nora Ephron's films")
    assert films.answers == ["Sleepless in Seattle", "You've Got Mail"]
    assert (await ask(catalog, "who's in cast away")).answers == ["Tom Hanks"]


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


async def test_what_a_film_is_about_falls_back_to_its_tags(brazil) -> None:
    reply = await ask(brazil, "what is brazil about")
    assert reply.answers == ["script", "dystopia"]
    assert (
        reply.text
        == "The catalog has no synopsis for Brazil (1985); it is tagged script and dystopia."
    )


async def test_a_slip_that_makes_another_word_is_read_with_the_title_before_it(brazil) -> None:
    reply = await ask(brazil, "who is listed as director for the family sone")
    assert reply.answers == ["Thomas Bezucha"]
    assert reply.text.startswith("(Reading “the family sone” as “The Family Stone”.)")
    assert (await ask(brazil, "who directed the family")).answers == ["Luc Besson"]


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


async def test_where_the_facts_come_from(catalog) -> None:
    reply = await ask(catalog, "what is the source for alita battle angel 2")
    assert reply.answers == ["Promotional text of a fan-made concept trailer"]
    assert "is unconfirmed" in reply.text
    assert (await ask(catalog, "sources for cast away")).answers == ["https://example.org/castaway"]


async def test_films_listed_by_status(catalog) -> None:
    unconfirmed = await ask(catalog, "which films are unconfirmed")
    assert unconfirmed.answers == ["Alita: Battle Angel 2"]
    unreleased = await ask(catalog, "list unreleased films")
    assert unreleased.answers == ["Alita: Battle Angel 2"]
    assert unreleased.text.startswith("Films that are not released yet: Alita: Battle Angel 2")
    announced = await ask(catalog, "which films are announced")
    assert announced.answers == [] and announced.text == "The catalog has no announced films."


async def test_release_questions_ask_the_status_and_when_asks_the_year(catalog) -> None:
    assert (await ask(catalog, "did alita battle angel 2 come out")).answers == ["unconfirmed"]
    assert (await ask(catalog, "was cast away released")).answers == ["released"]
    assert (await ask(catalog, "when was cast away released")).answers == ["2000"]
    assert (await ask(catalog, "who produced alita battle angel")).answers[0] == "James Cameron"


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
