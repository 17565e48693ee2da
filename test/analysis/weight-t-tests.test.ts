import { describe, expect, it } from "vitest";
import {
  INITIAL_NETWORK,
  studyWeightPaired,
  studyWeightTable,
  weightTTests,
} from "../../src/analysis/weight-t-tests.js";
import { welchTTest } from "../../src/stats/welch-t-test.js";
import { makeSyntheticStudy } from "../fixtures/synthetic-study.js";

const results = makeSyntheticStudy();

describe("studyWeightTable(results)", () => {
  const rows = studyWeightTable(results);
  it("has, per init, the authors' rows: initial and every trained network, all then kept", () => {
    const datasets = results.graphs
      .filter((g) => g.init === "normal" && g.stage === "trained")
      .map((g) => g.dataset);
    expect(rows.filter((r) => r.init === "normal").map((r) => [r.network, r.weights])).toEqual([
      [INITIAL_NETWORK, "all"],
      ...datasets.map((d) => [d, "all"]),
      [INITIAL_NETWORK, "kept"],
      ...datasets.map((d) => [d, "kept"]),
    ]);
    expect(rows).toHaveLength(results.inits.length * 2 * (1 + datasets.length));
  });
  it("tests the signed weights against the initial network's, with the population sd", () => {
    const initial = results.graphs.find((g) => g.id === "glorot-initial")!;
    const tree = results.graphs.find((g) => g.init === "glorot" && g.dataset === "tree")!;
    const row = rows.find(
      (r) => r.init === "glorot" && r.network === "tree" && r.weights === "all",
    )!;
    expect(row.p).toBeCloseTo(welchTTest(initial.weights, tree.weights).p, 14);
    const mean = tree.weights.reduce((s, x) => s + x, 0) / tree.weights.length;
    const popSd = Math.sqrt(
      tree.weights.reduce((s, x) => s + (x - mean) ** 2, 0) / tree.weights.length,
    );
    expect(row.sd).toBeCloseTo(popSd, 14);
    const kept = rows.find(
      (r) => r.init === "glorot" && r.network === "tree" && r.weights === "kept",
    )!;
    expect(kept.n).toBe(tree.weightColours.filter((c) => c > 0).length);
  });
});

describe("studyWeightPaired(results)", () => {
  it("has one row per init, trained network and layer", () => {
    const rows = studyWeightPaired(results);
    const trained = results.graphs.filter((g) => g.stage === "trained");
    const layers = results.graphs[0].layerSizes.length - 1;
    expect(rows).toHaveLength(trained.length * layers);
    const first = rows.find((r) => r.init === "normal" && r.network === "tree" && r.layer === 1)!;
    expect(first.n).toBe(results.graphs[0].layerSizes[0] * results.graphs[0].layerSizes[1]);
    // The fixture's trained weights are the initial ones scaled by 1.35 (plus noise): they moved.
    expect(first.wasserstein).toBeGreaterThan(0);
    expect(first.ks).toBeGreaterThan(0);
  });
});

describe("weightTTests(results)", () => {
  it("keeps the report's row shape, from the signed-weight tests of the authors' table", () => {
    const table = studyWeightTable(results);
    for (const row of weightTTests(results)) {
      const same = table.find(
        (r) => r.init === row.init && r.network === row.dataset && r.weights === row.weights,
      )!;
      expect(row.p).toBe(same.p);
      expect(row.sdTrained).toBe(same.sd);
      expect(row.nTrained).toBe(same.n);
    }
  });
});
