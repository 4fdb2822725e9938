"""The pipeline: names found in the question, typos read and said, hostile input, nothing found."""

from __future__ import annotations

import random
import re

import pytest

from bot.answering.engine import MAX_QUESTION_CHARS, answer
from tests.answering.conftest import ask
from tests.conftest import ALITA_2


async def test_a_year_narrows_a_shared_title(catalog) -> None:
    reply = await ask(catalog, "who directed heat 1995")
    assert reply.answers == ["Michael Mann"]


@pytest.mark.parametrize(
    ("question", "answers"),
    [
        ("who directed heat 86", ["Dick Richards"]),
        ("who directed heat '95", ["Michael Mann"]),
        ("wb heat 86 who was in it", ["Burt Reynolds"]),
        # two figures no film of the title has: both, as without them
        ("who directed heat 77", ["Michael Mann", "Dick Richards"]),
    ],
)
async def test_a_year_in_two_figures_after_a_title_narrows_it(catalog, question, answers) -> None:
    reply = await ask(catalog, question)
    assert sorted(reply.answers) == sorted(answers), reply.text


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


async def test_nothing_matches_says_so_and_suggests_never_invents(catalog) -> None:
    reply = await ask(catalog, "who directed Sleepless in Seatle and the frobnicator")
    assert reply.kind in ("answer", "not_found")
    missing = await ask(catalog, "who directed Zorblax Quuux")
    assert missing.kind == "not_found"
    assert missing.answers == []
    assert missing.text.startswith("I couldn't find a film or person I know")


async def test_a_title_said_whole_is_suggested_from_its_whole_text(catalog_of) -> None:
    catalog = await catalog_of(
        """\
films:
  - {title: Aliens, year: 1986, directors: [James Cameron], sources: [x]}
  - {title: When Harry Met Sally..., year: 1989, directors: [Rob Reiner], sources: [x]}
"""
    )
    # one word of it like a title ("silense", Aliens) is no title like the whole
    lambs = await ask(catalog, "who directed the silense of the lambs")
    assert lambs.kind == "not_found" and lambs.suggestions == [], lambs.text
    assert "Did you mean" not in lambs.text
    sally = await ask(catalog, "who directed when hary met sallie")
    assert sally.kind == "not_found"
    assert sally.suggestions == ["When Harry Met Sally... (1989)"], sally.text


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("whats the best nolan movie", "nolan"),
        ("newest nolan film", "nolan"),
        ("nolans newest movie", "nolans"),
        ("top 5 villeneuve movies", "villeneuve"),
    ],
)
async def test_a_name_the_catalog_lacks_before_films_is_said_not_left_out(
    catalog, question, named
) -> None:
    # not the best, newest or top films of the whole catalog
    reply = await ask(catalog, question)
    assert reply.kind == "not_found" and reply.answers == [], reply.text
    assert reply.text.startswith(f"I couldn't find a film or person I know called “{named}”.")


@pytest.mark.parametrize("seed", range(8))
async def test_nothing_found_offers_questions_about_a_released_film_of_the_catalog(
    catalog, seed
) -> None:
    missing = await answer("who directed Zorblax Quuux", catalog, rng=random.Random(seed))
    examples = missing.text.split(" e.g. ", 1)[1]
    assert "Alita: Battle Angel 2" not in examples and "Nova" not in examples
    released = [s.title for s in await catalog.summaries(range(1, 20)) if s.status == "released"]
    assert any(f"{title}?" in examples for title in released), examples


async def test_nothing_found_in_a_catalog_of_claims_names_no_film_as_an_example(
    catalog_of,
) -> None:
    claims = await catalog_of(ALITA_2.replace("follows: alita-battle-angel-2019\n", ""))
    for question in ("who directed Zorblax Quuux", "   "):
        reply = await answer(question, claims, rng=random.Random(1))
        assert "Alita" not in reply.text and "Nova" not in reply.text
        assert '"who directed …?"' in reply.text


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


async def test_a_relation_word_that_is_also_a_tag_stays_the_relation(brazil) -> None:
    writers = await ask(brazil, "who is the creator of the film script for Brazil")
    assert writers.answers == ["Terry Gilliam", "Tom Stoppard", "Charles McKeown"]
    tagged = await ask(brazil, "what movies are about script")
    assert tagged.answers == ["Brazil"]


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


async def test_a_slip_that_makes_another_word_is_read_with_the_title_before_it(brazil) -> None:
    reply = await ask(brazil, "who is listed as director for the family sone")
    assert reply.answers == ["Thomas Bezucha"]
    assert reply.text.startswith("(Reading “the family sone” as “The Family Stone”.)")
    assert (await ask(brazil, "who directed the family")).answers == ["Luc Besson"]


async def test_a_linking_word_after_a_title_is_not_read_as_a_slip_in_a_longer_title(
    catalog_of,
) -> None:
    catalog = await catalog_of(
        """\
films:
  - {title: Heat, year: 1995, directors: [Michael Mann]}
  - {title: Heat Alto, year: 2001, directors: [Ann Other]}
  - {title: Thief, year: 1981, directors: [Michael Mann]}
"""
    )
    reply = await ask(catalog, "the director of Heat also directed which films")
    assert reply.answers == ["Thief"]
    assert "Reading" not in reply.text


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("kubrick's first film", "The Shining"),
        ("what movies has meg been in", "Sleepless in Seattle"),
        ("which films did ephronn direct", "Sleepless in Seattle"),
        ("what films did zemekis direct", "Cast Away"),
    ],
)
async def test_a_lone_surname_given_name_or_misspelt_surname_names_one_person(
    catalog, question: str, first: str
) -> None:
    reply = await ask(catalog, question)
    assert reply.answers[0] == first, reply.text
    assert reply.text.startswith("(Reading “")


async def test_a_misspelt_title_with_order_words_is_the_title_not_an_order(catalog_of) -> None:
    catalog = await catalog_of(
        """\
films:
  - {title: First Daughter, year: 2004, directors: [Forest Whitaker]}
  - {title: "Salome's Last Dance", year: 1988, directors: [Ken Russell]}
  - {title: Vice, year: 2015, directors: [Brian A. Miller]}
  - {title: Dragnet, year: 1987, directors: [Tom Mankiewicz]}
"""
    )
    first = await ask(catalog, "who is listed as director for First Daghter")
    assert first.answers == ["Forest Whitaker"]
    assert first.text.startswith("(Reading “first daghter” as “First Daughter”.)")
    last = await ask(catalog, "the movie Salome's Last Dane, when was it released")
    assert last.answers == ["1988"]
    newest = await ask(catalog, "the last film")
    assert newest.answers == ["Vice"]


async def test_a_misspelt_title_is_found_past_other_unknown_words(catalog_of) -> None:
    catalog = await catalog_of(
        """\
films:
  - {title: The Treatment, year: 2006, directors: [Oren Rudavsky]}
  - {title: What?, year: 1972, directors: [Roman Polanski]}
  - {title: The Santa Clause, year: 1994, directors: [John Pasquin]}
  - {title: Santa Claus, year: 1959, directors: [René Cardona]}
  - {title: Me and You, year: 2012, directors: [Bernardo Bertolucci]}
  - {title: The Conformist, year: 1970, directors: [Bernardo Bertolucci]}
  - {title: Shame, year: 1968, directors: [Ingmar Bergman]}
"""
    )
    listed = await ask(catalog, "who is listed as director for The Traetment")
    assert listed.answers == ["Oren Rudavsky"]
    # a title that is one question word ("What?") does not stop the misspelt one being read,
    # and "the" typed before it is part of it
    santa = await ask(catalog, "what year was The Sata Clause released")
    assert santa.answers == ["1994"]
    assert santa.text.startswith("(Reading “the sata clause” as “The Santa Clause”.)")
    # a title of question words is still a title: "same" is not a misspelt "Shame"
    same = await ask(catalog, "which movies have the same director of Me and You")
    assert same.answers == ["The Conformist"]


async def test_a_title_of_more_than_twelve_words_is_found_typed_in_full(catalog_of) -> None:
    catalog = await catalog_of(
        """\
films:
  - {title: "Went to Coney Island on a Mission from God... Be Back by Five", year: 1998,
     directors: [Richard Schenkman], cast: [Jon Cryer]}
  - {title: Five, year: 1951, directors: [Arch Oboler]}
  - {title: Hiding Out, year: 1987, cast: [Jon Cryer]}
"""
    )
    reply = await ask(
        catalog,
        "the actor of went to coney island on a mission from god be back by five also "
        "starred in which movies",
    )
    assert reply.answers == ["Hiding Out"]


STRANGERS = """\
films:
  - {title: The 3rd Voice, year: 1960, directors: [Hubert Cornfield], writers: [Hubert Cornfield]}
  - {title: The Long Riders, year: 1980, directors: [Walter Hill], cast: [Randy Quaid]}
  - {title: This Is the Night, year: 1932, writers: [René Peter], cast: [Thelma Todd]}
  - {title: What?, year: 1972, directors: [Roman Polanski], writers: [Roman Polanski]}
  - {title: A Man Escaped, year: 1956, directors: [Robert Bresson], tags: [john]}
  - {title: Stars, year: 1959, directors: [Konrad Wolf], cast: [Sasha Krusharska]}
  - {title: All About Eve, year: 1950, cast: [Bette Davis, Anne Baxter]}
  - {title: The Grass Is Greener, year: 1960, genres: [Comedy]}
  - {title: Played, year: 2006, directors: [Sean Stanek]}
"""


@pytest.mark.parametrize(
    "question",
    [
        # someone else's first name before a surname a slip from Cornfield
        "the movies written by Randy Kornfield were directed by who",
        # a capitalised name of which only one word is a catalog surname
        "who starred in the movies written by Peter Gent",
        # a tag, then a name the catalog does not know
        "the movies starred by John Pankow were released in which years",
        # nothing named but the film "What?", and a name the catalog does not know
        "what types are the films written by Jimmy Piersall",
        # a capitalised name of which no word is named, beside a title ("Stars")
        "who are co-stars of Philip Davis",
        "what were the release dates of Susan Swan written films",
    ],
)
async def test_a_name_the_catalog_does_not_know_is_not_read_as_another(
    catalog_of, question
) -> None:
    catalog = await catalog_of(STRANGERS)
    reply = await ask(catalog, question)
    assert reply.kind == "not_found", reply.text
    said = re.match(r"I couldn't find a film or person I know called “([^”]+)”\.", reply.text)
    assert said is not None, reply.text
    assert said.group(1) in question.lower()  # the name asked about, said back


async def test_who_played_a_name_the_catalog_lacks_is_not_the_film_played(catalog_of) -> None:
    # nothing named but the film "Played", and one word in no name and no dictionary; the
    # catalog keeps no characters, and says so
    catalog = await catalog_of(STRANGERS)
    reply = await ask(catalog, "who played gandalf")
    assert reply.kind == "not_found", reply.text
    assert "“gandalf”" in reply.text and "Sean Stanek" not in reply.text


@pytest.mark.parametrize(
    ("question", "answers"),
    [
        ("what films did hubert kornfield direct", ["The 3rd Voice"]),
        ("what did cornfeild write", ["The 3rd Voice"]),
        ("who starred in the films written by peter", ["Thelma Todd"]),
        ("films tagged john", ["A Man Escaped"]),
        ("who wrote what?", ["Roman Polanski"]),
        ("who are the co-stars of Bette Davis", ["Anne Baxter"]),
        ("what is the genre for the movie The Grass Is Greener", ["Comedy"]),
    ],
)
async def test_names_a_slip_away_or_in_part_are_still_read(catalog_of, question, answers) -> None:
    catalog = await catalog_of(STRANGERS)
    assert (await ask(catalog, question)).answers == answers


async def test_a_slip_that_leaves_known_words_in_a_two_word_name_is_read(catalog_of) -> None:
    catalog = await catalog_of(
        """\
films:
  - {title: Head of State, year: 2003, writers: [Chris Rock], genres: [Comedy]}
  - {title: School of Rock, year: 2003, writers: [Mike White], tags: [rock]}
  - {title: Group Sex, year: 2010, cast: [Josh Cooke, Greg Grunberg]}
  - {title: Together, year: 2000, writers: [Lukas Moodysson]}
  - {title: Coke Run, year: 1999, cast: [Ann Josh]}
"""
    )
    # the tag "rock" is all the question names: the two words around the slip are read
    genres = await ask(catalog, "what genres are the films written by cris rock")
    assert genres.answers == ["Comedy"]
    assert genres.text.startswith("(Reading “cris rock” as “Chris Rock”.)")
    # "josh" and "coke" are words of other names, and "together" is a film
    costars = await ask(catalog, "who acted together with josh coke")
    assert costars.answers == ["Greg Grunberg"]


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("recomend me a sci-fi movie", "How about"),
        ("who is the directer of alita battle angel", "Robert Rodriguez"),
        ("is there a sequal to alita battle angel", "is followed by Alita: Battle Angel 2"),
    ],
)
async def test_question_words_misspelt_as_people_type_them_are_read(catalog, question, said):
    assert said in (await ask(catalog, question)).text


async def test_a_misspelling_that_is_a_word_of_a_name_is_left_as_typed(catalog_of) -> None:
    catalog = await catalog_of("films:\n  - {title: The Flim-Flam Man, year: 1967}\n")
    assert (await ask(catalog, "when was the flim flam man released")).answers == ["1967"]


async def test_a_name_the_catalog_lacks_is_searched_for_once_per_span(catalog, monkeypatch) -> None:
    searched: list[tuple[str, str]] = []
    closest, scored = type(catalog).closest_name, type(catalog).scored_people

    async def closest_name(self, key: str, max_edits: int):
        searched.append(("name", key))
        return await closest(self, key, max_edits)

    async def scored_people(self, key: str, limit: int = 5, cutoff: float = 80):
        searched.append(("people", key))
        return await scored(self, key, limit, cutoff)

    monkeypatch.setattr(type(catalog), "closest_name", closest_name)
    monkeypatch.setattr(type(catalog), "scored_people", scored_people)
    reply = await ask(catalog, "what genres are the movies acted by Rachelle Lefevre in")

    assert reply.kind == "not_found"
    assert ("people", "rachelle lefevre") in searched
    assert len(searched) == len(set(searched))


TALKED = """\
films:
  - {title: What?, year: 1972, directors: [Roman Polanski]}
  - {title: Howl, year: 2010, directors: [Rob Epstein]}
  - {title: Heat, year: 1995, directors: [Michael Mann], runtime_minutes: 170}
  - {title: Jaws, year: 1975, directors: [Steven Spielberg], runtime_minutes: 124}
"""


@pytest.mark.parametrize(
    ("question", "answers"),
    [
        ("whats the longest movie", ["Heat"]),
        ("wats the longest film", ["Heat"]),
        ("whos the director of heat", ["Michael Mann"]),
        ("hows jaws rated", []),
    ],
)
async def test_a_question_word_spelt_as_in_chat_is_never_a_title(
    catalog_of, question, answers
) -> None:
    catalog = await catalog_of(TALKED)
    reply = await ask(catalog, question)
    assert reply.answers == answers, reply.text
    assert "What?" not in reply.text and "Howl" not in reply.text, reply.text


@pytest.mark.parametrize(
    "question", ["who directed what?", "whos the director of what?", "whats what? about"]
)
async def test_the_film_what_is_still_found_when_asked_for(catalog_of, question) -> None:
    catalog = await catalog_of(TALKED)
    reply = await ask(catalog, question)
    assert reply.kind == "answer" and "What?" in reply.text, reply.text
    assert not reply.text.startswith("(Reading"), reply.text


@pytest.mark.parametrize(
    ("question", "lacked", "kept"),
    [
        ("who starred in both cast away and the insider", "the insider", "Tom Hanks"),
        ("who directed up and gladiator", "gladiator", "Pete Docter"),
        ("who was in gladiator or cast away", "gladiator", "Tom Hanks"),
        ("who was in the shining or gladiator", "gladiator", "Jack Nicholson"),
        (
            "who starred in cast away and the lord of the rings",
            "the lord of the rings",
            "Tom Hanks",
        ),
        ("who directed the lord of the rings and up", "the lord of the rings", "Pete Docter"),
    ],
)
async def test_a_name_the_catalog_lacks_said_beside_one_it_knows_is_said_left_out(
    catalog, question: str, lacked: str, kept: str
) -> None:
    reply = await ask(catalog, question)
    assert reply.text.startswith(f"(I don't know “{lacked}”, so this leaves it out.) ")
    assert kept in reply.text


async def test_names_all_known_or_joined_in_one_name_are_not_said_left_out(catalog) -> None:
    both = await ask(catalog, "who directed up and cast away")
    assert "leaves it out" not in both.text
    assert "Pete Docter" in both.text and "Robert Zemeckis" in both.text
    assert "leaves it out" not in (await ask(catalog, "tom hanks and meg ryan movies")).text


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("is dune part two out yet", "dune part two"),
        ("has oppenheimer come out yet", "oppenheimer"),
        ("is barbie released yet lol", "barbie"),
        ("where is gladiator set", "gladiator"),
        ("is it worth watching oppenheimer", "oppenheimer"),
        ("is barbie worth watching", "barbie"),
        ("is gladiator any good", "gladiator"),
        ("is gladiator a good movie", "gladiator"),
    ],
)
async def test_a_film_the_catalog_lacks_is_said_back_without_the_words_asking_of_it(
    catalog, question: str, name: str
) -> None:
    reply = await ask(catalog, question)
    assert reply.kind == "not_found", reply.text
    assert reply.text.startswith(f"I couldn't find a film or person I know called “{name}”.")
    assert not reply.films


async def test_whether_there_is_a_good_film_of_a_genre_is_still_a_pick(catalog) -> None:
    reply = await answer("is there a good romantic comedy", catalog, rng=random.Random(2))
    assert reply.text.startswith("How about ")
    assert set(reply.answers) <= {"Sleepless in Seattle", "You've Got Mail"}


TITLE_WORDS = """\
films:
  - {title: My Neighbor Totoro, year: 1988, directors: [Hayao Miyazaki], tags: [totoro]}
  - {title: Spirited Away, year: 2001, directors: [Hayao Miyazaki]}
  - {title: Kiki's Delivery Service, year: 1989, directors: [Hayao Miyazaki]}
  - {title: The Delivery Man, year: 2013, directors: [Ken Scott]}
"""


@pytest.mark.parametrize(
    ("question", "tagged"),
    [
        ("totoro director", False),
        ("totoro director", True),
        ("who directed totoro", False),
        ("who directed totoro", True),
    ],
)
async def test_a_rare_word_of_one_title_is_that_title(catalog_of, question, tagged) -> None:
    films = await catalog_of(TITLE_WORDS if tagged else TITLE_WORDS.replace(", tags: [totoro]", ""))
    reply = await ask(films, question)
    assert reply.text == (
        "(Reading “totoro” as “My Neighbor Totoro”.) My Neighbor Totoro (1988): directed by "
        "Hayao Miyazaki."
    )


@pytest.mark.parametrize("tagged", [False, True])
async def test_films_like_a_rare_word_of_one_title_are_like_that_title(catalog_of, tagged) -> None:
    films = await catalog_of(TITLE_WORDS if tagged else TITLE_WORDS.replace(", tags: [totoro]", ""))
    reply = await ask(films, "something like totoro")
    assert reply.text.startswith(
        "(Reading “totoro” as “My Neighbor Totoro”.) If you liked My Neighbor Totoro (1988), try "
    ), reply.text


async def test_a_tag_of_several_titles_before_a_credit_lists_the_films_it_tags(catalog_of) -> None:
    films = await catalog_of(TITLE_WORDS.replace("tags: [totoro]", "tags: [delivery]"))
    reply = await ask(films, "delivery director")
    assert reply.answers == ["My Neighbor Totoro"], reply.text


async def test_a_word_of_several_titles_or_an_english_word_is_no_title(catalog_of) -> None:
    films = await catalog_of(TITLE_WORDS)
    assert (await ask(films, "who directed delivery")).kind == "not_found"
    assert (await ask(films, "who directed neighbor")).kind == "not_found"


async def test_a_title_the_catalog_lacks_is_said_back_from_its_first_word(catalog) -> None:
    reply = await ask(catalog, "who directed the last starfighter")
    assert reply.text.startswith(
        "I couldn't find a film or person I know called “last starfighter”"
    )


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("who starred in the best years of our lives", "best years of our lives"),
        ("when did the best of times come out", "best of times"),
    ],
)
async def test_a_title_the_catalog_lacks_is_said_back_from_its_article(
    catalog, question, said
) -> None:
    reply = await ask(catalog, question)
    assert reply.text.startswith(f"I couldn't find a film or person I know called “{said}”")


@pytest.mark.parametrize("tagged", [False, True])
async def test_a_rare_word_of_one_title_joined_to_another_film_is_that_title(
    catalog_of, tagged
) -> None:
    films = await catalog_of(TITLE_WORDS if tagged else TITLE_WORDS.replace(", tags: [totoro]", ""))
    reply = await ask(films, "who made spirited away and totoro")
    assert reply.text.startswith("(Reading “totoro” as “My Neighbor Totoro”.) ")
    assert "Spirited Away (2001)" in reply.text and "My Neighbor Totoro (1988)" in reply.text


@pytest.mark.parametrize(
    ("question", "answers"),
    [
        ("who directed parasite again", ["Bong Joon-ho"]),
        ("when did parasite come out again", ["2019"]),
        ("who directed parasite anyway", ["Bong Joon-ho"]),
    ],
)
async def test_a_word_chat_ends_a_question_with_is_no_longer_title(
    catalog_of, question, answers
) -> None:
    catalog = await catalog_of(
        "films:\n  - {title: Parasite, year: 2019, directors: [Bong Joon-ho]}\n"
    )
    reply = await ask(catalog, question)
    assert reply.answers == answers, reply.text


async def test_a_word_chat_ends_a_question_with_is_left_out_of_a_title_word(catalog_of) -> None:
    films = await catalog_of(TITLE_WORDS)
    reply = await ask(films, "who directed totoro again")
    assert reply.answers == ["Hayao Miyazaki"], reply.text


SHORT_AND_NEAR = """\
films:
  - {title: Fargo, year: 1996, directors: [Joel Coen, Ethan Coen], tags: [coen brothers]}
  - {title: The Ladykillers, year: 2004, writers: [Ethan Coen], tags: [coen brothers]}
  - {title: Gambit, year: 2012, writers: [Ethan Coen]}
  - {title: Brothers, year: 2009, directors: [Jim Sheridan]}
  - {title: Joe Versus the Volcano, year: 1990, directors: [John Patrick Shanley]}
  - {title: "Singin' in the Rain", year: 1952, directors: [Stanley Donen], tags: [singing]}
  - {title: Rain, year: 1932, directors: [Lewis Milestone]}
"""


async def test_a_word_said_short_in_a_name_is_read_in_full(catalog_of) -> None:
    catalog = await catalog_of(SHORT_AND_NEAR)
    brothers = await ask(catalog, "coen brothers movies")
    for question in ["coen bros movies", "the coen bros"]:
        reply = await ask(catalog, question)
        assert reply.text == brothers.text, reply.text
        assert reply.text.startswith("Films about coen brothers (2): Fargo (1996)"), reply.text
    volcano = await ask(catalog, "who directed joe vs the volcano")
    assert volcano.answers == ["John Patrick Shanley"], volcano.text
    # the short word alone, or with question words only, may be a title the catalog lacks
    for question in ["who directed bros", "who directed the bros"]:
        reply = await ask(catalog, question)
        assert reply.kind == "not_found" and "Jim Sheridan" not in reply.text, reply.text


async def test_a_title_a_slip_away_is_read_over_a_one_word_title_inside_it(catalog_of) -> None:
    catalog = await catalog_of(SHORT_AND_NEAR)
    for question in ["singing in the rain", "who directed singing in the rain"]:
        reply = await ask(catalog, question)
        assert reply.text.startswith("(Reading “singing in the rain” as “Singin' in the Rain”.)")
        assert "Stanley Donen" in reply.text and "Lewis Milestone" not in reply.text, reply.text
    assert (await ask(catalog, "who directed rain")).answers == ["Lewis Milestone"]
    singing = await ask(catalog, "films about singing")
    assert singing.text.startswith("Films about singing (1): Singin' in the Rain (1952)")


async def test_a_slip_running_into_a_title_is_one_title_the_catalog_lacks(metaqa_catalog) -> None:
    catalog = await metaqa_catalog(
        "Angel|directed_by|Neil Jordan\nAngel|release_year|1982\n"
        "Alila|directed_by|Amos Gitai\nAlila|release_year|2003\n"
    )
    for question in ["who directed alita battle angel", "when was alita battle angel released"]:
        reply = await ask(catalog, question)
        assert not reply.found and not reply.answers, reply.text
        assert reply.text.startswith(
            "I couldn't find a film or person I know called “alita battle angel”."
        ), reply.text
    # a slip alone is still read as the name it is a letter away from
    reply = await ask(catalog, "who directed alita")
    assert reply.text.startswith("(Reading “alita” as “Alila”.)"), reply.text
    assert "Amos Gitai" in reply.text, reply.text


async def test_discord_pings_are_no_words_of_the_question(catalog_of) -> None:
    catalog = await catalog_of(
        """\
films:
  - {title: Jaws, year: 1975, directors: [Steven Spielberg], sources: [x]}
  - {title: Her, year: 2013, directors: [Spike Jonze], sources: [x]}
"""
    )
    for question in ("@here who directed jaws", "who directed jaws @everyone"):
        reply = await ask(catalog, question)
        assert reply.answers == ["Steven Spielberg"], reply.text


async def test_a_name_two_slips_away_in_one_short_word_is_not_read_as_it(catalog_of) -> None:
    catalog = await catalog_of(
        """\
films:
  - {title: Avatar, year: 2009, cast: [Stephen Lang], sources: [x]}
  - {title: Jaws, year: 1975, directors: [Steven Spielberg], sources: [x]}
"""
    )
    # "king" is two letters from "lang": another word, not a typo of it
    far = await ask(catalog, "stephen king films")
    assert "Reading “stephen king” as" not in far.text, far.text
    near = await ask(catalog, "stephen lnag films")  # one slip: read so
    assert near.text.startswith("(Reading “stephen lnag” as “Stephen Lang”.)"), near.text
    # slips spread over a name's words are typos as before
    spread = await ask(catalog, "stephen spielberg films")
    assert spread.text.startswith("(Reading “stephen spielberg” as “Steven Spielberg”.)")


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("is heat in the catalog", "Yes: the catalog has Heat (1986) and Heat (1995)."),
        ("do u have cast away?", "Yes: the catalog has Cast Away (2000)."),
        ("is Heat 1995 in your list", "Yes: the catalog has Heat (1995)."),
        (
            "do you have cast awya",
            "(Reading “cast awya” as “Cast Away”.) Yes: the catalog has Cast Away (2000).",
        ),
        (
            "do you have tom hanks",
            "Yes: Tom Hanks is credited on Sleepless in Seattle (1993), You've Got Mail (1998) "
            "and Cast Away (2000).",
        ),
        ("is blade runner in here", "No, “blade runner” is not in the catalog."),
        (
            "do you have sleepless in paris",
            "No, “sleepless in paris” is not in the catalog. Did you mean Sleepless in Seattle "
            "(1993)?",
        ),
        # a longer title the catalog lacks is not the film whose title it begins with
        (
            "have you got heat wave",
            "No, “heat wave” is not in the catalog. Did you mean Heat (1986) and Heat (1995)?",
        ),
        (
            "do you have castaway 2",
            "No: the catalog has no film called “Cast Away 2”; it has Cast Away (2000).",
        ),
    ],
)
async def test_whether_the_catalog_has_a_film_or_person_is_said_yes_or_no(
    catalog, question, said
) -> None:
    reply = await ask(catalog, question)
    assert reply.text == said


async def test_asking_for_films_of_a_kind_is_not_asking_whether_one_is_held(catalog) -> None:
    reply = await ask(catalog, "do you have any romantic comedies")
    assert reply.text.startswith("Romantic comedy films (2): "), reply.text
