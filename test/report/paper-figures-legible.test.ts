/**
 * "The paper's figures across seeds" at 1400 px in headless Chromium: no overlapping or clipped
 * text and no empty panel, on an ensemble of synthetic studies with 40 5-node topologies (the
 * case whose class labels would overprint if they were long names) and two architectures.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { analyseStudy } from "../../src/analysis/index.js";
import { analyseEnsemble } from "../../src/analysis/ensemble/analyse-ensemble.js";
import type { EnsembleResults } from "../../src/analysis/ensemble/replicates.js";
import { figureHtml } from "../../src/report/html.js";
import { renderSvg } from "../../src/report/render-svg.js";
import { paperFiguresSection } from "../../src/report/sections/paper-figures.js";
import { makeSyntheticStudy } from "../fixtures/synthetic-study.js";
import { browserUnavailable } from "./browser.js";
import { checkFigureLegibility } from "./figure-legibility.js";

const why = browserUnavailable();
if (why) console.warn(`paper-figures-legible.test.ts skipped: ${why}`);
const dir = mkdtempSync(join(tmpdir(), "nnmotifs-paper-figures-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(why !== null)("paperFiguresSection figures at 1400 px", () => {
  it("5-node classes, two architectures, three seeds: legible, no empty panel", async () => {
    const ensemble: EnsembleResults = {
      config: {},
      replicates: ["30-30", "20-10"].flatMap((architecture, a) =>
        [1, 2, 3].map((seed) => ({
          architecture,
          seed,
          hidden: architecture.split("-").map(Number),
          results: makeSyntheticStudy(10 * a + seed, { fiveNodeTopologies: 40 }),
          snapshots: [],
        })),
      ),
    };
    const results = ensemble.replicates[0].results;
    const figures = paperFiguresSection.figures({
      results,
      analysis: analyseStudy(results),
      ensemble: { results: ensemble, analysis: analyseEnsemble(ensemble) },
      maxCensusRows: 60,
    });
    expect(figures.filter((f) => f.name.includes("size-5")).length).toBe(6);
    let html = "";
    for (const [i, f] of figures.entries()) html += figureHtml(f, await renderSvg(f.spec), i);
    const page = join(dir, "paper-figures.html");
    writeFileSync(page, `<!DOCTYPE html><html><body>${html}</body></html>`);
    const checked = await checkFigureLegibility(page, 1400);
    expect(checked.length).toBe(figures.length);
    const problems = checked.flatMap((f) => [
      ...f.overlaps.map((o) => `${f.figure}: "${o.a}" overlaps "${o.b}" by ${o.depth} px`),
      ...f.outside.map((t) => `${f.figure}: "${t}" outside the SVG`),
      ...f.emptyPanels.map((p) => `${f.figure}: empty panel ${p}`),
    ]);
    expect(problems).toEqual([]);
  }, 240_000);
});
