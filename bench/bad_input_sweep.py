"""Every bad input the README's bad-input section names, on every command, run as a researcher runs them.

    python bench/bad_input_sweep.py                 # a table: the command, its exit status, its first line
    python bench/bad_input_sweep.py --graphkit PATH # another installation's console script

Each command runs in a fresh folder (a corpus of the sample's five articles, a store built from it, the bad files
and knowledge files the rows name) through the ``graphkit`` console script beside this Python. A row fails when the
command prints a traceback, exits with a status it should not (a user error is 2, a build that reads what it can is
0, Ctrl-C is 130), or says nothing. What each bad input should say is checked by the tests (tests/test_cli.py,
tests/test_bad_input.py, ...); this sweep is the whole list again on the command line, once a session.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

#: (command line after ``graphkit``, the exit status it should end with); S is the built store, C the corpus
ROWS: list[tuple[str, int]] = [
    # build: the corpus and the store
    ("build nosuch --store s.gk", 2), ("build notes.txt --store s.gk", 2), ("build empty --store s.gk", 2),
    ("build C --store notes.txt", 2), ("build C --store C", 2), ("build C --store C/graph.txt", 2),
    ("build C --store new/", 2), ("build C --store /dev/null", 2), ("build C --store other.db", 2),
    ("build C --store s.gk --model en_core_web_nonesuch", 2),
    ("build C --store s.gk --workers 0", 2), ("build C --store s.gk --workers -3", 2),
    ("build C --store s.gk --workers 1.5", 2), ("build C --store s.gk --workers x", 2),
    ("build C --store s.gk --window -1", 2), ("build C --store s.gk --window x", 2),
    ("build C --store s.gk --n-issues 0", 2), ("build C --store s.gk --n-issues two", 2),
    ("build C --store s.gk --issues broken.yaml", 2), ("build C --store s.gk --issues nosuch.yaml", 2),
    ("build C --store s.gk --issues empty", 2), ("build C --store s.gk --issues notalist.yaml", 2),
    ("build C --store s.gk --actors latin1.yaml", 2), ("build C --store s.gk --actors notes.txt", 2),
    ("build C --store s.gk --scheduler tcp://127.0.0.1:1", 2), ("build C --store /proc/s.gk", 2),
    ("build C --store s.gk --colour red", 2), ("build", 2), ("frobnicate", 2),
    # build: bad files in the corpus are read as far as they go, each said in a line (--strict: status 2)
    ("build BAD --store bad.gk -q", 0), ("build BAD --store bad.gk -q --strict", 2),
    ("build C --store S2 -q --workers 999", 0), ("build C --store S3 -q --workers 2 --parse-ahead", 0),
    # the store a reader is given
    ("claims --store nosuch.gk", 2), ("claims --store notes.txt", 2), ("claims --store /dev/null", 2),
    ("claims --store other.db", 2), ("claims --store new/", 2), ("actors --store notes.txt", 2),
    ("problems --store nosuch.gk", 2), ("unassigned --store notes.txt", 2), ("contradictions --store nosuch.gk", 2),
    ("issues list --store nosuch.gk", 2), ("issues suggest --store nosuch.gk -o i.yaml", 2),
    # claim filters, on every command that takes them
    ("claims --store S --speaker Nobody", 2), ("claims --store S --issue nothing", 2), ("claims --store S --place Atlantis", 2),
    ("claims --store S --since yesterday", 2), ("claims --store S --until 12/2025", 2),
    ("claims --store S --since 2025-12 --until 2025-01", 2), ("claims --store S --stance angry", 2),
    ("claims --store S --doc nosuch", 2), ("claims --store S --limit 0", 2), ("claims --store S --limit -1", 2),
    ("claims --store S --limit ten", 2), ("claims --store S --min-confidence 2", 2),
    ("claims --store S --min-confidence high", 2), ("claims --store S --issue-score 2", 2),
    ("claims --store S --issue-score high", 2), ("claims --store S --issue-evidence trig", 2),
    ("claims --store S --issue-evidence ''", 2), ("claims --store S -f xml", 2), ("claims --store S --distinct yes", 2),
    ("export jsonl --store S -o c.jsonl --since yesterday", 2), ("export csv --store S -o c.csv --limit -1", 2),
    ("export graphml --store S -o g.graphml --issue-score 2", 2), ("view --store S -o v.html --until 12/2025", 2),
    ("view --store S -o v.html --min-confidence 2", 2), ("unassigned --store S --issue-evidence trig", 2),
    ("unassigned --store S --issue-score 2", 2), ("issues list --store S --issue-evidence trig", 2),
    ("issues list --store S --issue-score -1", 2),
    # export / view / issues suggest: what they are asked to write (a neo4j export's CSV files go in the corpus folder C
    # as any new file of another name does: no build reads them, so it writes, status 0 -- graphkit.inputs' one rule)
    ("export bogus --store S -o x", 2), ("export graphml --store S -o nosuch/folder/g.graphml", 2),
    ("export graphml --store S -o C", 2), ("export jsonl --store S -o S", 2), ("export csv --store S -o other.db", 2),
    ("export jsonl --store S -o C/001_56cb526c82487007.txt", 2), ("export jsonl --store S -o C/metadata.jsonl", 2),
    ("export jsonl --store S -o new/", 2), ("export neo4j --store S -o notes.txt", 2),
    ("export neo4j --store S -o graph.csv", 2), ("export neo4j --store S -o C", 0), ("export neo4j --store S -o /dev/null", 2),
    ("export neo4j --store S -o nosuch/folder/neo", 2), ("export jsonl --store S -o /proc/c.jsonl", 2),
    ("export csv --store S -o notes.txt", 2), ("view --store S -o notes.txt", 2),   # a file graphkit did not write
    ("issues suggest --store S -o notes.txt", 2),
    ("view --store S -o C", 2), ("view --store S -o S", 2), ("view --store S -o new/", 2), ("view --store S -o v.html --actors 0", 2),
    ("view --store S -o C/metadata.jsonl", 2), ("issues suggest --store S -o C", 2), ("issues suggest --store S -o S", 2),
    ("issues suggest --store S -o i.yaml --n-issues 0", 2), ("issues suggest --store S -o C/metadata.jsonl", 2),
    # the other listings
    ("actors --store S -f xml", 2), ("problems --store S -f pdf", 2), ("contradictions --store S --min-score 2", 2),
    ("contradictions --store S --min-score x", 2), ("contradictions --store S --within -1", 2),
    ("contradictions --store S -f xml", 2), ("issues frobnicate --store S", 2),
    # settings in the environment
    ("GRAPHKIT_GEMM=bogus claims --store S", 2), ("GRAPHKIT_MODELS=/nonexistent build C --store s4.gk -q", 2),
]


def _folder(work: Path, graphkit: str) -> None:
    """The corpus C (the sample) and its store S.gk (built from it, so that what it was built from is known: an -o
    there is refused), the corpus BAD (bad files and metadata rows), the knowledge files the rows name, in ``work``."""
    shutil.copytree(ROOT / "corpus", work / "C", ignore=shutil.ignore_patterns("README.md"))
    subprocess.run([graphkit, "build", "C", "--store", "S.gk", "-q"], cwd=work, check=True, capture_output=True)
    (work / "empty").mkdir()
    (work / "notes.txt").write_text("just some notes\n")
    (work / "broken.yaml").write_text("issues: [unclosed\n")
    (work / "notalist.yaml").write_text("issues: council tax\nactors: 3\n")
    (work / "latin1.yaml").write_bytes("issues:\n  - name: Caf\u00e9\n".encode("latin-1"))
    import sqlite3

    with sqlite3.connect(work / "other.db") as db:
        db.execute("CREATE TABLE meta (key TEXT, value TEXT)")
    db.close()
    bad = work / "BAD"
    (bad / "sub").mkdir(parents=True)
    said = "Mayor Ann Lee said on Monday that the bridge would open in May. Critics said it would not.\n"
    files = {"ok.txt": said.encode(), "empty.txt": b"", "blank.txt": b"  \n\n", "scan.txt": b"%PDF-1.4 binary\x00\x01",
             "nul.txt": b"a\x00b\x00c" * 50, "latin1.txt": said.replace("Lee", "L\u00e9e").encode("latin-1"),
             "utf16.txt": said.encode("utf-16"), "bom.txt": b"\xef\xbb\xbf" + said.encode(),
             "crlf.txt": said.replace("\n", "\r\n").encode(), "scripts.html": b"<script>x()</script><style>p{}</style>",
             "broken_front.md": b"---\ntitle: [unclosed\n---\n" + said.encode(), "sub/ok.txt": said.encode(),
             "quote.txt": b'The minister said: "Prices will fall. ' + said.encode(), "README.md": b"About.\n",
             "metadata.jsonl": b'{"doc_id": "ok", "published": "2025-11-26"}\n{"doc_id": "ok", "published": "26/11/2025"}\n'
                               b'{"doc_id": "ghost", "published": "2025-11-26"}\nnot json\n{"published": "2025"}\n'
                               b'{"doc_id": "crlf", "published": "2999-01-01"}\n',
             "metadata.csv": b"doc_id,published\nok.txt,2025-11-27\nbom,2025-02-30\n"}
    for name, data in files.items():
        (bad / name).write_bytes(data)
    (bad / "moved.txt").symlink_to("elsewhere/moved.txt")  # a link named as an article that leads to no file


def run_row(graphkit: str, line: str, work: Path, timeout: float = 300) -> tuple[int, list[str]]:
    """Run one row in ``work``: its exit status and the lines it wrote on stderr (stdout's last line when none)."""
    import shlex

    words = shlex.split(line)
    env = dict(os.environ)
    while words and "=" in words[0] and not words[0].startswith("-"):
        k, v = words.pop(0).split("=", 1)
        env[k] = v
    words = [{"S": "S.gk", "S2": "s2.gk", "S3": "s3.gk"}.get(w, w) for w in words]
    r = subprocess.run([graphkit, *words], cwd=work, capture_output=True, text=True, env=env, timeout=timeout)
    lines = r.stderr.strip().splitlines() or r.stdout.strip().splitlines()[-1:]
    return r.returncode, lines


def interrupted(graphkit: str, work: Path) -> tuple[int, str, str]:
    """Ctrl-C during a build of 120 articles (the sample's, 24 times), 12 s after it took its store's lock, then
    the same command again: (the first's status, its line, the second's summary line)."""
    import time

    many = work / "MANY"
    many.mkdir()
    for k in range(24):
        for f in sorted((ROOT / "corpus").glob("*.txt")):
            (many / f"{k:02d}_{f.name}").write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
    cmd = [graphkit, "build", "MANY", "--store", "ctrl-c.gk", "-q"]
    # Ctrl-C as a terminal gives it: a sweep started in the background (`nohup ... &`) passes SIGINT ignored to its
    # children, and Python then never turns it into KeyboardInterrupt
    p = subprocess.Popen(cmd, cwd=work, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                         start_new_session=True, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    while p.poll() is None and not (work / "ctrl-c.gk.lock").exists():
        time.sleep(0.1)  # until the build holds its store's lock: the parse begins (a bench's wait, not a test's)
    time.sleep(12)  # the first batches stored
    os.killpg(p.pid, signal.SIGINT)
    out, err = p.communicate(timeout=120)
    again = subprocess.run(cmd, cwd=work, capture_output=True, text=True, timeout=300)
    return p.returncode, (err.strip().splitlines() or [""])[-1], (again.stdout.strip().splitlines() or [""])[0]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--graphkit", default=str(Path(sys.executable).parent / "graphkit"), help="the console script")
    args = ap.parse_args(argv)
    bad = 0
    with tempfile.TemporaryDirectory(prefix="gk-sweep-") as tmp:
        work = Path(tmp)
        _folder(work, args.graphkit)
        for line, want in ROWS:
            rc, lines = run_row(args.graphkit, line, work)
            said = " | ".join(lines)
            wrong = ("Traceback" in said and "traceback") or (rc != want and f"status {rc}, not {want}") or \
                    (not lines and "said nothing") or (want == 2 and len(lines) != 1 and f"{len(lines)} lines")
            bad += bool(wrong)
            print(f"{'FAIL ' + wrong if wrong else 'ok'}\t{rc}\tgraphkit {line}\t{said[:300]}", flush=True)
        rc, line, again = interrupted(args.graphkit, work)
        wrong = rc != 130 or "run the same command" not in line or not again.startswith("articles: 120")
        bad += wrong
        print(f"{'FAIL' if wrong else 'ok'}\t{rc}\tCtrl-C during graphkit build MANY --store ctrl-c.gk\t{line} // again: {again}")
    print(f"{len(ROWS) + 1} commands, {bad} wrong")
    return 1 if bad else 0


if __name__ == "__main__":
    from graphkit.errors import script_main

    sys.exit(script_main("bad_input_sweep", main))
