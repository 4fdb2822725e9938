"""One fact of one film: "who directed Heat", "what genre is Cast Away", "is Alita 2 real",
"sources for Cast Away", "what do Heat and Collateral have in common"; a film named alone
gets its short summary.

Which fact is asked is the first relation of :mod:`bot.answering.lexicon` whose words appear
in the question.
"""

from __future__ import annotations

import re
from itertools import product

from bot.answering.context import Context
from bot.answering.lexicon import PERSON_VERBS, RATING_SITES, Relation
from bot.answering.reply import (
    Answer,
    claims_note,
    join_names,
    marked_label,
    merged_notes,
    per_film,
    status_note,
    status_sentence,
    with_status,
)
from bot.answering.wanted import country_words
from bot.store.catalog import ROLES, FilmRecord, FilmSummary
from bot.text import norm

# A question asking for the people several films share ("who directed both titanic and
# avatar", "which actors do heat and collateral have in common", "who is in all the toy
# story movies")
_SHARED = re.compile(
    r"\b(?:both|in common|all (?:three|four|of them)|"
    r"all (?:of )?(?:the )?_(?: _)* (?:films|movies))\b"
)
# "what do heat and collateral have in common": everything the films share, no fact asked
_COMMON = re.compile(r"\b(?:in common|share|shared|alike)\b")
# What films may share besides their people, and how a reply says they share it
_SHARED_VALUES = (
    ("genre", "{all} are {genres} films"),
    ("setting", "{all} are set in {values}"),
    ("tag", "{all} are tagged {values}"),
    ("company", "{all} are from {values}"),
    ("language", "{all} are in {values}"),
    ("country", "{all} are from {values}"),
)
NAMES_IN_COMMON = 8  # people named as shared by the films, the rest counted
COMMON_PAIRS_MOST = 64  # films of titles named tried together for the most in common
_OWN = ("year", "status", "sources")
SERIES_LIMIT = 50  # films followed forward through a series, at most
_EARLIER = re.compile(r"\b(?:prequel|follows?\b(?! ?ups?)|sequel (?:of|to) (?:what|which))\b")


async def reply(ctx: Context) -> Answer | None:
    """The asked fact of the films a question names, when it names films and no person."""
    kinds = {kind for _, kind in ctx.topics()}
    if "film" not in kinds or "person" in kinds:
        return None
    return await film_relation(ctx)


async def film_relation(ctx: Context) -> Answer | None:
    """The relation the question asks, read off each film it names."""
    films = await ctx.films()
    if not films:
        return None
    relation = ctx.relation()
    if relation is None:
        if _COMMON.search(ctx.key_outside()) and (common := await _in_common(ctx)):
            return common
        return await _film_summary(ctx, films)
    shared_asked = relation.role is not None and _SHARED.search(ctx.key_outside())
    series = await _series_said(ctx, films) if shared_asked else []
    films = series or films
    answers: list[str] = []
    lines: list[str] = []
    records: dict[int, FilmRecord] = {}
    for summary in films:
        record = records[summary.id] = await ctx.catalog.film(summary.id)
        assert record is not None
        values, sentence = read(record, relation)
        if relation.name == "rating" and (site := rating_site(ctx.key)) is not None:
            values, sentence = _rated_elsewhere(record, site)
        answers.extend(values)
        plain = relation.name in ("status", "sources")  # these say it themselves
        if plain:
            lines.append(sentence)
        elif not values and (note := status_note(record)):
            # nothing said of it is a claim: what it is, and where it is claimed
            lines.append(f"{sentence} {note}")
        else:
            lines.append(with_status(record, sentence))
    # Each film's year and status are its own, whatever its source merged
    merged = [] if relation.name in _OWN else list(records.values())
    text = per_film(films, lines, merged)
    if relation.role is not None and shared_asked:
        # of a series, the films the catalog lists someone in the role for (not Avatar 4's
        # cast, which it does not know yet)
        groups = (
            [[record] for record in records.values() if record.names(relation.role)]
            if series
            else _named_apart(ctx, records)
        )
        shared = _shared(groups, relation.role)
        if shared is not None:
            people, said = shared
            return Answer(ctx.question, people, f"{said}\n{text}", films=films)
    return Answer(ctx.question, list(dict.fromkeys(answers)), text, films=films)


async def _series_said(ctx: Context, films: list[FilmSummary]) -> list[FilmSummary]:
    """The films of the series of the one film named, when the question says its title
    as a word for films ("both terminator movies": The Terminator and Terminator 2:
    Judgment Day), else none."""
    named = [m for m in ctx.mentions if m.has("film")]
    if len(named) != 1 or ctx.tokens[named[0].end : named[0].end + 1] not in _FILMS_SAID:
        return []
    series = await series_of(ctx, films[0].slug)
    return series if len(series) > 1 else []


_FILMS_SAID = (["films"], ["movies"], ["flicks"])


def _named_apart(ctx: Context, records: dict[int, FilmRecord]) -> list[list[FilmRecord]]:
    """The films of each title the question names apart ("both titanic and avatar"; a
    title several films share is one, any of them)."""
    named = [
        [records[h.ref] for h in m.of_kind("film") if h.ref in records]
        for m in ctx.mentions
        if m.has("film")
    ]
    return [films for films in named if films]


def _shared(named: list[list[FilmRecord]], role: str) -> tuple[list[str], str] | None:
    """The people credited in ``role`` on every film of ``named`` (the films of each
    title named apart: any of them), and the sentence that says so; None when fewer than
    two are named."""
    if len(named) < 2:
        return None
    people = [dict.fromkeys(n for film in films for n in film.names(role)) for films in named]
    shared = [name for name in people[0] if all(name in other for other in people[1:])]
    # a title several films share is said as the title alone ("Heat"); a film not released
    # is marked, its credits claims
    labels = [
        films[0].summary.title if len(films) > 1 else marked_label(films[0].summary)
        for films in named
    ]
    claims = claims_note([film.summary for films in named for film in films])
    which = ("both " if len(named) == 2 else "all of ") + join_names(labels)
    if not shared:
        credited = "in the cast of" if role == "cast" else f"credited as {role} on"
        return [], f"No one is {credited} {which} in the catalog.{claims}"
    verb = PERSON_VERBS.get(role, "is credited on")
    if len(shared) > 1:
        verb = verb.replace("appears", "appear").replace("is credited", "are credited")
    return shared, f"{join_names(shared)} {verb} {which}.{claims}"


async def _in_common(ctx: Context) -> Answer | None:
    """What the films the question names apart share in the catalog: people in the same
    role, genres, settings, tags, companies, languages, countries; or that they share
    none of it. Of a title several films share, the one of a year said with it, else the
    one with the most in common with the others, is meant. ``None`` when fewer than two
    films are named apart."""
    ids = dict.fromkeys(h.ref for m in ctx.mentions for h in m.of_kind("film"))
    records = {ref: record for ref in ids if (record := await ctx.catalog.film(ref))}
    named = _named_apart(ctx, records)
    if len(named) < 2:
        return None
    if (year := ctx.year()) is not None:  # "heat 1986": that Heat
        named = [[r for r in titled if r.year == year] or titled for titled in named]
    tried = 1
    for titled in named:
        tried *= len(titled)
    together = product(*named) if tried <= COMMON_PAIRS_MOST else [[f[0] for f in named]]
    said, picked = max(
        ((_all_share(list(these)), list(these)) for these in together),
        key=lambda found: len(found[0][0]),
    )
    answers, parts = said
    labels = join_names([marked_label(record.summary) for record in picked])
    claims = claims_note([record.summary for record in picked])
    if not parts:
        text = (
            f"{labels} have nothing in common in the catalog: no one is credited on "
            f"{_all_of(picked)} in the same role, and they share no genre, setting, tag, "
            f"company, language or country.{claims}"
        )
    else:
        text = f"What {labels} have in common: {'; '.join(parts)}.{claims}"
    text = " ".join([text, *merged_notes(picked)])
    summaries = [record.summary for record in picked]
    return Answer(ctx.question, answers, text, films=summaries)


def _all_of(records: list[FilmRecord]) -> str:
    """ "both", "all three", "all 12"."""
    if len(records) == 2:
        return "both"
    return f"all {_SMALL_COUNTS.get(len(records), len(records))}"


_SMALL_COUNTS = {3: "three", 4: "four", 5: "five", 6: "six"}


def _all_share(records: list[FilmRecord]) -> tuple[list[str], list[str]]:
    """The names and values every one of ``records`` has, and the phrases that say them
    ("Michael Mann directed both", "both are crime films")."""
    every = _all_of(records)
    roles: dict[str, list[str]] = {}  # each person's roles on all of them
    for role in ROLES:
        for name in records[0].names(role):
            if all(name in r.names(role) for r in records):
                roles.setdefault(name, []).append(role)
    together: dict[tuple[str, ...], list[str]] = {}  # "James Cameron and Jon Landau produced"
    for name, held in roles.items():
        together.setdefault(tuple(held), []).append(name)
    answers = list(roles)
    parts: list[str] = []
    for held, names in together.items():
        verbs = [PERSON_VERBS[role] for role in held]
        if len(names) > 1:
            verbs = [verb.replace("appears", "appear") for verb in verbs]
        parts.append(f"{join_names(names, NAMES_IN_COMMON)} {join_names(verbs)} {every}")
    for kind, phrase in _SHARED_VALUES:
        values = [
            v
            for v in records[0].shown(kind)
            if all(norm(v) in {norm(w) for w in r.shown(kind)} for r in records)
        ]
        if values:
            answers += values
            said = join_names([country_words(v) for v in values] if kind == "country" else values)
            parts.append(phrase.format(all=every, genres=said.lower(), values=said))
    return answers, parts


def read(film: FilmRecord, relation: Relation) -> tuple[list[str], str]:
    """A relation's values on one film record, and the sentence that says them."""
    label = film.label
    if relation.role is not None:
        if relation.role == "cast":
            cast = film.people("cast")
            names = [c.person for c in cast]
            shown = [f"{c.person} ({c.character})" if c.character else c.person for c in cast]
            if not names:
                return [], f"The catalog lists no cast for {label}."
            return names, f"{label}: starring {join_names(shown, 15)}."
        names = film.names(relation.role)
        if not names:
            return [], f"The catalog has no {relation.name} for {label}."
        return names, f"{label}: {relation.phrase} {join_names(names)}."
    if relation.value_kind is not None:
        values = film.shown(relation.value_kind)
        if not values:
            return [], f"The catalog lists no {relation.name} for {label}."
        return values, f"{label}: {relation.phrase} {join_names(values)}."
    if relation.name == "year":
        if film.summary.year is None:
            return [], f"The catalog has no release year for {film.summary.title}."
        date = f" (release date {film.release_date})" if film.release_date else ""
        title, year = film.summary.title, film.summary.year
        if film.summary.status == "announced" or film.summary.status == "in-production":
            return [str(year)], f"{title} is due out in {year}{date}."
        if not film.summary.confirmed:
            return [str(year)], f"{title} is said to come out in {year}{date}."
        return [str(year)], f"{title} came out in {year}{date}."
    if relation.name == "rating":
        if not film.imdb_rating:
            return [], f"The catalog has no IMDb rating for {label}."
        return [str(film.imdb_rating)], f"{label} is rated {film.imdb_rating} on IMDb."
    if relation.name == "votes":
        if not film.imdb_votes:
            return [], f"The catalog has no IMDb votes for {label}."
        return [str(film.imdb_votes)], f"{label}: IMDb votes: {film.imdb_votes}."
    if relation.name in ("tagline", "trailer"):
        value = film.tagline if relation.name == "tagline" else film.trailer
        if not value:
            return [], f"The catalog has no {relation.name} for {label}."
        return [value], f"{label}: {relation.name} {value}"
    if relation.name == "runtime":
        if film.runtime_minutes is None:
            return [], f"The catalog has no running time for {label}."
        return [str(film.runtime_minutes)], f"{label} runs {film.runtime_minutes} minutes."
    if relation.name == "status":
        note = status_note(film)
        if not note:
            return ["released"], f"{label} is a released film."
        return [film.summary.status], note
    if relation.name == "sources":
        labels = [src.label for src in film.sources]
        if not labels:
            return [], f"The catalog lists no sources for {label}."
        text = f"Sources for {label}: " + "; ".join(labels) + "."
        status = status_sentence(film)
        return labels, f"{text} {status}" if status else text
    if relation.name == "synopsis":
        if not film.synopsis:
            tags = film.shown("tag")
            if tags:  # what the film is tagged with is the next best answer
                return (
                    tags,
                    f"The catalog has no synopsis for {label}; it is tagged {join_names(tags)}.",
                )
            return [], f"The catalog has no synopsis for {label}."
        return [film.synopsis], f"{label}: {film.synopsis}"
    return [], f"The catalog has nothing on that for {label}."


def rating_site(key: str) -> str | None:
    """The site other than IMDb whose rating a normalised question asks for ("rotten
    tomatoes", "metacritic"), if any."""
    return next((site for pattern, site in RATING_SITES if pattern.search(key)), None)


def _rated_elsewhere(film: FilmRecord, site: str) -> tuple[list[str], str]:
    """A film's rating on ``site`` asked for: the catalog keeps IMDb's only, said with it."""
    label = film.label
    text = f"The catalog has no {site} rating for {label}; the only ratings it keeps are IMDb's"
    if not film.imdb_rating:
        return [], f"{text}, and it has none for this film."
    return [str(film.imdb_rating)], f"{text}: {label} is rated {film.imdb_rating} on IMDb."


async def _film_summary(ctx: Context, films: list[FilmSummary]) -> Answer:
    lines: list[str] = []
    records: list[FilmRecord] = []
    for summary in films:
        record = await ctx.catalog.film(summary.id)
        assert record is not None
        records.append(record)
        note = status_note(record)
        lines.append(f"{who_made(record)} {note}".strip())
    text = "\n".join([*lines, *merged_notes(records)])
    return Answer(ctx.question, [record.label for record in records], text, films=films)


def who_made(film: FilmRecord) -> str:
    """``Heat (1995), directed by Michael Mann, starring Al Pacino, ….``"""
    parts = [film.label]
    directors = film.names("director")
    if directors:
        parts.append(f"directed by {join_names(directors)}")
    cast = film.names("cast")
    if cast:
        parts.append(f"starring {join_names(cast, 4)}")
    return ", ".join(parts) + "."


async def series_of(ctx: Context, slug: str) -> list[FilmSummary]:
    """A film's series in order: back through what each film follows, then forward."""
    first = await ctx.catalog.film_by_slug(slug)
    seen = {slug}
    while first is not None and first.follows and first.follows not in seen:
        seen.add(first.follows)
        earlier = await ctx.catalog.film_by_slug(first.follows)
        if earlier is None:
            break
        first = earlier
    if first is None:
        return []
    series = [first.summary]
    while len(series) < SERIES_LIMIT:
        following = [f for f in await ctx.catalog.films_following(series[-1].slug)]
        following = [f for f in following if f.slug not in {s.slug for s in series}]
        if not following:
            break
        series.append(following[0])
    return series
