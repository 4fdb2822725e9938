"""What a build writes: every value as the facts give it, NULL where they give none."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from bot.store import build_store
from bot.store.build import FILM_COLUMNS, SOURCE_COLUMNS

FACTS = """\
films:
- id: heat-1995
  title: Heat
  year: 1995
  status: released
  runtime_minutes: 170
  release_date: 1995-12-15
  synopsis: A thief and a detective.
  tagline: A Los Angeles crime saga.
  imdb_rating: 8.3
  imdb_votes: 700000
  imdb_id: tt0113277
  directors: [Michael Mann]
  cast:
  - {person: Al Pacino, role: Vincent Hanna}
  - person: Robert De Niro
  - {person: Val Kilmer, role: Chris Shiherlis, note: uncredited stunt}
  - {person: Jon Voight, note: cameo}
  - person: Tom Sizemore
  sources:
  - https://en.wikipedia.org/wiki/Heat_(1995_film)
  - {text: The studio's press kit, note: 1995}
- id: up-2009
  title: Up
  cast: [Ed Asner]
  sources: [Pixar's site]
"""


def _store(tmp_path: Path) -> sqlite3.Connection:
    facts = tmp_path / "facts"
    facts.mkdir()
    (facts / "films.yaml").write_text(FACTS)
    db_path = tmp_path / "store.db"
    assert build_store(facts, db_path).ok
    return sqlite3.connect(db_path)


def test_the_writer_names_every_column_of_the_films_and_sources(tmp_path: Path) -> None:
    db = _store(tmp_path)
    assert tuple(r[1] for r in db.execute("PRAGMA table_info(films)")) == FILM_COLUMNS
    assert tuple(r[1] for r in db.execute("PRAGMA table_info(sources)")) == SOURCE_COLUMNS


def test_values_absent_from_the_facts_are_stored_as_null_and_rows_keep_their_order(
    tmp_path: Path,
) -> None:
    db = _store(tmp_path)
    films = db.execute(
        "SELECT slug, year, runtime_minutes, release_date, synopsis, tagline, trailer, "
        "imdb_rating, imdb_votes, imdb_id, rating, votes, poster, follows FROM films ORDER BY id"
    ).fetchall()
    assert films == [
        (
            "heat-1995",
            1995,
            170,
            "1995-12-15",
            "A thief and a detective.",
            "A Los Angeles crime saga.",
            None,
            "8.3",
            "700000",
            "tt0113277",
            8.3,
            700000,
            None,
            None,
        ),
        ("up-2009", None, None, None, None, None, None, None, None, None, None, None, None, None),
    ]
    cast = db.execute(
        "SELECT p.name, c.character, c.character_norm, c.note, c.position FROM credits c "
        "JOIN people p ON p.id = c.person_id WHERE c.role = 'cast' ORDER BY c.film_id, c.position"
    ).fetchall()
    assert cast == [
        ("Al Pacino", "Vincent Hanna", "vincent hanna", None, 0),
        ("Robert De Niro", None, None, None, 1),
        ("Val Kilmer", "Chris Shiherlis", "chris shiherlis", "uncredited stunt", 2),
        ("Jon Voight", None, None, "cameo", 3),
        ("Tom Sizemore", None, None, None, 4),
        ("Ed Asner", None, None, None, 0),
    ]
    sources = db.execute(
        "SELECT position, url, text, note FROM sources ORDER BY film_id, position"
    ).fetchall()
    assert sources == [
        (0, "https://en.wikipedia.org/wiki/Heat_(1995_film)", None, None),
        (1, None, "The studio's press kit", "1995"),
        (0, None, "Pixar's site", None),
    ]


def test_two_builds_of_the_same_files_give_every_name_the_same_row(tmp_path: Path) -> None:
    # Which of two spellings of a name is shown is the first row of it, so the rows must not
    # depend on the process: two builds with different string hashing give the same table.
    facts = Path(__file__).resolve().parents[2] / "facts"
    code = (
        "import sys; from pathlib import Path; from bot.store import build_store; "
        "assert build_store(Path(sys.argv[1]), Path(sys.argv[2])).ok"
    )
    tables = []
    for seed in ("1", "2"):
        db_path = tmp_path / f"store-{seed}.db"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-c", code, facts, db_path], check=True, env=env)
        db = sqlite3.connect(db_path)
        tables.append(db.execute("SELECT rowid, kind, norm, ref, display FROM names").fetchall())
        db.close()
    assert len(tables[0]) > 500
    assert tables[0] == tables[1]


def test_a_first_build_gives_the_same_store_with_or_without_sorting_helpers(
    tmp_path: Path, monkeypatch
) -> None:
    """Index sorts use helper threads for a big catalog alone; either way, the same store."""
    import bot.store.build as build

    dumps = []
    for helpers_from in (0, 10**9):  # every catalog is big, then none is
        monkeypatch.setattr(build, "SORT_HELPERS_MIN_FILMS", helpers_from)
        (tmp_path / str(helpers_from)).mkdir()
        db = _store(tmp_path / str(helpers_from))
        indexes = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")]
        tables = ("films", "credits", "film_values", "names", "people")
        rows = {t: sorted(db.execute(f"SELECT * FROM {t}"), key=repr) for t in tables}
        dumps.append((sorted(indexes), rows))
        db.close()
    assert "films_year" in dumps[0][0] and "credits_person" in dumps[0][0]
    assert dumps[0] == dumps[1]
