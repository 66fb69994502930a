"""Claims that answer each other: one statement reported by several articles, and opposing claims.

``merge_reports`` folds the same statement, reported by several articles, into
one claim whose ``reports`` lists the other articles. Two claims are the same
statement when they have the same speaker, come from different articles, were
made at compatible dates, and say the same thing: near-identical wording
(rapidfuzz ``token_set_ratio`` / ``partial_ratio``) or, for paraphrases, enough
shared *concepts* (content-word lemmas, folded through a small paraphrase lexicon
of diplomatic news, weighted by how rare they are in the corpus).

``find_contradictions`` links opposing claims by different speakers on the same
issue (and place, when both name one), each with a ``reason``:

- **denial**: a ``deny`` claim against an asserted claim it answers: content
  words in common, or the denial's anaphoric content ("denied any such losses")
  right after the claim it answers in the same article; an ``oppose`` claim
  pointing back the same way ("Russia rejects that option") counts too;
- **legality**: one claim calls a thing legal/lawful/legitimate, the other
  illegal/unlawful/illegitimate ("legally part of Russia" / "annexed illegally");
- **stance**: within one article, one claim is for a word naming the issue (its
  ``context:`` triggers: "truce", "sanctions", "NATO") that both use, the other against it ("we are in favour of a truce" / "we don't need a truce", "a
  short-term truce is not the way"); across articles a shared word is too weak;
- speakers from the same side (actor ``country``, when known) contradict each
  other only by stance; a denial across articles needs opposing sides.

>>> from graphkit.records import Claim
>>> a = Claim(id="a", doc_id="003", speaker="Russian officials", speaker_id="actor:russian-officials",
...           text="they had captured Pokrovsk", spans=[(100, 126)], cue="claimed", issues=("territory",),
...           places=("Pokrovsk",), sentence_span=(60, 127))
>>> b = Claim(id="b", doc_id="003", speaker="Ukrainian authorities", speaker_id="actor:ukraine",
...           text="any such losses", spans=[(156, 171)], cue="denied", stance="deny", issues=("territory",),
...           sentence_span=(128, 172))
>>> [(c.a, c.b, c.issue) for c in find_contradictions([a, b])]
[('a', 'b', 'territory')]
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter, defaultdict
from functools import lru_cache
from typing import Iterable, Optional

from rapidfuzz import fuzz

from .issues import light_lemma
from .records import Actor, Claim, Contradiction

__all__ = ["merge_reports", "find_contradictions", "same_statement_score", "concepts"]

# --- words ---------------------------------------------------------------------------------------

_STOP = set("""
a about above after again against all also am an and any are aren't as at be because been before being below
between both but by can cannot could couldn't did didn't do does doesn't doing don't down during each even
few for from further had hadn't has hasn't have haven't having he her here hers herself him himself his how
however i if in into is isn't it its itself just let me more most must mustn't my myself no nor not of off on
once only or other ought our ours ourselves out over own same shan't she should shouldn't so some such than
that the their theirs them themselves then there these they this those through to too under until up upon
very was wasn't we were weren't what when where which while who whom why will with won't would wouldn't you
your yours yourself yourselves said say says saying told tell stated state added add noted also would will
may might could should one two three us yet already still now then ever never again course well really
guys simply whether since whereas amongst among
""".split())

# A small paraphrase lexicon for news about diplomacy and war: words reporters swap for one another.
# Each group folds to its first word. Kept short and general; extend it when a merge is missed.
_PARAPHRASES = [
    ["plan", "draft", "proposal", "document", "doc", "text", "blueprint", "framework", "version", "letter"],
    ["agreement", "understanding", "commitment", "accord", "settlement", "deal", "arrangement", "treaty", "pact"],
    ["receive", "obtain", "get", "deliver", "submit", "hand", "send", "share", "transmit", "pass"],
    ["lose", "lost", "erase", "abandon", "scrap", "drop", "discard"],
    ["reject", "refuse", "dismiss"],
    ["anchorage", "alaska", "summit"],
    ["president", "leader", "presidents", "head"],
    ["talk", "negotiation", "discussion", "meeting", "contact"],
    ["ceasefire", "truce", "armistice"],
    ["capture", "captured", "take", "taken", "seize", "seized", "occupy", "control"],
    ["territory", "land", "region", "area"],
    ["basis", "base", "foundation", "starting"],
    ["future", "final", "eventual", "lasting"],
    ["guarantee", "assurance", "security"],
    ["sanction", "restriction", "embargo"],
    ["illegal", "illegally", "unlawful", "unlawfully", "illegitimate"],
    ["legal", "legally", "lawful", "lawfully", "legitimate"],
]
_FOLD = {w: g[0] for g in _PARAPHRASES for w in g}
_VERB_ENDINGS = (("ying", "y"), ("ied", "y"), ("ing", ""), ("ed", ""))

_WORD = re.compile(r"[A-Za-z][A-Za-z']*|\d+")
_NEG = {"not", "no", "never", "n't", "neither", "nor", "without", "cannot", "won't", "don't", "didn't",
        "doesn't", "isn't", "aren't", "wasn't", "weren't", "hasn't", "haven't", "hadn't", "can't", "couldn't",
        "wouldn't", "shouldn't", "mustn't"}


@lru_cache(maxsize=1 << 16)
def _fold(word: str) -> str:
    w = word.lower().replace("\u2019", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if w in _FOLD:
        return _FOLD[w]
    w = light_lemma(w)
    if w in _FOLD:
        return _FOLD[w]
    for end, rep in _VERB_ENDINGS:
        if w.endswith(end) and len(w) - len(end) >= 4:
            stem = w[: -len(end)] + rep
            for cand in (stem, stem + "e"):
                if cand in _FOLD:
                    return _FOLD[cand]
            w = stem
            break
    # "revise", "revised", "revising" → "revis"
    return w[:-1] if w.endswith("e") and len(w) > 4 else w


def _tokens(text: str) -> list[str]:
    return [t.lower().replace("\u2019", "'") for t in _WORD.findall((text or "").replace("\u2019", "'"))]


def concepts(text: str) -> frozenset[str]:
    """Content words of a claim, folded through plurals, verb endings and the paraphrase lexicon.

    >>> sorted(concepts("He had reviewed a US draft that might serve as a basis for a future agreement"))
    ['agreement', 'basis', 'future', 'plan', 'review', 'serv']
    """
    return _concepts(text or "")


@lru_cache(maxsize=1 << 16)
def _concepts(text: str) -> frozenset[str]:
    out = set()
    for t in _tokens(text):
        if t in _STOP or t.isdigit() or len(t) < 3:
            continue
        f = _fold(t)
        if f not in _STOP and len(f) >= 3:
            out.add(f)
    return frozenset(out)


# --- merging reports of the same statement ----------------------------------------------------------

@lru_cache(maxsize=1 << 16)
def _norm(text: str) -> str:
    t = (text or "").lower().replace("\u2019", "'").replace("\u2018", "'")
    t = re.sub(r"[\u201c\u201d\"]", "", t)
    return re.sub(r"\s+", " ", t).strip()


@lru_cache(maxsize=1 << 16)
def _as_date(s: Optional[str]) -> Optional[dt.date]:
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


def _dates_compatible(a: Claim, b: Claim, max_days: int = 3, max_publication_days: int = 30) -> bool:
    """Could a and b be the same act of speech, judging by their dates?"""
    da, db = _as_date(a.date), _as_date(b.date)
    if da is None or db is None:
        return True
    if a.date_precision not in (None, "day") or b.date_precision not in (None, "day"):
        # month/week/year: the coarser period must contain the other date's month at least
        return abs((da - db).days) <= 31
    if a.date_basis == "publication" or b.date_basis == "publication":
        # a publication date only says "on or before": the statement may be older
        pa, pb = a.date_basis == "publication", b.date_basis == "publication"
        if pa and pb:
            return abs((da - db).days) <= max_publication_days
        said, bound = (db, da) if pa else (da, db)
        return -max_days <= (bound - said).days <= max_publication_days
    return abs((da - db).days) <= max_days


def _idf(claims: list[Claim]) -> dict[str, float]:
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
CONCEPT_THRESHOLD = 0.25   # idf-weighted overlap of concepts, over the smaller claim
MIN_SHARED_CONCEPTS = 3    # ... with at least this many concepts in common, two of them not common words


def same_statement_score(a: str, b: str, idf: Optional[dict[str, float]] = None) -> tuple[float, str]:
    """How likely two contents are one statement, and why: 1.0 is certain, >= 0.5 counts as the same.

    Wording (rapidfuzz) above WORDING_THRESHOLD, or concepts above CONCEPT_THRESHOLD with
    MIN_SHARED_CONCEPTS shared, map to 0.5..1; anything else stays below 0.5.
    Tuned on the sample corpus (92 claims): the paraphrased pairs it must join score 0.29 and 0.43
    on concepts, the best other same-speaker pairs 0.28 (2 shared concepts, months apart) and 0.22
    (3 shared); unrelated wording reaches 0.56 (token_set_ratio).

    >>> same_statement_score("Russia will not accept any plan", "Russia won't accept any plan!")[0] >= 0.5
    True
    >>> same_statement_score("he believes the peace plan could form the basis for a final settlement",
    ...                      "he had reviewed a US draft that might serve as a basis for a future agreement")[1]
    'concepts 0.67 (agreement, basis, future, plan)'
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
        tsr = fuzz.token_set_ratio(na, nb, score_cutoff=cut) / 100
        pr = fuzz.partial_ratio(na, nb, score_cutoff=cut) / 100 if min(len(na), len(nb)) >= 40 else 0.0
        wording, wwhy = max((tsr, "token_set_ratio"), (pr, "partial_ratio"))
    best, why = (0.5 * wording / WORDING_THRESHOLD if wording < WORDING_THRESHOLD
                 else 0.5 + 0.5 * (wording - WORDING_THRESHOLD) / (1 - WORDING_THRESHOLD)), f"wording {wording:.2f} ({wwhy})"
    if shared:
        w = idf or {}
        weight = lambda s: sum(w.get(x, 1.0) for x in s)  # noqa: E731
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


def _speaker_pairs(claims: list[Claim], idx: list[int], idf: dict[str, float]):
    """Candidate pairs (i < j) among one speaker's claims.

    Up to ALL_PAIRS_UP_TO claims every pair is scored. Above, pairs are generated from
    an inverted index of each claim's BLOCK_KEYS rarest concepts (a posting list longer than
    BLOCK_MAX is skipped), so a speaker with 50,000 claims costs about 50,000 x 6 x 200
    comparisons at most instead of 1.25 billion. Two reports of one statement share their
    rare words, so what blocking misses is pairs that share only common words.

    >>> from graphkit.records import Claim
    >>> mk = lambda i, t: Claim(id=f"c{i}", doc_id=f"d{i}", speaker="X", speaker_id="actor:x", text=t,
    ...                         spans=[(0, len(t))], cue="said")
    >>> cs = [mk(i, f"filler words number {i} about nothing") for i in range(400)]
    >>> cs += [mk(400, "Russia will never accept the Anchorage betrayal"), mk(401, "Russia never accepts an Anchorage betrayal")]
    >>> (400, 401) in set(_speaker_pairs(cs, list(range(402)), _idf(cs)))
    True
    """
    if len(idx) <= ALL_PAIRS_UP_TO:
        for x in range(len(idx)):
            for y in range(x + 1, len(idx)):
                yield idx[x], idx[y]
        return
    postings: dict[str, list[int]] = defaultdict(list)
    for i in idx:
        keys = sorted(concepts(claims[i].text), key=lambda w: (-idf.get(w, 1.0), w))[:BLOCK_KEYS]
        for w in keys:
            postings[w].append(i)
    seen: set[tuple[int, int]] = set()
    for w in sorted(postings):
        plist = postings[w]
        if len(plist) < 2 or len(plist) > BLOCK_MAX:
            continue
        for x in range(len(plist)):
            for y in range(x + 1, len(plist)):
                pair = (plist[x], plist[y]) if plist[x] < plist[y] else (plist[y], plist[x])
                if pair not in seen:
                    seen.add(pair)
                    yield pair


def merge_reports(claims: list[Claim], threshold: float = MERGE_THRESHOLD, keep_reports: bool = False) -> list[Claim]:
    """One claim per statement: the same speaker's same statement in several articles is merged.

    The kept claim is the earliest-dated (then the first article by doc_id); its
    ``reports`` lists the other articles, its issues and places gain theirs. Each
    article keeps at most one claim per merged statement (two claims of one
    article are two statements), pairs are taken best first, so the result does
    not depend on the input order. With ``keep_reports=True`` the other articles'
    claims are returned too, each with ``same_as`` set to the kept claim's id
    (they carry that article's offsets: the provenance of every report).

    >>> from graphkit.records import Claim
    >>> mk = lambda i, d, t, date: Claim(id=i, doc_id=d, speaker="Lavrov", speaker_id="actor:sergey-lavrov", text=t,
    ...                                  spans=[(0, len(t))], cue="said", date=date, date_precision="day",
    ...                                  date_basis="relative")
    >>> out = merge_reports([mk("b1", "001", "Russia won't accept any plan that erases the spirit of Anchorage", "2025-11-25"),
    ...                      mk("a1", "000", "Russia will not accept any plan that erases the spirit of Anchorage", "2025-11-25")])
    >>> [(c.id, c.reports) for c in out]
    [('a1', ('001',))]
    """
    claims = sorted(claims, key=lambda c: (c.doc_id, c.spans[0], c.id))
    idf = _idf(claims)
    by_speaker: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(claims):
        by_speaker[c.speaker_id].append(i)
    pairs = []
    for idx in by_speaker.values():
        for i, j in _speaker_pairs(claims, idx, idf):
            a, b = claims[i], claims[j]
            if a.doc_id == b.doc_id or not _dates_compatible(a, b):
                continue
            score, _ = same_statement_score(a.text, b.text, idf)
            if score >= threshold:
                pairs.append((-score, i, j))
    pairs.sort()
    # union of clusters, best pairs first, never two claims of one article in a cluster
    parent = list(range(len(claims)))
    docs = [{c.doc_id} for c in claims]

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for _, i, j in pairs:
        ri, rj = find(i), find(j)
        if ri == rj or docs[ri] & docs[rj]:
            continue
        parent[rj] = ri
        docs[ri] |= docs[rj]
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(claims)):
        groups[find(i)].append(i)

    def rank(i):
        c = claims[i]
        d = _as_date(c.date)
        published_only = c.date_basis == "publication"
        return (d is None, published_only, d or dt.date.max, c.doc_id, c.spans[0])

    keep: dict[int, Claim] = {}
    for members in groups.values():
        members.sort(key=rank)
        head = claims[members[0]]
        if len(members) > 1:
            others = [claims[i] for i in members[1:]]
            reports = sorted(set(head.reports) | {o.doc_id for o in others} | {r for o in others for r in o.reports})
            issues = list(head.issues) + [x for o in others for x in o.issues if x not in head.issues]
            issues = list(dict.fromkeys(issues))
            triggers = list(dict.fromkeys(list(head.issue_triggers) + [t for o in others for t in o.issue_triggers]))
            scores: dict[str, float] = {}
            for n, sc in [*head.issue_scores, *(x for o in others for x in o.issue_scores)]:
                scores[n] = max(sc, scores.get(n, 0.0))
            places = list(dict.fromkeys(list(head.places) + [p for o in others for p in o.places]))
            head = head.model_copy(update={"reports": tuple(r for r in reports if r != head.doc_id),
                                           "issues": tuple(issues), "issue_triggers": tuple(triggers),
                                           "issue_scores": tuple(scores.items()),
                                           "places": tuple(places)})
        keep[members[0]] = head
        if keep_reports:
            for i in members[1:]:
                keep[i] = claims[i].model_copy(update={"same_as": head.id, "reports": head.reports and tuple(
                    sorted({head.doc_id, *head.reports} - {claims[i].doc_id}))})
    return [keep[i] for i in sorted(keep)]


# --- contradictions ---------------------------------------------------------------------------------

_LEGAL = {"legal", "legally", "lawful", "lawfully", "legitimate", "legitimately", "rightful", "rightfully"}
_ILLEGAL = {"illegal", "illegally", "unlawful", "unlawfully", "illegitimate", "illegitimately", "annexed illegally"}
# content that points back at what was said before: "(denied) any such losses", "these reports", "it"
_ANAPHORIC = re.compile(r"\b(?:such|these|those)\b|^\W*(?:\w+\s+)?(?:this|that|it|the\s+claims?|the\s+reports?)\b",
                        re.I)


def _negated_words(text: str, before: int = 3, after: int = 2) -> tuple[set[str], set[str]]:
    """(concepts within a negation's reach, all concepts).

    A word is negated when a negator stands up to `before` words before it ("don't need a truce")
    or up to `after` words after it ("a truce is not the way").
    """
    toks = _tokens(text)
    # token i is reached by a negator k when i - before <= k < i or i < k <= i + after
    reached = [False] * len(toks)
    for k, t in enumerate(toks):
        if t in _NEG or t.endswith("n't"):
            for i in range(max(0, k - after), min(len(toks), k + before + 1)):
                if i != k:
                    reached[i] = True
    neg, allw = set(), set()
    for i, t in enumerate(toks):
        if t in _STOP or len(t) < 3:
            continue
        f = _fold(t)
        allw.add(f)
        if reached[i]:
            neg.add(f)
    return neg, allw


_FOR = {"favour", "favor", "support", "want", "need", "agree", "ready", "welcome", "hope", "back", "accept",
        "endorse", "seek", "push", "propose", "call", "demand", "insist", "urge"}
_AGAINST = {"reject", "oppose", "against", "refuse", "trap", "unacceptable", "hard", "difficult", "rule", "veto",
            "dismiss", "block"}
_NOT = {"not", "no", "never", "neither", "nor", "cannot"}


def _attitudes(text: str, before: int = 5, after: int = 3) -> dict[str, str]:
    """concept → 'for' / 'against': what the claim says about each of its words.

    'for' when an approving word stands just before it ("in favour of a truce", "agree to a
    ceasefire"); 'against' when a negation reaches it ("don't need a truce", "a truce is not the
    way") or a disapproving word stands near it ("reject the plan", "hard to agree to a ceasefire":
    against wins). Words said both ways in one claim are left out.

    >>> _attitudes("we are in favour of a truce with both hands")["ceasefire"]
    'for'
    >>> _attitudes("We don't need a truce, we need a long-term peace")["ceasefire"]
    'against'
    """
    toks = _tokens(text)
    folded = [_fold(t) for t in toks]
    out: dict[str, set] = defaultdict(set)
    for i, t in enumerate(toks):
        if t in _STOP or len(t) < 3 or t in _NOT:
            continue
        f = folded[i]
        window = range(max(0, i - before), min(len(toks), i + after + 1))
        neg = any((toks[k] in _NOT or toks[k].endswith("n't")) and (i - 3 <= k <= i + 2) for k in window if k != i)
        pro = any(folded[k] in _FOR or toks[k] in _FOR for k in range(max(0, i - before), i))
        con = any(folded[k] in _AGAINST or toks[k] in _AGAINST for k in window if k != i)
        if neg or con:
            out[f].add("against")
        elif pro:
            out[f].add("for")
    return {k: next(iter(v)) for k, v in out.items() if len(v) == 1}


def _polarity(text: str) -> Optional[str]:
    words = _tokens(text)
    toks = set(words)
    # only a word folding to "legal" can be a negated "legal": most claims hold none, and skip the negation scan
    negated_legal = (any(_fold(t) == "legal" for t in toks if t not in _STOP and len(t) >= 3)
                     and "legal" in _negated_words(text)[0])
    legal = bool(toks & _LEGAL) and not negated_legal
    illegal = bool(toks & _ILLEGAL) or negated_legal
    if legal and not illegal:
        return "legal"
    if illegal and not legal:
        return "illegal"
    return None


def _side(claim: Claim, actors: Optional[dict]) -> Optional[str]:
    if not actors:
        return None
    a = actors.get(claim.speaker_id)
    return (a.country or None) if a is not None else None


def _candidate_pairs(claims: list[Claim], info: dict) -> list[tuple[int, int]]:
    """Index pairs (i < j) worth testing: any two claims of one article; across articles only
    pairs that a rule can link (a denial and a claim on its issue, a legal and an illegal claim
    on a shared issue), so the work grows with the number of such claims, not with n²."""
    pairs = set()
    by_doc: dict[str, list[int]] = defaultdict(list)
    by_issue: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(claims):
        by_doc[c.doc_id].append(i)
        for x in c.issues:
            by_issue[x].append(i)
    for idx in by_doc.values():
        pairs.update((idx[x], idx[y]) for x in range(len(idx)) for y in range(x + 1, len(idx)))
    idf = _idf(claims) if len(claims) > ALL_PAIRS_UP_TO else {}
    by_key: dict[str, list[int]] = defaultdict(list)
    if idf:  # large corpora: a denial meets other articles' claims only through shared rare concepts
        for i, c in enumerate(claims):
            for w in sorted(concepts(c.text), key=lambda w: (-idf.get(w, 1.0), w))[:BLOCK_KEYS]:
                by_key[w].append(i)
    for i, c in enumerate(claims):
        if c.stance == "deny":
            if idf:
                near = {j for w in sorted(concepts(c.text), key=lambda w: (-idf.get(w, 1.0), w))[:BLOCK_KEYS]
                        if len(by_key[w]) <= 5 * BLOCK_MAX for j in by_key[w]}
                on_issue = (j for j in near if set(claims[j].issues) & set(c.issues))
            else:
                on_issue = (j for x in c.issues for j in by_issue[x])
            pairs.update((min(i, j), max(i, j)) for j in on_issue if j != i and claims[j].doc_id != c.doc_id)
        pol = info[c.id][1]
        if pol == "legal":
            for x in c.issues:
                pairs.update((min(i, j), max(i, j)) for j in by_issue[x]
                             if info[claims[j].id][1] == "illegal" and claims[j].doc_id != c.doc_id)
    return sorted(pairs)


def _order_key(c: Claim):
    return (c.doc_id, c.sentence_span[0] if c.sentence_span else c.spans[0][0], c.spans[0][0])


def _adjacent(a: Claim, b: Claim, pos: dict[str, int], max_gap: int = 400) -> bool:
    """b follows a in the same article with no other claim between them, close by.

    pos: claim id → its rank in its article."""
    if a.doc_id != b.doc_id:
        return False
    ia, ib = pos[a.id], pos[b.id]
    if abs(ia - ib) != 1:
        return False
    first, second = (a, b) if ia < ib else (b, a)
    end = first.sentence_span[1] if first.sentence_span else first.spans[-1][1]
    start = second.sentence_span[0] if second.sentence_span else second.spans[0][0]
    return start - end <= max_gap


def _places_agree(a: Claim, b: Claim) -> bool:
    if not a.places or not b.places:
        return True
    return bool({p.lower() for p in a.places} & {p.lower() for p in b.places})


def find_contradictions(claims: list[Claim], actors: dict[str, Actor] | None = None, taxonomy=None) -> list[Contradiction]:
    """Pairs of opposing claims by different speakers on the same issue, with the reason for each link.

    actors: actor id → Actor; when both speakers have a known ``country`` and it is the same, the
    pair is linked only by stance inside one article. Deterministic: pairs come out in (article,
    position) order of a, then b; one link per article, speaker pair, issue and kind of opposition.
    taxonomy: the graphkit.issues.Taxonomy the claims' issues come from (default: models/issues.yaml).
    """
    claims = sorted(claims, key=_order_key)
    by_doc: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        by_doc[c.doc_id].append(c)
    pos = {c.id: k for seq in by_doc.values() for k, c in enumerate(seq)}
    info = {c.id: (concepts(c.text), _polarity(c.text)) for c in claims}  # claim id → (concepts, polarity)
    attitudes: dict[str, dict] = {}  # claim id → _attitudes, for the few claims rule 3 reaches
    idf = _idf(claims)
    out: list[Contradiction] = []
    seen = set()
    named: dict[tuple, set] = {}
    for i, j in _candidate_pairs(claims, info):
        a, b = claims[i], claims[j]
        if a.speaker_id == b.speaker_id:
            continue
        shared_issues = [x for x in a.issues if x in b.issues]
        adjacent = _adjacent(a, b, pos)
        if not shared_issues and not adjacent:
            continue
        issue = shared_issues[0] if shared_issues else None
        sa, sb = _side(a, actors), _side(b, actors)
        same_side = sa is not None and sb is not None and sa == sb
        opposing = sa is not None and sb is not None and sa != sb
        ca, pola = info[a.id]
        cb, polb = info[b.id]
        shared = ca & cb
        reason = None
        # 1. a denial answering a claim
        # (a rejection, "Russia rejects that option", counts when it points back at the claim before it)
        deny = [c for c in (a, b) if c.stance == "deny"
                or (c.stance == "oppose" and c is b and adjacent and _ANAPHORIC.search(c.text))]
        if len(deny) == 1 and not same_side:
            d = deny[0]
            other = b if d is a else a
            if other.stance not in ("deny", "oppose", "question"):
                rare = sorted(x for x in shared if idf.get(x, 0) >= 1.0)
                if adjacent and d is b and shared_issues and (_ANAPHORIC.search(d.text) or rare):
                    reason = (f"denial: {d.speaker} ({d.cue}: {_short(d.text)!r}) answers the claim just before "
                              f"it in the same article, {other.speaker}: {_short(other.text)!r}")
                elif shared_issues and _places_agree(a, b) and (
                        (a.doc_id == b.doc_id and len(rare) >= 3) or (opposing and len(rare) >= 3)):
                    reason = (f"denial: {d.speaker} ({d.cue}: {_short(d.text)!r}) answers {other.speaker}: "
                              f"{_short(other.text)!r} (shared words: {', '.join(rare[:5])})")
        # 2. legal vs illegal
        if reason is None and pola and polb and pola != polb and not same_side and (shared_issues or adjacent) \
                and _places_agree(a, b):
            lg, il = (a, b) if pola == "legal" else (b, a)
            reason = (f"legality: {lg.speaker} calls it legal ({_short(lg.text)!r}), "
                      f"{il.speaker} illegal ({_short(il.text)!r})")
        # 3. one is for what the other is against (an issue word of both, within one article)
        if reason is None and shared_issues and a.doc_id == b.doc_id and _places_agree(a, b):
            names = named.get(tuple(shared_issues))
            if names is None:
                names = named[tuple(shared_issues)] = _named(shared_issues, taxonomy)
            keys = _issue_words(a, shared_issues) & _issue_words(b, shared_issues) & shared & names
            for c in (a, b):
                if c.id not in attitudes:
                    attitudes[c.id] = _attitudes(c.text)
            ata, atb = attitudes[a.id], attitudes[b.id]
            flip = sorted(k for k in keys if {ata.get(k), atb.get(k)} == {"for", "against"})
            if flip:
                k = flip[0]
                pro, con = (a, b) if ata[k] == "for" else (b, a)
                reason = (f"stance: {pro.speaker} is for {k!r} ({_short(pro.text)!r}), "
                          f"{con.speaker} against it ({_short(con.text)!r})")
        if reason is None:
            continue
        # one link per pair of speakers, issue and kind of opposition in an article: the first pair says it
        key = (a.doc_id, tuple(sorted((a.speaker_id, b.speaker_id))), issue, reason.split(":")[0])
        if key in seen:
            continue
        seen.add(key)
        out.append(Contradiction(a=a.id, b=b.id, issue=issue, reason=reason))
    return out


def _named(issues: Iterable[str], tax=None) -> set[str]:
    """Folded words that name the issues (their ``context:`` triggers in the taxonomy)."""
    from .issues import load_taxonomy

    try:
        tax = tax or load_taxonomy()
    except Exception:  # a broken taxonomy is reported by the issues stage; link on without names
        return set()
    words = set()
    wanted = set(issues)
    for iss in tax.issues:
        if iss.name in wanted:
            for p in iss.context:
                if len(p.words) == 1:  # "truce", "NATO": a phrase like "peace deal" names no single word
                    words |= concepts(p.written.replace("*", ""))
    return words


def _issue_words(c: Claim, issues: Iterable[str]) -> set[str]:
    """Folded trigger words of the given issues in the claim (its own words, not its context)."""
    words = set()
    for name, trig in c.issue_triggers:
        if name in issues and not trig.startswith("context:"):
            for t in trig.split(","):
                words |= concepts(t)
    if not words:  # claims built without triggers: every content word may carry the issue
        words = concepts(c.text)
    return words


def _short(text: str, n: int = 60) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= n else text[: n - 1] + "…"
