import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { analyseStudy } from "../../src/analysis/index.js";
import {
  REPORT_SECTIONS,
  reportHtml,
  withSection,
  writeReport,
  type ReportSection,
} from "../../src/report/index.js";
import { topLevel } from "../../src/report/figure-spec.js";
import { makeSyntheticStudy } from "../fixtures/synthetic-study.js";

const results = makeSyntheticStudy();
const analysis = analyseStudy(results);
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A section declared in one object: one figure, the learning findings, a line of its own. */
const toySection: ReportSection = {
  id: "toy",
  title: "Toy section",
  numbered: true,
  findings: ["learning"],
  figures: ({ results: r }) => [
    {
      name: "toy-networks",
      title: "Networks per init",
      caption: "One bar per init.",
      spec: {
        ...topLevel(r.inits.map((init) => ({ init, n: 1 }))),
        mark: "bar",
        encoding: {
          x: { field: "init", type: "nominal" },
          y: { field: "n", type: "quantitative" },
        },
      },
    },
  ],
  body: ({ figuresHtml, findings }) =>
    `<p class="toy">${findings.length} learning findings</p>${figuresHtml}`,
};

describe("report sections registry", () => {
  it("renders a toy section registered through the registry alone, with its figure and findings", async () => {
    const dir = mkdtempSync(join(tmpdir(), "nnmotifs-sections-"));
    dirs.push(dir);
    const sections = withSection(REPORT_SECTIONS, toySection);
    const { reportPath } = await writeReport(results, analysis, dir, { png: false, sections });
    const html = readFileSync(reportPath, "utf8");
    expect(readdirSync(join(dir, "figures"))).toContain("toy-networks.svg");
    const toy = html.slice(
      html.indexOf('<section id="toy"'),
      html.indexOf('<section id="methods"'),
    );
    expect(toy).toMatch(/data-figures="1"/);
    expect(toy).toContain("<h2>7. Toy section</h2>");
    const learning = analysis.findings.filter((f) => f.section === "learning").length;
    expect(toy).toContain(`${learning} learning findings`);
    expect(toy).toMatch(/id="figure-toy-networks"/);
    expect(html).toContain('<a href="#toy">Toy section</a>');
    expect(html).toContain("<h2>8. Methods</h2>");
  });

  it("withSection(registry, section, before) inserts a copy and refuses taken ids", () => {
    const sections = withSection(REPORT_SECTIONS, toySection, "learning");
    expect(sections.map((s) => s.id).slice(0, 3)).toEqual(["summary", "toy", "learning"]);
    expect(REPORT_SECTIONS.map((s) => s.id)).not.toContain("toy");
    expect(() => withSection(sections, toySection)).toThrow(/section id "toy" is taken/);
    expect(() => withSection(REPORT_SECTIONS, toySection, "nope")).toThrow(
      /unknown section "nope"/,
    );
  });

  it("lays out the default registry in the study's order, numbering all but the summary", () => {
    const html = reportHtml(results, analysis, []);
    const ids = [...html.matchAll(/<section id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual([
      "summary",
      "learning",
      "weights",
      "census",
      "changes",
      "profiles",
      "nulls",
      "methods",
    ]);
    expect(html).toContain("<h2>Main finding</h2>");
    expect(html).toContain("<h2>1. Learning efficacy</h2>");
    expect(html).toContain("<h2>7. Methods</h2>");
  });

  it("builds the first screen and the methods from the findings and the rules", () => {
    const html = reportHtml(results, analysis, []);
    const summary = html.slice(html.indexOf('id="summary"'), html.indexOf('id="learning"'));
    for (const f of analysis.findings) {
      expect(summary).toContain(
        f.sentence.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"),
      );
    }
    expect(summary).toMatch(/class="headline">The diamond.*layered null: median Z/);
    const methods = html.slice(html.indexOf('id="methods"'));
    for (const ref of ["Phipson", "Benjamini", "Milo R, Shen-Orr", "Milo R, Itzkovitz"]) {
      expect(methods).toContain(ref);
    }
    expect(methods).toMatch(/mfinder/);
    expect(methods).toMatch(/Constrained/);
    expect(methods).toMatch(/Count-Z/);
  });
});
