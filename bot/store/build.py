"""Build a complete catalog store file from facts files, reusing what did not change.

The build writes a new SQLite file beside the live one and renames it into place only when
it is complete: readers never see a half-built catalog, and a failed build leaves the
previous file untouched. Synchronous on purpose: callers run it off the event loop.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import logging
import os
import sqlite3
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from bot.catalog.errors import CatalogError
from bot.catalog.loader import (
    DEFAULT_MAX_FILE_BYTES,
    FileRef,
    ParsedFile,
    check_catalog,
    discover,
    file_digest,
    parse_files,
)
from bot.catalog.schema import Film, Person
from bot.text import norm

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1
VALUE_KINDS = ("genre", "language", "country", "company", "setting", "tag")
_VALUE_FIELDS = {
    "genre": "genres",
    "language": "languages",
    "country": "countries",
    "company": "companies",
    "setting": "setting",
    "tag": "tags",
}
_ROLE_FIELDS = {
    "director": "directors",
    "writer": "writers",
    "producer": "producers",
    "composer": "composer",
}

Progress = Callable[[int, int], None]


@dataclass
class BuildResult:
    """What a build did: the new store, or the problems that stopped it."""

    ok: bool
    errors: list[CatalogError] = field(default_factory=list)
    unchanged: bool = False
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    files_parsed: int = 0
    files_reused: int = 0
    films: int = 0
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)


def _sql(name: str) -> str:
    return resources.files("bot.store").joinpath(name).read_text(encoding="utf-8")


Progress = Callable[[str, int, int], None]
"""Hears ``(stage, done, total)``: stage ``"parsing"`` counts files, ``"writing"`` is 0 then 1."""


def build_store(
    facts_dir: Path,
    db_path: Path,
    *,
    display_root: str | None = None,
    max_bytes: int = DEFAULT_MAX_FILE_BYTES,
    workers: int | None = None,
    force: bool = False,
    progress: Progress | None = None,
) -> BuildResult:
    """Bring the store at ``db_path`` up to date with ``facts_dir``.

    Only files whose content hash changed are parsed again. On any problem nothing is
    written and ``BuildResult.errors`` lists every ``path:line: message``. ``progress``,
    when given, hears ``(stage, done, total)`` as files are parsed and the store written.
    """
    started = time.perf_counter()
    shown = display_root if display_root is not None else str(facts_dir)
    if not Path(facts_dir).is_dir():
        message = (
            "facts directory not found" if not Path(facts_dir).exists() else ("not a directory")
        )
        return BuildResult(ok=False, errors=[CatalogError(shown, 1, message)])
    try:
        refs = discover(Path(facts_dir), shown)
    except OSError as exc:
        error = CatalogError(shown, 1, f"cannot list the facts directory: {exc.strerror or exc}")
        return BuildResult(ok=False, errors=[error])
    if not refs:
        return BuildResult(ok=False, errors=[CatalogError(shown, 1, "no *.yaml facts files")])
    hashes = {ref.rel: _hash_file(ref, max_bytes) for ref in refs}
    notes: list[str] = []
    previous = None if force else _previous_files(db_path, notes)
    if previous is not None and previous == hashes and _films_count(db_path) is not None:
        films = _films_count(db_path) or 0
        return BuildResult(
            ok=True,
            unchanged=True,
            files_reused=len(refs),
            films=films,
            seconds=time.perf_counter() - started,
            notes=notes,
        )
    previous = previous or {}
    changed_refs = [ref for ref in refs if previous.get(ref.rel) != hashes[ref.rel]]
    gone = sorted(set(previous) - set(hashes))
    on_parsed = None
    if progress is not None:
        total = len(changed_refs)
        progress("parsing", 0, total)

        def on_parsed(done: int) -> None:
            progress("parsing", done, total)

    parsed = parse_files(changed_refs, max_bytes, workers, on_parsed)
    errors = [error for item in parsed for error in item.errors]
    kept = _kept_films(db_path, {r.rel for r in changed_refs} | set(gone)) if previous else {}
    on_disk = {ref.display: str(ref.path) for ref in refs}
    errors += check_catalog([p for p in parsed if p.ok], kept, on_disk)
    if errors:
        return BuildResult(
            ok=False,
            errors=sorted(set(errors)),
            files_parsed=len(parsed),
            seconds=time.perf_counter() - started,
            notes=notes,
        )
    if progress is not None:
        progress("writing", 0, 1)
    result = _write(db_path, parsed, gone, reuse=bool(previous) and bool(kept))
    if progress is not None:
        progress("writing", 1, 1)
    result.files_parsed = len(parsed)
    result.files_reused = len(refs) - len(parsed)
    result.seconds = time.perf_counter() - started
    result.notes = notes
    return result


def _hash_file(ref: FileRef, max_bytes: int) -> str:
    try:
        if ref.path.stat().st_size > max_bytes:
            return ""
        return file_digest(ref.path.read_bytes())
    except OSError:
        return ""


def _connect(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode = OFF")
    db.execute("PRAGMA synchronous = OFF")
    db.execute("PRAGMA temp_store = MEMORY")
    db.execute("PRAGMA cache_size = -65536")
    return db


def _previous_files(db_path: Path, notes: list[str]) -> dict[str, str] | None:
    if not db_path.exists():
        return None
    try:
        db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        try:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version != SCHEMA_VERSION:
                notes.append(f"store {db_path} has schema {version}; rebuilding")
                return None
            return dict(db.execute("SELECT path, sha256 FROM files"))
        finally:
            db.close()
    except sqlite3.DatabaseError as exc:
        notes.append(f"store {db_path} is unreadable ({exc}); rebuilding from the facts files")
        log.warning("store %s is unreadable (%s); rebuilding from the facts files", db_path, exc)
        return None


def _films_count(db_path: Path) -> int | None:
    try:
        db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        try:
            return int(db.execute("SELECT count(*) FROM films").fetchone()[0])
        finally:
            db.close()
    except sqlite3.DatabaseError:
        return None


def _kept_films(db_path: Path, replaced: set[str]) -> dict[str, tuple[str, int]]:
    db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        rows = db.execute(
            "SELECT f.slug, files.display, f.position, files.path FROM films f "
            "JOIN files ON files.id = f.file_id"
        )
        return {slug: (display, pos) for slug, display, pos, rel in rows if rel not in replaced}
    finally:
        db.close()


def _film_digest(film: Film) -> str:
    return hashlib.blake2b(film.model_dump_json().encode(), digest_size=16).hexdigest()


def _label(title: str, year: int | None) -> str:
    return f"{title} ({year})" if year else title


def _write(db_path: Path, parsed: list[ParsedFile], gone: list[str], *, reuse: bool) -> BuildResult:
    db_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = db_path.with_name(f"{db_path.name}.{os.getpid()}.tmp")
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    try:
        result = _fill(db_path, tmp, parsed, gone, reuse=reuse)
        os.replace(tmp, db_path)
        return result
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise


def _fill(
    db_path: Path, tmp: Path, parsed: list[ParsedFile], gone: list[str], *, reuse: bool
) -> BuildResult:
    db = _connect(tmp)
    try:
        before: dict[str, tuple[str, str]] = {}
        if reuse:
            source = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
            try:
                source.backup(db)
            finally:
                source.close()
            db.execute("PRAGMA journal_mode = OFF")
            db.execute("BEGIN")
            before = _remove_files(db, [p.rel for p in parsed] + gone)
        else:
            db.executescript(_sql("schema.sql"))
            db.execute("BEGIN")
        writer = _Writer(db)
        for item in parsed:
            writer.add_file(item)
        if reuse:
            _drop_orphans(db)
        db.execute("COMMIT")
        db.executescript(_sql("indexes.sql"))
        db.execute("INSERT OR REPLACE INTO meta VALUES ('built_at', ?)", (str(time.time()),))
        db.execute("ANALYZE")
        films = db.execute("SELECT count(*) FROM films").fetchone()[0]
    finally:
        db.close()
    after = writer.digests
    added = [after[s][0] for s in after if s not in before]
    changed = [after[s][0] for s in after if s in before and before[s][1] != after[s][1]]
    removed = [before[s][0] for s in before if s not in after]
    return BuildResult(
        ok=True, added=sorted(added), changed=sorted(changed), removed=sorted(removed), films=films
    )


def _remove_files(db: sqlite3.Connection, rels: Iterable[str]) -> dict[str, tuple[str, str]]:
    """Delete everything that came from ``rels``; return the removed films' labels/digests."""
    rels = list(rels)
    if not rels:
        return {}
    marks = ",".join("?" * len(rels))
    file_ids = [r[0] for r in db.execute(f"SELECT id FROM files WHERE path IN ({marks})", rels)]
    if not file_ids:
        return {}
    fmarks = ",".join("?" * len(file_ids))
    rows = db.execute(
        f"SELECT id, slug, title, year, digest FROM films WHERE file_id IN ({fmarks})", file_ids
    ).fetchall()
    before = {slug: (_label(title, year), digest) for _, slug, title, year, digest in rows}
    db.execute("CREATE TEMP TABLE gone_films (id INTEGER PRIMARY KEY)")
    db.executemany("INSERT INTO gone_films VALUES (?)", [(r[0],) for r in rows])
    for table in ("credits", "film_values", "sources", "trivia"):
        db.execute(f"DELETE FROM {table} WHERE film_id IN (SELECT id FROM gone_films)")
    db.execute("DELETE FROM names WHERE kind = 'film' AND ref IN (SELECT id FROM gone_films)")
    db.execute("DELETE FROM films WHERE id IN (SELECT id FROM gone_films)")
    declared = [
        r[0] for r in db.execute(f"SELECT id FROM people WHERE declared_in IN ({fmarks})", file_ids)
    ]
    if declared:
        pmarks = ",".join("?" * len(declared))
        db.execute(
            f"DELETE FROM names WHERE kind = 'person' AND ref IN ({pmarks}) AND norm != "
            "(SELECT norm FROM people WHERE people.id = names.ref)",
            declared,
        )
        db.execute(
            f"UPDATE people SET born = NULL, declared_in = NULL WHERE id IN ({pmarks})", declared
        )
    db.execute(f"DELETE FROM files WHERE id IN ({fmarks})", file_ids)
    db.execute("DROP TABLE gone_films")
    return before


def _drop_orphans(db: sqlite3.Connection) -> None:
    db.execute(
        "DELETE FROM people WHERE declared_in IS NULL AND NOT EXISTS "
        "(SELECT 1 FROM credits c WHERE c.person_id = people.id)"
    )
    db.execute(
        "DELETE FROM names WHERE kind = 'person' AND NOT EXISTS "
        "(SELECT 1 FROM people p WHERE p.id = names.ref)"
    )
    db.execute(
        "DELETE FROM names WHERE kind = 'character' AND NOT EXISTS "
        "(SELECT 1 FROM credits c WHERE c.character_norm = names.norm)"
    )
    db.execute(
        "DELETE FROM names WHERE kind IN ('genre','language','country','company','setting',"
        "'tag') AND NOT EXISTS (SELECT 1 FROM film_values v WHERE v.kind = names.kind AND "
        "v.norm = names.norm)"
    )


class _Writer:
    """Inserts parsed files into an open store, batching rows per table."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.people = dict(db.execute("SELECT norm, id FROM people"))
        self.next_person = (db.execute("SELECT max(id) FROM people").fetchone()[0] or 0) + 1
        self.next_film = (db.execute("SELECT max(id) FROM films").fetchone()[0] or 0) + 1
        self.digests: dict[str, tuple[str, str]] = {}

    def person_id(self, name: str, new_people: list[tuple[int, str, str]]) -> int:
        key = norm(name) or name.lower()
        pid = self.people.get(key)
        if pid is None:
            pid = self.next_person
            self.next_person += 1
            self.people[key] = pid
            new_people.append((pid, name, key))
        return pid

    def add_file(self, item: ParsedFile) -> None:
        db = self.db
        file_id = db.execute(
            "INSERT INTO files (path, display, sha256, size, films) VALUES (?,?,?,?,?)",
            (item.rel, item.display, item.sha256, item.size, len(item.films)),
        ).lastrowid
        assert file_id is not None
        films, credits, values, sources, trivia = [], [], [], [], []
        new_people: list[tuple[int, str, str]] = []
        names: set[tuple[str, str, int, str]] = set()
        for position, film in enumerate(item.films):
            fid = self.next_film
            self.next_film += 1
            digest = _film_digest(film)
            self.digests[film.slug] = (_label(film.title, film.year), digest)
            films.append(_film_row(fid, film, file_id, position, digest))
            names.add((norm(film.title) or film.title.lower(), "film", fid, film.title))
            for pos, alias in enumerate(film.aliases):
                values.append((fid, "alias", alias, norm(alias), pos))
                names.add((norm(alias) or alias.lower(), "film", fid, film.title))
            for role, attr in _ROLE_FIELDS.items():
                for pos, name in enumerate(getattr(film, attr)):
                    pid = self.person_id(name, new_people)
                    credits.append((fid, pid, role, None, None, None, pos))
            for pos, member in enumerate(film.cast):
                pid = self.person_id(member.person, new_people)
                character = member.role
                cnorm = norm(character) if character else None
                credits.append((fid, pid, "cast", character, cnorm, member.note, pos))
                if character and cnorm:
                    names.add((cnorm, "character", 0, character))
            for kind in VALUE_KINDS:
                for pos, value in enumerate(getattr(film, _VALUE_FIELDS[kind])):
                    vnorm = norm(value) or value.lower()
                    values.append((fid, kind, value, vnorm, pos))
                    names.add((vnorm, kind, 0, value))
            for pos, src in enumerate(film.sources):
                sources.append((fid, pos, src.url, src.text, src.note))
            for pos, text in enumerate(film.trivia):
                trivia.append((fid, pos, text))
        declared = [self._declare(p, file_id, new_people, names) for p in item.people]
        db.executemany("INSERT INTO people (id, name, norm) VALUES (?,?,?)", new_people)
        db.executemany("UPDATE people SET born = ?, declared_in = ? WHERE id = ?", declared)
        names.update((key, "person", pid, name) for pid, name, key in new_people)
        db.executemany("INSERT INTO films VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", films)
        db.executemany("INSERT INTO credits VALUES (?,?,?,?,?,?,?)", credits)
        db.executemany("INSERT INTO film_values VALUES (?,?,?,?,?)", values)
        db.executemany("INSERT INTO sources VALUES (?,?,?,?,?)", sources)
        db.executemany("INSERT INTO trivia VALUES (?,?,?)", trivia)
        db.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?,?)", names)

    def _declare(
        self,
        person: Person,
        file_id: int,
        new_people: list[tuple[int, str, str]],
        names: set[tuple[str, str, int, str]],
    ) -> tuple[str | None, int, int]:
        pid = self.person_id(person.name, new_people)
        for alias in person.aliases:
            names.add((norm(alias) or alias.lower(), "person", pid, alias))
        born = person.born
        shown = (
            born.isoformat() if isinstance(born, dt.date) else None if born is None else str(born)
        )
        return (shown, file_id, pid)


def _film_row(fid: int, film: Film, file_id: int, position: int, digest: str) -> tuple:
    return (
        fid,
        film.slug,
        film.title,
        norm(film.title) or film.title.lower(),
        film.year,
        film.status,
        film.follows,
        film.runtime_minutes,
        film.release_date.isoformat() if film.release_date else None,
        film.synopsis,
        film.tagline,
        film.trailer,
        None if film.imdb_rating is None else str(film.imdb_rating),
        None if film.imdb_votes is None else str(film.imdb_votes),
        file_id,
        position,
        digest,
    )
