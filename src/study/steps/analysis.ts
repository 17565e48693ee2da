/**
 * The analysis step: every replicate's StudyResults → its study-results.json and one-seed tables
 * (analyseStudy, per replicate), the across-seed analyses (analyseEnsemble → tables/ensemble/),
 * the whole ensemble as study-results.json, and findings.json.
 */
import {
  analyseEnsemble,
  writeEnsembleTables,
  type EnsembleAnalysis,
} from "../../analysis/ensemble/analyse-ensemble.js";
import type { EnsembleResults } from "../../analysis/ensemble/replicates.js";
import { analyseStudy, writeAnalysisTables } from "../../analysis/analyse-study.js";
import { INTERVAL_METHOD } from "../../analysis/ensemble/across-seeds.js";
import { NULL_SEPARATION_FAMILY } from "../../analysis/ensemble/null-separation.js";
import { findingsDocument, type FindingsDocument } from "../../analysis/findings-json.js";
import type { Finding } from "../../analysis/findings.js";
import { assembleEnsemble, resultFileInputs } from "../collect-results.js";
import { LAYOUT } from "../layout.js";
import type { AnalysisParams, StepSpec } from "../plan.js";
import type { StepContext, StepKind } from "./registry.js";

/** Every replicate's results from a results step's inputs (the analysis and the report read the same). */
export async function ensembleOf(
  spec: StepSpec<AnalysisParams>,
  ctx: StepContext,
): Promise<EnsembleResults> {
  const texts = new Map<string, unknown>();
  for (const name of resultFileInputs(spec.params)) {
    if (!texts.has(name)) texts.set(name, JSON.parse(await ctx.readText(name)));
  }
  return assembleEnsemble(spec.params, {
    json: <T>(name: string) => texts.get(name) as T,
    record: (name) => ctx.record(name),
  });
}

/**
 * findings.json: the first replicate's findings as `findings` (a one-seed study reads as before),
 * every replicate's findings tagged with its architecture and seed, and the ensemble's findings.
 */
export interface StudyFindingsDocument extends FindingsDocument {
  readonly replicates: ReadonlyArray<{
    readonly architecture: string;
    readonly seed: number;
    readonly findings: readonly Finding[];
  }>;
  readonly ensemble: {
    readonly intervals: string;
    readonly nullSeparationFamily: string;
    readonly findings: readonly Finding[];
  };
}

export function studyFindings(
  ensemble: EnsembleResults,
  perReplicate: readonly FindingsDocument[],
  across: EnsembleAnalysis,
): StudyFindingsDocument {
  const first = perReplicate[0];
  return {
    ...first,
    // The across-seed findings lead (the report's first screen), as findingsDocument orders them.
    findings:
      ensemble.replicates.length > 1 ? [...across.findings, ...first.findings] : first.findings,
    replicates: ensemble.replicates.map((r, i) => ({
      architecture: r.architecture,
      seed: r.seed,
      findings: perReplicate[i].findings,
    })),
    ensemble: {
      intervals: INTERVAL_METHOD,
      nullSeparationFamily: NULL_SEPARATION_FAMILY,
      findings: across.findings,
    },
  };
}

export const analysisKind: StepKind<AnalysisParams, { files: number }> = {
  async run(spec, ctx) {
    const ensemble = await ensembleOf(spec, ctx);
    const outputs: string[] = [];
    const documents: FindingsDocument[] = [];
    for (const [i, rep] of ensemble.replicates.entries()) {
      const index = spec.params.replicates[i];
      const r = rep.results;
      outputs.push(await ctx.write(index.results, JSON.stringify(r) + "\n"));
      const analysis = analyseStudy(r);
      documents.push(findingsDocument(r, analysis));
      // The tables writer writes files: into a scratch folder, then into the store.
      const scratch = await ctx.scratch();
      await writeAnalysisTables(analysis, scratch);
      outputs.push(...(await ctx.collect(scratch, index.tables)));
    }
    const across = analyseEnsemble(ensemble);
    const scratch = await ctx.scratch();
    await writeEnsembleTables(across, scratch);
    outputs.push(...(await ctx.collect(scratch, LAYOUT.ensembleTables)));
    // The whole study: each replicate's key, its results file and its snapshot censuses (the
    // replicate's StudyResults, with every weight, stays in its own folder).
    const replicates = ensemble.replicates.map((r, i) => ({
      architecture: r.architecture,
      seed: r.seed,
      hidden: r.hidden,
      results: spec.params.replicates[i].results,
      snapshots: r.snapshots,
    }));
    outputs.push(
      await ctx.write(
        LAYOUT.results,
        JSON.stringify({ format: "nnmotifs-ensemble", config: ensemble.config, replicates }) + "\n",
      ),
    );
    // Every claim of the report as a record with its numbers (issue 7 item 8).
    outputs.push(
      await ctx.write(
        LAYOUT.findings,
        JSON.stringify(studyFindings(ensemble, documents, across), null, 1) + "\n",
      ),
    );
    return { outputs, data: { files: outputs.length } };
  },
};
