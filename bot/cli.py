"""``film-bot``: the console. The same answering engine and store the Discord bot uses."""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import logging
import signal
import sys
import threading
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TextIO

from pydantic import ValidationError

from bot import progress
from bot.answering import answer
from bot.answering.lexicon import read_english
from bot.answering.reply import Answer, merged_films_note
from bot.answering.wanted import genre_named
from bot.cards import film_json, film_text, person_json, person_text, unknown_text
from bot.catalog import CatalogError, CatalogInvalid, check_directory
from bot.catalog.schema import STATUSES
from bot.config import Settings
from bot.progress import Bar
from bot.store import Store
from bot.store.catalog import Catalog, FilmSummary
from bot.store.discovery import (
    PAGE_SIZE,
    SORTS,
    FilterError,
    browse,
    film_line,
    nothing_found,
    query_from_options,
    random_films,
    similar_films,
    sort_said,
)

log = logging.getLogger("film_bot")

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="film-bot",
        description="Answer questions about films from a curated, sourced YAML catalog, "
        "in the terminal or on Discord.",
        epilog="Settings come from the environment or a .env file; see .env.example.",
    )
    parser.add_argument(
        "--facts",
        metavar="DIR",
        type=Path,
        help="the facts directory (default: $FILM_BOT_FACTS_DIR or facts/)",
    )
    parser.add_argument(
        "--db",
        metavar="PATH",
        help="the store file (default: a cache file under ~/.cache/film-bot; "
        "':memory:' keeps none)",
    )
    parser.add_argument(
        "--log-level",
        choices=("DEBUG", "INFO", "WARNING", "ERROR"),
        help="how much to log on stderr (default: WARNING here, INFO for 'run')",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    ask = commands.add_parser(
        "ask",
        help="answer questions in the terminal",
        description="Answer a question, or one question per line from stdin with '-'. "
        "With no question on a terminal, starts an interactive prompt.",
    )
    ask.add_argument("question", nargs="*", help="the question, or '-' to read stdin")
    ask.add_argument(
        "--json",
        action="store_true",
        help='print one JSON object per question: {"question", "answers", "text"}',
    )
    ask.set_defaults(handler=cmd_ask)

    check = commands.add_parser(
        "check",
        help="validate the facts files",
        description="Validate facts files without changing the store. Prints every problem "
        "as path:line: message; exits 1 when there is any.",
    )
    check.add_argument(
        "dir",
        nargs="?",
        type=Path,
        help="the facts directory to check (default: the --facts directory)",
    )
    check.set_defaults(handler=cmd_check)

    stats = commands.add_parser(
        "stats",
        help="count films, people, credits and files",
        description="Count the films (and those not released), people, credits and files of "
        "the catalog, and show where its store is. Brings the store up to date first, as "
        "'ask' does.",
    )
    stats.add_argument("--json", action="store_true", help="print the counts as JSON")
    stats.set_defaults(handler=cmd_stats)

    importer = commands.add_parser(
        "import",
        help="convert an external knowledge base into facts files",
        description="Convert an external knowledge base into facts files that "
        "'film-bot --facts DIR' then serves.",
    )
    importer.add_argument("format", choices=("metaqa", "imdb"), help="the knowledge base's format")
    importer.add_argument(
        "source",
        type=Path,
        help="metaqa: the knowledge base file (kb.txt); imdb: the directory holding IMDb's "
        "dataset files (title.basics.tsv.gz, …)",
    )
    importer.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar="DIR",
        help="the directory to write facts files into",
    )
    importer.add_argument(
        "--per-file",
        type=int,
        default=250,
        metavar="N",
        help="metaqa: films per facts file (default: 250)",
    )
    importer.add_argument(
        "--min-votes",
        type=int,
        default=0,
        metavar="N",
        help="imdb: only titles with at least N votes (default: 0)",
    )
    importer.add_argument(
        "--since", type=int, metavar="YEAR", help="imdb: only titles from YEAR on"
    )
    importer.add_argument(
        "--types",
        default="movie",
        metavar="TYPE,…",
        help="imdb: the title types to import, e.g. movie,tvMovie (default: movie)",
    )
    importer.add_argument(
        "--include-adult",
        action="store_true",
        help="imdb: import adult titles too (left out by default)",
    )
    importer.set_defaults(handler=cmd_import)

    add_discovery_commands(commands)

    run = commands.add_parser(
        "run",
        help="start the Discord bot",
        description="Start the Discord bot (needs "
        "DISCORD_TOKEN). Slash commands are not synced here: use 'film-bot sync'.",
    )
    run.set_defaults(handler=cmd_run)

    sync = commands.add_parser(
        "sync",
        help="register the slash commands with Discord",
        description="Register the slash commands with Discord (needs DISCORD_TOKEN). Run it "
        "once after installing or upgrading, not on every start. By default it syncs to "
        "$FILM_BOT_DEV_GUILD (instant, for development); --global syncs everywhere (Discord "
        "may take up to an hour to show them), with /facts only in $FILM_BOT_ADMIN_GUILD_IDS "
        "when set.",
    )
    where = sync.add_mutually_exclusive_group()
    where.add_argument("--guild", type=int, metavar="ID", help="sync to this guild only")
    where.add_argument("--global", dest="everywhere", action="store_true", help="sync globally")
    sync.set_defaults(handler=cmd_sync)
    return parser


def add_discovery_commands(commands: argparse._SubParsersAction) -> None:
    """``film``, ``person``, ``browse``, ``random`` and ``similar``: what the slash
    commands of the same names answer in Discord."""
    film = commands.add_parser(
        "film",
        help="a film's card: credits, status and sources",
        description="Show everything the catalog holds about one film: its crew, cast, "
        "status and sources. A title several films share lists them with their ids.",
    )
    film.add_argument("title", nargs="+", help="the film's title, or its id (e.g. heat-1995)")
    film.add_argument("--json", action="store_true", help="print the card as one JSON object")
    film.set_defaults(handler=cmd_film)

    person = commands.add_parser(
        "person",
        help="someone's films by role",
        description="Show a person's films by role, age or life years and best-known films.",
    )
    person.add_argument("name", nargs="+", help="the person's name")
    person.add_argument("--json", action="store_true", help="print the card as one JSON object")
    person.set_defaults(handler=cmd_person)

    browse = commands.add_parser(
        "browse",
        help="list films by genre, years, person or status",
        description="List the catalog's films, ten a page, newest first unless --sort.",
    )
    _filter_options(browse)
    browse.add_argument("--person", metavar="P", help="someone who made or played in the films")
    browse.add_argument(
        "--sort", choices=tuple(SORTS), default="newest", help="the order (default: newest)"
    )
    browse.add_argument("--page", type=int, default=1, metavar="N", help="which page (from 1)")
    browse.add_argument("--json", action="store_true", help="print the page as one JSON object")
    browse.set_defaults(handler=cmd_browse)

    pick = commands.add_parser(
        "random",
        help="pick a film at random",
        description="Pick a released film at random (any status given with --status).",
    )
    _filter_options(pick)
    pick.add_argument("--json", action="store_true", help="print the film as one JSON object")
    pick.set_defaults(handler=cmd_random)

    similar = commands.add_parser(
        "similar",
        help="films like one you name",
        description="The films that share the most with one (director, writers, cast, "
        "composer, genres, tags, setting), each with what it shares.",
    )
    similar.add_argument("title", nargs="+", help="the film's title")
    similar.add_argument("--json", action="store_true", help="print the films as one JSON object")
    similar.set_defaults(handler=cmd_similar)


def _filter_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--genre", metavar="G", help="a genre, e.g. drama")
    parser.add_argument(
        "--year", metavar="Y", help="a year (1999), a decade (1990s, 90s) or a range (1990-1999)"
    )
    parser.add_argument("--status", metavar="S", help=f"one of {', '.join(STATUSES)}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    try:
        settings = Settings()
    except ValidationError as exc:
        for error in exc.errors(include_url=False):
            name = ".".join(str(p) for p in error["loc"]) or "settings"
            print(f"film-bot: bad setting {name}: {error['msg']}", file=sys.stderr)
        return EXIT_USAGE
    if args.facts is not None:
        settings.facts_dir = args.facts
    if args.db is not None:
        settings.db_path = args.db
    default_level = "INFO" if args.command == "run" else "WARNING"
    logging.basicConfig(
        level=args.log_level or (settings.log_level if args.command == "run" else default_level),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    try:
        return int(args.handler(args, settings) or EXIT_OK)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


def open_store(settings: Settings, bar: Bar | None = None) -> Store:
    return Store(
        settings.facts_dir,
        settings.resolved_db_path(),
        display_root=str(settings.facts_dir),
        max_file_bytes=settings.max_file_bytes,
        workers=settings.workers,
        progress=bar if bar is not None and bar.enabled else None,
    )


@asynccontextmanager
async def serving(settings: Settings, *, quiet: bool = False) -> AsyncIterator[Store]:
    """An open store; facts problems are reported on stderr, the last good catalog kept.

    A long load shows a progress bar when stderr is a terminal, unless ``quiet``.
    """
    bar = Bar(enabled=progress.wanted(quiet=quiet))
    store = open_store(settings, bar)
    try:
        with bar:
            report = await store.open()
        if not report.ok and report.errors:
            _print_errors(report.errors, sys.stderr)
            print(
                f"film-bot: {len(report.errors)} problem(s) in the facts files; answering from "
                "the last good catalog",
                file=sys.stderr,
            )
        yield store
    finally:
        await store.close()


def cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    questions = _questions(args.question)
    if questions is None:
        return _interactive(settings)
    return asyncio.run(_ask_all(settings, questions, as_json=args.json, out=sys.stdout))


def _questions(words: list[str]) -> Iterator[str] | None:
    if words == ["-"] or (not words and not sys.stdin.isatty()):
        return (line.rstrip("\n") for line in sys.stdin if line.strip())
    if words:
        return iter([" ".join(words)])
    return None


async def _ask_all(
    settings: Settings, questions: Iterator[str], *, as_json: bool, out: TextIO
) -> int:
    try:
        async with serving(settings, quiet=as_json) as store:
            said: Answer | None = None  # the last answer, which "it" or "he" may stand for
            for question in questions:
                reply = await answer(question, store.catalog, previous=said)
                said = reply if reply.kind == "answer" else said
                if as_json:
                    out.write(json.dumps(reply.to_json(), ensure_ascii=False) + "\n")
                else:
                    out.write(reply.text + "\n")
                out.flush()
    except CatalogInvalid as exc:
        _print_errors(exc.errors, sys.stderr)
        print(f"film-bot: no catalog to answer from ({exc})", file=sys.stderr)
        return EXIT_PROBLEMS
    return EXIT_OK


def _interactive(settings: Settings) -> int:
    print("film-bot: ask about films (an empty line or Ctrl-D quits).")
    # The dictionary that tells English words from misspelt names is read while the first
    # question is typed, not when a question first needs it.
    threading.Thread(target=read_english, daemon=True).start()

    def lines() -> Iterator[str]:
        while True:
            try:
                line = input("> ")
            except EOFError:
                return
            if not line.strip():
                return
            yield line

    return asyncio.run(_ask_all(settings, lines(), as_json=False, out=sys.stdout))


def cmd_check(args: argparse.Namespace, settings: Settings) -> int:
    facts_dir: Path = args.dir or settings.facts_dir
    result = check_directory(facts_dir, None, settings.max_file_bytes, settings.workers)
    if not result.ok:
        _print_errors(result.errors, sys.stdout)
        bad = len({e.path for e in result.errors})
        print(
            f"{len(result.errors)} problem(s) in {bad} of {max(result.files, 1)} file(s)",
            file=sys.stderr,
        )
        return EXIT_PROBLEMS
    print(f"ok: {result.films} films in {result.files} files", file=sys.stderr)
    return EXIT_OK


def cmd_stats(args: argparse.Namespace, settings: Settings) -> int:
    async def run() -> int:
        try:
            async with serving(settings, quiet=args.json) as store:
                stats = await store.catalog.stats()
        except CatalogInvalid as exc:
            _print_errors(exc.errors, sys.stderr)
            return EXIT_PROBLEMS
        figures = {
            "films": stats.films,
            "unreleased": stats.unconfirmed,
            "people": stats.people,
            "credits": stats.credits,
            "files": stats.files,
            "store": str(store.db_path) if settings.db_path != ":memory:" else ":memory:",
        }
        if args.json:
            print(json.dumps(figures))
        else:
            width = max(len(k) for k in figures)
            for key, value in figures.items():
                print(f"{key:<{width}}  {value}")
        return EXIT_OK

    return asyncio.run(run())


def cmd_import(args: argparse.Namespace, settings: Settings) -> int:
    if args.format == "imdb":
        return _import_imdb(args, settings)
    from bot.importers.metaqa import import_metaqa

    if not args.source.is_file():
        print(f"film-bot: {args.source}: no such file", file=sys.stderr)
        return EXIT_USAGE
    if args.per_file < 1:
        print("film-bot: --per-file must be at least 1", file=sys.stderr)
        return EXIT_USAGE
    with Bar(enabled=progress.wanted()) as bar:
        report = import_metaqa(args.source, args.out, per_file=args.per_file, progress=bar)
    print(
        f"imported {report.films} films ({report.titles} titles, {report.shared_titles} shared "
        f"by several films) from {report.facts} facts into {len(report.files)} files in "
        f"{args.out}",
        file=sys.stderr,
    )
    for skipped in report.skipped[:10]:
        print(f"film-bot: skipped {skipped}", file=sys.stderr)
    return EXIT_OK


def _import_imdb(args: argparse.Namespace, settings: Settings) -> int:
    from bot.importers.imdb import ImdbOptions, ImportProblem, import_imdb

    if not args.source.is_dir():
        print(f"film-bot: {args.source}: not a directory of IMDb files", file=sys.stderr)
        return EXIT_USAGE
    types = tuple(t.strip() for t in args.types.split(",") if t.strip())
    if not types or args.min_votes < 0:
        print("film-bot: --types needs a title type; --min-votes 0 or more", file=sys.stderr)
        return EXIT_USAGE
    options = ImdbOptions(
        min_votes=args.min_votes,
        since=args.since,
        types=types,
        include_adult=args.include_adult,
    )
    try:
        with Bar(enabled=progress.wanted()) as bar:
            report = import_imdb(
                args.source, args.out, options, max_file_bytes=settings.max_file_bytes, progress=bar
            )
    except ImportProblem as exc:
        print(f"film-bot: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    skipped = ", ".join(f"{n} {why}" for why, n in sorted(report.skipped.items()))
    print(
        f"imported {report.films} films and {report.people} people from {report.titles_read} "
        f"IMDb titles into {len(report.files)} files in {args.out} ({len(report.written)} "
        f"written, {len(report.files) - len(report.written)} unchanged, "
        f"{len(report.removed)} removed) in {report.seconds:.1f}s",
        file=sys.stderr,
    )
    if skipped:
        print(f"film-bot: skipped {skipped}", file=sys.stderr)
    for name in report.missing:
        print(
            f"film-bot: no {name}.tsv.gz in {args.source}: its facts are left out", file=sys.stderr
        )
    return EXIT_OK


def _film_json(film: FilmSummary, directors: Sequence[str] | None = None) -> dict[str, object]:
    shown: dict[str, object] = {
        "id": film.slug,
        "title": film.title,
        "year": film.year,
        "status": film.status,
    }
    if directors is not None:
        shown["directors"] = list(directors)
    return {**shown, "rating": film.rating, "votes": film.votes}


def _discover(
    settings: Settings, as_json: bool, work: Callable[[Catalog], Awaitable[tuple[object, bool]]]
) -> int:
    """Run ``work`` on the served catalog; it returns what to print and whether it found any."""

    async def run() -> int:
        try:
            async with serving(settings, quiet=as_json) as store:
                shown, found = await work(store.catalog)
        except CatalogInvalid as exc:
            _print_errors(exc.errors, sys.stderr)
            return EXIT_PROBLEMS
        except FilterError as exc:
            print(f"film-bot: {exc}", file=sys.stderr)
            return EXIT_USAGE
        print(json.dumps(shown, ensure_ascii=False) if as_json else shown)
        return EXIT_OK if found else EXIT_PROBLEMS

    return asyncio.run(run())


def cmd_film(args: argparse.Namespace, settings: Settings) -> int:
    from bot.discord.choices import find_film, prequel_label

    title = " ".join(args.title)

    async def work(catalog: Catalog) -> tuple[object, bool]:
        match = await find_film(catalog, title)
        if match.film is not None:
            follows = await prequel_label(catalog, match.film)
            if args.json:
                return film_json(match.film, follows), True
            return film_text(match.film, follows), True
        if match.candidates:
            message = f"{len(match.candidates)} films are called “{title}”; name one by its id:"
            listed = [f"{f.label}: film-bot film {f.slug}" for f in match.candidates]
            message = "\n".join([message, *(f"  {line}" for line in listed)])
        else:
            message = unknown_text("a film called", title, [f.label for f in match.suggestions])
        if args.json:
            candidates = [_film_json(f) for f in match.candidates]
            return {"film": None, "candidates": candidates, "message": message}, False
        return message, False

    return _discover(settings, args.json, work)


def cmd_person(args: argparse.Namespace, settings: Settings) -> int:
    from bot.discord.choices import find_person

    name = " ".join(args.name)

    async def work(catalog: Catalog) -> tuple[object, bool]:
        match = await find_person(catalog, name)
        if match.person is not None:
            if args.json:
                return person_json(match.person), True
            return person_text(match.person, dt.date.today()), True
        if match.candidates:
            message = f"{len(match.candidates)} people are called “{name}”:"
            for person in match.candidates:
                films = ", ".join(f.label for f in person.known_for(2))
                message += f"\n  {person.name} (id {person.id}): {films}"
        else:
            message = unknown_text("anyone called", name, match.suggestions)
        if args.json:
            return {"person": None, "message": message}, False
        return message, False

    return _discover(settings, args.json, work)


def cmd_browse(args: argparse.Namespace, settings: Settings) -> int:
    async def work(catalog: Catalog) -> tuple[object, bool]:
        query = query_from_options(
            genre=await genre_named(catalog, args.genre),
            year=args.year,
            person=args.person,
            status=args.status,
        )
        offset = max(args.page - 1, 0) * PAGE_SIZE
        page = await browse(catalog, query, args.sort, offset=offset)
        message = await nothing_found(catalog, query) if not page.total else None
        if page.total and not page.films:
            pages = "1 page" if page.pages == 1 else f"{page.pages} pages"
            message = f"Page {args.page} is past the last page: {page.total} films make {pages}."
        if args.json:
            films = [_film_json(f, page.directors.get(f.id, ())) for f in page.films]
            shown = {
                "query": query.describe(),
                "sort": args.sort,
                "total": page.total,
                "page": page.page,
                "pages": page.pages,
                "films": films,
                **({"message": message} if message else {}),
            }
            return shown, bool(page.films)
        if message:
            return message, False
        said = sort_said(
            page if page.offset == 0 else await browse(catalog, query, args.sort), args.sort
        )
        lines = [f"Films: {query.describe()} ({page.total}, sorted by {said}, "]
        lines[0] += f"page {page.page} of {page.pages})"
        lines += [
            f"{n}. {film_line(f, page.directors.get(f.id, ()))}"
            for n, f in enumerate(page.films, start=page.offset + 1)
        ]
        return "\n".join(lines), True

    return _discover(settings, args.json, work)


def cmd_random(args: argparse.Namespace, settings: Settings) -> int:
    async def work(catalog: Catalog) -> tuple[object, bool]:
        query = query_from_options(
            genre=await genre_named(catalog, args.genre),
            year=args.year,
            status=args.status,
            default_statuses=("released",),
        )
        picked = await random_films(catalog, query)
        if not picked:
            message = await nothing_found(catalog, query)
            return (
                ({"query": query.describe(), "film": None, "message": message}, False)
                if (args.json)
                else (message, False)
            )
        film = picked[0]
        directors = [name for _, _, name in await catalog.people_of_films([film.id], "director")]
        if args.json:
            return {"query": query.describe(), "film": _film_json(film, directors)}, True
        return film_line(film, directors), True

    return _discover(settings, args.json, work)


def cmd_similar(args: argparse.Namespace, settings: Settings) -> int:
    title = " ".join(args.title)

    async def work(catalog: Catalog) -> tuple[object, bool]:
        titled = await catalog.films_titled(title)
        if not titled:
            near = [f.label for f in await catalog.complete_titles(title, limit=3)]
            message = unknown_text("a film called", title, near)
            return (
                {"film": None, "similar": [], "message": message} if args.json else message
            ), False
        film = titled[0]  # the best known of the films that share the title
        found = await similar_films(catalog, film.id)
        if args.json:
            similar = [
                {**_film_json(s.film), "score": s.score, "reasons": list(s.reasons)} for s in found
            ]
            return {"film": _film_json(film), "similar": similar}, bool(found)
        lines = [f"Films like {film.label}:"]
        lines += [
            f"{n}. {film_line(s.film)} — {'; '.join(s.reasons)}" for n, s in enumerate(found, 1)
        ]
        if len(titled) > 1:
            others = ", ".join(f.label for f in titled[1:4])
            lines.append(f"(Other films share the title: {others}.)")
        if note := await merged_films_note(catalog, [film, *(s.film for s in found)]):
            lines.append(note.strip())
        return "\n".join(lines), bool(found)

    return _discover(settings, args.json, work)


def _missing_token(settings: Settings) -> bool:
    if settings.discord_token is None or not settings.discord_token.get_secret_value().strip():
        print(
            "film-bot: DISCORD_TOKEN is not set; put it in .env or the environment "
            "(see .env.example). 'film-bot ask' works without it.",
            file=sys.stderr,
        )
        return True
    return False


def cmd_run(args: argparse.Namespace, settings: Settings) -> int:
    if _missing_token(settings):
        return EXIT_USAGE
    _leave_on_stop_signals()
    from bot.discord.launcher import run_bot

    return run_bot(settings)


def _leave_on_stop_signals() -> None:
    # Until the bot's own stop handlers are in place (loading discord.py takes a moment),
    # a stop has nothing to clean up: leave at once, successfully.
    def leave(signum: int, frame: object) -> None:
        sys.exit(EXIT_OK)

    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, leave)


def cmd_sync(args: argparse.Namespace, settings: Settings) -> int:
    guild = args.guild if args.guild is not None else settings.dev_guild
    if not args.everywhere and guild is None:
        print(
            "film-bot: say where to sync: --guild ID, FILM_BOT_DEV_GUILD, or --global",
            file=sys.stderr,
        )
        return EXIT_USAGE
    if _missing_token(settings):
        return EXIT_USAGE
    from bot.discord.launcher import sync_commands

    return sync_commands(settings, None if args.everywhere else guild)


def _print_errors(errors: Sequence[CatalogError], stream: TextIO) -> None:
    for error in sorted(errors):
        print(str(error), file=stream)
