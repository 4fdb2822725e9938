"""Films by when they came out: "films from 1999", "80s horror", "Cameron films from the
90s", "movies between 1990 and 2000", "sci fi since 2010", "what came out in 1994"; and, oldest
first, a genre the catalog has no name for, said alone: "scary movies", "westerns"."""

from __future__ import annotations

import re
from dataclasses import replace

from bot.answering.context import Context
from bot.answering.lexicon import ASKS_PEOPLE, CHAT_FILLER, COUNTRY_WORDS
from bot.answering.linking import Mention
from bot.answering.reply import (
    SHOWN_FILMS,
    Answer,
    claims_note,
    film_list,
    films_found,
    merged_note,
)
from bot.answering.wanted import (
    Wanted,
    films_of_genre_or_kinds,
    genre_words,
    kinds_included,
    kinds_of_genre,
    language_word_at,
    left_out,
    not_in_language,
    old_span,
    order_asked,
    runtime_span,
    wanted_films,
    year_span,
)
from bot.store.catalog import FilmSummary
from bot.store.discovery import (
    MOST_MINUTES,
    FilmPage,
    FilmQuery,
    Minutes,
    Years,
    browse,
    count_films,
)

_NOT_FILMS = re.compile(r"\b(?:how old|age|born|birth\w*)\b|^(?:when|whens)\b")
_ASKS_FILMS = re.compile(
    r"\b(?:films?|movies?|flicks?|pictures?|anything|something)\b|"
    r"^(?:what|which|whats|anything|any)\b.*\b(?:came out|come out|released|out)\b"
)
# "list all movies", "what films do you have", "show me every film"
_EVERY_FILM = re.compile(
    r"^(?:list|show(?: me)?|give me|what|which|name)(?: all| every| the| of)*"
    r" (?:films?|movies?)(?: (?:do )?(?:you|u) (?:have|know|got)| are there| are in"
    r" (?:the|your) (?:catalog|database)| in (?:the|your) (?:catalog|database))?$"
)
_SAME_YEAR = re.compile(r"\b(?:same year as|(?:in|from) the year of)\b")
_SAID_AS_TIME = re.compile(r"^(?:from|in|of|during|since|before|after|between)\b")


async def reply(ctx: Context) -> Answer | None:
    """The films of a year, decade or range, narrowed by genre and people, oldest first."""
    if _SAME_YEAR.search(ctx.key_outside()):
        return await _same_year(ctx)
    if order_asked(ctx.key_outside()) is not None:
        return None
    if ASKS_PEOPLE.search(ctx.key) or _NOT_FILMS.search(ctx.key):
        return None
    # "after 2001 a space odyssey": a title that begins with a year, before the year alone
    if (around := await _around_a_film(ctx)) is not None:
        return around
    if year_span(ctx.key) is None:
        if _EVERY_FILM.match(ctx.key) and not ctx.mentions:
            return await _every_film(ctx)
        return await _genre_alone(ctx)
    wanted = await wanted_films(ctx)
    span = wanted.span
    if span is None or wanted.films:  # "who directed heat 1986": the year picks out a film
        return None
    as_time = _SAID_AS_TIME.search(ctx.key[span.start : span.end]) is not None
    if not (_ASKS_FILMS.search(ctx.key) or wanted.genre or wanted.people):
        return None
    taken = span.positions(ctx.key)
    named = [m for m in ctx.mentions if taken & set(m.positions)]
    # "tom hanks 90s movies": a decade said of films, though a tag too, is the time
    of_films = ctx.key[span.end :].split()[:1] in (["films"], ["movies"])
    if named and not (as_time or span.start == 0 or (of_films and not _films_named(named))):
        return None  # "what genre is the film 1984", "films about 1920s": a name, not a time
    return await _listed(ctx, wanted)


def _films_named(mentions: list[Mention]) -> bool:
    return any(m.has("film") for m in mentions)


_AROUND = {"before": "before", "after": "after", "since": "after", "until": "before"}
# Said just before a film, two words for "before" or "after" ("older than jaws")
_AROUND_PAIRS = {
    ("older", "than"): "before",
    ("earlier", "than"): "before",
    ("prior", "to"): "before",
    ("newer", "than"): "after",
    ("later", "than"): "after",
}
# "movies older than jaws", "films before the matrix": a list asked, not a film's sequel
_FILMS_ASKED = re.compile(r"\b(?:films|movies|flicks|ones|anything)\b")
# Said between "before" or "after" and the film: the words for a film, and who made it and
# how ("after the movie titanic", "before he made the shining", "after making jaws")
SAID_BEFORE_FILM = frozenset(
    "the film movie he she they made make making did doing directed directing shot shooting "
    "filmed filming wrote writing starred starring acted acting was were appeared appearing "
    "in".split()
)
SAID_BEFORE_FILM_MOST = 4  # words at most between "before" or "after" and the film
_MADE = re.compile(r"\b(?:make|made|making)\b")


async def _around_a_film(ctx: Context) -> Answer | None:
    """A person's films before or after a film named ("what did cameron direct after
    titanic", "nolan films before inception"), or any films said so ("movies older than
    jaws", "horror films after the shining"): the films of the years before or after the
    year it came out, said with the film."""
    topics = ctx.topics()
    if not any(kind == "person" for _, kind in topics) and not _FILMS_ASKED.search(
        ctx.key_outside()
    ):
        return None  # "what came before avatar fire and ash": its prequel (about)
    for mention, kind in topics:
        at = mention.start - 1
        while (
            at > 0
            and mention.start - at <= SAID_BEFORE_FILM_MOST
            and ctx.tokens[at] in SAID_BEFORE_FILM
        ):
            at -= 1
        pair = (ctx.tokens[at - 1], ctx.tokens[at]) if at > 0 else None
        side = _AROUND_PAIRS.get(pair) if pair else None
        if side is not None:
            at -= 1  # "older than": both words said as "before"
        else:
            side = _AROUND.get(ctx.tokens[at]) if at >= 0 else None
        if kind != "film" or at < 0 or side is None:
            continue
        film = await _the_film_meant(ctx, mention)
        if film is None or film.year is None:
            return None
        tokens = [*ctx.tokens[:at], side, str(film.year)]
        tokens += ctx.tokens[mention.end :]
        moved = at + 2 - mention.end
        mentions = [
            m if m.end <= at else replace(m, start=m.start + moved, end=m.end + moved)
            for m in ctx.mentions
            if m is not mention and (m.end <= at or m.start >= mention.end)
        ]
        dated = replace(ctx, key=" ".join(tokens), tokens=tokens, mentions=mentions)
        wanted = await wanted_films(dated)
        if wanted.span is None or wanted.films:
            return None
        said = side if pair and pair in _AROUND_PAIRS else ctx.tokens[at]
        wanted = replace(wanted, span=replace(wanted.span, said=f"{said} {film.label}"))
        return await _listed(dated, wanted)
    return None


async def _the_film_meant(ctx: Context, mention: Mention) -> FilmSummary | None:
    """Of the films a title names, one the people asked about are credited on, the best
    known, else the newest."""
    films = await ctx.catalog.summaries(dict.fromkeys(h.ref for h in mention.of_kind("film")))
    theirs = {f.id for f in await ctx.catalog.films_of_people(ctx.person_ids())}
    films = [f for f in films if f.id in theirs] or films
    ranked = sorted(films, key=lambda f: (f.year is None, *f.renown[:2], -(f.year or 0)))
    return ranked[0] if ranked else None


async def _every_film(ctx: Context) -> Answer:
    """ "list all movies", "what films do you have": the catalog's films, oldest first."""
    page = await browse(ctx.catalog, FilmQuery(), sort="oldest", limit=SHOWN_FILMS)
    if not page.films:
        return Answer(ctx.question, [], "The catalog has no films yet.")
    text = films_found("films in the catalog", page.films, page.total)
    return Answer(ctx.question, [f.title for f in page.films], text, films=page.films)


async def _genre_alone(ctx: Context) -> Answer | None:
    """The films of a genre said in everyday words ("sci-fi movies", "scary films",
    "westerns"), when the question names nothing the catalog has: the catalog's own genre
    names ("horror movies") are values, answered with the other films of a value; and a
    person's films of a genre ("tom hanks comedies")."""
    genre_said = any(m.has("genre") for m in ctx.mentions) or bool(genre_words(ctx.key))
    # "tom hanks comedies"; "french comedies", "english westerns": of a genre and a language
    of_whom = any(m.has("person") for m in ctx.mentions) or _language_said(ctx)
    narrowed = _narrowed(ctx, genre_said)
    if (
        ctx.mentions
        and not narrowed
        and not (of_whom and genre_said)
        and not _language_left_out(ctx)
        and not _genres_alone(ctx)
    ):
        return None
    wanted = await wanted_films(ctx)
    # "romantic comedies"; "films in french", which the catalog may have none of
    kind = (
        wanted.genre
        or (wanted.tag if wanted.people else None)
        or wanted.language
        or wanted.country
        or wanted.minutes
        or wanted.span  # "old movies"
    )
    # "sci fi horror": two genres said together name a kind of film, films or not said;
    # "a short comedy", "british comedy": a kind of film too
    asks_films = (
        _ASKS_FILMS.search(ctx.key)
        or wanted.plural
        or wanted.more_genres
        or narrowed
        or _genre_said_whole(ctx.key)
    )
    if kind is None or not (asks_films or wanted.without):
        return None
    if wanted.films:
        return None
    if (
        ctx.mentions
        and not narrowed
        and (
            not (
                wanted.people
                or wanted.without
                or wanted.more_genres
                or (wanted.language and (wanted.genre or wanted.not_in_language))
            )
            or wanted.films
            or len(wanted.people) > 1
        )
    ):
        return None  # "comedies without tom hanks" is answered here, "… with hanks and ryan" not
    return await _listed(ctx, wanted)


def _narrowed(ctx: Context, genre_said: bool) -> bool:
    """Whether the question narrows its films in a way only a list of films here reads:
    by a country ("british thrillers", "films from japan"), a running time ("a short
    comedy", "movies under 2 hours") or, of a genre, films left out ("sci fi movies except
    alien")."""
    return (
        any(kind == "country" for _, kind in ctx.topics())
        or not COUNTRY_WORDS.keys().isdisjoint(ctx.tokens)
        or runtime_span(ctx) is not None
        or old_span(ctx) is not None
        or (genre_said and bool(left_out(ctx, "film")))
    )


# Words asking for some films of a kind said alone ("any anime", "got any scifi")
_SOME_OF = frozenset("any some got more gimme".split())


def _genre_said_whole(key: str) -> bool:
    """Whether words for genres are all the question says, but for words asking for some
    and chat filler ("anime", "any scifi", "scary pls"): a kind of film asked for, as
    "horror" alone is."""
    said = genre_words(key)
    if not said:
        return False
    rest = key
    for *_, start, _, end in reversed(said):
        rest = rest[:start] + rest[end:]
    return all(word in _SOME_OF or word in CHAT_FILLER for word in rest.split())


def _genres_alone(ctx: Context) -> bool:
    """Whether the question names genres and nothing else, two of them or more ("sci fi
    horror", "animated comedies"): the films of all of them."""
    return all(m.has("genre") for m in ctx.mentions) and (
        len({genre for genre, *_ in genre_words(ctx.key)}) > 1
    )


def _language_left_out(ctx: Context) -> bool:
    """Whether the question names a language alone, to leave its films out ("movies not
    in english", "non english films")."""
    return all(m.has("language") for m in ctx.mentions) and any(
        not_in_language(ctx.key, m.of_kind("language")[0].display) for m in ctx.mentions
    )


def _language_said(ctx: Context) -> bool:
    """Whether a language is named ("japanese animated films") or a word for one is said
    outside every name ("french comedies", where the catalog has no film in French)."""
    return any(m.has("language") for m in ctx.mentions) or language_word_at(ctx) is not None


async def _listed(ctx: Context, wanted: Wanted) -> Answer:
    """The films ``wanted`` asks for, oldest first."""
    films: list[FilmSummary] = []
    included: list[str] = []
    if (
        wanted.genre
        and not wanted.more_genres
        and (kinds := await kinds_of_genre(ctx.catalog, wanted.genre))
    ):
        # "comedy films with tom hanks": his romantic comedies too
        films, included = await films_of_genre_or_kinds(ctx.catalog, wanted, kinds)
    total = len(films)
    films = films[:SHOWN_FILMS]
    if not films:
        page = await browse(ctx.catalog, wanted.query, sort="oldest", limit=SHOWN_FILMS)
        films, total = page.films, page.total
    if not films and wanted.role == "director" and _MADE.search(ctx.key):
        # "what did tom hanks make before 1995": made in any role, when not as director
        anyhow = replace(wanted, role=None, query=replace(wanted.query, role=None))
        return await _listed(ctx, anyhow)
    read = ""  # "old movies": how the word was read
    if wanted.span is not None and wanted.span.read_from:
        read = f"(Reading “{wanted.span.read_from}” as {wanted.span.words}.) "
    if not films:
        text = read + f"The catalog has no {wanted.describe()}."
        if wanted.minutes is not None:  # "comedies under 90 minutes": few running times kept
            text = read + await runtimes_lacking(ctx, wanted, text[len(read) :], found_none=True)
        if (narrower := await _narrower(ctx, wanted)) is not None:
            # "comedies with meg ryan" where her films are romantic comedies
            films = narrower[0].films
            found = films_found(narrower[1].describe(), films, narrower[0].total)
            text = text[:-1] + f", but it has {found[0].lower()}{found[1:]}"
            return Answer(ctx.question, [f.title for f in films], text, films=films)
        return Answer(ctx.question, [], text)
    text = read + films_found(wanted.describe() + kinds_included(included), films, total)
    text += await merged_note(ctx.catalog, films, wanted.people)
    if wanted.minutes is not None:
        text = await runtimes_lacking(ctx, wanted, text)
    return Answer(ctx.question, [f.title for f in films], text, films=films)


async def runtimes_lacking(
    ctx: Context, wanted: Wanted, text: str, *, found_none: bool = False
) -> str:
    """The reply to films asked by running time, saying how many of the films asked for,
    the running time aside, the catalog has a running time for, when not all of them:
    none ("so it cannot tell which are under 90 minutes"), or only some."""
    apart = replace(wanted.query, minutes=None)
    every = await count_films(ctx.catalog, apart)
    kept = await count_films(ctx.catalog, replace(apart, minutes=Minutes(0, MOST_MINUTES)))
    if kept >= every:
        return text
    described = replace(wanted, minutes=None).describe()
    if kept == 0:
        return (
            f"The catalog has no running times for the {described}, so it cannot tell which "
            f"are {wanted.minutes}."
        )
    only = f"running times for only {kept} of the {every} {described}."
    return f"{text[:-1]}; it has {only}" if found_none else f"{text} The catalog has {only}"


async def _narrower(ctx: Context, wanted: Wanted) -> tuple[FilmPage, Wanted] | None:
    """The films of the first narrower genre that has any ("romantic comedy" for
    "comedy"), and what they are, when ``wanted`` names a genre alone."""
    if wanted.genre is None or wanted.more_genres:
        return None
    for name in await kinds_of_genre(ctx.catalog, wanted.genre):
        narrower = replace(wanted, genre=name, query=replace(wanted.query, genre=name))
        page = await browse(ctx.catalog, narrower.query, sort="oldest", limit=SHOWN_FILMS)
        if page.films:
            return page, narrower
    return None


async def _same_year(ctx: Context) -> Answer | None:
    """The other films of the year a named film came out."""
    films = [f for f in await ctx.films() if f.year is not None]
    if not films:
        return None
    film, year = films[0], films[0].year
    assert year is not None
    query = FilmQuery(years=Years(year, year))
    page = await browse(ctx.catalog, query, sort="oldest", limit=SHOWN_FILMS + 1)
    others = [f for f in page.films if f.id != film.id][:SHOWN_FILMS]
    if not others:
        text = f"No other film in the catalog came out in {year}, the year of {film.label}."
        return Answer(ctx.question, [], text, films=[film])
    text = f"Films from {year}, the year of {film.label}: {film_list(others)}."
    text += claims_note(others)
    return Answer(ctx.question, [f.title for f in others], text, films=others)
