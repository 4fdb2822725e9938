"""The loader reports every problem of every file as ``path:line: message``."""

from __future__ import annotations

import gc
import os
import textwrap
from pathlib import Path

import pytest

from bot.catalog import loader
from bot.catalog.loader import FileRef, check_catalog, discover, each_file, parse_file, parse_files

GOOD = """\
title: Marnie
year: 1964
directors: Alfred Hitchcock
cast:
  - person: Tippi Hedren
    role: Marnie Edgar
"""


def parse(tmp_path: Path, content: str | bytes, name: str = "film.yaml") -> list[str]:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(textwrap.dedent(content), encoding="utf-8")
    else:
        path.write_bytes(content)
    (ref,) = [r for r in discover(tmp_path, "facts") if r.rel == name]
    return [str(e) for e in parse_file(ref).errors]


def test_a_good_file_has_no_problems(tmp_path: Path) -> None:
    (tmp_path / "marnie.yaml").write_text(GOOD)
    (parsed,) = parse_files(discover(tmp_path))
    assert parsed.ok
    assert parsed.films[0].cast[0].role == "Marnie Edgar"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("title: Heat\nyear: [1995\n", "facts/film.yaml:3: YAML syntax error"),
        ("title: Heat\ncast:\n\t- Al Pacino\n", "facts/film.yaml:3: tab character in indentation"),
        (
            "title: Heat\nyear: 1995\ntitle: Heat 2\n",
            "facts/film.yaml:3: duplicate key 'title' (first on line 1)",
        ),
        (
            "title: Heat\ndirecter: Michael Mann\n",
            "facts/film.yaml:2: unknown key 'directer' in the film (did you mean 'directors'?)",
        ),
        ("title: Heat\nyear: abc\n", "facts/film.yaml:2: 'year' must be a whole number, got 'abc'"),
        (
            "year: 1995\ndirectors: Michael Mann\n",
            "facts/film.yaml:1: missing required key 'title'",
        ),
        ("- title: Heat\n", "facts/film.yaml:1: the file holds a list"),
        ("just a sentence\n", "facts/film.yaml:1: the file holds the value 'just a sentence'"),
        (
            "films:\n  - title: A\n  - [B]\n",
            "facts/film.yaml:3: an entry of 'films' must be a mapping of keys, got a list",
        ),
        (
            "title: Heat\ncast:\n  - person: Al Pacino\n    rol: Vincent Hanna\n",
            "facts/film.yaml:4: unknown key 'rol' in a cast entry (did you mean 'role'?)",
        ),
        ("title: Heat\nstatus: maybe\n", "facts/film.yaml:2: 'status' must be one of"),
        ("", "facts/film.yaml:1: file is empty"),
        (
            "title: !!python/object/apply:os.system ['true']\n",
            "facts/film.yaml:1: YAML tags are not allowed: !!python/object/apply:os.system",
        ),
        ("a: 1\n---\nb: 2\n", "facts/film.yaml:2: only one YAML document per file"),
    ],
)
def test_each_kind_of_bad_file_is_named_with_its_line(
    tmp_path: Path, content: str, expected: str
) -> None:
    errors = parse(tmp_path, content)
    assert any(e.startswith(expected) for e in errors), errors


def test_non_utf8_bytes_are_reported_on_their_line(tmp_path: Path) -> None:
    errors = parse(tmp_path, b"title: Heat\nyear: 1995\nsynopsis: caf\xe9\n")
    assert errors == ["facts/film.yaml:3: not valid UTF-8 (byte 0xe9); save the file as UTF-8"]


def test_binary_garbage_is_not_a_text_file(tmp_path: Path) -> None:
    errors = parse(tmp_path, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert errors[0].startswith("facts/film.yaml:3: not a text file")


def test_every_problem_of_a_file_is_reported_at_once(tmp_path: Path) -> None:
    errors = parse(tmp_path, "title: Heat\nyear: abc\nrating: 5\nstatus: maybe\n")
    assert [e.split(":")[1] for e in errors] == ["2", "3", "4"]


def test_an_alias_bomb_stops_early(tmp_path: Path) -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for i, name in enumerate("bcdefghij"):
        prev = "abcdefghij"[i]
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 10) + "]")
    errors = parse(tmp_path, "\n".join(lines) + "\n")
    assert len(errors) == 1 and "alias-expansion" in errors[0]


def test_deep_nesting_is_refused(tmp_path: Path) -> None:
    errors = parse(tmp_path, "title: " + "[" * 10_000 + "]" * 10_000 + "\n")
    assert len(errors) == 1 and "facts/film.yaml:1:" in errors[0]


def test_an_oversized_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_text("title: Big\nsynopsis: " + "x" * 2000 + "\n")
    (ref,) = discover(tmp_path, "facts")
    (error,) = parse_file(ref, max_bytes=1000).errors
    assert str(error).startswith("facts/big.yaml:1: file is 0.0 MiB, over the")


def test_duplicate_ids_across_files_name_both_places(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("title: Heat\nyear: 1995\n")
    (tmp_path / "b.yaml").write_text("films:\n  - title: Up\n  - title: Heat\n    year: 1995\n")
    parsed = parse_files(discover(tmp_path, str(tmp_path)), workers=1)
    (error,) = check_catalog(parsed)
    assert error.path.endswith("b.yaml") and error.line == 3
    assert f"duplicate film id 'heat-1995' (also at {tmp_path}/a.yaml:1)" in error.message


def test_follows_must_name_a_known_film(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("title: Alita 2\nfollows: alita-battle-angle-2019\n")
    (tmp_path / "b.yaml").write_text("title: 'Alita: Battle Angel'\nyear: 2019\n")
    (error,) = check_catalog(parse_files(discover(tmp_path, str(tmp_path)), workers=1))
    assert error.line == 2
    assert (
        "unknown film id 'alita-battle-angle-2019' (did you mean 'alita-battle-angel-2019'?)"
        in (error.message)
    )


def test_hidden_files_and_other_extensions_are_ignored(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(GOOD)
    (tmp_path / "b.yml").write_text("title: Up\n")
    (tmp_path / ".draft.yaml").write_text("not: [valid")
    (tmp_path / "README.md").write_text("# notes")
    assert [r.rel for r in discover(tmp_path)] == ["a.yaml", "b.yml"]


def _collector_running(ref: FileRef, max_bytes: int) -> bool:
    return gc.isenabled()


def test_files_are_read_with_the_cycle_collector_paused_and_left_as_it_was(
    tmp_path: Path,
) -> None:
    for name in ("a.yaml", "b.yaml"):
        (tmp_path / name).write_text(GOOD)
    refs = discover(tmp_path)
    assert gc.isenabled()
    assert list(each_file(_collector_running, refs, workers=1)) == [False, False]
    assert gc.isenabled()
    gc.disable()
    try:
        list(each_file(_collector_running, refs, workers=1))
        assert not gc.isenabled()
    finally:
        gc.enable()


def _priority(ref: FileRef, max_bytes: int) -> int:
    return os.getpriority(os.PRIO_PROCESS, 0)


def test_parallel_workers_parse_a_step_below_the_caller_or_far_below_while_serving(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(loader, "PARALLEL_MIN_BYTES", 0)
    for name in ("a.yaml", "b.yaml", "c.yaml"):
        (tmp_path / name).write_text(GOOD)
    refs = discover(tmp_path)
    mine = os.getpriority(os.PRIO_PROCESS, 0)
    assert set(each_file(_priority, refs, workers=2)) == {min(mine + 10, 19)}
    assert set(each_file(_priority, refs, workers=2, background=False)) == {min(mine + 1, 19)}


def _name(ref: FileRef, max_bytes: int) -> str:
    return ref.rel


def test_parallel_workers_hand_back_every_file_once_and_in_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(loader, "PARALLEL_MIN_BYTES", 0)
    monkeypatch.setattr(loader, "CHUNK_BYTES", 10**9)  # several files a chunk in the middle
    names = [f"f{i:02}.yaml" for i in range(37)]
    for name in names:
        (tmp_path / name).write_text(GOOD)
    refs = discover(tmp_path)
    assert list(each_file(_name, refs, workers=2)) == names


def test_the_first_and_last_files_go_to_the_workers_one_at_a_time() -> None:
    pieces = loader._chunks(40, 4, 2)
    assert pieces[:3] == [(0, 1), (1, 2), (2, 6)]
    assert pieces[-9:] == [(30, 32), *((i, i + 1) for i in range(32, 40))]
    assert [i for start, end in pieces for i in range(start, end)] == list(range(40))
    assert loader._chunks(3, 5, 2) == [(0, 1), (1, 2), (2, 3)]
