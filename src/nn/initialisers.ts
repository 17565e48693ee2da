/**
 * Kernel initialisers with Keras's names and semantics (SPEC §3), drawn from our seeded Rng so the
 * same seed gives the same weights on every backend (tfjs's own initialisers use their own
 * generator). A kernel is row-major [nIn, nOut], fan_in = nIn, fan_out = nOut as for Keras `Dense`.
 *
 *   normal      RandomNormal(mean 0, stddev 0.1)                      (the authors' "normal")
 *   orthogonal  Orthogonal(gain 1): QR of a normal matrix, sign-corrected (Keras ≥ 2.3)
 *   glorot      glorot_normal = VarianceScaling(1, fan_avg, truncated normal)
 *   he          he_normal     = VarianceScaling(2, fan_in,  truncated normal)
 *   lecun       lecun_normal  = VarianceScaling(1, fan_in,  truncated normal)
 *
 * Biases are always N(0, 0.1).
 *
 * Keras versions differ: the anchor's .h5 files were written by Keras 2.2.4, whose glorot_normal
 * truncated at 2·sqrt(2 / (fan_in + fan_out)) without the 0.8796 correction (so its sd was 12 %
 * smaller) and whose Orthogonal took U of an SVD instead of a sign-corrected Q (the same
 * distribution). We follow Keras ≥ 2.3, the semantics tf.keras keeps today.
 */
import { Rng } from "../core/random.js";

export type InitialiserName = "normal" | "orthogonal" | "glorot" | "he" | "lecun";

export interface Initialiser {
  /** The Keras identifier of the same initialiser. */
  readonly keras: string;
  readonly description: string;
  /** A fresh [nIn, nOut] row-major kernel. */
  kernel(nIn: number, nOut: number, rng: Rng): Float64Array;
}

/** Standard deviation of the authors' normal initialiser and of every bias. */
export const NORMAL_STDDEV = 0.1;
export const BIAS_STDDEV = 0.1;

/**
 * Keras's VarianceScaling divides the target sd by the sd of a standard normal truncated at ±2
 * (0.8796…), so the truncated draw has exactly the intended variance.
 */
export const TRUNCATED_NORMAL_SD_CORRECTION = 0.87962566103423978;

function randomNormal(n: number, stddev: number, rng: Rng): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = stddev * rng.normal();
  return out;
}

/** tf.random.truncated_normal: normal draws, redrawn while more than 2 sd from the mean. */
export function truncatedNormal(n: number, stddev: number, rng: Rng): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let z = rng.normal();
    while (Math.abs(z) > 2) z = rng.normal();
    out[i] = stddev * z;
  }
  return out;
}

function varianceScaling(scale: number, mode: "fan_in" | "fan_avg") {
  return (nIn: number, nOut: number, rng: Rng): Float64Array => {
    const fan = mode === "fan_in" ? nIn : (nIn + nOut) / 2;
    const stddev = Math.sqrt(scale / Math.max(1, fan)) / TRUNCATED_NORMAL_SD_CORRECTION;
    return truncatedNormal(nIn * nOut, stddev, rng);
  };
}

/**
 * Keras ≥ 2.3 `Orthogonal(gain)`: a (max, min)-shaped standard normal matrix A, its thin QR
 * decomposition A = QR, Q's columns multiplied by sign(diag R) (which makes the draw uniform over
 * orthogonal matrices), transposed when nIn < nOut. So WᵀW = I when nIn ≥ nOut, else WWᵀ = I.
 */
export function orthogonalKernel(nIn: number, nOut: number, rng: Rng, gain = 1): Float64Array {
  const m = Math.max(nIn, nOut);
  const n = Math.min(nIn, nOut);
  const q = signCorrectedQ(randomNormal(m * n, 1, rng), m, n);
  const out = new Float64Array(nIn * nOut);
  if (nIn >= nOut) {
    for (let i = 0; i < m * n; i++) out[i] = gain * q[i];
  } else {
    // W = Qᵀ: W[i][j] = Q[j][i], Q is m × n = nOut × nIn.
    for (let i = 0; i < nIn; i++)
      for (let j = 0; j < nOut; j++) out[i * nOut + j] = gain * q[j * n + i];
  }
  return out;
}

/**
 * Householder QR of the row-major m × n matrix A (m ≥ n); returns the thin m × n Q with columns
 * scaled by sign(R_jj), i.e. the Q of the QR whose R has a non-negative diagonal.
 */
function signCorrectedQ(a: Float64Array, m: number, n: number): Float64Array {
  const r = Float64Array.from(a);
  const vs: Float64Array[] = [];
  for (let k = 0; k < n; k++) {
    let norm = 0;
    for (let i = k; i < m; i++) norm += r[i * n + k] * r[i * n + k];
    norm = Math.sqrt(norm);
    const alpha = r[k * n + k] > 0 ? -norm : norm;
    const v = new Float64Array(m);
    for (let i = k; i < m; i++) v[i] = r[i * n + k];
    v[k] -= alpha;
    let vv = 0;
    for (let i = k; i < m; i++) vv += v[i] * v[i];
    if (vv > 0) {
      for (let j = k; j < n; j++) {
        let dot = 0;
        for (let i = k; i < m; i++) dot += v[i] * r[i * n + j];
        const f = (2 * dot) / vv;
        for (let i = k; i < m; i++) r[i * n + j] -= f * v[i];
      }
    }
    vs.push(vv > 0 ? v.map((x) => x / Math.sqrt(vv)) : v);
  }
  // Q = H_0 H_1 … H_{n−1} applied to the first n columns of the identity.
  const q = new Float64Array(m * n);
  for (let j = 0; j < n; j++) q[j * n + j] = 1;
  for (let k = n - 1; k >= 0; k--) {
    const v = vs[k];
    for (let j = 0; j < n; j++) {
      let dot = 0;
      for (let i = k; i < m; i++) dot += v[i] * q[i * n + j];
      for (let i = k; i < m; i++) q[i * n + j] -= 2 * dot * v[i];
    }
  }
  for (let j = 0; j < n; j++) {
    if (r[j * n + j] < 0) for (let i = 0; i < m; i++) q[i * n + j] = -q[i * n + j];
  }
  return q;
}

/** The registry: adding a name to InitialiserName without an entry here is a type error. */
export const INITIALISERS: Readonly<Record<InitialiserName, Initialiser>> = {
  normal: {
    keras: "RandomNormal(mean=0.0, stddev=0.1)",
    description: "N(0, 0.1)",
    kernel: (nIn, nOut, rng) => randomNormal(nIn * nOut, NORMAL_STDDEV, rng),
  },
  orthogonal: {
    keras: "Orthogonal(gain=1.0)",
    description: "orthogonal matrix (gain 1)",
    kernel: (nIn, nOut, rng) => orthogonalKernel(nIn, nOut, rng, 1),
  },
  glorot: {
    keras: "glorot_normal",
    description: "truncated normal, sd sqrt(2 / (fan_in + fan_out))",
    kernel: varianceScaling(1, "fan_avg"),
  },
  he: {
    keras: "he_normal",
    description: "truncated normal, sd sqrt(2 / fan_in)",
    kernel: varianceScaling(2, "fan_in"),
  },
  lecun: {
    keras: "lecun_normal",
    description: "truncated normal, sd sqrt(1 / fan_in)",
    kernel: varianceScaling(1, "fan_in"),
  },
};

export const INITIALISER_NAMES = Object.keys(INITIALISERS) as InitialiserName[];

export function isInitialiserName(name: string): name is InitialiserName {
  return Object.hasOwn(INITIALISERS, name);
}

/** Bias vector: N(0, 0.1). */
export function initialBias(nOut: number, rng: Rng): Float64Array {
  return randomNormal(nOut, BIAS_STDDEV, rng);
}
