"""What an answer is, and the phrases every reply shares (status, lists)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any

from bot.store.catalog import Catalog, FilmRecord, FilmSummary, SourceRecord

STATUS_PHRASES = {
    "announced": ("announced", "it has not been released yet"),
    "in-production": ("in production", "it has not been released yet"),
    "rumored": ("rumored", "nothing official confirms it"),
    "unconfirmed": ("unconfirmed", "no official release or announcement is known"),
}


@dataclass
class Answer:
    """The engine's reply to one question.

    ``answers`` are names or values, best first; ``text`` is the reply as the bot says
    it. ``films`` and ``people`` name what the answer is about, for richer displays.
    """

    question: str
    answers: list[str]
    text: str
    kind: str = "answer"  # answer | not_found | clarify | help | chat | rejected
    films: list[FilmSummary] = field(default_factory=list)
    people: list[int] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)
    unknown: str = ""  # what a not-found reply says the catalog has nothing called

    @property
    def found(self) -> bool:
        return self.kind == "answer" and bool(self.answers)

    def to_json(self) -> dict[str, Any]:
        return {"question": self.question, "answers": self.answers, "text": self.text}


def per_film(
    films: Sequence[FilmSummary], lines: list[str], records: Sequence[FilmRecord] = ()
) -> str:
    """One line a film, headed by how many there are when they share the title asked
    about (two Heats); films named apart ("titanic and avatar") need no heading. Of
    ``records`` whose source merged the facts of every film of their title, that is said."""
    if len(films) > 1 and len({film.title for film in films}) == 1:
        lines = [f"{len(films)} films match that title:", *lines]
    return "\n".join([*lines, *merged_notes(records)])


def merged_notes(records: Sequence[FilmRecord]) -> list[str]:
    """A sentence for each title whose films' facts came from their source merged (the
    importer tags those films ``SHARED_TITLE_TAG``): what is said of them may belong to
    any one of them."""
    titles = {film.title: None for film in records if film.merged}
    return [
        f"Note: the source lists these facts once for every film titled “{title}”, without "
        "saying which belongs to which film."
        for title in titles
    ]


def merged_list_note(titles: Sequence[str], whose: str | None = None) -> str:
    """The sentence that goes after a list holding films whose facts their source merged
    with those of every film of their title (``titles``); for a list of someone's films,
    that some of them may not be ``whose`` ("Michael Mann's"). Nothing when there are
    none."""
    if not titles:
        return ""
    named = either([f"“{title}”" for title in dict.fromkeys(titles)])
    so = f", so some of those films may not be {whose}" if whose else ""
    return (
        f" Note: the source lists the facts once for every film titled {named}, without "
        f"saying which belongs to which film{so}."
    )


async def merged_films_note(
    catalog: Catalog, films: Sequence[FilmSummary], whose: str | None = None
) -> str:
    """:func:`merged_list_note` for those of ``films`` whose facts came merged: a few
    rows by key."""
    merged = set(await catalog.merged_films([film.id for film in films]))
    return merged_list_note([film.title for film in films if film.id in merged], whose)


async def merged_note(catalog: Catalog, films: Sequence[FilmSummary], names: Sequence[str]) -> str:
    """:func:`merged_films_note` for ``films``, those an answer states facts of the
    people ``names`` by (their films shown, or counted). Nothing for films of no one
    named (a genre's)."""
    if not names:
        return ""
    whose = "theirs" if len(names) != 1 else names[0] + ("'" if names[0].endswith("s") else "'s")
    return await merged_films_note(catalog, films, whose)


def join_names(names: Sequence[str], limit: int = 25) -> str:
    """``a``, ``a and b``, ``a, b and c``; long lists end with ``and N more``."""
    items = list(dict.fromkeys(names))
    return _joined(items[:limit], len(items) - limit)


def either(items: Sequence[str]) -> str:
    """``a``, ``a or b``, ``a, b or c``."""
    return _joined(list(items), 0, "or")


def _joined(items: list[str], more: int, last: str = "and") -> str:
    """``items`` joined, the last after ``last``, ending with ``and N more`` for ``more``
    left out."""
    if more > 0:
        items = [*items, f"{more} more"]
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return f"{', '.join(items[:-1])} {last} {items[-1]}"


def counted(number: int, noun: str) -> str:
    """``1 film``, ``25 films``, ``3 countries``."""
    if number == 1:
        return f"1 {noun}"
    plural = noun[:-1] + "ies" if noun.endswith("y") else noun + "s"
    return f"{number} {plural}"


SHOWN_FILMS = 25  # films named in a list of those a question asks for; the rest are counted


def film_list(films: Sequence[FilmSummary], limit: int = 25, labels: int | None = None) -> str:
    """Film labels joined, each film that is not a released one marked with its status.
    Films of the same label are named once; only the labels shown are made. ``labels``:
    how many different labels the films have, when the caller knows (else counted)."""
    shown: dict[str, None] = {}
    for film in films:
        if len(shown) == limit:
            break
        shown[marked_label(film)] = None
    if len(shown) < limit:
        return _joined(list(shown), 0)
    total = _labels(films) if labels is None else labels
    return _joined(list(shown), total - limit)


def marked_label(film: FilmSummary) -> str:
    """A film's label, marked with its status when it is not a released film: "Avatar 5
    (2031) [announced]"."""
    return film.label + ("" if film.confirmed else f" [{film.status}]")


def _labels(films: Sequence[FilmSummary]) -> int:
    """How many different labels the films have (in C calls: lists run to thousands);
    as many as the films when their titles all differ, which one look at each title
    tells (quicker than making each film's label)."""
    if len(set(map(_TITLE, films))) == len(films):
        return len(films)
    return len(set(map(_LABELLED_BY, films)))


def films_found(described: str, films: Sequence[FilmSummary], total: int | None = None) -> str:
    """A list of the films a question asks for, said the same way whatever found them:
    "Western films from the 1960s (76): The Magnificent Seven (1960), …. 51 more are not
    shown." and the note on claims. ``films`` are in the order to show, ``total`` how many
    there are when only the first are given."""
    shown = films[:SHOWN_FILMS]
    total = len(films) if total is None else total
    text = f"{described[:1].upper()}{described[1:]} ({total}): {film_list(shown, SHOWN_FILMS)}."
    if total > len(shown):
        text += f" {total - len(shown)} more are not shown."
    return text + claims_note(shown)


_LABELLED_BY = attrgetter("title", "year", "status")  # what a film's label shows
_STATUS = attrgetter("status")
_TITLE = attrgetter("title")


def claims_note(films: Sequence[FilmSummary]) -> str:
    """The sentence that goes after a list holding films marked as not released."""
    if any(map("released".__ne__, map(_STATUS, films))):  # not ``confirmed``, in C calls
        return " Films marked in brackets are not released; their credits are claims."
    return ""


def source_text(sources: Sequence[SourceRecord], limit: int = 2) -> str:
    labels = [s.label + (f" ({s.note})" if s.note else "") for s in sources[:limit]]
    return "; ".join(labels) if labels else "no source given"


def status_sentence(film: FilmRecord) -> str:
    """``X is unconfirmed (why).`` for a film that is not a released one, else nothing."""
    if film.summary.confirmed:
        return ""
    return f"{film.label} is {_status_words(film)}."


def status_note(film: FilmRecord) -> str:
    """Sentences saying a film is not a released one, and where the claims come from."""
    if film.summary.confirmed:
        return ""
    return f"{status_sentence(film)} Source: {source_text(film.sources)}."


def with_status(film: FilmRecord, sentence: str) -> str:
    """Mark a sentence about an unreleased film as a claim, so it never reads as fact."""
    if film.summary.confirmed:
        return sentence
    return (
        f"{sentence} This is a claim, not a confirmed fact: the film is {_status_words(film)}. "
        f"Source: {source_text(film.sources)}."
    )


def _status_words(film: FilmRecord) -> str:
    status, why = STATUS_PHRASES.get(film.summary.status, (film.summary.status, ""))
    return f"{status} ({why})" if why else status
