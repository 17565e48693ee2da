/**
 * The inverse of networkToDigraph for a weighted, layered graph (a native graph JSON written by
 * `nnmotifs graph`): kernels from edge weights, biases from node biases. Edges a binning removed
 * are missing from such a graph; their kernel entries come back as 0 (and the caller is told how
 * many). Activations are not stored in graphs: hidden and output layers come back "linear".
 */
import { NnmotifsError, unsupported } from "../core/errors.js";
import type { DenseLayerWeights, DenseNetwork } from "../model/network.js";
import type { Digraph } from "./digraph.js";
import { layerSizesOf } from "./graph-json.js";

export interface RebuiltNetwork {
  readonly network: DenseNetwork;
  /** Kernel entries with no edge in the graph (set to 0). */
  readonly missingEdges: number;
}

export function digraphToNetwork(g: Digraph, file: string): RebuiltNetwork {
  const where = { file };
  if (g.edgeWeight === undefined) {
    throw unsupported("a graph without edge weights is not a model (no edges.weight).", where);
  }
  if (g.nodeLayer === undefined) {
    throw unsupported(
      "a graph without node layers is not a model (no layerSizes/nodeLayer).",
      where,
    );
  }
  const layerSizes = layerSizesOf(g.nodeLayer);
  if (layerSizes === undefined || layerSizes.length < 2) {
    throw unsupported("the graph's node layers are not consecutive id ranges 0, 1, 2, ….", where);
  }
  const starts: number[] = [];
  let offset = 0;
  for (const size of layerSizes) {
    starts.push(offset);
    offset += size;
  }
  const kernels = layerSizes.slice(1).map((nOut, k) => new Float64Array(layerSizes[k] * nOut));
  for (let e = 0; e < g.edgeSrc.length; e++) {
    const s = g.edgeSrc[e];
    const t = g.edgeTrg[e];
    const k = g.nodeLayer[s];
    if (g.nodeLayer[t] !== k + 1) {
      throw unsupported(
        `edge ${s} → ${t} joins layers ${k} and ${g.nodeLayer[t]}. A dense network only has edges from one layer to the next.`,
        where,
      );
    }
    kernels[k][(s - starts[k]) * layerSizes[k + 1] + (t - starts[k + 1])] = g.edgeWeight[e];
  }
  const layers: DenseLayerWeights[] = kernels.map((kernel, k) => {
    const bias = new Float64Array(layerSizes[k + 1]);
    if (g.nodeBias !== undefined) {
      for (let j = 0; j < bias.length; j++) {
        const b = g.nodeBias[starts[k + 1] + j];
        if (!Number.isFinite(b)) {
          throw new NnmotifsError(
            `node ${starts[k + 1] + j} has no bias (null) but is not an input unit.`,
            where,
          );
        }
        bias[j] = b;
      }
    }
    return {
      name: `dense_${k + 1}`,
      nIn: layerSizes[k],
      nOut: layerSizes[k + 1],
      kernel,
      bias,
      activation: "linear",
    };
  });
  const full = kernels.reduce((a, k) => a + k.length, 0);
  return { network: { layerSizes, layers, source: file }, missingEdges: full - g.edgeSrc.length };
}
