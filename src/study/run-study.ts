/**
 * Run a study: config → plan (plan.ts) → executor (executor.ts) over the results store (store.ts)
 * → results. The manifest records config, seeds, versions, input/output hashes and timings; it is
 * written at the start (status "running"), after each stage, and at the end.
 */
import { resolve } from "node:path";
import type { EnsembleResults } from "../analysis/ensemble/replicates.js";
import type { StudyResults } from "../analysis/study-results.js";
import { NnmotifsError } from "../core/errors.js";
import type { StepRecord } from "./cache.js";
import { assembleEnsemble, resultFileInputs } from "./collect-results.js";
import type { StudyConfig } from "./config.js";
import { LocalExecutor, cacheKey, type StudyEvent, type StudyExecutor } from "./executor.js";
import { LAYOUT } from "./layout.js";
import { baseVersions, type Manifest, type ManifestStep, type Stage } from "./manifest.js";
import { buildPlan, type EnsembleIndex, type StepSpec, type StudyPlan } from "./plan.js";
import { LocalFolderStore, type StudyStore } from "./store.js";

export type { StudyEvent } from "./executor.js";

export interface RunStudyOptions {
  /** Redo every step even when a finished one matches. */
  readonly force?: boolean;
  /** Re-run only the analyses and the report on the counts in the folder (executor.ts). */
  readonly reanalyse?: boolean;
  readonly onEvent?: (event: StudyEvent) => void;
  /** Cancel: finished steps stay, the running one leaves no partial file. */
  readonly signal?: AbortSignal;
  /** Wait for another study holding the results folder instead of refusing. */
  readonly wait?: boolean;
  /** Another executor (a job queue); default the local one. */
  readonly executor?: StudyExecutor;
}

export interface StudyOutcome {
  readonly outDir: string;
  readonly reportPath: string;
  readonly manifest: Manifest;
  /** The first replicate's results (the first architecture's first seed). */
  readonly results: StudyResults;
  /** Every replicate. */
  readonly ensemble: EnsembleResults;
  /** Steps run and reused in this run. */
  readonly ran: number;
  readonly reused: number;
}

export async function runStudy(
  config: StudyConfig,
  options: RunStudyOptions = {},
): Promise<StudyOutcome> {
  // Planning reads the config and the data sets' hashes only: bad input fails before any write.
  const plan = buildPlan(config);
  const store = new LocalFolderStore(config.out);
  const lock = await store.open({ wait: options.wait ?? false, signal: options.signal });
  const startedAt = new Date();
  const started = performance.now();
  const steps: ManifestStep[] = [];
  const stageSeconds: Partial<Record<Stage, number>> = {};
  const stageComputeSeconds: Partial<Record<Stage, number>> = {};
  const versions: Record<string, string> = { ...baseVersions() };
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
  try {
    await store.writeManifest(manifest("running"));
    const emit = options.onEvent ?? (() => {});
    const executor = options.executor ?? new LocalExecutor();
    let execution;
    try {
      execution = await executor.execute(plan, store, {
        signal: options.signal,
        force: options.force ?? false,
        reanalyse: options.reanalyse ?? false,
        threads: config.threads,
        onEvent: (e) => {
          if (e.type === "finish") {
            steps.push(e.step);
            stageComputeSeconds[e.step.stage] =
              (stageComputeSeconds[e.step.stage] ?? 0) + e.step.seconds;
          } else if (e.type === "stage-end") {
            // The plan may come back to a stage (matched graphs after the first censuses): add up.
            stageSeconds[e.stage] = (stageSeconds[e.stage] ?? 0) + e.seconds;
            // Best effort between stages; the final manifest is written below.
            void store.writeManifest(manifest("running"));
          } else if (e.type === "failed") failed = e.id;
          emit(e);
        },
      });
    } catch (error) {
      const cancelled = error instanceof NnmotifsError && error.exitCode === 130;
      // A full disk is not bad input: the finished steps are kept, so a rerun resumes.
      const diskFull =
        error instanceof NnmotifsError && (error.code === "ENOSPC" || error.code === "EDQUOT");
      const badInput = error instanceof NnmotifsError && error.exitCode === 2 && !diskFull;
      if (store.createdFolder && badInput) {
        // A first run that failed on bad input leaves nothing behind: there is nothing to resume.
        lock.release();
        store.removeAll();
      } else {
        // Best effort: on a full disk the manifest may not fit; the step's error is the news.
        await store
          .writeManifest(manifest(cancelled ? "cancelled" : "failed"))
          .catch((e: unknown) => {
            if (!diskFull) throw e;
          });
      }
      throw error;
    }
    for (const spec of plan.steps) {
      const backend = (execution.records.get(spec.id)?.data as { backend?: unknown } | undefined)
        ?.backend;
      if (spec.kind === "train" && typeof backend === "string" && backend !== "") {
        versions.tfjsBackend = backend;
      }
    }
    const final = manifest("complete");
    await store.writeManifest(final);
    const ensemble = await readResults(plan, store, execution.records);
    return {
      outDir: store.root,
      reportPath: resolve(store.root, LAYOUT.report),
      manifest: final,
      results: ensemble.replicates[0].results,
      ensemble,
      ran: execution.ran,
      reused: execution.reused,
    };
  } finally {
    lock.release();
  }
}

/** Every replicate's results of a finished plan, read back from the store. */
async function readResults(
  plan: StudyPlan,
  store: StudyStore,
  records: ReadonlyMap<string, StepRecord>,
): Promise<EnsembleResults> {
  const analysis = plan.steps.find(
    (s) => s.kind === "analysis",
  ) as unknown as StepSpec<EnsembleIndex>;
  const texts = new Map<string, unknown>();
  for (const name of resultFileInputs(analysis.params)) {
    const input = analysis.inputs[name];
    if (input?.output == null) continue;
    if (!texts.has(name)) texts.set(name, JSON.parse(await store.readText(input.output)));
  }
  return assembleEnsemble(analysis.params, {
    json: <T>(name: string) => texts.get(name) as T,
    record: <T>(name: string) => records.get(analysis.inputs[name]?.step ?? "") as StepRecord<T>,
  });
}

/** One step of `nnmotifs study --plan`: whether it is cached and what it should cost. */
export interface PlannedStep {
  readonly spec: StepSpec;
  readonly cached: boolean;
  /** Seconds: the time it took when it last ran, else the cost model's estimate. */
  readonly seconds: number;
  readonly measured: boolean;
}

/**
 * The plan of a study with what is already in its results folder: a step is cached when every step
 * it reads is and its marker matches. Reads the folder only; writes nothing, takes no lock.
 */
export async function describePlan(
  config: StudyConfig,
): Promise<{ plan: StudyPlan; steps: PlannedStep[] }> {
  const plan = buildPlan(config);
  const store = new LocalFolderStore(config.out);
  const records = new Map<string, StepRecord>();
  const steps: PlannedStep[] = [];
  for (const spec of plan.steps) {
    const ready = Object.values(spec.inputs).every((i) => records.has(i.step));
    const record = ready ? await store.lookup(spec.id, cacheKey(plan, spec, records)) : null;
    if (record !== null) records.set(spec.id, record);
    const previous = record ?? (await store.previous(spec.id));
    steps.push({
      spec,
      cached: record !== null,
      seconds: previous?.seconds ?? spec.estimate,
      measured: previous !== null,
    });
  }
  return { plan, steps };
}
