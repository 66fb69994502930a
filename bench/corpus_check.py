"""The bench's one check of a corpus argument, by the build's own rule of what an article is (issue #17).

`corpus_error` is what every bench command that cannot import graphkit first says of a folder with no article in
it; `corpus_files` lists the articles such a command reads (bare spaCy's), and `corpus_texts` reads them, saying
the build's line of a file the build skips unread. The rule is graphkit's own (`graphkit.article_paths`: an
article's suffix, at any depth, no hidden file or folder, not the corpus's documentation nor its metadata; its
bytes read unless it is no file to read), loaded from its file alone (`build_rule`): the graphkit package is not
imported, because some of these commands measure their own start (bare spaCy's `bench/bare_pipe.py`,
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


def corpus_texts(prog: str, corpus: Path) -> list[str]:
    """The texts of the articles a build reads in the folder ``corpus`` (`corpus_files`), each file's bytes as UTF-8
    (a byte that is not: U+FFFD; line ends made \\n): the files a build reads, not always its text (the build guesses
    another encoding, cp1252 or Latin-1, and reads markup: bare spaCy is given the text as it is). A file the build
    skips unread (a link that leads to no file, a pipe, a file over the size limit or that cannot be read:
    `graphkit.article_paths.article_bytes`) is skipped here too, said on stderr in the build's line:
    ``PROG: skipped: NAME: why; what to do``. When no article is left with any text to read, one more line says so
    and the command stops (status 2): it measured an empty list, "0 tokens/s", or stopped with a traceback.

    >>> import contextlib, io, tempfile; root = Path(tempfile.mkdtemp())
    >>> _ = (root / "a.txt").write_text("An article."); (root / "b.txt").symlink_to("gone.txt")
    >>> with contextlib.redirect_stderr(io.StringIO()) as said:
    ...     corpus_texts("bare_pipe", root)
    ['An article.']
    >>> print(said.getvalue(), end="")
    bare_pipe: skipped: b.txt: a link to 'gone.txt', which leads to no file (No such file or directory); fix or remove the link
    >>> (root / "a.txt").unlink(); _ = (root / "c.txt").write_text(" \\n")
    >>> with contextlib.redirect_stderr(io.StringIO()) as said:
    ...     corpus_texts("bare_pipe", root)
    Traceback (most recent call last):
    SystemExit: 2
    >>> print(said.getvalue().splitlines()[-1].replace(str(root), "CORPUS"))
    bare_pipe: error: nothing to read in 'CORPUS': none of its 2 article file(s) could be read or held text; fix them or give another corpus folder
    """
    files, texts = corpus_files(corpus), []
    for path in files:
        raw, why = build_rule().article_bytes(path)
        if raw is None:
            print(f"{prog}: skipped: {path.relative_to(corpus).as_posix()}: {why}", file=sys.stderr)
        else:
            texts.append(raw.decode("utf-8", errors="replace").replace("\r\n", "\n").replace("\r", "\n"))
    if not any(text.strip() for text in texts):
        print(f"{prog}: error: nothing to read in '{corpus}': none of its {len(files)} article file(s) could be read or "
              "held text; fix them or give another corpus folder", file=sys.stderr)
        raise SystemExit(2)
    return texts


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
