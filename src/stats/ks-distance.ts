/**
 * The two-sample Kolmogorov–Smirnov distance D = sup_x |F_a(x) − F_b(x)| between the empirical
 * distribution functions of two samples (the statistic of `scipy.stats.ks_2samp`). SPEC §7 uses it
 * as an effect size of training on one layer's weights: unlike a p-value it does not grow with the
 * number of weights.
 */

/** Sorted copy of a sample; rejects empty samples and NaN, whose distribution is undefined. */
export function sortedSample(xs: ArrayLike<number>, what: string): Float64Array {
  if (xs.length === 0) throw new RangeError(`${what}: each sample needs at least 1 value`);
  const sorted = Float64Array.from(xs);
  for (let i = 0; i < sorted.length; i++) {
    if (Number.isNaN(sorted[i])) throw new RangeError(`${what}: the samples contain NaN`);
  }
  return sorted.sort();
}

/**
 * D in [0, 1]. Both sorted samples are walked once; at each distinct value every copy of it in
 * both samples is stepped over before the difference is taken, so ties count as the CDFs do
 * (F(x) = share of values ≤ x).
 */
export function ksDistance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const x = sortedSample(a, "ksDistance");
  const y = sortedSample(b, "ksDistance");
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < x.length && j < y.length) {
    const v = Math.min(x[i], y[j]);
    while (i < x.length && x[i] === v) i++;
    while (j < y.length && y[j] === v) j++;
    const diff = Math.abs(i / x.length - j / y.length);
    if (diff > d) d = diff;
  }
  // Past the end of one sample the other's CDF only climbs towards 1: the gap only shrinks.
  return d;
}
