"""How replies name lists of films and names."""

from __future__ import annotations

from bot.answering.reply import film_list, join_names
from bot.store.catalog import FilmSummary


def _film(film_id: int, title: str, year: int | None, status: str = "released") -> FilmSummary:
    return FilmSummary(film_id, f"f{film_id}", title, year, status)


def test_a_film_list_names_each_label_once_and_counts_the_rest() -> None:
    films = [
        _film(1, "Heat", 1995),
        _film(2, "Heat", 1995),  # the same label: named once, counted once
        _film(3, "Heat", 1986),
        _film(4, "Alita: Battle Angel 2", 2025, "unconfirmed"),
        _film(5, "Thief", None),
        *(_film(10 + n, f"Film {n}", 2000 + n) for n in range(5)),
    ]

    assert film_list(films[:5]) == (
        "Heat (1995), Heat (1986), Alita: Battle Angel 2 (2025) [unconfirmed] and Thief"
    )
    assert film_list(films, 3) == (
        "Heat (1995), Heat (1986), Alita: Battle Angel 2 (2025) [unconfirmed] and 6 more"
    )
    assert (
        film_list(films, 9)
        == film_list(films, 10)
        == join_names(
            [
                "Heat (1995)",
                "Heat (1986)",
                "Alita: Battle Angel 2 (2025) [unconfirmed]",
                "Thief",
                *(f"Film {n} ({2000 + n})" for n in range(5)),
            ]
        )
    )
    assert film_list(films, 8).endswith("Film 3 (2003) and 1 more")
    assert film_list([]) == ""
