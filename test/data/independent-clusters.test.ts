import { describe, expect, it } from "vitest";
import {
  classCounts,
  clusterStructure,
  independentClustersDataset,
  sampleRow,
} from "../../src/data/index.js";
import { readCsvDataset } from "../../src/data/csv-dataset.js";
import { ANCHOR_DATASETS, HAVE_ANCHOR } from "../anchor.js";
import { join } from "node:path";

describe("independentClustersDataset(seed)", () => {
  const data = independentClustersDataset(3);

  it("gives 2000 samples, 31 features, 4 roughly equal classes", () => {
    expect(data.y.length).toBe(2000);
    expect(data.nFeatures).toBe(31);
    for (const c of classCounts(data)) expect(Math.abs(c - 500)).toBeLessThan(80);
  });

  it("has exactly one input vector per class, −1 outside the class's group", () => {
    const vectors = new Map<number, string>();
    const groupStart = [0, 8, 15, 24, 31];
    for (let s = 0; s < data.y.length; s++) {
      const row = sampleRow(data, s);
      const k = data.y[s];
      const text = Array.from(row).join(",");
      if (vectors.has(k)) expect(vectors.get(k)).toBe(text);
      vectors.set(k, text);
      row.forEach((v, i) => {
        const inside = i >= groupStart[k] && i < groupStart[k + 1];
        if (inside) expect(v).toBeGreaterThanOrEqual(1);
        else expect(v).toBe(-1);
      });
    }
    expect(new Set(vectors.values()).size).toBe(4);
  });

  it("uses 1 for roots and the ancestor count otherwise (clusterStructure)", () => {
    const s = clusterStructure(3);
    for (const [i, j] of s.edges) {
      expect(i).toBeLessThan(j);
      expect(s.group[i]).toBe(s.group[j]);
    }
    for (let v = 0; v < 31; v++) {
      expect(s.prototypes[s.group[v] * 31 + v]).toBe(Math.max(1, s.ancestors[v]));
    }
    // The melting leaves a sparse but non-trivial DAG.
    expect(s.edges.length).toBeGreaterThan(5);
    expect(Math.max(...s.ancestors)).toBeGreaterThan(2);
  });

  it("is reproducible per seed", () => {
    expect(independentClustersDataset(3).x).toEqual(data.x);
    expect(clusterStructure(4).prototypes).not.toEqual(clusterStructure(3).prototypes);
  });

  it.skipIf(!HAVE_ANCHOR)("follows the value conventions of the authors' clus.csv", () => {
    const anchor = readCsvDataset(join(ANCHOR_DATASETS, "clus.csv"));
    const groupStart = [0, 8, 15, 24, 31];
    for (let s = 0; s < anchor.y.length; s++) {
      const row = sampleRow(anchor, s);
      const k = anchor.y[s];
      row.forEach((v, i) => {
        if (i >= groupStart[k] && i < groupStart[k + 1]) {
          expect(Number.isInteger(v) && v >= 1 && v < groupStart[k + 1] - groupStart[k]).toBe(true);
        } else expect(v).toBe(-1);
      });
      // A group's first variable has no ancestors in both conventions.
      expect(row[groupStart[k]]).toBe(1);
    }
  });
});
