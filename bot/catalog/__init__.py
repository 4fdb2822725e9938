"""Facts files → validated records: the schema, the safe YAML reader and the loader."""

from bot.catalog.errors import CatalogError, CatalogInvalid
from bot.catalog.loader import (
    DirectoryCheck,
    ParsedFile,
    check_catalog,
    check_directory,
    discover,
    parse_file,
    parse_files,
)
from bot.catalog.schema import STATUSES, CastMember, FactsFile, Film, Person, Source

__all__ = [
    "STATUSES",
    "CastMember",
    "CatalogError",
    "CatalogInvalid",
    "DirectoryCheck",
    "FactsFile",
    "Film",
    "ParsedFile",
    "Person",
    "Source",
    "check_catalog",
    "check_directory",
    "discover",
    "parse_file",
    "parse_files",
]
