"""Helper processes (the build process, the parsing workers) that never outlive their parent.

A process pool's workers wait for work forever; if the bot is killed outright, nothing
tells them. Each worker therefore watches its parent and leaves when the parent is gone.
"""

from __future__ import annotations

import contextlib
import gc
import os
import signal
import threading
import time

PARENT_CHECK_S = 0.5


def exit_with_parent() -> None:
    """Start a watcher thread that ends this process once its parent has died, and let the
    parent end it at once with SIGTERM."""
    _default_signals()
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_S)
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _default_signals() -> None:
    # A forked helper inherits the bot's stop handlers, which only note the signal for the
    # bot's event loop: SIGTERM would not end it. Ctrl-C reaches the whole process group,
    # and the bot decides what stops, so helpers ignore SIGINT.
    with contextlib.suppress(ValueError):  # not the main thread: nothing was inherited
        signal.set_wakeup_fd(-1)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)


# Parsing workers run below the process that writes their rows, which must keep pace with
# them (else it writes the last files alone): by much when a catalog is served meanwhile
# (the CPU is the serving process's first), by a step before there is one, so that other
# programs on the machine do not take the cores from a first load either.
BACKGROUND_NICE = 10
FIRST_LOAD_NICE = 1


def parsing_worker(background: bool = True) -> None:
    """Initializer for parsing workers: gone with the parent, and below its priority, by
    much when ``background``."""
    with contextlib.suppress(OSError, AttributeError):
        os.nice(BACKGROUND_NICE if background else FIRST_LOAD_NICE)
    exit_with_parent()
    # What the worker inherited stays alive as long as it does: the cycle collector need
    # not look through it again each time it runs (nor write to its pages).
    gc.freeze()
