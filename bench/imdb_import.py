"""How fast ``film-bot import imdb`` is on files of IMDb's size: ``python -m bench.imdb_import``.

Writes a synthetic set of the six dataset files in IMDb's format (gzipped, sorted by id,
``\\N`` for missing values, quotes inside titles and characters) once into the work
directory, then runs the import in a separate process three times: into an empty directory,
again with the same files (nothing may change), and after a small update of the files (a few
films' votes). Prints the time, the peak memory of the import process, how many files were
written, and, last, one JSON line.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

from bench.common import DEFAULT_WORKDIR

N = "\\N"
SYLLABLES = (
    "ka ri to mo na le sa vi do pe lu ba ne ro ti ma co ra di an el is or un ae "
    "ber gan hol mar ston vel dor fin gal har kes lin mor quin sel tor wyn zan"
).split()
FIRST = (
    "Anna Ben Carla David Elena Frank Grace Hugo Ines Jack Kira Leo Maya Nils Olga Paul "
    "Rosa Sam Tara Ugo Vera Will Xena Yuri Zoe Amélie Björn Chloé Dmitri Émile"
).split()
GENRES = (
    "Action Adventure Comedy Crime Drama Fantasy Horror Mystery Romance Sci-Fi Thriller War".split()
)
# title types with IMDb's rough shares of its titles
TYPES = [("movie", 55), ("tvEpisode", 20), ("short", 10), ("tvSeries", 5), ("tvMovie", 5)]
TYPES += [("video", 5)]


def _word(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def _title(rng: random.Random) -> str:
    words = [_word(rng, rng.randint(1, 3)) for _ in range(rng.randint(1, 4))]
    if rng.random() < 0.01:
        words[0] = f'"{words[0]}"'  # a quote inside a title, as IMDb has some
    return " ".join(words)


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {_word(rng, rng.randint(2, 3))} {_word(rng, 2)}"


def _writer(path: Path) -> gzip.GzipFile:
    return gzip.GzipFile(path, "wb", compresslevel=1, mtime=0)


def generate(out: Path, titles: int, per_title: int, seed: int = 16) -> dict[str, int]:
    """The six files for ``titles`` titles with about ``per_title`` principals each."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    people = max(1000, titles * 2)
    kinds = [kind for kind, share in TYPES for _ in range(share)]
    counts = {"titles": titles, "principals": 0, "akas": 0, "people": people}
    files = {
        name: _writer(out / f"{name}.tsv.gz")
        for name in (
            "title.basics",
            "title.akas",
            "title.crew",
            "title.principals",
            "title.ratings",
        )
    }
    w = {name: fh.write for name, fh in files.items()}
    w["title.basics"](
        b"tconst\ttitleType\tprimaryTitle\toriginalTitle\tisAdult\tstartYear\tendYear\t"
        b"runtimeMinutes\tgenres\n"
    )
    w["title.akas"](
        b"titleId\tordering\ttitle\tregion\tlanguage\ttypes\tattributes\tisOriginalTitle\n"
    )
    w["title.crew"](b"tconst\tdirectors\twriters\n")
    w["title.principals"](b"tconst\tordering\tnconst\tcategory\tjob\tcharacters\n")
    w["title.ratings"](b"tconst\taverageRating\tnumVotes\n")
    for number in range(1, titles + 1):
        tconst = f"tt{number * 3:07d}"  # gaps between ids, as in IMDb's numbering
        title = _title(rng)
        kind = rng.choice(kinds)
        adult = "1" if rng.random() < 0.02 else "0"
        year = str(rng.randint(1900, 2027)) if rng.random() < 0.95 else N
        runtime = str(rng.randint(60, 200)) if rng.random() < 0.8 else N
        genres = ",".join(rng.sample(GENRES, rng.randint(1, 3)))
        original = title if rng.random() < 0.8 else _title(rng)
        w["title.basics"](
            f"{tconst}\t{kind}\t{title}\t{original}\t{adult}\t{year}\t{N}\t{runtime}\t{genres}\n".encode()
        )
        for ordering in range(1, rng.randint(1, 6)):
            aka = title if rng.random() < 0.4 else _title(rng)
            w["title.akas"](f"{tconst}\t{ordering}\t{aka}\tXX\t{N}\t{N}\t{N}\t0\n".encode())
            counts["akas"] += 1
        crew = [f"nm{rng.randrange(1, people):07d}" for _ in range(rng.randint(1, 3))]
        w["title.crew"](f"{tconst}\t{crew[0]}\t{','.join(crew[1:]) or N}\n".encode())
        for ordering in range(1, rng.randint(per_title - 3, per_title + 3) + 1):
            nconst = f"nm{rng.randrange(1, people):07d}"
            category = rng.choice(
                (
                    "actor",
                    "actress",
                    "actor",
                    "actress",
                    "director",
                    "producer",
                    "composer",
                    "writer",
                )
            )
            characters = (
                json.dumps([_person(rng).split()[0]]) if category in ("actor", "actress") else N
            )
            w["title.principals"](
                f"{tconst}\t{ordering}\t{nconst}\t{category}\t{N}\t{characters}\n".encode()
            )
            counts["principals"] += 1
        if rng.random() < 0.7:
            votes = int(rng.paretovariate(1.2) * 5)
            w["title.ratings"](f"{tconst}\t{rng.randint(10, 99) / 10}\t{votes}\n".encode())
    for fh in files.values():
        fh.close()
    with _writer(out / "name.basics.tsv.gz") as fh:
        fh.write(b"nconst\tprimaryName\tbirthYear\tdeathYear\tprimaryProfession\tknownForTitles\n")
        for number in range(1, people):
            born = str(rng.randint(1900, 2005)) if rng.random() < 0.5 else N
            fh.write(f"nm{number:07d}\t{_person(rng)}\t{born}\t{N}\tactor\t{N}\n".encode())
    return counts


def _votes_updated(source: Path, target: Path, every: int) -> None:
    """A copy of the files where one rated title in ``every`` has one vote more."""
    target.mkdir(parents=True, exist_ok=True)
    for path in source.glob("*.tsv.gz"):
        link = target / path.name
        if not link.exists():
            link.symlink_to(path.resolve())
    ratings = target / "title.ratings.tsv.gz"
    ratings.unlink()
    with (
        gzip.open(source / "title.ratings.tsv.gz", "rt", encoding="utf-8") as fh,
        _writer(ratings) as out,
    ):
        for number, line in enumerate(fh):
            if number and number % every == 0:
                tconst, rating, votes = line.rstrip("\n").split("\t")
                line = f"{tconst}\t{rating}\t{int(votes) + 1}\n"
            out.write(line.encode())


def _run_import(source: Path, out: Path) -> dict[str, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "bench.imdb_import", "--child", str(source), str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"import failed:\n{result.stderr}")
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    figures["seconds"] = seconds
    # CPU time as well: on a busy machine it says more than the wall clock
    figures["cpu_s"] = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return figures


def _child(source: Path, out: Path) -> None:
    """The import itself, in its own process so that its peak memory is its own."""
    from bot.importers.imdb import import_imdb

    report = import_imdb(source, out)
    sizes = [p.stat().st_size for p in report.files]
    print(
        json.dumps(
            {
                "films": report.films,
                "people": report.people,
                "files": len(report.files),
                "written": len(report.written),
                "removed": len(report.removed),
                "largest_file_mb": max(sizes, default=0) / 1_048_576,
                "total_mb": sum(sizes) / 1_048_576,
                "own_peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            }
        )
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.imdb_import", description=__doc__)
    parser.add_argument("--titles", type=int, default=700_000, help="titles (default: 700,000)")
    parser.add_argument(
        "--principals", type=int, default=7, help="principals per title, on average (default: 7)"
    )
    parser.add_argument("--workdir", type=Path, default=DEFAULT_WORKDIR)
    parser.add_argument("--child", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        _child(*args.child)
        return 0
    data = args.workdir / f"imdb-{args.titles}-{args.principals}"
    if not (data / ".complete").exists():
        print(f"writing synthetic IMDb files into {data} …", file=sys.stderr)
        started = time.perf_counter()
        counts = generate(data, args.titles, args.principals)
        (data / ".complete").write_text(json.dumps(counts))
        print(f"  … in {time.perf_counter() - started:.0f}s", file=sys.stderr)
    counts = json.loads((data / ".complete").read_text())
    out = args.workdir / f"imdb-facts-{args.titles}-{args.principals}"
    for old in out.glob("imdb-tt*.yaml"):
        old.unlink()
    first = _run_import(data, out)
    again = _run_import(data, out)
    updated = _run_import(_update(data, args.workdir), out)
    rows = [
        (
            "input",
            f"{counts['titles']:,} titles, {counts['principals']:,} principals, "
            f"{counts['akas']:,} akas, {counts['people']:,} people",
        ),
        ("films / people imported", f"{first['films']:,} / {first['people']:,}"),
        (
            "files (largest, total)",
            f"{first['files']:,} ({first['largest_file_mb']:.2f} MB, {first['total_mb']:.0f} MB)",
        ),
        ("first import", f"{_took(first)}, peak {first['own_peak_mb']:.0f} MB"),
        ("same files again", f"{_took(again)}, {again['written']} files written"),
        ("1 in 2,000 ratings changed", f"{_took(updated)}, {updated['written']} files written"),
    ]
    width = max(len(label) for label, _ in rows)
    for label, value in rows:
        print(f"{label:<{width}}  {value}")
    print(json.dumps({"input": counts, "first": first, "again": again, "updated": updated}))
    return 0


def _took(run: dict[str, float]) -> str:
    return f"{run['seconds']:.0f} s ({run['cpu_s']:.0f} s CPU)"


def _update(data: Path, workdir: Path) -> Path:
    target = workdir / f"{data.name}-updated"
    _votes_updated(data, target, every=2000)
    return target


if __name__ == "__main__":
    sys.exit(main())
