"""Question → :class:`Answer`, over one catalog. No Discord here: the console and the bot
both call :func:`answer`."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from bot.answering.linking import MAX_NGRAM, SCAFFOLD, Mention, find_mentions
from bot.answering.reply import Answer, join_names, status_note, status_sentence, with_status
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
    Relation(
        "director",
        _rx(r"direct\w*|director\w*|helm\w*|filmmakers?|who made|behind the camera"),
        "directed by",
        role="director",
    ),
    Relation(
        "writer",
        _rx(
            r"wr[oi]te|written|writers?|writing|screenplay\w*|screenwriter\w*|script\w*|"
            r"scriptwriter\w*|authors?|authored|penned|creators? of the film script"
        ),
        "written by",
        role="writer",
    ),
    Relation("producer", _rx(r"(?<!in )produc\w*"), "produced by", role="producer"),
    Relation("sequel", _rx(r"sequels?|prequels?|follow ?ups?|follow(?:s|ed)?"), "sequel"),
    Relation(
        "sources",
        _rx(r"sources?|sourced|citations?|references?|where .*come from|how do you know"),
        "sources",
    ),
    Relation(
        "composer",
        _rx(r"compos\w*|score[ds]?|music|soundtrack"),
        "music by",
        role="composer",
    ),
    Relation(
        "cast",
        _rx(
            r"star\w*|act\w*|cast|appear\w*|actors?|actress\w*|in it|who is in|who was in|"
            r"whos in|play(?:s|ed|ing)? in|"
            r"featur\w*|perform\w*|co ?star\w*"
        ),
        "starring",
        role="cast",
    ),
    Relation(
        "genre",
        _rx(
            r"genres?|(?:sort|kind|type|types|category) of (?:film|movie)s?|categor\w*|"
            r"(?:what|which) types?"
        ),
        "genres",
        value_kind="genre",
    ),
    Relation("language", _rx(r"languages?|spoken|speak"), "in", value_kind="language"),
    Relation("country", _rx(r"countr\w*|where was .* made"), "from", value_kind="country"),
    Relation("company", _rx(r"studios?|compan\w*|distribut\w*"), "companies", value_kind="company"),
    Relation(
        "setting",
        _rx(r"set in|setting|takes place|take place|where is .* set"),
        "set in",
        value_kind="setting",
    ),
    Relation(
        "tag",
        _rx(r"tags?|tagged|keywords?|describ\w*|in a few words|words|terms|topics?|applicable"),
        "tags",
        value_kind="tag",
    ),
    Relation("runtime", _rx(r"how long|runtime|running time|length|minutes"), "runs"),
    Relation(
        "rating",
        _rx(
            r"(?<!popularity )ratings?|rated?|considered good|good|imdb score|score on imdb|"
            r"how good|think of|thought of|opinion"
        ),
        "rated",
    ),
    Relation("votes", _rx(r"votes?|popular\w*|famous|how well known"), "votes"),
    Relation(
        "status",
        _rx(
            r"status|real|confirmed|official|exists?|true|fake|announced|out yet|"
            r"been released|released yet|come out yet|available|in production|"
            r"^(?:has|have|did|was|is) .*(?:come out|released|out)"
        ),
        "status",
    ),
    Relation("year", _rx(r"years?|when|released?|come out|came out|release date"), "released"),
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
REPAIR_MIN_WORD = 4  # shorter unknown words are left alone, not read as typos
TAIL_MAX_GAP = 3  # question words allowed between a name and the stray word after it
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


async def answer(question: str, catalog: Catalog, *, _retry: bool = False) -> Answer:
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
    mentions = _keywords_unmasked(tokens, await find_mentions(tokens, catalog))
    if not _retry:
        corrected = await _repaired(tokens, mentions, catalog)
        if corrected is None and not mentions:
            corrected = await _corrected(tokens, catalog)
        if corrected is not None:
            wrong, right = corrected
            fixed = key.replace(wrong, norm(right), 1)
            reply = await answer(fixed, catalog, _retry=True)
            if reply.kind == "answer":
                reply.question = question
                reply.text = f"(Reading “{wrong}” as “{right}”.) {reply.text}"
                return reply
    context = _Context(question, key, tokens, mentions, catalog)
    for handler in HANDLERS:
        result = await handler(context)
        if result is not None:
            return result
    return await _not_found(context)


def _keywords_unmasked(tokens: list[str], mentions: list[Mention]) -> list[Mention]:
    """Give relation phrases back to the question when something else is named.

    A name inside a relation phrase (the tag "script", the film "Up" in "follow-up") is far
    more likely part of the relation ("the film script for Brazil") than a second topic.
    """
    if len(mentions) < 2:
        return mentions
    phrases = _phrase_positions(" ".join(tokens))
    inside = [m for m in mentions if phrases.issuperset(m.positions)]
    if not inside or len(inside) == len(mentions):
        return mentions
    return [m for m in mentions if m not in inside]


def _residual_run(tokens: list[str]) -> str:
    """The longest run of words that are neither question words nor relation keywords."""
    best: list[str] = []
    run: list[str] = []
    for token in [*tokens, ""]:
        keyword = (
            not token or token in SCAFFOLD or any(r.pattern.fullmatch(token) for r in RELATIONS)
        )
        if keyword:
            if len(" ".join(run)) > len(" ".join(best)):
                best = run
            run = []
        else:
            run.append(token)
    return " ".join(best)


async def _repaired(
    tokens: list[str], mentions: list[Mention], catalog: Catalog
) -> tuple[str, str] | None:
    """A misspelt name: the words around the first unknown word, and the name they mean.

    A word that is in no catalog name, no question phrase and no relation ("lihgt",
    "molnia") is taken for a typo. The longest run of words around it that is a letter or
    two away from a catalog name (titles, people, characters, values) is read as that name.
    """
    covered = {i for m in mentions for i in range(m.start, m.end)}
    known = await catalog.known_words()
    unknown = [
        i
        for i, token in enumerate(tokens)
        if i not in covered
        and len(token) >= REPAIR_MIN_WORD
        and not token.isdigit()
        and token not in SCAFFOLD
        and token not in known
    ]
    if unknown:  # rare: only now look for the words of relation phrases ("sort of film")
        phrases = _phrase_positions(" ".join(tokens))
        unknown = [i for i in unknown if i not in phrases]
    if not unknown:
        return await _title_tail_repaired(tokens, mentions, covered, catalog)
    at = unknown[0]
    best: tuple[int, int, str, str] | None = None  # (-words, edits, typed, display)
    for start in range(max(0, at - MAX_NGRAM + 1), at + 1):
        for end in range(at + 1, min(len(tokens), start + MAX_NGRAM) + 1):
            typed = " ".join(tokens[start:end])
            found = await catalog.closest_name(typed, _edits_allowed(typed))
            if found is None:
                continue
            candidate = (start - end, found[0], typed, found[2])
            if best is None or candidate[:2] < best[:2]:
                best = candidate
    if best is None:
        return await _title_tail_repaired(tokens, mentions, covered, catalog)
    return best[2], best[3]


async def _title_tail_repaired(
    tokens: list[str], mentions: list[Mention], covered: set[int], catalog: Catalog
) -> tuple[str, str] | None:
    """A slip that makes another word ("the family sone", "the eye of the strom").

    What is left is a shorter title (the film "The Family") with a stray word just after it
    or just before it, past question words only. The two together are read as a longer
    title when they are one slip away from one.
    """
    named = [m for m in mentions if m.has("film")]
    for mention in named:
        for step in (1, -1):
            at = mention.end if step == 1 else mention.start - 1
            while 0 <= at < len(tokens) and at not in covered and tokens[at] in SCAFFOLD:
                at += step
            gap = at - mention.end if step == 1 else mention.start - 1 - at
            if not 0 <= at < len(tokens) or at in covered or gap > TAIL_MAX_GAP:
                continue
            if len(tokens[at]) < REPAIR_MIN_WORD or tokens[at].isdigit():
                continue
            start, end = min(mention.start, at), max(mention.end, at + 1)
            typed = " ".join(tokens[start:end])
            found = await catalog.closest_name(typed, 1)
            if found is not None and found[0] > 0:
                return typed, found[2]
    return None


def _edits_allowed(typed: str) -> int:
    """One slip in a short name, two in a longer one, three in a long one."""
    return 1 if len(typed) <= 7 else 2 if len(typed) <= 20 else 3


def _phrase_positions(key: str) -> set[int]:
    """Positions of the words that make up the question's relation phrases."""
    positions: set[int] = set()
    for relation in RELATIONS:
        for match in relation.pattern.finditer(key):
            first = key.count(" ", 0, match.start())
            positions.update(range(first, first + match.group().count(" ") + 1))
    return positions


async def _corrected(tokens: list[str], catalog: Catalog) -> tuple[str, str] | None:
    """A misspelt title or name, or a surname alone, and the catalog name it stands for."""
    run = _residual_run(tokens)
    if len(run) < 3:
        return None
    if " " not in run:
        people = await catalog.people_by_surname(run)
        if len({p.ref for p in people}) == 1:
            return run, people[0].display
    films = await catalog.fuzzy_titles(run, limit=1, cutoff=86)
    people = await catalog.fuzzy_people(run, limit=1, cutoff=86)
    if people:
        return run, people[0].display
    if films:
        summary = (await catalog.summaries(films))[0]
        return run, summary.title
    return None


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

    def occurrences(self) -> list[tuple[int, Relation]]:
        """Every relation keyword outside the mentioned names, with its token position."""
        text = self.key_outside()
        found: list[tuple[int, Relation]] = []
        for relation in RELATIONS:
            for match in relation.pattern.finditer(text):
                found.append((text.count(" ", 0, match.start()), relation))
        return sorted(found, key=lambda item: item[0])

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
        films = [f for f in films if f.id in keep] or films
        # Titles that differ only in punctuation ("Tarzan the Ape Man", "Tarzan, the Ape
        # Man") share a normal form: the one typed exactly as it is written comes first.
        typed = self.question.casefold()
        return sorted(
            films, key=lambda f: (f.title.casefold() not in typed, f.year is None, f.year or 0)
        )

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
        if relation.name == "sequel":
            values, sentence = await _sequels(ctx, record)
        else:
            values, sentence = _read(record, relation)
        answers.extend(values)
        plain = relation.name in ("status", "sources", "sequel")  # these say it themselves
        lines.append(sentence if plain else with_status(record, sentence))
    if len(films) > 1:
        lines.insert(0, f"{len(films)} films match that title:")
    return Answer(ctx.question, list(dict.fromkeys(answers)), "\n".join(lines), films=films)


_EARLIER = re.compile(r"\b(?:prequel|follows?\b(?! ?ups?)|sequel (?:of|to) (?:what|which))\b")


async def _sequels(ctx: _Context, film: FilmRecord) -> tuple[list[str], str]:
    """The films that follow ``film``, and the one it follows, with their status."""
    later = await ctx.catalog.films_following(film.summary.slug)
    earlier = await ctx.catalog.film_by_slug(film.follows) if film.follows else None
    parts: list[str] = []
    if later:
        parts.append(f"{film.label} is followed by {_film_list(later)}.")
    if earlier is not None:
        parts.append(f"{film.label} follows {earlier.label}.")
    if not parts:
        return [], f"The catalog knows no sequel or earlier film for {film.label}."
    note = status_note(film) or _claims_note(later)
    after = [f.title for f in later]
    before = [earlier.summary.title] if earlier is not None else []
    asks_earlier = bool(_EARLIER.search(ctx.key_outside()))
    answers = before + after if asks_earlier else after + before
    return answers, " ".join(parts) + (f" {note.strip()}" if note else "")


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
        title, year = film.summary.title, film.summary.year
        if film.summary.status == "announced" or film.summary.status == "in-production":
            return [str(year)], f"{title} is due out in {year}{date}."
        if not film.summary.confirmed:
            return [str(year)], f"{title} is said to come out in {year}{date}."
        return [str(year)], f"{title} came out in {year}{date}."
    if relation.name == "rating":
        if not film.imdb_rating:
            return [], f"The catalog has no rating for {label}."
        return [str(film.imdb_rating)], f"{label} is rated {film.imdb_rating} on IMDb."
    if relation.name == "votes":
        if not film.imdb_votes:
            return [], f"The catalog has no IMDb votes for {label}."
        return [str(film.imdb_votes)], f"{label}: IMDb votes: {film.imdb_votes}."
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
            tags = list(film.listed("tag"))
            if tags:  # what the film is tagged with is the next best answer
                return (
                    tags,
                    f"The catalog has no synopsis for {label}; it is tagged {join_names(tags)}.",
                )
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
    run = _residual_run(ctx.tokens) or ctx.key_outside()
    suggestions: list[str] = []
    for summary in await ctx.catalog.summaries(
        await ctx.catalog.fuzzy_titles(run, limit=3, cutoff=60)
    ):
        suggestions.append(summary.label)
    for hit in await ctx.catalog.fuzzy_people(run, limit=2, cutoff=70):
        suggestions.append(hit.display)
    suggestions = list(dict.fromkeys(suggestions))
    text = "I couldn't find a film or person I know in that question."
    if suggestions:
        text += f" Did you mean {join_names(suggestions, 5)}?"
    else:
        text += " " + HELP
    return Answer(ctx.question, [], text, kind="not_found", suggestions=suggestions)


# --- chains: one or two hops from what the question names ---------------------------------

ROLE_RELATIONS = ("director", "writer", "producer", "composer", "cast")
_SAME = re.compile(r"\b(?:same|also|share[sd]?|sharing|other|too|else)\b")
_COSTARS = re.compile(r"\bco ?stars?\b|\b(?:appeared|acted|starred|played) (?:with|alongside)\b")
_WORKED_WITH = re.compile(r"\b(?:worked|collaborated|teamed up) with\b")
_TOGETHER = re.compile(r"\b(?:co|together|alongside|along with|same)\b|\bco ?\w+")
_ASKS_PEOPLE = re.compile(
    r"^(?:who|whom|which (?:person|people|actors?|actress\w*|directors?|writers?|"
    r"screenwriters?|producers?)|name the (?:actors?|directors?|writers?))\b|"
    r"\b(?:who|whom|which (?:actors?|people|persons?))$"
)
_ASKS_FILMS = re.compile(
    r"^(?:(?:what|which|name|list|show|recommend|suggest|give me)(?: \w+)? )?(?:films?|movies?)\b"
)
_ABOUT = re.compile(r"\babout\b")
_PERSON_CUE_BEFORE = frozenset(
    "by starring featuring with for director writer screenwriter actor actress producer "
    "composer filmmaker scriptwriter".split()
)
_PERSON_CUE_AFTER = re.compile(
    r"^(?:acted|starred|directed|wrote|written|appeared|co|produced|composed|acts?|stars?|"
    r"directs?|writes?|appears?)\b(?! by\b)"  # "X directed by …" is said of a film
)
_VALUE_KINDS = ("genre", "tag", "language", "country", "company", "setting")


def _topic_kind(ctx: _Context, mention: Mention) -> str | None:
    """Whether a mention names a film, a person or a value here, from the words around it."""
    kinds = {h.kind for h in mention.hits}
    has_film, has_person = "film" in kinds, "person" in kinds
    if "tag" in kinds and _ASKS_FILMS.search(ctx.key):
        outside = ctx.key_outside()
        if _ABOUT.search(outside) or RELATION_BY_NAME["tag"].pattern.search(outside):
            return "tag"
    if has_film and has_person:
        before = ctx.tokens[mention.start - 1] if mention.start > 0 else ""
        after = " ".join(ctx.tokens[mention.end : mention.end + 2])
        if before in _PERSON_CUE_BEFORE or _PERSON_CUE_AFTER.match(after):
            return "person"
        return "film"
    if has_film:
        return "film"
    if has_person:
        return "person"
    for kind in _VALUE_KINDS:
        if kind in kinds:
            return kind
    return None


def _distance(position: int, mention: Mention) -> int:
    if position < mention.start:
        return mention.start - position
    return position - mention.end + 1


async def _titles(ctx: _Context, film_ids: list[int]) -> list[FilmSummary]:
    return await ctx.catalog.summaries(film_ids)


async def _people_of(ctx: _Context, film_ids: list[int], role: str) -> list[tuple[int, str]]:
    people: dict[int, str] = {}
    for _, pid, name in await ctx.catalog.people_of_films(film_ids, role):
        people.setdefault(pid, name)
    return list(people.items())


async def _films_of(ctx: _Context, person_ids: list[int], role: str | None) -> list[FilmSummary]:
    return await ctx.catalog.films_of_people(person_ids, role)


async def _values_of(ctx: _Context, films: list[FilmSummary], relation: Relation) -> list[str]:
    if relation.name == "year":
        values = [str(f.year) for f in films if f.year is not None]
    elif relation.value_kind is not None:
        pairs = await ctx.catalog.values_of_films([f.id for f in films], relation.value_kind)
        values = [value for _, value in pairs]
    else:
        values = []
        for film in films:
            record = await ctx.catalog.film(film.id)
            if record is not None:
                values.extend(_read(record, relation)[0])
    return list(dict.fromkeys(values))


def _claims_note(films: list[FilmSummary]) -> str:
    if any(not f.confirmed for f in films):
        return " Films marked in brackets are not released; their credits are claims."
    return ""


_PLURALS = {"company": "companies", "country": "countries", "votes": "votes"}


def _heading(name: str, count: int) -> str:
    """'Genre' for one value, 'Genres' for several."""
    if count > 1:
        name = _PLURALS.get(name, name + "s")
    return name.capitalize()


def _film_list(films: list[FilmSummary], limit: int = 25) -> str:
    return join_names([f.label + ("" if f.confirmed else f" [{f.status}]") for f in films], limit)


async def _chain(ctx: _Context) -> Answer | None:
    """Film → facts, person → films → facts, film → people → films, value → films."""
    topics = [(m, _topic_kind(ctx, m)) for m in ctx.mentions]
    topics = [(m, k) for m, k in topics if k is not None]
    if not topics:
        return None
    people = [m for m, k in topics if k == "person"]
    films = [m for m, k in topics if k == "film"]
    if films and not people:
        return await _from_film(ctx, films)
    if people:
        return await _from_people(ctx, people)
    return await _from_values(ctx, [(m, k) for m, k in topics])


async def _from_film(ctx: _Context, mentions: list[Mention]) -> Answer | None:
    films = await ctx.films()
    if not films:
        return None
    occurrences = ctx.occurrences()
    roles = [r for _, r in occurrences if r.role is not None]
    if roles and _SAME.search(ctx.key_outside()):
        role = roles[0]
        ids = [f.id for f in films]
        people = await _people_of(ctx, ids, role.role or "cast")
        others = [
            f for f in await _films_of(ctx, [p for p, _ in people], role.role) if f.id not in ids
        ]
        names = join_names([n for _, n in people], 10)
        text = (
            f"{join_names([f.label for f in films])}: {role.phrase} {names}, "
            f"who are also credited on {_film_list(others)}."
            if others
            else f"No other film in the catalog shares the {role.name} of "
            f"{join_names([f.label for f in films])}."
        )
        return Answer(
            ctx.question, list(dict.fromkeys(f.title for f in others)), text, films=others
        )
    return await _film_relation(ctx)


async def _from_people(ctx: _Context, mentions: list[Mention]) -> Answer | None:
    occurrences = ctx.occurrences()
    ids = list(dict.fromkeys(h.ref for m in mentions for h in m.of_kind("person")))
    first = mentions[0]
    role_occ = [(pos, r) for pos, r in occurrences if r.role is not None]
    bind: tuple[int, Relation] | None = None
    # "X's films", "films X worked on": X's own role is open, role words name the answer.
    owner = _possessive(ctx, first) or _WORKED_WITH.search(ctx.key) is not None
    costars = _COSTARS.search(ctx.key) is not None
    if costars:  # the people who share the cast of X's films
        bind = (first.start, RELATION_BY_NAME["cast"])
    elif role_occ and not owner:
        by = first.start > 0 and ctx.tokens[first.start - 1] == "by"
        before = [item for item in role_occ if item[0] < first.start]
        pool = before if by and before else role_occ
        bind = min(pool, key=lambda item: _distance(item[0], first))
    targets = [(pos, r) for pos, r in occurrences if bind is None or (pos, r) != bind]
    targets = [t for t in targets if bind is None or t[1].name != bind[1].name]
    role = bind[1].role if bind else None
    names = [n for n in [await _person_name(ctx, pid) for pid in ids] if n]
    per_person = [await _films_of(ctx, [pid], role) for pid in ids]
    if len(ids) > 1 and len(mentions) > 1:
        common = set.intersection(*({f.id for f in films} for films in per_person))
        films = [f for f in per_person[0] if f.id in common]
    else:
        films = [f for group in per_person for f in group]
        films = list({f.id: f for f in films}.values())
    year = ctx.year()
    if year is not None and not any(str(year) in n for n in names):
        films = [f for f in films if f.year == year] or films
    verb = _PERSON_VERBS.get(role or "", "is credited on")
    who = join_names(names)
    if not films:
        together = " together" if len(ids) > 1 else ""
        text = f"The catalog has no films where {who} {'are' if len(ids) > 1 else 'is'} "
        text += f"credited{together}" + (f" as {role}." if role else ".")
        return Answer(ctx.question, [], text, people=ids)
    asks_people = _ASKS_PEOPLE.search(ctx.key) is not None
    target = targets[0][1] if targets else None
    if costars:
        target = bind[1] if bind else None
    if target is None and asks_people and bind is not None and _TOGETHER.search(ctx.key):
        target = bind[1]
    if target is None:
        text = f"{who} {verb} {_film_list(films)}." + _claims_note(films)
        if len(ids) > 1 and len(mentions) > 1:
            text = f"{who} are credited together on {_film_list(films)}." + _claims_note(films)
        return Answer(
            ctx.question, list(dict.fromkeys(f.title for f in films)), text, films=films, people=ids
        )
    intro = f"Films {who} {verb if len(ids) == 1 else 'share'}: {_film_list(films, 8)}."
    if target.role is not None:
        found = [
            (pid, name)
            for pid, name in await _people_of(ctx, [f.id for f in films], target.role)
            if pid not in ids
        ]
        answers = [name for _, name in found]
        text = (
            f"{intro} {target.phrase.capitalize()} {join_names(answers, 20)}."
            if answers
            else f"The catalog names no {target.name} for the films of {who}."
        )
    else:
        answers = await _values_of(ctx, films, target)
        text = (
            f"{intro} {_heading(target.name, len(answers))}: {join_names(answers, 20)}."
            if answers
            else f"The catalog has no {target.name} for the films of {who}."
        )
    return Answer(ctx.question, answers, text + _claims_note(films), films=films, people=ids)


def _possessive(ctx: _Context, mention: Mention) -> bool:
    """Whether a name was typed with an 's before films ("Nora Ephron's films")."""
    typed = " ".join(ctx.tokens[mention.start : mention.end])
    after = ctx.tokens[mention.end] if mention.end < len(ctx.tokens) else ""
    return typed == mention.norm + "s" and after in ("films", "movies", "film", "movie")


async def _person_name(ctx: _Context, pid: int) -> str | None:
    person = await ctx.catalog.person(pid)
    return person.name if person else None


async def _from_values(ctx: _Context, topics: list[tuple[Mention, str]]) -> Answer | None:
    films: list[FilmSummary] | None = None
    named: list[str] = []
    for mention, kind in topics:
        found = await ctx.catalog.films_with_value(kind, mention.norm)
        named.append(mention.hits[0].display)
        ids = {f.id for f in found}
        films = found if films is None else [f for f in films if f.id in ids]
    if films is None:
        return None
    year = ctx.year()
    if year is not None:
        films = [f for f in films if f.year == year]
    what = " and ".join(named) + (f" from {year}" if year else "")
    if not films:
        return Answer(ctx.question, [], f"The catalog has no films for {what}.")
    text = f"Films for {what}: {_film_list(films, 30)}." + _claims_note(films)
    return Answer(ctx.question, list(dict.fromkeys(f.title for f in films)), text, films=films)


_HOW_MANY = re.compile(r"^(?:how many|the number of|number of|count(?: the)?)\b")
_YES_NO = re.compile(r"^(?:did|does|do|is|was|were|are|has|have|had)\b")


async def _count(ctx: _Context) -> Answer | None:
    """``how many films did Kubrick direct``: the chain's films, counted."""
    if not _HOW_MANY.search(ctx.key):
        return None
    reply = await _chain(ctx)
    if reply is None or reply.kind != "answer":
        return reply
    counted = list(dict.fromkeys(reply.answers)) if not reply.films else reply.films
    number = len(counted)
    return Answer(
        ctx.question,
        [str(number)],
        f"{number}. {reply.text}",
        films=reply.films,
        people=reply.people,
    )


async def _yes_no(ctx: _Context) -> Answer | None:
    """``did James Cameron write Titanic?``: checks a credit, and says what is true instead."""
    if not _YES_NO.search(ctx.key):
        return None
    people = [m for m in ctx.mentions if _topic_kind(ctx, m) == "person"]
    film_mentions = [m for m in ctx.mentions if m.has("film") and m not in people]
    if not people or not film_mentions:
        return None
    relation = next((r for _, r in ctx.occurrences() if r.role is not None), None)
    role = relation.role if relation else None
    person_ids = {h.ref for m in people for h in m.of_kind("person")}
    film_ids = list(dict.fromkeys(h.ref for m in film_mentions for h in m.of_kind("film")))
    lines: list[str] = []
    yes = False
    for fid in film_ids:
        record = await ctx.catalog.film(fid)
        if record is None:
            continue
        credits = [c for c in record.credits if role is None or c.role == role]
        match = [c for c in credits if c.person_id in person_ids]
        what = "stars" if role == "cast" else f"is {relation.phrase}" if relation else "credits"
        if match:
            yes = True
            lines.append(with_status(record, f"Yes: {record.label} {what} {match[0].person}."))
        else:
            others = join_names([c.person for c in credits][:6]) or "nobody in the catalog"
            lines.append(with_status(record, f"No: {record.label} {what} {others}."))
    if not lines:
        return None
    return Answer(ctx.question, ["yes" if yes else "no"], " ".join(lines))


_STATUS_WORDS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (_rx(r"unconfirmed|rumou?red|fake|unofficial"), ("unconfirmed", "rumored")),
    (_rx(r"announced|planned"), ("announced",)),
    (_rx(r"in production|being made|filming"), ("in-production",)),
    (
        _rx(r"unreleased|not (?:yet |been )*(?:released|out)|upcoming|coming soon|future"),
        ("announced", "in-production", "rumored", "unconfirmed"),
    ),
)


async def _status_films(ctx: _Context) -> Answer | None:
    """``which films are unconfirmed``, ``list unreleased films``: films by their status."""
    if any(m.has("film", "person") for m in ctx.mentions) or not _ASKS_FILMS.search(ctx.key):
        return None
    statuses = next((found for pattern, found in _STATUS_WORDS if pattern.search(ctx.key)), None)
    if statuses is None:
        return None
    films = await ctx.catalog.films_with_status(statuses)
    shown = (
        "not released yet"
        if len(statuses) > 2
        else " or ".join(dict.fromkeys(STATUS_NAMES[s] for s in statuses))
    )
    if not films:
        return Answer(ctx.question, [], f"The catalog has no {shown} films.")
    text = f"Films that are {shown}: {_film_list(films, 30)}. Their credits are claims."
    return Answer(ctx.question, [f.title for f in films], text, films=films)


STATUS_NAMES = {
    "announced": "announced",
    "in-production": "in production",
    "rumored": "rumored",
    "unconfirmed": "unconfirmed",
}

HANDLERS: tuple[Handler, ...] = (
    _yes_no,
    _count,
    _status_films,
    _who_plays,
    _role_of_person,
    _chain,
)
