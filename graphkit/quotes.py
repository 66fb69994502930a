"""Quotations in plain text: pairing quotation marks, and how quoted a claim is.

Pure text functions (no spaCy): :func:`find_quotes` pairs curly, straight and
doubled-apostrophe quotation marks into character spans; :func:`claim_kind`
says whether a claim's spans are all, partly or not quoted.

>>> from graphkit.quotes import find_quotes, claim_kind
>>> text = "“We will continue,” Peskov said. He added “the talks were useful"
>>> [text[s:e] for s, e in find_quotes(text)]
['“We will continue,”', '“the talks were useful']
>>> claim_kind([(1, 17)], find_quotes(text), text)
'direct'
"""

from __future__ import annotations

import re

__all__ = ["OPEN_QUOTES", "CLOSE_QUOTES", "find_quotes", "claim_kind"]

OPEN_QUOTES = "“«„"
CLOSE_QUOTES = "”»"
_QUOTE_MARKS = re.compile(r"[“«„”»\"\n]|''|``")


def find_quotes(text: str) -> list[tuple[int, int]]:
    r"""Character spans of quotations, marks included, in document order.

    Curly and straight quotes are paired, and so are the doubled apostrophes of
    some newspapers (''like this''); a quote left open ends at its paragraph.

    >>> find_quotes("He said “yes.” She said \"no\". They said ''maybe.''")
    [(8, 14), (24, 28), (40, 50)]
    """
    out = []
    start = None
    straight = None  # which straight mark opened the quote: '"' or "''"
    for m in _QUOTE_MARKS.finditer(text):
        i, ch = m.start(), m.group()
        if ch == "\n":
            if start is not None:
                end = i
                while end > start and text[end - 1].isspace():
                    end -= 1
                if end - start > 1:
                    out.append((start, end))
                start = None
            continue
        mark = "''" if ch in ("''", "``") else '"'
        if ch in OPEN_QUOTES or ch == "``":
            if start is None or straight is not None and straight != mark:
                start, straight = i, (None if ch in OPEN_QUOTES else mark)
            continue
        if start is None:
            if ch in CLOSE_QUOTES:
                continue  # a stray closing mark
            start, straight = i, mark
            continue
        # an open quote closes on its own mark, and a curly or straight double quote closes either kind
        # (news copy often opens with " and closes with ”)
        if (straight == "''") == (mark == "''") or straight is None and ch == '"':
            out.append((start, m.end()))
            start = None
    if start is not None and len(text) - start > 1:
        out.append((start, len(text.rstrip())))
    return out



def claim_kind(spans: list[tuple[int, int]], quotes: list[tuple[int, int]], text: str) -> str:
    """direct (all words quoted), mixed (some) or indirect (none): how much of the claim's
    spans (character offsets into ``text``) lies inside the ``quotes`` of :func:`find_quotes`.

    >>> text = "He said “the talks failed” and blamed Kyiv."
    >>> quotes = find_quotes(text)
    >>> claim_kind([(8, 26)], quotes, text), claim_kind([(8, 42)], quotes, text), claim_kind([(31, 42)], quotes, text)
    ('direct', 'mixed', 'indirect')
    """
    inq = outq = 0
    for s, e in spans:
        total = sum(1 for ch in text[s:e] if ch.isalnum())
        q_in = 0
        for qs, qe in quotes:
            if qe <= s:
                continue
            if qs >= e:
                break
            a, b = max(s, qs), min(e, qe)
            q_in += sum(1 for ch in text[a:b] if ch.isalnum())
        inq += q_in
        outq += total - q_in
    if inq and not outq:
        return "direct"
    if inq and outq:
        return "mixed"
    return "indirect"
