import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { loadDataset } from "../../src/data/index.js";
import { NnmotifsError } from "../../src/core/errors.js";
import { ANCHOR_DATASETS, HAVE_ANCHOR } from "../anchor.js";

describe("loadDataset(spec)", () => {
  it("generates tree and clusters with the given seed and size", () => {
    expect(loadDataset("tree", { seed: 1, samples: 50 }).y.length).toBe(50);
    expect(loadDataset("clusters", { seed: 1 }).nFeatures).toBe(31);
    expect(loadDataset("tree", { seed: 2 }).x).toEqual(loadDataset("tree", { seed: 2 }).x);
  });

  it.skipIf(!HAVE_ANCHOR)("reads csv:FILE", () => {
    const d = loadDataset(`csv:${join(ANCHOR_DATASETS, "tree.csv")}`, { samples: 100 });
    expect(d.y.length).toBe(100);
    expect(d.x.length).toBe(3100);
  });

  it("rejects unknown specs with the allowed forms", () => {
    expect(() => loadDataset("mnist")).toThrow(NnmotifsError);
    expect(() => loadDataset("csv:")).toThrow(/tree \| clusters \| csv:FILE \| idx:DIR/);
  });
});
