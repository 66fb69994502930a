"""graphkit.stopwords is scikit-learn's English stop word list, word for word: the issue model was always fitted
with it, and applying a kept model must read claims the same way without importing scikit-learn."""

import pytest

from graphkit.stopwords import ENGLISH_STOP_WORDS


def test_the_stop_words_are_scikit_learns():
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS as theirs

    assert ENGLISH_STOP_WORDS == theirs


@pytest.mark.parametrize("word,stop", [("the", True), ("whereafter", True), ("amoungst", True), ("tax", False),
                                       ("Europe", False), ("", False)])
def test_words_in_and_out(word, stop):
    assert (word in ENGLISH_STOP_WORDS) is stop
