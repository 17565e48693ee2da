import { describe, expect, it } from "vitest";
import { binaryTreeDataset, splitDataset, type Dataset } from "../../src/data/index.js";

function indexData(n: number): Dataset {
  return {
    name: "ix",
    x: Float32Array.from({ length: n }, (_, i) => i),
    y: Int32Array.from({ length: n }, (_, i) => i % 2),
    nFeatures: 1,
    nClasses: 2,
  };
}

describe("splitDataset(data, seed)", () => {
  it("holds out 30 % for testing and 10 % of the rest for validation (2000 → 1260/140/600)", () => {
    const s = splitDataset(binaryTreeDataset(1), 5);
    expect(s.test.y.length).toBe(600);
    expect(s.validation.y.length).toBe(140);
    expect(s.train.y.length).toBe(1260);
  });

  it("rounds like scikit-learn (test = ceil) and Keras (train = floor): 101 → 63/7/31", () => {
    const s = splitDataset(indexData(101), 1);
    expect([s.train.y.length, s.validation.y.length, s.test.y.length]).toEqual([63, 7, 31]);
  });

  it("partitions the samples: every sample lands in exactly one part", () => {
    const s = splitDataset(indexData(101), 9);
    const all = [...s.train.x, ...s.validation.x, ...s.test.x].sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 101 }, (_, i) => i));
  });

  it("is seeded: same seed same split, different seed different split", () => {
    const d = indexData(200);
    expect(splitDataset(d, 1).test.x).toEqual(splitDataset(d, 1).test.x);
    expect(splitDataset(d, 1).test.x).not.toEqual(splitDataset(d, 2).test.x);
  });

  it("keeps a predefined test set", () => {
    const test = indexData(7);
    const s = splitDataset({ ...indexData(50), test }, 3);
    expect(s.test).toBe(test);
    expect(s.train.y.length + s.validation.y.length).toBe(50);
  });

  it("rejects fractions outside [0, 1)", () => {
    expect(() => splitDataset(indexData(10), 1, { testFraction: 1 })).toThrow(/testFraction/);
  });
});
