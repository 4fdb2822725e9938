"""Names and questions fold to the same words however they are typed."""

from __future__ import annotations

import string

from hypothesis import given
from hypothesis import strategies as st

from bot.text import _folded, norm


def test_names_fold_to_lowercase_words() -> None:
    assert norm("Amélie!") == "amelie"
    assert norm("Rock & Roll") == "rock and roll"
    assert norm("O'Neil's `Cut`") == "oneils cut"
    assert norm("  Alita:\tBattle--Angel ") == "alita battle angel"
    assert norm("Ōshima’s") == "oshimas"


@given(st.text(alphabet=string.printable + "&'`", max_size=30))
def test_ascii_text_folds_as_any_text_does(text: str) -> None:
    assert norm.__wrapped__(text) == _folded(text)
