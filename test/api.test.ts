import { describe, expect, it } from "vitest";
import * as api from "../src/index.js";

describe("the public API (src/index.ts)", () => {
  it("exports the documented entry points of every stage and no more than that", () => {
    for (const name of [
      "census",
      "readGraph",
      "countSubgraphs",
      "sampleSubgraphs",
      "canonicalKey",
      "switchGraph",
      "registerNullModel",
      "parseFanmodEdgeList",
      "loadNetwork",
      "networkToDigraph",
      "binGroup",
      "trainNetwork",
      "loadDataset",
      "runStudy",
      "analyseStudy",
      "writeReport",
      "findInstances",
      "weightTable",
    ]) {
      expect(typeof (api as Record<string, unknown>)[name], name).not.toBe("undefined");
    }
    // Internals (worker tasks, caches, kernels) stay behind the modules' own doors.
    expect(Object.keys(api).length).toBeLessThan(80);
    expect("esuCount" in api).toBe(false);
    expect("runEnsembleTask" in api).toBe(false);
  });
});
