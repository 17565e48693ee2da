/** The report step: StudyResults and its analyses → figures/*.{svg,png} and report.html. */
import { analyseStudy } from "../../analysis/analyse-study.js";
import type { AnalysisParams } from "../plan.js";
import { resultsOf } from "./analysis.js";
import type { StepKind } from "./registry.js";

export const reportKind: StepKind<AnalysisParams, { files: number }> = {
  async run(spec, ctx) {
    const r = await resultsOf(spec, ctx);
    // The figures need vega, vega-lite and resvg: loaded by this step only.
    const { writeReport } = await import("../../report/index.js");
    // The report writer writes files: into a scratch folder, then into the store.
    const scratch = await ctx.scratch();
    await writeReport(r, analyseStudy(r), scratch);
    const outputs = await ctx.collect(scratch, "");
    return { outputs, data: { files: outputs.length } };
  },
};
