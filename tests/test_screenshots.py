"""The README's screenshots script runs end to end on a tiny catalog, when a browser exists."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
from screenshots import find_chromium

pytestmark = [
    pytest.mark.skipif(
        importlib.util.find_spec("playwright") is None,
        reason="Playwright is not installed (pip install -e '.[screenshots]')",
    ),
    pytest.mark.skipif(find_chromium() is None, reason="no Chromium (apt-get install chromium)"),
]


def test_the_screenshot_script_saves_every_picture(small_facts: Path, tmp_path: Path) -> None:
    out = tmp_path / "shots"
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "screenshots.py"),
            "--facts",
            str(small_facts),
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    saved = sorted(p.name for p in out.glob("*.png"))
    assert saved == sorted(
        [
            "ask.png",
            "autocomplete.png",
            "browse.png",
            "film-released.png",
            "film-unconfirmed.png",
            "help.png",
            "mention.png",
            "random.png",
            "reload-error.png",
            "similar.png",
        ]
    )
    assert all(p.stat().st_size > 5_000 for p in out.glob("*.png"))
    assert all(p.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" for p in out.glob("*.png"))
