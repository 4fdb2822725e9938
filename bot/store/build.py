"""Build a complete catalog store file from facts files, reusing what did not change.

The build writes a new SQLite file beside the live one and renames it into place only when
it is complete: readers never see a half-built catalog, and a failed build leaves the
previous file untouched. Synchronous on purpose: callers run it off the event loop.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import time
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from bot.catalog.errors import CatalogError
from bot.catalog.loader import (
    DEFAULT_MAX_FILE_BYTES,
    FileRef,
    check_catalog,
    discover,
    each_file,
    file_digest,
)
from bot.store.rows import FileRows, prepare_file

log = logging.getLogger(__name__)

SCHEMA_VERSION = 5


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
    if previous:
        # An imported film that gave way to a hand-written one may be due back.
        reclaimed = _yielded_to(db_path, {r.rel for r in changed_refs} | set(gone))
        already = {r.rel for r in changed_refs}
        changed_refs += [r for r in refs if r.rel in reclaimed and r.rel not in already]
    kept, kept_imdb = (
        _kept_films(db_path, {r.rel for r in changed_refs} | set(gone)) if previous else ({}, {})
    )
    on_disk = {ref.display: str(ref.path) for ref in refs}
    total = len(changed_refs)
    if progress is not None:
        progress("parsing", 0, total)
    replaced = [ref.rel for ref in changed_refs] + gone
    with _Draft(db_path, replaced, set(kept), reuse=bool(previous) and bool(kept)) as draft:
        # Each file goes into the draft as soon as it is read, while the others are still
        # being parsed. A problem stops the writing, not the reading, so that every problem
        # of every file is reported.
        files: list[FileRows] = []
        errors: list[CatalogError] = []
        for item in each_file(prepare_file, changed_refs, max_bytes, workers):
            files.append(item)
            errors += item.errors
            draft.offer(item)
            if progress is not None:
                progress("parsing", len(files), total)
        errors += check_catalog([f for f in files if f.ok], kept, on_disk, kept_imdb)
        if errors:
            return BuildResult(
                ok=False,
                errors=sorted(set(errors)),
                files_parsed=len(files),
                seconds=time.perf_counter() - started,
                notes=notes,
            )
        if progress is not None:
            progress("writing", 0, 1)
        result = draft.commit()
        if progress is not None:
            progress("writing", 1, 1)
    result.files_parsed = len(files)
    result.files_reused = len(refs) - len(files)
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
    # Opened by the draft's helper thread, then used by the build's thread (never both).
    db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
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


def _kept_films(
    db_path: Path, replaced: set[str]
) -> tuple[dict[str, tuple[str, int]], dict[str, tuple[str, int]]]:
    """Where the films of the files kept as they are stand, by id and by the ``imdb_id``
    of hand-written films."""
    db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        rows = db.execute(
            "SELECT f.slug, files.display, f.position, files.path, f.imdb_id, files.imported "
            "FROM films f JOIN files ON files.id = f.file_id"
        )
        slugs: dict[str, tuple[str, int]] = {}
        imdb: dict[str, tuple[str, int]] = {}
        for slug, display, pos, rel, imdb_id, imported in rows:
            if rel in replaced:
                continue
            slugs[slug] = (display, pos)
            if imdb_id and not imported:
                imdb.setdefault(imdb_id, (display, pos))
        return slugs, imdb
    finally:
        db.close()


def _yielded_to(db_path: Path, replaced: set[str]) -> set[str]:
    """The imported files holding films that gave way to hand-written films of ``replaced``."""
    if not replaced:
        return set()
    db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        marks = ",".join("?" * len(replaced))
        rows = db.execute(
            "SELECT DISTINCT lf.path FROM yielded y JOIN files lf ON lf.id = y.file_id "
            "JOIN films c ON c.imdb_id = y.imdb_id JOIN files cf ON cf.id = c.file_id "
            f"WHERE cf.path IN ({marks})",
            sorted(replaced),
        )
        return {path for (path,) in rows}
    finally:
        db.close()


class _Draft:
    """The next store, built in a temporary file beside the live one.

    ``commit`` finishes it and renames it into place; leaving the block without a commit
    (problems in the files, an exception, a full disk) deletes it and changes nothing.
    """

    def __init__(self, db_path: Path, replaced: list[str], kept: set[str], *, reuse: bool) -> None:
        self.db_path = db_path
        self.replaced = replaced
        self.reuse = reuse
        self.slugs = set(kept)
        self.stopped = False
        self.tmp = db_path.with_name(f"{db_path.name}.{os.getpid()}.tmp")
        self.before: dict[str, tuple[str, str]] = {}
        self._db: sqlite3.Connection | None = None
        self._writer: _Writer | None = None
        self._opening: Future[_Writer] | None = None

    def __enter__(self) -> _Draft:
        # Copying the live store (C code, without the GIL) overlaps with parsing the
        # first files: an edit reload pays for the slower of the two, not both.
        pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="draft")
        self._opening = pool.submit(self._open)
        pool.shutdown(wait=False)  # the thread ends once the draft is open
        return self

    def _ready(self) -> _Writer:
        if self._writer is None:
            assert self._opening is not None
            self._writer = self._opening.result()
        return self._writer

    def __exit__(self, *exc: object) -> None:
        if self._opening is not None:
            wait([self._opening])
        if self._db is not None:
            self._db.close()
            self._db = None
        with contextlib.suppress(FileNotFoundError):
            self.tmp.unlink()

    def _open(self) -> _Writer:
        """Start the draft: a copy of the live store without the replaced files, or empty."""
        self.db_path.parent.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(FileNotFoundError):
            self.tmp.unlink()
        db = self._db = _connect(self.tmp)
        if self.reuse:
            source = sqlite3.connect(f"file:{self.db_path}?mode=ro", uri=True)
            try:
                source.backup(db)
            finally:
                source.close()
            db.execute("PRAGMA journal_mode = OFF")
            db.execute("BEGIN")
            self.before = _remove_files(db, self.replaced)
        else:
            db.executescript(_sql("schema.sql"))
            db.execute("BEGIN")
        return _Writer(db)

    def offer(self, item: FileRows) -> None:
        """Write ``item``, unless it or a file before it has a problem.

        A film id seen twice stops the writing too (the store could not hold it); the
        catalog-wide check reports it with both places once every file is read.
        """
        slugs = [film.slug for film in item.films]
        clash = len(set(slugs)) < len(slugs) or not self.slugs.isdisjoint(slugs)
        self.slugs.update(slugs)
        self.stopped = self.stopped or clash or not item.ok
        if self.stopped:
            return
        self._ready().add_file(item)

    def commit(self) -> BuildResult:
        writer = self._ready()
        db = writer.db
        if self.reuse:
            _drop_orphans(db)
        db.execute("COMMIT")
        db.executescript(_sql("indexes.sql"))
        for slug in _curated_wins(db):
            writer.digests.pop(slug, None)
        db.execute("INSERT OR REPLACE INTO meta VALUES ('built_at', ?)", (str(time.time()),))
        # Statistics for the query planner, from a sample of each index (planning needs
        # their shape, not exact counts). An incremental build keeps the copied ones
        # unless SQLite judges them stale.
        db.execute("PRAGMA analysis_limit = 1000")
        db.execute("PRAGMA optimize" if self.reuse else "ANALYZE")
        films = db.execute("SELECT count(*) FROM films").fetchone()[0]
        db.close()
        self._db = None
        os.replace(self.tmp, self.db_path)
        before, after = self.before, writer.digests
        added = [after[s][0] for s in after if s not in before]
        changed = [after[s][0] for s in after if s in before and before[s][1] != after[s][1]]
        removed = [before[s][0] for s in before if s not in after]
        return BuildResult(
            ok=True,
            added=sorted(added),
            changed=sorted(changed),
            removed=sorted(removed),
            films=films,
        )


def _label(title: str, year: int | None) -> str:
    return f"{title} ({year})" if year else title


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
    _delete_films(db, [r[0] for r in rows])
    db.execute(f"DELETE FROM yielded WHERE file_id IN ({fmarks})", file_ids)
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
            "UPDATE people SET born = NULL, died = NULL, declared_in = NULL "
            f"WHERE id IN ({pmarks})",
            declared,
        )
    db.execute(f"DELETE FROM files WHERE id IN ({fmarks})", file_ids)
    return before


def _delete_films(db: sqlite3.Connection, film_ids: list[int]) -> None:
    db.execute("CREATE TEMP TABLE gone_films (id INTEGER PRIMARY KEY)")
    db.executemany("INSERT INTO gone_films VALUES (?)", [(i,) for i in film_ids])
    for table in ("credits", "film_values", "sources", "trivia"):
        db.execute(f"DELETE FROM {table} WHERE film_id IN (SELECT id FROM gone_films)")
    db.execute("DELETE FROM names WHERE kind = 'film' AND ref IN (SELECT id FROM gone_films)")
    db.execute("DELETE FROM films WHERE id IN (SELECT id FROM gone_films)")
    db.execute("DROP TABLE gone_films")


def _curated_wins(db: sqlite3.Connection) -> list[str]:
    """Leave out the imported films whose ``imdb_id`` a hand-written film has, whatever
    the order of the files; the ids of the films left out are remembered in ``yielded``,
    so that they come back when the hand-written film goes. Returns their slugs."""
    losers = db.execute(
        "SELECT l.id, l.slug, l.imdb_id, l.file_id FROM files cf "
        "JOIN films c ON c.file_id = cf.id "
        "JOIN films l ON l.imdb_id = c.imdb_id AND l.id != c.id "
        "JOIN files lf ON lf.id = l.file_id "
        "WHERE cf.imported IS NULL AND c.imdb_id IS NOT NULL AND lf.imported IS NOT NULL"
    ).fetchall()
    if not losers:
        return []
    db.execute("BEGIN")
    db.executemany(
        "INSERT INTO yielded VALUES (?, ?)", [(imdb_id, file_id) for *_, imdb_id, file_id in losers]
    )
    _delete_films(db, [film_id for film_id, *_ in losers])
    _drop_orphans(db)
    db.execute("COMMIT")
    return [slug for _, slug, *_ in losers]


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
    """Inserts prepared files into an open store: numbers films and people, then batches."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.people = dict(db.execute("SELECT norm, id FROM people"))
        self.next_person = (db.execute("SELECT max(id) FROM people").fetchone()[0] or 0) + 1
        self.next_film = (db.execute("SELECT max(id) FROM films").fetchone()[0] or 0) + 1
        self.digests: dict[str, tuple[str, str]] = {}

    def person_id(self, key: str, name: str, new_people: list[tuple[int, str, str]]) -> int:
        pid = self.people.get(key)
        if pid is None:
            pid = self.next_person
            self.next_person += 1
            self.people[key] = pid
            new_people.append((pid, name, key))
        return pid

    def add_file(self, item: FileRows) -> None:
        db = self.db
        file_id = db.execute(
            "INSERT INTO files (path, display, sha256, size, films, imported) VALUES (?,?,?,?,?,?)",
            (item.rel, item.display, item.sha256, item.size, len(item.films), item.imported),
        ).lastrowid
        first = self.next_film
        self.next_film += len(item.films)
        films = []
        for position, film in enumerate(item.films):
            self.digests[film.slug] = (film.label, film.digest)
            films.append((first + position, *film[:-1], file_id, position, film.digest))
        new_people: list[tuple[int, str, str]] = []
        person = self.person_id
        credits = [
            (first + i, person(key, name, new_people), role, ch, ch_key, note, pos)
            for i, key, name, role, ch, ch_key, note, pos in item.credits
        ]
        names = {(key, "film", first + i, title) for key, i, title in item.film_names}
        names.update((key, kind, 0, shown) for key, kind, shown in item.names)
        declared = []
        for name, key, born, died, aliases in item.people:
            pid = person(key, name, new_people)
            names.update((alias_key, "person", pid, alias) for alias_key, alias in aliases)
            declared.append((born, died, file_id, pid))
        names.update((key, "person", pid, name) for pid, name, key in new_people)
        db.executemany("INSERT INTO people (id, name, norm) VALUES (?,?,?)", new_people)
        db.executemany(
            "UPDATE people SET born = ?, died = ?, declared_in = ? WHERE id = ?", declared
        )
        db.executemany(
            "INSERT INTO films VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", films
        )
        db.executemany("INSERT INTO credits VALUES (?,?,?,?,?,?,?)", credits)
        db.executemany(
            "INSERT INTO film_values VALUES (?,?,?,?,?,?)",
            [(first + i, *rest) for i, *rest in item.values],
        )
        db.executemany(
            "INSERT INTO sources VALUES (?,?,?,?,?)",
            [(first + i, *rest) for i, *rest in item.sources],
        )
        db.executemany(
            "INSERT INTO trivia VALUES (?,?,?)", [(first + i, *rest) for i, *rest in item.trivia]
        )
        db.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?,?)", names)
