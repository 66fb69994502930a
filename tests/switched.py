"""The one home of a rule row's switch check: what a row reads with the rule, then with its switch off.

A rule ships with a module-level switch constant and rows that fail with it off; a control row holds either way::

    assert_switched(lambda: _said(doc, tagger=False), expected, the_rule, monkeypatch, frames_verb,
                    "FRONTED_CLAUSE_OUT")
"""

from __future__ import annotations

from typing import Any, Callable


def assert_switched(read: Callable[[], Any], expected: Any, the_rule: bool, monkeypatch, module, switch: str) -> None:
    """``read()`` is ``expected``, and with ``module``'s ``switch`` set False it is something else exactly when
    ``the_rule`` (the row is the rule's own; a control row holds either way). ``monkeypatch`` restores the switch.

    >>> import types
    >>> m = types.SimpleNamespace(ON=True)
    >>> class Patch:
    ...     def setattr(self, obj, name, value): setattr(obj, name, value)
    >>> assert_switched(lambda: "rule" if m.ON else "plain", "rule", True, Patch(), m, "ON")
    >>> m.ON = True
    >>> assert_switched(lambda: "same", "same", False, Patch(), m, "ON")
    >>> m.ON = True
    >>> assert_switched(lambda: "same", "same", True, Patch(), m, "ON")
    Traceback (most recent call last):
    AssertionError: with ON off the row still reads 'same'
    >>> assert_switched(lambda: "plain", "rule", True, Patch(), m, "ON")
    Traceback (most recent call last):
    AssertionError: the row reads 'plain', expected 'rule'
    """
    got = read()
    if got != expected:  # said in full: pytest shows the values of a bare assert only in test files, not here
        raise AssertionError(f"the row reads {got!r}, expected {expected!r}")
    monkeypatch.setattr(module, switch, False)
    got = read()
    if the_rule and got == expected:
        raise AssertionError(f"with {switch} off the row still reads {got!r}")
    if not the_rule and got != expected:
        raise AssertionError(f"a control row moved with {switch} off: {got!r}")
