"""Topical phrases grouped into issues, each named and its stray phrases said apart (graphkit.discover's second step).

The topical phrases (graphkit.topical) are grouped (`group_phrases`) by where they are said (their articles) and what
they are said with (the other phrases of their claims), so that phrases rarely said together but about the same thing
("immigrants", "deportation", "undocumented immigrants") make one issue, and by the words they are made of ("guns",
"gun control"); the tree cut into `issue_count` groups, then the largest groups split until there are
`MAX_ISSUES_FOUND`, but a group said in most articles (what the corpus is about) is kept whole and a half said mostly
where the other is stays with it (`split_groups`; ``k`` to choose: the tree cut into that many), each named by its
phrase that stands for it best (claims x closeness to the group's centre; a phrase of two words or more rather than a
single word that holds less than half the group's claims: `name_first`; a best phrase naming a person or role that
shares no word with the group's other phrases gives way to its best phrase naming no one: `topic_name`, asked by
graphkit.discover after the groups are made, so the name can differ from the group's first phrase). A group's phrases
said mostly where the rest of it is not are said apart (`said_apart`); a phrase no claim of which says another of its
group's is taken out, an issue of its own (`said_alone`, `apart_from_groups`; not when ``n_issues`` says how many), and
one said mostly where the group's name is not is said apart too (`away_from_name`).

>>> m = {"council tax": {0, 1, 2}, "pensioner": {0, 3}, "id card": {4, 5, 6}, "civil liberty": {4, 7}}
>>> rows = [(f"c{r}", "a" if r < 4 else "b", sorted(k for k, v in m.items() if r in v), []) for r in range(8)]
>>> group_phrases(sorted(m), m, rows, sorted(m), 2, many=False)
[['council tax', 'pensioner'], ['id card', 'civil liberty']]
"""

from __future__ import annotations

import math
from typing import Optional, Sequence

GROUP_ARTICLES = 0.8   # phrases are grouped by where they are said (articles) this much, by what they are said with the rest
GROUP_WORDS = 0.15     # ... and, over both, by the words they are made of this much ("guns", "gun control", "gun violence")
STEM_LETTERS = 6       # a word's stem for that: its first letters ("immigrants", "immigration": "immigr")
NAME_COVER = 0.5       # a group named by a single word holding less than this share of its claims takes its best phrase
                       # of two words or more as its name instead ("gun control", not "actions")
MAX_ISSUES_FOUND = 40  # at most this many groups of the tree when ``n_issues`` does not say (`split_groups`); the phrases
                       # said alone in theirs are issues beside them (`apart_from_groups`)
FRAME_REACH = 0.5      # a group said in more than this share of the articles is what the corpus is about: kept whole
NESTED_SHARE = 0.5     # a group's half is no group of its own when most of its claims are said where the other is


def issue_count(n_phrases: int) -> int:
    """How many groups the tree of `n_phrases` topical phrases is cut into first when ``n_issues`` does not say
    (`group_phrases`): sqrt(4 n), at most `MAX_ISSUES_FOUND` (PolNeAR train's ~250 topical phrases: 32; 9 phrases: 6).

    >>> issue_count(256), issue_count(9), issue_count(1)
    (32, 6, 2)
    """
    return max(1, min(MAX_ISSUES_FOUND, round(math.sqrt(4 * n_phrases))))


def phrase_vectors(heads: Sequence[str], members: dict, rows, vocab: Sequence[str], many: bool):
    """One row per topical phrase: where it is said (its articles, weighed by idf; in corpora of many articles) and
    what it is said with (the phrases of its claims, itself among them, and of their sentences before), and the words
    it is made of (their `stem`s), each part of unit length, weighed `GROUP_ARTICLES` : 1 - `GROUP_ARTICLES` over the
    first two and `GROUP_WORDS` for the third. Two phrases said in the same articles, or among the same other phrases
    ("deal" and "agreement" with "sign", "terms"), get near rows though rarely said together; phrases sharing a word
    ("guns", "gun control"; "immigrants", "immigration reform") are nearer still, so that a group holds a topic's
    phrases rather than whatever its articles also said (PolNeAR train: without the words, guns were grouped with
    terrorism, the articles about shootings saying both; bench/README.md, issue 14, tenth pass)."""
    import numpy as np

    col = {k: j for j, k in enumerate(vocab)}
    arts = sorted({r[1] for r in rows})
    aidx = {a: i for i, a in enumerate(arts)}
    where = np.zeros((len(heads), len(arts)))
    said = np.zeros((len(heads), len(vocab)))
    for i, h in enumerate(heads):
        for r in sorted(members[h]):
            _, doc_id, ks, ctx = rows[r]
            where[i, aidx[doc_id]] += 1
            for k in {*ks, *ctx, h}:  # with itself: phrases said together are near too
                if k in col:
                    said[i, col[k]] += 1
    stems = sorted({stem(w) for h in heads for w in h.split()})
    sidx = {x: j for j, x in enumerate(stems)}
    made = np.zeros((len(heads), len(stems)))
    for i, h in enumerate(heads):
        for w in h.split():
            made[i, sidx[stem(w)]] = 1
    at = GROUP_ARTICLES if many else 0.0
    out = []
    for m, w in ((where, at * (1 - GROUP_WORDS)), (said, (1.0 - at) * (1 - GROUP_WORDS)), (made, GROUP_WORDS)):
        m = np.log1p(m) * (np.log((1 + len(heads)) / (1 + (m > 0).sum(0))) + 1)
        norm = np.linalg.norm(m, axis=1, keepdims=True)
        out.append(np.divide(m, norm, out=np.zeros_like(m), where=norm > 0) * math.sqrt(w))
    return np.hstack(out)


def stem(word: str) -> str:
    """A word's crude stem, its first `STEM_LETTERS` letters: enough to tell phrases that share a word
    (`phrase_vectors`), with no stemmer among graphkit's dependencies.

    >>> [stem(w) for w in ["immigrant", "immigration", "terrorist", "terrorism", "gun"]]
    ['immigr', 'immigr', 'terror', 'terror', 'gun']
    """
    return word[:STEM_LETTERS]


def group_phrases(heads: Sequence[str], members: dict, rows, vocab: Sequence[str], k: Optional[int], many: bool,
                  common: frozenset = frozenset()) -> list[list[str]]:
    """`heads` (topical phrases) in groups by average-link clustering of `phrase_vectors` (cosine; deterministic:
    `graphkit.clustering`, SciPy's tree): ``k`` groups when given (the tree cut as scikit-learn's
    AgglomerativeClustering cuts it), else the tree cut into `issue_count` groups and the largest of them split until
    there are `MAX_ISSUES_FOUND`, judged by where their halves are said (`split_groups`). Each group comes as its phrases in order of
    how well they stand for it: claims x closeness to the group's centre, the first its name. The ``common`` heads
    (`common_phrases`) are grouped with the rest but are no group's phrase: a group of nothing else is none."""
    import numpy as np

    if k is not None and k >= len(heads):
        return [[h] for h in heads if h not in common]
    X = phrase_vectors(heads, members, rows, vocab, many)
    keep = np.flatnonzero(np.linalg.norm(X, axis=1) > 0)
    if len(keep) <= (k or 1):
        return [[h] for h in heads if h not in common]
    from .clustering import average_link_children, average_link_labels, cut_nodes, subtree_leaves

    kept = [heads[i] for i in keep]
    if k is not None:
        labels = average_link_labels(X[keep], k)
        parts = [[i for i in range(len(kept)) if labels[i] == g] for g in sorted(set(labels.tolist()))]
    else:
        children = average_link_children(X[keep])
        first = cut_nodes(children, len(kept), min(issue_count(len(heads)), len(kept)))
        arts = [r[1] for r in rows]
        parts = [sorted(i for node in group for i in subtree_leaves(node, children, len(kept)))
                 for group in split_groups(children, [frozenset(members[h]) for h in kept], arts, first, MAX_ISSUES_FOUND)]
    groups = []
    for part in parts:
        idx = [keep[i] for i in part]
        centre = X[idx].mean(0)
        centre /= np.linalg.norm(centre) or 1.0
        score = {heads[i]: len(members[heads[i]]) * float(X[i] @ centre) ** 2 for i in idx if heads[i] not in common}
        if score:
            groups.append(name_first(sorted(score, key=lambda h: (-score[h], h)), score, members))
    return sorted(groups)


def split_groups(children, members: Sequence[frozenset], articles: Sequence[str], start: Sequence[int],
                 max_groups: int) -> list[tuple[int, ...]]:
    """The groups of an average-link tree (``children``: `graphkit.clustering.average_link_children`, over rows whose
    claims are ``members``; ``articles``: each claim's article), each as the tree nodes it holds: the ``start`` nodes
    (the tree's first cut), the node of most claims split into its two halves in turn, until there are ``max_groups``
    or only single rows are left to split. A half said mostly where the other is said (`nested`: at least
    `NESTED_SHARE` of its claims in articles where the other half is said) is no group of its own: it stays with the
    other half, which is judged in turn, and follows whichever part of it its claims are said with when that part is
    split (`said_with`).

    Why by claims and not by the tree's height, as the first cut: the tree's top joins, last and far from the
    rest, single phrases said in a few claims ("analysts", "Super Bowl", "approval rating"), and a cut by height
    spends groups on them while unrelated topics sharing a few articles stay one group of hundreds of claims (PolNeAR
    train: guns with ISIS, debates and foreign policy with the Supreme Court, the Clinton Foundation with the
    e-mails). Why not a nested half: a claim that says no phrase of any issue gets the issue of its article's other
    claims (`graphkit.issue_model.article_offers`); where one half is said, so is the other, and split, its articles'
    votes would be shared between them and the claims that inherit one get a part that does not fit them. PolNeAR
    train's race is such a group at every level (its parts "victory", "endorsement", "ballot" said in articles where
    "campaign", "voters", "nominee" are said, 85-87 % of their claims), guns and ISIS are not (38 %), nor debates and
    foreign policy (16 %): the rule reads each group's own articles, not its rank (bench/README.md, issue 14,
    twenty-first pass).

    >>> ch = [[0, 1], [2, 3], [4, 5], [6, 7]]   # rows 0+1 -> node 5, 2+3 -> node 6, 4+5 -> 7, 6+7 -> root 8
    >>> m = [frozenset(range(0, 50)), frozenset(range(50, 60)), frozenset(range(60, 90)), frozenset(range(90, 100)),
    ...      frozenset(range(100, 105))]
    >>> art = ["a"] * 60 + ["b"] * 30 + ["c"] * 10 + ["d"] * 5   # rows 0 and 1 said in article "a"
    >>> split_groups(ch, m, art, [7, 6], 3)     # node 7 (65 claims) splits, then the budget is spent
    [(4,), (5,), (6,)]
    >>> split_groups(ch, m, art, [7, 6], 4)     # node 5's row 1 is said where row 0 is: it stays with it
    [(0, 1), (2,), (3,), (4,)]
    """
    import heapq

    n = len(members)
    claims: dict[int, frozenset] = {i: members[i] for i in range(n)}
    for j, (a, b) in enumerate(children):
        claims[n + j] = claims[int(a)] | claims[int(b)]
    n_articles = len(set(articles))
    groups: list[tuple[int, ...]] = []
    todo = [(-len(claims[node]), node, ()) for node in start]
    heapq.heapify(todo)
    while todo:
        _, node, extra = heapq.heappop(todo)
        if (node < n or len(groups) + len(todo) + 2 > max_groups
                or len({articles[r] for r in claims[node]}) > FRAME_REACH * n_articles):
            groups.append((node, *extra))
            continue
        a, b = sorted((int(x) for x in children[node - n]), key=lambda x: (len(claims[x]), x))
        if nested(claims[a], claims[b], articles) >= NESTED_SHARE:
            heapq.heappush(todo, (-len(claims[b]), b, (*extra, a)))
            continue
        with_a, with_b = said_with(extra, claims, claims[a], claims[b], articles)
        heapq.heappush(todo, (-len(claims[a]), a, with_a))
        heapq.heappush(todo, (-len(claims[b]), b, with_b))
    return sorted(tuple(sorted(g)) for g in groups)


def said_apart(group: Sequence[str], members: dict, articles: Sequence[str]) -> list[str]:
    """The phrases of a group (``group``: best first, the first its name; ``members``: phrase → the rows of the claims
    saying it; ``articles``: each row's article) said mostly where the rest of the group is not: less than
    `NESTED_SHARE` of their claims (`nested`) in articles where another of its phrases is said. A claim whose only
    triggers of the group are such phrases mentions something the group's claims are not about ("running mate" in
    health care, "nuclear deal" in federal government, "party insiders" in Trump supporters): it is not given the
    issue by them, nor does it vote for the issue among its article's claims (`graphkit.apart_votes.names_only`,
    `graphkit.apart_votes.voting_issues`, unless the phrase words the issue's own subject). The name stays, and a group
    said in more than `FRAME_REACH` of the articles (what the corpus is about) keeps all of its phrases, as
    `split_groups` keeps it whole. A phrase that shares
    a word with another of the group's (`shares_a_word`) is the group's wherever it is said: outlets word one topic
    their own way ("illegal immigrants" and "undocumented immigrants", "national security" and "security issues"), and
    so say it apart by construction.

    PolNeAR train, -50 (bench/README.md, issue 14, twenty-fourth pass): 59 such phrases in 28 issues; 339 statements
    whose own issue rested on them alone move, and of 24 drawn 13 fit better, 3 worse (outlets' synonyms: "national
    security", "illegal immigrants"). Pruned from the group instead (the twenty-third pass), their claims' votes went
    elsewhere and moved 1,763 statements, 8 better, 11 worse of 24. -51, twenty-fifth pass: a phrase sharing a word with
    the group's is not said apart ("immigrants", "illegal immigrants", "national security", "Affordable Care Act",
    "American voters", "tax rate"); 71 statements move, 12 of 24 drawn better, 5 worse.

    >>> m = {"health care": {0, 1, 2, 3}, "Obamacare": {4, 5}, "running mate": {6, 7, 8}}
    >>> art = ["a", "a", "b", "b", "a", "b", "c", "d", "a"] + ["e", "f", "g", "h"] * 2   # rows 9-16: other groups
    >>> said_apart(["health care", "Obamacare", "running mate"], m, art)
    ['running mate']
    >>> said_apart(["health care", "running mate"], m, art[:9])   # said in 4 of 4 articles: the corpus's frame
    []

    A phrase is also said apart when it is said mostly away from the group's name (`away_from_name`), though said
    where the rest of the group is.
    """
    if len(group) < 2 or the_frame(group, members, articles):
        return []
    out = []
    for h in group[1:]:
        if shares_a_word(h, [o for o in group if o != h]):
            continue  # an outlet's own wording of the group's topic ("illegal immigrants", "national security")
        rest = frozenset().union(*(members[o] for o in group if o != h))
        if nested(frozenset(members[h]), rest, articles) < NESTED_SHARE:
            out.append(h)
    away = away_from_name(group, out, members, articles)
    return [h for h in group if h in out or h in away]


def the_frame(group: Sequence[str], members: dict, articles: Sequence[str]) -> bool:
    """Whether a group's claims are said in more than `FRAME_REACH` of the corpus's articles (``articles``: each
    claim's): what the corpus is about, kept whole, none of its phrases said apart (`said_apart`).

    >>> the_frame(["campaign", "voters"], {"campaign": {0, 1}, "voters": {2}}, ["a", "b", "c", "d"])
    True
    >>> the_frame(["tax"], {"tax": {0}}, ["a", "b", "c", "d"])
    False
    """
    claims = frozenset().union(*(members[h] for h in group))
    return len({articles[r] for r in claims}) > FRAME_REACH * len(set(articles))


def away_from_name(group: Sequence[str], apart: Sequence[str], members: dict, articles: Sequence[str]) -> list[str]:
    """The phrases of a group (``group``: best first; ``apart``: those `said_apart` from the rest of it) said mostly
    away from its name: sharing no word with the phrase that names it (`topic_name`) nor with a phrase that does
    (`shares_a_word`), and less than `NESTED_SHARE` of their claims (`nested`) in articles where those are said. The
    name is what a reader takes the issue to be about; a phrase grouped for the articles or phrases it shares with
    the rest of the group, but said where the name is not, is about something else, and a claim it alone gives the
    issue gets a name that says another topic ("trade deals" under "minimum wage", "Wall Street banks" under "super
    PAC", "Republican establishment" under "abortion", "government officials" under "Clinton Foundation"). Its
    claims cast no vote for the issue among their article's (`graphkit.apart_votes.voting_issues`), as any phrase said
    apart.

    PolNeAR train, -66 (bench/README.md, issue 14, thirty-eighth pass): 46 phrases of 15 issues; the share of the
    statements given an issue by their own triggers 22.0 % -> 20.7 %, 207 statements change issue, coverage 85.4 %
    both. Development draws: of 20 claims a query at ``--issue-evidence own`` no longer gives their issue, 4 fitted
    it; of 20 statements whose issue changed, 8 fit better, 3 worse, 9 alike.

    >>> m = {"minimum wage": {0, 1, 2}, "job loss": {3, 4}, "trade deal": {5, 6, 7}, "wage growth": {8}}
    >>> art = ["a", "a", "b", "a", "c", "c", "c", "d", "e"] + list("fghijklmnop")   # f-p: other issues' articles
    >>> g = ["minimum wage", "job loss", "trade deal", "wage growth"]
    >>> away_from_name(g, [], m, art)   # said where "job loss" is (c), never where the name is (a, b)
    ['trade deal']
    >>> said_apart(g, m, art)   # "wage growth" shares the name's word: the group's wherever it is said
    ['trade deal']
    """
    name = topic_name(group, apart)
    core = [h for h in group if h == name or shares_a_word(h, [name])]
    where = frozenset().union(*(members[h] for h in core))
    return [h for h in group if h not in core and h not in apart and not shares_a_word(h, core)
            and nested(frozenset(members[h]), where, articles) < NESTED_SHARE]


def apart_from_groups(groups: Sequence[list[str]], members: dict, rows, into: dict) -> list[list[str]]:
    """``groups`` (each best phrase first) with the phrases `said_alone` in theirs taken out, each a group of its own.

    >>> rows = [("c0", "a", ["tax", "rates"], []), ("c1", "a", ["rates"], []), ("c2", "a", ["dogs"], [])]
    >>> m, into = {"tax": {0}, "rates": {0, 1}, "dogs": {2}}, {k: k for k in ["tax", "rates", "dogs"]}
    >>> apart_from_groups([["tax", "rates", "dogs"]], m, rows, into)
    [['dogs'], ['tax', 'rates']]
    """
    out = []
    for g in groups:
        alone = said_alone(g, members, rows, into)
        out += [[h for h in g if h not in alone], *([h] for h in alone)]
    return sorted(out)


def said_alone(group: Sequence[str], members: dict, rows, into: dict) -> list[str]:
    """The phrases of a group (``group``: best first, the first its name) no claim of which says another of its
    phrases, in the claim or the sentence before it (``members``: phrase → the rows of the claims saying it; ``rows``:
    (claim id, doc id, its phrase keys, its sentence before's keys); ``into``: phrase key → the topical phrase it folds
    into), less those sharing a word with one (`shares_a_word`: an outlet's own wording of the group's topic). Such a
    phrase was grouped for where it is said, the articles it shares with the group, not for what: a debate's or a
    primary's articles say many topics ("eminent domain" with abortion, "Trump Tower" and "Wall Street firms" with the
    New Hampshire primary, "Russian intelligence services" with political parties). `apart_from_groups` makes it an
    issue of its own, named by itself.

    PolNeAR train, -58 (bench/README.md, issue 14, thirty-first pass): 37 of 274 phrases (75 issues, not 38; the article
    floor the build chooses 0.1118 -> 0.0851), 1,492 statements change; of 24 drawn 12 fit better, 8 worse (on a first
    form, a share of its claims under 0.05: of 24 drawn among the statements whose own phrases gave or give their
    issue, 15 better, 1 worse).

    >>> rows = [("c0", "a", ["abortion", "pro life"], []), ("c1", "a", ["abortion"], ["pro life"]),
    ...         ("c2", "a", ["eminent domain"], []), ("c3", "b", ["eminent domain"], ["debate"])]
    >>> into = {"abortion": "abortion", "pro life": "pro life", "eminent domain": "eminent domain"}
    >>> m = {"abortion": {0, 1}, "pro life": {0}, "eminent domain": {2, 3}}
    >>> said_alone(["abortion", "pro life", "eminent domain"], m, rows, into)
    ['eminent domain']
    """
    def says(r: int) -> set:
        return {into[k] for k in (*rows[r][2], *rows[r][3]) if k in into}

    out = []
    for h in group[1:]:
        others = [o for o in group if o != h]
        if shares_a_word(h, others):
            continue
        if not any(says(r) & set(others) for r in members[h]):
            out.append(h)
    return out


def shares_a_word(phrase: str, others: Sequence[str]) -> bool:
    """Whether a (folded) phrase shares a word with one of ``others``, up to its `stem`; function words
    (`graphkit.stopwords.FUNCTION_WORDS`: "of", "the") are not shared words.

    >>> shares_a_word("illegal immigrant", ["undocumented immigrant", "deportation"])
    True
    >>> shares_a_word("running mate", ["health care"]), shares_a_word("bill of rights", ["department of justice"])
    (False, False)
    """
    from .stopwords import FUNCTION_WORDS

    mine = {stem(w) for w in phrase.split() if w not in FUNCTION_WORDS}
    return any(stem(w) in mine for o in others for w in o.split() if w not in FUNCTION_WORDS)


def nested(small: frozenset, large: frozenset, articles: Sequence[str]) -> float:
    """The share of the claims of ``small`` (less those saying ``large`` too) said in an article where ``large`` is
    said (``articles``: each claim's article); 1 when it has no claims of its own.

    >>> art = ["a", "a", "b", "c"]
    >>> nested(frozenset({0, 2}), frozenset({1}), art), nested(frozenset({0}), frozenset({0, 1}), art)
    (0.5, 1.0)
    """
    own = small - large
    if not own:
        return 1.0
    where = {articles[r] for r in large}
    return sum(articles[r] in where for r in own) / len(own)


def said_with(extra: Sequence[int], claims: dict, a: frozenset, b: frozenset, articles: Sequence[str]
              ) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The nodes of ``extra`` (halves a group kept as `nested`), each with the half (``a``, ``b``: claims) in whose
    articles more of its claims are said (ties and none: ``b``, the larger).

    >>> said_with([7], {7: frozenset({0, 1, 2})}, frozenset({3}), frozenset({4}), ["x", "x", "y", "x", "y"])
    ((7,), ())
    """
    in_a, in_b = {articles[r] for r in a}, {articles[r] for r in b}
    to_a, to_b = [], []
    for node in extra:
        here = [articles[r] for r in claims[node]]
        (to_a if sum(d in in_a for d in here) > sum(d in in_b for d in here) else to_b).append(node)
    return tuple(to_a), tuple(to_b)


def names_a_person(phrase: str) -> bool:
    """Whether a (folded) phrase's head, its last word, is a noun whose most frequent sense is a person
    (`graphkit.person_nouns`: "federal judge", "Hispanic voters", "terrorists", "candidate"): it names who, a role or an
    actor kind, not what about.

    >>> names_a_person("federal judge"), names_a_person("hispanic voter"), names_a_person("border wall")
    (True, True, False)
    """
    from .person_nouns import person_noun

    words = phrase.split()
    return bool(words) and person_noun(words[-1])


def topic_name(group: Sequence[str], apart: Sequence[str] = ()) -> str:
    """The phrase that names a group (``group``: best first) for a reader: its best, unless that names a person
    (`names_a_person`: a role or an actor kind, who and not what about) and shares no word with the group's other
    phrases (`shares_a_word`), then its best phrase that names no person and is not said apart from it (``apart``:
    `said_apart`), if any. A group of claims about the border wall, Latino voters and a judge's Mexican heritage is
    named "U.S.-Mexico", not "federal judge"; "undocumented immigrants" beside "immigrants" and "immigration reform"
    names a topic its other phrases say too, and stays; a group of persons only ("GOP candidates") keeps its name.
    The group, its phrases and their order are what `group_phrases` gave; the role's word, when it is one word, then
    counts as any single word of the issue that is not its name (`graphkit.issues._evidence`: half).

    PolNeAR train, -60 (bench/README.md, issue 14, thirty-second pass): "federal judge" -> "U.S.-Mexico", the only
    rename; 101 statements moved then (ties were broken by name order, which the thirty-third pass ended:
    `graphkit.issue_model.issue_order`; the article floor 0.0898 -> 0.0904).

    >>> topic_name(["federal judge", "criminal", "u s mexico", "border wall"])
    'u s mexico'
    >>> topic_name(["undocumented immigrant", "immigration reform", "citizenship"])
    'undocumented immigrant'
    >>> topic_name(["running mate", "evangelical"], apart=["evangelical"]), topic_name(["police officer"])
    ('running mate', 'police officer')
    """
    best = group[0]
    if not names_a_person(best) or shares_a_word(best, group[1:]):
        return best
    return next((h for h in group if not names_a_person(h) and h not in apart), best)


def name_first(order: list[str], score: dict, members: dict) -> list[str]:
    """A group's phrases (best first: `order`) with the one that names it first: the best, unless it is a single word
    that holds less than `NAME_COVER` of the group's claims and a phrase of two words or more scores at least a third
    as much, which then names it. A single word a group's other phrases do not say often names only part of it
    ("actions" for executive actions among guns and gun control, "legislation" for nuclear weapons and sanctions,
    "recession" for golf courses and real estate on PolNeAR train); a phrase of two words is seldom said in another
    sense. The race's "campaign", said in most of its group's claims, stays.

    >>> m = {"actions": set(range(10)), "gun control": set(range(10, 18)), "guns": set(range(18, 30))}
    >>> name_first(["actions", "guns", "gun control"], {"actions": 10, "guns": 9, "gun control": 8}, m)
    ['gun control', 'actions', 'guns']
    >>> m["actions"] = set(range(20))
    >>> name_first(["actions", "guns", "gun control"], {"actions": 10, "guns": 9, "gun control": 8}, m)[0]
    'actions'
    """
    best = order[0]
    if " " in best or len(members[best]) >= NAME_COVER * len(set().union(*(members[h] for h in order))):
        return order
    longer = [h for h in order if " " in h and score[h] >= score[best] / 3]
    return [longer[0], *(h for h in order if h != longer[0])] if longer else order
