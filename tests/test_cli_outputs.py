"""Where a command writes (split from tests/test_cli.py along a command's data flow: its arguments there, its outputs
here, the machine stopping it in tests/test_cli_failures.py): an output never replaces an input of its store (an
article, the metadata, a knowledge file, the store itself) nor a file graphkit did not write or a suggested file
edited since, and is never made where the next build would read it; a pipe, a link or this process's descriptor given
as ``-o`` is written through as it is. Each output is read once a check."""

from __future__ import annotations

import errno
import hashlib
import os
import subprocess
from pathlib import Path

import pytest

from graphkit.store import Store

from cli_run import graphkit_cmd, models_copy, one_article_store, run_main, tree


#: (-o, words of the line): an input of the store a writer reads is never written over (an article, the metadata or a
#: knowledge file of the corpus it was built from; the store itself), nor made where the next build would read it
INPUT_OUTPUTS = [
    ("corpus/000_36443760e30779ee.txt", "is an article of the corpus this store was built from ("),
    ("corpus/metadata.jsonl", "is the metadata of the corpus this store was built from ("),
    ("corpus/metadata.csv", "the next build would read it"),
    ("corpus/issues.yaml", "is a knowledge file this store was built with: writing there would replace it"),
    ("corpus/actors.yaml", "is a knowledge file this store was built with"),
    ("corpus/graph.html", "), where the next build would read it as an article; give another -o path"),
    ("corpus/../corpus/001_56cb526c82487007.txt", "is an article of the corpus"),
    ("latest.txt", "is an article of the corpus"),  # a link to an article: its target would be replaced
    ("sample.gk", "is a graphkit store: writing there would replace what it holds"),
    # the build's lock, replaced by a new file, would let two builds write at once (graphkit.store_file.writer_lock)
    ("sample.gk.lock", "is a file the store keeps beside it (its journal or its writer lock)"),
    ("sample.gk-wal", "is a file the store keeps beside it"),
]


WRITERS = [["export", "jsonl"], ["export", "csv"], ["export", "graphml"], ["export", "gexf"], ["export", "cytoscape"],
           ["export", "json"], ["view"], ["issues", "suggest"]]


@pytest.mark.parametrize("writer", WRITERS, ids=" ".join)
@pytest.mark.parametrize("output,words", INPUT_OUTPUTS, ids=[o for o, _ in INPUT_OUTPUTS])
def test_no_writer_replaces_an_input_of_its_store(sample_store, output, words, writer, tmp_path, capsys, monkeypatch):
    """`graphkit.inputs`: the build records what it read; every writer asks before it writes (an export had
    replaced the article it was given as -o, as any Unix writer would)."""
    folder = sample_store.parent  # reached through links from tmp_path: an output is the file it names in the end
    (tmp_path / "corpus").symlink_to(folder / "corpus")
    (tmp_path / "sample.gk").symlink_to(sample_store)
    for side in ("sample.gk.lock", "sample.gk-wal"):  # (the journal need not be there)
        (tmp_path / side).symlink_to(folder / side)
    (tmp_path / "latest.txt").symlink_to(folder / "corpus" / "002_0a2dcb1df1e57fc0.txt")
    before = tree(folder)
    proc = run_main([*writer, "--store", sample_store, "-o", output], tmp_path, capsys, monkeypatch)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr
    (line,) = proc.stderr.strip().splitlines()
    assert line.startswith(f"graphkit: error: '{output}' ") and words in line, line
    assert tree(folder) == before


@pytest.mark.parametrize("writer", WRITERS, ids=" ".join)
@pytest.mark.parametrize("output,words", INPUT_OUTPUTS[:3], ids=[o for o, _ in INPUT_OUTPUTS[:3]])
def test_a_store_this_process_has_open_still_says_what_it_read(sample_store, output, words, writer, tmp_path, capsys,
                                                              monkeypatch):
    """A notebook holding the store open (`graphkit.open`) while a writer is given it by path: the look at a store
    open here read nothing (a second connection closed would drop the open one's locks), so `view` and `issues
    suggest` took it for a store that recorded no inputs and wrote over the article given as -o (the suite run as
    tests/test_query.py then tests/test_cli.py did so). It is read through the open Store now
    (`graphkit.store_file.open_store`)."""
    from graphkit.query import Graphkit

    folder = sample_store.parent
    (tmp_path / "corpus").symlink_to(folder / "corpus")
    before = tree(folder)
    with Graphkit(sample_store):
        proc = run_main([*writer, "--store", sample_store, "-o", output], tmp_path, capsys, monkeypatch)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr
    (line,) = proc.stderr.strip().splitlines()
    assert words in line, line
    assert tree(folder) == before


@pytest.mark.parametrize("writer,said", [
    (["view"], "e.g. graph.html"),  # 'corpus/graph.html' is a name the next build reads as an article
    (["issues", "suggest"], "e.g. issues.yaml"),  # 'corpus/issues.yaml' is a knowledge file the store was built with
    (["export", "jsonl"], "e.g. corpus/graph.jsonl"),  # a new name the corpus reader leaves alone: given as it was
], ids=lambda v: v if isinstance(v, str) else " ".join(v))
def test_a_corpus_folder_given_as_output_is_answered_with_a_name_that_is_no_input(sample_store, writer, said, tmp_path,
                                                                                 capsys, monkeypatch):
    """``view -o corpus`` was told "give a file name with -o, e.g. corpus/graph.html", which is then refused."""
    (tmp_path / "corpus").symlink_to(sample_store.parent / "corpus")
    proc = run_main([*writer, "--store", sample_store, "-o", "corpus"], tmp_path, capsys, monkeypatch)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr
    (line,) = proc.stderr.strip().splitlines()
    assert line == f"graphkit: error: 'corpus' is a folder; give a file name with -o, {said}", line


#: (writer, -o in the corpus folder, what it writes there): one rule for every format and the view -- a new file of
#: another name goes in the corpus, as the next build does not read it and it replaces nothing the corpus holds (the
#: view's .html is a name a build reads: refused, tests INPUT_OUTPUTS above)
CORPUS_OUTPUTS = [
    (["export", "graphml"], "corpus/graph.graphml", ["graph.graphml"]),
    (["export", "gexf"], "corpus/graph.gexf", ["graph.gexf"]),
    (["export", "cytoscape"], "corpus/graph.cyjs", ["graph.cyjs"]),
    (["export", "json"], "corpus/graph.json", ["graph.json"]),
    (["export", "jsonl"], "corpus/claims.jsonl", ["claims.jsonl"]),
    (["export", "csv"], "corpus/claims.csv", ["claims.csv"]),
    # neo4j writes a folder of CSV files: the corpus folder itself (refused before as "put among its articles",
    # though a build reads none of them), or a new folder in it (taken once, refused the second time as a folder of
    # the corpus: a re-export failed)
    (["export", "neo4j"], "corpus", ["nodes_Actor.csv", "rels_SAID.csv"]),
    (["export", "neo4j"], "corpus/neo4j", ["neo4j/nodes_Actor.csv", "neo4j/rels_SAID.csv"]),
    (["issues", "suggest"], "corpus/more-issues.yaml", ["more-issues.yaml"]),
]


@pytest.mark.parametrize("writer,output,written", CORPUS_OUTPUTS, ids=[f"{' '.join(w)} {o}" for w, o, _ in CORPUS_OUTPUTS])
def test_an_output_in_the_corpus_folder_is_not_read_by_the_next_build(writer, output, written, tmp_path, capsys,
                                                                       monkeypatch):
    """Written twice (a re-export replaces its own file), the corpus's own files unchanged, and the next build reads
    the one article it read before, unchanged, and says no problem."""
    one_article_store(tmp_path)
    before = tree(tmp_path / "corpus")
    for _ in range(2):
        proc = run_main([*writer, "--store", "s.gk", "-o", output], tmp_path, capsys, monkeypatch)
        assert proc.returncode == 0 and not proc.stderr, proc.stderr
    after = tree(tmp_path / "corpus")
    assert {k: v for k, v in after.items() if k in before} == before
    assert set(written) <= set(after)
    proc = run_main(["build", "corpus", "--store", "s.gk"], tmp_path, capsys, monkeypatch)
    assert proc.returncode == 0 and "articles: 1 (0 parsed, 1 unchanged)" in proc.stdout, proc.stdout + proc.stderr
    assert run_main(["problems", "--store", "s.gk"], tmp_path, capsys, monkeypatch).stdout.strip().count("\n") == 0


#: (writer, -o, what is there before): a file graphkit did not write is kept, in the corpus folder or anywhere, as
#: `build --store` takes only a store (`graphkit.outputs.written_by_graphkit`); each was replaced before
NOT_OURS = [
    (["export", "csv"], "corpus/notes.csv", "source,quote\nReuters,a line I copied\n"),        # a table of one's own
    (["export", "graphml"], "corpus/mine.graphml", '<?xml version="1.0"?>\n<graphml><graph edgedefault="undirected">'
                                                  '<node id="a"/></graph></graphml>\n'),      # a graph drawn elsewhere
    (["export", "jsonl"], "corpus/coded.jsonl", '{"id": 1, "code": "economy"}\n'),
    (["export", "neo4j"], "corpus", None),                                                     # its nodes_Actor.csv
    (["view"], "notes.md", "# what I read\n"),
    (["issues", "suggest"], "corpus/my-issues.yaml", "issues:\n  - name: fares\n"),          # a taxonomy written by hand
]


@pytest.mark.parametrize("writer,output,content", NOT_OURS, ids=[f"{' '.join(w)} {o}" for w, o, _ in NOT_OURS])
def test_a_file_graphkit_did_not_write_is_not_replaced(writer, output, content, tmp_path, capsys, monkeypatch):
    """One line saying so, status 2, the file as it was; the rows above write their own files twice."""
    one_article_store(tmp_path)
    path = tmp_path / output / "nodes_Actor.csv" if content is None else tmp_path / output
    path.write_text(content or "name,party\nAnn Lee,Green\n", encoding="utf-8")
    before = tree(tmp_path)
    proc = run_main([*writer, "--store", "s.gk", "-o", output], tmp_path, capsys, monkeypatch)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr
    (line,) = proc.stderr.strip().splitlines()
    assert f"'{path.relative_to(tmp_path)}' is a file graphkit did not write" in line and "remove the file first" in line
    assert tree(tmp_path) == before


def _without_seal(text: str) -> str:
    """A suggested file as a graphkit before `graphkit.suggest.SEAL` wrote it."""
    first, _, rest = text.split("\n", 2)
    return f"{first}\n{rest}"


def _renamed(text: str) -> str:
    return text.replace("  - name: ", "  - name: my ", 1)


#: (what becomes of a suggested issues.yaml when ``issues suggest`` is asked for it again at the same -o, before the
#: command or while it works the issues out, --force, replaced): only a file byte for byte as graphkit wrote it is
#: replaced unasked (a researcher's edits were lost)
SUGGESTED_AGAIN = [
    (lambda text: text, "before", False, True),
    (_renamed, "before", False, False),                                          # an issue renamed
    (lambda text: text + "# ask Ann about the fares\n", "before", False, False),  # a note at the end
    (lambda text: text.replace("\n", "\r\n"), "before", False, False),            # saved by an editor with CRLF
    (_without_seal, "before", False, False),                                     # by a graphkit before the seal
    (_renamed, "before", True, True),
    (_renamed, "during", False, False),       # saved while the command ran: it read the file as written, at its start
    (_renamed, "during", True, True),
]


@pytest.mark.parametrize("edit,when,force,replaced", SUGGESTED_AGAIN,
                         ids=["as written", "renamed", "a note", "CRLF", "before the seal", "renamed, --force",
                              "renamed during the run", "renamed during the run, --force"])
def test_a_suggested_file_edited_since_is_kept(edit, when, force, replaced, tmp_path, capsys, monkeypatch):
    import graphkit.suggest

    one_article_store(tmp_path)
    command = ["issues", "suggest", "--store", "s.gk", "-o", "issues.yaml"]
    assert run_main(command, tmp_path, capsys, monkeypatch).returncode == 0
    written = (tmp_path / "issues.yaml").read_text(encoding="utf-8")
    before = tree(tmp_path)
    edited = edit(written).encode("utf-8")
    if when == "before":
        (tmp_path / "issues.yaml").write_bytes(edited)
    else:  # the researcher saves the file while the command works the issues out
        suggest = graphkit.suggest.suggest
        monkeypatch.setattr(graphkit.suggest, "suggest", lambda *a, **kw: (
            suggest(*a, **kw), (tmp_path / "issues.yaml").write_bytes(edited))[0])
    proc = run_main([*command, *(["--force"] if force else [])], tmp_path, capsys, monkeypatch)
    assert "Traceback" not in proc.stderr, proc.stderr
    if replaced:
        assert proc.returncode == 0 and (tmp_path / "issues.yaml").read_text(encoding="utf-8") == written
    else:
        assert proc.returncode == 2 and tree(tmp_path) == {**before, "issues.yaml": hashlib.sha256(edited).hexdigest()}
        assert proc.stderr.strip().splitlines() == [
            "graphkit: error: 'issues.yaml' is not as `graphkit issues suggest` wrote it (edited since?): writing "
            "there would lose the edits; give another -o path, or --force to replace it"]


def test_issues_suggest_reads_its_output_once_a_check(tmp_path, capsys, monkeypatch):
    """The file at -o is read whole once before the issues are worked out and once at the write, and its head is not
    read again for `outputs.written_by_graphkit`: `suggest.check_unedited` answers for it (main read the whole file once,
    at the start, and the head twice)."""
    import graphkit.outputs

    one_article_store(tmp_path)
    command = ["issues", "suggest", "--store", "s.gk", "-o", "issues.yaml"]
    assert run_main(command, tmp_path, capsys, monkeypatch).returncode == 0
    reads, asked = [], []  # the files read whole, by their real path (another issues.yaml is another file)
    read_bytes, written_by_graphkit = Path.read_bytes, graphkit.outputs.written_by_graphkit
    monkeypatch.setattr(Path, "read_bytes", lambda self: (reads.append(self.resolve()), read_bytes(self))[1])
    monkeypatch.setattr(graphkit.outputs, "written_by_graphkit", lambda p: (asked.append(p), written_by_graphkit(p))[1])
    assert run_main(command, tmp_path, capsys, monkeypatch).returncode == 0
    assert (reads.count((tmp_path / "issues.yaml").resolve()), asked) == (2, [])


#: (what is at -o, whether check_output lets a writer replace it, how many times the check opens it)
OUTPUT_READS = [
    ("an export of graphkit's", True, 1),  # main read it twice: its SQLite header, then its first 4 KB
    ("notes", False, 1),
    ("a graphkit store", False, 1),
    ("nothing", True, 0),
]


@pytest.mark.parametrize("there,replaced,opened", OUTPUT_READS, ids=[r[0] for r in OUTPUT_READS])
def test_an_output_is_read_once_a_check(tmp_path, monkeypatch, there, replaced, opened):
    """`outputs.check_output` answers what database the file at -o is and whether graphkit wrote it from one read of
    its head (`store_file.file_head`)."""
    import builtins

    from graphkit.errors import ExportError
    from graphkit.export import CSV_FIELDS
    from graphkit.outputs import check_output

    out = tmp_path / "out.csv"
    if there == "an export of graphkit's":
        out.write_text(",".join(CSV_FIELDS) + "\n")
    elif there == "notes":
        out.write_text("my notes\n")
    elif there == "a graphkit store":
        Store(out, create=True).close()
    opens, real_open = [], builtins.open
    monkeypatch.setattr(builtins, "open", lambda f, *a, **k: (opens.append(Path(f) == out), real_open(f, *a, **k))[1])
    try:
        check_output(out)
        ok = True
    except ExportError:
        ok = False
    assert (ok, sum(opens)) == (replaced, opened)


@pytest.mark.parametrize("writer", [*WRITERS, ["export", "neo4j"]], ids=" ".join)
@pytest.mark.parametrize("since", [None, "2100"], ids=["claims", "none"])
def test_every_writer_replaces_its_own_file(writer, since, work, capsys, monkeypatch):
    """Each output, and each output of no claim, begins as `graphkit.outputs.own_heads` says: written twice, and
    over an empty file."""
    assert run_main(["build", "corpus", "--store", "s.gk", "-q"], work, capsys, monkeypatch).returncode == 0
    output = "neo4j" if writer == ["export", "neo4j"] else "out.yaml" if writer[0] == "issues" else "out.txt"
    (work / output).mkdir() if output == "neo4j" else (work / output).write_text("")
    filters = ["--since", since] if since and writer[0] != "issues" else []
    for _ in range(2):
        proc = run_main([*writer, "--store", "s.gk", "-o", output, *filters], work, capsys, monkeypatch)
        assert proc.returncode == 0, proc.stderr


@pytest.mark.parametrize("writer,output", [*((w, o) for w in WRITERS for o in ("models/cues.yaml", "models/new.yaml")),
                                           (["export", "neo4j"], "models")], ids=lambda v: v if isinstance(v, str) else " ".join(v))
def test_no_writer_writes_in_the_models_folder_its_store_was_built_with(work, writer, output, capsys, monkeypatch):
    """The models folder the build read (`graphkit.knowledge.models_dir`, here a copy GRAPHKIT_MODELS names) was no
    input of the store: an export replaced cues.yaml there, or put a .yaml the next build read."""
    monkeypatch.setenv("GRAPHKIT_MODELS", models_copy(work))
    assert run_main(["build", "corpus", "--store", "s.gk", "-q"], work, capsys, monkeypatch).returncode == 0
    before = tree(work)
    proc = run_main([*writer, "--store", "s.gk", "-o", output], work, capsys, monkeypatch)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr
    (line,) = proc.stderr.strip().splitlines()
    assert line.startswith(f"graphkit: error: '{output}' is in the models folder this store was built with ("), line
    assert tree(work) == before


def test_the_python_api_refuses_an_input_as_its_output_too(sample, sample_store):
    from graphkit.errors import ExportError

    for fmt in ("jsonl", "csv", "graphml", "json"):
        with pytest.raises(ExportError, match="is the metadata of the corpus this store was built from"):
            sample.write(fmt, sample_store.parent / "corpus" / "metadata.jsonl")


@pytest.mark.parametrize("args", [["export", "jsonl"], ["export", "csv"], ["view"]], ids=" ".join)
def test_an_output_that_is_a_pipe_is_written_into_not_replaced(work, args, capsys, monkeypatch):
    """-o naming a pipe or a device (``-o /dev/stdout``, a FIFO here): the content goes into it, the closing line to
    stderr. The old code renamed a temp file over it: the FIFO became a plain file (run as root, ``-o /dev/stdout``
    replaced the device's link in /dev), and the reader got nothing."""
    import stat
    import threading

    assert run_main(["build", "corpus", "--store", "s.gk", "-q"], work, capsys, monkeypatch).returncode == 0
    fifo = work / "pipe"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)   # a reader is there: the command's open does not wait
    got, done = [], threading.Event()
    drain = threading.Thread(target=_drain, args=(reader, got, done))
    drain.start()
    try:
        proc = run_main([*args, "--store", "s.gk", "-o", "pipe"], work, capsys, monkeypatch)
    finally:
        done.set()
        drain.join()
        os.close(reader)
    assert proc.returncode == 0 and proc.stdout == "" and "wrote pipe" in proc.stderr, proc
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode) and b"Europe was to blame" in b"".join(got)


@pytest.mark.parametrize("args", [["export", "jsonl"], ["view"]], ids=" ".join)
def test_an_output_through_a_link_to_stdout_reaches_the_file_stdout_is_redirected_to(work, args, capsys, monkeypatch):
    """``-o /dev/stdout > claims.jsonl`` (a link of the test's own to this process's stdout, as /dev/stdout is): the
    content reaches the file, the closing line goes to stderr, the link stays a link. 8fa36e6 renamed its temp file
    over the link (the link then a plain file, claims.jsonl empty: the reviewer's case)."""
    assert run_main(["build", "corpus", "--store", "s.gk", "-q"], work, capsys, monkeypatch).returncode == 0
    (work / "stdout").symlink_to("/proc/self/fd/1")
    with open(work / "out.txt", "w") as out:
        proc = subprocess.run(graphkit_cmd() + [*args, "--store", "s.gk", "-o", "stdout"], stdout=out,
                              stderr=subprocess.PIPE, text=True, timeout=300, cwd=work)
    assert proc.returncode == 0 and "wrote stdout" in proc.stderr, proc.stderr
    got = (work / "out.txt").read_text(encoding="utf-8")
    assert "Europe was to blame" in got and "wrote" not in got
    assert (work / "stdout").is_symlink()


@pytest.mark.parametrize("fails", [False, True], ids=["written", "the write fails"])
def test_an_output_through_a_link_to_a_file_replaces_that_file_whole(work, fails, capsys, monkeypatch):
    """``-o latest.jsonl``, a link to the run's file: the file the link leads to is replaced as any output is (a temp
    file renamed over it), the link stays a link; a write that fails leaves that file as it was. The old code wrote
    into the file through the link (the price of the /dev/stdout fix): a failed write left it cut short."""
    assert run_main(["build", "corpus", "--store", "s.gk", "-q"], work, capsys, monkeypatch).returncode == 0
    (work / "runs").mkdir()
    last_run = '{"id": "c_1", "doc_id": "a", "text": "the last run\'s claim"}\n'  # graphkit's (`written_by_graphkit`)
    (work / "runs" / "c.jsonl").write_text(last_run)
    (work / "latest.jsonl").symlink_to("runs/c.jsonl")
    if fails:
        def failing(src, dst):
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(os, "replace", failing)
    proc = run_main(["export", "jsonl", "--store", "s.gk", "-o", "latest.jsonl"], work, capsys, monkeypatch)
    assert (work / "latest.jsonl").is_symlink() and os.readlink(work / "latest.jsonl") == "runs/c.jsonl"
    got = (work / "runs" / "c.jsonl").read_text()
    if fails:
        assert proc.returncode == 2 and got == last_run, proc.stderr
    else:
        assert proc.returncode == 0 and "wrote latest.jsonl" in proc.stdout and "Europe was to blame" in got
    assert [p.name for p in (work / "runs").iterdir()] == ["c.jsonl"]  # no temp file left


def test_an_output_through_a_link_into_no_folder_says_so(work, capsys, monkeypatch):
    """A link to a file in a folder that is not there: the link and its folder are named (it said "cannot write
    'latest.jsonl': No such file or directory", of a path that is there)."""
    (work / "latest.jsonl").symlink_to("runs/c.jsonl")
    before = tree(work)
    proc = run_main(["export", "jsonl", "--store", "ok.gk", "-o", "latest.jsonl"], work, capsys, monkeypatch)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr
    (line,) = proc.stderr.strip().splitlines()
    assert "'latest.jsonl' is a link to '" in line and "runs/c.jsonl', whose folder does not exist" in line, line
    assert tree(work) == before


@pytest.mark.parametrize("named", ["/proc/self/fd", "/dev/fd"])  # /dev/fd: a folder link to /proc/self/fd
@pytest.mark.parametrize("flags,then", [(os.O_APPEND, "before|claims|after"), (0, "claims|after")],
                         ids=["opened to append (>> log)", "opened to write (> f, then echo)"])
def test_an_output_through_this_process_descriptor_writes_at_its_offset(tmp_path, flags, then, named):
    """``-o /dev/stdout`` is this process's descriptor 1 (here a descriptor of the test's own, named through
    /proc/self/fd or /dev/fd): written through it, at its offset, as the shell opened it. Reopened by name with "w"
    (the old code), a file the shell appends to was emptied, and what the shell wrote after went over the output;
    /dev/fd/N, its folder a link, was taken for a plain file (the reviewer's case) and a temp file renamed over it."""
    from graphkit.outputs import atomic_open

    f = tmp_path / "log"
    f.write_text("before|")
    fd = os.open(f, os.O_WRONLY | flags)
    try:
        if flags:
            os.lseek(fd, 0, os.SEEK_END)
        else:
            os.ftruncate(fd, 0)  # what "> f" does before the command runs
        with atomic_open(f"{named}/{fd}") as out:
            out.write("claims|")
        os.write(fd, b"after")  # the shell's next command, on the same descriptor
    finally:
        os.close(fd)
    assert f.read_text() == then


def _drain(fd: int, got: list, done) -> None:
    """Read the pipe ``fd`` into ``got`` until ``done`` is set and nothing is left (a page is more than a pipe holds)."""
    import select
    import time

    while True:
        chunk = os.read(fd, 1 << 16) if select.select([fd], [], [], 0.05)[0] else b""
        if chunk:
            got.append(chunk)
        elif done.is_set():
            return
        else:
            time.sleep(0.01)   # no writer yet (the pipe reads as ended) or nothing written yet
