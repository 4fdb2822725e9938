"""Writing an importer's facts files: only those whose content changed, atomically.

An import run again over the same data then changes no byte and no modification time, and
the next reload parses again only the files that really changed.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from pathlib import Path


def write_if_changed(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` unless it already holds exactly that; True if written.

    The new content goes to a hidden file beside it first (the loader skips dot files),
    then replaces the old one at once: a reload never reads half a file.
    """
    try:
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
    return True


def remove_stale(out_dir: Path, pattern: str, keep: Iterable[Path]) -> list[Path]:
    """Delete the files of ``out_dir`` matching ``pattern`` that are not in ``keep``."""
    kept = {p.name for p in keep}
    gone = [p for p in sorted(out_dir.glob(pattern)) if p.name not in kept and p.is_file()]
    for path in gone:
        path.unlink()
    return gone
