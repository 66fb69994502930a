"""bench/tail_parts.py: a resolution sample's part and what it waits for (the first rule of PARTS whose words are
all on its stack), and the table's CPU split."""

import sys
from collections import Counter

import pytest
from checkout_paths import ROOT

sys.path.insert(0, str(ROOT / "bench"))

RESOLVE = "main (resolve_stages.py:61);update_store (graphkit/build.py:241);resolve_store (graphkit/resolution.py:90)"
ACTORS = RESOLVE + ";resolve_speakers (graphkit/resolution.py:170)"
FIT = RESOLVE + ";claim_issues (graphkit/kept.py:464);kept_issue_model (graphkit/kept.py:540);" \
                "fit_issue_model (graphkit/issue_learning.py:200)"
ASSIGN = RESOLVE + ";claim_issues (graphkit/kept.py:476);assign_claims (graphkit/issue_model.py:90)"

STACKS = [  # (a resolution sample as py-spy writes it, outermost first; its part and what it waits for)
    (ACTORS + ";kept_actor_walks (graphkit/kept.py:281)", ("the walks' keys, kept walks read and kept", "its article")),
    (ACTORS + ";resolve_actors (graphkit/resolve.py:320);_Resolver._walk (graphkit/resolve.py:150)",
     ("each article's walk (its mentions, read with the corpus's clusters and votes)", "every article")),
    (ACTORS + ";type_entities (graphkit/entity_types.py:60);_surface_type (graphkit/entity_types.py:118);"
              "lookup_place (graphkit/places.py:240)", ("entity types: each name's place look-up", "its article")),
    (ACTORS + ";type_entities (graphkit/entity_types.py:57);_label_votes (graphkit/entity_types.py:80)",
     ("entity types: the corpus's label votes, each name's type from them", "every article")),
    (FIT + ";TfidfVectorizer.fit_transform (sklearn/feature_extraction/text.py:2084)",
     ("issue model: TF-IDF fit", "every article")),
    (FIT + ";threadpool_limits.__init__ (threadpoolctl.py:790)",
     ("issue model: threadpoolctl's look at the loaded libraries", "the knowledge")),
    (FIT + ";wrapper (sklearn/base.py:1381)", ("issue model: logistic regression fit", "every article")),
    (RESOLVE + ";claim_issues (graphkit/kept.py:464);kept_issue_model (graphkit/kept.py:542);"
               "assign_claim (graphkit/issues.py:525)",
     ("each claim's triggers matched (discovered issues: the corpus's)", "every article")),
    (ASSIGN + ";assign_claim (graphkit/issues.py:525)",  # a kept model: assign_claims matches the triggers
     ("each claim's triggers matched (discovered issues: the corpus's)", "every article")),
    (ASSIGN + ";article_offers (graphkit/issue_model.py:320)",
     ("each article's issues offered to its claims, the floor", "every article")),
    (ASSIGN + ";read_claims (graphkit/issue_learning.py:270)", ("the model applied to each claim", "every article")),
    (RESOLVE + ";claim_issues (graphkit/kept.py:470);article_key (graphkit/kept.py:110)",
     ("the issues' kept state (the model in it), each article's key, kept issues written", "every article")),
    (RESOLVE + ";give_back (graphkit/memory.py:40)",
     ("the rest (memos freed, places resolved, the words child forked and collected)", "")),
]


@pytest.mark.parametrize("stack,expected", STACKS, ids=[f"{i:02d}" for i in range(len(STACKS))])
def test_a_resolution_sample_is_put_in_its_part(stack, expected):
    from tail_parts import part_of

    assert part_of(stack)[1:3] == expected


def test_each_runs_cpu_is_split_by_its_own_samples():
    """A run's CPU seconds go to its parts in proportion to its samples, whatever another run sampled."""
    from tail_parts import OTHER, PARTS, table

    a, b = PARTS[0][:3], OTHER[:3]
    lines = table([(1.0, Counter({a: 1, b: 1})), (3.0, Counter({a: 100}))]).splitlines()
    assert f"| {a[0]} | {a[1]} | {a[2]} | 1.750 | 88 % |" in lines  # (0.5 + 3.0) / 2
    assert lines[-1].endswith("| 2.000 | 100 % |")


@pytest.mark.parametrize("runs", ["0", "-2"])
def test_no_run_is_one_line(runs, tmp_path, capsys, monkeypatch):
    """--runs below 1 says so in one line, before anything is built (no run has no table to give)."""
    import tail_parts

    (tmp_path / "a.txt").write_text("Lavrov said the talks had failed.", encoding="utf-8")
    monkeypatch.setattr(sys, "argv", ["tail_parts.py", str(tmp_path), "--runs", runs])
    with pytest.raises(SystemExit) as stop:
        tail_parts.main()
    err = capsys.readouterr().err.strip()
    assert stop.value.code == 2 and "Traceback" not in err
    assert err == f"tail_parts: error: --runs {runs} is below 1; give a whole number, 1 or more, e.g. --runs 3"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


#: the words of PARTS that name a library's code, not graphkit's
LIBRARY_WORDS = {"TfidfVectorizer": "sklearn", "threadpool": "threadpoolctl"}


def test_every_part_names_code_graphkit_still_has():
    """A rule's words are matched against py-spy's stacks as strings: a graphkit function renamed would move its
    samples to "other" without a word. Each word is a graphkit module's file, a library's name (LIBRARY_WORDS), or
    found inside a function's or class's name that graphkit defines."""
    import re

    from tail_parts import PARTS

    src = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "graphkit").glob("*.py"))
    defined = set(re.findall(r"^\s*(?:def|class)\s+(\w+)", src, re.M))
    for _, part, _, words in PARTS:
        for w in words:
            name = w.rstrip(" (")
            if name.endswith(".py"):
                assert (ROOT / "graphkit" / name).exists(), (part, w)
            elif name not in LIBRARY_WORDS:
                assert any(name in d for d in defined), f"{part!r}: no graphkit function or class holds {w!r}"
