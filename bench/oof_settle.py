"""Ways for one of two kept claims that share words to give way, replayed by 5-fold CV from an out-of-fold dump
(bench/oof_dump.py).

    python bench/oof_dump.py bench/_work/oof.pkl && python bench/oof_settle.py bench/_work/oof.pkl
    python bench/oof_settle.py bench/_work/oof.pkl --variants none shipped every_nested --grid

Each variant takes the kept claims of an article as ``graphkit.confidence.apply_scores`` leaves them *before* its
last step (:func:`graphkit.confidence.nested_give_way`), groups them as the export folds continuations, and drops
the less confident claim of every pair the variant names (:data:`VARIANTS`); the shared scorer then gives each fold's
all / speech-fair e2e F1 (bench/README.md, issue 13, twenty-first part). Nothing is refitted: the dump's out-of-fold
scores and thresholds are used as they are, so a variant takes seconds.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from graphkit.extract import RELATIVE_SPEAKERS  # noqa: E402 (after the path insert; one home of the relative pronouns)


def _overlap(spans, span) -> bool:
    return span is not None and any(span[0] < e and s < span[1] for s, e in spans)


def _chars(spans) -> int:
    return sum(e - s for s, e in spans)


def _shared(a, b) -> int:
    return sum(max(0, min(e, f) - max(s, t)) for s, e in a for t, f in b)


#: variant -> when the less confident claim ``lo`` of a pair gives way to ``hi`` (each a dict: "spans" (the claim's
#: and its continuations' content), "speaker" (span), "who" (speaker as written)); "none" keeps both
VARIANTS = {
    "none": None,
    "shipped": lambda hi, lo: _overlap(hi["spans"], lo["speaker"]) and lo["who"] not in RELATIVE_SPEAKERS,
    "every_nested": lambda hi, lo: _overlap(hi["spans"], lo["speaker"]),
    "nested_sharing_words": lambda hi, lo: _overlap(hi["spans"], lo["speaker"]) and _shared(hi["spans"], lo["spans"]) > 0,
    "outer_under_inner": lambda hi, lo: _overlap(lo["spans"], hi["speaker"]),
    "either_nested": lambda hi, lo: _overlap(hi["spans"], lo["speaker"]) or _overlap(lo["spans"], hi["speaker"]),
    "half_of_smaller": lambda hi, lo: _shared(hi["spans"], lo["spans"]) >= 0.5 * min(_chars(hi["spans"]), _chars(lo["spans"])) > 0,
    "any_overlap": lambda hi, lo: _shared(hi["spans"], lo["spans"]) > 0,
    "same_speaker": lambda hi, lo: (_shared(hi["spans"], lo["spans"]) >= 0.5 * min(_chars(hi["spans"]), _chars(lo["spans"])) > 0
                                    and hi["speaker"] is not None and _overlap([hi["speaker"]], lo["speaker"])),
    "not_nested": lambda hi, lo: (_shared(hi["spans"], lo["spans"]) >= 0.5 * min(_chars(hi["spans"]), _chars(lo["spans"])) > 0
                                  and not _overlap(hi["spans"], lo["speaker"]) and not _overlap(lo["spans"], hi["speaker"])),
}


def give_way(atts: list, gives_way) -> list:
    """``atts`` (kept, each with its confidence) less the claims that give way by ``gives_way(hi, lo)``, the more
    confident first (equal: the earlier), continuations with their claim.

    >>> from graphkit.records import Attribution
    >>> outer = Attribution(spans=[(10, 60)], text="w", cue="said", speaker_span=(0, 9), confidence=0.9)
    >>> inner = Attribution(spans=[(40, 60)], text="w", cue="said", speaker_span=(20, 29), speaker_text="they",
    ...                     confidence=0.6)
    >>> [a.confidence for a in give_way([outer, inner], VARIANTS["shipped"])]
    [0.9]
    >>> [a.confidence for a in give_way([outer, inner], VARIANTS["none"])]
    [0.9, 0.6]
    """
    from graphkit.confidence import claim_groups

    if gives_way is None:
        return atts
    groups = claim_groups(atts)
    claim = [{"spans": [s for i in g for s in atts[i].spans], "speaker": atts[g[0]].speaker_span,
              "who": (atts[g[0]].speaker_text or "").lower(), "conf": atts[g[0]].confidence} for g in groups]
    order = sorted(range(len(groups)), key=lambda k: -claim[k]["conf"])
    gone: set = set()
    for n, j in enumerate(order):
        if j in gone:
            continue
        for k in order[n + 1:]:
            if k not in gone and gives_way(claim[j], claim[k]):
                gone.add(k)
    drop = {i for k in gone for i in groups[k]}
    return [a for i, a in enumerate(atts) if i not in drop]


def kept_before_giving_way(d: dict, t: float | None = None, tl: float | None = None) -> list:
    """What ``apply_scores`` keeps of a dumped article (``attribution_cv.kept_at``, at the dump's thresholds unless
    ``t`` / ``tl``), before ``nested_give_way``."""
    import graphkit.confidence as gc
    from attribution_cv import kept_at

    last, gc.nested_give_way = gc.nested_give_way, (lambda atts: atts)
    try:
        return kept_at(d, t, tl)
    finally:
        gc.nested_give_way = last


def as_shipped(t=None, tl=None):
    """A ``kept`` for :func:`folds_of`: the claims exactly as graphkit keeps them (``attribution_cv.kept_at``:
    ``apply_scores`` whole, its ``nested_give_way`` included), the figure of ``bench/eval_attribution.py --cv 5`` to the digit; at the dump's
    thresholds unless ``t`` / ``tl``."""
    def kept(d: dict) -> list:
        from attribution_cv import kept_at

        return kept_at(d, t, tl)
    return kept


def given_way_by(gives_way, t=None, tl=None):
    """A ``kept`` for :func:`folds_of`: the claims ``apply_scores`` keeps before ``nested_give_way``, then those that
    give way by ``gives_way`` dropped (:func:`give_way`; None drops none); at the dump's thresholds unless ``t`` /
    ``tl``. ("Give way" as graphkit says it; "settled" is ``train_filter``'s word for the retrain's kept thresholds.)"""
    def kept(d: dict) -> list:
        return give_way(kept_before_giving_way(d, t, tl), gives_way)
    return kept


def folds_of(D: dict, arts: dict, sc, kept, then=None) -> list[tuple[float, float]]:
    """(all, speech fair) e2e F1 of each fold of dump ``D`` with the claims ``kept(d)`` keeps of each dumped article
    (:func:`as_shipped`, :func:`given_way_by`); ``then(doc_id, text, claims)``, when given, changes each article's
    exported claims before they are scored."""
    import attribution_cv as cv

    then = then or (lambda doc_id, text, claims: claims)
    preds = {i: then(i, arts[i]["text"], cv.export(arts[i], kept(d))) for i, d in D["arts"].items()}
    return cv.fold_f1s(sc, D, arts, preds)


def line(name: str, folds: list[tuple[float, float]], base=None) -> str:
    a, s = [x for x, _ in folds], [y for _, y in folds]
    out = (f"{name:22} {statistics.mean(a):.2f} ± {statistics.stdev(a):.2f} / {statistics.mean(s):.2f} ± "
           f"{statistics.stdev(s):.2f}  folds " + " ".join(f"{x:.2f}/{y:.2f}" for x, y in folds))
    if base:
        out += "  paired " + " ".join(f"{x - bx:+.2f}/{y - by:+.2f}" for (x, y), (bx, by) in zip(folds, base))
    return out


def main(argv=None) -> int:
    import attribution_cv as cv
    from oof_dump import load

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dump", type=Path, help="a pickle written by bench/oof_dump.py")
    ap.add_argument("--variants", nargs="+", default=list(VARIANTS), choices=list(VARIANTS))
    ap.add_argument("--grid", action="store_true", help="also the pooled figures over the retrain's threshold grid, "
                                                        "'none' against each variant")
    a = ap.parse_args(argv)
    D = load(a.dump)
    sc = cv.scorer()
    arts = {x["id"]: x for x in cv.load_articles()}
    base = folds_of(D, arts, sc, given_way_by(None))
    for name in a.variants:
        print(line(name, folds_of(D, arts, sc, given_way_by(VARIANTS[name])), None if name == "none" else base))
    if a.grid:
        for t in (0.45, 0.50, 0.55):
            for tl in (0.5, 0.6, 0.7):
                row = []
                for name in ["none"] + [v for v in a.variants if v != "none"]:
                    kept = given_way_by(VARIANTS[name], t, tl)
                    preds = {i: cv.export(arts[i], kept(d)) for i, d in D["arts"].items()}
                    r = cv.figures(sc, [arts[i] for i in preds], preds)
                    row.append(f"{name} {r['all']['e2e_F1']:.2f}/{r['speech']['e2e_F1_fair']:.2f}")
                print(f"pooled at {t:.2f} / {tl:.1f}: " + ", ".join(row))
    return 0


if __name__ == "__main__":
    from graphkit.errors import script_main

    sys.exit(script_main("oof_settle", main))
