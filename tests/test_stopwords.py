"""graphkit.stopwords is scikit-learn's English stop word list, word for word: the issue model was always fitted
with it, and applying a kept model must read claims the same way without importing scikit-learn."""

import pytest

from graphkit.stopwords import ENGLISH_STOP_WORDS, FUNCTION_WORDS, SPACY_STOP_WORDS


def test_the_stop_words_are_scikit_learns():
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS as theirs

    assert ENGLISH_STOP_WORDS == theirs


def test_the_function_words_are_spacys_stop_words():
    from spacy.lang.en.stop_words import STOP_WORDS

    assert SPACY_STOP_WORDS == STOP_WORDS and FUNCTION_WORDS - SPACY_STOP_WORDS == {"having", "shall", "ought"}


@pytest.mark.parametrize("word,stop", [("the", True), ("whereafter", True), ("amoungst", True), ("tax", False),
                                       ("Europe", False), ("", False)])
def test_words_in_and_out(word, stop):
    assert (word in ENGLISH_STOP_WORDS) is stop


# a word that says what a claim is about is no function word, whatever scikit-learn's list holds; auxiliaries' and
# reporting verbs' forms are
@pytest.mark.parametrize("word,function", [("the", True), ("bill", False), ("system", False), ("interest", False),
                                           ("fire", False), ("does", True), ("say", True), ("shall", True),
                                           ("tax", False)])
def test_function_words(word, function):
    assert (word in FUNCTION_WORDS) is function
