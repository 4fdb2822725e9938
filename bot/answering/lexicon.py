"""The words of questions: which relation a question asks about, and the question forms.

A relation (director, writer, composer, cast, genre, …) is found by its keywords anywhere
outside the names a question mentions. The order of :data:`RELATIONS` is the order they are
tried: the first relation whose keywords appear wins, so a narrower relation ("music",
"soundtrack" → composer) must come before a broader one whose words it shares.
"""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass
from functools import cache, lru_cache

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein
from spellchecker import SpellChecker


@dataclass(frozen=True)
class Relation:
    """A thing one can ask about a film: its keywords and how to read it off a record."""

    name: str
    pattern: re.Pattern[str]
    phrase: str  # "directed by", "written by", …
    role: str | None = None  # credit role, for person → films questions
    value_kind: str | None = None  # film_values kind


def words(alternatives: str) -> re.Pattern[str]:
    """A pattern matching any of ``alternatives`` as whole words."""
    return re.compile(rf"\b(?:{alternatives})\b")


# Words asking whether or when someone died ("is hitchcock still alive")
DIED_WORDS = r"died|die|death|dead|alive|living|still with us|passed away|pass away"
DIED = words(DIED_WORDS)

# The sites people name for a film's rating ("imdb rating", "rotten tomatoes score"): words of
# the question, not a title ("the imdb" is not The Mob); :data:`RATING_SITES` says which.
_RATING_SITE = r"(?:imdb|rotten tomatoes|tomatometer|metacritic|metascore|letterboxd)"
# "score" after these is a rating, not a film's music
_NOT_MUSIC = "".join(
    f"(?<!{word} )"
    for word in "imdb tomatoes rt metacritic letterboxd critic critics audience".split()
)
RATING_SITE_NAMES = re.compile(rf"\b{_RATING_SITE}\b")
RATING_SITES = (
    (re.compile(r"\b(?:rotten tomatoes|tomatometer|rt (?:scores?|ratings?))\b"), "Rotten Tomatoes"),
    (re.compile(r"\b(?:metacritic|metascores?)\b"), "Metacritic"),
    (re.compile(r"\bletterboxd\b"), "Letterboxd"),
)

# Most specific first: the thing made ("music", "score", "script") decides over the verb
# ("who wrote the music", "who made the script"), so composer and writer come before director.
RELATIONS: tuple[Relation, ...] = (
    Relation(
        "composer",
        words(
            rf"compos\w*|{_NOT_MUSIC}score[ds]?(?! on {_RATING_SITE})|music|musicians?|"
            r"soundtracks?"
        ),
        "music by",
        role="composer",
    ),
    Relation(
        "writer",
        words(
            r"wr[oi]te(?: the)? stor(?:y|ies)|stor(?:y|ies) by|"
            r"wr[oi]tes?|written|writers?|writing|screenplay\w*|screenwriter\w*|script\w*|"
            r"scriptwriter\w*|authors?|authored|penned|creators? of the film script"
        ),
        "written by",
        role="writer",
    ),
    Relation(
        "director",
        words(
            r"direct\w*|director\w*|helm\w*|filmmakers?|who made|behind the camera|"
            # as machine translation and loose speech say it
            r"manag\w*|(?:head|heads|headed|heading|led|leaders?)(?! (?:the )?cast)|"
            r"(?<!the )(?<!main )lead(?:s|ing)?"
            r"(?! (?:actor|actress|role|man|lady|part|(?:the )?cast))|"
            r"in charge|guided|"
            r"conduct\w*|made by|make|makes|making|(?:an? )?(?:film|movie|picture)s? by"
        ),
        "directed by",
        role="director",
    ),
    Relation("producer", words(r"(?<!in )produc\w*"), "produced by", role="producer"),
    Relation("sequel", words(r"sequels?|prequels?|follow ?ups?|follow(?:s|ed)?"), "sequel"),
    Relation(
        "sources",
        words(
            r"sources?|sourced|citations?|references?|where (?P<gap_a>.*)come from|how do you know"
        ),
        "sources",
    ),
    Relation(
        "cast",
        words(
            r"star(?:s|red|ring|rers?)?|act\w*|cast|appear\w*|actors?|actress\w*|in it|"
            r"who is in|who was in|whos in|been in|play(?:s|ed|ing)? in|play(?:s|ed|ing)?$|"
            r"featur\w*|perform\w*|co ?star(?:s|red|ring|rers?)?|players?|protagonists?|"
            r"participa\w*|"
            r"t[oa]ok part|take part|taking part|lead (?:actor|actress|role|part)s?|"
            r"(?:the|main) leads?|"
            r"(?:lead|leads|leading|led|heads?|headed|headlin\w*) (?:the )?cast|"
            r"headlin\w*|"
            r"leading (?:man|lady|role|part|actor|actress)|"
            r"(?:which|who)(?: \w+)? (?:was|were|is|are) in"
        ),
        "starring",
        role="cast",
    ),
    Relation(
        "genre",
        words(
            r"genres?|(?:sort|kind|type|types|category) of (?:film|movie)s?|categor\w*|"
            r"(?:what|which) types?"
        ),
        "genres",
        value_kind="genre",
    ),
    Relation("language", words(r"languages?|spoken|speak"), "in", value_kind="language"),
    Relation(
        "country", words(r"countr\w*|where was (?P<gap_b>.*) made"), "from", value_kind="country"
    ),
    Relation(
        "company", words(r"studios?|compan\w*|distribut\w*"), "companies", value_kind="company"
    ),
    Relation(
        "setting",
        words(r"set in|setting|takes place|take place|where(?: i|)s (?P<gap_c>.*) set"),
        "set in",
        value_kind="setting",
    ),
    Relation(
        "tag",
        words(
            r"tags?|tagged|key ?words?|describ\w*|in a few words|words|terms|topics?|applicable|"
            r"deal\w* with|treat\w*|concern\w*|relat\w* to|subjects?|themes?|themat\w*|"
            r"revolv\w* around"
        ),
        "tags",
        value_kind="tag",
    ),
    Relation("tagline", words(r"taglines?|slogans?|catch ?phrases?|catchline"), "tagline"),
    Relation("trailer", words(r"trailers?|teasers?"), "trailer"),
    Relation(
        "runtime",
        words(r"how long|runtime|running time|length|minutes|mins|hours? long|how many hours"),
        "runs",
    ),
    Relation(
        "rating",
        words(
            rf"{_RATING_SITE}(?: (?:ratings?|scores?))?|"
            r"(?:rt|critics?|audience) (?:ratings?|scores?)|"
            rf"scores? on {_RATING_SITE}|"
            r"(?<!popularity )ratings?|rated?|considered good|good|"
            r"how good|think of|thought of|opinion|evaluat\w*|apprais\w*|judged?|reviews?|"
            r"reviewed|reception|received"
        ),
        "rated",
    ),
    Relation("votes", words(r"votes?|popular\w*|famous|how well known"), "votes"),
    Relation(
        "status",
        words(
            r"status|real|confirmed|official|exists?|true|fake|announced|out yet|"
            r"been released|released yet|come out yet|available|in production|"
            r"^(?:has|have|did|was|is) (?P<gap_d>.*)(?:come out|released|out)"
        ),
        "status",
    ),
    Relation(
        "year",
        words(
            r"years?|when|whens|released?|come out|came out|comes out|coming out|release date|"
            r"publish\w*|issued|"
            r"premiered?|debuted|screened|shown"
        ),
        "released",
    ),
    Relation(
        "synopsis",
        words(r"(?:what|whats) (?P<gap_e>.*)about|plot|synopsis|story|storyline|summar\w*"),
        "about",
    ),
)
RELATION_BY_NAME = {r.name: r for r in RELATIONS}
RELATION_WORDS_KEPT = 8192  # words whose answer to is_relation_word is kept

_WHEN = r"when|whens|(?:in )?(?:what|which) year"
ASKS_WHEN = re.compile(rf"^(?:{_WHEN})\b")  # "when was …", "what year did …"
# Question openings that settle the relation whatever other words follow ("when did the
# film X appear" asks the year, although "appear" is a cast word).
OPENINGS: tuple[tuple[re.Pattern[str], Relation], ...] = (
    (
        re.compile(rf"^(?:{_WHEN}|what is the release (?:year|date))\b"),
        RELATION_BY_NAME["year"],
    ),
)

PERSON_VERBS = {
    "director": "directed",
    "writer": "wrote",
    "producer": "produced",
    "composer": "scored",
    "cast": "appears in",
}

# Question forms: a question that asks for people, or for films.
ASKS_PEOPLE = re.compile(
    r"^(?:who|whom|which (?:person|people|actors?|actress\w*|directors?|writers?|"
    r"screenwriters?|producers?)|name the (?:actors?|directors?|writers?))\b|"
    r"\b(?:who|whom|which (?:actors?|people|persons?))$"
)
ASKS_FILMS = re.compile(
    r"^(?:(?:in|on|from|for) )?"
    r"(?:(?:what|which|name|list|show|recommend|suggest|give me)"
    r"(?: (?:are|were) (?:some|the|good|any|a few)| \w+)? )?(?:films?|movies?)\b"
)

# Words just before a film whose like is asked for ("something like", "films similar to")
LIKED_BEFORE = re.compile(
    r"\b(?:like|similar(?: films?| movies?| flicks?| ones?| stuff)? to|similar|"
    r"if (?:i|we|u|you) (?:liked|loved|enjoyed)|the vein of|same vibe as)$"
)


def phrase_positions(key: str, relations: tuple[Relation, ...] = RELATIONS) -> set[int]:
    """Positions of the words that make up the question's relation phrases (of
    ``relations``, all by default).

    What a phrase leaves open (the title in "what is … about", "where was … made", the
    ``gap_*`` groups of the patterns) is not part of it."""
    positions: set[int] = set()
    for relation in relations:
        for match in relation.pattern.finditer(key):
            first = key.count(" ", 0, match.start())
            words = set(range(first, first + match.group().count(" ") + 1))
            for name, gap in match.groupdict().items():
                if name.startswith("gap") and gap:
                    start = key.count(" ", 0, match.start(name))
                    words -= set(range(start, start + gap.strip().count(" ") + 1))
            positions.update(words)
    return positions


# Words asking for a film's trivia ("tell me a fun fact about titanic")
TRIVIA = words(
    r"trivia|fun ?facts?|facts?|interesting|did you know|behind the scenes|"
    r"(?:something|anything|things?) (?:cool|fun|neat|new|surprising|i (?:might )?not know)"
)


def asked_positions(key: str) -> set[int]:
    """Positions of the words of the question's relation phrases and of the words asking
    for trivia ("fun fact": not the films Fun and Face)."""
    positions = phrase_positions(key)
    for match in TRIVIA.finditer(key):
        first = key.count(" ", 0, match.start())
        positions.update(range(first, first + match.group().count(" ") + 1))
    return positions


# Any relation's keywords, for words alone: one match where each relation's pattern would be
# tried in turn (the gap groups have names of their own in each)
_RELATION_WORD = re.compile("|".join(f"(?:{r.pattern.pattern})" for r in RELATIONS))


@lru_cache(maxsize=RELATION_WORDS_KEPT)
def is_relation_word(token: str) -> bool:
    """Whether one word is by itself a relation keyword ("directed", "genre")."""
    return _RELATION_WORD.fullmatch(token) is not None


# A number as titles write it: in figures, in roman numerals and in words, 1 to 20
NUMBER_WRITINGS = tuple(
    (str(n), roman, word)
    for n, (roman, word) in enumerate(
        zip(
            "i ii iii iv v vi vii viii ix x xi xii xiii xiv xv xvi xvii xviii xix xx".split(),
            "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
            "fifteen sixteen seventeen eighteen nineteen twenty".split(),
            strict=True,
        ),
        1,
    )
)
# A sequel's number as people type it after a title ("godfather 2", "godfather pt ii",
# "toy story part two"), and the words that may come between.
_SEQUEL_FORMS = NUMBER_WRITINGS[1:9]
SEQUEL_NUMBERS = {form: forms for forms in _SEQUEL_FORMS for form in forms}
SEQUEL_PARTS = ("part", "pt", "chapter", "vol", "volume")


def sequel_titles(title: str, number: str) -> list[str]:
    """The ways a title with a sequel's number may be written, normalised: "the godfather"
    and "2" are "the godfather 2", "the godfather part ii", "the godfather chapter two", …"""
    forms = SEQUEL_NUMBERS.get(number, ())
    return [
        f"{title} {part}{form}" for part in ("", *(p + " " for p in SEQUEL_PARTS)) for form in forms
    ]


# Question words as people often misspell them in chat, and what they mean. Names are not
# here: they are read through the catalog's own (``engine._repaired``).
MISSPELT = {
    "wat": "what",
    "wut": "what",
    "wht": "what",
    "wich": "which",
    "whcih": "which",
    "r": "are",
    "w": "with",
    "gimme": "give me",
    "smth": "something",
    "sth": "something",
    "smthn": "something",
    "somethin": "something",
    "anythin": "anything",
    "recomend": "recommend",
    "reccomend": "recommend",
    "reccommend": "recommend",
    "recommed": "recommend",
    "recomment": "recommend",
    "sugest": "suggest",
    "suggets": "suggest",
    "moive": "movie",
    "moives": "movies",
    "movei": "movie",
    "flim": "film",
    "flims": "films",
    "directer": "director",
    "diretor": "director",
    "dirctor": "director",
    "acter": "actor",
    "actres": "actress",
    "charachter": "character",
    "charecter": "character",
    "sequal": "sequel",
    "sequals": "sequels",
    "prequal": "prequel",
    "writter": "writer",
    "composser": "composer",
}

# The words of questions most often typed with a slip ("direced", "starrd", "relased"):
# a word the catalog does not have and that is a slip from one of these is read as it.
QUESTION_WORDS = tuple(
    """
    directed director directors directing starred starring actors actress written writer
    writers composed composer produced producer released release sequel prequel genre
    language soundtrack screenplay character played voiced recommend suggest
    """.split()
)
QUESTION_SLIP_MIN = 5  # shorter words are too often something else to be read as slips


def question_word_near(word: str) -> str | None:
    """The common question word ``word`` is one slip from (two in a long word), if any:
    "direced" is "directed". Whether ``word`` is an English word is not asked here
    (:func:`is_english_word` reads a dictionary on first use)."""
    if len(word) < QUESTION_SLIP_MIN or not word.isalpha():
        return None
    slips = 1 if len(word) < 8 else 2
    found = process.extractOne(
        word, QUESTION_WORDS, scorer=Levenshtein.distance, score_cutoff=slips
    )
    return None if found is None or found[0] == word else found[0]


@cache
def _english() -> SpellChecker:
    return SpellChecker(language="en", distance=1)


def english_read() -> bool:
    """Whether the dictionary :func:`is_english_word` uses has been read (it is quick then)."""
    return _english.cache_info().currsize > 0


def read_english() -> None:
    """Read the dictionary :func:`is_english_word` uses now, so that no question waits for
    it (about a second: call it off the event loop, e.g. while a bot starts)."""
    _english()


def is_english_word(word: str) -> bool:
    """Whether a word is in an English dictionary ("short", "waver"), so is not taken
    for a misspelt name. The dictionary is read on first use (about a second: call it off
    the event loop)."""
    return word in _english()


async def english_word(word: str) -> bool:
    """:func:`is_english_word`, off the event loop while its dictionary is being read."""
    return (
        is_english_word(word) if english_read() else await asyncio.to_thread(is_english_word, word)
    )


COMMON_WORD_MIN = 3000  # uses in the dictionary's texts: "birthday", not "burton" or "smith"


def is_common_word(word: str, least: int = COMMON_WORD_MIN) -> bool:
    """Whether a word is common in English texts ("birthday", "movies"), more than names
    that are words too ("burton", "smith") are: used ``least`` times in the texts of
    :func:`is_english_word`'s dictionary."""
    return _english().word_frequency[word] >= least


async def common_english(word: str, least: int = COMMON_WORD_MIN) -> bool:
    """Whether a word is English and common (:func:`is_common_word`): an everyday word,
    not a name ("president", not "smith"); off the event loop while the dictionary is read."""
    return await english_word(word) and is_common_word(word, least)


# Languages said as a word ("is jaws french"), known whether the catalog has films in them
# or not, so that a film in another language is said to be in it, not left unasked
LANGUAGE_WORDS = frozenset(
    "english french spanish german italian japanese korean chinese mandarin cantonese hindi "
    "russian portuguese swedish danish norwegian finnish dutch polish czech hungarian "
    "turkish arabic persian hebrew greek thai vietnamese indonesian tagalog icelandic "
    "romanian ukrainian tamil telugu bengali urdu latin".split()
)

# Countries said by their people's word or for short ("british films", "films from the uk"),
# as the facts name them; a word for a language too ("french", "korean") is the language
COUNTRY_WORDS = {
    "american": "United States",
    "america": "United States",
    "usa": "United States",
    "british": "United Kingdom",
    "brit": "United Kingdom",
    "britain": "United Kingdom",
    "uk": "United Kingdom",
    "mexican": "Mexico",
    "canadian": "Canada",
    "australian": "Australia",
    "irish": "Ireland",
    "indian": "India",
    "brazilian": "Brazil",
    "argentinian": "Argentina",
    "argentine": "Argentina",
    "belgian": "Belgium",
    "austrian": "Austria",
    "swiss": "Switzerland",
    "taiwanese": "Taiwan",
    "iranian": "Iran",
    "nigerian": "Nigeria",
}


# Places said by their letters in chat ("films set in LA"), read as the catalog's setting
# that has that name or begins with it, where a setting is asked
PLACE_LETTERS = {
    "la": "los angeles",
    "nyc": "new york city",
    "ny": "new york",
    "sf": "san francisco",
}


# Words said short in chat, read in full where a name has them so ("coen bros" for the
# Coen Brothers) and the words as typed name nothing
WORDS_SAID_SHORT = {"bros": "brothers", "vs": "versus"}


# Words chat sprinkles over a question ("who played gandalf lol", "best kubrick movie tho"):
# a question is first read without them, since a film may be called "LOL" too
CHAT_FILLER = frozenset(
    """
    lol lool lmao lmfao rofl haha hahaha hehe xd omg tho pls plz plox bro bruh ngl tbh
    imo imho rn atm fr
    """.split()
)


# Words after which a title is said ("the movie LOL", "the music for lol"), not chat
_TITLE_BEFORE = frozenset("the a an movie film called titled named of about in for from on".split())


def filler_positions(text: str) -> list[int]:
    """Where the chat words sprinkled over a question are, among its words split on
    spaces; one typed with a capital inside the question is part of a name ("Nicolas
    Bro"), and one where a title is said ("the movie LOL") is the title."""
    words = [word.casefold().strip(".,!?;:") for word in text.split()]
    typed = text.split()
    return [
        i
        for i, word in enumerate(words)
        if word in CHAT_FILLER
        and not (i > 0 and typed[i][:1].isupper() and not typed[i].isupper())
        and not (i > 0 and words[i - 1] in _TITLE_BEFORE)
    ]
