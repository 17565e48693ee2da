import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalKey } from "../../src/motifs/canonical-label.js";
import {
  classAdjacency,
  classVertexColours,
  formatClassKey,
  parseClassKey,
} from "../../src/motifs/class-key.js";
import { isomorphic, permute, subsets, weaklyConnected } from "./census-helpers.js";

/** A random coloured k-graph: matrix entries 0..colours with a zero diagonal. */
const colouredGraph = (kMin: number, kMax: number, colours: number, withVertexColours: boolean) =>
  fc.integer({ min: kMin, max: kMax }).chain((k) =>
    fc.record({
      k: fc.constant(k),
      m: fc
        .array(fc.integer({ min: 0, max: colours }), { minLength: k * k, maxLength: k * k })
        .map((a) => {
          const m = Uint8Array.from(a);
          for (let i = 0; i < k; i++) m[i * k + i] = 0;
          return m;
        }),
      vc: withVertexColours
        ? fc.array(fc.integer({ min: 0, max: 2 }), { minLength: k, maxLength: k })
        : fc.constant(null),
      perm: fc.shuffledSubarray(
        Array.from({ length: k }, (_, i) => i),
        { minLength: k, maxLength: k },
      ),
    }),
  );

function connectedClasses(k: number): number {
  const pairs: [number, number][] = [];
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) if (i !== j) pairs.push([i, j]);
  const keys = new Set<string>();
  for (let mask = 0; mask < 2 ** pairs.length; mask++) {
    const m = new Uint8Array(k * k);
    pairs.forEach(([i, j], t) => {
      if (mask & (1 << t)) m[i * k + j] = 1;
    });
    if (weaklyConnected(m, k)) keys.add(canonicalKey(m, k));
  }
  return keys.size;
}

describe("canonicalKey(rows, size, vertexColours?)", () => {
  it("finds the 13 connected 3-node and 199 connected 4-node directed classes", () => {
    expect(connectedClasses(3)).toBe(13);
    expect(connectedClasses(4)).toBe(199);
  });

  it("is invariant under random relabelling (k = 3..6, coloured, with and without vertex colours)", () => {
    for (const withVc of [false, true]) {
      fc.assert(
        fc.property(colouredGraph(3, 6, 3, withVc), ({ k, m, vc, perm }) => {
          const pm = permute(m, k, perm);
          const pvc = vc ? perm.map((v) => vc[v]) : null;
          expect(canonicalKey(pm, k, pvc)).toBe(canonicalKey(m, k, vc));
        }),
        { seed: withVc ? 11 : 7, numRuns: 400 },
      );
    }
  });

  it("returns a matrix isomorphic to its input, with the vertex colours permuted alongside", () => {
    fc.assert(
      fc.property(colouredGraph(2, 6, 7, true), ({ k, m, vc }) => {
        const { size, matrix, vertexColours } = parseClassKey(canonicalKey(m, k, vc));
        expect(size).toBe(k);
        expect(isomorphic(m, matrix, k, vc, vertexColours)).toBe(true);
      }),
      { seed: 3, numRuns: 200 },
    );
  });

  it("gives equal keys exactly to isomorphic pairs (brute-force cross-check, k = 3..5)", () => {
    let isoPairs = 0;
    let nonIsoPairs = 0;
    fc.assert(
      fc.property(
        colouredGraph(3, 5, 2, true),
        fc.integer({ min: 0, max: 2 }),
        fc.nat(),
        ({ k, m, vc, perm }, mutation, where) => {
          // b is a relabelling of a, sometimes with one entry or one vertex colour changed.
          const b = permute(m, k, perm);
          const bvc = vc ? perm.map((v) => vc[v]) : null;
          const t = where % (k * k);
          if (mutation === 1 && t % (k + 1) !== 0) b[t] = (b[t] + 1) % 3;
          if (mutation === 2 && bvc) bvc[where % k] = (bvc[where % k] + 1) % 3;
          const iso = isomorphic(m, b, k, vc, bvc);
          if (iso) isoPairs++;
          else nonIsoPairs++;
          expect(canonicalKey(b, k, bvc) === canonicalKey(m, k, vc)).toBe(iso);
        },
      ),
      { seed: 5, numRuns: 600 },
    );
    expect(isoPairs).toBeGreaterThan(100);
    expect(nonIsoPairs).toBeGreaterThan(100);
  });

  it("separates every pair of non-isomorphic 2-coloured 3-node graphs", () => {
    // All 3^6 coloured 3-node matrices: keys partition them exactly as brute-force isomorphism.
    const ms: Uint8Array[] = [];
    for (let x = 0; x < 3 ** 6; x++) {
      const m = new Uint8Array(9);
      let r = x;
      for (const t of [1, 2, 3, 5, 6, 7]) {
        m[t] = r % 3;
        r = Math.floor(r / 3);
      }
      ms.push(m);
    }
    const keys = ms.map((m) => canonicalKey(m, 3));
    const reps = new Map<string, Uint8Array>();
    ms.forEach((m, i) => {
      const rep = reps.get(keys[i]);
      if (rep) expect(isomorphic(rep, m, 3)).toBe(true);
      else reps.set(keys[i], m);
    });
    const repList = [...reps.values()];
    for (const [i, j] of subsets(repList.length, 2)) {
      expect(isomorphic(repList[i], repList[j], 3)).toBe(false);
    }
    expect(reps.size).toBeGreaterThan(50);
  });

  it("handles size 8, including fully symmetric graphs, quickly", () => {
    const k = 8;
    const complete = new Uint8Array(k * k).fill(2);
    const cycle = new Uint8Array(k * k);
    for (let i = 0; i < k; i++) {
      complete[i * k + i] = 0;
      cycle[i * k + ((i + 1) % k)] = 1;
    }
    const t0 = performance.now();
    expect(canonicalKey(complete, k)).toBe(formatClassKey(complete, k));
    const rotated = permute(cycle, k, [3, 4, 5, 6, 7, 0, 1, 2]);
    expect(canonicalKey(rotated, k)).toBe(canonicalKey(cycle, k));
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it("accepts FANMOD-style rows and rejects malformed input", () => {
    expect(canonicalKey(["0000", "0000", "2000", "2200"], 4)).toBe(
      canonicalKey(
        ["0022", "0002", "0000", "0000"].map((_, i, a) => a.map((r) => r[i]).join("")),
        4,
      ),
    );
    expect(() => canonicalKey(["010", "001"], 3)).toThrow(/size/);
    expect(() => canonicalKey(["110", "000", "000"], 3)).toThrow(/self-loop/);
    expect(() => canonicalKey(["0x0", "000", "000"], 3)).toThrow(/digits/);
    expect(() => canonicalKey(["010", "000", "000"], 3, [1, 2])).toThrow(/vertex colours/);
  });
});

describe("classAdjacency(key) / classVertexColours(key)", () => {
  it("splits a key into rows and vertex colours", () => {
    expect(classAdjacency("0000000020002200")).toEqual(["0000", "0000", "2000", "2200"]);
    expect(classVertexColours("0000000020002200")).toBeNull();
    expect(classAdjacency("010001000/0,1,2")).toEqual(["010", "001", "000"]);
    expect(classVertexColours("010001000/0,1,2")).toEqual([0, 1, 2]);
    expect(() => classAdjacency("01000")).toThrow(/invalid key/);
    expect(() => classVertexColours("010001000/0,1")).toThrow(/vertex colours/);
  });
});
