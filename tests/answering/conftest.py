"""Tiny catalogs the answering tests share, and one way to ask them."""

from __future__ import annotations

from itertools import count
from pathlib import Path

import pytest

from bot.answering.engine import answer
from bot.answering.reply import Answer
from bot.importers.metaqa import import_metaqa
from bot.store.catalog import Catalog
from bot.store.live import Store
from tests.conftest import ALITA, ALITA_2, HEAT

MORE = """\
films:
  - title: Sleepless in Seattle
    year: 1993
    directors: Nora Ephron
    writers: [Nora Ephron, Jeff Arch]
    cast: [{person: Tom Hanks, role: Sam Baldwin}, {person: Meg Ryan, role: Annie Reed}]
    genres: [Romantic comedy]
    languages: [English]
    sources: [https://example.org/sleepless]
  - title: You've Got Mail
    year: 1998
    directors: Nora Ephron
    cast: [{person: Tom Hanks, role: Joe Fox}, {person: Meg Ryan, role: Kathleen Kelly}]
    genres: [Romantic comedy]
    tags: [bookshop]
    sources: [https://example.org/mail]
  - title: Cast Away
    year: 2000
    directors: Robert Zemeckis
    cast: [{person: Tom Hanks, role: Chuck Noland}]
    genres: [Drama]
    sources: [https://example.org/castaway]
  - title: Up
    year: 2009
    directors: Pete Docter
    cast: [{person: Ed Asner, role: Carl Fredricksen}]
    genres: [Animation]
    sources: [https://example.org/up]
  - title: The Shining
    year: 1980
    directors: Stanley Kubrick
    cast: [Jack Nicholson]
    sources: [https://example.org/shining]
  - title: Full Metal Jacket
    year: 1987
    directors: Stanley Kubrick
    sources: [https://example.org/fmj]
"""


# A MetaQA knowledge base whose title Heat stands for two films (1972 and 1995): the
# importer gives each all of the title's facts
HEAT_KB = (
    "Heat|directed_by|Michael Mann\nHeat|release_year|1995\nHeat|release_year|1972\n"
    "Heat|has_genre|Crime\nHeat|starred_actors|Al Pacino\n"
    "Collateral|directed_by|Michael Mann\nCollateral|release_year|2004\n"
)
# What an answer showing Heat's merged facts ends with: of facts asked ("these facts"), or,
# with ``MERGED_HEAT_MANNS``, of films listed as someone's
MERGED_HEAT = (
    " Note: the source lists {} facts once for every film titled “Heat”, without saying "
    "which belongs to which film"
)
MERGED_HEAT_MANNS = (
    MERGED_HEAT.format("the") + ", so some of those films may not be Michael Mann's."
)


async def assert_noted(catalog: Catalog, asked: list[tuple[str, str]], note: str) -> None:
    """Each question's reply begins as said, and ends with ``note``, the only note in it."""
    for question, said in asked:
        reply = await ask(catalog, question)
        assert reply.text.startswith(said), reply.text
        assert reply.text.count("Note:") == 1 and reply.text.endswith(note), reply.text


async def assert_no_note(catalog: Catalog, questions: list[str]) -> None:
    """Each question is answered, with no note in the reply."""
    for question in questions:
        reply = await ask(catalog, question)
        assert reply.found and "Note:" not in reply.text, reply.text


BRAZIL = """\
title: Brazil
year: 1985
directors: Terry Gilliam
writers: [Terry Gilliam, Tom Stoppard, Charles McKeown]
tags: [script, dystopia]
imdb_rating: good
imdb_votes: famous
sources: [https://example.org/brazil]
"""


LOOKALIKES = """\
films:
  - {title: In Time, year: 2011, cast: [Justin Timberlake]}
  - {title: Time Changer, year: 2002, cast: [Gavin MacLeod]}
  - {title: Tarzan the Ape Man, year: 1932, cast: [Johnny Weissmuller]}
  - {title: "Tarzan, the Ape Man", year: 1981, cast: [Bo Derek]}
  - {title: Jesse James, year: 1939, writers: [Nunnally Johnson], cast: [Tyrone Power]}
  - {title: The Last Ride, year: 2004, cast: [Jesse James]}
  - {title: Dystopia, year: 2010, directors: [Jane Roe]}
  - {title: The Family, year: 2013, directors: [Luc Besson]}
  - {title: The Family Stone, year: 2005, directors: [Thomas Bezucha]}
"""


@pytest.fixture
async def catalog(write_facts, tmp_path: Path):
    """Alita and its unconfirmed sequel, two films called Heat, and a few well-known films."""
    store = Store(write_facts(alita=ALITA, alita2=ALITA_2, heat=HEAT, more=MORE), tmp_path / "c.db")
    await store.open()
    yield store.catalog
    await store.close()


@pytest.fixture
async def brazil(write_facts, tmp_path: Path):
    """Brazil (tagged "script"), and films whose titles look like other names."""
    store = Store(write_facts("brazil", brazil=BRAZIL, more=LOOKALIKES), tmp_path / "b.db")
    await store.open()
    yield store.catalog
    await store.close()


@pytest.fixture
async def open_store():
    """Open a catalog from a facts folder and a store path; every one is closed after."""
    stores: list[Store] = []

    async def open_catalog(facts: Path, db: Path) -> Catalog:
        store = Store(facts, db)
        await store.open()
        stores.append(store)
        return store.catalog

    yield open_catalog
    for store in stores:
        await store.close()


@pytest.fixture
async def catalog_of(write_facts, open_store, tmp_path: Path):
    """Open a catalog made of one facts file given as YAML text."""
    made = count()

    async def open_catalog(facts: str) -> Catalog:
        name = f"facts{next(made)}"
        return await open_store(write_facts(name, **{name: facts}), tmp_path / f"{name}.db")

    return open_catalog


@pytest.fixture
async def metaqa_catalog(open_store, tmp_path: Path):
    """Open a catalog imported from a MetaQA knowledge base given as its text
    (``subject|relation|object`` lines)."""
    made = count()

    async def open_catalog(kb_text: str) -> Catalog:
        kb = tmp_path / f"kb{next(made)}.txt"
        kb.write_text(kb_text, encoding="utf-8")
        facts = tmp_path / f"{kb.stem}-facts"
        import_metaqa(kb, facts)
        return await open_store(facts, tmp_path / f"{kb.stem}.db")

    return open_catalog


async def ask(catalog: Catalog, question: str) -> Answer:
    """Ask as a person would, through the one ``answer()`` every front end uses."""
    return await answer(question, catalog)
