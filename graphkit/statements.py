"""One statement reported by several articles: fold its reports into one claim (``same_as``).

Two claims are the same statement when they have the same speaker, come from different articles, were
made at compatible dates, and say the same thing: near-identical wording (rapidfuzz ``token_set_ratio`` /
``partial_ratio``) or, for paraphrases, enough shared *concepts* (content-word lemmas, folded through the
paraphrase groups of ``models/links.yaml``, weighted by how rare they are in the corpus).
``merge_reports`` keeps the earliest report and marks the others ``same_as`` it.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from bisect import bisect_right
from collections import Counter, defaultdict
from functools import lru_cache
from typing import Callable, Optional

from rapidfuzz import fuzz

from .issues import MAX_ISSUES, best_scored
from .records import Claim, compact
from .words import concepts

__all__ = ["merge_reports", "report_clusters", "fold_clusters", "same_statement_score", "concept_idf", "as_date",
           "best_issues", "MERGE_THRESHOLD", "MERGED_ISSUES_BEST"]


@lru_cache(maxsize=1 << 16)
def _norm(text: str) -> str:
    """A claim's words compared as wording: lower case, curly apostrophes straight, double quotation marks
    dropped, one space between words.

    >>> _norm("  “We  WON’T   go,” he said ")
    "we won't go, he said"
    """
    t = (text or "").lower().replace("\u2019", "'").replace("\u2018", "'")
    t = re.sub(r"[\u201c\u201d\"]", "", t)
    return re.sub(r"\s+", " ", t).strip()


@lru_cache(maxsize=1 << 16)
def as_date(s: Optional[str]) -> Optional[dt.date]:
    """'YYYY-MM-DD' / 'YYYY-MM' / 'YYYY' → a date (first day of the period); cached: merging compares
    every pair of one speaker's claims."""
    if not s:
        return None
    parts = [int(p) for p in s.split("-")]
    while len(parts) < 3:
        parts.append(1)
    try:
        return dt.date(*parts)
    except ValueError:
        return None


DATES_MAX_APART = 31  # days: the widest gap `_dates_compatible` allows between two dates (a month's precision)


def _dates_compatible(a: Claim, b: Claim, max_days: int = 3, max_publication_days: int = 30) -> bool:
    """Could a and b be the same act of speech, judging by their dates? Never when both are dated and further
    apart than DATES_MAX_APART days (``max_days`` and ``max_publication_days`` stay within it).

    >>> from graphkit.records import Claim
    >>> mk = lambda date, basis="explicit", precision="day": Claim(id="c", doc_id="d", speaker="X", speaker_id="actor:x",
    ...     text="t", spans=[(0, 1)], cue="said", date=date, date_basis=basis, date_precision=precision)
    >>> _dates_compatible(mk("2025-11-25"), mk("2025-11-27")), _dates_compatible(mk("2025-11-25"), mk("2025-12-01"))
    (True, False)
    >>> _dates_compatible(mk("2025-11-02"), mk("2025-11-25", "publication"))  # said on or before the publication
    True
    >>> _dates_compatible(mk("2025-11-25"), mk("2025-10-20", "publication"))  # published before it was said
    False
    >>> _dates_compatible(mk("2025-11", precision="month"), mk("2025-11-28")), _dates_compatible(mk(None), mk("1999"))
    (True, True)
    """
    da, db = as_date(a.date), as_date(b.date)
    if da is None or db is None:
        return True
    if a.date_precision not in (None, "day") or b.date_precision not in (None, "day"):
        # month/week/year: the coarser period must contain the other date's month at least
        return abs((da - db).days) <= DATES_MAX_APART
    if a.date_basis == "publication" or b.date_basis == "publication":
        # a publication date only says "on or before": the statement may be older
        pa, pb = a.date_basis == "publication", b.date_basis == "publication"
        if pa and pb:
            return abs((da - db).days) <= max_publication_days
        said, bound = (db, da) if pa else (da, db)
        return -max_days <= (bound - said).days <= max_publication_days
    return abs((da - db).days) <= max_days


def _same_news_cycle(a: Claim, b: Claim) -> bool:
    """Both dated to the day, at most CONCEPT_MAX_DAYS apart: a paraphrase may be one statement.

    >>> from graphkit.records import Claim
    >>> mk = lambda date, precision="day": Claim(id="c", doc_id="d", speaker="X", speaker_id="actor:x", text="t",
    ...     spans=[(0, 1)], cue="said", date=date, date_precision=precision)
    >>> _same_news_cycle(mk("2025-11-25"), mk("2025-11-26")), _same_news_cycle(mk("2025-11-25"), mk("2025-11-28"))
    (True, False)
    >>> _same_news_cycle(mk("2025-11", "month"), mk("2025-11-25")), _same_news_cycle(mk(None), mk("2025-11-25"))
    (False, False)
    """
    da, db = as_date(a.date), as_date(b.date)
    return (da is not None and db is not None and a.date_precision in (None, "day")
            and b.date_precision in (None, "day") and abs((da - db).days) <= CONCEPT_MAX_DAYS)


def concept_idf(claims: list[Claim]) -> dict[str, float]:
    """Smoothed inverse document frequency of concepts over the claims (>= 1.0 means rare).

    A concept is rare (weight >= 1) when at most 2 claims, or at most 10% of them, use it.
    """
    df = Counter()
    for c in claims:
        df.update(concepts(c.text))
    n = max(len(claims), 1)
    common = max(2, 0.1 * n)
    return {w: (1.0 + math.log(common / k) if k <= common else common / k) for w, k in df.items()}


WORDING_THRESHOLD = 0.88   # rapidfuzz token_set_ratio / partial_ratio, 0..1: near-identical wording
CONCEPT_THRESHOLD = 0.8    # idf-weighted overlap of concepts, over the smaller claim
MIN_SHARED_CONCEPTS = 3    # ... with at least this many concepts in common, two of them not common words
CONCEPT_MAX_DAYS = 1       # ... and both dated to the day, at most this many days apart
MIN_WORDING_CONCEPTS = 3   # a content with fewer concepts merges only when the whole wording is the same


def same_statement_score(a: str, b: str, idf: Optional[dict[str, float]] = None) -> tuple[float, str]:
    """How likely two contents are one statement, and why: 1.0 is certain, >= 0.5 counts as the same.

    Wording (rapidfuzz; a content of fewer than MIN_WORDING_CONCEPTS concepts as a whole) above WORDING_THRESHOLD, or
    concepts above CONCEPT_THRESHOLD with MIN_SHARED_CONCEPTS shared, map to 0.5..1; anything else stays
    below 0.5. Set on PolNeAR train (bench/README.md, "same_as"): of 40 merged reports judged with the
    earlier 0.25 concept threshold (fitted to the sample's two paraphrases), 16 of 17 wording merges were
    one statement and 5 of 23 concept merges; concept merges at >= 0.8 and a day apart were.

    >>> same_statement_score("Russia will not accept any plan", "Russia won't accept any plan!")[0] >= 0.5
    True
    >>> same_statement_score("he believes the peace plan could form the basis for a final settlement",
    ...                      "he had reviewed a US draft that might serve as a basis for a future agreement")
    (0.49, 'concepts 0.67 (agreement, basis, future, plan)')
    >>> same_statement_score("the talks were constructive", "the war must end")[0] < 0.5
    True
    """
    ca, cb = concepts(a), concepts(b)
    shared = ca & cb
    wording, wwhy = 0.0, "token_set_ratio"
    # near-identical wording shares most content words: skip the string comparison otherwise
    if len(shared) * 2 >= min(len(ca), len(cb)):
        na, nb = _norm(a), _norm(b)
        cut = WORDING_THRESHOLD * 100
        if min(len(ca), len(cb)) < MIN_WORDING_CONCEPTS:
            # a short content is one statement only as a whole: "declined to comment" is not a part of
            # "declined to comment on the report"
            wording, wwhy = fuzz.ratio(na, nb, score_cutoff=cut) / 100, "ratio"
        else:
            tsr = fuzz.token_set_ratio(na, nb, score_cutoff=cut) / 100
            pr = fuzz.partial_ratio(na, nb, score_cutoff=cut) / 100 if min(len(na), len(nb)) >= 40 else 0.0
            wording, wwhy = max((tsr, "token_set_ratio"), (pr, "partial_ratio"))
    best, why = (0.5 * wording / WORDING_THRESHOLD if wording < WORDING_THRESHOLD
                 else 0.5 + 0.5 * (wording - WORDING_THRESHOLD) / (1 - WORDING_THRESHOLD)), f"wording {wording:.2f} ({wwhy})"
    if shared:
        w = idf or {}
        # fsum: a sum over a set in its iteration order (which changes with the process's string hash seed)
        # rounded differently from run to run, and ties between equally good pairs broke differently
        weight = lambda s: math.fsum(w.get(x, 1.0) for x in s)  # noqa: E731
        overlap = weight(shared) / min(weight(ca), weight(cb))
        rare = [x for x in shared if w.get(x, 1.0) >= 1.0]
        ok = overlap >= CONCEPT_THRESHOLD and len(shared) >= MIN_SHARED_CONCEPTS and len(rare) >= 2
        score = (0.5 + 0.5 * (overlap - CONCEPT_THRESHOLD) / (1 - CONCEPT_THRESHOLD)) if ok else min(0.49, overlap)
        if score > best:
            best, why = score, f"concepts {overlap:.2f} ({', '.join(sorted(shared))})"
    return best, why


MERGE_THRESHOLD = 0.5
ALL_PAIRS_UP_TO = 300   # a speaker with more claims is compared through shared rare concepts only
BLOCK_KEYS = 6          # the rarest concepts of a claim that may pair it with another
BLOCK_MAX = 200         # a concept used by more of one speaker's claims pairs nothing by itself


def day_numbers(claims: list[Claim]) -> list[Optional[int]]:
    """Each claim's date as a day number (`as_date`'s ordinal), None when it has none: what `_speaker_pairs`
    compares to leave out pairs further apart than any two reports of one statement."""
    out = []
    for c in claims:
        d = as_date(c.date)
        out.append(d.toordinal() if d is not None else None)
    return out


def near_days(a: Optional[int], b: Optional[int], limit: int) -> bool:
    """Whether two day numbers (`day_numbers`) may belong together: either unknown, or at most ``limit`` days apart.
    The one check merging (`_speaker_pairs`) and contradictions (graphkit.contradict) use to leave out pairs.

    >>> near_days(0, 31, 31), near_days(40, 0, 31), near_days(None, 400, 31)
    (True, False, True)
    """
    return a is None or b is None or -limit <= a - b <= limit


def _by_stretch(plist: list[int], days: Optional[list[Optional[int]]]) -> dict[Optional[int], list[int]]:
    """A posting list (ascending claim indexes) split by stretch of DATES_MAX_APART + 1 days (None: undated; without
    ``days``, everything under None), each part ascending: two claims at most DATES_MAX_APART days apart are in the
    same stretch or in two beside each other.

    >>> _by_stretch([1, 2, 3, 4], [None, 0, 40, None, 70])
    {0: [1], 1: [2], None: [3], 2: [4]}
    """
    out: dict[Optional[int], list[int]] = {}
    for j in plist:
        d = days[j] if days is not None else None
        out.setdefault(None if d is None else d // (DATES_MAX_APART + 1), []).append(j)
    return out


def may_be_one_statement(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two contents with these concepts (`graphkit.words.concepts`) can score above 0 in
    `same_statement_score`: they share a concept, or one has none (compared then by its whole wording). Two
    contents sharing no concept score 0: the wording is compared only when they share at least half of the smaller
    one's concepts, and the concept overlap is 0.

    >>> may_be_one_statement(frozenset({"plan", "russia"}), frozenset({"plan"})), may_be_one_statement(frozenset(), frozenset({"war"}))
    (True, True)
    >>> may_be_one_statement(frozenset({"plan"}), frozenset({"war"}))
    False
    >>> same_statement_score("the plan", "the war")[0]
    0.0
    """
    return not a or not b or not a.isdisjoint(b)


def _speaker_pairs(claims: list[Claim], idx: list[int], idf: dict[str, float],
                   days: Optional[list[Optional[int]]] = None):
    """Candidate pairs (i < j) among one speaker's claims.

    Up to ALL_PAIRS_UP_TO claims every pair is scored. Above, pairs are generated from
    an inverted index of each claim's BLOCK_KEYS rarest concepts (a posting list longer than
    BLOCK_MAX is skipped), so a speaker with 50,000 claims costs about 50,000 x 6 x 200
    comparisons at most instead of 1.25 billion. Two reports of one statement share their
    rare words, so what blocking misses is pairs that share only common words.

    Pairs within one article are left out (two claims of one article are two statements, `report_clusters`
    scores them 0), and so are pairs that share no concept while both have some (`may_be_one_statement`:
    `same_statement_score` gives them 0; three pairs in four of PolNeAR train's speakers' pairs), and each claim's later partners are yielded together, not remembered in a set of every
    pair yielded (that set held millions of pairs for one speaker's 86,000 claims in one 5 MB article).
    With ``days`` (`day_numbers`), so are pairs both dated and further apart than `_dates_compatible` allows,
    which `report_clusters` scores 0 too: a speaker quoted over ten years is compared within months, not
    across the decade (the 1M-claim bench: most of merging's pairs, each scored only to be dropped).

    >>> from graphkit.records import Claim
    >>> mk = lambda i, t: Claim(id=f"c{i}", doc_id=f"d{i}", speaker="X", speaker_id="actor:x", text=t,
    ...                         spans=[(0, len(t))], cue="said")
    >>> cs = [mk(i, f"filler words number {i} about nothing") for i in range(400)]
    >>> cs += [mk(400, "Russia will never accept the Anchorage betrayal"), mk(401, "Russia never accepts an Anchorage betrayal")]
    >>> (400, 401) in set(_speaker_pairs(cs, list(range(402)), concept_idf(cs)))
    True
    """
    if len(idx) <= ALL_PAIRS_UP_TO:
        return _every_pair(claims, idx, days)
    return _blocked_pairs(claims, idx, idf, days)


def _every_pair(claims: list[Claim], idx: list[int], days: Optional[list[Optional[int]]]):
    """`_speaker_pairs` of a speaker with few claims: every pair of two articles, near enough in time and sharing a
    concept (or one of them having none)."""
    said = [concepts(claims[i].text) for i in idx]
    for x in range(len(idx)):
        doc, dx, cx = claims[idx[x]].doc_id, days[idx[x]] if days is not None else None, said[x]
        for y in range(x + 1, len(idx)):
            if claims[idx[y]].doc_id != doc and (dx is None or near_days(dx, days[idx[y]], DATES_MAX_APART)) \
                    and may_be_one_statement(cx, said[y]):
                yield idx[x], idx[y]


def _blocked_pairs(claims: list[Claim], idx: list[int], idf: dict[str, float], days: Optional[list[Optional[int]]]):
    """`_speaker_pairs` of a speaker with many claims: the pairs sharing one of their BLOCK_KEYS rarest concepts
    (`_block_postings`), each claim's later partners together, of two articles and near enough in time."""
    keys_of, spans = _block_postings(claims, idx, idf, days)
    for i in idx:
        doc = claims[i].doc_id
        later: set[int] = set()
        di = days[i] if days is not None else None
        for w in keys_of.pop(i):
            parts = spans.get(w)
            if parts is None:
                continue
            if di is None:
                lists = parts.values()
            else:
                q = di // (DATES_MAX_APART + 1)
                lists = (parts.get(q - 1, ()), parts.get(q, ()), parts.get(q + 1, ()), parts.get(None, ()))
            for plist in lists:
                later.update(plist[bisect_right(plist, i):])
        for j in sorted(later):
            if claims[j].doc_id != doc and (di is None or near_days(di, days[j], DATES_MAX_APART)):
                yield i, j


def _block_postings(claims: list[Claim], idx: list[int], idf: dict[str, float], days: Optional[list[Optional[int]]]
                    ) -> tuple[dict[int, list[str]], dict[str, dict]]:
    """(each claim's BLOCK_KEYS rarest concepts, each usable concept's posting list split by stretch of time): a
    posting list of one claim pairs nothing and one longer than BLOCK_MAX is a common word, both left out. With dates,
    a list is split by stretches of DATES_MAX_APART + 1 days (the undated apart, `_by_stretch`): a claim reads only its
    own stretch, the two beside it and the undated, not a decade of one speaker's claims."""
    keys_of: dict[int, list[str]] = {}
    postings: dict[str, list[int]] = defaultdict(list)
    for i in idx:  # (idx ascends: so does each posting list)
        keys_of[i] = sorted(concepts(claims[i].text), key=lambda w: (-idf.get(w, 1.0), w))[:BLOCK_KEYS]
        for w in keys_of[i]:
            postings[w].append(i)
    return keys_of, {w: _by_stretch(plist, days) for w, plist in postings.items() if 2 <= len(plist) <= BLOCK_MAX}


def merge_reports(claims: list[Claim], threshold: float = MERGE_THRESHOLD, keep_reports: bool = False, *,
                  consume: bool = False, clusters: Optional[Callable[[list[Claim], float], list[list[int]]]] = None,
                  taxonomy_order: Optional[dict[str, int]] = None) -> list[Claim]:
    """One claim per statement: the same speaker's same statement in several articles is merged.

    The kept claim is the earliest-dated (then the first article by doc_id); its
    ``reports`` lists the other articles, its issues and places gain theirs (at most
    `graphkit.issues.MAX_ISSUES` issues, the best scored: `best_issues`, ties in the
    taxonomy's order, ``taxonomy_order``: `graphkit.issue_model.issue_order`). Each
    article keeps at most one claim per merged statement (two claims of one
    article are two statements), pairs are taken best first, so the result does
    not depend on the input order. With ``keep_reports=True`` the other articles'
    claims are returned too, each with ``same_as`` set to the kept claim's id
    (they carry that article's offsets: the provenance of every report).

    ``consume=True``: ``claims`` is sorted in place and emptied as merged copies replace its records, so a
    caller handing over a store's claims never holds them twice (the originals of merged reports and their
    copies were ~0.4 GB at a million claims). The result is the same.

    ``clusters``: what finds the statements among the sorted claims in place of `report_clusters`, called as
    ``clusters(claims, threshold)`` (a build's resolution gives `graphkit.kept.kept_report_clusters`, which reuses
    the last resolution's when the claims and the threshold are the same).

    >>> from graphkit.records import Claim
    >>> mk = lambda i, d, t, date: Claim(id=i, doc_id=d, speaker="Lavrov", speaker_id="actor:sergey-lavrov", text=t,
    ...                                  spans=[(0, len(t))], cue="said", date=date, date_precision="day",
    ...                                  date_basis="relative")
    >>> out = merge_reports([mk("b1", "001", "Russia won't accept any plan that erases the spirit of Anchorage", "2025-11-25"),
    ...                      mk("a1", "000", "Russia will not accept any plan that erases the spirit of Anchorage", "2025-11-25")])
    >>> [(c.id, c.reports) for c in out]
    [('a1', ('001',))]
    """
    order = lambda c: (c.doc_id, c.spans[0], c.id)  # noqa: E731
    if consume:
        claims.sort(key=order)
    else:
        claims = sorted(claims, key=order)
    groups = (clusters or report_clusters)(claims, threshold)
    out = fold_clusters(claims, groups, keep_reports, taxonomy_order)
    claims.clear()
    return out


#: the fields of a claim `report_clusters` reads (with the claims' order): what `graphkit.kept.kept_report_clusters`
#: keys the groups it keeps on (tests/test_incremental_resolve.py checks nothing else is read)
CLUSTER_FIELDS = ("id", "doc_id", "spans", "speaker_id", "text", "date", "date_precision", "date_basis")


def report_clusters(claims: list[Claim], threshold: float = MERGE_THRESHOLD) -> list[list[int]]:
    """The statements among ``claims`` (sorted by article and offset): each a list of the indexes of its reports,
    the first-ranked (`_rank`: earliest date, then article) first; a claim reported once is a list of one.

    Pairs are one speaker's claims (`_statement_pairs`), scored by `same_statement_score` with the concept idf
    of all the claims (`_one_statement`), joined best first (`_join_best_first`); a cluster never holds two claims
    of one article, and every report of a cluster is one statement with every other (no chains: a ~ b ~ c with a
    and c two statements)."""
    idf = concept_idf(claims)

    def same(i: int, j: int) -> float:
        return _one_statement(claims[i], claims[j], idf, threshold)

    out = _join_best_first(claims, _statement_pairs(claims, idf, same), same)
    for g in out:
        g.sort(key=lambda i: _rank(claims[i]))
    return out


def _one_statement(a: Claim, b: Claim, idf: dict, threshold: float) -> float:
    """The score of claims ``a`` and ``b`` when they are one statement (two articles, compatible dates, worded alike
    or of one news cycle, scored ``threshold`` at least), else 0.

    >>> from graphkit.records import Claim
    >>> mk = lambda doc, text, date: Claim(id="c", doc_id=doc, speaker="X", speaker_id="actor:x", text=text,
    ...     spans=[(0, 1)], cue="said", date=date, date_precision="day")
    >>> a = mk("000", "Russia will not accept any plan that erases the spirit of Anchorage", "2025-11-25")
    >>> b = mk("001", "Russia won't accept any plan that erases the spirit of Anchorage", "2025-11-25")
    >>> _one_statement(a, b, {}, 0.5) >= 0.5, _one_statement(a, b.model_copy(update={"doc_id": "000"}), {}, 0.5)
    (True, 0.0)
    >>> _one_statement(a, b.model_copy(update={"date": "2025-12-20"}), {}, 0.5)  # a month on: said again
    0.0
    """
    if a.doc_id == b.doc_id or not _dates_compatible(a, b):
        return 0.0
    score, why = same_statement_score(a.text, b.text, idf)
    return score if score >= threshold and (why.startswith("wording") or _same_news_cycle(a, b)) else 0.0


def _statement_pairs(claims: list[Claim], idf: dict, same) -> list[tuple[float, int, int]]:
    """The pairs of one speaker's claims (`_speaker_pairs`) that are one statement: ``(-score, i, j)``, best first."""
    by_speaker: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(claims):
        by_speaker[c.speaker_id].append(i)
    pairs = []
    days = day_numbers(claims)
    for idx in by_speaker.values():
        for i, j in _speaker_pairs(claims, idx, idf, days):
            if score := same(i, j):
                pairs.append((-score, i, j))
    pairs.sort()
    return pairs


def _join_best_first(claims: list[Claim], pairs: list[tuple[float, int, int]], same) -> list[list[int]]:
    """The clusters of ``claims`` the ``pairs`` join, best pair first (a union-find): a pair is joined when its two
    clusters share no article and every report of one is one statement (``same``) with every report of the other.
    Each cluster a list of claim indexes in index order; a claim no pair joins is one of its own."""
    # a cluster's articles and members are kept for merged clusters only (a set and a list for every claim of a
    # million were ~300 B each): a claim on its own is its article and itself
    parent = list(range(len(claims)))
    docs: dict[int, set[str]] = {}
    members: dict[int, list[int]] = {}

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for _, i, j in pairs:
        ri, rj = find(i), find(j)
        if ri == rj:
            continue
        docs_i, docs_j = docs.get(ri) or {claims[ri].doc_id}, docs.get(rj) or {claims[rj].doc_id}
        if docs_i & docs_j:
            continue
        mem_i, mem_j = members.get(ri, [ri]), members.get(rj, [rj])
        if not all(same(x, y) for x in mem_i for y in mem_j if (x, y) not in ((i, j), (j, i))):
            continue
        parent[rj] = ri
        docs[ri], members[ri] = docs_i | docs_j, mem_i + mem_j
        docs.pop(rj, None), members.pop(rj, None)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(claims)):
        groups[find(i)].append(i)
    return list(groups.values())


def _rank(c: Claim) -> tuple:
    """Which report of a statement is kept: the earliest dated (a publication date only after a said one), then
    the first article, then the first offset.

    >>> from graphkit.records import Claim
    >>> mk = lambda i, doc, date, basis: Claim(id=i, doc_id=doc, speaker="X", speaker_id="actor:x", text="t",
    ...     spans=[(5, 6)], cue="said", date=date, date_basis=basis, date_precision="day")
    >>> reports = [mk("a", "000", "2025-11-26", "explicit"), mk("b", "001", "2025-11-25", "publication"),
    ...            mk("c", "002", "2025-11-26", "explicit"), mk("d", "003", None, "unknown")]
    >>> [c.id for c in sorted(reports, key=_rank)]
    ['a', 'c', 'b', 'd']
    """
    d = as_date(c.date)
    return (d is None, c.date_basis == "publication", d or dt.date.max, c.doc_id, c.spans[0])


def fold_clusters(claims: list[Optional[Claim]], groups: list[list[int]], keep_reports: bool,
                  taxonomy_order: Optional[dict[str, int]] = None) -> list[Claim]:
    """One claim per group of `report_clusters`: its first report with the others' articles (``reports``), issues
    (the best, ties in ``taxonomy_order``: `best_issues`) and places; with ``keep_reports`` the others too, each
    ``same_as`` it and with its own issues (each report's as its article gave them). In the order of ``claims``.

    Each group's records in ``claims`` are set to None once folded: when the caller holds no other reference
    (`merge_reports` with ``consume``), the originals are freed as their merged copies are made."""
    keep: dict[int, Claim] = {}
    for members in groups:
        head = claims[members[0]]
        if len(members) > 1:
            others = [claims[i] for i in members[1:]]
            head = _merged_head(head, others, taxonomy_order)
        keep[members[0]] = head
        if keep_reports:
            for i in members[1:]:
                keep[i] = compact(claims[i], {"same_as": head.id, "reports": head.reports and tuple(
                    sorted({head.doc_id, *head.reports} - {claims[i].doc_id}))})
        for i in members:
            claims[i] = None
    return [keep[i] for i in sorted(keep)]


def _merged_head(head: Claim, others: list[Claim], taxonomy_order: Optional[dict[str, int]] = None) -> Claim:
    """The kept report of a statement with the other reports' articles, issues, issue triggers and scores, places:
    of the issues the best scored (`best_issues`, ties in ``taxonomy_order``), each at its best score, with its
    triggers in every report.

    >>> from graphkit.records import Claim
    >>> mk = lambda doc, issues, scores, places: Claim(id="c" + doc, doc_id=doc, speaker="X", speaker_id="actor:x",
    ...     text="t", spans=[(0, 1)], cue="said", issues=issues, issue_scores=scores, places=places)
    >>> head = _merged_head(mk("000", ("Europe",), (("Europe", 0.5),), ("Kyiv",)),
    ...                     [mk("001", ("NATO", "Europe"), (("NATO", 1.0), ("Europe", 0.9)), ("Moscow", "Kyiv"))])
    >>> head.reports, head.issues, head.issue_scores, head.places
    (('001',), ('Europe', 'NATO'), (('Europe', 0.9), ('NATO', 1.0)), ('Kyiv', 'Moscow'))
    """
    reports = sorted(set(head.reports) | {o.doc_id for o in others} | {r for o in others for r in o.reports})
    issues = list(head.issues) + [x for o in others for x in o.issues if x not in head.issues]
    issues = list(dict.fromkeys(issues))
    scores: dict[str, float] = {}
    for n, sc in [*head.issue_scores, *(x for o in others for x in o.issue_scores)]:
        scores[n] = max(sc, scores.get(n, 0.0))
    triggers = list(dict.fromkeys(list(head.issue_triggers) + [t for o in others for t in o.issue_triggers]))
    kept = best_issues(issues, scores, taxonomy_order) if MERGED_ISSUES_BEST else issues
    if kept != issues:  # (a statement within the limit is left as gathered)
        issues, scores = kept, {n: sc for n, sc in scores.items() if n in kept}
        triggers = [t for t in triggers if t[0] in kept]
    places = list(dict.fromkeys(list(head.places) + [p for o in others for p in o.places]))
    return compact(head, {  # (a model_copy would get a dict and a 1.2 kB fields set of its own)
        "reports": tuple(r for r in reports if r != head.doc_id), "issues": tuple(issues),
        "issue_triggers": tuple(triggers), "issue_scores": tuple(scores.items()), "places": tuple(places)})


#: a statement several articles report is about at most `graphkit.issues.MAX_ISSUES` issues, as one report is: the best
#: scored of its reports' (`best_issues`), not their union (on PolNeAR train at -104, 1 of 178 merged statements had 4)
MERGED_ISSUES_BEST = True


def best_issues(issues: list[str], scores: dict[str, float], order: Optional[dict[str, int]] = None,
                limit: int = MAX_ISSUES) -> list[str]:
    """The issues a statement keeps of its reports' ``issues`` (in the order gathered: the kept report's, then each
    other's new ones), each at its best ``scores``: at most ``limit``, the best scored, as
    `graphkit.issues.assign_claim` keeps a report's (`graphkit.issues.best_scored`); a tie goes to the issue first in
    the taxonomy (``order``: issue name → position, `graphkit.issue_model.issue_order`; a name it lacks after every
    one it has), then to the one gathered first (no ``order``: the kept report's first). In the order gathered.

    >>> best_issues(["tax", "pensions", "ID cards", "NHS"], {"tax": 0.5, "pensions": 0.75, "ID cards": 0.5, "NHS": 0.5},
    ...             {"NHS": 0, "ID cards": 1, "tax": 2})
    ['pensions', 'ID cards', 'NHS']
    >>> best_issues(["tax", "pensions", "ID cards", "NHS"], {"tax": 0.5, "pensions": 0.5, "ID cards": 0.5, "NHS": 0.5})
    ['tax', 'pensions', 'ID cards']
    """
    if len(issues) <= limit:
        return list(issues)
    order = order or {}
    rank = {n: (order.get(n, len(order)), k) for k, n in enumerate(issues)}
    kept = set(best_scored(issues, lambda n: scores.get(n, 0.0), rank.__getitem__, limit))
    return [n for n in issues if n in kept]
