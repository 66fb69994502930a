"""Score graphkit's attribution on PolNeAR (and on the hand-made sample-corpus gold).

    python bench/eval_attribution.py                 # PolNeAR dev, all 84 articles
    python bench/eval_attribution.py --split train --limit 100
    python bench/eval_attribution.py --cache /tmp/gk_parse   # reuse parses between runs
    python bench/eval_attribution.py --cv 5          # 5-fold CV over train+dev by article: the figure to tune on
    python bench/eval_attribution.py --cv 5 --without around   # what one frame earns
    python bench/eval_attribution.py --cv 5 --oracles          # the F1 if the re-scorer, speakers, ... were perfect
    python bench/eval_attribution.py --cv 5 --misses           # where each gold went, each reason weighed in F1

Runs spaCy with graphkit's paragraph breaks (``graphkit.nlp.load_spacy`` +
``add_paragraph_breaks``, as ``load_pipeline`` parses) over the PolNeAR
texts with ``nlp.pipe``, then ``graphkit.attribution.attributions`` on each Doc,
writes a claims JSONL (doc_id, spans, speaker_span, text, speaker, kind, cue)
and scores it with ``../shared/eval/polnear_score.py``. PolNeAR texts are read
from ``../shared/data/polnear`` and never copied into the repository; the
claims file goes to a temporary folder unless ``--out`` names one.

Attributions are graphkit's output: the rules, then the trained filter of
``graphkit.confidence`` (``--no-filter`` scores the rules alone). They are
graphkit's defaults (``nested=False``: "X said Y said Z" is X's claim only; ``--nested`` keeps the inner one too, which scores lower on
PolNeAR). One PolNeAR convention is applied when exporting: a continuation
quote is folded into the content of the claim it continues (PolNeAR gives a
multi-sentence quote one attribution); ``--no-fold`` exports continuations as
claims of their own.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def parse(texts, cache: Path | None, key: str, titles=None):
    """Parsed Docs of texts (``titles``: each article's headline, found as a headline segment)."""
    from spacy.tokens import DocBin

    from graphkit.nlp import BULLETS_APART, TITLES_KEPT_WHOLE, add_paragraph_breaks, load_spacy

    nlp = add_paragraph_breaks(load_spacy())
    # parses made before paragraph and segment breaks (seg1), or before a title's abbreviation was one token with its
    # stop and a bullet one apart from its word (tok125, graphkit.nlp.tokenize_as_graphkit), differ: never reuse them
    key = f"{key}_seg1" + ("_tok125" if TITLES_KEPT_WHOLE or BULLETS_APART else "")
    if cache is not None:
        f = cache / f"{key}.spacy"
        if f.exists():
            docs = list(DocBin().from_disk(f).get_docs(nlp.vocab))
            if len(docs) == len(texts) and all(d.text == t for d, t in zip(docs, texts)):
                for d, title in zip(docs, titles or [None] * len(docs)):
                    if title:
                        d.user_data["title"] = title
                return docs

    def made(text, title):
        d = nlp.make_doc(text)
        if title:
            d.user_data["title"] = title
        return d

    docs = list(nlp.pipe((made(t, ti) for t, ti in zip(texts, titles or [None] * len(texts))), batch_size=32))
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
        db = DocBin(store_user_data=False)
        for d in docs:
            db.add(d)
        db.to_disk(cache / f"{key}.spacy")
    return docs


def claims_for(doc_id: str, doc, *, fold: bool = True, nested: bool = False, atts=None,
               use_filter: bool = True, without=(), document=None) -> list[dict]:
    """The claims a build stores of one parsed article, as the PolNeAR scorer reads them (one dict per claim).

    ``document``: the article's ``graphkit.records.Document`` (``polnear.article_document``), which
    ``graphkit.extract.as_built`` reads as a build does: a first person outside quotes is the article's author
    (its byline, else "the author"), never the name the rules found nearby. Without it that step is skipped
    (the scorer reads only spans, which it moves in no case; the ``speaker`` written is then the rules' own).
    ``doc`` needs only ``.text`` when ``atts`` are given.
    """
    from graphkit.attribution import attributions
    from graphkit.confidence import claim_groups, filter_attributions
    from graphkit.extract import as_built
    from graphkit.segments import interview_turns

    if atts is None:
        atts = attributions(doc, nested=nested, without=without, **({} if use_filter else {"tagger": False}))
        if use_filter:  # graphkit's real output: extract.py applies the same filter
            atts = filter_attributions(doc, atts)
    # what a build stores of them (extract_parsed): the author's first person, relative asides cut from the claims
    # holding them; a transcript's turns (the 'I' of an answer is the interviewee's) read as graphkit.interviews does
    turns = interview_turns(doc.text) if document is not None else ()
    atts = as_built(atts, doc.text, document, turns)
    groups = claim_groups(atts) if fold else [[i] for i in range(len(atts))]
    out: list[dict] = []
    for g in groups:  # a continuation folded into its claim (graphkit.confidence.claim_groups, the fold's one home)
        a = atts[g[0]]
        spans = [list(s) for s in a.spans] if len(g) == 1 else sorted(list(s) for i in g for s in atts[i].spans)
        out.append({
            "doc_id": doc_id, "spans": spans,
            "text": a.text if len(g) == 1 else " … ".join(doc.text[s:e] for s, e in spans),
            "speaker_span": list(a.speaker_span) if a.speaker_span else None,
            "speaker": a.resolved_text or a.speaker_text or "", "kind": a.claim_kind, "cue": a.cue,
            "cue_span": list(a.cue_span) if a.cue_span else None, "stance": a.stance, "cue_lemma": a.cue_lemma,
            "confidence": a.confidence,
        })
    return out


def score(gold: Path, claims: Path) -> dict:
    r = subprocess.run([sys.executable, str(SHARED / "eval" / "polnear_score.py"), str(gold), str(claims)],
                       capture_output=True, text=True, check=True)
    return json.loads(r.stdout.strip().splitlines()[-1])


def seed_documents(corpus: Path, doc_ids) -> dict:
    """Each article ``doc_ids`` names in the corpus folder ``corpus``, read as a build reads it (``graphkit.ingest``:
    its metadata row (``graphkit.metadata``), the author it names); an OSError that says why, for an article the
    folder cannot give.

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> _ = (d / "a1.txt").write_text("By Ann Lee\\n\\nBo Kim met the mayor.", encoding="utf-8")
    >>> _ = (d / "a2.txt").write_text("  \\n", encoding="utf-8")
    >>> seed_documents(d, ["a1"])["a1"].author
    'Ann Lee'
    >>> for doc_id in ("a3", "a2"):
    ...     try:
    ...         seed_documents(d, [doc_id])
    ...     except OSError as e:
    ...         print(str(e).replace(str(d), "DIR").split(";")[0])
    the gold names article 'a3', but DIR holds no a3.txt
    cannot score article 'a2' of DIR: no text: whitespace only
    """
    from graphkit.ingest import read_article
    from graphkit.metadata import read_metadata

    rows, _ = read_metadata(corpus)
    out = {}
    for doc_id in doc_ids:
        path = corpus / f"{doc_id}.txt"
        if not path.is_file():
            raise FileNotFoundError(f"the gold names article {doc_id!r}, but {corpus} holds no {path.name}; "
                                    "score gold files of that folder's articles")
        document, problems = read_article(path, corpus, rows.get(doc_id), has_metadata=bool(rows))
        if document is None:
            raise OSError(f"cannot score article {doc_id!r} of {corpus}: {problems[0].reason}")
        out[doc_id] = document
    return out


def seeds(gold_files: list[Path], use_filter: bool = True) -> int:
    """Score the sample corpus (../shared/seeds) against hand-made gold files with score_claims.py: each article read
    as a build reads it (`seed_documents`), so that its speakers are a build's (the author's first person among
    them)."""
    from graphkit.nlp import add_paragraph_breaks, load_spacy

    corpus = SHARED / "seeds"
    docs_needed = sorted({json.loads(l)["doc"] for f in gold_files for l in f.open(encoding="utf-8") if l.strip()})
    documents = seed_documents(corpus, docs_needed)  # an article the folder cannot give is said before the model loads
    nlp = add_paragraph_breaks(load_spacy())
    tmp = Path(tempfile.mkdtemp(prefix="gk_seed_"))
    claims = tmp / "claims.jsonl"
    gold = tmp / "gold.jsonl"
    gold.write_text("".join(f.read_text(encoding="utf-8") for f in gold_files), encoding="utf-8")
    with claims.open("w", encoding="utf-8") as f:
        for doc_id in docs_needed:
            document = documents[doc_id]
            doc = nlp.make_doc(document.text)
            if document.title:  # the headline found as a build finds it (graphkit.parsing puts it there)
                doc.user_data["title"] = document.title
            doc = nlp(doc)
            for c in claims_for(doc_id, doc, fold=False, nested=False, use_filter=use_filter, document=document):
                f.write(json.dumps(c, ensure_ascii=False) + "\n")
    r = subprocess.run([sys.executable, str(SHARED / "eval" / "score_claims.py"), str(gold), str(claims),
                        "--meta", str(corpus / "metadata.jsonl")], capture_output=True, text=True, check=True)
    print(f"sample corpus ({', '.join(d[:3] for d in docs_needed)}), gold {', '.join(f.name for f in gold_files)}; claims in {claims}")
    print(r.stdout.rstrip())
    return 0


#: what ``--headlines`` says: the frame it switched on is on by default since -78 (issue 13, thirty-sixth part)
HEADLINES_NOTE = ("--headlines has no effect: the headline frame is on by default since EXTRACTION_VERSION -78; "
                  "--without headline scores without it")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=["train", "dev"], default="dev")
    ap.add_argument("--limit", type=int, default=0, help="first N articles only")
    ap.add_argument("--cache", type=Path, default=None, help="folder to keep parsed DocBins between runs (outside the repo)")
    ap.add_argument("--out", type=Path, default=None, help="where to write the claims JSONL")
    ap.add_argument("--no-fold", action="store_true", help="keep continuation quotes as separate claims")
    ap.add_argument("--nested", action="store_true", help="keep attributions nested in another's content")
    ap.add_argument("--no-filter", action="store_true",
                    help="score the rules alone, without graphkit.confidence's trained filter")
    ap.add_argument("--json", action="store_true", help="print the scorer's JSON too")
    ap.add_argument("--cv", type=int, default=0, metavar="K",
                    help="K-fold cross-validation over train+dev by article (the filter refitted without each fold)")
    ap.add_argument("--mode", choices=["rules", "filter", "model", "combined"], default=None,
                    help="with --cv: rules alone, rules + re-scorer, the cue tagger alone, or all three "
                         "(default: combined, graphkit's output; --no-filter = rules)")
    ap.add_argument("--misses", action="store_true",
                    help="with --cv: where each gold attribution went out of fold (matched, no source, wrong speaker, "
                         "boundary, dropped by the re-scorer, no candidate), each with the F1 if it were fixed")
    ap.add_argument("--oracles", action="store_true",
                    help="with --cv: the pooled F1 if one part were perfect (re-scorer, speakers, precision, content boundaries)")
    ap.add_argument("--model", choices=["logistic", "gbm"], default=None,
                    help="with --cv: the re-scorer refitted per fold (default: the shipped model's kind and settings)")
    from graphkit.attribution import FRAMES

    ap.add_argument("--without", action="append", default=[], metavar="FRAME", choices=FRAMES,
                    help=f"switch a frame off (repeatable): {', '.join(FRAMES)}")
    ap.add_argument("--headlines", action="store_true",
                    help="no effect since -78, kept so older commands run: the 'headline' frame "
                         "(graphkit.attribution.HEADLINES) is on by default; --without headline switches it off")
    ap.add_argument("--seeds", nargs="*", type=Path, default=None,
                    help="score the sample corpus against gold files instead (default: ../shared/eval/seed_003_gold.jsonl)")
    args = ap.parse_args(argv)
    if args.headlines:
        print(HEADLINES_NOTE, file=sys.stderr)
    if args.cv:
        from attribution_cv import run_cv, table

        res = run_cv(args.cv, mode=args.mode or ("rules" if args.no_filter else "combined"), model_kind=args.model,
                     without=tuple(args.without), nested=args.nested, misses=args.misses, oracles=args.oracles)
        print(table(res))
        if args.misses:
            from attribution_cv import miss_table

            print(miss_table(res["misses"]))
        if args.oracles:
            from attribution_cv import oracle_table

            print(oracle_table(res["oracles"]))
        if args.json:
            print(json.dumps(res))
        return 0
    if args.seeds is not None:
        return seeds(args.seeds or [SHARED / "eval" / "seed_003_gold.jsonl"], use_filter=not args.no_filter)

    from polnear import article_document, load_articles  # the one PolNeAR reader: a missing or broken split is one line

    arts = load_articles((args.split,), limit=args.limit)
    tmp = Path(tempfile.mkdtemp(prefix="gk_eval_"))
    gold = tmp / "gold.jsonl"
    with gold.open("w", encoding="utf-8") as f:
        for a in arts:
            f.write(json.dumps(a) + "\n")
    t0 = time.perf_counter()
    docs = parse([a["text"] for a in arts], args.cache, f"polnear_{args.split}_{len(arts)}",
                 [a.get("title") for a in arts])
    t1 = time.perf_counter()
    claims = []
    for a, d in zip(arts, docs):
        claims.extend(claims_for(a["id"], d, fold=not args.no_fold, nested=args.nested, use_filter=not args.no_filter,
                                 without=tuple(args.without), document=article_document(a)))
    t2 = time.perf_counter()
    out = args.out or tmp / "claims.jsonl"
    with out.open("w", encoding="utf-8") as f:
        for c in claims:
            f.write(json.dumps(c, ensure_ascii=False) + "\n")
    res = score(gold, out)
    if args.json:
        print(json.dumps(res))
    print(f"PolNeAR {args.split}: {len(arts)} articles, {len(claims)} claims "
          f"(parse {t1 - t0:.1f}s, attribution {t2 - t1:.1f}s); claims in {out}")
    cols = ["n_gold", "n_pred", "content_P", "content_R", "content_F1", "speaker_acc", "speaker_acc_pronoun",
            "e2e_P", "e2e_R", "e2e_F1", "e2e_F1_fair"]
    print(f"{'subset':8} " + " ".join(f"{c:>10}" for c in cols))
    for name in ("all", "speech"):
        r = res[name]
        print(f"{name:8} " + " ".join(f"{str(r.get(c, '-')):>10}" for c in cols))
    return 0


if __name__ == "__main__":
    from graphkit.errors import script_main

    sys.exit(script_main("eval_attribution", main))
