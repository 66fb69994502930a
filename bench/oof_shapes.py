"""The golds no candidate covers, by shape, from an out-of-fold dump (bench/oof_dump.py): counts only, no text.

    python bench/oof_dump.py bench/_work/oof.pkl && python bench/oof_shapes.py bench/_work/oof.pkl

For every gold of PolNeAR train+dev with a source, whether any candidate of the dump (kept or dropped, continuations
folded as the export folds them) overlaps its content; then, for those none overlaps and for all golds, the shape of
the gold (:func:`shapes`): before the article's first blank line (headline, standfirst), the part of speech of its
cue's head in the parse, the cue lemma in ``models/cues.yaml`` or not, direct (a quote mark in the content), content
over several sentences, the cue or the source in another sentence than the content, "according to". Then the golds
none overlaps whose cue head is a verb of the lexicon and that stand in running text (``graphkit.segments``), by why
the rules give them nothing (:func:`why_no_candidate`) and the cue's dependency (bench/README.md, issue 13,
twenty-first part).
"""

from __future__ import annotations

import argparse
import bisect
import collections
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def head_of(doc, pieces: list[dict]):
    """The token of ``pieces`` (PolNeAR spans) highest in the parse, or None."""
    toks = [t for x in pieces for t in (doc.char_span(x["start"], x["end"], alignment_mode="expand") or [])]
    return min(toks, key=lambda t: len(list(t.ancestors))) if toks else None


def shapes(gold: dict, text: str, starts: list[int], head, lexicon: set) -> list[str]:
    """The shape labels of one PolNeAR gold attribution (``starts``: sentence start characters; ``head``: its cue's
    head token or None).

    >>> g = {"content": [{"start": 30, "end": 40, "text": "x"}], "cue": [{"start": 20, "end": 29, "text": "according to"}],
    ...      "source": [{"start": 13, "end": 18, "text": "y"}]}
    >>> shapes(g, "T" * 10 + "\\n\\n" + "z" * 40, [0, 12], None, set())
    ['according_to']
    """
    def sent(ch):
        return bisect.bisect_right(starts, ch) - 1

    c0 = min(x["start"] for x in gold["content"])
    ksent = {sent(x["start"]) for x in gold["content"]} | {sent(x["end"] - 1) for x in gold["content"]}
    cue_s = {sent(x["start"]) for x in gold["cue"]}
    src_s = {sent(x["start"]) for x in gold["source"]}
    cue = " ".join(x["text"] for x in gold["cue"]).lower().strip()
    blank = text.find("\n\n")
    out = []
    if blank > 0 and c0 < blank:
        out.append("before_first_blank_line")
    if max(ksent) > min(ksent):
        out.append("content_multi_sentence")
    if gold["cue"] and not cue_s & ksent:
        out.append("cue_other_sentence")
    if src_s and not src_s & ksent and not src_s & cue_s:
        out.append("source_other_sentence")
    if "according" in cue:
        out.append("according_to")
    if re.search(r"[\"“”]", " ".join(x["text"] for x in gold["content"])):
        out.append("direct")
    if head is not None:
        out.append(f"pos={head.pos_}")
        out.append("lexicon" if head.lemma_.lower() in lexicon else "not_lexicon")
    return out


def why_no_candidate(head, atts: list) -> str:
    """Why a lexicon verb heading a gold's cue gave no candidate over its content: another content holds the cue, a
    candidate on the cue has its content elsewhere, the cue is negated, or no frame found a content."""
    if any(a.cue_span and a.cue_span[0] <= head.idx < a.cue_span[1] for a in atts):
        return "cue_has_candidate_elsewhere"
    if any(s <= head.idx < e for a in atts for s, e in a.spans):
        return "cue_inside_other_content"
    if any(c.dep_ == "neg" for c in head.children):
        return "negated"
    return "no_frame"


def main(argv=None) -> int:
    import attribution_cv as cv
    from oof_dump import load

    from graphkit.attribution import NOT_RUNNING_TEXT
    from graphkit.cues import default_cues
    from graphkit.doc_reading import sentences
    from graphkit.segments import segment_kind_at, segments

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dump", type=Path, help="a pickle written by bench/oof_dump.py")
    a = ap.parse_args(argv)
    D = load(a.dump)
    sc = cv.scorer()
    cues = default_cues()
    verbs = set(cues.any_verb)
    lexicon = verbs | set(cues.nouns) | set(cues.adjectives)
    arts, docs = cv.train_dev_parsed()
    n: collections.Counter = collections.Counter()
    why: collections.Counter = collections.Counter()
    for art, doc in zip(arts, docs):
        d = D["arts"][art["id"]]
        E = sc.pred_items(cv.export(art, d["atts"]))
        raw = [g for g in art["attributions"] if g["content"]]
        starts = [s.start_char for s in sentences(doc)]
        segs = segments(art["text"], art.get("title"))
        for g, G in zip(raw, sc.gold_items(art, False)):
            if not G["S"]:
                continue
            hit = any(G["C"] & e["C"] for e in E)
            head = head_of(doc, g["cue"])
            for s in ["all"] + shapes(g, art["text"], starts, head, lexicon):
                n[(s, "golds")] += 1
                n[(s, "covered" if hit else "no_candidate")] += 1
            if hit or head is None:
                continue
            if segment_kind_at(segs, head.idx) in NOT_RUNNING_TEXT:
                why["not running text (any cue)"] += 1
            elif head.pos_ == "VERB" and head.lemma_.lower() in verbs:
                w = why_no_candidate(head, d["atts"])
                why[w] += 1
                why[f"{w} | {head.dep_}"] += 1
    print(f"{'shape':28} {'no candidate':>12} {'golds':>7}")
    for s in sorted({k for k, _ in n}, key=lambda s: -n[(s, "no_candidate")]):
        print(f"{s:28} {n[(s, 'no_candidate')]:>12} {n[(s, 'golds')]:>7}")
    print("\nno candidate, the cue's head a lexicon verb in running text:")
    for k, v in why.most_common(30):
        print(f"  {k:45} {v:>6}")
    return 0


if __name__ == "__main__":
    from graphkit.errors import script_main

    sys.exit(script_main("oof_shapes", main))
