"""How a claim was given each of its issues, and which of them a query counts (issue 14).

A build gives a claim an issue in one of three ways, written in the issue's evidence (`Claim.issue_triggers`) and
scored in `Claim.issue_scores`:

- **own**: the issue's trigger words said in the claim, or around it in its sentence (``"gun control, context: NRA"``;
  `graphkit.issues.assign_claim`), scored ``1 - 0.5 ** n`` for n triggers (0.5 for one; one said only around the
  claim counts half: 0.29);
- **learnt**: for discovered issues, the issue model reading the claim's words (``"learnt: wall, border"``;
  `graphkit.issue_learning.read_claims`), scored by its probability (0.5 and up);
- **article**: for discovered issues, its article's issue (``"(article)"``, `ARTICLE_EVIDENCE`, a marker no trigger
  can be; `graphkit.issue_model.take_offers`), scored half its share of the article's weighed votes (under 0.5).

A build keeps every issue it gives (PolNeAR train at −63: 85.4 % of statements get one). A researcher who wants
fewer and surer issues asks a query for them (`IssueFilter`, ``--issue-score`` and ``--issue-evidence``): the issues
under the score, or given another way, are not counted, neither listed with the claim nor matched by ``--issue``. On
PolNeAR train the fit rises as the coverage falls (bench/README.md, issue 14, thirty-fourth pass).

>>> [issue_route(e) for e in ["gun control, context: NRA", "learnt: wall, border", "(article)"]]
['own', 'learnt', 'article']
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Iterator, Optional, Union

from .values import BadValue, fraction

#: how an evidence text marks a trigger said around the claim, not in it (`graphkit.issues.evidence_text`, a hand-made
#: taxonomy's `graphkit.issues._literal_evidence`; read by `claims_own_words`)
CONTEXT_MARK = "context: "
#: the evidence of an issue given by the claim's article (`graphkit.issue_model.take_offers`): in brackets, as no trigger
#: can be (a trigger is words said in the text, from its first letter to its last: `graphkit.issues.Taxonomy._find`)
ARTICLE_EVIDENCE = "(article)"
#: the article's evidence in a store whose issues were kept before `ARTICLE_MARKER_FORMAT`, which an issue's own trigger
#: "article" said around the claim also wrote (`graphkit.issues.evidence_text`)
OLD_ARTICLE_EVIDENCE = CONTEXT_MARK + "article"
#: the `graphkit.kept.ISSUES_FORMAT` from which a store's article issues are marked `ARTICLE_EVIDENCE`
ARTICLE_MARKER_FORMAT = 5
LEARNT_EVIDENCE = "learnt: "           # the start of the evidence of an issue the model learnt (`read_claims`)
ROUTES = ("own", "learnt", "article")  # how an issue is given, the firmest first


def issue_route(evidence: str, marked_old: bool = False) -> str:
    """How an issue was given to a claim, by its evidence: ``"article"`` (exactly `ARTICLE_EVIDENCE`), ``"learnt"``
    (`LEARNT_EVIDENCE` and the words), else ``"own"`` (its trigger words, those around the claim marked ``context: ``,
    as a hand-made taxonomy's are too). ``marked_old``: the evidence is read from a store that marks its article's
    issues `OLD_ARTICLE_EVIDENCE` (`old_marker` of the store: kept before the marker was `ARTICLE_EVIDENCE`).

    >>> issue_route("(article)"), issue_route("learnt: tax"), issue_route("context: European")
    ('article', 'learnt', 'own')
    >>> issue_route("context: article"), issue_route("context: articles")   # an issue's own trigger said around it
    ('own', 'own')
    >>> issue_route("context: article", marked_old=True)
    'article'
    """
    if evidence == ARTICLE_EVIDENCE or (marked_old and evidence == OLD_ARTICLE_EVIDENCE):
        return "article"
    if evidence.startswith(LEARNT_EVIDENCE):
        return "learnt"
    return "own"


def claims_own_words(evidence: str) -> tuple[str, ...]:
    """The claim's own words that gave it an issue, read from the issue's evidence text: its trigger words said in the
    claim (those before the first part marked `CONTEXT_MARK`: `graphkit.issues.evidence_text` marks each trigger said
    around the claim, a hand-made taxonomy's context evidence only its first), the words the issue model read (after
    `LEARNT_EVIDENCE`); none for its article's issue. Never the markers' words ("learnt", "context", "article").

    >>> [claims_own_words(e) for e in ["gun control, TPP, context: NRA", "context: NRA, guns", "learnt: wall, border",
    ...                                 "(article)", "context: article"]]
    [('gun control', 'TPP'), (), ('wall', 'border'), (), ()]
    """
    route = issue_route(evidence)
    if route == "article":
        return ()
    if route == "learnt":
        evidence = evidence[len(LEARNT_EVIDENCE):]
    own = []
    for part in evidence.split(", "):
        if part.startswith(CONTEXT_MARK):
            break
        own.append(part)
    return tuple(p for p in own if p)


def old_marker(store) -> bool:
    """Whether ``store`` (a `graphkit.store.Store`) holds issues given by their article under `OLD_ARTICLE_EVIDENCE`:
    its discovered issues' model was kept (meta ``issue_model``) by a `graphkit.kept.ISSUES_FORMAT` before
    `ARTICLE_MARKER_FORMAT`. Its next build assigns them again under `ARTICLE_EVIDENCE`; until then a query reads them
    as they were written. A store of a hand-made taxonomy keeps no model and never gave an issue by its article.

    The format is read alone (`graphkit.store.Store.get_meta_field`), not the model beside it.

    >>> class Kept:
    ...     def __init__(self, meta): self.meta = meta
    ...     def get_meta_field(self, key, field, default): return None if self.meta is None else self.meta.get(field, default)
    >>> old_marker(Kept({"format": 4})), old_marker(Kept({"format": 5})), old_marker(Kept({})), old_marker(Kept(None))
    (True, False, True, False)
    """
    kept = store.get_meta_field("issue_model", "format", 0)  # kept before the format was written: the old marker
    return kept is not None and kept < ARTICLE_MARKER_FORMAT


def evidence_routes(value: Union[str, Iterable[str], None], name: str = "issue_evidence") -> Optional[frozenset[str]]:
    """The routes an ``issue_evidence`` value accepts: a route (`ROUTES`), a comma-separated list or list of them, or
    ``"any"``; None (no filter) for None or ``"any"``. Anything else is a `graphkit.values.BadValue` saying what is
    accepted, named ``name`` (the command line's ``--issue-evidence``, `graphkit.cli`).

    >>> sorted(evidence_routes("own,learnt")), evidence_routes("any"), sorted(evidence_routes(["own"]))
    (['learnt', 'own'], None, ['own'])
    >>> evidence_routes("triggers")
    Traceback (most recent call last):
    ...
    graphkit.values.BadValue: issue_evidence='triggers' is not a way an issue is given; give own (the claim's own trigger words), learnt (the issue model reading its words), article (its article's issue), a comma list of them such as 'own,learnt', or any
    """
    if value is None:
        return None
    given = value.split(",") if isinstance(value, str) else [str(v) for v in value]
    words = [w.strip().lower() for w in given if w.strip()]
    if words and all(w in ROUTES or w == "any" for w in words):
        return None if "any" in words or set(words) == set(ROUTES) else frozenset(words)
    raise BadValue(name, value if isinstance(value, str) else ",".join(given), NOT_A_WAY)


#: what is wrong with an ``issue_evidence`` value that is no way an issue is given, and what is accepted
NOT_A_WAY = ("is not a way an issue is given; give own (the claim's own trigger words), learnt (the issue model "
             "reading its words), article (its article's issue), a comma list of them such as 'own,learnt', or any")


def min_score(value, name: str = "issue_score") -> Optional[float]:
    """An ``issue_score`` value as a float in [0, 1] (None: no filter); anything else is a `graphkit.values.BadValue`
    named ``name`` (the command line's ``--issue-score``).

    >>> min_score(None), min_score("0.25")
    (None, 0.25)
    >>> min_score("high")
    Traceback (most recent call last):
    ...
    graphkit.values.BadValue: issue_score='high' is not a number; give a score in [0, 1] such as 0.15 (an article's issue scores under 0.5, a claim's own triggers 0.5 and up)
    >>> min_score(2)
    Traceback (most recent call last):
    ...
    graphkit.values.BadValue: issue_score=2 is outside [0, 1]; give a score such as 0.15 (an article's issue scores under 0.5, a claim's own triggers 0.5 and up)
    """
    return fraction(value, name, example=0.15, meaning="an article's issue scores under 0.5, a claim's own triggers "
                                                       "0.5 and up")


@dataclass(frozen=True)
class IssueFilter:
    """Which of a claim's issues a query counts: those scored ``min_score`` at least and given by one of ``routes``
    (None: any score, any route), their evidence read with the store's marker (``marked_old``: `issue_route`). Made by
    `IssueFilter.of` from a query's ``issue_score`` and ``issue_evidence``.

    >>> from graphkit.records import Claim
    >>> c = Claim(id="c", doc_id="d", speaker="X", speaker_id="actor:x", text="t", spans=[(0, 1)], cue="said",
    ...           issues=("tax", "ID cards"), issue_triggers=(("tax", "council tax"), ("ID cards", "(article)")),
    ...           issue_scores=(("tax", 0.5), ("ID cards", 0.2)))
    >>> IssueFilter.of(issue_evidence="own").apply(c).issues, IssueFilter.of(issue_score=0.1).apply(c).issues
    (('tax',), ('tax', 'ID cards'))
    >>> IssueFilter.of(issue_score=0.6).apply(c).issue_scores, bool(IssueFilter.of())
    ((), False)
    """

    min_score: Optional[float] = None
    routes: Optional[frozenset[str]] = None
    marked_old: bool = False

    @classmethod
    def of(cls, issue_score=None, issue_evidence: Union[str, Iterable[str], None] = None,
           marked_old: bool = False) -> "IssueFilter":
        """The filter a query's ``issue_score`` and ``issue_evidence`` ask for, each checked (`min_score`,
        `evidence_routes`), on a store of the old marker or not (``marked_old``: `old_marker` of the store)."""
        return cls(min_score(issue_score), evidence_routes(issue_evidence), marked_old)

    def __bool__(self) -> bool:
        return self.min_score is not None or self.routes is not None

    def keeps(self, routes: Iterable[str], score: float) -> bool:
        """Whether an issue given by ``routes`` (`ROUTES`: one, or a statement's several) with ``score`` counts.

        >>> f = IssueFilter.of(0.15, "own,learnt")
        >>> f.keeps({"own"}, 0.5), f.keeps({"article"}, 0.4), f.keeps({"learnt"}, 0.1)
        (True, False, False)
        """
        return ((self.min_score is None or score >= self.min_score - 1e-9)
                and (self.routes is None or not self.routes.isdisjoint(routes)))

    def counted(self, claim) -> tuple[str, ...]:
        """The names of ``claim``'s issues this filter counts, in the claim's order. A statement several articles report
        holds each report's evidence: an issue is counted when any of it was given by an accepted route; its score is
        the best of the reports' (`graphkit.statements`)."""
        if not self:
            return tuple(claim.issues)
        routes: dict[str, set[str]] = {}
        for name, evidence in claim.issue_triggers:
            routes.setdefault(name, set()).add(issue_route(evidence, self.marked_old))
        scores = dict(claim.issue_scores)
        return tuple(n for n in claim.issues if self.keeps(routes.get(n, ("own",)), scores.get(n, 0.0)))

    def apply(self, claim):
        """``claim`` with only the issues this filter counts (`counted`), their triggers and scores; the claim itself
        when it counts them all."""
        keep = self.counted(claim)
        if keep == tuple(claim.issues):
            return claim
        from .records import compact

        return compact(claim, {"issues": keep, "issue_triggers": tuple(x for x in claim.issue_triggers if x[0] in keep),
                               "issue_scores": tuple(x for x in claim.issue_scores if x[0] in keep)})

    def claims(self, claims: Iterable, issues: Optional[Iterable[str]] = None) -> Iterator:
        """``claims`` with only the issues this filter counts (`apply`); with ``issues`` (an ``--issue`` filter's
        names), only the claims that still have one of them."""
        wanted = None if issues is None else set(issues)
        for c in claims:
            c = self.apply(c)
            if wanted is None or wanted.intersection(c.issues):
                yield c
