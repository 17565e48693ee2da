/**
 * The effect of training on paired weights: every trained weight is its initial weight plus a
 * change, w_trained = w_initial + Δ, so the two samples are not independent and an unpaired test
 * (Welch's) misstates their difference (SPEC §7). This summarises the differences Δ themselves.
 */

export interface PairedEffect {
  readonly n: number;
  /** Mean of Δ = trained − initial. */
  readonly meanDelta: number;
  /** Sample standard deviation of Δ (n − 1 denominator); NaN for n < 2. */
  readonly sdDelta: number;
  /**
   * Cohen's d of the pairs (d_z): mean Δ / sd Δ, the mean change in units of its own spread; null
   * when sd Δ is 0 or undefined (every weight moved by the same amount, or fewer than 2 pairs).
   */
  readonly cohensD: number | null;
}

/** Paired differences of two equally long samples, element i of one paired with element i of the other. */
export function pairedEffect(initial: ArrayLike<number>, trained: ArrayLike<number>): PairedEffect {
  const n = initial.length;
  if (trained.length !== n) {
    throw new RangeError(
      `pairedEffect: the samples must pair up, but have ${n} and ${trained.length} values`,
    );
  }
  if (n === 0) throw new RangeError("pairedEffect: needs at least 1 pair");
  let sum = 0;
  for (let i = 0; i < n; i++) sum += trained[i] - initial[i];
  const meanDelta = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (trained[i] - initial[i] - meanDelta) ** 2;
  const sdDelta = n < 2 ? NaN : Math.sqrt(ss / (n - 1));
  const cohensD = sdDelta > 0 ? meanDelta / sdDelta : null;
  return { n, meanDelta, sdDelta, cohensD };
}
