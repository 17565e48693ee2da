/**
 * What training did to each layer's weights, respecting that the weights are paired (SPEC §7
 * "Weights"): w_trained = w_initial + Δ, weight by weight. Per trained network and layer: the
 * paired differences Δ (mean, sd, Cohen's d_z = mean Δ / sd Δ), how far the weight distribution
 * moved (two-sample KS distance and Wasserstein-1, in weight units) and the share of weights whose
 * colour changed under the group's shared bins (into, out of or across the excluded band).
 * Effect sizes, not tests: with thousands of weights any change is "significant".
 */
import { NnmotifsError } from "../core/errors.js";
import { ksDistance } from "../stats/ks-distance.js";
import { pairedEffect } from "../stats/paired-effect.js";
import { wasserstein1 } from "../stats/wasserstein.js";
import type { WeightSet } from "./weight-sets.js";

export interface WeightPairedRow {
  readonly network: string;
  /** 1-based: layer ℓ's kernel connects layer ℓ−1's units to layer ℓ's. */
  readonly layer: number;
  readonly unitsIn: number;
  readonly unitsOut: number;
  /** Weights in the layer (= pairs). */
  readonly n: number;
  readonly meanDelta: number;
  /** Sample sd of Δ (n − 1); null below 2 pairs. */
  readonly sdDelta: number | null;
  /** mean Δ / sd Δ; null when sd Δ is 0 or undefined. */
  readonly cohensD: number | null;
  /** sup |F_initial − F_trained| of the layer's weights. */
  readonly ks: number;
  /** ∫ |F_initial − F_trained| dw. */
  readonly wasserstein: number;
  /** Share of the layer's weights whose colour differs between the two networks (0 = excluded). */
  readonly changedColour: number;
}

function sameShape(initial: WeightSet, net: WeightSet): boolean {
  const a = initial.layerSizes;
  const b = net.layerSizes;
  return (
    a.length === b.length &&
    a.every((x, i) => x === b[i]) &&
    initial.weights.length === net.weights.length
  );
}

/** One row per trained network and layer, in network then layer order. */
export function weightPaired(initial: WeightSet, trained: readonly WeightSet[]): WeightPairedRow[] {
  const rows: WeightPairedRow[] = [];
  for (const net of trained) {
    if (!sameShape(initial, net)) {
      throw new NnmotifsError(
        `${net.network} has layers ${net.layerSizes.join("-")} but the initial network ${initial.network} has ${initial.layerSizes.join("-")}. The paired weight analysis needs a network trained from the initial one.`,
      );
    }
    const before = Float64Array.from(initial.weights);
    const after = Float64Array.from(net.weights);
    let offset = 0;
    for (let layer = 1; layer < initial.layerSizes.length; layer++) {
      const unitsIn = initial.layerSizes[layer - 1];
      const unitsOut = initial.layerSizes[layer];
      const n = unitsIn * unitsOut;
      const a = before.subarray(offset, offset + n);
      const b = after.subarray(offset, offset + n);
      let changed = 0;
      for (let e = offset; e < offset + n; e++)
        if (initial.colours[e] !== net.colours[e]) changed++;
      const effect = pairedEffect(a, b);
      rows.push({
        network: net.network,
        layer,
        unitsIn,
        unitsOut,
        n,
        meanDelta: effect.meanDelta,
        sdDelta: Number.isFinite(effect.sdDelta) ? effect.sdDelta : null,
        cohensD: effect.cohensD,
        ks: ksDistance(a, b),
        wasserstein: wasserstein1(a, b),
        changedColour: changed / n,
      });
      offset += n;
    }
  }
  return rows;
}
