import { describe, expect, it } from "vitest";
import { cutoffSensitivity } from "../../src/analysis/cutoff-sensitivity.js";
import { cutoffSensitivityFigure } from "../../src/report/cutoff-sensitivity-figure.js";
import { renderSvg } from "../../src/report/render-svg.js";
import { makeSyntheticStudy } from "../fixtures/synthetic-study.js";

describe("cutoffSensitivityFigure(rows, inits, datasets, defaultCutoff)", () => {
  const study = makeSyntheticStudy(1, { cutoffs: [0.45, 0.55, 0.65] });
  const rows = cutoffSensitivity(study);

  it("plots Z against c per network, facets motif × null, and marks the study's c", async () => {
    const fig = cutoffSensitivityFigure(rows, study.inits, study.datasets, 0.55);
    const values = (fig.spec.data as { values: Array<Record<string, unknown>> }).values;
    const points = values.filter((v) => v.kind === "point");
    // 3 cut-offs × 9 graphs × 2 nulls × 2 motifs, less the classes the fixture left out
    expect(points.length).toBeGreaterThan(90);
    expect(new Set(points.map((p) => p.motif))).toEqual(new Set(["diamond", "bi-fan"]));
    expect(values.filter((v) => v.kind === "default")).toEqual(
      ["diamond", "bi-fan"].flatMap((motif) =>
        ["switch", "layered"].map((nullModel) => ({
          kind: "default",
          motif,
          nullModel,
          cutoff: 0.55,
        })),
      ),
    );
    expect(fig.caption).toMatch(/c = 0\.55/);
    const svg = await renderSvg(fig.spec);
    expect(svg).toMatch(/class="mark-line/);
    expect(svg).toMatch(/class="mark-rule/);
    expect(svg).toContain("bi-fan");
  });
});
