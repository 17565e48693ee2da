/**
 * Uncertainty across replicates (SPEC §7, issue 9): the unit of replication is a seed (its own
 * initial network, its own training). Every across-seed quantity is a mean with a Student-t 95 %
 * interval; two conditions measured on the same seeds (initial vs trained, one null vs another) are
 * compared by their paired differences, with a t-interval and an exact sign-flip p-value that is
 * never 0. Correlations carry a Fisher-z interval.
 */
import { studentTCdf, studentTTwoSidedP } from "./welch-t-test.js";

export interface MeanInterval {
  readonly n: number;
  readonly mean: number;
  /** Sample standard deviation (n − 1 denominator); NaN for n < 2. */
  readonly sd: number;
  /** Bounds of the interval; NaN when n < 2 (one seed carries no spread). */
  readonly lo: number;
  readonly hi: number;
  readonly level: number;
  readonly method: "t";
}

export interface PairedComparison extends MeanInterval {
  /** Paired t statistic of the differences (b − a) and its degrees of freedom. */
  readonly t: number;
  readonly df: number;
  /** Two-sided p of the paired t-test (NaN below 2 pairs or with no spread). */
  readonly pT: number;
  /**
   * Exact two-sided sign-flip p of the mean difference: the share of the 2^n sign patterns whose
   * |mean| reaches the observed one (the observed pattern included, so p ≥ 2^−n > 0). Beyond
   * `exactUpTo` pairs, a seeded Monte Carlo of `draws` patterns: (b + 1)/(draws + 1).
   */
  readonly pSignFlip: number;
}

export interface Correlation {
  readonly n: number;
  /** Pearson r; NaN when either side has no spread. */
  readonly r: number;
  /** Fisher-z interval of r; NaN when n < 4. */
  readonly lo: number;
  readonly hi: number;
  readonly level: number;
  readonly method: "fisher-z";
}

/** The p-quantile of Student's t with df degrees of freedom (bisection on the CDF; |error| < 1e-12). */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`studentTQuantile: p must be in (0, 1), got ${p}`);
  if (!(df > 0)) throw new RangeError(`studentTQuantile: df must be > 0, got ${df}`);
  if (p === 0.5) return 0;
  let lo = -1;
  let hi = 1;
  while (studentTCdf(lo, df) > p) lo *= 2;
  while (studentTCdf(hi, df) < p) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-12 * Math.max(1, Math.abs(hi)); i++) {
    const mid = (lo + hi) / 2;
    if (studentTCdf(mid, df) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Standard normal quantile (Acklam's rational approximation; relative error < 1.2e-9). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`normalQuantile: p must be in (0, 1), got ${p}`);
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972,
    -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734,
    4.374664141464968, 2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const tail = (q: number): number =>
    (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
    ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  if (p < 0.02425) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - 0.02425) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
    (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
  );
}

function checkLevel(level: number): void {
  if (!(level > 0 && level < 1)) throw new RangeError(`level must be in (0, 1), got ${level}`);
}

/** Mean of `values` with its Student-t interval at `level` (default 0.95). NaN values are refused. */
export function meanInterval(values: ArrayLike<number>, level = 0.95): MeanInterval {
  checkLevel(level);
  const n = values.length;
  if (n === 0) throw new RangeError("meanInterval: needs at least 1 value");
  let sum = 0;
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(values[i])) throw new RangeError(`meanInterval: value ${i} is NaN`);
    sum += values[i];
  }
  const mean = sum / n;
  if (n < 2) return { n, mean, sd: NaN, lo: NaN, hi: NaN, level, method: "t" };
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (values[i] - mean) ** 2;
  const sd = Math.sqrt(ss / (n - 1));
  const half = studentTQuantile(1 - (1 - level) / 2, n - 1) * (sd / Math.sqrt(n));
  return { n, mean, sd, lo: mean - half, hi: mean + half, level, method: "t" };
}

/**
 * The mean of correlations across seeds, taken on Fisher's z scale: z = atanh(r) per seed, a
 * Student-t interval of the mean z, and both back through tanh. So the interval stays inside
 * [−1, 1] (a t-interval of raw r does not), and r = ±1 counts as ±(1 − 1e−12).
 */
export function correlationMeanInterval(
  rs: ArrayLike<number>,
  level = 0.95,
): Omit<MeanInterval, "method"> & { readonly method: "fisher-z-t" } {
  const limit = 1 - 1e-12;
  const zs = Array.from(rs, (r) => Math.atanh(Math.max(-limit, Math.min(limit, r))));
  const m = meanInterval(zs, level);
  return {
    n: m.n,
    mean: Math.tanh(m.mean),
    sd: m.sd,
    lo: Math.tanh(m.lo),
    hi: Math.tanh(m.hi),
    level,
    method: "fisher-z-t",
  };
}

export interface PairedOptions {
  readonly level?: number;
  /** Exact sign-flip enumeration up to this many pairs (default 16: 65 536 patterns). */
  readonly exactUpTo?: number;
  /** Monte Carlo patterns beyond it (default 9 999), drawn from `seed` (default 1). */
  readonly draws?: number;
  readonly seed?: number;
}

/** Paired comparison of b against a (differences b[i] − a[i]): interval, t-test, sign-flip p. */
export function pairedComparison(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  options: PairedOptions = {},
): PairedComparison {
  if (a.length !== b.length) {
    throw new RangeError(`pairedComparison: ${a.length} and ${b.length} values do not pair up`);
  }
  const d = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) d[i] = b[i] - a[i];
  const m = meanInterval(d, options.level ?? 0.95);
  const se = m.sd / Math.sqrt(m.n);
  const t = m.n >= 2 && se > 0 ? m.mean / se : NaN;
  const df = m.n - 1;
  return {
    ...m,
    t,
    df,
    pT: Number.isNaN(t) ? NaN : Math.max(studentTTwoSidedP(t, df), Number.MIN_VALUE),
    pSignFlip: signFlipP(d, options),
  };
}

/** Two-sided sign-flip p-value of mean(d) = 0 (see PairedComparison.pSignFlip). */
export function signFlipP(d: ArrayLike<number>, options: PairedOptions = {}): number {
  const n = d.length;
  const observed = Math.abs(sumOf(d));
  // Ties within rounding count as reaching the observed value.
  const tol = 1e-12 * Math.max(1, observed);
  if (n <= (options.exactUpTo ?? 16)) {
    let hits = 0;
    const total = 2 ** n;
    for (let mask = 0; mask < total; mask++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += mask & (1 << i) ? -d[i] : d[i];
      if (Math.abs(s) >= observed - tol) hits++;
    }
    return hits / total;
  }
  const draws = options.draws ?? 9999;
  let state = (options.seed ?? 1) >>> 0 || 1;
  let hits = 0;
  for (let r = 0; r < draws; r++) {
    let s = 0;
    for (let i = 0; i < n; i++) {
      // xorshift32: the sign of each pair, reproducible from the seed.
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      s += state & 1 ? -d[i] : d[i];
    }
    if (Math.abs(s) >= observed - tol) hits++;
  }
  return (hits + 1) / (draws + 1);
}

function sumOf(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  return s;
}

/** Pearson correlation of paired values with its Fisher-z interval (pairs with a NaN are dropped). */
export function correlationInterval(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  level = 0.95,
): Correlation {
  checkLevel(level);
  if (x.length !== y.length) {
    throw new RangeError(`correlationInterval: ${x.length} and ${y.length} values do not pair up`);
  }
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < x.length; i++) {
    if (Number.isNaN(x[i]) || Number.isNaN(y[i])) continue;
    xs.push(x[i]);
    ys.push(y[i]);
  }
  const n = xs.length;
  const mx = sumOf(xs) / n;
  const my = sumOf(ys) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
    syy += (ys[i] - my) ** 2;
  }
  const r =
    n >= 2 && sxx > 0 && syy > 0 ? Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy))) : NaN;
  if (n < 4 || Number.isNaN(r)) return { n, r, lo: NaN, hi: NaN, level, method: "fisher-z" };
  const z = Math.atanh(Math.min(r, 1 - 1e-15));
  const half = normalQuantile(1 - (1 - level) / 2) / Math.sqrt(n - 3);
  return { n, r, lo: Math.tanh(z - half), hi: Math.tanh(z + half), level, method: "fisher-z" };
}
