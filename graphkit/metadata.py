"""An article's metadata (`META_FIELDS`: published, title, source, url, author) and where it comes from: the
corpus's metadata files (``metadata.jsonl``, ``metadata.csv``: `read_metadata`, one row an article, each broken
row a line that says why and what to do), a Markdown article's own front matter (`front_matter`), the two merged
(`metadata_of`), the publication date read (`parse_date`) and the note on an article without one (`date_notes`).
What `graphkit.ingest` gives each Document beside its text.

>>> import tempfile
>>> d = Path(tempfile.mkdtemp())
>>> _ = (d / "metadata.jsonl").write_text('{"doc_id": "a", "published": "2025-11-26", "title": "Bridge"}\\n'
...                                       '{"published": "2025-11-27"}\\n')
>>> rows, problems = read_metadata(d)
>>> metadata_of({"title": "Own", "author": "Ann Lee"}, rows["a"])
{'title': 'Bridge', 'author': 'Ann Lee', 'published': '2025-11-26'}
>>> [(s.path, s.reason) for s in problems]
[('metadata.jsonl:2', "metadata row has no doc_id; add the article's file stem")]
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from pathlib import Path, PurePosixPath
from typing import Optional

from .article_paths import ARTICLE_SUFFIXES, METADATA_NAMES, what_to_do
from .decoding import decode
from .errors import corpus_file_fix
from .records import Skipped

META_FIELDS = ("published", "title", "source", "url", "author")
_FRONT = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*\n", re.S)


def front_matter(text: str) -> tuple[str, dict, Optional[str]]:
    r"""Split YAML front matter off a markdown article: (body, fields, problem).

    >>> front_matter("---\ntitle: Bridge\npublished: 2025-05-01\n---\nThe mayor said it.\n")
    ('The mayor said it.\n', {'title': 'Bridge', 'published': datetime.date(2025, 5, 1)}, None)
    >>> front_matter("---\ntitle: [Bridge\n---\nThe mayor said it.\n")[1:]
    ({}, 'front matter is not valid YAML (while parsing a flow sequence); fields ignored, text kept')
    """
    m = _FRONT.match(text)
    if not m:
        return text, {}, None
    import yaml

    try:
        data = yaml.safe_load(m.group(1)) or {}
        if not isinstance(data, dict):
            raise ValueError("front matter is not a mapping")
    except Exception as e:  # yaml errors and non-mapping front matter
        first = str(e).splitlines()[0][:100]
        return text[m.end():], {}, f"front matter is not valid YAML ({first}); fields ignored, text kept"
    return text[m.end():], data, None


def parse_date(value) -> tuple[Optional[dt.date], Optional[str]]:
    """An ISO publication date, or (None, problem).

    >>> parse_date("2025-03-12")
    (datetime.date(2025, 3, 12), None)
    >>> parse_date("12/03/2025")[1]
    "published '12/03/2025' is not an ISO date (YYYY-MM-DD); write it as YYYY-MM-DD"
    """
    if value in (None, ""):
        return None, None
    if isinstance(value, dt.datetime):
        return value.date(), None
    if isinstance(value, dt.date):
        return value, None
    s = str(value).strip()
    try:
        d = dt.date.fromisoformat(s[:10])
    except ValueError:
        return None, f"published {s!r} is not an ISO date (YYYY-MM-DD); write it as YYYY-MM-DD"
    if d > dt.date.today() + dt.timedelta(days=1):
        return None, f"published {s!r} is in the future; check the metadata (claims fall back to undated)"
    return d, None


def read_metadata(root: Path) -> tuple[dict[str, dict], list[Skipped]]:
    """Rows of metadata.jsonl / metadata.csv keyed by doc_id, and the broken rows as Skipped: the file's lines as
    objects (`_metadata_lines`), then one row an article (`_rows_by_article`).

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> _ = (d / "metadata.jsonl").write_text('{"doc_id": "a", "published": "2025-11-26"}\\n'
    ...                                       '{"doc_id": "a", "published": "26/11/2025"}\\n')
    >>> rows, problems = read_metadata(d)
    >>> rows["a"]["published"], problems[0].path, problems[0].reason.split(":")[0]
    ('2025-11-26', 'metadata.jsonl:2', "doc_id 'a' has a row already (line 1) whose date reads; that row is kept, not
    this one")
    """
    rows: dict[str, dict] = {}
    used: dict[str, tuple[str, int]] = {}  # doc_id: the file and line of the row in use, over both files
    problems: list[Skipped] = []
    for name in METADATA_NAMES:
        p = root / name
        if p.exists():
            lines, trouble = _metadata_lines(p)
            problems += trouble
            problems += _rows_by_article(lines, name, rows, used)
    return rows, problems


def _metadata_lines(path: Path) -> tuple[list[tuple[int, dict]], list[Skipped]]:
    """A metadata file's rows as (line number, mapping), and what could not be read: the whole file (unreadable, not
    text, not CSV) or a line of JSON Lines that is no JSON object.

    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "metadata.jsonl"
    >>> _ = p.write_text('{"doc_id": "a", "source": "Reuters"}\\n\\n[1, 2]\\n', encoding="utf-8")
    >>> rows, problems = _metadata_lines(p)
    >>> rows, [(s.path, s.reason) for s in problems]
    ([(1, {'doc_id': 'a', 'source': 'Reuters'})],
     [('metadata.jsonl:3', 'broken metadata row (not a JSON object); fix or delete the line')])
    """
    name = path.name
    try:
        raw = path.read_bytes()
    except OSError as e:
        return [], [Skipped(path=name, reason=f"cannot read metadata ({e.strerror}){what_to_do(e, corpus_file_fix)}")]
    text, _, problem = decode(raw)
    if text is None:
        return [], [Skipped(path=name, reason=f"metadata is {problem}")]
    if not name.endswith(".jsonl"):
        try:
            dialect = csv.Sniffer().sniff(text[:8192], delimiters=",;\t|")  # Excel writes ';' in much of Europe
        except csv.Error:
            dialect = csv.excel
        try:
            return list(enumerate(csv.DictReader(io.StringIO(text), dialect=dialect), 2)), []
        except csv.Error as e:
            return [], [Skipped(path=name, reason=f"metadata is not readable CSV ({e}); save it again as CSV (UTF-8)")]
    items, problems = [], []
    for i, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            if not isinstance(obj, dict):
                raise ValueError("not a JSON object")
            items.append((i, obj))
        except ValueError as e:
            problems.append(Skipped(path=f"{name}:{i}", reason=f"broken metadata row{_seemingly_of(line)} ({e}); "
                                    "fix or delete the line", degraded=True))
    return items, problems


_DOC_ID = re.compile(r'"doc_id"\s*:\s*"([^"\\]+)"')


def _seemingly_of(line: str) -> str:
    """Whose a broken JSON line of metadata seems to be, as its problem says it: the article its ``doc_id`` names,
    whose own line says it has no row (the two lines are one problem).

    >>> _seemingly_of('{"doc_id": "library", "published": "2025-11-19"'), _seemingly_of("[1, 2]")
    (", seemingly library's", '')
    """
    found = _DOC_ID.search(line)
    return f", seemingly {found.group(1)}'s" if found else ""


def _rows_by_article(lines: list[tuple[int, dict]], name: str, rows: dict[str, dict],
                     used: dict[str, tuple[str, int]]) -> list[Skipped]:
    """Put each of a metadata file's rows (``lines``, from `_metadata_lines`) in ``rows`` under its article's doc_id (a
    file name given for it, 'a.txt' or 'news/a.txt', is its stem); return the rows' problems. ``used``: the file and
    line of each row in ``rows``, kept over the corpus's metadata files (read in `METADATA_NAMES` order: a row of
    metadata.csv comes after metadata.jsonl's). Of two rows for one article the later is used, unless its
    publication date cannot be read and the earlier's can: then the earlier stands (a good date is not lost to a
    broken one). Either way the later row's line says which row is used and why, and where the other is.

    >>> rows, used = {}, {}
    >>> problems = _rows_by_article([(1, {"doc_id": "news/a.txt", "published": "2025-03-12"}),
    ...                              (2, {"doc_id": "a", "published": "March the 40th"})], "metadata.jsonl", rows, used)
    >>> rows["a"]["published"], used["a"], [s.path for s in problems]
    ('2025-03-12', ('metadata.jsonl', 1), ['metadata.jsonl:2'])
    """
    problems: list[Skipped] = []
    for i, obj in lines:
        doc_id = str(obj.get("doc_id") or "").strip()
        if not doc_id:
            problems.append(Skipped(path=f"{name}:{i}", reason="metadata row has no doc_id; add the article's file "
                                    "stem", degraded=True))
            continue
        if PurePosixPath(doc_id).suffix.lower() in ARTICLE_SUFFIXES:  # 'a.txt' or 'news/a.txt' for 'a'
            doc_id = PurePosixPath(doc_id).stem
        if doc_id in used:
            there, line = used[doc_id]
            where = f"line {line}" if there == name else f"{there} line {line}"
            broken = parse_date(obj.get("published"))[1]
            if broken and not parse_date(rows[doc_id].get("published"))[1]:
                problems.append(Skipped(path=f"{name}:{i}", reason=f"doc_id {doc_id!r} has a row already ({where}) "
                                        f"whose date reads; that row is kept, not this one: {broken}", degraded=True))
                continue
            problems.append(Skipped(path=f"{name}:{i}", reason=f"doc_id {doc_id!r} has a row already ({where}); this "
                                    "later row is used: delete the one you do not want", degraded=True))
        used[doc_id] = (name, i)
        rows[doc_id] = obj
    return problems


def metadata_of(fields: dict, meta: Optional[dict]) -> dict:
    """The article's metadata (`META_FIELDS`): what its own text gives (front matter, HTML head), over which the
    corpus's metadata row wins where that row gives a value.

    >>> metadata_of({"title": "Own", "url": "u", "lang": "en"}, {"title": "Row", "url": "", "source": None})
    {'title': 'Row', 'url': 'u'}
    """
    return {**{k: v for k, v in fields.items() if k in META_FIELDS},
            **{k: v for k, v in (meta or {}).items() if k in META_FIELDS and v not in (None, "")}}


#: what to do for an article with no publication date, in words a reader of the summary knows (one text for every
#: such file: the summary says it once for them all, `graphkit.build.problem_lines`)
DATE_ROW = ('give each article its date in a metadata.jsonl file in the corpus folder, one line per article such as '
            '{"doc_id": "a1", "published": "2025-11-25"} for a1.txt')


def date_notes(problem: Optional[str], published: Optional[dt.date], no_row: bool) -> list[str]:
    r"""The note on the article's publication date: its problem, no metadata row (``no_row``: the corpus has
    metadata and neither it nor the article's markup gives any field), or no date at all.

    >>> date_notes(None, dt.date(2025, 5, 1), False), date_notes("a bad date", None, True)
    ([], ['a bad date'])
    >>> date_notes(None, None, False)[0][:24]
    'no publication date (non'
    """
    if problem:
        return [problem]
    if no_row:
        return ["no row in the corpus metadata; no publication date, so claims are dated from the text only: "
                "add a row for each such article to the metadata file, its doc_id the file name without the extension "
                "(\"a1\" for a1.txt)"]
    if published is None:
        return ["no publication date (none in the metadata, front matter or page); claims are dated from "
                "the text only: " + DATE_ROW]
    return []

