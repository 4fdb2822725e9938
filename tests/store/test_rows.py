"""A film's rows and content hash, as the parsing workers prepare them for the store."""

from __future__ import annotations

import pickle
import sqlite3
import sys
from pathlib import Path

from bot.catalog.loader import FileRef, parse_bytes
from bot.store.build import _Draft
from bot.store.rows import FILM_TABLES, FileRows, facts_digest, rows_of

FILM = b"""\
films:
  - title: Heat
    year: 1995
    directors: [Michael Mann]
    writers: [Michael Mann]
    cast: [{person: Al Pacino, role: Vincent Hanna}]
    genres: [Crime]
    imdb_rating: 8.3
"""


def _digests(data: bytes) -> list[str]:
    ref = FileRef(Path("heat.yaml"), "heat.yaml", "heat.yaml")
    return [film.digest for film in rows_of(parse_bytes(ref, data)).films]


def test_a_films_hash_is_that_of_its_facts_however_its_texts_are_held() -> None:
    name = "".join(["Michael", " ", "Mann"])  # equal to, but not, the interned text
    shared = (
        ("heat", "Heat", 1995, 8.3),
        [("Michael Mann", "director"), ("Michael Mann", "writer")],
    )
    apart = (
        ("heat", "Heat", 1995, 8.3),
        [(sys.intern("Michael Mann"), "director"), (name, "writer")],
    )
    assert facts_digest(shared) == facts_digest(apart)


def test_a_films_hash_changes_with_any_of_its_facts() -> None:
    base = (("heat", "Heat", 1995, 8.3, None), [("Michael Mann", "director", 0)])
    changed = [
        (("heat", "Heat", 1996, 8.3, None), [("Michael Mann", "director", 0)]),
        (("heat", "Heat", 1995, 8.4, None), [("Michael Mann", "director", 0)]),
        (("heat", "Heat", 1995, 8.3, ""), [("Michael Mann", "director", 0)]),
        (("heat", "Heat", 1995, 8.3, None), [("Michael Mann", "writer", 0)]),
        (("heat", "Heat", 1995, 8.3, None), [("Michael Mann", "director", 0), ("X", "cast", 0)]),
        (("heat", "Heat", 1995, 8.3, None), [("Michael Mann", "director", True)]),
    ]
    digests = {facts_digest(base), *map(facts_digest, changed)}
    assert len(digests) == len(changed) + 1


def test_a_film_read_twice_or_moved_in_its_file_has_the_same_hash() -> None:
    first = _digests(FILM)
    other = b"films:\n  - {title: Ronin, year: 1998}\n" + FILM[len(b"films:\n") :]
    assert _digests(FILM) == first
    assert _digests(other)[1] == first[0]
    assert _digests(FILM.replace(b"8.3", b"8.4")) != first


FILMS = b"""\
films:
  - title: Heat
    year: 1995
    aliases: [Heat (1995)]
    directors: [Michael Mann]
    cast:
      - {person: Al Pacino, role: Vincent Hanna}
      - Robert De Niro
      - {person: Val Kilmer, role: Chris Shiherlis, note: billed third}
      - {person: Danny Trejo, note: uncredited}
    genres: [Crime, Drama]
    trivia: [Shot in Los Angeles.]
    sources:
      - https://en.wikipedia.org/wiki/Heat_(1995_film)
      - {text: the DVD's sleeve, note: runtime only}
  - title: Ronin
    year: 1998
    cast: [Robert De Niro, {person: Jean Reno, role: Vincent}]
    genres: [Crime]
"""


def _file_rows() -> FileRows:
    return rows_of(parse_bytes(FileRef(Path("f.yaml"), "f.yaml", "f.yaml"), FILMS))


def test_the_rows_of_a_file_are_the_same_once_sent_to_the_writing_process() -> None:
    made = _file_rows()
    sent = pickle.loads(pickle.dumps(made))
    for table in FILM_TABLES:
        assert sent.rows_of(table) == getattr(made, table)
        assert sent.values_of(table) == made.values_of(table)
    assert sent.films == made.films
    assert sent.renumbered([1]) == made.renumbered([1])


def _store_rows(path: Path) -> dict[str, list[tuple]]:
    db = sqlite3.connect(path)
    try:
        tables = ("films", "people", "credits", "film_values", "sources", "trivia")
        rows = {table: sorted(db.execute(f"SELECT * FROM {table}"), key=repr) for table in tables}
        rows["names"] = db.execute("SELECT rowid, * FROM names ORDER BY rowid").fetchall()
        return rows
    finally:
        db.close()


def test_a_file_sent_to_the_writing_process_is_written_as_one_read_there(tmp_path: Path) -> None:
    made = _file_rows()
    stores = []
    for name, rows in (("here", made), ("sent", pickle.loads(pickle.dumps(made)))):
        path = tmp_path / f"{name}.db"
        with _Draft(path, {}) as draft:
            draft.offer(rows)
            assert draft.commit().ok
        stores.append(_store_rows(path))
    here, sent = stores
    assert sent == here
    assert len(here["credits"]) == 7 and len(here["sources"]) == 2
    assert {row[3:6] for row in here["credits"]} == {
        (None, None, None),
        ("Vincent Hanna", "vincent hanna", None),
        ("Chris Shiherlis", "chris shiherlis", "billed third"),
        (None, None, "uncredited"),
        ("Vincent", "vincent", None),
    }
