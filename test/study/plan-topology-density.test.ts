import { describe, expect, it } from "vitest";
import { resolveStudyConfig, type StudyConfigInput } from "../../src/study/config.js";
import { buildPlan, type EnsembleIndex, type StudyPlan } from "../../src/study/plan.js";

// The one-seed grid with sizes 3–5 and no snapshots (the study of issue 7).
const plan = (input: StudyConfigInput = {}): StudyPlan =>
  buildPlan(
    resolveStudyConfig({
      seeds: 1,
      snapshots: [],
      motifs: { sizes: [3, 4, 5], nulls: ["switch", "layered"] },
      topology: { sizes: [3, 4, 5] },
      ...input,
    }),
  );
const R = "@30-30-s1";
const DIR = "replicates/30-30/s1";
const keys = (p: StudyPlan): Map<string, string> => new Map(p.steps.map((s) => [s.id, s.planKey]));
const small: StudyConfigInput = { sensitivity: { cutoffs: [] } };

describe("buildPlan: the colours axis and matched density (issue 7 items 4, 5)", () => {
  it("counts every main graph without colours at sizes 3–5 and each initial network at each trained network's density at size 4", () => {
    const p = plan();
    const uncoloured = p.steps.filter(
      (s) => s.kind === "census" && s.id.endsWith(`-uncoloured${R}`),
    );
    const topology = uncoloured.filter((s) => !s.id.includes("-matched-"));
    const matched = uncoloured.filter((s) => s.id.includes("-matched-"));
    expect(topology).toHaveLength(9 * 3 * 2);
    expect(matched).toHaveLength(3 * 2 * 2);
    expect(matched.every((s) => (s.params as { size: number }).size === 4)).toBe(true);
    for (const s of uncoloured) {
      expect((s.params as { motifs: { colours: boolean } }).motifs.colours).toBe(false);
    }
    expect(p.steps.flatMap((s) => s.outputs)).toContain(
      `${DIR}/census/normal-tree-k4-switch-uncoloured.json`,
    );
    expect(p.steps.flatMap((s) => s.outputs)).toContain(
      `${DIR}/census/matched/glorot-initial-matched-clusters-k4-layered-uncoloured.json`,
    );
    const graphs = p.steps.filter((s) => s.id.startsWith("matched-graphs-"));
    expect(graphs.map((s) => s.id)).toContain(`matched-graphs-normal-initial-matched-tree${R}`);
    expect(graphs).toHaveLength(6);
    // A matched census reads its matched graph.
    const one = matched.find(
      (s) => s.id === `census-normal-initial-matched-tree-k4-switch-uncoloured${R}`,
    );
    expect(one?.inputs.graph).toEqual({
      step: `matched-graphs-normal-initial-matched-tree${R}`,
      output: `${DIR}/graphs/matched/normal-initial-matched-tree.graph.json`,
    });
    // The analysis reads them all.
    const analysis = p.steps.find((s) => s.kind === "analysis");
    const index = (analysis?.params as unknown as EnsembleIndex).replicates[0];
    expect(index.topology).toHaveLength(54);
    expect(index.matched).toHaveLength(6);
    expect(index.matched[0].censuses).toHaveLength(2);
  });

  it("topology.sizes changes only the uncoloured censuses it adds or removes, and the analysis and report", () => {
    const a = plan({ ...small, topology: { sizes: [3, 4] } });
    const b = plan({ ...small, topology: { sizes: [3, 4, 5] } });
    const ka = keys(a);
    const kb = keys(b);
    const added = b.steps.filter((s) => !ka.has(s.id)).map((s) => s.id);
    expect(added).toHaveLength(9 * 2);
    expect(added.every((id) => id.includes("-k5-") && id.endsWith(`-uncoloured${R}`))).toBe(true);
    const changed = a.steps.filter((s) => kb.get(s.id) !== s.planKey).map((s) => s.id);
    expect(changed).toEqual(["analysis", "report"]);
  });

  it("density.sizes changes only the matched steps, and the analysis and report; empty turns it off", () => {
    const a = plan({ ...small, density: { sizes: [4] } });
    const off = plan({ ...small, density: { sizes: [] } });
    const koff = keys(off);
    const removed = a.steps.filter((s) => !koff.has(s.id)).map((s) => s.id);
    expect(removed).toHaveLength(6 + 12);
    expect(removed.every((id) => id.includes("-matched-"))).toBe(true);
    const changed = off.steps.filter((s) => keys(a).get(s.id) !== s.planKey).map((s) => s.id);
    expect(changed).toEqual(["analysis", "report"]);
  });

  it("has no matched density with another binning than the paper's (the matched scheme re-bins paper colours)", () => {
    const p = plan({ ...small, graphs: { binning: "quantile" } });
    expect(p.steps.some((s) => s.id.includes("-matched-"))).toBe(false);
    expect(p.steps.some((s) => s.id.endsWith(`-uncoloured${R}`))).toBe(true);
  });
});
