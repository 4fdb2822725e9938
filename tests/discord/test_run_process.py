"""``film-bot run`` as a real process with Discord out of reach: it retries, and a SIGTERM or
SIGINT stops it cleanly with exit 0 within 5 s.

Discord's API address is pointed at a closed port on this machine, so nothing leaves it.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

TOKEN = "MTA4.fake-token.for-tests-Zx9"
LAUNCH = """
import sys
import discord.http
discord.http.Route.BASE = sys.argv[1]
from bot.cli import main
sys.exit(main(sys.argv[2:]))
"""
# A load that takes its time in the separate build process.
SLOW_BUILD = """
import time
import bot.store.live
bot.store.live.PROCESS_BUILD_MIN_BYTES = 0
bot.store.live.warm_up = lambda: time.sleep(60)
"""


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start(facts: Path, tmp_path: Path, *, before: str = "", **env: str) -> subprocess.Popen[str]:
    environment = {
        **os.environ,
        "DISCORD_TOKEN": TOKEN,
        "HOME": str(tmp_path),
        **env,
    }
    return subprocess.Popen(
        [
            sys.executable,
            "-c",
            before + LAUNCH,
            f"http://127.0.0.1:{closed_port()}/api/v10",
            "--facts",
            str(facts),
            "--db",
            str(tmp_path / "store.db"),
            "run",
        ],
        stderr=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=environment,
        cwd=tmp_path,
    )


def read_until(process: subprocess.Popen[str], marker: str, count: int) -> list[str]:
    """stderr lines up to the ``count``-th holding ``marker``; a silent process is killed."""
    lines: list[str] = []
    watchdog = threading.Timer(60, process.kill)  # readline returns at once then
    watchdog.start()
    try:
        assert process.stderr is not None
        while sum(marker in line for line in lines) < count:
            line = process.stderr.readline()
            assert line, (lines, process.poll())
            lines.append(line.rstrip("\n"))
    finally:
        watchdog.cancel()
    return lines


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_while_retrying_stops_the_bot_cleanly(
    small_facts: Path, tmp_path: Path, signum: signal.Signals
) -> None:
    process = start(small_facts, tmp_path)
    try:
        lines = read_until(process, 'msg="cannot reach Discord"', 2)
        signalled = time.monotonic()
        process.send_signal(signum)
        _, rest = process.communicate(timeout=10)
        took = time.monotonic() - signalled
    finally:
        process.kill()
    lines += rest.splitlines()
    assert process.returncode == 0, lines
    assert took < 5, took
    assert any('msg="serving the catalog" films=4 files=3' in line for line in lines)
    assert any(f'msg="stopping" signal={signum.name}' in line for line in lines)
    assert lines[-1].endswith('msg="stopped"')
    assert all(line.startswith("ts=") for line in lines), lines  # every line a log line
    text = "\n".join(lines)
    assert "Traceback" not in text and "voice" not in text and TOKEN not in text


def test_json_logs_are_one_object_per_line(small_facts: Path, tmp_path: Path) -> None:
    process = start(small_facts, tmp_path, FILM_BOT_LOG_FORMAT="json")
    try:
        lines = read_until(process, '"cannot reach Discord"', 1)
        process.send_signal(signal.SIGTERM)
        _, rest = process.communicate(timeout=10)
    finally:
        process.kill()
    records = [json.loads(line) for line in lines + rest.splitlines()]
    serving = next(r for r in records if r["msg"] == "serving the catalog")
    assert (serving["films"], serving["files"], serving["shard"]) == (4, 3, "none")
    attempt = next(r for r in records if r["msg"] == "cannot reach Discord")
    assert attempt["attempt"] == 1 and "Cannot connect to host 127.0.0.1" in attempt["error"]
    assert records[-1]["msg"] == "stopped" and process.returncode == 0


def children(pid: int) -> list[int]:
    found = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in found.read_text().split()] if found.exists() else []


def running(pid: int) -> bool:
    status = Path(f"/proc/{pid}/status")
    return status.exists() and "State:\tZ" not in status.read_text()


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux's /proc")
def test_a_stop_during_the_first_load_ends_the_build_process_too(
    small_facts: Path, tmp_path: Path
) -> None:
    process = start(small_facts, tmp_path, before=SLOW_BUILD)
    try:
        deadline = time.monotonic() + 30
        while not children(process.pid):
            assert time.monotonic() < deadline and process.poll() is None
            time.sleep(0.05)
        builder = children(process.pid)
        signalled = time.monotonic()
        process.send_signal(signal.SIGTERM)
        _, err = process.communicate(timeout=10)
        took = time.monotonic() - signalled
    finally:
        process.kill()
    assert process.returncode == 0, err
    assert took < 5, took
    assert 'msg="stopped"' in err and "Traceback" not in err
    time.sleep(0.2)
    assert not [pid for pid in builder if running(pid)]
