"""Rows printed for a person or a program: a rich table that fits the terminal, or TSV when piped.

A table keeps the columns that fit the terminal's width, most important first (each column has a
minimum width); long text wraps inside its column, short fields are cut with an ellipsis, and ids are
never broken across lines. When stdout is not a terminal the same rows are tab-separated values, one
row a line (tabs and line breaks inside values become spaces), which ``cut``, ``sort`` and pandas read.

>>> cols = [Column("speaker", 10), Column("claim", 20, wrap=True), Column("doc", 12, priority=2)]
>>> rows = [{"speaker": "Sergey Lavrov", "claim": "Europe\\tis to blame", "doc": "003_9b6d43ba622d0a39"}]
>>> _ = write_tsv(rows, cols, sys.stdout)
speaker	claim	doc
Sergey Lavrov	Europe is to blame	003_9b6d43ba622d0a39
>>> [c.name for c in fit(cols, 40)]
['speaker', 'claim']
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import Iterable, Optional, TextIO

from .errors import one_line


@dataclass(frozen=True)
class Column:
    """A column: its name (the row key), its width, whether its text wraps, and its priority (1 = always
    shown; higher numbers are dropped first when the terminal is narrow). A wrapping column is at least
    `width` wide and takes the room left; any other is at most `width` wide, longer values cut with "…"."""

    name: str
    width: int
    wrap: bool = False
    priority: int = 1
    header: Optional[str] = None


def shorten(text, limit: int = 48) -> str:
    """``text`` as a label: on one line (`graphkit.errors.one_line`), cut to at most ``limit`` characters with "…"
    (a space before the cut dropped).

    >>> shorten("Europe  is\\nto blame", 11), shorten("Europe is to blame", 18)
    ('Europe is…', 'Europe is to blame')
    """
    text = one_line(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def cell(v) -> str:
    """One value as text: lists joined with ', ', None empty, whitespace runs (tabs, line breaks) one space.

    >>> cell(["a", "b"]), cell(None), cell("x\\n\\ty")
    ('a, b', '', 'x y')
    """
    if v is None:
        return ""
    if isinstance(v, (list, tuple)):
        v = ", ".join(str(x) for x in v)
    try:
        import math

        if isinstance(v, float) and math.isnan(v):
            return ""
    except TypeError:
        pass
    return one_line(v)


def fit(columns: list[Column], width: int) -> list[Column]:
    """The columns that fit `width` (3 characters of border and padding each), dropping the highest priority
    numbers first, last-listed first among equals; priority-1 columns always stay."""
    kept = list(columns)
    need = lambda cols: sum(c.width + 3 for c in cols) + 1  # noqa: E731
    while need(kept) > width:
        droppable = [c for c in kept if c.priority > 1]
        if not droppable:
            break
        worst = max(droppable, key=lambda c: (c.priority, kept.index(c)))
        kept.remove(worst)
    return kept


def write_tsv(rows: Iterable[dict], columns: list[Column], out: TextIO) -> int:
    """Tab-separated values with a header line; returns the number of rows."""
    out.write("\t".join(c.header or c.name for c in columns) + "\n")
    n = 0
    for r in rows:
        out.write("\t".join(cell(r.get(c.name)) for c in columns) + "\n")
        n += 1
    return n


def print_table(rows: Iterable[dict], columns: list[Column], console=None) -> int:
    """A rich table of the columns that fit the console's width; returns the number of rows."""
    from rich.console import Console
    from rich.table import Table

    console = console or Console()
    cols = fit(columns, console.width)
    t = Table(show_lines=False, expand=False)
    for c in cols:
        if c.wrap:
            t.add_column(c.header or c.name, min_width=c.width, overflow="fold")
        else:
            t.add_column(c.header or c.name, max_width=c.width, no_wrap=True, overflow="ellipsis")
    n = 0
    for r in rows:
        t.add_row(*(cell(r.get(c.name)) for c in cols))
        n += 1
    console.print(t)
    return n


def is_terminal(stream: TextIO = None) -> bool:
    stream = stream or sys.stdout
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
