"""Answering accuracy on the MetaQA dev questions, brackets removed, through ``answer()``.

    python -m bench.qa_accuracy [--sets 1hop,2hop] [--limit N] [--paraphrase [machine]] [--typos]
        [--misses]
    python -m bench.qa_accuracy --chat [--misses]     the chat question set (bench.chat_accuracy)

Prints hits@1 (the first answer is in the gold set) and coverage (every gold answer is among
the answers) per question type and overall, the slowest questions, and last one JSON line.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import re
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from bench import chat_accuracy
from bench.common import METAQA, add_data_options, imported_catalog, strip_brackets
from bot.answering.engine import answer
from bot.store.live import Store
from bot.text import norm


@dataclass
class Tally:
    questions: int = 0
    hits: int = 0
    covered: int = 0
    misses: list[tuple[str, list[str], list[str]]] = field(default_factory=list)

    def add(self, question: str, gold: set[str], answers: list[str]) -> None:
        self.questions += 1
        got = [norm(a) for a in answers]
        if got and got[0] in gold:
            self.hits += 1
        elif len(self.misses) < 5:
            self.misses.append((question, sorted(gold)[:5], answers[:5]))
        if gold <= set(got):
            self.covered += 1

    def rate(self, count: int) -> float:
        return 100.0 * count / self.questions if self.questions else 0.0


def misspell(question: str, rng: random.Random) -> str:
    """One slip in the topic entity (a letter dropped, doubled or two swapped), as typed.

    Only words of five letters or more are touched, and never their first letter.
    """
    match = re.search(r"\[(.*?)\]", question)
    if match is None:
        return question
    words = match.group(1).split(" ")
    long = [i for i, w in enumerate(words) if len(w) >= 5 and w.isalpha()]
    if not long:
        return question
    i = rng.choice(long)
    word, at = words[i], rng.randrange(1, len(words[i]) - 1)
    slip = rng.choice(("drop", "double", "swap"))
    if slip == "drop":
        word = word[:at] + word[at + 1 :]
    elif slip == "double":
        word = word[:at] + word[at] + word[at:]
    else:
        word = word[:at] + word[at + 1] + word[at] + word[at + 2 :]
    words[i] = word
    return question[: match.start(1)] + " ".join(words) + question[match.end(1) :]


# Other ways people ask MetaQA's questions, by question type; {} is the topic.
PARAPHRASES: dict[str, tuple[str, ...]] = {
    "movie_to_director": (
        "who made {}",
        "{} was directed by whom",
        "tell me who directed {}",
        "{} director",
        "who was behind the camera on {}",
    ),
    "movie_to_actor": ("cast of {}", "who's in {}", "which actors appear in {}", "{} cast"),
    "movie_to_year": ("when did {} come out", "{} release year", "what year is {} from"),
    "movie_to_writer": ("who penned {}", "screenwriter of {}", "{} was written by whom"),
    "movie_to_genre": ("what kind of film is {}", "{} genre", "which genre does {} belong to"),
    "movie_to_language": ("what language is {} in", "{} language"),
    "movie_to_tags": ("tags for {}", "keywords of {}", "what is {} about"),
    "actor_to_movie": ("films with {}", "what has {} been in", "{} filmography", "{} movies"),
    "director_to_movie": ("films directed by {}", "{}'s films", "what did {} direct"),
    "writer_to_movie": ("what did {} write", "films written by {}", "screenplays by {}"),
    "tag_to_movie": ("films about {}", "movies tagged {}", "recommend a movie about {}"),
    "actor_to_movie_to_actor": ("{}'s co-stars", "which actors appeared with {}"),
    "actor_to_movie_to_director": (
        "who directed movies starring {}",
        "directors of {}'s films",
        "which directors has {} worked with",
    ),
    "actor_to_movie_to_year": ("in which years did {} have films",),
    "director_to_movie_to_actor": ("actors in {}'s films", "which actors has {} directed"),
    "movie_to_director_to_movie": (
        "what else did the director of {} make",
        "other films by the director of {}",
    ),
    "movie_to_actor_to_movie": ("films sharing actors with {}",),
}


# The same questions as machine translation round trips word them: unusual relation words
# ("manager", "headed", "players"), stiff orders ("which was in the film X") and filler.
MACHINE_PARAPHRASES: dict[str, tuple[str, ...]] = {
    "movie_to_director": (
        "who is the manager of {}",
        "which person headed {}",
        "who led the movie {}",
        "who was the head of {}",
        "who helmed the film {}",
        "who was in charge of {}",
        "the film {} was led by whom",
        "who is the leader of the movie {}",
        "which person was the director of the film {}",
        "who conducted the film {}",
        "by whom was the movie {} directed",
        "who was the filmmaker of {}",
        "the movie {} was headed by which person",
        "who guided the film {}",
    ),
    "movie_to_actor": (
        "who are the players in {}",
        "who are the performers in {}",
        "which was in the film {}",
        "who was in the movie {}",
        "which person played in {}",
        "who acts in the film {}",
        "which people were in {}",
        "who are the protagonists of {}",
        "who took part in the movie {}",
        "the actors of the film {} are who",
        "who participated in {}",
        "which actors played in the movie {}",
        "who is the star of {}",
        "who appeared in the film {}",
    ),
    "movie_to_writer": (
        "who is the author of {}",
        "who was the writer of the film {}",
        "by whom was {} written",
        "who wrote the script of the movie {}",
        "which person wrote {}",
        "the screenplay of {} is by whom",
        "who is the scriptwriter of {}",
        "who penned the film {}",
        "who was the author of the movie {}",
        "the film {} was written by which person",
        "which person authored {}",
        "who made the script for {}",
    ),
    "movie_to_year": (
        "in what year was {} released",
        "when was the film {} published",
        "what year did the movie {} come out",
        "when was {} issued",
        "in which year was the movie {} out",
        "when did the film {} appear",
        "the movie {} was released when",
        "what is the release year of the film {}",
        "in what year did {} premiere",
        "when was the movie {} shown",
    ),
    "movie_to_genre": (
        "what kind of movie is {}",
        "what type of film is {}",
        "the film {} is which genre",
        "what is the genre of the movie {}",
        "which category does {} belong to",
        "what sort of movie is the film {}",
        "the movie {} belongs to what genre",
        "what kind of film is the movie {}",
        "which type of movie is {}",
    ),
    "movie_to_language": (
        "what is the language of {}",
        "in what language is the film {}",
        "what language is spoken in the movie {}",
        "the film {} is in which language",
        "which language does {} use",
        "in which language was the movie {} made",
    ),
    "movie_to_tags": (
        "what words describe the film {}",
        "describe the movie {} in a few words",
        "what are some terms describing {}",
        "what topics is the movie {} about",
        "which keywords describe the film {}",
        "what are the key words for {}",
        "what terms apply to the movie {}",
        "what tags does the film {} have",
    ),
    "movie_to_imdbrating": (
        "how would people evaluate {}",
        "how is the film {} rated",
        "what rating did the movie {} get",
        "how well was {} rated",
    ),
    "movie_to_imdbvotes": (
        "how popular is the film {}",
        "what is the popularity of {}",
        "how famous is the movie {}",
    ),
    "actor_to_movie": (
        "which movies was {} in",
        "in which films did {} appear",
        "what films did {} play in",
        "which films did {} participate in",
        "what movies does {} act in",
        "which films did {} take part in",
        "which films has {} performed in",
        "in what movies did {} play",
        "what are the films in which {} acted",
        "which films featured {}",
        "{} played in which films",
        "what films was {} a player in",
    ),
    "director_to_movie": (
        "you can name a film made by {}",
        "what is a film by {}",
        "which films did {} lead",
        "what movies were headed by {}",
        "which films were helmed by {}",
        "what films did {} manage",
        "which movies was {} the manager of",
        "what films was {} in charge of",
        "which films did {} make",
        "name a movie directed by {}",
        "what are the films of the director {}",
        "which movies were led by {}",
    ),
    "writer_to_movie": (
        "which films did {} author",
        "what movies were penned by {}",
        "which scripts did {} write",
        "what films is {} the author of",
        "which movies did {} write the screenplay for",
        "what films were written by the writer {}",
        "name a film whose script is by {}",
        "which films were authored by {}",
        "what did the author {} write",
    ),
    "tag_to_movie": (
        "which films deal with {}",
        "what movies treat {}",
        "which films are related to {}",
        "what films have {} as a theme",
        "which movies have the subject {}",
        "what films concern {}",
        "which movies are on the topic {}",
        "name films about {}",
    ),
    "actor_to_movie_to_director": (
        "who headed the films in which {} played",
        "who were the managers of the movies with {}",
        "which people directed films that {} was in",
    ),
    "actor_to_movie_to_writer": (
        "who authored the movies that {} played in",
        "which persons wrote the films with {}",
    ),
    "director_to_movie_to_actor": (
        "who were the players in the films headed by {}",
        "which performers were in the movies made by {}",
    ),
    "writer_to_movie_to_actor": (
        "who played in the films penned by {}",
        "which performers were in the movies authored by {}",
    ),
    "movie_to_director_to_movie": (
        "which other films did the manager of {} lead",
        "what else did the person who headed {} make",
    ),
    "movie_to_writer_to_movie": (
        "what other films did the author of {} write",
        "which movies were penned by the writer of {}",
    ),
    "movie_to_actor_to_movie": (
        "which films have the same players as {}",
        "what other movies were the performers of {} in",
    ),
}
PARAPHRASE_STYLES = {"people": PARAPHRASES, "machine": MACHINE_PARAPHRASES}


def paraphrase(question: str, qtype: str, rng: random.Random, style: str = "people") -> str:
    """The question asked another way, when there is one for its type."""
    match = re.search(r"\[(.*?)\]", question)
    forms = PARAPHRASE_STYLES[style].get(qtype)
    if match is None or not forms:
        return question
    return rng.choice(forms).format(f"[{match.group(1)}]")


def read_questions(
    path: Path, limit: int | None, seed: int, *, typos: bool = False, reword: str | None = None
) -> list[tuple[str, set[str], str]]:
    rows = []
    rng = random.Random(seed)
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            question, answers, qtype = line.rstrip("\n").split("\t")
            if reword:
                question = paraphrase(question, qtype, rng, reword)
            if typos:
                question = misspell(question, rng)
            rows.append((strip_brackets(question), {norm(a) for a in answers.split("|")}, qtype))
    if limit is not None and limit < len(rows):
        rows = random.Random(seed).sample(rows, limit)
    return rows


async def run(args: argparse.Namespace) -> dict[str, object]:
    facts = imported_catalog(args.kb, args.workdir)
    store = Store(facts, args.workdir / "metaqa-qa.db", display_root="metaqa")
    await store.open()
    summary: dict[str, object] = {}
    slowest: list[tuple[float, str]] = []
    try:
        for name in args.sets:
            rows = read_questions(
                METAQA / f"{name}_dev.tsv",
                args.limit,
                args.seed,
                typos=args.typos,
                reword=args.paraphrase,
            )
            by_type: dict[str, Tally] = defaultdict(Tally)
            overall = Tally()
            for question, gold, qtype in rows:
                started = time.perf_counter()
                reply = await answer(question, store.catalog)
                elapsed = time.perf_counter() - started
                slowest.append((elapsed, question))
                by_type[qtype].add(question, gold, reply.answers)
                overall.add(question, gold, reply.answers)
            print(f"\n{name} ({overall.questions} questions)")
            print(f"{'type':<32}{'n':>6}{'hits@1':>9}{'coverage':>10}")
            for qtype in sorted(by_type):
                tally = by_type[qtype]
                print(
                    f"{qtype:<32}{tally.questions:>6}{tally.rate(tally.hits):>8.1f}%"
                    f"{tally.rate(tally.covered):>9.1f}%"
                )
            print(
                f"{'overall':<32}{overall.questions:>6}{overall.rate(overall.hits):>8.1f}%"
                f"{overall.rate(overall.covered):>9.1f}%"
            )
            if args.misses:
                for qtype in sorted(by_type):
                    for question, gold, got in by_type[qtype].misses:
                        print(f"  miss [{qtype}] {question!r}: gold {gold} got {got}")
            prefix = (
                name
                + (
                    f"_paraphrased{'_machine' if args.paraphrase == 'machine' else ''}"
                    if args.paraphrase
                    else ""
                )
                + ("_typos" if args.typos else "")
            )
            summary[f"{prefix}_hits_at_1"] = round(overall.rate(overall.hits), 2)
            summary[f"{prefix}_coverage"] = round(overall.rate(overall.covered), 2)
            summary[f"{prefix}_questions"] = overall.questions
    finally:
        await store.close()
    slowest.sort(reverse=True)
    print("\nslowest questions:")
    for elapsed, question in slowest[:5]:
        print(f"  {elapsed * 1000:8.1f} ms  {question}")
    return summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.qa_accuracy", description=__doc__)
    add_data_options(parser)
    parser.add_argument(
        "--sets",
        type=lambda s: s.split(","),
        default=["1hop", "2hop"],
        help="question sets, comma-separated (default: 1hop,2hop)",
    )
    parser.add_argument("--limit", type=int, default=None, help="a random sample per set")
    parser.add_argument("--seed", type=int, default=7, help="seed for --limit's sample")
    parser.add_argument("--misses", action="store_true", help="print a few misses per type")
    parser.add_argument(
        "--paraphrase",
        nargs="?",
        const="people",
        default=None,
        choices=sorted(PARAPHRASE_STYLES),
        help="ask each question another way where its type has one (seeded by --seed): as "
        "people ask (the default) or as machine translation words it ('machine')",
    )
    parser.add_argument(
        "--typos",
        action="store_true",
        help="misspell one word of each question's topic (seeded by --seed), as people do",
    )
    parser.add_argument(
        "--chat",
        action="store_true",
        help="score the chat question set over facts/ instead (see bench.chat_accuracy)",
    )
    args = parser.parse_args(argv)
    if args.chat:
        return chat_accuracy.main(["--misses"] if args.misses else [])
    if not args.kb.exists():
        print(f"MetaQA knowledge base not found: {args.kb}", file=sys.stderr)
        return 2
    args.workdir.mkdir(parents=True, exist_ok=True)
    summary = asyncio.run(run(args))
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
