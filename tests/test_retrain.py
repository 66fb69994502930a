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
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

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
def test_retraining_is_one_deterministic_command(tmp_path):
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
    assert model["command"] == "python bench/train_filter.py" and model["weights"] and 0 < model["threshold"] < 1


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
        f"{EXTRACTION_VERSION!r}: run `python bench/train_filter.py` (PolNeAR in ../shared/data/polnear, about 20 min) "
        "and commit both model files (the command is deterministic; models/MODEL_CARD_attribution.md)")
