"""The notebook API: ask the store who said what, get DataFrames and graphs back.

>>> import graphkit                                     # doctest: +SKIP
>>> g = graphkit.open("out/sample.gk")                  # doctest: +SKIP
>>> g.claims(speaker="lavrov", issue="Europe")          # doctest: +SKIP
>>> g.timeline("Zelensky"); g.show(speaker="Putin")     # doctest: +SKIP

Names are forgiving. A speaker is found, in this order, by: its node id
("actor:sergey-lavrov"); its name or an alias, ignoring case, accents, a
leading "the", a possessive "'s" and transliteration (Sergei/Sergey,
Zelenskyy/Zelensky, Dmitri/Dmitry); a role it holds or a title or metonym the
gazetteer (models/actors.yaml) gives it ("Foreign Minister", "Kremlin
spokesman", "Washington"); the last words of its name ("Lavrov"), then any
words of it in order; and last a close spelling (rapidfuzz, "Lavrof"). Only
the first of these steps that finds anything answers. A name that finds
nothing raises :class:`NameNotFound` (a GraphkitError and a LookupError),
whose message lists the closest names in the store. Issues, places and
article ids are matched the same way. Every name argument also takes a list
(any of them matches).

Dates: ``since``/``until`` take "YYYY", "YYYY-MM", "YYYY-MM-DD" or date
objects and compare as ISO strings, so ``until="2025-11"`` keeps all of
November; a claim dated only "2025-11" is before ``since="2025-11-25"``.
Claims with no date match no date filter.

>>> match_name("LAVROV", {"actor:sergey-lavrov": ["Sergey Lavrov", "Sergei Lavrov"],
...                       "actor:vladimir-putin": ["Vladimir Putin"]})
['actor:sergey-lavrov']
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import re
import shlex
import warnings
from collections import Counter
from pathlib import Path
from typing import Iterable, Iterator, Optional, Union, get_args

from .errors import GraphkitError, GraphkitWarning, StoreError
from .values import BadValue, fraction, listed, one_of, whole
from .issue_evidence import IssueFilter, old_marker
from .records import Actor, Claim, SegmentKind, Stance, claim_sentence
from .lookup import OFFER, NameIndex, ids_one_edit_from, match_name  # noqa: F401  (match_name: the docstring and tests)
from .names import slug
from .segments import NOT_RUNNING_TEXT
from .store import Store

CLAIM_COLUMNS = ["id", "date", "speaker", "stance", "kind", "text", "cue", "issues", "places", "speaker_text", "role",
                 "doc_id", "title", "source", "url", "published", "sentence", "start", "end", "spans", "reports",
                 "speaker_id", "date_precision", "date_basis", "same_as", "segment"]
TIMELINE_COLUMNS = ["date", "speaker", "stance", "kind", "text", "issues", "places", "doc_id", "title", "url",
                    "reports", "reverses"]
CONTRADICTION_COLUMNS = ["relation", "score", "issue", "speaker_a", "claim_a", "date_a", "doc_a", "speaker_b",
                         "claim_b", "date_b", "doc_b", "shared", "opposing", "days", "reason", "id_a", "id_b"]
STANCES = get_args(Stance)
SEGMENTS = get_args(SegmentKind)
#: the parts of an article a claim's cue stands in (the attribution rules keep a cue only in running text, notes
#: included, and in a headline or deck: `graphkit.segments.NOT_RUNNING_TEXT` but `graphkit.attribution.HEADLINE_KINDS`),
#: so the parts its words start in but for a few (PolNeAR dev: 1 of 1,710, a quotation line typed a subhead)
CUE_SEGMENTS = tuple(k for k in SEGMENTS if k not in NOT_RUNNING_TEXT or k in ("headline", "standfirst"))

Names = Union[str, Iterable[str], None]


class NameNotFound(GraphkitError, LookupError):
    """A speaker, issue or place name matches nothing in the store; the message lists close names."""


def _as_list(names: Names) -> Optional[list[str]]:
    """A name filter as a list of strings (one name, or any iterable of them); None: no filter.

    >>> _as_list(None), _as_list("Lavrov"), _as_list(("Lavrov", 3))
    (None, ['Lavrov'], ['Lavrov', '3'])
    """
    if names is None:
        return None
    if isinstance(names, str):
        return [names]
    return [str(n) for n in names]


#: the forms a claim date filter takes, as the errors name them
DATE_FORMS = "YYYY, YYYY-MM or YYYY-MM-DD"


def as_date(value, arg: str) -> Optional[str]:
    """A `since`/`until` value as the ISO (partial) date string the store compares.

    >>> as_date(dt.date(2025, 11, 25), "since"), as_date("2025-11", "until"), as_date(None, "since")
    ('2025-11-25', '2025-11', None)
    >>> as_date("last week", "since")
    Traceback (most recent call last):
    ...
    graphkit.values.BadValue: since='last week' is not a date; give YYYY, YYYY-MM or YYYY-MM-DD, e.g. since='2025-11-25'
    """
    if value is None or value == "":
        return None
    if hasattr(value, "date") and callable(value.date):       # datetime, pandas Timestamp
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    s = iso_date(value)
    if s is None:
        raise BadValue(arg, str(value).strip(), f"is not a date; give {DATE_FORMS}", "2025-11-25")
    return s


def limit_of(value, name: str = "limit") -> Optional[int]:
    """A ``limit`` (how many claims at most) as an int: 1 or more (`graphkit.values.whole`)."""
    return whole(value, name, least=1, example=20)


def stance_of(value, name: str = "stance") -> Optional[str]:
    """A ``stance`` as one of the stances graphkit stores (`STANCES`), in any case (None stays None).

    >>> stance_of("Deny"), stance_of(None)
    ('deny', None)
    >>> stance_of("angry")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    graphkit.values.BadValue: stance='angry' is not a stance; give assert, deny, demand, ... or declined
    """
    return None if value is None else one_of(value, name, STANCES, what="a stance")


def stances_of(value: Names, name: str = "stance") -> Optional[list[str]]:
    """One ``stance`` or a list of them, each checked by `stance_of`.

    >>> stances_of(["assert", "DENY"]), stances_of(None)
    (['assert', 'deny'], None)
    """
    stances = _as_list(value)
    return None if stances is None else [stance_of(s, name) for s in stances]


def segment_of(value, name: str = "segment") -> Optional[str]:
    """A ``segment``: one of the parts of an article a claim's content can lie in (`SEGMENTS`, ``Claim.segment``), in
    any case (None stays None).

    >>> segment_of("Headline"), segment_of(None), segment_of("caption")
    ('headline', None, 'caption')
    >>> segment_of("title")
    Traceback (most recent call last):
    ...
    graphkit.values.BadValue: segment='title' is not a part of an article; give body, headline, standfirst or note
    (where claims' cues stand), or subhead, byline, dateline, caption or credit (a line of that kind, where a few
    claims' words start)
    """
    if value is None:
        return None
    try:
        return one_of(value, name, SEGMENTS, what="a part of an article")
    except BadValue:
        rare = [k for k in SEGMENTS if k not in CUE_SEGMENTS]
        raise BadValue(name, value, f"is not a part of an article; give {listed(CUE_SEGMENTS)} (where claims' cues "
                                    f"stand), or {listed(rare)} (a line of that kind, where a few claims' words "
                                    "start)") from None


def segments_of(value: Names, name: str = "segment") -> Optional[list[str]]:
    """One ``segment`` or a list of them, each checked by `segment_of`.

    >>> segments_of("headline"), segments_of(["HEADLINE", "standfirst"]), segments_of(None)
    (['headline'], ['headline', 'standfirst'], None)
    """
    names = _as_list(value)
    return None if names is None else [segment_of(v, name) for v in names]


def confidence_of(value, name: str = "min_confidence") -> Optional[float]:
    """A ``min_confidence`` (the attribution model's score a claim reaches at least) as a float in [0, 1]."""
    return fraction(value, name, example=0.6)


def link_score_of(value, name: str = "min_score") -> Optional[float]:
    """A contradictions ``min_score`` (a link's score at least) as a float in [0, 1]."""
    return fraction(value, name, example=0.7)


def days_of(value, name: str = "within") -> Optional[int]:
    """A contradictions ``within`` (days between the two claims at most) as an int: 0 or more."""
    return whole(value, name, least=0, example=7)


def iso_date(value) -> Optional[str]:
    """``value`` as written when it is a date of the form YYYY, YYYY-MM or YYYY-MM-DD that the calendar has, else None:
    the test `as_date` (the notebook's words) and the command line's ``--since`` / ``--until`` (its own) share.

    >>> iso_date(" 2025-11 "), iso_date("2025-02-30"), iso_date("yesterday")
    ('2025-11', None, None)
    """
    s = str(value).strip()
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", s)
    if not m:
        return None
    try:
        dt.date(int(m[1]), int(m[2] or 1), int(m[3] or 1))
    except ValueError:
        return None
    return s


class Graphkit:
    """A read-only view of a store for notebooks and the CLI. Open with ``graphkit.open(path)``.

    ``command_line``: a name that matches nothing says the command that lists the names (``graphkit actors --store
    PATH``), for the command line's user, rather than the notebook's method (``g.actors()``): `hint`.
    """

    def __init__(self, store_path, *, command_line: bool = False):
        self.path = Path(store_path)
        self.command_line = command_line
        self.store = Store(self.path, readonly=True)
        try:
            self.store.check_resolved()
        except StoreError:
            self.store.close()
            raise
        self._cache: dict = {}
        self._version = None

    def close(self):
        self.store.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __repr__(self):
        s = self.store
        claims = s.db.execute("SELECT count(*) FROM claims WHERE same_as IS NULL").fetchone()[0]
        return (f"<graphkit store {self.path}: {s.count('documents')} articles, {claims} claims "
                f"({s.count('claims')} reports), "
                f"{s.count('actors')} actors, {s.count('contradictions')} contradictions>")

    # -- name matching ----------------------------------------------------
    def _cached(self, key: str, make):
        """Per-store caches (actors, name indexes), dropped when another connection changed the store
        (SQLite's data_version), so a notebook open during `graphkit build` sees the new graph."""
        version = self.store.db.execute("PRAGMA data_version").fetchone()[0]
        if version != self._version:
            self._cache.clear()
            self._version = version
        if key not in self._cache:
            self._cache[key] = make()
        return self._cache[key]

    def refresh(self):
        """Forget cached actors and names (they are also dropped on their own when the store changes)."""
        self._cache.clear()

    def _actor_list(self) -> list[Actor]:
        return self._cached("actors", self.store.actors)

    def _actor_index(self) -> NameIndex:
        def make():
            actors = self._actor_list()
            return NameIndex({a.id: [a.name, *a.aliases] for a in actors}, self._weak_forms(actors),
                             labels={a.id: a.name for a in actors})

        return self._cached("actor_index", make)

    def find_actors(self, name: Names) -> list[str]:
        """Actor ids matching a forgiving name (or any of a list of names); raises NameNotFound.

        >>> g.find_actors("Sergei Lavrov") == g.find_actors("LAVROV") == ["actor:sergey-lavrov"]   # doctest: +SKIP
        True
        """
        ix = self._actor_index()
        out: list[str] = []
        for n in _as_list(name) or []:
            hit = ix.match(n) or ix.match("actor:" + slug(n))
            if not hit:
                close = ix.suggest(n)
                raise NameNotFound(f"no speaker matches {n!r} among the {len(ix.keys)} actors of {self.path.name}; "
                                   + (f"did you mean {_or(close)}? " if close else "") + self.hint("actors"))
            others = ix.others_ending_with(n, hit)
            if others:  # "clinton" is the speaker written plain "Clinton": Hillary's and Bill's claims are not in it
                warnings.warn(also_named(n, [ix.labels.get(h, h) for h in hit], others), GraphkitWarning, stacklevel=3)
            out.extend(h for h in hit if h not in out)
        return out

    def _built_with_actors(self) -> list:
        """The gazetteer entries the store was resolved with (stores from before it was recorded: models/ now)."""
        import json

        raw = self.store.get_meta("actors")
        if raw is not None:
            return (json.loads(raw) or {}).get("actors") or []
        try:
            from .knowledge import load_yaml

            return (load_yaml("actors.yaml") or {}).get("actors") or []
        except GraphkitError:          # no models/ folder beside this install: store names only
            return []

    def _weak_forms(self, actors: list[Actor]) -> dict[str, list[str]]:
        """Roles of the store's actors, plus titles, aliases and metonyms the gazetteer the store was built with
        (models/actors.yaml and the corpus's actors.yaml) lists for them ("Kremlin spokesman" -> Dmitry Peskov,
        "Washington" -> White House)."""
        weak = {a.id: list(a.roles) for a in actors}
        entries = self._built_with_actors()
        for e in entries:
            if not isinstance(e, dict) or not e.get("name"):
                continue
            aid = e.get("id") or "actor:" + slug(str(e["name"]))
            if aid in weak:
                weak[aid] += [str(x) for k in ("aliases", "titles", "metonyms") for x in (e.get(k) or [])]
        return weak

    def _named(self, table: str) -> tuple[dict[str, str], NameIndex]:
        """The issues or places table's names by id, and the index its names are matched by (each name its own key)."""
        def make():
            rows = list(self.store.db.execute(f"SELECT id, name FROM {table}"))
            return {i: n for i, n in rows}, NameIndex({n: [n] for _, n in rows})

        return self._cached(table, make)

    def name_index(self, table: str) -> NameIndex:
        """The index a query matches the names of ``table`` by ("actors": keyed by actor id, its names and aliases and
        weak forms; "issues", "places": each name its own key), as `find_actors`, `find_issues` and `find_places`
        use it: its ``match`` is what a query takes silently, its ``suggest`` what an error offers.

        >>> sorted(g.name_index("issues").keys)[:2], g.name_index("actors").match("Lavrov")   # doctest: +SKIP
        (['EU membership', 'Europe'], ['actor:sergey-lavrov'])
        """
        if table == "actors":
            return self._actor_index()
        if table not in ("issues", "places"):
            raise ValueError(f"no name index of {table!r}: name 'actors', 'issues' or 'places'")
        return self._named(table)[1]

    def _find(self, name: Names, table: str) -> Optional[list[str]]:
        """Names in the issues/places table matching forgiving names; None when no filter."""
        wanted = _as_list(name)
        if wanted is None:
            return None

        by_id, ix = self._named(table)
        out: list[str] = []
        for n in wanted:
            hit = [by_id[n]] if n in by_id else ix.match(n)
            if not hit:
                close = ix.suggest(n)
                raise NameNotFound(f"no {table[:-1]} matches {n!r} among the {len(by_id)} {table} of {self.path.name}; "
                                   + (f"did you mean {_or(close)}? " if close else "") + self.hint(table))
            out.extend(h for h in hit if h not in out)
        return out

    def hint(self, table: str) -> str:
        """What lists the names of ``table`` (actors, issues, places, documents) when a name matches none of them: the
        notebook's method, or, for the command line (``command_line``), its command with this store's path.

        >>> from types import SimpleNamespace as NS
        >>> Graphkit.hint(NS(path=Path("out/sample.gk"), command_line=False), "actors")
        'g.actors() lists every speaker'
        >>> Graphkit.hint(NS(path=Path("my news/s.gk"), command_line=True), "actors")
        "graphkit actors --store 'my news/s.gk' lists every speaker"
        """
        notebook, command = _HINT[table]
        return command.format(store=shlex.quote(str(self.path))) if self.command_line else notebook

    def find_document(self, doc: str) -> str:
        """The doc_id of an article, from its id or a unique start of it ("003" finds 003_9b6d43ba622d0a39).

        Nothing found, the error offers the ids that start one edit from it ("030" for "003":
        `graphkit.lookup.ids_one_edit_from`), or, with none close, every id when the store holds no more than an offer
        names (five)."""
        doc = str(doc).strip()
        if self.store.document(doc) is not None:
            return doc
        ids = [r[0] for r in self.store.db.execute("SELECT id FROM documents ORDER BY id")]
        starts = [i for i in ids if i.startswith(doc)] if doc else []
        if len(starts) == 1:
            return starts[0]
        if starts:
            raise NameNotFound(f"{doc!r} starts {len(starts)} article ids ({_or(starts[:OFFER])}); give more of the id")
        close = ids_one_edit_from(doc, ids, OFFER)
        offer = (f"did you mean {_or(close)}? " if close else
                 f"its {len(ids)} articles are {_or(ids)}; " if 0 < len(ids) <= OFFER else "")
        raise NameNotFound(f"no article {doc!r} in {self.path.name}; {offer}{self.hint('documents')}")

    def _issue_filter(self, issue_score, issue_evidence) -> IssueFilter:
        """Which of a claim's issues a query at ``issue_score`` / ``issue_evidence`` counts, their evidence read as
        this store wrote it (`graphkit.issue_evidence.old_marker`), read only when a filter is asked: the marker is
        in the kept issue model (megabytes of JSON on a large store), and a query that counts every issue needs none."""
        counts = IssueFilter.of(issue_score, issue_evidence)
        if not counts:
            return counts
        return dataclasses.replace(counts, marked_old=self._cached("old_marker", lambda: old_marker(self.store)))

    def find_issues(self, name: Names) -> list[str]:
        """Issue names matching forgiving names ("europe", "security guarantee"); raises NameNotFound."""
        return self._find(name, "issues") or []

    def find_places(self, name: Names) -> list[str]:
        """Place names matching forgiving names ("kyiv", "Moscow"); raises NameNotFound."""
        return self._find(name, "places") or []

    # -- queries ----------------------------------------------------------
    def iter_claims(self, speaker: Names = None, issue: Names = None, place: Names = None,
                    since=None, until=None, stance: Names = None,
                    doc: Optional[str] = None, limit: Optional[int] = None, distinct: bool = False,
                    min_confidence: Optional[float] = None, issue_score: Optional[float] = None,
                    issue_evidence: Names = None, segment: Names = None) -> Iterator[Claim]:
        """Claims as records, streamed from the store, filtered by every argument given, in date order.

        Names are checked (and NameNotFound raised) before the first claim is read. ``since``/``until``
        take dates, datetimes or ISO strings ("2025", "2025-11", "2025-11-25"); a claim without a date
        matches neither. ``stance`` is one of graphkit.records.Stance (or a list). ``doc`` is an article
        id or a unique start of it; ``limit`` keeps the first claims by date.
        ``distinct=True`` keeps one row per claim (a statement by a speaker): a claim several articles
        report is then its first report only (``reports`` names the other articles); by default every
        report (one article's telling of a claim) is a row of its own, its offsets pointing into that
        article, ``same_as`` naming the first report. ``min_confidence`` keeps claims whose attribution model
        score (``Claim.confidence``) reaches it. ``segment`` keeps the claims whose content lies in that part of
        the article (``Claim.segment``: "body", running text; "headline"; "standfirst"; "note"; or a list of them).
        ``issue_score`` and ``issue_evidence`` say which of a claim's issues count
        (`graphkit.issue_evidence.IssueFilter`): those scored at least ``issue_score`` (0-1) and given by one of
        ``issue_evidence``'s ways: "own" (the claim's own trigger words), "learnt" (the issue model reading its
        words), "article" (its article's issue), a list or comma list of them, or "any" (the default). A claim is
        listed with the issues that count; with ``issue``, only the claims for which one of the named issues counts.

        >>> g.claim_records(issue="emails", issue_evidence="own")   # doctest: +SKIP
        >>> g.claim_records(segment="headline")                     # doctest: +SKIP
        """
        since, until = as_date(since, "since"), as_date(until, "until")
        if since and until and since[:len(until)] > until:          # until="2025" runs to the end of 2025
            raise GraphkitError(f"since={since!r} is after until={until!r}; swap them")
        stances = stances_of(stance)
        limit, min_confidence, segments = limit_of(limit), confidence_of(min_confidence), segments_of(segment)
        speaker_ids = self.find_actors(speaker) if speaker is not None else None
        issues, places = self._find(issue, "issues"), self._find(place, "places")
        if doc is not None:
            doc = self.find_document(doc)
        counts = self._issue_filter(issue_score, issue_evidence)
        # the attribution score, the segment and the issues' evidence are not indexed: filter every match, then cut
        later = min_confidence is not None or segments is not None or bool(counts)
        query = dict(speaker_ids=speaker_ids, issues=issues, places=places, since=since, until=until, doc_id=doc,
                     limit=None if later else limit, distinct=distinct)
        if not stances or len(stances) == 1:
            found = self.store.claims(**query, stance=stances[0] if stances else None)
        else:
            out = [c for s in stances for c in self.store.claims(**query, stance=s)]
            out.sort(key=lambda c: (c.date is None, c.date or "", c.id))
            found = iter(out[:limit] if limit and not later else out)
        if not later:
            return found
        if min_confidence is not None:
            found = (c for c in found if c.confidence >= float(min_confidence))
        if segments is not None:
            found = (c for c in found if c.segment in segments)
        if counts:
            found = counts.claims(found, issues)
        return itertools.islice(found, limit) if limit else found

    def claim_records(self, speaker: Names = None, issue: Names = None, place: Names = None,
                      since=None, until=None, stance: Names = None,
                      doc: Optional[str] = None, limit: Optional[int] = None, distinct: bool = False,
                      min_confidence: Optional[float] = None, issue_score: Optional[float] = None,
                      issue_evidence: Names = None, segment: Names = None) -> list[Claim]:
        """:meth:`iter_claims` as a list."""
        return list(self.iter_claims(speaker, issue, place, since, until, stance, doc, limit, distinct, min_confidence,
                                     issue_score, issue_evidence, segment))

    def claims(self, speaker: Names = None, issue: Names = None, place: Names = None, since=None, until=None,
               stance: Names = None, doc: Optional[str] = None, limit: Optional[int] = None, distinct: bool = False,
               min_confidence: Optional[float] = None, issue_score: Optional[float] = None,
               issue_evidence: Names = None, segment: Names = None):
        """Claims as a pandas DataFrame with provenance columns: one row per report, or per claim with ``distinct``.

        A *claim* is one statement by one speaker; a *report* is one article's telling of it. By default
        every report is a row (its offsets point into its article); ``same_as`` names the first report when
        several articles report the same claim, and ``distinct=True`` keeps one row per claim (its first
        report; ``reports`` lists the other articles). Count claims with ``distinct=True``.
        Provenance: ``doc_id``, ``title``, ``source``, ``url``, ``published`` (the article), ``sentence``
        (the sentence(s) holding the claim, one space between words: `graphkit.records.claim_sentence`, as the
        graph and the view give it), ``start``/``end`` (offsets of the content in the article text)
        and ``spans`` (every content piece), ``segment`` (the part of the article the content lies in: "body",
        "headline", ...). ``issues``/``places``/``reports`` are lists. ``min_confidence``, ``issue_score``,
        ``issue_evidence`` and ``segment``: as :meth:`iter_claims`.

        >>> g.claims(speaker="Lavrov", issue="Europe")[["date", "speaker", "text", "doc_id"]]   # doctest: +SKIP
        >>> g.claims(issue="emails", issue_score=0.15)                                            # doctest: +SKIP
        """
        import pandas as pd

        rows = []
        docs: dict = {}
        for c in self.claim_records(speaker, issue, place, since, until, stance, doc, limit, distinct, min_confidence,
                                    issue_score, issue_evidence, segment):
            if c.doc_id not in docs:
                docs[c.doc_id] = self.store.document(c.doc_id)
            d = docs[c.doc_id]
            sent = claim_sentence(c, d)
            rows.append((c.id, c.date, c.speaker, c.stance, c.kind, c.text, c.cue, list(c.issues), list(c.places),
                         c.speaker_text, c.role, c.doc_id, d.title if d else None, d.source if d else None,
                         d.url if d else None, d.published.isoformat() if d and d.published else None, sent,
                         c.spans[0][0], c.spans[-1][1], [list(x) for x in c.spans], list(c.reports), c.speaker_id,
                         c.date_precision, c.date_basis, c.same_as, c.segment))
        return pd.DataFrame.from_records(rows, columns=CLAIM_COLUMNS)

    def documents(self):
        """The articles of the store: id, title, source, url, published, ``reports`` (the claims the article tells)."""
        import pandas as pd

        counts = dict(self.store.db.execute("SELECT doc_id, count(*) FROM claims GROUP BY doc_id"))
        rows = [{"doc_id": d.id, "title": d.title, "source": d.source, "url": d.url,
                 "published": d.published.isoformat() if d.published else None, "reports": counts.get(d.id, 0),
                 "chars": len(d.text)} for d in self.store.documents()]
        return pd.DataFrame(rows, columns=["doc_id", "title", "source", "url", "published", "reports", "chars"])

    def _counts(self, link: Optional[str], col: str) -> tuple[dict, dict]:
        """(claims, reports) per value of `col`, in the claims table or a link table (claim_issues, claim_places).

        A claim is one statement by one speaker (counted once); a report is one article's telling of it.
        """
        src = "claims c" if link is None else f"{link} x JOIN claims c ON c.id = x.claim_id"
        col = f"c.{col}" if link is None else f"x.{col}"
        reports = dict(self.store.db.execute(f"SELECT {col}, count(*) FROM {src} GROUP BY {col}"))
        claims = dict(self.store.db.execute(f"SELECT {col}, count(*) FROM {src} WHERE c.same_as IS NULL GROUP BY {col}"))
        return claims, reports

    def actors(self):
        """Actors with their type, roles, aliases, ``merges`` (why mentions became one actor) and counts:
        ``claims`` (statements, each once) and ``reports`` (every article's telling of them)."""
        import pandas as pd

        claims, reports = self._counts(None, "speaker_id")
        cols = ["id", "name", "type", "claims", "reports", "roles", "organisation", "country", "aliases", "merges"]
        rows = [{"id": a.id, "name": a.name, "type": a.type, "claims": claims.get(a.id, 0),
                 "reports": reports.get(a.id, 0), "roles": list(a.roles),
                 "organisation": a.organisation, "country": a.country, "aliases": list(a.aliases),
                 "merges": list(a.merges)}
                for a in self._actor_list()]
        df = pd.DataFrame(rows, columns=cols)
        return df.sort_values(["claims", "reports", "name"], ascending=[False, False, True], ignore_index=True)

    def issues(self, issue_score: Optional[float] = None, issue_evidence: Names = None):
        """Issues of the taxonomy with their number of claims (each once) and reports (every article's telling).

        With ``issue_score`` or ``issue_evidence`` (as :meth:`iter_claims`), the claims and reports for which each
        issue counts at that setting (every claim is read: 0.6 CPU s for PolNeAR train's 15,086 reports).

        >>> g.issues(issue_evidence="own")   # doctest: +SKIP
        """
        import pandas as pd

        counts = self._issue_filter(issue_score, issue_evidence)
        if counts:
            claims, reports = Counter(), Counter()
            for c in counts.claims(self.store.claims()):
                reports.update(c.issues)
                if c.same_as is None:
                    claims.update(c.issues)
        else:
            claims, reports = self._counts("claim_issues", "issue")
        rows = [{"id": i.id, "name": i.name, "claims": claims.get(i.name, 0), "reports": reports.get(i.name, 0),
                 "description": i.description, "origin": i.origin} for i in self.store.issues()]
        df = pd.DataFrame(rows, columns=["id", "name", "claims", "reports", "description", "origin"])
        return df.sort_values(["claims", "reports", "name"], ascending=[False, False, True], ignore_index=True)

    def places(self):
        """Places the claims name, with their type, country, coordinates and number of claims and reports."""
        import pandas as pd

        claims, reports = self._counts("claim_places", "place")
        rows = [{"id": p.id, "name": p.name, "type": p.type, "country_code": p.country_code, "lat": p.lat,
                 "lon": p.lon, "claims": claims.get(p.name, 0), "reports": reports.get(p.name, 0)}
                for p in self.store.places()]
        df = pd.DataFrame(rows, columns=["id", "name", "type", "country_code", "lat", "lon", "claims", "reports"])
        return df.sort_values(["claims", "reports", "name"], ascending=[False, False, True], ignore_index=True)

    def problems(self):
        """Files the last build skipped (not read) or kept degraded (e.g. no publication date), and why.

        >>> g.problems()   # doctest: +SKIP
        """
        import pandas as pd

        rows = [{"path": s.path, "kept": "degraded" if s.degraded else "skipped", "reason": s.reason}
                for s in self.store.skipped()]
        return pd.DataFrame(rows, columns=["path", "kept", "reason"])

    def unassigned(self, distinct: bool = False, issue_score: Optional[float] = None, issue_evidence: Names = None):
        """Claims no issue matched (none that counts at ``issue_score`` / ``issue_evidence``, as :meth:`iter_claims`):
        read them to grow the corpus's issues.yaml."""
        df = self.claims(distinct=distinct, issue_score=issue_score, issue_evidence=issue_evidence)
        return df[df["issues"].map(len) == 0].reset_index(drop=True)

    def contradictions(self, min_score: Optional[float] = None, relation: Optional[str] = "contradicts",
                       within: Optional[int] = None):
        """Pairs of opposing claims: both speakers, texts, dates and articles, and the evidence.

        One row per link scored at least ``min_score`` (None: ``graphkit.contradict.MIN_SCORE``; 0 shows
        every stored link): ``relation`` is ``contradicts`` (two speakers, the default) or ``reverses`` (one
        actor, two dates; None: both); ``within`` keeps links whose claims are at most that many days apart. ``shared``
        lists the arguments both claims are about, ``opposing`` the opposing words, ``score`` how sure.

        >>> g.contradictions(min_score=0.7, within=7)   # doctest: +SKIP
        """
        import pandas as pd

        from .contradict import MIN_SCORE

        min_score, within = link_score_of(min_score), days_of(within)
        floor = MIN_SCORE if min_score is None else min_score
        xs = [x for x in self.store.contradictions() if x.score >= floor and relation in (None, x.relation)
              and (within is None or x.days is None or x.days <= within)]
        ids = sorted({i for x in xs for i in (x.a, x.b)})
        by_id = {c.id: c for c in self.store.claims(ids=ids)} if ids else {}
        rows = []
        for x in xs:
            a, b = by_id.get(x.a), by_id.get(x.b)
            if a and b:
                rows.append({"relation": x.relation, "score": x.score, "issue": x.issue, "speaker_a": a.speaker,
                             "claim_a": a.text, "date_a": a.date, "doc_a": a.doc_id, "speaker_b": b.speaker,
                             "claim_b": b.text, "date_b": b.date, "doc_b": b.doc_id, "shared": list(x.shared),
                             "opposing": list(x.opposing), "days": x.days, "reason": x.reason, "id_a": a.id,
                             "id_b": b.id})
        return pd.DataFrame(rows, columns=CONTRADICTION_COLUMNS)

    def timeline(self, actor: Names, distinct: bool = True, **filters):
        """One actor's claims (or several actors'), oldest first; undated ones last.

        One row per claim (``distinct=True``): a claim several articles report appears once, the
        other articles in ``reports``. ``reverses`` lists the ids of the actor's claims of another date that
        this one takes the opposite position to (``reverses`` links scored at least MIN_SCORE). Takes the
        other filters of :meth:`claims`.

        >>> g.timeline("Putin")[["date", "text", "reverses"]]   # doctest: +SKIP
        """
        if actor is None:
            raise GraphkitError("timeline needs an actor name, e.g. g.timeline('Lavrov'); g.actors() lists them")
        import pandas as pd

        df = self.claims(speaker=actor, distinct=distinct, **filters)
        dates = [None if pd.isna(d) else d for d in df["date"]]
        order = sorted(range(len(df)), key=lambda i: (dates[i] is None, dates[i] or ""))   # stable
        df = df.iloc[order].reset_index(drop=True)
        df["reverses"] = self._reversals(df["id"])
        return df[TIMELINE_COLUMNS]

    def _reversals(self, ids) -> list[list[str]]:
        """For each claim id: the ids of the claims it is linked to by a shown ``reverses`` link."""
        from .contradict import MIN_SCORE

        other: dict[str, list[str]] = {}
        for x in self.store.contradictions():
            if x.relation == "reverses" and x.score >= MIN_SCORE:
                other.setdefault(x.a, []).append(x.b)
                other.setdefault(x.b, []).append(x.a)
        return [sorted(other.get(i, [])) for i in ids]

    def subgraph(self, **filters):
        """networkx MultiDiGraph of the matching claims and what they touch (all claims with no filter).

        Takes the filters of :meth:`claims`. Node attribute ``type``: actor, claim, issue, place, document;
        edge key and attribute ``type``: said, about, mentions, reported_in, contradicts.
        """
        from .graph import build_graph

        return build_graph(self.store, self.claim_records(**filters))

    def show(self, height: int = 600, title: Optional[str] = None, actors: Optional[int] = None, **filters):
        """Display the interactive view inline in Jupyter (self-contained, offline), with the filters of claims().

        The same page as ``graphkit view`` writes, in a sandboxed ``<iframe srcdoc>``: who said what about
        which issue, the claims one click away. ``actors``: how many of the most quoted actors the overview
        opens with (default: as many as the frame shows legibly; the rest are one click away).

        >>> g.show(speaker="Lavrov", height=500)   # doctest: +SKIP
        """
        from IPython.display import HTML

        from .view import notebook_html

        G = self.subgraph(**filters)
        if title is None:
            title = "graphkit: " + (", ".join(f"{k}={v}" for k, v in filters.items() if v is not None) or self.path.name)
        frag = notebook_html(G, height=height, title=title, actors=actors)
        with warnings.catch_warnings():        # IPython suggests IFrame for iframes; srcdoc needs no server
            warnings.simplefilter("ignore", UserWarning)
            return HTML(frag)

    def to_pyvis(self, level: str = "overview", **filters):
        """A ``pyvis.network.Network`` of the matching claims, for styling with pyvis, made safe.

        ``level="overview"``: actors, issues, one edge per actor→issue pair (``value`` = claims) and
        contradictions; ``level="claims"``: the claim-level graph. Resources are in line (no CDN) and
        tooltips are plain text. ``net.show("lavrov.html")`` or ``net.write_html(...)`` as usual.

        >>> net = g.to_pyvis(speaker="Lavrov"); net.toggle_physics(False)   # doctest: +SKIP
        """
        from .pyvis_network import to_pyvis

        return to_pyvis(self.subgraph(**filters), level=level)

    def export(self, format: str, path, **filters) -> Path:
        """Write the (filtered) graph or claims to `path`: graphml, gexf, cytoscape, json, jsonl, csv or neo4j (a
        folder).

        Streams from the store where the format allows (jsonl, csv, graphml); see :meth:`write`.

        >>> g.export("graphml", "out/sample.graphml", issue="Europe")   # doctest: +SKIP
        PosixPath('out/sample.graphml')
        """
        return self.write(format, path, **filters).path

    def write(self, format: str, path, **filters):
        """:meth:`export`, returning what was written (an `graphkit.export.Exported`: path, claims, nodes, edges).

        The command line's ``graphkit export`` is this method. jsonl and csv stream claims from the store,
        graphml streams the graph (only actors, issues, places and articles are held until the end): a
        million-claim store is exported without a million claims in memory. Other formats build the graph.
        """
        from .export import export_claims

        return export_claims(self, format, path, **filters)


#: what lists each table's names (`Graphkit.hint`): (in a notebook, on the command line, ``{store}`` the store's path)
_HINT = {
    "actors": ("g.actors() lists every speaker", "graphkit actors --store {store} lists every speaker"),
    "issues": ("g.issues() lists the store's issues, the corpus's issues.yaml or discovered",
               "graphkit issues list --store {store} lists the store's issues, the corpus's issues.yaml or discovered"),
    "places": ("g.places() lists the places claims name",
               "the places column of graphkit claims --store {store} --format csv lists the places claims name"),
    "documents": ("g.documents() lists the articles", "the doc column of graphkit claims --store {store} lists the "
                                                      "articles"),
}


def also_named(name: str, taken: list[str], others: list[str]) -> str:
    """The line a query says when a name it took matches other speakers by their last name too
    (`graphkit.lookup.NameIndex.others_ending_with`): whom it took, whom else the name may mean, what to do.

    >>> also_named("clinton", ["Clinton"], ["Bill Clinton", "Hillary Clinton"])[:61]
    "'clinton' matched the speaker named 'Clinton' only; 'Bill Cli"
    >>> also_named("clinton", ["Clinton"], ["Bill Clinton", "Hillary Clinton"])[61:]
    "nton' and 'Hillary Clinton' are speakers of that name too: give a full name for theirs"
    >>> also_named("trump", ["Trump"], [f"Trump {i}" for i in range(7)])[-79:]
    "'Trump 4' and 2 more are speakers of that name too: give a full name for theirs"
    """
    shown = [repr(o) for o in others[:OFFER]] + ([f"{len(others) - OFFER} more"] if len(others) > OFFER else [])
    return (f"{name!r} matched the speaker named {_or(taken, 'and')} only; {_joined(shown, 'and')} "
            f"{'is a speaker' if len(others) == 1 else 'are speakers'} of that name too: give a full name for theirs")


def _or(names: list[str], word: str = "or") -> str:
    """Names quoted and joined for an error message: 'a', 'b' or 'c' (``word`` the last join: `_joined`).

    >>> _or(["Kyiv"]), _or(["Kyiv", "Kiev", "Kyiv Oblast"]), _or(["Tom or Ann Lee", "Lee"], "and")
    ("'Kyiv'", "'Kyiv', 'Kiev' or 'Kyiv Oblast'", "'Tom or Ann Lee' and 'Lee'")
    """
    return _joined([repr(n) for n in names], word)


def _joined(items: list[str], word: str) -> str:
    """Items as a sentence lists them: 'a', 'b' and 'c' (``word`` the last join).

    >>> _joined(["'Bill Clinton'"], "and"), _joined(["'Bill Clinton'", "'Hillary Clinton'", "2 more"], "and")
    ("'Bill Clinton'", "'Bill Clinton', 'Hillary Clinton' and 2 more")
    """
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {word} " + items[-1]


def open_store(store_path) -> Graphkit:
    """Open a store built by ``graphkit build`` for querying."""
    return Graphkit(store_path)


def claims_to_records(claims: Iterable[Claim]) -> list[dict]:
    return [c.contract() for c in claims]
