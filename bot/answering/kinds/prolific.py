"""The people credited on the most films: "who has been in the most movies", "which
director has the most films", "most prolific composer"."""

from __future__ import annotations

import re

from bot.answering.context import Context
from bot.answering.reply import Answer, join_names

SHOWN_NEXT = 5  # people named after those with the most films

_ROLE_WORDS = (
    ("cast", r"actors?|actress(?:es)?|stars?|starred|starring|acted|appeared|been in|in the cast"),
    ("director", r"directors?|directed"),
    ("writer", r"writers?|screenwriters?|wrote|written"),
    ("composer", r"composers?|scored|composed"),
    ("producer", r"producers?|produced"),
)
_ROLE = [(role, re.compile(rf"\b(?:{words})\b")) for role, words in _ROLE_WORDS]
_MOST = re.compile(
    r"^(?:who|whos|which|what)\b.*\b(?:the )?most (?:films|movies|credits|roles)\b|"
    r"\bmost prolific\b|\b(?:who|which \w+) (?:has|have|had) (?:made|done) the most\b"
)
_SAID = {
    "cast": "is in the cast of",
    "director": "directed",
    "writer": "wrote",
    "composer": "scored",
    "producer": "produced",
    None: "is credited on",
}
_SAID_MANY = {**_SAID, "cast": "are in the cast of", None: "are credited on"}


async def reply(ctx: Context) -> Answer | None:
    """Who is credited on the most films, in the role asked or in any."""
    asked = _MOST.search(ctx.key)
    if asked is None:
        return None
    first, last = ctx.key.count(" ", 0, asked.start()), ctx.key.count(" ", 0, asked.end())
    if any(m.has("person") or m.start < first or m.end > last + 1 for m in ctx.mentions):
        return None  # "who has been in the most films with tom hanks": not of the catalog
    role = next((role for role, pattern in _ROLE if pattern.search(ctx.key)), None)
    counts = await ctx.catalog.most_credited(role, SHOWN_NEXT + 3)
    if not counts:
        return Answer(ctx.question, [], "The catalog credits nobody on a released film so.")
    names = {pid: await ctx.catalog.person_name(pid) or "?" for pid, _ in counts}
    most = counts[0][1]
    top = [names[pid] for pid, n in counts if n == most]
    verb = (_SAID_MANY if len(top) > 1 else _SAID)[role]
    each = " each" if len(top) > 1 else ""
    films = "film" if most == 1 else "films"
    text = (
        f"{join_names(top)} {verb} the most released films in the catalog: {most:,} {films}{each}."
    )
    after = [(pid, n) for pid, n in counts if n < most][:SHOWN_NEXT]
    if after:
        text += " Then come " + join_names([f"{names[pid]} ({n:,})" for pid, n in after]) + "."
    return Answer(ctx.question, top, text, people=[pid for pid, n in counts if n == most])
