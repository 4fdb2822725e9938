from __future__ import annotations

import gc
import threading

from bot import collector


def test_overlapping_pauses_resume_the_collector_when_the_last_ends() -> None:
    assert gc.isenabled()
    first, second = collector.paused(), collector.paused()
    first.__enter__()
    second.__enter__()
    first.__exit__(None, None, None)
    assert not gc.isenabled()
    second.__exit__(None, None, None)
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off() -> None:
    gc.disable()
    try:
        with collector.paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_frozen_pause_exempts_what_was_made_once_the_last_pause_ends() -> None:
    gc.unfreeze()
    made: list[list[int]] = []
    try:
        with collector.paused():
            with collector.paused(freeze=True):
                made.append([1])
            assert gc.get_freeze_count() == 0
        frozen = gc.get_freeze_count()
        assert frozen > 0
        with collector.paused():
            made.append([2])
        assert gc.get_freeze_count() == frozen  # a pause without it froze nothing more
    finally:
        gc.unfreeze()


def test_pauses_from_threads_that_overlap_leave_the_collector_running() -> None:
    inside = threading.Barrier(4)

    def pause() -> None:
        with collector.paused():
            inside.wait()
            assert not gc.isenabled()
            inside.wait()

    threads = [threading.Thread(target=pause) for _ in range(3)]
    for thread in threads:
        thread.start()
    inside.wait()
    inside.wait()
    for thread in threads:
        thread.join()
    assert gc.isenabled()
