"""Importing a package while modules it imports but does not use are stand-ins: the one home of the trick.

Two imports graphkit pays for on every build load modules they never use: scikit-learn imports pandas and
``scipy.stats`` whatever is used (~1 CPU s, `graphkit.issue_learning.import_sklearn`), spaCy imports its command-line
package for ``spacy.info`` alone (~0.2 CPU s, `graphkit.nlp.spacy_without_cli_from_start`). `import_with_stand_ins`
runs such an import with a `StandIn` in ``sys.modules`` for each of those modules: it offers only the functions
listed for it, each a `DeferredFunction` (the real module imported when it is first called, pickled as the real
function).

A stand-in matches what one version of the package imports, but the package's version is not ours to choose. So
while the import runs, anything else asked of a stand-in (any other attribute, a submodule, a listed function
called) marks it touched; if one was touched, or the import raised, the attempt is undone and the import runs
again as it is, with the real modules: every module the attempt imported within the package, or that holds a
stand-in, is dropped from ``sys.modules`` first, so nothing is left holding one. The worst a new version costs is
the CPU saved. Afterwards the stand-ins are out of ``sys.modules`` (a later ``import pandas`` is the real one);
one the package kept (scikit-learn's ``pd``) gives the real module's attributes.

Stand-ins in ``sys.modules`` are seen by every thread, so they are used only when the caller is the process's one
thread (`sole_thread`); otherwise the import runs as it is. Cases: tests/test_standins.py.
"""

from __future__ import annotations

import importlib
import importlib.machinery
import importlib.util
import sys
from contextlib import contextmanager
from types import ModuleType
from typing import Callable, Iterable, Iterator, Mapping


def sole_thread() -> bool:
    """Whether the calling thread is the process's only one (``threading.active_count``: threads started with
    `threading`, or that ran Python through it), so that a change to ``sys.modules`` undone before returning is
    seen by no other code (`import_with_stand_ins`)."""
    import threading

    return threading.active_count() == 1


def import_with_stand_ins(load: Callable[[], object], deferred: Mapping[str, Iterable[str]], package: str) -> bool:
    """Runs ``load`` (which imports ``package``, or part of it) with a `StandIn` for each module of ``deferred``
    not loaded yet (the names of the functions it may hand out); if that fails in any way (`stand_ins`), runs
    ``load`` again with the real modules. Whether the stand-ins were kept: False also when another thread runs
    (`sole_thread`) or there is nothing to stand in for. An error of ``load`` with the real modules is raised.

    >>> import_with_stand_ins(lambda: None, {}, package="json")
    False
    """
    if not sole_thread():  # another thread would see the stand-ins
        load()
        return False
    with stand_ins(deferred, package) as attempt:
        if attempt.stand_ins:
            load()
    if attempt.stand_ins and attempt.kept:
        return True
    load()
    return False


class Attempt:
    """What `stand_ins` made (``stand_ins``: name -> `StandIn`) and whether they did (``kept``)."""

    def __init__(self, made: dict[str, "StandIn"]) -> None:
        self.stand_ins = made
        self.error: BaseException | None = None

    @property
    def touched(self) -> list[str]:
        """What was asked of the stand-ins that they do not give (``module.attribute``; ``.__call__`` for a
        listed function called)."""
        return [f"{s.__name__}.{a}" for s in self.stand_ins.values() for a in s._standin_touched]

    @property
    def kept(self) -> bool:
        return self.error is None and not self.touched


@contextmanager
def stand_ins(deferred: Mapping[str, Iterable[str]], package: str) -> Iterator[Attempt]:
    """A context in which each module of ``deferred`` that is installed and not loaded yet is a `StandIn` in
    ``sys.modules`` (parents before their submodules). On leaving, they are taken out of ``sys.modules`` (and
    off their parents) in any case; if the block raised (an Exception: it is swallowed, ``attempt.error``) or
    touched one, every module imported in the block within ``package``, or holding a stand-in, is dropped too
    (`Attempt.kept` is False): the caller imports again with the real modules."""
    made: dict[str, StandIn] = {}
    specs: dict[str, importlib.machinery.ModuleSpec] = {}
    before = set(sys.modules)
    try:
        for name, functions in deferred.items():
            spec = None if name in sys.modules else _installed(name, specs)
            if spec is not None:
                specs[name] = spec
                made[name] = sys.modules[name] = StandIn(name, functions)
    except BaseException:
        _take_out(made)
        raise
    attempt = Attempt(made)
    try:
        yield attempt
    except Exception as e:  # noqa: BLE001  the caller imports again, with the real modules, and meets it there
        attempt.error = e
    finally:
        for s in made.values():
            s._standin_live = False
        _take_out(made)
        if not attempt.kept:
            _drop_attempt(before, package)


def _installed(name: str, specs: dict) -> "importlib.machinery.ModuleSpec | None":
    """``name``'s spec if it can be imported, without importing it (its parent is imported unless a stand-in is
    made for it too: then its spec in ``specs`` tells where to look). A stand-in for a module that is not
    installed would make ``try: import x / except ImportError`` think it is."""
    parent = name.rpartition(".")[0]
    try:
        if parent in specs:
            path = specs[parent].submodule_search_locations
            return None if path is None else importlib.machinery.PathFinder.find_spec(name, path)
        return importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None


def _take_out(made: Mapping[str, "StandIn"]) -> None:
    """Each stand-in out of ``sys.modules`` and off its parent module (``import a.b`` may set ``a.b``)."""
    for name, m in made.items():
        if sys.modules.get(name) is m:
            del sys.modules[name]
        parent, _, child = name.rpartition(".")
        if parent and getattr(sys.modules.get(parent), "__dict__", {}).get(child) is m:
            delattr(sys.modules[parent], child)


def _drop_attempt(before: set, package: str) -> None:
    """After a failed attempt: every module imported since ``before`` within ``package`` (or holding a stand-in or a
    function of one) out of ``sys.modules``, so that the import runs again; a module loaded before that holds a
    stand-in module loses that attribute."""
    for name in [n for n in sys.modules if n not in before]:
        m = sys.modules[name]
        if name == package or name.startswith(package + ".") or _holds_stand_in(m):
            del sys.modules[name]
            parent, _, child = name.rpartition(".")
            if parent in before and getattr(sys.modules.get(parent), "__dict__", {}).get(child) is m:
                delattr(sys.modules[parent], child)
    for name in before & set(sys.modules):
        namespace = getattr(sys.modules[name], "__dict__", {})
        for attr in [a for a, v in namespace.items() if isinstance(v, StandIn)]:
            del namespace[attr]


def _holds_stand_in(module) -> bool:
    return any(isinstance(v, (StandIn, DeferredFunction)) for v in getattr(module, "__dict__", {}).values())


class StandIn(ModuleType):
    """A module's stand-in in ``sys.modules`` (`stand_ins`). Each of ``functions`` asked of it is a
    `DeferredFunction`. While the import it stands in for runs (``_standin_live``), anything else asked of it is
    noted as a touch and raises `StandInTouched` (an AttributeError: a submodule import fails too, since it is no
    package); a dunder name a prober asks for (``__file__``) is only missing, but ``__version__`` and ``__all__``
    are touches (`_MODULE_CONTENT`). Afterwards, a stand-in the package kept gives the real module's attributes
    (importing it then).

    >>> m = StandIn("json", ("dumps",)); f = m.dumps; f is m.dumps, hasattr(m, "__file__"), m._standin_touched
    (True, False, [])
    >>> m.loads
    Traceback (most recent call last):
    graphkit.standins.StandInTouched: json.loads: asked of a stand-in (graphkit.standins)
    >>> f([1]), m._standin_touched
    ('[1]', ['loads', 'dumps.__call__'])
    >>> m._standin_live = False; m.loads("[2]")
    [2]
    """

    def __init__(self, name: str, functions: Iterable[str] = ()) -> None:
        super().__init__(name)
        self._standin_functions = frozenset(functions)
        self._standin_live = True
        self._standin_touched: list[str] = []

    def __getattr__(self, attr: str):
        if attr in self._standin_functions:
            f = DeferredFunction(self.__name__, attr, self)
            setattr(self, attr, f)  # the same object the next time
            return f
        if self._standin_live:
            if attr.startswith("__") and attr.endswith("__") and attr not in _MODULE_CONTENT:
                raise AttributeError(attr)
            self._standin_touched.append(attr)
            raise StandInTouched(f"{self.__name__}.{attr}: asked of a stand-in (graphkit.standins)")
        return getattr(importlib.import_module(self.__name__), attr)


#: dunder names that are what a module holds, not a prober's question: ``getattr(pd, "__version__", "0")`` or
#: ``from scipy.stats import *`` (which reads ``__all__``) would get nothing from a stand-in and go on without it
_MODULE_CONTENT = frozenset({"__version__", "__all__"})


class StandInTouched(AttributeError):
    """Something the stand-in does not give was asked of it while its import ran (`StandIn`)."""


class DeferredFunction:
    """``module.name``, imported when first called, pickled as the real function (by its module and name, which
    unpickling imports). Called while its `StandIn`'s import runs, it is a touch: the real function is called, and
    the import is done again with the real modules."""

    def __init__(self, module: str, name: str, stand_in: StandIn | None = None) -> None:
        self._module, self._name, self._stand_in = module, name, stand_in
        self.__name__ = self.__qualname__ = name
        self.__module__ = module
        self.__doc__ = f"``{module}.{name}``, imported when first called (graphkit.standins)."
        self._real = None

    def __call__(self, *args, **kwargs):
        if self._stand_in is not None and self._stand_in._standin_live:
            self._stand_in._standin_touched.append(f"{self._name}.__call__")
        if self._real is None:
            self._real = getattr(importlib.import_module(self._module), self._name)
        return self._real(*args, **kwargs)

    def __reduce__(self):
        return getattr, (_ModuleByName(self._module), self._name)

    def __repr__(self) -> str:
        return f"<deferred function {self._module}.{self._name}>"


class _ModuleByName:
    """Pickled as ``importlib.import_module(name)``: the module a `DeferredFunction` is unpickled from."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __reduce__(self):
        return importlib.import_module, (self.name,)


def import_wordfreq():
    """``wordfreq``, imported with ``locate.this_dir`` answered from its caller's frame; the module.

    wordfreq finds its data folder at import with ``locate.this_dir()``, which calls ``inspect.stack()``: a
    `FrameInfo` with source lines for every frame of the stack and, the first time, every loaded module mapped to
    its file (``inspect.getmodule``), 0.15-0.2 CPU s once spaCy and scikit-learn are loaded, for the one frame it
    reads. While wordfreq imports, ``locate.this_dir`` is `_caller_dir`, which reads that frame alone and answers the
    same; it is ``locate``'s own again afterwards (another thread calling it meanwhile gets the same answer too).

    >>> import_wordfreq().DATA_PATH.name
    'data'
    """
    if "wordfreq" in sys.modules:
        return sys.modules["wordfreq"]
    try:
        import locate
    except ImportError:  # a wordfreq that no longer uses it
        return importlib.import_module("wordfreq")
    own = getattr(locate, "this_dir", None)
    locate.this_dir = _caller_dir
    try:
        return importlib.import_module("wordfreq")
    finally:
        locate.this_dir = own


def _caller_dir():
    """``locate.this_dir()`` as ``locate`` 1.1 computes it from ``inspect.stack()[1]``: the folder of the calling
    frame's module file, else the working directory."""
    import os
    from pathlib import Path

    caller = sys._getframe(1).f_globals
    if "__file__" in caller:
        return Path(os.path.abspath(caller["__file__"])).parent
    return Path(os.path.abspath(os.getcwd()))
