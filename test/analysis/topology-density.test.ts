import { describe, expect, it } from "vitest";
import { analyseStudy, type StudyResults } from "../../src/analysis/index.js";
import type { Finding } from "../../src/analysis/findings.js";
import { namedTopologyKey, topologyKey } from "../../src/analysis/motif-names.js";
import { median } from "../../src/analysis/median.js";
import type { CensusRecord, MatchedRecord } from "../../src/analysis/study-results.js";
import { reportHtml } from "../../src/report/index.js";
import { makeSyntheticStudy } from "../fixtures/synthetic-study.js";

const base = makeSyntheticStudy();
const diamond = namedTopologyKey("diamond");
const bifan = namedTopologyKey("bi-fan");

/** One row per topology of a census: what an uncoloured census of the same graph holds. */
function uncoloured(
  c: CensusRecord,
  zShift: number,
  significantIn: ReadonlySet<string>,
): CensusRecord {
  const seen = new Set<string>();
  const motifs = c.motifs.filter((m) => {
    const t = topologyKey(m.adjacency);
    if (seen.has(t)) return false;
    seen.add(t);
    return true;
  });
  return {
    ...c,
    motifs: motifs.map((m) => {
      const t = topologyKey(m.adjacency);
      const named = t === diamond || t === bifan;
      return {
        ...m,
        key: t,
        constrained: false,
        z: named ? (m.z ?? 0) + zShift : m.z,
        significant: t === diamond && significantIn.has(c.graphId) ? "over" : null,
      };
    }),
  };
}

const trainedIds = base.graphs.filter((g) => g.stage === "trained").map((g) => g.id);
// The census's decision: the diamond significant in two trained networks under switch only.
const decided = new Set(trainedIds.slice(0, 2));
const topologyCensuses = base.censuses
  .filter((c) => c.size === 4)
  .map((c) =>
    uncoloured(
      c,
      c.graphId.endsWith("-initial") ? 0 : 3,
      c.nullModel === "switch" ? decided : new Set(),
    ),
  );
const matched: MatchedRecord[] = base.graphs
  .filter((g) => g.stage === "trained")
  .map((g) => ({
    init: g.init,
    dataset: g.dataset ?? "",
    trainedId: g.id,
    graphId: `${g.init}-initial-matched-${g.dataset}`,
    initialEdgesPerColour: g.edgesPerColour,
    trainedEdgesPerColour: g.edgesPerColour,
    // The initial network at the trained network's density: Z one above the paper-binned initial.
    censuses: topologyCensuses
      .filter((c) => c.graphId === `${g.init}-initial`)
      .map((c) => ({
        ...c,
        graphId: `${g.init}-initial-matched-${g.dataset}`,
        motifs: c.motifs.map((m) => ({ ...m, z: m.z === null ? null : m.z + 1 })),
      })),
  }));
const results: StudyResults = { ...base, topologyCensuses, matched };
const analysis = analyseStudy(results);
const of = <K extends Finding["kind"]>(kind: K): Extract<Finding, { kind: K }>[] =>
  analysis.findings.filter((f): f is Extract<Finding, { kind: K }> => f.kind === kind);

describe("topology first (issue 7 item 4)", () => {
  it("the headline per topology is the uncoloured census's decision and Z", () => {
    for (const nullModel of results.nullModels) {
      const f = of("topology-level").find((x) => x.topology === "diamond" && x.null === nullModel);
      expect(f).toBeDefined();
      const rows = topologyCensuses
        .filter((c) => c.nullModel === nullModel && trainedIds.includes(c.graphId))
        .map((c) => c.motifs.find((m) => m.key === diamond));
      expect(f?.significant).toBe(rows.filter((m) => m?.significant === "over").length);
      expect(f?.value).toBe(median(rows.map((m) => m?.z ?? NaN)));
      expect(f?.networks).toBe(6);
    }
    expect(
      of("topology-level").find((x) => x.topology === "diamond" && x.null === "switch")
        ?.significant,
    ).toBe(2);
    expect(
      of("topology-level").find((x) => x.topology === "diamond" && x.null === "layered")
        ?.significant,
    ).toBe(0);
  });

  it("counts significant (topology, trained network) pairs per null and size", () => {
    const pairs = of("topology-pairs");
    const sw = pairs.find((p) => p.null === "switch" && p.size === 4);
    expect(sw?.significant).toBe(2);
    expect(sw?.pairs).toBe(
      topologyCensuses
        .filter((c) => c.nullModel === "switch" && trainedIds.includes(c.graphId))
        .reduce((a, c) => a + c.motifs.length, 0),
    );
    expect(sw?.sentence).toContain("2 of");
  });

  it("keeps the most significant coloured variant, labelled as a biased selection", () => {
    const coloured = of("topology");
    expect(coloured.length).toBeGreaterThan(0);
    for (const f of coloured)
      expect(f.sentence).toMatch(/most significant coloured variant .*biased selection/);
  });

  it("puts the topology-level records on the first screen's headline", () => {
    const html = reportHtml(results, analysis, []);
    const summary = html.slice(html.indexOf('id="summary"'), html.indexOf('id="learning"'));
    const headlines = [...summary.matchAll(/class="headline">([^<]*)</g)].map((m) => m[1]);
    expect(headlines.length).toBeGreaterThan(0);
    expect(headlines.every((h) => h.includes("as a topology (counted without colours)"))).toBe(
      true,
    );
  });
});

describe("density control (issue 7 item 5)", () => {
  it("states ΔZ at paper and at matched density for the diamond and the bi-fan, per null", () => {
    const density = of("density");
    expect(density.map((f) => `${f.topology}/${f.null}`).sort()).toEqual([
      "bi-fan/layered",
      "bi-fan/switch",
      "diamond/layered",
      "diamond/switch",
    ]);
    for (const f of density) {
      const rows = analysis.tables.matchedDensity.filter(
        (r) => r.topology === f.topology && r.nullModel === f.null,
      );
      expect(rows).toHaveLength(6);
      // The matched initial's Z is the paper initial's + 1: ΔZ is one smaller at matched density.
      expect(f.deltaZPaper).toBe(median(rows.map((r) => r.deltaZPaper ?? NaN)));
      expect(f.deltaZMatched).toBe(median(rows.map((r) => r.deltaZMatched ?? NaN)));
      expect((f.deltaZPaper ?? NaN) - (f.deltaZMatched ?? NaN)).toBeCloseTo(1, 9);
      expect(f.value).toBeCloseTo((f.deltaZMatched ?? NaN) / (f.deltaZPaper ?? NaN), 12);
      expect(f.sentence).toContain(`${(f.deltaZMatched ?? 0).toFixed(2)} at matched density`);
    }
    expect(analysis.tables.zAgainstEdges.length).toBeGreaterThan(0);
    const html = reportHtml(results, analysis, []);
    expect(html).toContain('id="density"');
  });
});
