"""Corpus folder → Document records, with a report of what was skipped and why.

Articles are ``.txt``, ``.md`` (optional YAML front matter) or ``.html`` (main
text, not markup). An optional ``metadata.jsonl`` or ``metadata.csv`` beside
them gives ``published``, ``title``, ``source``, ``url``, ``author`` per
``doc_id`` (the file's stem); it and the front matter are read by `graphkit.metadata`.
Text is decoded as UTF-8, else detected with charset-normalizer (Latin-1, UTF-16,
BOMs: `graphkit.decoding`); newlines are normalised to ``\\n``.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "a.txt").write_text("Lavrov said Europe was to blame.")
>>> _ = (d / "metadata.jsonl").write_text('{"doc_id": "a", "published": "2025-11-26"}\\n')
>>> res = read_corpus(d)
>>> [(doc.id, str(doc.published)) for doc in res.documents]
[('a', '2025-11-26')]
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Optional

from .article_paths import ARTICLE_SUFFIXES, METADATA_NAMES, article_bytes, iter_article_paths
from .decoding import decode
from .errors import CorpusNotFound, corpus_file_fix
from .huge_articles import WORD, huge_note
from .markup import html_article, markdown_article
from .metadata import META_FIELDS, date_notes, front_matter, metadata_of, parse_date, read_metadata
from .records import Document, Skipped

# Common English function words: in English news they are 22-45% of all words (PolNeAR dev, the seeds);
# in German, French, Spanish text under 8%. Used only to warn, never to skip.
_EN_WORDS = frozenset(
    "the of and to a in is that for on it with as was he she said by at from his her be are has have not "
    "this but they an were had which will who their its been would there".split())


class TextAnswers:
    """What reading an article works out of its text alone, remembered by the file's bytes: the language warning
    (`language_note`) and the byline's author (`byline_from_text`), each a function of the file's bytes, its format
    and (the byline) its title. A build hands `read_corpus` the answers its store kept from the last read
    (`graphkit.kept.kept_text_answers`), so an unchanged file is not searched through again (0.3-0.5 CPU s over
    PolNeAR train's 840 articles: half of a rebuild with nothing changed); ``now`` holds this read's answers, which
    the build keeps for the next (`graphkit.kept.keep_text_answers`). Kept under the key of graphkit's code, so a
    kept answer is the one working it out again gives.

    >>> answers = TextAnswers()
    >>> answers.get("language", ["sha", "txt"], lambda: "worked out")
    'worked out'
    >>> TextAnswers(answers.now).get("language", ["sha", "txt"], lambda: "not asked")
    'worked out'
    >>> TextAnswers(answers.now).get("language", ["other sha", "txt"], lambda: "worked out again")
    'worked out again'
    """

    def __init__(self, kept: Optional[dict[str, Optional[str]]] = None) -> None:
        self.kept = kept or {}
        self.now: dict[str, Optional[str]] = {}

    def get(self, kind: str, key: list, work_out) -> Optional[str]:
        """The answer of ``kind`` for ``key`` (JSON-able: the file's sha256, its format ...): kept, else
        ``work_out()``; remembered in ``now`` either way."""
        k = json.dumps([kind, *key])
        if k not in self.now:
            self.now[k] = self.kept[k] if k in self.kept else work_out()
        return self.now[k]


@dataclass
class IngestResult:
    """What `read_corpus` found: documents in a stable order, skipped/degraded files with reasons, the answers
    read off the texts (`TextAnswers`, when the caller gave some to start from), and the folder it read (``root``,
    which a build records as its store's input: `graphkit.inputs`)."""

    documents: list[Document] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    answers: Optional[TextAnswers] = None
    root: Optional[Path] = None


def sha256_bytes(b: bytes) -> str:
    return hashlib.sha256(b).hexdigest()


def language_note(text: str) -> Optional[str]:
    """A warning when the text does not look like English (graphkit's pipeline is English), else None.

    >>> language_note("Sergey Lavrov said on Tuesday that Europe was to blame for the failure of the talks.") is None
    True
    >>> language_note("Der Minister sagte am Dienstag, dass die Gespräche in Genf fortgesetzt werden sollen.")[:35]
    'text does not look like English (8%'
    """
    sample = text[:20000]
    words = WORD.findall(sample.lower())
    joined = "".join(words)  # every build reads every article: counted in C, not a generator per letter
    letters = len(joined)
    if letters >= 40 and not joined.isascii():
        ascii_share = len("".join(w for w in words if w.isascii())) / letters
        if ascii_share < 0.5:
            return ("text does not look like English (mostly non-Latin script); the English pipeline "
                    "will miss most of its claims: translate it or use --model with a pipeline for its language")
    if len(words) >= 12:
        share = sum(map(_EN_WORDS.__contains__, words)) / len(words)
        if share < 0.12:
            return (f"text does not look like English ({share:.0%} common English words, usually over 20%); "
                    "the English pipeline may miss its claims: translate it or use --model with a pipeline for its "
                    "language")
    return None


def read_article(path: Path, root: Path, meta: Optional[dict] = None, *, has_metadata: bool = False,
                 answers: Optional[TextAnswers] = None) -> tuple[Optional[Document], list[Skipped]]:
    """One article file → (Document or None, problems).

    ``has_metadata``: the corpus has a metadata file, so an article without a row there is reported.
    ``answers``: what earlier reads worked out of texts (`TextAnswers`): the language warning and the byline's
    author are taken from it when it has them for these bytes, else worked out (and added to it).
    """
    rel, name_problem = readable_name(path.relative_to(root).as_posix())
    fmt = ARTICLE_SUFFIXES[path.suffix.lower()]
    raw, problem = article_bytes(path, corpus_file_fix)
    if raw is None:
        return None, [Skipped(path=rel, reason=problem)]
    text, encoding, problem = decode(raw)
    if text is None:
        return None, [Skipped(path=rel, reason=problem)]
    text, fields, body_problem = _article_text(text, fmt)
    if not text.strip():
        return None, [Skipped(path=rel, reason=_no_text_reason(raw, fmt, fields))]
    merged = metadata_of(fields, meta)
    published, date_problem = parse_date(merged.get("published"))
    sha = sha256_bytes(raw)
    answers = answers or TextAnswers()
    notes = [f"decoded as {encoding}"] if encoding not in ("utf-8", "ascii") else []
    notes += [p for p in (name_problem, body_problem) if p]
    notes += date_notes(date_problem, published,
                        meta is None and has_metadata and not any(k in fields for k in META_FIELDS))
    notes += [p for p in (answers.get("language", [sha, fmt], lambda: language_note(text)), huge_note(text)) if p]
    doc = document_of(rel, text, sha, fmt, merged, published, encoding, notes, answers)
    problems = [n for n in notes if not n.startswith("decoded as")]
    # one entry per file (the store keys them by path): several problems are joined with " · "
    return doc, [Skipped(path=rel, reason=" · ".join(problems), degraded=True)] if problems else []


def document_of(rel: str, text: str, sha: str, fmt: str, merged: dict, published: Optional[dt.date], encoding: str,
                notes: list[str], answers: TextAnswers) -> Document:
    """The article's Document: its metadata (`metadata_of`) as text, the author it names, else the byline the text
    gives (worked out once for these bytes: ``answers``). What `read_article` gives, and the bench's PolNeAR
    articles without a file read back (``bench/polnear.py``'s ``article_document``).

    >>> text, sha = "By Ann Lee\\n\\nThe mayor said the bridge would open.", "0" * 64
    >>> d = document_of("news/a1.txt", text, sha, "txt", {"title": "Bridge"}, None, "utf-8", [], TextAnswers())
    >>> d.id, d.path, d.title, d.author
    ('a1', 'news/a1.txt', 'Bridge', 'Ann Lee')
    >>> d = document_of("a2.txt", text, sha, "txt", {"author": "Bo Kim", "source": 7}, None, "utf-8", ["no date"],
    ...                 TextAnswers())
    >>> d.author, d.source, d.notes
    ('Bo Kim', '7', ('no date',))
    """
    url = merged.get("url")
    return Document(
        id=PurePosixPath(rel).stem, path=rel, text=text, sha256=sha, format=fmt,
        title=str(merged.get("title") or "") or text_title(text, sha, fmt, answers),
        source=str(merged["source"]) if merged.get("source") else None,
        url=str(url) if url else None,
        author=str(merged["author"]) if merged.get("author") else answers.get(
            "byline", [sha, fmt, str(merged["title"]) if merged.get("title") else None],
            lambda: byline_from_text(text, merged.get("title"))),
        published=published, encoding=encoding, notes=tuple(notes),
    )


def text_title(text: str, sha: str, fmt: str, answers: TextAnswers) -> Optional[str]:
    """The title of an article whose metadata, front matter and page give none: the headline its first line is
    (`graphkit.segments.headline_of`), worked out once for these bytes (``answers``); None for an article longer
    than one parse piece (`graphkit.parsing.CHUNK_CHARS`), whose first piece's headline the whole text may not show.
    The parse reads a title as the metadata's; this one is the headline it finds without it, so no claim changes.

    >>> text_title("Council Votes to Freeze Bus Fares\\n\\nThe council said so.", "0" * 64, "txt", TextAnswers())
    'Council Votes to Freeze Bus Fares'
    >>> text_title("The council said so.\\nThe mayor agreed.", "1" * 64, "txt", TextAnswers()) is None
    True
    """
    from .parsing import CHUNK_CHARS
    from .segments import headline_of

    if len(text) > CHUNK_CHARS:
        return None
    return answers.get("headline", [sha, fmt], lambda: headline_of(text))


def _article_text(text: str, fmt: str) -> tuple[str, dict, Optional[str]]:
    r"""(the article's text, the fields its own markup gives, a problem with its front matter) from the decoded
    file: line ends made \n, markdown's front matter and first heading read, HTML's main text and metadata.

    >>> _article_text("# Bridge\r\n\r\nThe mayor said it.\r\n", "md")
    ('The mayor said it.\n', {'title': 'Bridge'}, None)
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    fields: dict = {}
    problem = None
    if fmt == "md":
        text, fields, problem = front_matter(text)
        text, page = markdown_article(text)
        fields = {**page, **fields}            # front matter over the first heading
    elif fmt == "html":
        text, fields = html_article(text)     # the page's own metadata (meta tags, JSON-LD)
    return text.replace("\x00", "").lstrip("\ufeff"), fields, problem  # a BOM the markup or a second encoding pass left


def _no_text_reason(raw: bytes, fmt: str, fields: dict) -> str:
    """Why an article with no text is skipped, and what to do.

    >>> _no_text_reason(b"", "txt", {})
    'no text: the file is empty; remove it or save the article into it'
    >>> _no_text_reason(b"---\\ntitle: x\\n---\\n", "md", {"title": "x"})
    'no text: front matter only, no article body; add the text below the front matter'
    """
    if not raw:
        return "no text: the file is empty; remove it or save the article into it"
    if fmt == "html":
        return "no text: the page has no main text (only markup, scripts or styles); save the article's text instead"
    if fmt == "md" and fields:
        return "no text: front matter only, no article body; add the text below the front matter"
    return "no text: whitespace only; remove the file or save the article into it"


def byline_from_text(text: str, title) -> Optional[str]:
    """The author from the article's own byline ("By Jane Doe", "Jane Doe · 4 min read"), first 2,000 characters."""
    from .segments import byline_author

    return byline_author(text[:2000], str(title) if title else None)


def readable_name(name: str) -> tuple[str, Optional[str]]:
    r"""A file name as text, and a problem when its bytes were not UTF-8 (e.g. unpacked from an old Windows zip).

    Python keeps such bytes as lone surrogates, which no record, JSON or SQLite text can hold; they are
    read as Windows-1252 instead.

    >>> import os
    >>> readable_name(os.fsdecode(b"caf\xe9.txt"))
    ('café.txt', "the file name is not UTF-8 (read as 'café.txt'); rename the file")
    >>> readable_name("café.txt")
    ('café.txt', None)
    """
    try:
        name.encode("utf-8")
        return name, None
    except UnicodeEncodeError:
        fixed = os.fsencode(name).decode("cp1252", errors="replace")
        return fixed, f"the file name is not UTF-8 (read as {fixed!r}); rename the file"


def check_corpus_path(root) -> Path:
    """The corpus folder as a Path, or a CorpusNotFound that says what to do."""
    root = Path(root).expanduser()
    if not root.exists():
        raise CorpusNotFound(f"no folder at '{root}'; give the folder holding your .txt/.md/.html articles")
    if not root.is_dir():
        raise CorpusNotFound(f"'{root}' is a file, not a folder; give the folder that holds it")
    return root


def corpus_articles(root) -> tuple[Path, list[Path]]:
    """The corpus folder as a Path and its article files (`iter_article_paths`), or a CorpusNotFound that says
    what to do when it is no folder or holds no article (what `read_corpus` and the bench scripts check first).

    >>> import tempfile
    >>> corpus_articles(tempfile.mkdtemp())
    Traceback (most recent call last):
    graphkit.errors.CorpusNotFound: '...' holds no .txt, .md or .html articles; put articles there or give another
    folder
    """
    root = check_corpus_path(root)
    paths = list(iter_article_paths(root))
    if not paths:
        raise CorpusNotFound(f"'{root}' holds no .txt, .md or .html articles; put articles there or give another "
                             "folder")
    return root, paths


def read_corpus(root, *, answers: Optional[TextAnswers] = None) -> IngestResult:
    """Read every article under ``root`` (recursively).

    Duplicate doc_ids (same stem in different folders) keep the first in sorted
    path order and report the others. Metadata rows for missing files are reported.
    ``answers``: what an earlier read worked out of the texts (`TextAnswers`; a build gives its store's); the
    result's ``answers`` holds this read's, for the next.
    """
    root, paths = corpus_articles(root)
    meta, problems = read_metadata(root)
    has_metadata = any((root / name).is_file() for name in METADATA_NAMES)
    answers = TextAnswers(answers.kept) if answers is not None else TextAnswers()
    res = IngestResult(skipped=list(problems), answers=answers, root=root)
    seen: dict[str, str] = {}
    for p in paths:
        rel = readable_name(p.relative_to(root).as_posix())[0]
        stem = PurePosixPath(rel).stem
        if stem in seen:
            res.skipped.append(Skipped(path=rel, reason=f"doc_id {stem!r} already used by {seen[stem]}; rename one of "
                                       "them"))
            continue
        seen[stem] = rel
        doc, probs = read_article(p, root, meta.get(stem), has_metadata=has_metadata, answers=answers)
        res.skipped.extend(probs)
        if doc is not None:
            res.documents.append(doc)
    for doc_id in sorted(set(meta) - set(seen)):
        res.skipped.append(Skipped(path=f"metadata:{doc_id}", reason="metadata row names no article file; remove the "
                                   "row or add the file", degraded=True))
    return res
