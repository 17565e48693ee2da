import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StudyResults, WeightedRecord } from "../../src/analysis/study-results.js";
import { parseNativeModel } from "../../src/model/native-model.js";
import { weightedMotifProfile } from "../../src/motifs/layered-weighted-motifs.js";
import { resolveStudyConfig, type StudyConfig } from "../../src/study/config.js";
import { buildPlan, type WeightedParams } from "../../src/study/plan.js";
import { runStudy, type StudyOutcome } from "../../src/study/run-study.js";
import { weightedRecord } from "../../src/study/steps/weighted.js";

/** A study of a few seconds: one data set, one init, the weighted censuses at k = 3 and 4. */
const TINY = {
  data: ["tree"],
  network: { hidden: [6, 5], inits: ["normal"] },
  training: { epochs: 2 },
  motifs: { sizes: [3], randomNetworks: 4, nulls: ["layered"] },
  sensitivity: { cutoffs: [] },
  topology: { sizes: [] },
  density: { sizes: [] },
  weighted: { sizes: [3, 4], randomNetworks: 12 },
  threads: 1,
  seeds: 1,
  snapshots: [],
};

/** The one replicate's step-id suffix and folder. */
const TAG = "@6-5-s1";
const REP = "replicates/6-5/s1";

const root = mkdtempSync(join(tmpdir(), "nnmotifs-weighted-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function config(patch: object = {}): StudyConfig {
  return resolveStudyConfig({ ...structuredClone(TINY), out: join(root, "a"), ...patch });
}

describe("buildPlan(config): weighted steps", () => {
  it("plans one weighted step per network (initial and trained) × size, reading its model file", () => {
    const plan = buildPlan(config(), { datasetHash: () => null });
    const weighted = plan.steps.filter((s) => s.kind === "weighted");
    expect(weighted.map((s) => s.id)).toEqual([
      `weighted-normal-initial-k3${TAG}`,
      `weighted-normal-initial-k4${TAG}`,
      `weighted-normal-tree-k3${TAG}`,
      `weighted-normal-tree-k4${TAG}`,
    ]);
    const initial = weighted[0];
    expect(initial.inputs.model).toEqual({
      step: `train-tree-normal${TAG}`,
      output: `${REP}/models/normal-initial.model.json`,
    });
    expect(weighted[2].inputs.model.output).toBe(`${REP}/models/tree-normal.model.json`);
    expect(weighted.map((s) => s.outputs)).toEqual([
      [`${REP}/weighted/normal-initial-k3.json`],
      [`${REP}/weighted/normal-initial-k4.json`],
      [`${REP}/weighted/normal-tree-k3.json`],
      [`${REP}/weighted/normal-tree-k4.json`],
    ]);
    const p = initial.params as unknown as WeightedParams;
    expect(p.randomNetworks).toBe(12);
    expect(p.seed).toBe(initial.seed);
    // Seeds from names: each step its own.
    expect(new Set(weighted.map((s) => s.seed)).size).toBe(4);
    expect(weighted.every((s) => s.estimate > 0)).toBe(true);
    // The analysis reads them.
    const analysis = plan.steps.find((s) => s.id === "analysis")!;
    expect(analysis.inputs[`weightedJson:weighted-normal-tree-k4${TAG}`]).toEqual({
      step: `weighted-normal-tree-k4${TAG}`,
      output: `${REP}/weighted/normal-tree-k4.json`,
    });
  });

  it("plans none with weighted: false or sizes []", () => {
    for (const off of [false, { sizes: [] }]) {
      const plan = buildPlan(config({ weighted: off }), { datasetHash: () => null });
      expect(plan.steps.some((s) => s.kind === "weighted")).toBe(false);
      const analysis = plan.steps.find((s) => s.id === "analysis")!;
      expect((analysis.params as { weighted?: unknown }).weighted).toBeUndefined();
    }
  });

  it("is off by default; --quick keeps it off, or cuts it to k = 3 with 20 shuffles when on", () => {
    expect(resolveStudyConfig({}).weighted).toEqual({ sizes: [], randomNetworks: 100 });
    expect(resolveStudyConfig({}, { quick: true }).weighted.sizes).toEqual([]);
    expect(resolveStudyConfig({ weighted: { sizes: [3, 4] } }, { quick: true }).weighted).toEqual({
      sizes: [3],
      randomNetworks: 20,
    });
    expect(() => resolveStudyConfig({ weighted: { sizes: [1] } })).toThrow(/weighted\.sizes\[0\]/);
    expect(() => resolveStudyConfig({ weighted: true })).toThrow(
      /weighted: must be false or a mapping/,
    );
  });

  it("estimates k = 4 above k = 3 and more shuffles above fewer", () => {
    const est = (patch: object) =>
      buildPlan(config(patch), { datasetHash: () => null })
        .steps.filter((s) => s.kind === "weighted")
        .map((s) => s.estimate);
    const [k3, k4] = est({});
    expect(k4).toBeGreaterThan(k3);
    expect(est({ weighted: { sizes: [3], randomNetworks: 100 } })[0]).toBeGreaterThan(k3);
  });
});

describe("runStudy(config) with weighted motifs", () => {
  let outcome: StudyOutcome;
  beforeAll(async () => {
    outcome = await runStudy(config());
  }, 240_000);

  it("writes what the plan says: one file per network × size, the profile of its model", () => {
    const dir = join(outcome.outDir, REP);
    for (const id of ["normal-initial", "normal-tree"]) {
      for (const k of [3, 4]) {
        const file = join(dir, "weighted", `${id}-k${k}.json`);
        expect(existsSync(file)).toBe(true);
        const record = JSON.parse(readFileSync(file, "utf8")) as WeightedRecord;
        expect(record.graphId).toBe(id);
        expect(record.size).toBe(k);
        expect(record.nullModel).toBe("shuffle");
        expect(record.randomNetworks).toBe(12);
        expect(record.layerSizes).toEqual([31, 6, 5, 4]);
        // The file is the profile of the model file the plan named, with the step's seed.
        const modelFile = id === "normal-initial" ? "normal-initial" : "tree-normal";
        const net = parseNativeModel(
          readFileSync(join(dir, "models", `${modelFile}.model.json`), "utf8"),
          modelFile,
        );
        const again = weightedRecord(
          weightedMotifProfile(net, { size: k, networks: 12, seed: record.seed }),
          {
            graphId: id,
            init: "normal",
            stage: record.stage,
            dataset: record.dataset,
            layerSizes: net.layerSizes,
          },
        );
        expect(JSON.parse(JSON.stringify(again))).toEqual(record);
        for (const t of record.topologies) {
          expect(t.intensity.pOver).toBeGreaterThan(0);
          expect(t.coherence.pUnder).toBeGreaterThan(0);
        }
      }
    }
  });

  it("hands the records to StudyResults, the weightedMotifs table, findings and the report", () => {
    const dir = outcome.outDir;
    const results = JSON.parse(
      readFileSync(join(dir, REP, "study-results.json"), "utf8"),
    ) as StudyResults;
    expect(results.weighted?.map((w) => `${w.graphId}-k${w.size}`)).toEqual([
      "normal-initial-k3",
      "normal-initial-k4",
      "normal-tree-k3",
      "normal-tree-k4",
    ]);
    expect(results.timings.weighted).toBeGreaterThan(0);
    const table = readFileSync(join(dir, REP, "tables", "weighted-motifs.csv"), "utf8");
    expect(table.split("\n")[0]).toMatch(/intensityZ/);
    const findings = JSON.parse(readFileSync(join(dir, "findings.json"), "utf8")) as {
      findings: { kind: string; topology: string; sentence: string }[];
    };
    const weighted = findings.findings.filter((f) => f.kind === "weighted");
    expect(weighted.map((f) => f.topology)).toEqual(
      expect.arrayContaining(["chain", "diamond", "bi-fan"]),
    );
    const html = readFileSync(join(dir, "report.html"), "utf8");
    expect(html).toContain("Weighted motifs without a cut-off");
    expect(html).toContain("no cut-off: the full weighted graph".replace(/^n/, "N"));
  });
});
