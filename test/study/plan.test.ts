import { describe, expect, it } from "vitest";
import { resolveStudyConfig, type StudyConfigInput } from "../../src/study/config.js";
import { buildPlan, type StepSpec, type StudyPlan } from "../../src/study/plan.js";

/** The one-seed grid of issue 4 (sizes 3–5, the sweep, no snapshots). */
const ONE_SEED: StudyConfigInput = {
  seeds: 1,
  snapshots: [],
  sensitivity: { cutoffs: [0.35, 0.45, 0.55, 0.65, 0.75] },
  motifs: { sizes: [3, 4, 5], nulls: ["switch", "layered"] },
  topology: { sizes: [3, 4, 5] },
};
const merge = (a: StudyConfigInput, b: StudyConfigInput): StudyConfigInput => {
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const base = (a as Record<string, unknown>)[k];
    out[k] =
      typeof v === "object" && v !== null && !Array.isArray(v) && typeof base === "object"
        ? { ...base, ...v }
        : v;
  }
  return out as StudyConfigInput;
};
const plan = (input: StudyConfigInput = {}): StudyPlan =>
  buildPlan(resolveStudyConfig(merge(ONE_SEED, input)));
/** The replicate suffix of the one-seed grid's step ids, and its folder. */
const R = "@30-30-s1";
const DIR = "replicates/30-30/s1";
const keys = (p: StudyPlan): Map<string, string> => new Map(p.steps.map((s) => [s.id, s.planKey]));

/** Ids of the steps whose key differs between two plans with the same steps. */
function changed(a: StudyPlan, b: StudyPlan): string[] {
  const kb = keys(b);
  expect([...kb.keys()]).toEqual(a.steps.map((s) => s.id));
  return a.steps.filter((s) => kb.get(s.id) !== s.planKey).map((s) => s.id);
}

/** Every step downstream of the given ones (inclusive), by the plan's inputs. */
function downstream(p: StudyPlan, roots: readonly string[]): string[] {
  const reached = new Set(roots);
  for (const s of p.steps) {
    if (Object.values(s.inputs).some((i) => reached.has(i.step))) reached.add(s.id);
  }
  return p.steps.filter((s) => reached.has(s.id)).map((s) => s.id);
}

describe("buildPlan(config)", () => {
  it("is deterministic and serialisable: the same config gives the same JSON, which reads back equal", () => {
    const a = plan();
    const b = plan();
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
    expect(a.steps.every((s) => /^[0-9a-f]{64}$/.test(s.planKey))).toBe(true);
  });

  it("lists every step after the steps it reads (dependency order)", () => {
    const seen = new Set<string>();
    for (const s of plan().steps) {
      for (const i of Object.values(s.inputs))
        expect(seen.has(i.step), `${s.id} ← ${i.step}`).toBe(true);
      seen.add(s.id);
    }
  });

  it("the default study is one grid: the sweep's point at c = 0.55 is the main grid, computed once", () => {
    const p = plan();
    const ids = p.steps.map((s) => s.id);
    // 6 trainings, 3 + 3 × 4 graph groups, 54 main + 4 × 18 sweep censuses, 54 uncoloured
    // censuses (9 graphs × sizes 3–5 × 2 nulls), 6 matched graphs (3 inits × 2 data sets) and
    // their 12 uncoloured k = 4 censuses, 4 reference censuses (2 networks × k = 3, 4), analysis,
    // report (main's code: 170 steps, the sweep's 3 graph groups and 18 censuses at c = 0.55 included)
    expect(ids).toHaveLength(6 + 15 + 54 + 72 + 54 + 6 + 12 + 4 + 2);
    expect(new Set(ids).size).toBe(ids.length);
    expect(
      ids.some((id) => id.startsWith("sensitivity-graphs-") && id.endsWith(`-c0.55${R}`)),
    ).toBe(false);
    expect(ids.some((id) => id.startsWith("sensitivity-census-c0.55-"))).toBe(false);
    // No two steps compute the same thing.
    const content = p.steps.map((s) => JSON.stringify([s.kind, s.params, s.inputs]));
    expect(new Set(content).size).toBe(content.length);
    // The analysis reads the main censuses as the sweep's c = 0.55 column.
    const analysis = p.steps.find((s) => s.kind === "analysis") as StepSpec<{
      replicates: Array<{
        sensitivity: Array<{ cutoff: number; censuses: Array<{ step: string }> }>;
      }>;
    }>;
    const sensitivity = analysis.params.replicates[0].sensitivity;
    expect(sensitivity.map((s) => s.cutoff)).toEqual([0.35, 0.45, 0.55, 0.65, 0.75]);
    const at055 = sensitivity[2].censuses.map((c) => c.step);
    expect(at055).toHaveLength(18);
    expect(at055.every((id) => id.startsWith("census-") && id.includes("-k4-"))).toBe(true);
  });

  it("keeps the main grid's output paths", () => {
    const p = plan();
    const outputs = p.steps.flatMap((s) => s.outputs);
    expect(outputs).toContain(`${DIR}/census/normal-tree-k4-switch.json`);
    expect(outputs).toContain(`${DIR}/graphs/glorot-initial.graph.json`);
    expect(outputs).toContain(`${DIR}/models/tree-normal.model.json`);
    expect(outputs).toContain(`${DIR}/census/sensitivity/c0.35/normal-tree-k4-switch.json`);
    expect(new Set(outputs).size).toBe(outputs.length); // no two steps write one key
  });

  it("a changed motifs.randomNetworks changes exactly the census, analysis and report keys", () => {
    const a = plan();
    const b = plan({ motifs: { randomNetworks: 50 } });
    const ids = changed(a, b);
    expect(ids).toEqual(
      a.steps.filter((s) => ["census", "analysis", "report"].includes(s.stage)).map((s) => s.id),
    );
    expect(ids.some((id) => id.startsWith("train-") || id.includes("graphs-"))).toBe(false);
  });

  it("a changed parameter changes exactly the keys downstream of the steps it feeds", () => {
    const a = plan();
    // The training of one data set's networks: its 3 trainings and everything that reads them.
    const epochs = plan({ training: { epochs: 21 } });
    expect(changed(a, epochs)).toEqual(
      downstream(
        a,
        a.steps.filter((s) => s.kind === "train").map((s) => s.id),
      ),
    );
    // The study's cut-off (to a value outside the sweep): the main graphs and their censuses; not
    // the training, nor the sweep's graphs and censuses at other cut-offs.
    const cut = plan({ graphs: { cutoff: 0.55 }, sensitivity: { cutoffs: [0.35, 0.45] } });
    const cut2 = plan({ graphs: { cutoff: 0.5 }, sensitivity: { cutoffs: [0.35, 0.45] } });
    // The matched graphs bin at the study's cut-off too.
    expect(changed(cut, cut2)).toEqual(
      downstream(cut, [
        `graphs-normal${R}`,
        `graphs-orthogonal${R}`,
        `graphs-glorot${R}`,
        ...cut.steps.filter((s) => s.id.startsWith("matched-graphs-")).map((s) => s.id),
      ]),
    );
    // Threads and the results folder change nothing.
    expect(changed(a, plan({ threads: 1, out: "elsewhere" }))).toEqual([]);
  });

  it("a new sweep cut-off adds its steps and changes only the analysis and report", () => {
    const a = plan({ sensitivity: { cutoffs: [0.45, 0.55] } });
    const b = plan({ sensitivity: { cutoffs: [0.45, 0.55, 0.65] } });
    const kb = keys(b);
    const changedIds = a.steps.filter((s) => kb.get(s.id) !== s.planKey).map((s) => s.id);
    expect(changedIds).toEqual(["analysis", "report"]);
    const added = b.steps.filter((s) => !keys(a).has(s.id));
    expect(added.map((s) => s.stage)).toEqual([
      ...Array(3).fill("graphs"),
      ...Array(18).fill("census"),
    ]);
  });
});
