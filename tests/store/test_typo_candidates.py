"""Autocomplete's typo pass compares only candidate titles, and finds what a full scan finds."""

from __future__ import annotations

import json
import random
from array import array
from pathlib import Path

import pytest
from rapidfuzz import fuzz, process

from bot.answering.engine import _Lookups
from bot.store import Store, indexes
from bot.store import catalog as catalog_module
from bot.store.indexes import without_article
from bot.text import norm
from tests.conftest import METAQA

TITLES = 3000
TYPOS = 300


def _metaqa_titles(limit: int) -> list[str]:
    titles: dict[str, None] = {}
    with (METAQA / "kb.txt").open(encoding="utf-8") as fh:
        for line in fh:
            title = line.split("|", 1)[0]
            if len(norm(title)) >= 4:
                titles[title] = None
            if len(titles) >= limit:
                break
    return list(titles)


def _slip(rng: random.Random, text: str) -> str:
    """One slip as people type: a letter dropped, doubled or two swapped, never the first."""
    i = rng.randrange(1, len(text) - 1)
    kind = rng.choice(["drop", "double", "swap"])
    if kind == "drop":
        return text[:i] + text[i + 1 :]
    if kind == "double":
        return text[: i + 1] + text[i:]
    return text[:i] + text[i + 1] + text[i] + text[i + 2 :]


def _full_scan(key: str, norms: list[str], limit: int = 1, cutoff: float = 70) -> list:
    """The best ``(norm, score)`` of the typo pass that compares ``key`` with every title."""
    bucket = -(-len(key) // 4) * 4 + 4
    cut = None if bucket > 32 else bucket
    for chosen in ([n for n in norms if n[:1] == key[:1]], norms):
        found = process.extract(
            key, [n[:cut] for n in chosen], scorer=fuzz.QRatio, limit=limit, score_cutoff=cutoff
        )
        if found:
            return [(chosen[i], score) for _, score, i in found]
    return []


async def _titles_store(tmp_path: Path, titles: list[str]) -> Store:
    facts = tmp_path / "facts"
    facts.mkdir()
    films = "".join(
        f"  - {{id: film-{i}, title: {json.dumps(t)}, sources: [https://example.org/{i}]}}\n"
        for i, t in enumerate(titles)
    )
    (facts / "films.yaml").write_text("films:\n" + films, encoding="utf-8")
    store = Store(facts, tmp_path / "c.db")
    await store.open()
    await store.catalog.warm_rest()
    return store


@pytest.mark.skipif(not (METAQA / "kb.txt").exists(), reason="needs ../shared/metaqa")
async def test_misspelt_titles_find_the_same_best_match_as_a_full_scan(tmp_path: Path) -> None:
    titles = _metaqa_titles(TITLES)
    store = await _titles_store(tmp_path, titles)
    try:
        norms = [norm(t) for t in titles]
        rng = random.Random(3)
        lost, worse = [], []
        for title in rng.sample(titles, TYPOS):
            typed = _slip(rng, norm(title)[: rng.randint(6, 24)])
            expected = _full_scan(typed, norms, limit=25)
            found = await store.catalog.fuzzy_titles(typed, limit=25, same_start=True)
            labels = [norm(f.title) for f in await store.catalog.summaries(found)]
            if norm(title) in [name for name, _ in expected] and norm(title) not in labels:
                lost.append((typed, title))
            best = _full_scan(typed, labels[:1])[:1]
            if [score for _, score in best] != [score for _, score in expected[:1]]:
                worse.append((typed, expected[:1], best))
        assert not lost  # the title meant is offered whenever the full scan would offer it
        assert len(worse) <= TYPOS // 50, worse  # and the first offer is as close, nearly always
    finally:
        await store.close()


async def test_autocomplete_reads_a_misspelt_title_as_it_is_typed(store: Store) -> None:
    for typed in ("alitta batle", "alita batle angle", "hieat", "alita batttle angel 2"):
        labels = [f.label for f in await store.catalog.complete_titles(typed)]
        assert labels[:1] in (
            ["Alita: Battle Angel (2019)"],
            ["Alita: Battle Angel 2 (2025)"],
            ["Heat (1995)"],
        ), (typed, labels)


@pytest.mark.skipif(not (METAQA / "kb.txt").exists(), reason="needs ../shared/metaqa")
async def test_the_in_memory_letter_triples_give_the_candidates_of_the_stores_index(
    tmp_path: Path,
) -> None:
    titles = _metaqa_titles(TITLES)
    store = await _titles_store(tmp_path, titles)
    catalog = store.catalog
    grams = catalog._grams
    assert grams is not None
    try:
        rng = random.Random(5)
        typed = [_slip(rng, norm(t)[: rng.randint(4, 30)]) for t in rng.sample(titles, 200)]
        typed += ["x" + norm(t)[1:] for t in rng.sample(titles, 100)]  # the first letter too
        in_memory = [await catalog.title_candidates(text) for text in typed]
        catalog._grams = None  # as before the index is built: the store's trigram index
        from_store = [await catalog.title_candidates(text) for text in typed]
        assert in_memory == from_store
    finally:
        catalog._grams = grams
        await store.close()


async def test_titles_of_other_letters_do_not_crowd_out_the_misspelt_one_meant(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Small limits stand for a big catalog: more titles begin with "m" than are compared
    # one slip away, and more titles share the typed triples than are counted.
    monkeypatch.setattr(catalog_module, "SAME_START_MOST", 2)
    monkeypatch.setattr(catalog_module, "TYPO_CANDIDATES", 10)
    titles = ["Matrix Reloaded", "Mad Max", "Memento", "Metropolis"]
    titles += [f"Xtrix Reloded {i}" for i in range(12)]  # more triples in common, not an "m"
    store = await _titles_store(tmp_path, titles)
    try:
        films = await store.catalog.complete_titles("mtrix reloded")  # two slips
        assert [f.title for f in films][:1] == ["Matrix Reloaded"]
    finally:
        await store.close()


async def test_a_text_that_begins_titles_is_not_read_with_another_first_letter(
    tmp_path: Path,
) -> None:
    # "ice" begins titles, so its first letter is right: "Vice" and "Alice" are not offered
    # after them; "natrix" begins none, so a title with another first letter may be meant.
    titles = ["Ice Age", "Ice Princess", "Vice", "Alice", "The Matrix", "Matrix"]
    store = await _titles_store(tmp_path, titles)
    try:
        offered = [f.title for f in await store.catalog.complete_titles("ice")]
        assert offered == ["Ice Age", "Ice Princess"]
        assert [f.title for f in await store.catalog.complete_titles("natrix")][:1] == ["Matrix"]
    finally:
        await store.close()


def _bare(titles: list[tuple[str, int]]) -> list[tuple[str | None, int]]:
    return [(without_article(name), ref) for name, ref in titles if without_article(name)]


def test_titles_are_compared_without_their_article_as_without_article_has_them() -> None:
    names = ["the matrix", "the x", "thex", "the", "a bc", "a b", "an apple", "les amants"]
    names += ["le", "la haine", "der untergang", "das boot", "el topo", "il postino", "titanic"]
    titles = [(name, ref) for ref, name in enumerate(names)]

    def without(
        titles: list[tuple[str, int]], first: str = "", ordered: bool = False
    ) -> list[tuple[str, int]]:
        names, refs = [n for n, _ in titles], [r for _, r in titles]
        found = indexes.without_articles(names, refs, first, ordered=ordered)
        return list(zip(*found, strict=True))

    assert without(titles) == _bare(titles)
    assert without(sorted(titles), ordered=True) == _bare(sorted(titles))
    for first in "tlade":  # the titles of one first letter, as autocomplete compares them
        alike = [(name, ref) for name, ref in titles if name[:1] == first]
        assert without(alike, first) == _bare(alike)
        assert without(sorted(alike), first, ordered=True) == _bare(sorted(alike))
    assert without([("matrix", 1), ("memento", 2)], "m") == []
    assert without([("matrix", 1), ("memento", 2)], "m", ordered=True) == []
    rng = random.Random(4)
    words = ["the", "a", "an", "le", "la", "les", "l", "el", "them", "x", "ab", "", "lesb"]
    for _ in range(300):  # sorted titles found by their runs as by looking at each
        some = sorted(
            (" ".join(rng.choice(words) for _ in range(rng.randint(1, 3))).strip(), ref)
            for ref in range(rng.randint(0, 30))
        )
        for first in ["", *{name[:1] for name, _ in some}]:
            alike = [(name, ref) for name, ref in some if name.startswith(first)]
            assert without(alike, first, ordered=True) == _bare(alike), (alike, first)


async def test_a_text_typed_with_its_article_finds_titles_by_their_words_after_theirs(
    tmp_path: Path,
) -> None:
    # "the stolen children" begins "the stolen child" where it is compared with "the
    # children": too far; without its article, "stolen children", close.
    store = await _titles_store(tmp_path, ["The Stolen Children", "The Chair", "Memento"])
    try:
        offered = [f.title for f in await store.catalog.complete_titles("the children")]
        assert offered[:1] == ["The Stolen Children"]
    finally:
        await store.close()


@pytest.mark.skipif(not (METAQA / "kb.txt").exists(), reason="needs ../shared/metaqa")
async def test_titles_compared_once_for_a_question_are_those_each_look_up_finds(
    tmp_path: Path,
) -> None:
    # The look-ups of one question compare a typed text with its candidate titles once,
    # as widely as the suggestions need; asked for fewer or closer titles, in any order,
    # they give the films a look-up of its own gives, ties included (many titles alike).
    titles = _metaqa_titles(TITLES)
    titles += [f"{t} {n}" for t in titles[:40] for n in ("ii", "iii")]
    store = await _titles_store(tmp_path, titles)
    catalog = store.catalog
    try:
        rng = random.Random(11)
        asks = [(1, 86), (3, 60), (1, 60), (3, 86), (2, 70), (5, 50)]
        for title in rng.sample(titles, 120):
            typed = _slip(rng, norm(title)[: rng.randint(5, 30)])
            lookups = _Lookups(catalog)
            for limit, cutoff in rng.sample(asks, len(asks)):
                expected = await catalog.fuzzy_titles(typed, limit, cutoff)
                assert await lookups.fuzzy_titles(typed, limit, cutoff) == expected, typed
        assert await _Lookups(catalog).fuzzy_titles("", 3, 60) == []
    finally:
        await store.close()


def test_typo_hits_rank_each_film_once_at_its_closest_title() -> None:
    """Closest first; as close: a title as it is before one without its article, then
    alphabetically, then by film; a film's other titles do not place it again."""
    found = [
        (80.0, "heat", 7, 0),
        (90.0, "matrix", 3, 1),  # "The Matrix" without its article
        (90.0, "matrix", 4, 0),
        (95.0, "heats", 7, 0),  # film 7's closest title
        (90.0, "alien", 5, 0),
        (90.0, "alien", 2, 0),
        (72.0, "aliens", 9, 0),
    ]
    ranked = catalog_module.Catalog.ranked_titles
    assert ranked(found, 10) == [7, 2, 5, 4, 3, 9]
    assert ranked(found, 3) == [7, 2, 5]
    assert ranked([], 5) == []


def test_typo_hits_are_the_closest_beginnings_of_titles_each_with_its_film() -> None:
    """A short text is compared with title beginnings of about its own length, a long one
    with whole titles; titles without their article after those as they are, as close;
    each found with its film, given as the title index keeps them (numbers in an array)."""
    rng = random.Random(4)
    words = ["the", "gun", "fighter", "a", "guns", "in", "gunn", "ring", "ringo"]
    names = sorted({" ".join(rng.choices(words, k=rng.randint(1, 6))) for _ in range(400)})
    refs = array("q", range(100, 100 + len(names)))
    every = [(name, ref, 0) for name, ref in zip(names, refs, strict=True)]
    every += [(without_article(n), r, 1) for n, r, _ in every if without_article(n)]
    for key in ["the gun in", "gun fi", "the gunfighter in the ring of the guns", "a gu"]:
        bucket = -(-len(key) // 4) * 4 + 4
        cut = bucket if bucket <= catalog_module.PREFIX_BUCKET_MAX else None
        scores = [fuzz.QRatio(key, name[:cut]) for name, _, _ in every]
        close = sorted((-score, i) for i, score in enumerate(scores) if score >= 70)
        for limit in (1, 5, 25):
            expected = [(-score, *every[i]) for score, i in close[: 2 * limit]]
            assert catalog_module._typo_hits(key, names, refs, limit, 70) == expected, key
