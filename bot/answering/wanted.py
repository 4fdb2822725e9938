"""What films a question asks for, in words people use: a time ("the 90s", "before 1970",
"between 1990 and 2000"), a genre ("sci fi", "scary", "romcom"), an order ("the oldest",
"top 3", "best") and how many.

These read the question only; :mod:`bot.store.discovery` finds the films.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace

from bot.answering.context import Context
from bot.answering.lexicon import (
    COUNTRY_WORDS,
    LANGUAGE_WORDS,
    NUMBER_WRITINGS,
    RELATIONS,
    is_relation_word,
)
from bot.answering.linking import SCAFFOLD, Mention
from bot.answering.reply import either, join_names
from bot.store.catalog import Catalog, FilmSummary, oldest_first_key
from bot.store.discovery import (
    FIRST_YEAR,
    LAST_YEAR,
    MOST_MINUTES,
    FilmQuery,
    Minutes,
    Years,
    YearsError,
    browse,
    genre_names,
    parse_years,
)
from bot.text import norm

# A year, or a decade as people write it: "1990s", "90s", "the nineties", "the 2010s".
_DECADE_WORDS = (
    "twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties|noughties|aughts"
)
_SPAN = (
    r"(?:the )?(?:(?:early|mid|late) )?(?:(?:18|19|20)?\d0s|(?:nineteen )?(?:"
    + _DECADE_WORDS
    + r"))|(?:18[7-9]\d|19\d\d|20\d\d|2100)"
)
SHORT_YEAR_PIVOT = 30  # "in 97" is 1997, "in 05" is 2005
_PART_OF_DECADE = {"early": (0, 3), "mid": (3, 6), "late": (6, 9)}
_BETWEEN = re.compile(rf"\b(?:between|from) ({_SPAN}) (?:and|to|till|until) ({_SPAN})\b")
_DASHED = re.compile(rf"\b({_SPAN}) (?:to )?({_SPAN})\b")  # "1990-1999" normalises to two words
_BEFORE = re.compile(rf"\b(?:before|prior to|earlier than|older than|pre) ({_SPAN})\b")
_UNTIL = re.compile(rf"\b(?:until|till|up to|through|by) ({_SPAN})\b")
_AFTER = re.compile(rf"\b(?:after|later than|newer than|post) ({_SPAN})\b")
_SINCE = re.compile(
    rf"\b(?:since ({_SPAN})|(?:from|in) ({_SPAN}) (?:on|onwards?|and later|or later))\b"
)
_ALONE = re.compile(rf"\b(?:(?:from|in|of|during) )?({_SPAN})\b")
# "in 97", "from '05": a year in two digits, only after a word that says it is a time
_SHORT_YEAR = re.compile(
    r"\b(?:from|in|of|during|since) (\d\d)\b(?! (?:minutes?|mins?|hours?|percent|years?))"
)


@dataclass(frozen=True)
class YearSpan:
    """Years a question asks about, either end open, and how to say them back."""

    first: int | None
    last: int | None
    start: int  # character offsets of the phrase in the normalised question
    end: int
    said: str = ""  # how the question said it, when not by years ("after Titanic (1997)")
    read_from: str = ""  # the word read as these years ("old"), when not a time

    @property
    def years(self) -> Years:
        """The span as the query layer's inclusive range, open ends at the catalog's bounds."""
        return Years(self.first or FIRST_YEAR, self.last or LAST_YEAR)

    @property
    def words(self) -> str:
        """``from 1999``, ``from the 1990s``, ``before 1970``, ``from 1990 to 2000``."""
        if self.said:
            return self.said
        first, last = self.first, self.last
        if first is None and last is not None:
            return f"before {last + 1}"
        if last is None and first is not None:
            return f"from {first} on"
        assert first is not None and last is not None
        if first == last:
            return f"from {first}"
        if first % 10 == 0 and last == first + 9:
            return f"from the {first}s"
        return f"from {first} to {last}"

    def positions(self, key: str) -> set[int]:
        """The word positions of the phrase in ``key``."""
        first = key.count(" ", 0, self.start)
        return set(range(first, first + key[self.start : self.end].count(" ") + 1))


def _years(text: str) -> tuple[int, int] | None:
    text = text.removeprefix("the ")
    part, _, rest = text.partition(" ")
    if part in _PART_OF_DECADE:  # "the early 90s": the decade's first, middle or last years
        decade = _years(rest)
        if decade is None:
            return None
        low, high = _PART_OF_DECADE[part]
        return decade[0] + low, decade[0] + high
    try:
        years = parse_years(text.removeprefix("nineteen "))
    except YearsError:
        return None
    return years.first, years.last


# Every year or decade the patterns read has a figure or one of these words in it
_DIGITS = frozenset("0123456789")
_DECADE_ENDINGS = ("ties", "aughts")


def year_span(key: str) -> YearSpan | None:
    """The years a normalised question asks about, if it names any."""
    if _DIGITS.isdisjoint(key) and not any(end in key for end in _DECADE_ENDINGS):
        return None  # most questions name no time: none of the patterns is tried
    for pattern in (_BETWEEN, _DASHED):
        match = pattern.search(key)
        if match:
            low, high = _years(match.group(1)), _years(match.group(2))
            if low and high and low[0] <= high[1]:
                return YearSpan(low[0], high[1], match.start(), match.end())
    for pattern, side in ((_BEFORE, "before"), (_UNTIL, "until"), (_AFTER, "after")):
        match = pattern.search(key)
        found = _years(match.group(1)) if match else None
        if match and found:
            if side == "before":
                return YearSpan(None, found[0] - 1, match.start(), match.end())
            if side == "until":
                return YearSpan(None, found[1], match.start(), match.end())
            return YearSpan(found[1] + 1, None, match.start(), match.end())
    match = _SINCE.search(key)
    if match:
        found = _years(match.group(1) or match.group(2))
        if found:
            return YearSpan(found[0], None, match.start(), match.end())
    match = _ALONE.search(key)
    if match:
        found = _years(match.group(1))
        if found:
            return YearSpan(found[0], found[1], match.start(), match.end())
    match = _SHORT_YEAR.search(key)
    if match:
        year = int(match.group(1))
        year += 1900 if year >= SHORT_YEAR_PIVOT else 2000
        return YearSpan(year, year, match.start(), match.end())
    return None


# "old movies", "classic westerns", "oldies": films before this year, said so
OLD_BEFORE = 1970
_OLD_WORDS = frozenset({"old", "classic"})
# "something short", "smth long": a film that is
_SOME_FILM = frozenset("something anything smth sth".split())


def narrows_films(tokens: Sequence[str], at: int) -> bool:
    """Whether the word at ``at`` narrows the films asked for by their age or length ("old
    movies", "a short comedy", "any good oldies"): a word of the question, not of a name
    ("no country for old men"), also after "something" or before "one" ("something short to
    watch", "a long one")."""
    token = tokens[at]
    if token == "oldies":
        return True
    after = tokens[at + 1 : at + 3]
    said_of_films = (
        bool(after)
        and (
            after[0] in FILM_NOUNS
            or after[0] in _GENRE_FORMS
            or after[0] in ("one", "ones")
            or " ".join(after) in _GENRE_FORMS  # "short sci fi movies"
        )
    ) or (at > 0 and tokens[at - 1] in _SOME_FILM)
    return said_of_films and (token in _OLD_WORDS or token in _LENGTH_WORDS)


def old_span(ctx: Context) -> YearSpan | None:
    """The years "old" or "classic" said of films outside every name stands for ("old
    movies", "some classic westerns", "any good oldies"): those before :data:`OLD_BEFORE`."""
    named = ctx.named()
    for at, token in enumerate(ctx.tokens):
        if token not in _LENGTH_WORDS and narrows_films(ctx.tokens, at) and at not in named:
            start = len(" ".join(ctx.tokens[:at])) + (1 if at else 0)
            return YearSpan(None, OLD_BEFORE - 1, start, start + len(token), read_from=token)
    return None


# A running time asked in figures ("under 90 minutes", "over 2 hours", "shorter than 100
# mins"), and "short" or "long" said of films ("a short comedy", "long movies"), read as
# these bounds and said back as them
_SHORTER = "under|less than|shorter than|below|at most|up to"
_LONGER = "over|more than|longer than|above|at least"
_RUNTIME = re.compile(
    rf"\b(?:(?P<shorter>{_SHORTER})|(?P<longer>{_LONGER})) (?P<count>\d{{1,3}}) ?"
    r"(?:(?P<hours>hours?|hrs?|h)|minutes?|mins?)\b"
)
SHORT_FILM = Minutes(0, 99)  # "short": under 100 minutes
LONG_FILM = Minutes(151, MOST_MINUTES)  # "long": over 150 minutes
_LENGTH_WORDS = {"short": SHORT_FILM, "long": LONG_FILM}


@dataclass(frozen=True)
class RuntimeSpan:
    """The running times a question asks for, and the words of the question that say it."""

    minutes: Minutes
    positions: frozenset[int]


def runtime_span(ctx: Context) -> RuntimeSpan | None:
    """The running times a question asks its films in, if it says: in figures, or
    "short" or "long" said of films outside every name ("a short comedy", "something
    long"; not "how long is heat")."""
    if "short" not in ctx.key and "long" not in ctx.key and not _RUNTIME.search(ctx.key):
        return None  # most questions ask no running time
    named = ctx.named()
    match = _RUNTIME.search(ctx.key)
    if match is not None:
        at = ctx.key.count(" ", 0, match.start())
        words = frozenset(range(at, at + match.group().count(" ") + 1))
        if not words & named:
            minutes = int(match["count"]) * (60 if match["hours"] else 1)
            if match["shorter"]:
                last = minutes if match["shorter"] in ("at most", "up to") else minutes - 1
                return RuntimeSpan(Minutes(0, last), words)
            first = minutes if match["longer"] == "at least" else minutes + 1
            return RuntimeSpan(Minutes(first, MOST_MINUTES), words)
    for at, token in enumerate(ctx.tokens):
        if token in _LENGTH_WORDS and at not in named and narrows_films(ctx.tokens, at):
            return RuntimeSpan(_LENGTH_WORDS[token], frozenset({at}))
    return None


def country_words(name: str) -> str:
    """A country as said after "from": "the United Kingdom", "Japan"."""
    return f"the {name}" if name.startswith("United ") or name.endswith("s") else name


# Words people use for a genre, and the genre they mean.
GENRE_WORDS: dict[str, str] = {
    "sci fi": "science fiction",
    "scifi": "science fiction",
    "sci fy": "science fiction",
    "animated": "animation",
    "cartoon": "animation",
    "anime": "animation",
    "scary": "horror",
    "scariest": "horror",
    "spooky": "horror",
    "creepy": "horror",
    "romcom": "romantic comedy",
    "rom com": "romantic comedy",
    "romantic": "romance",
    "love story": "romance",
    "funny": "comedy",
    "funniest": "comedy",
    "kids": "family",
    "family friendly": "family",
    "gangster": "crime",
    "mafia": "crime",
    "suspense": "thriller",
}
# Genres common enough that a question naming one asks for it even when the catalog has
# none: the reply then says there are none rather than offering any film.
COMMON_GENRES = (
    "action adventure animation biography comedy crime documentary drama family fantasy "
    "history horror musical mystery romance thriller war western"
).split()


_GENRE_WORDS_KEPT: weakref.WeakKeyDictionary[Catalog, frozenset[tuple[str, str]]] = (
    weakref.WeakKeyDictionary()
)


async def genre_words_kept(catalog: Catalog) -> frozenset[tuple[str, str]]:
    """The words for genres (:data:`GENRE_WORDS` and the genres they name) that the
    catalog has as a genre or a tag, as ``(kind, normal form)``: read once a catalog, so a
    kind of film asked for reads the films of just those of its words the catalog has."""
    kept = _GENRE_WORDS_KEPT.get(catalog)
    if kept is None:
        hits = await catalog.lookup_names(sorted(_GENRES.union(GENRE_WORDS)))
        kept = frozenset((h.kind, h.norm) for h in hits if h.kind in ("genre", "tag"))
        _GENRE_WORDS_KEPT[catalog] = kept
    return kept


async def genres_by_norm(catalog: Catalog) -> dict[str, str]:
    """The catalog's genres by their normal form ("sci fi": "Sci-Fi")."""
    return {norm(name): name for name in await genre_names(catalog)}


async def genre_named(catalog: Catalog, typed: str | None) -> str | None:
    """The catalog's genre that a genre option typed in everyday words stands for ("scifi":
    "Science fiction", or "Sci-Fi" where the catalog calls it so; "westerns": "Western");
    else the text as typed: a name the catalog has, or one it lacks, reported as such."""
    if typed is None or not typed.strip():
        return typed
    names = await genres_by_norm(catalog)
    key = norm(typed)
    genre = _GENRE_FORMS.get(key)
    if key in names or genre is None:
        return typed
    return next((names[word] for word in words_of_genre(genre) if word in names), typed)


def words_of_genre(word: str) -> tuple[str, ...]:
    """Every word for the genre a word (in normal form) names, the genre first: "sci fi"
    gives ("science fiction", "sci fi", "scifi", "sci fy"); a word for no genre, none."""
    genre = GENRE_WORDS.get(word, word)
    if genre not in _GENRES:
        return ()
    return (genre, *(w for w, g in GENRE_WORDS.items() if g == genre))


_GENRES = frozenset(COMMON_GENRES) | frozenset(GENRE_WORDS.values())


def _plural(word: str) -> str:
    return word[:-1] + "ies" if word.endswith("y") else word + "s"


_SINGULAR = {word: word for word in COMMON_GENRES} | GENRE_WORDS
_GENRE_FORMS = _SINGULAR | {_plural(word): genre for word, genre in _SINGULAR.items()}
_GENRE_WORD = re.compile(r"\b(?:" + "|".join(sorted(_GENRE_FORMS, key=len, reverse=True)) + r")\b")


def genre_words(key: str) -> list[tuple[str, int, bool, int]]:
    """Genres named by common words in a normalised question: the genre, the offset of the
    words, whether they were said in the plural ("comedies"), and the offset after them."""
    return [
        (_GENRE_FORMS[m.group()], m.start(), m.group() not in _SINGULAR, m.end())
        for m in _GENRE_WORD.finditer(key)
    ]


# Orders people ask for, first match wins ("best known" is popularity, not rating).
ORDERS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(?:most popular|most voted|best known|most famous|popular|famous)\b"), "votes"),
    (re.compile(r"\b(?:first|earliest|oldest)\b"), "oldest"),
    (re.compile(r"\b(?:latest|newest|most recent|recent|last|new|newer)\b"), "newest"),
    (re.compile(r"\blongest\b"), "longest"),
    (re.compile(r"\bshortest\b"), "shortest"),
    (
        re.compile(
            r"\b(?:best|top|highest rated|best rated|top rated|highly rated|greatest|finest|"
            r"ranked|rank|ranking|scariest|funniest)\b"
        ),
        "rating",
    ),
)
_NUMBERS = {word: int(figure) for figure, _, word in NUMBER_WRITINGS}  # "seven": 7
_COUNT = r"(\d{1,2}|" + "|".join(_NUMBERS) + ")"
_HOW_MANY = re.compile(
    rf"\b(?:top|best|greatest|oldest|newest|latest|longest|shortest) {_COUNT}\b|"
    rf"\b{_COUNT} (?:best|oldest|newest|latest|longest|shortest|greatest|"
    r"most|top|good|great|films|movies|flicks)\b"
)


# A word each phrase of :data:`ORDERS` has ("most popular": "popular", "highly rated": "rated")
_ORDER_WORDS = (
    "popular voted known famous first earliest oldest latest newest recent last new longest "
    "shortest best top rated greatest finest rank scariest funniest"
).split()


_COMPARED = re.compile(r"\bnewer than\b")


def order_asked(key: str) -> str | None:
    """The order a normalised question asks films in: oldest, newest, rating, votes, …"""
    if not any(word in key for word in _ORDER_WORDS):
        return None  # most questions ask no order: none of the patterns is tried
    key = _COMPARED.sub("", key)  # "newer than the matrix": the films after it, in no order
    return next((sort for pattern, sort in ORDERS if pattern.search(key)), None)


_NEWEST = r"(?:newest|latest|most recent|recent|new)"
_OLDEST = r"(?:oldest|earliest|old)"
_ONES = r"(?: (?:ones?|films?|movies?))?"
_LISTING = re.compile(
    rf"\b(?:(?P<new>{_NEWEST}){_ONES} (?:first|to {_OLDEST})|(?P<old>{_OLDEST}){_ONES} "
    rf"(?:first|to {_NEWEST})|(?P<reverse>reverse )?(?:chronological order|chronologically))\b"
)


def listing_order(key: str) -> str | None:
    """The order a whole list of films is asked in ("newest first", "oldest to newest", "in
    chronological order", "in reverse chronological order"), not the one film first or
    last: ``newest`` or ``oldest``."""
    match = _LISTING.search(key)
    if match is None:
        return None
    return "newest" if match.group("new") or match.group("reverse") else "oldest"


# Words that leave someone out: "but not with keanu", "comedies without tom hanks", "keanu
# films that aren't john wick"
LEAVING_OUT = frozenset("not without no except minus excluding besides arent isnt".split())
_JOINING = frozenset("and or nor".split())


def left_out(ctx: Context, kind: str) -> dict[int, str]:
    """The names of ``kind`` ("person", "film") a question asks to leave out, by id (as
    shown): those said just after a word that leaves out ("films like speed but not with
    keanu", "comedies without tom hanks", "cameron films except titanic", "other than
    psycho"; "no" only just before), and those joined to them ("but not with al pacino or
    de niro")."""
    out: dict[int, str] = {}
    last = -1  # where the last one left out ends
    for mention in ctx.mentions:
        if not mention.has(kind):
            continue
        before = ctx.tokens[max(0, mention.start - 3) : mention.start]
        joined = last >= 0 and set(ctx.tokens[last : mention.start]) <= _JOINING
        said = (
            joined
            or (LEAVING_OUT - {"no"}).intersection(before)
            or before[-1:] == ["no"]
            or before[-2:] == ["other", "than"]
            or before[-3:] == ["other", "than", "the"]
        )
        if said:
            hit = mention.of_kind(kind)[0]
            out[hit.ref] = hit.display
            last = mention.end
    return out


def people_left_out(ctx: Context) -> dict[int, str]:
    """The people a question asks to leave out (:func:`left_out`)."""
    return left_out(ctx, "person")


def count_asked(key: str) -> int | None:
    """How many films the question asks for ("top 3", "five best"), if it says."""
    match = _HOW_MANY.search(key)
    if match is None:
        return None
    word = match.group(1) or match.group(2)
    number = int(word) if word.isdigit() else _NUMBERS[word]
    return number if 0 < number <= 25 else None


# --- the films a question asks for, as a query ---------------------------------------------

_PLURAL = re.compile(r"\b(?:films|movies|flicks|ones|pictures)\b")
_ROLE_WORDS = {
    "director": "directed by",
    "writer": "written by",
    "producer": "produced by",
    "composer": "scored by",
    "cast": "starring",
}


@dataclass(frozen=True)
class Wanted:
    """The films a question asks for, as a query for :mod:`bot.store.discovery`, and the
    words to say them back ("science fiction films from the 1990s with James Cameron")."""

    query: FilmQuery
    span: YearSpan | None = None
    genre: str | None = None
    tag: str | None = None
    people: tuple[str, ...] = ()
    role: str | None = None
    films: tuple[Mention, ...] = ()  # films the question names outside the filter's words
    plural: bool = False  # "films", "comedies": a list is asked for, not one film
    more_genres: tuple[str, ...] = ()  # genres the films must have too, beside ``genre``
    without: tuple[str, ...] = ()  # people none of the films may credit
    language: str | None = None  # "french comedies", "films in korean"
    not_in_language: bool = False  # "films not in english": ``language`` is the one left out
    country: str | None = None  # "british thrillers", "films from japan"
    minutes: Minutes | None = None  # "a short comedy", "movies under 90 minutes"
    films_out: tuple[str, ...] = ()  # films left out ("keanu films except speed"), as shown

    def describe(self, noun: str = "films") -> str:
        genres = " and ".join(g.lower() for g in (self.genre, *self.more_genres) if g)
        parts = [f"{genres} {noun}" if genres else noun]
        if self.language:
            parts.append(f"{'not ' if self.not_in_language else ''}in {self.language}")
        if self.country:
            parts.append(f"from {country_words(self.country)}")
        if self.tag:
            parts.append(f"about {self.tag}")
        if self.people:
            said = join_names(self.people) if self.query.every_of else either(self.people)
            parts.append(f"{_ROLE_WORDS.get(self.role or '', 'with')} {said}")
        if self.without:  # "with Tom Hanks but not Meg Ryan", "without Tom Hanks"
            parts.append(f"{'but not' if self.people else 'without'} {either(self.without)}")
        if self.span is not None:
            parts.append(self.span.words)
        if self.minutes is not None:
            parts.append(str(self.minutes))
        if self.films_out:
            parts.append(f"other than {join_names(self.films_out)}")
        return " ".join(parts)


# Words that ask for films in an order or for a pick; a title made only of these and question
# words ("Most", "Random", "What?") is not what a question asking for films is about.
KIND_WORDS = frozenset(
    "first earliest oldest latest newest new most recent last longest shortest best top highest "
    "rated greatest finest popular famous known random recommend recommendation "
    "recommendations suggest suggestion suggestions recs pick tonight good great some any "
    "something anything similar like watch see wanna pls please before after since between "
    "until till during onwards later earlier order rank ranked ranking".split()
)
_DECADE_TOKEN = re.compile(rf"(?:{_SPAN})")


def is_asking_word(token: str) -> bool:
    """Whether a word asks for films by time, order, genre or pick ("80s", "newest",
    "scary", "recommend"), rather than being part of a name to look for."""
    return token in KIND_WORDS or token in _GENRE_FORMS or bool(_DECADE_TOKEN.fullmatch(token))


def is_keyword(token: str, *, asking: bool = False) -> bool:
    """A question word, a relation keyword or (unless ``asking``) a word asking for films
    by time, order or genre: not a word of a name."""
    return token in SCAFFOLD or is_relation_word(token) or (not asking and is_asking_word(token))


FILM_NOUNS = frozenset("film films movie movies flick flicks".split())
_ONE_ASKED = KIND_WORDS | {"a", "an", "decent", "solid"}  # "recommend a western", "random western"


def _topics(ctx: Context, taken: set[int]) -> list[tuple[Mention, str]]:
    """What each mention names in a question asking for films, outside the years' words.

    A name made only of question words names nothing here; a genre that is also a title
    ("Western") is the genre when said in the plural, before "films" or after a word asking
    for one ("a western", "random western", "a good western"); a bare number is not a tag
    ("top 3").
    """
    found = []
    for mention, kind in ctx.topics():
        words = ctx.tokens[mention.start : mention.end]
        if taken & set(mention.positions) or all(w in SCAFFOLD or w in KIND_WORDS for w in words):
            continue
        after = ctx.tokens[mention.end] if mention.end < len(ctx.tokens) else ""
        before = ctx.tokens[mention.start - 1] if mention.start else ""
        plural = " ".join(words) != mention.norm
        if (
            kind == "film"
            and mention.has("genre")
            and (plural or after in FILM_NOUNS or before in _ONE_ASKED)
        ):
            kind = "genre"
        if kind == "tag" and mention.norm.isdigit():
            continue
        found.append((mention, kind))
    return found


async def wanted_films(ctx: Context, statuses: tuple[str, ...] = ()) -> Wanted:
    """The genre, people, role and years a question asks films for."""
    span = year_span(ctx.key) or old_span(ctx)
    taken = span.positions(ctx.key) if span else set()
    if any(taken & set(m.positions) and not set(m.positions) <= taken for m in ctx.mentions):
        span, taken = None, set()  # the year is part of a name: "Broadway Melody of 1936"
    if span is not None and _credit_of(ctx.key, span.start):
        films = [m for m in ctx.mentions if m.has("film") and set(m.positions) <= taken]
        if films:  # "the director of 1911", "the same actor of 2012": a film, not a time
            span, taken = None, set()
    runtime = runtime_span(ctx)  # "a short comedy", "movies under 2 hours"
    taken |= runtime.positions if runtime else set()
    topics = _topics(ctx, taken)
    genre: str | None = None
    plural = _PLURAL.search(ctx.key) is not None
    for mention, kind in topics:
        if kind == "genre":
            genre = mention.of_kind("genre")[0].display
            typed = " ".join(ctx.tokens[mention.start : mention.end])
            plural = plural or typed != mention.norm  # "comedies" found as "comedy"
            taken |= set(mention.positions)
            break
    if genre is None and (said := await _genre_word(ctx, taken)) is not None:
        at = said[2]
        over = next((m for m, kind in topics if kind == "tag" and at in m.positions), None)
        if over is None or over.size == 1:  # "romantic movies": the genre, not the tag
            genre, plural = said[0], plural or said[1]
            topics = [(m, kind) for m, kind in topics if m is not over]
        # else "romantic comedies", a tag of its own: the tag, not the genre of one word
    people_out = people_left_out(ctx)  # "comedies without tom hanks"
    people = [
        m
        for m, kind in topics
        if kind == "person" and not people_out.keys() >= {h.ref for h in m.of_kind("person")}
    ]
    ids = tuple(dict.fromkeys(h.ref for m in people for h in m.of_kind("person")))
    names = tuple(dict.fromkeys(m.of_kind("person")[0].display for m in people))
    # "tom hanks and meg ryan movies from the 90s": films with each of them, not either
    every_of = (
        tuple(tuple(dict.fromkeys(h.ref for h in m.of_kind("person"))) for m in people)
        if len(names) > 1 and not either_said(ctx, people)
        else ()
    )
    role = next((r.role for _, r in ctx.occurrences() if r.role is not None), None)
    role = role if ids else None
    more: tuple[str, ...] = ()
    if genre is not None:  # "sci fi horror", "action comedies with jackie chan": both
        more = await _more_genres(ctx, topics, genre, taken)
        topics = [(m, k) for m, k in topics if not (k == "tag" and m.has("genre"))]
    tagged = next((m for m, kind in topics if kind == "tag"), None)
    tag = tagged.of_kind("tag")[0].display if tagged else None
    if tagged is not None:  # "romantic comedies" found as "romantic comedy"
        plural = plural or " ".join(ctx.tokens[tagged.start : tagged.end]) != tagged.norm
    films_left = left_out(ctx, "film")  # "keanu films except speed", "sci fi but not alien"
    films_out = [
        m for m in ctx.mentions if m.has("film") and m.of_kind("film")[0].ref in films_left
    ]
    films = tuple(
        m
        for m, kind in topics
        if kind == "film" and not taken & set(m.positions) and m not in films_out
    )
    language = _language(ctx, topics, taken)
    country = _country(ctx, topics, taken)
    negated = language is not None and not_in_language(ctx.key, language)  # "films not in english"
    query = FilmQuery(
        genre=genre,
        tag=tag,
        language=None if negated else language,
        also_genres=more,
        without_language=language if negated else None,
        years=span.years if span else None,
        person_ids=ids,
        role=role,
        statuses=statuses,
        every_of=every_of,
        without_ids=tuple(people_out),
        country=country,
        minutes=runtime.minutes if runtime else None,
        without_films=tuple(dict.fromkeys(h.ref for m in films_out for h in m.of_kind("film"))),
    )
    return Wanted(
        query,
        span,
        genre,
        tag,
        names,
        role,
        films,
        plural,
        more,
        tuple(people_out.values()),
        language,
        negated,
        country,
        runtime.minutes if runtime else None,
        tuple(dict.fromkeys(films_left.values())),
    )


def not_in_language(key: str, language: str) -> bool:
    """Whether a question asks for films not in a language ("movies not in english",
    "non english films", "films that arent in french")."""
    said = re.escape(norm(language))
    return re.search(rf"\b(?:not|non|arent|isnt|except) (?:in )?{said}\b", key) is not None


def _language(ctx: Context, topics: list[tuple[Mention, str]], taken: set[int]) -> str | None:
    """The language a question asks its films in: one the catalog has, named ("films in
    korean"), else a word for one outside every name ("french comedies", though the
    catalog has no film in French: then none is listed, not every comedy)."""
    for mention, kind in topics:
        if kind == "language" and not taken & set(mention.positions):
            taken |= set(mention.positions)
            return mention.of_kind("language")[0].display
    at = language_word_at(ctx, taken)
    if at is None:
        return None
    taken.add(at)
    return ctx.tokens[at].capitalize()


def _country(ctx: Context, topics: list[tuple[Mention, str]], taken: set[int]) -> str | None:
    """The country a question asks its films from: one the catalog has, named ("films from
    japan"), else a word for one outside every name ("british thrillers", "films from the
    uk", though the catalog has no film from there: then none is listed)."""
    for mention, kind in topics:
        if kind == "country" and not taken & set(mention.positions):
            taken |= set(mention.positions)
            return mention.of_kind("country")[0].display
    named = ctx.named()
    for at, token in enumerate(ctx.tokens):
        if token in COUNTRY_WORDS and at not in named and at not in taken:
            taken.add(at)
            return COUNTRY_WORDS[token]
    return None


def language_word_at(ctx: Context, taken: Collection[int] = ()) -> int | None:
    """Where a word for a language is said outside every name (and ``taken``): "french
    comedies", said whether or not the catalog has a film in French."""
    named = ctx.named()
    return next(
        (
            i
            for i, token in enumerate(ctx.tokens)
            if token in LANGUAGE_WORDS and i not in named and i not in taken
        ),
        None,
    )


def either_said(ctx: Context, people: list[Mention]) -> bool:
    """Whether "or" is said between the people named ("films with hanks or ryan")."""
    first, last = min(m.start for m in people), max(m.end for m in people)
    return "or" in ctx.tokens[first:last]


async def _more_genres(
    ctx: Context, topics: list[tuple[Mention, str]], genre: str, taken: set[int]
) -> tuple[str, ...]:
    """Genres a question names besides ``genre``, by the catalog's names or common words
    ("action comedies", "romantic comedies" where romance and comedy are apart)."""
    found = [
        m.of_kind("genre")[0].display
        for m, kind in topics
        if kind in ("genre", "tag") and m.has("genre") and not taken & set(m.positions)
    ]
    named = {i for m, _ in topics for i in m.positions} | taken
    known = await genres_by_norm(ctx.catalog)
    for word, start, _, _ in genre_words(ctx.key):
        if ctx.key.count(" ", 0, start) not in named and word in known:
            found.append(known[word])
    return tuple(g for g in dict.fromkeys(found) if norm(g) != norm(genre))


PERSON_FILMS_MOST = 1000  # a person's films read to find those of several genres


async def kinds_of_genre(catalog: Catalog, genre: str) -> list[str]:
    """The catalog's genres that are a kind of ``genre``, by name: "Romantic comedy" and
    "Black comedy" for "Comedy"."""
    asked = norm(genre)
    return [
        name
        for name in await genre_names(catalog)
        if (listed := norm(name)) != asked and is_of_genre(listed, asked)
    ]


def is_of_genre(listed: str, asked: str) -> bool:
    """Whether a genre (normalised) is the genre asked or a kind of it, named by words
    before it ("psychological thriller", "romantic comedy")."""
    return listed == asked or listed.endswith(f" {asked}")


def kinds_included(kinds: Sequence[str]) -> str:
    """How a list of films says it has films of kinds of its genre: ", romantic comedies
    included"."""
    return f", {join_names([_plural(kind.lower()) for kind in kinds])} included" if kinds else ""


async def films_of_genre_or_kinds(
    catalog: Catalog, wanted: Wanted, kinds: Sequence[str]
) -> tuple[list[FilmSummary], list[str]]:
    """The films ``wanted`` asks for of its genre or of a kind of it (``kinds``: "romantic
    comedy" for comedy), oldest first, and the kinds that some of them are without being
    of the genre itself. None when no film is of the genre itself (a narrower genre is
    offered instead), or when there are too many to read them all."""
    own = norm(wanted.genre or "")
    genres: dict[int, set[str]] = {}
    films: dict[int, FilmSummary] = {}
    for genre in (wanted.genre, *kinds):
        query = replace(wanted.query, genre=genre)
        page = await browse(catalog, query, sort="oldest", limit=PERSON_FILMS_MOST)
        if page.total > len(page.films):
            return [], []
        for film in page.films:
            films[film.id] = film
            genres.setdefault(film.id, set()).add(norm(genre or ""))
    if not any(own in of for of in genres.values()):
        return [], []
    included = {g for of in genres.values() if own not in of for g in of}
    found = sorted(films.values(), key=oldest_first_key)
    return found, [kind for kind in kinds if norm(kind) in included]


_BEFORE_OF = re.compile(r"\b(\w+) (?:of |in )?(?:the (?:film|movie) )?$")


def _credit_of(key: str, start: int) -> bool:
    """Whether the words before offset ``start`` name a credit of a film ("the director
    of", "the same actor in"): what follows is then a film's title, though it reads as a
    year ("1911", "'71")."""
    match = _BEFORE_OF.search(key[:start])
    if match is None:
        return False
    word = match.group(1)
    return any(r.role is not None and r.pattern.fullmatch(word) for r in RELATIONS)


async def _genre_word(ctx: Context, taken: set[int]) -> tuple[str, bool, int] | None:
    """A genre named by a common word ("sci fi", "scary", "westerns"), as the catalog
    spells it when it has it, whether it was said in the plural, and the word's position."""
    known = await genres_by_norm(ctx.catalog)
    for genre, start, plural, _ in genre_words(ctx.key):
        at = ctx.key.count(" ", 0, start)
        if at not in taken:
            return known.get(genre, genre.capitalize()), plural, at
    return None
