/**
 * The report step: every replicate and the across-seed analyses → figures/*.{svg,png} and
 * report.html. The one-seed sections show the first replicate (the first architecture's first
 * seed); the ensemble sections get every replicate (SectionInput.ensemble).
 */
import { analyseEnsemble } from "../../analysis/ensemble/analyse-ensemble.js";
import { analyseStudy } from "../../analysis/analyse-study.js";
import type { AnalysisParams } from "../plan.js";
import { ensembleOf } from "./analysis.js";
import type { StepKind } from "./registry.js";

export const reportKind: StepKind<AnalysisParams, { files: number }> = {
  async run(spec, ctx) {
    const ensemble = await ensembleOf(spec, ctx);
    const first = ensemble.replicates[0].results;
    // The figures need vega, vega-lite and resvg: loaded by this step only.
    const { writeReport } = await import("../../report/index.js");
    // The report writer writes files: into a scratch folder, then into the store.
    const scratch = await ctx.scratch();
    await writeReport(first, analyseStudy(first), scratch, {
      ensemble: { results: ensemble, analysis: analyseEnsemble(ensemble) },
    });
    const outputs = await ctx.collect(scratch, "");
    return { outputs, data: { files: outputs.length } };
  },
};
