"""Score graphkit end to end on the hand-checked gold of the sample corpus (tests/gold/).

Builds corpus/ into a temporary store with the `graphkit` Python API, exports the
claims as the JSONL contract, and scores each article and the whole corpus with
../shared/eval/score_claims.py. Prints a table; `--misses` also prints what was
missed or mis-attributed.

    python bench/eval_gold.py [--misses] [--model en_core_web_sm]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCORER = ROOT.parent / "shared" / "eval" / "score_claims.py"
FIGS = ("gold_required", "predicted", "recall", "precision", "attributed_f1", "pronoun_attributed_recall",
        "date_acc_matched", "date_acc_not_publication", "hard_dates")


def run(model: str | None, misses: bool) -> dict:
    from graphkit.build import build
    from graphkit.export import write_claims_jsonl
    from graphkit.store import Store

    if not SCORER.exists():
        sys.exit(f"eval_gold: {SCORER} not found; put ../shared beside the checkout")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        build(ROOT / "corpus", tmp / "s.gk", model=model)
        with Store(tmp / "s.gk") as s:
            write_claims_jsonl(s.claims(), tmp / "claims.jsonl")
        gold = tmp / "gold.jsonl"
        files = sorted((ROOT / "tests" / "gold").glob("*.jsonl"))
        gold.write_text("".join(f.read_text() for f in files))
        meta = ["--meta", str(ROOT / "corpus" / "metadata.jsonl")]
        rows = {}
        for f in files + [gold]:
            name = "all" if f == gold else f.stem[:3]
            out = subprocess.run([sys.executable, str(SCORER), str(f), str(tmp / "claims.jsonl"), *meta, "--json"],
                                 capture_output=True, text=True, check=True).stdout
            rows[name] = json.loads(out)
        if misses:
            print(subprocess.run([sys.executable, str(SCORER), str(gold), str(tmp / "claims.jsonl"), *meta],
                                 capture_output=True, text=True).stdout)
    return rows


def fmt(v):
    if v is None:
        return "–"
    return f"{v:.3f}" if isinstance(v, float) else str(v)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model")
    ap.add_argument("--misses", action="store_true")
    a = ap.parse_args(argv)
    rows = run(a.model, a.misses)
    print("| article | " + " | ".join(FIGS) + " |")
    print("|---" * (len(FIGS) + 1) + "|")
    for name, r in rows.items():
        print(f"| {name} | " + " | ".join(fmt(r.get(k)) for k in FIGS) + " |")


if __name__ == "__main__":
    from graphkit.errors import script_main

    sys.exit(script_main("eval_gold", main))
