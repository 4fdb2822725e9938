"""A person named by their surname alone, as people say it in chat: beside a title ("did
spielberg direct jaws"), shared with others of that name, the same as a tag, or misspelt."""

from __future__ import annotations

from datetime import date

import pytest

from bot.answering.engine import answer
from tests.answering.conftest import ask

PEOPLE = """\
films:
  - title: Jaws
    year: 1975
    directors: [Steven Spielberg]
    cast: [Roy Scheider]
    tags: [shark, spielberg]
    sources: [https://example.org/jaws]
  - title: Big
    year: 1988
    directors: [Penny Marshall]
    writers: [Anne Spielberg, Gary Ross]
    cast: [Tom Hanks]
    sources: [https://example.org/big]
  - title: The Shining
    year: 1980
    directors: [Stanley Kubrick]
    cast: [Jack Nicholson]
    sources: [https://example.org/shining]
  - title: Barry Lyndon
    year: 1975
    directors: [Stanley Kubrick]
    sources: [https://example.org/barry]
  - title: The Fellowship of the Ring
    year: 2001
    directors: [Peter Jackson]
    composer: [Howard Shore]
    sources: [https://example.org/ring]
  - title: Alive
    year: 1993
    directors: [Frank Marshall]
    cast: [Ethan Hawke]
    sources: [https://example.org/alive]
  - {title: The Terminator, year: 1984, directors: [James Cameron], sources: [https://example.org/t]}
  - {title: Aliens, year: 1986, directors: [James Cameron], sources: [https://example.org/a]}
  - {title: Titanic, year: 1997, directors: [James Cameron], sources: [https://example.org/ti]}
  - {title: Open Season 2, year: 2008, directors: [Cody Cameron], sources: [https://example.org/o]}
  - {title: Big Mommas, year: 2011, cast: [Kirk Cameron], sources: [https://example.org/b]}
  - title: Inception
    year: 2010
    directors: [Christopher Nolan]
    composer: [Hans Zimmer]
    sources: [https://example.org/inception]
"""


@pytest.fixture
async def people(catalog_of):
    return await catalog_of(PEOPLE)


@pytest.mark.parametrize(
    ("question", "said"),
    [
        (
            "did spielberg direct the shining",
            "No: The Shining (1980) was directed by Stanley Kubrick.",
        ),
        ("did spielberg direct jaws?", "Yes: Steven Spielberg directed Jaws (1975)."),
        ("did spielberg write big", "Yes: Anne Spielberg wrote Big (1988)."),
    ],
)
async def test_a_surname_two_people_share_is_the_one_credited_in_the_role_asked(
    people, question, said
) -> None:
    # "spielberg" is also a tag of Jaws: asked of a credit, it is the person
    reply = await ask(people, question)
    assert reply.text.endswith(said), reply.text


async def test_a_shared_surname_is_the_one_with_far_more_films_in_the_role_asked(people) -> None:
    reply = await ask(people, "films directed by cameron")
    # the others of the name are said, so one of them can be asked for by name
    read = "(Reading “cameron” as “James Cameron”; there are also Cody Cameron and Kirk Cameron.)"
    assert reply.text.startswith(read), reply.text
    assert reply.answers == ["The Terminator", "Aliens", "Titanic"]


async def test_a_shared_surname_with_no_role_asked_is_not_guessed(people) -> None:
    reply = await ask(people, "was spielberg in jaws")
    assert "Yes" not in reply.text


async def test_a_tag_asked_for_is_still_the_tag(people) -> None:
    reply = await ask(people, "films tagged spielberg")
    assert reply.answers == ["Jaws"]


@pytest.mark.parametrize(
    ("question", "person"),
    [
        ("kubrik films", "Stanley Kubrick"),
        ("nolen movies", "Christopher Nolan"),
        ("zimer movies", "Hans Zimmer"),
    ],
)
async def test_a_short_misspelt_surname_alone_is_read(people, question, person) -> None:
    reply = await ask(people, question)
    assert reply.kind == "answer", reply.text
    assert reply.text.startswith(f"(Reading “{question.split()[0]}” as “{person}”.)")


@pytest.mark.parametrize("question", ["short films", "shire films", "hanx movies"])
async def test_an_english_word_or_a_very_short_word_is_not_read_as_a_misspelt_surname(
    people, question
) -> None:
    reply = await ask(people, question)
    assert "Reading" not in reply.text
    assert "Howard Shore" not in reply.answers


async def test_a_yes_or_no_about_a_person_is_not_read_as_a_credit_without_a_word_for_one(
    people,
) -> None:
    # "alive" names the film Alive: without "in", "star" or "direct" no credit is asked
    alive = await ask(people, "is jack nicholson alive")
    assert alive.answers != ["no"]
    assert "Alive (1993)" not in alive.text
    yes = await ask(people, "is jack nicholson in the movie the shining")
    assert yes.text == "Yes: Jack Nicholson is in The Shining (1980)."


TAGGED = """\
films:
  - {title: Following, year: 1998, directors: [Christopher Nolan], sources: [x]}
  - {title: Memento, year: 2000, directors: [Christopher Nolan], sources: [x]}
  - {title: Insomnia, year: 2002, directors: [Christopher Nolan], sources: [x]}
  - {title: Inception, year: 2010, directors: [Christopher Nolan], tags: [nolan], sources: [x]}
  - {title: Bataan, year: 1943, cast: [Lloyd Nolan], sources: [x]}
  - {title: Peyton Place, year: 1957, cast: [Lloyd Nolan], tags: [old], sources: [x]}
  - {title: Splash, year: 1984, cast: [Tom Hanks], genres: [Comedy], sources: [x]}
  - {title: Big, year: 1988, cast: [Tom Hanks], genres: [Comedy], sources: [x]}
  - {title: Philadelphia, year: 1993, cast: [Tom Hanks], genres: [Drama], sources: [x]}
  - {title: Orange County, year: 2002, cast: [Colin Hanks], genres: [Comedy], sources: [x]}
  - {title: Shanks, year: 1974, cast: [Marcel Marceau], sources: [x]}
  - {title: Halloween, year: 2007, directors: [Rob Zombie], tags: [zombie], sources: [x]}
  - {title: Dawn of the Dead, year: 1978, tags: [zombie], sources: [x]}
  - {title: Day of the Dead, year: 1985, tags: [zombie], sources: [x]}
  - {title: Hitchcock, year: 2012, directors: [Sacha Gervasi], sources: [x]}
  - {title: Smithereens, year: 1982, cast: [Ann Smith], genres: [Comedy], sources: [x]}
  - {title: Wordsmith, year: 1983, cast: [Bob Smith], genres: [Comedy], sources: [x]}
  - {title: Rebecca, year: 1940, directors: [Alfred Hitchcock], sources: [x]}
  - {title: Psycho, year: 1960, directors: [Alfred Hitchcock], sources: [x]}
people:
  - {name: Christopher Nolan, born: 1970-07-30}
"""


@pytest.fixture
async def tagged(catalog_of):
    return await catalog_of(TAGGED)


@pytest.mark.parametrize(
    ("question", "films"),
    [
        ("films by nolan", ["Following", "Memento", "Insomnia", "Inception"]),
        ("nolan movies", ["Following", "Memento", "Insomnia", "Inception"]),
        ("what movies are about nolan", ["Inception"]),  # the tag, asked as one
        ("zombie films", ["Dawn of the Dead", "Day of the Dead", "Halloween"]),  # more tagged
    ],
)
async def test_a_surname_that_is_also_a_tag_names_the_far_better_credited_person(
    tagged, question, films
) -> None:
    reply = await ask(tagged, question)
    assert reply.answers == films, reply.text


async def test_a_word_that_tags_films_still_asks_the_age_of_a_surname(tagged) -> None:
    reply = await answer("how old is nolan", tagged, today=date(2026, 6, 15))
    said = "Christopher Nolan is 55: born on 30 July 1970."
    read = "(Reading “nolan” as “Christopher Nolan”; there is also Lloyd Nolan.)"
    assert reply.text == f"{read} {said}"


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("best hanks movie", "Tom Hanks"),
        ("hanks comedies", "Comedy films with Tom Hanks (2): Splash (1984) and Big (1988)."),
    ],
)
async def test_a_surname_is_the_one_of_it_with_far_more_films(tagged, question, said) -> None:
    reply = await ask(tagged, question)
    read = "(Reading “hanks” as “Tom Hanks”; there is also Colin Hanks.)"
    assert reply.text.startswith(read), reply.text
    assert said in reply.text
    assert "Shanks" not in reply.text


async def test_a_one_word_title_where_only_a_person_can_be_is_the_person(tagged) -> None:
    made = await ask(tagged, "how many films did hitchcock make")
    assert made.answers == ["2"], made.text
    assert (
        "Alfred Hitchcock directed 2 films in the catalog: Rebecca (1940) and Psycho (1960)."
        in made.text
    )
    film = await ask(tagged, "who directed hitchcock")
    assert film.answers == ["Sacha Gervasi"]


async def test_a_surname_of_people_alike_in_films_and_directing_none_is_not_guessed(
    tagged,
) -> None:
    reply = await ask(tagged, "smith comedies")
    assert "Reading" not in reply.text
    assert "Ann Smith" not in reply.text and "Bob Smith" not in reply.text


async def test_a_given_name_said_alone_is_the_one_of_it_with_far_more_films(catalog_of) -> None:
    catalog = await catalog_of(
        """\
films:
  - {title: Glory, year: 1989, cast: [Denzel Washington], sources: [x]}
  - {title: Philadelphia, year: 1993, cast: [Denzel Washington], sources: [x]}
  - {title: Training Day, year: 2001, cast: [Denzel Washington], sources: [x]}
  - {title: The Great Debaters, year: 2007, cast: [Denzel Whitaker], sources: [x]}
  - {title: Frozen, year: 2013, cast: [Idina Menzel], sources: [x]}
"""
    )
    reply = await ask(catalog, "denzel movies")
    assert reply.text.startswith("(Reading “denzel” as “Denzel Washington”.)"), reply.text
    assert reply.answers == ["Glory", "Philadelphia", "Training Day"]


GIVEN_NAMES = """\
films:
  - {title: Toy Story, year: 1995, cast: [Tom Hanks, Tim Allen], sources: [x]}
  - {title: Galaxy Quest, year: 1999, cast: [Tim Allen, Sigourney Weaver], sources: [x]}
"""


@pytest.mark.parametrize(
    "question",
    ["wat are some tim burton movies", "tim burton films", "who is tim burton", "tim burton"],
)
async def test_a_full_name_whose_surname_is_nobodys_is_not_read_as_the_given_name(
    catalog_of, question
) -> None:
    catalog = await catalog_of(GIVEN_NAMES)
    reply = await ask(catalog, question)
    assert reply.kind == "not_found", reply.text
    assert "“tim burton”" in reply.text
    assert "Tim Allen" not in reply.text and reply.answers == []


@pytest.mark.parametrize("question", ["tim movies", "tim allen films", "tim alen movies"])
async def test_a_given_name_alone_or_a_full_name_with_a_slip_is_still_the_person(
    catalog_of, question
) -> None:
    catalog = await catalog_of(GIVEN_NAMES)
    reply = await ask(catalog, question)
    assert reply.answers == ["Toy Story", "Galaxy Quest"], reply.text


ONE_WORD_SHARED = """\
films:
  - {title: Avatar, year: 2009, cast: [Stephen Lang, Sam Worthington], sources: [x]}
  - {title: The Lion King, year: 1994, cast: [Matthew Broderick], sources: [x]}
  - {title: Collateral, year: 2004, cast: [Tom Cruise, Jada Pinkett Smith], sources: [x]}
  - {title: Speed, year: 1994, cast: [Keanu Reeves], sources: [x]}
  - {title: Big, year: 1988, cast: [Tom Hanks], sources: [x]}
people:
  - {name: Keanu Reeves, born: 1964-09-02}
  - {name: Tom Hanks, born: 1956-07-09}
"""


@pytest.mark.parametrize(
    ("question", "named", "suggested"),
    [
        # "king" is a word of a title, no one's surname: another person than Stephen Lang
        ("stephen king movies", "stephen king", "Stephen Lang"),
        ("who is stephen king", "stephen king", "Stephen Lang"),
        # a surname after a given name the catalog lacks: someone else of that surname
        ("who is nobody smith", "nobody smith", "Jada Pinkett Smith"),
        ("nobody smith", "nobody smith", "Jada Pinkett Smith"),
        ("who is will smith", "will smith", "Jada Pinkett Smith"),
    ],
)
async def test_a_name_only_one_word_of_which_is_someones_is_said_to_be_unknown(
    catalog_of, question, named, suggested
) -> None:
    catalog = await catalog_of(ONE_WORD_SHARED)
    reply = await ask(catalog, question)
    assert reply.kind == "not_found", reply.text
    assert f"called “{named}”" in reply.text and reply.answers == [], reply.text
    assert "Reading" not in reply.text and suggested in reply.suggestions, reply.text


async def test_an_age_gap_with_a_name_the_catalog_lacks_says_so(catalog_of) -> None:
    catalog = await catalog_of(ONE_WORD_SHARED)
    reply = await ask(catalog, "age gap between tom hanks and nobody smith")
    assert reply.text == (
        "I couldn't find a film or person I know called “nobody smith”, so I can't compare "
        "it with Tom Hanks."
    )


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("keanu birthday", "Keanu Reeves was born on 2 September 1964."),
        ("whens keanu's birthday", "Keanu Reeves was born on 2 September 1964."),
        ("keanu age", ": born on 2 September 1964."),
        ("who is jada smith", "Jada Pinkett Smith"),
        ("young hanks movies", "Tom Hanks is credited on Big (1988)."),
    ],
)
async def test_a_given_name_or_surname_beside_a_word_asking_of_them_is_still_the_person(
    catalog_of, question, said
) -> None:
    catalog = await catalog_of(ONE_WORD_SHARED)
    reply = await ask(catalog, question)
    assert reply.kind == "answer", reply.text
    assert said in reply.text


WORKING = """\
films:
  - {title: The Terminator, year: 1984, directors: [James Cameron], cast: [Arnold Schwarzenegger]}
  - {title: True Lies, year: 1994, directors: [James Cameron], cast: [Arnold Schwarzenegger]}
  - {title: Titanic, year: 1997, directors: [James Cameron], cast: [Leonardo DiCaprio]}
  - {title: Avatar, year: 2009, directors: [James Cameron], cast: [Sam Worthington]}
  - {title: "Avatar: The Way of Water", year: 2022, directors: [James Cameron]}
  - {title: Together, year: 2000, directors: [Lukas Moodysson]}
  - {title: Dr. Strangelove, year: 1964, directors: [Stanley Kubrick]}
  - {title: "2001: A Space Odyssey", year: 1968, directors: [Stanley Kubrick]}
  - {title: The Shining, year: 1980, directors: [Stanley Kubrick]}
"""


@pytest.mark.parametrize(
    ("question", "answers"),
    [
        ("what has cameron done since avatar", ["Avatar: The Way of Water"]),
        ("what has cameron been doing since titanic", ["Avatar", "Avatar: The Way of Water"]),
        ("films where cameron and schwarzenegger worked together", ["The Terminator", "True Lies"]),
        ("has schwarzenegger worked with cameron", ["The Terminator", "True Lies"]),
        ("what did kubrick direct after 2001 a space odyssey", ["The Shining"]),
        ("kubrick films before 2001 a space odyssey", ["Dr. Strangelove"]),
    ],
)
async def test_surnames_beside_words_of_working_and_a_title_of_a_year_are_read(
    catalog_of, question, answers
) -> None:
    catalog = await catalog_of(WORKING)
    reply = await ask(catalog, question)
    assert reply.answers == answers, reply.text


PARTICLES = """\
films:
  - {title: Heat, year: 1995, directors: [Michael Mann], cast: [Al Pacino, Robert De Niro]}
  - {title: Raging Bull, year: 1980, directors: [Martin Scorsese], cast: [Robert De Niro]}
  - {title: Cape Fear, year: 1991, directors: [Martin Scorsese], tags: [de niro]}
  - {title: Serpico, year: 1973, directors: [Sidney Lumet], cast: [Al Pacino]}
"""


@pytest.mark.parametrize(
    "question",
    ["did al pacino and de niro ever act together", "movies with pacino and de niro"],
)
async def test_a_surname_of_two_words_said_alone_is_the_one_person_of_it(
    catalog_of, question
) -> None:
    catalog = await catalog_of(PARTICLES)
    reply = await ask(catalog, question)
    assert reply.answers == ["Heat"], reply.text
    assert "Robert De Niro" in reply.text


LIVES = """\
films:
  - {title: Hitchcock, year: 2012, directors: [Sacha Gervasi], cast: [Anthony Hopkins]}
  - {title: Still Alice, year: 2014, directors: [Richard Glatzer], cast: [Julianne Moore]}
  - {title: Alive, year: 1993, directors: [Frank Marshall]}
  - {title: Psycho, year: 1960, directors: [Alfred Hitchcock]}
  - {title: Vertigo, year: 1958, directors: [Alfred Hitchcock]}
"""


@pytest.mark.parametrize(
    "question",
    [
        "is hitchcock still alive",
        "is hitchcock alive",
        "when did hitchcock die",
        "is hitchcock dead",
    ],
)
async def test_a_surname_that_is_a_title_too_asked_alive_is_the_person(
    catalog_of, question
) -> None:
    catalog = await catalog_of(LIVES)
    reply = await ask(catalog, question)
    assert "no date of death for Alfred Hitchcock" in reply.text
    assert "Still Alice" not in reply.text


NOLAN = """\
films:
  - {title: Memento, year: 2000, directors: [Christopher Nolan]}
  - {title: Interstellar, year: 2014, directors: [Christopher Nolan]}
  - {title: Inception, year: 2010, directors: [Christopher Nolan], tags: [nolan]}
  - {title: Up, year: 2009, directors: [Pete Docter]}
"""


async def test_a_surname_typed_with_its_s_is_the_person_over_a_tag(catalog_of) -> None:
    reply = await ask(await catalog_of(NOLAN), "nolan's newest movie")
    assert reply.answers == ["Interstellar"], reply.text


async def test_a_name_the_catalog_lacks_typed_with_its_s_is_said_unknown(catalog) -> None:
    reply = await ask(catalog, "nolan's newest movie")
    assert reply.kind == "not_found", reply.text
    assert reply.answers == [] and reply.films == []
    assert "“nolan”" in reply.text


NAMESAKES = """\
films:
  - title: 2001 A Space Odyssey
    year: 1968
    directors: [Stanley Kubrick]
    cast: [Douglas Rain]
    sources: [https://example.org/2001]
  - title: The Shining
    year: 1980
    directors: [Stanley Kubrick]
    cast: [Scatman Crothers]
    companies: [Warner Bros.]
    sources: [https://example.org/shining]
"""


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("singin in the rain", "singin in the rain"),
        ("who directed singing in the rain", "singing in the rain"),
        ("singin in the rain movie", "singin in the rain"),
        ("coen brothers movies", "coen brothers"),
        ("films directed by the coen brothers", "coen brothers"),
        ("coen bros films", "coen bros"),
    ],
)
async def test_a_word_of_a_longer_name_the_catalog_lacks_is_no_one_elses_name(
    catalog_of, question, said
) -> None:
    reply = await ask(await catalog_of(NAMESAKES), question)
    assert reply.kind == "not_found", reply.text
    assert f"“{said}”" in reply.text
    for other in ("Douglas Rain", "Scatman Crothers", "Warner Bros."):
        assert other not in reply.text


def _films(*films: tuple[str, int, dict[str, str]]) -> str:
    """A catalog of ``(title, year, {role field: "Name, Name"})``, each film sourced."""
    lines = ["films:"]
    for number, (title, year, credits) in enumerate(films):
        lines += [f"  - title: {title}", f"    year: {year}"]
        lines += [f"    {field}: [{names}]" for field, names in credits.items()]
        lines.append(f"    sources: [https://example.org/{number}]")
    return "\n".join(lines) + "\n"


ALOHA = ("Aloha Summer", 1988, {"writers": "Franklin Coen"})
FOUR_MORE = [  # films Ethan Coen wrote alone, in the tests below
    ("The Big Lebowski", 1998),
    ("A Serious Man", 2009),
    ("Barton Fink", 1991),
    ("Miller's Crossing", 1990),
]
COENS = _films(
    ("Fargo", 1996, {"directors": "Joel Coen, Ethan Coen", "genres": "Crime"}),
    ("The Big Lebowski", 1998, {"directors": "Joel Coen, Ethan Coen"}),
    ("Blood Simple", 1984, {"directors": "Joel Coen"}),
    ALOHA,
    ("The Con", 1998, {"directors": "Steven Schachter"}),
    ("King of Kings", 1961, {"directors": "Nicholas Ray", "cast": "Robert King, Tom King"}),
)


async def test_a_surname_read_as_one_of_several_names_the_others_best_known_first(
    catalog_of,
) -> None:
    ethan = {"writers": "Ethan Coen"}
    catalog = await catalog_of(
        _films(
            ("Fargo", 1996, {"directors": "Joel Coen, Ethan Coen"}),
            ("Blood Simple", 1984, {"directors": "Joel Coen", **ethan}),
            *((title, year, ethan) for title, year in FOUR_MORE),
            ALOHA,
        )
    )
    reply = await ask(catalog, "coen movies")
    read = "(Reading “coen” as “Ethan Coen”; there are also Joel Coen and Franklin Coen.)"
    assert reply.text.startswith(read), reply.text
    assert "Barton Fink" in reply.text


async def test_a_surname_of_several_people_none_best_known_asks_which_is_meant(
    catalog_of,
) -> None:
    # none of them credited far more than the others, and no two of them together
    catalog = await catalog_of(
        _films(
            ("Fargo", 1996, {"directors": "Ethan Coen"}),
            ("Blood Simple", 1984, {"directors": "Joel Coen"}),
            ("Miller's Crossing", 1990, {"directors": "Joel Coen"}),
            ALOHA,
        )
    )
    reply = await ask(catalog, "coen movies")
    assert reply.kind == "clarify"
    assert reply.text == (
        "Several people I know are called “coen”: Joel Coen, Ethan Coen and Franklin Coen. "
        "Which one do you mean? Ask again with their full name."
    )
    assert reply.suggestions == ["Joel Coen", "Ethan Coen", "Franklin Coen"]


async def test_a_surname_none_of_it_stands_out_for_is_those_of_it_who_worked_together(
    catalog_of,
) -> None:
    catalog = await catalog_of(COENS)  # Joel Coen on three films, Ethan on two
    reply = await ask(catalog, "coen movies")
    assert reply.text.startswith("(Reading “coen” as “Joel Coen and Ethan Coen”.)"), reply.text
    assert reply.answers == ["Fargo", "The Big Lebowski"]


@pytest.mark.parametrize("question", ["films by the coens", "coens movies", "the coens films"])
async def test_a_surname_in_the_plural_is_the_people_of_it_who_worked_together(
    catalog_of, question: str
) -> None:
    catalog = await catalog_of(COENS)
    reply = await ask(catalog, question)
    assert reply.text.startswith("(Reading “"), reply.text
    assert "“Joel Coen and Ethan Coen”" in reply.text
    assert reply.answers == ["Fargo", "The Big Lebowski"]  # not The Con, nor Franklin's
    assert "Franklin" not in reply.text


async def test_a_plural_that_is_an_english_word_is_no_family(catalog_of) -> None:
    catalog = await catalog_of(COENS)
    reply = await ask(catalog, "films about kings")
    assert "Robert King" not in reply.text and "Tom King" not in reply.text


async def test_a_surname_of_too_many_people_to_rank_says_how_many(catalog_of) -> None:
    smiths = ", ".join(f"Actor{chr(97 + i // 26)}{chr(97 + i % 26)} Smith" for i in range(40))
    catalog = await catalog_of(_films(("Crowd", 1990, {"cast": smiths})))
    reply = await ask(catalog, "smith movies")
    assert reply.kind == "clarify"
    assert reply.text.startswith("40 people I know are called “smith”. Which one"), reply.text


@pytest.mark.parametrize(
    ("question", "answers"),
    [
        ("coen crime movies", ["Fargo"]),  # beside a genre
        ("coens crime films", ["Fargo"]),
        ("coen movies from the 90s", ["Fargo", "The Big Lebowski"]),  # beside a time
        ("did coen direct fargo", ["yes"]),
    ],
)
async def test_a_surname_of_people_who_worked_together_is_them_beside_other_words(
    catalog_of, question: str, answers: list[str]
) -> None:
    catalog = await catalog_of(COENS)
    reply = await ask(catalog, question)
    assert "“Joel Coen and Ethan Coen”" in reply.text, reply.text
    assert reply.answers == answers, reply.text
    assert "Blood Simple" not in reply.text


async def test_people_credited_together_on_no_film_of_a_genre_are_said_to_be_so(
    catalog_of,
) -> None:
    catalog = await catalog_of(COENS)
    reply = await ask(catalog, "coen westerns")
    assert reply.answers == []
    assert reply.text.endswith(
        "The catalog has no western films where Joel Coen and Ethan Coen are credited "
        "together; they are on Fargo (1996) and The Big Lebowski (1998)."
    ), reply.text
