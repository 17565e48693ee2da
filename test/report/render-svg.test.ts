import { describe, expect, it } from "vitest";
import { setLogger, type Logger } from "../../src/core/index.js";
import { renderSvg, svgToPng } from "../../src/report/render-svg.js";

const spec = {
  $schema: "https://vega.github.io/schema/vega-lite/v5.json",
  data: {
    values: [
      { a: 1, b: 2 },
      { a: 2, b: 5 },
      { a: 3, b: 3 },
    ],
  },
  mark: "line",
  encoding: { x: { field: "a", type: "quantitative" }, y: { field: "b", type: "quantitative" } },
};

describe("renderSvg(spec)", () => {
  it("renders a Vega-Lite spec to a standalone SVG offline", async () => {
    const svg = await renderSvg(spec);
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toMatch(/xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toMatch(/<path[^>]*d="M/);
  });
  it("sends vega-lite warnings to the nnmotifs logger", async () => {
    const warnings: string[] = [];
    const previous = setLogger({ info: () => {}, warn: (m) => warnings.push(m) } satisfies Logger);
    try {
      await renderSvg({
        ...spec,
        encoding: { ...spec.encoding, size: { field: "a", type: "nominal" } },
      });
    } finally {
      setLogger(previous);
    }
    expect(warnings.join("\n")).toMatch(/figure: .*size/i);
  });
});

describe("svgToPng(svg, scale)", () => {
  it("rasterises to a PNG twice the SVG's size", async () => {
    const svg = await renderSvg(spec);
    const png = await svgToPng(svg, 2);
    expect([...png.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const view = new DataView(png.buffer, png.byteOffset);
    const width = Number(svg.match(/width="(\d+)"/)?.[1]);
    expect(view.getUint32(16)).toBe(2 * width);
  });
});

describe("renderSvg(spec) warnings", () => {
  it("says nothing of an interval layer whose rows have no bounds (one seed), but forwards real warnings", async () => {
    const warnings: string[] = [];
    const previous = setLogger({ info: () => {}, warn: (m) => warnings.push(m) });
    try {
      const oneSeed = {
        data: { values: [{ x: 1, mean: 2, lo: null, hi: null }] },
        layer: [
          {
            transform: [{ filter: "isValid(datum.lo) && isValid(datum.hi)" }],
            mark: "area",
            encoding: {
              x: { field: "x", type: "quantitative" },
              y: { field: "lo", type: "quantitative" },
              y2: { field: "hi" },
            },
          },
          {
            mark: "line",
            encoding: {
              x: { field: "x", type: "quantitative" },
              y: { field: "mean", type: "quantitative" },
            },
          },
        ],
      };
      await renderSvg(oneSeed);
      expect(warnings).toEqual([]);
      // A spec vega-lite complains about still reaches the logger.
      await renderSvg({
        ...spec,
        mark: "bar",
        encoding: { ...spec.encoding, theta: { field: "a", type: "quantitative" } },
      });
      expect(warnings.length).toBeGreaterThan(0);
      expect(warnings[0]).toMatch(/^figure: /);
    } finally {
      setLogger(previous);
    }
  });
});
