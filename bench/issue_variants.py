"""Issue discovery and assignment variants side by side on one store's extractions (issue 14, fourth pass).

Reads a built store (e.g. bench/_work/polnear-train.gk from bench/issues_polnear.py), its extractions and
resolved actors, and assigns every report with each variant; prints the share of reports that get an
issue and the largest issues, and with --draw SEED a seeded draw of -n reports per variant for a person to
judge (use a seed you do not report). No store is written. The variants:

  merged     what `graphkit build` does: discovered issues (graphkit.discover), triggers, learnt issues
  unweighted ... the learnt model fitted without class weights (as before issue 14's fourth pass: the largest
             issue's prior wins vague claims)
  article    ... a learnt issue only when a trigger gave it to another claim of the same article, and a claim
             with none gets its article's most triggered issue when the learnt model ranks it first or
             gives it at least --agree
  topics     NMF (sklearn, nndsvd: deterministic) over articles' keyphrase TF-IDF, --k topics named by their
             top phrases; a claim gets the topic its own keyphrases are closest to (cosine >= --th), else
             its article's dominant topic (weight share >= --dom) when it says one of that topic's phrases

    python bench/issue_variants.py bench/_work/polnear-train.gk [--draw 5 -n 30] [--only topics]
"""

from __future__ import annotations

import argparse
import random
import sys
import textwrap
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def load(store_path):
    """Rows (doc id, text, context, phrases, context phrases, claim id), names that are no issue, people's names."""
    from graphkit.records import claim_id
    from graphkit.store_issues import load_extractions, not_issues, people_names
    from graphkit.store import Store

    with Store(store_path, readonly=True) as st:
        ex = load_extractions(st)
        actors = st.actors()
    rows = [(d, it.attribution.text, tuple(it.context), tuple(it.phrases), tuple(it.context_phrases),
             claim_id(d, it.attribution.spans)) for d, e in sorted(ex.items()) for it in e.items]
    return rows, not_issues(actors), people_names(actors)


def phrase_issues(rows, who, people, unweighted=False):
    """(triggers' issue lists, the learnt model, the taxonomy) as the build makes them."""
    import sklearn.linear_model as lm

    from graphkit.discover import discover_issues
    from graphkit.issue_learning import fit_issue_model, model_texts
    from graphkit.issue_model import issue_order
    from graphkit.issues import assign_claim, taxonomy_from_data

    claims = [(cid, d, ph, cph) for d, _, _, ph, cph, cid in rows]  # the build's ids: discovery sorts by them
    tax = taxonomy_from_data(discover_issues(claims, exclude=who), "variants", origin="discovered")
    said = [(t, ctx) for _, t, ctx, *_ in rows]
    assigned = [assign_claim(t, c, tax) for t, c in said]
    orig = lm.LogisticRegression
    if unweighted:
        lm.LogisticRegression = lambda **kw: orig(**{**kw, "class_weight": None})
    try:
        model = fit_issue_model(model_texts(said), assigned, exclude=people, order=issue_order(tax))
    finally:
        lm.LogisticRegression = orig
    return assigned, model, model_texts(said)


def probabilities(model, text):
    """The learnt model's probability of each class for `text`, and whether any feature of the model is said."""
    import numpy as np

    from graphkit.issue_learning import model_features

    cols, vals = model_features(model, text)
    z = model.coef[:, cols] @ np.array(vals) + model.intercept if cols else model.intercept.copy()
    p = np.exp(z - z.max())
    return p / p.sum(), bool(cols)


def learnt_variant(rows, assigned, model, texts, corroborate=False, agree=0.3):
    """Each report's (issue, how): its triggers' best issue, else the learnt one (with `corroborate`: only when
    the article has that issue by triggers; then the article's most triggered issue when the claim agrees)."""
    art = defaultdict(Counter)
    for (d, *_), a in zip(rows, assigned):
        for name, *_ in a:
            art[d][name] += 1
    out = []
    for (d, *_), a, text in zip(rows, assigned, texts):
        if a:
            out.append((max(a, key=lambda x: x[2])[0], "trigger"))
            continue
        p, said = probabilities(model, text)
        c = int(p.argmax())
        name = model.classes[c]
        if said and p[c] >= 0.5 and (not corroborate or art[d][name]):
            out.append((name, "learnt"))
        elif corroborate and said and art[d]:
            dom = art[d].most_common(1)[0][0]
            j = model.classes.index(dom) if dom in model.classes else -1
            out.append((dom, "article") if j >= 0 and (j == c or p[j] >= agree) else (None, ""))
        else:
            out.append((None, ""))
    return out


def topic_variant(rows, who, k=30, th=0.3, dom=0.5):
    """Each report's (topic name, how) from NMF topics over articles (see the module docstring)."""
    import numpy as np
    import scipy.sparse as sp
    from sklearn.decomposition import NMF
    from sklearn.preprocessing import normalize

    from graphkit import topical

    claims = [(f"{i:06d}", d, ph, cph) for i, (d, _, _, ph, cph, _) in enumerate(rows)]  # row order kept
    n = len(claims)
    rws, vocab, df, docs, surface = topical.phrase_vocabulary(claims, frozenset(topical.phrase_key(x) for x in who))
    col = {key: j for j, key in enumerate(vocab)}
    arts = sorted({r[1] for r in rws})
    aidx = {a: i for i, a in enumerate(arts)}
    ij = [(r, col[key]) for r, (_, _, keys, _) in enumerate(rws) for key in keys if key in col]
    C = sp.csr_matrix((np.ones(len(ij)), ([r for r, _ in ij], [j for _, j in ij])), shape=(n, len(vocab)))
    C.data[:] = 1.0
    doc_of = np.array([aidx[r[1]] for r in rws])
    A = (sp.csr_matrix((np.ones(n), (doc_of, np.arange(n))), shape=(len(arts), n)) @ C).tocsr()
    A.data = np.log1p(A.data)
    idf = np.log((1 + len(arts)) / (1 + np.asarray((A > 0).sum(0)).ravel())) + 1
    A = normalize(A.multiply(idf).tocsr())
    cidf = np.log((1 + n) / (1 + np.asarray((C > 0).sum(0)).ravel())) + 1
    X = normalize(C.multiply(cidf).tocsr())
    W = NMF(n_components=k, init="nndsvd", max_iter=400, random_state=0).fit(A)
    H = W.components_
    Wa = W.transform(A)
    Wa = Wa / np.maximum(Wa.sum(1, keepdims=True), 1e-12)
    S = np.asarray(X @ (H / np.linalg.norm(H, axis=1, keepdims=True)).T)
    names = [", ".join(topical.written_form(surface[vocab[j]]) for j in H[t].argsort()[::-1][:4]) for t in range(k)]
    out = []
    for r in range(n):
        b = int(S[r].argmax())
        a = int(Wa[doc_of[r]].argmax())
        if S[r, b] >= th:
            out.append((names[b], "own"))
        elif Wa[doc_of[r], a] >= dom and S[r, a] > 0:
            out.append((names[a], "article"))
        else:
            out.append((None, ""))
    return out


def report(name, rows, texts, got, draw, n):
    have = [i for i, (iss, _) in enumerate(got) if iss]
    how = Counter(h for _, h in got if h)
    print(f"== {name}: {len(have) / len(rows):.1%} of {len(rows)} reports get an issue ("
          + ", ".join(f"{h} {c / len(rows):.1%}" for h, c in how.most_common()) + ")")
    sizes = Counter(iss for iss, _ in got if iss)
    print("   largest: " + "; ".join(f"{iss} {c}" for iss, c in sizes.most_common(8)))
    if draw is not None:
        for i in random.Random(draw).sample(have, min(n, len(have))):
            print(f"   - [{got[i][0]}; {got[i][1]}] " + textwrap.shorten(texts[i], 220))
    print()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("store", type=Path)
    ap.add_argument("--draw", type=int, default=None)
    ap.add_argument("-n", type=int, default=30)
    ap.add_argument("--only", default=None, help="merged, unweighted, article or topics")
    ap.add_argument("--k", type=int, default=30)
    ap.add_argument("--th", type=float, default=0.3)
    ap.add_argument("--dom", type=float, default=0.5)
    ap.add_argument("--agree", type=float, default=0.3)
    a = ap.parse_args(argv)

    rows, who, people = load(a.store)
    texts = [f"{t} || {(ctx + ('',))[0]}" for _, t, ctx, *_ in rows]
    want = {a.only} if a.only else {"merged", "unweighted", "article", "topics"}
    if want & {"merged", "article"}:
        assigned, model, mt = phrase_issues(rows, who, people)
        if "merged" in want:
            report("merged", rows, texts, learnt_variant(rows, assigned, model, mt), a.draw, a.n)
        if "article" in want:
            report("article", rows, texts, learnt_variant(rows, assigned, model, mt, True, a.agree), a.draw, a.n)
    if "unweighted" in want:
        assigned, model, mt = phrase_issues(rows, who, people, unweighted=True)
        report("unweighted", rows, texts, learnt_variant(rows, assigned, model, mt), a.draw, a.n)
    if "topics" in want:
        report(f"topics (k {a.k}, th {a.th}, dom {a.dom})", rows, texts, topic_variant(rows, who, a.k, a.th, a.dom),
               a.draw, a.n)
    return 0


if __name__ == "__main__":
    from graphkit.errors import script_main

    sys.exit(script_main("issue_variants", main))
