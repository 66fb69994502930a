"""graphkit.annotate: the table attribute ruler and lemmatizer give spaCy's own annotations, token by token."""

import pytest
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, ORTH, POS, TAG

from graphkit.annotate import TableAttributeRuler, TableLemmatizer, use_table_annotators
from graphkit.nlp import load_pipeline, load_spacy

ATTRS = [ORTH, TAG, POS, MORPH, LEMMA, DEP, HEAD]


@pytest.fixture(scope="module")
def pipelines():
    return load_spacy(), use_table_annotators(load_spacy())


@pytest.mark.parametrize("text", [
    "Kremlin spokesman Dmitry Peskov said the talks were useful.",
    "She was gonna say it, but y'all knew: let's go.",          # the ruler's two-token lemma rules
    "There is no plan. There were talks. It's over, ain't it?",  # expl + be → VERB; "ai n't" → be
    "I told you that it gets worse; we got it.",                  # pronoun case by dependency; gets/got → get
    "He did it. Do you have the papers the court had?",           # do/have as main verbs
    "  \n\nBut the mayor, who hadn't spoken, said:  “No.”\n",     # whitespace tokens, but as advmod
    "Ukraine's forces shelled Donetsk, Russia's Defence Ministry said on Monday.",
    "",
])
def test_same_annotations_as_spacy(pipelines, text):
    stock, table = pipelines
    a, b = stock(text), table(text)
    assert a.to_array(ATTRS).tolist() == b.to_array(ATTRS).tolist()
    assert [t.lemma_ for t in a] == [t.lemma_ for t in b]


def test_tables_pickle_as_spacys_components(pipelines):
    import pickle

    stock, table = pipelines
    text = "She was gonna say it, but y'all knew."
    for name in ("attribute_ruler", "lemmatizer"):
        copy = pickle.loads(pickle.dumps(table.get_pipe(name)))
        assert type(copy) is type(table.get_pipe(name))
    doc = stock.make_doc(text)
    for name in ("tok2vec", "tagger", "parser"):
        doc = stock.get_pipe(name)(doc)
    for name in ("attribute_ruler", "lemmatizer"):
        doc = pickle.loads(pickle.dumps(table.get_pipe(name)))(doc)
    assert [t.lemma_ for t in doc] == [t.lemma_ for t in stock(text)]


def test_graphkit_pipeline_uses_the_tables_under_spacys_names():
    nlp = load_pipeline()
    assert isinstance(nlp.get_pipe("attribute_ruler"), TableAttributeRuler)
    assert isinstance(nlp.get_pipe("lemmatizer"), TableLemmatizer)
    assert nlp.pipe_names.index("attribute_ruler") < nlp.pipe_names.index("lemmatizer")


@pytest.mark.parametrize("pattern", [
    {"LENGTH": 3},                 # a key the table does not reproduce
    {"LOWER": {"FUZZY": "said"}},  # an operator it does not reproduce
])
def test_a_ruler_it_cannot_reproduce_stays_spacys(pattern):
    nlp = load_spacy()
    nlp.get_pipe("attribute_ruler").add([[pattern]], {"POS": "X"})
    use_table_annotators(nlp)
    assert not isinstance(nlp.get_pipe("attribute_ruler"), TableAttributeRuler)
    assert isinstance(nlp.get_pipe("lemmatizer"), TableLemmatizer)


# -- the tables kept in the cache folder (graphkit.diskcache) -------------------------------------------------
CACHE_TEXTS = ["She was gonna say it, but y'all knew: let's go.",
               "Ukraine's forces shelled Donetsk, Russia's Defence Ministry said on Monday.",
               "I told you that it gets worse; we got it. There were talks."]


def _annotate_fresh(texts):
    """A fresh graphkit pipeline's annotations of ``texts`` (its tables read from the cache folder, if any), the
    tables' sizes after, and what `save_tables` wrote."""
    from graphkit.annotate import save_tables
    from graphkit.nlp import cached_pipeline

    nlp = cached_pipeline.__wrapped__(None, False)
    docs = [nlp(t) for t in texts]
    sizes = {n: len(nlp.get_pipe(n)._table) for n in ("attribute_ruler", "lemmatizer")}
    save_tables(nlp)
    return [(d.to_array(ATTRS).tolist(), [t.lemma_ for t in d]) for d in docs], sizes


@pytest.mark.parametrize("state", ["none", "written", "damaged", "foreign", "unwritable", "other patterns"])
def test_tables_from_the_cache_folder_give_spacys_annotations(pipelines, state, tmp_path, monkeypatch):
    """Computed, read from the files an earlier process wrote, computed again over a damaged file or one of other
    content, computed where no cache folder can be written, or with a ruler of other patterns (another file): the
    same annotations as spaCy's own every time."""
    stock, _ = pipelines
    cache = tmp_path / "cache"
    monkeypatch.setenv("GRAPHKIT_CACHE", str(cache))
    _annotate_fresh(CACHE_TEXTS[:2])  # an earlier process: computes the tables and writes them
    files = sorted(cache.glob("annotate-*.marshal"))
    assert [f.name.split("-")[1] for f in files] == ["lemma", "ruler"]
    if state == "damaged":
        for f in files:
            f.write_bytes(f.read_bytes()[:100])
    elif state == "foreign":
        import marshal

        for f in files:
            f.write_bytes(marshal.dumps([1, 2, 3]))
    elif state == "unwritable":
        for f in cache.iterdir():  # the tables and their locks (`graphkit.diskcache.merge_marshal`)
            f.unlink()
        cache.rmdir()
        cache.write_text("a file where the folder should be")
    got, sizes = _annotate_fresh(CACHE_TEXTS) if state != "other patterns" else (None, None)
    if state == "other patterns":
        from graphkit.annotate import use_table_annotators

        nlp = load_spacy()
        nlp.get_pipe("attribute_ruler").add([[{"LOWER": "talks"}]], {"POS": "X"})
        use_table_annotators(nlp)
        assert nlp.get_pipe("attribute_ruler")._cache_path() not in files  # its own file: nothing read of the other's
        assert nlp.get_pipe("lemmatizer")._cache_path() in files
        return
    want = [(d.to_array(ATTRS).tolist(), [t.lemma_ for t in d]) for d in map(stock, CACHE_TEXTS)]
    assert got == want
    if state == "written":  # the earlier texts' entries read, the third's added to the files
        import marshal

        assert all(len(marshal.loads(f.read_bytes())) >= sizes[n]
                   for f, n in zip(files, ("lemmatizer", "attribute_ruler")))
    if state == "unwritable":
        assert cache.is_file()


# -- two processes adding to one cache file (graphkit.diskcache.merge_marshal) ---------------------------------
@pytest.mark.parametrize("second", ["ends while the first reads", "ends after the first"])
def test_a_merge_into_a_cache_file_loses_no_entry_another_process_wrote(tmp_path, monkeypatch, second):
    """Two processes that add to one table file and end together (a ``--workers 2`` build's two workers): the second
    either waits for the first's lock (here it gives up at once: ``MERGE_WAIT`` 0) or reads what the first wrote;
    every merge that says it wrote keeps its entries in the file. Without the lock, the second's write in the middle
    of the first's read and write was overwritten."""
    from graphkit import diskcache

    path = tmp_path / "t.marshal"
    diskcache.write_marshal(path, {"old": 0})
    read = diskcache.read_marshal
    said = {}

    def first_reads(p):
        data = read(p)
        if second == "ends while the first reads" and "b" not in said:
            said["b"] = diskcache.merge_marshal(path, [("b", 2)], 10)
        return data

    monkeypatch.setattr(diskcache, "MERGE_WAIT", 0)
    monkeypatch.setattr(diskcache, "read_marshal", first_reads)
    said["a"] = diskcache.merge_marshal(path, [("a", 1)], 10)
    if second == "ends after the first":
        said["b"] = diskcache.merge_marshal(path, [("b", 2)], 10)
    kept = read(path)
    assert said["a"] and kept["old"] == 0 and kept["a"] == 1
    assert [k for k, wrote in said.items() if wrote and k not in kept] == []
    assert said["b"] is (second == "ends after the first")  # the second waited (here: gave up) while the first held it


def test_the_tables_are_written_under_the_files_lock(tmp_path, monkeypatch):
    """A process whose table files another process is merging into (their lock held) leaves them as they are (here
    at once: ``MERGE_WAIT`` 0), and its annotations are spaCy's all the same."""
    from filelock import FileLock

    from graphkit import diskcache

    cache = tmp_path / "cache"
    monkeypatch.setenv("GRAPHKIT_CACHE", str(cache))
    monkeypatch.setattr(diskcache, "MERGE_WAIT", 0)
    _annotate_fresh(CACHE_TEXTS[:1])
    files = sorted(cache.glob("annotate-*.marshal"))
    before = [f.read_bytes() for f in files]
    locks = [FileLock(f"{f}.lock") for f in files]
    for lock in locks:
        lock.acquire()
    try:
        got, _ = _annotate_fresh(CACHE_TEXTS)  # new entries, files held: nothing written
    finally:
        for lock in locks:
            lock.release()
    assert [f.read_bytes() for f in files] == before
    assert got == _annotate_fresh(CACHE_TEXTS)[0]  # then written, and the same annotations
    assert [f.read_bytes() for f in files] != before


# -- cache files of an older digest (graphkit.diskcache.remove_stale) --------------------------------------------
#: (a file in the cache folder, days since it was written, its lock held by another process, removed when a new
#: geonames file is first written): a stale file went nowhere (16 geonames files of 4.4 MB each in one session's cache
#: folder here); its lock file stays whatever happens (`diskcache.remove_stale`: one removed, even under its own lock,
#: can have two holders)
STALE = [
    ("geonames-0ld.marshal", 40, False, True),         # with a stopped write's temp file; its lock file stays
    ("geonames-1ate.marshal", 5, False, False),        # another checkout's, written lately
    ("geonames-he1d.marshal", 40, True, False),        # read under its lock by another process now
    ("annotate-lemma-0ld.marshal", 40, False, False),  # another kind: its own first write decides
]


@pytest.mark.parametrize("name,days,held,removed", STALE, ids=[r[0] for r in STALE])
def test_a_new_cache_file_removes_the_stale_ones_of_its_kind_and_keeps_their_locks(tmp_path, name, days, held, removed):
    import os
    import time

    from filelock import FileLock

    from graphkit import diskcache

    old = tmp_path / name
    beside = [old, old.with_name(f"{name}.lock"), old.with_name(f"{name}.123.tmp")]
    for f in beside:
        f.write_bytes(b"x")
        os.utime(f, (time.time() - days * 86400,) * 2)
    lock = FileLock(str(beside[1]))
    if held:
        lock.acquire()
    try:
        assert diskcache.write_marshal(tmp_path / "geonames-new.marshal", {"a": 1})
    finally:
        lock.release()
    assert [f.exists() for f in beside] == [not removed, True, not removed]
    assert diskcache.read_marshal(tmp_path / "geonames-new.marshal") == {"a": 1}
