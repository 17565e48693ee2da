/** Small networks binned as the study bins them, for the shuffle and reinit null tests. */
import { binGraphs, type BinningScheme } from "../../src/graph/binning.js";
import type { Digraph } from "../../src/graph/digraph.js";
import { networkToDigraph } from "../../src/graph/from-network.js";
import { formatGraph, parseGraph } from "../../src/graph/read-graph.js";
import type { DenseNetwork } from "../../src/model/network.js";
import { initialNetwork } from "../../src/nn/mlp.js";
import type { InitialiserName } from "../../src/nn/initialisers.js";

export interface BinnedNetwork {
  readonly net: DenseNetwork;
  /** Every kernel entry an edge (SPEC §4.1). */
  readonly full: Digraph;
  /** Binned, written as native graph JSON and read back (what a census step reads). */
  readonly graph: Digraph;
}

/** A fresh network of `init`, binned alone with `scheme`, through a graph JSON round trip. */
export function binnedNetwork(
  layerSizes: readonly number[],
  init: InitialiserName,
  seed: number,
  scheme: BinningScheme = "paper",
  options: { cutoff?: number; quantile?: number } = {},
): BinnedNetwork {
  const net = initialNetwork(layerSizes, init, seed);
  const full = networkToDigraph(net);
  const [binned] = binGraphs([full], scheme, options).graphs;
  const graph = parseGraph(
    formatGraph({ ...binned, meta: { ...binned.meta, init } }, "json"),
    "net.graph.json",
  );
  return { net, full, graph };
}

/** Per kernel (source layer), per colour: kept edges. */
export function countsPerLayerAndColour(g: Digraph): Map<string, number> {
  const counts = new Map<string, number>();
  for (let e = 0; e < g.edgeSrc.length; e++) {
    const key = `${g.nodeLayer![g.edgeSrc[e]]}/${g.edgeColour[e]}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Per kernel (source layer): the sorted weights of the kept edges. */
export function keptWeightsPerLayer(g: Digraph): number[][] {
  const out: number[][] = [];
  for (let e = 0; e < g.edgeSrc.length; e++) {
    const k = g.nodeLayer![g.edgeSrc[e]];
    while (out.length <= k) out.push([]);
    out[k].push(g.edgeWeight![e]);
  }
  return out.map((w) => w.sort((a, b) => a - b));
}
