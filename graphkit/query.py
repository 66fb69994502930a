"""The notebook API: ask the store who said what, get DataFrames and graphs back.

>>> import graphkit                                     # doctest: +SKIP
>>> g = graphkit.open("out/sample.gk")                  # doctest: +SKIP
>>> g.claims(speaker="lavrov", issue="Europe")          # doctest: +SKIP
>>> g.timeline("Zelensky"); g.show(speaker="Putin")     # doctest: +SKIP

Names are forgiving: case, accents, transliterations ("Sergei"/"Sergey"), surnames
and aliases all find the actor; issue and place names likewise.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Iterable, Optional

from .errors import GraphkitError
from .records import Actor, Claim
from .store import Store

CLAIM_COLUMNS = ["id", "date", "speaker", "stance", "kind", "text", "cue", "issues", "places", "speaker_text", "role",
                 "doc_id", "title", "source", "url", "sentence", "start", "end", "spans", "reports", "speaker_id",
                 "date_precision", "date_basis"]


def fold(s: str) -> str:
    """Lower-case ASCII folding for forgiving name matching.

    >>> fold("Zelenskyy’s")
    "zelenskyy's"
    """
    s = unicodedata.normalize("NFKD", s.replace("’", "'")).encode("ascii", "ignore").decode().lower()
    s = " ".join(s.split())
    return s[4:] if s.startswith("the ") else s


class Graphkit:
    """A read-only view of a store for notebooks and the CLI."""

    def __init__(self, store_path):
        self.path = Path(store_path)
        self.store = Store(self.path, readonly=True)
        self._actors: Optional[list[Actor]] = None

    def close(self):
        self.store.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __repr__(self):
        s = self.store
        return f"<graphkit store {self.path}: {s.count('documents')} articles, {s.count('claims')} claims, {s.count('actors')} actors>"

    # -- name matching ----------------------------------------------------
    def _actor_list(self) -> list[Actor]:
        if self._actors is None:
            self._actors = self.store.actors()
        return self._actors

    def find_actors(self, name: str) -> list[str]:
        """Actor ids matching a forgiving name: exact/alias/surname first, then fuzzy (rapidfuzz)."""
        from rapidfuzz import fuzz, process

        q = fold(name)
        exact, part = [], []
        for a in self._actor_list():
            forms = [fold(a.name), *(fold(x) for x in a.aliases), *(fold(r) for r in a.roles)]
            if a.id == name or q in forms:
                exact.append(a.id)
            elif any(q in f.split() or f.endswith(" " + q) for f in forms) or q == a.id.split(":", 1)[1].replace("-", " "):
                part.append(a.id)
        if exact or part:
            return exact or part
        choices = {a.id: fold(a.name) for a in self._actor_list()}
        hits = process.extract(q, choices, scorer=fuzz.WRatio, score_cutoff=88, limit=5)
        return [h[2] for h in hits]

    def _names(self, name: Optional[str], table: str) -> Optional[list[str]]:
        if name is None:
            return None
        from rapidfuzz import fuzz, process

        names = [r[0] for r in self.store.db.execute(f"SELECT name FROM {table}")]
        q = fold(name)
        hit = [n for n in names if fold(n) == q]
        if not hit:
            best = process.extract(q, {n: fold(n) for n in names}, scorer=fuzz.WRatio, score_cutoff=85, limit=3)
            hit = [b[2] for b in best]
        return hit

    # -- queries ----------------------------------------------------------
    def claim_records(self, speaker: Optional[str] = None, issue: Optional[str] = None, place: Optional[str] = None,
                      since: Optional[str] = None, until: Optional[str] = None, stance: Optional[str] = None,
                      doc: Optional[str] = None, limit: Optional[int] = None) -> list[Claim]:
        """Claims as records, filtered by every argument given (all by index in the store)."""
        return list(self.store.claims(
            speaker_ids=self.find_actors(speaker) if speaker else None,
            issues=self._names(issue, "issues"), places=self._names(place, "places"),
            since=str(since) if since else None, until=str(until) if until else None,
            stance=stance, doc_id=doc, limit=limit))

    def claims(self, speaker=None, issue=None, place=None, since=None, until=None, stance=None, doc=None, limit=None):
        """Claims as a pandas DataFrame, one row a claim, with provenance columns (article, sentence, offsets, URL).

        >>> g.claims(speaker="Lavrov", issue="Europe")[["date", "speaker", "text"]]   # doctest: +SKIP
        """
        import pandas as pd

        rows = []
        docs: dict = {}
        for c in self.claim_records(speaker, issue, place, since, until, stance, doc, limit):
            d = docs.get(c.doc_id) or docs.setdefault(c.doc_id, self.store.document(c.doc_id))
            sent = d.text[c.sentence_span[0]:c.sentence_span[1]] if d and c.sentence_span else None
            rows.append({**c.contract(), "title": d.title if d else None, "source": d.source if d else None,
                         "url": d.url if d else None, "sentence": sent, "start": c.spans[0][0], "end": c.spans[-1][1]})
        return pd.DataFrame(rows, columns=CLAIM_COLUMNS)

    def actors(self):
        """Actors with their type, roles, aliases and number of claims."""
        import pandas as pd

        counts = dict(self.store.db.execute("SELECT speaker_id, count(*) FROM claims GROUP BY speaker_id"))
        rows = [{"id": a.id, "name": a.name, "type": a.type, "claims": counts.get(a.id, 0), "roles": list(a.roles),
                 "organisation": a.organisation, "country": a.country, "aliases": list(a.aliases), "merges": list(a.merges)}
                for a in self._actor_list()]
        return pd.DataFrame(rows).sort_values(["claims", "name"], ascending=[False, True], ignore_index=True) if rows else pd.DataFrame(rows)

    def issues(self):
        """Issues of the taxonomy with their number of claims."""
        import pandas as pd

        counts = dict(self.store.db.execute("SELECT issue, count(*) FROM claim_issues GROUP BY issue"))
        rows = [{"id": i.id, "name": i.name, "claims": counts.get(i.name, 0), "description": i.description}
                for i in self.store.issues()]
        return pd.DataFrame(rows).sort_values(["claims", "name"], ascending=[False, True], ignore_index=True) if rows else pd.DataFrame(rows)

    def unassigned(self):
        """Claims no issue matched: read them to grow models/issues.yaml."""
        df = self.claims()
        return df[df["issues"].map(len) == 0].reset_index(drop=True)

    def contradictions(self):
        """Pairs of claims linked by `contradicts`, with both texts and speakers."""
        import pandas as pd

        rows = []
        for x in self.store.contradictions():
            a, b = (next(iter(self.store.claims(ids=[i])), None) for i in (x.a, x.b))
            if a and b:
                rows.append({"issue": x.issue, "speaker_a": a.speaker, "claim_a": a.text, "date_a": a.date,
                             "speaker_b": b.speaker, "claim_b": b.text, "date_b": b.date, "reason": x.reason})
        return pd.DataFrame(rows)

    def timeline(self, actor: str):
        """One actor's claims in date order."""
        df = self.claims(speaker=actor)
        if df.empty:
            raise GraphkitError(f"no actor matches {actor!r}; see .actors() for the names in this store")
        return df[["date", "stance", "text", "issues", "places", "title", "url"]].sort_values("date", kind="stable").reset_index(drop=True)

    def subgraph(self, **filters):
        """networkx MultiDiGraph of the matching claims and what they touch (all claims with no filter)."""
        from .graph import build_graph

        return build_graph(self.store, self.claim_records(**filters))

    def show(self, height: int = 600, **filters):
        """Display the interactive view inline in Jupyter (self-contained, offline)."""
        from IPython.display import HTML

        from .view import notebook_html

        return HTML(notebook_html(self.subgraph(**filters), height=height))


def open_store(store_path) -> Graphkit:
    """Open a store built by ``graphkit build`` for querying."""
    return Graphkit(store_path)


def claims_to_records(claims: Iterable[Claim]) -> list[dict]:
    return [c.contract() for c in claims]
