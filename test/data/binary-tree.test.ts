import { describe, expect, it } from "vitest";
import { binaryTreeDataset, classCounts, sampleRow } from "../../src/data/index.js";
import { readCsvDataset } from "../../src/data/csv-dataset.js";
import { ANCHOR_DATASETS, HAVE_ANCHOR } from "../anchor.js";
import { join } from "node:path";

function key(row: Float32Array): string {
  return Array.from(row).join(",");
}

describe("binaryTreeDataset(seed)", () => {
  const data = binaryTreeDataset(7);

  it("gives 2000 samples of 31 features and 4 classes", () => {
    expect(data.y.length).toBe(2000);
    expect(data.nFeatures).toBe(31);
    expect(data.nClasses).toBe(4);
  });

  it("has exactly one path of +1 below the root, children of −1 nodes are −1", () => {
    for (let s = 0; s < data.y.length; s++) {
      const t = sampleRow(data, s);
      expect(t[1]).toBe(t[0]);
      expect(t[2]).toBe(-t[0]);
      for (let level = 1; level < 5; level++) {
        let plus = 0;
        for (let k = 2 ** level - 1; k < 2 ** (level + 1) - 1; k++) if (t[k] === 1) plus++;
        expect(plus).toBe(1);
      }
      for (let k = 1; k < 15; k++) {
        if (t[k] === -1) expect([t[2 * k + 1], t[2 * k + 2]]).toEqual([-1, -1]);
      }
    }
  });

  it("has only 16 distinct input vectors, each always with the same label", () => {
    const labelOf = new Map<string, number>();
    for (let s = 0; s < data.y.length; s++) {
      const k = key(sampleRow(data, s));
      if (labelOf.has(k)) expect(labelOf.get(k)).toBe(data.y[s]);
      labelOf.set(k, data.y[s]);
    }
    expect(labelOf.size).toBe(16);
  });

  it("has class shares near 0.35/0.15/0.35/0.15", () => {
    const big = binaryTreeDataset(11, { samples: 20000 });
    const shares = classCounts(big).map((c) => c / 20000);
    [0.35, 0.15, 0.35, 0.15].forEach((p, k) => expect(Math.abs(shares[k] - p)).toBeLessThan(0.015));
  });

  it("is reproducible: same seed, same samples; other seed, other samples", () => {
    expect(binaryTreeDataset(7).x).toEqual(data.x);
    expect(binaryTreeDataset(8).x).not.toEqual(data.x);
  });

  it.skipIf(!HAVE_ANCHOR)("numbers the classes as the authors' tree.csv does", () => {
    const anchor = readCsvDataset(join(ANCHOR_DATASETS, "tree.csv"));
    const ours = new Map<string, number>();
    for (let s = 0; s < data.y.length; s++) ours.set(key(sampleRow(data, s)), data.y[s]);
    const seen = new Set<string>();
    for (let s = 0; s < anchor.y.length; s++) {
      const k = key(sampleRow(anchor, s));
      seen.add(k);
      expect(ours.get(k)).toBe(anchor.y[s]);
    }
    expect(seen.size).toBe(16);
  });
});
