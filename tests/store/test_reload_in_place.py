"""Reloads change the live store in one transaction, and the catalog's indexes by delta."""

from __future__ import annotations

import asyncio
import sqlite3
import time
from pathlib import Path

from bot.answering.engine import answer
from bot.store import Catalog, Store, build_store, indexes
from bot.store.catalog import ROLES
from bot.store.indexes import PeopleIndex
from tests.conftest import HEAT

HEAT_1995 = """\
films:
  - title: Heat
    year: 1995
    directors: Ann Newman
    cast:
      - {person: Al Pacino, role: Vincent Hanna}
      - {person: Robert De Niro, role: Neil McCauley}
"""

EXTRA = """\
films:
  - title: Heat
    year: 1986
    directors: Dick Richards
    cast: [Burt Reynolds]
  - title: Thief
    year: 1981
    directors: Michael Mannheim
    genres: [Neo-noir]
    cast: [{person: James Caan, role: Frank}]
    sources: [https://en.wikipedia.org/wiki/Thief_(film)]
people:
  - {name: James Caan, aliases: [Jimmy Caan], born: 1940}
"""


def _edit(facts: Path) -> None:
    """Change a director, move a film to a new file, add a film, a person and a genre,
    and remove a whole file."""
    (facts / "heat.yaml").write_text(HEAT_1995)
    (facts / "extra.yaml").write_text(EXTRA)
    (facts / "alita2.yaml").unlink()


async def _indexes(catalog: Catalog) -> tuple:
    await catalog.warm()
    await catalog.warm_rest()
    titles, people, names = catalog._titles, catalog._people, catalog._names
    grams, shelf, credits = catalog._grams, catalog._shelf, catalog._credits
    film_people = catalog._film_people
    assert titles is not None and people is not None and names is not None
    assert grams is not None and shelf is not None and credits is not None
    assert film_people is not None
    (most,) = await catalog.select("SELECT max(id) + 3 FROM people")
    (films,) = await catalog.select("SELECT max(id) + 3 FROM films")
    return (
        {  # each film's people in each role, in billing order
            (role, film_id): film_people.people(film_id, role)
            for role in ROLES
            for film_id in range(films[0])
            if film_people.people(film_id, role)
        },
        {  # each person's films in each role
            (role, pid): credits.films(pid, role)
            for role in ROLES
            for pid in range(most[0])
            if credits.films(pid, role)
        },
        {  # gone films leave empty places behind: compared by the films there
            film_id: (film, shelf.keys[film_id])
            for film_id, film in enumerate(shelf.films)
            if film is not None
        },
        [shelf.order_key(shelf.films[film_id]) for film_id in shelf.order],  # oldest first
        (titles.norms, titles.refs, titles.renown),
        (titles.by_length, titles.by_length_refs, titles.by_length_renown),
        people.hits,
        (
            names.by_start,
            {n: d for n, d in {**names.displays, **names.edited}.items() if d is not None},
            names.word_counts,
        ),
        {  # a reload leaves unused slots: compared by what each triple finds, in order
            gram: [(grams.norms[slot], grams.refs[slot]) for slot in slots]
            for gram, slots in grams.postings.items()
        },
        grams.totals,  # how many titles have each triple
    )


def _content(db_path: Path) -> dict[str, list]:
    """The store's content without its numbering: what a fresh build must also hold."""
    db = sqlite3.connect(db_path)
    try:
        queries = {
            "films": "SELECT slug, title, year, status, files.path, position FROM films "
            "JOIN files ON files.id = films.file_id",
            "credits": "SELECT f.slug, p.name, c.role, c.character, c.position FROM credits c "
            "JOIN films f ON f.id = c.film_id JOIN people p ON p.id = c.person_id",
            "people": "SELECT name, norm, born, files.path FROM people "
            "LEFT JOIN files ON files.id = people.declared_in",
            "names": "SELECT n.norm, n.kind, coalesce(f.slug, p.norm, ''), n.display FROM names n "
            "LEFT JOIN films f ON n.kind = 'film' AND f.id = n.ref "
            "LEFT JOIN people p ON n.kind = 'person' AND p.id = n.ref",
            "values": "SELECT f.slug, v.kind, v.value FROM film_values v "
            "JOIN films f ON f.id = v.film_id",
            "grams": "SELECT term, doc FROM title_gram_counts",
            "gram_docs": "SELECT gram, docs FROM title_gram_docs",
        }
        return {name: sorted(db.execute(sql).fetchall()) for name, sql in queries.items()}
    finally:
        db.close()


async def test_an_edit_reload_changes_the_live_store_and_old_requests_keep_the_old_catalog(
    store: Store, small_facts: Path
) -> None:
    before = store.catalog
    await store._warming  # the old catalog's name indexes, for the new one to start from
    inode = store.db_path.stat().st_ino
    _edit(small_facts)

    report = await store.reload()

    assert report.ok and report.files_parsed == 2, report.errors
    assert report.removed == ["Alita: Battle Angel 2 (2025)"]
    assert report.added == ["Thief (1981)"]
    assert store.db_path.stat().st_ino == inode  # changed in place, not copied
    after = store.catalog
    assert after is not before
    # A request that took the old catalog before the reload still reads the old state.
    assert "Michael Mann" in (await answer("who directed heat", before)).text
    assert await before.films_titled("alita battle angel 2")
    assert await before.people_named("michael mann")
    # The new catalog reads the new one: changed, moved, added and removed films and people.
    text = (await answer("who directed heat", after)).text
    assert "Heat (1995): directed by Ann Newman" in text
    assert "Heat (1986): directed by Dick Richards" in text
    assert not await after.films_titled("alita battle angel 2")
    assert not await after.people_named("michael mann")
    assert await after.people_named("jimmy caan")
    assert [f.label for f in await after.films_with_value("genre", "neo noir")] == ["Thief (1981)"]
    assert [f.label for f in await after.complete_titles("thie")] == ["Thief (1981)"]
    assert [f.label for f in await before.complete_titles("thie")] == []


async def test_names_looked_up_after_a_reload_are_those_the_store_now_has(
    store: Store, small_facts: Path
) -> None:
    # Only the texts the name index knows are read from the store: after a reload that
    # index is the old one changed by the delta, and must know the added names, not the gone.
    await store._warming
    _edit(small_facts)
    assert (await store.reload()).ok
    await store._warming
    after = store.catalog
    assert after._names is not None
    asked = ["thief", "jimmy caan", "alita battle angel 2", "michael mann", "heat", "no such"]
    rows = await after.select(
        f"SELECT norm, kind, ref, display FROM names WHERE norm IN ({','.join('?' * 6)})", asked
    )
    found = await after.lookup_names(asked)
    assert sorted((h.norm, h.kind, h.ref, h.display) for h in found) == sorted(rows)
    assert {h.norm for h in found} == {"thief", "jimmy caan", "heat"}


async def test_indexes_updated_by_a_reloads_delta_are_those_of_a_fresh_build(
    store: Store, small_facts: Path, tmp_path: Path
) -> None:
    await store._warming
    _edit(small_facts)
    assert (await store.reload()).ok
    await store._warming
    (small_facts / "heat.yaml").write_text(HEAT)  # and back again, in a second reload
    (small_facts / "extra.yaml").write_text("people:\n  - {name: James Caan, born: 1939}\n")
    assert (await store.reload()).ok
    await store._warming
    delta = await _indexes(store.catalog)

    fresh = await Catalog.open(store.db_path)
    try:
        assert await _indexes(fresh) == delta
    finally:
        await fresh.close()

    rebuilt = tmp_path / "rebuilt.db"
    assert build_store(small_facts, rebuilt).ok
    assert _content(rebuilt) == _content(store.db_path)


async def test_a_bad_edit_reload_leaves_the_live_store_as_it_was(
    store: Store, small_facts: Path
) -> None:
    before = _content(store.db_path)
    (small_facts / "heat.yaml").write_text(HEAT_1995)
    (small_facts / "alita2.yaml").write_text("title: [broken\n")

    report = await store.reload()

    assert not report.ok and report.serving_previous
    assert _content(store.db_path) == before
    assert "Michael Mann" in (await answer("who directed heat", store.catalog)).text


async def test_a_duplicate_id_in_a_new_file_is_refused_against_the_unchanged_files(
    store: Store, small_facts: Path
) -> None:
    (small_facts / "copy.yaml").write_text(HEAT.replace("Michael Mann", "Someone Else"))

    report = await store.reload()

    assert not report.ok
    assert any("duplicate film id 'heat-1995'" in str(e) for e in report.errors), report.errors
    assert "Michael Mann" in (await answer("who directed heat", store.catalog)).text


async def test_a_file_touched_without_changes_is_not_parsed_again(
    store: Store, small_facts: Path
) -> None:
    heat = small_facts / "heat.yaml"
    heat.write_text(heat.read_text())

    report = await store.reload()

    assert report.ok and report.unchanged and report.files_parsed == 0


async def test_warmed_waits_for_the_background_indexes_of_the_catalog_served(
    store: Store, small_facts: Path
) -> None:
    (small_facts / "extra.yaml").write_text(EXTRA)
    await store.reload()
    catalog = store.catalog

    await store.warmed()

    assert catalog._titles is not None and catalog._people is not None
    assert catalog._names is not None and catalog._grams is not None
    await store.warmed()  # and again, once done, returns at once


def _film_ids(db_path: Path) -> dict[str, int]:
    db = sqlite3.connect(db_path)
    try:
        return dict(db.execute("SELECT slug, id FROM films"))
    finally:
        db.close()


async def test_an_edit_of_one_film_replaces_that_film_alone(
    store: Store, small_facts: Path, tmp_path: Path
) -> None:
    _edit(small_facts)
    assert (await store.reload()).ok
    await store.warmed()
    ids = _film_ids(store.db_path)
    (small_facts / "extra.yaml").write_text(EXTRA.replace("Michael Mannheim", "Ann Newman"))

    report = await store.reload()

    assert report.ok and report.changed == ["Thief (1981)"] and not report.added
    now = _film_ids(store.db_path)
    assert now["heat-1986"] == ids["heat-1986"]  # the film that did not change keeps its rows
    assert now["thief-1981"] != ids["thief-1981"]
    text = (await answer("who directed thief", store.catalog)).text
    assert "Ann Newman" in text and "Mannheim" not in text
    assert not await store.catalog.people_named("michael mannheim")
    await store.warmed()
    fresh = await Catalog.open(store.db_path)
    try:
        assert await _indexes(fresh) == await _indexes(store.catalog)
    finally:
        await fresh.close()
    rebuilt = tmp_path / "rebuilt.db"
    assert build_store(small_facts, rebuilt).ok
    assert _content(rebuilt) == _content(store.db_path)


THIEF = EXTRA[EXTRA.index("  - title: Thief") : EXTRA.index("people:")]
OTHERS = {
    "a": "films:\n  - {title: Ronin, year: 1998, directors: John Frankenheimer}\n",
    "b": "films:\n  - {title: Collateral, year: 2004, directors: Ann Newman}\n",
}


async def test_a_film_moved_between_two_edited_files_is_moved_whichever_is_read_first(
    store: Store, small_facts: Path, tmp_path: Path
) -> None:
    (small_facts / "a.yaml").write_text(OTHERS["a"] + THIEF)
    (small_facts / "b.yaml").write_text(OTHERS["b"])
    assert (await store.reload()).ok
    for first, then in (("a", "b"), ("b", "a")):  # the files are read in name order
        (small_facts / f"{first}.yaml").write_text(OTHERS[first])
        (small_facts / f"{then}.yaml").write_text(OTHERS[then] + THIEF)

        report = await store.reload()

        assert report.ok and not report.added and not report.removed, report
        assert [f.label for f in await store.catalog.films_titled("thief")] == ["Thief (1981)"]
        rebuilt = tmp_path / f"rebuilt-{first}.db"
        assert build_store(small_facts, rebuilt).ok
        assert _content(rebuilt) == _content(store.db_path)


async def test_a_film_copied_into_another_edited_file_is_refused(
    store: Store, small_facts: Path
) -> None:
    (small_facts / "a.yaml").write_text("films:\n" + THIEF)
    (small_facts / "b.yaml").write_text(OTHERS["b"])
    assert (await store.reload()).ok
    (small_facts / "a.yaml").write_text("films:\n" + THIEF.replace("Frank", "Frankie"))
    (small_facts / "b.yaml").write_text(OTHERS["b"] + THIEF)

    report = await store.reload()

    assert not report.ok
    assert any("duplicate film id 'thief-1981'" in str(e) for e in report.errors), report.errors
    assert (await store.catalog.films_titled("thief"))[0].label == "Thief (1981)"


async def test_a_reload_while_the_indexes_are_built_derives_them_once_they_are(
    small_facts: Path, tmp_path: Path, monkeypatch
) -> None:
    built: list[int] = []
    of = PeopleIndex.of

    def slow(rows: list[tuple]) -> PeopleIndex:
        built.append(len(rows))
        time.sleep(0.3)  # still building when the reload is served
        return of(rows)

    monkeypatch.setattr(PeopleIndex, "of", slow)
    store = Store(small_facts, tmp_path / "catalog.db")
    try:
        await store.open()
        (small_facts / "heat.yaml").write_text(HEAT_1995)
        assert (await store.reload()).ok
        await store.warmed()

        assert len(built) == 1  # built once, for the first catalog; the second's derived
        assert [hit.display for hit in await store.catalog.people_by_surname("newman")] == [
            "Ann Newman"
        ]
    finally:
        await store.close()


async def test_a_closed_store_leaves_no_reload_log_for_the_next_start_to_read(
    small_facts: Path, tmp_path: Path
) -> None:
    db_path = tmp_path / "catalog.db"
    store = Store(small_facts, db_path)
    await store.open()
    (small_facts / "heat.yaml").write_text(HEAT_1995)
    assert (await store.reload()).ok
    assert db_path.with_name("catalog.db-wal").stat().st_size > 0  # the reload's log

    await store.close()

    assert not db_path.with_name("catalog.db-wal").exists()
    again = Store(small_facts, db_path)
    try:
        report = await again.open()
        assert report.unchanged
        assert "Ann Newman" in (await answer("who directed heat", again.catalog)).text
    finally:
        await again.close()


async def test_a_film_edited_in_place_is_listed_as_it_now_is(
    store: Store, small_facts: Path
) -> None:
    await store.warmed()
    heat = small_facts / "heat.yaml"
    heat.write_text(HEAT.replace("year: 1986", "year: 1987"))
    assert (await store.reload()).ok
    await store.warmed()
    catalog = store.catalog
    assert catalog._shelf is not None  # lists come from memory, updated by the reload
    burt = await catalog.people_named("burt reynolds")

    (film,) = await catalog.films_of_people(burt)

    assert film.label == "Heat (1987)"
    assert [f.label for f in await catalog.films_titled("heat")] == ["Heat (1987)", "Heat (1995)"]


async def test_a_request_while_a_reloads_indexes_are_derived_waits_for_them(
    store: Store, small_facts: Path, monkeypatch
) -> None:
    await store.warmed()
    built: list[int] = []
    of, changed = PeopleIndex.of, PeopleIndex.changed

    def counted(rows: list[tuple]) -> PeopleIndex:
        built.append(len(rows))
        return of(rows)

    def slow(index: PeopleIndex, changes: list) -> PeopleIndex:
        time.sleep(0.3)  # a big catalog's derivation takes its time
        return changed(index, changes)

    monkeypatch.setattr(PeopleIndex, "of", counted)
    monkeypatch.setattr(PeopleIndex, "changed", slow)
    (small_facts / "heat.yaml").write_text(HEAT_1995)
    assert (await store.reload()).ok
    await asyncio.sleep(0.1)  # the new catalog's indexes are being derived

    hits = await store.catalog.people_by_surname("newman")

    assert [hit.display for hit in hits] == ["Ann Newman"]
    assert built == []  # waited for the derived index, did not build one from every name


async def test_credits_kept_aside_by_many_reloads_are_read_again_into_the_index(
    store: Store, small_facts: Path, monkeypatch
) -> None:
    await store.warmed()
    _edit(small_facts)
    assert (await store.reload()).ok
    await store.warmed()
    kept_aside = store.catalog._credits
    assert kept_aside is not None and kept_aside.touched  # the new films' credits beside it

    monkeypatch.setattr(indexes, "CREDITS_TOUCHED_MOST", len(kept_aside.touched))
    (small_facts / "heat.yaml").write_text(HEAT)
    (small_facts / "extra.yaml").write_text("people:\n  - {name: James Caan, born: 1939}\n")
    assert (await store.reload()).ok
    await store.warmed()

    credits = store.catalog._credits
    assert credits is not None and not credits.touched and not credits.added
    fresh = await Catalog.open(store.db_path)
    try:
        assert await _indexes(fresh) == await _indexes(store.catalog)
    finally:
        await fresh.close()


async def test_the_most_credited_after_a_reload_are_those_the_store_counts(
    store: Store, small_facts: Path
) -> None:
    await store._warming
    _edit(small_facts)
    (small_facts / "more.yaml").write_text(
        "films:\n"
        "  - {title: Collateral, year: 2004, directors: [Michael Mann], cast: [Jamie Foxx]}\n"
        "  - {title: Ali, year: 2001, directors: [Michael Mann], cast: [Jamie Foxx]}\n"
        "  - {title: Soon, year: 2031, status: announced, directors: [Dick Richards],\n"
        "     sources: [https://example.org/soon]}\n"
    )
    assert (await store.reload()).ok
    await store._warming
    catalog = store.catalog
    assert catalog._credits is not None and catalog._credits.added  # counted by delta
    for role in (*ROLES, None):
        for limit in (1, 3, 8):
            read = await catalog._most_credited_read(role, limit)
            assert await catalog.most_credited(role, limit) == read, (role, limit)
    directors = await catalog.most_credited("director", 1)
    assert [await catalog.person_name(pid) for pid, _ in directors] == ["Michael Mann"]
