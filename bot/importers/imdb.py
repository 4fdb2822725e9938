"""IMDb's non-commercial dataset files → facts files, streamed, sharded and incremental.

The files (https://developer.imdb.com/non-commercial-datasets/) are tab-separated, with no
quoting and ``\\N`` for a missing value, and each is sorted by its leading id. The import
never holds a whole file:

1. ``title.basics`` is read row by row, and ``title.ratings``, ``title.crew``,
   ``title.principals`` and ``title.akas`` are read along with it (a merge join on the
   title id), so only the rows of one title are in memory at a time. The films kept are
   written to a temporary SQLite file with the ids of their people.
2. ``name.basics`` is read the same way along the sorted ids of the people needed.
3. Films are written to facts files by ranges of title ids (``imdb-tt0110000.yaml`` holds
   the films from tt0110000 on), split in halves while a file would be too big. A new film
   changes only the file of its range, and a file is written only when its content changed.
"""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import marshal
import re
import sqlite3
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from bot.catalog.schema import MAX_LIST, MAX_NAME
from bot.importers.shards import remove_stale, write_if_changed
from bot.text import norm

NAMES = (
    "title.basics",
    "title.ratings",
    "title.crew",
    "title.principals",
    "title.akas",
    "name.basics",
)
REQUIRED = ("title.basics", "name.basics")
MISSING = "\\N"
IMPORTER = "imdb"
DOWNLOADS = "https://datasets.imdbws.com/"
FILE_PATTERN = "imdb-tt*.yaml"
RANGE = 10_000  # title ids per file before any split
DEFAULT_TYPES = ("movie",)
CAST = ("actor", "actress", "self")
NOTE = "IMDb non-commercial datasets"
HEADER = (
    "# Imported by 'film-bot import imdb' from IMDb's non-commercial datasets\n"
    "# (https://developer.imdb.com/non-commercial-datasets/): personal and non-commercial use\n"
    "# only. The next import rewrites this file: put hand-written facts in files of your own\n"
    "# (a film there with the same imdb_id replaces the one here).\n"
    f"imported: {IMPORTER}\n"
)

Progress = Callable[[str, int, int], None]


class ImportProblem(Exception):
    """The files cannot be imported as they are; the message says why."""


@dataclass(frozen=True)
class ImdbOptions:
    """Which titles to import."""

    min_votes: int = 0
    since: int | None = None
    types: tuple[str, ...] = DEFAULT_TYPES
    include_adult: bool = False


@dataclass
class ImdbReport:
    """What an import did."""

    titles_read: int = 0
    films: int = 0
    people: int = 0
    skipped: dict[str, int] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def skip(self, reason: str) -> None:
        self.skipped[reason] = self.skipped.get(reason, 0) + 1


def dataset_file(source: Path, name: str) -> Path | None:
    """``name.tsv.gz`` or ``name.tsv`` in ``source``, whichever is there."""
    for suffix in (".tsv.gz", ".tsv"):
        path = source / f"{name}{suffix}"
        if path.is_file():
            return path
    return None


def import_imdb(
    source: Path,
    out_dir: Path,
    options: ImdbOptions | None = None,
    *,
    max_file_bytes: int = 8 * 1024 * 1024,
    today: dt.date | None = None,
    progress: Progress | None = None,
) -> ImdbReport:
    """Import the dataset files of ``source`` into facts files under ``out_dir``.

    Files stay under a quarter of ``max_file_bytes``. ``today`` decides which films are not
    out yet (no votes and no year, or a later year). Raises ``ImportProblem`` when a file
    needed is missing or a file is not sorted.
    """
    started = time.perf_counter()
    options = options or ImdbOptions()
    paths = {name: dataset_file(source, name) for name in NAMES}
    absent = [name for name in REQUIRED if paths[name] is None]
    if absent:
        shown = ", ".join(f"{n}.tsv.gz" for n in absent)
        raise ImportProblem(f"{source}: no {shown} (nor .tsv); download it from {DOWNLOADS}")
    out_dir.mkdir(parents=True, exist_ok=True)
    report = ImdbReport(missing=[n for n in NAMES if paths[n] is None])
    # A hidden directory: the loader does not look into it, should a reload run meanwhile.
    with tempfile.TemporaryDirectory(prefix=".imdb-import-", dir=out_dir) as tmp:
        # IMDb's files are sorted by the number of their ids (tt9999999 before tt10000000);
        # files sorted as text instead are read in that order when the first fails.
        for order in (_numeric, _textual):
            report = ImdbReport(missing=report.missing)
            spill = _Spill(Path(tmp) / f"spill-{order.__name__}.db")
            try:
                _read_titles(
                    paths, options, today or dt.date.today(), spill, report, order, progress
                )
                _read_names(paths["name.basics"], spill, order, progress)  # type: ignore[arg-type]
                _write_files(spill, out_dir, max_file_bytes // 4, report, progress)
                break
            except _Unsorted as exc:
                if order is _textual:
                    raise ImportProblem(str(exc)) from None
            finally:
                spill.close()
    report.seconds = time.perf_counter() - started
    return report


# --- reading the files ------------------------------------------------------------------


class _Unsorted(Exception):
    pass


def _numeric(digits: str) -> Any:
    return int(digits) if digits.isdigit() else -1


def _textual(digits: str) -> Any:
    return digits


Order = Callable[[str], Any]


class _Table:
    """One dataset file, read a row at a time and handed out by the id that leads its rows."""

    def __init__(self, path: Path | None, order: Order) -> None:
        self.path = path
        self.order = order
        self.raw: IO[bytes] | None = None
        self.size = path.stat().st_size if path else 0
        self.columns: dict[str, int] = {}
        self._lines: Iterator[str] = iter(())
        self._line: str | None = None
        self._key: Any = None
        self._last: Any = None
        if path is None:
            return
        self.raw = path.open("rb")
        stream: IO[bytes] = gzip.GzipFile(fileobj=self.raw) if path.suffix == ".gz" else self.raw
        text = _text(stream)
        header = text.readline().rstrip("\n").split("\t")
        self.columns = {name: i for i, name in enumerate(header)}
        self._lines = iter(text)
        self._advance()

    @property
    def read_bytes(self) -> int:
        return self.raw.tell() if self.raw else 0

    def column(self, name: str) -> int:
        try:
            return self.columns[name]
        except KeyError:
            raise ImportProblem(f"{self.path}: no column '{name}' in its header") from None

    def _advance(self) -> None:
        line = next(self._lines, None)
        self._line = line
        if line is None:
            return
        tab = line.find("\t")
        key = self.order(line[2:tab] if tab >= 0 else line[2:].rstrip("\n"))
        if self._last is not None and key < self._last:
            raise self._unsorted(line)
        self._key = self._last = key

    def rows(self) -> Iterator[list[str]]:
        """Every row, in file order."""
        while self._line is not None:
            row = self._line.rstrip("\n").split("\t")
            self._advance()
            yield row

    def rows_for(self, key: Any) -> list[list[str]]:
        """The rows whose id is ``key``; rows before it are passed over unread."""
        found: list[list[str]] = []
        # Most lines of the big files belong to titles that are not imported: passing over
        # them is this loop's work, so it reads the id of a line and nothing more.
        line, current, lines, order = self._line, self._key, self._lines, self.order
        while line is not None and current <= key:
            if current == key:
                found.append(line.rstrip("\n").split("\t"))
            line = next(lines, None)
            if line is None:
                break
            tab = line.find("\t")
            following = order(line[2:tab] if tab >= 0 else line[2:].rstrip("\n"))
            if following < current:
                raise self._unsorted(line)
            current = following
        self._line, self._key, self._last = line, current, current
        return found

    def _unsorted(self, line: str) -> _Unsorted:
        ident = line.split("\t", 1)[0].rstrip("\n")
        return _Unsorted(
            f"{self.path} is not sorted by id ({ident} comes after a later id); "
            "use the files as IMDb publishes them"
        )

    def close(self) -> None:
        if self.raw is not None:
            self.raw.close()


def _text(stream: IO[bytes]) -> IO[str]:
    # Lines end at "\n" only: a stray "\r" inside a field is not a line break.
    return io.TextIOWrapper(stream, encoding="utf-8", errors="replace", newline="\n")


class _Spill:
    """The temporary store between the passes: films kept, people needed, people found."""

    def __init__(self, path: Path) -> None:
        self.db = sqlite3.connect(path, isolation_level=None)
        self.db.execute("PRAGMA journal_mode = OFF")
        self.db.execute("PRAGMA synchronous = OFF")
        self.db.execute("PRAGMA cache_size = -32768")
        self.db.executescript(
            "CREATE TABLE films (num INTEGER PRIMARY KEY, data BLOB NOT NULL);"
            "CREATE TABLE needed (num INTEGER PRIMARY KEY) WITHOUT ROWID;"
            "CREATE TABLE people (num INTEGER PRIMARY KEY, name TEXT NOT NULL, born INTEGER,"
            " key TEXT NOT NULL);"
        )
        self.db.execute("BEGIN")
        self._films: list[tuple[int, bytes]] = []
        self._needed: list[tuple[int]] = []

    def add_film(self, num: int, film: dict[str, Any], people: list[int]) -> None:
        self._films.append((num, marshal.dumps(film)))
        self._needed.extend((p,) for p in people)
        if len(self._films) >= 5000:
            self.flush()

    def flush(self) -> None:
        self.db.executemany("INSERT OR REPLACE INTO films VALUES (?, ?)", self._films)
        self.db.executemany("INSERT OR IGNORE INTO needed VALUES (?)", self._needed)
        self._films.clear()
        self._needed.clear()

    def close(self) -> None:
        self.db.close()


def _int(text: str, low: int, high: int) -> int | None:
    if not text.isdigit():
        return None
    value = int(text)
    return value if low <= value <= high else None


def _person_num(nconst: str) -> int | None:
    return int(nconst[2:]) if nconst.startswith("nm") and nconst[2:].isdigit() else None


def _read_titles(
    paths: dict[str, Path | None],
    options: ImdbOptions,
    today: dt.date,
    spill: _Spill,
    report: ImdbReport,
    order: Order,
    progress: Progress | None,
) -> None:
    tables = {name: _Table(paths[name], order) for name in NAMES if name != "name.basics"}
    basics = tables["title.basics"]
    try:
        col = {
            name: basics.column(name)
            for name in (
                "tconst",
                "titleType",
                "primaryTitle",
                "originalTitle",
                "isAdult",
                "startYear",
                "runtimeMinutes",
                "genres",
            )
        }
        joined = _Joined(tables)
        for count, row in enumerate(basics.rows(), start=1):
            report.titles_read = count
            if progress is not None and count % 5_000 == 1:
                progress("reading IMDb titles", basics.read_bytes, basics.size)
            if len(row) < len(col):
                report.skip("malformed line")
                continue
            film = _title(row, col, options, joined, today, report, order)
            if film is not None:
                num, data, people = film
                spill.add_film(num, data, people)
                report.films += 1
        spill.flush()
    finally:
        for table in tables.values():
            table.close()


class _Joined:
    """The other title files, read along ``title.basics``."""

    def __init__(self, tables: dict[str, _Table]) -> None:
        self.ratings = tables["title.ratings"]
        self.crew = tables["title.crew"]
        self.principals = tables["title.principals"]
        self.akas = tables["title.akas"]
        self.r = {n: self.ratings.columns.get(n) for n in ("averageRating", "numVotes")}
        self.c = {n: self.crew.columns.get(n) for n in ("directors", "writers")}
        self.p = {
            n: self.principals.columns.get(n)
            for n in ("ordering", "nconst", "category", "characters")
        }
        self.a = {n: self.akas.columns.get(n) for n in ("ordering", "title")}


def _title(
    row: list[str],
    col: dict[str, int],
    options: ImdbOptions,
    joined: _Joined,
    today: dt.date,
    report: ImdbReport,
    order: Order,
) -> tuple[int, dict[str, Any], list[int]] | None:
    """The film of one ``title.basics`` row, or None (counted) when it is not imported."""
    if row[col["titleType"]] not in options.types:
        return None  # not counted: most titles are episodes and the like
    if row[col["isAdult"]] == "1" and not options.include_adult:
        report.skip("adult")
        return None
    tconst = row[col["tconst"]]
    year = _int(row[col["startYear"]], 1870, 2100)
    if options.since is not None and (year is None or year < options.since):
        report.skip("before --since")
        return None
    key = order(tconst[2:])
    rating, votes = _rating(joined.ratings.rows_for(key), joined.r)
    if votes < options.min_votes:
        report.skip("under --min-votes")
        return None
    title = _name(row[col["primaryTitle"]])
    if title is None or not tconst[2:].isdigit():
        report.skip("no usable title or id")
        return None
    film: dict[str, Any] = {"id": tconst, "imdb_id": tconst, "title": title}
    if year is not None:
        film["year"] = year
    if (year is None or year > today.year) and not votes:
        film["status"] = "announced"  # IMDb lists it, but it is not out yet
    aliases = _aliases(title, row[col["originalTitle"]], joined.akas.rows_for(key), joined.a)
    if aliases:
        film["aliases"] = aliases
    genres = _names(row[col["genres"]].split(","))
    if genres:
        film["genres"] = genres
    runtime = _int(row[col["runtimeMinutes"]], 1, 10_000)
    if runtime is not None:
        film["runtime_minutes"] = runtime
    people = _credits(film, joined.crew.rows_for(key), joined.principals.rows_for(key), joined)
    if rating is not None:
        film["imdb_rating"] = rating
    if votes:
        film["imdb_votes"] = votes
    return int(tconst[2:]), film, people


# principals category → film key; directors and writers come from title.crew when it has them
CREDITS = {
    "composer": "composer",
    "producer": "producers",
    "director": "directors",
    "writer": "writers",
}


def _credits(
    film: dict[str, Any], crew: list[list[str]], principals: list[list[str]], joined: _Joined
) -> list[int]:
    """Add the film's credits, as people's numbers; returns every person credited."""
    people: list[int] = []
    for key in ("directors", "writers"):
        listed = _crew(crew, joined.c[key])
        if listed:
            film[key] = listed
            people += listed
    from_crew = {"directors", "writers"} & film.keys()
    ordered = sorted(principals, key=lambda r: _int(_at(r, joined.p["ordering"]), 0, 10**9) or 0)
    cast: list[list[Any]] = []
    for row in ordered:
        person = _person_num(_at(row, joined.p["nconst"]))
        category = _at(row, joined.p["category"])
        if person is None:
            continue
        if category in CAST:
            cast.append([person, _character(_at(row, joined.p["characters"]))])
        elif CREDITS.get(category) and CREDITS[category] not in from_crew:
            listed = film.setdefault(CREDITS[category], [])
            if person in listed:
                continue
            listed.append(person)
        else:
            continue
        people.append(person)
    if cast:
        film["cast"] = cast[:MAX_LIST]
    return people


def _at(row: list[str], index: int | None) -> str:
    return row[index] if index is not None and index < len(row) else MISSING


def _rating(rows: list[list[str]], col: dict[str, int | None]) -> tuple[float | None, int]:
    if not rows:
        return None, 0
    votes = _int(_at(rows[0], col["numVotes"]), 0, 10**12) or 0
    try:
        rating = float(_at(rows[0], col["averageRating"]))
    except ValueError:
        return None, votes
    return (rating if 0 <= rating <= 10 else None), votes


def _crew(rows: list[list[str]], index: int | None) -> list[int]:
    found: list[int] = []
    for row in rows[:1]:
        for nconst in _at(row, index).split(","):
            num = _person_num(nconst)
            if num is not None and num not in found:
                found.append(num)
    return found[:MAX_LIST]


def _name(text: str) -> str | None:
    text = text.strip()
    if not text or text == MISSING or len(text) > MAX_NAME:
        return None
    return text


def _names(values: list[str]) -> list[str]:
    found: list[str] = []
    for value in values:
        name = _name(value)
        if name is not None and name not in found:
            found.append(name)
    return found


def _aliases(
    title: str, original: str, akas: list[list[str]], col: dict[str, int | None]
) -> list[str]:
    """The original title and the other titles, each once, none the same as ``title``."""
    ordered = sorted(akas, key=lambda r: _int(_at(r, col["ordering"]), 0, 10**9) or 0)
    seen = {norm(title) or title.casefold()}
    found: list[str] = []
    for value in (original, *(_at(r, col["title"]) for r in ordered)):
        name = _name(value)
        if name is None:
            continue
        key = norm(name) or name.casefold()
        if key not in seen:
            seen.add(key)
            found.append(name)
    return found[:MAX_LIST]


def _character(text: str) -> str | None:
    """``["Jack Dawson"]`` → ``Jack Dawson``; several characters are joined with " / "."""
    if text == MISSING or not text:
        return None
    if text.startswith('["') and text.endswith('"]') and "\\" not in text and '"' not in text[2:-2]:
        return _name(text[2:-2])  # one character, nothing escaped: most rows
    try:
        value = json.loads(text)
        names = [str(v) for v in value] if isinstance(value, list) else [str(value)]
    except ValueError:
        names = [text.strip("[]").strip('"')]
    return _name(" / ".join(n.strip() for n in names if n.strip()))


def _read_names(path: Path, spill: _Spill, order: Order, progress: Progress | None) -> None:
    table = _Table(path, order)
    db = spill.db
    try:
        name_col, born_col = table.column("primaryName"), table.column("birthYear")
        wanted = (
            "SELECT num FROM needed ORDER BY num"
            if order is _numeric
            else "SELECT num FROM needed ORDER BY printf('%07d', num)"
        )
        found: list[tuple[int, str, int | None, str]] = []
        for count, (num,) in enumerate(db.execute(wanted), start=1):
            rows = table.rows_for(order(f"{num:07d}"))
            if rows:
                name = _name(_at(rows[0], name_col))
                if name is not None:
                    born = _int(_at(rows[0], born_col), 1800, 2100)
                    found.append((num, name, born, norm(name) or name.casefold()))
            if progress is not None and count % 5_000 == 1:
                progress("reading IMDb names", table.read_bytes, table.size)
            if len(found) >= 10_000:
                db.executemany("INSERT INTO people VALUES (?,?,?,?)", found)
                found.clear()
        db.executemany("INSERT INTO people VALUES (?,?,?,?)", found)
        db.execute("COMMIT")
        # A name shared by several people is one person in the catalog: no birth year then.
        db.execute("CREATE INDEX people_key ON people (key)")
        db.execute(
            "UPDATE people SET born = NULL WHERE key IN "
            "(SELECT key FROM people GROUP BY key HAVING count(*) > 1)"
        )
    finally:
        table.close()


# --- writing the facts files -------------------------------------------------------------


def _write_files(
    spill: _Spill, out_dir: Path, cap: int, report: ImdbReport, progress: Progress | None
) -> None:
    db = spill.db
    total = db.execute("SELECT count(DISTINCT num / ?) FROM films", (RANGE,)).fetchone()[0]
    for done, (start, films) in enumerate(_ranges(db), start=1):
        names = _people_of(db, films)
        for first, text in _split(films, names, start, RANGE, cap):
            path = out_dir / f"imdb-tt{first:08d}.yaml"
            report.files.append(path)
            if write_if_changed(path, text.encode("utf-8")):
                report.written.append(path)
        if progress is not None:
            progress("writing files", done, total)
    report.removed = remove_stale(out_dir, FILE_PATTERN, report.files)
    report.people = db.execute("SELECT count(*) FROM people").fetchone()[0]


def _ranges(db: sqlite3.Connection) -> Iterator[tuple[int, list[tuple[int, dict[str, Any]]]]]:
    """The films, in id order, a range of ``RANGE`` ids at a time."""
    current: int | None = None
    films: list[tuple[int, dict[str, Any]]] = []
    for num, data in db.execute("SELECT num, data FROM films ORDER BY num"):
        start = num // RANGE * RANGE
        if start != current and films:
            yield current, films  # type: ignore[misc]
            films = []
        current = start
        films.append((num, marshal.loads(data)))
    if films:
        yield current, films  # type: ignore[misc]


def _people_of(
    db: sqlite3.Connection, films: list[tuple[int, dict[str, Any]]]
) -> dict[int, tuple[str, int | None]]:
    wanted = sorted({p for _, film in films for p in _people_in(film)})
    rows = db.execute(
        "SELECT num, name, born FROM people WHERE num IN (SELECT value FROM json_each(?))",
        (json.dumps(wanted),),
    )
    return {num: (name, born) for num, name, born in rows}


def _people_in(film: dict[str, Any]) -> Iterator[int]:
    for key in ("directors", "writers", "producers", "composer"):
        yield from film.get(key, ())
    for person, _ in film.get("cast", ()):
        yield person


def _split(
    films: list[tuple[int, dict[str, Any]]],
    names: dict[int, tuple[str, int | None]],
    start: int,
    span: int,
    cap: int,
) -> list[tuple[int, str]]:
    """One file for the range, or its halves' files while it is over ``cap`` bytes."""
    text = _render(films, names)
    if len(text.encode("utf-8")) <= cap or span <= 1 or len(films) <= 1:
        return [(start, text)]
    half = span // 2
    low = [f for f in films if f[0] < start + half]
    high = [f for f in films if f[0] >= start + half]
    parts = []
    if low:
        parts += _split(low, names, start, half, cap)
    if high:
        parts += _split(high, names, start + half, span - half, cap)
    return parts


# Characters YAML does not allow raw in a file, or reads as line breaks.
_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")


_quoted = json.encoder.encode_basestring  # C code: JSON's string escapes are YAML's


def _q(text: str) -> str:
    """A double-quoted YAML scalar."""
    quoted = _quoted(text)
    if _UNSAFE.search(quoted) is None:
        return quoted
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)


def _flow(values: list[str]) -> str:
    return "[" + ", ".join(_q(v) for v in values) + "]"


def _render(
    films: list[tuple[int, dict[str, Any]]], names: dict[int, tuple[str, int | None]]
) -> str:
    out = [HEADER, "films:\n"]
    born: dict[str, int] = {}
    for _, film in films:
        out.append(f"  - id: {film['id']}\n    imdb_id: {film['imdb_id']}\n")
        out.append(f"    title: {_q(film['title'])}\n")
        if "year" in film:
            out.append(f"    year: {film['year']}\n")
        if "status" in film:
            out.append(f"    status: {film['status']}\n")
        for key in ("aliases", "genres"):
            if key in film:
                out.append(f"    {key}: {_flow(film[key])}\n")
        if "runtime_minutes" in film:
            out.append(f"    runtime_minutes: {film['runtime_minutes']}\n")
        for key in ("directors", "writers", "producers", "composer"):
            listed = [names[p] for p in film.get(key, ()) if p in names]
            if listed:
                out.append(f"    {key}: {_flow(_unique(n for n, _ in listed))}\n")
                born.update((n, b) for n, b in listed if b is not None)
        cast = [(names[p], role) for p, role in film.get("cast", ()) if p in names]
        if cast:
            out.append("    cast:\n")
            for (name, year), role in cast:
                shown = f", role: {_q(role)}" if role else ""
                out.append(f"      - {{person: {_q(name)}{shown}}}\n")
                if year is not None:
                    born[name] = year
        if "imdb_rating" in film:
            out.append(f"    imdb_rating: {film['imdb_rating']}\n")
        if "imdb_votes" in film:
            out.append(f"    imdb_votes: {film['imdb_votes']}\n")
        url = f"https://www.imdb.com/title/{film['imdb_id']}/"
        out.append(f"    sources:\n      - {{url: {_q(url)}, note: {_q(NOTE)}}}\n")
    if born:
        out.append("people:\n")
        for name in sorted(born):
            out.append(f"  - {{name: {_q(name)}, born: {born[name]}}}\n")
    return "".join(out)


def _unique(names: Iterator[str]) -> list[str]:
    found: list[str] = []
    for name in names:
        if name not in found:
            found.append(name)
    return found
