"""Shared fixtures: tiny catalogs written into ``tmp_path``, and the shared MetaQA data."""

from __future__ import annotations

import textwrap
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest

from bot.store import Store

ROOT = Path(__file__).resolve().parent.parent
FACTS = ROOT / "facts"
SHARED = ROOT.parent / "shared"
METAQA = SHARED / "metaqa"

ALITA = """\
title: "Alita: Battle Angel"
year: 2019
id: alita-battle-angel-2019
aliases: [Alita]
directors: Robert Rodriguez
writers: [James Cameron, Laeta Kalogridis, Robert Rodriguez]
producers: [James Cameron, Jon Landau]
cast:
  - person: Rosa Salazar
    role: Alita
  - {person: Christoph Waltz, role: Dr. Dyson Ido}
  - {person: Keean Johnson, role: Hugo}
composer: Tom Holkenborg
genres: [Science fiction, Action]
runtime_minutes: 122
sources: [https://en.wikipedia.org/wiki/Alita:_Battle_Angel]
"""

ALITA_2 = """\
title: "Alita: Battle Angel 2"
year: 2025
status: unconfirmed
follows: alita-battle-angel-2019
directors: Robert Rodriguez
producers: James Cameron
cast:
  - {person: Rosa Salazar, role: Alita}
  - {person: Edward Norton, role: Nova}
  - {person: Benedict Cumberbatch, role: Commander Atheon, note: new character}
sources:
  - text: Promotional text of a fan-made concept trailer
    note: no official announcement is known
"""

HEAT = """\
films:
  - title: Heat
    year: 1995
    directors: Michael Mann
    cast:
      - {person: Al Pacino, role: Vincent Hanna}
      - {person: Robert De Niro, role: Neil McCauley}
  - title: Heat
    year: 1986
    directors: Dick Richards
    cast: [Burt Reynolds]
"""
# Two films a source gave merged facts, under their one title, as the MetaQA import does
MERGED_HEATS = """\
films:
  - {id: heat-1972, title: Heat, year: 1972, directors: Michael Mann, tags: [shared title]}
  - {id: heat-1995, title: Heat, year: 1995, directors: Michael Mann, tags: [shared title]}
  - {id: collateral, title: Collateral, year: 2004, directors: Michael Mann}
"""
MERGED_HEATS_NOTE = (
    "Note: the source lists the facts once for every film titled “Heat”, without saying "
    "which belongs to which film."
)


WriteFacts = Callable[..., Path]


@pytest.fixture
def write_facts(tmp_path: Path) -> WriteFacts:
    """Write ``name=yaml`` files into a fresh facts directory and return it."""

    def write(directory: str = "facts", **files: str) -> Path:
        root = tmp_path / directory
        root.mkdir(exist_ok=True)
        for name, content in files.items():
            (root / f"{name}.yaml").write_text(textwrap.dedent(content), encoding="utf-8")
        return root

    return write


@pytest.fixture
def small_facts(write_facts: WriteFacts) -> Path:
    return write_facts(alita=ALITA, alita2=ALITA_2, heat=HEAT)


@pytest.fixture
async def store(small_facts: Path, tmp_path: Path) -> AsyncIterator[Store]:
    live = Store(small_facts, tmp_path / "catalog.db")
    await live.open()
    try:
        yield live
    finally:
        await live.close()
