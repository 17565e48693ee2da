import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { analyseStudy, summariseFindings, writeAnalysisTables } from "../../src/analysis/index.js";
import { namedTopologyKey, topologyKey } from "../../src/analysis/motif-names.js";
import { makeSyntheticStudy } from "../fixtures/synthetic-study.js";
import { welchTTest } from "../../src/stats/welch-t-test.js";

const results = makeSyntheticStudy();
const analysis = analyseStudy(results);
const t = analysis.tables;
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe("analyseStudy(results)", () => {
  it("learningEfficacy has one row per training with the first epoch reaching 95%", () => {
    expect(t.learningEfficacy).toHaveLength(results.trainings.length);
    for (const row of t.learningEfficacy) {
      const h = results.trainings.find(
        (x) => x.init === row.init && x.dataset === row.dataset,
      )!.history;
      if (row.epochsTo95 !== null) {
        expect(h[row.epochsTo95 - 1].valAccuracy).toBeGreaterThanOrEqual(0.95);
        expect(h.slice(0, row.epochsTo95 - 1).every((e) => e.valAccuracy < 0.95)).toBe(true);
      }
    }
    expect(t.learningCurves).toHaveLength(6 * 20);
  });
  it("weightHistograms count every weight once per graph", () => {
    for (const g of results.graphs) {
      const total = t.weightHistograms
        .filter((r) => r.graphId === g.id)
        .reduce((s, r) => s + r.count, 0);
      expect(total).toBe(g.weights.length);
    }
    expect(t.colourBands.filter((b) => b.init === "normal").map((b) => b.colour)).toEqual([
      1, 2, 0, 2, 3,
    ]);
  });
  it("weightKdes integrate to about 1 per graph", () => {
    const rows = t.weightKdes.filter((r) => r.graphId === "glorot-tree");
    const step = rows[1].x - rows[0].x;
    expect(rows.reduce((s, r) => s + r.density, 0) * step).toBeCloseTo(1, 1);
  });
  it("weightTTests compare the signed weights of initial and trained networks, all and kept (issue 7)", () => {
    expect(t.weightTTests).toHaveLength(6 * 2);
    const row = t.weightTTests.find(
      (r) => r.init === "normal" && r.dataset === "tree" && r.weights === "all",
    )!;
    const w = results.graphs.find((g) => g.id === "normal-initial")!.weights;
    const trained = results.graphs.find((g) => g.id === "normal-tree")!.weights;
    expect(row.meanAbsInitial).toBeCloseTo(w.reduce((s, x) => s + Math.abs(x), 0) / w.length, 12);
    // The fixture scales trained weights by 1.35: magnitudes grow, the signed means barely move.
    expect(row.meanAbsTrained).toBeGreaterThan(row.meanAbsInitial);
    expect(row.p).toBeCloseTo(welchTTest(w, trained).p, 12);
    const kept = t.weightTTests.find(
      (r) => r.init === "normal" && r.dataset === "tree" && r.weights === "kept",
    )!;
    expect(kept.nInitial).toBeLessThan(row.nInitial);
  });
  it("edgesPerColour sums to the kept weights", () => {
    for (const g of results.graphs) {
      const sum = t.edgesPerColour
        .filter((r) => r.graphId === g.id)
        .reduce((s, r) => s + r.edges, 0);
      expect(sum).toBe(g.weightColours.filter((c) => c > 0).length);
    }
  });
  it("topologyVariants pick the max-Z and the most typical variant with BH q-values", () => {
    const diamond = namedTopologyKey("diamond");
    const v = t.topologyVariants.find(
      (r) => r.graphId === "glorot-tree" && r.nullModel === "switch" && r.topology === diamond,
    )!;
    const classes = t.censusClasses.filter(
      (r) =>
        r.graphId === "glorot-tree" &&
        r.nullModel === "switch" &&
        r.topology === diamond &&
        r.z !== null,
    );
    expect(v.maxZ).toBe(Math.max(...classes.map((c) => c.z as number)));
    const mean = classes.reduce((s, c) => s + (c.z as number), 0) / classes.length;
    const closest = Math.min(...classes.map((c) => Math.abs((c.z as number) - mean)));
    expect(Math.abs((v.typicalZ as number) - mean)).toBeCloseTo(closest, 12);
    // q ≥ p always, and q is in [0, 1].
    for (const c of t.censusClasses) {
      if (c.qOver !== null) expect(c.qOver).toBeGreaterThanOrEqual((c.pOver as number) - 1e-12);
    }
    expect(analysis.notes.selectionBias).toMatch(/selection/);
  });
  it("zPairs match a class of the trained network with the same class of its initial network", () => {
    const p = t.zPairs.find((r) => r.deltaZ !== null)!;
    const trained = t.censusClasses.find(
      (c) =>
        c.stage === "trained" &&
        c.init === p.init &&
        c.network === p.dataset &&
        c.size === p.size &&
        c.nullModel === p.nullModel &&
        c.key === p.motif,
    )!;
    const initial = t.censusClasses.find(
      (c) =>
        c.stage === "initial" &&
        c.init === p.init &&
        c.size === p.size &&
        c.nullModel === p.nullModel &&
        c.key === p.motif,
    )!;
    expect(p.deltaZ).toBeCloseTo((trained.z as number) - (initial.z as number), 12);
    // Classes missing from one side keep a null ΔZ rather than being dropped.
    expect(t.zPairs.some((r) => r.deltaZ === null)).toBe(true);
  });
  it("mostChanged ranks by |ΔZ| within each size × null", () => {
    const rows = t.mostChanged.filter((r) => r.size === 4 && r.nullModel === "layered");
    expect(rows).toHaveLength(10);
    for (let i = 1; i < rows.length; i++) {
      expect(Math.abs(rows[i - 1].deltaZ as number)).toBeGreaterThanOrEqual(
        Math.abs(rows[i].deltaZ as number),
      );
    }
  });
  it("significanceProfiles have unit norm per census", () => {
    const rows = t.significanceProfiles.filter(
      (r) => r.graphId === "normal-tree" && r.size === 4 && r.nullModel === "switch",
    );
    expect(rows.reduce((s, r) => s + (r.sp as number) ** 2, 0)).toBeCloseTo(1, 12);
  });
  it("nullComparison pairs switch with layered for every graph × size × topology", () => {
    expect(
      t.nullComparison.every((r) => r.referenceNull === "switch" && r.otherNull === "layered"),
    ).toBe(true);
    const n = new Set(t.topologyVariants.map((v) => `${v.graphId}/${v.size}/${v.topology}`)).size;
    expect(t.nullComparison).toHaveLength(n);
  });
});

describe("summariseFindings(results)", () => {
  it("talks about the diamond and the bi-fan under both nulls, and the layered null", () => {
    const text = summariseFindings(results).join("\n");
    expect(text).toMatch(
      /diamond \(bi-parallel: a→b, a→c, b→d, c→d\).*switch null: median Z.*layered null: median Z/,
    );
    expect(text).toMatch(
      /bi-fan \(a→c, a→d, b→c, b→d\).*switch null: median Z.*layered null: median Z/,
    );
    expect(text).toMatch(/stays? significant under the layered null/);
    expect(text).toMatch(/learns fastest/);
    expect(text).toMatch(/selection/);
  });
});

describe("writeAnalysisTables(analysis, dir)", () => {
  it("writes one CSV per table and the findings", async () => {
    const dir = mkdtempSync(join(tmpdir(), "nnmotifs-analysis-"));
    dirs.push(dir);
    const paths = await writeAnalysisTables(analysis, dir);
    expect(paths).toHaveLength(Object.keys(t).length + 1);
    const files = readdirSync(dir);
    expect(files).toContain("topology-variants.csv");
    expect(files.some((f) => f.includes(".tmp"))).toBe(false);
    const csv = readFileSync(join(dir, "learning-efficacy.csv"), "utf8").split("\n");
    expect(csv[0]).toBe(
      "dataset,init,epochs,epochsTo95,epochsTo100,finalValAccuracy,lossArea,valLossArea,testAccuracy,testLoss,seconds,valAccuracyArea",
    );
    expect(csv.length - 2).toBe(t.learningEfficacy.length);
  });
});

describe("summariseFindings(results) when a null fixes the census", () => {
  it("says that Z is undefined rather than calling the topologies non-significant", () => {
    const study = makeSyntheticStudy(3);
    const fixed = {
      ...study,
      censuses: study.censuses.map((c) =>
        c.nullModel === "layered" && c.size === 3
          ? {
              ...c,
              motifs: c.motifs.map((m) => ({ ...m, z: null, sp: null, pOver: 0, pUnder: 0 })),
            }
          : c,
      ),
    };
    const text = summariseFindings(fixed).join("\n");
    expect(text).toMatch(
      /Under the layered null every random network has the same 3-node counts \(sd = 0\)/,
    );
    expect(text).not.toMatch(
      /3-node topologies are significant in most trained networks.*stay significant under the layered/,
    );
  });
});

describe("summariseFindings(results) with unnamed topologies", () => {
  it("counts unnamed topologies instead of spelling out their keys", () => {
    const study = makeSyntheticStudy(4);
    const biFan = namedTopologyKey("bi-fan");
    // Add an edge 2→3 to every bi-fan class: a 5-edge topology without a name.
    const censuses = study.censuses.map((c) => ({
      ...c,
      motifs: c.motifs.map((m) => {
        if (c.size !== 4 || topologyKey(m.adjacency) !== biFan) return m;
        const rows = [...m.adjacency];
        const edge = rows.findIndex((r, i) => i >= 2 && r === "0000");
        rows[edge] = edge === 2 ? "0001" : "0010";
        return { ...m, adjacency: rows };
      }),
    }));
    const text = summariseFindings({ ...study, censuses }).join("\n");
    expect(text).toMatch(/one unnamed topology/);
    expect(text).not.toMatch(/#\d/);
  });
});
