"""Faults and load: the store keeps serving the last good catalog, or rebuilds from YAML."""

from __future__ import annotations

import asyncio
import contextlib
import errno
import logging
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bot.answering.engine import answer
from bot.catalog.errors import CatalogInvalid
from bot.config import Settings
from bot.store import build
from bot.store.live import Store
from tests.conftest import HEAT


async def test_a_thousand_questions_during_a_good_and_a_bad_reload_all_get_whole_answers(
    store: Store, small_facts: Path
) -> None:
    old, new = "Heat (1995): directed by Michael Mann", "Heat (1995): directed by Ann Newman"

    async def ask() -> str:
        catalog = store.catalog  # one catalog per question, as the bot does
        reply = await answer("who directed heat", catalog)
        return reply.text

    async def reloads() -> tuple[bool, bool]:
        await asyncio.sleep(0)
        (small_facts / "heat.yaml").write_text(HEAT.replace("Michael Mann", "Ann Newman"))
        good = await store.reload()
        (small_facts / "heat.yaml").write_text("films:\n  - title: [broken\n")
        bad = await store.reload()
        return good.ok, bad.ok

    results = await asyncio.gather(reloads(), *(ask() for _ in range(1000)))
    assert results[0] == (True, False)
    texts = results[1:]
    assert all((old in t) != (new in t) for t in texts), {t for t in texts}
    assert all("Heat (1986): directed by Dick Richards" in t for t in texts)
    assert new in (await answer("who directed heat", store.catalog)).text


async def test_concurrent_reloads_are_serialised(store: Store, small_facts: Path) -> None:
    (small_facts / "heat.yaml").write_text(HEAT.replace("Michael Mann", "Ann Newman"))
    first, second = await asyncio.gather(store.reload(), store.reload())
    assert first.ok and not first.in_progress
    assert second.in_progress and second.serving_previous


async def test_a_deleted_store_file_is_rebuilt_from_the_facts(small_facts: Path, tmp_path: Path):
    db = tmp_path / "c.db"
    store = Store(small_facts, db)
    await store.open()
    await store.close()
    db.unlink()
    store = Store(small_facts, db)
    report = await store.open()
    assert report.ok and report.films == 4
    await store.close()


@pytest.mark.parametrize("damage", ["truncate", "garbage"])
async def test_a_damaged_store_file_is_rebuilt_and_the_log_says_so(
    small_facts: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture, damage: str
) -> None:
    db = tmp_path / "c.db"
    store = Store(small_facts, db)
    await store.open()
    await store.close()
    data = db.read_bytes()
    db.write_bytes(data[:1000] if damage == "truncate" else os.urandom(len(data)))
    caplog.set_level(logging.WARNING)
    store = Store(small_facts, db)
    report = await store.open()
    assert report.ok and report.films == 4
    assert (await answer("who directed heat", store.catalog)).answers
    assert any("rebuilding from the facts files" in r.getMessage() for r in caplog.records)
    await store.close()


async def test_a_missing_facts_directory_keeps_the_last_good_store(
    small_facts: Path, tmp_path: Path
) -> None:
    db = tmp_path / "c.db"
    store = Store(small_facts, db, display_root="facts")
    await store.open()
    await store.close()
    moved = small_facts.rename(tmp_path / "elsewhere")
    store = Store(small_facts, db, display_root="facts")
    report = await store.open()
    assert not report.ok and report.serving_previous
    assert [str(e) for e in report.errors] == ["facts:1: facts directory not found"]
    assert (await answer("who directed heat", store.catalog)).answers
    await store.close()
    with pytest.raises(CatalogInvalid) as nothing:
        await Store(small_facts, tmp_path / "fresh.db", display_root="facts").open()
    assert [str(e) for e in nothing.value.errors] == ["facts:1: facts directory not found"]
    assert moved.exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
async def test_an_unreadable_facts_file_is_a_problem_not_a_crash(store, small_facts: Path):
    (small_facts / "heat.yaml").chmod(0)
    try:
        report = await store.reload()
    finally:
        (small_facts / "heat.yaml").chmod(0o644)
    assert not report.ok and report.serving_previous


async def test_a_full_disk_during_a_rebuild_changes_nothing(
    store: Store, small_facts: Path, monkeypatch: pytest.MonkeyPatch, caplog
) -> None:
    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(build._Writer, "_insert", full)  # a new file and a changed one alike
    (small_facts / "heat.yaml").write_text(HEAT.replace("Michael Mann", "Ann Newman"))
    report = await store.reload()
    assert not report.ok and report.serving_previous
    assert "No space left on device" in str(report.errors[0])
    assert "Michael Mann" in (await answer("who directed heat", store.catalog)).text
    assert not list(store.db_path.parent.glob("*.tmp"))


def _children(pid: int) -> list[int]:
    """Every live descendant of ``pid`` (Linux /proc)."""
    found: list[int] = []
    parents = {pid}
    for _ in range(3):
        for stat in Path("/proc").glob("[0-9]*/stat"):
            with contextlib.suppress(OSError, ValueError, IndexError):
                fields = stat.read_text().rsplit(")", 1)[1].split()
                if int(fields[1]) in parents and int(stat.parent.name) not in found:
                    found.append(int(stat.parent.name))
        parents |= set(found)
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_a_process_killed_mid_reload_leaves_a_store_that_opens(tmp_path: Path) -> None:
    facts = tmp_path / "facts"
    facts.mkdir()
    films = "\n".join(
        f"  - {{title: Film {i}, year: 2000, directors: [Person {i}], cast: [A {i}, B {i}], "
        f"genres: [Drama], sources: [https://example.org/{i}]}}"
        for i in range(6000)
    )
    for part in range(4):
        (facts / f"part{part}.yaml").write_text(
            "films:\n" + films.replace("Film ", f"Film {part}-")
        )
    db = tmp_path / "c.db"
    child = subprocess.Popen(
        [sys.executable, "-m", "bot", "--facts", str(facts), "--db", str(db), "stats"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while not list(tmp_path.glob("c.db.*.tmp")) and time.monotonic() < deadline:
        if child.poll() is not None:
            break
        time.sleep(0.01)
    killed_mid_build = child.poll() is None
    helpers = _children(child.pid)  # the build process and its parsing workers
    child.send_signal(signal.SIGKILL)
    child.wait()
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in helpers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [pid for pid in helpers if _alive(pid)], "helper processes outlived the bot"

    async def reopen() -> int:
        store = Store(facts, db)
        report = await store.open()
        await store.close()
        return report.films

    assert asyncio.run(reopen()) == 24_000
    assert killed_mid_build


def test_the_token_never_shows_in_settings_or_their_errors(monkeypatch) -> None:
    secret = "MTIzNDU2.secret-token-value"
    monkeypatch.setenv("DISCORD_TOKEN", secret)
    settings = Settings()
    assert secret not in repr(settings) and secret not in str(settings)
    assert secret not in str(settings.model_dump())
    monkeypatch.setenv("FILM_BOT_WORKERS", "many")
    with pytest.raises(Exception) as error:
        Settings()
    assert secret not in str(error.value)
