"""Issues discovered from a corpus's own claims, when the corpus brings no taxonomy.

Each claim's keyphrases (graphkit.keyphrases: noun phrases and named things, kept by the
extraction) are folded to light lemmas; phrases said in enough claims and articles make the
vocabulary, less the speakers' names and, in corpora of many articles, phrases spread over them like
words any article may use (`spread`: "time", "way", "thing"). Two phrases are linked when they are
said together more than by chance (NPMI above `LINK_NPMI` over co-occurrence windows: articles in a
corpus of many, else each claim with the sentence before it), and the communities of that phrase
graph (Louvain, networkx, fixed seed) are the issues: their number comes from the data (modularity
at `RESOLUTION`); ``n_issues`` overrides it (the resolution that gives closest to that many). A
community that keeps less than `MIN_INSIDE` of its phrases' links inside it is a residue of loosely
linked words, not an issue, and is dropped.

An issue that assigns fewer than `MIN_CLAIMS` claims (or `MIN_SHARE` of them) joins the issue its phrases
are most linked to ("sexual orientation" the one of "gay marriage"), or is dropped. An issue's phrases are
ordered by how much they belong to it (link weight inside the community, squared, over all their link
weight: the distinctive ones first). It is named as c-TF-IDF names a cluster: by the phrase said by the
largest share of the claims its phrases assign, weighed by how much more than in all claims (`_name`),
among its own phrases (holding at least `NAME_INSIDE` of their link weight to kept phrases inside it); a phrase of two or
more words scoring at least `NAME_MULTI` as much is preferred ("background checks" to "guns"), as written
most often. Its phrases of two words or more and its own single words are its triggers (a single word said as much with other issues' phrases,
"support", "agenda", is none). A claim saying a longer phrase also says
the phrases it ends with, and those of two words or more it starts with ("council tax bills" says "council
tax" and "bills"). Each issue becomes an entry of an issues.yaml (name, description, patterns, context)
marked ``origin: discovered``, so claims are assigned to it like to a hand-made issue
(graphkit.issues.assign_claim, which asks discovered issues for firmer evidence; claims that say none
of its triggers may get one learnt from those that do, graphkit.issue_model), and `graphkit issues
suggest` writes it as a file to edit. Same claims in, same issues out.

>>> claims = [(f"c{i}", f"d{i % 4}", ph) for i, ph in enumerate(
...     [["council tax", "pensioners"], ["council tax", "bills"], ["council tax", "councils"], ["ID cards", "civil liberties"],
...      ["ID cards", "Home Office"], ["ID cards", "civil liberties"]] * 3)]
>>> sorted(i["name"] for i in discover_issues(claims)["issues"])
['ID cards', 'council tax']
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from typing import Iterable, Optional, Sequence

from .issues import _words

SPREAD_MAX = 0.9       # a phrase whose articles are this close to those of a word scattered at random is generic
SPREAD_MIN_ARTICLES = 20  # ... judged only in corpora of at least this many articles; more articles: windows are articles
MAX_DF = 0.5           # a phrase in more than this share of claims is too general to mark an issue
LINK_NPMI = 0.15       # two phrases are linked when said together this much more than by chance (NPMI)
MIN_TOGETHER = 3       # ... in at least this many windows (2 in a corpus of few articles)
RESOLUTION = 3.0       # Louvain resolution: above 1 favours more, smaller communities
MIN_INSIDE = 0.2       # an issue keeps at least this share of its phrases' link weight inside it
MIN_PHRASES = 2        # phrases an issue needs
SEED = 0               # Louvain's seed: same claims, same issues
MIN_CLAIMS = 3         # an issue assigns at least this many claims ...
MIN_SHARE = 0.002      # ... and this share of them; smaller ones join the issue they are most linked to
NAME_INSIDE = 0.5      # a phrase names its issue only when holding at least this share of its link weight inside it
NAME_MULTI = 0.5       # a name of two or more words is preferred when scoring at least this share of the best


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


def _with_parts(keys, known) -> list[str]:
    """`keys` and the phrases of `known` they end with or start with (two words or more): "council tax
    bill" also says "tax bill", "bill" and "council tax", not the modifier "council".

    >>> _with_parts(["council tax bill"], {"council tax", "tax bill", "council", "bill"})
    ['bill', 'council tax', 'council tax bill', 'tax bill']
    """
    out = set(keys)
    for k in keys:
        words = k.split()
        parts = [words[i:] for i in range(1, len(words))] + [words[:j] for j in range(2, len(words))]
        out.update(p for p in (" ".join(ws) for ws in parts) if p in known)
    return sorted(out)


def _vocabulary(claims, min_df: int, min_docs: int, exclude=frozenset()):
    """Rows (claim id, doc id, own keys, context keys), the vocabulary, claim and article frequencies, surfaces."""
    df, docs, surface = Counter(), defaultdict(set), defaultdict(Counter)
    said = [(cid, doc_id, _keys(phrases, surface), _keys(ctx[0] if ctx else (), surface)) for cid, doc_id, phrases, *ctx in claims]
    known = {k for _, _, keys, ctx in said for k in (*keys, *ctx)}
    rows = []
    for cid, doc_id, keys, ctx in said:
        keys = _with_parts(keys, known)
        rows.append((cid, doc_id, keys, [k for k in _with_parts(ctx, known) if k not in keys]))
        for k in keys:
            df[k] += 1
            docs[k].add(doc_id)
    n = max(1, len(rows))
    vocab = [k for k, c in df.items() if c >= min_df and len(docs[k]) >= min_docs and c <= MAX_DF * n
             and k not in exclude]
    per_article = list(Counter(d for _, d, _, _ in rows).values())
    if len(per_article) >= SPREAD_MIN_ARTICLES:
        spreads = {k: spread(df[k], len(docs[k]), per_article) for k in vocab}
        vocab = [k for k in vocab if spreads[k] < SPREAD_MAX]
    return rows, sorted(vocab), df, docs, surface


def _windows(rows, by_article: bool) -> dict[str, set]:
    """phrase key → the windows it is said in: articles, or claims (the claim and the sentence before)."""
    out = defaultdict(set)
    for r, (_, doc_id, keys, ctx) in enumerate(rows):
        for k in (*keys, *ctx):
            out[k].add(doc_id if by_article else r)
    return out


def phrase_graph(vocab, windows: dict, n_windows: int, min_together: int):
    """networkx Graph over `vocab`: an edge (weight = NPMI) where two phrases share enough windows.

    >>> g = phrase_graph(["a", "b", "c"], {"a": {1, 2, 3}, "b": {1, 2, 3}, "c": {4, 5, 6}}, 10, 3)
    >>> sorted(g.edges(data="weight"))
    [('a', 'b', 1.0)]
    """
    import networkx as nx

    g = nx.Graph()
    g.add_nodes_from(vocab)
    posting = defaultdict(list)  # window → phrases, to count pairs that do meet
    for k in vocab:
        for w in windows.get(k, ()):
            posting[w].append(k)
    together = Counter()
    for w in sorted(posting, key=str):
        ks = sorted(posting[w])
        for i, a in enumerate(ks):
            for b in ks[i + 1:]:
                together[a, b] += 1
    for (a, b), both in sorted(together.items()):
        if both < min_together:
            continue
        p_ab, p_a, p_b = both / n_windows, len(windows[a]) / n_windows, len(windows[b]) / n_windows
        npmi = 1.0 if p_ab >= 1 else math.log(p_ab / (p_a * p_b)) / -math.log(p_ab)
        if npmi > LINK_NPMI:
            g.add_edge(a, b, weight=round(npmi, 6))
    return g


def _communities(g, resolution: float) -> list[set]:
    import networkx as nx

    if g.number_of_edges() == 0:
        return []
    return [set(c) for c in nx.community.louvain_communities(g, weight="weight", resolution=resolution, seed=SEED)]


def _issue_phrases(g, comms) -> list[list[tuple[str, float]]]:
    """The communities that are issues, each as its (phrase, distinctiveness), the most distinctive first."""
    strength = {k: g.degree(k, weight="weight") for k in g}
    out = []
    for c in comms:
        if len(c) < MIN_PHRASES:
            continue
        inside = {k: sum(d["weight"] for m, d in g[k].items() if m in c) for k in c}
        total = sum(strength[k] for k in c)
        if not total or sum(inside.values()) / total < MIN_INSIDE:
            continue
        # inside weight x the share of the phrase's weight that is inside: "classified information" before "use"
        score = {k: inside[k] ** 2 / strength[k] if strength[k] else 0.0 for k in c}
        out.append([(k, score[k], inside[k] / strength[k] if strength[k] else 0.0)
                    for k in sorted(c, key=lambda k: (-score[k], k))])
    return out


def _resolution_for(g, n_issues: int) -> float:
    """The resolution whose communities give closest to `n_issues` issues (bisection; the lower on ties)."""
    lo, hi, best = 0.05, 20.0, (math.inf, RESOLUTION)
    for _ in range(12):
        mid = math.sqrt(lo * hi)
        n = len(_issue_phrases(g, _communities(g, mid)))
        best = min(best, (abs(n - n_issues), mid))
        if n == n_issues:
            break
        lo, hi = (mid, hi) if n < n_issues else (lo, mid)
    return best[1]


def discover_issues(claims: Iterable[tuple], n_issues: Optional[int] = None, exclude: Iterable[str] = ()) -> dict:
    """An issues.yaml mapping (``{"version": 1, "issues": [...]}``) discovered from (claim id, doc id, keyphrases
    [, keyphrases of the sentence before]).

    ``exclude``: phrases that are no issue whatever the data say (the speakers' names: who is not what about).

    Issues come largest first (by the claims their phrases assign); each has name, description,
    patterns, context and ``origin: discovered``. Too few claims or phrases to find any gives an empty list.
    """
    claims = sorted(claims, key=lambda c: c[0])
    n_docs = len({c[1] for c in claims})
    n = len(claims)
    min_df = max(2, math.ceil(n / 5000))
    rows, vocab, df, docs, surface = _vocabulary(claims, min_df, 2 if n_docs > 1 else 1,
                                                 frozenset(phrase_key(x) for x in exclude))
    if len(vocab) < MIN_PHRASES or n < 12:
        return {"version": 1, "issues": []}
    many = n_docs >= SPREAD_MIN_ARTICLES
    windows = _windows(rows, by_article=many)
    g = phrase_graph(vocab, windows, n_docs if many else len(rows), MIN_TOGETHER if many else 2)
    resolution = _resolution_for(g, int(n_issues)) if n_issues else RESOLUTION
    found = [[k for k, *_ in ks] for ks in _issue_phrases(g, _communities(g, resolution))]
    found = _merge_small(g, rows, found, max(MIN_CLAIMS, math.ceil(MIN_SHARE * n)))
    members = _members(rows, found)
    order = sorted(range(len(found)), key=lambda i: (-len(members[i]), found[i][0]))
    found = [found[i] for i in order]
    return _taxonomy(found, [members[i] for i in order], rows, df, surface, _own_phrases(g, found))


def _own_phrases(g, found: list[list[str]]) -> list[set[str]]:
    """Each issue's phrases that hold at least `NAME_INSIDE` of their link weight to the issues' phrases inside
    it (links to words no issue kept do not count): those that can name it and, for single words, trigger it
    (a phrase said as much with another issue's phrases is neither).

    >>> import networkx as nx
    >>> g = nx.Graph([("tax", "council tax", {"weight": 1}), ("council tax", "bills", {"weight": 1}),
    ...               ("tax", "cards", {"weight": 2}), ("cards", "ID cards", {"weight": 1})])
    >>> _own_phrases(g, [["tax", "council tax"], ["cards", "ID cards"]])
    [{'council tax'}, {'ID cards'}]
    """
    kept = {k for ks in found for k in ks}
    out = []
    for ks in found:
        mine = set(ks)
        own = set()
        for k in ks:
            total = sum(d["weight"] for m, d in g[k].items() if m in kept)
            inside = sum(d["weight"] for m, d in g[k].items() if m in mine)
            if total and inside >= NAME_INSIDE * total:
                own.add(k)
        out.append(own)
    return out


def _members(rows, found: list[list[str]]) -> list[set[int]]:
    """Each issue's rows: those whose own phrases give it the evidence assignment asks of a discovered issue
    (graphkit.issues: a phrase of two words or more, or two single words).

    >>> sorted(_members([("c", "d", ["tax", "rate"], []), ("c2", "d", ["tax"], [])], [["tax", "rate"]])[0])
    [0]
    """
    where = {k: i for i, ks in enumerate(found) for k in ks}
    out: list[set[int]] = [set() for _ in found]
    for r, (_, _, keys, _) in enumerate(rows):
        ev: dict[int, float] = defaultdict(float)
        for k in keys:
            if k in where:
                ev[where[k]] += 1.0 if " " in k else 0.5
        for i, e in ev.items():
            if e >= 1.0:
                out[i].add(r)
    return out


def _merge_small(g, rows, found: list[list[str]], min_claims: int) -> list[list[str]]:
    """Issues whose phrases assign fewer than `min_claims` claims join the issue their phrases are most linked to
    ("sexual orientation" to the issue of "gay marriage"), or are dropped when linked to none; smallest first,
    until every issue is large enough."""
    found = [list(ks) for ks in found]
    while True:
        sizes = [len(m) for m in _members(rows, found)]
        small = sorted((s, ks[0], i) for i, (s, ks) in enumerate(zip(sizes, found)) if s < min_claims)
        if not small:
            return found
        _, _, i = small[0]
        mine = set(found[i])
        link = defaultdict(float)
        for j, ks in enumerate(found):
            if j != i:
                link[j] = sum(d["weight"] for k in ks for m, d in g[k].items() if m in mine)
        best = max((w, -j) for j, w in link.items()) if link else (0.0, 0)
        if best[0] > 0:
            found[-best[1]] += found[i]
        del found[i]


def _taxonomy(found: list[list[str]], members: list[set[int]], rows, df, surface, own=None) -> dict:
    """issues.yaml entries for the phrase communities `found` (each ordered, most distinctive first), named by
    `_name` over the claims their phrases assign (`members`), among their `own` phrases."""
    issues, names = [], set()
    n = max(1, len(rows))
    for k_, (ks, mine) in enumerate(zip(found, members)):
        namers = [k for k in ks if own is None or k in own[k_]] or ks
        lead = _name(namers, [rows[r][2] for r in sorted(mine)], df, n)
        # a single word said as much with other issues' phrases ("support", "agenda") is no trigger of this one
        kept = [k for k in ks if own is None or " " in k or k in own[k_]]
        written = [_written(surface[k]) for k in [lead] + [k for k in kept if k != lead]]
        name = written[0]
        if name.lower() in names:
            continue
        names.add(name.lower())
        issues.append({"name": name, "description": "discovered: " + ", ".join(written[:5]),
                       "patterns": written, "context": written, "origin": "discovered"})
    return {"version": 1, "issues": issues}


def _name(phrases: list[str], said: list[list[str]], df, n: int) -> str:
    """The phrase that names an issue: the one most distinctive of its claims (`said`: their phrases), scored as
    c-TF-IDF does, share of the issue's claims saying it x log(that share over its share of all `n` claims);
    a phrase of two or more words scoring at least `NAME_MULTI` as much is preferred ("gun control" to "guns";
    of several, the most said). A phrase most of whose claims say it inside a longer phrase of the issue
    ("Street" in "Wall Street") is a fragment, not a name. With no claims, the first phrase.

    >>> said = [["email server", "server", "department"]] * 3 + [["department", "server"]] * 2 + [["election"]] * 5
    >>> _name(["department", "server", "email server", "election"], said[:5], {"department": 40, "server": 6,
    ...       "email server": 4, "election": 50}, 100)
    'email server'
    """
    if not said:
        return phrases[0]
    mine = set(phrases)
    count = Counter(k for keys in said for k in set(keys) if k in mine)
    longer = Counter(k for keys in said for k in set(keys) if k in mine
                     if any(o != k and f" {k} " in f" {o} " for o in keys if o in mine))
    score = {}
    for k, c in count.items():
        if longer[k] * 2 > c:
            continue
        share = c / len(said)
        lift = share / (df[k] / n) if df[k] else 1.0
        score[k] = share * math.log(lift) if lift > 1 else 0.0
    if not score:
        return phrases[0]
    lead = max(score, key=lambda k: (score[k], k))
    multi = [k for k in score if " " in k and score[k] >= NAME_MULTI * score[lead]]
    return max(multi, key=lambda k: (count[k], score[k], k)) if multi else lead


def _written(forms: Counter) -> str:
    """The form a phrase is written in most often (ties: the first in sort order)."""
    return sorted(forms.items(), key=lambda x: (-x[1], x[0]))[0][0]


# -- an editable file from a store ------------------------------------------------------------------
def suggest(store_path, n_issues: Optional[int] = None, rediscover: bool = False, examples: int = 5) -> str:
    """The store's discovered issues as an issues.yaml to edit, each with its size and example claims as comments.

    The issues the build discovered (kept in the store) unless `rediscover` or `n_issues` asks for a new
    discovery; a store built with the corpus's own taxonomy gets one discovered now, from all its claims.
    """
    from .build import _discovered_issues, claim_id, load_extractions, people_names, stored_issue_model
    from .issue_model import assign_corpus
    from .issues import taxonomy_from_data
    from .store import Store

    with Store(store_path, readonly=True) as store:
        extractions = load_extractions(store)
        if store.get_meta("discovered_issues") is None:
            rediscover = True
        data = _discovered_issues(store, extractions, n_issues, rediscover)
        people = people_names(store.actors())
        tax = taxonomy_from_data(data, "discovered", origin="discovered")
        kept, model = stored_issue_model(store, tax)  # the model the store's claims were assigned with, if any
        statements = {c.id for c in store.claims(distinct=True)}
    items = [(doc_id, it) for doc_id in sorted(extractions) for it in extractions[doc_id].items]
    members: dict[str, list] = defaultdict(list)
    reported: set[str] = set()
    said = [(it.attribution.text, it.context) for _, it in items]
    for (doc_id, it), about in zip(items, assign_corpus(said, tax, exclude=people, **({"model": model} if kept else {}))):
        a = it.attribution
        for name, trig, score in about:
            reported.add(name)
            if claim_id(doc_id, a.spans) not in statements:
                continue  # another report of a claim counted once, by its first report
            # examples: the claims its triggers assign first, the best scored
            members[name].append((trig.startswith("learnt: "), -score, len(a.text), a.text,
                                  a.resolved_text or a.speaker_text or "?"))
    # an issue no claim is about is no issue of this corpus; leaving it out changes no claim's issues
    data = {**data, "issues": [i for i in data.get("issues", []) if i["name"] in reported]}
    return write_issues_yaml(data, members, len(statements), examples, source=str(store_path))


def write_issues_yaml(data: dict, members: dict, n_claims: int, examples: int, source: str) -> str:
    """issues.yaml text: a header, then per issue its size and examples as comments and its entry."""
    import yaml

    def flow(xs):
        return yaml.safe_dump(list(xs), default_flow_style=True, width=10_000, allow_unicode=True).strip()

    lines = [f"# Issues discovered from the {n_claims} claims in {source} (graphkit issues suggest).",
             "# Edit freely: rename an issue, merge two, drop one, add or remove triggers (format: models/issues.yaml).",
             "# Then save this file as CORPUS/issues.yaml (or pass it with --issues FILE) and rebuild.",
             "# Under each issue: its number of claims and the best-matched examples.",
             "version: 1",
             "# Triggers count as on the build that discovered them: a phrase of two or more words 1, one word 1/2,",
             "# and claims with none can be given an issue learnt from the rest. Delete this line to match every",
             "# trigger alone, as in a taxonomy written by hand.",
             "evidence: discovered", "issues:"]
    if not data.get("issues"):
        lines[-1] = "issues: []"
    for iss in data.get("issues", []):
        ms = sorted(members.get(iss["name"], []))
        lines.append(f"  # {len(ms)} claim(s)" + (", e.g.:" if ms else ""))
        for *_, text, speaker in ms[:examples]:
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
