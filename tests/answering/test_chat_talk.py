"""Questions as they are typed in a chat: words sprinkled over them ("lol", "tho"), and a
name the catalog lacks said back as it was understood."""

from __future__ import annotations

import pytest

from bot.answering.engine import answer
from tests.answering.conftest import ask

CHATTY = """\
films:
  - title: LOL
    year: 2012
    directors: [Lisa Azuelos]
    cast: [Miley Cyrus]
    sources: [https://example.org/lol]
  - title: The Godfather
    year: 1972
    directors: [Francis Ford Coppola]
    cast: [Marlon Brando, Al Pacino]
    sources: [https://example.org/godfather]
  - title: Jaws
    year: 1975
    directors: [Steven Spielberg]
    composer: [John Williams]
    sources: [https://example.org/jaws]
  - {title: Murk, year: 2005, cast: [Nicolas Bro, Nikolaj Lie Kaas]}
  - {title: Spaceballs, year: 1987, directors: [Mel Brooks], tags: [star wars, parody]}
  - {title: Platoon, year: 1986, genres: [War, Drama], directors: [Oliver Stone]}
"""


@pytest.fixture
async def chatty(catalog_of):
    return await catalog_of(CHATTY)


@pytest.mark.parametrize(
    "question",
    [
        "who directed the godfather lol",
        "lmao who directed the godfather",
        "who directed the godfather tho",
        "who directed the godfather rn",
        "who directed the godfather atm",
    ],
)
async def test_chat_words_around_a_question_are_not_read_as_a_title(chatty, question) -> None:
    reply = await ask(chatty, question)
    assert reply.kind == "answer"
    assert "Francis Ford Coppola" in reply.text
    assert "Lisa Azuelos" not in reply.text


@pytest.mark.parametrize("question", ["who acted with Nicolas Bro", "who acted with nicolas bro"])
async def test_a_chat_word_that_is_part_of_a_name_is_the_name(chatty, question) -> None:
    reply = await ask(chatty, question)
    assert reply.answers == ["Nikolaj Lie Kaas"]


async def test_a_name_the_catalog_lacks_beside_a_chat_word_is_said_back(chatty) -> None:
    reply = await ask(chatty, "who played gandalf lol")
    assert reply.kind == "not_found"
    assert "“gandalf”" in reply.text
    assert "Miley Cyrus" not in reply.text


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("whens star wars out", "star wars"),
        ("whens star wars coming out lol", "star wars"),
        ("when is the batman 2 out yet", "batman 2"),
        ("when is inside out out", "inside out"),
    ],
)
async def test_a_film_asked_when_out_is_said_back_without_the_release_words(
    chatty, question, said
) -> None:
    reply = await ask(chatty, question)
    assert reply.kind == "not_found"
    assert f"“{said}”" in reply.text


@pytest.mark.parametrize("question", ["whens u", "whens yet"])
async def test_a_when_question_of_chat_words_alone_says_nothing_was_named(chatty, question) -> None:
    reply = await ask(chatty, question)
    assert reply.kind == "not_found"
    assert "couldn't find a film or person" in reply.text


@pytest.mark.parametrize("question", ["who directed lol", "who directed the movie LOL"])
async def test_a_film_called_like_a_chat_word_is_found_where_a_title_is_said(
    chatty, question
) -> None:
    reply = await ask(chatty, question)
    assert reply.kind == "answer"
    assert "Lisa Azuelos" in reply.text


@pytest.mark.parametrize(
    "question",
    [
        "who composed the music for star wars",
        "who directed star wars",
        "when was star wars released",
    ],
)
async def test_a_title_the_catalog_lacks_made_of_question_words_is_said_back(
    chatty, question
) -> None:
    reply = await ask(chatty, question)
    assert reply.kind == "not_found"
    assert "“star wars”" in reply.text
    assert "John Williams" not in reply.text
    assert "Spaceballs" not in reply.text  # tagged star wars, but not the film asked for
    assert "Platoon" not in reply.text  # a war film, but not the film asked for


async def test_films_about_a_tag_are_still_listed(chatty) -> None:
    reply = await ask(chatty, "films about star wars")
    assert reply.answers == ["Spaceballs"]


KINDS_AND_NAMES = """\
films:
  - {title: Scary Movie, year: 2000, genres: [Comedy], directors: [Keenen Ivory Wayans]}
  - {title: Halloween, year: 1978, genres: [Horror], directors: [John Carpenter]}
  - {title: The Fog, year: 1980, genres: [Horror], directors: [John Carpenter]}
  - {title: The Wood, year: 1999, directors: [Rick Famuyiwa]}
  - {title: Annie Hall, year: 1977, directors: [Woody Allen], cast: [Woody Allen]}
  - {title: Manhattan, year: 1979, directors: [Woody Allen], cast: [Woody Allen]}
  - {title: Zelig, year: 1983, directors: [Woody Allen], cast: [Woody Allen]}
  - {title: Kingpin, year: 1996, cast: [Woody Harrelson]}
  - {title: Zombieland, year: 2009, cast: [Woody Harrelson]}
"""


@pytest.fixture
async def kinds_and_names(catalog_of):
    return await catalog_of(KINDS_AND_NAMES)


@pytest.mark.parametrize("question", ["scary movies", "any scary movies from the 70s?"])
async def test_a_kind_of_film_in_the_plural_is_not_a_title_with_an_s(
    kinds_and_names, question
) -> None:
    reply = await ask(kinds_and_names, question)
    assert "Halloween (1978)" in reply.text
    assert "Scary Movie" not in reply.text


@pytest.mark.parametrize("question", ["scary", "any scary", "scary pls", "got any horror"])
async def test_a_word_for_a_kind_of_film_said_alone_lists_its_films(
    kinds_and_names, question
) -> None:
    reply = await ask(kinds_and_names, question)
    assert reply.answers == ["Halloween", "The Fog"], reply.text
    assert reply.text.startswith("Horror films (2): ")


async def test_a_word_for_a_kind_of_film_with_other_words_is_no_list(kinds_and_names) -> None:
    reply = await ask(kinds_and_names, "scary clowns")
    assert not reply.text.startswith("Horror films"), reply.text


async def test_a_kind_of_film_asked_for_is_not_a_title(kinds_and_names) -> None:
    reply = await ask(kinds_and_names, "recommend me a scary movie")
    assert reply.films and reply.films[0].title in {"Halloween", "The Fog"}


async def test_the_title_itself_is_still_found(kinds_and_names) -> None:
    reply = await ask(kinds_and_names, "who directed scary movie")
    assert "Keenen Ivory Wayans" in reply.text


async def test_a_given_name_before_films_is_the_best_known_person_of_it(kinds_and_names) -> None:
    reply = await ask(kinds_and_names, "woody movies")
    assert "Woody Allen" in reply.text
    assert "The Wood" not in reply.text


TAGGED_KINDS = """\
films:
  - {title: When Harry Met Sally..., year: 1989, tags: [romantic comedy], cast: [Meg Ryan]}
  - {title: French Kiss, year: 1995, genres: [Comedy], tags: [romantic comedy], cast: [Meg Ryan]}
  - {title: Innerspace, year: 1987, genres: [Comedy], cast: [Meg Ryan]}
  - {title: Courage Under Fire, year: 1996, genres: [Drama], cast: [Meg Ryan]}
  - {title: Moonstruck, year: 1987, genres: [Comedy], tags: [romantic comedy], cast: [Cher]}
"""


async def test_a_kind_of_film_kept_as_a_tag_and_a_person_both_filter(catalog_of) -> None:
    catalog = await catalog_of(TAGGED_KINDS)
    reply = await ask(catalog, "romantic comedies with meg ryan")
    assert reply.answers == ["When Harry Met Sally...", "French Kiss"]


async def test_it_or_he_right_after_an_answer_is_what_it_was_about(chatty) -> None:
    first = await ask(chatty, "who directed the godfather")
    cast = await answer("who was in it", chatty, previous=first)
    assert "Marlon Brando" in cast.text
    assert cast.question == "who was in it"
    year = await answer("when did it come out", chatty, previous=cast)
    assert "1972" in year.text
    director = await answer("who starred", chatty, previous=first)
    assert "Al Pacino" in director.text


@pytest.mark.parametrize("talk", ["hows it going", "how is it going"])
async def test_small_talk_after_an_answer_about_several_films_is_small_talk(chatty, talk) -> None:
    films = await ask(chatty, "which is older, the godfather or jaws")
    assert len(films.films) > 1, films.text
    reply = await answer(talk, chatty, previous=films)
    assert reply.kind == "chat", reply.text
    assert "which film do you mean" not in reply.text


async def test_a_title_the_catalog_lacks_after_an_answer_is_not_the_film_before(catalog) -> None:
    first = await ask(catalog, "whos in heat")
    # every word of "star wars" also asks something (a credit, a genre)
    reply = await answer("who directed star wars", catalog, previous=first)
    assert reply.kind == "not_found" and reply.unknown == "star wars", reply.text
    assert not reply.answers and not reply.films, reply.text  # no Heat's directors
    director = await answer("who directed", catalog, previous=first)
    assert "Michael Mann" in director.text, director.text


async def test_it_after_one_of_two_films_of_a_title_is_that_one(catalog) -> None:
    first = await ask(catalog, "who directed heat 1995")
    writer = await answer("who wrote it", catalog, previous=first)
    assert "Heat (1995)" in writer.text and "Heat (1986)" not in writer.text, writer.text
    music = await answer("and the music?", catalog, previous=writer)
    assert "Heat (1986)" not in music.text
    year = await answer("when did it come out", catalog, previous=music)
    assert year.answers == ["1995"], year.text


async def test_he_after_an_answer_about_a_film_is_its_director_said_so(chatty) -> None:
    first = await ask(chatty, "when did jaws come out")
    reply = await answer("how old is he", chatty, previous=first)
    assert reply.kind == "answer"
    assert reply.text.startswith("Taking “he” as the director of Jaws (1975), Steven Spielberg")
    assert reply.question == "how old is he"


BORN = """\
films:
  - {title: Psycho, year: 1960, directors: Alfred Hitchcock}
  - {title: Big, year: 1988, directors: Penny Marshall, cast: [Tom Hanks]}
  - {title: Speed, year: 1994, directors: Jan de Bont, cast: [Keanu Reeves]}
  - {title: Sleepless in Seattle, year: 1993, directors: Nora Ephron, cast: [Meg Ryan]}
people:
  - {name: Alfred Hitchcock, born: 1899-08-13, died: 1980-04-29}
  - {name: Tom Hanks, born: 1956-07-09}
  - {name: Keanu Reeves, born: 1964-09-02}
  - {name: Meg Ryan, born: 1961-11-19}
"""


async def test_he_after_a_person_the_question_names_is_that_person_not_the_last_one(
    catalog_of,
) -> None:
    catalog = await catalog_of(BORN)
    first = await ask(catalog, "how old is tom hanks")
    reply = await answer("how old was hitchcock when he died", catalog, previous=first)
    assert "Alfred Hitchcock died on 29 April 1980, aged 80" in reply.text
    assert "Tom Hanks" not in reply.text
    assert reply.question == "how old was hitchcock when he died"
    first = await ask(catalog, "when was meg ryan born")
    reply = await answer("is keanu reeves older than her", catalog, previous=first)
    assert "Meg Ryan 19 November 1961" in reply.text


async def test_he_after_a_film_without_a_director_cannot_be_told(chatty) -> None:
    first = await ask(chatty, "when did murk come out")
    assert first.kind == "answer"
    reply = await answer("how old is she", chatty, previous=first)
    assert reply.kind == "clarify"
    assert "can't tell who “she” is" in reply.text
    assert "Murk (2005)" in reply.text


async def test_it_with_nothing_before_is_still_the_question_alone(chatty) -> None:
    reply = await answer("who was in it", chatty)
    assert "Marlon Brando" not in reply.text


async def test_a_title_made_of_question_words_beside_a_genre_is_the_question(catalog_of) -> None:
    catalog = await catalog_of(
        """\
films:
  - {title: Show Me, year: 2004, cast: [Kett Turton]}
  - {title: Western, year: 1997, directors: [Manuel Poirier]}
  - {title: Rio Bravo, year: 1959, genres: [Western]}
  - {title: The Searchers, year: 1956, genres: [Western]}
"""
    )
    reply = await ask(catalog, "show me some westerns")
    assert reply.answers == ["The Searchers", "Rio Bravo"]
    reply = await ask(catalog, "who is in show me")
    assert "Kett Turton" in reply.text


@pytest.mark.parametrize("question", ["whats a good drama", "gimme a war film"])
async def test_a_good_film_of_a_kind_is_one_picked(chatty, question) -> None:
    reply = await ask(chatty, question)
    assert reply.text.startswith("How about Platoon (1986)?")


async def test_who_are_you_is_small_talk(chatty) -> None:
    reply = await ask(chatty, "who r u")
    assert reply.kind == "help"


async def test_two_genres_and_a_person_all_filter(catalog_of) -> None:
    catalog = await catalog_of(
        """\
films:
  - {title: Rush Hour, year: 1998, genres: [Action, Comedy], cast: [Jackie Chan]}
  - {title: Police Story, year: 1985, genres: [Action, Crime], cast: [Jackie Chan]}
  - {title: The Spy Next Door, year: 2010, genres: [Comedy, Family], cast: [Jackie Chan]}
  - {title: Hot Fuzz, year: 2007, genres: [Action, Comedy], cast: [Simon Pegg]}
"""
    )
    reply = await ask(catalog, "action comedies with jackie chan")
    assert reply.answers == ["Rush Hour"]
    assert "action" in reply.text.lower() and "comedy" in reply.text.lower()
    reply = await ask(catalog, "recommend an action comedy with jackie chan")
    assert reply.answers == ["Rush Hour"]


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("action comedies with jackie chan", "jackie chan"),
        ("comedies starring jackie chan", "jackie chan"),
        ("dramas directed by martin scorsese", "martin scorsese"),
        ("comedies from the 90s with jim carrey", "jim carrey"),
        ("recommend an action comedy with jackie chan", "jackie chan"),
    ],
)
async def test_a_genre_with_a_person_the_catalog_lacks_says_who_is_unknown(
    catalog_of, question, named
) -> None:
    catalog = await catalog_of(
        """\
films:
  - {title: Hot Fuzz, year: 2007, genres: [Action, Comedy], cast: [Simon Pegg]}
  - {title: Airplane!, year: 1980, genres: [Comedy], cast: [Leslie Nielsen]}
  - {title: Groundhog Day, year: 1993, genres: [Comedy], cast: [Bill Murray]}
  - {title: Raging Bull, year: 1980, genres: [Drama], directors: [Alan Roe]}
"""
    )
    reply = await ask(catalog, question)
    assert reply.kind == "not_found" and f"“{named}”" in reply.text, reply.text
    assert not {"Hot Fuzz", "Airplane!", "Groundhog Day", "Raging Bull"} & set(reply.answers)
    assert "Hot Fuzz (2007)" not in reply.text and "Raging Bull (1980)" not in reply.text


async def test_a_genre_with_none_offers_the_narrower_genre_that_has_some(catalog_of) -> None:
    catalog = await catalog_of(
        """\
films:
  - {title: Sleepless in Seattle, year: 1993, genres: [Romantic comedy], cast: [Meg Ryan]}
  - {title: Courage Under Fire, year: 1996, genres: [Drama], cast: [Meg Ryan]}
  - {title: Airplane!, year: 1980, genres: [Comedy], cast: [Leslie Nielsen]}
"""
    )
    reply = await ask(catalog, "comedies with meg ryan")
    assert reply.text.startswith("The catalog has no comedy films with Meg Ryan, but it has")
    assert reply.answers == ["Sleepless in Seattle"]


# A kind of film kept both as a genre and as a tag, as MetaQA keeps science fiction.
GENRE_AND_TAG = """\
films:
  - {title: Firestarter, year: 1984, genres: [Sci-Fi]}
  - {title: Alien, year: 1979, tags: [science fiction]}
  - {title: Dune, year: 1984, tags: [science fiction]}
  - {title: Airplane!, year: 1980, genres: [Comedy]}
  - {title: Spaceballs, year: 1987, genres: [Comedy], tags: [funny]}
  - {title: Howard the Duck, year: 1986, tags: [funny]}
  - {title: Heat, year: 1995, genres: [Crime]}
"""


@pytest.fixture
async def genre_and_tag(catalog_of):
    return await catalog_of(GENRE_AND_TAG)


@pytest.mark.parametrize("question", ["sci fi movies", "scifi movies", "sci-fi films"])
async def test_a_kind_of_film_reaches_its_genre_and_its_tag(genre_and_tag, question) -> None:
    reply = await ask(genre_and_tag, question)
    assert set(reply.answers) == {"Firestarter", "Alien", "Dune"}


async def test_a_word_for_a_genre_kept_as_a_tag_means_the_genre(genre_and_tag) -> None:
    reply = await ask(genre_and_tag, "funny movies")
    assert set(reply.answers) == {"Airplane!", "Spaceballs", "Howard the Duck"}
    assert reply.text.startswith("Comedy films (3)")


async def test_a_tag_said_as_a_subject_stays_the_tag(genre_and_tag) -> None:
    reply = await ask(genre_and_tag, "films about funny")
    assert set(reply.answers) == {"Spaceballs", "Howard the Duck"}


async def test_it_after_an_answer_about_several_films_asks_which(chatty) -> None:
    first = await ask(chatty, "which is older, jaws or the godfather")
    assert first.kind == "answer"
    reply = await answer("who was in it", chatty, previous=first)
    assert reply.kind == "clarify"
    assert "which film do you mean: Jaws (1975) or The Godfather (1972)?" in reply.text
    named = await answer("who was in the godfather", chatty, previous=first)
    assert named.kind == "answer"
    assert "Marlon Brando" in named.text


IT_TOO = CHATTY + "  - {title: It, year: 2017, directors: [Andy Muschietti]}\n"


@pytest.mark.parametrize("question", ["was meg ryan in it", "who directed it"])
async def test_it_after_an_answer_about_a_person_alone_asks_which_film(
    catalog_of, question
) -> None:
    it = "  - {title: It, year: 2017, directors: [Andy Muschietti]}\n"
    catalog = await catalog_of(BORN.replace("people:\n", it + "people:\n"))
    first = await ask(catalog, "how old is tom hanks")
    assert first.kind == "answer" and first.films == []
    reply = await answer(question, catalog, previous=first)
    assert reply.kind == "clarify", reply.text
    assert reply.text == "By “it”, which film do you mean? Ask again with its title."


async def test_whether_someone_was_in_it_asked_alone_is_not_yes_for_all_their_films(
    catalog_of,
) -> None:
    catalog = await catalog_of(IT_TOO)
    reply = await ask(catalog, "was al pacino in it")
    assert reply.kind == "clarify", reply.text
    assert "The Godfather" not in reply.text
    first = await ask(catalog, "who directed jaws")
    after = await answer("was al pacino in it", catalog, previous=first)
    assert after.text.startswith("No: Al Pacino"), after.text


async def test_a_busy_kind_of_film_reaches_its_other_words_too(catalog_of) -> None:
    tagged = "\n".join(
        f"  - {{title: Film {n}, year: {1950 + n}, tags: [science fiction]}}" for n in range(30)
    )
    catalog = await catalog_of(
        f"films:\n  - {{title: Firestarter, year: 1984, genres: [Sci-Fi]}}\n{tagged}\n"
    )
    reply = await ask(catalog, "science fiction movies")
    assert "Firestarter" in reply.answers or "Firestarter" in reply.text
    assert reply.text.startswith("Sci-fi films (31)"), reply.text


async def test_a_kind_of_film_reads_only_the_words_for_it_the_catalog_has(
    genre_and_tag, monkeypatch
) -> None:
    await ask(genre_and_tag, "crime movies")  # the words the catalog has are read once
    read: list[tuple[str, str]] = []
    films_with_value = genre_and_tag.films_with_value

    async def counted(kind: str, value: str):
        read.append((kind, value))
        return await films_with_value(kind, value)

    monkeypatch.setattr(genre_and_tag, "films_with_value", counted)
    assert (await ask(genre_and_tag, "crime movies")).answers == ["Heat"]
    assert read == [("genre", "crime")]
    await ask(genre_and_tag, "funny movies")
    assert set(read[1:]) == {("tag", "funny"), ("genre", "comedy")}


# Comedy and a kind of it kept as genres of their own, as the starter catalog keeps them.
KINDS_OF_COMEDY = """\
films:
  - {title: Big, year: 1988, genres: [Comedy, Fantasy], cast: [Tom Hanks]}
  - {title: Sleepless in Seattle, year: 1993, genres: [Romantic comedy],
     cast: [Tom Hanks, Meg Ryan]}
  - {title: You've Got Mail, year: 1998, genres: [Romantic comedy], cast: [Tom Hanks, Meg Ryan]}
  - {title: Cast Away, year: 2000, genres: [Drama], cast: [Tom Hanks]}
  - {title: Airplane!, year: 1980, genres: [Comedy]}
  - {title: Heathers, year: 1989, genres: [Black comedy]}
  - {title: Heat, year: 1995, genres: [Crime]}
"""


@pytest.fixture
async def kinds_of_comedy(catalog_of):
    return await catalog_of(KINDS_OF_COMEDY)


@pytest.mark.parametrize(
    "question", ["comedy films with tom hanks", "tom hanks comedies", "comedies with tom hanks"]
)
async def test_a_persons_films_of_a_genre_include_the_kinds_of_it(kinds_of_comedy, question):
    reply = await ask(kinds_of_comedy, question)
    assert reply.answers == ["Big", "Sleepless in Seattle", "You've Got Mail"], reply.text
    assert reply.text.startswith("Comedy films with Tom Hanks, romantic comedies included (3):")


@pytest.mark.parametrize("question", ["comedies", "comedy films"])
async def test_a_genre_alone_includes_the_kinds_of_it(kinds_of_comedy, question) -> None:
    reply = await ask(kinds_of_comedy, question)
    assert set(reply.answers) == {
        "Big",
        "Sleepless in Seattle",
        "You've Got Mail",
        "Airplane!",
        "Heathers",
    }
    assert reply.text.startswith(
        "Comedy films, black comedies and romantic comedies included (5):"
    ), reply.text


async def test_kinds_of_a_genre_are_said_only_where_they_add_films(kinds_of_comedy) -> None:
    reply = await ask(kinds_of_comedy, "comedies from the 80s")
    assert reply.answers == ["Airplane!", "Big", "Heathers"]
    assert reply.text.startswith("Comedy films from the 1980s, black comedies included (3)")
    reply = await ask(kinds_of_comedy, "drama films with tom hanks")
    assert reply.text.startswith("Drama films with Tom Hanks (1): Cast Away (2000)")


async def test_a_person_with_only_a_kind_of_a_genre_is_offered_it(kinds_of_comedy) -> None:
    reply = await ask(kinds_of_comedy, "comedies with meg ryan")
    assert reply.text.startswith("The catalog has no comedy films with Meg Ryan, but it has")
    assert reply.answers == ["Sleepless in Seattle", "You've Got Mail"]
    reply = await ask(kinds_of_comedy, "romantic comedies with meg ryan")
    assert reply.text.startswith("Romantic comedy films with Meg Ryan (2):")


@pytest.mark.parametrize(
    "question", ["films w al pacino and marlon brando", "movies w pacino and brando"]
)
async def test_w_is_with(chatty, question) -> None:
    reply = await ask(chatty, question)
    assert "together on The Godfather" in reply.text, reply.text


async def test_a_name_the_catalog_lacks_after_w_is_said_back_without_it(chatty) -> None:
    reply = await ask(chatty, "movies w jim carrey")
    assert "“jim carrey”" in reply.text, reply.text


@pytest.mark.parametrize(
    "question",
    [
        "the good the bad and the ugly",
        "who directed the good the bad and the ugly",
        "what is the good the bad and the ugly about",
    ],
)
async def test_a_title_the_catalog_lacks_is_said_back_whole(chatty, question) -> None:
    reply = await ask(chatty, question)
    assert reply.kind == "not_found"
    assert "“good the bad and the ugly”" in reply.text, reply.text


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("how long is lawrence of arabia", "lawrence of arabia"),
        ("who starred in lawrence of arabia", "lawrence of arabia"),
        ("who directed gone with the wind", "gone with the wind"),
        ("who is the director of gone with the wind", "gone with the wind"),
        ("who directed the lord of the rings", "lord of the rings"),
        ("who composed the music for the lord of the rings", "lord of the rings"),
        ("when did once upon a time in hollywood come out", "once upon a time in hollywood"),
        ("is the silence of the lambs good", "silence of the lambs"),
        (
            "who starred in eternal sunshine of the spotless mind",
            "eternal sunshine of the spotless mind",
        ),
        ("when did all quiet on the western front come out", "all quiet on the western front"),
        ("who directed to kill a mockingbird", "to kill a mockingbird"),
        ("who directed for a few dollars more", "for a few dollars more"),
        # a preposition after the one asking is the title's own first word
        ("who starred in for a few dollars more", "for a few dollars more"),
        ("who was in for a few dollars more", "for a few dollars more"),
        ("music for for a few dollars more", "for a few dollars more"),
        ("who directed the man who shot liberty valance", "man who shot liberty valance"),
        ("what is the running time of the last of the mohicans", "last of the mohicans"),
        # asked about, or typed alone: a film the catalog lacks, not another subject
        ("tell me about the man who shot liberty valance", "man who shot liberty valance"),
        ("tell me about to kill a mockingbird", "to kill a mockingbird"),
        ("gone with the wind", "gone with the wind"),
        ("for a few dollars more", "for a few dollars more"),
        ("in the mood for love", "in the mood for love"),
        ("of mice and men", "of mice and men"),
        # the film before or after it asked for
        ("what came after the lord of the rings", "lord of the rings"),
        ("what comes before the lord of the rings", "lord of the rings"),
    ],
)
async def test_a_title_the_catalog_lacks_is_not_cut_at_the_words_joining_it(
    chatty, question, said
) -> None:
    reply = await ask(chatty, question)
    assert reply.kind == "not_found"
    assert f"called “{said}”" in reply.text, reply.text


async def test_words_asking_before_a_title_the_catalog_lacks_are_not_said_back(chatty) -> None:
    reply = await ask(chatty, "whos in starfighter")
    assert "called “starfighter”" in reply.text, reply.text


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("nolan's movies", "“nolan”"),
        ("what was christopher nolan’s first film", "“christopher nolan”"),
        ("who directed ocean's eleven", "“ocean's eleven”"),
        ("how old is nolan's wife", "“nolan's wife”"),
        # what a name with an 's owns is the title's word, though a question word too
        ("who directed schindler's list", "“schindler's list”"),
        ("Schindler's List", "“schindler's list”"),
        ("when did schindler's list come out", "“schindler's list”"),
        ("what is schindler's list about", "“schindler's list”"),
        # and without it: the owned word is still the title's
        ("who directed schindlers list", "“schindlers list”"),
        ("when did schindlers list come out", "“schindlers list”"),
        # any apostrophe a word was typed with, but quotes around words
        ("who directed Singin' in the Rain", "“singin' in the rain”"),
        ("who directed 'singin in the rain'?", "“singin in the rain”"),
        ("nolan's first film", "“nolan”"),
    ],
)
async def test_a_name_typed_with_an_apostrophe_is_said_back_as_typed(
    chatty, question, said
) -> None:
    reply = await ask(chatty, question)
    assert reply.kind == "not_found"
    assert said in reply.text, reply.text
