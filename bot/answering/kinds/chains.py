"""Questions that go through films: a person's films and what is true of them ("what films
did Kubrick direct", "who directed the films starring Tom Hanks", "Meg Ryan's co-stars"),
films sharing a credit with a film ("what else did the director of Heat make"), and films
with a genre, tag, language or other value ("list dramas", "films about dystopia")."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from itertools import compress, count, repeat
from operator import attrgetter, itemgetter, neg, not_
from typing import TypeVar

from bot.answering.context import Context
from bot.answering.kinds.about import word_of_a_title
from bot.answering.kinds.relations import read
from bot.answering.lexicon import (
    ASKS_PEOPLE,
    ASKS_WHEN,
    PERSON_VERBS,
    RELATION_BY_NAME,
    Relation,
    is_relation_word,
)
from bot.answering.linking import Mention
from bot.answering.reply import (
    Answer,
    claims_note,
    counted,
    film_list,
    films_found,
    join_names,
    merged_note,
)
from bot.answering.reply import (
    either as either_of,
)
from bot.answering.wanted import (
    FILM_NOUNS,
    either_said,
    genre_words_kept,
    genres_by_norm,
    is_keyword,
    kinds_included,
    kinds_of_genre,
    left_out,
    people_left_out,
    wanted_films,
    words_of_genre,
)
from bot.answering.whole_title import SEQUEL_ASKED
from bot.store.catalog import ROLES, FilmSummary, PeopleCredits, oldest_first_key
from bot.store.indexes import ARTICLES
from bot.text import norm

_SAME = re.compile(r"\b(?:same|also|share[sd]?|sharing|other|too|else)\b")
_COSTARS = re.compile(r"\bco ?stars?\b|\b(?:appeared|acted|starred|played) (?:with|alongside)\b")
_WORKED_WITH = re.compile(r"\b(?:worked|collaborated|teamed up) with\b")
_TOGETHER = re.compile(r"\b(?:co|together|alongside|along with|same)\b|\bco ?\w+")
_MADE = re.compile(r"\b(?:make|makes|making|made by|(?:films?|movies?|pictures?) by)\b")
_CAST_BEFORE = re.compile(r"(?:^|\b(?:the|those|any|all|some)) (?:films?|movies?|pictures?) with$")
_CAST_AFTER = re.compile(
    r"^(?:was|were|has been|have been|had been|played|appeared|acted|starred) in$"
)
# "which movies were penned by the writer of X": films asked, through a role of film X
_FILMS_OF_THE = re.compile(
    r"^(?:(?:in|on|from) )?(?:what|which|name|list|show)(?: \w+)? (?:films?|movies?)\b.*"
    r"\b(?:the|its|their) \w+ of (?:the (?:film|movie) )?_"
)
_ID = attrgetter("id")
_TITLE = attrgetter("title")
_YEAR = attrgetter("year")
_Item = TypeVar("_Item")
_CREDIT_WORDS_MOST = 2  # words of a credit asked after a title said alone ("music by")
_PLURALS = {
    "company": "companies",
    "country": "countries",
    "votes": "votes",
    "sources": "sources",
    "status": "status",
    "synopsis": "synopses",
}


async def reply(ctx: Context) -> Answer | None:
    """Person → films → facts, film → people → films, value → films."""
    topics = ctx.topics()
    if not topics:
        return None
    without = people_left_out(ctx)  # "movies with tom hanks but not meg ryan"
    if without:  # those left out are no topic: "sci fi without cameron"
        topics = [
            (m, k)
            for m, k in topics
            if not (k == "person" and without.keys() >= {h.ref for h in m.of_kind("person")})
        ]
        if not topics:
            return None
    people = [m for m, k in topics if k == "person"]
    if people:
        return await _from_people(ctx, people, without)
    if any(k == "film" for _, k in topics):
        return await _sharing_a_credit(ctx)
    return await _from_values(ctx, topics)


async def _sharing_a_credit(ctx: Context) -> Answer | None:
    """Other films with the same director, cast, … as the films named."""
    outside = ctx.key_outside()
    if not (_SAME.search(outside) or _FILMS_OF_THE.search(outside)):
        return None  # first: most questions naming a film ask a fact of it, not others
    roles = [r for _, r in ctx.occurrences() if r.role is not None]
    if not roles:
        return None
    films = await ctx.films()
    if not films:
        return None
    role = roles[0]
    ids = [f.id for f in films]
    named = join_names([f.label for f in films])
    people = await _people_of(ctx, films, role.role or "cast")
    how = ""  # how the people were found, when the catalog names none in the role
    if not people:
        people, how = await _named_otherwise(ctx, films, role.role or "cast")
    through = [p for p, _ in people]
    credited = await ctx.catalog.credits_of_people(through, role.role or "cast")
    reached = _by_paths(credited, set(ids), through, role.role or "cast")
    others = credited.films_of(reached)
    if how:
        people, others = await _by_role_share(ctx, people, credited, others, role.role or "cast")
    titles = _titles(others)  # first: the films' titles are then at hand for their labels
    names = join_names([n for _, n in people], 10)
    if not others:
        text = (
            f"The catalog names no {role.name} for {named}."
            if how or not through
            else f"No other film in the catalog shares the {role.name} of {named}."
        )
    elif how:
        verb = PERSON_VERBS.get(role.role or "cast", "is credited on")
        text = (
            f"The catalog names no {role.name} for {named}; it {how.format(names)}, "
            f"who {verb} {_listed(ctx, others, ids=reached)}."
        )
    else:
        are = "is" if len(people) == 1 else "are"
        text = (
            f"{named}: {role.phrase} {names}, "
            f"who {are} also credited on {_listed(ctx, others, ids=reached)}."
        )
    if others:
        text += await merged_note(ctx.catalog, films + others[:25], [n for _, n in people])
    return Answer(ctx.question, titles, text, films=others)


async def _named_otherwise(
    ctx: Context, films: list[FilmSummary], role: str
) -> tuple[list[tuple[int, str]], str]:
    """For films the catalog credits nobody in ``role`` on: the people their tags name
    ("jason reitman"), else the people credited on them in other roles, who may hold
    that role elsewhere (catalogs built from partial credits and viewers' tags, like
    MetaQA's, often name a film's director only in a tag), and how they were found."""
    ids = [f.id for f in films]
    tags = dict.fromkeys(norm(value) for _, value in await ctx.catalog.values_of_films(ids, "tag"))
    hits = await ctx.catalog.lookup_names(list(tags))
    tagged = list({h.ref: h.display for h in hits if h.kind == "person"}.items())
    if tagged:
        return tagged, "is tagged {}"
    people: dict[int, str] = {}
    for other in ("director", "writer", "cast"):
        if other != role:
            for _, pid, name in await ctx.catalog.people_of_films(ids, other):
                people.setdefault(pid, name)
    return list(people.items()), "credits {} in another role"


async def _by_role_share(
    ctx: Context,
    people: list[tuple[int, str]],
    credited: PeopleCredits,
    films: list[FilmSummary],
    role: str,
) -> tuple[list[tuple[int, str]], list[FilmSummary]]:
    """The people credited in ``role`` (``credited``), those who mostly hold the role
    first, and the films with the films of the first ones first (else in their order)."""
    credits = credited.pairs
    share = await ctx.catalog.role_shares([pid for pid, _ in people], role)
    reached = {pid for _, pid in credits}
    people = sorted(
        [(pid, name) for pid, name in people if pid in reached],
        key=lambda person: -share.get(person[0], 0.0),
    )
    rank = {pid: i for i, (pid, _) in enumerate(people)}
    first: dict[int, int] = {}
    for film_id, pid in credits:
        first[film_id] = min(first.get(film_id, len(rank)), rank[pid])
    return people, sorted(films, key=lambda f: first[f.id])


async def _from_people(
    ctx: Context, mentions: list[Mention], without: Mapping[int, str] | None = None
) -> Answer | None:
    """The films of the people named (``without`` the films of those left out), and
    what is asked of them."""
    occurrences = ctx.occurrences()
    ids = list(dict.fromkeys(h.ref for m in mentions for h in m.of_kind("person")))
    first = mentions[0]
    role_occ = [(pos, r) for pos, r in occurrences if r.role is not None]
    bind: tuple[int, Relation] | None = None
    # "X's films", "films X worked on": X's own role is open, role words name the answer.
    owner = _possessive(ctx, first) or _WORKED_WITH.search(ctx.key) is not None
    costars = _COSTARS.search(ctx.key) is not None
    if costars or _in_the_cast(ctx, first):  # "films with X", "films X was in"
        bind = (first.start, RELATION_BY_NAME["cast"])
    elif role_occ and not owner:
        by = first.start > 0 and ctx.tokens[first.start - 1] == "by"
        before = [item for item in role_occ if item[0] < first.start]
        pool = before if by and before else role_occ
        bind = min(pool, key=lambda item: _distance(item[0], first))
    targets = [(pos, r) for pos, r in occurrences if bind is None or (pos, r) != bind]
    targets = [t for t in targets if bind is None or t[1].name != bind[1].name]
    role = bind[1].role if bind else None
    # "spielberg or cameron movies": the films of each, not those they share
    either = len(mentions) > 1 and either_said(ctx, mentions)
    together = len(ids) > 1 and len(mentions) > 1 and not either
    if together and bind is not None and ctx.tokens[bind[0]] in _MAKE:
        role = None  # "films spielberg and hanks made together": in any roles
    names = [n for n in [await ctx.catalog.person_name(pid) for pid in ids] if n]
    per_person = [await ctx.catalog.films_of_people([pid], role) for pid in ids]
    lacking = ""  # the role asked, when the catalog credits the person in none
    if role is not None and not any(per_person):
        # "what films did Tom Hanks make", "the films directed by X" where X only wrote:
        # the films the person is credited on in any role, saying so
        per_person = [await ctx.catalog.films_of_people([pid], None) for pid in ids]
        if any(per_person) and not (role == "director" and _MADE.search(ctx.key_outside())):
            lacking = role
        role = None
    if together:
        common = set.intersection(*({f.id for f in films} for films in per_person))
        films = [f for f in per_person[0] if f.id in common]
    elif len(per_person) == 1:
        films = per_person[0]  # each film once already
    else:
        films = [f for group in per_person for f in group]
        films = list({f.id: f for f in films}.values())
    year = ctx.year()
    if year is not None and not any(str(year) in n for n in names):
        films = [f for f in films if f.year == year] or films
    verb = PERSON_VERBS.get(role or "", "is credited on")
    who = either_of(names) if either else join_names(names)
    if without:
        theirs = {f.id for f in await ctx.catalog.films_of_people(list(without))}
        films = [f for f in films if f.id not in theirs]
        who += f" (without {join_names(list(without.values()))})"
    if not_these := left_out(ctx, "film"):  # "kubrick films except the shining"
        films = [f for f in films if f.id not in not_these]
        who += f" (leaving out {join_names(list(dict.fromkeys(not_these.values())))})"
    if not films:
        together = " together" if len(ids) > 1 else ""
        text = f"The catalog has no films where {who} {'are' if len(ids) > 1 else 'is'} "
        text += f"credited{together}" + (f" as {role}." if role else ".")
        return Answer(ctx.question, [], _whether(ctx, "No", text), people=ids)
    if lacking:
        are = "are" if len(ids) > 1 else "is"
        verb = f"{are} not credited as {lacking} on any film in the catalog; {who} {are} on"
    asks_people = ASKS_PEOPLE.search(ctx.key) is not None
    target = targets[0][1] if targets else None
    if costars:
        target = bind[1] if bind else None
    if target is None and asks_people and bind is not None and _TOGETHER.search(ctx.key):
        target = bind[1]
    if target is None:
        all_films = films
        text = f"{who} {verb} {_listed(ctx, films)}." + claims_note(films)
        if either and year is None and not (without or not_these or lacking):
            text = _each_listed(ctx, names, per_person, verb) + claims_note(films)
        if lacking and len(ids) == 1:
            text = await _none_in_role(ctx, ids[0], who, lacking, films) + claims_note(films)
            text = _whether(ctx, "No", text)
        elif together:
            genre = (await wanted_films(ctx)).genre  # "coen comedies", "hanks and ryan comedies"
            if genre is not None and not (films := await _of_genre(ctx, films, genre)):
                text = f"The catalog has no {genre.lower()} films where {who} are credited "
                text += f"together; they are on {_listed(ctx, all_films, 8)}."
                return Answer(ctx.question, [], _whether(ctx, "No", text), people=ids)
            said = "" if genre is None else f"{len(films)} {genre.lower()} {_films(films)}: "
            text = f"{who} are credited together on {said}{_listed(ctx, films)}."
            if role is None:
                text += await _roles_on(ctx, ids, films)
            text = _whether(ctx, "Yes", text + claims_note(films))
        elif not _TOGETHER.search(ctx.key):  # not with someone the question named alone
            text = _whether(ctx, "Yes", text)
        text += await merged_note(ctx.catalog, films[:25], names)
        return Answer(ctx.question, _titles(films), text, films=films, people=ids)
    intro = f"Films {who} {verb if len(ids) == 1 else 'share'}: {_listed(ctx, films, 8)}."
    if either:
        intro = f"Films of {who}: {_listed(ctx, films, 8)}."
    if lacking and len(ids) == 1:
        intro = await _none_in_role(ctx, ids[0], who, lacking, films, 8)
    elif lacking:
        intro = f"{who} {verb} {_listed(ctx, films, 8)}."
    answers = await _reached(ctx, films, target, ids)
    wider: list[FilmSummary] = []
    if not answers and role is not None and year is None and len(mentions) == 1:
        # The films in the role asked lack what is asked ("the genres of the films X
        # wrote", none of which has a genre): the person's other films, saying so.
        shown = {f.id for f in films}
        wider = [f for f in await ctx.catalog.films_of_people(ids, None) if f.id not in shown]
        answers = await _reached(ctx, wider, target, ids)
    heading = (
        target.phrase.capitalize() + " "
        if target.role is not None
        else _heading(target.name, len(answers)) + ": "
    )
    if not answers:
        lacks = "names no" if target.role is not None else "has no"
        text = f"The catalog {lacks} {target.name} for the films of {who}."
    elif wider:
        other = "other " if target.role == role else ""
        text = (
            f"{intro} The catalog has no {other}{target.name} for them; other films {who} "
            f"{'are' if len(ids) > 1 else 'is'} credited on: {_listed(ctx, wider, 8)}. "
            f"{heading}{join_names(answers, 20)}."
        )
    else:
        text = f"{intro} {heading}{join_names(answers, 20)}."
    text += claims_note(films + wider)
    if answers:
        text += await merged_note(ctx.catalog, films[:8] + wider[:8], names)
    films = films + wider
    return Answer(ctx.question, answers, text, films=films, people=ids)


def _each_listed(ctx: Context, names: list[str], films: list[list[FilmSummary]], verb: str) -> str:
    """Each person's films, one after the other: "Steven Spielberg directed Jaws (1975);
    James Cameron directed Titanic (1997)"."""
    said = [
        f"{name} {verb} {_listed(ctx, theirs)}" if theirs else f"{name} is on no film here"
        for name, theirs in zip(names, films, strict=False)
    ]
    return "; ".join(said) + "."


_MAKE = frozenset("make makes making made".split())
# a question asking whether someone had a role at all ("did meg ryan direct anything")
_WHETHER = re.compile(r"^(?:did|does|do|has|have|had|is|was) ")


def _whether(ctx: Context, verdict: str, text: str) -> str:
    """``text`` led by "Yes:" or "No:" when the question asks whether ("did X direct
    anything"), as it is otherwise."""
    return f"{verdict}: {text}" if _WHETHER.match(ctx.key) else text


async def _none_in_role(
    ctx: Context, pid: int, who: str, role: str, films: list[FilmSummary], shown: int = 25
) -> str:
    """A person asked about in a role they never had, said plainly with the roles they do
    have on ``films``: "Meg Ryan directed no films in the catalog; Meg Ryan is in the cast
    of 4 films: …"."""
    roles = await _roles_held(ctx, pid, films)
    number = counted(len(films), "film")
    has = (
        f"in the cast of {number}"
        if roles == ["cast"]
        else f"credited {_as_roles(roles)} on {number}"
    )
    text = f"{who} {PERSON_VERBS.get(role, 'is credited on')} no films in the catalog; "
    return text + f"{who} is {has}: {_listed(ctx, films, shown)}."


async def _roles_on(ctx: Context, ids: list[int], films: list[FilmSummary]) -> str:
    """`` Steven Spielberg as director, Tom Hanks in the cast.``: what each person is
    credited as on ``films``, most usual role first (`` Both in the cast.`` when alike)."""
    shown = {f.id for f in films}
    said: dict[str, str] = {}
    for pid in ids:
        person = await ctx.catalog.person(pid)
        if person is not None:
            held = Counter(c.role for c in person.credits if c.film.id in shown)
            said[person.name] = _as_roles([role for role, _ in held.most_common()])
    if not said:
        return ""
    if len(set(said.values())) == 1:
        return f" {'Both' if len(said) == 2 else 'All'} {next(iter(said.values()))}."
    return f" {'; '.join(f'{name} {roles}' for name, roles in said.items())}."


async def _roles_held(ctx: Context, pid: int, films: list[FilmSummary]) -> list[str]:
    """The roles a person is credited in on ``films``, most usual first (from the credit
    index, where the catalog keeps one, not their whole record)."""
    shown = {f.id for f in films}
    held: Counter[str] = Counter()
    for role in ROLES:
        credits = await ctx.catalog.credits_of_people([pid], role)
        held[role] = sum(film_id in shown for film_id, _ in credits.pairs)
    return [role for role, count in held.most_common() if count]


def _as_roles(roles: list[str]) -> str:
    """``as director and writer``, ``in the cast``, ``as producer and in the cast``."""
    named = [role for role in roles if role != "cast"]
    parts = [f"as {join_names(named)}"] if named else []
    if "cast" in roles:
        parts.append("in the cast")
    return " and ".join(parts)


async def _from_values(ctx: Context, topics: list[tuple[Mention, str]]) -> Answer | None:
    if (
        _asks_of_a_title(ctx, topics)
        or _credit_opens_title(ctx, topics)
        or _relation_of_what_follows(ctx, topics)
        or await _credit_said_after(ctx, topics)
    ):
        return None  # "who directed star wars" asks of a film the catalog lacks, not War films
    films: list[FilmSummary] | None = None
    named: list[tuple[str, str]] = []
    included: list[str] = []  # kinds of a genre whose films are listed with it
    for mention, kind in topics:
        found = await ctx.catalog.films_with_value(kind, mention.norm)
        shown = mention.hits[0].display
        if kind in ("genre", "tag") and _said_as_kind(ctx, mention):
            found, kind, shown = await _of_same_meaning(ctx, mention.norm, found, kind, shown)
            if kind == "genre":  # "comedies": romantic comedies too
                found, kinds = await _with_kinds(ctx, shown, found)
                included += kinds
        named.append((kind, shown))
        ids = {f.id for f in found}
        films = found if films is None else [f for f in films if f.id in ids]
    if films is None:
        return None
    year = ctx.year()
    if year is not None:
        films = [f for f in films if f.year == year]
    what = _films_of_values(named) + (f" from {year}" if year else "")
    if not films:
        return Answer(ctx.question, [], f"The catalog has no {what}.")
    films = sorted(films, key=oldest_first_key)
    text = films_found(what + kinds_included(included), films)
    return Answer(ctx.question, _titles(films), text, films=films)


async def _with_kinds(
    ctx: Context, genre: str, found: list[FilmSummary]
) -> tuple[list[FilmSummary], list[str]]:
    """The films of a genre and of the genres that are a kind of it ("Romantic comedy" for
    "Comedy"), and those kinds that add films."""
    films = {f.id: f for f in found}
    included = []
    for kind in await kinds_of_genre(ctx.catalog, genre):
        more = [
            f for f in await ctx.catalog.films_with_value("genre", norm(kind)) if f.id not in films
        ]
        if more:
            included.append(kind)
            films.update((f.id, f) for f in more)
    return list(films.values()), included


def _said_as_kind(ctx: Context, mention: Mention) -> bool:
    """Whether a genre or tag is said as a kind of film: before "films" ("sci fi movies")
    or in the plural ("comedies")."""
    after = ctx.tokens[mention.end] if mention.end < len(ctx.tokens) else ""
    return after in FILM_NOUNS or " ".join(ctx.tokens[mention.start : mention.end]) != mention.norm


async def _of_same_meaning(
    ctx: Context, value: str, found: list[FilmSummary], kind: str, shown: str
) -> tuple[list[FilmSummary], str, str]:
    """The films of a kind of film by every word for it, as genre or as tag: a catalog
    may have "Sci-Fi" as the genre of one film and "science fiction" as the tag of many;
    "funny" is a tag of a few films but means comedies. Said as the genre when the
    catalog has it under any of its words."""
    words = words_of_genre(value)
    if not words:
        return found, kind, shown
    known = await genres_by_norm(ctx.catalog)
    kept = await genre_words_kept(ctx.catalog)  # no look-up for the words it lacks
    films = {f.id: f for f in found}
    for word in words:
        if word == value:
            continue  # the same word as the other kind is a value of its own ("war" films)
        for other in ("genre", "tag"):
            if (other, word) in kept:
                films.update((f.id, f) for f in await ctx.catalog.films_with_value(other, word))
    if kind == "tag":
        genre = known.get(value) or next((known[w] for w in words if w in known), None)
        if genre is not None:
            kind, shown = "genre", genre
    return list(films.values()), kind, shown


# How films with a value are said: "comedy films", "films set in New York City"
_VALUE_PHRASES = {
    "tag": "about",
    "setting": "set in",
    "company": "from",
    "country": "from",
    "language": "in",
}


def _films_of_values(named: list[tuple[str, str]]) -> str:
    """The films having each of some values, in words: "comedy films set in Paris",
    "films about nolan"; a genre goes before "films", as the time kind says it."""
    genres = [display.lower() for kind, display in named if kind == "genre"]
    phrases = [f"{_VALUE_PHRASES.get(kind, 'for')} {d}" for kind, d in named if kind != "genre"]
    return " ".join([" and ".join(genres), "films", " and ".join(phrases)]).strip()


_BEFORE_FILMS = frozenset("in of for about on with".split())
_CAST = re.compile(r"\b(?:cast|crew)\b")  # one film's people ("star wars cast")


def _asks_of_a_title(ctx: Context, topics: list[tuple[Mention, str]]) -> bool:
    """Whether a question asks who made something, or when it came out, named only by
    values, none of them said as films' ("who directed star wars", "when was star wars
    released"; not "who directs horror films" nor "who acted in comedies"): a title the
    catalog lacks."""
    asks_credit = ASKS_PEOPLE.search(ctx.key) and any(r.role for _, r in ctx.occurrences())
    if not asks_credit and not ASKS_WHEN.search(ctx.key) and not _CAST.search(ctx.key_outside()):
        return False
    for mention, kind in topics:
        after = ctx.tokens[mention.end] if mention.end < len(ctx.tokens) else ""
        before = ctx.tokens[mention.start - 1] if mention.start else ""
        # "acted in comedies"; but a tag after "for" or "in" is a title ("the music for
        # star wars"), unless the films are said to be about it
        said_of_films = before in _BEFORE_FILMS and (kind != "tag" or before == "about")
        if after in FILM_NOUNS or said_of_films:
            return False
    return True


_OF_WHAT_FOLLOWS = frozenset("to of for".split())


def _relation_of_what_follows(ctx: Context, topics: list[tuple[Mention, str]]) -> bool:
    """Whether a tag that is a word for a relation comes before "to", "of" or "for" ("sequel
    to the lord of the rings"), or "after" or "before" and a title ("the sequel after the
    lord of the rings"), or after a word named by nothing ("the lord of the rings sequel"):
    the relation is asked of that title, not the films tagged with the word."""
    named = {i for mention in ctx.mentions for i in mention.positions}
    for mention, kind in topics:
        if kind != "tag" or not is_relation_word(mention.norm):
            continue
        after = ctx.tokens[mention.end] if mention.end < len(ctx.tokens) else ""
        before = mention.start - 1
        if (
            after in _OF_WHAT_FOLLOWS
            or (after in SEQUEL_ASKED and _a_title_opens(ctx.tokens[mention.end + 1 :]))
            or (before >= 0 and before not in named and not is_keyword(ctx.tokens[before]))
        ):
            return True
    return False


def _a_title_opens(tokens: list[str]) -> bool:
    """Whether words, past an article, open with one that may be a title's: no question
    word nor number ("after the lord of the rings", not "after the 90s")."""
    words = [token for token in tokens if token not in ARTICLES][:1]
    return bool(words) and not is_keyword(words[0]) and not any(map(str.isdigit, words[0]))


def _credit_opens_title(ctx: Context, topics: list[tuple[Mention, str]]) -> bool:
    """Whether a question opens with a word for a credit right before a value ("star
    wars", "star wars movie"): no one is asked for, so that word is the first of a title
    the catalog lacks, not a credit asked of the value's films."""
    return any(mention.start == 1 for mention, _ in topics) and any(
        at == 0 and relation.role for at, relation in ctx.occurrences()
    )


async def _credit_said_after(ctx: Context, topics: list[tuple[Mention, str]]) -> bool:
    """Whether a question is one tag that is a word of one title only and then only a
    credit ("totoro director"): that title said for short and the credit asked of it, as
    "heat director" is; not the films a word tags ("noir directors")."""
    if len(topics) != 1 or topics[0][1] != "tag":
        return False
    mention = topics[0][0]
    if mention.start != 0 or len(ctx.tokens) - mention.end > _CREDIT_WORDS_MOST:
        return False
    if not any(r.role and at == mention.end for at, r in ctx.occurrences()):
        return False
    return await word_of_a_title(mention.norm, ctx.catalog) is not None


def _in_the_cast(ctx: Context, mention: Mention) -> bool:
    """Whether the words around a person make them the cast: "films with X", "movies
    starring X", "films that X was in"."""
    before = " ".join(ctx.tokens[max(0, mention.start - 3) : mention.start])
    after = " ".join(ctx.tokens[mention.end :])
    return bool(_CAST_BEFORE.search(before) or _CAST_AFTER.match(after))


def _possessive(ctx: Context, mention: Mention) -> bool:
    """Whether a name was typed with an 's before films ("Nora Ephron's films")."""
    typed = " ".join(ctx.tokens[mention.start : mention.end])
    after = ctx.tokens[mention.end] if mention.end < len(ctx.tokens) else ""
    return typed == mention.norm + "s" and after in ("films", "movies", "film", "movie")


def _distance(position: int, mention: Mention) -> int:
    if position < mention.start:
        return mention.start - position
    return position - mention.end + 1


def _weights(ctx: Context, films: list[FilmSummary]) -> dict[int, float]:
    """How surely each film is one the question goes through: 1, or 1/k for each of k
    films that share a title (a credit on a title several films share may be any one
    of them's, as in catalogs that keep one set of facts per title); the films' ids in
    their order. Only the titles other films may have are compared
    (``Catalog.shared_title_keys``): thousands of films, most with a title of their own."""
    weight = dict.fromkeys(map(_ID, films), 1.0)
    keys = ctx.catalog.shared_title_keys(films)
    same = Counter(keys.values())
    if len(same) < len(keys):
        weight.update({film_id: 1 / same[key] for film_id, key in keys.items()})
    return weight


async def _people_of(
    ctx: Context, films: list[FilmSummary], role: str, leave_out: Collection[int] = ()
) -> list[tuple[int, str]]:
    """The people credited in ``role`` on the films, but ``leave_out``, likeliest first:
    those reached by the most films, a film counted less when its title is shared
    (:func:`_weights`)."""
    weight = _weights(ctx, films)
    credits = await ctx.catalog.people_of_films(list(weight), role)
    if leave_out:
        credits = [credit for credit in credits if credit[1] not in leave_out]
    pids = list(map(itemgetter(1), credits))
    people = dict(zip(pids, map(itemgetter(2), credits), strict=True))  # first credit first
    paths = _tally(pids, list(map(itemgetter(0), credits)), weight)
    ranked = sorted(people, key=paths.__getitem__, reverse=True)  # ties kept in order
    if role == "director" and len(ranked) > 1 and paths[ranked[0]] == paths[ranked[1]]:
        # A tie: of a film's directors, the one who mostly directs is the likelier answer
        # than one who mostly writes or acts. (Not for writers, where people who direct
        # write as often; nor for the cast, whose billing order says more.)
        tied = [pid for pid in ranked if paths[pid] == paths[ranked[0]]]
        share = await ctx.catalog.role_shares(tied, role)
        ranked = sorted(ranked, key=lambda pid: (-paths[pid], -share.get(pid, 0.0)))
    return [(pid, people[pid]) for pid in ranked]


def _tally(items: list[_Item], films: list[int], weight: Mapping[int, float]) -> dict[_Item, float]:
    """How surely the films reach each of ``items`` (``items[i]`` reached through
    ``films[i]``, a film counted as its ``weight``): how many times each is reached, in
    C calls (these lists run to thousands); those reached through a film counted less
    than 1, the weights of all their films summed in order."""
    tally: dict[_Item, float] = Counter(items)
    less = set(compress(weight, map((1.0).__ne__, weight.values())))
    if not less:
        return tally
    partly = set(compress(items, map(less.__contains__, films)))
    summed: dict[_Item, float] = {}
    for item, film_id in compress(zip(items, films, strict=True), map(partly.__contains__, items)):
        summed[item] = summed.get(item, 0) + weight.get(film_id, 1.0)
    return {**tally, **summed}


def _by_paths(
    credited: PeopleCredits, leave_out: AbstractSet[int], people: list[int], role: str
) -> list[int]:
    """The ids of the films reached through ``people`` (whose credits in ``role`` are
    ``credited``) but ``leave_out``, likeliest first: credited to the most of them, each
    person's credit on a title shared by several of the films counted less. (For a cast,
    whose people are many and whose films are more, the shared titles alone.) Worked out
    on the films' ids and title keys, in C calls, without reading the films: these lists
    run to thousands of films."""
    film_ids = credited.film_ids
    if not leave_out.isdisjoint(film_ids):
        film_ids = list(compress(film_ids, map(not_, map(leave_out.__contains__, film_ids))))
    if len(film_ids) < 2:
        return film_ids
    titles = credited.title_norms
    if role == "cast" or len(people) == 1:
        # the fewest films sharing its title first (a weight of 1/k, as ``_weights``):
        # of the films whose titles others may have (``may_share``), those that do
        maybe = credited.may_share(film_ids)
        keys = list(map(titles.__getitem__, maybe))
        same = Counter(keys)
        if len(same) == len(keys):
            return film_ids  # no title shared: as they were
        sharing = dict(zip(maybe, map(same.__getitem__, keys), strict=True))
        counts = list(map(sharing.get, film_ids, repeat(1)))
        return list(itemgetter(*sorted(range(len(counts)), key=counts.__getitem__))(film_ids))
    paths = _paths(credited.pairs, set(film_ids), titles, credited.may_share)
    if paths is None:
        return film_ids  # each film reached once: as they were
    fewer = list(map(neg, map(paths.get, film_ids, repeat(0))))
    return list(itemgetter(*sorted(range(len(fewer)), key=fewer.__getitem__))(film_ids))


def _paths(
    pairs: list[tuple[int, int]],
    kept: AbstractSet[int],
    titles: Mapping[int, str] | Sequence,
    may_share: Callable[[list[int]], list[int]],
) -> Mapping[int, float] | None:
    """How many of the people's credits (``pairs``) reach each of the films ``kept``,
    a person's credit on a title they are credited on for several of the films counted
    1/k; None when each film is reached once. ``may_share``: those of some films whose
    title other films may have (``PeopleCredits.may_share``)."""
    credits = list(compress(pairs, map(kept.__contains__, map(itemgetter(0), pairs))))
    film_ids = list(map(itemgetter(0), credits))
    paths = Counter(film_ids)  # each credit a whole path
    # Only a title credited twice may be one person's twice, a film credited twice or
    # a title films share: the (person, title) pairs are made of their credits alone
    # (in C calls: the credits run to thousands).
    twice = set(compress(paths, map((1).__lt__, paths.values())))
    twice.update(may_share(list(paths)))
    again = list(compress(count(), map(twice.__contains__, film_ids)))
    keys = list(map(titles.__getitem__, map(film_ids.__getitem__, again)))
    if len(set(keys)) == len(keys):
        return None  # no title twice, so no film twice either
    by_title = [(credits[at][1], key) for at, key in zip(again, keys, strict=True)]
    shared = Counter(by_title)
    if max(shared.values()) == 1:
        return paths if max(paths.values()) > 1 else None
    # The films with a credit counted less: their paths summed in the credits' order
    # (all their credits are among those on a title twice).
    part = {film_ids[at] for at, key in zip(again, by_title, strict=True) if shared[key] > 1}
    summed: dict[int, float] = {}
    for at, key in zip(again, by_title, strict=True):
        if (film_id := film_ids[at]) in part:
            summed[film_id] = summed.get(film_id, 0) + 1 / shared[key]
    return {**paths, **summed}


async def _reached(
    ctx: Context, films: list[FilmSummary], target: Relation, leave_out: Collection[int]
) -> list[str]:
    """What ``target`` gives for the films: people, likeliest first, but ``leave_out``,
    or values."""
    if target.role is None:
        return await _values_of(ctx, films, target)
    return [name for _, name in await _people_of(ctx, films, target.role, leave_out=leave_out)]


async def _values_of(ctx: Context, films: list[FilmSummary], relation: Relation) -> list[str]:
    weight = _weights(ctx, films)
    if relation.name == "year":
        dated = [film for film in films if film.year is not None]
        pairs = list(zip(map(_ID, dated), map(str, map(_YEAR, dated)), strict=True))
    elif relation.value_kind is not None:
        pairs = await ctx.catalog.values_of_films(list(weight), relation.value_kind)
    else:
        values = []
        for film in films:
            record = await ctx.catalog.film(film.id)
            if record is not None:
                values.extend(read(record, relation)[0])
        return list(dict.fromkeys(values))
    values = list(map(itemgetter(1), pairs))
    reached = _tally(values, list(map(itemgetter(0), pairs)), weight)
    # the values most films reach first (those reached alike in their first order)
    return sorted(dict.fromkeys(values), key=reached.__getitem__, reverse=True)


async def _of_genre(ctx: Context, films: list[FilmSummary], genre: str) -> list[FilmSummary]:
    """Those of ``films`` of ``genre`` or of a kind of it ("Romantic comedy" for
    comedy)."""
    own = norm(genre)
    of_it = {
        film_id
        for film_id, name in await ctx.catalog.values_of_films([f.id for f in films], "genre")
        if (said := norm(name)) == own or said.endswith(f" {own}")
    }
    return [f for f in films if f.id in of_it]


def _films(films: Sequence[object]) -> str:
    return "film" if len(films) == 1 else "films"


def _listed(
    ctx: Context, films: list[FilmSummary], limit: int = 25, ids: Iterable[int] | None = None
) -> str:
    """:func:`film_list` of different films (of ``ids``, when at hand), told how many
    labels they have when the catalog can tell without reading each film (it would read
    them all to count them: these lists run to thousands of films)."""
    if len(films) <= limit:
        return film_list(films, limit)
    differ = ctx.catalog.labels_differ(map(_ID, films) if ids is None else ids)
    return film_list(films, limit, labels=len(films) if differ else None)


def _titles(films: list[FilmSummary]) -> list[str]:
    """The films' titles, each once, in order."""
    return list(dict.fromkeys(map(_TITLE, films)))


def _heading(name: str, count: int) -> str:
    """'Genre' for one value, 'Genres' for several."""
    if count > 1:
        name = _PLURALS.get(name, name + "s")
    return name.capitalize()
