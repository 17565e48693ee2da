/**
 * Maximum-likelihood normal fit (SPEC §4.2 step 2): μ = mean, σ = population standard deviation.
 */

export interface NormalFit {
  readonly mean: number;
  /** Population standard deviation (n denominator), the ML estimate. */
  readonly sd: number;
}

/** ML fit of a normal distribution; NaN for an empty sample. */
export function fitNormal(xs: ArrayLike<number>): NormalFit {
  const n = xs.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += xs[i];
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (xs[i] - mean) ** 2;
  return { mean, sd: Math.sqrt(ss / n) };
}

/** Density of N(mean, sd²) at x; NaN when sd ≤ 0. */
export function normalPdf(x: number, mean: number, sd: number): number {
  if (!(sd > 0)) return NaN;
  const z = (x - mean) / sd;
  return Math.exp(-0.5 * z * z) / (sd * Math.sqrt(2 * Math.PI));
}
