"""Text normalisation shared by the store (at build time) and the answering engine."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_NON_WORD = re.compile(r"[^0-9a-z]+")
_APOSTROPHES = re.compile(r"['’`´]")


@lru_cache(maxsize=65536)
def norm(text: str) -> str:
    """Lowercase, accents and punctuation removed, spaces collapsed: ``Amélie!`` → ``amelie``."""
    if text.isascii():
        folded = text.lower()
    else:
        decomposed = unicodedata.normalize("NFKD", text)
        folded = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    folded = _APOSTROPHES.sub("", folded.replace("&", " and "))
    return _NON_WORD.sub(" ", folded).strip()
