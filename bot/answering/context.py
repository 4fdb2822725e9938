"""What every kind of question sees: the question, the names it mentions, the catalog, the
clock and the dice."""

from __future__ import annotations

import random
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import date

from bot.answering.lexicon import ASKS_FILMS, OPENINGS, RELATION_BY_NAME, RELATIONS, Relation
from bot.answering.linking import Mention
from bot.answering.reply import Answer
from bot.store.catalog import Catalog, FilmSummary

_YEAR = re.compile(r"\b(18[7-9]\d|19\d\d|20\d\d|2100)\b")
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


@dataclass
class Context:
    """One question as the kinds see it.

    ``key`` is the question in normal form and ``tokens`` its words; ``mentions`` are the
    catalog names found in it. ``today`` and ``rng`` are the clock and the randomness a
    reply may use ("how old is …", "a random film"), injectable so tests are stable.
    """

    question: str
    key: str
    tokens: list[str]
    mentions: list[Mention]
    catalog: Catalog
    today: date = field(default_factory=date.today)
    rng: random.Random = field(default_factory=random.Random)
    # What the kinds ask of the question again and again, worked out once (a context's
    # question and mentions never change: a changed question is a new context).
    _outside: str | None = field(default=None, init=False, repr=False, compare=False)
    _occurrences: list[tuple[int, Relation]] | None = field(
        default=None, init=False, repr=False, compare=False
    )
    _relation: tuple[Relation | None] | None = field(
        default=None, init=False, repr=False, compare=False
    )
    _topics: list[tuple[Mention, str]] | None = field(
        default=None, init=False, repr=False, compare=False
    )
    _named: frozenset[int] | None = field(default=None, init=False, repr=False, compare=False)

    def named(self) -> frozenset[int]:
        """The positions of the question's words that a mentioned name covers."""
        if self._named is None:
            self._named = frozenset(i for m in self.mentions for i in m.positions)
        return self._named

    def relation(self) -> Relation | None:
        """The relation a question's opening settles, else the first relation whose keywords
        appear outside the mentioned names."""
        if self._relation is None:
            self._relation = (self._first_relation(),)
        return self._relation[0]

    def _first_relation(self) -> Relation | None:
        text = self.key_outside()
        for opening, relation in OPENINGS:
            if opening.search(text):
                return relation
        for relation in RELATIONS:
            if relation.pattern.search(text):
                return relation
        return None

    def occurrences(self) -> list[tuple[int, Relation]]:
        """Every relation keyword outside the mentioned names, with its token position.

        A word belongs to one relation phrase: the more specific relation, earlier in
        :data:`RELATIONS`, keeps it ("wrote the story": a writer, not a synopsis).
        """
        if self._occurrences is None:
            text = self.key_outside()
            found: list[tuple[int, Relation]] = []
            claimed: set[int] = set()
            for relation in RELATIONS:
                for match in relation.pattern.finditer(text):
                    span = range(match.start(), match.end())
                    if not claimed.isdisjoint(span):
                        continue
                    claimed.update(span)
                    found.append((text.count(" ", 0, match.start()), relation))
            self._occurrences = sorted(found, key=lambda item: item[0])
        return list(self._occurrences)

    def key_outside(self) -> str:
        """The question with every mentioned name blanked out."""
        if self._outside is None:
            words = list(self.tokens)
            for mention in self.mentions:
                for at in range(mention.start, min(mention.end, len(words))):
                    words[at] = "_"
            self._outside = " ".join(words)
        return self._outside

    def year(self) -> int | None:
        """A year typed in the question outside the names ("heat 1995")."""
        match = _YEAR.search(self.key_outside())
        return int(match.group(1)) if match else None

    def _short_year(self) -> int | None:
        """A year typed in two figures just after a title ("heat 86", "heat '95")."""
        for mention in self.mentions:
            if mention.has("film") and mention.end < len(self.tokens):
                typed = self.tokens[mention.end].lstrip("'")
                if len(typed) == 2 and typed.isdigit():
                    return int(typed)
        return None

    async def films(self) -> list[FilmSummary]:
        """Films named by the film mentions, narrowed by a year in the question if any."""
        ids = [h.ref for m in self.mentions for h in m.of_kind("film")]
        films = await self.catalog.summaries(ids)
        year = self.year()
        if year is not None:
            films = [f for f in films if f.year == year] or films
        elif (short := self._short_year()) is not None:  # "heat 86": the Heat of 1986
            films = [f for f in films if f.year is not None and f.year % 100 == short] or films
        # of mentions that overlap, the longest wins: "Alita: Battle Angel 2" over "Alita";
        # films named apart ("psycho and the birds") are all kept
        named = [m for m in self.mentions if m.has("film")]
        keep = {
            h.ref
            for m in named
            if not any(n.size > m.size and n.start < m.end and m.start < n.end for n in named)
            for h in m.of_kind("film")
        }
        films = [f for f in films if f.id in keep] or films
        # Titles that differ only in punctuation ("Tarzan the Ape Man", "Tarzan, the Ape
        # Man") share a normal form: the one typed exactly as it is written comes first.
        typed = self.question.casefold()
        return sorted(
            films, key=lambda f: (f.title.casefold() not in typed, f.year is None, f.year or 0)
        )

    def person_ids(self) -> list[int]:
        """The people the question names, in order, each once."""
        return list(dict.fromkeys(h.ref for m in self.mentions for h in m.of_kind("person")))

    def characters(self) -> list[Mention]:
        """The mentions that name a character."""
        return [m for m in self.mentions if m.has("character")]

    def topic_kind(self, mention: Mention) -> str | None:
        """Whether a mention names a film, a person or a value here, from the words around it."""
        kinds = {h.kind for h in mention.hits}
        has_film, has_person = "film" in kinds, "person" in kinds
        if "tag" in kinds and ASKS_FILMS.search(self.key):
            outside = self.key_outside()
            if _ABOUT.search(outside) or RELATION_BY_NAME["tag"].pattern.search(outside):
                return "tag"
        if "genre" in kinds and (
            self.tokens[mention.end : mention.end + 1] in (["films"], ["movies"], ["flicks"])
            or not any(h.kind == "film" and h.norm == mention.norm for h in mention.hits)
            or " ".join(self.tokens[mention.start : mention.end]) != mention.norm
        ):  # "random comedy", "war films", "westerns": the genre, not The Comedy, War (2007)
            # nor Western (1997)
            return "genre"
        if has_film and has_person:
            before = self.tokens[mention.start - 1] if mention.start > 0 else ""
            after = " ".join(self.tokens[mention.end : mention.end + 2])
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

    def topics(self) -> list[tuple[Mention, str]]:
        """Each mention with what it names here, leaving out those that name nothing."""
        if self._topics is None:
            found = [(m, self.topic_kind(m)) for m in self.mentions]
            self._topics = [(m, k) for m, k in found if k is not None]
        return list(self._topics)


Kind = Callable[[Context], Awaitable[Answer | None]]
