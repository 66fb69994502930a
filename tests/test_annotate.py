"""graphkit.annotate: the table attribute ruler and lemmatizer give spaCy's own annotations, token by token."""

import pytest
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, ORTH, POS, TAG

from graphkit.annotate import TableAttributeRuler, TableLemmatizer, use_table_annotators
from graphkit.nlp import load_pipeline, load_spacy

ATTRS = [ORTH, TAG, POS, MORPH, LEMMA, DEP, HEAD]


@pytest.fixture(scope="module")
def pipelines():
    return load_spacy(), use_table_annotators(load_spacy())


@pytest.mark.parametrize("text", [
    "Kremlin spokesman Dmitry Peskov said the talks were useful.",
    "She was gonna say it, but y'all knew: let's go.",          # the ruler's two-token lemma rules
    "There is no plan. There were talks. It's over, ain't it?",  # expl + be → VERB; "ai n't" → be
    "I told you that it gets worse; we got it.",                  # pronoun case by dependency; gets/got → get
    "He did it. Do you have the papers the court had?",           # do/have as main verbs
    "  \n\nBut the mayor, who hadn't spoken, said:  “No.”\n",     # whitespace tokens, but as advmod
    "Ukraine's forces shelled Donetsk, Russia's Defence Ministry said on Monday.",
    "",
])
def test_same_annotations_as_spacy(pipelines, text):
    stock, table = pipelines
    a, b = stock(text), table(text)
    assert a.to_array(ATTRS).tolist() == b.to_array(ATTRS).tolist()
    assert [t.lemma_ for t in a] == [t.lemma_ for t in b]


def test_tables_pickle_as_spacys_components(pipelines):
    import pickle

    stock, table = pipelines
    text = "She was gonna say it, but y'all knew."
    for name in ("attribute_ruler", "lemmatizer"):
        copy = pickle.loads(pickle.dumps(table.get_pipe(name)))
        assert type(copy) is type(table.get_pipe(name))
    doc = stock.make_doc(text)
    for name in ("tok2vec", "tagger", "parser"):
        doc = stock.get_pipe(name)(doc)
    for name in ("attribute_ruler", "lemmatizer"):
        doc = pickle.loads(pickle.dumps(table.get_pipe(name)))(doc)
    assert [t.lemma_ for t in doc] == [t.lemma_ for t in stock(text)]


def test_graphkit_pipeline_uses_the_tables_under_spacys_names():
    nlp = load_pipeline()
    assert isinstance(nlp.get_pipe("attribute_ruler"), TableAttributeRuler)
    assert isinstance(nlp.get_pipe("lemmatizer"), TableLemmatizer)
    assert nlp.pipe_names.index("attribute_ruler") < nlp.pipe_names.index("lemmatizer")


@pytest.mark.parametrize("pattern", [
    {"LENGTH": 3},                 # a key the table does not reproduce
    {"LOWER": {"FUZZY": "said"}},  # an operator it does not reproduce
])
def test_a_ruler_it_cannot_reproduce_stays_spacys(pattern):
    nlp = load_spacy()
    nlp.get_pipe("attribute_ruler").add([[pattern]], {"POS": "X"})
    use_table_annotators(nlp)
    assert not isinstance(nlp.get_pipe("attribute_ruler"), TableAttributeRuler)
    assert isinstance(nlp.get_pipe("lemmatizer"), TableLemmatizer)
