"""The people credited on the most films: "who has been in the most movies", "which
director has the most films", "most prolific composer"; and someone's most frequent
collaborators: "who has tom hanks worked with the most", "who directed the most tom hanks
movies"."""

from __future__ import annotations

import re
from collections import Counter

from bot.answering.context import Context
from bot.answering.reply import Answer, film_list, join_names
from bot.store.catalog import ROLES

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
_NOUN = {"cast": "actor", "director": "director", "writer": "writer", "composer": "composer"}
_NOUN["producer"] = "producer"


# "who has tom hanks worked with the most", "kubrick's most frequent collaborator", "who
# directed the most tom hanks movies"
_WITH_MOST = re.compile(
    r"\b(?:worked|work|works|acted|starred|appeared|collaborated|teamed up|made films|"
    r"made movies) with (?:the )?most\b|\bmost (?:frequent|common|regular) "
    r"(?:collaborators?|co ?stars?|partners?)\b|^(?:who|which \w+) (?:has )?"
    r"(?:directed|wrote|written|scored|produced) the most\b"
)
SHARED_SHOWN = 5  # films named for the one who shares the most


async def reply(ctx: Context) -> Answer | None:
    """Who is credited on the most films, in the role asked or in any; or who shares the
    most films with the one person named."""
    if _WITH_MOST.search(ctx.key) and len(people := ctx.person_ids()) == 1:
        return await _collaborators(ctx, people[0])
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


async def _collaborators(ctx: Context, person_id: int) -> Answer:
    """Those credited on the most of one person's films (in the role asked, else any),
    with the films the first shares."""
    name = await ctx.catalog.person_name(person_id) or "?"
    outside = ctx.key_outside()
    role = next((role for role, pattern in _ROLE if pattern.search(outside)), None)
    films = await ctx.catalog.films_of_people([person_id])
    ids = [f.id for f in films if f.confirmed]
    shared: dict[int, list[int]] = {}
    names: dict[int, str] = {}
    for each in (role,) if role is not None else ROLES:
        for film_id, other, other_name in await ctx.catalog.people_of_films(ids, each):
            if other != person_id and film_id not in shared.setdefault(other, []):
                shared[other].append(film_id)
                names[other] = other_name
    counts = Counter({other: len(on) for other, on in shared.items()})
    ranked = sorted(counts.items(), key=lambda item: (-item[1], names[item[0]]))
    nobody = "No one else" if role is None else f"No {_NOUN[role]}"
    if not ranked:
        text = f"{nobody} is credited on any of {name}'s released films in the catalog."
        return Answer(ctx.question, [], text, people=[person_id])
    most = ranked[0][1]
    if most == 1 and len(ranked) > 1:  # everyone once: no one stands out
        text = f"{nobody} is credited on more than one of {name}'s released films."
        return Answer(ctx.question, [], text, people=[person_id])
    top = [other for other, n in ranked if n == most]
    verb = (_SAID_MANY if len(top) > 1 else _SAID)[role]
    text = f"{join_names([names[o] for o in top])} {verb} the most of {name}'s released films"
    if len(top) == 1:
        by_id = {f.id: f for f in films}
        text += f": {most} ({film_list([by_id[i] for i in shared[top[0]]], SHARED_SHOWN)})."
    else:
        text += f": {most} {'film' if most == 1 else 'films'} each."
    after = [(o, n) for o, n in ranked if n < most][:SHOWN_NEXT]
    if after:
        text += " Then come " + join_names([f"{names[o]} ({n})" for o, n in after]) + "."
    return Answer(ctx.question, [names[o] for o in top], text, people=top)
