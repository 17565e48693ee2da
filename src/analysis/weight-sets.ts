/**
 * The weights of a binned group as the weight analyses read them (SPEC §7 "Weights"): per network,
 * every kernel weight in SPEC §4.1 edge order with the colour the binning gave it (0 = the excluded
 * band, not an edge of the graph).
 */
import type { BinnedGroup } from "../graph/binning.js";
import { networkToDigraph } from "../graph/from-network.js";
import type { DenseNetwork } from "../model/network.js";

export interface WeightSet {
  /** A name for the tables: a model file's stem, or a study's data set ("initial" for the untrained). */
  readonly network: string;
  /** Units per layer, inputs first; layer ℓ's kernel holds layerSizes[ℓ−1] × layerSizes[ℓ] weights. */
  readonly layerSizes: readonly number[];
  /** Every kernel weight, layer by layer, i then j (SPEC §4.1). */
  readonly weights: ArrayLike<number>;
  /** The colour of each weight; 0 = removed by the binning. */
  readonly colours: ArrayLike<number>;
}

import { coloursOfEdges } from "../graph/kept-colours.js";

export { coloursOfEdges };

/** One WeightSet per network of a group binned together (`binGroup(nets, …)`). */
export function weightSetsOfGroup(
  names: readonly string[],
  nets: readonly DenseNetwork[],
  group: BinnedGroup,
): WeightSet[] {
  return nets.map((net, k) => {
    const full = networkToDigraph(net);
    return {
      network: names[k],
      layerSizes: net.layerSizes,
      weights: full.edgeWeight!,
      colours: coloursOfEdges(full, group.graphs[k]),
    };
  });
}
