"""Embeds for films, people, answers and admin reports, always within Discord's limits."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import discord
from discord.utils import escape_markdown

from bot import cards
from bot.answering.reply import Answer
from bot.cards import UNRELEASED_NOTE, cast_line, claim, film_facts, person_about, person_lines
from bot.catalog.errors import CatalogError
from bot.discord.choices import FilmMatch, film_choice_name
from bot.store.catalog import (
    CatalogStats,
    FilmRecord,
    FilmSummary,
    PersonRecord,
    SourceRecord,
)
from bot.store.discovery import FilmPage, FilmQuery, SimilarFilm, film_line
from bot.store.live import ReloadReport

TITLE_MAX = 256
DESCRIPTION_MAX = 4096
FIELDS_MAX = 25
FIELD_NAME_MAX = 256
FIELD_VALUE_MAX = 1024
FOOTER_MAX = 2048
TOTAL_MAX = 6000

CAST_PER_PAGE = 15
CREDITS_PER_PAGE = 20

COLOUR_RELEASED = discord.Colour.blurple()
COLOUR_CLAIM = discord.Colour.orange()
COLOUR_PROBLEM = discord.Colour.red()
COLOUR_OK = discord.Colour.green()


def clamp(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, ending in an ellipsis when cut."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def lines_within(
    lines: Sequence[str], limit: int = FIELD_VALUE_MAX, total: int | None = None
) -> str:
    """As many whole lines as fit in ``limit``, then ``… and N more`` (of ``total`` lines
    when given: ``lines`` are then the first of them)."""
    total = len(lines) if total is None else max(total, len(lines))
    kept: list[str] = []
    used = 0
    for index, line in enumerate(lines):
        line = clamp(line, limit - 20)
        rest = total - index - 1
        tail = len(f"\n… and {rest} more") if rest else 0
        if used + len(line) + 1 + tail > limit:
            kept.append(f"… and {total - index} more")
            break
        kept.append(line)
        used += len(line) + 1
    else:
        if total > len(lines):
            kept.append(f"… and {total - len(lines)} more")
    return "\n".join(kept) or "—"


def fit(embed: discord.Embed) -> discord.Embed:
    """Enforce every embed limit, shrinking the largest parts first when over 6000."""
    if embed.title:
        embed.title = clamp(embed.title, TITLE_MAX)
    if embed.description:
        embed.description = clamp(embed.description, DESCRIPTION_MAX)
    fields = [
        (
            clamp(f.name or "\u200b", FIELD_NAME_MAX),
            clamp(f.value or "—", FIELD_VALUE_MAX),
            f.inline,
        )
        for f in embed.fields[:FIELDS_MAX]
    ]
    embed.clear_fields()
    for name, value, inline in fields:
        embed.add_field(name=name, value=value, inline=bool(inline))
    if embed.footer.text:
        embed.set_footer(text=clamp(embed.footer.text, FOOTER_MAX))
    while len(embed) > TOTAL_MAX:
        excess = len(embed) - TOTAL_MAX
        longest = max(range(len(embed.fields)), key=lambda i: len(embed.fields[i].value or ""))
        field_len = len(embed.fields[longest].value or "") if embed.fields else 0
        if embed.description and len(embed.description) >= field_len:
            embed.description = clamp(embed.description, max(1, len(embed.description) - excess))
        elif field_len > 1:
            item = embed.fields[longest]
            embed.set_field_at(
                longest,
                name=item.name or "\u200b",
                value=clamp(item.value or "—", max(1, field_len - excess)),
                inline=bool(item.inline),
            )
        else:
            embed.remove_field(len(embed.fields) - 1)
    return embed


def names(values: Iterable[str]) -> str:
    return ", ".join(escape_markdown(v) for v in values)


def status_banner(film: FilmRecord) -> str:
    """``⚠ Unconfirmed — claimed by: …`` for anything that is not released."""
    if film.summary.confirmed:
        return ""
    status, claimed, why = claim(film)
    reason = f" ({why})" if why else ""
    return (
        f"⚠️ **{status.capitalize()}** — claimed by: {escape_markdown(claimed)}.\n"
        f"Everything below is a claim, not a confirmed fact{reason}."
    )


def source_lines(sources: Sequence[SourceRecord]) -> list[str]:
    lines = []
    for source in sources:
        label = escape_markdown(source.text or source.url or "")
        line = f"[{label}]({source.url})" if source.url and source.text else source.url or label
        if source.note:
            line += f" — {escape_markdown(source.note)}"
        lines.append(line)
    return lines or ["no source given"]


def cast_lines(film: FilmRecord) -> list[str]:
    return [cast_line(credit, escape_markdown) for credit in film.people("cast")]


def cast_page_count(film: FilmRecord) -> int:
    return max(1, -(-len(film.people("cast")) // CAST_PER_PAGE))


def film_embed(film: FilmRecord, page: int = 0, *, follows: str | None = None) -> discord.Embed:
    """The ``/film`` card; ``page`` picks which slice of a long cast is shown, ``follows``
    names the film it is a sequel to."""
    confirmed = film.summary.confirmed
    parts = [status_banner(film)] if not confirmed else []
    if film.synopsis:
        parts.append(escape_markdown(film.synopsis))
    if film.tagline:
        parts.append(f"*{escape_markdown(film.tagline)}*")
    url = next((s.url for s in film.sources if s.url), None)
    embed = discord.Embed(
        title=clamp(film.label, TITLE_MAX),
        url=url,
        description=clamp("\n\n".join(parts), DESCRIPTION_MAX) or None,
        colour=COLOUR_RELEASED if confirmed else COLOUR_CLAIM,
    )
    for heading, values in film_facts(film, follows):
        embed.add_field(name=heading, value=clamp(names(values), FIELD_VALUE_MAX))
    cast = cast_lines(film)
    if cast:
        pages = cast_page_count(film)
        page = min(max(page, 0), pages - 1)
        chunk = cast[page * CAST_PER_PAGE : (page + 1) * CAST_PER_PAGE]
        heading = "Cast" if pages == 1 else f"Cast ({len(cast)}; page {page + 1} of {pages})"
        embed.add_field(name=heading, value=lines_within(chunk), inline=False)
    if film.trailer:
        embed.add_field(name="Trailer", value=film.trailer, inline=False)
    embed.add_field(name="Sources", value=lines_within(source_lines(film.sources)), inline=False)
    status = "released" if confirmed else film.summary.status
    embed.set_footer(text=f"Status: {status} · {film.file}")
    if film.poster:
        embed.set_thumbnail(url=film.poster)
    return fit(embed)


def person_page_count(person: PersonRecord) -> int:
    return max(1, -(-len(person_lines(person)) // CREDITS_PER_PAGE))


def person_embed(
    person: PersonRecord, page: int = 0, *, today: dt.date | None = None
) -> discord.Embed:
    """The ``/person`` card: age or life years, best-known films, and the person's films by
    role, paginated when long."""
    lines = person_lines(person, escape_markdown)
    pages = person_page_count(person)
    page = min(max(page, 0), pages - 1)
    about = person_about(person, today or dt.date.today(), escape_markdown)
    embed = discord.Embed(
        title=clamp(person.name, TITLE_MAX),
        description="\n".join(about) or None,
        colour=COLOUR_RELEASED,
    )
    grouped: dict[str, list[str]] = {}
    for heading, line in lines[page * CREDITS_PER_PAGE : (page + 1) * CREDITS_PER_PAGE]:
        grouped.setdefault(heading, []).append(line)
    for heading, items in grouped.items():
        embed.add_field(name=heading, value=lines_within(items), inline=False)
    if any(not c.film.confirmed for c in person.credits):
        embed.add_field(name="Note", value=UNRELEASED_NOTE, inline=False)
    footer = f"{len({c.film.id for c in person.credits})} films"
    if pages > 1:
        footer += f" · page {page + 1} of {pages}"
    embed.set_footer(text=footer)
    return fit(embed)


def browse_embed(page: FilmPage, query: FilmQuery, sort: str) -> discord.Embed:
    """A ``/browse`` page: one line per film, the total and the page in the footer."""
    lines = [
        f"{number}. {escape_markdown(film_line(film, page.directors.get(film.id, ())))}"
        for number, film in enumerate(page.films, start=page.offset + 1)
    ]
    embed = discord.Embed(
        title=clamp(f"Films: {query.describe()}", TITLE_MAX),
        description=lines_within(lines, DESCRIPTION_MAX),
        colour=COLOUR_RELEASED,
    )
    films = "film" if page.total == 1 else "films"
    embed.set_footer(
        text=f"{page.total} {films} · sorted by {sort} · page {page.page} of {page.pages}"
    )
    return fit(embed)


def similar_embed(
    film: FilmSummary, similar: Sequence[SimilarFilm], note: str = ""
) -> discord.Embed:
    """``/similar``: the films most like ``film``, each with what they share, and ``note``
    (on where ``film``'s facts came from) above how they were ranked."""
    lines = [
        f"**{escape_markdown(film_line(item.film))}**\n{escape_markdown('; '.join(item.reasons))}"
        for item in similar
    ]
    embed = discord.Embed(
        title=clamp(f"Films like {film.label}", TITLE_MAX),
        description=lines_within(lines, DESCRIPTION_MAX) if lines else "No film shares enough.",
        colour=COLOUR_RELEASED,
    )
    ranked = "Ranked by shared director, writers, cast, composer, genres and tags"
    embed.set_footer(text=f"{note}\n{ranked}" if note else ranked)
    return fit(embed)


def answer_embed(question: str, reply: Answer) -> discord.Embed:
    """An ``/ask`` reply: what was asked, and the engine's answer."""
    claim = any(not film.confirmed for film in reply.films)
    embed = discord.Embed(
        description=clamp(escape_markdown(reply.text), DESCRIPTION_MAX),
        colour=COLOUR_CLAIM if claim else COLOUR_RELEASED,
    )
    embed.set_author(name=clamp(f"❓ {question}", FIELD_NAME_MAX))
    if reply.suggestions:
        embed.add_field(
            name="Did you mean",
            value=lines_within([escape_markdown(s) for s in reply.suggestions]),
            inline=False,
        )
    return fit(embed)


def unknown_text(what: str, typed: str, suggestions: Sequence[str]) -> str:
    """:func:`bot.cards.unknown_text` with the user's text made safe for Discord."""
    return cards.unknown_text(what, typed, suggestions, escape_markdown)


def film_match_text(match: FilmMatch, typed: str) -> str:
    """What to say when a typed title is not one film: the films that share it, or the
    titles it may have meant."""
    if match.candidates:
        listed = "\n".join(f"• {escape_markdown(film_choice_name(f))}" for f in match.candidates)
        return (
            f"{len(match.candidates)} films are called that:\n{listed}\n"
            "Pick one from the list as you type to see its card."
        )
    suggestions = [film_choice_name(f) for f in match.suggestions]
    return unknown_text("a film called", typed, suggestions)


HELP_COMMANDS = (
    ("/film title:", "a film's card: credits, status and sources"),
    ("/person name:", "someone's films by role, age and best-known films"),
    ("/browse", "films by genre, year or decade, person or status, ten a page"),
    ("/random", "a film picked at random (released ones), and 🎲 for another"),
    ("/similar title:", "the films that share the most with one, and why"),
    ("/ask question:", "any question in your own words"),
    ("/help", "this help"),
)
HELP_EXAMPLES = (
    "who directed heat?",
    "films with tom hanks and meg ryan",
    "what year did the matrix come out",
    "who plays nova in alita 2",
    "science fiction films from 2019",
)
HELP_ADMIN = (
    "`/facts reload`: rebuild the catalog from the facts files; reports what changed, or "
    "every `path:line: problem` while the previous catalog keeps answering",
    "`/facts check`: validate the files without loading them",
    "`/facts stats`: counts of films, people, credits and files",
    "To change a fact, edit its YAML file in `facts/` (see facts/README.md), run "
    "`film-bot check`, then `/facts reload`.",
)


def help_embed(*, admin: bool) -> discord.Embed:
    """``/help`` and a bare mention: every command, example questions, and for admins how
    to reload the catalog."""
    embed = discord.Embed(
        title="film-bot: what I can do",
        description="I answer from a curated catalog of films; a film that is not released "
        "is always shown with its status and where the claim comes from.",
        colour=COLOUR_RELEASED,
    )
    embed.add_field(
        name="Commands",
        value=lines_within([f"`{name}` {what}" for name, what in HELP_COMMANDS]),
        inline=False,
    )
    embed.add_field(
        name="Ask in your own words",
        value=lines_within(
            ["With `/ask`, by mentioning me, or in a DM; typos are fine:"]
            + [f"• {example}" for example in HELP_EXAMPLES]
        ),
        inline=False,
    )
    if admin:
        embed.add_field(
            name="Catalog admins", value=lines_within([f"• {line}" for line in HELP_ADMIN])
        )
    return fit(embed)


def notice_embed(title: str, text: str, *, problem: bool = True) -> discord.Embed:
    return fit(
        discord.Embed(
            title=title, description=text, colour=COLOUR_PROBLEM if problem else COLOUR_OK
        )
    )


# An absolute path of two parts or more, where a word starts (not the path of a URL).
_HOST_PATH = re.compile(r"(?<![\w:/.~-])/(?:[^\s/'\"`:;,()]+/)+([^\s/'\"`:;,()]*)")


def without_host_paths(text: str) -> str:
    """Absolute paths cut to their last part: replies never show how the host is laid out."""
    return _HOST_PATH.sub(lambda match: match.group(1) or "…", text)


def error_lines(errors: Sequence[CatalogError]) -> list[str]:
    return [without_host_paths(str(e)) for e in errors]


def _film_list(items: Sequence[str], total: int) -> str:
    return lines_within([escape_markdown(i) for i in items], total=total)


def reload_embed(report: ReloadReport, *, shown_errors: int = 15) -> discord.Embed:
    """What ``/facts reload`` did: the changes, or every problem and what is still served."""
    if report.in_progress:
        return notice_embed(
            "Reload in progress",
            "Another reload is running right now; the current catalog keeps answering. "
            "Try again when it has finished.",
        )
    if not report.ok:
        errors = error_lines(report.errors)
        body = "\n".join(f"`{escape_markdown(line)}`" for line in errors[:shown_errors])
        more = len(errors) - shown_errors
        if more > 0:
            body += f"\n… and {more} more (see the attached file)"
        embed = notice_embed(
            f"Reload failed: {len(errors)} problem(s)",
            body + "\n\n**The previous catalog is still serving**; nothing was changed.",
        )
        return fit(embed)
    if report.unchanged:
        text = f"No facts file changed; {report.films} films are served as before."
    else:
        text = (
            f"{report.films} films served now ({report.files_parsed} file(s) read, "
            f"{report.files_reused} unchanged) in {report.seconds:.2f} s."
        )
    embed = discord.Embed(title="Catalog reloaded", description=text, colour=COLOUR_OK)
    for heading, items, count in (
        ("Added", report.added, report.added_count),
        ("Changed", report.changed, report.changed_count),
        ("Removed", report.removed, report.removed_count),
    ):
        if count:
            embed.add_field(name=f"{heading} ({count})", value=_film_list(items, count))
    for note in report.notes[:3]:
        embed.add_field(name="Note", value=escape_markdown(without_host_paths(note)), inline=False)
    return fit(embed)


def check_embed(errors: Sequence[CatalogError], files: int, films: int) -> discord.Embed:
    if not errors:
        return notice_embed(
            "Facts files are valid", f"{films} films in {files} file(s).", problem=False
        )
    lines = error_lines(errors)
    body = "\n".join(f"`{escape_markdown(line)}`" for line in lines[:15])
    if len(lines) > 15:
        body += f"\n… and {len(lines) - 15} more (see the attached file)"
    return notice_embed(f"{len(lines)} problem(s) in the facts files", body)


@dataclass(frozen=True)
class Health:
    """How the running bot is doing, for its admins."""

    uptime_s: float
    catalog_age_s: float | None  # since the catalog served now was loaded
    last_reload: ReloadReport | None
    last_reload_age_s: float | None
    latency_s: float | None  # the gateway's heartbeat round trip; None when not connected
    shard: str


def duration(seconds: float) -> str:
    """``45 s``, ``12 min``, ``3 h 5 min``, ``2 d 4 h``."""
    seconds = max(0, int(seconds))
    if seconds < 60:
        return f"{seconds} s"
    minutes, hours, days = seconds // 60, seconds // 3600, seconds // 86400
    if hours == 0:
        return f"{minutes} min"
    if days == 0:
        return f"{hours} h {minutes % 60} min"
    return f"{days} d {hours % 24} h"


def reload_summary(report: ReloadReport) -> str:
    """What the last reload did, in a few words."""
    if not report.ok:
        kept = "; the previous catalog kept serving" if report.serving_previous else ""
        return f"failed: {len(report.errors)} problem(s){kept}"
    if report.unchanged:
        return f"ok, nothing changed ({report.films} films)"
    changes = (
        f"{report.added_count} added, {report.changed_count} changed, "
        f"{report.removed_count} removed"
    )
    return f"ok, {report.films} films ({changes})"


def _health_fields(embed: discord.Embed, health: Health) -> None:
    embed.add_field(name="Uptime", value=duration(health.uptime_s))
    loaded = "—" if health.catalog_age_s is None else f"{duration(health.catalog_age_s)} ago"
    embed.add_field(name="Catalog loaded", value=loaded)
    if health.last_reload is None or health.last_reload_age_s is None:
        last = "none yet"
    else:
        last = f"{reload_summary(health.last_reload)}, {duration(health.last_reload_age_s)} ago"
    embed.add_field(name="Last reload", value=without_host_paths(last), inline=False)
    seconds = health.latency_s
    connected = seconds is not None and math.isfinite(seconds)
    latency = f"{seconds * 1000:.0f} ms" if connected and seconds is not None else "not connected"
    embed.add_field(name="Gateway latency", value=latency)
    embed.add_field(name="Shard", value=health.shard)


def stats_embed(
    stats: CatalogStats, *, facts_dir: str, reloading: bool, health: Health | None = None
) -> discord.Embed:
    """``/facts stats``: the catalog's counts and, with ``health``, how the bot is doing."""
    embed = discord.Embed(title="Catalog", colour=COLOUR_RELEASED)
    embed.add_field(name="Films", value=str(stats.films))
    embed.add_field(name="Not released", value=str(stats.unconfirmed))
    embed.add_field(name="People", value=str(stats.people))
    embed.add_field(name="Credits", value=str(stats.credits))
    embed.add_field(name="Files", value=str(stats.files))
    if health is not None:
        _health_fields(embed, health)
    shown = without_host_paths(facts_dir)
    embed.set_footer(text=f"{shown}{' · reloading now' if reloading else ''}")
    return fit(embed)
