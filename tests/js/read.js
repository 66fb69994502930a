// Read one graphkit export with the parser a graph tool uses; print what it read as one JSON line.
//   node read.js graphml FILE | node read.js gexf FILE | node read.js cytoscape FILE
// graphology-graphml and graphology-gexf are the parsers Gephi Lite imports files with; cytoscape is
// Cytoscape.js, whose JSON Cytoscape desktop also opens. Exit 1 with the parser's message on failure.
"use strict";
const fs = require("fs");

function summary(nodes, edges, nodeAttrs, edgeAttrs, edgeIds) {
  return { nodes, edges, node_attrs: nodeAttrs, edge_attrs: edgeAttrs, unique_edge_ids: new Set(edgeIds).size };
}

function readGraphology(parser, text) {
  const Graph = require("graphology");
  const g = parser.parse(Graph, text);
  const nodeAttrs = {}, edgeAttrs = {}, ids = [];
  g.forEachNode((n, a) => { nodeAttrs[n] = a; });
  g.forEachEdge((e, a, s, t) => { ids.push(e); edgeAttrs[e] = { source: s, target: t, ...a }; });
  return summary(g.order, g.size, nodeAttrs, edgeAttrs, ids);
}

function main() {
  const [fmt, file] = process.argv.slice(2);
  const text = fs.readFileSync(file, "utf8");
  let out;
  if (fmt === "graphml") out = readGraphology(require("graphology-graphml"), text);
  else if (fmt === "gexf") out = readGraphology(require("graphology-gexf"), text);
  else if (fmt === "cytoscape") {
    const cytoscape = require("cytoscape");
    const doc = JSON.parse(text);
    const cy = cytoscape({ headless: true, elements: doc.elements });
    const nodeAttrs = {}, edgeAttrs = {}, ids = [];
    cy.nodes().forEach((n) => { nodeAttrs[n.id()] = n.data(); });
    cy.edges().forEach((e) => { ids.push(e.id()); edgeAttrs[e.id()] = e.data(); });
    out = summary(cy.nodes().length, cy.edges().length, nodeAttrs, edgeAttrs, ids);
  } else throw new Error(`unknown format ${fmt}`);
  process.stdout.write(JSON.stringify(out) + "\n");
}

try {
  main();
} catch (e) {
  process.stderr.write(`${e && e.message ? e.message : e}\n`);
  process.exit(1);
}
