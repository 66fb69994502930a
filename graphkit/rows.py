"""Compact rows of records for resolution's passes over a whole store.

Cross-article resolution holds every attribution of the store at once for the actor pass (a million at 1M
claims). As pydantic records each carries a per-instance ``__dict__`` of its 23 fields (about 1.1 kB, more
than the values it holds); the actor pass only reads their fields. `AttributionRow` holds the same values in
slots (about 0.2 kB): same attribute names, same values, nothing validated again. Their offsets are shared int
objects (`shared_offsets`): each ``(start, end)`` pair held two ints of its own (28 B each, ~15 a claim with its
article's entities), where the values are the few thousand offsets an article has.

>>> from graphkit.records import Attribution
>>> a = Attribution(spans=[(5, 12)], text="the war", cue="said", speaker_text="Lavrov", speaker_type="PERSON")
>>> r = AttributionRow.of(a)
>>> (r.spans, r.text, r.speaker_text, r.role)
(((5, 12),), 'the war', 'Lavrov', None)
>>> r == AttributionRow.of(a)
True
"""

from __future__ import annotations

import sys
from operator import attrgetter
from typing import Callable

from .records import Attribution

__all__ = ["AttributionRow", "shared_entities", "shared_offsets"]

#: offsets below this are one int object each (`shared_offsets`): articles up to 64K characters, PolNeAR's longest
#: is 22K; a longer article's later offsets stay its own (a table of every offset would outgrow what it saves)
SHARED_OFFSETS = 1 << 16
_SHARED: dict[int, int] = {}


def shared_offsets() -> Callable[[int, int], int]:
    """``get``: ``get(n, n)`` is ``n`` as the one int object every offset of its value below `SHARED_OFFSETS` is, in
    this process, and ``n`` itself above them. A store's rows and entities then hold no int of their own (a million
    claims held ~15 million ints of 28 B, of a few thousand values); the value is ``n``'s, only identity changes. A
    dict's own method: a Python call a value cost 7 µs a claim, a third of validating it.

    >>> get = shared_offsets()
    >>> a, b = int("1000"), int("1000")
    >>> a is b, get(a, a) is get(b, b), get(a, a) == a, get(1 << 20, 1 << 20) == 1 << 20
    (False, True, True, True)
    """
    if not _SHARED:
        _SHARED.update((i, i) for i in range(SHARED_OFFSETS))  # ~4 MB once, on first use (a process that reads a store)
    return _SHARED.get


def shared_entities(entities: list) -> list[tuple]:
    """Entities (text, label, start, end) with their strings interned (names recur) and their offsets shared
    (`shared_offsets`): what resolution holds of them.

    >>> shared_entities([["Lavrov", "PERSON", 0, 6]])
    [('Lavrov', 'PERSON', 0, 6)]
    """
    get, intern = shared_offsets(), sys.intern
    return [(intern(t), intern(label), get(s, s), get(e, e)) for t, label, s, e in entities]


class AttributionRow:
    """An Attribution's field values in slots, read-only by convention (resolution never writes them).

    Built with `of` from a validated Attribution: the values are the record's own objects (shared, not copied).
    Equal when every field is equal; not hashable (like the pydantic record, it is never a key)."""

    __slots__ = tuple(Attribution.model_fields)

    @classmethod
    def of(cls, record: Attribution) -> "AttributionRow":
        row = cls.__new__(cls)
        for name, value in record.__dict__.items():
            setattr(row, name, value)
        row._share_offsets()
        return row

    @classmethod
    def from_values(cls, values: tuple) -> "AttributionRow":
        """A row of the field values ``values``, in ``__slots__`` order (what `values` gives): what resolution
        keeps of an attribution between builds (graphkit.kept.KeptInputs).

        >>> from graphkit.records import Attribution
        >>> r = AttributionRow.of(Attribution(spans=[(5, 12)], text="the war", cue="said"))
        >>> AttributionRow.from_values(r.values()) == r
        True
        """
        row = cls.__new__(cls)
        _fill(row, values)
        row._share_offsets()
        return row

    def _share_offsets(self) -> None:
        """Every span's offsets made `shared_offsets` ints (equal values).

        >>> from graphkit.records import Attribution
        >>> a, b = (AttributionRow.of(Attribution(spans=[(int("5000"), int("5007"))], text="the war", cue="said"))
        ...         for _ in range(2))
        >>> a.spans[0][0] is b.spans[0][0], a.spans == ((5000, 5007),)  # above 256: ints CPython does not share itself
        (True, True)
        """
        get = shared_offsets()
        self.spans = tuple([(get(a, a), get(b, b)) for a, b in self.spans])
        self.cue_span, self.speaker_span, self.resolved_span, self.sentence_span, self.reported_by_span = (
            None if s is None else (get(s[0], s[0]), get(s[1], s[1])) for s in (
                self.cue_span, self.speaker_span, self.resolved_span, self.sentence_span, self.reported_by_span))

    def values(self) -> tuple:
        """The field values, in ``__slots__`` order."""
        return _values(self)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, AttributionRow):
            return NotImplemented
        return all(getattr(self, k) == getattr(other, k) for k in self.__slots__)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"AttributionRow({', '.join(f'{k}={getattr(self, k)!r}' for k in self.__slots__)})"


def _filler():
    """``fill(row, values)``: every slot set from ``values`` in one unpacking (the way `collections.namedtuple` and
    `dataclasses` write their methods): ~30 ns a field, where a ``setattr`` loop over 22 fields (as they were then)
    of 14,700 rows took 0.15 s of a rebuild."""
    targets = ", ".join(f"row.{name}" for name in AttributionRow.__slots__)
    space: dict = {}
    exec(f"def fill(row, values):\n    ({targets},) = values\n", space)  # noqa: S102 -- the slot names, no input
    return space["fill"]


_fill = _filler()
_values = attrgetter(*AttributionRow.__slots__)
