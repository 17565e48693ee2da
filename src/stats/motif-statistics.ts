/**
 * Motif significance (SPEC §7): each class's count and frequency in the original graph against
 * the same class in N random networks.
 *
 * - pOver = (b_over + 1)/(N + 1), b_over = random networks whose COUNT is ≥ the original's;
 *   pUnder alike with ≤. The standard permutation p-value (Phipson & Smyth 2010, "Permutation
 *   p-values should never be zero"): the original is one more draw, so p ≥ 1/(N+1) and a valid
 *   test at every alpha. Counts, not concentrations: the total number of k-subgraphs itself varies
 *   under the null, so a concentration can move while the count the null fixes does not.
 * - shareOver / shareUnder: FANMOD's p, the share of random networks whose CONCENTRATION is
 *   strictly greater (smaller) than the original's; 0 is possible. Kept for `--format fanmod` and
 *   comparison with FANMOD's published files; nothing is decided on it.
 * - constrained: the count is the same in the original and in every random network (N ≥ 1). The
 *   null fixes it (it is a function of what the null preserves, e.g. degrees), so it carries no
 *   evidence: z and zCount are null and it is never called significant.
 * - Z = (f − mean f_rand) / sd f_rand, sd with the n−1 denominator (FANMOD); `null` when sd = 0
 *   (every random network had the same frequency), with fewer than two networks, or constrained.
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

/**
 * Permutation p-value (b + 1)/(N + 1), b = the number of `values` at least as extreme as x
 * (≥ x for "over", ≤ x for "under"); 1 when there are no values (N = 0 says nothing).
 */
export function permutationP(x: number, values: ArrayLike<number>, tail: "over" | "under"): number {
  let b = 0;
  for (let i = 0; i < values.length; i++) {
    if (tail === "over" ? values[i] >= x : values[i] <= x) b++;
  }
  return (b + 1) / (values.length + 1);
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
  /** (b_over + 1)/(N + 1) on counts (1 when N = 0). */
  readonly pOver: number;
  /** (b_under + 1)/(N + 1) on counts (1 when N = 0). */
  readonly pUnder: number;
  /** FANMOD's p: share of random concentrations strictly above the original's (0 when N = 0). */
  readonly shareOver: number;
  /** Share of random concentrations strictly below the original's (0 when N = 0). */
  readonly shareUnder: number;
  /** Count identical in the original and every random network (false when N = 0). */
  readonly constrained: boolean;
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
  // sp needs every z first; it is filled in place (a copy of each record cost ~60 MB at 67 000
  // classes).
  const stats: { -readonly [F in keyof MotifStatistic]: MotifStatistic[F] }[] = [];
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
    const constrained = N > 0 && counts.every((x) => x === count);
    stats.push({
      count,
      frequency,
      randomMean: N === 0 ? NaN : f.mean,
      randomSd: f.sd,
      z: constrained ? null : zScore(frequency, f),
      pOver: permutationP(count, counts, "over"),
      pUnder: permutationP(count, counts, "under"),
      shareOver: shareGreater(frequency, freq),
      shareUnder: shareSmaller(frequency, freq),
      constrained,
      randomCountMean: N === 0 ? NaN : k.mean,
      randomCountSd: k.sd,
      zCount: constrained ? null : zScore(count, k),
      sp: null,
    });
  }
  const sp = significanceProfile(stats.map((s) => s.z));
  for (let c = 0; c < K; c++) stats[c].sp = sp[c];
  return stats;
}
