"""People: "when was Tom Hanks born", "how old is Keanu Reeves", "who is Junkie XL",
"Kubrick's first film", "Tom Hanks' latest movie", "the first film James Cameron wrote"."""

from __future__ import annotations

import re
from datetime import date

from bot.answering.context import Context
from bot.answering.lexicon import DIED, DIED_WORDS, PERSON_VERBS, words
from bot.answering.reply import Answer, film_list, join_names, merged_note, status_note
from bot.answering.wanted import listing_order
from bot.store.catalog import FilmSummary, PersonRecord, has_renown
from bot.store.dates import When, said, said_years, years_between

_BORN_WORDS = r"born|birth\w*|bday|b day|date of birth|dob"
_AGE_WORDS = r"how old|age|aged|years old"
_FIRST_WORDS = r"first|earliest|oldest|debut\w*|began|begin\w*|start\w*"
_LATEST_WORDS = r"latest|newest|most recent|recent|last|lately|current|new"
_BORN, AGE_ASKED = words(_BORN_WORDS), words(_AGE_WORDS)
_FIRST, _LATEST = words(_FIRST_WORDS), words(_LATEST_WORDS)
# Any of them: one search settles most questions, which ask none
_ANY_ASKED = words("|".join((_BORN_WORDS, _AGE_WORDS, DIED_WORDS, _FIRST_WORDS, _LATEST_WORDS)))
_FILMS = words(r"films?|movies?|pictures?|works?|credits?|roles?|projects?|debut\w*")
# "who is X", "tell me about X": every word outside the name is one of these.
_WHO_IS_WORDS = frozenset(
    "who whos is s was are tell me about the person called named what do you know info "
    "information on anything".split()
)
_WHO_IS_OPENING = re.compile(r"^(?:who|whos|tell me|what do you know|info|information)\b")
UNLIKELY_AGE = 100  # from here on an age is said as "would be", not "is"


def asks_of_a_person(word: str) -> bool:
    """Whether one word asks of a person's life or films ("birthday", "age", "died",
    "debut", "movies"): a word of the question, not of a name beside it ("keanu birthday")."""
    return bool(_ANY_ASKED.fullmatch(word) or _FILMS.fullmatch(word))


def without_life_asked(text: str) -> str:
    """The words left when those asking of a person's birth, age or death are taken out
    ("how old is": “is”)."""
    return _ANY_ASKED.sub(" ", text)


async def reply(ctx: Context) -> Answer | None:
    """Birth, age, who someone is, and their first or latest film."""
    if not (_ANY_ASKED.search(ctx.key) or _WHO_IS_OPENING.search(ctx.key)):
        return None  # nothing asked of a person's life or films: most questions
    outside = _outside_names(ctx)
    first, latest = _FIRST.search(outside), _LATEST.search(outside)
    if DIED.search(outside) or _life_asked(ctx):
        ask = _death_reply
    elif AGE_ASKED.search(outside):
        ask = _age_reply
    elif _BORN.search(outside):
        ask = _born_reply
    elif (first or latest) and _FILMS.search(outside) and not listing_order(outside):
        ask = _first_reply if first or not latest else _latest_reply
    elif _asks_who(ctx):
        ask = _who_is
    else:
        return None  # checked before any look-up: most questions are not about a person
    person = await _the_person(ctx)
    if person is None:
        return None
    if ask is _age_reply and any(kind == "film" for _, kind in ctx.topics()):
        return await _age_in_film(ctx, person)  # "how old was tom hanks in forrest gump"
    reply = await ask(ctx, person)
    if ask is _age_reply and (lacked := _film_unnamed(ctx)):
        # "how old was tom hanks in big" where the catalog lacks Big: said, then the age
        said = f"The catalog has no film called “{lacked}”, so I can't say how old "
        reply.text = f"{said}{person.name} was in it. {reply.text}"
    return reply


_IN_A_FILM = frozenset("in on during for".split())
_ARTICLES = frozenset("the a an".split())
TITLE_ECHOED_MOST = 60  # characters of an unknown title said back


def _film_unnamed(ctx: Context) -> str:
    """The words a question ends with after "in" and a person asked about, when they are
    no name the catalog has: a film it lacks ("how old was tom hanks in big"); else "".
    Not a time ("in 1990", "in the 90s") nor question words ("in total")."""
    people = [m for m in ctx.mentions if m.has("person")]
    if len(people) != 1 or len(ctx.mentions) != 1:
        return ""
    at = people[0].end
    if at >= len(ctx.tokens) or ctx.tokens[at] not in _IN_A_FILM:
        return ""
    rest = [t for t in ctx.tokens[at + 1 :] if t not in _ARTICLES]
    if not rest or any(any(c.isdigit() for c in t) or t in _TIME_WORDS for t in rest):
        return ""
    return " ".join(ctx.tokens[at + 1 :])[:TITLE_ECHOED_MOST]


_TIME_WORDS = frozenset("now today total all life career year years".split())


def _life_asked(ctx: Context) -> bool:
    """Whether a death word outside the people named asks of them, though a film has it
    for a title ("is keanu reeves still alive", where Alive is a film). The people's words
    are blanked, not dropped, so a phrase found here is one of the question's own, as
    :func:`reply`'s first search needs."""
    named = any(m.has("person") for m in ctx.mentions)
    return named and DIED.search(_blanked(ctx, "person")) is not None


def _outside_names(ctx: Context) -> str:
    """The question with the names of films, people and characters blanked out: a word
    the catalog has only as a tag or genre is still read ("how old is spielberg", where
    "old" tags films)."""
    return _blanked(ctx, "film", "person", "character")


def _blanked(ctx: Context, *kinds: str) -> str:
    """The question with the words of the names of ``kinds`` blanked out."""
    drop = {i for m in ctx.mentions if m.has(*kinds) for i in m.positions}
    return " ".join("_" if i in drop else t for i, t in enumerate(ctx.tokens))


async def _first_reply(ctx: Context, person: PersonRecord) -> Answer:
    return await _first_or_latest(ctx, person, latest=False)


async def _latest_reply(ctx: Context, person: PersonRecord) -> Answer:
    return await _first_or_latest(ctx, person, latest=True)


async def _the_person(ctx: Context) -> PersonRecord | None:
    """The one person the question is about, if it names exactly one."""
    people = [m for m, kind in ctx.topics() if kind == "person"]
    if not people and _asks_who(ctx):  # "who is Jesse James": the person, not the film
        people = [m for m in ctx.mentions if m.has("person")]
    ids = list(dict.fromkeys(h.ref for m in people for h in m.of_kind("person")))
    if len(ids) != 1:
        return None
    return await ctx.catalog.person(ids[0])


def _asks_who(ctx: Context) -> bool:
    """Whether the question is "who is X" or "tell me about X" and nothing else."""
    if not _WHO_IS_OPENING.search(ctx.key) or len(ctx.mentions) != 1:
        return False
    rest = [t for t in ctx.key_outside().split() if t != "_"]
    return all(t in _WHO_IS_WORDS for t in rest)


async def _no_birth(ctx: Context, person: PersonRecord) -> Answer:
    text = f"The catalog has no birth date for {person.name}." + _credited_on(person)
    text += await merged_note(ctx.catalog, person.known_for(), [person.name])
    return Answer(ctx.question, [], text, people=[person.id])


async def _born_reply(ctx: Context, person: PersonRecord) -> Answer:
    born = person.birth
    if born is None:
        return await _no_birth(ctx, person)
    text = f"{person.name} was born {_on(born)}"
    if person.death is not None:
        text += f" and died {_on(person.death)}"
    return Answer(ctx.question, [said(born)], text + ".", people=[person.id])


async def _age_reply(ctx: Context, person: PersonRecord) -> Answer:
    born, died = person.birth, person.death
    if born is None:
        return await _no_birth(ctx, person)
    if died is not None:
        return await _death_reply(ctx, person)
    years = years_between(born, ctx.today)
    age = said_years(years)
    answers = _age_answers(years)
    oldest = years if isinstance(years, int) else years[1]
    if oldest >= UNLIKELY_AGE:  # no date of death is known: do not call them living
        text = (
            f"{person.name} was born {_on(born)}, so would be {age} today; the catalog "
            "has no date of death."
        )
    elif isinstance(years, tuple):
        text = f"{person.name} was born in {born}, so is {age} (the catalog has the year only)."
    else:
        text = f"{person.name} is {age}: born on {said(born)}."
    return Answer(ctx.question, answers, text, people=[person.id])


def _age_answers(years: int | tuple[int, int]) -> list[str]:
    """An age as answers: the one, or both candidates when only a year is known."""
    return [str(y) for y in years] if isinstance(years, tuple) else [str(years)]


async def _age_in_film(ctx: Context, person: PersonRecord) -> Answer:
    """How old someone was when a film they are asked about with came out."""
    born = person.birth
    if born is None:
        return await _no_birth(ctx, person)
    films = [f for f in await ctx.films() if f.year is not None]
    # "how old was de niro in heat": the Heat he is in, of the two
    theirs = {f.id for f in await ctx.catalog.films_of_people([person.id])}
    films = [f for f in films if f.id in theirs] or films
    record = await ctx.catalog.film(films[0].id) if films else None
    if record is None:
        return Answer(ctx.question, [], "The catalog has no release year for that film.")
    assert record.summary.year is not None
    out: When = record.summary.year
    if record.release_date:
        out = date.fromisoformat(record.release_date)
    years = years_between(born, out)
    answers = _age_answers(years)
    age = said_years(years)
    if not record.summary.confirmed:  # not out: the year is part of the claim
        text = (
            f"{person.name} would be {age} in {record.summary.year}, the year the catalog "
            f"gives for {record.label} (born {_on(born)}). {status_note(record)}"
        )
        return Answer(ctx.question, answers, text, people=[person.id])
    when = f" {_on(out)}" if isinstance(out, date) else ""
    text = f"{person.name} was {age} when {record.label} came out{when} (born {_on(born)})."
    return Answer(ctx.question, answers, text, people=[person.id])


async def _death_reply(ctx: Context, person: PersonRecord) -> Answer:
    """``when did Kubrick die``, ``is Hitchcock still alive``: what the catalog records."""
    born, died = person.birth, person.death
    if died is None:
        text = f"The catalog has no date of death for {person.name}"
        if born is not None:
            text += f" (born {_on(born)})"
        return Answer(ctx.question, [], text + ".", people=[person.id])
    text = f"{person.name} died {_on(died)}"
    if born is not None:
        text += f", aged {said_years(years_between(born, died))} (born {_on(born)})"
    return Answer(ctx.question, [said(died)], text + ".", people=[person.id])


def _on(when: When) -> str:
    """``on 26 July 1928``, or ``in 1928``."""
    return f"in {when}" if isinstance(when, int) else f"on {said(when)}"


def _role_asked(ctx: Context) -> str | None:
    return next((r.role for _, r in ctx.occurrences() if r.role is not None), None)


async def _first_or_latest(ctx: Context, person: PersonRecord, *, latest: bool) -> Answer:
    role = _role_asked(ctx)
    films = sorted((f for f in person.films(role) if f.year is not None), key=_year)
    as_role = f" as {role}" if role else ""
    if not films:
        text = f"The catalog has no dated films where {person.name} is credited{as_role}."
        return Answer(ctx.question, [], text, people=[person.id])
    released = [f for f in films if f.confirmed]
    upcoming = [f for f in films if not f.confirmed]
    which = "latest" if latest else "first"
    pool = released or films
    film = pool[-1] if latest else pool[0]
    text = f"{person.name}'s {which} film in the catalog{as_role} is {film.label}"
    text += f", of {len(films)} {_span(films)}." if len(films) > 1 else "."
    if latest and upcoming and released:
        text += f" Not released yet: {film_list(upcoming)}; their credits are claims."
    elif not film.confirmed:
        text += f" It is {film.status}, not a released film; its credits are claims."
    text += await merged_note(ctx.catalog, [film, *films], [person.name])  # those counted
    return Answer(ctx.question, [film.title], text, films=[film], people=[person.id])


def _year(film: FilmSummary) -> int:
    return film.year or 0


def _span(films: list[FilmSummary]) -> str:
    first, last = films[0].year, films[-1].year
    return f"in {first}" if first == last else f"from {first} to {last}"


async def _who_is(ctx: Context, person: PersonRecord) -> Answer:
    parts = [person.name]
    others = [a for a in person.aliases if a != person.name]
    if others:
        parts.append(f"(also known as {join_names(others)})")
    head = " ".join(parts)
    if person.birth is not None:
        head += f", born {_on(person.birth).removeprefix('on ')}"
    if person.death is not None:
        head += f", died {_on(person.death).removeprefix('on ')}"
    roles = _roles(person)
    known = person.known_for()
    text = f"{head}. In the catalog, {person.name} {roles}."
    if known:
        lead = "Best known here for" if has_renown(known) else "Films here include"
        text += f" {lead} {film_list(known)}."
        if any(not f.confirmed for f in known):
            text += " Films marked in brackets are not released; their credits are claims."
    text += await merged_note(ctx.catalog, [*known, *person.films()], [person.name])
    return Answer(ctx.question, [person.name], text, films=known, people=[person.id])


def _roles(person: PersonRecord) -> str:
    """``directed 5 films and wrote 3``, most credited role first."""
    counts: dict[str, set[int]] = {}
    for credit in person.credits:
        counts.setdefault(credit.role, set()).add(credit.film.id)
    ranked = sorted(counts.items(), key=lambda item: -len(item[1]))
    parts = [
        f"{PERSON_VERBS.get(role, 'is credited on')} {len(ids)}" for role, ids in ranked if ids
    ]
    if not parts:
        return "has no credits"
    parts[0] += " film" if len(ranked[0][1]) == 1 else " films"
    return join_names(parts)


def _credited_on(person: PersonRecord) -> str:
    films = person.known_for()
    if not films:
        return ""
    return f" It knows {person.name} from {film_list(films)}."
