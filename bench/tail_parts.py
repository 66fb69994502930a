"""Where the resolution after a build's parse spends, part by part, and what each part waits for (issue #17).

    python bench/tail_parts.py CORPUS                      # three in-process --workers 2 builds of CORPUS, sampled
    python bench/tail_parts.py CORPUS --runs 5 --workers 1 --keep DIR   # the samples and each run's figures in DIR

Runs `resolve_stages.py` ``CORPUS STORE --fresh --workers N`` ``--runs`` times, each under ``py-spy record
--nonblocking`` (``pip install -e ".[bench]"``), and splits each run's resolution CPU seconds (`resolve_stages`' thread
CPU of ``resolve_store``) over its parts in proportion to their samples (`PARTS`: the first rule whose words are all on
a sample's stack). py-spy samples a thread that runs or waits for a core alike: on a loaded machine the split holds as
far as the waiting is even. With ``--workers 2`` the resolution is the command's one-core tail after the last result.

Each part says what it waits for, which is what decides whether it could leave that tail:

- ``every article``: it reads statistics of the whole corpus (votes, clusters, the discovered issues, the fitted
  model), so it can start only once the last article is in;
- ``its article``: a function of one article's (or one name's, one claim's) own data, which could be worked out as
  each result arrives, while the workers parse (graphkit.resolution.work_ahead does so for what it names);
- ``the knowledge``: of the knowledge files and the installed libraries alone, which could be worked out at the start.

Prints one markdown table: stage, part, waits for, CPU s (the mean over the runs) and the share of the resolution.
Linux only. Run CB (bench/README.md) is its first use.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS, ARTICLE, KNOWLEDGE = "every article", "its article", "the knowledge"

#: (stage, part, what it waits for, words all on the sample's stack): the first rule that matches names a sample's part
PARTS = [
    ("actors", "entity types: each name's place look-up", ARTICLE, ("type_entities", "lookup_place")),
    ("actors", "entity types: each name's gazetteer and plural-noun readings", ARTICLE, ("type_entities", "match_name")),
    ("actors", "entity types: each name's gazetteer and plural-noun readings", ARTICLE,
     ("type_entities", "plural_person_noun")),
    ("actors", "entity types: the corpus's label votes, each name's type from them", CORPUS, ("type_entities",)),
    ("actors", "the walks' keys, kept walks read and kept", ARTICLE, ("actor_walks",)),
    ("actors", "each article's walk (its mentions, read with the corpus's clusters and votes)", CORPUS, ("_walk",)),
    ("actors", "person votes", CORPUS, ("person_votes",)),
    ("actors", "people's names clustered", CORPUS, ("people.py",)),
    ("actors", "merges across the corpus", CORPUS, ("merge_across_corpus",)),
    ("actors", "the gazetteer made from the knowledge", KNOWLEDGE, ("load_gazetteer",)),
    ("actors", "the rest (the resolver's other corpus tables, actor records)", CORPUS, ("resolve_speakers",)),
    ("issues", "discovery: the vocabulary (every claim's keys counted)", CORPUS,
     ("discover_issues", "phrase_vocabulary")),
    ("issues", "discovery: keyness, groups, names", CORPUS, ("discover_issues",)),
    ("issues", "discovery: the rest (actors' names, places abroad)", CORPUS, ("corpus_taxonomy",)),
    ("issues", "discovery: the rest (actors' names, places abroad)", CORPUS, ("said_abroad",)),
    ("issues", "issue model: TF-IDF fit", CORPUS, ("fit_issue_model", "TfidfVectorizer")),
    ("issues", "issue model: threadpoolctl's look at the loaded libraries", KNOWLEDGE, ("fit_issue_model", "threadpool")),
    ("issues", "issue model: logistic regression fit", CORPUS, ("fit_issue_model",)),
    ("issues", "each claim's triggers matched (discovered issues: the corpus's)", CORPUS, ("assign_claim (",)),
    ("issues", "the model applied to each claim", CORPUS, ("read_claims",)),
    ("issues", "each article's issues offered to its claims, the floor", CORPUS, ("assign_claims",)),
    ("issues", "the issues' kept state (the model in it), each article's key, kept issues written", CORPUS,
     ("claim_issues",)),
    ("claims", "claims assembled (with their actors and issues)", CORPUS, ("assemble_claims",)),
    ("merge", "reports of one statement merged", CORPUS, ("merge_reports",)),
    ("contradictions", "contradictions paired", CORPUS, ("kept_contradictions",)),
    ("write", "the resolved layer written", CORPUS, ("write_resolved",)),
    ("write", "what linking read of each text kept", ARTICLE, ("keep_text_words",)),
    ("read", "the extractions read, what was kept of them put back", ARTICLE, ("read_resolution_inputs",)),
    ("read", "the extractions read, what was kept of them put back", ARTICLE, ("kept_text_words",)),
]
OTHER = ("other", "the rest (memos freed, places resolved, the words child forked and collected)", "", ())


def part_of(stack: str) -> tuple:
    """The rule of `PARTS` (or `OTHER`) a resolution sample (py-spy's frames joined by ';') falls in.

    >>> part_of("resolve_store (graphkit/resolution.py:1);fit_issue_model (graphkit/issue_learning.py:2);"
    ...         "TfidfVectorizer.fit_transform (sklearn/feature_extraction/text.py:3)")[1]
    'issue model: TF-IDF fit'
    >>> part_of("resolve_store (graphkit/resolution.py:1);give_back (graphkit/memory.py:9)") == OTHER
    True
    """
    return next((p for p in PARTS if all(w in stack for w in p[3])), OTHER)


def resolution_samples(raw: Path) -> Counter:
    """Samples by (stage, part, waits for) (`part_of`) of a py-spy raw file (`command_parts.raw_stacks`): the stacks
    within ``resolve_store`` only.

    >>> import tempfile; raw = Path(tempfile.mkdtemp()) / "run0.spy"
    >>> _ = raw.write_text("main (a.py:1);resolve_store (graphkit/resolution.py:2);said_abroad (s.py:3) 4\\n"
    ...                    "main (a.py:1);resolve_store (graphkit/resolution.py:2);corpus_taxonomy (s.py:4) 1\\n"
    ...                    "main (a.py:1);parse (b.py:5) 9\\n", encoding="utf-8")
    >>> resolution_samples(raw)
    Counter({('issues', "discovery: the rest (actors' names, places abroad)", 'every article'): 5})
    """
    from command_parts import raw_stacks  # (bench/ is this script's folder, first on the path)

    out: Counter = Counter()
    for stack, n in raw_stacks(raw):
        if "resolve_store (" in stack:
            out[part_of(stack)[:3]] += n
    return out


def table(runs: list[tuple[float, Counter]]) -> str:
    """The markdown table of (resolution CPU s, samples by part) runs: each part's CPU s is its share of its run's
    samples times that run's CPU, the mean over the runs.

    >>> a, b = PARTS[0][:3], OTHER[:3]
    >>> print(table([(1.0, Counter({a: 3, b: 1})), (2.0, Counter({a: 1, b: 1}))]))
    | stage | part | waits for | CPU s | share |
    |---|---|---|---|---|
    | actors | entity types: each name's place look-up | its article | 0.875 | 58 % |
    | other | the rest (memos freed, places resolved, the words child forked and collected) |  | 0.625 | 42 % |
    | all | the resolution (2 runs: 1.000, 2.000) |  | 1.500 | 100 % |
    """
    cpu: Counter = Counter()
    for total, samples in runs:
        n = sum(samples.values()) or 1
        for part, k in samples.items():
            cpu[part] += total * k / n / len(runs)
    whole = statistics.mean(t for t, _ in runs)
    lines = ["| stage | part | waits for | CPU s | share |", "|---|---|---|---|---|"]
    for (stage, part, waits), s in sorted(cpu.items(), key=lambda kv: -kv[1]):
        lines.append(f"| {stage} | {part} | {waits} | {s:.3f} | {100 * s / whole:.0f} % |")
    each = ", ".join(f"{t:.3f}" for t, _ in runs)
    lines.append(f"| all | the resolution ({len(runs)} runs: {each}) |  | {whole:.3f} | 100 % |")
    return "\n".join(lines)


def sampled_run(spy: str, corpus: Path, work: Path, i: int, workers: int, rate: int) -> tuple[float, Counter]:
    """One `resolve_stages.py` build of ``corpus`` in ``work`` sampled by ``spy`` (`command_parts.py_spy`'s, asked
    once by the caller): (its resolution's CPU s, samples by part)."""
    from command_parts import record  # (bench/ is this script's folder, first on the path)

    raw, store = work / f"run{i}.spy", work / f"run{i}.gk"
    done = record(spy, raw, rate, [sys.executable, str(HERE / "resolve_stages.py"), str(corpus), str(store), "--fresh",
                                   "--workers", str(workers)], capture_output=True)
    figures = next((json.loads(x) for x in done.stdout.splitlines() if x.startswith("{")), None)
    if done.returncode or figures is None or not raw.exists():
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        raise SystemExit(f"tail_parts: error: the sampled build failed ({last}); run it alone: python "
                         f"bench/resolve_stages.py {corpus} {store} --fresh --workers {workers}")
    (work / f"run{i}.json").write_text(json.dumps(figures) + "\n", encoding="utf-8")
    return figures["resolve_cpu"], resolution_samples(raw)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--rate", type=int, default=1000, help="samples a second (py-spy)")
    ap.add_argument("--keep", type=Path, default=None, help="keep the samples, stores and figures in this folder")
    a = ap.parse_args()
    from graphkit.values import BadValue, whole

    try:
        whole(a.runs, "--runs", least=1, example=3)
    except BadValue as e:  # no run has no table
        ap.exit(2, f"tail_parts: error: --runs {e.on_command_line()}\n")
    sys.path.insert(0, str(HERE))
    from command_parts import py_spy, py_spy_missing
    from corpus_check import corpus_error

    if err := corpus_error("tail_parts", a.corpus):
        ap.exit(2, err)
    spy = py_spy()
    if spy is None:
        ap.exit(2, py_spy_missing("tail_parts"))
    with tempfile.TemporaryDirectory() as tmp:
        work = a.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        runs = [sampled_run(spy, a.corpus.resolve(), work, i, a.workers, a.rate) for i in range(a.runs)]
    print(table(runs))


if __name__ == "__main__":
    from graphkit.errors import script_main

    sys.exit(script_main("tail_parts", main))
