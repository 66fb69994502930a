"""Issues: claim text (and the sentence before it) in, the issues and their trigger words out.

The cases use the sample corpus's taxonomy (corpus/issues.yaml); models/ holds no issues.
"""

import pytest
from checkout_paths import CORPUS

from graphkit.errors import ModelsFileError
from graphkit.issues import assign_claim, issue_records, light_lemma, load_taxonomy, taxonomy_of
from graphkit.issues import assign_issues as _assign_issues
from graphkit.issues import assign_issues_doc as _assign_issues_doc
from graphkit.records import Issue

SAMPLE = load_taxonomy(CORPUS / "issues.yaml")


def assign_issues(text, context="", taxonomy=None):
    return _assign_issues(text, context=context, taxonomy=taxonomy or SAMPLE)


def assign_issues_doc(doc, spans, context_spans=()):
    return _assign_issues_doc(doc, spans, context_spans, taxonomy=SAMPLE)

PEACE_PLAN_SENTENCE = "Witkoff and Kushner refined a US-backed peace plan once seen as favourable to Russia."
TIRADE = ("Lavrov went even further Tuesday, with a historic tirade arguing that European efforts to mediate "
          "the Minsk accords in 2014 disqualify it from playing a role now.")

# claim text, context -> exactly these issues, in taxonomy order
CASES = [
    ("Ukraine’s sovereignty and firm security guarantees remain central goals", "",
     ["sovereignty", "security guarantees"]),
    # lemmas: plural "guarantees" is the taxonomy's "guarantee"
    ("we need at least framework guarantees", "", ["security guarantees", "peace plan"]),
    ("Zelensky alone can decide on territorial questions", "He stressed that any proposal must involve European nations.",
     ["territory"]),
    ("security guarantees, frozen assets, and Ukraine’s path into the EU require European involvement", "",
     ["Europe", "security guarantees", "frozen assets", "EU membership"]),
    ("Russia expects the United States to share a copy of its Ukraine peace plan once Washington finalizes it with "
     "Europe and Ukraine", "", ["Europe", "peace plan"]),
    ("Russia won't accept any plan that erases the text and spirit of commitments", "", ["peace plan"]),
    ("they had captured Pokrovsk and the border town of Vovchansk", "", ["territory", "battlefield"]),
    ("a potential 30-day ceasefire with Russia could be used to draft a broader peace deal", "", ["ceasefire", "peace plan"]),
    ("the sanctions Europe has imposed would also be on the table", "", ["Europe", "sanctions"]),
    ("Ukraine must officially drop its NATO ambitions", "", ["NATO"]),
    ("they have been annexed illegally and it will never recognise Russian sovereignty over them", "",
     ["territory", "sovereignty"]),
    ("Russia’s oil and gas revenues are down more than 20%", "", ["energy", "economy"]),
    ("the weather was cold", "", []),
    # context counts when the claim names no issue itself ...
    ("You had your chances, guys. You didn’t make sure of those chances, you simply failed", TIRADE, ["Europe"]),
    ("tough issues remain", PEACE_PLAN_SENTENCE, ["peace plan"]),
    # ... or points back at it ("such losses") ...
    ("any such losses", "Russian officials claimed they had captured Pokrovsk and the border town of Vovchansk.",
     ["territory", "battlefield"]),
    # ... and only through the issue's named triggers (context:), not its loose words
    ("the weather was cold", "They discussed the draft and the meeting.", []),
    # a claim with its own issue ignores the context
    ("the talks were constructive", TIRADE, ["negotiations"]),
    # the plan and the talks about it are two issues
    ("Witkoff will meet Putin to discuss the 28-point plan", "", ["peace plan", "negotiations"]),
]


@pytest.mark.parametrize("text,context,expected", CASES)
def test_assign_issues(text, context, expected):
    assert [name for name, _ in assign_issues(text, context=context)] == expected


# text -> (issue, trigger words as written)
TRIGGERS = [
    ("no final peace plan exists", ("peace plan", "peace plan")),
    ("EU foreign policy chief Kaja Kallas spoke", ("Europe", "EU, Kaja Kallas")),
    ("Europe’s counterproposal", ("Europe", "Europe")),
    ("Moscow denied any such losses", ("battlefield", "losses")),
]


@pytest.mark.parametrize("text,pair", TRIGGERS)
def test_triggers_are_the_words_as_written(text, pair):
    assert pair in assign_issues(text)


def test_context_triggers_are_marked():
    assert assign_issues("You simply failed", context=TIRADE) == [("Europe", "context: European")]


@pytest.mark.parametrize("text", [
    "the Europeanist award",          # no prefix unless the taxonomy asks for one ("EU" is not in "Europeanist")
    "the sanctuary was quiet",
    "the law came into force",        # "forces" of battlefield is "armed forces"
])
def test_word_boundaries(text):
    assert [n for n, _ in assign_issues(text)] == []


def test_pairs_are_deduplicated_and_stable():
    text = "sanctions, more sanctions, and sanctions again"
    assert assign_issues(text) == assign_issues(text) == [("sanctions", "sanctions")]


def test_assign_issues_doc_reads_spans():
    text = TIRADE + " “You had your chances, guys,” he said."
    start = text.index("You had")
    got = assign_issues_doc(type("D", (), {"text": text})(), [(start, start + 22)], [(0, len(TIRADE))])
    assert got == [("Europe", "context: European")]


@pytest.mark.parametrize("word,lemma", [
    ("guarantees", "guarantee"), ("Territories", "territory"), ("losses", "loss"),
    ("talks", "talk"), ("sanctions", "sanction"), ("crisis", "crisis"), ("US", "us"),
])
def test_light_lemma(word, lemma):
    assert light_lemma(word) == lemma


def test_issue_records_cover_the_taxonomy():
    tax = SAMPLE
    recs = issue_records(tax)
    assert all(isinstance(r, Issue) for r in recs)
    names = [r.name for r in recs]
    for needed in ["Europe", "NATO", "territory", "sanctions", "ceasefire", "security guarantees", "peace plan",
                   "negotiations",
                   "sovereignty", "frozen assets", "EU membership", "battlefield", "energy", "prisoners",
                   "humanitarian", "elections"]:
        assert needed in names
    assert len({r.id for r in recs}) == len(recs)
    assert recs[0].id == "issue:europe"


# broken YAML content -> a message that names the problem
BAD = [
    ("nothing: here\n", "has no 'issues:' list of entries"),
    ("issues: council tax\n", "'issues' is 'council tax', not a list of entries"),  # as Knowledge.for_corpus says it
    ("issues:\n  - description: x\n", "has no name"),
    ("issues:\n  - name: A\n    patterns: [a b]\n  - name: a\n    patterns: [c]\n", "listed twice"),
    ("issues:\n  - name: A\n", "no patterns or entities"),
    ("issues:\n  - name: A\n    patterns: [ab*]\n", "too short"),
    ("issues:\n  - name: A\n    patterns: [x]\n    lemmas: [y]\n", "unknown keys"),
    ("issues:\n  - name: A\n    patterns: [x, running mate]\n    apart: running mate\n",
     "'apart' is 'running mate', not a list"),
    # a number stopped the build with a traceback; a string was read letter by letter, each letter a trigger
    ("issues:\n  - name: A\n    patterns: 3\n", "'patterns' is 3, not a list"),
    ("issues:\n  - name: A\n    patterns: council tax\n", "'patterns' is 'council tax', not a list"),
    ("issues:\n  - name: A\n    patterns: [x]\n    context: tax\n", "'context' is 'tax', not a list"),
    ("issues:\n  - name: A\n    entities: 7\n", "'entities' is 7, not a list"),
    # a quoted "false" read as true: an issue of every claim's last resort (session 62's end read)
    ("issues:\n  - name: A\n    patterns: [x]\n    article_topic: \"false\"\n", "'article_topic: 'false'' is neither"),
    ("issues:\n  - name: A\n    patterns: [x]\n    article_topic: 1\n", "'article_topic: 1' is neither"),
]


@pytest.mark.parametrize("content,message", BAD)
def test_bad_taxonomy_says_what_to_fix(tmp_path, content, message):
    p = tmp_path / "issues.yaml"
    p.write_text(content)
    with pytest.raises(ModelsFileError, match=message):
        load_taxonomy(p)


def test_custom_taxonomy(tmp_path):
    p = tmp_path / "issues.yaml"
    p.write_text("issues:\n  - name: grain\n    patterns: [grain export*, Black Sea corridor]\n    context: [grain]\n")
    tax = load_taxonomy(p)
    assert assign_issues("Grain exports resumed through the Black Sea corridor", taxonomy=tax) == [
        ("grain", "Grain exports, Black Sea corridor")]


def test_the_defaults_hold_no_issue():
    assert taxonomy_of().issues == () and load_taxonomy().issues == ()


# claim text, (own-sentence context, sentence before) -> at most three issues, best scored, in taxonomy order
CLAIMS = [
    # four issues named: the one with a single trigger of the lowest rank is dropped
    ("security guarantees, frozen assets, and Ukraine’s path into the EU require European involvement", ("", ""),
     [("Europe", 0.75), ("security guarantees", 0.5), ("frozen assets", 0.5)]),
    ("the weather was cold", ("", ""), []),
    # the own sentence is read before the sentence before
    ("That's what we want to know", ("Asked about the ceasefire, Rubio said:", TIRADE), [("ceasefire", 0.293)]),
    ("You simply failed", ("", TIRADE), [("Europe", 0.293)]),
    # a trigger's words are one phrase, not matched across a comma (`test_a_trigger_is_one_phrase_of_the_text`): the
    # issue is given by its trigger "guarantee" alone
    ("Kyiv wants more than security, guarantees alone will not do", ("", ""), [("security guarantees", 0.5)]),
]


@pytest.mark.parametrize("text,context,expected", CLAIMS)
def test_assign_claim_keeps_the_three_best(text, context, expected):
    got = assign_claim(text, context, SAMPLE)
    assert [(n, s) for n, _, s in got] == expected and all(t for _, t, _ in got)


ONE_PHRASE = {"issues": [{"name": "mail", "patterns": ["e-mail address", "U.N.", "security guarantees",
                                                      "women's rights", "gun control"]}]}


@pytest.mark.parametrize("text,trigger", [
    # a trigger's words are matched only where they are one phrase of the text: spaces, hyphens or a possessive
    # between them, or what the trigger itself is written with ("U.N.")
    ("the security guarantees hold", "security guarantees"),
    ("Kyiv wants more than security, guarantees alone will not do", None),   # the old matching crossed the comma
    ("They spoke of security; guarantees came later", None),                # ... and the semicolon
    ("It was about security \u2014 guarantees are another matter", None),   # ... and the dash
    ("It was about security - guarantees are another matter", None),        # ... and a spaced hyphen for a dash
    ("It was about security--guarantees are another matter", None),         # ... and a doubled one
    # quotation marks and an editor's brackets inside a phrase leave it one (a first version read them as its end)
    ('He wants "security" guarantees', 'security" guarantees'),
    ("He wants [security] guarantees", "security] guarantees"),
    ("new gun-control laws", "gun-control"),
    ("She backed women's rights", "women's rights"),
    ("The U.N. said so", "U.N"),
    ("The U. N. said so", "U. N"),
    # a trigger written with a hyphenated single letter reads its words as a text's ("e-mail" is one word); the old
    # compilation read "e", "mail", which no text gives, and matched neither
    ("her e-mail addresses", "e-mail addresses"),
    ("her email address", "email address"),
])
def test_a_trigger_is_one_phrase_of_the_text(text, trigger):
    from graphkit.issues import taxonomy_from_data

    tax = taxonomy_from_data(ONE_PHRASE, "x.yaml", origin="discovered")
    got = [t for a in assign_claim(text, ("", ""), tax) for t in a.triggers]
    assert got == ([trigger] if trigger else [])


# a statement two articles report, its reports given issues by their own sentences (a corpus's issues.yaml, each
# issue its own context trigger): (article a1, article a2, the statement's issues, whether the row is the rule's own,
# `graphkit.statements.MERGED_ISSUES_BEST`)
STATEMENT_OF_TWO = {"version": 1, "issues": [{"name": n, "patterns": [n], "context": [n]} for n in
                                             ("NHS", "ID cards", "pensions", "council tax", "schools")]}
STATEMENT_OF_TWO_NAMES = [i["name"] for i in STATEMENT_OF_TWO["issues"]]
MERGED_REPORTS = [
    # three and two: the statement keeps three, the ties to the first in the taxonomy (pensions of the kept report's)
    ("Speaking on council tax, pensions and schools, Mary Jones said the hard times would last for many.",
     "Asked about the NHS and ID cards, Mary Jones said the hard times would last for many.",
     ("pensions", "NHS", "ID cards"), True),
    # two and one: three together, all kept (control)
    ("Speaking on council tax and pensions, Mary Jones said the hard times would last for many.",
     "Asked about the NHS, Mary Jones said the hard times would last for many.",
     ("pensions", "council tax", "NHS"), False),
]


@pytest.mark.parametrize("a1,a2,expected,the_rule", MERGED_REPORTS)
def test_a_statement_of_two_articles_has_at_most_three_issues_everywhere(a1, a2, expected, the_rule, tmp_path,
                                                                         monkeypatch):
    """A statement reported by two articles whose issues together exceed MAX_ISSUES is about the best three: its record,
    the store's claim-issue table, the graph's ``about`` edges and an issue query all say so (each reads the statement
    as the merge made it: `graphkit.statements.best_issues`); each other report keeps its article's own."""
    import yaml
    from switched import assert_switched

    import graphkit
    from graphkit import statements
    from graphkit.build import build
    from graphkit.issues import MAX_ISSUES

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "issues.yaml").write_text(yaml.safe_dump(STATEMENT_OF_TWO), encoding="utf-8")
    (corpus / "a1.txt").write_text(a1, encoding="utf-8")
    (corpus / "a2.txt").write_text(a2, encoding="utf-8")
    runs = iter(range(2))

    def read():
        store = tmp_path / f"s{next(runs)}.gk"
        build(corpus, store)
        with graphkit.open(store) as g:
            (head,) = [c for c in g.store.claims() if c.same_as is None]
            (report,) = [c for c in g.store.claims() if c.same_as]
            assert head.reports == ("a2",) and len(report.issues) <= MAX_ISSUES
            table = {i for (i,) in g.store.db.execute("SELECT issue FROM claim_issues WHERE claim_id=?", (head.id,))}
            G = g.subgraph()
            edges = {G.nodes[v]["name"] for _, v, k in G.out_edges(f"claim:{head.id}", keys=True) if k == "about"}
            listed = {i for i in STATEMENT_OF_TWO_NAMES if any(c.id == head.id for c in g.claim_records(issue=i))}
        assert table == edges == listed == set(head.issues)
        return head.issues

    assert_switched(read, expected, the_rule, monkeypatch, statements, "MERGED_ISSUES_BEST")
