"""Problems found in facts files, as values: ``path:line: message``."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True, slots=True)
class CatalogError:
    """One problem in one facts file, at one line."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class CatalogInvalid(Exception):
    """A load was refused; ``errors`` lists every problem found."""

    def __init__(self, errors: list[CatalogError]) -> None:
        self.errors = sorted(errors)
        count = len(self.errors)
        super().__init__(f"{count} problem{'s' if count != 1 else ''} in the facts files")
