/* graphkit view: "who said what about which issue" over vis-network, with the claims one click away.
 *
 * Two modes share one vis.Network:
 *  - overview (the default): actors (left column, the most quoted first) and issues (right column), one
 *    edge per actor→issue pair (width: claims, colour: stance group) and dashed actor↔actor edges where
 *    their claims contradict. Laid out here at the window's size and drawn at scale 1, so every label is
 *    drawn at its full font size and the rows are spaced so that no two labels overlap; actors that do
 *    not fit wait in one "N more actors" node.
 *  - claim graph: the claims of a selection (an actor, an issue, a pair, an article, the date range)
 *    with their speakers, issues, places and articles, laid out by vis's physics, then still, its labels pushed
 *    apart (vis keeps nodes apart by their size, not their labels).
 * The filters (issue, speaker type, date range) apply to both; every redraw re-centres and recounts.
 *
 * Every string from the data is written with textContent or as a DOM text node: article text never
 * becomes markup. Only http(s) URLs become links. */
(function () {
  "use strict";
  var t0 = performance.now();
  var data = JSON.parse(document.getElementById("gk-data").textContent);
  var GK = (window.graphkit = { ready: false, firstDrawMs: null, stabilizedMs: null, data: data,
                                marks: { start: t0 }, mode: "overview", drawing: 0, drawn: 0 });

  // ------------------------------------------------------------ small helpers
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function fold(s) {
    return String(s === undefined || s === null ? "" : s)
      .normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  function safeUrl(u) {
    if (typeof u !== "string" || !/^https?:\/\//i.test(u.trim())) return null;
    try {
      var p = new URL(u.trim());
      return p.protocol === "http:" || p.protocol === "https:" ? p.href : null;
    } catch (e) {
      return null;
    }
  }
  function list(v) {
    return Array.isArray(v) ? v : v === undefined || v === null || v === "" ? [] : [v];
  }
  function plural(n, word) {
    return n.toLocaleString("en") + " " + word + (n === 1 ? "" : "s");
  }
  function short(s, n) {
    s = String(s);
    return s.length <= n ? s : s.slice(0, n - 1).replace(/\s+$/, "") + "\u2026";
  }
  function push(map, k, v) {
    (map[k] || (map[k] = [])).push(v);
  }

  // ------------------------------------------------------------ data and indexes
  var NO_ISSUE = data.no_issue;
  var actorById = {}, issueById = {}, docById = {}, placeById = {}, claimById = {};
  data.actors.forEach(function (a) { actorById[a.id] = a; });
  data.issues.forEach(function (i) { issueById[i.id] = i; });
  data.docs.forEach(function (d) { docById[d.id] = d; });
  data.places.forEach(function (p) { placeById[p.id] = p; });
  data.claims.forEach(function (c) { claimById[c.id] = c; });
  function issuesOf(c) { return c.issues && c.issues.length ? c.issues : [NO_ISSUE]; }
  var contradicts = {}; // claim id -> [{other, reason}]
  data.contradictions.forEach(function (x) {
    if (!claimById[x.a] || !claimById[x.b]) return;
    push(contradicts, x.a, { other: x.b, link: x, later: true });
    push(contradicts, x.b, { other: x.a, link: x, later: false });
  });
  var GROUP = {}; // stance -> group name
  Object.keys(data.stances).forEach(function (g) {
    data.stances[g].stances.forEach(function (s) { GROUP[s] = g; });
  });
  function groupOf(stance) { return GROUP[stance] || "states"; }
  var STYLE = data.styles;
  var CONTRA = "#222222";

  // ------------------------------------------------------------ filters
  var $issue = document.getElementById("gk-issue"), $atype = document.getElementById("gk-atype");
  var $since = document.getElementById("gk-since"), $until = document.getElementById("gk-until");
  var $count = document.getElementById("gk-count");
  (function fillSelects() {
    var atypes = {};
    data.issues.forEach(function (i) {
      var o = el("option", i.label); o.value = i.id; $issue.appendChild(o);
    });
    data.actors.forEach(function (a) { if (a.type) atypes[a.type] = 1; });
    Object.keys(atypes).sort().forEach(function (t) {
      var o = el("option", t); o.value = t; $atype.appendChild(o);
    });
  })();
  function lo(s) { return s.length === 4 ? s + "-01-01" : s.length === 7 ? s + "-01" : s.slice(0, 10); }
  function hi(s) { return s.length === 4 ? s + "-12-31" : s.length === 7 ? s + "-31" : s.slice(0, 10); }
  function filters() {
    return { issue: $issue.value, atype: $atype.value, since: $since.value, until: $until.value };
  }
  function passes(c, f) {
    if (f.issue && issuesOf(c).indexOf(f.issue) < 0) return false;
    if (f.atype) {
      var a = actorById[c.actor];
      if (!a || a.type !== f.atype) return false;
    }
    if (f.since || f.until) {
      var d = typeof c.date === "string" && /^\d{4}(-\d\d){0,2}/.test(c.date) ? c.date : null;
      if (!d) return false; // a date range hides undated claims
      if (f.since && hi(d) < f.since) return false;
      if (f.until && lo(d) > f.until) return false;
    }
    return true;
  }
  var shownClaims = data.claims; // the claims that pass the filters, recomputed on every change
  function refilter() {
    var f = filters();
    shownClaims = data.claims.filter(function (c) { return passes(c, f); });
    $count.textContent = shownClaims.length.toLocaleString("en") + " of " +
      plural(data.claims.length, "claim") + " shown";
    GK.visibleClaims = shownClaims.length;
  }
  function passing(ids) {
    var f = filters();
    return ids.filter(function (id) { return passes(claimById[id], f); });
  }

  // ------------------------------------------------------------ overview model
  function overviewModel(cs) {
    var m = { actorN: {}, issueN: {}, pairs: {}, contra: {} };
    var inView = {};
    cs.forEach(function (c) {
      inView[c.id] = 1;
      m.actorN[c.actor] = (m.actorN[c.actor] || 0) + 1;
      issuesOf(c).forEach(function (i) {
        m.issueN[i] = (m.issueN[i] || 0) + 1;
        var k = c.actor + "\u0000" + i, p = m.pairs[k];
        if (!p) p = m.pairs[k] = { actor: c.actor, issue: i, ids: [], groups: {} };
        p.ids.push(c.id);
        var g = groupOf(c.stance);
        p.groups[g] = (p.groups[g] || 0) + 1;
      });
    });
    data.contradictions.forEach(function (x) {
      if (!inView[x.a] || !inView[x.b] || x.kind === "reverses") return;
      var a = claimById[x.a].actor, b = claimById[x.b].actor;
      if (a === b) return;
      var k = a < b ? a + "\u0000" + b : b + "\u0000" + a, p = m.contra[k];
      if (!p) p = m.contra[k] = { a: a < b ? a : b, b: a < b ? b : a, pairs: [] };
      p.pairs.push(x);
    });
    m.actors = Object.keys(m.actorN).sort(function (a, b) {
      return m.actorN[b] - m.actorN[a] || actorLabel(a).localeCompare(actorLabel(b)) || (a < b ? -1 : 1);
    });
    m.issues = Object.keys(m.issueN);
    return m;
  }
  function actorLabel(id) { return actorById[id] ? actorById[id].label : id; }
  function issueLabel(id) { return issueById[id] ? issueById[id].label : id; }
  function pairColour(p) {
    var best = null, total = 0;
    Object.keys(p.groups).forEach(function (g) {
      total += p.groups[g];
      if (!best || p.groups[g] > p.groups[best]) best = g;
    });
    return 2 * p.groups[best] > total ? best : "mixed";
  }

  // ------------------------------------------------------------ overview layout (screen pixels at scale 1)
  var FONT = 14, FACE = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", LABEL_H = 18, GAP = 10;
  var measureCtx = document.createElement("canvas").getContext("2d");
  function textWidth(s) {
    measureCtx.font = FONT + "px " + FACE;
    return measureCtx.measureText(s).width;
  }
  var rScale = 1; // nodes shrink (to 55%) in short windows, so that more rows fit at full-size labels
  function radius(n, max) { return rScale * (5 + 13 * Math.sqrt(n / Math.max(max, 1))); }
  function pitch(r) { return 2 * r + LABEL_H + GAP; }
  var MORE_ROW = 40; // the height kept for a "+ N more" node under a column
  var ACTOR_STEP = 10; // actors a "more" button adds to the drawing (issues add a column's worth: issuesShown)
  var state = { extra: 0, pinned: {}, extraIssues: 0, pinnedIssues: {} };
  GK.state = state;

  function moreText(n, claims) { return "+ " + plural(n, "more actor") + " (" + plural(claims, "claim") + ")"; }
  function moreIssuesText(n) { return "+ " + plural(n, "more issue"); }
  // of ids in their order, the first whose rows fit the budget (px) at full-size labels, leaving a row for the
  // "more" node (at least five, or base where the page says), then extra more and any pinned; the rest hidden
  function mostThatFit(ids, rOf, budget, base, extra, pinned) {
    var fit = 0, used = 0;
    for (var k = 0; k < ids.length; k++) {
      var need = pitch(rOf(ids[k]));
      if (used + need + (k < ids.length - 1 ? MORE_ROW : 0) > budget) break;
      used += need; fit++;
    }
    var n = Math.min(ids.length, (base || Math.max(fit, Math.min(5, ids.length))) + extra);
    var shown = ids.slice(0, n), set = {};
    ids.slice(n).forEach(function (i) { if (pinned[i]) shown.push(i); });
    shown.forEach(function (i) { set[i] = 1; });
    return { shown: shown, hidden: ids.filter(function (i) { return !set[i]; }), fit: fit };
  }
  // issues: the most claimed that fit the columns the room left of the window holds; the rest wait behind a
  // "+ N more issues" node (the Issue menu and Find reach them all); step: one column's worth, for "show more"
  function issuesShown(m, room, usable, iW, gap, rOf) {
    var byCount = m.issues.slice().sort(function (a, b) {
      return m.issueN[b] - m.issueN[a] || issueLabel(a).localeCompare(issueLabel(b)) || (a < b ? -1 : 1);
    });
    var cols = Math.max(1, Math.floor((room + gap) / (iW + gap)));
    var S = mostThatFit(byCount, rOf, cols * usable, 0, state.extraIssues, state.pinnedIssues);
    S.step = Math.max(1, Math.ceil(S.fit / cols));
    return S;
  }
  function overviewLayout(m, W, H) {
    var usable = Math.max(H - 30, 200);
    rScale = Math.min(1, Math.max(0.55, usable / 640));
    var maxA = m.actors.length ? m.actorN[m.actors[0]] : 1;
    var maxI = 1;
    m.issues.forEach(function (i) { if (m.issueN[i] > maxI) maxI = m.issueN[i]; });
    // actors: as many of the most quoted as fit the column (at least five), more on request
    var A = mostThatFit(m.actors, function (a) { return radius(m.actorN[a], maxA); }, usable, data.actors_shown,
                        state.extra, state.pinned);
    var shown = A.shown, hidden = A.hidden, fit = A.fit;
    // column heights, spread to the usable height
    function column(ids, rOf, extraRow) {
      var rs = ids.map(rOf), total = rs.reduce(function (s, r) { return s + pitch(r); }, 0) + extraRow;
      var spread = total < usable ? Math.min(1.8, usable / Math.max(total, 1)) : 1;
      return { rs: rs, total: total * spread, spread: spread };
    }
    var pos = {}, rad = {};
    function place(ids, col, x) {
      var y = -col.total / 2;
      ids.forEach(function (id, j) {
        var r = col.rs[j], h = pitch(r) * col.spread;
        pos[id] = { x: x, y: Math.round(y + (h - LABEL_H) / 2) };
        rad[id] = r;
        y += h;
      });
      return y;
    }
    // actors beyond one column's worth (asked for with "more") go into further columns, not smaller print
    var perA = Math.max(fit, 1), nColsA = Math.max(1, Math.ceil(shown.length / perA));
    perA = Math.ceil(shown.length / nColsA);
    var iR = function (i) { return radius(m.issueN[i], maxI); };
    var aW = 0, iW = 0;
    shown.forEach(function (a) { aW = Math.max(aW, textWidth(short(actorLabel(a), 34))); });
    m.issues.forEach(function (i) { iW = Math.max(iW, textWidth(short(issueLabel(i), 30))); });
    var moreLabel = hidden.length ? moreText(hidden.length, hidden.reduce(function (t, a) { return t + m.actorN[a]; }, 0)) : "";
    aW = Math.max(aW, 2 * 18, hidden.length ? textWidth(moreLabel) * 13 / FONT + 16 : 0);
    iW = Math.max(iW, 2 * 18, textWidth(moreIssuesText(m.issues.length)) * 13 / FONT + 16);
    var pad = 14, colGap = 28, between = 130;
    var room = W - (2 * pad + nColsA * aW + (nColsA - 1) * colGap + between);
    var S = issuesShown(m, room, usable, iW, colGap, iR), issues = S.shown, hiddenI = S.hidden;
    var MORE_ROW_I = hiddenI.length ? MORE_ROW : 0;
    var iTotal = issues.reduce(function (s, i) { return s + pitch(iR(i)); }, 0) + MORE_ROW_I;
    var nCols = Math.max(1, Math.ceil(iTotal / usable));
    var perCol = Math.ceil(issues.length / nCols);
    var need = 2 * pad + nColsA * aW + (nColsA - 1) * colGap + between + nCols * iW + (nCols - 1) * colGap;
    var Wv = Math.max(W, need);
    var xA = -Wv / 2 + pad + aW / 2, xI = Wv / 2 - pad - iW / 2;
    var height = 0;
    for (var ca = 0; ca < nColsA; ca++) {
      var ids = shown.slice(ca * perA, (ca + 1) * perA);
      var more = ca === 0 && hidden.length ? MORE_ROW : 0;
      var colA = column(ids, function (a) { return radius(m.actorN[a], maxA); }, more);
      var yEnd = place(ids, colA, xA + ca * (aW + colGap));
      if (more) pos.__more = { x: xA, y: Math.round(yEnd + MORE_ROW / 2) };
      height = Math.max(height, colA.total);
    }
    // issues: in the height order of the actors that speak about them (fewer crossings); "no issue" last
    var bary = {};
    issues.forEach(function (i) { bary[i] = { s: 0, w: 0 }; });
    Object.keys(m.pairs).forEach(function (k) {
      var p = m.pairs[k];
      if (!pos[p.actor] || !bary[p.issue]) return;
      bary[p.issue].s += pos[p.actor].y * p.ids.length; bary[p.issue].w += p.ids.length;
    });
    issues.sort(function (a, b) {
      if ((a === NO_ISSUE) !== (b === NO_ISSUE)) return a === NO_ISSUE ? 1 : -1;
      var ba = bary[a].w ? bary[a].s / bary[a].w : 1e9, bb = bary[b].w ? bary[b].s / bary[b].w : 1e9;
      return ba - bb || m.issueN[b] - m.issueN[a] || issueLabel(a).localeCompare(issueLabel(b));
    });
    for (var c = 0; c < nCols; c++) {
      var part = issues.slice(c * perCol, (c + 1) * perCol), lastCol = c === nCols - 1;
      var col = column(part, iR, lastCol ? MORE_ROW_I : 0);
      var xc = xI - (nCols - 1 - c) * (iW + colGap), yEndI = place(part, col, xc);
      if (lastCol && MORE_ROW_I) pos.__moreIssues = { x: xc, y: Math.round(yEndI + MORE_ROW_I / 2) };
      height = Math.max(height, col.total);
    }
    return { pos: pos, rad: rad, shown: shown, hidden: hidden, issues: issues, hiddenIssues: hiddenI,
             issueStep: S.step, W: Wv, H: height + 30, aW: aW };
  }

  // ------------------------------------------------------------ vis options of the two modes
  var baseNodes = { borderWidth: 1, font: { size: FONT, face: FACE, color: "#222", background: "rgba(255,255,255,0.8)" },
                    scaling: { label: { enabled: false, drawThreshold: 5 } } };
  var OVERVIEW_OPTIONS = {
    autoResize: true, layout: { improvedLayout: false }, physics: { enabled: false },
    nodes: baseNodes,
    edges: { smooth: false, arrows: { to: { enabled: false } }, selectionWidth: 2, hoverWidth: 1.5,
             color: { inherit: false }, font: { size: 0 } },
    interaction: { hover: true, tooltipDelay: 120, keyboard: false, dragNodes: true, selectConnectedEdges: false }
  };
  var CLAIM_OPTIONS = {
    autoResize: true, layout: { improvedLayout: false, randomSeed: 7 },
    physics: { enabled: true, solver: "forceAtlas2Based",
               forceAtlas2Based: { gravitationalConstant: -90, springLength: 100, avoidOverlap: 0.9 },
               stabilization: { enabled: true, iterations: 300, fit: true } },
    nodes: baseNodes,
    edges: { smooth: { enabled: true, type: "continuous", roundness: 0.3 },
             arrows: { to: { enabled: true, scaleFactor: 0.45 } }, selectionWidth: 2, width: 1,
             color: { inherit: false } },
    interaction: { hover: true, tooltipDelay: 120, keyboard: false, selectConnectedEdges: true }
  };

  // ------------------------------------------------------------ tooltips (DOM elements, never HTML strings)
  function tip(lines) {
    var box = el("div", null, "gk-tip");
    lines.forEach(function (l, j) { if (l) box.appendChild(el("div", l, j ? "gk-muted" : null)); });
    return box;
  }
  function groupsText(groups) {
    return Object.keys(groups).sort(function (a, b) { return groups[b] - groups[a]; })
      .map(function (g) { return groups[g] + " " + g; }).join(", ");
  }

  // ------------------------------------------------------------ network
  var container = document.getElementById("gk-net");
  var network = new vis.Network(container, {}, OVERVIEW_OPTIONS);
  GK.network = network;
  var nodes = new vis.DataSet([]), edges = new vis.DataSet([]);
  GK.nodes = nodes; GK.edges = edges;
  var edgeInfo = {}; // edge id -> {kind: "pair"|"contra"|"rel", ...}
  var nodeInfo = {}; // node id -> {kind: "actor"|"issue"|"more"|"moreIssues"|"claim"|"place"|"doc"}
  GK.edgeInfo = edgeInfo; GK.nodeInfo = nodeInfo;
  var $mode = document.getElementById("gk-mode"), $legend = document.getElementById("gk-legend");
  var $more = document.getElementById("gk-more"), $back = document.getElementById("gk-back");

  // the page's own word that a drawing is done. `GK.drawing` counts the drawings asked for; `GK.drawn` is the
  // last of them vis has drawn and the page has put in view (`GK.ready` and `firstDrawMs`: the first). setOptions
  // and the data set's changes draw at once, but setData then makes new nodes, which vis draws on the next
  // animation frame (a loaded machine delays it): until then their label boxes are not placed (all at one point)
  // nor is the view set, so a reader of positions or labels waits until drawn === drawing.
  function setGraph(nodeList, edgeList, options) {
    network.setOptions(options);
    nodes.clear(); edges.clear();
    nodes.add(nodeList); edges.add(edgeList);
    network.setData({ nodes: nodes, edges: edges });
    return ++GK.drawing;
  }
  // after vis's next drawing (call it once the drawing `gen` is set): `then` (which sets the view), and `gen` is done
  function whenDrawn(gen, then) {
    network.once("afterDrawing", function () {
      if (then) then();
      GK.drawn = Math.max(GK.drawn, gen);
      if (!GK.ready) {
        GK.firstDrawMs = performance.now();
        GK.stabilizedMs = GK.firstDrawMs;
        GK.ready = true;
      }
    });
  }

  var lastModel = null;
  // a "+ N more" node in its row under a column (`overviewLayout` keeps MORE_ROW for it); a click lists what it holds
  function moreNode(id, kind, label, at, hint) {
    nodeInfo[id] = { kind: kind };
    return { id: id, label: label, shape: "box", x: at.x, y: at.y, margin: 6,
             color: { background: "#f2f2f2", border: "#999" }, font: { size: 13, face: FACE, background: "rgba(0,0,0,0)" },
             title: tip([hint]) };
  }
  function drawOverview() {
    GK.mode = "overview";
    $back.hidden = true;
    var m = overviewModel(shownClaims);
    lastSize = container.clientWidth + "x" + container.clientHeight;
    var W = container.clientWidth || 800, H = container.clientHeight || 600;
    var L = overviewLayout(m, W, H);
    lastModel = { m: m, L: L };
    GK.layout = { W: L.W, H: L.H, viewW: W, viewH: H, shown: L.shown.length, hidden: L.hidden.length };
    Object.keys(edgeInfo).forEach(function (k) { delete edgeInfo[k]; });
    Object.keys(nodeInfo).forEach(function (k) { delete nodeInfo[k]; });
    var nl = [], shownSet = {};
    L.shown.forEach(function (a) {
      shownSet[a] = 1;
      var A = actorById[a] || { label: a };
      nl.push({ id: a, label: short(A.label, 34), shape: "dot", size: Math.round(L.rad[a] * 10) / 10,
                color: STYLE.actor.color, x: L.pos[a].x, y: L.pos[a].y,
                title: tip([A.label, plural(m.actorN[a], "claim") + (A.type ? " · " + A.type : "") +
                            (list(A.roles).length ? " · " + list(A.roles).slice(0, 3).join(", ") : "")]) });
      nodeInfo[a] = { kind: "actor" };
    });
    L.issues.forEach(function (i) {
      nl.push({ id: i, label: short(issueLabel(i), 30), shape: "square", size: Math.round(L.rad[i] * 0.85 * 10) / 10,
                color: i === NO_ISSUE ? "#BBBBBB" : STYLE.issue.color, x: L.pos[i].x, y: L.pos[i].y,
                title: tip([issueLabel(i), plural(m.issueN[i], "claim")]) });
      nodeInfo[i] = { kind: "issue" };
    });
    var hiddenClaims = 0;
    L.hidden.forEach(function (a) { hiddenClaims += m.actorN[a]; });
    if (L.hidden.length)
      nl.push(moreNode("__more", "more", moreText(L.hidden.length, hiddenClaims), L.pos.__more,
                       "Click to list them; the button above adds " + ACTOR_STEP + " more to the drawing."));
    if (L.hiddenIssues.length)
      nl.push(moreNode("__moreIssues", "moreIssues", moreIssuesText(L.hiddenIssues.length), L.pos.__moreIssues,
                       "Click to list them; click one there to add it to the drawing."));
    var el_ = [], maxPair = 1, groupCount = {};
    Object.keys(m.pairs).forEach(function (k) { maxPair = Math.max(maxPair, m.pairs[k].ids.length); });
    Object.keys(m.pairs).forEach(function (k, j) {
      var p = m.pairs[k];
      if (!shownSet[p.actor] || !L.pos[p.issue]) return;
      var g = pairColour(p), id = "p" + j;
      groupCount[g] = (groupCount[g] || 0) + 1;
      el_.push({ id: id, from: p.actor, to: p.issue, width: Math.round((1 + 7 * Math.sqrt(p.ids.length / maxPair)) * 10) / 10,
                 color: { color: data.stances[g].color, highlight: data.stances[g].color, hover: data.stances[g].color, opacity: 0.65 },
                 title: tip([actorLabel(p.actor) + " \u2192 " + issueLabel(p.issue), plural(p.ids.length, "claim") + ": " + groupsText(p.groups)]) });
      edgeInfo[id] = { kind: "pair", actor: p.actor, issue: p.issue, ids: p.ids };
    });
    var nContra = 0;
    Object.keys(m.contra).forEach(function (k, j) {
      var p = m.contra[k];
      if (!shownSet[p.a] || !shownSet[p.b]) return;
      var id = "x" + j;
      nContra++;
      var up = L.pos[p.a].y <= L.pos[p.b].y; // from the upper actor: a clockwise arc then bulges right
      el_.push({ id: id, from: up ? p.a : p.b, to: up ? p.b : p.a, dashes: [6, 4], width: 1.5 + Math.min(p.pairs.length, 5) * 0.5,
                 smooth: { enabled: true, type: "curvedCW", roundness: arc(L.pos[p.a], L.pos[p.b], L.aW) },
                 color: { color: CONTRA, highlight: CONTRA, hover: CONTRA, opacity: 0.9 },
                 title: tip([actorLabel(p.a) + " \u2194 " + actorLabel(p.b), plural(p.pairs.length, "contradiction")]) });
      edgeInfo[id] = { kind: "contra", a: p.a, b: p.b, pairs: p.pairs };
    });
    var gen = setGraph(nl, el_, OVERVIEW_OPTIONS);
    // drawn at scale 1 (fonts at full size) unless more actors were asked for than the window holds;
    // vis fits new data to the window on its next draw, so the view is set again after it
    var scale = Math.min(1, W / Math.max(L.W, 1), H / Math.max(L.H, 1));
    var centre = function () { network.moveTo({ position: { x: 0, y: 0 }, scale: scale, animation: false }); };
    centre();
    whenDrawn(gen, centre);
    GK.shownActors = L.shown.slice();
    GK.hiddenActors = L.hidden.slice();
    GK.shownIssues = L.issues.slice();
    GK.hiddenIssues = L.hiddenIssues.slice();
    $more.hidden = !L.hidden.length;
    $more.textContent = L.hidden.length ? "Show " + Math.min(ACTOR_STEP, L.hidden.length) + " more of " +
      plural(L.hidden.length, "hidden actor") : "";
    var real = m.issues.filter(function (i) { return i !== NO_ISSUE; }).length;
    $mode.textContent = "Who said what: " + plural(m.actors.length, "actor") +
      (L.hidden.length ? " (" + L.shown.length + " most quoted drawn)" : "") + " \u00b7 " + plural(real, "issue") +
      (L.hiddenIssues.length ? " (" + L.issues.length + " most claimed drawn)" : "") +
      " \u00b7 line width: claims \u00b7 click a node or line for its claims";
    $mode.title = $mode.textContent;
    var drawnReal = L.issues.filter(function (i) { return i !== NO_ISSUE; }).length;
    legendOverview(L.shown.length, m.actors.length, { real: real, drawn: drawnReal, none: m.issues.length > real }, groupCount, nContra);
  }

  // an actor↔actor arc bulges to the right of the column, past the labels, into the lines' side
  function arc(p, q, labelW) {
    var d = Math.max(Math.hypot(q.x - p.x, q.y - p.y), 1);
    return Math.min(1.2, (labelW / 2 + 30) * 2 / d);
  }

  // ------------------------------------------------------------ legend (counts follow the drawing)
  var SVGNS = "http://www.w3.org/2000/svg";
  function shapeIcon(shape, color) {
    var s = document.createElementNS(SVGNS, "svg");
    s.setAttribute("width", "14"); s.setAttribute("height", "14"); s.setAttribute("viewBox", "0 0 14 14");
    var p;
    if (shape === "dot") { p = document.createElementNS(SVGNS, "circle"); p.setAttribute("cx", "7"); p.setAttribute("cy", "7"); p.setAttribute("r", "6"); }
    else {
      p = document.createElementNS(SVGNS, "polygon");
      p.setAttribute("points", {
        diamond: "7,1 13,7 7,13 1,7", triangle: "7,1 13,13 1,13", triangleDown: "1,1 13,1 7,13",
        square: "1,1 13,1 13,13 1,13"
      }[shape] || "1,1 13,1 13,13 1,13");
    }
    p.setAttribute("fill", color);
    s.appendChild(p);
    return s;
  }
  function lineIcon(color, dashes, width) {
    var s = document.createElementNS(SVGNS, "svg");
    s.setAttribute("width", "22"); s.setAttribute("height", "8");
    var l = document.createElementNS(SVGNS, "line");
    l.setAttribute("x1", "0"); l.setAttribute("y1", "4"); l.setAttribute("x2", "22"); l.setAttribute("y2", "4");
    l.setAttribute("stroke", color); l.setAttribute("stroke-width", String(width || 3));
    if (dashes) l.setAttribute("stroke-dasharray", "4 3");
    s.appendChild(l);
    return s;
  }
  function legendItem(icon, text) {
    var s = el("span", null, "gk-item");
    s.appendChild(icon); s.appendChild(el("span", text));
    $legend.appendChild(s);
  }
  function legendOverview(nShown, nActors, nIssues, groupCount, nContra) {
    $legend.textContent = "";
    legendItem(shapeIcon("dot", STYLE.actor.color), "actors (size: claims): " + nShown + (nShown < nActors ? " of " + nActors : ""));
    legendItem(shapeIcon("square", STYLE.issue.color), "issues: " + (nIssues.drawn < nIssues.real ? nIssues.drawn + " of " : "") +
      nIssues.real + (nIssues.none ? " (+ no issue found)" : ""));
    Object.keys(data.stances).forEach(function (g) {
      if (groupCount[g]) legendItem(lineIcon(data.stances[g].color), g + " (" + groupCount[g] + ")");
    });
    if (nContra) legendItem(lineIcon(CONTRA, true, 2), "contradict each other (" + nContra + ")");
  }
  function legendClaims(counts, rels) {
    $legend.textContent = "";
    ["claim", "actor", "issue", "place", "document"].forEach(function (t) {
      if (counts[t]) legendItem(shapeIcon(STYLE[t].shape, STYLE[t].color), STYLE[t].legend.split(" (")[0] + "s: " + counts[t]);
    });
    Object.keys(REL).forEach(function (r) {
      if (rels[r]) legendItem(lineIcon(REL[r].color, REL[r].dashes, 2), r + " (" + rels[r] + ")");
    });
  }

  // ------------------------------------------------------------ claim graph of a selection
  var REL = { said: { color: STYLE.actor.color }, about: { color: STYLE.issue.color },
              mentions: { color: STYLE.place.color }, reported_in: { color: "#9A9A9A", dashes: true },
              contradicts: { color: CONTRA }, reverses: { color: "#8B4513", dashes: true } };
  var CLAIM_LIMIT = 400;
  var claimSelection = null;
  function drawClaims(all, what) {
    var ids = passing(all);
    claimSelection = { all: all, what: what };
    GK.mode = "claims";
    $back.hidden = false; $more.hidden = true;
    var keep = ids.slice(0, CLAIM_LIMIT), inSel = {};
    keep.forEach(function (id) { inSel[id] = 1; });
    Object.keys(edgeInfo).forEach(function (k) { delete edgeInfo[k]; });
    Object.keys(nodeInfo).forEach(function (k) { delete nodeInfo[k]; });
    var nl = [], el_ = [], have = {}, counts = {}, rels = {};
    function node(id, kind, label, shape, color, size, title) {
      if (have[id]) return;
      have[id] = 1;
      counts[kind] = (counts[kind] || 0) + 1;
      nl.push({ id: id, label: label, shape: shape, color: color, size: size, title: title });
      nodeInfo[id] = { kind: kind === "document" ? "doc" : kind };
    }
    function edge(from, to, rel) {
      var id = "e" + el_.length;
      rels[rel] = (rels[rel] || 0) + 1;
      el_.push({ id: id, from: from, to: to, color: { color: REL[rel].color, opacity: 0.8 }, dashes: !!REL[rel].dashes });
      edgeInfo[id] = { kind: "rel", rel: rel, from: from, to: to };
    }
    keep.forEach(function (id) {
      var c = claimById[id];
      node(id, "claim", undefined, "diamond", STYLE.claim.color, 8,
           tip([(c.speaker || actorLabel(c.actor)) + (c.date ? " \u00b7 " + c.date : "") + (c.stance ? " \u00b7 " + c.stance : "") +
                (c.segment ? " \u00b7 in the " + c.segment : ""), claimText(c)]));
      var A = actorById[c.actor] || { label: c.actor };
      node(c.actor, "actor", short(A.label, 34), "dot", STYLE.actor.color, 14, tip([A.label]));
      edge(c.actor, id, "said");
      list(c.issues).forEach(function (i) {
        node(i, "issue", short(issueLabel(i), 30), "square", STYLE.issue.color, 11, tip([issueLabel(i)]));
        edge(id, i, "about");
      });
      list(c.places).forEach(function (p) {
        var P = placeById[p] || { label: p };
        node(p, "place", short(P.label, 30), "triangle", STYLE.place.color, 10, tip([P.label]));
        edge(id, p, "mentions");
      });
      [c.doc].concat(list(c.reports)).forEach(function (d) {
        if (!d) return;
        var D = docById[d] || { title: d };
        node(d, "document", short(D.title, 36), "triangleDown", STYLE.document.color, 10, tip([D.title, D.source]));
        edge(id, d, "reported_in");
      });
    });
    data.contradictions.forEach(function (x) {
      if (inSel[x.a] && inSel[x.b]) edge(x.a, x.b, x.kind === "reverses" ? "reverses" : "contradicts");
    });
    // vis stabilises a graph with nodes and then draws it (its redraws held until then); an empty one it draws at
    // once, with no stabilisation to wait for. A newer drawing asked before the stabilisation ended (back to the
    // overview at once) leaves this one's view alone: the page sets the newer one's.
    // Once still, the graph is drawn once so that vis measures its labels, their boxes pushed apart (labelsApart),
    // and the view fitted to the moved nodes: the page's drawing is done at the drawing after that.
    var gen = setGraph(nl, el_, CLAIM_OPTIONS);
    if (!nl.length) whenDrawn(gen);
    else network.once("stabilizationIterationsDone", function () {
      if (gen !== GK.drawing) return;
      network.setOptions({ physics: { enabled: false } });
      network.once("afterDrawing", function () {
        if (gen !== GK.drawing) return;
        if (GK.labelsApart) GK.labelRounds = labelsApart();
        network.fit({ animation: false });
        whenDrawn(gen);
      });
      network.fit({ animation: false });
    });
    $mode.title = $mode.textContent = "Claim graph of " + what + ": " + plural(keep.length, "claim") +
      (ids.length > keep.length ? " (the first " + keep.length + " of " + ids.length + " by date; narrow the date range to see the rest)" : "") +
      ". Hover a claim (diamond) for its words; click it for the details.";
    legendClaims(counts, rels);
  }
  GK.drawClaims = drawClaims;

  // ------------------------------------------------------------ claim graph: labels apart
  // vis's physics keeps nodes apart by their size (avoidOverlap), not by their labels, so a claim graph of many long
  // labels (an actor's articles by their titles, its issues) draws them over each other. After the stabilisation,
  // from the boxes vis gave each node at its last drawing (its shape's `shape.boundingBox` with its label's
  // `labelModule.size`, which that box does not always hold whole; both move with the node), every two boxes that
  // meet are pushed apart along the axis they meet least on, half each, round by round until none meets or
  // `graphkit.labelRoundsMost` rounds have passed (`partBoxes`); the nodes are then moved (`moveNode`) where their
  // boxes went. Returns the rounds it took (0: nothing met); `graphkit.labelsStillMeet` says whether boxes still met
  // when the push stopped. `graphkit.labelsApart = false` draws the graph as vis left it.
  GK.labelsApart = true;
  GK.labelRoundsMost = 60; // the push's cap, read at each push
  GK.labelsStillMeet = false; // whether boxes, a shape's or a label's, still met when the last push stopped
  var LABEL_GAP = 2; // canvas px kept between two boxes
  function labelsApart() {
    var bs = network.body.nodeIndices.map(function (id) {
      var n = network.body.nodes[id], b = n.shape.boundingBox, s = n.labelModule.size, lab = !!n.options.label;
      return { id: id, x: n.x, y: n.y,
               l: Math.min(b.left, lab ? s.left : Infinity) - n.x, t: Math.min(b.top, lab ? s.top : Infinity) - n.y,
               r: Math.max(b.right, lab ? s.left + s.width : -Infinity) - n.x,
               b: Math.max(b.bottom, lab ? s.top + s.height : -Infinity) - n.y };
    });
    var parted = partBoxes(bs, GK.labelRoundsMost);
    GK.labelsStillMeet = parted.stillMeet;
    bs.forEach(function (b) { if (b.moved) network.moveNode(b.id, b.x, b.y); });
    return parted.rounds;
  }
  // boxes (each its centre `x`, `y` and its sides `l`, `t`, `r`, `b` from it) pushed apart round by round, at most
  // `most` rounds: the rounds taken, and whether boxes still meet. A push stopped at the cap is checked once more,
  // moving nothing: its last round may have parted them.
  function partBoxes(bs, most) {
    bs.forEach(function (b) { b.dx = b.dy = 0; });
    var round = 0;
    for (; round < most; round++) {
      if (!pushApart(bs)) break;
    }
    return { rounds: round, stillMeet: round === most && boxesMeeting(bs, function () {}) };
  }
  GK.partBoxes = partBoxes;
  // one round: each box pushed by half of every overlap it has; whether any met
  function pushApart(bs) {
    var met = boxesMeeting(bs, function (p, q, ox, oy) {
      if (ox < oy) {
        var sx = p.x + (p.l + p.r) / 2 >= q.x + (q.l + q.r) / 2 ? 1 : -1;
        p.dx += sx * ox / 2; q.dx -= sx * ox / 2;
      } else {
        var sy = p.y + (p.t + p.b) / 2 >= q.y + (q.t + q.b) / 2 ? 1 : -1;
        p.dy += sy * oy / 2; q.dy -= sy * oy / 2;
      }
    });
    bs.forEach(function (b) {
      if (b.dx || b.dy) { b.x += b.dx; b.y += b.dy; b.dx = b.dy = 0; b.moved = true; }
    });
    return met;
  }
  // every two boxes that meet (LABEL_GAP kept between), found by a sweep over x, handed to `each` with how far they
  // overlap on each axis; whether any met
  function boxesMeeting(bs, each) {
    var met = false, active = [];
    bs.sort(function (p, q) { return p.x + p.l - (q.x + q.l); });
    bs.forEach(function (p) {
      var pl = p.x + p.l, pr = p.x + p.r, pt = p.y + p.t, pb = p.y + p.b;
      active = active.filter(function (q) { return q.x + q.r + LABEL_GAP > pl; });
      active.forEach(function (q) {
        var ox = Math.min(pr, q.x + q.r) - Math.max(pl, q.x + q.l) + LABEL_GAP;
        var oy = Math.min(pb, q.y + q.b) - Math.max(pt, q.y + q.t) + LABEL_GAP;
        if (ox <= 0 || oy <= 0) return;
        met = true;
        each(p, q, ox, oy);
      });
      active.push(p);
    });
    return met;
  }

  function redraw() {
    refilter();
    if (GK.mode === "claims" && claimSelection) drawClaims(claimSelection.all, claimSelection.what);
    else drawOverview();
    if (current) current.render();
  }

  // ------------------------------------------------------------ side panel: claims, sortable, with a timeline
  var panel = document.getElementById("gk-panel");
  var BASIS = { explicit: "stated in the text", relative: "worked out from", publication: "publication date",
                unknown: "date unknown" };
  function claimText(c) { // quote marks for quotes only, and only when the words do not carry their own
    return c.kind === "direct" && !/^[\u201c\u2018"'\u00ab]/.test(c.text) ? "\u201c" + c.text + "\u201d" : c.text;
  }
  function link(url, text) {
    var u = safeUrl(url);
    if (!u) return el("span", text);
    var a = el("a", text);
    a.href = u; a.target = "_blank"; a.rel = "noopener noreferrer";
    return a;
  }
  function claimCard(c) {
    var li = el("li", null, "gk-claim");
    li.dataset.claim = c.id;
    var head = el("div");
    head.appendChild(el("span", c.kind === "direct" ? "quote" : c.kind === "mixed" ? "partly quoted" : "paraphrase", "gk-tag"));
    if (c.stance) head.appendChild(el("span", c.stance, "gk-tag"));
    if (c.segment) head.appendChild(el("span", "in the " + c.segment, "gk-tag"));
    li.appendChild(head);
    li.appendChild(el("p", claimText(c), "gk-text" + (c.kind === "direct" ? " gk-quote" : "")));
    var who = c.speaker || actorLabel(c.actor);
    if (c.written && fold(c.written) !== fold(who)) who += " (as written: \u201c" + c.written + "\u201d)";
    var when = c.date ? c.date + " \u2014 " + (c.basis === "relative" && c.date_text ? BASIS.relative + " \u201c" + c.date_text + "\u201d"
                                                 : BASIS[c.basis || "unknown"] || c.basis) : "undated";
    li.appendChild(el("div", who + " \u00b7 " + when, "gk-meta"));
    if (c.sentence) li.appendChild(el("p", "Sentence: " + c.sentence, "gk-sentence"));
    var src = el("div", null, "gk-meta"), D = docById[c.doc] || { title: c.doc || "unknown article" };
    var title = link(D.url, D.title);
    title.className = "gk-article";
    src.appendChild(title);
    var bits = [];
    if (D.source) bits.push(D.source);
    if (D.published) bits.push("published " + D.published);
    if (c.start !== undefined) bits.push("characters " + c.start + "\u2013" + c.end);
    if (list(c.reports).length) bits.push("also reported in " + plural(c.reports.length, "other article"));
    src.appendChild(document.createTextNode(bits.length ? " \u00b7 " + bits.join(" \u00b7 ") : ""));
    li.appendChild(src);
    var extra = el("div", null, "gk-meta");
    var issues = list(c.issues).map(issueLabel);
    if (issues.length) extra.appendChild(document.createTextNode("Issues: " + issues.join(", ") + ". "));
    if (c.doc) {
      var b = el("button", "this article's claims");
      b.type = "button";
      b.addEventListener("click", function () { showDoc(c.doc); });
      extra.appendChild(b);
    }
    li.appendChild(extra);
    (contradicts[c.id] || []).forEach(function (x) {
      var o = claimById[x.other], k = x.link;
      var verb = k.kind === "reverses" ? (x.later ? "Reverses" : "Reversed by") : "Contradicted by";
      var why = [k.reason, k.shared ? "both about: " + k.shared : null, k.opposing ? "opposed: " + k.opposing : null,
                 typeof k.score === "number" ? "score " + k.score.toFixed(2) : null].filter(Boolean).join("; ");
      li.appendChild(el("div", verb + " " + (o.speaker || actorLabel(o.actor)) + (o.date ? " (" + o.date + ")" : "") +
        ": " + claimText(o) + (why ? " \u2014 " + why : ""), "gk-meta gk-link"));
    });
    return li;
  }
  function hiDay(s) { // the last real day of a partial date (hi() says "-31" for every month, fine for comparing)
    if (s.length !== 7) return hi(s);
    return new Date(Date.UTC(+s.slice(0, 4), +s.slice(5, 7), 0)).toISOString().slice(0, 10);
  }
  function unitFor(a, b) { var days = (Date.parse(b) - Date.parse(a)) / 864e5; return days <= 62 ? 10 : days <= 5 * 366 ? 7 : 4; }
  // The bars' range and unit (L: 10 day, 7 month, 4 year) for a set of dated claims: the range comes from the most
  // precise dates there are (a year-only date would stretch it to January), then widened by every date precise
  // enough for the bars; the unit is never finer than those dates (two claims dated "2012" and "2015" are two
  // yearly bars, not four years of empty months).
  function barsOf(dated) {
    var best = Math.max.apply(null, dated.map(function (c) { return c.date.length; }));
    var ds = dated.filter(function (c) { return c.date.length === best; }).map(function (c) { return c.date; }).sort();
    var first = lo(ds[0]), last = hiDay(ds[ds.length - 1]), L = unitFor(first, last);
    dated.forEach(function (c) {
      if (c.date.length < L) return;
      if (lo(c.date) < first) first = lo(c.date);
      if (hiDay(c.date) > last) last = hiDay(c.date);
    });
    return { first: first, last: last, L: Math.min(L, unitFor(first, last), best) };
  }
  // A few claims dated far from the rest (a 1956 quotation in a corpus of 2016 news) would stretch the chart to
  // decades of empty bars. A tail beyond Tukey's far-out fences (three interquartile ranges past the quartiles) that
  // holds at most 1 % of the dated claims is left out of the bars, and named above them, when leaving it out makes
  // the bars finer (years to months, months to days); the list keeps its claims. Under 100 dated claims every one
  // is drawn. Returns the claims drawn, the two tails left out, and the bars of the claims drawn (`barsOf`).
  function farApart(dated) {
    var at = dated.map(function (c) { return Date.parse(lo(c.date)); });
    var t = at.slice().sort(function (a, b) { return a - b; });
    var n = t.length, most = Math.floor(n / 100), early = [], late = [], kept = [];
    var q1 = t[Math.floor(n / 4)], q3 = t[Math.floor(3 * n / 4)], far = 3 * (q3 - q1);
    var below = t.filter(function (x) { return x < q1 - far; }).length;
    var above = t.filter(function (x) { return x > q3 + far; }).length;
    var from = below && below <= most ? q1 - far : -Infinity, to = above && above <= most ? q3 + far : Infinity;
    dated.forEach(function (c, i) { (at[i] < from ? early : at[i] > to ? late : kept).push(c); });
    var all = barsOf(dated), fewer = kept.length < n ? barsOf(kept) : all;
    if (fewer.L <= all.L) return { drawn: dated, early: [], late: [], bars: all };
    return { drawn: kept, early: early, late: late, bars: fewer };
  }
  function yearsOf(cs) { // "1956–2013" or "1956": the years a set of dated claims spans
    var ys = cs.map(function (c) { return c.date.slice(0, 4); }).sort();
    return ys[0] === ys[ys.length - 1] ? ys[0] : ys[0] + "\u2013" + ys[ys.length - 1];
  }
  function timeline(cs) {
    var dated = cs.filter(function (c) { return c.date; }), undated = cs.length - dated.length;
    if (!dated.length) return null;
    var cut = farApart(dated), early = cut.early, late = cut.late;
    var apart = [early, late].filter(function (a) { return a.length; }).map(yearsOf);
    dated = cut.drawn;
    var first = cut.bars.first, last = cut.bars.last, L = cut.bars.L;
    var unit = L === 10 ? "day" : L === 7 ? "month" : "year";
    var counts = {}, coarse = 0;
    dated.forEach(function (c) {
      if (c.date.length < L) { coarse++; return; }
      var k = c.date.slice(0, L);
      counts[k] = (counts[k] || 0) + 1;
    });
    var keys = [], d = new Date(first + "T00:00:00Z"), end = new Date(last + "T00:00:00Z");
    while (d <= end && keys.length < 400) {
      var iso = d.toISOString().slice(0, L);
      if (keys[keys.length - 1] !== iso) keys.push(iso);
      if (L === 10) d.setUTCDate(d.getUTCDate() + 1);
      else if (L === 7) d.setUTCMonth(d.getUTCMonth() + 1);
      else d.setUTCFullYear(d.getUTCFullYear() + 1);
    }
    var box = el("div"), W = Math.max(150, Math.min(340, panel.clientWidth - 30)), H = 46, max = 1;
    keys.forEach(function (k) { max = Math.max(max, counts[k] || 0); });
    var s = document.createElementNS(SVGNS, "svg");
    s.setAttribute("width", String(W)); s.setAttribute("height", String(H + 14)); s.setAttribute("class", "gk-timeline");
    var bw = Math.min(28, W / Math.max(keys.length, 1)), Wd = Math.max(bw * keys.length, 150);
    keys.forEach(function (k, j) {
      var n = counts[k] || 0;
      if (!n) return;
      var r = document.createElementNS(SVGNS, "rect"), h = Math.max(2, H * n / max);
      r.setAttribute("x", String(j * bw)); r.setAttribute("width", String(Math.max(1, bw - 1)));
      r.setAttribute("y", String(H - h)); r.setAttribute("height", String(h)); r.setAttribute("fill", "#0072B2");
      var t = document.createElementNS(SVGNS, "title");
      t.textContent = k + ": " + plural(n, "claim");
      r.appendChild(t);
      s.appendChild(r);
    });
    (keys.length > 1 ? [[0, keys[0], "start"], [Wd, keys[keys.length - 1], "end"]] : [[0, keys[0], "start"]]).forEach(function (a) {
      var t = document.createElementNS(SVGNS, "text");
      t.setAttribute("x", String(a[0])); t.setAttribute("y", String(H + 12)); t.setAttribute("font-size", "10");
      t.setAttribute("text-anchor", a[2]); t.setAttribute("fill", "#555");
      t.textContent = a[1];
      s.appendChild(t);
    });
    box.appendChild(el("div", "Claims per " + unit + " (highest bar: " + max + ")" +
      (undated ? "; " + undated.toLocaleString("en") + " of " + plural(cs.length, "claim") + " undated" : "") +
      (coarse ? "; " + plural(coarse, "claim") + " dated only to a coarser " + (L === 10 ? "month or year" : "year") : "") +
      (apart.length ? "; " + plural(early.length + late.length, "claim") + " dated far from the rest (" +
        apart.join(" and ") + ") not drawn, listed below" : ""), "gk-meta"));
    box.appendChild(s);
    return box;
  }
  var PAGE = 100;
  var current = null; // what the panel shows: {render()}
  function showClaims(title, sub, idsFn, what) {
    var order = 1, limit = PAGE;
    current = {
      what: what,
      render: function () {
        var ids = idsFn();
        var cs = passing(ids).map(function (id) { return claimById[id]; });
        cs.sort(function (a, b) {
          return order * String(a.date || "9999").localeCompare(String(b.date || "9999")) || (a.id < b.id ? -1 : 1);
        });
        panel.textContent = "";
        panel.appendChild(el("h2", title));
        var hiddenN = ids.length - cs.length;
        panel.appendChild(el("p", (sub ? sub + " \u00b7 " : "") + plural(cs.length, "claim") +
          (hiddenN ? " (" + hiddenN + " more outside the filters)" : ""), "gk-muted"));
        var tl = timeline(cs);
        if (tl) panel.appendChild(tl);
        var tools = el("div", null, "gk-tools");
        var sort = el("button", order > 0 ? "oldest first \u2193 (click: newest first)" : "newest first \u2191 (click: oldest first)");
        sort.type = "button"; sort.id = "gk-sort";
        sort.addEventListener("click", function () { order = -order; current.render(); });
        tools.appendChild(sort);
        if (cs.length) {
          var g = el("button", GK.mode === "claims" && claimSelection && claimSelection.what === what
            ? "back to who said what" : "claim graph of these " + plural(cs.length, "claim"));
          g.type = "button"; g.id = "gk-claimgraph";
          g.addEventListener("click", function () {
            if (GK.mode === "claims" && claimSelection && claimSelection.what === what) { drawOverview(); current.render(); return; }
            drawClaims(ids, what);
            current.render();
          });
          tools.appendChild(g);
        }
        panel.appendChild(tools);
        var ol = el("ol");
        cs.slice(0, limit).forEach(function (c) { ol.appendChild(claimCard(c)); });
        panel.appendChild(ol);
        if (cs.length > limit) {
          var more = el("button", "show " + Math.min(PAGE, cs.length - limit) + " more of " + (cs.length - limit));
          more.type = "button";
          more.addEventListener("click", function () { limit += PAGE; current.render(); });
          panel.appendChild(more);
        }
        GK.panelClaims = cs.map(function (c) { return c.id; });
      }
    };
    current.render();
  }
  function idsWhere(pred) {
    return function () { return data.claims.filter(pred).map(function (c) { return c.id; }); };
  }
  function showActor(a) {
    var A = actorById[a] || { label: a };
    var roles = list(A.roles), ROLES = 6; // the panel names a few roles; the rest are counted
    var sub = [A.type, roles.slice(0, ROLES).join(", ") + (roles.length > ROLES ? " \u2026 (+" + (roles.length - ROLES) + " roles)" : "")]
      .filter(Boolean).join(" \u00b7 ");
    showClaims(A.label, sub, idsWhere(function (c) { return c.actor === a; }), A.label);
  }
  function showIssue(i) {
    showClaims("Issue: " + issueLabel(i), "", idsWhere(function (c) { return issuesOf(c).indexOf(i) >= 0; }), issueLabel(i));
  }
  function showPair(a, i) {
    showClaims(actorLabel(a) + " \u2192 " + issueLabel(i), "", idsWhere(function (c) {
      return c.actor === a && issuesOf(c).indexOf(i) >= 0;
    }), actorLabel(a) + " on " + issueLabel(i));
  }
  function showContra(info) {
    showClaims(actorLabel(info.a) + " \u2194 " + actorLabel(info.b), "claims that contradict each other", function () {
      var ids = [];
      info.pairs.forEach(function (x) { ids.push(x.a, x.b); });
      return ids.filter(function (id, j) { return ids.indexOf(id) === j; });
    }, actorLabel(info.a) + " and " + actorLabel(info.b));
  }
  function showDoc(d) {
    var D = docById[d] || { title: d };
    showClaims(D.title, D.source || "", idsWhere(function (c) { return c.doc === d || list(c.reports).indexOf(d) >= 0; }),
               "the article \u201c" + short(D.title, 40) + "\u201d");
  }
  // what a "+ N more" node holds, by kind: the panel it opens lists them (the most claimed first, LIST_CAP at most;
  // Find reaches the rest), a click on one draws it, and the button draws the next step of them
  var LIST_CAP = 500;
  var HIDDEN = {
    more: { noun: "more actor", hidden: function () { return GK.hiddenActors || []; },
            label: actorLabel, count: function (m, a) { return m.actorN[a]; },
            step: function () { return ACTOR_STEP; }, draw: function (n) { state.extra += n; },
            pin: pinActor,
            hint: "Not drawn so that the labels stay readable. Click a name to add it to the drawing." },
    moreIssues: { noun: "more issue", hidden: function () { return GK.hiddenIssues || []; },
                  label: issueLabel, count: function (m, i) { return m.issueN[i]; },
                  step: function () { return lastModel.L.issueStep; }, draw: function (n) { state.extraIssues += n; },
                  pin: pinIssue,
                  hint: "Not drawn so that the labels stay readable. Click an issue to add it to the drawing, " +
                        "or choose it in the Issue menu to see only its claims." }
  };
  function showHidden(kind) {
    var K = HIDDEN[kind];
    current = { render: function () {
      panel.textContent = "";
      var hidden = K.hidden(), m = lastModel.m, step = K.step();
      panel.appendChild(el("h2", plural(hidden.length, K.noun)));
      panel.appendChild(el("p", K.hint, "gk-muted"));
      if (hidden.length) {
        var b = el("button", "show " + Math.min(step, hidden.length) + " more");
        b.type = "button";
        b.addEventListener("click", function () { K.draw(step); drawOverview(); current.render(); });
        panel.appendChild(b);
      }
      var ul = el("ul", null, "gk-names");
      hidden.slice(0, LIST_CAP).forEach(function (id) {
        var li = el("li", K.label(id) + " (" + K.count(m, id) + ")");
        li.addEventListener("click", function () { K.pin(id); });
        ul.appendChild(li);
      });
      if (hidden.length > LIST_CAP) ul.appendChild(el("li", "\u2026 and " + (hidden.length - LIST_CAP) + " more: use Find", "gk-muted"));
      panel.appendChild(ul);
    } };
    current.render();
  }
  function pinIssue(i) {
    if (GK.mode !== "overview") drawOverview();
    if (GK.shownIssues.indexOf(i) < 0 && GK.hiddenIssues.indexOf(i) >= 0) { state.pinnedIssues[i] = 1; drawOverview(); }
    if (GK.shownIssues.indexOf(i) >= 0) network.selectNodes([i]);
    showIssue(i);
  }
  function pinActor(a) {
    if (GK.mode !== "overview") drawOverview();
    if (GK.shownActors.indexOf(a) < 0) { state.pinned[a] = 1; drawOverview(); }
    network.selectNodes([a]);
    showActor(a);
  }
  function defaultPanel() {
    current = { render: function () {
      panel.textContent = "";
      panel.appendChild(el("p", "Click an actor, an issue or a line between them to list the claims, with their " +
        "sentence, date and article. Undated claims are hidden while a date range is set.", "gk-muted"));
      if (shownClaims.length) {
        var b = el("button", "claim graph of all " + plural(shownClaims.length, "claim") + " shown");
        b.type = "button"; b.id = "gk-claimgraph";
        b.addEventListener("click", function () {
          var ids = data.claims.map(function (c) { return c.id; });
          drawClaims(ids, "the claims in the filters");
        });
        panel.appendChild(b);
      }
      var tl = timeline(shownClaims);
      if (tl) panel.appendChild(tl);
    } };
    current.render();
  }
  GK.showActor = showActor; GK.showIssue = showIssue; GK.showPair = showPair; GK.showDoc = showDoc;

  network.on("click", function (p) {
    if (p.nodes.length) {
      var id = p.nodes[0], k = nodeInfo[id] && nodeInfo[id].kind;
      if (k === "actor") showActor(id);
      else if (k === "issue") showIssue(id);
      else if (HIDDEN[k]) showHidden(k);
      else if (k === "claim") showClaims("Claim", "", function () { return [id]; }, "this claim");
      else if (k === "doc") showDoc(id);
      else if (k === "place") showClaims(placeById[id] ? placeById[id].label : id, "place",
        idsWhere(function (c) { return list(c.places).indexOf(id) >= 0; }), placeById[id] ? placeById[id].label : id);
    } else if (p.edges.length) {
      var e = edgeInfo[p.edges[0]];
      if (!e) return;
      if (e.kind === "pair") showPair(e.actor, e.issue);
      else if (e.kind === "contra") showContra(e);
    }
  });

  // ------------------------------------------------------------ header: filters, more, back
  [$issue, $atype, $since, $until].forEach(function (x) { x.addEventListener("change", redraw); });
  document.getElementById("gk-reset").addEventListener("click", function () {
    $issue.value = ""; $atype.value = ""; $since.value = ""; $until.value = "";
    state.extra = 0; state.pinned = {}; state.extraIssues = 0; state.pinnedIssues = {};
    redraw();
  });
  $more.addEventListener("click", function () { state.extra += ACTOR_STEP; drawOverview(); });
  $back.addEventListener("click", function () { drawOverview(); if (current) current.render(); });
  GK.redraw = redraw;
  GK.applyFilters = redraw;
  GK.drawOverview = drawOverview;
  // the overview is laid out to the canvas's size: lay it out again when that size changes
  var resizeTimer = null, lastSize = null;
  function onResize() {
    var size = container.clientWidth + "x" + container.clientHeight;
    if (size === lastSize) return;
    lastSize = size;
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(function () { if (GK.mode === "overview" && GK.ready) drawOverview(); }, 200);
  }
  if (window.ResizeObserver) new ResizeObserver(onResize).observe(container);
  else window.addEventListener("resize", onResize);

  // ------------------------------------------------------------ search
  var $q = document.getElementById("gk-q"), $found = document.getElementById("gk-found");
  (function names() {
    var dlist = document.getElementById("gk-names"), seen = {}, k = 0;
    data.actors.concat(data.issues).forEach(function (n) {
      if (k >= 3000 || seen[n.label]) return;
      seen[n.label] = 1; k++;
      var o = el("option"); o.value = n.label; dlist.appendChild(o);
    });
  })();
  function search(q) {
    var f = fold(q).trim();
    if (!f) { $found.textContent = ""; return null; }
    function rank(label) {
      var l = fold(label);
      return l === f ? 0 : l.indexOf(f) === 0 || l.indexOf(" " + f) >= 0 ? 1 : l.indexOf(f) >= 0 ? 2 : 9;
    }
    var best = null;
    data.actors.forEach(function (a) { var r = rank(a.label); if (r < 9 && (!best || r < best.r)) best = { r: r, kind: "actor", id: a.id }; });
    data.issues.forEach(function (i) { var r = rank(i.label); if (r < 9 && (!best || r < best.r)) best = { r: r, kind: "issue", id: i.id }; });
    if (best) {
      if (GK.mode !== "overview") drawOverview();
      if (best.kind === "actor") pinActor(best.id);
      else pinIssue(best.id);
      $found.textContent = best.kind + ": " + (best.kind === "actor" ? actorLabel(best.id) : issueLabel(best.id));
      return best.id;
    }
    var doc = data.docs.filter(function (d) { return rank(d.title) < 9; })[0];
    if (doc) { showDoc(doc.id); $found.textContent = "article"; return doc.id; }
    var ids = data.claims.filter(function (c) {
      return fold(c.text).indexOf(f) >= 0 || fold(c.sentence || "").indexOf(f) >= 0;
    }).map(function (c) { return c.id; });
    if (!ids.length) { $found.textContent = "no match"; return null; }
    showClaims("Claims with \u201c" + q + "\u201d", "", function () { return ids; }, "the claims with \u201c" + short(q, 30) + "\u201d");
    $found.textContent = plural(ids.length, "claim");
    return ids;
  }
  document.getElementById("gk-search").addEventListener("submit", function (ev) {
    ev.preventDefault();
    search($q.value);
  });
  GK.search = search;

  // ------------------------------------------------------------ first draw
  if (data.note) {
    var note = document.getElementById("gk-note");
    note.textContent = data.note;
    note.hidden = false;
  }
  GK.marks.parsed = performance.now();
  refilter();
  drawOverview();
  defaultPanel();
  GK.marks.network = performance.now();
})();
