"""Random claim → issue pairs of a store, for a person to judge whether each issue fits (issue 14).

Draws -n claims that have an issue (one row per statement, seeded: the same store and seed give
the same draw) and prints each as a verdict line to fill in, with its issues, the words that
triggered each and the score, its speaker and its content, and under it each issue's top phrases
(its description), so that a reader can mark each pair as fitting or not. Also prints the share
of claims that have an issue.

    python bench/audit_issues.py bench/_work/polnear-train.gk -n 40 [--seed 14] > draft.txt
    python bench/audit_issues.py bench/_work/polnear-train.gk -n 40 --issue-evidence own,learnt > draft.txt
    python bench/audit_refs.py render draft.txt               # the same lines with the claims' text

A line reads `` 7 ? billionaire [billionaire; score 0.50]: Douglas J. Band: {pn:ARTICLE@START-END}``:
replace ``?`` by ``y`` or ``n`` (and a note in [brackets]). For a PolNeAR store the content is its
locator, the article's offsets of each piece of the claim (bench/audit_refs.py), so the lines go into
``bench/audits/`` as they are; ``--text`` prints the content as text instead, to read (never into
bench/audits), as does any store that is not of PolNeAR.

``--issue-score`` / ``--issue-evidence`` draw as a query at that setting reads the store
(`graphkit.issue_evidence.IssueFilter`): each claim with only the issues that count, the claims with one drawn.
"""

from __future__ import annotations

import argparse
import random
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def issue_coverage(firsts: list, marked_old: bool = False) -> str:
    """How many statements have an issue and how each got its first one, as shares of all: its own triggers, learnt,
    or its article's. ``firsts``: each statement's first issue's triggers, None for a statement with no issue (read
    with the store's marker, ``marked_old``: `graphkit.issue_evidence.old_marker`). The one home of this count: this
    script's over a store's statements, bench/issue_harness.py's over a run's.

    >>> issue_coverage(["NATO", "(article)", None, "(article)"])
    "3 of 4 statements (75.0%) have an issue (own triggers 25.0%, learnt 0.0%, their article's 50.0%)"
    """
    from collections import Counter

    from graphkit.issue_evidence import issue_route

    said = {"own": "own triggers", "learnt": "learnt", "article": "their article's"}
    n = len(firsts)
    kinds = Counter(said[issue_route(t, marked_old)] for t in firsts if t is not None)
    return (f"{sum(kinds.values())} of {n} statements ({sum(kinds.values()) / max(1, n):.1%}) have an issue ("
            + ", ".join(f"{k} {kinds[k] / max(1, n):.1%}" for k in said.values()) + ")")


def content(claim, doc_text: str, arts) -> str:
    """The claim's content for a verdict line: its pieces' locators joined by " … " for a PolNeAR store,
    else its text (whitespace collapsed, shortened to 300 characters).

    >>> from types import SimpleNamespace as C
    >>> from audit_refs import Corpus
    >>> arts = Corpus.of({"a": "Lavrov said on Monday that talks would resume."})
    >>> c = C(doc_id="a", spans=((27, 45),), text="talks would resume")
    >>> content(c, arts["a"].text, arts), content(c, arts["a"].text, None)
    ('{pn:a@27-45}', 'talks would resume')
    """
    from audit_refs import span_ref

    refs = [span_ref(arts, claim.doc_id, doc_text, s, e) for s, e in claim.spans] if arts else [None]
    if all(refs):
        return " … ".join(refs)
    return textwrap.shorten(" ".join(claim.text.split()), 300)


def pair_lines(k: int, claim, issues, doc_text: str, arts) -> list[str]:
    """A claim's verdict line to fill in (``?`` for y / n) and, under it, each issue's description."""
    trig, score = dict(claim.issue_triggers), dict(claim.issue_scores)
    pairs = " + ".join(f"{name} [{trig.get(name, '')}; score {score.get(name, 0):.2f}]" for name in claim.issues)
    lines = [f"{k:2} ? {pairs}: {claim.speaker}: {content(claim, doc_text, arts)}"]
    for name in claim.issues:
        desc = issues.loc[name, "description"] if name in issues.index else ""
        lines.append(f"       → {name}  ({desc})")
    return lines


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("store", type=Path)
    ap.add_argument("-n", type=int, default=40)
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--text", action="store_true", help="the claims' content as text, to read (never into bench/audits)")
    ap.add_argument("--issue-score", type=float, default=None, help="count the issues scored at least this")
    ap.add_argument("--issue-evidence", default=None, help="count the issues given this way: own, learnt, article")
    a = ap.parse_args(argv)

    import graphkit
    from graphkit.issue_evidence import IssueFilter, old_marker

    IssueFilter.of(a.issue_score, a.issue_evidence)  # a bad setting is said before the store is read
    with graphkit.open(a.store) as g:
        old = old_marker(g.store)  # the article's marker the store was kept with
        counts = IssueFilter.of(a.issue_score, a.issue_evidence, old)
        issues = g.issues().set_index("name")
        claims = g.store.claims()
        rows = [counts.apply(c) for c in claims if c.same_as is None]
        with_issue = [c for c in rows if c.issues]
        pick = random.Random(a.seed).sample(sorted(with_issue, key=lambda c: c.id), min(a.n, len(with_issue)))
        docs = g.store.documents_by_id({c.doc_id for c in pick})
    arts = None
    if not a.text:
        from audit_refs import polnear_or_none

        arts = polnear_or_none()
    # the first issue's evidence as its kept report gave it (a statement's other reports' come after it)
    firsts = [next((t for n, t in c.issue_triggers if n == c.issues[0]), "") if c.issues else None for c in rows]
    out = [f"{issue_coverage(firsts, old)}; {len(issues)} issues ({', '.join(sorted(set(issues['origin'])))})\n"]
    for k, c in enumerate(pick, 1):
        out += pair_lines(k, c, issues, docs[c.doc_id].text if c.doc_id in docs else "", arts) + [""]
    if arts:
        from audit_refs import file_safe

        print(file_safe("\n".join(out), arts))
    else:
        print("\n".join(out))
    return 0


if __name__ == "__main__":
    from graphkit.errors import script_main

    sys.exit(script_main("audit_issues", main))
