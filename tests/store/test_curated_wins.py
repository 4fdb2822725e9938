"""A hand-written film replaces the imported film with the same ``imdb_id``."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.catalog import check_directory
from bot.store import Store

IMPORTED = """\
imported: imdb
films:
  - id: tt0113277
    imdb_id: tt0113277
    title: Heat
    year: 1995
    directors: [Michael Mann]
    cast: [{person: Al Pacino, role: Lt. Vincent Hanna}, {person: Imported Only Actor}]
    sources: [https://www.imdb.com/title/tt0113277/]
  - id: tt0133093
    imdb_id: tt0133093
    title: The Matrix
    year: 1999
    sources: [https://www.imdb.com/title/tt0133093/]
"""

CURATED = """\
title: Heat
year: 1995
imdb_id: tt0113277
directors: Michael Mann
cast: [{person: Al Pacino, role: Vincent Hanna}]
sources: [https://en.wikipedia.org/wiki/Heat_(1995_film)]
"""


def _write(root: Path, files: dict[str, str]) -> Path:
    root.mkdir(exist_ok=True)
    for name, text in files.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


async def _heat_cast(store: Store) -> list[tuple[list[tuple[str, str | None]], str]]:
    films = []
    for summary in await store.catalog.films_titled("heat"):
        film = await store.catalog.film(summary.id)
        assert film is not None
        films.append(([(c.person, c.character) for c in film.people("cast")], film.slug))
    return films


@pytest.mark.parametrize("curated_name", ["a-heat.yaml", "z-heat.yaml"])
async def test_the_hand_written_film_wins_whatever_the_file_order(
    tmp_path: Path, curated_name: str
) -> None:
    facts = _write(tmp_path / "facts", {"imdb-001.yaml": IMPORTED, curated_name: CURATED})
    store = Store(facts, tmp_path / "c.db")
    await store.open()
    try:
        assert await _heat_cast(store) == [([("Al Pacino", "Vincent Hanna")], "heat-1995")]
        assert await store.catalog.people_named("imported only actor") == []
        assert [f.label for f in await store.catalog.films_titled("the matrix")] == [
            "The Matrix (1999)"
        ]
    finally:
        await store.close()


async def test_the_imported_film_comes_back_when_the_hand_written_one_goes(
    tmp_path: Path,
) -> None:
    facts = _write(tmp_path / "facts", {"imdb-001.yaml": IMPORTED, "heat.yaml": CURATED})
    store = Store(facts, tmp_path / "c.db")
    await store.open()
    try:
        (facts / "heat.yaml").unlink()
        report = await store.reload()
        assert report.ok
        assert await _heat_cast(store) == [
            ([("Al Pacino", "Lt. Vincent Hanna"), ("Imported Only Actor", None)], "tt0113277")
        ]
        # And gives way again when a hand-written film with its imdb_id is added back.
        (facts / "heat.yaml").write_text(CURATED, encoding="utf-8")
        assert (await store.reload()).ok
        assert await _heat_cast(store) == [([("Al Pacino", "Vincent Hanna")], "heat-1995")]
        # An edit of the hand-written film that drops its imdb_id brings the import back.
        (facts / "heat.yaml").write_text(CURATED.replace("imdb_id: tt0113277\n", ""))
        assert (await store.reload()).ok
        assert sorted(slug for _, slug in await _heat_cast(store)) == ["heat-1995", "tt0113277"]
    finally:
        await store.close()


async def test_a_duplicate_imdb_id_among_hand_written_films_is_reported_with_its_line(
    tmp_path: Path,
) -> None:
    other = CURATED.replace("title: Heat", "title: Heat (director's cut)")
    facts = _write(tmp_path / "facts", {"a.yaml": CURATED, "b.yaml": other})
    result = check_directory(facts, "facts")
    assert [str(e) for e in result.errors] == [
        "facts/b.yaml:3: duplicate imdb_id 'tt0113277' (also at facts/a.yaml:3); "
        "one film per IMDb title"
    ]


async def test_a_reload_adding_a_duplicate_imdb_id_is_refused_and_the_old_catalog_serves(
    tmp_path: Path,
) -> None:
    facts = _write(tmp_path / "facts", {"a.yaml": CURATED, "imdb-001.yaml": IMPORTED})
    store = Store(facts, tmp_path / "c.db", display_root="facts")
    await store.open()
    try:
        other = CURATED.replace("title: Heat", "title: Heat Again")
        (facts / "b.yaml").write_text(other, encoding="utf-8")
        report = await store.reload()
        assert not report.ok and report.serving_previous
        assert [str(e) for e in report.errors] == [
            "facts/b.yaml:3: duplicate imdb_id 'tt0113277' (also at facts/a.yaml:3); "
            "one film per IMDb title"
        ]
        assert [f.label for f in await store.catalog.films_titled("heat")] == ["Heat (1995)"]
    finally:
        await store.close()


def test_a_malformed_imdb_id_is_named(tmp_path: Path) -> None:
    facts = _write(tmp_path / "facts", {"a.yaml": CURATED.replace("tt0113277", "tt113")})
    (error,) = check_directory(facts, "facts").errors
    assert str(error) == (
        "facts/a.yaml:3: 'imdb_id' must be an IMDb title id, 'tt' and 7 to 12 digits, got 'tt113'"
    )
