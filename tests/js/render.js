// Gephi Lite's way of showing a file: parse it with graphology-gexf / graphology-graphml, hand the graph
// to Sigma.js. Bundled by esbuild into one script for tests/test_export_readers.py's browser case:
//   node_modules/.bin/esbuild render.js --bundle --format=iife --outfile=OUT.js
// window.renderExport(fmt, text) parses, places nodes that have no position, draws, and returns what
// Sigma drew; it throws what Sigma throws (e.g. a node `type` with no drawing program, gephi-lite#56).
import Graph from "graphology";
import Sigma from "sigma";
import gexf from "graphology-gexf/browser";
import graphml from "graphology-graphml/browser";

window.renderExport = (fmt, text) => {
  const parser = { gexf, graphml }[fmt];
  const graph = parser.parse(Graph, text);
  let i = 0;
  graph.forEachNode((node, attrs) => {
    i += 1;
    if (typeof attrs.x !== "number") graph.setNodeAttribute(node, "x", Math.cos(i) * i);
    if (typeof attrs.y !== "number") graph.setNodeAttribute(node, "y", Math.sin(i) * i);
  });
  const sigma = new Sigma(graph, document.getElementById("stage"));
  sigma.refresh();
  const drawn = graph.filterNodes((node) => sigma.getNodeDisplayData(node) !== undefined).length;
  sigma.kill();
  return { nodes: graph.order, edges: graph.size, drawn };
};
