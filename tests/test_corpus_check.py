"""bench/corpus_check.py: the bench's one check of a corpus folder says what the build says of it (the build's own
rule, `graphkit.article_paths`, loaded without importing graphkit), and the commands that measure their start read
the articles the build reads."""

import os
import sys
from pathlib import Path

import pytest
from checkout_paths import ROOT

from graphkit.errors import CorpusNotFound
from graphkit.ingest import corpus_articles

sys.path.insert(0, str(ROOT / "bench"))

#: (the corpus folder's files, whether the build reads an article in it): each row fails with the checks the bench
#: kept before (top-level ``*.txt`` in bare_pipe and worker_parts, any depth by suffix in command_parts)
LAYOUTS = [
    (["a.txt"], True),
    (["news/2016/a.txt"], True),             # at any depth (the top-level checks said no article)
    (["a.TXT"], True),                       # the suffix in any case (command_parts' check said no article)
    (["a.htm", "b.markdown"], True),         # every suffix the build reads
    (["README.txt"], False),                 # the corpus's documentation (the .txt checks took it for an article)
    ([".drafts/a.txt", ".b.txt"], False),    # hidden files and folders
    (["metadata.jsonl", "notes.csv"], False),
    ([], False),
]


def _corpus(tmp_path: Path, files: list) -> Path:
    root = tmp_path / "corpus"
    root.mkdir()
    for name in files:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("Anna Berg said the quay would open in May.", encoding="utf-8")
    return root


def _build_reads(root: Path) -> bool:
    try:
        corpus_articles(root)
    except CorpusNotFound:
        return False
    return True


@pytest.mark.parametrize("files,reads", LAYOUTS, ids=[" ".join(f) or "nothing" for f, _ in LAYOUTS])
def test_the_bench_says_of_a_corpus_what_the_build_says(tmp_path, files, reads):
    from corpus_check import corpus_error

    root = _corpus(tmp_path, files)
    assert _build_reads(root) is reads
    assert (corpus_error("bare_pipe", root) is None) is reads


@pytest.mark.parametrize("files,reads", LAYOUTS, ids=[" ".join(f) or "nothing" for f, _ in LAYOUTS])
def test_bare_spacy_reads_the_articles_the_build_reads(tmp_path, files, reads):
    from corpus_check import corpus_files

    root = _corpus(tmp_path, files)
    listed = corpus_articles(root)[1] if reads else []
    assert corpus_files(root) == listed


def test_the_rule_is_loaded_without_importing_graphkit():
    """A command that measures its start (bare spaCy's) checks its corpus with no graphkit module imported."""
    import subprocess

    code = ("import sys; sys.path.insert(0, 'bench'); from corpus_check import corpus_error; "
            "corpus_error('bare_pipe', __import__('pathlib').Path('tests')); "
            "print(sorted(m for m in sys.modules if m.startswith('graphkit')))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout.strip() == "[]", done.stderr


def test_the_build_and_the_bench_share_one_rule():
    """graphkit.ingest lists and reads articles by graphkit.article_paths, and the bench loads that very file: one home
    for what an article is."""
    import graphkit.article_paths as rule
    import graphkit.ingest as ingest
    from corpus_check import RULE

    assert ingest.iter_article_paths is rule.iter_article_paths and ingest.article_bytes is rule.article_bytes
    assert RULE == Path(rule.__file__).resolve()


#: files named as articles that the build skips unread (`graphkit.article_paths.article_bytes`): what makes b.txt
UNREADABLE = {
    "a link to a file deleted": lambda b: b.symlink_to("gone.txt"),
    "a link out of the corpus to a file moved": lambda b: b.symlink_to("../elsewhere/gone.txt"),
    "a loop of links": lambda b: b.symlink_to("b.txt"),
    "a pipe": lambda b: os.mkfifo(b),   # read, it would wait for a writer for ever
}


@pytest.mark.parametrize("make", UNREADABLE.values(), ids=list(UNREADABLE))
def test_the_bench_skips_what_the_build_skips_unread_and_says_the_builds_line(tmp_path, capsys, make):
    from corpus_check import corpus_texts

    from graphkit.ingest import read_corpus

    root = _corpus(tmp_path, ["a.txt"])
    make(root / "b.txt")
    (skipped,) = [s for s in read_corpus(root).skipped if s.path == "b.txt"]
    capsys.readouterr()
    assert corpus_texts("bare_pipe", root) == [(root / "a.txt").read_text(encoding="utf-8")]
    assert capsys.readouterr().err == f"bare_pipe: skipped: b.txt: {skipped.reason}\n"


def test_an_article_not_in_utf8_is_read_with_its_odd_bytes_replaced(tmp_path):
    """Bare spaCy is given each article's text as it is: a Latin-1 file (which the build reads, guessing its
    encoding) is read with U+FFFD for the byte UTF-8 does not take, and its line ends made \\n as the build's; reading
    it as UTF-8 stopped bare spaCy's command with a traceback."""
    from corpus_check import corpus_texts

    root = _corpus(tmp_path, [])
    (root / "a.txt").write_bytes("Ana Bélen said so.\r\nShe left.".encode("latin-1"))
    assert corpus_texts("bare_pipe", root) == ["Ana B\ufffdlen said so.\nShe left."]
