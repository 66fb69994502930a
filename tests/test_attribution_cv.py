"""What an error bucket of the attribution CV is worth, and the content-boundary oracle (bench/attribution_cv.py).

``python bench/eval_attribution.py --cv 5 --misses --oracles`` weighs each reason a gold was missed by the
pooled e2e F1 it would give if fixed, and gives the F1 of a perfect content-boundary model over today's
predictions; both are plain arithmetic over the scorer's items, checked here on hand-made counts and spans.
"""

from __future__ import annotations

import json
import sys

import pytest
from checkout_paths import ROOT

sys.path.insert(0, str(ROOT / "bench"))

from attribution_cv import fixed_f1, miss_table, right_boundaries  # noqa: E402

# 100 golds, 60 kept predictions, 50 of them end-to-end matches: F1 = 2 * 50 / 160
COUNTS = {"gold": 100, "pred": 60, "e2e": 50, "no_candidate": 20, "speaker_wrong": 5, "boundary": 3,
          "fp_alone": 4, "no_source": 7}


@pytest.mark.parametrize("reason, f1", [
    ("e2e", 62.5),                # as it is
    ("no_candidate", 77.78),      # 20 more matches, each with a new prediction: 2 * 70 / 180
    ("speaker_wrong", 68.75),     # 5 more matches from predictions already kept: 2 * 55 / 160
    ("boundary", 66.25),          # the same for a content that overlapped by <= 30 %
    ("fp_alone", 64.1),           # 4 predictions matching nothing removed: 2 * 50 / 156
    ("no_source", 62.5),          # a gold without a source can never match: nothing to fix
    ("taken", 62.5),              # a reason with no case in these counts
])
def test_fixed_f1(reason, f1):
    assert fixed_f1(COUNTS, reason) == f1


def test_miss_table_prints_the_worth_of_each_bucket():
    text = miss_table(COUNTS)
    assert "as it is 62.50" in text
    row = next(line for line in text.splitlines() if line.startswith("no_candidate "))
    assert "77.78 (+15.28)" in row
    assert "F1 if fixed" not in next(line for line in text.splitlines() if line.startswith("no_source "))


GOLDS = [{"C": set(range(10, 30)), "S": set(range(0, 5))},
         {"C": set(range(40, 45)) | set(range(50, 60)), "S": set(range(35, 38))}]


@pytest.mark.parametrize("pred, spans", [
    ({"spans": [[10, 14]], "speaker_span": [0, 3]}, [[10, 30]]),            # too short: takes the gold's content
    ({"spans": [[5, 60]], "speaker_span": [35, 37]}, [[40, 45], [50, 60]]),  # too long, the other gold's speaker
    ({"spans": [[12, 20]], "speaker_span": [35, 37]}, [[12, 20]]),           # content of one gold, speaker of the other
    ({"spans": [[70, 80]], "speaker_span": [0, 3]}, [[70, 80]]),             # overlaps no gold content
    ({"spans": [[10, 14]], "speaker_span": None}, [[10, 14]]),               # no speaker
    ({"span": [10, 14], "speaker_span": [0, 3]}, [[10, 30]]),                # a one-span prediction
])
def test_right_boundaries(pred, spans):
    assert right_boundaries(GOLDS, [pred])[0]["spans"] == spans


def _att(start, cue, cont=False):
    from graphkit.records import Attribution

    return Attribution(spans=[(start, start + 4)], text="word", cue="said", cue_span=cue, speaker_span=(0, 3),
                       continuation=cont)


class _Text:  # claims_for reads only doc.text (to write a folded claim's text)
    text = "abc " * 40


@pytest.mark.parametrize("atts, spans", [
    # a continuation joins the latest claim with its cue, even past another claim
    ([_att(10, (4, 8)), _att(30, (20, 24)), _att(50, (4, 8), cont=True)], [[[10, 14], [50, 54]], [[30, 34]]]),
    # of two claims on one cue, the later takes it
    ([_att(10, (4, 8)), _att(30, (4, 8)), _att(50, (4, 8), cont=True)], [[[10, 14]], [[30, 34], [50, 54]]]),
    # a continuation without a cue span is a claim of its own (graphkit.confidence.claim_groups; the export's
    # own copy of the fold joined it to the latest claim without one)
    ([_att(10, None), _att(30, None, cont=True)], [[[10, 14]], [[30, 34]]]),
])
def test_the_export_folds_continuations_as_claim_groups(atts, spans):
    from eval_attribution import claims_for

    from graphkit.confidence import claim_groups

    out = claims_for("d", _Text(), atts=atts)
    assert [c["spans"] for c in out] == spans
    assert len(out) == len(claim_groups(atts))
    assert [c["spans"] for c in claims_for("d", _Text(), atts=atts, fold=False)] == [[list(a.spans[0])] for a in atts]


@pytest.mark.parametrize("text, outer_end", [
    # a relative clause's aside inside the outer claim: the export ends the outer claim before it, as a build does
    ("Ann says the plan is late, not the firm's, which says it is on time.", "the firm's"),
    # no relative clause's claim inside: as it is
    ("Ann says the plan is late, not the firm's, as everyone knows by now.", "by now"),
])
def test_the_export_scores_the_claims_as_a_build_stores_them(text, outer_end):
    """claims_for goes through graphkit.extract.as_built, the build's one step after the re-scorer: what --cv 5
    scores is what a build writes (before, a build's outer claim was cut at the aside and the CV's was not)."""
    from types import SimpleNamespace

    from eval_attribution import claims_for

    from graphkit.records import Attribution

    doc = SimpleNamespace(text=text)  # claims_for reads only doc.text
    start = text.index("the plan")
    outer = Attribution(spans=[(start, len(text) - 1)], text=text[start:-1], cue="says", cue_span=(4, 8),
                        speaker_span=(0, 3), speaker_text="Ann")
    atts = [outer]
    if "which" in text:
        w = text.index("which")
        atts.append(Attribution(spans=[(w + 11, len(text) - 1)], text=text[w + 11:-1], cue="says",
                                cue_span=(w + 6, w + 10), speaker_span=(w, w + 5), speaker_text="which"))
    out = claims_for("d", doc, atts=atts)
    s, e = out[0]["spans"][0]
    assert text[s:e].endswith(outer_end) and len(out) == len(atts)


def _first_person(text: str, said: str, speaker: str, resolved: str):
    """The re-scorer's kept claim of ``said`` with ``speaker`` written (its first occurrence before it) and the
    name the article pass resolved it to."""
    from graphkit.records import Attribution

    c = text.index(said)
    s = text.rindex(speaker, 0, c)
    return Attribution(spans=[(c, c + len(said))], text=said, cue="think", cue_span=(s + len(speaker) + 1, c - 1),
                       speaker_text=speaker, speaker_span=(s, s + len(speaker)), resolved_text=resolved,
                       speaker_type="PRON" if speaker.lower() in ("i", "we") else "PERSON")


@pytest.mark.parametrize("text, said, speaker, built", [
    # an op-ed's 'I' with a byline: its author (out of fold, the rules' nearby name was written)
    ("By Ann Lee\n\nBo Kim met the mayor. I think the plan is late.", "the plan is late", "I", "Ann Lee"),
    # no byline: the author of this article, never the nearest name
    ("Bo Kim met the mayor. We think the plan is late.", "the plan is late", "We", "the author"),
    # a closing note names the writer
    ("Bo Kim met the mayor. I think the plan is late.\n\nDana Whitfield is the mayor of Tulsa.",
     "the plan is late", "I", "Dana Whitfield"),
    # an interview's answer: the interviewee's 'I', resolved in the article, kept
    ("Intro.\n\nQ: Why run?\n\nA: I think it is time.\n\nQ: When?\n\nA: Soon.", "it is time", "I", "Bo Kim"),
    # a third person: as resolved
    ("By Ann Lee\n\nBo Kim met the mayor. Kim thinks the plan is late.", "the plan is late", "Kim", "Bo Kim"),
])
def test_the_cv_export_gives_the_first_person_a_build_gives(tmp_path, text, said, speaker, built):
    """The CV's export (attribution_cv.export, the oof dumps' and --cv 5's) resolves a first person outside quotes
    as a build does (graphkit.extract.as_built with the Document graphkit.ingest reads of the corpus folder
    bench_build.write_corpus writes), not as the rules resolved it: the nearby name 'Bo Kim'."""
    import spacy
    from attribution_cv import export
    from bench_build import write_corpus
    from polnear import article_document

    from graphkit.extract import as_built
    from graphkit.ingest import read_article
    from graphkit.interviews import doc_turns
    from graphkit.metadata import read_metadata

    art = {"id": "a1", "text": text, "title": "The plan", "date": "2016-09-12"}
    att = _first_person(text, said, speaker, "Bo Kim")
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "train.jsonl").write_text(json.dumps(art) + "\n", encoding="utf-8")
    write_corpus(tmp_path / "src" / "train.jsonl", tmp_path / "corpus", None)
    rows, _ = read_metadata(tmp_path / "corpus")  # the corpus read as a build reads it
    document, _ = read_article(tmp_path / "corpus" / "a1.txt", tmp_path / "corpus", rows["a1"], has_metadata=True)
    stored = as_built([att], document.text, document, doc_turns(spacy.blank("en").make_doc(document.text)))
    out = export(art, [att])
    assert [c["speaker"] for c in out] == [a.resolved_text for a in stored] == [built]
    assert [c["spans"] for c in out] == [[list(s) for s in a.spans] for a in stored]
    fields = ("id", "text", "title", "author", "published", "sha256", "format")  # the Document the export reads
    assert [getattr(article_document(art), f) for f in fields] == [getattr(document, f) for f in fields]
