"""A sample of MetaQA dev questions, brackets removed, through the imported catalog."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from bot.answering.engine import answer
from bot.importers.metaqa import import_metaqa
from bot.store.live import Store
from bot.text import norm
from tests.conftest import METAQA

pytestmark = pytest.mark.skipif(
    not (METAQA / "kb.txt").exists(), reason="../shared/metaqa is not present"
)


def sample(name: str, count: int) -> list[tuple[str, set[str]]]:
    lines = (METAQA / f"{name}_dev.tsv").read_text(encoding="utf-8").splitlines()
    rows = []
    for line in random.Random(11).sample(lines, count):
        question, answers, _ = line.split("\t")
        rows.append(
            (question.replace("[", "").replace("]", ""), {norm(a) for a in answers.split("|")})
        )
    return rows


@pytest.fixture(scope="module")
def metaqa_facts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("metaqa")
    import_metaqa(METAQA / "kb.txt", out)
    return out


@pytest.mark.parametrize(("name", "floor"), [("1hop", 0.93), ("2hop", 0.92)])
async def test_a_sample_of_metaqa_questions_is_answered_first_time(
    metaqa_facts: Path, tmp_path: Path, name: str, floor: float
) -> None:
    store = Store(metaqa_facts, tmp_path / "metaqa.db")
    await store.open()
    try:
        rows = sample(name, 150)
        hits = 0
        for question, gold in rows:
            reply = await answer(question, store.catalog)
            hits += bool(reply.answers) and norm(reply.answers[0]) in gold
    finally:
        await store.close()
    assert hits / len(rows) >= floor
