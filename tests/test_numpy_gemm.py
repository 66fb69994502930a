"""graphkit.nlp.use_numpy_gemm: the pipeline's matrix products through numpy's BLAS give the same parses,
entities and attributions as thinc's default (BLIS), sentence by sentence."""

import pytest
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, POS, SENT_START, TAG

from graphkit.nlp import load_pipeline, use_numpy_gemm

ATTRS = [TAG, POS, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE, SENT_START]


@pytest.fixture(scope="module")
def pipelines():
    return load_pipeline(numpy_gemm=False), load_pipeline(numpy_gemm=True)


# text in -> (entities, speakers as resolved) out, the same with either BLAS
CASES = [
    ("Kremlin spokesman Dmitry Peskov said the talks were useful.",
     [("Kremlin", "ORG"), ("Dmitry Peskov", "PERSON")], ["Dmitry Peskov"]),
    # the full name in a sentence with no cue; the claim names the surname only
    ("Tony Blair visited Paris on Monday. The mood was grim. Blair said the talks had failed.",
     [("Tony Blair", "PERSON"), ("Paris", "GPE"), ("Monday", "DATE"), ("Blair", "PERSON")], ["Tony Blair"]),
    ("“We can't,” said Mrs. Clinton, adding that 12 states had voted.",  # two claims: the quote, "adding that"
     [("Clinton", "PERSON"), ("12", "CARDINAL")], ["Clinton", "Clinton"]),
    ("The Ukrainian Defence Ministry said Russia had shelled Kharkiv overnight.",  # Kharkiv: the small model's label
     [("The Ukrainian Defence Ministry", "ORG"), ("Russia", "GPE"), ("Kharkiv", "PERSON")],
     ["Ukrainian Defence Ministry"]),
    ("It was late and the mood was grim.", [], []),
    ("", [], []),
]


@pytest.mark.parametrize("text, entities, speakers", CASES)
def test_same_parse_entities_and_claims(pipelines, text, entities, speakers):
    blis, numpy_ = pipelines
    a, b = blis(text), numpy_(text)
    assert a.to_array(ATTRS).tolist() == b.to_array(ATTRS).tolist()
    for doc in (a, b):
        assert [(e.text, e.label_) for e in doc.ents] == entities
        assert [x.resolved_text or x.speaker_text for x in doc._.attributions] == speakers


def test_every_cpu_model_multiplies_with_numpy(pipelines):
    blis, numpy_ = pipelines
    for nlp, want in ((blis, True), (numpy_, False)):
        nodes = [n for _, p in nlp.components if hasattr(getattr(p, "model", None), "walk") for n in p.model.walk()]
        assert nodes and {n.ops.use_blis for n in nodes} == {want}


def test_a_gpu_model_is_left_alone():
    from thinc.api import Linear, Ops

    class OtherOps(Ops):  # stands for CupyOps: not thinc's CPU ops
        name = "other"

    class Component:
        model = Linear(2, 2)

    other = OtherOps()
    Component.model.ops = other

    class Nlp:
        components = [("x", Component())]

    use_numpy_gemm(Nlp())
    assert Component.model.ops is other


@pytest.mark.parametrize("value,numpy", [("numpy", True), (" NumPy ", True), ("", True), ("blis", False), ("BLIS", False)])
def test_the_environment_chooses_the_blas(monkeypatch, value, numpy):
    from graphkit.nlp import GEMM_ENV, numpy_gemm_wanted

    monkeypatch.setenv(GEMM_ENV, value)
    assert numpy_gemm_wanted() is numpy


def test_an_unknown_blas_is_one_line_before_any_store_is_written(monkeypatch, tmp_path, capsys):
    from graphkit.cli import main
    from graphkit.nlp import GEMM_ENV

    monkeypatch.setenv(GEMM_ENV, "openblas")
    with pytest.raises(SystemExit) as e:
        main(["build", str(tmp_path), "--store", str(tmp_path / "s.gk")])
    err = capsys.readouterr().err
    assert e.value.code == 2 and "Traceback" not in err and err.count("\n") == 1
    assert "GRAPHKIT_GEMM='openblas' is neither 'numpy' nor 'blis'" in err
    assert not (tmp_path / "s.gk").exists()
