/** The last two steps: analyses (tables/, study-results.json), report (figures/, report.html). */
import { join } from "node:path";
import { analyseStudy, writeAnalysisTables } from "../analysis/analyse-study.js";
import type { StudyResults } from "../analysis/study-results.js";
import { LAYOUT, relativeTo } from "./layout.js";
import type { Step } from "./step.js";

/** The analyses: tables/*.csv and study-results.json. */
export function analysisStep(
  inputs: unknown,
  results: () => StudyResults,
): Step<{ files: number }> {
  return {
    id: "analysis",
    stage: "analysis",
    label: "analyses (tables)",
    seed: null,
    long: false,
    inputs,
    async run(ctx) {
      const r = results();
      const outputs = [await ctx.write(LAYOUT.results, JSON.stringify(r) + "\n")];
      const tables = await writeAnalysisTables(analyseStudy(r), join(ctx.outDir, "tables"));
      outputs.push(...tables.map((f) => relativeTo(ctx.outDir, f)));
      return { outputs, data: { files: outputs.length } };
    },
  };
}

/** The report: figures/*.{svg,png} and report.html. */
export function reportStep(inputs: unknown, results: () => StudyResults): Step<{ files: number }> {
  return {
    id: "report",
    stage: "report",
    label: "report (figures, report.html)",
    seed: null,
    long: false,
    inputs,
    async run(ctx) {
      const r = results();
      // The figures need vega, vega-lite and resvg: loaded by this step only.
      const { writeReport } = await import("../report/index.js");
      const out = await writeReport(r, analyseStudy(r), ctx.outDir);
      const outputs = [out.reportPath, ...out.figurePaths].map((f) => relativeTo(ctx.outDir, f));
      return { outputs, data: { files: outputs.length } };
    },
  };
}
