import { describe, expect, it } from "vitest";
import type { ZPairRow } from "../../src/analysis/z-changes.js";
import { renderSvg } from "../../src/report/render-svg.js";
import { MAX_SCATTER_POINTS, zScatterFigure } from "../../src/report/z-scatter-figure.js";

function pairs(n: number): ZPairRow[] {
  return Array.from({ length: n }, (_, i) => ({
    init: i % 2 ? "normal" : "glorot",
    dataset: "tree",
    size: 5,
    nullModel: i % 3 ? "switch" : "layered",
    motif: String(i),
    topologyName: "chain",
    zInitial: (i % 97) / 10,
    zTrained: (i % 89) / 8,
    deltaZ: (i % 89) / 8 - (i % 97) / 10,
  }));
}

describe("zScatterFigure(pairs, size, inits, nullModels)", () => {
  it("draws one point per class for small censuses", async () => {
    const fig = zScatterFigure(pairs(200), 5, ["normal", "glorot"], ["switch", "layered"]);
    expect(JSON.stringify(fig.spec)).toContain('"type":"point"');
    const svg = await renderSvg(fig.spec);
    expect(svg).toMatch(/class="mark-symbol/);
  });
  it("switches to a binned density above MAX_SCATTER_POINTS, keeping the SVG small", async () => {
    const fig = zScatterFigure(
      pairs(MAX_SCATTER_POINTS + 1),
      5,
      ["normal", "glorot"],
      ["switch", "layered"],
    );
    expect(JSON.stringify(fig.spec)).not.toContain('"type":"point"');
    expect(fig.caption).toMatch(/binned density/);
    const svg = await renderSvg(fig.spec);
    expect(svg).toMatch(/class="mark-rect/);
    expect(svg.length).toBeLessThan(400_000);
  });
});
