"""The Doc's sentences have one home (graphkit.doc_reading.sentence_starts): the boundaries spaCy's ``doc.sents`` gives,
read from the SENT_START array, for every stage that asks (the attribution component's ``token.sent`` table, the
speakers, the cue tagger, the re-scorer). Docs built by hand, as spaCy's own tests do."""

import pytest
from hand_parsed import parsed

from graphkit.doc_reading import sentence_starts, sentences, sentences_indexed


@pytest.mark.parametrize("words, sent_starts, starts", [
    ("He said so . She did not .".split(), [1, 0, 0, 0, 1, 0, 0, 0], [0, 4]),
    ("He said so .".split(), [1, -1, -1, -1], [0]),
    ("“ No , ” he said . Yes .".split(), [1, 0, 0, 0, 0, 0, 0, 1, 0], [0, 7]),
    ("A . B . C".split(), [1, 0, 1, 0, 1], [0, 2, 4]),
    ("A . B .".split(), [True, False, True, False], [0, 2]),   # spaCy's booleans: False is 'not a start' (-1)
])
def test_sentence_starts_are_those_of_doc_sents(words, sent_starts, starts):
    doc = parsed(words, sent_starts=sent_starts)
    assert sentence_starts(doc) == starts == [s.start for s in doc.sents]
    assert [(s.start, s.end) for s in sentences(doc)] == [(s.start, s.end) for s in doc.sents]
    with sentences_indexed(doc):
        indexed = [(t.sent.start, t.sent.end) for t in doc]
    assert indexed == [(t.sent.start, t.sent.end) for t in doc]   # the same Spans as spaCy finds without the table


@pytest.mark.parametrize("words, starts, spans", [
    ("He said so".split(), [0], [(0, 3)]),   # no boundaries set (a tokenizer's Doc): one sentence, not spaCy's E030
    ([], [], []),
])
def test_a_doc_without_boundaries_is_one_sentence(words, starts, spans):
    doc = parsed(words)
    assert sentence_starts(doc) == starts
    assert [(s.start, s.end) for s in sentences(doc)] == spans
