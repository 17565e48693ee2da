import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  canonicalKey,
  colouredKey,
  fromEdges,
  motifName,
  parseAdjacency,
  topologyKey,
  topologyLabel,
} from "../../src/analysis/motif-names.js";

describe("motifName(rows)", () => {
  it("recognises the diamond and the bi-fan in any labelling and colouring", () => {
    // Diamond a→b, a→c, b→d, c→d with nodes relabelled (d=0, a=3) and mixed colours.
    expect(motifName(["0000", "1000", "2000", "0130"])).toBe("diamond");
    // Bi-fan a→c, a→d, b→c, b→d.
    expect(motifName(["0011", "0032", "0000", "0000"])).toBe("bi-fan");
  });
  it("names the 3-node and 5-node topologies of SPEC §9", () => {
    expect(motifName(["011", "001", "000"])).toBe("feed-forward loop");
    expect(motifName(["010", "001", "000"])).toBe("chain");
    expect(motifName(["00111", "00111", "00000", "00000", "00000"])).toBe("dense 2-3 block");
    expect(motifName(["01110", "00001", "00001", "00001", "00000"])).toBe("1-3-1 block");
  });
  it("returns null for unnamed topologies and topologyLabel describes them", () => {
    const rows = ["0110", "1000", "0001", "0000"];
    expect(motifName(rows)).toBeNull();
    expect(topologyLabel(rows)).toMatch(/^4-node, 4 edges #/);
  });
});

describe("parseAdjacency(rows)", () => {
  it("accepts rows or one string and rejects non-square input", () => {
    expect(parseAdjacency(["01", "00"])).toEqual([
      [0, 1],
      [0, 0],
    ]);
    expect(parseAdjacency("0100")).toEqual([
      [0, 1],
      [0, 0],
    ]);
    expect(() => parseAdjacency("010")).toThrow(/k rows of k digits/);
  });
});

describe("canonicalKey(m, colours)", () => {
  it("is invariant under relabelling (property, k = 4)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 16, maxLength: 16 }),
        fc.array(fc.nat(), { minLength: 4, maxLength: 4 }),
        (cells, keys) => {
          const m = [0, 1, 2, 3].map((i) =>
            [0, 1, 2, 3].map((j) => (i === j ? 0 : cells[i * 4 + j])),
          );
          const perm = [0, 1, 2, 3].sort((a, b) => keys[a] - keys[b] || a - b);
          const p = perm.map((i) => perm.map((j) => m[i][j]));
          return (
            canonicalKey(m) === canonicalKey(p) && canonicalKey(m, false) === canonicalKey(p, false)
          );
        },
      ),
      { seed: 11, numRuns: 200 },
    );
  });
  it("keeps colours apart and maps them to 1 without colours", () => {
    const a = fromEdges(3, [
      [0, 1],
      [1, 2],
    ]);
    const b = a.map((r) => r.map((c) => (c ? 2 : 0)));
    expect(canonicalKey(a)).not.toBe(canonicalKey(b));
    expect(canonicalKey(a, false)).toBe(canonicalKey(b, false));
    expect(topologyKey(["020", "002", "000"])).toBe(topologyKey(["010", "001", "000"]));
    expect(colouredKey(["020", "001", "000"])).not.toBe(colouredKey(["010", "002", "000"]));
  });
});
