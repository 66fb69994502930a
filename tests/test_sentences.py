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


# how graphkit's tokenizer splits a text (graphkit.nlp.tokenize_as_graphkit, issue 12 -125): (text, the tokens, the
# switch, the rule's row); a control row reads alike with the switch off
TOKENS = [
    # a title's abbreviation is one token with its stop, as spaCy's 'Sen.' is (American)
    ("Sens. Ann Lee and Tom Hale", ["Sens.", "Ann", "Lee", "and", "Tom", "Hale"], "TITLES_KEPT_WHOLE", True),
    ("Florida Reps. Ann Lee", ["Florida", "Reps.", "Ann", "Lee"], "TITLES_KEPT_WHOLE", True),
    ("Army Capt. Tom Hale", ["Army", "Capt.", "Tom", "Hale"], "TITLES_KEPT_WHOLE", True),
    # an acronym in capitals stays apart from a stop ending its sentence; British titles have no stop (controls)
    ("the SEC. The", ["the", "SEC", ".", "The"], "TITLES_KEPT_WHOLE", False),
    ("Sgt Tom Hale", ["Sgt", "Tom", "Hale"], "TITLES_KEPT_WHOLE", False),
    # a hyphen glued to a capitalised word is a bullet or a sign-off, not the name's (American, British)
    ("Roundup:\n-Todd Smith said", ["Roundup", ":", "\n", "-", "Todd", "Smith", "said"], "BULLETS_APART", True),
    ("-Nigel Hale told the BBC", ["-", "Nigel", "Hale", "told", "the", "BBC"], "BULLETS_APART", True),
    ("\u2022Fiona Reid said", ["\u2022", "Fiona", "Reid", "said"], "BULLETS_APART", True),
    # a number, a lower-case word, an en dash spaCy splits itself (controls)
    ("-5 percent, -based, \u2013Ann", ["-5", "percent", ",", "-based", ",", "\u2013", "Ann"], "BULLETS_APART", False),
]


@pytest.mark.parametrize("text,tokens,switch,the_rule", TOKENS, ids=[f"{r[2]}-{k:02d}" for k, r in enumerate(TOKENS)])
def test_graphkit_tokenizer_reads_its_rows_and_they_fail_with_its_switch_off(monkeypatch, text, tokens, switch,
                                                                            the_rule):
    from spacy.lang.en import English
    from switched import assert_switched

    from graphkit import nlp as gnlp

    assert_switched(lambda: [t.text for t in gnlp.tokenize_as_graphkit(English().tokenizer)(text)], tokens, the_rule,
                    monkeypatch, gnlp, switch)


# a title's abbreviation ends no sentence in graphkit's pipeline (graphkit.nlp.TITLES_KEPT_WHOLE: one token, no start
# after it): (text, its sentences, the rule's row)
TITLE_SENTENCES = [
    ("Lee refrained from attacking her rivals, particularly Govs. Tom Hale and Bob Ray, who say she lacks experience. "
     "She left.", ["Lee refrained from attacking her rivals, particularly Govs. Tom Hale and Bob Ray, who say she "
                   "lacks experience. ", "She left."], True),
    # an acronym in capitals ends its sentence (a control); so does a title at a paragraph's end before a heading
    ("Lee sent the filing to the SEC. The company said it would appeal.",
     ["Lee sent the filing to the SEC. ", "The company said it would appeal."], False),
    ("The vote went to the Sens.\n\nTom Hale Wins Again\n\nHale said so.",
     ["The vote went to the Sens.\n\n", "Tom Hale Wins Again\n\n", "Hale said so."], False),
]


@pytest.mark.parametrize("text,sents,the_rule", TITLE_SENTENCES, ids=[f"{k:02d}" for k in range(len(TITLE_SENTENCES))])
def test_a_title_abbreviation_ends_no_sentence(nlp, monkeypatch, text, sents, the_rule):
    from article_speakers import pipeline_as_switched
    from switched import assert_switched

    from graphkit import nlp as gnlp

    assert_switched(lambda: [s.text_with_ws for s in pipeline_as_switched(nlp)(text).sents], sents, the_rule,
                    monkeypatch, gnlp, "TITLES_KEPT_WHOLE")
