"""Counting: "how many films did Kubrick direct", "number of films starring Meg Ryan", "how
many movies are there"."""

from __future__ import annotations

import re

from bot.answering.context import Context
from bot.answering.kinds import about, chains, relations, time
from bot.answering.kinds.relations import series_of
from bot.answering.lexicon import RELATION_BY_NAME, Relation
from bot.answering.reply import Answer, claims_note, counted, film_list, join_names
from bot.answering.wanted import year_span
from bot.store.catalog import FilmSummary

_ASKING = r"^(?:how many|the number of|number of|count(?: the)?)"
_HOW_MANY = re.compile(_ASKING + r"\b")
# "how many avatar movies are there": a film named just before "films", nothing else asked
_OF_A_SERIES = re.compile(
    _ASKING + r" _(?: _)* (?:films|movies)(?: (?:are there|do (?:you|u) (?:know|have)))? ?$"
)
# the whole catalog: "how many movies are there", "how many films do you know"
_ALL_FILMS = re.compile(
    _ASKING + r" (?:films|movies)"
    r"(?: (?:are there|do (?:you|u) (?:know|have)|"
    r"(?:are )?in (?:the|your) (?:catalog|database)))* ?$"
)
_SEQUEL = RELATION_BY_NAME["sequel"]
# "… after titanic", "… before he made the shining", as ``time`` reads them
_AROUND = re.compile(
    r"\b(?:before|after|since|until) "
    rf"(?:(?:{'|'.join(time.SAID_BEFORE_FILM)}) ){{0,{time.SAID_BEFORE_FILM_MOST}}}_"
)
# how a list of films found says its count (:func:`bot.answering.reply.films_found`)
_LISTED_COUNT = re.compile(r"^[^:\n]*? \((\d+)\): ")
# how the films of a person asked in a role they never had begin (``chains``)
_NONE_IN_ROLE = re.compile(r"^[^;:\n]* no films in the catalog; ")


async def reply(ctx: Context) -> Answer | None:
    """The films (or names) the question would list, counted."""
    if not _HOW_MANY.search(ctx.key):
        return None
    if _OF_A_SERIES.search(ctx.key_outside()) and (series := await _series(ctx)):
        return series
    dates = year_span(ctx.key) is not None or _AROUND.search(ctx.key_outside())
    if dates and (dated := await _of_years(ctx)) is not None:
        return dated  # "how many tom hanks movies are from the 90s", "… after titanic"
    if ctx.relation() is _SEQUEL:  # "how many sequels does alien have": they are listed
        return await about.reply(ctx)
    listed = await chains.reply(ctx) or await relations.reply(ctx)
    if listed is None and _ALL_FILMS.search(ctx.key) and not ctx.mentions:
        return await _the_catalog(ctx)
    if listed is None or listed.kind != "answer" or not listed.answers:
        return listed  # "no films where …" says the count itself
    if _NONE_IN_ROLE.match(listed.text):  # the person's films in other roles, said apart
        return Answer(ctx.question, ["0"], listed.text, films=listed.films, people=listed.people)
    if listed.films and listed.answers == list(dict.fromkeys(f.title for f in listed.films)):
        number, text = len(listed.films), _films_counted(listed)
    elif (noun := _noun(ctx)) is not None:  # names on films: "how many actors are in titanic"
        if len(listed.films) > 1 and (each := await _each_film(ctx, listed.films)):
            # "how many actors are in heat": of each Heat, not of the two together
            said = [
                f"{counted(n, noun) if not i else n} for {f.label}" for i, (f, n) in enumerate(each)
            ]
            text = f"The catalog lists {join_names(said)}. {listed.text}"
            answers = [str(n) for _, n in each]
            return Answer(ctx.question, answers, text, films=listed.films, people=listed.people)
        number = len(dict.fromkeys(listed.answers))
        text = f"The catalog lists {counted(number, noun)}. {listed.text}"
    else:  # a fact that is no list ("how many minutes is titanic") says its number itself
        return listed
    return Answer(ctx.question, [str(number)], text, films=listed.films, people=listed.people)


async def _of_years(ctx: Context) -> Answer | None:
    """The films of the years asked, as :mod:`~bot.answering.kinds.time` lists them with
    their count (of all of them, not only those shown)."""
    listed = await time.reply(ctx)
    if listed is None or listed.kind != "answer":
        return None
    found = _LISTED_COUNT.match(listed.text)
    if found is None:
        return listed if not listed.answers else None
    return Answer(ctx.question, [found.group(1)], listed.text, films=listed.films)


def _films_counted(listed: Answer) -> str:
    """The reply listing films, saying how many as part of its sentence: "Steven
    Spielberg directed 25 films in the catalog: Jaws (1975), …", or ahead of it when it is
    said otherwise; a list that already says its count ("Horror films (7): …") is left as
    it is."""
    number = len(listed.films)
    text = listed.text
    if re.search(rf"\({number}\): ", text):
        return text
    named = film_list(listed.films)
    at = text.find(f" {named}")
    if at > 0 and text[at - 1].isalpha():  # the films it has, not all there are
        return f"{text[:at]} {counted(number, 'film')} in the catalog:{text[at:]}"
    return f"{counted(number, 'film')} in the catalog. {text}"


_NOUNS = {
    "cast": "cast member",
    "company": "company",
    "country": "country",
    "votes": "vote count",
}


def _noun(ctx: Context) -> str | None:
    """What the names counted are, by the first relation of names asked ("how many
    actors …": "cast member"; "director", "genre", …), if one is."""
    relation = _named_relation(ctx)
    return None if relation is None else _NOUNS.get(relation.name, relation.name)


def _named_relation(ctx: Context) -> Relation | None:
    """The first relation of names the question asks, if any."""
    named = (r for _, r in ctx.occurrences() if r.role is not None or r.value_kind is not None)
    return next(named, None)


async def _each_film(ctx: Context, films: list[FilmSummary]) -> list[tuple[FilmSummary, int]]:
    """How many names of the relation asked each film has, none where one is not known."""
    relation = _named_relation(ctx)
    each = []
    for film in films:
        record = await ctx.catalog.film(film.id)
        if relation is None or record is None:
            return []
        names = (
            record.names(relation.role)
            if relation.role
            else record.listed(relation.value_kind or "")
        )
        each.append((film, len(dict.fromkeys(names))))
    return each


async def _series(ctx: Context) -> Answer | None:
    """ "how many avatar movies are there": the films of the one film's series named."""
    named = [m for m in ctx.mentions if m.has("film")]
    if len(named) != 1 or len(ctx.mentions) != 1 or named[0].has("person"):
        return None
    films = await ctx.films()
    series = await series_of(ctx, films[0].slug) if films else []
    if len(series) < 2:
        return None
    waiting = sum(not f.confirmed for f in series)
    text = f"{len(series)} films of the series are in the catalog"
    text += f" ({waiting} not released yet)" if waiting else ""
    text += f": {film_list(series)}." + claims_note(series)
    return Answer(ctx.question, [str(len(series))], text, films=series)


async def _the_catalog(ctx: Context) -> Answer:
    """The films of the whole catalog, counted, with how many are not released."""
    stats = await ctx.catalog.stats()
    text = f"The catalog has {stats.films} films"
    if stats.unconfirmed:
        text += f", {stats.unconfirmed} of them not released (their facts are claims)"
    return Answer(ctx.question, [str(stats.films)], text + ".")
