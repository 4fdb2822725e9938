"""The in-memory name indexes of one catalog, and how a reload changes them.

A fresh catalog builds them from the store once. After an in-place reload the new catalog
derives them from the catalog it replaces and the reload's list of names added and
removed (the store's ``name_changes`` log), instead of reading every name again: each
index is copied (pointer arrays, copied in C) and only the changed entries are touched,
and a list the changes leave as it was is shared rather than copied (no index is changed
in place). The previous catalog keeps its own indexes unchanged until it is retired.
"""

from __future__ import annotations

import bisect
import heapq
import math
from array import array
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, MutableSequence, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import cache
from itertools import accumulate, chain, compress, count, filterfalse, islice, repeat
from operator import eq, gt, is_not, itemgetter
from typing import Any, Generic, NamedTuple, TypeVar

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

# Reloads whose name changes stay in the store's log, for catalogs still open to catch up.
NAME_CHANGES_KEPT = 32
SLIP_LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789 "  # what normalised names are made of
BEGUN_LETTERS = 3  # letters after a start that begins many titles, kept as they begin them
_Film = TypeVar("_Film")
WIDE_PREFIX = 256  # titles beginning with a typed text, past which it is looked up by length
# Up to this many names added or removed by a reload, each is put in or taken out of the
# index's lists where it stands; past it, the lists are rebuilt in one pass.
FEW_EDITS = 32
# Entries between the first and last a reload changes, up to which a list is checked for
# being left as it was (and then shared, not copied)
UNCHANGED_SPAN_MOST = 4096
# Names changed by reloads that an index keeps beside the displays it shares, before it
# folds them into a copy of its own.
EDITED_NAMES_MOST = 50_000
_UNEDITED = object()
# Buckets of more names than this have columns: the names with each letter at each place.
COLUMNS_PAST = 512
# Names a first piece of a typed text may begin (``_may_be_within``) before a longer one is
# taken, and the fewest letters left to each other piece.
BEGUN_MOST = 1000
PIECE_LEAST = 3
LETTERS_COUNTED_MOST = 255  # names this long at most have their letters counted (in bytes)
_ROW_END = "\n"  # between the names in a letter's text (no normalised name has it)
RANK_GAP = 1 << 20  # between the ranks of films next in order, for a reload's films to go in
RANKED_AGAIN_PAST = 64  # a reload changing more than this fraction of films ranks all again
# Leading words a title is also found without, as people type "matrix" for "The Matrix":
# the English articles, and those that begin the catalog's French, Spanish, Italian and
# German titles. "die", "los" and "i" are not: they begin English titles as words of their
# own ("Die Hard", "Los Angeles Plays Itself", "I Am Legend").
ARTICLES = ("the", "a", "an", "le", "la", "les", "el", "il", "der", "das")
ARTICLE_REST_MIN = 2  # letters left after the article for the title to be kept without it
FILM_BITS = (1 << 32) - 1  # a credit as one number: person id << 32 | film id
# Films whose credits reloads have kept beside a catalog's credit index, past which the
# next catalog reads its credit index afresh from the store (in the background), rather
# than keeping ever more of them aside until a restart
CREDITS_TOUCHED_MOST = 20_000
# Items a call in C goes through at most while an index is built (credits split into
# person and film, titles, keys, rows freed): such a call holds the GIL throughout, and
# the event loop waits for it
SLICE_ITEMS = 16_384


def without_article(name: str) -> str | None:
    """A normalised title without its leading article (``"the matrix"`` → ``"matrix"``), or
    None when it has none. The store's query for the title index drops the same words
    (``catalog._TITLE_INDEX_QUERY``)."""
    head, _, rest = name.partition(" ")
    return rest if head in ARTICLES and len(rest) >= ARTICLE_REST_MIN else None


def title_grams(name: str) -> set[str]:
    """The letter triples of a normalised name, as the store's trigram index splits it."""
    return {name[i : i + 3] for i in range(len(name) - 2)}


def _begins_with_article(text: str) -> bool:
    """Whether ``text`` begins with an article and its space ("the k", "a "), so that every
    title beginning with ``text`` begins with that article."""
    head, space, _ = text.partition(" ")
    return bool(space) and head in ARTICLES


def _begins_an_article(text: str) -> bool:
    """Whether ``text`` begins an article and its space ("th" of "the "), so that titles
    beginning with ``text`` may begin with an article (those of "bad" cannot)."""
    return any(map(str.startswith, _article_starts(""), repeat(text)))


@cache
def _article_starts(first: str) -> str | tuple[str, ...]:
    """The articles, with their space ("the "), that begin with ``first``: one as a string
    ("the " for "t"), more as a tuple; all of them for ``""``."""
    starts = tuple(f"{article} " for article in ARTICLES if article.startswith(first))
    return starts[0] if len(starts) == 1 else starts


def without_articles(
    names: list[str], refs: Sequence[int], first: str = "", *, ordered: bool = False
) -> tuple[list[str], list[int]]:
    """The titles of ``names`` (of the films ``refs``) that begin with an article, without
    it, as ``without_article`` has them, and their films: worked out a list at a time, in
    C calls, for the many titles a misspelt text is compared with. ``first``: the letter
    all of them begin with, for only the articles that begin with it to be looked for.
    ``ordered``: ``names`` are sorted, so those beginning with an article are a run of
    them, found by bisection rather than by looking at each."""
    starts = _article_starts(first)
    if not starts:
        return [], []
    if ordered:
        rests, films = _after_articles_in_order(names, refs, starts)
    else:
        rests, films = _after_articles(names, refs, starts)
    if not rests or min(map(len, rests)) >= ARTICLE_REST_MIN:
        return rests, films
    kept = list(map(ARTICLE_REST_MIN.__le__, map(len, rests)))
    return list(compress(rests, kept)), list(compress(films, kept))


def _after_articles(
    names: list[str], refs: Sequence[int], starts: str | tuple[str, ...]
) -> tuple[list[str], list[int]]:
    """What follows the article of each of ``names`` that begins with one of ``starts``
    (articles with their space), and its film."""
    marked = list(map(str.startswith, names, repeat(starts)))
    if not any(marked):
        return [], []
    with_article = list(compress(names, marked))
    if isinstance(starts, str):  # one article: what follows it
        rests = list(map(itemgetter(slice(len(starts), None)), with_article))
    else:
        rests = list(map(itemgetter(2), map(str.partition, with_article, repeat(" "))))
    return rests, list(compress(refs, marked))


def _after_articles_in_order(
    names: list[str], refs: Sequence[int], starts: str | tuple[str, ...]
) -> tuple[list[str], list[int]]:
    """:func:`_after_articles` of sorted ``names``: no article with its space begins
    another, so the runs of the articles, in their order, are the titles in theirs."""
    rests: list[str] = []
    films: list[int] = []
    for start in sorted((starts,) if isinstance(starts, str) else starts):
        lo = bisect.bisect_left(names, start)
        hi = bisect.bisect_left(names, start + "\uffff", lo)
        if lo < hi:
            rests += map(itemgetter(slice(len(start), None)), names[lo:hi])
            films += refs[lo:hi]
    return rests, films


Renown = tuple[int, float, int]
"""``(-votes, -rating, year)`` of a film, 0 when unknown: films sharing a title sort best
known first."""

Standing = tuple[int, int, float, int]
"""A title index entry's rank among those of its text: 1 for a title found without its
article, 0 for one as it is (which comes first), then the film's ``Renown``."""


class NextLetters(NamedTuple):
    """What comes after a start that begins many titles (``TitleIndex._next_letters``)."""

    follows: dict[str, str]  # by the letter that comes second, the letters first before it
    # by the text of one letter, or of ``BEGUN_LETTERS``, that comes next: where the titles
    # that go on with it are, from the start's first title (the same after a reload that
    # leaves the start's titles as they were)
    spans: dict[str, tuple[int, int]]


@dataclass(frozen=True, slots=True)
class NameChange:
    """One row of the store's ``names`` table that a reload added or removed."""

    added: bool
    norm: str
    kind: str
    ref: int
    display: str


class TitleIndex:
    """Every film title and alias by normal form, sorted by ``(norm, film id)``; one that
    begins with an article is there a second time without it (``without_article``), so
    that what people type, "godfather", begins it too.

    A typed prefix is a range of the sorted norms; completions rank shorter titles first,
    then alphabetically, then titles as they are before those without their article, then
    films sharing a title best known first (``Standing``). The
    same titles are also kept in that ranking's order (by length, then as above), where a
    prefix is a range within each length: a short prefix that begins thousands of titles
    finds its best ranked ones without looking at them all.
    """

    __slots__ = (
        "_follows",
        "articled",
        "bare",
        "bare_by_start",
        "by_length",
        "by_length_refs",
        "by_length_renown",
        "norms",
        "refs",
        "renown",
        "twice",
    )

    def __init__(
        self,
        norms: list[str],
        refs: array[int],
        renown: list[Standing],
        by_length: tuple[list[str], array[int], list[Standing]] | None = None,
        bare_by_start: dict[tuple[str, int], list[str]] | None = None,
        articled: list[str | None] | None = None,
        bare: AbstractSet[str] | None = None,
    ) -> None:
        self.norms = norms
        self.refs = refs
        self.renown = renown
        # each title without its article (``without_article``), None for one without any:
        # those a misspelt text is compared with are compared without it too (worked out
        # by ``learn_starts``, after a start, when not derived from a previous index)
        self.articled = articled
        # where a title is the one before it again, of the same film (one as it is and
        # another without its article): shown once (worked out by ``learn_starts``)
        self.twice: array[int] | None = None
        if by_length is None:
            keys = [_length_key(name) for name in norms]
            # Sorted by parts (titles of one length and first letter), each a short sort:
            # one sort of them all would hold the GIL, and stall the event loop, for long.
            parts: dict[str, list[int]] = {}
            for i, key in enumerate(keys):
                parts.setdefault(key[:2], []).append(i)
            order: list[int] = []
            for start in sorted(parts):
                part = parts[start]
                part.sort(key=renown.__getitem__)
                part.sort(key=keys.__getitem__)  # stable: by renown, then film id, in a title
                order += part
            by_length = (
                _gathered(keys.__getitem__, order, []),
                _gathered(refs.__getitem__, order, array("q")),
                _gathered(renown.__getitem__, order, []),
            )
        self.by_length, self.by_length_refs, self.by_length_renown = by_length
        # For a start that begins many titles: the letters that come next in them, by the
        # letter after, and how they go on (see ``_next_letters``). This index never
        # changes, so they stay.
        self._follows: dict[str, NextLetters] = {}
        # The titles without their article, for a question's every span to be looked for,
        # and by first letter and length (in order), for those a slip away from a text
        if bare_by_start is None:
            bare_by_start = {}
            for name in compress(norms, map(itemgetter(0), renown)):
                same = bare_by_start.setdefault((name[:1], len(name)), [])
                if not same or same[-1] != name:
                    same.append(name)
        self.bare_by_start = bare_by_start
        # (``bare``: the same, given by ``changed``, which knows what it changed in them)
        if bare is None:
            bare = set()
            for same in bare_by_start.values():  # a start's titles a call (see SLICE_ITEMS)
                bare.update(same)
        self.bare = bare

    @classmethod
    def of(cls, rows: Iterable[tuple[str, int, int, int, float, int]]) -> TitleIndex:
        """From ``(norm, film id, *standing)`` rows sorted by norm then film id."""
        norms: list[str] = []
        # film ids as numbers in an array, not objects in a list: a reload copies them
        # (as ``changed`` does), in one move of memory rather than a visit to each
        refs = array("q")
        renown: list[Standing] = []
        shared: dict[tuple, Standing] = {}  # one copy of each (many films have the same)
        for norm, ref, *known in rows:
            norms.append(norm)
            refs.append(ref)
            standing = tuple(known)
            renown.append(shared.setdefault(standing, standing))  # type: ignore[arg-type]
        return cls(norms, refs, renown)

    def __len__(self) -> int:
        return len(self.norms)

    def prefixed(self, key: str, count: int) -> list[int]:
        """Up to ``count`` film ids whose title starts with ``key``, best ranked first."""
        norms = self.norms
        lo = bisect.bisect_left(norms, key)
        hi = bisect.bisect_left(norms, key + "\uffff", lo)
        if hi - lo > WIDE_PREFIX:
            return list(dict.fromkeys(self._shortest(key, count * 2)))[:count]
        renown = self.renown

        def rank(i: int) -> tuple[int, str, Standing]:
            return len(norms[i]), norms[i], renown[i]

        best = heapq.nsmallest(count * 2, range(lo, hi), key=rank)
        return list(dict.fromkeys(self.refs[i] for i in best))[:count]

    def _shortest(self, key: str, count: int) -> list[int]:
        """The film ids of the first ``count`` titles starting with ``key``, in rank order:
        the prefix's range within each length, the shortest first."""
        keys = self.by_length
        found: list[int] = []
        longest = ord(keys[-1][0]) if keys else 0
        length = len(key)
        while len(found) < count and length <= longest:
            start = chr(length) + key
            lo = bisect.bisect_left(keys, start)
            hi = bisect.bisect_left(keys, start + "\uffff", lo)
            found += self.by_length_refs[lo : min(hi, lo + count - len(found))]
            length += 1
        return found

    def near(self, key: str, most: int, each: int = 8) -> list[tuple[str, int]]:
        """``(norm, film id)`` of titles that begin like ``key``, give or take one slip
        after its first letter (people seldom slip on the first one).

        Walking along ``key``, once at most ``most`` titles share its start, all of them
        are taken; before that, at each letter, the titles that begin with ``key`` with a
        slip undone there (a letter added, dropped, changed, or two swapped), ``each``
        of each way. A letter is only tried where some title has it next, followed by the
        letter the slip leaves next.
        """
        found, _, lo, hi = self._near(key, most, each)
        return found + list(zip(self.norms[lo:hi], self.refs[lo:hi], strict=True))

    def near_titles(self, key: str, most: int, each: int = 8) -> NearTitles:
        """The titles of :meth:`near`, each once, in its order, as parallel lists (the
        many that share ``key``'s start copied from the index's lists as they are).

        Those without their article are the titles a slip away and the others that begin
        with an article, but not when ``key``'s shared start begins with its own article
        ("the k" of "the kid brothr"): those titles begin with the article typed, so each
        is compared as it is only (without that article it is further from the text but
        by chance), not twice: a text typed with its article was the slowest to complete.
        """
        found, start, lo, hi = self._near(key, most, each)
        slipped = dict.fromkeys(found)
        names, refs = self.norms[lo:hi], self.refs[lo:hi]  # the films as numbers, not objects
        # and each without its article, when worked out (and needed: not when all of them
        # begin with the article typed, nor when none of them can begin with one)
        typed_article = _begins_with_article(start)
        with_articles = not typed_article and _begins_an_article(start)
        articled = self.articled[lo:hi] if with_articles and self.articled is not None else None
        lists = (names, refs) if articled is None else (names, refs, articled)
        # a film's title as it is and another of its titles without its article may be
        # the same (next to each other): once
        for i in reversed(self._again(names, refs, lo, hi)):
            for part in lists:
                del part[i]
        for name, ref in slipped if lo < hi else ():
            if name.startswith(start):  # in the range too: where it was found first only
                at = _position(names, refs, name, ref)
                if at < len(names) and names[at] == name and refs[at] == ref:
                    for part in lists:
                        del part[at]
        slipped_names = list(map(itemgetter(0), slipped))
        slipped_refs = list(map(itemgetter(1), slipped))
        bare_names, bare_refs = without_articles(slipped_names, slipped_refs)
        if articled is not None:
            has = list(map(is_not, articled, repeat(None)))
            bare_names += compress(articled, has)
            bare_refs += compress(refs, has)
        elif with_articles:
            more_names, more_refs = without_articles(names, refs, ordered=True)
            bare_names += more_names
            bare_refs += more_refs
        return NearTitles(
            slipped_names + names,
            array("q", slipped_refs) + refs,
            bare_names,  # type: ignore[arg-type]
            bare_refs,
            slipped,
            self,
            (start, lo, hi),
        )

    def _again(self, names: list[str], refs: list[int], lo: int, hi: int) -> list[int]:
        """Where in ``names`` and ``refs``, the titles ``lo`` to ``hi``, a title is the one
        before it again, of the same film: of ``twice`` when worked out, else compared."""
        if self.twice is not None:
            first = bisect.bisect_left(self.twice, lo + 1)
            return [i - lo for i in self.twice[first : bisect.bisect_left(self.twice, hi, first)]]
        return list(_twice(names, refs))

    def _near(self, key: str, most: int, each: int) -> tuple[list[tuple[str, int]], str, int, int]:
        """:meth:`near`'s titles a slip away, and the start and range (``lo``, ``hi``) of
        those all taken (an empty range when none is)."""
        norms, refs = self.norms, self.refs
        found: list[tuple[str, int]] = []
        lo, hi = 0, len(norms)
        known: NextLetters | None = None
        for at in range(1, len(key) + 1):
            start = key[:at]
            span = known.spans.get(key[at - 1]) if known is not None else None
            if span is not None:  # within the previous start's titles, as learnt
                lo, hi = lo + span[0], lo + span[1]
            else:
                lo = bisect.bisect_left(norms, start, lo, hi)
                hi = bisect.bisect_left(norms, start + "\uffff", lo, hi)
            if hi - lo <= most:
                return found, start, lo, hi
            rest = key[at:]
            known = self._next_letters(start, lo, hi)
            follows, spans = known
            ways = {start + rest[1:], start + rest[1:2] + rest[:1] + rest[2:]}
            ways.update([start + c + rest for c in follows.get(rest[:1], "")])
            ways.update([start + c + rest[1:] for c in follows.get(rest[1:2], "")])
            # Most begin no title: those whose next letters begin none are dropped; the
            # others are looked for among the titles that go on with those letters, a few
            # (a bisection of a wide range is a walk through memory, several times dearer).
            end = at + BEGUN_LETTERS
            for way in sorted(ways):
                if len(way) < end:
                    i, stop = lo, hi
                elif (span := spans.get(way[at:end])) is not None:
                    i, stop = lo + span[0], lo + span[1]
                else:
                    continue
                i = bisect.bisect_left(norms, way, i, stop)
                stop = min(i + each, stop)
                while i < stop and norms[i].startswith(way):
                    found.append((norms[i], refs[i]))
                    i += 1
        return found, key, 0, 0

    def _next_letters(self, start: str, lo: int, hi: int) -> NextLetters:
        """Of the titles ``norms[lo:hi]``, all beginning with ``start``: for each letter
        that comes second after it, the letters (of ``SLIP_LETTERS``) that come first
        before that one (for ``""``, every letter that comes first); and where the titles
        are that go on with each letter, and with each text of ``BEGUN_LETTERS`` letters."""
        known = self._follows.get(start)
        if known is not None:
            return known
        norms, at = self.norms, len(start)
        found: dict[str, set[str]] = {"": set()}
        spans: dict[str, tuple[int, int]] = {}
        i = lo
        while i < hi:
            text = norms[i][at : at + BEGUN_LETTERS]
            pair = text[:2]
            if pair and pair[0] in SLIP_LETTERS:
                found.setdefault(pair[1:], set()).add(pair[:1])
                found[""].add(pair[:1])
            if text and text[:1] not in spans:  # the first title that goes on with this letter
                last = bisect.bisect_left(norms, start + text[:1] + "\uffff", i, hi)
                spans[text[:1]] = (i - lo, last - lo)
            if len(text) < BEGUN_LETTERS:
                i += 1
            else:  # past every title that begins with ``start + text``
                last = bisect.bisect_left(norms, start + text + "\uffff", i, hi)
                spans[text] = (i - lo, last - lo)
                i = last
        follows = {after: "".join(sorted(letters)) for after, letters in found.items()}
        known = self._follows[start] = NextLetters(follows, spans)
        return known

    def learn_starts(self, most: int) -> None:
        """Work out the next letters of every start that begins more than ``most`` titles
        (those ``near`` walks past), so that no look-up pays for one; and each title
        without its article, and where a title is the one before it again."""
        norms = self.norms
        if self.articled is None:
            self.articled = _articled(norms)
        if self.twice is None:
            self.twice = _twice(norms, self.refs)
        todo = [("", 0, len(norms))]
        while todo:
            start, lo, hi = todo.pop()
            at, i = len(start), lo
            while i < hi:
                if len(norms[i]) <= at:
                    i += 1
                    continue
                longer = norms[i][: at + 1]
                end = bisect.bisect_left(norms, longer + "\uffff", i, hi)
                if end - i > most:
                    self._next_letters(longer, i, end)
                    todo.append((longer, i, end))
                i = end

    def first(self, count: int) -> list[int]:
        """The first ``count`` film ids in title order."""
        return list(dict.fromkeys(self.refs[: count * 2]))[:count]

    def changed(self, changes: Sequence[NameChange], renown: dict[int, Renown]) -> TitleIndex:
        """A copy with the film names of ``changes`` applied in order.

        ``renown`` gives that of every film a change adds. The lists are copied once
        however many names change, so a reload of many films does not cost their number
        times the catalog's.
        """
        final: dict[tuple[str, int], tuple[bool, int]] = {}  # (added, 1 if without article)
        for change in changes:
            if change.kind == "film":
                final[(change.norm, change.ref)] = change.added, 0
                bare = without_article(change.norm)
                if bare is not None:
                    final[(bare, change.ref)] = change.added, 1
        norms, refs = self.norms, self.refs
        keys, key_refs, key_known = self.by_length, self.by_length_refs, self.by_length_renown
        gone: list[int] = []
        gone_by_length: list[int] = []
        added: list[tuple[str, int, Standing]] = []
        for (norm, ref), (now, bare) in final.items():  # where each stands in the lists as they are
            at = _position(norms, refs, norm, ref)
            present = at < len(norms) and norms[at] == norm and refs[at] == ref
            if present and not now:
                gone.append(at)
                at = bisect.bisect_left(keys, _length_key(norm))
                while key_refs[at] != ref:
                    at += 1
                gone_by_length.append(at)
            elif now and not present:
                added.append((norm, ref, (bare, *renown.get(ref, (0, 0.0, 0)))))
        added.sort()
        at_sorted = [_position(norms, refs, norm, ref) for norm, ref, _ in added]
        # each title without its article too, once worked out (else by the new index's
        # learn_starts)
        parts = 3 if self.articled is None else 4
        lists = _edited(
            (norms, refs, self.renown, self.articled)[:parts],
            gone,
            at_sorted,
            [(norm, ref, known, without_article(norm))[:parts] for norm, ref, known in added],
        )
        ranked = sorted((_length_key(norm), known, ref) for norm, ref, known in added)
        at_ranked = []
        for key, known, ref in ranked:
            at = bisect.bisect_left(keys, key)
            while (
                at < len(keys) and keys[at] == key and (key_known[at], key_refs[at]) < (known, ref)
            ):
                at += 1
            at_ranked.append(at)
        by_length = _edited(
            (keys, key_refs, key_known),
            gone_by_length,
            at_ranked,
            [(key, ref, known) for key, known, ref in ranked],
        )
        bare_names = {norm for (norm, _), (_, bare) in final.items() if bare}
        bare_by_start, every_bare = self._bare_changed(lists[0], lists[2], bare_names)  # type: ignore[arg-type]
        articled = lists[3] if parts == 4 else None
        index = TitleIndex(*lists[:3], by_length, bare_by_start, articled, every_bare)  # type: ignore[arg-type]
        if len(final) <= FEW_EDITS:  # the next letters of starts no changed title begins
            changed = {norm[:at] for norm, _ in final for at in range(1, len(norm) + 1)}
            kept = self._follows.items()
            index._follows.update((start, f) for start, f in kept if start not in changed)
        return index

    def _bare_changed(
        self, norms: list[str], renown: list[Standing], names: AbstractSet[str]
    ) -> tuple[dict[tuple[str, int], list[str]], AbstractSet[str]]:
        """``bare_by_start`` and ``bare`` where the titles without their article ``names``
        are as the index of ``norms`` and ``renown`` has them (one may stay for another
        film). ``bare`` is this index's own when none comes or goes: an edit of a few films
        does not copy the set of every title."""
        by_start = dict(self.bare_by_start)
        came: set[str] = set()
        went: set[str] = set()
        for name in names:
            at = bisect.bisect_left(norms, name)
            now = False
            while at < len(norms) and norms[at] == name and not now:
                now = bool(renown[at][0])
                at += 1
            start = (name[:1], len(name))
            same = list(by_start.get(start, ()))
            at = bisect.bisect_left(same, name)
            was = at < len(same) and same[at] == name
            if now and not was:
                same.insert(at, name)
                came.add(name)
            elif was and not now:
                del same[at]
                went.add(name)
            if same:
                by_start[start] = same
            else:
                by_start.pop(start, None)
        bare = self.bare.difference(went).union(came) if came or went else self.bare
        return by_start, bare


def _edited(
    lists: tuple[MutableSequence, ...], gone: list[int], at: list[int], rows: list[tuple]
) -> tuple[MutableSequence, ...]:
    """Copies of the parallel ``lists`` (lists or arrays, each copied as what it is)
    without their entries at the indexes ``gone``, and with ``rows`` inserted, each before
    the entry at the index ``at`` gives for it (indexes in the lists as given; ``at``
    ascending, with ``rows`` in their order)."""
    # (index, 0 to insert a row before the entry there or 1 to leave it out, row)
    edits = sorted([(where, 0, i) for i, where in enumerate(at)] + [(g, 1, 0) for g in gone])
    # A list the edits leave as it was is not copied but shared (the lists are never
    # changed in place): a title given a new film id, as an edited film is, keeps its
    # name, and the names' lists stay the same where only the ids' change.
    kept = [_unchanged(values, column, edits, rows) for column, values in enumerate(lists)]
    changing = [column for column, same in enumerate(kept) if not same]
    if len(edits) <= FEW_EDITS:  # each a move of a list's tail, cheaper than a copy
        out = [values if same else values[:] for values, same in zip(lists, kept, strict=True)]
        for where, leave_out, i in reversed(edits):
            for column in changing:
                if leave_out:
                    del out[column][where]
                else:
                    out[column].insert(where, rows[i][column])
        return tuple(out)
    out = [values if same else values[:0] for values, same in zip(lists, kept, strict=True)]
    last = 0
    for where, leave_out, i in edits:
        for column in changing:
            out[column] += lists[column][last:where]
            if not leave_out:
                out[column].append(rows[i][column])
        last = where + leave_out
    for column in changing:
        out[column] += lists[column][last:]
    return tuple(out)


def _unchanged(
    values: Sequence, column: int, edits: list[tuple[int, int, int]], rows: list[tuple]
) -> bool:
    """Whether ``edits`` (as ``_edited`` has them) leave ``values`` as they are, in which
    ``rows`` give the entries put in at ``column``: looked at only where the edits are, when
    that is a short stretch and as many entries go as come."""
    if not edits:
        return True
    lo, hi = edits[0][0], edits[-1][0] + 1
    if hi - lo > UNCHANGED_SPAN_MOST or 2 * sum(e[1] for e in edits) != len(edits):
        return False
    stretch = list(values[lo:hi])
    part = stretch[:]
    for where, leave_out, i in reversed(edits):
        if leave_out:
            del part[where - lo]
        else:
            part.insert(where - lo, rows[i][column])
    return part == stretch


def _length_key(name: str) -> str:
    """A title's place in the by-length order: its length (as one character), then itself."""
    return chr(len(name)) + name


class TitleGrams:
    """Film titles and aliases by their letter triples, as the store's trigram index has
    them, for the titles a misspelt one may mean.

    Each title has a slot (its normal form and film) in the order of its row in the store's
    ``names`` table; for each first letter and triple (``"t" + "eat"``), the slots of the
    titles that begin with that letter and have that triple, ascending. Kept in memory so
    that candidates are counted without a trip to the database, with the store's tie-break
    (the earlier row first), so the same candidates come out; and, since people seldom slip
    on the first letter, among the titles that begin like a misspelt text alone.
    """

    __slots__ = ("firsts", "norms", "postings", "refs", "totals")

    def __init__(
        self,
        postings: dict[str, array],
        norms: list[str],
        refs: array,
        firsts: dict[str, str] | None = None,
        totals: dict[str, int] | None = None,
    ) -> None:
        self.postings = postings
        self.norms = norms
        self.refs = refs
        if firsts is None:
            found: dict[str, list[str]] = {}
            for key in sorted(postings):
                found.setdefault(key[1:], []).append(key[:1])
            firsts = {gram: "".join(letters) for gram, letters in found.items()}
        self.firsts = firsts  # for each triple, the first letters of the titles that have it
        if totals is None:
            totals = {
                gram: sum(len(postings[first + gram]) for first in letters)
                for gram, letters in firsts.items()
            }
        self.totals = totals  # for each triple, how many titles have it

    @classmethod
    def of(cls, rows: Iterable[tuple[str, int]]) -> TitleGrams:
        """From ``(norm, film id)`` of the film names, in the order of their rows."""
        postings: dict[str, list[int]] = {}
        norms: list[str] = []
        refs = array("q")
        for name, ref in rows:
            slot = len(norms)
            norms.append(name)
            refs.append(ref)
            first = name[:1]
            for gram in title_grams(name):
                found = postings.get(first + gram)
                if found is None:
                    postings[first + gram] = [slot]
                else:
                    found.append(slot)
        # each list freed as soon as it is copied, not all of them at once (see ``drop``)
        slots = {key: array("i", postings.pop(key)) for key in list(postings)}
        return cls(slots, norms, refs)

    def docs(self, gram: str, first: str | None = None) -> int:
        """How many titles have ``gram`` (of those beginning with ``first``, when given)."""
        if first is not None:
            found = self.postings.get(first + gram)
            return len(found) if found is not None else 0
        return self.totals.get(gram, 0)

    def sharing(
        self, grams: Iterable[str], most: int, first: str | None = None
    ) -> set[tuple[str, int]]:
        """``(norm, film id)`` of the ``most`` titles that have the most of ``grams``
        (the earlier row first among equals); of those that begin with ``first`` only,
        when given."""
        postings, firsts = self.postings, self.firsts
        if first is not None:
            keys = [first + gram for gram in grams]
        else:
            keys = [f + gram for gram in grams for f in firsts.get(gram, "")]
        chosen = most_shared(sorted(chain.from_iterable(map(postings.get, keys, repeat(())))), most)
        if not chosen:
            return set()
        pick = itemgetter(*chosen, chosen[0])  # always a tuple, even for one slot
        return set(zip(pick(self.norms), pick(self.refs), strict=True))

    def changed(
        self, touched: Iterable[tuple[str, int]], now: Iterable[tuple[str, int]]
    ) -> TitleGrams:
        """A copy where the titles ``touched`` (``(norm, film id)``) are as ``now`` has
        them: those of them that are in the store after the change, in the order of their
        rows, which come after every row the store kept (SQLite numbers new rows past the
        last).

        A removed title's slot stays, unused, until the next full build.
        """
        grams = TitleGrams(
            dict(self.postings),
            list(self.norms),
            array("q", self.refs),
            dict(self.firsts),
            dict(self.totals),
        )
        copied: set[str] = set()
        for name, ref in touched:
            slot = grams._slot_of(name, ref)
            if slot is None:
                continue
            grams.norms[slot] = ""
            for gram in title_grams(name):
                slots = grams._own(name[:1], gram, copied)
                del slots[bisect.bisect_left(slots, slot)]
                grams._counted(gram, -1)
                if not slots:
                    del grams.postings[name[:1] + gram]
                    grams.firsts[gram] = grams.firsts[gram].replace(name[:1], "")
                    if not grams.firsts[gram]:
                        del grams.firsts[gram]
        for name, ref in now:
            slot = len(grams.norms)
            grams.norms.append(name)
            grams.refs.append(ref)
            for gram in title_grams(name):
                grams._own(name[:1], gram, copied).append(slot)
                grams._counted(gram, 1)
        return grams

    def _counted(self, gram: str, step: int) -> None:
        """``gram``'s total changed by ``step`` titles (gone when none has it)."""
        total = self.totals.get(gram, 0) + step
        if total:
            self.totals[gram] = total
        else:
            del self.totals[gram]

    def _own(self, first: str, gram: str, copied: set[str]) -> array:
        """The slots of ``gram`` in titles beginning with ``first``, copied first when
        shared with the index this one came from."""
        key = first + gram
        slots = self.postings.get(key)
        if slots is None:
            slots = self.postings[key] = array("i")
            self.firsts[gram] = "".join(sorted(self.firsts.get(gram, "") + first))
        elif key not in copied:
            slots = self.postings[key] = array("i", slots)
        copied.add(key)
        return slots

    def _slot_of(self, name: str, ref: int) -> int | None:
        """The slot of title ``name`` of film ``ref``, looked for among its rarest triple's."""
        grams = title_grams(name)
        if not grams:
            return None
        first = name[:1]
        for slot in self.postings.get(first + min(grams, key=lambda g: self.docs(g, first)), ()):
            if self.norms[slot] == name and self.refs[slot] == ref:
                return slot
        return None


def most_shared(slots: list[int], most: int) -> list[int]:
    """The ``most`` of ``slots`` that it has the most times (the smaller first among
    equals), in no particular order; ``slots`` sorted, as the merge of the postings of a
    text's triples. Most slots are there once: those there more often are the few next to
    themselves, counted alone; the others are taken in order, in C calls."""
    again = list(compress(slots, map(eq, slots, islice(slots, 1, None))))
    if not again:
        return slots[:most]
    shared = Counter(again)  # a slot's count less one, in slot order
    if len(shared) >= most:  # stable: the smaller slot first among equals
        return sorted(shared, key=shared.__getitem__, reverse=True)[:most]
    return [*shared, *islice(filterfalse(shared.__contains__, slots), most - len(shared))]


@dataclass(frozen=True, slots=True)
class NearTitles:
    """The titles near a typed text (``TitleIndex.near_titles``): their normal forms and
    films, and which ``(norm, film id)`` are among them."""

    names: list[str]
    refs: array[int]
    bare_names: list[str]  # those that begin with an article, without it (in their order)
    bare_refs: list[int]
    slipped: dict[tuple[str, int], None]  # those a slip away
    index: TitleIndex
    shared: tuple[str, int, int]  # the start that all the others share, and their range

    def __len__(self) -> int:
        return len(self.names)

    def others(self, titles: AbstractSet[tuple[str, int]]) -> list[tuple[str, int]]:
        """Those of ``titles``, titles of the index, that are not among these, sorted.
        Every title of the index that begins with the shared start is among these: those
        of ``titles`` that do, a run of them sorted, are left out as one."""
        start, lo, hi = self.shared
        others = sorted(titles - self.slipped.keys())
        if lo == hi:
            return others
        first = bisect.bisect_left(others, (start,))
        del others[first : bisect.bisect_left(others, (start + "\uffff",), first)]
        return others

    def __contains__(self, title: object) -> bool:
        if title in self.slipped:
            return True
        if not isinstance(title, tuple) or not title[0].startswith(self.shared[0]):
            return False
        return self._shared_has(*title)

    def _shared_has(self, name: str, ref: int) -> bool:
        """Whether the title ``(name, ref)``, which begins with the shared start, is one of
        the index's titles that share it."""
        _, lo, hi = self.shared
        norms, refs = self.index.norms, self.index.refs
        at = bisect.bisect_left(norms, name, lo, hi)
        while at < hi and norms[at] == name:
            if refs[at] == ref:
                return True
            at += 1
        return False


def _articled(norms: list[str]) -> list[str | None]:
    """``without_article`` of each of ``norms``, worked out in C calls, a slice each."""
    articled: list[str | None] = [None] * len(norms)
    starts = _article_starts("")
    for at in range(0, len(norms), SLICE_ITEMS):
        part = norms[at : at + SLICE_ITEMS]
        marked = list(compress(count(at), map(str.startswith, part, repeat(starts))))
        rests = list(
            map(itemgetter(2), map(str.partition, map(norms.__getitem__, marked), repeat(" ")))
        )
        list(map(articled.__setitem__, marked, rests))
        for i in compress(marked, map(ARTICLE_REST_MIN.__gt__, map(len, rests))):
            articled[i] = None  # too little is left
    return articled


def _twice(norms: list[str], refs: Sequence[int]) -> array[int]:
    """Where in ``norms`` a title is the one before it again, of the same film (``refs``),
    found in C calls, a slice each: the films next to themselves, then their names."""
    twice = array("q")
    for at in range(1, len(norms), SLICE_ITEMS):
        part = refs[at - 1 : at + SLICE_ITEMS]
        same_film = list(compress(count(at), map(eq, part, islice(part, 1, None))))
        before = map(norms.__getitem__, map((1).__rsub__, same_film))
        twice.extend(compress(same_film, map(eq, map(norms.__getitem__, same_film), before)))
    return twice


def drop(items: list[Any]) -> None:
    """Empty ``items`` a slice at a time: freeing a big list's items in one go is one call
    in C that holds the GIL until the last is freed."""
    while items:
        del items[-SLICE_ITEMS:]


def _gathered(get: Callable[[int], Any], order: list[int], into: MutableSequence[Any]) -> Any:
    """``into`` extended with ``get`` of each of ``order``, a slice a call (SLICE_ITEMS)."""
    for at in range(0, len(order), SLICE_ITEMS):
        into.extend(map(get, order[at : at + SLICE_ITEMS]))
    return into


def _position(norms: list[str], refs: list[int], norm: str, ref: int) -> int:
    """Where ``(norm, ref)`` is, or would go, in lists sorted by ``(norm, ref)``."""
    at = bisect.bisect_left(norms, norm)
    while at < len(norms) and norms[at] == norm and refs[at] < ref:
        at += 1
    return at


@dataclass(frozen=True, slots=True)
class PersonName:
    """A person's name or alias, normalised, with the person it names."""

    norm: str
    kind: str
    ref: int
    display: str


class PeopleIndex:
    """People's names and aliases, sorted by ``(norm, person id)``, and people by the last
    and by the first word of their names; once counted (``count_letters``), the letters of
    the names too, so that a text is compared only with the names it may be close to."""

    __slots__ = ("first_names", "hits", "letters", "norms", "surnames")

    def __init__(self, hits: list[PersonName]) -> None:
        self.hits = hits
        self.norms = _packed([hit.norm for hit in hits])
        self.letters: LetterCounts | None = None
        surnames: dict[str, list[PersonName]] = {}
        first_names: dict[str, list[PersonName]] = {}
        for hit in hits:
            words = hit.norm.split()
            if len(words) > 1:
                surnames.setdefault(words[-1], []).append(hit)
                first_names.setdefault(words[0], []).append(hit)
        self.surnames = surnames
        self.first_names = first_names

    @classmethod
    def of(cls, rows: Iterable[tuple[str, str, int, str]]) -> PeopleIndex:
        """From ``(norm, kind, person id, display)`` rows sorted by norm then person id."""
        return cls([PersonName(*row) for row in rows])

    def count_letters(self) -> None:
        """Count the letters of the names (``LetterCounts``), when not yet counted and
        none is longer than ``LETTERS_COUNTED_MOST`` (else every name is compared)."""
        if self.letters is None and max(map(len, self.norms), default=0) <= LETTERS_COUNTED_MOST:
            self.letters = LetterCounts(self.norms)

    def scored(self, key: str, limit: int, cutoff: float) -> list[tuple[PersonName, float]]:
        """The ``limit`` names closest to ``key`` by ``fuzz.QRatio``, at least ``cutoff``
        close, closest first (then in the index's order), with how close each is.

        Once the letters are counted, only the names that have enough of ``key``'s letters
        to be that close are compared, a fraction of them all; they keep their order, so
        the same names come out, and a name found among them is placed back in the index
        by its text (names alike all pass or all fail, being the same letters).
        """
        norms, letters = self.norms, self.letters
        names = norms if letters is None else list(compress(norms, letters.may_reach(key, cutoff)))
        found = process.extract(key, names, scorer=fuzz.QRatio, limit=limit, score_cutoff=cutoff)
        place = bisect.bisect_left
        return [
            (self.hits[place(norms, name) + at - place(names, name)], score)
            for name, score, at in found
        ]

    def changed(self, changes: Sequence[NameChange]) -> PeopleIndex:
        """A new index with the person names of ``changes`` applied in order."""
        hits = list(self.hits)
        keys = [(h.norm, h.ref) for h in hits]
        for change in changes:
            if change.kind != "person":
                continue
            key = (change.norm, change.ref)
            at = bisect.bisect_left(keys, key)
            present = at < len(keys) and keys[at] == key
            if change.added and not present:
                keys.insert(at, key)
                hits.insert(at, PersonName(change.norm, "person", change.ref, change.display))
            elif not change.added and present:
                del keys[at], hits[at]
        return PeopleIndex(hits)


class LetterCounts:
    """How often each letter is in each of a list of names, kept as the bits of numbers
    (the list's first name the lowest bit): for each letter and count, the names that have
    the letter at least that often; for each length, the names of that length.

    Two texts have in common, in order, no more letters than they share counted
    regardless of order (each as often as the text that has it less often); their
    ``fuzz.QRatio`` is 200 times the first over their lengths added. So a text can be
    ``cutoff`` close only to the names sharing enough of its letters for their length,
    which a few dozen operations on these numbers find among all the names at once.
    """

    __slots__ = ("at_least", "by_length")

    def __init__(self, names: Sequence[str]) -> None:
        """``names``: none longer than ``LETTERS_COUNTED_MOST`` (each count is a byte)."""
        self.at_least: dict[str, list[int]] = {}  # for a letter, the names with 1, 2, … of it
        for letter in sorted(set("".join(names))):
            counts = bytes(map(str.count, names, repeat(letter)))
            self.at_least[letter] = [
                _bits(counts.translate(_AT_LEAST[count])) for count in range(1, max(counts) + 1)
            ]
        lengths = bytes(map(len, names))
        self.by_length = {
            length: _bits(lengths.translate(_EQUAL[length])) for length in sorted(set(lengths))
        }

    def may_reach(self, key: str, cutoff: float) -> bytes:
        """For each name in order, 1 when ``key`` may be at least ``cutoff`` close to it by
        ``fuzz.QRatio``, else 0 (every name that is, few that are not), as bytes; those
        past the last 1 left out."""
        shared: list[int] = []  # the letters each name shares with key, a bit at a time
        for letter, times in Counter(key).items():
            for names in self.at_least.get(letter, [])[:times]:
                _add(shared, names)
        need: dict[int, int] = {}  # the names of each least number of letters shared
        for length, names in self.by_length.items():
            least = math.ceil(cutoff * (len(key) + length) / 200) - 1  # one less: floats
            if least <= min(len(key), length):
                need[least] = need.get(least, 0) | names
        reach = 0
        for least, names in need.items():
            reach |= names & _at_least(shared, least)
        return format(reach, "b")[::-1].encode("ascii").translate(_DIGIT_FLAGS)


def _bits(digits: bytes) -> int:
    """The number whose bits are ``digits`` (``b"0"`` and ``b"1"``), the first the lowest."""
    return int(digits[::-1], 2) if digits else 0


def _add(bits: list[int], ones: int) -> None:
    """Add 1 to each number held bit by bit in ``bits`` (the lowest first; one number for
    each bit place of the numbers) where ``ones`` has a bit set."""
    for place, held in enumerate(bits):
        bits[place] = held ^ ones
        ones &= held
        if not ones:
            return
    bits.append(ones)


def _at_least(bits: list[int], least: int) -> int:
    """The bit places where the number held bit by bit in ``bits`` is at least ``least``."""
    if least <= 0:
        return -1
    above, equal = 0, -1
    for place in range(len(bits) - 1, -1, -1):
        if least >> place & 1:
            equal &= bits[place]
        else:
            above |= equal & bits[place]
            equal &= ~bits[place]
    return (above | equal) if least < 1 << len(bits) else 0


# Tables turning a count (a byte) into the digit 1 where it is at least, or equal to, a
# number, else 0; and those digits into the bytes 1 and 0.
_AT_LEAST = [bytes(b"01"[value >= least] for value in range(256)) for least in range(256)]
_EQUAL = [bytes(b"01"[value == length] for value in range(256)) for length in range(256)]
_DIGIT_FLAGS = bytes.maketrans(b"01", b"\x00\x01")


@dataclass(frozen=True, slots=True)
class _LetterNames:
    """The names beginning with one letter, shortest first and each length's in its
    bucket's order, as one text: each name after a ``_ROW_END``, one more at the end."""

    text: str
    lengths: list[int]  # the lengths of its names, ascending
    begins: list[int]  # where each length's first name begins in the text, and where it ends
    buckets: list[list[str]]  # each length's names


class NameIndex:
    """Every distinct name by first letter and length (sorted), its display, and the
    words names are made of (with how many names use each).

    A reload's new index shares the displays of the index it came from and keeps the
    reloads' changes beside them, rather than copying a display per name of the catalog
    (one copy holds the interpreter lock, and stalls the event loop, for tens of
    milliseconds at a big catalog's size); they are folded in once they are many.
    """

    __slots__ = ("_columns", "_letters", "by_start", "displays", "edited", "word_counts")

    def __init__(
        self,
        by_start: dict[tuple[str, int], list[str]],
        displays: dict[str, str],
        word_counts: dict[str, int],
        edited: dict[str, str | None] | None = None,
    ) -> None:
        self.by_start = by_start
        self.displays = displays  # shared between indexes: never changed once built
        self.edited = edited or {}  # names changed since: their display, or None if gone
        self.word_counts = word_counts
        # The names of each first letter as one text (``_letter``): made for every letter
        # when the catalog is warmed (``learn_letters``), else when ``closest`` first looks
        # among them.
        self._letters: dict[str, _LetterNames] = {}
        # For each bucket of more than ``COLUMNS_PAST`` names, made with the index: for
        # each place in its names, which of them have each letter there (``_columns_of``).
        self._columns: dict[tuple[str, int], list[dict[str, int]]] = {}

    @classmethod
    def of(cls, rows: Iterable[tuple[str, str]]) -> NameIndex:
        """From ``(norm, display)`` rows, one per distinct norm, sorted by norm."""
        # Built row by row in Python (not with one big dict() call), so that this thread
        # lets go of the GIL often and the event loop keeps its pace while it runs.
        by_start: dict[tuple[str, int], list[str]] = {}
        displays: dict[str, str] = {}
        words: dict[str, int] = {}
        for name, display in rows:
            by_start.setdefault((name[:1], len(name)), []).append(name)
            displays[name] = display
            for word in set(name.split()):
                words[word] = words.get(word, 0) + 1
        index = cls(by_start, displays, words)
        for start, bucket in by_start.items():
            index._make_columns(start, bucket)
        return index

    def _make_columns(self, start: tuple[str, int], bucket: list[str]) -> None:
        """The bucket's columns, when it has more than ``COLUMNS_PAST`` names."""
        if len(bucket) > COLUMNS_PAST:
            columns = _columns_of(_ROW_END + _ROW_END.join(bucket) + _ROW_END, start[1])
            if columns is not None:
                self._columns[start] = columns

    def display(self, name: str) -> str | None:
        """How the name ``name`` is shown, or None when the catalog has no such name."""
        shown = self.edited.get(name, _UNEDITED)
        return self.displays.get(name) if shown is _UNEDITED else shown

    def among(self, texts: Collection[str]) -> set[str]:
        """Those of ``texts`` that are names of the catalog (norms)."""
        found = self.displays.keys() & texts
        if self.edited:
            for name in self.edited.keys() & texts:
                if self.edited[name] is None:
                    found.discard(name)
                else:
                    found.add(name)
        return found

    def closest(self, key: str, max_edits: int) -> tuple[int, str] | None:
        """The name nearest to ``key`` as ``(edits, norm)``: edits count inserted, dropped,
        changed and swapped letters (``OSA``), and names further than ``max_edits`` are not
        considered, nor names not beginning with ``key``'s first character.

        Of names equally near, the shortest is taken, then the first in its bucket's order.
        The names of every length that may be near enough are narrowed down together first
        (``_may_be_within``), then compared with ``key`` in C, shortest first, in one call:
        the first of the fewest edits is the one a length at a time would give.
        """
        if not key or max_edits < 0:
            return None
        letter = self._letter(key[0])
        lengths = letter.lengths
        low = bisect.bisect_left(lengths, len(key) - max_edits)
        high = bisect.bisect_right(lengths, len(key) + max_edits)
        if low == high:
            return None
        names = self._may_be_within(key, max_edits, letter, low, high)
        found = process.extractOne(key, names, scorer=OSA.distance, score_cutoff=max_edits)
        return None if found is None else (int(found[1]), found[0])

    def learn_letters(self) -> None:
        """Make the text of every first letter that has none yet (``_letter``), so that no
        look-up pays for one: the biggest, of the names beginning with "t", takes
        milliseconds at a big catalog's size."""
        for first in sorted({start for start, _ in self.by_start}):
            self._letter(first)

    def _letter(self, first: str) -> _LetterNames:
        """The names beginning with ``first`` as one text, made the first time it is asked
        for (and again after a reload changed them) unless ``learn_letters`` made it."""
        letter = self._letters.get(first)
        if letter is None:
            lengths = sorted(length for start, length in self.by_start if start == first)
            buckets = [self.by_start[(first, length)] for length in lengths]
            begins = list(
                accumulate(
                    (
                        len(bucket) * (length + 1)
                        for length, bucket in zip(lengths, buckets, strict=True)
                    ),
                    initial=1,
                )
            )
            text = _ROW_END + "".join(_ROW_END.join(bucket) + _ROW_END for bucket in buckets)
            letter = self._letters[first] = _LetterNames(text, lengths, begins, buckets)
        return letter

    def _may_be_within(
        self, key: str, edits: int, letter: _LetterNames, low: int, high: int
    ) -> list[str]:
        """The names of ``letter`` of its lengths ``low`` to ``high`` (not included) that may
        be at most ``edits`` edits from ``key``, shortest first and each length's in its
        bucket's order: every name that is, and few that are not.

        ``key`` is cut into ``edits + 1`` pieces with a letter between each two
        (``_pieces``); an edit spoils at most one piece, so a near name has one piece
        unspoilt. More: there is an unspoilt piece ``i`` with at most ``i`` edits before it
        and ``edits - i`` after, which puts it in the name where ``key`` has it, moved by
        at most that many letters either way (``_places``: the first piece begins the name,
        the last ends it). The names the first piece begins are a range of each bucket
        (sorted); where they are many (``BEGUN_MOST``: "the " begins thousands of titles,
        every one of which would be compared), the first piece is made longer, a letter at
        a time, and the others share what is left. The other pieces are looked for in the
        letter's text, once across the lengths next to each other that have no columns,
        and a name kept where one stands in one of its places; in a big bucket's columns
        instead, which give the names that have a piece in one of its places at once,
        without reading every name.
        """
        lengths, buckets = letter.lengths, letter.buckets
        pieces = _pieces(len(key), edits)
        if pieces is None or _ROW_END in key:
            return [name for bucket in buckets[low:high] for name in bucket]
        begun = _begun(buckets, low, high, key[: pieces[0][1]])
        head = pieces[0][1]
        while sum(hi - lo for lo, hi in begun) > BEGUN_MOST:
            head += 1
            longer = _pieces(len(key), edits, head)
            if longer is None:
                break
            pieces = longer
            begun = _begun(buckets, low, high, key[:head])
        rows: set[tuple[int, int]] = set()  # (length's place in ``lengths``, row)
        texts: list[tuple[int, int]] = []  # lengths next to each other without columns
        for which in range(low, high):
            columns = self._columns.get((key[0], lengths[which]))
            if columns is None:
                if texts and texts[-1][1] == which:
                    texts[-1] = (texts[-1][0], which + 1)
                else:
                    texts.append((which, which + 1))
                continue
            for i, (at, end) in enumerate(pieces[1:], 1):
                first, last = _places(len(key), edits, i, at, end, lengths[which])
                if first <= last:
                    found = _rows_having(columns, key[at:end], first, last)
                    rows.update(zip(repeat(which), found))
        for i, (at, end) in enumerate(pieces[1:], 1):
            for run in texts:
                rows.update(_rows_in_text(letter, key, edits, i, at, end, run))
        return _in_order(buckets, low, begun, sorted(rows))

    def changed(self, now: dict[str, str | None]) -> NameIndex:
        """A new index where each norm of ``now`` has the given display, or is gone (None)."""
        by_start = dict(self.by_start)
        edited = dict(self.edited)
        words = dict(self.word_counts)
        copied: set[tuple[str, int]] = set()
        for name, display in now.items():
            was = self.display(name) is not None
            if was == (display is not None):
                if display is not None:
                    edited[name] = display
                continue
            start = (name[:1], len(name))
            if start not in copied:
                by_start[start] = list(by_start.get(start, ()))
                copied.add(start)
            bucket = by_start.setdefault(start, [])  # emptied, and so gone, earlier in ``now``
            step = 1 if display is not None else -1
            if display is not None:
                bisect.insort(bucket, name)
            else:
                bucket.remove(name)
                if not bucket:
                    del by_start[start]
            edited[name] = display
            for word in set(name.split()):
                count = words.get(word, 0) + step
                if count > 0:
                    words[word] = count
                else:
                    words.pop(word, None)
        displays = self.displays
        if len(edited) > EDITED_NAMES_MOST:
            displays = {**displays, **edited}
            for name in [name for name, display in edited.items() if display is None]:
                del displays[name]
            edited = {}
        index = NameIndex(by_start, displays, words, edited)
        touched = {start[0] for start in copied}
        # the letters this reload left as they were keep their text
        index._letters = {k: v for k, v in self._letters.items() if k not in touched}
        index._columns = self._columns.copy()
        for start in copied:
            index._columns.pop(start, None)
            if start in by_start:
                index._make_columns(start, by_start[start])
        return index


def _in_order(
    buckets: list[list[str]], low: int, begun: list[tuple[int, int]], rows: list[tuple[int, int]]
) -> list[str]:
    """The names of ``buckets`` from the one at ``low`` on, in order: of each, the range of
    ``begun`` (sliced, however many names a short first piece begins) and the ``rows``
    (``(bucket, row)``, sorted) around it."""
    names: list[str] = []
    at, count = 0, len(rows)
    for which, (lo, hi) in enumerate(begun, low):
        bucket = buckets[which]
        while at < count and rows[at][0] == which and rows[at][1] < lo:
            names.append(bucket[rows[at][1]])
            at += 1
        names += bucket[lo:hi]
        while at < count and rows[at][0] == which:
            if rows[at][1] >= hi:
                names.append(bucket[rows[at][1]])
            at += 1
    return names


def _packed(texts: list[str]) -> list[str]:
    """Copies of ``texts`` made one after another, so that they lie side by side in memory.

    A scan that compares a text with each of many (the suggestions' fuzzy match over every
    person's name) reads them about three times quicker so than where the store's rows
    left them, scattered among the other objects of the catalog.
    """
    packed = "\n".join(texts).split("\n")
    return packed if len(packed) == len(texts) else list(texts)


def _begun(buckets: list[list[str]], low: int, high: int, begins: str) -> list[tuple[int, int]]:
    """The range of the names of each bucket from ``low`` to ``high`` (not included) that
    ``begins`` begins."""
    past = begins[:-1] + chr(ord(begins[-1]) + 1)  # the first text after all it begins
    begun = []
    for bucket in buckets[low:high]:
        lo = bisect.bisect_left(bucket, begins)
        begun.append((lo, bisect.bisect_left(bucket, past, lo)))
    return begun


@cache
def _pieces(length: int, edits: int, head: int = 0) -> list[tuple[int, int]] | None:
    """Where ``edits + 1`` pieces of a text of ``length`` letters begin and end, with one
    letter left between each two; None when it is too short for them. The letters over go to
    the pieces inside, then to the last: pieces found anywhere in a name are the costlier to
    look for, and the longer a piece the rarer. ``head``: the first piece this long, the
    others sharing the rest (None when they would be shorter than ``PIECE_LEAST``)."""
    if head:
        if not edits:
            return None
        size, over = divmod(length - head - edits, edits)
        if size < PIECE_LEAST:
            return None
        # the letters over to the last pieces
        return _cut([head] + [size] * (edits - over) + [size + 1] * over)
    size, over = divmod(length - edits, edits + 1)
    if size < 1:
        return None
    sizes = [size] * (edits + 1)
    for i in [*range(1, edits), edits, 0][:over]:
        sizes[i] += 1
    return _cut(sizes)


def _cut(sizes: list[int]) -> list[tuple[int, int]]:
    """Pieces of these sizes, one letter left between each two."""
    pieces = []
    at = 0
    for size in sizes:
        pieces.append((at, at + size))
        at += size + 1
    return pieces


def _columns_of(text: str, length: int) -> list[dict[str, int]] | None:
    """For each place of a bucket's names (``length`` letters each, as in its ``text``),
    each letter there and the names that have it there, as the bits of a number (the
    bucket's first name the lowest); None when a name is not all ASCII.

    Made by slicing the text a place at a time and translating it to the digits of each
    number, so that Python never steps through the names one by one.
    """
    zeros = b"0" * 256
    columns = []
    for place in range(length):
        column = text[1 + place :: length + 1]
        if not column.isascii():
            return None
        letters = column.encode("ascii")
        found = {}
        for letter in set(column):
            code = ord(letter)
            digits = letters.translate(zeros[:code] + b"1" + zeros[code + 1 :])
            found[letter] = int(digits[::-1], 2)
        columns.append(found)
    return columns


def _places(typed: int, edits: int, i: int, at: int, end: int, length: int) -> tuple[int, int]:
    """The first and last place in a name of ``length`` letters where piece ``i`` (from
    ``at`` to ``end``) of a text of ``typed`` letters stands unspoilt, when the name is at
    most ``edits`` edits from the text (``NameIndex._may_be_within``)."""
    longer = length - typed
    first = max(0, at + max(-i, longer - (edits - i)))
    return first, min(length - (end - at), at + min(i, longer + (edits - i)))


def _rows_in_text(
    letter: _LetterNames, key: str, edits: int, i: int, at: int, end: int, run: tuple[int, int]
) -> Iterator[tuple[int, int]]:
    """``(length's place, row)`` of the names of ``letter``, of its lengths from
    ``run[0]`` to ``run[1]`` (not included), that have piece ``i`` of ``key`` (from ``at``
    to ``end``) in one of its places (``_places``): found in the letter's text."""
    text, lengths, begins = letter.text, letter.lengths, letter.begins
    piece = key[at:end]
    if end == len(key):  # the last piece: found only where it ends a name
        piece += _ROW_END
    stop = begins[run[1]]
    found = text.find(piece, begins[run[0]], stop)
    while found >= 0:
        which = bisect.bisect_right(begins, found, run[0], run[1]) - 1
        length = lengths[which]
        row, place = divmod(found - begins[which], length + 1)
        first, last = _places(len(key), edits, i, at, end, length)
        if first <= place <= last:
            yield which, row
        found = text.find(piece, found + 1, stop)


def _rows_having(columns: list[dict[str, int]], piece: str, first: int, last: int) -> list[int]:
    """The rows of a bucket whose name has ``piece`` at a place from ``first`` to
    ``last``, from the bucket's columns."""
    found = 0
    for place in range(first, last + 1):
        have = -1
        for column, letter in zip(columns[place : place + len(piece)], piece, strict=True):
            have &= column.get(letter, 0)
            if not have:
                break
        found |= have
    rows = []
    while found:
        low = found & -found
        rows.append(low.bit_length() - 1)
        found ^= low
    return rows


class FilmShelf(Generic[_Film]):
    """Every film's summary, title key and place in a sort order, by film id: long lists
    of films (a prolific actor's, a genre's) are made and ordered from memory, the store
    asked only for their ids.

    Kept in lists addressed by film id (ids are dense: a reload numbers its films after the
    highest). A film's key is its title's normal form, the same for films sharing a title.
    Its rank orders it by ``order_key`` (films with equal ones rank equal), so a list of
    ids is ordered by one sort of numbers; ranks leave gaps, so a reload's films are put
    between the others without numbering them all again. They are whole numbers kept as
    floats (exact below 2**53): the interpreter sorts floats by a quicker comparison than
    integers past 2**30, which ranks soon are (a third less time for a prolific actor's
    films at 16x MetaQA). ``tied`` holds the films that may share their rank with another
    (none, in most catalogs): the others' ``order_key``s differ from every film's.
    ``shared`` marks, by film id, the films whose key another film may have too (a tenth
    of them at 16x MetaQA): only their keys need comparing to tell which films of a list
    share a title.
    """

    __slots__ = ("films", "keys", "order", "order_key", "ranks", "shared", "tied")

    def __init__(
        self,
        films: list[_Film | None],
        keys: list[str | None],
        ranks: array[float],
        order: array[int],
        order_key: Callable[[_Film], Any],
        tied: AbstractSet[int] = frozenset(),
        shared: bytearray | None = None,
    ) -> None:
        self.films = films
        self.keys = keys
        self.ranks = ranks  # by film id; 0 where there is no film
        self.order = order  # the film ids, by rank
        self.order_key = order_key
        self.tied = tied  # a film gone or ranked apart since may stay: never too few
        # by film id, 1 where the key may be another film's: never too few
        self.shared = _sharing(keys) if shared is None else shared

    @classmethod
    def of(
        cls, rows: Iterable[tuple[int, str, _Film]], order_key: Callable[[_Film], Any]
    ) -> FilmShelf[_Film]:
        """From ``(film id, key, summary)`` rows, quickest when they come in the order
        ``order_key`` sorts them in (else they are sorted here)."""
        shelf: FilmShelf[_Film] = cls([], [], array("d"), array("q"), order_key)
        shelf._rank_all(shelf._put(rows))
        shelf.shared = _sharing(shelf.keys)
        return shelf

    def get(self, film_id: int) -> _Film | None:
        return self.films[film_id] if 0 <= film_id < len(self.films) else None

    def all_of(self, film_ids: list[int]) -> list[_Film]:
        """The films of ``film_ids`` in that order, those not in the catalog left out."""
        if not film_ids:
            return []
        try:
            found = itemgetter(*film_ids)(self.films)
        except IndexError:
            found = tuple(map(self.get, film_ids))
        if len(film_ids) == 1:
            found = (found,)
        return list(compress(found, map(is_not, found, repeat(None))))

    def in_order(self, film_ids: list[int]) -> list[_Film]:
        """The different films of ``film_ids`` (all in the catalog) by ``order_key``,
        those that tie in the order first given."""
        return self.all_of(self.order_of(film_ids))

    def order_of(self, film_ids: list[int]) -> list[int]:
        """The different ``film_ids`` (all in the catalog) sorted as :meth:`in_order`
        sorts their films: told apart by a set (lists of thousands, often twice over),
        in the order first given only when some may tie (``tied``)."""
        different: Iterable[int] = set(film_ids)
        if not self.tied.isdisjoint(different):
            different = dict.fromkeys(film_ids)
        return sorted(different, key=self.ranks.__getitem__)

    def placed_apart(self, film_ids: Iterable[int]) -> bool:
        """Whether the films of ``film_ids`` (different films, all on the shelf) each have
        a place of their own in the order: no two with equal ``order_key``s. Told without
        looking at them when no film shares its place (``tied``)."""
        return not self.tied or self.tied.isdisjoint(film_ids)

    def may_share(self, film_ids: list[int]) -> list[int]:
        """Those of ``film_ids`` (all on the shelf) whose key another film may have too."""
        return list(compress(film_ids, map(self.shared.__getitem__, film_ids)))

    def keys_of(self, film_ids: list[int]) -> dict[int, str]:
        """The title key of each film of ``film_ids`` (all in the catalog)."""
        if not film_ids:
            return {}
        keys = itemgetter(*film_ids)(self.keys)
        return dict(zip(film_ids, (keys,) if len(film_ids) == 1 else keys, strict=True))

    def changed(
        self,
        touched: Iterable[int],
        rows: Iterable[tuple[int, str, _Film]],
        alike: Iterable[int] = (),
    ) -> FilmShelf:
        """A copy where the films ``touched`` by a reload are as ``rows`` (those that are
        still there) say: the others of them are gone. ``alike``: the films the shelf
        keeps whose key is one of ``rows``' (more do no harm), marked ``shared`` with
        them when they share it."""
        shelf: FilmShelf[_Film] = FilmShelf(
            list(self.films),
            list(self.keys),
            array("d", self.ranks),
            self.order,
            self.order_key,
            self.tied,
            bytearray(self.shared),
        )
        gone = [i for i in dict.fromkeys(touched) if shelf.get(i) is not None]
        rows = list(rows)
        shelf._share(rows, alike)
        if len(gone) + len(rows) > len(self.order) // RANKED_AGAIN_PAST:
            left = set(gone)
            kept = [i for i in self.order if i not in left]
            for film_id in gone:
                shelf.films[film_id] = shelf.keys[film_id] = None
                shelf.ranks[film_id] = 0
            shelf._put(rows)
            shelf._rank_all(kept + [film_id for film_id, _, _ in rows])
            return shelf
        shelf.order = array("q", self.order)
        for film_id in gone:
            del shelf.order[shelf._place(film_id)]
            shelf.films[film_id] = shelf.keys[film_id] = None
            shelf.ranks[film_id] = 0
        shelf._put(rows)
        for film_id, _, _ in rows:
            shelf._rank(film_id)
        return shelf

    def _share(self, rows: list[tuple[int, str, _Film]], alike: Iterable[int]) -> None:
        """Mark ``shared`` the films of ``rows`` (about to be put) and of ``alike`` (on
        the shelf) whose key another of them has: once put, no two films share a key
        unless marked. (The films they shared their former keys with stay marked.)"""
        kept = [(film_id, self.keys[film_id]) for film_id in alike if self.get(film_id)]
        ids = {film_id for film_id, _, _ in rows}
        keyed = [(key, film_id) for film_id, key in kept if film_id not in ids]
        keyed += [(key, film_id) for film_id, key, _ in rows]
        counts = Counter(key for key, _ in keyed)
        for key, film_id in keyed:
            if film_id >= len(self.shared):
                self.shared.extend(bytes(film_id + 1 - len(self.shared)))
            self.shared[film_id] = counts[key] > 1 or key == ""

    def _put(self, rows: Iterable[tuple[int, str, _Film]]) -> list[int]:
        """Put the films of ``rows`` on the shelf, unranked; their ids, in that order."""
        films, keys, ranks = self.films, self.keys, self.ranks
        put: list[int] = []
        for film_id, key, film in rows:
            put.append(film_id)
            if film_id >= len(films):
                grow = film_id + 1 - len(films)
                films.extend([None] * grow)
                keys.extend([None] * grow)
                ranks.extend(repeat(0, grow))
            films[film_id] = film
            keys[film_id] = key
        return put

    def _sort_key(self, film_id: int) -> Any:
        return self.order_key(self.films[film_id])  # type: ignore[arg-type]

    def _rank_all(self, film_ids: list[int]) -> None:
        """Every film's rank, ``film_ids`` being all the shelf's films, in order or nearly
        (as the store gives them; or ``order`` with a reload's films added, which one
        pass of a sort merges in)."""
        ranks = self.ranks
        rank, previous, last = 0, None, 0
        tied: list[int] = []
        for film_id in film_ids:
            sort_key = self._sort_key(film_id)
            if rank and sort_key != previous:
                if sort_key < previous:  # not in order: sorted first
                    self._rank_all(sorted(film_ids, key=self._sort_key))
                    return
                rank += RANK_GAP
                previous = sort_key
            elif not rank:
                rank, previous = RANK_GAP, sort_key
            else:  # the same place as the film before
                tied += (last, film_id)
            ranks[film_id] = rank
            last = film_id
        self.order = array("q", film_ids)
        self.tied = frozenset(tied)

    def _place(self, film_id: int) -> int:
        """Where a film of the shelf stands in ``order``."""
        sort_key = self._sort_key(film_id)
        at = bisect.bisect_left(self.order, sort_key, key=self._sort_key)
        while self.order[at] != film_id:  # past the films that rank equal before it
            at += 1
        return at

    def _rank(self, film_id: int) -> None:
        """Put a film put on the shelf into ``order``, ranked between its neighbours."""
        order = self.order
        sort_key = self._sort_key(film_id)
        at = bisect.bisect_left(order, sort_key, key=self._sort_key)
        before = self.ranks[order[at - 1]] if at > 0 else 0
        after = self.ranks[order[at]] if at < len(order) else before + 2 * RANK_GAP
        if at < len(order) and self._sort_key(order[at]) == sort_key:
            rank = after
            self.tied = self.tied | {film_id, order[at]}
        elif after - before < 2:  # no room left between them: all numbered again
            order.insert(at, film_id)
            self._rank_all(list(order))
            return
        else:
            rank = (before + after) // 2
        order.insert(at, film_id)
        self.ranks[film_id] = rank


def _sharing(keys: list[str | None]) -> bytearray:
    """By film id, 1 where another film has the same key (and for every wordless title,
    whose key is empty: a reload finds no film by it)."""
    counts: Counter[str | None] = Counter()
    slices = [keys[at : at + SLICE_ITEMS] for at in range(0, len(keys), SLICE_ITEMS)]
    for part in slices:  # a slice a call (see SLICE_ITEMS)
        counts.update(part)
    counts[""] = 2
    shared = bytearray()
    for part in slices:
        shared.extend(map((1).__lt__, map(counts.__getitem__, part)))
    return shared


_NO_CREDITS: tuple[array[int], array[int]] = (array("i"), array("i"))


class CreditIndex:
    """Each person's films in each role, by film id (a film twice when the person is
    credited twice on it in the role), as the store's person index gives them.

    Kept compact: per role, two arrays side by side, the person ids sorted and the film
    ids of their credits; a person's credits are the range of their id, found by
    bisection. A reload does not copy them: the films it touched are left out of them
    (``touched``) and their credits now are kept beside them (``added``), by role and
    person. ``every_role`` says whether its roles are all the store's.
    """

    __slots__ = ("added", "every_role", "roles", "touched")

    def __init__(
        self,
        roles: dict[str, tuple[array[int], array[int]]],
        touched: AbstractSet[int] = frozenset(),
        added: dict[tuple[str, int], list[int]] | None = None,
        *,
        every_role: bool = False,
    ) -> None:
        self.roles = roles
        self.touched = touched
        self.added = added or {}
        self.every_role = every_role

    @staticmethod
    def role_of(credits: array[int]) -> tuple[array[int], array[int]]:
        """One role's arrays from its credits, each ``person id << 32 | film id``, quickest
        in order. Done a slice at a time: each a call in C that holds the GIL, briefly."""
        slices = range(0, len(credits), SLICE_ITEMS)
        for at in slices:
            part = credits[at : at + SLICE_ITEMS + 1]
            if any(map(gt, part, part[1:])):  # not in order: sorted first
                credits = array("q", sorted(credits))
                break
        people, films = array("i"), array("i")
        for at in slices:
            part = credits[at : at + SLICE_ITEMS]
            people.extend(map((32).__rrshift__, part))
            films.extend(map(FILM_BITS.__and__, part))
        return people, films

    def films(self, person_id: int, role: str) -> list[int]:
        """The films crediting a person in ``role``, by film id."""
        people, films = self.roles.get(role, _NO_CREDITS)
        start = bisect.bisect_left(people, person_id)
        found = films[start : bisect.bisect_right(people, person_id, start)].tolist()
        if not self.touched:
            return found
        touched = self.touched
        found = [film_id for film_id in found if film_id not in touched]
        more = self.added.get((role, person_id))
        return sorted(found + more) if more else found

    def role_share(self, person_id: int, role: str) -> float:
        """The share of a person's credits that are in ``role`` (0 to 1; 0 for a person
        credited nowhere), when the index holds every role (``every_role``)."""
        counts = {each: len(self.films(person_id, each)) for each in self.roles}
        total = sum(counts.values())
        return counts.get(role, 0) / total if total else 0.0

    def credits(self, person_ids: Iterable[int], role: str | None) -> list[tuple[int, int]]:
        """``(film id, person id)`` of the people's credits in ``role`` (None: in every
        role), as the store's person index gives them: by person id, then by role, then
        by film id."""
        each = (
            zip(films, repeat(person_id)) for person_id, films in self._films_of(person_ids, role)
        )
        return list(chain.from_iterable(each))  # the pairs made in C calls

    def film_ids(self, person_ids: Iterable[int], role: str | None) -> list[int]:
        """The film ids of :meth:`credits`, in the same order, without a pair made for
        each (a prolific cast's run to thousands)."""
        return list(chain.from_iterable(films for _, films in self._films_of(person_ids, role)))

    def _films_of(
        self, person_ids: Iterable[int], role: str | None
    ) -> Iterator[tuple[int, list[int]]]:
        """Each person's films in ``role`` (None: in each role), by person id, then role."""
        roles = sorted(self.roles) if role is None else [role]
        for person_id in sorted(set(person_ids)):
            for each in roles:
                yield person_id, self.films(person_id, each)

    def folds(self, touched: AbstractSet[int]) -> bool:
        """Whether, once a reload has changed the films ``touched`` too, the films kept
        aside would be too many (``CREDITS_TOUCHED_MOST``): the index is then read again
        rather than ``changed``."""
        return len(self.touched) + len(touched) > CREDITS_TOUCHED_MOST

    def changed(self, touched: Iterable[int], rows: Iterable[tuple[str, int, int]]) -> CreditIndex:
        """The index once a reload has changed the films ``touched``, whose credits are now
        ``rows`` (``(role, person id, film id)``)."""
        films = set(touched)
        added: dict[tuple[str, int], list[int]] = {}
        for key, film_ids in self.added.items():
            kept = [film_id for film_id in film_ids if film_id not in films]
            if kept:
                added[key] = kept
        for role, person_id, film_id in rows:
            added.setdefault((role, person_id), []).append(film_id)
        for film_ids in added.values():
            film_ids.sort()
        every_role = self.every_role and all(role in self.roles for role, _ in added)
        return CreditIndex(self.roles, self.touched | films, added, every_role=every_role)


_NO_PEOPLE: tuple[array[int], array[int]] = (array("i", [0]), array("i"))


class FilmPeople:
    """Each film's people in each role, in billing order: a film's cast read from memory,
    not from the store, when a question goes through hundreds of films.

    Kept compact: per role, the person ids of its credits by film, then billing order,
    and where each film's run of them starts (by film id; a film's run ends where the
    next film's starts). A reload does not copy them: the films it touched are left out
    of them (``touched``) and their people now are kept beside them (``added``, by role
    and film), as in :class:`CreditIndex`.
    """

    __slots__ = ("added", "roles", "touched")

    def __init__(
        self,
        roles: dict[str, tuple[array[int], array[int]]],
        touched: AbstractSet[int] = frozenset(),
        added: dict[tuple[str, int], list[int]] | None = None,
    ) -> None:
        self.roles = roles
        self.touched = touched
        self.added = added or {}

    @staticmethod
    def role_of(credits: array[int]) -> tuple[array[int], array[int]]:
        """One role's arrays (where each film's run starts, the people) from its credits,
        each ``film id << 32 | person id``, by film then billing order."""
        people, per_film = array("i"), Counter[int]()
        for at in range(0, len(credits), SLICE_ITEMS):  # a slice a call, as ``CreditIndex``
            part = credits[at : at + SLICE_ITEMS]
            people.extend(map(FILM_BITS.__and__, part))
            per_film.update(map((32).__rrshift__, part))
        starts = array("i", [0])
        films = (credits[-1] >> 32) + 1 if credits else 0  # the last credit's film is the last
        for at in range(0, films, SLICE_ITEMS):
            counts = map(per_film.get, range(at, min(at + SLICE_ITEMS, films)), repeat(0))
            starts.extend(islice(accumulate(counts, initial=starts[-1]), 1, None))
        return starts, people

    def people(self, film_id: int, role: str) -> list[int]:
        """The people credited on a film in ``role``, in billing order."""
        if film_id in self.touched:
            return self.added.get((role, film_id), [])
        starts, people = self.roles.get(role, _NO_PEOPLE)
        if not 0 <= film_id < len(starts) - 1:
            return []
        return people[starts[film_id] : starts[film_id + 1]].tolist()

    def credits(self, film_ids: Iterable[int], role: str) -> list[tuple[int, int]]:
        """``(film id, person id)`` of the films' credits in ``role``, in the films' order,
        then billing order."""
        starts, people = self.roles.get(role, _NO_PEOPLE)
        touched, added, films = self.touched, self.added, len(starts) - 1
        pairs: list[tuple[int, int]] = []
        for film_id in film_ids:  # as ``people`` for each film, without a call for each
            if film_id in touched:
                pairs += zip(repeat(film_id), added.get((role, film_id), ()))
            elif 0 <= film_id < films:
                pairs += zip(repeat(film_id), people[starts[film_id] : starts[film_id + 1]])
        return pairs

    def changed(self, touched: Iterable[int], rows: Iterable[tuple[str, int, int]]) -> FilmPeople:
        """The index once a reload has changed the films ``touched``, whose credits are now
        ``rows`` (``(role, person id, film id)``, each film's in billing order)."""
        films = set(touched)
        added = {key: people for key, people in self.added.items() if key[1] not in films}
        for role, person_id, film_id in rows:
            added.setdefault((role, film_id), []).append(person_id)
        return FilmPeople(self.roles, self.touched | films, added)
