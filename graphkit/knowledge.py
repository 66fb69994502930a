"""Find and read the extraction knowledge: the defaults in ``models/`` and a corpus's own files.

``models/`` holds what serves any English news (cue lexicon, trained filter, place aliases, common
actors and demonyms). It is the repository's top-level ``models/`` folder in a checkout and ships
inside the wheel as ``graphkit/models``; ``GRAPHKIT_MODELS=/path/to/folder`` names an edited copy.

A corpus brings its own knowledge: ``CORPUS/issues.yaml`` and ``CORPUS/actors.yaml`` (or files
named with ``--issues`` / ``--actors``), in the same formats as the defaults. A top-level
``defaults: extend`` (the default) adds the file's entries to those of ``models/`` (an entry
with the same name replaces the default one); ``defaults: replace`` uses the file alone.

>>> sorted(load_yaml("cues.yaml"))[:1] != []
True
>>> k = Knowledge.for_corpus(models_dir().parent / "corpus")
>>> [p.parent.name + "/" + p.name for p in k.files()["actors"]]
['models/actors.yaml', 'corpus/actors.yaml']
>>> len(k.issues_data()["issues"]) > 0, Knowledge().issues_data()["issues"]
(True, [])
>>> merge({"actors": [{"name": "A", "type": "person"}]}, {"actors": [{"name": "a", "type": "group"}]}, "x.yaml")
{'actors': [{'name': 'a', 'type': 'group'}]}
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from .errors import ModelsFileError

CORPUS_FILES = ("issues.yaml", "actors.yaml")  # the knowledge a corpus folder may bring
_LISTS = {"issues.yaml": "issues", "actors.yaml": "actors"}
_MAPS = {"actors.yaml": ("demonyms",)}


def models_dir() -> Path:
    """The folder holding cues.yaml, actors.yaml, issues.yaml, places.yaml and the trained filter.

    ``GRAPHKIT_MODELS`` when set; else the checkout's top-level ``models/`` when graphkit runs from
    the repository; else the copy installed inside the package (``graphkit/models``).
    """
    env = os.environ.get("GRAPHKIT_MODELS")
    if env:
        if not Path(env).is_dir():
            raise ModelsFileError(f"GRAPHKIT_MODELS={env} is no folder; point it at a copy of models/ or unset it "
                                  "(the defaults are then used)")
        return Path(env)
    return _REPO_MODELS if _REPO_MODELS.is_dir() else _PACKAGE_MODELS


#: the models/ files a build cannot go without (the others are optional: a missing one counts as empty)
REQUIRED = ("cues.yaml", "links.yaml")


def check_models() -> Path:
    """The models folder, checked before a build writes anything: `models_dir` is a folder and holds every
    `REQUIRED` file (only looked at, not read: a rebuild that parses nothing never reads them). Raises
    ModelsFileError with the cause and the fix.

    >>> check_models().name
    'models'
    """
    root = models_dir()
    for name in REQUIRED:
        if not (root / name).is_file():
            raise ModelsFileError(_missing(root / name))
    return root


def check_models_files(stamp: Optional[str] = None) -> str:
    """Read every file of the models folder a build reads, before it makes or changes anything: a broken one (an
    edited copy named by ``GRAPHKIT_MODELS``) says its file, what is wrong and the fix (GraphkitError) now, not
    after the store is made and the articles parsed. The YAML files (cues.yaml is read by the parse, the others by
    the resolution after it), person_nouns.txt and communication_nouns.txt (read by the parse), verb_classes.txt
    (read by the re-scorer) and the attribution models' weights (read as JSON by `graphkit.confidence.read_model`,
    as the filter and the cue tagger read them).

    Returns the stamp of those files' bytes (`graphkit.fingerprint.resolution_key`: the one list of the knowledge
    files and their hash; it names the extraction version too, so a new version checks them again). Given the stamp
    an earlier check returned (a build keeps it in the store), the same bytes are not read again: a rebuild with the
    models unchanged hashes ~0.6 MB (~1 ms) instead of importing PyYAML and parsing them (~35-55 ms of a ~50 ms
    no-change rebuild).
    What is read here is kept (`load_yaml`, `graphkit.confidence.read_model`), so a build that parses pays nothing
    twice.

    >>> stamp = check_models_files()
    >>> check_models_files(stamp) == stamp
    True
    """
    from .communication_nouns import load_communication_nouns
    from .confidence import model_path, read_model, tagger_path
    from .fingerprint import resolution_key
    from .person_nouns import load_person_nouns
    from .verb_classes import load_verb_classes

    now = resolution_key()
    if _CHECKED_AT[0] not in (None, now):  # this process worked things out of other models files: a notebook's rebuild
        forget_worked_out()
    _CHECKED_AT[0] = now
    if now != stamp:
        for path in sorted(models_dir().glob("*.yaml")):
            load_yaml(path.name)
        load_person_nouns(again=True)  # a text file, read by the parse: not UTF-8 is said here too; an edit read
        load_communication_nouns(again=True)  # the same
        load_verb_classes(again=True)  # the same, read by the re-scorer
        read_model(model_path(), "attribution filter model")
        read_model(tagger_path(), "attribution tagger model")
    return now


#: the models files' stamp (`graphkit.fingerprint.resolution_key`) this process's last build was checked at
_CHECKED_AT: list = [None]


def forget_worked_out() -> int:
    """Forget what this process worked out of the models files, for a build that finds them changed since this
    process's last build (`check_models_files`: a notebook that builds, edits a models file and builds again must
    build what a new process builds, under the new key): every functools cache of graphkit's modules (the cue
    lexicon, the paraphrase and antonym groups, the place aliases, and what was looked up through them: which phrase
    is an anonymous person's rests on the person nouns) and every text memo (`graphkit.textmemo`: a claim's words
    folded through the paraphrase groups); the person nouns, the communication nouns and the verb classes are read
    again. Not the loaded spaCy pipelines (`graphkit.nlp.cached_pipeline`): they hold no models file's content (the
    attribution component asks `graphkit.cues.default_cues` at each Doc) and take seconds to load. Returns how many
    caches it emptied.

    >>> from graphkit.cues import default_cues
    >>> first = default_cues(); forget_worked_out() > 10, default_cues() is first, default_cues() == first
    (True, False, True)
    """
    import sys

    from . import textmemo
    from .communication_nouns import load_communication_nouns
    from .person_nouns import load_person_nouns
    from .verb_classes import load_verb_classes

    pipelines = getattr(sys.modules.get("graphkit.nlp"), "cached_pipeline", None)  # (spaCy not imported for it)
    emptied = 0
    for name, module in list(sys.modules.items()):
        if module is None or name.split(".")[0] != "graphkit":
            continue
        for obj in list(vars(module).values()):
            if hasattr(obj, "cache_info") and getattr(obj, "__module__", None) == name and obj is not pipelines:
                obj.cache_clear()
                emptied += 1
    textmemo.clear()
    load_person_nouns(again=True)
    load_communication_nouns(again=True)
    load_verb_classes(again=True)
    return emptied + len(textmemo.MEMOS)


def _missing(p: Path) -> str:
    """What a missing models/ file says: where it was looked for and how to get it back."""
    if os.environ.get("GRAPHKIT_MODELS"):
        return (f"{p} is missing (GRAPHKIT_MODELS names {p.parent}); copy {p.name} there from the repository's "
                "models/ or unset GRAPHKIT_MODELS")
    return f"{p} is missing; restore it from the repository or set GRAPHKIT_MODELS"


_PACKAGE_MODELS = Path(__file__).resolve().parent / "models"
_REPO_MODELS = Path(__file__).resolve().parent.parent / "models"


#: the text tables of models/ read in this process (`models_table`), by the file's path (the models folder's, or the
#: ``GRAPHKIT_MODELS`` copy's) and the parse read with, with the stat they were read at
_TABLES: dict = {}


def models_table(name: str, parse, again: bool = False):
    """``parse`` of the text of models/``name`` (of the ``GRAPHKIT_MODELS`` copy when set; ``parse("")`` when the file
    is not there): the one home of reading a text table of models/ once per process and path
    (`graphkit.person_nouns`, `graphkit.verb_classes`), a parse's ask statting nothing (the person nouns' stat'ed the
    file once per candidate phrase). ``again`` reads the file again when its stat moved (`check_models_files` asks so
    when the models' stamp changed, and `forget_worked_out`): what the parse reads stays what the extraction key
    (`graphkit.fingerprint`, which hashes the file) says. A file that is not UTF-8 is a ModelsFileError with its fix.

    >>> models_table("person_nouns.txt", str.splitlines)[0]
    "# English common nouns whose most frequent sense is a person (WordNet 3.0's noun.person, classes only),"
    """
    from .fingerprint import file_stamp

    path = models_dir() / name
    known = _TABLES.get((path, parse))
    if known is not None and not again:
        return known[1]
    stamp = file_stamp(path)
    if known is None or stamp is None or known[0] != stamp:
        _TABLES[path, parse] = known = (stamp, parse(read_text(path) if stamp != ("missing",) else ""))
    return known[1]


def lemma_set(text: str) -> frozenset[str]:
    """A models table of lemmas, one a line, in lower case, '#' comments and blank lines skipped: the one parse of
    models/person_nouns.txt and models/communication_nouns.txt (`models_table`).

    >>> sorted(lemma_set("# a comment\\nNeighbor\\n\\nvoter  # a note\\n"))
    ['neighbor', 'voter']
    """
    words = (line.split("#", 1)[0].strip().lower() for line in text.splitlines())
    return frozenset(w for w in words if w)


def read_text(path) -> str:
    """A knowledge file's text: the one home of what a file that cannot be read or is not UTF-8 says (a YAML file
    models/person_nouns.txt and models/verb_classes.txt alike).

    >>> read_text("/no/such/file.yaml")
    Traceback (most recent call last):
    ...
    graphkit.errors.ModelsFileError: cannot read /no/such/file.yaml: No such file or directory; check the path
    """
    try:
        with open(path, encoding="utf-8") as f:
            return f.read()
    except OSError as e:
        raise ModelsFileError(f"cannot read {path}: {e.strerror}; check the path") from None
    except UnicodeDecodeError as e:
        raise ModelsFileError(f"{path} is not UTF-8 text (byte {e.object[e.start]:#04x} at {e.start}); save it as "
                              "UTF-8") from None


#: each knowledge file's parsed content in this process, by its path: (its `graphkit.fingerprint.file_stamp` when read,
#: the content); at most `_PARSED_MAX` files (a notebook naming many corpora's files)
_PARSED: dict[str, tuple] = {}
_PARSED_MAX = 64


def _load(path: str):
    """The parsed content of the YAML file at ``path``, read again when its stamp moved (an edit, whatever its
    modification time says: ``cp -p`` keeps that) or it changed within the last seconds (`file_stamp` None).

    >>> import tempfile; f = Path(tempfile.mkdtemp()) / "x.yaml"; _ = f.write_text("a: 1")
    >>> st = f.stat(); first = _load(str(f)); _ = f.write_text("a: 2"); os.utime(f, ns=(st.st_atime_ns, st.st_mtime_ns))
    >>> first, _load(str(f))
    ({'a': 1}, {'a': 2})
    """
    from .fingerprint import file_stamp

    stamp = file_stamp(Path(path))
    known = _PARSED.get(path)
    if known is not None and stamp is not None and known[0] == stamp:
        return known[1]
    data = _parse_yaml(path)
    if len(_PARSED) >= _PARSED_MAX:
        _PARSED.clear()
    _PARSED[path] = (stamp, data)
    return data


def _parse_yaml(path: str):
    """The content of the YAML file at ``path`` (an empty file is ``{}``); a file that is not YAML is a ModelsFileError
    with its line and fix.

    >>> import tempfile; d = Path(tempfile.mkdtemp())
    >>> _ = (d / "ok.yaml").write_text("issues:\\n  - name: NATO\\n"); _ = (d / "empty.yaml").write_text("")
    >>> _parse_yaml(str(d / "ok.yaml")), _parse_yaml(str(d / "empty.yaml"))
    ({'issues': [{'name': 'NATO'}]}, {})
    >>> _ = (d / "bad.yaml").write_text("issues:\\n  - name: [NATO\\n")
    >>> try:
    ...     _parse_yaml(str(d / "bad.yaml"))
    ... except ModelsFileError as e:
    ...     print(str(e).replace(str(d), "D"))
    D/bad.yaml is not valid YAML at line 3: did not find expected ',' or ']'; fix the file
    """
    import yaml

    text = read_text(path)
    try:
        return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}  # libyaml when present
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise ModelsFileError(f"{path} is not valid YAML{where}: {getattr(e, 'problem', e)}; fix the file") from None


def load_yaml(name: str):
    """Parsed content of ``models/<name>``; re-read when the file changes."""
    p = models_dir() / name
    if not p.exists():
        raise ModelsFileError(_missing(p))
    return _load(str(p))


def read_file(path: Path, name: Optional[str] = None):
    """Parsed content of any knowledge file; re-read when it changes. ``name``: the models/ file whose format it
    has (``issues.yaml``, ``actors.yaml``), which a file that is no mapping is pointed to; the file's own name when
    not given (``--actors people.yaml`` has actors.yaml's format, not a "models/people.yaml" there is none of)."""
    p = Path(path)
    if not p.is_file():
        raise ModelsFileError(f"no knowledge file at {p}; check the path")
    data = _load(str(p))
    if not isinstance(data, dict):
        raise ModelsFileError(f"{p} is not a mapping of keys to entries; see the format at the top of models/"
                              f"{name or p.name}")
    return data


def not_a_list(source, key: str, value=None) -> ModelsFileError:
    """The error for a knowledge file whose ``key`` entries (``issues``, ``actors``) are no list: ``value`` as
    written, or None when the file has none. One message for the two places that find it: `Knowledge.for_corpus`,
    before a build parses anything, and the taxonomy's parse of any issues file (`graphkit.issues._parse`).

    >>> print(not_a_list("my/issues.yaml", "issues", "council tax"))
    my/issues.yaml: 'issues' is 'council tax', not a list of entries; see the format at the top of models/issues.yaml
    >>> print(not_a_list("my/issues.yaml", "issues"))
    my/issues.yaml has no 'issues:' list of entries; see the format at the top of models/issues.yaml
    """
    said = f" has no '{key}:' list of entries" if value is None else f": '{key}' is {value!r}, not a list of entries"
    return ModelsFileError(f"{source}{said}; see the format at the top of models/{key}.yaml")


def merge(default: dict, own: dict, source: str) -> dict:
    """A corpus file over the defaults, as its ``defaults:`` key says (extend, the default, or replace).

    Lists of named entries (``issues``, ``actors``): the file's entries come after the defaults';
    one with the name of a default entry (case ignored) replaces it. Mappings (``demonyms``) are
    merged, the file winning.
    """
    mode = str(own.get("defaults", "extend")).lower()
    if mode not in ("extend", "replace"):
        raise ModelsFileError(f"{source}: 'defaults: {own.get('defaults')}' is neither extend nor replace; write one of them")
    own = {k: v for k, v in own.items() if k != "defaults"}
    if mode == "replace":
        return own
    out = dict(default or {})
    for key, value in own.items():
        if isinstance(value, list) and isinstance(out.get(key), list):
            names = {str(e.get("name", "")).lower() for e in value if isinstance(e, dict)}
            out[key] = [e for e in out[key]
                        if not (isinstance(e, dict) and str(e.get("name", "")).lower() in names)] + value
        elif isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = {**out[key], **value}
        else:
            out[key] = value
    return out


@dataclass(frozen=True)
class Knowledge:
    """The knowledge a build uses: ``models/`` plus the corpus's own ``issues.yaml`` / ``actors.yaml``.

    ``issues`` / ``actors`` are the corpus's files (None: the defaults alone).
    """

    issues: Optional[Path] = None
    actors: Optional[Path] = None

    @classmethod
    def for_corpus(cls, corpus=None, *, issues=None, actors=None) -> "Knowledge":
        """The corpus folder's ``issues.yaml`` / ``actors.yaml`` when present, unless a file is named.

        A named file that does not exist is an error (a typo must not silently build without it); so is a
        file that is not UTF-8, not YAML, not a mapping or whose entries are no list, said here, before a build writes
        anything.
        """
        found = {}
        for name, given in (("issues.yaml", issues), ("actors.yaml", actors)):
            if given is not None:
                p = Path(given)
                if not p.is_file():
                    flag = "--" + name.split(".")[0]
                    raise ModelsFileError(
                        f"{flag} {p} is a folder; give the file in it, e.g. {p / name}" if p.is_dir() else
                        f"{flag} {p} is no file (a device or a pipe); give a YAML file" if p.exists() else
                        f"{flag} {p}: no such file; check the path (the format is that of models/{name})")
                found[name] = p
            elif corpus is not None and (Path(corpus) / name).is_file():
                found[name] = Path(corpus) / name
        for name, p in found.items():  # a file that cannot be read says so now, before a build parses anything
            entries = read_file(p, name).get(_LISTS[name])
            if entries is not None and not isinstance(entries, list):  # (a number stopped the resolution)
                raise not_a_list(p, _LISTS[name], entries)
        return cls(issues=found.get("issues.yaml"), actors=found.get("actors.yaml"))

    @classmethod
    def recorded(cls, store) -> tuple["Knowledge", dict[str, Path]]:
        """(the knowledge a store records it was built with (its meta ``knowledge``, `describe`): the corpus's own
        files that are still where they were; kind → the file gone since (the corpus moved), for which the defaults
        stand): for reading the store again as its build did (`graphkit.resolution.discovery_inputs`).

        >>> import tempfile
        >>> own = Path(tempfile.mkdtemp()) / "actors.yaml"; _ = own.write_text("actors: []")
        >>> class Kept:
        ...     def get_meta(self, key): return json.dumps({"actors": [{"path": str(models_dir() / "actors.yaml")},
        ...         {"path": str(own)}], "issues": [{"path": str(models_dir() / "issues.yaml")}]})
        >>> k, gone = Knowledge.recorded(Kept()); k.actors == own, k.issues, gone
        (True, None, {})
        >>> own.unlink(); k, gone = Knowledge.recorded(Kept()); k.actors is None, gone == {"actors": own}   # moved
        (True, True)
        """
        raw = store.get_meta("knowledge")
        own, gone = {}, {}
        for kind, files in (json.loads(raw) if raw else {}).items():
            paths = [Path(f["path"]) for f in files if Path(f["path"]).parent != models_dir()]
            if paths and paths[0].is_file():
                own[kind] = paths[0]
            elif paths:
                gone[kind] = paths[0]
        return cls(issues=own.get("issues"), actors=own.get("actors")), gone

    def _own(self, name: str) -> Optional[Path]:
        return {"issues.yaml": self.issues, "actors.yaml": self.actors}[name]

    def data(self, name: str) -> dict:
        """The merged content of ``name`` (issues.yaml or actors.yaml): defaults and the corpus's file."""
        default = load_yaml(name) if (models_dir() / name).exists() else {}
        own = self._own(name)
        return merge(default, read_file(own, name), str(own)) if own else dict(default or {})

    def actors_data(self) -> dict:
        return self.data("actors.yaml")

    def issues_data(self) -> dict:
        return self.data("issues.yaml")

    def files(self) -> dict[str, list[Path]]:
        """kind → the files read, defaults first."""
        out = {}
        for name in CORPUS_FILES:
            own = self._own(name)
            default = models_dir() / name
            replace = own is not None and str(read_file(own, name).get("defaults", "extend")).lower() == "replace"
            out[name.split(".")[0]] = ([] if replace or not default.exists() else [default]) + ([own] if own else [])
        return out

    def sources(self, name: str = "actors.yaml") -> list[tuple[str, list[str]]]:
        """The files ``name``'s entries come from, defaults first: (`label`, the names of its entries, lower case).

        An entry of a later file replaces one of the same name before it, as in `merge`.

        >>> [(label, "sergey lavrov" in names) for label, names in Knowledge.for_corpus(models_dir().parent / "corpus").sources()]
        [('models/actors.yaml', False), ('corpus/actors.yaml', True)]
        """
        out = []
        for p in self.files()[name.split(".")[0]]:
            data = read_file(p, name).get(_LISTS[name]) or []
            out.append((label(p), sorted({str(e.get("name", "")).lower() for e in data if isinstance(e, dict)})))
        return out

    def describe(self) -> dict:
        """What a store records it was built with: each file's path and sha256 (first 12 hex digits)."""
        return {kind: [{"path": str(p), "sha256": _sha(p)} for p in paths] for kind, paths in self.files().items()}

    def fingerprint(self) -> str:
        """Short hash of the content of every file read (not their paths: a moved corpus is the same)."""
        d = self.describe()
        return hashlib.sha256(json.dumps({k: [f["sha256"] for f in v] for k, v in d.items()},
                                         sort_keys=True).encode()).hexdigest()[:12]


def label(path) -> str:
    """How a reason names a knowledge file: its folder and name, not where the folder is (a moved corpus resolves
    as before).

    >>> label("/data/uk/actors.yaml"), label(models_dir() / "actors.yaml")
    ('uk/actors.yaml', 'models/actors.yaml')
    """
    p = Path(path)
    return f"{p.parent.name}/{p.name}"


def _sha(p: Path) -> str:
    """The first 12 hex digits of the sha256 of the file at ``p``'s bytes: what names a knowledge file's content.

    >>> import tempfile; f = Path(tempfile.mkdtemp()) / "ok.yaml"; _ = f.write_text("issues:\\n  - name: NATO\\n")
    >>> _sha(f)
    'f0d33f82be59'
    """
    return hashlib.sha256(Path(p).read_bytes()).hexdigest()[:12]
