"""``/browse``, ``/random`` and ``/similar`` timed through the functions their cogs call,
over a mix of the filters members give (``python -m bench`` reports the p99s)."""

from __future__ import annotations

import random
import time
from types import SimpleNamespace

from bench.common import p
from bot.discord.choices import find_film
from bot.discord.cogs.pick import RandomPicks
from bot.discord.cogs.similar import similar_card
from bot.discord.embeds import browse_embed
from bot.store import discovery
from bot.store.catalog import Catalog
from bot.store.discovery import FilmQuery, Years, browse
from bot.store.rows import ROLE_FIELDS

# The roles in the order a build writes a film's credits: those of ROLE_FIELDS, then the cast
_WRITTEN_ROLES = " ".join([*ROLE_FIELDS, "cast"])

SAMPLES = 300
SORTS = ("newest", "oldest", "title", "rating")


async def _queries(catalog: Catalog, rng: random.Random, count: int) -> list[FilmQuery]:
    """Filters as members combine them: none, a genre, a decade, both, a person, a status."""
    genres = await discovery.genre_names(catalog)
    # the same people every run on the same catalog: credits drawn by the seeded ``rng``
    # (the n-th credit in the order a build writes them: by film, then as a file lists them)
    last = (await catalog.select("SELECT count(*) FROM credits"))[0][0]
    drawn = sorted({rng.randint(1, last) for _ in range(200)}) if last else []
    rows = await catalog.select(
        "SELECT name FROM people WHERE id IN (SELECT person_id FROM (SELECT person_id, "
        "row_number() OVER (ORDER BY film_id, "
        f"instr('{_WRITTEN_ROLES}', role), position) AS n FROM credits) "
        f"WHERE n IN ({','.join('?' * len(drawn))})) ORDER BY id",
        drawn,
    )
    people = [r[0] for r in rows] or ["nobody"]
    queries = []
    for _ in range(count):
        decade = rng.randrange(1920, 2020, 10)
        years = Years(decade, decade + 9)
        genre = rng.choice(genres) if genres else None
        queries.append(
            rng.choice(
                [
                    FilmQuery(),
                    FilmQuery(genre=genre),
                    FilmQuery(years=years),
                    FilmQuery(genre=genre, years=years),
                    FilmQuery(person=rng.choice(people)),
                    FilmQuery(statuses=("released",), genre=genre),
                ]
            )
        )
    return queries


async def discovery_lookups(catalog: Catalog, titles: list[str]) -> dict[str, float]:
    """p99 of a /browse page, a /random pick (first or re-roll) and a /similar reply."""
    await discovery.warm(catalog)  # the bot prepares its counts in the background after a swap
    rng = random.Random(15)
    queries = await _queries(catalog, rng, SAMPLES)

    browse_times = []
    for query in queries:
        sort, offset = rng.choice(SORTS), rng.choice((0, 0, 10, 20))
        started = time.perf_counter()
        browse_embed(await browse(catalog, query, sort, offset=offset), query, sort)
        browse_times.append(_ms(started))

    random_times = []
    served = SimpleNamespace(catalog=catalog)  # what RandomPicks reads: the served catalog
    for query in queries:
        picks = RandomPicks(served, FilmQuery(**{**_fields(query), "statuses": ("released",)}))
        for _ in range(2):  # the first pick and one "🎲 Another"
            started = time.perf_counter()
            await picks.next()
            random_times.append(_ms(started))

    similar_times = []
    for title in titles[:SAMPLES]:
        started = time.perf_counter()
        match = await find_film(catalog, title)
        if match.film is not None:
            await similar_card(catalog, match.film)
        similar_times.append(_ms(started))
    return {
        "browse_p99_ms": _p99(browse_times),
        "random_p99_ms": _p99(random_times),
        "similar_p99_ms": _p99(similar_times),
    }


def _fields(query: FilmQuery) -> dict[str, object]:
    return {name: getattr(query, name) for name in FilmQuery.__dataclass_fields__}


def _ms(started: float) -> float:
    return (time.perf_counter() - started) * 1000


def _p99(values: list[float]) -> float:
    return round(p(values, 0.99), 3)
