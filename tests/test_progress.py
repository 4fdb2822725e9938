"""Progress bars: drawn for long work on a terminal, silent in pipes, CI and --json."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from bot import progress
from bot.cli import main
from bot.importers.metaqa import import_metaqa
from bot.progress import Bar
from bot.store import Store
from bot.store.build import build_store


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def no_delay(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(progress, "SHOW_AFTER_S", 0)


def test_a_build_reports_each_stage_in_order(small_facts: Path, tmp_path: Path) -> None:
    heard: list[tuple[str, int, int]] = []
    result = build_store(
        small_facts, tmp_path / "c.db", workers=1, progress=lambda *e: heard.append(e)
    )
    assert result.ok
    assert heard == [
        ("parsing", 0, 3),
        ("parsing", 1, 3),
        ("parsing", 2, 3),
        ("parsing", 3, 3),
        ("writing", 0, 1),
        ("writing", 1, 1),
    ]


def test_the_bar_draws_on_a_terminal(no_delay: None, small_facts: Path, tmp_path: Path) -> None:
    screen = Terminal()
    with Bar(screen) as bar:
        assert build_store(small_facts, tmp_path / "c.db", workers=1, progress=bar).ok
    drawn = screen.getvalue()
    assert "parsing facts files" in drawn
    assert "/3 [" in drawn
    assert "writing the store" in drawn


def test_a_disabled_bar_draws_nothing(no_delay: None, small_facts: Path, tmp_path: Path) -> None:
    screen = Terminal()
    with Bar(screen, enabled=False) as bar:
        assert build_store(small_facts, tmp_path / "c.db", workers=1, progress=bar).ok
    assert screen.getvalue() == ""


def test_bars_are_wanted_only_on_a_terminal_and_not_when_quiet() -> None:
    assert progress.wanted(Terminal())
    assert not progress.wanted(Terminal(), quiet=True)
    assert not progress.wanted(io.StringIO())


async def test_a_store_with_a_bar_builds_in_process_and_reports(
    small_facts: Path, tmp_path: Path
) -> None:
    heard: list[str] = []
    store = Store(small_facts, tmp_path / "c.db", progress=lambda stage, *_: heard.append(stage))
    try:
        report = await store.open()
    finally:
        await store.close()
    assert report.ok and report.films == 4
    assert heard[0] == "parsing" and heard[-1] == "writing"


def test_the_importer_reports_files_written(tmp_path: Path) -> None:
    kb = tmp_path / "kb.txt"
    kb.write_text(
        "".join(
            f"Film {i}|directed_by|Someone {i}\nFilm {i}|release_year|20{i:02}\n" for i in range(5)
        ),
        encoding="utf-8",
    )
    heard: list[tuple[str, int, int]] = []
    report = import_metaqa(kb, tmp_path / "out", per_file=2, progress=lambda *e: heard.append(e))
    assert report.films == 5
    assert heard == [("writing files", 1, 3), ("writing files", 2, 3), ("writing files", 3, 3)]


def test_the_console_stays_quiet_when_not_on_a_terminal(
    no_delay: None, small_facts: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        ["--facts", str(small_facts), "--db", str(tmp_path / "c.db"), "ask", "who directed Heat?"]
    )
    assert code == 0
    captured = capsys.readouterr()
    assert "Michael Mann" in captured.out
    assert captured.err == ""
