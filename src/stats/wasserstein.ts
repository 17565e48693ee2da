/**
 * The Wasserstein-1 (earth mover's) distance between the empirical distributions of two samples,
 * W1 = ∫ |F_a(x) − F_b(x)| dx (what `scipy.stats.wasserstein_distance` computes for unweighted
 * samples). In the units of the weights: how far, on average, training moved the mass of a layer's
 * weight distribution, whatever the shape of the change (SPEC §7).
 */
import { sortedSample } from "./ks-distance.js";

/**
 * W1 ≥ 0. Between two consecutive values of the pooled samples both CDFs are constant, so the
 * integral is a sum of |F_a − F_b| × the width of each such interval, taken in one merged walk.
 */
export function wasserstein1(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const x = sortedSample(a, "wasserstein1");
  const y = sortedSample(b, "wasserstein1");
  let i = 0;
  let j = 0;
  let total = 0;
  let previous = Math.min(x[0], y[0]);
  while (i < x.length || j < y.length) {
    const v = j >= y.length || (i < x.length && x[i] <= y[j]) ? x[i] : y[j];
    // F_a and F_b on [previous, v): the shares of values < v, i.e. ≤ previous.
    total += Math.abs(i / x.length - j / y.length) * (v - previous);
    while (i < x.length && x[i] === v) i++;
    while (j < y.length && y[j] === v) j++;
    previous = v;
  }
  return total;
}
