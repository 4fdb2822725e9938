"""Two questions in one message ("who directed jaws and when was it released"): each is
answered on its own, the second's "it" or "he" standing for what the first was about; and a
question asked right after another ("who was in it"), read the same way."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable

from bot.answering.reply import Answer
from bot.store.catalog import Catalog
from bot.text import norm

Ask = Callable[[str], Awaitable[Answer]]

# "… and when/who/what …": a second question, not a second name ("tom hanks and meg ryan")
_SECOND = re.compile(
    r"^(?P<first>.+?),? and (?:also )?(?P<second>(?:when|who|whos|what|whats|which|where|how|"
    r"is|was|did|does|do|are|were|has|had)\b.*)$"
)
_FILM_PRONOUNS = re.compile(r"\b(?:it|its|it's|that film|that movie|this film|this movie)\b")
_PERSON_PRONOUNS = re.compile(r"\b(?:he|she|him|her|his|they|them|their)\b")
_WHO = re.compile(r"^(?:who|whos|who's)\b")
MIN_WORDS = 2  # a shorter half is not a question of its own, but for these words:
_ASKED_ALONE = frozenset({"when"})  # "who directed casablanca and when"
WHICH_FILM_MOST = 5  # films named when asking which one an "it" stands for


def split(text: str) -> tuple[str, str] | None:
    """The two questions in ``text`` (as typed, lower case), or ``None`` for one."""
    match = _SECOND.match(text.lower())
    if match is None:
        return None
    first, second = match.group("first").strip(), match.group("second").strip()
    if len(first.split()) < MIN_WORDS or (
        len(second.split()) < MIN_WORDS and norm(second) not in _ASKED_ALONE
    ):
        return None
    return first, second


async def answer_both(
    question: str, parts: tuple[str, str], ask: Ask, catalog: Catalog
) -> Answer | None:
    """Both answers in one reply, or ``None`` when the first half answers nothing or the
    second's "it" or "he" could stand for more than one thing (the message is then asked
    whole, as before)."""
    first = await ask(parts[0])
    if first.kind != "answer":
        return None
    resolved = await _resolved(parts[1], parts[0], first, catalog)
    if resolved is None:
        return None
    second = await ask(resolved)
    if second.kind == "not_found" and resolved == parts[1]:
        # "who directed jaws and who starred": a second half naming nothing asks of the
        # first's one film or person
        subject = await _subject(parts[0], first, catalog)
        if subject is not None:
            second = await ask(f"{parts[1]} {subject}")
    films = list({f.id: f for f in [*first.films, *second.films]}.values())
    return Answer(
        question,
        [*first.answers, *second.answers],
        f"{first.text}\n{second.text}",
        kind="answer",
        films=films,
        people=list(dict.fromkeys([*first.people, *second.people])),
        suggestions=second.suggestions,
    )


async def follow_up(question: str, previous: Answer, catalog: Catalog) -> str | None:
    """A question asked right after ``previous``, with its "it" or "he" named as the one
    film or person ``previous`` was about ("who was in it" after "who directed jaws" is
    "who was in Jaws"); ``None`` when it has no such word or that is not one thing."""
    text = question.lower()
    if previous.kind != "answer" or not (
        _FILM_PRONOUNS.search(text) or _PERSON_PRONOUNS.search(text)
    ):
        return None
    return await _resolved(text, previous.question, previous, catalog)


async def subject(previous: Answer, catalog: Catalog) -> str | None:
    """The one film, else the one person, an answer was about, if it was one thing."""
    if previous.kind != "answer":
        return None
    return await _subject(previous.question, previous, catalog)


async def _resolved(
    second: str, first_question: str, first: Answer, catalog: Catalog
) -> str | None:
    """The second question with "it" named as the film the first answer was about, and
    "he" or "she" as its one person; ``None`` when either is not one thing."""
    if _FILM_PRONOUNS.search(second):
        titles = {film.title for film in first.films}
        if len(titles) != 1:
            return None
        second = _FILM_PRONOUNS.sub(await _title_said(first, catalog), second)
    if _PERSON_PRONOUNS.search(second):
        name = await _one_person(first_question, first, catalog)
        if name is None:
            return None
        second = name_person(second, name)
    return second


async def _title_said(answer: Answer, catalog: Catalog) -> str:
    """The title of the films an answer was about, with the year when it was about one of
    several films of that title ("heat 1995" after "tell me about heat 1995")."""
    film = answer.films[0]
    if len({f.id for f in answer.films}) > 1 or film.year is None:
        return film.title
    hits = await catalog.lookup_names([norm(film.title)])
    shared = len({h.ref for h in hits if h.kind == "film"}) > 1
    return f"{film.title} {film.year}" if shared else film.title


def name_person(question: str, name: str) -> str:
    """The question with its "he" or "she" named as ``name``."""
    return _PERSON_PRONOUNS.sub(name, question.lower())


async def film_person(
    question: str, previous: Answer, catalog: Catalog
) -> tuple[str, str | None] | None:
    """For a "he" or "she" right after an answer about one film that was about no one
    person ("how old is he" after "when did jaws come out"): the word said, and the film's
    director, its one person to stand for, or ``None`` when it has none or several;
    ``None`` when the question has no such word or the answer was not about one film."""
    said = _PERSON_PRONOUNS.search(question.lower())
    if said is None or previous.kind != "answer" or _FILM_PRONOUNS.search(question.lower()):
        return None
    films = {film.id: film for film in previous.films}
    if len(films) != 1 or await _one_person(previous.question, previous, catalog) is not None:
        return None
    film_id = next(iter(films))
    directors = {name for _, _, name in await catalog.people_of_films([film_id], "director")}
    return said.group(), directors.pop() if len(directors) == 1 else None


def is_film_pronoun(title: str) -> bool:
    """Whether a title is one of the words that stand for a film ("It")."""
    return _FILM_PRONOUNS.fullmatch(norm(title)) is not None


def which_film(question: str, previous: Answer) -> str | None:
    """For an "it" right after an answer about several films ("which is older, jaws or
    alien", then "who was in it"): a reply asking which of them is meant; ``None`` when
    the question has no "it" or the answer was not about two films or more."""
    said = _FILM_PRONOUNS.search(question.lower())
    labels = list(dict.fromkeys(film.label for film in previous.films))
    if said is None or previous.kind != "answer" or len(labels) < 2:
        return None
    named = labels
    if len(labels) > WHICH_FILM_MOST + 1:  # one more is named rather than counted
        named = [*labels[:WHICH_FILM_MOST], f"another of the {len(labels)}"]
    options = ", ".join(named[:-1]) + f" or {named[-1]}"
    return f"By “{said.group()}”, which film do you mean: {options}? Ask again with its title."


def film_unsaid(question: str) -> str | None:
    """For an "it" with no film it could stand for ("was tom hanks in it" after "how old is
    keanu reeves"): a reply asking which film is meant; ``None`` when there is no "it"."""
    said = _FILM_PRONOUNS.search(question.lower())
    if said is None:
        return None
    return f"By “{said.group()}”, which film do you mean? Ask again with its title."


async def _subject(question: str, answer: Answer, catalog: Catalog) -> str | None:
    """The one film an answer is about, else its one person, else ``None``."""
    titles = {film.title for film in answer.films}
    if len(titles) == 1:
        return await _title_said(answer, catalog)
    return None if titles else await _one_person(question, answer, catalog)


async def _one_person(question: str, answer: Answer, catalog: Catalog) -> str | None:
    """The one person an answer is about, or the one a "who" question found."""
    if len(answer.people) == 1:
        person = await catalog.person(answer.people[0])
        return person.name if person is not None else None
    if _WHO.match(question) and len(answer.answers) == 1:
        return answer.answers[0]
    return None
