"""Issue discovery and assignment re-run on a store's captured resolution inputs (issue 14, fifteenth pass).

A PolNeAR train build parses for minutes; discovering issues and assigning every claim to them takes seconds. This
script reads once what the build's issue stage reads of a built store (each claim's text, context, keyphrases and
article; the resolved actors; how many claims each actor speaks; which reports are statements) into a pickle, then
runs discovery and assignment on it as `graphkit.build.resolve_store` does (`graphkit.discover.discover_issues`,
`graphkit.kept.kept_issue_model`'s fit, `graphkit.issue_model.assign_corpus`), with the code as it is imported: a
variant is a patch of graphkit's module constants or functions before `assign`. It prints coverage over statements,
how the statements got their first issue, the issues with their sizes, and with ``--against`` the statements whose
issues differ from another run's (saved with ``--save``), and a seeded draw of them for a person to judge.

    python bench/issue_harness.py capture bench/_work/polnear-train.gk bench/_work/issue_inputs.pkl
    python bench/issue_harness.py run bench/_work/issue_inputs.pkl --save bench/_work/main.json
    python bench/issue_harness.py run bench/_work/issue_inputs.pkl --discovered bench/_work/polnear-train.gk
    python bench/issue_harness.py run bench/_work/issue_inputs.pkl --set graphkit.issue_model.MIN_ARTICLE_SHARE=0.12 \\
        --against bench/_work/main.json --draw 7 -n 30
    python bench/issue_harness.py bands bench/_work/issue_inputs.pkl bench/_work/main.json --lo 0.1 --hi 0.15 --draw 32
"""

from __future__ import annotations

import argparse
import importlib
import json
import pickle
import random
import sys
import textwrap
from collections import Counter
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def capture(store_path: Path, out: Path) -> None:
    """What the build's issue stage reads of ``store_path``, pickled to ``out``."""
    from graphkit.build import claim_id, iter_extractions
    from graphkit.store import Store

    with Store(store_path, readonly=True) as st:
        rows = []
        for doc_id, ex in iter_extractions(st):
            for it in ex.items:
                a = it.attribution
                rows.append((claim_id(doc_id, a.spans), doc_id, a.text, tuple(it.context), tuple(it.phrases),
                             tuple(it.context_phrases)))
        actors = [(a.id, a.name, tuple(a.aliases), a.type) for a in resolved_actors(st)]
        spoken = Counter(c.speaker_id for c in st.claims())
        statements = sorted(c.id for c in st.claims() if c.same_as is None)
        speaker = {c.id: c.speaker for c in st.claims()}
    with open(out, "wb") as f:
        pickle.dump({"rows": rows, "actors": actors, "spoken": dict(spoken), "statements": statements,
                     "speaker": speaker}, f)
    print(f"{len(rows)} reports, {len(statements)} statements, {len(actors)} actors -> {out}")


def resolved_actors(st) -> list:
    """Every actor the build's actor pass resolves (the store keeps only those that speak a claim; discovery
    excludes the names of all of them)."""
    from graphkit.build import read_resolution_inputs
    from graphkit.gazetteer import load_gazetteer
    from graphkit.resolve import resolve_actors

    atts, ents, _, _ = read_resolution_inputs(st)
    return resolve_actors(atts, ents, load_gazetteer()).actors  # models/ alone, as the build without a corpus file


class _NothingKept:
    """The store methods `graphkit.kept.claim_issues` calls, with nothing kept and nothing stored: a refit and a
    full assignment, as a first build of the store does them."""

    def get_meta(self, name):
        return None

    def set_meta(self, name, value) -> None:
        pass

    def kept_issue_keys(self) -> dict:
        return {}

    def keep_issues(self, rows) -> None:
        pass


def assign(inputs: dict, n_issues=None, discovered: Optional[dict] = None):
    """(the discovered issues' data, each report's (issue, triggers, score) list), with the build's own functions:
    the discovery of `graphkit.build._discovered_issues`, then `graphkit.kept.claim_issues` itself (the issue model's
    fit on its sample and `graphkit.issue_model.assign_corpus` by article), so a change to either is what a build runs.
    The inputs are not all the build's: the actors (which discovery reads to exclude names, and the issue model for its
    stop words) are resolved here from models/ alone (`resolved_actors`), and at -47 that no longer reproduces the
    build: its own discovery finds 37 issues but other groups (91.4 % of statements covered against the build's
    86.3 %), and even on the build's issues 133 of 14,565 statements differ (bench/README.md, issue 14, twenty-second
    pass). ``discovered``: the issues a build discovered (its store's meta ``discovered_issues``, `kept_issues`),
    assigned instead of discovering again: an assignment variant then runs on the build's own issues."""
    from types import SimpleNamespace

    from graphkit.build import discovery_sample, not_issues, organisations_spoken, people_names
    from graphkit.discover import discover_issues
    from graphkit.issues import taxonomy_from_data
    from graphkit.kept import claim_issues

    actors = [SimpleNamespace(id=i, name=n, aliases=al, type=t) for i, n, al, t in inputs["actors"]]
    rows = inputs["rows"]
    if discovered is not None:
        data = {k: v for k, v in discovered.items() if k != "n_issues"}
    else:
        claims = discovery_sample([(cid, d, ph, cph) for cid, d, _, _, ph, cph in rows])
        data = discover_issues(claims, n_issues=n_issues, exclude=not_issues(actors),
                               spoken=organisations_spoken(actors, inputs["spoken"]))
    tax = taxonomy_from_data(data, "issues discovered from the corpus", origin="discovered")
    said: dict[str, list] = {}
    for _, d, t, ctx, _, _ in rows:
        said.setdefault(d, []).append((t, ctx))
    by_doc = claim_issues(_NothingKept(), said, tax, exclude=people_names(actors), refit=True, full=True)
    nth = Counter()
    about = []
    for _, d, *_ in rows:
        about.append(by_doc[d][nth[d]])
        nth[d] += 1
    return data, about


def kept_issues(store_path: Path) -> dict:
    """The issues a build discovered in the store at ``store_path`` (its meta ``discovered_issues``)."""
    from graphkit.store import Store

    with Store(store_path, readonly=True) as st:
        raw = st.get_meta("discovered_issues")
    if not raw:
        raise SystemExit(f"{store_path}: no discovered issues kept")
    return json.loads(raw)


def per_statement(inputs: dict, about) -> dict[str, list]:
    """Statement id → its (issue, triggers, score) list (a statement's first report's)."""
    want = set(inputs["statements"])
    out = {}
    for (cid, *_), a in zip(inputs["rows"], about):
        if cid in want and cid not in out:
            out[cid] = [list(x) for x in a]
    return out


def kind(triggers: str) -> str:
    return "article" if triggers.startswith("context: article") else "learnt" if triggers.startswith("learnt: ") else "own"


def summary(inputs: dict, data: dict, st: dict[str, list]) -> None:
    n = len(st)
    have = [a for a in st.values() if a]
    how = Counter(kind(a[0][1]) for a in have)
    print(f"{len(have)} of {n} statements ({len(have) / n:.1%}) have an issue ("
          + ", ".join(f"{k} {how[k] / n:.1%}" for k in ("own", "learnt", "article")) + f"); "
          f"{len(data['issues'])} issues")
    size = Counter(x[0] for a in have for x in a)
    print("; ".join(f"{i['name']} {size[i['name']]}" for i in sorted(data["issues"], key=lambda i: -size[i["name"]])))


def texts(inputs: dict) -> dict[str, str]:
    out = {}
    for cid, _, t, *_ in inputs["rows"]:
        out.setdefault(cid, t)
    return out


def show(cid: str, a: list, text: dict, speaker: dict) -> str:
    iss = " + ".join(f"{x[0]} [{x[1]}; {x[2]:.2f}]" for x in a) or "(none)"
    return f"{iss}: {speaker.get(cid, '?')}: " + textwrap.shorten(" ".join(text[cid].split()), 200)


def bands(inputs: dict, saved: Path, lo: float, hi: float, seed: Optional[int], n: int) -> None:
    """The article pairs of a saved run by score (half the issue's share of the weighed votes), and a seeded draw of
    those scoring in [lo, hi): the fit/coverage trade-off, band by band."""
    st = json.loads(saved.read_text())["statements"]
    art = {k: a for k, a in st.items() if a and kind(a[0][1]) == "article"}
    edges = [0.0, 0.065, 0.075, 0.1, 0.15, 1.01]
    print("article pairs by score: " + "; ".join(
        f"[{a}, {b}) {sum(1 for x in art.values() if a <= x[0][2] < b)}" for a, b in zip(edges, edges[1:])))
    if seed is not None:
        text = texts(inputs)
        ks = sorted(k for k in art if lo <= art[k][0][2] < hi)
        for i, k in enumerate(random.Random(seed).sample(ks, min(n, len(ks))), 1):
            print(f"{i:3}. {show(k, art[k], text, inputs['speaker'])}")


def apply_sets(sets: list[str]) -> None:
    """``module.NAME=value`` patches (value read as JSON, else as a string)."""
    for s in sets:
        target, raw = s.split("=", 1)
        mod, name = target.rsplit(".", 1)
        try:
            val = json.loads(raw)
        except ValueError:
            val = raw
        setattr(importlib.import_module(mod), name, val)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("capture")
    c.add_argument("store", type=Path)
    c.add_argument("out", type=Path)
    r = sub.add_parser("run")
    r.add_argument("inputs", type=Path)
    r.add_argument("--set", action="append", default=[], help="module.NAME=value (JSON) before running")
    r.add_argument("--n-issues", type=int, default=None)
    r.add_argument("--discovered", type=Path, default=None,
                   help="a built store: assign to the issues it discovered instead of discovering again")
    r.add_argument("--save", type=Path)
    r.add_argument("--against", type=Path)
    r.add_argument("--draw", type=int, default=None)
    r.add_argument("-n", type=int, default=30)
    b = sub.add_parser("bands")
    b.add_argument("inputs", type=Path)
    b.add_argument("saved", type=Path)
    b.add_argument("--lo", type=float, default=0.0)
    b.add_argument("--hi", type=float, default=1.01)
    b.add_argument("--draw", type=int, default=None)
    b.add_argument("-n", type=int, default=20)
    a = ap.parse_args(argv)
    if a.cmd == "bands":
        with open(a.inputs, "rb") as f:
            bands(pickle.load(f), a.saved, a.lo, a.hi, a.draw, a.n)
        return 0
    if a.cmd == "capture":
        capture(a.store, a.out)
        return 0
    apply_sets(a.set)
    with open(a.inputs, "rb") as f:
        inputs = pickle.load(f)
    data, about = assign(inputs, a.n_issues, kept_issues(a.discovered) if a.discovered else None)
    st = per_statement(inputs, about)
    summary(inputs, data, st)
    if a.save:
        a.save.write_text(json.dumps({"issues": data, "statements": st}))
    if a.against:
        old = json.loads(a.against.read_text())["statements"]
        changed = sorted(k for k in st if [x[0] for x in st[k]] != [x[0] for x in old.get(k, [])])
        print(f"changed: {len(changed)} statements (gain an issue {sum(1 for k in changed if not old.get(k))}, "
              f"lose every issue {sum(1 for k in changed if not st[k])})")
        if a.draw is not None:
            text = texts(inputs)
            for k, cid in enumerate(random.Random(a.draw).sample(changed, min(a.n, len(changed))), 1):
                print(f"{k:3}. was {show(cid, old.get(cid, []), text, inputs['speaker'])}")
                print(f"     now {' + '.join(f'{x[0]} [{x[1]}; {x[2]:.2f}]' for x in st[cid]) or '(none)'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
