"""The catalog shipped in ``facts/``: valid, sourced, honest, and answering the demo."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from bot.catalog.loader import check_catalog, discover, parse_files
from bot.cli import main
from tests.conftest import FACTS, ROOT

sys.path.insert(0, str(ROOT))
from tasks import DEMO_QUESTIONS

FILES = parse_files(discover(FACTS, "facts"), workers=1)
FILMS = [film for parsed in FILES for film in parsed.films]


def test_the_shipped_catalog_has_no_problems() -> None:
    problems = [str(e) for parsed in FILES for e in parsed.errors] + [
        str(e) for e in check_catalog(FILES)
    ]
    assert problems == []
    assert len(FILMS) >= 40


def test_film_bot_check_accepts_the_shipped_catalog(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", ":memory:", "check", str(FACTS)]) == 0


@pytest.mark.parametrize("film", FILMS, ids=lambda film: film.slug)
def test_every_film_names_a_source(film) -> None:
    assert film.sources, f"{film.slug} has no source"


def test_the_sequel_from_the_promotional_text_is_unconfirmed_and_says_where_it_comes_from() -> None:
    sequel = next(film for film in FILMS if film.slug == "alita-battle-angel-2-2025")
    assert sequel.status == "unconfirmed"
    assert sequel.follows == "alita-battle-angel-2019"
    assert any(source.text and "Promotional text" in source.text for source in sequel.sources)
    cast = {member.role: member.person for member in sequel.cast}
    assert cast["Commander Atheon"] == "Benedict Cumberbatch"
    assert cast["Nova"] == "Edward Norton"
    assert "United Republics of Mars (URM)" in sequel.setting


@pytest.fixture
def answers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n".join(DEMO_QUESTIONS) + "\n"))
    assert main(["--facts", str(FACTS), "--db", ":memory:", "ask", "--json", "-"]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_the_demo_questions_are_answered_from_the_shipped_catalog(answers: list[dict]) -> None:
    by_question = {item["question"]: item for item in answers}
    assert len(by_question) == len(DEMO_QUESTIONS)
    assert by_question["who directed Alita: Battle Angel?"]["answers"][0] == "Robert Rodriguez"
    atheon = by_question["who plays Commander Atheon"]
    assert atheon["answers"][0] == "Benedict Cumberbatch"
    assert "claim" in atheon["text"]
    for item in answers:
        assert item["answers"], f"no answer to {item['question']!r}: {item['text']}"
