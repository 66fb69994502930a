"""A contextual cue/content tagger trained with ``spacy train`` on CPU, measured against the logistic cue tagger.

Issue #13, twenty-seventh part (bench/README.md): the notes said the missed cues "need a contextual model this CPU
cannot train". This script tests that on one fold before anyone believes it:

    python bench/train_context_tagger.py data      # bench/_work/ctx/{train,dev}.spacy and config.cfg from ../shared
    python bench/train_context_tagger.py train     # spacy train, capped (--minutes, default 25), one thread
    python bench/train_context_tagger.py measure   # fold 0: the missed golds each tagger finds, at what precision
    python bench/train_context_tagger.py e2e       # fold 0 through the re-scorer (needs --folds 1 2 and 3 4 trained)
    python bench/train_context_tagger.py speed     # its CPU cost against bare nlp.pipe
    python bench/train_context_tagger.py cv        # 5-fold CV, P(CUE) a re-scorer feature (a model without each fold)

What the model is: a spaCy ``tagger`` component with its own small tok2vec (hash embeddings of the word's norm,
prefix, suffix, shape, lemma, fine tag and dependency label, then a 4-layer maxout window CNN: each token sees four
tokens either side), trained from scratch on the sentences of the training folds, one label per token: ``CUE`` (the
token lies in a gold cue), ``SRC`` (in a gold source), ``CON`` (in a gold content), ``O``; a cue wins over a source,
a source over a content (a nested attribution's cue inside an outer content is a cue). Its input is the
``en_core_web_sm`` parse graphkit already has (read from the CV's parse cache, ``bench/_work/parse``), so at run time
it would add one small CNN over the parse, nothing else. Why this shape: the machine has no GPU and no torch (no
transformer, no BiLSTM); en_core_web_sm has no word vectors; a listener on sm's own tok2vec would freeze 96 features
tuned for tagging and parsing, while a trainable CNN over the parse's labels learns which contexts hold a cue and
costs about the same.

The split is :func:`attribution_cv.fold_of` (k 5): the model is trained on folds 1-4 (less a 5 % slice, by another
hash, that ``spacy train`` scores for its best checkpoint) and measured on fold 0, which it never saw. The logistic
tagger is refitted on the same folds as ``--cv 5`` does (:func:`attribution_cv.fold_taggers`).

Everything written derives from PolNeAR: it stays under the git-ignored ``bench/_work/ctx``, never in the repository.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import hashlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "bench" / "_work" / "ctx"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

#: the tagger's labels, most specific first (a token in two spans takes the first)
LABELS = ("CUE", "SRC", "CON")
#: the fold measured (the model never sees it) and the number of folds, as ``--cv 5``
FOLD, K = 0, 5

CONFIG = """
[paths]
train = null
dev = null

[system]
seed = 0
gpu_allocator = null

[nlp]
lang = "en"
pipeline = ["cue"]
batch_size = 256

[components]

[components.cue]
factory = "tagger"
overwrite = true
neg_prefix = "!"

[components.cue.model]
@architectures = "spacy.Tagger.v2"
nO = null
normalize = false

[components.cue.model.tok2vec]
@architectures = "spacy.Tok2Vec.v2"

[components.cue.model.tok2vec.embed]
@architectures = "spacy.MultiHashEmbed.v2"
width = {width}
attrs = ["NORM", "PREFIX", "SUFFIX", "SHAPE", "LEMMA", "TAG", "DEP"]
rows = [5000, 1000, 2500, 2500, 5000, 200, 200]
include_static_vectors = false

[components.cue.model.tok2vec.encode]
@architectures = "spacy.MaxoutWindowEncoder.v2"
width = {width}
depth = {depth}
window_size = 1
maxout_pieces = 3

[corpora]

[corpora.train]
@readers = "graphkit.cue_sentences.v1"
path = ${{paths.train}}

[corpora.dev]
@readers = "graphkit.cue_sentences.v1"
path = ${{paths.dev}}

[training]
seed = ${{system.seed}}
gpu_allocator = ${{system.gpu_allocator}}
dropout = 0.1
accumulate_gradient = 1
patience = 0
max_epochs = {epochs}
max_steps = 0
eval_frequency = {eval_frequency}
frozen_components = []
annotating_components = []
dev_corpus = "corpora.dev"
train_corpus = "corpora.train"

[training.batcher]
@batchers = "spacy.batch_by_words.v1"
discard_oversize = false
tolerance = 0.2

[training.batcher.size]
@schedules = "compounding.v1"
start = 100
stop = 1000
compound = 1.001

[training.optimizer]
@optimizers = "Adam.v1"
beta1 = 0.9
beta2 = 0.999
L2_is_weight_decay = true
L2 = 0.01
grad_clip = 1.0
learn_rate = 0.001

[training.score_weights]
tag_acc = 1.0

[initialize]
vectors = null
"""


from graphkit.errors import GraphkitError  # noqa: E402 (after the path insert)


class ContextTaggerMissing(GraphkitError):
    """A model or training data this script reads is not there: the message says which command writes it."""


def needed(path: Path, what: str, fix: str) -> Path:
    """``path`` if it exists, else a one-line :class:`ContextTaggerMissing`.

    >>> needed(Path("/nonexistent/model-best"), "contextual tagger", "train one with `x`")
    Traceback (most recent call last):
    train_context_tagger.ContextTaggerMissing: no contextual tagger at /nonexistent/model-best: train one with `x`
    """
    if not Path(path).exists():
        raise ContextTaggerMissing(f"no {what} at {path}: {fix}")
    return Path(path)


def _register_reader() -> None:
    """``graphkit.cue_sentences.v1``: a DocBin of parsed sentences whose ``user_data["labels"]`` are the gold labels,
    read as Examples (predicted: the parse as it is; reference: the same words with the labels as tags)."""
    import spacy
    from spacy.tokens import Doc, DocBin
    from spacy.training import Example

    @spacy.registry.readers("graphkit.cue_sentences.v1")
    def cue_sentences(path: str):
        def read(nlp):
            for doc in DocBin(store_user_data=True).from_disk(path).get_docs(nlp.vocab):
                ref = Doc(nlp.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc],
                          tags=list(doc.user_data["labels"]))
                yield Example(doc, ref)
        return read


try:  # registered on import, so `spacy train --code bench/train_context_tagger.py` finds it
    _register_reader()
except ImportError:  # pragma: no cover - spaCy missing: `main` says so
    pass


def token_labels(article: dict, doc) -> list[str]:
    """One label per token of ``doc``: ``CUE``, ``SRC`` or ``CON`` when the token overlaps a gold span of that kind
    (the first of :data:`LABELS` that holds), else ``O``: an inner cue inside an outer content is a cue.

    >>> import spacy
    >>> doc = spacy.blank("en")("Kim said Lee told him no.")
    >>> outer = {"source": [{"start": 0, "end": 3}], "cue": [{"start": 4, "end": 8}], "content": [{"start": 9, "end": 24}]}
    >>> inner = {"source": [{"start": 9, "end": 12}], "cue": [{"start": 13, "end": 17}], "content": [{"start": 18, "end": 24}]}
    >>> token_labels({"attributions": [outer, inner]}, doc)
    ['SRC', 'CUE', 'SRC', 'CUE', 'CON', 'CON', 'O']
    """
    kinds = {"CUE": "cue", "SRC": "source", "CON": "content"}
    spans = {lab: set() for lab in LABELS}
    for g in article["attributions"]:
        for lab, key in kinds.items():
            for s in g.get(key) or ():
                spans[lab].update(range(s["start"], s["end"]))
    out = []
    for t in doc:
        chars = range(t.idx, t.idx + max(1, len(t.text)))
        out.append(next((lab for lab in LABELS if any(c in spans[lab] for c in chars)), "O"))
    return out


def sentence_docs(doc, labels=None) -> list:
    """The Doc's sentences as Docs of their own (parse kept), each with its slice of ``labels`` in user_data."""
    out = []
    for s in doc.sents:
        d = s.as_doc()
        if labels is not None:
            d.user_data["labels"] = labels[s.start:s.end]
        out.append(d)
    return out


def _dev_slice(doc_id: str) -> bool:
    """The 5 % of training articles ``spacy train`` scores for its best checkpoint (a hash unlike fold_of's)."""
    return int(hashlib.sha1(("ctx-dev:" + doc_id).encode()).hexdigest(), 16) % 20 == 0


def corpus():
    """(articles, parsed docs, folds) of PolNeAR train+dev, as ``--cv 5`` reads them."""
    import attribution_cv as cv

    arts, docs = cv.train_dev_parsed()
    return arts, docs, [cv.fold_of(a["id"], K) for a in arts]


def run_dir(train_folds) -> Path:
    """Where one training's data, config and model live: bench/_work/ctx/f1234 for folds 1-4."""
    return WORK / ("f" + "".join(str(f) for f in sorted(train_folds)))


def make_data(train_folds, width: int, depth: int, epochs: int, eval_frequency: int) -> None:
    """Write train.spacy, dev.spacy (the sentences of ``train_folds``) and config.cfg under :func:`run_dir`."""
    from spacy.tokens import DocBin

    arts, docs, folds = corpus()
    out = run_dir(train_folds)
    out.mkdir(parents=True, exist_ok=True)
    bins = {"train": DocBin(store_user_data=True), "dev": DocBin(store_user_data=True)}
    n = collections.Counter()
    for a, d, f in zip(arts, docs, folds):
        if f not in train_folds:
            continue
        part = "dev" if _dev_slice(a["id"]) else "train"
        labels = token_labels(a, d)
        n.update(f"{part}:{lab}" for lab in labels)
        n[f"{part}:articles"] += 1
        for s in sentence_docs(d, labels):
            bins[part].add(s)
    for part, db in bins.items():
        db.to_disk(out / f"{part}.spacy")
    (out / "config.cfg").write_text(CONFIG.format(width=width, depth=depth, epochs=epochs,
                                                   eval_frequency=eval_frequency), encoding="utf-8")
    print(json.dumps(dict(sorted(n.items())), indent=1))
    print(f"wrote {out}/train.spacy, dev.spacy, config.cfg")


def train(train_folds, minutes: float) -> int:
    """``spacy train`` on the data of :func:`make_data`, one thread, stopped after ``minutes`` (model-best stays)."""
    env = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
    d = run_dir(train_folds)
    folds = " ".join(map(str, sorted(train_folds)))
    needed(d / "config.cfg", "training data",
           f"write it with `python bench/train_context_tagger.py data --folds {folds}`")
    cmd = ["timeout", str(int(minutes * 60)), sys.executable, "-m", "spacy", "train", str(d / "config.cfg"),
           "--output", str(d / "model"), "--paths.train", str(d / "train.spacy"), "--paths.dev", str(d / "dev.spacy"),
           "--code", str(Path(__file__).resolve())]
    print(" ".join(cmd), flush=True)
    t0 = time.perf_counter()
    rc = subprocess.call(cmd, env=env)
    print(f"spacy train rc {rc} in {time.perf_counter() - t0:.0f}s (124: stopped at the cap; model-best is kept)")
    return 0 if rc in (0, 124) else rc


def cue_probabilities(nlp, doc) -> list[float]:
    """P(CUE) of each token of ``doc``, the contextual tagger run sentence by sentence as it was trained."""
    import numpy as np

    pipe = nlp.get_pipe("cue")
    k = list(pipe.labels).index("CUE")
    sents = sentence_docs(doc)
    out = []
    for scores in pipe.model.predict(sents):  # spacy.Tagger.v2 with normalize = false: scores, not probabilities
        z = np.exp(scores - scores.max(axis=1, keepdims=True))
        out.extend(float(x) for x in z[:, k] / z.sum(axis=1))
    return out


def cue_only_probabilities(nlp, doc, heads, reach: int = 16) -> dict[int, float]:
    """P(CUE) at the tokens ``heads`` of ``doc`` only (a candidate's cue head each), the contextual tagger run on a
    window of ``reach`` tokens either side of each, clipped to its sentence: the same numbers as
    :func:`cue_probabilities` gives there once ``reach`` covers the model's receptive field (measured on the
    twenty-seventh part's model: reach 4 differs by up to 0.24, 8 by 0.06, 16 not at all; `speed` prints the largest
    gap), for the tokens of the windows only (issue 13, thirtieth part)."""
    import numpy as np

    pipe = nlp.get_pipe("cue")
    k = list(pipe.labels).index("CUE")
    heads = sorted(set(heads))
    if not heads:
        return {}
    spans = []
    for i in heads:
        s = doc[i].sent
        spans.append((i, max(s.start, i - reach), min(s.end, i + reach + 1)))
    out = {}
    for (i, lo, _), scores in zip(spans, pipe.model.predict([doc[lo:hi].as_doc() for _, lo, hi in spans])):
        row = scores[i - lo]
        z = np.exp(row - row.max())
        out[i] = float(z[k] / z.sum())
    return out


def measure(model_dir: Path, thresholds: list[float]) -> dict:
    """Fold 0: the golds no rule candidate overlaps (a source and a cue, the cue in running text), and how many
    of them each tagger finds, at what precision, over the same tokens (no rule cue among them):

    - ``cue``: a token of the gold's cue selected; ``cand``: a selected token from which
      :func:`graphkit.cue_tagger.candidate_of` builds a candidate that matches the gold end to end (the tagger's
      label: content > 30 %, speaker head in the source);
    - precision ``P_tok``: the share of selected tokens that lie in any gold cue of the article; over every token
      (the contextual model) and over the tokens that give a candidate (both; the logistic tagger scores only those).
    """
    import spacy

    import attribution_cv as cv

    from graphkit.attribution import attributions
    from graphkit.cue_tagger import proposals, score_token
    from graphkit.cues import default_cues
    from graphkit.segments import NOT_RUNNING_TEXT, segment_kind_at, segments

    arts, docs, folds = corpus()
    cached = WORK / f"logistic_fold{FOLD}.json"  # the refit is deterministic: kept between runs
    if cached.exists():
        logistic = json.loads(cached.read_text(encoding="utf-8"))
    else:
        t0 = time.perf_counter()
        logistic = cv.fold_taggers(arts, docs, folds, K, label="new")[FOLD]
        cached.write_text(json.dumps(logistic), encoding="utf-8")
        print(f"logistic tagger of fold {FOLD} refitted ({time.perf_counter() - t0:.0f}s)", flush=True)
    nlp = spacy.load(model_dir)
    cues = default_cues()
    rows = []  # per token: (ctx p, logistic p or None, in a gold cue, ruled, missed gold ids by cue, by cand)
    missed_total = 0
    t_ctx = 0.0
    n_tok = 0
    for a, d, f in zip(arts, docs, folds):
        if f != FOLD:
            continue
        rule = attributions(d, tagger=False)
        rule_chars = cv.chars([s for x in rule for s in x.spans])
        rule_cue = cv.chars([x.cue_span for x in rule if x.cue_span])
        segs = segments(a["text"], a.get("title"))
        golds = []
        gold_cue = set()
        every = [(cv.chars([(s["start"], s["end"]) for s in g["content"]]),
                  cv.chars([(s["start"], s["end"]) for s in g["source"]]))
                 for g in a["attributions"] if g.get("content") and g.get("source")]
        for g in a["attributions"]:
            if not g.get("cue"):
                continue
            cue = cv.chars([(s["start"], s["end"]) for s in g["cue"]])
            gold_cue |= cue
            if not g.get("source") or not g.get("content"):
                continue
            C = cv.chars([(s["start"], s["end"]) for s in g["content"]])
            if C & rule_chars or segment_kind_at(segs, min(cue)) in NOT_RUNNING_TEXT:
                continue
            golds.append((f"{a['id']}#{g['id']}", cue, C, cv.chars([(s["start"], s["end"]) for s in g["source"]])))
        missed_total += len(golds)
        t1 = time.perf_counter()
        p_ctx = cue_probabilities(nlp, d)
        t_ctx += time.perf_counter() - t1
        n_tok += len(d)
        cands = {}
        for t, content, subj, frame, feats in proposals(d, cues):
            cands[t.i] = (score_token(logistic, feats), cv.token_chars(d, content), cv.token_chars(d, {subj.i}))
        for t in d:
            tc = set(range(t.idx, t.idx + len(t.text)))
            if tc & rule_cue or t.is_punct or t.is_space:
                continue
            c = cands.get(t.i)
            by_cue = [gid for gid, cue, _, _ in golds if tc & cue]
            by_cand = [] if c is None else [gid for gid, _, G, S in golds if len(G & c[1]) / len(G) > 0.3 and S & c[2]]
            any_e2e = c is not None and any(len(G & c[1]) / len(G) > 0.3 and S & c[2] for G, S in every)
            rows.append((p_ctx[t.i], None if c is None else c[0], bool(tc & gold_cue), by_cue, by_cand, any_e2e))
    print(f"fold {FOLD}: {missed_total} golds no rule candidate overlaps; {len(rows)} tokens no rule cue; "
          f"contextual model {1000 * t_ctx / n_tok:.3f} s per 1,000 tokens ({t_ctx:.1f}s over {n_tok} tokens)")

    def select(name, keep):
        sel = [r for r in rows if keep(r)]
        cue_found = {g for r in sel for g in r[3]}
        cand_found = {g for r in sel for g in r[4]}
        right = sum(r[2] for r in sel)
        with_cand = [r for r in sel if r[1] is not None]
        return {"model": name, "selected": len(sel), "P_tok": round(100 * right / max(1, len(sel)), 1),
                "candidates": len(with_cand),
                "P_cand_any": round(100 * sum(r[5] for r in with_cand) / max(1, len(with_cand)), 1),
                "P_cand_new": round(100 * sum(bool(r[4]) for r in with_cand) / max(1, len(with_cand)), 1),
                "missed_found_cue": len(cue_found), "missed_found_cand": len(cand_found)}

    table = []
    for t in thresholds:
        table.append(select(f"contextual >= {t} (any token)", lambda r, t=t: r[0] >= t))
        table.append(select(f"contextual >= {t} (tokens with a candidate)", lambda r, t=t: r[1] is not None and r[0] >= t))
    for t in sorted({*thresholds, float(logistic["threshold"])}):
        table.append(select(f"logistic >= {t}", lambda r, t=t: r[1] is not None and r[1] >= t))
    res = {"fold": FOLD, "missed_golds": missed_total, "tokens": len(rows), "table": table,
           "ctx_s_per_1000_tokens": round(1000 * t_ctx / n_tok, 4)}
    # the logistic tagger's top N tokens for each contextual selection's N of candidates: the same volume
    ranked = sorted((r for r in rows if r[1] is not None), key=lambda r: -r[1])
    for t in thresholds:
        n = sum(1 for r in rows if r[1] is not None and r[0] >= t)
        cut = ranked[n - 1][1] if n else 1.0
        table.append(select(f"logistic top {n} (as contextual >= {t})", lambda r, cut=cut: r[1] is not None and r[1] >= cut))
    for r in table:
        print(f"{r['model']:48} selected {r['selected']:6}  P_tok {r['P_tok']:5.1f} %  candidates {r['candidates']:5} "
              f"e2e any {r['P_cand_any']:5.1f} % new {r['P_cand_new']:5.1f} %  missed golds found: "
              f"cue {r['missed_found_cue']:4}  candidate e2e {r['missed_found_cand']:4}")
    return res


def ctx_tagged_candidates(doc, model=None, *, threshold=None, taken=frozenset(), cues=None) -> list:
    """:func:`graphkit.cue_tagger.tagged_candidates` with the contextual tagger's P(CUE) as the token's score
    (``doc.user_data["ctx_p"]``, one per token; :func:`cue_probabilities`) instead of the logistic tagger's: the
    same proposals (:func:`graphkit.cue_tagger.proposals`), the same candidates, another score and threshold."""
    from graphkit.cue_tagger import proposals
    from graphkit.cues import default_cues
    from graphkit.frames_parse import CueCandidate

    p = doc.user_data["ctx_p"]
    t_min = float(model["threshold"]) if threshold is None else threshold
    out = []
    for t, content, subj, frame, _ in proposals(doc, cues or default_cues(), skip=taken):
        if p[t.i] < t_min:
            continue
        out.append(CueCandidate(cue_toks=[t], cue_lemma=t.lemma_.lower(), stance="assert", content=content,
                                quotes=set(), subj=subj, anchor=t, sent=t.sent, frame="learned",
                                score=round(p[t.i], 4)))
    return out


def ctx_bins(p: float) -> dict[str, float]:
    """The contextual P(CUE) as features: its value and its bin.

    >>> ctx_bins(0.62)
    {'ctx_p': 0.62, 'ctx_p>=0.5': 1.0}
    """
    return {"ctx_p": p, "ctx_p>=" + next((str(b) for b in (0.9, 0.7, 0.5, 0.3, 0.1) if p >= b), "0"): 1.0}


def with_ctx_feature(cands: list, docs: list) -> list:
    """``attribution_cv.candidates``' rows with the contextual P(CUE) of each candidate's cue (the highest over the
    cue's tokens, ``doc.user_data["ctx_p"]``) among its features: the contextual tagger as a re-scorer feature of
    every candidate, the rules' too."""
    out = []
    for (doc_id, atts, feats, labels), d in zip(cands, docs):
        fs = []
        for a, f in zip(atts, feats):
            sp = d.char_span(*a.cue_span, alignment_mode="expand") if a.cue_span else None
            extra = ctx_bins(max(d.user_data["ctx_p"][t.i] for t in sp)) if sp is not None and len(sp) else {"ctx_none": 1.0}
            fs.append({**f, **extra})
        out.append((doc_id, atts, fs, labels))
    return out


def scored_corpus(model_of_fold: dict[int, Path]):
    """:func:`corpus` with each Doc's contextual P(CUE) in ``user_data["ctx_p"]``, from ``model_of_fold[its fold]``."""
    import spacy

    arts, docs, folds = corpus()
    nlps = {f: spacy.load(m) for f, m in model_of_fold.items()}
    for d, f in zip(docs, folds):
        d.user_data["ctx_p"] = cue_probabilities(nlps[f], d)
    return arts, docs, folds


def rescored_fold(arts: list, cands: list, folds: list, f: int) -> tuple[dict, dict]:
    """(the scorer's figures of fold ``f``, its kept attributions by article): the re-scorer refitted on the other
    folds' candidates at the shipped settings and applied to fold ``f``'s, as :func:`attribution_cv.run_cv` does."""
    import attribution_cv as cv
    from train_filter import fit

    from graphkit.confidence import apply_scores, load_filter, score_features

    shipped = load_filter()
    tr = [i for i in range(len(arts)) if folds[i] != f]
    model = fit([x for i in tr for x in cands[i][2]], [y for i in tr for y in cands[i][3]],
                kind=shipped.get("kind", "logistic"), params=shipped)
    t, tl = float(model["threshold"]), float(shipped.get("threshold_learned", model["threshold"]))
    test = [i for i in range(len(arts)) if folds[i] == f]
    kept = {cands[i][0]: apply_scores(cands[i][1], [score_features(model, x) for x in cands[i][2]], t, tl) for i in test}
    preds = {cands[i][0]: cv.export(arts[i], kept[cands[i][0]]) for i in test}
    return cv.figures(cv.scorer(), [arts[i] for i in test], preds), kept


def cv5(model_of_fold: dict[int, Path]) -> dict:
    """5-fold CV, the CV's way (:func:`attribution_cv.run_cv`, combined mode), as shipped and with the contextual
    P(CUE) a re-scorer feature: each article's P(CUE) from the model trained without its fold (``model_of_fold``),
    the same candidates for both (the feature changes no candidate), each fold's re-scorer refitted on the other
    folds. Prints each fold, the mean ± SD and the paired differences."""
    import statistics

    import attribution_cv as cv

    arts, docs, folds = scored_corpus(model_of_fold)
    tg = cv.fold_taggers(arts, docs, folds, K, label="new")
    base = cv.candidates(arts, docs, taggers=[tg[f] for f in folds])
    variants = {"shipped": base, "ctx feature": with_ctx_feature(base, docs)}
    res = {}
    for name, cands in variants.items():
        figs = []
        for f in range(K):
            fig, _ = rescored_fold(arts, cands, folds, f)
            figs.append((round(fig["all"]["e2e_F1"], 2), round(fig["speech"]["e2e_F1_fair"], 2)))
        res[name] = figs
        print(f"{name}: folds {figs}; mean {statistics.mean(a for a, _ in figs):.2f} ± {statistics.stdev(a for a, _ in figs):.2f} / "
              f"{statistics.mean(b for _, b in figs):.2f} ± {statistics.stdev(b for _, b in figs):.2f}", flush=True)
    d = [(round(x[0] - y[0], 2), round(x[1] - y[1], 2)) for x, y in zip(res["ctx feature"], res["shipped"])]
    print(f"paired by fold: {d}; mean {statistics.mean(a for a, _ in d):+.2f} / {statistics.mean(b for _, b in d):+.2f}")
    res["paired"] = d
    return res


@contextlib.contextmanager
def ctx_in_tagger():
    """The logistic tagger with the contextual P(CUE) of its token among its features (binned, and as a value), in
    training (``train_tagger.rows_of``) and inference alike: both read :func:`graphkit.cue_tagger.candidate_features`."""
    import graphkit.cue_tagger as cue_tagger

    real = cue_tagger.candidate_features

    def with_ctx(t, content, subj, frame, flags=None):
        f = real(t, content, subj, frame, flags)
        return {**f, **ctx_bins(t.doc.user_data["ctx_p"][t.i])}

    cue_tagger.candidate_features = with_ctx
    try:
        yield
    finally:
        cue_tagger.candidate_features = real


def e2e(model_of_fold: dict[int, Path], thresholds: list[float]) -> list[dict]:
    """Fold 0 end to end through the re-scorer, the CV's way (:func:`attribution_cv.run_cv`, combined mode): the
    shipped logistic taggers (the baseline: the CV's fold-0 figure), then the contextual tagger's candidates in
    their place at each threshold. Each article's P(CUE) comes from ``model_of_fold[its fold]``, a model that never
    saw it (fold 0: trained on folds 1-4; folds 1-4: the cross-fitted halves), so the re-scorer of fold 0 is trained
    on out-of-model scores as the test fold's are."""
    import attribution_cv as cv
    import graphkit.attribution as attribution

    arts, docs, folds = scored_corpus(model_of_fold)
    test = [i for i in range(len(arts)) if folds[i] == FOLD]

    def run(name, taggers, feature=False):
        cands = cv.candidates(arts, docs, taggers=taggers)
        if feature:
            cands = with_ctx_feature(cands, docs)
        fig, kept = rescored_fold(arts, cands, folds, FOLD)
        learned = collections.Counter()
        for i in test:
            doc_id, atts, _, labels = cands[i]
            learned["cands"] += sum(a.cue_score is not None for a in atts)
            learned["right"] += sum(y for a, y in zip(atts, labels) if a.cue_score is not None)
            learned["kept"] += sum(a.cue_score is not None for a in kept[doc_id])
        row = {"source": name, "all": round(fig["all"]["e2e_F1"], 2), "speech_fair": round(fig["speech"]["e2e_F1_fair"], 2),
               "P": round(fig["all"]["e2e_P"], 2), "R": round(fig["all"]["e2e_R"], 2), **learned}
        print(json.dumps(row), flush=True)
        return row

    rows = []
    tg = cv.fold_taggers(arts, docs, folds, K, label="new")
    rows.append(run("logistic (as --cv 5)", [tg[f] for f in folds]))
    rows.append(run("logistic, the contextual P(CUE) a re-scorer feature", [tg[f] for f in folds], feature=True))
    with ctx_in_tagger():
        tg = cv.fold_taggers(arts, docs, folds, K, label="new")
        rows.append(run("logistic with the contextual P(CUE) a tagger feature", [tg[f] for f in folds]))
        rows.append(run("... and a re-scorer feature", [tg[f] for f in folds], feature=True))
    real = attribution.tagged_candidates
    attribution.tagged_candidates = ctx_tagged_candidates
    try:
        for t in thresholds:
            rows.append(run(f"contextual >= {t}", [{"threshold": t}] * len(arts)))
            rows.append(run(f"contextual >= {t}, its P(CUE) a re-scorer feature", [{"threshold": t}] * len(arts),
                            feature=True))
    finally:
        attribution.tagged_candidates = real
    return rows


def speed(model_dir: Path, n: int, rounds: int) -> dict:
    """CPU seconds (best of ``rounds``, interleaved) of bare ``nlp.pipe`` (graphkit's en_core_web_sm pipeline) over the
    first ``n`` articles of fold 0, and of the contextual tagger over the parsed Docs: sentence by sentence as
    :func:`cue_probabilities` runs it, whole Docs in one batch (what a pipeline component would do), and at the
    candidates' cues only (:func:`cue_only_probabilities`, what a re-scorer feature needs)."""
    import spacy

    from graphkit.nlp import load_spacy

    from graphkit.attribution import attributions

    arts, _, folds = corpus()
    texts = [a["text"] for a, f in zip(arts, folds) if f == FOLD][:n]
    nlp, ctx = load_spacy(), spacy.load(model_dir)
    pipe = ctx.get_pipe("cue")
    best = collections.defaultdict(lambda: float("inf"))
    docs = list(nlp.pipe(texts))
    heads = [[d.char_span(*a.cue_span, alignment_mode="expand").root.i for a in attributions(d) if a.cue_span]
             for d in docs]  # each candidate's cue head (rules and the shipped cue tagger)
    gap = max(abs(p - cue_probabilities(ctx, d)[i]) for d, h in zip(docs, heads)
              for i, p in cue_only_probabilities(ctx, d, h).items())
    print(f"{sum(map(len, heads))} candidate cues; P(CUE) at the cue only against by sentence: largest gap {gap:.2g}")
    for _ in range(rounds):
        t0 = time.process_time()
        docs = list(nlp.pipe(texts))
        best["bare nlp.pipe"] = min(best["bare nlp.pipe"], time.process_time() - t0)
        t0 = time.process_time()
        for d in docs:
            cue_probabilities(ctx, d)
        best["contextual, by sentence"] = min(best["contextual, by sentence"], time.process_time() - t0)
        t0 = time.process_time()
        pipe.model.predict(docs)
        best["contextual, whole Docs"] = min(best["contextual, whole Docs"], time.process_time() - t0)
        t0 = time.process_time()
        for d, h in zip(docs, heads):
            cue_only_probabilities(ctx, d, h)
        best["contextual, cues only"] = min(best["contextual, cues only"], time.process_time() - t0)
    tokens = sum(len(d) for d in docs)
    res = {"articles": len(texts), "tokens": tokens, **{k: round(v, 3) for k, v in best.items()}}
    for k, v in best.items():
        print(f"{k:26} {v:7.3f} CPU s  ({1000 * v / len(texts):6.1f} ms an article, {v / best['bare nlp.pipe']:.2f}x bare)")
    return res


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("data", help="training data and config under bench/_work/ctx/fNNNN")
    d.add_argument("--folds", type=int, nargs="+", default=[1, 2, 3, 4], help="the folds to train on")
    d.add_argument("--width", type=int, default=96)
    d.add_argument("--depth", type=int, default=4)
    d.add_argument("--epochs", type=int, default=8)
    d.add_argument("--eval-frequency", type=int, default=1000)
    t = sub.add_parser("train", help="spacy train, capped")
    t.add_argument("--folds", type=int, nargs="+", default=[1, 2, 3, 4], help="the folds of `data --folds`")
    t.add_argument("--minutes", type=float, default=25)
    m = sub.add_parser("measure", help="fold 0 against the logistic tagger")
    m.add_argument("--model", type=Path, default=WORK / "f1234" / "model" / "model-best")
    m.add_argument("--thresholds", type=float, nargs="+", default=[0.05, 0.1, 0.2, 0.3, 0.5, 0.7])
    m.add_argument("--json", type=Path, default=WORK / "measure.json")
    e = sub.add_parser("e2e", help="fold 0 through the re-scorer, the contextual tagger's candidates in the logistic's place")
    e.add_argument("--thresholds", type=float, nargs="+", default=[0.3, 0.5, 0.7])
    e.add_argument("--json", type=Path, default=WORK / "e2e.json")
    sp = sub.add_parser("speed", help="the contextual tagger's CPU cost against bare nlp.pipe")
    sp.add_argument("--model", type=Path, default=WORK / "f1234" / "model" / "model-best")
    sp.add_argument("--n", type=int, default=40, help="articles of fold 0")
    sp.add_argument("--rounds", type=int, default=3)
    c = sub.add_parser("cv", help="5-fold CV with the contextual P(CUE) a re-scorer feature (a model per fold)")
    c.add_argument("--json", type=Path, default=WORK / "cv5.json")
    a = ap.parse_args(argv)
    fix = "train one with `python bench/train_context_tagger.py data` then `... train` (--folds as needed)"
    for m in ([a.model] if a.cmd in ("measure", "speed") else []):
        needed(m, "contextual tagger", fix)
    if a.cmd == "data":
        make_data(set(a.folds), a.width, a.depth, a.epochs, a.eval_frequency)
    elif a.cmd == "train":
        return train(a.folds, a.minutes)
    elif a.cmd == "speed":
        print(json.dumps(speed(a.model, a.n, a.rounds)))
    elif a.cmd == "cv":
        others = {f: run_dir(set(range(K)) - {f}) / "model" / "model-best" for f in range(K)}
        res = cv5({f: needed(m, "contextual tagger", fix) for f, m in others.items()})
        a.json.write_text(json.dumps(res, indent=1), encoding="utf-8")
        print(f"wrote {a.json}")
    elif a.cmd == "e2e":
        models = {FOLD: run_dir({1, 2, 3, 4}), 1: run_dir({3, 4}), 2: run_dir({3, 4}), 3: run_dir({1, 2}),
                  4: run_dir({1, 2})}
        res = e2e({f: needed(d / "model" / "model-best", "contextual tagger", fix) for f, d in models.items()},
                  a.thresholds)
        a.json.write_text(json.dumps(res, indent=1), encoding="utf-8")
        print(f"wrote {a.json}")
    else:
        res = measure(a.model, a.thresholds)
        a.json.write_text(json.dumps(res, indent=1), encoding="utf-8")
        print(f"wrote {a.json}")
    return 0


if __name__ == "__main__":
    from graphkit.errors import script_main

    sys.exit(script_main("train_context_tagger", main))
