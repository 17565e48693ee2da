/**
 * Welch's unequal-variance t-test with the Welch–Satterthwaite degrees of freedom and a two-sided
 * p-value from the Student t distribution (SPEC §8: initial vs trained weights).
 */

export interface WelchTTest {
  readonly t: number;
  readonly df: number;
  /** Two-sided p-value, P(|T| ≥ |t|). */
  readonly p: number;
  readonly meanA: number;
  readonly meanB: number;
  /** Sample standard deviations (n − 1 denominator). */
  readonly sdA: number;
  readonly sdB: number;
  readonly nA: number;
  readonly nB: number;
}

function meanAndVariance(xs: ArrayLike<number>): [number, number] {
  let sum = 0;
  for (let i = 0; i < xs.length; i++) sum += xs[i];
  const mean = sum / xs.length;
  let ss = 0;
  for (let i = 0; i < xs.length; i++) ss += (xs[i] - mean) ** 2;
  return [mean, ss / (xs.length - 1)];
}

/**
 * Welch's t-test of mean(a) = mean(b). Needs at least two values in each sample; returns NaN for t,
 * df and p when both variances are 0 (the statistic is undefined), like scipy.
 */
export function welchTTest(a: ArrayLike<number>, b: ArrayLike<number>): WelchTTest {
  if (a.length < 2 || b.length < 2) {
    throw new RangeError("welchTTest: each sample needs at least 2 values");
  }
  const [meanA, varA] = meanAndVariance(a);
  const [meanB, varB] = meanAndVariance(b);
  const seA = varA / a.length;
  const seB = varB / b.length;
  const se = seA + seB;
  const t = (meanA - meanB) / Math.sqrt(se);
  const df = (se * se) / ((seA * seA) / (a.length - 1) + (seB * seB) / (b.length - 1));
  const p = se === 0 ? NaN : studentTTwoSidedP(t, df);
  return {
    t: se === 0 ? NaN : t,
    df: se === 0 ? NaN : df,
    p,
    meanA,
    meanB,
    sdA: Math.sqrt(varA),
    sdB: Math.sqrt(varB),
    nA: a.length,
    nB: b.length,
  };
}

/** P(|T| ≥ |t|) for T ~ Student t with df degrees of freedom: I_{df/(df+t²)}(df/2, 1/2). */
export function studentTTwoSidedP(t: number, df: number): number {
  if (Number.isNaN(t) || Number.isNaN(df)) return NaN;
  if (!Number.isFinite(t)) return 0;
  return regularizedIncompleteBeta(df / (df + t * t), df / 2, 0.5);
}

/** Cumulative distribution function of Student's t. */
export function studentTCdf(t: number, df: number): number {
  const tail = studentTTwoSidedP(t, df) / 2;
  return t >= 0 ? 1 - tail : tail;
}

/** ln Γ(x) for x > 0 (Lanczos approximation, g = 7, n = 9; ~15 significant digits). */
export function logGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
    -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
    1.5056327351493116e-7,
  ];
  if (x < 0.5) {
    // Reflection keeps the approximation accurate near 0.
    return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  }
  const z = x - 1;
  let s = c[0];
  for (let i = 1; i < 9; i++) s += c[i] / (z + i);
  const w = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(w) - w + Math.log(s);
}

/**
 * The regularised incomplete beta function I_x(a, b), by the continued fraction of Numerical
 * Recipes §6.4 evaluated with the modified Lentz method; the symmetry I_x(a,b) = 1 − I_{1−x}(b,a)
 * keeps x on the side where the fraction converges fast.
 */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  if (!(a > 0) || !(b > 0)) throw new RangeError("regularizedIncompleteBeta: a and b must be > 0");
  if (Number.isNaN(x)) return NaN;
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const logFront =
    logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
  if (x < (a + 1) / (a + b + 2)) {
    return (Math.exp(logFront) * betaContinuedFraction(x, a, b)) / a;
  }
  return 1 - (Math.exp(logFront) * betaContinuedFraction(1 - x, b, a)) / b;
}

function betaContinuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  const eps = 1e-16;
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 10_000; m++) {
    const m2 = 2 * m;
    // Even step.
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    // Odd step.
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < eps) return h;
  }
  return h;
}
