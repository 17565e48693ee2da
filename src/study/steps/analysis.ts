/** The analysis step: StudyResults → study-results.json, findings.json and tables/*.csv. */
import { analyseStudy, writeAnalysisTables } from "../../analysis/analyse-study.js";
import { findingsJson } from "../../analysis/findings-json.js";
import type { StudyResults } from "../../analysis/study-results.js";
import { assembleResults, resultFileInputs } from "../collect-results.js";
import { LAYOUT } from "../layout.js";
import type { AnalysisParams, StepSpec } from "../plan.js";
import type { StepContext, StepKind } from "./registry.js";

/** StudyResults from a results step's inputs (the analysis and the report read the same ones). */
export async function resultsOf(
  spec: StepSpec<AnalysisParams>,
  ctx: StepContext,
): Promise<StudyResults> {
  const texts = new Map<string, unknown>();
  for (const name of resultFileInputs(spec.params)) {
    if (!texts.has(name)) texts.set(name, JSON.parse(await ctx.readText(name)));
  }
  return assembleResults(spec.params, {
    json: <T>(name: string) => texts.get(name) as T,
    record: (name) => ctx.record(name),
  });
}

export const analysisKind: StepKind<AnalysisParams, { files: number }> = {
  async run(spec, ctx) {
    const r = await resultsOf(spec, ctx);
    const outputs = [await ctx.write(LAYOUT.results, JSON.stringify(r) + "\n")];
    // The tables writer writes files: into a scratch folder, then into the store.
    const scratch = await ctx.scratch();
    const analysis = analyseStudy(r);
    // Every claim of the report as a record with its numbers (issue 7 item 8).
    outputs.push(await ctx.write(LAYOUT.findings, findingsJson(r, analysis)));
    await writeAnalysisTables(analysis, scratch);
    outputs.push(...(await ctx.collect(scratch, "tables/")));
    return { outputs, data: { files: outputs.length } };
  },
};
