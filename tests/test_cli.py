"""The ``film-bot`` console: the main job without a Discord token."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main
from tests.conftest import ROOT


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)  # no stray .env from a developer's checkout
    for name in ("DISCORD_TOKEN", "FILM_BOT_DB_PATH", "FILM_BOT_FACTS_DIR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


def ask(facts: Path, *questions: str, capsys: pytest.CaptureFixture[str]) -> str:
    code = main(["--facts", str(facts), "ask", *questions])
    out = capsys.readouterr().out
    assert code == 0, out
    return out


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("who directed Alita: Battle Angel?", "directed by Robert Rodriguez"),
        (
            "who wrote alita battle angel",
            "written by James Cameron, Laeta Kalogridis and Robert Rodriguez",
        ),
        ("who is in the cast of Alita: Battle Angel", "Rosa Salazar (Alita)"),
        ("what year did alita battle angel come out", "came out in 2019"),
        ("what genre is alita battle angel", "Science fiction and Action"),
        ("who composed the score of alita battle angel", "music by Tom Holkenborg"),
        ("who plays Dr. Dyson Ido", "Christoph Waltz plays Dr. Dyson Ido"),
        ("what films did Michael Mann direct", "Michael Mann directed Heat (1995)"),
    ],
)
def test_ask_answers_the_basic_questions(
    small_facts: Path, capsys: pytest.CaptureFixture[str], question: str, expected: str
) -> None:
    assert expected in ask(small_facts, question, capsys=capsys)


def test_an_unconfirmed_film_is_said_to_be_so_with_its_source(
    small_facts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = ask(small_facts, "is Alita: Battle Angel 2 real?", capsys=capsys)
    assert "unconfirmed" in out
    assert "Promotional text of a fan-made concept trailer" in out


def test_a_role_in_an_unconfirmed_film_is_marked_as_a_claim(
    small_facts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = ask(small_facts, "who plays Commander Atheon", capsys=capsys)
    assert out.startswith("Benedict Cumberbatch plays Commander Atheon in Alita: Battle Angel 2")
    assert "a claim, not a confirmed fact" in out and "Promotional text" in out


def test_a_title_shared_by_two_films_answers_for_both(
    small_facts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = ask(small_facts, "who directed heat", capsys=capsys)
    assert "Heat (1995): directed by Michael Mann" in out
    assert "Heat (1986): directed by Dick Richards" in out


def test_ask_json_reads_stdin_and_keeps_the_order(
    small_facts: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    questions = "who directed alita battle angel\nwho plays commander atheon\n"
    monkeypatch.setattr(sys, "stdin", io.StringIO(questions))
    assert main(["--facts", str(small_facts), "ask", "--json", "-"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["question"] for line in lines] == questions.split("\n")[:2]
    assert lines[0]["answers"] == ["Robert Rodriguez"]
    assert lines[1]["answers"] == ["Benedict Cumberbatch"]
    assert set(lines[0]) == {"question", "answers", "text"}


def test_check_passes_a_valid_catalog(
    small_facts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(small_facts)]) == 0
    assert "ok: 4 films in 3 files" in capsys.readouterr().err


def test_check_reports_every_problem_and_exits_1(
    write_facts, capsys: pytest.CaptureFixture[str]
) -> None:
    facts = write_facts(a="title: Heat\nyear: abc\n", b="title: [Up\n", c="title: Up\nyear: 2009\n")
    assert main(["check", str(facts)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out == [
        f"{facts}/a.yaml:2: 'year' must be a whole number, got 'abc'",
        f"{facts}/b.yaml:2: YAML syntax error: did not find expected ',' or ']' while parsing a "
        "flow sequence",
    ]


def test_ask_with_broken_files_and_no_previous_store_fails_cleanly(
    write_facts, capsys: pytest.CaptureFixture[str]
) -> None:
    facts = write_facts(a="title: Heat\nyear: abc\n")
    assert main(["--facts", str(facts), "ask", "who directed heat"]) == 1
    err = capsys.readouterr().err
    assert f"{facts}/a.yaml:2:" in err and "Traceback" not in err


def test_stats_counts_the_catalog(small_facts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--facts", str(small_facts), "--db", ":memory:", "stats", "--json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats == {
        "films": 4,
        "unreleased": 1,
        "people": 15,
        "credits": 20,
        "files": 3,
        "store": ":memory:",
    }


def test_the_default_store_is_a_cache_file_the_user_can_find(
    small_facts: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["--facts", str(small_facts), "stats"]) == 0
    out = capsys.readouterr().out
    (line,) = [line for line in out.splitlines() if line.startswith("store ")]
    store = Path(line.removeprefix("store").strip())
    assert store.is_file() and store.is_relative_to(tmp_path / "cache" / "film-bot")


def test_run_without_a_token_fails_with_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("film-bot: DISCORD_TOKEN is not set")


def test_python_dash_m_bot_runs_the_console(small_facts: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "bot",
            "--facts",
            str(small_facts),
            "--db",
            ":memory:",
            "ask",
            "who directed alita battle angel",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "HOME": str(tmp_path)},
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "Alita: Battle Angel (2019): directed by Robert Rodriguez."


def test_sync_needs_a_target_and_a_token(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sync"]) == 2
    assert "--guild ID, FILM_BOT_DEV_GUILD, or --global" in capsys.readouterr().err
    assert main(["sync", "--guild", "123"]) == 2
    err = capsys.readouterr().err
    assert "DISCORD_TOKEN is not set" in err
    assert "Traceback" not in err
