"""Where the end-to-end F1 is lost, one table out of fold: every gold of PolNeAR train+dev in one row by why it is
missed, every kept claim matching no gold in one row, and what each row is worth put right, in CV points.

    python bench/oof_dump.py bench/_work/oof.pkl
    python bench/loss_table.py bench/_work/oof.pkl                     # the table, every fold (about 3 minutes)
    python bench/loss_table.py bench/_work/oof.pkl --samples 40 --only speaker:participle --seed 7474

Each gold is replayed through the scorer's greedy matching (``attribution_cv.assign``) against the kept claims of the
dump (its fold's re-scorer, continuations folded as the export writes them) and put in the first row that holds
(:func:`gold_row`):

- ``e2e`` matched end to end; ``no_source`` a gold without a source (never an end-to-end match);
- ``speaker:*`` a candidate covers its content (> 30 %) with another speaker: the kept claim the matching gave it, or
  else a dropped candidate; split by why (:func:`speaker_why`): ``same_person`` another mention of the gold's source
  (the claim's speaker resolves to it, or the two mentions share a proper name), ``inner_claim`` the speaker inside
  the gold's content (an inner claim over an outer gold), ``outer_claim`` the gold's source inside the claim's
  content, then by how the cue reached its speaker in the parse (:func:`route`): ``participle`` a participle's
  controller ("…, saying"; the noun a participle hangs on), ``conjunct`` a conjunct's subject ("X said … and added"),
  ``across_clause`` a subject taken over another clause (a ccomp, relcl or finite advcl on the way up), ``off_path`` a
  speaker not on the cue's chain of heads (an antecedent, a frame's own speaker); the cue's own subject: ``pronoun`` a
  pronoun of another referent, ``boundary`` within two tokens of the source (a span boundary), ``other_mention``;
  ``none`` no speaker;
- ``dropped_right`` only a candidate the re-scorer dropped has its content and speaker right;
- ``taken`` a kept claim covers it but went to an earlier gold (one claim over two golds);
- ``content:kept`` / ``content:dropped`` a candidate overlaps it by 30 % or less (a content boundary);
- ``no_candidate:at_cue`` no candidate overlaps it, one has its cue (its content elsewhere), ``no_candidate:headline``
  none, the gold outside running text, ``no_candidate:none`` none at all.

Kept claims no gold takes: ``spurious:alone`` (overlapping no gold), ``spurious:overlap`` (overlapping one another
claim took, or one missed), ``spurious:sourceless`` (taking a gold without a source).

A row's worth (:func:`ceiling`): each fold's scorer figures with every case of that row put right and nothing else
(the kept claim's speaker set to the gold's; the dropped right candidate kept; a missing claim added with the gold's
content and source; a spurious claim removed), the mean paired gain by fold, all / speech fair: what the F1 would be
if that row were all right. PolNeAR text in ``--samples``: to read, never to commit.
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

#: the dependencies a participle, gerund or infinitive hangs on by, when the cue reaches its speaker through them
PARTICIPLE_DEPS = frozenset({"advcl", "xcomp", "acl", "pcomp", "relcl", "ccomp", "dep", "conj"})
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "us", "me", "who", "which",
                      "that", "his", "their", "its", "our"})


def head_of(doc, chars: set):
    """The token of ``doc`` heading the span whose characters are ``chars`` (its head outside the span), or None."""
    from found_cues import cue_head

    return cue_head(doc, chars)[0] if chars else None


def route(cue, spk) -> tuple[str, ...] | None:
    """How cue token ``cue`` reaches speaker head ``spk`` up its chain of heads: the dependencies climbed from the
    cue to the head ``spk`` hangs on (or is), ``()`` for the cue's own subject, None when ``spk`` is off the chain.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = ["Ann", "spoke", "and", "added", "that", "it", "rained"]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 1, 1, 1, 6, 6, 3],
    ...           deps=["nsubj", "ROOT", "cc", "conj", "mark", "nsubj", "ccomp"])
    >>> route(doc[3], doc[0]), route(doc[1], doc[0]), route(doc[6], doc[0]), route(doc[1], doc[5])
    (('conj',), (), ('ccomp', 'conj'), None)
    """
    path: list[str] = []
    t = cue
    for _ in range(8):
        if spk.head == t or spk.head.head == t and spk.head.dep_ in ("agent", "prep"):
            return tuple(path)
        if t.head == t:
            return None
        path.append(t.dep_)
        t = t.head
        if spk == t:
            return tuple(path)
    return None


def route_class(cue, path: tuple[str, ...] | None) -> str:
    """The row of a speaker reached by ``path`` (:func:`route`) from cue token ``cue``: ``own`` its own subject,
    ``conjunct`` climbed first by a conjunction, ``participle`` a participle's or infinitive's controller (the cue a
    non-finite verb or noun climbing by a clause dependency), ``across_clause`` another climb, ``off_path``.

    >>> class T:  # a token's tag is all route_class reads
    ...     tag_ = "VBG"
    >>> [route_class(T(), p) for p in [(), ("conj",), ("advcl",), None]]
    ['own', 'conjunct', 'participle', 'off_path']
    >>> T.tag_ = "VBD"; route_class(T(), ("advcl", "ccomp"))
    'across_clause'
    """
    if path is None:
        return "off_path"
    if not path:
        return "own"
    if path[0] == "conj":
        return "conjunct"
    if path[0] in PARTICIPLE_DEPS and cue.tag_ in ("VBG", "VBN", "VB", "TO", "NN", "NNS"):
        return "participle"
    return "across_clause"


#: the dependencies by which a word is part of the name its mention's head is called by ("Ann Lee", "the senator,
#: Ann Lee", "Lee and Kim"); a name under a preposition ("letters from the Senate") names something else
NAME_DEPS = frozenset({"compound", "flat", "appos", "conj"})


def mention_names(doc, chars: set) -> set:
    """The proper names the mention whose characters are ``chars`` is called by, lower-cased: each word tagged a
    proper noun (NNP, NNPS) that heads the mention or hangs on a head of it by :data:`NAME_DEPS` alone. A capitalised
    article or a name the mention only speaks of is none: "The senator" and "The plan" share no name, nor do
    "letters from the Senate" and "the Senate".

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = ["The", "letters", "from", "the", "Senate", "angered", "Ann", "Lee"]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 5, 1, 4, 2, 5, 7, 5],
    ...           deps=["det", "nsubj", "prep", "det", "pobj", "ROOT", "compound", "dobj"],
    ...           tags=["DT", "NNS", "IN", "DT", "NNP", "VBD", "NNP", "NNP"])
    >>> def chars(i, j): return set(range(doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text)))
    >>> mention_names(doc, chars(0, 5)), mention_names(doc, chars(3, 5)), sorted(mention_names(doc, chars(6, 8)))
    (set(), {'senate'}, ['ann', 'lee'])
    """
    toks = [t for t in doc if any(c in chars for c in range(t.idx, t.idx + max(1, len(t.text))))]
    ids = {t.i for t in toks}
    out = set()
    for t in toks:
        if t.tag_ not in ("NNP", "NNPS"):
            continue
        u = t
        while u.head.i in ids and u.head.i != u.i and u.dep_ in NAME_DEPS:
            u = u.head
        if u.head.i not in ids or u.head.i == u.i:  # t is a head of the mention, or part of a head's name
            out.add(t.lower_)
    return out


def speaker_why(doc, att, g: dict) -> str:
    """Why candidate ``att`` (an Attribution) has the wrong speaker for gold ``g`` (scorer item: ``C``, ``S``
    characters): the module docstring's ``speaker:*`` rows (``same_person``: the claim's speaker resolves to the gold's
    source, or the two mentions share a proper name, :func:`mention_names`)."""
    if not att.speaker_span:
        return "none"
    PS = set(range(*att.speaker_span))
    R = set(range(*att.resolved_span)) if att.resolved_span else set()
    named = mention_names(doc, PS) | (mention_names(doc, R) if R else set())
    if R & g["S"] or named & mention_names(doc, g["S"]):
        return "same_person"
    if PS & g["C"]:
        return "inner_claim"
    if g["S"] & set().union(*(range(s, e) for s, e in att.spans)):
        return "outer_claim"
    cue = head_of(doc, set(range(*att.cue_span))) if att.cue_span else None
    spk = head_of(doc, PS)
    if cue is None or spk is None:
        return "off_path"
    cls = route_class(cue, route(cue, spk))
    if cls != "own":
        return cls
    if (att.speaker_text or "").lower() in PRONOUNS:
        return "pronoun"
    near = min(abs(min(PS) - max(g["S"])), abs(min(g["S"]) - max(PS)))
    gold_toks = [t for t in doc if g["S"] & set(range(t.idx, t.idx + len(t.text)))]
    if gold_toks and any(abs(t.i - spk.i) <= 2 for t in gold_toks) or near <= 2:
        return "boundary"
    return "other_mention"


def perfect(g: dict, cue: list | None) -> dict:
    """A claim with gold ``g``'s content and source (what a missing claim put right would be)."""
    from attribution_cv import char_runs, outer_span

    return {"spans": char_runs(g["C"]), "speaker_span": outer_span(g["S"]), "cue_span": cue}


def gold_row(doc, g, gi, raw, pairs, P, E, kept_atts, every_atts, segs) -> tuple[str, tuple | None, object]:
    """(row, fix, candidate) of gold ``g`` (index ``gi``): the module docstring's rows; ``fix`` what puts it right:
    ("speaker", j, S) the kept claim j's speaker, ("add", claim) a claim added, or None (nothing can); the
    candidate whose speaker is wrong (``speaker:*`` rows), else None."""
    from graphkit.segments import NOT_RUNNING_TEXT, segment_kind_at

    import attribution_cv as cv
    from oof_buckets import share

    cue = sorted(cv.chars([(s["start"], s["end"]) for s in raw["cue"]])) if raw.get("cue") else []
    cue_span = [cue[0], cue[-1] + 1] if cue else None
    j = pairs.get(gi)
    if j is not None and g["S"] & P[j]["S"]:
        return "e2e", None, None
    if not g["S"]:
        return "no_source", None, None
    if j is not None:
        return "speaker:" + speaker_why(doc, kept_atts[j], g), ("speaker", j, g["S"]), kept_atts[j]
    add = ("add", perfect(g, cue_span))
    if any(share(g, p) > 0.3 for p in P):
        return "taken", add, None
    if any(g["C"] & p["C"] for p in P):
        return "content:kept", add, None
    over = [k for k, e in enumerate(E) if share(g, e) > 0.3]
    right = [k for k in over if g["S"] & E[k]["S"]]
    if right:
        return "dropped_right", ("add", {"spans": [list(r) for r in every_atts[right[0]].spans],
                                         "speaker_span": list(every_atts[right[0]].speaker_span)}), None
    if over:
        return "speaker:" + speaker_why(doc, every_atts[over[0]], g), add, every_atts[over[0]]
    if any(g["C"] & e["C"] for e in E):
        return "content:dropped", add, None
    if segment_kind_at(segs, min(g["C"])) in NOT_RUNNING_TEXT:
        return "no_candidate:headline", add, None
    if cue and any(e.cue_span and set(range(*e.cue_span)) & set(cue) for e in every_atts):
        return "no_candidate:at_cue", add, None
    return "no_candidate:none", add, None


def rows_of(dump: dict) -> tuple[list[dict], dict]:
    """Every gold and every kept claim matching none, a dict each (``doc``, ``row``, ``fix``, ``speech``, texts),
    and the articles by id."""
    import attribution_cv as cv

    from graphkit.confidence import claim_groups
    from graphkit.segments import segments
    from oof_buckets import share

    sc = cv.scorer()
    arts, docs = cv.train_dev_parsed()
    out = []
    for a, doc in zip(arts, docs):
        x = dump["arts"].get(a["id"])
        if x is None:
            continue
        o = cv.oof_article(sc, a, x)
        P, E, G, pairs, left = o.P, o.E, o.G, o.pairs, o.left
        kept_atts = [o.kept[grp[0]] for grp in claim_groups(o.kept)]
        every_atts = [x["atts"][grp[0]] for grp in claim_groups(x["atts"])]
        speech = {frozenset(g["C"]) for g in sc.gold_items(a, True)}
        raw = [r for r in a["attributions"] if r["content"]]
        segs = segments(a["text"], a.get("title"))
        for gi, g in enumerate(G):
            row, fix, att = gold_row(doc, g, gi, raw[gi], pairs, P, E, kept_atts, every_atts, segs)
            sent = doc.char_span(min(g["C"]), min(g["C"]) + 1, alignment_mode="expand")
            right = row.startswith("speaker:") and any(share(g, e) > 0.3 and g["S"] & e["S"] for e in E)
            out.append({
                "doc": a["id"],
                "fold": x["fold"],
                "row": row,
                "fix": fix,
                "speech": frozenset(g["C"]) in speech,
                "right_dropped": right,
                "source": " / ".join(s["text"] for s in raw[gi]["source"]),
                "cue": " / ".join(s["text"] for s in raw[gi]["cue"]),
                "content": " ".join(s["text"] for s in raw[gi]["content"]),
                "sentence": sent.sent.text if sent is not None and row.startswith("speaker") else "",
                "pred_speaker": att and f"{att.speaker_text} ({att.cue})",
                "pred": att and att.text,
            })
        for j in left:
            over = [gi for gi, g in enumerate(G) if g["C"] & P[j]["C"]]
            out.append({"doc": a["id"], "fold": x["fold"], "row": "spurious:" + ("overlap" if over else "alone"),
                        "fix": ("remove", j), "speech": False, "source": kept_atts[j].speaker_text or "",
                        "cue": kept_atts[j].cue, "content": kept_atts[j].text, "pred_speaker": None, "sentence": "",
                        "pred": None})
        for gi, j in pairs.items():
            if not G[gi]["S"]:
                out.append({"doc": a["id"], "fold": x["fold"], "row": "spurious:sourceless", "fix": ("remove", j),
                            "speech": False, "source": "", "cue": kept_atts[j].cue, "content": kept_atts[j].text,
                            "pred_speaker": kept_atts[j].speaker_text, "sentence": "", "pred": None})
    return out, {a["id"]: a for a in arts}


def ceiling(dump: dict, arts: dict, rows: list[dict], name: str | None,
            shipped: dict[str, list[dict]] | None = None) -> list[tuple[float, float]]:
    """Each fold's (all, speech fair) e2e F1 with every row whose name starts ``name`` put right by its fix (None:
    as it is); ``shipped``: ``attribution_cv.shipped_claims(dump, arts)`` when the caller exported it once for
    every row."""
    import attribution_cv as cv

    shipped = cv.shipped_claims(dump, arts) if shipped is None else shipped
    fixes = collections.defaultdict(list)
    for r in rows:
        if name is not None and r["fix"] is not None and (r["row"] == name or r["row"].startswith(name + ":")):
            fixes[r["doc"]].append(r["fix"])
    preds = {}
    for i, P in shipped.items():
        P, gone = list(P), set()
        for fix in fixes.get(i, []):
            if fix[0] == "speaker":
                P[fix[1]] = dict(P[fix[1]], speaker_span=cv.outer_span(fix[2]))
            elif fix[0] == "remove":
                gone.add(fix[1])
        preds[i] = [p for j, p in enumerate(P) if j not in gone] + [fix[1] for fix in fixes.get(i, []) if fix[0] == "add"]
    return cv.fold_f1s(cv.scorer(), dump, arts, preds)


def table(dump: dict, arts: dict, rows: list[dict], worth: bool = True) -> str:
    """The rows by size (golds, of them speech golds, of them at a kept claim whose speaker is wrong, of the wrong
    speakers those with a right candidate the re-scorer or a nested pair's settling dropped) with each row's worth,
    mean paired gain by fold."""
    n, speech, kept, right = collections.Counter(), collections.Counter(), collections.Counter(), collections.Counter()
    for r in rows:
        for name in {r["row"], r["row"].split(":")[0]}:
            n[name] += 1
            speech[name] += r["speech"]
            kept[name] += r["fix"] is not None and r["fix"][0] == "speaker"
            right[name] += r.get("right_dropped", False)
    import attribution_cv as cv

    shipped = cv.shipped_claims(dump, arts)  # exported once, each row's oracle changing a copy
    base = ceiling(dump, arts, rows, None, shipped)
    mean = [statistics.mean(b[m] for b in base) for m in (0, 1)]
    lines = [f"as it is: {mean[0]:.2f} / {mean[1]:.2f} (folds " +
             ", ".join(f"{a:.2f}/{s:.2f}" for a, s in base) + ")",
             f"{'row':28} {'count':>6} {'speech':>6} {'kept':>6} {'right':>6}   "
             "ceiling all / speech fair (mean paired gain by fold)"]
    for name in sorted(n, key=lambda k: (k.split(":")[0], ":" in k, -n[k])):
        line = f"{name:28} {n[name]:6} {speech[name]:6} {kept[name]:6} {right[name]:6}"
        if worth and name not in ("e2e", "no_source"):
            c = ceiling(dump, arts, rows, name, shipped)
            g = [statistics.mean(u[m] - v[m] for u, v in zip(c, base)) for m in (0, 1)]
            line += f"   {mean[0] + g[0]:6.2f} / {mean[1] + g[1]:6.2f}   ({g[0]:+.2f} / {g[1]:+.2f})"
        lines.append(line)
    return "\n".join(lines)


def main(argv=None) -> int:
    from oof_dump import load

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dump", type=Path, help="a pickle written by bench/oof_dump.py")
    ap.add_argument("--no-worth", action="store_true", help="the counts only")
    ap.add_argument("--samples", type=int, default=0, help="print this many of --only's row")
    ap.add_argument("--only", default="", help="a row to sample (a prefix: speaker:)")
    ap.add_argument("--seed", type=int, default=7474, help="the samples' seed")
    a = ap.parse_args(argv)
    dump = load(a.dump)
    rows, arts = rows_of(dump)
    print(table(dump, arts, rows, not a.no_worth), flush=True)
    pool = [r for r in rows if r["row"].startswith(a.only)] if a.samples else []
    for k, r in enumerate(random.Random(a.seed).sample(pool, min(a.samples, len(pool)))):
        print(f"--- {k} [{r['row']}] {r['doc']}\n  {' '.join(r['sentence'].split())[:600]}\n"
              f"  gold: {r['source']} | {r['cue']} | {' '.join(r['content'].split())[:300]}\n"
              f"  ours: {r['pred_speaker']} | {' '.join((r['pred'] or '').split())[:200]}")
    return 0


if __name__ == "__main__":
    from graphkit.errors import script_main

    sys.exit(script_main("loss_table", main))
