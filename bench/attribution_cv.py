"""K-fold cross-validation of graphkit's attribution over PolNeAR train+dev, grouped by article.

Used by ``python bench/eval_attribution.py --cv 5`` (and by ``bench/train_filter.py``, which
tunes on the same folds). What it does:

1. reads PolNeAR train + dev (924 articles; dev is spent as a held-out set, so it is pooled with
   train here and every figure is a cross-validated one), parses them once into DocBins under
   ``bench/_work/parse`` (git-ignored; later runs read them back in seconds);
2. runs the rules (:func:`graphkit.attribution.attributions`) on every article and computes each
   candidate's features and its end-to-end label (the PolNeAR scorer's matching rule);
3. splits the articles into K folds by a hash of the article id (stable across runs and machines);
   for each fold, the filter model is fitted on the other K-1 folds' candidates only, with the
   shipped model's settings, and scores the fold's candidates: **a fold's articles never train the
   model that scores them**;
4. scores each fold with the PolNeAR scorer's own functions (``../shared/eval/polnear_score.py``)
   and reports each fold, the mean and the spread (sample standard deviation, min-max).
"""

from __future__ import annotations

import collections
import dataclasses
import hashlib
import importlib.util
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
WORK = ROOT / "bench" / "_work"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from polnear import load_articles  # noqa: E402,F401  the one PolNeAR reader; cv.load_articles for this module's callers


def scorer():
    """The shared PolNeAR scorer as a module (its gold_items / pred_items / match / prf)."""
    spec = importlib.util.spec_from_file_location("polnear_score", SHARED / "eval" / "polnear_score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def parsed_docs(arts_by_split: dict[str, list[dict]], cache: Path = WORK / "parse") -> list:
    """Parsed Docs of each split in order (one DocBin per split, reused while the texts are the same)."""
    from eval_attribution import parse

    docs = []
    for split, arts in arts_by_split.items():
        docs.extend(parse([a["text"] for a in arts], cache, f"polnear_{split}_{len(arts)}",
                          [a.get("title") for a in arts]))
    return docs


def train_dev(data: Path | None = None) -> dict[str, list[dict]]:
    """PolNeAR's train and dev articles by split, each in file order, from ``data`` (default ../shared/data/polnear)."""
    return {s: load_articles((s,), data) for s in ("train", "dev")}


def train_dev_parsed(cache: Path | None = None,
                     by_split: dict[str, list[dict]] | None = None) -> tuple[list[dict], list]:
    """PolNeAR's train then dev articles, and their parsed Docs in the same order (:func:`parsed_docs`, cached under
    ``cache``, default bench/_work/parse); ``by_split``: :func:`train_dev`'s articles when the caller holds them
    already (to count each split, or read from another folder), else the shared ones."""
    by_split = by_split or train_dev()
    return by_split["train"] + by_split["dev"], parsed_docs(by_split, cache or WORK / "parse")


def fold_of(doc_id: str, k: int) -> int:
    """The fold an article falls in: a hash of its id, so the split never depends on file order."""
    return int(hashlib.sha1(doc_id.encode()).hexdigest(), 16) % k


def chars(spans) -> set:
    out = set()
    for s, e in spans:
        out.update(range(s, e))
    return out


def token_chars(doc, idx) -> set:
    """The character offsets of the tokens ``idx`` of ``doc``, as `chars` gives a claim's spans' (bench's one home
    of it: train_tagger, train_context_tagger, found_cues and span_errors read it).

    >>> from graphkit.doc_reading import parsed_as_written
    >>> sorted(token_chars(parsed_as_written("Ann Lee said so."), {1}))
    [4, 5, 6]
    """
    out = set()
    for i in idx:
        t = doc[i]
        out.update(range(t.idx, t.idx + len(t.text)))
    return out


def label(att, golds) -> int:
    """1 when the candidate matches a gold attribution end to end (content > 30 % of the gold's characters,
    or a continuation quote > 50 % inside one gold content, and a speaker overlapping the gold source)."""
    p = chars(att.spans)
    ps = chars([att.speaker_span]) if att.speaker_span else set()
    for g in golds:
        ov = len(p & g["C"])
        if not ov:
            continue
        hit = ov / len(g["C"]) > 0.3 or (att.continuation and ov / max(1, len(p)) > 0.5)
        if hit and (ps & g["S"]):
            return 1
    return 0


def candidates(arts: list[dict], docs: list, *, without=(), nested: bool = False, taggers=None, **rules):
    """Per article: (doc_id, attributions, features, labels) from the current rules (``taggers``: per article,
    the cue tagger model to add candidates with, or False; default: the rules alone)."""
    from graphkit.attribution import attributions
    from graphkit.confidence import features

    sc = scorer()
    out = []
    for i, (a, d) in enumerate(zip(arts, docs)):
        tg = {"tagger": taggers[i] if taggers is not None else False}
        atts = attributions(d, nested=nested, **({"without": without} if without else {}), **tg, **rules)
        starts = [s.start for s in d.sents]
        golds = sc.gold_items(a, False)
        out.append((a["id"], atts, [features(d, x, starts) for x in atts], [label(x, golds) for x in atts]))
    return out


def counts(sc, arts: list[dict], preds: dict[str, list[dict]]) -> dict[str, collections.Counter]:
    """The PolNeAR scorer's counts for these articles, {"all": Counter, "speech": Counter}: what :func:`figures`
    reads. Counts add up over disjoint sets of articles (the folds' counts sum to the pooled ones)."""
    res = {}
    for name, speech in (("all", False), ("speech", True)):
        tot = collections.Counter()
        for a in arts:
            G = sc.gold_items(a, speech)
            P = sc.pred_items(preds.get(a["id"], []))
            tot.update(sc.match(G, P))
            tot["ngold"] += len(G)
            tot["npred"] += len(P)
            if speech:
                keys = {frozenset(g["C"]) for g in G}
                other = [g for g in sc.gold_items(a, False) if frozenset(g["C"]) not in keys]
                tot["other_tp"] += sc.match(other, P)["tp"]
        res[name] = tot
    return res


def from_counts(sc, c: dict[str, collections.Counter]) -> dict:
    """:func:`counts` as the scorer's figures: {"all": {...}, "speech": {...}} (F1s in %)."""
    res = {}
    for name, tot in c.items():
        _, _, cf = sc.prf(tot["tp"], tot["npred"], tot["ngold"])
        p, r, f = sc.prf(tot["e2e"], tot["npred"], tot["ngold"])
        row = {"content_F1": 100 * cf, "e2e_P": 100 * p, "e2e_R": 100 * r, "e2e_F1": 100 * f,
               "n_gold": tot["ngold"], "n_pred": tot["npred"]}
        if name == "speech":
            fp, fr, ff = sc.prf(tot["e2e"], tot["npred"] - tot["other_tp"], tot["ngold"])
            row["e2e_F1_fair"] = 100 * ff
        res[name] = row
    return res


def figures(sc, arts: list[dict], preds: dict[str, list[dict]]) -> dict:
    """The PolNeAR scorer's figures for these articles: {"all": {...}, "speech": {...}} (F1s in %)."""
    return from_counts(sc, counts(sc, arts, preds))


def fold_f1s(sc, dump: dict, arts: dict, preds: dict[str, list[dict]]) -> list[tuple[float, float]]:
    """(all e2e F1, speech-fair e2e F1) of each fold of out-of-fold ``dump`` (bench/oof_dump.py), its articles
    (``arts``: by id) scored with the exported claims ``preds`` (by id; an article without any has none)."""
    out = []
    for f in sorted({d["fold"] for d in dump["arts"].values()}):
        ids = [i for i, d in dump["arts"].items() if d["fold"] == f]
        r = figures(sc, [arts[i] for i in ids], {i: preds.get(i, []) for i in ids})
        out.append((r["all"]["e2e_F1"], r["speech"]["e2e_F1_fair"]))
    return out


def kept_at(d: dict, t: float | None = None, tl: float | None = None) -> list:
    """What graphkit keeps of one article of an out-of-fold dump (``d``: its entry, bench/oof_dump.py):
    ``graphkit.confidence.apply_scores`` over its out-of-fold scores at the dump's thresholds, or at ``t`` / ``tl``
    (rule / tagger) where given. The one replay of the re-scorer every loss tool reads.

    >>> from graphkit.records import Attribution
    >>> a = Attribution(spans=[(0, 4)], text="a", cue="said")
    >>> d = {"atts": [a, a.model_copy(update={"spans": ((9, 12),)})], "scores": [0.7, 0.45], "t": 0.5, "tl": 0.6}
    >>> [x.confidence for x in kept_at(d)], [x.confidence for x in kept_at(d, t=0.4)]
    ([0.7], [0.7, 0.45])
    """
    from graphkit.confidence import apply_scores

    return apply_scores(d["atts"], d["scores"], d["t"] if t is None else t, d["tl"] if tl is None else tl)


def shipped_claims(dump: dict, arts: dict) -> dict[str, list[dict]]:
    """Each article of out-of-fold ``dump`` exported with the claims graphkit keeps of it (:func:`kept_at`): what
    ``--cv 5`` scores, exported once for the oracles that change a few claims of it."""
    return {i: export(arts[i], kept_at(d)) for i, d in dump["arts"].items()}


def pooled(parts: list[dict[str, collections.Counter]]) -> dict[str, collections.Counter]:
    """The counts of the union of disjoint sets of articles (e.g. the folds) from each set's :func:`counts`."""
    out = {"all": collections.Counter(), "speech": collections.Counter()}
    for c in parts:
        for name in out:
            out[name].update(c[name])
    return out


def export(art: dict, atts) -> list[dict]:
    """The claims a build stores of PolNeAR article ``art`` given its re-scored candidates ``atts``
    (``eval_attribution.claims_for`` with the article's Document, ``polnear.article_document``): what the CV scores
    and the oof tools read, a first person outside quotes the article's author as in a build.

    >>> from graphkit.records import Attribution
    >>> art = {"id": "a", "text": "By Ann Lee\\n\\nI think it is late.", "title": "Late"}
    >>> a = Attribution(spans=[(20, 30)], text="it is late", cue="think", cue_span=(14, 19), speaker_text="I",
    ...                 speaker_span=(12, 13), speaker_type="PRON", resolved_text="Bo Kim")
    >>> [(c["speaker"], c["spans"]) for c in export(art, [a])]
    [('Ann Lee', [[20, 30]])]
    """
    from eval_attribution import claims_for
    from polnear import article_document

    class _D:  # claims_for only reads doc.text (to fold continuations)
        def __init__(self, t):
            self.text = t

    return claims_for(art["id"], _D(art["text"]), atts=atts, document=article_document(art))


def fold_taggers(arts: list[dict], docs: list, folds: list[int], k: int, *, label: str = "new", log=print,
                 without=(), nested: bool = False) -> list[dict]:
    """One cue tagger per fold, fitted on the other folds' articles only (``bench/train_tagger.py``)."""
    from train_tagger import fit_tagger, rows_of

    from graphkit.attribution import attributions

    t0 = time.perf_counter()
    rows = [rows_of(a, d, attributions(d, tagger=False, nested=nested, **({"without": without} if without else {})))
            for a, d in zip(arts, docs)]
    log(f"tagger rows: {sum(len(r) for r in rows)} tokens ({time.perf_counter() - t0:.0f}s)")
    out = []
    for f in range(k):
        out.append(fit_tagger([r for i in range(len(arts)) if folds[i] != f for r in rows[i]], label=label))
    log(f"{k} taggers fitted ({time.perf_counter() - t0:.0f}s)")
    return out


#: what ``run_cv`` measures: the rules alone, the rules and the re-scorer, the cue tagger alone (its own
#: candidates, no rules, no re-scorer), and graphkit's output (rules + tagger candidates + re-scorer)
MODES = ("rules", "filter", "model", "combined")


def run_cv(k: int = 5, *, use_filter: bool = True, model_kind: str | None = None, without=(),
           nested: bool = False, log=print, mode: str | None = None, misses: bool = False, oracles: bool = False,
           **rules) -> dict:
    """Cross-validated figures: {"folds": [fig, ...], "mean": {...}, "sd": {...}, "min": ..., "max": ...}.

    ``mode`` (:data:`MODES`; default "combined", or "rules" when ``use_filter`` is False): every model —
    the tagger and the re-scorer — is refitted for each fold without that fold's articles. The re-scorer's
    training candidates carry the tagger scores of their own article's fold tagger (out of fold for
    that article, as the test fold's candidates are). ``misses``: also where each gold went, out of fold
    (:func:`miss_breakdown`), under the key "misses"; ``oracles``: what the F1 would be if one part were
    perfect (:func:`oracle_figures`), under the key "oracles"."""
    from graphkit.confidence import apply_scores, load_filter
    try:
        from graphkit.confidence import score_features
    except ImportError:  # an older checkout (the baseline): the logistic filter's formula
        import math

        def score_features(model, feats):
            z = float(model["bias"]) + sum(model["weights"].get(k, 0.0) * v for k, v in feats.items())
            return 1.0 / (1.0 + math.exp(-z))

    mode = mode or ("combined" if use_filter else "rules")
    use_filter = mode in ("filter", "combined")
    t0 = time.perf_counter()
    by_split = train_dev()
    arts, docs = train_dev_parsed(by_split=by_split)
    folds = [fold_of(a["id"], k) for a in arts]
    t1 = time.perf_counter()
    taggers = None
    if mode in ("model", "combined"):
        tg = fold_taggers(arts, docs, folds, k, label="any" if mode == "model" else "new", log=log,
                          without=without, nested=nested)
        taggers = [tg[f] for f in folds]
    if mode == "model":
        from graphkit.attribution import FRAMES

        without = FRAMES  # no rule frame: the tagger's candidates alone, kept at its threshold
        rules = {**rules, "tagger_threshold": 0.5}
    cands = candidates(arts, docs, without=without, nested=nested, taggers=taggers, **rules)
    t2 = time.perf_counter()
    log(f"{len(arts)} articles (train {len(by_split['train'])} + dev {len(by_split['dev'])}), "
        f"{sum(len(c[1]) for c in cands)} candidates; parse/load {t1 - t0:.0f}s, rules+features {t2 - t1:.0f}s")
    sc = scorer()
    shipped = load_filter()
    kind = model_kind or shipped.get("kind", "logistic")
    if kind != shipped.get("kind", "logistic"):
        shipped = {**DEFAULTS[kind], "min_count": shipped.get("min_count", 5)}
    res = []
    every: dict[str, list[dict]] = {}  # out-of-fold: every candidate of each article, kept or not
    kept: dict[str, list[dict]] = {}
    right: dict[str, list[dict]] = {}  # the candidates that match a gold end to end (their label)
    for f in range(k):
        test = [i for i in range(len(arts)) if folds[i] == f]
        preds = {}
        if use_filter:
            from train_filter import fit

            tr = [i for i in range(len(arts)) if folds[i] != f]
            model = fit([x for i in tr for x in cands[i][2]], [y for i in tr for y in cands[i][3]],
                        kind=kind, params=shipped)
            t = float(model["threshold"])
            tl = float(shipped.get("threshold_learned", t))
        for i in test:
            doc_id, atts, feats, _ = cands[i]
            if misses or oracles:
                every[doc_id] = export(arts[i], atts)
            if oracles:
                right[doc_id] = export(arts[i], [x for x, y in zip(atts, cands[i][3]) if y])
            if use_filter:
                atts = apply_scores(atts, [score_features(model, x) for x in feats], t, tl)
            preds[doc_id] = export(arts[i], atts)
        fig = figures(sc, [arts[i] for i in test], preds)
        fig["n_articles"] = len(test)
        res.append(fig)
        log(f"fold {f}: {len(test)} articles, e2e F1 all {fig['all']['e2e_F1']:.1f}, "
            f"speech fair {fig['speech']['e2e_F1_fair']:.1f}")
        kept.update(preds)
    out = summarise(res)
    if misses:
        out["misses"] = miss_breakdown(sc, arts, kept, every)
    if oracles:
        out["oracles"] = oracle_figures(sc, arts, kept, every, right)
    return out


@dataclasses.dataclass
class OofArticle:
    """One article of an out-of-fold dump (bench/oof_dump.py) as the loss tools read it (:func:`oof_article`)."""

    kept: list  #: the candidates graphkit keeps (:func:`kept_at`: ``apply_scores`` at the dump's thresholds)
    kept_claims: list[dict]  #: those exported as a build writes them (continuations folded)
    every_claims: list[dict] | None  #: every candidate, kept or not, exported the same way (None: not asked for)
    P: list[dict]  #: the scorer's items of ``kept_claims``
    E: list[dict] | None  #: the scorer's items of ``every_claims`` (None: not asked for)
    G: list[dict]  #: the scorer's gold items (all attributions)
    pairs: dict[int, int]  #: the scorer's greedy matching of G to P (:func:`assign`)
    left: list[int]  #: the kept claims no gold took


def oof_article(sc, art: dict, d: dict, *, every: bool = True) -> OofArticle:
    """Article ``art`` of a dump (``d``: its entry, candidates, out-of-fold scores, thresholds) kept, exported, itemised
    and matched as ``--cv 5`` scores it: the one set-up ``loss_table``, ``found_cues``, ``oof_buckets`` and
    ``quote_spans`` read. ``every``: export and itemise every candidate too (``every_claims``, ``E``); a caller
    reading only the kept claims passes False and gets None there."""
    kept = kept_at(d)
    kept_claims = export(art, kept)
    every_claims = export(art, d["atts"]) if every else None
    P, G = sc.pred_items(kept_claims), sc.gold_items(art, False)
    E = sc.pred_items(every_claims) if every else None
    pairs, left = assign(G, P)
    return OofArticle(kept, kept_claims, every_claims, P, E, G, pairs, left)


def assign(golds: list[dict], preds: list[dict], t: float = 0.3) -> tuple[dict[int, int], list[int]]:
    """The PolNeAR scorer's greedy matching replayed: ({gold index: prediction index}, unmatched predictions).
    Gold in document order takes the free prediction covering the largest share (> ``t``) of its content."""
    left = list(range(len(preds)))
    pairs = {}
    for gi, g in enumerate(golds):
        best, best_s = None, 0.0
        for j in left:
            s = len(g["C"] & preds[j]["C"]) / len(g["C"]) if g["C"] else 0.0
            if s > t and s > best_s:
                best, best_s = j, s
        if best is not None:
            left.remove(best)
            pairs[gi] = best
    return pairs, left


def oracle_figures(sc, arts: list[dict], kept: dict[str, list[dict]], every: dict[str, list[dict]],
                   right: dict[str, list[dict]]) -> dict:
    """Where the e2e F1 is lost as a whole: the pooled out-of-fold F1 as it is and if one part were perfect.

    - ``as_is``: graphkit's output (rules, tagger, re-scorer);
    - ``no_rescorer``: every candidate kept; ``perfect_rescorer``: exactly the candidates that match a gold end
      to end kept (the re-scorer's ceiling over today's candidates; both also speech fair);
    - ``right_speakers``: every gold whose content a kept prediction matched gets the right speaker;
    - ``no_unmatched``: the kept predictions matched by no gold removed (precision's share);
    - ``no_prediction_on_sourceless``: no prediction spent on a gold without a source;
    - ``right_boundaries``: every kept prediction whose speaker and content overlap a gold's source and
      content takes that gold's content exactly (:func:`right_boundaries`: the ceiling of a content-boundary
      model over today's predictions and speakers; also speech fair);
    - ``ceiling``: every gold with a source matched and nothing else predicted (PolNeAR's own ceiling: golds
      without a source never match end to end).
    All "all" e2e F1 in %, pooled over every article (each scored out of fold)."""
    def f1(tp, npred, ngold):
        return round(200 * tp / (npred + ngold), 2) if npred + ngold else 0.0

    n = collections.Counter()
    for a in arts:
        G = sc.gold_items(a, False)
        P = sc.pred_items(kept.get(a["id"], []))
        pairs, left = assign(G, P)
        n["gold"] += len(G)
        n["pred"] += len(P)
        n["sourceless"] += sum(1 for g in G if not g["S"])
        n["unmatched"] += len(left)
        for gi, j in pairs.items():
            if not G[gi]["S"]:
                n["on_sourceless"] += 1
            elif G[gi]["S"] & P[j]["S"]:
                n["e2e"] += 1
            else:
                n["speaker_wrong"] += 1
    g, p = n["gold"], n["pred"]
    out = {"as_is": f1(n["e2e"], p, g),
           "right_speakers": f1(n["e2e"] + n["speaker_wrong"], p, g),
           "no_unmatched": f1(n["e2e"], p - n["unmatched"], g),
           "no_prediction_on_sourceless": f1(n["e2e"], p - n["on_sourceless"], g),
           "ceiling": f1(g - n["sourceless"], g - n["sourceless"], g), "counts": dict(n)}
    for name, preds in (("no_rescorer", every), ("perfect_rescorer", right)):
        r = figures(sc, arts, preds)
        out[name] = round(r["all"]["e2e_F1"], 2)
        out[name + "_speech_fair"] = round(r["speech"]["e2e_F1_fair"], 2)
    out["as_is_speech_fair"] = round(figures(sc, arts, kept)["speech"]["e2e_F1_fair"], 2)
    bounded = {a["id"]: right_boundaries(sc.gold_items(a, False), kept.get(a["id"], [])) for a in arts}
    r = figures(sc, arts, bounded)
    out["right_boundaries"] = round(r["all"]["e2e_F1"], 2)
    out["right_boundaries_speech_fair"] = round(r["speech"]["e2e_F1_fair"], 2)
    return out


def right_boundaries(golds: list[dict], preds: list[dict]) -> list[dict]:
    """The predictions with their content boundaries made perfect: each whose speaker span overlaps a gold's
    source and whose content overlaps that gold's content takes the content of the gold it overlaps most
    (``golds``: the scorer's gold items, character sets "C" and "S"); the others are kept as they are.

    >>> g = [{"C": set(range(10, 30)), "S": set(range(0, 5))}]
    >>> p = [{"spans": [[10, 14]], "speaker_span": [0, 3]}, {"spans": [[40, 50]], "speaker_span": [0, 3]}]
    >>> [x["spans"] for x in right_boundaries(g, p)]
    [[[10, 30]], [[40, 50]]]
    """
    out = []
    for p in preds:
        C = chars(p.get("spans") or ([p["span"]] if p.get("span") else []))
        S = chars([p["speaker_span"]]) if p.get("speaker_span") else set()
        best = max((g for g in golds if g["S"] & S and g["C"] & C), key=lambda g: len(g["C"] & C), default=None)
        if best is None:
            out.append(p)
            continue
        q = {k: v for k, v in p.items() if k != "span"}
        q["spans"] = char_runs(best["C"])
        out.append(q)
    return out


def char_runs(cs: set) -> list[list[int]]:
    """A set of character offsets as [start, end) runs: {1, 2, 3, 7} -> [[1, 4], [7, 8]].

    >>> char_runs({1, 2, 3, 7}), char_runs({5}), char_runs(set())
    ([[1, 4], [7, 8]], [[5, 6]], [])
    """
    out: list[list[int]] = []
    for c in sorted(cs):
        if out and out[-1][1] == c:
            out[-1][1] = c + 1
        else:
            out.append([c, c + 1])
    return out


def outer_span(cs: set) -> list[int]:
    """A set of character offsets as one [start, end) span from its first to its last: a gold source (the scorer's
    "S", which may hold several runs) as a claim's ``speaker_span``.

    >>> outer_span({4, 5, 9}), char_runs({4, 5, 9})
    ([4, 10], [[4, 6], [9, 10]])
    """
    return [min(cs), max(cs) + 1]


def oracle_table(o: dict) -> str:
    """:func:`oracle_figures` as text."""
    rows = [("graphkit as it is (out of fold, pooled)", o["as_is"], o["as_is_speech_fair"]),
            ("no re-scorer: every candidate kept", o["no_rescorer"], o["no_rescorer_speech_fair"]),
            ("perfect re-scorer over the same candidates", o["perfect_rescorer"], o["perfect_rescorer_speech_fair"]),
            ("every matched content with its right speaker", o["right_speakers"], None),
            ("no prediction that matches no gold", o["no_unmatched"], None),
            ("no prediction spent on a gold without source", o["no_prediction_on_sourceless"], None),
            ("every kept content with its gold's boundaries", o["right_boundaries"], o["right_boundaries_speech_fair"]),
            ("PolNeAR's ceiling (golds without source unmatched)", o["ceiling"], None)]
    return "\n".join(f"{name:52} all {a:6.2f}" + (f"  speech fair {s:6.2f}" if s is not None else "") for name, a, s in rows)


def miss_breakdown(sc, arts: list[dict], kept: dict[str, list[dict]], every: dict[str, list[dict]]) -> dict:
    """Where each gold attribution (all, not only speech) went, by the scorer's own greedy matching of
    the kept predictions, and why an unmatched one was missed (first reason that holds):

    - ``e2e``: matched (:func:`assign`), speaker right; ``no_source`` / ``no_source_predicted``: the gold has no source span
      (never an e2e match), missed / matched by a kept prediction (which then counts against precision);
    - ``speaker_none`` / ``speaker_wrong``: content matched, no speaker span / another one;
    - ``taken``: a kept prediction covers > 30 % of it but an earlier gold took that prediction;
    - ``boundary``: a kept prediction overlaps it, by ≤ 30 % of its characters;
    - ``filtered_right`` / ``filtered_wrong``: only a candidate the re-scorer dropped covers > 30 %
      (with the right speaker / without);
    - ``cand_boundary``: only a dropped candidate overlaps, by ≤ 30 %;
    - ``no_candidate_headline`` / ``no_candidate``: no candidate overlaps it at all (content in a headline,
      standfirst or subhead / in running text).

    Kept predictions matched by no gold are counted as ``fp_overlap`` (they overlap some gold) and
    ``fp_alone``.
    """
    from graphkit.segments import NOT_RUNNING_TEXT, segment_kind_at, segments

    n = collections.Counter()
    for a in arts:
        G = sc.gold_items(a, False)
        P = sc.pred_items(kept.get(a["id"], []))
        E = sc.pred_items(every.get(a["id"], []))
        segs = None
        pairs, left = assign(G, P)
        for gi, g in enumerate(G):
            n["gold"] += 1
            best = pairs.get(gi)
            if best is not None:
                if g["S"] & P[best]["S"]:
                    n["e2e"] += 1
                elif not g["S"]:
                    n["no_source_predicted"] += 1
                else:
                    n["speaker_none" if not P[best]["S"] else "speaker_wrong"] += 1
                continue
            if not g["S"]:
                n["no_source"] += 1
                continue
            over = [len(g["C"] & p["C"]) / len(g["C"]) for p in P]
            if any(o > 0.3 for o in over):
                n["taken"] += 1
            elif any(o > 0 for o in over):
                n["boundary"] += 1
            elif any(len(g["C"] & e["C"]) / len(g["C"]) > 0.3 for e in E):
                right = any(len(g["C"] & e["C"]) / len(g["C"]) > 0.3 and g["S"] & e["S"] for e in E)
                n["filtered_right" if right else "filtered_wrong"] += 1
            elif any(g["C"] & e["C"] for e in E):
                n["cand_boundary"] += 1
            else:
                if segs is None:
                    segs = segments(a["text"], a.get("title"))
                head = segment_kind_at(segs, min(g["C"])) in NOT_RUNNING_TEXT
                n["no_candidate_headline" if head else "no_candidate"] += 1
        for j in left:
            n["fp_overlap" if any(g["C"] & P[j]["C"] for g in G) else "fp_alone"] += 1
        n["pred"] += len(P)
    return dict(n)


#: what fixing one gold of a :func:`miss_breakdown` reason costs in kept predictions: 1 when it needs a
#: prediction it does not have (a new candidate, one the re-scorer dropped, a second one where a shared one
#: went to another gold), 0 when an existing prediction is corrected (its speaker, its content boundary)
FIX_COST = {"speaker_none": 0, "speaker_wrong": 0, "boundary": 0, "taken": 1, "filtered_right": 1,
            "filtered_wrong": 1, "cand_boundary": 1, "no_candidate_headline": 1, "no_candidate": 1}
#: kept predictions whose removal is the fix (they match no gold, or a gold without a source)
FIX_REMOVE = ("fp_overlap", "fp_alone", "no_source_predicted")


def fixed_f1(m: dict, reason: str) -> float:
    """The pooled e2e F1 (all, %) if every case of one :func:`miss_breakdown` reason were fixed and nothing
    else changed: a missed gold becomes an end-to-end match (:data:`FIX_COST`: with one more prediction or
    none), a wrong prediction is removed (:data:`FIX_REMOVE`). What a bucket is worth, not only its size.

    >>> m = {"gold": 100, "pred": 60, "e2e": 50, "no_candidate": 20, "speaker_wrong": 5, "fp_alone": 4}
    >>> fixed_f1(m, "e2e"), fixed_f1(m, "no_candidate"), fixed_f1(m, "speaker_wrong"), fixed_f1(m, "fp_alone")
    (62.5, 77.78, 68.75, 64.1)
    """
    g, p, tp, n = m["gold"], m["pred"], m["e2e"], m.get(reason, 0)
    if reason in FIX_REMOVE:
        p -= n
    elif reason in FIX_COST:
        tp, p = tp + n, p + FIX_COST[reason] * n
    return round(200 * tp / (p + g), 2) if p + g else 0.0


def miss_table(m: dict) -> str:
    """:func:`miss_breakdown` as text: each reason's count, its share of the gold attributions, and the pooled
    e2e F1 (all) if that reason alone were fixed (:func:`fixed_f1`) with the gain over graphkit as it is."""
    base = fixed_f1(m, "e2e")
    order = ("e2e", "no_source", "no_source_predicted", "speaker_none", "speaker_wrong", "taken", "boundary", "filtered_right",
             "filtered_wrong", "cand_boundary", "no_candidate_headline", "no_candidate")

    def worth(k):
        if k not in FIX_COST and k not in FIX_REMOVE:
            return ""
        f = fixed_f1(m, k)
        return f"   F1 if fixed {f:6.2f} ({f - base:+.2f})"

    rows = [f"{'gold attributions (all)':26} {m['gold']:>7}   (pooled e2e F1 all as it is {base:.2f})"]
    rows += [f"{k:26} {m.get(k, 0):>7} {100 * m.get(k, 0) / m['gold']:6.1f} %" + worth(k) for k in order]
    rows += [f"{'predictions kept':26} {m['pred']:>7}"]
    rows += [f"{k:26} {m.get(k, 0):>7} {100 * m.get(k, 0) / max(1, m['pred']):6.1f} % of predictions" + worth(k)
             for k in ("fp_overlap", "fp_alone")]
    return "\n".join(rows)


#: settings of a model kind other than the shipped one (``--model``)
DEFAULTS = {"logistic": {"C": 0.3, "threshold": 0.45},
            "gbm": {"n_estimators": 200, "max_depth": 3, "learning_rate": 0.1, "min_samples_leaf": 10, "threshold": 0.5}}

KEYS = [("all", "e2e_F1"), ("speech", "e2e_F1_fair"), ("all", "e2e_P"), ("all", "e2e_R"), ("all", "content_F1")]


def summarise(folds: list[dict]) -> dict:
    out = {"folds": folds}
    for name, stat in (("mean", statistics.mean), ("sd", statistics.stdev), ("min", min), ("max", max)):
        out[name] = {f"{s}.{m}": round(stat([f[s][m] for f in folds]), 2) for s, m in KEYS}
    return out


def table(res: dict) -> str:
    head = "fold  " + " ".join(f"{s + '.' + m:>18}" for s, m in KEYS)
    rows = [head]
    for i, f in enumerate(res["folds"]):
        rows.append(f"{i:<5} " + " ".join(f"{f[s][m]:>18.1f}" for s, m in KEYS))
    for name in ("mean", "sd", "min", "max"):
        rows.append(f"{name:<5} " + " ".join(f"{res[name][s + '.' + m]:>18.2f}" for s, m in KEYS))
    return "\n".join(rows)
