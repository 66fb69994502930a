"""How the ``graphkit`` program runs a command and ends (`graphkit.cli.main` hands it the command line): a user's
error said in one line on stderr, no traceback, and status 2; what graphkit warns a notebook of said as lines of
their own (`warnings_as_lines`); Ctrl-C's line, which of a build says what its store kept (`_interrupted_line`,
status 130); after a build, the process left without Python's teardown (`leave`). The commands, their options and
what they print are `graphkit.cli`'s.

>>> import typer
>>> demo = typer.Typer()
>>> @demo.command()
... def hello(n: int):
...     print("hello" * n)
>>> try:
...     run(demo, ["x"])
... except SystemExit as e:
...     print("status", e.code)
status 2
"""

from __future__ import annotations

import sys
import warnings
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

import typer

from .errors import GraphkitWarning, one_line, user_error_line


def run(app, argv=None) -> None:
    """Run the command ``argv`` names (None: the program's own arguments) with the typer ``app`` and end with its
    status (`sys.exit`), turning user errors into one line on stderr (no traceback) and status 2.

    Covers usage errors (unknown command, option or export format, a missing argument) and what
    `graphkit.errors.user_error_line` says: graphkit's own errors, a path that cannot be read or written,
    a store SQLite cannot read. Given no ``argv`` (the program itself, never a caller's process), a build whose
    store is closed leaves at once (`leave`).
    """
    import importlib

    from .nlp import numpy_from_start, spacy_without_cli_from_start

    numpy_from_start()  # before anything imports numpy: one OpenBLAS thread a process, no huge-page hint
    spacy_without_cli_from_start()  # spaCy's own commands are not imported with it
    # click's exceptions, wherever this typer takes them from (click, or its own vendored copy)
    cx = importlib.import_module(typer.BadParameter.__module__)
    global NOW
    NOW = Command()  # a caller's process (a notebook, a test) may run several commands: each starts as the first
    try:
        code, at_once = _status(app, cx, argv), argv is None and NOW.leave_at_once  # the program itself, never a caller
    finally:
        NOW = Command()  # and leaves nothing for the next
    if at_once:
        leave(code)
    sys.exit(code)


@contextmanager
def warnings_as_lines():
    """What graphkit warns a notebook of (`graphkit.errors.GraphkitWarning`: "'clinton' matched the speaker named
    'Clinton' only; ...") said on the command line as a line of its own, ``graphkit: ...``, each time; any other
    warning as Python shows it.

    >>> import contextlib, io
    >>> err = io.StringIO()
    >>> with contextlib.redirect_stderr(err), warnings_as_lines():
    ...     warnings.warn("'clinton' matched the speaker named 'Clinton' only", GraphkitWarning)
    >>> err.getvalue()
    "graphkit: 'clinton' matched the speaker named 'Clinton' only\\n"
    """
    shown = warnings.showwarning

    def show(message, category, filename, lineno, file=None, line=None):
        if issubclass(category, GraphkitWarning):
            typer.echo(f"graphkit: {message}", err=True)
        else:
            shown(message, category, filename, lineno, file, line)

    with warnings.catch_warnings():
        warnings.simplefilter("always", GraphkitWarning)
        warnings.showwarning = show
        yield


def _status(app, cx, argv) -> int:
    """The exit status of the command ``argv`` names, `run`'s lines said: Ctrl-C's (`_interrupted_line`, status 130);
    a user's error is one line and leaves by ``SystemExit(2)``, raised, not returned. ``cx``: the module click's
    exceptions are taken from.

    >>> import importlib
    >>> cx = importlib.import_module(typer.BadParameter.__module__)
    >>> demo, stop = typer.Typer(), typer.Typer()
    >>> @demo.command()
    ... def hello(n: int):
    ...     print("hello" * n)
    >>> @stop.command()
    ... def wait():
    ...     raise KeyboardInterrupt
    >>> _status(demo, cx, ["2"]), _status(stop, cx, [])  # Ctrl-C's line on stderr
    hellohello
    (0, 130)
    >>> try:
    ...     _status(demo, cx, ["two"])  # a user's error: one line on stderr
    ... except SystemExit as e:
    ...     print("status", e.code)
    status 2
    """
    from .nlp import numpy_gemm_wanted

    try:
        numpy_gemm_wanted()  # a bad GRAPHKIT_GEMM is said before any pipeline loads or store is written
        with warnings_as_lines():
            rv = app(args=argv, prog_name="graphkit", standalone_mode=False)
    except cx.NoArgsIsHelpError as e:  # bare `graphkit`: show the help
        e.show()
        sys.exit(2)
    except cx.UsageError as e:
        where = e.ctx.command_path if e.ctx is not None else "graphkit"
        typer.echo(f"graphkit: error: {one_line(e.format_message()).rstrip('.')}; see `{where} --help`", err=True)
        sys.exit(2)
    except cx.ClickException as e:
        typer.echo(f"graphkit: error: {one_line(e.format_message())}", err=True)
        sys.exit(e.exit_code)
    except typer.Abort:
        typer.echo("graphkit: aborted", err=True)
        sys.exit(1)
    except Exception as e:  # noqa: BLE001 - a user's mistake is one line; anything else is raised again
        line = user_error_line(e)
        if line is None:
            raise
        typer.echo(f"graphkit: error: {line}", err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        rv = 130
    if rv == 130:  # typer turns Ctrl-C into exit code 130
        typer.echo(_interrupted_line(NOW.building), err=True)
    return rv if isinstance(rv, int) else 0


@dataclass
class Command:
    """What the command `run` runs tells it for after: set by the command (`graphkit.cli.build`), read by `run`, new
    for each command."""

    #: the store the build command writes, for what Ctrl-C says (`_interrupted_line`)
    building: Optional[Path] = None
    #: set once the command's work is written and closed (build): `run` may skip Python's teardown (`leave`)
    leave_at_once: bool = False


NOW = Command()  # the command running (`run`)


def _interrupted_line(building: Optional[Path]) -> str:
    """What Ctrl-C says: of a build, what its store ``building`` kept (a new store none of whose articles was finished
    is removed: `graphkit.store_file.nothing_left_of_a_failed_create`); of any other command (None), that it stopped.

    >>> _interrupted_line(None)
    'graphkit: interrupted'
    >>> print(_interrupted_line(Path("no/such/new.gk")))
    graphkit: interrupted before any article was stored; no store was left at 'no/such/new.gk' — run the same command to
    start again
    """
    if building is None:
        return "graphkit: interrupted"
    if building.is_file():
        return "graphkit: interrupted; the store keeps every article finished so far — run the same command to resume"
    return (f"graphkit: interrupted before any article was stored; no store was left at '{building}' — run the same "
            "command to start again")


def leave(code: int) -> None:
    """End the process with ``code`` without Python's teardown, which frees every object one at a time.

    After a build the process holds spaCy's pipeline and vocabulary, scikit-learn, SciPy and pandas, the word
    frequencies and the place indexes; freeing them, module by module, took 0.3-0.8 CPU s at the end of a build
    of PolNeAR dev (one process or two workers), for nothing: the operating system takes the memory back whole.
    By then the store is committed and closed. What Python runs at exit still runs (the ``atexit`` handlers:
    multiprocessing's, logging's, temporary files'), then the output is flushed. While another non-daemon
    thread is alive, the normal exit (which waits for it).
    """
    import atexit
    import os
    import threading

    if any(t is not threading.main_thread() and not t.daemon and t.is_alive() for t in threading.enumerate()):
        sys.exit(code)
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe or stream: nothing more can be said
            pass
    os._exit(code)
