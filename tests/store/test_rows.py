"""A film's rows and content hash, as the parsing workers prepare them for the store."""

from __future__ import annotations

import sys
from pathlib import Path

from bot.catalog.loader import FileRef, parse_bytes
from bot.store.rows import facts_digest, rows_of

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
