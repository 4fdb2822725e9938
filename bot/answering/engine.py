"""Question → :class:`Answer`, over one catalog. No Discord here: the console and the bot
both call :func:`answer`.

The pipeline: clean the text, find the names it mentions (:mod:`bot.answering.linking`),
read a misspelt name as the catalog name it stands for, then ask each kind of question in
:mod:`bot.answering.kinds` in turn; the first that answers wins. What every kind sees is
the :class:`~bot.answering.context.Context`; the words that name relations ("directed",
"music", "players") are in :mod:`bot.answering.lexicon`.
"""

from __future__ import annotations

import asyncio
import random
import re
import unicodedata
from collections import Counter
from collections.abc import Collection, Iterable
from collections.abc import Set as AbstractSet
from datetime import date
from typing import NamedTuple

from rapidfuzz.distance import OSA

from bot.answering import compare, compound, lexicon
from bot.answering.context import Context
from bot.answering.kinds import KINDS, characters
from bot.answering.kinds.about import (
    TELL_ABOUT,
    films_of_the_title,
    title_of_character,
    title_of_subtitle,
    word_of_a_title,
)
from bot.answering.kinds.people import asks_of_a_person, without_life_asked
from bot.answering.kinds.smalltalk import examples, is_small_talk
from bot.answering.kinds.status import is_status_word
from bot.answering.lexicon import (
    DIED,
    LANGUAGE_WORDS,
    LIKED_BEFORE,
    MISSPELT,
    OPENINGS,
    RATING_SITE_NAMES,
    RELATION_BY_NAME,
    RELATIONS,
    SEQUEL_NUMBERS,
    SEQUEL_PARTS,
    asked_positions,
    common_english,
    english_read,
    english_word,
    is_common_word,
    is_relation_word,
    question_word_near,
    read_english,
    sequel_titles,
)
from bot.answering.linking import MAX_NGRAM, SCAFFOLD, TALK, Mention, find_mentions
from bot.answering.reply import Answer, film_list, join_names
from bot.answering.wanted import (
    FILM_NOUNS,
    KIND_WORDS,
    LEAVING_OUT,
    is_asking_word,
    is_keyword,
    narrows_films,
)
from bot.answering.whole_title import INSIDE_TITLES, WORTH, title_to_the_end
from bot.store.catalog import Catalog, FilmSummary, NameHit, TypoHit, oldest_first_key
from bot.store.discovery import value_names
from bot.store.indexes import ARTICLES
from bot.text import norm

MAX_QUESTION_CHARS = 500


REPAIR_MIN_WORD = 4  # shorter unknown words are left alone, not read as typos
VERB_SLIP_MIN = 4  # shorter words are not read as a misspelt verb of a credit ("did")
REPAIR_MAX_TRIES = 3  # unknown words tried, in order, for the misspelt name around them
SURNAME_SLIP_MIN = 7  # shorter lone words are read as misspelt surnames only if no English word
CLEARLY_MORE = 3  # a person credited this many times more than another of the name is meant
SHORTENED_KINDS = ("setting", "company")  # names said for short: "new york", "ghibli"
SHORTENED_MOST = 4  # the most words of such a name said for short
BEST_KNOWN_MOST = 30  # more people of a name than this: none of them is meant by it alone
NAMESAKES_SHOWN = 3  # the others of a surname read as one person named, the rest counted
FAMILY_PLURAL_MIN = 5  # letters of a surname said in the plural for a family ("coens")
NAMESAKES_LISTED = 6  # the people of a surname asked which is meant named, the rest counted
SHORT_SLIP_MIN = 5  # shorter ones never are ("hanx")
SHORT_NAME_MIN = 3  # letters of a given name said for short beside a film ("leo")
SHORT_NAME_FILMS = 3  # films named, at most, whose people a short given name is looked for in
GIVEN_NAME_MOST = 20_000  # uses of a word in English texts: more, and it is no given name
# ("also", "same"; not "tom", "jack")
LONGER_TITLE_CUTOFF = 86  # how close words after a title are to a longer one, to be it
BARE_SLIP_MIN = 6  # shorter texts are not read as misspelt titles without their article
TAIL_MAX_GAP = 3  # question words allowed between a name and the stray word after it
NAME_TAIL_WORDS = 2  # words after "last year" looked at for the rest of a name ("at marienbad")
# Words that say how the things asked about relate ("the same director", "what else"),
# never read as misspelt names, whatever the catalog holds ("same" is not "Shame")
_LINKING_WORDS = frozenset(
    "same also other others else share shares shared sharing together listed".split()
)
ECHOED_MAX = 100  # characters of the question said back when nothing is found in it
ECHOED_TITLE_GAP = 8  # words of a title said back between its article and its last unknown run
SUGGESTED_PEOPLE = 2  # people suggested when nothing is found, at least this close:
SUGGESTED_CUTOFF = 70
SUGGESTED_TITLES = 3  # titles suggested when nothing is found, at least this close:
SUGGESTED_TITLE_CUTOFF = 60
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_PINGS = re.compile(r"(?<!\S)@(?:here|everyone)\b", re.IGNORECASE)
_DICE = random.Random()  # the randomness of replies when the caller gives none


class Reading(NamedTuple):
    """Words of a question read as a name they stand for: ``tokens[start:end]``, as
    typed, and the name."""

    start: int
    end: int
    typed: str
    name: str


class _Lookups:
    """The catalog's slower look-ups for one question, each made once: the ways of reading
    a misspelt name ask for the same words, and the suggestions made when nothing is
    found for what was looked up before."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self._closest: dict[str, tuple[int, tuple[int, str, str] | None]] = {}
        self._people: dict[str, tuple[int, float, list[tuple[NameHit, float]]]] = {}
        # for each run: how many and how close, the titles compared, those found
        self._titles: dict[str, tuple[int, float, list[tuple[str, int]], list[TypoHit]]] = {}

    async def fuzzy_titles(self, run: str, limit: int, cutoff: float) -> list[int]:
        """:meth:`Catalog.fuzzy_titles`, the titles compared with ``run`` found once, and
        compared once, as widely as the suggestions need: fewer titles, or closer ones,
        are the first of those."""
        if not run:
            return []
        known = self._titles.get(run)
        if known is None or known[0] < limit or known[1] > cutoff:
            candidates = known[2] if known else await self.catalog.title_candidates(run)
            wide = (max(limit, SUGGESTED_TITLES), min(cutoff, SUGGESTED_TITLE_CUTOFF))
            found = self.catalog.typo_hits(run, candidates, *wide)
            known = self._titles[run] = (*wide, candidates, found)
        found = [hit for hit in known[3][: 2 * limit] if hit[0] >= cutoff]
        return self.catalog.ranked_titles(found, limit)

    async def closest_name(self, typed: str, max_edits: int) -> tuple[int, str, str] | None:
        """:meth:`Catalog.closest_name`: the nearest name within fewer edits is the
        nearest within more, when it is near enough."""
        known = self._closest.get(typed)
        if known is None or known[0] < max_edits:
            known = self._closest[typed] = (max_edits, await self._nearest(typed, max_edits))
        found = known[1]
        if found is None or found[0] > max_edits or not _slips_spread(typed, found[1]):
            return None  # "stephen king" is not Stephen Lang, two slips in one short word
        return found

    async def _nearest(self, typed: str, max_edits: int) -> tuple[int, str, str] | None:
        """The nearest catalog name, or a title without its article nearer still ("dark
        knigth" is The Dark Knight); not for a text that begins or ends with a question
        word."""
        found = await self.catalog.closest_name(typed, max_edits)
        words = typed.split()
        if len(typed) < BARE_SLIP_MIN or words[0] in SCAFFOLD or words[-1] in SCAFFOLD:
            return found
        if found is not None and found[0] == 0:
            return found
        nearer = max_edits if found is None else found[0] - 1
        return await self.catalog.closest_title_without_article(typed, nearer) or found

    async def fuzzy_people(self, run: str, limit: int, cutoff: float) -> list[NameHit]:
        """:meth:`Catalog.fuzzy_people`, looked for as widely as the suggestions need at
        once: fewer people, or closer ones, are the first of those."""
        known = self._people.get(run)
        if known is None or known[0] < limit or known[1] > cutoff:
            wide = (max(limit, SUGGESTED_PEOPLE), min(cutoff, SUGGESTED_CUTOFF))
            known = self._people[run] = (*wide, await self.catalog.scored_people(run, *wide))
        return [hit for hit, score in known[2] if score >= cutoff][:limit]


async def _help(catalog: Catalog, rng: random.Random | None, avoid: Collection[str] = ()) -> str:
    """What to ask, with example questions about a released film of this catalog (not one
    the words ``avoid`` may be about)."""
    return f"Ask me about a film or a person, e.g. {await examples(catalog, rng, avoid)}"


_WITHOUT_SHORT = re.compile(r"(?<!\S)w/o(?!\S)", re.IGNORECASE)


def clean_question(raw: str) -> str:
    """Drop control characters, stacked combining marks and Discord's @here and @everyone
    (a ping, not words of the question); collapse whitespace."""
    text = _PINGS.sub(" ", _CONTROL.sub(" ", raw))
    if text.isascii():  # no marks to compose or drop
        return " ".join(text.split())
    text = unicodedata.normalize("NFC", text)
    kept: list[str] = []
    marks = 0
    for char in text:
        if unicodedata.combining(char):
            marks += 1
            if marks > 2:
                continue
        else:
            marks = 0
        kept.append(char)
    return " ".join("".join(kept).split())


async def answer(
    question: str,
    catalog: Catalog,
    *,
    today: date | None = None,
    rng: random.Random | None = None,
    previous: Answer | None = None,
    _retry: bool = False,
) -> Answer:
    """Answer one question from the catalog; never raises for what a person types.

    ``today`` is the date ages are counted to (default: the system's date) and ``rng`` the
    randomness picks use (default: the engine's own, seeded once, not for every question);
    tests pass their own for stable replies.
    ``previous`` is the answer given just before in the same conversation: "who was in
    it", "how old is he" or "who starred" then ask about what it was about.
    """
    if previous is not None and not _retry:
        return await _answer_after(question, catalog, previous, today, rng)
    text = _WITHOUT_SHORT.sub("without", clean_question(question))  # "comedies w/o hanks"
    if not text:
        return Answer(question, [], await _help(catalog, rng), kind="help")
    if len(text) > MAX_QUESTION_CHARS:
        return Answer(
            question,
            [],
            f"That question is {len(text):,} characters long; please ask in under "
            f"{MAX_QUESTION_CHARS} characters.",
            kind="rejected",
        )
    if not _retry and (dated := await _years_said(text, catalog, today)) is not None:
        text = dated  # "films from last year": the year it was
    if not _retry and (about := _ABOUT_OPENING.match(text)) is not None:
        # "whats up with alita 2": what is known of it, not the film Up
        reply = await answer(f"tell me about {about.group('rest')}", catalog, today=today, rng=rng)
        reply.question = question
        return reply
    if not _retry and (held := _held_asked(text)):
        # "do you have blade runner", "is heat in the catalog": whether the catalog has it
        reply = await _whether_held(question, held, catalog, today, rng)
        if reply is not None:
            return reply
    if not _retry and (plain := await _without_filler(text, catalog)) is not None:
        reply = await answer(plain, catalog, today=today, rng=rng)
        # "who played gandalf lol": a name the catalog lacks, not the film "LOL"
        if reply.kind == "answer" or (
            reply.kind == "not_found" and _residual_run(norm(plain).split())
        ):
            reply.question = question
            return reply
    if not _retry and (asked := compare.split(text)) is not None:
        # "which is older, jaws or alien": each side found as it would be alone
        compared = await compare.answer_compared(
            question,
            asked,
            lambda part: answer(part, catalog, today=today, rng=rng),
            catalog,
        )
        if compared is not None:
            return compared
    if not _retry and (parts := compound.split(text)) is not None:
        both = await compound.answer_both(
            question, parts, lambda part: answer(part, catalog, today=today, rng=rng), catalog
        )
        if both is not None:
            return both
    key = norm(text)
    # "recomend a movie", "who direced jaws": a question word misspelt, unless a name has it;
    # a chat spelling a name has too is read so unless that name is here ("how many movies
    # r there", but "r lee ermey")
    known = await catalog.known_words()
    words = key.split()
    named: set[int] = set()
    if any(w in MISSPELT and w in known for w in words):
        named = {i for m in await find_mentions(words, catalog) for i in m.positions}
    key = " ".join(
        [
            w if w in known and (w not in MISSPELT or i in named) else await _question_word(w)
            for i, w in enumerate(words)
        ]
    )
    tokens = key.split()
    if not tokens:
        return Answer(question, [], await _help(catalog, rng), kind="help")
    if not _retry and (unkept := await characters.no_characters(question, key, catalog)):
        return unkept  # "who voiced woody" where no one's character is kept: not The Voices
    capitalised = _capitalised(text, tokens)
    lookups = _Lookups(catalog)
    mentions = _keywords_unmasked(tokens, await find_mentions(tokens, catalog))
    verbs = [] if _retry else _credit_verb_slips(tokens, mentions)
    if verbs:  # "did cameron rite the terminator": write, said so
        tokens, capitalised = _read_as(tokens, capitalised, verbs)
        key = " ".join(tokens)
        mentions = _keywords_unmasked(tokens, await find_mentions(tokens, catalog))
    readings: list[Reading] = []
    if not _retry and any(not _one_question_word(m) for m in mentions):
        # "godfather 2" is The Godfather Part II; "did spielberg direct the shining",
        # "hanks comedies": a lone surname beside another name is the one person of it
        readings, missing = await _sequels_named(tokens, mentions, catalog)
        if missing:
            return await _no_sequel(question, *missing[0], catalog)
        readings += await _surname_shared(tokens, mentions, catalog)  # "joel and ethan coen"
        taken = {i for r in readings for i in range(r.start, r.end)}
        readings += [
            r for r in await _surnames_beside(tokens, mentions, catalog) if r.start not in taken
        ]
        readings += await _title_words_joined(tokens, mentions, catalog)
        readings += await _title_words_liked(tokens, mentions, catalog)  # "like totoro"
        taken = {i for r in readings for i in range(r.start, r.end)}
        readings += [
            r
            for r in await _given_name_shortened(tokens, mentions, catalog)
            if r.start not in taken
        ]
        taken = {i for r in readings for i in range(r.start, r.end)}
        shortened = await _value_shortened(tokens, mentions, catalog)
        if shortened and taken.isdisjoint(range(shortened.start, shortened.end)):
            readings.append(shortened)  # "is up a pixar movie": Pixar Animation Studios
        readings.sort()
    elif (
        not _retry
        and _SAID_BESIDE.intersection(tokens)
        and len(pair := await _surnames_beside(tokens, mentions, catalog)) > 1
    ):
        # "films where cameron and schwarzenegger worked together": surnames said together
        readings = pair
    elif not _retry and (shortened := await _value_shortened(tokens, mentions, catalog)):
        # "films set in new york": New York City; "ghibli movies": Studio Ghibli
        readings = [shortened]
    if not _retry and (family := await _family_named(tokens, mentions, catalog)):
        # "films by the coens": the Coens who worked together, over any other reading
        apart = [r for r in readings if r.end <= family.start or r.start >= family.end]
        readings = sorted([*apart, family])
    readings = sorted([*verbs, *readings])
    if readings:  # the question as read, and the names in it found again
        tokens, capitalised = _read_as(tokens, capitalised, readings)
        key = " ".join(tokens)
        mentions = _keywords_unmasked(tokens, await find_mentions(tokens, catalog))
    unknown = await _unknown_words(tokens, mentions, catalog)  # typos, or unknown names
    unknown_title = False
    if not _retry and not is_small_talk(key):  # "thanks" is not a misspelt "Hanks"
        corrected = await _repaired(tokens, mentions, unknown, lookups)
        if corrected is None and all(_one_question_word(m) for m in mentions):
            # nothing named but a title that is one question word (the film "What?")
            corrected = await _corrected(tokens, lookups, capitalised)
        if corrected is None:
            corrected = await _longer_title(tokens, mentions, catalog)
        if corrected is not None and _runs_into_a_title(tokens, mentions, corrected[0]):
            # "who directed alita battle angel": one title the catalog lacks, not Alila and
            # the film Angel side by side
            corrected, unknown_title = None, True
        if corrected is not None and (
            await _character_misread(key, *corrected, catalog)
            or _life_misread(mentions, corrected[0])
        ):
            corrected = None
        if corrected is not None:
            reply = await _read_again(question, key, corrected, catalog, today, rng)
            if reply is not None:
                return await _said(reply, readings, catalog)
    if unknown and (run_on := await _title_run_on(tokens, mentions, unknown)) is not None:
        return await _no_sequel(question, *run_on, catalog)
    unknown = [
        i
        for i in unknown
        if not is_keyword(tokens[i])
        and tokens[i] not in _ASKED_AGAIN
        and not narrows_films(tokens, i)  # "old movies", "long films"
    ]
    given = await _given_names_before(tokens, unknown, mentions, catalog)
    unknown_name = unknown_title or _names_the_unknown(
        tokens, mentions, unknown, capitalised, given
    )
    if not unknown_name and unknown and _someone_unknown(tokens, mentions, unknown):
        # "comedies with jackie chan", "dramas directed by martin scorsese": a person the
        # catalog lacks is said so, not left out of a list of the genre's films
        unknown_name = True
    if (
        not unknown_name
        and unknown
        and (mentions or TELL_ABOUT.search(key))
        and all(map(_one_question_word, mentions))
    ):
        # "who played gandalf": a word in no name and no dictionary is a name the catalog
        # lacks, not the film "Played"; so is "tell me about gandalf", not another subject
        unknown_name = not all([await english_word(tokens[i]) for i in unknown])
    if not unknown_name and _possessive_unknown(text, tokens, unknown):
        # "nolan's newest movie" where the catalog lacks Nolan: not the newest films
        unknown_name = True
    before_films = "" if unknown_name else await _unknown_before_films(tokens, unknown)
    if before_films:
        # "the best nolan movie" where the catalog lacks Nolan: not the best films
        unknown_name = True
    if not unknown_name and _film_lacked(tokens, mentions):
        # "was tom hanks in big" where the catalog lacks Big: not yes for his other films
        unknown_name = True
    if not unknown_name and _kind_asked_of_unknown(tokens, unknown):
        # "is gladiator a horror movie" where the catalog lacks Gladiator: not horror films
        unknown_name = True
    if not unknown_name and unknown and _RELATIVE_YEAR.search(text):
        # "films in last year at marienbad" where the catalog lacks it: not the latest films
        unknown_name = True
    context = Context(
        question,
        key,
        tokens,
        mentions,
        catalog,
        today=today or date.today(),
        rng=rng or _DICE,
    )
    if unknown_name and not is_small_talk(key):  # "ok thanks": no name, though "ok" is one
        return await _not_found(context, lookups, before_films)
    if _film_pronoun_alone(tokens, mentions) and (unsaid := compound.film_unsaid(key)):
        # "was tom hanks in it": which film, not yes for every film of his
        return Answer(question, [], unsaid, kind="clarify")
    for kind in KINDS:
        result = await kind(context)
        if result is not None:
            left_out = _joined_unknown(tokens, mentions, unknown)
            if left_out and result.kind == "answer":
                # "who starred in both heat and the insider": the film it lacks is said so
                result.text = f"(I don't know “{left_out}”, so this leaves it out.) {result.text}"
            return await _said(result, readings, catalog)
    if not _retry and (
        (said := await _title_word(tokens, mentions, catalog)) is not None
        or (said := await _subtitle_said(tokens, mentions, catalog)) is not None
    ):
        # "who directed totoro" where "totoro" is a tag too: of the one title it is in;
        # "who directed the way of water": of the one title it ends after a colon
        reply = await _read_again(question, key, said, catalog, today, rng)
        if reply is not None:
            return await _said(reply, readings, catalog)
    return await _not_found(context, lookups)


async def _read_again(
    question: str,
    key: str,
    corrected: tuple[str, str],
    catalog: Catalog,
    today: date | None,
    rng: random.Random | None,
) -> Answer | None:
    """The answer to the question with the words typed read as the name they stand for,
    saying so; ``None`` when that answers nothing either. A sequel's number after the
    words ("godfahter 2", "alein 3") is read with them: the sequel, or that the catalog
    has no such film, not the film before it; and so are the words after them that make
    the name read part of a longer title ("the terminater 2": Terminator 2)."""
    wrong, right = corrected
    fixed = key.replace(wrong, norm(right), 1)
    tokens = fixed.split()
    start = len(key[: key.find(wrong)].split())
    end = start + len(norm(right).split())
    mentions = await find_mentions(tokens, catalog)
    found, missing = await _sequels_named(tokens, mentions, catalog)
    for typed, mention in missing:
        if mention.start == start:
            return await _no_sequel(question, typed, mention, catalog)
    longer = [r for r in found if r.start == start] or [
        Reading(start, m.end, "", films[0].display)
        for m in mentions
        if start <= m.start < end < m.end and (films := m.of_kind("film"))
    ]
    if longer:
        corrected = (" ".join([wrong, *tokens[end : longer[0].end]]), longer[0].name)
        fixed = " ".join([*tokens[:start], norm(longer[0].name), *tokens[longer[0].end :]])
    reply = await answer(fixed, catalog, today=today, rng=rng, _retry=True)
    if reply.kind != "answer":
        return None
    reply.question = question
    reply.text = f"{await _reading_said([corrected], catalog)} {reply.text}"
    return reply


async def _family_named(
    tokens: list[str], mentions: list[Mention], catalog: Catalog
) -> Reading | None:
    """A surname said in the plural, "the" before it or not ("the coens", "coens"), that
    no name has and that is no English word: the people of that surname who worked
    together, best known first (Joel and Ethan Coen; not a Franklin Coen credited on none
    of their films)."""
    named = {i for m in mentions if not _lone_tag(m) for i in m.positions}
    for i, word in enumerate(tokens):
        if i in named or len(word) < FAMILY_PLURAL_MIN or not word.endswith("s"):
            continue
        together = await _family(word[:-1], catalog)
        if not together:
            continue
        start = i - 1 if i and tokens[i - 1] == "the" and i - 1 not in named else i
        return Reading(start, i + 1, " ".join(tokens[start : i + 1]), join_names(together))
    return None


async def _family(surname: str, catalog: Catalog) -> list[str]:
    """The people of ``surname`` who worked together, best known first (Joel and Ethan
    Coen), when it is no English word and they are two or more of at most
    ``BEST_KNOWN_MOST`` people of that surname; else none ("king": the word, not Kings
    who shared a film)."""
    people = await catalog.people_by_surname(surname)
    if not 1 < _how_many(people) <= BEST_KNOWN_MOST or await english_word(surname):
        return []
    together = _worked_together(*await _ranked(people, catalog))
    return together if len(together) > 1 else []


def _how_many(people: list[NameHit]) -> int:
    """How many people ``people`` are (a person may be found by more than one name)."""
    return len({p.ref for p in people})


async def _films_of_each(people: Iterable[NameHit], catalog: Catalog) -> dict[int, set[int]]:
    """The ids of the films each of ``people`` is credited on, by person id."""
    refs = dict.fromkeys(p.ref for p in people)
    return {ref: {f.id for f in await catalog.films_of_people([ref])} for ref in refs}


async def _ranked(
    people: list[NameHit], catalog: Catalog
) -> tuple[list[NameHit], dict[int, set[int]]]:
    """``people``, one each, those credited on the most films first, then by name; and
    the ids of each one's films."""
    films = await _films_of_each(people, catalog)
    ones = {p.ref: p for p in people}.values()
    return sorted(ones, key=lambda p: (-len(films[p.ref]), p.display)), films


def _worked_together(people: list[NameHit], films: dict[int, set[int]]) -> list[str]:
    """Those of ``people`` credited on a film with another of them, in their order
    (``films``: each one's films, by person id)."""
    return [
        p.display
        for p in people
        if any(films[p.ref] & films[o.ref] for o in people if o.ref != p.ref)
    ]


async def _namesakes(word: str, person: str, catalog: Catalog) -> list[str]:
    """The others whose surname is ``word`` too, when it is read as ``person``'s ("coen"
    read as Ethan Coen: Joel Coen), the best known first; none when they are too many to
    rank."""
    people = await catalog.people_by_surname(word)
    if person not in {p.display for p in people} or _how_many(people) > BEST_KNOWN_MOST:
        return []
    ranked, _ = await _ranked(people, catalog)
    return [p.display for p in ranked if p.display != person]


async def _title_word(
    tokens: list[str], mentions: list[Mention], catalog: Catalog
) -> tuple[str, str] | None:
    """For a question that names nothing else, its one word outside the question words
    that is a word of one title only, and that title (:func:`word_of_a_title`); a word
    chat ends the question with is left out ("who directed totoro again"). A word that
    is only a character's name may be such a word too, when the one title is the
    character's film ("who directed totoro": My Neighbor Totoro, whose Totoro it is)."""
    run = _residual_run([t for t in tokens if t not in _ASKED_AGAIN])
    if " " in run:
        return None
    characters = [m for m in mentions if _lone_character(m)]
    if any(
        not _lone_tag(m) and not _one_question_word(m) and m not in characters for m in mentions
    ):
        return None
    if not characters:
        return await word_of_a_title(run, catalog)
    title = await title_of_character(run, catalog)
    return None if title is None else (run, title)


async def _subtitle_said(
    tokens: list[str], mentions: list[Mention], catalog: Catalog
) -> tuple[str, str] | None:
    """For a question that names no film or person, the words outside the question words
    that one title has after its colon, its article typed too, and that title
    (:func:`title_of_subtitle`: "the way of water" is Avatar: The Way of Water)."""
    if any(m.has("film", "person") and not _one_question_word(m) for m in mentions):
        return None
    asked = _without_release_words(_without_asked_tail(tokens))  # "when did … come out"
    run = title_to_the_end(asked) or _residual_run(asked)
    title = await title_of_subtitle(run, catalog) if " " in run else None
    if title is None:
        return None
    at = _run_at(tokens, run.split())
    return (f"{tokens[at - 1]} {run}" if at and tokens[at - 1] in ARTICLES else run), title


async def _answer_after(
    question: str,
    catalog: Catalog,
    previous: Answer,
    today: date | None,
    rng: random.Random | None,
) -> Answer:
    """The answer to a question asked right after ``previous``: its "it" or "he" is what
    ``previous`` was about, and a question naming nothing ("who starred") asks of that."""
    text = clean_question(question)
    if is_small_talk(norm(text)):  # "hows it going": no film its "it" stands for
        return await answer(question, catalog, today=today, rng=rng)
    if (own := await _subject_named(text, catalog, today, rng)) is not None:
        own.question = question
        return own
    resolved = await compound.follow_up(text, previous, catalog)
    if resolved is not None:
        reply = await answer(resolved, catalog, today=today, rng=rng)
        if reply.kind == "answer":
            reply.question = question
            return reply
    elif (stand_in := await compound.film_person(text, previous, catalog)) is not None:
        return await _director_meant(question, text, previous, stand_in, catalog, today, rng)
    reply = await answer(question, catalog, today=today, rng=rng)
    if (reply.kind != "answer" or _pronoun_title(reply)) and (
        which := compound.which_film(text, previous)
    ):
        return Answer(question, [], which, kind="clarify")
    if _pronoun_title(reply) and not previous.films and (unsaid := compound.film_unsaid(text)):
        # "who directed it" after "how old is keanu reeves": no film it stands for, not It
        return Answer(question, [], unsaid, kind="clarify")
    # "who starred", not "… start", nor "who directed star wars", whose name is all words
    # that ask something
    names_nothing = not reply.unknown and not _residual_run(norm(text).split())
    if (
        reply.kind == "not_found"
        and names_nothing
        and (about := await compound.subject(previous, catalog))
    ):
        again = await answer(f"{text} {about}", catalog, today=today, rng=rng)
        if again.kind == "answer":
            again.question = question
            return again
    return reply


_SUBJECTS = frozenset("he she hes shes".split())


async def _subject_named(
    text: str, catalog: Catalog, today: date | None, rng: random.Random | None
) -> Answer | None:
    """The answer to a question whose "he" or "she" comes after the person it names ("how
    old was hitchcock when he died"), asked alone: that person, not the one asked about
    before; ``None`` when the question has no such word or names no one before it."""
    words = norm(text).split()
    at = next((i for i, word in enumerate(words) if word in _SUBJECTS), 0)
    if not at:
        return None
    reply = await answer(text, catalog, today=today, rng=rng)
    if reply.kind != "answer":
        return None
    before = set(words[:at])
    for ref in reply.people:
        name = await catalog.person_name(ref)
        if name and before & set(norm(name).split()):
            return reply
    return None


_PRONOUN_AFTER = frozenset("in on".split())  # "was tom hanks in it"


def _film_pronoun_alone(tokens: list[str], mentions: list[Mention]) -> bool:
    """Whether a question names a person and no film, and asks of a film by "it" ("was
    tom hanks in it", "did spielberg direct it")."""
    if not any(m.has("person") for m in mentions) or any(
        m.has("film") and not _one_question_word(m) for m in mentions
    ):
        return False
    return any(
        token == "it" and (at == len(tokens) - 1 or tokens[at - 1] in _PRONOUN_AFTER)
        for at, token in enumerate(tokens)
    )


def _pronoun_title(reply: Answer) -> bool:
    """Whether a reply is about films whose title is a word such as "it" stands for (the
    film It, for "who was in it")."""
    return bool(reply.films) and all(compound.is_film_pronoun(film.title) for film in reply.films)


async def _director_meant(
    question: str,
    text: str,
    previous: Answer,
    stand_in: tuple[str, str | None],
    catalog: Catalog,
    today: date | None,
    rng: random.Random | None,
) -> Answer:
    """ "how old is he" right after an answer about one film: "he" is the film's director,
    said so, or the reply says it can't tell who is meant."""
    said, director = stand_in
    film = previous.films[0]
    if director is not None:
        reply = await answer(compound.name_person(text, director), catalog, today=today, rng=rng)
        if reply.kind == "answer":
            reply.question = question
            reply.text = (
                f"Taking “{said}” as the director of {film.label}, {director}: {reply.text}"
            )
            return reply
    text = (
        f"I can't tell who “{said}” is: the last answer was about {film.label}, "
        "not about one person. Ask again with their name."
    )
    return Answer(question, [], text, kind="clarify")


# "movies from this year", "horror since last year": a year said from today
_RELATIVE_YEAR = re.compile(
    r"\b(?:(?:from|in|of|during|since|before|after|until)|(?P<done>out|released|made)) "
    r"(?P<which>this|last|next) year\b",
    re.IGNORECASE,
)
_YEARS_FROM_NOW = {"this": 0, "last": -1, "next": 1}


async def _years_said(text: str, catalog: Catalog, today: date | None) -> str | None:
    """The question with its "this year", "last year" or "next year" said as that year,
    or ``None`` when it has none or they begin a longer name ("in last year at
    marienbad"), one the catalog has or one whose next words it and English lack."""
    match = _RELATIVE_YEAR.search(text)
    if match is None:
        return None
    tokens = norm(text).split()
    at = len(norm(text[: match.start("which")]).split())  # where "this" / "last" is
    for mention in await find_mentions(tokens, catalog):
        if mention.start <= at < mention.end and mention.end > at + 2:
            return None
    if await _unknown_word_among(tokens[at + 2 : at + 2 + NAME_TAIL_WORDS], catalog):
        return None
    year = (today or date.today()).year + _YEARS_FROM_NOW[match["which"].lower()]
    said = f"in {year}" if match["done"] else str(year)  # "came out last year": in it
    return f"{text[: match.start('which')]}{said}{text[match.end() :]}"


async def _unknown_word_among(words: list[str], catalog: Catalog) -> bool:
    """Whether one of the words is in no name the catalog has and is no common English
    word: the rest of a name it lacks ("last year at marienbad")."""
    known = await catalog.known_words()
    return any([w not in known and not await common_english(w) for w in words])


# "whats up with alita 2", "what's the deal with keanu": tell me about …
_ABOUT_OPENING = re.compile(
    r"^(?:so\s+)?(?:what'?s|what\s+is|wats|sup)\s+(?:up|the\s+deal|the\s+story)\s+with\s+"
    r"(?P<rest>\S.*)$",
    re.IGNORECASE,
)


# "is heat in the catalog", "do you have blade runner in here": whether the catalog has
# a film or a person, not a credit asked ("is tom hanks in heat") nor films of a kind ("do
# you have any horror movies", "do you have a favourite")
_HERE = (
    r"(?:in|on) (?:here|there|the (?:catalog|catalogue|database|db|list|bot)|"
    r"(?:your|ur) (?:catalog|catalogue|database|db|list|collection))"
)
_NOT_ONE = r"(?!(?:a|an|any|some|anything|something|more|other|others|many|all|every)\b)"
_HELD = (
    re.compile(
        r"^(?:(?:do|does) (?:you|u|ya|the catalog|the bot) (?:have|has|got)|"
        r"(?:have|has) (?:you|u|the catalog) got|(?:you|u|ya) (?:have|got)) "
        rf"{_NOT_ONE}(?P<named>\S.*?)(?: {_HERE})?[\s?.!]*$",
        re.IGNORECASE,
    ),
    re.compile(rf"^(?:is|are) {_NOT_ONE}(?P<named>\S.*?) {_HERE}[\s?.!]*$", re.IGNORECASE),
)
_READING_SAID = re.compile(r"^\(Reading .*?\.\) ")


def _held_asked(text: str) -> str:
    """The name in a question asking whether the catalog has something ("do you have
    blade runner", "is heat in here": “heat”), else ""."""
    return next((found["named"] for held in _HELD if (found := held.match(text))), "")


async def _whether_held(
    question: str, named: str, catalog: Catalog, today: date | None, rng: random.Random | None
) -> Answer | None:
    """Whether the catalog has what ``named`` names, read as it would be alone: yes with
    the films of that title, or the person's films; no with what it may have meant; ``None``
    when the name is no film or person (small talk, a genre's films)."""
    if is_small_talk(norm(named)) or is_small_talk(norm(question)):
        return None  # "do you have feelings": asked of the bot, not of the catalog
    found = await answer(named, catalog, today=today, rng=rng)
    found.question = question
    if found.kind == "not_found":
        said = f"No, “{found.unknown}” is not in the catalog." if found.unknown else found.text
        if found.unknown and found.suggestions:
            said += f" Did you mean {join_names(found.suggestions, 5)}?"
        found.text = said if said.startswith("No") else f"No: {said[0].lower()}{said[1:]}"
        return found
    if found.kind != "answer":
        return None
    reading = _READING_SAID.match(found.text)
    read = reading.group() if reading else ""
    if not found.people and found.films and found.answers == [f.label for f in found.films]:
        if not read and (more := await _said_beyond(named, catalog)):
            # "do you have alien covenant": not Alien, whose title it begins with
            labels = [film.label for film in found.films]
            text = f"No, “{more}” is not in the catalog. Did you mean {join_names(labels, 5)}?"
            return Answer(question, [], text, kind="not_found", suggestions=labels, unknown=more)
        found.text = f"{read}Yes: the catalog has {film_list(found.films)}."
    elif len(found.people) == 1:  # "do you have tom hanks": the films the person is on
        found.text = f"{read}Yes: {found.text.removeprefix(read)}"
    else:
        return None
    return found


async def _said_beyond(named: str, catalog: Catalog) -> str:
    """The words typed, when some of them, past an article or a year ("heat 1995"), are
    in no name the catalog has ("alien covenant"); else ""."""
    tokens = norm(named).split()
    covered = {i for m in await find_mentions(tokens, catalog) for i in m.positions}
    loose = [
        t
        for i, t in enumerate(tokens)
        if i not in covered and t not in ARTICLES and not t.isdigit()
    ]
    return " ".join(tokens) if loose else ""


async def _without_filler(text: str, catalog: Catalog) -> str | None:
    """The question without the chat words sprinkled over it ("lol", "tho"), or ``None``
    when it has none, is nothing else, or one is part of a name with the word beside it
    ("nicolas bro")."""
    found = lexicon.filler_positions(text)
    words = text.split()
    if not found or len(found) == len(words):
        return None
    pairs = [
        norm(f"{words[a]} {words[b]}")
        for i in found
        for a, b in ((i - 1, i), (i, i + 1))
        if a >= 0 and b < len(words)
    ]
    if await catalog.lookup_names(pairs):
        return None
    dropped = set(found)
    return " ".join(w for i, w in enumerate(words) if i not in dropped)


async def _said(reply: Answer, readings: list[Reading], catalog: Catalog) -> Answer:
    """The reply, saying first how the names in it were read, if any were."""
    if readings and reply.kind == "answer":
        said = await _reading_said([(r.typed, r.name) for r in readings], catalog)
        reply.text = f"{said} {reply.text}"
    return reply


async def _reading_said(readings: list[tuple[str, str]], catalog: Catalog) -> str:
    """``(Reading “coen” as “Ethan Coen”; there are also Joel Coen and Franklin Coen.)``:
    how the words typed were read, each ``(typed, name)``, and the others whose surname a
    word read as someone's is too, so that one of them can be asked for by name."""
    said = ", ".join(f"“{typed}” as “{name}”" for typed, name in readings)
    others = [other for reading in readings for other in await _namesakes(*reading, catalog)]
    if not others:
        return f"(Reading {said}.)"
    shown = len(others) if len(others) <= NAMESAKES_SHOWN + 1 else NAMESAKES_SHOWN
    are = "is" if len(others) == 1 else "are"
    return f"(Reading {said}; there {are} also {join_names(others, shown)}.)"


def _read_as(
    tokens: list[str], capitalised: AbstractSet[int], readings: list[Reading]
) -> tuple[list[str], set[int]]:
    """The words with each reading's words replaced by the name it stands for, and where
    the words typed with a capital are now."""
    starts = {r.start: r for r in readings}
    read: list[str] = []
    moved: set[int] = set()
    i = 0
    while i < len(tokens):
        reading = starts.get(i)
        end = reading.end if reading else i + 1
        words = norm(reading.name).split() if reading else [tokens[i]]
        if capitalised.intersection(range(i, end)):
            moved.update(range(len(read), len(read) + len(words)))
        read.extend(words)
        i = end
    return read, moved


async def _sequels_named(
    tokens: list[str], mentions: list[Mention], catalog: Catalog
) -> tuple[list[Reading], list[tuple[str, Mention]]]:
    """A title followed by a sequel's number, as people type it ("godfather 2", "the
    godfather pt ii"), that is another film's title written another way (The Godfather
    Part II), and that film's title; and apart, such words that are no film in the
    catalog ("toy story 3"), with the title before the number."""
    found: list[Reading] = []
    missing: list[tuple[str, Mention]] = []
    for mention in mentions:
        if not mention.has("film"):
            continue
        at = mention.end
        if at < len(tokens) and tokens[at] in SEQUEL_PARTS:
            at += 1
        if at >= len(tokens) or tokens[at] not in SEQUEL_NUMBERS:
            continue
        titles = {mention.norm, *(h.norm for h in mention.of_kind("film"))}
        names = [n for title in titles for n in sequel_titles(title, tokens[at])]
        films = [h for h in await catalog.lookup_names(names) if h.kind == "film"]
        typed = " ".join(tokens[mention.start : at + 1])
        if films:
            found.append(Reading(mention.start, at + 1, typed, films[0].display))
        else:
            missing.append((typed, mention))
    return found, missing


_ARTICLES = frozenset("the a an".split())
_TITLE_ASKED = frozenset("in of directed direct wrote write starred star stars cast".split())
_TITLE_ASKED_OF = _TITLE_ASKED | {"did", "does", "was", "is"}  # "when did … come out"
_RELEASE_WORDS = frozenset("come came coming out released release".split())


# Words chat ends a question with that belong to no title ("who directed heat again")
_ASKED_AGAIN = frozenset("again anyway actually exactly though".split())


async def _title_run_on(
    tokens: list[str], mentions: list[Mention], unknown: list[int]
) -> tuple[str, Mention] | None:
    """A title asked about and the English words in no catalog name after it, to the
    question's end or the words asking when it came out ("who starred in alien covenant",
    "when did the matrix reloaded come out"): a longer title the catalog lacks, typed and
    with the film it has; ``None`` when there is none."""
    odd = set(unknown)

    async def stray(at: int) -> bool:
        return (
            at in odd
            and not tokens[at].endswith("ly")  # "… in jaws originally"
            and tokens[at] not in _ASKED_AGAIN  # "who directed parasite again"
            and await english_word(tokens[at])  # "… cast away qwertyuiop"
        )

    for mention in mentions:
        if not mention.has("film") or mention.has("person"):
            continue
        end = mention.end
        while end < len(tokens) and (
            await stray(end) or (tokens[end] in _ARTICLES and await stray(end + 1))
        ):
            end += 1
        if end == mention.end:
            continue
        at = mention.start - 1
        while at >= 0 and tokens[at] in _ARTICLES:
            at -= 1
        before = tokens[at] if at >= 0 else ""
        if (end == len(tokens) and before in _TITLE_ASKED) or (
            end < len(tokens) and tokens[end] in _RELEASE_WORDS and before in _TITLE_ASKED_OF
        ):
            return " ".join(tokens[mention.start : end]), mention
    return None


async def _no_sequel(question: str, typed: str, mention: Mention, catalog: Catalog) -> Answer:
    """A sequel the catalog lacks is said to be missing, not answered as the film before
    it ("toy story 4" is not Toy Story), with the films of that title the catalog has
    ("The catalog has no film called “Toy Story 4”; it has Toy Story (1995), Toy Story 2
    (1999) and Toy Story 3 (2010).")."""
    named = await catalog.summaries(dict.fromkeys(h.ref for h in mention.of_kind("film")))
    films: dict[int, FilmSummary] = {}
    for film in named:
        films.update((f.id, f) for f in await films_of_the_title(catalog, film))
        films.setdefault(film.id, film)
    ordered = sorted(films.values(), key=oldest_first_key)
    number = typed.split()[mention.size :]
    title = " ".join([named[0].title, *map(_numbered, number)]) if named else typed
    return Answer(
        question,
        [],
        f"The catalog has no film called “{title}”; it has {film_list(ordered)}.",
        kind="not_found",
        films=ordered,
        suggestions=list(dict.fromkeys(f.label for f in ordered)),
    )


def _numbered(word: str) -> str:
    """A word of a sequel's number as a title has it: "Part" (for "pt" too), "II", "4"."""
    if set(word) <= set("ivx"):
        return word.upper()
    return _PARTS_SAID.get(word, word.capitalize())


_PARTS_SAID = {"pt": "Part", "vol": "Vol."}


async def _surname_shared(
    tokens: list[str], mentions: list[Mention], catalog: Catalog
) -> list[Reading]:
    """A given name said before "and" and a person's whole name, whose surname it shares:
    the person of that given name and surname ("joel and ethan coen": Joel Coen), when the
    catalog has one."""
    found: list[Reading] = []
    for mention in mentions:
        at = mention.start - 2
        if mention.size < 2 or at < 0 or tokens[at + 1] != "and" or not mention.has("person"):
            continue
        name = f"{tokens[at]} {tokens[mention.end - 1]}"
        people = [hit for hit in await catalog.lookup_names([name]) if hit.kind == "person"]
        if people:
            found.append(Reading(at, at + 1, tokens[at], people[0].display))
    return found


async def _surnames_beside(
    tokens: list[str], mentions: list[Mention], catalog: Catalog
) -> list[Reading]:
    """The words named by nothing that are the surname, or else the first name, of one
    person ("spielberg", "hanks", "keanu"), and that person's name: in a question that
    names something else, a lone surname is said for short. A word next to another that
    may be part of the same name ("woody swan", "mark mcmanus") is part of a name the
    catalog lacks, not a surname said alone. A word the catalog has as a tag alone is
    read so too where a credit of a film is asked ("did spielberg direct the shining",
    where "spielberg" tags films), or where no tag is asked and the person has at least as
    many films as the tag ("films by nolan", "how old is spielberg"; not "zombie films")."""
    known = await catalog.known_words()
    # "how many films did hitchcock make": a one-word title where a person is asked of
    titles = {
        m.start
        for m in mentions
        if m.size == 1 and not m.has("person") and _PERSON_ASKED.search(_blanked(tokens, m))
    }
    free = {
        i
        for m in mentions
        if not _lone_tag(m) and not _particle_tag(tokens, m) and m.start not in titles
        for i in m.positions
    }
    words = [
        i
        for i, word in enumerate(tokens)
        if i not in free
        and (word in known or word.removesuffix("s") in known)  # "nolan's": "nolans"
        and _may_be_slip(word, 3)
        and not is_keyword(word)
    ]
    if not words:
        return []
    role = _role_asked(tokens)
    if role is not None and any(m.has("film") for m in mentions):
        mentions = [m for m in mentions if not _lone_tag(m)]  # a credit of a film is asked
    named = {i for m in mentions for i in m.positions}
    covered = {i for m in mentions if not m.bare() for i in m.positions}
    key = " ".join(tokens)
    tags = (
        {}
        if _TAGS_ASKED.search(key)
        else {m.start: m for m in mentions if _lone_tag(m) or _particle_tag(tokens, m)}
    )

    def loose(at: int) -> bool:  # a word that may be another part of the same name
        if not 0 <= at < len(tokens) or at in covered:
            return False
        return not is_keyword(tokens[at]) and tokens[at] not in _NOT_OF_A_NAME

    found: dict[str, Reading] = {}
    for i in words:
        word = tokens[i]
        over_tag = i in named and i in tags and i not in titles
        over_name = over_tag or i in titles
        if word in found or loose(i + 1):
            continue
        if loose(i - 1) or (i - 1 in tags and tags[i - 1].end == i + 1):
            # "de niro": the surname of two words, over a tag of them too where the person
            # has the more films
            joined = await _particle_surname(tokens, i, catalog)
            if joined is not None and (
                i - 1 not in tags or await _more_films(joined.name, tags[i - 1], catalog)
            ):
                found[word] = joined
            continue
        if i in named and not over_name:
            continue
        read = await _surname(word, catalog, slip=False, role=role, best_known=True)
        if read is None and not over_name and (family := await _family(word, catalog)):
            # "wachowski action movies": no one Wachowski, but two who worked together
            found[word] = Reading(i, i + 1, word, join_names(family))
            continue
        if read is None or (over_tag and not await _more_films(read[1], tags[i], catalog)):
            continue
        found[word] = Reading(i, i + 1, word, read[1])
    return list(found.values())


async def _given_name_shortened(
    tokens: list[str], mentions: list[Mention], catalog: Catalog
) -> list[Reading]:
    """A word named by nothing that is or begins the given name of one person credited on
    the film the question names, and that person ("how old was leo in titanic": Leonardo
    DiCaprio; "was tom in forrest gump": Tom Hanks, of the catalog's many Toms)."""
    films = [h.ref for m in mentions if not _one_question_word(m) for h in m.of_kind("film")]
    if not films or len(films) > SHORT_NAME_FILMS:
        return []
    named = {i for m in mentions if not _one_question_word(m) for i in m.positions}
    words = [
        i
        for i, word in enumerate(tokens)
        if i not in named
        and len(word) >= SHORT_NAME_MIN
        and word.isalpha()
        and word not in SCAFFOLD
        and word not in TALK
        and not is_keyword(word)
    ]
    words = [
        i
        for i in words
        if i - 1 not in words  # "tom hnaks": part of a name the catalog lacks
        and i + 1 not in words
        and not await common_english(tokens[i], GIVEN_NAME_MOST)
    ]
    if not words:
        return []
    people: set[str] = set()
    characters: set[str] = set()  # "who played jack in the shining": the character
    for ref in films:
        if (record := await catalog.film(ref)) is not None:
            people.update(c.person for c in record.credits)
            characters.update(w for c in record.credits for w in norm(c.character or "").split())
    given = {person: norm(person).split()[0] for person in people if norm(person)}
    readings = []
    for i in (i for i in words if tokens[i] not in characters):
        found = {person for person, name in given.items() if name.startswith(tokens[i])}
        if len(found) == 1:
            readings.append(Reading(i, i + 1, tokens[i], found.pop()))
    return readings


# Words that open a surname of two words ("de niro", "van sant", "del toro")
_SURNAME_PARTICLES = frozenset("de da di del della van von der den la le du st".split())


def _particle_tag(tokens: list[str], mention: Mention) -> bool:
    """Whether a mention is two words the catalog has only as a tag, the first a particle
    of surnames ("de niro")."""
    return (
        mention.size == 2
        and tokens[mention.start] in _SURNAME_PARTICLES
        and all(h.kind == "tag" for h in mention.hits)
    )


async def _particle_surname(tokens: list[str], at: int, catalog: Catalog) -> Reading | None:
    """The one person whose surname is the word at ``at`` with the particle before it
    ("de niro": Robert De Niro), as a reading of both words; ``None`` when the word before
    is no particle or no one, or no best-known one, has that surname."""
    particle = tokens[at - 1]
    if particle not in _SURNAME_PARTICLES:
        return None
    said = f"{particle} {tokens[at]}"
    people = [p for p in await catalog.people_by_surname(tokens[at]) if p.norm.endswith(said)]
    person = await _one_person(people, catalog, None, best_known=True)
    return None if person is None else Reading(at - 1, at + 1, said, person.display)


# Words that join two people asked about together ("cameron and schwarzenegger")
_TOGETHER = frozenset("and with together both".split())
# Words that say two names side by side: together, either, or one and not the other
_SAID_BESIDE = _TOGETHER | LEAVING_OUT | {"or"}
# Verbs people use for working on films, said next to a surname ("what has cameron done",
# "schwarzenegger worked with"): words of the question, not of the name
_WORKED = frozenset(
    "done doing ever work worked working works been collaborated collaborate teamed "
    "together".split()
)


# Words asking whether someone is alive ("is hitchcock still alive"), not of their name
_LIFE_WORDS = frozenset("still alive dead living die died dies pass passed away".split())
_PAIRING = frozenset("both either neither".split())  # "movies with both keanu and …"
# Words beside a surname that are no part of the name ("worked with nolan", "both keanu and",
# "without hanks")
_NOT_OF_A_NAME = _WORKED | _LIFE_WORDS | _PAIRING | LEAVING_OUT


# Words that ask for the films a tag describes ("movies about nolan", "described by")
_TAGS_ASKED = re.compile(
    RELATION_BY_NAME["tag"].pattern.pattern + r"|\b(?:films?|movies?|are|is|were) about\b"
)


# Where only a person can be: the one who made films, is some age, was born
_PERSON_ASKED = re.compile(
    r"\b(?:did|does|has|have|had) _ (?:make|made|direct|directed|write|wrote|star|starred|"
    r"act|acted|appear|appeared|play|played|do|done)\b|\bhow old is _$|\bwhen was _ born\b|"
    r"\bis _ (?:still )?(?:alive|dead|living)\b|\b(?:did|has) _ (?:die|died|passed away)\b|"
    r"^_ (?:films|movies) (?:from|in|of|before|after|since|between|during)\b"
)


def _blanked(tokens: list[str], mention: Mention) -> str:
    """The question with one mention's words as ``_``."""
    words = [*tokens[: mention.start], "_", *tokens[mention.end :]]
    return " ".join(words)


async def _more_films(name: str, tag: Mention, catalog: Catalog) -> bool:
    """Whether the person of that name is credited on at least as many films as the tag
    describes."""
    people = await catalog.people_named(name)
    if len(people) != 1:
        return False
    films = await catalog.films_of_people(people)
    return len(films) >= len(await catalog.films_with_value("tag", tag.norm))


async def _value_shortened(
    tokens: list[str], mentions: list[Mention], catalog: Catalog
) -> Reading | None:
    """The longest run of words, named by nothing else (but question words), that is part
    of one place's or company's name and not all of it, and that name ("new york": New
    York City, "ghibli": Studio Ghibli); a word alone only when it is no common English
    word or begins the name ("paramount", "disney", not "island" for Amity Island), and
    not after a word of a name the catalog lacks ("coen bros"); a place by its letters too
    ("la")."""
    names = [n for kind in SHORTENED_KINDS for n in await value_names(catalog, kind)]
    if not names:
        return None
    named = {i for m in mentions if not _one_question_word(m) for i in m.positions}
    best: Reading | None = None
    letters = lexicon.PLACE_LETTERS if _SET_IN.search(" ".join(tokens)) else {}
    for start, first in enumerate(tokens):
        if first in SCAFFOLD or start in named:
            continue
        for end in range(start + 1, min(len(tokens), start + SHORTENED_MOST) + 1):
            if end - 1 in named:
                break
            if tokens[end - 1] in SCAFFOLD or (best and end - start <= best.end - best.start):
                continue
            run = tokens[start:end]
            if all(is_keyword(w) for w in run):
                continue
            typed = " ".join(run)
            if typed in letters:  # "set in la": Los Angeles; "set in nyc": New York City
                meant = letters[typed]
                found = {name for n, name in names if n == meant or n.startswith(f"{meant} ")}
            else:
                found = {name for n, name in names if n != typed and f" {typed} " in f" {n} "}
            if len(found) != 1:
                continue
            name = found.pop()
            alone = end - start == 1 and typed not in letters
            if (
                alone
                and not norm(name).startswith(f"{typed} ")
                and (
                    await common_english(typed)
                    or (
                        start
                        and await _unknown_name_word(tokens[start - 1], await catalog.known_words())
                    )
                )
            ):
                continue  # "island" for Amity Island; "coen bros" is not Warner Bros.
            best = Reading(start, end, typed, name)
    return best


def _role_asked(tokens: list[str]) -> str | None:
    """The credit a question's words ask about ("directed": director), if any."""
    key = " ".join(tokens)
    return next((r.role for r in RELATIONS if r.role and r.pattern.search(key)), None)


def _lone_tag(mention: Mention) -> bool:
    """Whether a mention is one word the catalog has only as a tag."""
    return mention.size == 1 and all(h.kind == "tag" for h in mention.hits)


def _lone_character(mention: Mention) -> bool:
    """Whether a mention is one word the catalog has only as a character's name."""
    return mention.size == 1 and all(h.kind == "character" for h in mention.hits)


async def _question_word(word: str) -> str:
    """The question word a word the catalog lacks is a misspelling of ("recomend",
    "direced"), else the word: a slip from a common question word is read as it only when
    the word is no English word ("writes" is not "writer")."""
    if word in MISSPELT:
        return MISSPELT[word]
    near = question_word_near(word)
    if near is None or await english_word(word):
        return word
    return near


def _one_question_word(mention: Mention) -> bool:
    """Whether a mention is a lone question word, found only for want of another name."""
    return mention.size == 1 and mention.norm in SCAFFOLD


def _keywords_unmasked(tokens: list[str], mentions: list[Mention]) -> list[Mention]:
    """Give relation phrases back to the question when something else is named.

    A name inside a relation phrase (the tag "script", the film "Up" in "follow-up") is far
    more likely part of the relation ("the film script for Brazil") than a second topic;
    so is one whose other words are question words only (the film "The Players" in "who
    are the players in Seven Sinners").
    """
    mentions = [
        m for m in mentions if not _kind_of_film(tokens, m) and not _praise_of_films(tokens, m)
    ]
    if len(mentions) < 2:
        return mentions
    # "show me some westerns": a title made of question words opening the question beside
    # another name (the film "Show Me") is the question's words
    own = [m for m in mentions if not _question_words_title(tokens, m)]
    # "should i watch the matrix": beside another name, a title typed without its article
    # in words that ask for films ("watch" for The Watch) is the question's words
    own = [m for m in own if not (m.bare() and _asking_words(tokens, m))]
    if own and len(own) < len(mentions):
        mentions = own
        if len(mentions) < 2:
            return mentions
    phrases = asked_positions(" ".join(tokens))
    inside = [
        m
        for m in mentions
        if phrases.issuperset(i for i in m.positions if tokens[i] not in SCAFFOLD)
        and phrases.intersection(m.positions)
    ]
    if not inside or len(inside) == len(mentions):
        return mentions
    return [m for m in mentions if m not in inside]


def _question_words_title(tokens: list[str], mention: Mention) -> bool:
    """Whether a mention is only titles, typed in question words alone, that opens the
    question as its request does ("show me …", "tell me …"; not "who wrote Win Win")."""
    words = tokens[mention.start : mention.end]
    return (
        mention.start == 0
        and all(h.kind == "film" for h in mention.hits)
        and all(map(is_keyword, words))
    )


def _asking_words(tokens: list[str], mention: Mention) -> bool:
    """Whether a mention is typed only in words asking for films ("watch", "tonight")."""
    return all(map(is_asking_word, tokens[mention.start : mention.end]))


_ASKS_ANY = frozenset("a an any some".split()) | KIND_WORDS


def _kind_of_film(tokens: list[str], mention: Mention) -> bool:
    """Whether a title made of words asking for a kind of film and a word for films
    ("Scary Movie") is said as those words, for films of that kind: in the plural ("scary
    movies"), or after "a", "any" or a word asking for films ("recommend a scary movie")."""
    words = tokens[mention.start : mention.end]
    if len(words) < 2 or words[-1] not in FILM_NOUNS or not all(map(is_asking_word, words[:-1])):
        return False
    if any(hit.kind != "film" for hit in mention.hits):
        return False
    before = tokens[mention.start - 1] if mention.start else ""
    return " ".join(words) != mention.norm or before in _ASKS_ANY


def _praise_of_films(tokens: list[str], mention: Mention) -> bool:
    """Whether a name made of words asking for films ("Good", the tag "great") is said of
    the films asked for: after "a", "some" or a word asking for films and before a word
    for films or a genre ("a good movie", "a great horror")."""
    before = tokens[mention.start - 1] if mention.start else ""
    after = tokens[mention.end] if mention.end < len(tokens) else ""
    return (
        before in _ASKS_ANY
        and (after in FILM_NOUNS or is_asking_word(after))
        and _asking_words(tokens, mention)
    )


_JOINING = frozenset("and or & vs versus".split())
# Words said after two names that ask something of them ("jaws or gladiator older",
# "spielberg and nolan work together"): not part of the name the catalog lacks
_ASKED_AFTER = _WORKED | frozenset(
    "work older newer younger longer shorter better worse first last more most".split()
)


def _joined_unknown(tokens: list[str], mentions: list[Mention], unknown: list[int]) -> str:
    """The words of a name the catalog lacks said with "and" or "or" beside a film or person
    it knows ("heat and the insider", "gladiator or jaws"), with its article; else ""."""
    named = {i for m in mentions if m.has("film", "person") for i in m.positions}
    lacked = set(unknown)
    for i in unknown:
        start, end = i, i + 1
        while start - 1 in lacked:
            start -= 1
        while end in lacked and tokens[end] not in _ASKED_AFTER:
            end += 1
        if tokens[i] in _ASKED_AFTER:
            continue
        end = _through_title_words(tokens, end, lacked)
        said = start - 1 if start > 0 and tokens[start - 1] in ARTICLES else start
        joined_before = said > 1 and tokens[said - 1] in _JOINING and said - 2 in named
        joined_after = end + 1 < len(tokens) and tokens[end] in _JOINING and end + 1 in named
        if joined_before or joined_after:
            return " ".join(tokens[said:end])
    return ""


def _through_title_words(tokens: list[str], end: int, lacked: AbstractSet[int]) -> int:
    """The end of the words of a name the catalog lacks, carried on through words titles
    are made with to more words it lacks ("the lord" in "the lord of the rings and jaws"),
    but not through "and" or "or"."""
    at = end
    while at < len(tokens) and tokens[at] in INSIDE_TITLES and tokens[at] not in _JOINING:
        at += 1
    if at == end or at not in lacked:
        return end
    while at in lacked and tokens[at] not in _ASKED_AFTER:
        at += 1
    return _through_title_words(tokens, at, lacked)


def _life_misread(mentions: list[Mention], wrong: str) -> bool:
    """Whether a correction takes the words asking whether a person named is alive for a
    misspelt name ("is keanu reeves still alive" is not about Still Alice)."""
    return DIED.search(wrong) is not None and any(m.has("person") for m in mentions)


def _runs_into_a_title(tokens: list[str], mentions: list[Mention], wrong: str) -> bool:
    """Whether the words a correction reads as a misspelt name run on, through words that
    ask nothing, into a title the question names: all of them are then one title the
    catalog lacks."""
    words = wrong.split()
    size = len(words)
    start = _run_at(tokens, words)
    if tokens[start : start + size] != words:
        return False
    titled = {
        i for m in mentions if m.has("film") and not _one_question_word(m) for i in m.positions
    }
    for side in (range(start + size, len(tokens)), range(start - 1, -1, -1)):
        for i in side:
            if i in titled:
                return True
            if is_keyword(tokens[i]):
                break
    return False


async def _character_misread(key: str, wrong: str, right: str, catalog: Catalog) -> bool:
    """Whether a correction turns the character asked of in "who played X in Y" into a name
    that is no character ("the bride" is not the film The Birds)."""
    named = characters.character_in_film(key)
    if named is None or f" {wrong} " not in f" {named} ":
        return False
    return not any(hit.kind == "character" for hit in await catalog.lookup_names([norm(right)]))


def _residual_run(tokens: list[str], *, asking: bool = False) -> str:
    """The longest run of words that are neither question words, relation keywords nor
    (unless ``asking``) words asking for films by time, order or genre ("newest", "80s",
    "recommend")."""
    best: list[str] = []
    run: list[str] = []
    for token in [*tokens, ""]:
        if not token or is_keyword(token, asking=asking):
            if len(" ".join(run)) > len(" ".join(best)):
                best = run
            run = []
        else:
            run.append(token)
    return " ".join(best)


async def _repaired(
    tokens: list[str], mentions: list[Mention], unknown: list[int], lookups: _Lookups
) -> tuple[str, str] | None:
    """A misspelt name: the words around the first unknown word, and the name they mean.

    A word that is in no catalog name, no question phrase and no relation ("lihgt",
    "molnia") is taken for a typo. The longest run of words around it that is a letter or
    two away from a catalog name (titles, people, characters, values) is read as that name.
    """
    covered = {i for m in mentions for i in range(m.start, m.end)}
    # past the first, only longer words ("who is listed as director for the traetment"):
    # short unknown words are more often question words ("the same director of …")
    tries = unknown[:1] + [i for i in unknown[1:] if len(tokens[i]) > REPAIR_MIN_WORD]
    tried: set[str] = set()  # spans around one unknown word are often around the next too
    for at in tries[:REPAIR_MAX_TRIES]:
        best: tuple[int, int, str, str] | None = None  # (-words, edits, typed, display)
        for start in range(max(0, at - MAX_NGRAM + 1), at + 1):
            for end in range(at + 1, min(len(tokens), start + MAX_NGRAM) + 1):
                typed = " ".join(tokens[start:end])
                if typed in tried:
                    continue
                tried.add(typed)
                found = await lookups.closest_name(typed, _edits_allowed(typed))
                if found is None:
                    continue
                candidate = (start - end, found[0], typed, found[2])
                if best is None or candidate[:2] < best[:2]:
                    best = candidate
        if best is not None:
            return best[2], best[3]
    return await _title_tail_repaired(tokens, mentions, covered, lookups) or (
        await _pair_repaired(tokens, mentions, covered, lookups)
    )


async def _pair_repaired(
    tokens: list[str], mentions: list[Mention], covered: set[int], lookups: _Lookups
) -> tuple[str, str] | None:
    """A slip in a two-word name that leaves two known words ("josh coke", "john paton"),
    or a word the catalog names alone ("cris rock": the tag "rock"; "kiss turner"): two
    words side by side, named by nothing longer than one word each, one slip away from a
    two-word name ("Chris Rock"). Only where nothing longer than a word is named."""
    if any(m.size > 1 for m in mentions):
        return None
    alone = {m.start for m in mentions}

    def loose(i: int) -> bool:
        token = tokens[i]
        return (
            (i not in covered or i in alone)
            and _may_be_slip(token, REPAIR_MIN_WORD - 1)
            and not is_relation_word(token)
        )

    for i in range(len(tokens) - 1):
        if not (loose(i) and loose(i + 1)) or (i in alone and i + 1 in alone):
            continue
        typed = f"{tokens[i]} {tokens[i + 1]}"
        found = await lookups.closest_name(typed, 1)
        if found is not None and found[0] > 0:
            return typed, found[2]
    return None


def _may_be_slip(token: str, shortest: int = REPAIR_MIN_WORD) -> bool:
    """Whether a word may be (part of) a misspelt name: long enough, not a number, and
    not a question word, a word of talk ("hows"), a word that links what is asked
    ("also", "same") or one asking for films in an order or a pick ("rank", "newest")."""
    return (
        len(token) >= shortest
        and not token.isdigit()
        and token not in SCAFFOLD
        and token not in TALK
        and token not in _LINKING_WORDS
        and token not in KIND_WORDS
    )


async def _unknown_words(tokens: list[str], mentions: list[Mention], catalog: Catalog) -> list[int]:
    """Positions of the words that are in no catalog name, no question phrase and no
    relation ("lihgt", "molnia", "piersall"): typos, or names the catalog does not know."""
    covered = {i for m in mentions for i in range(m.start, m.end)}
    known = await catalog.known_words()
    unknown = [
        i
        for i, token in enumerate(tokens)
        if i not in covered
        and _may_be_slip(token)
        and token not in known
        and token not in LANGUAGE_WORDS  # "films in french": a language, not a typo
    ]
    if unknown:  # rare: only now look for the words of relation phrases ("sort of film")
        phrases = asked_positions(" ".join(tokens))
        unknown = [i for i in unknown if i not in phrases]
    return unknown


async def _given_names_before(
    tokens: list[str], unknown: list[int], mentions: list[Mention], catalog: Catalog
) -> set[int]:
    """Where a one-word title without its article is, with the word next to it, more
    likely a name the catalog lacks than the film: it is someone's given name, just before
    an unknown word ("mark mcmanus" is not The Mark; "godfather imdb" is still The
    Godfather), or it comes just after a given name named by nothing else ("clarence day"
    is not The Day)."""
    covered = {i for m in mentions for i in m.positions}
    found = set()
    for m in mentions:
        if m.size != 1 or not m.bare():
            continue
        before = m.start - 1
        given_name = m.end in unknown and await catalog.people_by_first_name(m.norm)
        after_given_name = (
            before >= 0
            and before not in covered
            and not is_keyword(tokens[before])
            and await catalog.people_by_first_name(tokens[before])
        )
        if given_name or after_given_name:
            found.add(m.start)
    return found


def _names_the_unknown(
    tokens: list[str],
    mentions: list[Mention],
    unknown: list[int],
    capitalised: AbstractSet[int],
    given: AbstractSet[int] = frozenset(),
) -> bool:
    """Whether what the question names is a name the catalog does not know: a name typed
    with capitals, of two words or more, none of them named ("Philip Davis" is not the
    film "Stars" in "who are co-stars of Philip Davis", nor The Swan in "Susan Swan"); or,
    where nothing else is named but a title that is one question word (the film "What?"),
    a name with an unknown word in it ("what films did jimmy piersall write"); or a
    one-word tag followed by an unknown word ("john pankow" is not the tag "john"); or a
    one-word title without its article that is part of a person's name (``given``)."""
    covered = {i for m in mentions for i in m.positions}
    as_typed = {i for m in mentions if not m.bare() for i in m.positions}
    bare = [m.positions for m in mentions if m.bare()]
    run: list[int] = []
    for i in [*range(len(tokens)), -1]:
        if i in capitalised and i not in as_typed and not is_keyword(tokens[i]):
            run.append(i)
            continue
        # a title without its article typed with capitals is named, not "Susan" and it
        if len(run) > 1 and not any(run[0] in span and run[-1] in span for span in bare):
            return True
        run = []
    if given or not unknown:
        return bool(given)
    if mentions and all(_one_question_word(m) for m in mentions):
        name_words = {i for i, t in enumerate(tokens) if i not in covered and not is_keyword(t)}
        return any(i - 1 in name_words or i + 1 in name_words for i in unknown)
    return any(m.size == 1 and m.end in unknown and m.has("tag") for m in mentions)


# Words after which a list of films names someone ("with", "starring", "directed by")
_SOMEONE_AFTER = frozenset("with starring featuring by".split())


def _someone_unknown(tokens: list[str], mentions: list[Mention], unknown: list[int]) -> bool:
    """Whether, in a question naming no film or person, an unknown word is part of a name of
    two words or more said after "with", "starring" or "by": a person the catalog lacks."""
    if any(m.has("film", "person") for m in mentions):
        return False
    covered = {i for m in mentions for i in m.positions}

    def loose(at: int) -> bool:
        return 0 <= at < len(tokens) and at not in covered and not is_keyword(tokens[at])

    for i in unknown:
        start, end = i, i + 1
        while loose(start - 1):
            start -= 1
        while loose(end):
            end += 1
        if end - start > 1 and start > 0 and tokens[start - 1] in _SOMEONE_AFTER:
            return True
    return False


async def _unknown_before_films(tokens: list[str], unknown: list[int]) -> str:
    """A word the catalog lacks, and no common English word, just before a word for
    films ("best nolan movie", "newest villeneuve films"): someone whose films are
    asked ("nolans newest movie" too); else ""."""
    for i in unknown:
        after = tokens[i + 1 : i + 3]
        films = bool(after) and after[0] in FILM_NOUNS
        picked = len(after) == 2 and after[0] in _PICKED and after[1] in FILM_NOUNS
        if not (films or picked) or is_status_word(tokens[i]):  # "unreleased films"
            continue
        # the dictionary has many names as words: a rare one is read as a name
        if not await common_english(tokens[i]):
            start = i  # with the words of the name before it ("tim burton")
            while start and _may_be_name_word(tokens[start - 1]):
                start -= 1
            return " ".join(tokens[start : i + 1])
    return ""


def _may_be_name_word(token: str) -> bool:
    """Whether a word before a name the catalog lacks may be part of it: no question,
    relation or asking word (``is_keyword``), word of talk, word picking films nor
    number."""
    return (
        token not in TALK and token not in _PICKED and not token.isdigit() and not is_keyword(token)
    )


# Words between a name and a word for films that pick among the films ("nolans best movie")
_PICKED = frozenset("best worst newest latest oldest first last top new old greatest".split())


def _possessive_unknown(text: str, tokens: list[str], unknown: list[int]) -> bool:
    """Whether a word the catalog lacks was typed with an 's ("nolan's"): someone's
    name, whose films are asked."""
    typed = _typed_words(text)
    return any(_typed_with_s(typed, tokens[i]) for i in unknown)


def _typed_words(text: str) -> list[str]:
    """The words of a question as typed, in lower case, with straight apostrophes."""
    return text.casefold().replace("’", "'").split()


def _typed_with_s(typed: list[str], word: str) -> bool:
    """Whether a word of the question, in normal form, was typed with an 's ("nolans" for
    "nolan's"), of the words as ``_typed_words`` gives them."""
    return word.endswith("s") and f"{word[:-1]}'s" in typed


_AROUND_WORDS = '"“”()?!.,:;'  # marks typed around words, not said back with them


def _with_apostrophes(text: str, named: str) -> str:
    """The words said back with the apostrophes they were typed with ("ocean's eleven",
    "schindler's list", "singin' in the rain"), but for a last one with an 's before the
    films asked of it: whose they are ("nolan's movies", "nolan's first film": “nolan”)."""
    typed = _typed_words(text)
    words = named.split()
    kept = [word.strip(_AROUND_WORDS) for word in typed]
    if any(word.startswith("'") for word in kept):  # 'quoted' words: the marks are no letters
        kept = [word.strip("'") for word in kept]
    as_typed = {norm(word): word for word in kept if "'" in word}
    said = [as_typed.get(w, w) for w in words]
    if words and _typed_with_s(typed, words[-1]):
        after = typed[typed.index(f"{words[-1][:-1]}'s") + 1 :][:1]
        if after and (norm(after[0]) in FILM_NOUNS or is_asking_word(norm(after[0]))):
            said[-1] = words[-1][:-1]
    return " ".join(said)


_ASKS_WHETHER = frozenset("was is were did does has have".split())
_IN_A_FILM = frozenset("in on".split())
_CREDIT_VERBS = frozenset(
    "direct directed write wrote written produce produced score scored star starred act acted "
    "appear appeared".split()
)
# Those a slip from is read as the verb: in order, the first one slip away is meant
_VERB_SLIPS = sorted(
    (v for v in _CREDIT_VERBS if len(v) >= VERB_SLIP_MIN), key=lambda v: (len(v), v)
)


def _credit_verb_slips(tokens: list[str], mentions: list[Mention]) -> list[Reading]:
    """In a yes/no question, a word one slip from the verb of a credit, said after someone
    and just before a film, "in" or "on" ("did cameron rite the terminator", "did
    spielberg derect jaws", "did keanu stared in speed"), read as that verb: named by
    nothing else, or by a title without its article only (The Rite)."""
    if not tokens or tokens[0] not in _ASKS_WHETHER:
        return []
    films = {m.start for m in mentions if m.has("film") and not _one_question_word(m)}
    named = {i for m in mentions if not (m.size == 1 and m.bare()) for i in m.positions}
    for at in range(2, len(tokens) - 1):
        word = tokens[at]
        if at in named or len(word) < VERB_SLIP_MIN or word in _CREDIT_VERBS:
            continue
        if not (at + 1 in films or (tokens[at + 1] in _IN_A_FILM and at + 2 in films)):
            continue
        verb = next((v for v in _VERB_SLIPS if OSA.distance(word, v) == 1), None)
        if verb is not None:
            return [Reading(at, at + 1, word, verb)]
    return []


def _film_lacked(tokens: list[str], mentions: list[Mention]) -> bool:
    """Whether a question asks whether someone named was in a film, or had a credit on
    one, that it names last and the catalog lacks: the words after "in" or the verb of
    the credit end the question, none of them named, and not only words of a relation
    nor any word of the question or asking for films ("was tom hanks in big", "did james
    cameron direct true lies"; not "… in the 90s", "… in heat" nor "… direct anything")."""
    if not tokens or tokens[0] not in _ASKS_WHETHER:
        return False
    people = [m for m in mentions if m.has("person")]
    if not people or len(people) != len(mentions):
        return False
    at = people[-1].end
    if at < len(tokens) and tokens[at] in _CREDIT_VERBS:
        at += 1
        if at < len(tokens) and tokens[at] in _IN_A_FILM:  # "did keanu star in …"
            at += 1
    elif at < len(tokens) and tokens[at] in _IN_A_FILM:
        at += 1
    else:
        return False
    rest = [t for t in tokens[at:] if t not in ARTICLES]
    return (
        bool(rest)
        and not all(is_keyword(t) for t in rest)
        and not any(t in SCAFFOLD or is_asking_word(t) for t in rest)
    )


def _kind_asked_of_unknown(tokens: list[str], unknown: list[int]) -> bool:
    """Whether a question asks whether something is a kind of film ("is gladiator a
    horror movie", "is gladiator horror"), naming it only by words the catalog lacks."""
    if not tokens or tokens[0] not in _ASKS_WHETHER:
        return False
    at = 1
    while at < len(tokens) and (at in unknown or tokens[at] in ARTICLES):
        at += 1
    said = [i for i in range(1, at) if i in unknown]
    while at < len(tokens) and tokens[at] in ARTICLES:
        at += 1
    return bool(said) and at < len(tokens) and is_asking_word(tokens[at])


async def _title_tail_repaired(
    tokens: list[str], mentions: list[Mention], covered: set[int], lookups: _Lookups
) -> tuple[str, str] | None:
    """A slip that makes another word ("the family sone", "the eye of the strom",
    "singing in the rain").

    What is left is a shorter title (the film "The Family") with a stray word just after it
    or just before it, past question words only; a word some name has alone ("singing",
    a tag) may be that stray word too. The two together are read as a longer title when
    they are one slip away from one. A word that links what is asked ("also", "same") is
    the question's, not a slip in the title.
    """
    named = [m for m in mentions if m.has("film")]
    held = covered - {m.start for m in mentions if m.size == 1}  # by names of several words
    for mention in named:
        for step in (1, -1):
            at = mention.end if step == 1 else mention.start - 1
            while 0 <= at < len(tokens) and at not in covered and tokens[at] in SCAFFOLD:
                at += step
            gap = at - mention.end if step == 1 else mention.start - 1 - at
            if not 0 <= at < len(tokens) or at in held or gap > TAIL_MAX_GAP:
                continue
            if not _may_be_slip(tokens[at]):
                continue  # too short, a number, or a linking word ("Heat also directed")
            start, end = min(mention.start, at), max(mention.end, at + 1)
            typed = " ".join(tokens[start:end])
            found = await lookups.closest_name(typed, 1)
            if found is not None and found[0] > 0:
                return typed, found[2]
    return None


async def _longer_title(
    tokens: list[str], mentions: list[Mention], catalog: Catalog
) -> tuple[str, str] | None:
    """A title and the words after it, up to a question word, a slip or two from a longer
    title that has it in it ("godfather part 2", "the godfather prt ii" are The Godfather
    Part II, not The Godfather), and that title. A title of several words typed whole, its
    article too, is read on only into a word no name has ("prt", "ll"): "the hitcher fall
    under" is the question's."""
    known = await catalog.known_words()
    for mention in mentions:
        if not mention.has("film"):
            continue
        end = mention.end
        while (
            end < len(tokens)
            and end - mention.end < TAIL_MAX_GAP
            and not is_keyword(tokens[end], asking=True)
            and tokens[end] not in _LINKING_WORDS  # "heat also directed": not Heat Alto
        ):
            end += 1
        if end == mention.end:
            continue
        if not mention.bare_film() and (
            mention.size < 2 or all(t in known for t in tokens[mention.end : end])
        ):
            continue  # a one-word title before an unknown word is more often a given name
        typed = " ".join(tokens[mention.start : end])
        films = await catalog.fuzzy_titles(typed, limit=1, cutoff=LONGER_TITLE_CUTOFF)
        if not films or films[0] in {hit.ref for hit in mention.hits}:
            continue
        title = (await catalog.summaries(films))[0].title
        if f" {mention.norm} " in f" {norm(title)} ":
            return typed, title
    return None


def _slips_spread(typed: str, name: str) -> bool:
    """Whether the slips between words typed and a name of as many words are spread as
    typos are: at most a third of each word's letters (one in a short word), not a whole
    other word ("stephen king" is not Stephen Lang)."""
    words, named = typed.split(), name.split()
    if len(words) != len(named):
        return True  # words run together or apart: compared whole, as found
    return all(
        OSA.distance(word, other) <= max(1, len(other) // 3)
        for word, other in zip(words, named, strict=True)
    )


def _edits_allowed(typed: str) -> int:
    """One slip in a short name, two in a longer one, three in a long one."""
    return 1 if len(typed) <= 7 else 2 if len(typed) <= 20 else 3


def _capitalised(text: str, tokens: list[str]) -> set[int]:
    """The positions in ``tokens`` (the question's normal form) of the words typed with a
    capital, then small letters, inside the question (not as its first word): names.
    Words in capitals alone ("I", "DROP TABLE") are not taken for names."""
    words = text.split()
    if not any(word[:1].isupper() for word in words[1:]):
        return set()  # typed in small letters: no word is marked as a name
    flags: list[bool] = []
    for n, word in enumerate(words):
        flags += [n > 0 and word[:1].isupper() and not word.isupper()] * len(norm(word).split())
    if len(flags) != len(tokens):  # the words do not line up: nothing is taken as a name
        return set()
    return {i for i, capital in enumerate(flags) if capital}


async def _corrected(
    tokens: list[str], lookups: _Lookups, capitalised: AbstractSet[int] = frozenset()
) -> tuple[str, str] | None:
    """A misspelt title or name, or a surname alone, and the catalog name it stands for;
    never words of talk ("whats the longest movie" is not about the film What?)."""
    tokens = ["" if t in TALK else t for t in tokens]
    # A title with order words in it ("First Daughter", "Salome's Last Dance") read as one
    # comes before reading those words as an order ("the first", "the last").
    whole = _residual_run(tokens, asking=True)
    if whole != _residual_run(tokens) and " " in whole:
        found = await _fuzzy_name(whole, lookups)
        if found is not None:
            return found
    run = _residual_run(tokens)
    if len(run) < 3:
        return None
    found = await _closest_run(tokens, lookups)
    if found is not None:
        return found
    catalog = lookups.catalog
    # A surname is surer than a title a slip away, which is surer than a first name.
    if " " not in run:
        role = _role_asked(tokens)  # "films directed by cameron": the director of the name
        found = await _surname(run, catalog, surname_only=True, role=role, best_known=True)
        if found is None and _said_of_films(tokens, run):
            # "woody movies": the best-known Woody, though "woody" is a word too
            found = await _surname(
                run, catalog, slip=False, role=role, best_known=True, common_word=True
            )
        if found is None and (family := await _family(run, catalog)):
            found = run, join_names(family)  # "wachowski movies from the 90s": both of them
        found = found or await _fuzzy_name(run, lookups) or await word_of_a_title(run, catalog)
    else:
        found = await _fuzzy_name(run, lookups)
    if found is not None:
        return found
    # "earliest hitchcock", "suggest a kubrick film": one word of the question is a surname,
    # unless it was typed as part of a longer name ("Peter Gent" is not René Peter, nor
    # "Rachelle Lefevre" Pierre Drieu La Rochelle); a given name only when no surname the
    # catalog lacks follows it ("tim burton" is not Tim Allen)
    known = await catalog.known_words()
    title = title_to_the_end(tokens).split()  # "singin in the rain": not Douglas Rain
    for i, word in enumerate(tokens):
        if len(word) >= 3 and not is_keyword(word) and word not in title:
            if i in capitalised and (i - 1 in capitalised or i + 1 in capitalised):
                continue
            before = tokens[i - 1] if i else ""
            surname_after = i + 1 < len(tokens) and await _unknown_name_word(tokens[i + 1], known)
            # "coen brothers": after a name the catalog lacks, no slip for Scatman Crothers
            slip = not (before and await _unknown_name_word(before, known))
            found = await _surname(
                word,
                catalog,
                surname_only=surname_after,
                before=before,
                slip=slip,
                best_known=True,
            )
            if found is not None and not await _other_part_beside(tokens, i, found[1], known):
                return found
    return None


async def _other_part_beside(
    tokens: list[str], at: int, person: str, known: AbstractSet[str]
) -> bool:
    """Whether the word at ``at``, read as ``person``'s given name or surname, has beside it
    the other part of a name that is not that person's: a word, not asking anything, that
    some catalog name has or that is no common word ("stephen king" is not Stephen Lang,
    "john smith" not Jada Pinkett Smith; "keanu birthday" is Keanu Reeves); before a
    surname, any such word where the two are all the question names, with words asking who
    someone is or how old around them ("who is nobody smith", "how old is nobody smith";
    not "young hanks movies")."""
    names = norm(person).split()
    given = names[0].startswith(tokens[at]) and tokens[at] not in names[1:]
    side = at + 1 if given else at - 1
    if not 0 <= side < len(tokens):
        return False
    word = tokens[side]
    if (
        any(name.startswith(word) for name in names)  # "leo dicaprio"
        or not word.isalpha()
        or word in TALK
        or word in _NOT_OF_A_NAME
        or word in _LINKING_WORDS
        or is_keyword(word)
        or asks_of_a_person(word)
        or len(word) < SHORT_NAME_MIN  # "mr hanks"
    ):
        return False
    if word in known or await _unknown_name_word(word, known):
        return True
    rest = without_life_asked(" ".join(t for i, t in enumerate(tokens) if i not in (at, side)))
    return not given and all(
        (t in SCAFFOLD or t in TALK) and t not in FILM_NOUNS for t in rest.split()
    )


async def _unknown_name_word(word: str, known: AbstractSet[str]) -> bool:
    """Whether a word may be a word of a name the catalog lacks ("burton" after "tim"): in
    no catalog name, no question, chat or relation word, and no common word ("birthday")."""
    if not word.isalpha() or word in known or word in TALK or is_keyword(word):
        return False
    if not english_read():
        await asyncio.to_thread(read_english)
    return not is_common_word(word)


def _said_of_films(tokens: list[str], word: str) -> bool:
    """Whether a word is said just before a word for films ("woody movies")."""
    at = tokens.index(word) if word in tokens else -1
    return 0 <= at < len(tokens) - 1 and tokens[at + 1] in FILM_NOUNS


async def _closest_run(tokens: list[str], lookups: _Lookups) -> tuple[str, str] | None:
    """Words a slip or two from a name, the article typed before them included ("the sata
    clause" is The Santa Clause)."""
    run = _residual_run(tokens)
    if " " not in run:
        return None
    typed = " ".join(tokens)
    for candidate in (f"the {run}", run) if f"the {run}" in typed else (run,):
        close = await lookups.closest_name(candidate, _edits_allowed(candidate))
        if close is not None and close[0] > 0:
            return candidate, close[2]
    return None


async def _surname(
    word: str,
    catalog: Catalog,
    *,
    surname_only: bool = False,
    before: str = "",
    slip: bool = True,
    role: str | None = None,
    best_known: bool = False,
    common_word: bool = False,
) -> tuple[str, str] | None:
    """The one person whose surname (or else first name: "keanu") is ``word``, or ``word``
    with its possessive 's, or else a surname a slip away ("speilberg"). A first name that
    is also a character's ("who played jack") is left to the characters; a surname a slip
    away is not taken when the word ``before`` it is someone else's first name ("randy
    kornfield" is not Hubert Cornfield). Of several people of that name, the one credited
    in ``role`` is meant, when one is ("did spielberg direct …"), or with ``best_known``
    the one far better credited (:func:`_one_person`; "denzel" is Denzel Washington, not
    a slip from Idina Menzel; a first name that is an English word too only with ``common_word``).
    A word shorter than
    :data:`SURNAME_SLIP_MIN` is read as a slip only when it is no English word ("kubrik",
    not "short")."""
    forms = [word, word[:-1]] if word.endswith("s") and len(word) > 4 else [word]
    for first_name in (False,) if surname_only else (False, True):
        lookup = catalog.people_by_first_name if first_name else catalog.people_by_surname
        for form in forms:
            found = await lookup(form)
            # a first name that is a word too ("will", "mark") is too common to guess from
            best = best_known and (common_word or not (first_name and await english_word(form)))
            people = await _one_person(found, catalog, role, best_known=best)
            if people is None:
                continue
            if first_name and await catalog.characters_with_word(form, limit=1):
                continue
            return word, people.display
    if not slip or surname_only or len(word) < SHORT_SLIP_MIN:
        return None
    if len(word) < SURNAME_SLIP_MIN and await english_word(word):
        return None
    near = await catalog.closest_surname(word, 1)
    people = await catalog.people_by_surname(near) if near else []
    if len({p.ref for p in people}) == 1:
        other = before and before != people[0].norm.split()[0]
        if other and await catalog.people_by_first_name(before):
            return None
        return word, people[0].display
    return None


async def _one_person(
    people: list[NameHit], catalog: Catalog, role: str | None, *, best_known: bool = False
) -> NameHit | None:
    """The one person of ``people``, or of those credited in ``role`` when there are more.
    With no role asked and ``best_known``, the one credited far more than the others of
    the name, on films or else as a director ("hanks" is Tom Hanks; "nolan", said of
    films, Christopher Nolan, not the actor Lloyd Nolan)."""
    if len({p.ref for p in people}) == 1:
        return people[0]
    if not people:
        return None
    if role is None:
        return await _best_known(people, catalog) if best_known else None
    shares = await catalog.role_shares([p.ref for p in people], role)
    credited = {p.ref: p for p in people if shares.get(p.ref)}
    if len(credited) < 2:
        return next(iter(credited.values()), None)
    # of several, one with far more films in the role than any other ("cameron" directing)
    return _clearly_most(credited, await _films_in(catalog, list(credited), role))


async def _best_known(people: list[NameHit], catalog: Catalog) -> NameHit | None:
    """Of several people sharing a name, the one with far more films than any other, or
    else far more films directed; ``None`` when no one stands out or there are too many."""
    by_ref = {p.ref: p for p in people}
    if len(by_ref) > BEST_KNOWN_MOST:
        return None
    films = await _films_of_each(people, catalog)
    counts = Counter({ref: len(ids) for ref, ids in films.items()})
    found = _clearly_most(by_ref, counts, least=CLEARLY_MORE)
    if found is None:
        found = _clearly_most(
            by_ref, await _films_in(catalog, list(by_ref), "director"), least=CLEARLY_MORE
        )
    return found


async def _films_in(catalog: Catalog, refs: list[int], role: str) -> Counter[int]:
    """How many films each person is credited on in ``role``."""
    credits = await catalog.credits_of_people(refs, role)
    return Counter(pid for _, pid in dict.fromkeys(credits.pairs))


def _clearly_most(
    people: dict[int, NameHit], counts: Counter[int], least: int = 1
) -> NameHit | None:
    """The person counted :data:`CLEARLY_MORE` times more than any other, and at least
    ``least`` times."""
    ranked = [*counts.most_common(2), (0, 0), (0, 0)]
    (first, most), (_, second) = ranked[0], ranked[1]
    return people.get(first) if most and most >= max(least, CLEARLY_MORE * second) else None


async def _fuzzy_name(run: str, lookups: _Lookups) -> tuple[str, str] | None:
    people = await lookups.fuzzy_people(run, limit=1, cutoff=86)
    if people and _slips_spread(run, norm(people[0].display)):
        return run, people[0].display
    films = await lookups.fuzzy_titles(run, limit=1, cutoff=86)
    if films:
        summary = (await lookups.catalog.summaries(films))[0]
        return run, summary.title
    return None


_OBJECT_AFTER = frozenset("for of in about from on".split())
_LEADING = frozenset("the a an was is were did does do has have had".split())


async def _title_words_joined(
    tokens: list[str], mentions: list[Mention], catalog: Catalog
) -> list[Reading]:
    """A lone word named by nothing but a tag, said with "and" or "or" after a film
    ("spirited away and totoro"), read as the one title it is a word of
    (:func:`word_of_a_title`)."""
    films = {m.end for m in mentions if m.has("film")}
    # "spirited away and totoro": Totoro a character's name too
    named = {i for m in mentions if not (_lone_tag(m) or _lone_character(m)) for i in m.positions}
    readings = []
    for at in range(2, len(tokens)):
        alone = at + 1 == len(tokens) or is_keyword(tokens[at + 1])
        if alone and tokens[at - 1] in _JOINING and at - 1 in films and at not in named:
            said = await word_of_a_title(tokens[at], catalog)
            if said is not None:
                readings.append(Reading(at, at + 1, *said))
    return readings


# Words after the film in "something like X" that narrow the films like it ("but newer",
# "without keanu")
_LIKE_NARROWED = LEAVING_OUT | {"but"}


async def _title_words_liked(
    tokens: list[str], mentions: list[Mention], catalog: Catalog
) -> list[Reading]:
    """A word named by nothing but a tag or a character's name, where films like a film
    are asked ("something like totoro", "movies like totoro but newer"), read as the one
    title it is a word of (:func:`word_of_a_title`); a character's name only when that
    title is its own film's (:func:`title_of_character`: Totoro of My Neighbor Totoro)."""
    readings = []
    for mention in mentions:
        character = _lone_character(mention)
        if not (character or _lone_tag(mention)):
            continue
        after = tokens[mention.end] if mention.end < len(tokens) else ""
        if after and not is_keyword(after) and after not in _LIKE_NARROWED:
            continue  # the first word of a longer name
        if not LIKED_BEFORE.search(" ".join(tokens[: mention.start])):
            continue
        if character:
            title = await title_of_character(mention.norm, catalog)
            said = None if title is None else (mention.norm, title)
        else:
            said = await word_of_a_title(mention.norm, catalog)
        if said is not None:
            readings.append(Reading(mention.start, mention.end, tokens[mention.start], said[1]))
    return readings


def _title_opening(tokens: list[str], run: str) -> str:
    """The run of words named by nothing with the word asking for films that opens it after
    an article ("the last starfighter": “last starfighter”), as a title begins; a run
    that only question words follow is said from the article before it
    (:func:`_title_from_article`)."""
    words = run.split()
    at = _run_at(tokens, words)
    if words and at >= 2 and is_asking_word(tokens[at - 1]) and tokens[at - 2] in ARTICLES:
        return f"{tokens[at - 1]} {run}"
    if words and at and is_relation_word(tokens[at - 1]) and _opens_or_follows(tokens, at - 1):
        return f"{tokens[at - 1]} {run}"  # "star trek", "who directed star trek"
    end = at + len(words)
    if words and all(t in SCAFFOLD for t in tokens[end:]):  # "what is … about"
        return _title_from_article(tokens[:end], at) or run
    return run


def _run_at(tokens: list[str], words: list[str]) -> int:
    """Where a run of words first is among the question's words (0 when it is not)."""
    return next(
        (i for i in range(len(tokens) - len(words) + 1) if tokens[i : i + len(words)] == words),
        0,
    )


# Words after a name typed with an 's that own nothing ("what is schindler's about")
_OWN_NOTHING = (
    INSIDE_TITLES
    | _LEADING
    | _ASKS_WHETHER
    | _OBJECT_AFTER
    | frozenset("who what when where which why how and".split())
)


def _with_possessed(tokens: list[str], run: str) -> str:
    """The run of words with the word after its last, when that last ends in an s, typed
    with an 's or without ("schindlers list"), and the next is what it owns, not films
    nor a credit asked of it ("who directed schindler's list": “schindlers list”; not
    "nolan's movies" nor "heat's director")."""
    words = run.split()
    if not words or not words[-1].endswith("s"):
        return run
    end = _run_at(tokens, words) + len(words)
    owned = tokens[end] if end < len(tokens) else ""
    if (
        not owned
        or owned in FILM_NOUNS
        or owned in _OWN_NOTHING
        or owned in TALK
        or is_asking_word(owned)
        or is_relation_word(owned)
    ):
        return run
    return f"{run} {owned}"


def _opens_or_follows(tokens: list[str], at: int) -> bool:
    """Whether a relation word opens the question or follows another, an article, a verb
    asking or a preposition: then it asks nothing, and is the first word of a name ("star
    trek", "who directed star trek", "when was star trek released", "music for star
    trek")."""
    before = tokens[at - 1] if at else ""
    return not at or is_relation_word(before) or before in _LEADING or before in _OBJECT_AFTER


# Words that end the words said before a title the catalog lacks ("films from the 90s with")
_TITLE_ENDS = FILM_NOUNS | _OBJECT_AFTER - {"of"} | _SOMEONE_AFTER


def _title_from_article(tokens: list[str], at: int) -> str:
    """The words from an article before ``at`` to the end of the question, when that
    article opens the question or follows a credit, a preposition or "did", and no word for
    films, no number and no preposition but "of" comes between
    ("who starred in the best years of our lives": “best years of our lives”, "the good the
    bad and the ugly": “good the bad and the ugly”), else ""."""
    for start in range(at - 1, max(at - ECHOED_TITLE_GAP, 0) - 1, -1):
        if tokens[start] in _TITLE_ENDS or any(c.isdigit() for c in tokens[start]):
            return ""  # "who played the bride in kill bill": “kill bill”
        if not start:  # "the good the bad and the ugly": the question is the title
            asked = not any(_asked_word(tokens, i) for i in range(1, at))
        else:
            before = tokens[start - 1]
            asked = _asked_word(tokens, start - 1) or before in _TITLE_ASKED_OF
        if tokens[start] in ARTICLES and asked:
            return " ".join(tokens[start + 1 :])
    return ""


def _named_whole(ctx: Context, run: str) -> str:
    """The run of words said back, or the longer name found around it whose other words
    are question words ("star wars cast" where star wars tags films: “star wars”)."""
    words = run.split()
    for mention in ctx.mentions:
        typed = ctx.tokens[mention.start : mention.end]
        if len(typed) > len(words) > 0 and any(
            typed[i : i + len(words)] == words for i in range(len(typed) - len(words) + 1)
        ):
            return " ".join(typed)
    return run


def _asked_word(tokens: list[str], at: int) -> bool:
    """Whether a word asks something of what follows it: a preposition or a relation word,
    not one after an article ("the good the bad": a word of a title)."""
    word = tokens[at]
    if at and tokens[at - 1] in ARTICLES:
        return False
    return word in _OBJECT_AFTER or is_relation_word(word)


def _object_named(tokens: list[str]) -> str:
    """The words after the question's last preposition, or else its first relation word,
    when they are more than question words ("who composed the music for star wars", "who
    directed star wars", "when was star wars released": “star wars”), else nothing; a
    relation word that opens a question another one ends is the name's ("star wars cast")."""
    at = max((i for i, t in enumerate(tokens) if t in _OBJECT_AFTER), default=-1)
    opens = False
    if at < 0:
        at = next((i for i, t in enumerate(tokens) if is_relation_word(t)), -1)
        opens = at == 0 and len(tokens) > 2 and is_relation_word(tokens[-1])
    # "star wars": a relation word opening the question names it, unless a verb asks after
    # it ("when was …")
    opens = opens or (at == 0 and tokens[1:2] != [] and tokens[1] not in _LEADING)
    start = 0 if opens else at + 1 if at >= 0 else len(tokens)
    words = [t for t in tokens[start:] if t not in TALK]
    while words and words[0] in _LEADING:
        words = words[1:]
    while words and (words[-1] in SCAFFOLD or is_relation_word(words[-1])):
        words = words[:-1]
    if all(w in SCAFFOLD for w in words):
        return ""
    return " ".join(words)


_SET_IN = re.compile(r"\b(?:set|takes? place|taking place) in\b")


def _without_release_words(tokens: list[str]) -> list[str]:
    """A question asking when something comes out, without the words that end it ("whens
    star wars out", "when is dune coming out yet": what is left names the film)."""
    if not any(p.match(" ".join(tokens)) for p, _ in OPENINGS):
        return tokens
    words = list(tokens)
    while words and words[-1] in TALK:  # "… out lol"
        words = words[:-1]
    if words and words[-1] == "yet":
        words = words[:-1]
    if words and words[-1] == "out":
        words = words[:-1]
        if words and words[-1] in _COME:
            words = words[:-1]
    elif words and words[-1] in _RELEASED:
        words = words[:-1]
    return words


# Relations whose words end a question after the name ("is dune 2 out yet", "where is
# inception set"): those words are not part of a name the catalog lacks
_TAIL_RELATIONS = tuple(RELATION_BY_NAME[name] for name in ("status", "year", "setting"))


def _without_asked_tail(tokens: list[str]) -> list[str]:
    """The words of a question without those of a relation phrase that ends it, and a
    "yet" or a chat word after them."""
    phrased = lexicon.phrase_positions(" ".join(tokens), _TAIL_RELATIONS)
    end = len(tokens)
    while end and (end - 1 in phrased or tokens[end - 1] in TALK or tokens[end - 1] == "yet"):
        end -= 1
    return tokens[:end] if end else tokens


_COME = frozenset("come comes coming came".split())
_RELEASED = frozenset("released release releasing premiere premiered".split())


async def _not_found(ctx: Context, lookups: _Lookups, said: str = "") -> Answer:
    """That the catalog has nothing called what the question names, with what it may
    have meant; ``said``: the name, when the question's shape has already told it."""
    # "the rotten tomatoes rating of inception": the site is no name looked for
    key = " ".join(_without_asked_tail(ctx.key.split()))
    tokens = _without_release_words(RATING_SITE_NAMES.sub(" of ", key).split())
    lacked = bool(said) or _film_lacked(ctx.tokens, ctx.mentions)  # "was tom hanks in big"
    object_named = said or _object_named(tokens)
    # "who voiced shrek": “shrek”, not the words asking who plays or voices it
    whole = "" if lacked else characters.character_said(title_to_the_end(tokens), ctx.key)
    # a title said whole is matched whole: "silense of the lambs" is not Aliens
    run = (
        (lacked and object_named)
        or whole
        or characters.character_said(_residual_run(tokens), ctx.key)
        or ctx.key_outside()
    )
    films = await lookups.fuzzy_titles(run, SUGGESTED_TITLES, SUGGESTED_TITLE_CUTOFF)
    suggestions = [summary.label for summary in await ctx.catalog.summaries(films)]
    for hit in await lookups.fuzzy_people(run, limit=SUGGESTED_PEOPLE, cutoff=SUGGESTED_CUTOFF):
        suggestions.append(hit.display)
    suggestions = list(dict.fromkeys(suggestions))
    named = (
        object_named
        if lacked
        else characters.character_said(
            _residual_run([t for t in tokens if t not in TALK and t not in WORTH]), ctx.key
        )
    )
    named = _with_possessed(tokens, named)  # "schindler's list"
    named = said or whole or _named_whole(ctx, _title_opening(tokens, named) or object_named)
    named = _with_apostrophes(ctx.question, named)[:ECHOED_MAX].strip()
    if len(parts := norm(named).split()) == 2 and not suggestions:
        # "nobody smith": a given name the catalog lacks, with a surname it has
        namesakes = await ctx.catalog.people_by_surname(parts[1])
        suggestions = list(dict.fromkeys(hit.display for hit in namesakes))[:SUGGESTED_PEOPLE]
    place = _SET_IN.search(ctx.key)
    if place and (where := _residual_run(ctx.key[place.end() :].split())[:ECHOED_MAX]):
        # "films set in paris": a place the catalog has no film in, not a misspelt title
        text = f"The catalog has no film set in “{where}”."
        return Answer(ctx.question, [], text, kind="not_found", unknown=where)
    people = await ctx.catalog.people_by_surname(norm(named)) if " " not in named else []
    if (many := _how_many(people)) > BEST_KNOWN_MOST:  # too many to rank or list
        text = (
            f"{many:,} people I know are called “{named}”. "
            "Which one do you mean? Ask again with their full name."
        )
        return Answer(ctx.question, [], text, kind="clarify", unknown=named)
    if named and many > 1:
        people, films = await _ranked(people, ctx.catalog)
        family = _worked_together(people, films)
        if len(family) > 1 and norm(named) in ctx.key:
            # "wachowski films" where neither is credited far more: the two of them
            reading = (norm(named), join_names(family))
            reply = await _read_again(
                ctx.question, ctx.key, reading, ctx.catalog, ctx.today, ctx.rng
            )
            if reply is not None:
                return reply
        # "coen movies" where no Coen is credited far more than the others: which one
        names = [person.display for person in people]
        shown = len(names) if len(names) <= NAMESAKES_LISTED + 1 else NAMESAKES_LISTED
        text = (
            f"Several people I know are called “{named}”: {join_names(names, shown)}. "
            "Which one do you mean? Ask again with their full name."
        )
        suggested = names[:shown]
        return Answer(ctx.question, [], text, kind="clarify", suggestions=suggested, unknown=named)
    what = "film or person"
    if named and characters.may_ask_character(ctx.key):  # "who is gandalf"
        what = (
            "film, person or character" if await characters.keeps_characters(ctx.catalog) else what
        )
    text = (
        f"I couldn't find a {what} I know called “{named}”."
        if named
        else "I couldn't find a film or person I know in that question."
    )
    if suggestions:
        text += f" Did you mean {join_names(suggestions, 5)}?"
    else:
        text += " " + await _help(ctx.catalog, ctx.rng, tokens)
    return Answer(ctx.question, [], text, kind="not_found", suggestions=suggestions, unknown=named)
