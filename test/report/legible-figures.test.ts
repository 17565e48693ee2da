/** The specs behind a legible report (issue 13 item 7), checked without a browser. */
import { describe, expect, it } from "vitest";
import { analyseStudy } from "../../src/analysis/index.js";
import { colourKeyText, drawnNulls } from "../../src/report/figure-spec.js";
import { mostChangedFigure } from "../../src/report/most-changed-figure.js";
import { compactSvg, renderSvg } from "../../src/report/render-svg.js";
import {
  profileTopologies,
  significanceProfileFigure,
} from "../../src/report/significance-profile-figure.js";
import { weightHistogramFigure } from "../../src/report/weight-histogram-figure.js";
import { makeSyntheticStudy } from "../fixtures/synthetic-study.js";

const five = makeSyntheticStudy(1, { fiveNodeTopologies: 40 });
const fiveAnalysis = analyseStudy(five);

describe("legible figures", () => {
  it("numbers unnamed 5-node topologies #1…, keeps names, and widens and stacks the profile", () => {
    const rows = fiveAnalysis.tables.significanceProfiles;
    const topologies = profileTopologies(rows, 5);
    expect(topologies.length).toBe(40);
    const labels = topologies.map((t) => t.label);
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels.filter((l) => l.startsWith("#"))).toEqual(
      topologies.filter((t) => !t.named).map((_, i) => `#${i + 1}`),
    );
    expect(topologies.filter((t) => t.named).every((t) => !t.label.includes("#"))).toBe(true);
    const figure = significanceProfileFigure(rows, {
      size: 5,
      by: "init",
      value: "z",
      inits: five.inits,
      datasets: five.datasets,
      nullModels: five.nullModels,
    });
    const spec = figure.spec as { facet: Record<string, unknown>; spec: { width: number } };
    expect(spec.spec.width).toBeGreaterThanOrEqual(16 * 40);
    expect(Object.keys(spec.facet)).toEqual(["row"]);
    expect(figure.caption).toMatch(/#1, #2/);
  });

  it("gives every most-changed bar of a panel a distinct label", () => {
    const rows = fiveAnalysis.tables.mostChanged;
    for (const size of five.sizes) {
      const figure = mostChangedFigure(rows, size, five.inits, five.nullModels, "paper");
      const values = (figure.spec.data as { values: { nullModel: string; label: string }[] })
        .values;
      for (const n of five.nullModels) {
        const labels = values.filter((v) => v.nullModel === n).map((v) => v.label);
        expect(new Set(labels).size, `${size} ${n}`).toBe(labels.length);
      }
    }
  });

  it("draws no band or fitted-normal layer when the binning has none, and says so", () => {
    const sign = makeSyntheticStudy(2, { binning: "sign" });
    const t = analyseStudy(sign).tables;
    expect(t.colourBands).toEqual([]);
    const figure = weightHistogramFigure(t.weightHistograms, t.colourBands, "sign");
    const text = JSON.stringify(figure.spec);
    expect(text).not.toMatch(/datum.kind === 'band'/);
    expect(text).not.toMatch(/isValid\(datum.fittedDensity\)/);
    expect(figure.caption).toMatch(
      /sign binning colours weights by their sign \(1 negative, 3 positive\)/,
    );
    expect(colourKeyText("paper")).toBe("1 strong negative, 2 mild, 3 strong positive");
  });

  it("names the nulls without data instead of drawing their panels", () => {
    const { drawn, note } = drawnNulls(["switch", "layered"], new Set(["switch"]), "3-node class");
    expect(drawn).toEqual(["switch"]);
    expect(note).toBe(" No 3-node class under the layered null, so it has no panel.");
    expect(drawnNulls(["switch"], new Set(["switch"]), "x").note).toBe("");
  });

  it("compactSvg rounds coordinates in tags, keeps text, and renders the same marks", async () => {
    const raw =
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><g opacity="1">' +
      '<text transform="translate(1.23456,7.891011)" font-family="F">0.123456</text>' +
      '<text font-family="F">b</text></g></svg>';
    expect(compactSvg(raw)).toBe(
      '<svg font-family="F" xmlns="http://www.w3.org/2000/svg" width="10" height="10"><g>' +
        '<text transform="translate(1.23,7.89)">0.123456</text><text>b</text></g></svg>',
    );
    const svg = await renderSvg({
      data: { values: [{ x: 0.123456789, y: 2 }] },
      mark: "point",
      encoding: {
        x: { field: "x", type: "quantitative" },
        y: { field: "y", type: "quantitative" },
      },
    });
    expect(svg).not.toMatch(/\d\.\d{3,}/);
    expect(svg).toMatch(/^<svg font-family="/);
    expect(svg).toMatch(/<path/);
  });
});
