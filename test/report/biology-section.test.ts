import { describe, expect, it } from "vitest";
import { analyseStudy } from "../../src/analysis/analyse-study.js";
import { topologyKey } from "../../src/analysis/motif-names.js";
import type { ReferenceCensus, StudyResults } from "../../src/analysis/study-results.js";
import { biologyProfilePoints } from "../../src/report/biology-figure.js";
import { biologySection } from "../../src/report/sections/biology.js";
import { REPORT_SECTIONS } from "../../src/report/sections/registry.js";
import { reportHtml } from "../../src/report/index.js";
import { makeSyntheticStudy } from "../fixtures/synthetic-study.js";

/** As if uncoloured: the synthetic size-4 censuses, keeping one class per topology. */
function withReferences(): StudyResults {
  const base = makeSyntheticStudy();
  const topologyCensuses = base.censuses
    .filter((c) => c.size === 4)
    .map((c) => ({
      ...c,
      motifs: c.motifs.filter(
        (m, i) =>
          c.motifs.findIndex((x) => topologyKey(x.adjacency) === topologyKey(m.adjacency)) === i,
      ),
    }));
  const one = topologyCensuses.find((c) => c.nullModel === "switch");
  if (one === undefined) throw new Error("fixture has no size-4 switch census");
  // The reference: one study graph's census with its Z on counts reversed in sign on half the
  // classes, so the correlation is neither 1 nor undefined.
  const reference: ReferenceCensus = {
    network: "@toy",
    name: "toy",
    description: "a toy reference network",
    nodes: 12,
    arcs: 30,
    census: {
      ...one,
      graphId: "@toy",
      motifs: one.motifs.map((m, i) => ({
        ...m,
        zCount: m.zCount === null ? null : (i % 2 === 0 ? 1 : -1) * m.zCount + i,
      })),
    },
  };
  return { ...base, topologyCensuses, references: [reference] };
}

describe("report section: comparison with biological networks", () => {
  it("is registered before the methods and absent when the study counted no reference", () => {
    const ids = REPORT_SECTIONS.map((s) => s.id);
    expect(ids.indexOf("biology")).toBe(ids.indexOf("methods") - 1);
    const results = makeSyntheticStudy();
    const analysis = analyseStudy(results);
    expect(biologySection.include?.({ results, analysis, maxCensusRows: 10 })).toBe(false);
    const html = reportHtml(results, analysis, []);
    expect(html).not.toContain('<section id="biology"');
  });

  it("renders the profile figure per size, the findings and the correlation table", () => {
    const results = withReferences();
    const analysis = analyseStudy(results);
    const input = { results, analysis, maxCensusRows: 10 };
    expect(biologySection.include?.(input)).toBe(true);
    const figures = biologySection.figures(input);
    expect(figures.map((f) => f.name)).toEqual(["biology-profiles-size-4"]);
    const rows = analysis.tables.biologicalComparison;
    // 9 graphs (3 initial, 6 trained) against one reference.
    expect(rows).toHaveLength(9);
    const findings = analysis.findings.filter((f) => f.section === "biology");
    expect(findings).toHaveLength(2); // tree and clusters
    const body = biologySection.body({
      ...input,
      figuresHtml: "<figure>stub</figure>",
      findings,
    });
    expect(body).toContain("@toy (a toy reference network; 12 nodes, 30 arcs)");
    for (const f of findings) expect(body).toContain(f.sentence.slice(0, 60));
    expect(body).toContain("<figure>stub</figure>");
    expect(body).toContain("95 % interval (Fisher z)");
    for (const r of rows) expect(body).toContain(r.r.toFixed(2));
  });

  it("plots each reference's SP and, per network kind, the mean SP over its graphs", () => {
    const results = withReferences();
    const graphs = (results.topologyCensuses ?? []).map((census) => ({
      network:
        results.graphs.find((g) => g.id === census.graphId)?.stage === "initial"
          ? "initial"
          : (results.graphs.find((g) => g.id === census.graphId)?.dataset ?? ""),
      census,
    }));
    const points = biologyProfilePoints(graphs, results.references ?? [], 4);
    const kinds = new Set(points.map((p) => p.series));
    expect([...kinds].sort()).toEqual(["clusters", "initial", "toy", "tree"]);
    // The initial kind pools the 3 initial networks: n = 3 per topology.
    expect(points.filter((p) => p.series === "initial").every((p) => p.n === 3)).toBe(true);
    for (const p of points) {
      if (p.n >= 2) expect(p.lo).toBeLessThanOrEqual(p.sp);
    }
  });
});
