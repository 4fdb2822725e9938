"""``film-bot import imdb``: IMDb's dataset files, as IMDb writes them, into facts files."""

from __future__ import annotations

import datetime as dt
import gzip
from pathlib import Path

import pytest
import yaml

from bot.answering import answer
from bot.catalog import check_directory
from bot.cli import main
from bot.importers.imdb import ImdbOptions, ImportProblem, import_imdb
from bot.store import Store

TODAY = dt.date(2026, 6, 1)
N = "\\N"

BASICS = [
    "tconst titleType primaryTitle originalTitle isAdult startYear endYear runtimeMinutes genres",
    f"tt0113277 movie Heat Heat 0 1995 {N} 170 Action,Crime,Drama",
    f"tt0120338 movie Titanic Titanic 0 1997 {N} 194 Drama,Romance",
    f"tt0133093 movie The Matrix The Matrix 0 1999 {N} 136 Action,Sci-Fi",
    f'tt0150000 movie The "Quoted" Film The "Quoted" Film 0 2001 {N} 90 Comedy',
    f"tt0211915 movie Amélie Le fabuleux destin d'Amélie Poulain 0 2001 {N} 122 Comedy,Romance",
    f"tt0300000 tvMovie A Television Film A Television Film 0 2003 {N} 88 Drama",
    f"tt0310000 movie Adult Film Adult Film 1 2003 {N} 80 Adult",
    f"tt0320000 short A Short Film A Short Film 0 2004 {N} 12 Short",
    "tt0903747 tvSeries Breaking Bad Breaking Bad 0 2008 2013 49 Crime,Drama",
    f"tt0959621 tvEpisode Pilot Pilot 0 2008 {N} 58 Crime,Drama",
    f"tt9000000 movie Untitled Project Untitled Project 0 {N} {N} {N} {N}",
]
AKAS = [
    "titleId ordering title region language types attributes isOriginalTitle",
    f"tt0113277 1 Heat US {N} imdbDisplay {N} 0",
    f"tt0113277 2 Fogo Contra Fogo BR {N} imdbDisplay {N} 0",
    f"tt0113277 3 HEAT GB {N} imdbDisplay {N} 0",
    f"tt0113277 4 Χιτ GR {N} imdbDisplay {N} 0",
    f"tt0113277 5 Fogo Contra Fogo PT {N} imdbDisplay {N} 0",
    f"tt0211915 1 Amélie US {N} imdbDisplay {N} 0",
    f"tt0211915 2 Die fabelhafte Welt der Amélie DE {N} imdbDisplay {N} 0",
    f"tt0211915 3 アメリ JP ja imdbDisplay {N} 0",
]
CREW = [
    "tconst directors writers",
    "tt0113277 nm0000520 nm0000520",
    "tt0120338 nm0000116 nm0000116",
    "tt0133093 nm0905154,nm0905152 nm0905152,nm0905154",
    f"tt0150000 nm0000900 {N}",
    "tt0211915 nm0000466 nm0000466,nm0000467",
    f"tt0300000 nm0000901 {N}",
    f"tt9000000 {N} {N}",
]
PRINCIPALS = [
    "tconst ordering nconst category job characters",
    'tt0113277 2 nm0000134 actor \\N ["Neil McCauley"]',
    'tt0113277 1 nm0000199 actor \\N ["Lt. Vincent Hanna"]',
    f"tt0113277 3 nm0000520 director {N} {N}",
    f"tt0113277 4 nm0001877 composer {N} {N}",
    f"tt0113277 5 nm0006881 producer producer {N}",
    'tt0120338 1 nm0000138 actor \\N ["Jack Dawson"]',
    'tt0120338 2 nm0000701 actress \\N ["Rose DeWitt Bukater"]',
    'tt0133093 1 nm0000206 actor \\N ["Neo","Thomas A. Anderson"]',
    'tt0150000 1 nm0000902 actor \\N ["Jack \\"Buddy\\" Dawson"]',
    'tt0211915 1 nm0851582 actress \\N ["Amélie Poulain"]',
    'tt0300000 1 nm0000903 actress \\N ["Herself"]',
]
NAMES = [
    "nconst primaryName birthYear deathYear primaryProfession knownForTitles",
    f"nm0000116 James Cameron 1954 {N} writer,producer,director tt0120338",
    f"nm0000134 Robert De Niro 1943 {N} actor,producer tt0113277",
    f"nm0000138 Leonardo DiCaprio 1974 {N} actor,producer tt0120338",
    f"nm0000199 Al Pacino 1940 {N} actor tt0113277",
    f"nm0000206 Keanu Reeves 1964 {N} actor tt0133093",
    f"nm0000466 Jean-Pierre Jeunet 1953 {N} director,writer tt0211915",
    f"nm0000467 Guillaume Laurant {N} {N} writer tt0211915",
    f"nm0000520 Michael Mann 1943 {N} producer,writer,director tt0113277",
    f"nm0000701 Kate Winslet 1975 {N} actress tt0120338",
    f"nm0000900 Quentin O'Quote {N} {N} director tt0150000",
    f"nm0000901 Tele Director {N} {N} director tt0300000",
    f"nm0000902 Buddy Player 1970 {N} actor tt0150000",
    f"nm0000903 Tele Actress {N} {N} actress tt0300000",
    f"nm0001877 Elliot Goldenthal 1954 {N} composer tt0113277",
    "nm0006881 Art Linson 1942 2024 producer tt0113277",
    f"nm0851582 Audrey Tautou 1976 {N} actress tt0211915",
    f"nm0905152 Lilly Wachowski 1967 {N} writer,director tt0133093",
    f"nm0905154 Lana Wachowski 1965 {N} writer,director tt0133093",
]
RATINGS = [
    "tconst averageRating numVotes",
    "tt0113277 8.3 712000",
    "tt0120338 7.9 1300000",
    "tt0133093 8.7 2100000",
    "tt0150000 5.5 40",
    "tt0211915 8.3 800000",
    "tt0300000 6.1 900",
    "tt0310000 4.0 300",
    "tt0903747 9.5 2200000",
]
DATASET = {
    "title.basics": BASICS,
    "title.akas": AKAS,
    "title.crew": CREW,
    "title.principals": PRINCIPALS,
    "name.basics": NAMES,
    "title.ratings": RATINGS,
}


_COLUMNS = {name: rows[0].split(" ") for name, rows in DATASET.items()}


def write_dataset(
    root: Path, *, gz: bool = True, changes: dict[str, list[str]] | None = None
) -> Path:
    """The fixture files in IMDb's format (tabs, no quoting, ``\\N``), gzipped or plain."""
    root.mkdir(parents=True, exist_ok=True)
    for name, rows in {**DATASET, **(changes or {})}.items():
        columns = _COLUMNS[name]
        lines = ["\t".join(columns)] + [_split(row, columns) for row in rows[1:]]
        data = "".join(line + "\n" for line in lines).encode("utf-8")
        if gz:
            (root / f"{name}.tsv.gz").write_bytes(gzip.compress(data, mtime=0))
        else:
            (root / f"{name}.tsv").write_bytes(data)
    return root


def _split(row: str, columns: list[str]) -> str:
    """Split a fixture row into its columns: free-text columns may hold spaces."""
    words = row.split(" ")
    name = {tuple(c): n for n, c in _COLUMNS.items()}[tuple(columns)]
    if name == "title.basics":
        # tconst type <title> <original> adult start end runtime genres: the two titles
        # split evenly when equal, else at the known original title.
        head, tail = words[:2], words[-5:]
        middle = " ".join(words[2:-5])
        primary, original = _two_titles(middle)
        fields = [*head, primary, original, *tail]
    elif name == "title.akas":
        fields = [words[0], words[1], " ".join(words[2:-5]), *words[-5:]]
    elif name == "title.principals":
        fields = [*words[:5], " ".join(words[5:])]
    elif name == "name.basics":
        fields = [words[0], " ".join(words[1:-4]), *words[-4:]]
    else:
        fields = words
    assert len(fields) == len(columns), (row, fields)
    return "\t".join(fields)


_ORIGINALS = {
    "Amélie Le fabuleux destin d'Amélie Poulain": ("Amélie", "Le fabuleux destin d'Amélie Poulain")
}


def _two_titles(text: str) -> tuple[str, str]:
    if text in _ORIGINALS:
        return _ORIGINALS[text]
    words = text.split(" ")
    half = len(words) // 2
    return " ".join(words[:half]), " ".join(words[half:])


def films_of(out: Path) -> dict[str, dict]:
    films = {}
    for path in sorted(out.glob("imdb-tt*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert doc["imported"] == "imdb"
        for film in doc["films"]:
            films[film["imdb_id"]] = film
    return films


def people_of(out: Path) -> dict[str, int]:
    born = {}
    for path in sorted(out.glob("imdb-tt*.yaml")):
        for person in yaml.safe_load(path.read_text(encoding="utf-8")).get("people", []):
            born[person["name"]] = person["born"]
    return born


def run(source: Path, out: Path, **options: object) -> None:
    import_imdb(source, out, ImdbOptions(**options), today=TODAY)  # type: ignore[arg-type]


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    return write_dataset(tmp_path / "imdb")


def test_a_film_gets_its_titles_credits_cast_rating_and_source(
    dataset: Path, tmp_path: Path
) -> None:
    run(dataset, tmp_path / "out")
    heat = films_of(tmp_path / "out")["tt0113277"]
    assert heat == {
        "id": "tt0113277",
        "imdb_id": "tt0113277",
        "title": "Heat",
        "year": 1995,
        "aliases": ["Fogo Contra Fogo", "Χιτ"],
        "genres": ["Action", "Crime", "Drama"],
        "runtime_minutes": 170,
        "directors": ["Michael Mann"],
        "writers": ["Michael Mann"],
        "producers": ["Art Linson"],
        "composer": ["Elliot Goldenthal"],
        "cast": [
            {"person": "Al Pacino", "role": "Lt. Vincent Hanna"},
            {"person": "Robert De Niro", "role": "Neil McCauley"},
        ],
        "imdb_rating": 8.3,
        "imdb_votes": 712000,
        "sources": [
            {"url": "https://www.imdb.com/title/tt0113277/", "note": "IMDb non-commercial datasets"}
        ],
    }
    born = people_of(tmp_path / "out")
    assert born["Al Pacino"] == 1940 and born["Art Linson"] == 1942
    assert "Guillaume Laurant" not in born  # no birth year in the file


def test_quotes_unicode_and_several_values_come_through(dataset: Path, tmp_path: Path) -> None:
    run(dataset, tmp_path / "out")
    films = films_of(tmp_path / "out")
    quoted = films["tt0150000"]
    assert quoted["title"] == 'The "Quoted" Film'
    assert quoted["cast"] == [{"person": "Buddy Player", "role": 'Jack "Buddy" Dawson'}]
    assert "writers" not in quoted  # \N
    amelie = films["tt0211915"]
    assert amelie["aliases"] == [
        "Le fabuleux destin d'Amélie Poulain",
        "Die fabelhafte Welt der Amélie",
        "アメリ",
    ]
    assert amelie["writers"] == ["Jean-Pierre Jeunet", "Guillaume Laurant"]
    matrix = films["tt0133093"]
    assert matrix["directors"] == ["Lana Wachowski", "Lilly Wachowski"]
    assert matrix["cast"] == [{"person": "Keanu Reeves", "role": "Neo / Thomas A. Anderson"}]
    untitled = films["tt9000000"]
    assert untitled["status"] == "announced"
    assert {"year", "runtime_minutes", "genres", "imdb_rating"}.isdisjoint(untitled)


def test_series_episodes_shorts_and_adult_titles_are_left_out_by_default(
    dataset: Path, tmp_path: Path
) -> None:
    run(dataset, tmp_path / "out")
    assert sorted(films_of(tmp_path / "out")) == [
        "tt0113277",
        "tt0120338",
        "tt0133093",
        "tt0150000",
        "tt0211915",
        "tt9000000",
    ]


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({"min_votes": 1000}, ["tt0113277", "tt0120338", "tt0133093", "tt0211915"]),
        ({"since": 2000}, ["tt0150000", "tt0211915"]),
        ({"types": ("movie", "tvMovie"), "since": 2002}, ["tt0300000"]),
        ({"include_adult": True, "since": 2002}, ["tt0310000"]),
    ],
)
def test_options_choose_the_titles(
    dataset: Path, tmp_path: Path, options: dict, expected: list[str]
) -> None:
    run(dataset, tmp_path / "out", **options)
    assert sorted(films_of(tmp_path / "out")) == expected


def test_gzipped_and_plain_files_give_the_same_facts(tmp_path: Path) -> None:
    run(write_dataset(tmp_path / "gz"), tmp_path / "a")
    run(write_dataset(tmp_path / "plain", gz=False), tmp_path / "b")
    a = {p.name: p.read_bytes() for p in (tmp_path / "a").glob("*.yaml")}
    b = {p.name: p.read_bytes() for p in (tmp_path / "b").glob("*.yaml")}
    assert a == b and len(a) == 6


def _state(out: Path) -> dict[str, tuple[bytes, int]]:
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in out.glob("*.yaml")}


def test_importing_the_same_files_again_changes_nothing(dataset: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run(dataset, out)
    before = _state(out)
    report = import_imdb(dataset, out, today=TODAY)
    assert _state(out) == before
    assert report.written == [] and report.removed == []
    assert sorted(p.name for p in out.iterdir()) == sorted(before)  # no leftovers


def test_newer_files_rewrite_only_the_files_of_changed_films(dataset: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run(dataset, out)
    before = _state(out)
    newer = write_dataset(
        tmp_path / "newer",
        changes={
            # Heat's votes grew; The Matrix is gone; a new film in a new range of ids.
            "title.ratings": [r.replace("712000", "712345") for r in RATINGS],
            "title.basics": [
                *[r for r in BASICS if not r.startswith("tt0133093")][:-1],
                f"tt5000000 movie New Film New Film 0 2025 {N} 100 Drama",
                BASICS[-1],
            ],
        },
    )
    report = import_imdb(newer, out, today=TODAY)
    after = _state(out)
    assert sorted(p.name for p in report.written) == [
        "imdb-tt00110000.yaml",
        "imdb-tt05000000.yaml",
    ]
    assert [p.name for p in report.removed] == ["imdb-tt00130000.yaml"]
    unchanged = set(before) - {"imdb-tt00110000.yaml", "imdb-tt00130000.yaml"}
    assert {name: after[name] for name in unchanged} == {name: before[name] for name in unchanged}
    assert films_of(out)["tt0113277"]["imdb_votes"] == 712345


def test_a_range_of_ids_too_big_for_one_file_is_split(tmp_path: Path) -> None:
    extra = [
        f"tt{113300 + 100 * i:07d} movie Heat {i} Heat {i} 0 1995 {N} 90 Drama" for i in range(12)
    ]
    basics = [*BASICS[:2], *extra, *BASICS[2:]]
    source = write_dataset(tmp_path / "imdb", changes={"title.basics": basics})
    out = tmp_path / "out"
    import_imdb(source, out, max_file_bytes=8000, today=TODAY)  # files of at most 2000 bytes
    sizes = {p.name: p.stat().st_size for p in out.glob("imdb-tt0011*.yaml")}
    assert len(sizes) > 1 and max(sizes.values()) <= 2000
    assert len(films_of(out)) == 6 + 12
    assert check_directory(out).ok
    # The same files again: the same split, nothing written.
    assert import_imdb(source, out, max_file_bytes=8000, today=TODAY).written == []


def test_files_sorted_as_text_are_read_too(tmp_path: Path) -> None:
    # Ids of 8 digits after those of 7 in text order: tt10000000 sorts before tt9000000.
    basics = [*BASICS[:-1], f"tt10000000 movie Longer Id Longer Id 0 2024 {N} 95 Drama", BASICS[-1]]
    basics = [basics[0], *sorted(basics[1:], key=lambda r: r.split(" ")[0])]
    run(write_dataset(tmp_path / "imdb", changes={"title.basics": basics}), tmp_path / "out")
    assert {"tt10000000", "tt9000000", "tt0113277"} <= set(films_of(tmp_path / "out"))


def test_an_unsorted_file_is_refused_with_its_name(tmp_path: Path) -> None:
    principals = [PRINCIPALS[0], *reversed(PRINCIPALS[1:])]
    source = write_dataset(tmp_path / "imdb", changes={"title.principals": principals})
    with pytest.raises(ImportProblem, match=r"title\.principals\.tsv\.gz is not sorted by id"):
        run(source, tmp_path / "out")


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    source = write_dataset(tmp_path / "imdb")
    (source / "name.basics.tsv.gz").unlink()
    with pytest.raises(ImportProblem, match=r"no name\.basics\.tsv\.gz"):
        run(source, tmp_path / "out")


def test_without_title_crew_directors_come_from_the_principals(tmp_path: Path) -> None:
    source = write_dataset(tmp_path / "imdb")
    (source / "title.crew.tsv.gz").unlink()
    report = import_imdb(source, tmp_path / "out", today=TODAY)
    assert report.missing == ["title.crew"]
    heat = films_of(tmp_path / "out")["tt0113277"]
    assert heat["directors"] == ["Michael Mann"] and "writers" not in heat


async def test_imported_films_answer_questions(dataset: Path, tmp_path: Path) -> None:
    run(dataset, tmp_path / "facts" / "imdb")
    store = Store(tmp_path / "facts", tmp_path / "c.db")
    await store.open()
    try:
        reply = await answer("who directed heat", store.catalog)
        assert reply.answers == ["Michael Mann"]
        reply = await answer("who played neil mccauley in heat?", store.catalog)
        assert reply.answers == ["Robert De Niro"]
        reply = await answer("who plays jack dawson", store.catalog)
        assert "Leonardo DiCaprio" in reply.answers
    finally:
        await store.close()


@pytest.mark.parametrize("curated", ["a-heat.yaml", "zz-heat.yaml"])
async def test_a_hand_written_film_replaces_the_imported_one(
    dataset: Path, tmp_path: Path, curated: str
) -> None:
    run(dataset, tmp_path / "facts" / "imdb")
    (tmp_path / "facts" / curated).write_text(
        "title: Heat\nyear: 1995\nimdb_id: tt0113277\ndirectors: Michael Mann\n"
        "cast: [{person: Al Pacino, role: Vincent Hanna}]\n"
        "sources: [https://en.wikipedia.org/wiki/Heat_(1995_film)]\n",
        encoding="utf-8",
    )
    store = Store(tmp_path / "facts", tmp_path / "c.db")
    await store.open()
    try:
        reply = await answer("who does al pacino play in heat", store.catalog)
        assert reply.answers == ["Vincent Hanna"]
        assert len(await store.catalog.films_titled("heat")) == 1
    finally:
        await store.close()


def test_the_console_imports_and_reports(
    dataset: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    code = main(["import", "imdb", str(dataset), "--out", str(out), "--types", "movie,tvMovie"])
    err = capsys.readouterr().err
    assert code == 0, err
    assert "imported 7 films" in err and "7 written" in err
    assert "skipped 1 adult" in err
    assert main(["import", "imdb", str(tmp_path / "nowhere"), "--out", str(out)]) == 2
