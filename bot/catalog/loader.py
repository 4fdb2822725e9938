"""Facts files → validated records, with every problem as a ``path:line: message`` value.

Reading is pure and picklable (``parse_file``), so that many files can be parsed in
parallel processes; catalog-wide rules (unique ids, known ``follows``) are checked after.
"""

from __future__ import annotations

import hashlib
import itertools
import operator
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple, Protocol, TypeVar

from pydantic import ValidationError
from rapidfuzz import process

from bot import collector
from bot.catalog.document import Document, DocumentError, read_document
from bot.catalog.errors import CatalogError
from bot.catalog.plain import PlainFilm, PlainPerson, plain_facts
from bot.catalog.plain_yaml import quick_here, read_plain, read_quickly_here
from bot.catalog.schema import (
    CAST_KEYS,
    FILE_KEYS,
    FILM_KEYS,
    PERSON_KEYS,
    SOURCE_KEYS,
    FactsFile,
    Film,
    Person,
)
from bot.workers import parsing_worker

DEFAULT_MAX_FILE_BYTES = 8 * 1024 * 1024
MAX_ERRORS_PER_FILE = 50
SUFFIXES = (".yaml", ".yml")
PARALLEL_MIN_BYTES = 1_000_000
CHUNK_BYTES = 512 * 1024

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class FileRef:
    """A facts file: where it is, and the name it is reported under."""

    path: Path
    rel: str
    display: str


@dataclass(slots=True)
class FileOutcome:
    """One facts file as read: where it is, what its content hashes to, what is wrong."""

    rel: str
    display: str
    sha256: str
    size: int
    errors: list[CatalogError] = field(default_factory=list)
    path: str = ""  # where the file is on disk, to find lines in it later

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass(slots=True)
class ParsedFile(FileOutcome):
    """What one facts file says, or what is wrong with it."""

    films: list[Film] | list[PlainFilm] = field(default_factory=list)
    people: list[Person] | list[PlainPerson] = field(default_factory=list)
    imported: str | None = None  # the importer that wrote the file, if one did


def discover(facts_dir: Path, display_root: str | None = None) -> list[FileRef]:
    """Every ``*.yaml``/``*.yml`` file below ``facts_dir`` (hidden ones skipped), sorted."""
    root = Path(facts_dir)
    shown = display_root if display_root is not None else str(facts_dir)
    found: list[tuple[tuple[str, ...], Path]] = []
    _walk(root, (), found)
    refs = []
    for parts, path in sorted(found):
        rel = "/".join(parts)
        refs.append(FileRef(path=path, rel=rel, display=os.path.join(shown, rel)))
    return refs


def _walk(
    directory: Path, parts: tuple[str, ...], found: list[tuple[tuple[str, ...], Path]]
) -> None:
    """The facts files below ``directory``, by their path's parts: one directory listing
    each, no call per file (a reload walks every directory of a big catalog). A file's
    path is its directory's joined with its name, which is quicker than parsing a path."""
    try:
        with os.scandir(directory) as listing:
            entries = list(listing)
    except PermissionError:
        return
    for entry in entries:
        name = entry.name
        if name.startswith("."):
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                _walk(directory / name, (*parts, name), found)
            elif name.endswith(SUFFIXES) and entry.is_file():
                found.append(((*parts, name), directory / name))
        except OSError:
            continue  # gone or unreadable since listed: as if it were not there


def file_digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def parse_file(ref: FileRef, max_bytes: int = DEFAULT_MAX_FILE_BYTES) -> ParsedFile:
    """Read, check and validate one facts file. Never raises for bad content."""
    return validated(read_file(ref, max_bytes))


def parse_bytes(ref: FileRef, data: bytes) -> ParsedFile:
    """Check and validate the content of one facts file."""
    return validated(read_bytes(ref, data))


class ReadFile(NamedTuple):
    """A facts file read as far as its YAML: the file, with its problems so far, and its
    text and document when it could be read that far."""

    parsed: ParsedFile
    text: str = ""
    doc: Document | None = None


def read_file(ref: FileRef, max_bytes: int = DEFAULT_MAX_FILE_BYTES) -> ReadFile:
    """Read one facts file and its YAML, not yet validated. Never raises for bad content."""
    try:
        size = ref.path.stat().st_size
        if size > max_bytes:
            return ReadFile(_failed(ref, "", size, 1, _too_big(size, max_bytes)))
        with ref.path.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        return ReadFile(_failed(ref, "", 0, 1, f"cannot read the file: {exc.strerror or exc}"))
    if len(data) > max_bytes:
        return ReadFile(_failed(ref, "", len(data), 1, _too_big(len(data), max_bytes)))
    return read_bytes(ref, data)


def read_bytes(ref: FileRef, data: bytes) -> ReadFile:
    """Check the content of one facts file and read its YAML, not yet validated."""
    result = ParsedFile(
        rel=ref.rel,
        display=ref.display,
        sha256=file_digest(data),
        size=len(data),
        path=str(ref.path),
    )
    text, problem = _decode(data)
    if problem is not None:
        result.errors.append(CatalogError(ref.display, *problem))
        return ReadFile(result)
    result.errors.extend(CatalogError(ref.display, line, msg) for line, msg in _tab_lines(text))
    if result.errors:
        return ReadFile(result)
    try:
        doc = (read_plain(data) if quick_here() else None) or read_document(data)
    except DocumentError as exc:
        result.errors.append(CatalogError(ref.display, exc.line, exc.message))
        return ReadFile(result)
    return ReadFile(result, text, doc)


def validated(read: ReadFile) -> ParsedFile:
    """The file read, with its films and people once validated, or every problem found."""
    result, text, doc = read
    if doc is None:
        return result
    films, people, imported, problems = _validate(doc.value)
    if problems or doc.duplicates:
        located = read_document(text, track_lines=True)
        errors = [CatalogError(result.display, d.line, d.message) for d in located.duplicates]
        errors += [CatalogError(result.display, *_locate(located, p)) for p in problems]
        result.errors = _capped(sorted(set(errors)), result.display)
        return result
    result.films, result.people, result.imported = films, people, imported
    return result


def parse_files(
    refs: Sequence[FileRef],
    max_bytes: int = DEFAULT_MAX_FILE_BYTES,
    workers: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> list[ParsedFile]:
    """Parse many files, in parallel processes when there is enough work to share.

    ``progress``, when given, is called with the number of files parsed so far.
    """
    parsed: list[ParsedFile] = []
    for item in each_file(parse_file, refs, max_bytes, workers):
        parsed.append(item)
        if progress is not None:
            progress(len(parsed))
    return parsed


def each_file(
    read: Callable[[FileRef, int], T],
    refs: Sequence[FileRef],
    max_bytes: int = DEFAULT_MAX_FILE_BYTES,
    workers: int | None = None,
    *,
    background: bool = True,
) -> Iterator[T]:
    """``read(ref, max_bytes)`` for every file, in order, each as soon as it is ready.

    With enough work to share, files are read by parallel processes, so the caller can
    use each result while the others are still being read; at background priority unless
    ``background`` is false (nothing is served meanwhile that they could slow down), and
    then a step below the caller's, which must keep pace with them.
    """
    workers = workers if workers is not None else (os.cpu_count() or 1)
    total = sum(_size(ref.path) for ref in refs)
    if workers <= 1 or len(refs) < 2 or total < PARALLEL_MIN_BYTES:
        for ref in refs:
            yield _collector_paused(read, ref, max_bytes)
        return
    # Files go to the workers a few at a time, as many as make about CHUNK_BYTES: each
    # result comes back soon after it is read (the caller keeps pace), and the workers
    # finish together, however many files the catalog has. The first and the last files
    # go one at a time: the caller gets its first file as soon as one is read rather than
    # a whole chunk later, and no worker is left reading a chunk alone at the end.
    chunk = max(1, min(len(refs) // (workers * 8), CHUNK_BYTES * len(refs) // total))
    pieces = _chunks(len(refs), chunk, workers)
    with ProcessPoolExecutor(
        max_workers=min(workers, len(refs)),
        initializer=_reading_worker,
        initargs=(background,),
    ) as pool:
        futures = [
            pool.submit(_read_chunk, read, refs[start:end], max_bytes) for start, end in pieces
        ]
        try:
            for future in futures:
                yield from future.result()
        finally:  # the caller stopped early: the files not started are not read
            for future in futures:
                future.cancel()


def _reading_worker(background: bool) -> None:
    """Initializer of the processes that read facts files (:func:`parsing_worker`); they
    read them alone, on one thread, and so with rapidyaml first."""
    parsing_worker(background)
    read_quickly_here()


def _chunks(count: int, size: int, workers: int) -> list[tuple[int, int]]:
    """``(start, end)`` of the chunks ``count`` files are read in: ``size`` files each,
    but one file each for the first and the last ``workers * size`` of them."""
    single = min(count, workers)
    last = max(single, count - workers * size)
    pieces = [(i, i + 1) for i in range(single)]
    pieces += [(i, min(i + size, last)) for i in range(single, last, size)]
    pieces += [(i, i + 1) for i in range(last, count)]
    return pieces


def _read_chunk(read: Callable[[FileRef, int], T], refs: list[FileRef], max_bytes: int) -> list[T]:
    return [_collector_paused(read, ref, max_bytes) for ref in refs]


def _collector_paused(read: Callable[[FileRef, int], T], ref: FileRef, max_bytes: int) -> T:
    """``read(ref, max_bytes)`` with the cycle collector paused (it runs between files)."""
    with collector.paused():
        return read(ref, max_bytes)


class FilmIds(Protocol):
    """What the catalog-wide rules need of a film."""

    @property
    def slug(self) -> str: ...

    @property
    def follows(self) -> str | None: ...

    @property
    def imdb_id(self) -> str | None: ...


class FileFilms(Protocol):
    """What the catalog-wide rules need of a file: a parsed file, or its store rows."""

    @property
    def display(self) -> str: ...

    @property
    def imported(self) -> str | None: ...

    @property
    def path(self) -> str: ...

    @property
    def films(self) -> Sequence[FilmIds]: ...


def check_catalog(
    files: Iterable[FileFilms],
    kept: dict[str, tuple[str, int]] | None = None,
    on_disk: dict[str, str] | None = None,
    kept_imdb: dict[str, tuple[str, int]] | None = None,
) -> list[CatalogError]:
    """Catalog-wide rules: unique film ids, ``follows`` naming a known film, and at most
    one hand-written film per ``imdb_id`` (imported films give way to it instead).

    ``kept`` maps the ids of films that come from unchanged files to ``(display path,
    position in file)``, and ``kept_imdb`` the ``imdb_id`` of their hand-written films, so
    an incremental reload checks against the whole catalog; ``on_disk`` maps display
    paths to the files, to find the lines to report.
    """
    files = list(files)
    disk = {**(on_disk or {}), **{p.display: p.path for p in files if p.path}}

    def line(display: str, index: int, key: str | None = None) -> int:
        return film_line(disk.get(display, display), index, key)

    seen: dict[str, tuple[str, int]] = dict(kept or {})
    seen_imdb: dict[str, tuple[str, int]] = dict(kept_imdb or {})
    errors: list[CatalogError] = []
    follows: list[tuple[str, int, str]] = []
    for parsed in files:
        for index, film in enumerate(parsed.films):
            imdb_id = film.imdb_id
            if imdb_id and not parsed.imported:
                if imdb_id in seen_imdb:
                    first_path, first_index = seen_imdb[imdb_id]
                    errors.append(
                        CatalogError(
                            parsed.display,
                            line(parsed.display, index, "imdb_id"),
                            f"duplicate imdb_id '{imdb_id}' (also at {first_path}:"
                            f"{line(first_path, first_index, 'imdb_id')}); one film per "
                            "IMDb title",
                        )
                    )
                else:
                    seen_imdb[imdb_id] = (parsed.display, index)
            slug = film.slug
            if slug in seen:
                first_path, first_index = seen[slug]
                first_line = line(first_path, first_index)
                errors.append(
                    CatalogError(
                        parsed.display,
                        line(parsed.display, index),
                        f"duplicate film id '{slug}' (also at {first_path}:{first_line}); "
                        "give one of them a different 'id'",
                    )
                )
                continue
            seen[slug] = (parsed.display, index)
            if film.follows:
                follows.append((parsed.display, index, film.follows))
    for display, index, target in follows:
        if target not in seen:
            hint = _suggest(target, seen)
            errors.append(
                CatalogError(
                    display,
                    line(display, index, "follows"),
                    f"'follows' names an unknown film id '{target}'{hint}",
                )
            )
    return errors


def film_line(path: str, index: int, key: str | None = None) -> int:
    """The line of the ``index``-th film of a file (re-read on demand: errors are rare)."""
    try:
        doc = read_document(Path(path).read_bytes(), track_lines=True)
    except (OSError, DocumentError):
        return 1
    base: tuple[str | int, ...] = (
        ("films", index) if isinstance(doc.value, dict) and ("films" in doc.value) else ()
    )
    path = (*base, key) if key else (*base, "id") if _has_key(doc.value, base, "id") else base
    return doc.line_of(path)


def _has_key(value: Any, base: tuple[str | int, ...], key: str) -> bool:
    for part in base:
        try:
            value = value[part]
        except (KeyError, IndexError, TypeError):
            return False
    return isinstance(value, dict) and key in value


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _failed(ref: FileRef, sha: str, size: int, line: int, message: str) -> ParsedFile:
    return ParsedFile(
        rel=ref.rel,
        display=ref.display,
        sha256=sha,
        size=size,
        errors=[CatalogError(ref.display, line, message)],
        path=str(ref.path),
    )


def _too_big(size: int, limit: int) -> str:
    return (
        f"file is {size / 1_048_576:.1f} MiB, over the {limit / 1_048_576:.0f} MiB limit "
        "(FILM_BOT_MAX_FILE_MB); split it into smaller files"
    )


def _decode(data: bytes) -> tuple[str, tuple[int, str] | None]:
    if not data.strip():
        return "", (1, "file is empty; a facts file holds a film or a 'films:' list")
    nul = data.find(b"\x00")
    if nul >= 0:
        line = data.count(b"\n", 0, nul) + 1
        return "", (line, "not a text file (it contains NUL bytes); facts files are UTF-8 YAML")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        byte = data[exc.start]
        return "", (line, f"not valid UTF-8 (byte 0x{byte:02x}); save the file as UTF-8")
    return text, None


def _tab_lines(text: str) -> list[tuple[int, str]]:
    if "\t" not in text:
        return []
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            found.append((number, "tab character in indentation; indent with spaces"))
    return found


# --- validation -----------------------------------------------------------------------

Problem = tuple[tuple[str | int, ...], str]


def _validate(
    value: Any,
) -> tuple[
    list[Film] | list[PlainFilm], list[Person] | list[PlainPerson], str | None, list[Problem]
]:
    if not isinstance(value, dict):
        kind = "a list" if isinstance(value, list) else f"the value {value!r}"
        return (
            [],
            [],
            None,
            [
                (
                    (),
                    f"the file holds {kind}; it must hold a film mapping "
                    "(title: …) or a mapping with a 'films:' list",
                )
            ],
        )
    plain = plain_facts(value)
    if plain is not None:
        return *plain, []
    single = not (value.keys() & set(FILE_KEYS)) and bool(value.keys() & set(FILM_KEYS))
    if not value.keys() & (set(FILE_KEYS) | set(FILM_KEYS)):
        return [], [], None, _unknown_top_level(value)
    try:
        if single:
            return [Film.model_validate(value)], [], None, []
        facts = FactsFile.model_validate(value)
        return list(facts.films), list(facts.people), facts.imported, []
    except ValidationError as exc:
        return [], [], None, _problems(exc, value, single)


def _unknown_top_level(value: dict[Any, Any]) -> list[Problem]:
    return [
        (
            (key,),
            f"unknown key '{key}'{_suggest(str(key), (*FILM_KEYS, *FILE_KEYS))}; a file "
            "holds one film (title: …) or 'films:'/'people:' lists",
        )
        for key in value
    ]


def _problems(exc: ValidationError, value: Any, single: bool) -> list[Problem]:
    problems: list[Problem] = []
    seen: set[tuple[str | int, ...]] = set()
    for err in exc.errors(include_url=False):
        path, rest = _data_path(value, err["loc"])
        kind = err["type"]
        if kind == "missing":
            key = rest[0] if rest else "?"
            problems.append((path, f"missing required key '{key}'{_owner(path, single)}"))
            continue
        if path in seen:
            continue  # one message per value, even when several union branches failed
        seen.add(path)
        if kind == "extra_forbidden":
            key = str(path[-1])
            allowed = _allowed_keys(path[:-1], single)
            problems.append(
                (path, f"unknown key '{key}'{_owner(path[:-1], single)}{_suggest(key, allowed)}")
            )
            continue
        problems.append((path, _message(err, path)))
    return problems


def _data_path(value: Any, loc: tuple[Any, ...]) -> tuple[tuple[str | int, ...], list[Any]]:
    """Split a pydantic location into the part that exists in the data and the rest.

    Parts that name neither a key nor an index of the data (union branches, a single
    value promoted to a list) are dropped; a key absent from a mapping starts the rest.
    """
    path: list[str | int] = []
    current = value
    for position, part in enumerate(loc):
        if isinstance(current, dict):
            if part in current:
                path.append(part)
                current = current[part]
            elif isinstance(part, str) and part in _ALL_KEYS:
                return tuple(path), list(loc[position:])
        elif isinstance(current, list) and isinstance(part, int) and part < len(current):
            path.append(part)
            current = current[part]
    return tuple(path), []


_ALL_KEYS = frozenset((*FILM_KEYS, *FILE_KEYS, *CAST_KEYS, *SOURCE_KEYS, *PERSON_KEYS))


def _allowed_keys(parent: tuple[str | int, ...], single: bool) -> tuple[str, ...]:
    names = [p for p in parent if isinstance(p, str)]
    last = names[-1] if names else None
    if last == "cast":
        return CAST_KEYS
    if last == "sources":
        return SOURCE_KEYS
    if last == "people":
        return PERSON_KEYS
    if last == "films" or single:
        return FILM_KEYS
    return FILE_KEYS


def _owner(path: tuple[str | int, ...], single: bool) -> str:
    names = [p for p in path if isinstance(p, str)]
    last = names[-1] if names else None
    return {
        "cast": " in a cast entry",
        "sources": " in a source",
        "people": " in a person",
        "films": " in a film",
    }.get(last or "", " in the film" if single else "")


def _suggest(word: str, choices: Iterable[str]) -> str:
    match = process.extractOne(word, list(choices), score_cutoff=60)
    return f" (did you mean '{match[0]}'?)" if match else ""


def _message(err: Any, path: tuple[str | int, ...]) -> str:
    keys = [p for p in path if isinstance(p, str)]
    name = f"'{keys[-1]}'" if keys else "this value"
    if path and isinstance(path[-1], int):
        name = f"an entry of {name}"
    kind: str = err["type"]
    got = err.get("input")
    shown = _show(got)
    ctx = err.get("ctx") or {}
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"{name} must be a whole number, got {shown}"
    if kind in ("float_parsing", "float_type"):
        return f"{name} must be a number, got {shown}"
    if kind in ("string_type",):
        return f"{name} must be text, got {shown}"
    if kind == "person_is_number":
        return (
            f"{name} must be a person's name, got the number {shown}; write the name "
            f"(in quotes, '{got}', if that really is someone's name)"
        )
    if kind == "string_too_long":
        return f"{name} is too long ({len(got):,} characters; at most {ctx.get('max_length'):,})"
    if kind == "string_too_short":
        return f"{name} must not be empty"
    if kind == "string_pattern_mismatch":
        if keys and keys[-1] == "imdb_id":
            return f"{name} must be an IMDb title id, 'tt' and 7 to 12 digits, got {shown}"
        if keys and keys[-1] in ("id", "follows"):
            return f"{name} must be a slug of lowercase letters, digits and '-', got {shown}"
        return f"{name} must be a http(s) URL, got {shown}"
    if kind == "literal_error":
        return f"{name} must be one of {ctx.get('expected')}, got {shown}"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"{name} must be a mapping of keys, got {_kind(got)}"
    if kind == "list_type":
        return f"{name} must be a list, got {_kind(got)}"
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        words = {
            "greater_than_equal": ("at least", "ge"),
            "less_than_equal": ("at most", "le"),
            "greater_than": ("more than", "gt"),
            "less_than": ("less than", "lt"),
        }[kind]
        if words[1] in ctx:
            return f"{name} must be {words[0]} {ctx[words[1]]}, got {shown}"
        return f"{name} is out of range: {err['msg'].lower()}, got {shown}"
    if kind == "too_long":
        return f"{name} has too many items ({len(got):,}; at most {ctx.get('max_length'):,})"
    if kind.startswith("date"):
        return f"{name} must be a date like 2019-02-14, got {shown}"
    if kind == "value_error":
        return f"{name}: {ctx.get('error', err['msg'])!s}"
    return f"{name}: {err['msg']}"


def _kind(value: Any) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return _show(value)


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "…"


def _locate(doc: Document, problem: Problem) -> tuple[int, str]:
    path, message = problem
    return doc.line_of(path), message


def _capped(errors: list[CatalogError], display: str) -> list[CatalogError]:
    if len(errors) <= MAX_ERRORS_PER_FILE:
        return errors
    kept = errors[:MAX_ERRORS_PER_FILE]
    more = len(errors) - MAX_ERRORS_PER_FILE
    kept.append(CatalogError(display, kept[-1].line, f"… and {more} more problems in this file"))
    return kept


@dataclass(slots=True)
class DirectoryCheck:
    """The outcome of validating a facts directory without building anything."""

    errors: list[CatalogError]
    files: int
    films: int

    @property
    def ok(self) -> bool:
        return not self.errors


def check_directory(
    facts_dir: Path,
    display_root: str | None = None,
    max_bytes: int = DEFAULT_MAX_FILE_BYTES,
    workers: int | None = None,
) -> DirectoryCheck:
    """Validate every facts file of a directory and the catalog-wide rules."""
    shown = display_root if display_root is not None else str(facts_dir)
    if not Path(facts_dir).is_dir():
        return DirectoryCheck([CatalogError(shown, 1, "facts directory not found")], 0, 0)
    refs = discover(facts_dir, display_root)
    if not refs:
        return DirectoryCheck([CatalogError(shown, 1, "no *.yaml facts files")], 0, 0)
    # Only what the catalog-wide rules need is kept of each file, so that checking a big
    # catalog (an IMDb import) takes little more memory than one file.
    files = [FileKeys.of(p) for p in each_file(parse_file, refs, max_bytes, workers)]
    errors = [e for f in files for e in f.errors]
    on_disk = {ref.display: str(ref.path) for ref in refs}
    errors += check_catalog([f for f in files if not f.errors], None, on_disk)
    return DirectoryCheck(sorted(errors), len(refs), sum(len(f.films) for f in files))


class FilmKeys(NamedTuple):
    """What the catalog-wide rules need of a film."""

    slug: str
    follows: str | None
    imdb_id: str | None


_FILM_KEYS = operator.attrgetter(*FilmKeys._fields)


class CheckedFile(FileFilms, Protocol):
    """A file as read, with its problems."""

    @property
    def errors(self) -> list[CatalogError]: ...


@dataclass(frozen=True, slots=True)
class FileKeys:
    """Only what the catalog-wide rules need of a file as read, so that a big catalog's
    files can be kept at hand until every one is read."""

    display: str
    path: str
    imported: str | None
    errors: list[CatalogError]
    films: list[FilmKeys]

    @property
    def ok(self) -> bool:
        return not self.errors

    @classmethod
    def of(cls, parsed: CheckedFile) -> FileKeys:
        # Made as plain tuples are, in C: a named tuple's own constructor is a Python call,
        # and a big catalog's first build keeps the keys of every film.
        films = list(map(tuple.__new__, itertools.repeat(FilmKeys), map(_FILM_KEYS, parsed.films)))
        return cls(parsed.display, parsed.path, parsed.imported, parsed.errors, films)
