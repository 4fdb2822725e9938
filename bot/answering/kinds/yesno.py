"""Yes/no questions about a credit: "did James Cameron write Titanic?"."""

from __future__ import annotations

import re

from bot.answering.context import Context
from bot.answering.reply import Answer, join_names, with_status

_YES_NO = re.compile(r"^(?:did|does|do|is|was|were|are|has|have|had)\b")


async def reply(ctx: Context) -> Answer | None:
    """Checks a credit, and says what is true instead when it is not."""
    if not _YES_NO.search(ctx.key):
        return None
    people = [m for m in ctx.mentions if ctx.topic_kind(m) == "person"]
    film_mentions = [m for m in ctx.mentions if m.has("film") and m not in people]
    if not people or not film_mentions:
        return None
    relation = next((r for _, r in ctx.occurrences() if r.role is not None), None)
    role = relation.role if relation else None
    person_ids = {h.ref for m in people for h in m.of_kind("person")}
    film_ids = list(dict.fromkeys(h.ref for m in film_mentions for h in m.of_kind("film")))
    lines: list[str] = []
    yes = False
    for fid in film_ids:
        record = await ctx.catalog.film(fid)
        if record is None:
            continue
        credits = [c for c in record.credits if role is None or c.role == role]
        match = [c for c in credits if c.person_id in person_ids]
        what = "stars" if role == "cast" else f"is {relation.phrase}" if relation else "credits"
        if match:
            yes = True
            lines.append(with_status(record, f"Yes: {record.label} {what} {match[0].person}."))
        else:
            others = join_names([c.person for c in credits][:6]) or "nobody in the catalog"
            lines.append(with_status(record, f"No: {record.label} {what} {others}."))
    if not lines:
        return None
    return Answer(ctx.question, ["yes" if yes else "no"], " ".join(lines))
