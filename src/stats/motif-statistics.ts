/**
 * Motif significance (SPEC §7): each class's frequency in the original graph against its
 * frequencies in N random networks.
 *
 * - Z = (f − mean f_rand) / sd f_rand, sd with the n−1 denominator (FANMOD); `null` when sd = 0
 *   (every random network had the same frequency) or when there are fewer than two networks.
 * - pOver = share of random networks whose frequency is strictly greater than the original's
 *   (FANMOD's p); pUnder = share strictly smaller.
 * - zCount: the same Z on raw counts (mfinder/gtrieScanner convention).
 * - sp: the normalised significance profile SP_i = Z_i / sqrt(Σ_j Z_j²) over the classes whose Z
 *   is defined (Milo et al. 2004); `null` where Z is null or every Z is 0.
 */

export interface MeanSd {
  readonly mean: number;
  /** Sample standard deviation (n−1 denominator); exactly 0 when all values are equal or n < 2. */
  readonly sd: number;
}

export function meanAndSd(values: ArrayLike<number>): MeanSd {
  const n = values.length;
  if (n === 0) return { mean: NaN, sd: 0 };
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  // All equal: the mean is that value and sd is exactly 0 (the two-pass formula could leave 1e-18).
  if (min === max) return { mean: min, sd: 0 };
  const mean = sum / n;
  if (n < 2) return { mean, sd: 0 };
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (values[i] - mean) ** 2;
  return { mean, sd: Math.sqrt(squares / (n - 1)) };
}

/** (x − mean) / sd, or null when sd is 0 (undefined Z, documented and tested). */
export function zScore(x: number, { mean, sd }: MeanSd): number | null {
  if (!(sd > 0) || !Number.isFinite(mean)) return null;
  return (x - mean) / sd;
}

/** Share of `values` strictly greater than x (0 when values is empty). */
export function shareGreater(x: number, values: ArrayLike<number>): number {
  let k = 0;
  for (let i = 0; i < values.length; i++) if (values[i] > x) k++;
  return values.length === 0 ? 0 : k / values.length;
}

/** Share of `values` strictly smaller than x (0 when values is empty). */
export function shareSmaller(x: number, values: ArrayLike<number>): number {
  let k = 0;
  for (let i = 0; i < values.length; i++) if (values[i] < x) k++;
  return values.length === 0 ? 0 : k / values.length;
}

/** SP_i = Z_i / ‖Z‖ over defined Z; null where Z is null, and everywhere when ‖Z‖ = 0. */
export function significanceProfile(z: ReadonlyArray<number | null>): Array<number | null> {
  let squares = 0;
  for (const v of z) if (v !== null) squares += v * v;
  const norm = Math.sqrt(squares);
  return z.map((v) => (v === null || norm === 0 ? null : v / norm));
}

/** Input: the original counts and, per random network, the counts of the same classes. */
export interface MotifStatisticsInput {
  /** Count of each class in the original graph (K classes). */
  readonly counts: ArrayLike<number>;
  /** Total number of k-subgraphs of the original graph. */
  readonly total: number;
  /** Counts in the random networks, row-major N×K: randomCounts[i*K + c]. */
  readonly randomCounts: ArrayLike<number>;
  /** Total number of k-subgraphs of each random network (N). */
  readonly randomTotals: ArrayLike<number>;
}

export interface MotifStatistic {
  readonly count: number;
  /** Concentration in the original: count / total (a fraction). */
  readonly frequency: number;
  readonly randomMean: number;
  readonly randomSd: number;
  readonly z: number | null;
  readonly pOver: number;
  readonly pUnder: number;
  readonly randomCountMean: number;
  readonly randomCountSd: number;
  readonly zCount: number | null;
  readonly sp: number | null;
}

export function motifStatistics(input: MotifStatisticsInput): MotifStatistic[] {
  const K = input.counts.length;
  const N = input.randomTotals.length;
  if (input.randomCounts.length !== N * K) {
    throw new RangeError(
      `motifStatistics: \`randomCounts\` has ${input.randomCounts.length} entries. Should have networks × classes = ${N * K}.`,
    );
  }
  const freq = new Float64Array(N);
  const counts = new Float64Array(N);
  const partial: Omit<MotifStatistic, "sp">[] = [];
  for (let c = 0; c < K; c++) {
    for (let i = 0; i < N; i++) {
      counts[i] = input.randomCounts[i * K + c];
      const t = input.randomTotals[i];
      freq[i] = t > 0 ? counts[i] / t : 0;
    }
    const count = input.counts[c];
    const frequency = input.total > 0 ? count / input.total : 0;
    const f = meanAndSd(freq);
    const k = meanAndSd(counts);
    partial.push({
      count,
      frequency,
      randomMean: N === 0 ? NaN : f.mean,
      randomSd: f.sd,
      z: zScore(frequency, f),
      pOver: shareGreater(frequency, freq),
      pUnder: shareSmaller(frequency, freq),
      randomCountMean: N === 0 ? NaN : k.mean,
      randomCountSd: k.sd,
      zCount: zScore(count, k),
    });
  }
  const sp = significanceProfile(partial.map((s) => s.z));
  return partial.map((s, c) => ({ ...s, sp: sp[c] }));
}
