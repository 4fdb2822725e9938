"""What the benchmarks share: where MetaQA is, and a catalog imported from it once."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

from bot.importers.metaqa import import_metaqa

ROOT = Path(__file__).resolve().parent.parent
METAQA = ROOT.parent / "shared" / "metaqa"
DEFAULT_WORKDIR = Path.home() / ".cache" / "film-bot" / "bench"


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
