/**
 * The weight-shuffle null (SPEC §6.3): the weights of each layer permuted uniformly among that
 * layer's positions. Architecture and each layer's weight distribution are kept, their
 * arrangement is destroyed — what is left of a motif statistic then is learning's arrangement.
 */
import type { Rng } from "../core/random.js";

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
