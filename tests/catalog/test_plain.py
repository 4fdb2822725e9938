"""The quick path through validation reads a file exactly as the schema's models do, and
leaves to them every file it is not sure about."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from bot.catalog.document import read_document
from bot.catalog.loader import FileOutcome
from bot.catalog.plain import plain_facts
from bot.catalog.schema import FILM_KEYS, PERSON_KEYS, FactsFile
from bot.store.rows import FileRows, plain_rows

FACTS = Path(__file__).resolve().parents[2] / "facts"

# Values as YAML gives them: plain ones, and the slips and odd forms the schema handles.
texts = st.sampled_from(
    ["Heat", "Al Pacino", " padded ", "", "x" * 301, "y" * 4001, "Amélie", "1917", "a\u00a0"]
)
scalars = st.one_of(
    texts,
    st.none(),
    st.booleans(),
    st.integers(min_value=-5, max_value=3000),
    st.sampled_from([0.0, 7.5, 10.0, 10.5, float("nan"), 42]),
    st.sampled_from([dt.date(1999, 3, 31), dt.datetime(1999, 3, 31, 12, 0)]),
    st.sampled_from(
        [
            "released",
            "rumored",
            "Released",
            "heat-1995",
            "Heat-1995",
            "tt0113277",
            "tt12",
            "https://example.org/heat",
            "https://example.org/a b",
            "http://",
            "nm0000199",
            "1995",
        ]
    ),
)
members = st.one_of(
    scalars,
    st.dictionaries(
        st.sampled_from(["person", "role", "note", "url", "text", "character"]), scalars, max_size=3
    ),
)
odd = st.one_of(scalars, st.lists(members, max_size=3), members)
names = st.sampled_from(["Heat", "Al Pacino", "Amélie", "Ōshima Nagisa", "Vincent Hanna"])
slugs = st.sampled_from(["heat-1995", "heat", "a-1", "-heat", "heat--1995"])
urls = st.sampled_from(["https://example.org/heat", "http://a.b/c?d=e"])
cast = st.one_of(
    names,
    st.fixed_dictionaries(
        {"person": names}, optional={"role": names, "note": st.sampled_from(["voice", " x"])}
    ),
)
sources = st.one_of(
    urls,
    st.sampled_from(["promotional text", "MetaQA knowledge base"]),
    st.fixed_dictionaries({}, optional={"url": urls, "text": names, "note": names}),
)
usual = {
    "id": slugs,
    "follows": slugs,
    "title": names,
    "year": st.integers(min_value=1860, max_value=2110),
    "status": st.sampled_from(["released", "announced", "in-production", "Released"]),
    "runtime_minutes": st.integers(min_value=-1, max_value=10001),
    "release_date": st.dates(min_value=dt.date(1860, 1, 1), max_value=dt.date(2110, 1, 1)),
    "imdb_rating": st.one_of(st.floats(min_value=-1, max_value=11), names),
    "imdb_votes": st.one_of(st.integers(min_value=-1, max_value=10**7), names),
    "imdb_id": st.sampled_from(["tt0113277", "tt123456789012", "tt1234567890123"]),
    "synopsis": names,
    "tagline": names,
    "trailer": urls,
    "poster": urls,
    "cast": st.one_of(cast, st.lists(cast, max_size=4)),
    "sources": st.one_of(sources, st.lists(sources, max_size=3)),
    "born": st.one_of(st.integers(min_value=1790, max_value=2110), st.dates()),
    "died": st.one_of(st.integers(min_value=1790, max_value=2110), st.dates()),
    "name": names,
}


def _value(key: str) -> st.SearchStrategy[Any]:
    plain = usual.get(key, st.one_of(names, st.lists(names, max_size=4)))
    return st.integers(0, 7).flatmap(lambda n: odd if n == 0 else plain)


def _mappings(keys: tuple[str, ...], first: str) -> st.SearchStrategy[dict[str, Any]]:
    """Mappings of a few of the keys (or a misspelt one), the first one mostly there."""
    chosen = st.sets(st.sampled_from([*keys, "titel"]), max_size=6)
    return st.tuples(st.integers(0, 5), chosen).flatmap(
        lambda pick: st.fixed_dictionaries(
            {key: _value(key) for key in pick[1] | ({first} if pick[0] else set())}
        )
    )


films = _mappings(FILM_KEYS, "title")
people = _mappings(PERSON_KEYS, "name")
files = st.one_of(
    films,
    st.fixed_dictionaries(
        {"films": st.lists(films, max_size=3)},
        optional={"people": st.lists(people, max_size=2), "imported": scalars},
    ),
)


def _facts(value: Any) -> Any:
    if isinstance(value, list):
        return [_facts(item) for item in value]
    if hasattr(value, "__dict__"):
        return {key: _facts(item) for key, item in vars(value).items()}
    return (type(value).__name__, repr(value))


def _as_models_read_it(value: dict[str, Any]) -> Any:
    single = not value.keys() & {"films", "people", "imported"}
    facts = FactsFile.model_validate({"films": [value]} if single else value)
    return _facts(list(facts.films)), _facts(list(facts.people)), facts.imported


@settings(max_examples=500, deadline=None)
@given(files)
def test_what_the_quick_path_accepts_the_models_accept_and_read_alike(value: Any) -> None:
    quick = plain_facts(value)
    if quick is None:
        return
    try:
        expected = _as_models_read_it(value)
    except ValidationError as exc:
        raise AssertionError(f"the quick path accepted what the schema refuses: {exc}") from None
    films, people, imported = quick
    fields = [*FILM_KEYS, "slug", "confirmed"]
    read = [{key: _facts(getattr(film, key)) for key in fields} for film in films]
    models = FactsFile.model_validate(value if "films" in value else {"films": [value]})
    assert read == [{key: _facts(getattr(film, key)) for key in fields} for film in models.films]
    assert (_facts(films), _facts(people), imported) == expected


@settings(max_examples=500, deadline=None)
@given(files)
def test_the_rows_made_straight_from_a_files_values_are_those_of_the_models(value: Any) -> None:
    made = plain_rows(FileOutcome("f.yaml", "f.yaml", "", 0), value)
    assert (made is None) == (plain_facts(value) is None)  # what the quick path takes
    if made is None:
        return
    models = FactsFile.model_validate(
        value if value.keys() & {"films", "people"} else {"films": [value]}
    )
    expected = FileRows("f.yaml", "f.yaml", "", 0)
    expected.imported = models.imported
    for film in models.films:
        expected.add_film(film)
    for person in models.people:
        expected.add_person(person)
    assert made == expected


def test_the_starter_catalog_takes_the_quick_path() -> None:
    for path in sorted(FACTS.glob("*.yaml")):
        value = read_document(path.read_bytes()).value
        assert plain_facts(value) is not None, path.name
        assert plain_rows(FileOutcome(path.name, path.name, "", 0), value) is not None


def test_an_unusual_value_is_left_to_the_models() -> None:
    assert plain_facts({"title": "Heat", "year": "1995"}) is None  # the models read 1995
    assert plain_facts({"title": 1917}) is None  # the models read '1917'
    assert plain_facts({"title": "Heat", "yeer": 1995}) is None  # the models name the key
    assert plain_facts({"films": None}) is None  # the models say it must be a list
    outcome = FileOutcome("f.yaml", "f.yaml", "", 0)
    for odd_value in (
        {"title": "Heat", "year": "1995"},
        {"title": "Heat", "directors": [["Michael Mann"]]},  # a list where a name belongs
        {"title": "Heat", "cast": [{"person": ["Al Pacino"]}]},
        {"title": "Heat", "cast": [{"role": "Vincent Hanna"}]},
        {"title": "Heat", "genres": [{"name": "Crime"}]},
        {"title": "Heat", "status": None},
    ):
        assert plain_rows(outcome, odd_value) is None, odd_value


@pytest.mark.parametrize("aliases", [[None], ["Heat", None], [""], [["Heat"]]])
def test_an_alias_that_is_no_name_leaves_the_file_to_the_full_validation(aliases) -> None:
    value = {"title": "Heat", "aliases": aliases}
    assert plain_rows(FileOutcome("f.yaml", "f.yaml", "", 0), value) is None
    assert plain_facts(value) is None
