"""Print random links of a store for a person to judge: both sentences and the evidence.

    python bench/audit_links.py STORE -n 40                      # contradicts links (score >= MIN_SCORE)
    python bench/audit_links.py STORE -n 40 --kind reverses      # one actor's reversals over time
    python bench/audit_links.py STORE -n 40 --kind same_as       # merged reports of one statement
    python bench/audit_links.py STORE -n 40 --min-score 0        # every stored link, the threshold aside

Each link is printed with both claims' speaker, date, article and whole sentence (the content in
[[double brackets]]), and the evidence graphkit linked them on (shared arguments, opposing words,
score; for same_as the wording or concept score). Read both sentences and write down real / false;
precision = real / judged. The sample is drawn with --seed (default 0), so a judged list can be re-printed.
"""

from __future__ import annotations

import argparse
import random
import sys
import textwrap
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from graphkit.contradict import MIN_SCORE  # noqa: E402
from graphkit.statements import concept_idf, same_statement_score  # noqa: E402
from graphkit.store import Store  # noqa: E402


def sentence(store: Store, c, docs: dict) -> str:
    """The claim's sentence with its content in [[ ]]; the content alone when the article is gone."""
    d = docs.get(c.doc_id) or store.document(c.doc_id)
    docs[c.doc_id] = d
    if d is None:
        return f"[[{c.text}]]"
    spans = [*c.spans, *(x for x in (c.sentence_span, c.speaker_span) if x)]
    lo, hi = min(s for s, _ in spans), max(e for _, e in spans)
    out, pos = [], lo
    for s, e in c.spans:
        out += [d.text[pos:s], "[[", d.text[s:e], "]]"]
        pos = e
    out.append(d.text[pos:hi])
    return " ".join("".join(out).split())


def show_claim(label: str, store: Store, c, docs: dict) -> str:
    head = f"  {label}: {c.speaker} ({c.cue}, {c.stance}) · {c.date or 'undated'} · {c.doc_id} · conf {c.confidence:.2f}"
    body = textwrap.fill(sentence(store, c, docs), 110, initial_indent="     ", subsequent_indent="     ")
    return head + "\n" + body


def contradiction_links(store: Store, kind: str, min_score: float):
    return [x for x in store.contradictions() if x.relation == kind and x.score >= min_score]


def same_as_pairs(store: Store):
    """(report, first report) of every merged statement."""
    reports = [c for c in store.claims() if c.same_as]
    firsts = {c.id: c for c in store.claims(ids=sorted({c.same_as for c in reports}))} if reports else {}
    return [(firsts[c.same_as], c) for c in reports if c.same_as in firsts]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("store", type=Path)
    ap.add_argument("-n", type=int, default=40, help="how many links to print (all when fewer)")
    ap.add_argument("--kind", choices=["contradicts", "reverses", "same_as"], default="contradicts")
    ap.add_argument("--min-score", type=float, default=MIN_SCORE, help=f"default {MIN_SCORE} (graphkit's threshold)")
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args(argv)
    if not a.store.exists():
        ap.exit(2, f"audit_links: error: no store at {a.store}; build one with graphkit build CORPUS --store {a.store}\n")
    store = Store(a.store, readonly=True)
    docs: dict = {}
    rng = random.Random(a.seed)
    if a.kind == "same_as":
        pairs = same_as_pairs(store)
        idf = concept_idf(list(store.claims(distinct=True)))
        picked = sorted(rng.sample(range(len(pairs)), min(a.n, len(pairs))))
        print(f"{len(pairs)} same_as reports in {a.store}; {len(picked)} drawn (seed {a.seed})\n")
        for k, i in enumerate(picked, 1):
            first, rep = pairs[i]
            score, why = same_statement_score(first.text, rep.text, idf)
            print(f"#{k} same_as · score {score:.2f} · {why}")
            print(show_claim("first ", store, first, docs))
            print(show_claim("report", store, rep, docs))
            print("  judgement: real / false\n")
        return 0
    links = contradiction_links(store, a.kind, a.min_score)
    picked = sorted(rng.sample(range(len(links)), min(a.n, len(links))))
    every = store.contradictions()
    print(f"{len(links)} {a.kind} links with score >= {a.min_score} in {a.store} ({len(every)} stored); "
          f"{len(picked)} drawn (seed {a.seed})\n")
    for k, i in enumerate(picked, 1):
        x = links[i]
        by_id = {c.id: c for c in store.claims(ids=[x.a, x.b])}
        print(f"#{k} {x.relation} · score {x.score:.3f} · shared: {', '.join(x.shared)} · opposing: "
              f"{' / '.join(x.opposing)} · {x.days if x.days is not None else '?'} days")
        print(f"  reason: {x.reason}")
        for label, cid in (("a", x.a), ("b", x.b)):
            if cid in by_id:
                print(show_claim(label, store, by_id[cid], docs))
        print("  judgement: real / false\n")
    return 0


if __name__ == "__main__":
    from graphkit.errors import script_main

    sys.exit(script_main("audit_links", main))
