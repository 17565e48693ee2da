/**
 * The across-seed sections (seeds, null separation, trajectories): present with an ensemble (and,
 * for the trajectories, snapshots), with their figures and the headline sentence on the first
 * screen; absent without.
 */
import { describe, expect, it } from "vitest";
import { analyseStudy } from "../../src/analysis/index.js";
import { analyseEnsemble } from "../../src/analysis/ensemble/analyse-ensemble.js";
import {
  includedSections,
  renderSvg,
  reportHtml,
  type RenderedFigure,
  type SectionInput,
} from "../../src/report/index.js";
import { nullSeparationSection } from "../../src/report/sections/null-separation.js";
import { seedsSection } from "../../src/report/sections/seeds.js";
import { trajectoriesSection } from "../../src/report/sections/trajectories.js";
import { studyFigures } from "../../src/report/study-figures.js";
import { handEnsemble } from "../analysis/ensemble/hand-ensemble.js";

const wiggle = (s: number) => (s % 2 === 0 ? 0.4 : -0.4);
const ensembleResults = handEnsemble({
  seeds: [1, 2, 3, 4, 5],
  z: (s, init, network, _n, top) =>
    top === "bi-fan"
      ? null
      : network === "initial"
        ? wiggle(s)
        : 2 + wiggle(s) + (init === "glorot" ? 1 : 0),
  snapshots: {
    epochs: [0, 2, 5],
    z: (s, _i, _d, _n, top, epoch) =>
      top === "bi-fan" ? null : epoch * 0.5 + wiggle(s) * (epoch + 1),
  },
});
const results = ensembleResults.replicates[0].results;
const analysis = analyseStudy(results);
const ensemble = { results: ensembleResults, analysis: analyseEnsemble(ensembleResults) };
const withEnsemble: SectionInput = { results, analysis, ensemble, maxCensusRows: 60 };
const without: SectionInput = { results, analysis, maxCensusRows: 60 };
const ACROSS = [seedsSection, nullSeparationSection, trajectoriesSection];

async function render(input: SectionInput): Promise<string> {
  const placed = studyFigures(results, analysis, undefined, 60, input.ensemble);
  const figures: RenderedFigure[] = [];
  for (const p of placed) figures.push({ ...p, svg: await renderSvg(p.figure.spec) });
  return reportHtml(results, analysis, figures, { ensemble: input.ensemble });
}

describe("across-seed report sections", () => {
  it("are absent without an ensemble, and the trajectories without snapshots", () => {
    const ids = includedSections(without).map((s) => s.id);
    for (const s of ACROSS) expect(ids).not.toContain(s.id);
    const noSnapshots = handEnsemble({ seeds: [1, 2], z: () => 1 });
    const input = {
      ...without,
      ensemble: { results: noSnapshots, analysis: analyseEnsemble(noSnapshots) },
    };
    expect(trajectoriesSection.include!(input)).toBe(false);
    expect(seedsSection.include!(input)).toBe(true);
  });
  it("declare interval figures per architecture and size", () => {
    expect(seedsSection.figures(withEnsemble).map((f) => f.name)).toEqual([
      "ensemble-z-2-2-size-4",
      "ensemble-delta-z-2-2-size-4",
      "ensemble-profile-2-2-size-4",
      "ensemble-edges-2-2",
      "ensemble-learning-2-2",
    ]);
    expect(nullSeparationSection.figures(withEnsemble).map((f) => f.name)).toEqual([
      "null-separation-2-2-size-4",
    ]);
    expect(trajectoriesSection.figures(withEnsemble).map((f) => f.name)).toEqual([
      "trajectories-2-2-size-4",
    ]);
    for (const s of ACROSS) {
      for (const f of s.figures(withEnsemble))
        expect(f.caption).toMatch(/t-intervals across 5 seeds/);
    }
  });
  it("render into the report with their figures; the first screen states the across-seed ΔZ", async () => {
    const html = await render(withEnsemble);
    for (const s of ACROSS) {
      const at = html.indexOf(`<section id="${s.id}"`);
      expect(at).toBeGreaterThan(0);
      const count = Number(/data-figures="(\d+)"/.exec(html.slice(at))![1]);
      expect(count).toBe(s.figures(withEnsemble).length);
    }
    const summary = html.slice(
      html.indexOf('<section id="summary"'),
      html.indexOf('<section id="learning"'),
    );
    const headline = ensemble.analysis.findings.find((f) => f.kind === "ensemble-headline")!;
    expect(headline.sentence).toContain("diamond");
    expect(summary).toContain(`<p>${headline.sentence}</p>`);
    // The answer table comes first: one row per headline record, its ΔZ and interval per init.
    expect(summary.indexOf("<table")).toBeLessThan(summary.indexOf(headline.sentence));
    const rows = ensemble.analysis.findings.filter((f) => f.kind === "ensemble-headline");
    expect(summary.slice(0, summary.indexOf("</table>")).match(/<tr>/g)).toHaveLength(
      rows.length + 1,
    );
    if (headline.kind === "ensemble-headline") {
      const first = headline.perInit[0];
      const cell = `${first.mean! >= 0 ? "+" : "−"}${Math.abs(first.mean!).toFixed(2)}`;
      expect(summary).toContain(cell);
    }
    expect(summary).toContain("One replicate");
    expect(html).toContain('id="figure-ensemble-delta-z-2-2-size-4"');
    expect(html).toContain("<svg");
  });
  it("without an ensemble the first screen is as before", async () => {
    const html = await render(without);
    const summary = html.slice(
      html.indexOf('<section id="summary"'),
      html.indexOf('<section id="learning"'),
    );
    expect(summary).not.toContain("One replicate");
    expect(summary).not.toContain("across 5 seeds");
  });
});

describe("reportHtml(…, { ensemble }) header", () => {
  it("names every architecture and every replicate's data sets, not only the first's", () => {
    const a = handEnsemble({ seeds: [1, 2], z: () => 1, architecture: "20-10" });
    const b = handEnsemble({
      seeds: [1, 2],
      z: () => 1,
      architecture: "50-50-20",
      datasets: ["fashion-mnist"],
    });
    const both = { ...a, replicates: [...a.replicates, ...b.replicates] };
    const first = both.replicates[0].results;
    const html = reportHtml(first, analyseStudy(first), [], {
      ensemble: { results: both, analysis: analyseEnsemble(both) },
    });
    const header = html.slice(html.indexOf("<header"), html.indexOf("</header>"));
    expect(header).toContain("Architectures: 20-10, 50-50-20");
    expect(header).toContain("Data sets: tree, clusters, fashion-mnist");
  });
});
