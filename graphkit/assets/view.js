/* graphkit view: legend, search, filters and side panel over vis-network.
 * Every string from the data is written with textContent or as a DOM text node:
 * article text never becomes markup. Only http(s) URLs become links. */
(function () {
  "use strict";
  var t0 = performance.now();
  var data = JSON.parse(document.getElementById("gk-data").textContent);
  var GK = (window.graphkit = { ready: false, firstDrawMs: null, stabilizedMs: null, data: data, marks: { start: t0 } });

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
  function quoted(t) { // claim text may carry its own quotation marks
    t = String(t);
    return /^[\u201c\u2018"'\u00ab]/.test(t) ? t : "\u201c" + t + "\u201d";
  }
  function list(v) {
    return Array.isArray(v) ? v : v === undefined || v === null || v === "" ? [] : [v];
  }

  // ------------------------------------------------------------ data and indexes
  var byId = {};
  var claims = [];
  data.nodes.forEach(function (n) {
    byId[n.id] = n;
    if (n.d.type === "claim") claims.push(n);
  });
  var neighbours = {}; // claim id -> non-claim node ids it links to (either direction)
  var speakerOf = {};
  var related = {}; // node id -> claim ids linked to it
  var contradictions = {}; // claim id -> [{other, reason}]
  function push(map, k, v) {
    (map[k] || (map[k] = [])).push(v);
  }
  data.edges.forEach(function (e) {
    var a = byId[e.from], b = byId[e.to];
    if (!a || !b) return;
    var ac = a.d.type === "claim", bc = b.d.type === "claim";
    if (ac && bc) {
      if (e.label === "contradicts") {
        push(contradictions, a.id, { other: b.id, reason: e.d.reason });
        push(contradictions, b.id, { other: a.id, reason: e.d.reason });
      }
      return;
    }
    if (ac) { push(neighbours, a.id, b.id); push(related, b.id, a.id); }
    if (bc) { push(neighbours, b.id, a.id); push(related, a.id, b.id); }
    if (e.label === "said" && bc) speakerOf[b.id] = a.id;
  });
  claims.forEach(function (c) {
    if (!speakerOf[c.id] && c.d.speaker_id && byId[c.d.speaker_id]) speakerOf[c.id] = c.d.speaker_id;
  });

  // ------------------------------------------------------------ tooltips (DOM elements, never HTML strings)
  function tip(n) {
    var d = n.d, box = el("div", null, "gk-tip");
    if (d.type === "claim") {
      box.appendChild(el("div", (d.speaker || "unknown speaker") + (d.date ? " · " + d.date : "") +
        (d.stance ? " · " + d.stance : "")));
      box.appendChild(el("div", quoted(d.text || n.label)));
    } else {
      box.appendChild(el("div", n.label));
      var extra = d.type === "actor" ? (d.actor_type || "") + (d.n_claims !== undefined ? " · " + d.n_claims + " claims" : "")
        : d.n_claims !== undefined ? d.n_claims + " claims" : "";
      if (extra) box.appendChild(el("div", extra, "gk-muted"));
    }
    return box;
  }
  // vis gets only drawing fields: it deep-copies every field of every item, so the domain
  // data (`d`) stays in `byId` / `edgeById`, out of its DataSets
  var large = !!data.large;
  var edgeById = {};
  var visNodes = data.nodes.map(function (n) {
    return { id: n.id, label: n.label, shape: n.shape, color: n.color, size: n.size, x: n.x, y: n.y, title: tip(n) };
  });
  var visEdges = data.edges.map(function (e) {
    edgeById[e.id] = e;
    var v = { id: e.id, from: e.from, to: e.to, color: e.color, dashes: large ? false : e.dashes };
    if (!large) v.label = e.label; // large graphs: labels come when zoomed in (see below)
    var extra = e.d.reason || e.d.trigger;
    if (extra) v.title = el("div", e.label + ": " + extra, "gk-tip");
    return v;
  });
  GK.marks.parsed = performance.now();
  var nodes = new vis.DataSet(visNodes);
  var edges = new vis.DataSet(visEdges);
  GK.nodes = nodes;
  GK.edges = edges;
  GK.byId = byId;

  // ------------------------------------------------------------ header, note, legend
  if (data.note) {
    var note = document.getElementById("gk-note");
    note.textContent = data.note;
    note.hidden = false;
  }
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
  function lineIcon(color, dashes) {
    var s = document.createElementNS(SVGNS, "svg");
    s.setAttribute("width", "22"); s.setAttribute("height", "8");
    var l = document.createElementNS(SVGNS, "line");
    l.setAttribute("x1", "0"); l.setAttribute("y1", "4"); l.setAttribute("x2", "22"); l.setAttribute("y2", "4");
    l.setAttribute("stroke", color); l.setAttribute("stroke-width", "2");
    if (dashes) l.setAttribute("stroke-dasharray", "4 3");
    s.appendChild(l);
    return s;
  }
  (function legend() {
    var box = document.getElementById("gk-legend");
    var types = {}, rels = {};
    data.nodes.forEach(function (n) { types[n.d.type] = (types[n.d.type] || 0) + 1; });
    data.edges.forEach(function (e) { rels[e.label] = (rels[e.label] || 0) + 1; });
    box.appendChild(el("h2", "Nodes"));
    Object.keys(data.styles.nodes).forEach(function (t) {
      if (!types[t]) return;
      var st = data.styles.nodes[t], row = el("div");
      row.appendChild(shapeIcon(st.shape, st.color));
      row.appendChild(el("span", st.legend + " (" + types[t].toLocaleString("en") + ")"));
      box.appendChild(row);
    });
    if (Object.keys(rels).length) box.appendChild(el("h2", "Edges"));
    Object.keys(rels).sort().forEach(function (r) {
      var st = data.styles.edges[r] || data.styles.edges.other, row = el("div");
      row.appendChild(lineIcon(st.color, st.dashes));
      row.appendChild(el("span", r + " (" + rels[r].toLocaleString("en") + ")"));
      box.appendChild(row);
    });
  })();

  // ------------------------------------------------------------ filters
  var $issue = document.getElementById("gk-issue"), $atype = document.getElementById("gk-atype");
  var $since = document.getElementById("gk-since"), $until = document.getElementById("gk-until");
  var $count = document.getElementById("gk-count");
  (function fillSelects() {
    var issues = {}, atypes = {};
    claims.forEach(function (c) { list(c.d.issues).forEach(function (i) { issues[i] = 1; }); });
    data.nodes.forEach(function (n) {
      if (n.d.type === "issue") issues[n.d.name || n.label] = 1;
      if (n.d.type === "actor" && n.d.actor_type) atypes[n.d.actor_type] = 1;
    });
    Object.keys(issues).sort(function (a, b) { return a.localeCompare(b); }).forEach(function (i) {
      var o = el("option", i); o.value = i; $issue.appendChild(o);
    });
    Object.keys(atypes).sort().forEach(function (t) {
      var o = el("option", t); o.value = t; $atype.appendChild(o);
    });
  })();
  function lo(s) { return s.length === 4 ? s + "-01-01" : s.length === 7 ? s + "-01" : s.slice(0, 10); }
  function hi(s) { return s.length === 4 ? s + "-12-31" : s.length === 7 ? s + "-31" : s.slice(0, 10); }
  function claimPasses(c, f) {
    if (f.issue && list(c.d.issues).indexOf(f.issue) < 0) return false;
    if (f.atype) {
      var sp = byId[speakerOf[c.id]];
      if (!sp || sp.d.actor_type !== f.atype) return false;
    }
    if (f.since || f.until) {
      var d = typeof c.d.date === "string" && /^\d{4}(-\d\d){0,2}/.test(c.d.date) ? c.d.date : null;
      if (!d) return false; // a date range hides undated claims
      if (f.since && hi(d) < f.since) return false;
      if (f.until && lo(d) > f.until) return false;
    }
    return true;
  }
  function applyFilters() {
    var f = { issue: $issue.value, atype: $atype.value, since: $since.value, until: $until.value };
    var active = !!(f.issue || f.atype || f.since || f.until);
    var show = {}, shown = 0;
    if (!active) {
      data.nodes.forEach(function (n) { show[n.id] = true; });
      shown = claims.length;
    } else {
      claims.forEach(function (c) {
        if (claimPasses(c, f)) {
          show[c.id] = true; shown++;
          (neighbours[c.id] || []).forEach(function (o) {
            if (!f.atype || byId[o].d.type !== "actor" || byId[o].d.actor_type === f.atype) show[o] = true;
          });
        }
      });
    }
    var changes = [];
    nodes.forEach(function (n) {
      var hide = !show[n.id];
      if (!!n.hidden !== hide) changes.push({ id: n.id, hidden: hide });
    });
    if (changes.length) nodes.update(changes);
    // edges follow their nodes (vis would keep drawing edges whose ends are hidden)
    var echanges = [];
    edges.forEach(function (e) {
      var hide = !(show[e.from] && show[e.to]);
      if (!!e.hidden !== hide) echanges.push({ id: e.id, hidden: hide });
    });
    if (echanges.length) edges.update(echanges);
    $count.textContent = shown.toLocaleString("en") + " of " + claims.length.toLocaleString("en") + " claims shown";
    GK.visibleClaims = shown;
    return shown;
  }
  [$issue, $atype, $since, $until].forEach(function (x) { x.addEventListener("change", applyFilters); });
  document.getElementById("gk-reset").addEventListener("click", function () {
    $issue.value = ""; $atype.value = ""; $since.value = ""; $until.value = "";
    applyFilters();
  });
  GK.applyFilters = applyFilters;

  // ------------------------------------------------------------ side panel
  var panel = document.getElementById("gk-panel");
  function row(dl, k, v) {
    if (v === undefined || v === null || v === "" || (Array.isArray(v) && !v.length)) return;
    dl.appendChild(el("dt", k));
    var dd = el("dd");
    if (v instanceof Node) dd.appendChild(v); else dd.textContent = Array.isArray(v) ? v.join(", ") : String(v);
    dl.appendChild(dd);
  }
  function link(url, text) {
    var u = safeUrl(url);
    if (!u) return url ? el("span", String(url) + " (not a web link)") : null;
    var a = el("a", text || u);
    a.href = u; a.target = "_blank"; a.rel = "noopener noreferrer";
    return a;
  }
  function claimList(ids) {
    var ul = el("ul");
    ids.slice().sort(function (a, b) {
      return String(byId[a].d.date || "").localeCompare(String(byId[b].d.date || ""));
    }).slice(0, 300).forEach(function (id) {
      var c = byId[id], li = el("li", (c.d.date ? c.d.date + " — " : "") + (c.d.speaker ? c.d.speaker + ": " : "") +
        quoted(c.d.text || c.label));
      li.addEventListener("click", function () { select(id); });
      ul.appendChild(li);
    });
    if (ids.length > 300) ul.appendChild(el("li", "… and " + (ids.length - 300) + " more", "gk-muted"));
    return ul;
  }
  function showNode(id) {
    var n = byId[id];
    if (!n) return;
    var d = n.d, dl = el("dl");
    panel.textContent = "";
    if (d.type === "claim") {
      panel.appendChild(el("h2", "Claim"));
      panel.appendChild(el("blockquote", d.text || n.label));
      row(dl, "Speaker", d.speaker);
      row(dl, "Date", d.date || "unknown");
      row(dl, "Stance", d.stance);
      row(dl, "Kind", d.kind);
      row(dl, "Cue", d.cue);
      row(dl, "Issues", list(d.issues));
      row(dl, "Places", list(d.places));
      row(dl, "Publisher", d.source);
      var doc = (neighbours[id] || []).map(function (o) { return byId[o]; }).filter(function (o) { return o.d.type === "document"; })[0];
      if (doc) row(dl, "Article", doc.d.doc_title || doc.label);
      row(dl, "Source", link(d.url || (doc && doc.d.url), "open the article"));
      panel.appendChild(dl);
      var cs = contradictions[id] || [];
      if (cs.length) {
        panel.appendChild(el("h2", "Contradicts"));
        var ul = claimList(cs.map(function (x) { return x.other; }));
        panel.appendChild(ul);
      }
    } else {
      panel.appendChild(el("h2", n.d.name || n.d.doc_title || n.label));
      row(dl, "Kind", d.type === "actor" ? d.actor_type || "actor" : d.type === "place" ? d.place_type || "place" : d.type);
      row(dl, "Roles", list(d.roles));
      row(dl, "Claims", d.n_claims);
      row(dl, "Publisher", d.type === "document" ? d.source : null);
      row(dl, "Published", d.published);
      if (d.type === "place" && d.lat !== null && d.lat !== undefined) row(dl, "Coordinates", d.lat + ", " + d.lon);
      if (d.type === "document") row(dl, "Source", link(d.url, "open the article"));
      panel.appendChild(dl);
      var ids = related[id] || [];
      if (ids.length) {
        panel.appendChild(el("h2", d.type === "actor" ? "Said" : "Claims"));
        panel.appendChild(claimList(ids));
      }
    }
    if (nodes.get(id) && nodes.get(id).hidden) panel.appendChild(el("p", "Hidden by the filters above.", "gk-muted"));
  }
  function showEdge(eid) {
    var e = edgeById[eid];
    if (!e) return;
    panel.textContent = "";
    panel.appendChild(el("h2", e.label));
    var dl = el("dl");
    row(dl, "From", byId[e.from] ? byId[e.from].label : e.from);
    row(dl, "To", byId[e.to] ? byId[e.to].label : e.to);
    Object.keys(e.d || {}).forEach(function (k) { row(dl, k, e.d[k]); });
    panel.appendChild(dl);
  }
  GK.showNode = showNode;

  // ------------------------------------------------------------ network
  var container = document.getElementById("gk-net");
  var network = new vis.Network(container, {}, data.options);
  GK.network = network;
  network.once("afterDrawing", function () {
    GK.firstDrawMs = performance.now();
    if (!data.options.physics.enabled) GK.stabilizedMs = GK.firstDrawMs;
    GK.ready = true;
  });
  network.on("stabilized", function () { if (GK.stabilizedMs === null) GK.stabilizedMs = performance.now(); });
  var $physics = document.getElementById("gk-physics");
  $physics.checked = !!data.options.physics.enabled;
  if (data.options.physics.enabled) {
    // the layout is precomputed: let physics relax it for a few seconds, then stop (no endless CPU use)
    network.once("afterDrawing", function () {
      setTimeout(function () {
        if (GK.stabilizedMs === null) {
          network.setOptions({ physics: { enabled: false } });
          $physics.checked = false;
          GK.stabilizedMs = performance.now();
        }
      }, 4000);
    });
  }
  $physics.addEventListener("change", function () {
    network.setOptions({ physics: { enabled: $physics.checked } });
  });
  GK.marks.dataset = performance.now();
  network.setData({ nodes: nodes, edges: edges });
  network.fit({ animation: false });
  GK.marks.network = performance.now();
  if (large) {
    // drawing 10,000s of edge labels is slow and unreadable zoomed out: add them once zoomed in
    var labelled = false;
    var addLabels = function () {
      if (labelled || network.getScale() < 0.6) return;
      labelled = true;
      edges.update(data.edges.map(function (e) { return { id: e.id, label: e.label }; }));
    };
    network.on("zoom", addLabels);
    GK.addEdgeLabels = addLabels;
  }
  network.on("click", function (p) {
    if (p.nodes.length) showNode(p.nodes[0]);
    else if (p.edges.length) showEdge(p.edges[0]);
  });

  // ------------------------------------------------------------ search
  var $q = document.getElementById("gk-q"), $found = document.getElementById("gk-found");
  (function names() {
    var dlist = document.getElementById("gk-names"), seen = {}, k = 0;
    data.nodes.forEach(function (n) {
      if (k >= 2000 || n.d.type === "claim" || seen[n.label]) return;
      seen[n.label] = 1; k++;
      var o = el("option"); o.value = n.label; dlist.appendChild(o);
    });
  })();
  function select(id) {
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: false });
    if (GK.addEdgeLabels) GK.addEdgeLabels();
    showNode(id);
  }
  var last = { q: null, hits: [], i: -1 };
  function search(q) {
    var f = fold(q).trim();
    if (!f) { $found.textContent = ""; return []; }
    if (last.q !== f) {
      var exact = [], starts = [], inLabel = [], inText = [];
      data.nodes.forEach(function (n) {
        var l = fold(n.label), name = fold(n.d.name || "");
        if (l === f || name === f) exact.push(n.id);
        else if (l.indexOf(f) === 0 || l.indexOf(" " + f) >= 0) starts.push(n.id);
        else if (l.indexOf(f) >= 0 || name.indexOf(f) >= 0) inLabel.push(n.id);
        else if (fold(n.d.text || n.d.doc_title || "").indexOf(f) >= 0) inText.push(n.id);
      });
      last = { q: f, hits: exact.concat(starts, inLabel, inText), i: -1 };
    }
    if (!last.hits.length) { $found.textContent = "no match"; return []; }
    last.i = (last.i + 1) % last.hits.length;
    var id = last.hits[last.i];
    select(id);
    $found.textContent = (last.i + 1) + " of " + last.hits.length + ": " + byId[id].label;
    return last.hits.slice();
  }
  document.getElementById("gk-search").addEventListener("submit", function (ev) {
    ev.preventDefault();
    search($q.value);
  });
  GK.search = search;
  applyFilters();
})();
