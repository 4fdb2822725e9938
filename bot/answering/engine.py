"""Question → :class:`Answer`, over one catalog. No Discord here: the console and the bot
both call :func:`answer`."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from bot.answering.linking import Mention, find_mentions
from bot.answering.reply import Answer, join_names, status_note, with_status
from bot.store.catalog import Catalog, FilmRecord, FilmSummary
from bot.text import norm

MAX_QUESTION_CHARS = 500

HELP = (
    'Ask me about a film or a person, e.g. "who directed Alita: Battle Angel?", '
    '"who plays Nova in Alita: Battle Angel 2?" or "what films did Stanley Kubrick direct?"'
)


@dataclass(frozen=True)
class Relation:
    """A thing one can ask about a film: its keywords and how to read it off a record."""

    name: str
    pattern: re.Pattern[str]
    phrase: str  # "directed by", "written by", …
    role: str | None = None  # credit role, for person → films questions
    value_kind: str | None = None  # film_values kind


def _rx(words: str) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{words})\b")


RELATIONS: tuple[Relation, ...] = (
    Relation("director", _rx(r"direct\w*|director\w*|helm\w*"), "directed by", role="director"),
    Relation(
        "writer",
        _rx(r"wr[oi]te|written|writers?|writing|screenplay\w*|screenwriter\w*|script\w*"),
        "written by",
        role="writer",
    ),
    Relation("producer", _rx(r"produc\w*"), "produced by", role="producer"),
    Relation(
        "composer",
        _rx(r"compos\w*|score[ds]?|music|soundtrack"),
        "music by",
        role="composer",
    ),
    Relation(
        "cast",
        _rx(r"star\w*|act\w*|cast|appear\w*|actors?|actress\w*|in it|who is in|who was in"),
        "starring",
        role="cast",
    ),
    Relation(
        "genre",
        _rx(r"genres?|kind of (?:film|movie)|type of (?:film|movie)"),
        "genres",
        value_kind="genre",
    ),
    Relation("language", _rx(r"languages?|spoken"), "in", value_kind="language"),
    Relation("country", _rx(r"countr\w*|where was .* made"), "from", value_kind="country"),
    Relation("company", _rx(r"studios?|compan\w*|distribut\w*"), "companies", value_kind="company"),
    Relation(
        "setting",
        _rx(r"set in|setting|takes place|take place|where is .* set"),
        "set in",
        value_kind="setting",
    ),
    Relation("tag", _rx(r"tags?|tagged|keywords?|described"), "tags", value_kind="tag"),
    Relation("runtime", _rx(r"how long|runtime|running time|length|minutes"), "runs"),
    Relation(
        "status", _rx(r"status|real|confirmed|official|exists?|true|fake|announced"), "status"
    ),
    Relation("year", _rx(r"year|when|released?|come out|came out|release date"), "released"),
    Relation(
        "synopsis", _rx(r"(?:what|whats) .*about|plot|synopsis|story|storyline|summar\w*"), "about"
    ),
)
RELATION_BY_NAME = {r.name: r for r in RELATIONS}

_PLAYS = re.compile(
    r"\b(?:who|which actor|which actress)\b.*\b(?:plays?|played|playing|voices?|"
    r"voiced|portray\w*|is)\b"
)
_ROLE_OF = re.compile(
    r"\b(?:what|which|who)\b.*\b(?:role|character|part|does .* play|did .* "
    r"play)\b"
)
_YEAR = re.compile(r"\b(18[7-9]\d|19\d\d|20\d\d|2100)\b")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def clean_question(raw: str) -> str:
    """Drop control characters and stacked combining marks; collapse whitespace."""
    text = _CONTROL.sub(" ", raw)
    text = unicodedata.normalize("NFC", text)
    kept: list[str] = []
    marks = 0
    for char in text:
        if unicodedata.combining(char):
            marks += 1
            if marks > 2:
                continue
        else:
            marks = 0
        kept.append(char)
    return " ".join("".join(kept).split())


async def answer(question: str, catalog: Catalog) -> Answer:
    """Answer one question from the catalog; never raises for what a person types."""
    text = clean_question(question)
    if not text:
        return Answer(question, [], HELP, kind="help")
    if len(text) > MAX_QUESTION_CHARS:
        return Answer(
            question,
            [],
            f"That question is {len(text):,} characters long; please ask in under "
            f"{MAX_QUESTION_CHARS} characters.",
            kind="rejected",
        )
    key = norm(text)
    tokens = key.split()
    if not tokens:
        return Answer(question, [], HELP, kind="help")
    mentions = await find_mentions(tokens, catalog)
    context = _Context(question, key, tokens, mentions, catalog)
    for handler in HANDLERS:
        result = await handler(context)
        if result is not None:
            return result
    return await _not_found(context)


@dataclass
class _Context:
    question: str
    key: str
    tokens: list[str]
    mentions: list[Mention]
    catalog: Catalog

    def relation(self) -> Relation | None:
        """The first relation whose keywords appear outside the mentioned names."""
        text = self.key_outside()
        for relation in RELATIONS:
            if relation.pattern.search(text):
                return relation
        return None

    def key_outside(self) -> str:
        """The question with every mentioned name blanked out."""
        drop = {i for m in self.mentions for i in range(m.start, m.end)}
        return " ".join("_" if i in drop else t for i, t in enumerate(self.tokens))

    def year(self) -> int | None:
        match = _YEAR.search(self.key_outside())
        return int(match.group(1)) if match else None

    async def films(self) -> list[FilmSummary]:
        """Films named by the film mentions, narrowed by a year in the question if any."""
        ids = [h.ref for m in self.mentions for h in m.of_kind("film")]
        films = await self.catalog.summaries(ids)
        year = self.year()
        if year is not None:
            films = [f for f in films if f.year == year] or films
        # the longest mention wins: "Alita: Battle Angel 2" over "Alita"
        longest = max((m.size for m in self.mentions if m.has("film")), default=0)
        keep = {h.ref for m in self.mentions if m.size == longest for h in m.of_kind("film")}
        return [f for f in films if f.id in keep] or films

    def person_ids(self) -> list[int]:
        return list(dict.fromkeys(h.ref for m in self.mentions for h in m.of_kind("person")))

    def characters(self) -> list[Mention]:
        return [m for m in self.mentions if m.has("character")]


Handler = Callable[[_Context], Awaitable[Answer | None]]


async def _who_plays(ctx: _Context) -> Answer | None:
    characters = ctx.characters()
    if not characters or not _PLAYS.search(ctx.key):
        return None
    films = {f.id for f in await ctx.films()}
    lines: list[str] = []
    answers: list[str] = []
    about: list[FilmSummary] = []
    for mention in characters:
        for film, credit in await ctx.catalog.cast_as(mention.norm):
            if films and film.id not in films:
                continue
            record = await ctx.catalog.film(film.id)
            assert record is not None
            answers.append(credit.person)
            about.append(film)
            sentence = f"{credit.person} plays {credit.character} in {film.label}."
            lines.append(with_status(record, sentence))
    if not answers:
        return None
    return Answer(ctx.question, list(dict.fromkeys(answers)), " ".join(lines), films=about)


async def _role_of_person(ctx: _Context) -> Answer | None:
    people = ctx.person_ids()
    if not people or not _ROLE_OF.search(ctx.key):
        return None
    films = {f.id for f in await ctx.films()}
    answers: list[str] = []
    lines: list[str] = []
    about: list[FilmSummary] = []
    for pid in people:
        person = await ctx.catalog.person(pid)
        if person is None:
            continue
        for credit in person.credits:
            if credit.role != "cast" or not credit.character:
                continue
            if films and credit.film.id not in films:
                continue
            record = await ctx.catalog.film(credit.film.id)
            assert record is not None
            answers.append(credit.character)
            about.append(credit.film)
            sentence = f"{person.name} plays {credit.character} in {credit.film.label}."
            lines.append(with_status(record, sentence))
    if not answers:
        return None
    return Answer(ctx.question, list(dict.fromkeys(answers)), " ".join(lines), films=about)


async def _film_relation(ctx: _Context) -> Answer | None:
    films = await ctx.films()
    if not films:
        return None
    relation = ctx.relation()
    if relation is None:
        return await _film_summary(ctx, films)
    answers: list[str] = []
    lines: list[str] = []
    for summary in films:
        record = await ctx.catalog.film(summary.id)
        assert record is not None
        values, sentence = _read(record, relation)
        answers.extend(values)
        lines.append(with_status(record, sentence) if relation.name != "status" else sentence)
    if len(films) > 1:
        lines.insert(0, f"{len(films)} films match that title:")
    return Answer(ctx.question, list(dict.fromkeys(answers)), "\n".join(lines), films=films)


def _read(film: FilmRecord, relation: Relation) -> tuple[list[str], str]:
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
        values = list(film.listed(relation.value_kind))
        if not values:
            return [], f"The catalog lists no {relation.name} for {label}."
        return values, f"{label}: {relation.phrase} {join_names(values)}."
    if relation.name == "year":
        if film.summary.year is None:
            return [], f"The catalog has no release year for {film.summary.title}."
        date = f" (release date {film.release_date})" if film.release_date else ""
        return [
            str(film.summary.year)
        ], f"{film.summary.title} came out in {film.summary.year}{date}."
    if relation.name == "runtime":
        if film.runtime_minutes is None:
            return [], f"The catalog has no running time for {label}."
        return [str(film.runtime_minutes)], f"{label} runs {film.runtime_minutes} minutes."
    if relation.name == "status":
        note = status_note(film)
        if not note:
            return ["released"], f"{label} is a released film."
        return [film.summary.status], note
    if relation.name == "synopsis":
        if not film.synopsis:
            return [], f"The catalog has no synopsis for {label}."
        return [film.synopsis], f"{label}: {film.synopsis}"
    return [], f"The catalog has nothing on that for {label}."


async def _film_summary(ctx: _Context, films: list[FilmSummary]) -> Answer:
    lines: list[str] = []
    answers: list[str] = []
    for summary in films:
        record = await ctx.catalog.film(summary.id)
        assert record is not None
        answers.append(record.label)
        parts = [record.label]
        directors = record.names("director")
        if directors:
            parts.append(f"directed by {join_names(directors)}")
        cast = record.names("cast")
        if cast:
            parts.append(f"starring {join_names(cast, 4)}")
        sentence = ", ".join(parts) + "."
        note = status_note(record)
        lines.append(f"{sentence} {note}".strip())
    return Answer(ctx.question, answers, "\n".join(lines), films=films)


async def _person_films(ctx: _Context) -> Answer | None:
    people = ctx.person_ids()
    if not people:
        return None
    relation = ctx.relation()
    role = relation.role if relation is not None else None
    answers: list[str] = []
    lines: list[str] = []
    about: list[FilmSummary] = []
    for pid in people:
        person = await ctx.catalog.person(pid)
        if person is None:
            continue
        films = person.films(role)
        if not films:
            lines.append(f"The catalog has no films where {person.name} is credited as {role}.")
            continue
        answers.extend(f.title for f in films)
        about.extend(films)
        shown = [f.label + ("" if f.confirmed else f" [{f.status}]") for f in films]
        verb = _PERSON_VERBS.get(role or "", "is credited on")
        lines.append(f"{person.name} {verb} {join_names(shown)}.")
        if any(not f.confirmed for f in films):
            lines.append("Films marked in brackets are not released; their credits are claims.")
    if not lines:
        return None
    return Answer(
        ctx.question, list(dict.fromkeys(answers)), " ".join(lines), films=about, people=people
    )


_PERSON_VERBS = {
    "director": "directed",
    "writer": "wrote",
    "producer": "produced",
    "composer": "scored",
    "cast": "appears in",
}


async def _not_found(ctx: _Context) -> Answer:
    suggestions: list[str] = []
    for fid in await ctx.catalog.fuzzy_titles(ctx.key_outside(), limit=3, cutoff=60):
        for summary in await ctx.catalog.summaries([fid]):
            suggestions.append(summary.label)
    text = "I couldn't find a film or person I know in that question."
    if suggestions:
        text += f" Did you mean {join_names(suggestions)}?"
    else:
        text += " " + HELP
    return Answer(ctx.question, [], text, kind="not_found", suggestions=suggestions)


HANDLERS: tuple[Handler, ...] = (_who_plays, _role_of_person, _film_relation, _person_films)
