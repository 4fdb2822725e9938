#!/usr/bin/env python3
"""Developer tasks that need nothing but Python 3.11+:
``python3 tasks.py demo|test|lint|screenshots|bench|accuracy``.

Each task creates ``.venv`` on first use and installs the project into it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".installed"

DEMO_QUESTIONS = [
    "who directed Alita: Battle Angel?",
    "Is Alita: Battle Angel 2 real?",
    "who plays Commander Atheon",
    "what films did Stanley Kubrick direct?",
    "who composed the music for Heat?",
]


def run(*args: str | Path) -> None:
    print("+", " ".join(str(a) for a in args), flush=True)
    result = subprocess.run([str(a) for a in args], cwd=ROOT, check=False)
    if result.returncode != 0:
        sys.exit(result.returncode)


def ensure_venv(extras: str = "test") -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 - runs under whatever python3 is first
        sys.exit(f"film-bot needs Python 3.11 or newer (this is {sys.version.split()[0]})")
    if not PYTHON.exists():
        print(f"creating {VENV.relative_to(ROOT)}", flush=True)
        venv.create(VENV, with_pip=True)
    wanted = f"{extras}:{(ROOT / 'pyproject.toml').stat().st_mtime_ns}"
    if STAMP.exists() and STAMP.read_text() == wanted:
        return
    run(PYTHON, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    run(PYTHON, "-m", "pip", "install", "--quiet", "-e", f".[{extras}]" if extras else ".")
    STAMP.write_text(wanted)


def demo() -> None:
    """Install and answer a few questions from the starter catalog, offline."""
    ensure_venv("test")
    for question in DEMO_QUESTIONS:
        print(f"\n> {question}", flush=True)
        run(PYTHON, "-m", "bot", "ask", question)


def lint() -> None:
    ensure_venv("test")
    run(PYTHON, "-m", "ruff", "check", ".")
    run(PYTHON, "-m", "ruff", "format", "--check", ".")


def test() -> None:
    """Install, lint, and run the whole test suite."""
    lint()
    run(PYTHON, "-m", "pytest", *sys.argv[2:])


def screenshots() -> None:
    """Regenerate docs/screenshots/ from the real bot in a simulated Discord."""
    ensure_venv("test,screenshots")
    run(PYTHON, str(ROOT / "scripts" / "screenshots.py"), *sys.argv[2:])


def bench() -> None:
    """Speed and scale on the MetaQA catalog (needs ../shared/metaqa)."""
    ensure_venv("test")
    run(PYTHON, "-m", "bench", *sys.argv[2:])


def accuracy() -> None:
    """Answering accuracy: MetaQA dev questions (needs ../shared/metaqa), or --chat."""
    ensure_venv("test")
    run(PYTHON, "-m", "bench.qa_accuracy", *sys.argv[2:])


TASKS = {
    "demo": demo,
    "test": test,
    "lint": lint,
    "screenshots": screenshots,
    "bench": bench,
    "accuracy": accuracy,
}

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in TASKS:
        sys.exit(f"usage: python3 tasks.py {{{'|'.join(TASKS)}}} [arguments for the task]")
    TASKS[sys.argv[1]]()
