"""Bad input gets a clear answer (issue 7).

The tests write a corpus of everything researchers actually feed graphkit —
empty and binary files, PDFs renamed .txt, Latin-1/UTF-16/BOM text, broken
front matter and metadata, impossible dates, duplicate ids, unbalanced quotes,
another language — and check, case by case, that each file is either kept,
kept with a degradation, or skipped, always with a reason; then that a real
``graphkit build`` over the whole lot finishes, stores and prints that list,
puts the good articles in the graph, and that ``--strict`` fails with the same
list. Nothing may print a traceback.
"""

from __future__ import annotations

import json
import os
import threading
import time
from pathlib import Path

import pytest
from checkout_paths import ROOT
from cli_run import run

from graphkit.decoding import decode
from graphkit.ingest import read_corpus
from graphkit.metadata import DATE_ROW

SAID = "Kremlin spokesman Dmitry Peskov said the talks in Geneva were useful."
SAID2 = "Foreign Minister Sergey Lavrov said Europe was to blame for the failure of the talks."

# (relative path, raw bytes, metadata row or None, outcome, reason fragment, text check)
# outcome: "kept" = a Document with no problem listed; "degraded" = a Document and a degraded entry;
# "skipped" = no Document and a skipped entry.
CASES = [
    ("empty.txt", b"", {}, "skipped", "no text", None),
    ("blank.txt", b"  \n\t \r\n   \n", {}, "skipped", "no text", None),
    ("binary.txt", bytes(range(256)) * 16, {}, "skipped", "binary data (NUL bytes)", None),
    ("binary_nonul.txt", bytes((i * 7919) % 255 + 1 for i in range(4000)), {}, "skipped", "binary data", None),
    ("scan.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\nstream\n\x00\x9c\xff\nendstream\n",
     {}, "skipped", "a PDF file", None),
    ("letter.txt", b"PK\x03\x04\x14\x00\x06\x00" + bytes(200), {}, "skipped", "ZIP archive", None),
    ("latin1.txt", ("Le café était fermé. " + SAID).encode("latin-1"), {}, "kept", None,
     "Le café était fermé. " + SAID),
    ("utf16.txt", ("Grüße aus Genf — “naïve” hopes. " + SAID).encode("utf-16"), {}, "kept", None,
     "Grüße aus Genf — “naïve” hopes. " + SAID),
    ("utf16le.txt", SAID2.encode("utf-16-le"), {}, "kept", None, SAID2),
    ("bom.txt", b"\xef\xbb\xbf" + SAID.encode(), {}, "kept", None, SAID),
    ("newlines.txt", (SAID + "\r\n" + SAID2 + "\rThe end.\n").encode(), {}, "kept", None,
     SAID + "\n" + SAID2 + "\nThe end.\n"),
    ("scripts.html", b"<html><head><title>t</title><script>var said = 'Peskov said x';</script>"
     b"<style>p{color:red}</style></head></html>", {}, "skipped", "no text", None),
    ("withscript.html", ("<html><body><script>document.write('Lavrov said nothing')</script><article><p>" + SAID +
                         "</p></article></body></html>").encode(), {}, "kept", None, SAID),
    ("broken_front.md", ("---\ntitle: [unclosed\n  : : bad\n---\n" + SAID + "\n").encode(), None, "degraded",
     "front matter is not valid YAML", SAID + "\n"),
    ("unlisted.txt", SAID.encode(), None, "degraded", "no row in the corpus metadata", SAID),
    ("us_date.txt", SAID.encode(), {"published": "12/03/2025"}, "degraded", "not an ISO date", SAID),
    ("impossible_date.txt", SAID.encode(), {"published": "2025-02-30"}, "degraded", "not an ISO date", SAID),
    ("future.txt", SAID.encode(), {"published": "2999-01-01"}, "degraded", "in the future", SAID),
    ("a/dup.txt", SAID.encode(), {}, "kept", None, SAID),
    ("b/dup.txt", SAID2.encode(), {}, "skipped", "already used by a/dup.txt", None),
    ("unbalanced.txt", ('Peskov said: "The talks were useful. Lavrov said "no" and "maybe" and "yes.\n'
                        + SAID2).encode(), {}, "kept", None, None),
    ("neverclosed.txt", ("Lavrov told reporters: \u201cEurope is to blame for everything, and the talks will fail "
                         "unless Washington changes course, and nobody in Brussels understands it " * 40).encode(),
     {}, "kept", None, None),
    ("german.txt", ("Der Außenminister sagte am Dienstag, dass die Verhandlungen in Genf fortgesetzt werden. "
                    "Die Regierung in Berlin erklärte, sie unterstütze den Plan nicht, solange die Ukraine "
                    "nicht zustimme.").encode(), {}, "degraded", "does not look like English", None),
    ("russian.txt", "Министр иностранных дел Сергей Лавров заявил во вторник, что переговоры в Женеве продолжатся."
     .encode("cp1251"), {}, "degraded", "does not look like English", None),
]
# web pages saved from a browser and Markdown: what the page says about itself is read, furniture is not text
BROWSER_PAGE = ("""<html><head><title>Talks in Geneva | The Daily Planet</title>
<meta property="article:published_time" content="2025-11-24T09:30:00+00:00">
<meta property="og:site_name" content="The Daily Planet"><meta name="author" content="Jane Doe">
<link rel="canonical" href="https://planet.example/world/geneva-talks">
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "Talks in Geneva", "datePublished": "2025-11-24T09:30:00Z",
 "author": [{"@type": "Person", "name": "Jane Doe"}], "publisher": {"@type": "Organization", "name": "The Daily Planet"}}
</script></head><body><nav><a href="/">Home</a></nav><article><h1>Talks in Geneva</h1>
<div class="article-byline"><span>By Jane Doe</span> · <span>4 min read</span></div>
<p>By Jane Doe · 4 min read</p>
<ul class="share-tools"><li>Share on Facebook</li><li>Share on X</li></ul>
<p>""" + SAID + """</p><p>""" + SAID2 + """</p><p>Share this article</p></article></body></html>""").encode()
UNDATED_PAGE = b"<html><head><title>Talks</title></head><body><article><p>" + SAID.encode() + b"</p></article></body></html>"
MARKDOWN = ("---\nsource: Planet\n---\n# Lavrov blames Europe for everything\n\n"
            "Kremlin spokesman *Dmitry Peskov* said the talks in **Geneva** were useful.\n\n## Background\n\n"
            "> " + SAID2 + "\n").encode()
CASES += [
    ("browser.html", BROWSER_PAGE, None, "kept", None, SAID + "\n" + SAID2),   # headings are not text either
    ("undated.html", UNDATED_PAGE, {"published": ""}, "degraded", "no publication date", SAID),
    ("nodate.txt", SAID.encode(), {"published": None}, "degraded", "no publication date", SAID),
    ("heading.md", MARKDOWN, {}, "kept", None, SAID + "\n\n" + SAID2 + "\n"),
]
# metadata problems: (path reported, reason fragment)
META_PROBLEMS = [
    ("metadata:ghost", "metadata row names no article file"),
    ("metadata.jsonl:", "broken metadata row"),
    ("metadata.jsonl:", "broken metadata row, seemingly broken's ("),  # the article whose line says it has no row
    ("metadata.jsonl:", "metadata row has no doc_id"),
    ("metadata.jsonl:", "has a row already"),
]
KEPT = [c for c in CASES if c[3] != "skipped"]


def write_bad_corpus(root: Path) -> Path:
    """The bad-input corpus of CASES under root (metadata.jsonl included)."""
    root.mkdir(parents=True, exist_ok=True)
    rows = []
    for rel, raw, meta, *_ in CASES:
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(raw)
        if meta is not None and Path(rel).stem not in {r["doc_id"] for r in rows}:
            rows.append({"doc_id": Path(rel).stem, "published": "2025-11-25", **meta})
    lines = [json.dumps(r, ensure_ascii=False) for r in rows]
    lines.insert(3, '{"doc_id": "ghost", "published": "2025-11-25"}')  # a row for a file that is not there
    lines.insert(5, '{"doc_id": "broken", "published": ')  # a truncated JSON line
    lines.insert(7, '{"title": "a row without doc_id"}')
    lines.append('{"doc_id": "latin1", "published": "2025-11-25", "title": "the same article again"}')
    (root / "metadata.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def bad_corpus(tmp_path_factory) -> Path:
    return write_bad_corpus(tmp_path_factory.mktemp("bad") / "corpus")


@pytest.fixture(scope="module")
def ingested(bad_corpus):
    return read_corpus(bad_corpus)


# ------------------------------------------------------------------ ingest: one row per case


@pytest.mark.parametrize("rel,raw,meta,outcome,reason,text", CASES, ids=[c[0] for c in CASES])
def test_each_bad_file_gets_an_outcome_and_a_reason(ingested, rel, raw, meta, outcome, reason, text):
    docs = {d.path: d for d in ingested.documents}
    listed = [s for s in ingested.skipped if s.path == rel]
    if outcome == "skipped":
        assert rel not in docs
        assert len(listed) == 1 and not listed[0].degraded
        assert reason in listed[0].reason
    else:
        assert rel in docs, f"{rel} should be read, got {listed}"
        doc = docs[rel]
        if outcome == "kept":
            assert listed == []
        else:
            assert len(listed) == 1 and listed[0].degraded, listed  # one line per file, all its problems in it
            assert reason in listed[0].reason
            assert any(reason in n for n in doc.notes)
        if text is not None:
            assert doc.text == text
        assert "\r" not in doc.text and "\x00" not in doc.text and not doc.text.startswith("\ufeff")


@pytest.mark.parametrize("path,reason", META_PROBLEMS)
def test_metadata_problems_are_listed(ingested, path, reason):
    assert any(s.path.startswith(path) and reason in s.reason and s.degraded for s in ingested.skipped), ingested.skipped


def test_several_problems_of_one_file_share_its_line(ingested):
    (entry,) = [s for s in ingested.skipped if s.path == "broken_front.md"]
    assert "front matter is not valid YAML" in entry.reason and "no row in the corpus metadata" in entry.reason


def test_every_reason_says_what_to_do(ingested):
    # a reason is a cause and a fix: "...; convert it", "...; rename one of them", "...: add a row"
    for s in ingested.skipped:
        assert s.reason and (";" in s.reason or ":" in s.reason), s


@pytest.mark.parametrize("doc_id,field,value", [
    ("browser", "published", "2025-11-24"),              # article:published_time / JSON-LD datePublished
    ("browser", "title", "Talks in Geneva"),             # without " | The Daily Planet"
    ("browser", "url", "https://planet.example/world/geneva-talks"),   # <link rel="canonical">
    ("browser", "author", "Jane Doe"),                   # JSON-LD author
    ("browser", "source", "The Daily Planet"),           # og:site_name
    ("undated", "title", "Talks"),
    ("heading", "title", "Lavrov blames Europe for everything"),       # a Markdown heading is the title, not text
    ("heading", "source", "Planet"),                     # front matter
])
def test_a_page_tells_its_own_metadata(ingested, doc_id, field, value):
    doc = {d.id: d for d in ingested.documents}[doc_id]
    assert str(getattr(doc, field)) == value


@pytest.mark.parametrize("text, row_title, title", [
    ("Council Votes to Freeze Bus Fares\n\nThe council said fares would not rise.", None,
     "Council Votes to Freeze Bus Fares"),                          # unclosed: the headline
    ("Quiet Exit: Mayor Was Driven to the Clinic But Turned Back Before the Cameras Came.\n\nThe Gazette reports that "
     "her staff kept the visit quiet.", None,
     "Quiet Exit: Mayor Was Driven to the Clinic But Turned Back Before the Cameras Came."),  # title-case, closed
    ("Council Votes to Freeze Bus Fares\n\nThe council said fares would not rise.", "Fares frozen",
     "Fares frozen"),                                               # the metadata's title wins
    ("The council said fares would not rise.\nThe mayor agreed.", None, None),  # running text: no title, its id
    ("Bus fares frozen", None, None),                               # a line with nothing under it is no headline
    ("By Ann Lee\nThe council said fares would not rise.", None, None),  # a byline first
])
def test_an_article_without_a_title_is_titled_by_its_headline(tmp_path, text, row_title, title):
    """An article whose metadata, front matter and page give no title is titled by its first line when that line is
    its headline (`graphkit.ingest.text_title`), as the parse reads it: the parse given that title as the metadata's
    cuts the same segments, so no claim changes."""
    from graphkit.segments import segments

    (tmp_path / "fares.txt").write_text(text, encoding="utf-8")
    if row_title:
        (tmp_path / "metadata.jsonl").write_text(json.dumps({"doc_id": "fares", "published": "2025-11-25",
                                                             "title": row_title}) + "\n")
    doc = read_corpus(tmp_path).documents[0]
    assert doc.title == title
    if title and not row_title:
        assert segments(doc.text, doc.title) == segments(doc.text)


def test_metadata_reaches_the_document(ingested):
    docs = {d.id: d for d in ingested.documents}
    assert str(docs["latin1"].published) == "2025-11-25"
    assert docs["future"].published is None and docs["us_date"].published is None
    assert docs["latin1"].encoding in ("cp1252", "latin_1") and docs["utf16"].encoding.startswith("utf-16")


@pytest.mark.parametrize("raw,expected", [
    ("café déjà vu".encode("latin-1"), "café déjà vu"),
    ("“smart” quotes – and a dash".encode("cp1252"), "“smart” quotes – and a dash"),
    ("Grüße aus München".encode("utf-16"), "Grüße aus München"),
    ("Grüße aus München".encode("utf-16-be"), "Grüße aus München"),
    ("plain".encode("utf-8-sig"), "plain"),
    ("Лавров заявил, что переговоры продолжатся.".encode("cp1251"), "Лавров заявил, что переговоры продолжатся."),
    (b"", ""),
])
def test_decode_table(raw, expected):
    text, _, problem = decode(raw)
    assert problem is None and text.lstrip("\ufeff") == expected


def test_a_file_name_that_is_not_utf8_is_read(tmp_path):
    """Linux keeps file names as bytes: an old Windows zip gives 'caf\\xe9.txt', which no record can hold as is."""
    import os

    root = tmp_path / "names"
    root.mkdir()
    with open(os.path.join(os.fsencode(root), b"caf\xe9 report.txt"), "wb") as f:
        f.write(SAID.encode())
    res = read_corpus(root)
    (doc,) = res.documents
    assert doc.id == "café report" and doc.path == "café report.txt" and doc.text == SAID
    (entry,) = res.skipped
    assert entry.degraded and "not UTF-8" in entry.reason and "rename" in entry.reason


@pytest.mark.parametrize("target", ["gone.txt", "../elsewhere/gone.txt", "b.txt"])  # the last a loop
def test_a_link_to_an_article_that_leads_nowhere_is_reported(tmp_path, target):
    root = tmp_path / "corpus"
    root.mkdir()
    (root / "a.txt").write_text(SAID, encoding="utf-8")
    (root / "b.txt").symlink_to(target)
    res = read_corpus(root)
    assert [d.id for d in res.documents] == ["a"]
    (problem,) = [s for s in res.skipped if s.path == "b.txt"]
    assert not problem.degraded and problem.reason.startswith(f"a link to '{target}', which leads to no file (")
    assert problem.reason.endswith("fix or remove the link")


def test_a_pipe_named_as_an_article_is_reported_not_waited_on(tmp_path):
    """A FIFO named b.txt (a half-set-up export from another tool) is listed with what to do, and never opened (a
    read would wait for a writer for ever); the rest of the corpus is read. It was left out without a word."""
    root = tmp_path / "corpus"
    root.mkdir()
    (root / "a.txt").write_text(SAID, encoding="utf-8")
    os.mkfifo(root / "b.txt")
    done: list = []
    reading = threading.Thread(target=lambda: done.append(read_corpus(root)), daemon=True)
    reading.start()
    reading.join(timeout=60)   # opening the pipe to read it would wait here for ever
    assert done, "read_corpus waited on the pipe"
    res = done[0]
    assert [d.id for d in res.documents] == ["a"]
    assert [(s.path, s.reason, s.degraded) for s in res.skipped if s.path == "b.txt"] == [
        ("b.txt", "a pipe or a device, not a file; save the article as a plain file", False)]


def _refused(path: Path):
    raise PermissionError(13, "Permission denied", str(path))


def _deleted(path: Path):
    path.unlink()  # by another program, after the build listed the folder and before it read the file


GONE = ": it was moved or deleted after the folder was listed; run the command again"


@pytest.mark.parametrize("unreadable,meanwhile,reason,articles", [
    ("b.txt", _refused, "cannot read the file (Permission denied); check its permissions", ["a"]),
    ("metadata.jsonl", _refused, "cannot read metadata (Permission denied); check its permissions", ["a", "b"]),
    # they told a file gone since the folder was listed to "check its permissions"
    ("b.txt", _deleted, "cannot read the file (No such file or directory)" + GONE, ["a"]),
    ("metadata.jsonl", _deleted, "cannot read metadata (No such file or directory)" + GONE, ["a", "b"]),
], ids=["article refused", "metadata refused", "article gone", "metadata gone"])
def test_a_file_that_cannot_be_read_is_reported(tmp_path, monkeypatch, unreadable, meanwhile, reason, articles):
    """A file the user may not read (simulated: root reads every file, so chmod cannot make one), or one deleted
    while the build runs, is listed with its cause and fix; the rest of the corpus is read."""
    root = tmp_path / "corpus"
    root.mkdir()
    (root / "a.txt").write_text(SAID, encoding="utf-8")
    (root / "b.txt").write_text(SAID2, encoding="utf-8")
    (root / "metadata.jsonl").write_text('{"doc_id": "a", "published": "2025-11-25"}\n', encoding="utf-8")
    read_bytes = Path.read_bytes

    def reading(self):
        if self.name == unreadable:
            meanwhile(self)
        return read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", reading)
    res = read_corpus(root)
    assert [d.id for d in res.documents] == articles
    assert [s.reason for s in res.skipped if s.path == unreadable] == [reason]


def test_a_metadata_folder_is_said_to_be_one(tmp_path):
    """A folder named metadata.jsonl (unpacked so by an archive tool) is listed, saying a file is wanted (it said
    "fix its permissions"); the articles are read."""
    root = tmp_path / "corpus"
    (root / "metadata.jsonl").mkdir(parents=True)
    (root / "a.txt").write_text(SAID, encoding="utf-8")
    res = read_corpus(root)
    assert [d.id for d in res.documents] == ["a"]
    assert [s.reason for s in res.skipped if s.path == "metadata.jsonl"] == [
        "cannot read metadata (Is a directory); give a file, not a folder"]


def test_metadata_csv_with_semicolons_and_file_names_as_ids(tmp_path):
    root = tmp_path / "csv"
    root.mkdir()
    (root / "a.txt").write_text(SAID)
    (root / "b.txt").write_text(SAID2)
    (root / "metadata.csv").write_bytes("\ufeffdoc_id;published;title\r\na.txt;2025-11-25;Geneva talks\r\n"
                                         "b;2025-11-26;Lavrov, again\r\n".encode("utf-8"))
    res = read_corpus(root)
    docs = {d.id: d for d in res.documents}
    assert str(docs["a"].published) == "2025-11-25" and docs["a"].title == "Geneva talks"
    assert str(docs["b"].published) == "2025-11-26"
    assert res.skipped == []


def test_unreadable_csv_metadata_is_reported(tmp_path):
    root = tmp_path / "badcsv"
    root.mkdir()
    (root / "a.txt").write_text(SAID)
    (root / "metadata.csv").write_text('doc_id,published\n"a,2025-11-25\n')  # a quote that never closes
    res = read_corpus(root)
    assert [d.id for d in res.documents] == ["a"]  # the article is still read
    paths = {s.path: s.reason for s in res.skipped}
    assert "no row in the corpus metadata" in paths["a.txt"]  # and both sides of the mismatch are listed
    assert any(p.startswith("metadata") and "names no article file" in r for p, r in paths.items())


#: two or more metadata rows for one article (their 'published' values, as metadata.jsonl lines or metadata.csv rows)
#: -> the date the article is given, the row whose line says so, the row it names (1: the first) and words of it. A
#: later row whose date cannot be read replaced an earlier good one, and the article lost its date.
SECOND_ROWS = [
    (["2025-11-26", "26/11/2025"], "2025-11-26", 2, 1, " whose date reads; that row is kept, not this one: "
     "published '26/11/2025' is not an ISO date"),
    (["2025-11-26", "2025-02-30"], "2025-11-26", 2, 1, " whose date reads; that row is kept, not this one: published '2025-02-30'"),
    (["2025-11-26", "2999-01-01"], "2025-11-26", 2, 1, " whose date reads; that row is kept, not this one: published '2999-01-01' is in "
     "the future"),
    (["2025-11-26", "2025-11-27", "Nov 28"], "2025-11-27", 3, 2, " whose date reads; that row is kept"),
    # controls: a later row that reads is used, whatever the earlier one held; a row with no date is no broken one
    (["26/11/2025", "2025-11-27"], "2025-11-27", 2, 1, "; this later row is used: delete the one you do not want"),
    (["2025-11-26", "2025-11-27"], "2025-11-27", 2, 1, "; this later row is used"),
    (["2025-11-26", None], None, 2, 1, "; this later row is used"),
]


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
@pytest.mark.parametrize("dates,published,row,names,words", SECOND_ROWS, ids=[" ".join(map(str, r[0])) for r in SECOND_ROWS])
def test_a_later_row_with_a_broken_date_leaves_the_good_row_standing(tmp_path, fmt, dates, published, row, names, words):
    (tmp_path / "a.txt").write_text(SAID)
    if fmt == "jsonl":
        rows = [{"doc_id": "a", "title": f"row {k}", **({} if d is None else {"published": d})} for k, d in enumerate(dates)]
        (tmp_path / "metadata.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
        line = lambda k: k  # noqa: E731
    else:
        (tmp_path / "metadata.csv").write_text("doc_id,published,title\n" + "".join(
            f"a,{d or ''},row {k}\n" for k, d in enumerate(dates)))
        line = lambda k: k + 1  # noqa: E731  (line 1 is the header)
    res = read_corpus(tmp_path)
    doc = res.documents[0]
    assert (str(doc.published) if doc.published else None) == published
    said = {s.path: s.reason for s in res.skipped}
    assert f"doc_id 'a' has a row already (line {line(names)}){words}" in said[f"metadata.{fmt}:{line(row)}"], said


def test_a_rebuild_after_a_broken_second_row_keeps_the_stored_date(tmp_path):
    """Nothing stored is lost: the article built with a good date keeps it, and the build's line says which row
    stands and why."""
    from graphkit.build import build, problem_lines
    from graphkit.store import Store

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(SAID)
    meta = corpus / "metadata.jsonl"
    meta.write_text('{"doc_id": "a", "published": "2025-11-26"}\n')
    build(corpus, tmp_path / "s.gk")
    meta.write_text(meta.read_text() + '{"doc_id": "a", "published": "next Tuesday"}\n')
    report = build(corpus, tmp_path / "s.gk")
    assert report.parsed == 0  # the article, its date and its claims stand as they were
    with Store(tmp_path / "s.gk", readonly=True) as s:
        assert [str(d.published) for d in s.documents()] == ["2025-11-26"]
    assert problem_lines(report.skipped) == [
        "degraded: metadata.jsonl:2: doc_id 'a' has a row already (line 1) whose date reads; that row is kept, not "
        "this one: published 'next Tuesday' is not an ISO date (YYYY-MM-DD); write it as YYYY-MM-DD"]


#: an article with a row in metadata.jsonl and another in metadata.csv: (jsonl's published, csv's) -> the date it is
#: given and words of metadata.csv's line. metadata.csv is read after metadata.jsonl, so its row is the later: the
#: rule of two rows in one file. It replaced jsonl's without a line.
BOTH_FILES = [
    ("2025-11-26", "2025-11-27", "2025-11-27", "doc_id 'a' has a row already (metadata.jsonl line 1); this later row "
     "is used: delete the one you do not want"),
    ("2025-11-26", "26/11/2025", "2025-11-26", "doc_id 'a' has a row already (metadata.jsonl line 1) whose date "
     "reads; that row is kept, not this one: published '26/11/2025' is not an ISO date"),
    ("26/11/2025", "2025-11-27", "2025-11-27", "(metadata.jsonl line 1); this later row is used"),
]


@pytest.mark.parametrize("jsonl,csv,published,words", BOTH_FILES, ids=[f"{a} {b}" for a, b, _, _ in BOTH_FILES])
def test_a_row_in_both_metadata_files_says_which_stands(tmp_path, jsonl, csv, published, words):
    (tmp_path / "a.txt").write_text(SAID)
    (tmp_path / "metadata.jsonl").write_text(json.dumps({"doc_id": "a", "published": jsonl, "title": "jsonl's"}) + "\n")
    (tmp_path / "metadata.csv").write_text(f"doc_id,published,title\na.txt,{csv},csv's\n")
    res = read_corpus(tmp_path)
    assert str(res.documents[0].published) == published
    said = {s.path: s.reason for s in res.skipped}
    assert words in said.get("metadata.csv:2", ""), said


def test_a_broken_row_in_a_second_metadata_file_keeps_the_stored_date(tmp_path):
    """Nothing stored is lost: a metadata.csv row with a broken date, added for an article metadata.jsonl dates, leaves
    the article as it was built, and the build's line says which row stands and why."""
    from graphkit.build import build, problem_lines
    from graphkit.store import Store

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(SAID)
    (corpus / "metadata.jsonl").write_text('{"doc_id": "a", "published": "2025-11-26"}\n')
    build(corpus, tmp_path / "s.gk")
    (corpus / "metadata.csv").write_text("doc_id,published\na,next Tuesday\n")
    report = build(corpus, tmp_path / "s.gk")
    assert report.parsed == 0
    with Store(tmp_path / "s.gk", readonly=True) as s:
        assert [str(d.published) for d in s.documents()] == ["2025-11-26"]
    assert problem_lines(report.skipped) == [
        "degraded: metadata.csv:2: doc_id 'a' has a row already (metadata.jsonl line 1) whose date reads; that row is "
        "kept, not this one: published 'next Tuesday' is not an ISO date (YYYY-MM-DD); write it as YYYY-MM-DD"]


def test_ten_thousand_tiny_articles_are_ingested(tmp_path):
    """10,000 one-line articles: ingest level (a full parse is timed in the report, not here)."""
    root = tmp_path / "tiny"
    for i in range(10):
        (root / f"part{i}").mkdir(parents=True)
    for i in range(10_000):
        (root / f"part{i % 10}" / f"t{i:05d}.txt").write_text(f"Official number {i} said the plan {i} was fine.\n")
    res = read_corpus(root)
    assert len(res.documents) == 10_000
    assert len(res.skipped) == 10_000 and all(s.degraded and "no publication date" in s.reason for s in res.skipped)
    ids = [d.id for d in res.documents]
    assert len(set(ids)) == 10_000
    assert res.documents[0].path == "part0/t00000.txt"


# ------------------------------------------------------------------ a real build over the bad corpus


@pytest.fixture(scope="module")
def built(bad_corpus, tmp_path_factory):
    store = tmp_path_factory.mktemp("badstore") / "bad.gk"
    proc = run(["build", bad_corpus, "--store", store, "--quiet"], store.parent)
    return proc, store


def test_build_finishes_and_lists_every_problem(built, ingested):
    proc, store = built
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout
    for s in ingested.skipped:
        line = f"{'degraded' if s.degraded else 'skipped'}: {s.path}: {s.reason}"
        assert line in proc.stdout.splitlines(), line


def test_problems_lists_every_file_the_build_summary_grouped(built, ingested):
    _, store = built
    proc = run(["problems", "--store", store, "--format", "jsonl"], store.parent)
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert sorted((r["path"], r["reason"], r["kept"] == "degraded") for r in rows) == \
        sorted((x.path, x.reason, x.degraded) for x in ingested.skipped)


@pytest.mark.parametrize("n_undated, lines", [
    (1, ["degraded: u0.txt: no publication date"]),
    (4, ["degraded: u0.txt: no publication date", "degraded: u1.txt: no publication date",
         "degraded: u2.txt: no publication date", "degraded: u3.txt: no publication date"]),
    (40, ["degraded: 40 files (u0.txt, u1.txt, u10.txt, …): no publication date", "every file: graphkit problems"]),
])
def test_a_problem_many_files_share_is_said_once(tmp_path, n_undated, lines):
    corpus = tmp_path / "undated"
    corpus.mkdir()
    for i in range(n_undated):
        (corpus / f"u{i}.txt").write_text(SAID, encoding="utf-8")
    proc = run(["build", corpus, "--store", tmp_path / "u.gk", "--quiet"], tmp_path)
    assert proc.returncode == 0, proc.stderr
    said = [line for line in proc.stdout.splitlines() if not line.startswith(("articles:", "issues:"))]  # the summary
    assert len(said) == len(lines) and all(s.startswith(want) for s, want in zip(said, lines)), said
    assert all(s.endswith(DATE_ROW) for s in said if s.startswith("degraded")), said  # what to do, for one or many


def test_build_stores_the_list_and_the_good_articles(built, ingested):
    from graphkit.store import Store

    _, store = built
    with Store(store, readonly=True) as s:
        assert sorted((x.path, x.reason, x.degraded) for x in s.skipped()) == \
            sorted((x.path, x.reason, x.degraded) for x in ingested.skipped)
        stored = {d.id for d in s.documents()}
        assert stored == {Path(c[0]).stem for c in KEPT}
        speakers_by_doc: dict[str, set] = {}
        for c in s.claims():  # the same statement in several articles is one claim, reported in each
            for doc_id in (c.doc_id, *c.reports):
                speakers_by_doc.setdefault(doc_id, set()).add(c.speaker)
            text = s.document(c.doc_id).text  # offsets point into the decoded, normalised text
            assert c.text == " … ".join(text[a:b] for a, b in c.spans), c
    # decoded files are in the graph with their claims, not skipped
    for doc_id in ("latin1", "utf16", "bom", "newlines", "withscript", "broken_front", "future", "dup"):
        assert any("Peskov" in sp for sp in speakers_by_doc.get(doc_id, ())), (doc_id, speakers_by_doc.get(doc_id))
    assert any("Lavrov" in sp for sp in speakers_by_doc.get("utf16le", ())), speakers_by_doc.get("utf16le")


def test_strict_fails_with_the_same_list(built, bad_corpus, tmp_path):
    proc, _ = built
    strict = run(["build", bad_corpus, "--store", tmp_path / "strict.gk", "--quiet", "--strict"], tmp_path)
    assert strict.returncode == 2
    assert "Traceback" not in strict.stderr
    listed = lambda out: [ln for ln in out.splitlines() if ln.startswith(("skipped:", "degraded:"))]  # noqa: E731
    assert listed(strict.stdout) == listed(proc.stdout) and listed(strict.stdout)
    err = strict.stderr.strip().splitlines()
    assert len(err) == 1 and "--strict" in err[0] and str(len(listed(proc.stdout))) in err[0]


def test_strict_passes_on_a_clean_corpus(tmp_path):
    root = tmp_path / "clean"
    root.mkdir()
    (root / "a.txt").write_text(SAID)
    (root / "metadata.jsonl").write_text('{"doc_id": "a", "published": "2025-11-25"}\n')   # dated: nothing missing
    proc = run(["build", root, "--store", tmp_path / "clean.gk", "--quiet", "--strict"], tmp_path)
    assert proc.returncode == 0, proc.stderr


# ------------------------------------------------------------------ a 20 MB article


HUGE_MB = 20


@pytest.mark.slow
def test_twenty_megabyte_article_is_processed_in_pieces(tmp_path):
    """A 20 MB article is read, cut into pieces and parsed where claims can be; the claims in it are found.

    A full parse of 20 MB takes spaCy's small pipeline 20-40 minutes, so a huge article is parsed only in the
    lines with quotation marks, colons or speech words (huge_articles.parse_view), and listed as degraded saying so.
    """
    from graphkit.build import build
    from graphkit.store import Store

    root = tmp_path / "huge"
    root.mkdir()
    para = ("The delegations met for six hours in a hotel by the lake in Geneva, far from the old town. "
            "The rooms were small, the windows faced the water and the coffee ran out before noon.\n\n")
    body = para * (HUGE_MB * 1_000_000 // len(para))
    quote_at = [len(body) // 7, len(body) // 2, len(body) - 3 * len(para)]
    pieces, last = [], 0
    for k, at in enumerate(quote_at):
        at = body.rfind("\n\n", 0, at) + 2
        pieces += [body[last:at], f"Foreign Minister Sergey Lavrov said talks number {k} were a waste of time.\n\n"]
        last = at
    pieces.append(body[last:])
    text = "".join(pieces)
    assert len(text.encode()) >= HUGE_MB * 1_000_000
    (root / "huge.txt").write_text(text)
    t0 = time.perf_counter()
    rep = build(root, tmp_path / "huge.gk")
    seconds = time.perf_counter() - t0
    print(f"\n{HUGE_MB} MB article: build {seconds:.1f}s (parse {rep.parse_seconds:.1f}s)")
    assert rep.failed == [] and rep.parsed == 1
    (note,) = [s for s in rep.skipped if s.path == "huge.txt"]
    assert note.degraded and "huge article" in note.reason and "split it into articles" in note.reason
    with Store(tmp_path / "huge.gk", readonly=True) as s:
        found = [c for c in s.claims() if "waste of time" in c.text]
        doc = s.document("huge")
    assert doc.text == text  # the stored text is the article, whole
    assert sorted(c.text for c in found) == [f"talks number {k} were a waste of time" for k in range(3)]
    for c in found:
        assert c.text == " … ".join(doc.text[a:b] for a, b in c.spans)
        assert "Lavrov" in c.speaker


def test_parse_view_keeps_offsets_and_the_lines_that_can_hold_claims(monkeypatch):
    import graphkit.huge_articles as huge
    from graphkit.records import Document

    monkeypatch.setattr(huge, "HUGE_CHARS", 50)
    lines = ["The sun rose over the lake.", "Sergey Lavrov arrived late.", "He said the plan was dead.",
             "Lunch was fish.", "“We will see,” one aide added.", "Rain fell.", "Peskov: no comment.", "The end."]
    text = "\n".join(lines)
    d = Document(id="x", path="x.txt", text=text, sha256="0" * 64, format="txt")
    view = huge.parse_view(d).text
    assert len(view) == len(text)
    kept = [ln for ln in view.split("\n") if ln]
    # cue lines, quote lines and colon lines are kept, each with the line before it (for "he")
    assert kept == ["Sergey Lavrov arrived late.", "He said the plan was dead.", "Lunch was fish.",
                    "“We will see,” one aide added.", "Rain fell.", "Peskov: no comment."]
    for ln in kept:
        assert text.index(ln) == view.index(ln)


# ------------------------------------------------------------------ pages and Markdown, built

@pytest.fixture(scope="module")
def markup_store(tmp_path_factory):
    import shutil

    from graphkit.build import build

    d = tmp_path_factory.mktemp("markup")
    shutil.copytree(ROOT / "tests" / "golden" / "ingest", d / "corpus")
    build(d / "corpus", d / "s.gk")
    return d / "s.gk"


@pytest.mark.parametrize("doc_id,speakers,not_in_claims", [
    ("saved_page", {"Dmitry Peskov", "Sergey Lavrov"}, ["min read", "By Anna", "Share", "Northern Ledger", "Photo"]),
    ("notes", {"Dmitry Peskov", "Kaja Kallas", "Emmanuel Macron", "Zelensky"}, ["#", "*", "`", "](", "Notes from Geneva",
                                                                                "What Europe said", "Setext"]),
])
def test_markup_articles_give_clean_claims(markup_store, doc_id, speakers, not_in_claims):
    from graphkit.store import Store

    with Store(markup_store, readonly=True) as s:
        text = s.document(doc_id).text
        claims = [c for c in s.claims() if c.doc_id == doc_id]
    assert claims
    for c in claims:                     # offsets point into the Document's text, which the claims export names
        assert c.text == " … ".join(text[a:b] for a, b in c.spans)
        for bad in not_in_claims:
            assert bad not in c.text, (bad, c.text)
    assert speakers <= {c.speaker for c in claims} | {n for c in claims for n in c.speaker.split()}
