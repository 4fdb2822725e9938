"""Text normalisation shared by the store (at build time) and the answering engine."""

from __future__ import annotations

import re
import string
import unicodedata
from functools import lru_cache

_NON_WORD = re.compile(r"[^0-9a-z]+")
_APOSTROPHES = re.compile(r"['’`´]")


# ASCII text folded in one pass: letters lowercased, apostrophes dropped, "&" spelt out,
# every other character a space (the spaces are then collapsed), as ``_folded`` does.
_ASCII_FOLD = dict.fromkeys(range(128), " ")
_ASCII_FOLD.update({ord(c): c for c in string.ascii_lowercase + string.digits})
_ASCII_FOLD.update({ord(c): c.lower() for c in string.ascii_uppercase})
_ASCII_FOLD.update({ord("'"): None, ord("`"): None, ord("&"): " and "})


@lru_cache(maxsize=65536)
def norm(text: str) -> str:
    """Lowercase, accents and punctuation removed, spaces collapsed: ``Amélie!`` → ``amelie``."""
    if text.isascii():
        return " ".join(text.translate(_ASCII_FOLD).split())
    return _folded(text)


def _folded(text: str) -> str:
    """``norm`` of any text (for ASCII text, the same as its quicker path)."""
    decomposed = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    folded = _APOSTROPHES.sub("", folded.replace("&", " and "))
    return _NON_WORD.sub(" ", folded).strip()
