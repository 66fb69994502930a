"""Two out-of-fold dumps (bench/oof_dump.py) paired fold by fold: all e2e F1 and speech-fair e2e F1, the change on
each fold, its mean and spread, and on how many folds it went up. How every rule of issue 13 is judged against the
code before it (bench/README.md, "paired by fold").

    python bench/oof_dump.py bench/_work/oof_main.pkl                  # the code before (main)
    python bench/oof_dump.py bench/_work/oof_rule.pkl                  # the code with the change
    python bench/oof_pair.py bench/_work/oof_main.pkl bench/_work/oof_rule.pkl

The folds are the same articles in both (:func:`attribution_cv.fold_of`), so the per-fold change is the change's own,
free of the spread between folds. Each fold's change is the difference of its two figures as printed (to 0.01), and the
paired change, its SD and the folds it rose on are of those printed changes, so the table adds up as read; the means
before and after are of the unrounded figures.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

#: the two figures paired: (name, the scorer's section and key in a fold's figures)
FIGURES = (("all", "all", "e2e_F1"), ("speech fair", "speech", "e2e_F1_fair"))


def fold_figures(dump: dict) -> list[tuple[float, float]]:
    """(all e2e F1, speech-fair e2e F1) of each fold of a dump's CV summary, in fold order.

    >>> fold_figures({"summary": {"folds": [{"all": {"e2e_F1": 70.8}, "speech": {"e2e_F1_fair": 87.6}}]}})
    [(70.8, 87.6)]
    """
    return [tuple(f[section][key] for _, section, key in FIGURES) for f in dump["summary"]["folds"]]


def printed_change(before: float, after: float) -> float:
    """The change of a figure as the table prints it: the difference of the two figures each rounded to 0.01 (the
    unrounded difference of 71.934 → 71.956 is 0.022, the printed figures 71.93 → 71.96 differ by 0.03).

    >>> printed_change(71.934, 71.956), printed_change(70.004, 70.001), printed_change(88.0, 87.5)
    (0.03, 0.0, -0.5)
    """
    return round(float(f"{after:.2f}") - float(f"{before:.2f}"), 2)


def paired(base: list[tuple[float, float]], new: list[tuple[float, float]]) -> str:
    """The table of two dumps' folds side by side with each fold's change (`printed_change`), then per figure the
    means ± SD and the paired change (the mean of the folds' changes, their SD, the folds it rose on).

    >>> print(paired([(70.0, 87.0), (71.0, 88.0)], [(70.5, 86.5), (71.5, 88.5)]))
    | fold | all before | all after | change | speech fair before | speech fair after | change |
    |---:|---:|---:|---:|---:|---:|---:|
    | 0 | 70.00 | 70.50 | +0.50 | 87.00 | 86.50 | -0.50 |
    | 1 | 71.00 | 71.50 | +0.50 | 88.00 | 88.50 | +0.50 |
    all: 70.50 ± 0.71 → 71.00 ± 0.71, paired +0.50 (SD 0.00), up on 2 of 2 folds
    speech fair: 87.50 ± 0.71 → 87.50 ± 1.41, paired +0.00 (SD 0.71), up on 1 of 2 folds
    >>> print(paired([(71.934, 88.004), (70.0, 87.0)], [(71.956, 88.001), (70.0, 87.0)]).splitlines()[2])
    | 0 | 71.93 | 71.96 | +0.03 | 88.00 | 88.00 | +0.00 |
    """
    if len(base) != len(new):
        raise ValueError(f"the dumps have {len(base)} and {len(new)} folds: pair dumps of one CV (the same --folds)")
    head = "| fold | " + " | ".join(f"{n} before | {n} after | change" for n, _, _ in FIGURES) + " |"
    rows = [head, "|" + "---:|" * (1 + 3 * len(FIGURES))]
    for i, (b, n) in enumerate(zip(base, new)):
        rows.append(f"| {i} | " + " | ".join(f"{x:.2f} | {y:.2f} | {printed_change(x, y):+.2f}" for x, y in zip(b, n))
                    + " |")
    for k, (name, _, _) in enumerate(FIGURES):
        b, n = [f[k] for f in base], [f[k] for f in new]
        d = [printed_change(x, y) for x, y in zip(b, n)]
        rows.append(f"{name}: {statistics.mean(b):.2f} ± {statistics.stdev(b):.2f} → {statistics.mean(n):.2f} ± "
                    f"{statistics.stdev(n):.2f}, paired {statistics.mean(d):+.2f} (SD {statistics.stdev(d):.2f}), "
                    f"up on {sum(v > 0 for v in d)} of {len(d)} folds")
    return "\n".join(rows)


def main(argv=None) -> int:
    from oof_dump import load

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("before", type=Path, help="the dump of the code before the change (e.g. main's)")
    ap.add_argument("after", type=Path, help="the dump of the code with the change")
    args = ap.parse_args(argv)
    try:
        print(paired(fold_figures(load(args.before)), fold_figures(load(args.after))))
    except ValueError as e:
        from graphkit.errors import GraphkitError

        raise GraphkitError(str(e)) from None
    return 0


if __name__ == "__main__":
    from graphkit.errors import script_main

    sys.exit(script_main("oof_pair", main))
