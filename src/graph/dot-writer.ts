/**
 * Graphviz DOT export: one `rank=same` cluster per layer when the graph has layers (so `dot` draws a
 * network left to right, layer by layer), edges drawn in their census colour with `colour` kept as
 * an attribute, and the weight as `weight_value` (DOT's own `weight` is a layout hint).
 */
import type { Digraph } from "./digraph.js";
import { nodeNames } from "./xml-escape.js";

/**
 * RGB of census colours 1..7. With the paper binning 1 = strong negative (blue), 2 = mild (grey),
 * 3 = strong positive (red); 4..7 for other schemes.
 */
export const EDGE_COLOUR_RGB: Readonly<Record<number, readonly [number, number, number]>> = {
  1: [49, 104, 170],
  2: [150, 150, 150],
  3: [200, 55, 45],
  4: [46, 140, 80],
  5: [140, 90, 170],
  6: [220, 150, 30],
  7: [40, 40, 40],
};

function hex([r, g, b]: readonly [number, number, number]): string {
  return `#${[r, g, b].map((x) => x.toString(16).padStart(2, "0")).join("")}`;
}

function quote(text: string): string {
  return `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

export function formatDot(g: Digraph): string {
  const out: string[] = ["digraph nnmotifs {", "  rankdir=LR;", '  node [shape=circle, label=""];'];
  const names = nodeNames(g);
  if (g.nodeLayer) {
    const byLayer = new Map<number, number[]>();
    for (let v = 0; v < g.nodeCount; v++) {
      const list = byLayer.get(g.nodeLayer[v]) ?? [];
      list.push(v);
      byLayer.set(g.nodeLayer[v], list);
    }
    for (const [layer, nodes] of [...byLayer].sort((a, b) => a[0] - b[0])) {
      out.push(`  subgraph layer${layer} { rank=same; ${nodes.join("; ")}; }`);
    }
  }
  for (let v = 0; v < g.nodeCount; v++) out.push(`  ${v} [tooltip=${quote(names[v])}];`);
  for (let e = 0; e < g.edgeSrc.length; e++) {
    const c = g.edgeColour[e];
    const weight = g.edgeWeight ? `, weight_value=${g.edgeWeight[e]}` : "";
    out.push(
      `  ${g.edgeSrc[e]} -> ${g.edgeTrg[e]} [colour=${c}, color="${hex(EDGE_COLOUR_RGB[c] ?? [0, 0, 0])}"${weight}];`,
    );
  }
  out.push("}", "");
  return out.join("\n");
}
