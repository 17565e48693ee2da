/**
 * Node layers for the layered null model and for `--vertex-colours layer`: from the graph itself
 * (native format), from layer sizes (`--layers 31,30,30,4`: consecutive id ranges, inputs first),
 * or inferred as the longest path from a source when the graph is a DAG.
 */
import { NnmotifsError } from "../core/errors.js";
import { log } from "../core/log.js";
import type { Digraph } from "./digraph.js";

/**
 * Layers from sizes: the first sizes[0] ids are layer 0, the next sizes[1] layer 1, … The sizes
 * may sum to more than the graph's id range: units after the highest id are isolated (a graph
 * whose last units lost every edge), and have no node to label. `nodeIds` (a graph with mapped
 * sparse ids) gives each node's file id; without it the id is the index.
 */
export function layersFromSizes(
  sizes: readonly number[],
  nodeCount: number,
  nodeIds?: Float64Array,
): Int32Array {
  let total = 0;
  for (const s of sizes) {
    if (!Number.isInteger(s) || s <= 0) {
      throw new NnmotifsError(
        `invalid layer size ${s}. Layer sizes should be positive integers, e.g. 31,30,30,4.`,
      );
    }
    total += s;
  }
  const range =
    nodeIds !== undefined && nodeIds.length > 0 ? nodeIds[nodeIds.length - 1] + 1 : nodeCount;
  if (total < range) {
    throw new NnmotifsError(
      `layer sizes ${sizes.join(",")} sum to ${total}. Should sum to the number of nodes (${range}) or more (trailing units without edges).`,
    );
  }
  const layers = new Int32Array(nodeCount);
  if (nodeIds === undefined) {
    let v = 0;
    for (let layer = 0; layer < sizes.length && v < nodeCount; layer++) {
      const end = Math.min(nodeCount, v + sizes[layer]);
      layers.fill(layer, v, end);
      v = end;
    }
    return layers;
  }
  // Ids increase with the index: walk the layer boundaries alongside.
  let layer = 0;
  let end = sizes[0];
  for (let v = 0; v < nodeCount; v++) {
    while (nodeIds[v] >= end) end += sizes[++layer];
    layers[v] = layer;
  }
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

/** Sizes of layers 0..max: how many nodes each layer has. */
export function layerCounts(layers: Int32Array): number[] {
  const counts: number[] = [];
  for (let v = 0; v < layers.length; v++) {
    const layer = layers[v];
    while (counts.length <= layer) counts.push(0);
    counts[layer]++;
  }
  return counts;
}

/**
 * The layers to use: explicit sizes first, else the graph's own `nodeLayer`, else longest-path
 * layers of a DAG — with a warning naming the inferred sizes, because longest-path layers move a
 * unit that lost all its inputs to layer 0 and then every unit it feeds, so they can differ from
 * the network's layers (33,29,29,4 instead of 31,30,30,4 on the anchor's init graph). Throws a
 * clear NnmotifsError when none applies.
 */
export function resolveLayers(
  g: Digraph,
  sizes?: readonly number[] | null,
  file?: string,
): Int32Array {
  if (sizes !== undefined && sizes !== null) return layersFromSizes(sizes, g.nodeCount, g.nodeIds);
  if (g.nodeLayer !== undefined) return g.nodeLayer;
  const inferred = longestPathLayers(g);
  if (inferred === null) {
    throw new NnmotifsError(
      "the graph has no node layers and is not a DAG, so layers cannot be inferred. Give --layers (e.g. 31,30,30,4) or a native graph with layers.",
      { file },
    );
  }
  log().warn(
    `${file ?? "graph"}: no node layers given; inferred by longest path: layer sizes ${layerCounts(inferred).join(",")}. ` +
      "Units that lost all their inputs may move to an earlier layer; give --layers (e.g. 31,30,30,4) or a native graph with layers for the network's own layers.",
  );
  return inferred;
}
