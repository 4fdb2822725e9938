"""Questions about anything but films ("what's the weather like", "tell me a joke"): a
polite reply saying what the bot does. Last in the chain: only a question no other kind
answered, that names nothing in the catalog and uses no film words, is off topic."""

from __future__ import annotations

import re

from bot.answering.context import Context
from bot.answering.kinds.smalltalk import not_films
from bot.answering.lexicon import common_english, words
from bot.answering.linking import SCAFFOLD, TALK
from bot.answering.reply import Answer
from bot.answering.whole_title import SEQUEL_ASKED, title_to_the_end
from bot.store.indexes import ARTICLES

_FILM_WORDS = words(
    r"films?|movies?|cinema|flicks?|watch\w*|cast|actors?|actress\w*|directors?|"
    r"starring|stars?|sequels?|genres?|scenes?|characters?|roles?|trailers?|"
    r"shows?|series|documentar\w*|animat\w*|anime|cartoons?"
)

BARE_NAME_MAX = 5  # longer texts without a question word are not taken for a name
# "who is peter gent": a person the catalog does not know, not another subject; but "who
# is the president" asks who holds a post, in everyday words after an article
_ASKS_WHO = re.compile(r"^(?:who|whos|who s)(?: is| was| are| were)? (?P<named>\w.*)$")


async def reply(ctx: Context) -> Answer | None:
    """A polite word on what the bot is for, when the question is about something else."""
    if ctx.mentions or ctx.relation() is not None or _FILM_WORDS.search(ctx.key):
        return None
    if await _someone_named(ctx.key) or _a_bare_name(ctx.tokens) or _about_a_title(ctx.tokens):
        return None  # the not-found reply says the catalog has nobody of that name
    if await _near_a_name(ctx):
        return None  # a misspelt name: the not-found reply suggests what it may be
    text = f"I only know about films, so I can't help with that one. {await not_films(ctx)}"
    return Answer(ctx.question, [], text, kind="chat")


async def _someone_named(key: str) -> bool:
    """Whether "who is …" asks of someone by name ("who is peter gent"), not of a post said
    in everyday words after an article ("who is the president")."""
    asked = _ASKS_WHO.search(key)
    if asked is None:
        return False
    article, *words = asked["named"].split()
    if article not in ARTICLES or not words:
        return True
    return not all([await common_english(w) for w in words])


def _a_bare_name(tokens: list[str]) -> bool:
    """A few words and no question word but a leading article ("blade runner", "the dark
    knight"): a title or a name looked up, not another subject."""
    words = tokens[1:] if tokens and tokens[0] in ARTICLES else tokens
    return 0 < len(words) <= BARE_NAME_MAX and not any(w in SCAFFOLD or w in TALK for w in words)


_ASKED_OF_WHAT_FOLLOWS = SEQUEL_ASKED | {"about"}  # "what came after …", "about …"


def _about_a_title(tokens: list[str]) -> bool:
    """Whether the question asks about words joined as a title's are, or what came before
    or after them, or is such words alone ("tell me about the man who shot liberty
    valance", "what came after the lord of the rings", "gone with the wind"): a film the
    catalog lacks, not another subject."""
    asked = max((i for i, w in enumerate(tokens) if w in _ASKED_OF_WHAT_FOLLOWS), default=-1)
    title = title_to_the_end(tokens[asked + 1 :]).split()
    before = tokens[: len(tokens) - len(title)]
    return bool(title) and (asked >= 0 or all(w in ARTICLES for w in before))


async def _near_a_name(ctx: Context) -> bool:
    key = ctx.key
    if await ctx.catalog.fuzzy_titles(key, limit=1, cutoff=80):
        return True
    return bool(await ctx.catalog.fuzzy_people(key, limit=1, cutoff=80))
