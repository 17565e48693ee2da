/**
 * GraphML export (for Gephi, Cytoscape, networkx `read_graphml`, igraph `read_graph(format="graphml")`):
 * nodes `n<id>` with `label` and, when known, `layer` and `bias`; directed edges with `colour`
 * (1..7, the census colour) and, when known, `weight`. `graphml.ts` reads it back to the same graph.
 */
import type { Digraph } from "./digraph.js";
import { nodeNames, xmlEscape } from "./xml-escape.js";

export function formatGraphml(g: Digraph): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
  ];
  if (g.nodeLayer) out.push('  <key id="layer" for="node" attr.name="layer" attr.type="int"/>');
  if (g.nodeBias) out.push('  <key id="bias" for="node" attr.name="bias" attr.type="double"/>');
  out.push('  <key id="colour" for="edge" attr.name="colour" attr.type="int"/>');
  if (g.edgeWeight)
    out.push('  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>');
  out.push('  <graph id="G" edgedefault="directed">');
  const names = nodeNames(g);
  for (let v = 0; v < g.nodeCount; v++) {
    let data = `<data key="label">${xmlEscape(names[v])}</data>`;
    if (g.nodeLayer) data += `<data key="layer">${g.nodeLayer[v]}</data>`;
    if (g.nodeBias && !Number.isNaN(g.nodeBias[v]))
      data += `<data key="bias">${g.nodeBias[v]}</data>`;
    out.push(`    <node id="n${v}">${data}</node>`);
  }
  for (let e = 0; e < g.edgeSrc.length; e++) {
    let data = `<data key="colour">${g.edgeColour[e]}</data>`;
    if (g.edgeWeight) data += `<data key="weight">${g.edgeWeight[e]}</data>`;
    out.push(`    <edge source="n${g.edgeSrc[e]}" target="n${g.edgeTrg[e]}">${data}</edge>`);
  }
  out.push("  </graph>", "</graphml>", "");
  return out.join("\n");
}
