"""Issues discovered from a corpus's own claims, when the corpus brings no taxonomy.

Each claim's keyphrases (graphkit.keyphrases: noun phrases and named things, kept by the
extraction) are folded to light lemmas; phrases said in enough claims and articles make the
vocabulary, less the speakers' names and, in corpora of many articles, phrases spread over them like
words any article may use (`spread`). A non-negative matrix factorisation (scikit-learn NMF,
deterministic ``nndsvd`` start) of the articles × phrases TF-IDF matrix (claims × phrases in a corpus
of few articles: a claim is one sentence, too short to show what goes together) groups phrases said
together into issues. The number of issues is the one, among a range set by the corpus size, with the
largest coherent mass: the sum over issues of how much their top phrases are said together (NPMI over
articles, or over each claim and the sentence before it, counted when positive); ``n_issues``
overrides it. With many articles, issues whose top phrases are not said together are dropped.

Each phrase goes to the issue that weighs it most, when that issue holds most of its weight.
An issue is named by the phrase said most often among its top three (or a longer one ending in it
said at least a third as often: "council tax" rather than "tax"), as written most often, and becomes an entry
of an issues.yaml (name, description, patterns, context) marked ``origin: discovered``, so
claims are assigned to it exactly like to a hand-made issue (graphkit.issues.assign_claim), and
`graphkit issues suggest` writes it as a file to edit. Same claims in, same issues out.

>>> claims = [(f"c{i}", f"d{i % 4}", ph) for i, ph in enumerate(
...     [["council tax", "pensioners"], ["council tax", "bills"], ["council tax", "councils"], ["ID cards", "civil liberties"],
...      ["ID cards", "Home Office"], ["ID cards", "civil liberties"]] * 3)]
>>> [i["name"] for i in discover_issues(claims, n_issues=2)["issues"]]
['ID cards', 'council tax']
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from typing import Iterable, Optional, Sequence

from .issues import _words

MIN_SHARE = 0.5        # a phrase joins the issue holding at least this share of its NMF weight
MAX_PATTERNS = 100     # triggers listed per issue (the most weighted)
CONTEXT_TRIGGERS = MAX_PATTERNS  # triggers that also count in the sentence before a claim: all
CONTEXT_WEIGHT = 0.5   # a phrase of the sentence before a claim counts this much in its row
SPREAD_MAX = 0.9       # a phrase whose articles are this close to those of a word scattered at random is generic
SPREAD_MIN_ARTICLES = 20  # ... judged only in corpora of at least this many articles
MAX_DF = 0.5           # a phrase in more than this share of claims is too general to mark an issue


def phrase_key(phrase: str) -> str:
    """The folded form phrases are counted by (light lemmas, case folded).

    >>> phrase_key("Council Tax bills"), phrase_key("the EU's")
    ('council tax bill', 'the eu')
    """
    return " ".join(lem for _, lem, _, _ in _words(phrase))


def _keys(phrases, surface=None) -> list[str]:
    out = []
    for p in phrases:
        k = phrase_key(p)
        if k and not k.isdigit() and len(k) > 1:
            out.append(k)
            if surface is not None:
                surface[k][p] += 1
    return sorted(set(out))


def spread(claims_in: int, articles_with: int, claims_per_article: Sequence[int]) -> float:
    """Articles a phrase is said in, over the number expected if its claims fell at random (Church & Gale).

    Near 1 for words any article may use ("time", "way", "people": 0.90-0.96 on PolNeAR train), well
    below for what some articles are about ("email" 0.54, "abortion" 0.41, "health care" 0.88).

    >>> round(spread(10, 2, [10] * 10 + [1] * 90), 2), round(spread(10, 10, [10] * 10 + [1] * 90), 2)
    (0.23, 1.14)
    """
    n = sum(claims_per_article)
    expected = sum(1 - (1 - k / n) ** claims_in for k in claims_per_article)
    return articles_with / expected if expected else 1.0


def _vocabulary(claims, min_df: int, min_docs: int, exclude=frozenset()):
    """Rows (claim id, doc id, own keys, context keys), the vocabulary, claim and article frequencies, surfaces."""
    df, docs, surface = Counter(), defaultdict(set), defaultdict(Counter)
    rows = []
    for cid, doc_id, phrases, *ctx in claims:
        keys = _keys(phrases, surface)
        rows.append((cid, doc_id, keys, [k for k in _keys(ctx[0] if ctx else ()) if k not in keys]))
        for k in keys:
            df[k] += 1
            docs[k].add(doc_id)
    n = max(1, len(rows))
    vocab = [k for k, c in df.items() if c >= min_df and len(docs[k]) >= min_docs and c <= MAX_DF * n
             and k not in exclude]
    per_article = list(Counter(d for _, d, _, _ in rows).values())
    if len(per_article) >= SPREAD_MIN_ARTICLES:
        vocab = [k for k in vocab if spread(df[k], len(docs[k]), per_article) < SPREAD_MAX]
    return rows, sorted(vocab), df, docs, surface


def _matrix(rows, vocab, df, n):
    import numpy as np
    from scipy.sparse import csr_matrix

    col = {k: j for j, k in enumerate(vocab)}
    data, ind, ptr, kept = [], [], [0], []
    for r, (_, _, keys, ctx) in enumerate(rows):
        own = {col[k] for k in keys if k in col}
        js = sorted(own | {col[k] for k in ctx if k in col})
        if not own:
            continue
        w = [(math.log(n / df[vocab[j]]) + 1.0) * (1.0 if j in own else CONTEXT_WEIGHT) for j in js]
        norm = math.sqrt(sum(x * x for x in w))
        data += [x / norm for x in w]
        ind += js
        ptr.append(len(ind))
        kept.append(r)
    return csr_matrix((np.array(data), np.array(ind, dtype=np.int64), np.array(ptr, dtype=np.int64)),
                      shape=(len(kept), len(vocab))), kept


def _article_matrix(rows, vocab, docs):
    """Articles × phrases: log(1 + claims saying it) × idf over articles, rows L2-normalised."""
    import numpy as np
    from scipy.sparse import csr_matrix

    col = {k: j for j, k in enumerate(vocab)}
    counts: dict[str, Counter] = defaultdict(Counter)
    for _, doc_id, keys, ctx in rows:
        for k in keys:
            if k in col:
                counts[doc_id][col[k]] += 1.0
        for k in ctx:
            if k in col:
                counts[doc_id][col[k]] += CONTEXT_WEIGHT
    n_docs = len({r[1] for r in rows})
    data, ind, ptr = [], [], [0]
    for doc_id in sorted(counts):
        js = sorted(counts[doc_id])
        w = [math.log1p(counts[doc_id][j]) * (math.log(n_docs / len(docs[vocab[j]])) + 1.0) for j in js]
        norm = math.sqrt(sum(x * x for x in w)) or 1.0
        data += [x / norm for x in w]
        ind += js
        ptr.append(len(ind))
    return csr_matrix((np.array(data), np.array(ind, dtype=np.int64), np.array(ptr, dtype=np.int64)),
                      shape=(len(ptr) - 1, len(vocab)))


def _fit(X, k: int):
    import warnings

    from sklearn.decomposition import NMF

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # ConvergenceWarning: a few hundred iterations are plenty for topics
        model = NMF(n_components=k, init="nndsvd", max_iter=400, random_state=0)
        model.fit(X)
    return model.components_


def _windows(rows, vocab) -> dict[str, set]:
    """phrase key → the claims whose text or preceding sentence says it (the co-occurrence windows)."""
    wanted = set(vocab)
    out = defaultdict(set)
    for r, (_, _, keys, ctx) in enumerate(rows):
        for k in (*keys, *ctx):
            if k in wanted:
                out[k].add(r)
    return out


def _coherence(H, vocab, docs, n_docs: int, top: int = 8) -> list[float]:
    """Each issue's mean NPMI of its top phrases over co-occurrence windows (`docs`: phrase → window ids)."""
    scores = []
    for row in H:
        idx = [j for j in row.argsort()[::-1][:top] if row[j] > 0]
        pairs = []
        for a in range(len(idx)):
            for b in range(a + 1, len(idx)):
                da, db = docs[vocab[idx[a]]], docs[vocab[idx[b]]]
                both = len(da & db)
                if both == 0:
                    pairs.append(-1.0)
                    continue
                p_ab, p_a, p_b = both / n_docs, len(da) / n_docs, len(db) / n_docs
                pairs.append(0.0 if p_ab >= 1 else math.log(p_ab / (p_a * p_b)) / -math.log(p_ab))
        scores.append(sum(pairs) / len(pairs) if pairs else -1.0)
    return scores


def candidate_counts(n_claims: int, n_phrases: int) -> list[int]:
    """Numbers of issues tried: from 4 up to the square root of the number of claims (at most 60 and a
    third of the phrases).

    >>> candidate_counts(300, 200), candidate_counts(8000, 3000)
    ([4, 6, 9, 14, 17], [4, 6, 9, 14, 21, 32, 48, 60])
    """
    hi = int(max(4, min(60, math.sqrt(n_claims), n_phrases / 3)))
    out, k = [], 4
    while k < hi:
        out.append(k)
        k = max(k + 2, round(k * 1.5))
    return out + [hi]


def discover_issues(claims: Iterable[tuple], n_issues: Optional[int] = None, exclude: Iterable[str] = ()) -> dict:
    """An issues.yaml mapping (``{"version": 1, "issues": [...]}``) discovered from (claim id, doc id, keyphrases
    [, keyphrases of the sentence before]).

    ``exclude``: phrases that are no issue whatever the data say (the speakers' names: who is not what about).

    Issues come largest first; each has name, description, patterns, context and ``origin: discovered``.
    Too few claims or phrases to find any issue gives an empty list.
    """
    claims = sorted(claims, key=lambda c: c[0])
    n_docs = len({c[1] for c in claims})
    n = len(claims)
    min_df = max(2, math.ceil(n / 2000))
    rows, vocab, df, docs, surface = _vocabulary(claims, min_df, 2 if n_docs > 1 else 1,
                                                 frozenset(phrase_key(x) for x in exclude))
    if len(vocab) < 4 or n < 12:
        return {"version": 1, "issues": []}
    X, kept = _matrix(rows, vocab, df, n)
    many = n_docs >= SPREAD_MIN_ARTICLES
    # topics are learnt from articles when there are many (a claim is one sentence: too short to show
    # which phrases go together), else from the claims
    F = _article_matrix(rows, vocab, docs) if many else X
    if n_issues:
        ks = [max(1, min(int(n_issues), len(vocab)))]
    else:
        ks = candidate_counts(X.shape[0], len(vocab))
    best = None
    # phrases said together: in one article (in a corpus of many), else in one claim and the sentence before
    together = docs if many else _windows(rows, vocab)
    n_windows = n_docs if many else len(rows)
    for k in ks:
        H = _fit(F, k)
        # the coherent mass: issues whose top phrases are said together count by how much (NPMI > 0)
        score = sum(max(0.0, c) for c in _coherence(H, vocab, together, n_windows)) if len(ks) > 1 else 0.0
        if best is None or score > best[0] + 1e-9:
            best = (score, H)
    coherent = _coherence(best[1], vocab, together, n_windows) if many else None
    return _taxonomy(best[1], X, vocab, surface, df, coherent)


def _taxonomy(H, X, vocab, surface, df, coherent=None) -> dict:
    """Issues from the factorisation H (issues × phrases); with `coherent` (each issue's NPMI), an issue
    needs two phrases said together more than by chance."""
    import numpy as np

    total = H.sum(axis=0)
    owner = H.argmax(axis=0)
    share = np.where(total > 0, H.max(axis=0) / np.where(total > 0, total, 1), 0)
    size = np.asarray((X @ H.T).argmax(axis=1)).ravel()  # each claim's main issue, for the order
    counts = Counter(int(t) for t in size)
    issues, names = [], set()
    for t in sorted(range(H.shape[0]), key=lambda t: (-counts.get(t, 0), t)):
        js = [j for j in H[t].argsort()[::-1] if owner[j] == t and share[j] >= MIN_SHARE and H[t, j] > 0]
        js = js[:MAX_PATTERNS]
        if not js or (coherent is not None and (len(js) < 2 or coherent[t] <= 0)):
            continue
        # named by the phrase said most often among its three most weighted, which lead the list
        # ... or a longer phrase ending in it said at least a third as often ("council tax" before "tax")
        lead = sorted(js[:3], key=lambda j: -df[vocab[j]])[0]
        longer = [j for j in js[:10] if vocab[j].endswith(" " + vocab[lead]) and df[vocab[j]] * 3 >= df[vocab[lead]]]
        if longer:
            lead = max(longer, key=lambda j: (df[vocab[j]], -j))
        js = [lead] + [j for j in js if j != lead]
        written = [_written(surface[vocab[j]]) for j in js]
        name = written[0]
        if name.lower() in names and len(written) > 1:
            name = f"{written[0]}, {written[1]}"
        if name.lower() in names:
            continue
        names.add(name.lower())
        issues.append({"name": name, "description": "discovered: " + ", ".join(written[:5]),
                       "patterns": written, "context": written[:CONTEXT_TRIGGERS], "origin": "discovered"})
    return {"version": 1, "issues": issues}


def _written(forms: Counter) -> str:
    """The form a phrase is written in most often (ties: the first in sort order)."""
    return sorted(forms.items(), key=lambda x: (-x[1], x[0]))[0][0]


# -- an editable file from a store ------------------------------------------------------------------
def suggest(store_path, n_issues: Optional[int] = None, rediscover: bool = False, examples: int = 5) -> str:
    """The store's discovered issues as an issues.yaml to edit, each with its size and example claims as comments.

    The issues the build discovered (kept in the store) unless `rediscover` or `n_issues` asks for a new
    discovery; a store built with the corpus's own taxonomy gets one discovered now, from all its claims.
    """
    from .build import _discovered_issues, load_extractions
    from .issues import assign_claim, taxonomy_from_data
    from .store import Store

    with Store(store_path, readonly=True) as store:
        extractions = load_extractions(store)
        if store.get_meta("discovered_issues") is None:
            rediscover = True
        data = _discovered_issues(store, extractions, n_issues, rediscover)
        n_claims = sum(len(ex.items) for ex in extractions.values())
    tax = taxonomy_from_data(data, "discovered", origin="discovered")
    members: dict[str, list] = defaultdict(list)
    for doc_id in sorted(extractions):
        for it in extractions[doc_id].items:
            a = it.attribution
            for name, _, score in assign_claim(a.text, it.context, tax):
                members[name].append((-score, len(a.text), a.text, a.resolved_text or a.speaker_text or "?"))
    return write_issues_yaml(data, members, n_claims, examples, source=str(store_path))


def write_issues_yaml(data: dict, members: dict, n_claims: int, examples: int, source: str) -> str:
    """issues.yaml text: a header, then per issue its size and examples as comments and its entry."""
    import yaml

    def flow(xs):
        return yaml.safe_dump(list(xs), default_flow_style=True, width=10_000, allow_unicode=True).strip()

    lines = [f"# Issues discovered from the {n_claims} claims in {source} (graphkit issues suggest).",
             "# Edit freely: rename an issue, merge two, drop one, add or remove triggers (format: models/issues.yaml).",
             "# Then save this file as CORPUS/issues.yaml (or pass it with --issues FILE) and rebuild.",
             "# Under each issue: its number of claims and the best-matched examples.",
             "version: 1", "issues:"]
    if not data.get("issues"):
        lines[-1] = "issues: []"
    for iss in data.get("issues", []):
        ms = sorted(members.get(iss["name"], []))
        lines.append(f"  # {len(ms)} claim(s)" + (", e.g.:" if ms else ""))
        for _, _, text, speaker in ms[:examples]:
            t = " ".join(text.split())
            t = t if len(t) <= 110 else t[:109] + "…"
            lines.append(f"  #   {speaker}: {t}")
        lines.append(f"  - name: {flow([iss['name']])[1:-1]}")
        if iss.get("description"):
            lines.append(f"    description: {flow([iss['description']])[1:-1]}")
        lines.append(f"    patterns: {flow(iss.get('patterns') or [])}")
        if iss.get("entities"):
            lines.append(f"    entities: {flow(iss['entities'])}")
        if iss.get("context"):
            lines.append(f"    context: {flow(iss['context'])}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
