"""The interactive view: who said what about which issue, as one self-contained, offline HTML page.

The page opens on an **overview**: actors and issues as nodes (sized by their
claims), one edge per actor→issue pair (width: number of claims; colour: the
stance group most of them fall in) and dashed actor↔actor edges where claims
contradict. The app (``graphkit/assets/view.js``) lays it out in two columns at
the window's own size, so every label is drawn at 13 px and none overlaps
another: the most quoted actors fill the left column as far as the window
allows, all issues the right one, and the rest of the actors sit in one
"N more actors" node that adds them on click. Clicking an actor, an issue or an
edge lists its claims in the side panel (sortable by date, with a small
timeline); from there the **claim graph** of that selection (today's
claim-level drawing: claims, speakers, issues, places, articles) is one click
away. The date range and the other filters apply to both.

The page uses the vis-network bundle that ships inside the pyvis package
(inlined, so it opens without network), the app script and the data as escaped
JSON (`graphkit.view_data`, read off the graph: every claim with its text,
speaker as resolved and as written, date and its basis, stance, sentence,
offsets and article; how each node and stance group is drawn).

Safety: article text never reaches the page as markup. The data sits in a
``<script type="application/json">`` block with ``<``, ``>``, ``&`` escaped as
``\\u003c``/``\\u003e``/``\\u0026``; the app writes every string with
``textContent`` (tooltips are DOM elements, never HTML strings); only ``http(s)``
URLs become links; and a Content-Security-Policy allows only the page's own
two scripts (by hash) and no network at all.

>>> from graphkit.samples import sample_graph
>>> from graphkit.view import render_html
>>> page = render_html(sample_graph(), title="Lavrov & Europe")
>>> page.startswith("<!DOCTYPE html>") and "Lavrov &amp; Europe" in page
True
>>> "http" in page.split("<script")[0].lower().replace("http-equiv", "")
False
"""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import html
import json
import re
import time
from functools import lru_cache
from importlib import resources
from typing import Any, Optional

import networkx as nx

from graphkit.errors import ExportError, GraphkitError, os_fix
from graphkit import outputs
from graphkit.samples import sample_graph, synthetic_graph  # the demo's graphs (`_main`)
from graphkit.values import whole
from graphkit.view_data import NO_ISSUE, NODE_STYLES, STANCE_GROUPS, view_data

__all__ = ["ViewReport", "write_view", "render_html", "notebook_html"]


@dataclasses.dataclass(frozen=True)
class ViewReport:
    """What :func:`write_view` put in the page.

    ``note`` is a sentence for the user (an empty graph), else None.
    """

    claims: int
    actors: int
    issues: int
    articles: int
    contradictions: int
    page_bytes: int
    write_seconds: float
    note: Optional[str] = None


def _json_for_script(obj: Any) -> str:
    """JSON that cannot end or comment out the ``<script>`` block holding it.

    >>> _json_for_script({"q": "</script><!--x-->&"})
    '{"q":"\\\\u003c/script\\\\u003e\\\\u003c!--x--\\\\u003e\\\\u0026"}'
    """
    s = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (s.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


@lru_cache(maxsize=None)
def _asset(name: str) -> str:
    return resources.files("graphkit").joinpath("assets", name).read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def _vis_bundle() -> tuple[str, str]:
    """vis-network's JS and CSS as shipped inside pyvis (9.1.2)."""
    try:
        lib = resources.files("pyvis").joinpath("templates", "lib", "vis-9.1.2")
        js = lib.joinpath("vis-network.min.js").read_text(encoding="utf-8")
        # no source-map comment: developer tools would try to fetch the map from the network
        js = re.sub(r"\n//# sourceMappingURL=\S*\s*$", "\n", js)
        return (js,
                lib.joinpath("vis-network.css").read_text(encoding="utf-8"))
    except (ModuleNotFoundError, FileNotFoundError) as exc:  # pragma: no cover - install problem
        raise GraphkitError(
            f"cannot read vis-network from the pyvis package ({exc}); reinstall it: pip install 'pyvis==0.3.2'"
        ) from exc


def _csp_hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"


def _fill(template: str, values: dict[str, str]) -> str:
    """Replace ``@@NAME@@`` markers in one pass: inserted text is never scanned again."""
    return re.sub(r"@@([A-Z_]+)@@", lambda m: values[m.group(1)], template)


def actors_of(value, name: str = "actors") -> Optional[int]:
    """How many actors the overview opens with (None: as many as the window shows legibly): 1 or more
    (`graphkit.values.whole`)."""
    return whole(value, name, least=1, example=30)


def _render(G: nx.Graph, *, title: str = "graphkit", actors: Optional[int] = None) -> tuple[str, ViewReport]:
    data = view_data(G)
    note = None
    if not data["claims"]:
        note = "no claims to draw: nothing matched; widen the filters (--speaker/--issue/--since)"
    payload = {
        "title": str(title),
        "note": note,
        **data,
        "actors_shown": actors_of(actors),
        "styles": NODE_STYLES,
        "stances": STANCE_GROUPS,
    }
    vis_js, vis_css = _vis_bundle()
    app_js = _asset("view.js")
    csp = ("default-src 'none'; "
           f"script-src {_csp_hash(vis_js)} {_csp_hash(app_js)}; "
           "style-src 'unsafe-inline'; img-src data:; font-src data:; "
           "connect-src 'none'; form-action 'none'; base-uri 'none'")
    page = _fill(_asset("view.html"), {
        "CSP": html.escape(csp, quote=True),
        "TITLE": html.escape(str(title), quote=True),
        "VIS_CSS": vis_css.replace("</", "<\\/"),
        "APP_CSS": _asset("view.css"),
        "DATA": _json_for_script(payload),
        "VIS_JS": vis_js,
        "APP_JS": app_js,
    })
    report = ViewReport(claims=len(data["claims"]), actors=len(data["actors"]),
                        issues=sum(i["id"] != NO_ISSUE for i in data["issues"]), articles=len(data["docs"]),
                        contradictions=len(data["contradictions"]), page_bytes=len(page.encode("utf-8")),
                        write_seconds=0.0, note=note)
    return page, report


#: how the view's page begins (`graphkit.outputs.own_heads`: a page at -o is graphkit's to replace): the generator line
#: of its template, assets/view.html
HEAD = r'<meta name="generator" content="graphkit view'


def render_html(G: nx.Graph, *, title: str = "graphkit", actors: Optional[int] = None) -> str:
    """The view of ``G`` as one self-contained HTML page (a string).

    Same options as :func:`write_view`.

    >>> from graphkit.samples import sample_graph
    >>> from graphkit.view import render_html
    >>> page = render_html(sample_graph())
    >>> "vis.Network" in page, re.search(HEAD, page[:4096]) is not None
    (True, True)
    """
    return _render(G, title=title, actors=actors)[0]


def write_view(G: nx.Graph, path, *, title: str = "graphkit", actors: Optional[int] = None) -> ViewReport:
    """Write the view of ``G`` to ``path`` (atomically) and say what it holds.

    ``actors``: how many of the most quoted actors the overview opens with (None:
    as many as the window shows with legible labels; the rest are one click away
    in the "N more actors" node).

    >>> import tempfile, os
    >>> from graphkit.samples import sample_graph
    >>> from graphkit.view import write_view
    >>> out = os.path.join(tempfile.mkdtemp(), "view.html")
    >>> rep = write_view(sample_graph(), out)
    >>> rep.claims, rep.actors, rep.issues, rep.contradictions
    (15, 9, 5, 1)
    """
    t0 = time.perf_counter()
    page, report = _render(G, title=title, actors=actors)
    try:
        with outputs.atomic_open(path, "w", example="graph.html", encoding="utf-8") as fh:
            fh.write(page)
    except OSError as exc:
        raise ExportError(f"could not write the view to {str(path)!r} ({exc.strerror}); "
                          f"{os_fix(exc, 'check the folder is writable')}") from exc
    return dataclasses.replace(report, write_seconds=round(time.perf_counter() - t0, 3))


def notebook_html(G: nx.Graph, height: int = 600, **options) -> str:
    """The view wrapped in a sandboxed ``<iframe srcdoc=...>``, for ``IPython.display.HTML``.

    The iframe runs scripts but has no access to the notebook's page.

    >>> from graphkit.samples import sample_graph
    >>> from graphkit.view import notebook_html
    >>> frag = notebook_html(sample_graph(), height=400)
    >>> frag.startswith("<iframe") and 'height="400"' in frag and "<script" not in frag
    True
    """
    page = render_html(G, **options)
    return ('<iframe sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox" '
            f'width="100%" height="{int(height)}" style="border:1px solid #ddd" '
            f'title="{html.escape(str(options.get("title", "graphkit")), quote=True)}" '
            f'srcdoc="{html.escape(page, quote=True)}"></iframe>')


def _main(argv: Optional[list[str]] = None) -> int:
    """``python -m graphkit.view --demo [-o FILE] [--nodes N]``: write a demo page."""
    import argparse

    ap = argparse.ArgumentParser(prog="python -m graphkit.view", description=_main.__doc__)
    ap.add_argument("--demo", action="store_true", help="draw the sample-corpus-shaped demo graph")
    ap.add_argument("--nodes", type=int, default=0, help="draw a synthetic graph of about N nodes instead")
    ap.add_argument("-o", "--output", default="graphkit-view.html")
    args = ap.parse_args(argv)
    if not args.demo and not args.nodes:
        ap.error("give --demo or --nodes N (example: python -m graphkit.view --demo -o view.html)")
    G = synthetic_graph(args.nodes) if args.nodes else sample_graph()
    rep = write_view(G, args.output, title="graphkit demo")
    print(f"wrote {args.output}: {rep.claims} claims by {rep.actors} actors on {rep.issues} issues "
          f"({rep.page_bytes / 1e6:.1f} MB, {rep.write_seconds:.2f} s)" + (f"; {rep.note}" if rep.note else ""))
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(_main())
