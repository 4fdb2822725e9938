"""The chat question set: questions typed as people type them in Discord, over ``facts/``.

    python -m bench.qa_accuracy --chat [--misses]      (or python -m bench.chat_accuracy)

Each question in ``tests/answering/chat_questions.yaml`` says what a right reply must show
(see the file's header). Every question goes through the real ``answer()`` with the set's
fixed ``today`` and a ``random.Random`` seeded from the set, and the share of right replies is
printed overall and per kind; ``--misses`` prints each miss with its reply.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import inspect
import json
import random
import re
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bot.answering.engine import answer
from bot.answering.reply import Answer
from bot.catalog.loader import discover, parse_files
from bot.catalog.schema import Film
from bot.store.catalog import Catalog
from bot.store.live import Store
from bot.text import norm

ROOT = Path(__file__).resolve().parent.parent
CHAT_QUESTIONS = ROOT / "tests" / "answering" / "chat_questions.yaml"
FACTS = ROOT / "facts"

# How a reply says the catalog lacks a fact (matched on the normalised reply).
UNKNOWN = re.compile(
    r"\b(?:has no|have no|no \w+ (?:is )?(?:known|given|listed)|dont know|do not know|"
    r"doesnt know|does not know|couldnt find|not in the catalog|dont have|do not have|"
    r"doesnt have|does not have|isnt known|not known|no record)\b"
)
MAX_PICKS = 5  # a pick is one or a few films, not a whole list
_LABEL = re.compile(r"^(?P<title>.+) \((?P<year>\d{4})\)$")


@dataclass(frozen=True)
class ChatQuestion:
    """One question of the set and what a right reply must show."""

    q: str
    kind: str
    must: tuple[str | tuple[str, ...], ...] = ()
    say: tuple[str, ...] = ()
    must_not: tuple[str, ...] = ()
    unknown: bool = False
    pick: dict[str, Any] | None = None


@dataclass(frozen=True)
class ChatSet:
    today: dt.date
    seed: int
    questions: tuple[ChatQuestion, ...]


@dataclass
class Verdict:
    question: ChatQuestion
    reply: Answer
    failed: list[str] = field(default_factory=list)

    @property
    def right(self) -> bool:
        return not self.failed


def load_chat_set(path: Path = CHAT_QUESTIONS) -> ChatSet:
    """The question set from its YAML file."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    questions = []
    for item in data["questions"]:
        must = tuple(tuple(m) if isinstance(m, list) else m for m in item.get("must", ()))
        questions.append(
            ChatQuestion(
                q=item["q"],
                kind=item["kind"],
                must=must,
                say=tuple(item.get("say", ())),
                must_not=tuple(item.get("must_not", ())),
                unknown=bool(item.get("unknown", False)),
                pick=item.get("pick"),
            )
        )
    return ChatSet(today=data["today"], seed=int(data["seed"]), questions=tuple(questions))


def catalog_films(facts: Path = FACTS) -> dict[str, Film]:
    """The films of a facts directory by id, as the loader reads them."""
    parsed = parse_files(discover(facts, facts.name), workers=1)
    return {film.slug: film for outcome in parsed for film in outcome.films}


def contains(text: str, needle: str) -> bool:
    """Whether ``needle`` is in ``text`` as whole words, ignoring case, accents, punctuation."""
    return f" {norm(needle)} " in f" {norm(text)} "


def fact_in_catalog(fact: str, corpus: str, films: dict[str, Film]) -> bool:
    """Whether an expected fact is written in the catalog (a ``Title (year)`` label counts)."""
    if contains(corpus, fact):
        return True
    label = _LABEL.match(fact)
    return label is not None and any(
        norm(f.title) == norm(label["title"]) and f.year == int(label["year"])
        for f in films.values()
    )


def grade(question: ChatQuestion, reply: Answer, films: dict[str, Film]) -> list[str]:
    """What is wrong with a reply to one question; empty when it is right."""
    text = " ".join([reply.text, *reply.answers])
    said = norm(text)
    failed = []
    for item in question.must:
        options = (item,) if isinstance(item, str) else item
        if not any(contains(text, option) for option in options):
            failed.append(f"lacks {' or '.join(options)!r}")
    failed += [f"does not say /{rx}/" for rx in question.say if not re.search(rx, said)]
    failed += [f"says {bad!r}" for bad in question.must_not if contains(text, bad)]
    if question.unknown and not UNKNOWN.search(said):
        failed.append("does not say the catalog lacks it")
    if question.pick is not None:
        failed += _pick_problems(question.pick, reply, films)
    return failed


def _pick_problems(pick: dict[str, Any], reply: Answer, films: dict[str, Film]) -> list[str]:
    picked = [films[f.slug] for f in reply.films if f.slug in films]
    if not picked:
        return ["offers no film"]
    problems = [f"offers {f.title} ({f.status})" for f in picked if f.status != "released"]
    if len(picked) > MAX_PICKS:
        problems.append(f"offers {len(picked)} films, not a few")
    problems += [
        f"offers {f.title}, which does not fit" for f in picked if not _fits(f, pick, films)
    ]
    first = picked[0]
    if not contains(reply.text, first.title):
        problems.append(f"does not name {first.title}")
    if not any(contains(reply.text, reason) for reason in _traits(first)):
        problems.append(f"gives no reason for {first.title}")
    return problems


def _traits(film: Film) -> set[str]:
    people = [*film.directors, *film.writers, *film.producers, *film.composer]
    people += [member.person for member in film.cast]
    return {*film.genres, *film.tags, *film.setting, *people}


def _fits(film: Film, pick: dict[str, Any], films: dict[str, Film]) -> bool:
    genres = {norm(g) for g in film.genres}
    if "genre" in pick and not genres & {norm(g) for g in pick["genre"]}:
        return False
    if "person" in pick and norm(pick["person"]) not in {norm(t) for t in _traits(film)}:
        return False
    if "years" in pick:
        first, last = pick["years"]
        if film.year is None or not first <= film.year <= last:
            return False
    if "like" in pick:
        like = films[pick["like"]]
        shared = {norm(t) for t in _traits(like)} & {norm(t) for t in _traits(film)}
        if film.slug == like.slug or not shared:
            return False
    return True


def _answer_options(today: dt.date, seed: int) -> dict[str, object]:
    """``today`` and ``rng`` for ``answer()``, as far as its signature takes them."""
    accepted = inspect.signature(answer).parameters
    options: dict[str, object] = {"today": today, "rng": random.Random(seed)}
    return {name: value for name, value in options.items() if name in accepted}


async def score_chat(catalog: Catalog, chat: ChatSet, films: dict[str, Film]) -> list[Verdict]:
    """Every question of the set through ``answer()``, graded."""
    verdicts = []
    for question in chat.questions:
        reply = await answer(question.q, catalog, **_answer_options(chat.today, chat.seed))
        verdicts.append(Verdict(question, reply, grade(question, reply, films)))
    return verdicts


def rates(verdicts: list[Verdict]) -> dict[str, float]:
    """Percent right, overall and per kind."""
    by_kind: dict[str, list[bool]] = defaultdict(list)
    for verdict in verdicts:
        by_kind[verdict.question.kind].append(verdict.right)
        by_kind["overall"].append(verdict.right)
    return {kind: 100.0 * sum(marks) / len(marks) for kind, marks in by_kind.items()}


async def run(facts: Path, misses: bool) -> dict[str, float]:
    chat = load_chat_set()
    films = catalog_films(facts)
    with tempfile.TemporaryDirectory() as workdir:
        store = Store(facts, Path(workdir) / "chat.db")
        await store.open()
        try:
            verdicts = await score_chat(store.catalog, chat, films)
        finally:
            await store.close()
    counts: dict[str, int] = defaultdict(int)
    for verdict in verdicts:
        counts[verdict.question.kind] += 1
    percent = rates(verdicts)
    print(f"chat questions ({len(verdicts)})")
    print(f"{'kind':<16}{'n':>6}{'right':>9}")
    for kind in sorted(counts):
        print(f"{kind:<16}{counts[kind]:>6}{percent[kind]:>8.1f}%")
    print(f"{'overall':<16}{len(verdicts):>6}{percent['overall']:>8.1f}%")
    if misses:
        for verdict in verdicts:
            if not verdict.right:
                print(f"\n  miss [{verdict.question.kind}] {verdict.question.q!r}")
                print(f"    {'; '.join(verdict.failed)}")
                print(f"    reply: {verdict.reply.text[:400]}")
    return {f"chat_{kind}": round(value, 2) for kind, value in sorted(percent.items())}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.chat_accuracy", description=__doc__)
    parser.add_argument("--facts", type=Path, default=FACTS, help="the catalog (default: facts/)")
    parser.add_argument("--misses", action="store_true", help="print every miss and its reply")
    args = parser.parse_args(argv)
    summary = asyncio.run(run(args.facts, args.misses))
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
