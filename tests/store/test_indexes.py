"""The in-memory name indexes, changed by a reload's delta, equal those built afresh."""

from __future__ import annotations

import bisect
import copy
import random
from array import array
from collections import Counter
from collections.abc import Callable
from itertools import pairwise, product
from typing import TypeVar

import pytest
from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from bot.store import indexes
from bot.store.indexes import (
    RANK_GAP,
    SLIP_LETTERS,
    CreditIndex,
    FilmPeople,
    FilmShelf,
    NameChange,
    NameIndex,
    PeopleIndex,
    TitleIndex,
)


def _rows(titles: dict[tuple[str, int], tuple[int, float, int]]) -> list[tuple]:
    """The rows the store gives for ``titles``: each, and again without its article."""
    rows = [(norm, ref, 0, *known) for (norm, ref), known in titles.items()]
    bare = [(indexes.without_article(norm), ref, 1, *known) for norm, ref, _, *known in rows]
    return sorted(rows + [row for row in bare if row[0] is not None])


def _lists(index: TitleIndex) -> tuple:
    return (
        index.norms,
        index.refs,
        index.renown,
        index.by_length,
        index.by_length_refs,
        index.by_length_renown,
        index.bare,
        index.bare_by_start,
    )


def test_a_title_index_changed_by_many_names_is_the_one_built_from_the_names_left() -> None:
    rng = random.Random(3)
    words = ["heat", "alien", "ronin", "thief", "jaws", "up", "the thing", "it", "le samourai"]

    def known() -> tuple[int, float, int]:
        return (-rng.randrange(0, 5), -rng.choice((0.0, 7.5, 8.1)), rng.randrange(1950, 2020))

    titles = {(rng.choice(words), ref): known() for ref in range(1, 200)}
    index = TitleIndex.of(_rows(titles))
    # several reloads, changing few names or many (some more than once)
    for count in (3, 60, 1, 10, 80, 25):
        changes = []
        renown: dict[int, tuple[int, float, int]] = {}
        for _ in range(count):
            if titles and rng.random() < 0.5:
                norm, ref = rng.choice(sorted(titles))
                del titles[(norm, ref)]
                changes.append(NameChange(False, norm, "film", ref, norm))
            else:
                ref = rng.randrange(1, 400)
                norm = rng.choice(words)
                if (norm, ref) not in titles:
                    titles[(norm, ref)] = renown[ref] = renown.get(ref) or known()
                    changes.append(NameChange(True, norm, "film", ref, norm))
        changes.append(NameChange(True, "heat", "person", 1, "Heat"))  # not a film name
        index = index.changed(changes, renown)
        fresh = TitleIndex.of(_rows(titles))
        assert _lists(index) == _lists(fresh)
        if count == 1:  # each title without its article, once worked out, changed too
            index.learn_starts(5)
        fresh.learn_starts(5)
        assert index.articled in (None, fresh.articled)
    assert index.articled is not None


def test_a_film_given_a_new_id_changes_the_title_index_by_its_ids_alone() -> None:
    rng = random.Random(5)
    words = ["heat", "alien", "ronin", "the thing", "le samourai", "jaws"]
    titles = {(rng.choice(words), ref): (0, -7.5, 1990 + ref % 30) for ref in range(1, 120)}
    index = TitleIndex.of(_rows(titles))
    index.learn_starts(5)
    # an edited film is written again under a new id, with its name and standing as before
    edited = [(norm, ref) for norm, ref in sorted(titles) if norm in ("heat", "the thing")][:3]
    changes, renown = [], {}
    for new_ref, (norm, ref) in enumerate(edited, start=500):
        renown[new_ref] = titles[(norm, new_ref)] = titles.pop((norm, ref))
        changes += [
            NameChange(False, norm, "film", ref, norm),
            NameChange(True, norm, "film", new_ref, norm),
        ]
    before = copy.deepcopy(_lists(index))
    changed = index.changed(changes, renown)
    fresh = TitleIndex.of(_rows(titles))
    fresh.learn_starts(5)
    assert _lists(changed) == _lists(fresh) and changed.articled == fresh.articled
    assert _lists(index) == before  # the previous catalog's index is as it was
    # the names are where they were: their lists are shared, not copied
    assert changed.norms is index.norms and changed.by_length is index.by_length
    assert changed.articled is index.articled and changed.bare is index.bare


def _near_by_every_letter(index: TitleIndex, key: str, most: int) -> list[tuple[str, int]]:
    """``TitleIndex.near`` as it reads: at each letter, every slip with every letter tried."""
    norms, found = index.norms, []
    for at in range(1, len(key) + 1):
        start, rest = key[:at], key[at:]
        lo = bisect.bisect_left(norms, start)
        hi = bisect.bisect_left(norms, start + "\uffff")
        if hi - lo <= most:
            return found + list(zip(norms[lo:hi], index.refs[lo:hi], strict=True))
        ways = {start + rest[1:], start + rest[1:2] + rest[:1] + rest[2:]}
        ways.update(start + c + rest for c in SLIP_LETTERS)
        ways.update(start + c + rest[1:] for c in SLIP_LETTERS)
        for way in sorted(ways):
            i = bisect.bisect_left(norms, way, lo, hi)
            taken = 0
            while i < hi and taken < 8 and norms[i].startswith(way):
                found.append((norms[i], index.refs[i]))
                i, taken = i + 1, taken + 1
    return found


def test_titles_one_slip_from_a_typed_text_are_those_every_letter_would_find() -> None:
    # Only letters that some title has next are tried: the same titles come out.
    rng = random.Random(7)
    letters = "aeihnrst 2é"
    names = {"".join(rng.choice(letters) for _ in range(rng.randint(1, 9))) for _ in range(1500)}
    names |= {"the " + name for name in list(names)[:1500]} | {"t", "th", "the"}
    index = TitleIndex.of((name, ref, 0, 0, 0.0, 0) for ref, name in enumerate(sorted(names)))
    typed = [name for name in rng.sample(sorted(names), 300)]
    typed += [name[:i] + name[i + 1 :] for name in typed if len(name) > 2 for i in [1]]
    typed += ["the", "the ", "thx", "tehs", "the srat", "t", "x"]
    for key in typed:
        for most in (5, 40, 300):
            assert index.near(key, most) == _near_by_every_letter(index, key, most), (key, most)


def test_the_near_titles_as_lists_are_those_near_finds_each_once() -> None:
    rng = random.Random(11)
    letters = "aehmrtx "
    names = {"".join(rng.choice(letters) for _ in range(rng.randint(2, 8))) for _ in range(800)}
    titles = {(name, rng.randrange(1, 300)): (0, 0.0, 0) for name in names}
    titles |= {("the " + name, ref): known for (name, ref), known in list(titles.items())[:300]}
    titles[("the matrix", 7)] = titles[("matrix", 7)] = (0, 0.0, 0)  # found twice as "matrix"
    learnt = TitleIndex.of(_rows(titles))
    learnt.learn_starts(5)  # each title without its article worked out
    typed = [name[: rng.randint(1, len(name))] for name, _ in rng.sample(sorted(titles), 200)]
    typed += ["matrix", "mtrix", "the mtrix", "t", "x"]
    for key, most, index in product(typed, (5, 40, 300), (TitleIndex.of(_rows(titles)), learnt)):
        near = index.near(key, most)
        found = index.near_titles(key, most)
        expected = list(dict.fromkeys(near))
        assert list(zip(found.names, found.refs, strict=True)) == expected, (key, most)
        # each without its article, but those that begin with the article typed and share
        # the start typed after it, compared as they are only
        typed_article = indexes.without_article(found.shared[0] + "xx") is not None
        bare = [
            (indexes.without_article(n), r)
            for n, r in expected
            if (n, r) in found.slipped or not typed_article
        ]
        assert list(zip(found.bare_names, found.bare_refs, strict=True)) == [
            (n, r) for n, r in bare if n is not None
        ]
        assert all(title in found for title in near)
        every = set(zip(index.norms, index.refs, strict=True))
        assert not any(title in found for title in every - set(near)), (key, most)
        assert found.others(every) == sorted(every - set(near))


def test_titles_that_begin_with_the_article_typed_are_compared_as_they_are_only() -> None:
    titles = {(f"the {word}", ref): (0, 0.0, 0) for ref, word in enumerate(["matrix", "mask"])}
    titles |= {(f"the {n}", 10 + n): (0, 0.0, 0) for n in range(30)}  # many begin "the "
    titles |= {(f"them {n}", 50 + n): (0, 0.0, 0) for n in range(30)}
    index = TitleIndex.of(_rows(titles))
    index.learn_starts(5)
    typed = index.near_titles("the mtrix", 5)
    assert typed.shared[0] == "the m"
    assert ("the matrix", 0) in typed and ("the mask", 1) in typed
    assert "matrix" not in typed.bare_names and "mask" not in typed.bare_names
    # where the start they share is not the article typed, without it too
    wider = index.near_titles("the mtrix", 100)
    assert wider.shared[0] == "t"
    assert "matrix" in wider.bare_names and "mask" in wider.bare_names


def test_the_titles_sharing_the_most_triples_are_those_counting_each_would_give() -> None:
    rng = random.Random(3)
    for _ in range(2000):
        span = rng.choice([5, 40, 1000])
        postings = [rng.sample(range(span), rng.randint(0, min(span, 60))) for _ in range(6)]
        slots = sorted(slot for found in postings[: rng.randint(0, 6)] for slot in found)
        counts = Counter(slots)
        for most in (1, 3, 20, 200):
            expected = sorted(counts, key=lambda slot: (-counts[slot], slot))[:most]
            found = indexes.most_shared(slots, most)
            assert sorted(found) == sorted(expected), (slots, most)


def _shelf_rows(films: dict[int, tuple[int | None, str]]) -> list[tuple[int, str, tuple]]:
    return [(film_id, title.lower(), (year, title)) for film_id, (year, title) in films.items()]


def _oldest_first(film: tuple) -> tuple:
    year, title = film
    return year is None, year or 0, title


def _assert_ordered(shelf: FilmShelf, films: dict[int, tuple[int | None, str]]) -> None:
    """Ids come out oldest first (undated last), those that tie in the order given."""
    ids = list(films)
    random.Random(len(ids)).shuffle(ids)
    expected = sorted(ids, key=lambda i: _oldest_first(films[i]))
    assert [films[i] for i in expected] == shelf.in_order(ids)
    assert sorted(shelf.order) == sorted(films)
    ranks = [shelf.ranks[i] for i in shelf.order]
    keys = [_oldest_first(films[i]) for i in shelf.order]
    for (rank, key), (next_rank, next_key) in pairwise(zip(ranks, keys, strict=True)):
        assert (rank < next_rank and key < next_key) or (rank == next_rank and key == next_key)
    # every film sharing its place with another is known to (lists of them told apart)
    places = Counter(map(_oldest_first, films.values()))
    assert {i for i, film in films.items() if places[_oldest_first(film)] > 1} <= shelf.tied
    for size in (2, 5, 40):
        some = random.Random(size).sample(sorted(films), min(size, len(films)))
        if shelf.placed_apart(some):
            assert len({_oldest_first(films[i]) for i in some}) == len(some)
    # every film sharing its title with another is among those that may
    titles = Counter(title.lower() for _, title in films.values())
    sharing = [i for i, (_, title) in films.items() if titles[title.lower()] > 1]
    assert set(sharing) <= set(shelf.may_share(sorted(films)))


def _alike(films: dict[int, tuple[int | None, str]], now: dict) -> list[int]:
    """The films whose title one of ``now`` has, as the catalog finds them for a reload."""
    keys = {title.lower() for _, title in now.values()}
    return [i for i, (_, title) in films.items() if title.lower() in keys]


def test_a_film_shelf_tells_films_apart_by_their_place_when_no_two_share_title_and_year() -> None:
    films = {1: (1995, "Heat"), 2: (1986, "Heat"), 3: (1979, "Alien"), 4: (None, "Heat")}
    shelf = FilmShelf.of(_shelf_rows(films), _oldest_first)
    assert not shelf.tied and shelf.placed_apart([1, 2, 3, 4])
    shelf = shelf.changed([5], _shelf_rows({5: (1995, "Heat")}), [1, 2, 4])  # another Heat
    assert shelf.tied == {1, 5}
    assert not shelf.placed_apart([2, 1, 5]) and shelf.placed_apart([2, 3, 4])
    # each film once, oldest first; those that tie in the order first given
    assert shelf.order_of([4, 2, 3, 2, 4]) == [3, 2, 4]
    assert shelf.order_of([5, 2, 1, 5, 2]) == [2, 5, 1]
    assert shelf.order_of([1, 5, 1]) == [1, 5]


def test_a_film_shelf_knows_the_films_that_may_share_a_title_after_reloads_too() -> None:
    films = {1: (1995, "Heat"), 2: (1979, "Alien"), 3: (1998, "Ronin"), 4: (1999, "")}
    shelf = FilmShelf.of(_shelf_rows(films), _oldest_first)
    assert shelf.may_share([1, 2, 3, 4]) == [4]  # a wordless title (its key empty) may
    shelf = shelf.changed([5], _shelf_rows({5: (1986, "Heat")}), [1])  # a second Heat
    assert shelf.may_share([1, 2, 3, 5]) == [1, 5]
    shelf = shelf.changed([2], _shelf_rows({2: (1979, "Ronin")}), [3])  # Alien retitled
    assert shelf.may_share([3, 2, 1, 5]) == [3, 2, 1, 5]
    shelf = shelf.changed([6], _shelf_rows({6: (2001, "Thief")}), [])
    assert shelf.may_share([6, 1]) == [1]


@pytest.mark.parametrize("gap", [RANK_GAP, 2])
def test_a_film_shelf_changed_film_by_film_orders_films_as_one_built_afresh(
    gap: int, monkeypatch
) -> None:
    monkeypatch.setattr(indexes, "RANK_GAP", gap)  # 2: no room between ranks, soon
    rng = random.Random(5)
    titles = ["Heat", "Alien", "Ronin", "Thief", "Jaws", "Up", "It"]

    def film() -> tuple[int | None, str]:
        return rng.choice([None, 1979, 1986, 1995, 1995, 2001]), rng.choice(titles)

    films = {film_id: film() for film_id in range(1, 400)}
    shelf = FilmShelf.of(_shelf_rows(films), _oldest_first)  # ids not in order: sorted
    _assert_ordered(shelf, films)
    next_id = 400
    for _ in range(60):
        touched = rng.sample(sorted(films), rng.randint(0, 4))
        now = {}
        for film_id in touched:
            del films[film_id]
            if rng.random() < 0.5:
                now[film_id] = film()  # edited in place
        for _ in range(rng.randint(0, 3)):
            now[next_id] = film()
            next_id += 1
        films.update(now)
        touched += [i for i in now if i not in touched]
        shelf = shelf.changed(touched, _shelf_rows(now), _alike(films, now))
        _assert_ordered(shelf, films)
    many = rng.sample(sorted(films), 40)  # past RANKED_AGAIN_PAST: ranked all again
    for film_id in many:
        del films[film_id]
    shelf = shelf.changed(many, [])
    _assert_ordered(shelf, films)


def test_a_changed_title_index_finds_titles_one_slip_away_as_one_built_afresh() -> None:
    # The next letters learnt for the old index are kept only where no changed title begins.
    rng = random.Random(11)
    letters = "aehnrst "
    names = {"".join(rng.choice(letters) for _ in range(rng.randint(2, 8))) for _ in range(2000)}
    titles = {(name, ref): (0, 0.0, 0) for ref, name in enumerate(sorted(names))}
    index = TitleIndex.of(_rows(titles))
    index.learn_starts(20)
    typed = [name[:i] + name[i + 1 :] for name in rng.sample(sorted(names), 200) for i in [1]]
    for key in typed:
        index.near(key, 20)
    for count in (5, 30):  # a few changed names, then more than are edited one by one
        changes = []
        for _ in range(count):  # with a letter no title had next before
            name = "".join(rng.choice(letters + "o") for _ in range(rng.randint(2, 8)))
            ref = len(titles) + 1
            titles[(name, ref)] = (0, 0.0, 0)
            changes.append(NameChange(True, name, "film", ref, name))
            gone = rng.choice(sorted(titles))
            del titles[gone]
            changes.append(NameChange(False, gone[0], "film", gone[1], gone[0]))
        index = index.changed(changes, {})
        fresh = TitleIndex.of(_rows(titles))
        for key in typed + [change.norm for change in changes]:
            assert index.near(key, 20) == fresh.near(key, 20), key


@pytest.mark.parametrize("folded_past", [3, 50_000])
def test_a_name_index_changed_by_reloads_shows_the_names_of_one_built_afresh(
    folded_past: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Whether the reloads' changes are kept beside the first index's displays or folded
    # into a copy of them, every name shows as in an index built from the names left.
    monkeypatch.setattr(indexes, "EDITED_NAMES_MOST", folded_past)
    rng = random.Random(8)
    names = {f"{rng.choice(('heat', 'alien', 'ronin'))} {n}": f"Shown {n}" for n in range(60)}
    index = NameIndex.of(sorted(names.items()))
    for reload in range(6):
        now: dict[str, str | None] = {}
        for name in rng.sample(sorted(names), 5):  # some gone, some shown anew
            now[name] = None if rng.random() < 0.5 else f"Renamed {reload}"
        for n in range(3):  # and some new
            now[f"thief {reload} {n}"] = f"Thief {reload}"
        index = index.changed(now)
        names.update(now)
        names = {name: shown for name, shown in names.items() if shown is not None}
        fresh = NameIndex.of(sorted(names.items()))
        everything = set(names) | set(index.displays) | set(index.edited)
        assert {n: index.display(n) for n in everything} == {
            n: fresh.display(n) for n in everything
        }
        assert index.by_start == fresh.by_start and index.word_counts == fresh.word_counts
        assert index.among(everything) == {n for n in everything if fresh.display(n)}
    assert (index.edited == {}) == (folded_past == 3)


def _slipped(rng: random.Random, name: str, letters: str, slips: int) -> str:
    """``name`` with up to ``slips`` letters added, dropped, changed or swapped."""
    for _ in range(slips):
        at = rng.randrange(len(name) + 1)
        way = rng.randrange(4)
        if way == 0:
            name = name[:at] + rng.choice(letters) + name[at:]
        elif at < len(name) and way == 1:
            name = name[:at] + name[at + 1 :]
        elif at < len(name) and way == 2:
            name = name[:at] + rng.choice(letters) + name[at + 1 :]
        elif at + 1 < len(name):
            name = name[:at] + name[at + 1] + name[at] + name[at + 2 :]
    return name


def _nearest(names: set[str], key: str, max_edits: int) -> list[tuple[int, str] | None]:
    """The nearest name to ``key`` beginning like it within 0, 1, … ``max_edits`` edits,
    compared with every name: fewest edits, then shortest, then first in order."""
    near = sorted(
        (edits, len(name), name)
        for name in names
        if name[:1] == key[:1] and (edits := OSA.distance(key, name)) <= max_edits
    )
    return [
        next((found[::2] for found in near if found[0] <= most), None)
        for most in range(max_edits + 1)
    ]


@pytest.mark.parametrize(
    ("columns_past", "begun_most", "learnt"),
    [(0, 10**9, False), (10**9, 0, True), (10**9, 10**9, False), (0, 0, True)],
)
@pytest.mark.parametrize(
    ("letters", "seed"), [("ab ", 1), ("abcde ", 2), ("aeinorst ", 3), ("aeé ", 4)]
)
def test_the_nearest_name_is_the_one_every_name_compared_would_give(
    letters: str,
    seed: int,
    columns_past: int,
    begun_most: int,
    learnt: bool,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Names of few letters share many pieces, in many places; typed texts are names
    # slipped up to four times, or anything, and asked within each number of edits.
    # Every length, however few its names, is narrowed down before its names are
    # compared: pieces looked for in the text of the names of its first letter, or
    # (``columns_past`` 0) in its columns, but where a name is not all ASCII ("é").
    # A first piece that begins names (``begun_most`` 0: any) is made longer while the
    # other pieces keep ``PIECE_LEAST`` letters. The letters' texts are made when first
    # looked in, or (``learnt``) all at once before, as a warmed catalog has them, after
    # each reload too.
    monkeypatch.setattr(indexes, "COLUMNS_PAST", columns_past)
    monkeypatch.setattr(indexes, "BEGUN_MOST", begun_most)
    rng = random.Random(seed)
    names = {
        rng.choice("ab") + "".join(rng.choices(letters, k=rng.randint(0, 24))) for _ in range(3000)
    }
    index = NameIndex.of(sorted((name, name.upper()) for name in names))
    for _reload in range(3):
        if learnt:
            index.learn_letters()
        pool = sorted(names)
        for _ in range(300):
            if rng.random() < 0.8:
                typed = _slipped(rng, rng.choice(pool), letters, rng.randint(0, 4))
            else:
                typed = rng.choice("ab") + "".join(rng.choices(letters, k=rng.randint(0, 24)))
            nearest = _nearest(names, typed, 4)
            for max_edits in range(5):
                found = index.closest(typed, max_edits)
                assert found == nearest[max_edits], (typed, max_edits)
        # a reload adds and removes names: the buckets it changed are looked in afresh
        now: dict[str, str | None] = dict.fromkeys(rng.sample(pool, 300))
        for name in pool[:: len(pool) // 200]:
            new = _slipped(rng, name, letters, 2)
            if new and new not in names:
                now[new] = new.upper()
        index = index.changed(now)
        names = (names - {n for n, shown in now.items() if shown is None}) | {
            n for n, shown in now.items() if shown is not None
        }


@pytest.mark.parametrize(
    ("letters", "seed"), [("ab ", 1), ("aeinorst ", 2), ("abcdefghijklmnopqrstuvwxyz ", 3)]
)
def test_the_people_closest_to_a_text_are_those_every_name_compared_would_give(
    letters: str, seed: int
) -> None:
    # People's names of few letters share many; some are the same name, of two people.
    # Typed texts are names slipped, or anything, of any length; asked as closely as the
    # suggestions ask and closer, for few or many. The names compared once their letters
    # are counted are those that have enough letters in common with the text: the same
    # come out, in the same order, with the same person where two share a name.
    rng = random.Random(seed)
    names = ["".join(rng.choices(letters, k=rng.randint(1, 30))) for _ in range(1500)]
    names += rng.sample(names, 100)
    rows = sorted((name, "person", ref, name.upper()) for ref, name in enumerate(names))
    counted, plain = PeopleIndex.of(rows), PeopleIndex.of(rows)
    counted.count_letters()
    assert plain.letters is None
    for _ in range(400):
        if rng.random() < 0.7:
            typed = _slipped(rng, rng.choice(names), letters, rng.randint(0, 6)) or "a"
        else:
            typed = "".join(rng.choices(letters + "xyz", k=rng.randint(1, 40)))
        for limit, cutoff in [(2, 70), (5, 80), (1, 86), (30, 50), (3, 0)]:
            found = counted.scored(typed, limit, cutoff)
            every = sorted(
                ((fuzz.QRatio(typed, row[0]), at) for at, row in enumerate(rows)),
                key=lambda pair: -pair[0],
            )
            expected = [(at, score) for score, at in every if score >= cutoff][:limit]
            assert [(person.ref, score) for person, score in found] == [
                (rows[at][2], score) for at, score in expected
            ], (typed, limit, cutoff)
            assert found == plain.scored(typed, limit, cutoff)
    # a name too long for its letters to be counted in bytes: every name is compared
    long = PeopleIndex.of(sorted([*rows, ("a" * 300, "person", -1, "A")]))
    long.count_letters()
    assert long.letters is None and long.scored("a" * 290, 1, 90)[0][0].ref == -1


def _credit_index(credits: list[tuple[str, int, int]]) -> CreditIndex:
    """Built as the catalog builds it: each role's credits as numbers, in no order."""
    return CreditIndex(
        {
            role: CreditIndex.role_of(
                array("q", [pid << 32 | fid for r, pid, fid in credits if r == role])
            )
            for role in ("cast", "director")
        },
        every_role=True,
    )


def _assert_credits(index: CreditIndex, credits: list[tuple[str, int, int]]) -> None:
    """Each person's films in each role by film id, a film twice for two credits on it."""
    for role in ("cast", "director"):
        for pid in range(0, 45):
            expected = sorted(fid for r, p, fid in credits if (r, p) == (role, pid))
            assert index.films(pid, role) == expected, (role, pid)
    assert index.films(3, "composer") == []  # a role nobody holds
    for pid in (2, 7, 44):  # the share of a person's credits in a role, 0 with none
        roles = [r for r, p, _ in credits if p == pid]
        share = roles.count("director") / len(roles) if roles else 0.0
        assert index.role_share(pid, "director") == share, pid
    people = [7, 2, 30, 2, 44]
    assert index.credits(people, None) == [  # by person, then role, then film
        (fid, pid) for pid, _, fid in sorted((p, r, f) for r, p, f in credits if p in people)
    ]


Credits = list[tuple[str, int, int]]  # (role, person id, film id), in billing order
_Index = TypeVar("_Index", CreditIndex, FilmPeople)


def _reloaded(
    rng: random.Random, build: Callable[[Credits], _Index], check: Callable[[_Index, Credits], None]
) -> tuple[_Index, Credits]:
    """An index built of random credits, then changed by 30 reloads, each removing some
    films, changing others and adding new ones, ``check``ed each time; and the credits
    now."""

    def credits_of(film_id: int) -> Credits:
        return [
            (rng.choice(["cast", "cast", "director"]), rng.randrange(1, 40), film_id)
            for _ in range(rng.randint(0, 6))  # the same credit twice at times
        ]

    credits = [credit for film_id in range(1, 300) for credit in credits_of(film_id)]
    index = build(credits)
    check(index, credits)
    next_id = 300
    for _ in range(30):
        touched = rng.sample(range(1, next_id), rng.randint(0, 5))
        credits = [c for c in credits if c[2] not in touched]
        now = [
            c
            for film_id in [*touched[:2], *range(next_id, next_id + rng.randint(0, 3))]
            for c in credits_of(film_id)
        ]
        next_id += 3
        credits += now
        index = index.changed(touched + [c[2] for c in now], now)
        check(index, credits)
    return index, credits


def test_a_credit_index_changed_by_reloads_gives_each_persons_films_as_one_built_afresh() -> None:
    index, credits = _reloaded(random.Random(7), _credit_index, _assert_credits)
    _assert_credits(_credit_index(credits), credits)
    assert index.every_role
    assert not index.changed([10_000], [("stunts", 3, 10_000)]).every_role


def _film_people(credits: list[tuple[str, int, int]]) -> FilmPeople:
    """Built as the catalog builds it: each role's credits as numbers, by film then
    billing order (here the order of ``credits``)."""
    return FilmPeople(
        {
            role: FilmPeople.role_of(
                array(
                    "q",
                    [fid << 32 | pid for r, pid, fid in sorted(credits, key=_film) if r == role],
                )
            )
            for role in ("cast", "director")
        }
    )


def _film(credit: tuple[str, int, int]) -> int:
    return credit[2]


def _assert_film_people(index: FilmPeople, credits: list[tuple[str, int, int]]) -> None:
    """Each film's people in each role in billing order, a person twice for two credits."""
    for role in ("cast", "director", "composer"):
        for fid in range(-1, 400):
            expected = [p for r, p, f in credits if (r, f) == (role, fid)]
            assert index.people(fid, role) == expected, (role, fid)
    films = [5, 2, 30, 5, 399, 1_000]
    assert index.credits(dict.fromkeys(films), "cast") == [
        (fid, p) for fid in dict.fromkeys(films) for r, p, f in credits if (r, f) == ("cast", fid)
    ]


def test_a_film_people_index_changed_by_reloads_gives_each_films_people_as_one_built_afresh(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(indexes, "SLICE_ITEMS", 7)  # the films' runs found a slice at a time
    _, credits = _reloaded(random.Random(11), _film_people, _assert_film_people)
    _assert_film_people(_film_people(credits), credits)


def _near_by_scan(
    titles: list[tuple[str, int]], key: str, most: int, each: int = 8
) -> list[tuple[str, int]]:
    """``TitleIndex.near`` worked out over every title and every letter a slip may be."""
    found: list[tuple[str, int]] = []
    for at in range(1, len(key) + 1):
        start, rest = key[:at], key[at:]
        begun = [title for title in titles if title[0].startswith(start)]
        if len(begun) <= most:
            return found + begun
        ways = {start + rest[1:], start + rest[1:2] + rest[:1] + rest[2:]}
        ways.update(start + c + rest[skip:] for c in SLIP_LETTERS for skip in (0, 1))
        for way in sorted(ways):
            found += [title for title in begun if title[0].startswith(way)][:each]
    return found


@pytest.mark.parametrize("learnt", [False, True])
def test_titles_one_slip_away_are_those_a_scan_of_every_title_finds(learnt: bool) -> None:
    # Slips are only looked for where titles go on with the letters the slip leaves next:
    # none is missed, learnt at the start or worked out on the way.
    rng = random.Random(3)
    letters = "aehnrst "
    names = {"".join(rng.choice(letters) for _ in range(rng.randint(1, 9))) for _ in range(1500)}
    titles = {(name, ref): (0, 0.0, 0) for ref, name in enumerate(sorted(names))}
    index = TitleIndex.of(_rows(titles))
    every = sorted(zip(index.norms, index.refs, strict=True))
    if learnt:
        index.learn_starts(20)
    typed = [name[:i] + name[i + 1 :] for name in rng.sample(sorted(names), 100) for i in [1, 2]]
    typed += [name[:2] + rng.choice(letters) + name[2:] for name in rng.sample(sorted(names), 50)]
    for key in typed:
        assert index.near(key, 20) == _near_by_scan(every, key, 20), key


def test_titles_without_their_article_are_worked_out_alike_across_slices(monkeypatch):
    """Built a slice at a time (so no one call holds the GIL long), every title's form
    without its article is the one ``without_article`` gives, whichever slice it is in."""
    rng = random.Random(3)
    words = ["the", "a", "an", "la", "x", "matrix", "up", "it", "go"]
    norms = sorted(" ".join(rng.choices(words, k=rng.randint(1, 3))) for _ in range(500))
    monkeypatch.setattr(indexes, "SLICE_ITEMS", 7)
    index = TitleIndex.of((name, i, 0, 0, 0.0, 0) for i, name in enumerate(norms))
    index.learn_starts(10)
    assert index.articled == [indexes.without_article(name) for name in norms]
    assert any(index.articled) and not all(index.articled)
    assert index.by_length_refs.tolist() == sorted(
        range(len(norms)), key=lambda i: (indexes._length_key(norms[i]), i)
    )


def test_titles_found_again_for_the_same_film_are_worked_out_alike_across_slices(monkeypatch):
    """A title next to itself, of the same film (as it is, and another of the film's
    without its article), is found wherever the slices of the index part them."""
    rng = random.Random(5)
    rows = sorted(
        (rng.choice(["heat", "matrix", "up", "it"]), rng.randrange(4), 0, 0, 0.0, 0)
        for _ in range(300)
    )
    monkeypatch.setattr(indexes, "SLICE_ITEMS", 7)
    index = TitleIndex.of(rows)
    index.learn_starts(10)
    again = [i for i in range(1, len(rows)) if rows[i][:2] == rows[i - 1][:2]]
    assert index.twice is not None and index.twice.tolist() == again
    assert again and len(again) < len(rows) - 1


def test_rows_are_dropped_a_slice_at_a_time(monkeypatch):
    monkeypatch.setattr(indexes, "SLICE_ITEMS", 3)
    rows = [(i, str(i)) for i in range(10)]
    indexes.drop(rows)
    assert rows == []


def test_films_sharing_a_key_are_marked_alike_across_slices(monkeypatch):
    keys = ["jaws", "heat", None, "", "heat", "up", "jaws", "it", None, "alien"]
    monkeypatch.setattr(indexes, "SLICE_ITEMS", 3)
    assert list(indexes._sharing(keys)) == [1, 1, 1, 1, 1, 0, 1, 0, 1, 0]
