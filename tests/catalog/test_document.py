"""Reading YAML counts every value an alias stands for, to the budget and no further."""

from __future__ import annotations

import pytest
import yaml

from bot.catalog.document import DocumentError, read_document


def aliased(times: int) -> str:
    # 104 values before the aliases (the mapping, two keys, the anchored list and its 99
    # items, the second list), then 100 for each alias of the anchored list.
    items = ", ".join(["x"] * 99)
    return f"a: &a [{items}]\nb: [{', '.join(['*a'] * times)}]\n"


@pytest.mark.parametrize("track_lines", [False, True])
def test_aliases_up_to_the_budget_are_read(track_lines: bool) -> None:
    doc = read_document(aliased(98), track_lines=track_lines)  # 9,904 values of 10,000
    assert len(doc.value["b"]) == 98 and doc.value["b"][0] == ["x"] * 99


@pytest.mark.parametrize("track_lines", [False, True])
def test_one_alias_past_the_budget_is_refused(track_lines: bool) -> None:
    with pytest.raises(DocumentError, match="alias-expansion") as refused:
        read_document(aliased(99), track_lines=track_lines)  # 10,004 values
    assert refused.value.line == 2


def test_a_duplicate_key_keeps_its_first_value_and_is_reported_at_its_own_line() -> None:
    doc = read_document("a: [x]\nb: 1\na: {c: 2}\nd: [y]\n")
    assert doc.value == {"a": ["x"], "b": 1, "d": ["y"]}
    assert [(d.line, d.message) for d in doc.duplicates] == [(3, "duplicate key 'a'")]


def test_an_anchor_in_a_duplicate_keys_value_can_still_be_named() -> None:
    doc = read_document("a: 1\na: &x [y, z]\nb: *x\n")
    assert doc.value == {"a": 1, "b": ["y", "z"]}
    assert len(doc.duplicates) == 1


@pytest.mark.parametrize(
    "text",
    [
        'a: "x"\nb: \'y\'\nc: z\nd: "1995"\ne: 1995\nf: ""\ng:\n',
        'a: ! "x"\nb: !!str 12\nc: &k "v"\nd: *k\ne: ["1", 1, \'2\']\n',
        'a: "two\n  lines"\nb: |\n  block\nc: {"d": "e", f: \'g\'}\n',
    ],
)
@pytest.mark.parametrize("track_lines", [False, True])
def test_quoted_values_read_as_the_yaml_loader_reads_them(text: str, track_lines: bool) -> None:
    expected = yaml.load(text, Loader=yaml.SafeLoader)
    value = read_document(text.encode(), track_lines=track_lines).value
    assert value == expected
    assert [type(item) for item in value.values()] == [type(item) for item in expected.values()]
