/**
 * The weight-shuffle null (SPEC §6.3): the weights of each layer permuted uniformly among that
 * layer's positions, then coloured with the original's rule (the same bin edges, not bins fitted
 * again). Architecture and each layer's weight distribution are kept — with a per-weight rule
 * (paper, sign, none) each layer keeps exactly its number of edges of every colour — and their
 * arrangement is destroyed: what is left of a motif statistic then is learning's arrangement.
 */
import type { Rng } from "../core/random.js";
import { colourLayer } from "../graph/colour-rule.js";
import {
  checkContextReproducesGraph,
  layeredDigraph,
  readNetworkNullContext,
} from "../graph/network-context.js";
import type { NullModel } from "./null-model.js";

/**
 * A uniform random permutation of each layer's weights (Fisher–Yates, layers in order, one `rng`),
 * returned as new arrays; the input is not changed. Each output layer holds the same multiset of
 * values as its input layer. With `new Rng(seed, i)` for replicate i, replicate i is the same
 * whatever the order or the thread that computes it.
 */
export function shuffleLayerWeights(
  weightsPerLayer: readonly Float64Array[],
  rng: Rng,
): Float64Array[] {
  return weightsPerLayer.map((layer) => {
    const out = Float64Array.from(layer);
    rng.shuffle(out);
    return out;
  });
}

/** The `shuffle` null model (SPEC §6.3) for the registry. */
export const shuffleNull: NullModel = {
  description:
    "weight shuffle: each layer's weights permuted among its positions, binned with the original's bin edges (same weights per layer, arrangement destroyed)",
  needsLayers: false,
  needsNetwork: true,
  contextDescription:
    "the network: layer sizes, every kernel weight per layer, the colour rule (graph/network-context.ts)",
  prepare: ({ graph, context }) => {
    const { layerSizes, layerWeights, colourRule } = readNetworkNullContext(context, "shuffle");
    checkContextReproducesGraph(graph, { layerSizes, layerWeights, colourRule });
    return (rng) => {
      const shuffled = shuffleLayerWeights(layerWeights, rng);
      const colours = shuffled.map((w, k) => colourLayer(colourRule, w, k));
      return { graph: layeredDigraph(layerSizes, shuffled, colours) };
    };
  },
};
