"""What the benchmarks share: where MetaQA is, and a catalog imported from it once."""

from __future__ import annotations

import argparse
import hashlib
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
