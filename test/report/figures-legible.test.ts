/**
 * Every figure of a report is legible at 1400 px (issue 13 item 7): in headless Chromium, no two
 * text boxes of an SVG overlap, no text leaves its SVG and no plot panel is empty. Checks every
 * inline SVG, so figures other sections add are covered without changing this file. Three
 * reports: the real `--quick` study (3-node, where the layered null gives no Z), and two
 * synthetic ones — paper binning with 5-node classes (40 topologies, the case whose axis labels
 * used to overprint), and sign binning.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { analyseStudy } from "../../src/analysis/index.js";
import { writeReport } from "../../src/report/index.js";
import { referenceLayer, topLevel, type Figure } from "../../src/report/figure-spec.js";
import { figureHtml } from "../../src/report/html.js";
import { renderSvg } from "../../src/report/render-svg.js";
import { resolveStudyConfig } from "../../src/study/config.js";
import { runStudy } from "../../src/study/run-study.js";
import { makeSyntheticStudy } from "../fixtures/synthetic-study.js";
import { browserUnavailable } from "./browser.js";
import { checkFigureLegibility, type FigureLegibility } from "./figure-legibility.js";

const why = browserUnavailable();
if (why) console.warn(`figures-legible.test.ts skipped: ${why}`);
const dir = mkdtempSync(join(tmpdir(), "nnmotifs-legible-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The problems of a report's figures, one line each (empty when legible). */
function problems(figures: readonly FigureLegibility[]): string[] {
  return figures.flatMap((f) => [
    ...f.overlaps.map((o) => `${f.figure}: "${o.a}" overlaps "${o.b}" by ${o.depth} px`),
    ...f.outside.map((t) => `${f.figure}: "${t}" outside the SVG`),
    ...f.emptyPanels.map((p) => `${f.figure}: empty panel ${p}`),
  ]);
}

function chartsOf(figures: readonly FigureLegibility[]): FigureLegibility[] {
  return figures.filter((f) => f.vega);
}

describe.skipIf(why !== null)("every report figure at 1400 px in headless Chromium", () => {
  it("the checker finds overprinted labels and an empty panel in a bad figure", async () => {
    // 30 long nominal labels, unrotated, in 150 px; and a panel that draws only its y = 0 rule.
    const values = Array.from({ length: 30 }, (_, i) => ({
      label: `topology number ${i}`,
      panel: "a",
      y: i,
    }));
    values.push({ label: "topology number 0", panel: "b", y: Number.NaN });
    const bad: Figure = {
      name: "bad",
      title: "bad",
      caption: "",
      spec: {
        ...topLevel(values),
        facet: { column: { field: "panel", type: "nominal" } },
        spec: {
          width: 150,
          height: 80,
          layer: [
            { name: referenceLayer("zero"), mark: "rule", encoding: { y: { datum: 0 } } },
            {
              mark: "point",
              encoding: {
                x: {
                  field: "label",
                  type: "nominal",
                  axis: { labelAngle: 0, labelOverlap: false },
                },
                y: { field: "y", type: "quantitative" },
              },
            },
          ],
        },
      },
    };
    const page = join(dir, "bad.html");
    writeFileSync(
      page,
      `<!DOCTYPE html><html><body>${figureHtml(bad, await renderSvg(bad.spec), 0)}</body></html>`,
    );
    const [figure] = await checkFigureLegibility(page, 1400);
    expect(figure.figure).toBe("bad");
    expect(figure.overlaps.length).toBeGreaterThan(20);
    expect(figure.emptyPanels.length).toBe(1);
  }, 30_000);

  it("the checker counts a panel of zero-height bars as empty, a flat series of a line chart not", async () => {
    // Z undefined drawn as 0: panel "b" has bars of height 0 only (the old key-finding figure).
    const bars: Figure = {
      name: "bars",
      title: "bars",
      caption: "",
      spec: {
        ...topLevel([
          { x: "a1", panel: "a", y: 3 },
          { x: "a2", panel: "a", y: 0 },
          { x: "b1", panel: "b", y: 0 },
          { x: "b2", panel: "b", y: 0 },
        ]),
        facet: { column: { field: "panel", type: "nominal" } },
        spec: {
          width: 150,
          height: 80,
          mark: "bar",
          encoding: {
            x: { field: "x", type: "nominal" },
            y: { field: "y", type: "quantitative" },
          },
        },
      },
    };
    // A band (area) per series that collapses to zero height in one series, with its line.
    const band = [0, 1, 2].flatMap((x) => [
      { x, s: "wide", lo: 0, hi: 1 + x },
      { x, s: "flat", lo: 0.5, hi: 0.5 },
    ]);
    const lines: Figure = {
      name: "lines",
      title: "lines",
      caption: "",
      spec: {
        ...topLevel(band),
        width: 150,
        height: 80,
        layer: [
          {
            mark: "area",
            encoding: {
              x: { field: "x", type: "quantitative" },
              y: { field: "lo", type: "quantitative" },
              y2: { field: "hi" },
              color: { field: "s", type: "nominal" },
            },
          },
          {
            mark: "line",
            encoding: {
              x: { field: "x", type: "quantitative" },
              y: { field: "hi", type: "quantitative" },
              color: { field: "s", type: "nominal" },
            },
          },
        ],
      },
    };
    const page = join(dir, "bars.html");
    writeFileSync(
      page,
      `<!DOCTYPE html><html><body>${figureHtml(bars, await renderSvg(bars.spec), 0)}${figureHtml(lines, await renderSvg(lines.spec), 1)}</body></html>`,
    );
    const [barFigure, lineFigure] = await checkFigureLegibility(page, 1400);
    expect(barFigure.figure).toBe("bars");
    expect(barFigure.panels).toBe(2);
    expect(barFigure.emptyPanels).toHaveLength(1);
    expect(lineFigure.figure).toBe("lines");
    expect(lineFigure.panels).toBeGreaterThan(0);
    expect(lineFigure.emptyPanels).toEqual([]);
  }, 30_000);

  it("the --quick study: no overlapping or clipped text, no empty panel", async () => {
    const config = resolveStudyConfig({ out: join(dir, "quick"), threads: 1 }, { quick: true });
    const outcome = await runStudy(config);
    const figures = await checkFigureLegibility(outcome.reportPath, 1400);
    expect(chartsOf(figures).length).toBeGreaterThanOrEqual(8);
    expect(problems(figures)).toEqual([]);
  }, 120_000);

  it("a synthetic study, paper binning, 40 5-node topologies, layered null without 3-node Z", async () => {
    const results = makeSyntheticStudy(1, { fiveNodeTopologies: 40, layeredEmptyAt3: true });
    const { reportPath } = await writeReport(results, analyseStudy(results), join(dir, "paper"), {
      png: false,
    });
    const figures = await checkFigureLegibility(reportPath, 1400);
    const charts = chartsOf(figures);
    const names = charts.map((f) => f.figure);
    expect(names).toContain("z-scatter-size-3");
    expect(names).toContain("profile-z-by-init-size-5");
    expect(names).toContain("most-changed-size-5");
    expect(charts.every((f) => f.panels > 0)).toBe(true);
    // 40 topologies on the axis (plus ticks and titles): the case that used to overprint.
    expect(figures.find((f) => f.figure === "profile-z-by-init-size-5")!.texts).toBeGreaterThan(40);
    expect(problems(figures)).toEqual([]);
    const html = readFileSync(reportPath, "utf8");
    // The empty layered panel is gone and the caption says why; unnamed topologies have a key.
    expect(html).toMatch(/No 3-node class has a Z in both networks under the layered null/);
    expect(html).toMatch(/Unnamed 5-node topologies/);
  }, 60_000);

  it("a synthetic study, sign binning: captions and legends describe the sign colours", async () => {
    const results = makeSyntheticStudy(2, { binning: "sign", layeredEmptyAt3: true });
    const { reportPath } = await writeReport(results, analyseStudy(results), join(dir, "sign"), {
      png: false,
    });
    const figures = await checkFigureLegibility(reportPath, 1400);
    expect(chartsOf(figures).length).toBeGreaterThanOrEqual(10);
    expect(problems(figures)).toEqual([]);
    const html = readFileSync(reportPath, "utf8");
    expect(html).toMatch(/1 negative, 3 positive/);
    expect(html).toMatch(/No colour bands: the sign binning/);
    expect(html).not.toMatch(/strong negative|middle band/);
  }, 60_000);
});
