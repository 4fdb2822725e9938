"""The catalog store: SQLite built from the facts files, swapped atomically on reload."""

from bot.store.build import BuildResult, build_store
from bot.store.catalog import Catalog, FilmRecord, FilmSummary, PersonRecord
from bot.store.live import ReloadReport, Store

__all__ = [
    "BuildResult",
    "Catalog",
    "FilmRecord",
    "FilmSummary",
    "PersonRecord",
    "ReloadReport",
    "Store",
    "build_store",
]
