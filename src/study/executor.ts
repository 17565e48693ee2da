/**
 * Executors run a plan (plan.ts) against a store (store.ts). The interface is what a job-queue
 * executor (BullMQ, issue 11) implements too: it may enqueue each spec with its dependencies and let
 * workers elsewhere run `runStep(spec, store, …)`, since a spec and a store are all a step needs.
 *
 * A step is reused when the store holds a completion marker with its cache key: a hash of the
 * plan's code version, the step's id, kind and key parameters, and the hashes of the exact upstream
 * outputs it reads. Outputs are written atomically and the marker last, so a run killed or cancelled
 * at any moment leaves no partial file and the next run resumes.
 */
import { availableParallelism } from "node:os";
import { NnmotifsError } from "../core/errors.js";
import { hashOf, type StepRecord } from "./cache.js";
import type { ManifestStep, Stage } from "./manifest.js";
import { keyParams, type StepSpec, type StudyPlan } from "./plan.js";
import { ingestFolder, type StudyStore } from "./store.js";
import { runStepSpec, type StepContext } from "./steps/registry.js";

/** What an executor tells its caller (the CLI draws the step list and bars from these). */
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
      /** The step as the manifest records it. */
      readonly step: ManifestStep;
    }
  | { readonly type: "stage-end"; readonly stage: Stage; readonly seconds: number }
  | { readonly type: "failed"; readonly id: string };

export interface ExecuteOptions {
  readonly signal?: AbortSignal;
  readonly onEvent?: (event: StudyEvent) => void;
  /** Redo every step even when a finished one matches. */
  readonly force?: boolean;
  /**
   * Take every finished training, graph and census step as it is in the store, whatever the code
   * that made it (its outputs still checked by hash), and run the analyses and the report again:
   * a new nnmotifs re-reads old counts without recounting. A step never finished is an error.
   */
  readonly reanalyse?: boolean;
  /** Census worker threads ("auto": every core). */
  readonly threads?: number | "auto";
}

export interface ExecutionResult {
  /** Every step's record by id (run or reused). */
  readonly records: ReadonlyMap<string, StepRecord>;
  readonly ran: number;
  readonly reused: number;
}

export interface StudyExecutor {
  execute(plan: StudyPlan, store: StudyStore, options?: ExecuteOptions): Promise<ExecutionResult>;
}

/** The message (and exit code 130, as for SIGINT) of a cancelled study. */
export function cancelledError(): NnmotifsError {
  return new NnmotifsError(
    "study cancelled: finished steps are kept, no partial file was written; run the same command again to resume.",
    {},
    130,
  );
}

/** The cache key of a step given the records of the steps it reads. */
export function cacheKey(
  plan: StudyPlan,
  spec: StepSpec,
  records: ReadonlyMap<string, StepRecord>,
): string {
  const inputs: Record<string, string> = {};
  for (const [name, input] of Object.entries(spec.inputs)) {
    const r = records.get(input.step);
    if (r === undefined)
      throw new Error(`${spec.id}: input ${name} from ${input.step}, not run yet`);
    if (input.output === null) inputs[name] = r.outputHash;
    else {
      const h = r.outputs[input.output];
      if (h === undefined)
        throw new Error(`${spec.id}: ${input.step} did not write ${input.output}`);
      inputs[name] = h;
    }
  }
  return hashOf({
    version: plan.code[spec.kind] ?? "",
    id: spec.id,
    kind: spec.kind,
    params: keyParams(spec.kind, spec.params),
    inputs,
  });
}

export interface RunStepOptions {
  readonly signal: AbortSignal;
  readonly threads: number;
  readonly autoThreads: boolean;
  readonly progress: (done: number, total: number) => void;
}

/**
 * Run one step: resolve its inputs from the records of upstream steps, run its kind, complete it in
 * the store. What a queue worker calls for one job.
 */
export async function runStep(
  plan: StudyPlan,
  spec: StepSpec,
  store: StudyStore,
  records: ReadonlyMap<string, StepRecord>,
  options: RunStepOptions,
): Promise<StepRecord> {
  const key = cacheKey(plan, spec, records);
  const t0 = performance.now();
  const outputKey = (name: string): string => {
    const input = spec.inputs[name];
    if (input?.output == null) throw new Error(`${spec.id}: no file input ${name}`);
    return input.output;
  };
  const ctx: StepContext = {
    readText: (name) => store.readText(outputKey(name)),
    readBytes: (name) => store.readBytes(outputKey(name)),
    record: <T>(name: string) => {
      const input = spec.inputs[name];
      const r = input === undefined ? undefined : records.get(input.step);
      if (r === undefined) throw new Error(`${spec.id}: no input ${name}`);
      return r as StepRecord<T>;
    },
    write: async (k, data) => {
      options.signal.throwIfAborted();
      await store.write(k, data);
      return k;
    },
    scratch: () => store.scratch(),
    collect: async (dir, prefix) => {
      options.signal.throwIfAborted();
      const keys = await ingestFolder((k, data) => store.write(`${prefix}${k}`, data), dir);
      return keys.map((k) => `${prefix}${k}`);
    },
    threads: options.threads,
    autoThreads: options.autoThreads,
    signal: options.signal,
    progress: options.progress,
  };
  await store.invalidate(spec.id); // a stale marker must not survive a half-redone step
  const out = await runStepSpec(spec, ctx);
  options.signal.throwIfAborted();
  return store.complete(spec.id, key, out.outputs, (performance.now() - t0) / 1000, out.data);
}

/** --reanalyse: a step's finished record whatever its key, its outputs checked by hash. */
async function storedAsIs(store: StudyStore, spec: StepSpec): Promise<StepRecord> {
  const previous = await store.previous(spec.id);
  const record = previous === null ? null : await store.lookup(spec.id, previous.key);
  if (record === null) {
    throw new NnmotifsError(
      `--reanalyse: "${spec.label}" has no finished result in this folder (or its files changed); run the study without --reanalyse to count it.`,
    );
  }
  return record;
}

/** The local executor: in-process, steps in plan (dependency) order; censuses use worker threads. */
export class LocalExecutor implements StudyExecutor {
  async execute(
    plan: StudyPlan,
    store: StudyStore,
    options: ExecuteOptions = {},
  ): Promise<ExecutionResult> {
    const emit = options.onEvent ?? (() => {});
    const signal = options.signal ?? new AbortController().signal;
    const threads =
      options.threads === "auto" || options.threads === undefined
        ? availableParallelism()
        : options.threads;
    const autoThreads = options.threads === "auto" || options.threads === undefined;
    const records = new Map<string, StepRecord>();
    let ran = 0;
    let reused = 0;
    let stage: Stage | null = null;
    let stageStart = 0;
    const endStage = (): void => {
      if (stage !== null) {
        emit({ type: "stage-end", stage, seconds: (performance.now() - stageStart) / 1000 });
      }
    };
    for (const spec of plan.steps) {
      if (signal.aborted) throw cancelledError();
      if (spec.stage !== stage) {
        endStage();
        stage = spec.stage;
        stageStart = performance.now();
        emit({
          type: "stage",
          stage,
          steps: plan.steps.filter((s) => s.stage === spec.stage).length,
        });
      }
      const t0 = performance.now();
      emit({ type: "start", id: spec.id, label: spec.label, long: spec.long });
      const key = cacheKey(plan, spec, records);
      const counted = spec.stage !== "analysis" && spec.stage !== "report";
      let record =
        options.reanalyse === true
          ? counted
            ? await storedAsIs(store, spec)
            : null
          : options.force
            ? null
            : await store.lookup(spec.id, key);
      const wasReused = record !== null;
      if (record === null) {
        try {
          record = await runStep(plan, spec, store, records, {
            signal,
            threads,
            autoThreads,
            progress: (done, total) => emit({ type: "progress", id: spec.id, done, total }),
          });
        } catch (error) {
          if (signal.aborted) throw cancelledError();
          emit({ type: "failed", id: spec.id });
          // Say which step a user error came from ("graphs normal: cannot bin: …").
          if (error instanceof NnmotifsError) {
            throw new NnmotifsError(
              `${spec.label}: ${error.message}`,
              { file: error.file, line: error.line },
              error.exitCode,
              error.cause, // keeps the code (ENOSPC: the study keeps its finished steps)
            );
          }
          throw error;
        }
        ran++;
      } else reused++;
      records.set(spec.id, record);
      emit({
        type: "finish",
        id: spec.id,
        label: spec.label,
        reused: wasReused,
        seconds: wasReused ? record.seconds : (performance.now() - t0) / 1000,
        step: {
          id: spec.id,
          stage: spec.stage,
          seed: spec.seed,
          inputHash: wasReused ? record.key : key,
          outputHash: record.outputHash,
          outputs: record.outputs,
          reused: wasReused,
          seconds: record.seconds,
        },
      });
    }
    endStage();
    return { records, ran, reused };
  }
}
