"""How the spans are wrong where graphkit builds a candidate at a missed gold's cue but its content or its speaker
is not the gold's: the classes of the wrong spans, sized out of fold, and samples to read.

    python bench/oof_dump.py bench/_work/oof.pkl
    python bench/span_errors.py bench/_work/oof.pkl                          # the classes, every fold
    python bench/span_errors.py bench/_work/oof.pkl --samples 30 --seed 7458 --only content:ends_early

The golds are :func:`found_cues.missed`'s in the buckets ``candidate:{Cs,cS,cs}`` (a candidate of the dump, kept
or not, has its cue at the gold's cue head and none is right) and ``none:builds_{Cs,cS,cs}`` (no candidate there;
the cue tagger's builder would build a wrong one). The PolNeAR scorer (``../shared/eval/polnear_score.py``) calls a
content right when it covers over 30 % of the gold's characters, whatever it adds, and a speaker right when it
overlaps the gold's source at all; so a content is only ever wrong by being short or elsewhere, a speaker only by
being another mention. Each gold is classed by the candidate at its cue that covers most of its content (the
builder's for ``none:`` golds):

- content (:func:`content_class`): ``disjoint:gold_*`` no character shared (the gold ``before_cue`` /
  ``after_cue`` in the cue's sentence, or in an ``other_sentence``); ``split`` another candidate of the article
  covers the rest (the gold one claim, graphkit two); else by where the gold's uncovered part lies:
  ``ends_early:*`` after the candidate's end (``next_sentence``, a multi-sentence content; ``quote_close``,
  ``attribution`` another cue follows, ``punct``, ``cc``, ``other``: what the candidate's end stops at in its
  sentence), ``starts_late:*`` before its start (``prev_sentence``, ``cue_between``: the gold runs on both sides of
  its cue, ``same_sentence``), ``both_sides``;
- speaker (:func:`speaker_class`): ``none`` no speaker; ``pred_in_gold_content`` the candidate's speaker inside the
  gold's content (an inner claim over an outer gold); ``gold_in_pred_content``; ``gold_other_sentence`` the gold's
  source outside the cue's sentence; ``adjacent`` within two tokens (a span boundary); ``relative_word`` the
  candidate's speaker a relative word or "it"; ``other_mention``.

Kept (``kept``) says whether the candidate was among the kept claims: a kept wrong one put right is one more match
and one false claim fewer, a dropped one must also pass the re-scorer. PolNeAR text in ``--samples``: to read,
never to commit.
"""

from __future__ import annotations

import argparse
import collections
import random
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

WRONG = ("Cs", "cS", "cs")
QUOTE_CLOSE = {'"', "”", "’", "'"}
RELATIVE = {"that", "which", "who", "whom", "it", "this"}


def _tokens(doc, chars: set) -> list:
    """The tokens of ``doc`` any of whose characters are in ``chars``, in order."""
    return [t for t in doc if chars & set(range(t.idx, t.idx + max(1, len(t.text))))]


def content_class(doc, head, C: set, PC: set, others: list[set]) -> str:
    """How candidate content ``PC`` (characters) fails gold content ``C`` (the module docstring's content classes);
    ``head`` the gold's cue head, ``others`` the other candidates' contents of the article.

    >>> import spacy
    >>> doc = spacy.blank("en")("He said that taxes rise . They fall .")
    >>> for t in doc: t.is_sent_start = t.i in (0, 6)
    >>> chars = lambda i, j: set(range(doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text)))
    >>> content_class(doc, doc[1], chars(2, 9), chars(2, 4), [])
    'ends_early:next_sentence'
    >>> content_class(doc, doc[1], chars(6, 8), chars(2, 4), []), content_class(doc, doc[1], chars(2, 4), chars(6, 8), [])
    ('disjoint:gold_other_sentence', 'disjoint:gold_after_cue')
    >>> content_class(doc, doc[1], chars(2, 9), chars(2, 4), [chars(6, 9)])
    'split'
    """
    if not C & PC:
        gold_sents = {t.sent.start for t in _tokens(doc, C)}
        if head.sent.start not in gold_sents:
            return "disjoint:gold_other_sentence"
        return "disjoint:gold_" + ("after" if min(C) > head.idx else "before") + "_cue"
    if any(len(C & (PC | o)) / len(C) > 0.3 for o in others if o - PC and o & C):
        return "split"
    rest = C - PC
    before, after = {c for c in rest if c < min(PC)}, {c for c in rest if c > max(PC)}
    if len(after) >= len(rest) / 2 and after:
        last = _tokens(doc, PC)[-1]
        if any(t.sent.start != last.sent.start for t in _tokens(doc, after)):
            return "ends_early:next_sentence"
        nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
        if nxt is None:
            return "ends_early:other"
        if nxt.text in QUOTE_CLOSE or last.text in QUOTE_CLOSE:
            return "ends_early:quote_close"
        if any(t.dep_ in ("nsubj",) and t.head.pos_ == "VERB" and t.head.i > nxt.i for t in doc[nxt.i: nxt.i + 4]):
            return "ends_early:attribution"
        if nxt.is_punct:
            return "ends_early:punct"
        if nxt.dep_ == "cc" or nxt.pos_ == "CCONJ":
            return "ends_early:cc"
        return "ends_early:other"
    if before:
        first = _tokens(doc, PC)[0]
        if any(t.sent.start != first.sent.start for t in _tokens(doc, before)):
            return "starts_late:prev_sentence"
        if min(C) < head.idx < max(C):
            return "starts_late:cue_between"
        return "starts_late:same_sentence"
    return "both_sides"


def speaker_class(doc, head, S: set, PS: set, C: set, PC: set) -> str:
    """How candidate speaker ``PS`` (characters) fails gold source ``S`` (the module docstring's speaker classes);
    ``C`` / ``PC`` the gold's and the candidate's contents.

    >>> import spacy
    >>> doc = spacy.blank("en")("Aides of Smith said he would win")
    >>> for t in doc: t.is_sent_start = t.i == 0
    >>> ch = lambda i: set(range(doc[i].idx, doc[i].idx + len(doc[i].text)))
    >>> speaker_class(doc, doc[3], ch(0), ch(2), ch(5) | ch(6), set())
    'adjacent'
    >>> speaker_class(doc, doc[3], ch(0), set(), set(), set())
    'none'
    """
    if not PS:
        return "none"
    if PS & C:
        return "pred_in_gold_content"
    if S & PC:
        return "gold_in_pred_content"
    gold, pred = _tokens(doc, S), _tokens(doc, PS)
    if not any(t.sent.start == head.sent.start for t in gold):
        return "gold_other_sentence"
    gap = min(abs(a.i - b.i) for a in gold for b in pred)
    if gap <= 2:
        return "adjacent"
    if any(t.lower_ in RELATIVE for t in pred) and len(pred) == 1:
        return "relative_word"
    return "other_mention"


def spans_of(row, doc, g, every, E, kept, cues) -> dict:
    """``found_cues.missed``'s ``extra``: the wrong candidate's content and speaker characters and its classes."""
    from graphkit.cue_tagger import candidate_of

    from attribution_cv import token_chars

    b = row["bucket"]
    if b.startswith("candidate:") and b[-2:] in WRONG:
        k = max(row["at"], key=lambda j: (len(g["C"] & E[j]["C"]), j in kept))
        PC, PS, is_kept = E[k]["C"], E[k]["S"], k in kept
    elif b.startswith("none:builds_") and b[-2:] in WRONG:
        content, subj, _ = candidate_of(doc[row["i"]], cues)
        PC, PS, is_kept = token_chars(doc, content), token_chars(doc, {subj.i}), False
    else:
        return {}
    head = doc[row["i"]]
    out = {"kept": is_kept, "classes": []}
    right = ("C" if len(g["C"] & PC) / len(g["C"]) > 0.3 else "c") + ("S" if g["S"] & PS else "s")
    if right[0] == "c":
        others = [e["C"] for e in E if e["C"] != PC]
        out["classes"].append("content:" + content_class(doc, head, g["C"], PC, others))
    if right[1] == "s":
        out["classes"].append("speaker:" + speaker_class(doc, head, g["S"], PS, g["C"], PC))
    out["fix"] = (k if b.startswith("candidate:") else None, g["C"], g["S"], every[k] if b.startswith("candidate:")
                  else None)
    out["pred"] = " ".join(doc.text[min(PC):max(PC) + 1].split())[:200] if PC else ""
    out["pred_speaker"] = doc.text[min(PS):max(PS) + 1] if PS else ""
    return out


def rows_of(dump: dict, fold=None) -> list[dict]:
    """The missed golds of ``found_cues.missed`` with the wrong-span classes of those at a wrong candidate."""
    from graphkit.confidence import claim_groups
    from graphkit.cues import default_cues

    from attribution_cv import kept_at
    from found_cues import candidate_key, missed

    cues = default_cues()
    kept_keys: dict = {}

    def extra(row, doc, g, every, E):
        x = dump["arts"][row["doc"]]
        if row["doc"] not in kept_keys:
            kept_atts = kept_at(x)
            kk = {candidate_key(a) for a in kept_atts}
            groups = claim_groups(x["atts"])
            kept_keys[row["doc"]] = {j for j, grp in enumerate(groups) if candidate_key(x["atts"][grp[0]]) in kk}
        return spans_of(row, doc, g, every, E, kept_keys[row["doc"]], cues)

    return missed(dump, fold, extra=extra)


def fixed(pred: dict, cls: str, C: set, S: set) -> dict:
    """The exported prediction ``pred`` with the part class ``cls`` says is wrong put right: the gold's content
    (``content:*``) or its source (``speaker:*``) as character sets ``C`` / ``S``.

    >>> fixed({"spans": [[0, 4]], "speaker_span": [9, 12]}, "speaker:adjacent", {1, 2}, {20, 21, 22})
    {'spans': [[0, 4]], 'speaker_span': [20, 23]}
    """
    from attribution_cv import char_runs, outer_span

    q = dict(pred)
    if cls.startswith("content:"):
        q["spans"] = char_runs(C)
    else:
        q["speaker_span"] = outer_span(S)
    return q


def worth(dump: dict, rows: list[dict], cls_prefix: str) -> dict:
    """What putting right every candidate of the classes starting ``cls_prefix`` would give, by fold (all, speech
    fair): ``kept`` the kept candidates corrected in place (no claim more: what a better boundary or speaker rule on
    today's scores gives at most), ``every`` the dropped ones also kept, corrected (the re-scorer keeping them too);
    and today's figures (``as_is``). Only candidates at a gold's cue (``candidate:`` buckets) count: the builder's
    (``none:``) have none to put right."""
    import attribution_cv as cv

    sc = cv.scorer()
    arts = {a["id"]: a for a in cv.load_articles(("train", "dev"))}
    by_doc = collections.defaultdict(list)
    for r in rows:
        c = next((c for c in r.get("classes", []) if c.startswith(cls_prefix)), None)
        if c is not None and r["fix"][0] is not None:
            by_doc[r["doc"]].append((c, r))
    shipped = cv.shipped_claims(dump, arts)  # exported once, each mode changing a copy
    out = {}
    for mode in ("as_is", "kept", "every"):
        preds = {}
        for i, P in shipped.items():
            P = list(P)
            for c, r in by_doc.get(i, []) if mode != "as_is" else []:
                _, C, S, pred = r["fix"]
                j = next((j for j, p in enumerate(P) if p["cue_span"] == pred["cue_span"]
                          and p["speaker_span"] == pred["speaker_span"]), None)
                if j is not None:
                    P[j] = fixed(P[j], c, C, S)
                elif mode == "every":
                    P.append(fixed(pred, c, C, S))
            preds[i] = P
        out[mode] = cv.fold_f1s(sc, dump, arts, preds)
    return out


def worth_line(name: str, w: dict) -> str:
    """:func:`worth` as one line: the mean paired gain by fold, all / speech fair, kept only and every."""
    def gain(mode, m):
        return statistics.mean(u[m] - v[m] for u, v in zip(w[mode], w["as_is"]))
    return (f"{name:36} kept fixed {gain('kept', 0):+.2f} / {gain('kept', 1):+.2f}   "
            f"every fixed {gain('every', 0):+.2f} / {gain('every', 1):+.2f}")


def table(rows: list[dict]) -> str:
    """The classes by count, with how many of each were kept claims, and by bucket."""
    n, kept = collections.Counter(), collections.Counter()
    buckets = collections.Counter()
    for r in rows:
        for c in r.get("classes", []):
            n[c] += 1
            kept[c] += bool(r["kept"])
        if r.get("classes"):
            buckets[r["bucket"]] += 1
    lines = [f"{sum(buckets.values())} missed golds at a wrong candidate: " +
             ", ".join(f"{k} {v}" for k, v in sorted(buckets.items()))]
    for k, v in sorted(n.items(), key=lambda kv: (kv[0].split(":")[0], -kv[1])):
        lines.append(f"{k:36} {v:6}   kept {kept[k]}")
    return "\n".join(lines)


def main(argv=None) -> int:
    from oof_dump import load

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dump", type=Path, help="a pickle written by bench/oof_dump.py")
    ap.add_argument("--fold", type=int, default=None, help="only this fold's articles")
    ap.add_argument("--samples", type=int, default=0, help="print this many golds of --only's class (or of all)")
    ap.add_argument("--only", default=None, help="a class to sample, e.g. content:ends_early:next_sentence "
                                                 "(a prefix: content:ends_early)")
    ap.add_argument("--seed", type=int, default=7458, help="the samples' seed")
    ap.add_argument("--worth", action="store_true",
                    help="what putting each class right would give, paired by fold (a minute a class)")
    a = ap.parse_args(argv)
    dump = load(a.dump)
    rows = [r for r in rows_of(dump, a.fold) if r.get("classes")]
    print(table(rows))
    if a.worth:
        print("\nwhat each class is worth put right (mean paired gain by fold, all / speech fair):")
        names = sorted({c for r in rows for c in r["classes"]} | {"content:", "speaker:"} |
                       {c.rsplit(":", 1)[0] + ":" for r in rows for c in r["classes"] if c.count(":") == 2})
        for name in names:
            print(worth_line(name, worth(dump, rows, name)), flush=True)
    pool = [r for r in rows if a.only is None or any(c.startswith(a.only) for c in r["classes"])]
    for k, r in enumerate(random.Random(a.seed).sample(pool, min(a.samples, len(pool)))):
        print(f"--- {k} [{r['bucket']}] {', '.join(r['classes'])} kept={r['kept']} {r['head']}\n"
              f"  {' '.join(r['sentence'].split())}\n"
              f"  gold: {r['source']} | {r['cue']} | {' '.join(r['content'].split())[:300]}\n"
              f"  pred: {r['pred_speaker']} | {r['pred']}")
    return 0


if __name__ == "__main__":
    from graphkit.errors import script_main

    sys.exit(script_main("span_errors", main))
