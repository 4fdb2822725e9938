"""Progress bars for long work in the terminal (imports, cold loads), quiet everywhere else.

A bar is drawn on stderr only when stderr is a terminal and the work lasts long enough to
be worth watching; in CI, in pipes and in ``--json`` mode nothing is printed.
"""

from __future__ import annotations

import sys
import threading
from typing import TextIO

from tqdm import tqdm

SHOW_AFTER_S = 0.5  # quick work never draws a bar

_STAGES = {"parsing": "parsing facts files", "writing": "writing the store"}
_IN_BYTES = frozenset({"reading IMDb titles", "reading IMDb names"})


def wanted(stream: TextIO | None = None, *, quiet: bool = False) -> bool:
    """Whether to draw bars on ``stream`` (default stderr)."""
    stream = stream or sys.stderr
    return not quiet and stream.isatty()


class Bar:
    """Hears ``(stage, done, total)`` and shows it as one bar per stage.

    Usable as a catalog build's ``progress`` (stages "parsing" and "writing") and as the
    importers' (stage "writing files"; "reading IMDb titles" and "names", in bytes read).
    Safe to call from the build thread.
    """

    def __init__(self, stream: TextIO | None = None, *, enabled: bool = True) -> None:
        self.stream = stream or sys.stderr
        self.enabled = enabled
        self._bar: tqdm | None = None
        self._stage: str | None = None
        self._lock = threading.Lock()

    def __call__(self, stage: str, done: int, total: int) -> None:
        if not self.enabled:
            return
        with self._lock:
            if stage != self._stage:
                self._close()
                self._stage = stage
                self._bar = tqdm(
                    total=total or None,
                    desc=_STAGES.get(stage, stage),
                    unit="B" if stage in _IN_BYTES else "file" if stage != "writing" else "",
                    unit_scale=stage in _IN_BYTES,
                    file=self.stream,
                    delay=SHOW_AFTER_S,
                    leave=False,
                    dynamic_ncols=True,
                    bar_format=None if stage != "writing" else "{desc}… {elapsed}",
                )
            assert self._bar is not None
            self._bar.update(done - self._bar.n)

    def close(self) -> None:
        with self._lock:
            self._close()

    def _close(self) -> None:
        if self._bar is not None:
            self._bar.close()
        self._bar = None
        self._stage = None

    def __enter__(self) -> Bar:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
