/**
 * Run a study: plan the grid of steps (step.ts, *-step.ts), then for each step, in order, reuse its
 * cached result when its key (content hash of its inputs) matches a completion marker, or run it.
 * Every step writes its outputs atomically and its marker last, so a run killed at any moment
 * resumes.
 * The manifest records config, seeds, versions, input/output hashes and timings.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import type { StudyResults } from "../analysis/study-results.js";
import { NnmotifsError } from "../core/errors.js";
import { StepCache, hashOf, type StepRecord } from "./cache.js";
import type { StudyConfig } from "./config.js";
import {
  MANIFEST_FILE,
  baseVersions,
  nnmotifsVersion,
  codeFingerprint,
  writeManifest,
  type Manifest,
  type ManifestStep,
  type Stage,
} from "./manifest.js";
import { censusStep, type CensusSummary } from "./census-step.js";
import { collectResults, type StudyIndex } from "./collect-results.js";
import { graphsStep, sensitivityGraphsStep, type GraphsSummary } from "./graphs-step.js";
import { LAYOUT, datasetSlugs, initialGraphId, trainedGraphId } from "./layout.js";
import { analysisStep, reportStep } from "./report-steps.js";
import { makeContext, type Step } from "./step.js";
import { trainStep, type TrainSummary } from "./train-step.js";

/** What the runner tells its caller (the CLI draws the step list and bars from these). */
export type StudyEvent =
  | { readonly type: "stage"; readonly stage: Stage; readonly steps: number }
  | { readonly type: "start"; readonly id: string; readonly label: string; readonly long: boolean }
  | {
      readonly type: "progress";
      readonly id: string;
      readonly done: number;
      readonly total: number;
    }
  | {
      readonly type: "finish";
      readonly id: string;
      readonly label: string;
      readonly reused: boolean;
      readonly seconds: number;
    };

export interface RunStudyOptions {
  /** Redo every step even when a finished one matches. */
  readonly force?: boolean;
  readonly onEvent?: (event: StudyEvent) => void;
}

export interface StudyOutcome {
  readonly outDir: string;
  readonly reportPath: string;
  readonly manifest: Manifest;
  readonly results: StudyResults;
  /** Steps run and reused in this run. */
  readonly ran: number;
  readonly reused: number;
}

export async function runStudy(
  config: StudyConfig,
  options: RunStudyOptions = {},
): Promise<StudyOutcome> {
  const outDir = resolve(config.out);
  checkResultsFolder(outDir, config.out);
  mkdirSync(outDir, { recursive: true });
  removeTemporaries(outDir);
  const emit = options.onEvent ?? (() => {});
  const cache = new StepCache(outDir);
  const ctx = makeContext(config, outDir);
  // Step keys include the code itself, so changed code never reuses old results.
  const version = `${nnmotifsVersion()}+${codeFingerprint()}`;
  const versions: Record<string, string> = { ...baseVersions() };
  const startedAt = new Date();
  const started = performance.now();
  const steps: ManifestStep[] = [];
  const stageSeconds: Partial<Record<Stage, number>> = {};
  const stageComputeSeconds: Partial<Record<Stage, number>> = {};
  let ran = 0;
  let reused = 0;
  let failed: string | null = null;

  const manifest = (status: Manifest["status"]): Manifest => ({
    format: "nnmotifs-study",
    version: 1,
    status,
    startedAt: startedAt.toISOString(),
    finishedAt: status === "running" ? null : new Date().toISOString(),
    ...(failed !== null ? { failedStep: failed } : {}),
    config,
    versions,
    stageSeconds,
    stageComputeSeconds,
    totalSeconds: (performance.now() - started) / 1000,
    steps,
  });
  writeManifest(outDir, manifest("running"));

  async function perform<T>(step: Step<T>): Promise<StepRecord<T>> {
    const key = hashOf({ version, id: step.id, inputs: step.inputs });
    const t0 = performance.now();
    emit({ type: "start", id: step.id, label: step.label, long: step.long });
    let record = options.force ? null : cache.lookup<T>(step.id, key);
    const wasReused = record !== null;
    if (record === null) {
      cache.invalidate(step.id); // a stale marker must not survive a half-redone step
      let out: Awaited<ReturnType<Step<T>["run"]>>;
      try {
        out = await step.run(ctx, (done, total) =>
          emit({ type: "progress", id: step.id, done, total }),
        );
      } catch (error) {
        failed = step.id;
        writeManifest(outDir, manifest("failed"));
        // Say which step a user error came from ("graphs normal: cannot bin: …").
        if (error instanceof NnmotifsError) {
          throw new NnmotifsError(
            `${step.label}: ${error.message}`,
            { file: error.file, line: error.line },
            error.exitCode,
          );
        }
        throw error;
      }
      const seconds = (performance.now() - t0) / 1000;
      record = cache.complete(step.id, key, out.outputs, seconds, out.data);
      ran++;
    } else reused++;
    steps.push({
      id: step.id,
      stage: step.stage,
      seed: step.seed,
      inputHash: key,
      outputHash: record.outputHash,
      outputs: record.outputs,
      reused: wasReused,
      seconds: record.seconds,
    });
    stageComputeSeconds[step.stage] = (stageComputeSeconds[step.stage] ?? 0) + record.seconds;
    emit({
      type: "finish",
      id: step.id,
      label: step.label,
      reused: wasReused,
      seconds: wasReused ? record.seconds : (performance.now() - t0) / 1000,
    });
    return record;
  }

  async function stage<T>(name: Stage, list: Step<T>[]): Promise<StepRecord<T>[]> {
    emit({ type: "stage", stage: name, steps: list.length });
    const t0 = performance.now();
    const records: StepRecord<T>[] = [];
    for (const step of list) records.push(await perform(step));
    stageSeconds[name] = (performance.now() - t0) / 1000;
    writeManifest(outDir, manifest("running"));
    return records;
  }

  // 1. Training: data set × init.
  const datasets = datasetSlugs(config.data);
  const inits = config.network.inits;
  const trainGrid = datasets.flatMap((ds) => inits.map((init) => ({ ds, init })));
  const trainRecords = await stage<TrainSummary>(
    "train",
    trainGrid.map(({ ds, init }) => trainStep(config, ds, init, ds === datasets[0])),
  );
  for (const r of trainRecords) {
    if (r.data.backend) versions.tfjsBackend = r.data.backend;
  }

  // 2. Graphs: one binning group per init; then the same groups at each sweep cut-off.
  const trainHashes = (init: string): Record<string, string> => {
    const hashes: Record<string, string> = {};
    trainGrid.forEach(({ ds, init: i }, n) => {
      if (i === init) hashes[ds.slug] = trainRecords[n].outputHash;
    });
    return hashes;
  };
  // The sweep re-bins with the paper scheme: off for the other schemes.
  const cutoffs = config.graphs.binning === "paper" ? config.sensitivity.cutoffs : [];
  const sweepGrid = cutoffs.flatMap((cutoff) => inits.map((init) => ({ cutoff, init })));
  const allGraphRecords = await stage<unknown>("graphs", [
    ...inits.map((init) => graphsStep(config, datasets, init, trainHashes(init))),
    ...sweepGrid.map(({ cutoff, init }) =>
      sensitivityGraphsStep(config, datasets, init, cutoff, trainHashes(init)),
    ),
  ]);
  const graphRecords = allGraphRecords.slice(0, inits.length) as StepRecord<GraphsSummary>[];
  const sweepGraphRecords = allGraphRecords.slice(inits.length);

  // 3. Census: graph × size × null, keyed by the graph file's own hash.
  const graphIds = inits.flatMap((init) => [
    initialGraphId(init),
    ...datasets.map((ds) => trainedGraphId(init, ds.slug)),
  ]);
  const graphHash = (id: string): string => {
    for (const r of graphRecords) {
      const h = r.outputs[LAYOUT.graphJson(id)];
      if (h !== undefined) return h;
    }
    throw new Error(`runStudy: graph ${id} was not produced`);
  };
  const censusGrid = graphIds.flatMap((graphId) =>
    config.motifs.sizes.flatMap((size) =>
      config.motifs.nulls.map((nullModel) => ({ graphId, size, nullModel })),
    ),
  );
  const sweepHash = (cutoff: number, id: string): string => {
    for (const r of sweepGraphRecords) {
      const h = r.outputs[LAYOUT.sensitivityGraphJson(cutoff, id)];
      if (h !== undefined) return h;
    }
    throw new Error(`runStudy: graph ${id} at c = ${cutoff} was not produced`);
  };
  const s = config.sensitivity;
  const sweepCensusGrid = cutoffs.flatMap((cutoff) =>
    graphIds.flatMap((graphId) =>
      s.sizes.flatMap((size) => s.nulls.map((nullModel) => ({ cutoff, graphId, size, nullModel }))),
    ),
  );
  const allCensusRecords = await stage<CensusSummary>("census", [
    ...censusGrid.map(({ graphId, size, nullModel }) =>
      censusStep(config, graphId, size, nullModel, graphHash(graphId)),
    ),
    ...sweepCensusGrid.map(({ cutoff, graphId, size, nullModel }) =>
      censusStep(config, graphId, size, nullModel, sweepHash(cutoff, graphId), cutoff),
    ),
  ]);
  const censusRecords = allCensusRecords.slice(0, censusGrid.length);
  const sweepCensusRecords = allCensusRecords.slice(censusGrid.length);

  // 4–5. Analyses and report, keyed by every upstream output.
  const timings = (): Record<string, number> => ({ ...stageComputeSeconds });
  const index = (): StudyIndex => ({
    datasets,
    inits,
    graphIds,
    trainings: trainGrid.map(({ ds, init }, n) => ({ ds, init, summary: trainRecords[n].data })),
    censuses: censusGrid.map((c, n) => ({ ...c, seconds: censusRecords[n].data.censusSeconds })),
    sensitivity: sweepCensusGrid.map((c, n) => ({
      ...c,
      seconds: sweepCensusRecords[n].data.censusSeconds,
    })),
    timings: timings(),
    versions,
  });
  let results: StudyResults | null = null;
  const getResults = (): StudyResults => (results ??= collectResults(config, outDir, index()));
  // Where the results live and how many threads made them do not change them.
  const upstream = {
    config: { ...config, out: null, threads: null },
    train: trainRecords.map((r) => r.outputHash),
    graphs: graphRecords.map((r) => r.outputHash),
    census: censusRecords.map((r) => r.outputHash),
    // Only when the sweep is on: a study without it keeps its analysis and report keys.
    ...(sweepGrid.length > 0
      ? {
          sensitivity: [...sweepGraphRecords, ...sweepCensusRecords].map((r) => r.outputHash),
        }
      : {}),
  };
  const [analysisRecord] = await stage("analysis", [analysisStep(upstream, getResults)]);
  await stage("report", [
    reportStep({ ...upstream, analysis: analysisRecord.outputHash }, getResults),
  ]);

  const final = manifest("complete");
  writeManifest(outDir, final);
  return {
    outDir,
    reportPath: resolve(outDir, LAYOUT.report),
    manifest: final,
    results: getResults(),
    ran,
    reused,
  };
}

/** Refuse to write a study into a folder that holds something else (a typo in --out). */
function checkResultsFolder(outDir: string, named: string): void {
  if (!existsSync(outDir)) return;
  if (!statSync(outDir).isDirectory()) {
    throw new NnmotifsError("the results folder is a file. Choose another `out`.", { file: named });
  }
  const entries = readdirSync(outDir);
  if (entries.length > 0 && !entries.includes(MANIFEST_FILE)) {
    throw new NnmotifsError(
      "not empty and not a study results folder (no manifest.json): refusing to write into it. Choose another `out`.",
      { file: named },
    );
  }
}

/** Temporary files of atomic writes that a killed run left behind (`.name.tmp-<pid>-<n>`). */
const TEMPORARY = /^\..+\.tmp-\d+-\d+$/;

function removeTemporaries(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) removeTemporaries(path);
    else if (TEMPORARY.test(entry.name)) rmSync(path, { force: true });
  }
}
