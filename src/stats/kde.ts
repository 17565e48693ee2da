/**
 * One-dimensional Gaussian kernel density estimate, matching scipy.stats.gaussian_kde: the kernel's
 * standard deviation is the sample standard deviation (n − 1) times a bandwidth factor, Scott's
 * n^(−1/5) by default or Silverman's (3n/4)^(−1/5).
 */

export type BandwidthRule = "scott" | "silverman";

export interface KdeOptions {
  /** A rule name or an explicit factor (multiplies the sample sd, as scipy's bw_method scalar). */
  readonly bandwidth?: BandwidthRule | number;
}

export interface Kde {
  /** Kernel standard deviation actually used. */
  readonly bandwidth: number;
  /** Density at x. */
  readonly density: (x: number) => number;
}

const DEFAULTS = { bandwidth: "scott" as BandwidthRule | number };

/** The bandwidth factor of a rule for n points (one dimension). */
export function bandwidthFactor(rule: BandwidthRule, n: number): number {
  return rule === "scott" ? n ** -0.2 : ((n * 3) / 4) ** -0.2;
}

/** Builds a Gaussian KDE of `xs` (at least 2 values with a non-zero spread). */
export function gaussianKde(xs: ArrayLike<number>, options: KdeOptions = {}): Kde {
  const n = xs.length;
  if (n < 2) throw new RangeError("gaussianKde: needs at least 2 values");
  const data = Float64Array.from(xs as ArrayLike<number>);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += data[i];
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (data[i] - mean) ** 2;
  const sd = Math.sqrt(ss / (n - 1));
  if (!(sd > 0)) throw new RangeError("gaussianKde: the values have no spread");
  const rule = options.bandwidth ?? DEFAULTS.bandwidth;
  const factor = typeof rule === "number" ? rule : bandwidthFactor(rule, n);
  const h = sd * factor;
  const norm = 1 / (n * h * Math.sqrt(2 * Math.PI));
  const density = (x: number): number => {
    let s = 0;
    for (let i = 0; i < n; i++) {
      const z = (x - data[i]) / h;
      s += Math.exp(-0.5 * z * z);
    }
    return s * norm;
  };
  return { bandwidth: h, density };
}

/** Evaluates a KDE of `xs` on `points` evenly spaced points from `lo` to `hi`. */
export function kdeOnGrid(
  xs: ArrayLike<number>,
  lo: number,
  hi: number,
  points: number,
  options: KdeOptions = {},
): { x: number[]; density: number[] } {
  const kde = gaussianKde(xs, options);
  const x: number[] = [];
  const density: number[] = [];
  for (let i = 0; i < points; i++) {
    const xi = points === 1 ? lo : lo + ((hi - lo) * i) / (points - 1);
    x.push(xi);
    density.push(kde.density(xi));
  }
  return { x, density };
}
