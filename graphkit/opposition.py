"""How two claims take opposite positions: one denies what the other asserts, they hold the two poles of an
antonym pair, or one negates the predicate the other asserts.

The second of `graphkit.contradict`'s three conditions (:func:`opposition`; :func:`may_oppose` says which claims can
take part in any). What the speakers do with a proposition ("warned" vs "said") is no opposition. That the two are
about one matter is `graphkit.claim_matter`'s.

>>> from graphkit.records import Claim
>>> mk = lambda t: Claim(id=t[:9], doc_id="d", speaker="X", speaker_id="actor:x", text=t, spans=[(0, len(t))],
...                      cue="said")
>>> opposition(mk("Obama will raise taxes"), mk("Obama will not raise taxes"))
Opposition(kind='negation', words=('raise', 'not raise'))
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Optional

from .records import Claim
from .textmemo import text_memo
from .words import antonym_poles, lemma, negated, predicate_words, tokens

__all__ = ["Opposition", "opposition", "may_oppose"]


@dataclass(frozen=True)
class Opposition:
    kind: str                    # denial, antonym, negation
    words: tuple[str, str]       # the opposing words of a, of b


def opposition(a: Claim, b: Claim, refers: bool = False) -> Optional[Opposition]:
    """How a and b take opposite positions, if they do: a denial, antonyms or a negation.

    ``refers``: b points back at a (anaphoric content right after it), so a denial needs no shared words.

    >>> mk = lambda t, st="assert", cue="said": Claim(id=t[:9], doc_id="d", speaker="X", speaker_id="actor:x",
    ...     text=t, spans=[(0, len(t))], cue=cue, stance=st)
    >>> opposition(mk("the four regions are legally part of Russia"), mk("the four regions were annexed illegally"))
    Opposition(kind='antonym', words=('legally', 'illegally'))
    >>> opposition(mk("Obama will raise taxes"), mk("Obama will not raise taxes"))
    Opposition(kind='negation', words=('raise', 'not raise'))
    >>> opposition(mk("Obama warned taxes would rise", cue="warned"), mk("taxes would rise"))  # stance alone: none
    """
    deny = _denial(a, b, refers)
    if deny:
        return deny
    return _antonyms(a.text, b.text) or _negation(a.text, b.text)


def may_oppose(claim: Claim) -> bool:
    """Whether the claim can take part in any opposition `opposition` finds: a denial needs a claim that denies or
    opposes, antonyms need an antonym pole in both claims, a negation needs a verb-group word negated in one of them.
    Two claims of which neither may are never opposed, so `graphkit.contradict._candidate_pairs` does not pair
    them.

    >>> mk = lambda t, st="assert": Claim(id="c", doc_id="d", speaker="X", speaker_id="actor:x", text=t,
    ...                                   spans=[(0, len(t))], cue="said", stance=st)
    >>> [may_oppose(mk(t)) for t in ["Obama will meet the governors", "Obama will not meet the governors",
    ...                              "the annexation was illegal", "the talks were constructive"]]
    [False, True, True, False]
    >>> may_oppose(mk("any such losses", st="deny"))
    True
    """
    if claim.stance in ("deny", "oppose") or _poles(claim.text):
        return True
    negated_words, verb_words = _negation_side(claim.text)
    return not negated_words.isdisjoint(verb_words)


_ANSWERABLE = ("assert", "predict", "accuse", "report", "believe", "promise", "warn", "praise", "criticize",
               "support", "demand")


def _denial(a: Claim, b: Claim, refers: bool) -> Optional[Opposition]:
    """b denies what a asserts (or a denies b): a 'deny' cue, or a rejection pointing back at a.

    >>> mk = lambda t, st="assert", cue="said": Claim(id=t[:9], doc_id="d", speaker="X", speaker_id="actor:x",
    ...     text=t, spans=[(0, len(t))], cue=cue, stance=st)
    >>> _denial(mk("Brown will be sidelined"), mk("Brown would be sidelined", "deny", "denied"), False)
    Opposition(kind='denial', words=('said', 'denied'))
    >>> _denial(mk("Brown will be sidelined"), mk("the claim", "oppose", "rejected"), False) is None  # not pointing back
    True
    """
    for x, y, back in ((a, b, refers), (b, a, False)):
        denies = y.stance == "deny" or (y.stance == "oppose" and back)
        if denies and x.stance in _ANSWERABLE:
            words = (x.cue, y.cue) if x is a else (y.cue, x.cue)
            return Opposition("denial", words)
    return None


@text_memo("antonym_poles", encode=lambda d: [[k, p, w] for k, (p, w) in sorted(d.items())],
           decode=lambda v: {k: (p, w) for k, p, w in v})
def _poles(text: str) -> dict[int, tuple[int, str]]:
    """antonym pair → (pole, word as written) of the claim's antonym words in its verb groups ("is illegal",
    "annexed illegally", not "railing against"), flipped when negated.

    >>> _poles("the four regions were annexed illegally"), _poles("the regions are not illegal")
    ({0: (1, 'illegally')}, {0: (0, 'not illegal')})
    """
    poles = antonym_poles()
    neg = negated(text)
    zone = predicate_words(text)
    out: dict[int, set] = defaultdict(set)
    for t in tokens(text):
        lw = lemma(t)
        if lw not in zone:
            continue
        hit = poles.get(lw) or poles.get(t) or (lw.endswith("ly") and poles.get(lw[:-2]))  # "illegally"
        if hit:
            k, pole = hit
            flipped = lw in neg
            out[k].add((pole ^ flipped, ("not " if flipped else "") + t))
    # a pair used both ways in one claim says nothing about it
    return {k: sorted(v)[0] for k, v in out.items() if len({p for p, _ in v}) == 1}


def _antonyms(a: str, b: str) -> Optional[Opposition]:
    """The first antonym pair (`_poles`) the two texts take opposite poles of: an antonym, or a negation when both
    write the same word.

    >>> _antonyms("the four regions are legally part of Russia", "the four regions were annexed illegally")
    Opposition(kind='antonym', words=('legally', 'illegally'))
    """
    pa, pb = _poles(a), _poles(b)
    for k in sorted(pa.keys() & pb.keys()):
        if pa[k][0] != pb[k][0]:
            wa, wb = pa[k][1], pb[k][1]
            same = lemma(wa.removeprefix("not ")) == lemma(wb.removeprefix("not "))   # "raise" / "not raise"
            return Opposition("negation" if same else "antonym", (wa, wb))
    return None


def _negation(a: str, b: str) -> Optional[Opposition]:
    """A verb group's head both claims use, negated in exactly one ("will raise" / "will not raise"). The antonym
    words are left to `_antonyms` ("raise" is one: the flip found is in "taxes").

    >>> (_negation("he will raise taxes", "he will not raise taxes"),
    ...  _negation("he will raise taxes", "he will raise rates"))
    (Opposition(kind='negation', words=('taxes', 'not taxes')), None)
    """
    na, la = _negation_side(a)
    nb, lb = _negation_side(b)
    poles = antonym_poles()     # antonym words are _antonyms' ("not legal" / "illegal" agree)
    la = {w: t for w, t in la.items() if w not in poles and not (w.endswith("ly") and w[:-2] in poles)}
    flips = sorted(w for w in la.keys() & lb.keys() if (w in na) != (w in nb))
    if not flips or len(flips) * 2 < len((na | nb) & (la.keys() & lb.keys())):
        return None
    w = flips[0]
    return Opposition("negation", (("not " if w in na else "") + la[w], ("not " if w in nb else "") + lb[w]))


@text_memo("negation_side", encode=lambda v: [sorted(v[0]), v[1]], decode=lambda v: (frozenset(v[0]), dict(v[1])))
def _negation_side(text: str) -> tuple[frozenset[str], dict[str, str]]:
    """What _negation needs of one claim, worked out once per text (a claim meets many in its blocks):
    its negated lemmas, and its verb-group words (lemma → as written).

    >>> _negation_side("he will not raise taxes")
    (frozenset({'rais', 'tax'}), {'rais': 'raise', 'tax': 'taxes'})
    """
    z = predicate_words(text)
    return negated(text), {lemma(t): t for t in tokens(text) if lemma(t) in z}
