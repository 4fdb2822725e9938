"""Small talk: "hi", "thanks!", "help", "what can you do", "lol", "bye", "how are you",
"ur dumb", "what's the weather", "are you a robot": a short, friendly reply with example
questions from the catalog. Only a message that is small talk and nothing else is
answered here, so "who directed Help!" still asks about the film."""

from __future__ import annotations

import random
import re
import weakref
from collections.abc import Collection

from bot.answering.context import Context
from bot.answering.reply import Answer, either
from bot.store.catalog import Catalog, FilmRecord
from bot.store.discovery import FilmQuery, random_films
from bot.text import norm

_TO_BOT = r"(?: (?:there|bot|film ?bot|everyone|all|guys|folks|friend|mate))*"
_GREETING = re.compile(
    rf"^(?:(?:hi+|hello+|hey+|heya|hiya|howdy|yo|sup|whats up|greetings|hola|"
    rf"good (?:morning|afternoon|evening|day)|gm|morning|evening){_TO_BOT} ?)+$"
)
# "ok thanks", "oh cool thx": a word of acknowledgement before thanks is still thanks
_ACKNOWLEDGED = r"(?:(?:ok|okay|okey|kk|k|oh|ah|alright|aight|got it|yes|yeah|yep|wow|haha) )*"
_THANKS = re.compile(
    rf"^{_ACKNOWLEDGED}"
    rf"(?:(?:thanks?|thank (?:you|u|ya|yu)|thanx|thnks|thx|thnx|ty|tysm|tyvm|cheers|"
    rf"much appreciated|appreciate it|"
    rf"(?:nice|great|cool|awesome|perfect)(?: one)?)(?: (?:so much|a lot|very much|again))?"
    rf"{_TO_BOT} ?)+$"
)
_HELP = re.compile(
    r"^(?:help(?: me| pls| please)?|commands|how to use|usage|"
    r"what (?:can|do|should|could) (?:you|i) (?:do|ask|help with)(?: you)?(?: here)?|"
    r"how (?:do|can|should) i (?:use|ask)(?: (?:this|you|the|it))?(?: bot)?|"
    r"how does (?:this|it)(?: bot)? work|(?:who|what) (?:are|r) (?:you|u)|what is this(?: bot)?|"
    r"what do you know)(?: bot)?$"
)
_FAVOURITE = re.compile(
    r"^(?:what|whats|which)(?: is| are| r)? (?:ur|your|youre) (?:fav|fave|favou?rite|top)s?"
    r"(?: \d+| three| five| ten)? (?:film|movie|flick)s?(?: ever| of all time)?$|"
    r"^(?:do )?(?:you|u) have a (?:fav|fave|favou?rite) (?:film|movie)$|"
    r"^what (?:films|movies) do (?:you|u) (?:like|love)$"
)
# "lol", "ok", "haha nice": a reaction to the last reply, not a film called "LOL" nor the
# tag "ok"; words that are also answers ("yes", "nope") are left to name what they name
_REACTION = re.compile(
    r"^(?:(?:lo+l|lmf?ao+|rofl|(?:ha){2,}h?|(?:he){2,}|xd+|omg|ok|okay|okey|kk?|cool|nice|wow|"
    r"hm+|oh+|ah+|alright|aight|got it|i see|fair enough|nvm|never ?mind|oof|bruh|damn)"
    rf"{_TO_BOT} ?)+$"
)
_HOW_ARE_YOU = re.compile(
    r"^(?:(?:hi|hey|hello|yo) )?(?:how (?:are|r) (?:you|u|ya)(?: doing| doin)?(?: today)?|"
    r"how (?:you|u|ya) (?:doing|doin)|hows it going|how is it going|hows (?:your|ur) day|"
    r"how was (?:your|ur) day|hru|wyd|whats good)(?: bot)?$"
)
# "stfu", "ur dumb", "this bot sucks": said to the bot, not a name to look up
_RUDE = re.compile(
    r"^(?:(?:stfu|shut up|shut it|fuck off|f off|fuck you|f you|screw you|go away|wtf|"
    r"(?:ur|youre|you are|u r|you|u|this bot|the bot|bot|this|that)(?: is| s)? "
    r"(?:so |really |very |such an? |an? )?(?:dumb|stupid|useless|trash|garbage|bad|wrong|"
    r"idiot|dumbass|moron|annoying|sucks?|suck))(?: bot| lol| lmao| tbh| ngl)? ?)+$"
)
# Questions about anything but films, said whole ("whats the weather", "what time is it"):
# the message is no film named "It" nor a title "The Weather" that is almost another one
_WHERE = r"(?: (?:in|for|at|near) \w+(?: \w+){0,2})?"  # "… in new york"
_WHEN = r"(?: today| now| outside| tomorrow| rn| tonight)?"
_WHATS = r"(?:whats|wats|what is|wat is|hows|how is)"  # "wats the wether": a slip or two
_WEATHER = r"(?:wh?ea?the?r|forecast|temperature|time|date)"  # "wether", "weathr"
# "whats the capital of france": a fact of a place or of the world, not a title like
# "the capital of france" the catalog lacks
_FACT_OF = r"(?:capital|population|currency|president|prime minister|flag|size|area)"
_NOT_FILMS = re.compile(
    rf"^(?:{_WHATS} (?:the )?{_WEATHER}"
    rf"(?: like)?{_WHERE}{_WHEN}(?: like)?|"
    rf"what (?:time|day|date) is it{_WHERE}{_WHEN}|"
    rf"{_WHATS} the {_FACT_OF} of \w+(?: \w+){{0,2}}|"
    r"(?:who is|whos|who s) the (?:president|prime minister|king|queen|pope) of \w+(?: \w+)?|"
    r"(?:(?:tell|give) me |whats |what is |wats |any )?(?:the |some )?(?:news|headlines)"
    r"(?: today| pls| please)?|"
    r"(?:is it|will it|is it going to|is it gonna) (?:rain|snow|be sunny|be hot|be cold)"
    r"(?: today| tomorrow)?|"
    r"(?:tell me |say )?(?:a )?joke(?: pls| please)?|tell me a joke(?: pls| please)?|"
    r"wh?ea?the?r(?: today| tomorrow)?)$"
)
# "do you have feelings", "are you a robot", "do you like me": the bot asked about itself,
# not whether the catalog has "feelings" nor a title "Alive"
_YOU = r"(?:you|u|ya)"
_ABOUT_THE_BOT = re.compile(
    rf"^(?:(?:do|can|could|will) {_YOU} (?:ever )?(?:have|feel|get|got) (?:any )?"
    r"(?:feelings|emotions|a heart|a soul|a brain|a body|a life|friends|a family|"
    r"a girlfriend|a boyfriend|a crush|dreams|opinions|thoughts|consciousness)|"
    rf"(?:are|r) {_YOU} (?:a |an )?(?:real )?(?:robot|bot|ai|a i|human|person|real|alive|"
    r"sentient|conscious|self aware|machine|computer|program|chatgpt|gpt|living|smart|"
    r"happy|sad|lonely|bored|single|married|a real person|my friend)|"
    rf"(?:do|can|could) {_YOU} (?:like|love|hate|understand|hear|see|remember) (?:me|us)|"
    rf"(?:do|can|could) {_YOU} (?:think|feel|dream|sleep|eat|breathe|die|learn)|"
    rf"(?:how old|where) (?:are|r) {_YOU}|who (?:made|created|built|programmed|coded) {_YOU}|"
    rf"(?:whats|what is) (?:your|ur) (?:name|age)|"
    rf"(?:i )?(?:love|like|hate) {_YOU})"
    r"(?: bot| lol| tho| though| really| too| at all)?$"
)
_FAREWELL = re.compile(
    rf"^{_ACKNOWLEDGED}(?:(?:thanks?|thx|ty|cheers|thank (?:you|u)) (?:and |n )?)?"
    r"(?:(?:bye+|bye bye|good ?bye|good ?night|gn|nighty? night|cya|"
    rf"see (?:ya|you)(?: later)?|ttyl|gtg|g2g|i(?: a)?m off|im out){_TO_BOT} ?)+$"
)
# When the catalog has no released film to name: the kinds of question, no title
EXAMPLES = '"who directed …?", "who is in …?" or "what films did … direct?"'
EXAMPLE_FILMS = 8  # films of a catalog the examples are about, one at a time
AVOIDED_MIN = 3  # shorter words of a question may be in an example film's names


async def reply(ctx: Context) -> Answer | None:
    """A greeting, thanks or a request for help, when the message is nothing else."""
    key = ctx.key
    if _HELP.match(key):
        asks = await examples(ctx.catalog, ctx.rng)
        text = f"Ask me about films and the people who make them, e.g. {asks}"
        return Answer(ctx.question, [], text, kind="help")
    if _THANKS.match(key):
        return Answer(ctx.question, [], "You're welcome! Ask me anything about films.", kind="chat")
    if _FAVOURITE.match(key):
        return await _favourite(ctx)
    if _FAREWELL.match(key):
        return Answer(ctx.question, [], "Bye! Ask me about films any time.", kind="chat")
    if _REACTION.match(key):
        return Answer(
            ctx.question, [], "Anything else? Ask me about a film or the people in it.", kind="chat"
        )
    if _HOW_ARE_YOU.match(key):
        asks = await examples(ctx.catalog, ctx.rng)
        text = f"All good here, thanks! Ask me about films, e.g. {asks}"
        return Answer(ctx.question, [], text, kind="chat")
    if _RUDE.match(key):
        text = f"Sorry that didn't help. {await not_films(ctx)}"
        return Answer(ctx.question, [], text, kind="chat")
    if _ABOUT_THE_BOT.match(key):
        text = (
            "I'm just a bot that answers questions about films, with no feelings or life of "
            "my own. "
            f"{await not_films(ctx)}"
        )
        return Answer(ctx.question, [], text, kind="chat")
    if _NOT_FILMS.match(key):
        text = f"I only know about films, so I can't help with that one. {await not_films(ctx)}"
        return Answer(ctx.question, [], text, kind="chat")
    if _GREETING.match(key):
        text = f"Hi! I answer questions about films. Try {await examples(ctx.catalog, ctx.rng)}"
        return Answer(ctx.question, [], text, kind="chat")
    return None


_SMALL_TALK = (
    _HELP,
    _THANKS,
    _GREETING,
    _FAVOURITE,
    _REACTION,
    _FAREWELL,
    _HOW_ARE_YOU,
    _RUDE,
    _NOT_FILMS,
    _ABOUT_THE_BOT,
)


def is_small_talk(key: str) -> bool:
    """Whether a whole message (in normal form) is a greeting, thanks, a call for help, a
    question about the bot's own taste, a reaction ("lol"), a goodbye, "how are you", a
    word of anger ("stfu"), a question about anything but films ("what time is it") or
    about the bot itself ("are you a robot")."""
    return any(pattern.match(key) for pattern in _SMALL_TALK)


async def not_films(ctx: Context) -> str:
    """What the bot is asked about instead, with example questions from the catalog."""
    return f"Ask me about a film or the people in it, e.g. {await examples(ctx.catalog, ctx.rng)}"


async def _favourite(ctx: Context) -> Answer:
    """ "what's your favourite movie": no taste of its own, but a released film to try."""
    picked = await random_films(ctx.catalog, FilmQuery(statuses=("released",)), rng=ctx.rng)
    text = "I don't watch films myself, so I have no favourite"
    if picked:
        text += f"; but you could try {picked[0].label}, or ask me to recommend one"
    return Answer(ctx.question, [], text + ".", kind="chat", films=picked[:1])


async def examples(
    catalog: Catalog, rng: random.Random | None = None, avoid: Collection[str] = ()
) -> str:
    """Two or three questions this catalog can answer, about a released film picked at
    random (never one whose facts are only claims), and none whose title, names, genres or
    tags have a word of ``avoid`` (the words of a question nothing was found for: a film
    named there would read as what was meant)."""
    record = await _example_film(catalog, rng, {_stem(w) for w in avoid if len(w) >= AVOIDED_MIN})
    if record is None:
        return EXAMPLES
    title = record.summary.title
    asks = [f'"who directed {title}?"' if record.names("director") else f'"who is in {title}?"']
    played = next((c for c in record.people("cast") if c.character), None)
    if played is not None:
        asks.append(f'"who plays {played.character} in {title}?"')
    directors, cast = record.names("director"), record.names("cast")
    if directors:
        asks.append(f'"what else did {directors[0]} direct?"')
    elif cast:
        asks.append(f'"what films is {cast[0]} in?"')
    if len(asks) < 3:
        asks.append(f'"what is {title} about?"')
    return either(asks)


def _stem(word: str) -> str:
    """A word without a plural "s": "wars" is a word of the genre "War"."""
    return word[:-1] if word.endswith("s") else word


async def _example_film(
    catalog: Catalog, rng: random.Random | None, avoid: set[str]
) -> FilmRecord | None:
    fitting = [record for record, said in await _example_films(catalog) if not avoid & said]
    return (rng or random).choice(fitting) if fitting else None


_EXAMPLE_FILMS: weakref.WeakKeyDictionary[Catalog, list[tuple[FilmRecord, frozenset[str]]]] = (
    weakref.WeakKeyDictionary()
)


async def _example_films(catalog: Catalog) -> list[tuple[FilmRecord, frozenset[str]]]:
    """A few released films of the catalog to ask about, each with the words of its title,
    people, genres and tags: picked once a catalog, so that a question nothing is found
    for costs no more than before."""
    films = _EXAMPLE_FILMS.get(catalog)
    if films is None:
        query = FilmQuery(statuses=("released",))
        picked = await random_films(catalog, query, random.Random(0), count=EXAMPLE_FILMS)
        films = []
        for summary in picked:
            record = await catalog.film(summary.id)
            if record is not None:
                said = [record.summary.title, *(c.person for c in record.credits)]
                said += [value for values in record.values.values() for value in values]
                films.append((record, frozenset(map(_stem, norm(" ".join(said)).split()))))
        _EXAMPLE_FILMS[catalog] = films
    return films
