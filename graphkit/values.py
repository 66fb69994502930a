"""Checks of the values a caller gives: each says what is wrong with a value and what is accepted, once.

A check takes the value and the name it was given under and returns it as graphkit uses it, or raises `BadValue`.
Two readers name the value their own way from the same words: the notebook as its argument
(``limit=-1 is below 1; ...``, the exception's message), the command line after its option
(``Invalid value for '--limit': '-1' is below 1; ...``: `BadValue.on_command_line`, used by `graphkit.cli`).
The checks of a parameter live beside the code that uses it (`graphkit.query.as_date`, `graphkit.query.limit_of`,
`graphkit.issue_evidence.evidence_routes`, ...); the kinds of value they share are here.

>>> whole("-1", "limit", least=1, example=20)
Traceback (most recent call last):
...
graphkit.values.BadValue: limit='-1' is below 1; give a whole number, 1 or more, e.g. limit=20
>>> try:
...     whole("-1", "--limit", least=1, example=20)
... except BadValue as e:
...     print(e.on_command_line())
'-1' is below 1; give a whole number, 1 or more, e.g. --limit 20
"""

from __future__ import annotations

from typing import Any, Optional, Sequence

from .errors import GraphkitError


class BadValue(GraphkitError, ValueError):
    """A value a parameter cannot take: ``why`` says what is wrong with it and what is accepted, after the value;
    ``example``, when given, is a value the parameter takes, shown as the reader writes it.

    >>> e = BadValue("since", "yesterday", "is not a date; give YYYY, YYYY-MM or YYYY-MM-DD", "2025-11-25")
    >>> str(e)
    "since='yesterday' is not a date; give YYYY, YYYY-MM or YYYY-MM-DD, e.g. since='2025-11-25'"
    >>> BadValue("--since", "yesterday", e.why, e.example).on_command_line()
    "'yesterday' is not a date; give YYYY, YYYY-MM or YYYY-MM-DD, e.g. --since 2025-11-25"
    """

    def __init__(self, name: str, value: Any, why: str, example: Any = None):
        self.name, self.value, self.why, self.example = name, value, why, example
        e_g = "" if example is None else f", e.g. {name}={example!r}"
        super().__init__(f"{name}={value!r} {why}{e_g}")

    def on_command_line(self) -> str:
        """The same words for a value given to the option ``name`` (``--limit``) on the command line, which has
        already said which option it was: the value as typed, then why, then the option as one writes it."""
        e_g = "" if self.example is None else f", e.g. {self.name} {self.example}"
        return f"{self.value!r} {self.why}{e_g}"


def whole(value, name: str, *, least: Optional[int] = None, example: Any = None) -> Optional[int]:
    """``value`` as an int (None stays None), at least ``least`` when given.

    >>> whole("7", "within", least=0), whole(None, "limit", least=1), whole(3.0, "limit")
    (7, None, 3)
    >>> try:
    ...     whole("ten", "--window", least=0, example=30)
    ... except BadValue as e:
    ...     print(e.on_command_line())
    'ten' is not a whole number; give 0 or more, e.g. --window 30
    >>> whole(2.5, "limit", least=1)
    Traceback (most recent call last):
    ...
    graphkit.values.BadValue: limit=2.5 is not a whole number; give 1 or more
    """
    if value is None:
        return None
    number = _number(value)
    accepted = "" if least is None else f"; give {least} or more"
    if number is None or not number.is_integer():  # (nan and infinities too)
        raise BadValue(name, value, f"is not a whole number{accepted or '; give one'}", example)
    if least is not None and number < least:
        raise BadValue(name, value, f"is below {least}; give a whole number, {least} or more", example)
    return int(number)


def fraction(value, name: str, *, example: float, meaning: str = "") -> Optional[float]:
    """``value`` as a float in [0, 1] (a score; None stays None). ``meaning``: what the scores are, said in brackets
    after the accepted range.

    >>> fraction("0.6", "min_confidence", example=0.6), fraction(None, "min_confidence", example=0.6)
    (0.6, None)
    >>> fraction(2, "min_confidence", example=0.6)
    Traceback (most recent call last):
    ...
    graphkit.values.BadValue: min_confidence=2 is outside [0, 1]; give a score such as 0.6
    >>> try:
    ...     fraction("high", "--issue-score", example=0.15, meaning="a claim's own triggers 0.5 and up")
    ... except BadValue as e:
    ...     print(e.on_command_line())
    'high' is not a number; give a score in [0, 1] such as 0.15 (a claim's own triggers 0.5 and up)
    """
    if value is None:
        return None
    number = _number(value)
    if number is None or not 0.0 <= number <= 1.0:  # (nan too)
        why = "is outside [0, 1]; give a score" if number is not None else "is not a number; give a score in [0, 1]"
        said = f" ({meaning})" if meaning else ""
        raise BadValue(name, value, f"{why} such as {example}{said}")
    return number


def _number(value) -> Optional[float]:
    """The number ``value`` writes, as a float (its words stripped: " 2.5", 3, "nan"), or None when it writes none: the
    one reading of a number for `whole` and `fraction`, each of which says what it accepts.

    >>> _number(" 2.5"), _number(3), _number("ten"), _number("")
    (2.5, 3.0, None, None)
    """
    try:
        return float(str(value).strip())
    except ValueError:
        return None


def one_of(value, name: str, choices: Sequence[str], *, what: str) -> str:
    """The one of ``choices`` that ``value`` names, in any case ("NEO4J" is "neo4j", for the notebook and the command
    line alike); ``what``: what a choice is, with its article ("an export format").

    >>> (one_of("csv", "format", ("tsv", "csv"), what="a format"),
    ...  one_of(" CSV", "format", ("tsv", "csv"), what="a format"))
    ('csv', 'csv')
    >>> try:
    ...     one_of("xml", "--format", ("table", "tsv", "jsonl", "csv"), what="an output format")
    ... except BadValue as e:
    ...     print(e.on_command_line())
    'xml' is not an output format; give table, tsv, jsonl or csv
    """
    named = {c.lower(): c for c in choices}.get(str(value).strip().lower())
    if named is not None:
        return named
    raise BadValue(name, value, f"is not {what}; give {listed(choices)}")


def listed(names: Sequence[str]) -> str:
    """``names`` as a reader lists them, the last after "or".

    >>> listed(["body"]), listed(["body", "note", "headline"])
    ('body', 'body, note or headline')
    """
    return ", ".join(names[:-1]) + f" or {names[-1]}" if len(names) > 1 else names[0]
