"""A title the catalog lacks, said back whole: the words a question ends with, joined by the
words titles are made with ("lawrence of arabia", "gone with the wind"), not cut at the first
of those words."""

from __future__ import annotations

from bot.answering import lexicon
from bot.answering.kinds import characters
from bot.answering.lexicon import is_relation_word
from bot.answering.linking import SCAFFOLD, TALK
from bot.answering.wanted import FILM_NOUNS, is_asking_word, is_keyword
from bot.store.indexes import ARTICLES

WORTH = frozenset("worth watching seeing".split())  # "is it worth watching oppenheimer"

# Words that join the words of a title ("lawrence of arabia", "gone with the wind", "the man
# who shot liberty valance", "once upon a time in hollywood")
INSIDE_TITLES = frozenset(ARTICLES) | frozenset(
    "of with who in on upon to for and or over at from all".split()
)
_PREPOSITIONS = INSIDE_TITLES - frozenset(ARTICLES)
# Words asking for the film before or after the title they precede ("what came after the
# lord of the rings"), not for films by their time
SEQUEL_ASKED = frozenset("after before".split())
_OPENING = frozenset("to all".split())
_BEFORE_KIND_WORD = INSIDE_TITLES - {"a", "an"}  # words titles often open with
# Words a title may follow with its own first preposition ("who directed for a few dollars
# more", "tell me about to kill a mockingbird"), unlike "starred in" or "music for"
_OBJECT_NEXT = frozenset("directed wrote produced composed about did does".split())


def title_to_the_end(tokens: list[str]) -> str:
    """The words after the question's last words asking something, to its end but for the
    question words closing it, when words of a title join them ("how long is lawrence of
    arabia": “lawrence of arabia”, "who directed the lord of the rings": “lord of the
    rings”); never from before the film a character is played in ("who played the bride in
    kill bill"), nor after a word for films or asking for films ("comedies with jackie chan
    and tom hanks"), else ""."""
    end = len(tokens)
    while end and (
        tokens[end - 1] in SCAFFOLD or tokens[end - 1] in TALK or _closing(tokens[end - 1])
    ):
        end -= 1
    key = " ".join(tokens)
    played_in = characters.character_in_film(key) is not None
    start = end
    while start and _in_a_title(tokens, start - 1):
        if played_in and tokens[start - 1] == "in":
            break
        start -= 1
    if not _title_from(tokens, start, end):
        return ""  # most often: the relation phrases need not be looked for
    # "whos in", "running time of": words of a relation phrase are none of the title's
    asking = [at for at in lexicon.phrase_positions(key) if start <= at < end]
    return _title_from(tokens, max(asking) + 1 if asking else start, end)


def _title_from(tokens: list[str], start: int, end: int) -> str:
    """The words from ``start`` to ``end`` said as a title, without the article or
    preposition before it, when words of a title join them, else "": never after a word
    for films or asking for films, but for one asking what came before or after it."""
    before = tokens[start - 1] if start else ""
    asking = is_asking_word(before) and before not in SEQUEL_ASKED
    if before in FILM_NOUNS or asking or any(c.isdigit() for c in before):
        return ""
    words = tokens[start:end]
    own = before in _OBJECT_NEXT and bool(words) and words[0] in _PREPOSITIONS
    while words and not own and _not_its_first(words[0], before):
        before, words = words[0], words[1:]
    joined = any(w in INSIDE_TITLES for w in words[1:-1])
    return " ".join(words) if joined or own else ""


def _not_its_first(word: str, before: str) -> bool:
    """Whether a word before a title is not its first: an article, or a preposition said
    after the words asking ("starred in the …", "music for …"), but for one a title opens
    with ("to kill a mockingbird", "all quiet on the western front") unless a relation word
    asks it ("sequel to …"), and for one opening the question or after such a preposition
    ("for a few dollars more", "starred in for a few dollars more")."""
    if word in ARTICLES:
        return True
    if word in _OPENING:
        return is_relation_word(before)
    return word in _PREPOSITIONS and bool(before) and before not in _PREPOSITIONS


def _in_a_title(tokens: list[str], at: int) -> bool:
    """Whether a word may be a word of a title: one joining its words, or no question word;
    a word asking for films only after "the" or such a word ("the western front"), not
    after "a", which asks for a kind of film ("is gladiator a horror movie")."""
    word = tokens[at]
    if word in FILM_NOUNS or any(c.isdigit() for c in word):
        return False
    if word in INSIDE_TITLES or not is_keyword(word):
        return True
    return not is_keyword(word, asking=True) and at > 0 and tokens[at - 1] in _BEFORE_KIND_WORD


def _closing(word: str) -> bool:
    """Whether a word closing a question asks of what comes before it ("is … good", "who
    did … work with the most")."""
    return is_relation_word(word) or word in WORTH or word == "most"
