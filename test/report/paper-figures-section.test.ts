/**
 * "The paper's figures across seeds": absent without an ensemble; with one, per architecture a
 * Z-scatter per size, the weight table figure and one seed's weight histograms, each with the
 * interval in its caption, and the weight tables in the body.
 */
import { describe, expect, it } from "vitest";
import { analyseStudy } from "../../src/analysis/index.js";
import { analyseEnsemble } from "../../src/analysis/ensemble/analyse-ensemble.js";
import type { EnsembleResults } from "../../src/analysis/ensemble/replicates.js";
import { includedSections, renderSvg, type SectionInput } from "../../src/report/index.js";
import { shortClassName } from "../../src/report/ensemble-most-changed-figure.js";
import {
  ensembleZScatterFigure,
  MAX_WHISKERED_POINTS,
} from "../../src/report/ensemble-z-scatter-figure.js";
import { MAX_SCATTER_POINTS } from "../../src/report/z-scatter-figure.js";
import { paperFiguresSection } from "../../src/report/sections/paper-figures.js";
import { handEnsemble, type HandOptions } from "../analysis/ensemble/hand-ensemble.js";

const options: HandOptions = {
  seeds: [1, 2, 3],
  classes: true,
  z: (seed, init, network, _n, top) =>
    (network === "initial" ? 0 : 1 + (init === "glorot" ? 1 : 0)) +
    (top === "diamond" ? 2 : top === "bi-fan" ? -1 : 0) +
    (seed % 2 === 0 ? 0.3 : -0.3),
  weights: (seed, _init, network) =>
    network === "initial" ? [0.1 * seed, -0.2, 0.3, 0.9] : [0.2 * seed, -0.4, 0.6, 1.8],
};
const two: EnsembleResults = {
  config: {},
  replicates: [
    ...handEnsemble({ ...options, architecture: "2-2" }).replicates,
    ...handEnsemble({ ...options, architecture: "4-4" }).replicates,
  ],
};
const results = two.replicates[0].results;
const analysis = analyseStudy(results);
const withEnsemble: SectionInput = {
  results,
  analysis,
  ensemble: { results: two, analysis: analyseEnsemble(two) },
  maxCensusRows: 60,
};

describe("paperFiguresSection", () => {
  it("is absent without an ensemble", () => {
    const ids = includedSections({ results, analysis, maxCensusRows: 60 }).map((s) => s.id);
    expect(ids).not.toContain("paper-figures");
    expect(includedSections(withEnsemble).map((s) => s.id)).toContain("paper-figures");
  });
  it("declares each figure kind once per architecture and size, with distinct names", () => {
    const names = paperFiguresSection.figures(withEnsemble).map((f) => f.name);
    for (const a of ["2-2", "4-4"]) {
      expect(names.filter((n) => n === `ensemble-z-scatter-${a}-size-4`)).toHaveLength(1);
      expect(names.filter((n) => n === `ensemble-most-changed-${a}-size-4`)).toHaveLength(1);
      expect(names.filter((n) => n === `ensemble-delta-z-histogram-${a}-size-4`)).toHaveLength(1);
      expect(names.filter((n) => n === `ensemble-weights-${a}`)).toHaveLength(1);
      expect(names.filter((n) => n === `ensemble-weight-histograms-${a}`)).toHaveLength(1);
    }
    expect(new Set(names).size).toBe(names.length);
  });
  it("states the interval in the captions of the figures that have one", () => {
    for (const f of paperFiguresSection.figures(withEnsemble)) {
      if (f.name.startsWith("ensemble-weight-histograms")) expect(f.caption).toMatch(/One seed/);
      else if (f.name.startsWith("ensemble-delta-z-histogram"))
        expect(f.caption).toMatch(/paired across 3 seeds.*95 % t-interval/);
      else expect(f.caption).toMatch(/t-intervals across 3 seeds/);
    }
  });
  it("labels each most-changed bar distinctly within its panel", () => {
    const most = withEnsemble.ensemble!.analysis.tables.mostChangedClasses;
    expect(most.length).toBeGreaterThan(0);
    const spec = paperFiguresSection
      .figures(withEnsemble)
      .find((f) => f.name === "ensemble-most-changed-2-2-size-4")!.spec as {
      data: { values: { nullModel: string; label: string; motif: string }[] };
    };
    const values = spec.data.values;
    for (const n of new Set(values.map((v) => v.nullModel))) {
      const labels = values.filter((v) => v.nullModel === n).map((v) => v.label);
      expect(new Set(labels).size).toBe(labels.length);
    }
    // Every glorot class gains 2, every normal one 1: the glorot classes lead.
    expect(values[0].label).toMatch(/^1\. \S.* \(glorot\/(tree|clusters)\)$/);
  });
  it("ensembleZScatterFigure draws whiskers for few classes, points without them, a density for many", () => {
    const row = withEnsemble.ensemble!.analysis.tables.classZChanges.find(
      (r) => r.architecture === "2-2" && r.zInitialLo !== null,
    )!;
    const marks = (n: number) => {
      const rows = Array.from({ length: n }, (_, i) => ({ ...row, motif: `m${i}` }));
      const f = ensembleZScatterFigure(rows, "2-2", row.size, ["normal", "glorot"], ["switch"]);
      const layers = (f.spec.spec as { layer: { mark: { type: string } }[] }).layer;
      return layers.map((l) => l.mark.type);
    };
    expect(marks(3)).toEqual(["line", "rule", "rule", "point"]);
    expect(marks(MAX_WHISKERED_POINTS + 1)).toEqual(["line", "point"]);
    expect(marks(MAX_SCATTER_POINTS + 1)).toEqual(["line", "rect"]);
  });
  it("shortClassName(name) keeps names and gives unnamed topologies a short distinct id", () => {
    expect(shortClassName("diamond")).toBe("diamond");
    const a = shortClassName("5-node, 6 edges #0110000010000010000100000");
    const b = shortClassName("5-node, 6 edges #0110000010000010000000010");
    expect(a).toMatch(/^5-node 6-edge #[0-9a-z]{1,5}$/);
    expect(b).not.toBe(a);
    expect(a).toBe(`5-node 6-edge #${parseInt("0110000010000010000100000", 2).toString(36)}`);
  });
  it("renders every figure to an SVG with marks", async () => {
    for (const f of paperFiguresSection.figures(withEnsemble)) {
      const svg = await renderSvg(f.spec);
      expect(svg, f.name).toMatch(/<svg/);
      expect(svg, f.name).toMatch(/<path|<line/);
    }
  });
  it("shows the weight table across seeds and the share kept per colour in its body", () => {
    const html = paperFiguresSection.body({
      ...withEnsemble,
      figuresHtml: "",
      findings: [],
    });
    expect(html).toMatch(/weight-table\.csv/);
    expect(html).toMatch(/kept-share\.csv/);
    expect(html).toMatch(/2-2: 3 seeds; 4-4: 3 seeds/);
  });
});
