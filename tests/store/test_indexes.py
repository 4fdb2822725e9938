"""The in-memory name indexes, changed by a reload's delta, equal those built afresh."""

from __future__ import annotations

import random

from bot.store.indexes import NameChange, TitleIndex


def _rows(titles: dict[tuple[str, int], tuple[int, float, int]]) -> list[tuple]:
    return [(norm, ref, *known) for (norm, ref), known in sorted(titles.items())]


def _lists(index: TitleIndex) -> tuple:
    return (
        index.norms,
        index.refs,
        index.renown,
        index.by_length,
        index.by_length_refs,
        index.by_length_renown,
    )


def test_a_title_index_changed_by_many_names_is_the_one_built_from_the_names_left() -> None:
    rng = random.Random(3)
    words = ["heat", "alien", "ronin", "thief", "jaws", "up", "the thing", "it"]

    def known() -> tuple[int, float, int]:
        return (-rng.randrange(0, 5), -rng.choice((0.0, 7.5, 8.1)), rng.randrange(1950, 2020))

    titles = {(rng.choice(words), ref): known() for ref in range(1, 200)}
    index = TitleIndex.of(_rows(titles))
    # several reloads, changing few names or many (some more than once)
    for count in (3, 60, 1, 10, 80, 25):
        changes = []
        renown: dict[int, tuple[int, float, int]] = {}
        for _ in range(count):
            if titles and rng.random() < 0.5:
                norm, ref = rng.choice(sorted(titles))
                del titles[(norm, ref)]
                changes.append(NameChange(False, norm, "film", ref, norm))
            else:
                ref = rng.randrange(1, 400)
                norm = rng.choice(words)
                if (norm, ref) not in titles:
                    titles[(norm, ref)] = renown[ref] = renown.get(ref) or known()
                    changes.append(NameChange(True, norm, "film", ref, norm))
        changes.append(NameChange(True, "heat", "person", 1, "Heat"))  # not a film name
        index = index.changed(changes, renown)
        assert _lists(index) == _lists(TitleIndex.of(_rows(titles)))
