"""Two films or two people set side by side ("which is older, jaws or alien", "is the
godfather longer than casablanca", "who directed more films, kubrick or hitchcock", "age
gap between tom hanks and meg ryan"): each
side is found as the question naming it alone would find it, then the catalog's facts
about the two are compared, or the reply says which fact the catalog lacks."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from bot.answering.lexicon import MISSPELT
from bot.answering.reply import STATUS_PHRASES, Answer, join_names
from bot.store.catalog import Catalog, FilmSummary, PersonRecord
from bot.store.dates import When, said, years_between
from bot.text import norm

Ask = Callable[[str], Awaitable[Answer]]

# What is compared, and the words that ask for it ("came out first" is older, for a film)
_MEASURES = {
    "older": r"older|earlier|(?:came|come|released|out|was|is) first|first",
    "newer": r"newer|younger|more recent|later|(?:came|come|released|out) (?:later|last)",
    "longer": r"longer",
    "shorter": r"shorter",
    "better": r"better(?: rated)?|rated (?:higher|better)|higher rated",
    "popular": r"more popular|better known|more famous|more votes",
    "more": r"(?:more|the most) (?:films|movies|flicks)",
}
_MEASURE = "|".join(f"(?P<{name}>{words})" for name, words in _MEASURES.items())
_ASK = r"(?P<ask>which|what|whats|who|whos)"
_OR = r"(?:or|vs|versus)"
_WHICH_FIRST = re.compile(
    rf"^{_ASK}\b(?P<head>.*?) (?:{_MEASURE})(?: (?:between|of|out of))? (?P<a>.+?) {_OR} "
    r"(?P<b>.+)$"
)
_SIDES_FIRST = re.compile(rf"^(?P<a>.+?) {_OR} (?P<b>.+?) {_ASK}\b(?P<head>.*?) (?:{_MEASURE})$")
_ROLE_VERB = (
    r"direct|directed|make|made|star|starred|act|acted|appear|appeared|play|played|"
    r"write|wrote|compose|composed|score|scored|produce|produced"
)
_THAN = re.compile(
    r"^(?:is|was|are|were|did|does|do|has|have|had) (?P<a>.+?)(?P<head>(?: (?:"
    + _ROLE_VERB
    + rf"|been|in))*) (?:{_MEASURE}) than (?P<b>.+)$"
)
# "is jaws or alien older", "did kubrick or hitchcock direct more films": which of two
_EITHER_FIRST = re.compile(
    rf"^(?:is|was|are|were|did|does|do|has|have|had) (?P<a>.+?) {_OR} (?P<b>.+?)"
    rf"(?P<head>(?: (?:{_ROLE_VERB}|been|in))*) (?:{_MEASURE})$"
)
# "age gap between tom hanks and meg ryan", "how much older is hanks than ryan": by how much
_AGE_GAP = r"(?:age (?:gap|difference)|difference in (?:age|ages)|gap in (?:age|ages))"
_GAP_FIRST = re.compile(
    rf"^(?:(?:what|whats|how big|how large)(?: is| s)? )?(?:the )?{_AGE_GAP} "
    r"(?:between|of) (?P<a>.+?) (?:and|&) (?P<b>.+)$"
)
_GAP_LAST = re.compile(rf"^(?P<a>.+?) (?:and|&|vs|versus) (?P<b>.+?) {_AGE_GAP}$")
_HOW_MUCH = re.compile(
    r"^how (?:much|many (?:years|yrs)) (?P<measure>older|younger) (?:is|was) (?P<a>.+?) "
    r"(?:than|then) (?P<b>.+)$"
)
# The credit "more films" counts, from the verb asking it
_ROLES = (
    (re.compile(r"\b(?:direct\w*|make|made|helm\w*)\b"), "director"),
    (re.compile(r"\b(?:star\w*|act\w*|appear\w*|play\w*|been in)\b"), "cast"),
    (re.compile(r"\b(?:writ\w*|wrote)\b"), "writer"),
    (re.compile(r"\b(?:compos\w*|scor\w*)\b"), "composer"),
    (re.compile(r"\bproduc\w*\b"), "producer"),
)
_ROLE_WORDS = {
    "director": "directed",
    "cast": "appeared in",
    "writer": "wrote",
    "composer": "scored",
    "producer": "produced",
    None: "is credited on",
}
_SIDE_NOISE = re.compile(r"^(?:the (?:film|movie) |(?:film|movie) )|(?: (?:film|movie))$")
PERSON_MEASURES = frozenset({"older", "newer", "more"})
FILM_MEASURES = frozenset({"older", "newer", "longer", "shorter", "better", "popular"})


@dataclass(frozen=True)
class Comparison:
    """What a question compares: the measure, the two sides as typed, whether it asks yes
    or no ("is a longer than b"), "who" (people first) and the credit "more films" counts."""

    measure: str
    a: str
    b: str
    yes_no: bool
    who: bool
    role: str | None
    by_how_much: bool = False  # "how much older", "age gap": the years between


def split(text: str) -> Comparison | None:
    """The comparison a question asks for, or ``None`` when it asks none."""
    key = " ".join(MISSPELT.get(word, word) for word in norm(text).split())  # "wich"
    if (gap := _age_gap(key)) is not None:
        return gap
    if " or " not in key and " than " not in key and " vs " not in key and "versus" not in key:
        return None
    for pattern in (_WHICH_FIRST, _SIDES_FIRST, _THAN, _EITHER_FIRST):
        match = pattern.match(key)
        if match is None:
            continue
        parts = match.groupdict()
        measure = next(name for name in _MEASURES if parts.get(name))
        a, b = (_SIDE_NOISE.sub("", parts[side]).strip() for side in "ab")
        if not a or not b or a == b or a.isdigit() or b.isdigit():
            return None
        head = parts.get("head") or ""
        role = next((role for words, role in _ROLES if words.search(head)), None)
        who = parts.get("ask") in ("who", "whos") or measure == "more"
        return Comparison(measure, a, b, pattern is _THAN, who, role)
    return None


def _age_gap(key: str) -> Comparison | None:
    """The ages a question asks the difference of ("age gap between …", "how much older is
    … than …"), or ``None``."""
    for pattern in (_GAP_FIRST, _GAP_LAST, _HOW_MUCH):
        match = pattern.match(key)
        if match is None:
            continue
        a, b = match["a"].strip(), match["b"].strip()
        if not a or not b or a == b:
            return None
        measure = "newer" if match.groupdict().get("measure") == "younger" else "older"
        return Comparison(measure, a, b, False, True, None, by_how_much=True)
    return None


async def answer_compared(
    question: str, asked: Comparison, ask: Ask, catalog: Catalog
) -> Answer | None:
    """The two sides compared, or ``None`` when they are not two films or two people the
    catalog knows (the question is then answered as any other)."""
    kinds = ("person", "film") if asked.who else ("film", "person")
    sides = (asked.a, asked.b)
    known: list[str] = []  # what one side names when the other names nothing
    for kind in kinds:
        if kind == "film" and asked.measure in FILM_MEASURES:
            films = [await _film(side, ask) for side in sides]
            if films[0] is not None and films[1] is not None and films[0][0].id != films[1][0].id:
                return await _films_compared(question, asked, films[0], films[1], catalog)
            known += [found[0].label for found in films if found is not None]
        if kind == "person" and asked.measure in PERSON_MEASURES:
            people = [await _person(side, ask, catalog) for side in sides]
            if people[0] is not None and people[1] is not None and people[0].id != people[1].id:
                return _people_compared(question, asked, people[0], people[1])
            known += [found.name for found in people if found is not None]
    if len(set(known)) != 1:
        return None
    # "which is older, jaws or blade runner": say which side is unknown, not answer Jaws
    for side in sides:
        if (await ask(side)).kind == "not_found":
            text = (
                f"I couldn't find a film or person I know called “{side}”, so I can't "
                f"compare it with {known[0]}."
            )
            return Answer(question, [], text, kind="not_found")
    return None


async def _film(side: str, ask: Ask) -> tuple[FilmSummary, list[FilmSummary]] | None:
    """The film a side names, as asking for it alone finds it, and the others of its
    title: of films sharing a title, the best known is compared."""
    reply = await ask(side)
    if reply.kind != "answer" or reply.people or not reply.films:
        return None
    if len({film.title for film in reply.films}) != 1:
        return None
    best = min(reply.films, key=lambda film: film.renown)
    return best, [film for film in reply.films if film.id != best.id]


async def _person(side: str, ask: Ask, catalog: Catalog) -> PersonRecord | None:
    """The one person a side names, as "who is …" finds them."""
    for asking in (f"who is {side}", f"how old is {side}"):  # "hitchcock" is also a film
        reply = await ask(asking)
        if reply.kind == "answer" and len(reply.people) == 1:
            return await catalog.person(reply.people[0])
    return None


def _named(film: FilmSummary) -> str:
    """A film's label, marked with its status when it is not released."""
    return film.label if film.confirmed else f"{film.label} [{film.status}]"


def _notes(films: list[FilmSummary], others: list[FilmSummary], fact: str) -> str:
    """What the reply must add: a compared film's fact that is a claim, and the other
    films of a title that is not one film's alone."""
    notes = []
    for film in films:
        if not film.confirmed:
            phrase, why = STATUS_PHRASES.get(film.status, (film.status, "it is not released"))
            notes.append(f" {film.title} is {phrase} ({why}), so its {fact} is a claim.")
    if others:
        notes.append(f" Other films of that title: {join_names([f.label for f in others])}.")
    return "".join(notes)


async def _films_compared(
    question: str,
    asked: Comparison,
    first: tuple[FilmSummary, list[FilmSummary]],
    second: tuple[FilmSummary, list[FilmSummary]],
    catalog: Catalog,
) -> Answer:
    (a, others_a), (b, others_b) = first, second
    measure = asked.measure
    films = [a, b]
    if measure in ("older", "newer"):
        values = [await _released(film, catalog) for film in films]
        fact, missing = "release year", "year"
    elif measure in ("longer", "shorter"):
        values = []
        for film in films:
            record = await catalog.film(film.id)
            values.append(record.runtime_minutes if record else None)
        fact, missing = "running time", "running time"
    elif measure == "better":
        values, fact, missing = [a.rating, b.rating], "rating", "rating"
    else:
        values, fact, missing = [a.votes, b.votes], "votes", "votes"
    lacking = [film for film, value in zip(films, values, strict=True) if value is None]
    if lacking:
        names = " or ".join(_named(film) for film in lacking)
        text = f"The catalog has no {missing} for {names}, so I can't say which is {measure}."
        return Answer(question, [], text, kind="answer", films=films)
    if values[0] == values[1]:
        same = _film_value(measure, values[0])
        text = f"Neither: {_named(a)} and {_named(b)} have the same {fact} ({a.title} {same})."
        return Answer(question, [], text, kind="answer", films=films)
    first_wins = (values[0] > values[1]) != (measure in ("older", "shorter"))  # type: ignore[operator]
    winner, loser = (a, b) if first_wins else (b, a)
    details = _details(measure, a, b, values)
    if asked.yes_no:
        text = f"{'Yes' if winner is a else 'No'}: {details}."
    elif measure in ("older", "newer") and winner.year != loser.year:
        years = abs((winner.year or 0) - (loser.year or 0))
        by = f"{years} year{'s' if years > 1 else ''}"
        text = f"{_named(winner)} is {_film_word(measure)} than {_named(loser)}, by {by}."
    else:
        text = f"{_named(winner)} is {_film_word(measure)} than {_named(loser)}: {details}."
    text += _notes(films, [*others_a, *others_b], fact)
    return Answer(question, [winner.title], text, kind="answer", films=films)


async def _released(film: FilmSummary, catalog: Catalog) -> str | None:
    """When a film came out, as a sortable ``YYYY-MM-DD`` when the date is known."""
    if film.year is None:
        return None
    record = await catalog.film(film.id)
    date_ = record.release_date if record and record.release_date else None
    return date_ if date_ and date_[:4] == str(film.year) else f"{film.year}"


def _details(measure: str, a: FilmSummary, b: FilmSummary, values: list) -> str:
    """The two films' facts side by side."""
    if measure in ("older", "newer") and a.year != b.year:
        return f"{a.title} came out in {a.year}, {b.title} in {b.year}"
    said_a, said_b = (_film_value(measure, value) for value in values)
    return f"{a.title} {said_a}, {b.title} {said_b}"


def _film_value(measure: str, value: object) -> str:
    if measure in ("older", "newer"):
        text = str(value)
        return f"came out on {text}" if len(text) > 4 else f"came out in {text}"
    if measure in ("longer", "shorter"):
        return f"runs {value} minutes"
    if measure == "better":
        return f"is rated {value}"
    return f"has {value:,} votes"


def _film_word(measure: str) -> str:
    return {"better": "better rated", "popular": "more popular"}.get(measure, measure)


def _people_compared(question: str, asked: Comparison, a: PersonRecord, b: PersonRecord) -> Answer:
    people = [a.id, b.id]
    if asked.measure == "more":
        role = asked.role
        counts = [len([f for f in p.films(role) if f.confirmed]) for p in (a, b)]
        verb = _ROLE_WORDS[role]
        details = f"{a.name} {verb} {counts[0]}, {b.name} {counts[1]}"
        if counts[0] == counts[1]:  # as many: "neither", or "no" to "did … more"
            lead = "No" if asked.yes_no else "Neither"
            both = "are credited on" if role is None else verb
            text = f"{lead}: in the catalog's released films, {a.name} and {b.name} {both} "
            text += f"{counts[0]} each."
            return Answer(question, [], text, kind="answer", people=people)
        winner = a if counts[0] > counts[1] else b
        if asked.yes_no:
            lead = "Yes" if winner is a else "No"
            text = f"{lead}: in the catalog's released films, {details}."
        else:
            most, fewer = (counts[0], counts[1]) if winner is a else (counts[1], counts[0])
            other = b if winner is a else a
            text = (
                f"{winner.name} {verb} more of the catalog's released films: {most}, to "
                f"{fewer} for {other.name}."
            )
        return Answer(question, [winner.name], text, kind="answer", people=people)
    births = [a.birth, b.birth]
    lacking = [p.name for p, born in zip((a, b), births, strict=True) if born is None]
    if lacking:
        text = f"The catalog has no birth date for {' or '.join(lacking)}, so I can't say."
        return Answer(question, [], text, kind="answer", people=people)
    first, second = _ordinal(births[0], births[1]), _ordinal(births[1], births[0])  # type: ignore[arg-type]
    details = f"{a.name} was born {said(births[0])}, {b.name} {said(births[1])}"  # type: ignore[arg-type]
    if asked.by_how_much:
        return _age_gap_said(question, asked, a, b, details)
    if first == second:
        return Answer(question, [], f"Neither: {details}.", kind="answer", people=people)
    older = a if first < second else b
    winner = older if asked.measure == "older" else (b if older is a else a)
    word = "older" if asked.measure == "older" else "younger"
    if asked.yes_no:
        text = f"{'Yes' if winner is a else 'No'}: {details}."
    else:
        text = f"{winner.name} is {word}: {details}."
    return Answer(question, [winner.name], text, kind="answer", people=people)


def _ordinal(born: When, other: When) -> int:
    """A birth as a number to compare with another: the day, or the year when either is
    known only by its year."""
    if isinstance(born, int) or isinstance(other, int):
        return born if isinstance(born, int) else born.year
    return born.toordinal()


def _age_gap_said(
    question: str, asked: Comparison, a: PersonRecord, b: PersonRecord, details: str
) -> Answer:
    """How many years one of two people is older than the other ("how much younger": the
    younger one first), in whole years from their birth dates, or about so many when either
    is known by the year alone."""
    (older, born), (younger, later) = sorted(
        ((a, a.birth), (b, b.birth)),
        key=lambda pair: _ordinal(pair[1], b.birth if pair[0] is a else a.birth),  # type: ignore[arg-type]
    )
    years = years_between(born, later)  # type: ignore[arg-type]
    people = [a.id, b.id]
    if isinstance(years, tuple):  # a year alone: the years apart, about
        gap = years[1]
        if not gap:
            text = f"{a.name} and {b.name} were born the same year: {details}."
            return Answer(question, [], text, kind="answer", people=people)
        said_gap = f"about {gap} year{'s' if gap > 1 else ''}"
        note = " (the catalog has the year of birth only)"
    else:
        gap, note = years, ""
        if not gap:
            apart = "on the same day" if born == later else "less than a year apart"
            text = f"{a.name} and {b.name} were born {apart}: {details}."
            return Answer(question, [], text, kind="answer", people=people)
        said_gap = f"{gap} year{'s' if gap > 1 else ''}"
    first, second = (younger, older) if asked.measure == "newer" else (older, younger)
    # the births in the order the sentence names the two
    details = f"{first.name} was born {said(first.birth)}, {second.name} {said(second.birth)}"  # type: ignore[arg-type]
    if asked.measure == "newer":
        text = f"{younger.name} is {said_gap} younger than {older.name}{note}: {details}."
    else:
        text = f"{older.name} is {said_gap} older than {younger.name}{note}: {details}."
    return Answer(question, [str(gap)], text, kind="answer", people=people)
