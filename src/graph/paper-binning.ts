/**
 * The authors' categories (SPEC §4.2), in the arithmetic of their numpy/scipy pipeline so that the
 * published FANMOD files are reproduced bit for bit:
 *
 * - Keras weights are float32 and stay float32 when pooled, so `scipy.stats.norm.fit` computes
 *   μ = w.mean() and σ = sqrt(((w − μ)²).mean()) in float32, with numpy's pairwise summation.
 * - `norm.pdf(w, μ, σ)` standardises in float32, z = (w − μ)/σ, then evaluates
 *   exp(−z²/2)/√(2π)/σ in float64.
 * - lo = 1.1·min(w), hi = 1.1·max(w) and the ⅕ points are float64 (numpy 1.x promotes a float32
 *   scalar times a Python float to float64); a and b are the float32 weights where f crosses T.
 *
 * Math.fround after each float32 operation gives numpy's float32 results exactly: a float64
 * result of +, −, ×, ÷ or √ on float32 inputs, rounded to float32, is the correctly rounded
 * float32 result (53 ≥ 2·24 + 2, so double rounding is innocuous).
 */
import { NnmotifsError } from "../core/errors.js";

const fround = Math.fround;

/** numpy's float32 pairwise summation (`FLOAT_pairwise_sum`: blocks of 128, 8 accumulators). */
export function pairwiseSumFloat32(a: Float32Array, start = 0, n = a.length): number {
  if (n < 8) {
    let res = 0;
    for (let i = 0; i < n; i++) res = fround(res + a[start + i]);
    return res;
  }
  if (n <= 128) {
    const r = [0, 0, 0, 0, 0, 0, 0, 0];
    for (let j = 0; j < 8; j++) r[j] = a[start + j];
    let i = 8;
    for (; i < n - (n % 8); i += 8) {
      for (let j = 0; j < 8; j++) r[j] = fround(r[j] + a[start + i + j]);
    }
    let res = fround(
      fround(fround(r[0] + r[1]) + fround(r[2] + r[3])) +
        fround(fround(r[4] + r[5]) + fround(r[6] + r[7])),
    );
    for (; i < n; i++) res = fround(res + a[start + i]);
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return fround(pairwiseSumFloat32(a, start, n2) + pairwiseSumFloat32(a, start + n2, n - n2));
}

/** `np.float32` array `.mean()`: float32 pairwise sum, then divided by n and rounded to float32. */
export function meanFloat32(a: Float32Array): number {
  return fround(pairwiseSumFloat32(a) / a.length);
}

/** `scipy.stats.norm.fit` on a float32 array: maximum-likelihood μ and σ, both float32. */
export function normalFitFloat32(w: Float32Array): { mu: number; sigma: number } {
  const mu = meanFloat32(w);
  const sq = new Float32Array(w.length);
  for (let i = 0; i < w.length; i++) {
    const d = fround(w[i] - mu);
    sq[i] = d * d; // Float32Array assignment rounds to float32
  }
  return { mu, sigma: fround(Math.sqrt(meanFloat32(sq))) };
}

const NORM_PDF_C = Math.sqrt(2 * Math.PI);

/** `scipy.stats.norm.pdf(x, mu, sigma)` for float32 x, μ, σ. */
export function normPdfFloat32(x: number, mu: number, sigma: number): number {
  const z = fround(fround(x - mu) / sigma);
  return Math.exp(-(z * z) / 2) / NORM_PDF_C / sigma;
}

export interface PaperBins {
  /** [lo, a + (lo − a)/5, a, b, b + (hi − b)/5, hi] */
  readonly binEdges: readonly number[];
  readonly mu: number;
  readonly sigma: number;
  /** T = cutoff · max f */
  readonly threshold: number;
  /** Every weight where the fitted density crosses T (a and b are the first two). */
  readonly crossings: readonly number[];
  readonly weightCount: number;
}

/** SPEC §4.2 steps 1–5 on the pooled weights of one group (any order: they are sorted first). */
export function paperBinEdges(pooled: ArrayLike<number>, cutoff: number): PaperBins {
  if (!(cutoff > 0 && cutoff < 1)) {
    throw new NnmotifsError(`invalid cutoff ${cutoff}. Should be a number in (0, 1), e.g. 0.55.`);
  }
  const w = Float32Array.from(pooled);
  const n = w.length;
  // Sorted first, then fitted (SPEC §4.2 steps 1–2): float32 sums depend on the order.
  w.sort();
  const { mu, sigma } = normalFitFloat32(w);
  if (!(sigma > 0) || !Number.isFinite(sigma)) {
    throw new NnmotifsError(
      `cannot bin: the ${n} pooled weights have standard deviation ${sigma}. The paper binning needs spread weights.`,
    );
  }
  const f = new Float64Array(n);
  let fmax = -Infinity;
  for (let i = 0; i < n; i++) {
    f[i] = normPdfFloat32(w[i], mu, sigma);
    if (f[i] > fmax) fmax = f[i];
  }
  const threshold = cutoff * fmax;
  const crossings: number[] = [];
  for (let i = 1; i < n; i++) {
    if (
      (f[i - 1] < threshold && threshold <= f[i]) ||
      (f[i - 1] >= threshold && threshold > f[i])
    ) {
      crossings.push(w[i]);
    }
  }
  if (crossings.length < 2) {
    throw new NnmotifsError(
      `cannot bin: the fitted density crosses cutoff × max (${cutoff}) ${crossings.length} time(s) ` +
        `over the ${n} pooled weights. Should cross twice; try another --cutoff or --binning.`,
    );
  }
  const [a, b] = crossings;
  const lo = 1.1 * w[0];
  const hi = 1.1 * w[n - 1];
  return {
    binEdges: [lo, a + (lo - a) / 5, a, b, b + (hi - b) / 5, hi],
    mu,
    sigma,
    threshold,
    crossings,
    weightCount: n,
  };
}

/**
 * SPEC §4.2 step 6: bin k when edge[k−1] ≤ x < edge[k]; bin 1 → colour 1, bins 2 and 4 → 2,
 * bin 3 → 0 (edge removed), bin 5 → 3. Weights outside [lo, hi) (only possible for weights not in
 * the pooled group) go to the outer bins.
 */
export function paperColour(x: number, binEdges: readonly number[]): number {
  const v = fround(x);
  if (v < binEdges[1]) return 1;
  if (v < binEdges[2]) return 2;
  if (v < binEdges[3]) return 0;
  if (v < binEdges[4]) return 2;
  return 3;
}
