"""Find Chromium and drive it headless with the network cut off (for the view's tests and bench).

>>> find_chromium() is None or find_chromium().endswith("chromium")  # doctest: +SKIP
True

Usage::

    with offline_page() as (page, attempts):
        page.goto(Path("view.html").resolve().as_uri())
        wait_drawn(page)
        assert attempts == []          # no request left the machine
"""

from __future__ import annotations

import contextlib
import os
import shutil
import time
from typing import Iterator, Optional

CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update",
]


#: Wraps ``requestAnimationFrame`` and ``cancelAnimationFrame`` before a page's scripts: each frame's callback runs
#: ``late`` ms late, and one due while held (from the start when ``holding`` is true; ``window.__gkFrames.hold()``),
#: asked for before the hold or after, waits for ``release()`` (``waiting()`` counts them). A frame cancelled before
#: its callback ran (while it waits for the browser's frame, its ``late`` ms or the release) never runs, as without
#: the gate.
FRAME_GATE_JS = """(() => {
  const raf = window.requestAnimationFrame.bind(window), late = %d, held = [], pending = new Set();
  let holding = %s, last = 0;
  const fire = (id, cb) => {
    if (!pending.has(id)) return;
    if (holding) held.push([id, cb]); else { pending.delete(id); cb(performance.now()); }
  };
  const run = (id, cb) => { raf(() => late ? setTimeout(() => fire(id, cb), late) : fire(id, cb)); return id; };
  window.__gkFrames = {hold() { holding = true; }, waiting() { return held.length; },
                       release() { holding = false; held.splice(0).forEach(([id, cb]) => run(id, cb)); }};
  window.requestAnimationFrame = cb => { pending.add(++last); return run(last, cb); };
  window.cancelAnimationFrame = id => { pending.delete(id); };
})();"""


def gate_frames(page, late_ms: int = 0, *, held: bool = False) -> None:
    """Put ``page``'s next documents' animation frames under the test's control: each runs ``late_ms`` late, and
    ``page.evaluate("__gkFrames.hold()")`` (or ``held``: from the document's start) keeps them back until
    ``page.evaluate("__gkFrames.release()")``.

    What a loaded machine does at random, done every time: vis draws on animation frames, so a test that reads the
    drawing before the page says it is drawn (:func:`wait_redrawn`) then fails on every run. Every page of a run
    gets ``late_ms`` from ``GRAPHKIT_FRAME_DELAY_MS`` (and a CPU slowed ``GRAPHKIT_CPU_THROTTLE`` times)::

        GRAPHKIT_FRAME_DELAY_MS=300 pytest tests/test_browser.py
    """
    page.add_init_script(FRAME_GATE_JS % (late_ms, "true" if held else "false"))


def find_chromium() -> Optional[str]:
    """Path of a Chromium binary: $GRAPHKIT_CHROMIUM, Debian's /usr/bin/chromium, or chromium on PATH."""
    for cand in (os.environ.get("GRAPHKIT_CHROMIUM"), "/usr/bin/chromium",
                 shutil.which("chromium"), shutil.which("chromium-browser")):
        if cand and os.path.isfile(cand) and os.access(cand, os.X_OK):
            return cand
    return None


def why_unavailable() -> Optional[str]:
    """None when a browser test can run here, else the reason (for pytest.skip)."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed: pip install -e '.[test]'"
    if find_chromium() is None:
        return "no Chromium found: apt-get install chromium (Debian) or set GRAPHKIT_CHROMIUM=/path/to/chromium"
    return None


@contextlib.contextmanager
def chromium() -> Iterator[object]:
    """A headless Chromium (Playwright ``Browser``); one per process is enough, share it."""
    from playwright.sync_api import sync_playwright

    exe = find_chromium()
    if exe is None:
        raise RuntimeError(why_unavailable())
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


@contextlib.contextmanager
def offline_page(browser=None, width: int = 1280, height: int = 800, *, bypass_csp: bool = False) -> Iterator[tuple]:
    """A page in headless Chromium where every non-file request is aborted and recorded.

    Uses ``browser`` (from :func:`chromium`) or launches one. ``bypass_csp`` turns the
    page's Content-Security-Policy off, to prove escaping works on its own.
    Yields ``(page, attempts)``; ``attempts`` lists the URLs the page tried to fetch
    from the network (it should stay empty), ``page.dialogs`` the dialogs that opened.
    """
    if browser is None:
        with chromium() as own, offline_page(own, width, height, bypass_csp=bypass_csp) as got:
            yield got
        return
    attempts: list[str] = []
    context = browser.new_context(viewport={"width": width, "height": height}, offline=True,
                                  bypass_csp=bypass_csp)
    try:
        def route(r):
            url = r.request.url
            if url.startswith(("file:", "data:", "about:", "blob:")):
                r.continue_()
            else:
                attempts.append(url)
                r.abort()

        context.route("**/*", route)
        page = context.new_page()
        page.dialogs = []  # type: ignore[attr-defined]

        def on_dialog(d):
            page.dialogs.append(d.message)  # type: ignore[attr-defined]
            d.dismiss()

        page.on("dialog", on_dialog)
        if int(os.environ.get("GRAPHKIT_FRAME_DELAY_MS") or 0):
            gate_frames(page, int(os.environ["GRAPHKIT_FRAME_DELAY_MS"]))
        if float(os.environ.get("GRAPHKIT_CPU_THROTTLE") or 1) > 1:
            context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate",
                                              {"rate": float(os.environ["GRAPHKIT_CPU_THROTTLE"])})
        yield page, attempts
    finally:
        context.close()


def wait_drawn(page, timeout_s: float = 30.0, *, stabilised: bool = False) -> dict:
    """Wait until a graphkit page has drawn (or stabilised); return its timings in seconds.

    Returns ``{"draw": s, "stabilised": s or None}`` measured from navigation start.
    """
    key = "s" if stabilised else "d"
    t = _poll(page, "window.graphkit ? {d: window.graphkit.firstDrawMs, s: window.graphkit.stabilizedMs} : null",
              lambda t: t[key] is not None, timeout_s, 50, "stabilise" if stabilised else "draw")
    return {"draw": t["d"] / 1000, "stabilised": None if t["s"] is None else t["s"] / 1000}


def wait_redrawn(page, timeout_s: float = 30.0) -> None:
    """Wait until a graphkit page has drawn every drawing asked of it (``graphkit.drawn === graphkit.drawing``).

    A click that redraws (more actors, a filter, reset) gives vis new nodes at once but draws them on the next
    animation frame, which a loaded machine delays; until then their label boxes are not placed (all at one
    point: an overlap share of 1.0) and the view is not set. Read positions or labels only after this.
    """
    _poll(page, "window.graphkit ? [window.graphkit.drawn, window.graphkit.drawing] : null",
          lambda t: t[0] >= t[1] > 0, timeout_s, 20, "draw every drawing asked of it (drawn, asked)")


def _poll(page, expr: str, done, timeout_s: float, every_ms: int, what: str):
    """The value of the page's ``expr`` once it is not null and ``done`` says so, read every ``every_ms``; a
    TimeoutError naming ``what`` the page did not do, and the last value, after ``timeout_s``. Polled with evaluate():
    wait_for_function() would eval() inside the page, which its CSP forbids."""
    deadline = time.monotonic() + timeout_s
    while True:
        t = page.evaluate(expr)
        if t and done(t):
            return t
        if time.monotonic() > deadline:
            raise TimeoutError(f"the page did not {what} within {timeout_s} s (last: {t})")
        page.wait_for_timeout(every_ms)


class FrameScript:
    """Evaluates JavaScript in a child frame's current document, by the frame's own CDP target when it has one.

    Playwright's ``Frame.evaluate`` runs in the context Playwright recorded for the frame; for an out-of-process
    frame that record comes from two sessions (the parent's and the frame's own), and once in a loaded suite run
    it stayed on a document without the view for the whole wait. ``Runtime.evaluate`` on a session attached to the
    frame's own target runs in that target's document whatever Playwright recorded. A frame in its parent's
    process (no target of its own) is asked through ``Frame.evaluate``.
    """

    def __init__(self, page, frame):
        self.frame = frame
        try:
            self.session = page.context.new_cdp_session(frame)
        except Exception:  # noqa: BLE001 - "does not have a separate CDP session": an in-process frame
            self.session = None

    def evaluate(self, expression: str):
        """The expression's value (JSON-like), or RuntimeError with the page's exception."""
        if self.session is None:
            return self.frame.evaluate(expression)
        r = self.session.send("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        if "exceptionDetails" in r:
            d = r["exceptionDetails"]
            raise RuntimeError((d.get("exception") or {}).get("description") or d.get("text"))
        return r["result"].get("value")


def drawn_frame(page, timeout_s: float = 120.0) -> FrameScript:
    """The child frame of ``page`` whose graphkit view has drawn (``window.graphkit.ready``), waited for; a
    :class:`FrameScript` to read it with.

    The notebook's sandboxed srcdoc frame runs in a renderer process of its own (Chromium isolates sandboxed
    frames: CDP lists it as an "iframe" target), so the host page's load is no promise that the view in it has
    drawn, and Playwright's own evaluation in it may see another document (see :class:`FrameScript`). Each poll
    reads ``page.frames`` anew and asks every child frame until one answers; an evaluation that fails while the
    frame changes documents is asked again. TimeoutError after ``timeout_s`` says what each frame's document is,
    by both ways of asking.
    """
    deadline = time.monotonic() + timeout_s
    last_error = None
    scripts: dict = {}
    while True:
        for frame in page.frames:
            if frame == page.main_frame:
                continue
            try:
                script = scripts.get(frame) or scripts.setdefault(frame, FrameScript(page, frame))
                if script.evaluate("!!(window.graphkit && window.graphkit.ready)"):
                    return script
            except Exception as e:  # noqa: BLE001 - "Execution context was destroyed": the frame changes documents
                last_error = str(e).splitlines()[0]
                scripts.pop(frame, None)
        if time.monotonic() > deadline:
            raise TimeoutError(f"no frame's graphkit view drew within {timeout_s} s; frames: "
                               f"{[(f.url, _frame_state(page, f)) for f in page.frames]}, last error: {last_error}")
        page.wait_for_timeout(100)


_STATE = ("[location.href, document.readyState, typeof window.graphkit, window.graphkit ? [window.graphkit.ready, "
          "window.graphkit.firstDrawMs] : null, document.visibilityState, document.querySelectorAll('canvas').length]")


def _frame_state(page, frame) -> str:
    """What a frame's document says of itself (for a timeout's message), asked through Playwright's context and
    through the frame's own target: its address, state, the view's flags, visibility, canvases."""
    out = []
    asks = (("playwright", lambda: frame.evaluate(_STATE)),
            ("target", lambda: FrameScript(page, frame).evaluate(_STATE)))
    for how, ask in asks:
        try:
            out.append(f"{how}: {ask()}")
        except Exception as e:  # noqa: BLE001 - a message, never a second failure
            out.append(f"{how}: no answer ({str(e).splitlines()[0]})")
    return "; ".join(out)


#: Injected before a default pyvis page's scripts: reports (via console) when its global `network`
#: first draws and stabilises. Console events reach Python even while the page's main thread is busy.
PYVIS_PROBE = """
(() => {
  let net;
  Object.defineProperty(window, 'network', {configurable: true, get() { return net; }, set(v) {
    net = v;
    if (v && v.once) {
      v.once('afterDrawing', () => console.log('__probe draw ' + performance.now()));
      v.once('stabilized', () => console.log('__probe stab ' + performance.now()));
    }
  }});
})();
"""


def time_pyvis_page(page, url: str, timeout_s: float = 45.0) -> dict:
    """Load a default pyvis page; seconds to first draw and to 'stabilized' (None if not within timeout)."""
    out: dict = {"draw": None, "stabilised": None}

    def on_console(msg):
        parts = msg.text.split()
        if len(parts) == 3 and parts[0] == "__probe":
            out["draw" if parts[1] == "draw" else "stabilised"] = float(parts[2]) / 1000

    page.on("console", on_console)
    page.add_init_script(PYVIS_PROBE)
    t0 = time.monotonic()
    try:
        page.goto(url, timeout=timeout_s * 1000, wait_until="commit")
    except Exception:
        return out
    while time.monotonic() - t0 < timeout_s and out["stabilised"] is None:
        page.wait_for_timeout(250)
    return out


#: vis-network's own label boxes, read from the page: for each labelled node, whether vis draws its
#: label (``labelModule.visible()``: not below the draw threshold at this zoom), its box in page
#: pixels of the canvas, the font size it is drawn at on screen, and whether the box is inside the canvas.
LABEL_BOXES_JS = """() => {
  const net = graphkit.network, scale = net.getScale();
  const r = document.getElementById('gk-net').getBoundingClientRect();
  const out = [];
  for (const id of net.body.nodeIndices) {
    const n = net.body.nodes[id], lm = n.labelModule;
    if (!n.options.label || n.options.hidden || !String(n.options.label).trim()) continue;
    const s = lm.size;
    const a = net.canvasToDOM({x: s.left, y: s.top}), b = net.canvasToDOM({x: s.left + s.width, y: s.top + s.height});
    out.push({id: String(id), label: String(n.options.label), visible: lm.visible(),
              font: lm.fontOptions.size * scale,
              box: [a.x, a.y, b.x, b.y],
              onScreen: a.x >= 0 && a.y >= 0 && b.x <= r.width && b.y <= r.height});
  }
  return out;
}"""

#: Smallest on-screen font size (px) counted as legible.
LEGIBLE_PX = 10.0


def label_report(page) -> dict:
    """Measure the drawn labels: ``overlap_share`` (visible labels whose box meets another's, over
    visible labels) and, per node id, whether its label is ``legible``: drawn, on screen, at least
    :data:`LEGIBLE_PX` px and overlapping no other label.
    """
    boxes = [b for b in page.evaluate(LABEL_BOXES_JS)]
    shown = [b for b in boxes if b["visible"]]
    overlapping = set()
    # a sweep over x keeps this near-linear for thousands of labels
    order = sorted(range(len(shown)), key=lambda k: shown[k]["box"][0])
    active: list[int] = []
    for k in order:
        x0, y0, x1, y1 = shown[k]["box"]
        active = [j for j in active if shown[j]["box"][2] > x0 + 1]
        for j in active:
            a0, b0, a1, b1 = shown[j]["box"]
            if min(x1, a1) - max(x0, a0) > 1 and min(y1, b1) - max(y0, b0) > 1:
                overlapping.update((k, j))
        active.append(k)
    legible = {}
    for k, b in enumerate(shown):
        legible[b["id"]] = b["onScreen"] and b["font"] >= LEGIBLE_PX and k not in overlapping
    for b in boxes:
        legible.setdefault(b["id"], False)
    return {"labels": len(boxes), "visible": len(shown), "overlapping": len(overlapping),
            "overlap_share": len(overlapping) / len(shown) if shown else 0.0, "legible": legible,
            "boxes": {b["id"]: b for b in boxes}}
