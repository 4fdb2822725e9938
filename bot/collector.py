"""Pausing Python's cyclic garbage collector while a lot of objects are made at once.

Reading facts files, writing their rows and building a catalog's indexes each make
millions of lists, dicts and tuples that form no cycles: reference counting frees them.
A running collector would walk all of them again and again (about a tenth of the time of
a big build, and, on the bot's own process, stalls of the event loop while it holds the
GIL). Pauses may overlap, from several threads: the collector runs again once the last
one ends, and only if it was running when the first began.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator

_lock = threading.Lock()
_pauses = 0  # pauses under way
_resume = False  # whether the collector was running when the first of them began
_freeze = False  # whether one of them asked for what was made to be kept out of its walks


@contextlib.contextmanager
def paused(*, freeze: bool = False) -> Iterator[None]:
    """The collector paused for the block. ``freeze``: what exists when the last pause
    ends is exempt from its later walks (``gc.freeze``), for objects that live long, such
    as a catalog's indexes."""
    global _pauses, _resume, _freeze
    with _lock:
        if _pauses == 0:
            _resume = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _lock:
            _pauses -= 1
            _freeze = _freeze or freeze
            if _pauses == 0:
                if _freeze:
                    gc.freeze()
                _freeze = False
                if _resume:
                    gc.enable()
