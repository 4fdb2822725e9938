"""Facts the catalog never keeps: awards ("how many oscars did titanic win", "did heat win
an award"), money ("how much did avatar make", "titanic's budget"), where to watch ("where
can i stream up"), where a film was shot ("where was jaws filmed"), what a film is based on
("is jaws based on a book") and the private lives of the people named ("who is keanu married
to"). Said plainly, with what can be asked instead, rather than answered as another question
(the film's summary, its director for "make")."""

from __future__ import annotations

import re
from dataclasses import replace

from bot.answering.context import Context
from bot.answering.lexicon import words
from bot.answering.reply import Answer, join_names, with_status
from bot.store.catalog import FilmRecord, FilmSummary

# Awards people name, which are titles too (the film Oscar)
_AWARDS = r"oscars?|academy awards?|golden globes?|baftas?|emmys?|palme d ?or"
_AWARD_NAMED = re.compile(rf"(?:the )?(?:{_AWARDS})")
_WON = words(r"win|wins|won|winning|winner|nominat\w*|awards?")

# A private life is asked of someone named only ("married movies" is about films)
_PRIVATE_LIFE = r"married|marry|spouses?|divorced?|dating|girlfriends?|boyfriends?"
_PRIVATE_SAID = ("has no word on people's private lives", "has no word on the private life of {}")

# What a question asks for, and what the reply says the catalog lacks, in general and for the
# films named.
_UNKEPT_WORDS: tuple[tuple[str, tuple[str, str]], ...] = (
    (
        rf"{_AWARDS}|awards?|nominat\w*|win|wins|won",
        ("has no awards", "has no awards for {}"),
    ),
    (
        r"box office|budgets?|gross\w*|revenues?|earn\w*|takings|"
        r"how much (?:money )?(?:did|does|has)(?: \w+)* (?:make|made|cost)|"
        r"how much (?:money )?(?:was|is) (?:\w+ )*(?:made|worth)|(?:make|made) (?:any )?money",
        ("has no box office or budget figures", "has no box office or budget figures for {}"),
    ),
    (
        r"filming locations?|shooting locations?|"
        r"where (?:was|were|is|are|did they|do they) (?:\w+ )*(?:filmed|shot|film)",
        ("has no filming locations", "has no filming locations for {}"),
    ),
    (
        r"stream\w*|netflix|hulu|disney ?plus|prime video|amazon prime|hbo max|"
        r"where (?:can|could|do|should) (?:i|we|you) (?:watch|see|rent|buy)|"
        r"where to (?:watch|see)",
        ("has no word on where to watch films", "has no word on where to watch {}"),
    ),
    (
        r"based on|true story|source material",
        ("has no word on what films are based on", "has no word on what {} is based on"),
    ),
    (_PRIVATE_LIFE, _PRIVATE_SAID),
)
_UNKEPT = tuple((words(alternatives), said) for alternatives, said in _UNKEPT_WORDS)
# What a film's trivia says of each, when it says it: the catalog keeps no such field, but a
# curated fact in its trivia answers the question ("It won eleven Academy Awards")
_IN_TRIVIA = {
    _UNKEPT_WORDS[0][1]: words(rf"{_AWARDS}|awards?|nominat\w*|won|wins"),
    _UNKEPT_WORDS[1][1]: re.compile(r"\$\s?\d|\b(?:budget|box office|grossed|grossing)\b"),
    _UNKEPT_WORDS[2][1]: words(r"filmed|shot in|shot on location|locations?"),
    _UNKEPT_WORDS[4][1]: words(r"based on|adapt\w*|novel|manga|comic|true story"),
}
# Any of them: one search settles most questions, which ask none
_ANY_UNKEPT = words("|".join(alternatives for alternatives, _ in _UNKEPT_WORDS))


async def reply(ctx: Context) -> Answer | None:
    """What the catalog does not keep, said as such, for the films the question names."""
    if not _ANY_UNKEPT.search(ctx.key):
        return None
    ctx = _awards_named(ctx)
    outside = ctx.key_outside()
    said = next((said for pattern, said in _UNKEPT if pattern.search(outside)), None)
    if said is None:
        return None
    films = await ctx.films()
    named = [f.label for f in films[:3]]
    if said is _PRIVATE_SAID:  # of the people named only
        films, named = [], _people_named(ctx)
        if not named:
            return None
    told = await _trivia_telling(ctx, films[:3], _IN_TRIVIA.get(said))
    if told:
        return Answer(ctx.question, [fact for _, fact in told], _trivia_said(told), films=films[:3])
    labels = join_names(named)
    what = said[1].format(labels) if labels else said[0]
    text = (
        f"The catalog {what}: it holds who made and starred in films, when they "
        "came out, their genres, ratings where known, and its sources."
    )
    return Answer(ctx.question, [], text, films=films[:3])


async def _trivia_telling(
    ctx: Context, films: list[FilmSummary], telling: re.Pattern[str] | None
) -> list[tuple[FilmRecord, str]]:
    """The trivia of the films that speaks of what is asked (``telling``), each with its
    film."""
    if telling is None:
        return []
    told = []
    for film in films:
        record = await ctx.catalog.film(film.id)
        if record is not None:
            told += [(record, fact) for fact in record.trivia if telling.search(fact.casefold())]
    return told


def _trivia_said(told: list[tuple[FilmRecord, str]]) -> str:
    """ "From the catalog's trivia for Titanic (1997): It won eleven Academy Awards…", each
    unreleased film's said as a claim."""
    by_film: dict[int, tuple[FilmRecord, list[str]]] = {}
    for record, fact in told:
        by_film.setdefault(record.summary.id, (record, []))[1].append(fact)
    return " ".join(
        with_status(record, f"From the catalog's trivia for {record.label}: {' '.join(facts)}")
        for record, facts in by_film.values()
    )


def _people_named(ctx: Context) -> list[str]:
    """The names of the people the question names ("who is keanu reeves married to")."""
    return [m.of_kind("person")[0].display for m, kind in ctx.topics() if kind == "person"]


def _awards_named(ctx: Context) -> Context:
    """The question with an award's name ("oscar", "golden globes") read as the award, not
    a film of that title, where it asks of a person or another film ("did leonardo
    dicaprio win an oscar") or who won ("which films won oscars")."""
    named = [
        m for m in ctx.mentions if _AWARD_NAMED.fullmatch(" ".join(ctx.tokens[m.start : m.end]))
    ]
    if not named:
        return ctx
    others = [m for m in ctx.mentions if m not in named]
    if others or _WON.search(ctx.key_outside()):
        return replace(ctx, mentions=others)
    return ctx
