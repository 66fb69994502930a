"""The repository holds no PolNeAR text: bench/audits verdicts and locators, elsewhere invented sentences (bench/audit_refs.py).

PolNeAR's articles are copyrighted news for research use: the project reads them from ../shared and
never copies them. An audit file points at the claims it judges with ``{pn:ARTICLE@START-END}``. A run of
``RUN_WORDS`` (6) consecutive words that a PolNeAR article holds is its text: independent news shares
no such run with PolNeAR by chance (the reason for 6 is in bench/audit_refs.py's docstring).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from checkout_paths import ROOT

AUDITS = ROOT / "bench" / "audits"
sys.path.insert(0, str(ROOT / "bench"))

import audit_refs  # noqa: E402
from audit_refs import Corpus, convert_text, count_verdicts, polnear_runs, render_text  # noqa: E402


def audit_files() -> list[Path]:
    return sorted(AUDITS.glob("*.txt"))


@pytest.fixture(scope="module")
def polnear(shared):
    """PolNeAR train + dev, with every six-word window of the audit files looked up once (a few seconds)."""
    arts = audit_refs.load_polnear(shared / "data" / "polnear")
    audit_refs.prime([p.read_text(encoding="utf-8") for p in audit_files()], arts)
    return arts


def test_audit_files_exist():
    assert len(audit_files()) >= 59, f"bench/audits lost files: {len(audit_files())} left"


@pytest.mark.parametrize("path", audit_files(), ids=lambda p: p.name)
def test_audit_file_parses(path):
    """Every ``{pn:`` is a well-formed locator or note (a hand edit can break one), offsets in order."""
    text = path.read_text(encoding="utf-8")
    bad = [m.group() for m in re.finditer(r"\{pn:[^}]*\}?", text) if not audit_refs.REF_RE.fullmatch(m.group())]
    assert not bad, f"{path.name}: malformed locators {bad[:3]}; write them as {{pn:ARTICLE@START-END}}"
    backwards = [m.group() for m in audit_refs.LOCATOR_RE.finditer(text) if int(m.group(2)) >= int(m.group(3))]
    assert not backwards, f"{path.name}: locators with START >= END: {backwards[:3]}"


@pytest.mark.parametrize("path", audit_files(), ids=lambda p: p.name)
def test_audit_file_holds_no_polnear_text(path, polnear):
    text = path.read_text(encoding="utf-8")
    runs = polnear_runs(text, polnear)
    shown = "; ".join(f"{text[s:e][:80]!r} ({a})" for s, e, a in runs[:3])
    assert not runs, (f"{path.name} quotes PolNeAR: {len(runs)} runs of {audit_refs.RUN_WORDS}+ words ({shown}); "
                      f"run `python bench/audit_refs.py convert {path.relative_to(ROOT)}` to turn them into locators")


@pytest.mark.parametrize("path", audit_files(), ids=lambda p: p.name)
def test_audit_file_locators_point_into_polnear(path, polnear):
    text = path.read_text(encoding="utf-8")
    missing = render_text(text, polnear).count("[not in PolNeAR]")
    assert not missing, (f"{path.name}: {missing} locators name no PolNeAR article or fall outside its text; "
                         f"`python bench/audit_refs.py render {path.relative_to(ROOT)} | grep 'not in PolNeAR'` shows them")


def test_repository_holds_no_polnear_text(polnear):
    """No tracked file quotes PolNeAR: tests, docstrings and docs use invented sentences, the measurement logs
    locators. Every file git tracks is read but the ones that are not text (the PNGs of docs/); one pass, a few
    seconds. `python bench/audit_refs.py scan` is the same check from the command line."""
    try:
        texts = audit_refs.tracked_texts(ROOT)
    except (FileNotFoundError, subprocess.CalledProcessError) as e:
        pytest.skip(f"not a git checkout, so no list of tracked files ({e})")
    assert len(texts) > 100, f"git lists only {len(texts)} text files: the scan would miss the repository"
    found = audit_refs.scan_texts(texts, polnear)
    shown = "\n".join(f"  {Path(f).relative_to(ROOT)}:{line} ({a}) {' '.join(t.split())[:90]!r}"
                      for _, f, line, a, t in sorted(found, key=lambda x: (x[1], x[2]))[:15])
    assert not found, (f"{len(found)} runs of {audit_refs.RUN_WORDS}+ words of PolNeAR in the repository "
                       f"({len({f for _, f, *_ in found})} files):\n{shown}\nIn tests and docstrings write an invented "
                       f"sentence of the same construction; in a measurement log or audit file a locator "
                       f"(`python bench/audit_refs.py convert FILE`). `python bench/audit_refs.py scan` lists them all.")


# ------------------------------------------------------------------------------------ the converter's rules

ARTICLE = ("Mr. Smith said: “We will win the state by ten points,” to cheers. Committee staff member "
           "rejected the offer. The mayor seemed to wave the idea away when he told reporters that he "
           "would not sign the bill again, according to his office. The governor has the ''strongest record'' "
           "of any mayor in the county.")
CORPUS_TEXT = {"nyt_2016-01-01_a-test-article": ARTICLE}
A = "nyt_2016-01-01_a-test-article"


def loc(phrase: str, occurrence: int = 0) -> str:
    start = -1
    for _ in range(occurrence + 1):
        start = ARTICLE.index(phrase, start + 1)
    return audit_refs.locator(A, start, start + len(phrase))


CASES = [
    # (why, old line, new line)
    ("a quote of six words or more becomes a locator, its quote marks kept",
     "4 right John Smith ('We will win the state by ten points')",
     f"4 right John Smith ('{loc('We will win the state by ten points')}')"),
    ("quote styles do not matter (straight in the file, curly in the article)",
     '9 n campaign: "We will win the state by ten points,"',
     f'9 n campaign: "{loc("We will win the state by ten points")},"'),
    ("five words are no run: names and short phrases stay readable",
     "3 right Smith ('We will win the state')", "3 right Smith ('We will win the state')"),
    ("a field separator the article lacks splits a run: the speaker stays, the content becomes a locator",
     " 13. Committee staff member: rejected the offer",
     f" 13. Committee staff member: {loc('rejected the offer')}"),
    ("quoted fragments cut by ellipses, on a line that points into the article, are located",
     "2 wrong 'he' ('The mayor seemed to wave ... when he told reporters that he would not sign the bill')",
     f"2 wrong 'he' ('{loc('The mayor seemed to wave')} ... "
     f"{loc('when he told reporters that he would not sign the bill')}')"),
    ("a claim cut mid-word by the audit script ('[...]') ends its locator at the cut",
     " 7 y campaign: The mayor seemed to wave the idea away when he to[...]",
     f" 7 y campaign: {loc('The mayor seemed to wave the idea away when he to')}[...]"),
    ("the NYT's doubled single quotes are its quotes",
     "1 n x: The governor has the ''strongest record'' of any mayor",
     "1 n x: " + loc("The governor has the ''strongest record'' of any mayor")),
    ("a run over two lines gives one locator per line, so a file's lines stay its lines",
     "# the content was 'The mayor seemed to wave the idea away\n# when he told reporters', as written",
     f"# the content was '{loc('The mayor seemed to wave the idea away')}\n# {loc('when he told reporters')}', "
     "as written"),
    ("the article id is no text, and a line in the new form is left as it is",
     f"art: {A}  5 right Smith ({loc('We will win the state by ten points')})",
     f"art: {A}  5 right Smith ({loc('We will win the state by ten points')})"),
    ("the verdict at a line's head is never part of a run", "1 right we will win the state by ten",
     f"1 right {loc('We will win the state by ten')}"),
]


@pytest.mark.parametrize("why,old,new", CASES, ids=[c[0][:40] for c in CASES])
def test_convert(why, old, new):
    arts = Corpus.of(CORPUS_TEXT)
    got, _ = convert_text(old, arts)
    assert got == new, why
    assert convert_text(got, arts)[0] == got, "converting twice changes nothing (the lead re-runs it on new files)"
    assert count_verdicts(got) == count_verdicts(old)
    assert audit_refs.loose_words(render_text(got, arts)) == audit_refs.loose_words(render_text(old, arts)), \
        "render gives every word back"


VERDICT_CASES = [
    ("12 right Donald Trump ('Trump')", {"right": 1}),
    ("3 partial 'news outlet' left as written", {"partial": 1}),
    (" 2 n minimum wage [learnt: social; score 0.64]: Congress: {pn:a@1-9}", {"n": 1}),
    ("A2 n primary delegates, named general election", {"n": 1}),
    (" 18 w Senate: vote to confirm", {"w": 1}),
    (" y 1. emails [classified 0.75] | {pn:a@1-9}", {"y": 1}),
    ("[better] 10. Hillary Clinton: {pn:a@1-9}", {"better": 1}),
    (" 3 + golf clubs' profit: golf courses / recession    23 = Pope's critics (both miss)", {"+": 1, "=": 1}),
    (" 12 health care n (D.C.)        21 law enforcement n (Afghanistan base)", {"n": 2}),
    ("# 1 right  (a comment)", {}),
    ("  lost 422", {}),
]


@pytest.mark.parametrize("line,expected", VERDICT_CASES, ids=[c[0][:30] for c in VERDICT_CASES])
def test_count_verdicts(line, expected):
    assert dict(count_verdicts(line)) == expected


# ------------------------------------------------------------------ scan where git gives no list of tracked files

def _no_checkout(tmp: Path) -> dict:
    """An unpacked sdist or a copied tree: no .git above it."""
    return {}


def _checkout_tracking_nothing(tmp: Path) -> dict:
    """The tree copied into another checkout: git lists nothing, and a scan of nothing would pass in silence."""
    if shutil.which("git") is None:
        pytest.skip("no git here to make a checkout with")
    subprocess.run(["git", "init", "-q", str(tmp)], check=True)
    return {}


def _no_git_on_path(tmp: Path) -> dict:
    return {"PATH": str(tmp / "empty")}


@pytest.mark.parametrize("setup,cause", [
    (_no_checkout, "is not a git checkout"),
    (_checkout_tracking_nothing, "git tracks no file under"),
    (_no_git_on_path, "git is not on the PATH"),
], ids=["no checkout", "a checkout tracking nothing", "no git"])
def test_scan_without_a_list_of_tracked_files_says_so_in_one_line(tmp_path, setup, cause):
    """`audit_refs.py scan` (no file) run from a copied tree: one line with the cause and the fix, exit 2, no
    traceback (it was a CalledProcessError traceback)."""
    env = setup(tmp_path)
    tree = tmp_path / "copy"
    (tree / "bench").mkdir(parents=True)
    for name in ("audit_refs.py", "polnear.py"):  # polnear.py: where audit_refs reads PolNeAR
        (tree / "bench" / name).write_bytes((ROOT / "bench" / name).read_bytes())
    (tree / "notes.md").write_text("Nothing quoted here.\n", encoding="utf-8")
    polnear = tmp_path / "polnear"
    polnear.mkdir()
    (polnear / "train.jsonl").write_text('{"id": "a", "text": "He said the talks would resume."}\n', encoding="utf-8")
    run = subprocess.run([sys.executable, str(tree / "bench" / "audit_refs.py"), "--polnear", str(polnear), "scan"],
                         capture_output=True, text=True, cwd=tmp_path, env={**os.environ, **env}, timeout=120)
    lines = run.stderr.splitlines()
    assert run.returncode == 2 and len(lines) == 1 and run.stdout == "", (run.returncode, run.stdout, run.stderr)
    assert lines[0].startswith("audit_refs: error: ") and cause in lines[0], lines[0]
    assert "name the files or folders to scan" in lines[0], lines[0]
