"""The live store: the catalog being served, and reloads that swap it atomically."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import gc
import logging
import multiprocessing
import sqlite3
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from bot import collector
from bot.catalog.errors import CatalogError, CatalogInvalid
from bot.catalog.loader import DEFAULT_MAX_FILE_BYTES
from bot.store.build import BuildResult, Progress, build_store, checkpoint, current_store
from bot.store.catalog import Catalog
from bot.store.discovery import warm as warm_discovery
from bot.store.rows import warm_up
from bot.workers import exit_with_parent

log = logging.getLogger(__name__)
T = TypeVar("T")

CLOSE_GRACE_S = 30.0
# Big builds run in a separate process, so their Python work never holds this process's
# GIL and the event loop keeps its heartbeat; small ones are quicker in a thread.
PROCESS_BUILD_MIN_BYTES = 1_000_000


async def _warm_rest(
    catalog: Catalog, previous: Catalog | None, previous_warming: asyncio.Task[object] | None
) -> None:
    """Build the catalog's in-memory indexes, from those of ``previous`` where it can:
    when they are still being built (a reload soon after a start), once they are done,
    rather than building all of them again alongside."""
    if previous_warming is not None:
        try:
            await asyncio.wait([previous_warming])
        except asyncio.CancelledError:
            previous_warming.cancel()  # the store is closing: so is every index build
            raise
    try:
        with collector.paused(freeze=True):  # the indexes live as long as their catalog
            await catalog.warm(previous)
            await catalog.warm_rest(previous)
            await warm_discovery(catalog, previous)
    except (sqlite3.Error, ValueError) as exc:  # closed under it: built on first use then
        log.warning("could not prepare the name indexes: %s", exc)


def _build_process() -> None:
    """Initializer of the build process: gone with the bot, and warmed up for builds."""
    exit_with_parent()
    warm_up()


def _is_big(facts_dir: Path) -> bool:
    """Whether the facts files hold at least ``PROCESS_BUILD_MIN_BYTES``: counted until
    they do, so a big catalog's files are not all looked at."""
    total = 0
    try:
        for path in facts_dir.rglob("*.y*ml"):
            if total >= PROCESS_BUILD_MIN_BYTES:
                break
            if path.is_file():
                total += path.stat().st_size
    except OSError:
        pass
    return total >= PROCESS_BUILD_MIN_BYTES


@dataclass
class ReloadReport:
    """What a reload did, for the admin who asked for it."""

    ok: bool
    errors: list[CatalogError] = field(default_factory=list)
    # the first films added, changed and removed (by label), and how many in all
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    added_count: int = 0
    changed_count: int = 0
    removed_count: int = 0
    films: int = 0
    files_parsed: int = 0
    files_reused: int = 0
    seconds: float = 0.0
    unchanged: bool = False
    in_progress: bool = False
    serving_previous: bool = False
    notes: list[str] = field(default_factory=list)

    @classmethod
    def from_build(cls, result: BuildResult, *, serving_previous: bool = False) -> ReloadReport:
        return cls(
            ok=result.ok,
            errors=result.errors,
            added=result.added,
            changed=result.changed,
            removed=result.removed,
            added_count=result.added_count,
            changed_count=result.changed_count,
            removed_count=result.removed_count,
            films=result.films,
            files_parsed=result.files_parsed,
            files_reused=result.files_reused,
            seconds=result.seconds,
            unchanged=result.unchanged,
            serving_previous=serving_previous,
            notes=result.notes,
        )


class Store:
    """Owns the served :class:`Catalog`; ``reload`` builds a new one and swaps it in.

    Readers take ``store.catalog`` once per request and use that object throughout, so a
    request is answered wholly from the old catalog or wholly from the new one.
    """

    def __init__(
        self,
        facts_dir: Path | str,
        db_path: Path | str | None = None,
        *,
        display_root: str | None = None,
        max_file_bytes: int = DEFAULT_MAX_FILE_BYTES,
        workers: int | None = None,
        progress: Progress | None = None,
    ) -> None:
        """``progress`` (for a terminal) hears the build's stages; with it, builds run in
        a thread of this process rather than the separate build process, so it can."""
        self.facts_dir = Path(facts_dir)
        self.display_root = display_root if display_root is not None else str(facts_dir)
        self._tmpdir: tempfile.TemporaryDirectory[str] | None = None
        if db_path is None or str(db_path) == ":memory:":
            self._tmpdir = tempfile.TemporaryDirectory(prefix="film-bot-")
            db_path = Path(self._tmpdir.name) / "catalog.db"
        self.db_path = Path(db_path)
        self.max_file_bytes = max_file_bytes
        self.workers = workers
        self.progress = progress
        self._catalog: Catalog | None = None
        self._lock = asyncio.Lock()
        self._retired: dict[Catalog, asyncio.Task[None]] = {}
        self._warming: asyncio.Task[object] | None = None
        self._checkpoints: set[asyncio.Task[None]] = set()
        self.last_report: ReloadReport | None = None
        self.last_report_at: float | None = None  # wall-clock time of the last reload
        self.loaded_at: float | None = None  # when the catalog served now was swapped in
        self._build_pool: ProcessPoolExecutor | None = None
        self._big: bool | None = None  # whether the catalog is big enough for a build process

    def _builder(self) -> ProcessPoolExecutor:
        """One long-lived build process (forked: it runs only ``build_store``)."""
        if self._build_pool is None:
            context = multiprocessing.get_context("fork")
            self._build_pool = ProcessPoolExecutor(
                max_workers=1, mp_context=context, initializer=_build_process
            )
        return self._build_pool

    @property
    def catalog(self) -> Catalog:
        if self._catalog is None:
            raise RuntimeError("the store is not open")
        return self._catalog

    @property
    def is_open(self) -> bool:
        return self._catalog is not None

    @property
    def reloading(self) -> bool:
        return self._lock.locked()

    async def open(self) -> ReloadReport:
        """Bring the store up to date and serve it.

        When the facts files are bad but a previous store exists, that store is served and
        the report lists the problems. With nothing to serve, raises ``CatalogInvalid``.
        """
        report = await self.reload()
        if self._catalog is None:
            raise CatalogInvalid(
                report.errors or [CatalogError(self.display_root, 1, "no catalog")]
            )
        return report

    async def reload(self, *, force: bool = False) -> ReloadReport:
        """Rebuild from the facts files and swap; a failure keeps the current catalog."""
        if self._lock.locked():
            return ReloadReport(ok=False, in_progress=True, serving_previous=True)
        async with self._lock:
            report = await self._reload(force)
        self.last_report, self.last_report_at = report, time.time()
        return report

    async def _reload(self, force: bool) -> ReloadReport:
        started = time.perf_counter()
        build = functools.partial(
            build_store,
            self.facts_dir,
            self.db_path,
            display_root=self.display_root,
            max_bytes=self.max_file_bytes,
            workers=self.workers,
            force=force,
            # Until a catalog is served, nothing needs the CPU more than its first build.
            background=self._catalog is not None,
        )
        if self._big is None:  # measured once, off the event loop
            self._big = await asyncio.to_thread(_is_big, self.facts_dir)
        big = self._big
        if big and self._build_pool is None:
            # Forked now, before this process opens the store: a child must not inherit
            # open SQLite connections (nor their locks), and is warm when an edit comes.
            self._builder().submit(int)
        try:
            # A restart with nothing changed: known without starting a build.
            starting = self._catalog is None and not force
            current = functools.partial(
                current_store,
                *build.args,
                display_root=self.display_root,
                max_bytes=self.max_file_bytes,
            )
            quick = await self._off_loop(current, big) if starting else None
            if quick is not None:
                result = quick
            elif self.progress is not None:
                result = await asyncio.to_thread(build, progress=self.progress)
            else:
                result = await self._off_loop(build, big)
        except (OSError, sqlite3.Error) as exc:
            log.exception("reload failed while writing the store")
            message = f"could not write the store {self.db_path}: {exc}"
            result = BuildResult(ok=False, errors=[CatalogError(self.display_root, 1, message)])
        for note in result.notes:
            log.warning("%s", note)
        if not result.ok:
            serving = await self._serve_existing()
            log.warning("reload refused: %d problem(s) in the facts files", len(result.errors))
            return ReloadReport.from_build(result, serving_previous=serving)
        if result.unchanged and self._catalog is not None:
            return ReloadReport.from_build(result)
        fresh: Catalog | None = None
        try:
            fresh = await Catalog.open(self.db_path)
            gc.freeze()  # what exists now is long-lived: the collector need not walk it
            # A big catalog's title index, unless derived from the previous one, is built
            # after the swap; until then autocomplete reads the store's name index.
            await fresh.warm(self._catalog, derive_only=big)
        except sqlite3.Error as exc:
            if fresh is not None:
                await fresh.close()
            log.exception("the rebuilt store could not be opened")
            error = CatalogError(self.display_root, 1, f"the rebuilt store is unreadable: {exc}")
            return ReloadReport(ok=False, errors=[error], serving_previous=self.is_open)
        self._swap(fresh)
        report = ReloadReport.from_build(result)
        report.seconds = time.perf_counter() - started
        log.info(
            "catalog ready: %d films (%d files parsed, %d reused) in %.2fs",
            report.films,
            report.files_parsed,
            report.files_reused,
            report.seconds,
        )
        return report

    async def _off_loop(self, work: Callable[[], T], big: bool) -> T:
        """``work`` in the build process for a big catalog (no Python work in this process
        to hold the GIL from the event loop), else in a thread of this one."""
        if big and self.progress is None:
            return await asyncio.get_running_loop().run_in_executor(self._builder(), work)
        return await asyncio.to_thread(work)

    async def _serve_existing(self) -> bool:
        """After a failed build: keep serving, or open the last good store file if any."""
        if self._catalog is not None:
            return True
        if not self.db_path.exists():
            return False
        try:
            self._catalog = await Catalog.open(self.db_path)
            self.loaded_at = time.time()
        except sqlite3.Error as exc:
            log.warning("the previous store %s is unreadable (%s)", self.db_path, exc)
            return False
        log.warning("serving the last good catalog from %s", self.db_path)
        return True

    def _swap(self, fresh: Catalog) -> None:
        old, self._catalog = self._catalog, fresh
        self.loaded_at = time.time()
        # The catalog's name indexes are long-lived: keep the cyclic collector from walking
        # them again and again (each walk holds the GIL, stalling the event loop). They are
        # still freed by reference counting once the catalog is retired.
        gc.freeze()
        loop = asyncio.get_running_loop()
        # The indexes for misspelt and partial names are needed by few questions: built
        # after the swap, so a reload is not kept waiting for them.
        self._warming = loop.create_task(_warm_rest(fresh, old, self._warming))
        if old is not None:
            self._retired[old] = loop.create_task(self._retire(old))
            self._checkpoint()

    def _checkpoint(self) -> None:
        """Copy the reload's log into the store file in the background (a thread: SQLite
        leaves the event loop free while it waits for the disk)."""
        task = asyncio.get_running_loop().create_task(asyncio.to_thread(checkpoint, self.db_path))
        self._checkpoints.add(task)
        task.add_done_callback(self._checkpoints.discard)

    async def _retire(self, old: Catalog) -> None:
        """Close a replaced catalog once requests that took it have had time to finish."""
        await asyncio.sleep(CLOSE_GRACE_S)
        await old.close()
        self._checkpoint()  # the part of the log only the old catalog still read
        # Forgotten only once closed: if this task is cancelled, close() still closes it.
        self._retired.pop(old, None)

    async def warmed(self) -> None:
        """Wait until the served catalog's in-memory indexes (built in the background after
        each swap) are ready."""
        if self._warming is not None:
            with contextlib.suppress(asyncio.CancelledError):
                await asyncio.shield(self._warming)

    async def close(self) -> None:
        if self._checkpoints:
            await asyncio.gather(*self._checkpoints, return_exceptions=True)
        if self._warming is not None:
            self._warming.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._warming
            self._warming = None
        catalogs = [self._catalog] if self._catalog else []
        for old, task in list(self._retired.items()):
            task.cancel()
            catalogs.append(old)
        self._retired.clear()
        self._catalog = None
        if self._build_pool is not None:
            pool, self._build_pool = self._build_pool, None
            # Waited for in a thread: the event loop keeps serving while the process ends.
            await asyncio.to_thread(pool.shutdown, wait=True, cancel_futures=True)
        for catalog in catalogs:
            with contextlib.suppress(Exception):
                await catalog.close()
        if self._tmpdir is not None:
            self._tmpdir.cleanup()
            self._tmpdir = None
        elif catalogs:
            # Read by nobody now: the reloads' log is copied into the store file and removed
            # (by the last connection's close), so the next start need not read it through.
            await asyncio.to_thread(checkpoint, self.db_path)
