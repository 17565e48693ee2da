import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Rng } from "../../src/core/random.js";
import {
  INITIALISERS,
  INITIALISER_NAMES,
  initialBias,
  isInitialiserName,
  orthogonalKernel,
  TRUNCATED_NORMAL_SD_CORRECTION,
} from "../../src/nn/initialisers.js";

function stats(a: Float64Array): { mean: number; sd: number; maxAbs: number } {
  let s = 0;
  for (const v of a) s += v;
  const mean = s / a.length;
  let ss = 0;
  let maxAbs = 0;
  for (const v of a) {
    ss += (v - mean) ** 2;
    maxAbs = Math.max(maxAbs, Math.abs(v));
  }
  return { mean, sd: Math.sqrt(ss / a.length), maxAbs };
}

/** max |(AᵀA − I)_ij| for row-major A (rows × cols), or of AAᵀ when `rowsOrthonormal`. */
function gramError(a: Float64Array, rows: number, cols: number, rowsOrthonormal: boolean): number {
  const n = rowsOrthonormal ? rows : cols;
  const at = (i: number, j: number) => (rowsOrthonormal ? a[i * cols + j] : a[j * cols + i]);
  const len = rowsOrthonormal ? cols : rows;
  let worst = 0;
  for (let p = 0; p < n; p++) {
    for (let q = 0; q < n; q++) {
      let dot = 0;
      for (let k = 0; k < len; k++) dot += at(p, k) * at(q, k);
      worst = Math.max(worst, Math.abs(dot - (p === q ? 1 : 0)));
    }
  }
  return worst;
}

describe("INITIALISERS.normal.kernel(nIn, nOut, rng)", () => {
  it("draws N(0, 0.1): mean ≈ 0, sd ≈ 0.1 (40 000 draws)", () => {
    const s = stats(INITIALISERS.normal.kernel(200, 200, new Rng(1)));
    expect(Math.abs(s.mean)).toBeLessThan(0.002); // 4 standard errors
    expect(Math.abs(s.sd - 0.1)).toBeLessThan(0.002);
    expect(s.maxAbs).toBeGreaterThan(0.3); // not truncated
  });
});

describe("truncated VarianceScaling initialisers (glorot, he, lecun)", () => {
  const cases = [
    { name: "glorot", nIn: 300, nOut: 100, sd: Math.sqrt(2 / 400) },
    { name: "he", nIn: 200, nOut: 150, sd: Math.sqrt(2 / 200) },
    { name: "lecun", nIn: 250, nOut: 160, sd: Math.sqrt(1 / 250) },
  ] as const;
  for (const c of cases) {
    it(`${c.name}: mean ≈ 0, sd ≈ Keras's target ${c.sd.toFixed(4)}, nothing beyond 2 sd of the underlying normal`, () => {
      const s = stats(INITIALISERS[c.name].kernel(c.nIn, c.nOut, new Rng(2)));
      expect(Math.abs(s.mean) / c.sd).toBeLessThan(0.02);
      expect(Math.abs(s.sd / c.sd - 1)).toBeLessThan(0.02);
      const underlying = c.sd / TRUNCATED_NORMAL_SD_CORRECTION;
      expect(s.maxAbs).toBeLessThanOrEqual(2 * underlying);
      expect(s.maxAbs).toBeGreaterThan(1.9 * underlying);
    });
  }
});

describe("orthogonalKernel(nIn, nOut, rng)", () => {
  it("gives WᵀW = I for tall and square kernels, WWᵀ = I for wide ones", () => {
    expect(gramError(orthogonalKernel(31, 30, new Rng(3)), 31, 30, false)).toBeLessThan(1e-12);
    expect(gramError(orthogonalKernel(30, 30, new Rng(3)), 30, 30, false)).toBeLessThan(1e-12);
    expect(gramError(orthogonalKernel(30, 30, new Rng(3)), 30, 30, true)).toBeLessThan(1e-12);
    expect(gramError(orthogonalKernel(30, 4, new Rng(3)), 30, 4, false)).toBeLessThan(1e-12);
    expect(gramError(orthogonalKernel(4, 30, new Rng(3)), 4, 30, true)).toBeLessThan(1e-12);
  });

  it("holds for any shape (property, fixed seed)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 40 }),
        fc.nat(),
        (nIn, nOut, seed) => {
          const w = orthogonalKernel(nIn, nOut, new Rng(seed));
          return gramError(w, nIn, nOut, nIn < nOut) < 1e-10;
        },
      ),
      { seed: 42, numRuns: 60 },
    );
  });

  it("is uniform over orthogonal matrices (sign correction): entries have mean 0, variance 1/n", () => {
    // Without the sign correction a Householder QR biases the diagonal's sign.
    const n = 20;
    const diag: number[] = [];
    const all: number[] = [];
    for (let s = 0; s < 200; s++) {
      const w = orthogonalKernel(n, n, new Rng(100 + s));
      for (let i = 0; i < n; i++) diag.push(w[i * n + i]);
      all.push(...w);
    }
    const d = stats(Float64Array.from(diag));
    const a = stats(Float64Array.from(all));
    expect(Math.abs(d.mean)).toBeLessThan(0.03);
    expect(Math.abs(a.sd - 1 / Math.sqrt(n))).toBeLessThan(0.01);
  });
});

describe("initialBias(nOut, rng) and the registry", () => {
  it("draws biases N(0, 0.1)", () => {
    const s = stats(initialBias(40000, new Rng(4)));
    expect(Math.abs(s.mean)).toBeLessThan(0.002);
    expect(Math.abs(s.sd - 0.1)).toBeLessThan(0.002);
  });

  it("names Keras's five initialisers, each seeded", () => {
    expect(INITIALISER_NAMES).toEqual(["normal", "orthogonal", "glorot", "he", "lecun"]);
    expect(isInitialiserName("glorot")).toBe(true);
    expect(isInitialiserName("uniform")).toBe(false);
    for (const name of INITIALISER_NAMES) {
      const a = INITIALISERS[name].kernel(6, 5, new Rng(9));
      expect(INITIALISERS[name].kernel(6, 5, new Rng(9))).toEqual(a);
      expect(INITIALISERS[name].kernel(6, 5, new Rng(10))).not.toEqual(a);
    }
  });
});
