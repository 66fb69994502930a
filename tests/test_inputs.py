"""No output lands where a build reads: a table of ``-o`` paths and what a writer says (`graphkit.inputs`).

The store is made by hand with the inputs a build records (`record_inputs`): a corpus folder holding an article, a
folder of articles, its documentation and a knowledge file the build was not given, and a models folder. A row's
words are those of the one line a writer refuses with; None: the output is written (a new name the corpus reader
leaves alone, as ``issues suggest -o CORPUS/issues.yaml`` writes the taxonomy a corpus gets; a neo4j export's folder
of CSV files likewise).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graphkit.errors import ExportError
from graphkit.outputs import check_neo4j_output, check_output
from graphkit.inputs import record_inputs
from graphkit.store import Store

#: (writer, -o, words of the refusal or None)
OUTPUTS = [
    # the corpus's own files that are no article: what it says of itself, and what it brings for the build
    ("file", "news/README.md", "is the corpus's own documentation ("),
    ("file", "news/LICENSE", "is the corpus's own documentation ("),
    ("file", "readme-link.md", "is the corpus's own documentation ("),  # a link: the file it leads to is replaced
    ("file", "news/issues.yaml", "is the corpus's own knowledge file ("),  # there, though this build was given another
    # what the build read from models/ (the knowledge every build reads): nothing is written in that folder
    ("file", "models/cues.yaml", "is in the models folder this store was built with ("),
    ("file", "models/new.yaml", "is in the models folder this store was built with ("),  # the next build reads it
    ("file", "models/README.md", "is in the models folder this store was built with ("),
    # a neo4j export writes a folder of CSV files: never in the models folder
    ("neo4j", "models", "is in the models folder this store was built with ("),
    ("neo4j", "models/neo4j", "is in the models folder this store was built with ("),
    # written: new names the corpus reader leaves alone, and anything outside the inputs
    ("file", "news/claims.jsonl", None),
    ("file", "news/actors.yaml", None),
    ("file", "news/sub/readme-notes.jsonl", None),
    ("file", "claims.jsonl", None),
    ("neo4j", "news/neo4j", None),
    ("neo4j", "neo4j", None),
    # ... and in the corpus or one of its folders, as any new file of another name: its CSV files are read by no build
    # and replace nothing of the corpus's (refused before as "put among the articles", unlike every file export)
    ("neo4j", "news", None),
    ("neo4j", "news/sub", None),
]


@pytest.fixture
def built(tmp_path, monkeypatch) -> Path:
    """A folder holding the corpus ``news``, the models folder ``models`` and the store ``s.gk`` recording both."""
    news, models = tmp_path / "news", tmp_path / "models"
    (news / "sub").mkdir(parents=True)
    models.mkdir()
    for path, text in {news / "a.txt": "Ann Lee said the fares were too high.\n",
                       news / "sub" / "b.txt": "Bob Hale said the bridge would open in May.\n",
                       news / "README.md": "About these articles.\n", news / "LICENSE": "CC BY 4.0\n",
                       news / "issues.yaml": "issues: []\n", models / "cues.yaml": "verbs: []\n",
                       models / "README.md": "The knowledge every build reads.\n",
                       tmp_path / "other-issues.yaml": "issues: []\n"}.items():
        path.write_text(text, encoding="utf-8")
    (tmp_path / "readme-link.md").symlink_to(news / "README.md")
    with Store(tmp_path / "s.gk", create=True) as store:
        record_inputs(store, news, [tmp_path / "other-issues.yaml"], [models])
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("writer,output,words", OUTPUTS, ids=[f"{w} {o}" for w, o, _ in OUTPUTS])
def test_an_output_is_never_put_where_a_build_reads(built, writer, output, words):
    check = check_neo4j_output if writer == "neo4j" else check_output
    if words is None:
        check(output, store=built / "s.gk")
        return
    with pytest.raises(ExportError) as e:
        check(output, store=built / "s.gk")
    line = str(e.value)
    assert line.startswith(f"'{output}' ") and words in line and line.endswith("; give another -o path"), line
