"""Issues discovered from a corpus's own claims, when the corpus brings no taxonomy.

Two levels. (1) *Topical phrases*: each claim's keyphrases (graphkit.keyphrases: noun phrases and named
things, kept by the extraction) are folded to light lemmas; phrases said in enough claims and articles make
the vocabulary, less the speakers' names and, in corpora of many articles, phrases spread over them like
words any article may use (`spread`: "time", "way", "thing"). A phrase of two words or more said in at least
`MIN_SHARE` of the claims (and `MIN_CLAIMS`), in at least `MIN_ARTICLES` articles of a corpus of many, is
topical (but no issue's name or trigger when said here no more often than English says its words: `common_phrases`,
"good idea", "best friend"); a single word as often said is topical when it is said far more here than in English at large
(`keyness` >= `KEYNESS_MIN`: not "father", "city", "course") and either concentrated in few articles for its
claims (`spread` below `SINGLE_SPREAD`: "abortion", "turnout") or very key however spread (`KEYNESS_SPREAD`:
"nomination"), and it is no speech noun or word of criticism of the cue lexicon ("comments", "attacks": *that*
something was said or judged, not what about). A phrase folds into the shortest topical phrase of two words or
more it ends with ("private email server" into "email server"), and a claim counts for the topical phrases it says
less those said inside a longer topical one: one saying "a secret email server", no topical phrase itself, counts
for "email server".
(2) *Issues*: the topical phrases grouped (`group_phrases`) by where they are said (their articles) and what
they are said with (the other phrases of their claims), so that phrases rarely said together but about the
same thing ("immigrants", "deportation", "undocumented immigrants") make
one issue, and by the words they are made of ("guns", "gun control"); the tree cut into `issue_count` groups, then
the largest groups split until there are `MAX_ISSUES_FOUND`, but a group said in most articles (what the corpus is
about) is kept whole and a half said mostly where the other is stays with it (`split_groups`; ``n_issues`` to
choose: the tree cut into that many), each named by its phrase that stands for it best (claims x closeness to the group's centre; a phrase of two
words or more rather than a single word that holds less than half the group's claims: `name_first`) and triggered by
all of its phrases. Places are no issue ("New York", "New Hampshire": `place_names`).

Why groups and not one issue per phrase (bench/README.md, issue 14): 253 phrase issues on PolNeAR train were
too many for a reader, near-synonyms were apart, and a claim that says no topical phrase had nothing to
inherit. Each issue becomes an entry of an issues.yaml (name, description, patterns, context) marked
``origin: discovered``, so claims are assigned to it like to a hand-made issue (graphkit.issues.assign_claim,
which asks discovered issues for firmer evidence; claims that say none of its triggers may get one learnt
from those that do, or their article's: graphkit.issue_model), and `graphkit issues suggest` writes it as a
file to edit. Same claims in, same issues out.

>>> claims = [(f"c{i}", f"d{i % 4}", ph) for i, ph in enumerate(
...     [["council tax", "pensioners"], ["council tax", "bills"], ["council tax", "councils"], ["ID cards", "civil liberties"],
...      ["ID cards", "Home Office"], ["ID cards", "civil liberties"]] * 3)]
>>> [(i["name"], i["patterns"]) for i in discover_issues(claims, n_issues=2)["issues"]]
[('council tax', ['council tax', 'bills', 'pensioners']), ('ID cards', ['ID cards', 'civil liberties', 'Home Office'])]
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from functools import lru_cache
from typing import Iterable, Optional, Sequence

from .issues import fold_phrase

SPREAD_MAX = 0.9       # a phrase whose articles are this close to those of a word scattered at random is generic
SPREAD_MIN_ARTICLES = 20  # ... judged only in corpora of at least this many articles; more articles: windows are articles
MAX_DF = 0.5           # a phrase in more than this share of claims is too general to mark an issue
MIN_CLAIMS = 3         # an issue's phrase is said in at least this many claims ...
MIN_SHARE = 1 / 3000   # ... and this share of them (5 of PolNeAR train's 14,600)
MIN_ARTICLES = 3       # ... in at least this many articles (in a corpus of many articles)
SINGLE_SPREAD = 0.75   # a single word is an issue only when its articles are this few for its claims (`spread`)
KEYNESS_MIN = 2.0      # ... and said at least e^2 (7) times as often as in English (`keyness`): not "father", "city"
KEYNESS_SPREAD = 3.5   # a single word said e^3.5 (33) times as often as in English is an issue however spread ("nomination")
PHRASE_KEYNESS_MIN = 0.0  # a phrase of two words or more is an issue only when said here at least as often as in English
                          # (`keyness` of the phrase as a whole): not "good idea", "best friend", "certain things"
GROUP_ARTICLES = 0.8   # phrases are grouped by where they are said (articles) this much, by what they are said with the rest
GROUP_WORDS = 0.15     # ... and, over both, by the words they are made of this much ("guns", "gun control", "gun violence")
STEM_LETTERS = 6       # a word's stem for that: its first letters ("immigrants", "immigration": "immigr")
NAME_COVER = 0.5       # a group named by a single word holding less than this share of its claims takes its best phrase
                       # of two words or more as its name instead ("gun control", not "actions")
MAX_ISSUES_FOUND = 40  # at most this many groups when ``n_issues`` does not say (`split_groups`)
FRAME_REACH = 0.5      # a group said in more than this share of the articles is what the corpus is about: kept whole
NESTED_SHARE = 0.5     # a group's half is no group of its own when most of its claims are said where the other is
                       # said (`nested`): split, the articles' votes would be shared between them
TALKED_ABOUT = 5       # an organisation said in this many times as many claims as it speaks is what they are about
JUDGING_STANCES = ("criticize",)  # the cue lexicon's words of these stances say that someone judged, not what about


@lru_cache(maxsize=1 << 16)
def phrase_key(phrase: str) -> str:
    """The folded form phrases are counted by (light lemmas, case folded). Remembered: discovery asks it of every
    keyphrase of every claim and of its context, the same few thousand phrases over and over (PolNeAR dev: 16,683
    calls, three quarters of the 21,905 times `graphkit.issues._words_of` ran in a build).

    >>> phrase_key("Council Tax bills"), phrase_key("the EU's")
    ('council tax bill', 'the eu')
    """
    return fold_phrase(phrase)


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


def _vocabulary(claims, min_df: int, min_docs: int, exclude=frozenset(), spoken=None):
    """Rows (claim id, doc id, own keys, context keys), the vocabulary, claim and article frequencies, surfaces.
    ``exclude``: phrase keys that are no issue, less those of ``spoken`` (key → claims it speaks) `talked_about`."""
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
    exclude = (exclude - talked_about(df, spoken or {})) | place_names([k for k, c in df.items() if c >= min_df], surface)
    vocab = [k for k, c in df.items() if c >= min_df and len(docs[k]) >= min_docs and c <= MAX_DF * n
             and k not in exclude]
    per_article = list(Counter(d for _, d, _, _ in rows).values())
    if len(per_article) >= SPREAD_MIN_ARTICLES:
        spreads = {k: spread(df[k], len(docs[k]), per_article) for k in vocab}
        vocab = [k for k in vocab if spreads[k] < SPREAD_MAX]
    return rows, sorted(vocab), df, docs, surface


def talked_about(df, spoken) -> set[str]:
    """The keys of ``spoken`` (an organisation's name, folded → the claims it speaks) said in at least `TALKED_ABOUT`
    times as many claims as it speaks (``df``: key → claims saying it): what the claims are about, not who says them.
    A speaker's name is no issue (who is not what about), but PolNeAR train's claims say "ISIS" in 72 claims and ISIS
    speaks 3, Congress 96 / 5, the Supreme Court 64 / 8, the Clinton Foundation 31 / 4, Medicare 15 / 1; the State
    Department (88 / 25, speaking through its spokespeople) and the DNC (22 / 6) stay speakers. Freed, such a name is
    a phrase like any other: it is topical, grouped and may name its group, by the same rules.

    PolNeAR train (bench/README.md, issue 14, thirteenth pass): 31 names freed (ISIS, Islamic State, Congress, Supreme
    Court, FBI, Clinton Foundation, Trump University, Medicare ...; also "time", "president", "research": generic, and
    no topical phrase by `spread` and `keyness`); terrorism is grouped with ISIS apart from guns, "national security"
    and "foreign policy" become an issue; 3,448 of 14,738 statements change their first issue, and of 60 judged
    strictly 18 fit better, 14 worse. 3 times (the State Department an issue of 1,056 claims in place of the e-mails)
    or 10 times (no Supreme Court, FBI, Clinton Foundation) were looked at, not judged.

    >>> sorted(talked_about({"isis": 73, "supreme court": 61, "state department": 60, "dnc": 9},
    ...                     {"isis": 3, "supreme court": 8, "state department": 20, "dnc": 30}))
    ['isis', 'supreme court']
    """
    return {k for k, n in spoken.items() if df.get(k, 0) >= TALKED_ABOUT * n}


def place_names(keys, surface) -> set[str]:
    """The phrase keys written as a proper name that is a known place (graphkit.places: models/places.yaml, geonames):
    where is not what about. Keyphrases leave out chunks headed by a place, but a place still comes as the front of a
    longer name ("New York" of "New York primary", "New Hampshire" of "New Hampshire primary"): on PolNeAR train
    "New York" named the group of Wall Street's phrases and triggered it for the New York primary.

    >>> from collections import Counter
    >>> sorted(place_names(["new york", "wall street", "victory"], {"new york": Counter({"New York": 9}),
    ...        "wall street": Counter({"Wall Street": 5}), "victory": Counter({"victory": 4})}))
    ['new york']
    """
    from .places import is_place_name

    out = set()
    for k in keys:
        written = _written(surface[k])
        words = [w for w in written.split() if w[:1].isalpha()]
        if words and all(w[:1].isupper() for w in words) and is_place_name(written):
            out.add(k)
    return out


def keyness(keys, counts, surface, rows) -> dict[str, float]:
    """How much more each phrase of `keys` is said in these claims than in English at large: the log of its share of
    the claims' keyphrase words over its frequency in English (wordfreq). "delegates" 5.6, "abortion" 3.9, "tax" 2.2 on
    PolNeAR train; words any story may use are said about as often as anywhere: "father" 1.4, "city" 0.8, "title" 0.1.
    A phrase of two words or more is read the same way, wordfreq's frequency of a phrase being that of its words
    together (near its rarest word's): "Planned Parenthood" 3.8, "foreign policy" 2.1, "health care" 1.3, and phrases
    made of words any story may use are said no more than anywhere: "good idea" -0.8, "best friend" -1.1, "certain
    things" -0.6. Phrases English has no frequency for are as key as can be (inf)."""
    from .standins import import_wordfreq

    word_frequency = import_wordfreq().word_frequency
    n_words = max(1, sum(len(k.split()) for _, _, ks, _ in rows for k in ks))
    out = {}
    for k in keys:
        if not counts.get(k):
            continue
        f = word_frequency(_written(surface[k]).lower(), "en")
        out[k] = math.log(counts[k] / n_words / f) if f > 0 else math.inf
    return out


@lru_cache(maxsize=1)
def speech_words() -> frozenset[str]:
    """Single words that say *that* something was said, not what about: the nouns of the attribution cue lexicon
    (models/cues.yaml: "comments", "speech", "interview", "criticism", "warning") and the words it reads as criticism
    (`JUDGING_STANCES`: "attack", "slam", "rebuke", "blast", as verbs or nouns), as light lemmas. A claim's "comments"
    are its own words; an issue named so fits no claim. "Attacks" in news are as often one side's words about another
    ("refuses to attack her rival on his record", "attacks on the paper's reporters") as terror attacks, so the
    word alone says only that someone was criticised; the phrases it heads stay topical ("terror attacks", "personal
    attacks"). Remembered: the cue lexicon is read once per process (`graphkit.cues.default_cues`).

    PolNeAR train (bench/README.md, issue 14, thirteenth pass): "attacks" named a group of guns and terrorism and was a
    whole trigger of it (its name), 177 claims by itself; without it 2,041 of 14,738 statements change their first
    issue, and of 60 of them judged strictly 11 fit better, 6 worse.

    >>> {"comment", "speech", "interview", "attack", "criticism"} <= speech_words(), "plan" in speech_words()
    (True, False)
    """
    from .cues import default_cues
    from .issues import light_lemma

    cues = default_cues()
    judging = {w for section in (cues.verbs, cues.object_verbs, cues.to_verbs, cues.nouns)
               for w, stance in section.items() if stance in JUDGING_STANCES}
    return frozenset(light_lemma(w) for w in {*cues.nouns, *judging} if " " not in w)


def issue_phrases(df, docs, spreads: Optional[dict], min_claims: int, min_articles: int,
                  keys_of: Optional[dict] = None) -> list[str]:
    """The phrase keys that are issues: said in at least `min_claims` claims and `min_articles` articles, and of two
    words or more or, for a single word, concentrated in few articles (`spreads` below `SINGLE_SPREAD`; every
    single word when `spreads` is None: too few articles to judge).

    >>> df = {"gun control": 9, "delegate": 40, "support": 60, "tax": 2}
    >>> docs = {k: set(range(n // 2)) for k, n in df.items()}
    >>> issue_phrases(df, docs, {"delegate": 0.5, "support": 0.95, "tax": 0.3, "gun control": 0.9}, 3, 2)
    ['delegate', 'gun control']
    """
    out = []
    for k, c in df.items():
        if c < min_claims or len(docs[k]) < min_articles:
            continue
        key = keys_of.get(k, math.inf) if keys_of is not None else math.inf
        if " " not in k and k in speech_words():
            continue
        if " " in k or spreads is None or key >= KEYNESS_MIN and (spreads.get(k, 1.0) < SINGLE_SPREAD or key >= KEYNESS_SPREAD):
            out.append(k)
    return sorted(out)


def _outermost(keys) -> list[str]:
    """`keys` less those said only as part of another ("control" in "gun control").

    >>> _outermost(["gun control", "control", "guns"])
    ['gun control', 'guns']
    """
    return [k for k in keys if not any(o != k and f" {k} " in f" {o} " for o in keys)]


def _said_alone(rows) -> tuple[Counter, dict]:
    """phrase key → the claims saying it not as part of a longer phrase, and their articles."""
    alone, docs = Counter(), defaultdict(set)
    for _, doc_id, keys, _ in rows:
        for k in _outermost(keys):
            alone[k] += 1
            docs[k].add(doc_id)
    return alone, docs


def fold(keys) -> dict[str, str]:
    """phrase key → the issue it belongs to: the shortest phrase of two words or more among `keys` it ends with.

    >>> fold(["email server", "private email server", "server", "gun control"])["private email server"]
    'email server'
    >>> fold(["email server", "private email server", "server", "gun control"])["server"]
    'server'
    """
    known = set(keys)
    out = {}
    for k in keys:
        words = k.split()
        tails = [" ".join(words[i:]) for i in range(len(words) - 2, 0, -1)]  # shortest first, two words or more
        out[k] = next((t for t in tails if t in known), k)
    return out


def discover_issues(claims: Iterable[tuple], n_issues: Optional[int] = None, exclude: Iterable[str] = (),
                    spoken: Optional[dict[str, int]] = None) -> dict:
    """An issues.yaml mapping (``{"version": 1, "issues": [...]}``) discovered from (claim id, doc id, keyphrases
    [, keyphrases of the sentence before]).

    ``exclude``: phrases that are no issue whatever the data say (the speakers' names: who is not what about).
    ``spoken``: the organisations among them, name → the claims it speaks; one the claims talk about far more than it
    speaks is a phrase like any other (`talked_about`: "ISIS", "Supreme Court").
    ``n_issues``: that many issues (groups of topical phrases), else `group_phrases` chooses.

    Issues come largest first (by the claims saying their phrases); each has name, description, patterns,
    context and ``origin: discovered``. Too few claims or phrases to find any gives an empty list.
    """
    claims = sorted(claims, key=lambda c: c[0])
    n_docs = len({c[1] for c in claims})
    n = len(claims)
    min_df = max(2, math.ceil(n / 5000))
    talked: dict[str, int] = {}
    for name, says in (spoken or {}).items():  # an organisation's names fold to keys; two sharing one: the larger count
        talked[phrase_key(name)] = max(says, talked.get(phrase_key(name), 0))
    rows, vocab, df, docs, surface = _vocabulary(claims, min_df, 2 if n_docs > 1 else 1,
                                                 frozenset(phrase_key(x) for x in exclude), talked)
    if not vocab or n < 12:
        return {"version": 1, "issues": []}
    many = n_docs >= SPREAD_MIN_ARTICLES
    alone, alone_docs = _said_alone(rows)
    per_article = list(Counter(d for _, d, _, _ in rows).values())
    spreads = ({k: spread(alone[k], len(alone_docs[k]), per_article) for k in vocab if " " not in k and alone[k]}
               if many else None)
    counts = {k: df[k] if " " in k else alone[k] for k in vocab}
    where = {k: docs[k] if " " in k else alone_docs[k] for k in vocab}
    key = keyness(vocab, counts, surface, rows)
    keys = issue_phrases(counts, where, spreads, max(MIN_CLAIMS, math.ceil(MIN_SHARE * n)), MIN_ARTICLES if many else 1,
                         key)
    into = fold(keys)
    members: dict[str, set[int]] = defaultdict(set)
    for r, (_, _, ks, _) in enumerate(rows):
        for k in _outermost([k for k in ks if k in into]):  # its topical phrases, less those inside a longer one
            members[into[k]].add(r)
    heads = sorted(members)
    if not heads:
        return {"version": 1, "issues": []}
    groups = group_phrases(heads, members, rows, vocab, int(n_issues) if n_issues else None, many,
                           common_phrases(keys, key))
    size = {g[0]: len(set().union(*(members[h] for h in g))) for g in groups}
    arts = [r[1] for r in rows]
    issues, names = [], set()
    for g in sorted(groups, key=lambda g: (-size[g[0]], g[0])):
        parts = g + sorted((k for k in keys if into[k] in g and k not in g), key=lambda k: (-df[k], k))
        written = list(dict.fromkeys(_written(surface[k]) for k in parts))
        if written[0].lower() in names:
            continue
        names.add(written[0].lower())
        apart = said_apart(g, members, arts)
        issues.append({"name": written[0], "description": "discovered: " + ", ".join(written[:6]),
                       "patterns": written, "context": written, "origin": "discovered",
                       **({"apart": [_written(surface[k]) for k in apart]} if apart else {})})
    return {"version": 1, "issues": issues}


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
    claims (`graphkit.issue_model.from_article`); where one half is said, so is the other, and split, its articles'
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
    issue by them, but still counts for it among its article's claims (`graphkit.issue_model.names_only`), so that
    the claims around it get what they got. The name stays, and a group said in more than `FRAME_REACH` of the
    articles (what the corpus is about) keeps all of its phrases, as `split_groups` keeps it whole. A phrase that shares
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
    """
    if len(group) < 2:
        return []
    everywhere = len(set(articles))
    claims = frozenset().union(*(members[h] for h in group))
    if len({articles[r] for r in claims}) > FRAME_REACH * everywhere:
        return []
    out = []
    for h in group[1:]:
        if shares_a_word(h, [o for o in group if o != h]):
            continue  # an outlet's own wording of the group's topic ("illegal immigrants", "national security")
        rest = frozenset().union(*(members[o] for o in group if o != h))
        if nested(frozenset(members[h]), rest, articles) < NESTED_SHARE:
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


def common_phrases(keys, key: dict) -> frozenset:
    """The phrases of two words or more among `keys` said here no more often than in English at large (``key``:
    `keyness`, below `PHRASE_KEYNESS_MIN`): made of words any story may use, so no issue's name or trigger, as a single
    word said no more often than anywhere is none. On PolNeAR train (bench/README.md, issue 14, eighteenth part) they
    named issues of their own: "good idea" (-0.8), "certain things" (-0.6), "best friend" (-1.1), "early states"
    (-0.6), beside "police department", "high school", "human rights", "second place", "big money" inside others;
    what the words of a topic make, said more often here than its words are in English, stays ("health care" 1.3,
    "free trade" 0.2, "Super Bowl" 0.8).

    They are still grouped (`group_phrases`), as before: taken out before it, the 250 topical phrases are grouped anew
    and the groups move (PolNeAR train: "gun control" merged away, "victory", "incident", "bridges" named issues).

    >>> sorted(common_phrases(["good idea", "health care", "idea", "tax"], {"good idea": -0.8, "health care": 1.3,
    ...                                                                     "idea": -1.0, "tax": 2.2}))
    ['good idea']
    """
    return frozenset(k for k in keys if " " in k and key.get(k, math.inf) < PHRASE_KEYNESS_MIN)


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


def _written(forms: Counter) -> str:
    """The form a phrase is written in most often (ties: the first in sort order)."""
    return sorted(forms.items(), key=lambda x: (-x[1], x[0]))[0][0]


# -- an editable file from a store ------------------------------------------------------------------
def suggest(store_path, n_issues: Optional[int] = None, rediscover: bool = False, examples: int = 5) -> str:
    """The store's discovered issues as an issues.yaml to edit, each with its size and example claims as comments.

    The issues the build discovered (kept in the store) unless `rediscover` or `n_issues` asks for a new
    discovery; a store built with the corpus's own taxonomy gets one discovered now, from all its claims.
    """
    from .records import claim_id
    from .store_issues import discovered_issues, load_extractions, people_names
    from .kept import stored_issue_model
    from .issue_model import assign_corpus
    from .issues import taxonomy_from_data
    from .store import Store

    with Store(store_path, readonly=True) as store:
        extractions = load_extractions(store)
        if store.get_meta("discovered_issues") is None:
            rediscover = True
        data = discovered_issues(store, extractions, n_issues, rediscover)
        people = people_names(store.actors())
        tax = taxonomy_from_data(data, "discovered", origin="discovered")
        kept, model = stored_issue_model(store, tax)  # the model the store's claims were assigned with, if any
        statements = {c.id for c in store.claims(distinct=True)}
    items = [(doc_id, it) for doc_id in sorted(extractions) for it in extractions[doc_id].items]
    members: dict[str, list] = defaultdict(list)
    reported: set[str] = set()
    said = [(it.attribution.text, it.context) for _, it in items]
    about_all = assign_corpus(said, tax, exclude=people, articles=[doc_id for doc_id, _ in items],
                              **({"model": model} if kept else {}))
    for (doc_id, it), about in zip(items, about_all):
        a = it.attribution
        for name, trig, score in about:
            reported.add(name)
            if claim_id(doc_id, a.spans) not in statements:
                continue  # another report of a claim counted once, by its first report
            # examples: the claims its triggers assign first, the best scored
            members[name].append((trig.startswith(("learnt: ", "context: article")), -score, len(a.text), a.text,
                                  a.resolved_text or a.speaker_text or "?"))
    # an issue no claim is about is no issue of this corpus; leaving it out changes no claim's issues
    data = {**data, "issues": [i for i in data.get("issues", []) if i["name"] in reported]}
    return write_issues_yaml(data, members, len(statements), examples, source=str(store_path))


def write_issues_yaml(data: dict, members: dict, n_claims: int, examples: int, source: str) -> str:
    """issues.yaml text: a header (how a build assigns claims to discovered issues, its figures read from
    `graphkit.issue_model`), then per issue its size and examples as comments and its entry."""
    import yaml

    from .issue_model import MIN_ARTICLE_SHARE

    def flow(xs):
        return yaml.safe_dump(list(xs), default_flow_style=True, width=10_000, allow_unicode=True).strip()

    lines = [f"# Issues discovered from the {n_claims} claims in {source} (graphkit issues suggest).",
             "# Edit freely: rename an issue, merge two, drop one, add or remove triggers (format: models/issues.yaml).",
             "# Then save this file as CORPUS/issues.yaml (or pass it with --issues FILE) and rebuild.",
             "# Under each issue: its number of claims and the best-matched examples.",
             "version: 1",
             "# Triggers count as on the build that discovered them: a phrase of two or more words 1, one word 1/2",
             "# (1 when it is its issue's name), a phrase said inside a longer trigger of another issue is that one's,",
             "# a claim's further issue given by one phrase (not its name) that no other claim of its article has gives",
             "# way to its better-backed one, and claims with none can be given an issue learnt from the rest, or their",
             "# article's (the issues of its other claims, nearer ones counting more, and a single word of an issue's",
             "# triggers in the claim itself counting as one of them) when their own words leave that",
             f"# issue {100 * MIN_ARTICLE_SHARE:g} % of the votes at least; an article none of whose claims says a trigger",
             "# gives its claims the issue their words make likeliest together. An issue's 'apart' phrases were said",
             "# mostly where its other phrases were not: a claim saying only them gets its article's issue instead.",
             "# Delete this line to match every trigger alone, as in a taxonomy written by hand.",
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
        if iss.get("apart"):
            lines.append(f"    apart: {flow(iss['apart'])}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
