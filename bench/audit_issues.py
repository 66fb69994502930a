"""Random claim → issue pairs of a store, for a person to judge whether each issue fits (issue 14).

Draws -n claims that have an issue (one row per statement, seeded: the same store and seed give
the same draw) and prints each with its speaker, its issues, the words that triggered each and the
score, and the issue's top phrases (its description), so that a reader can mark each pair as
fitting or not. Also prints the share of claims that have an issue.

    python bench/audit_issues.py bench/_work/polnear-train.gk -n 40 [--seed 14]
"""

from __future__ import annotations

import argparse
import random
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def evidence_shares(claims, n: int) -> str:
    """How the claims got their best issue, as shares of ``n``: their own triggers, learnt, or their article's."""
    from collections import Counter

    kinds = Counter()
    for c in claims:
        trig = dict(c.issue_triggers).get(c.issues[0], "")
        kinds["their article's" if trig.startswith("context: article") else "learnt" if trig.startswith("learnt: ")
              else "own triggers"] += 1
    return ", ".join(f"{k} {kinds[k] / max(1, n):.1%}" for k in ("own triggers", "learnt", "their article's"))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("store", type=Path)
    ap.add_argument("-n", type=int, default=40)
    ap.add_argument("--seed", type=int, default=14)
    a = ap.parse_args(argv)

    import graphkit

    with graphkit.open(a.store) as g:
        issues = g.issues().set_index("name")
        claims = g.store.claims()
        rows = [c for c in claims if c.same_as is None]
    with_issue = [c for c in rows if c.issues]
    print(f"{len(with_issue)} of {len(rows)} statements ({len(with_issue) / max(1, len(rows)):.1%}) have an issue "
          f"({evidence_shares(with_issue, len(rows))}); {len(issues)} issues ({', '.join(sorted(set(issues['origin'])))})\n")
    pick = random.Random(a.seed).sample(sorted(with_issue, key=lambda c: c.id), min(a.n, len(with_issue)))
    for k, c in enumerate(pick, 1):
        print(f"{k:3}. {c.speaker}: " + textwrap.shorten(" ".join(c.text.split()), 300))
        trig, score = dict(c.issue_triggers), dict(c.issue_scores)
        for name in c.issues:
            desc = issues.loc[name, "description"] if name in issues.index else ""
            print(f"       → {name}  [{trig.get(name, '')}; score {score.get(name, 0):.2f}]  ({desc})")
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
