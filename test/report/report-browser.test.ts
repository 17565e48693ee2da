import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { analyseStudy } from "../../src/analysis/index.js";
import { writeReport } from "../../src/report/index.js";
import { makeSyntheticStudy } from "../fixtures/synthetic-study.js";
import { browserUnavailable, checkReportInBrowser } from "./browser.js";

const why = browserUnavailable();
if (why) console.warn(`report-browser.test.ts skipped: ${why}`);
const dir = mkdtempSync(join(tmpdir(), "nnmotifs-report-browser-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(why !== null)("writeReport(results, analysis, outDir) in headless Chromium", () => {
  it("renders every section and figure, with no console errors, and tables sort on click", async () => {
    const results = makeSyntheticStudy();
    const { reportPath } = await writeReport(results, analyseStudy(results), dir, { png: false });
    const check = await checkReportInBrowser(reportPath, join("test", ".out", "report.png"));
    expect(check.consoleErrors).toEqual([]);
    expect(check.title).toMatch(/nnmotifs/);
    expect(check.sections.map((s) => s.id)).toEqual([
      "summary",
      "learning",
      "weights",
      "census",
      "changes",
      "profiles",
      "nulls",
      "methods",
    ]);
    for (const s of check.sections) expect(s.renderedFigures, s.id).toBe(s.expectedFigures);
    const figures = Object.fromEntries(check.sections.map((s) => [s.id, s.expectedFigures]));
    // key finding; learning curves; histogram + KDE + edges; 3 per size; 4 profiles per size; 1 per size.
    expect(figures).toMatchObject({
      summary: 1,
      learning: 1,
      weights: 3,
      changes: 6,
      profiles: 8,
      nulls: 2,
    });
    expect(check.sections.find((s) => s.id === "census")!.tables).toBeGreaterThanOrEqual(4);
    expect(check.sortWorks).toBe(true);
    expect(check.firstScreenText).toMatch(/diamond/);
    expect(check.firstScreenText).toMatch(/bi-fan/);
  });
});
