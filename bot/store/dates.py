"""Dates as the catalog keeps them: ``YYYY-MM-DD``, or ``YYYY`` when only the year is known."""

from __future__ import annotations

import datetime as dt

When = dt.date | int


def parse_when(text: str | None) -> When | None:
    """``"1928-07-26"`` → a date, ``"1928"`` → the year alone, anything else → ``None``."""
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return int(text[:4]) if text[:4].isdigit() else None


def said(when: When) -> str:
    """``26 July 1928``, or ``1928``."""
    if isinstance(when, int):
        return str(when)
    return f"{when.day} {when:%B} {when.year}"


def years_between(start: When, end: When) -> int | tuple[int, int]:
    """Whole years from ``start`` to ``end``; the two candidates when either is a year alone."""
    if isinstance(start, dt.date) and isinstance(end, dt.date):
        return end.year - start.year - ((end.month, end.day) < (start.month, start.day))
    first = start if isinstance(start, int) else start.year
    last = end if isinstance(end, int) else end.year
    return (last - first - 1, last - first)


def said_years(years: int | tuple[int, int]) -> str:
    """``62``, or ``89 or 90``."""
    return str(years) if isinstance(years, int) else f"{years[0]} or {years[1]}"
