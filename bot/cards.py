"""What a film's or a person's card shows, worked out once: ``/film`` and ``/person`` lay
it out as an embed, ``film-bot film`` and ``film-bot person`` as text or JSON.

Values here are plain text; whoever shows them escapes them for where they go (an
``escape`` callable, identity by default)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from bot.answering.reply import STATUS_PHRASES, source_text
from bot.store.catalog import CreditRecord, FilmRecord, PersonCredit, PersonRecord, has_renown
from bot.store.dates import parse_when, said, said_years, years_between

Escape = Callable[[str], str]

ECHO_MAX = 100  # user text shown back in a reply

FILM_ROLES = (
    ("director", "Directed by"),
    ("writer", "Written by"),
    ("producer", "Produced by"),
    ("composer", "Music by"),
)
FILM_LISTS = (
    ("genre", "Genres"),
    ("language", "Languages"),
    ("country", "Countries"),
    ("setting", "Setting"),
)
UNRELEASED_NOTE = "Films marked in brackets are not released; their credits are claims."
ROLE_HEADINGS = {
    "director": "Directed",
    "writer": "Wrote",
    "producer": "Produced",
    "composer": "Music for",
    "cast": "Acted in",
}


def _same(text: str) -> str:
    return text


def unknown_text(what: str, typed: str, suggestions: Sequence[str], escape: Escape = _same) -> str:
    """ "I don't know a film called “x”. Did you mean …?", the typed text cut to
    :data:`ECHO_MAX` characters."""
    text = f"I don't know {what} “{escape(typed.strip()[:ECHO_MAX])}”."
    if suggestions:
        text += f" Did you mean {', '.join(escape(s) for s in suggestions)}?"
    return text


def film_facts(film: FilmRecord, follows: str | None = None) -> list[tuple[str, list[str]]]:
    """``(heading, values)`` for the card's short facts, in card order: the crew, the
    genres and other lists, runtime, release date, the film it follows, IMDb rating."""
    facts: list[tuple[str, list[str]]] = []
    for role, heading in FILM_ROLES:
        if people := film.names(role):
            facts.append((heading, people))
    for kind, heading in FILM_LISTS:
        if values := film.listed(kind):
            facts.append((heading, list(values)))
    if film.runtime_minutes:
        facts.append(("Runtime", [f"{film.runtime_minutes} min"]))
    if film.release_date:
        facts.append(("Released", [film.release_date]))
    if film.follows:
        facts.append(("Sequel to", [follows or film.follows]))
    if film.imdb_rating:
        facts.append(("IMDb rating", [str(film.imdb_rating)]))
    return facts


def cast_line(credit: CreditRecord, escape: Escape = _same) -> str:
    """``Person — Character (note)``."""
    line = escape(credit.person)
    if credit.character:
        line += f" — {escape(credit.character)}"
    if credit.note:
        line += f" ({escape(credit.note)})"
    return line


def claim(film: FilmRecord) -> tuple[str, str, str]:
    """For a film that is not released: its status in words, who claims it, and why it is
    not taken as fact (may be empty)."""
    status, why = STATUS_PHRASES.get(film.summary.status, (film.summary.status, ""))
    return status, source_text(film.sources, limit=1), why


def credit_line(credit: PersonCredit, escape: Escape = _same) -> str:
    """``Film (year) — Character [status]`` for one of a person's credits."""
    line = escape(credit.film.label)
    if credit.character:
        line += f" — {escape(credit.character)}"
    if not credit.film.confirmed:
        line += f" [{credit.film.status}]"
    return line


def person_lines(person: PersonRecord, escape: Escape = _same) -> list[tuple[str, str]]:
    """``(role heading, film line)`` for every credit, grouped by role."""
    return [
        (heading, credit_line(credit, escape))
        for role, heading in ROLE_HEADINGS.items()
        for credit in person.credits
        if credit.role == role
    ]


def person_about(person: PersonRecord, today: dt.date, escape: Escape = _same) -> list[str]:
    """The lines above a person's credits: age or life years, best-known films, aliases."""
    about = []
    if life := life_line(person.born, person.died, today):
        about.append(life)
    if films := person.known_for():
        lead = "Known for" if has_renown(films) else "Films include"
        about.append(f"{lead} {', '.join(escape(f.label) for f in films)}")
    if person.aliases:
        about.append(f"Also known as {', '.join(escape(a) for a in person.aliases)}")
    return about


def life_line(born: str | None, died: str | None, today: dt.date) -> str | None:
    """``Born 2 September 1964 (age 62)``, or ``Born 1930, died 2020 (aged 89 or 90)``."""
    start, end = parse_when(born), parse_when(died)
    if start is None:
        if end is not None:
            return f"Died {said(end)}"
        return f"Died {died}" if died else None
    if died and end is None:
        return f"Born {said(start)}, died {died}"
    age = said_years(years_between(start, end or today))
    if end is not None:
        return f"Born {said(start)}, died {said(end)} (aged {age})"
    return f"Born {said(start)} (age {age})"


def film_text(film: FilmRecord, follows: str | None = None) -> str:
    """The whole card as lines of plain text, the cast unabridged."""
    lines = [film.label]
    if not film.summary.confirmed:
        status, claimed, why = claim(film)
        reason = f" ({why})" if why else ""
        lines.append(
            f"⚠ {status.capitalize()}, claimed by: {claimed}. Everything below is a claim, "
            f"not a confirmed fact{reason}."
        )
    if film.synopsis:
        lines.append(film.synopsis)
    if film.tagline:
        lines.append(f"“{film.tagline}”")
    lines += [f"{heading}: {', '.join(values)}" for heading, values in film_facts(film, follows)]
    if cast := film.people("cast"):
        lines.append("Cast:")
        lines += [f"  {cast_line(credit)}" for credit in cast]
    if film.trailer:
        lines.append(f"Trailer: {film.trailer}")
    lines.append("Sources:")
    for source in film.sources or ():
        parts = [p for p in (source.text, source.url) if p]
        line = " — ".join(parts)
        lines.append(f"  {line} ({source.note})" if source.note else f"  {line}")
    if not film.sources:
        lines.append("  no source given")
    status = "released" if film.summary.confirmed else film.summary.status
    lines.append(f"Status: {status} · {film.file}")
    return "\n".join(lines)


def film_json(film: FilmRecord, follows: str | None = None) -> dict[str, object]:
    """The card as one JSON object: every list in card order, missing facts as null."""
    summary = film.summary
    return {
        "id": summary.slug,
        "title": summary.title,
        "year": summary.year,
        "status": summary.status,
        "synopsis": film.synopsis,
        "tagline": film.tagline,
        **{f"{role}s": film.names(role) for role, _ in FILM_ROLES},
        **{kind: list(film.listed(kind)) for kind, _ in FILM_LISTS},
        "runtime_minutes": film.runtime_minutes,
        "release_date": film.release_date,
        "follows": follows or film.follows,
        "rating": summary.rating,
        "votes": summary.votes,
        "cast": [
            {"name": c.person, "character": c.character, "note": c.note}
            for c in film.people("cast")
        ],
        "trailer": film.trailer,
        "sources": [{"text": s.text, "url": s.url, "note": s.note} for s in film.sources],
        "file": film.file,
    }


def person_text(person: PersonRecord, today: dt.date) -> str:
    """The whole ``/person`` card as lines of plain text, every credit listed."""
    lines = [person.name, *person_about(person, today)]
    heading_now = None
    for heading, line in person_lines(person):
        if heading != heading_now:
            lines.append(f"{heading}:")
            heading_now = heading
        lines.append(f"  {line}")
    if any(not c.film.confirmed for c in person.credits):
        lines.append(UNRELEASED_NOTE)
    return "\n".join(lines)


def person_json(person: PersonRecord) -> dict[str, object]:
    return {
        "id": person.id,
        "name": person.name,
        "born": person.born,
        "died": person.died,
        "aliases": list(person.aliases),
        "known_for": [f.slug for f in person.known_for()],
        "credits": [
            {
                "film": c.film.slug,
                "title": c.film.title,
                "year": c.film.year,
                "status": c.film.status,
                "role": c.role,
                "character": c.character,
            }
            for c in person.credits
        ],
    }
