"""What the benchmarks share: where MetaQA is, a catalog imported from it once, and how
times are summed up."""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
from pathlib import Path

from bot.importers.metaqa import import_metaqa

ROOT = Path(__file__).resolve().parent.parent
METAQA = ROOT.parent / "shared" / "metaqa"
DEFAULT_WORKDIR = Path.home() / ".cache" / "film-bot" / "bench"


def add_data_options(parser: argparse.ArgumentParser) -> None:
    """``--kb`` and ``--workdir``, for every benchmark."""
    parser.add_argument(
        "--kb",
        type=Path,
        default=METAQA / "kb.txt",
        help="the MetaQA kb.txt (default: %(default)s)",
    )
    parser.add_argument(
        "--workdir",
        type=Path,
        default=DEFAULT_WORKDIR,
        help="where imported catalogs and stores are kept (default: %(default)s)",
    )


def strip_brackets(question: str) -> str:
    """MetaQA marks the topic entity as ``[Heat]``; people type no brackets."""
    return question.replace("[", "").replace("]", "")


def imported_catalog(kb: Path, workdir: Path) -> Path:
    """The MetaQA knowledge base as a facts directory, imported once per KB content."""
    digest = hashlib.sha256(kb.read_bytes()).hexdigest()[:12]
    out = workdir / f"metaqa-{digest}"
    done = out / ".complete"
    if not done.exists():
        print(f"importing {kb} into {out} …", file=sys.stderr)
        import_metaqa(kb, out)
        done.write_text("ok\n")
    return out


def p(values: list[float], q: float) -> float:
    """The ``q`` quantile of ``values`` (0.99: the value 99% of them are at most)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def stolen_ms() -> float | None:
    """CPU time the host of this virtual machine has taken from its processors so far,
    summed over them (the steal column of ``/proc/stat``), in ms: time in which the machine
    ran slower than its own load explains. None where the system does not report it."""
    try:
        with open("/proc/stat", encoding="ascii") as fh:
            fields = fh.readline().split()
    except OSError:
        return None
    if fields[:1] != ["cpu"] or len(fields) < 9:
        return None
    return int(fields[8]) * 1000 / os.sysconf("SC_CLK_TCK")
