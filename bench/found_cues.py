"""The golds graphkit misses out of fold, by what happens at their cue: a candidate is built there (right, or wrong in
content or speaker), or none is, and then why the cue tagger's builder cannot build one.

    python bench/oof_dump.py bench/_work/oof.pkl
    python bench/found_cues.py bench/_work/oof.pkl                                  # every fold, the table
    python bench/found_cues.py bench/_work/oof.pkl --fold 0 --context bench/_work/ctx/f1234/model/model-best \\
        --samples 40 --seed 7452                                                   # fold 0, the cues a tagger finds
    python bench/found_cues.py bench/_work/oof.pkl --fold 0 --unproposed             # why none:builds_CS has no candidate
    python bench/found_cues.py bench/_work/oof.pkl --lost --unproposed               # every fold: the right ones lost

Each gold of train+dev with a source and a cue in running text that the dump's kept predictions do not match end to
end (the scorer's greedy matching, ``attribution_cv.assign``) is put in one bucket by its cue head (the word of the
gold's cue the others hang on; a verb or noun first):

- ``candidate:`` a candidate of the dump (kept or not) has its cue there; ``CS`` right in content and speaker (the
  re-scorer or the matching lost it), ``Cs`` the content right and the speaker wrong, ``cS`` the speaker right and the
  content wrong, ``cs`` both wrong;
- ``none:`` no candidate has its cue there; then what :func:`graphkit.cue_tagger.candidate_of` does with the head:
  ``builds_XY`` it builds one (right or wrong as above: the tagger scored it under its threshold, or the rules'
  overlap kept it out), ``no_content`` / ``no_subject`` it finds none, ``pos:X`` / ``dep:X`` it reads no such word,
  ``not_a_source``, ``shown``, ``content_is_subject``.

Shapes (a gold may have several): ``passive_agent`` (the gold's source is the cue's agent), ``antecedent`` (a relative
clause or participle whose noun is in the gold's content), ``content_before`` / ``content_prev_sentence`` (all of the
content before the cue), ``controller`` (the cue an infinitive whose governing verb's object or subject is the
source), ``source_other_sentence``.

``--lost`` splits the ``candidate:CS`` golds by where their best right candidate is lost (:func:`lost`: under the
re-scorer's threshold, by how far; given way to a more confident claim; kept and lost in the scorer's matching);
``--unproposed`` the ``none:builds_CS`` golds by why the builder's right candidate never reached the re-scorer
(:func:`unproposed`: a rule candidate's precedence, or the cue tagger's score), on ``--fold`` or every fold.

``--context MODEL`` (with ``--fold``: a model of ``bench/train_context_tagger.py`` that never saw the fold) adds each
gold's best P(CUE) over its cue tokens, and the table of the golds it marks at ``--found`` (0.2): the twenty-seventh
part's "cue found". ``--samples N`` prints N of those (or of all, without ``--context``) that are no ``CS`` bucket:
PolNeAR text, to read, never to commit.
"""

from __future__ import annotations

import argparse
import collections
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def cue_head(doc, chars: set):
    """(head token, tokens) of the gold cue whose characters are ``chars``: the token whose head lies outside the
    cue (a verb or noun first), or (None, []) when no token overlaps it.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["He", "has", "said", "so"], heads=[2, 2, 2, 2],
    ...           deps=["nsubj", "aux", "ROOT", "advmod"], pos=["PRON", "AUX", "VERB", "ADV"])
    >>> head, toks = cue_head(doc, set(range(3, 12)))
    >>> head.text, [t.text for t in toks]
    ('said', ['has', 'said'])
    """
    toks = [t for t in doc if any(c in chars for c in range(t.idx, t.idx + max(1, len(t.text))))]
    if not toks:
        return None, []
    ids = {t.i for t in toks}
    heads = [t for t in toks if t.head.i not in ids or t.head.i == t.i]
    return next((t for t in heads if t.pos_ in ("VERB", "AUX", "NOUN")), heads[0]), toks


def _right(C: set, S: set, content: set, speaker: set) -> str:
    """Two letters: content right (``C``: over 30 % of the gold's) or not (``c``), speaker right (``S``) or not.

    >>> _right({1, 2, 3}, {9}, {2, 3}, {8}), _right({1, 2, 3, 4}, {9}, {4}, {9})
    ('Cs', 'cS')
    """
    return ("C" if len(C & content) / len(C) > 0.3 else "c") + ("S" if S & speaker else "s")


def why_none(t, C: set, S: set, cues) -> str:
    """What :func:`graphkit.cue_tagger.candidate_of` does with cue head ``t`` (the module docstring's ``none:``)."""
    from graphkit.cue_tagger import POS, content_of, subject_tokens
    from graphkit.frames_parse import not_a_source
    from graphkit.frames_verb_content import shown_act

    from attribution_cv import token_chars

    if t.pos_ not in POS:
        return f"pos:{t.pos_}"
    if t.dep_ in ("amod", "compound", "aux", "auxpass"):
        return f"dep:{t.dep_}"
    content, subj, frame = content_of(t, cues)
    if not content:
        return "no_content"
    if subj is None:
        return "no_subject"
    if not_a_source(subj):
        return "not_a_source"
    if frame == "object" and shown_act(t, subj, cues):
        return "shown"
    content = content - subject_tokens(t, subj) - {t.i}
    if not content:
        return "content_is_subject"
    return "builds_" + _right(C, S, token_chars(t.doc, content), token_chars(t.doc, {subj.i}))


def shapes(t, con: set, src: set) -> list[str]:
    """The module docstring's shapes of a gold whose cue head is ``t`` (``con`` / ``src``: its content's and source's
    token indices)."""
    out = []
    if any(c.dep_ == "agent" and src & {u.i for u in c.subtree} for c in t.children):
        out.append("passive_agent")
    if t.dep_ in ("relcl", "acl") and t.head.i in con:
        out.append("antecedent")
    if con and max(con) < t.sent.start:
        out.append("content_prev_sentence")
    elif con and max(con) < t.i:
        out.append("content_before")
    if t.dep_ == "xcomp" and any(c.dep_ in ("dobj", "nsubj") and c.i in src for c in t.head.children):
        out.append("controller")
    if src and not any(t.sent.start <= i < t.sent.end for i in src):
        out.append("source_other_sentence")
    return out


def missed(dump: dict, fold=None, context=None, extra=None) -> list[dict]:
    """One row per missed gold (the module docstring says which): its bucket, shapes, cue head and texts.

    ``extra(row, doc, gold, every, E)``, when given, adds its dict to each row: ``gold`` the scorer's gold item
    (``C``, ``S`` character sets), ``every`` the dump's candidates exported (kept or not) and ``E`` their scorer
    items; ``row["at"]`` maps the index in ``every`` of each candidate whose cue overlaps the gold's to its two
    letters (:func:`_right`)."""
    import attribution_cv as cv

    from graphkit.cues import default_cues
    from graphkit.segments import NOT_RUNNING_TEXT, segment_kind_at, segments

    nlp = None
    if context is not None:
        import spacy
        from train_context_tagger import cue_probabilities, needed

        nlp = spacy.load(needed(Path(context), "contextual tagger",
                                "train one with `python bench/train_context_tagger.py data` and `... train`"))
    sc = cv.scorer()
    cues = default_cues()
    arts, docs = cv.train_dev_parsed()
    rows = []
    for a, d in zip(arts, docs):
        x = dump["arts"].get(a["id"])
        if x is None or fold is not None and x["fold"] != fold:
            continue
        o = cv.oof_article(sc, a, x)
        every, P, E, G, pairs = o.every_claims, o.P, o.E, o.G, o.pairs
        raw = [g for g in a["attributions"] if g["content"]]
        segs = segments(a["text"], a.get("title"))
        p_cue = cue_probabilities(nlp, d) if nlp is not None else None
        for gi, g in enumerate(G):
            r = raw[gi]
            if not r.get("cue") or not g["S"]:
                continue
            cue = cv.chars([(s["start"], s["end"]) for s in r["cue"]])
            if segment_kind_at(segs, min(cue)) in NOT_RUNNING_TEXT:
                continue
            j = pairs.get(gi)
            if j is not None and g["S"] & P[j]["S"]:
                continue
            t, toks = cue_head(d, cue)
            if t is None:
                continue
            at = {k: _right(g["C"], g["S"], pe["C"], pe["S"]) for k, (e, pe) in enumerate(zip(every, E))
                  if e.get("cue_span") and set(range(*e["cue_span"])) & cue}
            kinds = sorted(set(at.values()))
            bucket = ("candidate:" + kinds[0]) if kinds else "none:" + why_none(t, g["C"], g["S"], cues)
            con = {u.i for u in d if g["C"] & set(range(u.idx, u.idx + len(u.text)))}
            src = {u.i for u in d if g["S"] & set(range(u.idx, u.idx + len(u.text)))}
            rows.append({"doc": a["id"], "i": t.i, "gold": gi, "bucket": bucket, "shapes": shapes(t, con, src),
                         "right": [k for k, v in at.items() if v == "CS"],
                         "p_cue": None if p_cue is None else max(p_cue[u.i] for u in toks),
                         "head": f"{t.text}/{t.pos_}/{t.dep_}", "source": " / ".join(s["text"] for s in r["source"]),
                         "cue": " / ".join(s["text"] for s in r["cue"]),
                         "content": " / ".join(s["text"] for s in r["content"]), "sentence": t.sent.text})
            if extra is not None:
                rows[-1]["at"] = at
                rows[-1].update(extra(rows[-1], d, g, every, E))
    return rows


def unproposed(rows: list[dict], fold=None) -> collections.Counter:
    """Why no candidate of the cue tagger reached the re-scorer for the ``none:builds_CS`` golds of ``fold`` (every
    fold when None; the builder builds a right one): its cue head a rule candidate's cue token (``rule_cue``), inside
    a rule candidate's content (``inside_rule_content``), a rule cue inside its content (``rule_cue_inside``), over
    half of its content a rule candidate's (``half_ruled``): `graphkit.attribution.rule_overlaps`, the first that holds;
    or scored under the tagger's threshold by the article's fold tagger, refitted on the other folds as ``--cv 5``
    does (``score<T``, with ``score_0.1-T`` for those at 0.1 or more); ``later`` when none holds (a later stage
    dropped it). Each such row gets its reason (``"unproposed"``) and the tagger's score (``"p_tagger"``)."""
    import attribution_cv as cv

    from graphkit.attribution import cue_sites, frame_candidates, rule_overlaps, rule_positions
    from graphkit.cue_tagger import proposals, score_token
    from graphkit.cues import default_cues
    from graphkit.doc_reading import doc_text, sentences_indexed
    from graphkit.quotes import find_quotes

    want = collections.defaultdict(list)
    for r in rows:
        if r["bucket"] == "none:builds_CS":
            want[r["doc"]].append(r)
    arts, docs = cv.train_dev_parsed()
    folds = [cv.fold_of(a["id"], 5) for a in arts]
    taggers = cv.fold_taggers(arts, docs, folds, 5, label="new", log=lambda *_: None)
    cues = default_cues()
    n: collections.Counter = collections.Counter()
    for a, d, f in zip(arts, docs, folds):
        if a["id"] not in want or fold is not None and f != fold:
            continue
        tagger = taggers[f]
        t_min = float(tagger["threshold"])
        with sentences_indexed(d):
            text = doc_text(d)
            quotes = find_quotes(text)
            cands = frame_candidates(d, text, quotes, cues, cue_sites(d, cues, quotes), frozenset(), False, None)
            taken, ruled = rule_positions(cands)
            props = {t.i: (content, score_token(tagger, f)) for t, content, _, _, f in proposals(d, cues)}
            for r in want[a["id"]]:
                i = r["i"]
                content, p = props.get(i, (set(), 1.0))
                k = next(iter(rule_overlaps(i, content, taken, ruled)), f"score<{t_min}" if p < t_min else "later")
                n[k] += 1
                if p < t_min and k.startswith("score") and p >= 0.1:
                    n[f"score_0.1-{t_min}"] += 1
                r["unproposed"], r["p_tagger"] = k, p
    return n


def candidate_key(a) -> tuple:
    """What tells one candidate of an article from another after `apply_scores` copies it.

    >>> from graphkit.records import Attribution
    >>> a = Attribution(spans=[(14, 30)], text="the plan failed", cue="said", cue_span=(8, 12), speaker_span=(0, 7))
    >>> candidate_key(a)
    (((14, 30),), (8, 12), (0, 7), False)
    >>> candidate_key(a.model_copy(update={"confidence": 0.2})) == candidate_key(a)   # a score is no part of it
    True
    """
    return a.spans, a.cue_span, a.speaker_span, a.continuation


def _margin(s: float, t: float) -> str:
    """How far under its threshold ``t`` a score ``s`` lies: ``near`` (within 0.1), ``mid`` (0.1-0.25), ``far``.

    >>> _margin(0.45, 0.5), _margin(0.3, 0.5), _margin(0.1, 0.5)
    ('near', 'mid', 'far')
    """
    return "near" if s >= t - 0.1 else "mid" if s >= t - 0.25 else "far"


def where_lost(c, s: float, t: float, tl: float, kept: bool, paired: bool, covered: bool) -> str:
    """:func:`lost`'s bucket of a missed gold's best right candidate ``c`` (an ``Attribution``) scored ``s`` (rule
    threshold ``t``, tagger threshold ``tl``): ``kept`` it is among the kept claims, ``paired`` the scorer's matching
    gave the gold another kept prediction, ``covered`` a kept exported claim covers the gold end to end.

    >>> from graphkit.records import Attribution
    >>> rule = Attribution(spans=[(0, 5)], text="words", cue="said")
    >>> where_lost(rule, 0.45, 0.5, 0.6, False, False, False), where_lost(rule, 0.55, 0.5, 0.6, False, False, False)
    ('below:rule:near', 'gave_way')
    >>> tagged = rule.model_copy(update={"cue_score": 0.4})
    >>> where_lost(tagged, 0.55, 0.5, 0.6, False, False, False), where_lost(rule, 0.7, 0.5, 0.6, True, False, True)
    ('below:tagger:near', 'kept:taken')
    """
    th = t if c.cue_score is None else tl
    if s < th:
        return f"below:{'rule' if c.cue_score is None else 'tagger'}:{_margin(s, th)}"
    if not kept:
        return "continuation_dropped" if c.continuation else "gave_way"
    if paired:
        return "kept:greedy_other"
    return "kept:taken" if covered else "kept:export"


def lost(dump: dict, rows: list[dict]) -> collections.Counter:
    """Where the ``candidate:CS`` golds of ``rows`` (a right candidate at the cue, the gold still missed) are lost,
    by their best-scored right candidate (a claim with its continuations, ``confidence.claim_groups``):

    - ``below:{rule,tagger}:{near,mid,far}``: the re-scorer scores it under its origin's threshold (:func:`_margin`);
    - ``gave_way`` / ``continuation_dropped``: scored over it, then dropped by ``confidence.nested_give_way`` (a more
      confident claim holds its speaker, or shares it with a cue inside) / with the claim it continues;
    - ``kept:greedy_other``: kept, and the scorer's greedy matching gave the gold another kept prediction covering
      more of its content, with another speaker; ``kept:taken``: kept, and matched to an earlier gold;
      ``kept:export``: kept, but the claim exported (its continuations kept or dropped) no longer covers the gold."""
    import attribution_cv as cv

    from graphkit.confidence import claim_groups

    sc = cv.scorer()
    arts = {a["id"]: a for a in cv.load_articles(("train", "dev"))}
    n: collections.Counter = collections.Counter()
    by_doc = collections.defaultdict(list)
    for r in rows:
        if r["bucket"] == "candidate:CS":
            by_doc[r["doc"]].append(r)
    for doc_id, rs in by_doc.items():
        x, a = dump["arts"][doc_id], arts[doc_id]
        atts, scores = x["atts"], x["scores"]
        groups = claim_groups(atts)
        o = cv.oof_article(sc, a, x, every=False)
        kept = {candidate_key(k) for k in o.kept}
        P, G, pairs = o.P, o.G, o.pairs
        for r in rs:
            i = max((groups[k][0] for k in r["right"]), key=lambda j: scores[j])
            g = G[r["gold"]]
            k = where_lost(atts[i], scores[i], x["t"], x["tl"], candidate_key(atts[i]) in kept, r["gold"] in pairs,
                           any(len(g["C"] & p["C"]) / len(g["C"]) > 0.3 and g["S"] & p["S"] for p in P))
            n[k] += 1
            r["lost"] = k
    return n


def table(rows: list[dict]) -> str:
    """Buckets by count, each with its shapes."""
    n = collections.Counter(r["bucket"] for r in rows)
    by = collections.defaultdict(collections.Counter)
    for r in rows:
        by[r["bucket"]].update(r["shapes"] or ["-"])
    lines = [f"{len(rows)} missed golds"]
    for k, v in n.most_common():
        lines.append(f"{k:32} {v:6}   " + ", ".join(f"{s} {c}" for s, c in by[k].most_common() if s != "-"))
    return "\n".join(lines)


def main(argv=None) -> int:
    from oof_dump import load

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dump", type=Path, help="a pickle written by bench/oof_dump.py")
    ap.add_argument("--fold", type=int, default=None, help="only this fold's articles")
    ap.add_argument("--context", type=Path, default=None,
                    help="a contextual tagger (bench/train_context_tagger.py) that never saw --fold")
    ap.add_argument("--found", type=float, default=0.2, help="the P(CUE) at which the contextual tagger finds a cue")
    ap.add_argument("--samples", type=int, default=0, help="print this many golds of the builder's buckets")
    ap.add_argument("--seed", type=int, default=7452, help="the samples' seed")
    ap.add_argument("--unproposed", action="store_true",
                    help="why the builder's right candidates (none:builds_CS) never reached the re-scorer, on --fold or "
                         "every fold (the fold taggers refitted, about a minute)")
    ap.add_argument("--lost", action="store_true",
                    help="where the golds with a right candidate (candidate:CS) are lost: under the threshold, "
                         "given way, or kept and lost in the matching (seconds)")
    a = ap.parse_args(argv)
    if a.context is not None and a.fold is None:
        ap.error("--context needs --fold: the fold the contextual tagger never saw")
    dump = load(a.dump)
    rows = missed(dump, a.fold, a.context)
    print(table(rows))
    if a.lost:
        print("\nwhere the right candidates (candidate:CS) are lost:")
        print(", ".join(f"{k} {v}" for k, v in sorted(lost(dump, rows).items())))
    if a.unproposed:
        print("\nwhy the builder's right candidates never reached the re-scorer:")
        print(", ".join(f"{k} {v}" for k, v in unproposed(rows, a.fold).most_common()))
    if a.context is not None:
        rows = [r for r in rows if r["p_cue"] >= a.found]
        print(f"\nthe contextual tagger finds the cue (P(CUE) >= {a.found}):")
        print(table(rows))
    pool = [r for r in rows if not r["bucket"].endswith("CS")]
    for k, r in enumerate(random.Random(a.seed).sample(pool, min(a.samples, len(pool)))):
        print(f"--- {k} [{r['bucket']}] {r['head']} {r['shapes']}\n  {' '.join(r['sentence'].split())}\n"
              f"  source: {r['source']} | cue: {r['cue']} | content: {' '.join(r['content'].split())[:300]}")
    return 0


if __name__ == "__main__":
    from graphkit.errors import script_main

    sys.exit(script_main("found_cues", main))
