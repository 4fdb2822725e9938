"""Counting: "how many films did Kubrick direct", "number of films starring Meg Ryan"."""

from __future__ import annotations

import re

from bot.answering.context import Context
from bot.answering.kinds import chains, relations
from bot.answering.reply import Answer

_HOW_MANY = re.compile(r"^(?:how many|the number of|number of|count(?: the)?)\b")


async def reply(ctx: Context) -> Answer | None:
    """The films (or names) the question would list, counted."""
    if not _HOW_MANY.search(ctx.key):
        return None
    listed = await chains.reply(ctx) or await relations.reply(ctx)
    if listed is None or listed.kind != "answer":
        return listed
    counted = list(dict.fromkeys(listed.answers)) if not listed.films else listed.films
    number = len(counted)
    return Answer(
        ctx.question,
        [str(number)],
        f"{number}. {listed.text}",
        films=listed.films,
        people=listed.people,
    )
