"""Quotations over a paragraph break and after a cue's colon: how many PolNeAR golds they hold out of fold, and what
reading them into the claim would give, replayed by 5-fold CV from an out-of-fold dump (bench/oof_dump.py).

    python bench/oof_dump.py bench/_work/oof.pkl
    python bench/quote_spans.py bench/_work/oof.pkl                 # the sizes, then each variant paired by fold

News copy runs one quotation over several paragraphs by a typographic convention: the paragraph's quotation is left
open (no closing mark) and the next paragraph opens with a mark again. ``graphkit.quotes.find_quotes`` ends an open
quotation at its paragraph, so such a quote is two quotations; graphkit's continuations (a cue-less quote sentence
after a quoted claim) and the export's fold (``graphkit.confidence.claim_groups``) join most of them back. Sizes
(:func:`crossing`): every gold whose content runs over a paragraph break, by whether the convention marks each of
its breaks (:func:`marked`) and whether the gold was matched end to end out of fold.

Variants (:data:`VARIANTS`), each a change of the kept claims' contents in place, at the dump's scores and
thresholds (nothing refitted; a claim's features do not see the change, so this is what a builder of the same
candidates would give at most without the re-scorer moving): ``next_paragraph`` a content ending at a quotation
left open at its paragraph's end takes the quotations the convention continues (:func:`next_paragraph`);
``after_colon`` a content that stops right before a colon and an opening quotation mark takes that quotation
(:func:`after_colon`). PolNeAR text is read, never written.
"""

from __future__ import annotations

import argparse
import collections
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from graphkit.quotes import DOUBLE_CLOSE, DOUBLE_OPEN, find_quotes, quote_after_colon  # noqa: E402 (after the path insert)

_OPENING = DOUBLE_OPEN + '"'  # the double marks that open a quotation, straight ones too (graphkit.quotes: their home)
_CLOSING = DOUBLE_CLOSE + '"'
_BREAK = re.compile(r"[^\S\n]*\n\s*")


def _left_open(text: str, q: tuple[int, int]) -> bool:
    """Does quotation ``q`` (``find_quotes``' span) end its paragraph with no closing mark?"""
    s, e = q
    return text[s] in _OPENING and text[e - 1] not in _CLOSING and text[e:e + 1] in ("", "\n", " ")


def reopened(text: str, quotes: list[tuple[int, int]], q: tuple[int, int]) -> tuple[int, int] | None:
    """The quotation the convention continues after ``q``: ``q`` left open at its paragraph's end and the next
    paragraph opening with a quotation mark; else None.

    >>> text = "He said: “We will win.\\n\\n“And we will win again,” he said."
    >>> qs = find_quotes(text)
    >>> [text[a:b] for a, b in qs]
    ['“We will win.', '“And we will win again,”']
    >>> q = reopened(text, qs, qs[0]); text[q[0]:q[1]]
    '“And we will win again,”'
    >>> reopened("He said: “We will win.”\\n\\n“Again.”", find_quotes("He said: “We will win.”\\n\\n“Again.”"), (9, 23))
    """
    if not _left_open(text, q):
        return None
    m = _BREAK.match(text, q[1])
    if m is None or "\n" not in m.group():
        return None
    return next(((a, b) for a, b in quotes if a == m.end() and text[a] in _OPENING), None)


def marked(text: str, quotes: list[tuple[int, int]], lo: int, hi: int) -> bool:
    """Is every paragraph break in ``text[lo:hi]`` one the convention marks (a quotation left open before it,
    reopened after it)?

    >>> text = "He said: “We will win.\\n\\n“And again.” Others disagreed.\\n\\nThey did."
    >>> qs = find_quotes(text)
    >>> marked(text, qs, 9, 37), marked(text, qs, 9, len(text))
    (True, False)
    """
    for m in re.finditer(r"\n+", text[lo:hi]):
        brk = lo + m.start()
        end = len(text[:brk].rstrip())  # where the paragraph's text ends, its white space left out
        q = next(((a, b) for a, b in quotes if a < brk and end <= b <= brk), None)
        if q is None or reopened(text, quotes, q) is None:
            return False
    return True


def next_paragraph(text: str, spans: list, quotes: list) -> list:
    """``spans`` (a claim's content) with the quotations the convention continues after its last one, when it ends at
    a quotation left open at its paragraph's end (up to five paragraphs on).

    >>> text = "He said: “We will win.\\n\\n“And again.”"
    >>> next_paragraph(text, [[9, 22]], find_quotes(text))
    [[9, 22], [24, 36]]
    """
    out = [list(s) for s in spans]
    for _ in range(5):
        e = out[-1][1]
        q = next(((a, b) for a, b in quotes if a < e <= b and b - e <= 2), None)
        nq = reopened(text, quotes, q) if q is not None else None
        if nq is None:
            break
        out.append([nq[0], nq[1]])
    return out


def after_colon(text: str, spans: list, quotes: list) -> list:
    """``spans`` with the quotation that opens right after a colon at the content's end ("suggested he was from
    Mexico: “The judge ...”"), in the same paragraph.

    >>> text = "He stated his view: “It is over.” Then he left."
    >>> after_colon(text, [[14, 18]], find_quotes(text))
    [[14, 18], [20, 33]]
    """
    q = quote_after_colon(text, spans[-1][1], quotes)
    return [list(s) for s in spans] + ([[q[0], q[1]]] if q is not None else [])


VARIANTS = {"next_paragraph": next_paragraph, "after_colon": after_colon}


def crossing(D: dict, arts: dict, sc) -> collections.Counter:
    """The golds whose content runs over a paragraph break, by (marked or not, matched or missed out of fold, how
    many kept claims overlap it: 0, 1, 2 or more)."""
    import attribution_cv as cv

    n: collections.Counter = collections.Counter()
    for i, d in D["arts"].items():
        text = arts[i]["text"]
        quotes = find_quotes(text)
        o = cv.oof_article(sc, arts[i], d, every=False)
        G, P, pairs = o.G, o.P, o.pairs
        for gi, g in enumerate(G):
            lo, hi = min(g["C"]), max(g["C"]) + 1
            n["golds"] += 1
            if "\n" not in text[lo:hi]:
                continue
            j = pairs.get(gi)
            n[("marked" if marked(text, quotes, lo, hi) else "unmarked",
               "matched" if j is not None and g["S"] & P[j]["S"] else "missed",
               min(2, sum(1 for p in P if p["C"] & g["C"])))] += 1
    return n


def changed(variant):
    """A ``then`` for ``oof_settle.folds_of``: each exported claim's spans through ``variant``; counts the changes."""
    def then(doc_id: str, text: str, preds: list[dict]) -> list[dict]:
        quotes = find_quotes(text)
        for p in preds:
            new = variant(text, p["spans"], quotes)
            if new != [list(s) for s in p["spans"]]:
                p["spans"] = new
                then.n += 1
        return preds
    then.n = 0
    return then


def main(argv=None) -> int:
    import attribution_cv as cv
    from oof_dump import load
    from oof_settle import line

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dump", type=Path, help="a pickle written by bench/oof_dump.py")
    ap.add_argument("--variants", nargs="*", default=list(VARIANTS), choices=list(VARIANTS))
    a = ap.parse_args(argv)
    D = load(a.dump)
    sc = cv.scorer()
    arts = {x["id"]: x for x in cv.load_articles()}
    n = crossing(D, arts, sc)
    over = {k: v for k, v in n.items() if k != "golds"}
    print(f"{n['golds']} golds; {sum(over.values())} run over a paragraph break; by (convention, out of fold, "
          f"kept claims over it):")
    for k, v in sorted(over.items()):
        print(f"  {k[0]:9} {k[1]:8} {k[2]}  {v}")
    shipped = cv.shipped_claims(D, arts)  # exported once; each variant changes copies of its claims
    base = cv.fold_f1s(sc, D, arts, shipped)
    print(line("as shipped", base))
    for name in a.variants:
        then = changed(VARIANTS[name])
        preds = {i: then(i, arts[i]["text"], [dict(p) for p in P]) for i, P in shipped.items()}
        print(line(name, cv.fold_f1s(sc, D, arts, preds), base) + f"  claims changed {then.n}")
    return 0


if __name__ == "__main__":
    from graphkit.errors import script_main

    sys.exit(script_main("quote_spans", main))
