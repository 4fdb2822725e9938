"""The store: queries the bot makes, incremental reloads, and the atomic swap."""

from __future__ import annotations

import asyncio
import gc
import sqlite3
import threading
from pathlib import Path

import pytest

from bot.catalog.schema import SHARED_TITLE_TAG
from bot.discord.choices import find_film
from bot.discord.embeds import reload_embed, reload_summary
from bot.store import Store, build_store, live
from bot.store import build as build_module
from bot.store import catalog as catalog_module
from bot.store.catalog import MERGED_SQL, ROLES, Catalog
from bot.text import norm
from tests.conftest import ALITA_2, WriteFacts


async def test_a_film_comes_back_with_credits_values_and_sources(store: Store) -> None:
    (summary,) = await store.catalog.films_titled("alita: battle angel")
    film = await store.catalog.film(summary.id)
    assert film is not None
    assert film.label == "Alita: Battle Angel (2019)"
    assert film.names("director") == ["Robert Rodriguez"]
    assert [(c.person, c.character) for c in film.people("cast")][:2] == [
        ("Rosa Salazar", "Alita"),
        ("Christoph Waltz", "Dr. Dyson Ido"),
    ]
    assert film.listed("genre") == ("Science fiction", "Action")
    assert film.runtime_minutes == 122
    assert film.sources[0].url == "https://en.wikipedia.org/wiki/Alita:_Battle_Angel"


async def test_an_unconfirmed_film_keeps_its_status_and_source(store: Store) -> None:
    film = await store.catalog.film_by_slug("alita-battle-angel-2-2025")
    assert film is not None
    assert film.summary.status == "unconfirmed" and not film.summary.confirmed
    assert film.sources[0].text == "Promotional text of a fan-made concept trailer"
    assert film.follows == "alita-battle-angel-2019"


async def test_titles_shared_by_films_return_all_of_them(store: Store) -> None:
    films = await store.catalog.films_titled("HEAT")
    assert [f.label for f in films] == ["Heat (1986)", "Heat (1995)"]


async def test_a_film_is_found_by_slug_or_title_without_waiting_for_the_database_thread(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    catalog = store.catalog

    async def busy(*args: object) -> list[tuple]:
        raise AssertionError("a look-up by key went to the database thread")

    monkeypatch.setattr(catalog, "_all", busy)
    film = await catalog.film_by_slug("alita-battle-angel-2-2025")
    assert film is not None and film.label == "Alita: Battle Angel 2 (2025)"
    match = await find_film(catalog, "Alita: Battle Angel")
    assert match.film is not None and match.film.names("director") == ["Robert Rodriguez"]
    assert [f.label for f in (await find_film(catalog, "heat")).candidates] == [
        "Heat (1986)",
        "Heat (1995)",
    ]


async def test_aliases_find_films(store: Store) -> None:
    (film,) = await store.catalog.films_titled("alita")
    assert film.slug == "alita-battle-angel-2019"


async def test_autocomplete_finds_prefixes_and_typos(store: Store) -> None:
    prefix = [f.label for f in await store.catalog.complete_titles("alit")]
    assert prefix[:2] == ["Alita: Battle Angel (2019)", "Alita: Battle Angel 2 (2025)"]
    typo = [f.label for f in await store.catalog.complete_titles("alitta batle angel")]
    assert "Alita: Battle Angel (2019)" in typo


async def test_autocomplete_orders_short_titles_first_and_years_apart(
    write_facts: WriteFacts, tmp_path: Path
) -> None:
    films = "\n".join(
        f"  - {{title: {title}, year: {year}, sources: [https://example.org/{i}]}}"
        for i, (title, year) in enumerate(
            [("Heat", 1995), ("Heat", 1986), ("Heathers", 1989), ("Heavy", 1995), ("Evita", 1996)]
        )
    )
    store = Store(write_facts(films="films:\n" + films), tmp_path / "c.db")
    await store.open()
    try:
        catalog = store.catalog
        labels = [f.label for f in await catalog.complete_titles("hea")]
        assert labels[:4] == ["Heat (1986)", "Heat (1995)", "Heavy (1995)", "Heathers (1989)"]
        assert [f.label for f in await catalog.complete_titles("he", limit=2)] == [
            "Heat (1986)",
            "Heat (1995)",
        ]
        # A wrong first letter still finds the title when no title starts with that letter.
        assert "Evita (1996)" in [f.label for f in await catalog.complete_titles("wvita")]
        assert [f.label for f in await catalog.complete_titles("")][:1] == ["Evita (1996)"]
    finally:
        await store.close()


async def test_a_person_lists_films_by_role(store: Store) -> None:
    (pid,) = await store.catalog.people_named("james cameron")
    person = await store.catalog.person(pid)
    assert person is not None
    roles = {(c.film.title, c.role) for c in person.credits}
    assert roles == {
        ("Alita: Battle Angel", "writer"),
        ("Alita: Battle Angel", "producer"),
        ("Alita: Battle Angel 2", "producer"),
    }


async def test_role_shares_say_how_much_of_each_persons_work_is_in_a_role(store: Store) -> None:
    (cameron,) = await store.catalog.people_named("james cameron")
    shares = await store.catalog.role_shares([cameron, 10**9], "producer")
    assert shares == {cameron: 2 / 3, 10**9: 0.0}


async def test_role_shares_from_memory_are_the_stores(store: Store) -> None:
    catalog = store.catalog
    people = [
        p for name in ("james cameron", "al pacino") for p in await catalog.people_named(name)
    ]
    index = await catalog._credit_index()
    assert index.every_role
    catalog._credits = None  # answered by the store
    from_store = {role: await catalog.role_shares([*people, 10**9], role) for role in ROLES}
    catalog._credits = index
    from_memory = {role: await catalog.role_shares([*people, 10**9], role) for role in ROLES}
    assert from_memory == from_store
    assert any(share for shares in from_store.values() for share in shares.values())


async def test_credits_of_people_are_their_films_and_those_films_credits_of_them(
    store: Store,
) -> None:
    catalog = store.catalog
    people = [
        p for name in ("james cameron", "al pacino") for p in await catalog.people_named(name)
    ]
    for role in ("producer", "cast", "director"):
        credited = await catalog.credits_of_people(people, role)
        films = await catalog.films_of_people(people, role)
        assert credited.films == films  # oldest first
        assert sorted(credited.pairs) == sorted(
            (film_id, pid)
            for film_id, pid, _ in await catalog.people_of_films([f.id for f in films], role)
            if pid in people
        )
        # each film's title key by its id (the shelf's list of them, once it is built)
        assert {f.id: credited.title_norms[f.id] for f in films} == {
            f.id: norm(f.title) for f in films
        }
    producer = await catalog.credits_of_people(people, "producer")
    assert [f.label for f in producer.films] == [
        "Alita: Battle Angel (2019)",
        "Alita: Battle Angel 2 (2025)",
    ]


async def test_credits_and_values_of_films_come_in_the_films_order_then_billing_order(
    store: Store,
) -> None:
    catalog = store.catalog
    films = [(await catalog.films_titled(t))[0] for t in ("heat", "alita battle angel")]
    for ordered in (films, films[::-1]):
        ids = [f.id for f in ordered]
        records = [await catalog.film(film_id) for film_id in ids]
        cast = [
            (r.summary.id, c.person_id, c.person)
            for r in records
            if r is not None
            for c in r.credits
            if c.role == "cast"
        ]
        assert len(cast) > 2
        assert await catalog.people_of_films(ids + ids[:1], "cast") == cast
        genres = [(r.summary.id, g) for r in records if r for g in r.values.get("genre", ())]
        assert genres
        assert await catalog.values_of_films(ids, "genre") == genres


async def test_who_plays_a_character(store: Store) -> None:
    ((film, credit),) = await store.catalog.cast_as("commander atheon")
    assert credit.person == "Benedict Cumberbatch" and film.status == "unconfirmed"


async def test_stats_count_the_catalog(store: Store) -> None:
    stats = await store.catalog.stats()
    assert (stats.films, stats.files, stats.unconfirmed) == (4, 3, 1)
    assert stats.people == 15


async def test_a_file_that_is_not_a_catalog_fails_to_open(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE meta (key TEXT, value TEXT)")
        db.execute("CREATE TABLE films (id INTEGER)")
    db.close()
    with pytest.raises(sqlite3.OperationalError, match="no such table"):
        await Catalog.open(other)


async def test_the_store_remembers_file_hashes_and_reparses_only_changes(
    small_facts: Path, tmp_path: Path
) -> None:
    db = tmp_path / "c.db"
    first = build_store(small_facts, db)
    assert first.ok and first.files_parsed == 3 and len(first.added) == 4
    with sqlite3.connect(db) as conn:
        hashes = dict(conn.execute("SELECT path, sha256 FROM files"))
    assert set(hashes) == {"alita.yaml", "alita2.yaml", "heat.yaml"}
    assert all(len(h) == 64 for h in hashes.values())

    again = build_store(small_facts, db)
    assert again.ok and again.unchanged and again.files_parsed == 0

    (small_facts / "alita2.yaml").write_text(ALITA_2.replace("year: 2025", "year: 2026"))
    edited = build_store(small_facts, db)
    assert edited.ok and edited.files_parsed == 1 and edited.files_reused == 2
    assert edited.added == ["Alita: Battle Angel 2 (2026)"]
    assert edited.removed == ["Alita: Battle Angel 2 (2025)"]


async def test_a_changed_film_is_reported_as_changed(small_facts: Path, tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    build_store(small_facts, db)
    (small_facts / "alita2.yaml").write_text(ALITA_2.replace("Nova", "Nova (older)"))
    result = build_store(small_facts, db)
    assert result.changed == ["Alita: Battle Angel 2 (2025)"]
    assert result.added == [] and result.removed == []


async def test_a_good_reload_swaps_in_new_facts(store: Store, small_facts: Path) -> None:
    old = store.catalog
    (small_facts / "up.yaml").write_text("title: Up\nyear: 2009\ndirectors: [Pete Docter]\n")
    report = await store.reload()
    assert report.ok and report.added == ["Up (2009)"]
    assert store.catalog is not old
    assert [f.label for f in await store.catalog.films_titled("up")] == ["Up (2009)"]
    assert await old.films_titled("up") == []  # the old catalog is unchanged


async def test_a_failed_reload_keeps_the_previous_catalog(store: Store, small_facts: Path) -> None:
    before = store.catalog
    (small_facts / "heat.yaml").write_text("films:\n  - title: Heat\n    year: abc\n")
    report = await store.reload()
    assert not report.ok and report.serving_previous
    assert [str(e) for e in report.errors] == [
        f"{small_facts}/heat.yaml:3: 'year' must be a whole number, got 'abc'"
    ]
    assert store.catalog is before
    assert len(await store.catalog.films_titled("heat")) == 2


async def test_removed_files_take_their_films_and_orphans_with_them(
    store: Store, small_facts: Path
) -> None:
    (small_facts / "heat.yaml").unlink()
    report = await store.reload()
    assert report.ok and report.removed == ["Heat (1986)", "Heat (1995)"]
    assert await store.catalog.films_titled("heat") == []
    assert await store.catalog.people_named("al pacino") == []
    assert await store.catalog.people_named("rosa salazar") != []


async def test_a_restart_serves_the_last_good_store_when_files_turned_bad(
    small_facts: Path, tmp_path: Path
) -> None:
    db = tmp_path / "c.db"
    first = Store(small_facts, db)
    await first.open()
    await first.close()
    (small_facts / "alita.yaml").write_text("title: [broken\n")
    second = Store(small_facts, db)
    try:
        report = await second.open()
        assert not report.ok and report.serving_previous
        assert len(await second.catalog.films_titled("alita: battle angel")) == 1
    finally:
        await second.close()


async def test_people_sections_add_aliases_and_birth_dates(
    write_facts: WriteFacts, tmp_path: Path
) -> None:
    facts = write_facts(
        film="title: Alita\ncomposer: Tom Holkenborg\n",
        people="""\
            people:
              - name: Tom Holkenborg
                aliases: [Junkie XL]
                born: 1967-12-08
            """,
    )
    live = Store(facts, tmp_path / "p.db")
    await live.open()
    try:
        (pid,) = await live.catalog.people_named("junkie xl")
        person = await live.catalog.person(pid)
        assert person is not None
        assert (person.name, person.born, person.aliases) == (
            "Tom Holkenborg",
            "1967-12-08",
            ("Junkie XL",),
        )
    finally:
        await live.close()


async def test_memory_store_leaves_no_file_behind(small_facts: Path) -> None:
    live = Store(small_facts, ":memory:")
    await live.open()
    path = live.db_path
    assert path.exists()
    await live.close()
    assert not path.exists()


HEAT_1986 = """\
title: Heat
year: 1986
directors: Dick Richards
cast: [Burt Reynolds]
"""


async def test_a_film_moved_between_edited_files_is_neither_added_nor_removed(
    store: Store, small_facts: Path
) -> None:
    heat = (small_facts / "heat.yaml").read_text()
    (small_facts / "heat.yaml").write_text(heat.split("  - title: Heat\n    year: 1986")[0])
    (small_facts / "heat86.yaml").write_text(HEAT_1986)
    report = await store.reload()
    assert report.ok, report.errors
    assert report.added == report.removed == report.changed == []
    films = await store.catalog.films_titled("heat")
    assert sorted(f.label for f in films) == ["Heat (1986)", "Heat (1995)"]


async def test_a_film_id_given_twice_fails_a_cold_build_and_writes_nothing(
    write_facts, tmp_path: Path
) -> None:
    facts = write_facts(a=HEAT_1986, b=HEAT_1986.replace("Dick Richards", "Someone Else"))
    db = tmp_path / "c.db"
    result = build_store(facts, db, display_root="facts")
    assert not result.ok
    assert [str(e) for e in result.errors] == [
        "facts/b.yaml:1: duplicate film id 'heat-1986' (also at facts/a.yaml:1); "
        "give one of them a different 'id'"
    ]
    assert list(tmp_path.glob("c.db*")) == []


async def test_a_reload_clashing_with_an_unchanged_file_keeps_the_previous_catalog(
    store: Store, small_facts: Path
) -> None:
    before = store.catalog
    (small_facts / "zz-heat86.yaml").write_text(HEAT_1986.replace("Dick Richards", "X Y"))
    report = await store.reload()
    assert not report.ok and report.serving_previous
    assert "duplicate film id 'heat-1986'" in str(report.errors[0])
    assert store.catalog is before
    assert not list(store.db_path.parent.glob("*.tmp"))


def _dump(db: Path) -> dict[str, list[tuple]]:
    with sqlite3.connect(db) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {
            table: sorted(map(tuple, conn.execute(f"SELECT * FROM {table}")), key=repr)
            for table in tables
            if table not in ("meta",) and not table.startswith("sqlite_")
        }


async def test_parallel_workers_build_the_same_store_as_one_process(
    small_facts: Path, tmp_path: Path, monkeypatch
) -> None:
    from bot.catalog import loader

    serial = build_store(small_facts, tmp_path / "serial.db", workers=1)
    monkeypatch.setattr(loader, "PARALLEL_MIN_BYTES", 0)
    parallel = build_store(small_facts, tmp_path / "parallel.db", workers=2)
    assert serial.ok and parallel.ok
    assert parallel.added == serial.added and len(parallel.added) == 4
    assert _dump(tmp_path / "parallel.db") == _dump(tmp_path / "serial.db")
    assert _dump(tmp_path / "serial.db")["credits"]


async def test_a_first_builds_title_triples_pass_sqlites_check_and_are_those_of_the_names(
    small_facts: Path, tmp_path: Path
) -> None:
    db = tmp_path / "store" / "c.db"
    assert build_store(small_facts, db).ok
    assert [p.name for p in db.parent.iterdir()] == ["c.db"]
    with sqlite3.connect(db) as conn:
        # SQLite's own check of the full-text index, against the names it was built from
        conn.execute("INSERT INTO title_grams (title_grams, rank) VALUES ('integrity-check', 1)")
        copied = conn.execute("SELECT term, doc, cnt FROM title_gram_counts").fetchall()
        docs = conn.execute("SELECT gram, docs FROM title_gram_docs ORDER BY gram").fetchall()
        hits = conn.execute(
            "SELECT n.display FROM title_grams g JOIN names n ON n.rowid = g.rowid "
            "WHERE title_grams MATCH 'bat' ORDER BY 1"
        ).fetchall()
        conn.execute("INSERT INTO title_grams (title_grams) VALUES ('delete-all')")
        conn.execute(
            "INSERT INTO title_grams (rowid, norm) "
            "SELECT rowid, norm FROM names WHERE kind = 'film'"
        )
        assert conn.execute("SELECT term, doc, cnt FROM title_gram_counts").fetchall() == copied
    assert docs == [(term, doc) for term, doc, _ in copied] and ("hea", 2) in docs
    assert hits == [("Alita: Battle Angel",), ("Alita: Battle Angel 2",)]


async def test_a_first_build_stopped_while_indexing_leaves_no_file_behind(
    small_facts: Path, tmp_path: Path, monkeypatch
) -> None:
    db = tmp_path / "store" / "c.db"
    sql = build_module._sql

    def broken(name: str) -> str:
        extra = "CREATE INDEX nowhere ON no_table (x);" if name == "indexes.sql" else ""
        return sql(name) + extra

    monkeypatch.setattr(build_module, "_sql", broken)
    with pytest.raises(sqlite3.OperationalError, match="no_table"):
        build_store(small_facts, db)
    assert list(db.parent.iterdir()) == []


async def test_files_are_written_with_the_cycle_collector_paused(
    small_facts: Path, tmp_path: Path, monkeypatch
) -> None:
    running: list[bool] = []
    add_file = build_module._Writer.add_file

    def noting(writer, item) -> None:
        running.append(gc.isenabled())
        add_file(writer, item)

    monkeypatch.setattr(build_module._Writer, "add_file", noting)
    assert build_store(small_facts, tmp_path / "c.db").ok
    assert running and not any(running)
    assert gc.isenabled()


async def test_film_lists_read_from_memory_are_those_read_from_the_store(store: Store) -> None:
    catalog = store.catalog
    assert catalog._shelf is None  # until the background indexes are built
    people = [
        p for name in ("james cameron", "al pacino") for p in await catalog.people_named(name)
    ]
    ids = [row[0] for row in await catalog.select("SELECT id FROM films ORDER BY title DESC")]

    async def lists() -> tuple:
        credited = [await catalog.credits_of_people(people, role) for role in ("cast", "director")]
        return (
            await catalog.summaries([*ids, 10_000]),
            [await catalog.films_of_people(people, role) for role in (None, "cast", "director")],
            # pairs in one order; each film's title key looked up by its id
            [(c.films, {f.id: c.title_norms[f.id] for f in c.films}, c.pairs) for c in credited],
            # each film's people in film, then billing order, unknown films left out
            [await catalog.people_of_films([*ids, 10_000, ids[0]], role) for role in ROLES],
        )

    from_store = await lists()
    assert any(from_store[-1])
    await store.warmed()
    assert catalog._shelf is not None and catalog._credits is not None
    assert catalog._film_people is not None
    assert catalog._credits.every_role  # every role served from memory, None too
    assert await lists() == from_store
    assert [f.id for f in from_store[0]] == ids  # in the order asked, unknown ids left out


async def test_a_reload_of_many_films_names_the_first_and_counts_them_all(
    store: Store, small_facts: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Only the first films' labels cross from the build process (a first build adds every
    # film of the catalog); the counts and the admin's report still cover them all.
    monkeypatch.setattr(build_module, "LISTED_FILMS_MOST", 2)
    films = "".join(f"  - title: Film {n}\n    year: {1990 + n}\n" for n in range(5))
    (small_facts / "many.yaml").write_text(f"films:\n{films}")
    report = await store.reload()
    assert report.ok and report.added_count == 5
    assert report.added == ["Film 0 (1990)", "Film 1 (1991)"]
    assert reload_summary(report).endswith("(5 added, 0 changed, 0 removed)")
    field = reload_embed(report).fields[0]
    assert field.name == "Added (5)"
    assert field.value == "Film 0 (1990)\nFilm 1 (1991)\n… and 3 more"


async def test_a_first_load_parses_at_full_priority_and_reloads_in_the_background(
    small_facts: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backgrounds: list[bool] = []

    def build(*args, **kwargs):
        backgrounds.append(kwargs["background"])
        return build_store(*args, **kwargs)

    monkeypatch.setattr(live, "build_store", build)
    store = Store(small_facts, tmp_path / "c.db")
    await store.open()  # nothing is served yet: the CPU is the first build's
    try:
        (small_facts / "alita2.yaml").write_text(ALITA_2.replace("year: 2025", "year: 2026"))
        assert (await store.reload()).ok
    finally:
        await store.close()
    assert backgrounds == [False, True]


async def test_films_whose_facts_a_source_merged_are_read_by_their_own_rows(
    write_facts: WriteFacts, tmp_path: Path
) -> None:
    # Many films share titles and carry the tag: reading them all through the values'
    # index costs more the bigger the catalog, while the films asked about are a few rows.
    films = [
        f"  - {{title: Same {n}, year: {year}, tags: [{SHARED_TITLE_TAG}, drama]}}"
        for n in range(150)
        for year in (1990, 1991)
    ]
    # most values name few films (SQLite's statistics say so): the tag looks selective
    films += [f"  - {{title: Own {n}, year: 2000, tags: [own {n}, kind {n}]}}" for n in range(400)]
    facts = write_facts(many="films:\n" + "\n".join(films) + "\n")
    live = Store(facts, tmp_path / "merged.db")
    await live.open()
    try:
        catalog = live.catalog
        same = [f.id for n in (3, 40, 99) for f in await catalog.films_titled(f"same {n}")]
        own = [f.id for n in (5, 60) for f in await catalog.films_titled(f"own {n}")]
        assert len(same) == 6 and len(own) == 2
        asked = [own[0], *same, own[1]] * 3
        assert await catalog.merged_films(asked) == same
        with sqlite3.connect(tmp_path / "merged.db") as db:
            sql = MERGED_SQL.format(marks=",".join("?" * 25))
            plan = db.execute(f"EXPLAIN QUERY PLAN {sql}", [*range(1, 26), "x"]).fetchall()
        assert [row[-1] for row in plan] == [
            "SEARCH film_values USING PRIMARY KEY (film_id=? AND kind=?)"
        ]
    finally:
        await live.close()


def test_the_indexes_of_every_catalog_are_built_on_one_thread_started_once(
    small_facts: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A thread started while a build holds the GIL stalls the event loop starting it, so
    the builds of successive catalogs, even of different event loops, share one thread."""
    builders: list[threading.Thread] = []
    real = catalog_module._built

    def built(build: object, rows: list[tuple]) -> object:
        builders.append(threading.current_thread())
        return real(build, rows)  # type: ignore[arg-type]

    monkeypatch.setattr(catalog_module, "_built", built)

    async def serve(db_path: Path) -> None:
        store = Store(small_facts, db_path)
        await store.open()
        await store.warmed()
        assert store.catalog._titles is not None and store.catalog._shelf is not None
        await store.close()

    asyncio.run(serve(tmp_path / "first.db"))
    asyncio.run(serve(tmp_path / "second.db"))

    assert len(builders) >= 10  # each catalog's titles, films, people, names, triples
    assert len(set(builders)) == 1 and builders[0] is not threading.main_thread()
