"""The quick YAML reader gives the value PyYAML's reader gives, or gives up."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.catalog import plain_yaml
from bot.catalog.document import MAX_DEPTH, DocumentError, read_document
from bot.catalog.loader import FileRef
from bot.catalog.plain_yaml import read_plain
from bot.store.rows import prepare_file

pytestmark = pytest.mark.skipif(plain_yaml.ryml is None, reason="rapidyaml is not installed")


def same(a: Any, b: Any) -> bool:
    """Equal values of the same types all the way down (``1 == 1.0 == True`` in Python)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    return a == b


def quick(text: str | bytes) -> Any:
    data = text.encode() if isinstance(text, str) else text
    doc = read_plain(data)
    assert doc is not None, "the quick reader gave up"
    assert same(doc.value, read_document(data).value)
    return doc.value


def gives_up(text: str | bytes) -> bool:
    return read_plain(text.encode() if isinstance(text, str) else text) is None


# --- the property ------------------------------------------------------------------------

texts = st.sampled_from(
    ["Heat", "yes", "No", "1984", "007", "+1", "1.5", "-.5", ".5", "1.", "1e3", "0x1f",
     "2001-01-01", "12:30", "~", "null", "", " x", "x ", "a: b", "a #b", "'q'", '"d"', "*x",
     "&y", "!t", "é", "日本", "\u2028", "\x85", "\ufeff", "\t", "x\ny", "x\n\ny\n", "x\\y",
     "-", "?", ":", "[a]", "{b}", "%", "@", "True", "NaN", ".inf", "<<", "=", "9e-91",
     "Rock & Roll", "M*A*S*H", "a, b", "0", "-0", "00", "1_000", "\r", "\x7f", "x" * 90]
)  # fmt: skip
scalars = texts | st.integers(-5, 3000) | st.sampled_from([1.5, -2.25, 1e20, True, None])


def values(shared: list[Any]) -> st.SearchStrategy[Any]:
    def kept(value: Any) -> Any:
        shared.append(value)
        return value

    def reused(_: Any) -> Any:
        return shared[-1] if shared else None

    return st.recursive(
        scalars,
        lambda inner: (
            st.lists(inner, max_size=4).map(kept)
            | st.dictionaries(texts | st.integers(0, 3), inner, max_size=4).map(kept)
            | st.just(0).map(reused)
        ),
        max_leaves=12,
    )


@st.composite
def dumped(draw: st.DrawFn) -> bytes:
    """A document as PyYAML writes it (with anchors for shared values), maybe edited."""
    films = draw(st.lists(values([]), min_size=1, max_size=4))
    flow = draw(st.sampled_from([None, False, True]))
    width = draw(st.sampled_from([20, 80, 1000]))
    data = yaml.safe_dump(
        {"films": films}, default_flow_style=flow, allow_unicode=True, sort_keys=False,
        width=width,
    ).encode()  # fmt: skip
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(data)))
        edit = draw(st.sampled_from(EDITS))
        cut = draw(st.integers(0, 3))
        data = data[:at] + edit + data[at + cut :]
    return data


EDITS = [b" ", b"  ", b"\n", b"- ", b": ", b":", b"'", b'"', b"#", b" #", b"\\", b"\\x41",
         b"\\ud800", b"\\\n", b"&a ", b"*a", b": &id001\n", b"- *id001\n", b"!!str ", b"|",
         b">-\n", b"[", b"]", b"{", b"}", b",", b"? ", b"---", b"...", b"%", b"yes", b"~",
         b"012", b"1e3", b"\t", b"\r\n", b"\xc2\x85", b"\xef\xbb\xbf", b"\n  ",
         b"\n- ", b""]  # fmt: skip


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dumped() | st.lists(st.sampled_from(EDITS) | texts.map(str.encode)).map(b"".join))
def test_what_the_quick_reader_reads_pyyaml_reads_alike_without_a_problem(data: bytes) -> None:
    try:
        data.decode("utf-8")  # read_bytes reports any other file before reading its YAML
    except UnicodeDecodeError:
        return
    doc = read_plain(data)
    if doc is None:
        return
    full = read_document(data)
    assert not full.duplicates
    assert same(doc.value, full.value)


def test_a_file_as_the_importer_writes_it_takes_the_quick_way() -> None:
    shared = ["Richard Brooks"]
    data = {"imported": "metaqa", "films": [
        {"id": "film-1971", "title": "$", "year": 1971, "directors": shared, "writers": shared},
        {"title": "1984", "year": 1984, "cast": [{"person": "John Hurt"}], "directors": shared},
        {"title": "No", "imdb_rating": 7.5, "tags": ["yes", "007", "+1", "Rock & Roll"]},
    ]}  # fmt: skip
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    assert "&id001" in text and "*id001" in text
    assert quick(text) == data


def test_a_file_read_quickly_gives_the_same_rows(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "films.yaml"
    shared = ["Michael Mann"]
    cast = [{"person": "Al Pacino", "role": "Vincent Hanna"}]
    films = [{"title": "Heat", "year": 1995, "directors": shared, "writers": shared, "cast": cast}]
    path.write_text(yaml.safe_dump({"films": films}, sort_keys=False))
    ref = FileRef(path=path, rel="films.yaml", display="films.yaml")
    assert read_plain(path.read_bytes()) is not None
    monkeypatch.setattr(plain_yaml, "_quick_here", True)  # as in a parsing worker
    rows = prepare_file(ref)
    monkeypatch.setattr("bot.catalog.loader.read_plain", lambda data: None)
    assert prepare_file(ref) == rows and rows.films and rows.credits


def test_rapidyaml_prints_nothing_of_a_file_it_rejects(capfd) -> None:
    assert gives_up("films:\n- title: a: b: c\n")  # its C++ core prints parse errors
    assert capfd.readouterr().err == ""


def test_files_are_read_quickly_only_where_a_process_reads_them_alone(
    tmp_path: Path, monkeypatch
) -> None:
    path = tmp_path / "films.yaml"
    path.write_text("films:\n- title: Heat\n  year: 1995\n")
    ref = FileRef(path=path, rel="films.yaml", display="films.yaml")
    read: list[bytes] = []
    monkeypatch.setattr("bot.catalog.loader.read_plain", lambda data: read.append(data))
    assert prepare_file(ref).films and read == []  # a thread of a process doing more
    monkeypatch.setattr(plain_yaml, "_quick_here", True)
    assert plain_yaml.quick_here() and prepare_file(ref).films and read == [path.read_bytes()]


# --- each case the quick reader leaves to PyYAML ------------------------------------------


@pytest.mark.parametrize(
    "text", ["a: yes", "a: No", "a: ~", "a: 012", "a: 007", "a: 0x1f", "a: 1_000", "a: 12:30",
             "a: 2001-01-01", "a: .inf", "a: True", "a: <<", "a: ''", "a: \"\"", "a: inf",
             "a: -infinity", "a: nan", "a: 2001-12-14\n  21:59:43.10 -5"],
)  # fmt: skip
def test_a_value_pyyaml_may_type_gives_up(text: str) -> None:
    assert gives_up(text)


@pytest.mark.parametrize("text", ["a: '1984'", "a: 'yes'", "a: '007'", "a: '+1'", 'a: "12:30"'])
def test_a_quoted_value_that_would_be_typed_plain_is_read_as_text(text: str) -> None:
    assert type(quick(text)["a"]) is str


@pytest.mark.parametrize("text", ["1999: x", "yes: x", "'1999': x", "null: x"])
def test_a_key_pyyaml_may_type_gives_up(text: str) -> None:
    assert gives_up(text)


@pytest.mark.parametrize("text", ["a: 1e3", "a: 1.5e3", "a: -.5", "a: +4", "a: 1e+3"])
def test_a_number_pyyaml_may_read_otherwise_gives_up(text: str) -> None:
    assert gives_up(text)


TYPED = {
    tag: regexp
    for resolvers in yaml.resolver.Resolver.yaml_implicit_resolvers.values()
    for tag, regexp in resolvers
}


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(sorted(TYPED)).flatmap(lambda tag: st.from_regex(TYPED[tag], fullmatch=True))
)
def test_every_text_pyyaml_types_when_plain_is_looked_at(text: str) -> None:
    if "\t" in text or "\n" in text:
        return  # a tab or a line break in a plain scalar is left to PyYAML before
    assert plain_yaml._MAY_BE_TYPED.fullmatch(f'"{text}"')
    assert plain_yaml._typed_string(f'{{"{text}": 1}}', b"")


def test_plain_numbers_are_read_as_pyyaml_reads_them() -> None:
    assert quick("a: 1995\nb: 7.5\nc: -3\nd: 1.\ne: .5\nf: true\ng: null\nh:\n") == {
        "a": 1995, "b": 7.5, "c": -3, "d": 1.0, "e": 0.5, "f": True, "g": None, "h": None,
    }  # fmt: skip


def test_an_alias_stands_for_its_anchors_value() -> None:
    assert quick("a: &x\n- b\n- c\nd:\n  e: *x\nf:\n- *x\n") == {
        "a": ["b", "c"], "d": {"e": ["b", "c"]}, "f": [["b", "c"]],
    }  # fmt: skip


@pytest.mark.parametrize(
    "text",
    ["c: *x\na: &x\n- b\n",  # an alias before its anchor
     "a: &x b\nc: *x\n",  # an anchor before its value on the same line
     "a: &x\n- &y\n  - b\nc: *x\n",  # an anchor on an item
     "a: &x\n  b: &y\n  - c\nd: *x\n",  # an anchor in an anchored value
     "a: &x\n  b: *x\n",  # an alias in its own anchor's value
     "a: &x\n- b\nc: *x\nd: &x\n- e\n",  # an anchor named twice
     "&x a: b\n",  # an anchor on a key
     "a: [*x]\n",  # in a flow collection
     "a: *x\n",  # an alias to no anchor
     "a: &x\n- b\nc: 'y\n  d: *x\n  z'\n",  # the form of an alias in a quoted scalar
     "a: &x\n- b\nc: 'y\n  d: *x\n  z'\ne: 9e-90\n"],  # and the number that stands for it
)  # fmt: skip
def test_anchors_and_aliases_in_any_other_form_give_up(text: str) -> None:
    assert gives_up(text)


def test_aliases_past_pyyamls_budget_give_up() -> None:
    items = "".join("- x\n" for _ in range(99))
    aliases = "".join("- *a\n" for _ in range(99))
    text = f"a: &a\n{items}b:\n{aliases}"
    with pytest.raises(DocumentError, match="alias-expansion"):
        read_document(text)
    assert gives_up(text)
    assert quick(f"a: &a\n{items}b:\n{aliases[:15]}")["b"] == [["x"] * 99] * 3


@pytest.mark.parametrize(
    "text",
    ["a: !!str 12", "a: !x b", "b: &x\n  c: 1\nd:\n  <<: *x\n", "a: |\n  x\n", "a: >\n  x\n",
     "a: [b]", "a: {b: c}", "? a\n: b", "a: @b", "a: `b`", "a: %b", "a: ,b", "a: ]b",
     "a: 1\n---\nb: 2\n", "%YAML 1.1\n---\na: 1\n", "a: 1\n...\n"],
)  # fmt: skip
def test_tags_merges_and_other_indicators_give_up(text: str) -> None:
    assert gives_up(text)


def test_a_duplicate_key_gives_up() -> None:
    assert read_document("a: 1\nb: 2\na: 3\n").duplicates
    assert gives_up("a: 1\nb: 2\na: 3\n")


def test_nesting_past_the_depth_limit_gives_up() -> None:
    text = "".join(f"{'  ' * depth}k:\n" for depth in range(MAX_DEPTH + 1)) + "  " * 65 + "x\n"
    with pytest.raises(DocumentError, match="nesting"):
        read_document(text)
    assert gives_up(text)


def test_a_key_too_long_for_libyaml_gives_up() -> None:
    text = "k" * 1100 + ": v\n"
    with pytest.raises(DocumentError):
        read_document(text)
    assert gives_up(text)


@pytest.mark.parametrize(
    "data",
    [b'a: "\\ud800"', b"a: x\xc2\x85y", b"a: x\xe2\x80\xa8y", b"a: x\x7fy", b"a: x\ty",
     b"a: x\r\nb: y\r\n", b"a: 1\n\xef\xbb\xbfb: 2\n", b"a: x\xef\xbf\xbe", b"a: 9e-91"],
)  # fmt: skip
def test_text_the_readers_may_read_otherwise_gives_up(data: bytes) -> None:
    assert gives_up(data)


def test_a_byte_order_mark_at_the_start_is_read_past() -> None:
    assert quick(b"\xef\xbb\xbfa: b\n") == {"a": "b"}


@pytest.mark.parametrize(
    "text",
    ["- 'a\n\n  ': x\n",  # a quoted key on two lines, which libyaml rejects
     "- 'a': x\n",  # a quoted key
     "- - 'a'  - b'\n",  # text after a quoted scalar
     "a: 'b'c\n",
     'a: "line\\\n\n  break"\n',  # an escaped line break then an empty line
     'a: "two\n  lines"\n'],
)  # fmt: skip
def test_a_quoted_key_text_after_a_quoted_scalar_or_a_double_quoted_one_on_lines_gives_up(
    text: str,
) -> None:
    assert gives_up(text)


def test_quoted_and_folded_text_is_read_as_pyyaml_reads_it() -> None:
    text = "a: 'it''s\n\n  two'\nb: \"x\\u00e9\\ty\"\nc: one\n  two\nd: x # note\n"
    assert quick(text) == {"a": "it's\ntwo", "b": "xé\ty", "c": "one two", "d": "x"}


def test_without_rapidyaml_everything_is_left_to_pyyaml(monkeypatch) -> None:
    monkeypatch.setattr(plain_yaml, "ryml", None)
    assert gives_up("a: b\n")


def test_a_file_bigger_than_any_before_gets_a_buffer_to_fit_it(monkeypatch) -> None:
    """The JSON is written into a buffer kept from file to file: one too small for a file
    is replaced by one that fits, and the file reads the same."""
    emitter = plain_yaml._json.__self__
    monkeypatch.setattr(emitter, "tree", plain_yaml.ryml.Tree())  # as after a first file
    monkeypatch.setattr(emitter, "out", bytearray(16))
    films = "".join(f"- title: Film {i}\n  year: {1950 + i}\n  cast:\n  - A B\n" for i in range(40))
    value = quick(f"films:\n{films}")
    assert len(value["films"]) == 40 and len(emitter.out) > 16
    assert quick("title: Heat\nyear: 1995\n") == {"title": "Heat", "year": 1995}  # and after
