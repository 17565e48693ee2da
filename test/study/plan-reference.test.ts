import { describe, expect, it } from "vitest";
import { resolveStudyConfig, type StudyConfigInput } from "../../src/study/config.js";
import {
  buildPlan,
  type ReferenceParams,
  type ResultsIndex,
  type StepSpec,
} from "../../src/study/plan.js";
import { stepSeed } from "../../src/study/step.js";
import { runStepSpec, type StepContext } from "../../src/study/steps/registry.js";
import { shippedNetworks } from "../../src/graph/networks.js";
import { namedTopologyKey, topologyKey } from "../../src/analysis/motif-names.js";

const plan = (input: StudyConfigInput = {}) =>
  buildPlan(resolveStudyConfig({ sensitivity: { cutoffs: [] }, ...input }));
const referenceSteps = (input: StudyConfigInput = {}) =>
  plan(input).steps.filter((s) => s.kind === "reference") as unknown as StepSpec<ReferenceParams>[];

/** A context that keeps what a step writes in memory. */
function memoryContext(): StepContext & { written: Map<string, string> } {
  const written = new Map<string, string>();
  return {
    written,
    readText: () => Promise.reject(new Error("a reference step reads no input")),
    readBytes: () => Promise.reject(new Error("a reference step reads no input")),
    record: () => {
      throw new Error("a reference step reads no record");
    },
    write: (key, data) => {
      written.set(key, typeof data === "string" ? data : new TextDecoder().decode(data));
      return Promise.resolve(key);
    },
    scratch: () => Promise.reject(new Error("no scratch")),
    collect: () => Promise.reject(new Error("no collect")),
    threads: 1,
    autoThreads: false,
    signal: new AbortController().signal,
    progress: () => undefined,
  };
}

describe("buildPlan: the reference networks (config `biology`)", () => {
  it("counts @celegans and @ecoli at sizes 3 and 4 under switch by default, with the study's N", () => {
    const steps = referenceSteps();
    expect(steps.map((s) => s.id)).toEqual([
      "census-reference-celegans-k3-switch",
      "census-reference-celegans-k4-switch",
      "census-reference-ecoli-k3-switch",
      "census-reference-ecoli-k4-switch",
    ]);
    const sha = new Map(shippedNetworks().map((n) => [`@${n.name}`, n.sha256]));
    for (const s of steps) {
      const p = s.params;
      expect(s.stage).toBe("census");
      expect(p.motifs).toEqual({ randomNetworks: 100, exchanges: 3, tries: 3 });
      expect(p.seed).toBe(stepSeed(1, "reference", p.network, String(p.size), "switch"));
      expect(s.seed).toBe(p.seed);
      expect(p.content).toBe(sha.get(p.network));
      expect(s.outputs).toEqual([p.json, p.csv]);
      expect(p.json).toBe(`references/${p.network.slice(1)}-k${p.size}-switch.json`);
    }
  });

  it("hands every reference census to the analysis and the report", () => {
    const p = plan();
    const ids = referenceSteps().map((s) => s.id);
    for (const kind of ["analysis", "report"]) {
      const step = p.steps.find((s) => s.kind === kind);
      // Every replicate's results read the study's one set of reference censuses.
      const index = (step?.params as unknown as { replicates: ResultsIndex[] }).replicates[0];
      expect(index.references?.map((r) => r.step)).toEqual(ids);
      for (const id of ids) {
        expect(step?.inputs[`census:${id}`]).toEqual({ step: id, output: null });
        expect(step?.inputs[`censusJson:${id}`]?.output).toMatch(/^references\/.*\.json$/);
      }
    }
  });

  it("follows the config: other sizes, null, random networks and seed; none when empty", () => {
    const steps = referenceSteps({
      seed: 7,
      motifs: { randomNetworks: 20, nulls: ["layered", "switch"] },
      biology: { networks: ["@ecoli"], sizes: [3], nullModel: "layered" },
    });
    expect(steps.map((s) => s.id)).toEqual(["census-reference-ecoli-k3-layered"]);
    expect(steps[0].params.motifs.randomNetworks).toBe(20);
    expect(steps[0].params.seed).toBe(stepSeed(7, "reference", "@ecoli", "3", "layered"));
    expect(referenceSteps({ biology: { networks: [] } })).toEqual([]);
    const index = (
      plan({ biology: { networks: [] } }).steps.find((s) => s.kind === "analysis")
        ?.params as unknown as { replicates: ResultsIndex[] }
    ).replicates[0];
    expect(index.references).toEqual([]);
  });

  it("refuses a network that is neither shipped nor a file, naming it", () => {
    expect(() => plan({ biology: { networks: ["@nosuch"] } })).toThrow(/@nosuch/);
  });
});

describe("the reference step", () => {
  it("writes exactly the outputs its spec lists: @ecoli's uncoloured census, the same for a seed", async () => {
    const [spec] = referenceSteps({
      motifs: { randomNetworks: 5 },
      biology: { networks: ["@ecoli"], sizes: [3] },
    });
    const ctx = memoryContext();
    const out = await runStepSpec(spec as unknown as StepSpec, ctx);
    expect([...out.outputs]).toEqual([...spec.outputs]);
    expect([...ctx.written.keys()]).toEqual([...spec.outputs]);
    const doc = JSON.parse(ctx.written.get(spec.params.json) ?? "{}") as {
      subgraphs: number;
      colours: number;
      random: { networks: number; null: string; seed: number };
      motifs: { adjacency: string[]; count: number }[];
    };
    expect(doc.subgraphs).toBe(5206);
    expect(doc.colours).toBe(1);
    expect(doc.random).toMatchObject({ networks: 5, null: "switch", seed: spec.params.seed });
    const ffl = doc.motifs.find(
      (m) => topologyKey(m.adjacency) === namedTopologyKey("feed-forward loop"),
    );
    expect(ffl?.count).toBe(42);
    expect(out.data).toMatchObject({ nodes: 423, arcs: 519, subgraphs: 5206 });
    const again = memoryContext();
    await runStepSpec(spec as unknown as StepSpec, again);
    expect(again.written.get(spec.params.json)).toBe(ctx.written.get(spec.params.json));
  });
});
