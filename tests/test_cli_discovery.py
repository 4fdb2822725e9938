"""``film-bot film``, ``person``, ``browse``, ``random`` and ``similar``: the same answers as
the Discord commands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.cli import main
from tests.conftest import FACTS, MERGED_HEATS, MERGED_HEATS_NOTE
from tests.store.test_discovery import FILMS


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("DISCORD_TOKEN", "FILM_BOT_DB_PATH", "FILM_BOT_FACTS_DIR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


@pytest.fixture
def facts(write_facts) -> Path:
    return write_facts(films=FILMS)


def run(facts: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--facts", str(facts), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_browse_lists_a_page_with_directors_ratings_and_statuses(facts, capsys) -> None:
    code, out, _ = run(facts, capsys, "browse", "--genre", "Action", "--sort", "rating")
    assert code == 0
    assert out.splitlines() == [
        "Films: genre Action (5, sorted by rating, page 1 of 1)",
        "1. The Matrix (1999) · Lana Wachowski, Lilly Wachowski · ★ 8.7",
        "2. John Wick (2014) · Chad Stahelski · ★ 7.4",
        "3. The Matrix Reloaded (2003) · Lana Wachowski, Lilly Wachowski · ★ 7.2",
        "4. Heat (1986) · Dick Richards · ★ 4.6",
        "5. Speed (1994) · Jan de Bont",
    ]
    code, out, _ = run(facts, capsys, "browse", "--status", "announced")
    assert out.splitlines()[1] == "1. Constantine 2 (2027) · ⚠ announced"


def test_browse_and_random_read_a_genre_in_everyday_words(facts, capsys) -> None:
    code, out, _ = run(facts, capsys, "browse", "--genre", "scifi", "--sort", "oldest")
    assert code == 0
    assert out.splitlines() == [
        "Films: genre Science Fiction (2, sorted by oldest, page 1 of 1)",
        "1. The Matrix (1999) · Lana Wachowski, Lilly Wachowski · ★ 8.7",
        "2. The Matrix Reloaded (2003) · Lana Wachowski, Lilly Wachowski · ★ 7.2",
    ]
    code, out, _ = run(facts, capsys, "random", "--genre", "sci-fi", "--json")
    assert code == 0 and json.loads(out)["film"]["title"].startswith("The Matrix")
    # a word for a genre the catalog lacks is reported as typed
    code, out, _ = run(facts, capsys, "browse", "--genre", "scary")
    assert code == 1 and out.startswith("No genre is called “scary”.")


def test_browse_sorted_by_a_value_no_film_has_says_it_lists_them_newest_first(
    facts, capsys
) -> None:
    code, out, _ = run(facts, capsys, "browse", "--genre", "fantasy", "--sort", "votes")
    assert code == 0
    assert out.splitlines()[0] == (
        "Films: genre fantasy (1, sorted by newest (none has votes), page 1 of 1)"
    )
    code, out, _ = run(facts, capsys, "browse", "--genre", "action", "--sort", "rating")
    assert out.splitlines()[0] == "Films: genre action (5, sorted by rating, page 1 of 1)"


def test_browse_json_by_person_and_years(facts, capsys) -> None:
    code, out, _ = run(
        facts, capsys, "browse", "--person", "keanu reeves", "--year", "1990-2005", "--json"
    )
    assert code == 0
    page = json.loads(out)
    assert (page["query"], page["total"], page["pages"]) == (
        "1990–2005, with keanu reeves",
        3,
        1,
    )
    assert [f["title"] for f in page["films"]] == ["The Matrix Reloaded", "The Matrix", "Speed"]
    assert page["films"][1]["rating"] == 8.7 and page["films"][2]["directors"] == ["Jan de Bont"]


def test_browse_pages_and_says_when_nothing_matches(facts, capsys) -> None:
    code, out, _ = run(facts, capsys, "browse", "--page", "2", "--sort", "title")
    assert code == 1 and out.strip() == "Page 2 is past the last page: 10 films make 1 page."
    code, out, _ = run(facts, capsys, "browse", "--genre", "thriler")
    assert code == 1
    assert out.strip() == ("No genre is called “thriler”. Did you mean Thriller?")
    code, _, err = run(facts, capsys, "browse", "--status", "leaked")
    assert code == 2
    assert "'leaked' is not a status: one of released, announced" in err
    code, out, _ = run(facts, capsys, "browse", "--status", "Rumoured")
    assert code == 0 and "Untitled Heist Film" in out


def test_random_picks_a_released_film_unless_a_status_is_given(facts, capsys) -> None:
    code, out, _ = run(facts, capsys, "random", "--genre", "crime", "--year", "80s", "--json")
    assert code == 0
    film = json.loads(out)["film"]
    assert (film["title"], film["year"], film["directors"]) == ("Thief", 1981, ["Michael Mann"])
    code, out, _ = run(facts, capsys, "random", "--status", "announced")
    assert out.strip() == "Constantine 2 (2027) · ⚠ announced"
    code, out, _ = run(facts, capsys, "random", "--genre", "fantasy")
    assert code == 1 and "No films for genre fantasy, status released" in out


def test_similar_names_what_the_films_share(facts, capsys) -> None:
    code, out, _ = run(facts, capsys, "similar", "the", "matrix")
    lines = out.splitlines()
    assert code == 0
    assert lines[0] == "Films like The Matrix (1999):"
    assert lines[1].startswith(
        "1. The Matrix Reloaded (2003) · ★ 7.2 — same director: Lana Wachowski, Lilly Wachowski;"
    )
    code, out, _ = run(facts, capsys, "similar", "--json", "heat")
    result = json.loads(out)
    assert result["film"]["year"] == 1995  # the best known of the two Heats
    assert result["similar"][0]["title"] == "Collateral"
    assert result["similar"][0]["reasons"][0] == "same director: Michael Mann"
    code, out, _ = run(facts, capsys, "similar", "the matrx")
    assert code == 1 and out.startswith("I don't know a film called “the matrx”. Did you mean")


def test_similar_says_when_what_films_share_may_be_another_films(
    facts, write_facts, capsys
) -> None:
    merged = write_facts("merged", heats=MERGED_HEATS)
    code, out, _ = run(merged, capsys, "similar", "collateral")
    assert code == 0 and out.splitlines()[-1] == MERGED_HEATS_NOTE
    code, out, _ = run(facts, capsys, "similar", "collateral")  # no film merged
    assert code == 0 and "Note:" not in out


def test_film_prints_the_whole_card(facts, capsys) -> None:
    code, out, _ = run(facts, capsys, "film", "the", "matrix")
    lines = out.splitlines()
    assert code == 0
    assert lines[0] == "The Matrix (1999)"
    assert "Directed by: Lana Wachowski, Lilly Wachowski" in lines
    assert "Music by: Don Davis" in lines
    assert "Runtime: 136 min" in lines
    assert lines[lines.index("Cast:") + 1 :][:4] == [
        "  Keanu Reeves",
        "  Laurence Fishburne",
        "  Carrie-Anne Moss",
        "  Hugo Weaving",
    ]
    assert lines[-1].startswith("Status: released · ")


def test_film_says_an_unconfirmed_film_is_a_claim_before_its_facts(capsys) -> None:
    code, out, _ = run(FACTS, capsys, "film", "alita battle angel 2")
    lines = out.splitlines()
    assert code == 0
    assert lines[0] == "Alita: Battle Angel 2 (2025)"
    assert lines[1].startswith("⚠ Unconfirmed, claimed by: Promotional text")
    assert lines[1].endswith("(no official release or announcement is known).")
    assert "Sequel to: Alita: Battle Angel (2019)" in lines
    assert "  Rosa Salazar — Alita" in lines
    assert lines[-1].startswith("Status: unconfirmed · ") and lines[-1].endswith("alita.yaml")
    code, out, _ = run(FACTS, capsys, "film", "--json", "alita battle angel 2")
    card = json.loads(out)
    assert (card["status"], card["year"], card["directors"]) == (
        "unconfirmed",
        2025,
        ["Robert Rodriguez"],
    )
    assert card["cast"][0] == {"name": "Rosa Salazar", "character": "Alita", "note": None}
    assert card["sources"][0]["text"].startswith("Promotional text")


def test_film_lists_the_films_sharing_a_title_and_finds_one_by_its_id(facts, capsys) -> None:
    code, out, _ = run(facts, capsys, "film", "heat")
    assert code == 1
    assert out.splitlines() == [
        "2 films are called “heat”; name one by its id:",
        "  Heat (1995): film-bot film heat-1995",
        "  Heat (1986): film-bot film heat-1986",
    ]
    code, out, _ = run(facts, capsys, "film", "heat-1986")
    assert code == 0 and "Directed by: Dick Richards" in out.splitlines()
    code, out, _ = run(facts, capsys, "film", "--json", "the matrx")
    result = json.loads(out)
    assert code == 1 and result["film"] is None
    assert result["message"].startswith("I don't know a film called “the matrx”. Did you mean")
    assert "The Matrix (1999)" in result["message"]


def test_person_prints_films_by_role_and_marks_claims(capsys) -> None:
    code, out, _ = run(FACTS, capsys, "person", "robert", "rodriguez")
    lines = out.splitlines()
    assert code == 0
    assert lines[0] == "Robert Rodriguez"
    assert lines[1].startswith("Born 20 June 1968 (age ")
    directed = lines[lines.index("Directed:") + 1 : lines.index("Wrote:")]
    assert "  El Mariachi (1992)" in directed
    assert "  Alita: Battle Angel 2 (2025) [unconfirmed]" in directed
    assert lines[-1] == "Films marked in brackets are not released; their credits are claims."
    code, out, _ = run(FACTS, capsys, "person", "--json", "tom hanks")
    person = json.loads(out)
    assert person["born"] == "1956-07-09"
    assert {k: v for k, v in person["credits"][-1].items() if k in ("film", "title", "year")} == {
        "film": "cast-away-2000",
        "title": "Cast Away",
        "year": 2000,
    }
    code, out, _ = run(FACTS, capsys, "person", "tom hankz")
    assert code == 1 and out.startswith("I don't know anyone called “tom hankz”. Did you mean")
    assert "Tom Hanks" in out
