"""Yes/no questions about a film: a credit ("did James Cameron write Titanic?", "was Tom
Hanks in Heat"), a genre ("is Psycho a horror film", each of "is Marnie a drama or a
thriller") or a year ("was Jaws released in 1975")."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from bot.answering.context import Context
from bot.answering.lexicon import LANGUAGE_WORDS, PERSON_VERBS
from bot.answering.linking import Mention
from bot.answering.reply import Answer, either, join_names, merged_notes, with_status
from bot.answering.wanted import YearSpan, either_said, genre_words, is_of_genre, year_span
from bot.store.catalog import CreditRecord, FilmRecord
from bot.text import norm

_YES_NO = re.compile(r"^(?:did|does|do|is|was|were|are|has|have|had)\b")
_PASSIVE = {
    "director": "was directed by",
    "writer": "was written by",
    "producer": "was produced by",
    "composer": "was scored by",
    "cast": "stars",
}
NAMED_CREDITS = 4  # people named when saying who is credited instead


async def reply(ctx: Context) -> Answer | None:
    """Checks a credit, a genre or a year, and says what is true instead when it is not."""
    if not _YES_NO.search(ctx.key):
        return None
    people = [m for m in ctx.mentions if ctx.topic_kind(m) == "person"]
    film_mentions = [m for m in ctx.mentions if m.has("film") and m not in people]
    if people:  # "did spielberg and hanks make films together": not the film Together
        film_mentions = [m for m in film_mentions if m.norm not in _JOINT or _said_as_film(ctx, m)]
    if len(film_mentions) > 1:  # "is jaws a comedy": the genre, not the film The Comedy
        film_mentions = [m for m in film_mentions if not _a_genre(ctx, m)] or film_mentions
    if not film_mentions:
        return None
    if people:
        if not _asks_credit(ctx, film_mentions):
            return None  # "is tom hanks alive": the film Alive is not asked about
        return await _credit(ctx, people, film_mentions)
    return await _genre_or_year(ctx, film_mentions)


def _said_as_film(ctx: Context, mention: Mention) -> bool:
    """Whether a title comes after a word said before a film ("was tom hanks in together")."""
    return mention.start > 0 and ctx.tokens[mention.start - 1] in _BEFORE_FILM


def _a_genre(ctx: Context, mention: Mention) -> bool:
    """Whether a name is a genre said as one ("a comedy", "an western")."""
    return mention.has("genre") and mention.start > 0 and ctx.tokens[mention.start - 1] in _A


_A = frozenset(("a", "an"))
_JOINT = frozenset("together both jointly".split())
_BEFORE_FILM = frozenset("in on of for from".split())
_FILM_WORDS = frozenset("the a film movie".split())


def _asks_credit(ctx: Context, film_mentions: list[Mention]) -> bool:
    """Whether the question asks a credit: a word for one ("direct", "star") or a film
    said after "in", "on", … ("was tom hanks in heat")."""
    if any(r.role is not None for _, r in ctx.occurrences()):
        return True
    for mention in film_mentions:
        at = mention.start - 1
        while at > 0 and ctx.tokens[at] in _FILM_WORDS:  # "in the movie big"
            at -= 1
        if at >= 0 and ctx.tokens[at] in _BEFORE_FILM:
            return True
    return False


async def _records(ctx: Context, film_mentions: list[Mention]) -> list[FilmRecord]:
    """The films named, the longest name's first ("Alita: Battle Angel 2", not "Alita"); of
    those, the ones of a year said with them, if any ("did michael mann direct heat 1986")."""
    longest = max(m.size for m in film_mentions)
    ids = dict.fromkeys(
        h.ref for m in film_mentions if m.size == longest for h in m.of_kind("film")
    )
    records = [r for fid in ids if (r := await ctx.catalog.film(fid)) is not None]
    year = ctx.year()
    return [r for r in records if r.year == year] or records if year is not None else records


async def _credit(ctx: Context, people: list[Mention], film_mentions: list[Mention]) -> Answer:
    roles = list(dict.fromkeys(r.role for _, r in ctx.occurrences() if r.role is not None))
    role = roles[0] if roles else None
    # each person asked, by the name shown, with the ids the words may mean
    asked: dict[str, set[int]] = {}
    for mention in people:
        hits = mention.of_kind("person")
        asked.setdefault(hits[0].display, set()).update(h.ref for h in hits)
    if len(roles) > 1 and len(asked) == 1:  # "did cameron write and direct titanic"
        return await _roles(ctx, *next(iter(asked.items())), roles, film_mentions)
    either = either_said(ctx, people)  # "was hanks or reeves in heat": one of them will do
    lines: list[str] = []
    yes = False
    records = await _records(ctx, film_mentions)
    for record in records:
        credits = [c for c in record.credits if role is None or c.role == role]
        found = [
            credit
            for refs in asked.values()
            if (credit := next((c for c in credits if c.person_id in refs), None))
        ]
        missing = [
            name for name, refs in asked.items() if not any(c.person_id in refs for c in found)
        ]
        if found and (either or not missing):
            yes = True
            line = f"Yes: {_did(found, record)}"
            if missing and role is None:  # "…; Keanu Reeves is not."
                line += f"; {join_names(missing)} {_is(missing)} not"
            lines.append(with_status(record, f"{line}."))
        elif role is not None:  # who did, of those asked or not
            others = join_names([c.person for c in credits][:6]) or "nobody in the catalog"
            lines.append(with_status(record, f"No: {record.label} {_PASSIVE[role]} {others}."))
        elif found:  # "was tom hanks and tim allen in sleepless in seattle": one of them is
            line = f"No: {join_names(missing)} {_is(missing)} not credited on {record.label}"
            lines.append(with_status(record, f"{line}; {_did(found, record, 'it')}."))
        else:
            line = f"No: {_none_of(missing)} credited on {_who(record)}."
            lines.append(with_status(record, line))
    if not lines:
        return Answer(ctx.question, [], "I couldn't find that film's credits.", kind="not_found")
    return _verdict(ctx, yes, lines, records)  # of two films of a title, the one it is true of


async def _roles(
    ctx: Context, name: str, refs: set[int], roles: list[str], film_mentions: list[Mention]
) -> Answer:
    """Whether someone had each of several roles on a film: yes when every one, else what
    they had and who had the others."""
    lines: list[str] = []
    yes = False
    records = await _records(ctx, film_mentions)
    for record in records:
        had = [r for r in roles if any(c.role == r and c.person_id in refs for c in record.credits)]
        if len(had) == len(roles):
            yes = True
            verbs = join_names([PERSON_VERBS[r] for r in roles])
            lines.append(with_status(record, f"Yes: {name} {verbs} {record.label}."))
            continue
        said = [f"{name} {join_names([PERSON_VERBS[r] for r in had])} it"] if had else []
        for missing in (r for r in roles if r not in had):
            names = join_names(record.names(missing), NAMED_CREDITS)
            said.append(
                f"it {_PASSIVE[missing]} {names}" if names else f"the catalog names no {missing}"
            )
        lines.append(with_status(record, f"No: {record.label}: {'; '.join(said)}."))
    if not lines:
        return Answer(ctx.question, [], "I couldn't find that film's credits.", kind="not_found")
    return _verdict(ctx, yes, lines, records)


def _did(credits: list[CreditRecord], record: FilmRecord, film: str = "") -> str:
    """What ``credits`` (each a different person's) say each did on ``record``:
    ``Steven Spielberg directed Jaws (1975)``, ``Tom Hanks is in Cast Away (2000) as
    Chuck Noland``, ``Joel Coen and Ethan Coen directed Fargo (1996)``, ``Joel Coen directed
    The Big Lebowski (1998), and Ethan Coen produced it``. ``film``: the film's name in the
    first clause, its label unless given."""
    said: list[str] = []
    for role in dict.fromkeys(c.role for c in credits):
        who = [c for c in credits if c.role == role]
        name = (film or record.label) if not said else "it"
        if role != "cast":
            names = join_names([c.person for c in who])
            verb = PERSON_VERBS.get(role, f"{_is(who)} credited on")
            said.append(f"{names} {verb} {name}")
        elif len(who) == 1:
            as_ = f" as {who[0].character}" if who[0].character else ""
            said.append(f"{who[0].person} is in {name}{as_}")
        else:  # "Tom Hanks (Sam Baldwin) and Meg Ryan (Annie Reed) are in …"
            played = [f"{c.person} ({c.character})" if c.character else c.person for c in who]
            said.append(f"{join_names(played)} are in {name}")
    return ", and ".join(said)


def _none_of(names: list[str]) -> str:
    """``Tom Hanks is not``, ``neither Tom Hanks nor Keanu Reeves is``, ``none of …
    is``."""
    if len(names) == 1:
        return f"{names[0]} is not"
    if len(names) == 2:
        return f"neither {names[0]} nor {names[1]} is"
    return f"none of {join_names(names)} is"


def _is(items: Sequence[object]) -> str:
    return "is" if len(items) == 1 else "are"


def _who(record: FilmRecord) -> str:
    """``Heat (1995), directed by Michael Mann, starring Al Pacino, …``."""
    parts = [record.label]
    for role, said in (("director", "directed by"), ("cast", "starring")):
        names = record.names(role)
        if names:
            parts.append(f"{said} {join_names(names, NAMED_CREDITS)}")
    return ", ".join(parts)


async def _genre_or_year(ctx: Context, film_mentions: list[Mention]) -> Answer | None:
    """ "is Psycho a horror film", "was Jaws released in 1975": yes or no, and what is
    true."""
    film_words = {i for m in film_mentions for i in m.positions}
    named = film_words | {i for m in ctx.mentions if m.has("company") for i in m.positions}
    asked = _genres_asked(ctx, named)
    if len(asked) > 1 and (joined := _joined_by(ctx, asked)) is not None:
        # "is marnie a drama or a thriller": each genre, not the first alone
        return await _genres(ctx, film_mentions, [genre for _, _, genre in asked], joined)
    genre = _value_named(ctx, "genre", named)
    if genre is None:  # "is up a pixar animation studios film": not an animation
        said = [
            g for g, start, *_ in genre_words(ctx.key) if ctx.key.count(" ", 0, start) not in named
        ]
        genre = said[0] if said else None
    # "in 1975", "in 98", "in the 90s": the years asked, outside the title ("2001")
    span = year_span(ctx.key)
    if span is not None and film_words & span.positions(ctx.key):
        span = None
    if genre is None and span is None:
        return await _language(ctx, film_mentions, film_words) or await _company(
            ctx, film_mentions, film_words
        )
    records = await _records(ctx, film_mentions)
    if span is not None and len(records) > 1:  # "was heat released in 1995": that one
        records = [r for r in records if _within(r.year, span)] or records
    lines: list[str] = []
    yes = False
    for record in records:
        if genre is not None:
            genres = record.listed("genre")
            kind = _kind_of(genres, genre)  # "is marnie a thriller": a psychological one is
            if kind is not None:
                yes = True
                lines.append(f"Yes: {record.label} is {_a(kind.lower())} film.")
            elif genres:
                said = join_names([g.lower() for g in genres])
                lines.append(f"No: {record.label} is {_a(said)} film.")
            else:
                lines.append(f"The catalog has no genre for {record.label}.")
        else:
            came = "came out" if record.summary.confirmed else "is said to come out"
            if _within(record.year, span):
                yes = True
                lines.append(f"Yes: {record.title} {came} in {record.year}.")
            elif record.year:
                lines.append(f"No: {record.title} {came} in {record.year}.")
            else:
                lines.append(f"The catalog has no year for {record.title}.")
        lines[-1] = with_status(record, lines[-1])
    if not lines:
        return None
    return _verdict(ctx, yes, lines, records if genre is not None else ())  # years are their own


def _genres_asked(ctx: Context, named: set[int]) -> list[tuple[int, int, str]]:
    """Every genre the question names outside the films' titles, by the catalog's names or
    common words ("sci fi"), each with the positions of its first word and of the word
    after it, in the order said."""
    found: dict[int, tuple[int, str]] = {}
    taken = set(named)
    for mention in ctx.mentions:
        if mention.has("genre") and taken.isdisjoint(mention.positions):
            found[mention.start] = (mention.end, mention.of_kind("genre")[0].display)
            taken.update(mention.positions)
    for genre, start, _, end in genre_words(ctx.key):
        at = ctx.key.count(" ", 0, start)
        if at not in taken:
            found[at] = (ctx.key.count(" ", 0, end) + 1, genre)
            taken.add(at)
    said: dict[str, tuple[int, int, str]] = {}
    for at, (end, genre) in sorted(found.items()):
        said.setdefault(norm(genre), (at, end, genre))
    return list(said.values())


def _joined_by(ctx: Context, asked: list[tuple[int, int, str]]) -> str | None:
    """ "or" or "and", whichever joins the genres ``asked``, "or" first; "and" for genres
    said one after another ("is alien sci fi horror": both); else ``None``."""
    first, last = min(at for at, _, _ in asked), max(at for at, _, _ in asked)
    between = ctx.tokens[first:last]
    joined = next((word for word in ("or", "and") if word in between), None)
    said = {i for at, end, _ in asked for i in range(at, end)}
    if joined is None and said.issuperset(range(first, last)):
        return "and"
    return joined


async def _genres(
    ctx: Context, film_mentions: list[Mention], genres: list[str], joined: str
) -> Answer:
    """ "is marnie a drama or a thriller": which of the genres each film named is, and
    which it is not; with "and" ("is heat action and crime"), yes only when it is all of
    them."""
    lines: list[str] = []
    found: list[str] = []
    records = await _records(ctx, film_mentions)
    for record in records:
        listed = record.listed("genre")
        if not listed:
            lines.append(with_status(record, f"The catalog has no genre for {record.label}."))
            continue
        kinds = {g: _kind_of(listed, g) for g in genres}
        are = [kind for kind in kinds.values() if kind is not None]
        not_ = _a(either([g.lower() for g, kind in kinds.items() if kind is None]))
        found += are
        if not are:
            all_ = _a(join_names([g.lower() for g in listed]))
            line = f"{record.label} is not {not_} film: it is {all_} film."
        else:
            line = f"{record.label} is {_a(join_names([g.lower() for g in are]))} film"
            line += f", not {not_} film." if len(are) < len(kinds) else "."
        if joined == "and":
            line = f"{'Yes' if len(are) == len(kinds) else 'No'}: {line}"
        lines.append(with_status(record, line))
    if joined == "and":
        return _verdict(ctx, any(line.startswith("Yes") for line in lines), lines, records)
    notes = merged_notes(records) if found else []
    return Answer(ctx.question, list(dict.fromkeys(found)), " ".join([*lines, *notes]))


def _kind_of(listed: list[str], genre: str) -> str | None:
    """The genre of ``listed`` that is ``genre`` or a kind of it (a psychological thriller
    is a thriller), if any."""
    return next((g for g in listed if is_of_genre(norm(g), norm(genre))), None)


def _value_named(ctx: Context, kind: str, film_words: set[int]) -> str | None:
    """The first value of ``kind`` the question names outside the films' titles."""
    return next(
        (
            m.of_kind(kind)[0].display
            for m in ctx.mentions
            if m.has(kind) and not film_words & set(m.positions)
        ),
        None,
    )


async def _language(
    ctx: Context, film_mentions: list[Mention], film_words: set[int]
) -> Answer | None:
    """ "is parasite korean", "is amelie in french": yes or no from the film's languages,
    with the countries it is from; ``None`` when no language is asked."""
    language = _value_named(ctx, "language", film_words) or _language_said(ctx, film_words)
    if language is None:
        return None

    def spoken(record: FilmRecord) -> str:
        languages = record.listed("language")
        countries = record.listed("country")
        said = f"{record.label} is in {join_names(languages)}" if languages else ""
        if countries:
            said += f"{', ' if said else f'{record.label} is '}from {join_names(countries)}"
        return said

    def lacking(record: FilmRecord) -> str:
        countries = record.listed("country")
        from_ = f"; it is from {join_names(countries)}" if countries else ""
        return f"The catalog has no language for {record.label}{from_}."

    return await _listed(ctx, film_mentions, ("language", language), spoken, lacking)


def _language_said(ctx: Context, film_words: set[int]) -> str | None:
    """A language the question names outside the films' titles, that the catalog may have
    no film in ("is jaws french": French)."""
    return next(
        (
            word.capitalize()
            for at, word in enumerate(ctx.tokens)
            if word in LANGUAGE_WORDS and at not in film_words
        ),
        None,
    )


async def _company(
    ctx: Context, film_mentions: list[Mention], film_words: set[int]
) -> Answer | None:
    """ "is up a pixar movie": yes or no from the film's companies; ``None`` when no
    company is asked."""
    company = _value_named(ctx, "company", film_words)
    if company is None:
        return None
    return await _listed(
        ctx,
        film_mentions,
        ("company", company),
        lambda record: f"{record.label} is from {join_names(record.listed('company'))}",
        lambda record: f"The catalog has no company for {record.label}.",
    )


async def _listed(
    ctx: Context,
    film_mentions: list[Mention],
    asked: tuple[str, str],
    said: Callable[[FilmRecord], str],
    lacking: Callable[[FilmRecord], str],
) -> Answer | None:
    """Yes or no for each film named, whether the value ``asked`` (kind, value) is among
    the film's values of that kind, with what ``said`` says of it; ``lacking`` says the
    catalog has none."""
    kind, value = asked
    lines: list[str] = []
    yes = False
    records = await _records(ctx, film_mentions)
    for record in records:
        values = {norm(known) for known in record.listed(kind)}
        if norm(value) in values:
            yes = True
            line = f"Yes: {said(record)}."
        else:
            line = f"No: {said(record)}." if values else lacking(record)
        lines.append(with_status(record, line))
    return _verdict(ctx, yes, lines, records) if lines else None


def _verdict(
    ctx: Context, yes: bool, lines: list[str], records: Sequence[FilmRecord] = ()
) -> Answer:
    """Yes, with the films it is true of; else no where the catalog says otherwise; else
    no answer, the catalog lacking what is asked. Of ``records`` (the films asked about)
    whose source merged the facts of every film of their title, that is said."""
    if yes:
        lines = [line for line in lines if line.startswith("Yes")]
    said_no = any(line.startswith("No") for line in lines)
    answers = ["yes"] if yes else ["no"] if said_no else []
    notes = merged_notes(records) if answers else []  # said of the facts the lines state
    return Answer(ctx.question, answers, " ".join([*lines, *notes]))


def _within(year: int | None, span: YearSpan | None) -> bool:
    return span is not None and year in span.years


def _a(word: str) -> str:
    return f"an {word}" if word[:1] in "aeiou" else f"a {word}"
