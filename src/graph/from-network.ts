/**
 * SPEC §4.1: a dense network as a digraph. Nodes are the units, numbered layer by layer from the
 * inputs; the kernel entry W[i][j] of a layer with `offset` earlier units is the edge
 * (offset + i) → (offset + nIn + j). Every kernel entry is an edge (binning drops some later),
 * listed layer by layer, i then j — the order the FANMOD files are written in.
 *
 * The graph layer meets the network side only through the DenseNetwork contract (model/), as types.
 */
import type { DenseNetwork } from "../model/network.js";
import type { Digraph } from "./digraph.js";

export function networkToDigraph(net: DenseNetwork): Digraph {
  const nodeCount = net.layerSizes.reduce((a, b) => a + b, 0);
  const m = net.layers.reduce((a, l) => a + l.nIn * l.nOut, 0);
  const edgeSrc = new Int32Array(m);
  const edgeTrg = new Int32Array(m);
  const edgeWeight = new Float64Array(m);
  const nodeLayer = new Int32Array(nodeCount);
  const nodeBias = new Float64Array(nodeCount).fill(NaN, 0, net.layerSizes[0] ?? 0);
  let offset = 0;
  let e = 0;
  net.layers.forEach((layer, k) => {
    if (layer.nIn !== net.layerSizes[k] || layer.nOut !== net.layerSizes[k + 1]) {
      throw new RangeError(
        `networkToDigraph: layer ${k} is ${layer.nIn}×${layer.nOut} but layerSizes say ` +
          `${net.layerSizes[k]}×${net.layerSizes[k + 1]}.`,
      );
    }
    const first = offset + layer.nIn;
    nodeLayer.fill(k + 1, first, first + layer.nOut);
    nodeBias.set(layer.bias, first);
    for (let i = 0; i < layer.nIn; i++) {
      for (let j = 0; j < layer.nOut; j++) {
        edgeSrc[e] = offset + i;
        edgeTrg[e] = first + j;
        edgeWeight[e] = layer.kernel[i * layer.nOut + j];
        e++;
      }
    }
    offset = first;
  });
  return {
    nodeCount,
    edgeSrc,
    edgeTrg,
    edgeColour: new Uint8Array(m).fill(1),
    nodeLayer,
    edgeWeight,
    nodeBias,
    ...(net.source !== undefined ? { meta: { source: net.source } } : {}),
  };
}
