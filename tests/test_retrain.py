"""Retraining the attribution models is one command, and its output is deterministic.

The command is ``python bench/train_filter.py`` (it writes ``models/attribution_tagger.json`` and
``models/attribution_filter.json``); here it runs twice on a small hand-made corpus in PolNeAR's form, in two
processes with different string hash seeds, and must write byte-identical files.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from checkout_paths import ROOT


_PEOPLE = ["Warren", "Cruz", "Sanders", "Rubio", "Kasich", "Carson", "Fiorina", "Christie"]
# sentence template, (source, cue, content) of its gold attribution or None
_SENTENCES = [
    ("{a} said that the plan would fail.", ("{a}", "said", "the plan would fail")),
    ("{a} extolled the virtues of {b}.", ("{a}", "extolled", "the virtues of {b}")),
    ("{a} bought a car in Ohio.", None),
    ("{a} slammed the deal with Iran.", ("{a}", "slammed", "the deal with Iran")),
    ("“The race is over,” {a} told reporters.", ("{a}", "told", "The race is over")),
    ("{a} said nothing about the weather at the fair.", None),
    ("{a} played golf with {b}.", None),
    ("{a} warned that taxes would rise.", ("{a}", "warned", "taxes would rise")),
    ("{a} praised {b} for the speech.", ("{a}", "praised", "{b} for the speech")),
    ("{a} denied the report.", ("{a}", "denied", "the report")),
]


def _article(n: int) -> dict:
    text, atts = [], []
    pos = 0
    for k, (tpl, gold) in enumerate(_SENTENCES[n % 3:] + _SENTENCES[:n % 3]):
        a, b = _PEOPLE[(n + k) % len(_PEOPLE)], _PEOPLE[(n + 2 * k + 1) % len(_PEOPLE)]
        sent = tpl.format(a=a, b=b)
        if gold is not None:
            span = lambda w: [{"start": pos + sent.index(w), "end": pos + sent.index(w) + len(w), "text": w}]
            src, cue, content = (x.format(a=a, b=b) for x in gold)
            atts.append({"id": f"E{k}", "source": span(src), "cue": span(cue), "content": span(content)})
        text.append(sent)
        pos += len(sent) + 1
    return {"id": f"article_{n:02d}", "title": "", "text": " ".join(text), "attributions": atts}


@pytest.mark.slow
def test_retraining_is_one_deterministic_command(tmp_path, shared):  # the command scores with ../shared/eval
    data = tmp_path / "data"
    data.mkdir()
    for split, ns in (("train", range(0, 16)), ("dev", range(16, 20))):
        (data / f"{split}.jsonl").write_text("".join(json.dumps(_article(n)) + "\n" for n in ns), encoding="utf-8")
    outs = []
    for seed in ("1", "2"):
        out = tmp_path / f"run{seed}"
        out.mkdir()
        r = subprocess.run([sys.executable, "bench/train_filter.py", "--data", str(data), "--cache", str(tmp_path / "parse"),
                            "--k", "2", "--min-count", "1", "--out", str(out / "filter.json"),
                            "--tagger-out", str(out / "tagger.json")],
                           cwd=ROOT, capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": seed})
        assert r.returncode == 0, r.stderr[-2000:]
        outs.append({name: (out / name).read_bytes() for name in ("filter.json", "tagger.json")})
    assert outs[0] == outs[1]
    model = json.loads(outs[0]["filter.json"])
    assert model["command"] == "python bench/train_filter.py --k 2 --min-count 1"  # the options that choose it
    assert model["weights"] and 0 < model["threshold"] < 1


@pytest.mark.parametrize("name", ["attribution_filter.json", "attribution_tagger.json"])
def test_shipped_models_were_trained_under_this_extraction(name):
    """What ships is what the command writes on this code: the models were trained under the current extraction.

    Their training rows are graphkit's own candidates, speakers and features over PolNeAR, so a change that moves
    extraction output (and bumps EXTRACTION_VERSION) can move the weights the command writes (issue 12's -38 / -39
    speakers did: the shipped re-scorer stopped being the command's output). A retrain takes 15-20 min of CPU (more on a
    fresh clone, which parses PolNeAR first), too much for the suite, so this compares the version each file records
    (``train_filter.py`` writes it) with the code's.
    """
    from graphkit.fingerprint import EXTRACTION_VERSION

    model = json.loads((ROOT / "models" / name).read_text(encoding="utf-8"))
    assert model.get("extraction_version") == EXTRACTION_VERSION, (
        f"models/{name} was trained under extraction {model.get('extraction_version')!r}, the code is "
        f"{EXTRACTION_VERSION!r}: run `{model.get('command') or 'python bench/train_filter.py'}` (the command it "
        "records; PolNeAR in ../shared/data/polnear, about 20 min) "
        "and commit both model files (the command is deterministic; models/MODEL_CARD_attribution.md)")


def _point(name, per_fold, kept, all_f1=69.0, thresholds=(0.50, 0.6)):
    return {"name": name, "objective": sum(per_fold) / len(per_fold), "per_fold": per_fold, "kept": kept, "all": all_f1,
            "thresholds": thresholds}


#: grids of out-of-fold records -> the point `bench/train_filter.py --near-ties most-claims` ships: the best by objective
#: sets the bar; of the points within one standard error of it by paired per-fold differences, the one that keeps the
#: most claims (the command's default, ``best``, takes the bar itself)
CHOICES = [
    # a near-tie keeping more claims beats the argmax (behind on two folds, ahead on one: noise)
    ([_point("argmax", [77.1, 77.6, 78.0, 78.9, 79.6], 14800), _point("near", [77.2, 77.5, 77.9, 78.9, 79.5], 15200)],
     "near"),
    # behind on every fold by a steady margin: not noise, however many claims it keeps
    ([_point("argmax", [77.1, 77.6, 78.0, 78.9, 79.6], 14800), _point("worse", [76.8, 77.3, 77.7, 78.6, 79.3], 16000)],
     "argmax"),
    # the argmax alone within noise of itself
    ([_point("argmax", [77.1, 77.6, 78.0, 78.9, 79.6], 14800)], "argmax"),
    # two near-ties keeping the same claims: the better objective
    ([_point("argmax", [77.1, 77.6, 78.0, 78.9, 79.6], 14800), _point("near", [77.2, 77.5, 77.9, 78.9, 79.5], 14800)],
     "argmax"),
]


@pytest.mark.parametrize("grid,chosen", CHOICES, ids=[f"{i:02d}" for i in range(len(CHOICES))])
def test_the_grid_choice_among_near_ties_keeps_the_most_claims(grid, chosen):
    import sys

    sys.path.insert(0, str(ROOT / "bench"))
    from train_filter import choose

    assert choose(grid, "most-claims")["name"] == chosen
    assert choose(grid, "best")["name"] == "argmax"


_BEST = [77.1, 77.6, 78.0, 78.9, 79.6]   # the argmax's per-fold objectives
_NOISE = [77.2, 77.5, 77.9, 78.9, 79.5]  # behind on two folds, ahead on one: within one paired standard error
_BEHIND = [76.8, 77.3, 77.7, 78.6, 79.3]  # behind on every fold by a steady 0.3: not noise

#: grids -> the point the command ships by default (``--near-ties settled``, formerly ``lowest-threshold``): with
#: nothing shipped before, of the points within one
#: standard error of the best objective, the lowest rule threshold, then the lowest tagger threshold, then the best
#: objective. Each case but the last two fails on the old default (the argmax) or on ``most-claims``.
LOWEST_THRESHOLD = [
    # the grid of -46 in small: 0.50 within noise of the argmax at 0.55 ships
    ([_point("argmax", _BEST, 14556, thresholds=(0.55, 0.6)), _point("lower", _NOISE, 14879, thresholds=(0.50, 0.6))],
     "lower"),
    # the lowest threshold though it keeps fewer claims (another feature cut-off) than a near-tie at 0.50
    ([_point("argmax", _BEST, 14556, thresholds=(0.55, 0.6)), _point("t050", _NOISE, 14883, thresholds=(0.50, 0.6)),
      _point("t045", _NOISE, 14800, thresholds=(0.45, 0.6))], "t045"),
    # the same rule threshold: the lower tagger threshold
    ([_point("argmax", _BEST, 14556, thresholds=(0.50, 0.7)), _point("lower", _NOISE, 14500, thresholds=(0.50, 0.6))],
     "lower"),
    # the same thresholds (another feature cut-off): the better objective, not the one keeping more claims
    ([_point("argmax", _BEST, 14556, thresholds=(0.50, 0.6)), _point("more", _NOISE, 14900, thresholds=(0.50, 0.6))],
     "argmax"),
    # a lower threshold behind on every fold is no near-tie
    ([_point("argmax", _BEST, 14556, thresholds=(0.55, 0.6)), _point("lower", _BEHIND, 15200, thresholds=(0.50, 0.6))],
     "argmax"),
    # the argmax alone
    ([_point("argmax", _BEST, 14556, thresholds=(0.55, 0.6))], "argmax"),
]


@pytest.mark.parametrize("grid,chosen", LOWEST_THRESHOLD, ids=[f"{i:02d}" for i in range(len(LOWEST_THRESHOLD))])
def test_the_grid_choice_among_near_ties_takes_the_lowest_threshold(grid, chosen):
    import sys

    sys.path.insert(0, str(ROOT / "bench"))
    from train_filter import choose

    assert choose(grid)["name"] == chosen
    assert choose(grid, "settled")["name"] == chosen
    assert choose(grid, "lowest-threshold")["name"] == chosen   # the rule's former name, still taken


def _cut(min_count, per_fold, thresholds=(0.50, 0.6), C=0.3):
    return {**_point(f"{min_count}@{thresholds[0]}", per_fold, 14900, thresholds=thresholds), "kind": "logistic",
            "params": {"C": C, "min_count": min_count}}


_SHIPPED_15 = {"kind": "logistic", "C": 0.3, "min_count": 15, "threshold": 0.5, "threshold_learned": 0.6}

#: (grid, the file the retrain replaces) -> the point it ships: at the lowest thresholds within noise, the shipped
#: feature cut-off stays unless the best beats it by more than the CV's noise (paired over folds). The first row fails
#: on the rule before (the argmax at those thresholds, min_count 10 by a hair: the flip of -61 / -62 / -63).
STAYS = [
    ([_cut(10, _BEST), _cut(15, _NOISE)], _SHIPPED_15, "15@0.5"),
    ([_cut(10, _BEST), _cut(15, _NOISE)], None, "10@0.5"),                          # nothing shipped: the best
    ([_cut(10, _BEST), _cut(15, _BEHIND)], _SHIPPED_15, "10@0.5"),                  # behind on every fold: not noise
    ([_cut(10, _BEST), _cut(15, _NOISE)], {**_SHIPPED_15, "min_count": 5}, "10@0.5"),  # the shipped cut-off not tried
    ([_cut(10, _BEST), _cut(15, _NOISE)], {**_SHIPPED_15, "C": 1.0}, "10@0.5"),      # another C: another point
    # the shipped thresholds within noise stay too (THRESHOLDS_STAY), the cut-off kept there
    ([_cut(10, _BEST, (0.50, 0.6)), _cut(15, _NOISE, (0.50, 0.6)), _cut(10, _BEST, (0.45, 0.6)),
      _cut(15, _NOISE, (0.45, 0.6))], _SHIPPED_15, "15@0.5"),
]


@pytest.mark.parametrize("grid,shipped,chosen", STAYS, ids=[f"{i:02d}" for i in range(len(STAYS))])
def test_the_shipped_feature_cut_off_stays_within_noise(grid, shipped, chosen):
    import sys

    sys.path.insert(0, str(ROOT / "bench"))
    from train_filter import choose, shipped_point

    assert choose(grid, previous=shipped_point(shipped))["name"] == chosen
    assert choose(grid, "best")["name"] == "10@0.5"   # the bar itself: the other rules do not look back


_NOISE_2 = [77.3, 77.4, 77.8, 78.8, 79.6]   # behind on three folds, ahead on one: within one paired standard error
_SHIPPED_10 = {**_SHIPPED_15, "min_count": 10}

#: (grid, the file the retrain replaces) -> the point it ships: the shipped thresholds stay while a point at them is
#: within noise of the best (train_filter.settled_thresholds), else the lowest thresholds within noise. The grid is
#: -67's in small (the best at 0.55, 0.50 and 0.45 within noise, where the lowest threshold stepped to 0.45). Rows 00
#: and 03 fail with the shipped thresholds ignored (the rule before session 50: 0.45 ships).
THRESHOLDS_STAY = [
    ([_cut(15, _BEST, (0.55, 0.6)), _cut(10, _NOISE, (0.50, 0.6)), _cut(10, _NOISE_2, (0.45, 0.6))], _SHIPPED_10,
     "10@0.5"),
    ([_cut(15, _BEST, (0.55, 0.6)), _cut(10, _NOISE, (0.50, 0.6)), _cut(10, _NOISE_2, (0.45, 0.6))], None,
     "10@0.45"),                                                           # nothing shipped (or --fresh): the lowest
    ([_cut(15, _BEST, (0.55, 0.6)), _cut(10, _BEHIND, (0.50, 0.6)), _cut(10, _NOISE_2, (0.45, 0.6))], _SHIPPED_10,
     "10@0.45"),                                                           # 0.50 behind on every fold: beaten
    ([_cut(15, _BEST, (0.55, 0.6)), _cut(10, _NOISE, (0.50, 0.6)), _cut(10, _NOISE_2, (0.45, 0.6))],
     {**_SHIPPED_15, "threshold": 0.55}, "15@0.55"),                       # the best itself shipped: it stays
    ([_cut(15, _BEST, (0.55, 0.6)), _cut(10, _NOISE, (0.50, 0.6)), _cut(10, _NOISE_2, (0.45, 0.6))],
     {**_SHIPPED_10, "threshold_learned": 0.7}, "10@0.45"),                # the shipped pair not in the grid
    ([_cut(15, _BEST, (0.55, 0.6)), _cut(10, _NOISE, (0.50, 0.6)), _cut(10, _NOISE_2, (0.45, 0.6))],
     {k: v for k, v in _SHIPPED_10.items() if k != "threshold_learned"}, "10@0.45"),  # a file without a tagger threshold
]


@pytest.mark.parametrize("grid,shipped,chosen", THRESHOLDS_STAY, ids=[f"{i:02d}" for i in range(len(THRESHOLDS_STAY))])
def test_the_shipped_thresholds_stay_within_noise(grid, shipped, chosen):
    import sys

    sys.path.insert(0, str(ROOT / "bench"))
    from train_filter import choose, shipped_point

    assert choose(grid, previous=shipped_point(shipped))["name"] == chosen


def test_an_unknown_near_tie_rule_says_which_there_are():
    import sys

    sys.path.insert(0, str(ROOT / "bench"))
    from train_filter import NEAR_TIES, choose

    with pytest.raises(ValueError, match="settled, best, most-claims"):
        choose([_point("argmax", _BEST, 14556)], "nearest")
    assert NEAR_TIES[0] == "settled"


#: the first extraction version from which every retrain has its line in the model card (the lines before it are
#: grouped by part, not by version)
CARD_FROM = 53


def _card_versions() -> list[int]:
    """The extraction versions models/MODEL_CARD_attribution.md gives a retrain line, in the card's order:
    "EXTRACTION_VERSION −NN" or, in the list of earlier retrains, "before, −NN"."""
    import re

    card = (ROOT / "models" / "MODEL_CARD_attribution.md").read_text(encoding="utf-8")
    return [int(n) for n in re.findall(r"(?:EXTRACTION_VERSION|before,) [−-](\d+)\b", card)]


def _current_version() -> int:
    from graphkit.fingerprint import EXTRACTION_VERSION

    return int(EXTRACTION_VERSION.rsplit("-", 1)[1])


@pytest.mark.parametrize("version", range(CARD_FROM, _current_version() + 1))
def test_the_model_card_has_a_line_for_each_retrain(version):
    """Every version's retrain has its line in the model card (settings, weights, CV of the shipped files): −59 and
    −60 had none until session 46 filled them in from their commits."""
    assert version in _card_versions(), (
        f"models/MODEL_CARD_attribution.md has no line for the retrain on −{version}: add one to its **Model.** "
        "paragraph (\"retrained <when> for <issue>, EXTRACTION_VERSION −NN: ...\", the settings and the CV)")


def test_the_model_card_gives_its_retrains_newest_first():
    """The card's retrain lines from `CARD_FROM` on stand newest first, each version named once (a version not used
    named in the line of the one that shipped its change): a new retrain's line goes on top, under **Model.**
    (session 61's card read −94, −97, −100, −103, −101, −99, −96, then −93 down, and −91 after −90)."""
    named = [v for v in _card_versions() if v >= CARD_FROM]
    assert named == sorted(set(named), reverse=True), [v for v, w in zip(named, named[1:]) if v <= w]


def _one_hot_candidates(n: int = 3000) -> tuple[list[dict], list[int]]:
    """Candidates of a few feature families each candidate has exactly one value of (a cue lemma, a stance, a kind,
    a speaker type, a dependency: the shape of the re-scorer's one-hots) and a length, labelled by a fixed logistic
    model with a bias of its own; the same draw every run."""
    import math
    import random

    r = random.Random(0)
    families = {"lemma": 60, "stance": 3, "kind": 3, "stype": 6, "rootdep": 8}
    true = {f"{fam}={v}": r.gauss(0, 1.5) for fam, n_values in families.items() for v in range(n_values)}
    feats, labels = [], []
    for _ in range(n):
        f = {f"{fam}={r.randrange(n_values)}": 1.0 for fam, n_values in families.items()}
        f["log_len"] = r.random()
        z = 1.0 + sum(true[k] for k in f if "=" in k) + 2 * f["log_len"]
        feats.append(f)
        labels.append(int(r.random() < 1 / (1 + math.exp(-z))))
    return feats, labels


def _fit_filter(feats, labels) -> dict:
    from train_filter import fit

    return fit(feats, labels, params={"C": 0.3, "min_count": 15, "threshold": 0.5})


def _fit_tagger(feats, labels) -> dict:
    from train_tagger import fit_tagger

    return fit_tagger([(f, y, y, False) for f, y in zip(feats, labels)], C=0.3, min_count=15)


#: the models fitted to their optimum (train_filter.SOLVER), each with the fit it is trained by: (name, fit)
FITTED_TO_THE_OPTIMUM = [
    # the re-scorer: a fit stopped at lbfgs's default tolerance left each family at -0.09 here (-0.47 on PolNeAR, the
    # bias 1.2 short of its optimum and moved by every retrain: bench/README.md, issue 13, forty-second part)
    ("re-scorer", _fit_filter),
    # the cue tagger: its one-hot families (its token's lemma, dependency, tag, ...) have the same flat direction, and
    # the default tolerance left them at -0.09 each too (bench/README.md, issue 13, forty-fifth part, −93)
    ("cue tagger", _fit_tagger),
]


@pytest.mark.parametrize("family", ["lemma", "stance", "kind", "stype", "rootdep"])
@pytest.mark.parametrize("model_name, fit", FITTED_TO_THE_OPTIMUM, ids=[n for n, _ in FITTED_TO_THE_OPTIMUM])
def test_each_model_is_fitted_to_its_optimum(model_name, fit, family):
    """Adding d to every weight of a family each candidate has one value of, and taking d from the bias, scores every
    candidate the same; only the L2 penalty tells the two apart, and it is least where the family's weights sum to 0."""
    sys.path.insert(0, str(ROOT / "bench"))
    model = fit(*_one_hot_candidates())
    total = sum(w for k, w in model["weights"].items() if k.startswith(family + "="))
    assert abs(total) < 1e-3, (model_name, family, total)
