"""The bench's one check of a corpus argument, by the build's own rule of what an article is (issue #17).

`corpus_error` is what every bench command that cannot import graphkit first says of a folder with no article in
it; `corpus_files` lists the articles such a command reads (bare spaCy's). The rule is graphkit's own
(`graphkit.article_paths`: an article's suffix, at any depth, no hidden file or folder, not the corpus's
documentation nor its metadata), loaded from its file alone (`build_rule`): the graphkit package is not imported,
because some of these commands measure their own start (bare spaCy's `bench/bare_pipe.py`,
`bench/command_checkpoints.py`) and one imports another checkout's graphkit after the check
(`bench/resolve_stages.py --src`). Scripts that import graphkit anyway ask `graphkit.ingest.corpus_articles`, which
lists by the same rule. Only the standard library here: importing this module adds nothing to a start it measures.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

RULE = Path(__file__).resolve().parents[1] / "graphkit" / "article_paths.py"


def build_rule():
    """`graphkit.article_paths` of this checkout, loaded from its file without importing the graphkit package (once a
    process; kept in ``sys.modules`` under a name of its own, so a graphkit imported later is not touched).

    >>> build_rule().is_article_path(Path("news/a.TXT")), build_rule().is_article_path(Path("README.txt"))
    (True, False)
    """
    name = "_bench_graphkit_article_paths"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, RULE)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        sys.modules[name] = module
    return sys.modules[name]


def corpus_files(corpus: Path) -> list[Path]:
    """The article files of the folder ``corpus``, as a build lists them (sorted, at any depth).

    >>> import tempfile; root = Path(tempfile.mkdtemp())
    >>> for name in ("b.txt", "sub/a.md", "README.txt", ".x.txt"):
    ...     (root / name).parent.mkdir(exist_ok=True); _ = (root / name).write_text("An article.")
    >>> [p.relative_to(root).as_posix() for p in corpus_files(root)]
    ['b.txt', 'sub/a.md']
    """
    return list(build_rule().iter_article_paths(corpus))


def corpus_error(prog: str, corpus: Path) -> str | None:
    """The one line a bench command exits with when ``corpus`` is no folder or holds no article a build would read
    (`corpus_files`), else None.

    >>> print(corpus_error("tail_parts", Path("/no/such/folder")), end="")
    tail_parts: error: no folder '/no/such/folder'; give a corpus folder of articles (bench/bench_build.py writes PolNeAR dev as one)
    >>> import tempfile; docs_only = Path(tempfile.mkdtemp()); _ = (docs_only / "README.txt").write_text("About.")
    >>> corpus_error("bare_pipe", docs_only).split(";")[0] == f"bare_pipe: error: no article in '{docs_only}'"
    True
    >>> (docs_only / "news").mkdir(); _ = (docs_only / "news" / "a.txt").write_text("An article.")
    >>> corpus_error("bare_pipe", docs_only) is None   # at any depth, as the build reads
    True
    """
    if corpus.is_dir() and next(build_rule().iter_article_paths(corpus), None) is not None:
        return None
    why = "no folder" if not corpus.is_dir() else "no article in"
    return (f"{prog}: error: {why} '{corpus}'; give a corpus folder of articles "
            "(bench/bench_build.py writes PolNeAR dev as one)\n")
