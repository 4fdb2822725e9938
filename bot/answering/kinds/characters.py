"""Characters: "who plays Nova", "who played jack in titanic" (part of a name), "who voices
Woody", "al pacino's character in heat", "what's the name of keanu's character in the
matrix", "which films does Sigourney Weaver play Ripley in" (one character across films)."""

from __future__ import annotations

import re

from bot.answering.context import Context
from bot.answering.kinds.about import TELL_ABOUT, title_of_character
from bot.answering.kinds.people import AGE_ASKED
from bot.answering.lexicon import (
    ASKS_FILMS,
    RELATION_BY_NAME,
    common_english,
    is_relation_word,
)
from bot.answering.linking import SCAFFOLD, TALK, find_mentions
from bot.answering.reply import Answer, either, join_names, with_status
from bot.answering.wanted import FILM_NOUNS, is_keyword, narrows_films
from bot.store.catalog import Catalog, CreditRecord, FilmRecord, FilmSummary, oldest_first_key
from bot.store.indexes import ARTICLES
from bot.text import norm

_PLAYS = re.compile(
    r"\b(?:who|whom|which actor|which actress)\b.*\b(?:plays?|played|playing|voices?|"
    r"voiced|portray\w*|is|was)\b|\b(?:played|voiced|portrayed) by\b|\bvoice of\b"
)
_ROLE_OF = re.compile(
    r"\b(?:roles?|characters?|parts?)\b|"
    r"\b(?:what|which|who)\b.*\b(?:do|does|did|is|was)\b.*\b(?:play\w*|voic\w*|portray\w*)\b"
)
# Words around a character's name that are not part of it.
_NOT_A_NAME = frozenset(
    "who whos whom which what whats actor actress person plays played playing portray "
    "portrays portrayed voice voices voiced voicing part parts roles characters name named "
    "called the in of a an as by did does do was is were s on".split()
)
MAX_CHARACTERS = 12  # characters sharing a word that one question may list


_VOICE_ASKED = re.compile(
    r"\b(?:voice (?:actor |actress |artist )?(?:of|for)|who (?:\w+ )?(?:voiced|voices|voicing))"
    r" (?P<named>.+)$"
)
# "who plays woody", "who played the part of jack in titanic": not "who played in heat"
_PLAY_ASKED = re.compile(
    r"\bwho (?:\w+ )?(?:plays|played|playing|portrays|portrayed|portraying)"
    r"(?: the (?:role|part|character) of)? "
    r"(?P<named>(?!(?:in|on|with|for|alongside|opposite|at|as|a|an|to|by|himself|herself)\b).+)$"
)
ECHOED_MOST = 60  # characters of a name or title said back
CHARACTERS_SAID = 6  # a film's characters said where the one asked is not among them
CHARACTER_FILMS_MOST = 10  # films said of one character named alone
PART_WORDS_MOST = 2  # words of a character's name said alone, for part of it ("ripley")


async def reply(ctx: Context) -> Answer | None:
    """Who plays a character (by full or part of the name), else whom a person plays, else
    a character named alone ("woody", "woody movies")."""
    if _cast_asked(ctx) or AGE_ASKED.search(ctx.key):  # "how old was de niro in …"
        return None
    if await _cast_of_title_said_short(ctx):  # "who is in totoro": My Neighbor Totoro's
        return None
    return (
        await _characters_joined(ctx)
        or await _who_plays(ctx)
        or await _who_plays_part(ctx)
        or await _title_character(ctx)
        or await _role_of_person(ctx)
        or await _films_of_character(ctx)
        or await _character_alone(ctx)
    )


def character_in_film(key: str) -> str | None:
    """The words naming a character in "who played X in Y", "who voiced X in Y": X; ``None``
    when the question asks no such thing."""
    asked = _VOICE_ASKED.search(key) or _PLAY_ASKED.search(key)
    if asked is None:
        return None
    named, said_in, _ = asked["named"].partition(" in ")
    return named if said_in else None


def character_said(run: str, key: str) -> str:
    """Words said back for a name the catalog lacks, where the question asks who plays or
    voices it: the character's name, where the words are it after words asking of it, or
    question words, or only such words ("voiced shrek", "whos the voice of shrek", "voice"
    in "voice actor for shrek": “shrek”); else the words as they are."""
    asked = _VOICE_ASKED.search(key) or _PLAY_ASKED.search(key) if run else None
    if asked is None:
        return run
    named = asked["named"].partition(" in ")[0]
    asking = set(key[asked.start() : asked.start("named")].split())
    words = run.split()
    while words and (words[0] in asking or words[0] in TALK or is_keyword(words[0])):
        words = words[1:]
    return named if " ".join(words) in ("", named) else run


# "who is gandalf", "tell me about gandalf": someone asked of by name alone
_SOMEONE_ASKED = re.compile(r"^(?:who (?:is|was)|whos) (?!(?:in|on|the|a|an|it|that|this)\b)")


def may_ask_character(key: str) -> bool:
    """Whether a question may be about a character by name: who plays or voices one ("who
    played gandalf"), who one is ("who is gandalf") or what is known of one ("tell me about
    gandalf")."""
    return any(
        pattern.search(key) for pattern in (_VOICE_ASKED, _PLAY_ASKED, _SOMEONE_ASKED, TELL_ABOUT)
    )


async def keeps_characters(catalog: Catalog) -> bool:
    """Whether the catalog keeps who plays whom (MetaQA's keeps no characters)."""
    return bool(await catalog.select(_ANY_CHARACTER))


async def no_characters(question: str, key: str, catalog: Catalog) -> Answer | None:
    """ "who is the voice of woody", "who voiced woody", "who plays woody" in a catalog
    that keeps no characters (MetaQA's): said plainly, not "voice" read as a title (The
    Voices) nor "woody" as the nearest title (The Wood)."""
    asked = _VOICE_ASKED.search(key) or _PLAY_ASKED.search(key)
    if asked is None or await keeps_characters(catalog):
        return None
    tokens = key.split()
    voice = len(key[: asked.start()].split())  # the words asking, from "voice" or "who"
    asking = range(voice, len(tokens) - len(asked["named"].split()))
    named, _, film = asked["named"].partition(" in ")
    plays = asked.re is _PLAY_ASKED
    for mention in await find_mentions(tokens, catalog):
        if mention.has("film") and mention.start < asking.stop < mention.end:
            return None  # a title with "voice" in it ("who directed voices of a distant star")
        if plays and not film and mention.start == asking.stop and mention.end == len(tokens):
            return None  # "who played tom sawyer": the film's cast, as a title is asked of
    text = (
        "This catalog has no characters (who plays or voices whom), so I can't say who "
        f"{'plays' if plays else 'voices'} “{named[:ECHOED_MOST]}”"
        f"{' in ' + film[:ECHOED_MOST] if film else ''}."
    )
    return Answer(question, [], text, kind="not_found")


_ANY_CHARACTER = "SELECT 1 FROM credits WHERE character_norm IS NOT NULL LIMIT 1"


def _cast_asked(ctx: Context) -> bool:
    """Whether a film's cast is asked where its title names a character too ("who is in
    alita", "who was in john wick"): every character named is a film said after "in" or
    "on", and no word asks of a part ("who plays alita" does)."""
    characters = ctx.characters()
    return (
        bool(characters)
        and _PART_ASKED.search(ctx.key) is None
        and all(m.has("film") and _said_in(ctx.tokens, m.start) for m in characters)
    )


def _said_in(tokens: list[str], at: int) -> bool:
    """Whether the words before ``at`` end with "in" or "on", and "all of the" or "both"
    after it ("who was in all of the alita movies")."""
    while at and tokens[at - 1] in _BEFORE_FILMS:
        at -= 1
    return bool(at) and tokens[at - 1] in _IN


async def _cast_of_title_said_short(ctx: Context) -> bool:
    """Whether a film's cast is asked where a character named alone is its film's title
    said for short ("who is in totoro", "cast of totoro"; not "who plays totoro"): the
    character's name is a word of that one title (:func:`title_of_character`: My Neighbor
    Totoro, whose Totoro it is), read so when no kind answers for the character."""
    if ctx.relation() is not _CAST or _PART_ASKED.search(ctx.key):
        return False
    alone = [m for m in ctx.characters() if m.size == 1 and not m.has("film", "person")]
    return any([await title_of_character(m.norm, ctx.catalog) for m in alone])


_CAST = RELATION_BY_NAME["cast"]
_PART_ASKED = re.compile(
    r"\b(?:plays?|played|playing|voices?|voiced|voicing|portray\w*|roles?|characters?|parts?)\b"
)
_IN = frozenset(("in", "on"))
_BEFORE_FILMS = frozenset("the all of both".split())


def _crew_asked(ctx: Context) -> bool:
    """Whether a credit no character has is asked ("who is the director of alita"): of a
    film, not of a character."""
    return any(r.role not in (None, "cast") for _, r in ctx.occurrences())


async def _character_alone(ctx: Context) -> Answer | None:
    """ "woody", "woody movies", "ripley" (part of a name): a character named and nothing
    else (no film, no person), said with the films it is in and who plays it."""
    if any(m.has("film", "person") for m in ctx.mentions) or _crew_asked(ctx):
        return None
    characters = ctx.characters()
    covered = {i for m in characters for i in m.positions}
    rest = [
        t
        for i, t in enumerate(ctx.tokens)
        if i not in covered
        and t not in _NOT_A_NAME
        and t not in FILM_NOUNS
        and not is_keyword(t)
        and not narrows_films(ctx.tokens, i)  # "a short movie": not Short Bartender
    ]
    if characters:
        if rest:
            return None
        names = [m.norm for m in characters]
    elif (
        ctx.mentions
        or not 0 < len(rest) <= PART_WORDS_MOST
        or await _a_common_noun(ctx, rest)  # "who is the president"
    ):
        return None
    else:  # "ripley": part of a character's name, where nothing else is named
        near = await ctx.catalog.characters_with_word(rest[0], limit=MAX_CHARACTERS)
        names = [name for name in near if _named(name, rest)]
    found = [pair for name in names for pair in await ctx.catalog.cast_as(name)]
    if not found:
        return None
    by_character: dict[str, list[tuple[FilmSummary, CreditRecord]]] = {}
    for film, credit in found:
        by_character.setdefault(norm(credit.character or ""), []).append((film, credit))
    firsts = sorted(by_character.values(), key=lambda pairs: oldest_first_key(pairs[0][0]))
    said = [await _character_said(ctx, pairs) for pairs in firsts[:MAX_CHARACTERS]]
    return Answer(
        ctx.question,
        list(dict.fromkeys(credit.person for _, credit in found)),
        " ".join(said),
        films=list(dict.fromkeys(film for film, _ in found)),
    )


async def _character_said(ctx: Context, found: list[tuple[FilmSummary, CreditRecord]]) -> str:
    """ "Woody is a character in Toy Story (1995), voiced by Tom Hanks.": one character,
    its parts in unreleased films said as claims."""
    by_player: dict[tuple[str, str], list[str]] = {}
    claimed: list[tuple[FilmRecord, CreditRecord]] = []
    for film, credit in found[: CHARACTER_FILMS_MOST * 2]:
        if not film.confirmed:
            record = await ctx.catalog.film(film.id)
            assert record is not None
            claimed.append((record, credit))
            continue
        verb = "voiced" if _voiced(credit) else "played"
        by_player.setdefault((verb, credit.person), []).append(film.label)
    said = "; and in ".join(
        f"{join_names(labels, CHARACTER_FILMS_MOST)}, {verb} by {person}"
        for (verb, person), labels in by_player.items()
    )
    text = f"{found[0][1].character} is a character in {said}." if said else ""
    return f"{text} {_sentences(claimed)}".strip() if claimed else text


async def _who_plays(ctx: Context) -> Answer | None:
    characters = ctx.characters()
    if len(characters) > 1:  # "who plays neo in john wick": the film, not its character
        characters = [m for m in characters if not m.has("film")] or characters
    if not characters or not _PLAYS.search(ctx.key) or _crew_asked(ctx):
        return None
    named = await ctx.films()
    if all(m.has("film") for m in characters) and _fragment(ctx, named):
        return None  # "who played jenny in forrest gump": Jenny, not the title's character
    films = {f.id for f in named}
    found: list[tuple[FilmSummary, CreditRecord]] = []
    for mention in characters:
        found += [
            (film, credit)
            for film, credit in await ctx.catalog.cast_as(mention.norm)
            if not films or film.id in films
        ]
    if not found and named and character_in_film(ctx.key):
        records = await _records(ctx, named)
        return _no_such_character(ctx, [" ".join(m.norm for m in characters)], records)
    return await _players(ctx, found)


async def _who_plays_part(ctx: Context) -> Answer | None:
    """ "who played jack in titanic": a word or two of a character's name."""
    if not _PLAYS.search(ctx.key) or ctx.person_ids() or not _uncovered(ctx):
        return None  # nothing but names and question words: no part of a name to look for
    films = await ctx.films()
    words = _fragment(ctx, films)
    if not words or (not films and await _a_common_noun(ctx, words)):
        return None
    found = await _parts_named(ctx, films, words)
    if not found and films and character_in_film(ctx.key):
        return _no_such_character(ctx, [" ".join(words)], await _records(ctx, films))
    return await _players(ctx, found)


async def _a_common_noun(ctx: Context, words: list[str]) -> bool:
    """Whether words that may be part of a character's name are said as everyday words
    after an article, with nothing asking of a part ("who is the president": not President
    Merkin Muffley; but "who plays the president", "who is ripley")."""
    at = ctx.tokens.index(words[0])
    return (
        at > 0
        and ctx.tokens[at - 1] in ARTICLES
        and _PART_ASKED.search(ctx.key) is None
        and all([await common_english(w) for w in words])
    )


async def _parts_named(
    ctx: Context, films: list[FilmSummary], words: list[str]
) -> list[tuple[FilmSummary, CreditRecord]]:
    """The parts whose character's name has every one of ``words`` ("jack": Jack Dawson),
    in ``films`` if any, else in any film."""
    if films:
        return [
            (record.summary, c)
            for record in await _records(ctx, films)
            for c in record.people("cast")
            if _named(c.character, words)
        ]
    found: list[tuple[FilmSummary, CreditRecord]] = []
    short = _SHORT_TITLES.get(words[0], words[0])  # "lt", "lieutenant": either
    said = {short, *(long for long, other in _SHORT_TITLES.items() if other == short)}
    known = [c for word in sorted(said) for c in await ctx.catalog.characters_with_word(word)]
    for character in dict.fromkeys(known):
        if _named(character, words):
            found += await ctx.catalog.cast_as(character)
        if len(found) >= MAX_CHARACTERS:
            break
    return found


async def _characters_joined(ctx: Context) -> Answer | None:
    """ "who plays woody and buzz", "who voiced woody and buzz in toy story": each of
    several characters said with "and", by all or part of the name, in the films named
    after "in" if any, else in a film that has them all if one does ("harry and sally":
    When Harry Met Sally...); one the catalog lacks is said so ("who plays woody and
    gandalf")."""
    asked = _VOICE_ASKED.search(ctx.key) or _PLAY_ASKED.search(ctx.key)
    if asked is None or ctx.person_ids():
        return None
    named = asked["named"].partition(" in ")[0].split()
    start = len(ctx.key[: asked.start("named")].split())
    inside = [m for m in ctx.mentions if m.start < start + len(named) and m.end > start]
    if _AND.isdisjoint(named) or any(
        not m.has("character") or m.size == len(named) for m in inside
    ):
        return None  # one name, or a title or a person said among the names
    parts: list[list[str]] = [[]]
    for word in named:
        if word in _AND:
            parts.append([])
        elif word not in _NOT_A_NAME:
            parts[-1].append(word)
    if not all(parts):
        return None
    ids = {h.ref for m in ctx.mentions if m not in inside for h in m.of_kind("film")}
    films = [film for film in await ctx.films() if film.id in ids]
    each: list[list[tuple[FilmSummary, CreditRecord]]] = []
    for words in parts:
        whole = await ctx.catalog.cast_as(" ".join(words))
        each.append(
            [pair for pair in whole if not films or pair[0].id in ids]
            or await _parts_named(ctx, films, words)
        )
    together = set.intersection(*({film.id for film, _ in found} for found in each))
    if together:
        each = [[pair for pair in found if pair[0].id in together] for found in each]
    lacked = [" ".join(words) for words, found in zip(parts, each, strict=True) if not found]
    if len(lacked) == len(parts) and films:
        return _no_such_character(ctx, lacked, await _records(ctx, films))
    reply = await _players(ctx, [pair for found in each for pair in found])
    if reply is not None and lacked:
        where = f" in {join_names([film.label for film in films])}" if films else ""
        reply.text += f" The catalog has no character {_said_names(lacked)}{where}."
    return reply


_AND = frozenset(("and", "n"))  # "woody and buzz", "woody n buzz"


def _said_names(typed: list[str]) -> str:
    """Names typed, each quoted: “woody” or “buzz”."""
    return either([f"“{said[:ECHOED_MOST]}”" for said in typed])


async def _title_character(ctx: Context) -> Answer | None:
    """ "who played marnie", "who played dr strangelove": the character a film is named
    after, of that film's cast, where the question names nothing but the film."""
    asked = _PLAY_ASKED.search(ctx.key)
    if asked is None or ctx.person_ids():
        return None
    films = await ctx.films()
    words = [w for w in norm(asked.group("named")).split() if w not in _NOT_A_NAME]
    if not films or not words:
        return None
    found = [
        (record.summary, credit)
        for record in await _records(ctx, films)
        for credit in record.people("cast")
        if _named(credit.character, words)
    ]
    return await _players(ctx, found) if found else None


async def _records(ctx: Context, films: list[FilmSummary]) -> list[FilmRecord]:
    """The catalog's records of ``films``, those it still has."""
    return [record for film in films if (record := await ctx.catalog.film(film.id))]


def _no_such_character(ctx: Context, typed: list[str], records: list[FilmRecord]) -> Answer:
    """ "who played the shark in jaws" where no character of Jaws is called so (nor any of
    several typed, "woody and buzz in heat"): said, with the characters the catalog has
    for the film."""
    said = []
    for record in records:
        parts = [f"{c.character} ({c.person})" for c in record.people("cast") if c.character]
        are = "character is" if len(parts) == 1 else "characters are"
        kept = f"; its {are} {join_names(parts, CHARACTERS_SAID)}" if parts else ""
        said.append(f"The catalog has no character {_said_names(typed)} in {record.label}{kept}.")
    return Answer(ctx.question, [], " ".join(said), films=[r.summary for r in records])


async def _films_of_character(ctx: Context) -> Answer | None:
    """ "what movie has neo in it", "which film is hal 9000 from": the films a character is
    in, each with who plays them, when the question names no film or person."""
    characters = ctx.characters()
    if not characters or not ASKS_FILMS.search(ctx.key):
        return None
    if any(m.has("film", "person") for m in ctx.mentions):
        return None
    found = [pair for m in characters for pair in await ctx.catalog.cast_as(m.norm)]
    reply = await _players(ctx, found)
    if reply is not None:
        reply.answers = list(dict.fromkeys(film.title for film, _ in found))
    return reply


async def _players(ctx: Context, found: list[tuple[FilmSummary, CreditRecord]]) -> Answer | None:
    if not found:
        return None
    records = []
    for film, credit in found:
        record = await ctx.catalog.film(film.id)
        assert record is not None
        records.append((record, credit))
    answers = list(dict.fromkeys(credit.person for _, credit in found))
    return Answer(ctx.question, answers, _sentences(records), films=[f for f, _ in found])


async def _role_of_person(ctx: Context) -> Answer | None:
    if not _ROLE_OF.search(ctx.key):
        return None
    films = await ctx.films()
    words = _fragment(ctx, films)
    asks_films = ASKS_FILMS.search(ctx.key) is not None
    if asks_films and not words:  # "which films did X play in": every film, not only roles
        return None
    credits = await _credits_of_people(ctx, films)
    if not credits:
        return None
    if words:  # "… play ripley in": only that character
        credits = [c for c in credits if _named(c[1].character, words)] or credits
    if asks_films:
        answers = [record.summary.title for record, _ in credits]
    else:
        answers = [credit.character or "" for _, credit in credits]
    return Answer(
        ctx.question,
        list(dict.fromkeys(answers)),
        _sentences(credits),
        films=[record.summary for record, _ in credits],
        people=list(dict.fromkeys(credit.person_id for _, credit in credits)),
    )


async def _credits_of_people(
    ctx: Context, films: list[FilmSummary]
) -> list[tuple[FilmRecord, CreditRecord]]:
    """The named people's roles, in the named films if any; a person may be named by part
    of their name when a film is named ("keanu's character in the matrix")."""
    people = set(ctx.person_ids())
    film_ids = {f.id for f in films}
    if people:
        wanted: list[tuple[int, int]] = []
        for pid in people:
            person = await ctx.catalog.person(pid)
            if person is None:
                continue
            wanted += [
                (credit.film.id, pid)
                for credit in person.credits
                if credit.role == "cast" and (not film_ids or credit.film.id in film_ids)
            ]
        return await _with_characters(ctx, wanted)
    if not films:
        return []
    words = {w for t in _uncovered(ctx) for w in (t, t[:-1] if t.endswith("s") else t)}
    found: list[tuple[FilmRecord, CreditRecord]] = []
    for film in films:
        record = await ctx.catalog.film(film.id)
        assert record is not None
        found += [
            (record, credit)
            for credit in record.people("cast")
            if credit.character and words & set(_words(credit.person))
        ]
    return found


async def _with_characters(
    ctx: Context, wanted: list[tuple[int, int]]
) -> list[tuple[FilmRecord, CreditRecord]]:
    found: list[tuple[FilmRecord, CreditRecord]] = []
    for film_id in dict.fromkeys(f for f, _ in wanted):
        record = await ctx.catalog.film(film_id)
        if record is None:
            continue
        people = {p for f, p in wanted if f == film_id}
        found += [
            (record, c) for c in record.people("cast") if c.person_id in people and c.character
        ]
    return sorted(found, key=lambda item: item[0].summary.year or 0)


def _voiced(credit: CreditRecord) -> bool:
    """Whether a part is a voice, as its credit's note says ("voice")."""
    return credit.note is not None and "voice" in credit.note.casefold()


def _sentences(credits: list[tuple[FilmRecord, CreditRecord]]) -> str:
    """``X plays Y in A and B.``: one sentence per person and character; a film that is
    not released gets its own, marked as a claim."""
    released: dict[tuple[str, str, str], list[str]] = {}
    order: list[tuple[str, str, str] | str] = []
    for record, credit in credits:
        verb = "voices" if _voiced(credit) else "plays"
        said = (credit.person, verb, credit.character or "")
        if not record.summary.confirmed:
            order.append(with_status(record, f"{' '.join(said)} in {record.label}."))
        elif said in released:
            released[said].append(record.label)
        else:
            released[said] = [record.label]
            order.append(said)
    # parts in the same films are said in one sentence: "A voices X and B voices Y in F."
    sentences: list[str] = []
    run: list[tuple[str, str, str]] = []
    for item in [*order, ""]:
        if run and (isinstance(item, str) or released[item] != released[run[0]]):
            played = join_names([" ".join(said) for said in run])
            sentences.append(f"{played} in {join_names(released[run[0]])}.")
            run = []
        if isinstance(item, str):
            sentences.append(item)
        else:
            run.append(item)
    return " ".join(filter(None, sentences))


def _uncovered(ctx: Context) -> list[str]:
    """The question's words outside every name it mentions, less the question words."""
    covered = ctx.named()
    return [
        t
        for i, t in enumerate(ctx.tokens)
        if i not in covered and t not in _NOT_A_NAME and t not in SCAFFOLD
    ]


def _fragment(ctx: Context, films: list[FilmSummary]) -> list[str]:
    """The words that can be part of a character's name: outside the film and the people
    named, and not question or relation words."""
    film_ids = {f.id for f in films}
    covered = {
        i
        for m in ctx.mentions
        if m.has("person") or any(h.ref in film_ids for h in m.of_kind("film"))
        for i in m.positions
    }
    return [
        t
        for i, t in enumerate(ctx.tokens)
        if i not in covered
        and t not in _NOT_A_NAME
        and t not in SCAFFOLD
        and not is_relation_word(t)
        and not t.isdigit()
    ]


def _words(name: str | None) -> list[str]:
    return norm(name or "").split()


def _named(character: str | None, words: list[str]) -> bool:
    """Whether every word typed is one of the character's name's words, a title typed
    short or whole for the other ("lt dan": Lieutenant Dan Taylor; "doctor ido": Dr.
    Dyson Ido)."""
    own = set(_words(character))
    own |= {_SHORT_TITLES.get(w, w) for w in own}
    return bool(own) and all(_SHORT_TITLES.get(w, w) in own for w in words)


# Titles before a name, typed short or whole: each as its short form
_SHORT_TITLES = {
    "lieutenant": "lt",
    "doctor": "dr",
    "sergeant": "sgt",
    "captain": "capt",
    "cpt": "capt",
    "colonel": "col",
    "general": "gen",
    "professor": "prof",
    "mister": "mr",
    "detective": "det",
    "agent": "agt",
}
