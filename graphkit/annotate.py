"""spaCy's ``attribute_ruler`` and rule ``lemmatizer`` as table lookups over the Doc's arrays: the same
annotations, a fraction of the time.

In ``en_core_web_sm`` these two components cost about a fifth of the pipeline (2.0 and 1.4 CPU s of
16.6 on the 84 PolNeAR dev articles), nearly all of it per-token Python: the attribute ruler runs a
Matcher of 179 one- and two-token patterns over every token and sets the matches one ``Token`` at a
time; the lemmatizer calls ``rule_lemmatize`` per token, which caches neither proper nouns nor base forms.
Their results depend on a handful of token attributes only, so here they are computed once per distinct
token (tag, lowercase form, dependency label, whitespace; orth, part of speech, morphology), then read
from a table and written back with ``Doc.from_array``.

:func:`use_table_annotators` swaps them into a loaded pipeline under the same names, and only where it
can reproduce them exactly: an attribute ruler whose patterns use other keys or operators than
:data:`PATTERN_KEYS` / :data:`OPERATORS`, or a lemmatizer other than the rule mode without overwrite,
stays spaCy's. ``bench/check_annotate.py`` compares every token attribute with spaCy's own on PolNeAR.

Filling the tables is most of their cost, and every process filled them again, each worker of ``--workers 2`` its
own: read from the cache file instead, the two components spent about 0.3 CPU s less a process on PolNeAR dev
(bench/README.md, Scale, "the table annotators' tables kept on disk": paired rounds against main, the files' read and
write costs). So each table is
kept in the user's cache folder (`graphkit.diskcache`): loaded at a component's first Doc (in the host of
``--workers``, before the workers fork), written back when a parse has added to it (`save_tables`). Its file's name
holds a digest of what an entry is computed from (`table_digest`: this module's code, spaCy's version, the ruler's
patterns and attributes, the lemmatizer's class and lookup tables): an entry is a pure function of its key under
that digest, so a build reads the same annotations from the file as it would compute. At most `CACHE_ENTRIES`
entries a table are kept.

>>> from graphkit.nlp import load_spacy
>>> nlp = use_table_annotators(load_spacy())
>>> [type(nlp.get_pipe(n)).__name__ for n in ("attribute_ruler", "lemmatizer")]
['TableAttributeRuler', 'TableLemmatizer']
>>> [(t.pos_, t.lemma_) for t in nlp("She was gonna say it.")]  # the ruler's two-token "gon na" rule too
[('PRON', 'she'), ('AUX', 'be'), ('VERB', 'go'), ('PART', 'to'), ('VERB', 'say'), ('PRON', 'it'), ('PUNCT', '.')]
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.tokens import Doc

__all__ = ["TableAttributeRuler", "TableLemmatizer", "use_table_annotators"]

#: token keys of attribute-ruler patterns reproduced here (others: spaCy's component stays)
PATTERN_KEYS = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE}
#: value operators reproduced here (a bare value is equality)
OPERATORS = {"IN", "NOT_IN", "REGEX"}
_WRITTEN = (TAG, POS, MORPH, LEMMA, DEP)  # what ruler attrs may set; read and written as one array
#: entries a table keeps in its cache file at most (PolNeAR train's 840 articles: about 60,000 and 35,000)
CACHE_ENTRIES = 400_000


def _predicate(key: str, value):
    """One pattern key's test as (values it equals, or None; other test of the string value, or None);
    None when this module does not reproduce it. What spaCy's Matcher checks, on the token's string."""
    if key == "IS_SPACE":
        return ((), lambda v, want=bool(value): bool(v) == want) if isinstance(value, bool) else None
    if isinstance(value, str):
        return (value,), None
    if isinstance(value, dict) and len(value) == 1:
        (op, arg), = value.items()
        if op == "IN":
            return tuple(arg), None
        if op == "NOT_IN":
            return (), lambda v, s=frozenset(arg): v not in s
        if op == "REGEX":
            return (), lambda v, r=re.compile(arg): r.search(v) is not None
    return None


class _TableComponent:
    """What both table components share: they wrap spaCy's own component (``_inner``), are pickled as it
    (``nlp.pipe(n_process=...)`` where processes spawn), and hand it every attribute they do not define
    (serialisation, labels, ...)."""

    def __init__(self, inner, default_name: str):
        self.name = getattr(inner, "name", default_name)
        self.vocab = inner.vocab
        self._inner = inner

    def pipe(self, docs, batch_size: int = 1000):
        for doc in docs:
            yield self(doc)

    def __reduce__(self):
        return (type(self), (self._inner,))

    # -- the table in the cache folder (`graphkit.diskcache`) ---------------------------------------------
    _kind = ""
    _loaded = False  # the cache file read (or tried) in this process
    _added = 0  # entries computed here since the file was read or written
    _path = None

    def _digest_parts(self) -> list:
        """What an entry is computed from besides this module's code and spaCy's version (`table_digest`)."""
        raise NotImplementedError

    def _cache_path(self) -> Path:
        from .diskcache import cache_dir

        if self._path is None:
            self._path = cache_dir() / f"annotate-{self._kind}-{table_digest(self._digest_parts())}.marshal"
        return self._path

    def _load_cache(self) -> None:
        """Fill the table from its cache file, once a process (an entry computed here wins: they are the same)."""
        from .diskcache import read_marshal

        self._loaded = True
        try:
            data = read_marshal(self._cache_path())
        except Exception:  # noqa: BLE001  (no home folder, a pattern the digest cannot read) computed as before
            return
        if isinstance(data, dict):
            self._disk = data

    def save_cache(self) -> bool:
        """Write the table to its cache file when this process added to it: the file's entries (another process may
        have written it since), then this one's, up to `CACHE_ENTRIES`, read and written under the file's lock
        (`graphkit.diskcache.merge_marshal`: two workers ending together keep both their entries). Whether it was
        written."""
        from .diskcache import merge_marshal

        if not self._loaded or not self._added:
            return False
        try:
            path = self._cache_path()
        except Exception:  # noqa: BLE001
            return False
        self._added = 0
        return merge_marshal(path, self._entries_to_save(), CACHE_ENTRIES)  # under the file's lock

    def __getattr__(self, name):
        inner = self.__dict__.get("_inner")
        if inner is None:
            raise AttributeError(name)
        return getattr(inner, name)


class TableAttributeRuler(_TableComponent):
    """The attribute ruler's patterns read from a table keyed by each token's (tag, lower, dep, is_space).

    Semantics kept from ``spacy.pipeline.AttributeRuler``: every pattern is matched against the Doc as it
    was before any change, and the matches are applied in pattern order, a later pattern overwriting an
    earlier one's attribute.
    """

    _kind = "ruler"

    def __init__(self, ruler):
        super().__init__(ruler, "attribute_ruler")
        self.attrs = [dict(a) for a in ruler.attrs]
        unsupported = next((k for a in self.attrs for k in a if k not in _WRITTEN), None)
        if unsupported is not None:
            raise ValueError(f"attribute ruler sets attribute {unsupported}")
        # Every token of every pattern is a "slot" with a predicate per key. A token satisfies a slot when
        # each key's predicate holds: per key and value, the set of slots whose predicate holds (a bit
        # mask, computed once per value seen), and a token's slots are the AND of its four keys' masks.
        self.slots: list[tuple[int, int, int]] = []  # slot -> (group, pattern number, token position)
        self.patterns: list[tuple[int, int, int]] = []  # pattern number -> (group, length, target index)
        preds: list[dict] = []  # slot -> {key: predicate}
        for group, p in enumerate(ruler.patterns):
            for pattern in p["patterns"]:
                m = len(self.patterns)
                index = p.get("index", 0)
                self.patterns.append((group, len(pattern), index if index >= 0 else len(pattern) + index))
                for j, tp in enumerate(pattern):
                    fs = {}
                    for k, v in tp.items():
                        f = _predicate(k, v) if k in PATTERN_KEYS else None
                        if f is None:
                            raise ValueError(f"attribute ruler pattern {tp!r} is not reproduced")
                        fs[k] = f
                    self.slots.append((group, m, j))
                    preds.append(fs)
        # per key: slots with no test on it (always hold), {value: slots equal to it}, [(slot, other test)]
        self._base = {k: sum(1 << b for b, fs in enumerate(preds) if k not in fs) for k in PATTERN_KEYS}
        self._equal: dict = {k: {} for k in PATTERN_KEYS}
        self._other: dict = {k: [] for k in PATTERN_KEYS}
        for b, fs in enumerate(preds):
            for k, (values, test) in fs.items():
                for v in values:
                    self._equal[k][v] = self._equal[k].get(v, 0) | 1 << b
                if test is not None:
                    self._other[k].append((b, test))
        self._masks: dict = {k: {} for k in PATTERN_KEYS}  # key -> value -> slots whose test holds
        self._table: dict = {}  # (tag, lower, dep, is_space) -> (groups of one-token matches, multi slots)
        self._group_sets: dict = {}  # groups -> (columns set, values), in the order `_sets_index` numbers them
        self._group_index: dict = {}  # groups -> its number
        self._set_arrays = (numpy.zeros((0, len(_WRITTEN)), dtype=bool), None)  # `_group_sets` as two arrays

    def _digest_parts(self) -> list:
        return [self._inner.patterns, self.attrs]

    def _load_cache(self) -> None:
        self._disk = {}
        super()._load_cache()
        for sig, e in self._disk.items():  # (tag, lower, dep, is_space) -> (groups, {pattern: token positions})
            self._table.setdefault(sig, e)
        self._disk = None

    def _entries_to_save(self):
        return self._table.items()

    def _mask(self, key: str, value) -> int:
        masks = self._masks[key]
        m = masks.get(value)
        if m is None:
            m = self._base[key] | self._equal[key].get(value, 0)
            for b, test in self._other[key]:
                if test(value):
                    m |= 1 << b
            masks[value] = m
        return m

    def _entry(self, sig):
        e = self._table.get(sig)
        if e is None:
            tag, lower, dep, space = sig
            s = self.vocab.strings
            bits = (self._mask("TAG", s[tag] if tag else "") & self._mask("LOWER", s[lower] if lower else "")
                    & self._mask("DEP", s[dep] if dep else "") & self._mask("IS_SPACE", bool(space)))
            groups, multi = [], {}
            while bits:
                low = bits & -bits
                bits ^= low
                group, m, j = self.slots[low.bit_length() - 1]
                if self.patterns[m][1] == 1:
                    groups.append(group)
                else:
                    multi.setdefault(m, set()).add(j)
            e = self._table[sig] = (tuple(sorted(set(groups))), multi)
            self._added += 1
        return e

    def __call__(self, doc: Doc) -> Doc:
        """Set what the patterns set, per distinct signature (a Doc repeats a few thousand), spread to the tokens
        with numpy: no Python loop over the tokens but over the few that start a multi-token pattern."""
        if len(doc) == 0:
            return doc
        if not self._loaded:
            self._load_cache()
        sigs, token_sig, _ = _distinct_rows(doc.to_array([TAG, LOWER, DEP, IS_SPACE]))
        entries = [self._entry(s) for s in map(tuple, sigs.tolist())]  # per distinct signature
        arr = doc.to_array(list(_WRITTEN))
        out = self._rows_by_signature(arr, entries, token_sig)
        for i, extra in self._multi_token_matches(entries, token_sig).items():
            out[i] = self._applied(arr[i].tolist(), tuple(sorted(entries[token_sig[i]][0] + tuple(extra))))
        doc.from_array(list(_WRITTEN), out)
        return doc

    def _applied(self, row: list, groups: tuple) -> list:
        """``row`` (the token's `_WRITTEN` values) with each group's attributes set, in group order."""
        for g in groups:
            for a, v in self.attrs[g].items():
                row[_WRITTEN.index(a)] = v
        return row

    def _rows_by_signature(self, arr, entries: list, token_sig):
        """Every token's `_WRITTEN` row after the one-token patterns of its signature's entry: what the entry's
        groups set (the last group setting a column wins, as they are applied in order) spread with numpy."""
        which = numpy.array([self._sets_index(groups) for groups, _ in entries], dtype=numpy.intp)[token_sig]
        if len(self._group_sets) != len(self._set_arrays[0]):
            self._set_arrays = (numpy.array([m for m, _ in self._group_sets.values()], dtype=bool),
                                numpy.array([v for _, v in self._group_sets.values()], dtype=numpy.uint64))
        mask, values = self._set_arrays
        return numpy.where(mask[which], values[which], arr)

    def _sets_index(self, groups: tuple) -> int:
        """The number of ``groups`` in `_group_sets`: (which `_WRITTEN` columns they set, the values set there)."""
        k = self._group_index.get(groups)
        if k is None:
            row = self._applied([None] * len(_WRITTEN), groups)
            k = self._group_index[groups] = len(self._group_sets)
            self._group_sets[groups] = (tuple(v is not None for v in row), tuple(v or 0 for v in row))
        return k

    def _multi_token_matches(self, entries: list, token_sig) -> dict[int, list[int]]:
        """Token -> the groups of the multi-token patterns that set it ('gon na'), each match in token order: a
        pattern matches where its first token's signature holds slot 0 and each next token's holds the next slot."""
        firsts = numpy.array([any(0 in js for js in multi.values()) for _, multi in entries])
        matched: dict[int, list[int]] = {}
        if not any(length > 1 for _, length, _ in self.patterns) or not firsts.any():
            return matched
        n = len(token_sig)
        for i in numpy.flatnonzero(firsts[token_sig]).tolist():
            for m, js in entries[token_sig[i]][1].items():
                if 0 not in js:
                    continue
                group, length, target = self.patterns[m]
                if i + length <= n and all(j in entries[token_sig[i + j]][1].get(m, ()) for j in range(1, length)):
                    matched.setdefault(i + target, []).append(group)
        return matched


def _distinct_rows(a):
    """(the distinct rows of the 2-d array ``a`` in sorted order, each row's index among them, the first row
    of ``a`` holding each): ``numpy.unique(a, axis=0, return_index=True, return_inverse=True)``, by a stable
    ``lexsort`` (``unique`` compares rows as opaque bytes, several times slower)."""
    order = numpy.lexsort(a.T[::-1])
    s = a[order]
    new = numpy.empty(len(a), dtype=bool)
    new[:1] = True
    numpy.any(s[1:] != s[:-1], axis=1, out=new[1:])
    index = numpy.empty(len(a), dtype=numpy.intp)
    index[order] = numpy.cumsum(new) - 1
    return s[new], index, order[new]


class _SetIndex:
    """The ``lemma_index`` table with each part of speech's word list as a set: ``rule_lemmatize`` tests
    ``form in index`` for every rule that applies, a scan of thousands of words on a list."""

    def __init__(self, table):
        self.table, self.sets = table, {}

    def get(self, pos, default=None):
        if pos not in self.sets:
            words = self.table.get(pos)
            self.sets[pos] = None if words is None else frozenset(words)
        v = self.sets[pos]
        return default if v is None else v


class _RuleTables:
    """What ``Lemmatizer.rule_lemmatize`` reads of its ``self``, with the word index as sets: spaCy's own
    rule code runs on it unchanged."""

    def __init__(self, lemmatizer):
        self.cache: dict = {}
        self.is_base_form = lemmatizer.is_base_form
        self._lookups = lemmatizer.lookups
        self._index = _SetIndex(lemmatizer.lookups.get_table("lemma_index", {}))

    @property
    def lookups(self):
        return self

    def get_table(self, name, default=None):
        return self._index if name == "lemma_index" else self._lookups.get_table(name, default)


class TableLemmatizer(_TableComponent):
    """The rule lemmatizer's lemma read from a table keyed by (orth, pos, morph), which is all
    ``rule_lemmatize`` reads; tokens that already have a lemma (the attribute ruler's) keep it. A new
    key runs spaCy's ``rule_lemmatize`` with the word index as sets (:class:`_RuleTables`)."""

    def __init__(self, lemmatizer):
        if getattr(lemmatizer, "mode", None) != "rule" or getattr(lemmatizer, "overwrite", True):
            raise ValueError("only the rule lemmatizer without overwrite is reproduced")
        super().__init__(lemmatizer, "lemmatizer")
        self._rules = None
        self._table: dict = {}  # (orth, pos, morph) -> lemma hash
        self._disk: dict = {}  # (orth, pos, morph) -> lemma, from the cache file: added to the strings when first met

    _kind = "lemma"

    def _digest_parts(self) -> list:
        lem = self._inner
        if not lem._validated:
            lem._validate_tables()
        cls = type(lem)
        return [f"{cls.__module__}.{cls.__qualname__}", lem.lookups.to_bytes()]

    def _entries_to_save(self):
        strings = self.vocab.strings
        return ((key, strings[h]) for key, h in self._table.items())

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        lem = self._inner
        if self._rules is None:
            if not lem._validated:
                lem._validate_tables()
            self._rules = _RuleTables(lem)
        if not self._loaded:
            self._load_cache()
        rules, rule_lemmatize = self._rules, type(lem).rule_lemmatize
        arr = doc.to_array([ORTH, POS, MORPH, LEMMA])
        todo = numpy.flatnonzero(arr[:, 3] == 0)
        if not len(todo):
            return doc
        table, disk, add = self._table, self._disk, self.vocab.strings.add
        keys, key_of, first = _distinct_rows(arr[todo, :3])
        hashes = []
        for key, i in zip(map(tuple, keys.tolist()), todo[first].tolist()):
            h = table.get(key)
            if h is None:  # the key's first token gives its lemma (any would: it is all rule_lemmatize reads)
                lemma = disk.get(key)
                if lemma is None:
                    lemma = rule_lemmatize(rules, doc[i])[0]
                    self._added += 1
                h = table[key] = add(lemma)
            hashes.append(h)
        lemmas = arr[:, 3].copy()
        lemmas[todo] = numpy.array(hashes, dtype=numpy.uint64)[key_of]
        doc.from_array([LEMMA], lemmas)
        return doc



def table_digest(parts: list) -> str:
    """A digest of what a table's entries are computed from: this module's code, spaCy's and Python's versions, and
    the component's own ``parts`` (`_TableComponent._digest_parts`)."""
    import hashlib
    import json

    import spacy

    h = hashlib.sha1(Path(__file__).read_bytes())
    h.update(f"\0{spacy.__version__}\0{sys.version_info[:2]}\0".encode())
    for part in parts:
        h.update(part if isinstance(part, bytes) else json.dumps(part, sort_keys=True, default=repr).encode())
        h.update(b"\0")
    return h.hexdigest()[:16]


def save_tables(nlp) -> None:
    """Write the table annotators' tables of ``nlp`` to their cache files, those this process added to
    (`_TableComponent.save_cache`): after a parse, so that the next process starts with them."""
    for name in _FACTORIES:
        pipe = nlp.get_pipe(name) if name in nlp.pipe_names else None
        if isinstance(pipe, _TableComponent):
            pipe.save_cache()


_FACTORIES = {"attribute_ruler": ("graphkit_attribute_table", TableAttributeRuler),
              "lemmatizer": ("graphkit_lemma_table", TableLemmatizer)}


def _register() -> None:
    from spacy.language import Language

    for factory, cls in _FACTORIES.values():
        if factory not in Language.factories:
            Language.factory(factory, default_config={"source": ""},
                             func=lambda nlp, name, source, cls=cls: cls(nlp.get_pipe(source)))


def use_table_annotators(nlp):
    """Replace the pipeline's ``attribute_ruler`` and ``lemmatizer`` by their table versions (factories
    ``graphkit_attribute_table`` and ``graphkit_lemma_table``), in place and under the same names, where
    they reproduce spaCy's exactly (else the component stays). Returns nlp."""
    _register()
    for name, (factory, cls) in _FACTORIES.items():
        if name not in nlp.pipe_names or isinstance(nlp.get_pipe(name), cls):
            continue
        try:
            cls(nlp.get_pipe(name))
        except ValueError:  # patterns or a mode this module does not reproduce: spaCy's stays
            continue
        tmp = f"{factory}_new"
        nlp.add_pipe(factory, name=tmp, after=name, config={"source": name})
        nlp.remove_pipe(name)
        nlp.rename_pipe(tmp, name)
    return nlp
