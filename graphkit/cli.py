"""The ``graphkit`` command: a thin layer over the Python API.

    graphkit build corpus --store out/sample.gk
    graphkit claims --store out/sample.gk --speaker Lavrov --issue Europe
    graphkit export graphml --store out/sample.gk -o out/sample.graphml
    graphkit export cytoscape --store out/sample.gk -o out/sample.cyjs
    graphkit view --store out/sample.gk -o out/sample.html

User errors (a wrong path, a file that is not a store, a missing model) print
one line saying what is wrong and what to do, and exit with status 2 (`graphkit.program`:
how the program runs a command and ends).
"""

from __future__ import annotations

import json
import os
import sys
import warnings
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Callable, Optional, Union

import typer

from . import program
from .contradict import MIN_SCORE, WINDOW_DAYS
from .errors import GraphkitWarning
from .tables import Column, print_table, write_tsv


def _flags_take_no_value():
    """typer's rich help prints a flag's type (``--distinct <bool>``) as if the flag took a value; print none."""
    from typer import core

    base = getattr(core.TyperOption, "display_type_rich", None)
    if base is None or getattr(base, "graphkit", False):
        return

    def display_type_rich(self, ctx):
        return None if getattr(self, "is_flag", False) else base(self, ctx)

    display_type_rich.graphkit = True
    core.TyperOption.display_type_rich = display_type_rich


_flags_take_no_value()

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Claim-tracking knowledge graph: who said what, about which issue, when, where, and who "
                       "contradicted it.")

def _file_path(example: str, option: Optional[list[str]] = None):
    """A parser of a path that names a file (``--store``, a file's ``-o``, export's but neo4j's): one written with a
    trailing '/' names a folder, and was taken as the file of that name, a build making a store called ``out`` of
    ``--store out/``.
    ``option``: the option's names, when a command parses the value itself (`_export_path`) and click cannot say
    which option it was.

    >>> _file_path("graph.gk")("out/s.gk")
    PosixPath('out/s.gk')
    >>> try:
    ...     _file_path("graph.gk")("out/")
    ... except typer.BadParameter as e:
    ...     print(e)
    'out/' ends with '/', a folder's name; give a file path, e.g. out/graph.gk
    """
    def parse(value: str) -> Path:
        if value.endswith(("/", os.sep)):
            raise typer.BadParameter(f"'{value}' ends with '/', a folder's name; give a file path, e.g. "
                                     f"{value}{example}", param_hint=option)
        return Path(value)

    return parse


def _checked(check: Union[str, Callable], flag: str, **given):
    """A parser of the option ``flag`` that hands its value to ``check``, the Python API's own check of it, named
    ``"module.function"`` in graphkit and imported when a value is checked (`graphkit build` starts its parse
    sooner without the query modules), or the command line's own (a function here: run as ``python -m
    graphkit.cli`` this module is ``__main__``, and a second import of it would make a second `Fmt`).
    ``check(value, flag, **given)`` returns the value as graphkit uses it or raises `graphkit.values.BadValue`, said
    here in the check's words after the option's name (`BadValue.on_command_line`): one wording per check, beside it,
    for the notebook and the command line alike.

    >>> _checked("query.as_date", "--since")("2025-11")
    '2025-11'
    >>> try:
    ...     _checked("query.as_date", "--since")("yesterday")
    ... except typer.BadParameter as e:
    ...     print(e)
    'yesterday' is not a date; give YYYY, YYYY-MM or YYYY-MM-DD, e.g. --since 2025-11-25
    """
    def parse(value: str):
        from .values import BadValue

        try:
            return check_named(check)(value, flag, **given)
        except BadValue as e:
            raise typer.BadParameter(e.on_command_line()) from None

    parse.check = check  # what `check_named` resolves: tests/test_cli.py resolves every option's, no value needed
    return parse


def check_named(check: Union[str, Callable]) -> Callable:
    """The function a `_checked` parser hands its option's value to: ``check`` itself, or the one its name
    ``"module.function"`` names in graphkit (imported here). A name that names nothing raises AttributeError or
    ImportError: tests/test_cli.py asks this of every option of every command, so a misspelt name fails there, not
    on a researcher's first value.

    >>> check_named("query.as_date").__name__, check_named(output_format_of).__name__
    ('as_date', 'output_format_of')
    """
    import importlib

    if not isinstance(check, str):
        return check
    module, name = check.rsplit(".", 1)
    return getattr(importlib.import_module(f"graphkit.{module}"), name)


StoreOpt = typer.Option(..., "--store", "-s", parser=_file_path("graph.gk"),
                        help="The store file (SQLite) that `graphkit build` writes.")


class Fmt(str, Enum):
    table = "table"
    tsv = "tsv"
    jsonl = "jsonl"
    csv = "csv"


def output_format_of(value: str, name: str = "format") -> Fmt:
    """A listing's ``--format`` as a `Fmt`, one of its values (`graphkit.values.one_of`)."""
    from .values import one_of

    return Fmt(one_of(value, name, [f.value for f in Fmt], what="an output format"))


FormatOpt = typer.Option(None, "--format", "-f", show_default=False, parser=_checked(output_format_of, "--format"),
                         help="table (fits the terminal), tsv, jsonl or csv. Default: table on a terminal, tsv when "
                              "piped.")


def _format(format: Optional[Fmt]) -> Fmt:
    """The table format a listing is printed in: the one given, else a table on a terminal and TSV into a pipe or a
    file (`graphkit.tables.is_terminal`).

    >>> _format(Fmt.jsonl).value, _format(None).value   # (a doctest's output is captured: no terminal)
    ('jsonl', 'tsv')
    """
    from .tables import is_terminal

    return format or (Fmt.table if is_terminal() else Fmt.tsv)


def _export_path(format: str, value: str) -> Path:
    """export's ``-o`` as a Path: a file's (`_file_path`: a trailing '/' refused), but for neo4j, which writes a folder
    ('out/' is the folder 'out'). The option is parsed here, not by its parser, which cannot see the format.

    >>> _export_path("neo4j", "out/"), _export_path("csv", "out/c.csv")
    (PosixPath('out'), PosixPath('out/c.csv'))
    >>> try:
    ...     _export_path("cytoscape", "out/")
    ... except typer.BadParameter as e:
    ...     print(e.format_message())
    Invalid value for '-o' / '--output': 'out/' ends with '/', a folder's name; give a file path, e.g. out/graph.cyjs
    """
    from .export import example_name

    if format == "neo4j":
        return Path(value)
    return _file_path(example_name(format), ["-o", "--output"])(value)


def _err(msg: str) -> None:
    typer.echo(f"graphkit: error: {msg}", err=True)
    raise typer.Exit(2)


def _wrote(line: str, output: Path) -> None:
    """A writing command's closing line: on stderr when its output is written through as it is, a pipe, a device or
    this process's own descriptor (``-o /dev/stdout``: `graphkit.outputs.written_through`; a link to a regular file
    is replaced, not written through), so that the output holds the file's content alone."""
    from .outputs import written_through

    typer.echo(line, err=written_through(output))


def _open(store: Path):
    from .query import Graphkit

    return Graphkit(store, command_line=True)  # a name that matches nothing says the command that lists the names


@app.command()
def build(corpus: Path = typer.Argument(..., help="Folder of .txt/.md/.html articles (+ optional metadata.jsonl/csv)."),
          store: Path = StoreOpt,
          model: Optional[str] = typer.Option(None,
                                              help="Installed spaCy pipeline to use (default: en_core_web_sm, else its "
                                                   "PyPI mirror)."),
          workers: int = typer.Option(1, parser=_checked("parse_pool.workers_of", "--workers"),
                                      help="Parsing processes (spaCy multiprocessing), at most this machine's cores."),
          scheduler: Optional[str] = typer.Option(None,
                                                  help="Dask scheduler address (tcp://host:8786) to spread parsing "
                                                       "over a cluster."),
          strict: bool = typer.Option(False, "--strict", help="Exit non-zero when any file was skipped or degraded."),
          force: bool = typer.Option(False, "--force", help="Re-parse every article even when unchanged."),
          full: bool = typer.Option(False, "--full",
                                    help="Resolve the whole store again, reusing nothing kept from the last resolution "
                                         "(the result is the same; for checking)."),
          prune: bool = typer.Option(False, "--prune",
                                     help="Remove from the store the articles no longer in the corpus folder."),
          issues: Optional[Path] = typer.Option(None, "--issues",
                                                help="Issue taxonomy to use instead of CORPUS/issues.yaml (format: "
                                                     "models/issues.yaml)."),
          actors: Optional[Path] = typer.Option(None, "--actors",
                                                help="Actor gazetteer to use instead of CORPUS/actors.yaml (format: "
                                                     "models/actors.yaml)."),
          n_issues: Optional[int] = typer.Option(None, "--n-issues",
                                                 parser=_checked("discover.n_issues_of", "--n-issues"),
                                                 help="With no taxonomy: discover this many issues (default: chosen "
                                                      "from the data)."),
          rediscover: bool = typer.Option(False, "--rediscover",
                                          help="With no taxonomy: discover the issues again from every claim (new "
                                               "articles otherwise join the issues found before)."),
          window: int = typer.Option(WINDOW_DAYS, "--window", metavar="DAYS",
                                     parser=_checked("contradict.window_days_of", "--window"),
                                     help="Link contradicting claims of two articles at most DAYS apart."),
          parse_ahead: bool = typer.Option(False, "--parse-ahead",
                                           help="With one worker: spaCy parses the next articles in a thread while "
                                                "graphkit extracts the current one (a second core; the same store)."),
          quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar.")):
    """Read a corpus folder into the store; only new or changed articles are parsed.

    The corpus's own CORPUS/issues.yaml and CORPUS/actors.yaml are read when present; with no issue
    taxonomy, issues are discovered from the claims (see `graphkit issues suggest`).

    Example: graphkit build corpus --store out/sample.gk
    """
    from .build import build as run_build

    workers, parse_ahead = _parse_options(workers, scheduler, parse_ahead)
    program.NOW.building = store
    extract = None
    if scheduler:
        from .distributed import dask_extractor

        extract = dask_extractor(scheduler, model=model)
    with _build_progress(quiet) as (tick, say):
        def waiting():
            say(f"waiting: another build is writing {store}; this one goes on when it ends")

        rep = run_build(corpus, store, model=model, workers=workers, on_progress=tick, extract=extract, force=force,
                        prune=prune, on_wait=waiting, issues=issues, actors=actors, n_issues=n_issues,
                        rediscover=rediscover, window_days=window, full=full, parse_ahead=parse_ahead)
    _say_built(rep, corpus, store, strict)
    program.NOW.leave_at_once = True  # the store is committed and closed: `program.run` may skip Python's teardown


def _parse_options(workers: int, scheduler: Optional[str], parse_ahead: bool) -> tuple[int, bool]:
    """`graphkit build`'s parse options as the build takes them: ``--workers`` at most this machine's cores (more:
    one line said; fewer than one is its parser's), ``--parse-ahead`` left out, in one line, where it is no use (more
    than one worker, a cluster), so that `graphkit.build.build` has nothing left to warn of."""
    from .parse_pool import ahead_left_out, parse_workers

    workers, note = parse_workers(workers, named="--workers ")
    if note and not scheduler:
        typer.echo(f"graphkit: {note}", err=True)
    ahead_note = ahead_left_out(workers, bool(scheduler), named="--parse-ahead") if parse_ahead else None
    if ahead_note:
        typer.echo(f"graphkit: {ahead_note}", err=True)
    return workers, parse_ahead and not ahead_note


def _say_built(rep, corpus: Path, store: Path, strict: bool) -> None:
    """What `graphkit build` says when its build ends: the summary line of its `graphkit.build.BuildReport`, the
    articles pruned, the files skipped or degraded (a few, then where to read them all); with ``--strict`` any of
    those ends the command in an error."""
    from .build import problem_lines

    typer.echo(f"articles: {rep.articles} ({rep.parsed} parsed, {rep.unchanged} unchanged) · claims: {rep.claims} "
               f"({rep.reports} reports) · "
               f"actors: {rep.actors} · places: {rep.places} · "
               f"issues: {rep.issues}{' (discovered)' if rep.issues_discovered else ''} · "
               f"contradictions: {rep.contradictions} · "
               f"parse {rep.parse_seconds:.1f}s, resolve {rep.resolve_seconds:.1f}s → {store}")
    if rep.issues_none:
        typer.echo(f"issues: none discovered: {rep.issues_none}")
    if rep.issues_rediscovered:
        typer.echo("issues discovered again: the store's were discovered from another extraction (graphkit's "
                   "extraction version, the spaCy pipeline or a models/ file changed)")
    if rep.pruned:
        typer.echo(f"pruned: {rep.pruned} article(s) no longer in {corpus} removed from the store")
    if rep.kept_gone:
        named = ", ".join(rep.kept_gone[:3]) + (", …" if len(rep.kept_gone) > 3 else "")
        typer.echo(f"kept: {len(rep.kept_gone)} article(s) of the store no longer in {corpus} ({named}), with their "
                   "claims; build with --prune to remove them")
    lines = problem_lines(rep.skipped)
    for line in lines:
        typer.echo(line)
    if len(lines) < len(rep.skipped):
        typer.echo(f"every file: graphkit problems --store {store}")
    if strict and rep.skipped:
        _err(f"{len(rep.skipped)} file(s) skipped or degraded (--strict); see the list above")


@contextmanager
def _build_progress(quiet: bool):
    """A build's ``(tick, say)``: ``tick(done, total)`` moves the progress bar rich draws on a terminal, ``say(line)``
    prints a line on stderr. With ``--quiet`` there is no bar and rich is not imported: its import (~0.03 CPU s) came
    before the parse starts, where a ``--workers`` build has one core busy and the other idle."""
    if quiet:
        yield (lambda done, total: None), (lambda line: typer.echo(line, err=True))
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    console = Console(stderr=True)
    with Progress(TextColumn("parsing"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=console, disable=not console.is_terminal, transient=True) as prog:
        task = prog.add_task("parse", total=None)
        yield (lambda done, total: prog.update(task, completed=done, total=total)), console.print


FILTER_OPTIONS = {  # name: (type, option); every command that selects claims takes all of them
    "speaker": (Optional[str], typer.Option(None, help="Speaker name, forgiving: 'lavrov', 'Sergei Lavrov'.")),
    "issue": (Optional[str], typer.Option(None, help="Issue name, as `graphkit issues list` shows it ('Europe').")),
    "place": (Optional[str], typer.Option(None, help="Place name ('Kyiv').")),
    "since": (Optional[str], typer.Option(None, parser=_checked("query.as_date", "--since"),
                                          help="Earliest claim date, YYYY[-MM[-DD]].")),
    "until": (Optional[str], typer.Option(None, parser=_checked("query.as_date", "--until"),
                                          help="Latest claim date, YYYY[-MM[-DD]].")),
    "stance": (Optional[str], typer.Option(None, parser=_checked("query.stance_of", "--stance"),
                                           help="assert, deny, warn, demand, ...")),
    "doc": (Optional[str], typer.Option(None, help="One article: its id or a unique start of it ('003').")),
    "limit": (Optional[int], typer.Option(None, parser=_checked("query.limit_of", "--limit"),
                                          help="At most this many claims (the first by date).")),
    "min_confidence": (Optional[float], typer.Option(None, parser=_checked("query.confidence_of", "--min-confidence"),
                                                      help="Only claims the attribution model scores at least this "
                                                           "(0-1).")),
    "segment": (Optional[str], typer.Option(None, parser=_checked("query.segment_of", "--segment"),
                                            help="Only claims whose words stand in this part of the article: body "
                                                 "(running text), headline, standfirst, note. "
                                                 "E.g. --segment headline.")),
}
ISSUE_OPTIONS = {  # which of a claim's issues count (graphkit.issue_evidence): claims' filters, and issue counts'
    # a least score, not named --min-... as --min-confidence is: that one drops claims, this one a claim's issues (the
    # claim stays, listed without them), as --issue-evidence does beside it
    "issue_score": (Optional[float], typer.Option(
        None, parser=_checked("issue_evidence.min_score", "--issue-score"), metavar="SCORE",
        help="Count a claim's issues scored at least this (0-1): an article's issue scores under 0.5, the claim's own "
             "trigger words 0.5 and up. E.g. 0.15.")),
    "issue_evidence": (Optional[str], typer.Option(
        None, metavar="HOW", parser=_checked("issue_evidence.evidence_routes", "--issue-evidence"),
        help="Count a claim's issues given this way: own (its own trigger words), learnt (the issue model reading its "
             "words), article (its article's issue), a comma list such as own,learnt, or any (the default).")),
}
FILTER_OPTIONS.update(ISSUE_OPTIONS)


def filter_options(command, options: Optional[dict] = None):
    """Give a command the shared claim filters (`FILTER_OPTIONS`, or ``options``), handed to it as one dict ``filters``.

    The options are defined once here; a command declares ``filters: dict`` last and passes it on to
    the Python API (``g.claim_records(**filters)``), which takes the same names.
    """
    import functools
    import inspect

    options = FILTER_OPTIONS if options is None else options
    sig = inspect.signature(command)
    own = [p for name, p in sig.parameters.items() if name != "filters"]
    added = [inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=opt, annotation=typ)
             for name, (typ, opt) in options.items()]

    @functools.wraps(command)
    def run(**kw):
        filters = {name: kw.pop(name) for name in options}
        return command(**kw, filters={k: v for k, v in filters.items() if v is not None})

    run.__signature__ = sig.replace(parameters=own + added)
    run.__annotations__ = {**{p.name: p.annotation for p in own}, **{n: t for n, (t, _) in options.items()}}
    del run.__wrapped__           # typer reads the signature above, not the command's
    return run


def issue_options(command):
    """Give a command the options saying which of a claim's issues count (`ISSUE_OPTIONS`), as ``filters``."""
    return filter_options(command, ISSUE_OPTIONS)


CLAIM_COLUMNS = [Column("date", 10, priority=2), Column("speaker", 18), Column("stance", 7, priority=3),
                 Column("claim", 24, wrap=True), Column("issues", 10, priority=4, wrap=True),
                 Column("doc", 20, priority=2)]


@app.command()
@filter_options
def claims(store: Path = StoreOpt, format: Optional[Fmt] = FormatOpt,
           distinct: bool = typer.Option(False, "--distinct/--all-reports",
                                         help="One row per claim (a statement by a speaker, once), or one per report "
                                              "(each article's telling)."),
           filters: dict = None):
    """List claims, filtered: one row per report (an article's telling of a claim), or per claim with --distinct.

    Example: graphkit claims --store out/sample.gk --speaker Lavrov --issue Europe --format jsonl
    """
    from .export import CSV_FIELDS, claim_row

    format = _format(format)
    with _open(store) as g:
        recs = g.claim_records(**filters, distinct=distinct)
    if format is Fmt.jsonl:
        for c in recs:
            sys.stdout.write(json.dumps(c.contract(), ensure_ascii=False) + "\n")
    elif format is Fmt.csv:
        import csv

        w = csv.DictWriter(sys.stdout, fieldnames=CSV_FIELDS)
        w.writeheader()
        for c in recs:
            w.writerow(claim_row(c))
    else:
        rows = ({"date": c.date, "speaker": c.speaker, "stance": c.stance, "claim": c.text, "issues": c.issues,
                 "doc": c.doc_id} for c in recs)
        if format is Fmt.tsv:
            write_tsv(rows, CLAIM_COLUMNS, sys.stdout)
        else:
            print_table(rows, CLAIM_COLUMNS)
            n = len({c.same_as or c.id for c in recs})
            typer.echo(f"{n} claim(s)" if distinct else f"{len(recs)} report(s) of {n} claim(s)")


@app.command()
@filter_options
def export(format: str = typer.Argument(..., parser=_checked("export.format_of", "FORMAT"), metavar="FORMAT",
                                       help="graphml, gexf (Gephi, Gephi Lite), cytoscape (Cytoscape JSON), json, "
                                            "jsonl, csv or neo4j"),
           store: Path = StoreOpt, output: str = typer.Option(..., "-o", "--output",
                                                              help="File to write (a folder for neo4j)."),
           filters: dict = None):
    """Write the graph (or the claims) for Gephi, Cytoscape, Neo4j, pandas.

    Streams from the store where the format allows (jsonl, csv, graphml): a million claims are never
    all in memory.

    Example: graphkit export graphml --store out/sample.gk -o out/sample.graphml
    """
    path = _export_path(format, output)  # as written: typer's Path would drop a trailing '/'
    with _open(store) as g:
        done = g.write(format, path, **filters)
    _wrote(f"wrote {done.path} ({format}: {done.summary()})", path)  # neo4j: the folder


@app.command()
@filter_options
def view(store: Path = StoreOpt, output: Path = typer.Option(..., "-o", "--output", parser=_file_path("graph.html"),
                                                             help="HTML file to write."),
         actors: Optional[int] = typer.Option(None, parser=_checked("view.actors_of", "--actors"),
                                              help="Actors the overview opens with (default: as many "
                                              "as the window shows legibly; the rest are one click away)."),
         filters: dict = None):
    """Write who said what about which issue as one self-contained HTML page (works offline).

    Example: graphkit view --store out/sample.gk -o out/sample.html --speaker Lavrov
    """
    from .outputs import check_output
    from .graph import build_graph
    from .view import write_view

    check_output(output, "graph.html", store=store)  # before the graph is built: a wrong -o fails at once
    with _open(store) as g:
        G = build_graph(g.store, g.claim_records(**filters))
    rep = write_view(G, output, actors=actors)
    _wrote(f"wrote {output}: {rep.claims} claims by {rep.actors} actors about {rep.issues} issues "
           f"({rep.page_bytes / 1e6:.1f} MB)", output)
    if rep.note:
        _wrote(rep.note, output)


@app.command()
def actors(store: Path = StoreOpt, format: Optional[Fmt] = FormatOpt):
    """List actors with their type, roles, claims (statements, each once) and reports (every article's telling).

    Example: graphkit actors --store out/sample.gk
    """
    with _open(store) as g:
        df = g.actors()
    _print_df(df, format, [Column("name", 24), Column("type", 12, priority=2), Column("claims", 6),
                           Column("reports", 7), Column("roles", 12, wrap=True, priority=3),
                           Column("aliases", 12, wrap=True, priority=4)], "actor(s)")


@app.command()
def problems(store: Path = StoreOpt, format: Optional[Fmt] = FormatOpt):
    """Files the last build skipped or kept degraded, one per line, with the reason and the fix.

    Example: graphkit problems --store out/sample.gk
    """
    with _open(store) as g:
        df = g.problems()
    _print_df(df, format, [Column("path", 24), Column("kept", 8), Column("reason", 40, wrap=True)], "file(s)")


@app.command()
@issue_options
def unassigned(store: Path = StoreOpt, format: Optional[Fmt] = FormatOpt, filters: dict = None):
    """Reports of claims no issue matched (none that counts, with --issue-score / --issue-evidence): read them to
    grow the corpus's issues.yaml.

    Example: graphkit unassigned --store out/sample.gk
    """
    with _open(store) as g:
        df = g.unassigned(**filters)
    _print_df(df, format, [Column("date", 10, priority=2), Column("speaker", 18), Column("text", 24, wrap=True),
                           Column("doc_id", 20, priority=2, header="doc")], "report(s)")


@app.command()
def contradictions(store: Path = StoreOpt, format: Optional[Fmt] = FormatOpt,
                   min_score: float = typer.Option(MIN_SCORE, "--min-score",
                                                   parser=_checked("query.link_score_of", "--min-score"),
                                                   help="Show links scored at least this (0 shows every stored link)."),
                   within: Optional[int] = typer.Option(None, "--within", metavar="DAYS",
                                                        parser=_checked("query.days_of", "--within"),
                                                        help="Only pairs of claims at most DAYS apart."),
                   reverses: bool = typer.Option(False, "--reverses", help="One actor's reversals over time instead.")):
    """Pairs of claims taking opposite positions on the same matter, with the evidence.

    Example: graphkit contradictions --store out/sample.gk --min-score 0.7
    """
    with _open(store) as g:
        df = g.contradictions(min_score=min_score, within=within, relation="reverses" if reverses else "contradicts")
    _print_df(df, format, [Column("score", 6), Column("speaker_a", 14), Column("claim_a", 18, wrap=True),
                           Column("speaker_b", 14), Column("claim_b", 18, wrap=True),
                           Column("shared", 12, wrap=True, priority=2), Column("opposing", 12, wrap=True, priority=2)],
              "contradiction(s)")


issues_app = typer.Typer(no_args_is_help=True, help="The store's issues: list them, or suggest a taxonomy discovered "
                                                    "from its claims.")
app.add_typer(issues_app, name="issues")


@issues_app.command("list")
@issue_options
def issues_list(store: Path = StoreOpt, format: Optional[Fmt] = FormatOpt, filters: dict = None):
    """The store's issues with their number of claims and origin (taxonomy or discovered); with --issue-score or
    --issue-evidence, the claims each counts at that setting.

    Example: graphkit issues list --store out/sample.gk --issue-evidence own,learnt
    """
    with _open(store) as g:
        df = g.issues(**filters)
    _print_df(df, format, [Column("name", 24), Column("claims", 6), Column("origin", 10, priority=2),
                           Column("description", 30, wrap=True, priority=3)], "issue(s)")


@issues_app.command("suggest")
def issues_suggest(store: Path = StoreOpt,
                   output: Path = typer.Option(..., "-o", "--output", parser=_file_path("issues.yaml"),
                                               help="issues.yaml to write."),
                   n_issues: Optional[int] = typer.Option(None, "--n-issues",
                                                          parser=_checked("discover.n_issues_of", "--n-issues"),
                                                          help="Number of issues (default: chosen from the data)."),
                   rediscover: bool = typer.Option(False, "--rediscover",
                                                   help="Discover again from every claim, even when the build already "
                                                        "did."),
                   force: bool = typer.Option(False, "--force",
                                              help="Replace the -o file even when it was edited since graphkit wrote "
                                                   "it.")):
    """Write the issues discovered from the store's claims as an editable issues.yaml, each with its size and
    five example claims as comments. Edit it, save it as CORPUS/issues.yaml, rebuild. A file at -o edited since
    graphkit wrote it is kept (another -o path, or --force).

    Example: graphkit issues suggest --store out/uk.gk -o uk/issues.yaml
    """
    from .suggest import check_unedited, suggest
    from .outputs import atomic_open, check_output

    unedited = None if force else check_unedited  # an edited suggestion is kept, at once and at the write
    check_output(output, "issues.yaml", store=store, replaces=unedited)  # a wrong -o first; suggest says a missing,
    # foreign or stopped store next
    with warnings.catch_warnings(record=True) as said:  # what suggest warns a notebook of, said here in a line
        warnings.simplefilter("always", GraphkitWarning)  # the others as the filters say: a library's, as it was
        text = suggest(store, n_issues=n_issues, rediscover=rediscover)
    for w in said:
        if issubclass(w.category, GraphkitWarning):
            typer.echo(f"graphkit: {w.message}", err=True)
        else:
            warnings.showwarning(w.message, w.category, w.filename, w.lineno)
    with atomic_open(output, "w", example="issues.yaml", replaces=unedited, encoding="utf-8") as f:
        f.write(text)
    _wrote(f"{text.count(chr(10) + '  - name:')} issue(s) → {output}", output)


def _print_df(df, format: Optional[Fmt], cols: list, what: str):
    format = _format(format)
    if format is Fmt.jsonl:
        sys.stdout.write(df.to_json(orient="records", lines=True, force_ascii=False))
    elif format is Fmt.csv:
        df.to_csv(sys.stdout, index=False)
    else:
        cols = [c for c in cols if c.name in df.columns]
        rows = df.to_dict("records")
        if format is Fmt.tsv:
            write_tsv(rows, cols, sys.stdout)
        else:
            print_table(rows, cols)
            typer.echo(f"{len(df)} {what}")


def _reflow_help(*apps) -> None:
    """Each command's help as its docstring, each paragraph one line for the terminal to wrap: typer (0.29) keeps the
    line breaks of every paragraph after the first, so a paragraph wrapped at 110 columns in the source broke again
    at the end of each source line in an 80-column terminal ("... read when present; with no issue" / "taxonomy, ...").

    >>> import typer; demo = typer.Typer()
    >>> @demo.command()
    ... def hello():
    ...     \"\"\"Say hello.
    ...
    ...     To everyone
    ...     at once.\"\"\"
    >>> _reflow_help(demo); demo.registered_commands[0].help
    'Say hello.\\n\\nTo everyone at once.'
    """
    import inspect

    for a in apps:
        for info in a.registered_commands:
            doc = inspect.cleandoc(info.help or info.callback.__doc__ or "")
            info.help = "\n\n".join(" ".join(p.split("\n")) for p in doc.split("\n\n")) or None


_reflow_help(app, issues_app)


def main(argv=None):
    """The ``graphkit`` command's entry point: `graphkit.program.run` with this module's commands (a user's error in
    one line on stderr and status 2, Ctrl-C's line, a finished build left without Python's teardown)."""
    program.run(app, argv)


if __name__ == "__main__":
    main()
