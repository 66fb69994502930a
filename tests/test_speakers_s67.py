"""Session 67's speaker rows (issue 12), kept apart until the split of tests/test_speakers.py lands: then each table
joins the file the split gives its concern."""

from __future__ import annotations

import pytest
from switched import assert_switched

from graphkit.attribution import attributions


@pytest.fixture(scope="module")
def nlp():
    from graphkit.nlp import load_pipeline

    return load_pipeline()


def speakers(nlp, text):
    return [(a.resolved_text, a.speaker_type) for a in attributions(nlp(text)) if not a.continuation]


# a sentence the parser opened after a title's abbreviation is the sentence before's for the article pass, so the
# pronoun after it walks back to the subject that sentence is about, not to a relative clause's speaker the split made
# a sentence of its own (graphkit.article_names.TITLE_STOP_JOINS, issue 12 -121): (text, the last speaker, the rule's)
TITLE_STOP = [
    # American: 'Govs.' and 'Sens.' and 'Reps.' split from their names by the parser's sentence end
    ("Ann Lee spoke in Dover on Monday. Lee refrained from attacking her rivals, particularly Govs. Tom Hale and Bob "
     "Ray, who say she lacks experience. She dismissed the critique, saying the debate went well.", "Ann Lee", True),
    ("Mary Kirk campaigned in Leeds on Monday. Kirk avoided attacking her rivals, particularly Sens. Tom Hale and Bob "
     "Ray, who say she is too young. She said the debate had gone well.", "Mary Kirk", True),
    ("Sarah Finch spoke at the rally. Finch thanked her backers, among them Reps. Tom Hale and Bob Ray, who say the "
     "bill will pass. She said the vote would come soon.", "Sarah Finch", True),
    # British: no full stop after the title, no sentence end to join (a control)
    ("Mary Kirk campaigned in Leeds on Monday. Kirk avoided attacking her rivals, particularly Govs Tom Hale and Bob "
     "Ray, who say she is too young. She said the debate had gone well.", "Mary Kirk", False),
]

SPEAKER_RULES_S67 = [("article_names", "TITLE_STOP_JOINS", TITLE_STOP)]


@pytest.mark.parametrize("module,switch,text,expected,the_rule",
                         [(m, sw, *row) for m, sw, rows in SPEAKER_RULES_S67 for row in rows],
                         ids=[f"{sw}-{k:02d}" for _m, sw, rows in SPEAKER_RULES_S67 for k in range(len(rows))])
def test_a_speaker_rule_of_session_67_reads_its_rows_and_they_fail_with_its_switch_off(nlp, monkeypatch, module,
                                                                                      switch, text, expected,
                                                                                      the_rule):
    import importlib

    assert_switched(lambda: speakers(nlp, text)[-1][0], expected, the_rule, monkeypatch,
                    importlib.import_module(f"graphkit.{module}"), switch)
