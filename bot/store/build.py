"""Build a complete catalog store file from facts files, reusing what did not change.

The build writes a new SQLite file beside the live one and renames it into place only when
it is complete: readers never see a half-built catalog, and a failed build leaves the
previous file untouched. Synchronous on purpose: callers run it off the event loop.
"""

from __future__ import annotations

import contextlib
import functools
import heapq
import itertools
import logging
import operator
import os
import sqlite3
import time
import uuid
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from bot import collector
from bot.catalog.errors import CatalogError
from bot.catalog.loader import (
    DEFAULT_MAX_FILE_BYTES,
    FileKeys,
    FileRef,
    FilmKeys,
    check_catalog,
    discover,
    each_file,
    file_digest,
)
from bot.store.indexes import NAME_CHANGES_KEPT, title_grams
from bot.store.rows import ROW_WIDTHS, FileRows, prepare_file

log = logging.getLogger(__name__)

SCHEMA_VERSION = 9
LISTED_FILMS_MOST = 100  # films named in a build's result for each of added, changed, removed
DRAFT_CACHE_KIB = -262_144  # SQLite's page cache for a first build, in KiB (negative)
# ... and while it builds its indexes: sorting in smaller runs is quicker
INDEX_CACHE_KIB = -2_048
SORT_HELPERS_MIN_FILMS = 40_000  # a first build's index sorts use helper threads from here


@dataclass
class BuildResult:
    """What a build did: the new store, or the problems that stopped it."""

    ok: bool
    errors: list[CatalogError] = field(default_factory=list)
    unchanged: bool = False
    # The labels of the films added, changed and removed, the first LISTED_FILMS_MOST of
    # each in order, and how many there are in all.
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    added_count: int = 0
    changed_count: int = 0
    removed_count: int = 0
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
    background: bool = True,
) -> BuildResult:
    """Bring the store at ``db_path`` up to date with ``facts_dir``.

    Only files whose content changed are parsed again (a file whose size and modification
    time are those recorded is not even read). A first build writes a new store file; later
    ones change the live store in one write transaction, so their cost follows what changed.
    ``force`` parses every file again. On any problem nothing is written and
    ``BuildResult.errors`` lists every ``path:line: message``. ``progress``, when given,
    hears ``(stage, done, total)`` as files are parsed and the store written.
    ``background``: the files are parsed at low priority, leaving the CPU to a catalog
    being served; else a step below the writing (a first load has none to leave it to).
    """
    started = time.perf_counter()
    survey = _survey(Path(facts_dir), db_path, display_root, max_bytes)
    if isinstance(survey, BuildResult):
        return survey
    if survey.current and not force:
        return survey.unchanged(started)
    refs, previous, stats, hashes, notes = (
        survey.refs,
        survey.previous,
        survey.stats,
        survey.hashes,
        survey.notes,
    )
    old = {} if previous is None or force else previous.hashes()
    changed_refs = [ref for ref in refs if old.get(ref.rel) != hashes[ref.rel]]
    gone = sorted(set(previous.files if previous else ()) - set(hashes))
    if previous is not None:
        # An imported film that gave way to a hand-written one may be due back.
        reclaimed = _yielded_to(db_path, {r.rel for r in changed_refs} | set(gone))
        already = {r.rel for r in changed_refs}
        changed_refs += [r for r in refs if r.rel in reclaimed and r.rel not in already]
    replaced = [ref.rel for ref in changed_refs] + gone
    mtimes = {rel: stat[1] for rel, stat in stats.items() if stat is not None}
    on_disk = {ref.display: str(ref.path) for ref in refs}
    total = len(changed_refs)
    if progress is not None:
        progress("parsing", 0, total)
    target = (
        _Draft(db_path, mtimes)
        if previous is None
        else _InPlace(db_path, mtimes, replaced, gone, by_film=not force)
    )
    with target, collector.paused():
        # Each file goes into the store as soon as it is read, while the others are still
        # being parsed. A problem stops the writing, not the reading, so that every problem
        # of every file is reported. The rows received make no cycles, and the labels and
        # keys kept of every film are many: the cycle collector would walk them over and
        # over (about a fifth of the writing's time at the benchmark's 16x).
        files: list[FileKeys] = []
        errors: list[CatalogError] = []
        for item in each_file(
            prepare_file, changed_refs, max_bytes, workers, background=background
        ):
            files.append(FileKeys.of(item))
            errors += item.errors
            target.offer(item)  # its rows are written: only its keys are kept
            if progress is not None:
                progress("parsing", len(files), total)
        good = [f for f in files if f.ok]
        errors += check_catalog(good, *target.kept(good, on_disk))
        if errors:
            # Checked again with every film id at hand, for the best "did you mean".
            errors = [e for f in files for e in f.errors]
            errors += check_catalog(good, *target.kept(None, on_disk))
            return BuildResult(
                ok=False,
                errors=sorted(set(errors)),
                files_parsed=len(files),
                seconds=time.perf_counter() - started,
                notes=notes,
            )
        if progress is not None:
            progress("writing", 0, 1)
        result = target.commit()
        if progress is not None:
            progress("writing", 1, 1)
    result.files_parsed = len(files)
    result.files_reused = len(refs) - len(files)
    result.seconds = time.perf_counter() - started
    result.notes = notes
    return result


def current_store(
    facts_dir: Path,
    db_path: Path,
    *,
    display_root: str | None = None,
    max_bytes: int = DEFAULT_MAX_FILE_BYTES,
) -> BuildResult | None:
    """The result of a build when the store is already up to date with ``facts_dir``
    (nothing to parse or write), else None. Quick: files whose size and time are those
    recorded are not read."""
    started = time.perf_counter()
    survey = _survey(Path(facts_dir), db_path, display_root, max_bytes)
    if isinstance(survey, BuildResult) or not survey.current:
        return None
    return survey.unchanged(started)


@dataclass
class _Survey:
    """The facts files and what the store recorded of them."""

    refs: list[FileRef]
    previous: _PreviousStore | None
    stats: dict[str, tuple[int, int] | None]
    hashes: dict[str, str]
    notes: list[str]

    @property
    def current(self) -> bool:
        return self.previous is not None and self.previous.hashes() == self.hashes

    def unchanged(self, started: float) -> BuildResult:
        assert self.previous is not None
        return BuildResult(
            ok=True,
            unchanged=True,
            files_reused=len(self.refs),
            films=self.previous.films,
            seconds=time.perf_counter() - started,
            notes=self.notes,
        )


def _survey(
    facts_dir: Path, db_path: Path, display_root: str | None, max_bytes: int
) -> _Survey | BuildResult:
    """The facts files, their content hashes and the store's record, or why not."""
    shown = display_root if display_root is not None else str(facts_dir)
    if not facts_dir.is_dir():
        message = "facts directory not found" if not facts_dir.exists() else "not a directory"
        return BuildResult(ok=False, errors=[CatalogError(shown, 1, message)])
    try:
        refs = discover(facts_dir, shown)
    except OSError as exc:
        error = CatalogError(shown, 1, f"cannot list the facts directory: {exc.strerror or exc}")
        return BuildResult(ok=False, errors=[error])
    if not refs:
        return BuildResult(ok=False, errors=[CatalogError(shown, 1, "no *.yaml facts files")])
    notes: list[str] = []
    previous = _previous_state(db_path, notes)
    stats = {ref.rel: _stat(ref.path) for ref in refs}
    if previous is None:  # every file is read anyway: their hashes are not needed first
        return _Survey(refs, previous, stats, dict.fromkeys(stats, ""), notes)
    hashes = {ref.rel: _current_hash(ref, stats[ref.rel], previous, max_bytes) for ref in refs}
    return _Survey(refs, previous, stats, hashes, notes)


# A file modified this close to the last build may have changed again within the same
# clock tick without its modification time showing it: such files are always read.
RACY_NS = 2_000_000_000


@dataclass
class _PreviousStore:
    """What the live store recorded of the files it was built from."""

    files: dict[str, tuple[str, int, int]]  # path -> (sha256, size, mtime_ns)
    built_at_ns: int
    films: int

    def hashes(self) -> dict[str, str]:
        return {rel: sha for rel, (sha, _, _) in self.files.items()}


def _stat(path: Path) -> tuple[int, int] | None:
    try:
        stat = os.stat(path)  # quicker than Path.stat, for every file of a big catalog
    except OSError:
        return None
    return stat.st_size, stat.st_mtime_ns


def _current_hash(
    ref: FileRef, stat: tuple[int, int] | None, previous: _PreviousStore | None, max_bytes: int
) -> str:
    """The file's content hash; the recorded one when its size and time are unchanged."""
    if stat is not None and previous is not None:
        sha, size, mtime_ns = previous.files.get(ref.rel, ("", -1, -1))
        if sha and (size, mtime_ns) == stat and mtime_ns < previous.built_at_ns - RACY_NS:
            return sha
    try:
        if ref.path.stat().st_size > max_bytes:
            return ""
        return file_digest(ref.path.read_bytes())
    except OSError:
        return ""


def _connect(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA temp_store = MEMORY")
    db.execute("PRAGMA cache_size = -65536")
    return db


def _previous_state(db_path: Path, notes: list[str]) -> _PreviousStore | None:
    if not db_path.exists():
        return None
    try:
        db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        try:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version != SCHEMA_VERSION:
                notes.append(f"store {db_path} has schema {version}; rebuilding")
                return None
            files = {
                path: (sha, size, mtime_ns)
                for path, sha, size, mtime_ns in db.execute(
                    "SELECT path, sha256, size, mtime_ns FROM files"
                )
            }
            meta = dict(db.execute("SELECT key, value FROM meta"))
            films = int(meta["films"])
            return _PreviousStore(files, int(float(meta.get("built_at", 0)) * 1e9), films)
        finally:
            db.close()
    except (sqlite3.DatabaseError, KeyError, ValueError) as exc:
        notes.append(f"store {db_path} is unreadable ({exc}); rebuilding from the facts files")
        log.warning("store %s is unreadable (%s); rebuilding from the facts files", db_path, exc)
        return None


Places = dict[str, tuple[str, int]]
"""Where films stand, ``(display path, position in file)``, by film id or by ``imdb_id``."""


def _kept_films(
    db: sqlite3.Connection, replaced: set[str], films: list[FilmKeys] | None
) -> tuple[Places, Places]:
    """Where the films of the files not replaced stand, by id and by the ``imdb_id`` of
    hand-written films: those ``films`` name (their ids, ``follows`` and ``imdb_id``), or
    all of them when ``films`` is None."""
    sql = (
        "SELECT f.slug, files.display, f.position, files.path, f.imdb_id, files.imported "
        "FROM films f JOIN files ON files.id = f.file_id"
    )
    if films is None:
        rows = db.execute(sql).fetchall()
    else:
        slugs = {f.slug for f in films} | {f.follows for f in films if f.follows}
        imdb_ids = {f.imdb_id for f in films if f.imdb_id}
        rows = []
        for column, values in (("slug", slugs), ("imdb_id", imdb_ids)):
            for chunk in _chunks(sorted(values), 500):
                marks = ",".join("?" * len(chunk))
                rows += db.execute(f"{sql} WHERE f.{column} IN ({marks})", chunk).fetchall()
    slug_places: Places = {}
    imdb_places: Places = {}
    for slug, display, pos, rel, imdb_id, imported in rows:
        if rel in replaced:
            continue
        slug_places[slug] = (display, pos)
        if imdb_id and not imported:
            imdb_places.setdefault(imdb_id, (display, pos))
    return slug_places, imdb_places


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


def _chunks(items: list, size: int) -> Iterable[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class _Target:
    """Where a build writes: a transaction that ``commit`` makes visible all at once.

    Leaving the block without a commit (problems in the files, an exception, a full disk)
    changes nothing.
    """

    in_place = False  # whether the store already holds a catalog that the build changes

    def __init__(self, db_path: Path, mtimes: dict[str, int], replaced: list[str]) -> None:
        self.db_path = db_path
        self.mtimes = mtimes
        self.replaced = replaced
        self.stopped = False
        self.before: dict[str, tuple[str, str]] = {}
        self.db: sqlite3.Connection | None = None
        self.writer: _Writer | None = None

    def __enter__(self) -> _Target:
        self.db = self._open()
        self.writer = _Writer(self.db, self.mtimes, lookup=self.in_place)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.db is not None:
            with contextlib.suppress(sqlite3.Error):
                if self.db.in_transaction:
                    self.db.execute("ROLLBACK")
            self.db.close()
            self.db = None

    def _open(self) -> sqlite3.Connection:
        raise NotImplementedError

    def offer(self, item: FileRows) -> None:
        """Write ``item``, unless it or a file before it has a problem.

        A film id seen twice stops the writing too (the store could not hold it); the
        catalog-wide check reports it with both places once every file is read.
        """
        assert self.db is not None and self.writer is not None
        slugs = [film.slug for film in item.films]
        clash = len(set(slugs)) < len(slugs) or self._taken(item, slugs)
        self.stopped = self.stopped or clash or not item.ok
        if not self.stopped:
            self._write(item)

    def _taken(self, item: FileRows, slugs: list[str]) -> bool:
        """Whether the store holds a film with one of ``slugs`` that stays."""
        raise NotImplementedError

    def _write(self, item: FileRows) -> None:
        assert self.writer is not None
        self.writer.add_file(item)

    def kept(
        self, files: list[FileKeys] | None, on_disk: dict[str, str]
    ) -> tuple[Places, dict[str, str], Places]:
        """``check_catalog``'s view of the unchanged files: where their films that
        ``files`` name stand (all of them when ``files`` is None), and the files on disk."""
        assert self.db is not None
        if not self.in_place:
            return {}, on_disk, {}
        films = None if files is None else [film for f in files for film in f.films]
        slugs, imdb = _kept_films(self.db, set(self.replaced), films)
        return slugs, on_disk, imdb

    def commit(self) -> BuildResult:
        assert self.db is not None and self.writer is not None
        db = self.db
        films = self._finish(db)
        before, after = self.before, self.writer.digests
        added = [after[s][0] for s in after if s not in before]
        changed = [after[s][0] for s in after if s in before and before[s][1] != after[s][1]]
        removed = [before[s][0] for s in before if s not in after]
        # Only the first labels cross to the bot's process: a first build adds every film,
        # and reading a label per film there would hold its event loop for long.
        return BuildResult(
            ok=True,
            added=heapq.nsmallest(LISTED_FILMS_MOST, added),
            changed=heapq.nsmallest(LISTED_FILMS_MOST, changed),
            removed=heapq.nsmallest(LISTED_FILMS_MOST, removed),
            added_count=len(added),
            changed_count=len(changed),
            removed_count=len(removed),
            films=films,
        )

    def _finish(self, db: sqlite3.Connection) -> int:
        raise NotImplementedError


class _Draft(_Target):
    """A first build: a new store file beside the live one, renamed into place when done."""

    def __init__(self, db_path: Path, mtimes: dict[str, int]) -> None:
        super().__init__(db_path, mtimes, [])
        self.tmp = db_path.with_name(f"{db_path.name}.{os.getpid()}.tmp")
        self.grams = self.tmp.with_name(f"{self.tmp.name}.grams")

    def _open(self) -> sqlite3.Connection:
        self.db_path.parent.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(FileNotFoundError):
            self.tmp.unlink()
        db = _connect(self.tmp)
        # A new file that nobody reads until it is renamed into place: no journal, no
        # syncing, a larger cache, and helper threads for the sorts that build indexes.
        db.execute("PRAGMA journal_mode = OFF")
        db.execute("PRAGMA synchronous = OFF")
        db.execute(f"PRAGMA cache_size = {DRAFT_CACHE_KIB}")
        db.executescript(_sql("schema.sql"))
        db.executemany(
            "INSERT INTO meta VALUES (?, ?)", [("generation", "0"), ("store_id", uuid.uuid4().hex)]
        )
        db.execute("BEGIN")
        return db

    def _taken(self, item: FileRows, slugs: list[str]) -> bool:
        """The new store holds the films written so far alone, each noted as written."""
        assert self.writer is not None
        return not self.writer.digests.keys().isdisjoint(slugs)

    def __exit__(self, *exc: object) -> None:
        super().__exit__(*exc)
        for path in (self.tmp, self.grams):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()

    def _finish(self, db: sqlite3.Connection) -> int:
        db.execute("COMMIT")
        # The film names' letter triples are indexed in a file of their own, by a second
        # thread, while this one builds the other indexes (each alone would leave a core
        # idle: the parsing is over); then copied in.
        names = db.execute("SELECT rowid, norm FROM names WHERE kind = 'film'").fetchall()
        grams = _TitleGrams(self.grams, db)
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="title-grams") as pool:
            filled = pool.submit(grams.fill, names)
            db.execute(f"PRAGMA cache_size = {INDEX_CACHE_KIB}")
            # Helper threads sort the runs of a big index while this one reads the next; a
            # small catalog's indexes are sorted quicker by this thread alone (the helpers
            # cost more in temporary files than they save).
            if self.writer is not None and self.writer.next_film > SORT_HELPERS_MIN_FILMS:
                db.execute(f"PRAGMA threads = {min(os.cpu_count() or 1, 4)}")
            # SQLite sorts in helper threads only runs it keeps in temporary files: with
            # temporary storage in memory, each index would be sorted by this thread alone.
            db.execute("PRAGMA temp_store = FILE")
            db.executescript(_sql("indexes.sql"))
            filled.result()
        grams.copy_into(self.tmp)
        db.executescript(_sql("grams.sql"))
        db.execute("INSERT OR REPLACE INTO meta VALUES ('built_at', ?)", (str(time.time()),))
        # Statistics for the query planner, from a sample of each index (planning needs
        # their shape, not exact counts).
        db.execute("PRAGMA analysis_limit = 1000")
        db.execute("ANALYZE")
        db.execute("BEGIN")
        for slug in _curated_wins(db):
            self.writer.digests.pop(slug, None)  # type: ignore[union-attr]
        _count_grams(db, 0)
        db.execute("COMMIT")
        films = db.execute("SELECT count(*) FROM films").fetchone()[0]
        db.execute("INSERT OR REPLACE INTO meta VALUES ('films', ?)", (str(films),))
        # Later builds change the store in place while it is read: readers keep the
        # snapshot they started with until the writer commits (write-ahead log).
        db.execute("PRAGMA journal_mode = WAL")
        db.close()
        self.db = None
        # The log files of a store being replaced belong to it, not to the new one.
        for suffix in ("-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):
                self.db_path.with_name(self.db_path.name + suffix).unlink()
        os.replace(self.tmp, self.db_path)
        return films


class _TitleGrams:
    """The film names' triple index (``title_grams``) of a first build, built in a file of
    its own beside the store's, so that it can be built alongside the store's indexes."""

    TABLES = ("data", "idx", "docsize", "config")  # where SQLite's full-text index keeps it

    def __init__(self, path: Path, db: sqlite3.Connection) -> None:
        """``path``: the file to build it in; ``db``: the store, holding the table empty."""
        self.path = path
        (self.create,) = db.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'title_grams'"
        ).fetchone()

    def fill(self, names: list[tuple[int, str]]) -> None:
        """Index ``names``, ``(rowid in names, norm)``; in any thread."""
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()
        db = sqlite3.connect(self.path, isolation_level=None)
        try:
            db.execute("PRAGMA journal_mode = OFF")
            db.execute("PRAGMA synchronous = OFF")
            db.execute(f"PRAGMA cache_size = {DRAFT_CACHE_KIB}")
            db.execute(self.create)
            db.execute("CREATE TEMP TABLE film_names (id INTEGER PRIMARY KEY, norm TEXT)")
            db.execute("BEGIN")
            db.executemany("INSERT INTO temp.film_names VALUES (?, ?)", names)
            # One statement: the index is written out in a few large pieces.
            db.execute("INSERT INTO title_grams (rowid, norm) SELECT id, norm FROM film_names")
            db.execute("COMMIT")
        finally:
            db.close()

    def copy_into(self, store: Path) -> None:
        """Replace the store's empty ``title_grams`` with the one built: its tables copied
        as they are, by a connection of its own, so that the store's connection reads the
        index afresh (another connection changed it)."""
        db = sqlite3.connect(self.path, isolation_level=None)
        try:
            db.execute("ATTACH DATABASE ? AS store", (str(store),))
            # Written as the store's own connection writes it (a new file that nobody reads
            # until it is renamed into place): a journal and syncing would only slow it.
            db.execute("PRAGMA store.journal_mode = OFF")
            db.execute("PRAGMA store.synchronous = OFF")
            db.execute("BEGIN")
            for table in (f"title_grams_{name}" for name in self.TABLES):
                db.execute(f"DELETE FROM store.{table}")
                db.execute(f"INSERT INTO store.{table} SELECT * FROM main.{table}")
            db.execute("COMMIT")
        finally:
            db.close()


class _InPlace(_Target):
    """A later build: one write transaction on the live store.

    Readers keep seeing the catalog as it was until it commits; the ``name_changes`` log
    it writes lets the next catalog update its in-memory indexes rather than rebuild them.
    """

    in_place = True

    def __init__(
        self,
        db_path: Path,
        mtimes: dict[str, int],
        replaced: list[str],
        gone: list[str],
        *,
        by_film: bool = True,
    ) -> None:
        """``replaced``: the files read again, and ``gone`` (among them) those no longer
        there. ``by_film``: a file read again keeps the rows of its films that did not
        change (else all its films are replaced)."""
        super().__init__(db_path, mtimes, replaced)
        self.gone = gone
        self.by_film = by_film
        self.waiting: dict[str, int] = {}  # file id by path: files the store holds, to read

    def _open(self) -> sqlite3.Connection:
        db = _connect(self.db_path)
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
        # The log is copied into the store file by ``checkpoint``, after the new catalog
        # is served, rather than by this commit (which would wait for the disk).
        db.execute("PRAGMA wal_autocheckpoint = 0")
        db.execute("PRAGMA busy_timeout = 10000")
        db.execute("BEGIN IMMEDIATE")
        db.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation'")
        self.generation = int(
            db.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()[0]
        )
        self.films = int(db.execute("SELECT value FROM meta WHERE key = 'films'").fetchone()[0])
        # Stores built before this index was part of the schema get it with their first reload.
        db.execute(
            "CREATE INDEX IF NOT EXISTS people_declared ON people (declared_in) "
            "WHERE declared_in IS NOT NULL"
        )
        if not self.by_film:
            self.before = _remove_files(db, self.replaced)
            return db
        self.before = _remove_files(db, self.gone)
        gone = set(self.gone)
        self.waiting, films = _films_of_files(db, [r for r in self.replaced if r not in gone])
        self.before.update(films)
        return db

    def _taken(self, item: FileRows, slugs: list[str]) -> bool:
        """A film of the file itself is not taken; nor is one of a file still to be read
        (moved from there, it is removed there now: if that file still has it, the clash
        is found when it is read)."""
        assert self.db is not None
        own = self.waiting.get(item.rel)
        waiting = set(self.waiting.values())
        moved: list[int] = []
        for chunk in _chunks(slugs, 500):
            marks = ",".join("?" * len(chunk))
            for film_id, file_id in self.db.execute(
                f"SELECT id, file_id FROM films WHERE slug IN ({marks})", chunk
            ):
                if file_id in waiting and file_id != own:
                    moved.append(film_id)
                elif file_id != own:
                    return True
        _delete_films(self.db, moved)
        return False

    def _write(self, item: FileRows) -> None:
        assert self.writer is not None
        file_id = self.waiting.pop(item.rel, None)
        if file_id is None:
            self.writer.add_file(item)
        else:
            self.writer.update_file(item, file_id)

    def _finish(self, db: sqlite3.Connection) -> int:
        assert self.writer is not None
        for slug in _curated_wins(db):
            self.writer.digests.pop(slug, None)
        _drop_orphans(db)
        _count_grams(db, self.generation)
        db.execute(
            "DELETE FROM name_changes WHERE generation <= ?", (self.generation - NAME_CHANGES_KEPT,)
        )
        db.execute("INSERT OR REPLACE INTO meta VALUES ('built_at', ?)", (str(time.time()),))
        assert self.writer is not None
        films = self.films - len(self.before) + len(self.writer.digests)
        db.execute("INSERT OR REPLACE INTO meta VALUES ('films', ?)", (str(films),))
        db.execute("COMMIT")
        # Statistics are refreshed only where SQLite judges them stale.
        db.execute("PRAGMA analysis_limit = 1000")
        db.execute("PRAGMA optimize")
        return films


def checkpoint(db_path: Path) -> None:
    """Copy what reloads wrote to the store's write-ahead log into the store file, as far
    as the catalogs still being read allow. Reloads leave this to be done afterwards."""
    try:
        db = sqlite3.connect(f"file:{db_path}?mode=rw", uri=True, isolation_level=None)
        try:
            db.execute("PRAGMA wal_checkpoint(PASSIVE)")
        finally:
            db.close()
    except sqlite3.Error as exc:
        log.warning("could not checkpoint the store %s: %s", db_path, exc)


def _count_grams(db: sqlite3.Connection, generation: int) -> None:
    """Bring the film names' triple counts up to date with this build's name changes."""
    counts: dict[str, int] = {}
    for added, name in db.execute(
        "SELECT added, norm FROM name_changes WHERE generation = ? AND kind = 'film'",
        (generation,),
    ):
        for gram in title_grams(name):
            counts[gram] = counts.get(gram, 0) + (1 if added else -1)
    db.executemany(
        "INSERT INTO title_gram_docs VALUES (?, ?) "
        "ON CONFLICT (gram) DO UPDATE SET docs = docs + excluded.docs",
        [(gram, n) for gram, n in counts.items() if n],
    )
    db.execute("DELETE FROM title_gram_docs WHERE docs <= 0")


FILM_COLUMNS = (
    "id",
    "slug",
    "title",
    "norm",
    "year",
    "status",
    "follows",
    "runtime_minutes",
    "release_date",
    "synopsis",
    "tagline",
    "trailer",
    "imdb_rating",
    "imdb_votes",
    "imdb_id",
    "rating",
    "votes",
    "poster",
    "file_id",
    "position",
    "digest",
)
SOURCE_COLUMNS = ("film_id", "position", "url", "text", "note")
CREDIT_COLUMNS = ("film_id", "person_id", "role", "character", "character_norm", "note", "position")
VALUE_COLUMNS = "film_id, kind, value, norm, position, year"


def _insert_present(
    db: sqlite3.Connection,
    table: str,
    columns: tuple[str, ...],
    rows: list[tuple],
    base: int | None = None,
) -> None:
    """Insert ``rows`` (values of all ``columns``, in order) naming only the columns each
    has a value in: the others are NULL all the same, and a None is several times slower
    to hand to SQLite than a number or a text. Rows keep their order. ``base``: as for
    ``_insert_rows`` (the first column, which every row has, is a film's index)."""
    present = list(map(tuple, map(map, _IS_NOT, rows, _NONES)))
    start = 0
    for has, run in itertools.groupby(present):
        end = start + len(list(run))
        named = list(itertools.compress(columns, has))
        _insert_rows(
            db,
            f"INSERT INTO {table} ({','.join(named)})",
            map(tuple, map(itertools.compress, rows[start:end], itertools.repeat(has))),
            len(named),
            base,
        )
        start = end


def _insert_rows(
    db: sqlite3.Connection,
    head: str,
    rows: Iterable[tuple],
    width: int,
    base: int | None = None,
    constant: str = "",
) -> None:
    """Insert ``rows`` of ``width`` values each: as ``_insert_values`` does their values."""
    _insert_values(db, head, list(itertools.chain.from_iterable(rows)), width, base, constant)


def _insert_values(
    db: sqlite3.Connection,
    head: str,
    values: list,
    width: int,
    base: int | None = None,
    constant: str = "",
) -> None:
    """Insert the rows of ``values`` (``width`` values a row, one row after the other)
    into the columns ``head`` names (``INSERT INTO table (columns)``; ``constant``, when
    given, is the last column's SQL value, the same for every row). Many rows go in a
    statement: a statement run once a row costs SQLite and Python's ``sqlite3`` about
    twice the CPU. ``base``: each row's first value is a film's index in its file, written
    as ``base`` plus it (its id)."""
    rows = len(values) // width
    stream = iter(values)
    done = 0
    for count in _ROWS_A_STATEMENT:
        statements = (rows - done) // count
        if not statements:
            continue
        params = [stream] * (width * count)  # the same iterator: each statement's values
        based = () if base is None else (itertools.repeat(base),)
        db.executemany(
            _rows_sql(head, width, count, base is not None, constant),
            itertools.islice(zip(*based, *params, strict=False), statements),
        )
        done += statements * count


_ROWS_A_STATEMENT = (64, 8, 1)


@functools.cache
def _rows_sql(head: str, width: int, count: int, based: bool, constant: str) -> str:
    """``head`` and the values of ``count`` rows: ``?`` numbered in order, after the
    base's (``?1``) when ``based``."""
    first = 2 if based else 1
    rows = []
    for row in range(count):
        marks = [f"?{first + row * width + column}" for column in range(width)]
        if based:
            marks[0] = f"?1+{marks[0]}"
        rows.append(f"({','.join([*marks, constant] if constant else marks)})")
    return f"{head} VALUES {','.join(rows)}"


def _interleaved(columns: list[list]) -> list:
    """The values of ``columns`` (as long as each other) row by row, one list."""
    width = len(columns)
    values = [None] * (width * len(columns[0]))
    for number, column in enumerate(columns):
        values[number::width] = column
    return values


_IS_NOT = itertools.repeat(operator.is_not)
_NONES = itertools.repeat(itertools.repeat(None))
_NONES1 = itertools.repeat(None)
_CREDIT_WIDTH = ROW_WIDTHS["credits"]
_NAME_WIDTH = ROW_WIDTHS["names"]


def _label(title: str, year: int | None) -> str:
    return f"{title} ({year})" if year else title


def _remove_files(db: sqlite3.Connection, rels: Iterable[str]) -> dict[str, tuple[str, str]]:
    """Delete everything that came from ``rels``; return the removed films' labels/digests.

    What the removed films used (people, characters, genres and other values) is noted in
    temporary tables, for ``_drop_orphans`` to check at the end of the build.
    """
    _note_tables(db)
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
    _undeclare(db, file_ids)
    db.execute(f"DELETE FROM files WHERE id IN ({fmarks})", file_ids)
    return before


def _films_of_files(
    db: sqlite3.Connection, rels: list[str]
) -> tuple[dict[str, int], dict[str, tuple[str, str]]]:
    """The ids of the files ``rels`` that the store holds, and their films' labels and
    digests by film id."""
    ids: dict[str, int] = {}
    films: dict[str, tuple[str, str]] = {}
    for chunk in _chunks(rels, 500):
        marks = ",".join("?" * len(chunk))
        ids.update(db.execute(f"SELECT path, id FROM files WHERE path IN ({marks})", chunk))
    for chunk in _chunks(list(ids.values()), 500):
        marks = ",".join("?" * len(chunk))
        for slug, title, year, digest in db.execute(
            f"SELECT slug, title, year, digest FROM films WHERE file_id IN ({marks})", chunk
        ):
            films[slug] = (_label(title, year), digest)
    return ids, films


def _undeclare(db: sqlite3.Connection, file_ids: list[int]) -> None:
    """Forget what the ``people:`` entries of the files ``file_ids`` said (birth, death,
    aliases), noting those people for ``_drop_orphans``."""
    fmarks = ",".join("?" * len(file_ids))
    declared = [
        r[0] for r in db.execute(f"SELECT id FROM people WHERE declared_in IN ({fmarks})", file_ids)
    ]
    if not declared:
        return
    pmarks = ",".join("?" * len(declared))
    db.executemany("INSERT OR IGNORE INTO maybe_people VALUES (?)", [(p,) for p in declared])
    db.execute(
        f"DELETE FROM names WHERE kind = 'person' AND ref IN ({pmarks}) AND norm != "
        "(SELECT norm FROM people WHERE people.id = names.ref)",
        declared,
    )
    db.execute(
        f"UPDATE people SET born = NULL, died = NULL, declared_in = NULL WHERE id IN ({pmarks})",
        declared,
    )


def _delete_films(db: sqlite3.Connection, film_ids: list[int]) -> None:
    """Delete films and all their rows, noting what they used for ``_drop_orphans``."""
    _note_tables(db)
    if not film_ids:
        return
    db.executemany("INSERT INTO gone_films VALUES (?)", [(i,) for i in film_ids])
    gone = "SELECT id FROM gone_films"
    db.execute(
        "INSERT OR IGNORE INTO maybe_people "
        f"SELECT person_id FROM credits WHERE film_id IN ({gone})"
    )
    db.execute(
        "INSERT INTO maybe_names SELECT DISTINCT character_norm, 'character' FROM credits "
        f"WHERE film_id IN ({gone}) AND character_norm IS NOT NULL"
    )
    db.execute(
        "INSERT INTO maybe_names SELECT DISTINCT norm, kind FROM film_values "
        f"WHERE film_id IN ({gone}) AND kind != 'alias'"
    )
    for table in ("credits", "film_values", "sources", "trivia"):
        db.execute(f"DELETE FROM {table} WHERE film_id IN ({gone})")
    db.execute(f"DELETE FROM names WHERE kind = 'film' AND ref IN ({gone})")
    db.execute(f"DELETE FROM films WHERE id IN ({gone})")
    db.execute("DELETE FROM temp.gone_films")


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
    db.executemany(
        "INSERT INTO yielded VALUES (?, ?)", [(imdb_id, file_id) for *_, imdb_id, file_id in losers]
    )
    _delete_films(db, [film_id for film_id, *_ in losers])
    _drop_orphans(db)
    return [slug for _, slug, *_ in losers]


def _note_tables(db: sqlite3.Connection) -> None:
    db.execute("CREATE TEMP TABLE IF NOT EXISTS gone_films (id INTEGER PRIMARY KEY)")
    db.execute("CREATE TEMP TABLE IF NOT EXISTS maybe_people (id INTEGER PRIMARY KEY)")
    db.execute("CREATE TEMP TABLE IF NOT EXISTS maybe_names (norm TEXT, kind TEXT)")


def _drop_orphans(db: sqlite3.Connection) -> None:
    """Remove the people and names that only the removed films used."""
    db.execute(
        "DELETE FROM people WHERE id IN (SELECT id FROM maybe_people) AND declared_in IS NULL "
        "AND NOT EXISTS (SELECT 1 FROM credits c WHERE c.person_id = people.id)"
    )
    db.execute(
        "DELETE FROM names WHERE kind = 'person' AND ref IN (SELECT id FROM maybe_people) "
        "AND NOT EXISTS (SELECT 1 FROM people p WHERE p.id = names.ref)"
    )
    db.execute(
        "DELETE FROM names WHERE kind = 'character' "
        "AND norm IN (SELECT norm FROM maybe_names WHERE kind = 'character') "
        "AND NOT EXISTS (SELECT 1 FROM credits c WHERE c.character_norm = names.norm)"
    )
    db.execute(
        "DELETE FROM names WHERE kind != 'character' AND (kind, norm) IN "
        "(SELECT kind, norm FROM maybe_names WHERE kind != 'character') AND NOT EXISTS "
        "(SELECT 1 FROM film_values v WHERE v.kind = names.kind AND v.norm = names.norm)"
    )
    _note_tables(db)
    for table in ("gone_films", "maybe_people", "maybe_names"):
        db.execute(f"DELETE FROM temp.{table}")


class _Writer:
    """Inserts prepared files into an open store: numbers films and people, then batches."""

    def __init__(self, db: sqlite3.Connection, mtimes: dict[str, int], *, lookup: bool) -> None:
        """``lookup``: the store already holds people, found by key as files name them."""
        self.db = db
        self.mtimes = mtimes
        self.lookup = lookup
        self.values_named: set[tuple[str, str]] = set()  # (kind, key) of the values written
        self.people: dict[str, int] = {}
        self.next_person = (db.execute("SELECT max(id) FROM people").fetchone()[0] or 0) + 1
        self.next_film = (db.execute("SELECT max(id) FROM films").fetchone()[0] or 0) + 1
        self.digests: dict[str, tuple[str, str]] = {}

    def look_up(self, keys: set[str]) -> None:
        """Find the people of ``keys`` that the store already holds, in a few queries."""
        missing = sorted(key for key in keys if key not in self.people)
        for chunk in _chunks(missing, 500):
            marks = ",".join("?" * len(chunk))
            self.people.update(
                self.db.execute(f"SELECT norm, id FROM people WHERE norm IN ({marks})", chunk)
            )

    def person_id(self, key: str, name: str, new_people: list[tuple[int, str, str]]) -> int:
        pid = self.people.get(key)
        if pid is None:
            pid = self.next_person
            self.next_person += 1
            self.people[key] = pid
            new_people.append((pid, name, key))
        return pid

    def add_file(self, item: FileRows) -> None:
        """Insert a file new to the store, with all its films."""
        # The time seen before the file was read: if it changed since, it is read next time.
        file_id = self.db.execute(
            "INSERT INTO files (path, display, sha256, size, films, imported, mtime_ns) "
            "VALUES (?,?,?,?,?,?,?)",
            (*item.file_columns, self.mtimes.get(item.rel, 0)),
        ).lastrowid
        self._insert(item, file_id, {})

    def update_file(self, item: FileRows, file_id: int) -> None:
        """Bring a file the store holds up to date with ``item``, film by film: a film
        whose content is as stored keeps its rows (and id); the others are replaced."""
        db = self.db
        stored = {
            slug: (film_id, digest, position)
            for film_id, slug, digest, position in db.execute(
                "SELECT id, slug, digest, position FROM films WHERE file_id = ?", (file_id,)
            )
        }
        kept: dict[int, int] = {}
        moved: list[tuple[int, int]] = []
        for position, film in enumerate(item.films):
            was = stored.get(film.slug)
            if was is not None and was[1] == film.digest:
                del stored[film.slug]
                kept[position] = was[0]
                if was[2] != position:
                    moved.append((position, was[0]))
        _delete_films(db, [film_id for film_id, _, _ in stored.values()])
        db.execute("DELETE FROM yielded WHERE file_id = ?", (file_id,))
        _undeclare(db, [file_id])
        db.executemany("UPDATE films SET position = ? WHERE id = ?", moved)
        db.execute(
            "UPDATE files SET path = ?, display = ?, sha256 = ?, size = ?, films = ?, "
            "imported = ?, mtime_ns = ? WHERE id = ?",
            (*item.file_columns, self.mtimes.get(item.rel, 0), file_id),
        )
        self._insert(item, file_id, kept)

    def _insert(self, item: FileRows, file_id: int, kept: dict[int, int]) -> None:
        """Insert the rows of ``item``'s films but those ``kept`` (by index in the file),
        and the people the file declares.

        The films written take the next ids in their order, so each row's film id is its
        film's index plus one number for the file, added by SQLite: the rows go in as the
        parsing made them, without a Python step per row.
        """
        db = self.db
        for film in item.films:
            self.digests[film.slug] = (film.label, film.digest)
        positions = [p for p in range(len(item.films)) if p not in kept]
        rows = item.renumbered(positions) if kept else item
        first = self.next_film
        self.next_film += len(positions)
        films = [
            (first + number, *film[:-1], file_id, position, film.digest)
            for number, (position, film) in enumerate(zip(positions, rows.films, strict=True))
        ]
        credits = rows.values_of("credits")
        keys = credits[1::_CREDIT_WIDTH]
        if self.lookup:
            self.look_up({*keys, *(person[1] for person in rows.people)})
        new_people = self._new_people(keys, credits[2::_CREDIT_WIDTH])
        declared = []
        alias_names: dict[tuple, None] = {}
        for name, key, born, died, aliases in rows.people:
            pid = self.person_id(key, name, new_people)
            alias_names.update(
                dict.fromkeys((alias_key, "person", pid, alias) for alias_key, alias in aliases)
            )
            declared.append((born, died, file_id, pid))
        _insert_rows(db, "INSERT INTO people (id, name, norm)", new_people, 3)
        db.executemany(
            "UPDATE people SET born = ?, died = ?, declared_in = ? WHERE id = ?", declared
        )
        _insert_present(db, "films", FILM_COLUMNS, films)
        self._insert_credits(credits, first)
        _insert_present(db, "sources", SOURCE_COLUMNS, rows.rows_of("sources"), first)
        values, trivia = rows.values_of("values"), rows.values_of("trivia")
        _insert_values(db, f"INSERT INTO film_values ({VALUE_COLUMNS})", values, 6, first)
        _insert_values(db, "INSERT INTO trivia (film_id, position, text)", trivia, 3, first)
        # The names go in in the order met, so that two builds of the same files give every
        # name the same rowid (the first of a shared text is the one shown).
        names = "INSERT OR IGNORE INTO names"
        film_names = rows.values_of("film_names")
        _insert_values(db, f"{names} (ref, norm, display, kind)", film_names, 3, first, "'film'")
        _insert_rows(
            db,
            f"{names} (norm, kind, display, ref)",
            self._values_unnamed(rows.values_of("names")),
            3,
            constant="0",
        )
        _insert_rows(db, f"{names} (norm, kind, ref, display)", alias_names, 4)
        _insert_rows(db, f"{names} (ref, display, norm, kind)", new_people, 3, constant="'person'")

    def _new_people(self, keys: list[str], names: list[str]) -> list[tuple[int, str, str]]:
        """``(id, name, key)`` of the people of ``keys`` the store does not hold yet,
        numbered in the order first met, each named as where first met."""
        if all(map(self.people.__contains__, keys)):  # as in most files of a big catalog
            return []
        missing = list(itertools.filterfalse(self.people.__contains__, dict.fromkeys(keys)))
        first_names = dict(zip(reversed(keys), reversed(names), strict=True))
        ids = range(self.next_person, self.next_person + len(missing))
        self.next_person = ids.stop
        self.people.update(zip(missing, ids, strict=True))
        return list(zip(ids, map(first_names.__getitem__, missing), missing, strict=True))

    def _insert_credits(self, credits: list, base: int) -> None:
        """Insert ``credits`` (the values of the rows ``FileRows`` has, one row after the
        other), with their people's ids; those without character or note (most of them)
        leave those columns out."""
        width = _CREDIT_WIDTH
        columns = [credits[c::width] for c in range(width)]
        columns[1] = list(map(self.people.__getitem__, columns[1]))
        bare = list(map(operator.and_, *(map(operator.is_, columns[c], _NONES1) for c in (4, 6))))
        for chosen, wanted, named in (
            (bare, (0, 1, 3, 7), "film_id, person_id, role, position"),
            (list(map(operator.not_, bare)), (0, 1, 3, 4, 5, 6, 7), ",".join(CREDIT_COLUMNS)),
        ):
            if True not in chosen:
                continue
            picked = [columns[c] for c in wanted]
            if False in chosen:
                picked = [list(itertools.compress(column, chosen)) for column in picked]
            head = f"INSERT INTO credits ({named})"
            _insert_values(self.db, head, _interleaved(picked), len(wanted), base)

    def _values_unnamed(self, names: list) -> list[tuple]:
        """``(key, kind, display)`` of the names of ``names`` (the values of the rows
        ``FileRows`` has, one row after the other: genres, characters…, the same in many
        files) of a kind and key no row written before had, the first of each."""
        width = _NAME_WIDTH
        kinds_keys = list(zip(names[2::width], names[1::width], strict=True))
        named = self.values_named
        if named.issuperset(kinds_keys):  # as in most files but the first few
            return []
        fresh = list(itertools.filterfalse(named.__contains__, dict.fromkeys(kinds_keys)))
        named.update(fresh)
        rows = zip(names[1::width], names[2::width], names[3::width], strict=True)
        first = dict(zip(reversed(kinds_keys), reversed(list(rows)), strict=True))
        return list(map(first.__getitem__, fresh))
