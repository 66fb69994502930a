"""Issue discovery and assignment re-run on a store's captured resolution inputs (issue 14, fifteenth pass).

A PolNeAR train build parses for minutes; discovering issues and assigning every claim to them takes seconds. This
script reads once what the build's issue stage reads of a built store (each claim's text, context, keyphrases and
article; the resolved actors; how many claims each actor speaks; which reports are statements) into a pickle, then
runs discovery and assignment on it as `graphkit.resolution.resolve_store` does (`graphkit.discover.discover_issues`,
`graphkit.kept.kept_issue_model`'s fit, `graphkit.issue_model.assign_corpus`), with the code as it is imported: a
variant is a patch of graphkit's module constants or functions before `assign`. It prints coverage over statements,
how the statements got their first issue, the issues with their sizes, and with ``--against`` the statements whose
issues differ from another run's (saved with ``--save``), and a seeded draw of them for a person to judge.

    python bench/issue_harness.py capture bench/_work/polnear-train.gk bench/_work/issue_inputs.pkl
    python bench/issue_harness.py run bench/_work/issue_inputs.pkl --check bench/_work/polnear-train.gk
    python bench/issue_harness.py run bench/_work/issue_inputs.pkl --save bench/_work/main.json
    python bench/issue_harness.py run bench/_work/issue_inputs.pkl --discovered bench/_work/polnear-train.gk
    python bench/issue_harness.py run bench/_work/issue_inputs.pkl --variant fixed-share:0.12 \\
        --against bench/_work/main.json --draw 7 -n 30
    python bench/issue_harness.py bands bench/_work/issue_inputs.pkl bench/_work/main.json --lo 0.1 --hi 0.15 --draw 32
    python bench/issue_harness.py verdicts bench/_work/main.json bench/_work/variant.json
    python bench/issue_harness.py run bench/_work/issue_inputs.pkl --variant fixed-share:0 --save bench/_work/every.json
    python bench/issue_harness.py tradeoff bench/_work/every.json bench/_work/main.json bench/_work/fixed-0.2.json
    python bench/issue_harness.py tradeoff bench/_work/every.json bench/_work/main.json --at 0.15 --at :own
    python bench/issue_harness.py audit-at bench/_work/main.json bench/audits/polnear_train_issues_seed2103_2104.txt \\
        --at 0.15 --at :own

``verdicts`` reads every strict verdict of bench/audits (the lines whose claims are PolNeAR locators) and tells, for
each saved run, how many judged (claim, issues) pairs it still gives and how many of them fit, and how many it no
longer gives (the claim now with no issue, or with others) by what they were judged: a development estimate of a
variant from what was judged before, never a fresh audit (the claims of another extraction have other ids and drop out).
``tradeoff`` estimates, from the fresh audits' judged pairs, the fit of runs saved at several settings beside the share
of statements each gives an issue (`tradeoff`).
"""

from __future__ import annotations

import argparse
import importlib
import json
import pickle
import random
import re
import sys
import textwrap
from collections import Counter
from pathlib import Path
from typing import NamedTuple, Optional

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def load_inputs(path: Path) -> dict:
    """The inputs ``capture`` pickled to ``path``; a file that is none is a GraphkitError saying how to write one.

    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "notes.txt"
    >>> _ = p.write_text("just notes")
    >>> load_inputs(p)
    Traceback (most recent call last):
    graphkit.errors.GraphkitError: .../notes.txt is not a capture of bench/issue_harness.py (...); write one with ...
    """
    from graphkit.errors import GraphkitError

    fix = f"write one with `python bench/issue_harness.py capture STORE {path}`"
    with open(path, "rb") as f:  # a missing file: one line through script_main
        try:
            inputs = pickle.load(f)
        except Exception as e:  # noqa: BLE001 - whatever unpickling a file of another kind raises
            raise GraphkitError(f"{path} is not a capture of bench/issue_harness.py ({type(e).__name__}); {fix}") \
                from None
    if not isinstance(inputs, dict) or "rows" not in inputs:
        raise GraphkitError(f"{path} is not a capture of bench/issue_harness.py (no rows); {fix}")
    return inputs


def capture(store_path: Path, out: Path) -> None:
    """What the build's issue stage reads of ``store_path``, pickled to ``out``, read by the build's own steps
    (`graphkit.resolution.discovery_inputs`, as `graphkit issues suggest` reads them: the store's extractions once, the
    actors resolved with the knowledge the store records it was built with, `graphkit.knowledge.Knowledge.recorded`,
    the places abroad each claim says and how many claims each actor speaks as the build counts them). Discovery
    excludes the actors' names, the issue model their people's words (its stop words): actors resolved otherwise
    give other issues (bench/README.md, issue 14, twenty-second pass: 133 statements). The discovery rows hold the
    places abroad each claim says (`graphkit.store_issues.with_places_abroad`), ``abroad`` their names; a capture made
    before the thirty-sixth pass holds neither, as its build read none. ``voices``: each claim's speaker, what an
    article's topic is told by (`graphkit.topical.article_topics`); a capture made before session 62 has none, and
    discovers none. ``titles`` and ``headlines``: each article's title and the claims its headline holds, what a
    title's topic is named by (`graphkit.topical.title_topics`); a capture made before session 67 has neither, and
    discovers none. ``narrations``: each article's text and its claims' spans, what names a topic beside the title
    (`graphkit.topical.Narrations`); a capture made before session 68 has none. ``same_as``: each report another
    report of its statement stands for (the store's ``Claim.same_as``), to give a statement its reports' issues
    (`per_statement`); a capture made before session 58 has none."""
    from graphkit.knowledge import Knowledge
    from graphkit.records import claim_id
    from graphkit.resolution import discovery_inputs
    from graphkit.store_issues import with_places_abroad
    from graphkit.store import Store

    with Store(store_path, readonly=True) as st:
        knowledge, _ = Knowledge.recorded(st)
        found = discovery_inputs(st, knowledge)
        ids = {d: [claim_id(d, a.spans) for a in rows] for d, rows in found.atts.items()}
        rows = [(cid, d, t, tuple(ctx)) for d in found.said for cid, (t, ctx) in zip(ids[d], found.said[d])]
        actors = [(a.id, a.name, tuple(a.aliases), a.type) for a in found.actors]
        claims = list(st.claims())
    statements = sorted(c.id for c in claims if c.same_as is None)
    with open(out, "wb") as f:
        pickle.dump({"rows": rows, "discovery": with_places_abroad(found.sample.claims(), found.abroad),
                     "abroad": sorted(found.abroad.names), "actors": actors, "spoken": found.spoken,
                     "voices": found.voices, "titles": found.titled.titles, "headlines": sorted(found.titled.headlines),
                     "narrations": found.titled.narrations.articles if found.titled.narrations is not None else None,
                     "statements": statements, "speaker": {c.id: c.speaker for c in claims},
                     "same_as": {c.id: c.same_as for c in claims if c.same_as}, "knowledge": knowledge.describe()}, f)
    print(f"{len(rows)} reports, {len(statements)} statements, {len(actors)} actors -> {out}")


class _NothingKept:
    """The store methods `graphkit.kept.claim_issues` calls, with nothing kept and nothing stored: a refit and a
    full assignment, as a first build of the store does them. What it would store of the build's meta (the issue
    model fitted) is kept in ``meta``, for `check`."""

    def __init__(self) -> None:
        self.meta: dict[str, str] = {}

    def get_meta(self, name):
        return None

    def set_meta(self, name, value) -> None:
        self.meta[name] = value

    def kept_issue_keys(self) -> dict:
        return {}

    def keep_issues(self, rows) -> None:
        pass


def assign(inputs: dict, n_issues=None, discovered: Optional[dict] = None):
    """(the discovered issues' data, each report's (issue, triggers, score) list), with the build's own functions:
    the discovery of `graphkit.store_issues.discovered_issues` (on the rows `graphkit.store_issues.DiscoveryRows` gathered, the
    actors' names excluded, the organisations' spoken claims as the build counts them), then
    `graphkit.kept.claim_issues` itself (the issue model's fit on its sample and `graphkit.issue_model.assign_corpus`
    by article), so a change to either is what a build runs; on a capture of a fresh build with the same code, the
    result is the build's (`check`). ``discovered``: the issues a build discovered (its store's meta
    ``discovered_issues``, `kept_issues`), assigned instead of discovering again."""
    from types import SimpleNamespace

    from graphkit.store_issues import not_issues, organisations_spoken, people_names
    from graphkit.discover import discover_issues
    from graphkit.issues import taxonomy_from_data
    from graphkit.kept import claim_issues
    from graphkit.topical import Narrations

    actors = [SimpleNamespace(id=i, name=n, aliases=al, type=t) for i, n, al, t in inputs["actors"]]
    if discovered is not None:
        data = {k: v for k, v in discovered.items() if k != "n_issues"}
    else:
        data = discover_issues(inputs["discovery"], n_issues=n_issues, exclude=not_issues(actors),
                               spoken=organisations_spoken(actors, inputs["spoken"]), abroad=inputs.get("abroad", ()),
                               voices=inputs.get("voices"), titles=inputs.get("titles"),
                               headlines=frozenset(inputs.get("headlines", ())),
                               narrations=Narrations(inputs["narrations"]) if inputs.get("narrations") else None)
    tax = taxonomy_from_data(data, "issues discovered from the corpus", origin="discovered")
    said: dict[str, list] = {}
    for _, d, t, ctx in inputs["rows"]:
        said.setdefault(d, []).append((t, ctx))
    kept = _NothingKept()
    by_doc = claim_issues(kept, said, tax, exclude=people_names(actors), refit=True, full=True)
    nth = Counter()
    about = []
    for _, d, *_ in inputs["rows"]:
        about.append(by_doc[d][nth[d]])
        nth[d] += 1
    return Assigned(data, about, kept.meta.get("issue_model"))


class Assigned(NamedTuple):
    """What `assign` gives: the discovered issues' data, each report's (issue, triggers, score) list, and the issue
    model's meta as the build would keep it (None: none fitted)."""

    data: dict
    about: list
    model: Optional[str]


def differences(store_path: Path, inputs: dict, got: Assigned) -> dict[str, int]:
    """What of ``got`` differs from the build that made the store at ``store_path``: ``reports`` whose issues (name,
    triggers, score) are not what the build kept for them (its per-article `kept_issues`, `claim_issues`'s output),
    ``issues`` 1 when the discovered issues are not the build's (meta ``discovered_issues``), ``model`` 1 when the
    issue model is not the one it fitted (meta ``issue_model``: vocabulary, stop words, weights). All 0: the harness
    reproduces the build."""
    from graphkit.store import Store

    with Store(store_path, readonly=True) as st:
        kept = {d: st.kept_issues(d) for d in sorted({d for _, d, *_ in inputs["rows"]})}
        raw = st.get_meta("discovered_issues")
        model = st.get_meta("issue_model")
    built = {k: v for k, v in json.loads(raw).items() if k != "n_issues"} if raw else None
    nth = Counter()
    differ = 0
    for (_, d, *_), a in zip(inputs["rows"], got.about):
        theirs = kept[d][nth[d]] if nth[d] < len(kept[d]) else None
        nth[d] += 1
        differ += theirs is None or [list(x) for x in a] != [list(x) for x in theirs]
    return {"reports": differ, "issues": int(built != got.data),
            "model": int(json.loads(model or "null") != json.loads(got.model or "null"))}


def check(store_path: Path, inputs: dict, got: Assigned) -> int:
    """`differences` printed in a line; their sum returned (0: the harness reproduces the build)."""
    d = differences(store_path, inputs, got)
    print(f"check against {store_path}: {d['reports']} of {len(got.about)} reports differ from the build's; "
          f"discovered issues {'NOT ' if d['issues'] else ''}the build's; issue model {'NOT ' if d['model'] else ''}"
          "the build's")
    return sum(d.values())


def saved_run(path: Path) -> dict:
    """A run ``run --save`` wrote to ``path`` (``{"issues": ..., "statements": {statement id: its issues}}``); a file
    that is none is a GraphkitError saying how to save one.

    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "notes.txt"
    >>> _ = p.write_text("just notes")
    >>> saved_run(p)
    Traceback (most recent call last):
    graphkit.errors.GraphkitError: .../notes.txt is not a run saved by bench/issue_harness.py; save one with ...
    """
    from graphkit.errors import GraphkitError

    try:
        run = json.loads(path.read_text())  # a missing file: one line through script_main
    except (ValueError, UnicodeDecodeError):
        run = None
    if not isinstance(run, dict) or not isinstance(run.get("statements"), dict) or "issues" not in run:
        raise GraphkitError(f"{path} is not a run saved by bench/issue_harness.py; save one with "
                            f"`python bench/issue_harness.py run CAPTURE --save {path}`")
    return run


def kept_issues(store_path: Path) -> dict:
    """The issues a build discovered in the store at ``store_path`` (its meta ``discovered_issues``), or those of a
    run saved with ``--save`` (a .json file)."""
    from graphkit.store import Store

    if store_path.suffix == ".json":
        return saved_run(store_path)["issues"]
    with Store(store_path, readonly=True) as st:
        raw = st.get_meta("discovered_issues")
    if not raw:
        raise SystemExit(f"{store_path}: no discovered issues kept")
    return json.loads(raw)


def per_statement(inputs: dict, about, order: Optional[dict[str, int]] = None) -> dict[str, list]:
    """Statement id → its [issue, triggers, score] lists, as a build gives a statement its issues
    (`graphkit.statements._merged_head`): its kept report's, then each issue another of its reports (``same_as`` it)
    adds; an issue several reports give has the best of their scores, and the other reports' evidence for it, where
    it differs, as a fourth item (a list), which a query setting reads as the store's `IssueFilter.counted` does
    (`counted_at`); of more than `graphkit.issues.MAX_ISSUES`, the best scored (`graphkit.statements.best_issues`,
    ties to the first in ``order``, the taxonomy's: `issues_order`). A capture without ``same_as`` (before session 58)
    gives each statement its kept report's alone, which left out a statement whose kept report had no issue and
    another had one (PolNeAR train at -88: 12,966 statements with an issue against the store's 12,970; 16 statements'
    issues other than the store's).

    >>> inputs = {"rows": [("s1", "a"), ("r1", "b"), ("s2", "c")], "statements": ["s1", "s2"], "same_as": {"r1": "s1"}}
    >>> per_statement(inputs, [[], [("NATO", "NATO", 1.0)], [("Europe", "(article)", 0.2)]])
    {'s1': [['NATO', 'NATO', 1.0]], 's2': [['Europe', '(article)', 0.2]]}
    >>> inputs = {"rows": [("s1", "a"), ("r1", "b")], "statements": ["s1"], "same_as": {"r1": "s1"}}
    >>> per_statement(inputs, [[("Europe", "(article)", 0.05)], [("Europe", "Europe", 0.2)]])
    {'s1': [['Europe', '(article)', 0.2, ['Europe']]]}
    >>> four = [[("a", "a", 0.5), ("b", "b", 0.5)], [("c", "c", 0.5), ("d", "d", 0.75)]]  # the best three
    >>> per_statement(inputs, four, {"c": 0, "a": 1})
    {'s1': [['a', 'a', 0.5], ['c', 'c', 0.5], ['d', 'd', 0.75]]}
    """
    from graphkit import statements

    want = set(inputs["statements"])
    same_as = inputs.get("same_as", {})
    out: dict[str, list] = {}
    extra: dict[str, list] = {}  # the issues of a statement's other reports, in row order
    for (cid, *_), a in zip(inputs["rows"], about):
        if cid in want and cid not in out:
            out[cid] = [list(x) for x in a]
        elif cid in same_as:
            extra.setdefault(same_as[cid], []).extend(list(x) for x in a)
    for cid, more in extra.items():
        if cid in out:
            have = {x[0]: x for x in out[cid]}
            for x in more:
                if x[0] in have:
                    _another_report(have[x[0]], x)
                else:
                    have[x[0]] = x
                    out[cid].append(x)
            if statements.MERGED_ISSUES_BEST:
                best = set(statements.best_issues([x[0] for x in out[cid]], {x[0]: x[2] for x in out[cid]}, order))
                out[cid] = [x for x in out[cid] if x[0] in best]
    return out


def issues_order(data: dict) -> dict[str, int]:
    """The position of each of the discovered issues ``data`` (a build's meta ``discovered_issues``, `assign`'s) in
    the taxonomy a build makes of them (`graphkit.issue_model.issue_order`): what breaks a tie between a statement's
    issues (`per_statement`).

    >>> issues_order({"issues": [{"name": "tax", "patterns": ["tax"]}, {"name": "NHS", "patterns": ["NHS"]}]})
    {'tax': 0, 'NHS': 1}
    """
    from graphkit.issue_model import issue_order
    from graphkit.issues import taxonomy_from_data

    return issue_order(taxonomy_from_data(data, "issues discovered from the corpus", origin="discovered"))


def evidence(x: list) -> list[str]:
    """Every report's evidence for a statement's issue ``x`` (`per_statement`): its kept report's, then the others'.

    >>> evidence(["tax", "(article)", 0.2]), evidence(["tax", "(article)", 0.2, ["tax"]])
    (['(article)'], ['(article)', 'tax'])
    """
    return [x[1], *(x[3] if len(x) > 3 else ())]


def _another_report(x: list, other: list) -> None:
    """Issue ``x`` of a statement with what another of its reports gave it, ``other``: the best of their scores, and
    ``other``'s evidence among the others' when no report has given it yet."""
    x[2] = max(x[2], other[2])
    if other[1] not in evidence(x):
        x[3:] = [evidence(x)[1:] + [other[1]]]


def kind(triggers: str) -> str:
    """How a statement's issue was given: "own", "learnt" or "article" (`graphkit.issue_evidence.issue_route`). A run
    saved before session 47 marks its article's issues "context: article", read as theirs: a run is of discovered
    issues, whose own evidence is never that (one word said only around a claim is too little to give one).

    >>> kind("(article)"), kind("context: article"), kind("gun control, context: NRA")
    ('article', 'article', 'own')
    """
    from graphkit.issue_evidence import issue_route

    return issue_route(triggers, marked_old=True)


def summary(inputs: dict, data: dict, st: dict[str, list]) -> None:
    from audit_issues import issue_coverage

    have = [a for a in st.values() if a]
    print(f"{issue_coverage([a[0][1] if a else None for a in st.values()], marked_old=True)}; "
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
    st = saved_run(saved)["statements"]
    art = {k: a for k, a in st.items() if a and kind(a[0][1]) == "article"}
    edges = [0.0, 0.065, 0.075, 0.1, 0.15, 1.01]
    print("article pairs by score: " + "; ".join(
        f"[{a}, {b}) {sum(1 for x in art.values() if a <= x[0][2] < b)}" for a, b in zip(edges, edges[1:])))
    if seed is not None:
        text = texts(inputs)
        ks = sorted(k for k in art if lo <= art[k][0][2] < hi)
        for i, k in enumerate(random.Random(seed).sample(ks, min(n, len(ks))), 1):
            print(f"{i:3}. {show(k, art[k], text, inputs['speaker'])}")


_VERDICT = re.compile(r"^\s*\d+ ([yn]) (.+?\]): (.*\{pn:.*)$")
_PAIR = re.compile(r"(?:^| \+ )(.+?) \[[^\]]*; score [0-9.]+\]")
_LOCATOR = re.compile(r"\{pn:([^@}]+)@(\d+)-(\d+)\}")


def verdict_of(line: str) -> Optional[tuple[str, tuple[str, ...], str]]:
    """(claim id, its judged issues sorted, "y" / "n") of an audit's verdict line whose claim is PolNeAR locators, else
    None (the claim id is the build's: `graphkit.records.claim_id` of the article and the pieces' offsets).

    >>> verdict_of(" 7 n campaign [context: article; score 0.07]: Ann Reed: {pn:a@10-20} … {pn:a@25-30}   [why]")
    ('c_516792e898569d9c', ('campaign',), 'n')
    >>> verdict_of("3 y tax [tax; score 0.50] + ID cards [ID; score 0.50]: Jo: {pn:b@1-9}")[1:]
    (('ID cards', 'tax'), 'y')
    >>> verdict_of(' 5 y campaign [context: article; score 0.11]: a user: "{pn:a@10-20},"')[1:]
    (('campaign',), 'y')
    >>> verdict_of(" 7 ? campaign [context: article; score 0.07]: Ann Reed: {pn:a@10-20}") is None
    True
    >>> verdict_of(" 8 y campaign [context: article; score 0.10]: {pn:a@1-9}: {pn:a@10-20}") == verdict_of(
    ...     " 8 y campaign [context: article; score 0.10]: a paper: {pn:a@10-20}")   # a speaker quoted as a locator
    True
    """
    from graphkit.records import claim_id

    m = _VERDICT.match(line)
    if not m:
        return None
    yn, pairs, rest = m.groups()
    said = rest.split("   [")[0]
    # the speaker, then the claim: a speaker quoted from the article is a locator too
    content = said.partition(": ")[2]
    locs = _LOCATOR.findall(content) or _LOCATOR.findall(said)
    names = tuple(sorted(n.strip() for n in _PAIR.findall(pairs)))
    if not locs or not names:
        return None
    return claim_id(locs[0][0], [(int(a), int(b)) for _, a, b in locs]), names, yn


def past_verdicts(folder: Path = ROOT / "bench" / "audits", fresh: bool = False
                  ) -> dict[tuple[str, tuple[str, ...]], str]:
    """(claim id, judged issues) → the latest verdict on that pair, over the issue audits of ``folder``; ``fresh``: over
    the seeded draws of every claim with an issue only (``..._seedNNNN...``), not the development draws among claims a
    variant changed (``..._dev``)."""
    out = {}
    for f in sorted(folder.glob("polnear_train_issues_seed*.txt" if fresh else "polnear_train_issues_*.txt")):
        for line in f.read_text().splitlines():
            v = verdict_of(line)
            if v:
                out[v[:2]] = v[2]
    return out


def verdicts(saved: list[Path]) -> None:
    """For each saved run: the judged pairs it still gives (and how many fit), and those it gives no more."""
    past = past_verdicts()
    print(f"{len(past)} judged (claim, issues) pairs with locators in bench/audits")
    for path in saved:
        st = saved_run(path)["statements"]
        same, gone = Counter(), Counter()
        for (cid, names), yn in past.items():
            if cid not in st:
                gone["claim not in the run"] += 1
                continue
            now = tuple(sorted(x[0] for x in st[cid]))
            (same if now == names else gone)[yn if now == names else f"{'fit' if yn == 'y' else 'misfit'} -> "
                                               f"{'none' if not now else 'other'}"] += 1
        print(f"{path}: still given {same['y'] + same['n']}, fit {same['y']} "
              f"({same['y'] / max(1, same['y'] + same['n']):.1%}); no longer: "
              + ", ".join(f"{k} {gone[k]}" for k in sorted(gone)))


#: the lower bounds of the bands an article pair's share of its claim's weighed votes is counted in (`pair_kind`)
SHARE_BANDS = (0.0, 0.1, 0.13, 0.2, 0.3, 0.5)


def pair_kind(issues: list) -> str:
    """How a statement got its (first) issue, for `tradeoff`: "own" (its triggers), "learnt", or its article's, by the
    band of `SHARE_BANDS` its share is in (the share: twice the score an article pair is given).

    >>> pair_kind([["candidate", "(article)", 0.08]]), pair_kind([["abortion", "abortion", 0.5]])
    ('article >= 0.13', 'own')
    >>> pair_kind([["economy", "(article)", 0.03]])
    'article >= 0.0'
    """
    how = kind(issues[0][1])
    if how != "article":
        return how
    return f"article >= {max(b for b in SHARE_BANDS if b <= 2 * issues[0][2] + 1e-9)}"


def at_setting(spec: str):
    """A query setting for `tradeoff`'s ``--at``, ``[SCORE][:HOW]``: ``0.15`` (``--issue-score 0.15``),
    ``:own,learnt`` (``--issue-evidence own,learnt``), ``0.75:own`` (both), as a `graphkit.issue_evidence.IssueFilter`.

    >>> at_setting("0.15"), at_setting(":own,learnt").routes == {"own", "learnt"}, at_setting("0.75:own").min_score
    (IssueFilter(min_score=0.15, routes=None, marked_old=False), True, 0.75)
    """
    from graphkit.issue_evidence import IssueFilter

    score, _, how = spec.partition(":")
    return IssueFilter.of(score or None, how or None)


def counted_at(statements: dict[str, list], setting) -> dict[str, list]:
    """A saved run's statements (id → [issue, evidence, score] lists) with only the issues ``setting`` counts (an
    `graphkit.issue_evidence.IssueFilter`, as a query at that setting counts them).

    An issue is counted when any of its reports' evidence (`per_statement`: the kept report's, then the others') was
    given by a route the setting accepts, at the best of their scores.

    >>> counted_at({"c1": [["tax", "(article)", 0.06]], "c2": [["ID", "ID cards", 0.5]]}, at_setting("0.1"))
    {'c1': [], 'c2': [['ID', 'ID cards', 0.5]]}
    >>> counted_at({"c1": [["tax", "(article)", 0.2, ["tax"]]]}, at_setting(":own"))
    {'c1': [['tax', '(article)', 0.2, ['tax']]]}
    """
    return {cid: [x for x in a if setting.keeps({kind(e) for e in evidence(x)}, x[2])] for cid, a in statements.items()}


def tradeoff(rates_run: Path, runs: list[Path], settings: tuple[str, ...] = ()) -> None:
    """The coverage / fit trade-off of discovered issues (issue 14, thirty-second pass), as Markdown tables: each
    judged pair of the fresh audits (`past_verdicts` with ``fresh``) that ``rates_run`` still gives, by `pair_kind`,
    and how many fit; then, for each of ``runs``, the share of statements with an issue and the fit those rates
    estimate (each kind's statements times its rate). ``rates_run``: a run saved with every article offer taken
    (``run --variant fixed-share:0 --save``), so that every band has pairs; ``runs``: runs saved at other settings
    (``--variant fixed-share:X``, or the build's own). In-sample and optimistic: a pair still given survived the rules
    written against misfits since it was judged (bench/README.md, issue 14, thirty-second pass: 64.1 % at the build's
    setting against 58.4 % on the last four fresh draws). ``settings``: query settings (`at_setting`), each applied to
    every run after it as a query at that setting reads its store (`counted_at`): a row per run and setting."""
    past = past_verdicts(fresh=True)
    base = saved_run(rates_run)["statements"]
    rate: dict[str, list[int]] = {}
    for (cid, names), yn in sorted(past.items()):
        now = base.get(cid)
        if now and tuple(sorted(x[0] for x in now)) == names:
            r = rate.setdefault(pair_kind(now), [0, 0])
            r[0] += yn == "y"
            r[1] += 1
    print(f"{len(past)} fresh verdicts; {sum(r[1] for r in rate.values())} of their pairs given by {rates_run}\n")
    print("| how a pair is given | judged pairs that fit |\n|---|---:|")
    for k in sorted(rate):
        print(f"| {k} | {rate[k][0]} of {rate[k][1]} ({rate[k][0] / rate[k][1]:.0%}) |")
    print("\n| run | statements with an issue | own or learnt among them | fit, estimated |\n|---|---:|---:|---:|")
    for path in runs:
        saved = saved_run(path)["statements"]
        for spec in ("",) + tuple(settings):
            st = counted_at(saved, at_setting(spec)) if spec else saved
            got = Counter(pair_kind(a) for a in st.values() if a)
            covered = sum(got.values())
            known = sum(n for k, n in got.items() if k in rate)
            fit = sum(n * rate[k][0] / rate[k][1] for k, n in got.items() if k in rate) / max(1, known)
            print(f"| {path.name}{' at ' + spec if spec else ''} | {covered / max(1, len(st)):.1%} | "
                  f"{(got['own'] + got['learnt']) / max(1, covered):.0%} | {fit:.1%} |")


def audit_at(audits: list[str], run: Path, settings: tuple[str, ...]) -> None:
    """A fresh audit read at query settings (issue 14, thirty-fourth pass): for each judged file of ``audits`` and each
    setting (`at_setting`; "" the build's own), how many of its judged pairs a query at that setting still gives whole
    (every judged issue of the claim counts, `counted_at` of ``run``, the run the audit was drawn from) and how many
    of them fit, how many it leaves without an issue, and how many it gives other issues (a claim judged with two
    that keeps one, or one a later extraction moved: not counted either way). An audit written ``FILE=RUN`` was drawn
    from another run (another extraction's store). With two audits or more, a last row per setting pools them, each
    claim once (`each_claim_once`): seeds draw the same claim now and then, and a claim judged twice is one claim. A
    pool estimates a setting's fit only from audits drawn at that setting or a wider one (a draw at ``:own`` is no
    sample of ``0.15``'s claims)."""
    runs: dict[Path, dict] = {}
    judged = []
    for spec in audits:
        f, _, other = spec.partition("=")
        drawn = Path(other) if other else run
        if drawn not in runs:
            runs[drawn] = saved_run(drawn)["statements"]
        judged.append((Path(f).name, drawn, [v for v in map(verdict_of, Path(f).read_text().splitlines()) if v]))
    print("| audit | setting | pairs given | fit | left without an issue | given other issues |\n"
          "|---|---|---:|---:|---:|---:|")
    for spec in ("",) + tuple(settings):
        at = {r: counted_at(st, at_setting(spec)) if spec else st for r, st in runs.items()}
        rows = [(name, [(cid, names, yn, at[drawn]) for cid, names, yn in verdicts]) for name, drawn, verdicts in judged]
        if len(rows) > 1:
            once = each_claim_once([r for _, r in rows])
            rows.append((f"all {len(rows)}, each claim once ({sum(len(r) for _, r in rows) - len(once)} judged twice "
                         "left out)", once))
        for name, verdicts in rows:
            whole = [yn for cid, names, yn, st in verdicts if tuple(sorted(x[0] for x in st.get(cid, []))) == names]
            none = sum(1 for cid, _, _, st in verdicts if not st.get(cid))
            part = len(verdicts) - len(whole) - none
            fit = whole.count("y")
            print(f"| {name} | {spec or 'default'} | {len(whole)} | {fit} ({fit / max(1, len(whole)):.0%}) | {none} "
                  f"| {part} |")


def each_claim_once(audits: list[list[tuple]]) -> list[tuple]:
    """The judged rows of several audits (each row's first item the claim's id), each claim once: the last audit's row
    for a claim two audits drew (its latest verdict, as `past_verdicts` keeps), in the order first drawn.

    >>> a, b = [("c1", ("tax",), "y"), ("c2", ("ID",), "n")], [("c2", ("ID",), "y"), ("c3", ("tax",), "n")]
    >>> each_claim_once([a, b])
    [('c1', ('tax',), 'y'), ('c2', ('ID',), 'y'), ('c3', ('tax',), 'n')]
    """
    out: dict[str, tuple] = {}
    for rows in audits:
        for row in rows:
            out[row[0]] = row
    return list(out.values())


#: how many times each variant's patches ran in this process (`patched`): a variant none of whose patches the build's
#: path calls would give main's assignment under its name (`main` says so instead, in one line)
CALLED: Counter = Counter()


def patched(name: str) -> None:
    """Count one call of variant ``name``'s patch (`CALLED`)."""
    CALLED[name] += 1


def gate_article_issues(name: str, gate) -> None:
    """Patch `graphkit.issue_model.article_offers` (to keep what it was given: each claim's issues before its
    article's, the claims' articles and their issues as they vote) and `take_offers` (to pass its output through
    ``gate(out, given)``, ``given`` that dict): the one place a variant that judges the article issues given
    (`word_check`, `apart_kept`) sees them, on the build's own path (`assign_claims`)."""
    import graphkit.issue_model as im

    offer, take = im.article_offers, im.take_offers
    given: dict = {}

    def article_offers(assigned, articles, likely=None, weak=None, voters=None, *, order, **said):
        given.update(assigned=assigned, articles=articles, voting=voters if voters is not None else assigned)
        return offer(assigned, articles, likely, weak, voters, order=order, **said)

    def take_offers(out, offers, min_share):
        patched(name)
        return gate(take(out, offers, min_share), given)

    im.article_offers, im.take_offers = article_offers, take_offers


def word_check(below: float, voted_only: bool = False) -> None:
    """Variant ``word-check`` (issue 14, twenty-seventh pass; dropped): a claim given its article's issue (voted or
    likeliest: `graphkit.issue_model.article_likeliest`, its mean probability read as its share) at a share under
    ``below`` keeps it only when one of its own words shares a stem with a word of the issue's phrases
    (`graphkit.issues.word_stems`, the build's); else it gets none. ``voted_only``: the likeliest pairs (articles
    none of whose claims votes) are left as they are. Patches `graphkit.issue_model.assign_claims` (to see the claims)
    and the article issues given (`gate_article_issues`)."""
    import graphkit.issue_model as im
    from graphkit.issues import issue_words, word_stems

    assign = im.assign_claims
    seen: dict = {}

    def assign_claims(claims, taxonomy, *args, **kw):
        stop = kw["model"].stop if kw.get("model") is not None else frozenset()
        seen["claims"] = [word_stems(t, stop) for t, _ in claims]
        seen["issue"] = issue_words(taxonomy, stop)
        return assign(claims, taxonomy, *args, **kw)

    def gate(out, given):
        assigned, articles = given["assigned"], given["articles"]
        votes = {d for d, v in zip(articles, given["voting"]) if im.own_issues(v)}
        for i, (a, o) in enumerate(zip(assigned, out)):
            if voted_only and articles[i] not in votes:
                continue
            if (not a and o and kind(o[0][1]) == "article" and 2 * o[0][2] < below
                    and not seen["claims"][i] & seen["issue"].get(o[0][0], frozenset())):
                out[i] = []
        return out

    im.assign_claims = assign_claims
    gate_article_issues("word-check", gate)


def apart_kept(below: float) -> None:
    """Variant ``apart-kept`` (issue 14, twenty-seventh pass): a claim whose own triggers of an issue are only phrases
    said apart from it (`graphkit.apart_votes.names_only` drops the issue and lets its article decide) keeps that
    issue when its article gives it none, or gives one at a share under ``below`` (likeliest pairs: their mean
    probability). Patches the article issues given (`gate_article_issues`), with such claims voting for the issue as
    they did when it was measured (`graphkit.apart_votes.APART_ABSTAINS` off: it reads the issue from their votes)."""
    import graphkit.apart_votes as apart_votes
    import graphkit.issue_model as im

    apart_votes.APART_ABSTAINS = False

    def gate(out, given):
        for i, (a, v, o) in enumerate(zip(given["assigned"], given["voting"], out)):
            if a or not v:
                continue  # not a claim whose only issues were said apart
            if not o or (kind(o[0][1]) == "article" and 2 * o[0][2] < below):
                out[i] = [x for x in v if kind(x[1]) != "learnt"][:1] or out[i]
        return out

    gate_article_issues("apart-kept", gate)


def says_little() -> None:
    """Variant ``says-little`` (issue 14, twenty-seventh pass; dropped): a claim of at most one content word (not a
    function word: `graphkit.stopwords.FUNCTION_WORDS`, clitics cut) is treated as one that says nothing
    (`graphkit.issue_model.says_nothing`: no learnt issue, no article's, its own triggers kept). Patches
    `graphkit.issue_model.says_nothing`."""
    import graphkit.issue_model as im
    from graphkit.issue_learning import TOKEN
    from graphkit.stopwords import FUNCTION_WORDS

    def says_nothing(text: str) -> bool:
        patched("says-little")
        return sum(w not in FUNCTION_WORDS for w in TOKEN.findall(im.CLITIC.sub(" ", text).lower())) <= 1

    im.says_nothing = says_nothing


def alone_in_vocabulary() -> None:
    """Variant ``alone-in-vocabulary`` (issue 14, twenty-seventh pass; dropped): a single word is counted as said alone
    (`graphkit.topical.alone_counts`, what decides whether it is topical) unless it is said inside a longer phrase of
    the vocabulary, not inside any longer phrase: "agreement" inside a "framework agreement" said once counts."""
    import graphkit.topical as tp

    vocabulary, seen = tp.phrase_vocabulary, {}

    def phrase_vocabulary(*args, **kw):
        patched("alone-in-vocabulary")
        out = vocabulary(*args, **kw)
        seen["vocab"] = set(out[1])
        return out

    def alone_counts(rows):
        from collections import Counter, defaultdict

        alone, docs = Counter(), defaultdict(set)
        for _, doc_id, keys, _ in rows:
            for k in keys:
                if k in tp.outermost([o for o in keys if o in seen["vocab"] or o == k]):
                    alone[k] += 1
                    docs[k].add(doc_id)
        return alone, docs

    tp.phrase_vocabulary, tp.alone_counts = phrase_vocabulary, alone_counts


def share_floor(per: int) -> None:
    """Variant ``share-floor:PER`` (issue 14, twenty-eighth pass: main's rule before it): the topical phrases' floor
    max(`MIN_CLAIMS`, ceil(n / PER)) claims and the vocabulary's max(`VOCAB_MIN_CLAIMS`, ceil(n / 5000)), n the
    discovery's rows, as they were before `graphkit.topical.most_said` (PER 3000). With
    ``--variant fixed-share:0.125`` too it gives main 10a394a's assignment. Patches
    `graphkit.topical.topical_phrases` (to see n) and `issue_phrases`."""
    import math

    import graphkit.topical as tp

    topical, phrases, seen = tp.topical_phrases, tp.issue_phrases, {}

    def topical_phrases(claims, *args, **kw):
        patched("share-floor")
        seen["n"] = len(claims)
        tp.VOCAB_MIN_CLAIMS = max(2, math.ceil(len(claims) / 5000))
        return topical(claims, *args, **kw)

    def issue_phrases(df, docs, spreads, min_claims, *args, **kw):
        return phrases(df, docs, spreads, max(min_claims, math.ceil(seen["n"] / per)), *args, **kw)

    tp.topical_phrases, tp.issue_phrases = topical_phrases, issue_phrases
    import graphkit.discover as discover

    discover.topical_phrases = topical_phrases


def fixed_share(share: float) -> None:
    """Variant ``fixed-share:SHARE`` (issue 14, twenty-ninth pass: main's rule before it): the article floor a
    constant, as `MIN_ARTICLE_SHARE` was (0.13 on main 02fdf2e), not chosen on the corpus. Patches
    `graphkit.issue_model.article_floor`."""
    import graphkit.issue_model as im

    def article_floor(*args, **kw):
        patched("fixed-share")
        return share

    im.article_floor = article_floor


def leave_out(inputs: dict, share: float, seed: int) -> dict:
    """``inputs`` without a seeded ``share`` of its articles (their reports, discovery rows and statements): what a
    slightly smaller corpus discovers and assigns (issue 14, twenty-eighth pass: 1 % fewer articles moved 10-19 % of
    the statements, the discovery's grouping, not the assignment).

    >>> got = leave_out({"rows": [("c1", "a"), ("c2", "b")], "discovery": [("c1", "a")], "statements": ["c1", "c2"]},
    ...                 0.5, 1)
    >>> len(got["rows"]), len(got["statements"])
    (1, 1)
    """
    docs = sorted({r[1] for r in inputs["rows"]})
    gone = set(random.Random(seed).sample(docs, round(share * len(docs))))
    rows = [r for r in inputs["rows"] if r[1] not in gone]
    kept = {r[0] for r in rows}
    return {**inputs, "rows": rows, "discovery": [r for r in inputs["discovery"] if r[1] not in gone],
            "statements": [c for c in inputs["statements"] if c in kept]}


def consensus(runs: int, share: float) -> None:
    """Variant ``consensus:RUNS:SHARE`` (issue 14, twenty-eighth pass; dropped): the phrases' average-link tree built
    over how often two phrases are grouped together (`graphkit.phrase_groups.group_phrases`) in ``runs`` seeded
    subsamples of the articles, each without ``share`` of them, instead of over their vectors; then cut and split as
    before. Patches `group_phrases` (in graphkit.phrase_groups and graphkit.discover) and
    `graphkit.clustering.average_link_children` (the tree over the co-association for that call)."""
    import numpy as np
    from scipy.cluster.hierarchy import linkage
    from scipy.spatial.distance import squareform

    import graphkit.clustering as clustering
    import graphkit.discover as discover
    import graphkit.phrase_groups as pg

    group, children, pending = pg.group_phrases, clustering.average_link_children, {}

    def average_link_children(X):
        D = pending.pop("distance", None)
        if D is None or D.shape[0] != X.shape[0]:
            return children(X)
        return linkage(squareform(D, checks=False), method="average")[:, :2].astype(int)

    def group_phrases(heads, members, rows, vocab, k, many, common=frozenset()):
        patched("consensus")
        arts = sorted({r[1] for r in rows})
        at = {h: i for i, h in enumerate(heads)}
        together, both = np.zeros((len(heads), len(heads))), np.zeros((len(heads), len(heads)))
        for run in range(runs):
            gone = set(random.Random(1000 + run).sample(arts, round(share * len(arts))))
            kept = {i for i, r in enumerate(rows) if r[1] not in gone}
            said = {h: set(members[h]) & kept for h in heads}
            label = np.full(len(heads), -1)
            for g, part in enumerate(group([h for h in heads if said[h]], said, rows, vocab, k, many, frozenset())):
                label[[at[h] for h in part]] = g
            present = np.outer(label >= 0, label >= 0)
            both += present
            together += (label[:, None] == label[None, :]) & present
        distance = 1.0 - np.divide(together, both, out=np.zeros_like(together), where=both > 0)
        np.fill_diagonal(distance, 0.0)
        pending["distance"] = distance
        return group(heads, members, rows, vocab, k, many, common)

    clustering.average_link_children = average_link_children
    pg.group_phrases = discover.group_phrases = group_phrases


VARIANTS = ("word-check:BELOW[:voted], apart-kept:BELOW, says-little, alone-in-vocabulary, share-floor:PER, "
            "consensus:RUNS:SHARE or fixed-share:SHARE")


def apply_variant(variant: Optional[str]) -> None:
    """``word-check:BELOW[:voted]`` (`word_check`), ``apart-kept:BELOW`` (`apart_kept`), ``says-little`` (`says_little`),
    ``alone-in-vocabulary`` (`alone_in_vocabulary`), ``share-floor:PER`` (`share_floor`), ``consensus:RUNS:SHARE``
    (`consensus`) or ``fixed-share:SHARE`` (`fixed_share`), patched in."""
    if not variant:
        return
    name, _, arg = variant.partition(":")
    if name == "word-check":
        below, _, only = arg.partition(":")
        word_check(float(below), only == "voted")
    elif name == "apart-kept":
        apart_kept(float(arg))
    elif name == "says-little":
        says_little()
    elif name == "alone-in-vocabulary":
        alone_in_vocabulary()
    elif name == "share-floor":
        share_floor(int(arg))
    elif name == "consensus":
        runs, _, share = arg.partition(":")
        consensus(int(runs), float(share))
    elif name == "fixed-share":
        fixed_share(float(arg))
    else:
        from graphkit.errors import GraphkitError

        raise GraphkitError(f"no variant {variant!r}; give {VARIANTS}")


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
    r.add_argument("--variant", default=None, help=f"{VARIANTS} (see their functions)")
    r.add_argument("--n-issues", type=int, default=None)
    r.add_argument("--discovered", type=Path, default=None,
                   help="a built store (or a run saved with --save): assign to its issues instead of discovering again")
    r.add_argument("--leave-out", default=None, metavar="SHARE:SEED",
                   help="run without a seeded share of the articles (e.g. 0.01:1; `leave_out`)")
    r.add_argument("--check", type=Path, default=None,
                   help="the store the inputs were captured from: exit 1 unless every report's issues are the build's")
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
    v = sub.add_parser("verdicts")
    v.add_argument("saved", type=Path, nargs="+")
    t = sub.add_parser("tradeoff")
    t.add_argument("rates", type=Path, help="a run saved with --variant fixed-share:0 (every article offer taken)")
    t.add_argument("runs", type=Path, nargs="+", help="runs saved at the settings to compare")
    t.add_argument("--at", action="append", default=[], metavar="[SCORE][:HOW]",
                   help="a query setting to read each run at too: 0.15 (--issue-score), :own,learnt "
                        "(--issue-evidence), 0.75:own (both); repeatable")
    u = sub.add_parser("audit-at")
    u.add_argument("run", type=Path, help="the run the audits were drawn from (run --save on the build's capture)")
    u.add_argument("audits", nargs="+", help="judged audit files (bench/audits); FILE=RUN: drawn from that run")
    u.add_argument("--at", action="append", default=[], metavar="[SCORE][:HOW]", help="as tradeoff's; repeatable")
    a = ap.parse_args(argv)
    if a.cmd == "audit-at":
        for spec in a.at:
            at_setting(spec)
        audit_at(a.audits, a.run, tuple(a.at))
        return 0
    if a.cmd == "verdicts":
        verdicts(a.saved)
        return 0
    if a.cmd == "tradeoff":
        for spec in a.at:  # a bad setting is said before any run is read
            at_setting(spec)
        tradeoff(a.rates, a.runs, tuple(a.at))
        return 0
    if a.cmd == "bands":
        bands(load_inputs(a.inputs), a.saved, a.lo, a.hi, a.draw, a.n)
        return 0
    if a.cmd == "capture":
        capture(a.store, a.out)
        return 0
    apply_sets(a.set)
    apply_variant(a.variant)
    CALLED.clear()
    inputs = load_inputs(a.inputs)
    if a.leave_out:
        share, _, seed = a.leave_out.partition(":")
        inputs = leave_out(inputs, float(share), int(seed or 1))
    got = assign(inputs, a.n_issues, kept_issues(a.discovered) if a.discovered else None)
    if a.variant and not CALLED:
        from graphkit.errors import GraphkitError

        raise GraphkitError(f"--variant {a.variant}: none of its patches ran on the build's path (it would give the "
                            "build's own assignment under its name); patch what `assign` calls")
    data, about = got.data, got.about
    st = per_statement(inputs, about, issues_order(data))
    summary(inputs, data, st)
    floor = json.loads(got.model or "{}").get("floor")
    print(f"article floor: {floor:.4f}" if floor is not None else "article floor: none")
    if a.check and check(a.check, inputs, got):
        return 1
    if a.save:
        a.save.write_text(json.dumps({"issues": data, "statements": st}))
    if a.against:
        old = saved_run(a.against)["statements"]
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
    from graphkit.errors import script_main

    sys.exit(script_main("issue_harness", main))
