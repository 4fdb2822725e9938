"""Random mutations of a valid facts file: the loader answers with records or problems only."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.catalog.errors import CatalogError
from bot.catalog.loader import FileRef, check_catalog, parse_bytes
from tests.conftest import ALITA

SOURCE = ALITA.encode()
REF = FileRef(path=Path("facts/film.yaml"), rel="film.yaml", display="facts/film.yaml")

line_edits = st.sampled_from(["delete", "duplicate", "swap", "indent", "dedent", "insert"])
snippets = st.sampled_from(
    [
        b"\t",
        b": ",
        b"- ",
        b"[",
        b"{",
        b"&a ",
        b"*a",
        b"!!python/object:os.system ",
        b"\x00",
        b"\xff\xfe",
        b"year: 99999999999999999999",
        b"title: ",
        b"cast: 5",
        b"'",
        b'"',
        b"---",
        b"? ",
        b"\xe2\x80\x8b",
    ]
)


def mutate(data: bytes, edits: list[tuple[str, int, bytes]]) -> bytes:
    lines = data.split(b"\n")
    for edit, position, snippet in edits:
        i = position % max(len(lines), 1)
        if edit == "delete" and lines:
            del lines[i]
        elif edit == "duplicate" and lines:
            lines.insert(i, lines[i])
        elif edit == "swap" and len(lines) > 1:
            j = (i + 1) % len(lines)
            lines[i], lines[j] = lines[j], lines[i]
        elif edit == "indent" and lines:
            lines[i] = b"  " + lines[i]
        elif edit == "dedent" and lines:
            lines[i] = lines[i].lstrip()
        elif lines:
            cut = position % (len(lines[i]) + 1)
            lines[i] = lines[i][:cut] + snippet + lines[i][cut:]
    return b"\n".join(lines)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(line_edits, st.integers(0, 10_000), snippets), min_size=1, max_size=6))
def test_mutated_files_give_records_or_problems_never_exceptions(edits) -> None:
    parsed = parse_bytes(REF, mutate(SOURCE, edits))
    assert all(isinstance(e, CatalogError) for e in parsed.errors)
    assert parsed.errors or parsed.films or parsed.people is not None
    for error in parsed.errors:
        assert error.line >= 1
        assert str(error).startswith("facts/film.yaml:")
    check_catalog([parsed])


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=2_000))
def test_random_bytes_give_problems_never_exceptions(data: bytes) -> None:
    parsed = parse_bytes(REF, data)
    assert all(isinstance(e, CatalogError) for e in parsed.errors)
