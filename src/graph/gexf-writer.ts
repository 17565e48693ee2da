/**
 * GEXF 1.3 export (Gephi's own format): nodes with `layer` (and `bias`) attributes, directed edges
 * with their `colour` attribute, the census colour drawn as an RGB colour (`viz:color`), and the
 * weight as GEXF's edge weight (its magnitude: Gephi sizes edges by it).
 */
import type { Digraph } from "./digraph.js";
import { EDGE_COLOUR_RGB } from "./dot-writer.js";
import { nodeNames, xmlEscape } from "./xml-escape.js";

export function formatGexf(g: Digraph): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">',
    '  <graph mode="static" defaultedgetype="directed">',
    '    <attributes class="node">',
    '      <attribute id="layer" title="layer" type="integer"/>',
    '      <attribute id="bias" title="bias" type="double"/>',
    "    </attributes>",
    '    <attributes class="edge">',
    '      <attribute id="colour" title="colour" type="integer"/>',
    '      <attribute id="signedWeight" title="signed weight" type="double"/>',
    "    </attributes>",
    "    <nodes>",
  ];
  const names = nodeNames(g);
  for (let v = 0; v < g.nodeCount; v++) {
    const values: string[] = [];
    if (g.nodeLayer) values.push(`<attvalue for="layer" value="${g.nodeLayer[v]}"/>`);
    if (g.nodeBias && !Number.isNaN(g.nodeBias[v])) {
      values.push(`<attvalue for="bias" value="${g.nodeBias[v]}"/>`);
    }
    const body = values.length > 0 ? `<attvalues>${values.join("")}</attvalues>` : "";
    out.push(`      <node id="${v}" label="${xmlEscape(names[v])}">${body}</node>`);
  }
  out.push("    </nodes>", "    <edges>");
  for (let e = 0; e < g.edgeSrc.length; e++) {
    const c = g.edgeColour[e];
    const [r, gr, b] = EDGE_COLOUR_RGB[c] ?? [0, 0, 0];
    const w = g.edgeWeight ? g.edgeWeight[e] : null;
    const weight = w === null ? "" : ` weight="${Math.abs(w)}"`;
    const signed = w === null ? "" : `<attvalue for="signedWeight" value="${w}"/>`;
    out.push(
      `      <edge id="${e}" source="${g.edgeSrc[e]}" target="${g.edgeTrg[e]}"${weight}>` +
        `<attvalues><attvalue for="colour" value="${c}"/>${signed}</attvalues>` +
        `<viz:color r="${r}" g="${gr}" b="${b}"/></edge>`,
    );
  }
  out.push("    </edges>", "  </graph>", "</gexf>", "");
  return out.join("\n");
}
