"""Topical phrases: what of a corpus's claims an issue can be made of (the first step of graphkit.discover).

Each claim's keyphrases (graphkit.keyphrases: noun phrases and named things, kept by the extraction) are folded to
light lemmas (`phrase_key`); phrases said in enough claims and articles make the vocabulary, less the speakers' names
and, in corpora of many articles, phrases spread over them like words any article may use (`spread`: "time", "way",
"thing"). A phrase of two words or more said in at least `MIN_CLAIMS` claims, in at least `MIN_ARTICLES` articles of a
corpus of many, is topical, whatever the corpus's size (but no issue's name or trigger when said here no more often
than English says its words: `common_phrases`, "good idea", "best friend"; and only the `MAX_PHRASES` most said:
`most_said`); a single word as often said is topical when it is said far more here than in English at large
(`keyness` >= `KEYNESS_MIN`: not "father", "city", "course") and either concentrated in few articles for its claims
(`spread` below `SINGLE_SPREAD`: "abortion", "turnout") or very key however spread (`KEYNESS_SPREAD`: "nomination"),
and it is no speech noun or word of criticism of the cue lexicon
("comments", "attacks": *that* something was said or judged, not what about). Places are no issue ("New York", "New
Hampshire": `place_names`) but places abroad, which discovery adds to the claims that say them ("Benghazi", "Syria"),
nor are handles ("@HillaryClinton": `handles`). A phrase folds into the shortest topical phrase of two words or more
it ends with ("private email server" into "email server"), and a claim counts for the topical phrases it says less
those said inside a longer topical one: one saying "a secret email server", no topical phrase itself, counts for
"email server" (`topical_phrases`). graphkit.phrase_groups then groups them into issues. A name said in too few claims
for these floors is an issue of its own when some article says it twice (`named_topics`), and a phrase several
voices of one article say, mostly there, is that article's topic (`article_topics`), as is a phrase its title
names that two of its voices say (`title_topics`).

>>> claims = [(f"c{i}", f"d{i % 3}", ph) for i, ph in enumerate(
...     [["email server", "FBI"], ["private email server"], ["ID cards", "civil liberties"], ["ID cards", "Home Office"]] * 3)]
>>> t = topical_phrases(claims)
>>> sorted(t.members), t.into["private email server"]
(['civil liberty', 'email server', 'fbi', 'home office', 'id card'], 'email server')
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from functools import lru_cache
from typing import Iterable, NamedTuple, Optional, Sequence

from .issues import fold_phrase

SPREAD_MAX = 0.9       # a phrase whose articles are this close to those of a word scattered at random is generic
SPREAD_MIN_ARTICLES = 20  # ... judged only in corpora of at least this many articles; more articles: windows are articles
MAX_DF = 0.5           # a phrase in more than this share of claims is too general to mark an issue
VOCAB_MIN_CLAIMS = 2   # a phrase of the vocabulary is said in at least this many claims (once says nothing shared)
MIN_CORPUS_CLAIMS = 12  # fewer claims than this: too few to discover issues from (`topical_phrases`)
MIN_CLAIMS = 3         # an issue's phrase is said in at least this many claims, whatever the corpus's size ...
MIN_ARTICLES = 3       # ... in at least this many articles (in a corpus of many articles)
MAX_PHRASES = 400      # at most this many topical phrases, the most said: `issue_count` stops growing there (40)
SINGLE_SPREAD = 0.75   # a single word is an issue only when its articles are this few for its claims (`spread`)
KEYNESS_MIN = 2.0      # ... and said at least e^2 (7) times as often as in English (`keyness`): not "father", "city"
KEYNESS_SPREAD = 3.5   # a single word said e^3.5 (33) times as often as in English is an issue however spread ("nomination")
PHRASE_KEYNESS_MIN = 0.0  # a phrase of two words or more is an issue only when said here at least as often as in English
NAMED_MIN_CLAIMS = 2   # a name said alone in this many claims, more than its articles, is an issue (`named_topics`)
ARTICLE_TOPICS = True  # a phrase said by several voices of one article, mostly there, is its topic (`article_topics`)
ARTICLE_SHARE = 0.5    # ... at least this share of the claims saying it being that article's (a majority: not
                       # tuned; sized only with the keyness floors, 350 phrases -> 74 on PolNeAR train at -103) ...
ARTICLE_VOICES = 2     # ... said there by at least this many of its speakers (`article_voices`) ...
ARTICLE_VOICES_FEWER = True  # ... two of them, not one a claim (`MIN_CLAIMS`): two tell a topic (`article_voices`)
TITLE_TOPICS = True    # a phrase an article's title names that two voices of it say is its topic (`title_topics`)
TITLE_CLAIMS = 2       # ... said alone in this many of its claims at least, the headline's own claims not counted:
                       # two where `MIN_CLAIMS` asks three, the title saying what the article is about; two, the
                       # fewest claims `ARTICLE_VOICES` (two) voices say it in (`title_topics`)
NARRATION_TOPICS = True  # ... or that its narration names, the words outside its claims (`title_topics`, `Narrations`)
# ... this many times at least: PolNeAR train at -123 once 52 topics / 153 statements (not drawn), twice 26 / 96 (of 20
# drawn 10 better, 4 worse, 6 alike); two as the keyphrase variant suggested (it halves the topics), not judged
# against once (bench/README.md, issue 14, fifty-seventh pass)
NARRATION_MENTIONS = 2
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


def keys_ahead(phrases: Iterable[str]) -> None:
    """Fold each of ``phrases`` now and split it into its parts (`phrase_key` and `key_parts` remember them), for
    discovery to find them done: a ``--workers`` build does it for each claim's keyphrases as its extraction arrives
    (graphkit.resolution.ArrivedInputs), while the workers parse, not in the resolution after the parse, which runs
    on one core.

    >>> keys_ahead(["Council Tax bills"]); hits = phrase_key.cache_info().hits, key_parts.cache_info().hits
    >>> phrase_key("Council Tax bills"), key_parts("council tax bill")[0]
    ('council tax bill', 'tax bill')
    >>> phrase_key.cache_info().hits - hits[0], key_parts.cache_info().hits - hits[1]   # found done
    (1, 1)
    """
    for p in phrases:
        key_parts(phrase_key(p))


def _keys(phrases, surface=None) -> list[str]:
    out = []
    for p in phrases:
        k = phrase_key(p)
        if k and not k.isdigit() and len(k) > 1:
            out.append(k)
            if surface is not None:
                surface[k][p] += 1
    return sorted(set(out))


def spread(claims_in: int, articles_with: int, sizes: Sequence[tuple[int, int]]) -> float:
    """Articles a phrase is said in, over the number expected if its claims fell at random (Church & Gale).
    ``sizes``: how many articles hold each number of claims, as sorted (claims, articles) pairs (`article_sizes`,
    made once per corpus: a discovery asks this of every phrase of its vocabulary, and the sum runs over the few
    sizes, not the articles).

    Near 1 for words any article may use ("time", "way", "people": 0.90-0.96 on PolNeAR train), well
    below for what some articles are about ("email" 0.54, "abortion" 0.41, "health care" 0.88).

    >>> sizes = ((1, 90), (10, 10))   # 10 articles of 10 claims, 90 of one
    >>> round(spread(10, 2, sizes), 2), round(spread(10, 10, sizes), 2)
    (0.23, 1.14)
    """
    n = sum(k * m for k, m in sizes)
    expected = sum(m * (1 - (1 - k / n) ** claims_in) for k, m in sizes)
    return articles_with / expected if expected else 1.0


def article_sizes(rows) -> tuple[tuple[int, int], ...]:
    """How many articles hold each number of claims among ``rows`` (claim id, doc id, ...), as (claims, articles)
    pairs sorted by claims: what `spread` reads.

    >>> article_sizes([("c1", "a"), ("c2", "a"), ("c3", "b")])
    ((1, 1), (2, 1))
    """
    return tuple(sorted(Counter(Counter(r[1] for r in rows).values()).items()))


def _with_parts(keys, known) -> list[str]:
    """`keys` and the phrases of `known` they end with or start with (`key_parts`): "council tax bill" also says
    "tax bill", "bill" and "council tax", not the modifier "council".

    >>> _with_parts(["council tax bill"], {"council tax", "tax bill", "council", "bill"})
    ['bill', 'council tax', 'council tax bill', 'tax bill']
    """
    out = set(keys)
    for k in keys:
        out.update(p for p in key_parts(k) if p in known)
    return sorted(out)


@lru_cache(maxsize=1 << 16)
def key_parts(key: str) -> tuple[str, ...]:
    """The phrases a phrase key ends with (a word or more) or starts with (two words or more), shorter than it: what
    else a claim saying it says (`_with_parts`). Remembered: discovery asks it of every key of every claim, and a
    ``--workers`` build as the claims arrive (`keys_ahead`).

    >>> key_parts("council tax bill")
    ('tax bill', 'bill', 'council tax')
    """
    words = key.split()
    parts = [words[i:] for i in range(1, len(words))] + [words[:j] for j in range(2, len(words))]
    return tuple(" ".join(ws) for ws in parts)


def vocabulary_min_articles(n_docs: int) -> int:
    """The articles a phrase of the vocabulary is said in at least, in a corpus of ``n_docs`` articles
    (`phrase_vocabulary`): two when the corpus has more than one.

    >>> vocabulary_min_articles(1), vocabulary_min_articles(5)
    (1, 2)
    """
    return 2 if n_docs > 1 else 1


def issue_min_articles(n_docs: int) -> int:
    """The articles an issue's phrase is said in at least, beside `vocabulary_min_articles` (`topical_phrases`):
    `MIN_ARTICLES` in a corpus of many articles (`SPREAD_MIN_ARTICLES`), else any.

    >>> issue_min_articles(5), issue_min_articles(40)
    (1, 3)
    """
    return MIN_ARTICLES if n_docs >= SPREAD_MIN_ARTICLES else 1


def phrase_vocabulary(claims, exclude=frozenset(), spoken=None, abroad=frozenset()):
    """Rows (claim id, doc id, own keys, context keys), the vocabulary, claim and article frequencies, surfaces.
    A phrase of the vocabulary is said in `VOCAB_MIN_CLAIMS` claims at least, of two articles at least when the
    corpus has more than one. ``exclude``: phrase keys that are no issue, less those of ``spoken`` (key → claims it
    speaks) `talked_about`; places are none (`place_names`) but the keys of ``abroad`` (places abroad).

    >>> claims = [("c1", "a", ["council tax"]), ("c2", "b", ["council tax", "ID cards"])]
    >>> rows, vocab, df, docs, surface = phrase_vocabulary(claims + [(f"f{i}", "c", ["weather"]) for i in range(3)])
    >>> vocab, df["council tax"], rows[1]   # "ID cards" said once, "weather" in one article: not in it
    (['council tax'], 2, ('c2', 'b', ['council tax', 'id card'], []))
    """
    min_df, min_docs = VOCAB_MIN_CLAIMS, vocabulary_min_articles(len({c[1] for c in claims}))
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
    said_enough = [k for k, c in df.items() if c >= min_df]
    exclude = not_topics(said_enough, df, surface, exclude, spoken, abroad)
    vocab = [k for k, c in df.items() if c >= min_df and len(docs[k]) >= min_docs and c <= MAX_DF * n
             and k not in exclude]
    per_article = article_sizes(rows)
    if sum(m for _, m in per_article) >= SPREAD_MIN_ARTICLES:
        spreads = {k: spread(df[k], len(docs[k]), per_article) for k in vocab}
        vocab = [k for k in vocab if spreads[k] < SPREAD_MAX]
    return rows, sorted(vocab), df, docs, surface


def not_topics(keys, df, surface, exclude=frozenset(), spoken=None, abroad=frozenset()) -> set[str]:
    """The phrase keys among ``keys`` that are no topic whatever their counts: those of ``exclude`` (the speakers'
    names) less the organisations the claims talk about (`talked_about`, ``spoken``), places but those abroad
    (`place_names`, ``abroad``) and handles (`handles`): what `phrase_vocabulary` and `named_topics` leave out.

    >>> from collections import Counter
    >>> sorted(not_topics(["new york", "isis", "cruz", "tax"], {"isis": 70, "cruz": 40, "new york": 9, "tax": 9},
    ...        {"new york": Counter({"New York": 9}), "isis": Counter({"ISIS": 70}), "cruz": Counter({"Cruz": 40}),
    ...         "tax": Counter({"tax": 9})}, frozenset({"cruz", "isis"}), {"isis": 3}))
    ['cruz', 'new york']
    """
    return ((exclude - talked_about(df, spoken or {})) | (place_names(keys, surface) - abroad) | handles(keys, surface))


def phrase_counts(claims: Sequence[tuple]) -> tuple[Counter, dict, dict]:
    """(phrase key → claims saying it, → the articles saying it, → the forms it is written in) of (claim id, doc id,
    keyphrases [, ...]) claims, counted as `topical_phrases` counts them (`phrase_vocabulary`: a word inside a phrase
    said elsewhere counts too): what `graphkit.discover.none_found` shows of a corpus that gave no issue.

    >>> df, docs, surface = phrase_counts([("c1", "a", ["council tax"]), ("c2", "b", ["Council Tax bills"])])
    >>> df["council tax"], sorted(docs["council tax"]), dict(surface["council tax"])
    (2, ['a', 'b'], {'council tax': 1})
    """
    _, _, df, docs, surface = phrase_vocabulary(claims)
    return df, docs, surface


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
    "New York" named the group of Wall Street's phrases and triggered it for the New York primary. A place abroad, one
    outside the corpus's home country, is what its claims talk about ("Benghazi", "Syria"), and discovery adds it
    to their keyphrases and takes it out of these (`topical_phrases`' ``abroad``, graphkit.store_issues.said_abroad).

    >>> from collections import Counter
    >>> sorted(place_names(["new york", "wall street", "victory"], {"new york": Counter({"New York": 9}),
    ...        "wall street": Counter({"Wall Street": 5}), "victory": Counter({"victory": 4})}))
    ['new york']
    """
    from .places import is_place_name

    out = set()
    for k in keys:
        written = written_form(surface[k])
        words = [w for w in written.split() if w[:1].isalpha()]
        if words and all(w[:1].isupper() for w in words) and is_place_name(written):
            out.add(k)
    return out


def written_as_name(written: str) -> bool:
    """Whether a phrase is written as a proper name: every word capitalised, the parts of a hyphenated one too, and,
    written in capitals throughout, one word of letters (an acronym: "NATO", not a shouted headline).

    >>> [written_as_name(w) for w in ("Ku Klux Klan", "NATO", "U.N. Security Council", "Medicare-for-all",
    ...                               "EVENTUALLY VOTERS")]
    [True, True, True, False, False]
    """
    words = [w for w in written.replace("-", " ").split() if w[:1].isalpha()]
    return bool(words) and all(w[:1].isupper() for w in words) and (written.isalpha() or not written.isupper())


def handles(keys, surface) -> set[str]:
    """The phrase keys written as a social-media handle ("@HillaryClinton", "@SenSanders"): an account's name, someone
    the claims quote or address, no topic (who is not what about, as a speaker's name). The actors' names do not reach
    them (a handle joins a person's name into one word), so on PolNeAR train "@HillaryClinton" was a discovered issue
    of its own at -55 (bench/README.md, issue 14, twenty-eighth pass) and a phrase of the race's issue at -57. A
    hashtag ("#NeverTrump") names what is talked about and stays.

    >>> from collections import Counter
    >>> sorted(handles(["hillaryclinton", "nevertrump", "email"], {"hillaryclinton": Counter({"@HillaryClinton": 4}),
    ...        "nevertrump": Counter({"#NeverTrump": 3}), "email": Counter({"email": 9})}))
    ['hillaryclinton']
    """
    return {k for k in keys if written_form(surface[k]).startswith("@")}


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
        f = word_frequency(written_form(surface[k]).lower(), "en")
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


def most_said(keys: Sequence[str], counts: dict, where: dict, limit: Optional[int] = None) -> list[str]:
    """The `MAX_PHRASES` (``limit``) of ``keys`` said in most claims (``counts``; ties: in more articles, ``where``,
    then by key), sorted. What bounds a discovery's work, not a floor that rises with the corpus: a phrase's claims
    are its own evidence whatever the corpus's size, and a floor at a share of the claims steps at every multiple of
    its denominator, every phrase said that often leaving at once (PolNeAR train's discovery rows crossed 15,000 at
    -54: ceil(n / 3000) stepped from 5 to 6 claims, and on -55's rows 41 of 273 topical phrases left and the issues
    regrouped; bench/README.md, issue 14, twenty-eighth pass). A limit drops the least said phrases one by one as more
    come. `MAX_PHRASES` is where `graphkit.phrase_groups.issue_count` stops growing (sqrt(4 x 400) = 40 =
    `graphkit.phrase_groups.MAX_ISSUES_FOUND`): more phrases would add no group. PolNeAR train's 331 and the
    sample's 11 are under it; a discovery of `graphkit.store_issues.DISCOVERY_MAX_ARTICLES` articles may reach it.

    >>> most_said(["tax", "war", "deal", "plan"], {"tax": 9, "war": 5, "deal": 5, "plan": 4},
    ...           {"tax": {1}, "war": {1, 2}, "deal": {1}, "plan": {1}}, limit=3)
    ['deal', 'tax', 'war']
    """
    limit = MAX_PHRASES if limit is None else limit
    return sorted(sorted(keys, key=lambda k: (-counts[k], -len(where[k]), k))[:limit])


def outermost(keys) -> list[str]:
    """`keys` less those said only as part of another ("control" in "gun control").

    >>> outermost(["gun control", "control", "guns"])
    ['gun control', 'guns']
    """
    return [k for k in keys if not any(o != k and f" {k} " in f" {o} " for o in keys)]


def alone_counts(rows) -> tuple[Counter, dict]:
    """(phrase key → the claims saying it not as part of a longer phrase (`outermost`), → their articles) of
    ``rows`` as `phrase_vocabulary` gives them: how often a phrase is said alone, which `named_topics`,
    `voiced_topics` and `topical_phrases` count (the functions take it, worked out once, as ``said_alone``).

    >>> alone, docs = alone_counts([("c1", "a", ["gun control", "control"], []), ("c2", "b", ["control"], [])])
    >>> dict(alone), sorted(docs["control"])
    ({'gun control': 1, 'control': 1}, ['b'])
    """
    alone, docs = Counter(), defaultdict(set)
    for _, doc_id, keys, _ in rows:
        for k in outermost(keys):
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


def written_form(forms: Counter) -> str:
    """The form a phrase is written in most often (ties: the first in sort order)."""
    return sorted(forms.items(), key=lambda x: (-x[1], x[0]))[0][0]


class Topical(NamedTuple):
    """What `topical_phrases` found in a corpus's claims, as `graphkit.discover.discover_issues` reads it."""

    rows: list  #: (claim id, doc id, its phrase keys, its sentence before's keys), by claim id
    vocab: list  #: the phrase keys said often enough in enough articles, no speaker's name nor place
    df: Counter  #: phrase key -> claims saying it
    surface: dict  #: phrase key -> Counter of the forms it is written in
    keys: list  #: the topical phrases (`issue_phrases`)
    keyness: dict  #: phrase key -> `keyness`
    into: dict  #: topical phrase -> the topical phrase it folds into (`fold`)
    members: dict  #: folded topical phrase -> the rows saying it, not inside a longer one
    many: bool  #: a corpus of many articles (`SPREAD_MIN_ARTICLES`): where phrases are said tells
    abroad: frozenset = frozenset()  #: the keys of the places abroad discovery was given, keyed once here
    named: tuple = ()  #: names said in too few claims to be topical that are issues of their own (`named_topics`)
    article_topics: tuple = ()  #: what one article's voices talk about, issues standing in for it (`article_topics`)


def named_topics(rows, df, surface, skip, n_docs: int, said_alone=None) -> list[str]:
    """The phrase keys written as a proper name (`written_as_name`: "Medicare", "NATO", "Ku Klux Klan") said alone
    (not inside a longer phrase of the claim, `alone_counts`) in at least `NAMED_MIN_CLAIMS` claims of
    `vocabulary_min_articles` articles and in more claims than articles, so that some article says it twice: what
    that article is about, not a name said in passing; no speech word, said here at least as often as in English
    (`keyness`: `PHRASE_KEYNESS_MIN`, a single word `KEYNESS_MIN`), in at most `MAX_DF` of the claims, and none of
    ``skip`` (the topical phrases, the places abroad and what `not_topics` leaves out). Largest first. Each is an
    issue of its own, never grouped, as a place abroad is (`graphkit.discover.discover_issues`): a topic named in a
    few claims misses the topical phrases' floors (`MIN_CLAIMS` claims of `MIN_ARTICLES` articles; phrases said once
    in each article are as spread as any word, `SPREAD_MAX`). ``said_alone``: `alone_counts` of ``rows``, when the
    caller has counted it (`topical_phrases`).

    PolNeAR train at -88 (bench/README.md, issue 14, forty-sixth pass): 11 names (Medicare, NATO, Pentagon, ACA, Ku
    Klux Klan, Millennials, Kelly File, NYPD, Scarborough Shoal, U.N. Security Council, Vanguard), 181 statements
    change at the same coverage; of 14 of them judged 7 fit better, 4 worse, 3 alike, and of 20 given an added name
    by their own words 9 better, 2 worse, 9 alike. Names said once in each article too (60 names: "Oval Office",
    "Electoral College", "United Nations", "MSNBC") gave issues to claims that mention them in passing: 8 better,
    7 worse.

    >>> from collections import Counter
    >>> rows = [("c1", "a", ["nato", "summit"], []), ("c2", "a", ["nato"], []), ("c3", "b", ["nato"], []),
    ...         ("c4", "a", ["oval office"], []), ("c5", "b", ["oval office"], []), ("c6", "c", ["tax"], []),
    ...         ("c7", "c", ["tax"], [])]
    >>> surface = {"nato": Counter({"NATO": 3}), "oval office": Counter({"Oval Office": 2}),
    ...            "summit": Counter({"summit": 1}), "tax": Counter({"tax": 2})}
    >>> named_topics(rows, Counter({"nato": 3, "oval office": 2, "summit": 1, "tax": 2}), surface, set(), 3)
    ['nato']
    """
    alone, docs = said_alone or alone_counts(rows)
    least = vocabulary_min_articles(n_docs)
    keys = [k for k in alone if alone[k] >= NAMED_MIN_CLAIMS and least <= len(docs[k]) < alone[k]
            and may_be_topic(k, df, len(rows), skip) and written_as_name(written_form(surface[k]))]
    return key_enough(keys, alone, surface, rows)


def may_be_topic(k: str, df, n: int, skip) -> bool:
    """Whether phrase key ``k`` may be an issue of its own below the topical phrases' floors (`named_topics`,
    `article_topics`): said in at most `MAX_DF` of the ``n`` claims (``df``: key -> claims saying it), none of
    ``skip``, and no speech word (`speech_words`).

    >>> may_be_topic("nato", {"nato": 3}, 10, set()), may_be_topic("comment", {"comment": 3}, 10, set())
    (True, False)
    """
    return df[k] <= MAX_DF * n and k not in skip and not (" " not in k and k in speech_words())


def key_enough(keys, alone, surface, rows) -> list[str]:
    """The phrase keys of ``keys`` said here at least as often as in English (`keyness` of their claims said alone,
    ``alone``: `PHRASE_KEYNESS_MIN`, a single word `KEYNESS_MIN`), the most said first (`named_topics`,
    `article_topics`).

    >>> from collections import Counter
    >>> rows = [("c1", "a", ["nato"], []), ("c2", "b", ["nato"], []), ("c3", "b", ["father"], [])]
    >>> rows += [(f"f{i}", "c", ["council tax"], []) for i in range(600)]   # the rest of the corpus's words
    >>> key_enough(["father", "nato"], Counter({"nato": 2, "father": 1}),
    ...            {"nato": Counter({"NATO": 2}), "father": Counter({"father": 1})}, rows)
    ['nato']
    """
    key = keyness(keys, alone, surface, rows)
    keys = [k for k in keys if key.get(k, math.inf) >= (PHRASE_KEYNESS_MIN if " " in k else KEYNESS_MIN)]
    return sorted(keys, key=lambda k: (-alone[k], k))


def article_voices() -> int:
    """The speakers of one article a phrase is said by at least, there, to be that article's topic (`article_topics`):
    `ARTICLE_VOICES`, two, in its `MIN_CLAIMS` claims or more; with `ARTICLE_VOICES_FEWER` off, one a claim (three).
    One voice saying a phrase over and over is that speaker's words, not what the article is about ("valuable player
    award", "extreme carelessness"); two voices are a conversation about it: both sides of D.C. statehood in the
    article on Clinton's support for it, a speaker and a police affidavit on the bruises of a battery charge, a
    confidant and the president on voting machines.

    PolNeAR train at -115 (bench/README.md, issue 14, fifty-fifth pass): 15 more topics ("bruises", "statehood",
    "Voting Machines", "joint fundraising agreement", "CGI", "gun dealers"), 85 statements change at a coverage of
    85.5 % (85.6 % before); every one of them judged: of the 54 the topics move, 23 fit better, 8 worse, 23 alike
    (the worse: "new regulation" taking an overtime rule's claims from "overtime", the topic given to a claim of its
    article on something else); the other 31, one article's offers the article floor left (0.0788 -> 0.0789), all
    misfits under the race's issue. A development draw of 20 of the 85: 14 better, 2 worse, 4 alike.

    >>> article_voices()
    2
    """
    return ARTICLE_VOICES if ARTICLE_VOICES_FEWER else MIN_CLAIMS


def article_topics(rows, df, surface, skip, voices: Optional[dict], said_alone=None) -> list[str]:
    """The phrase keys one article's voices talk about: said alone (`alone_counts`) in `MIN_CLAIMS` claims of one
    article at least, by `article_voices` speakers of it at least (``voices``: claim id -> its speaker's actor id;
    none known, none is), that article holding `ARTICLE_SHARE` of the claims saying it at least; no speech word, in
    at most `MAX_DF` of the claims, none of ``skip`` (the topical phrases, the names said twice, the places abroad and
    what `not_topics` leaves out: `may_be_topic`), said here at least as often as in English (`key_enough`). Largest
    first. Each is an issue of its own that stands in for its claims'
    article's issue (``article_topic`` of `graphkit.issues.IssueDef`, `graphkit.issue_model.said_within`): a topic
    one article is about misses the topical phrases' floor of `MIN_ARTICLES` articles, and its claims took whatever
    the article's other claims voted for ("tunnels" under the border smugglers' article took "undocumented
    immigrants", "overtime" "Wall Street", a security firm's contracts "foreign policy"). Several voices, not one: a
    phrase one speaker says over and over is that speaker's words ("valuable player award", "extreme carelessness",
    "spanking"), not what the article is about; two are enough (`article_voices`). ``said_alone``: `alone_counts` of
    ``rows``, when counted already.

    PolNeAR train at -103 (bench/README.md, issue 14, fiftieth pass): 43 phrases ("merger", "overtime", "carbon
    tax", "tunnels", "FDIC", "Common Core", "Zika", "stem cell research"), 188 statements change at the same
    coverage; of 40 judged, 24 fit better, 1 worse, 15 alike (by one voice or more, 74 phrases: of 20, 7 better, 6
    worse; by two, 59 phrases, 215 statements, not drawn then; at -115 by two, `article_voices`).

    >>> rows = [(f"c{i}", "a", ["tunnels"], []) for i in range(3)] + [("c3", "b", ["tunnels"], []),
    ...         ("c4", "a", ["the wall"], []), ("c5", "a", ["the wall"], []), ("c6", "a", ["the wall"], [])]
    >>> rows += [(f"f{i}", f"d{i}", ["tax"], []) for i in range(4)]   # other articles'
    >>> from collections import Counter
    >>> surface = {"tunnels": Counter({"tunnels": 4}), "the wall": Counter({"the wall": 3})}
    >>> df = Counter({"tunnels": 4, "the wall": 3})
    >>> article_topics(rows, df, surface, set(), {"c0": "x", "c1": "y", "c2": "x", "c4": "x", "c5": "x", "c6": "x"})
    ['tunnels']
    >>> article_topics(rows, df, surface, set(), None)
    []
    """
    if not voices:
        return []
    return voiced_topics(rows, df, surface, skip, voices, MIN_CLAIMS, said_alone)


def voiced_topics(rows, df, surface, skip, voices: dict, least: int, said_alone=None, *, unheard=frozenset(),
                  named=None) -> list[str]:
    """The phrase keys said alone (`alone_counts`) in ``least`` claims of one article at least, the claims of
    ``unheard`` (their ids) not counted, by `article_voices` speakers of it (``voices``: claim id -> its speaker's actor
    id), that article holding `ARTICLE_SHARE` of the claims saying it at least, and, given ``named`` ((key, doc id) ->
    bool), named by that article; no speech word, in at most `MAX_DF` of the claims, none of ``skip``
    (`may_be_topic`), said here at least as often as in English (`key_enough`). Largest first. The one count of an
    article's topics, by its voices (`article_topics`: three claims) and by its title (`title_topics`: two claims
    besides the headline's, the title naming the phrase).

    >>> from collections import Counter
    >>> rows = [(f"c{i}", "a", ["tunnels"], []) for i in range(3)] + [(f"f{i}", f"d{i}", ["tax"], []) for i in range(4)]
    >>> df, surface = Counter({"tunnels": 3}), {"tunnels": Counter({"tunnels": 3})}
    >>> voices = {"c0": "x", "c1": "y", "c2": "x"}
    >>> voiced_topics(rows, df, surface, set(), voices, 3), voiced_topics(rows, df, surface, set(), voices, 3,
    ...                                                                    unheard=frozenset({"c2"}))
    (['tunnels'], [])
    >>> voiced_topics(rows, df, surface, set(), voices, 2, named=lambda k, d: False)
    []
    """
    alone = (said_alone or alone_counts(rows))[0]
    claims_in: dict = defaultdict(Counter)
    heard: dict = defaultdict(lambda: defaultdict(set))
    for cid, doc_id, ks, _ in rows:
        if cid in unheard:
            continue
        for k in outermost(ks):
            claims_in[k][doc_id] += 1
            if voices.get(cid) is not None:
                heard[k][doc_id].add(voices[cid])
    told_by = article_voices()
    keys = [k for k, where in claims_in.items() if may_be_topic(k, df, len(rows), skip) and any(
        n >= least and n >= ARTICLE_SHARE * alone[k] and len(heard[k][d]) >= told_by and (named is None or named(k, d))
        for d, n in where.items())]
    return key_enough(keys, alone, surface, rows)


def title_topics(rows, df, surface, skip, voices: Optional[dict], titles: Optional[dict], headlines=frozenset(),
                 said_alone=None, narrations: Optional["Narrations"] = None) -> list[str]:
    """The phrase keys an article's title names that its claims talk about too: said alone (`alone_counts`) in
    `TITLE_CLAIMS` of that article's claims at least, not counting the claims of the headline itself (``headlines``:
    their ids, a headline's words are the title's), by `article_voices` speakers of it (``voices``: claim id -> its
    speaker's actor id), that article holding `ARTICLE_SHARE` of the claims saying it; written in the title as the
    same words (``titles``: doc id -> title, folded as a phrase is, `phrase_key`); no speech word, in at most
    `MAX_DF` of the claims, none of ``skip`` (`may_be_topic`), said here at least as often as in English
    (`key_enough`). Largest first. Each is an article's topic as `article_topics`' are (an issue of its own standing in
    for its claims' article's issue): the title says what the article is about, so two of its claims saying it are
    enough where `article_topics` asks three (`MIN_CLAIMS`). A title's words that no two voices of its article say are
    its headline's ("Blasphemers", "bad angels", "dumbest client": one voice, or the headline's own claim, said them),
    and a title phrase said mostly in other articles is a word of the race ("debate", "vote", "party").

    PolNeAR train at -119 (bench/README.md, issue 14, fifty-sixth pass): of 643 (article, title phrase) pairs said
    in two claims of the article, 153 topical already, 178 a speaker's name or place, 89 said twice only with the
    headline's claim, 167 said mostly elsewhere, 42 no more key than English or a speech word, 10 said by one voice:
    4 topics ("Valeant" 19 statements, "internment" 9, "ambitious plans" 2, "shakeup" 1), 50 statements change at
    the same coverage (85.5 %; the floor 0.0717 -> 0.0720), every one judged: 44 fit better, 5 worse, 1 alike (the
    topics' own 31: 27 / 3 / 1). By one voice, with the headline's claim counted: 28 topics, 154 statements, of 20
    drawn 13 better / 7 worse (headline words).

    >>> rows = [("c0", "a", ["internment"], []), ("c1", "a", ["internment"], []), ("c2", "a", ["camp"], []),
    ...         ("h", "a", ["internment"], [])] + [(f"f{i}", f"d{i}", ["tax"], []) for i in range(4)]
    >>> from collections import Counter
    >>> df, surface = Counter({"internment": 3}), {"internment": Counter({"internment": 3})}
    >>> titles = {"a": "Clark defends internment remark"}
    >>> title_topics(rows, df, surface, set(), {"c0": "x", "c1": "y", "h": "x"}, titles, frozenset({"h"}))
    ['internment']
    >>> title_topics(rows, df, surface, set(), {"c0": "x", "c1": "x", "h": "y"}, titles, frozenset({"h"}))  # one voice
    []
    >>> title_topics(rows, df, surface, set(), {"c0": "x", "c1": "y"}, {"a": "Clark defends his remark"})
    []

    ``narrations``: each article's narration, its text outside its claims (`Narrations`): a phrase it names
    `NARRATION_MENTIONS` times is named as by the title (`NARRATION_TOPICS`; bench/README.md, issue 14, fifty-seventh
    pass: on PolNeAR train at -123 26 topics, 96 statements change at the same coverage, of 20 drawn 10 better, 4
    worse, 6 alike).

    >>> told = Narrations({"a": ("Internment is the word. Critics said internment was wrong. Internment again.",
    ...                          [(37, 57)])})
    >>> title_topics(rows, df, surface, set(), {"c0": "x", "c1": "y"}, {"a": "Clark defends his remark"},
    ...              narrations=told)
    ['internment']
    """
    narrated = NARRATION_TOPICS and narrations is not None
    if not voices or not (titles or narrated):
        return []
    folded = {d: f" {phrase_key(t or '')} " for d, t in (titles or {}).items()}

    def named(k: str, d: str) -> bool:
        return f" {k} " in folded.get(d, " ") or narrated and narrations.mentions(d, k) >= NARRATION_MENTIONS

    return voiced_topics(rows, df, surface, skip, voices, TITLE_CLAIMS, said_alone, unheard=headlines, named=named)


class Narrations:
    """Each article's narration, the words of its text outside its claims' spans, folded as a phrase is
    (`graphkit.issues.fold_phrase`) and cut at each claim and sentence mark, folded when first asked (`mentions`):
    what `title_topics` reads beside the title. ``articles``: doc id -> (its text, its claims' spans as (start, end)
    pairs).

    >>> n = Narrations({"a": ("The tax bills rose. Lee said “tax bills hurt”. Tax bills again.", [(30, 44)])})
    >>> n.mentions("a", "tax bill"), n.mentions("a", "hurt"), n.mentions("b", "tax bill")
    (2, 0, 0)
    """

    def __init__(self, articles: dict) -> None:
        self.articles = articles
        self._folded: dict[str, str] = {}

    def mentions(self, doc_id: str, key: str) -> int:
        """How many times the narration of ``doc_id`` says the phrase key ``key`` (0: no such article)."""
        if doc_id not in self._folded:
            text, spans = self.articles.get(doc_id, ("", []))
            self._folded[doc_id] = narration_folded(text, spans)
        return self._folded[doc_id].count(f" {key} ")


def narration_folded(text: str, spans) -> str:
    """``text`` less the ``spans`` (character offsets), each piece cut at sentence marks and folded as a phrase is
    (`graphkit.issues.fold_phrase`), the pieces " | " apart and the whole in spaces: a phrase key is found in it as
    `` key `` (words across a cut never join).

    >>> narration_folded("Council tax rose. Lee said it would. Bills", [(18, 35)])
    ' council tax rose | bill '
    """
    pieces, at = [], 0
    for start, end in sorted(spans):
        if start > at:
            pieces.append(text[at:start])
        at = max(at, end)
    pieces.append(text[at:])
    folded = [fold_phrase(x) for piece in pieces for x in _SENTENCE_MARKS.split(piece)]
    return f" {' | '.join(f for f in folded if f)} "


_SENTENCE_MARKS = re.compile(r"[.!?;:\n]")


def topical_phrases(claims: Sequence[tuple], exclude: Iterable[str] = (),
                    spoken: Optional[dict[str, int]] = None, abroad: Iterable[str] = (),
                    voices: Optional[dict[str, str]] = None, titles: Optional[dict[str, str]] = None,
                    headlines: frozenset = frozenset(), narrations: Optional[Narrations] = None) -> Optional[Topical]:
    """The topical phrases of (claim id, doc id, keyphrases [, keyphrases of the sentence before]) claims, sorted by
    claim id, or None when there are too few claims (`MIN_CORPUS_CLAIMS`) or phrases to find any. ``exclude``,
    ``spoken``, ``abroad``, ``voices``, ``titles`` and ``headlines``: as `graphkit.discover.discover_issues` takes them
    (speakers' names; organisations' spoken claims, `talked_about`; places abroad, which `place_names` leaves to the
    issues; each claim's speaker, `article_topics`; each article's title and the claims of its headline,
    `title_topics`; ``narrations``: each article's narration, `Narrations`, which `title_topics` reads beside the
    title)."""
    n_docs = len({c[1] for c in claims})
    n = len(claims)
    talked: dict[str, int] = {}
    for name, says in (spoken or {}).items():  # an organisation's names fold to keys; two sharing one: the larger count
        talked[phrase_key(name)] = max(says, talked.get(phrase_key(name), 0))
    abroad = frozenset(phrase_key(x) for x in abroad)  # once: `graphkit.discover.places_apart` reads these keys
    speakers = frozenset(phrase_key(x) for x in exclude)
    rows, vocab, df, docs, surface = phrase_vocabulary(claims, speakers, talked, abroad)
    if not vocab or n < MIN_CORPUS_CLAIMS:
        return None
    many = n_docs >= SPREAD_MIN_ARTICLES
    alone, alone_docs = alone_counts(rows)
    per_article = article_sizes(rows)
    spreads = ({k: spread(alone[k], len(alone_docs[k]), per_article) for k in vocab if " " not in k and alone[k]}
               if many else None)
    counts = {k: df[k] if " " in k else alone[k] for k in vocab}
    where = {k: docs[k] if " " in k else alone_docs[k] for k in vocab}
    key = keyness(vocab, counts, surface, rows)
    keys = most_said(issue_phrases(counts, where, spreads, MIN_CLAIMS, issue_min_articles(n_docs), key), counts, where)
    into = fold(keys)
    members: dict[str, set[int]] = defaultdict(set)
    for r, (_, _, ks, _) in enumerate(rows):
        for k in outermost([k for k in ks if k in into]):  # its topical phrases, less those inside a longer one
            members[into[k]].add(r)
    twice = [k for k, c in df.items() if c >= NAMED_MIN_CLAIMS]
    skip = set(into) | abroad | not_topics(twice, df, surface, speakers, talked, abroad)
    named = named_topics(rows, df, surface, skip, n_docs, (alone, alone_docs))
    local = article_topics(rows, df, surface, skip | set(named), voices, (alone, alone_docs)) if ARTICLE_TOPICS else []
    if TITLE_TOPICS:  # an article's topics its title names besides, largest first with the rest
        titled = title_topics(rows, df, surface, skip | set(named) | set(local), voices, titles, headlines,
                              (alone, alone_docs), narrations)
        local = sorted([*local, *titled], key=lambda k: (-alone[k], k))
    said = set(named) | set(local)
    for r, (_, _, ks, _) in enumerate(rows):
        for k in said.intersection(outermost(ks)):  # the claims saying a name alone, as `named_topics` counts them
            members[k].add(r)
    return Topical(rows, vocab, df, surface, keys, key, into, dict(members), many, abroad, tuple(named), tuple(local))
