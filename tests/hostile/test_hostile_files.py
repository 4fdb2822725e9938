"""Hostile facts files: each ends in its exact ``path:line: message``, nothing else happens.

Small files live in ``corpus/``; the huge ones (50 MB, 10,000-deep nesting, an alias bomb)
are written to ``tmp_path`` by the tests. The big ones run through ``film-bot check`` in a
child process with a memory cap, to show time and memory stay bounded and no traceback leaks.
"""

from __future__ import annotations

import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot.catalog.loader import check_directory

CORPUS = Path(__file__).parent / "corpus"

EXPECTED = {
    "syntax-error.yaml": "facts/syntax-error.yaml:3: YAML syntax error: did not find expected "
    "',' or ']' while parsing a flow sequence",
    "tabs.yaml": "facts/tabs.yaml:3: tab character in indentation; indent with spaces",
    "duplicate-key.yaml": "facts/duplicate-key.yaml:3: duplicate key 'title' (first on line 1)",
    "unknown-key.yaml": "facts/unknown-key.yaml:2: unknown key 'directer' in the film "
    "(did you mean 'directors'?)",
    "wrong-type.yaml": "facts/wrong-type.yaml:2: 'year' must be a whole number, got 'abc'",
    "missing-title.yaml": "facts/missing-title.yaml:1: missing required key 'title' in the film",
    "list-at-top.yaml": "facts/list-at-top.yaml:1: the file holds a list; it must hold a film "
    "mapping (title: …) or a mapping with a 'films:' list",
    "empty.yaml": "facts/empty.yaml:1: file is empty; a facts file holds a film or a 'films:' list",
    "latin1.yaml": "facts/latin1.yaml:3: not valid UTF-8 (byte 0xe9); save the file as UTF-8",
    "binary.yaml": "facts/binary.yaml:3: not a text file (it contains NUL bytes); facts files "
    "are UTF-8 YAML",
    "python-tag.yaml": "facts/python-tag.yaml:1: YAML tags are not allowed: "
    "!!python/object/apply:os.system",
    "binary-tag.yaml": "facts/binary-tag.yaml:2: YAML tags are not allowed: !!binary",
    "long-title.yaml": "facts/long-title.yaml:1: 'title' is too long (10,000 characters; at "
    "most 300)",
    "number-as-name.yaml": "facts/number-as-name.yaml:4: 'cast' must be a person's name, got the "
    "number 42; write the name (in quotes, '42', if that really is someone's name)",
}


def check_one(tmp_path: Path, *names: str) -> list[str]:
    facts = tmp_path / "facts"
    facts.mkdir()
    for name in names:
        shutil.copy(CORPUS / name, facts / name)
    return [str(e) for e in check_directory(facts, "facts", workers=1).errors]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_hostile_file_gets_its_exact_message(tmp_path: Path, name: str) -> None:
    assert check_one(tmp_path, name) == [EXPECTED[name]]


def test_every_problem_of_a_file_is_listed(tmp_path: Path) -> None:
    assert check_one(tmp_path, "bad-values.yaml") == [
        "facts/bad-values.yaml:2: 'status' must be one of 'released', 'announced', "
        "'in-production', 'rumored' or 'unconfirmed', got 'maybe'",
        "facts/bad-values.yaml:3: 'runtime_minutes' must be at least 1, got -5",
    ]


def test_duplicate_ids_across_files_name_both_places(tmp_path: Path) -> None:
    assert check_one(tmp_path, "dup-id-a.yaml", "dup-id-b.yaml") == [
        "facts/dup-id-b.yaml:2: duplicate film id 'heat-1995' (also at facts/dup-id-a.yaml:2); "
        "give one of them a different 'id'"
    ]


def test_a_python_tag_runs_nothing(tmp_path: Path) -> None:
    marker = Path("/tmp/film-bot-pwned")
    marker.unlink(missing_ok=True)
    check_one(tmp_path, "python-tag.yaml")
    assert not marker.exists()


def _limit_memory() -> None:
    cap = 1024 * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))


def run_check(facts: Path) -> subprocess.CompletedProcess[str]:
    """``film-bot check`` in a child process capped at 1 GiB of address space and 60 s."""
    return subprocess.run(
        [sys.executable, "-m", "bot", "--db", ":memory:", "check", str(facts)],
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=_limit_memory,
        check=False,
    )


@pytest.fixture
def big_cases(tmp_path: Path) -> Path:
    facts = tmp_path / "facts"
    facts.mkdir()
    with (facts / "huge.yaml").open("w") as fh:
        fh.write("title: Huge\nsynopsis: ")
        fh.write("x" * (50 * 1024 * 1024))
    (facts / "deep.yaml").write_text("title: " + "[" * 10_000 + "]" * 10_000 + "\n")
    lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i, name in enumerate("bcdefghi"):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{'abcdefghi'[i]}"] * 10) + "]")
    (facts / "laughs.yaml").write_text("\n".join(lines) + "\n")
    (facts / "good.yaml").write_text("title: Heat\nyear: 1995\nsources: [https://example.org]\n")
    return facts


def test_huge_deep_and_exploding_files_end_in_clear_errors_in_bounded_memory(
    big_cases: Path,
) -> None:
    result = run_check(big_cases)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    lines = result.stdout.splitlines()
    shown = str(big_cases)
    assert any(
        line.startswith(f"{shown}/huge.yaml:1: file is 50.0 MiB, over the") for line in lines
    ), lines
    assert any(line.startswith(f"{shown}/deep.yaml:1:") and "nesting" in line for line in lines), (
        lines
    )
    assert any(
        line.startswith(f"{shown}/laughs.yaml:") and "alias-expansion" in line for line in lines
    ), lines
    assert not any("good.yaml" in line for line in lines)
