/**
 * Node layers for the layered null model and for `--vertex-colours layer`: from the graph itself
 * (native format), from layer sizes (`--layers 31,30,30,4`: consecutive id ranges, inputs first),
 * or inferred as the longest path from a source when the graph is a DAG.
 */
import { NnmotifsError } from "../core/errors.js";
import type { Digraph } from "./digraph.js";

/** Layers from sizes: the first sizes[0] ids are layer 0, the next sizes[1] layer 1, … */
export function layersFromSizes(sizes: readonly number[], nodeCount: number): Int32Array {
  let total = 0;
  for (const s of sizes) {
    if (!Number.isInteger(s) || s <= 0) {
      throw new NnmotifsError(
        `invalid layer size ${s}. Layer sizes should be positive integers, e.g. 31,30,30,4.`,
      );
    }
    total += s;
  }
  if (total !== nodeCount) {
    throw new NnmotifsError(
      `layer sizes ${sizes.join(",")} sum to ${total}. Should sum to the number of nodes (${nodeCount}).`,
    );
  }
  const layers = new Int32Array(nodeCount);
  let v = 0;
  sizes.forEach((s, layer) => {
    layers.fill(layer, v, v + s);
    v += s;
  });
  return layers;
}

/** Parse "31,30,30,4" into sizes (throws NnmotifsError naming what is allowed). */
export function parseLayerSizes(text: string): number[] {
  const parts = text.split(",").map((p) => p.trim());
  const sizes = parts.map(Number);
  if (parts.some((p) => !/^\d+$/.test(p)) || sizes.some((s) => s <= 0)) {
    throw new NnmotifsError(
      `invalid --layers "${text}". Should be comma-separated positive integers, e.g. 31,30,30,4.`,
    );
  }
  return sizes;
}

/**
 * Longest-path layering: sources are layer 0, every other node is 1 + the largest layer among its
 * predecessors. Returns null when the graph has a directed cycle (mutual edges included).
 */
export function longestPathLayers(g: Digraph): Int32Array | null {
  const n = g.nodeCount;
  const m = g.edgeSrc.length;
  const indegree = new Int32Array(n);
  const outStart = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) {
    indegree[g.edgeTrg[e]]++;
    outStart[g.edgeSrc[e] + 1]++;
  }
  for (let v = 0; v < n; v++) outStart[v + 1] += outStart[v];
  const fill = outStart.slice(0, n);
  const out = new Int32Array(m);
  for (let e = 0; e < m; e++) out[fill[g.edgeSrc[e]]++] = g.edgeTrg[e];
  const layers = new Int32Array(n);
  const queue = new Int32Array(n);
  let head = 0;
  let tail = 0;
  for (let v = 0; v < n; v++) if (indegree[v] === 0) queue[tail++] = v;
  while (head < tail) {
    const v = queue[head++];
    for (let i = outStart[v]; i < outStart[v + 1]; i++) {
      const w = out[i];
      if (layers[v] + 1 > layers[w]) layers[w] = layers[v] + 1;
      if (--indegree[w] === 0) queue[tail++] = w;
    }
  }
  return tail === n ? layers : null;
}

/**
 * The layers to use: explicit sizes first, else the graph's own `nodeLayer`, else longest-path
 * layers of a DAG. Throws a clear NnmotifsError when none applies.
 */
export function resolveLayers(
  g: Digraph,
  sizes?: readonly number[] | null,
  file?: string,
): Int32Array {
  if (sizes !== undefined && sizes !== null) return layersFromSizes(sizes, g.nodeCount);
  if (g.nodeLayer !== undefined) return g.nodeLayer;
  const inferred = longestPathLayers(g);
  if (inferred === null) {
    throw new NnmotifsError(
      "the graph has no node layers and is not a DAG, so layers cannot be inferred. Give --layers (e.g. 31,30,30,4) or a native graph with layers.",
      { file },
    );
  }
  return inferred;
}
