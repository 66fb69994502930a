"""Issues discovered from a corpus's own claims, when the corpus brings no taxonomy.

Two steps. (1) *Topical phrases* (graphkit.topical): each claim's keyphrases folded to light lemmas, those said in
enough claims and articles, far more than in English at large and no speaker's name nor place. (2) *Issues*
(graphkit.phrase_groups): the topical phrases grouped by where they are said, what they are said with and the words
they are made of, each group named by the phrase that stands for it best and triggered by all of its phrases, and a
phrase no claim of which says another of its group's an issue of its own (`discover_issues`). A name said in too few
claims to be topical that some article says twice is an issue of its own too, never grouped, as a place abroad is
(`graphkit.topical.named_topics`: "Medicare", "NATO"), and so is a phrase several voices of one article talk about,
mostly there, which stands in for that article's issue in its claims (`graphkit.topical.article_topics`: "tunnels").

Why groups and not one issue per phrase (bench/README.md, issue 14): 253 phrase issues on PolNeAR train were
too many for a reader, near-synonyms were apart, and a claim that says no topical phrase had nothing to
inherit. Each issue becomes an entry of an issues.yaml (name, description, patterns, context) marked
``origin: discovered``, so claims are assigned to it like to a hand-made issue (graphkit.issues.assign_claim,
which asks discovered issues for firmer evidence; claims that say none of its triggers may get one learnt
from those that do, or their article's: graphkit.issue_model), and `graphkit issues suggest` (graphkit.suggest)
writes it as a file to edit. Same claims in, same issues out.

>>> claims = [(f"c{i}", f"d{i % 4}", ph) for i, ph in enumerate(
...     [["council tax", "pensioners"], ["council tax", "bills"], ["council tax", "councils"], ["ID cards", "civil liberties"],
...      ["ID cards", "Home Office"], ["ID cards", "civil liberties"]] * 3)]
>>> [(i["name"], i["patterns"]) for i in discover_issues(claims, n_issues=2)["issues"]]
[('council tax', ['council tax', 'bills', 'pensioners']), ('ID cards', ['ID cards', 'civil liberties', 'Home Office'])]
"""

from __future__ import annotations

from typing import Iterable, Optional, Sequence

from .phrase_groups import (NESTED_SHARE, apart_from_groups, group_phrases, names_a_person, nested, said_apart,
                            shares_a_word, the_frame, topic_name)
from .topical import (MIN_CLAIMS, MIN_CORPUS_CLAIMS, common_phrases, issue_min_articles, phrase_counts,
                      topical_phrases, vocabulary_min_articles, written_form)


def places_apart(heads: Iterable[str], abroad: frozenset, keep: bool = True) -> list[str]:
    """The phrase keys among ``heads`` that are places abroad (``abroad``: their phrase keys, as
    `graphkit.topical.topical_phrases` keyed them once, `graphkit.topical.Topical.abroad`), or, ``keep`` False, the
    others. A topical one is an issue of its own, named by the place, and the other phrases
    are grouped without them, by what they are said with less the places (of the vocabulary's keys, the others).
    A place is no phrase of a topic's group: grouped on PolNeAR train, Syria and Iraq joined "Islamic State", Iran
    "North Korea", and the groups of the other phrases moved (the race's "Latino voters" to "economy"): of 30 changed
    claims judged, 9 fit better and 12 worse; apart, the groups are the same and a claim about Benghazi gets
    "Benghazi" (bench/README.md, issue 14, thirty-sixth pass).

    >>> places_apart(["benghazi", "email server", "syria"], frozenset({"syria", "benghazi", "iowa"}))
    ['benghazi', 'syria']
    >>> places_apart(["benghazi", "email server", "syria"], frozenset({"syria", "benghazi", "iowa"}), keep=False)
    ['email server']
    """
    return [h for h in heads if (h in abroad) == keep]


def n_issues_of(value, name: str = "n_issues") -> Optional[int]:
    """How many issues discovery is asked for, a whole number, 1 or more, None to let it choose (the check of a
    build's ``n_issues=`` and of ``--n-issues``, one wording for both: `graphkit.values.whole`).

    >>> n_issues_of("12"), n_issues_of(None)
    (12, None)
    >>> n_issues_of(0)
    Traceback (most recent call last):
    ...
    graphkit.values.BadValue: n_issues=0 is below 1; give a whole number, 1 or more, e.g. n_issues=12
    """
    from .values import whole

    return whole(value, name, least=1, example=12)


def none_found(claims: Sequence[tuple]) -> str:
    """Why discovery found no issue in ``claims`` (as `discover_issues` takes them) and what to do, in one line: too
    few claims to discover from (`graphkit.topical.MIN_CORPUS_CLAIMS`), else what a phrase needs to be an issue (the
    floors of `graphkit.topical.topical_phrases`: claims, articles, at most half the claims, no name nor common word)
    and the most said phrase with its counts, so the reader sees which floor it missed.

    >>> none_found([("c1", "d1", ["tax"])])
    '1 claim, too few to discover issues from (12 at least); add articles, or give the corpus an issues.yaml'
    >>> none_found([(f"c{i:02d}", f"d{i}", ["council tax", f"word {i}"]) for i in range(14)])[-103:]
    "(the most said: 'council tax', 14 claims, 14 articles); add articles, or give the corpus an issues.yaml"
    """
    fix = "add articles, or give the corpus an issues.yaml"
    n = len(claims)
    if n < MIN_CORPUS_CLAIMS:
        return f"{n} claim{'' if n == 1 else 's'}, too few to discover issues from ({MIN_CORPUS_CLAIMS} at least); {fix}"
    n_docs = len({c[1] for c in claims})
    articles = max(vocabulary_min_articles(n_docs), issue_min_articles(n_docs))
    df, docs, surface = phrase_counts(claims)
    top = min(df, key=lambda k: (-df[k], -len(docs[k]), k), default=None)
    said = (f" (the most said: '{written_form(surface[top])}', {df[top]} claim{'' if df[top] == 1 else 's'}, "
            f"{len(docs[top])} article{'' if len(docs[top]) == 1 else 's'})") if top else ""
    where = f", in {articles} articles or more" if articles > 1 else ""
    return (f"none of the {n} claims' phrases is an issue: one is said in {MIN_CLAIMS} claims or more{where}, in at "
            "most half of the claims, and is no speaker's or place's name nor a word said everywhere or as often in "
            f"English{said}; {fix}")


def within_issues(groups: Sequence[list[str]], members: dict, rows, into: dict, apart: dict
                  ) -> list[tuple[list[str], tuple, list[str]]]:
    """(group, the group it stands in for, as a tuple, its phrases said apart: `within_apart`) for the phrases said
    apart from each of ``groups``
    (`graphkit.phrase_groups.said_apart`, less the phrase that names it), grouped as discovery's groups are, a phrase
    no claim of which says another of them an issue of its own (`apart_from_groups`), largest first in each. A claim
    given none of its own triggers' issues but these gets the one they make in the place of its article's
    (`graphkit.issue_model.said_within`): "abortion" is said in the articles of the Supreme Court's seat, its claims
    grouped with the Court's, and a claim about abortion took "Supreme Court" or the race's issue from its article.
    ``rows``, ``into``: as `said_alone` takes them; ``apart``: each group's phrases said apart (`said_apart`), by the
    group as a tuple (what `discover_issues` has worked out for the groups' entries).

    PolNeAR train at -92 (bench/README.md, issue 14, forty-seventh pass): 34 such issues ("abortion" within "Supreme
    Court", "health care" within "Wall Street", "black voters" within "economy", "Congress" within "federal
    government"), 124 issues; 1,084 statements change, the floor chosen 0.0851 -> 0.0866, 85.4 % with an issue both;
    of 20 of them judged, 7 fit better, 5 worse (of 40 the composed variant changed, 13 better, 8 worse); of a fresh
    draw of 80 claims, 3 better, none worse.

    A part all of whose phrases name a person (`names_a_person`: "billionaire", "vice president", "federal judge") is
    none: a role said apart from its group says who, not what about, and there is no other phrase to name it by
    (`topic_name`). PolNeAR train at -96 (bench/README.md, issue 14, forty-eighth pass): 5 of 34 parts ("billionaire"
    41 statements, "vice president" 18, "lobbyists" 18, "federal judge" 5, "Islamic State militants" 3); 96 statements
    change, of 20 judged 9 fit better, 4 worse (seed 7731).

    >>> m = {"supreme court": {0, 1}, "justice": {0, 2}, "abortion": {3, 4}, "pro life": {3, 4}}
    >>> rows = [("c0", "a", ["supreme court", "justice"], []), ("c1", "a", ["supreme court"], []),
    ...         ("c2", "a", ["justice"], []), ("c3", "b", ["abortion", "pro life"], []),
    ...         ("c4", "c", ["abortion", "pro life"], [])]
    >>> rows += [(f"c{i}", f"d{i}", ["tax"], []) for i in range(5, 9)]   # other groups' articles
    >>> into, g = {k: k for k in m}, ["supreme court", "justice", "abortion", "pro life"]
    >>> within_issues([g], m, rows, into, {tuple(g): said_apart(g, m, [r[1] for r in rows])})
    [(['abortion', 'pro life'], ('supreme court', 'justice', 'abortion', 'pro life'), [])]
    """
    out, arts = [], [r[1] for r in rows]
    for g in groups:
        said = [h for h in g if h in apart[tuple(g)] and h != topic_name(g, apart[tuple(g)])]
        if not said:
            continue
        parts = [p for p in apart_from_groups([said], members, rows, into) if not all(map(names_a_person, p))]
        size = {p[0]: len(set().union(*(members[h] for h in p))) for p in parts}
        out += [(p, tuple(g), within_apart(p, members, arts)) for p in sorted(parts, key=lambda p: (-size[p[0]], p[0]))]
    return out


def within_apart(part: Sequence[str], members: dict, articles: Sequence[str]) -> list[str]:
    """The phrases of an issue within another (``part``: as `within_issues` gives it) said apart from the rest of it
    (`said_apart`), its name among them when it is a word said mostly away from the rest (`name_said_apart`).

    >>> m = {"action": {0, 1, 2, 3}, "gun": {4, 5}, "firearm": {5, 6}}
    >>> within_apart(["action", "gun", "firearm"], m, ["a", "b", "c", "d", "e", "e", "f"] + list("uvwxyz"))
    ['action', 'gun', 'firearm']

    (The rest, said away from where the name is, is said apart as well: `graphkit.phrase_groups.away_from_name`.)
    """
    apart = said_apart(part, members, articles)
    named = topic_name(part, apart) == part[0] and name_said_apart(part, members, articles)
    return part[:1] + apart if named else apart


def name_said_apart(part: Sequence[str], members: dict, articles: Sequence[str]) -> bool:
    """Whether an issue within another (``part``: its phrases, best first, as `within_issues` gives them) is named by a
    single word said mostly away from the rest of its phrases: less than `graphkit.phrase_groups.NESTED_SHARE` of its
    claims (`nested`) in articles where another of them is said. Such a word is said in other senses than the
    issue's ("actions" of a lawsuit or of the military beside executive actions on guns; "Congress" named in passing
    beside legislation and sanctions), so it is listed among the issue's phrases said apart (``apart``) and counts as
    any single word, half, not as the issue's name (`graphkit.issues._evidence`): it gives the issue only with another
    of its phrases. A name of two words or more is seldom said in another sense, and one said where the rest is
    ("abortion" beside "pro-life" and "Planned Parenthood") stays the name; so does, as `said_apart` keeps such phrases
    the group's, a word another of its phrases shares ("guns" beside "gun rights") and the name of a part said in
    most of the corpus's articles (`the_frame`).

    PolNeAR train at -96 (bench/README.md, issue 14, forty-eighth pass): "actions", "Congress", "ISIS", "recession",
    "penchant" (of 29 issues within another); with the roles dropped (`within_issues`), 309 statements change.

    >>> m = {"action": {0, 1, 2, 3}, "gun": {4, 5}, "firearm": {5, 6}}
    >>> arts = ["a", "b", "c", "d", "e", "e", "f"] + list("uvwxyz")   # rows 7-12: other issues' claims
    >>> name_said_apart(["action", "gun", "firearm"], m, arts), name_said_apart(["gun", "firearm"], m, arts)
    (True, False)
    """
    if len(part) < 2 or " " in part[0] or shares_a_word(part[0], part[1:]) or the_frame(part, members, articles):
        return False  # said_apart's guards: an outlet's wording of the part's topic; a part the corpus is about
    rest = frozenset().union(*(members[h] for h in part[1:]))
    return nested(frozenset(members[part[0]]), rest, articles) < NESTED_SHARE


def discover_issues(claims: Iterable[tuple], n_issues: Optional[int] = None, exclude: Iterable[str] = (),
                    spoken: Optional[dict[str, int]] = None, abroad: Iterable[str] = (),
                    voices: Optional[dict[str, str]] = None, titles: Optional[dict[str, str]] = None,
                    headlines: frozenset = frozenset(), narrations: Optional["Narrations"] = None) -> dict:
    """An issues.yaml mapping (``{"version": 1, "issues": [...]}``) discovered from (claim id, doc id, keyphrases
    [, keyphrases of the sentence before]).

    ``exclude``: phrases that are no issue whatever the data say (the speakers' names: who is not what about).
    ``spoken``: the organisations among them, name → the claims it speaks; one the claims talk about far more than it
    speaks is a phrase like any other (`talked_about`: "ISIS", "Supreme Court").
    ``abroad``: the places abroad the claims say (graphkit.store_issues.said_abroad, put in their keyphrases; any
    iterable, taken once): places that may be issues, where the corpus's home's are none
    (`graphkit.topical.place_names`); a topical one is an issue of its own, never grouped (`places_apart`).
    ``n_issues``: that many issues (groups of topical phrases; the topical places abroad besides), else
    `group_phrases` chooses, and a phrase said alone in its group is an issue of its own
    (`graphkit.phrase_groups.apart_from_groups`). A name said in too few claims to be topical that some article says
    twice is an issue of its own whatever ``n_issues`` says, as a place abroad is (`graphkit.topical.named_topics`).
    ``voices``: each claim's speaker (claim id -> actor id): a phrase several voices of one article talk about, mostly
    there, is an issue of its own that stands in for its claims' article's issue, marked ``article_topic``
    (`graphkit.topical.article_topics`); without them there is none. ``titles``: each article's title (doc id ->
    title) and ``headlines``, the ids of the claims its headline holds: a phrase an article's title names that two of
    its voices say is that article's topic too (`graphkit.topical.title_topics`), and so is one its ``narrations``
    name (`graphkit.topical.Narrations`: each article's words outside its claims).

    Issues come largest first (by the claims saying their phrases); each has name, description, patterns,
    context and ``origin: discovered``. Too few claims or phrases to find any gives an empty list, and ``none``, why
    and what to do (`none_found`), which the build's summary says.
    """
    claims = sorted(claims, key=lambda c: c[0])
    found = topical_phrases(claims, exclude, spoken, abroad, voices, titles, headlines, narrations)  # ``abroad``: once
    if found is None or not found.members:
        return {"version": 1, "issues": [], "none": none_found(claims)}
    rows, df, surface, keys, into, members = found.rows, found.df, found.surface, found.keys, found.into, found.members
    own = set(found.named) | set(found.article_topics)  # a name said in few claims, an article's topic: issues alone
    heads = sorted(h for h in members if h not in own)
    places, topics = places_apart(heads, found.abroad), places_apart(heads, found.abroad, keep=False)
    groups = group_phrases(topics, members, rows, places_apart(found.vocab, found.abroad, keep=False),
                           int(n_issues) if n_issues else None, found.many,
                           common_phrases(keys, found.keyness)) if topics else []
    if not n_issues:
        groups = apart_from_groups(groups, members, rows, into)
    groups += [[p] for p in places] + [[k] for k in found.named] + [[k] for k in found.article_topics]
    arts = [r[1] for r in rows]
    apart_of = {tuple(g): said_apart(g, members, arts) for g in groups}  # each group's, once: its entry and within
    within = [] if n_issues else within_issues(groups, members, rows, into, apart_of)
    size = {tuple(g): len(set().union(*(members[h] for h in g))) for g in groups + [g for g, _, _ in within]}
    issues, names, named_as = [], set(), {}
    for g, of, apart in [(g, None, apart_of[tuple(g)]) for g in sorted(groups, key=lambda g: (-size[tuple(g)], g[0]))
                         ] + within:
        if of is not None and of not in named_as:
            continue  # the group it stands in for is no issue (its name was another's)
        parts = g + sorted((k for k in keys if into[k] in g and k not in g), key=lambda k: (-df[k], k))
        written = list(dict.fromkeys(written_form(surface[k]) for k in parts))
        name = written_form(surface[topic_name(g, apart)])
        if name.lower() in names:
            continue
        names.add(name.lower())
        named_as[tuple(g)] = name
        issues.append(((-size[tuple(g)], g[0]), {
            "name": name, "description": "discovered: " + ", ".join(written[:6]), "patterns": written,
            "context": written, "origin": "discovered",
            **({"apart": [written_form(surface[k]) for k in apart]} if apart else {}),
            **({"within": named_as[of]} if of is not None else {}),
            **({"article_topic": True} if g[0] in found.article_topics and len(g) == 1 else {})}))
    return {"version": 1, "issues": [i for _, i in sorted(issues, key=lambda x: x[0])]}
