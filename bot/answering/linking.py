"""Finding what a question mentions: films, people, characters and values, by name."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain

from bot.answering.lexicon import (
    NUMBER_WRITINGS,
    SEQUEL_NUMBERS,
    SEQUEL_PARTS,
    WORDS_SAID_SHORT,
    phrase_positions,
)
from bot.store.catalog import Catalog, NameHit
from bot.store.indexes import ARTICLES

MAX_NGRAM = 12  # the longest span a misspelt name is looked for in
# The longest span a name is looked up in: titles run longer than misspellings are sought
# in ("Went to Coney Island on a Mission from God... Be Back by Five": 13 words).
LONGEST_NAME = 16
PLURAL_KINDS = frozenset({"genre", "tag"})  # found in the plural too ("westerns")
POSSESSIVE_KINDS = frozenset({"film", "person"})  # found with 's ("Heat's director")
_UNITS = [word for _, _, word in NUMBER_WRITINGS[:9]]
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
# 20 to 99 in words ("thirty nine") and in figures, written in titles either way
_OVER_20 = {
    " ".join(said): str(tens * 10 + unit)
    for tens, ten in enumerate(_TENS, 2)
    for unit, said in enumerate([(ten,), *((ten, u) for u in _UNITS)])
}
_SAID_OVER_20 = re.compile(r"\b(?:" + "|".join(sorted(_OVER_20, key=len, reverse=True)) + r")\b")
# A number typed in a title, and the ways a title may write it: in figures, in roman
# numerals (None from 21 on: titles seldom write them so) and in words. "i", "v" and "x"
# alone are as often a word or a letter ("malcolm x"); a sequel's "v" is read where
# sequels are.
NUMBER_FORMS: dict[str, tuple[str, str | None, str]] = {
    form: writings
    for writings in NUMBER_WRITINGS
    for form in writings
    if form not in ("i", "v", "x")
}
NUMBER_FORMS.update(
    (form, (figure, None, said))
    for said, figure in _OVER_20.items()
    if said not in NUMBER_FORMS
    for form in (figure, said.partition(" ")[0])
    if form not in NUMBER_FORMS
)

# Words that make up questions; alone they are never taken as a name (a film called "It"
# or "Up" is still found when the question leaves no other candidate).
# Words of a sentence said to someone, never of a name looked up: shortened question
# words and the people talking ("whos jimmy piersall", "whats ur favourite film")
TALK = frozenset(
    "whats wats whos hows wheres whens whys ur your yours u my mine we our us im youre pls "
    "please".split()
)
# Possessives of pronouns, not of a name that ends in "s" would be typed without its "'".
POSSESSIVE_PRONOUNS = frozenset("its his hers ours yours theirs".split())
SCAFFOLD = frozenset(
    """
    a about act acted author creator describe good popular acting actor actors actress all an
    and any appear appeared appears are
    as at be by can cast character come came composed composer could did direct directed
    director directors do does film films flick flicks for from genre genres give had has have
    how i in is it its kind know language languages lead leading leads list made main make me
    movie movies music name names
    of on or people person persons play played plays released role score show star starred
    starring stars tell
    that the their them there they this those to type was were what when where which who
    whom whose why win wins with won write writer writers written wrote year years you
    """.split()
)


@dataclass
class Mention:
    """A span of the question's tokens that names something in the catalog."""

    start: int
    end: int
    norm: str
    hits: list[NameHit] = field(default_factory=list)

    @property
    def size(self) -> int:
        return self.end - self.start

    @property
    def positions(self) -> range:
        return range(self.start, self.end)

    def of_kind(self, *kinds: str) -> list[NameHit]:
        return [h for h in self.hits if h.kind in kinds]

    def has(self, *kinds: str) -> bool:
        return any(h.kind in kinds for h in self.hits)

    def bare(self) -> bool:
        """Whether every name found is a title typed without its article."""
        return all(h.norm != self.norm for h in self.hits)

    def bare_film(self) -> bool:
        """Whether the films found are titles typed without their article ("matrix")."""
        return any(h.kind == "film" and h.norm != self.norm for h in self.hits)


_Forms = dict[str, list[tuple[str, "frozenset[str] | None"]]]


def spans_and_forms(tokens: list[str]) -> tuple[dict[str, list[tuple[int, int]]], _Forms]:
    """Every run of up to :data:`LONGEST_NAME` words, with where it is typed; and the other
    forms a run may stand for, each with the runs and the kinds of names it may be then
    (``None``: any kind).

    A run whose last word is plural may be a genre or tag in the singular ("romantic
    comedies"), and one ending in "s" a film or person with a possessive ("heat's" is
    "heats" here). Question words alone ("plays", "whats") have no other forms. A run
    holding a word said short ("coen bros") may be a name with the word in full.
    """
    spans: dict[str, list[tuple[int, int]]] = {}
    forms: _Forms = {}
    count = len(tokens)
    singles = [_singular_word(token) for token in tokens]
    for start in range(count):
        key = ""
        for end in range(start, min(count, start + LONGEST_NAME)):
            last = tokens[end]
            key = f"{key} {last}" if key else last
            places = spans.get(key)
            if places is not None:
                places.append((start, end + 1))
                continue
            spans[key] = [(start, end + 1)]
            if not last.endswith("s") or (end == start and (last in SCAFFOLD or last in TALK)):
                continue
            one = singles[end]
            if one is not None:
                forms.setdefault(key[: len(key) - len(last)] + one, []).append((key, PLURAL_KINDS))
            # "heat's" → "heats"; a short last word only after others ("junkie xl's"); never
            # a pronoun's ("what is its …" is no possessive of a title "What Is It")
            if len(last) > (2 if end > start else 3) and last not in POSSESSIVE_PRONOUNS:
                forms.setdefault(key[:-1], []).append((key, POSSESSIVE_KINDS))
    if not WORDS_SAID_SHORT.keys().isdisjoint(tokens):
        _add_words_in_full(tokens, forms)
    return spans, forms


def _add_words_in_full(tokens: list[str], forms: _Forms) -> None:
    """To ``forms``, each run of words holding a word said short with its words in full
    ("coen bros": "coen brothers"), as a name of any kind; only with a word of the name's
    own beside it ("bros" or "the bros" may be a title the catalog lacks)."""
    full = [WORDS_SAID_SHORT.get(token, token) for token in tokens]
    own = [token not in SCAFFOLD and token not in WORDS_SAID_SHORT for token in tokens]
    for start in range(len(tokens)):
        for end in range(start + 2, min(len(tokens), start + LONGEST_NAME) + 1):
            if full[start:end] != tokens[start:end] and any(own[start:end]):
                forms.setdefault(" ".join(full[start:end]), []).append(
                    (" ".join(tokens[start:end]), None)
                )


def _own_words(mention: Mention, tokens: list[str]) -> int:
    return sum(t not in SCAFFOLD for t in tokens[mention.start : mention.end])


def _may_be_bare_title(key: str) -> bool:
    """Whether a span may be a title without its article: not an article or question word
    alone, and not begun by an article (the title as typed is looked up as it is)."""
    head = key.partition(" ")[0]
    return key not in SCAFFOLD and head not in ARTICLES


def _in_phrase(mention: Mention, tokens: list[str], phrases: set[int]) -> bool:
    """Whether a mention is only titles without their article, made of words of the
    question's relation phrases (and question words): those words are the relation's."""
    if not mention.bare_film() or not mention.bare():
        return False
    own = [i for i in mention.positions if tokens[i] not in SCAFFOLD]
    return bool(own) and phrases.issuperset(own)


@lru_cache(maxsize=4096)
def _singular_word(word: str) -> str | None:
    """``comedies`` → ``comedy``: the word made singular, if plural."""
    if len(word) < 4 or not word.endswith("s") or word.endswith(("ss", "us", "is")):
        return None
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses")):
        return word[:-2]
    return word[:-1]


async def find_mentions(tokens: list[str], catalog: Catalog) -> list[Mention]:
    """Non-overlapping mentions, longest first; common question words are not names.

    Genres and tags are also found in the plural ("westerns", "romantic comedies"), films
    and people with a possessive ("Heat's director", "Michael Mann's films").
    """
    spans, forms = spans_and_forms(tokens)
    hits = await catalog.lookup_names([*spans, *forms])
    by_norm: dict[str, list[NameHit]] = {}
    for hit in hits:
        by_norm.setdefault(hit.norm, []).append(hit)
    # A title typed without its article ("dark knight", "godfather's director"), unless a
    # film has that title as it is: read as the film beside whatever else the words name.
    titled = {hit.norm for hit in hits if hit.kind == "film"}
    bare_hits = await catalog.titled_without_article(
        chain(spans, forms), lambda key: key not in titled and _may_be_bare_title(key)
    )
    for hit in bare_hits:
        by_norm.setdefault(hit.norm.partition(" ")[2], []).append(hit)
    candidates = [
        Mention(start, end, key, by_norm[key])
        for key in by_norm
        if key in spans
        for start, end in spans[key]
    ]
    for form, typed in forms.items():
        allowed: dict[str, set[str] | None] = {}
        for key, kinds in typed:
            if kinds is None:
                allowed[key] = None
            elif (held := allowed.setdefault(key, set())) is not None:
                held.update(kinds)
        for key, kinds in allowed.items():
            found = [h for h in by_norm.get(form, []) if kinds is None or h.kind in kinds]
            if found and key not in by_norm:
                candidates += [Mention(start, end, form, found) for start, end in spans[key]]
    if not NUMBER_FORMS.keys().isdisjoint(tokens):
        candidates += await _numbers_written_otherwise(tokens, spans, candidates, catalog)
    # Longest first; between equally long overlapping names, the one with more words of
    # its own ("who stars in time changer": "Time Changer", not "In Time").
    # A name as it is comes before a title without its article just as long.
    candidates.sort(key=lambda m: (-m.size, -_own_words(m, tokens), m.bare(), m.start))
    chosen = _chosen(candidates)
    if any(m.bare() for m in chosen):  # "which words describe …": not The Words
        phrases = phrase_positions(" ".join(tokens))
        kept = [m for m in candidates if not _in_phrase(m, tokens, phrases)]
        if len(kept) < len(candidates):
            chosen = _chosen(kept)
    return sorted(chosen, key=lambda m: m.start)


async def _numbers_written_otherwise(
    tokens: list[str],
    spans: dict[str, list[tuple[int, int]]],
    candidates: list[Mention],
    catalog: Catalog,
) -> list[Mention]:
    """Titles found with a number written another way than typed ("oceans 12" for Ocean's
    Twelve, "twelve angry men" for 12 Angry Men, "7 samurai" for Seven Samurai), looked for
    only where a number typed is in no name of more than one word found as typed."""
    named = {i for m in candidates if m.size > 1 for i in m.positions}
    # a sequel's number after a title ("godfather part two") is read where sequels are
    after = {m.end for m in candidates if m.has("film")}
    after |= {i + 1 for i in after if i < len(tokens) and tokens[i] in SEQUEL_PARTS}
    loose = {
        i
        for i, token in enumerate(tokens)
        if token in NUMBER_FORMS and i not in named and not (i in after and token in SEQUEL_NUMBERS)
    }
    if not loose:
        return []
    written: dict[str, list[str]] = {}  # a title's way of writing it → the spans typed
    for key, places in spans.items():
        words = key.split()
        if len(words) < 2 or all(w in NUMBER_FORMS or w in SCAFFOLD for w in words):
            continue
        if not any(loose.intersection(range(start, end)) for start, end in places):
            continue
        for way in range(3):
            other = _written(key, way)
            if other is not None and other != key:
                written.setdefault(other, []).append(key)
    if not written:
        return []
    hits = await catalog.lookup_names(list(written))
    by_norm: dict[str, list[NameHit]] = {}
    for hit in hits:
        if hit.kind == "film":
            by_norm.setdefault(hit.norm, []).append(hit)
    titled = set(by_norm)
    for hit in await catalog.titled_without_article(
        written, lambda key: key not in titled and _may_be_bare_title(key)
    ):
        by_norm.setdefault(hit.norm.partition(" ")[2], []).append(hit)
    return [
        Mention(start, end, other, found)
        for other, found in by_norm.items()
        for key in written[other]
        for start, end in spans[key]
    ]


def _written(key: str, way: int) -> str | None:
    """Words with each number in them written one way: 0 in figures ("thirty nine steps":
    "39 steps"), 1 in roman numerals, 2 in words; None where a number has no such way."""
    if way != 2:
        key = _SAID_OVER_20.sub(lambda said: _OVER_20[said.group()], key)
    written: list[str] = []
    for word in key.split():
        form = NUMBER_FORMS[word][way] if word in NUMBER_FORMS else word
        if form is None:
            return None
        written.append(form)
    return " ".join(written)


def _chosen(candidates: list[Mention]) -> list[Mention]:
    """Of mentions in the order they are preferred, those that overlap none before them;
    a lone question word only when nothing else is named, and then a film's."""
    taken: set[int] = set()
    chosen: list[Mention] = []
    weak: list[Mention] = []
    for mention in candidates:
        positions = set(range(mention.start, mention.end))
        if positions & taken:
            continue
        if mention.size == 1 and mention.norm in SCAFFOLD:
            weak.append(mention)
            continue
        taken |= positions
        chosen.append(mention)
    if not chosen:
        for mention in weak:
            if mention.has("film") and not set(range(mention.start, mention.end)) & taken:
                chosen.append(mention)
                break
    return chosen
