"""People: "when was Tom Hanks born", "how old is Keanu Reeves", "who is Junkie XL",
"Kubrick's first film", "Tom Hanks' latest movie", "the first film James Cameron wrote"."""

from __future__ import annotations

import re
from datetime import date

from bot.answering.context import Context
from bot.answering.lexicon import PERSON_VERBS, words
from bot.answering.reply import Answer, film_list, join_names
from bot.store.catalog import FilmSummary, PersonRecord

_BORN = words(r"born|birth\w*|bday|b day|date of birth|dob")
_AGE = words(r"how old|age|aged|years old")
_FIRST = words(r"first|earliest|oldest|debut\w*|began|begin\w*|start\w*")
_LATEST = words(r"latest|newest|most recent|recent|last|lately|current|new")
_FILMS = words(r"films?|movies?|pictures?|works?|credits?|roles?|projects?|debut\w*")
# "who is X", "tell me about X": every word outside the name is one of these.
_WHO_IS_WORDS = frozenset(
    "who whos is s was are tell me about the person called named what do you know info "
    "information on anything".split()
)
_WHO_IS_OPENING = re.compile(r"^(?:who|whos|tell me|what do you know|info|information)\b")
KNOWN_FOR = 4  # best-known films named in "who is X"
UNLIKELY_AGE = 100  # from here on an age is said as "would be", not "is"


async def reply(ctx: Context) -> Answer | None:
    """Birth, age, who someone is, and their first or latest film."""
    outside = ctx.key_outside()
    first, latest = _FIRST.search(outside), _LATEST.search(outside)
    if _AGE.search(outside):
        ask = _age_reply
    elif _BORN.search(outside):
        ask = _born_reply
    elif (first or latest) and _FILMS.search(outside):
        ask = _first_reply if first or not latest else _latest_reply
    elif _asks_who(ctx):
        ask = _who_is
    else:
        return None  # checked before any look-up: most questions are not about a person
    person = await _the_person(ctx)
    return ask(ctx, person) if person is not None else None


def _first_reply(ctx: Context, person: PersonRecord) -> Answer:
    return _first_or_latest(ctx, person, latest=False)


def _latest_reply(ctx: Context, person: PersonRecord) -> Answer:
    return _first_or_latest(ctx, person, latest=True)


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


def _birth(person: PersonRecord) -> date | int | None:
    """The birth date, or the year alone when that is all the catalog has."""
    if not person.born:
        return None
    try:
        return date.fromisoformat(person.born)
    except ValueError:
        return int(person.born[:4]) if person.born[:4].isdigit() else None


def _said(born: date | int) -> str:
    """``9 July 1956``, or ``1956``."""
    if isinstance(born, int):
        return str(born)
    return f"{born.day} {born:%B} {born.year}"


def _no_birth(ctx: Context, person: PersonRecord) -> Answer:
    text = f"The catalog has no birth date for {person.name}." + _credited_on(person)
    return Answer(ctx.question, [], text, people=[person.id])


def _born_reply(ctx: Context, person: PersonRecord) -> Answer:
    born = _birth(person)
    if born is None:
        return _no_birth(ctx, person)
    when = "in" if isinstance(born, int) else "on"
    text = f"{person.name} was born {when} {_said(born)}."
    return Answer(ctx.question, [_said(born)], text, people=[person.id])


def _age_reply(ctx: Context, person: PersonRecord) -> Answer:
    born = _birth(person)
    if born is None:
        return _no_birth(ctx, person)
    if isinstance(born, int):  # the year alone: two ages are possible
        older = ctx.today.year - born
        text = (
            f"{person.name} was born in {born}, so is {older - 1} or {older} "
            f"(the catalog has the year only)."
        )
        return Answer(ctx.question, [str(older - 1), str(older)], text, people=[person.id])
    age = ctx.today.year - born.year - ((ctx.today.month, ctx.today.day) < (born.month, born.day))
    text = f"{person.name} is {age}: born on {_said(born)}."
    if age >= UNLIKELY_AGE:  # the catalog keeps no date of death: do not call them living
        text = (
            f"{person.name} was born on {_said(born)}, so would be {age} today; the catalog "
            "has no date of death."
        )
    return Answer(ctx.question, [str(age)], text, people=[person.id])


def _role_asked(ctx: Context) -> str | None:
    return next((r.role for _, r in ctx.occurrences() if r.role is not None), None)


def _first_or_latest(ctx: Context, person: PersonRecord, *, latest: bool) -> Answer:
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
    return Answer(ctx.question, [film.title], text, films=[film], people=[person.id])


def _year(film: FilmSummary) -> int:
    return film.year or 0


def _span(films: list[FilmSummary]) -> str:
    first, last = films[0].year, films[-1].year
    return f"in {first}" if first == last else f"from {first} to {last}"


def _who_is(ctx: Context, person: PersonRecord) -> Answer:
    parts = [person.name]
    others = [a for a in person.aliases if a != person.name]
    if others:
        parts.append(f"(also known as {join_names(others)})")
    born = _birth(person)
    head = " ".join(parts)
    if born is not None:
        head += f", born {'in ' if isinstance(born, int) else ''}{_said(born)}"
    roles = _roles(person)
    known = best_known(person.films())[:KNOWN_FOR]
    text = f"{head}. In the catalog, {person.name} {roles}."
    if known:
        text += f" Best known here for {film_list(known)}."
        if any(not f.confirmed for f in known):
            text += " Films marked in brackets are not released; their credits are claims."
    return Answer(ctx.question, [person.name], text, films=known, people=[person.id])


def _roles(person: PersonRecord) -> str:
    """``directed 5 films and wrote 3``, most credited role first."""
    counts: dict[str, set[int]] = {}
    for credit in person.credits:
        counts.setdefault(credit.role, set()).add(credit.film.id)
    ranked = sorted(counts.items(), key=lambda item: -len(item[1]))
    said = [f"{PERSON_VERBS.get(role, 'is credited on')} {len(ids)}" for role, ids in ranked if ids]
    if not said:
        return "has no credits"
    said[0] += " film" if len(ranked[0][1]) == 1 else " films"
    return join_names(said)


def best_known(films: list[FilmSummary]) -> list[FilmSummary]:
    """Films best known first: most votes, then highest rating, then the earliest."""
    return sorted(films, key=lambda f: f.renown)


def _credited_on(person: PersonRecord) -> str:
    films = best_known(person.films())[:KNOWN_FOR]
    if not films:
        return ""
    return f" It knows {person.name} from {film_list(films)}."
