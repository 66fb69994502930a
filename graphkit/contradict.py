"""Opposing claims: the same specific proposition, opposite positions, with the evidence.

Two claims contradict only when

1. **they are about the same matter** (`graphkit.claim_matter`): they share a *specific* argument (see
   :func:`~graphkit.claim_matter.arguments`: a name, a number with what it counts, a place, an issue's trigger word),
   one that few claims of the corpus use (:func:`~graphkit.claim_matter.specificity`), and they say the same thing
   about it (:func:`~graphkit.claim_matter.match`: most content words in common, or one points back at the other,
   "denied any such losses");
2. **they take opposite positions** (`graphkit.opposition`, :func:`~graphkit.opposition.opposition`): one denies the
   other's content, one negates the predicate the other asserts ("will raise taxes" / "will not raise taxes"), or
   they hold antonymous predicates from ``models/links.yaml`` ("legally part of Russia" / "annexed illegally").
   What the speakers do with it ("warned" vs "said") is not opposition;
3. **their dates are close**: at most ``window_days`` apart, when both are known (in one article too).

Candidates come from blocking on specific arguments (an inverted index; an argument shared by more than
``BLOCK_MAX`` claims is not specific), so the work grows with the number of claims, not its square.
Every link carries its evidence (``shared`` arguments, ``opposing`` words, a ``score``); ``MIN_SCORE`` is
the threshold under which links are kept in the store but not shown. The same opposition by one actor at
two different dates is a ``reverses`` link (a self-contradiction over time).

>>> from graphkit.records import Claim
>>> a = Claim(id="a", doc_id="003", speaker="Russian officials", speaker_id="actor:russian-officials",
...           text="they had captured Pokrovsk", spans=[(100, 126)], cue="claimed", places=("Pokrovsk",),
...           sentence_span=(60, 127))
>>> b = Claim(id="b", doc_id="003", speaker="Ukrainian authorities", speaker_id="actor:ukraine",
...           text="any such losses", spans=[(156, 171)], cue="denied", stance="deny", sentence_span=(128, 172))
>>> [(c.a, c.b, c.relation, c.shared, c.opposing) for c in find_contradictions([a, b])]
[('a', 'b', 'contradicts', ('pokrovsk',), ('claimed', 'denied'))]
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Iterable, Iterator, Optional

from .claim_matter import TITLES, arguments, common_words, match, points_back, specificity
from .opposition import Opposition, may_oppose, opposition
from .records import Actor, Claim, Contradiction
from .statements import as_date, concept_idf, day_numbers, near_days
from .tables import shorten
from .textmemo import text_memo
from .words import STOP, concepts, lemma, predicates, tokens

__all__ = ["find_contradictions", "opposed_pairs", "weigh_links", "reading_order", "MIN_SCORE", "MAX_LINKS_PER_CLAIM",
           "WINDOW_DAYS", "window_days_of"]

MIN_SCORE = 0.5          # links scored below are stored but not shown (CLI, view); see README
WINDOW_DAYS = 31         # two claims further apart in time are not compared (same article: always)
MIN_SPECIFICITY = 0.5    # a shared argument must be at least this specific (used by <= ~sqrt(N) claims)
BLOCK_MAX = 200          # an argument in more claims pairs nothing by itself: blocking stays linear
MAX_LINKS_PER_CLAIM = 3  # more only when each link of the claim has a shared argument of its own
MIN_WORDS = 3            # a content shorter than this is not a statement ("the code")
# how much content two claims must share (idf-weighted, over the smaller) to be one proposition
MIN_MATCH = {"denial": 0.5, "antonym": 0.4, "negation": 0.5}
MIN_SHARED_ACROSS = 2    # claims of two articles must share this many specific arguments
STRENGTH = {"denial": 1.0, "antonym": 0.9, "negation": 0.8}   # how plainly each kind opposes


# what one denies of oneself: "(X) denied the charges" answers a claim about X
ACCUSATION = re.compile(r"\b(?:charges?|reports?|allegations?|accusations?|claims?|rumou?rs?|stor(?:y|ies))\b", re.I)


@text_memo("n_tokens", encode=int, decode=int)
def _n_tokens(text: str) -> int:
    """How many words `tokens` reads in ``text``: a content shorter than `MIN_WORDS` is no statement.

    >>> _n_tokens("Russia's troops took Pokrovsk."), _n_tokens("the code")
    (4, 2)
    """
    return len(tokens(text))


# --- pairs, scores, links --------------------------------------------------------------------------------

@dataclass(slots=True)
class _Seen:
    """What find_contradictions knows of one claim (slotted: one for every claim of the store)."""

    claim: Claim
    order: int                     # rank in article order over the whole input
    args: frozenset[str]           # its arguments, with those of the claim it refers back to
    refers_to: Optional[int]       # the claim just before it that its anaphoric content points at


def window_days_of(value, name: str = "window_days") -> Optional[int]:
    """How many days apart two articles' claims may be and still be compared, a whole number, 0 or more (the check of
    ``window_days=`` and of ``--window``, one wording for both: `graphkit.values.whole`).

    >>> window_days_of("7"), window_days_of(0)
    (7, 0)
    >>> window_days_of(-1)
    Traceback (most recent call last):
    ...
    graphkit.values.BadValue: window_days=-1 is below 0; give a whole number, 0 or more, e.g. window_days=31
    """
    from .values import whole

    return whole(value, name, least=0, example=WINDOW_DAYS)


def find_contradictions(claims: list[Claim], actors: Optional[dict[str, Actor]] = None, *,
                        window_days: int = WINDOW_DAYS) -> list[Contradiction]:
    """Contradicts links (two speakers) and reverses links (one speaker, two dates), with their evidence.

    ``actors`` is accepted for symmetry with the other stages (the side a speaker is on is not used:
    allies contradict each other too). Deterministic: links come out in article order of a, then b.
    """
    return weigh_links(opposed_pairs(claims, window_days), claims)


#: the fields of a claim `opposed_pairs` reads given the claims' `reading_order`: all but the confidence (only
#: `weigh_links` reads it) and the sentence span (`reading_order` reads it). What `graphkit.kept.kept_contradictions`
#: keys the pairs it keeps on, with the reading order; tests/test_incremental_resolve.py checks nothing else is read.
OPPOSED_FIELDS = tuple(f for f in Claim.model_fields if f not in ("confidence", "sentence_span"))


def opposed_pairs(claims: list[Claim], window_days: int = WINDOW_DAYS,
                  reading: Optional[tuple[list[Claim], list[Optional[int]]]] = None) -> list[tuple[float, Contradiction]]:
    """Every pair of ``claims`` that `_link` finds opposed, as (its strength, the link): the strength is its score
    before the attributions' confidence weighs it (`weigh_links`), which the link holds meanwhile. ``reading``: the
    claims' `reading_order`, when the caller has it. Of each claim this reads `OPPOSED_FIELDS` and the reading order
    alone: a rebuild whose appended line moved only confidences and a last sentence's end keeps these pairs
    (`graphkit.kept.kept_contradictions`)."""
    seen = _prepare(*(reading or reading_order(claims)))
    n = len(seen)
    df = Counter(x for s in seen for x in s.args)
    spec = {x: specificity(k, n) for x, k in df.items()}
    idf = concept_idf([s.claim for s in seen])
    out = []
    opposable = [may_oppose(s.claim) for s in seen]
    for i, j in _candidate_pairs(seen, spec, day_numbers([s.claim for s in seen]), window_days, opposable):
        link = _link(seen[i], seen[j], spec, idf)
        if link is not None:
            out.append(link)
    return out


def weigh_links(opposed: Iterable[tuple[float, Contradiction]], claims: Iterable[Claim]) -> list[Contradiction]:
    """The links of `opposed_pairs` scored with the attributions' confidence (the less sure of the two halves the
    strength at most: kept claims score >= the filter's threshold (0.4), and a plainly opposed pair of doubtful
    attributions should still fall below MIN_SCORE), capped per claim (`_cap`), in article order of a, then b."""
    by_id = {c.id: c for c in claims}
    links = []
    for strength, link in opposed:
        conf = 0.5 + 0.5 * min(by_id[link.a].confidence, by_id[link.b].confidence)
        links.append(link.model_copy(update={"score": round(strength * conf, 3)}))
    return sorted(_cap(links), key=lambda x: (_order_key(by_id[x.a]), _order_key(by_id[x.b])))


def _order_key(c: Claim):
    """A claim's place in reading order: its article, its sentence's start (else its content's), its content's start.

    >>> _order_key(Claim(id="c1", doc_id="003", speaker="X", speaker_id="actor:x", text="t", spans=[(40, 50)],
    ...                  cue="said", sentence_span=(30, 60)))
    ('003', 30, 40, 'c1')
    """
    return (c.doc_id, c.sentence_span[0] if c.sentence_span else c.spans[0][0], c.spans[0][0], c.id)


def reading_order(claims: Iterable[Claim]) -> tuple[list[Claim], list[Optional[int]]]:
    """The claims in article order, and for each the index of the claim just before it that its content points back
    at (anaphoric content close after it in the same article, "denied any such losses"), else None.

    >>> mk = lambda i, t, at: Claim(id=i, doc_id="d", speaker="X", speaker_id="actor:x", text=t, spans=[(at, at + 9)],
    ...                             cue="said", sentence_span=(at, at + 10))
    >>> ordered, refers = reading_order([mk("b", "denied any such losses", 20), mk("a", "they took Pokrovsk", 0)])
    >>> [c.id for c in ordered], refers
    (['a', 'b'], [None, 0])
    """
    ordered = sorted(claims, key=_order_key)
    refers: list[Optional[int]] = [None] * len(ordered)
    for k in range(1, len(ordered)):
        if _adjacent(ordered[k - 1], ordered[k]) and points_back(ordered[k].text):
            refers[k] = k - 1
    return ordered, refers


def _prepare(ordered: list[Claim], refers: list[Optional[int]]) -> list[_Seen]:
    """Claims in article order (`reading_order`), each with its arguments; anaphoric content takes the previous claim's.

    Equal argument sets are one object (`_one_of_each`): a frozenset is 216 B even when empty, one for every claim
    of the store, and the reports of one statement, the claims naming nothing, repeat the same set."""
    common = common_words(ordered)
    one = _one_of_each()
    seen = [_Seen(c, k, one(arguments(c, common)), None) for k, c in enumerate(ordered)]
    for k, back in enumerate(refers):
        if back is not None:
            seen[k].refers_to = back
            seen[k].args = one(seen[k].args | seen[back].args)
    return seen


def _one_of_each():
    """A function giving, for any hashable immutable value, the first equal value it was given.

    >>> one = _one_of_each()
    >>> a, b = frozenset({"x"}), frozenset({"x"})
    >>> one(a) is a and one(b) is a
    True
    """
    kept: dict = {}
    return lambda v: kept.setdefault(v, v)


def _adjacent(first: Claim, second: Claim, max_gap: int = 400) -> bool:
    """second follows first in the same article, close by (the callers pass neighbours in article order).

    >>> mk = lambda doc, at: Claim(id="c", doc_id=doc, speaker="X", speaker_id="actor:x", text="x",
    ...                            spans=[(at, at + 10)], cue="said")
    >>> _adjacent(mk("d", 0), mk("d", 200)), _adjacent(mk("d", 0), mk("d", 600)), _adjacent(mk("d", 0), mk("e", 20))
    (True, False, False)
    """
    if first.doc_id != second.doc_id:
        return False
    end = first.sentence_span[1] if first.sentence_span else first.spans[-1][1]
    start = second.sentence_span[0] if second.sentence_span else second.spans[0][0]
    return start - end <= max_gap


def _candidate_pairs(seen: list[_Seen], spec: dict[str, float], days: Optional[list[Optional[int]]] = None,
                     window_days: Optional[int] = None,
                     opposable: Optional[list[bool]] = None) -> Iterator[tuple[int, int]]:
    """Pairs (i < j) sharing a specific argument, in (i, j) order: an inverted index over arguments, posting
    lists of at most BLOCK_MAX claims (a longer one is a common word, not a specific matter). A pair of two
    articles is yielded only when it shares MIN_SHARED_ACROSS specific arguments (`_link` drops the others: on
    PolNeAR train nine pairs in ten were yielded only to be dropped there). With ``days`` (each claim's day
    number or None, `graphkit.statements.day_numbers`), a pair of two dated claims more than ``window_days``
    apart is not yielded either (`_link` drops it: in the 1M-claim bench, dated over ten years, nearly every pair).

    With ``opposable`` (each claim's `may_oppose`), a pair of two claims neither of which may oppose is not yielded
    either (`opposition` finds none: on PolNeAR train 16 % of the claims may, and seven pairs in ten were yielded
    only for `_link` to find no opposition); a claim that may is paired as before, its partners counted in full.

    Yielded claim by claim (each with its later partners) rather than collected: the set of every pair of the
    store was the largest thing contradictions held (~200 MB passing at 100k claims).

    >>> from types import SimpleNamespace as C
    >>> s = lambda doc, *a: _Seen(C(doc_id=doc), 0, frozenset(a), None)
    >>> list(_candidate_pairs([s("d", "x", "y"), s("d", "y"), s("e", "x", "y"), s("e", "z")],
    ...                       dict.fromkeys("xyz", 1.0)))
    [(0, 1), (0, 2)]
    >>> spec = {"x": 1.0, "y": 1.0, "w": 0.0}   # w is no specific argument: it pairs nothing, counts for nothing
    >>> list(_candidate_pairs([s("d", "w"), s("e", "w", "x"), s("f", "x", "y"), s("g", "x", "y", "w")], spec))
    [(2, 3)]
    >>> xy = dict.fromkeys("xy", 1.0)   # dated 0, 40 and never: the first two are more than 31 days apart
    >>> list(_candidate_pairs([s("d", "x", "y"), s("e", "x", "y"), s("f", "x", "y")], xy, [0, 40, None], 31))
    [(0, 2), (1, 2)]
    >>> list(_candidate_pairs([s("d", "x", "y"), s("e", "x", "y"), s("f", "x", "y")], xy,
    ...                       opposable=[False, False, True]))
    [(0, 2), (1, 2)]
    """
    # each claim's specific arguments (its own set when all are: no copy for most claims of a large store)
    specific = [s.args if all(spec[x] >= MIN_SPECIFICITY for x in s.args) else
                frozenset(x for x in s.args if spec[x] >= MIN_SPECIFICITY) for s in seen]
    docs = [s.claim.doc_id for s in seen]
    postings: dict[str, list[int]] = defaultdict(list)
    for k, args in enumerate(specific):
        for x in args:
            postings[x].append(k)
    # the partners of a claim that may not oppose: those that may, from each posting list short enough to block on
    partners = postings if opposable is None else \
        {x: [k for k in plist if opposable[k]] for x, plist in postings.items() if len(plist) <= BLOCK_MAX}
    for k, mine in enumerate(specific):
        hits: Counter = Counter()
        of = postings if opposable is None or opposable[k] else partners
        for x in mine:
            if len(postings[x]) <= BLOCK_MAX:
                plist = of[x]
                hits.update(plist[bisect_right(plist, k):])
        doc = docs[k]
        day = days[k] if days is not None and window_days is not None else None
        for j in sorted(hits):
            if day is not None and not near_days(day, days[j], window_days):
                continue  # in one article too: "won in 2010" is not about 2015
            if hits[j] >= MIN_SHARED_ACROSS or docs[j] == doc or len(mine & specific[j]) >= MIN_SHARED_ACROSS:
                yield k, j


def _days(a: Claim, b: Claim) -> Optional[int]:
    """Days between the two claims' dates, None when either has none.

    >>> mk = lambda date: Claim(id="c", doc_id="d", speaker="X", speaker_id="actor:x", text="x", spans=[(0, 1)],
    ...                         cue="said", date=date)
    >>> _days(mk("2025-11-01"), mk("2025-11-20")), _days(mk(None), mk("2025-11-20"))
    (19, None)
    """
    da, db = as_date(a.date), as_date(b.date)
    return abs((da - db).days) if da and db else None


def _link(x: _Seen, y: _Seen, spec: dict[str, float], idf: dict[str, float]) -> Optional[tuple[float, Contradiction]]:
    """The link between two claims (x before y in article order) with its strength (`opposed_pairs`), or None. The
    pair is one `_candidate_pairs` gave, so their dates are within ``window_days`` when both are known."""
    a, b = x.claim, y.claim
    same_speaker = a.speaker_id == b.speaker_id
    days = _days(a, b)
    if same_speaker and (days is None or days == 0 or a.doc_id == b.doc_id):
        return None                       # one actor's reversal needs two dates
    if min(_n_tokens(a.text), _n_tokens(b.text)) < MIN_WORDS:
        return None
    refers = y.refers_to == x.order
    shared = sorted((x.args & y.args), key=lambda w: (-spec[w], w))
    shared = [w for w in shared if spec[w] >= MIN_SPECIFICITY]
    if not shared or (a.doc_id != b.doc_id and len(shared) < MIN_SHARED_ACROSS):
        return None
    opp = opposition(a, b, refers)
    if opp is None:
        return None
    # what both say beyond the arguments and the opposing words: "Brown will play a central role" and
    # "(denied) Brown would be sidelined" share Brown, not what is said of him. Content pointing back at
    # the claim before it ("denied the charges", "they were annexed illegally") says it of that claim.
    points = refers and (opp.kind == "antonym" or (opp.kind == "denial" and b.stance in ("deny", "oppose")
                                                    and _answers_about_itself(b, x.args)))
    if points:
        m = 1.0                           # b points back at a and says the opposite of it
    else:
        m = match(a.text, b.text, idf, leave_out=_folded(opp.words) | _folded(x.args | y.args))
    if m < MIN_MATCH[opp.kind] or (opp.kind == "denial" and not points and not _denies_what_is_said(a, b)):
        return None
    said = {lemma(t) for w in opp.words for t in tokens(w)}
    shared = [w for w in shared if w not in said and w.removesuffix("ly") not in said] or shared   # not "legally"
    specific = spec[shared[0]]
    strength = STRENGTH[opp.kind] * (specific + m) / 2
    relation = "reverses" if same_speaker else "contradicts"
    issue = next((i for i in a.issues if i in b.issues), None)
    return strength, Contradiction(a=a.id, b=b.id, relation=relation, issue=issue, score=round(strength, 3),
                                   shared=tuple(shared[:5]), opposing=opp.words, days=days,
                                   reason=_reason(opp, a, b, shared, m, points))


def _answers_about_itself(denial: Claim, args: frozenset[str]) -> bool:
    """A denial of "the charges" / "the reports" answers the claim before it only when that claim is about
    the denier (Ailes denying an accuser's charges against Ailes), not whatever was said just before; ``args``: the
    arguments (lemmas) of the claim before it.

    >>> mk = lambda t: Claim(id="d", doc_id="d", speaker="Vladimir Putin", speaker_id="actor:x", text=t,
    ...                      spans=[(0, len(t))], cue="denied", stance="deny")
    >>> [_answers_about_itself(mk("the reports of his illness"), frozenset({"putin"})),
    ...  _answers_about_itself(mk("the reports of his illness"), frozenset({"zelensky"})),
    ...  _answers_about_itself(mk("any such plan"), frozenset({"zelensky"}))]
    [True, False, True]
    """
    if not ACCUSATION.search(" ".join(denial.text.split()[:4])):
        return True
    return any(lemma(w) in args for w in tokens(denial.speaker) if w not in STOP and w not in TITLES)


def _denies_what_is_said(a: Claim, b: Claim) -> bool:
    """The denial's predicate is one the other claim uses: "denied Brown would be sidelined" does not
    answer "Brown will play a central role", though both are about Brown.

    >>> mk = lambda t, st="assert", cue="said": Claim(id=t[:9], doc_id="d", speaker="X", speaker_id="actor:x",
    ...     text=t, spans=[(0, len(t))], cue=cue, stance=st)
    >>> denied = mk("Brown would be sidelined", "deny", "denied")
    >>> (_denies_what_is_said(mk("Brown will play a central role"), denied),
    ...  _denies_what_is_said(mk("Brown will be sidelined soon"), denied))
    (False, True)
    """
    d, other = (b, a) if b.stance in ("deny", "oppose") else (a, b)
    said = predicates(d.text)
    return bool(said & concepts(other.text))


def _folded(words: Iterable[str]) -> set[str]:
    """The concepts (`graphkit.words.concepts`) of ``words``: what `match` leaves out of two claims' contents.

    >>> sorted(_folded(["illegally", "annexed"]))
    ['annex', 'illegal']
    """
    return {c for w in words for c in concepts(w)}


def _reason(opp: Opposition, a: Claim, b: Claim, shared: list[str], m: float, refers: bool) -> str:
    """The link's sentence of reason: how the two oppose, in whose words, about what, and how their contents meet
    (``m``, the content match, or, ``refers``, b's content pointing back at a).

    >>> mk = lambda sp, t: Claim(id=sp, doc_id="d", speaker=sp, speaker_id="actor:x", text=t, spans=[(0, 9)],
    ...                          cue="said")
    >>> _reason(Opposition("denial", ("captured", "denied")), mk("Russia", "they captured Pokrovsk"),
    ...         mk("Ukraine", "any such losses"), ["pokrovsk"], 0.0, True)
    "denial: Russia 'captured' ('they captured Pokrovsk') vs Ukraine 'denied' ('any such losses'); both about pokrovsk;
    points back at it"
    """
    how = "points back at it" if refers else f"content match {m:.2f}"
    return (f"{opp.kind}: {a.speaker} {opp.words[0]!r} ({shorten(a.text, 60)!r}) vs {b.speaker} {opp.words[1]!r} "
            f"({shorten(b.text, 60)!r}); both about {', '.join(shared[:3])}; {how}")


def _cap(links: list[Contradiction]) -> list[Contradiction]:
    """At most MAX_LINKS_PER_CLAIM links per claim, best score first, unless each of the claim's links has
    a shared argument none of its other links has (one claim answering several distinct matters).

    >>> L = lambda b, score, shared: Contradiction(a="c", b=b, reason="r", score=score, shared=(shared,))
    >>> [x.b for x in _cap([L("x1", 0.9, "pokrovsk"), L("x2", 0.8, "pokrovsk"), L("x3", 0.7, "pokrovsk"),
    ...                     L("x4", 0.6, "pokrovsk")])]
    ['x1', 'x2', 'x3']
    >>> [x.b for x in _cap([L("x1", 0.9, "pokrovsk"), L("x2", 0.8, "kupiansk"), L("x3", 0.7, "siversk"),
    ...                     L("x4", 0.6, "huliaipole")])]
    ['x1', 'x2', 'x3', 'x4']
    """
    kept: dict[str, list[Contradiction]] = defaultdict(list)
    out = []
    for link in sorted(links, key=lambda x: (-x.score, x.a, x.b)):
        if all(_room(kept[c], link) for c in (link.a, link.b)):
            out.append(link)
            kept[link.a].append(link)
            kept[link.b].append(link)
    return out


def _room(links: list[Contradiction], new: Contradiction) -> bool:
    """Whether a claim holding ``links`` may take ``new`` too: under `MAX_LINKS_PER_CLAIM`, or each link then with a
    shared argument of its own (`own_arguments`).

    >>> L = lambda b, shared: Contradiction(a="c", b=b, reason="r", score=0.5, shared=(shared,))
    >>> three = [L("x1", "pokrovsk"), L("x2", "pokrovsk"), L("x3", "pokrovsk")]
    >>> _room(three[:2], L("x4", "pokrovsk")), _room(three, L("x4", "pokrovsk")), _room(three[:1], L("x4", "siversk"))
    (True, False, True)
    """
    if len(links) < MAX_LINKS_PER_CLAIM:
        return True
    return own_arguments([*links, new])


def own_arguments(links: list[Contradiction]) -> bool:
    """Each link has a shared argument that none of the others has."""
    for k, link in enumerate(links):
        others = {w for q, o in enumerate(links) if q != k for w in o.shared}
        if not set(link.shared) - others:
            return False
    return True
