import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyseStudy } from "../../src/analysis/index.js";
import { setLogger } from "../../src/core/index.js";
import {
  flattenConfig,
  studyFigures,
  uniquifySvgIds,
  writeReport,
  type ReportOutput,
} from "../../src/report/index.js";
import { makeSyntheticStudy } from "../fixtures/synthetic-study.js";

const results = makeSyntheticStudy();
const analysis = analyseStudy(results);
const dir = mkdtempSync(join(tmpdir(), "nnmotifs-report-"));
let out: ReportOutput;
let html: string;
const warnings: string[] = [];
beforeAll(async () => {
  const previous = setLogger({ info: () => {}, warn: (m) => warnings.push(m) });
  try {
    out = await writeReport(results, analysis, dir);
  } finally {
    setLogger(previous);
  }
  html = readFileSync(out.reportPath, "utf8");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("writeReport(results, analysis, outDir)", () => {
  it("writes report.html and every figure as SVG and PNG, with no temporary files left", () => {
    const figures = studyFigures(results, analysis);
    const files = readdirSync(join(dir, "figures"));
    for (const { figure } of figures) {
      expect(files).toContain(`${figure.name}.svg`);
      expect(files).toContain(`${figure.name}.png`);
    }
    expect(out.figurePaths).toHaveLength(2 * figures.length);
    expect([...readdirSync(dir), ...files].some((f) => f.includes(".tmp"))).toBe(false);
  });
  it("renders every figure without a vega-lite or vega warning", () => {
    expect(warnings).toEqual([]);
  });
  it("is self-contained: no external scripts, styles, images or fonts", () => {
    expect(html).not.toMatch(/<(script|link|img|iframe)[^>]+(src|href)=/i);
    expect(html).not.toMatch(/@import|url\(\s*['"]?https?:/i);
    expect(html).not.toMatch(/(src|href)="https?:/i);
  });
  it("has unique element ids although it inlines many SVGs", () => {
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const m of html.matchAll(/url\(#([^)]+)\)/g)) expect(ids).toContain(m[1]);
  });
  it("puts the main finding first and every configuration parameter in the methods", () => {
    const summary = html.indexOf('id="summary"');
    expect(summary).toBeGreaterThan(0);
    expect(summary).toBeLessThan(html.indexOf('id="learning"'));
    expect(html.slice(summary, html.indexOf('id="learning"'))).toMatch(/diamond.*bi-fan/s);
    const methods = html.slice(html.indexOf('id="methods"'));
    for (const key of Object.keys(results.config)) expect(methods).toContain(`>${key}<`);
    for (const key of Object.keys(results.timings)) expect(methods).toContain(`>${key}<`);
    expect(methods).toContain(process.version);
  });
  it("draws a pictogram for every motif in the census tables", () => {
    const census = html.slice(html.indexOf('id="census"'), html.indexOf('id="changes"'));
    expect((census.match(/<svg [^>]*class="motif"/g) ?? []).length).toBeGreaterThan(50);
    expect(census).toMatch(/strong negative/);
    expect(census).toMatch(/selection/);
  });
});

describe("flattenConfig(config)", () => {
  it("turns nested objects into dotted keys and keeps arrays whole", () => {
    expect(
      flattenConfig({ seed: 1, training: { epochs: 20, opt: { lr: 0.01 } }, data: ["tree"] }),
    ).toEqual([
      { key: "seed", value: "1" },
      { key: "training.epochs", value: "20" },
      { key: "training.opt.lr", value: "0.01" },
      { key: "data", value: '["tree"]' },
    ]);
  });
});

describe("uniquifySvgIds(svg, prefix)", () => {
  it("prefixes ids and their references", () => {
    const svg = '<svg><clipPath id="clip1"/><g clip-path="url(#clip1)"/><use href="#clip1"/></svg>';
    expect(uniquifySvgIds(svg, "f3")).toBe(
      '<svg><clipPath id="f3-clip1"/><g clip-path="url(#f3-clip1)"/><use href="#f3-clip1"/></svg>',
    );
  });
});

describe("writeReport(results, analysis, outDir) on a smaller study", () => {
  it("copes with one null model, no size 4, no trainings and an empty census", async () => {
    const full = makeSyntheticStudy(2);
    const small = {
      ...full,
      sizes: [3],
      nullModels: ["switch"],
      trainings: [],
      censuses: full.censuses
        .filter((c) => c.size === 3 && c.nullModel === "switch")
        .map((c, i) => (i === 0 ? { ...c, motifs: [] } : c)),
    };
    const a = analyseStudy(small);
    expect(a.tables.nullComparison).toEqual([]);
    expect(a.findings.map((f) => f.sentence).join(" ")).toMatch(/diamond.*does not occur/);
    const smallDir = mkdtempSync(join(tmpdir(), "nnmotifs-report-small-"));
    try {
      const { reportPath } = await writeReport(small, a, smallDir, { png: false });
      const text = readFileSync(reportPath, "utf8");
      expect(text).toMatch(/id="methods"/);
      expect(text).not.toMatch(/figure-learning-curves/);
    } finally {
      rmSync(smallDir, { recursive: true, force: true });
    }
  });
});
