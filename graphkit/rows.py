"""Compact rows of records for resolution's passes over a whole store.

Cross-article resolution holds every attribution of the store at once for the actor pass (a million at 1M
claims). As pydantic records each carries a per-instance ``__dict__`` of its 22 fields (about 1.1 kB, more
than the values it holds); the actor pass only reads their fields. `AttributionRow` holds the same values in
slots (about 0.2 kB): same attribute names, same values, nothing validated again.

>>> from graphkit.records import Attribution
>>> a = Attribution(spans=[(5, 12)], text="the war", cue="said", speaker_text="Lavrov", speaker_type="PERSON")
>>> r = AttributionRow.of(a)
>>> (r.spans, r.text, r.speaker_text, r.role)
(((5, 12),), 'the war', 'Lavrov', None)
>>> r == AttributionRow.of(a)
True
"""

from __future__ import annotations

from operator import attrgetter

from .records import Attribution

__all__ = ["AttributionRow"]


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
        return row

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
    `dataclasses` write their methods): ~30 ns a field, where a ``setattr`` loop over 22 fields of 14,700 rows took
    0.15 s of a rebuild."""
    targets = ", ".join(f"row.{name}" for name in AttributionRow.__slots__)
    space: dict = {}
    exec(f"def fill(row, values):\n    ({targets},) = values\n", space)  # noqa: S102 -- the slot names, no input
    return space["fill"]


_fill = _filler()
_values = attrgetter(*AttributionRow.__slots__)
