"""MetaQA / WikiMovies knowledge base (``subject|relation|object`` lines) → facts files.

The knowledge base keys films by title alone, so the facts of several films that share a
title arrive merged. Such a title becomes one film per release year, each carrying all the
title's facts and a trivia line saying that they cannot be told apart; nothing is dropped.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bot.catalog.schema import SHARED_TITLE_TAG, slugify
from bot.importers.shards import remove_stale, write_if_changed

try:
    from yaml import CSafeDumper as _Dumper
except ImportError:  # pragma: no cover
    from yaml import SafeDumper as _Dumper  # type: ignore[assignment]

SOURCE = {
    "text": "MetaQA knowledge base (WikiMovies)",
    "note": "imported; facts as the knowledge base states them",
}
FILMS_PER_FILE = 250

# knowledge-base relation → (film key, multi-valued)
RELATIONS: dict[str, str] = {
    "directed_by": "directors",
    "written_by": "writers",
    "starred_actors": "cast",
    "in_language": "languages",
    "has_genre": "genres",
    "has_tags": "tags",
    "release_year": "year",
    "has_imdb_rating": "imdb_rating",
    "has_imdb_votes": "imdb_votes",
}


@dataclass
class ImportReport:
    films: int = 0
    titles: int = 0
    shared_titles: int = 0
    facts: int = 0
    skipped: list[str] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)


def read_kb(lines: Iterable[str], report: ImportReport) -> dict[str, dict[str, list[str]]]:
    """Group the triples by film title, keeping each relation's values in order."""
    films: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for number, line in enumerate(lines, start=1):
        line = line.rstrip("\n")
        if not line.strip():
            continue
        parts = line.split("|")
        if len(parts) != 3 or parts[1] not in RELATIONS or not parts[0] or not parts[2]:
            report.skipped.append(f"line {number}: {line[:80]!r}")
            continue
        subject, relation, obj = parts
        values = films[subject][relation]
        if obj not in values:
            values.append(obj)
        report.facts += 1
    return films


def film_entries(title: str, facts: dict[str, list[str]]) -> list[dict[str, Any]]:
    """One facts-file film per release year of ``title`` (or one, undated)."""
    years = sorted({int(y) for y in facts.get("release_year", []) if y.isdigit()})
    base: dict[str, Any] = {"title": title}
    for relation, key in RELATIONS.items():
        values = facts.get(relation)
        if not values or key == "year":
            continue
        if key == "cast":
            base[key] = [{"person": v} for v in values]
        elif key in ("imdb_rating", "imdb_votes"):
            base[key] = values[0]
        else:
            base[key] = list(values)
    base["sources"] = [dict(SOURCE)]
    if len(years) <= 1:
        return [{**base, "year": years[0]} if years else base]
    shown = ", ".join(str(y) for y in years)
    note = (
        f"The knowledge base lists these facts under the title '{title}' for films of "
        f"{shown}; it does not say which fact belongs to which film."
    )
    shared = {"tags": [*base.get("tags", []), SHARED_TITLE_TAG], "trivia": [note]}
    return [{**base, "year": year, **shared} for year in years]


def import_metaqa(
    kb_path: Path,
    out_dir: Path,
    *,
    per_file: int = FILMS_PER_FILE,
    progress: Callable[[str, int, int], None] | None = None,
) -> ImportReport:
    """Convert ``kb_path`` into facts files under ``out_dir`` (created if needed).

    ``progress``, when given, hears ``("writing files", done, total)`` after each file.
    """
    report = ImportReport()
    with kb_path.open(encoding="utf-8") as fh:
        by_title = read_kb(fh, report)
    report.titles = len(by_title)
    entries: list[dict[str, Any]] = []
    used: set[str] = set()
    for title in sorted(by_title, key=lambda t: (t.casefold(), t)):
        made = film_entries(title, by_title[title])
        if len(made) > 1:
            report.shared_titles += 1
        for entry in made:
            entry["id"] = _unique(slugify(title, entry.get("year")), used)
            entries.append(entry)
    out_dir.mkdir(parents=True, exist_ok=True)
    total = -(-len(entries) // per_file)
    for start in range(0, len(entries), per_file):
        chunk = entries[start : start + per_file]
        path = out_dir / f"metaqa-{start // per_file + 1:03d}.yaml"
        text = yaml.dump(
            {"imported": "metaqa", "films": [_ordered(e) for e in chunk]},
            Dumper=_Dumper,
            allow_unicode=True,
            sort_keys=False,
            width=100,
        )
        write_if_changed(path, text.encode("utf-8"))
        report.files.append(path)
        if progress is not None:
            progress("writing files", len(report.files), total)
    remove_stale(out_dir, "metaqa-*.yaml", report.files)
    report.films = len(entries)
    return report


_ORDER = (
    "id",
    "title",
    "year",
    "directors",
    "writers",
    "cast",
    "genres",
    "languages",
    "tags",
    "imdb_rating",
    "imdb_votes",
    "trivia",
    "sources",
)


def _ordered(entry: dict[str, Any]) -> dict[str, Any]:
    return {key: entry[key] for key in _ORDER if key in entry}


def _unique(slug: str, used: set[str]) -> str:
    candidate, n = slug, 2
    while candidate in used:
        candidate = f"{slug}-{n}"
        n += 1
    used.add(candidate)
    return candidate
