"""The kinds of questions, one module each. Find where a question is answered here:

=================  =================================================================
``smalltalk``      "hi", "thanks!", "help", "what can you do", "lol", "stfu", "what
                   time is it" (and nothing else)
``unkept``         "how many oscars did Titanic win", "Avatar's budget", "where can I
                   stream Up": facts the catalog never keeps, said as such
``yesno``          "did James Cameron write Titanic?"
``counts``         "how many films did Kubrick direct"
``prolific``       "who has been in the most films", "which director has the most movies"
``status``         "which films are unconfirmed", "list unreleased films"
``characters``     "who plays Nova", "who played jack in titanic", "who voices Woody",
                   "keanu's character in the matrix", "which films does Sigourney
                   Weaver play Ripley in"
``people``         "when was Tom Hanks born", "how old is Keanu Reeves", "who is Junkie
                   XL", "Kubrick's first film", "Tom Hanks' latest movie"
``picks``          "recommend a sci-fi movie", "something like The Matrix", "a random
                   animated film": films to watch, with the reason
``ranking``        "the oldest movie", "best Kubrick films", "top 3 sci fi movies",
                   "the longest film": films in an order
``time``           "films from 1999", "80s horror", "Cameron films from the 90s",
                   "movies between 1990 and 2000": films by when they came out; and a
                   genre in everyday words alone ("sci fi movies", "westerns")
``chains``         a person's films and what is true of them ("what films did Kubrick
                   direct", "who directed the films starring Tom Hanks"), films sharing
                   a credit with a film, films with a genre, tag or other value
``about``          trivia ("tell me something interesting about Parasite"), the story
                   ("what is Jaws about", "tell me about Spirited Away"), sequels both
                   ways ("what came before Avatar: Fire and Ash", "is there a prequel")
``relations``      one fact of a film ("who directed Heat", "is Alita 2 real",
                   "sources for Cast Away"), else its summary
``offtopic``       "what's the weather like": what the bot is for (last: only what no
                   other kind answered, naming nothing in the catalog)
=================  =================================================================

Each module has ``async def reply(ctx: Context) -> Answer | None``: an answer when the
question is of its kind, else ``None``. :data:`CHAIN` asks them in order and the first
answer wins. **Order rule**: a kind that recognises a narrow form of question (by its
opening words or a phrase, like "how many", "did …", "who plays") comes before the kinds
that answer anything naming a person, film or value; ``chains``, ``about`` and
``relations`` come late because they answer almost every question that names something
(``about`` before ``relations``: its words, "trivia", "before", "about", are narrower).
``smalltalk`` is first because it answers only whole messages that are small talk;
``offtopic`` is last because it answers only what nothing else did.

Adding a kind is one line: write ``kinds/<name>.py`` with its ``reply`` and put its name
in :data:`CHAIN` where the order rule says.
"""

from __future__ import annotations

from importlib import import_module

from bot.answering.context import Kind

CHAIN = (
    "smalltalk",
    "unkept",
    "yesno",
    "counts",
    "prolific",
    "status",
    "characters",
    "people",
    "picks",
    "ranking",
    "time",
    "chains",
    "about",
    "relations",
    "offtopic",
)

KINDS: tuple[Kind, ...] = tuple(import_module(f"{__name__}.{name}").reply for name in CHAIN)
